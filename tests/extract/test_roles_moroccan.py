"""Moroccan titles (role_titles.json): عامل إقليم / عامل عمالة (a province's governor), الكاتب العام
(a ministry's secretary-general), and والي, whose first letter is no conjunction; sentences written by us."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.roles import extract_roles


def _roles(text, entities):
    doc = make_doc(text, entities)
    out = []
    for r in extract_roles(doc):
        a, b = r.attrs["title_span"]
        assert doc.text[r.start:r.end]   # provenance: spans inside the text
        out.append((r.attrs["person"], r.attrs["title"], r.attrs["title_id"], doc.text[a:b]))
    return out


def test_provincial_governor():
    got = _roles("وترأس عامل إقليم الحسيمة فريد شوراق اجتماعا مع المنتخبين.",
                 {"فريد شوراق": "PERSON", "الحسيمة": "GPE"})
    assert got == [("فريد شوراق", "عامل إقليم الحسيمة", "provincial_governor", "عامل إقليم الحسيمة")]
    got = _roles("واستقبل عامل عمالة المضيق الفنيدق ياسين جاري وفدا من المستثمرين.",
                 {"ياسين جاري": "PERSON", "المضيق الفنيدق": "GPE"})
    assert got[0][:3] == ("ياسين جاري", "عامل عمالة المضيق الفنيدق", "provincial_governor")


def test_a_worker_is_no_governor():
    assert _roles("وقال عامل البناء محمد إنه سقط من الطابق الثالث.", {"محمد": "PERSON"}) == []


def test_secretary_general_of_a_ministry():
    got = _roles("وقال الكاتب العام لوزارة الصحة محمد اليوبي إن الوضع مستقر.",
                 {"محمد اليوبي": "PERSON", "وزارة الصحة": "ORG"})
    assert got == [("محمد اليوبي", "الكاتب العام لوزارة الصحة", "secretary_general_ministry",
                    "الكاتب العام لوزارة الصحة")]


def test_wali_keeps_its_first_letter():
    got = _roles("وعقد والي جهة الدار البيضاء سطات سعيد أحميدوش اجتماعا مع ممثلي الشركة.",
                 {"سعيد أحميدوش": "PERSON", "الدار البيضاء سطات": "GPE"})
    assert got[0][1] == "والي جهة الدار البيضاء سطات" and got[0][2] == "governor"
    got = _roles("وحضر اللقاء ووالي جهة فاس مكناس سعيد زنيبر.", {"سعيد زنيبر": "PERSON", "فاس مكناس": "GPE"})
    assert got[0][1] == "والي جهة فاس مكناس" and got[0][3] == "والي جهة فاس مكناس"
    got = _roles("وحضر اللقاء والوالي سعيد زنيبر.", {"سعيد زنيبر": "PERSON"})
    assert got[0][1] == "الوالي" and got[0][3] == "الوالي"
