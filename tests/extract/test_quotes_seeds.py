"""Quotes on the seeds: which quotations are found and who they are attributed to.

Gold rows give the start of the quoted text and the expected speaker (None = unattributable);
names are placed by hand (or not at all), so the attribution logic is what is tested.
"""
from __future__ import annotations

import pytest
from test_roles_support import make_doc, read_seed

from marsad.extract.quotes import extract_quotes
from test_roles_seeds import PEOPLE

GOLD = [
    # ``وأضاف البيان`` after ``ووفق بيان الوزارة``: the ministry named at the top issued it (the KB
    # gold convention: a statement's issuer speaks when the article names it)
    ("000", "مشاركة أوسع وأكثر تنوعًا", "وزارة الخارجية الفرنسية"),
    ("000", "بعد ست سنوات من إطلاق الشراكة", "جان نويل بارو"),
    ("000", "علينا العمل معًا", "جان نويل بارو"),
    ("003", "المغرب ملتزم تمامًا", "أمل الفلاح السغروشني"),
    ("003", "يعد الذكاء الاصطناعي مجالًا", "ليلى المركاوي"),
]


@pytest.mark.parametrize("with_entities", [True, False])
def test_seed_quote_attribution_f1(seed_paths, with_entities):
    found = []
    for prefix in ("000", "001", "002", "003", "004"):
        doc = make_doc(read_seed(seed_paths, prefix), {p: "PERSON" for p in PEOPLE} if with_entities else {})
        for q in extract_quotes(doc):
            assert doc.text[q.start - 1] in "“”\"«″" or doc.text[q.start - 2:q.start] == ": "
            found.append((prefix, doc.span_text(q), q.attrs["speaker"]))
    tp = sum(1 for p, start, spk in GOLD if any(f[0] == p and f[1].startswith(start) and f[2] == spk
                                                for f in found))
    prec, rec = tp / max(1, len(found)), tp / len(GOLD)
    f1 = 2 * prec * rec / (prec + rec) if tp else 0.0
    assert f1 >= 0.85, found


def test_seghrouchni_quote_in_seed_003(seed_paths):
    doc = make_doc(read_seed(seed_paths, "003"), {"أمل الفلاح السغروشني": "PERSON"})
    qs = [q for q in extract_quotes(doc) if q.attrs["speaker"] == "أمل الفلاح السغروشني"]
    assert len(qs) == 1 and qs[0].attrs["verb"] == "وقالت"
    assert doc.span_text(qs[0]).startswith("المغرب ملتزم")
