"""Event rules tuned on the KB gold dev split (issue 5), on sentences written by us."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _evs(text, ents=None, kind=None):
    doc = make_doc(text, ents)
    return doc, [e for e in extract_events(doc) if kind is None or e.label == kind]


PEOPLE = {"كريم الإدريسي": "PERSON", "سمير الفاسي": "PERSON", "هند العلوي": "PERSON"}


def test_phone_call_and_joint_press_conference_are_meetings_not_conferences():
    doc, evs = _evs("وأجرى كريم الإدريسي اتصالا هاتفيا مع سمير الفاسي أمس. "
                    "وقالت هند العلوي خلال مؤتمر صحفي مشترك مع سمير الفاسي إن الحوار مستمر. "
                    "وتحدث كريم الإدريسي في مؤتمر صحفي عن الميزانية.", PEOPLE)
    assert [e.label for e in evs] == ["MEETING", "MEETING"]
    assert doc.text[slice(*evs[0].attrs["trigger"])].startswith("اتصالا")
    assert evs[1].attrs["args"]["participants"] == ["هند العلوي", "سمير الفاسي"]


def test_verb_with_a_pronoun_and_bahatha_ma3a():
    doc, evs = _evs("وكان كريم الإدريسي قد قال عقب لقائه سمير الفاسي إن الاتفاق قريب. "
                    "وبحث كريم الإدريسي في الرباط مع هند العلوي سبل التعاون. "
                    "ودعا سمير الفاسي إلى دعم البحث مع هند العلوي.", PEOPLE | {"الرباط": "GPE"}, "MEETING")
    assert len(evs) == 2 and evs[1].attrs["place"] == "الرباط"


def test_agreement_needs_a_signing_word_and_refers_back():
    text = ("وقعت المغرب وإسبانيا اتفاقية الصيد البحري مع الاتحاد الأوروبي في بروكسل. "
            "وقال كريم الإدريسي إن الاتفاقية مفيدة للبلدين. "
            "وأكد سمير الفاسي أن الاتفاق النووي لم يعد قائما.")
    doc, evs = _evs(text, PEOPLE | {"المغرب": "GPE", "إسبانيا": "GPE", "الاتحاد الأوروبي": "ORG",
                                    "بروكسل": "GPE"}, "AGREEMENT")
    assert len(evs) == 1
    a = evs[0].attrs
    assert a["more_evidence"]                                       # the second sentence refers back
    assert "الاتحاد الأوروبي" in a["args"]["parties"] and "المغرب" in a["args"]["parties"]
    assert a["args"]["subject"] == "اتفاقية الصيد البحري"


def test_signing_agent_and_the_noun_next_to_the_signing_word():
    text = ("وسعت الحكومة إلى اتفاق جديد يعوض الاتفاق الذي أبرمته دول الجوار مع المغرب عام 2019.")
    doc, evs = _evs(text, {"المغرب": "GPE"}, "AGREEMENT")
    assert len(evs) == 1
    assert doc.text[slice(*evs[0].attrs["trigger"])] == "الاتفاق"
    assert evs[0].attrs["args"]["parties"][:2] == ["دول الجوار", "المغرب"]


def test_signing_verb_with_ma3a_is_an_agreement_but_not_a_happening():
    doc, evs = _evs("وستوقع الرباط الاثنين مع مدريد على خطة جديدة للنقل. ووقع حادث مع بداية الأشغال.",
                    {"الرباط": "GPE", "مدريد": "GPE"}, "AGREEMENT")
    assert len(evs) == 1 and "مدريد" in evs[0].attrs["args"]["parties"]


def test_dual_pronoun_relative_clause_and_emergency_meeting():
    text = ("وأجرى كريم الإدريسي اتصالا هاتفيا مع سمير الفاسي. "
            "وذكّر باللقاء الذي جمع هند العلوي بسمير الفاسي في فاس الشهر الماضي. "
            "وقالت هند العلوي خلال حفل جمعهما في الرباط إن العمل مستمر.")
    doc, evs = _evs(text, PEOPLE | {"فاس": "GPE", "الرباط": "GPE"}, "MEETING")
    assert len(evs) == 3            # a call, the earlier meeting, the dual جمعهما
    assert evs[2].attrs["place"] == "الرباط"


def test_definite_meeting_after_an_emergency_session_refers_to_it():
    text = ("واختتم اجتماع طارئ لوزراء الخارجية العرب في القاهرة. "
            "وخلال الاجتماع، قال كريم الإدريسي إن سمير الفاسي سيزور القاهرة.")
    doc, evs = _evs(text, PEOPLE | {"القاهرة": "GPE"})
    assert [e.label for e in evs] == ["CONFERENCE"] and evs[0].attrs["more_evidence"]


def test_counts_of_members_and_organisation_names_are_no_events():
    doc, evs = _evs("وصادق المجلس على القانون بأغلبية 62 عضوا. "
                    "وقال رئيس المنتدى الوطني للتنمية إن الحزب سيشارك.")
    assert [e.label for e in evs] == []


def test_conference_name_without_proclitic_or_verb():
    doc, evs = _evs("وجاء التصريح ردا على البيان الختامي لقمة مجموعة العشرين. "
                    "وشكر الرئيس نظيره على وعد قطعه خلال قمة عقدت في يونيو.", None, "CONFERENCE")
    assert evs[0].attrs["args"]["name"] == "قمة مجموعة العشرين"
    assert all("عقدت" not in e.attrs["args"]["name"] for e in evs)


def test_signers_before_the_verb_are_the_parties():
    doc, evs = _evs("وكان كريم الإدريسي وسمير الفاسي قد وقعا اتفاق سلام في يوليو الماضي.", PEOPLE, "AGREEMENT")
    assert evs[0].attrs["args"]["parties"] == ["كريم الإدريسي", "سمير الفاسي"]


def test_unnamed_party_after_ma3a_and_signatory_states():
    doc, evs = _evs("وسيناقش كريم الإدريسي خلال محادثاته مع المسؤولين الإسبان ملف الهجرة. "
                    "وزار الوزير كل الدول الموقعة على اتفاقية الشراكة.", PEOPLE)
    meet = [e for e in evs if e.label == "MEETING"][0]
    assert meet.attrs["args"]["participants"] == ["كريم الإدريسي", "المسؤولين الإسبان"]
    agr = [e for e in evs if e.label == "AGREEMENT"][0]
    assert agr.attrs["args"]["parties"][0] == "الدول"


def test_host_country_organises_and_a_topic_is_no_place():
    doc, evs = _evs("وأعلن المتحدث أن المغرب سيستضيف قمة حول ليبيا في الرباط الشهر المقبل. "
                    "وستناقش القمة حول ليبيا الوضع الأمني.", {"المغرب": "GPE", "ليبيا": "GPE", "الرباط": "GPE"},
                    "CONFERENCE")
    assert len(evs) == 1
    assert evs[0].attrs["args"]["organiser"] == "المغرب" and evs[0].attrs["place"] == "الرباط"


def test_press_conference_with_and_a_transitive_meeting_verb():
    doc, evs = _evs("وأعلن كريم الإدريسي في مؤتمر صحفي مع سمير الفاسي أن الحوار مستمر. "
                    "وفي القاهرة، التقى الرئيس المصري هند العلوي.", PEOPLE, "MEETING")
    assert len(evs) == 2


def test_receiving_things_is_no_meeting():
    doc, evs = _evs("وقال كريم الإدريسي إن المستشفى استقبل جثمان الطفل سمير الفاسي أمس، وإنه التقى الصحفيين. "
                    "واستقبلت المملكة المغربية الشحنة الأولى.", PEOPLE | {"المملكة المغربية": "GPE"}, "MEETING")
    assert evs == []


def test_darija_meeting_verb():
    doc, evs = _evs("وتلاقا كريم الإدريسي البارح مع سمير الفاسي فالرباط.", PEOPLE | {"الرباط": "GPE"}, "MEETING")
    assert len(evs) == 1 and evs[0].attrs["args"]["participants"][:2] == ["كريم الإدريسي", "سمير الفاسي"]


def test_tunisian_signing_joint_commission_and_time_before_the_object():
    text = ("وقال كريم الإدريسي إن عشر اتفاقيات سيتم امضاؤها مع الجانب الإسباني في اختتام اللجنة العليا المشتركة. "
            "والتقى صبيحة اليوم الأربعاء سمير الفاسي بوزير الخارجية هند العلوي.")
    doc, evs = _evs(text, PEOPLE)
    assert [e.label for e in evs] == ["AGREEMENT", "CONFERENCE", "MEETING"]
    assert any(e.label == "MEETING" and "سمير الفاسي" in e.attrs["args"]["participants"] for e in evs)


def test_dual_subject_and_a_retold_meeting():
    text = ("ومن المنتظر أن يبحث الوزيران سبل التعاون. "
            "وأجرى كريم الإدريسي مباحثات مع سمير الفاسي في الرباط. "
            "وقال كريم الإدريسي الذي التقى سمير الفاسي على هامش المنتدى إن العلاقات ممتازة.")
    doc, evs = _evs(text, PEOPLE | {"الرباط": "GPE"}, "MEETING")
    assert len(evs) == 2 and evs[0].attrs["args"]["participants"] == ["الوزيران"]
    assert evs[1].attrs["more_evidence"]


def test_return_to_an_organisation_is_membership_but_not_to_a_country():
    text = ("ورحبت الحكومة بعودة المغرب إلى الاتحاد الإفريقي. "
            "وتحدث الوزير عن عودة اللاجئين إلى سوريا.")
    doc, evs = _evs(text, {"المغرب": "GPE", "الاتحاد الإفريقي": "ORG", "سوريا": "GPE"}, "MEMBERSHIP")
    assert len(evs) == 1 and evs[0].attrs["args"]["organisation"] == "الاتحاد الإفريقي"
    assert evs[0].attrs["args"]["status"] == "joined" and "needs_organisation" not in evs[0].attrs["args"]
