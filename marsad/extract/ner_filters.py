"""Words the taggers read as names that are none: ``الله`` of formulae, and Darija function words
in Moroccan documents (``data/gazetteers/not_entities.json``)."""
from __future__ import annotations

import json
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
def _darija_lists() -> tuple[frozenset[str], frozenset[str], int]:
    data = _not_entities_data()
    return (frozenset(norm(w) for w in data["darija_function_words"]),
            frozenset(data["darija_markers"]) | {norm(w) for w in data["darija_markers"]}, int(data["darija_min_markers"]))


def darija_words(all_words: list[list[str]]) -> frozenset[str]:
    """The Darija function words to keep out of names when the document writes Darija (at least
    ``darija_min_markers`` of its words are Darija markers), else nothing."""
    funcs, markers, need = _darija_lists()
    n = 0
    for words in all_words:   # the markers are plain letters: words are compared as written
        n += sum(1 for w in words if w in markers)
        if n >= need:
            return funcs
    return frozenset()


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
