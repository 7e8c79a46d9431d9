"""The records the benchmarks run on: the first N of a news corpus in ../shared (ANT by default)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from marsad.config import shared_path

ANT = ("data", "news", "ant-v2.1-multisource.jsonl.gz")


def first_records(n: int, corpus: str | None = None) -> list[dict]:
    """The first ``n`` JSON records of ``corpus`` (a .jsonl.gz path; default ANT v2.1)."""
    path = Path(corpus) if corpus else shared_path(*ANT)
    if path is None or not path.exists():
        raise SystemExit(f"corpus not found ({corpus or '../shared/' + '/'.join(ANT)})")
    recs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            recs.append(json.loads(line))
            if len(recs) >= n:
                break
    return recs
