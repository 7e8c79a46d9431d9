"""API latency under concurrent load: search, document and entity pages.

    python bench/api_bench.py --db /tmp/ant.db [--users 20] [--rounds 15] [--workers 1] [--port 8799]

Starts ``marsad serve`` on the store (one uvicorn process, as an operator would run it), then
``--users`` client threads (httpx, one connection each) each run ``--rounds`` rounds of the three
page loads an analyst makes — a search (``/api/search``), a document (``/api/documents/{id}``,
the whole extraction contract) and an entity (``/api/entities/{id}``: aliases, mentions, roles,
events, quotes, co-occurrences) — in random order, without think time. Queries are the first
2–4 title words of sampled stored articles plus topical queries; documents are sampled at
random; entities are drawn from the 300 most documented (the pages people open most, and the
heaviest). After a warm-up pass, prints p50/p95/max per endpoint as a markdown table.
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOPICAL = ["اتفاقيات الذكاء الاصطناعي", "الانتقال الرقمي", "حماية المعطيات الشخصية", "الأمن السيبراني",
           "الجيل الخامس للاتصالات", "الاتحاد الأوروبي", "كأس العالم", "ارتفاع الأسعار", "الأمم المتحدة",
           "من وقع الاتفاقية؟"]


def workload(db: str, n: int, seed: int = 7) -> dict[str, list[str]]:
    """Paths to request: search queries, document ids, entity ids (sampled from the store)."""
    rnd = random.Random(seed)
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = [r[0] for r in c.execute("SELECT id FROM documents")]
    docs = rnd.sample(ids, min(n, len(ids)))
    titles = [r[0] for r in c.execute("SELECT title FROM documents WHERE title IS NOT NULL AND id IN (%s)"
                                      % ",".join("?" * len(docs)), docs)]
    queries = TOPICAL + [" ".join(t.split()[:rnd.randint(2, 4)]) for t in titles if t.split()]
    ents = [r[0] for r in c.execute("SELECT entity_id FROM mentions GROUP BY entity_id "
                                    "ORDER BY count(DISTINCT doc_id) DESC LIMIT 300")]
    c.close()
    return {"search": [f"/api/search?q={quote(q)}&limit=10" for q in queries],
            "document": [f"/api/documents/{d}" for d in docs],
            "entity": [f"/api/entities/{quote(e, safe='')}" for e in ents]}


def serve(db: str, port: int, workers: int = 1, cache: bool = True) -> subprocess.Popen:
    env = dict(os.environ, MARSAD_CACHE="1" if cache else "0")
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli.main", "serve", "--db", db, "--port", str(port),
                             "--workers", str(workers)], env=env,
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/config", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def run(base: str, paths: dict[str, list[str]], users: int, rounds: int, seed: int = 11) -> dict:
    """Latencies (ms) per endpoint and the error count, from ``users`` concurrent clients."""
    lat: dict[str, list[float]] = {k: [] for k in paths}
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(i: int) -> None:
        rnd = random.Random(seed + i)
        with httpx.Client(base_url=base, timeout=60) as cl:
            start.wait()
            for _ in range(rounds):
                kinds = list(paths)
                rnd.shuffle(kinds)
                for k in kinds:
                    p = rnd.choice(paths[k])
                    t0 = time.perf_counter()
                    r = cl.get(p)
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        lat[k].append(ms)
                        if r.status_code != 200:
                            errors.append(f"{r.status_code} {p}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"lat": lat, "errors": errors, "seconds": time.perf_counter() - t0}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def aggregates(db: str) -> None:
    """Cold and cached cost of the home and graph pages' aggregate views (one process)."""
    sys.path.insert(0, str(ROOT))
    from marsad.api.cache import Cache
    from marsad.api.routes_docs import stats_view
    from marsad.api.routes_kb import event_months, graph_view
    from marsad.store import open_store

    s, cache = open_store(db), Cache()
    views = {"statistics": lambda: stats_view(s), "top entities": lambda: s.list_entities(limit=12),
             "month counts": lambda: event_months(s.conn), "graph (80 + 30 co-occurrence)": lambda: graph_view(s, None, 80, 30)}
    print("| view | cold ms (median of 3) | cached ms (median of 20) |\n|---|---|---|")
    for name, fn in views.items():
        cold, hit = [], []
        for _ in range(3):
            t = time.perf_counter(); fn(); cold.append((time.perf_counter() - t) * 1000)  # noqa: E702
        cache.get(s, (name,), fn)
        for _ in range(20):
            t = time.perf_counter(); cache.get(s, (name,), fn); hit.append((time.perf_counter() - t) * 1000)  # noqa: E702
        print(f"| {name} | {statistics.median(cold):.0f} | {statistics.median(hit):.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/ant.db")
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--port", type=int, default=8799)
    ap.add_argument("--workers", type=int, default=1, help="server processes (marsad serve --workers)")
    ap.add_argument("--sample", type=int, default=300, help="documents sampled for ids and queries")
    ap.add_argument("--no-cache", action="store_true", help="serve with MARSAD_CACHE=0 (every request computed)")
    ap.add_argument("--aggregates", action="store_true", help="time the cached aggregate views instead")
    a = ap.parse_args()
    if a.aggregates:
        return aggregates(a.db)
    if not Path(a.db).is_file():
        raise SystemExit(f"no store at {a.db} (ingest ANT first: marsad ingest ../shared/corpus/ant-... --db {a.db})")
    paths = workload(a.db, a.sample)
    proc = serve(a.db, a.port, a.workers, cache=not a.no_cache)
    try:
        base = f"http://127.0.0.1:{a.port}"
        run(base, paths, users=4, rounds=2)  # warm-up
        res = run(base, paths, a.users, a.rounds)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    ndocs = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True).execute("SELECT count(*) FROM documents").fetchone()[0]
    total = sum(len(v) for v in res["lat"].values())
    print(f"{ndocs:,} documents; {a.workers} server process(es), cache {'off' if a.no_cache else 'on'}; {a.users} concurrent users × {a.rounds} rounds × 3 pages = {total} requests "
          f"in {res['seconds']:.1f} s ({total / res['seconds']:.1f} req/s); errors: {len(res['errors'])}")
    print("\n| endpoint | requests | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for k, xs in res["lat"].items():
        print(f"| {k} | {len(xs)} | {statistics.median(xs):.0f} | {pct(xs, 95):.0f} | {max(xs):.0f} |")
    for e in res["errors"][:5]:
        print("error:", e)


if __name__ == "__main__":
    main()
