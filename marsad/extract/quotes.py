"""Quotes: direct quotations and who said them.

A quotation is text inside “…”, "…" or «…» introduced by a reporting verb (``قال``, ``أكدت``,
``مشيرا`` ... — ``data/reporting_verbs.json``) up to 16 words before the mark in the same
sentence (32 after a colon or a complementiser), or the rest of a sentence after ``قال:``. One-
or two-word scare quotes that are not a clause are left out, and so are quoted names (after a
medium's noun, a place noun or a joined ل, before الذي, or one entity's name: :func:`_nominal`).
A quotation joined to the last one by و keeps its speaker. The speaker is, in order:

1. the verb's subject: a role's title in apposition (``قال وزير الخارجية، فلان``), a person, an
   organisation (``قال الكرملين``), a first name + name or a lone surname the entity layer missed,
   a bare title (``الوزيرة``, ``الرئيس الروسي``) resolved to the holder with that nationality;
   a document or unnamed source (``البيان``, ``مسؤول``) gives no speaker, unless the statement's
   issuing organisation was just named; a country before the verb (``إيران قالت``) gives none;
2. for a participle (``قائلا``), the subject of the sentence's main verb;
3. the owner of a medium (``في تغريدة للجبير … حيث قال``);
4. for a subjectless ``وأضاف``, the previous quote's speaker or the previous sentence's reporter,
   in the verb's gender;
5. else the nearest preceding person whose gender matches the verb.

Lone surnames of people named in full elsewhere in the article count as mentions; a person of
unknown gender takes the gender of a reporting verb right before one of their mentions; names
inside quotations, and in Darija texts entity-layer "persons" made of Darija verb forms, do not
speak. Organisations as speakers: :mod:`marsad.extract.quotes_bodies`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from marsad.doc import Document, Span
from marsad.extract.ner_filters import is_darija
from marsad.extract.people import PUNCT_STOP as _PUNCT_STOP
from marsad.extract.people import Mention, fold, name_gender, person_mentions, strip_proclitics, title_at, words
from marsad.extract.quotes_speaker import (_AMBIGUOUS, _CLOSE_ONLY, _COMPLEMENTISERS, _OPEN_ONLY, Ref, _before_verb,
                                           found_in_verb,
                                           _conditional_verb, _issuer, _main_subject, _medium_owner, _participles,
                                           _previous_reporter, _sentence_of, _subject, reporting_verb,
                                           sentence_subject, speaking_bodies, transmitted_from, verbs_data)
from marsad.pipeline import register

_NO_MARKS = str.maketrans("", "", _AMBIGUOUS + _OPEN_ONLY + _CLOSE_ONLY)
_MARK_OR_LINE = re.compile("[" + re.escape("\n" + _AMBIGUOUS + _OPEN_ONLY + _CLOSE_ONLY) + "]")
MAX_VERB_GAP = 16  # words allowed between the reporting verb and the opening mark (same sentence)
LONG_VERB_GAP = 32  # ... when the mark follows a colon or a complementiser (إن، أن، بأن)
CONTINUATION_CHARS = 400  # a subjectless وأضاف continues the previous quote's speaker within this distance
_CLAUSE_STARTERS = {"لم", "لن", "لا", "ما", "ليس", "ليست", "قد", "سوف", "لقد", "إن", "إننا", "نحن", "هناك"}


def quote_marks(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of paired quotation marks, pairs never crossing a line."""
    out, open_at = [], None
    for found in _MARK_OR_LINE.finditer(text):   # every other character leaves the state as it is
        i, ch = found.start(), found.group()
        if ch == "\n":
            open_at = None
        elif ch == _OPEN_ONLY:
            open_at = i
        elif ch == _CLOSE_ONLY or (ch in _AMBIGUOUS and open_at is not None):
            if open_at is not None and i > open_at + 1:
                out.append((open_at, i))
            open_at = None
        elif ch in _AMBIGUOUS:
            if _stray_close(text, i):
                continue
            open_at = i
    return out


