"""The embedded search index: SQLite FTS5 over analysed text (BM25), document and sentence level.

Tables come from ``marsad/store/migrations/010_search.sql``. :func:`install` registers hooks
on a store so that documents are indexed inside the transaction that saves them. Ranking,
filters, snippets and duplicate collapsing live in :mod:`marsad.search.query`.
"""
from __future__ import annotations

import sqlite3
import zlib
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

import numpy as np

from marsad.doc import Document
from marsad.search.analyzer import _ARABIC, WORD, Term, arabic_views, latin_term
from marsad.text.keys import TABLE

MIGRATION = "010_search"
GENERATION = [0]  # bumped whenever this process changes the index (query caches check it)
SIG_SIZE = 32
_P = (1 << 61) - 1
_rng = np.random.default_rng(20240610)
_A = _rng.integers(1, _P, SIG_SIZE, dtype=np.uint64)
_B = _rng.integers(0, _P, SIG_SIZE, dtype=np.uint64)


def apply_schema(conn: sqlite3.Connection) -> None:
    """Create the search tables on a bare connection (the store applies the migration itself)."""
    sql = (resources.files("marsad.store") / "migrations" / f"{MIGRATION}.sql").read_text(encoding="utf-8")
    conn.executescript(sql)


def install(store) -> None:
    """Index documents as the store saves them, and drop them as it deletes them."""
    store.add_save_hook(index_document)
    store.add_delete_hook(remove_document)


def signature(terms: list[str], k: int = 4) -> bytes:
    """MinHash signature of the term k-shingles (near-duplicate detection)."""
    if not terms:
        return b""
    if len(terms) > k:
        shingles = {" ".join(g) for g in zip(*(terms[i:] for i in range(k)))}
    else:
        shingles = {" ".join(terms[i:i + k]) for i in range(max(len(terms) - k + 1, 1))}
    x = np.fromiter((zlib.crc32(s.encode("utf-8", "surrogatepass")) for s in shingles),
                    dtype=np.uint64, count=len(shingles))
    h = (_A[:, None] * x[None, :] + _B[:, None]) & np.uint64(0xFFFFFFFF)
    return h.min(axis=1).astype(np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.frombuffer(a, np.uint32) == np.frombuffer(b, np.uint32)))


def _sentence_bounds(doc: Document) -> list[tuple[int, int]]:
    spans = doc.spans("sentences")
    if spans:
        return [(s.start, s.end) for s in spans]
    return [(0, len(doc.text))] if doc.text else []


@lru_cache(maxsize=200_000)
def _word_views(word: str, mode: str) -> tuple[str, str, str]:
    """(term, light term, folded word) of one word, as :func:`analyze` dispatches it; ``mode``:
    'ar' (the document's language is Arabic), 'fr' or 'en' (any other)."""
    if _ARABIC.search(word) or mode == "ar" and not word.isascii():
        return (*arabic_views(word), word.translate(TABLE))
    t = latin_term(word.lower(), "fr" if mode == "fr" else "en")
    return t, t, word.translate(TABLE)


def _flat_views(text: str, lang: str) -> tuple[list[str], list[int], list[int], list[str], set[str]]:
    """One pass over ``text``: the terms of :func:`analyze` as strings with their start and end
    offsets, the light terms of ``analyze(text, light=True)`` and the folded words (trigram keys)."""
    terms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    light: list[str] = []
    keys: set[str] = set()
    mode = lang if lang in ("ar", "fr") else "en"
    views, add, append, light_append = _word_views, keys.add, terms.append, light.append
    start_append, end_append = starts.append, ends.append
    for m in WORD.finditer(text):
        t, lt, key = views(m.group(), mode)
        add(key)
        if t:
            append(t)
            a, b = m.span()
            start_append(a)
            end_append(b)
        if lt:
            light_append(lt)
    return terms, starts, ends, light, keys


