"""Fifth round of QA generalisation (marsad.qa.anchor; sentences written by us): a date or place
must belong to the asked predicate with its object, not to an apposition describing a name nor
to a reported clause; a title written with no name is no person answer; a «نعم» needs the
question's predicate, not negated; «لأول مرة» is an ordinal; «التقى» is a predicate."""
from marsad.qa import anchor, evidence
from marsad.qa.question import analyze_question
from marsad.qa.verify import check


def _q(text, *ents):
    q = analyze_question(text)
    q.entities = [{"text": e, "type": t, "start": text.find(e), "end": text.find(e) + len(e)} for e, t in ents]
    return q


def _span(text, s, occ=0):
    i = -1
    for _ in range(occ + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def _all(text):
    return 0, len(text)


def test_a_place_after_another_conjunct_of_the_predicate_is_not_the_asked_objects():
    q = _q("أين سيقام المعرض الدولي للكتاب عام 2030؟")
    text = "وبحث الطرفان تنظيم المعرض الدولي للكتاب في 2030 وإقامة أمسية لشعراء تونسيين في صفاقس."
    assert not anchor.argued(q, text, _all(text), _span(text, "صفاقس")[0])
    text = "وسيقام المعرض الدولي للكتاب في صفاقس خلال ربيع 2030."
    assert anchor.argued(q, text, _all(text), _span(text, "صفاقس")[0])
    # the object may come before the predicate (a relative clause) or after the answer
    q = _q("متى قضت المحكمة الدستورية بإلغاء القانون؟")
    text = "ووصل الملف إلى المحكمة الدستورية التي قضت في 2019 بإلغاء القانون."
    assert anchor.argued(q, text, _all(text), _span(text, "2019")[0])


def test_a_place_in_an_apposition_describes_the_name():
    question = "أين التقى سمير الحداد بالرئيس التونسي؟"
    q = _q(question, ("سمير الحداد", "PERSON"))
    text = "والتقى سمير الحداد، الدبلوماسي المغربي المولود في ليون، بالرئيس التونسي، الأحد، وأطلعه على نتائج جولته."
    ents = [(*_span(text, "سمير الحداد"), "PERSON", {}), (*_span(text, "ليون"), "GPE", {})]
    assert anchor.apposition(q, text, _all(text), *_span(text, "ليون"), ents)
    text2 = "والتقى سمير الحداد بالرئيس التونسي، في قرطاج، الأحد."
    ents2 = [(*_span(text2, "سمير الحداد"), "PERSON", {}), (*_span(text2, "قرطاج"), "GPE", {})]
    assert not anchor.apposition(q, text2, _all(text2), *_span(text2, "قرطاج"), ents2)
    layers = {"sentences": [(0, len(text), "SENT", {})], "entities": ents, "events": []}
    assert check(q, text, layers, *_span(text, "ليون"), "ليون", only={"apposition"}).startswith("apposition")


def test_a_date_in_a_reported_clause_is_the_speakers():
    q = _q("متى أطلقت الوزارة برنامج التحول الرقمي؟")
    text = ("وأوضح الوزير خلال حفل إطلاق البرنامج، أنه على الرغم من التقدم المحقق، إلا أننا نواجه اليوم "
            "تحديات كبيرة في مجال الربط.")
    assert anchor.reported(q, text, _all(text), _span(text, "اليوم")[0])
    text = "وقال الوزير إن الوزارة أطلقت اليوم برنامج التحول الرقمي."
    assert not anchor.reported(q, text, _all(text), _span(text, "اليوم")[0])


def test_a_title_written_without_a_name_is_no_person_answer():
    q = _q("من هو وزير الصحة الفرنسي الذي انتقد الخطة؟")
    text = "وانتقد وزير الصحة الفرنسي الأربعاء الخطة التي قدمتها الحكومة إلى رئيسها إدوار فيليب."
    assert anchor.untitled(q, text, _all(text), *_span(text, "إدوار فيليب"))
    text = "وانتقد وزير الصحة الفرنسي جان دوبون الأربعاء الخطة التي قدمتها الحكومة."
    assert not anchor.untitled(q, text, _all(text), *_span(text, "جان دوبون"))
    text = "وانتقد جان دوبون، وزير الصحة الفرنسي، الخطة التي قدمتها الحكومة."
    assert not anchor.untitled(q, text, _all(text), *_span(text, "جان دوبون"))


def test_a_yes_needs_the_predicate_not_negated():
    q = _q("هل وافقت الجزائر على تعديل الاتفاقية مع تونس؟", ("الجزائر", "GPE"), ("تونس", "GPE"))
    text = "وقدمت تونس مقترحا لتعديل الاتفاقية مع الجزائر. لكن المشاورات لم تفض إلى توافق."
    assert not anchor.yes_predicate(q, text, _all(text))
    text = "ووافقت الجزائر على تعديل الاتفاقية مع تونس."
    assert anchor.yes_predicate(q, text, _all(text))


def test_a_verb_of_the_table_opening_with_al_is_the_predicate():
    q = _q("متى التقى الوزير كريم العلمي نظيره الليبي؟", ("كريم العلمي", "PERSON"))
    text = "وعين كريم العلمي الشهر الماضي في منصبه الجديد."
    assert not evidence.attached(q, text, _all(text), *_span(text, "الشهر الماضي"))
    text = "وخلال لقاء الوزير كريم العلمي نظيره الليبي الأحد، بحث الجانبان التعاون."
    assert evidence.attached(q, text, _all(text), *_span(text, "الأحد"))


def test_for_the_first_time_is_an_ordinal():
    assert analyze_question("متى زار الرئيس الصيني المغرب لأول مرة؟").ordinals == ["لأول"]
