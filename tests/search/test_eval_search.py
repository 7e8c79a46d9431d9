"""Retrieval on ARCD gated by floors, and the search commands end to end."""
import json
from pathlib import Path

from conftest import require_shared
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.search.evaluate import evaluate

FLOORS = json.loads((Path(__file__).with_name("baseline_search.json")).read_text(encoding="utf-8"))
runner = CliRunner()


def test_arcd_retrieval_meets_floors_and_beats_stemmed_bm25():
    require_shared("data", "qa", "arcd", "arcd-test.json")
    res = evaluate()
    assert res["pool"] == 460 and res["questions"] == 702
    for key in ("recall@1", "recall@5", "recall@20", "mrr"):
        assert res[key] >= FLOORS[key], (key, res[key])
    assert res["recall@1"] > FLOORS["stemmed_bm25s_recall@1"]


def test_eval_search_cli_json_on_one_file():
    test = require_shared("data", "qa", "arcd", "arcd-test.json")
    out = runner.invoke(app, ["eval", "search", "--qa", str(test), "--json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert {"recall@1", "recall@5", "recall@20", "mrr", "questions"} <= set(res)
    assert res["questions"] == 702 and res["recall@20"] >= res["recall@5"] >= res["recall@1"] > 0.5


def test_search_cli_on_ingested_seeds(seed_paths, tmp_path):
    db = str(tmp_path / "s.db")
    out = runner.invoke(app, ["ingest", *map(str, seed_paths), "--db", db])
    assert out.exit_code == 0, out.output
    out = runner.invoke(app, ["search", "اتفاقيات الذكاء الاصطناعي", "--db", db, "--json", "--limit", "3"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    assert res["hits"] and res["terms"]
    out = runner.invoke(app, ["search", "الذكاء الاصطناعي", "--db", db, "--from", "2999-01-01"])
    assert out.exit_code == 0 and "no results" in out.output
    out = runner.invoke(app, ["search", "x", "--db", db, "--from", "yesterday"])
    assert out.exit_code != 0
