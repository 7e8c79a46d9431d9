"""User corrections are stored apart, applied at once, and survive re-ingestion."""
import pytest

from marsad.errors import StoreError, UsageError
from marsad.ingest import process
from marsad.store import open_store

TEXT_A = ("وقعت وزارة الانتقال الرقمي وإصلاح الإدارة اتفاقية مع منظمة اليونسكو في الرباط. "
          "وقال الوزير كريم العلوي إن الاتفاقية مهمة.")
TEXT_B = "زار كريم العلوي مقر منظمة اليونسكو في باريس."


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "c.db")
    with open_store(path) as store:
        store.save_many([process(TEXT_A, source="a.txt"), process(TEXT_B, source="b.txt")], "v1")
    return path


def _resave(path):
    """Re-ingestion: the same documents annotated and saved again."""
    with open_store(path) as store:
        store.save_many([process(TEXT_A, source="a.txt"), process(TEXT_B, source="b.txt")], "v2")


def _person(store):
    total, items = store.list_entities(etype="PERSON", q="العلوي")
    return items[0]["id"]


def test_merge_and_rename_survive_reingest(db):
    with open_store(db) as store:
        pid = _person(store)
        other = store.list_entities(q="باريس")[1][0]["id"]
        store.add_correction("rename", pid, {"canonical": "كريم العلوي (وزير)"})
        rabat = store.list_entities(q="الرباط")[1][0]["id"]
        store.add_correction("merge", other, {"into": rabat}, author="test")
        assert store.entity(pid)["canonical"] == "كريم العلوي (وزير)"
    _resave(db)
    with open_store(db) as store:
        rabat = store.list_entities(q="الرباط")[1][0]["id"]
        assert store.entity(pid)["canonical"] == "كريم العلوي (وزير)"
        ma = store.entity(rabat)
        assert "باريس" in ma["aliases"] and ma["documents"] == 2
        assert any("user correction" in w["reason"] for w in ma["why"])
        assert not store.conn.execute("SELECT 1 FROM mentions WHERE entity_id = ?", (other,)).fetchone()


def test_retype_split_and_event_corrections_survive_reingest(db):
    with open_store(db) as store:
        pid = _person(store)
        store.add_correction("retype", pid, {"type": "ORG"})
        m = store.entity(pid)["mentions"][0]
        target = f"{m['doc_id']}:{m['start']}:{m['end']}"
        split = store.add_correction("split", target)
        new_id = split["payload"]["entity_id"]
        _, evs = store.events(etype="AGREEMENT")
        ev = evs[0]["id"]
        store.add_correction("edit_event", ev, {"date": "2025-07-02"})
        _, meets = store.events()
        gone = [e["id"] for e in meets if e["id"] != ev][:1]
        for g in gone:
            store.add_correction("delete_event", g)
    _resave(db)
    with open_store(db) as store:
        assert store.entity(pid)["type"] == "ORG"
        assert store.conn.execute("SELECT entity_id FROM mentions WHERE doc_id = ? AND start = ? AND end = ?",
                                  (m["doc_id"], m["start"], m["end"])).fetchone()[0] == new_id
        e = store.event(ev)
        assert e["date"] == "2025-07-02" and e["corrected"]
        for g in gone:
            with pytest.raises(StoreError):
                store.event(g)
        assert len(store.corrections()) == 3 + len(gone)


def test_bad_corrections_are_clear_errors(db):
    with open_store(db) as store:
        with pytest.raises(UsageError):
            store.add_correction("explode", "x")
        with pytest.raises(StoreError):
            store.add_correction("merge", "PERSON-nothere", {"into": "country:MA"})
        with pytest.raises(UsageError):
            store.add_correction("retype", _person(store), {"type": "ANIMAL"})
        with pytest.raises(UsageError):
            store.add_correction("split", "nonsense")
        assert store.corrections() == []
