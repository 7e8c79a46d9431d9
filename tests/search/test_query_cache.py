"""The query caches (term positions, idf) never serve a stale index."""
from marsad.doc import Document
from marsad.search.index import install
from marsad.search.query import rank, search
from marsad.store.sqlite import SQLiteStore

# Example texts written by us.
A = "افتتحت الوزارة مركزا جديدا للبيانات في مدينة طنجة لدعم الخدمات الرقمية."
B = "أطلقت الجامعة برنامجا لتكوين المهندسين في الأمن السيبراني بمدينة فاس."


def _doc(text, **kw):
    return Document.from_text(text, lang="ar", ingested_at="2024-01-01T00:00:00+00:00", **kw)


def test_new_and_deleted_documents_seen_by_the_same_connection(tmp_path):
    s = SQLiteStore(str(tmp_path / "c.db"))
    install(s)
    s.save_many([_doc(A)], "t")
    assert [h["doc_id"] for h in search(s.conn, "مركز البيانات طنجة")["hits"]] == [_doc(A).id]
    assert search(s.conn, "الأمن السيبراني فاس")["hits"] == []
    s.save_many([_doc(B)], "t")  # same process, same connection: the caches must move on
    assert [h["doc_id"] for h in search(s.conn, "الأمن السيبراني فاس")["hits"]] == [_doc(B).id]
    s.delete(_doc(B).id)
    assert search(s.conn, "الأمن السيبراني فاس")["hits"] == []
    s.close()


def test_writes_from_another_connection_are_seen(tmp_path):
    path = str(tmp_path / "c2.db")
    reader = SQLiteStore(path)
    install(reader)
    writer = SQLiteStore(path)
    install(writer)
    writer.save_many([_doc(A)], "t")
    first = rank(reader.conn, "مركز البيانات")
    assert len(first) == 1
    writer.save_many([_doc(B + " ويضم البرنامج مركز البيانات الجامعي.")], "t")
    assert len(rank(reader.conn, "مركز البيانات")) == 2
    reader.close()
    writer.close()


def test_a_reused_rowid_gets_fresh_positions(tmp_path):
    from marsad.search.query import features, ranking

    w = {**ranking(), "pairs": 1.0}  # compute the proximity feature even if its weight is 0

    s = SQLiteStore(str(tmp_path / "c3.db"))
    install(s)
    s.save_many([_doc(A)], "t")
    (rid_a, f_a), = features(s.conn, "مركز البيانات طنجة", w=w).items()
    assert f_a["cover"] == 1.0
    s.delete(_doc(A).id)
    s.save_many([_doc(B)], "t")  # SQLite hands the freed rowid to the new row
    (rid_b, f_b), = features(s.conn, "الأمن السيبراني فاس", w=w).items()
    assert rid_b == rid_a
    assert f_b["cover"] == 1.0 and f_b["pairs"] > 0 and f_b["early"] > 0  # stale positions of A would give 0
    s.close()
