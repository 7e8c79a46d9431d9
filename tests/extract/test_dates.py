"""Dates: forms, digits, relative resolution, non-dates, Hijri, the stage, the seeds.

Example sentences here are written by us; the seeds are read from ../shared.
"""
from __future__ import annotations

from datetime import date

import pytest

from marsad.doc import Document
from marsad.extract import hijri
from marsad.extract.dates import find_dates, non_figure_spans
from marsad.pipeline import build

PUB = "2025-02-10T09:00:00+01:00"   # a Monday


def one(text, published=PUB):
    found = find_dates(text, published)
    assert len(found) == 1, (text, found)
    d = found[0]
    return text[d.start:d.end], d.value


@pytest.mark.parametrize("text,surface,value", [
    ("انعقد الاجتماع يوم الثلاثاء 11 فبراير 2025 في الرباط", "يوم الثلاثاء 11 فبراير 2025", "2025-02-11"),
    ("وقع الاتفاق في 3 دجنبر 2024 بالرباط", "3 دجنبر 2024", "2024-12-03"),
    ("زار الوفد تونس في 5 جانفي 2017", "5 جانفي 2017", "2017-01-05"),
    ("عقدت الجلسة في 20 حزيران (يونيو) 2017", "20 حزيران (يونيو) 2017", "2017-06-20"),
    ("صدر القرار في شباط/فبراير 2018 بعد نقاش", "شباط/فبراير 2018", "2018-02"),
    ("تأسست الجمعية سنة 2019 في فاس", "سنة 2019", "2019"),
    ("ولد الكاتب عام 1946 بالقاهرة", "عام 1946", "1946"),
    ("افتتح المعهد 2002م وسط المدينة", "2002م", "2002"),
    ("تنظم الندوة أيام 01 و 02 يوليوز 2025 بالرباط", "01 و 02 يوليوز 2025", "2025-07-01/2025-07-02"),
    ("تقام الدورة من 10 إلى 11 فبراير 2025 بباريس", "من 10 إلى 11 فبراير 2025", "2025-02-10/2025-02-11"),
    ("تولى المنصب من 7 أبريل 2005 إلى 31 مايو 2011 ثم استقال", "من 7 أبريل 2005 إلى 31 مايو 2011",
     "2005-04-07/2011-05-31"),
    ("وقعت الحرب بين عامي 1950 و1953 في شبه الجزيرة", "بين عامي 1950 و1953", "1950/1953"),
    ("صدر العدد بتاريخ 11/02/2025 صباحا", "11/02/2025", "2025-02-11"),
    ("صدر العدد بتاريخ 2025-02-11 صباحا", "2025-02-11", "2025-02-11"),
    ("صدر العدد بتاريخ ١١ فبراير ٢٠٢٥ صباحا", "١١ فبراير ٢٠٢٥", "2025-02-11"),
    ("صدر العدد بتاريخ ۱۱ فبراير ۲۰۲۵ صباحا", "۱۱ فبراير ۲۰۲۵", "2025-02-11"),
    ("اعتقل في الرابع من آذار/مارس 2018 قرب الحدود", "الرابع من آذار/مارس 2018", "2018-03-04"),
])
def test_absolute_forms(text, surface, value):
    assert one(text) == (surface, value)


@pytest.mark.parametrize("text,surface,value", [
    ("أعلنت الوزارة أمس الأحد عن خطة جديدة", "أمس الأحد", "2025-02-09"),
    ("تنطلق القمة اليوم الاثنين في باريس", "اليوم الاثنين", "2025-02-10"),
    ("يصل الوفد غدا الثلاثاء إلى الرباط", "غدا الثلاثاء", "2025-02-11"),
    ("يعقد المجلس اجتماعه الأسبوع المقبل", "الأسبوع المقبل", "2025-02-17/2025-02-23"),
    ("تراجعت الصادرات الشهر الماضي بشكل طفيف", "الشهر الماضي", "2025-01"),
    ("أطلقت المجموعة في يونيو الماضي مبادرة", "يونيو الماضي", "2024-06"),
    ("انطلقت المجموعة في الصيف الماضي بنيويورك", "الصيف الماضي", "2024-06/2024-08"),
    ("تبدأ الأشغال العام المقبل حسب الوزارة", "العام المقبل", "2026"),
    ("ينعقد المؤتمر في فبراير الجاري بمراكش", "فبراير الجاري", "2025-02"),
    ("جرت المباراة السبت الماضي في طنجة", "السبت الماضي", "2025-02-08"),
    ("وقالت الوزارة الخميس إن العمل مستمر", "الخميس", "2025-02-06"),
    ("ومن المقرر أن يصل الوفد مساء الجمعة", "مساء الجمعة", "2025-02-14"),
    ("تنتهي المهلة يوم 19 فبراير الجاري", "19 فبراير الجاري", "2025-02-19"),
])
def test_relative_resolved_against_publication(text, surface, value):
    assert one(text) == (surface, value)


