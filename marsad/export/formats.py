"""The export formats (see :mod:`marsad.export`)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from marsad import __version__

FORMATS = ("jsonl", "csv", "graphml", "jsonld")
CSV_TABLES = ("entities", "events", "quotes", "roles")
PAGE = 500
_SCHEMA_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
                "EVENT": "Event", "MISC": "Thing"}


def media_type(fmt: str) -> str:
    return {"jsonl": "application/x-ndjson", "csv": "text/csv", "graphml": "application/xml",
            "jsonld": "application/ld+json"}[fmt] + "; charset=utf-8"


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _pages(fn, **kw) -> Iterator[dict]:
    """Every item of a paginated store listing ``fn(limit=, offset=, **kw) -> (total, page)``."""
    offset = 0
    while True:
        total, items = fn(limit=PAGE, offset=offset, **kw)
        yield from items
        offset += len(items)
        if not items or offset >= total:
            return


def _kb_list(store, name: str, **kw) -> Iterator[dict]:
    return _pages(getattr(store, name), **kw)


# -- JSON Lines ------------------------------------------------------------------------
def iter_jsonl(store) -> Iterator[str]:
    """One line per document: the extraction contract (text and every annotation) plus meta."""
    for did in store.iter_ids():
        doc = store.get(did)
        out = doc.to_contract()
        out["meta"] = doc.meta
        out["ingested_at"] = doc.ingested_at
        out["sha256"] = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        yield _dumps(out) + "\n"


# -- CSV -------------------------------------------------------------------------------
def _csv_rows(header: list[str], rows) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for i, row in enumerate(rows, 1):
        w.writerow(["" if v is None else v for v in row])
        if i % 200 == 0:
            yield buf.getvalue()
            buf.seek(0), buf.truncate()
    yield buf.getvalue()


def _event_rows(store, roles: list[str]):
    for e in _kb_list(store, "events"):
        by_role: dict[str, list] = {r: [] for r in roles}
        ids: dict[str, list] = {r: [] for r in roles}
        for a in e.get("args", []):
            by_role.setdefault(a["role"], []).append(a.get("text") or "")
            ids.setdefault(a["role"], []).append(a.get("entity_id") or "")
        ev = e.get("evidence") or [None, None]
        yield ([e["id"], e["doc_id"], e["type"], e.get("date"), e.get("place"), e.get("confidence"),
                ev[0], ev[1], int(bool(e.get("corrected"))), " | ".join(e.get("topics") or [])]
               + [" | ".join(by_role.get(r, [])) for r in roles]
               + [" | ".join(ids.get(r, [])) for r in roles])


def iter_csv(store, table: str) -> Iterator[str]:
    """CSV of ``entities``, ``events`` (one row per event, i.e. per argument set, with one
    column per argument role), ``quotes`` or ``roles``."""
    if table == "entities":
        rows = ([e["id"], e["type"], e["canonical"], e["mentions"], e["documents"]]
                for e in _pages(store.list_entities))
        return _csv_rows(["id", "type", "canonical", "mentions", "documents"], rows)
    if table == "events":
        roles = sorted({a["role"] for e in _kb_list(store, "events") for a in e.get("args", [])})
        head = (["id", "doc_id", "type", "date", "place", "confidence", "evidence_start", "evidence_end",
                 "corrected", "topics"] + roles + [f"{r}_ids" for r in roles])
        return _csv_rows(head, _event_rows(store, roles))
    if table == "quotes":
        rows = ([q["id"], q["doc_id"], q["start"], q["end"], q.get("speaker"), q.get("speaker_id"),
                 q.get("date"), q["text"]] for q in _kb_list(store, "quotes"))
        return _csv_rows(["id", "doc_id", "start", "end", "speaker", "speaker_id", "date", "text"], rows)
    if table == "roles":
        rows = ([r["id"], r["doc_id"], r["start"], r["end"], r.get("person"), r.get("person_id"), r.get("title"),
                 r.get("affiliation"), r.get("affiliation_id"), r.get("date")] for r in _kb_list(store, "roles"))
        return _csv_rows(["id", "doc_id", "start", "end", "person", "person_id", "title", "affiliation",
                          "affiliation_id", "date"], rows)
    from marsad.errors import UsageError
    raise UsageError(f"unknown CSV table {table!r} (expected one of {', '.join(CSV_TABLES)})")


# -- GraphML ---------------------------------------------------------------------------
def graph_of(store, limit: int = 100_000) -> dict:
    """The whole entity graph: event relations plus co-occurrence edges."""
    return add_cooccurrence(store, store.graph(entity=None, limit=limit), limit=limit, top=500)


def add_cooccurrence(store, g: dict, *, entity: str | None = None, limit: int = 40, top: int = 60) -> dict:
    """Add ``co_occurs`` edges (entities named in the same documents; weight = shared documents)
    to graph ``g`` in place: the ``limit`` strongest pairs around ``entity``, or, without one,
    among the graph's nodes and the ``top`` most documented entities."""
    c = store.conn
    if entity:
        rows = c.execute(
            "SELECT ?1, m2.entity_id, count(DISTINCT m2.doc_id) AS n FROM (SELECT DISTINCT doc_id FROM mentions "
            "WHERE entity_id = ?1) d1 JOIN mentions m2 ON m2.doc_id = d1.doc_id AND m2.entity_id != ?1 "
            "GROUP BY m2.entity_id ORDER BY n DESC, 2 LIMIT ?2", (entity, limit)).fetchall()
    else:
        universe = {n["id"] for n in g["nodes"]} | {r[0] for r in c.execute(
            "SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY count(DISTINCT doc_id) DESC, 1 LIMIT ?",
            (top,))}
        marks = ",".join("?" * len(universe))
        rows = c.execute(
            f"WITH p AS (SELECT DISTINCT doc_id, entity_id FROM mentions WHERE entity_id IN ({marks})) "
            f"SELECT a.entity_id, b.entity_id, count(*) AS n FROM p a JOIN p b ON b.doc_id = a.doc_id "
            f"AND b.entity_id > a.entity_id GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?",
            [*sorted(universe), limit]).fetchall() if universe else []
    have = {(e["source"], e["target"]) for e in g["edges"]} | {(e["target"], e["source"]) for e in g["edges"]}
    ids = {n["id"] for n in g["nodes"]}
    new = set()
    for a, b, n in rows:
        if (a, b) in have:
            continue
        have.add((a, b)), have.add((b, a))
        g["edges"].append({"source": a, "target": b, "kind": "co_occurs", "event_ids": [], "weight": n})
        new |= {a, b} - ids
    if new:
        marks = ",".join("?" * len(new))
        g["nodes"] += [{"id": i, "type": t, "label": c} for i, t, c in store.conn.execute(
            f"SELECT id, type, canonical FROM entities WHERE id IN ({marks})", list(new))]
    return g


