"""Ingest throughput: read + clean + segment + store, on the ANT corpus (one process, one core).

    python bench/ingest_bench.py [--limit N] [--corpus FILE] [--repeat R]

Reports documents/s, MB/s of input text and peak memory; each repeat ingests into a fresh
temporary SQLite database. The median over repeats is printed (markdown table row).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.config import shared_path  # noqa: E402
from marsad.ingest.runner import ingest  # noqa: E402
from marsad.pipeline import default  # noqa: E402
from marsad.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="JSON Lines (.gz) file (default: ANT v2.1)")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (0 = all)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    corpus = Path(args.corpus) if args.corpus else shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz")
    if corpus is None or not corpus.exists():
        raise SystemExit("corpus not found (../shared/data/news/ant-v2.1-multisource.jsonl.gz)")
    with tempfile.TemporaryDirectory() as tmp:
        src = corpus
        n_docs, n_bytes = 0, 0
        if args.limit:
            src = Path(tmp) / "subset.jsonl"
            with gzip.open(corpus, "rt", encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
                for line in fh:
                    if n_docs >= args.limit:
                        break
                    out.write(line)
                    n_docs += 1
                    n_bytes += len(json.loads(line).get("text", "").encode("utf-8"))
        else:
            with gzip.open(corpus, "rt", encoding="utf-8") as fh:
                for line in fh:
                    n_docs += 1
                    n_bytes += len(json.loads(line).get("text", "").encode("utf-8"))
        times = []
        for r in range(args.repeat):
            db = os.path.join(tmp, f"bench{r}.db")
            t0 = time.perf_counter()
            with open_store(db) as store:
                report = ingest([str(src)], store, progress=False)
                stored = store.count()
            times.append(time.perf_counter() - t0)
            assert report.skipped == 0, report.errors[:3]
        t = statistics.median(times)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"stages: {', '.join(default().names)}")
        print("| corpus | articles | stored | seconds (median of %d) | docs/s | MB/s | peak RSS MB |" % args.repeat)
        print("|---|---|---|---|---|---|---|")
        print(f"| {corpus.name}{' (first %d)' % args.limit if args.limit else ''} | {n_docs} | {stored} | "
              f"{t:.1f} | {n_docs / t:.0f} | {n_bytes / t / 1e6:.2f} | {peak_mb:.0f} |")


if __name__ == "__main__":
    main()
