"""Every API route answers errors in one shape: {"error": {"status", "code", "message"}}."""
# ruff: noqa: F811  (pytest fixtures imported from the helpers module are redefined as arguments)
import re

import pytest
from api_helpers import AUTH, TOKEN, assert_error, db  # noqa: F401  (fixtures)
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from marsad.api.app import create_app

UNKNOWN = {"doc_id": "ffffffffffffffff", "entity_id": "no-such-entity-xyz", "correction_id": "999999"}
BAD_PATH = {"fmt": "pdf", "correction_id": "abc"}


def api_routes(app):
    return [(r, m) for r in app.routes if isinstance(r, APIRoute) and r.path.startswith("/api")
            for m in sorted(r.methods)]


def fill(path, values):
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)


def cases(route, method):
    """(description, request kwargs, expected status) for one route."""
    out = []
    params = {p.alias for p in route.dependant.query_params}
    required = {p.alias for p in route.dependant.query_params if p.field_info.is_required()}
    base = {q: "الذكاء" for q in required}
    path_params = re.findall(r"\{(\w+)\}", route.path)
    if method == "GET":
        if path_params:
            if any(p in UNKNOWN for p in path_params):
                out.append(("unknown id", dict(url=fill(route.path, UNKNOWN), params=base), 404))
            if any(p in BAD_PATH for p in path_params):
                out.append(("bad path value", dict(url=fill(route.path, BAD_PATH), params=base), 422))
        url = fill(route.path, {"fmt": "jsonl", **UNKNOWN})
        if "limit" in params:
            out.append(("limit 0", dict(url=url, params={**base, "limit": 0}), 422))
        if "offset" in params:
            out.append(("negative offset", dict(url=url, params={**base, "offset": -1}), 422))
        if "from" in params:
            out.append(("bad date", dict(url=url, params={**base, "from": "yesterday"}), 422))
        for q in required:
            out.append((f"missing {q}", dict(url=url, params={k: v for k, v in base.items() if k != q}), 422))
        if "entity" in params and not path_params and route.path != "/api/search":  # search: a filter, no hits
            out.append(("unknown entity", dict(url=url, params={**base, "entity": "no-such-entity-xyz"}), 404))
    else:
        url = fill(route.path, {"correction_id": "1"})
        out.append(("no token", dict(url=url), 401))
        out.append(("wrong token", dict(url=url, headers={"Authorization": "Bearer wrong"}), 401))
        if route.body_field is not None and "upload" not in route.path:
            out.append(("malformed JSON", dict(url=url, content=b'{"text": ', headers={**AUTH, "Content-Type": "application/json"}), 400))
            out.append(("missing field", dict(url=url, json={}, headers=AUTH), 422))
        if method == "DELETE":
            out.append(("unknown id", dict(url=fill(route.path, UNKNOWN), headers=AUTH), 404))
    return out


def test_every_route_answers_errors_in_one_shape(db):
    app = create_app(db, token=TOKEN, max_upload=5_000)
    client = TestClient(app)
    covered = set()
    for route, method in api_routes(app):
        for what, kw, status in cases(route, method):
            url = kw.pop("url")
            res = client.request(method, url, **kw)
            try:
                assert_error(res, status)
            except AssertionError as exc:
                raise AssertionError(f"{method} {route.path} ({what}): {exc}") from None
            covered.add((route.path, method))
    locked = TestClient(create_app(db, token=TOKEN, read_token=True))
    for route, method in api_routes(app):
        if method == "GET":  # reading protected by the token: 401 everywhere without it
            res = locked.get(fill(route.path, {"fmt": "jsonl", **UNKNOWN}), params={"q": "x"})
            assert_error(res, 401)
            covered.add((route.path, method))
    missing = {(r.path, m) for r, m in api_routes(app)} - covered
    assert not missing, f"routes without an error case: {sorted(missing)}"


def test_upload_limits_and_method_errors(db):
    client = TestClient(create_app(db, token=TOKEN, max_upload=5_000))
    err = assert_error(client.post("/api/upload", headers=AUTH, files={"file": ("big.txt", b"a" * 6_000, "text/plain")}), 413)
    assert "big.txt" in err["message"] and "too large" in err["message"]
    assert_error(client.post("/api/documents", headers=AUTH, json={"text": "ن" * 6_000}), 413)
    assert_error(client.post("/api/upload", headers=AUTH), 422)  # no file
    assert_error(client.put("/api/stats"), 405)
    assert_error(client.get("/api/no/such/route"), 404)


@pytest.mark.parametrize("path", ["/api/stats", "/api/documents", "/api/entities", "/api/events", "/api/search?q=x",
                                  "/api/graph", "/api/export/jsonl", "/api/corrections", "/", "/timeline"])
def test_read_token_protects_everything(db, path):
    client = TestClient(create_app(db, token=TOKEN, read_token=True))
    assert_error(client.get(path), 401)
    assert client.get(path, headers=AUTH).status_code == 200
