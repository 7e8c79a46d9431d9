"""Ingestion: files → records → cleaned, annotated documents (→ the store)."""
from __future__ import annotations

import re

from marsad.doc import Document, utc_now
from marsad.ingest.readers import Record, expand, iter_records
from marsad.pipeline import Pipeline, default
from marsad.text.clean import clean
from marsad.text.langid import detect

_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or datetime string (None if it is not one)."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    return m.group(1) if m else None


def process(raw: str, *, source: str | None = None, title: str | None = None,
            published: str | None = None, url: str | None = None, meta: dict | None = None,
            html: bool = False, pipeline: Pipeline | None = None, doc_id: str | None = None) -> Document:
    """Clean and annotate one decoded input. ``html=True`` extracts the article from a page first."""
    doc = prepare(raw, source=source, title=title, published=published, url=url, meta=meta, html=html,
                  doc_id=doc_id)
    (pipeline or default())(doc)
    return doc


def prepare(raw: str, *, source: str | None = None, title: str | None = None,
            published: str | None = None, url: str | None = None, meta: dict | None = None,
            html: bool = False, doc_id: str | None = None) -> Document:
    """The cleaned, not yet annotated document of one decoded input (:func:`process` without the pipeline)."""
    meta = dict(meta or {})
    if html:
        from marsad.ingest.html import extract_html

        extracted, html_map, page = extract_html(raw, source or "<html>")
        text, clean_map = clean(extracted)
        offsets = clean_map.compose(html_map)
        title = title or page.get("title")
        published = published or page.get("date")
        url = url or page.get("url")
        meta.update({k: v for k, v in page.items() if k in ("author", "sitename")})
    else:
        text, offsets = clean(raw)
    if url:
        meta["url"] = url
    if doc_id:
        meta["source_id"] = doc_id
    if published and published != iso_date(published):
        meta["published_raw"] = published
    return Document(raw=raw, text=text, offsets=offsets, source=source, title=title,
                    published=iso_date(published), lang=detect(text), ingested_at=utc_now(), meta=meta)


def process_record(rec: Record, pipeline: Pipeline, published: str | None = None) -> Document:
    """:func:`process` for a :class:`Record` (``published`` is the default date)."""
    doc = prepare_record(rec, published)
    pipeline(doc)
    return doc


def prepare_record(rec: Record, published: str | None = None) -> Document:
    """:func:`prepare` for a :class:`Record` (``published`` is the default date)."""
    return prepare(rec.raw, source=rec.source, title=rec.title, published=rec.published or published,
                   url=rec.url, meta=rec.meta, html=rec.fmt == "html", doc_id=rec.doc_id)


__all__ = ["Record", "expand", "iter_records", "iso_date", "prepare", "prepare_record", "process", "process_record"]
