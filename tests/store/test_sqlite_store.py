import json
import signal
import sqlite3
import subprocess
import sys
import time

from marsad.ingest import process as _process
from marsad.ingest.runner import ingest
from marsad.pipeline import build
from marsad.store import open_store


def process(text, **kw):
    """Documents with sentences and tokens only, so the tests control the entity layer."""
    return _process(text, pipeline=build(["segment"]), **kw)

ARABIC = "وقعت وزارة الانتقال الرقمي اتفاقية مع برنامج الأمم المتحدة للتنمية في الرباط."


def test_save_get_round_trip(tmp_path):
    doc = process(ARABIC, source="a.txt", published="2025-07-02")
    doc.add("entities", 0, 4, "ORG", canonical="وزارة", entity_id=None)
    with open_store(str(tmp_path / "s.db")) as store:
        store.save(doc, "v1")
        back = store.get(doc.id)
        assert back.to_json() == doc.to_json()
        assert store.stats()["entities"] == {"ORG": 1}
        assert store.resolve_id(doc.id[:6]) == doc.id


def test_resave_replaces_annotations(tmp_path):
    doc = process(ARABIC)
    with open_store(str(tmp_path / "s.db")) as store:
        store.save(doc, "v1")
        doc.add("entities", 0, 4, "ORG", canonical="x")
        store.save(doc, "v2")
        store.save(doc, "v2")
        assert store.count() == 1
        assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
        assert store.version_of(doc.id) == "v2"


def test_migrations_recorded(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store:
        assert "001_core" in store.stats()["migrations"]
        assert store.migrate() == []
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_ingest_idempotent_and_bad_files_skipped(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    for i in range(3):
        (good / f"{i}.txt").write_text(f"{ARABIC} رقم {i}", encoding="utf-8")
    (good / "bad.txt").write_bytes(b"\x00\x00binary\x00")
    (good / "empty.txt").write_text("")
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        r1 = ingest([str(good)], store)
        r2 = ingest([str(good)], store)
        assert (r1.new, r1.skipped) == (3, 2)
        assert (r2.new, r2.unchanged) == (0, 3)
        assert store.count() == 3


def test_interrupted_ingest_leaves_consistent_db_and_resumes(tmp_path):
    src = tmp_path / "many.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(400):
            fh.write(json.dumps({"id": str(i), "text": f"{ARABIC} الخبر رقم {i}. " * 3}, ensure_ascii=False) + "\n")
    db = str(tmp_path / "s.db")
    cmd = [sys.executable, "-m", "marsad.cli.main", "ingest", str(src), "--db", db, "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.3)
        try:
            n = sqlite3.connect(db, timeout=5).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            n = 0
        if n >= 64:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM layers WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    conn.close()
    assert 0 < partial < 400 and orphans == 0
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{400 - partial} new" in done.stderr
    with open_store(db) as store:
        assert store.count() == 400


def test_changed_model_or_data_reannotates(tmp_path, monkeypatch):
    from marsad.ingest import runner
    src = tmp_path / "a.txt"
    src.write_text(ARABIC, encoding="utf-8")
    db = str(tmp_path / "s.db")
    with open_store(db) as store:
        assert ingest([str(src)], store).new == 1
        assert ingest([str(src)], store).unchanged == 1
        monkeypatch.setattr(runner, "resources_digest", lambda: "retrained")
        again = ingest([str(src)], store)
        assert again.updated == 1 and store.count() == 1
