"""Label consistency across neighbouring sentences ("one sense per discourse").

A name the tagger recognised in one sentence is often missed, or only partly found, a few
sentences later (``نيسان`` tagged ORG once and left O twice; ``بان كي مون`` found in full once
and cut to ``مون`` elsewhere). ``propagate`` tags the other occurrences of each recognised name
of at most ``max_len`` tokens inside a window of ``window`` sentences either side, with the type
the name was given most often in that window. Tokens are compared by their clitic-stripped,
normalised key (``ونيسان`` matches ``نيسان``). An occurrence is tagged only where every token of
it is still O, or where it covers shorter spans of the same type (which it replaces); one-token
names need three letters. The tagger passes the sentences of one document, so in the pipeline
the window never crosses documents. With ``retype`` a recognised name takes the type it was
given more often in the window than its own (``الليكود`` PERS once, ORG twice). On ANERcorp dev
(last 10% of train) it adds about one point of micro F1 to the neural tagger (recall up,
precision a little down); the shipped setting (meta.json: window 20, retype) gives, with the
CRF's gap fillers, 0.7975 against 0.7962 for window 10 without retype (AQMAR dev 0.4949 against
0.4867); see docs/benchmarks.md.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

from marsad.extract.ner_eval import spans
from marsad.extract.ner_features import DATA, lexicons, norm, token_info, without_article

_ARABIC = re.compile(r"[\u0621-\u064a]")


def propagate(sents: list[list[str]], tags: list[list[str]], window: int = 10, max_len: int = 3,
              retype: bool = False) -> list[list[str]]:
    """Copy of ``tags`` (BIO per sentence of ``sents``) with recognised names tagged again where
    they recur within ``window`` sentences; with ``retype``, a name given another type more
    often in the window than its own takes that type."""
    keys = [[token_info(w)["n"] for w in ws] for ws in sents]
    names: list[list[tuple[tuple[str, ...], str, int, int]]] = []
    for ks, tg in zip(keys, tags):
        found = []
        if tg.count("O") != len(tg):
            for s, e, typ in spans(tg):
                k = tuple(ks[s:e])
                if e - s <= max_len and (e - s > 1 or len(k[0]) >= 3):
                    found.append((k, typ, s, e))
        names.append(found)
    out = [list(t) for t in tags]
    n = len(sents)
    # the votes of the sliding window (name → type → count) and its names by first token
    votes: dict[tuple[str, ...], Counter] = {}
    by_first: dict[str, set[tuple[str, ...]]] = {}

    def count(j: int, step: int) -> None:
        for k, typ, _, _ in names[j]:
            v = votes.get(k)
            if v is None:
                v = votes[k] = Counter()
                by_first.setdefault(k[0], set()).add(k)
            v[typ] += step
            if not v[typ]:
                del v[typ]
                if not v:
                    del votes[k]
                    by_first[k[0]].discard(k)
                    if not by_first[k[0]]:
                        del by_first[k[0]]

    lo = hi = 0  # the window counted: sentences lo..hi-1
    for i in range(n):
        while hi < min(n, i + window + 1):
            count(hi, 1)
            hi += 1
        while lo < i - window:
            count(lo, -1)
            lo += 1
        if not votes:
            continue
        ks, row = keys[i], out[i]
        if retype:
            for k, typ, s, e in names[i]:
                c, best_typ = max((c, t) for t, c in votes[k].items())
                if best_typ != typ and c > votes[k][typ]:
                    row[s:e] = ["B-" + best_typ] + ["I-" + best_typ] * (e - s - 1)
        for s, key in enumerate(ks):
            cands = by_first.get(key)
            if not cands:
                continue
            for k in sorted(cands, key=lambda k: (-len(k), k)):
                e = s + len(k)
                if tuple(ks[s:e]) != k:
                    continue
                typ = max((c, t) for t, c in votes[k].items())[1]
                if _free(row, s, e, typ):
                    row[s:e] = ["B-" + typ] + ["I-" + typ] * (e - s - 1)
                    break
    return out


def _free(row: list[str], s: int, e: int, typ: str) -> bool:
    """Tokens s..e-1 may take a ``typ`` span: all O, or (a name of several words) holding shorter
    spans wholly inside, and no span running into or out of them. The shorter spans may be of
    another type when a word of the name is still O (``لي`` PERS, ``كه`` O, ``تشيانغ`` LOC where
    ``لي كه تشيانغ`` was found whole: the pieces of a cut name); an occurrence tagged wholly with
    other types is left alone."""
    if e > len(row) or row[s].startswith("I-") or (e < len(row) and row[e].startswith("I-")):
        return False
    seg = row[s:e]
    if all(t == "O" for t in seg):
        return True
    return e - s > 1 and (all(t == "O" or t[2:] == typ for t in seg) or "O" in seg)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Normalised words never inside an entity in ANERcorp train (``data/gazetteers/common_words.txt``)."""
    lines = (DATA / "gazetteers" / "common_words.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _surname_guards() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words that begin a compound first name, ends of compound first names, words that are no
    surname alone: stop words, titles, nationality adjectives, common words of
    ``common_words.txt``), normalised."""
    from marsad.extract.ner_filters import common_nouns, not_entities, person_heads
    from marsad.search.analyzer import stopwords

    data = json.loads((DATA / "gazetteers" / "name_parts.json").read_text(encoding="utf-8"))
    lex = lexicons()
    never = (frozenset(norm(w) for w in stopwords()["ar"]) | lex["titles"] | lex["demonyms"]
             | not_entities() | common_nouns() | person_heads() | common_words())
    return (frozenset(norm(w) for w in data["compound_first"]),
            frozenset(norm(w) for w in data["compound_ends"] + data["not_surnames"]), never)


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Nouns for groups (``ميليشيات``: name_parts.json) and organisation words, normalised."""
    data = json.loads((DATA / "gazetteers" / "name_parts.json").read_text(encoding="utf-8"))
    return frozenset(token_info(w)["n"] for w in data["group_nouns"]) | lexicons()["org_words"]


