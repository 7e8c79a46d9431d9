"""The NER corpus converters read the shared corpora into benchmark types with valid BIO."""
import pytest

from conftest import require_shared
from marsad import train_data

TYPES = {"PERS", "LOC", "ORG", "MISC"}


def _valid(sents):
    assert sents
    for words, tags in sents:
        assert len(words) == len(tags) and all(w for w in words)
        for i, t in enumerate(tags):
            assert t == "O" or (t[:2] in ("B-", "I-") and t[2:] in TYPES)
            if t.startswith("I-"):
                assert i > 0 and tags[i - 1][2:] == t[2:]


def test_wojood_outermost_tags():
    shared = require_shared("data", "ner", "wojood-sample").parents[2]
    for split in ("train", "val", "test"):
        sents = train_data.wojood(split, shared)
        _valid(sents)
    types = {t[2:] for _, tags in train_data.wojood("train", shared) for t in tags if t != "O"}
    assert types == TYPES


@pytest.mark.slow
def test_wikifane_converted_without_control_characters():
    shared = require_shared("data", "ner", "fane").parents[2]
    sents = train_data.wikifane(shared)
    _valid(sents[:2000])
    assert not any("\u200e" in w or "\ufeff" in w for ws, _ in sents[:2000] for w in ws)
