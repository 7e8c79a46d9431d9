"""Events on sentences written by us: each type, list expansion with count check, anaphora."""
from __future__ import annotations

from test_roles_support import make_doc, place

from marsad.extract.events import extract_events, find_triggers, number_value, ontology
from marsad.extract.people import words


def _events(doc):
    return [(e.label, e.attrs) for e in extract_events(doc)]


def test_ontology_is_data_and_numbers():
    assert set(ontology()["types"]) >= {"MEMBERSHIP", "AGREEMENT", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH"}
    assert number_value("ثمان") == 8 and number_value("الستين") == 60 and number_value("12") == 12
    ws = words("وأعلنت تونس رغبتها في الانضمام إلى المنظمة")
    assert [(t[0], t[3]) for t in find_triggers(ws)] == [("MEMBERSHIP", {"status": "applied"})]


def test_membership_joined_with_member_and_organisation():
    doc = make_doc("انضمت السنغال رسميا إلى تحالف البيانات المفتوحة في دكار.",
                   {"السنغال": "GPE", "تحالف البيانات المفتوحة": "ORG", "دكار": "GPE"})
    (label, a), = [e for e in _events(doc) if e[0] == "MEMBERSHIP"]
    assert a["args"]["status"] == "joined" and a["args"]["organisation"] == "تحالف البيانات المفتوحة"
    assert a["place"] == "دكار"


def test_membership_applied_member_before_trigger():
    doc = make_doc("وأكدت الوزارة أن الأردن قدم طلب الانضمام إلى الشبكة الدولية للحوسبة.",
                   {"الأردن": "GPE", "الشبكة الدولية للحوسبة": "ORG"})
    ev = [a for l, a in _events(doc) if l == "MEMBERSHIP"][0]
    assert ev["args"]["member"] == "الأردن" and ev["args"]["status"] == "applied"


def test_agreement_list_one_event_per_item_and_count_check():
    text = ("وقعت الوكالة الوطنية للرقمنة خمس اتفاقيات مع شركاء وطنيين:\n"
            "- اتفاقية مع جامعة الأخوين وتهم البحث في معالجة اللغة العربية.\n"
            "- اتفاقية مع شركة الأطلس للحوسبة تروم بناء مركز بيانات أخضر.\n"
            "- مذكرة تفاهم مع وكالة التنمية الفلاحية ووزارة الصحة من أجل رقمنة الخدمات.\n")
    doc = make_doc(text)
    evs = [(e, doc) for e in extract_events(doc) if e.label == "AGREEMENT"]
    assert len(evs) == 3
    parties = [e.attrs["args"]["counterparties"] for e, _ in evs]
    assert parties == [["جامعة الأخوين"], ["شركة الأطلس للحوسبة"], ["وكالة التنمية الفلاحية", "وزارة الصحة"]]
    assert evs[0][0].attrs["list_count"] == 5 and evs[0][0].attrs["args"]["subject"].startswith("وتهم البحث")
    for e, _ in evs:
        assert doc.text[e.start:e.end].startswith("- ")
        assert doc.text[slice(*e.attrs["trigger"])] in ("اتفاقية", "مذكرة تفاهم")
    (w,) = doc.spans("warnings")
    assert w.label == "event_count_mismatch" and "5" in w.attrs["message"] and "3" in w.attrs["message"]


def test_agreement_single_sentence_with_parties():
    doc = make_doc("وقعت المدرسة العليا للتكنولوجيا اتفاقية شراكة مع مجموعة أوكسيجين لتكوين المهندسين.",
                   {"المدرسة العليا للتكنولوجيا": "ORG", "مجموعة أوكسيجين": "ORG"})
    ev = [a for l, a in _events(doc) if l == "AGREEMENT"][0]
    assert "مجموعة أوكسيجين" in ev["args"]["parties"]


def test_meeting_participants_place_and_sentence_date():
    text = ("أجرى الوزير كمال الودغيري، يوم الخميس، مباحثات بالرباط مع السيدة ماري لوران. "
            "وحضر هذا اللقاء السيد عادل الصقلي.")
    doc = make_doc(text, {"كمال الودغيري": "PERSON", "ماري لوران": "PERSON", "عادل الصقلي": "PERSON",
                          "الرباط": "GPE"})
    place(doc, "dates", "يوم الخميس", "DATE", value="2025-03-06", kind="relative")
    evs = [a for l, a in _events(doc) if l == "MEETING"]
    assert len(evs) == 1
    ev = evs[0]
    assert ev["participants"] == ["كمال الودغيري", "ماري لوران", "عادل الصقلي"]
    assert ev["place"] == "الرباط" and ev["date"] == "2025-03-06" and ev["date_source"] == "sentence"


def test_conference_name_organiser_figures_and_merge():
    text = ("نظمت جمعية المهندسين المؤتمر الدولي حول الحوسبة السحابية بمدينة فاس.\n"
            "وعرف المؤتمر مشاركة 300 باحث من 20 دولة.")
    doc = make_doc(text, {"جمعية المهندسين": "ORG", "فاس": "GPE"})
    place(doc, "figures", "300 باحث", "FIGURE", value=300, unit="باحث", kind="count")
    place(doc, "figures", "20 دولة", "FIGURE", value=20, unit="دولة", kind="count")
    evs = [a for l, a in _events(doc) if l == "CONFERENCE"]
    assert len(evs) == 1
    a = evs[0]["args"]
    assert a["name"] == "المؤتمر الدولي حول الحوسبة السحابية" and a["organiser"] == "جمعية المهندسين"
    assert evs[0]["place"] == "فاس"
    assert {(f["value"], f["unit"]) for f in a["figures"]} == {(300, "باحث"), (20, "دولة")}


def test_adoption_with_supporters_and_sponsors():
    text = ("صادقت الجمعية البرلمانية على ميثاق أخلاقيات البيانات الصحية. "
            "وحظي الميثاق بدعم من 40 دولة، وتم تقديمه برعاية من قبل كندا.")
    doc = make_doc(text, {"الجمعية البرلمانية": "ORG", "كندا": "GPE"})
    ev = [a for l, a in _events(doc) if l == "ADOPTION"][0]
    assert ev["args"]["instrument"].startswith("ميثاق أخلاقيات البيانات الصحية")
    assert ev["args"]["adopters"] == ["الجمعية البرلمانية"] and ev["args"]["supporters_count"] == 40
    assert ev["args"]["sponsors"] == "كندا"


def test_launch_named_object_and_anaphoric_followup():
    text = ("أعلنت الحكومة عن إطلاق منصة الأطلس الرقمية لخدمة المقاولين. "
            "وتم إطلاق المنصة بمبادرة من السيد نبيل الحسني.")
    doc = make_doc(text, {"نبيل الحسني": "PERSON"})
    evs = [a for l, a in _events(doc) if l == "LAUNCH"]
    assert len(evs) == 1
    assert evs[0]["args"]["name"] == "منصة الأطلس الرقمية" and evs[0]["args"]["launcher"] == "نبيل الحسني"
    assert evs[0]["more_evidence"]


def test_event_spans_are_evidence_and_confidence_in_range():
    doc = make_doc("انضمت السنغال إلى تحالف البيانات المفتوحة.", {"السنغال": "GPE", "تحالف البيانات المفتوحة": "ORG"})
    for e in extract_events(doc):
        assert doc.text[e.start:e.end].startswith("انضمت")
        assert 0 < e.attrs["confidence"] <= 1 and e.attrs["date"] == "2025-02-10"
