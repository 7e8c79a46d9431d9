"""Documents, ingestion, uploads, tokens and escaping."""
# ruff: noqa: F811  (pytest fixtures imported from the helpers module are redefined as arguments)
from api_helpers import AUTH, TOKEN, app, assert_error, client, db  # noqa: F401  (fixtures)
from fastapi.testclient import TestClient

from marsad.api.app import create_app


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
    err = assert_error(client.post("/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}), 400)
    assert "malformed JSON" in err["message"]
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


def test_hostile_article_is_served_as_data_never_markup(client):
    hostile = 'خبر <script>alert("x")</script> <img src=x onerror=alert(1)> نهاية.'
    did = client.post("/api/documents", headers=AUTH, json={"text": hostile, "title": "<b>t</b>"}).json()["id"]
    doc = client.get(f"/api/documents/{did}").json()
    assert "<script>" in doc["text"] and doc["title"] == "<b>t</b>"  # stored as written, served as JSON
    page = client.get(f"/documents/{did}")
    # the page is a fixed shell: nothing of the article is ever in the HTML, and the CSP forbids inline script
    assert "alert" not in page.text and "<b>t</b>" not in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    home = client.get("/").text
    assert 'dir="rtl"' in home and "http://" not in home and "https://" not in home


def test_path_ingest_only_inside_the_operator_folder(db, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("أعلنت الوزارة عن إطلاق برنامج جديد للتكوين في الذكاء الاصطناعي.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("سر", encoding="utf-8")
    c = TestClient(create_app(db, token=TOKEN, ingest_dir=str(folder)))
    res = c.post("/api/ingest", headers=AUTH, json={"path": "a.txt"})
    assert res.status_code == 200 and res.json()["new"] + res.json()["unchanged"] == 1
    hits = c.get("/api/search", params={"q": "برنامج جديد للتكوين"}).json()["hits"]
    assert any("للتكوين" in h["snippet"]["text"] for h in hits)  # indexed once, searchable at once
    again = c.post("/api/ingest", headers=AUTH, json={"path": "."})  # a folder; the file is unchanged
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    assert "outside" in assert_error(c.post("/api/ingest", headers=AUTH, json={"path": "../secret.txt"}), 403)["message"]
    assert_error(c.post("/api/ingest", headers=AUTH, json={"path": str(tmp_path / "secret.txt")}), 403)
    assert_error(c.post("/api/ingest", headers=AUTH, json={"path": "nothing.txt"}), 404)
    assert_error(c.post("/api/ingest", json={"path": "a.txt"}), 401)
    off = TestClient(create_app(db, token=TOKEN))
    assert "no ingest folder" in assert_error(off.post("/api/ingest", headers=AUTH, json={"path": "a.txt"}), 403)["message"]


def test_openapi_lists_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/stats", "/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/upload",
              "/api/entities/{entity_id}", "/api/events", "/api/quotes", "/api/roles", "/api/topics", "/api/search",
              "/api/ask", "/api/timeline", "/api/graph", "/api/export/{fmt}", "/api/corrections",
              "/api/corrections/{correction_id}", "/api/ingest"):
        assert p in paths, p
    assert client.get("/docs").status_code == 200  # the offline API reference page
