"""The FTS5 index through the real store: hooks, ranking, highlights, filters, duplicates, deletion."""
import sqlite3

import pytest

from marsad.doc import Document as _Document
from marsad.search.index import SearchIndex, apply_schema, install, similarity, signature, sync
from marsad.search.query import Filters, search
from marsad.store.sqlite import SQLiteStore

class Document(_Document):
    @classmethod
    def from_text(cls, text, **meta):
        meta.setdefault("ingested_at", "2024-08-01T00:00:00+00:00")
        return _Document.from_text(text, **meta)


# Example texts written by us.
T1 = ("وقّعت المملكة المغربية ثلاث اتفاقيات في مجال الذكاء الاصطناعي مع شركاء دوليين. "
      "وتهدف الاتفاقيات إلى تطوير الكفاءات الرقمية.")
T2 = "أعلنت الحكومة عن ميزانية جديدة للفلاحة والري في الجهات الجنوبية."
T3 = ("انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي في اجتماع عقد بباريس. "
      "وقال الوزير إن الانضمام خطوة مهمة.")
T3b = ("انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي في اجتماع عقد بباريس. "
       "وقال الوزير إن الانضمام خطوة مهمة جدا.")


@pytest.fixture()
def store(tmp_path):
    s = SQLiteStore(str(tmp_path / "t.db"))
    install(s)
    docs = [Document.from_text(T1, source="agency-a", published="2024-03-01", lang="ar", title="اتفاقيات رقمية"),
            Document.from_text(T2, source="agency-b", published="2023-05-10", lang="ar"),
            Document.from_text(T3, source="agency-a", published="2024-07-15", lang="ar"),
            Document.from_text(T3b, source="site-c", published="2024-07-16", lang="ar"),
            Document.from_text("Le Maroc a signé des accords sur l'intelligence artificielle.", lang="fr",
                               published="2024-02-02", source="fr-site")]
    s.save_many(docs, "test")
    yield s
    s.close()


def test_hooks_index_at_save_and_results_rank(store):
    assert SearchIndex(store.conn).count() == 5
    res = search(store.conn, "اتفاقيات الذكاء الاصطناعي")
    assert res["hits"][0]["doc_id"] == Document.from_text(T1).id
    ids = [h["doc_id"] for h in res["hits"]]
    assert Document.from_text(T2).id not in ids


def test_highlights_are_offsets_into_the_original_text(store):
    hit = search(store.conn, "اتفاقية الذكاء")["hits"][0]
    text = store.get(hit["doc_id"]).text
    words = [text[a:b] for a, b in hit["snippet"]["highlights"]]
    assert "اتفاقيات" in words and "الذكاء" in words
    sn = hit["snippet"]
    assert text[sn["start"]:sn["end"]] == sn["text"]


def test_near_duplicates_collapse_into_one_result(store):
    res = search(store.conn, "متى انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي؟")
    top = res["hits"][0]
    assert {top["doc_id"], *top["duplicates"]} == {Document.from_text(T3).id, Document.from_text(T3b).id}
    assert all(h["doc_id"] not in top["duplicates"] for h in res["hits"][1:])
    assert len(search(store.conn, "الشراكة العالمية", collapse=0)["hits"]) >= 2


def test_filters_date_lang_source(store):
    q = "الذكاء الاصطناعي"
    assert all(h["published"] >= "2024-07" for h in search(store.conn, q, Filters(date_from="2024-07"))["hits"])
    assert [h["doc_id"] for h in search(store.conn, q, Filters(date_to="2024-03"))["hits"]] == \
        [Document.from_text(T1).id]
    assert search(store.conn, q, Filters(source="site-c"), collapse=0)["hits"][0]["source"] == "site-c"
    fr = search(store.conn, "accord intelligence artificielle", Filters(lang="fr"), lang="fr")["hits"]
    assert len(fr) == 1 and fr[0]["lang"] == "fr"


def test_partial_word_trigram_and_delete(store):
    # a partial name the analyzer cannot stem to the same key is found through the trigram table
    assert search(store.conn, "باريس")["hits"]
    did = Document.from_text(T2).id
    assert search(store.conn, "الفلاحة")["hits"][0]["doc_id"] == did
    store.delete(did)
    assert not any(h["doc_id"] == did for h in search(store.conn, "الفلاحة")["hits"])
    assert store.conn.execute("SELECT count(*) FROM search_docs WHERE doc_id = ?", (did,)).fetchone()[0] == 0


def test_resave_replaces_rows_and_sync_catches_up(tmp_path):
    s = SQLiteStore(str(tmp_path / "u.db"))
    s.save(Document.from_text(T1, lang="ar"), "v1")  # saved before install: not indexed
    assert sync(s) == 1 and sync(s) == 0
    install(s)
    s.save(Document.from_text(T1, lang="ar"), "v2")
    assert s.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 1
    s.close()


def test_bare_connection_and_signatures():
    conn = sqlite3.connect(":memory:")
    apply_schema(conn)
    idx = SearchIndex(conn)
    idx.index_document(Document.from_text(T3, lang="ar"))
    assert idx.search("الشراكة")["hits"][0]["snippet"] is None  # no documents table: no snippet text
    assert similarity(signature(T3.split()), signature(T3b.split())) > 0.5
    assert similarity(signature(T1.split()), signature(T3.split())) < 0.2


def test_seed_articles_through_the_real_pipeline(seed_paths, tmp_path):
    from marsad.ingest import process

    s = SQLiteStore(str(tmp_path / "seeds.db"))
    install(s)
    s.save_many([process(p.read_text(encoding="utf-8"), source=p.name) for p in seed_paths], "test")
    res = search(s.conn, "اتفاقيات الذكاء الاصطناعي")
    assert res["hits"], "seed articles about AI agreements should match"
    for h in res["hits"]:
        doc = s.get(h["doc_id"])
        for a, b in h["snippet"]["highlights"]:
            assert doc.text[a:b].strip() and doc.text[a:b] == doc.text[a:b].strip()
        # snippets come from a sentence of the segmentation layer
        assert any(sp.start <= h["snippet"]["start"] < sp.end for sp in doc.spans("sentences"))
    s.close()


@pytest.mark.parametrize("lang", ["ar", "fr", "en", "es", None])
def test_one_pass_views_agree_with_the_analyzer(lang):
    from marsad.search.analyzer import WORD as _WORD, analyze
    from marsad.search.index import _views
    from marsad.text.keys import TABLE

    text = T1 + " La Banque mondiale (BM) a publié 12 rapports; L'ONU, 2024 — وللمغرب Maroc_Telecom ﻻ " + T3
    terms, light, keys = _views(text, lang or "ar")
    assert terms == analyze(text, lang or "ar")
    assert light == [t.term for t in analyze(text, lang or "ar", light=True)]
    assert keys == {m.group(0).translate(TABLE) for m in _WORD.finditer(text)}
