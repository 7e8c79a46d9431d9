"""Quotes: direct quotations and who said them.

A quotation is text inside “…”, "…" or «…» introduced by a reporting verb (``قال``, ``أكدت``,
``مشيرا`` ... — ``data/reporting_verbs.json``) up to 16 words before the mark in the same
sentence (32 after a colon or a complementiser), or the rest of a sentence after ``قال:``. One-
or two-word scare quotes that are not a clause are left out. The speaker is, in order:

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

Lone surnames of people named in full elsewhere in the article count as mentions.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.people import (Mention, _name_words, first_names, fold, honorific_at, mention_at,
                                   name_gender, person_mentions, strip_proclitics, title_at, words)
from marsad.pipeline import register

DATA = Path(__file__).resolve().parent / "data"
_OPEN_ONLY, _CLOSE_ONLY = "«", "»"
_AMBIGUOUS = "“”\"″„"
MAX_VERB_GAP = 16  # words allowed between the reporting verb and the opening mark (same sentence)
LONG_VERB_GAP = 32  # ... when the mark follows a colon or a complementiser (إن، أن، بأن)
CONTINUATION_CHARS = 400  # a subjectless وأضاف continues the previous quote's speaker within this distance
_COMPLEMENTISERS = {"إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "إننا", "أننا", "إنهم", "أنهم",
                    "بللي", "باللي", "بلي"}   # the last three: Darija "that"
_PUNCT = re.compile(r"[،,:؛;.]")
_CLAUSE_STARTERS = {"لم", "لن", "لا", "ما", "ليس", "ليست", "قد", "سوف", "لقد", "إن", "إننا", "نحن", "هناك"}


@lru_cache(maxsize=1)
def verbs_data() -> dict:
    return json.loads((DATA / "reporting_verbs.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str | None]:
    return {fold(k): v for k, v in verbs_data()["verbs"].items()}


@lru_cache(maxsize=1)
def _participles() -> set[str]:
    return {fold(w) for w in verbs_data().get("participles", [])}


def _conditional_verb(word: str) -> bool:
    """Words that report speech only before a complementiser (``كما بين أن``; بين is also "between")."""
    w = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return fold(w) in {fold(x) for x in verbs_data().get("verbs_before_complementiser", [])}


def reporting_verb(word: str) -> tuple[bool, str | None]:
    """Whether ``word`` (with optional و/ف) is a reporting verb, and the gender it agrees with."""
    v = _verbs()
    for w in (word, word[1:] if word[:1] in "وف" and len(word) > 3 else word):
        if fold(w) in v:
            return True, v[fold(w)]
    return False, None


@dataclass
class Ref:
    """Someone the text refers to at ``start``: a named mention or a resolved title."""

    start: int
    end: int
    canonical: str | None
    gender: str | None


def quote_marks(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of paired quotation marks, pairs never crossing a line."""
    out, open_at = [], None
    for i, ch in enumerate(text):
        if ch == "\n":
            open_at = None
        elif ch == _OPEN_ONLY:
            open_at = i
        elif ch == _CLOSE_ONLY or (ch in _AMBIGUOUS and open_at is not None):
            if open_at is not None and i > open_at + 1:
                out.append((open_at, i))
            open_at = None
        elif ch in _AMBIGUOUS:
            open_at = i
    return out


def _sentence_of(doc: Document, pos: int) -> tuple[int, int]:
    for s in doc.spans("sentences"):
        if s.start <= pos < s.end:
            return s.start, s.end
    a = doc.text.rfind("\n", 0, pos) + 1
    b = doc.text.find("\n", pos)
    return a, len(doc.text) if b < 0 else b


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
        nisba = _nisba(ws, i + 1, hit[1] + 1)
        if nisba:   # الرئيس الروسي: the president whose role says روسي, not the last president
            holders = [r for r in holders if nisba in fold(doc.text[r.start:r.end])]
        before = [r for r in holders if r.start < a]
        pick = (before or holders or [None])[-1]
        out.append(Ref(a, ws[hit[1] - 1][1], pick.attrs["person"] if pick else None, title.gender))
    return out


