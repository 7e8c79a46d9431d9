"""Topics: AI-policy themes (``data/topics.json``) found through their evidence terms.

Each match of a term gives a span labelled with the topic id (attrs ``terms``: the lexicon
term, ``lang``). Arabic terms match with the proclitics و/ف/ب/ل/ك, folded alef/ya/ta-marbuta
and optional diacritics; the longest match wins where terms overlap. The stage also gives each
event the topics found inside its evidence (``event.attrs["topics"]``), and
:func:`document_topics` summarises a document.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.pipeline import register

DATA = Path(__file__).resolve().parent / "data"
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})   # one char → one char
_DIAC = "[\u064b-\u0652\u0670\u0640]*"
_ARABIC = re.compile(r"[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def taxonomy() -> dict:
    """The topic taxonomy (ids, ar/fr/en labels, evidence terms)."""
    return json.loads((DATA / "topics.json").read_text(encoding="utf-8"))


def _arabic_pattern(term: str) -> str:
    t = re.sub(r"[\u064b-\u0652\u0670\u0640]", "", term).translate(_FOLD)
    body = "".join(r"\s+" if c == " " else re.escape(c) + _DIAC for c in t)
    if t.startswith("ال"):
        rest = "".join(r"\s+" if c == " " else re.escape(c) + _DIAC for c in t[2:])
        return rf"(?<!\w)(?:[وف]?[بك]?ال{_DIAC}|[وف]?لل{_DIAC}){rest}(?!\w)"
    return rf"(?<!\w)(?:[وف]?[بلك]?){body}(?!\w)"


_DIAC_RE = re.compile("[\u064b-\u0652\u0670\u0640]")


def _fold(text: str) -> str:
    """``text.translate(_FOLD)``, faster (one replace per letter: no letter maps to another that is mapped)."""
    return text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")


def _key(term: str) -> str:
    """A literal every match of ``term`` contains: its longest word, folded, without the article."""
    words = _DIAC_RE.sub("", term).translate(_FOLD).lower().split()
    word = max(words, key=len)
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _literals(term: str) -> tuple[str, ...]:
    """Pieces every match of an Arabic term holds once diacritics are dropped and the text lowered
    (as the prefilter's ``plain``): its words folded, the first without its article (``للذكاء``
    matches ``الذكاء``). A term in other scripts matches case-insensitively: none (its key alone)."""
    if not _ARABIC.search(term):
        return ()
    words = _DIAC_RE.sub("", term).translate(_FOLD).split(" ")  # the spaces _arabic_pattern reads as \s+
    if words[0].startswith("ال"):
        words[0] = words[0][2:]
    return tuple(dict.fromkeys(w.lower() for w in words if w))


@lru_cache(maxsize=1)
def _matchers() -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(topic id, term, lang, prefilter key, the term's other literals) of every evidence term."""
    out = []
    for topic in taxonomy()["topics"]:
        for lang, terms in topic["terms"].items():
            for term in terms:
                key = _key(term)
                out.append((topic["id"], term, lang, key, tuple(w for w in _literals(term) if w != key)))
    return out


@lru_cache(maxsize=1)
def _keys() -> frozenset[str]:
    return frozenset(m[3] for m in _matchers())


@lru_cache(maxsize=None)
def _pattern(term: str) -> re.Pattern[str]:
    """A term's regex, compiled the first time a text holds its key (start-up stays short)."""
    if _ARABIC.search(term):
        return re.compile(_arabic_pattern(term))
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def find_topics(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Topic spans over the evidence terms in ``text[start:end]`` (longest match wins)."""
    end = len(text) if end is None else end
    folded = _fold(text)
    plain = _DIAC_RE.sub("", folded[start:end]).lower()  # prefilter only: offsets come from `folded`
    present = {k for k in _keys() if k in plain}
    cands = []
    for tid, term, lang, key, others in _matchers():
        if key not in present or others and not all(w in plain for w in others):
            continue
        for m in _pattern(term).finditer(folded, start, end):
            cands.append((m.start(), m.end(), tid, term, lang))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Span] = []
    taken: list[tuple[int, int]] = []
    for a, b, tid, term, lang in sorted(cands, key=lambda c: -(c[1] - c[0])):
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Span(a, b, tid, {"terms": [term], "lang": lang}))
    return sorted(out, key=lambda s: (s.start, s.end))


def document_topics(doc: Document) -> dict[str, dict]:
    """Topic id → labels, evidence terms and count, from the ``topics`` layer (or computed)."""
    spans = doc.spans("topics") if doc.has_layer("topics") else find_topics(doc.text)
    labels = {t["id"]: t["labels"] for t in taxonomy()["topics"]}
    out: dict[str, dict] = {}
    for s in spans:
        d = out.setdefault(s.label, {"labels": labels.get(s.label, {}), "terms": [], "count": 0})
        d["count"] += 1
        for t in s.attrs.get("terms", []):
            if t not in d["terms"]:
                d["terms"].append(t)
    return dict(sorted(out.items(), key=lambda kv: -kv[1]["count"]))


def span_topics(spans: list[Span], a: int, b: int) -> dict[str, list[str]]:
    """Topic id → terms of the topic spans inside ``[a, b)``."""
    out: dict[str, list[str]] = {}
    for s in spans:
        if a <= s.start and s.end <= b:
            terms = out.setdefault(s.label, [])
            terms.extend(t for t in s.attrs.get("terms", []) if t not in terms)
    return out


@register("topics", requires=("sentences",), provides=("topics",))
def make_topics(**config):
    """AI-policy topics with evidence terms; events get the topics of their evidence."""
    def stage(doc: Document) -> None:
        spans = find_topics(doc.text)
        doc.set_layer("topics", spans)
        for ev in doc.spans("events"):
            ev.attrs["topics"] = span_topics(spans, ev.start, ev.end)
    return stage
