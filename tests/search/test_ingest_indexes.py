from marsad.search.query import search
from marsad.store import open_store


def test_ingested_documents_are_searchable_at_once(examples_db):
    with open_store(examples_db) as store:
        n_docs = store.count()
        indexed = store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        assert indexed == n_docs
        res = search(store.conn, "اتفاقيات الذكاء الاصطناعي", None, 5, 0)
        assert res["hits"]
        top = store.get(res["hits"][0]["doc_id"])
        assert "اتفاقي" in top.text
