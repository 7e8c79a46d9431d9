import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from marsad.cli.main import app

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "marsad" / "schema" / "extract.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


def marsad(*args):
    """Run the real entry point in a subprocess (stdout, stderr, status)."""
    p = subprocess.run([sys.executable, "-m", "marsad.cli.main", *args], capture_output=True, text=True)
    return p.stdout, p.stderr, p.returncode


def check_contract(obj):
    jsonschema.validate(obj, SCHEMA)
    text = obj["text"]
    for layer in ("entities", "dates", "figures", "quotes", "events", "topics"):
        for item in obj[layer]:
            assert text[item["start"]:item["end"]] == item["text"], (layer, item)
    for w in obj["warnings"]:
        assert 0 <= w["start"] <= w["end"] <= len(text)


def test_extract_seeds_valid_json_lines(seed_paths):
    out, err, rc = marsad("extract", *map(str, seed_paths))
    assert rc == 0, err
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(seed_paths)
    for obj in objs:
        check_contract(obj)
        assert "زر الذهاب إلى الأعلى" not in obj["text"] and "المحتوى محمي" not in obj["text"]


def test_extract_examples_and_broken_line_reported():
    out, err, rc = marsad("extract", str(REPO / "examples"), "--published", "2025-07-03")
    assert rc == 1
    (line,) = err.strip().splitlines()
    assert line.startswith(f"marsad: skipped {REPO / 'examples' / '05_news.jsonl'}:4: malformed JSON line (Expecting value")
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == 10
    for obj in objs:
        check_contract(obj)
    langs = {o["lang"] for o in objs}
    assert langs == {"ar", "fr"}


def test_user_errors_are_one_line(tmp_path):
    out, err, rc = marsad("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"))
    assert rc == 2 and err.count("\n") == 1 and "Traceback" not in err and "missing.txt" in err
    out, err, rc = marsad("show", "abc", "--db", str(tmp_path / "x.db"))
    assert rc == 2 and err.count("\n") == 1 and "abc" in err
    out, err, rc = marsad("ingest", str(REPO / "examples"), "--published", "yesterday", "--db", str(tmp_path / "x.db"))
    assert rc == 2 and "--published" in err and err.count("\n") == 1
    bad_db = tmp_path / "notadb.db"
    bad_db.write_bytes(b"this is not sqlite" * 100)
    out, err, rc = marsad("stats", "--db", str(bad_db))
    assert rc == 2 and "notadb.db" in err and "Traceback" not in err


def test_ingest_show_stats(tmp_path, monkeypatch):
    db = str(tmp_path / "d.db")
    out, err, rc = marsad("ingest", str(REPO / "examples"), "--db", db)
    assert rc == 1 and "10 new" in err and "1 skipped" in err
    monkeypatch.setenv("MARSAD_DB", db)
    res = runner.invoke(app, ["stats", "--json"])
    st = json.loads(res.output)
    assert st["documents"] == 10 and st["languages"] == {"ar": 9, "fr": 1}
    from marsad.store import open_store
    with open_store(db) as store:
        some = next(store.iter_ids())
    res = runner.invoke(app, ["show", some[:8]])
    assert res.exit_code == 0 and f"id: {some}" in res.output


def test_help_and_version():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0 and "ingest" in res.output and "extract" in res.output
    res = runner.invoke(app, ["--version"])
    assert res.output.startswith("marsad ")
