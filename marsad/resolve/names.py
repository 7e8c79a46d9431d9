"""Name keys for entity resolution: folded, variant-normalised forms that ignore spelling noise.

Keys are never shown; display names stay as written. Folding reuses the search key
(:func:`marsad.text.keys.search_key`), then applies the token variants, honorific and blessing
drops, and country aliases of ``data/names.json`` (language knowledge as data).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.text.keys import search_key

DATA = Path(__file__).resolve().parent / "data"
GAZ = Path(__file__).resolve().parents[1] / "extract" / "data" / "gazetteers"
_PUNCT = re.compile(r"[\-‐–—_.,،؛:;\"'“”«»()\[\]#@]+")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The resolution lexicon (``data/names.json``) with comment keys removed."""
    data = json.loads((DATA / "names.json").read_text(encoding="utf-8"))
    for v in data.values():
        if isinstance(v, dict):
            v.pop("_comment", None)
    return data


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, variants normalised (``الأميركية`` → ``الامريكيه``)."""
    variants = lexicon()["token_variants"]
    out: list[str] = []
    for tok in _PUNCT.sub(" ", search_key(name)).split():
        out.extend(variants.get(tok, tok).split())
    return tuple(out)


def name_key(name: str) -> str:
    """The folded key of any name."""
    return " ".join(tokens(name))


@lru_cache(maxsize=65536)
def person_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a person's name without honorifics and trailing blessings."""
    lead = set(lexicon()["person_leading_drop"])
    toks = list(tokens(name))
    while len(toks) > 1 and toks[0] in lead:
        toks.pop(0)
    return tuple(_drop_blessing(toks, lambda t: t))


def _drop_blessing(words: list, key) -> list:
    """Remove a trailing blessing (``نصره الله``, ``حفظه``) but keep names such as ``عبد الله``."""
    lex = lexicon()
    verbs, objects = set(lex["person_trailing_drop"]), set(lex["blessing_objects"])
    if len(words) > 2 and key(words[-1]) in objects and key(words[-2]) in verbs:
        words = words[:-2]
    while len(words) > 1 and key(words[-1]) in verbs:
        words = words[:-1]
    return words


def person_display(name: str) -> str:
    """The name as written, minus trailing blessings (``محمد السادس نصره`` → ``محمد السادس``)."""
    return " ".join(_drop_blessing(name.split(), search_key))


_SKELETON = str.maketrans({"غ": "ج", "گ": "ج", "ظ": "ط"})


def skeleton(toks: tuple[str, ...]) -> str:
    """A spelling-tolerant key of a person's name: folded tokens joined without spaces, long alef
    dropped after the first letter, g-sounds (غ ج گ) and ظ/ط merged — so ``ترامب``/``ترمب``,
    ``نتنياهو``/``نتانياهو``, ``موغيريني``/``موجيريني``, ``لودريان``/``لو دريان`` meet. Used only with
    context agreement, never alone."""
    return "".join(t[:1] + t[1:].replace("ا", "") for t in toks).translate(_SKELETON)


def surname(toks: tuple[str, ...]) -> str:
    """The last-name key (``عبد الله`` style particles kept with the following word)."""
    if not toks:
        return ""
    if len(toks) >= 2 and toks[-2] in set(lexicon()["surname_particles"]):
        return " ".join(toks[-2:])
    return toks[-1]


def _strip_article(key: str) -> str:
    return " ".join(t[2:] if t.startswith("ال") and len(t) > 4 else t for t in key.split())


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Folded country name (with and without article) → (ISO code, English name)."""
    table: dict[str, tuple[str, str]] = {}
    english: dict[str, str] = {}
    for line in (GAZ / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        ar, iso, en = parts[0], parts[1], parts[2]
        english.setdefault(iso, en)
        table.setdefault(name_key(ar), (iso, ar))
    for alias, iso in lexicon()["country_aliases"].items():
        if iso:
            table[name_key(alias)] = (iso, table.get(name_key(alias), (iso, alias))[1])
    for key, val in list(table.items()):
        table.setdefault(_strip_article(key), val)
    return table


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO code → the Arabic common name we display (the first, shortest listed)."""
    best: dict[str, str] = {}
    for line in (GAZ / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 2 and (parts[1] not in best or len(parts[0]) < len(best[parts[1]])):
                best[parts[1]] = parts[0]
    return best


def country_iso(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name in Arabic (any common spelling), else None."""
    key = name_key(name)
    hit = _countries().get(key) or _countries().get(_strip_article(key))
    return hit[0] if hit else None


def country_name(iso: str) -> str:
    """Display name of a country from its ISO code."""
    return _country_names().get(iso, iso)


def demonym_iso(adjective: str) -> str | None:
    """ISO code of a nationality adjective (``الأمريكية`` → ``US``), else None."""
    key = name_key(adjective)
    if key.startswith("ال"):
        key = key[2:]
    for suffix in ("يين", "يون", "يه", "ين", "ون"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)] + ("ي" if suffix != "ين" else "")
            break
    return lexicon()["demonyms"].get(key)
