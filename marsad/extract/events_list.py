"""AGREEMENT events, including a count followed by a bulleted list (``تم توقيع ثمان اتفاقيات … :``
and ``- اتفاقية مع …`` items → one event per item, the count checked against the list)."""
from __future__ import annotations

from marsad.extract.events_args import (_PUNCT, _canon, _count_near, _ents, _is_any, _parties_after, find_triggers,
                                        ontology)
from marsad.extract.people import words


def _agreement(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    if not any(_is_any(w, ontology()["types"]["AGREEMENT"]["requires"]) for _, _, w in ws):
        return False
    count = _count_near(doc, ws, i)
    items = []
    if doc.text[s.start:s.end].rstrip().endswith(":") or (
            si + 1 < len(sents) and sents[si + 1].attrs.get("kind") == "list_item"):
        k = si + 1
        while k < len(sents) and (sents[k].attrs.get("kind") == "list_item" or
                                  doc.text[sents[k].start:sents[k].end].lstrip().startswith(("-", "•", "*"))):
            items.append(k)
            k += 1
    first_party = _parties_after(doc, ws, j, len(ws), "بين")[:1]
    if items:
        for n, k in enumerate(items, 1):
            consumed.add(k)
            it = sents[k]
            iws = words(doc.text, it.start, it.end)
            trs = [t for t in find_triggers(iws, 0, min(len(iws), 4)) if t[0] == "AGREEMENT"]
            ti, tj = (trs[0][1], trs[0][2]) if trs else (0, 1)
            counter = _parties_after(doc, iws, tj, len(iws), "مع")
            rest = _subject_after(doc, iws, tj, counter)
            bld.add("AGREEMENT", it.start, it.end, (iws[ti][0], iws[tj - 1][1]),
                    {"parties": first_party + counter, "counterparties": counter, "subject": rest},
                    list_index=n, list_count=count, intro=[s.start, s.end])
        if count is not None and count != len(items):
            doc.warn("event_count_mismatch", s.start, s.end,
                     f"announced {count} agreements, listed {len(items)}")
        return True
    if anaphoric:
        return False
    parties = first_party or []
    parties += [p for p in _parties_after(doc, ws, j, len(ws), "مع") if p not in parties]
    if not parties:
        parties = [_canon(doc, e) for e in _ents(doc, s.start, s.end, ("ORG", "GPE"))]
    if not parties:
        return False
    bld.add("AGREEMENT", s.start, s.end, trig, {"parties": parties, "subject": _subject_after(doc, ws, j, parties),
                                              **({"count": count} if count else {})})
    return True


def _subject_after(doc, ws, j, parties) -> str | None:
    """The clause after the counter-party: what the agreement is about."""
    text = doc.text[ws[j][0]:ws[-1][1]] if j < len(ws) else ""
    if parties and parties[-1] in text:
        text = text[text.index(parties[-1]) + len(parties[-1]):]
    clause = _PUNCT.split(text.strip(), maxsplit=1)[0].strip()
    return clause or None
