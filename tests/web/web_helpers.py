"""Helpers for the browser tests."""
import os
from pathlib import Path

SHOTS = Path(os.environ.get("MARSAD_SCREENSHOTS", "/tmp/marsad-screens"))


def shot(pg, name):
    """Full-page screenshot to SHOTS/name.png (outside the repository)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_page(pg, path, ready):
    """Go to ``path`` and wait until ``ready`` (a selector) is visible."""
    pg.goto(pg.base + path)
    pg.wait_for_selector(ready, timeout=15_000)
