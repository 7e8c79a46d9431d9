"""``train/kb_gold/event_sample.py --corpus``: MArSum (Goud.ma) samples by word and without sports
words, ANT still the default, and a judgment file's ``corpus`` choosing the articles it scores."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from train.kb_gold import event_sample, sampling  # noqa: E402


def _write(path: Path, rows) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def test_exclude_leaves_out_records_with_a_sports_word(tmp_path, monkeypatch):
    rows = [{"id": f"marsum-{i}", "source": "goud.ma", "title": "t", "text": t} for i, t in enumerate([
        "استقبل الوزير سفير البرتغال اليوم بالرباط.",
        "انتهت مباراة الفريقين بالتعادل بعد لقاء قوي.",
        "وقعت الجماعة اتفاقية شراكة مع الجهة.",
        "ذهب الناس إلى السوق.",
    ])]
    _write(tmp_path / "m.jsonl.gz", rows)
    monkeypatch.setattr("marsad.config.shared_dir", lambda: tmp_path)
    monkeypatch.setattr(sampling, "gold_ids", lambda: set())
    got = sampling.sample_records("m.jsonl.gz", None, event_sample.MARSUM_WORDS, 1, 0, 10,
                                  exclude=event_sample.SPORT)
    assert [rid for rid, _ in got] == ["marsum-0", "marsum-2"]
    got = sampling.sample_records("m.jsonl.gz", None, event_sample.MARSUM_WORDS, 1, 0, 10)
    assert [rid for rid, _ in got] == ["marsum-0", "marsum-1", "marsum-2"]   # no exclusion by default


def test_marsum_words_skip_the_social_media_adjective():
    text = "ونشر فيديو على مواقع التواصل الاجتماعي."
    assert not any(w in text for w in event_sample.MARSUM_WORDS)
    assert any(w in "وعقد الاجتماع الأول أمس." for w in event_sample.MARSUM_WORDS)


def test_corpus_option_and_default(monkeypatch):
    seen = {}

    def draw(path, cats, needles, stride, offset, max_docs, exclude=()):
        seen.update(path=path, cats=cats, exclude=exclude)
        return []

    monkeypatch.setattr(sampling, "sample_records", draw)
    event_sample.sample_records(200, 7, 80)
    assert seen == {"path": event_sample.PATH, "cats": event_sample.CATS, "exclude": ()}
    event_sample.sample_records(4, 1, 40, corpus="marsum")
    assert seen == {"path": event_sample.MARSUM, "cats": None, "exclude": event_sample.SPORT}
    assert event_sample.PATHS == {"ant": event_sample.PATH, "marsum": event_sample.MARSUM}


def _shared():
    from marsad.config import shared_dir

    base = shared_dir()
    return base is not None and (base / event_sample.MARSUM).is_file() and (base / event_sample.PATH).is_file()


@pytest.mark.skipif(not _shared(), reason="shared news corpora not found")
def test_judgment_files_name_their_corpus():
    gold = ROOT / "train" / "kb_gold"
    e8a = json.loads((gold / "event_check_e8a.json").read_text(encoding="utf-8"))
    assert e8a["corpus"] == "marsum" and all(d.startswith("marsum-") for d in e8a["docs"])
    for f in gold.glob("event_check_*.json"):   # the ANT files: corpus ant or none
        d = json.loads(f.read_text(encoding="utf-8"))
        if not f.name.startswith("event_check_e8"):
            assert d.get("corpus", "ant") == "ant"
