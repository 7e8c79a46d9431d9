"""AGREEMENT events, including a count followed by a bulleted list (``تم توقيع ثمان اتفاقيات … :``
and ``- اتفاقية مع …`` items → one event per item, the count checked against the list).

An AGREEMENT needs a signing word in its sentence (``وقع``، ``أبرم``، ``المبرم`` — ``signing_words``
in ``data/events.json``), unless an indefinite agreement noun is followed by مع/بين (``اتفاقية مع``);
a definite agreement noun (``الاتفاق``) after an earlier AGREEMENT refers back to it. Party and
subject arguments are text of the sentence (the store finds their offsets there).
"""
from __future__ import annotations

import re

from marsad.extract.events_args import (_DIGITS, _PUNCT, _count_near, _ents, _is, _parties_after, _phrase, _place,
                                        _split_parties, definite, find_triggers, keys, ontology)
from marsad.extract.events_items import before_with, between_sides, item_noun
from marsad.extract.events_parties import (clause_bounds, clause_parties, clause_people, is_demonym, masdar_signer,
                                           noun_phrase, parties_after, passive_agents)
from marsad.extract.people import fold, strip_proclitics, words

PLACE_WINDOW = 8   # words around an agreement's trigger in which its place is read
WITH_WINDOW = 12   # words after the trigger in which مع names a party (not … قصتها المزعومة مع ترامب)


_TOPIC_LINK = re.compile(r"\s(?:حول|بشأن|حيال|في مجال|في مجالات)(?:\s|$)")


_LATIN_LIST = re.compile(r"(?<=[A-Za-z])\s+و(?=[A-Za-z])")


def _latin_list(party: str) -> list[str]:
    """Latin names conjoined by و (``Alcoa وMosaic وFluor``), one party each, the last one cut
    before the Arabic words that follow it; names after a plural head (``plural_heads``) likewise."""
    items = _LATIN_LIST.split(party)
    if len(items) > 1:
        items[-1] = re.split(r"\s+(?=[\u0600-\u06FF])", items[-1], maxsplit=1)[0]
        return items
    head, _, rest = party.partition(" ")   # شركات رايثيون وبوينغ: a plural head, names without article
    names = re.split(r"\s+و(?=\S)", rest) if _is(head, "plural_heads") else []
    if len(names) > 1 and not any(definite(n) or is_demonym(n.split()[0]) for n in names):   # not فرنسية وسعودية
        last = names[-1].split()   # هيتاشي لتطوير القطارات: the name ends before a preposition or article
        n = next((n for n in range(1, len(last)) if last[n][0] in "لبفك" or definite(last[n])), len(last))
        return names[:-1] + [" ".join(last[:n])]
    return items


def _one_per_person(bld, doc, s, parties: list[str]) -> list[str]:
    """One party per person: a title that refers to a named party (``ولي العهد`` beside ``محمد بن
    سلمان``) is left out."""
    canon = {}
    for a, b, c in bld.persons + bld.title_refs:
        if s.start <= a < s.end and c:
            canon.setdefault(" ".join(doc.text[a:b].split()), c)
    seen, out = set(), []
    for p in parties:
        c = canon.get(p, p)
        if c in seen:
            continue
        seen.add(c)
        out.append(p)
    return out


def _modifier(doc, ws, j: int) -> str | None:
    """Definite adjectives right after the agreement noun (``الاتفاق النووي الإيراني`` → ``النووي الإيراني``)."""
    k = j
    while k < len(ws) and k - j < 3 and ws[k][2].startswith("ال") and not _is(ws[k][2], "boundary_words") \
            and not _is(ws[k][2], "signing_words") \
            and not _PUNCT.search(doc.text[ws[k - 1][1]:ws[k][0]]) \
            and not any(e.start == ws[k][0] for e in doc.spans("entities") if e.label in ("ORG", "PERSON", "GPE")):
        k += 1
    return doc.text[ws[j][0]:ws[k - 1][1]] if k > j else None


