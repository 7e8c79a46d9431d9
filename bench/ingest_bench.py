"""End-to-end ingest throughput: read + annotate (every stage) + save (knowledge base, search
index) into a fresh SQLite file, on the ANT corpus, one process.

    python bench/ingest_bench.py [--limit N] [--corpus FILE] [--repeat R] [--cli]

Reports documents/s by CPU time (process time: holds on a loaded machine) and by wall time,
MB/s of input text and peak memory; the median over repeats is printed (markdown table row).
``--cli`` runs ``marsad ingest FILE --db NEW.db`` as a child process each repeat (what users
run: start-up and model loading included; CPU = the child's user + system time); without it
``ingest()`` runs in this process after the models are loaded.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.config import shared_path  # noqa: E402
from marsad.ingest import process  # noqa: E402
from marsad.ingest.runner import ingest  # noqa: E402
from marsad.pipeline import default  # noqa: E402
from marsad.store import open_store  # noqa: E402


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run_cli(src: Path, db: str) -> tuple[float, float, int]:
    """(CPU s, wall s, documents stored) of ``marsad ingest src --db db`` in a child process."""
    cpu, t0 = _child_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "marsad.cli.main", "ingest", str(src), "--db", db, "--no-progress"],
                   check=True, stderr=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1])
    wall, cpu = time.perf_counter() - t0, _child_cpu() - cpu
    with open_store(db) as store:
        return cpu, wall, store.count()


def _run_here(src: Path, db: str) -> tuple[float, float, int]:
    cpu, t0 = time.process_time(), time.perf_counter()
    with open_store(db) as store:
        report = ingest([str(src)], store, progress=False)
        stored = store.count()
    assert report.skipped == 0, report.errors[:3]
    return time.process_time() - cpu, time.perf_counter() - t0, stored


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=None, help="JSON Lines (.gz) file (default: ANT v2.1)")
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (0 = all)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cli", action="store_true", help="time the `marsad ingest` command (start-up included)")
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
        if not args.cli:
            process("المغرب ينضم إلى الشراكة العالمية في باريس.", source="warm")   # load models once
        cpus, walls = [], []
        for r in range(args.repeat):
            cpu, wall, stored = (_run_cli if args.cli else _run_here)(src, os.path.join(tmp, f"bench{r}.db"))
            cpus.append(cpu)
            walls.append(wall)
        cpu, wall = statistics.median(cpus), statistics.median(walls)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN if args.cli else resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"stages: {', '.join(default().names)}; {'marsad ingest (child process)' if args.cli else 'ingest() in process'}")
        print(f"| corpus | articles | stored | CPU s | docs/s per core (CPU) | wall s | docs/s (wall) | MB/s (CPU) "
              f"| peak RSS MB |  (median of {args.repeat})")
        print("|---|---|---|---|---|---|---|---|---|")
        print(f"| {corpus.name}{' (first %d)' % args.limit if args.limit else ''} | {n_docs} | {stored} | "
              f"{cpu:.1f} | {n_docs / cpu:.1f} | {wall:.1f} | {n_docs / wall:.1f} | {n_bytes / cpu / 1e6:.2f} | {peak_mb:.0f} |")


if __name__ == "__main__":
    main()
