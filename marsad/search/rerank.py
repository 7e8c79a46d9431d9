"""Rerank features of a candidate document, from its analysed terms (title then body).

Beside the BM25 scores of :mod:`marsad.search.query`, the best candidates get:

- ``variant``: the idf-weighted share of the query terms the document lacks but holds in a
  spelling variant (``data/variants.json``: a clitic left attached or stripped, another verb
  prefix, a nisba or tanwin ending, letters commonly confused such as ض/ظ);
- ``vowel``: the same for query terms found only with one long vowel more or less inside
  (``data/variants.json`` long_vowels: a broken plural or verbal noun beside its stem, مدينة/مدن,
  سقوط/سقط, انسحب/انسحاب, ذكر/ذكور), when no spelling variant matched;
- ``early``/``lead``: the idf-weighted share of the query terms among the first ``EARLY`` /
  ``LEAD`` terms of the body (a document *about* the query's subject names it at once);
  ``first``: the idf-weighted share of the body's first term when it is a query term (a
  definition opens with its subject: «السرطان (بالإنجليزية …) هو …», not «يستطيع السرطان …»);
- ``atype``: answer-type fit — for a question asking for a date or a figure (question words in
  ``data/answer_types.json``), 1 when a number or a marker of that type (عام, مليون …) stands
  within ``NEAR`` terms of a query term;
- ``bm25``: a BM25 of our own over the document's terms with stronger length normalisation
  (``k1``/``b`` in ``data/ranking.json``; average length over the candidates); FTS5's is fixed
  at k1 1.2, b 0.75.

All share per-query work in :class:`QueryContext`; per document only set look-ups and one
pass over the query terms' positions remain (the caller caches documents).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.search.analyzer import analyze, arabic_term
from marsad.text.keys import TABLE

DATA = Path(__file__).with_name("data")
EARLY = 12
LEAD = 3
NEAR = 8


@lru_cache(maxsize=1)
def answer_types() -> dict:
    """Question patterns (search keys) → answer type, and each type's marker terms."""
    data = json.loads((DATA / "answer_types.json").read_text(encoding="utf-8"))
    months = json.loads((Path(__file__).parents[1] / "extract" / "data" / "months.json")
                        .read_text(encoding="utf-8"))
    markers = {k: {t.term for w in v for t in analyze(w)} for k, v in data["markers"].items()}
    for names in months["gregorian"].values():
        markers["DATE"].update(arabic_term(w) for n in names for w in n.split()[:1])
    markers = {k: frozenset(t for t in v if len(t) >= 2) for k, v in markers.items()}
    questions = [(re.compile(p), t) for p, t in data["questions"]]
    return {"questions": questions, "markers": markers}


@lru_cache(maxsize=1)
def frame_terms() -> frozenset[str]:
    """Analysed question-frame words of data/answer_types.json (اسم، عدد، معنى …)."""
    words = json.loads((DATA / "answer_types.json").read_text(encoding="utf-8"))["frame"]
    return frozenset(t.term for w in words for t in analyze(w))


def question_type(query: str) -> str | None:
    """``DATE`` or ``NUMBER`` when the question asks for one (first matching pattern)."""
    key = query.translate(TABLE)
    for pat, t in answer_types()["questions"]:
        if pat.search(key):
            return t
    return None


@lru_cache(maxsize=1)
def _variant_rules() -> tuple[str, str, tuple[str, ...], dict[str, str]]:
    """(clitics, verb prefixes, endings, letter → letters confused with it) of data/variants.json."""
    r = json.loads((DATA / "variants.json").read_text(encoding="utf-8"))
    swap: dict[str, str] = {}
    for a, b in r["confusable"]:
        swap[a] = swap.get(a, "") + b
        swap[b] = swap.get(b, "") + a
    return "".join(r["clitics"]), "".join(r["verb_prefixes"]), tuple(r["endings"]), swap


