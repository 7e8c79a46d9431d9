"""Events on the seeds with hand-placed entities, dates and figures (str.find of known strings)."""
from __future__ import annotations

from test_roles_support import make_doc, place, read_seed

from marsad.extract.events import extract_events

COUNTERPARTIES_004 = [
    "وزارة التربية الوطنية والتعليم الأولى الرياضة",
    "AI Current",
    "وزارة الانتقال الطاقي والتنمية المستدامة",
    "جامعة محمد السادس متعددة التخصصات التقنية",
    "منظمة التعاون الرقمي بالمملكة العربية السعودية",
    "برنامج الأمم المتحدة للتنمية",
    "مؤسسة القرض الفلاحي",
    "وزارة التعليم العالي والبحث العلمي والابتكار",
]


def test_seed_004_eight_agreements_with_counterparties(seed_paths):
    doc = make_doc(read_seed(seed_paths, "004"), {}, published="2025-07-03")
    ags = [e for e in extract_events(doc) if e.label == "AGREEMENT"]
    assert len(ags) == 8
    assert [e.attrs["args"]["counterparties"][0] for e in ags] == COUNTERPARTIES_004
    assert all(e.attrs["list_count"] == 8 for e in ags)
    assert all(e.attrs["args"]["parties"][0] == "وزارة الانتقال الرقمي وإصلاح الإدارة" for e in ags)
    assert "عمالة الناظور" in ags[-1].attrs["args"]["counterparties"]
    assert not [w for w in doc.spans("warnings") if w.label == "event_count_mismatch"]


def test_seed_004_count_mismatch_warns(seed_paths):
    text = read_seed(seed_paths, "004").replace("توقيع ثمان اتفاقيات", "توقيع تسع اتفاقيات")
    doc = make_doc(text, {})
    assert len([e for e in extract_events(doc) if e.label == "AGREEMENT"]) == 8
    assert [w.attrs["message"] for w in doc.spans("warnings")] == ["announced 9 agreements, listed 8"]


def test_seed_004_conference_with_organiser_and_figures(seed_paths):
    doc = make_doc(read_seed(seed_paths, "004"), {})
    place(doc, "dates", "01 و 02 يوليوز 2025", "DATE", value="2025-07-01/2025-07-02", kind="range")
    for fig, v, unit in [("7 جلسات", 7, "جلسات"), ("130 متدخلا", 130, "متدخل"), ("35 دولة", 35, "دولة")]:
        place(doc, "figures", fig, "FIGURE", value=v, unit=unit, kind="count")
    confs = [e for e in extract_events(doc) if e.label == "CONFERENCE"]
    assert len(confs) == 1
    a = confs[0].attrs["args"]
    assert a["name"] == "المنازرة الوطنية حول الذكاء الاصطناعي"
    assert a["organiser"] == "وزارة الانتقال الرقمي وإصلاح الإدارة"
    assert a["dates"] == ["2025-07-01/2025-07-02"]
    assert {f["value"] for f in a["figures"]} >= {7, 130, 35}


def test_seed_003_meeting_in_washington(seed_paths):
    people = {"أمل الفلاح السغروشني": "PERSON", "ليلى المركاوي": "PERSON", "يوسف عمراني": "PERSON",
              "واشنطن": "GPE"}
    doc = make_doc(read_seed(seed_paths, "003"), people)
    place(doc, "dates", "أمس الاثنين", "DATE", value="2025-03-03", kind="relative")
    meets = [e for e in extract_events(doc) if e.label == "MEETING"]
    assert len(meets) == 1
    m = meets[0].attrs
    assert m["place"] == "واشنطن" and m["date"] == "2025-03-03"
    assert m["participants"][:2] == ["أمل الفلاح السغروشني", "ليلى المركاوي"]
    assert "يوسف عمراني" in m["participants"]


def test_seed_events_types_and_arguments(seed_paths):
    ents = {"المغرب": "GPE", "الشراكة العالمية للذكاء الاصطناعي": "ORG", "باريس": "GPE",
            "الجمعية العامة للأمم المتحدة": "ORG", "إيمانويل ماكرون": "PERSON", "عمر هلال": "PERSON",
            "ليندا توماس-غرينفيلد": "PERSON"}
    got = {}
    for prefix in ("000", "001", "002"):
        doc = make_doc(read_seed(seed_paths, prefix), ents)
        got[prefix] = [(e.label, e.attrs) for e in extract_events(doc)]
    mem = [a for l, a in got["000"] if l == "MEMBERSHIP"]
    assert any(a["args"]["member"] == "المغرب" and a["args"]["status"] == "applied"
               and a["args"]["organisation"] == "الشراكة العالمية للذكاء الاصطناعي" for a in mem)
    launch = [a for l, a in got["001"] if l == "LAUNCH"]
    assert launch and launch[0]["args"]["name"].startswith("مجموعة الأصدقاء الأممية")
    assert {"عمر هلال", "ليندا توماس-غرينفيلد"} <= set(launch[0]["participants"])
    adop = [a for l, a in got["001"] if l == "ADOPTION"][0]["args"]
    assert adop["adopters"] == ["الجمعية العامة للأمم المتحدة"] and adop["supporters_count"] == 125
    adop2 = [a for l, a in got["002"] if l == "ADOPTION"][0]["args"]
    assert adop2["instrument"] == "إعلان" and adop2["signatories_count"] == 60
    conf = [a for l, a in got["002"] if l == "CONFERENCE"][0]
    assert conf["args"]["name"] == "قمة باريس للعمل من أجل الذكاء الاصطناعي" and conf["place"] == "باريس"
