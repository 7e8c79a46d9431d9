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
    store = ingested_store(tmp_path, {"platform.txt": PLATFORM})
    try:
        res = ask(store, "ما هي المنصة الرقمية التي تبرزها وزارة الاقتصاد في المعرض؟")
        assert res["answer"] == "رصيد"
    finally:
        store.close()
