"""Helpers shared by the roles/quotes/events/topics tests: documents with hand-placed layers.

The entity, date and figure layers are placed by hand (``str.find`` of known strings) so these
tests check the extraction rules, not the NER model.
"""
from __future__ import annotations

from marsad.doc import Document, Span


def segment(doc: Document) -> Document:
    """Sentences and tokens from marsad.text (the real segmenter)."""
    from marsad.text.stages import make_segment
    make_segment()(doc)
    return doc


def place(doc: Document, layer: str, needle: str, label: str, nth: int = 0, **attrs) -> Span:
    """Add a span over the ``nth`` occurrence of ``needle`` (every occurrence if nth is None)."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.find(needle, pos + 1)
        assert pos >= 0, f"{needle!r} not in text"
    return doc.add(layer, pos, pos + len(needle), label, **attrs)


def place_all(doc: Document, layer: str, needle: str, label: str, **attrs) -> int:
    n, pos = 0, doc.text.find(needle)
    while pos >= 0:
        doc.add(layer, pos, pos + len(needle), label, **attrs)
        n += 1
        pos = doc.text.find(needle, pos + len(needle))
    return n


def make_doc(text: str, entities: dict[str, str] | None = None, published: str | None = "2025-02-10",
             canonical: dict[str, str] | None = None) -> Document:
    """A segmented document with every occurrence of each ``entities`` key tagged."""
    doc = segment(Document.from_text(text, published=published))
    doc.layers.setdefault("entities", [])
    for needle, label in (entities or {}).items():
        place_all(doc, "entities", needle, label, canonical=(canonical or {}).get(needle, needle))
    doc.layers["entities"].sort(key=lambda s: (s.start, s.end))
    return doc


def read_seed(seed_paths, prefix: str) -> str:
    path = next((p for p in seed_paths if p.name.startswith(prefix)), None)
    if path is None:
        import pytest
        pytest.skip(f"seed {prefix} not found")
    return path.read_text(encoding="utf-8")


def test_helper_places_every_occurrence():
    doc = make_doc("قال أحمد. ثم قال أحمد.", {"أحمد": "PERSON"})
    assert [doc.span_text(s) for s in doc.spans("entities")] == ["أحمد", "أحمد"]
