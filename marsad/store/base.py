"""The store interface. SQLite implements it now; a PostgreSQL store will satisfy it later."""
from __future__ import annotations

import abc
from typing import Callable, Iterator

from marsad.doc import Document

SaveHook = Callable[[object, Document], None]
DeleteHook = Callable[[object, str], None]


class Store(abc.ABC):
    """Documents with their annotation layers, and the knowledge base built from them."""

    def __init__(self) -> None:
        self._save_hooks: list[SaveHook] = []
        self._delete_hooks: list[DeleteHook] = []

    def add_save_hook(self, fn: SaveHook) -> None:
        """Call ``fn(connection, doc)`` inside the transaction that saves a document."""
        self._save_hooks.append(fn)

    def add_delete_hook(self, fn: DeleteHook) -> None:
        """Call ``fn(connection, doc_id)`` inside the transaction that deletes a document."""
        self._delete_hooks.append(fn)

    @abc.abstractmethod
    def save(self, doc: Document, pipeline_version: str) -> None:
        """Insert or replace a document and all its annotations, atomically."""

    @abc.abstractmethod
    def get(self, doc_id: str) -> Document:
        """The document with all its layers; raises StoreError if unknown."""

    @abc.abstractmethod
    def version_of(self, doc_id: str) -> str | None:
        """Pipeline version a stored document was annotated with (None if not stored)."""

    def has(self, doc_id: str) -> bool:
        return self.version_of(doc_id) is not None

    @abc.abstractmethod
    def delete(self, doc_id: str) -> bool: ...

    @abc.abstractmethod
    def iter_ids(self) -> Iterator[str]: ...

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def stats(self) -> dict:
        """Counts of documents, languages, layers' spans, entities by type, top entities."""

    @abc.abstractmethod
    def resolve_id(self, prefix: str) -> str:
        """Full document id from a unique prefix (UsageError otherwise)."""

    @abc.abstractmethod
    def close(self) -> None: ...

    # -- the knowledge base (SQLite: marsad/store/kb.py; every list returns (total, page)) ------
    @abc.abstractmethod
    def list_entities(self, *, limit: int = 20, offset: int = 0, etype: str | None = None,
                      q: str | None = None) -> tuple[int, list[dict]]:
        """Entities resolved across documents, most documented first; ``q`` matches aliases."""

    @abc.abstractmethod
    def entity(self, entity_id: str, *, mention_limit: int | None = None) -> dict:
        """One entity (by id, name or alias) with aliases, mentions and why, roles, events, quotes."""

    @abc.abstractmethod
    def events(self, *, etype: str | None = None, date_from: str | None = None, date_to: str | None = None,
               entity: str | None = None, topic: str | None = None, doc_id: str | None = None,
               limit: int = 50, offset: int = 0, order: str = "desc") -> tuple[int, list[dict]]:
        """Events with arguments (tied to entity ids), evidence offsets and topics."""

    @abc.abstractmethod
    def event(self, event_id: str) -> dict: ...

    @abc.abstractmethod
    def roles(self, *, person: str | None = None, doc_id: str | None = None, title_id: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]: ...

    @abc.abstractmethod
    def quotes(self, *, speaker: str | None = None, doc_id: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]: ...

    @abc.abstractmethod
    def topics(self) -> list[dict]: ...

    @abc.abstractmethod
    def timeline(self, *, entity: str | None = None, etype: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, topic: str | None = None, limit: int = 500) -> list[dict]: ...

    @abc.abstractmethod
    def graph(self, *, entity: str | None = None, limit: int = 200) -> dict: ...

    @abc.abstractmethod
    def add_correction(self, kind: str, target: str, payload: dict | None = None,
                       author: str | None = None) -> dict:
        """Store a user correction apart from extracted data and apply it (also at every re-ingest)."""

    @abc.abstractmethod
    def corrections(self, *, target: str | None = None) -> list[dict]: ...

    @abc.abstractmethod
    def delete_correction(self, correction_id: int) -> bool: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
