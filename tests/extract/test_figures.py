"""Figures: digits and words, qualifiers, units, percentages, money; what is not a figure."""
from __future__ import annotations

import pytest

from marsad.doc import Document
from marsad.extract.figures import canonical_unit, find_figures
from marsad.pipeline import build


def figs(text):
    return [(text[f.start:f.end], f.value, f.qualifier, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize("text,expected", [
    ("شارك 130 متدخلا من 35 دولة", [("130", 130, "exact", "متدخل"), ("35", 35, "exact", "دولة")]),
    ("وافقت الدول السبع على البيان", [("السبع", 7, "exact", "دولة")]),
    ("تم توقيع ثمان اتفاقيات أمس", [("ثمان", 8, "exact", "اتفاقية")]),
    ("وقعت ثماني اتفاقيات جديدة", [("ثماني", 8, "exact", "اتفاقية")]),
    ("حضر ثمانية خبراء من الخارج", [("ثمانية", 8, "exact", "خبير")]),
    ("انضمت ست دول أخرى", [("ست", 6, "exact", "دولة")]),
    ("حضر خمسة وتسعين شخصا", [("خمسة وتسعين", 95, "exact", "شخص")]),
    ("وقعتها المنظمات الستين المشاركة", [("الستين", 60, "exact", "منظمة")]),
    ("بلغ عدد الزوار مائة ألف زائر", [("مائة ألف", 100000, "exact", "زائر")]),
    ("بلغ عدد الزوار مئة ألف زائر", [("مئة ألف", 100000, "exact", "زائر")]),
    ("وصل ثلاثة آلاف وخمسمائة لاجئ", [("ثلاثة آلاف وخمسمائة", 3500, "exact", "لاجئ")]),
    ("انضمت أكثر من 50 دولة", [("50", 50, "more_than", "دولة")]),
    ("حضر أزيد من 2000 مشارك", [("2000", 2000, "more_than", "مشارك")]),
    ("شارك ما يزيد عن 70 دولة", [("70", 70, "more_than", "دولة")]),
    ("قتل أقل من 10 أشخاص", [("10", 10, "less_than", "شخص")]),
    ("يعيش نحو 600 ألف شخص في المدينة", [("600 ألف", 600000, "approx", "شخص")]),
    ("حضر حوالي 40 عارضا", [("40", 40, "approx", "عارض")]),
    ("وصل قرابة 300 شخص", [("300", 300, "approx", "شخص")]),
    ("وصل ما يقارب 300 شخص", [("300", 300, "approx", "شخص")]),
    ("قتل 3 أشخاص على الأقل", [("3", 3, "at_least", "شخص")]),
    ("تراجعت بنسبة 40 في المائة", [("40 في المائة", 40, "exact", None)]),
    ("تراجعت بنسبة %40", [("%40", 40, "exact", None)]),
    ("تراجعت بنسبة ٤٠٪", [("٤٠٪", 40, "exact", None)]),
    ("شارك ۳۵ دولة", [("۳۵", 35, "exact", "دولة")]),
    ("بلغت مساحتها 106,78 أمتار مربعة", [("106,78", 106.78, "exact", "متر")]),
])
def test_figures(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize("text,value,code", [
    ("رصد مبلغ مليون درهم للمشروع", 1_000_000, "MAD"),
    ("بلغت الصفقة 20 مليار دولار", 20_000_000_000, "USD"),
    ("منحة قدرها 5 آلاف يورو", 5000, "EUR"),
    ("غرامة قيمتها 6 آلاف دينار تونسي", 6000, "TND"),
    ("رسوم تبلغ 90 ألف جنيه إسترليني", 90000, "GBP"),
])
def test_money(text, value, code):
    (f,) = find_figures(text)
    assert (f.kind, f.value, f.currency) == ("money", value, code)


@pytest.mark.parametrize("text", [
    "قدمت الاستراتيجية الوطنية المغرب الرقمي 2030 أمس",
    "اعتمدت الجمعية القرار 78/265 بالإجماع",
    "اتصلوا على الرقم 0522 45 67 89 للاستفسار",
    "فاز الفريق 3-0 على ضيفه",
    "احتل الفريق المركز 16 في الدوري",
    "سجل الهدف في الدقيقة 70 من المباراة",
    "تحديات القرن الحادي والعشرين كبيرة",
    "عبرت عن ذلك قناة فرانس 24 مساء",
    "فقد الآلاف منازلهم وقتل المئات",
    "وقعت اتفاقية واحدة فقط",
    "احتفل بعيد ميلاده الثلاثين",
    "انعقد المؤتمر يوم 11 فبراير 2025 في باريس",
])
def test_not_figures(text):
    assert figs(text) == []


def test_canonical_unit():
    assert canonical_unit("متدخلا", 130) == "متدخل"
    assert canonical_unit("الدول", 7) == "دولة"
    assert canonical_unit("اتفاقيات", 8) == "اتفاقية"
    assert canonical_unit("من", 5) is None


def test_stage_does_not_count_date_years():
    doc = Document.from_text("انعقدت القمة يوم 11 فبراير 2025 بمشاركة أكثر من 100 دولة.", published="2025-02-12")
    build(["dates", "figures"])(doc)
    (f,) = doc.spans("figures")
    assert doc.text[f.start:f.end] == "100" and f.label == "FIGURE"
    assert f.attrs == {"value": 100, "qualifier": "more_than", "unit": "دولة", "kind": "count"}
    money = Document.from_text("رصدت الحكومة 1.5 مليون درهم.")
    build(["figures"])(money)
    (m,) = money.spans("figures")
    assert m.attrs["currency"] == "MAD" and m.attrs["value"] == 1_500_000


def test_seed_figures(seeds_dir):
    text = (seeds_dir / "004_b048df0e1d7784a9.txt").read_text(encoding="utf-8")
    got = [(text[f.start:f.end], f.value, f.qualifier, f.unit) for f in find_figures(text)]
    assert got == [("7", 7, "exact", "جلسة"), ("14", 14, "exact", "مائدة"), ("130", 130, "exact", "متدخل"),
                   ("35", 35, "exact", "دولة"), ("200", 200, "exact", "شخص"), ("400", 400, "exact", None),
                   ("2000", 2000, "more_than", "مشارك"), ("ثمان", 8, "exact", "اتفاقية"),
                   ("30", 30, "exact", "مقاولة")]
    text = (seeds_dir / "003_66ad7535d1dbfcab.txt").read_text(encoding="utf-8")
    assert find_figures(text) == []      # المغرب الرقمي 2030 is a name; الحادي والعشرين an ordinal