def _subject(doc, ws, i, limit, mentions, trefs, rrefs=(), orgs=()) -> tuple[str, Ref | None, str | None] | None:
    """The explicit subject right after the verb at ``ws[i]`` (before ``limit``): a person, a
    title (alone, or in apposition to a name: ``قال وزير الخارجية، فلان``), an organisation
    (``قال الكرملين``) or a document or unnamed source (``البيان``، ``مسؤول``: no speaker)."""
    src = {fold(s) for s in verbs_data()["non_person_sources"]}
    for j in range(i + 1, min(i + 4, len(ws))):
        a, b, w = ws[j]
        if a >= limit:
            break
        r = next((ref for t0, ref in rrefs if t0 == a or (t0 > a and t0 < b)), None)
        if r:   # a role's title first: the entity layer may tag its first word (أمين عام …) as a person
            return "role", r, None
        m = mention_at(mentions, a)
        if m:
            return "subject", Ref(m.start, m.end, m.canonical, m.gender), None
        o = next((o for o in orgs if o.start <= a < o.end or (a < o.start < b)), None)
        if o:
            return "organisation", Ref(o.start, o.end, doc.text[o.start:o.end], None), None
        if j == i + 1 and fold(w) in first_names() and j + 1 < len(ws) and not title_at(ws, j) \
                and fold(ws[j + 1][2]) not in _title_second_words():
            n = 1 + _name_words(doc.text, ws, j + 1, [])   # a name the NER missed: علي أكبر ولايتي
            if n >= 2 and not _PUNCT.search(doc.text[b:ws[j + 1][0]]) and ws[j + n - 1][1] <= limit:
                name = doc.text[a:ws[j + n - 1][1]]
                return "first_name", Ref(a, ws[j + n - 1][1], name, first_names()[fold(w)]), None
        if j == i + 1 and _bare_name(doc.text, ws, j, limit):
            return "name", Ref(a, b, w, None), None   # a surname the NER missed: وقال ترامب إن
        t = next((r for r in trefs if r.start == a or (honorific_at(w)[0] and r.start == ws[j + 1][0]
                                                        if j + 1 < len(ws) else False)), None)
        if t:
            return "title", t, None
        bare = fold(strip_proclitics(w)[1]) if not w.startswith("ال") else fold(w[2:])
        if fold(w) in src or "ال" + bare in src or fold("ال" + bare) in src:
            return "document", None, w
        if not honorific_at(w)[0]:
            break
    return None


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
    mentions = sorted(mentions + surname_mentions(doc, mentions, roles), key=lambda m: m.start)
    trefs = _title_refs(doc, roles)
    rrefs = [(r.attrs["title_span"][0], Ref(*r.attrs["person_span"], r.attrs["person"], r.attrs.get("gender")))
             for r in roles if r.attrs.get("title_span") and r.attrs["title_span"][0] < r.attrs["person_span"][0]]
    orgs = [e for e in doc.spans("entities") if e.label == "ORG"] if doc.has_layer("entities") else []
    named = [Ref(m.start, m.end, m.canonical, m.gender) for m in mentions]
    seen = {(r.start, r.end) for r in named}
    named += [Ref(*r.attrs["person_span"], r.attrs["person"], r.attrs.get("gender")) for r in roles
              if tuple(r.attrs["person_span"]) not in seen]
    refs = sorted(named + trefs, key=lambda r: r.start)
    title_nouns = {fold(w) for w in verbs_data()["title_nouns"]}
    out: list[Span] = []
    candidates: list[tuple[int, int, int]] = []   # (quote start, quote end, context end)
    for o, c in quote_marks(text):
        candidates.append((o + 1, c, o))
    for m in re.finditer(r":[ \t]*", text):
        nxt = m.end()
        if nxt < len(text) and text[nxt] not in _AMBIGUOUS + _OPEN_ONLY + "\n":
            sa, _ = _sentence_of(doc, m.start())
            ctx = words(text, sa, m.start())[-5:]
            if any(reporting_verb(w)[0] for _, _, w in ctx):
                _, se = _sentence_of(doc, nxt)
                candidates.append((nxt, se, m.start()))
    for qa, qb, ctx_end in sorted(candidates):
        # strip blanks inside the marks
        while qa < qb and text[qa].isspace():
            qa += 1
        while qb > qa and text[qb - 1].isspace():
            qb -= 1
        if qb <= qa:
            continue
        sa, _ = _sentence_of(doc, ctx_end)
        prev_q = max((q.end for q in out if q.end <= ctx_end), default=sa)
        ctx = words(text, max(sa, prev_q), ctx_end)
        if ctx and title_nouns & {fold(ctx[-1][2]), fold(strip_proclitics(ctx[-1][2])[1])}:
            continue  # the quoted name of a report, slogan, plan ...
        inner = words(text, qa, min(qb, qa + 40))
        if inner and title_nouns & {fold(inner[0][2])}:
            continue
        first_inner = words(text, qa, min(qb, qa + 12))[:1]
        gap = LONG_VERB_GAP if ctx and (text[ctx_end] == ":" or text[ctx[-1][1]:ctx_end].strip() == ":"
                                        or ctx[-1][2] in _COMPLEMENTISERS
                                        or (first_inner and first_inner[0][2] in _COMPLEMENTISERS)) else MAX_VERB_GAP
        vi = next((k for k in range(len(ctx) - 1, max(-1, len(ctx) - 1 - gap), -1)
                   if reporting_verb(ctx[k][2])[0] or (k + 1 < len(ctx) and ctx[k + 1][2] in _COMPLEMENTISERS
                                                       and _conditional_verb(ctx[k][2]))), None)
        if vi is None:
            continue  # a quoted name or a colon without a reporting verb
        if _scare_quote(text, qa, qb, ctx, ctx_end):
            continue
        attrs = _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs, rrefs, orgs, out[-1] if out else None)
        out.append(Span(qa, qb, "QUOTE", attrs))
    return out


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


