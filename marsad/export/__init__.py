"""Exports of the knowledge base: JSON Lines, CSV, GraphML (Gephi) and JSON-LD (schema.org).

Every exporter is a generator of text chunks over an open store, so the CLI writes them to a
file and the API streams them. Offsets in every export index into the document's cleaned
``text`` (the extraction contract), so any exported fact can be checked against its source.
"""
from __future__ import annotations

from marsad.export.formats import (
    CSV_TABLES,
    FORMATS,
    iter_csv,
    iter_graphml,
    iter_jsonl,
    iter_jsonld,
    media_type,
)

__all__ = [
    "CSV_TABLES",
    "FORMATS",
    "export",
    "iter_csv",
    "iter_graphml",
    "iter_jsonl",
    "iter_jsonld",
    "media_type",
]


def export(store, fmt: str, table: str | None = None):
    """The chunks of one export (``fmt`` in FORMATS; ``table`` for csv)."""
    if fmt == "jsonl":
        return iter_jsonl(store)
    if fmt == "csv":
        return iter_csv(store, table or "entities")
    if fmt == "graphml":
        return iter_graphml(store)
    if fmt == "jsonld":
        return iter_jsonld(store)
    from marsad.errors import UsageError
    raise UsageError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
