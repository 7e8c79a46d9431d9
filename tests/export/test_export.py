"""Exports of the examples store: every format parses, offsets point at their text, the CLI writes files."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from marsad.cli.main import app as cli
from marsad.errors import UsageError
from marsad.export import CSV_TABLES, export
from marsad.store import open_store

NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(examples_db):
    s = open_store(examples_db)
    yield s
    s.close()


def text_of(store, doc_id, cache={}):
    if doc_id not in cache:
        cache[doc_id] = store.get(doc_id).text
    return cache[doc_id]


def test_jsonl_has_every_document_with_exact_offsets(store):
    docs = [json.loads(line) for line in "".join(export(store, "jsonl")).splitlines()]
    assert len(docs) == store.count()
    n = 0
    for d in docs:
        assert d["text"] == store.get(d["id"]).text and len(d["sha256"]) == 64
        for layer in ("entities", "dates", "figures", "roles", "quotes", "events", "topics", "warnings"):
            for item in d[layer]:
                assert d["text"][item["start"]:item["end"]] == item["text"]
                n += 1
    assert n > 50


def test_csv_tables(store):
    for table in CSV_TABLES:
        rows = list(csv.DictReader(io.StringIO("".join(export(store, "csv", table)))))
        assert rows, table
    events = list(csv.DictReader(io.StringIO("".join(export(store, "csv", "events")))))
    total, _ = store.events(limit=1)
    assert len(events) == total
    ev = store.events(limit=500)[1]
    by_id = {e["id"]: e for e in ev}
    for row in events:
        e = by_id[row["id"]]
        assert row["type"] == e["type"] and row["doc_id"] == e["doc_id"]
        for a in e["args"]:  # every argument is in its role's column
            assert a["text"] in row[a["role"]].split(" | ")
    quotes = list(csv.DictReader(io.StringIO("".join(export(store, "csv", "quotes")))))
    for q in quotes:
        assert text_of(store, q["doc_id"])[int(q["start"]):int(q["end"])] == q["text"]
    with pytest.raises(UsageError):
        export(store, "csv", "passwords")


def test_graphml_is_valid_and_consistent(store):
    root = ET.fromstring("".join(export(store, "graphml")))
    graph = root.find(f"{NS}graph")
    nodes = {n.get("id") for n in graph.findall(f"{NS}node")}
    edges = graph.findall(f"{NS}edge")
    assert nodes and edges
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    kinds = {e.find(f"{NS}data[@key='kind']").text for e in edges}
    assert "co_occurs" in kinds and len(kinds) > 1


def test_jsonld_schema_org_with_provenance(store):
    ld = json.loads("".join(export(store, "jsonld")))
    assert ld["@context"]["@vocab"] == "https://schema.org/"
    types = {x["@type"] for x in ld["@graph"]}
    assert {"NewsArticle", "Event"} <= types and types & {"Person", "Organization", "Place"}
    ids = {x["@id"] for x in ld["@graph"]}
    checked = 0
    for x in ld["@graph"]:
        prov = x.get("prov:wasDerivedFrom")
        for p in (prov if isinstance(prov, list) else [prov] if prov else []):
            doc = p["prov:wasDerivedFrom"]["@id"]
            assert doc in ids
            sel = p["oa:hasSelector"]
            if "oa:exact" in p:
                assert text_of(store, doc.split("/")[-1])[sel["oa:start"]:sel["oa:end"]] == p["oa:exact"]
                checked += 1
    assert checked > 10


def test_cli_export(examples_db, tmp_path):
    r = CliRunner()
    res = r.invoke(cli, ["export", "--format", "jsonld", "--db", examples_db, "--out", str(tmp_path / "kb.jsonld")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "kb.jsonld").read_text(encoding="utf-8"))["@graph"]
    res = r.invoke(cli, ["export", "-f", "csv", "--db", examples_db, "--out", str(tmp_path / "csv")])
    assert res.exit_code == 0 and sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(f"{t}.csv" for t in CSV_TABLES)
    res = r.invoke(cli, ["export", "-f", "jsonl", "--db", examples_db])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 10
    res = r.invoke(cli, ["export", "-f", "pdf", "--db", examples_db])
    assert res.exit_code != 0
    assert "export" in r.invoke(cli, ["export", "--help"]).output