def _agreeing_gender(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a person whose gender the name lexicon does not know get the gender of a
    reporting verb right before one of their mentions (``وقالت دانييلز`` → feminine), so that a
    later ``وقال`` does not go to her; names given both genders stay unknown."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.gender is None:
            prev = words(text, max(0, m.start - 20), m.start)[-1:]
            if prev and not text[prev[0][1]:m.start].strip():
                g = reporting_verb(prev[0][2])[1]
                if g:
                    seen.setdefault(m.canonical, set()).add(g)
    known = {c: next(iter(gs)) for c, gs in seen.items() if len(gs) == 1}
    return [replace(m, gender=known[m.canonical]) if m.gender is None and m.canonical in known else m
            for m in mentions]


def _function_word_in(name: str) -> bool:
    """Whether a "person" the entity layer found holds a function word (Darija ``لي``، ``ديال``،
    ``ليه``: ``الفاسي لي مزوجة``): not a name."""
    return any(fold(w) in _word_set_q("not_in_names") for w in name.split())


def _darija_form_in(name: str) -> bool:
    """Whether a "person" holds a Darija verb or a noun with a glued preposition or possessive
    (``كيعوم``، ``بقاو``، ``فتصريحو``، ``وفسؤال``): in a Darija text, not a name."""
    for w in name.split():
        if (w.startswith("كي") or w.startswith("كت")) and len(w) >= 5 or w.endswith("او") and len(w) >= 4 \
                or w.startswith(("ف", "وف")) and len(w) >= 5 and (w.endswith("و") or w.startswith("وف")) \
                or w in _word_set_q("darija_verbs_in_names"):
            return True
    return False


def _on_behalf(text: str, m: Mention) -> bool:
    """``المتحدث باسم بيركو``: باسم is "on behalf of" after a spokesman, not the first name Basem."""
    if not m.name.startswith("باسم "):
        return False
    prev = words(text, max(0, m.start - 20), m.start)[-1:]
    return bool(prev) and fold(prev[0][2]).removeprefix("و").removeprefix("ال") in _folded_q("spokesman_nouns")


def _quoted_name(text: str, a: int, b: int, marks, spoken: bool = True) -> bool:
    """Whether a name lies inside quotation marks that follow a title noun (``برنامج "…"``) or,
    with ``spoken``, that hold a quotation of four words or more: it names a programme or is
    spoken of, it does not speak."""
    for o, c in marks:
        if o < a and b <= c:
            if spoken and len(words(text, o + 1, c)) >= 4:
                return True
            last = words(text, max(0, o - 30), o)[-1:]
            return bool(last) and fold(strip_proclitics(last[0][2])[1]) in {fold(w) for w in verbs_data()["title_nouns"]}
        if o > b:
            break
    return False


def _stray_close(text: str, i: int) -> bool:
    """A mark right after a word and before a blank, with none open, when the next mark of the line
    opens a quotation (``عمل" للرئيس … هو "زيارة دولة"``): a closing mark left over, not an opening
    one (``تقول ليلى"  في أحد الأيام …."``)."""
    if not (0 < i < len(text) - 1 and text[i - 1].isalpha() and (text[i + 1].isspace() or text[i + 1] in "،,.:؛")):
        return False
    end = text.find("\n", i)
    nxt = next((k for k in range(i + 1, len(text) if end < 0 else end) if text[k] in _AMBIGUOUS + _OPEN_ONLY), None)
    return nxt is not None and nxt + 1 < len(text) and text[nxt - 1].isspace() and text[nxt + 1].isalpha()


def surname_mentions(doc: Document, mentions: list[Mention], roles: list[Span]) -> list[Mention]:
    """Lone surnames of people named in full elsewhere in ``doc`` that the entity layer missed
    (``ماي`` after ``تيريزا ماي``; ``وماكرون``); a surname two people share is left alone."""
    names = {m.canonical for m in mentions} | {r.attrs["person"] for r in roles if r.attrs.get("person")}
    by_last: dict[str, set[str]] = {}
    for n in names:
        parts = n.replace("#", "").split()
        if len(parts) >= 2 and len(parts[-1]) >= 3:
            by_last.setdefault(fold(parts[-1]), set()).add(n)
    covered = [(m.start, m.end) for m in mentions] + [tuple(r.attrs["person_span"]) for r in roles]
    out = []
    for a, b, w in words(doc.text):
        for cut in (0, 1):
            if cut and not (w[0] in "وفبل" and len(w) > 4):
                continue
            hit = by_last.get(fold(w[cut:]))
            if hit and len(hit) == 1 and not any(s < b and a + cut < e for s, e in covered):
                full = next(iter(hit))
                out.append(Mention(a + cut, b, w[cut:], full, name_gender(full), "surname"))
                break
    return out


def _nisba(ws, lo: int, hi: int) -> str | None:
    """The folded nationality adjective (``الروسي``، ``الفرنسية``) among ``ws[lo:hi]``, without ال."""
    for _, _, w in ws[lo:min(hi, len(ws))]:
        if w.startswith("ال") and len(w) > 4 and (w.endswith("ي") or w.endswith("ية")) and w not in ("الذي", "التي"):
            return fold(w[2:].removesuffix("ة").removesuffix("ي"))
    return None


def _title_refs(doc: Document, roles: list[Span]) -> list[Ref]:
    """Bare title mentions (``الوزيرة``) resolved to the person holding that title in the doc."""
    ws = words(doc.text)
    role_titles = [r.attrs["title_span"] for r in roles]
    out = []
    for i, (a, b, w) in enumerate(ws):
        hit = title_at(ws, i)
        if not hit or hit[0].counterpart or any(ta <= a < tb for ta, tb in role_titles):
            continue
        title = hit[0]
        holders = [r for r in roles if r.attrs["title_id"] == title.id
                   and r.attrs.get("gender") in (title.gender, None)]
        if hit[1] < len(ws) and title_at(ws, hit[1]) and not ws[hit[1]][2].startswith("ال" + "رئيس"):
            holders = []   # نائب المتحدث: a compound title, not the holder of نائب
        nisba = _nisba(ws, i + 1, hit[1] + 1)
        if nisba:   # الرئيس الروسي: the president whose role says روسي, not the last president
            holders = [r for r in holders if nisba in fold(doc.text[r.start:r.end])]
        before = [r for r in holders if r.start < a]
        pick = (before or holders or [None])[-1]
        out.append(Ref(a, ws[hit[1] - 1][1], pick.attrs["person"] if pick else None, title.gender))
    return out


def extract_quotes(doc: Document, mentions: list[Mention] | None = None,
                   roles: list[Span] | None = None) -> list[Span]:
    """All QUOTE spans of ``doc`` with their speaker (canonical name or None)."""
    text = doc.text
    mentions = person_mentions(doc) if mentions is None else mentions
    if roles is None:
        if doc.has_layer("roles"):
            roles = doc.spans("roles")
        else:
            from marsad.extract.roles import extract_roles
            roles = extract_roles(doc, mentions)
    roles = [r for r in roles if not (str(r.attrs.get("person") or "").startswith("باسم ")
                                      and fold(str(r.attrs.get("title") or "").split(" ")[0]).removeprefix("ال")
                                      in _folded_q("spokesman_nouns"))]   # المتحدث باسم فلان: no role
    mentions = sorted(mentions + surname_mentions(doc, mentions, roles), key=lambda m: m.start)
    marks = quote_marks(text)
    darija = is_darija(text)
    mentions = _agreeing_gender(text, [m for m in mentions if not _quoted_name(text, m.start, m.end, marks)
                                       and not _function_word_in(m.name) and not _on_behalf(text, m)
                                       and not (darija and _darija_form_in(m.name))])
    trefs = _title_refs(doc, roles)
    rrefs = [(r.attrs["title_span"][0], Ref(*r.attrs["person_span"], r.attrs["person"], r.attrs.get("gender")))
             for r in roles if r.attrs.get("title_span") and r.attrs["title_span"][0] < r.attrs["person_span"][0]]
    orgs = [o for o in speaking_bodies(doc) if not _quoted_name(text, o.start, o.end, marks, spoken=False)]
    named = [Ref(m.start, m.end, m.canonical, m.gender) for m in mentions]
    seen = {(r.start, r.end) for r in named}
    named += [Ref(*r.attrs["person_span"], r.attrs["person"], r.attrs.get("gender")) for r in roles
              if tuple(r.attrs["person_span"]) not in seen]
    refs = sorted(named + trefs, key=lambda r: r.start)
    places = [e for e in doc.spans("entities") if e.label == "GPE"] if doc.has_layer("entities") else []
    anchors = sorted([(r.start, r) for r in refs] + list(rrefs)
                     + [(o.start, Ref(o.start, o.end, text[o.start:o.end], None)) for o in orgs]
                     + [(g.start, Ref(g.start, g.end, "", None)) for g in places], key=lambda x: x[0])
    title_nouns = {fold(w) for w in verbs_data()["title_nouns"]}
    named_spans = [(m.start, m.end) for m in mentions] + [(e.start, e.end) for e in doc.spans("entities")
                                                          if e.label in ("PERSON", "ORG")] \
        if doc.has_layer("entities") else [(m.start, m.end) for m in mentions]
    out: list[Span] = []
    candidates: list[tuple[int, int, int, int | None]] = []   # (quote start, end, context end, closing mark)
    for o, c in marks:
        candidates.append((o + 1, c, o, c))
    marked = [(o, c) for o, c in marks if len(words(text, o + 1, c)) >= 3]
    for m in re.finditer(r":[ \t]*", text):
        nxt = m.end()
        if nxt < len(text) and text[nxt] not in _AMBIGUOUS + _OPEN_ONLY + "\n":
            sa, _ = _sentence_of(doc, m.start())
            ctx = words(text, sa, m.start())[-5:]
            if any(reporting_verb(w)[0] for _, _, w in ctx):
                _, se = _sentence_of(doc, nxt)
                if not any(nxt <= o and c < se for o, c in marked):   # قوله: إن قوات … "…": the marks quote
                    candidates.append((nxt, se, m.start(), None))
    for qa, qb, ctx_end, close in sorted(candidates):
        # strip blanks inside the marks
        while qa < qb and text[qa].isspace():
            qa += 1
        while qb > qa and text[qb - 1].isspace():
            qb -= 1
        if qb <= qa or (close is not None and (_nominal(text, ctx_end, close) or _named(text, qa, qb, named_spans))):
            continue
        sa, _ = _sentence_of(doc, ctx_end)
        prev_q = max((q.end for q in out if q.end <= ctx_end), default=sa)
        if close is not None and out and out[-1].end == prev_q and prev_q > sa \
                and text[prev_q:ctx_end].strip(' "“”«»،,') in ("و", "أو", "") and len(words(text, qa, qb)) >= 2:
            # وعلق البعض "…" و"…": a second quotation joined to the first has its speaker
            out.append(Span(qa, qb, "QUOTE", {**out[-1].attrs, "method": "conjoined"}))
            continue
        ctx = words(text, max(sa, prev_q), ctx_end)
        last = ctx[-1][2] if ctx else ""
        if ctx and title_nouns & {fold(last), fold(strip_proclitics(last)[1]),
                                  fold(last[1:]) if last[:1] in "بل" and len(last) > 4 else ""}:
            continue  # the quoted name of a report, slogan, plan ...
        inner = words(text, qa, min(qb, qa + 40))
        if inner and title_nouns & {fold(inner[0][2])}:
            continue
        first_inner = words(text, qa, min(qb, qa + 12))[:1]
        long_ok = bool(ctx) and (text[ctx_end] == ":" or text[ctx[-1][1]:ctx_end].strip().endswith(":")
                                 or ctx[-1][2] in _COMPLEMENTISERS
                                 or bool(first_inner and first_inner[0][2] in _COMPLEMENTISERS))
        vi = _verb_before(ctx, long_ok)
        if vi is None:
            post = _postposed(doc, qa, qb, close, anchors, orgs, mentions, trefs, rrefs) if close else None
            if post is None:
                continue  # a quoted name or a colon without a reporting verb
            out.append(Span(qa, qb, "QUOTE", post))
            continue
        if _scare_quote(text, qa, qb, ctx, ctx_end):
            continue
        attrs = _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs, rrefs, orgs, out[-1] if out else None,
                           anchors, [(q.start, q.end) for q in out], marks)
        out.append(Span(qa, qb, "QUOTE", attrs))
    return out


