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
