"""Quotes: the reporting-verb lexicon (``data/reporting_verbs.json``) and the small shared
pieces of :mod:`marsad.extract.quotes` and its speaker helpers (quotation marks, complementisers,
:class:`Ref`)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.people import fold

DATA = Path(__file__).resolve().parent / "data"
_OPEN_ONLY, _CLOSE_ONLY = "«", "»"
_AMBIGUOUS = "“”\"″„"
_COMPLEMENTISERS = {"إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "إننا", "أننا", "إنهم", "أنهم",
                    "بأنه", "بأنها", "بأنهم", "بأننا", "ان", "انه", "انها", "بان", "بانه", "بانها",
                    "بللي", "باللي", "بلي"}   # the last three: Darija "that"
_PUNCT = re.compile(r"[،,:؛;.]")


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
    return fold(w) in _word_set_folded("verbs_before_complementiser")


def found_in_verb(word: str) -> bool:
    """``جاء``/``ورد`` (with و): "it is said in" (``وجاء في البيان أن``، ``وجاء فيها:``)."""
    w = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    return fold(w) in _word_set_folded("found_in_verbs")


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


def _sentence_of(doc: Document, pos: int) -> tuple[int, int]:
    for s in doc.spans("sentences"):
        if s.start <= pos < s.end:
            return s.start, s.end
    a = doc.text.rfind("\n", 0, pos) + 1
    b = doc.text.find("\n", pos)
    return a, len(doc.text) if b < 0 else b


@lru_cache(maxsize=None)
def _word_set(key: str) -> frozenset[str]:
    return frozenset(verbs_data().get(key, []))


def _object_pronouns() -> frozenset[str]:
    return _word_set("object_pronouns")


def _not_first_names() -> frozenset[str]:
    return _word_set("not_first_names")


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    """Folded stems (no article) of the nouns that refer back to a named organisation."""
    return frozenset(fold(w[2:] if w.startswith("ال") else w) for w in verbs_data().get("institution_nouns", []))


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """Folded names of media platforms (``تويتر``): never a speaker, even when tagged ORG."""
    return frozenset(fold(w) for w in verbs_data().get("platforms", []))


def speaking_bodies(doc: Document) -> list[Span]:
    """ORG and FAC entities (``قال الكرملين``) that may speak: media platforms left out."""
    if not doc.has_layer("entities"):
        return []
    return [e for e in doc.spans("entities") if e.label in ("ORG", "FAC")
            and fold(doc.text[e.start:e.end].lstrip("#")) not in platforms()]


@lru_cache(maxsize=None)
def _word_set_folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in verbs_data().get(key, []))


@lru_cache(maxsize=1)
def _title_second_words() -> set[str]:
    return {fold(w) for w in verbs_data().get("title_second_words", [])}


@lru_cache(maxsize=1)
def _not_names() -> set[str]:
    d = verbs_data()
    return {fold(w) for w in d.get("not_names", []) + d["non_person_sources"] + d["title_nouns"]}
