"""Quotes: direct quotations and who said them.

A quotation is text inside “…”, "…" or «…» introduced by a reporting verb (``قال``, ``أكدت``,
``مشيرا`` ... — ``data/reporting_verbs.json``), or the rest of a sentence after ``قال:``.
The speaker is, in order: the verb's subject (a name, or a title such as ``الوزير``) resolved to the person holding it in the document); else the nearest preceding person whose
gender matches the verb (``وقالت`` → the last woman mentioned). A subject that is a document
(``البيان``) or no match leaves ``speaker: null``. Quoted names of reports, slogans and plans
(``تقرير “…”``) are not quotations.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.people import (Mention, fold, honorific_at, mention_at, person_mentions,
                                   strip_proclitics, title_at, words)
from marsad.pipeline import register

DATA = Path(__file__).resolve().parent / "data"
_OPEN_ONLY, _CLOSE_ONLY = "«", "»"
_AMBIGUOUS = "“”\"″„"
MAX_VERB_GAP = 8   # words allowed between the reporting verb and the opening mark


@lru_cache(maxsize=1)
def verbs_data() -> dict:
    return json.loads((DATA / "reporting_verbs.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str | None]:
    return {fold(k): v for k, v in verbs_data()["verbs"].items()}


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
        before = [r for r in holders if r.start < a]
        pick = (before or holders or [None])[-1]
        out.append(Ref(a, ws[hit[1] - 1][1], pick.attrs["person"] if pick else None, title.gender))
    return out


def _subject(doc, ws, i, limit, mentions, trefs) -> tuple[str, Ref | None, str | None] | None:
    """The explicit subject right after the verb at ``ws[i]`` (before ``limit``)."""
    src = {fold(s) for s in verbs_data()["non_person_sources"]}
    for j in range(i + 1, min(i + 4, len(ws))):
        a, b, w = ws[j]
        if a >= limit:
            break
        m = mention_at(mentions, a)
        if m:
            return "subject", Ref(m.start, m.end, m.canonical, m.gender), None
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
    trefs = _title_refs(doc, roles)
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
        vi = next((k for k in range(len(ctx) - 1, max(-1, len(ctx) - 1 - MAX_VERB_GAP), -1)
                   if reporting_verb(ctx[k][2])[0]), None)
        if vi is None:
            continue  # a quoted name or a colon without a reporting verb
        attrs = _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs)
        out.append(Span(qa, qb, "QUOTE", attrs))
    return out


def _attribute(doc, ctx, vi, ctx_end, mentions, trefs, refs) -> dict:
    verb, gender, before = None, None, ctx_end
    if vi is not None:
        verb = ctx[vi][2]
        gender = reporting_verb(verb)[1]
        before = ctx[vi][0]
        found = _subject(doc, ctx, vi, ctx_end, mentions, trefs)
        if found:
            how, ref, source = found
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
