"""«ماذا قال/قالت X؟» answered from the knowledge base's quotes (marsad.qa.quotes), on articles
written by us: the speaker's quotes with exact citations (attributed by name, title or surname),
found by full name or surname, the question's other words as a filter, another speaker's quotes
never cited, and no answer when the speaker's quotes do not say what is asked."""
import pytest

from marsad.qa.answer import ask
from qa_helpers import ingested_store

A = """وزيرة الرقمنة تزور جامعة ابن طفيل

زارت وزيرة الرقمنة، السيدة سلمى الإدريسي، يوم الاثنين 3 يونيو 2024 جامعة ابن طفيل بمدينة القنيطرة.
وقالت الوزيرة: «سنفتح خمسة مراكز للذكاء الاصطناعي في الجامعات المغربية قبل نهاية السنة».
وأضافت الإدريسي: «البيانات المفتوحة ستساعد الباحثين على تطوير نماذج عربية».
"""
B = """ندوة حول حماية المعطيات في الرباط

انعقدت في الرباط يوم 10 يونيو 2024 ندوة حول حماية المعطيات الشخصية.
وقال رئيس اللجنة الوطنية، السيد كريم الودغيري: «حماية المعطيات شرط لثقة المواطنين في الإدارة الرقمية».
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested_store(tmp_path_factory.mktemp("qa_quotes"), {"a.txt": A, "b.txt": B})
    yield s
    s.close()


def _exact(store, res):
    assert res["citations"]
    for c in res["citations"]:
        text = store.get(c["doc_id"]).text
        assert text[c["start"]:c["end"]] == c["text"]
        assert c["sentence"][0] <= c["start"] <= c["end"] <= c["sentence"][1]


@pytest.mark.parametrize("question", ["ماذا قالت سلمى الإدريسي؟", "ماذا قالت الإدريسي؟"])
def test_a_speakers_quotes(store, question):
    res = ask(store, question)
    assert res["answer_type"] == "QUOTE" and res["answer"]
    assert len(res["items"]) == 2
    assert any("مراكز للذكاء الاصطناعي" in i for i in res["items"])
    assert any("البيانات المفتوحة" in i for i in res["items"])
    assert not any("حماية المعطيات شرط" in i for i in res["items"])  # another speaker's quote
    _exact(store, res)


def test_the_questions_other_words_choose_the_quote(store):
    res = ask(store, "ماذا قالت سلمى الإدريسي عن البيانات المفتوحة؟")
    assert res["items"] == [i for i in res["items"] if "البيانات المفتوحة" in i] and len(res["items"]) == 1
    _exact(store, res)
    res = ask(store, "ماذا قال كريم الودغيري؟")
    assert res["answer"] and "حماية المعطيات" in res["answer"]


def test_no_answer_when_the_speakers_quotes_do_not_say_it(store):
    assert ask(store, "ماذا قالت سلمى الإدريسي عن الطاقة الشمسية؟")["answer"] is None
