"""Document commands: ingest, extract, show, stats."""
from __future__ import annotations

import json
import sys
from typing import List, Optional

import typer

from marsad.config import default_db
from marsad.errors import UsageError

DB_HELP = "SQLite database file (default: $MARSAD_DB, else marsad.db in the current folder)."
PUBLISHED_HELP = "Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it."


def _check_date(value: Optional[str]) -> Optional[str]:
    from marsad.ingest import iso_date

    if value is None:
        return None
    if iso_date(value) is None:
        raise UsageError(f"--published {value!r} is not a date (expected YYYY-MM-DD)")
    return iso_date(value)


def _err(message: str) -> None:
    typer.echo(f"marsad: {message}", err=True)


def ingest_cmd(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs: .txt .html .jsonl .json TREC .xml, and .gz of these."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal)."),
    workers: int = typer.Option(1, "--workers", "-j", min=0, help="Annotate in this many processes (0: one per CPU core); one process writes the database."),
) -> None:
    """Read articles, annotate them and store them (idempotent; re-running resumes).

    Inputs that cannot be read are reported one line each and skipped; the exit status is 1 if
    anything was skipped.
    """
    from marsad.ingest.runner import ingest
    from marsad.store import open_store

    import os

    published = _check_date(published)
    db = db or default_db()
    with open_store(db) as store:
        report = ingest(paths, store, published=published, progress=progress, workers=workers or os.cpu_count() or 1,
                        on_error=lambda e: _err(f"skipped {e.source}: {e.reason}"))
        total = store.count()
    typer.echo(f"ingested into {db}: {report.summary()}; {total} documents in store", err=True)
    if report.skipped:
        raise typer.Exit(1)


def extract_cmd(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs to read."),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
) -> None:
    """Annotate inputs without a database: one JSON object per document on stdout (JSON Lines).

    The objects follow marsad/schema/extract.schema.json; every offset indexes into "text".
    """
    from marsad.errors import InputError
    from marsad.ingest.runner import iter_documents

    published = _check_date(published)
    skipped = 0
    for item in iter_documents(paths, published=published):
        if isinstance(item, InputError):
            skipped += 1
            _err(f"skipped {item.source}: {item.reason}")
            continue
        sys.stdout.write(json.dumps(item.to_contract(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if skipped:
        raise typer.Exit(1)


LAYER_ORDER = ["entities", "dates", "figures", "roles", "quotes", "events", "topics", "warnings"]


def show_cmd(
    doc_id: str = typer.Argument(..., help="Document id (a unique prefix is enough)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the extraction JSON instead of text."),
) -> None:
    """Print a stored document's text with its annotations, layer by layer."""
    from marsad.store import open_store

    with open_store(db or default_db()) as store:
        doc = store.get(store.resolve_id(doc_id))
    if as_json:
        typer.echo(json.dumps(doc.to_contract(), ensure_ascii=False, indent=1))
        return
    typer.echo(f"id: {doc.id}\nsource: {doc.source}\ntitle: {doc.title or ''}\npublished: {doc.published or ''}"
               f"\nlang: {doc.lang}\n")
    typer.echo(doc.text)
    for layer in LAYER_ORDER + sorted(set(doc.layers) - set(LAYER_ORDER) - {"tokens", "sentences"}):
        spans = doc.spans(layer)
        if not spans:
            continue
        typer.echo(f"\n== {layer} ({len(spans)})")
        for s in spans:
            attrs = " ".join(f"{k}={v}" for k, v in s.attrs.items() if v not in (None, [], {}))
            typer.echo(f"  [{s.start}:{s.end}] {s.label:<10} {doc.text[s.start:s.end]!r} {attrs}")
    typer.echo(f"\n({len(doc.spans('sentences'))} sentences, {len(doc.spans('tokens'))} tokens)")


def stats_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Summarise what the store holds: documents, languages, annotations, top entities."""
    from marsad.store import open_store

    db = db or default_db()
    with open_store(db) as store:
        st = store.stats()
    if as_json:
        typer.echo(json.dumps(st, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{db}: {st['documents']} documents "
               f"({', '.join(f'{k} {v}' for k, v in st['languages'].items()) or 'none'})")
    if st["published"][0]:
        typer.echo(f"published between {st['published'][0]} and {st['published'][1]}")
    for name, n in sorted(st["layers"].items()):
        typer.echo(f"  {name:<12} {n}")
    if st["entities"]:
        typer.echo("entities by type: " + ", ".join(f"{k} {v}" for k, v in st["entities"].items()))
    if st["top_entities"]:
        typer.echo("top entities (documents, mentions):")
        for e in st["top_entities"]:
            typer.echo(f"  {e['canonical']} [{e['type']}]  {e['documents']} docs, {e['mentions']} mentions")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("extract")(extract_cmd)
    app.command("show")(show_cmd)
    app.command("stats")(stats_cmd)
