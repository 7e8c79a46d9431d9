"""Build marsad/text/data/wordfreq.tsv.gz: Arabic word frequencies from the ANT news corpora.

Used by the tokenizer to decide whether a leading و/ف/ب/ل/ك is a proclitic (the rest is a
known word) or part of the word (وزارة, ولاية). Sources: ANT v2.1 and v1.1 (Apache-2.0).

    python train/build_wordfreq.py [--min-count 3] [--top 80000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from marsad.config import shared_path
from marsad.text.normalise import normalise

WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
OUT = Path(__file__).resolve().parents[1] / "marsad" / "text" / "data" / "wordfreq.tsv.gz"
CORPORA = ["ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--top", type=int, default=80000)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    for name in CORPORA:
        path = shared_path("data", "news", name)
        if path is None:
            raise SystemExit(f"missing corpus {name} under ../shared/data/news")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text, _ = normalise(json.loads(line).get("text") or "")
                counts.update(WORD.findall(text))
    items = [(w, c) for w, c in counts.most_common(args.top) if c >= args.min_count]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\tcount — from ANT v2.1 + v1.1 (Apache-2.0); built by train/build_wordfreq.py\n")
        for w, c in items:
            out.write(f"{w}\t{c}\n")
    print(f"{len(items)} words → {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