def _place_word(key: str) -> bool:
    """A place of the GPE gazetteers (``القصيم``) or its nisba (``السلوفاكي``: سلوفاكيا، ``المصري``:
    مصر): an origin, not a surname alone."""
    from marsad.extract.name_bounds import _gpe_names

    gpe, bare = _gpe_names(), without_article(key)
    if key in gpe or bare in gpe:
        return True
    if bare.endswith("ي") and len(bare) > 3:     # مصري: مصر، سلوفاكي: سلوفاكيا، سوري: سوريه
        stem = bare[:-1]
        return any(f in gpe for f in (stem, bare + "ا", stem + "ا", stem + "ه"))
    return False


def _verb_shaped(key: str) -> bool:
    """An imperfect verb of a derived stem (ينشطر، يتحدث، يستمر) that is no name of the lexicon."""
    return key.startswith(("ين", "يت", "يست")) and len(key) >= 5 and key not in lexicons()["person_names"]


def surnames(sents: list[list[str]], tags: list[list[str]], window: int = 20) -> list[list[str]]:
    """Copy of ``tags`` where the last word of a person found with two or three words (``دونالد
    ترامب``) is tagged PERS where it stands alone and untagged within ``window`` sentences either
    side (``الرئيس ترامب``، ``وكان ترامب``): the tagger often finds a foreign name whole once and
    misses the surname later. Not for a word of fewer than four letters, a stop word, title or
    nationality adjective (``الكوري``), a common word (``common_words.txt``), an imperfect verb of
    a derived stem (``ينشطر``), a regnal ordinal (``الثاني``), a place or its nisba (``القصيم``،
    ``السلوفاكي``), the second part of a compound first name (``عبد الرحمن``،
    ``نور الدين``: ``data/gazetteers/name_parts.json``), nor a word the window also tags as
    something else alone. The word must stand between untagged words (no span is extended), not
    after a noun for a group (``ميليشيات الحوثي``: ``group_nouns``) or an organisation word."""
    firsts, ends, never = _surname_guards()
    groups = _group_nouns()
    keys = [[token_info(w)["n"] for w in ws] for ws in sents]
    found: list[dict[str, str]] = []   # per sentence: surname key → "PERS" or another type
    for ks, tg in zip(keys, tags):
        got: dict[str, str] = {}
        if tg.count("O") != len(tg):
            for s, e, typ in spans(tg):
                if typ == "PERS" and 2 <= e - s <= 3:
                    last = ks[e - 1]
                    if len(without_article(last)) >= 4 and _ARABIC.search(last) and last not in never and last not in ends \
                            and without_article(last) not in never and ks[e - 2] not in firsts and not _verb_shaped(last) \
                            and not _place_word(last):
                        got.setdefault(last, "PERS")
                elif e - s == 1 and typ != "PERS":
                    got[ks[s]] = typ
        found.append(got)
    out = [list(t) for t in tags]
    n = len(sents)
    for i in range(n):
        lo, hi = max(0, i - window), min(n, i + window + 1)
        cands: dict[str, bool] = {}
        for j in range(lo, hi):
            for k, typ in found[j].items():
                cands[k] = cands.get(k, True) and typ == "PERS"
        if not any(cands.values()):
            continue
        row, ks = out[i], keys[i]
        for t, k in enumerate(ks):
            if row[t] == "O" and cands.get(k) and (t == 0 or row[t - 1] == "O" and ks[t - 1] not in groups) \
                    and (t + 1 >= len(row) or row[t + 1] == "O"):
                row[t] = "B-PERS"
    return out
