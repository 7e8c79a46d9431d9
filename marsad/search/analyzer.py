"""The one analyzer used for documents, sentences and queries alike.

Arabic: search key (alef/hamza, yeh, teh marbuta, diacritics, tatweel, digits), proclitic
stripping (و ف ب ل ك + ال, لل), Snowball Arabic stemming (PyStemmer) with fixes for the
plural/nisba endings it mishandles, stop words. French and English use their own Snowball
stemmers. Every :class:`Term` carries ``start``/``end`` offsets into the analysed string, so
highlights land on the original text. Results per word are cached (the analyzer runs on every
ingested document).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import Stemmer

from marsad.text.keys import TABLE, fold_accents

DATA = Path(__file__).with_name("data")

# A word: letters/digits with any harakat or tatweel inside it.
_MARK = "\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed"
WORD = re.compile(rf"(?:[^\W_]|[{_MARK}])+")
_ARABIC = re.compile(r"[\u0621-\u064a]")

# Proclitic sequences, longest first; the stem left must keep at least `min` letters.
_PROCLITICS = (("وبال", 3), ("وكال", 3), ("فبال", 3), ("وال", 3), ("فال", 3), ("بال", 3),
               ("كال", 3), ("ولل", 3), ("فلل", 3), ("ال", 2), ("لل", 3))


class Term(NamedTuple):
    """An index term with the offsets ``[start, end)`` of the word it came from."""

    term: str
    start: int
    end: int


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    data = json.loads((DATA / "stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(data[lang]) for lang in ("ar", "en", "fr")}


_STEMMERS: dict[str, Stemmer.Stemmer] = {}


def _stemmer(name: str) -> Stemmer.Stemmer:
    s = _STEMMERS.get(name)
    if s is None:
        s = _STEMMERS[name] = Stemmer.Stemmer(name)
    return s


def strip_proclitics(key: str, known: frozenset[str] | None = None) -> str:
    """Remove و ف ب ل ك + ال / لل from a folded Arabic word (keeping a stem of 2–3+ letters)."""
    for p, n in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= n:
            return key[len(p):]
    return key  # a lone و ف ب ك is left to the Snowball stemmer's own prefix rules


_STEM_TABLE = dict(TABLE)
_STEM_TABLE[ord("ة")] = ord("ة")  # Snowball needs teh marbuta to tell it from the pronoun ه


def _fix_suffix(w: str) -> str:
    """Feminine plural Snowball mishandles: اتفاقيات → اتفاقية (→ اتفاق like the singular)."""
    if len(w) >= 5 and w.endswith("ات"):
        return w[:-2] + "ة"
    return w


@lru_cache(maxsize=1)
def stem_exceptions() -> dict[str, str]:
    """Folded words whose Snowball stem is wrong, with the stem to use (data/stems.json)."""
    return json.loads((DATA / "stems.json").read_text(encoding="utf-8"))["stems"]


@lru_cache(maxsize=200_000)
def arabic_term(word: str) -> str:
    """Index term of one Arabic word ('' for a stop word)."""
    key = word.translate(TABLE)
    stops = stopwords()["ar"]
    if key in stops or not key:
        return ""
    if not _ARABIC.match(key):
        return key
    base = strip_proclitics(key)
    if base in stops:
        return ""
    exc = stem_exceptions().get(base)
    if exc:
        return exc
    raw = word.translate(_STEM_TABLE)
    raw = _fix_suffix(raw[len(raw) - len(base):])
    stem = _stemmer("arabic").stemWord(raw).translate(TABLE)
    if len(stem) < 2:
        stem = base
    return stem


@lru_cache(maxsize=100_000)
def latin_term(word: str, lang: str) -> str:
    """Index term of one French or English word ('' for a stop word)."""
    key = fold_accents(word.translate(TABLE))
    if key in stopwords().get(lang, ()):
        return ""
    if key.isdigit():
        return key
    return _stemmer("french" if lang == "fr" else "english").stemWord(key)


@lru_cache(maxsize=200_000)
def arabic_light(word: str) -> str:
    """Light term of one Arabic word: search key without proclitics, not stemmed ('' for a stop word)."""
    key = word.translate(TABLE)
    stops = stopwords()["ar"]
    if not key or key in stops:
        return ""
    base = strip_proclitics(key)
    return "" if base in stops else base


def analyze(text: str, lang: str | None = "ar", light: bool = False) -> list[Term]:
    """Terms of ``text`` with their offsets; Arabic words use the Arabic chain whatever ``lang``.
    ``light=True`` gives unstemmed Arabic terms (a second, more exact view for ranking)."""
    out: list[Term] = []
    latin = "fr" if lang == "fr" else "en"
    ar = arabic_light if light else arabic_term
    for m in WORD.finditer(text):
        w = m.group(0)
        t = ar(w) if _ARABIC.search(w) or lang == "ar" and not w.isascii() else latin_term(w.lower(), latin)
        if t:
            out.append(Term(t, m.start(), m.end()))
    return out


def terms(text: str, lang: str | None = "ar") -> list[str]:
    """Just the term strings of :func:`analyze`."""
    return [t.term for t in analyze(text, lang)]
