"""The REST API (FastAPI) over a marsad store, with one JSON error shape.

Every error answers ``{"error": {"status": int, "code": str, "message": str}}``. Reading is
open unless ``read_token`` is set; writing (ingest) needs the operator's API token
(``MARSAD_API_TOKEN`` or ``create_app(token=...)``) as ``Authorization: Bearer TOKEN``. Without
a configured token, writes are refused.
"""
from __future__ import annotations

import hmac
import os
from typing import Optional

from fastapi import Depends, FastAPI, File, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.errors import InputError, MarsadError, UsageError

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


class TextIn(BaseModel):
    text: str = Field(..., description="Article text (plain text, or HTML with html=true).")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD.")
    url: Optional[str] = None
    source: Optional[str] = None
    html: bool = False


def create_app(db: str, *, token: str | None = None, read_token: bool = False,
               max_upload: int = DEFAULT_MAX_UPLOAD) -> FastAPI:
    """The API for the store at ``db``."""
    token = token if token is not None else os.environ.get("MARSAD_API_TOKEN") or None
    app = FastAPI(title="marsad", version=__version__,
                  description="Arabic-first observatory of AI and digital policy news: documents "
                              "with exact-offset annotations, entities, statistics.")

    # -- errors: one shape ---------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError):
        return JSONResponse(error_body(exc.status, exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException):
        return JSONResponse(error_body(exc.status_code, f"HTTP{exc.status_code}", str(exc.detail)),
                            status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(error_body(422, "M510", f"invalid request: {where}: {first.get('msg', 'invalid')}"),
                            status_code=422)

    @app.exception_handler(MarsadError)
    async def _marsad_error(_: Request, exc: MarsadError):
        status = 404 if exc.code in ("M301",) else 400
        return JSONResponse(error_body(status, exc.code, exc.message), status_code=status)

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception):
        return JSONResponse(error_body(500, "M999", f"internal error ({type(exc).__name__})"), status_code=500)

    # -- dependencies --------------------------------------------------------------
    def store():
        from marsad.search.index import install
        from marsad.store import open_store

        s = open_store(db)
        install(s)  # documents written through the API are searchable at once
        try:
            yield s
        finally:
            s.close()

    def _check(authorization: str | None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given, token or ""):
            raise ApiError(401, "M520", "missing or wrong API token")

    def can_read(authorization: Optional[str] = Header(None)) -> None:
        if read_token:
            _check(authorization)

    def can_write(authorization: Optional[str] = Header(None)) -> None:
        if not token:
            raise ApiError(403, "M521", "writing is disabled: the operator has configured no API token")
        _check(authorization)

    # -- reading -------------------------------------------------------------------
    @app.get("/api/stats", dependencies=[Depends(can_read)])
    def stats(s=Depends(store)) -> dict:
        """Counts of documents, languages, annotations and top entities."""
        return s.stats()

    @app.get("/api/documents", dependencies=[Depends(can_read)])
    def documents(s=Depends(store), limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
                  lang: Optional[str] = None, date_from: Optional[str] = Query(None, alias="from"),
                  date_to: Optional[str] = Query(None, alias="to"), source: Optional[str] = None,
                  q: Optional[str] = None) -> dict:
        """Documents, newest first, with filters and pagination."""
        total, items = s.list_documents(limit=limit, offset=offset, lang=lang, date_from=date_from,
                                        date_to=date_to, source=source, q=q)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/documents/{doc_id}", dependencies=[Depends(can_read)])
    def document(doc_id: str, s=Depends(store)) -> dict:
        """One document in the extraction contract (text and every annotation with offsets)."""
        try:
            doc = s.get(s.resolve_id(doc_id))
        except UsageError as exc:
            raise ApiError(404, "M301", exc.message)
        out = doc.to_contract()
        out["ingested_at"] = doc.ingested_at
        out["meta"] = doc.meta
        return out

    @app.get("/api/entities", dependencies=[Depends(can_read)])
    def entities(s=Depends(store), limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
                 type: Optional[str] = None, q: Optional[str] = None) -> dict:
        """Entities with their mention and document counts."""
        total, items = s.list_entities(limit=limit, offset=offset, etype=type, q=q)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

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

    @app.post("/api/documents", dependencies=[Depends(can_write)], status_code=201)
    def ingest_json(body: TextIn, s=Depends(store)) -> dict:
        """Ingest one article given as JSON."""
        if len(body.text.encode("utf-8", "surrogatepass")) > max_upload:
            raise ApiError(413, "M105", f"text too large (limit {max_upload:,} bytes)")
        return _ingest_text(s, body)

    @app.post("/api/upload", dependencies=[Depends(can_write)], status_code=201)
    async def upload(file: UploadFile = File(...), published: Optional[str] = None, s=Depends(store)) -> dict:
        """Ingest one uploaded file (.txt or .html; UTF-8, UTF-16, Windows-1256, ISO-8859-6)."""
        from marsad.ingest.decode import decode

        data = await file.read(max_upload + 1)
        name = file.filename or "upload"
        if len(data) > max_upload:
            raise ApiError(413, "M105", f"{name}: file too large (limit {max_upload:,} bytes)")
        try:
            text, _ = decode(data, name)
        except InputError as exc:
            raise ApiError(415, exc.code, exc.message)
        html = name.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
        return _ingest_text(s, TextIn(text=text, source=name, html=html, published=published))

    # -- pages ---------------------------------------------------------------------
    from marsad.api import pages

    pages.mount(app, store, can_read)
    return app


__all__ = ["create_app", "error_body"]
