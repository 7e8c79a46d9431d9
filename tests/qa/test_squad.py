"""marsad eval qa --qa on a small SQuAD-format file written by us."""
import json

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.errors import InputError
from marsad.qa.squad import evaluate_squad

CTX = ("انعقد منتدى إفريقيا للبيانات في مدينة سوسة التونسية يومي 4 و5 ماي 2024، بمشاركة 40 دولة. "
       "وترأست الوزيرة سلمى بن علي الوفد التونسي.")
DATA = {"version": "1.0", "data": [{"title": "t", "paragraphs": [{"context": CTX, "qas": [
    {"id": "1", "question": "أين انعقد منتدى إفريقيا للبيانات؟", "answers": [{"text": "سوسة", "answer_start": 38}]},
    {"id": "2", "question": "كم عدد الدول المشاركة في منتدى إفريقيا للبيانات؟", "answers": [{"text": "40", "answer_start": 80}]},
    {"id": "3", "question": "من هو رئيس البنك الدولي؟", "answers": [{"text": "ديفيد مالباس", "answer_start": 0}]},
]}]}]}


def test_exact_match_and_f1(tmp_path):
    f = tmp_path / "squad.json"
    f.write_text(json.dumps(DATA, ensure_ascii=False), encoding="utf-8")
    res = evaluate_squad([f])
    assert res["pool"] == 1 and res["questions"] == 3
    assert res["exact_match"] == pytest.approx(2 / 3, abs=1e-3) and res["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert res["answered"] == pytest.approx(2 / 3, abs=1e-3)  # the third question is not answered
    out = CliRunner().invoke(app, ["eval", "qa", "--qa", str(f), "--json"])
    assert json.loads(out.output)["f1"] == res["f1"]


def test_not_squad_is_a_one_line_error(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError):
        evaluate_squad([f])
