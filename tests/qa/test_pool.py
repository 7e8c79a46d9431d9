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
