"""Fixtures and helpers for the browser tests: a live marsad server on a copy of the examples store,
and headless Chromium through Playwright (imported by the test modules; a conftest.py here would
shadow tests/conftest.py).

Browser tests skip (with the reason) when the Playwright package or a Chromium binary is
missing. The browser is Debian's chromium (``MARSAD_CHROMIUM`` overrides the path); Playwright
never downloads one. Screenshots go to ``$MARSAD_SCREENSHOTS`` (default /tmp/marsad-screens).
"""
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

TOKEN = "web-test-token"
CHROMIUM = os.environ.get("MARSAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("MARSAD_SCREENSHOTS", "/tmp/marsad-screens"))


@pytest.fixture(scope="module")
def live(examples_db, tmp_path_factory):
    """(base URL, db path) of a server with write token TOKEN."""
    import uvicorn

    from marsad.api.app import create_app

    db = str(tmp_path_factory.mktemp("web") / "web.db")
    shutil.copy(examples_db, db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN, max_upload=50_000), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", db
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set MARSAD_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser, live):
    """A fresh browser context; fails the test on any page error or JavaScript dialog."""
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ar")
    pg = ctx.new_page()
    problems = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: m.type == "error" and "Failed to load resource" not in m.text
          and problems.append(f"console: {m.text}"))
    pg.base = live[0]
    pg.problems = problems
    yield pg
    ctx.close()
    assert not problems, problems



def shot(pg, name):
    """Full-page screenshot to SHOTS/name.png (outside the repository)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_page(pg, path, ready):
    """Go to ``path`` and wait until ``ready`` (a selector) is visible."""
    pg.goto(pg.base + path)
    pg.wait_for_selector(ready, timeout=30_000)
