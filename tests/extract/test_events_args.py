"""Event arguments and headline links, on sentences written by us: a title apposed to a name after
مع is no second participant, an agreement's place is where it was signed (not where it is talked
of later), and a headline's event told again in the body is linked to it with the body's date."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _one(doc, label):
    evs = [e for e in extract_events(doc) if e.label == label]
    assert evs, [e.label for e in extract_events(doc)]
    return evs[0]


def test_a_title_before_a_name_after_ma_is_no_second_participant():
    doc = make_doc("وقال الوزير سمير العلوي خلال مؤتمر صحفي مشترك مع نظيره الروسي فلاديمير بوتين إن البلدين متفقان.",
                   {"سمير العلوي": "PERSON", "فلاديمير بوتين": "PERSON"})
    ev = _one(doc, "MEETING")
    parts = ev.attrs["args"]["participants"]
    assert "فلاديمير بوتين" in parts and not any("نظيره" in p for p in parts)


def test_an_unnamed_party_after_ma_stays_a_participant():
    doc = make_doc("وبحث سمير العلوي خلال محادثاته مع المسؤولين السعوديين سبل التعاون بين البلدين.",
                   {"سمير العلوي": "PERSON"})
    assert "المسؤولين السعوديين" in _one(doc, "MEETING").attrs["args"]["participants"]


def test_an_agreement_told_during_a_visit_takes_no_place_from_the_visit():
    doc = make_doc("اعتبرت المستشارة خلال زيارة إلى برلين أن الاتفاق الموقع مع كندا غير كاف.",
                   {"برلين": "GPE", "كندا": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["place"] is None


def test_a_later_sentence_does_not_give_an_agreement_its_place():
    doc = make_doc("ووقعت تونس والسودان اتفاقية للتعاون التجاري. وقال الوزير في مؤتمر صحفي في الخرطوم إن الاتفاقية مهمة.",
                   {"تونس": "GPE", "السودان": "GPE", "الخرطوم": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["place"] is None


def test_headline_event_told_again_in_the_body_is_linked_with_the_body_date():
    doc = make_doc("تونس تطلب الانضمام إلى منظمة التعاون الرقمي\n\n"
                   "أعلنت وزارة الخارجية، أمس الأحد، أن تونس تقدمت بطلب الانضمام إلى منظمة التعاون الرقمي.",
                   {"تونس": "GPE", "منظمة التعاون الرقمي": "ORG"}, published="2025-02-10")
    from marsad.extract.dates import make_dates_stage   # أمس الأحد: the body's date
    make_dates_stage()(doc)
    evs = [e for e in extract_events(doc) if e.label == "MEMBERSHIP"]
    assert len(evs) == 2   # the gold counts a headline as an event sentence: both kept
    head, body = evs
    assert head.attrs["args"]["status"] == "applied" == body.attrs["args"]["status"]
    assert head.attrs["same_as"] == [body.start, body.end]
    assert [head.start, head.end] in body.attrs["more_evidence"]
    assert body.attrs["date_source"] == "sentence" and head.attrs["date_source"] == "body"
    assert head.attrs["date"] == body.attrs["date"] == "2025-02-09"


def test_conjoined_countries_glued_to_wa_are_all_parties():
    doc = make_doc("وسيتم توقيع خطاب نوايا الاثنين من جانب ألمانيا وبلجيكا والدنمارك وهولندا.",
                   {"ألمانيا": "GPE", "بلجيكا": "GPE", "الدنمارك": "GPE", "هولندا": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["args"]["parties"] == ["ألمانيا", "بلجيكا", "الدنمارك", "هولندا"]


def test_unilaterally_names_no_party():
    doc = make_doc("وكان الرئيس قد انسحب من الاتفاق المبرم عام 2015 بين إيران وكندا، وأعلن خططا من جانب واحد لفرض عقوبات.",
                   {"إيران": "GPE", "كندا": "GPE"})
    assert not any("واحد" in p for p in _one(doc, "AGREEMENT").attrs["args"]["parties"])


def test_countries_between_tawqi_and_the_agreement_noun_sign_it():
    doc = make_doc("ورفعت العقوبات في 2015 بعد توقيع الولايات المتحدة، وبريطانيا وروسيا اتفاقا مهما مع إيران.",
                   {"الولايات المتحدة": "GPE", "بريطانيا": "GPE", "روسيا": "GPE", "إيران": "GPE"})
    parties = _one(doc, "AGREEMENT").attrs["args"]["parties"]
    assert {"الولايات المتحدة", "بريطانيا", "روسيا"} <= set(parties)


def test_membership_members_stop_at_the_organisation_and_the_name_at_an_indefinite_word():
    doc = make_doc("وبعد انضمام فلسطين إلى منظمة اليونسكو عام 2011 أوقفت كندا مشاركتها المالية.",
                   {"فلسطين": "GPE", "منظمة اليونسكو": "ORG", "كندا": "GPE"})
    assert _one(doc, "MEMBERSHIP").attrs["args"]["member"] == ["فلسطين"]
    doc = make_doc("وتقدمت فلسطين بطلب الانضمام إلى المنظمات الدولية رغم اعتراض كندا.", {"فلسطين": "GPE", "كندا": "GPE"})
    assert _one(doc, "MEMBERSHIP").attrs["args"]["organisation"] == "المنظمات الدولية"


def test_an_untagged_venue_after_bi_or_fi_is_the_place():
    doc = make_doc("والتقى سمير العلوي بقصر باردو الوزير خالد الناصري لبحث التعاون.",
                   {"سمير العلوي": "PERSON", "خالد الناصري": "PERSON"})
    assert _one(doc, "MEETING").attrs["place"] == "قصر باردو"
    doc = make_doc("والتقى سمير العلوي الوزير خالد الناصري في قاعة أخرى لبحث التعاون.",
                   {"سمير العلوي": "PERSON", "خالد الناصري": "PERSON"})
    assert _one(doc, "MEETING").attrs["place"] is None


def test_a_relation_noun_before_a_name_makes_the_construct_the_participant():
    doc = make_doc("وقال المحقق سمير العلوي إنه أجرى محادثات مع محامي خالد الناصري في مارس.",
                   {"سمير العلوي": "PERSON", "خالد الناصري": "PERSON"})
    parts = _one(doc, "MEETING").attrs["args"]["participants"]
    assert "محامي خالد الناصري" in parts and "خالد الناصري" not in parts and "محامي" not in parts


def test_an_initiative_between_two_named_parties_is_theirs():
    doc = make_doc("وأكد الوزير سمير العلوي أهمية المبادرة المشتركة بين تونس وكندا لتشكيل مجموعة أصدقاء الذكاء الاصطناعي.",
                   {"سمير العلوي": "PERSON", "تونس": "GPE", "كندا": "GPE"})
    assert _one(doc, "LAUNCH").attrs["args"]["launcher"] == ["تونس", "كندا"]


def test_a_country_after_a_topic_noun_is_no_party():
    doc = make_doc("وسيناقش سمير العلوي خلال محادثاته مع المسؤولين السعوديين سلوك إيران في المنطقة.",
                   {"سمير العلوي": "PERSON", "إيران": "GPE"})
    assert "إيران" not in _one(doc, "MEETING").attrs["args"]["participants"]


def test_a_year_before_an_agreement_noun_is_no_count():
    doc = make_doc("ووقعت تونس مع كندا في عام 2013 اتفاقا للتعاون التجاري.", {"تونس": "GPE", "كندا": "GPE"})
    from marsad.extract.dates import make_dates_stage
    make_dates_stage()(doc)
    assert "count" not in _one(doc, "AGREEMENT").attrs["args"]
