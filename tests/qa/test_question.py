"""Question analysis: question words, expected answer types, lists, relations, units (questions written by us)."""
import pytest

from marsad.qa.question import analyze_question


@pytest.mark.parametrize("q, kind, types", [
    ("متى وقعت الحكومة الاتفاقية؟", "when", ["DATE"]),
    ("في أي سنة تأسست الجامعة؟", "when", ["DATE"]),
    ("أين عقد المؤتمر؟", "where", ["GPE", "LOC", "FAC"]),
    ("في أي مدينة عقد المؤتمر؟", "where", ["GPE", "LOC", "FAC"]),
    ("كم عدد المشاركين في المؤتمر؟", "how_many", ["FIGURE"]),
    ("بكم سنة حكم على المتهم؟", "how_many", ["FIGURE"]),
    ("من هو وزير الاقتصاد؟", "who", ["PERSON", "ORG"]),
    ("ومن وقع الاتفاقية؟", "who", ["PERSON", "ORG"]),
    ("ما منصب خالد العلمي؟", "title", ["TITLE"]),
    ("ماذا قال الوزير عن المشروع؟", "quote", ["QUOTE"]),
    ("هل انضمت تونس إلى المبادرة؟", "yesno", ["YESNO"]),
    ("ما هي المنظمة التي نظمت المنتدى؟", "which", ["ORG"]),
    ("أي دولة استضافت القمة؟", "which", ["GPE"]),
])
def test_kind_and_types(q, kind, types):
    a = analyze_question(q)
    assert (a.kind, a.types) == (kind, types)


def test_lists_relations_and_units():
    a = analyze_question("ما هي الدول التي انضمت إلى الشراكة؟")
    assert a.is_list and a.types == ["GPE"] and a.relation == "MEMBERSHIP"
    assert analyze_question("من هم الوزراء الذين حضروا الاجتماع؟").is_list
    assert not analyze_question("من هو رئيس الوفد؟").is_list
    assert analyze_question("من وقع اتفاقية مع الوزارة؟").relation == "AGREEMENT"
    assert analyze_question("أين سيعقد المجلس المقبل؟").relation == "CONFERENCE"  # by stem, not listed form
    # «أين وقع» asks where something happened: not a signature
    assert analyze_question("أين وقع الانفجار؟").relation is None
    assert analyze_question("كم دولة شاركت في القمة؟").unit_key == "دوله"
    assert analyze_question("كم عدد الدول المشاركة؟").unit_key == "الدول"


def test_focus_terms_leave_out_the_question_word():
    a = analyze_question("متى افتتح المركز الجديد؟")
    assert a.terms and all("متي" != t for t in a.terms)
    assert a.text[a.qword_end:].strip().startswith("افتتح")


def test_whose_age_is_asked():
    assert analyze_question("كم كان عمر سامي نجل خالد العلمي؟").owner == "سامي"
    assert analyze_question("كم عمر سامي؟").unit_key == "عمر"
    assert analyze_question("كم عدد سكان مدينة سوسة؟").owner is None


def test_the_figure_of_the_asked_person_and_the_place_of_a_direction():
    from marsad.qa.spans import owner_fit, reference_place

    text = "قتل خالد العلمي (35 عاما) ونجله سامي (13 عاما) في حي الزيتون شرق غزة وفي شرق خان يونس."
    q = analyze_question("كم كان عمر سامي نجل خالد العلمي؟")
    q.entities = [{"text": "خالد العلمي", "type": "PERSON"}]
    assert owner_fit(text, text.index("13"), q) > 1.0 > owner_fit(text, text.index("35"), q)
    # a bracketed age two words after the asked noun; «البالغ من العمر» gives another noun's age
    text2 = "يلتقي الوزير البالغ من العمر 71 عاما ولي العهد الشاب (35 عاما)."
    q2 = analyze_question("كم يبلغ عمر ولي العهد؟")
    q2.entities = []
    assert owner_fit(text2, text2.index("35"), q2) > 1.0 > owner_fit(text2, text2.index("71"), q2)
    assert reference_place(text, text.index("غزة"))
    assert not reference_place(text, text.index("خان يونس")) and not reference_place(text, text.index("الزيتون"))


def test_the_head_noun_of_the_question_introduces_the_answer():
    from marsad.qa.spans import _stems, head_near

    q = analyze_question("من هو مدرب نادي الوداد؟")
    assert q.head == "مدرب" and q.head_phrase == "مدرب نادي الوداد"
    assert analyze_question("ما اسم المحامي الذي دافع عن المتهم؟").head_phrase == "المحامي"
    assert analyze_question("من وقع الاتفاقية؟").head is None
    text = "وقال المدرب خالد العلمي إن اللاعب سامي العمراني جاهز."
    s = text.index("خالد")
    assert head_near(text, s, s + 11, _stems(q.head), _stems(q.head_phrase)) > 0
    s = text.index("سامي")
    assert head_near(text, s, s + 13, _stems(q.head)) == 0.0


