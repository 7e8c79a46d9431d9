"""Fifth round of QA generalisation (marsad.qa.anchor; sentences written by us): a date or place
must belong to the asked predicate with its object, not to an apposition describing a name nor
to a reported clause; a title written with no name is no person answer; a «نعم» needs the
question's predicate, not negated; «لأول مرة» is an ordinal; «التقى» is a predicate."""
from marsad.qa import anchor, evidence
from marsad.qa.question import analyze_question
from marsad.qa.verify import check
from qa_helpers import question as _q
from qa_helpers import span as _span


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


def test_a_date_between_a_reporting_verb_and_its_complementiser_dates_the_saying():
    q = _q("متى ستعقد القمة الثلاثية بشأن ليبيا؟")
    text = "وقالت وزارة الخارجية الإيطالية، الأربعاء، إن قمة ثلاثية بشأن ليبيا ستعقد قريبا."
    assert anchor.reported(q, text, _all(text), _span(text, "الأربعاء")[0])
    q = _q("متى أعلنت وزارة الخارجية الإيطالية عقد القمة؟")  # the saying is what is asked
    assert not anchor.reported(q, text, _all(text), _span(text, "الأربعاء")[0])


def test_a_party_after_between_is_no_venue():
    q = _q("أين ستعقد القمة الثلاثية بشأن ليبيا؟")
    text = "وستعقد قمة ثلاثية بشأن ليبيا بين زعماء إيطاليا وفرنسا ومصر."
    assert anchor.parties(q, text, _all(text), _span(text, "إيطاليا")[0])
    assert anchor.parties(q, text, _all(text), _span(text, "مصر")[0])
    text = "ووقعت الاتفاقية بين إيطاليا وليبيا في روما."
    assert not anchor.parties(q, text, _all(text), _span(text, "روما")[0])


def test_the_title_of_another_country_is_not_the_asked_one():
    q = _q("من هو وزير الخارجية الإيطالي؟")
    text = "واستقبل وزير الخارجية المصري سامح شكري نظيره في القاهرة."
    assert anchor.untitled(q, text, _all(text), *_span(text, "سامح شكري"))
    text = "واستقبل وزير الخارجية الإيطالي أنجلينو ألفانو نظيره في روما."
    assert not anchor.untitled(q, text, _all(text), *_span(text, "أنجلينو ألفانو"))


def test_a_list_item_takes_its_headings_predicate():
    q = _q("هل وقعت الوزارة اتفاقية مع جامعة الأخوين؟", ("جامعة الأخوين", "PERSON"))
    text = "ووقعت الوزارة الاتفاقيات التالية:\n- اتفاقية مع جامعة الأخوين في إفران.\n- اتفاقية مع بنك المغرب."
    item = _span(text, "- اتفاقية مع جامعة الأخوين في إفران.")
    assert anchor.yes_predicate(q, text, item, item)
    text = "وزارت الوزارة جامعة الأخوين. وبحث الجانبان اتفاقية مع جامعة الأخوين في إفران."
    win = _span(text, "وبحث الجانبان اتفاقية مع جامعة الأخوين في إفران.")
    assert not anchor.yes_predicate(q, text, win, win)


def test_the_ordinal_next_to_the_answer_is_the_asked_one():
    q = _q("أين عقد الاجتماع الثاني بين المغرب وتونس؟", ("المغرب", "GPE"), ("تونس", "GPE"))
    text = "وعقد البلدان اجتماعين، الأول في الرباط في 2015، والثاني في تونس في 2017."
    assert anchor.other_ordinal(q, text, _all(text), _span(text, "الرباط")[0]) == "الأول"
    assert anchor.other_ordinal(q, text, _all(text), _span(text, "تونس")[0]) is None


def test_a_place_outside_the_clause_of_the_asked_meeting_is_not_its_place():
    question = "أين التقى المبعوث كريم العلمي زعيم الحركة سمير الحداد؟"
    q = _q(question, ("كريم العلمي", "PERSON"), ("سمير الحداد", "PERSON"))
    text = ("ووصل كريم العلمي إلى العاصمة طرابلس، للقاء قيادات الحركة، قبل أن يلتقي زعيمها، "
            "سمير الحداد في مكان لم يكشف عنه.")
    assert anchor.elsewhere(q, text, _all(text), _span(text, "طرابلس")[0])
    text = "ووصل كريم العلمي إلى طرابلس، حيث التقى زعيم الحركة سمير الحداد."
    assert not anchor.elsewhere(q, text, _all(text), _span(text, "طرابلس")[0])


def test_a_yes_needs_the_predicate_of_the_asked_party():
    q = _q("هل انسحبت إسبانيا من الاتفاق؟", ("إسبانيا", "GPE"))
    text = "وتجري محادثات لإنقاذ الاتفاق عقب انسحاب البرتغال منه، بمشاركة إسبانيا وإيطاليا."
    ents = [(*_span(text, "البرتغال"), "GPE", {}), (*_span(text, "إسبانيا"), "GPE", {})]
    assert not anchor.yes_predicate(q, text, _all(text), _all(text), ents)
    text = "وأعلنت الحكومة انسحاب إسبانيا من الاتفاق."
    ents = [(*_span(text, "إسبانيا"), "GPE", {})]
    assert anchor.yes_predicate(q, text, _all(text), _all(text), ents)


