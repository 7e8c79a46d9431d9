"""The store interface. SQLite implements it now; a PostgreSQL store will satisfy it later."""
from __future__ import annotations

import abc
from typing import Callable, Iterator

from marsad.doc import Document

SaveHook = Callable[[object, Document], None]
DeleteHook = Callable[[object, str], None]


class Store(abc.ABC):
    """Documents with their annotation layers, entities and mentions."""

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

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
