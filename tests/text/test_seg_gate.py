import json
from pathlib import Path

from conftest import require_shared
from marsad.text.evaluate import evaluate_conllu

BASELINE = json.loads((Path(__file__).with_name("baseline_seg.json")).read_text())


def test_segmentation_meets_floors_on_ud_pud():
    gold = require_shared("data", "seg", "ud-arabic-pud", "ar_pud-ud-test.conllu")
    res = evaluate_conllu(gold)
    assert res["sentences"]["f1"] >= BASELINE["sentences_f1"]
    assert res["words"]["f1"] >= BASELINE["words_f1"]
    assert res["proclitics"]["f1"] >= BASELINE["proclitics_f1"]
