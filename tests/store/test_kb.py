"""The knowledge base on the five seeds: the acceptance checks of the knowledge-base issue."""
import pytest

from marsad.store import open_store

SEGHROUCHNI = "أمل الفلاح السغروشني"


@pytest.fixture(scope="module")
def store(seeds_db):
    with open_store(seeds_db) as s:
        yield s


def test_seghrouchni_gathers_three_articles_title_meeting_and_quote(store):
    e = store.entity(SEGHROUCHNI)
    assert e["type"] == "PERSON" and e["canonical"] == SEGHROUCHNI
    assert e["documents"] >= 3
    assert any("الوزيرة" in r["title"] and "الانتقال الرقمي" in r["title"] for r in e["roles"])
    meetings = [ev for ev in e["events"] if ev["type"] == "MEETING"]
    assert any(ev["place"] == "واشنطن" for ev in meetings)
    assert e["quotes"] and all(q["speaker_id"] == e["id"] for q in e["quotes"])
    for m in e["mentions"]:
        assert store.get(m["doc_id"]).text[m["start"]:m["end"]] == m["text"]
    assert any("title reference" in w["reason"] for w in e["why"])


def test_the_eight_agreements_of_the_national_conference(store):
    total, items = store.events(etype="AGREEMENT", limit=100)
    listed = [ev for ev in items if ev.get("list_count") == 8]
    assert len(listed) == 8
    counterparts = set()
    for ev in listed:
        parties = [a for a in ev["args"] if a["role"] == "counterparties"]
        assert parties, ev
        counterparts.add(parties[0]["text"])
    assert len(counterparts) == 8
    ministry = [a for ev in listed for a in ev["args"] if a["role"] == "parties" and a["entity_id"] == "org:ma-mtnra"]
    assert len(ministry) == 8


def test_event_arguments_and_evidence_point_into_the_text(store):
    _, items = store.events(limit=500)
    assert items
    for ev in items:
        text = store.get(ev["doc_id"]).text
        assert text[ev["evidence"][0]:ev["evidence"][1]] == ev["evidence_text"]
        for a in ev["args"]:
            if a["start"] is not None and a["role"] != "name":
                assert text[a["start"]:a["end"]] == a["text"]


def test_roles_quotes_topics_timeline_graph(store):
    total, roles = store.roles(limit=100)
    assert total >= 5 and any(r["person"] == "عمر هلال" and r["title_id"] == "ambassador" for r in roles)
    barrot = [r for r in roles if r["person"] == "جان نويل بارو"]
    assert barrot and barrot[0]["affiliation_id"] == "country:FR"
    total_q, quotes = store.quotes()
    assert total_q >= 4 and sum(1 for q in quotes if q["speaker"]) >= 3
    topics = {t["topic"]: t for t in store.topics()}
    assert topics["education"]["documents"] >= 1 and topics["education"]["label_en"]
    g = store.graph()
    assert g["edges"] and {e["kind"] for e in g["edges"]} & {"signed_with", "met", "joined"}
    node_ids = {n["id"] for n in g["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in g["edges"])
    _, membership = store.events(etype="MEMBERSHIP", entity="org:gpai")
    assert any(a["entity_id"] == "country:MA" for ev in membership for a in ev["args"])


def test_alias_search_finds_entities(store):
    total, items = store.list_entities(q="الشراكة العالمية", limit=5)
    assert any(e["id"] == "org:gpai" for e in items)
    total, items = store.list_entities(q="GPAI", limit=5)
    assert any(e["id"] == "org:gpai" for e in items)


def test_resolution_does_not_depend_on_ingest_order(tmp_path, seed_paths):
    """The conference release (no name, only «السيدة الوزيرة») ingested first, alone; the
    articles naming the minister later: the title reference is resolved by the later ingest."""
    from marsad.ingest.runner import ingest

    db = str(tmp_path / "order.db")
    release = [str(p) for p in seed_paths if p.name.startswith("004")]
    others = [str(p) for p in seed_paths if not p.name.startswith("004")]
    with open_store(db) as s:
        ingest(release, s)
        assert s.conn.execute("SELECT count(*) FROM pending_refs WHERE kind = 'title'").fetchone()[0] >= 1
        report = ingest(others, s)
        assert report.resolved_again >= 1
        assert s.entity(SEGHROUCHNI)["documents"] >= 3


def test_a_headline_told_again_in_the_body_is_listed_once(tmp_path):
    """The headline's event (same_as the body's) stays in the document's own listing, not in
    corpus listings, timelines or an entity's events; the body's event cites the headline."""
    from marsad.ingest import process

    text = ("المغرب يطلب الانضمام إلى الشراكة العالمية للذكاء الاصطناعي\n\n"
            "أعلنت وزارة الخارجية الفرنسية أمس الأحد أن المغرب تقدم بطلب الانضمام إلى الشراكة العالمية "
            "للذكاء الاصطناعي إلى جانب دول أخرى.\n")
    doc = process(text, source="ours.txt", published="2025-02-10")
    heads = [e for e in doc.spans("events") if e.attrs.get("same_as")]
    assert len(heads) == 1
    with open_store(str(tmp_path / "kb.db")) as s:
        s.save(doc, "test")
        _, own = s.events(doc_id=doc.id)
        _, listed = s.events(etype="MEMBERSHIP")
        assert len(own) == 2 and len(listed) == 1
        body = listed[0]
        assert body["date"] == "2025-02-09" and body["more_evidence"] and "same_as" not in body
        assert [e["id"] for e in s.timeline(etype="MEMBERSHIP")] == [body["id"]]


def test_an_argument_inside_a_resolved_mention_takes_its_entity(store):
    # the seed's «وعلى هامش المنازرة عقدت السيدة الوزيرة عدة لقاءات»: the participant «الوزيرة»
    # stands inside the mention «السيدة الوزيرة» resolved to her, so the meeting is hers, and it
    # takes the conference's dates (events_sidelines)
    e = store.entity(SEGHROUCHNI)
    dated = [ev for ev in e["events"] if ev["type"] == "MEETING" and (ev["date"] or "").startswith("2025-07-01")]
    assert dated and any(a["entity_id"] == e["id"] for a in dated[0]["args"])

