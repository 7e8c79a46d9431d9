import json

import pytest
from hypothesis import given, settings, strategies as st

from marsad.doc import Document, Span, content_id
from marsad.errors import SpanError
from marsad.offsets import translate


def make_doc(raw="مرحبا بالعالم", **kw):
    text, m = translate(raw, {"ـ": ""})
    return Document(raw=raw, text=text, offsets=m, **kw)


def test_id_is_content_hash():
    d = make_doc("نص")
    assert d.id == content_id("نص") and len(d.id) == 16


def test_add_checks_bounds():
    d = make_doc()
    with pytest.raises(SpanError):
        d.add("entities", 0, 999, "GPE")


def test_json_round_trip_is_lossless():
    d = make_doc("أعلنت الوزارة ـ أمس", title="t", published="2025-02-10", lang="ar",
                 source="x.txt", meta={"url": "http://e"})
    d.add("entities", 6, 13, "ORG", canonical="وزارة", entity_id=None)
    d.warn("mixed_script", 0, 5, "test")
    data = json.loads(json.dumps(d.to_json(), ensure_ascii=False))
    d2 = Document.from_json(data)
    assert d2.to_json() == d.to_json()
    assert d2.spans("entities") == [Span(6, 13, "ORG", {"canonical": "وزارة", "entity_id": None})]


def test_from_json_rejects_tampered_span_text():
    d = make_doc()
    d.add("entities", 0, 5, "PERSON")
    data = d.to_json()
    data["layers"]["entities"][0]["text"] = "zzz"
    with pytest.raises(SpanError):
        Document.from_json(data)


def test_contract_shape():
    d = make_doc()
    d.add("entities", 0, 5, "PERSON", canonical="مرحبا", entity_id=None)
    c = d.to_contract()
    assert c["entities"][0] == {"text": "مرحبا", "start": 0, "end": 5, "type": "PERSON",
                                "canonical": "مرحبا", "entity_id": None}
    for key in ("dates", "figures", "roles", "quotes", "events", "topics", "warnings"):
        assert c[key] == []


adversarial = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\u200d", "\u200c", "\u200f", "\u202e", "\u2066", "\u0651", "\u064b",
                         "\u0640", "\ud800", "\udfff", "\ufeff", "ﻻ", "\n", " "]),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(adversarial, st.data())
def test_spans_survive_round_trip_on_adversarial_unicode(raw, data):
    d = make_doc(raw)
    n = len(d.text)
    for _ in range(data.draw(st.integers(0, 5))):
        a = data.draw(st.integers(0, n))
        b = data.draw(st.integers(a, n))
        d.add("tokens", a, b, "T")
    d2 = Document.from_json(json.loads(json.dumps(d.to_json())))
    assert d2.text == d.text and d2.raw == d.raw
    for s in d2.spans("tokens"):
        rs, re_ = d2.raw_span(s)
        assert 0 <= rs <= re_ <= len(raw)
