"""The KB evaluator's matching rules on a tiny synthetic article and gold written by us."""
from __future__ import annotations

import hashlib
import json

import pytest

from marsad.errors import UsageError
from marsad.extract import kb_eval
from marsad.extract.kb_eval import _Doc, score_clusters, score_events, score_quotes, score_roles

TEXT = ("التقى وزير الخارجية المغربي ناصر بوريطة نظيره الفرنسي جان إيف لودريان في باريس. "
        "وقال بوريطة: \"نحن ملتزمون بالشراكة\". ووقع البلدان اتفاقية للتعاون الرقمي.")


def _span(s: str, n: int = 1) -> list[int]:
    i = -1
    for _ in range(n):
        i = TEXT.index(s, i + 1)
    return [i, i + len(s)]


def _fake(mentions=(), roles=(), quotes=(), events=()) -> _Doc:
    doc = _Doc.__new__(_Doc)
    doc.text, doc.mentions, doc.roles, doc.quotes, doc.events = TEXT, list(mentions), list(roles), list(quotes), \
        list(events)
    return doc


GOLD = {
    "doc_id": "x", "split": "dev",
    "roles": [{"person": _span("ناصر بوريطة"), "title": _span("وزير الخارجية المغربي"),
               "affiliation": _span("المغربي")},
              {"person": _span("جان إيف لودريان"), "title": _span("نظيره الفرنسي"), "affiliation": _span("الفرنسي")}],
    "quotes": [{"span": _span("نحن ملتزمون بالشراكة"), "speaker": _span("ناصر بوريطة")}],
    "events": [{"type": "MEETING", "trigger": _span("التقى"),
                "args": {"participants": [_span("ناصر بوريطة"), _span("جان إيف لودريان")], "place": [_span("باريس")]}},
               {"type": "AGREEMENT", "trigger": _span("ووقع"), "args": {"parties": [_span("البلدان")]}}],
    "entities": [{"span": _span("ناصر بوريطة"), "type": "PERSON", "cluster": "bourita"},
                 {"span": _span("بوريطة", 2), "type": "PERSON", "cluster": "bourita"},
                 {"span": _span("جان إيف لودريان"), "type": "PERSON", "cluster": "le-drian"},
                 {"span": _span("باريس"), "type": "GPE", "cluster": "city-paris"}],
}


def _role(person, title, aff=None, aff_id=None):
    return {"person_span": _span(person), "title_span": _span(title), "person": person, "person_id": None,
            "affiliation": aff, "affiliation_id": aff_id}


def test_roles_need_person_and_title_overlap_and_affiliations_compare_by_country():
    doc = _fake(roles=[_role("ناصر بوريطة", "وزير الخارجية", "المغرب"),      # title overlaps, country = adjective
                       _role("جان إيف لودريان", "نظيره", "ألمانيا"),          # wrong affiliation
                       _role("باريس", "في")])                                  # false alarm
    r = score_roles([(GOLD, doc)])
    assert (r["p"], r["r"]) == (round(2 / 3, 4), 1.0)
    assert (r["with_affiliation"]["p"], r["with_affiliation"]["r"]) == (round(1 / 3, 4), 0.5)


