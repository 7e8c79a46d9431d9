"""Entity recognition throughput on ANT articles (one process, one core).

    python bench/ner_bench.py [--docs 1000] [--repeat 3]

Documents are cleaned and segmented first (not timed); the `entities` stage alone is timed.
Prints tokens/s (median over repeats), by wall clock and by the process's CPU time (the
latter is what one core delivers when the machine is shared with other jobs), and which tagger
(``meta.json``'s ``tagger``) ran.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.config import shared_path  # noqa: E402
from marsad.doc import Document  # noqa: E402
from marsad.extract.entities import MODEL_DIR  # noqa: E402
from marsad.pipeline import build  # noqa: E402
from marsad.text.clean import clean  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz")
    if corpus is None:
        raise SystemExit("ANT corpus not found under ../shared/data/news")
    seg = build(["segment"])
    docs = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= args.docs:
                break
            raw = json.loads(line)["text"]
            text, m = clean(raw)
            docs.append(seg(Document(raw=raw, text=text, offsets=m)))
    ner = build(["segment", "entities"]).stages[1]
    ner(docs[0])  # load the model outside the timing
    n_tokens = sum(len(d.spans("tokens")) for d in docs)
    times, cpu = [], []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            ner(d)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    t, c = statistics.median(times), statistics.median(cpu)
    n_ents = sum(len(d.spans("entities")) for d in docs)
    kind = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8")).get("tagger", "crf")
    print(f"tagger: {kind}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| articles | tokens | entities | wall s (median of %d) | tokens/s wall | CPU s | tokens/s CPU | docs/s wall |"
          % args.repeat)
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {len(docs)} | {n_tokens} | {n_ents} | {t:.2f} | {n_tokens / t:,.0f} | {c:.2f} | {n_tokens / c:,.0f} "
          f"| {len(docs) / t:.0f} |")


if __name__ == "__main__":
    main()