def _agents(doc, ws) -> list[str]:
    """Who signed, right after a signing verb (``التي أبرمتها قوى دولية مع …`` → ``قوى دولية``)."""
    out: list[str] = []
    for k, (_, _, w) in enumerate(ws[:-1]):
        if not _is(w, "signing_words"):
            continue
        if k and definite(w) and _is(ws[k - 1][2], "signatory_nouns"):
            out.append(ws[k - 1][2])   # الدول الموقعة على الاتفاق
            continue
        if not definite(w) and w.startswith(("ت", "وت")) and len(w) > 4 and w[-1] == "ع":
            out += [p for p in _noun_agents(doc, ws, k) if p not in out]   # توقيع الولايات المتحدة، وبريطانيا … اتفاقا
            continue
        if definite(w):
            continue   # a verb, not the noun توقيع / the participle الموقع
        nxt = ws[k + 1][2]
        if any(t[0] == "AGREEMENT" for t in find_triggers(ws, k + 1, k + 2)) or _is(nxt, "boundary_words") \
                or keys(nxt) & _instruments() \
                or _is(nxt, "trailing_words") or any(d.start == ws[k + 1][0] for d in doc.spans("dates")):
            continue
        if _DIGITS.fullmatch(nxt) or any(_is(nxt, x) for x in ("signer_stops", "clause_links", "time_words")):
            continue   # أبرم 2016، وُقع قبل بضعة أيام، وقعت عليه: a year, a time, a pronoun, not a signer
        a, b = noun_phrase(doc, ws, k + 1, limit=10)
        stop = next((t[1] for t in find_triggers(ws, k + 1) if t[0] == "AGREEMENT" and ws[t[1]][0] < b), None)
        if stop is not None:
            if stop == k + 1:
                continue
            b = ws[stop - 1][1]
        ents = _ents(doc, a, b, ("ORG", "GPE"))
        found = [doc.text[e.start:e.end] for e in ents] if ents else _split_parties(doc.text[a:b])
        out += [p for p in found if p not in out]
    return out


def _instruments() -> frozenset[str]:
    """ADOPTION instruments (``معاهدة``، ``ميثاق``): signed things, no signer (``التي وقعت معاهدة سلام مع``)."""
    return frozenset(fold(x) for x in ontology()["types"]["ADOPTION"]["instruments"])


def _noun_agents(doc, ws, k: int) -> list[str]:
    """Signers between the verbal noun ``ws[k]`` and the agreement noun after it, when only named
    countries and organisations stand there (``بعد توقيع الولايات المتحدة، وبريطانيا وروسيا اتفاقا``)."""
    t = next((t[1] for t in find_triggers(ws, k + 1, min(len(ws), k + 25)) if t[0] == "AGREEMENT"), None)
    if t is None or t == k + 1:
        return []
    ents = _ents(doc, ws[k + 1][0], ws[t - 1][1], ("ORG", "GPE", "LOC"))
    if not ents or ents[0].start != ws[k + 1][0]:
        return []
    covered = lambda a, b: any(e.start <= b and a <= e.end and e.start <= a + 2 for e in ents)  # noqa: E731
    if not all(covered(a, b) or fold(w) == fold("و") for a, b, w in ws[k + 1:t]):
        return []
    return [doc.text[e.start:e.end] for e in ents]


def _signings(doc, ws) -> list[int]:
    """Words of ``ws`` that tell a signing (the participle too, as annotated: الاتفاق الموقع عام 2015),
    not a verb of taking place (أحداث وقعت بين 22 يناير و…)."""
    out = []
    for k, (_, _, w) in enumerate(ws):
        if not _is(w, "signing_words"):
            continue
        if fold(strip_proclitics(w)[1]) == fold("توقع") and any(
                fold(x) in (fold("أن"), fold("ان")) for _, _, x in ws[k + 1:k + 7]):
            continue   # توقع بنك JPMorgan أن تقود … صفقات الاندماج: expects, signs nothing
        nx = k + 2
        if nx < len(ws) and fold(ws[k + 1][2]) == fold("بين") and (
                _DIGITS.match(ws[nx][2]) or any(d.start <= ws[nx][0] < d.end for d in doc.spans("dates"))):
            continue
        out.append(k)
    return out


