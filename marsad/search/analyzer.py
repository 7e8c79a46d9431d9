"""The one analyzer used for documents, sentences and queries alike.

Arabic: search key (alef/hamza, yeh, teh marbuta, diacritics, tatweel, digits; Persian-script
letters folded to the Arabic letter a reader would write, ``letter_folds`` in data/stems.json), proclitic
stripping (و ف ب ل ك + ال, لل; with ``lone_proclitic_guard`` in data/stems.json, a lone و ف ب ك ل
only where news word counts say it is one, so that وزارة, فلسطين, بطولة keep the first letter
Snowball would strip), Snowball Arabic stemming (PyStemmer) with fixes for the plural/nisba
endings it mishandles, stop words. French and English use their own Snowball stemmers. Every
:class:`Term` carries ``start``/``end`` offsets into the analysed string, so highlights land on
the original text. Results per word are cached (the analyzer runs on every
ingested document).
"""
from __future__ import annotations

import hashlib
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
_ONE_LETTER = "وفبكل"     # a lone proclitic, kept or stripped by corpus frequency (_is_proclitic)
_SNOWBALL_STRIPS = "وفب"  # the ones Snowball Arabic strips by itself (its prefix steps)
_MIN_COUNT = 5            # corpus count from which a word counts as known
_GUARD = "ج"              # stands in for a first letter Snowball must not strip (no prefix starts with it)


@lru_cache(maxsize=1)
def settings() -> dict:
    """data/stems.json: stem exceptions, ``analyzer_version``, ``lone_proclitic_guard``."""
    return json.loads((DATA / "stems.json").read_text(encoding="utf-8"))


def _key_table() -> dict[int, int | None]:
    """:data:`marsad.text.keys.TABLE` plus data/stems.json's ``letter_folds`` (ی → ي, پ → ب …)."""
    table = dict(TABLE)
    table.update({ord(a): ord(b) for a, b in settings().get("letter_folds", {}).items()})
    return table


KEY_TABLE = _key_table()  # the analyzer's search key of a word (one character to one or none)

GUARD: list[bool | None] = [None]  # None: as data/stems.json says (tests may force it)


def guard_on() -> bool:
    """Is the corpus-frequency guard on a lone proclitic (:func:`_is_proclitic`) on?"""
    return bool(settings().get("lone_proclitic_guard")) if GUARD[0] is None else GUARD[0]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """``analyzer_version`` of data/stems.json (bumped on any change to this module's output), the
    guard and a hash of the analyzer's data: a stored index with another fingerprint is stale."""
    h = hashlib.sha256()
    for f in (DATA / "stems.json", DATA / "stopwords.json", DATA.parents[1] / "text" / "data" / "wordfreq.tsv.gz"):
        h.update(f.read_bytes() if f.exists() else b"")
    return f"v{settings().get('analyzer_version', 1)}{'g' if guard_on() else ''}-{h.hexdigest()[:10]}"


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


def strip_proclitics(key: str) -> str:
    """Remove و ف ب ل ك + ال / لل from a folded Arabic word (keeping a stem of 2–3+ letters),
    else a lone و/ف then a lone ب/ك/ل where :func:`_is_proclitic` says so (and an ال after them)."""
    for p, n in _PROCLITICS:
        if key.startswith(p) and len(key) - len(p) >= n:
            return key[len(p):]
    if not guard_on():
        return key  # a lone و ف ب is left to Snowball's own prefix rules
    k = key
    for letters in ("وف", "بكل"):
        if k[:1] in letters and _is_proclitic(k):
            k = k[1:]
    if k is not key and k.startswith("ال") and len(k) >= 4:
        k = k[2:]  # بالدم: ب, then the article
    return k


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """Folded word → count in the news corpora (marsad/text/data/wordfreq.tsv.gz, ANT v2.1 + v1.1;
    built by train/build_wordfreq.py)."""
    from marsad.text.segment import word_frequencies

    out: dict[str, int] = {}
    for w, c in word_frequencies().items():
        k = w.translate(KEY_TABLE)
        out[k] = out.get(k, 0) + c
    return out


