"""The web application: one HTML shell for every UI route, static CSS/JS and label files.

Pages are rendered in the browser from the API with DOM text nodes only (never HTML from
data), so article text is always escaped; the Content-Security-Policy set in ``app.py``
allows scripts, styles and connections only from this server. Nothing is loaded from the
internet.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).resolve().parents[1] / "web"
UI_ROUTES = ("/", "/search", "/documents", "/documents/{doc_id}", "/entities", "/entities/{entity_id}",
             "/timeline", "/graph", "/corrections", "/docs")


def shell() -> str:
    """The HTML shell (read once per process)."""
    return (WEB / "index.html").read_text(encoding="utf-8")


def mount(app: FastAPI, ctx) -> None:
    html = shell()
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    def ui() -> HTMLResponse:
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

    for route in UI_ROUTES:
        app.add_api_route(route, ui, methods=["GET"], response_class=HTMLResponse, include_in_schema=False,
                          dependencies=[Depends(ctx.can_read)] if ctx.read_token else [])
