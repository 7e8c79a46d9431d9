"""Generic causes found by the second held-out set (engineer Q10), on sentences written by us:
a figure that counts another unit for a question asking an amount of money (check ``money``),
and an age told after «X البالغ من العمر» for a question about someone else (check ``owner``)."""
from marsad.ingest import process
from marsad.qa import scope
from marsad.qa.answer import LAYERS
from marsad.qa.question import analyze_question
from marsad.qa.verify import check, rules

from qa_helpers import question, span


def _doc(text):
    doc = process(text, source="test", published="2024-05-12")
    return doc.text, {n: [(s.start, s.end, s.label, s.attrs) for s in doc.spans(n)] for n in LAYERS}


def test_money_is_a_flag_check():
    assert "money" in rules()["flags"]


def test_a_count_of_units_is_no_amount_of_money():
    text, layers = _doc("عرضت الشركة مشروعا سكنيا يضم 12 ألف شقة بقيمة إجمالية تبلغ 9 مليارات درهم.")
    q = analyze_question("كم تبلغ قيمة المشروع السكني؟")
    assert scope.asks_money(q) == "قيمة"
    s, e = span(text, "12 ألف")
    assert scope.money(q, layers["figures"], s, e)
    assert check(q, text, layers, s, e, "12 ألف", only={"money"}).startswith("money")
    s, e = span(text, "9 مليارات درهم")
    assert scope.money(q, layers["figures"], s, e, "9 مليارات درهم") is None
    # a currency written in the answer is money, whatever unit the figures layer read
    assert scope.money(q, [(s, s + 1, "FIGURE", {"unit": "مليارات", "kind": "count"})], s, e, "9 مليارات درهم") is None
    # a question that counts units is not asking money
    q2 = analyze_question("كم شقة يضم المشروع السكني؟")
    assert scope.asks_money(q2) is None and scope.money(q2, layers["figures"], *span(text, "12 ألف")) is None


def test_a_fine_is_not_a_number_of_days():
    text, layers = _doc("أمهلت الهيئة الشركة 45 يوما لتسليم الوثائق أو دفع غرامة مالية.")
    q = analyze_question("كم تبلغ الغرامة التي تواجهها الشركة؟")
    assert scope.money(q, layers["figures"], *span(text, "45"))
    # «كم خسرت العملة من قيمتها»: the money noun after a preposition asks no amount of money
    assert scope.asks_money(analyze_question("كم خسرت العملة المحلية من قيمتها هذا العام؟")) is None


def test_an_age_after_another_noun_and_البالغ_is_not_the_asked_persons():
    text, layers = _doc("التقى رئيس الحكومة كريم الناصري بالوزير فؤاد الحلبي في العاصمة. "
                        "وقال الحلبي البالغ من العمر 58 عاما إن اللقاء كان مثمرا.")
    q = question("كم عمر كريم الناصري؟", ("كريم الناصري", "PERSON"))
    assert q.owner
    s, e = span(text, "58")
    assert check(q, text, layers, s, e, "58", only={"owner"}) == "owner: " + q.owner
    q2 = question("كم عمر فؤاد الحلبي؟", ("فؤاد الحلبي", "PERSON"))
    assert check(q2, text, layers, s, e, "58", only={"owner"}) is None


def test_an_age_after_the_asked_title_and_a_name_is_kept():
    text, layers = _doc("وصل ولي العهد الأمير سالم بن راشد البالغ من العمر 33 عاما إلى العاصمة أمس.")
    q = question("كم يبلغ عمر ولي العهد؟")
    s, e = span(text, "33")
    assert check(q, text, layers, s, e, "33", only={"owner"}) is None


def test_فيما_opens_a_clause_about_something_else():
    text = "عرضت الشركة الأولى مشروعا يضم 900 شقة بقيمة 3 مليارات درهم، فيما أعلنت الشركة الثانية عن مشروع مركز التجارة."
    q = analyze_question("كم تبلغ قيمة مشروع مركز التجارة؟")
    assert scope.contrast(q, text, (0, len(text)), text.index("3 مليارات")) is not None
    # «فيما يتعلق ب» is no contrast marker
    text2 = "بلغت قيمة المشروع 3 مليارات درهم فيما يتعلق بمركز التجارة وحده."
    assert scope.contrast(q, text2, (0, len(text2)), text2.index("3 مليارات")) is None


def test_a_place_before_the_predicate_gives_way_to_the_predicates_venue():
    text, layers = _doc("أعلن الديوان أن رئيس الوزراء تعهد باستثمارات جديدة في المغرب، خلال لقاء جمعه بالرئيس "
                        "الموريتاني في نواكشوط.")
    q = question("أين التقى رئيس الوزراء بالرئيس الموريتاني؟", ("الرئيس الموريتاني", "PERSON"))
    ents = layers["entities"]
    assert scope.venue(q, text, (0, len(text)), *span(text, "المغرب"), ents) == "نواكشوط"
    assert check(q, text, layers, *span(text, "المغرب"), "المغرب", only={"venue"}) == "venue: نواكشوط"
    assert scope.venue(q, text, (0, len(text)), *span(text, "نواكشوط"), ents) is None
    # the predicate stated before the answer too: the answer may be its venue
    text2, layers2 = _doc("التقى رئيس الوزراء في الرباط بالرئيس الموريتاني، ثم عاد اللقاء بينهما في نواكشوط.")
    assert scope.venue(q, text2, (0, len(text2)), *span(text2, "الرباط"), layers2["entities"]) is None


def test_a_light_verbs_object_noun_marks_the_venue():
    text, layers = _doc("تحدثت المديرة في مؤتمر للصندوق في جاكرتا للتحضير للاجتماعات السنوية في القاهرة في أكتوبر المقبل.")
    q = question("أين ستعقد الاجتماعات السنوية للصندوق؟")
    assert scope.venue(q, text, (0, len(text)), *span(text, "جاكرتا"), layers["entities"]) == "القاهرة"


def test_a_person_with_another_title_is_not_the_asked_titles_holder():
    text, layers = _doc("استقبل وزير الخارجية سالم الجابري أمس القنصل الفرنسي العام في مكتبه بالعاصمة. "
                        "وكان مدير الوكالة الوطنية للموانئ كريم التازي قد زار المكتب نفسه.")
    q = question("من هو القنصل الفرنسي العام؟")
    s, e = span(text, "سالم الجابري")
    assert scope.own_title(q, layers["roles"], s, e)
    assert check(q, text, layers, s, e, "سالم الجابري", only={"own_title"}).startswith("own_title")
    q2 = question("من هو وزير الخارجية؟")
    assert scope.own_title(q2, layers["roles"], s, e) is None
    # no title in the roles layer: no verdict
    assert scope.own_title(q, [], s, e) is None


def test_scope_checks_keep_their_order_and_names():
    q = analyze_question("كم يبلغ أجر العامل الشهري في المصنع؟")
    assert scope.failed(q, "x", {}, (0, 1), 0, 1, "8%", {"echo", "rate", "change"}) == "rate: 8%"
    assert scope.failed(q, "x", {}, (0, 1), 0, 1, "8%", {"echo"}) is None