def test_quote_detection_needs_half_the_gold_span_and_attribution_follows_the_cluster():
    q = _span("نحن ملتزمون بالشراكة")
    half = [q[0], q[0] + (q[1] - q[0]) // 2 - 1]
    assert score_quotes([(GOLD, _fake(quotes=[{"span": half, "speaker": None, "speaker_id": None,
                                                "speaker_span": None}]))])["r"] == 0.0
    # speaker pointed at another mention of the same gold cluster (the surname) is right
    doc = _fake(quotes=[{"span": q, "speaker": "بوريطة", "speaker_id": "E1", "speaker_span": _span("بوريطة", 2)}])
    r = score_quotes([(GOLD, doc)])
    assert (r["f1"], r["attribution_f1"]) == (1.0, 1.0)
    doc = _fake(quotes=[{"span": q, "speaker": "جان إيف لودريان", "speaker_id": "E2",
                         "speaker_span": _span("جان إيف لودريان")}])
    r = score_quotes([(GOLD, doc)])
    assert (r["f1"], r["attribution_f1"]) == (1.0, 0.0)


def _event(etype, trigger, evidence, args=(), status=None, eid="e"):
    return {"id": eid, "type": etype, "trigger": trigger, "evidence": evidence, "status": status,
            "args": [{"role": r, "entity_id": ent, "text": TEXT[s:e], "start": s, "end": e} for r, ent, (s, e) in args]}


def test_events_match_on_type_and_trigger_or_sentence_and_args_need_every_gold_span():
    first = [0, TEXT.index(".") + 1]
    meeting = _event("MEETING", None, first, [("participants", None, _span("ناصر بوريطة")),
                                              ("delegations", None, _span("جان إيف لودريان")),   # synonym role
                                              ("place", None, _span("باريس"))], eid="m")
    wrong_type = _event("LAUNCH", _span("ووقع"), [TEXT.index("ووقع"), len(TEXT)], eid="l")
    r = score_events([(GOLD, _fake(events=[meeting, wrong_type]))])
    assert (r["p"], r["r"]) == (0.5, 0.5)
    assert (r["with_args"]["p"], r["with_args"]["r"]) == (0.5, 0.5)
    thin = _event("MEETING", _span("التقى"), first, [("participants", None, _span("ناصر بوريطة"))], eid="t")
    r = score_events([(GOLD, _fake(events=[thin]))])
    assert r["r"] == 0.5 and r["with_args"]["r"] == 0.0


def test_cluster_pairs_count_found_mentions_only():
    m = [(*_span("ناصر بوريطة"), "P1", "PERSON"), (*_span("بوريطة", 2), "P1", "PERSON"),
         (*_span("جان إيف لودريان"), "P1", "PERSON")]           # over-merged; Paris not found
    r = score_clusters([(GOLD, _fake(mentions=m))])
    assert (r["found"], r["mentions"], r["coverage"]) == (3, 4, 0.75)
    assert (r["gold_pairs"], r["system_pairs"]) == (1, 3)
    assert (r["p"], r["r"]) == (round(1 / 3, 4), 1.0)


def test_end_to_end_on_a_written_article(tmp_path, monkeypatch):
    """The whole evaluator: reads the source, checks the sha1, ingests, scores; a changed text is an error."""
    shared = tmp_path / "shared"
    (shared / "corpus").mkdir(parents=True)
    (shared / "corpus" / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    monkeypatch.setenv("MARSAD_SHARED", str(shared))
    from marsad.ingest.readers import iter_records
    from marsad.ingest import process_record
    from marsad.pipeline import default

    doc = process_record(next(iter_records(shared / "corpus" / "a.txt")), default())
    assert doc.text == TEXT
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    g = {**GOLD, "doc_id": doc.id, "source": "corpus/a.txt", "annotator": "a",
         "text_sha1": hashlib.sha1(TEXT.encode()).hexdigest()}
    (gold_dir / f"a_{doc.id}.json").write_text(json.dumps(g), encoding="utf-8")
    res = kb_eval.evaluate(gold_dir, "dev")
    assert res["articles"] == 1
    assert res["roles"]["r"] >= 0.5 and res["clusters"]["found"] >= 3
    with pytest.raises(UsageError, match="no gold articles"):
        kb_eval.evaluate(gold_dir, "test")
    (gold_dir / f"a_{doc.id}.json").write_text(json.dumps({**g, "text_sha1": "0" * 40}), encoding="utf-8")
    with pytest.raises(UsageError, match="cleaned text .* changed"):
        kb_eval.evaluate(gold_dir, "dev")


def test_event_precision_counts_events_of_each_document_apart():
    first = [0, TEXT.index(".") + 1]
    ev = _event("MEETING", _span("التقى"), first, eid="same-id")
    other = {**GOLD, "doc_id": "y"}
    r = score_events([(GOLD, _fake(events=[ev])), (other, _fake(events=[ev]))])
    assert (r["p"], r["system"]) == (1.0, 2)


def test_affiliation_and_speaker_keys_ignore_the_article_and_fold_countries():
    from marsad.extract.kb_eval import _key

    assert _key("للجامعة العربية") == _key("جامعة العربية")
    assert _key("الأمريكية") == _key("الولايات المتحدة") == "US"
    assert _key("الإيراني") == _key("إيران")
