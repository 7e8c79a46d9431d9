"""Answer exact match and F1 on SQuAD-format files (ARCD), for transparency.

The pool is every distinct paragraph of the files, annotated with the full pipeline and indexed
in a temporary store; each question is asked against the whole pool (not its own paragraph) and
its answer compared with the gold answer texts (best over them): exact match and token F1 on
search-key tokens without proclitics. A null answer scores 0.
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from marsad.errors import InputError
from marsad.qa.evaluate import f1, tokens


def load_squad_answers(path: Path) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """``[(context, [(question, [answer texts]), …]), …]`` of a SQuAD-format file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return [(p["context"], [(q["question"], [a["text"] for a in q.get("answers", [])]) for q in p.get("qas", [])])
                for art in data["data"] for p in art["paragraphs"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a SQuAD-format file ({type(exc).__name__}: {exc})") from None


def evaluate_squad(files: list[Path], limit: int | None = None) -> dict:
    """Exact match, F1 and answered share of marsad's answers to the files' questions."""
    from marsad.doc import Document, utc_now
    from marsad.ingest.runner import pipeline_version
    from marsad.pipeline import default
    from marsad.qa.answer import ask
    from marsad.search.index import install
    from marsad.store import open_store

    paras: dict[str, int] = {}
    questions: list[tuple[str, list[str]]] = []
    for f in files:
        for ctx, qs in load_squad_answers(f):
            paras.setdefault(ctx, len(paras))
            questions += qs
    if limit:
        questions = questions[:limit]
    pipe = default()
    version = pipeline_version(pipe)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with open_store(str(Path(tmp) / "squad.db")) as store:
            install(store)
            now = utc_now()
            docs = [pipe(Document.from_text(p, id=f"p{i}", lang="ar", ingested_at=now)) for p, i in paras.items()]
            for i in range(0, len(docs), 200):
                store.save_many(docs[i:i + 200], version)
            index_s = time.perf_counter() - t0
            em = f1s = answered = 0.0
            t0 = time.perf_counter()
            for q, golds in questions:
                ans = ask(store, q)["answer"]
                if ans is None or not golds:
                    continue
                answered += 1
                em += max(float(tokens(ans) == tokens(g)) for g in golds)
                f1s += max(f1(ans, g) for g in golds)
            ask_s = time.perf_counter() - t0
    n = len(questions) or 1
    return {"pool": len(paras), "questions": len(questions), "exact_match": round(em / n, 4),
            "f1": round(f1s / n, 4), "answered": round(answered / n, 4),
            "index_s": round(index_s, 1), "ask_ms_mean": round(1000 * ask_s / n, 1)}