def iter_graphml(store) -> Iterator[str]:
    """GraphML of the entity graph (node type and label; edge kind, weight, event ids)."""
    g = graph_of(store)
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
           '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
           '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
           '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>\n'
           '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n'
           '  <key id="events" for="edge" attr.name="events" attr.type="string"/>\n'
           '  <graph id="marsad" edgedefault="undirected">\n')
    for n in g["nodes"]:
        yield (f'    <node id={quoteattr(str(n["id"]))}><data key="label">{escape(str(n.get("label") or ""))}</data>'
               f'<data key="type">{escape(str(n.get("type") or ""))}</data></node>\n')
    for i, e in enumerate(g["edges"]):
        yield (f'    <edge id="e{i}" source={quoteattr(str(e["source"]))} target={quoteattr(str(e["target"]))}>'
               f'<data key="kind">{escape(str(e.get("kind") or ""))}</data>'
               f'<data key="weight">{float(e.get("weight") or 1)}</data>'
               f'<data key="events">{escape(" ".join(e.get("event_ids") or []))}</data></edge>\n')
    yield "  </graph>\n</graphml>\n"


# -- JSON-LD ---------------------------------------------------------------------------
CONTEXT = {"@vocab": "https://schema.org/", "marsad": "urn:marsad:", "prov": "http://www.w3.org/ns/prov#",
           "oa": "http://www.w3.org/ns/oa#"}


