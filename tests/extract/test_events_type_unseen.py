"""Type rules from a hand-check of unseen ANT politics, economy and technology articles
(``event_sample.py dump --offset 9 --max-docs 60 --cats wide``, judged in ``event_check_e7a.json``),
on sentences written by us: triggers that tell no event of their type (a hope, a wish to create, a
failure to agree, a player's transfer, a superlative, a projectile fired, peaks counted), each with
a sentence of the same shape that still tells the event."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.events import extract_events


def _labels(text, ents):
    return [e.label for e in extract_events(make_doc(text, ents))]


def test_looking_forward_to_a_meeting_is_no_meeting():
    ents = {"سمير العلوي": "PERSON", "كمال بنعلي": "PERSON"}
    assert "MEETING" not in _labels("وقال سمير العلوي إنه يتطلع للقاء الوزير كمال بنعلي في الربيع.", ents)
    assert "MEETING" in _labels("وقال سمير العلوي إنه سيلتقي الوزير كمال بنعلي في الربيع.", ents)


def test_a_wish_to_create_launches_nothing():
    ents = {"سمير العلوي": "PERSON"}
    assert "LAUNCH" not in _labels("وقال المحلل إن سمير العلوي يريد إنشاء مرصد وطني للمياه.", ents)
    assert "LAUNCH" in _labels("وأعلن سمير العلوي إنشاء مرصد وطني للمياه.", ents)


def test_failing_to_reach_an_agreement_concludes_none():
    ents = {"تونس": "GPE", "مالطا": "GPE"}
    assert "AGREEMENT" not in _labels("وتوقع المراقبون فشل وفدي تونس ومالطا في التوصل لاتفاق حول الصيد البحري.", ents)
    assert "AGREEMENT" in _labels("ووقع وفدا تونس ومالطا اتفاقا حول الصيد البحري.", ents)


def test_a_players_transfer_is_no_membership():
    ents = {"كريم الساحلي": "PERSON", "الوداد": "ORG", "المنتخب المغربي": "ORG", "نادي باريس": "ORG",
            "الأرجنتين": "GPE"}
    assert "MEMBERSHIP" not in _labels("وأشرك المدرب لاعب الوداد كريم الساحلي لينضم إلى زملائه في المنتخب المغربي.",
                                       ents)
    assert "MEMBERSHIP" in _labels("وأعلنت الحكومة انضمام الأرجنتين إلى نادي باريس للدائنين.", ents)


def test_ahdath_after_a_preposition_is_a_superlative():
    ents = {"الشركة": "ORG"}
    assert "LAUNCH" not in _labels("وكشفت الشركة عن ثغرة جديدة في أحدث منصة لها للتواصل.", ents)
    assert "LAUNCH" not in _labels("وتعد هذه المنصة بأحدث منصة للتواصل في البلاد.", ents)


def test_launching_satellites_or_shells_launches_no_initiative():
    ents = {"مركز الفضاء الوطني": "ORG"}
    assert "LAUNCH" not in _labels("ورغم إطلاق مركز الفضاء الوطني عددا من الأقمار الصناعية، تأخر البرنامج.", ents)
    assert "LAUNCH" in _labels("وأعلن مركز الفضاء الوطني إطلاق برنامج لتدريب المهندسين.", ents)


def test_a_summit_noun_after_a_number_counts_peaks():
    assert "CONFERENCE" not in _labels("وقال المسؤول إن الفرق تبحث في حوالي مئة قمة بعد الانهيار الثلجي.", {})
    assert "CONFERENCE" in _labels("وقال المسؤول إن القادة اجتمعوا في قمة الاتحاد الأفريقي بأديس أبابا.",
                                   {"الاتحاد الأفريقي": "ORG", "أديس أبابا": "GPE"})


def test_a_signing_verb_before_an_incident_noun_signs_nothing():
    ents = {"عمان": "GPE", "وزارة الداخلية": "ORG"}
    assert "AGREEMENT" not in _labels("ووقعت اشتباكات بين قوات الأمن ومحتجين في العاصمة عمان مساء الأحد.", ents)
    assert "AGREEMENT" not in _labels("ووقعت مناوشات مع الشرطة قرب مقر وزارة الداخلية في عمان.", ents)
    assert "AGREEMENT" in _labels("ووقعت وزارة الداخلية اتفاقية مع بلدية عمان لتأمين الطرق.", ents)


def test_eagerness_for_a_summit_is_no_summit():
    ents = {"سمير العلوي": "PERSON", "كمال بنعلي": "PERSON"}
    assert _labels("وكتب سمير العلوي أنه متشوق للقمة مع كمال بنعلي.", ents) == []


def test_a_government_meeting_is_its_own_session():
    ents = {"كمال بنعلي": "PERSON", "سمير العلوي": "PERSON"}
    assert "MEETING" not in _labels("وقال سمير العلوي إن كمال بنعلي عين محافظا للبنك المركزي في أعقاب اجتماع حكومي.",
                                    ents)


def test_figurative_summits_and_laqa_in_return_for():
    ents = {"كمال بنعلي": "PERSON", "سمير العلوي": "PERSON"}
    assert _labels("ويظهر كمال بنعلي في قمة مستواه هذا الموسم مع سمير العلوي.", ents) == []
    assert _labels("وتلقى كمال بنعلي أموالا من سمير العلوي لقاء تقديمه معلومات سرية.", ents) == []


def test_talks_in_a_condition_are_no_meeting():
    ents = {"الولايات المتحدة": "GPE", "كندا": "GPE"}
    assert "MEETING" not in _labels(
        "وإذا لم تتمكن كندا من حل الخلاف في المحادثات الثنائية مع الولايات المتحدة فإنها ستواجه رسوما جديدة.", ents)
    assert "MEETING" in _labels("وتمكنت كندا من حل الخلاف في المحادثات الثنائية مع الولايات المتحدة.", ents)


def test_al_ahil_is_a_king_title_and_subjects_a_meeting():
    from marsad.extract.roles import extract_roles
    ents = {"عبد الله الثاني": "PERSON", "واشنطن": "GPE", "سمير العلوي": "PERSON"}
    doc = make_doc("وصل العاهل الأردني الملك عبد الله الثاني إلى واشنطن الأحد. "
                   "وأجرى العاهل الأردني مباحثات مع الرئيس سمير العلوي في البيت الأبيض.", ents)
    roles = {(r.attrs["person"], r.attrs["title"]) for r in extract_roles(doc)}
    assert roles == {("عبد الله الثاني", "العاهل الأردني"), ("سمير العلوي", "الرئيس")}
    meeting = next(e for e in extract_events(doc) if e.label == "MEETING")
    assert set(meeting.attrs["args"]["participants"]) == {"عبد الله الثاني", "سمير العلوي"}


def test_a_title_phrase_ends_before_bi_riasa():
    from marsad.extract.roles import extract_roles
    doc = make_doc("ووجه العاهل السعودي بتشكيل لجنة وزارية برئاسة ولي العهد الأمير سامي بن فهد.",
                   {"سامي بن فهد": "PERSON"})
    assert {(r.attrs["person"], r.attrs["title"]) for r in extract_roles(doc)} == {("سامي بن فهد", "ولي العهد")}


def test_sections_of_a_statement_are_no_agreement_list():
    ents = {"تونس": "GPE", "مالطا": "GPE"}
    doc = make_doc("ووقع الجانبان اتفاقية للتعاون في مجال الطاقة بين تونس ومالطا، وجاء في البيان الختامي:\n"
                   "- رحبت تونس بالتزام مالطا المستمر بحماية المهاجرين.\n- أشاد الطرفان بالتعاون الأمني بين البلدين.", ents)
    agreements = [e for e in extract_events(doc) if e.label == "AGREEMENT"]
    assert len(agreements) == 1 and agreements[0].attrs["args"]["subject"].startswith("في مجال الطاقة")
    doc = make_doc("ووقعت تونس ثلاث اتفاقيات مع مالطا:\n- اتفاقية للتعاون في الطاقة.\n- اتفاقية للتعاون في الصيد.\n"
                   "- اتفاقية للتعاون في النقل.", ents)
    assert [e.label for e in extract_events(doc)] == ["AGREEMENT"] * 3


def test_an_agreement_after_a_topic_word_is_cited_when_the_signing_is_of_something_else():
    ents = {"تونس": "GPE", "مالطا": "GPE", "الولايات المتحدة": "GPE"}
    assert _labels("وقال المتحدث إن تونس ستوقع على البيان المشترك مع مالطا، رغم الخلاف مع الولايات المتحدة "
                   "حول اتفاقية المناخ.", ents) == []
    assert _labels("ووقعت تونس مع مالطا اتفاقية حول الصيد البحري.", ents) == ["AGREEMENT"]


def test_joining_countries_in_doing_something_is_no_membership():
    ents = {"بريطانيا": "LOC", "ألمانيا": "GPE", "روسيا": "GPE", "الولايات المتحدة": "GPE", "تونس": "GPE",
            "الاتحاد الأفريقي": "ORG"}
    assert _labels("وأعلن ماكرون أنه سيتخذ إجراءات، وانضم إلى بريطانيا وألمانيا والولايات المتحدة في توجيه أصابع "
                   "الاتهام لروسيا.", ents) == []
    assert _labels("وأعلنت الحكومة انضمام تونس إلى الاتحاد الأفريقي للاتصالات.", ents) == ["MEMBERSHIP"]


def test_commitment_to_an_agreement_cites_it():
    ents = {"الولايات المتحدة": "GPE", "تونس": "GPE", "مالطا": "GPE"}
    assert _labels("وأكدت الأطراف الموقعة التزامها بالاتفاق الذي انسحبت منه الولايات المتحدة.", ents) == []
    assert _labels("وأكدت تونس التزامها بالاتفاق الذي وقعته مع مالطا في 2016.", ents) == ["AGREEMENT"]


def test_a_condition_concludes_nothing():
    ents = {"الاتحاد الأوروبي": "ORG", "تونس": "GPE"}
    assert _labels("ويقرن الاتحاد الأوروبي مساعداته لتونس بشرط التوقيع على اتفاقات لإعادة المهاجرين.", ents) == []


def test_a_call_noun_before_a_conference_is_a_call():
    ents = {"سمير العلوي": "PERSON", "الأمم المتحدة": "ORG"}
    assert _labels("وعرض سمير العلوي خطة أبرزها الدعوة لمؤتمر دولي للسلام منتصف العام.", ents) == []
    assert "CONFERENCE" in _labels("وشارك سمير العلوي في مؤتمر دولي للسلام عقدته الأمم المتحدة منتصف العام.", ents)


def test_thinking_of_efforts_towards_and_may_reach_an_agreement_conclude_none():
    ents = {"تونس": "GPE", "مالطا": "GPE", "سمير العلوي": "PERSON"}
    assert _labels("وقال سمير العلوي إن الصفقة التي يفكر في إبرامها مع مالطا ستكون مربحة.", ents) == []
    assert _labels("وناقش الوزراء جهود إبرام اتفاق تكميلي مع مالطا.", ents) == []
    assert _labels("وقال الوزير إن تونس قد تتوصل لاتفاق مع مالطا بخصوص الصيد.", ents) == []
    assert _labels("وكانت تونس قد وقعت اتفاقا مع مالطا بخصوص الصيد.", ents) == ["AGREEMENT"]


def test_a_negation_word_is_no_darija_signing_verb():
    ents = {"روسيا": "GPE", "أمريكا": "GPE"}
    assert _labels("وقال: نحن لسنا قريبين من صراع بين روسيا وأمريكا.", ents) == []


def test_peak_oil_is_no_summit():
    assert _labels("ويقدر الخبراء أن قمة عصر النفط قد تنتهي في غضون السنوات المقبلة.", {}) == []


def test_a_conference_named_by_its_city_and_tagged_as_an_organisation_is_told_once():
    ents = {"غونتر فايس": "PERSON", "مؤتمر ميونخ": "ORG", "تيريزا ماي": "PERSON", "المؤتمر التقدمي": "ORG"}
    doc = make_doc("وقال غونتر فايس في كلمة أمام مؤتمر ميونخ للأمن صباح الجمعة إن أوروبا موحدة. "
                   "وشهد المؤتمر لحظات تصفيق طويلة عندما تحدثت تيريزا ماي.", ents)
    (conf,) = [e for e in extract_events(doc) if e.label == "CONFERENCE"]
    assert conf.attrs["args"]["name"] == "مؤتمر ميونخ للأمن" and conf.attrs.get("more_evidence")
    assert _labels("وقال غونتر فايس إن حزب المؤتمر التقدمي سيشارك في الانتخابات.", ents) == []


def test_a_conference_name_ends_at_a_complementiser():
    ents = {"غونتر فايس": "PERSON", "تيريزا ماي": "PERSON", "برلين": "GPE"}
    doc = make_doc("وافتتح غونتر فايس المؤتمر الدولي للأمن السيبراني في برلين. "
                   "وحرصت تيريزا ماي على طمأنة الحضور في المؤتمر من أن بريطانيا لن تتخلى عن أوروبا.", ents)
    assert [e.label for e in extract_events(doc)] == ["CONFERENCE"]


def test_a_possible_or_proposed_summit_and_may_meet_are_no_events():
    ents = {"سمير العلوي": "PERSON", "كمال بنعلي": "PERSON", "فيينا": "GPE"}
    assert _labels("وقال المتحدث إن فيينا من بين المدن المرشحة لاستضافة قمة محتملة بين سمير العلوي وكمال بنعلي.",
                   ents) == []
    assert _labels("وقال سمير العلوي إن القمة المقترحة مع كمال بنعلي غير مناسبة الآن.", ents) == []
    assert _labels("وقال سمير العلوي إن الزعيمين قد يلتقيان قريبا مع كمال بنعلي.", ents) == []
    assert "MEETING" in _labels("وقال سمير العلوي إن القمة المرتقبة مع كمال بنعلي ستعقد في فيينا.", ents)
