"""The learned event verifier (E11): a toy model's refusal drops the event, the shipped model's
sha256 is checked when it loads, and the features the training script uses are deterministic.
Sentences written by us."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from marsad.extract import events_verifier as ev_ver
from marsad.ingest import process

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("التقى وزير الخارجية المغربي ناصر بوريطة أمس الاثنين في الرباط نظيره الإسباني خوسيه مانويل ألباريس.\n"
        "ووقع المغرب وإسبانيا اتفاقية للتعاون في مجال الذكاء الاصطناعي بحضور عدد من المسؤولين.")


def _doc(monkeypatch, how: str = "off"):
    monkeypatch.setenv("MARSAD_EVENT_VERIFIER", how)
    return process(TEXT, source="test", published="2024-05-14")


def _toy(refused_type: str) -> dict:
    """A logistic regression that refuses every event of ``refused_type`` and keeps the others."""
    body = {"model": "lr", "mode": "drop", "threshold": 0.5, "features": [f"ty_{refused_type}"],
            "coef": [-20.0], "mean": [0.0], "scale": [1.0], "bias": 5.0, "priors": {}}
    return {"meta": {"sha256": ev_ver.model_sha(body)}, **body}


def test_the_rules_find_a_meeting_and_an_agreement(monkeypatch):
    labels = {e.label for e in _doc(monkeypatch).spans("events")}
    assert {"MEETING", "AGREEMENT"} <= labels


def test_an_event_the_toy_model_refuses_is_dropped(monkeypatch):
    doc = _doc(monkeypatch)
    evs = list(doc.spans("events"))
    kept = ev_ver.verify(doc, evs, _toy("MEETING"), how="drop")
    assert {e.label for e in kept} == {e.label for e in evs} - {"MEETING"}
    assert all(e.attrs["verifier"] >= 0.5 for e in kept)


def test_in_score_mode_the_refused_event_stays_with_a_lower_confidence(monkeypatch):
    doc = _doc(monkeypatch)
    evs = list(doc.spans("events"))
    before = {e.label: e.attrs["confidence"] for e in evs}
    kept = ev_ver.verify(doc, evs, _toy("MEETING"), how="score")
    meeting = next(e for e in kept if e.label == "MEETING")
    assert len(kept) == len(evs) and meeting.attrs["confidence"] < before["MEETING"]


def test_the_events_stage_applies_the_verifier(monkeypatch):
    monkeypatch.setattr(ev_ver, "model", lambda: _toy("AGREEMENT"))
    labels = {e.label for e in _doc(monkeypatch, "drop").spans("events")}
    assert "MEETING" in labels and "AGREEMENT" not in labels


def test_the_shipped_model_loads_and_its_sha256_is_checked(tmp_path):
    m = ev_ver.load_model()
    assert m is not None and m["meta"]["sha256"] == ev_ver.model_sha({k: v for k, v in m.items() if k != "meta"})
    assert m["meta"]["version"] >= 1 and m["meta"]["training_files"] and "cv" in m["meta"]
    bad = dict(m, threshold=m["threshold"] + 0.1)
    path = tmp_path / "event_verifier.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ev_ver.ModelError):
        ev_ver.load_model(path)


def test_the_shipped_model_gives_a_probability_to_every_event(monkeypatch):
    doc = _doc(monkeypatch)
    m = ev_ver.load_model()
    for f in ev_ver.features(doc, list(doc.spans("events"))):
        assert 0.0 <= ev_ver.prob(m, f) <= 1.0


def test_the_training_features_are_deterministic(monkeypatch):
    sys.path.insert(0, str(ROOT))
    from train.kb_gold.train_event_verifier import matrix, priors

    rows = []
    for _ in range(2):
        doc = _doc(monkeypatch)
        evs = list(doc.spans("events"))
        rows.append([{"group": "g", "type": e.label, "label": 1, "f": f} for e, f in zip(evs, ev_ver.features(doc, evs))])
    assert json.dumps(rows[0], sort_keys=True) == json.dumps(rows[1], sort_keys=True)
    X1, n1 = matrix(rows[0], priors(rows[0]))
    X2, n2 = matrix(rows[1], priors(rows[1]))
    assert n1 == n2 and (X1 == X2).all()
    for r in rows[0]:   # no article words: numbers, and the trigger's lexicon entry (TYPE|ontology phrase)
        assert all(isinstance(v, float) for k, v in r["f"].items() if k != "_entry")
        assert r["f"]["_entry"].split("|")[0] in ev_ver.TYPES


def test_the_lexicon_entry_does_not_depend_on_the_hash_seed():
    """A trigger word that two ontology rows match (الانضمام, انضمام) gets the same entry in every run."""
    import subprocess

    code = ("from marsad.extract.events_verifier import lexicon_entry as e; "
            "print([e(w, (0, len(w))) for w in ('الانضمام', 'انضمام', 'للانضمام', 'لقائها')])")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(outs) == 1 and "MEMBERSHIP|الانضمام" in outs.pop()