def _statement(source: str | None) -> bool:
    """Whether an unnamed source is a document (``البيان``: its issuer speaks), not a person (``مصدر``)."""
    bare = fold((source or "").strip('"“”«»'))
    bare = bare[1:] if bare[:1] in "وف" and bare[1:3] == "ال" else bare
    return (bare[2:] if bare.startswith("ال") else bare) in {fold(w) for w in _word_set_q("statement_nouns")}


def _nominal(text: str, o: int, c: int) -> bool:
    """Quoted words that are a name or a noun phrase in the sentence, not speech: up to four words
    with the mark joined to a proclitic (``ل"سكاي نيوز عربية"``), a place preposition or noun right before it (``قرب
    "مارش آن فامين"``, ``من طراز "…"``) unless a complementiser opens the quotation, or a relative
    pronoun right after up to three words that do not open like a verb (``"مجلس كبار العلماء" الذي
    انعقد``; not ``"تشير إلى الأخبار الكاذبة" التي``), or up to five words after a medium's or
    party's noun without the article (``بصحيفة "…"``، ``حزب "…"``)."""
    if o >= 1 and text[o - 1] in "لبك" and (o < 2 or not text[o - 2].isalpha()) and len(words(text, o + 1, c)) <= 4:
        return True
    after = words(text, c + 1, min(len(text), c + 12))[:1]
    inner = words(text, o + 1, c)
    first = inner[:1]
    if after and not text[c + 1:after[0][0]].strip() and after[0][2] in _word_set_q("relative_pronouns") \
            and len(inner) <= 3 and not first[0][2].startswith(("ي", "ت", "سي", "ست")) \
            and first[0][2] not in _CLAUSE_STARTERS:
        return True
    before = words(text, max(0, o - 30), o)[-1:]
    noun = before[0][2] if before else ""
    noun = noun[1:] if noun[:1] in "وبلف" and not noun.startswith(("ال", "لل")) and len(noun) > 4 else noun
    if before and not text[before[0][1]:o].strip() and len(inner) <= 5 and fold(noun) in _named_source_stems():
        return True   # بصحيفة "فرانكفورتر ألجماينه تسايتونغ"، موقع قناة "…": a medium's name
    return bool(before and not text[before[0][1]:o].strip() and before[0][2] in _word_set_q("name_prepositions")
                and first and first[0][2] not in _COMPLEMENTISERS)


