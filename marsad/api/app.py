"""The REST API (FastAPI) over a marsad store, with one JSON error shape, and the web UI.

Every error answers ``{"error": {"status": int, "code": str, "message": str}}``. Reading is
open unless ``read_token`` is set; writing (ingest, corrections) needs the operator's API token
(``MARSAD_API_TOKEN`` or ``create_app(token=...)``) as ``Authorization: Bearer TOKEN``. Without
a configured token, writes are refused. Ingesting a server-side path is allowed only inside
the folder the operator names (``MARSAD_INGEST_DIR`` or ``create_app(ingest_dir=...)``).
"""
from __future__ import annotations

import hmac
import json
import os
import queue
import re
import threading
from dataclasses import dataclass

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.errors import MarsadError

DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
POOL_SIZE = 16  # open SQLite connections kept between requests
DATE_RE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")


class ApiError(Exception):
    """An error answered as ``{"error": {...}}`` with this status and code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SecurityHeaders:
    """ASGI middleware adding the Content-Security-Policy and related headers to every response."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class FastJSON(Response):
    """JSON serialised once with ``json.dumps`` (FastAPI's generic encoder costs more than the
    query on large documents and entities). Routes return ``FastJSON(data)``."""

    media_type = "application/json"

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def page(total: int, items: list, limit: int, offset: int) -> FastJSON:
    """The one shape of every paginated list."""
    return FastJSON({"total": total, "limit": limit, "offset": offset, "items": items})


@dataclass
class Context:
    """What route modules need: the database, settings and the dependencies."""

    db: str
    token: str | None
    read_token: bool
    max_upload: int
    ingest_dir: str | None
    store: object = None
    can_read: object = None
    can_write: object = None
    cache: object = None


def _status_for(exc: MarsadError) -> int:
    if exc.code in ("M301",) or "no document with id" in exc.message or "no entity" in exc.message:
        return 404
    return 400


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError):
        return JSONResponse(error_body(exc.status, exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException):
        msg = "not found" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(exc.status_code, f"HTTP{exc.status_code}", msg),
                            status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError):
        errors = exc.errors()
        bad_json = next((e for e in errors if e.get("type") == "json_invalid"), None)
        if bad_json is not None:
            why = (bad_json.get("ctx") or {}).get("error", "invalid JSON")
            return JSONResponse(error_body(400, "M511", f"malformed JSON body: {why}"), status_code=400)
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(error_body(422, "M510", f"invalid request: {where}: {first.get('msg', 'invalid')}"),
                            status_code=422)

    @app.exception_handler(MarsadError)
    async def _marsad_error(_: Request, exc: MarsadError):
        status = _status_for(exc)
        return JSONResponse(error_body(status, exc.code, exc.message), status_code=status)

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception):
        return JSONResponse(error_body(500, "M999", f"internal error ({type(exc).__name__})"), status_code=500)


def create_app(db: str, *, token: str | None = None, read_token: bool = False,
               max_upload: int = DEFAULT_MAX_UPLOAD, ingest_dir: str | None = None, warm: bool = False) -> FastAPI:
    """The API and web UI for the store at ``db`` (``warm``: fill the aggregate cache in the background)."""
    token = token if token is not None else os.environ.get("MARSAD_API_TOKEN") or None
    ingest_dir = ingest_dir if ingest_dir is not None else os.environ.get("MARSAD_INGEST_DIR") or None
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic-first observatory of AI and digital policy news: documents "
                              "with exact-offset annotations, entities, events, quotes, roles, topics, "
                              "search, timeline, graph, exports and corrections. Errors: "
                              '{"error": {"status", "code", "message"}}. Writes need '
                              "'Authorization: Bearer TOKEN'.")
    _install_errors(app)

    app.add_middleware(SecurityHeaders)

    pool: queue.LifoQueue = queue.LifoQueue()

    async def store(request: Request):
        """A store for one request, taken from a pool of open connections (each used by one
        request at a time; opening SQLite and reading the schema per request costs ~10 ms)."""
        from marsad.search.index import install
        from marsad.store import open_store

        try:
            s = pool.get_nowait()
        except queue.Empty:
            s = open_store(db)
            install(s)  # documents written through the API are searchable at once
        ok = False
        try:
            yield s
            ok = True
        finally:
            if request.method != "GET":
                cache.bump()
            if ok and pool.qsize() < POOL_SIZE and not s.conn.in_transaction:
                pool.put(s)
            else:
                s.close()

    def _check(authorization: str | None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), (token or "").encode()):
            raise ApiError(401, "M520", "missing or wrong API token")

    async def can_read(authorization: str | None = Header(None)) -> None:
        if read_token:
            _check(authorization)

    async def can_write(authorization: str | None = Header(None)) -> None:
        if not token:
            raise ApiError(403, "M521", "writing is disabled: the operator has configured no API token")
        _check(authorization)

    from marsad.api.cache import Cache

    cache = Cache(enabled=os.environ.get("MARSAD_CACHE", "1") != "0")
    ctx = Context(db, token, read_token, max_upload, ingest_dir, store, can_read, can_write, cache)
    _catch_up_index(db)

    from marsad.api import pages, routes_docs, routes_export, routes_kb

    routes_docs.mount(app, ctx)
    routes_kb.mount(app, ctx)
    routes_export.mount(app, ctx)
    pages.mount(app, ctx)

    @app.get("/api/config", dependencies=[Depends(can_read)], tags=["meta"])
    def config() -> dict:
        """What this server allows: writes (a token is configured), path ingest, upload limit."""
        return {"version": __version__, "writes": bool(token), "read_token": read_token,
                "path_ingest": bool(ingest_dir), "max_upload": max_upload}

    if warm:
        threading.Thread(target=_warm, args=(db, cache), daemon=True).start()
    return app


def _warm(db: str, cache) -> None:
    """Compute the home and graph pages' aggregate views once, so the first visitor does not wait."""
    from marsad.api.routes_docs import stats_view
    from marsad.api.routes_kb import event_months, graph_view
    from marsad.store import open_store

    try:
        with open_store(db) as s:
            cache.get(s, ("stats",), lambda: stats_view(s))
            cache.get(s, ("entities", 12, 0, None, None), lambda: s.list_entities(limit=12, offset=0))
            cache.get(s, ("months", None, None, None, None, None), lambda: event_months(s.conn))
            cache.get(s, ("graph", None, 80, 30), lambda: graph_view(s, None, 80, 30))
    except Exception:  # warming is only an optimisation
        pass


def app_from_env() -> FastAPI:
    """The app for ``$MARSAD_DB`` (uvicorn factory, used by ``marsad serve --workers N``)."""
    from marsad.config import default_db

    return create_app(default_db(), warm=True)


def _catch_up_index(db: str) -> None:
    """Index stored documents the search tables lack (e.g. ingested with an older version)."""
    from marsad.search.stamp import sync
    from marsad.store import open_store

    try:
        with open_store(db) as s:
            sync(s)
    except MarsadError:
        pass


def check_date(value: str | None, name: str) -> str | None:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD (422 otherwise)."""
    if value is not None and not re.fullmatch(DATE_RE, value):
        raise ApiError(422, "M510", f"invalid request: {name}: {value!r} is not a date (YYYY[-MM[-DD]])")
    return value


__all__ = ["ApiError", "Context", "app_from_env", "check_date", "create_app", "error_body", "page"]
