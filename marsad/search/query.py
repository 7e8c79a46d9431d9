"""Search: BM25 over documents fused with the best sentence, filters, snippets, duplicates.

Ranking (weights in ``data/ranking.json``, tuned on ARCD *train* questions only): the weighted
sum of ``doc`` (FTS5 BM25 over the title and the whole text), ``sent`` (the best sentence's
BM25), ``trigram`` (character trigrams over search keys, for names and partial words), each
divided by the query's best; ``cover`` (idf-weighted share of the query terms the document
holds; question-frame words such as اسم، عدد count ``frame`` times their idf here and
below); ``pairs`` (adjacent query-term pairs found within a window); and the rerank features
of :mod:`marsad.search.rerank` (``variant``, ``vowel``, ``early``, ``lead``, ``first``,
``atype``, ``bm25``). Features whose weight is 0 are not computed.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import asdict, dataclass, field
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.search import rerank as RR
from marsad.search.analyzer import analyze
from marsad.search.index import SIG_SIZE as SIG
from marsad.text.keys import TABLE

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def ranking() -> dict:
    return json.loads((DATA / "ranking.json").read_text(encoding="utf-8"))["weights"]


@dataclass
class Filters:
    """Result filters. ``entity``/``event_type``/``topic`` read the store's tables when present."""

    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    source: str | None = None
    entity: str | None = None
    event_type: str | None = None
    topic: str | None = None

    def sql(self, conn: sqlite3.Connection) -> tuple[str, list]:
        """A condition on ``search_docs d`` and its arguments ('' when no filter)."""
        where, args = [], []
        if self.date_from:
            where.append("d.published >= ?"); args.append(self.date_from)
        if self.date_to:
            where.append("substr(d.published, 1, ?) <= ?"); args += [len(self.date_to), self.date_to]
        if self.lang:
            where.append("d.lang = ?"); args.append(self.lang)
        if self.source:
            where.append("d.source LIKE ?"); args.append(f"%{self.source}%")
        if self.entity:
            where.append("d.doc_id IN (SELECT m.doc_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                         "WHERE e.id = ? OR e.canonical = ? OR m.text = ?)")
            args += [self.entity] * 3
        for layer, value in (("events", self.event_type), ("topics", self.topic)):
            if value:
                where.append("d.doc_id IN (SELECT l.doc_id FROM layers l, json_each(l.spans) j "
                             "WHERE l.name = ? AND json_extract(j.value, '$[2]') = ?)")
                args += [layer, value]
        return " AND ".join(where), args

    def active(self) -> bool:
        return any(asdict(self).values())


@dataclass
class Hit:
    doc_id: str
    score: float
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    source: str | None = None
    snippet: dict | None = None
    duplicates: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def _fts_query(terms: list[str]) -> str:
    return " OR ".join(f'"{t}"' for t in terms)


def _unique(seq):
    return list(dict.fromkeys(seq))


def candidates(conn: sqlite3.Connection, qterms: list[str], keys: list[str], filters: Filters | None,
               depth: int, w: dict, lterms: list[str] = ()) -> dict[int, dict[str, float]]:
    """Raw features of candidate documents (rowid → feature → value)."""
    cond, args = (filters.sql(conn) if filters and filters.active() else ("", []))
    restrict = f" AND rowid IN (SELECT d.rowid FROM search_docs d WHERE {cond})" if cond else ""
    feats: dict[int, dict[str, float]] = {}
    if qterms:
        q = _fts_query(qterms)
        for rowid, s in conn.execute(
                f"SELECT rowid, bm25(search_doc_fts, ?, 1.0, 0.0) FROM search_doc_fts WHERE search_doc_fts MATCH ?"
                f"{restrict} ORDER BY rank LIMIT ?", [w["title_weight"], "{title body} : (" + q + ")"] + args + [depth]):
            feats[rowid] = {"doc": -s}
    if lterms and w.get("light", 0) > 0:
        lq = "light : (" + _fts_query(lterms) + ")"
        for rowid, s in conn.execute(
                f"SELECT rowid, bm25(search_doc_fts, 0.0, 0.0, 1.0) FROM search_doc_fts WHERE search_doc_fts MATCH ?"
                f"{restrict} ORDER BY rank LIMIT ?", [lq] + args + [depth]):
            feats.setdefault(rowid, {"doc": 0.0})["light"] = -s
    if qterms and w.get("sent", 0) > 0:
        q = _fts_query(qterms)
        srestrict = (f" AND s.doc_rowid IN (SELECT d.rowid FROM search_docs d WHERE {cond})" if cond else "")
        for rowid, s in conn.execute(
                f"SELECT s.doc_rowid, bm25(search_sent_fts) AS r FROM search_sent_fts JOIN search_sents s "
                f"ON s.rowid = search_sent_fts.rowid WHERE search_sent_fts MATCH ?{srestrict} ORDER BY r LIMIT ?",
                [q] + args + [depth * 3]):
            f = feats.setdefault(rowid, {"doc": 0.0})
            f["sent"] = max(f.get("sent", 0.0), -s)
    if keys and w.get("trigram", 0) > 0:
        tq = " OR ".join(f'"{k}"' for k in keys if len(k) >= 3)
        if tq:
            trestrict = f" AND rowid IN (SELECT d.rowid FROM search_docs d WHERE {cond})" if cond else ""
            for rowid, s in conn.execute(
                    f"SELECT rowid, bm25(search_trigram) FROM search_trigram WHERE search_trigram MATCH ?"
                    f"{trestrict} ORDER BY rank LIMIT ?", [tq] + args + [depth]):
                feats.setdefault(rowid, {"doc": 0.0})["tri"] = -s
    return feats


