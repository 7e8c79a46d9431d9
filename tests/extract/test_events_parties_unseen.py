"""Argument rules from a hand-check of unseen ANT politics, economy and technology articles
(``event_sample.py dump --offset 47 --cats wide``, judged in ``event_check_e5a.json``), on
sentences written by us: who reached an agreement, a party cut at a topic link, a counter-party
before the agreement noun, Latin names in a list, a title beside its name."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _one(doc, label):
    return next(e for e in extract_events(doc) if e.label == label)


def test_who_reached_an_agreement_is_a_party():
    doc = make_doc("وتوصلت موريتانيا، الخميس، إلى اتفاق مع البنك الدولي بشأن تمويل الطرق.",
                   {"موريتانيا": "GPE", "البنك الدولي": "ORG"})
    assert _one(doc, "AGREEMENT").attrs["args"]["parties"] == ["موريتانيا", "البنك الدولي"]
    doc = make_doc('الرئيسة سلمى العمري تتوصل إلى اتفاق مع وزرائها بشأن "الميزانية"',
                   {"سلمى العمري": "PERSON"})
    args = _one(doc, "AGREEMENT").attrs["args"]
    assert args["parties"] == ["سلمى العمري", "وزرائها"]
    assert args["subject"] == 'بشأن "الميزانية"'


def test_counter_party_before_the_agreement_noun_and_latin_names_of_a_list():
    doc = make_doc("ووقعت الحكومة الكندية الثلاثاء مع نظيرتها المغربية اتفاقات تعاون علمي.",
                   {"الحكومة الكندية": "ORG"})
    assert _one(doc, "AGREEMENT").attrs["args"]["parties"] == ["الحكومة الكندية", "نظيرتها المغربية"]
    doc = make_doc("ووقعت شركة المناجم الوطنية ثلاث مذكرات تفاهم مع Rio وVale وGlencore لتوسيع الإنتاج.",
                   {"شركة المناجم الوطنية": "ORG"})
    parties = _one(doc, "AGREEMENT").attrs["args"]["parties"]
    assert parties[-3:] == ["Rio", "Vale", "Glencore"]


def test_a_title_before_its_name_is_no_second_participant():
    doc = make_doc("وجاء ذلك بعد لقاء سمير العلوي في الرباط سرا مع السفير الإيطالي ماركو روسي بشأن القضية.",
                   {"سمير العلوي": "PERSON", "ماركو روسي": "PERSON", "الرباط": "GPE"})
    assert _one(doc, "MEETING").attrs["args"]["participants"] == ["سمير العلوي", "ماركو روسي"]


def test_launcher_is_the_clause_subject_not_the_speaker_and_follows_between():
    doc = make_doc("وقال الرئيس سمير العلوي إن تونس والجزائر اتفقتا على إنشاء لجنة مشتركة للطاقة.",
                   {"سمير العلوي": "PERSON", "تونس": "GPE", "الجزائر": "GPE"})
    assert _one(doc, "LAUNCH").attrs["args"]["launcher"] == ["تونس", "الجزائر"]
    doc = make_doc("وشملت الاتفاقيات تأسيس صندوق استثماري في الطاقة بين الصندوق السيادي وشركة أكوا باور.",
                   {"الصندوق السيادي": "ORG", "شركة أكوا باور": "ORG"})
    assert _one(doc, "LAUNCH").attrs["args"]["launcher"] == ["الصندوق السيادي", "شركة أكوا باور"]


def test_two_sides_after_between_and_a_place_that_is_a_topic():
    doc = make_doc('وقال مدير المركز سامي الخطيب "هناك مباحثات بين الأتراك وجيش التحرير من أجل التوصل إلى تسوية".',
                   {"سامي الخطيب": "PERSON", "الأتراك": "GPE"})
    assert _one(doc, "MEETING").attrs["args"]["participants"] == ["الأتراك", "جيش التحرير"]
    doc = make_doc("وفي ما يتعلق بليبيا، قال الوزير إن تونس والجزائر اتفقتا على إنشاء لجنة مشتركة.",
                   {"ليبيا": "GPE", "تونس": "GPE", "الجزائر": "GPE"})
    assert _one(doc, "LAUNCH").attrs["place"] is None


def test_a_country_right_after_an_agent_marker_launches():
    doc = make_doc("قبل أن يتم تأسيس التحالف الدولي بقيادة كندا لمحاربة التنظيم.", {"كندا": "GPE"})
    assert _one(doc, "LAUNCH").attrs["args"]["launcher"] == "كندا"


def test_names_after_a_plural_head_and_the_subject_of_an_adoption_verb():
    doc = make_doc("ووقعت الهيئة مذكرات تفاهم مع شركات ألستوم وسيمنس وهيتاشي لتطوير القطارات.",
                   {"الهيئة": "ORG"})
    assert _one(doc, "AGREEMENT").attrs["args"]["parties"][-3:] == ["ألستوم", "سيمنس", "هيتاشي"]
    doc = make_doc("ووقعت الهيئة مذكرات تفاهم مع شركات فرنسية وسعودية لتطوير القطارات.", {"الهيئة": "ORG"})
    assert "فرنسية" not in _one(doc, "AGREEMENT").attrs["args"]["parties"]
    doc = make_doc("ووقع الوزراء على خطة لإنشاء سوق مشتركة، كما أيدوا ما اقترحته المفوضية.", {"المفوضية": "ORG"})
    args = _one(doc, "ADOPTION").attrs["args"]
    assert args["adopters"] == ["الوزراء"] and args["instrument"] == "خطة لإنشاء سوق مشتركة"


def test_a_treaty_noun_after_a_relative_signing_verb_is_no_party():
    doc = make_doc("وتعترف موريتانيا التي وقعت معاهدة سلام مع السنغال في 1990 بالحدود.",
                   {"موريتانيا": "GPE", "السنغال": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["args"]["parties"] == ["موريتانيا", "السنغال"]
