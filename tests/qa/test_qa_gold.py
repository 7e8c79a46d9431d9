"""Gate: marsad eval qa on our gold set (the seeds and ANT articles in ../shared) keeps its floors."""
import json
from pathlib import Path

import pytest

from marsad.config import shared_path
from marsad.qa.evaluate import GOLD, POOL, load_gold

BASE = json.loads((Path(__file__).with_name("qa_baseline.json")).read_text(encoding="utf-8"))


def test_gold_file_is_offsets_only_and_well_formed():
    items = load_gold()
    assert len(items) >= 150
    assert sum(not i["answerable"] for i in items) >= 50
    assert {"dev", "test"} <= {i["split"] for i in items} <= {"dev", "test", "test2"}
    kinds = {i["type"] for i in items}
    assert {"who", "when", "where", "how_many", "which", "list", "yesno"} <= kinds
    for i in items:
        assert set(i) == {"id", "question", "type", "answers", "answerable", "split"}
        assert bool(i["answers"]) == i["answerable"]
        for a in i["answers"]:
            assert set(a) == {"doc_id", "start", "end", "sha1"} and 0 <= a["start"] < a["end"]
    assert json.loads(POOL.read_text(encoding="utf-8"))["news"]["ids"]
    assert GOLD.is_file()


@pytest.mark.slow
def test_gold_floors():
    if shared_path("corpus", "seeds") is None or shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz") is None:
        pytest.skip("the QA gold pool needs ../shared (seeds and ANT)")
    from marsad.qa.evaluate import evaluate_gold

    from marsad.qa.evaluate import summarize

    full = evaluate_gold(details=True)  # builds (or reuses) the pool with the current pipeline; checks every span's sha1
    # the floors below were set on q001–q199; the dev questions added later (q200–) are gated
    # with them by the new_* floors, on the whole dev split
    rows = [r for r in full["rows"] if int(r["id"][1:]) <= BASE["gold_last_id"]]
    res = {**summarize(rows), "rows": rows,
           "splits": {s: summarize([r for r in rows if r["split"] == s]) for s in ("dev", "test")}}
    assert res["correct_with_citation"] >= BASE["correct_with_citation"]
    assert res["splits"]["dev"]["correct_with_citation"] >= BASE["dev_correct_with_citation"]
    assert res["splits"]["test"]["correct_with_citation"] >= BASE["test_correct_with_citation"]
    assert res["exact"] >= BASE["exact"]
    assert res["citation_correct"] >= BASE["citation_correct"]
    new_dev = full["splits"]["dev"]
    assert new_dev["correct_with_citation"] >= BASE["new_dev_correct_with_citation"]
    assert new_dev["wrong_on_unanswerable"] <= BASE["new_max_dev_wrong_on_unanswerable"]
    # the first 24 unanswerable questions (q001–q171) keep their ceilings; the 28 harder ones added
    # on 2026-12-05 (q172–q199: the pool's own actors, asked what the pool does not say) are
    # gated, with them, at the rate measured when they were added
    first = [r for r in res["rows"] if not r["answerable"] and int(r["id"][1:]) <= BASE["first_set_last_id"]]
    assert sum(r["answer"] is not None for r in first) / len(first) <= BASE["max_wrong_on_unanswerable"]
    first_dev = [r for r in first if r["split"] == "dev"]
    assert sum(r["answer"] is not None for r in first_dev) / len(first_dev) <= BASE["max_dev_wrong_on_unanswerable"]
    assert res["wrong_on_unanswerable"] <= BASE["max_wrong_on_unanswerable_all"]
    assert res["splits"]["dev"]["wrong_on_unanswerable"] <= BASE["max_dev_wrong_on_unanswerable_all"]