_CACHE: dict = {"key": None, "pos": OrderedDict(), "idf": {}, "n": None}
_POS_MAX = 20000


def _cache(conn: sqlite3.Connection) -> dict:
    """Per-connection caches (term lists of documents, idf, document count), emptied when the
    database changes: ``PRAGMA data_version`` moves on another connection's commits, and
    :data:`marsad.search.index.GENERATION` on this process's own indexing."""
    from marsad.search.index import GENERATION

    key = (id(conn), conn.execute("PRAGMA data_version").fetchone()[0], GENERATION[0])
    if _CACHE["key"] != key:
        _CACHE.update(key=key, pos=OrderedDict(), idf={}, n=None)
    return _CACHE


class _Doc:
    """A cached document: its terms (title then body), the title's length, and lazily its
    term set and answer-type marker positions."""

    __slots__ = ("terms", "ntitle", "tset", "marks")

    def __init__(self, title: str, body: str):
        t = title.split()
        self.terms, self.ntitle, self.tset, self.marks = t + body.split(), len(t), None, {}


def _docs(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, _Doc]:
    """The cached documents of ``rowids`` (read from the index when missing)."""
    cache = _cache(conn)["pos"]
    out, missing = {}, []
    for r in rowids:
        d = cache.get(r)
        if d is None:
            missing.append(r)
        else:
            cache.move_to_end(r)
            out[r] = d
    for i in range(0, len(missing), 500):
        chunk = missing[i:i + 500]
        for rowid, title, body in conn.execute(
                f"SELECT rowid, title, body FROM search_doc_fts WHERE rowid IN ({','.join('?' * len(chunk))})", chunk):
            out[rowid] = cache[rowid] = _Doc(title, body)
    while len(cache) > _POS_MAX:
        cache.popitem(last=False)
    return out


def _positions(d: _Doc, qset: set[str]) -> dict[str, list[int]]:
    """Positions of the query terms in a document's terms (list searches run in C)."""
    if d.tset is None:
        d.tset = frozenset(d.terms)
    terms, pos = d.terms, {}
    for t in qset:
        if t in d.tset:
            j, ps = -1, []
            for _ in range(terms.count(t)):
                j = terms.index(t, j + 1)
                ps.append(j)
            pos[t] = ps
    return pos


def _idf(conn: sqlite3.Connection, terms: list[str]) -> dict[str, float]:
    """BM25-style idf of analysed terms over the indexed documents (cached)."""
    c = _cache(conn)
    if c["n"] is None:
        c["n"] = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] or 1
    n, known = c["n"], c["idf"]
    out = {}
    for t in terms:
        v = known.get(t)
        if v is None:
            df = conn.execute("SELECT count(*) FROM search_doc_fts WHERE search_doc_fts MATCH ?",
                              (f'{{title body}} : "{t}"',)).fetchone()[0]
            v = known[t] = math.log(1 + (n - df + 0.5) / (df + 0.5))
        out[t] = v
    return out


def _proximity(qterms: list[str], pos: dict[str, list[int]], idf: dict[str, float], window: int) -> tuple[float, float]:
    """(idf-weighted coverage of query terms, share of query pairs co-occurring within ``window``)."""
    qset = set(qterms)
    total = sum(idf.get(t, 0) for t in qset) or 1.0
    cover = sum(idf.get(t, 0) for t in qset if t in pos) / total
    pairs = [(a, b) for a, b in zip(qterms, qterms[1:]) if a != b]
    if not pairs:
        return cover, 0.0
    hit = 0.0
    for a, b in pairs:
        pa, pb = pos.get(a), pos.get(b)
        if not pa or not pb:
            continue
        j, best = 0, window + 1
        for p in pa:
            while j < len(pb) and pb[j] < p - window:
                j += 1
            if j < len(pb) and abs(pb[j] - p) <= window:
                best = min(best, abs(pb[j] - p))
                if best <= 1:
                    break
        if best <= window:
            hit += (idf.get(a, 0) + idf.get(b, 0)) / (1 + best)
    denom = sum(idf.get(a, 0) + idf.get(b, 0) for a, b in pairs) or 1.0
    return cover, hit / denom


