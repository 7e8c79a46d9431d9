"""The embedded store: one SQLite file (WAL, foreign keys, recorded migrations).

Each :meth:`SQLiteStore.save_many` call is one transaction, so an interrupted ingest leaves
whole documents or none; re-running skips documents already stored with the same pipeline
version and re-annotates the others (replacing their layers and mentions).
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from importlib import resources
from typing import Iterator

from marsad.doc import Document, Span
from marsad.errors import StoreError, UsageError
from marsad.offsets import OffsetMap
from marsad.store.base import Store
from marsad.store.kb import KnowledgeQueries
from marsad.store.kb_write import drop_orphans, write_kb


def _migrations() -> list[tuple[str, str]]:
    folder = resources.files("marsad.store") / "migrations"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".sql"))
    return [(f.name[:-4], f.read_text(encoding="utf-8")) for f in files]


class SQLiteStore(KnowledgeQueries, Store):
    """:class:`Store` over an SQLite database file."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        try:
            # one Store per request or command; never shared by two threads at once
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=30000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable marsad database ({exc})") from None

    # -- schema ----------------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending migrations in order, each in a transaction; returns their names."""
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT "
                  "NOT NULL DEFAULT (datetime('now')))")
        done = {r[0] for r in c.execute("SELECT name FROM schema_migrations")}
        applied = []
        for name, sql in _migrations():
            if name in done:
                continue
            with self.transaction():
                for stmt in _statements(sql):
                    c.execute(stmt)
                c.execute("INSERT INTO schema_migrations(name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT (ROLLBACK on any exception)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------
    def save(self, doc: Document, pipeline_version: str) -> None:
        self.save_many([doc], pipeline_version)

    def save_many(self, docs: list[Document], pipeline_version: str) -> None:
        """Insert or replace several documents in one transaction."""
        with self.transaction() as c:
            for doc in docs:
                self._save(c, doc, pipeline_version)

    def _save(self, c: sqlite3.Connection, doc: Document, version: str) -> None:
        c.execute("DELETE FROM layers WHERE doc_id = ?", (doc.id,))
        c.execute(
            "INSERT INTO documents(id, source, title, published, lang, ingested_at, pipeline_version, meta, "
            "raw, text, offsets) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "source=excluded.source, title=excluded.title, published=excluded.published, lang=excluded.lang, "
            "ingested_at=excluded.ingested_at, pipeline_version=excluded.pipeline_version, meta=excluded.meta, "
            "raw=excluded.raw, text=excluded.text, offsets=excluded.offsets",
            (doc.id, doc.source, doc.title, doc.published, doc.lang, doc.ingested_at, version,
             _dumps(doc.meta), None if doc.raw == doc.text else doc.raw, doc.text,
             _dumps(doc.offsets.to_json())))
        c.executemany("INSERT INTO layers(doc_id, name, spans) VALUES (?,?,?)",
                      [(doc.id, name, _dumps([[s.start, s.end, s.label, s.attrs] if s.attrs else
                                              [s.start, s.end, s.label] for s in spans]))
                       for name, spans in doc.layers.items()])
        write_kb(c, doc)
        for hook in self._save_hooks:
            hook(c, doc)

    def delete(self, doc_id: str) -> bool:
        with self.transaction() as c:
            for hook in self._delete_hooks:
                hook(c, doc_id)
            old = [r[0] for r in c.execute("SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ?", (doc_id,))]
            cur = c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            drop_orphans(c, old)
            return cur.rowcount > 0

    # -- reading ---------------------------------------------------------------------
    def version_of(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT pipeline_version FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def versions(self) -> dict[str, str]:
        """Every stored document id with its pipeline version (for fast resume checks)."""
        return dict(self.conn.execute("SELECT id, pipeline_version FROM documents"))

    def get(self, doc_id: str) -> Document:
        row = self.conn.execute(
            "SELECT id, source, title, published, lang, ingested_at, meta, raw, text, offsets "
            "FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r}", code="M301")
        did, source, title, published, lang, ingested_at, meta, raw, text, offsets = row
        doc = Document(raw=text if raw is None else raw, text=text,
                       offsets=OffsetMap.from_json(json.loads(offsets)), id=did, source=source,
                       title=title, published=published, lang=lang, ingested_at=ingested_at,
                       meta=json.loads(meta))
        for name, spans in self.conn.execute("SELECT name, spans FROM layers WHERE doc_id = ?", (did,)):
            doc.layers[name] = [Span(s[0], s[1], s[2], s[3] if len(s) > 3 else {}) for s in json.loads(spans)]
        return doc

    def resolve_id(self, prefix: str) -> str:
        rows = [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff"))]
        if not rows:
            raise UsageError(f"no document with id {prefix!r} in {self.path}")
        if len(rows) > 1:
            raise UsageError(f"document id prefix {prefix!r} is ambiguous; give more characters")
        return rows[0]

    def list_documents(self, *, limit: int = 20, offset: int = 0, lang: str | None = None,
                       date_from: str | None = None, date_to: str | None = None,
                       source: str | None = None, q: str | None = None) -> tuple[int, list[dict]]:
        """(total, page) of document summaries, newest first, filtered."""
        cond, args = _where([("lang = ?", lang), ("published >= ?", date_from), ("published <= ?", date_to),
                             ("source LIKE ?", source and f"%{source}%"),
                             ("(title LIKE ? OR text LIKE ?)", q and (f"%{q}%", f"%{q}%"))])
        total = self.conn.execute(f"SELECT count(*) FROM documents{cond}", args).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT id, source, title, published, lang, ingested_at, substr(text, 1, 200), length(text) "
            f"FROM documents{cond} ORDER BY coalesce(published, '') DESC, ingested_at DESC, id "
            f"LIMIT ? OFFSET ?", args + [limit, offset]).fetchall()
        keys = ("id", "source", "title", "published", "lang", "ingested_at", "snippet", "length")
        return total, [dict(zip(keys, r)) for r in rows]

    def iter_ids(self) -> Iterator[str]:
        for (did,) in self.conn.execute("SELECT id FROM documents ORDER BY id"):
            yield did

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def stats(self) -> dict:
        c = self.conn
        layer_counts: dict[str, int] = {}
        for name, n in c.execute("SELECT name, sum(json_array_length(spans)) FROM layers GROUP BY name"):
            layer_counts[name] = n or 0
        return {
            "documents": self.count(),
            "languages": dict(c.execute("SELECT coalesce(lang, 'und'), count(*) FROM documents "
                                        "GROUP BY 1 ORDER BY 2 DESC")),
            "layers": layer_counts,
            "entities": dict(c.execute("SELECT type, count(*) FROM entities GROUP BY type ORDER BY 2 DESC")),
            "top_entities": [
                {"id": eid, "type": t, "canonical": can, "mentions": n, "documents": d}
                for eid, t, can, n, d in c.execute(
                    "SELECT e.id, e.type, e.canonical, count(*), count(DISTINCT m.doc_id) FROM mentions m "
                    "JOIN entities e ON e.id = m.entity_id GROUP BY e.id ORDER BY 5 DESC, 4 DESC LIMIT 10")],
            "published": list(c.execute("SELECT min(published), max(published) FROM documents "
                                        "WHERE published IS NOT NULL").fetchone()),
            "migrations": [r[0] for r in c.execute("SELECT name FROM schema_migrations ORDER BY name")],
        }

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass


def _where(filters: list[tuple[str, object]]) -> tuple[str, list]:
    """' WHERE a AND b' and its arguments, from (condition, value) pairs whose value is set."""
    conds, args = [], []
    for cond, value in filters:
        if value:
            conds.append(cond)
            args += list(value) if isinstance(value, tuple) else [value]
    return (" WHERE " + " AND ".join(conds)) if conds else "", args


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _statements(sql: str) -> list[str]:
    """Split a migration file into complete statements (triggers with BEGIN…END included)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
