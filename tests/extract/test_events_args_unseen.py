"""Argument rules from a hand-check of unseen ANT politics, economy and technology articles
(``event_sample.py dump --offset 101 --cats wide``, judged in ``event_check_e6a.json``), on
sentences written by us: places that are topics or of another clause, a visit's destination, a
headline's colon, countries discussed, an agreement's subject cut before a participle, parties
after بين behind adjectives or before a purpose, who joins, a quoted title."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _one(doc, label):
    return next(e for e in extract_events(doc) if e.label == label)


def test_a_place_after_a_topic_or_incident_noun_is_not_the_events_place():
    doc = make_doc("واقترح الرئيس سمير العلوي هدنة في مدينة حلب، وذلك خلال القمة الرباعية التي تعقد في عمان.",
                   {"سمير العلوي": "PERSON", "حلب": "GPE", "عمان": "GPE"})
    assert _one(doc, "CONFERENCE").attrs["place"] == "عمان"
    doc = make_doc("وبعد هجوم مسلح جديد في النيجر، سيناقش الاتحاد الأفريقي الوضع الأمني خلال القمة.",
                   {"النيجر": "GPE", "الاتحاد الأفريقي": "ORG"})
    assert _one(doc, "CONFERENCE").attrs["place"] is None


def test_a_title_holding_a_topic_word_keeps_the_place():
    doc = make_doc("وجاء ذلك بعد لقاء سامي الخطيب مستشار الأمن القومي في القصر الرئاسي مع السفير كمال بنعلي.",
                   {"سامي الخطيب": "PERSON", "كمال بنعلي": "PERSON", "القصر الرئاسي": "FAC"})
    assert _one(doc, "MEETING").attrs["place"] == "القصر الرئاسي"


def test_a_visits_destination_glued_to_lam_is_the_meetings_place():
    doc = make_doc("وجرى ذلك خلال زيارة العلوي لتونس، في لقاء رسمي جمعه مع الوزير كمال بنعلي.",
                   {"العلوي": "PERSON", "تونس": "GPE", "كمال بنعلي": "PERSON"})
    assert _one(doc, "MEETING").attrs["place"] == "تونس"


def test_a_headlines_colon_ends_the_meetings_clause():
    doc = make_doc("الرئيس الموريتاني يجتمع بالعاهل المغربي محمد السادس: تونس تدعم المبادرة",
                   {"محمد السادس": "PERSON", "تونس": "GPE"})
    assert "تونس" not in _one(doc, "MEETING").attrs["args"]["participants"]


def test_countries_between_a_discussion_verb_and_ma_are_discussed():
    doc = make_doc("وقال سامي الخطيب إن الصندوق يعتزم بحث سبل زيادة استثمارات قطر في تونس، مع الوزير كمال بنعلي.",
                   {"سامي الخطيب": "PERSON", "قطر": "GPE", "تونس": "GPE", "كمال بنعلي": "PERSON"})
    args = _one(doc, "MEETING").attrs["args"]
    assert "قطر" not in args["participants"] and "كمال بنعلي" in args["participants"]


def test_an_agreements_subject_stops_before_a_participle_or_a_clause_link():
    doc = make_doc("وقال الوزير إن الجيش خرق اتفاقية وقف إطلاق النار الموقعة عام 1994 عبر دعمه للمسلحين.", {})
    assert _one(doc, "AGREEMENT").attrs["args"]["subject"] == "وقف إطلاق النار"


def test_parties_after_between_behind_adjectives_and_before_a_purpose():
    doc = make_doc("ووافقت تونس على توقيع اتفاقية تجارية جديدة بين المغرب والسنغال لتعويض الاتفاق القديم.",
                   {"تونس": "GPE", "المغرب": "GPE", "السنغال": "GPE"})
    parties = _one(doc, "AGREEMENT").attrs["args"]["parties"]
    assert "المغرب" in parties and "السنغال" in parties
    doc = make_doc("وزار العلوي مالي ووقع اتفاقا مع كوناتي لاستئناف التعاون الأمني.",
                   {"العلوي": "PERSON", "مالي": "GPE"})
    parties = _one(doc, "AGREEMENT").attrs["args"]["parties"]
    assert "كوناتي" in parties and not any("لاستئناف" in p for p in parties)


def test_who_joins_is_the_person_not_a_place_or_an_object_before():
    doc = make_doc("درس سامي الخطيب (مواليد صفاقس، 1950) في كلية الآداب بجامعة تونس، ثم أصبح عضوا في حزب التجديد.",
                   {"سامي الخطيب": "PERSON", "صفاقس": "PERSON", "جامعة تونس": "ORG", "حزب التجديد": "ORG"})
    assert _one(doc, "MEMBERSHIP").attrs["args"]["member"] == "سامي الخطيب"
    doc = make_doc("ومن أبرز وجوهه النائب كمال بنعلي الذي ترك حزب النهضة وانضم إلى هذا الائتلاف.",
                   {"كمال بنعلي": "PERSON", "حزب النهضة": "ORG"})
    assert _one(doc, "MEMBERSHIP").attrs["args"]["member"] == "كمال بنعلي"


def test_a_quoted_title_after_bi_unwan_is_part_of_the_name():
    doc = make_doc('وأطلقت سلمى العمري مبادرة بعنوان "اقرأ معي" لتشجيع الأطفال على القراءة.',
                   {"سلمى العمري": "PERSON"})
    assert _one(doc, "LAUNCH").attrs["args"]["name"] == 'مبادرة بعنوان "اقرأ معي"'


def test_a_complementiser_bounds_a_meetings_clause_on_both_sides():
    doc = make_doc("وأعلنت الرباط أن محادثات وزراء الخارجية في تونس والجزائر حققت تقدما في ملف الحدود.",
                   {"الرباط": "GPE", "تونس": "GPE", "الجزائر": "GPE"})
    assert "الرباط" not in _one(doc, "MEETING").attrs["args"]["participants"]
    doc = make_doc("وقال الوزير كمال بنعلي، عقب اجتماع مع مسؤولي الأمم المتحدة، إنه جرى فتح المعابر مع ليبيا.",
                   {"كمال بنعلي": "PERSON", "الأمم المتحدة": "ORG", "ليبيا": "GPE"})
    assert "ليبيا" not in _one(doc, "MEETING").attrs["args"]["participants"]


def test_a_launch_verbs_definite_subject_is_no_object():
    doc = make_doc("وأطلقت الوكالة أيضا حملة لتشجيع الشباب على التطوع.", {})
    assert _one(doc, "LAUNCH").attrs["args"]["name"].startswith("حملة")


def test_the_speaker_before_a_summit_held_by_others_takes_no_part():
    doc = make_doc("وأشار سامي الخطيب إلى القمة التي عقدها الرئيس كمال بنعلي مع قادة دول المغرب العربي عام 2015.",
                   {"سامي الخطيب": "PERSON", "كمال بنعلي": "PERSON"})
    for e in extract_events(doc):
        assert "سامي الخطيب" not in (e.attrs["args"].get("participants") or [])



def test_a_press_conference_that_gathered_two_leaders_is_their_meeting_and_its_place_follows():
    doc = make_doc("وانتقد نواب في تونس تصريحات الرئيس سمير العلوي خلال المؤتمر الصحفي الذي جمعه مع نظيره "
                   "الجزائري كمال بنعلي في وهران، ودفاعه عن الاتفاق.",
                   {"تونس": "GPE", "سمير العلوي": "PERSON", "كمال بنعلي": "PERSON", "وهران": "GPE"})
    ev = _one(doc, "MEETING")
    assert ev.attrs["args"]["participants"] == ["سمير العلوي", "كمال بنعلي"] and ev.attrs["place"] == "وهران"


def test_an_agreement_signed_in_a_relative_clause_with_a_pronoun_and_one_hoped_for():
    doc = make_doc("وتسعى الحكومة إلى تجريد الشركة من اتفاقية الامتياز التي تم توقيعها في العام 2006.", {})
    assert _one(doc, "AGREEMENT").attrs["args"]["subject"] == "اتفاقية الامتياز"
    doc = make_doc("وتتواتر التسريبات حول اتفاق يأمل إبرامه المبعوث الأممي سامي الخطيب.", {"سامي الخطيب": "PERSON"})
    assert not [e for e in extract_events(doc) if e.label == "AGREEMENT"]


def test_a_meeting_verb_before_a_plural_body_is_a_conference_named_from_the_body():
    doc = make_doc("يجتمع وزراء مالية دول مجموعة العشرين في الرباط في أجواء يسودها التوتر مع واشنطن.",
                   {"مجموعة العشرين": "ORG", "الرباط": "GPE", "واشنطن": "GPE"})
    ev = _one(doc, "CONFERENCE")
    assert ev.attrs["args"]["name"] == "وزراء مالية دول مجموعة العشرين" and ev.attrs["place"] == "الرباط"
    assert not [e for e in extract_events(doc) if e.label == "MEETING"]



def test_a_name_in_quotation_marks_after_bi_is_no_party():
    from marsad.extract.events_parties import clause_parties
    from marsad.extract.people import words
    doc = make_doc('وأكد الوزير في تغريدة على صفحته ب"تويتر" أن المغرب سيوقع الاتفاق.',
                   {"تويتر": "ORG", "المغرب": "GPE"})
    assert clause_parties(doc, words(doc.text, 0, len(doc.text)), 0, len(doc.text), None) == ["المغرب"]


def test_a_place_in_what_was_said_after_the_trigger_is_not_the_events_place():
    doc = make_doc("وكان العلوي قد أكد خلال لقاء عقده مع نظيره الليبي كمال بنعلي أن الحوار السياسي في ليبيا سيتواصل.",
                   {"العلوي": "PERSON", "كمال بنعلي": "PERSON", "ليبيا": "GPE"})
    ev = _one(doc, "MEETING")
    assert ev.attrs["place"] is None and "ليبيا" not in ev.attrs["args"]["participants"]


def test_the_speaker_of_a_first_person_meeting_in_a_quotation_takes_part():
    doc = make_doc('وقال العلوي على تويتر "أجريت اتصالا هاتفيا طيبا مع كمال بنعلي رئيس تونس وناقشنا الأمن".',
                   {"العلوي": "PERSON", "كمال بنعلي": "PERSON", "تونس": "GPE"})
    assert _one(doc, "MEETING").attrs["args"]["participants"][:2] == ["العلوي", "كمال بنعلي"]
