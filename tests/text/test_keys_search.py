"""Search keys: folding rules, display text untouched, offset map back to the original."""
from marsad.text.keys import search_key, search_key_map


def test_folds_alef_yeh_teh_marbuta_digits_case():
    assert search_key("أإآٱ") == "اااا"
    assert search_key("إلى مدرسة") == "الي مدرسه"
    assert search_key("٢٠٢٤ و۱۲") == "2024 و12"
    assert search_key("Rabat ÉTÉ") == "rabat été"


def test_removes_diacritics_and_tatweel_but_not_the_input():
    s = "مُحَمَّـــد"
    assert search_key(s) == "محمد"
    assert s == "مُحَمَّـــد"


def test_offset_map_points_at_original_characters():
    s = "قالَ مُحَمَّد"
    key, src = search_key_map(s)
    i = key.index("محمد")
    a, b = src[i], src[i + len("محمد") - 1] + 1
    assert s[a:b] == "مُحَمَّد"
    assert len(src) == len(key) + 1 and src[-1] == len(s)
