"""Helpers shared by the QA tests: a question with its entities given, and a span's offsets."""
from marsad.qa.question import analyze_question


def question(text, *ents):
    """``analyze_question(text)`` with the entities ``(text, type)`` set as the NER would."""
    q = analyze_question(text)
    q.entities = [{"text": e, "type": t, "start": text.find(e), "end": text.find(e) + len(e)} for e, t in ents]
    return q


def span(text, s, occ=0):
    """Offsets of the ``occ``-th occurrence of ``s`` in ``text``."""
    i = -1
    for _ in range(occ + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def ingested_store(folder, texts):
    """A store in ``folder`` holding ``texts`` (file name → article text written by us), ingested
    with the full pipeline; the caller closes it."""
    from marsad.ingest.runner import ingest
    from marsad.store import open_store

    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    store = open_store(str(folder / "store.db"))
    ingest(paths, store, progress=False)
    return store
