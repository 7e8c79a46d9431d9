import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.store import open_store

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def db(examples_db):
    return examples_db


def test_entities_lists_by_type(db):
    res = runner.invoke(app, ["entities", "--db", db, "--type", "gpe", "--json"])
    data = json.loads(res.output)
    assert data["items"] and all(e["type"] == "GPE" for e in data["items"])
    assert any(e["canonical"] == "المغرب" and e["documents"] >= 3 for e in data["items"])


def test_entity_gathers_mentions_across_documents(db):
    res = runner.invoke(app, ["entity", "المغرب", "--db", db, "--json"])
    e = json.loads(res.output)
    assert e["type"] == "GPE" and e["documents"] >= 3
    with open_store(db) as store:
        for m in e["mentions"]:
            doc = store.get(m["doc_id"])
            assert doc.text[m["start"]:m["end"]] == m["text"]
    assert any(c["canonical"] == "قمة باريس للعمل من أجل الذكاء الاصطناعي" for c in e["co_occurring"])


def test_unknown_entity_is_a_one_line_error(db):
    import subprocess, sys
    p = subprocess.run([sys.executable, "-m", "marsad.cli.main", "entity", "لا يوجد", "--db", db],
                       capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "لا يوجد" in p.stderr


@pytest.fixture(scope="module")
def seeds(seeds_db):
    return seeds_db


def test_events_filters_and_json(seeds):
    res = runner.invoke(app, ["events", "--db", seeds, "--type", "agreement", "--json", "--limit", "100"])
    data = json.loads(res.output)
    assert data["total"] >= 8 and all(e["type"] == "AGREEMENT" for e in data["items"])
    res = runner.invoke(app, ["events", "--db", seeds, "--entity", "org:gpai", "--json"])
    assert all(any(a["entity_id"] == "org:gpai" for a in e["args"]) for e in json.loads(res.output)["items"])
    res = runner.invoke(app, ["events", "--db", seeds, "--from", "2025-02", "--to", "2025-12", "--json"])
    dates = [e["date"] for e in json.loads(res.output)["items"]]
    assert dates and all("2025-02" <= d[:10] <= "2025-12\uffff" for d in dates)
    res = runner.invoke(app, ["events", "--db", seeds, "--from", "February"])
    assert res.exit_code != 0


def test_timeline_is_chronological(seeds):
    res = runner.invoke(app, ["timeline", "--db", seeds, "--json"])
    dates = [e["date"] for e in json.loads(res.output)["items"]]
    assert dates == sorted(dates) and len(dates) >= 3
    res = runner.invoke(app, ["timeline", "--db", seeds])
    assert "── 2025 ──" in res.output


def test_quotes_by_speaker_and_entity_why(seeds):
    res = runner.invoke(app, ["quotes", "--db", seeds, "--speaker", "أمل الفلاح السغروشني", "--json"])
    data = json.loads(res.output)
    assert data["total"] >= 1 and all(q["speaker"] == "أمل الفلاح السغروشني" for q in data["items"])
    res = runner.invoke(app, ["entity", "السغروشني", "--db", seeds, "--why"])
    assert res.exit_code == 0 and "title reference" in res.output and "roles:" in res.output


def test_correct_command(seeds, tmp_path):
    import shutil
    db = str(tmp_path / "copy.db")
    shutil.copy(seeds, db)
    res = runner.invoke(app, ["correct", "rename", "country:MA", "المملكة المغربية", "--db", db, "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["kind"] == "rename"
    res = runner.invoke(app, ["entity", "country:MA", "--db", db, "--json"])
    assert json.loads(res.output)["canonical"] == "المملكة المغربية"
    res = runner.invoke(app, ["correct", "retype", "country:MA", "--db", db])
    assert res.exit_code != 0
