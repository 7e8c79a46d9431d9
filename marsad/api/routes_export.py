"""API routes for exports (streamed): /api/export/{jsonl,csv,graphml,jsonld}."""
from __future__ import annotations

from fastapi import Depends, FastAPI, Path, Query
from fastapi.responses import StreamingResponse

from marsad.api.app import Context


def mount(app: FastAPI, ctx: Context) -> None:
    def stream(fmt: str, table: str | None = None) -> StreamingResponse:
        from marsad.export import export, media_type
        from marsad.store import open_store

        s = open_store(ctx.db)
        chunks = export(s, fmt, table)  # raises (→ one-shape error) before streaming starts

        def gen():
            try:
                for chunk in chunks:
                    yield chunk.encode("utf-8", "surrogatepass")
            finally:
                s.close()

        name = f"marsad-{table}.csv" if fmt == "csv" else f"marsad.{fmt}"
        return StreamingResponse(gen(), media_type=media_type(fmt),
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/api/export/{fmt}", dependencies=[Depends(ctx.can_read)], tags=["exports"])
    def export_route(fmt: str = Path(..., pattern="^(jsonl|csv|graphml|jsonld)$"),
                     table: str = Query("entities", pattern="^(entities|events|quotes|roles)$",
                                        description="For csv: entities, events, quotes or roles.")):
        """Download an export: ``jsonl`` (documents with all annotations), ``csv`` (one table),
        ``graphml`` (entity graph, for Gephi) or ``jsonld`` (schema.org with provenance)."""
        return stream(fmt, table if fmt == "csv" else None)