@lru_cache(maxsize=1)
def _named_source_stems() -> frozenset[str]:
    return frozenset(fold(w) for w in verbs_data().get("named_source_nouns", []) + ["هيئة", "حزب", "منظمة", "حركة"])


def _named(text: str, qa: int, qb: int, spans) -> bool:
    """Quoted words that are all one name (``زعيم كوريا الشمالية "كيم جونغ أون"``)."""
    inner = words(text, qa, qb)
    return bool(inner) and len(inner) <= 5 and any(a <= inner[0][0] + 1 and b >= inner[-1][1] - 1 for a, b in spans)


@lru_cache(maxsize=None)
def _word_set_q(key: str) -> frozenset[str]:
    return frozenset(verbs_data().get(key, []))


def _verb_before(ctx, long_ok: bool) -> int | None:
    """Index in ``ctx`` of the reporting verb nearest the mark: within MAX_VERB_GAP words, or
    LONG_VERB_GAP when the mark follows a colon or a complementiser or one lies between the verb
    and the mark (``وأكد الأكاديمي … أن مشرفي الحوثيين بدؤوا … "…"``); ``وجاء في البيان أن``
    and ``وجاء فيها:`` report too."""
    n = len(ctx)
    for k in range(n - 1, max(-1, n - 1 - LONG_VERB_GAP), -1):
        w = ctx[k][2]
        if k and reporting_verb(ctx[k - 1][2])[0] and (fold(w) in _transmission_nouns() or fold(w) in _participles()):
            k, w = k - 1, ctx[k - 1][2]   # ويتابع قوله "…"، وأضاف قائلا: the verb, not its object or participle
        after = [x for _, _, x in ctx[k + 1:]]
        if not (reporting_verb(w)[0] or (k + 1 < n and after[0] in _COMPLEMENTISERS and _conditional_verb(w))
                or (_describing_verb(w) and any(x in _COMPLEMENTISERS for x in after[:6]))
                or (found_in_verb(w) and after[:1] and after[0] in ("في", "فيه", "فيها")
                    and (any(x in _COMPLEMENTISERS for x in after[:6]) or (n - 1 - k <= 6 and long_ok)))):
            continue
        if n - 1 - k < MAX_VERB_GAP or long_ok or any(x in _COMPLEMENTISERS for x in after):
            return k
        return None
    return None


