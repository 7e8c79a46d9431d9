"""Several documents annotated together (``Pipeline.pipe``, used by ``marsad ingest``): the same
layers as one by one, and a bad document is reported and skipped while the others go on."""
from marsad.doc import Document
from marsad.ingest.runner import iter_documents
from marsad.pipeline import Pipeline, StageSpec, default

TEXTS = ["وقّعت المملكة المغربية اتفاقية مع فرنسا في الرباط يوم الاثنين.",
         "قال وزير الخارجية ناصر بوريطة إن المغرب يدعم الحل السياسي في ليبيا.",
         "Le Maroc et la France ont signé un accord à Rabat.",
         "استقبل الملك محمد السادس بالقصر الملكي بالرباط رئيس الوزراء الإسباني بيدرو سانشيز."]


def _layers(doc: Document) -> dict:
    return {name: [(s.start, s.end, s.label, sorted(s.attrs.items(), key=str)) for s in doc.spans(name)]
            for name in doc.layers}


def test_pipe_gives_the_layers_of_one_by_one():
    p = default()
    alone = [_layers(p(Document.from_text(t))) for t in TEXTS]
    together = [_layers(d) for d in p.pipe([Document.from_text(t) for t in TEXTS])]
    assert together == alone
    assert any(s[2] == "PERSON" for d in together for s in d["entities"])


def _failing(batch_fails: bool) -> Pipeline:
    def mark(doc):
        if "BAD" in doc.text:
            raise ValueError("bad document")
        doc.add("marks", 0, 1, "M")

    def piped(doc):
        if "BAD" in doc.text:
            raise ValueError("bad document")
        doc.add("piped", 0, 1, "P")

    def pipe(docs):
        if batch_fails and any("BAD" in d.text for d in docs):
            raise ValueError("bad batch")
        for d in docs:
            d.add("piped", 0, 1, "P")
    piped.pipe = pipe
    specs = [StageSpec("piped", lambda: piped), StageSpec("mark", lambda: mark)]
    return Pipeline(specs, [piped, mark])


def test_a_bad_document_does_not_stop_the_others():
    for batch_fails in (True, False):
        docs = [Document.from_text(t) for t in ("one", "BAD two", "three")]
        out = _failing(batch_fails).pipe(docs)
        assert isinstance(out[1], ValueError)
        assert out[0] is docs[0] and out[2] is docs[2]
        assert [s.label for s in out[2].spans("piped")] == ["P"] and [s.label for s in out[2].spans("marks")] == ["M"]


def test_iter_documents_reports_the_bad_record_in_order(tmp_path):
    for i, t in enumerate(["نص أول", "BAD نص", "نص ثالث"]):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    out = list(iter_documents([str(tmp_path / f"{i}.txt") for i in range(3)], pipeline=_failing(True)))
    assert [type(x).__name__ for x in out] == ["Document", "InputError", "Document"]
    assert out[1].code == "M199" and "1.txt" in out[1].source and "ValueError" in out[1].reason
    assert [s.label for s in out[2].spans("marks")] == ["M"]
