from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app

REPO = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def db(examples_db, tmp_path_factory):
    """A private copy of the examples store (these tests may write to it)."""
    import shutil
    path = str(tmp_path_factory.mktemp("db") / "copy.db")
    shutil.copy(examples_db, path)
    return path


@pytest.fixture
def client(db):
    return TestClient(create_app(db, token=TOKEN, max_upload=20_000))


def assert_error(res, status):
    assert res.status_code == status, res.text
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_stats_and_documents_pagination(client):
    st = client.get("/api/stats").json()
    assert st["documents"] == 10
    page = client.get("/api/documents", params={"limit": 3, "offset": 0}).json()
    assert page["total"] == 10 and len(page["items"]) == 3
    rest = client.get("/api/documents", params={"limit": 200, "offset": 3}).json()
    assert len(rest["items"]) == 7
    assert not {d["id"] for d in page["items"]} & {d["id"] for d in rest["items"]}
    fr = client.get("/api/documents", params={"lang": "fr"}).json()
    assert fr["total"] == 1
    dated = client.get("/api/documents", params={"from": "2025-01-01"}).json()
    assert all(d["published"] >= "2025-01-01" for d in dated["items"]) and dated["total"] >= 1


def test_document_with_exact_offsets(client):
    some = client.get("/api/documents").json()["items"][0]["id"]
    doc = client.get(f"/api/documents/{some[:7]}").json()
    assert doc["id"] == some
    for w in doc["warnings"]:
        assert 0 <= w["start"] <= w["end"] <= len(doc["text"])


def test_entities_endpoint(client):
    res = client.get("/api/entities", params={"limit": 5}).json()
    assert set(res) == {"total", "limit", "offset", "items"}


def test_errors_have_one_shape(client):
    assert_error(client.get("/api/documents/ffffffffffffffff"), 404)
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.get("/api/documents", params={"limit": 0}), 422)
    assert_error(client.post("/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}), 422)
    assert_error(client.post("/api/documents", json={"text": "نص"}), 401)
    assert_error(client.post("/api/documents", json={"text": "نص"}, headers={"Authorization": "Bearer wrong"}), 401)


def test_writes_disabled_without_configured_token(db, monkeypatch):
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    c = TestClient(create_app(db, token=None))
    err = assert_error(c.post("/api/documents", json={"text": "نص"}, headers=AUTH), 403)
    assert "no API token" in err["message"]


def test_read_token_protection(db):
    c = TestClient(create_app(db, token=TOKEN, read_token=True))
    assert_error(c.get("/api/stats"), 401)
    assert c.get("/api/stats", headers=AUTH).status_code == 200


def test_ingest_json_and_upload(client):
    res = client.post("/api/documents", headers=AUTH,
                      json={"text": "وقعت الوزارة اتفاقية جديدة مع جامعة محمد السادس يوم 3 مارس 2025.",
                            "published": "2025-03-04", "title": "اختبار"})
    assert res.status_code == 201 and res.json()["created"] is True
    again = client.post("/api/documents", headers=AUTH,
                        json={"text": "وقعت الوزارة اتفاقية جديدة مع جامعة محمد السادس يوم 3 مارس 2025."})
    assert again.json()["created"] is False
    up = client.post("/api/upload", headers=AUTH,
                     files={"file": ("a.txt", "خبر مرفوع عبر الواجهة البرمجية.".encode("cp1256"), "text/plain")})
    assert up.status_code == 201


def test_bad_uploads_rejected_clearly(client):
    err = assert_error(client.post("/api/upload", headers=AUTH,
                                   files={"file": ("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50, "image/png")}), 415)
    assert "x.png" in err["message"] and "binary" in err["message"]
    err = assert_error(client.post("/api/upload", headers=AUTH,
                                   files={"file": ("big.txt", "ا".encode() * 30_000, "text/plain")}), 413)
    assert "too large" in err["message"]
    assert_error(client.post("/api/documents", headers=AUTH, json={"text": "   "}), 422)
    assert_error(client.post("/api/documents", headers=AUTH, json={"text": "نص", "published": "غدا"}), 422)


def test_hostile_article_is_escaped(client):
    hostile = 'خبر <script>alert("x")</script> <img src=x onerror=alert(1)> نهاية.'
    did = client.post("/api/documents", headers=AUTH, json={"text": hostile, "title": "<b>t</b>"}).json()["id"]
    page = client.get(f"/documents/{did}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>t</b>" not in page
    assert "&lt;script&gt;" in page
    home = client.get("/").text
    assert 'dir="rtl"' in home and "<script>alert" not in home and "http://" not in home.split("<main>")[0]


def test_openapi_lists_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/stats", "/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/upload"):
        assert p in paths
