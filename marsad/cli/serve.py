"""``marsad serve``: the REST API and pages over a store."""
from __future__ import annotations

import typer

from marsad.config import default_db


def serve_cmd(
    db: str = typer.Option(None, "--db", help="SQLite database file (default: $MARSAD_DB, else marsad.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (reads scale with "
                                "cores; SQLite in WAL mode serialises writes safely)."),
) -> None:
    """Serve the web application and the REST API on http://HOST:PORT/ (API reference at /docs,
    OpenAPI at /openapi.json).

    Writes (ingest, upload, corrections) need the token in $MARSAD_API_TOKEN, sent as
    'Authorization: Bearer TOKEN' (in the web application: the Corrections page). Server-side
    path ingest reads only inside $MARSAD_INGEST_DIR. MARSAD_CACHE=0 turns the response cache off.
    """
    import os
    from pathlib import Path

    import uvicorn

    from marsad.api.app import create_app
    from marsad.errors import UsageError

    db = db or default_db()
    if not Path(db).is_file():
        raise UsageError(f"no database at {db} (run marsad ingest first, or give --db)")
    typer.echo(f"marsad: serving {db} on http://{host}:{port}/ (API reference at /docs; Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(create_app(db, warm=True), host=host, port=port, log_level="warning")
    else:  # each worker process builds its own app from the environment
        os.environ["MARSAD_DB"] = db
        uvicorn.run("marsad.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
