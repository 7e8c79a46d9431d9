"""Checks of marsad/qa/scope.py on sentences written by us (engineer Q7): echo, contrast, rate."""
from marsad.qa import scope
from marsad.qa.question import analyze_question
from marsad.qa.verify import rules


def _sent(text):
    return (0, len(text))


def test_checks_are_flag_checks():
    assert {"echo", "contrast", "rate"} <= rules()["flags"]


def test_echo_refuses_the_questions_own_year():
    q = analyze_question("متى اجتمع مجلس الإدارة الذي صادق على ميزانية 2030؟")
    assert scope.echo(q, "سنة 2030")
    assert not scope.echo(q, "12 مارس 2029")
    assert not scope.echo(q, "الأربعاء")
    q2 = analyze_question("كم زائرا استقبل المعرض بين 3 و 9 أبريل؟")
    assert scope.echo(q2, "9")
    assert not scope.echo(q2, "45 ألف")


def test_contrast_clause_names_another_subject():
    text = "استقبلت الحافلات 5 ملايين راكب خلال الصيف، أما الترامواي فسجل ارتفاعا بنسبة 7 في المائة في عدد ركابه."
    q = analyze_question("كم عدد ركاب الترامواي خلال الصيف؟")
    assert scope.contrast(q, text, _sent(text), text.index("5 ملايين")) == "ترامواي"
    q2 = analyze_question("كم راكبا استقبلت الحافلات خلال الصيف؟")
    assert scope.contrast(q2, text, _sent(text), text.index("5 ملايين")) is None
    # the asked word in the answer's own clause too: no flag
    text2 = "نقل الترامواي 2 مليون راكب، بينما سجل القطار تراجعا."
    assert scope.contrast(q, text2, _sent(text2), text2.index("2 مليون")) is None


def test_contrast_needs_a_marker():
    text = "استقبلت الحافلات 5 ملايين راكب خلال الصيف وسجل الترامواي ارتفاعا."
    q = analyze_question("كم عدد ركاب الترامواي خلال الصيف؟")
    assert scope.contrast(q, text, _sent(text), text.index("5 ملايين")) is None


def test_rate_needs_a_rate_or_change_question():
    q = analyze_question("كم يبلغ أجر العامل الشهري في المصنع؟")
    assert scope.rate(q, "8 في المائة")
    assert scope.rate(q, "8%")
    assert scope.rate(q, "8 فالمية")
    assert not scope.rate(q, "3000 درهم")
    for s in ("كم تبلغ نسبة البطالة في المدينة؟", "بكم ارتفع أجر العامل في المصنع؟", "كم بلغت زيادة الأجور؟",
              "كم يبلغ معدل التضخم؟"):
        assert not scope.rate(analyze_question(s), "8 في المائة"), s


def test_form_viii_predicate_root():
    from marsad.qa.verify import _uses, unstated
    q = analyze_question("متى ترتفع المنحة الشهرية للطلبة؟")
    preds = [x for x in unstated(q) if x[0] == "predicate"]
    assert preds and preds[0][2] == "رفع"
    assert _uses("وقررت الوزارة الرفع من المنحة الشهرية ب 200 درهم عن كل طالب.", "رفع")
    assert _uses("وارتفعت المنحة الشهرية إلى 900 درهم.", "رفع")
    assert not _uses("وقررت الوزارة صرف المنحة الشهرية في موعدها.", "رفع")


def test_figure_magnitude_and_decimal_comma():
    from marsad.qa.spans import decimal_end, decimal_tail, magnitude_after
    text = "منحت المؤسسة قرضا بقيمة 3 ملايير دولار، وتقلص العجز ب2،5 في السنة."
    e = text.index("3") + 1
    assert text[text.index("3"):magnitude_after(text, e)] == "3 ملايير دولار"
    s = text.index("2،5")
    assert decimal_end(text, s + 1) == s + 3
    assert decimal_tail(text, s + 2)
    assert not decimal_tail(text, s)
    plain = "وصل 40 زائرا، 12 منهم من الخارج."
    assert decimal_end(plain, plain.index("40") + 2) == plain.index("40") + 2
    assert not decimal_tail(plain, plain.index("12"))


def test_change_size_is_no_level():
    text = "وتوقع التقرير أن يتقلص الإنتاج الصناعي ب2،5 هذا العام."
    s = text.index("2،5")
    assert scope.change(analyze_question("كم يبلغ الإنتاج الصناعي؟"), text, s)
    assert not scope.change(analyze_question("بكم سيتقلص الإنتاج الصناعي؟"), text, s)
    assert not scope.change(analyze_question("كم تبلغ نسبة تراجع الإنتاج الصناعي؟"), text, s)
    text2 = "وبلغ الإنتاج الصناعي 40 مليون طن."
    assert not scope.change(analyze_question("كم يبلغ الإنتاج الصناعي؟"), text2, text2.index("40"))