def _agreement(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    signs = _signings(doc, ws)
    signing = bool(signs)
    linked = j < len(ws) and fold(ws[j][2]) in (fold("مع"), fold("بين"))
    is_definite = definite(ws[i][2])
    if _is(ws[i][2], "signing_words") and any(
            t[0] == "AGREEMENT" and not _is(ws[t[1]][2], "signing_words")
            for t in find_triggers(ws, j)):
        return False   # the verb (وقعت … اتفاقيات): the agreement noun after it carries the event
    if signs and not _is(ws[i][2], "signing_words"):
        nouns = [t[1] for t in find_triggers(ws) if t[0] == "AGREEMENT"
                 and not _is(ws[t[1]][2], "signing_words")]
        best = min(nouns, key=lambda n: min(abs(n - k) for k in signs))
        if best != i:
            return False   # the agreement noun next to the signing word carries the event
    count = _count_near(doc, ws, i)
    items = []
    if doc.text[s.start:s.end].rstrip().endswith(":") or (
            si + 1 < len(sents) and sents[si + 1].attrs.get("kind") == "list_item"):
        k = si + 1
        while k < len(sents) and (sents[k].attrs.get("kind") == "list_item" or
                                  doc.text[sents[k].start:sents[k].end].lstrip().startswith(("-", "•", "*"))) \
                and any(c.isalpha() for c in doc.text[sents[k].start:sents[k].end]):   # not a rule of dashes
            items.append(k)
            k += 1
    if count is None:   # 4. الأمن والدفاع، - رحبت المملكة المتحدة …: sections of a statement, no agreements listed
        items = [k for k in items if any(t[0] == "AGREEMENT" for t in find_triggers(
            words(doc.text, sents[k].start, sents[k].end)))
            or item_noun(doc, words(doc.text, sents[k].start, sents[k].end)) is not None]   # • شراكة بين أ وب
    last = bld.last("AGREEMENT")
    if last is not None and last.attrs.get("list_index"):
        last = None
    if not items and is_definite and last is not None and not anaphoric:
        bld.merge(last, s.start, s.end)   # الاتفاقية: the agreement already reported
        return True
    if not items and not (signing or (linked and not is_definite)):
        return False
    if any(_is(w, "withdrawal_words") for _, _, w in ws[max(0, i - 4):i]) and not any(k >= j for k in signs):
        return False   # انسحاب الولايات المتحدة من اتفاقية: left, not concluded
    gen = next((k for k in range(max(0, i - 5), i) if _is(ws[k][2], "generic_markers")), None)
    if gen is not None and gen >= i - 2:
        return False   # إذا انهار الاتفاق: a condition
    if gen is not None and any(_is(w, "signing_words") and w.startswith(("ي", "ت")) and not w.startswith("توقيع")
                               for _, _, w in ws[gen + 1:i]):
        return False   # عندما يوقع رئيس أمريكي على اتفاق: what happens in general
    if signs and min(signs) > i and any(_is(w, "wish_words") for _, _, w in ws[i + 1:min(signs)]):
        return False   # مؤشرات اتفاق يأمل إبرامه المبعوث: hoped for, not signed
    if not items and not any(k >= j for k in signs) and i and _is(ws[i - 1][2], "reference_words"):
        return False   # بموجب اتفاق بين الطرفين، أن توقع الدول على بيان … حول اتفاقية المناخ: cited, not concluded
    if _is(ws[i][2], "signing_words") and (i not in signs or (i and _is(ws[i - 1][2], "incident_nouns")) or (
            j < len(ws) and _is(ws[j][2], "incident_nouns")) or (
            i > 1 and _is(ws[i - 1][2], "relatives") and _is(ws[i - 2][2], "incident_nouns"))):
        return False   # أحداث وقعت بين 22 يناير و…، حادث وقع بين طائرتين، الهجوم الذي وقع، ووقعت اشتباكات: took place
    if _is(ws[i][2], "signing_words") and not _ents(doc, s.start, s.end, ("ORG", "GPE")):
        return False   # وقع حادث مع …: a signing verb needs an organisation or a country
    first_party = parties_after(doc, ws, j, len(ws), "بين")[:1]
    if items:
        for n, k in enumerate(items, 1):
            consumed.add(k)
            it = sents[k]
            iws = words(doc.text, it.start, it.end)
            trs = [t for t in find_triggers(iws, 0, min(len(iws), 4)) if t[0] == "AGREEMENT"]
            noun = item_noun(doc, iws) if not trs else None
            ti, tj = (trs[0][1], trs[0][2]) if trs else (noun, noun + 1) if noun is not None else (0, 1)
            counter = _parties_after(doc, iws, tj, len(iws), "مع")
            rest = _subject_after(doc, iws, tj, counter)
            sides, about = between_sides(doc, iws, tj)   # • شراكة بين أرامكو وغوغل، not a مع after them
            if counter and not before_with(iws, tj):
                sides, about = [], None
            bld.add("AGREEMENT", it.start, it.end, (iws[ti][0], iws[tj - 1][1]),
                    {"parties": sides or first_party + counter, "counterparties": [] if sides else counter,
                     "subject": about if sides else rest},
                    list_index=n, list_count=count, intro=[s.start, s.end],
                    place=_place(doc, s.start, s.end, near=ws[i][0]))   # signed where the introduction says
        if count is not None and count != len(items):
            doc.warn("event_count_mismatch", s.start, s.end,
                     f"announced {count} agreements, listed {len(items)}")
        return True
    right_after = next((k for k in range(j, min(len(ws), j + 3)) if fold(ws[k][2]) == fold("بين")), None)
    right_after = right_after is not None and not any(   # اتفاقية تجارية جديدة بين الولايات المتحدة والمكسيك
        definite(w) or _PUNCT.search(doc.text[ws[n - 1][1]:x]) for n, (x, _, w) in enumerate(ws[j:right_after + 1], j)
        if n > j or definite(w)) and not _ents(doc, ws[j][0], ws[right_after][0], ("GPE", "ORG", "PERSON"))
    # مذكرة تعاون بين حكومة السعودية وحكومة
    parties = (parties_after(doc, ws, j, len(ws), "بين") if right_after else first_party) or []   # كوريا: both
    both_sides = right_after and len(parties) >= 2   # «اتفاقية تعاون بين السعودية وفرنسا» names every party
    parties = [_TOPIC_LINK.split(p)[0].strip() or p for p in parties]   # … وحكومة أستراليا في مجال النقل: the topic
    agents = _agents(doc, ws)
    parties += [p for p in agents if p not in parties]
    parties += [p for p in parties_after(doc, ws, j, min(len(ws), j + WITH_WINDOW), "مع") if p not in parties]
    parties += [p for p in passive_agents(doc, ws, j, len(ws)) if p not in parties]
    signer = masdar_signer(doc, ws, i)   # توقيع هيئة الاتصالات وتقنية المعلومات اتفاقية مع …
    parties[:0] = [signer] if signer and signer not in parties else []
    verb = next((k for k in signs if k < i and not definite(ws[k][2])), None)   # وقعت الحكومة الفرنسية …
    if verb is not None and not parties_after(doc, ws, j, len(ws), "مع"):      # مع نظيرتها السعودية اتفاقات
        parties += [p for p in parties_after(doc, ws, verb + 1, i, "مع") if p not in parties]
    parties = list(dict.fromkeys(_TOPIC_LINK.split(p)[0].strip() or p for p in parties))   # مع وزرائها بشأن
    parties = [q for p in parties for q in _latin_list(p)]   # Alcoa وMosaic وFluor: three parties
    same = last is not None and bool(parties) and set(parties) <= set(last.attrs["args"].get("parties") or [])
    if anaphoric or (last is not None and (is_definite or same)):
        if last is not None:
            bld.merge(last, s.start, s.end)
            return True
        return False
    named = {e.start for e in doc.spans("entities") if e.label in ("ORG", "GPE")} | {a for a, _, _ in bld.persons}
    vso = any(k + 1 < len(ws) and not definite(ws[k][2]) and ws[k + 1][0] in named for k in signs)
    # (the subject of a clause that tells of an agreement between two named sides is no third party:
    # «واعتبرت الهيئة الملكية … أن توقيع اتفاقية التعاون بين السعودية وفرنسا»)
    subj = [] if (agents and vso) or both_sides else \
        [x for x in _clause_subject(bld, doc, ws, i, j, s) if not any(x in p or p in x for p in parties)]
    if not subj and not (agents and vso) and not both_sides:   # توصلت تونس إلى اتفاق مع صندوق النقد: Tunisia too
        subj = [x for x in _reach_subject(bld, doc, ws, i, s) if not any(x in p or p in x for p in parties)]
    # منذ أن وقعت سوريا على اتفاقية: the signer after the verb, not the sentence's first name
    parties[:0] = subj
    parties = _one_per_person(bld, doc, s, parties)
    if not parties:   # قد وقعا اتفاق سلام: the people, organisations and countries before the verb
        verb = next((k for k, (_, _, w) in enumerate(ws) if _is(w, "signing_words")
                     and not definite(w)), None)
        if verb is not None and verb < i:
            parties = bld.people_text(s.start, ws[verb][0]) + \
                [doc.text[e.start:e.end] for e in _ents(doc, s.start, ws[verb][0], ("ORG", "GPE"))]
    if not parties:
        lo, hi = clause_bounds(doc, ws, i, j, s.start, s.end)
        masdar = next((k for k in range(i - 1, -1, -1) if ws[k][0] >= lo and _is(ws[k][2], "signing_nouns")
                       and definite(ws[k][2])), None)
        if masdar is not None:   # قوة الأمم المتحدة … رغم التوقيع في 2015 على اتفاق: the signers follow the masdar
            lo = ws[masdar][1]
        parties = clause_parties(doc, ws, lo, hi, None)
    if not parties and not signing:
        return False
    mod = _modifier(doc, ws, j)
    subject = doc.text[ws[i][0]:ws[j - 1][1]] + doc.text[ws[j - 1][1]:ws[j][0]] + mod if mod \
        else None if j < len(ws) and _PUNCT.search(doc.text[ws[j - 1][1]:ws[j][0]]) \
        else _subject_after(doc, ws, j, parties)   # ومنذ توقيع الاتفاق، سلم …: the next clause is no subject
    lo, hi = clause_bounds(doc, ws, i, j, s.start, s.end)   # where it was signed: near the trigger, in its clause
    rel = next((k for k in range(j, min(len(ws), j + 3)) if _is(ws[k][2], "relatives")
                and all(definite(w) for _, _, w in ws[j:k])), None)   # الاتفاق النووي الذي أبرمته إيران
    if rel is not None or (j < len(ws) and _is(ws[j][2], "signing_words") and definite(ws[j][2])
                           and not _is(ws[j][2], "signing_nouns")):
        lo = max(lo, ws[rel if rel is not None else j][0])   # خلال زيارة إلى واشنطن … الاتفاق الموقع مع إيران
    w_lo, w_hi = ws[max(0, i - PLACE_WINDOW)][0], ws[min(len(ws), j + PLACE_WINDOW) - 1][1]
    place = _place(doc, max(lo, w_lo), min(hi, w_hi), near=ws[i][0])
    part = next((k for k in range(j, len(ws) - 1) if _is(ws[k][2], "signing_words") and definite(ws[k][2])
                 and not _is(ws[k][2], "signing_nouns")), None)
    if place is None and part is not None:   # … في مجال النقل الجوي، الموقعة في مدينة الرياض بتاريخ …
        place = _place(doc, ws[part][1], ws[min(len(ws), part + 5) - 1][1])
    if place in parties and len(parties) > 1:
        parties.remove(place)   # أعلن في العاصمة الأردنية عمان عن توقيع اتفاقية: where, not who
    bld.add("AGREEMENT", s.start, s.end, trig, {"parties": parties, "subject": subject,
                                              **({"count": count} if count else {})}, place=place)
    return True


def _clause_subject(bld, doc, ws, i, j, s) -> list[str]:
    """Who signs, named before a signing verb or ``توقيع``/``إبرام`` in its clause (``باريس ستوقع``،
    ``إيران … بعد توقيع الاتفاق``): the first person, organisation or country of the clause that is
    not a place, with those conjoined to it. None for a participle (``الاتفاق الموقع مع``: told, not done, here)."""
    verb = next((k for k, (_, _, w) in enumerate(ws) if _is(w, "signing_words") and abs(k - i) <= 3), None)
    anchor = min(i, verb) if verb is not None else i
    if verb is None or (definite(ws[verb][2]) and not _is(ws[verb][2], "signing_nouns")):
        return []
    if verb > i and any(_is(w, "relatives") for _, _, w in ws[i + 1:verb]):
        return []   # الاتفاق الذي أبرمته الدول الكبرى: the signers follow the verb
    return _subject_before(bld, doc, ws, anchor, s)


def _reach_subject(bld, doc, ws, i, s) -> list[str]:
    """Who reached the agreement ``ws[i]`` after a reach verb and إلى (``reach_verbs``): the people,
    organisations or countries between them (``توصلت تونس، الجمعة، إلى اتفاق``), else the verb's
    subject before it (``ماي تتوصل إلى اتفاق``)."""
    glued = ws[i][2].startswith("ل") and not ws[i][2].startswith("لل")   # توصلت لاتفاق
    to = i - 1 if i and fold(ws[i - 1][2]) in (fold("إلى"), fold("الى")) else i if glued else None
    v = next((k for k in range(to - 1, max(-1, to - 6), -1) if _is(ws[k][2], "reach_verbs")), None) \
        if to is not None else None
    if v is None:
        return []
    lo, hi = ws[v][1], ws[to][0]
    mid = [(a, t) for a, _, t, _ in clause_people(bld, doc, lo, hi)]
    mid += [(doc.text.find(p, lo), p) for p in clause_parties(doc, ws, lo, hi, None)]
    mid = sorted(m for m in mid if m[0] >= 0)
    return [t for _, t in mid[:2]] if mid else _subject_before(bld, doc, ws, v, s)


def _subject_before(bld, doc, ws, anchor: int, s) -> list[str]:
    """The subject named before the verb ``ws[anchor]`` in its clause, with those conjoined to it."""
    if anchor >= 1 and _is(ws[anchor - 1][2], "pronoun_complementisers"):   # قالت هيئة الأركان إنها وقعت
        ents = _ents(doc, s.start, ws[anchor - 1][0], ("ORG", "GPE"))
        people = bld.people_text(s.start, ws[anchor - 1][0])
        first = min([(e.start, doc.text[e.start:e.end]) for e in ents[:1]] +
                    [(doc.text.find(p, s.start), p) for p in people[:1]], default=None)
        return [first[1]] if first else []
    lo, _ = clause_bounds(doc, ws, anchor, anchor + 1, s.start, s.end)
    hi = ws[anchor][0]
    cands = [(a, b, t) for a, b, t, _ in clause_people(bld, doc, lo, hi)]
    cands += [(doc.text.find(p, lo), doc.text.find(p, lo) + len(p), p) for p in clause_parties(doc, ws, lo, hi, None)]
    cands = sorted(c for c in cands if c[0] >= 0)
    out = cands[:1]
    for c in cands[1:]:   # كريم الإدريسي وسمير الفاسي: a conjoined subject
        if c[0] >= out[-1][1] and doc.text[out[-1][1]:c[0]].strip(" ،,") in ("و", "") and c[2] not in [x[2] for x in out]:
            out.append(c)
    return [c[2] for c in out]


def _subject_after(doc, ws, j, parties) -> str | None:
    """The clause after the counter-party: what the agreement is about."""
    end = ws[-1][1] + (1 if ws and doc.text[ws[-1][1]:ws[-1][1] + 1] in ("»", "”", '"') else 0)
    text = doc.text[ws[j][0]:end] if j < len(ws) else ""
    m = re.search(r"(?<!\w)[وفبلك]?" + re.escape(parties[-1]) + r"(?!\w)", text) if parties else None
    if m:   # والبحرين, not inside البحرينية
        text = text[m.end():]
    clause = _PUNCT.split(text.strip(), maxsplit=1)[0].strip()
    m = re.match(r"(\S+)\s*([«“\"][^«»“”\"\n]{1,60}[»”\"])", text.strip())
    if m and _TOPIC_LINK.match(" " + m.group(1) + " ") and clause == m.group(1):
        clause = text.strip()[:m.end()]   # بشأن "بريكست": the quoted topic
    first = clause.split(" ")[0] if clause else ""
    if first and (_is(first, "time_words") or _is(first, "clause_links")) or re.match(r"في \d+$", clause or ""):
        return None   # مع إسرائيل بعد ذلك بعدة أعوام، في 1962: a time, not what it is about
    if first.startswith("وال") and len(first) > 4:
        return None   # الاتفاق الموقع مع حركة التمرد والمحادثات التي …: the next conjunct, not the topic
    at = doc.text.find(clause, ws[j][0]) if clause else -1
    cut_at = min((d.start for d in doc.spans("dates") if at < d.start < at + len(clause)), default=None) \
        if at >= 0 else None
    if cut_at is not None:   # اتفاقية روما المؤسسة للمحكمة في كانون الثاني 2015 وقبلت …: the date ends it
        clause = doc.text[at:cut_at].strip()
        while clause.split(" ")[-1:] and _is(clause.split(" ")[-1], "trailing_words"):
            clause = clause.rsplit(" ", 1)[0] if " " in clause else ""
    cut = clause.split(" ")
    if any(_is(w, "resumptive_words") for w in cut[:3]):
        return None   # اتفاقا حصلت بمقتضاه على …: a relative clause on what it gave, not its topic
    n = next((n for n, w in enumerate(cut) if _is(w, "subject_stops") or _is(w, "relatives") or (
        _is(w, "signing_words") and definite(w) and not _is(w, "signing_nouns"))), len(cut))
    while n > 1 and _is(cut[n - 1], "trailing_words"):
        n -= 1   # اتفاق سلام من شأنه …: not سلام من
    return " ".join(cut[:n]) or None   # فصل القوات الموقعة عام 1974 عبر …، وثيقة اتفاق تضمنت أيضا …: no predicate
