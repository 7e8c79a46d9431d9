"""``marsad search`` and ``marsad eval search``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from marsad.config import default_db
from marsad.errors import UsageError


def _date(value: Optional[str], name: str) -> Optional[str]:
    import re

    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise UsageError(f"{name} {value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def search_cmd(
    query: str = typer.Argument(..., help="Words to search for (Arabic, French or English)."),
    db: str = typer.Option(None, "--db", help="SQLite database file (default: $MARSAD_DB, else marsad.db)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Published on or after (YYYY[-MM[-DD]])."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Published on or before (YYYY[-MM[-DD]])."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Only documents in this language (ar, fr, en)."),
    source: Optional[str] = typer.Option(None, "--source", help="Only documents whose source contains this."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only documents mentioning this entity (id or canonical name)."),
    event: Optional[str] = typer.Option(None, "--event", help="Only documents with an event of this type."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Only documents with this topic."),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="Number of results."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many results."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Search the stored articles (BM25 over analysed Arabic text; rewrites of one story collapsed)."""
    from marsad.search.stamp import sync
    from marsad.search.query import Filters, search
    from marsad.store import open_store

    db = db or default_db()
    if not Path(db).is_file():
        raise UsageError(f"no database at {db} (run marsad ingest first, or give --db)")
    filters = Filters(_date(date_from, "--from"), _date(date_to, "--to"), lang, source, entity, event, topic)
    with open_store(db) as store:
        sync(store)
        res = search(store.conn, query, filters, limit, offset)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    if not res["hits"]:
        typer.echo(f"no results for {query!r}")
        return
    for i, h in enumerate(res["hits"], offset + 1):
        head = " · ".join(x for x in (h["published"], h["source"], h["lang"]) if x)
        typer.echo(f"{i}. [{h['doc_id']}] {h['title'] or ''}  ({head}; score {h['score']})")
        sn = h.get("snippet")
        if sn:
            text, a, out = sn["text"], sn["start"], []
            pos = a
            for s, e in sn["highlights"]:
                out.append(text[pos - a:s - a]); out.append("«" + text[s - a:e - a] + "»"); pos = e
            out.append(text[pos - a:])
            typer.echo("   " + " ".join("".join(out).split()))
        if h["duplicates"]:
            typer.echo(f"   + {len(h['duplicates'])} near-duplicate(s): {', '.join(h['duplicates'][:5])}")


def eval_search_cmd(
    qa: Optional[List[Path]] = typer.Option(None, "--qa", help="SQuAD-format file(s): pool = all their paragraphs (default: ARCD train+test pool, test questions)."),
    baselines: bool = typer.Option(False, "--baselines", help="Also run the bm25s baselines (needs bm25s)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Retrieval evaluation: Recall@1/5/20 and MRR, each question's own paragraph relevant."""
    from marsad.search.evaluate import evaluate

    for f in qa or []:
        if not f.is_file():
            raise UsageError(f"--qa file not found: {f}")
    res = evaluate(list(qa) if qa else None, None, baselines=baselines)
    if as_json:
        typer.echo(json.dumps(res, indent=1))
        return
    rows = [("marsad", res)] + list((res.get("baselines") or {}).items())
    typer.echo(f"pool {res['pool']} paragraphs, {res['questions']} questions")
    for name, r in rows:
        typer.echo(f"  {name:<24} R@1 {r['recall@1']:.3f}  R@5 {r['recall@5']:.3f}  R@20 {r['recall@20']:.3f}  "
                   f"MRR {r['mrr']:.3f}  {r['queries_per_s']} q/s ({r.get('queries_per_cpu_s')} per CPU s)")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("search")(search_cmd)
    eval_app.command("search")(eval_search_cmd)
