"""The Arabic analyzer: proclitics, stemming fixes, stop words, offsets, French/English; the
analyzer stamp of a stored index."""
import pytest

from marsad.doc import Document
from marsad.search import analyzer, index
from marsad.search.analyzer import analyze, fingerprint, strip_proclitics, terms
from marsad.search.index import install
from marsad.search.stamp import ensure_current, stored, sync
from marsad.store.sqlite import SQLiteStore


def test_proclitics_and_plural_fixes():
    assert terms("والولايات")[0].startswith("ولاي")
    assert terms("الولاية") == terms("والولايات")
    assert terms("اتفاقيات") == terms("اتفاقية") == terms("الاتفاقية")
    assert terms("بالمغرب") == terms("المغرب") == terms("للمغرب")
    assert terms("للذكاء الاصطناعي") == terms("الذكاء الاصطناعيّ")


def _clear_caches():
    for f in (analyzer.arabic_term, analyzer.arabic_light, analyzer.fingerprint,
              getattr(index, "_word_views", None)):
        if f is not None and hasattr(f, "cache_clear"):
            f.cache_clear()


@pytest.fixture()
def guard():
    """The lone-proclitic guard on, whatever data/stems.json says."""
    analyzer.GUARD[0] = True
    _clear_caches()
    yield
    analyzer.GUARD[0] = None
    _clear_caches()


def test_root_letters_are_not_proclitics(guard):
    # Snowball alone strips a leading و ف ب: وزارة → زار ("visited"), فلسطين → لسط, بطولة → طول
    assert terms("وزارة")[0].startswith("وزار") and terms("وزارة") == terms("الوزارة") == terms("ووزارة")
    assert terms("فلسطين")[0].startswith("فلسط") and terms("وفلسطين") == terms("فلسطين")
    assert terms("بطولة")[0].startswith("بطول") and terms("البطولة") == terms("بطولة")
    assert terms("ولاية")[0].startswith("ولاي") and terms("بريطانيا")[0].startswith("بريطان")
    assert terms("وزير") != terms("زير") and terms("فكرة") != terms("كرة") and terms("بطاقة") != terms("طاقة")


def test_lone_proclitics_stripped_where_the_rest_is_a_word(guard):
    assert terms("وقال") == terms("قال") and terms("وقالت") == terms("قالت")
    assert terms("ومصر") == terms("بمصر") == terms("لمصر") == terms("مصر")
    assert terms("ولبنان") == terms("لبنان") and terms("لصالح") == terms("صالح")
    assert strip_proclitics("بالدم") == "دم"  # ب, then the article
    assert strip_proclitics("لبلديه") == "بلديه"  # ل then ب is no proclitic sequence
    test_proclitics_and_plural_fixes()
    assert fingerprint().startswith("v") and "g-" in fingerprint()


def test_stop_words_dropped_content_words_kept():
    t = terms("متى انضم المغرب إلى الشراكة العالمية؟")
    assert "متي" not in t and len(t) == 4
    assert terms("في من على") == []
    assert terms("مليار دولار") != []  # numbers and currencies are searchable in news


def test_persian_script_letters_fold_to_arabic_ones():
    # ی ک are Persian code points of ي ك; پ گ ڤ are written ب ك ف by Arabic readers
    assert terms("الپاراسیتامول") == terms("الباراسيتامول") == terms("للباراسيتامول")
    assert terms("پاشا") == terms("باشا") and terms("إنگلترا") == terms("إنكلترا")
    assert terms("السوڤييتي") == terms("السوفييتي")
    text = "دواء الپاراسیتامول"
    assert [text[t.start:t.end] for t in analyze(text)] == ["دواء", "الپاراسیتامول"]


def test_offsets_index_the_original_text():
    text = "وقّعت المملكةُ اتفاقيةً، يوم ٢٠٢٤."
    for t in analyze(text):
        assert text[t.start:t.end].strip() == text[t.start:t.end]
        assert t.end > t.start
    assert [text[t.start:t.end] for t in analyze(text)][1] == "المملكةُ"
    assert "2024" in terms(text)


def test_french_and_english_stemmers():
    assert terms("les accords signés", "fr") == terms("accord signé", "fr")
    assert terms("The agreements", "en") == terms("agreement", "en")
    # Arabic words inside a French text still get the Arabic chain
    assert terms("le Maroc (المغرب)", "fr")[-1] == terms("المغرب")[0]


# Example text written by us.
TEXT = "أعلنت وزارة الصحة عن خطة جديدة لدعم المستشفيات في فلسطين."


def _body(s):
    return s.conn.execute("SELECT body FROM search_doc_fts").fetchone()[0]


def test_an_index_built_by_another_analyzer_is_rebuilt_and_reported(tmp_path, capsys):
    s = SQLiteStore(str(tmp_path / "a.db"))
    install(s)
    assert sync(s) == 0 and stored(s.conn) == fingerprint()  # an empty database is stamped as is
    s.save(Document.from_text(TEXT, lang="ar", ingested_at="2024-01-01T00:00:00+00:00"), "v1")
    body = _body(s)
    assert ensure_current(s) == 0 and body == " ".join(terms(TEXT))
    # as another analyzer left it: other terms, and its own stamp
    s.conn.execute("UPDATE search_doc_fts SET body = 'old terms'")
    s.conn.execute("UPDATE search_meta SET value = 'v0-old'")
    assert sync(s) == 1 and _body(s) == body
    assert "re-indexing 1 documents" in capsys.readouterr().err
    assert stored(s.conn) == fingerprint() and sync(s) == 0
    # a database from before the stamp: checked by re-analysing its documents
    s.conn.execute("DELETE FROM search_meta")
    assert ensure_current(s) == 0 and stored(s.conn) == fingerprint()
    s.conn.execute("DELETE FROM search_meta")
    s.conn.execute("UPDATE search_doc_fts SET body = 'old terms'")
    assert ensure_current(s, report=False) == 1 and _body(s) == body
    s.close()


def test_switching_the_guard_on_makes_a_stored_index_stale(tmp_path, capsys):
    s = SQLiteStore(str(tmp_path / "b.db"))
    install(s)
    analyzer.GUARD[0] = False
    _clear_caches()
    try:
        s.save(Document.from_text(TEXT, lang="ar", ingested_at="2024-01-01T00:00:00+00:00"), "v1")
        assert sync(s) == 0 and "زار" in _body(s).split()
        analyzer.GUARD[0] = True
        _clear_caches()
        assert sync(s) == 1 and "وزار" in _body(s).split()
    finally:
        analyzer.GUARD[0] = None
        _clear_caches()
    s.close()


def test_a_read_only_database_is_searched_as_it_is(tmp_path, capsys):
    s = SQLiteStore(str(tmp_path / "c.db"))
    install(s)
    s.save(Document.from_text(TEXT, lang="ar", ingested_at="2024-01-01T00:00:00+00:00"), "v1")
    s.conn.execute("INSERT INTO search_meta(key, value) VALUES ('analyzer', 'v0-old')")
    s.conn.execute("PRAGMA query_only = ON")  # as a read-only file would
    assert ensure_current(s) == 0 and "could not update the search index" in capsys.readouterr().err
    s.close()
