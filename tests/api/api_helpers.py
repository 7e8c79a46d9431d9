"""Fixtures and helpers shared by the API tests (imported by the test modules: a conftest.py here
would shadow tests/conftest.py for `from conftest import ...`)."""
import shutil

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def assert_error(res, status):
    """``res`` has ``status`` and the one error shape; returns the error object."""
    assert res.status_code == status, res.text
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    assert "\n" not in body["error"]["message"]
    return body["error"]


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
