"""marsad ask and marsad eval qa from the command line (example corpus written by us)."""
import json

from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.store import open_store

runner = CliRunner()


def test_ask_json_answer_with_citation(examples_db):
    res = runner.invoke(app, ["ask", "أين عقد الاجتماع الوزاري؟", "--db", examples_db, "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out) >= {"answer", "answer_type", "confidence", "citations", "candidates"}
    assert out["answer"] == "باريس" and out["answer_type"] == "GPE"
    c = out["citations"][0]
    with open_store(examples_db) as store:
        assert store.get(c["doc_id"]).text[c["start"]:c["end"]] == c["text"] == "باريس"


def test_ask_list_and_human_output(examples_db):
    res = runner.invoke(app, ["ask", "ما هي الدول التي تقدمت بطلب الانضمام إلى الشراكة العالمية للذكاء الاصطناعي؟",
                              "--db", examples_db])
    assert res.exit_code == 0
    assert res.output.startswith("الجواب: ") and "كازاخستان" in res.output and "المصدر: [" in res.output


def test_ask_says_it_does_not_know(examples_db):
    res = runner.invoke(app, ["ask", "من هو رئيس البنك الدولي؟", "--db", examples_db, "--json"])
    out = json.loads(res.output)
    assert out["answer"] is None and out["citations"] == []
    human = runner.invoke(app, ["ask", "من هو رئيس البنك الدولي؟", "--db", examples_db])
    assert "لا يعرف" in human.output


def test_ask_errors_are_one_line(tmp_path):
    res = runner.invoke(app, ["ask", "متى؟", "--db", str(tmp_path / "none.db")])
    assert res.exit_code != 0
    assert "no database" in str(res.exception) or "no database" in res.output


def test_eval_qa_help_explains():
    res = runner.invoke(app, ["eval", "qa", "--help"])
    assert res.exit_code == 0 and "--qa" in res.output and "unanswerable" in res.output
