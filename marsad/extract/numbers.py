"""Numbers written in digits (Western, Arabic-Indic, Persian) or in Arabic words.

Everything works on :func:`fold`, a one-to-one character folding of the text (digits to
ASCII, hamza-seated alefs to bare alef, alef maqsura to yeh), so offsets found on the folded
text are offsets into the original. Word tables live in ``data/numbers.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_FOLD_SRC = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآٱىیک٫٬٪"
_FOLD_DST = "01234567890123456789ااااييك.,%"
FOLD = str.maketrans(_FOLD_SRC, _FOLD_DST)
HARAKAT = re.compile("[\u064B-\u0652\u0670\u0640]")
WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670\u0671-\u06D3]+")
# a number may be glued to Arabic letters (و12، بـ54، وفاة12) but not to Latin ones (MBC5, G20)
DIGITS = re.compile(r"(?<![\dA-Za-z.,/])\d{1,3}(?:[,،]\d{3})+(?![\d])(?:\.\d+)?|(?<![\dA-Za-z.,/])\d+(?:[.,]\d+)?(?![\dA-Za-z])")


# what may be glued before digits: clitics and short prepositions (و12، بـ54، لـ15، في16)
GLUE = {"و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "ال", "بال", "وال", "لل", "في", "وفي", "يوم", "سنة", "عام", "ب", "("}


def fold(text: str) -> str:
    """One-to-one folding: same length as ``text`` (offsets are kept)."""
    return text.translate(FOLD)


@lru_cache(maxsize=4)
def fold_text(text: str) -> str:
    """:func:`fold` of a document's text, kept for the next caller (dates, figures and numbers
    fold the same text)."""
    return text.translate(FOLD)


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """Lookup key of a word: folded, without harakat/tatweel."""
    return HARAKAT.sub("", fold(word))


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """A data file of ``marsad/extract/data`` (cached)."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, float]]:
    d = load("numbers.json")
    out = {}
    for part in ("ones", "teens_ones", "tens", "hundreds", "scales", "fractions"):
        out[part] = {key(k): v for k, v in d[part].items()}
    out["teens_ten"] = {key(k): 10 for k in d["teens_ten"]}
    return out


def digits_value(s: str) -> float:
    """Value of a digit string (folded), with ',' as thousands separator when followed by 3 digits."""
    s = fold(s).replace("،", ",")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    s = s.replace(",", ".")
    v = float(s)
    return int(v) if v.is_integer() and "." not in s else v


