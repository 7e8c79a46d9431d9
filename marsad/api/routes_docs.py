"""API routes for documents, search, ask, statistics and ingestion."""
from __future__ import annotations

import os
from pathlib import Path

from fastapi import Depends, FastAPI, File, Query, UploadFile
from pydantic import BaseModel, Field

from marsad.api.app import DATE_RE, ApiError, Context, FastJSON, page
from marsad.errors import InputError, UsageError


class TextIn(BaseModel):
    text: str = Field(..., description="Article text (plain text, or HTML with html=true).")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: str | None = None
    source: str | None = None
    html: bool = False


class PathIn(BaseModel):
    path: str = Field(..., description="A file or folder inside the operator's ingest folder "
                                       "(relative to it, or absolute).")
    published: str | None = Field(None, description="Publication date for inputs that lack one.")


def doc_labels(s, ids) -> dict[str, str]:
    """A display label for each document: its title, else its first line (≤ 90 characters)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    rows = s.conn.execute(f"SELECT id, title, substr(text, 1, 200) FROM documents WHERE id IN "
                          f"({','.join('?' * len(ids))})", ids)
    return {i: t or _first_line(head) for i, t, head in rows}


def _first_line(text: str) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= 90 else line[:89].rstrip() + "…"


def with_labels(s, items: list[dict]) -> list[dict]:
    """``items`` (dicts with ``doc_id``) with a ``label`` for those that have no title."""
    labels = doc_labels(s, [i["doc_id"] for i in items if not i.get("title")])
    for i in items:
        if not i.get("title"):
            i["label"] = labels.get(i["doc_id"])
    return items


def document_json(s, doc_id: str) -> dict:
    """One document in the extraction contract, plus meta and each mention's knowledge-base id."""
    try:
        doc = s.get(s.resolve_id(doc_id))
    except UsageError as exc:
        raise ApiError(404, "M301", exc.message)
    out = doc.to_contract()
    out["ingested_at"] = doc.ingested_at
    out["meta"] = doc.meta
    out["url"] = doc.meta.get("url")
    out["label"] = doc.title or _first_line(doc.text[:200])
    kb = {(a, b): eid for a, b, eid in s.conn.execute(
        "SELECT start, end, entity_id FROM mentions WHERE doc_id = ?", (doc.id,))}
    for e in out["entities"]:
        e["kb_id"] = kb.get((e["start"], e["end"]))
    if hasattr(s, "events"):
        _, evs = s.events(doc_id=doc.id, limit=500)
        out["kb_events"] = evs
    return out


def stats_view(s) -> dict:
    """The store's statistics plus the number of events."""
    out = s.stats()
    if hasattr(s, "events"):
        out["events"] = s.events(limit=1)[0]
    return out


def ask_answer(s, question: str, limit: int = 5) -> dict:
    """An answer with citations (``marsad.qa``); when it finds none, the best matching sentences
    (``mode: "search"``). Each citation gives its document, the sentence to open (``start``,
    ``end``, ``text``) and the answer's place in it (``highlights``)."""
    from marsad.search.query import search

    out: dict = {"question": question, "answer": None, "mode": "search", "citations": []}
    try:
        from marsad.qa.answer import ask
    except ImportError:  # pragma: no cover - QA not installed
        ask = None
    if ask is not None:
        res = ask(s, question)
        out.update({k: v for k, v in res.items() if k != "question"}, analysis=res.get("question"), mode="qa")
        out["citations"] = [_sentence_cite(s, c) for c in res.get("citations", [])]
    if not out["citations"]:
        res = search(s.conn, question, None, limit, 0)
        for h in res["hits"]:
            sn = h.get("snippet")
            if sn:
                out["citations"].append({"doc_id": h["doc_id"], "title": h["title"], "published": h["published"],
                                         "start": sn["start"], "end": sn["end"], "text": sn["text"],
                                         "highlights": sn["highlights"]})
        if out["answer"] is None:
            out["mode"] = "search"
    with_labels(s, out["citations"])
    return out


def _sentence_cite(s, c: dict) -> dict:
    """A QA citation widened to its sentence, the answer span kept as a highlight."""
    a, b = c.get("sentence") or (c["start"], c["end"])
    row = s.conn.execute("SELECT title, published, substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?",
                         (a, b, a, c["doc_id"])).fetchone()
    title, published, text = row if row else (None, None, c.get("text", ""))
    return {"doc_id": c["doc_id"], "title": title, "published": published, "start": a, "end": b, "text": text,
            "highlights": [[c["start"], c["end"]]], "answer_span": [c["start"], c["end"]]}


