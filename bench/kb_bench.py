"""Cost of the knowledge-base stages (roles, quotes, events) per document, on ANT articles.

    python bench/kb_bench.py [--docs 200] [--repeat 5] [--stages roles quotes events]

The stages before them (segment … figures) run first, untimed; each named stage is then
timed alone over all documents. Prints ms/doc (median over repeats).
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
from marsad.pipeline import default  # noqa: E402
from marsad.text.clean import clean  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--stages", nargs="+", default=["roles", "quotes", "events"])
    args = ap.parse_args()
    corpus = shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz")
    if corpus is None:
        raise SystemExit("ANT corpus not found under ../shared/data/news")
    pipe = default()
    by_name = dict(zip(pipe.names, pipe.stages))
    first = min(pipe.names.index(s) for s in args.stages)
    docs = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= args.docs:
                break
            raw = json.loads(line)["text"]
            text, m = clean(raw)
            d = Document(raw=raw, text=text, offsets=m)
            for stage in pipe.stages[:first]:
                stage(d)
            docs.append(d)
    print(f"| stage | ms/doc (median of {args.repeat}, {len(docs)} ANT articles) |")
    print("|---|---|")
    for name in args.stages:
        stage = by_name[name]
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for d in docs:
                stage(d)
            times.append(time.perf_counter() - t0)
        print(f"| {name} | {1000 * statistics.median(times) / len(docs):.2f} |")


if __name__ == "__main__":
    main()
