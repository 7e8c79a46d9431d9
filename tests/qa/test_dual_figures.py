"""Quantities written without a number (duals, fractions) as answers to how-many questions."""
import pytest

from marsad.qa.answer import ask
from marsad.qa.spans import dual_figures
from qa_helpers import ingested_store

VISIT = """وزير الخارجية يزور كندا

يبدأ وزير الخارجية المغربي سمير الناصري، غدا الاثنين، زيارة رسمية إلى كندا تستغرق يومين.
ودام لقاؤه مع رئيس الوزراء نصف ساعة، بحسب بيان الوزارة.
وشارك في المعرض أكثر من 300 عارض.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested_store(tmp_path_factory.mktemp("duals"), {"visit.txt": VISIT})
    yield s
    s.close()


def test_dual_and_fraction_figures():
    text = "زيارة تستغرق يومين، واجتماع دام نصف ساعة، وحج مليوني حاج، واليومين الماضيين."
    got = {text[s:e]: a["value"] for s, e, _, a, _ in dual_figures(text, 0, len(text), [])}
    assert got == {"يومين": 2, "نصف ساعة": 0.5, "مليوني حاج": 2000000.0}


def test_how_many_days_answered_by_a_dual(store):
    res = ask(store, "كم يوما تستغرق زيارة وزير الخارجية المغربي إلى كندا؟")
    assert res["answer"] == "يومين" and res["citations"]


def test_how_long_answered_by_a_fraction(store):
    res = ask(store, "كم دام لقاء سمير الناصري مع رئيس الوزراء؟")
    assert res["answer"] == "نصف ساعة"


TRAIN = """قطار سريع بين مدينتين

تعتزم الحكومة، بحلول عام 2030، تشغيل قطار فائق السرعة ينقل المسافرين من القنيطرة إلى فاس في 40 دقيقة فقط، عبر مسافة تزيد على 190 كيلومترا.
"""


def test_a_measure_noun_asks_for_its_units(tmp_path):
    from marsad.qa.question import analyze_question

    q = analyze_question("كم تبلغ المسافة بين القنيطرة وفاس؟")
    assert q.unit_key and q.owner is None
    with ingested_store(tmp_path, {"train.txt": TRAIN}) as store:
        res = ask(store, "كم تبلغ المسافة بين القنيطرة وفاس عبر القطار فائق السرعة؟")
        assert res["answer"] == "190 كيلومترا"


SUMMIT = """قمة الرقمنة تنطلق في مراكش

انطلقت الدورة الثالثة لقمة الرقمنة اليوم في مراكش بحضور 900 شخص، وبمشاركة أكثر من مئة متحدث، و45 جهة عارضة، بالإضافة إلى ما يزيد عن 60 من المستثمرين.
"""


def test_counted_nouns_in_feminine_plural_attendance_and_a_hundred(tmp_path):
    with ingested_store(tmp_path, {"summit.txt": SUMMIT}) as store:
        assert ask(store, "كم عدد الجهات العارضة في قمة الرقمنة؟")["answer"] == "45"      # الجهات ↔ جهة
        assert ask(store, "كم عدد الحضور في قمة الرقمنة؟")["answer"] == "900"            # الحضور ↔ شخص
        assert ask(store, "كم عدد المتحدثين في قمة الرقمنة؟")["answer"] == "مئة"         # a hundred, no rate


OBIT = """رحيل عالم الفلك سليم الهواري

شهد فجر الخميس وفاة عالم الفلك المغربي سليم الهواري عن عمر 81 عاما.
"""


def test_a_verb_of_the_question_and_the_verbal_noun_of_the_article(tmp_path):
    # «متى توفي» ↔ «وفاة» (verb_nouns.json)
    with ingested_store(tmp_path, {"obit.txt": OBIT}) as store:
        assert ask(store, "متى توفي سليم الهواري؟")["answer"] == "فجر الخميس"


def test_a_future_verb_is_no_counted_noun(tmp_path):
    from marsad.qa.question import analyze_question

    assert analyze_question("كم سيكلف الخط الجديد؟").unit_key is None
    assert analyze_question("كم ستبلغ التكلفة الإجمالية؟").unit_key is None
    assert analyze_question("كم سنة قضى في السجن؟").unit_key
    with ingested_store(tmp_path, {"rail.txt": "الحكومة تعلن كلفة الخط\n\nقال وزير النقل سعيد الراشدي، اليوم "
                                                  "الثلاثاء بالرباط، إن الخط الجديد بين فاس ووجدة سيكلف 30 مليار درهم.\n"}) as store:
        assert ask(store, "كم سيكلف الخط الجديد بين فاس ووجدة؟")["answer"] == "30 مليار درهم"


def test_inhabitants_are_no_future_copula():
    from marsad.qa.question import analyze_question

    assert analyze_question("كم عدد سكان مدينة سوسة؟").unit_key == "سكان"


def test_a_part_of_the_answer_is_no_rival_for_its_confidence():
    # «18 ألفا و678» and its last part «678» are one answer: the margin is taken to the next other one
    from marsad.qa.answer import confidence_features
    from marsad.qa.candidates import Cand

    whole = Cand("d1", 100, 112, "18 ألفا و678", "FIGURE", 0.51, "18678|قاض", (90, 150))
    part = Cand("d1", 108, 112, "678", "FIGURE", 0.50, "678|قاض", (90, 150))
    other = Cand("d1", 40, 42, "13", "FIGURE", 0.29, "13|None", (30, 80))
    groups = [{"score": c.score, "best": c} for c in (whole, part, other)]
    assert abs(confidence_features(groups)[3] - (0.51 - 0.29) / 0.51) < 1e-9