def _selector(doc_id: str, start, end, text: str | None = None) -> dict:
    sel = {"@type": "oa:TextPositionSelector", "oa:start": start, "oa:end": end}
    out = {"@type": "prov:Entity", "prov:wasDerivedFrom": {"@id": f"marsad:doc/{doc_id}"}, "oa:hasSelector": sel}
    if text is not None:
        out["oa:exact"] = text
    return out


def iter_jsonld(store) -> Iterator[str]:
    """One JSON-LD document (schema.org): NewsArticle per document, entities (Person,
    Organization, Place...), events with their participants, each fact with provenance
    (document and character offsets of its evidence, and the software that extracted it)."""
    agent = {"@type": "SoftwareApplication", "name": "marsad", "softwareVersion": __version__}
    yield '{"@context":' + _dumps(CONTEXT) + ',"prov:wasAttributedTo":' + _dumps(agent) + ',"@graph":[\n'
    first = True

    def item(obj) -> str:
        nonlocal first
        s = ("" if first else ",\n") + _dumps(obj)
        first = False
        return s

    for did in store.iter_ids():
        doc = store.get(did)
        yield item({"@id": f"marsad:doc/{did}", "@type": "NewsArticle", "identifier": did,
                    "headline": doc.title, "datePublished": doc.published, "inLanguage": doc.lang,
                    "url": doc.meta.get("url"), "isBasedOn": doc.source,
                    "sha256": hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
                    "mentions": [{"@id": f"marsad:entity/{eid}"} for (eid,) in store.conn.execute(
                        "SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ? ORDER BY 1", (did,))]})
    for e in _pages(store.list_entities):
        prov = [_selector(d, a, b, t) for d, a, b, t in store.conn.execute(
            "SELECT doc_id, start, end, text FROM mentions WHERE entity_id = ? ORDER BY doc_id, start LIMIT 50",
            (e["id"],))]
        yield item({"@id": f"marsad:entity/{e['id']}", "@type": _SCHEMA_TYPE.get(e["type"], "Thing"),
                    "name": e["canonical"], "additionalType": e["type"], "prov:wasDerivedFrom": prov})
    for ev in _kb_list(store, "events"):
        ev_span = ev.get("evidence") or [None, None]
        yield item({"@id": f"marsad:event/{ev['id']}", "@type": "Event", "additionalType": ev["type"],
                    "name": ev["type"], "startDate": ev.get("date"), "location": ev.get("place"),
                    "subjectOf": {"@id": f"marsad:doc/{ev['doc_id']}"},
                    "about": [t for t in ev.get("topics") or []],
                    "actor": [{"@id": f"marsad:entity/{a['entity_id']}", "roleName": a["role"]} if a.get("entity_id")
                              else {"name": a.get("text"), "roleName": a["role"]} for a in ev.get("args", [])],
                    "prov:wasDerivedFrom": _selector(ev["doc_id"], ev_span[0], ev_span[1], ev.get("evidence_text")),
                    "marsad:confidence": ev.get("confidence"), "marsad:corrected": bool(ev.get("corrected"))})
    for q in _kb_list(store, "quotes"):
        yield item({"@id": f"marsad:quote/{q['id']}", "@type": "Quotation", "text": q["text"],
                    "spokenByCharacter": ({"@id": f"marsad:entity/{q['speaker_id']}"} if q.get("speaker_id")
                                          else {"name": q.get("speaker")}),
                    "dateCreated": q.get("date"), "isPartOf": {"@id": f"marsad:doc/{q['doc_id']}"},
                    "prov:wasDerivedFrom": _selector(q["doc_id"], q["start"], q["end"])})
    yield "\n]}\n"