def _views(text: str, lang: str) -> tuple[list[Term], list[str], set[str]]:
    """What :func:`analyze` gives (terms with offsets), the light terms of ``analyze(text,
    light=True)`` and the folded words (trigram keys), from :func:`_flat_views`; tests check that
    they agree with the analyzer."""
    terms, starts, ends, light, keys = _flat_views(text, lang)
    return list(map(Term, terms, starts, ends)), light, keys


def index_document(conn: sqlite3.Connection, doc: Document) -> int:
    """(Re)index one document: document row, sentence rows, trigram keys. Returns its rowid."""
    remove_document(conn, doc.id)
    GENERATION[0] += 1
    lang = doc.lang or "ar"
    terms, starts, _, light, words = _flat_views(doc.text, lang)
    title_terms, _, _, title_light, title_words = _flat_views(doc.title, lang) if doc.title else ([], [], [], [], set())
    cur = conn.execute("INSERT INTO search_docs(doc_id, published, lang, source, sig) VALUES (?,?,?,?,?)",
                       (doc.id, doc.published, doc.lang, doc.source, signature(terms)))
    rowid = cur.lastrowid
    conn.execute("INSERT INTO search_doc_fts(rowid, title, body, light) VALUES (?,?,?,?)",
                 (rowid, " ".join(title_terms), " ".join(terms), " ".join(title_light + light)))
    sent_rows = []
    for start, end in _sentence_bounds(doc):
        a, b = bisect_right(starts, start - 1), bisect_right(starts, end - 1)
        if b > a:
            sent_rows.append((start, end, " ".join(terms[a:b])))
    conn.executemany("INSERT INTO search_sents(doc_rowid, start, end) VALUES (?,?,?)",
                     [(rowid, start, end) for start, end, _ in sent_rows])
    sids = [r[0] for r in conn.execute("SELECT rowid FROM search_sents WHERE doc_rowid = ? ORDER BY rowid",
                                       (rowid,))]
    conn.executemany("INSERT INTO search_sent_fts(rowid, body) VALUES (?,?)",
                     [(sid, body) for sid, (_, _, body) in zip(sids, sent_rows)])
    conn.execute("INSERT INTO search_trigram(rowid, keys) VALUES (?,?)",
                 (rowid, " ".join(sorted(words | title_words))))
    return rowid


def remove_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Drop a document's rows from every search table."""
    GENERATION[0] += 1
    row = conn.execute("SELECT rowid FROM search_docs WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return False
    rowid = row[0]
    sids = [r[0] for r in conn.execute("SELECT rowid FROM search_sents WHERE doc_rowid = ?", (rowid,))]
    conn.executemany("DELETE FROM search_sent_fts WHERE rowid = ?", [(s,) for s in sids])
    conn.execute("DELETE FROM search_sents WHERE doc_rowid = ?", (rowid,))
    conn.execute("DELETE FROM search_doc_fts WHERE rowid = ?", (rowid,))
    conn.execute("DELETE FROM search_trigram WHERE rowid = ?", (rowid,))
    conn.execute("DELETE FROM search_docs WHERE rowid = ?", (rowid,))
    return True


class SearchIndex:
    """The search index over one sqlite3 connection (tables from migration 010)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def index_document(self, doc: Document) -> int:
        return index_document(self.conn, doc)

    def remove_document(self, doc_id: str) -> bool:
        return remove_document(self.conn, doc_id)

    def search(self, query: str, filters=None, limit: int = 10, offset: int = 0, **kw):
        from marsad.search.query import search
        return search(self.conn, query, filters, limit, offset, **kw)

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]


def sync(store, batch: int = 500) -> int:
    """Index stored documents the search tables do not have yet (returns how many)."""
    missing = [r[0] for r in store.conn.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM search_docs)")]
    for i in range(0, len(missing), batch):
        with store.transaction() as c:
            for did in missing[i:i + batch]:
                index_document(c, store.get(did))
    return len(missing)
