"""Token features for the CRF entity recogniser (shared by training and inference).

Features: the normalised word and its clitic-stripped stem, affixes, shape, the attached
proclitics, gazetteer membership (people's names, places, organisation words), title
triggers, and the same for a ±2 token window. Gazetteers and titles are data files in
``marsad/extract/data``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.text.segment import clitic_split

DATA = Path(__file__).with_name("data")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_ARABIC = re.compile(r"[\u0621-\u064a]")


def norm(word: str) -> str:
    """Matching key: no diacritics or tatweel, one alef, ي for ى, ه for ة."""
    return _DIACRITICS.sub("", word).translate(_NORM)


@lru_cache(maxsize=100_000)
def strip_clitics(word: str) -> tuple[str, str]:
    """(proclitics, rest): leading و ف ب ك ل as the segmenter's lexicon decides; keeps ال.

    ``وكازاخستان`` → ("و", "كازاخستان"); ``للمغرب`` → ("ل", "المغرب"); ``فرنسا`` → ("", "فرنسا").
    """
    if len(word) < 3 or not _ARABIC.match(word):
        return "", word
    cut, prev = 0, 0
    for c in clitic_split(word):
        piece = word[prev:c]
        if piece in ("و", "ف", "ب", "ك", "ل") and not (piece == "ل" and prev > 0 and word[prev - 1] == "ل"):
            cut = c
        elif piece == "ل" and prev > 0 and word[prev - 1] == "ل":  # لل: the article's lam
            return word[:prev], "ا" + word[prev:]
        prev = c
    return word[:cut], word[cut:]


def without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@lru_cache(maxsize=1)
def lexicons() -> dict[str, frozenset[str]]:
    """Normalised single-word lexicons: person names, places, organisation words, titles."""
    out: dict[str, set[str]] = {}
    for name in ("person_names", "places", "org_words", "org_names", "titles", "demonyms"):
        path = DATA / "gazetteers" / f"{name}.txt"
        words: set[str] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(norm(line))
        out[name] = words
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Word key → cluster ids, coarse to fine (``data/clusters.tsv.gz``, pretrained on the news)."""
    import gzip

    path = DATA / "clusters.tsv.gz"
    out: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    w, *ids = line.rstrip("\n").split("\t")
                    out[w] = tuple(ids)
    return out


_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")


def _shape(w: str) -> str:
    if _ARABIC.search(w):
        return "AR"
    if w.isdigit():
        return "D"
    if re.fullmatch(r"[A-Z][a-z]+", w):
        return "Xx"
    if w.isupper() and w.isalpha():
        return "XX"
    if w.isalpha():
        return "x"
    return "P" if len(w) == 1 else "O"


_GAZ = (("person_names", "PER", True), ("places", "LOC", True), ("org_words", "ORGW", True),
        ("org_names", "ORG", False), ("titles", "TITLE", True), ("demonyms", "DEM", True))


@lru_cache(maxsize=1)
def _gaz_tables() -> tuple[dict[str, int], dict[str, int], list[str]]:
    """The lexicons as bit masks (bit k: ``_GAZ[k]``) of a key and of a key without its article
    (``org_names`` only for the key itself), and each mask's ``gaz`` string."""
    lex = lexicons()
    by_key: dict[str, int] = {}
    by_bare: dict[str, int] = {}
    for bit, (name, _, bare_too) in enumerate(_GAZ):
        for w in lex[name]:
            by_key[w] = by_key.get(w, 0) | 1 << bit
            if bare_too:
                by_bare[w] = by_bare.get(w, 0) | 1 << bit
    labels = ["|".join(tag for bit, (_, tag, _) in enumerate(_GAZ) if m >> bit & 1) or "-"
              for m in range(1 << len(_GAZ))]
    return by_key, by_bare, labels


@lru_cache(maxsize=300_000)
def token_info(word: str) -> dict[str, str]:
    """Per-token facts reused by the window features (cached: callers must not modify it)."""
    if word and (word[0].isalnum() or word[0] == "_") and (word[-1].isalnum() or word[-1] == "_"):
        core = word  # no edge punctuation to strip (\w is alnum or _)
    else:
        core = _EDGE_PUNCT.sub("", word) or word
    punct = "1" if core != word else "0"
    plain = _DIACRITICS.sub("", core)
    pre, rest = strip_clitics(plain or core)  # ودمّرت: و + دمرت
    n = rest.translate(_NORM) if plain else norm(rest)  # rest has no diacritics left to drop
    bare = without_article(n)
    by_key, by_bare, labels = _gaz_tables()
    return {"n": n, "bare": bare, "pre": pre, "gaz": labels[by_key.get(n, 0) | by_bare.get(bare, 0)],
            "shape": _shape(core), "al": "1" if n.startswith("ال") else "0", "punct": punct,
            "cls": clusters().get(n, ())}


@lru_cache(maxsize=300_000)
def _own_features(word: str) -> tuple[str, ...]:
    """The features of a token that depend on the word alone."""
    info = token_info(word)
    n, bare = info["n"], info["bare"]
    f = ["b", "n=" + n, "bare=" + bare, "pre=" + info["pre"], "gaz=" + info["gaz"], "shape=" + info["shape"],
         "al=" + info["al"], "len=" + str(min(len(bare), 8)), "punct=" + info["punct"]]
    f += [f"cl{k}={c}" for k, c in enumerate(info["cls"])] or ["cl=?"]
    for k in (1, 2, 3):
        if len(bare) > k:
            f.append(f"p{k}={bare[:k]}")
            f.append(f"s{k}={bare[-k:]}")
    return tuple(f)


@lru_cache(maxsize=300_000)
def _neighbour_features(word: str, d: int) -> tuple[str, ...]:
    """The features a token contributes to the token ``d`` places away from it."""
    o = token_info(word)
    f = [f"{d}:n={o['n']}", f"{d}:gaz={o['gaz']}", f"{d}:shape={o['shape']}"]
    f += [f"{d}:cl{k}={c}" for k, c in enumerate(o["cls"][:2])] or [f"{d}:cl=?"]
    if abs(d) == 1:
        f.append(f"{d}:bare={o['bare']}")
    return tuple(f)


def sentence_features(words: list[str]) -> list[list[str]]:
    """crfsuite feature lists for every token of one sentence."""
    keys = [token_info(w)["n"] for w in words]
    feats = []
    last = len(words) - 1
    for i, w in enumerate(words):
        f = list(_own_features(w))
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j <= last:
                f += _neighbour_features(words[j], d)
            else:
                f.append(f"{d}:BOUND")
        if i > 0:
            f.append(f"bi={keys[i - 1]}|{keys[i]}")
        if i < last:
            f.append(f"bi+={keys[i]}|{keys[i + 1]}")
        feats.append(f)
    return feats


def load_json(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))