def _main_subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs):
    """For a participle (``قائلا``، ``مضيفا``): the subject of an earlier verb of the sentence, else its
    first named person (Arabic puts the subject right after the main verb)."""
    sa, _ = _sentence_of(doc, ctx[vi][0])
    sent = words(doc.text, sa, ctx[vi][0])
    for k in range(len(sent) - 1, -1, -1):
        if reporting_verb(sent[k][2])[0]:
            found = _subject(doc, sent, k, ctx[vi][0], mentions, trefs, rrefs, orgs)
            if found and found[1] is not None:
                return found
    first = next((m for m in mentions if sa <= m.start < ctx[vi][0]), None)
    if first:
        return "sentence_subject", Ref(first.start, first.end, first.canonical, first.gender), None
    return None


def _previous_reporter(doc, pos: int, mentions, trefs, rrefs, orgs) -> tuple[int, Ref] | None:
    """``(verb position, subject)`` of the last reporting verb with a named subject in the two
    sentences before ``pos`` (``وأعلن شكري … . وأشار إلى أن "…"`` → شكري)."""
    sa, _ = _sentence_of(doc, pos)
    pa, _ = _sentence_of(doc, max(0, sa - 1)) if sa else (sa, sa)
    ws = words(doc.text, pa, pos)
    for k in range(len(ws) - 1, -1, -1):
        if reporting_verb(ws[k][2])[0]:
            found = _subject(doc, ws, k, pos, mentions, trefs, rrefs, orgs)
            if found and found[1] is not None and found[1].canonical:
                return ws[k][0], found[1]
    return None


@lru_cache(maxsize=1)
def _title_second_words() -> set[str]:
    return {fold(w) for w in verbs_data().get("title_second_words", [])}


def _issuer(doc, pos: int, orgs) -> Span | None:
    """The organisation that issued the statement a document subject (``البيان``) refers to: the
    last organisation right after a reporting verb or after بيان/بلاغ + ل/عن in the sentence or the
    two before it."""
    sa, _ = _sentence_of(doc, pos)
    pa, _ = _sentence_of(doc, max(0, sa - 1)) if sa else (sa, sa)
    pb, _ = _sentence_of(doc, max(0, pa - 1)) if pa else (pa, pa)
    ws = words(doc.text, pb, pos)
    found = None
    for k, (a, b, w) in enumerate(ws[:-1]):
        nxt = ws[k + 1]
        if reporting_verb(w)[0] or fold(strip_proclitics(w)[1]) in (fold("بيان"), fold("بلاغ"), fold("صادر")):
            o = next((o for o in orgs if o.start <= nxt[0] + 2 and nxt[0] < o.end), None)
            if o is None and fold(nxt[2]) in (fold("عن"), fold("من")) and k + 2 < len(ws):
                o = next((o for o in orgs if o.start <= ws[k + 2][0] + 2 and ws[k + 2][0] < o.end), None)
            if o is not None:
                found = o
    return found


def _medium_owner(doc, ctx, vi, mentions, trefs, rrefs, orgs):
    """``جاء ذلك في تغريدة للجبير … حيث قال``: the person or organisation after a medium noun
    (``data/reporting_verbs.json`` ``media``) and ل in the sentence before the verb."""
    media = {fold(w) for w in verbs_data().get("media", [])}
    sa, _ = _sentence_of(doc, ctx[vi][0])
    sent = words(doc.text, sa, ctx[vi][0])
    for k in range(len(sent) - 1):
        if fold(strip_proclitics(sent[k][2])[1]) not in media and fold(sent[k][2]) not in media:
            continue
        a, b, w = sent[k + 1]
        if not w.startswith("ل") or len(w) < 4:
            continue
        m = next((m for m in mentions if m.start <= a + 2 and a < m.end), None)
        if m:
            return "medium", Ref(m.start, m.end, m.canonical, m.gender), None
        t = next((r for r in trefs if a <= r.start <= a + 2), None) or \
            next((ref for t0, ref in rrefs if a <= t0 <= a + 2), None)
        if t:
            return "medium", t, None
        o = next((o for o in orgs if a <= o.start <= a + 2), None)
        if o:
            return "medium", Ref(o.start, o.end, doc.text[o.start:o.end], None), None
        if not title_at(sent, k + 1) and fold(w[1:]) not in _not_names() and fold(w[2:]) not in _not_names():
            # the span is the name without its ل (``للجبير`` → ``جبير``); a definite plural or
            # feminine noun after لل is an audience or a body (``للصحفيين``، ``للداخلية``), not a name
            cut = 2 if w.startswith("لل") else 1
            if cut == 2 and w.endswith(("ين", "ون", "ات", "ة", "ى")):
                return None
            return "medium", Ref(a + cut, b, w[cut:], None), None
    return None


