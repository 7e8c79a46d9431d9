"""Knowledge-base commands: entities, entity."""
from __future__ import annotations

import json
from typing import Optional

import typer

from marsad.cli.docs import DB_HELP
from marsad.config import default_db


def entities_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    etype: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC, FAC, EVENT or MISC."),
    q: Optional[str] = typer.Option(None, "--q", help="Part of the name."),
    limit: int = typer.Option(30, "--limit", min=1, help="How many to list."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List entities, the most documented first."""
    from marsad.store import open_store

    with open_store(db or default_db()) as store:
        total, items = store.list_entities(limit=limit, etype=etype.upper() if etype else None, q=q)
    if as_json:
        typer.echo(json.dumps({"total": total, "items": items}, ensure_ascii=False, indent=1))
        return
    for e in items:
        typer.echo(f"{e['id']}  {e['type']:<7} {e['canonical']}  ({e['documents']} docs, {e['mentions']} mentions)")
    typer.echo(f"{len(items)} of {total} entities", err=True)


def entity_cmd(
    entity_id: str = typer.Argument(..., help="Entity id (from `marsad entities`) or exact canonical name."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """One entity: its aliases, every mention with its document, co-occurring entities."""
    from marsad.store import open_store

    with open_store(db or default_db()) as store:
        e = store.entity(entity_id)
    if as_json:
        typer.echo(json.dumps(e, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{e['canonical']}  [{e['type']}]  {e['id']}")
    typer.echo("aliases: " + "، ".join(f"{a} ({n})" for a, n in e["aliases"].items()))
    typer.echo(f"mentions in {e['documents']} documents:")
    for m in e["mentions"]:
        typer.echo(f"  {m['published'] or '----------'}  {m['doc_id']} [{m['start']}:{m['end']}] {m['text']}"
                   f"  — {m['title'] or ''}")
    if e["co_occurring"]:
        typer.echo("co-occurring: " + "، ".join(f"{c['canonical']} ({c['documents']})" for c in e["co_occurring"]))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("entities")(entities_cmd)
    app.command("entity")(entity_cmd)