def _is_proclitic(key: str) -> bool:
    """Is the first letter of ``key`` (و ف ب ك ل) a proclitic, by corpus counts of folded words?
    No when the whole takes the article (الوزاره, البطاقه); yes when the rest is a known word at
    least half as frequent as the whole (بمصر), or, after و/ف, one that also takes another
    proclitic or the article (وقالت: فقالت); no when only the whole is known (فلسطين, وجدت); a
    word the list lacks either way keeps Snowball's rule (و ف ب go, ك ل stay)."""
    if len(key) < 4 or key[0] not in _ONE_LETTER:
        return False
    freq = _frequencies()
    rest, whole, art = freq.get(key[1:], 0), freq.get(key, 0), freq.get("ال" + key, 0)
    if art >= _MIN_COUNT and art >= 0.05 * whole:
        return False
    if rest < _MIN_COUNT:
        return whole < _MIN_COUNT and key[0] in _SNOWBALL_STRIPS
    if rest >= 0.5 * whole:
        return True
    if key[0] not in "وف":
        return False
    others = sum(freq.get(c + key[1:], 0) for c in _ONE_LETTER if c != key[0])
    return others + freq.get("ال" + key[1:], 0) >= _MIN_COUNT


_STEM_TABLE = dict(KEY_TABLE)
_STEM_TABLE[ord("ة")] = ord("ة")  # Snowball needs teh marbuta to tell it from the pronoun ه


def _fix_suffix(w: str) -> str:
    """Feminine plural Snowball mishandles: اتفاقيات → اتفاقية (→ اتفاق like the singular)."""
    if len(w) >= 5 and w.endswith("ات"):
        return w[:-2] + "ة"
    return w


@lru_cache(maxsize=1)
def stem_exceptions() -> dict[str, str]:
    """Folded words whose Snowball stem is wrong, with the stem to use (data/stems.json)."""
    return settings()["stems"]


@lru_cache(maxsize=200_000)
def arabic_term(word: str) -> str:
    """Index term of one Arabic word ('' for a stop word)."""
    key = word.translate(KEY_TABLE)
    stops = stopwords()["ar"]
    if key in stops or not key:
        return ""
    if not _ARABIC.match(key):
        return key
    base = strip_proclitics(key)
    if base in stops:
        return ""
    return _stem(word, base)


def _stem(word: str, base: str) -> str:
    """:func:`arabic_term` of a word that is no stop word, from its key without proclitics."""
    exc = stem_exceptions().get(base)
    if exc:
        return exc
    raw = word.translate(_STEM_TABLE)
    raw = _fix_suffix(raw[len(raw) - len(base):])
    if raw[:1] in _SNOWBALL_STRIPS and guard_on():  # a root letter here (وزارة, فلسطين, بطولة): keep it
        stem = _stemmer("arabic").stemWord(_GUARD + raw[1:]).translate(TABLE)
        stem = raw[0] + stem[1:] if stem[:1] == _GUARD else stem
    else:
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
    key = word.translate(KEY_TABLE)
    stops = stopwords()["ar"]
    if not key or key in stops:
        return ""
    base = strip_proclitics(key)
    return "" if base in stops else base


def arabic_views(word: str) -> tuple[str, str]:
    """``(arabic_term(word), arabic_light(word))``, the key and its proclitics found once (the
    search index wants both views of every word)."""
    key = word.translate(KEY_TABLE)
    stops = stopwords()["ar"]
    if not key or key in stops:
        return "", ""
    base = strip_proclitics(key)
    if base in stops:
        return ("" if _ARABIC.match(key) else key), ""
    return (_stem(word, base) if _ARABIC.match(key) else key), base


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
