"""Entity names follow the form the mentions use most (refresh_canonicals)."""
from marsad.ingest import process
from marsad.store import open_store
from marsad.store.kb_write import refresh_canonicals


def _person(c, doc_id, eid, canonical, forms):
    c.execute("INSERT INTO entities(id, type, canonical) VALUES (?, 'PERSON', ?)", (eid, canonical))
    k = 1000 * int(eid[-1], 16)
    for text, n in forms.items():
        for _ in range(n):
            k += 10
            c.execute("INSERT INTO mentions(doc_id, start, end, entity_id, type, text, canonical, why, source) "
                      "VALUES (?, ?, ?, ?, 'PERSON', ?, ?, 'test', 'ner')", (doc_id, k, k + 5, eid, text, canonical))


def test_people_take_their_most_used_full_name(tmp_path):
    with open_store(str(tmp_path / "c.db")) as store:
        doc = process("خبر قصير كتبناه للاختبار.", source="t.txt")
        store.save(doc, "t.txt")
        with store.transaction() as c:
            _person(c, doc.id, "PERSON-a", "صالح محمد صلاح", {"صالح محمد صلاح": 1, "محمد صلاح": 7, "صلاح": 9})
            _person(c, doc.id, "PERSON-b", "سو تشي", {"أون سانغ سو تشي": 3, "سو تشي": 8})
            _person(c, doc.id, "PERSON-c", "بشار الاسد", {"بشار الاسد": 2, "بشار الأسد": 3})   # not twice as often
            _person(c, doc.id, "PERSON-d", "ترامب", {"ترامب": 5})                            # no full name
            _person(c, doc.id, "PERSON-e", "عمرو محمد فوزي", {"عمرو محمد فوزي": 1, "محمد فوزي": 5})
            c.execute("INSERT INTO corrections(kind, target, payload) VALUES ('rename', 'PERSON-e', '{}')")
            assert refresh_canonicals(c) == 2
            got = dict(c.execute("SELECT id, canonical FROM entities WHERE id LIKE 'PERSON-_'"))
    assert got == {"PERSON-a": "محمد صلاح", "PERSON-b": "أون سانغ سو تشي", "PERSON-c": "بشار الاسد",
                   "PERSON-d": "ترامب", "PERSON-e": "عمرو محمد فوزي"}
