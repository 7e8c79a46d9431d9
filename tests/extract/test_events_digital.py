"""Events of AI and digital-policy articles (E10): a conference's organiser in a relative clause,
agreement-list items that name two sides after بين, a country inside a plan's name, a value that is
no subject. Sentences written by us."""
from __future__ import annotations

from marsad.ingest import process


def _events(text: str):
    doc = process(text, source="test", published="2024-05-12")
    return sorted(doc.spans("events"), key=lambda e: e.start)


def _args(ev) -> dict:
    return ev.attrs["args"]


def test_the_organiser_named_in_a_relative_clause_after_the_conference():
    evs = _events("شارك الوزير في المنتدى الإفريقي للبيانات المفتوحة، الذي تنظمه الجمعية المغربية للرقمنة، "
                  "في مدينة طنجة.")
    conf = next(e for e in evs if e.label == "CONFERENCE")
    assert _args(conf)["organiser"] == "الجمعية المغربية للرقمنة"


def test_an_untagged_organiser_is_cut_at_its_stop_word():
    evs = _events("تحدث الخبير خلال ملتقى الحوسبة السحابية الذي نظمته وكالة التنمية الرقمية في مقر الوكالة أمس.")
    conf = next(e for e in evs if e.label == "CONFERENCE")
    assert _args(conf)["organiser"] == "وكالة التنمية الرقمية"


def test_a_relative_clause_without_a_named_organiser_gives_none():
    evs = _events("تحدث الخبير خلال ملتقى الحوسبة السحابية الذي تنظمه سنويا في مدينة فاس.")
    conf = next(e for e in evs if e.label == "CONFERENCE")
    assert not _args(conf).get("organiser")


LIST = ("وقعت الشركات المشاركة عدة مذكرات تفاهم، ومن أبرز مذكرات التفاهم التي أعلن عنها اليوم:\n"
        "• شراكة بين اتصالات المغرب وأورنج لتطوير شبكات الجيل الخامس.\n"
        "• مبادرة مدتها ثلاث سنوات بين جامعة القاضي عياض ومؤسسة البحث العلمي.\n"
        "• مذكرة تفاهم بين ALTEN و Capgemini لتدريب المهندسين.\n"
        "• شراكة بين مجموعة الأطلس وشركة Inetum تركز على الحوسبة السحابية مع التركيز على المدن الصغيرة.\n")


def test_list_items_that_name_two_sides_after_bayna_are_agreements():
    evs = [e for e in _events(LIST) if e.label == "AGREEMENT"]
    assert [_args(e)["parties"] for e in evs] == [
        ["اتصالات المغرب", "أورنج"], ["جامعة القاضي عياض", "مؤسسة البحث العلمي"], ["ALTEN", "Capgemini"],
        ["مجموعة الأطلس", "شركة Inetum"]]
    assert _args(evs[0])["subject"] == "لتطوير شبكات الجيل الخامس"
    assert _args(evs[2])["subject"] == "لتدريب المهندسين"
    assert _args(evs[3])["subject"].startswith("الحوسبة السحابية")   # the lead تركز على dropped


def test_an_item_with_a_counterparty_after_maa_keeps_it():
    evs = [e for e in _events("ومن أبرز الاتفاقيات التي وقعت اليوم:\n• اتفاقية مع الصين لتطوير الموانئ.\n"
                              "• شراكة بين الجامعات.\n") if e.label == "AGREEMENT"]
    assert [_args(e)["parties"] for e in evs] == [["الصين"]]


def test_a_country_inside_a_plans_name_is_no_party():
    evs = _events("وبموجب استراتيجية تونس الرقمية 2025، شهد المؤتمر توقيع اتفاقية بين شركتين محليتين.")
    agr = next(e for e in evs if e.label == "AGREEMENT")
    assert _args(agr)["parties"] == ["شركتين محليتين"]