def mount(app: FastAPI, ctx: Context) -> None:
    store, can_read, can_write = ctx.store, ctx.can_read, ctx.can_write
    read = [Depends(can_read)]

    @app.get("/api/stats", dependencies=read, tags=["documents"])
    def stats(s=Depends(store)) -> dict:
        """Counts of documents, languages, annotations, entities by type, top entities, date range."""
        return FastJSON(ctx.cache.get(s, ("stats",), lambda: stats_view(s)))

    @app.get("/api/documents", dependencies=read, tags=["documents"])
    def documents(s=Depends(store), limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
                  lang: str | None = Query(None, max_length=8),
                  date_from: str | None = Query(None, alias="from", pattern=DATE_RE),
                  date_to: str | None = Query(None, alias="to", pattern=DATE_RE),
                  source: str | None = None, q: str | None = None) -> dict:
        """Documents, newest first; filters: language, date range, source, words in title or text."""
        total, items = s.list_documents(limit=limit, offset=offset, lang=lang, date_from=date_from,
                                        date_to=date_to, source=source, q=q)
        return page(total, items, limit, offset)

    @app.get("/api/documents/{doc_id}", dependencies=read, tags=["documents"])
    def document(doc_id: str, s=Depends(store)) -> dict:
        """One document (id or unique prefix): text and every annotation with exact offsets."""
        return FastJSON(document_json(s, doc_id))

    @app.get("/api/search", dependencies=read, tags=["search"])
    def search(q: str = Query(..., min_length=1, max_length=500, description="Words to search for."),
               s=Depends(store), limit: int = Query(10, ge=1, le=100), offset: int = Query(0, ge=0),
               date_from: str | None = Query(None, alias="from", pattern=DATE_RE),
               date_to: str | None = Query(None, alias="to", pattern=DATE_RE),
               lang: str | None = Query(None, max_length=8), source: str | None = None,
               entity: str | None = None, event: str | None = None,
               topic: str | None = None) -> dict:
        """Ranked documents with highlighted snippets (offsets into the document text);
        near-duplicate rewrites are collapsed under their best copy."""
        from marsad.search.query import Filters
        from marsad.search.query import search as run

        def compute():
            res = run(s.conn, q, Filters(date_from, date_to, lang, source, entity, event, topic), limit, offset)
            res.update(limit=limit, offset=offset)
            with_labels(s, res["hits"])
            return res

        key = ("search", q, limit, offset, date_from, date_to, lang, source, entity, event, topic)
        return FastJSON(ctx.cache.get(s, key, compute))

    @app.get("/api/ask", dependencies=read, tags=["search"])
    def ask(q: str = Query(..., min_length=1, max_length=500, description="A question in Arabic, French or English."),
            s=Depends(store)) -> dict:
        """An answer with citations (document id and sentence offsets). Falls back to the best
        matching sentences (``mode: search``) when no extractive answer is available."""
        return FastJSON(ask_answer(s, q))

    # -- writing -------------------------------------------------------------------
    def _ingest_text(s, body: TextIn) -> dict:
        from marsad.ingest import iso_date, process
        from marsad.ingest.runner import pipeline_version
        from marsad.pipeline import default

        if body.published and iso_date(body.published) is None:
            raise ApiError(422, "M510", f"invalid request: published: {body.published!r} is not a date")
        if not body.text.strip():
            raise ApiError(422, "M101", "empty text")
        pipe = default()
        doc = process(body.text, source=body.source or "api", title=body.title, published=body.published,
                      url=body.url, html=body.html, pipeline=pipe)
        existed = s.has(doc.id)
        s.save(doc, pipeline_version(pipe))
        return {"id": doc.id, "created": not existed, "sentences": len(doc.spans("sentences"))}

    @app.post("/api/documents", dependencies=[Depends(can_write)], status_code=201, tags=["ingest"])
    def ingest_json(body: TextIn, s=Depends(store)) -> dict:
        """Ingest one article given as JSON (re-ingesting the same text re-annotates it)."""
        if len(body.text.encode("utf-8", "surrogatepass")) > ctx.max_upload:
            raise ApiError(413, "M105", f"text too large (limit {ctx.max_upload:,} bytes)")
        return _ingest_text(s, body)

    @app.post("/api/upload", dependencies=[Depends(can_write)], status_code=201, tags=["ingest"])
    async def upload(file: UploadFile = File(...), published: str | None = Query(None, pattern=DATE_RE),
                     s=Depends(store)) -> dict:
        """Ingest one uploaded file (.txt or .html; UTF-8, UTF-16, Windows-1256, ISO-8859-6).
        Binary files are refused (415), files over the limit too (413)."""
        from marsad.ingest.decode import decode

        data = await file.read(ctx.max_upload + 1)
        name = os.path.basename(file.filename or "upload")
        if len(data) > ctx.max_upload:
            raise ApiError(413, "M105", f"{name}: file too large (limit {ctx.max_upload:,} bytes)")
        try:
            text, _ = decode(data, name)
        except InputError as exc:
            raise ApiError(415, exc.code, exc.message)
        html = name.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
        return _ingest_text(s, TextIn(text=text, source=name, html=html, published=published))

    @app.post("/api/ingest", dependencies=[Depends(can_write)], tags=["ingest"])
    def ingest_path(body: PathIn, s=Depends(store)) -> dict:
        """Ingest a file or folder on the server, only inside the operator's ingest folder
        (``MARSAD_INGEST_DIR``); 403 when none is configured or the path leaves it."""
        from marsad.ingest.runner import ingest

        if not ctx.ingest_dir:
            raise ApiError(403, "M522", "path ingest is disabled: the operator has configured no ingest folder")
        root = Path(ctx.ingest_dir).resolve()
        target = (root / body.path).resolve()
        if target != root and root not in target.parents:
            raise ApiError(403, "M523", f"{body.path}: outside the ingest folder")
        if not target.exists():
            raise ApiError(404, "M302", f"{body.path}: no such file or folder in the ingest folder")
        # the pooled store already indexes what it saves (install() at open): no second set of hooks
        report = ingest([str(target)], s, published=body.published, progress=False, index=False)
        return {"new": report.new, "updated": report.updated, "unchanged": report.unchanged,
                "skipped": [{"code": e.code, "message": e.message.replace(str(root) + os.sep, "")}
                            for e in report.errors]}
