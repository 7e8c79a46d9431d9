"""Knowledge-base queries over the SQLite store: entities, roles, quotes, events, topics,
timeline, graph, and the user's corrections. Mixed into :class:`marsad.store.sqlite.SQLiteStore`.

Every list method returns ``(total, page)``; every row is a JSON-ready dict with evidence offsets.
"""
from __future__ import annotations

import json
from functools import lru_cache

from marsad.errors import StoreError, UsageError
from marsad.resolve import names

CO_OCCURRENCE_DOCS = 500     # co-occurrences of an entity are counted over its newest 500 documents
CORRECTION_KINDS = ("retype", "rename", "merge", "split", "delete_event", "edit_event")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC")
EDGE_KINDS = {"AGREEMENT": "signed_with", "MEETING": "met", "MEMBERSHIP": "joined", "ADOPTION": "adopted",
              "LAUNCH": "launched", "CONFERENCE": "attended"}


# a headline's event told again by the body (events_headline.py) counts once, as the body's event
NOT_RETELLING = "json_extract(ev.attrs, '$.same_as') IS NULL"


def _where(filters: list[tuple[str, object]]) -> tuple[str, list]:
    conds, args = [], []
    for cond, value in filters:
        if value is not None and value != "":
            conds.append(cond)
            args += list(value) if isinstance(value, tuple) else [value]
    return (" WHERE " + " AND ".join(conds)) if conds else "", args


@lru_cache(maxsize=1)
def topic_labels() -> dict[str, dict]:
    """Topic id → its labels in Arabic, French and English (from the taxonomy data file)."""
    from marsad.extract.topics import taxonomy

    return {t["id"]: t["labels"] for t in taxonomy()["topics"]}


