"""Argument rules from a hand-check of unseen ANT politics articles (``event_sample.py dump --offset 130
--max-docs 40``, judged in ``event_check_e9a.json``), on sentences written by us: names that run on
over ``الى``, a given name's city, an agreement's subject (a conjunct, a date, ``من شأنه``), signers
before a definite masdar, unnamed parties after مع (a country and a time, a nationality adjective),
a purpose after a meeting, an incident that happened, a hoped-for agreement, the Arab League."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _dated(text: str, ents: dict[str, str]):
    from marsad.extract.dates import make_dates_stage
    doc = make_doc(text, ents)
    make_dates_stage()(doc)
    return doc


def _of(doc, label):
    return [e for e in extract_events(doc) if e.label == label]


def test_a_retold_summit_does_not_rename_it_over_an_unhamzated_preposition():
    doc = make_doc("وعقد الرئيس التونسي سمير العلوي القمة الثلاثية مع نظيريه في عمان. "
                   "وقال العلوي إن هذه القمة الى العالم رسالة سلام.",
                   {"سمير العلوي": "PERSON", "عمان": "GPE", "العلوي": "PERSON"})
    [conf] = _of(doc, "CONFERENCE")
    assert conf.attrs["args"]["name"] == "القمة الثلاثية"


def test_a_city_in_a_given_name_is_not_the_summits_place():
    doc = make_doc('وعلق المعارض على القمة العربية ال29 التي أطلق عليها اسم "قمة بغداد" وتمثيل بلاده فيها. '
                   'وقال إن العرب يلتقون في قمة بغداد وحدهم.', {"بغداد": "GPE"})
    [conf] = _of(doc, "CONFERENCE")
    assert conf.attrs["args"]["name"] == "قمة بغداد" and conf.attrs["place"] is None
    doc = make_doc("وشارك الوزير في قمة بغداد أمس.", {"بغداد": "GPE"})
    assert _of(doc, "CONFERENCE")[0].attrs["place"] == "بغداد"


def test_the_next_conjunct_is_not_the_agreements_subject():
    doc = make_doc("ويرفض الحزب الاتفاق الموقع مع جبهة الإنقاذ والمفاوضات التي انطلقت مع الحكومة.",
                   {"جبهة الإنقاذ": "ORG"})
    [agr] = _of(doc, "AGREEMENT")
    assert agr.attrs["args"]["parties"] == ["جبهة الإنقاذ"] and agr.attrs["args"]["subject"] is None


def test_an_agreements_subject_stops_at_a_date():
    doc = _dated("ووقعت الحكومة الليبية على اتفاقية جنيف الخاصة بالأسرى في آذار/مارس 2016 وقبلت فيها رقابة المنظمة.",
                 {"الحكومة الليبية": "ORG"})
    [agr] = _of(doc, "AGREEMENT")
    assert agr.attrs["args"]["subject"] == "جنيف الخاصة بالأسرى"


def test_no_signer_before_a_definite_signing_masdar_and_no_purpose_in_the_subject():
    doc = _dated("ولا تزال مناطق خارج سيطرة قوة الاتحاد الأفريقي، رغم التوقيع في آذار/مارس 2016 على اتفاق سلام "
                 "من شأنه إنهاء القتال.", {"الاتحاد الأفريقي": "ORG"})
    [agr] = _of(doc, "AGREEMENT")
    assert not agr.attrs["args"].get("parties") and agr.attrs["args"]["subject"] == "سلام"
    assert "count" not in agr.attrs["args"]


def test_a_country_after_ma_is_not_run_into_a_time_and_a_purpose_names_no_participant():
    doc = make_doc("وقال وفد مغربي إنهم سيجرون مباحثات مع تونس الأسبوع المقبل للتوصل الى اتفاق لحماية العمال "
                   "القادمين من الجزائر.", {"تونس": "GPE", "الجزائر": "GPE"})
    [meet] = _of(doc, "MEETING")
    assert meet.attrs["args"]["participants"] == ["تونس"]


def test_an_unnamed_party_keeps_its_nationality_adjectives():
    doc = make_doc("ويجري وزير الخارجية التونسي سمير العلوي محادثات مع دول أوروبية لحل أزمة اللاجئين.",
                   {"سمير العلوي": "PERSON"})
    [meet] = _of(doc, "MEETING")
    assert meet.attrs["args"]["participants"] == ["سمير العلوي", "دول أوروبية"]
    doc = make_doc("وقال العلوي إثر محادثات مع نظيريه الليبي والجزائري الجديد، إن الحدود ستفتح.",
                   {"العلوي": "PERSON"})
    assert "نظيريه الليبي والجزائري الجديد" in _of(doc, "MEETING")[0].attrs["args"]["participants"]


def test_a_clash_that_happened_within_an_operation_adopts_nothing():
    doc = make_doc("وقال المتحدث إن الاشتباك وقع في إطار عملية عسكرية في الشمال.", {})
    assert not _of(doc, "ADOPTION")


def test_a_hoped_for_memorandum_is_none_but_one_concluded_after_is():
    doc = make_doc('وقال الوزير "نأمل في أن نتوصل الى مذكرة تفاهم، وبحلول نهاية الشهر نحصل على توقيع الحكومتين '
                   'التونسية والليبية".', {})
    assert not _of(doc, "AGREEMENT")
    doc = make_doc("وتظاهر الآلاف ضد احتمال التوصل إلى اتفاق حول الحدود مع الدولة المجاورة، والذي أبرمته في النهاية "
                   "حكومة سمير العلوي.", {"سمير العلوي": "PERSON"})
    assert _of(doc, "AGREEMENT")


def test_the_arab_league_is_a_body_not_a_venue():
    doc = make_doc("وشارك مندوب قطر بالجامعة العربية في القمة العربية الطارئة.",
                   {"قطر": "GPE", "الجامعة العربية": "ORG"})
    [conf] = _of(doc, "CONFERENCE")
    assert conf.attrs["place"] is None


# Second round, from the e9b reading (event_sample.py dump --offset 171 --max-docs 40)

def test_a_head_noun_keeps_its_quoted_name_as_one_party():
    doc = make_doc('ووقعت الوزارة مذكرة التفاهم بالتعاون مع صندوق "رؤية الخليج" الذي تملكه المملكة.', {})
    assert _of(doc, "AGREEMENT")[0].attrs["args"]["parties"] == ["الوزارة", 'صندوق "رؤية الخليج"']


def test_a_far_ma_is_no_party_and_a_resumptive_clause_is_no_subject():
    doc = make_doc('وكانت بنعلي قد وقعت اتفاقا حصلت بمقتضاه على مبلغ كبير من صحيفة "الأخبار"، مقابل منح الصحيفة '
                   'حقوق نشر قصتها مع سمير العلوي.', {"بنعلي": "PERSON", "سمير العلوي": "PERSON", "الأخبار": "ORG"})
    [agr] = _of(doc, "AGREEMENT")
    assert agr.attrs["args"]["parties"] == ["بنعلي"] and agr.attrs["args"]["subject"] is None


def test_a_person_of_a_topic_or_of_a_venue_takes_no_part():
    doc = make_doc("وخلال أزمة العلوي في تونس قال وزير الخارجية الليبي وقتها كمال الفاسي خلال لقائه بنظيره الجزائري "
                   "سمير بنعلي إن الحل قريب.", {"العلوي": "PERSON", "تونس": "GPE", "كمال الفاسي": "PERSON",
                                               "سمير بنعلي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["args"]["participants"] == ["كمال الفاسي", "سمير بنعلي"]
    doc = make_doc("كما التقى الأمير سمير العلوي بالتونسيين العاملين في قطاع الصحة، في مقر إقامة السفير الليبي "
                   "كمال الفاسي، أمس.", {"سمير العلوي": "PERSON", "كمال الفاسي": "PERSON"})
    assert "كمال الفاسي" not in _of(doc, "MEETING")[0].attrs["args"]["participants"]


def test_the_country_of_a_named_participants_title_is_no_delegation():
    doc = make_doc("وكان مستشار الأمن القومي لرئيس تونس، كمال الفاسي، أعلن إثر إجرائه محادثات في القصر الرئاسي أن "
                   "اللقاء سيجري قريبا.", {"تونس": "GPE", "كمال الفاسي": "PERSON", "القصر الرئاسي": "FAC"})
    [meet] = _of(doc, "MEETING")
    assert meet.attrs["args"]["participants"] == ["كمال الفاسي"] and not meet.attrs["args"]["delegations"]


def test_a_headlines_topic_before_a_colon_takes_no_part():
    doc = make_doc("ورود حمراء وشموع: سمير العلوي التقى مجددا كمال الفاسي مساء أمس على مأدبة عشاء رسمية.",
                   {"ورود حمراء": "PERSON", "سمير العلوي": "PERSON", "كمال الفاسي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["args"]["participants"] == ["سمير العلوي", "كمال الفاسي"]


def test_a_quantified_group_or_a_delegation_is_the_object_of_a_meeting_verb():
    doc = make_doc("وفي اليوم الذي التقى به ولي العهد عدداً من الرؤساء التنفيذيين لكبرى الشركات الأمريكية.", {})
    assert "عدداً من الرؤساء التنفيذيين" in _of(doc, "MEETING")[0].attrs["args"]["participants"]
    doc = make_doc("واستقبل سمير العلوي وفدا من رجال الأعمال الليبيين.", {"سمير العلوي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["args"]["participants"] == ["سمير العلوي", "وفدا من رجال الأعمال الليبيين"]


# Third round, from the read e9c (event_sample.py dump --offset 195 --max-docs 40)

def test_a_meeting_fronted_before_its_speaker_takes_the_speaker():
    doc = make_doc("في اجتماع مع الرئيس الليبي سمير العلوي، قال الفاسي إن التعاون سيتواصل.",
                   {"سمير العلوي": "PERSON", "الفاسي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["args"]["participants"] == ["الفاسي", "سمير العلوي"]


def test_an_agreements_subject_stops_at_fi_aaqab_and_its_place_is_not_the_press_conferences():
    doc = make_doc("وتضمن البيان الإعلان عن اتفاق بين البلدين لنزع السلاح في أعقاب قمة تاريخية جمعتهما الجمعة.", {})
    assert _of(doc, "AGREEMENT")[0].attrs["args"]["subject"] == "لنزع السلاح"
    doc = make_doc("وفي مؤتمر صحفي مشترك بالقصر الرئاسي، وصف العلوي الاتفاق النووي الذي أبرمته ليبيا مع الدول الكبرى "
                   "بأنه سيئ.", {"القصر الرئاسي": "FAC", "العلوي": "PERSON", "ليبيا": "GPE"})
    assert _of(doc, "AGREEMENT")[0].attrs["place"] is None


def test_an_untagged_village_is_the_meetings_place():
    doc = make_doc("وعقد الزعيمان سمير العلوي وكمال الفاسي اجتماعا مفاجئا يوم السبت في قرية الزيتون الحدودية.",
                   {"سمير العلوي": "PERSON", "كمال الفاسي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["place"] == "قرية الزيتون الحدودية"


def test_a_person_after_an_incident_noun_takes_no_part():
    doc = make_doc("وأجرى الفاسي محادثات مع الوزير كمال بنعلي في أعقاب مقتل العلوي على يد المسلحين.",
                   {"الفاسي": "PERSON", "كمال بنعلي": "PERSON", "العلوي": "PERSON"})
    assert _of(doc, "MEETING")[0].attrs["args"]["participants"] == ["الفاسي", "كمال بنعلي"]
