"""``marsad export``: the knowledge base as JSON Lines, CSV, GraphML or JSON-LD."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from marsad.cli.docs import DB_HELP
from marsad.config import default_db
from marsad.errors import UsageError


def export_cmd(
    fmt: str = typer.Option(..., "--format", "-f", help="jsonl (documents with all annotations), csv "
                            "(entities, events, quotes, roles), graphml (entity graph for Gephi) or "
                            "jsonld (schema.org with provenance)."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Output file; for csv a folder that receives "
                                       "entities.csv, events.csv, quotes.csv and roles.csv. Default: stdout "
                                       "(for csv, one table: --table, default entities)."),
    table: str | None = typer.Option(None, "--table", help="csv only: write just this table "
                                        "(entities, events, quotes, roles)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the knowledge base. Offsets index into each document's cleaned text."""
    from marsad.export import CSV_TABLES, FORMATS, export
    from marsad.store import open_store

    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if table and (fmt != "csv" or table not in CSV_TABLES):
        raise UsageError(f"--table {table!r}: only with --format csv, one of {', '.join(CSV_TABLES)}")
    db = db or default_db()
    if not Path(db).is_file():
        raise UsageError(f"no database at {db} (run marsad ingest first, or give --db)")
    with open_store(db) as store:
        if fmt == "csv" and out is not None and not table:
            out.mkdir(parents=True, exist_ok=True)
            for t in CSV_TABLES:
                _write(export(store, "csv", t), out / f"{t}.csv")
            typer.echo(f"wrote {', '.join(str(out / f'{t}.csv') for t in CSV_TABLES)}", err=True)
            return
        chunks = export(store, fmt, table or ("entities" if fmt == "csv" else None))
        if out is None:
            for c in chunks:
                sys.stdout.write(c)
            sys.stdout.flush()
        else:
            n = _write(chunks, out)
            typer.echo(f"wrote {out} ({n:,} bytes)", err=True)


def _write(chunks, path: Path) -> int:
    n = 0
    if path.parent and not path.parent.exists():
        raise UsageError(f"--out {path}: folder {path.parent} does not exist")
    with open(path, "w", encoding="utf-8", newline="") as f:
        for c in chunks:
            n += len(c.encode("utf-8", "surrogatepass"))
            f.write(c)
    return n


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("export")(export_cmd)
