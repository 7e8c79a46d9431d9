"""A small cache for the API's aggregate views (statistics, entity lists, graph, month counts).

Entries are keyed on the data's version — the number of documents, corrections (count, latest
id), this process's own writes, and commits by other connections seen through ``PRAGMA
data_version`` — and expire after ``ttl`` seconds in any case, so a change made by another
process (``marsad ingest``, another worker) shows at once, or within a minute at worst.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Cache:
    def __init__(self, ttl: float = 60.0, size: int = 512, enabled: bool = True):
        self.ttl, self.size, self.enabled = ttl, size, enabled
        self.writes = 0
        self._data: dict = {}
        self._seen: dict[int, int] = {}
        self._lock = threading.Lock()

    def bump(self) -> None:
        """Forget everything (called after every write request)."""
        with self._lock:
            self.writes += 1
            self._data.clear()

    def version(self, store) -> tuple:
        """A cheap fingerprint of the data. ``PRAGMA data_version`` changes on a connection when
        another connection commits, so a pooled connection that sees it change means someone
        else (``marsad ingest``, another worker) wrote: everything cached is dropped."""
        c = store.conn
        seen = c.execute("PRAGMA data_version").fetchone()[0]
        before = self._seen.get(id(c))
        self._seen[id(c)] = seen
        if before is not None and before != seen:
            self.bump()
        docs = c.execute("SELECT count(*) FROM documents").fetchone()
        try:
            corr = c.execute("SELECT count(*), max(id) FROM corrections").fetchone()
        except Exception:  # a store without the knowledge-base tables
            corr = (0, 0)
        return (self.writes, *docs, *corr)

    def get(self, store, key: tuple, compute: Callable[[], object]):
        """The cached value of ``key`` for the store's current data, computing it if needed."""
        if not self.enabled:
            return compute()
        version, now = self.version(store), time.monotonic()
        hit = self._data.get(key)
        if hit is not None and hit[0] == version and now - hit[1] < self.ttl:
            return hit[2]
        value = compute()
        with self._lock:
            if len(self._data) >= self.size:
                self._data.clear()
            self._data[key] = (version, now, value)
        return value
