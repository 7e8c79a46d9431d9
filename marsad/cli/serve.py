"""``marsad serve``: the REST API and pages over a store."""
from __future__ import annotations

import typer

from marsad.config import default_db


def serve_cmd(
    db: str = typer.Option(None, "--db", help="SQLite database file (default: $MARSAD_DB, else marsad.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web application and the REST API on http://HOST:PORT/ (API reference at /docs,
    OpenAPI at /openapi.json).

    Writes (ingest, upload, corrections) need the token in $MARSAD_API_TOKEN, sent as
    'Authorization: Bearer TOKEN' (in the web application: the Corrections page). Server-side
    path ingest reads only inside $MARSAD_INGEST_DIR.
    """
    import uvicorn

    from marsad.api.app import create_app

    db = db or default_db()
    typer.echo(f"marsad: serving {db} on http://{host}:{port}/ (API reference at /docs; Ctrl-C stops)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
