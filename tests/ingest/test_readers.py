import gzip
import json
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import process
from marsad.ingest.decode import decode
from marsad.ingest.readers import iter_records

ARABIC = "أعلنت الوزارة اليوم عن توقيع اتفاقية جديدة في مجال الذكاء الاصطناعي مع شركائها."


def records(path):
    return list(iter_records(path))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso-8859-6"])
def test_encodings_detected(tmp_path, encoding):
    p = tmp_path / f"a_{encoding}.txt"
    p.write_bytes(ARABIC.encode(encoding))
    (rec,) = records(p)
    assert rec.raw == ARABIC


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02\x03binary\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_bad_bytes_named_with_reason(data, reason):
    with pytest.raises(InputError) as err:
        decode(data, "bad.bin")
    assert "bad.bin" in err.value.one_line() and reason in err.value.reason


def test_jsonl_bad_line_reported_and_rest_read(tmp_path):
    p = tmp_path / "n.jsonl.gz"
    lines = [json.dumps({"id": "a", "text": ARABIC, "published": "2018-02-18T21:35:43+04:00"}),
             "{broken", json.dumps({"title": "no text"}), json.dumps({"text": ARABIC + " ثانية"})]
    p.write_bytes(gzip.compress("\n".join(lines).encode()))
    recs = records(p)
    errors = [r for r in recs if isinstance(r, InputError)]
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "3"]
    assert "malformed JSON" in errors[0].reason and "'text'" in errors[1].reason
    assert [r.doc_id for r in recs if not isinstance(r, InputError)] == ["a", None]


def test_trec_documents(tmp_path):
    p = tmp_path / "c.xml"
    p.write_text("<DOC>\n<DOCNO>X1</DOCNO>\n<TEXT>\n" + ARABIC + "\n</TEXT>\n</DOC>\n<DOC><DOCNO>X2</DOCNO></DOC>",
                 encoding="utf-8")
    recs = records(p)
    assert recs[0].doc_id == "X1" and recs[0].raw == ARABIC
    assert isinstance(recs[1], InputError) and "X2" in recs[1].source


def test_oversize_file_rejected(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_BYTES", "100")
    p = tmp_path / "big.txt"
    p.write_text(ARABIC * 5, encoding="utf-8")
    (err,) = records(p)
    assert isinstance(err, InputError) and "too large" in err.reason


def test_html_extraction_maps_to_raw_html():
    from pathlib import Path
    html = (Path(__file__).resolve().parents[2] / "examples" / "03_un_resolution.html").read_text(encoding="utf-8")
    doc = process(html, source="x.html", html=True)
    assert doc.title.startswith("الجمعية العامة") and doc.published == "2024-03-22"
    assert "التعليقات" not in doc.text and "جميع الحقوق" not in doc.text and "trackPageView" not in doc.text
    for tok in doc.spans("tokens"):
        a, b = doc.raw_span(tok)
        raw = doc.raw[a:b]
        assert raw == doc.span_text(tok) or raw == "&amp;"


def test_malformed_html_does_not_crash():
    doc = process("<html><body><p>" + ARABIC + "<div><<>>&bogus;</p></span>", source="m.html", html=True)
    assert "الذكاء الاصطناعي" in doc.text


def test_published_iso_datetime_kept_as_date():
    doc = process(ARABIC, published="2018-02-18T21:35:43+04:00")
    assert doc.published == "2018-02-18" and doc.meta["published_raw"].startswith("2018-02-18T")


def test_ingest_with_worker_processes_gives_the_same_store(tmp_path):
    """Two annotation processes: same documents, same errors, same annotations as one."""
    from marsad.ingest.runner import ingest
    from marsad.store import open_store

    examples = str(Path(__file__).resolve().parents[2] / "examples")
    out = {}
    for n in (1, 2):
        db = str(tmp_path / f"w{n}.db")
        with open_store(db) as store:
            report = ingest([examples], store, workers=n)
            docs = {did: store.get(did).to_json() for did in store.iter_ids()}
            for d in docs.values():
                d.pop("ingested_at", None)
            out[n] = (report.new, [e.source for e in report.errors], docs,
                      store.conn.execute("SELECT count(*) FROM events").fetchone()[0])
    assert out[1][0] == out[2][0] >= 10 and out[1][1] == out[2][1] and out[1][1]
    assert out[1][2] == out[2][2] and out[1][3] == out[2][3]


def test_sidecar_gives_the_publication_date_title_and_metadata(tmp_path):
    from marsad.ingest import process_record
    from marsad.ingest.readers import expand
    from marsad.pipeline import build

    (tmp_path / "a.txt").write_text("أعلنت الوزارة أمس الأحد عن توقيع اتفاقية جديدة.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"published": "2025-02-10", "title": "عنوان", "url": "https://example.org/a", "outlet": "مثال"}),
        encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"text": "a JSON document, not a sidecar"}', encoding="utf-8")
    assert [p.name for p in expand([str(tmp_path)])] == ["a.txt", "b.meta.json"]
    (rec,) = records(tmp_path / "a.txt")
    assert (rec.published, rec.title, rec.url, rec.meta) == ("2025-02-10", "عنوان", "https://example.org/a",
                                                           {"outlet": "مثال"})
    doc = process_record(rec, build(["segment", "dates"]))
    (date,) = [s for s in doc.spans("dates") if "أمس" in doc.text[s.start:s.end]]
    assert date.attrs["value"] == "2025-02-09"


@pytest.mark.parametrize("content", ['{"published": ', "[1, 2]", "\x00\xff"])
def test_a_bad_sidecar_is_reported_and_the_document_still_read(tmp_path, content):
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "a.meta.json").write_bytes(content.encode("latin-1"))
    err, rec = records(tmp_path / "a.txt")
    assert isinstance(err, InputError) and "a.meta.json" in str(err) and "sidecar" in str(err)
    assert rec.raw == ARABIC and rec.published is None
