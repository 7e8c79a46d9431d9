"""The QA pool spec (qa_pool.json): the first news corpus, and more corpora named by "more_news"."""
import gzip
import json

from marsad.qa.evaluate import pool_records


def _corpus(path, ids):
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in ids:
            fh.write(json.dumps({"id": i, "title": "عنوان", "text": f"نص كتبناه للاختبار رقم {i}."}, ensure_ascii=False) + "\n")


def _shared(tmp_path, monkeypatch):
    (tmp_path / "corpus" / "seeds").mkdir(parents=True)
    (tmp_path / "corpus" / "seeds" / "a.txt").write_text("بذرة.", encoding="utf-8")
    (tmp_path / "corpus" / "seeds" / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "data").mkdir()
    _corpus(tmp_path / "data" / "ant.jsonl.gz", [f"ant-{i}" for i in range(10)])
    _corpus(tmp_path / "data" / "ma.jsonl.gz", [f"ma-{i}" for i in range(5)])
    monkeypatch.setenv("MARSAD_SHARED", str(tmp_path))


def test_single_corpus_spec_still_works(tmp_path, monkeypatch):
    _shared(tmp_path, monkeypatch)
    seeds, recs = pool_records({"seeds": "corpus/seeds", "news": {"file": "data/ant.jsonl.gz", "ids": ["ant-3"], "every": 4}})
    assert [p.rsplit("/", 1)[1] for p in seeds] == ["a.txt"]
    assert [r["id"] for r in recs] == ["ant-0", "ant-3", "ant-4", "ant-8"]


def test_more_news_adds_other_corpora(tmp_path, monkeypatch):
    _shared(tmp_path, monkeypatch)
    spec = {"seeds": "corpus/seeds", "news": {"file": "data/ant.jsonl.gz", "ids": ["ant-1"]},
            "more_news": [{"file": "data/ma.jsonl.gz", "ids": ["ma-2", "ma-4", "ma-9"]}]}
    _, recs = pool_records(spec)
    assert [r["id"] for r in recs] == ["ant-1", "ma-2", "ma-4"]


def test_shipped_spec_names_the_moroccan_articles():
    from marsad.qa.evaluate import POOL
    spec = json.loads(POOL.read_text(encoding="utf-8"))
    assert spec["more_news"][0]["file"].endswith("marsum-goud-moroccan.jsonl.gz")
    assert len(spec["more_news"][0]["ids"]) >= 4


def _unanswerable(qid, split):
    return {"id": qid, "question": "متى زار وزير كتبناه بلدا لم نذكره؟", "type": "when", "answers": [],
            "answerable": False, "split": split}


def test_blind_split_is_read_only_when_named(tmp_path):
    from marsad.qa.evaluate import evaluate_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(_unanswerable(q, s), ensure_ascii=False) + "\n"
                            for q, s in [("q1", "dev"), ("q2", "test"), ("q3", "test2")]), encoding="utf-8")
    db = str(tmp_path / "empty.db")
    assert set(evaluate_gold(gold, db=db)["splits"]) == {"dev", "test"}
    assert set(evaluate_gold(gold, db=db, splits=["test2"])["splits"]) == {"test2"}


def test_shipped_spec_names_the_test2_articles():
    from marsad.qa.evaluate import POOL, load_gold
    spec = json.loads(POOL.read_text(encoding="utf-8"))
    pool_ids = set(spec["news"]["ids"]) | set(spec["more_news"][0]["ids"])
    assert {"AL-internationalNews-1030-20180506", "BB-economy-226-20180830", "marsum-1661"} <= pool_ids
    test2 = [i for i in load_gold() if i["split"] == "test2"]
    assert len(test2) >= 100 and sum(not i["answerable"] for i in test2) >= 25
