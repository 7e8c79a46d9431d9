"""Settings gathered in one place, with documented defaults.

* ``MARSAD_DB`` — the SQLite database used when ``--db`` is not given (default ``marsad.db``
  in the current folder).
* ``MARSAD_SHARED`` — the shared data folder (corpora, lexicons); default ``../shared``
  beside the repository, then ``../shared`` from the current folder.
* ``MARSAD_MAX_BYTES`` — inputs larger than this are rejected (default 50 MB).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def default_db() -> str:
    return os.environ.get("MARSAD_DB") or "marsad.db"


def max_bytes() -> int:
    try:
        return int(os.environ.get("MARSAD_MAX_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def shared_dir() -> Path | None:
    """The shared data folder, or None if it cannot be found."""
    env = os.environ.get("MARSAD_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [REPO_DIR.parent / "shared", Path.cwd().parent / "shared"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def shared_path(*parts: str) -> Path | None:
    """A path inside the shared folder if it exists, else None."""
    base = shared_dir()
    if base is None:
        return None
    p = base.joinpath(*parts)
    return p if p.exists() else None
