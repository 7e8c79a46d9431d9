"""«من ينظم …»: a conference's organiser read as a noun phrase from the knowledge base's event
(an article written by us)."""
import pytest

from marsad.qa.answer import ask
from qa_helpers import ingested_store

FORUM = """منتدى الرقمنة المغاربية ينطلق غدا في الرباط

يفتتح وزير الاقتصاد سمير الناصري، يوم غد الأربعاء، أعمال منتدى #الرقمنة_المغاربية 2025، الذي تنظمه مؤسسة "رقمنة" الدولية بالشراكة مع وزارة الاقتصاد، في فندق المنار بالرباط.
وقال الناصري إن المنتدى يناقش التحول الرقمي في المنطقة.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested_store(tmp_path_factory.mktemp("forum"), {"forum.txt": FORUM})
    yield s
    s.close()


def test_who_organises_is_the_organiser_not_the_opener(store):
    res = ask(store, "من ينظم منتدى الرقمنة المغاربية؟")
    assert res["answer"] == 'مؤسسة "رقمنة" الدولية'
    assert res["citations"]



PLATFORM = """الوزارة تعرض خدماتها الرقمية

وتشارك وزارة الاقتصاد بجناح في المعرض المصاحب، يبرز منصة (رصيد) الرقمية التي تقدم خدمات مالية للجماعات الترابية.
"""


def test_a_name_in_brackets_after_the_asked_noun(tmp_path):
    with ingested_store(tmp_path, {"platform.txt": PLATFORM}) as store:
        res = ask(store, "ما هي المنصة الرقمية التي تبرزها وزارة الاقتصاد في المعرض؟")
        assert res["answer"] == "رصيد"


REPORT = """تقرير عن تجارب البلوكتشين

وصف تقرير المصرف الإقليمي في تونس العملات الرقمية مثل بيتكوين وإيثريوم بأنها خطرة.
ورغم أن دولا تجرب تكنولوجيا البلوكتشين مثل البرازيل (مشروع ساحل) والهند (مشروع نهر) إلا أن أيا منها لم يصدر عملة رقمية.
"""


def test_a_bracketed_name_starting_with_the_asked_noun_and_its_owner(tmp_path):
    with ingested_store(tmp_path, {"report.txt": REPORT}) as store:
        res = ask(store, "ما هو المشروع الذي تجرب فيه الهند تكنولوجيا البلوكتشين؟")
        assert res["answer"] == "مشروع نهر"
        res = ask(store, "ما هو المشروع الذي تجرب فيه البرازيل تكنولوجيا البلوكتشين؟")
        assert res["answer"] == "مشروع ساحل"
        # «العملات الرقمية التي …»: the head noun with its adjective before the relative pronoun names
        # what is asked, so the report's city is no answer
        res = ask(store, "ما هي العملات الرقمية التي وصفها تقرير المصرف الإقليمي بأنها خطرة؟")
        assert res["answer"] != "تونس"


def test_a_head_noun_with_adjectives_before_the_relative_pronoun():
    from marsad.qa.question import analyze_question

    q = analyze_question("ما هي العملات الرقمية التي وصفها التقرير بأنها خطرة؟")
    assert q.head == "العملات" and q.head_phrase == "العملات الرقمية"


def test_between_whom_asks_for_both_sides(tmp_path):
    from marsad.qa.question import analyze_question

    q = analyze_question("بين من وقعت اتفاقية التعاون؟")
    assert q.is_list and q.dual
    text = ("المغرب والبرتغال يوقعان اتفاقية للتراث\n\nأعلنت وزارة الثقافة، اليوم، عن توقيع اتفاقية تعاون بين "
            "المملكة المغربية والبرتغال لترميم المواقع التاريخية في مدينة الجديدة.\n")
    with ingested_store(tmp_path, {"heritage.txt": text}) as store:
        res = ask(store, "بين من وقعت اتفاقية تعاون لترميم المواقع التاريخية في مدينة الجديدة؟")
        assert set(res.get("items") or []) == {"المملكة المغربية", "البرتغال"}


def test_a_candidate_named_by_the_asked_noun_is_introduced_by_it(tmp_path):
    from marsad.qa.spans import head_near

    text = "شارك مدير الشركة للتعليم في رحلة تعليمية افتراضية مع كلية التدريس لدى جامعة كولومبيا."
    s = text.index("جامعة كولومبيا")
    assert head_near(text, s, s + len("جامعة كولومبيا"), {"جامع"}, {"جامع", "مدير", "شرك", "رحل"}) == 1.0
