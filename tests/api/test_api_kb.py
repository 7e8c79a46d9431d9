"""Knowledge-base, search, ask, timeline, graph, corrections and export endpoints on the examples."""
# ruff: noqa: F811  (pytest fixtures imported from the helpers module are redefined as arguments)
import csv
import io
import json
import xml.etree.ElementTree as ET

from api_helpers import AUTH, app, assert_error, client, db  # noqa: F401  (fixtures)


def test_entities_and_entity_page(client):
    res = client.get("/api/entities", params={"limit": 5}).json()
    assert set(res) == {"total", "limit", "offset", "items"} and res["total"] > 5 and len(res["items"]) == 5
    top = res["items"][0]
    assert top["documents"] >= res["items"][-1]["documents"]
    gpe = client.get("/api/entities", params={"type": "GPE", "limit": 200}).json()
    assert gpe["items"] and all(e["type"] == "GPE" for e in gpe["items"])
    e = client.get(f"/api/entities/{top['id']}").json()
    assert e["id"] == top["id"] and e["documents"] == top["documents"]
    for k in ("aliases", "mentions", "co_occurring", "roles", "events", "quotes", "why"):
        assert k in e
    doc = client.get(f"/api/documents/{e['mentions'][0]['doc_id']}").json()
    m = e["mentions"][0]
    assert doc["text"][m["start"]:m["end"]] == m["text"]
    assert any(x["kb_id"] == e["id"] for x in doc["entities"])
    by_name = client.get(f"/api/entities/{e['canonical']}").json()
    assert by_name["id"] == e["id"]


def test_events_filters_and_provenance(client):
    res = client.get("/api/events", params={"limit": 200}).json()
    assert res["total"] == len(res["items"]) > 0
    texts = {}
    for ev in res["items"]:
        if ev["doc_id"] not in texts:
            texts[ev["doc_id"]] = client.get(f"/api/documents/{ev['doc_id']}").json()["text"]
        a, b = ev["evidence"]
        assert texts[ev["doc_id"]][a:b] == ev["evidence_text"]
    etype = res["items"][0]["type"]
    only = client.get("/api/events", params={"type": etype, "limit": 200}).json()
    assert only["items"] and all(e["type"] == etype for e in only["items"])
    dated = client.get("/api/events", params={"from": "2025", "limit": 200}).json()
    assert all(e["date"] >= "2025" for e in dated["items"])
    page2 = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in page2["items"]] == [e["id"] for e in res["items"][2:4]]
    with_arg = next(e for e in res["items"] if any(a["entity_id"] for a in e["args"]))
    eid = next(a["entity_id"] for a in with_arg["args"] if a["entity_id"])
    mine = client.get("/api/events", params={"entity": eid, "limit": 200}).json()["items"]
    assert with_arg["id"] in {e["id"] for e in mine}


def test_quotes_roles_topics(client):
    quotes = client.get("/api/quotes").json()
    roles = client.get("/api/roles").json()
    assert quotes["total"] >= 1 and roles["total"] >= 1
    r = roles["items"][0]
    doc = client.get(f"/api/documents/{r['doc_id']}").json()
    assert doc["text"][r["start"]:r["end"]] == r["text"]
    if r["person_id"]:
        assert client.get("/api/roles", params={"person": r["person_id"]}).json()["total"] >= 1
    topics = client.get("/api/topics").json()["items"]
    assert topics and {"topic", "label_ar", "label_fr", "label_en", "documents", "events"} <= set(topics[0])
    assert any(t["documents"] > 0 for t in topics)


def test_timeline_is_dated_and_ordered(client):
    tl = client.get("/api/timeline").json()
    dates = [e["date"] for e in tl["items"]]
    assert dates and all(dates) and dates == sorted(dates)
    checked = 0
    for t in client.get("/api/topics").json()["items"]:
        if not t["events"]:
            continue
        evs = client.get("/api/events", params={"topic": t["topic"], "limit": 500}).json()["items"]
        by_topic = client.get("/api/timeline", params={"topic": t["topic"]}).json()["items"]
        assert {e["id"] for e in by_topic} == {e["id"] for e in evs if e["date"]}
        assert all(t["topic"] in e["topics"] for e in by_topic)
        checked += len(by_topic)
    assert checked