@lru_cache(maxsize=1)
def _transmission_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in verbs_data().get("transmission_nouns", []))


@lru_cache(maxsize=1)
def _postposed_phrases() -> list[tuple[list[str], str | None]]:
    return sorted(([fold(w) for w in p.split()], g) for p, g in verbs_data().get("postposed", {}).items())


def _describing_verb(word: str) -> bool:
    w = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return fold(w) in _folded_q("describing_verbs")


@lru_cache(maxsize=None)
def _folded_q(key: str) -> frozenset[str]:
    return frozenset(fold(x) for x in verbs_data().get(key, []))


def _postposed(doc, qa, qb, close, anchors, orgs, mentions, trefs, rrefs) -> dict | None:
    """A quotation of at least three words whose attribution follows it: ``"…"، قال فلان`` (the
    verb's subject) or ``"…"، بحسب تعبيره`` (the sentence's subject, else the nearest person
    named before, in the pronoun's gender)."""
    text = doc.text
    if len(words(text, qa, qb)) < 3:
        return None
    _, se = _sentence_of(doc, close)
    ws = words(text, close + 1, min(se, close + 120))
    if not ws or _PUNCT_STOP.search(text[close + 1:ws[0][0]].replace("،", "").replace(",", "")):
        return None
    folded = [fold(w) for _, _, w in ws[:4]]
    for phrase, gender in _postposed_phrases():
        if folded[:len(phrase)] == phrase:
            sa, _ = _sentence_of(doc, qa)
            ctx = words(text, sa, qa)
            ref = None
            if ctx:
                ref = sentence_subject(doc, ctx + [(qa, qa, "")], len(ctx), anchors, gender, mentions)
            if ref is None:
                ref = next((r for t0, r in reversed(anchors) if r.end <= qa and r.canonical
                            and (gender is None or r.gender in (gender, None))), None)
            return {"speaker": (ref.canonical or None) if ref else None,
                    "speaker_span": [ref.start, ref.end] if ref and ref.canonical else None,
                    "verb": " ".join(w for _, _, w in ws[:len(phrase)]), "method": "postposed"}
    if ws[0][2][:1] in "وف" or not reporting_verb(ws[0][2])[0] or fold(ws[0][2]) in _participles():
        return None
    found = _subject(doc, ws, 0, se, mentions, trefs, rrefs, orgs)
    if not found:
        return None
    _, ref, source = found
    return {"speaker": (ref.canonical or None) if ref else None,
            "speaker_span": [ref.start, ref.end] if ref and ref.canonical else None,
            "verb": ws[0][2], "method": "postposed", **({"source": source} if source else {})}


