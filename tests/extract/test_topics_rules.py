"""Topics: taxonomy as data, clitics and spelling variants, longest match, events get topics."""
from __future__ import annotations

from test_roles_support import make_doc, read_seed

from marsad.doc import Document, Span
from marsad.extract.topics import document_topics, find_topics, make_topics, taxonomy

REQUIRED = {"governance_ethics", "digital_divide_inclusion", "labour_market", "environment_sustainability",
            "agriculture", "intellectual_property", "data_governance", "security_peace", "health", "education",
            "energy", "water", "cybersecurity", "digital_infrastructure", "linguistic_diversity", "open_models",
            "investment", "research_innovation", "startups", "skills_training"}


def test_taxonomy_has_every_theme_with_three_labels():
    topics = {t["id"]: t for t in taxonomy()["topics"]}
    assert REQUIRED <= set(topics)
    assert all(set(t["labels"]) == {"ar", "fr", "en"} and t["terms"]["ar"] for t in topics.values())


def test_clitics_variants_and_offsets():
    text = "ودعا إلى تعزيز للتنوع اللغوي وبالأمن السيبراني وحماية الملكيه الفكرية."
    spans = find_topics(text)
    got = {(s.label, text[s.start:s.end]) for s in spans}
    assert ("linguistic_diversity", "للتنوع اللغوي") in got
    assert ("cybersecurity", "وبالأمن السيبراني") in got
    assert ("intellectual_property", "الملكيه الفكرية") in got


def test_longest_match_wins_and_latin_terms():
    spans = find_topics("بناء البنية التحتية الرقمية و data centers and Open Source models")
    labels = [s.label for s in spans]
    assert labels.count("digital_infrastructure") == 2 and "open_models" in labels
    assert not any(s.label == "digital_infrastructure" and s.end - s.start < 10 for s in spans[:1])


def test_stage_adds_layer_and_event_topics():
    doc = make_doc("وقعت الوزارة اتفاقية مع الجامعة حول الأمن المائي والفلاحة. وتحدث الخبراء عن الصحة.")
    doc.layers["events"] = [Span(0, doc.text.index(". ") + 1, "AGREEMENT", {"args": {}})]
    make_topics()(doc)
    ev = doc.spans("events")[0]
    assert set(ev.attrs["topics"]) == {"water", "agriculture"}
    assert set(document_topics(doc)) == {"water", "agriculture", "health"}
    for s in doc.spans("topics"):
        assert doc.text[s.start:s.end] and s.attrs["terms"]


def test_seed_000_themes(seed_paths):
    doc = Document.from_text(read_seed(seed_paths, "000"))
    make_topics()(doc)
    found = set(document_topics(doc))
    assert {"digital_divide_inclusion", "labour_market", "environment_sustainability", "agriculture",
            "intellectual_property", "data_governance", "research_innovation", "governance_ethics"} <= found
