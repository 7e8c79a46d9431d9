"""API routes for the knowledge base: entities, events, quotes, roles, topics, timeline,
graph and corrections."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import Depends, FastAPI, Path, Query
from pydantic import BaseModel, Field

from marsad.api.app import DATE_RE, ApiError, Context, FastJSON, page
from marsad.store.kb import NOT_RETELLING

ENTITY_TYPES = "^(PERSON|ORG|GPE|LOC|FAC|EVENT|MISC)$"
EVENT_TYPES = "^[A-Z_]{2,30}$"


class CorrectionIn(BaseModel):
    kind: Literal["retype", "rename", "merge", "split", "delete_event", "edit_event"] = Field(
        ..., description="retype/rename/merge: target is an entity id; split: target is "
                         "'doc_id:start:end' of a mention; delete_event/edit_event: an event id.")
    target: str = Field(..., min_length=1, max_length=300)
    payload: dict[str, Any] = Field(default_factory=dict, description=(
        "retype {type}; rename {canonical}; merge {into}; split {canonical?, type?}; "
        "edit_event {type?, date?, place?}; delete_event {}"))
    author: str | None = Field(None, max_length=100)


def kb(s, name: str):
    """The store's knowledge-base method ``name`` (503 when this store has none)."""
    fn = getattr(s, name, None)
    if fn is None:
        raise ApiError(503, "M530", f"the knowledge base is not available in this store ({name})")
    return fn


