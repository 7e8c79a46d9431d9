"""Where the evidence's words stand (marsad.qa.evidence): a date tied to another verb, a figure of
another object, a noun referring back to another phrase, a «نعم» without the question's
restrictions. Sentences written by us."""
from marsad.qa import evidence
from qa_helpers import question as _q
from qa_helpers import span as _span


def test_a_date_must_belong_to_the_asked_verb():
    q = _q("متى زار الوزير كريم العلمي تونس؟", ("كريم العلمي", "PERSON"), ("تونس", "GPE"))
    text = "وغادر الوزير كريم العلمي الأحد الجزائر التي زارها ضمن جولة تشمل أيضا تونس وليبيا."
    assert not evidence.attached(q, text, (0, len(text)), *_span(text, "الأحد"))
    text = "وقد زار الوزير كريم العلمي الأحد تونس في مستهل جولة مغاربية."
    assert evidence.attached(q, text, (0, len(text)), *_span(text, "الأحد"))
    # a verbal noun after a light verb, the date first
    q = _q("متى تم تأسيس فرع الجمعية في الرباط؟", ("الرباط", "GPE"))
    text = "وفي مارس 2012، تم تأسيس فرع للجمعية في الرباط."
    assert evidence.attached(q, text, (0, len(text)), *_span(text, "مارس 2012"))


def test_a_date_next_to_the_asked_object_belongs_to_it():
    q = _q("متى أصدرت مصر والأردن البيان المشترك حول الصيد؟", ("مصر", "GPE"), ("الأردن", "GPE"))
    text = "اتهمت مصر والأردن في بيان مشترك الخميس شركات الصيد بخرق الاتفاق."
    assert evidence.attached(q, text, (0, len(text)), *_span(text, "الخميس"))


def test_a_value_must_be_of_the_asked_object():
    q = _q("كم تبلغ قيمة اتفاق الإطار بين الشركتين؟")
    assert evidence.valued(q) == ["اتفاق", "الإطار"]
    text = "ووقعت الشركتان عقدين بقيمة 2 مليار دولار، إضافة إلى اتفاقية لإنشاء ميناء."
    assert not evidence.valued_ok(q, text, (0, len(text)))
    text = "وتبلغ قيمة اتفاق الإطار 3 مليارات دولار."
    assert evidence.valued_ok(q, text, (0, len(text)))
    q = _q("كم بلغ حجم التجارة بين البلدين في 2020؟")
    text = "وبلغ حجم التجارة غير النفطية بين البلدين في 2020 نحو 12 مليار دولار."
    assert evidence.valued_ok(q, text, (0, len(text)))
    # a price (سعر) is valued too: an exchange rate is not a sum pledged in another sentence
    q = _q("كم بلغ سعر صرف الدينار مقابل اليورو بعد الزيارة؟")
    assert evidence.valued(q) == ["صرف", "الدينار"]
    text = "وأعلن الوزير أن بلاده ستستثمر 4 مليارات يورو في قطاع الطاقة."
    assert not evidence.valued_ok(q, text, (0, len(text)))
    text = "وتراجع سعر صرف الدينار إلى 3,4 دينار مقابل اليورو الواحد."
    assert evidence.valued_ok(q, text, (0, len(text)))


def test_a_noun_referring_back_to_another_phrase_is_not_the_asked_one():
    q = _q("من هو رئيس رابطة الدوري المغربي؟")
    text = "أعلنت رابطة لاعبي كرة القدم في المغرب إضرابا. وقال رئيس الرابطة سمير الحداد إن القرار نهائي."
    assert not evidence.antecedent_ok(q, text, (46, len(text)))
    text = "أعلنت رابطة الدوري المغربي تأجيل المباراة. وقال رئيس الرابطة سمير الحداد إن القرار نهائي."
    assert evidence.antecedent_ok(q, text, (43, len(text)))


def test_a_yes_needs_the_questions_restrictions():
    q = _q("هل وقعت تونس والجزائر اتفاقية للتعاون العسكري؟", ("تونس", "GPE"), ("الجزائر", "GPE"))
    text = "ووقعت تونس والجزائر اتفاقية للتعاون الاقتصادي."
    assert evidence.yes_missing(q, text, (0, len(text))) == ["العسكري"]
    text = "ووقعت تونس والجزائر اتفاقية للتعاون العسكري."
    assert evidence.yes_missing(q, text, (0, len(text))) == []