def _bare_name(text: str, ws, j: int, limit: int) -> bool:
    """Whether ``ws[j]``, right after a reporting verb, is a lone name: a word without the article
    that is no title, honorific or common subject noun, followed by a complementiser, a comma,
    a colon or the quotation."""
    a, b, w = ws[j]
    if w.startswith(("ال", "بال", "وال", "فال", "كال", "لل")) or len(w) < 3 or not w.isalpha() or fold(w) in _not_names() or w in _COMPLEMENTISERS \
            or (w[0] in "لب" and fold(w[1:]) in _not_names()) \
            or title_at(ws, j) or honorific_at(w)[0] or reporting_verb(w)[0]:
        return False
    after = text[b:ws[j + 1][0]] if j + 1 < len(ws) and ws[j + 1][0] <= limit else text[b:limit + 1]
    nxt = ws[j + 1][2] if j + 1 < len(ws) and ws[j + 1][0] < limit else ""
    medium = nxt.startswith("ل") and fold(nxt) in _not_names()   # وقالت ماي لشبكة …
    return bool(_PUNCT.search(after)) or nxt in _COMPLEMENTISERS or medium or nxt in ("في", "خلال", "أمام") \
        or any(q in after for q in _AMBIGUOUS + _OPEN_ONLY)


@lru_cache(maxsize=1)
def _not_names() -> set[str]:
    d = verbs_data()
    return {fold(w) for w in d.get("not_names", []) + d["non_person_sources"] + d["title_nouns"]}


def _before_verb(doc, ctx, vi, orgs) -> tuple[str, Ref | None, str | None] | None:
    """A subject placed before the verb (``لكن إيران قالت``): an organisation speaks, a country
    or city does not name a speaker."""
    if vi == 0:
        return None
    a, b, _ = ctx[vi - 1]
    for e in doc.spans("entities") if doc.has_layer("entities") else []:
        if e.start <= a < e.end and e.end <= b and e.label in ("ORG", "GPE"):
            if e.label == "ORG":
                return "organisation", Ref(e.start, e.end, doc.text[e.start:e.end], None), None
            return "place", None, doc.text[e.start:e.end]
    return None


def _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs, rrefs=(), orgs=(), prev=None) -> dict:
    verb, gender, before = None, None, ctx_end
    if vi is not None:
        verb = ctx[vi][2]
        gender = reporting_verb(verb)[1]
        before = ctx[vi][0]
        participle = fold(verb.lstrip("وف")) in _participles()
        found = _subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs)
        if not found and not participle:
            found = _before_verb(doc, ctx, vi, orgs)
        if not found and participle:
            found = _main_subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs)
        if not found:
            found = _medium_owner(doc, ctx, vi, mentions, trefs, rrefs, orgs)
        if not found and verb[:1] in "وف":
            reporter = _previous_reporter(doc, before, mentions, trefs, rrefs, orgs)
            if reporter is not None and gender and reporter[1].gender not in (gender, None):
                reporter = None   # وقالت after a man's statement: not his continuation
            if prev is not None and prev.attrs.get("speaker") and 0 <= before - prev.end <= CONTINUATION_CHARS \
                    and name_gender(prev.attrs["speaker"]) in (gender, None) \
                    and (reporter is None or reporter[0] < prev.start):
                sp = prev.attrs["speaker_span"]
                return {"speaker": prev.attrs["speaker"], "speaker_span": sp, "verb": verb, "method": "continuation"}
            if reporter is not None:
                ref = reporter[1]
                return {"speaker": ref.canonical, "speaker_span": [ref.start, ref.end], "verb": verb,
                        "method": "continuation"}
        if found:
            how, ref, source = found
            if ref is None and how == "document":
                issuer = _issuer(doc, before, orgs)   # وأضاف البيان … ← أعلنت وزارة الخارجية
                if issuer is not None:
                    return {"speaker": doc.text[issuer.start:issuer.end], "speaker_span": [issuer.start, issuer.end],
                            "verb": verb, "method": "issuer", "source": source}
            if ref is None:
                return {"speaker": None, "speaker_span": None, "verb": verb, "method": how,
                        "source": source}
            return {"speaker": ref.canonical, "speaker_span": [ref.start, ref.end], "verb": verb,
                    "method": how}
    for ref in reversed([r for r in refs if r.end <= before]):
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