def _scare_quote(text: str, qa: int, qb: int, ctx, ctx_end: int) -> bool:
    """One or two quoted words inside a sentence (``"البلطجة الأميركية"``) that are not a clause
    (``"لن تبقى"``) and not introduced by a colon or a complementiser: scare quotes, not speech."""
    inner = words(text, qa, qb)
    if len(inner) > 2 or not inner:
        return False
    if fold(strip_proclitics(inner[0][2])[1]) in {fold(w) for w in _CLAUSE_STARTERS} or \
            fold(inner[0][2]) in {fold(w) for w in _CLAUSE_STARTERS}:
        return False
    lead = text[ctx[-1][1]:ctx_end].strip() if ctx else ""
    return not (lead.endswith(":") or (ctx and ctx[-1][2] in _COMPLEMENTISERS and len(inner) > 1))


def _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs, rrefs=(), orgs=(), prev=None, anchors=(),
               quoted=(), marks=()) -> dict:
    verb, gender, before = None, None, ctx_end
    if vi is not None:
        verb = ctx[vi][2]
        gender = reporting_verb(verb)[1]
        before = ctx[vi][0]
        participle = fold(verb.lstrip("وف")) in _participles()
        found = transmitted_from(doc, ctx, vi, anchors, orgs)   # نقل … عن فلان قوله
        if not found:
            found = _subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs)
        if not found and not participle:
            found = _before_verb(doc, ctx, vi, orgs, mentions)
        if not found and participle:
            found = _main_subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs)
        if not found:
            found = _medium_owner(doc, ctx, vi, mentions, trefs, rrefs, orgs)
        if not found and not participle and verb[:1] in "وف":
            ref = sentence_subject(doc, ctx, vi, anchors, gender, mentions)   # وينفي غيان …، كما وصرح أنه "…"
            found = ("sentence_subject", ref, None) if ref is not None else None
        elif not found and not participle:   # فرح الفاسي، …، كتبت تدوينة قالت فيها "…"
            ref = sentence_subject(doc, ctx, vi, anchors, gender, mentions, opening_only=True)
            found = ("sentence_subject", ref, None) if ref is not None and ref.canonical else None
        if found and found[0] == "title" and found[1] is not None and not found[1].canonical and verb[:1] in "وف" \
                and doc.text[found[1].start:found[1].end].startswith("ال") \
                and prev is not None and prev.attrs.get("speaker") and 0 <= before - prev.end <= CONTINUATION_CHARS \
                and prev.attrs.get("method") not in ("organisation", "institution", "issuer") \
                and name_gender(prev.attrs["speaker"]) in (found[1].gender, None):
            # ``وأضاف المسؤول الإيراني`` right after a quote: the definite title no one in the text holds
            # describes the last speaker (not ``وقال متحدث باسم الجماعة``)
            return {"speaker": prev.attrs["speaker"], "speaker_span": prev.attrs["speaker_span"], "verb": verb,
                    "method": "continuation"}
        if not found and verb[:1] in "وف":
            reporter = _previous_reporter(doc, before, mentions, trefs, rrefs, orgs, quoted)
            if reporter is not None and gender and ((reporter[1] and reporter[1].gender not in (gender, None))
                                                    or reporting_verb(words(doc.text, reporter[0], reporter[0] + 30)
                                                                      [0][2])[1] not in (gender, None)):
                reporter = None   # وقالت after a man's statement, وأضاف after وذكرت الوكالة: not a continuation
            if prev is not None and prev.attrs.get("speaker") and 0 <= before - prev.end <= CONTINUATION_CHARS \
                    and name_gender(prev.attrs["speaker"]) in (gender, None) \
                    and (reporter is None or reporter[0] < prev.start):
                sp = prev.attrs["speaker_span"]
                return {"speaker": prev.attrs["speaker"], "speaker_span": sp, "verb": verb, "method": "continuation"}
            if prev is not None and not prev.attrs.get("speaker") and 0 <= before - prev.end <= CONTINUATION_CHARS \
                    and prev.attrs.get("method") in ("title", "document", "institution") \
                    and (reporter is None or reporter[0] < prev.start):
                # ``وقال متحدث باسم الجماعة "…". وأضاف "…"``: the same unnamed speaker goes on
                return {"speaker": None, "speaker_span": None, "verb": verb, "method": "continuation"}
            if reporter is not None and reporter[1] is None:
                return {"speaker": None, "speaker_span": None, "verb": verb, "method": "continuation"}
            if reporter is not None:
                ref = reporter[1]
                return {"speaker": ref.canonical, "speaker_span": [ref.start, ref.end], "verb": verb,
                        "method": "continuation"}
        if found:
            how, ref, source = found
            if ref is None and how == "document" and _statement(source):
                issuer = _issuer(doc, before, orgs)   # وأضاف البيان … ← أعلنت وزارة الخارجية
                if issuer is not None:
                    name = getattr(issuer, "canonical", None) or doc.text[issuer.start:issuer.end]
                    return {"speaker": name.translate(_NO_MARKS).strip(), "speaker_span": [issuer.start, issuer.end],
                            "verb": verb, "method": "issuer", "source": source}
            if ref is None or not ref.canonical:
                return {"speaker": None, "speaker_span": None, "verb": verb, "method": how,
                        "source": source}
            return {"speaker": ref.canonical, "speaker_span": [ref.start, ref.end], "verb": verb,
                    "method": how}
    for ref in reversed([r for r in refs if r.end <= before]):
        if any(o < ref.start and ref.end <= c for o, c in marks):
            continue   # a name in quotation marks (ولدها "يانيس") is spoken of
        if ref.canonical and (gender is None or ref.gender in (gender, None)):
            return {"speaker": ref.canonical, "speaker_span": [ref.start, ref.end], "verb": verb,
                    "method": "nearest"}
    return {"speaker": None, "speaker_span": None, "verb": verb, "method": "none"}


@register("quotes", requires=("sentences", "entities"), provides=("quotes",))
def make_quotes(**config):
    """Direct quotations with their speaker (reporting verb subject, gender, titles)."""
    def stage(doc: Document) -> None:
        doc.set_layer("quotes", extract_quotes(doc))
    return stage
