"""CPU time per pipeline stage and per save, on the first N ANT articles (one process).

    python bench/pipeline_bench.py [--docs 300] [--corpus FILE]

CPU time (time.process_time) rather than wall time, so that the figures hold on a shared,
loaded machine; docs/s per core = 1000 / (total ms per document). The garbage collector runs as
in ``marsad ingest`` (models set aside after loading, then a collection after each step only);
a stage that annotates several documents at once (``stage.pipe``: entities) gets them 64 at a
time, as in ``marsad ingest``.
The end-to-end figure (reading, start-up, the writer) is bench/ingest_bench.py.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import first_records  # noqa: E402
from marsad.ingest import process  # noqa: E402
from marsad.ingest.runner import _collect_batch  # noqa: E402
from marsad.pipeline import build, default  # noqa: E402
from marsad.search.index import install  # noqa: E402
from marsad.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args()
    recs = first_records(args.docs, args.corpus)
    pipe = default()
    process("المغرب ينضم إلى الشراكة العالمية في باريس.", source="warm")   # load models once
    gc.disable()
    _collect_batch()
    t = time.process_time()
    docs = [process(r["text"], source="bench", published=r.get("date"), pipeline=build([])) for r in recs]
    _collect_batch()
    rows = [("clean + language id", (time.process_time() - t) / len(docs) * 1000)]
    for name, stage in zip(pipe.names, pipe.stages):
        batch = getattr(stage, "pipe", None)
        t = time.process_time()
        if batch is not None:
            for i in range(0, len(docs), 64):
                batch(docs[i:i + 64])
        else:
            for d in docs:
                stage(d)
        _collect_batch()
        rows.append((name, (time.process_time() - t) / len(docs) * 1000))
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(os.path.join(tmp, "b.db")) as store:
            install(store)
            t = time.process_time()
            for i in range(0, len(docs), 64):
                store.save_many(docs[i:i + 64], "bench")
                _collect_batch()
            rows.append(("save: knowledge base + search index", (time.process_time() - t) / len(docs) * 1000))
    total = sum(ms for _, ms in rows)
    print(f"| step | CPU ms/doc |\n|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.2f} |")
    print(f"| **total** | **{total:.1f}** (≈ {1000 / total:.0f} docs/s per core) |")


if __name__ == "__main__":
    main()
