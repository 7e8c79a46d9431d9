"""Search benchmarks: retrieval on ARCD with the bm25s baselines, and latency over ANT.

    python bench/search_bench.py arcd                  # marsad vs bm25s baselines, same run
    python bench/search_bench.py latency [--db FILE]   # ingest ANT (if FILE is absent) and time queries
    python bench/search_bench.py tune                  # coordinate ascent over ranking weights, ARCD *train* questions
    python bench/search_bench.py speed                 # CPU time of rank() at rerank depth 100 vs 30 (ARCD train)

Latency queries: the first 2–4 words of the titles of 300 stored articles (seeded sample)
plus topical queries written by us; one thread, one core, warm cache after a first pass.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marsad.config import shared_path  # noqa: E402

TOPICAL = ["اتفاقيات الذكاء الاصطناعي", "متى انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي؟",
           "الانتقال الرقمي", "حماية المعطيات الشخصية", "الأمن السيبراني", "الجيل الخامس للاتصالات",
           "وزارة الانتقال الرقمي وإصلاح الإدارة", "الاتحاد الأوروبي", "كأس العالم", "ارتفاع الأسعار"]


def arcd() -> dict:
    from marsad.search.evaluate import evaluate
    res = evaluate(baselines=True)
    print(json.dumps(res, indent=1))
    return res


def tune() -> dict:
    """Coordinate ascent over the ranking weights on ARCD train questions (the test questions are
    not used), from the weights of data/ranking.json; objective Recall@1 + MRR + Recall@5/2.
    The rerank's own BM25 (bm25_k1, bm25_b) and the candidate depth are set by hand (tried:
    k1 1.2/1.5/2/3, b 0.75/0.9/1, depth 30/50)."""
    import sqlite3

    import numpy as np

    from marsad.doc import Document
    from marsad.search import evaluate as E
    from marsad.search import query as Q
    from marsad.search.index import apply_schema, index_document

    pool, _ = E.arcd_files()
    paras, qs = E.build_task(pool, [pool[0]])
    conn = sqlite3.connect(":memory:")
    apply_schema(conn)
    for i, p in enumerate(paras):
        index_document(conn, Document.from_text(p, id=f"p{i}", lang="ar"))
    r2i = {r: int(d[1:]) for r, d in conn.execute("SELECT rowid, doc_id FROM search_docs")}
    names = ["doc", "trigram", "cover", "pairs", *Q.RERANK]
    keys = {v: k for k, v in Q._WEIGHT.items()}
    allw = {**Q.ranking(), **{n: 1.0 for n in names}}
    rows = []
    for q, g in qs:
        feats = {r2i[r]: f for r, f in Q.features(conn, q, w=allw).items()}
        ids = np.array(sorted(feats))
        m = np.array([[feats[i].get(keys[n], 0.0) for n in names] for i in ids]).reshape(len(ids), len(names))
        rows.append((ids, m, int(np.searchsorted(ids, g)) if g in feats else -1))

    def score(w: np.ndarray) -> dict:
        ranks = []
        for ids, m, gi in rows:
            if gi < 0:
                ranks.append(99)
                continue
            s = m @ w
            ranks.append(int((s > s[gi]).sum() + ((s == s[gi]) & (ids < ids[gi])).sum()))
        r = np.array(ranks)
        return {"recall@1": round(float((r < 1).mean()), 4), "recall@5": round(float((r < 5).mean()), 4),
                "recall@20": round(float((r < 20).mean()), 4),
                "mrr": round(float(np.where(r < 20, 1 / (r + 1), 0).mean()), 4)}

    def objective(m: dict) -> float:
        return m["recall@1"] + m["mrr"] + m["recall@5"] / 2

    w = np.array([float(Q.ranking().get(n, 0.0)) for n in names])
    best = objective(score(w))
    print("start", json.dumps(dict(zip(names, w.tolist()))), json.dumps(score(w)))
    for _ in range(3):
        moved = False
        for j in range(1, len(names)):  # doc stays 1
            for v in (0, .1, .25, .5, .75, 1, 1.5, 2, 3):
                w2 = w.copy()
                w2[j] = v
                o = objective(score(w2))
                if o > best + 1e-9:
                    best, w, moved = o, w2, True
        if not moved:
            break
    out = {"weights": dict(zip(names, w.tolist())), **score(w)}
    print("best", json.dumps(out))
    return out


def speed() -> list:
    """CPU time of rank() over the ARCD train questions at rerank depths 100 and 30 (same process)."""
    import sqlite3

    from marsad.doc import Document
    from marsad.search import evaluate as E
    from marsad.search import query as Q
    from marsad.search.index import apply_schema, index_document

    pool, _ = E.arcd_files()
    paras, qs = E.build_task(pool, [pool[0]])
    conn = sqlite3.connect(":memory:")
    apply_schema(conn)
    for i, p in enumerate(paras):
        index_document(conn, Document.from_text(p, id=f"p{i}", lang="ar"))
    r2i = {r: int(d[1:]) for r, d in conn.execute("SELECT rowid, doc_id FROM search_docs")}
    out = []
    for depth in (100, 30):
        t = time.process_time()
        ranked = [[r2i[r] for r, _ in Q.rank(conn, q, weights={"depth": depth})[:20]] for q, _ in qs]
        cpu = time.process_time() - t
        m = E.metrics(ranked, [g for _, g in qs])
        out.append({"depth": depth, "cpu_s": round(cpu, 2), "queries_per_cpu_s": round(len(qs) / cpu, 1), **m})
        print(json.dumps(out[-1]))
    return out


def latency(db: str, n: int, seed: int) -> dict:
    from marsad.search.index import install
    from marsad.search.stamp import sync
    from marsad.search.query import search
    from marsad.store import open_store

    if not Path(db).exists():
        from marsad.ingest.runner import ingest
        ant = shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz")
        if ant is None:
            raise SystemExit("ANT corpus not found under the shared folder")
        with open_store(db) as store:
            install(store)
            t0 = time.perf_counter()
            report = ingest([str(ant)], store, progress=False)
            print(f"ingested with search indexing: {report.summary()} in {time.perf_counter() - t0:.0f} s",
                  file=sys.stderr)
    with open_store(db) as store:
        t0 = time.perf_counter()
        k = sync(store)
        if k:
            print(f"indexed {k} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        ndocs = store.count()
        titles = [r[0] for r in store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL "
                                                   "ORDER BY id")]
        rnd = random.Random(seed)
        queries = list(TOPICAL)
        for t in rnd.sample(titles, min(n, len(titles))):
            words = t.split()
            queries.append(" ".join(words[:rnd.randint(2, 4)]))
        for q in queries[:20]:
            search(store.conn, q)  # warm up
        times, cpu = [], []
        for q in queries:
            t0, c0 = time.perf_counter(), time.process_time()
            search(store.conn, q, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    res = {"documents": ndocs, "queries": len(times), "p50_ms": round(statistics.median(times), 1),
           "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
           "cpu_p50_ms": round(statistics.median(cpu), 1), "cpu_p95_ms": round(cpu[int(0.95 * (len(cpu) - 1))], 1)}
    print(json.dumps(res, indent=1))
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["arcd", "latency", "tune", "speed"])
    ap.add_argument("--db", default="/tmp/marsad_search_bench.db")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    if a.what == "arcd":
        arcd()
    elif a.what == "tune":
        tune()
    elif a.what == "speed":
        speed()
    else:
        latency(a.db, a.queries, a.seed)


if __name__ == "__main__":
    main()
