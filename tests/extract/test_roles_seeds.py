"""Roles on the five seeds, with person names placed by hand (or not at all) so NER is not tested."""
from __future__ import annotations

import pytest
from test_roles_support import make_doc, read_seed

from marsad.extract.roles import extract_roles

PEOPLE = ["جان نويل بارو", "إيمانويل ماكرون", "أنتوني بلينكن", "عمر هلال", "ليندا توماس-غرينفيلد",
          "أمل الفلاح السغروشني", "ليلى المركاوي", "يوسف عمراني"]

# (seed, person, title substring, org, country)
GOLD = [
    ("000", "جان نويل بارو", "وزير الخارجية الفرنسي", "فرنسا", "فرنسا"),
    ("000", "إيمانويل ماكرون", "الرئيس", None, None),
    ("001", "أنتوني بلينكن", "وزير الخارجية الأمريكي", "الولايات المتحدة", "الولايات المتحدة"),
    ("001", "عمر هلال", "السفير المغربي", "الأمم المتحدة", "المغرب"),
    ("001", "ليندا توماس-غرينفيلد", "السفيرة الأمريكية", "الأمم المتحدة", "الولايات المتحدة"),
    ("002", "أمل الفلاح السغروشني", "الوزيرة المنتدبة لدى رئيس الحكومة المكلفة بالانتقال الرقمي", None, None),
    ("003", "أمل الفلاح السغروشني", "الوزيرة المغربية المكلفة بالانتقال الرقمي وإصلاح الإدارة", "المغرب", "المغرب"),
    ("003", "ليلى المركاوي", "مديرة الاستراتيجية والسياسة العالمية", None, None),
    ("003", "يوسف عمراني", "سفير المملكة المغربية", "الولايات المتحدة", "المغرب"),
]


def _found(seed_paths, with_entities):
    found = []
    for prefix in ("000", "001", "002", "003", "004"):
        text = read_seed(seed_paths, prefix)
        doc = make_doc(text, {p: "PERSON" for p in PEOPLE} if with_entities else {})
        for r in extract_roles(doc):
            assert doc.text[r.start:r.end]
            a = r.attrs
            assert doc.text[slice(*a["person_span"])].startswith(a["person"].split()[0])
            found.append((prefix, a["person"], a["title"], a["org"], a["country"]))
    return found


def _score(found):
    tp = sum(1 for g in GOLD if any(f[0] == g[0] and f[1] == g[1] and g[2] in f[2] and f[3] == g[3]
                                   and f[4] == g[4] for f in found))
    prec = tp / len(found) if found else 0.0
    rec = tp / len(GOLD)
    return tp, (2 * prec * rec / (prec + rec) if tp else 0.0)


@pytest.mark.parametrize("with_entities", [True, False])
def test_seed_roles_f1(seed_paths, with_entities):
    found = _found(seed_paths, with_entities)
    tp, f1 = _score(found)
    assert f1 >= 0.85, (tp, f1, found)


def test_seghrouchni_title_in_seed_003(seed_paths):
    doc = make_doc(read_seed(seed_paths, "003"), {"أمل الفلاح السغروشني": "PERSON"})
    roles = [r.attrs for r in extract_roles(doc) if r.attrs["person"] == "أمل الفلاح السغروشني"]
    assert roles and roles[0]["gender"] == "f" and roles[0]["title"].startswith("الوزيرة")
