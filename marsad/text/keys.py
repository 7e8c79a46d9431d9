"""Search keys: a folded form of text used for matching, never for display.

``search_key`` folds alef/hamza forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), teh marbuta (ة → ه),
Arabic-Indic and Persian digits (→ ASCII), Latin case, and deletes harakat, Quranic marks and
tatweel. Every change is one character to one character or a deletion, so
:func:`search_key_map` can give, for each key character, the offset it came from.
"""
from __future__ import annotations

import unicodedata

_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
_DELETE = ("\u0640\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
           + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
           + "".join(chr(c) for c in range(0x06D6, 0x06EE)) + "\u200c\u200d\u200e\u200f")


def _table() -> dict[int, int | None]:
    table: dict[int, int | None] = {ord(k): ord(v) for k, v in _FOLD.items()}
    for ch in _DELETE:
        table[ord(ch)] = None
    for base in (0x0660, 0x06F0):  # Arabic-Indic, Persian digits
        for i in range(10):
            table[base + i] = ord("0") + i
    for cp in range(0x41, 0x5B):
        table[cp] = cp + 32
    for cp in range(0xC0, 0x250):  # Latin-1 and Latin Extended capitals with 1:1 lower case
        ch = chr(cp)
        low = ch.lower()
        if low != ch and len(low) == 1:
            table[cp] = ord(low)
    return table


TABLE = _table()
DELETED = frozenset(_DELETE)


def search_key(s: str) -> str:
    """The search key of ``s`` (display text is never changed; this is a separate string)."""
    return s.translate(TABLE)


def fold_accents(s: str) -> str:
    """Latin accents removed (for French/English keys): ``é`` → ``e``."""
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def search_key_map(s: str) -> tuple[str, list[int]]:
    """``(key, src)`` where ``src[i]`` is the offset in ``s`` of key character ``i``;
    ``src[len(key)] == len(s)`` so a key span ``[a, b)`` maps to ``s[src[a]:src[b-1]+1]``."""
    key = s.translate(TABLE)
    if len(key) == len(s):
        return key, list(range(len(s) + 1))
    src = [i for i, ch in enumerate(s) if ch not in DELETED]
    src.append(len(s))
    return key, src
