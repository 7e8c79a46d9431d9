"""CoNLL exact-span evaluation of BIO tag sequences (precision, recall, F1 per type and micro)."""
from __future__ import annotations

from collections import Counter


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence (a stray I- starts a span)."""
    out, start, typ = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != typ):
            if start is not None:
                out.add((start, i, typ))
            start, typ = (i, tag[2:]) if tag != "O" else (None, None)
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def evaluate_tags(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """``{"micro": {p, r, f1}, "per_type": {TYPE: {p, r, f1, support}}}``."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        for s in ps & gs:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    types = sorted(set(tp) | set(fp) | set(fn))
    return {"micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
            "per_type": {t: _prf(tp[t], fp[t], fn[t]) for t in types}}
