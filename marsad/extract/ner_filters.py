"""Words the taggers read as names that are none: ``الله`` of formulae, and Darija function words
in Moroccan documents (``data/gazetteers/not_entities.json``)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from marsad.extract.ner_features import DATA, lexicons, norm, strip_clitics, without_article


@lru_cache(maxsize=1)
def _not_entities_data() -> dict:
    return json.loads((DATA / "gazetteers" / "not_entities.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def not_entities() -> frozenset[str]:
    """Normalised words that are never an entity on their own (``الله`` of formulae;
    ``data/gazetteers/not_entities.json``)."""
    return frozenset(norm(w) for w in _not_entities_data()["words"])


@lru_cache(maxsize=1)
def darija_function_words() -> frozenset[str]:
    """Normalised Darija function words the taggers take for names (``لي``، ``ديالو``، ``غادي``)."""
    return frozenset(norm(w) for w in _not_entities_data()["darija_function_words"])


@lru_cache(maxsize=1)
def ambiguous_function_words() -> frozenset[str]:
    """Function words that are names in Modern Standard Arabic too (``لي``: Li)."""
    return frozenset(norm(w) for w in _not_entities_data()["ambiguous_function_words"])


@lru_cache(maxsize=1)
def _markers_re() -> re.Pattern:
    words = _not_entities_data()["darija_markers"]
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def darija_markers(text: str, need: int | None = None) -> int:
    """How many Darija markers (``ديال``، ``غادي``، ``باش``) ``text`` holds, counted up to ``need``
    (default ``darija_min_markers``)."""
    need = int(_not_entities_data()["darija_min_markers"]) if need is None else need
    return sum(1 for _ in zip(range(need), _markers_re().finditer(text)))


def is_darija(text: str) -> bool:
    """Whether ``text`` is written in Darija: at least ``darija_min_markers`` markers (the one test
    the entity layer, quotes and events share)."""
    return darija_markers(text) >= int(_not_entities_data()["darija_min_markers"])


def after_darija(words: list[str], i: int, j: int, darija: frozenset[str]) -> int:
    """Where a tagged run words[i:j] starts once its leading Darija function words are left out:
    ``i`` when it has none, ``j`` (no mention) when no gazetteer word follows them
    (``لي بغات``، ``ديالو``), else the index of that word (``ديال مرجان`` → ``مرجان``)."""
    k = i
    while k < j and (norm(words[k]) in darija or words[k][:1] in "وف" and norm(words[k][1:]) in darija):   # ودابا
        k += 1
    if k == i or k == j:
        return k
    lex = lexicons()
    key = norm(strip_clitics(words[k])[1])
    known = any(key in lex[name] or without_article(key) in lex[name]
                for name in ("person_names", "places", "org_names", "org_words"))
    return k if known else j


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Normalised common nouns that are no entity when a mention is exactly one of them: currency
    units (``دولار``) and ``ميليشيا`` (``data/gazetteers/not_entities.json``)."""
    return frozenset(norm(w) for w in _not_entities_data()["common_nouns"])


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    """Normalised nouns for people and groups that begin no name (``الوفد``، ``مسؤولان``، ``الجاسوس``)."""
    return frozenset(norm(w) for w in _not_entities_data()["person_heads"])


_NISBA_ENDINGS = ("ي", "يه", "يان", "يين", "يون", "يتان", "يتين")


def nisba_shaped(key: str) -> bool:
    """Whether a normalised word looks like a nationality adjective (``الكوري``، ``امريكيان``) and
    is no first or last name of the lexicon."""
    bare = without_article(key)
    return len(bare) > 3 and bare.endswith(_NISBA_ENDINGS) and bare not in lexicons()["person_names"]


def before_darija(words: list[str], k: int, j: int, darija: frozenset[str]) -> int:
    """Where a tagged run words[k:j] (its leading Darija function words already left out) ends
    once a later Darija function word cuts it: ``j`` when it holds none; else the index of that
    word when a gazetteer name comes before it (``محمد أوزين`` | ``اللي``), and ``k`` (no mention)
    when none does (``داكشي لي بغاو``)."""
    m = next((x for x in range(k + 1, j) if norm(words[x]) in darija
              or words[x][:1] in "وف" and norm(words[x][1:]) in darija), j)
    if m == j:
        return j
    lex = lexicons()
    known = any(key in lex[name] or without_article(key) in lex[name]
                for key in (norm(strip_clitics(w)[1]) for w in words[k:m])
                for name in ("person_names", "places", "org_names", "org_words"))
    return m if known else k
