"""Sentence splitting and tokenisation with exact character offsets.

* :func:`split_sentences` — units of a text: sentences (split after ``. ! ? ؟ … ؛`` with
  closing quotes and brackets attached, not after abbreviations, initials or decimals),
  list items (each bulleted or numbered line is one unit) and headings (a short line with no
  final punctuation).
* :func:`tokenize` — words, numbers, punctuation and symbols; an Arabic word's attached
  proclitics (و ف ب ل ك, the article ال, لل) are given as sub-token boundaries in the token's
  ``clitics`` attribute (absolute offsets), decided with a frequency lexicon so that the و
  of وزارة or ولاية is not taken for a conjunction.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from marsad.text.normalise import MARKS_CLASS

DATA = Path(__file__).with_name("data")

_LETTER = rf"(?:[^\W\d_]|{MARKS_CLASS})"
_TOKEN = re.compile(
    r"(?P<url>https?://\S+[^\s.,;:!?؟،؛)\]}»”\"']|www\.\S+[^\s.,;:!?؟،؛)\]}»”\"'])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<num>\d+(?:[.,٫٬]\d+)*)"
    rf"|(?P<word>{_LETTER}(?:{_LETTER}|\d)*(?:['’]{_LETTER}+)*)"
    r"|(?P<rep>([.!?؟…\-_=*~])\6+)"
    r"|(?P<other>\S)"
)
_BULLET = re.compile(r"^[ \t]*(?:[-–—•▪●◦*·■□➢►✓✔]|\(?(?:\d+|[\u0660-\u0669]+|[a-zA-Z\u0627-\u064a])[.)\-–](?=\s))\s*")
_TERMINAL = re.compile(r"[.!?؟…؛]+|\.{3}")
_CLOSERS = "\"'”’»)]}›"
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    data = json.loads((DATA / "abbreviations.json").read_text(encoding="utf-8"))
    return frozenset(a.lower() for a in data["abbreviations"])


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """Arabic word → corpus count (``data/wordfreq.tsv.gz``, see train/build_wordfreq.py)."""
    path = DATA / "wordfreq.tsv.gz"
    if not path.exists():
        return {}
    freq: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, _, c = line.rstrip("\n").partition("\t")
            freq[w] = int(c)
    return freq


# --------------------------------------------------------------------------- sentences
def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` the end of an abbreviation, an initial or a decimal point?"""
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot + 1].lower()
    if word in abbreviations():
        return True
    before = text[j:dot]
    if len(before) == 1 and before.isalpha():  # initials: J. Smith, م.
        return True
    nxt = text[dot + 1:dot + 2]
    if nxt.isdigit() or (nxt and nxt.isalpha() and nxt.islower()):
        return True  # 3.5, e.g.
    return False


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
    """Split text[start:end] (one line) into sentences."""
    line = text[start:end]
    if not line.strip():
        return
    m = _BULLET.match(line)
    if m and m.end() < len(line):
        out.append((start, end, "list_item"))
        return
    pieces: list[tuple[int, int]] = []
    s = start
    for t in _TERMINAL.finditer(text, start, end):
        e = t.end()
        if t.group(0) == "." and _is_abbreviation(text, t.start()):
            continue
        while e < end and text[e] in _CLOSERS:
            e += 1
        if e < end and not text[e].isspace():
            continue  # "3.5", "a.b", ".com"
        pieces.append((s, e))
        s = e
    if s < end:
        pieces.append((s, end))
    final = False
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b, "sentence"))
            final = True
    if final and len(pieces) == 1 and not _TERMINAL.search(line.rstrip(_CLOSERS + " \t")[-1:] or "x"):
        a, b, _ = out[-1]
        if len(line.split()) <= 25:
            out[-1] = (a, b, "heading")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each unit in ``text[start:end]``; kind is sentence|heading|list_item."""
    end = len(text) if end is None else end
    out: list[tuple[int, int, str]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        _split_line(text, pos, stop, out)
        pos = stop + 1
    return out


# --------------------------------------------------------------------------- tokens
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


def _known(word: str, freq: dict[str, int]) -> int:
    return freq.get(word, 0)


@lru_cache(maxsize=200_000)
def clitic_split(word: str) -> tuple[int, ...]:
    """Offsets (relative to the word) of proclitic boundaries in an Arabic word.

    ``والولايات`` → (1, 3) (و | ال | ولايات); ``للمغرب`` → (1,) (ل | لمغرب, the article's alef
    dropped); ``وزارة`` → () because ``زارة`` is not a word and ``وزارة`` is.
    """
    n = len(word)
    if n < 3 or not _ARABIC.match(word):
        return ()
    freq = word_frequencies()
    cuts: list[int] = []
    i = 0
    # conjunction, then preposition, then article
    if word[i] in _CONJ and n - i >= 3:
        rest = word[i + 1:]
        if rest.startswith("ال") or rest.startswith("لل") or _plausible(word, rest, freq):
            cuts.append(i + 1)
            i += 1
    if i < n and word[i] in _PREP and n - i >= 3:
        rest = word[i + 1:]
        if word[i] == "ل" and rest.startswith("ل") and len(rest) >= 3:
            cuts += [i + 1, i + 2]  # لل = ل + (ا)ل
            return tuple(cuts)
        if (rest.startswith("ال") and len(rest) >= 4) or _plausible(word[i:], rest, freq):
            cuts.append(i + 1)
            i += 1
    if word.startswith("ال", i) and n - i >= 4 and i > 0:
        cuts.append(i + 2)
    elif word.startswith("ال", i) and i == 0 and n >= 5:
        cuts.append(2)
    return tuple(cuts)


def _plausible(whole: str, rest: str, freq: dict[str, int]) -> bool:
    """Is ``rest`` a word on its own, more plausibly than ``whole`` is one word?"""
    r = _known(rest, freq)
    if r < 5 or len(rest) < 2:
        return False
    return r >= 0.5 * _known(whole, freq)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, tuple[int, ...]]]:
    """Tokens of ``text[start:end]`` as ``(start, end, label, clitic_offsets)`` (absolute)."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        kind = m.lastgroup
        a, b = m.span()
        if kind == "word":
            cuts = clitic_split(m.group(0))
            out.append((a, b, "WORD", tuple([a + c for c in cuts]) if cuts else ()))
        elif kind == "num":
            out.append((a, b, "NUM", ()))
        elif kind in ("url", "email"):
            out.append((a, b, "SYM", ()))
        else:
            ch = m.group(0)[0]
            out.append((a, b, "PUNCT" if _is_punct(ch) else "SYM", ()))
    return out


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")
