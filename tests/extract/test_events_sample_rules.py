"""Event rules from the hand-check of unseen articles (train/kb_gold/event_sample.py), on sentences
written by us: false triggers (readiness, withdrawal, an attempt, durations, appointments),
types (a summit between two named leaders is a MEETING) and argument boundaries."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _labels(doc):
    return [e.label for e in extract_events(doc)]


def test_readiness_fear_and_attempts_conclude_nothing():
    doc = make_doc("وقال الوزير إن بلاده مستعدة للتوقيع على اتفاقية للتبادل الحر مع كندا.", {"كندا": "GPE"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("اعتقلت الشرطة رجلا سافر في محاولة منه للانضمام إلى جماعة مسلحة في مالي.",
                   {"مالي": "GPE", "جماعة مسلحة": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("وكان الوزير مستعدا للقاء وفد من المعارضة في جنيف.", {"جنيف": "GPE"})
    assert "MEETING" not in _labels(doc)


def test_withdrawal_leaves_an_agreement_unless_a_signing_follows():
    doc = make_doc("وقال إن الرئيس يعتزم التوقيع على انسحاب بلاده من اتفاقية تجارية مع المكسيك.", {"المكسيك": "GPE"})
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("بعد انسحاب واشنطن من الاتفاق النووي الذي أبرمته قوى دولية مع إيران.",
                   {"واشنطن": "GPE", "إيران": "GPE"})
    assert "AGREEMENT" in _labels(doc)


def test_cited_agreement_and_events_between_dates_are_no_signing():
    doc = make_doc("غادر المقاتلون البلدة بموجب اتفاق بين الطرفين.")
    assert "AGREEMENT" not in _labels(doc)
    doc = make_doc("وأشار التقرير إلى هجمات وقعت بين 3 مارس و5 أبريل في حمص.", {"حمص": "GPE"})
    assert "AGREEMENT" not in _labels(doc)


def test_memberships_need_a_member_not_a_duration_or_an_appointee():
    doc = make_doc("أعيد انتخابه لست سنوات أخرى رئيسا للبلاد.")
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("وأعلنت الشركة تعيينه عضوا في مجلس الإدارة.", {"مجلس الإدارة": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("عاد إلى فرنسا وانضم إلى الجيش.", {"فرنسا": "GPE", "الجيش": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)


def test_launch_object_after_a_preposition_or_as_a_topic():
    doc = make_doc("يرسل الرادار أوامر الإطلاق إلى منصة الصواريخ.")
    assert "LAUNCH" not in _labels(doc)
    doc = make_doc("فشل المجلس في تبني مشروع قرار بشأن إنشاء آلية للتحقيق.")
    assert "LAUNCH" not in _labels(doc)


def test_a_rule_of_dashes_is_no_list_item():
    doc = make_doc("ووقعت الوزارة اتفاقية مع جامعة الرباط:\n" + "-" * 40 + "\nوفي سياق آخر، ارتفعت الأسعار.",
                   {"جامعة الرباط": "ORG"})
    evs = [e for e in extract_events(doc) if e.label == "AGREEMENT"]
    assert evs and all(any(c.isalpha() for c in doc.text[e.start:e.end]) for e in evs)


def test_summit_between_two_named_leaders_is_a_meeting():
    doc = make_doc("وتأتي التصريحات قبل أيام من قمة سنغافورة المرتقبة بين الرئيس الأمريكي دونالد ترامب "
                   "والزعيم الكوري الشمالي كيم جونغ أون.",
                   {"سنغافورة": "GPE", "دونالد ترامب": "PERSON", "كيم جونغ أون": "PERSON"})
    evs = extract_events(doc)
    assert [e.label for e in evs] == ["MEETING"]
    assert evs[0].attrs["args"]["participants"] == ["دونالد ترامب", "كيم جونغ أون"]


def test_conference_name_stops_at_a_meeting_verb_and_bare_mention_gets_its_name():
    doc = make_doc("على هامش قمة الاتحاد الأفريقي التقت الصحيفة وزير الخارجية.", {"الاتحاد الأفريقي": "ORG"})
    (c,) = [e for e in extract_events(doc) if e.label == "CONFERENCE"]
    assert c.attrs["args"]["name"] == "قمة الاتحاد الأفريقي"
    doc = make_doc("واتفق الزعماء على نتائج القمة. وقال الرئيس في ختام قمة بروكسل إن الاتفاق ثمرة عمل مشترك.",
                   {"بروكسل": "GPE"})
    (c,) = [e for e in extract_events(doc) if e.label == "CONFERENCE"]
    assert c.attrs["args"]["name"] == "قمة بروكسل" and c.attrs["place"] == "بروكسل"
    doc = make_doc("ويريد الرئيس أن تعقد القمة. ويشارك الوزير في قمة اقتصادية في موسكو.", {"موسكو": "GPE"})
    assert len([e for e in extract_events(doc) if e.label == "CONFERENCE"]) == 2


def test_organiser_with_elided_article_is_the_whole_word():
    doc = make_doc("وقال الرئيس في ختام قمة للاتحاد الأوروبي ودول البلقان في صوفيا إن المسألة جيوسياسية.",
                   {"لاتحاد الأوروبي": "ORG", "صوفيا": "GPE"})
    (c,) = [e for e in extract_events(doc) if e.label == "CONFERENCE"]
    assert c.attrs["args"]["organiser"] == "للاتحاد الأوروبي"


def _meeting(doc):
    (m,) = [e for e in extract_events(doc) if e.label == "MEETING"]
    return m


def test_titles_apposed_to_a_name_are_no_participants():
    doc = make_doc("تلقى الأمير محمد بن سلمان ولي العهد نائب رئيس مجلس الوزراء اتصالا هاتفيا اليوم من وزير "
                   "الخارجية الأمريكي مايك بومبيو.", {"محمد بن سلمان": "PERSON", "مايك بومبيو": "PERSON"})
    parts = _meeting(doc).attrs["args"]["participants"]
    assert {"محمد بن سلمان", "مايك بومبيو"} <= set(parts) and not {"نائب", "رئيس"} & set(parts)


def test_a_pronoun_on_the_meeting_word_names_the_other_participant():
    doc = make_doc("وأكد وزير الخارجية البحريني خالد بن أحمد أن بلاده تتعامل مع الدول، وذلك في تعليقه على اللقاء "
                   "الذي جمعه بوزير الخارجية السوري وليد المعلم.", {"خالد بن أحمد": "PERSON", "وليد المعلم": "PERSON"})
    assert _meeting(doc).attrs["args"]["participants"] == ["خالد بن أحمد", "وليد المعلم"]


def test_a_region_after_a_topic_noun_is_no_place():
    doc = make_doc("وتباحث ماكرون وبن سلمان في القضايا المشتركة وخاصة الوضع في الشرق الأوسط.",
                   {"ماكرون": "PERSON", "بن سلمان": "PERSON", "الشرق الأوسط": "LOC"})
    assert _meeting(doc).attrs["place"] is None


def _agreement(doc):
    (a,) = [e for e in extract_events(doc) if e.label == "AGREEMENT"]
    return a.attrs["args"]


def test_agreement_signers_of_a_relative_clause_and_of_a_reported_clause():
    doc = make_doc("حدد الرئيس الأمريكي دونالد ترامب موعدا لإعلان موقفه من الاتفاق التاريخي الذي أبرمته الدول الكبرى "
                   "مع إيران في 2015.", {"دونالد ترامب": "PERSON", "إيران": "GPE"})
    assert "دونالد ترامب" not in _agreement(doc)["parties"]
    doc = make_doc("وقالت وزارة الخارجية المغربية إنها وقعت اتفاقية تعاون مع وزارة الخارجية الإسبانية.",
                   {"وزارة الخارجية المغربية": "ORG", "وزارة الخارجية الإسبانية": "ORG"})
    assert _agreement(doc)["parties"][:1] == ["وزارة الخارجية المغربية"]


def test_the_clause_after_a_comma_is_no_agreement_subject():
    doc = make_doc("ومنذ توقيع الاتفاق، سلم آلاف المقاتلين أسلحتهم في كولومبيا.", {"كولومبيا": "GPE"})
    evs = [e for e in extract_events(doc) if e.label == "AGREEMENT"]
    assert all(not (e.attrs["args"].get("subject") or "").startswith("سلم") for e in evs)


def test_a_forum_issuing_a_statement_and_a_signing_in_general_are_no_events():
    doc = make_doc("على ما أفاد بيان صادر عن منتدى الأعمال الفرنسي السعودي الذي يضم أرباب عمل.")
    assert "CONFERENCE" not in _labels(doc)
    doc = make_doc("وقال: عندما يوقع رئيس أمريكي على اتفاق فإن ذلك ينبغي أن يكون ملزما لمن يخلفه.")
    assert "AGREEMENT" not in _labels(doc)


def test_elections_and_returns_need_an_organisation_right_after():
    doc = make_doc("ومنذ انتخابه في 2016، قتلت الشرطة نحو 4100 شخص.", {"الشرطة": "ORG"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("يجب أن تكون الخطوة المقبلة العودة إلى مفاوضات جنيف وتأييد جهود الأمم المتحدة.",
                   {"الأمم المتحدة": "ORG", "جنيف": "GPE"})
    assert "MEMBERSHIP" not in _labels(doc)
    doc = make_doc("رحبت كوريا بعودة المغرب إلى منظمة الاتحاد الإفريقي.", {"المغرب": "GPE", "الاتحاد الإفريقي": "ORG"})
    assert "MEMBERSHIP" in _labels(doc)


def test_refused_possible_or_conditional_agreements_are_none_unless_a_signing_is_told():
    for text in ("إذ يرفض جناحه المتشدد اتفاق الإجلاء مع الحكومة.",
                 "قال إن القمة فرصة للنظر في إمكانية التوصل لاتفاق مع كيم.",
                 "أمر بالاستعداد إذا انهار الاتفاق النووي المبرم مع الدول الكبرى."):
        assert "AGREEMENT" not in _labels(make_doc(text, {"كيم": "PERSON"})), text
    doc = make_doc("وهدد ترامب برفض تمديد الاتفاق النووي الذي أبرم في عهد أوباما مع إيران.",
                   {"ترامب": "PERSON", "أوباما": "PERSON", "إيران": "GPE"})
    assert "AGREEMENT" in _labels(doc)


def test_multilateral_meetings_are_conferences():
    doc = make_doc("وقالت الوزيرة قبل اجتماع وزراء خارجية الاتحاد الأوروبي في لوكسمبورغ إن القضية جدية.",
                   {"الاتحاد الأوروبي": "ORG", "لوكسمبورغ": "GPE"})
    assert _labels(doc) == ["CONFERENCE"]
    doc = make_doc("حذر الوزير من الحرب التجارية خلال اجتماع مجموعة العشرين في الأرجنتين.",
                   {"مجموعة العشرين": "ORG", "الأرجنتين": "GPE"})
    (c,) = extract_events(doc)
    assert c.label == "CONFERENCE" and c.attrs["place"] == "الأرجنتين"


def test_a_summit_or_their_meeting_after_a_meeting_tells_it_again():
    doc = make_doc("أعلنت الوزارة أن الرئيس مون وكيم جونغ أون سيجتمعان مجددا في قمة ثانية.",
                   {"مون": "PERSON", "كيم جونغ أون": "PERSON"})
    assert _labels(doc) == ["MEETING"]
    doc = make_doc("التقى الرئيس الروسي فلاديمير بوتين السبت في موسكو الرئيس الفلسطيني محمود عباس. "
                   "وقال بوتين لعباس عند لقائهما في الكرملين إنه مسرور.",
                   {"فلاديمير بوتين": "PERSON", "محمود عباس": "PERSON", "موسكو": "GPE", "الكرملين": "FAC"})
    assert _labels(doc) == ["MEETING"]


def test_parties_after_between_and_a_capital_with_its_adjective():
    doc = make_doc("أكد المتحدث زبي الله مجاهد أن اجتماعا بين طالبان والولايات المتحدة عقد في العاصمة القطرية الدوحة.",
                   {"زبي الله مجاهد": "PERSON", "طالبان": "ORG", "الولايات المتحدة": "GPE", "الدوحة": "GPE"})
    m = _meeting(doc)
    assert "زبي الله مجاهد" not in m.attrs["args"]["participants"] and "طالبان" in m.attrs["args"]["participants"]
    assert m.attrs["place"] == "الدوحة"


def test_an_unnamed_delegation_object_stops_at_its_verb():
    doc = make_doc("وظهر التوتر بعدما التقى ماكرون بوفد سوري ضم وحدات حماية الشعب في باريس.",
                   {"ماكرون": "PERSON", "باريس": "GPE"})
    assert _meeting(doc).attrs["args"]["participants"] == ["ماكرون", "وفد سوري"]


def test_denials_negations_and_frames_tell_no_event():
    for text in ("قال إن بلاده شاركت بالتقارب نافيا عقد اجتماعات سرية مع إسرائيل.",
                 "ولكن ما هي التبعات إن لم يتم التوصل لاتفاق مع الجانب الإيراني.",
                 "انتهت الحرب بهدنة دون توقيع اتفاق سلام بين البلدين.",
                 "وتم إنشاء المجلس ضمن اتفاقية بين الإمارات والسعودية."):
        assert _labels(make_doc(text, {"إسرائيل": "GPE", "الإمارات": "GPE", "السعودية": "GPE"})) == [], text


def test_summits_of_two_leaders_in_other_wordings_are_meetings():
    ents = {"كيم جونغ أون": "PERSON", "دونالد ترامب": "PERSON", "سنغافورة": "GPE"}
    for text in ("قال ترامب إنه سيوقف المناورات بعد القمة التاريخية في سنغافورة التي جمعته بالزعيم الكوري "
                 "الشمالي كيم جونغ أون.".replace("ترامب", "دونالد ترامب", 1),
                 "كشف الزعيم الكوري الشمالي كيم جونغ أون عن أمله في أن تؤدي القمة المرتقبة مع الرئيس الأميركي "
                 "دونالد ترامب إلى السلام."):
        evs = extract_events(make_doc(text, ents))
        assert [e.label for e in evs] == ["MEETING"], text
        assert set(evs[0].attrs["args"]["participants"]) == {"كيم جونغ أون", "دونالد ترامب"}


def test_the_signer_right_after_the_verb_is_the_party():
    doc = make_doc("وراجعت بي بي سي تقارير عن هجمات منذ أن وقعت سوريا على اتفاقية حظر الأسلحة الكيمياوية.",
                   {"بي بي سي": "ORG", "سوريا": "GPE"})
    assert _agreement(doc)["parties"] == ["سوريا"]


def test_mountain_tops_services_questions_and_aims_are_no_events():
    for text in ("تحطمت الطائرة بعد اصطدامها بقمة جبل في جنوب غرب إيران.",
                 "وتقدم الشركة خدمات الاتصالات الهاتفية والفضائية لسكان الإمارات.",
                 "وقالت إنها لا تعلم هل تم توقيع الصفقة بين العراق وروسيا.",
                 "وحدد الوزير مهلة أسبوعين للتوصل لاتفاق مع قادة الاتحاد الأوروبي."):
        doc = make_doc(text, {"إيران": "GPE", "الإمارات": "GPE", "العراق": "GPE", "روسيا": "GPE",
                              "الاتحاد الأوروبي": "ORG"})
        assert _labels(doc) == [], text


def test_adoptions_negated_or_acknowledged_are_none():
    for text in ("وقال المتحدث إنه لم يتم تبني أي من هذه التوصيات حتى الآن.",
                 "أقر الرئيس الأمريكي بأن القرار صدر بسبب انتقاداته."):
        assert "ADOPTION" not in _labels(make_doc(text)), text


def test_a_ministerial_meeting_and_a_name_before_its_verb():
    doc = make_doc("عقدت اللجنة الرباعية العربية اجتماعا بالرياض على المستوى الوزاري قبيل القمة العربية.",
                   {"الرياض": "GPE"})
    assert _labels(doc) == ["CONFERENCE"]
    doc = make_doc("وتضمن البيان الختامي لاجتماع طارئ عقدته دول منظمة التعاون الإسلامي دعوة إلى الحماية.",
                   {"منظمة التعاون الإسلامي": "ORG"})
    (c,) = extract_events(doc)
    assert c.attrs["args"]["name"] == "اجتماع طارئ"


def test_incidents_between_two_parties_and_phone_lines_are_no_events():
    doc = make_doc("وشهد المطار اصطدامات عديدة آخرها حادث وقع بين طائرة إسبانية وأخرى تركية في إسطنبول.",
                   {"إسطنبول": "GPE"})
    assert _labels(doc) == []
    doc = make_doc("وقال المتحدث إنه يجري استعادة التيار الكهربائي وخطوط الاتصال الهاتفي ببطء في الولاية.")
    assert _labels(doc) == []


def test_people_of_a_following_clause_take_no_part():
    doc = make_doc("استقبل العاهل السعودي الملك سلمان وزير الخارجية الأميركي مايك بومبيو، قبل أن يلتقي الأخير "
                   "بالأمير محمد بن سلمان.", {"سلمان": "PERSON", "مايك بومبيو": "PERSON", "محمد بن سلمان": "PERSON"})
    assert "محمد بن سلمان" not in _meeting(doc).attrs["args"]["participants"]
    doc = make_doc("وهي المرة الثالثة التي يلتقي فيها الوزير شو نظيره ري، منذ القمة بين مون وكيم.",
                   {"شو": "PERSON", "ري": "PERSON", "مون": "PERSON", "كيم": "PERSON"})
    assert set(_meeting(doc).attrs["args"]["participants"]) <= {"شو", "ري", "الوزير شو"}


def test_a_venue_after_bi_is_the_conference_place():
    doc = make_doc("نظمت الوزارة المؤتمر الوطني حول التعليم بجامعة ابن طفيل للعلوم، ثم عاد الضيوف إلى بلدانهم.",
                   {"الوزارة": "ORG", "جامعة ابن طفيل للعلوم": "ORG"})
    ev = next(e for e in extract_events(doc) if e.label == "CONFERENCE")
    assert ev.attrs["place"] == "جامعة ابن طفيل للعلوم"
    doc = make_doc("عقد المؤتمر الإقليمي للشباب في مقر جامعة الدول العربية.", {"جامعة الدول العربية": "ORG"})
    assert all(e.attrs["place"] != "جامعة الدول العربية" for e in extract_events(doc))   # a body, not a building


def test_a_country_in_an_instruments_name_is_no_member():
    doc = make_doc("وقعت تونس على ميثاق روما للبيئة، والتزمت بأن تصبح عضوا مؤسسا في التحالف الأخضر.",
                   {"تونس": "GPE", "روما": "GPE", "التحالف الأخضر": "ORG"})
    ev = next(e for e in extract_events(doc) if e.label == "MEMBERSHIP")
    assert ev.attrs["args"]["member"] == "تونس"


def test_a_merged_sentence_about_another_event_gives_no_date():
    from test_roles_support import place
    doc = make_doc("افتتحت قمة المناخ أعمالها في نيروبي اليوم. وقال الوزير إنه منذ إطلاق المبادرة سنة 2015 "
                   "تضاعف عدد أعضائها خلال القمة.", {"نيروبي": "GPE"}, published=None)
    place(doc, "dates", "سنة 2015", "DATE", value="2015")
    ev = next(e for e in extract_events(doc) if e.label == "CONFERENCE")
    assert ev.attrs.get("more_evidence") and ev.attrs["date"] != "2015"


def test_quantifiers_are_no_participants():
    doc = make_doc("وعقد الوزير لقاءات ثنائية مع العديد من المسؤولين الأفارقة على هامش المنتدى.")
    ev = next(e for e in extract_events(doc) if e.label == "MEETING")
    assert "العديد" not in ev.attrs["args"]["participants"]
    assert "المسؤولين الأفارقة" in ev.attrs["args"]["participants"]


def test_prevention_morsels_and_sociologists_are_no_events():
    doc = make_doc("منعت الجماعة المسلحة، إطلاق حملة التلقيح في المناطق الواقعة تحت سيطرتها.")
    assert "LAUNCH" not in _labels(doc)
    assert _labels(make_doc("ويقف الناس في طوابير من أجل لقمة العيش كل صباح.")) == []
    doc = make_doc("وقال إن علماء الاجتماع في فرنسا كانوا يتوقعون ذلك.", {"فرنسا": "GPE"})
    assert _labels(doc) == []


def test_a_time_or_a_pronoun_after_a_signing_verb_is_no_signer():
    doc = make_doc("بعد أن انهار آخر اتفاق وُقع قبل بضعة أيام لإعادة النازحين.")
    assert all("قبل بضعة" not in p for e in extract_events(doc) for p in e.attrs["args"].get("parties") or [])
    doc = make_doc("وتطلب إبطال اتفاق لعدم إفشاء الأسرار وقعت عليه قبل الانتخابات.")
    assert all(not p.startswith("عليه") for e in extract_events(doc) for p in e.attrs["args"].get("parties") or [])


def test_a_bodys_own_session_is_no_meeting():
    doc = make_doc("وجاءت تصريحات الرئيس في بداية الاجتماع الثالث لمجلس البحث الوطني، وهو هيئة استشارية.")
    assert _labels(doc) == []
    doc = make_doc("وقال الرئيس سمير العلي في اجتماع للقيادة الفلسطينية في نابلس إن الوزير أخطأ.",
                   {"سمير العلي": "PERSON", "نابلس": "GPE"})
    assert _labels(doc) == []
    assert _labels(make_doc("وعقد اجتماع طارئ لمجلس الوزراء مساء أمس.")) == []
    doc = make_doc("وعقد وزراء خارجية الدول العربية اجتماعا طارئا في القاهرة.", {"القاهرة": "GPE"})
    assert _labels(doc) == ["CONFERENCE"]


def test_a_quotation_after_the_trigger_names_no_participants():
    doc = make_doc('وقال في مؤتمر صحافي مشترك مع الوزير كريم السالمي "نحن عازمون على دعم ليبيا وتونس بكل قوة".',
                   {"كريم السالمي": "PERSON", "ليبيا": "GPE", "تونس": "GPE"})
    ev = next(e for e in extract_events(doc) if e.label == "MEETING")
    assert "ليبيا" not in ev.attrs["args"]["participants"] and "كريم السالمي" in ev.attrs["args"]["participants"]


def test_a_summit_between_two_countries_is_a_meeting():
    doc = make_doc("وخلال قمة نادرة بين الكوريتين الشهر الماضي في بانمونجوم، تعهد الزعيمان بالسلام.", {"بانمونجوم": "GPE"})
    assert _labels(doc) == ["MEETING"]
    doc = make_doc("وانعقدت في الخرطوم قمة بين مصر والسودان لبحث ملف المياه.",
                   {"الخرطوم": "GPE", "مصر": "GPE", "السودان": "GPE"})
    ev = extract_events(doc)[0]
    assert ev.label == "MEETING" and ev.attrs["args"]["participants"] == ["مصر", "السودان"]
    doc = make_doc("وناقش المجلس ما توصلت إليه القمة التي عقدت بين روسيا وإيران وتركيا في طهران.",
                   {"روسيا": "GPE", "إيران": "GPE", "تركيا": "GPE", "طهران": "GPE"})
    assert _labels(doc) == ["CONFERENCE"]   # three countries: a multilateral summit


def test_a_call_for_a_meeting_is_no_meeting():
    doc = make_doc("ودعت فرنسا إلى عقد اجتماع طارئ لمجلس الأمن.", {"فرنسا": "GPE", "مجلس الأمن": "ORG"})
    assert _labels(doc) == []
    assert _labels(make_doc("وطالب الرئيس بعقد قمة عربية عاجلة.")) == []
    assert _labels(make_doc("ودعا لاجتماع وزراء الخارجية العرب.")) == []
    doc = make_doc("ودعا الوزير خلال لقائه نظيره الفرنسي جان مارك إلى التهدئة.", {"جان مارك": "PERSON"})
    assert _labels(doc) == ["MEETING"]   # لقائه: the word's own ل, and the call follows the meeting


def test_an_interview_is_no_meeting_and_an_organisations_session_a_conference():
    doc = make_doc('وتوقع سامي المنسي، في اتصال هاتفي مع موقع "الأخبار"، أن يتقدم الجيش.', {"سامي المنسي": "PERSON"})
    assert _labels(doc) == []
    doc = make_doc("وقال ممثل روسيا في اجتماع مغلق لمجلس الأمن الدولي دعت إليه موسكو، إن الوضع خطير.",
                   {"روسيا": "GPE", "مجلس الأمن الدولي": "ORG", "موسكو": "GPE"})
    assert _labels(doc) == ["CONFERENCE"]


def test_a_country_in_an_instrument_after_the_trigger_is_no_member():
    doc = make_doc("وانضمت السلطة إلى المحكمة الجنائية الدولية في 2015 ووقعت على ميثاق روما.",
                   {"المحكمة الجنائية الدولية": "ORG", "روما": "GPE"})
    assert all(e.attrs["args"].get("member") != ["روما"] for e in extract_events(doc))



def test_a_cancel_word_before_a_titled_subject_cancels_and_names_stop_at_hasab():
    doc = make_doc("غداة إلغاء الرئيس سامي فريد قمة مع الزعيم كريم السالمي.",
                   {"سامي فريد": "PERSON", "كريم السالمي": "PERSON"})
    assert _labels(doc) == []
    doc = make_doc("ويدعو البيان الختامي لقمة حسب مسودة تسربت إلى الصحفيين إلى إرسال قوة حماية.")
    assert all(e.attrs["args"].get("name") != "قمة حسب" for e in extract_events(doc))


def test_negated_and_cancelled_meetings_and_lone_quantifiers():
    doc = make_doc("ولم يجتمع رئيس للولايات المتحدة بزعيم لكوريا الشمالية في أي وقت مضى.",
                   {"الولايات المتحدة": "GPE", "كوريا الشمالية": "GPE"})
    assert _labels(doc) == []
    doc = make_doc("ويوم السبت، ألغى سامي جميع لقاءاته الرسمية مع المسؤولين في كينيا.", {"سامي": "PERSON", "كينيا": "GPE"})
    assert _labels(doc) == []
    doc = make_doc("وقال القيادي في حزب المؤتمر الشعبي العام إن الوضع خطير.")
    assert _labels(doc) == []
