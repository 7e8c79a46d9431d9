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

from collections import Counter

from marsad.extract.ner_eval import spans
from marsad.extract.ner_features import token_info


def propagate(sents: list[list[str]], tags: list[list[str]], window: int = 10, max_len: int = 3,
              retype: bool = False) -> list[list[str]]:
    """Copy of ``tags`` (BIO per sentence of ``sents``) with recognised names tagged again where
    they recur within ``window`` sentences; with ``retype``, a name given another type more
    often in the window than its own takes that type."""
    keys = [[token_info(w)["n"] for w in ws] for ws in sents]
    names: list[list[tuple[tuple[str, ...], str, int, int]]] = []
    for ks, tg in zip(keys, tags):
        found = []
        for s, e, typ in spans(tg):
            k = tuple(ks[s:e])
            if e - s <= max_len and (e - s > 1 or len(k[0]) >= 3):
                found.append((k, typ, s, e))
        names.append(found)
    out = [list(t) for t in tags]
    n = len(sents)
    for i in range(n):
        votes: Counter = Counter()
        for j in range(max(0, i - window), min(n, i + window + 1)):
            votes.update((k, typ) for k, typ, _, _ in names[j])
        if not votes:
            continue
        best: dict[tuple[str, ...], tuple[int, str]] = {}
        for (k, typ), c in votes.items():
            if k not in best or (c, typ) > best[k]:
                best[k] = (c, typ)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for k in sorted(best, key=lambda k: (-len(k), k)):
            by_first.setdefault(k[0], []).append(k)
        ks, row = keys[i], out[i]
        if retype:
            for k, typ, s, e in names[i]:
                c, best_typ = best[k]
                if best_typ != typ and c > votes[(k, typ)]:
                    row[s:e] = ["B-" + best_typ] + ["I-" + best_typ] * (e - s - 1)
        for s, key in enumerate(ks):
            for k in by_first.get(key, ()):
                e = s + len(k)
                if tuple(ks[s:e]) != k:
                    continue
                typ = best[k][1]
                if _free(row, s, e, typ):
                    row[s:e] = ["B-" + typ] + ["I-" + typ] * (e - s - 1)
                    break
    return out


def _free(row: list[str], s: int, e: int, typ: str) -> bool:
    """Tokens s..e-1 may take a ``typ`` span: all O, or holding only shorter ``typ`` spans wholly
    inside, and no span running into or out of them."""
    if e > len(row) or row[s].startswith("I-") or (e < len(row) and row[e].startswith("I-")):
        return False
    seg = row[s:e]
    if all(t == "O" for t in seg):
        return True
    return e - s > 1 and all(t == "O" or t[2:] == typ for t in seg)
