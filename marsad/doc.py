"""The document model: raw input, cleaned text, offset map, stand-off annotation layers.

* ``raw`` is the decoded input and is never modified.
* ``text`` is the cleaned text; **every** span offset indexes into it.
* ``offsets`` maps cleaned offsets back to ``raw`` (see :mod:`marsad.offsets`).
* ``layers`` maps a layer name (``sentences``, ``tokens``, ``entities``, ``dates`` ...) to a
  list of :class:`Span` sorted by position. A span's text is never stored separately from
  the document: it is always ``doc.text[span.start:span.end]``.

``Document.to_json`` / ``Document.from_json`` round-trip losslessly; ``to_contract`` gives
the public extraction output (``schema/extract.schema.json``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator

from marsad.errors import SpanError
from marsad.offsets import OffsetMap

JSON_FORMAT_VERSION = 1

# Layers of the extraction contract, and how a span's label is named in each.
CONTRACT_LAYERS: dict[str, str | None] = {
    "entities": "type",
    "dates": None,
    "figures": None,
    "roles": None,
    "quotes": None,
    "events": "type",
    "topics": "topic",
    "warnings": "kind",
}


@dataclass(slots=True)
class Span:
    """A stand-off annotation ``[start, end)`` over the cleaned text."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_json(self, text: str) -> dict:
        out = {"start": self.start, "end": self.end, "label": self.label,
               "text": text[self.start:self.end]}
        if self.attrs:
            out["attrs"] = self.attrs
        return out


def content_id(raw: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw text."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Document:
    """One input document and all its annotations."""

    raw: str
    text: str
    offsets: OffsetMap
    id: str = ""
    source: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    ingested_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    layers: dict[str, list[Span]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.raw)
        if self.offsets.clean_length != len(self.text) or self.offsets.raw_length != len(self.raw):
            raise SpanError(f"offset map ({self.offsets}) does not fit text ({len(self.text)}) "
                            f"and raw ({len(self.raw)})")

    # -- construction ----------------------------------------------------------------
    @classmethod
    def from_text(cls, text: str, **meta: Any) -> "Document":
        """A document whose cleaned text is its raw text (no cleanup)."""
        return cls(raw=text, text=text, offsets=OffsetMap.identity(len(text)), **meta)

    # -- annotations -----------------------------------------------------------------
    def add(self, layer: str, start: int, end: int, label: str, **attrs: Any) -> Span:
        """Add a span to ``layer``; raises :class:`SpanError` if it does not fit the text."""
        if not (0 <= start <= end <= len(self.text)):
            raise SpanError(f"span [{start}, {end}) outside text of length {len(self.text)} "
                            f"in layer {layer!r} of document {self.id}")
        span = Span(start, end, label, attrs)
        self.layers.setdefault(layer, []).append(span)
        return span

    def set_layer(self, layer: str, spans: list[Span]) -> None:
        """Replace a whole layer (spans are checked and sorted)."""
        for s in spans:
            if not (0 <= s.start <= s.end <= len(self.text)):
                raise SpanError(f"span [{s.start}, {s.end}) outside text in layer {layer!r}")
        self.layers[layer] = sorted(spans, key=lambda s: (s.start, s.end))

    def spans(self, layer: str) -> list[Span]:
        return self.layers.get(layer, [])

    def has_layer(self, layer: str) -> bool:
        return layer in self.layers

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def raw_span(self, span: Span) -> tuple[int, int]:
        """Offsets of ``span`` in the raw input."""
        return self.offsets.span_to_raw(span.start, span.end)

    def sentences(self) -> Iterator[Span]:
        return iter(self.spans("sentences"))

    def warn(self, kind: str, start: int, end: int, message: str) -> Span:
        return self.add("warnings", start, end, kind, message=message)

    # -- serialisation ---------------------------------------------------------------
    def to_json(self) -> dict:
        """Lossless JSON-able dict (raw, text, offset map, metadata, every layer)."""
        return {
            "format": JSON_FORMAT_VERSION,
            "id": self.id, "source": self.source, "title": self.title,
            "published": self.published, "lang": self.lang, "ingested_at": self.ingested_at,
            "meta": self.meta, "raw": self.raw, "text": self.text,
            "offsets": self.offsets.to_json(),
            "layers": {name: [s.to_json(self.text) for s in spans]
                       for name, spans in self.layers.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "Document":
        """Rebuild a document from :meth:`to_json`; checks every span's text."""
        doc = cls(raw=data["raw"], text=data["text"], offsets=OffsetMap.from_json(data["offsets"]),
                  id=data["id"], source=data.get("source"), title=data.get("title"),
                  published=data.get("published"), lang=data.get("lang"),
                  ingested_at=data.get("ingested_at"), meta=dict(data.get("meta") or {}))
        for name, spans in (data.get("layers") or {}).items():
            out = doc.layers.setdefault(name, [])
            for s in spans:
                span = Span(s["start"], s["end"], s["label"], dict(s.get("attrs") or {}))
                if "text" in s and doc.text[span.start:span.end] != s["text"]:
                    raise SpanError(f"span text mismatch in layer {name!r} at "
                                    f"[{span.start}, {span.end}) of document {doc.id}")
                out.append(span)
        return doc

    def to_contract(self) -> dict:
        """The public extraction output (one object per document, see the JSON Schema)."""
        out: dict[str, Any] = {
            "id": self.id, "source": self.source, "title": self.title,
            "published": self.published, "lang": self.lang, "text": self.text,
        }
        for layer, label_key in CONTRACT_LAYERS.items():
            items = []
            for s in self.spans(layer):
                item: dict[str, Any] = {"text": self.text[s.start:s.end], "start": s.start, "end": s.end}
                if label_key:
                    item[label_key] = s.label
                item.update(s.attrs)
                items.append(item)
            out[layer] = items
        out["sentences"] = [[s.start, s.end] for s in self.spans("sentences")]
        return out