def test_graph_nodes_and_edges(client):
    g = client.get("/api/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert g["edges"] and all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    kinds = {e["kind"] for e in g["edges"]}
    assert "co_occurs" in kinds and kinds - {"co_occurs"}  # event relations and co-occurrence
    event_edge = next(e for e in g["edges"] if e["kind"] != "co_occurs")
    assert event_edge["event_ids"]
    around = client.get("/api/graph", params={"entity": event_edge["source"]}).json()
    assert all(event_edge["source"] in (e["source"], e["target"]) for e in around["edges"])
    none = client.get("/api/graph", params={"cooccur": 0}).json()
    assert all(e["kind"] != "co_occurs" for e in none["edges"])


def test_search_with_snippets_and_filters(client):
    res = client.get("/api/search", params={"q": "الذكاء الاصطناعي", "limit": 3}).json()
    assert res["hits"] and len(res["hits"]) <= 3
    h = res["hits"][0]
    doc = client.get(f"/api/documents/{h['doc_id']}").json()
    sn = h["snippet"]
    assert doc["text"][sn["start"]:sn["end"]] == sn["text"] and sn["highlights"]
    fr = client.get("/api/search", params={"q": "intelligence", "lang": "fr"}).json()
    assert all(x["lang"] == "fr" for x in fr["hits"])


def test_ask_answers_with_a_citation_inside_its_document(client):
    res = client.get("/api/ask", params={"q": "من وقع الإعلان الختامي لقمة العمل من أجل الذكاء الاصطناعي؟"}).json()
    assert res["citations"], res
    c = res["citations"][0]
    doc = client.get(f"/api/documents/{c['doc_id']}").json()
    assert doc["text"][c["start"]:c["end"]] == c["text"]
    assert [c["start"], c["end"]] in doc["sentences"] or res["mode"] == "search"
    if res["answer"]:
        a, b = c["answer_span"]
        assert doc["text"][a:b] == res["answer"] or res["answer"] in doc["text"]


def test_corrections_need_the_token_apply_and_withdraw(client):
    e = client.get("/api/entities", params={"type": "GPE", "limit": 1}).json()["items"][0]
    body = {"kind": "retype", "target": e["id"], "payload": {"type": "LOC"}}
    assert_error(client.post("/api/corrections", json=body), 401)
    assert_error(client.post("/api/corrections", json=body, headers={"Authorization": "Bearer nope"}), 401)
    res = client.post("/api/corrections", json=body, headers=AUTH)
    assert res.status_code == 201, res.text
    cid = res.json()["id"]
    assert client.get(f"/api/entities/{e['id']}").json()["type"] == "LOC"
    assert any(c["id"] == cid for c in client.get("/api/corrections").json()["items"])
    assert_error(client.post("/api/corrections", json={**body, "payload": {"type": "ALIEN"}}, headers=AUTH), 400)
    assert_error(client.post("/api/corrections", json={**body, "kind": "explode"}, headers=AUTH), 422)
    assert_error(client.post("/api/corrections", json={**body, "target": "nope:none"}, headers=AUTH), 404)
    assert_error(client.delete(f"/api/corrections/{cid}"), 401)
    assert client.delete(f"/api/corrections/{cid}", headers=AUTH).json() == {"id": cid, "deleted": True}
    assert_error(client.delete(f"/api/corrections/{cid}", headers=AUTH), 404)


def test_exports_over_the_api(client):
    lines = client.get("/api/export/jsonl").text.splitlines()
    assert len(lines) == client.get("/api/stats").json()["documents"]
    doc = json.loads(lines[0])
    assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["entities"])
    res = client.get("/api/export/csv", params={"table": "events"})
    assert res.headers["content-type"].startswith("text/csv") and "attachment" in res.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(res.text)))
    assert len(rows) == client.get("/api/events", params={"limit": 1}).json()["total"]
    root = ET.fromstring(client.get("/api/export/graphml").content)
    assert root.tag.endswith("graphml")
    ld = client.get("/api/export/jsonld").json()
    assert ld["@context"]["@vocab"] == "https://schema.org/" and ld["@graph"]
    assert_error(client.get("/api/export/pdf"), 422)
    assert_error(client.get("/api/export/csv", params={"table": "secrets"}), 422)


def test_month_counts_match_the_timeline(client):
    months = client.get("/api/timeline/months").json()["items"]
    tl = client.get("/api/timeline", params={"limit": 2000}).json()["items"]
    assert sum(m["events"] for m in months) == sum(1 for e in tl if len(e["date"]) >= 7)
    for m in months:
        assert m["events"] == sum(1 for e in tl if e["date"][:7] == m["month"] and e["type"] == m["type"])
    newest = client.get("/api/timeline", params={"order": "desc"}).json()["items"]
    assert [e["date"] for e in newest] == sorted((e["date"] for e in newest), reverse=True)


def test_cached_views_follow_writes(client):
    before = client.get("/api/stats").json()
    assert client.get("/api/stats").json() == before  # served from the cache
    e = client.get("/api/entities", params={"type": "GPE", "limit": 1}).json()["items"][0]
    n_misc = client.get("/api/entities", params={"type": "MISC"}).json()["total"]
    cid = client.post("/api/corrections", headers=AUTH,
                      json={"kind": "retype", "target": e["id"], "payload": {"type": "MISC"}}).json()["id"]
    assert client.get("/api/entities", params={"type": "MISC"}).json()["total"] == n_misc + 1
    assert client.get("/api/stats").json()["entities"].get("MISC", 0) == before["entities"].get("MISC", 0) + 1
    client.post("/api/corrections", headers=AUTH, json={"kind": "retype", "target": e["id"], "payload": {"type": "GPE"}})
    client.delete(f"/api/corrections/{cid}", headers=AUTH)
    res = client.post("/api/documents", headers=AUTH, json={"text": "خبر جديد عن الذكاء الاصطناعي في تونس اليوم."})
    assert res.status_code == 201
    assert client.get("/api/stats").json()["documents"] == before["documents"] + 1


def test_cache_sees_writes_by_other_processes(client, db):
    import sqlite3

    first = client.get("/api/entities", params={"limit": 1}).json()["items"][0]
    assert client.get("/api/entities", params={"limit": 1}).json()["items"][0] == first  # cached
    other = sqlite3.connect(db)  # e.g. marsad ingest or marsad correct in another process
    other.execute("UPDATE entities SET canonical = ? WHERE id = ?", ("اسم من عملية أخرى", first["id"]))
    other.commit()
    other.close()
    assert client.get("/api/entities", params={"limit": 1}).json()["items"][0]["canonical"] == "اسم من عملية أخرى"