def features(conn: sqlite3.Connection, query: str, filters: Filters | None = None,
             lang: str | None = "ar", w: dict | None = None) -> dict[int, dict[str, float]]:
    """Per candidate document: doc/sent/tri scores normalised by the query's best, cover, pairs."""
    w = w or ranking()
    qt = analyze(query, lang)
    qterms = [t.term for t in qt]
    uterms = _unique(qterms)
    idf = _idf(conn, uterms) if uterms else {}
    if w.get("frame", 1.0) != 1.0:  # question-frame words (اسم، عدد …) count less beyond the FTS search
        frame = RR.frame_terms()
        idf = {t: v * w["frame"] if t in frame else v for t, v in idf.items()}
    keys = _unique(query[t.start:t.end].translate(TABLE) for t in qt)
    lterms = _unique(t.term for t in analyze(query, lang, light=True)) if w.get("light", 0) > 0 else []
    feats = candidates(conn, uterms, keys, filters, int(w["depth"]), w, lterms)
    if not feats:
        return feats
    for k in ("doc", "sent", "tri", "light"):
        top = max((f.get(k, 0.0) for f in feats.values()), default=0.0) or 1.0
        for f in feats.values():
            f[k] = f.get(k, 0.0) / top
    if (w["cover"] or w["pairs"] or any(w.get(k, 0) for k in RERANK)) and uterms:
        docs = _docs(conn, list(feats))
        qset = set(uterms)
        pos = {r: _positions(d, qset) for r, d in docs.items()}
        if w["pairs"]:
            for rowid, f in feats.items():
                f["cover"], f["pairs"] = _proximity(qterms, pos.get(rowid, {}), idf, int(w["window"]))
        elif w["cover"]:
            total = sum(idf.get(t, 0) for t in qset) or 1.0
            for rowid, f in feats.items():
                f["cover"], f["pairs"] = sum(idf.get(t, 0) for t in pos.get(rowid, ())) / total, 0.0
        if any(w.get(k, 0) for k in RERANK):
            _rerank_features(query, qterms, idf, feats, docs, pos, w)
    return feats


def _rerank_features(query: str, qterms: list[str], idf: dict[str, float], feats: dict, docs: dict,
                     pos: dict, w: dict) -> None:
    """Add :mod:`marsad.search.rerank`'s features to ``feats`` (bm25 divided by the best)."""
    ctx = RR.QueryContext(query, qterms, idf)
    avgdl = sum(len(d.terms) for d in docs.values()) / (len(docs) or 1) or 1.0
    for rowid, f in feats.items():
        d = docs.get(rowid)
        if d is None:
            continue
        marks = ()
        if ctx.atype:
            marks = d.marks.get(ctx.atype)
            if marks is None:
                marks = d.marks[ctx.atype] = RR.marker_positions(d.terms, ctx.atype)
        f.update(RR.doc_features(ctx, d.terms, d.tset, d.ntitle, pos.get(rowid, {}), marks,
                                 avgdl, w["bm25_k1"], w["bm25_b"]))
    top = max((f.get("bm25", 0.0) for f in feats.values()), default=0.0) or 1.0
    for f in feats.values():
        f["bm25"] = f.get("bm25", 0.0) / top


RERANK = ("variant", "vowel", "early", "lead", "first", "atype", "bm25")
FEATURES = ("doc", "sent", "tri", "light", "cover", "pairs") + RERANK
_WEIGHT = {"doc": "doc", "sent": "sent", "tri": "trigram", "light": "light", "cover": "cover", "pairs": "pairs",
           **{k: k for k in RERANK}}


def combine(feats: dict[int, dict[str, float]], w: dict) -> list[tuple[int, float]]:
    """Weighted sum of the features, best first (ties broken by document order)."""
    used = [(k, w[_WEIGHT[k]]) for k in FEATURES if w.get(_WEIGHT[k])]
    scored = [(rowid, sum(x * f.get(k, 0.0) for k, x in used)) for rowid, f in feats.items()]
    scored.sort(key=lambda x: (-x[1], x[0]))
    return scored