def test_coordinated_counted_nouns_and_broken_plurals():
    from marsad.qa.spans import unit_fit

    q = analyze_question("كم عدد البلدان والمنظمات الموقعة على الإعلان؟")
    assert q.unit_also == ["المنظمات"] and unit_fit("منظمة", q) > 1.0
    assert analyze_question("كم دولة وقعت وصادقت على الاتفاقية؟").unit_also == []
    assert unit_fit("مبدأ", analyze_question("كم عدد المبادئ الأساسية؟")) > 1.0


def test_ordinals_are_constraints():
    assert analyze_question("متى ستعقد الدورة الثانية من المنتدى؟").ordinals == ["الثانية"]
    assert analyze_question("من هو الأمين العام للأمم المتحدة؟").ordinals == []


def test_a_past_tense_after_how_much_is_no_counted_unit():
    assert analyze_question("بكم بيعت حقوق البث عام 2014؟").unit_key is None
    assert analyze_question("كم بلغت قيمة الصفقة؟").unit_key is None
    assert analyze_question("بكم سنة حكم على الرجل؟").unit_key == "سنه"


def test_candidate_spans_the_tagger_or_the_figure_layer_cut():
    from types import SimpleNamespace

    from marsad.qa.spans import dateline_end, joined, typed_spans, with_measure

    # a length with its unit; a counted noun stays out
    text = "يمتد طول السكة إلى عشرة كيلومترات ويعمل فيها عشرة أشخاص."
    e = text.index("عشرة") + 4
    assert text[:with_measure(text, e, "كيلومتر")].endswith("عشرة كيلومترات")
    e2 = text.rindex("عشرة") + 4
    assert with_measure(text, e2, "شخص") == e2
    # two spans of one type one space apart are one name
    text = "في منطقة سيح السديرة، وعلى مقربة من دبي وأبوظبي"
    s1, s2 = text.index("سيح"), text.index("السديرة")
    ents = [(s1, s1 + 3, "LOC", {}), (s2, s2 + 7, "LOC", {"canonical": "السديرة"}), (text.index("دبي"), text.index("دبي") + 3, "GPE", {})]
    assert [text[a:b] for a, b, *_ in joined(text, ents)] == ["سيح السديرة", "دبي"]
    # the dateline is where the story was filed from
    assert dateline_end("الدوحة، قطر (CNN) -- وقعت قطر") == len("الدوحة، قطر (CNN) -- ")
    assert dateline_end("وقعت شركة الدار - اليوم مذكرة") == 0
    # a quoted name right after the asked noun, inside a quotation
    text = 'وذكر أنه "تتم عمليات التفتيش على القمر الصناعي "KALIFA-Sat" في كوريا".'
    doc = SimpleNamespace(text=text, layers={"entities": [], "roles": []})
    q = analyze_question("ما اسم القمر الصناعي الذي تجرى عليه عمليات التفتيش؟")
    assert "KALIFA-Sat" in [text[s:e] for s, e, *_ in typed_spans(doc, q, 0, len(text))]


def test_a_light_verb_takes_the_relation_of_its_event_noun():
    # «عقد» alone is a conference verb; «عقدت … مباحثات» asks about a meeting
    assert analyze_question("مع من عقد الوزير مباحثات في الرباط؟").relation == "MEETING"
    assert analyze_question("أين عقد الوزير اجتماعا مع نظيره؟").relation == "MEETING"
    assert analyze_question("أين عقدت قمة المناخ؟").relation == "CONFERENCE"
    assert analyze_question("متى عقد المنتدى الإفريقي للبيانات؟").relation == "CONFERENCE"


def test_signing_a_charter_is_an_adoption_and_a_generic_head_is_no_head():
    # written by us
    q = analyze_question("من وقع على ميثاق الرباط للبيانات المفتوحة؟")
    assert q.relation == "ADOPTION"
    assert analyze_question("من وقع اتفاقية مع وزارة الصحة؟").relation == "AGREEMENT"
    assert analyze_question("من وقع على الاتفاق مع المغرب؟").relation == "AGREEMENT"
    q = analyze_question("ما هي الجهة التي نظمت المنتدى؟")
    assert q.head is None and q.types == ["ORG"]
    assert analyze_question("ما هي الوزارة التي نظمت المنتدى؟").head == "الوزارة"


def test_a_noun_before_a_relative_pronoun_is_the_head_of_a_which_question():
    # written by us
    q = analyze_question("ما هو القرار الذي اعتمده مجلس الأمن بشأن المياه؟")
    assert q.kind == "which" and q.head == "القرار"
    assert analyze_question("ما هي الدولة التي استضافت المنتدى؟").head is None   # a type noun
