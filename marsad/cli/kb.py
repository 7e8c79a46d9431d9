"""Knowledge-base commands: entities, entity, events, timeline, quotes, roles, topics, correct, resolve."""
from __future__ import annotations

import json
from typing import Optional

import typer

from marsad.cli.docs import DB_HELP
from marsad.config import default_db
from marsad.errors import UsageError

JSON_HELP = "Print JSON."


def _open(db: Optional[str]):
    from marsad.store import open_store

    return open_store(db or default_db())


def _dump(obj) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=1))


def _date(value: Optional[str], flag: str) -> Optional[str]:
    import re

    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise UsageError(f"{flag} {value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def entities_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    etype: Optional[str] = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC, FAC, EVENT or MISC."),
    q: Optional[str] = typer.Option(None, "--q", help="Part of a name or alias (hamza, yeh and spelling variants ignored)."),
    limit: int = typer.Option(30, "--limit", min=1, help="How many to list."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List entities resolved across documents, the most documented first."""
    with _open(db) as store:
        total, items = store.list_entities(limit=limit, etype=etype.upper() if etype else None, q=q)
    if as_json:
        return _dump({"total": total, "items": items})
    for e in items:
        typer.echo(f"{e['id']}  {e['type']:<7} {e['canonical']}  ({e['documents']} docs, {e['mentions']} mentions)")
    typer.echo(f"{len(items)} of {total} entities", err=True)


def entity_cmd(
    entity_id: str = typer.Argument(..., help="Entity id (from `marsad entities`) or a name or alias."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    why: bool = typer.Option(False, "--why", help="Show why each mention was joined to this entity."),
    mentions: int = typer.Option(50, "--mentions", min=0, help="List at most this many mentions (the newest)."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """One entity: aliases, roles over time, events, quotes, co-occurring entities, mentions."""
    with _open(db) as store:
        e = store.entity(entity_id, mention_limit=mentions)
    if as_json:
        return _dump(e)
    extra = f"  ISO {e['iso']}" if e.get("iso") else ""
    typer.echo(f"{e['canonical']}  [{e['type']}]  {e['id']}{extra}")
    typer.echo("aliases: " + "، ".join(f"{a} ({n})" for a, n in e["aliases"].items()))
    if e["roles"]:
        typer.echo("roles:")
        for r in e["roles"]:
            aff = f" — {r['affiliation']}" if r["affiliation"] else ""
            typer.echo(f"  {r['date'] or '----------'}  {r['title']}{aff}  ({r['doc_id']} [{r['start']}:{r['end']}])")
    if e["events"]:
        typer.echo("events:")
        for ev in e["events"]:
            typer.echo("  " + _event_line(ev))
    if e["quotes"]:
        typer.echo("quotes:")
        for q in e["quotes"]:
            typer.echo(f"  {q['date'] or '----------'}  «{_short(q['text'], 120)}»  ({q['doc_id']} [{q['start']}:{q['end']}])")
    shown = f" (the newest {len(e['mentions'])})" if len(e["mentions"]) < e["mentions_total"] else ""
    typer.echo(f"{e['mentions_total']} mentions in {e['documents']} documents{shown}:")
    for m in e["mentions"]:
        reason = f"   ← {m['why']}" if why and m["why"] else ""
        typer.echo(f"  {m['published'] or '----------'}  {m['doc_id']} [{m['start']}:{m['end']}] {m['text']}{reason}")
    if e["co_occurring"]:
        typer.echo("co-occurring: " + "، ".join(f"{c['canonical']} ({c['documents']})" for c in e["co_occurring"]))
    if e["corrections"]:
        typer.echo("corrections: " + "; ".join(f"#{c['id']} {c['kind']} {c['payload']}" for c in e["corrections"]))


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _event_line(ev: dict) -> str:
    args = "; ".join(f"{a['role']}={a['text']}" for a in ev["args"] if a["role"] != "subject")
    where = f" @ {ev['place']}" if ev.get("place") else ""
    mark = " (corrected)" if ev.get("corrected") else ""
    return (f"{(ev['date'] or '----------'):<10}  {ev['type']:<10} {ev['id']}{where}{mark}  {_short(args, 140)}"
            f"  [{ev['doc_id']} {ev['evidence'][0]}:{ev['evidence'][1]}]")


def events_cmd(
    etype: Optional[str] = typer.Option(None, "--type", help="AGREEMENT, MEMBERSHIP, MEETING, CONFERENCE, ADOPTION or LAUNCH."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Earliest date (YYYY[-MM[-DD]])."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Latest date (YYYY[-MM[-DD]])."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only events with this entity (id or name) as an argument."),
    topic: Optional[str] = typer.Option(None, "--topic", help="Only events on this topic id (see `marsad topics`)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(50, "--limit", min=1, help="How many to list."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """List events (who signed, joined, met, adopted, launched what), newest first, with their evidence."""
    with _open(db) as store:
        eid = store.entity(entity)["id"] if entity else None
        total, items = store.events(etype=etype, date_from=_date(date_from, "--from"), date_to=_date(date_to, "--to"),
                                    entity=eid, topic=topic, limit=limit)
    if as_json:
        return _dump({"total": total, "items": items})
    for ev in items:
        typer.echo(_event_line(ev))
        typer.echo(f"            {_short(ev['evidence_text'], 160)}")
    typer.echo(f"{len(items)} of {total} events", err=True)


def timeline_cmd(
    entity: Optional[str] = typer.Option(None, "--entity", help="Only events with this entity (id or name)."),
    etype: Optional[str] = typer.Option(None, "--type", help="Event type."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Earliest date."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Latest date."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Dated events in chronological order (an entity's story when --entity is given)."""
    with _open(db) as store:
        eid = store.entity(entity)["id"] if entity else None
        items = store.timeline(entity=eid, etype=etype, date_from=_date(date_from, "--from"),
                               date_to=_date(date_to, "--to"))
    if as_json:
        return _dump({"total": len(items), "items": items})
    year = None
    for ev in items:
        if (ev["date"] or "")[:4] != year:
            year = (ev["date"] or "")[:4]
            typer.echo(f"── {year} ──")
        typer.echo("  " + _event_line(ev))
    typer.echo(f"{len(items)} dated events", err=True)


def quotes_cmd(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker entity id or name."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(50, "--limit", min=1, help="How many to list."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Direct quotations with their speaker (unattributed ones show «?»)."""
    with _open(db) as store:
        sid = store.entity(speaker)["id"] if speaker else None
        total, items = store.quotes(speaker=sid, limit=limit)
    if as_json:
        return _dump({"total": total, "items": items})
    for q in items:
        typer.echo(f"{q['date'] or '----------'}  {q['speaker'] or '?'}: «{_short(q['text'], 150)}»  "
                   f"[{q['doc_id']} {q['start']}:{q['end']}]")
    typer.echo(f"{len(items)} of {total} quotes", err=True)


def roles_cmd(
    person: Optional[str] = typer.Option(None, "--person", help="Person entity id or name."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(50, "--limit", min=1, help="How many to list."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Who holds which office: person, title, organisation or country, with the evidence."""
    with _open(db) as store:
        pid = store.entity(person)["id"] if person else None
        total, items = store.roles(person=pid, limit=limit)
    if as_json:
        return _dump({"total": total, "items": items})
    for r in items:
        aff = f" — {r['affiliation']}" if r["affiliation"] else ""
        typer.echo(f"{r['date'] or '----------'}  {r['person']}: {r['title']}{aff}  [{r['doc_id']} {r['start']}:{r['end']}]")
    typer.echo(f"{len(items)} of {total} roles", err=True)


def topics_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """The AI-policy topics with how many documents and events carry each."""
    with _open(db) as store:
        items = store.topics()
    if as_json:
        return _dump(items)
    for t in items:
        typer.echo(f"{t['topic']:<28} {t['documents']:>6} docs {t['events']:>6} events  {t['label_ar']} / {t['label_en']}")


def correct_cmd(
    kind: str = typer.Argument(..., help="retype | rename | merge | split | delete_event | edit_event."),
    target: str = typer.Argument(..., help="Entity id; event id; or DOC_ID:START:END of a mention for split."),
    value: Optional[str] = typer.Argument(None, help="retype: the type; rename: the name; merge: the entity id to merge into; "
                                               "edit_event: JSON of fields (type, date, place, confidence)."),
    author: Optional[str] = typer.Option(None, "--author", help="Who made the correction."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Correct the knowledge base. Corrections are stored apart and survive re-ingestion."""
    payload: dict = {}
    needs = {"retype": "type", "rename": "canonical", "merge": "into"}
    if kind in needs:
        if not value:
            raise UsageError(f"{kind} needs a value ({needs[kind]})")
        payload[needs[kind]] = value.upper() if kind == "retype" else value
    elif kind == "edit_event":
        try:
            payload = json.loads(value or "")
        except json.JSONDecodeError:
            raise UsageError('edit_event needs a JSON object of fields, e.g. \'{"date": "2025-02-11"}\'') from None
        if not isinstance(payload, dict):
            raise UsageError("edit_event needs a JSON object of fields")
    elif kind == "split" and value:
        payload["canonical"] = value
    with _open(db) as store:
        c = store.add_correction(kind, target, payload, author=author)
    if as_json:
        return _dump(c)
    typer.echo(f"correction #{c['id']}: {c['kind']} {c['target']} {json.dumps(c['payload'], ensure_ascii=False)}")


def resolve_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar."),
) -> None:
    """Re-resolve entities and rebuild the knowledge-base tables of every stored document from its
    annotations (no re-annotation), so links that depend on documents ingested later are made."""
    import sys

    from marsad.store.kb_write import refresh_canonicals, resolve_again

    with _open(db) as store:
        ids = list(store.iter_ids())
        from tqdm import tqdm

        with tqdm(total=len(ids), unit="doc", desc="resolve", file=sys.stderr,
                  disable=not (sys.stderr.isatty() if progress is None else progress)) as bar:
            n = resolve_again(store, ids, on_batch=bar.update)
        with store.transaction() as c:
            renamed = refresh_canonicals(c)
        st = store.stats()
    typer.echo(f"resolved {n} documents ({renamed} entities renamed to their most used name): "
               + ", ".join(f"{k} {v}" for k, v in st["entities"].items()))


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    for name, fn in (("entities", entities_cmd), ("entity", entity_cmd), ("events", events_cmd),
                     ("timeline", timeline_cmd), ("quotes", quotes_cmd), ("roles", roles_cmd),
                     ("topics", topics_cmd), ("correct", correct_cmd), ("resolve", resolve_cmd)):
        app.command(name)(fn)
