import re

from hypothesis import given, settings, strategies as st

from marsad.text.clean import clean, remove_boilerplate
from marsad.text.normalise import ascii_digits, digit_value, normalise

BOILERPLATE = ["زر الذهاب إلى الأعلى", "error: المحتوى محمي !!", "منوعات"]


def test_seeds_lose_boilerplate_and_keep_exact_offsets(seed_paths):
    for path in seed_paths:
        raw = path.read_text(encoding="utf-8")
        text, m = clean(raw)
        for line in text.split("\n"):
            assert line.strip() not in BOILERPLATE, (path.name, line)
        assert "زر الذهاب" not in text and "المحتوى محمي" not in text
        for i, ch in enumerate(text):
            a, b = m.span_to_raw(i, i + 1)
            assert raw[a:b] == ch or (ch, raw[a:b]) in {("ي", "ی"), ("\n", "\r\n")}, (path.name, i)


def test_persian_yeh_normalised_with_raw_offset(seeds_dir):
    raw = (seeds_dir / "004_b048df0e1d7784a9.txt").read_text(encoding="utf-8")
    text, m = clean(raw)
    i = text.index("جميعا")
    a, b = m.span_to_raw(i, i + 5)
    assert raw[a:b] == "جمیعا"


def test_normalisation_steps():
    raw = "بـــنك\u200f ﻻ ک ۀ \u00a0x\r\ny\ud800"
    text, m = normalise(raw)
    assert text == "بنك لا ك ه  x\ny\ufffd"
    assert m.raw_length == len(raw) and m.clean_length == len(text)


def test_digits_in_any_script():
    assert digit_value("٣") == 3 and digit_value("۷") == 7 and digit_value("x") is None
    assert ascii_digits("٢٠٢٥/۱۱") == "2025/11"


def test_read_also_block_and_share_lines_removed():
    raw = "خبر أول.\nاقرأ أيضا:\nعنوان مقال آخر\nعنوان ثالث\n\nفقرة تالية.\nشارك على فيسبوك تويتر\n"
    text, _ = remove_boilerplate(raw)
    assert "اقرأ" not in text and "عنوان" not in text and "شارك" not in text
    assert "خبر أول." in text and "فقرة تالية." in text


def test_real_sentence_with_share_word_is_kept():
    raw = "وأكد المشاركون على أهمية مشاركة البيانات بشكل مسؤول بين الدول."
    assert clean(raw)[0] == raw


adversarial = st.lists(st.one_of(
    st.characters(codec="utf-8"), st.characters(),
    st.sampled_from(["\u200d", "\u200c", "\u200f", "\u202e", "\u2066", "\u0651", "\u064e", "\u0640",
                     "\ud800", "\udfff", "\ufeff", "ﻻ", "\r\n", "\n", " ", "ی", "ک", "ا\u0653",
                     "زر الذهاب إلى الأعلى\n", "x" * 500])), max_size=300).map("".join)


@settings(max_examples=200, deadline=None)
@given(adversarial)
def test_clean_map_is_valid_on_adversarial_unicode(raw):
    text, m = clean(raw)
    assert m.clean_length == len(text) and m.raw_length == len(raw)
    assert not re.search("[\u200f\u202e\u2066\u0640\ufeff]", text)
    last = 0
    for i in range(len(text)):
        a, b = m.span_to_raw(i, i + 1)
        assert 0 <= a <= b <= len(raw)
        assert a >= last - 8  # mostly monotone (only multi-char replacements share a start)
        last = a
