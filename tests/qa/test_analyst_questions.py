"""An analyst's questions on AI and digital-policy news (engineer Q9): articles written by us,
ingested with the full pipeline; a wrong name given with confidence is worse than a refusal."""
import pytest

from marsad.qa.answer import ask
from marsad.qa.holder import own_name
from marsad.qa.question import analyze_question
from qa_helpers import ingested_store

LAW = """الحكومة تصادق على قانون المعطيات الرقمية

صادق مجلس الحكومة يوم الخميس على قانون المعطيات الرقمية الذي يفرض عقوبات على الشركات المخالفة.
وينص القانون على غرامة لا تقل عن خمسين ألف درهم ولا تتجاوز 500 ألف درهم عن كل مخالفة.
وأوضح وزير التحول الرقمي سعيد الإدريسي أن مشروع القانون يهدف إلى حماية المواطنين.
وتضمن القانون إنشاء هيئة وطنية لحماية المعطيات يعين أعضاءها رئيس الحكومة.
"""
CLOUD = """سحاب تفتتح مراكز بيانات في طنجة

أعلنت شركة سحاب عن افتتاح مركز بيانات جديد في طنجة، وسيلتزم المركز بقواعد حماية المعطيات.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested_store(tmp_path_factory.mktemp("q9"), {"law.txt": LAW, "cloud.txt": CLOUD})
    yield s
    s.close()


def test_what_law_is_never_a_person(store):
    # «ما» asks of things: the minister who explains the law is not the law
    res = ask(store, "ما هو القانون الذي صادق عليه مجلس الحكومة؟")
    assert res["answer"] is None or "الإدريسي" not in res["answer"]
    assert all(c["type"] != "PERSON" for c in res["candidates"])
    # «من» still asks a person
    res = ask(store, "من هو وزير التحول الرقمي؟")
    assert res["answer"] == "سعيد الإدريسي"


def test_a_fine_is_a_figure(store):
    q = analyze_question("ما هي الغرامة القصوى التي ينص عليها القانون؟")
    assert q.types == ["FIGURE"]
    res = ask(store, "ما هي الغرامة القصوى التي ينص عليها القانون؟")
    assert res["answer"] is None or "درهم" in res["answer"]
    assert not res["answer"] or res["answer_type"] != "PERSON"


def test_what_centre_is_no_place(store):
    # «ما هو المركز الذي …» asks a thing: the city where another company's centres open is not it
    res = ask(store, "ما هو المركز الذي تضمن القانون إنشاءه؟")
    assert res["answer"] is None or "طنجة" not in res["answer"]
    assert all(c["type"] not in ("GPE", "LOC", "PERSON") for c in res["candidates"])


def test_the_questions_own_name_with_its_country_is_no_answer():
    q = analyze_question("مع من وقعت نجمة اتفاقية لتطوير الحوسبة السحابية؟")
    assert own_name(q, "نجمة المغربية")
    assert not own_name(q, "شركة أورنج")
    assert not own_name(q, "نجمة")    # the name itself is caught by the question-words rule
    q2 = analyze_question("من وقع اتفاقية مع الاتحاد الأوروبي؟")
    assert not own_name(q2, "الاتحاد الأفريقي")   # another union
    # a party noun read as a name: «الجانبين المغربي»
    assert own_name(analyze_question("من وقع مذكرة تفاهم مع الحكومة؟"), "الجانبين المغربي")


def test_an_agreement_for_another_purpose_is_flagged():
    from marsad.qa.verify import check, rules

    assert "purpose" in rules()["flags"]
    text = ("ووقعت شركة نجمة اتفاقية مع شركة أطلس لتطوير الحوسبة السحابية. "
            "وأبرمت نجمة اتفاقية أخرى مع شركة رمال لإنشاء مركز للتكوين.")
    cut = text.index("وأبرمت")
    layers = {"sentences": [(0, cut - 1), (cut, len(text))]}
    q = analyze_question("مع من وقعت نجمة اتفاقية لتطوير الحوسبة السحابية؟")
    s = text.index("رمال")
    assert check(q, text, layers, s, s + 4, "رمال", only={"purpose"}) == "purpose: لتطوير"
    s = text.index("أطلس")
    assert check(q, text, layers, s, s + 4, "أطلس", only={"purpose"}) is None
    # a question of no relation asks no purpose
    assert check(analyze_question("من هو المدير التنفيذي لاتحاد الصناعات؟"), text, layers, s, s + 4, "أطلس",
                 only={"purpose"}) is None


def test_a_light_verb_before_its_noun_is_no_predicate_to_find():
    from marsad.qa.verify import check, unstated

    q = analyze_question("أين ستعقد جلسة اللجنة الاقتصادية بشأن التجارة الرقمية؟")
    assert not [u for u in unstated(q) if u[0] == "predicate"]
    text = "وتأتي الحملة قبيل جلسة للجنة الاقتصادية في تونس مقررة الشهر المقبل بشأن التجارة الرقمية."
    s = text.index("تونس")
    assert check(q, text, {}, s, s + 4, "تونس", only={"unstated"}) is None
    # a verb of its own is still looked for (متى سيغادر …)
    assert [u for u in unstated(analyze_question("متى سيغادر الوفد الرباط؟")) if u[0] == "predicate"]


def test_a_name_cut_before_a_word_the_document_writes_with_it_again_is_completed():
    from marsad.qa.holder import complete_name

    text = "وصرح وزير الرقمنة سمير بنعلي قاسمي بأن المنصة جاهزة. وأضاف بنعلي قاسمي أن التمويل مضمون."
    s, e = text.index("سمير"), text.index("بنعلي") + len("بنعلي")
    assert text[s:complete_name(text, s, e)] == "سمير بنعلي قاسمي"
    # once only: no evidence that the next word is part of the name
    t2 = "وصرح وزير الرقمنة سمير بنعلي قاسمي بأن المنصة جاهزة."
    assert complete_name(t2, s, e) == e
