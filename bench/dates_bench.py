"""Dates and figures throughput on ANT articles, and a no-crash run over the news corpora.

    python bench/dates_bench.py [--docs 1000] [--repeat 3]
    python bench/dates_bench.py --all        # every article of the three news corpora

The ``dates`` and ``figures`` stages run on the raw article text (no other stage needed).
Prints articles/s and characters/s (median over repeats); ``--all`` prints per-corpus counts
of articles, dates and figures, and fails on the first exception or out-of-bounds span.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.config import shared_path  # noqa: E402
from marsad.doc import Document  # noqa: E402
from marsad.pipeline import build  # noqa: E402

CORPORA = ("ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz", "marsum-goud-moroccan.jsonl.gz")


def _articles(name: str, limit: int | None = None):
    path = shared_path("data", "news", name)
    if path is None:
        raise SystemExit(f"corpus not found under ../shared/data/news: {name}")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if limit is not None and k >= limit:
                return
            a = json.loads(line)
            yield a.get("text") or "", a.get("published")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="run once over all three news corpora")
    args = ap.parse_args()
    pipe = build(["dates", "figures"])
    if args.all:
        t0 = time.perf_counter()
        for name in CORPORA:
            n = nd = nf = 0
            for text, pub in _articles(name):
                doc = pipe(Document.from_text(text, published=pub))
                for layer in ("dates", "figures"):
                    for s in doc.spans(layer):
                        assert 0 <= s.start < s.end <= len(doc.text)
                n += 1
                nd += len(doc.spans("dates"))
                nf += len(doc.spans("figures"))
            print(f"{name}: {n} articles, {nd} dates, {nf} figures, no crash")
        print(f"total {time.perf_counter() - t0:.1f} s")
        return
    arts = list(_articles(CORPORA[0], args.docs))
    chars = sum(len(t) for t, _ in arts)
    times = []
    for _ in range(args.repeat):
        docs = [Document.from_text(t, published=p) for t, p in arts]
        t0 = time.perf_counter()
        for d in docs:
            pipe(d)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(f"{len(arts)} ANT articles, {chars} characters: median {med:.2f} s "
          f"({len(arts) / med:.0f} articles/s, {chars / med / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    main()
