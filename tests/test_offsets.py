import re

import pytest
from hypothesis import given, settings, strategies as st

from marsad.offsets import OffsetMap, rewrite, translate


def test_identity_maps_every_offset():
    m = OffsetMap.identity(5)
    assert [m.to_raw(i) for i in range(6)] == list(range(6))
    assert m.span_to_raw(1, 4) == (1, 4)


def test_deletion_and_replacement():
    text, m = rewrite("abـــcd", re.compile("ـ+"), lambda _m: "")
    assert text == "abcd"
    assert m.span_to_raw(1, 3) == (1, 6)  # "bc" spans the tatweels in raw
    assert m.span_to_raw(2, 4) == (5, 7)


def test_multi_char_replacement_maps_as_block():
    text, m = translate("xﻻy", {"ﻻ": "لا"})
    assert text == "xلاy"
    assert m.span_to_raw(1, 3) == (1, 2)
    assert m.span_to_raw(0, 1) == (0, 1)
    assert m.span_to_raw(3, 4) == (2, 3)


def test_compose_two_steps():
    raw = "aـbﻻc"
    t1, m1 = translate(raw, {"ـ": ""})
    t2, m2 = translate(t1, {"ﻻ": "لا"})
    m = m2.compose(m1)
    assert t2 == "abلاc"
    assert m.raw_length == len(raw) and m.clean_length == len(t2)
    assert raw[slice(*m.span_to_raw(0, 2))] == "aـb"
    assert raw[slice(*m.span_to_raw(2, 4))] == "ﻻ"
    assert raw[slice(*m.span_to_raw(4, 5))] == "c"


def test_json_round_trip():
    _, m = translate("aـbـc", {"ـ": ""})
    assert OffsetMap.from_json(m.to_json()) == m


def test_to_clean_inverts_linear_positions():
    text, m = translate("aـbc", {"ـ": ""})
    assert m.to_clean(0) == 0 and m.to_clean(2) == 1 and m.to_clean(3) == 2


def test_out_of_range_rejected():
    with pytest.raises(ValueError):
        OffsetMap.identity(3).to_raw(4)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abـﻻ\u200f\u0301 ")), max_size=60))
def test_composed_map_recovers_kept_characters(raw):
    t1, m1 = translate(raw, {"ـ": "", "\u200f": ""})
    t2, m2 = translate(t1, {"ﻻ": "لا"})
    m = m2.compose(m1)
    for i, ch in enumerate(t2):
        rs, re_ = m.span_to_raw(i, i + 1)
        assert 0 <= rs <= re_ <= len(raw)
        if ch in "ab \u0301":
            assert raw[rs:re_] == ch
