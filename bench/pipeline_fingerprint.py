"""Fingerprint of the full pipeline's output on the first N ANT articles, to prove that a
speed-up changed nothing.

    python bench/pipeline_fingerprint.py --docs 300 --out /tmp/before.json
    python bench/pipeline_fingerprint.py --docs 300 --out /tmp/after.json --compare /tmp/before.json
    python bench/pipeline_fingerprint.py --docs 300 --batch 64 --out /tmp/piped.json --compare /tmp/before.json

Writes, per document, every annotation layer (label, offsets, attributes) and, after saving all
documents into a fresh store, every row of every knowledge-base and search table (sorted, with
volatile columns such as timestamps left out). ``--batch N`` annotates N documents at a time
with ``Pipeline.pipe`` (as ``marsad ingest`` does) instead of one by one. With ``--compare`` it prints the first
differences per layer and table and exits 1 if there is any. Not a timing: run it before and after.
It runs with PYTHONHASHSEED=0 (re-executing itself), because set order decides a few tie-breaks.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":  # string hashing decides some tie-breaks (set order): fix it
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import first_records  # noqa: E402
from marsad.ingest import prepare, process  # noqa: E402
from marsad.pipeline import default  # noqa: E402
from marsad.search.index import install  # noqa: E402
from marsad.store import open_store  # noqa: E402

VOLATILE = ("ingested_at", "created_at", "updated_at", "saved_at", "at")


def _layers(doc) -> dict:
    out = {}
    for name in sorted(doc.layers):
        if name == "text":
            continue
        out[name] = [[s.start, s.end, s.label, json.dumps(s.attrs, sort_keys=True, ensure_ascii=False, default=str)]
                     for s in doc.spans(name)]
    return out


def _tables(path: str) -> dict:
    c = sqlite3.connect(path)
    out = {}
    names = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    for t in names:
        if t.startswith("sqlite_") or t == "schema_migrations" or "_fts_" in t or t.endswith(("_data", "_idx", "_docsize", "_config", "_content")):
            continue
        cols = [r[1] for r in c.execute(f"PRAGMA table_info('{t}')") if r[1] not in VOLATILE]
        if not cols:
            continue
        q = ", ".join(f'"{x}"' for x in cols)
        try:
            rows = c.execute(f'SELECT {q} FROM "{t}"').fetchall()
        except sqlite3.OperationalError:
            continue
        out[t] = sorted(json.dumps(r, ensure_ascii=False, default=str) for r in rows)
    c.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--out", required=True)
    ap.add_argument("--compare", default=None)
    ap.add_argument("--batch", type=int, default=0, help="annotate N documents at a time (Pipeline.pipe)")
    args = ap.parse_args()
    recs = first_records(args.docs)
    if args.batch:
        pipeline, docs = default(), []
        for i in range(0, len(recs), args.batch):
            chunk = [prepare(r["text"], source="bench", published=r.get("date")) for r in recs[i:i + args.batch]]
            for d in pipeline.pipe(chunk):
                if not hasattr(d, "layers"):
                    raise d
                docs.append(d)
    else:
        docs = [process(r["text"], source="bench", published=r.get("date")) for r in recs]
    result = {"docs": [_layers(d) for d in docs]}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.db")
        with open_store(path) as store:
            install(store)
            for i in range(0, len(docs), 64):
                store.save_many(docs[i:i + 64], "bench")
        result["tables"] = _tables(path)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    n_sent = sum(len(d.spans("sentences")) for d in docs)
    n_ent = sum(len(d.spans("entities")) for d in docs)
    print(f"{len(docs)} documents, {n_sent} sentences, {n_ent} entities, {len(result['tables'])} tables → {args.out}")
    if args.compare:
        ref = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        bad = 0
        for i, (a, b) in enumerate(zip(ref["docs"], result["docs"])):
            for layer in sorted(set(a) | set(b)):
                if a.get(layer) != b.get(layer):
                    bad += 1
                    if bad <= 10:
                        print(f"doc {i} layer {layer}: {len(a.get(layer, []))} → {len(b.get(layer, []))} spans differ")
        for t in sorted(set(ref["tables"]) | set(result["tables"])):
            x, y = ref["tables"].get(t), result["tables"].get(t)
            if x != y:
                bad += 1
                print(f"table {t}: {len(x or [])} → {len(y or [])} rows, "
                      f"{len(set(x or []) ^ set(y or []))} differ")
        print("identical" if not bad else f"{bad} differences")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
