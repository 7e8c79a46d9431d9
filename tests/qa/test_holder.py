"""Checks of marsad/qa/holder.py on sentences written by us (engineer Q8): holder, former,
restated, designation; each runs inside verify.check as a flag check."""
from marsad.qa import holder
from marsad.qa.question import analyze_question
from marsad.qa.verify import check, rules

from qa_helpers import question, span


def _sent(text):
    return (0, len(text))


def test_checks_are_flag_checks():
    assert {"holder", "former", "restated", "designation"} <= rules()["flags"]


def test_holder_asks_a_person_for_a_title():
    text = "ودعت نقابة المهندسين المغاربة وزارة التجهيز إلى الحوار."
    ents = [(*span(text, "نقابة المهندسين المغاربة"), "ORG", {}), (*span(text, "وزارة التجهيز"), "ORG", {})]
    q = analyze_question("من هو رئيس نقابة المهندسين المغاربة؟")
    assert holder.asks_holder(q)
    s, e = span(text, "وزارة التجهيز")
    assert holder.holder(q, text, ents, s, e)
    assert check(q, text, {"entities": ents}, s, e, "وزارة التجهيز", only={"holder"}) == "holder: رئيس"
    # a person answers it; so does any type when the question asks no title's holder
    text2 = "وقال رئيس النقابة كريم العلوي إن الحوار متوقف."
    ents2 = [(*span(text2, "كريم العلوي"), "PERSON", {})]
    assert not holder.holder(q, text2, ents2, *span(text2, "كريم العلوي"))
    for s2 in ("من وقع الاتفاقية مع وزارة التجهيز؟", "ما اسم الشركة التي فازت بالصفقة؟", "من هو مالك النادي؟"):
        assert not holder.holder(analyze_question(s2), text, ents, s, e), s2


def test_former_title_does_not_answer_the_present_one():
    text = "وصرح كريم العلوي، الرئيس المشارك السابق لجمعية الصيادين، بأن الموسم كان صعبا."
    s, e = span(text, "كريم العلوي")
    q = analyze_question("من هو الرئيس المشارك الحالي لجمعية الصيادين؟")
    assert holder.former(q, text, _sent(text), s, e)
    assert check(q, text, {}, s, e, "كريم العلوي", only={"former"}).startswith("former")
    # the question asks the former holder: no flag
    assert not holder.former(analyze_question("من هو الرئيس السابق لجمعية الصيادين؟"), text, _sent(text), s, e)
    # a title without a former-word next to the answer: no flag
    text2 = "وصرح كريم العلوي، الرئيس المشارك لجمعية الصيادين، بأن الموسم كان صعبا."
    assert not holder.former(q, text2, _sent(text2), *span(text2, "كريم العلوي"))


def test_restated_title_is_no_name():
    q = analyze_question("من هو عميد كلية الطب الذي زار المختبر؟")
    assert holder.restated(q, "عميد كلية العلوم والطب")
    assert not holder.restated(q, "سعيد المنصوري")
    assert not holder.restated(q, "عميد")  # one word: the type noun, trimmed elsewhere
    assert not holder.restated(q, "عميد سعيد المنصوري")
    assert not holder.restated(analyze_question("متى زار عميد كلية الطب المختبر؟"), "عميد كلية العلوم والطب")


def test_designation_is_no_count():
    text = "ورافقت الطائرات مقاتلتان من طراز إف-35 وثلاث مروحيات."
    q = analyze_question("كم عدد المقاتلات التي رافقت الطائرات؟")
    s = text.index("35")
    assert holder.designation(q, text, s)
    assert check(q, text, {}, s, s + 2, "35", only={"designation"}) == "designation: 35"
    text2 = "وشاركت في التمرين 35 مقاتلة و12 مروحية."
    assert not holder.designation(q, text2, text2.index("35"))
    assert not holder.designation(q, "بين 2015-2018 ارتفع العدد", len("بين 2015-"))  # a range of years
    assert not holder.designation(analyze_question("ما طراز المقاتلات؟"), text, s)


def test_restated_title_falls_back_to_the_name():
    """The chain: the flagged title-only span gives way to the name after it."""
    q = question("من هو عميد كلية الطب الذي زار المختبر؟")
    text = "زار عميد كلية العلوم والطب، سعيد المنصوري، المختبر الجديد أمس."
    s, e = span(text, "عميد كلية العلوم والطب")
    assert check(q, text, {}, s, e, "عميد كلية العلوم والطب", only={"restated"}) == "restated: عميد كلية العلوم والطب"
    s2, e2 = span(text, "سعيد المنصوري")
    assert check(q, text, {}, s2, e2, "سعيد المنصوري", only={"restated"}) is None