def test_a_value_is_no_subject():
    evs = _events("وفي إطار رؤية المغرب الرقمي 2030، شهد المنتدى توقيع 12 مذكرة تفاهم بين عدة شركات ناشئة "
                  "بقيمة تزيد على 3 مليارات درهم.")
    agr = next(e for e in evs if e.label == "AGREEMENT")
    assert not _args(agr).get("subject")


def _one(text: str, label: str):
    return next(e for e in _events(text) if e.label == label)


def test_an_untagged_body_before_the_instrument_adopts_it():
    adoption = _one("اعتمدت الحكومة المغربية الاستراتيجية الوطنية للذكاء الاصطناعي يوم الخميس.", "ADOPTION")
    assert _args(adoption)["adopters"] == ["الحكومة المغربية"]
    assert _args(adoption)["instrument"] == "الاستراتيجية الوطنية للذكاء الاصطناعي"
    assert _args(_one("أقر مجلس الوزراء خطة التحول الرقمي 2030 في اجتماعه الأسبوعي.", "ADOPTION"))["adopters"] \
        == ["مجلس الوزراء"]


def test_an_instrument_or_launch_object_in_the_accusative():
    adoption = _one("وأقرت اللجنة الوطنية لحماية المعطيات ميثاقا جديدا للبيانات.", "ADOPTION")
    assert _args(adoption)["instrument"].startswith("ميثاقا")
    launch = _one("أنشأت الجامعة مختبرا للذكاء الاصطناعي.", "LAUNCH")
    assert _args(launch)["object"] == "مختبر" and _args(launch)["launcher"] == "الجامعة"


def test_a_launch_verbs_untagged_subject_is_the_launcher_not_the_object():
    launch = _one("أطلقت الوكالة برنامجا وطنيا لتكوين الشباب في البرمجة.", "LAUNCH")
    assert _args(launch)["object"] == "برنامج" and _args(launch)["launcher"] == "الوكالة"
    launch = _one("أطلقت وزارة الانتقال الرقمي منصة رقمية جديدة لخدمات المواطنين.", "LAUNCH")
    assert _args(launch)["object"] == "منصة" and _args(launch)["launcher"] == "وزارة الانتقال الرقمي"


def test_a_task_force_formed_after_an_auxiliary_verb():
    launch = _one("قامت الهيئة بتشكيل فريق العمل الوطني للجيل الخامس.", "LAUNCH")
    assert _args(launch)["object"] == "فريق" and _args(launch)["launcher"] == "الهيئة"


def test_the_signer_in_construct_with_the_signing_masdar():
    agr = _one("وأشار إلى توقيع هيئة تنظيم الاتصالات اتفاقية مع المندوبية السامية للتخطيط لتبادل البيانات.",
               "AGREEMENT")
    assert _args(agr)["parties"] == ["هيئة تنظيم الاتصالات", "المندوبية السامية للتخطيط"]


def test_a_cabinet_line_up_is_no_task_force():
    assert not [e for e in _events("ومن المتوقع أن يعلن رئيس الحكومة عن تشكيلة الفريق الوزاري الأسبوع المقبل.")
                if e.label == "LAUNCH"]


def test_an_organiser_holding_a_quoted_name():
    evs = _events('يفتتح الوزير غدا أعمال منتدى #الرقمنة_المغاربية 2025، الذي تنظمه مؤسسة "رقمنة" الدولية '
                  "بالشراكة مع وزارة الاقتصاد، في مدينة الرباط.")
    conf = next(e for e in evs if e.label == "CONFERENCE")
    assert _args(conf)["organiser"] == 'مؤسسة "رقمنة" الدولية'


def test_the_subject_of_a_clause_telling_an_agreement_between_two_sides_is_no_party():
    evs = _events("واعتبرت الهيئة الوطنية للتراث، الثلاثاء، أن توقيع اتفاقية التعاون بين المغرب والبرتغال "
                  "يجسد التزام البلدين بحماية الإرث المشترك.")
    agr = next(e for e in evs if e.label == "AGREEMENT")
    assert _args(agr)["parties"] == ["المغرب", "البرتغال"]