PROCLITICS = ("وبال", "وبال", "فال", "وال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def split_word(word: str) -> tuple[int, str, bool]:
    """(length of proclitics stripped, remaining key, has article) for a folded word."""
    k = key(word)
    for p in PROCLITICS:
        if k.startswith(p) and len(k) - len(p) >= 2:
            rest = k[len(p):]
            return len(p), rest, p.endswith("ال") or p == "لل"
    return 0, k, False


@lru_cache(maxsize=200_000)
def word_kind(word: str) -> tuple[str | None, float | None, bool]:
    """(table, value, has_article) for a number word (clitics allowed), else (None, None, False)."""
    t = tables()
    for strip in (False, True):
        if strip:
            _, k, art = split_word(word)
        else:
            k, art = key(word), False
        for part in ("hundreds", "tens", "ones", "scales"):
            if k in t[part]:
                return part, t[part][k], art
        if k in t["teens_ten"]:
            return "teens_ten", 10, art
    return None, None, False


def _direct(word: str):
    t = tables()
    k = key(word)
    for part in ("hundreds", "tens", "ones", "scales", "teens_ten"):
        if k in t[part]:
            return part
    return None


@lru_cache(maxsize=200_000)
def _inert(word: str) -> bool:
    """Does :func:`find_numbers` pass over this (non-digit) token at once? No number word, not
    واحد/واحدة/نصف, not the unit of a teen (most words: one cached lookup each)."""
    k = key(word)
    return word_kind(word)[0] is None and k not in ("واحد", "واحدة", "نصف") and \
        split_word(word)[1] not in ("واحد", "واحدة") and k not in tables()["teens_ones"]


@lru_cache(maxsize=1)
def _vague() -> frozenset[str]:
    return frozenset(key(w) for w in load("numbers.json")["vague"])


@dataclass
class Num:
    start: int
    end: int
    value: float
    words: bool          # written (at least partly) in words
    article: bool        # first word carries the article (الدول السبع)


def _tokens(folded: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"\d{1,3}(?:،\d{3})+(?!\d)|\d+(?:[.,]\d+)*|[\u0621-\u064A\u064B-\u0652\u0670\u0671-\u06D3]+|\S", folded):
        out.append((m.start(), m.end(), m.group()))
    return out


def find_numbers(text: str) -> list[Num]:
    """Every number (digits, words, digits + scale word, compounds) in ``text``."""
    folded = fold_text(text)
    toks = _tokens(folded)
    t = tables()
    out: list[Num] = []
    i, n = 0, len(toks)
    while i < n:
        s, e, w = toks[i]
        val = None
        words = False
        article = False
        j = i
        if w[0].isdigit():
            if not DIGITS.match(folded, s) or DIGITS.match(folded, s).end() != e:
                i += 1
                continue
            if i > 0 and toks[i - 1][1] == s and WORD.fullmatch(toks[i - 1][2]) and \
                    HARAKAT.sub("", toks[i - 1][2]).rstrip("ـ") not in GLUE and not toks[i - 1][2].endswith("ـ"):
                i += 1
                continue
            val = digits_value(w)
            j = i + 1
        elif _inert(w):
            i += 1
            continue
        else:
            part, v, art = word_kind(w)
            k = key(w)
            bare = split_word(w)[1]
            if part in ("scales", "hundreds") and (k in _vague() or bare in _vague()):
                i += 1
                continue
            if bare in ("واحد", "واحدة") or k in ("واحد", "واحدة"):
                # "one" alone (دولة واحدة، واحدة من) is not counted; واحد وعشرون and واحد في المئة are
                nxt = folded[e:e + 12]
                if not (i + 1 < n and key(toks[i + 1][2]).startswith("و") and word_kind(toks[i + 1][2][1:])[0] == "tens") \
                        and not re.match(r"\s*(?:في الم|بالم|%)", nxt):
                    i += 1
                    continue
            if part is None and k in ("نصف",) and i + 1 < n and word_kind(toks[i + 1][2])[0] == "scales":
                part, v = "fraction", 0.5
            if part in ("ones", "tens", "hundreds", "fraction", "scales", "teens_ten") or (
                    k in t["teens_ones"] and i + 1 < n and key(toks[i + 1][2]) in t["teens_ten"]):
                if k in ("احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي") and not (
                        i + 1 < n and key(toks[i + 1][2]) in t["teens_ten"]):
                    if k in ("احد", "احدي"):
                        i += 1
                        continue
                if art and split_word(w)[1] == "اثنين":   # الاثنين is Monday
                    i += 1
                    continue
                words, article = True, art
                j = i + 1
                if part == "scales":
                    val = v
                elif i + 1 < n and key(toks[i + 1][2]) in t["teens_ten"] and part in ("ones", None):
                    val = (v if part == "ones" else t["teens_ones"][k]) + 10
                    j = i + 2
                else:
                    val = v
                # compounds: X وY (وY is tens/ones/hundreds)
                while j < n:
                    nw = toks[j][2]
                    if not key(nw).startswith("و"):
                        break
                    p2, v2, _ = word_kind(nw[1:])
                    if p2 in ("tens", "ones", "hundreds") and v2 < (val if val >= 10 else 10**9):
                        val += v2
                        j += 1
                    else:
                        break
        if val is None:
            i += 1
            continue
        # scale word after (digits or words): 3 ملايين، 1.5 مليار، ثلاثة آلاف
        if j < n and word_kind(toks[j][2])[0] == "scales" and not toks[j][2].startswith(("و", "ف")) and \
                not (words and j == i + 1 and word_kind(w)[0] == "scales"):
            sc = word_kind(toks[j][2])[1]
            if sc in (2000, 2_000_000, 2_000_000_000):
                sc //= 2
            val = val * sc
            words = True
            j += 1
            # ثلاثة آلاف وخمسمائة
            if j < n and key(toks[j][2]).startswith("و"):
                p2, v2, _ = word_kind(toks[j][2][1:])
                if p2 in ("hundreds", "tens", "ones"):
                    val += v2
                    j += 1
        if isinstance(val, float) and val.is_integer() and val >= 1:
            val = int(val) if not w[0].isdigit() or "." not in w and "," not in w else val
        ns = s
        if words:
            # offsets exclude a proclitic of the first word (والسبع → السبع kept with article)
            if not w[0].isdigit() and word_kind(w)[0] is not None and _direct(w) is None:
                cl, rest, art = split_word(w)
                if art:
                    cl = max(0, cl - 2)
                ns = s + cl
        out.append(Num(ns, toks[j - 1][1], val, words, article))
        i = j
    return out