def rank(conn: sqlite3.Connection, query: str, filters: Filters | None = None,
         lang: str | None = "ar", weights: dict | None = None) -> list[tuple[int, float]]:
    """``(rowid, score)`` of matching documents, best first (``weights`` override data/ranking.json)."""
    w = {**ranking(), **(weights or {})}
    return combine(features(conn, query, filters, lang, w), w)


def snippet(text: str, start: int, end: int, qterms: set[str], lang: str | None, width: int = 240) -> dict:
    """A window of ``text[start:end]`` with highlights ``[[s, e], …]`` (offsets into ``text``)."""
    if end - start > width:
        terms = [t for t in analyze(text[start:end], lang) if t.term in qterms]
        first = start + (terms[0].start if terms else 0)
        start = max(start, min(first - width // 4, end - width))
        end = min(end, start + width)
    hl = [[start + t.start, start + t.end] for t in analyze(text[start:end], lang) if t.term in qterms]
    return {"start": start, "end": end, "text": text[start:end], "highlights": hl}


def _best_sentence(conn, rowid: int, qterms: set[str], idf: dict[str, float]) -> tuple[int, int] | None:
    """The sentence of the document holding the most (idf-weighted) distinct query terms."""
    best, span = 0.0, None
    for start, end, body in conn.execute(
            "SELECT s.start, s.end, f.body FROM search_sents s JOIN search_sent_fts f ON f.rowid = s.rowid "
            "WHERE s.doc_rowid = ? ORDER BY s.start", (rowid,)):
        score = sum(idf.get(t, 1.0) for t in qterms.intersection(body.split()))
        if score > best:
            best, span = score, (start, end)
    return span


def _collapse(ranked: list[tuple[int, float]], sigs: dict, threshold: float,
              wanted: int) -> list[tuple[int, float, list[int]]]:
    """Group near-duplicates (MinHash agreement ≥ threshold) under their best-ranked copy.
    Once ``wanted`` groups exist, later candidates only join groups (they open none)."""
    groups: list[tuple[int, float, list[int]]] = []
    reps: list[np.ndarray] = []
    for r, s in ranked:
        sig = sigs[r][4]
        if threshold and sig and reps:
            v = np.frombuffer(sig, np.uint32)
            m = np.stack(reps)
            sim = (m == v).mean(axis=1) if m.shape[1] == v.shape[0] else np.zeros(len(reps))
            j = int(sim.argmax())
            if sim[j] >= threshold:
                groups[j][2].append(r)
                continue
        if len(groups) >= wanted:
            continue
        groups.append((r, s, []))
        reps.append(np.frombuffer(sig, np.uint32) if sig else np.zeros(SIG, np.uint32))
    return groups


def _has_documents(conn) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is not None


def search(conn: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 10,
           offset: int = 0, *, collapse: float = 0.6, snippets: bool = True, lang: str | None = "ar") -> dict:
    """Ranked hits with snippets, near-duplicate rewrites collapsed into their best copy.

    Returns ``{"query", "terms", "total", "hits": [Hit.to_json(), …]}``; ``total`` is the
    number of ranked candidates (up to the ranking depth), before collapsing."""
    depth = max(int(ranking()["depth"]), min(1000, 3 * (offset + limit)))
    ranked = rank(conn, query, filters, lang=lang, weights={"depth": depth})
    qterms = _unique(t.term for t in analyze(query, lang))
    # collapse near-duplicates among the ranked candidates
    rowids = [r for r, _ in ranked]
    sigs = {}
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        for r, doc_id, pub, lg, src, sig in conn.execute(
                f"SELECT rowid, doc_id, published, lang, source, sig FROM search_docs "
                f"WHERE rowid IN ({','.join('?' * len(chunk))})", chunk):
            sigs[r] = (doc_id, pub, lg, src, sig)
    groups = _collapse(ranked, sigs, collapse, offset + limit)
    hits = []
    docs = _has_documents(conn)
    idf = _idf(conn, qterms) if docs and snippets and qterms else {}
    for r, s, dups in groups[offset:offset + limit]:
        doc_id, pub, lg, src, _ = sigs[r]
        hit = Hit(doc_id, round(s, 4), published=pub, lang=lg, source=src, duplicates=[sigs[d][0] for d in dups])
        if docs:
            title, text = conn.execute("SELECT title, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            hit.title = title
            if snippets:
                span = _best_sentence(conn, r, set(qterms), idf) if qterms else None
                start, end = span if span else (0, min(len(text), 240))
                hit.snippet = snippet(text, start, end, set(qterms), lg)
        hits.append(hit.to_json())
    return {"query": query, "terms": qterms, "total": len(ranked), "hits": hits}