def test_rate_reads_a_definite_noun_without_a_verb_prefix():
    """السينما is no future prefix س + ينما (نما, a change word): the question asks a count."""
    from marsad.qa import scope
    q = analyze_question("كم عدد دور السينما التي افتتحت في المدينة؟")
    assert scope.rate(q, "8%")
    assert not scope.rate(analyze_question("كم ستنمو مبيعات السينما هذا العام؟"), "8%")
    text = "وقالت الشركة إن السينما ب12 قاعة جديدة ستفتح قريبا."
    assert not scope.change(q, text, text.index("12"))


def test_name_cut_out_of_an_organisation_span():
    """The tagger's ORG span «للنقابة كريم العلوي» holds the asked holder's name after the question's words."""
    q = analyze_question("من هو الأمين العام لنقابة الصيادلة؟")
    text = "وقال الأمين العام للنقابة كريم العلوي إن الإضراب مستمر."
    s, e = span(text, "للنقابة كريم العلوي")
    assert holder.name_after_question(q, text, s, e) == text.index("كريم العلوي")
    ents = [(s, e, "ORG", {})]
    a, b = span(text, "كريم العلوي")
    assert not holder.holder(q, text, ents, a, b)   # the cut name is a person
    assert holder.holder(q, text, ents, s, e)       # the whole span is not
    # no cut: the span is the question's words only, or the question asks no holder
    t2 = "وقال الأمين العام لنقابة الصيادلة إن الإضراب مستمر."
    assert holder.name_after_question(q, t2, *span(t2, "لنقابة الصيادلة")) is None
    assert holder.name_after_question(analyze_question("متى أضربت نقابة الصيادلة؟"), text, s, e) is None


def test_doer_of_another_party():
    """«وطردت الشركة الأولى 40 عاملا» is another doer's figure for «كم عاملا طردت الشركة الثانية»."""
    text = "وطردت مصر 40 دبلوماسيا في خطوة ردت عليها ليبيا بطرد عدد مماثل."
    ents = [(*span(text, "مصر"), "GPE", {}), (*span(text, "ليبيا"), "GPE", {})]
    q = question("كم دبلوماسيا طردت تونس؟", ("تونس", "GPE"))
    assert holder.doer(q, text, _sent(text), ents)
    assert check(q, text, {"entities": ents}, *span(text, "40"), "40", only={"doer"}) == "doer: 40"
    q2 = question("كم دبلوماسيا طردت مصر؟", ("مصر", "GPE"))
    assert not holder.doer(q2, text, _sent(text), ents)
    # the verb with no name after it: its doer may be the asked one
    text2 = "وطردت الحكومة 40 دبلوماسيا."
    assert not holder.doer(q, text2, _sent(text2), [])
    # where/when questions are not read: «أين رصدت سمكة القرش» is a passive
    qw = question("أين طردت تونس الدبلوماسيين؟", ("تونس", "GPE"))
    assert not holder.doer(qw, text, _sent(text), ents)
    # a noun after a preposition is no verb (في وسط المدينة)
    assert holder._doer(question("متى ألقى الوزير كلمته في وسط تونس؟", ("تونس", "GPE"))) is None


def test_quoted_date_is_the_speakers_topic():
    text = 'وفي كلمة ألقاها في الرباط قال الوزير "يجب أن ننهي الأشغال قبل يونيو 2031".'
    q = analyze_question("متى ألقى الوزير كلمته في الرباط؟")
    s, e = span(text, "يونيو 2031")
    assert holder.quoted(q, text, _sent(text), s, e)
    assert check(q, text, {}, s, e, "يونيو 2031", only={"quoted"}) == "quoted: يونيو 2031"
    # the asked predicate inside the quote, or a date outside it: no flag
    text2 = 'وقال الوزير "افتتحنا المصنع في يونيو 2031".'
    q2 = analyze_question("متى افتتح المصنع؟")
    assert not holder.quoted(q2, text2, _sent(text2), *span(text2, "يونيو 2031"))
    text3 = 'وفي يونيو 2031 قال الوزير "الأشغال انتهت".'
    assert not holder.quoted(q, text3, _sent(text3), *span(text3, "يونيو 2031"))


def test_country_count_is_no_dollar_amount():
    from marsad.qa.spans import unit_fit
    q = analyze_question("كم دولة وقعت على الميثاق؟")
    assert unit_fit("دولار", q) < 1.0
    assert unit_fit("دولة", q) > 1.0
    assert unit_fit("اتفاقيات", analyze_question("كم اتفاقية وقعت الوزارة؟")) > 1.0


