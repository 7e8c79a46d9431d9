"""Offset-tracking Unicode normalisation for Arabic news text.

Each step is a pure function ``str -> (str, OffsetMap)``. Nothing here changes meaning:
presentation forms become the letters they display, Persian/Urdu letter variants become
their Arabic letters, tatweel and invisible controls go, odd spaces become spaces, line ends
become ``\\n``, lone surrogates become U+FFFD, and combining sequences are put in NFC.
Digits are kept as written; :func:`digit_value` and :func:`ascii_digits` read Western,
Arabic-Indic and Persian digits alike. The character tables live in ``data/chars.json``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from marsad.offsets import OffsetMap, rewrite

DATA = Path(__file__).with_name("data") / "chars.json"

# Combining marks that may follow a base character (Arabic harakat, Quranic marks, Latin accents).
_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
          "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff"
          "\u20d0-\u20ff\ufe20-\ufe2f")
MARKS_CLASS = f"[{_MARKS}]"


@lru_cache(maxsize=1)
def char_table() -> dict[str, str]:
    """The single-pass replacement table (source → replacement, '' deletes)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    table.update(data["presentation_forms"])
    table.update(data["letters"])
    for ch in data["remove"]:
        table[ch] = ""
    for ch in data["spaces"]:
        table[ch] = " "
    for ch in data["newlines"]:
        table[ch] = "\n"
    # other C0/C1 controls (not \t \n, handled above) are removed
    for cp in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
        ch = chr(cp)
        if ch not in ("\n", "\t", "\r", "\x0b", "\x0c", "\x85"):
            table[ch] = ""
    return table


@lru_cache(maxsize=1)
def _char_pattern() -> re.Pattern[str]:
    keys = sorted(char_table(), key=len, reverse=True)
    multi = [re.escape(k) for k in keys if len(k) > 1]
    single = "".join(re.escape(k) for k in keys if len(k) == 1)
    # lone surrogates (from surrogateescape/surrogatepass decoding) are replaced too
    return re.compile("|".join(multi + [f"[{single}\ud800-\udfff]"]))


def normalise_chars(text: str) -> tuple[str, OffsetMap]:
    """Presentation forms, Persian letters, controls, spaces, line ends, lone surrogates."""
    table = char_table()
    return rewrite(text, _char_pattern(),
                   lambda m: table.get(m.group(0), "\ufffd"))


_CLUSTER = re.compile(f".{MARKS_CLASS}+", re.S)


def nfc_clusters(text: str) -> tuple[str, OffsetMap]:
    """Put each base+combining-marks cluster in NFC (e.g. ا + ٓ → آ, canonical mark order)."""
    def fix(m: re.Match[str]) -> str | None:
        s = m.group(0)
        n = unicodedata.normalize("NFC", s)
        return n if n != s else None
    return rewrite(text, _CLUSTER, fix)


def normalise(text: str) -> tuple[str, OffsetMap]:
    """All normalisation steps, composed into one map."""
    t1, m1 = normalise_chars(text)
    t2, m2 = nfc_clusters(t1)
    return t2, m2.compose(m1)


def digit_value(ch: str) -> int | None:
    """Value of a decimal digit in any script (0-9, ٠-٩, ۰-۹ ...), else None."""
    return unicodedata.decimal(ch, None)


_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f]")


def ascii_digits(s: str) -> str:
    """Same string with Arabic-Indic and Persian digits as ASCII (length preserved)."""
    return _DIGITS.sub(lambda m: str(unicodedata.decimal(m.group(0))), s)
