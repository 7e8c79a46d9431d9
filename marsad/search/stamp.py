"""Which analyzer built a database's search terms, and re-indexing when it changed.

Stored terms are the analyzer's output, so queries analysed by a newer analyzer would miss
them. The fingerprint (:func:`marsad.search.analyzer.fingerprint`) is kept in ``search_meta``
(migration 012). :func:`sync`, run before searching or answering, re-indexes every stored
document when it differs, and says so on stderr. A database from before the stamp is checked
by re-analysing a few of its documents.
"""
from __future__ import annotations

import sqlite3
import sys

from marsad.search import index
from marsad.search.analyzer import analyze, fingerprint

KEY = "analyzer"
PROBES = 3  # documents re-analysed to check a database that has no stamp yet


def stored(conn) -> str | None:
    row = conn.execute("SELECT value FROM search_meta WHERE key = ?", (KEY,)).fetchone()
    return row[0] if row else None


def mark(conn) -> None:
    conn.execute("INSERT INTO search_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                 "value = excluded.value", (KEY, fingerprint()))


def _agrees(store) -> bool:
    """Do the first and last indexed documents hold what the analyzer gives now?"""
    rows = store.conn.execute(
        "SELECT d.doc_id, d.lang, f.body FROM search_docs d JOIN search_doc_fts f ON f.rowid = d.rowid "
        "WHERE d.rowid IN (SELECT rowid FROM search_docs ORDER BY rowid LIMIT ?) "
        "OR d.rowid IN (SELECT rowid FROM search_docs ORDER BY rowid DESC LIMIT ?)", (PROBES, PROBES)).fetchall()
    for doc_id, lang, body in rows:
        doc = store.get(doc_id)
        if " ".join(t.term for t in analyze(doc.text, lang or "ar")) != body:
            return False
    return True


def reindex(store, batch: int = 500) -> int:
    """Index every stored document again with this analyzer; returns how many."""
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]
    for i in range(0, len(ids), batch):
        with store.transaction() as c:
            for did in ids[i:i + batch]:
                index.index_document(c, store.get(did))
    with store.transaction() as c:
        mark(c)
    return len(ids)


def ensure_current(store, report: bool = True) -> int:
    """Re-index the database if its search terms come from another analyzer (returns how many
    documents were re-indexed; 0 when current, or when the database cannot be written: then
    the staleness is reported)."""
    conn = store.conn
    now, was = fingerprint(), stored(conn)
    if was == now:
        return 0
    try:
        empty = conn.execute("SELECT 1 FROM search_docs LIMIT 1").fetchone() is None
        if empty or (was is None and _agrees(store)):
            with store.transaction() as c:
                mark(c)
            return 0
        n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        if report:
            print(f"marsad: the search index was built by another analyzer ({was or 'unstamped'}, now {now}): "
                  f"re-indexing {n} documents", file=sys.stderr)
        return reindex(store)
    except sqlite3.OperationalError as exc:  # a read-only database: search it as it is
        if report:
            print(f"marsad: warning: could not update the search index ({exc}); results may miss words "
                  f"analysed differently since it was built", file=sys.stderr)
        return 0


def sync(store) -> int:
    """:func:`ensure_current`, then index the stored documents the search tables lack."""
    return ensure_current(store) + index.sync(store)
