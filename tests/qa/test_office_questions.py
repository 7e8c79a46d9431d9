"""«من هو + office» questions answered from the roles layer (articles written by us)."""
import pytest

from marsad.qa.answer import ask
from qa_helpers import ingested_store

# a domestic story: the offices are named without the country, which the opening names
JORDAN = """الحكومة الأردنية تبحث مشروع قانون الضريبة

عمّان - التقى رئيس الوزراء الأردني المكلف سامر الخطيب عددا من النواب أمس.
وقال رئيس مجلس النواب، نادر العموري، إن المجلس سيناقش المشروع الأسبوع المقبل.
وأكد وزير الصناعة والتجارة، المهندس فارس الحديدي، أن الحكومة ستراجع الاتفاقيات التجارية.
"""
# another company's chairman: not the one of the company the question names
HYPER = """شركة نقل ذكي تختبر قطارا جديدا

قال رئيس مجلس إدارة شركة برق للنقل، كمال الرفاعي، إن الاختبارات ستبدأ في الصيف.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested_store(tmp_path_factory.mktemp("office"), {"jo.txt": JORDAN, "hyper.txt": HYPER})
    yield s
    s.close()


def test_office_named_after_who_is_answered_from_its_role(store):
    # the office's head word (وزير) is the question's head, not one of its terms
    res = ask(store, "من هو وزير الصناعة والتجارة الأردني؟")
    assert res["answer"] == "فارس الحديدي"
    assert res["citations"] and "وزير الصناعة والتجارة" in store.get(res["citations"][0]["doc_id"]).text


def test_domestic_office_takes_the_country_of_the_story(store):
    # «رئيس مجلس النواب» without a country, in a story whose opening is about Jordan
    res = ask(store, "من هو رئيس مجلس النواب الأردني؟")
    assert res["answer"] == "نادر العموري"


def test_domestic_office_is_not_another_country(store):
    res = ask(store, "من هو رئيس مجلس النواب المصري؟")
    assert res["answer"] is None


def test_office_of_another_body_is_not_the_asked_office(store):
    from marsad.qa.answer import collect

    # the chairman of another company holds an office of the same head (رئيس), not the asked one
    _, cands = collect(store, "من هو رئيس مجلس إدارة شركة سحاب؟")
    mine = [c for c in cands if c.text == "كمال الرفاعي"]
    assert mine and all("asked office" not in c.why and c.feats["head"] <= 0.5 for c in mine)
    _, cands = collect(store, "من هو رئيس مجلس إدارة شركة برق للنقل؟")
    assert any(c.text == "كمال الرفاعي" and "asked office" in c.why for c in cands)


def test_office_of_another_country_is_not_the_asked_office(store):
    from marsad.qa.question import analyze_question
    from marsad.qa.spans import asked_office, holds_office

    office = asked_office(analyze_question("من هي وزيرة الخارجية البريطانية؟"))
    text = "وقال وزير الخارجية الروسي سيرغي لافروف"
    russian = {"title_span": [4, 24], "country": "روسيا"}
    british = {"title_span": [4, 24], "country": "المملكة المتحدة"}
    assert not holds_office(text, russian, office) and holds_office(text, british, office)


def test_a_relative_clause_asks_more_than_the_office(store):
    from marsad.qa.question import analyze_question
    from marsad.qa.spans import asked_office

    assert asked_office(analyze_question("من هو رئيس مجلس النواب الأردني؟"))
    assert asked_office(analyze_question("من هو وزير الداخلية الألماني الذي وضع مهلة أمام ميركل؟")) is None