@lru_cache(maxsize=50_000)
def variants(term: str) -> frozenset[str]:
    """Spelling variants of an Arabic search term (itself excluded; each at least 3 letters)."""
    if len(term) < 3 or not ("\u0621" <= term[0] <= "\u064a"):
        return frozenset()
    clitics, prefixes, endings, swap = _variant_rules()
    out = {p + term for p in clitics + prefixes}
    if term[0] in clitics or term[0] in prefixes:
        out.add(term[1:])
    if term[0] in prefixes:
        out.update(p + term[1:] for p in prefixes)
    for e in endings:
        out.add(term + e)
        if term.endswith(e):
            out.add(term[:-len(e)])
    for i, ch in enumerate(term):
        for other in swap.get(ch, ""):
            out.add(term[:i] + other + term[i + 1:])
    out.discard(term)
    return frozenset(v for v in out if len(v) >= 3)


@lru_cache(maxsize=1)
def _vowel_rules() -> tuple[str, str]:
    """(long vowels a variant may drop, long vowels it may insert) of data/variants.json."""
    r = json.loads((DATA / "variants.json").read_text(encoding="utf-8"))["long_vowels"]
    return "".join(r["drop"]), "".join(r["insert"])


@lru_cache(maxsize=50_000)
def vowel_variants(term: str) -> frozenset[str]:
    """An Arabic term with one long vowel dropped or inserted inside it (not at either end;
    itself excluded; each at least 3 letters): مدن ↔ مدين, سقط ↔ سقوط."""
    if len(term) < 3 or not ("\u0621" <= term[0] <= "\u064a"):
        return frozenset()
    drop, insert = _vowel_rules()
    out = {term[:i] + term[i + 1:] for i in range(1, len(term) - 1) if term[i] in drop}
    out.update(term[:i] + v + term[i:] for i in range(1, len(term)) for v in insert)
    out.discard(term)
    return frozenset(v for v in out if len(v) >= 3)


class QueryContext:
    """What the features need from the query, computed once per query."""

    def __init__(self, query: str, qterms: list[str], idf: dict[str, float]):
        self.qterms = list(dict.fromkeys(qterms))
        self.idf = {t: idf.get(t, 0.0) for t in self.qterms}
        self.total = sum(self.idf.values()) or 1.0
        self.atype = question_type(query)
        self.variants = [(t, v, w) for t, v, w in ((t, variants(t), vowel_variants(t)) for t in self.qterms)
                         if v or w]


def marker_positions(terms: list[str], atype: str) -> list[int]:
    """Positions of the numbers and of ``atype``'s marker terms in a document's terms."""
    markers = answer_types()["markers"].get(atype, frozenset())
    return [j for j, t in enumerate(terms) if t in markers or t.isdigit()]


def doc_features(ctx: QueryContext, terms: list[str], tset: frozenset[str], ntitle: int,
                 pos: dict[str, list[int]], marks: list[int], avgdl: float, k1: float,
                 b: float) -> dict[str, float]:
    """The rerank features of one document (``terms``: title terms then body terms, ``tset``
    their set, ``pos``: positions of the query terms it holds, ``marks``: the positions
    :func:`marker_positions` gives for the question's answer type)."""
    idf = ctx.idf
    var = vow = 0.0
    for t, vs, ws in ctx.variants:
        if t in pos:
            continue
        if not vs.isdisjoint(tset):
            var += idf[t]
        elif not ws.isdisjoint(tset):
            vow += idf[t]
    early, lead, bm, lim, first = 0.0, 0.0, 0.0, ntitle + EARLY, ntitle + LEAD
    norm = k1 * (1 - b + b * len(terms) / avgdl)
    for t, p in pos.items():
        n = len(p)
        bm += idf[t] * n * (k1 + 1) / (n + norm)
        for j in p:
            if j >= ntitle:
                if j < lim:
                    early += idf[t]
                    if j < first:
                        lead += idf[t]
                break
    first = 0.0
    if len(terms) > ntitle and terms[ntitle] in pos:
        first = idf[terms[ntitle]]
    atype = 0.0
    if marks and pos:
        near = sorted(j for p in pos.values() for j in p)
        i = 0
        for m in marks:
            while i < len(near) and near[i] < m - NEAR:
                i += 1
            if i < len(near) and near[i] <= m + NEAR:
                atype = 1.0
                break
    total = ctx.total
    return {"variant": var / total, "vowel": vow / total, "early": early / total, "lead": lead / total, "first": first / total,
            "bm25": bm, "atype": atype}
