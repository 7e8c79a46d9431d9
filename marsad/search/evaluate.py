"""Retrieval evaluation on SQuAD-format files (ARCD): Recall@1/5/20 and MRR.

The pool is every distinct paragraph of the pool files; each question's own paragraph is the
one relevant document. marsad's search runs in memory over the same FTS5 index as the store.
Baselines (bm25s, whitespace tokens; bm25s with PyStemmer's Arabic stemmer) run on the same
pool and questions when ``bm25s`` is installed.
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Callable

from marsad.config import shared_path
from marsad.doc import Document
from marsad.errors import InputError, UsageError
from marsad.search.index import apply_schema, index_document
from marsad.search.query import rank

KS = (1, 5, 20)


def arcd_files() -> tuple[list[Path], list[Path]]:
    """(pool files, question files) of the default protocol: ARCD train+test pool, test questions."""
    base = shared_path("data", "qa", "arcd")
    if base is None:
        raise UsageError("ARCD not found under the shared folder (set MARSAD_SHARED)")
    return [base / "arcd-train.json", base / "arcd-test.json"], [base / "arcd-test.json"]


def load_squad(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """``[(context, [(question_id, question), …]), …]`` of a SQuAD-format file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [(p["context"], [(q["id"], q["question"]) for q in p.get("qas", [])])
                for art in data["data"] for p in art["paragraphs"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a SQuAD-format file ({type(exc).__name__}: {exc})") from None


def build_task(pool_files: list[Path], question_files: list[Path]) -> tuple[list[str], list[tuple[str, int]]]:
    """(distinct paragraphs, [(question, index of its paragraph)])."""
    paras: dict[str, int] = {}
    for f in pool_files:
        for ctx, _ in load_squad(f):
            paras.setdefault(ctx, len(paras))
    questions = []
    for f in question_files:
        for ctx, qs in load_squad(f):
            idx = paras.setdefault(ctx, len(paras))
            questions += [(q, idx) for _, q in qs]
    return list(paras), questions


def metrics(ranked: list[list[int]], gold: list[int]) -> dict:
    """Recall@k and MRR (reciprocal rank within the top 20; 0 beyond)."""
    n = len(gold) or 1
    out = {f"recall@{k}": round(sum(g in r[:k] for r, g in zip(ranked, gold)) / n, 4) for k in KS}
    rr = [1 / (r[:20].index(g) + 1) if g in r[:20] else 0.0 for r, g in zip(ranked, gold)]
    out["mrr"] = round(sum(rr) / n, 4)
    out["questions"] = len(gold)
    return out


def marsad_ranker(paragraphs: list[str]) -> Callable[[str], list[int]]:
    """Index the paragraphs in an in-memory database; return query → paragraph indexes."""
    conn = sqlite3.connect(":memory:")
    apply_schema(conn)
    for i, p in enumerate(paragraphs):
        index_document(conn, Document.from_text(p, id=f"p{i}", lang="ar"))
    rowid_to_idx = {r: int(d[1:]) for r, d in conn.execute("SELECT rowid, doc_id FROM search_docs")}
    return lambda q: [rowid_to_idx[r] for r, _ in rank(conn, q)[:20]]


def bm25s_ranker(paragraphs: list[str], stem: bool) -> Callable[[str], list[int]]:
    """Baseline: bm25s (Lucene BM25), whitespace tokens or PyStemmer Arabic after normalisation."""
    import bm25s
    import Stemmer

    from marsad.text.keys import search_key

    stemmer = Stemmer.Stemmer("arabic") if stem else None

    def tok(s: str) -> list[str]:
        if not stem:
            return s.split()
        return stemmer.stemWords(re.findall(r"[^\W_]+", search_key(s)))

    retriever = bm25s.BM25(method="lucene")
    retriever.index([tok(p) for p in paragraphs], show_progress=False)
    k = min(20, len(paragraphs))

    def run(q: str) -> list[int]:
        toks = [t for t in tok(q) if t in retriever.vocab_dict] or ["\x00"]
        if toks == ["\x00"]:
            return []
        docs, _ = retriever.retrieve([toks], k=k, show_progress=False, n_threads=1)
        return [int(d) for d in docs[0]]
    return run


def run_eval(ranker: Callable[[str], list[int]], questions: list[tuple[str, int]]) -> dict:
    """Metrics of one ranker, with its speed: queries per second of wall time and of this
    process's CPU time (the second is steadier on a shared machine)."""
    t0, c0 = time.perf_counter(), time.process_time()
    ranked = [ranker(q) for q, _ in questions]
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = metrics(ranked, [g for _, g in questions])
    out["queries_per_s"] = round(len(questions) / secs, 1) if secs else None
    out["queries_per_cpu_s"] = round(len(questions) / cpu, 1) if cpu else None
    return out


def evaluate(pool_files: list[Path] | None = None, question_files: list[Path] | None = None,
             baselines: bool = False) -> dict:
    """marsad's retrieval metrics (and the bm25s baselines if asked) on one pool/question set."""
    if pool_files is None:
        pool_files, question_files = arcd_files()
    question_files = question_files or pool_files
    paragraphs, questions = build_task(pool_files, question_files)
    t0 = time.perf_counter()
    ranker = marsad_ranker(paragraphs)
    out = {"pool": len(paragraphs), "index_s": round(time.perf_counter() - t0, 2)}
    out.update(run_eval(ranker, questions))
    if baselines:
        out["baselines"] = {"bm25s_whitespace": run_eval(bm25s_ranker(paragraphs, False), questions),
                            "bm25s_pystemmer_arabic": run_eval(bm25s_ranker(paragraphs, True), questions)}
    return out
