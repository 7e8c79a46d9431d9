"""Quotes: quoted names and noun phrases are no speech; statements, institutions and unnamed
sources as speakers (hand-check sample 3, issue 5). Invented sentences."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.quotes import extract_quotes, quote_marks


def _quotes(text, ents=None):
    doc = make_doc(text, ents)
    return doc, [(doc.span_text(q), q.attrs) for q in extract_quotes(doc)]


def test_a_stray_closing_mark_opens_nothing():
    text = 'وأعلنت الوزارة عن "رحلة" عمل" للوزير، وليست "رحلة رسمية" كما قيل.'
    assert [text[a + 1:b] for a, b in quote_marks(text)] == ["رحلة", "رحلة رسمية"]
    text = 'وتقول سلمى"  سنواصل العمل مهما كانت الظروف".'
    assert [text[a + 1:b] for a, b in quote_marks(text)] == ["  سنواصل العمل مهما كانت الظروف"]


def test_names_in_quotation_marks_are_no_quotes():
    text = ('وقال كريم الإدريسي ل"إذاعة الشمال الجهوية" إن المشروع انطلق. '
            'وأكد أن الاجتماع عقد قرب "سوق الأحد القديم" أمس. '
            'وأوضح أن "مجلس الحكماء الأعلى" الذي انعقد أمس وافق على الخطة. '
            'وأضاف أن الطائرات من طراز "نسر الصحراء الجديد" وصلت.')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert qs == []


def test_a_quoted_clause_before_a_relative_pronoun_stays():
    text = 'وقال كريم الإدريسي إن الوكالة "تجمع المعطيات الرسمية" التي تنشرها الوزارات.'
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert [q[0] for q in qs] == ["تجمع المعطيات الرسمية"]


def test_a_statement_speaks_for_the_organisation_named_after_it():
    text = 'وقال بيان لوزارة الخارجية المغربية "نرحب بالقرار ونعتبره خطوة إيجابية".'
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "وزارة الخارجية المغربية"


def test_an_institution_the_entity_layer_missed_speaks_by_its_name():
    text = 'وقالت لجنة تحقيق محلية في بيان: "الحريق بدأ في الطابق الثاني".'
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "لجنة تحقيق محلية"


def test_a_definite_institution_takes_its_adjective_from_earlier():
    text = ('وكانت الشرطة الإسبانية قد فتحت تحقيقا في الحادث. '
            'وقالت الشرطة في بيان "تم توقيف ثلاثة أشخاص في المدينة".')
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "الشرطة الإسبانية"


def test_an_unnamed_source_before_the_verb_gives_no_speaker():
    text = 'مصدر قيادي في حزب الأمل، كيقول بلي "الحزب ماشي غادي يخرج من الحكومة".'
    doc, qs = _quotes(text, {"حزب الأمل": "ORG"})
    assert qs and qs[0][1]["speaker"] is None


def test_an_unnamed_source_is_not_the_statement_issuer():
    text = ('ونفت وزارة الداخلية الخبر. '
            'ونقل التلفزيون عن "مصدر رسمي" قوله إن "الوضع تحت السيطرة تماما".')
    doc, qs = _quotes(text, {"وزارة الداخلية": "ORG"})
    assert qs[-1][1]["speaker"] is None


def test_a_role_whose_name_is_a_preposition_is_skipped():
    text = ('قال النائب الديمقراطي، سامي الرامي، إن القانون ضروري. '
            'وشدد النائب على "أننا نعيش في زمن جديد يحتاج قوانين جديدة".')
    doc, qs = _quotes(text, {"سامي الرامي": "PERSON"})
    assert qs[-1][1]["speaker"] != "على"


def test_a_name_of_unknown_gender_takes_the_gender_of_its_verb():
    text = ('وقالت كوستانزا إنها تحدثت مع يوسف البركاني الذي كان غاضبا. '
            'وقال "لن نقبل بهذا القرار أبدا".')
    doc, qs = _quotes(text, {"كوستانزا": "PERSON", "يوسف البركاني": "PERSON"})
    assert qs[-1][1]["speaker"] == "يوسف البركاني"


def test_adda_qailan_continues_the_previous_reporter():
    text = ('ومن جانبه، نفى سمير الفاسي لصحيفة الشرق دفع أي أموال، مشيرا إلى أن حملة كريم الإدريسي لم تعلم. '
            'وأضاف قائلا: "لقد كان المبلغ قانونيا تماما".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON", "كريم الإدريسي": "PERSON", "الشرق": "ORG"})
    assert qs[-1][1]["speaker"] == "سمير الفاسي"


def test_a_definite_title_no_one_holds_is_the_last_speaker():
    text = ('ونقلت وكالة الأنباء عن مدير العلاقات العامة في الشركة، سمير الفاسي، قوله "أرسلنا خمس طائرات حتى الآن". '
            'وأضاف المسؤول المغربي: "سنواصل الإرسال طوال الأسبوع".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON"})
    assert qs[-1][1]["speaker"] == "سمير الفاسي"


def test_a_name_inside_quotation_marks_does_not_speak():
    text = ('المغنية سلمى الرحالي رزقت بمولود. خريجة برنامج "نجوم الغد" نشرت صورة مع ولدها "يانيس" '
            'وكتبت "الحمد لله على كل شيء".')
    doc, qs = _quotes(text, {"سلمى الرحالي": "PERSON", "نجوم الغد": "ORG", "يانيس": "PERSON"})
    assert qs[-1][1]["speaker"] == "سلمى الرحالي"


def test_an_unnamed_witness_goes_on_speaking():
    text = ('وقال سمير الفاسي "الشرطة وصلت بسرعة إلى المكان". '
            'وقال شاهد عيان لقناة محلية إنه هو الذي اتصل بالشرطة. وأضاف: "عرفت على الفور أنهم لصوص".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON"})
    assert qs[-1][1]["speaker"] is None


def test_a_relative_named_by_a_pronoun_is_unnamed():
    text = ('وقال الطالب كريم الإدريسي إن الرياضيات مادته المفضلة. '
            'وقال والده: "كان ابني يحب الأرقام منذ صغره".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert qs[-1][1]["speaker"] is None


def test_a_participle_after_an_unnamed_source_stays_unnamed():
    text = ('وكان كريم الإدريسي قد زار المنطقة. قال المصدر "الطرفان يتبادلان إطلاق النار"، '
            'مشيرا إلى أن قافلة جديدة هي "قيد الوصول إلى المدينة حاليا".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert [q[1]["speaker"] for q in qs] == [None, None]


def test_ali_before_a_name_is_a_first_name_not_a_preposition():
    text = ('وقال سمير الفاسي "الوضع صعب". وعبر المرجع الأعلى في المدينة الشيخ علي الحسني عن تضامنه، '
            'وقال إنهم يواجهون "نقصا حادا في الخدمات العامة".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON", "الحسني": "PERSON"})
    assert qs[-1][1]["speaker"] == "الحسني"


def test_wa_jaa_fi_al_bayan_gives_the_statement_to_its_issuer():
    text = ('وقالت الشرطة المحلية في بيان إنها عثرت على زجاجة صغيرة. '
            'وجاء في البيان أن "العلماء أكدوا أن المادة سامة جدا".')
    doc, qs = _quotes(text)
    assert qs and qs[-1][1]["speaker"] == "الشرطة المحلية"


def test_wa_jaa_fiha_after_a_post_gives_the_poster():
    text = ('ونشر الرئيس الفرنسي إيمانويل ماكرون تدوينة على حسابه، وجاء فيها: "نطلب من السلطات تسهيل عودة المواطنين".')
    doc, qs = _quotes(text, {"إيمانويل ماكرون": "PERSON"})
    assert qs and qs[0][1]["speaker"] == "إيمانويل ماكرون"


def test_a_comma_before_the_colon_allows_the_long_gap():
    text = ('واضاف كريم الإدريسي، في تعقيبه على الوزير المنتدب لدى وزير الداخلية بمجلس النواب، '
            'اليوم الاثنين 26 أبريل الجاري، :"ملي قدمتو جوابكم قدمتوه بشكل متضامن".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert qs and qs[0][1]["speaker"] == "كريم الإدريسي"


def test_darija_function_words_are_no_names_and_an_unnamed_source_before_the_verb():
    text = ('وكتبات وحدة من المتتبعات ديال سلمى في تعليق: "بغيتي غير البوز وصافي". '
            'المصدر اضاف ل"كود" "الخبر كلام فارغ وعاري من الصحة".')
    doc, qs = _quotes(text, {"ديال سلمى": "PERSON"})
    assert [q[1]["speaker"] for q in qs] == [None, None]


def test_a_medium_or_a_person_named_in_quotation_marks_is_no_quote():
    text = ('وكتب كريم الإدريسي في مقال بصحيفة "أخبار الصباح الجديدة" إن الوضع خطير. '
            'وأكد زعيم الحزب "سمير الفاسي" خلال زيارته أن الحزب مستعد.')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON", "سمير الفاسي": "PERSON"})
    assert qs == []


def test_a_title_no_one_holds_gives_way_to_the_name_after_it():
    text = 'وأكد رئيس عمليات حرس الحدود في الجيش العميد كريم الإدريسي أن "القوات تمكنت من السيطرة على الجبال".'
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert qs[0][1]["speaker"] == "كريم الإدريسي"


def test_a_hyphenated_name_the_entity_layer_missed():
    text = 'وتابعت بروان-بيفيه خلال الاجتماع أن مثول الوزير "سيتم صباح الاثنين المقبل".'
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "بروان-بيفيه"


def test_an_institution_opening_the_sentence_speaks():
    text = 'كشفت قوات الجيش المغربي، السبت، عن عملية جديدة، وقالت إنها "تمكنت من تحرير مواقع استراتيجية".'
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "الجيش المغربي"


def test_a_statement_issued_by_an_institution_named_before():
    text = ('أدانت الرئاسة التونسية الحكم الصادر اليوم. '
            'وقال بيان صادر عن الرئاسة إن الحكم "مخالف لكل المواثيق والأعراف الدولية".')
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "الرئاسة التونسية"


def test_raat_and_akmala_report():
    text = ('قضت المحكمة الإدارية بإلغاء القرار. ورأت المحكمة أن القرار "يخالف بنودا معينة في القانون". '
            'وقال كريم الإدريسي "الحكم منصف وعادل جدا". واكمل "سنواصل الدفاع عن حقوق السكان".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON", "المحكمة الإدارية": "ORG"})
    assert [q[1]["speaker"] for q in qs] == ["المحكمة الإدارية", "كريم الإدريسي", "كريم الإدريسي"]


def test_basem_after_a_spokesman_is_no_name():
    text = ('ومن بين المشتكين رئيس المجلس، جون بيركو. لكن المتحدث باسم بيركو رفض الاتهامات. '
            'وأضاف المتحدث: "أي حديث مناقض لذلك هو ببساطة غير صحيح".')
    doc, qs = _quotes(text, {"جون بيركو": "PERSON", "باسم بيركو": "PERSON"})
    assert qs[-1][1]["speaker"] is None


def test_a_verbal_noun_reports_for_the_sentence_subject():
    text = ('وقال سمير الفاسي "الحزب باق في الحكومة". '
            'وآثر كريم الإدريسي التأكيد على أن "الثورة على مستوى القاعدة الشعبية لا تزال كما كانت".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON", "كريم الإدريسي": "PERSON"})
    assert qs[-1][1]["speaker"] == "كريم الإدريسي"


def test_a_quotation_joined_to_the_last_one_has_its_speaker():
    text = ('وقال سمير الفاسي "الحكومة جاءت كما توقعنا جميعا" و"الفريق الاقتصادي ضعيف جدا". '
            'وعلق البعض "راح الوزير وجاء الوزير" و"حكومة ضعيفة تفتقر إلى الثقل السياسي".')
    doc, qs = _quotes(text, {"سمير الفاسي": "PERSON"})
    assert [q[1]["speaker"] for q in qs] == ["سمير الفاسي", "سمير الفاسي", None, None]


def test_hashtag_names_and_what_he_said():
    text = ('أعلنت مدعية المحكمة #سلمى_الرحالي الثلاثاء أنها تراقب الوضع و"ستتخذ أي إجراءات ضرورية" للمحاسبة. '
            'ومما قاله كريم الإدريسي بهذا الصدد "سنقوم بكل ما يلزم لحماية المشجعين".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert [q[1]["speaker"] for q in qs] == ["سلمى الرحالي", "كريم الإدريسي"]


def test_a_citizen_is_unnamed_and_places_in_quotes_are_names():
    text = ('قال مواطن مغربي "لا تتفاءلوا كثيرا بهذه الحكومة الجديدة". '
            'وقال كريم الإدريسي إن القصف طال مديريتي "برط وخب والشعف" أمس.')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert [(q[0], q[1]["speaker"]) for q in qs] == [("لا تتفاءلوا كثيرا بهذه الحكومة الجديدة", None)]


def test_a_palace_statement_and_a_name_before_la_l_sahifa():
    text = ('وقال بيان صادر عن القصر الملكي في هولندا إن الملكة "كانت صدمتها كبيرة في وفاة أختها". '
            'وأضافت براتوستروم للصحيفة "كان مشهدا غريبا حقا".')
    doc, qs = _quotes(text)
    assert [q[1]["speaker"] for q in qs] == ["القصر الملكي", "براتوستروم"]


def test_an_issuer_named_in_quotation_marks_is_named_without_them():
    text = ('أعلنت منظمة "أطباء العالم" ارتفاع حصيلة القتلى. '
            'وأفاد بيان للمنظمة اليوم أن "حوالي 90 شخصا قتلوا في القصف".')
    doc, qs = _quotes(text)
    assert qs[-1][1]["speaker"] == "منظمة أطباء العالم"


def test_darija_verb_forms_tagged_as_persons_do_not_speak():
    text = ('سلمى الرحالي ديال الفن بزاف مشهورة دابا. هاد الشي باش نعرفو واش كاين شي جديد. '
            'سلمى الرحالي حطات تصويرة وهي كتعوم فالبحر، والمتابعين بقاو كيسولو فيه. '
            'وكتبات سلمى الرحالي "الحمد لله على كل شيء زوين".')
    doc, qs = _quotes(text, {"سلمى الرحالي": "PERSON", "بقاو كيسولو": "PERSON"})
    assert qs and qs[-1][1]["speaker"] == "سلمى الرحالي"
    text = 'المتابعين بقاو كيسولو فيه، ديال بزاف دابا هاد الشي. وكتبات "الحمد لله على كل شيء زوين".'
    doc, qs = _quotes(text, {"بقاو كيسولو": "PERSON"})
    assert qs and qs[-1][1]["speaker"] is None


def test_an_organisation_after_la_is_the_addressee():
    text = ('لكن كريم الإدريسي قال إنه ليس نادما. '
            'وصرح لوكالة أنباء المغرب بقوله: "لست خائفا من أي شيء على الإطلاق".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON", "وكالة أنباء المغرب": "ORG"})
    assert qs[-1][1]["speaker"] == "كريم الإدريسي"


def test_a_definite_institution_with_its_adjective_speaks():
    text = 'وأعلنت الحكومة البريطانية أن "حالة الطوارئ قد تشمل حظر التجول في بعض الأماكن".'
    doc, qs = _quotes(text)
    assert qs[0][1]["speaker"] == "الحكومة البريطانية"


def test_a_compound_title_is_not_the_holder_of_its_first_word():
    text = ('وقال نائب الرئيس كريم الإدريسي إن الحكومة مستقرة. '
            'وأوضح نائب المتحدث الصحفي باسم الرئاسة: "لقد واجهنا الوزير على الفور بهذه المزاعم".')
    doc, qs = _quotes(text, {"كريم الإدريسي": "PERSON"})
    assert qs[-1][1]["speaker"] is None


def test_darija_plural_writers_are_unnamed_and_their_quotes_conjoined():
    text = ('وبانت سلمى بلا مكياج، وهادشي عجب بزاف ديال المتابعين. '
            'وكتبو الفانز ديالها في التعليقات: "سلمى أجمل بلا ماكياج"، و"ما شاء الله جيتي غزالة بلا ماكياج".')
    doc, qs = _quotes(text, {"سلمى": "PERSON"})
    assert [q[1]["speaker"] for q in qs] == [None, None]
