"""``marsad ask`` and ``marsad eval qa``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from marsad.cli.docs import DB_HELP
from marsad.config import default_db
from marsad.errors import UsageError


def ask_cmd(
    question: str = typer.Argument(..., help="A question in Arabic, e.g. «متى انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي؟»."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Confidence below which marsad answers that it does not know (default: the calibrated one)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: answer, answer_type, confidence, citations, candidates."),
) -> None:
    """Answer a question from the stored articles, citing the exact characters that support it.

    Who (من), when (متى), where (أين), how many (كم), which (ما/أي, lists such as «ما هي الدول التي…»),
    title (ما منصب), what someone said (ماذا قال) and yes/no (هل). When nothing stored supports an
    answer well enough, the answer is null: marsad says it does not know rather than guess."""
    from marsad.qa.answer import ask, unknown_message
    from marsad.search.stamp import sync
    from marsad.store import open_store

    db = db or default_db()
    if not Path(db).is_file():
        raise UsageError(f"no database at {db} (run marsad ingest first, or give --db)")
    if not question.strip():
        raise UsageError("the question is empty")
    with open_store(db) as store:
        sync(store)
        res = ask(store, question, threshold=threshold)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    if res["answer"] is None:
        typer.echo(unknown_message() + f" (الثقة {res['confidence']:.2f})")
        if res["candidates"]:
            c = res["candidates"][0]
            typer.echo(f"  أقرب مرشح: {c['text']} [{c['doc_id']}:{c['start']}-{c['end']}]")
        return
    typer.echo(f"الجواب: {res['answer']}  (النوع {res['answer_type']}، الثقة {res['confidence']:.2f})")
    for c in res["citations"]:
        typer.echo(f"  المصدر: [{c['doc_id']}:{c['start']}-{c['end']}] «{c['text']}»")


def eval_qa_cmd(
    qa: Optional[List[Path]] = typer.Option(None, "--qa", help="SQuAD-format file(s) (e.g. ARCD): pool = all their paragraphs, exact match and F1 of the answers."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Our gold set (JSONL of ids and offsets; default tests/fixtures/qa_gold.jsonl), used when --qa is not given."),
    split: Optional[List[str]] = typer.Option(None, "--split", help="Only these splits of the gold set (dev, test, test2; test2, the second held-out set, is read only when named)."),
    db: Optional[str] = typer.Option(None, "--db", help="Database holding the gold set's pool (default: built and cached in the temp folder)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="SQuAD: only the first N questions."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    per_question: bool = typer.Option(False, "--rows", help="Gold set: also each question's answer and scores (and per type)."),
) -> None:
    """QA evaluation: our gold set (exact/partial accuracy, citation correctness, wrong answers on
    unanswerable questions, per split), or answer exact match and F1 on SQuAD-format files."""
    if qa:
        from marsad.qa.squad import evaluate_squad

        for f in qa:
            if not f.is_file():
                raise UsageError(f"--qa file not found: {f}")
        res = evaluate_squad(list(qa), limit=limit)
        if as_json:
            typer.echo(json.dumps(res, indent=1))
            return
        typer.echo(f"pool {res['pool']} paragraphs, {res['questions']} questions: exact match {res['exact_match']:.3f}  "
                   f"F1 {res['f1']:.3f}  answered {res['answered']:.3f}")
        return
    from marsad.qa.evaluate import evaluate_gold

    res = evaluate_gold(gold, db=db, splits=split or None, details=per_question)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    rows = [("all", res)] + list(res["splits"].items())
    typer.echo(f"{res['questions']} questions ({res['answerable']} answerable, {res['unanswerable']} not)")
    for name, r in rows:
        typer.echo(f"  {name:<5} correct+cited {r['correct_with_citation']:.3f}  exact {r['exact']:.3f}  "
                   f"partial {r['partial']:.3f}  citations {r['citation_correct']:.3f}  "
                   f"wrong on unanswerable {r['wrong_on_unanswerable']:.3f}  (n={r['questions']})")
    if per_question:
        for t, v in res["by_type"].items():
            typer.echo(f"  type {t:<9} correct+cited {v['correct_with_citation']:.3f}  (n={v['n']})")
        for r in res["rows"]:
            verdict = ("right" if r["correct"] and r["cited"] else "uncited" if r["correct"] else
                       "partial" if r["partial"] else "refused" if r["answer"] is None else "wrong")
            if not r["answerable"]:
                verdict = "answered" if r["answer"] is not None else "refused"
            typer.echo(f"  {r['id']} {r['split']:<5} {r['type']:<8} {'A' if r['answerable'] else 'U'} {verdict:<8} {r['answer']}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ask")(ask_cmd)
    eval_app.command("qa")(eval_qa_cmd)
