"""Helpers shared by the API tests (the token and the one error shape)."""
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
