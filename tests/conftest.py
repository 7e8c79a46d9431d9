"""Shared fixtures: the shared data folder, the seeds, and the --runslow switch."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.config import shared_path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow test: use --runslow (make test-all)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def require_shared(*parts: str) -> Path:
    """Path inside ../shared, or skip the test with a clear reason."""
    p = shared_path(*parts)
    if p is None:
        pytest.skip(f"shared data not found: {'/'.join(parts)} (set MARSAD_SHARED)")
    return p


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared("corpus", "seeds")


@pytest.fixture(scope="session")
def seed_paths(seeds_dir) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> str:
    """An SQLite store holding the example corpus (built once per test session)."""
    from marsad.ingest.runner import ingest
    from marsad.store import open_store

    path = str(tmp_path_factory.mktemp("examples") / "examples.db")
    with open_store(path) as store:
        ingest([str(EXAMPLES)], store)
    return path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, seeds_dir) -> str:
    """An SQLite store holding the five seeds (built once per session)."""
    from marsad.ingest.runner import ingest
    from marsad.store import open_store

    path = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    with open_store(path) as store:
        ingest([str(seeds_dir)], store)
    return path
