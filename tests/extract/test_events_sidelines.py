"""An event told «على هامش» a conference of the same article takes the conference's date when
its own sentence has none (``events_sidelines.py``); sentences written by us."""
from __future__ import annotations

from marsad.ingest import process

TEXT = ("انعقد المنتدى العربي للبيانات في مدينة سوسة يومي 4 و5 ماي 2024 بمشاركة 30 دولة.\n"
        "وعلى هامش أشغال المنتدى التقى وزير الاقتصاد التونسي سامي الكافي نظيره المغربي كريم التازي.\n"
        "وعلى هامش المنتدى أيضا، التقى الوزير المغربي يوم 10 ماي 2024 رئيس البنك الإفريقي للتنمية.\n")


def _events():
    doc = process(TEXT, source="test", published="2024-05-12")
    return doc, sorted(doc.spans("events"), key=lambda e: e.start)


def test_a_meeting_on_the_sidelines_takes_the_conferences_date():
    doc, evs = _events()
    conf = next(e for e in evs if e.label == "CONFERENCE")
    meetings = [e for e in evs if e.label == "MEETING"]
    assert conf.attrs["date"].startswith("2024-05-04")
    first = meetings[0]
    assert first.attrs["date"] == conf.attrs["date"] and first.attrs["date_source"] == "conference"
    assert first.attrs["during"] == [conf.start, conf.end]
    assert not first.attrs.get("place")   # the venue is not copied: it is no span of the meeting's sentence


def test_a_sideline_event_with_its_own_date_keeps_it():
    doc, evs = _events()
    later = [e for e in evs if e.label == "MEETING" and "10 ماي" in doc.text[e.start:e.end]]
    assert later and later[0].attrs["date"] == "2024-05-10" and "during" not in later[0].attrs