class KnowledgeQueries:
    """Read and correct the knowledge base (needs ``self.conn`` and ``self.transaction``)."""

    # -- entities --------------------------------------------------------------------
    def list_entities(self, *, limit: int = 20, offset: int = 0, etype: str | None = None,
                      q: str | None = None) -> tuple[int, list[dict]]:
        """(total, page) of entities with mention and document counts, most documented first;
        ``q`` matches any alias (folded: hamza, yeh, teh marbuta and spelling variants ignored)."""
        conds = [("e.type = ?", etype)]
        if q:
            key = names.name_key(q)
            conds.append(("(e.canonical LIKE ? OR e.id = ? OR e.id IN (SELECT entity_id FROM aliases "
                          "WHERE key LIKE ?))", (f"%{q}%", q, f"%{key}%")))
        cond, args = _where(conds)
        total = self.conn.execute(f"SELECT count(*) FROM entities e{cond}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT e.id, e.type, e.canonical, e.attrs, count(m.doc_id), count(DISTINCT m.doc_id) FROM entities e "
            f"LEFT JOIN mentions m ON m.entity_id = e.id{cond} GROUP BY e.id ORDER BY 6 DESC, 5 DESC, e.id "
            f"LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
        return total, [{"id": i, "type": t, "canonical": c, **json.loads(a), "mentions": n, "documents": d}
                       for i, t, c, a, n, d in rows]

    def _entity_row(self, entity_id: str):
        row = self.conn.execute("SELECT id, type, canonical, attrs FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            rows = self.conn.execute(
                "SELECT e.id, e.type, e.canonical, e.attrs FROM entities e WHERE e.canonical = ? OR e.id IN "
                "(SELECT entity_id FROM aliases WHERE key = ?) ORDER BY (SELECT count(*) FROM mentions m "
                "WHERE m.entity_id = e.id) DESC LIMIT 1", (entity_id, names.name_key(entity_id))).fetchall()
            if not rows:
                found = self.list_entities(q=entity_id, limit=1)[1]
                if not found:
                    raise StoreError(f"no entity with id or name {entity_id!r}", code="M301")
                rows = self.conn.execute("SELECT id, type, canonical, attrs FROM entities WHERE id = ?",
                                         (found[0]["id"],)).fetchall()
            row = rows[0]
        return row

    def entity(self, entity_id: str, *, mention_limit: int | None = None) -> dict:
        """One entity: aliases, mentions with their documents and why they were joined, roles over
        time, events, quotes, co-occurring entities, and corrections that touch it. With
        ``mention_limit``, only the newest that many mentions are listed (oldest first);
        ``mentions_total``, ``documents`` and ``why`` always count them all."""
        eid, etype, canonical, attrs = self._entity_row(entity_id)
        c = self.conn
        aliases = dict(c.execute("SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text "
                                 "ORDER BY 2 DESC", (eid,)))
        for (alias,) in c.execute("SELECT alias FROM aliases WHERE entity_id = ? AND source = 'authority'", (eid,)):
            aliases.setdefault(alias, 0)
        order = "DESC" if mention_limit is not None else "ASC"
        limit = f" LIMIT {int(mention_limit)}" if mention_limit is not None else ""
        mentions = [{"doc_id": d, "start": a, "end": b, "text": t, "why": w, "source": src, "title": title,
                     "published": pub}
                    for d, a, b, t, w, src, title, pub in c.execute(
                        "SELECT m.doc_id, m.start, m.end, m.text, m.why, m.source, d.title, d.published "
                        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ? "
                        f"ORDER BY coalesce(d.published, '') {order}, m.doc_id {order}, m.start {order}{limit}",
                        (eid,))]
        if mention_limit is not None:
            mentions.reverse()
        total, ndocs = c.execute("SELECT count(*), count(DISTINCT doc_id) FROM mentions WHERE entity_id = ?",
                                 (eid,)).fetchone()
        why = dict(c.execute("SELECT coalesce(why, 'stored before resolution'), count(*) FROM mentions "
                             "WHERE entity_id = ? GROUP BY 1", (eid,)))
        co = [{"id": i, "type": t, "canonical": cn, "documents": n} for i, t, cn, n in c.execute(
            # distinct (document, entity) pairs first: same result, about twice as fast for entities
            # named in hundreds of documents (the pages analysts open most)
            "SELECT e.id, e.type, e.canonical, x.n FROM (SELECT p.entity_id AS id, count(*) AS n FROM "
            "(SELECT DISTINCT m2.doc_id, m2.entity_id FROM (SELECT DISTINCT m.doc_id FROM mentions m "
            "JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?1 "
            f"ORDER BY coalesce(d.published, '') DESC LIMIT {CO_OCCURRENCE_DOCS}) d1 "
            "JOIN mentions m2 ON m2.doc_id = d1.doc_id WHERE m2.entity_id != ?1) p GROUP BY p.entity_id) x "
            "JOIN entities e ON e.id = x.id ORDER BY x.n DESC, e.canonical LIMIT 15", (eid,))]
        return {"id": eid, "type": etype, "canonical": canonical, **json.loads(attrs), "aliases": aliases,
                "documents": ndocs, "mentions_total": total, "mentions": mentions,
                "why": [{"reason": r, "mentions": n} for r, n in sorted(why.items(), key=lambda x: -x[1])],
                "roles": self.roles(person=eid, limit=200)[1],
                "events": self.events(entity=eid, limit=200)[1],
                "quotes": self.quotes(speaker=eid, limit=200)[1],
                "co_occurring": co, "co_occurring_over": min(ndocs, CO_OCCURRENCE_DOCS),
                "corrections": self.corrections(target=eid)}

    # -- roles and quotes --------------------------------------------------------------
    def roles(self, *, person: str | None = None, doc_id: str | None = None, title_id: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        """(total, page) of roles (person, title, affiliation) with evidence, oldest first."""
        cond, args = _where([("r.person_id = ?", person), ("r.doc_id = ?", doc_id), ("r.title_id = ?", title_id)])
        total = self.conn.execute(f"SELECT count(*) FROM roles r{cond}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT r.id, r.doc_id, r.person_id, r.person, r.title, r.title_id, r.affiliation, r.affiliation_id, "
            f"r.date, r.start, r.end, substr(d.text, r.start + 1, r.end - r.start) FROM roles r "
            f"JOIN documents d ON d.id = r.doc_id{cond} ORDER BY coalesce(r.date, ''), r.doc_id, r.start "
            f"LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
        keys = ("id", "doc_id", "person_id", "person", "title", "title_id", "affiliation", "affiliation_id", "date",
                "start", "end", "text")
        return total, [dict(zip(keys, r)) for r in rows]

    def quotes(self, *, speaker: str | None = None, doc_id: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]:
        """(total, page) of direct quotations with their speaker (None when unattributed)."""
        cond, args = _where([("q.speaker_id = ?", speaker), ("q.doc_id = ?", doc_id)])
        total = self.conn.execute(f"SELECT count(*) FROM quotes q{cond}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT q.id, q.doc_id, q.start, q.end, substr(d.text, q.start + 1, q.end - q.start), q.speaker_id, "
            f"q.speaker, q.speaker_start, q.speaker_end, q.date, q.attrs FROM quotes q "
            f"JOIN documents d ON d.id = q.doc_id{cond} ORDER BY coalesce(q.date, '') DESC, q.doc_id, q.start "
            f"LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
        keys = ("id", "doc_id", "start", "end", "text", "speaker_id", "speaker", "speaker_start", "speaker_end", "date")
        return total, [{**dict(zip(keys, r[:10])), **json.loads(r[10])} for r in rows]

    # -- events ---------------------------------------------------------------------------
    def events(self, *, etype: str | None = None, date_from: str | None = None, date_to: str | None = None,
               entity: str | None = None, topic: str | None = None, doc_id: str | None = None,
               limit: int = 50, offset: int = 0, order: str = "desc") -> tuple[int, list[dict]]:
        """(total, page) of events with arguments, evidence and topics, newest first (``order='asc'``: oldest).

        A headline's event that the body tells again (``same_as``, ``events_headline.py``) is listed
        once, as the body's event (which cites the headline in ``more_evidence``), except in one
        document's own listing (``doc_id``), which shows every event of the document."""
        cond, args = _where([
            ("ev.type = ?", etype and etype.upper()), ("substr(ev.date, 1, 10) >= ?", date_from),
            ("substr(ev.date, 1, 10) <= ?", date_to and date_to + "\uffff"), ("ev.doc_id = ?", doc_id),
            ("ev.id IN (SELECT event_id FROM event_args WHERE entity_id = ?)", entity),
            ("ev.id IN (SELECT event_id FROM event_topics WHERE topic = ?)", topic)])
        if doc_id is None:
            cond += (" AND " if cond else " WHERE ") + NOT_RETELLING
        total = self.conn.execute(f"SELECT count(*) FROM events ev{cond}", args).fetchone()[0]
        direction = "ASC" if order == "asc" else "DESC"
        rows = self.conn.execute(
            f"SELECT ev.id, ev.doc_id, ev.type, ev.date, ev.date_source, ev.place, ev.place_id, ev.confidence, "
            f"ev.trigger_start, ev.trigger_end, ev.start, ev.end, substr(d.text, ev.start + 1, ev.end - ev.start), "
            f"ev.corrected, ev.attrs, d.title FROM events ev JOIN documents d ON d.id = ev.doc_id{cond} "
            f"ORDER BY coalesce(ev.date, '') {direction}, ev.doc_id, ev.start LIMIT ? OFFSET ?",
            args + [limit, offset]).fetchall()
        out = []
        for r in rows:
            ev = {"id": r[0], "doc_id": r[1], "type": r[2], "date": r[3], "date_source": r[4], "place": r[5],
                  "place_id": r[6], "confidence": r[7], "trigger": [r[8], r[9]] if r[8] is not None else None,
                  "evidence": [r[10], r[11]], "evidence_text": r[12], "corrected": bool(r[13]),
                  "doc_title": r[15], "args": [], "topics": []}
            extra = json.loads(r[14])
            for k in ("list_index", "list_count", "intro", "same_as", "more_evidence"):
                if k in extra:
                    ev[k] = extra[k]
            ev["details"] = {k: v for k, v in (extra.get("args") or {}).items() if not isinstance(v, (str, list))
                             or k == "figures"}
            out.append(ev)
        if out:
            index = {e["id"]: e for e in out}
            marks = ",".join("?" * len(index))
            for eid, role, ent, value, a, b in self.conn.execute(
                    f"SELECT event_id, role, entity_id, value, start, end FROM event_args WHERE event_id IN ({marks})",
                    list(index)):
                index[eid]["args"].append({"role": role, "entity_id": ent, "text": value, "start": a, "end": b})
            for eid, topic in self.conn.execute(
                    f"SELECT event_id, topic FROM event_topics WHERE event_id IN ({marks})", list(index)):
                index[eid]["topics"].append(topic)
        return total, out

    def event(self, event_id: str) -> dict:
        """One event by id (StoreError if unknown)."""
        row = self.conn.execute("SELECT doc_id FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise StoreError(f"no event with id {event_id!r}", code="M301")
        return next(e for e in self.events(doc_id=row[0], limit=10_000)[1] if e["id"] == event_id)

    def timeline(self, *, entity: str | None = None, etype: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, topic: str | None = None, limit: int = 500) -> list[dict]:
        """Dated events, oldest first (undated events are left out)."""
        _, items = self.events(entity=entity, etype=etype, date_from=date_from or "0000", date_to=date_to,
                               topic=topic, limit=limit, order="asc")
        return items

    def topics(self) -> list[dict]:
        """Each topic of the taxonomy with its labels and how many documents and events carry it."""
        docs = dict(self.conn.execute("SELECT topic, count(*) FROM doc_topics GROUP BY topic"))
        evs = dict(self.conn.execute("SELECT topic, count(*) FROM event_topics GROUP BY topic"))
        return sorted(({"topic": t, "label_ar": lab.get("ar"), "label_fr": lab.get("fr"), "label_en": lab.get("en"),
                        "documents": docs.get(t, 0), "events": evs.get(t, 0)} for t, lab in topic_labels().items()),
                      key=lambda x: (-x["documents"], x["topic"]))

    def graph(self, *, entity: str | None = None, limit: int = 200) -> dict:
        """Entity graph from events: who signed with whom, met whom, joined or adopted what."""
        cond, args = ("WHERE a1.event_id IN (SELECT event_id FROM event_args WHERE entity_id = ?)", [entity]) \
            if entity else ("", [])
        rows = self.conn.execute(
            f"SELECT ev.type, a1.entity_id, a2.entity_id, a1.role, a2.role, ev.id FROM event_args a1 "
            f"JOIN event_args a2 ON a2.event_id = a1.event_id AND a2.entity_id > a1.entity_id "
            f"JOIN events ev ON ev.id = a1.event_id {cond} "
            f"{'AND' if cond else 'WHERE'} a1.entity_id IS NOT NULL AND {NOT_RETELLING} "
            f"AND a1.role NOT IN ('place', 'subject') "
            f"AND a2.role NOT IN ('place', 'subject')", args).fetchall()
        edges: dict[tuple[str, str, str], dict] = {}
        for etype, a, b, _ra, _rb, evid in rows:
            kind = EDGE_KINDS.get(etype, "related")
            e = edges.setdefault((a, b, kind), {"source": a, "target": b, "kind": kind, "event_ids": [], "weight": 0})
            if evid not in e["event_ids"]:
                e["event_ids"].append(evid)
                e["weight"] += 1
        top = sorted(edges.values(), key=lambda e: -e["weight"])[:limit]
        ids = {e["source"] for e in top} | {e["target"] for e in top}
        nodes = []
        if ids:
            marks = ",".join("?" * len(ids))
            nodes = [{"id": i, "type": t, "label": c} for i, t, c in self.conn.execute(
                f"SELECT id, type, canonical FROM entities WHERE id IN ({marks})", list(ids))]
        return {"nodes": nodes, "edges": top}

    # -- corrections ----------------------------------------------------------------------
    def add_correction(self, kind: str, target: str, payload: dict | None = None, author: str | None = None) -> dict:
        """Record a correction and apply it now; it is re-applied whenever documents are re-ingested."""
        payload = dict(payload or {})
        if kind not in CORRECTION_KINDS:
            raise UsageError(f"unknown correction kind {kind!r} (one of: {', '.join(CORRECTION_KINDS)})")
        c = self.conn
        if kind in ("retype", "rename", "merge"):
            if not c.execute("SELECT 1 FROM entities WHERE id = ?", (target,)).fetchone():
                _missing("entity", target)
        if kind == "retype" and payload.get("type") not in ENTITY_TYPES:
            raise UsageError(f"retype needs a type among {', '.join(ENTITY_TYPES)}")
        if kind == "rename" and not (payload.get("canonical") or "").strip():
            raise UsageError("rename needs a non-empty canonical name")
        if kind == "merge":
            into = payload.get("into")
            if not into or not c.execute("SELECT 1 FROM entities WHERE id = ?", (into,)).fetchone():
                _missing("entity", str(into))
            if into == target:
                raise UsageError("cannot merge an entity into itself")
        if kind == "split":
            try:
                doc_id, start, end = target.rsplit(":", 2)
                start, end = int(start), int(end)
            except ValueError:
                raise UsageError("split target must be DOC_ID:START:END of a mention") from None
            row = c.execute("SELECT entity_id, type, text FROM mentions WHERE doc_id = ? AND start = ? AND end = ?",
                            (doc_id, start, end)).fetchone()
            if row is None:
                _missing("mention", target)
            from marsad.resolve.resolver import derived_id
            payload.setdefault("entity_id", derived_id(row[1], f"split:{target}"))
            payload.update(type=row[1], canonical=payload.get("canonical") or row[2])
        if kind in ("delete_event", "edit_event"):
            if not c.execute("SELECT 1 FROM events WHERE id = ?", (target,)).fetchone():
                _missing("event", target)
        with self.transaction():
            cur = c.execute("INSERT INTO corrections(kind, target, payload, author) VALUES (?,?,?,?)",
                            (kind, target, json.dumps(payload, ensure_ascii=False), author))
            cid = cur.lastrowid
            self._apply_now(kind, target, payload)
        return self.correction(cid)

    def _apply_now(self, kind: str, target: str, p: dict) -> None:
        from marsad.store.kb_write import EDITABLE_EVENT_FIELDS, drop_orphans

        c = self.conn
        if kind == "retype":
            c.execute("UPDATE entities SET type = ? WHERE id = ?", (p["type"], target))
            c.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (p["type"], target))
        elif kind == "rename":
            c.execute("UPDATE entities SET canonical = ? WHERE id = ?", (p["canonical"], target))
            c.execute("INSERT OR IGNORE INTO aliases(entity_id, alias, key, source) VALUES (?,?,?, 'correction')",
                      (target, p["canonical"], names.name_key(p["canonical"])))
        elif kind == "merge":
            into = p["into"]
            c.execute("UPDATE mentions SET why = coalesce(why, '') || '; merged into ' || ? || ' by a user correction' "
                      "WHERE entity_id = ?", (into, target))
            for table, col in (("mentions", "entity_id"), ("event_args", "entity_id"), ("roles", "person_id"),
                               ("roles", "affiliation_id"), ("quotes", "speaker_id")):
                c.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (into, target))
            c.execute("INSERT OR IGNORE INTO aliases(entity_id, alias, key, lang, source) SELECT ?, alias, key, lang, "
                      "source FROM aliases WHERE entity_id = ?", (into, target))
            c.execute("UPDATE OR IGNORE person_surnames SET entity_id = ? WHERE entity_id = ?", (into, target))
        elif kind == "split":
            doc_id, start, end = target.rsplit(":", 2)
            c.execute("INSERT OR IGNORE INTO entities(id, type, canonical) VALUES (?,?,?)",
                      (p["entity_id"], p["type"], p["canonical"]))
            old = c.execute("SELECT entity_id FROM mentions WHERE doc_id = ? AND start = ? AND end = ?",
                            (doc_id, int(start), int(end))).fetchone()[0]
            c.execute("UPDATE mentions SET entity_id = ?, why = 'split by a user correction' WHERE doc_id = ? "
                      "AND start = ? AND end = ?", (p["entity_id"], doc_id, int(start), int(end)))
            drop_orphans(c, [old])
        elif kind == "delete_event":
            c.execute("DELETE FROM events WHERE id = ?", (target,))
        elif kind == "edit_event":
            for f in EDITABLE_EVENT_FIELDS:
                if f in p:
                    c.execute(f"UPDATE events SET {f} = ?, corrected = 1 WHERE id = ?", (p[f], target))

    def correction(self, correction_id: int) -> dict:
        row = self.conn.execute("SELECT id, kind, target, payload, author, created_at FROM corrections WHERE id = ?",
                                (correction_id,)).fetchone()
        if row is None:
            _missing("correction", str(correction_id))
        return {"id": row[0], "kind": row[1], "target": row[2], "payload": json.loads(row[3]), "author": row[4],
                "created_at": row[5]}

    def corrections(self, *, target: str | None = None) -> list[dict]:
        """Every stored correction (or those on one target), oldest first."""
        cond, args = _where([("target = ?", target)])
        return [self.correction(r[0]) for r in self.conn.execute(f"SELECT id FROM corrections{cond} ORDER BY id",
                                                                 args)]

    def delete_correction(self, correction_id: int) -> bool:
        """Forget a correction; it stops applying at the next re-ingestion of the affected documents."""
        with self.transaction() as c:
            return c.execute("DELETE FROM corrections WHERE id = ?", (correction_id,)).rowcount > 0


def _missing(what: str, ident: str):
    raise StoreError(f"no {what} with id {ident!r}", code="M301")
