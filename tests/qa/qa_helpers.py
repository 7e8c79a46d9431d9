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
