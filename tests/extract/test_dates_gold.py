"""Gates: dates and figures on the gold sets (ids and offsets into ../shared, our annotations)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FIX = Path(__file__).resolve().parents[1] / "fixtures"
FLOORS = json.loads((FIX / "dates_figures_baseline.json").read_text(encoding="utf-8"))


def _need_shared():
    from conftest import require_shared as req
    req("data", "news", "ant-v2.1-multisource.jsonl.gz")
    req("corpus", "seeds")


def _gold(name):
    return [json.loads(x) for x in (FIX / name).read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("name", ["dates_gold.jsonl", "figures_gold.jsonl"])
def test_gold_files_hold_no_article_text(name):
    items = _gold(name)
    assert sum(1 for i in items if i["start"] is not None) >= 300
    allowed = {"corpus", "id", "sent_start", "sent_end", "sent_sha", "start", "end", "sha", "value", "qualifier",
               "unit", "kind", "currency", "split", "assumed_published"}
    for it in items:
        assert set(it) <= allowed, set(it) - allowed
        assert it["corpus"] in {"seeds", "ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz",
                                "marsum-goud-moroccan.jsonl.gz"}


@pytest.fixture(scope="module")
def date_scores():
    _need_shared()
    from marsad.cli.eval_dates import evaluate_dates
    return evaluate_dates()      # also checks that every stored offset still matches the text


@pytest.fixture(scope="module")
def figure_scores():
    _need_shared()
    from marsad.cli.eval_dates import evaluate_figures
    return evaluate_figures()


def test_dates_gate(date_scores):
    r, f = date_scores["marsad"], FLOORS["dates"]
    assert r["gold"] >= f["min_gold"]
    assert r["precision"] >= f["precision"], r["precision"]
    assert r["recall"] >= f["recall"], r["recall"]
    assert r["value_accuracy"] >= f["value_accuracy"], r["value_accuracy"]
    assert r["by_split"]["heldout"]["value_accuracy"] >= f["heldout_value_accuracy"]


def test_dateparser_alone_is_reported_and_weaker(date_scores):
    dp = date_scores["dateparser"]
    if "error" in dp:
        pytest.skip(dp["error"])
    assert dp["gold"] == date_scores["marsad"]["gold"]
    assert dp["value_accuracy"] < FLOORS["dateparser_alone"]["value_accuracy_below"]


def test_figures_gate(figure_scores):
    r, f = figure_scores["marsad"], FLOORS["figures"]
    assert r["gold"] >= f["min_gold"]
    assert r["precision"] >= f["precision"], r["precision"]
    assert r["recall"] >= f["recall"], r["recall"]
    assert r["value_accuracy"] >= f["value_accuracy"], r["value_accuracy"]
    held = [v["value_accuracy"] for k, v in r["by_split"].items() if k.startswith("heldout")]
    assert min(held) >= f["heldout_value_accuracy"], held


@pytest.mark.slow
def test_no_crash_on_news_corpora():
    """Every article of the three news corpora: no exception, every span inside the text."""
    import gzip

    from conftest import require_shared as req
    from marsad.extract.dates import find_dates
    from marsad.extract.figures import find_figures
    for name in ("ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz", "marsum-goud-moroccan.jsonl.gz"):
        with gzip.open(req("data", "news", name), "rt", encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                t = a.get("text") or ""
                d = find_dates(t, a.get("published"))
                for x in d + find_figures(t, d):
                    assert 0 <= x.start < x.end <= len(t)
