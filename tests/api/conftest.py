"""Fixtures for API tests: a private copy of the examples store and a client with a token."""
import shutil

import pytest
from api_helpers import TOKEN
from fastapi.testclient import TestClient

from marsad.api.app import create_app


@pytest.fixture(scope="module")
def db(examples_db, tmp_path_factory):
    """A private copy of the examples store (these tests may write to it)."""
    path = str(tmp_path_factory.mktemp("db") / "copy.db")
    shutil.copy(examples_db, path)
    return path


@pytest.fixture(scope="module")
def app(db):
    return create_app(db, token=TOKEN, max_upload=20_000)


@pytest.fixture
def client(app):
    return TestClient(app)