def test_relative_without_publication_is_kept_with_reason():
    for text in ("أعلنت الوزارة أمس الأحد عن خطة", "أطلقت المجموعة في يونيو الماضي مبادرة",
                 "تقام الدورة من 10 إلى 11 فبراير بباريس"):
        (d,) = find_dates(text, None)
        assert d.value is None and d.reason


def test_weekday_mismatch_is_flagged_not_hidden():
    (d,) = find_dates("انعقد يوم الأربعاء 11 فبراير 2025 لقاء", None)
    assert d.value == "2025-02-11" and "الثلاثاء" in d.weekday_mismatch
    (d,) = find_dates("أعلن أمس الاثنين عن الاتفاق", "2025-02-10")
    assert d.weekday_mismatch   # أمس = the 9th, a Sunday


@pytest.mark.parametrize("text", [
    "شارك أزيد من 2000 مشارك ومهتم في المنتدى",
    "قدمت الاستراتيجية الوطنية المغرب الرقمي 2030 أمس",
    "اتصلوا على الرقم 0522 45 67 89 للاستفسار",
    "اعتمدت الجمعية القرار 78/265 بالإجماع",
    "عبرت رئيسة الوزراء تيريزا ماي عن أسفها",
    "العالم اليوم العالمي للمرأة",
])
def test_not_dates(text):
    assert [text[d.start:d.end] for d in find_dates(text, None) if d.value] == []


def test_names_and_resolution_numbers_are_claimed_for_figures():
    text = "قدمت المغرب الرقمي 2030 وصوتت على القرار 78/265 وشاهدت فرانس 24"
    spans = [text[a:b] for a, b in non_figure_spans(text)]
    assert "2030" in spans and "78/265" in spans and "24" in spans


def test_hijri():
    assert hijri.to_gregorian(1446, 9, 1) == date(2025, 3, 1)
    (d,) = find_dates("بدأ الصيام في 1 رمضان 1446هـ", None)
    assert d.value == "2025-03-01"


def test_stage_spans_and_warning():
    doc = Document.from_text("انعقد يوم الأربعاء 11 فبراير 2025 لقاء، وسيعقد آخر العام المقبل.",
                             published="2025-02-10T10:00:00")
    build(["dates"])(doc)
    spans = doc.spans("dates")
    assert [doc.text[s.start:s.end] for s in spans] == ["يوم الأربعاء 11 فبراير 2025", "العام المقبل"]
    assert spans[0].label == "DATE" and spans[0].attrs["value"] == "2025-02-11"
    assert spans[1].attrs == {"value": "2026", "kind": "relative"}
    assert [w.label for w in doc.spans("warnings")] == ["weekday_mismatch"]
    nopub = Document.from_text("سيعقد آخر العام المقبل.")
    build(["dates"])(nopub)
    (s,) = nopub.spans("dates")
    assert s.attrs["value"] is None and s.attrs["reason"]


def test_seed_dates(seeds_dir):
    """Every date of the seeds (seed 000 assumed published on 10 Feb 2025, the summit's Monday)."""
    def dates(name, pub=None):
        text = (seeds_dir / name).read_text(encoding="utf-8")
        return [(text[d.start:d.end], d.value) for d in find_dates(text, pub)]
    assert dates("000_8186850b069f8f5e.txt", "2025-02-10") == [
        ("أمس الأحد", "2025-02-09"), ("اليوم الاثنين", "2025-02-10"), ("دجنبر 2024", "2024-12"),
        ("دجنبر 2025", "2025-12"), ("سنة 2019", "2019"), ("دجنبر 2025", "2025-12")]
    assert dates("001_f36588ac5006b819.txt") == [("الصيف الماضي", None), ("يونيو الماضي", None)]
    assert dates("002_a46060dbdd9eabe7.txt") == [("يوم الثلاثاء 11 فبراير 2025", "2025-02-11")]
    assert dates("003_66ad7535d1dbfcab.txt") == [("أمس الاثنين", None)]
    assert dates("004_b048df0e1d7784a9.txt") == [("01 و 02 يوليوز 2025", "2025-07-01/2025-07-02")]


def test_a_pattern_skipped_for_its_absent_gate_could_not_have_matched():
    from marsad.extract.dates import _gates, _patterns
    from marsad.extract.numbers import fold_text

    text = fold_text("وصل في 12 رمضان 1440 هـ، وفي عام 1441 هجري. في اليوم الأول من شهر مايو 2019 "
                     "وخلال الصيف الماضي ومطلع العام زارها يوم الجمعة الماضي، ثم في 12/05/2019 وفي 2019-05-12، ووصل أمس وغادر اليوم."
                     " وأقيم من 3 إلى 5 يونيو في 7 يوليو، بين 2018 و2020، في أبريل الماضي، في عام 2017 ومنذ 2015.")
    pats, gates = _patterns(), _gates()
    for name, gate in gates.items():
        found = list(pats[name].finditer(text))
        assert found, name
        assert all(gate.search(m.group()) for m in found), name