def test_a_title_completed_by_a_noun_must_stand_next_to_the_answer():
    q = _q("من هو رئيس البرلمان التونسي؟")
    text = "وكان الرئيس التونسي الجديد، سمير الحداد، كلف الأسبوع الماضي وزيرا بتشكيل الحكومة وعرضها على البرلمان."
    assert anchor.titled(q, text, _all(text), *_span(text, "سمير الحداد"))
    text = "وقال سمير الحداد، رئيس برلمان التونسي، إن الجلسة ستعقد غدا."  # the article dropped
    assert not anchor.titled(q, text, _all(text), *_span(text, "سمير الحداد"))


def test_a_short_form_of_the_object_is_the_object():
    question = "متى يلتقي دونالد ترامب كيم جونغ أون؟"
    q = _q(question, ("دونالد ترامب", "PERSON"), ("كيم جونغ أون", "PERSON"))
    text = "ويتوقع أن يلتقي ترامب كيم في شهر يونيو."
    ents = [(*_span(text, "ترامب"), "PERSON", {}), (*_span(text, "كيم"), "PERSON", {})]
    assert evidence.other_object(q, text, _all(text), _span(text, "شهر يونيو")[0], ents) is None


def test_the_date_of_an_announcement_dates_a_past_fact_it_reports_with_no_date_of_its_own():
    # written by us: «أعلنت …، أمس الأحد، أن تونس … الانضمام» — the announcement is the only date
    q = _q("متى انضمت تونس إلى المنظمة الدولية للملكية الفكرية؟")
    text = "وأعلنت الخارجية التونسية، أمس الأحد، أن تونس استكملت إجراءات الانضمام إلى المنظمة الدولية للملكية الفكرية."
    a, b = _span(text, "أمس الأحد")
    assert anchor.announced(q, text, _all(text), a, b, [])
    layers = {"sentences": [(0, len(text), "SENT", {})], "entities": [], "events": [], "dates": [(a, b, "DATE", {})]}
    assert check(q, text, layers, a, b, "أمس الأحد", only={"attached", "reported"}) is None
    # a plan (future form) or a date of the fact itself in the reported clause: the report's date is not it
    text2 = "وأعلنت الخارجية التونسية، أمس الأحد، أن تونس ستنضم إلى المنظمة الدولية للملكية الفكرية."
    a2, b2 = _span(text2, "أمس الأحد")
    assert not anchor.announced(q, text2, _all(text2), a2, b2, [])
    text3 = "وأعلنت الخارجية التونسية، أمس الأحد، أن تونس انضمت إلى المنظمة الدولية للملكية الفكرية في 2019."
    a3, b3 = _span(text3, "أمس الأحد")
    d3 = _span(text3, "2019")
    assert not anchor.announced(q, text3, _all(text3), a3, b3, [(*d3, "DATE", {})])
    assert check(q, text3, {"sentences": [(0, len(text3), "SENT", {})], "entities": [], "events": [],
                            "dates": [(a3, b3, "DATE", {}), (*d3, "DATE", {})]},
                 a3, b3, "أمس الأحد", only={"attached", "reported"}) is not None


def test_a_title_with_the_state_noun_is_the_countrys_title():
    # written by us: «سفير المملكة المغربية لدى …» is the «سفير المغرب لدى …» asked
    q = _q("من هو سفير المغرب لدى اليابان؟", ("المغرب", "GPE"), ("اليابان", "GPE"))
    text = "وحضر اللقاء سفير المملكة المغربية لدى اليابان، السيد كريم بنعلي، إلى جانب ممثلي الشركات."
    assert not anchor.titled(q, text, _all(text), *_span(text, "كريم بنعلي"))
    assert anchor._state_of(["المملكه", "المغربيه"], "المغرب")
    assert not anchor._state_of(["المملكه", "الاردنيه"], "المغرب")
    text = "وحضر اللقاء سفير المملكة الأردنية لدى اليابان، السيد كريم بنعلي."
    assert anchor.titled(q, text, _all(text), *_span(text, "كريم بنعلي"))


def test_an_announcement_with_a_long_subject_dates_what_it_reports():
    # written by us: the subject stands between the verb and the date; بأن opens the reported clause
    q = _q("متى انضمت تونس إلى المنظمة الدولية للملكية الفكرية؟")
    text = ("وأفادت وزارة الشؤون الخارجية والهجرة التونسية، أمس الأحد، بأن تونس استكملت إجراءات الانضمام "
            "إلى المنظمة الدولية للملكية الفكرية.")
    assert anchor.announced(q, text, _all(text), *_span(text, "أمس الأحد"), [])
    # a date inside a reported clause is not the report's
    text2 = "وقال الوزير إن الحكومة أعلنت، أمس الأحد، أن تونس استكملت إجراءات الانضمام إلى المنظمة."
    assert not anchor.announced(q, text2, _all(text2), *_span(text2, "أمس الأحد"), [])
