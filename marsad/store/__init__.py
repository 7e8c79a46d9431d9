"""Storage behind one interface (:class:`~marsad.store.base.Store`)."""
from __future__ import annotations

from marsad.store.base import Store


def open_store(target: str) -> Store:
    """Open the store at ``target``: an SQLite file path (PostgreSQL URLs come later)."""
    if target.startswith(("postgres://", "postgresql://")):
        from marsad.errors import ConfigError
        raise ConfigError("PostgreSQL is not implemented yet; use an SQLite file path")
    from marsad.store.sqlite import SQLiteStore
    return SQLiteStore(target)


__all__ = ["Store", "open_store"]
