"""The ingest's process settings: the garbage collector off while ingests run (restored by the last
one), a larger SQLite page cache for the writer (restored after)."""
import gc

from marsad.ingest.runner import _collect_by_batch, ingest
from marsad.store.sqlite import SQLiteStore


def test_collector_restored_by_the_last_of_overlapping_ingests():
    assert gc.isenabled()
    with _collect_by_batch():
        assert not gc.isenabled()
        with _collect_by_batch():          # a second ingest (another API thread) starts …
            gc.freeze()
        assert not gc.isenabled()          # … and ends first: still off for the first one
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with _collect_by_batch():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_ingest_leaves_the_collector_as_it_found_it(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("وقّعت المملكة المغربية اتفاقية في الرباط يوم الاثنين.", encoding="utf-8")
    store = SQLiteStore(str(tmp_path / "x.db"))
    try:
        report = ingest([str(src)], store, progress=False)
    finally:
        store.close()
    assert report.new == 1
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_ingest_restores_the_page_cache(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("وقّعت المملكة المغربية اتفاقية في الرباط يوم الاثنين.", encoding="utf-8")
    store = SQLiteStore(str(tmp_path / "x.db"))
    try:
        before = store.conn.execute("PRAGMA cache_size").fetchone()[0]
        ingest([str(src)], store, progress=False)
        assert store.conn.execute("PRAGMA cache_size").fetchone()[0] == before
    finally:
        store.close()