def entity_id(s, value: str | None) -> str | None:
    """The entity id for an id or a name (404 when nothing matches)."""
    if not value:
        return None
    if s.conn.execute("SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
        return value
    _, found = s.list_entities(q=value, limit=1)
    if not found:
        raise ApiError(404, "M301", f"no entity with id or name {value!r}")
    return found[0]["id"]


def graph_view(s, eid: str | None, limit: int, cooccur: int) -> dict:
    """The event graph around ``eid`` (or all of it), with up to ``cooccur`` co-occurrence edges."""
    from marsad.export.formats import add_cooccurrence

    g = kb(s, "graph")(entity=eid, limit=limit)
    return add_cooccurrence(s, g, entity=eid, limit=cooccur) if cooccur else g


def event_months(conn, etype=None, date_from=None, date_to=None, entity=None, topic=None) -> list[dict]:
    """Counts of dated events per month (YYYY-MM) and type, oldest first."""
    conds, args = ["length(ev.date) >= 7", NOT_RETELLING], []
    for cond, value in (("ev.type = ?", etype), ("substr(ev.date, 1, 10) >= ?", date_from),
                        ("substr(ev.date, 1, 10) <= ?", date_to and date_to + "\uffff"),
                        ("ev.id IN (SELECT event_id FROM event_args WHERE entity_id = ?)", entity),
                        ("ev.id IN (SELECT event_id FROM event_topics WHERE topic = ?)", topic)):
        if value:
            conds.append(cond)
            args.append(value)
    return [{"month": m, "type": t, "events": n} for m, t, n in conn.execute(
        f"SELECT substr(ev.date, 1, 7), ev.type, count(*) FROM events ev WHERE {' AND '.join(conds)} "
        f"GROUP BY 1, 2 ORDER BY 1, 2", args)]


def mount(app: FastAPI, ctx: Context) -> None:
    store, can_read, can_write = ctx.store, ctx.can_read, ctx.can_write
    read = [Depends(can_read)]

    @app.get("/api/entities", dependencies=read, tags=["knowledge base"])
    def entities(s=Depends(store), limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
                 type: str | None = Query(None, pattern=ENTITY_TYPES),
                 q: str | None = Query(None, max_length=200)) -> dict:
        """Entities with their mention and document counts, most documented first."""
        total, items = ctx.cache.get(s, ("entities", limit, offset, type, q),
                                     lambda: s.list_entities(limit=limit, offset=offset, etype=type, q=q))
        return page(total, items, limit, offset)

    @app.get("/api/entities/{entity_id}", dependencies=read, tags=["knowledge base"])
    def entity(entity_id: str = Path(..., max_length=300), s=Depends(store),
               mentions: int = Query(500, ge=0, le=100_000, description="Return at most this many mentions "
                                     "(the newest); mentions_total gives them all.")) -> dict:
        """One entity (id or exact canonical name): aliases, type, mentions, roles, events,
        quotes, co-occurring entities, documents, and why mentions were linked to it."""
        from marsad.api.routes_docs import with_labels

        def compute():
            e = s.entity(entity_id, mention_limit=mentions)
            with_labels(s, e["mentions"])
            return e

        return FastJSON(ctx.cache.get(s, ("entity", entity_id, mentions), compute))

    @app.get("/api/events", dependencies=read, tags=["knowledge base"])
    def events(s=Depends(store), limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
               type: str | None = Query(None, pattern=EVENT_TYPES),
               date_from: str | None = Query(None, alias="from", pattern=DATE_RE),
               date_to: str | None = Query(None, alias="to", pattern=DATE_RE),
               entity: str | None = Query(None, max_length=300), topic: str | None = Query(None, max_length=100),
               doc_id: str | None = Query(None, max_length=64)) -> dict:
        """Typed events (MEMBERSHIP, AGREEMENT, MEETING, CONFERENCE, ADOPTION, LAUNCH) with
        arguments, evidence offsets and topics; filters by type, date range, entity, topic, document."""
        total, items = kb(s, "events")(etype=type, date_from=date_from, date_to=date_to, entity=entity_id(s, entity),
                                       topic=topic, doc_id=doc_id, limit=limit, offset=offset)
        return page(total, items, limit, offset)

    @app.get("/api/quotes", dependencies=read, tags=["knowledge base"])
    def quotes(s=Depends(store), limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
               speaker: str | None = Query(None, max_length=300),
               doc_id: str | None = Query(None, max_length=64)) -> dict:
        """Quotes with their speaker and offsets; filters by speaker (id or name) and document."""
        total, items = kb(s, "quotes")(speaker=entity_id(s, speaker), doc_id=doc_id, limit=limit, offset=offset)
        return page(total, items, limit, offset)

    @app.get("/api/roles", dependencies=read, tags=["knowledge base"])
    def roles(s=Depends(store), limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
              person: str | None = Query(None, max_length=300),
              doc_id: str | None = Query(None, max_length=64)) -> dict:
        """Person ↔ title ↔ affiliation, dated by their document; filters by person and document."""
        total, items = kb(s, "roles")(person=entity_id(s, person), doc_id=doc_id, limit=limit, offset=offset)
        return page(total, items, limit, offset)

    @app.get("/api/topics", dependencies=read, tags=["knowledge base"])
    def topics(s=Depends(store)) -> dict:
        """Topics of the taxonomy with Arabic, French and English labels and their counts."""
        items = ctx.cache.get(s, ("topics",), kb(s, "topics"))
        return page(len(items), items, len(items), 0)

    @app.get("/api/timeline", dependencies=read, tags=["knowledge base"])
    def timeline(s=Depends(store), limit: int = Query(200, ge=1, le=2000), offset: int = Query(0, ge=0),
                 type: str | None = Query(None, pattern=EVENT_TYPES),
                 date_from: str | None = Query(None, alias="from", pattern=DATE_RE),
                 date_to: str | None = Query(None, alias="to", pattern=DATE_RE),
                 entity: str | None = Query(None, max_length=300),
                 topic: str | None = Query(None, max_length=100),
                 order: str = Query("asc", pattern="^(asc|desc)$", description="asc: oldest first; desc: newest first")) -> dict:
        """Dated events in date order (filters: type, date range, entity, topic)."""
        total, items = kb(s, "events")(entity=entity_id(s, entity), etype=type, date_from=date_from or "0000",
                                       date_to=date_to, topic=topic, limit=limit, offset=offset, order=order)
        return page(total, items, limit, offset)

    @app.get("/api/graph", dependencies=read, tags=["knowledge base"])
    def graph(s=Depends(store), entity: str | None = Query(None, max_length=300),
              limit: int = Query(200, ge=1, le=2000),
              cooccur: int = Query(40, ge=0, le=500, description="Also add up to this many co-occurrence "
                                   "edges (entities named in the same documents); 0 for none.")) -> dict:
        """The entity graph: nodes and typed edges (signed_with, met, joined, adopted, launched,
        attended)
        with the events behind them; ``entity`` gives its neighbourhood."""
        eid = entity_id(s, entity)
        return FastJSON(ctx.cache.get(s, ("graph", eid, limit, cooccur), lambda: graph_view(s, eid, limit, cooccur)))

    @app.get("/api/timeline/months", dependencies=read, tags=["knowledge base"])
    def months(s=Depends(store), type: str | None = Query(None, pattern=EVENT_TYPES),
               date_from: str | None = Query(None, alias="from", pattern=DATE_RE),
               date_to: str | None = Query(None, alias="to", pattern=DATE_RE),
               entity: str | None = Query(None, max_length=300),
               topic: str | None = Query(None, max_length=100)) -> dict:
        """Dated events per month and type (``[{month, type, events}]``), same filters as the timeline."""
        eid = entity_id(s, entity)
        items = ctx.cache.get(s, ("months", type, date_from, date_to, eid, topic),
                              lambda: event_months(s.conn, type, date_from, date_to, eid, topic))
        return page(len(items), items, len(items), 0)

    @app.get("/api/corrections", dependencies=read, tags=["corrections"])
    def corrections(s=Depends(store)) -> dict:
        """Every correction, oldest first. Corrections are stored apart and applied at every save."""
        items = kb(s, "corrections")()
        return page(len(items), items, len(items), 0)

    @app.post("/api/corrections", dependencies=[Depends(can_write)], status_code=201, tags=["corrections"])
    def add_correction(body: CorrectionIn, s=Depends(store)) -> dict:
        """Record a correction (needs the token); it applies now and survives re-ingestion."""
        return kb(s, "add_correction")(body.kind, body.target, body.payload, author=body.author)

    @app.delete("/api/corrections/{correction_id}", dependencies=[Depends(can_write)], tags=["corrections"])
    def delete_correction(correction_id: int = Path(..., ge=1), s=Depends(store)) -> dict:
        """Withdraw a correction (needs the token)."""
        ok = kb(s, "delete_correction")(correction_id)
        if not ok:
            raise ApiError(404, "M303", f"no correction with id {correction_id}")
        return {"id": correction_id, "deleted": True}