def test_descriptor_phrase_before_without_article():
    """The title's «مصانع مغربية» is the question's «المصانع المغربية» the window calls «المصانع»."""
    from marsad.qa.verify import _phrase_before
    q = analyze_question("كم طنا صدرت المصانع المغربية إلى السنغال؟")
    assert _phrase_before(q, "مغرب", "محاكمة مصانع مغربية صدرت موادا إلى السنغال")
    assert not _phrase_before(q, "مغرب", "محاكمة مصانع صدرت موادا مغربية إلى السنغال")


def test_owner_named_after_a_common_noun():
    """«كم عمر اللاعب السابق كريم العلوي»: «العلوي (41 عاما)» is the asked age."""
    from marsad.qa.spans import owner_fit, owner_names
    from marsad.qa.verify import _owner_ok
    q = question("كم عمر اللاعب السابق كريم العلوي؟", ("كريم العلوي", "PERSON"))
    assert owner_names(q) == {"كريم", "العلوي"}
    text = "ولا يزال العلوي (41 عاما) في المستشفى."
    s = text.index("41")
    assert _owner_ok(text, s, q)
    assert owner_fit(text, s, q) > 1.0
    text2 = "ولا يزال سعيد (41 عاما) في المستشفى."
    assert not _owner_ok(text2, text2.index("41"), q)


def test_name_completed_to_the_end_of_its_apposition():
    """«رئيس الجمعية، سون هي إن، عن …»: the tagger stops before إن; the apposition's last word is the name's."""
    text = "وأعرب رئيس الجمعية، سون هي إن، عن أمله في التعاون."
    s, e = span(text, "سون هي")
    assert text[s:holder.complete_name(text, s, e)] == "سون هي إن"
    t2 = "وأعرب رئيس الجمعية، سون هي الرئيس، عن أمله."   # an article word is no part of the name
    assert holder.complete_name(t2, *span(t2, "سون هي")) == span(t2, "سون هي")[1]
    t3 = "وأعرب سون هي إن، رئيس الجمعية، عن أمله."        # no comma before the span: no apposition
    assert holder.complete_name(t3, *span(t3, "سون هي")) == span(t3, "سون هي")[1]


def test_future_question_is_no_past_weekday():
    """«متى سيفتتح المعرض» is not the «الثلاثاء» (before publication) on which it was announced."""
    text = "وأعلنت الوزارة الثلاثاء أنها ستفتتح المعرض في موعد لاحق."
    s, e = span(text, "الثلاثاء")
    dates = [(s, e, "DATE", {"value": "2030-03-05", "kind": "relative"})]
    q = analyze_question("متى سيفتتح المعرض؟")
    assert holder.future(q, text, dates, s, e, "2030-03-07")
    assert check(q, text, {"dates": dates}, s, e, "الثلاثاء", only={"future"}, published="2030-03-07") == "future: الثلاثاء"
    assert not holder.future(analyze_question("متى أعلنت الوزارة موعد المعرض؟"), text, dates, s, e, "2030-03-07")
    assert not holder.future(q, text, dates, s, e, "2030-03-01")  # a day after publication
    # a day and month without a year may be resolved to last year: not read
    t2 = "وسيفتتح المعرض في الرابع من نوفمبر."
    a, b = span(t2, "الرابع من نوفمبر")
    assert not holder.future(q, t2, [(a, b, "DATE", {"value": "2029-11-04", "kind": "relative"})], a, b, "2030-03-07")


def test_untitled_object_after_a_titled_name():
    """«أمر وزير الداخلية سمير العلوي المدير العام بفتح تحقيق»: المدير العام is the verb's object, not
    the title of سمير العلوي (who has his own before him); «سمير العلوي، المدير العام،» is."""
    from marsad.qa import anchor
    q = analyze_question("من هو المدير العام للأمن؟")
    text = "وأمر وزير الداخلية سمير العلوي المدير العام للأمن بفتح تحقيق."
    s, e = span(text, "سمير العلوي")
    assert anchor.untitled(q, text, _sent(text), s, e)
    t2 = "وقال سمير العلوي، المدير العام للأمن، إن التحقيق بدأ."
    assert not anchor.untitled(q, t2, _sent(t2), *span(t2, "سمير العلوي"))
    t3 = "وقال سمير العلوي المدير العام للأمن إن التحقيق بدأ."   # no title before the name: as before
    assert not anchor.untitled(q, t3, _sent(t3), *span(t3, "سمير العلوي"))
