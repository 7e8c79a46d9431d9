"""Roles: appositions in both orders, title before a name, counterparts, honorific fallback."""
from __future__ import annotations

from test_roles_support import make_doc

from marsad.extract.roles import extract_roles


def _roles(text, ents=None):
    doc = make_doc(text, ents)
    return doc, extract_roles(doc)


def test_title_comma_person_with_demonym():
    doc, roles = _roles("وفي تصريح للصحافة، أشاد وزير الاقتصاد الألماني، كارل شميت، بالنتائج.",
                        {"كارل شميت": "PERSON"})
    assert len(roles) == 1
    r = roles[0].attrs
    assert (r["person"], r["title"], r["country"], r["gender"]) == ("كارل شميت", "وزير الاقتصاد الألماني", "ألمانيا", "m")
    assert doc.text[slice(*r["person_span"])] == "كارل شميت"
    assert doc.text[slice(*r["title_span"])] == "وزير الاقتصاد الألماني"
    assert r["date"] == "2025-02-10"


def test_person_comma_title_feminine():
    text = "استقبلت السيدة نادية بنعلي، المديرة العامة لوكالة التنمية الرقمية، وفدا من الخبراء."
    doc, roles = _roles(text)  # no entity layer: the honorific finds the name
    assert len(roles) == 1
    r = roles[0].attrs
    assert r["person"] == "نادية بنعلي"
    assert r["title"] == "المديرة العامة لوكالة التنمية الرقمية"
    assert r["gender"] == "f" and r["pattern"] == "name_comma_title"


def test_ambassador_at_organisation_and_counterpart():
    text = ("وقدم المبادرة السفير التونسي لدى الاتحاد الإفريقي، سامي الحداد، ونظيرته الكندية، "
            "سارة لوبان، أمام الدول الأعضاء.")
    doc, roles = _roles(text, {"سامي الحداد": "PERSON", "سارة لوبان": "PERSON"})
    by = {r.attrs["person"]: r.attrs for r in roles}
    assert by["سامي الحداد"]["title"] == "السفير التونسي"
    assert by["سامي الحداد"]["org"] == "الاتحاد الإفريقي"
    assert by["سامي الحداد"]["country"] == "تونس"
    cp = by["سارة لوبان"]
    assert cp["pattern"] == "counterpart" and cp["gender"] == "f"
    assert cp["title"] == "السفيرة الكندية" and cp["country"] == "كندا"
    assert cp["org"] == "الاتحاد الإفريقي" and cp["counterpart_of"] == "سامي الحداد"


def test_title_directly_before_name_without_ner():
    doc, roles = _roles("وحضر الحفل الرئيس إيمانويل ديبون إلى جانب عدد من الضيوف.")
    assert [(r.attrs["person"], r.attrs["title"]) for r in roles] == [("إيمانويل ديبون", "الرئيس")]


def test_conjunct_after_name_is_not_an_apposition():
    doc, roles = _roles("التقى الخبير يوسف العلمي، ووزيرة الصحة بالرباط.", {"يوسف العلمي": "PERSON"})
    assert all(r.attrs["person"] == "يوسف العلمي" for r in roles)
    assert all(r.attrs["title_span"][0] < r.attrs["person_span"][0] for r in roles)


def test_stage_registered_and_offsets_hold():
    doc = make_doc("أكدت وزيرة البيئة الفرنسية، كلارا دوبون، التزام بلادها.", {"كلارا دوبون": "PERSON"})
    from marsad.pipeline import registered
    spec = registered()["roles"]
    assert spec.requires == ("sentences", "entities") and spec.provides == ("roles",)
    spec.factory()(doc)
    (r,) = doc.spans("roles")
    assert doc.span_text(r) == "وزيرة البيئة الفرنسية، كلارا دوبون"
    assert r.label == "ROLE" and r.attrs["gender"] == "f"
