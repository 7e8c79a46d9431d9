"""Fixed samples of unseen news articles for the hand-check tools (quote_sample, event_sample).

A sample is every ``stride``-th record (from ``offset``) of a news corpus in ``../shared`` that
is in one of ``categories`` (any when None), holds one of ``needles`` and is not a gold article
(``tests/fixtures/kb_gold``), so the same arguments always draw the same articles.
"""
from __future__ import annotations

import gzip
import json


def gold_ids() -> set[str]:
    """Record ids of the articles of the knowledge-base gold set."""
    from marsad.extract.kb_eval import load_gold

    return {g["source"].partition("#")[2] for g in load_gold() if "#" in g["source"]}


def sample_records(path: str, categories, needles, stride: int, offset: int, max_docs: int, exclude=()):
    """``(record id, Record)`` of the sample drawn from ``path`` (relative to ``../shared``); a record
    holding one of ``exclude`` is left out (MArSum's sports articles: it has no categories)."""
    from marsad.config import shared_dir
    from marsad.ingest.readers import _from_object

    gold = gold_ids()
    full = shared_dir() / path
    n, out = 0, []
    with gzip.open(full, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if (categories is not None and obj.get("category") not in categories) or str(obj["id"]) in gold:
                continue
            if not any(w in obj.get("text", "") for w in needles):
                continue
            if exclude and any(w in obj.get("text", "") for w in exclude):
                continue
            n += 1
            if n % stride != offset % stride:
                continue
            out.append((str(obj["id"]), _from_object(obj, f"{full}#{obj['id']}")))
            if len(out) >= max_docs:
                break
    return out
