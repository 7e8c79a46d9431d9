"""Event rules from a hand-check of unseen ANT politics, economy and technology articles
(``event_sample.py dump --cats wide``), on sentences written by us: one side's own people, wishes,
possibilities, calls, personnel decisions and nominal uses are no events; a summit whose pronoun
names someone of the sentence before is a MEETING; argument fixes (a launcher organisation, a
launched object's name, a subject that is a time or a word cut from a party)."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _labels(doc):
    return [e.label for e in extract_events(doc)]


def _one(doc, label):
    return next(e for e in extract_events(doc) if e.label == label)


def test_own_people_wishes_and_possibilities_are_no_meeting():
    doc = make_doc("وقال الرئيس بوتين خلال لقاء مع الأجهزة الأمنية إن الوضع مستقر.", {"بوتين": "PERSON"})
    assert "MEETING" not in _labels(doc)
    doc = make_doc("وقال نتنياهو في اجتماع مع نواب الحزب إنه يتحدث مع الأمريكيين.", {"نتنياهو": "PERSON"})
    assert "MEETING" not in _labels(doc)
    doc = make_doc("وقال باشينيان إنه يرغب في اجتماع مع الحزب الجمهوري.",
                   {"باشينيان": "PERSON", "الحزب الجمهوري": "ORG"})
    assert "MEETING" not in _labels(doc)
    doc = make_doc("وسئل الرئيس عن احتمال عقد قمة مع جاره.")
    assert "CONFERENCE" not in _labels(doc) and "MEETING" not in _labels(doc)
    doc = make_doc("والتقى الرئيس بوتين مع الرئيس ماكرون في موسكو.",
                   {"بوتين": "PERSON", "ماكرون": "PERSON", "موسكو": "GPE"})
    assert "MEETING" in _labels(doc)


def test_a_call_far_before_a_glued_meeting_noun_and_a_body_named_after_it():
    doc = make_doc("دعت رئيسة الوزراء البريطانية تيريزا ماي حكومتها لاجتماع طارئ الخميس.",
                   {"تيريزا ماي": "PERSON"})
    assert _labels(doc) == []
    doc = make_doc("جاء ذلك في كلمة ألقاها الرئيس باجتماع القيادة في رام الله.", {"رام الله": "GPE"})
    assert "MEETING" not in _labels(doc) and "CONFERENCE" not in _labels(doc)


def test_nominal_uses_and_personnel_decisions():
    doc = make_doc("وأصابت الصواريخ مقر اجتماع قادة الجماعة.")
    assert _labels(doc) == []
    doc = make_doc("وذكرت الصحيفة أن الاستخبارات اعترضت محادثات بين رجل أعمال ومسؤولين سوريين.")
    assert _labels(doc) == []
    doc = make_doc("وقد أصدر الوزير قرار إقالته بعد تحقيق داخلي.")
    assert "ADOPTION" not in _labels(doc)
    doc = make_doc("ويجري تحديد الموعد بالاتفاق مع البنك.", {"البنك": "ORG"})
    assert "AGREEMENT" not in _labels(doc)


def test_summit_whose_pronoun_names_someone_of_the_sentence_before():
    doc = make_doc("وصل الزعيم كيم إلى بكين الثلاثاء.\nوتأتي الزيارة بعد أيام من القمة التاريخية التي جمعته "
                   "بالرئيس دونالد ترمب في سنغافورة.",
                   {"كيم": "PERSON", "بكين": "GPE", "دونالد ترمب": "PERSON", "سنغافورة": "GPE"})
    ev = _one(doc, "MEETING")
    assert ev.attrs["args"]["participants"] == ["كيم", "دونالد ترمب"]
    assert "CONFERENCE" not in _labels(doc)


def test_launch_object_name_and_launcher():
    doc = make_doc("أعلن مجلس الوزراء إنشاء وكالة جديدة للتوظيف.", {"مجلس الوزراء": "ORG"})
    ev = _one(doc, "LAUNCH")
    assert ev.attrs["args"]["object"] == "وكالة" and ev.attrs["args"]["name"].startswith("وكالة")
    assert ev.attrs["args"]["launcher"] == "مجلس الوزراء"
    doc = make_doc("وأعلن زوكربرغ عن إطلاق الموقع لخدمة جديدة للمواعدة.", {"زوكربرغ": "PERSON"})
    assert _one(doc, "LAUNCH").attrs["args"]["name"].startswith("خدمة")


def test_agreement_subject_is_no_time_nor_a_cut_word():
    doc = make_doc("ووقعت مصر اتفاقية سلام مع إسرائيل بعد ذلك بعدة أعوام.", {"مصر": "GPE", "إسرائيل": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["args"]["subject"] is None
    doc = make_doc("وقعت حكومة البحرين الخميس اتفاقية مع الكويت وفقا لوكالة الأنباء البحرينية الرسمية.",
                   {"البحرين": "GPE", "الكويت": "GPE"})
    subject = _one(doc, "AGREEMENT").attrs["args"].get("subject") or ""
    assert not subject.startswith("ية")


def test_speaker_before_a_where_clause_takes_no_part():
    doc = make_doc("وأضاف أبو ردينة من موسكو، حيث عقد عباس محادثات مع الرئيس بوتين، أن الموقف ثابت.",
                   {"أبو ردينة": "PERSON", "موسكو": "GPE", "عباس": "PERSON", "بوتين": "PERSON"})
    assert _one(doc, "MEETING").attrs["args"]["participants"] == ["عباس", "بوتين"]


def test_negation_suspension_cancel_verb_purpose_and_objection():
    doc = make_doc("لكن إسرائيل اعتبرت الخطوة غير قانونية لأنها ليست عضوا في المحكمة.",
                   {"إسرائيل": "GPE", "المحكمة": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("ألغى مسؤولون من كوريا الشمالية اجتماعا مقررا مع نائب الرئيس مايك بنس.",
                   {"كوريا الشمالية": "GPE", "مايك بنس": "PERSON"})
    assert "MEETING" not in _labels(doc)
    doc = make_doc("ولن تعقد بيونغ يانغ محادثات قبل حل القضايا التي أدت إلى تعليق اجتماع رفيع المستوى.")
    assert "MEETING" not in _labels(doc)
    doc = make_doc("وصوت الناخبون لفتح الطريق أمام بلادهم للانضمام إلى الاتحاد الأوروبي.", {"الاتحاد الأوروبي": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("وتسقط أثينا بموجبه اعتراضاتها على انضمام مقدونيا إلى الاتحاد الأوروبي.",
                   {"أثينا": "GPE", "مقدونيا": "GPE", "الاتحاد الأوروبي": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)


def test_rallies_and_bills_are_no_events_and_a_launched_object_may_come_first():
    doc = make_doc("وقال المرشح خلال لقاء انتخابي في جبيل إنه لن يتراجع.", {"جبيل": "GPE"})
    assert _labels(doc) == []
    doc = make_doc("ويتزامن الإعلان عن مشروع القانون هذا مع اقتراب الانتخابات.")
    assert "LAUNCH" not in _labels(doc)
    doc = make_doc("وأوضحت لجنة برلمانية تم تشكيلها لبحث مشروع القانون أن الهدف هو التكريم.")
    assert _one(doc, "LAUNCH").attrs["args"]["name"] == "لجنة برلمانية"


def test_calls_drafts_corresponding_periods_and_incidents():
    doc = make_doc("ونقلت الصحيفة دعوة كل من فرنسا وبريطانيا إلى عقد اجتماع طارئ لمجلس الأمن.",
                   {"فرنسا": "GPE", "بريطانيا": "GPE", "مجلس الأمن": "ORG"})
    assert _labels(doc) == []
    doc = make_doc("واستخدمت روسيا حق النقض ضد مشروع قرار أمريكي لتشكيل لجنة تحقيق دولية.", {"روسيا": "GPE"})
    assert "LAUNCH" not in _labels(doc)
    doc = make_doc("وارتفعت التحويلات بنسبة 24% مقارنة بالفترة المناظرة من العام الماضي.")
    assert _labels(doc) == []
    doc = make_doc("وقتل منفذو الهجوم الذي وقع قبل ثلاثة أيام من لقاء بين قادة مالي والنيجر.",
                   {"مالي": "GPE", "النيجر": "GPE"})
    assert "AGREEMENT" not in _labels(doc)


def test_member_states_meeting_joint_conference_and_a_meeting_of_nobody():
    doc = make_doc("وفي بيان ختامي عقب اجتماع للدول الأعضاء فيه، قال التحالف إن التركيز باق.")
    assert "MEETING" not in _labels(doc)
    doc = make_doc("قال وزير الخارجية التركي مولود تشاوش أوغلو في مؤتمر مشترك مع نظيره الأردني أيمن الصفدي إن الوضع صعب.",
                   {"مولود تشاوش أوغلو": "PERSON", "أيمن الصفدي": "PERSON"})
    assert "MEETING" in _labels(doc) and "CONFERENCE" not in _labels(doc)
    doc = make_doc("وقال ترودو للصحفيين إلى جانب ماكرون \"نعرف أنه ستكون هناك محادثات صريحة حول الطاولة\".",
                   {"ترودو": "PERSON", "ماكرون": "PERSON"})
    assert "MEETING" not in _labels(doc)
    doc = make_doc("اتفق الزعيمان على عقد قمة ثالثة بين بلديهما الشهر المقبل.")
    assert "CONFERENCE" not in _labels(doc)


def test_victims_appointees_and_interviews_are_no_events():
    doc = make_doc("ووقعوا ضحية الإتجار بالبشر عبر الحدود مع الصين.", {"الصين": "GPE"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("وصادق مجلس الشيوخ على تعيين كافانو عضوا في المحكمة العليا.",
                   {"كافانو": "PERSON", "مجلس الشيوخ": "ORG", "المحكمة العليا": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("وأجرت دانييلز محادثات مع برنامج صباحي للظهور فيه.", {"دانييلز": "PERSON"})
    assert "MEETING" not in _labels(doc)


def test_memorandum_between_two_governments_with_topic_and_place_after_a_participle():
    doc = make_doc("وقرر مجلس الوزراء الموافقة على مذكرة تعاون بين حكومة المملكة وحكومة جمهورية كوريا حول "
                   "الرؤية المشتركة، الموقعة في مدينة (سيئول) بتاريخ 7 / 2 / 1439ه .",
                   {"سيئول": "GPE"})
    ev = _one(doc, "AGREEMENT")
    assert ev.attrs["args"]["parties"] == ["حكومة المملكة", "حكومة جمهورية كوريا"]
    assert ev.attrs["args"]["subject"].startswith("حول") and ev.attrs["place"] == "سيئول"
    doc = make_doc("وكان وزيرا داخلية موريتانيا والجزائر وقعا في نواكشوط اتفاقا مع الجزائر في 1962.",
                   {"موريتانيا": "GPE", "الجزائر": "GPE", "نواكشوط": "GPE"})
    assert _one(doc, "AGREEMENT").attrs["args"].get("subject") is None


def test_places_members_and_unnamed_parties():
    doc = make_doc("أعلن في العاصمة الأردنية عمان عن توقيع اتفاقية تجمع حكومة البلاد مع السعودية والكويت.",
                   {"عمان": "GPE", "السعودية": "GPE", "الكويت": "GPE"})
    ev = _one(doc, "AGREEMENT")
    assert ev.attrs["place"] == "عمان" and "عمان" not in ev.attrs["args"]["parties"]
    doc = make_doc("وأضاف المتحدث من موسكو، حيث عقد عباس محادثات مع بوتين، أن الموقف ثابت.",
                   {"موسكو": "GPE", "عباس": "PERSON", "بوتين": "PERSON"})
    assert _one(doc, "MEETING").attrs["place"] == "موسكو"
    doc = make_doc("ووافق مؤتمر الاشتراكية الدولية على انضمام حزب الاتحاد الديمقراطي إلى الاشتراكية الدولية.",
                   {"الاشتراكية الدولية": "ORG", "حزب الاتحاد الديمقراطي": "ORG"})
    ev = _one(doc, "MEMBERSHIP")
    assert ev.attrs["args"]["member"] == ["حزب الاتحاد الديمقراطي"]
    assert ev.attrs["args"]["organisation"] == "الاشتراكية الدولية"
    doc = make_doc("والتقى باشينيان نوابا روسا مؤكدا لهم أن العلاقات جيدة.", {"باشينيان": "PERSON"})
    assert "نوابا روسا" in " ".join(_one(doc, "MEETING").attrs["args"]["participants"])


def test_expectations_member_states_and_conditions():
    doc = make_doc("توقع بنك جي بي مورغان أن تقود الطروحات الأولية وصفقات الاندماج النمو في المنطقة.",
                   {"جي بي مورغان": "ORG"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("وعمدت 19 دولة عضوا في الاتحاد الأوروبي إلى طرد دبلوماسيين روس.", {"الاتحاد الأوروبي": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("وفي حال تم توقيع اتفاق نهائي مع قطر فستشكل الصفقة مكسبا للبرنامج.", {"قطر": "GPE"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("ووقعت الحكومة اتفاقا مع قطر لشراء 24 طائرة.", {"قطر": "GPE", "الحكومة": "ORG"})
    assert "AGREEMENT" in _labels(doc)


def test_the_subject_after_a_launch_verb_launches():
    doc = make_doc("وتم توقيف دميرتاش خلال الحملة الأمنية التي أطلقتها أنقرة عقب الانقلاب.",
                   {"دميرتاش": "PERSON", "أنقرة": "GPE"})
    assert _one(doc, "LAUNCH").attrs["args"]["launcher"] == "أنقرة"


def test_foiled_deals_and_sought_meetings():
    doc = make_doc("وأعلن الجيش إحباط صفقة أسلحة مع تجار في الخليل.", {"الخليل": "GPE"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("وأضاف أن روسيا تسعى للقاء مع كبار مسؤولي المنظمة.", {"روسيا": "GPE"})
    assert "MEETING" not in _labels(doc)
