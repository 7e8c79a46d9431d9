"""The NumPy CRF tagger (ner_crf.py) must give python-crfsuite's labels, bit for bit."""
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from marsad.config import shared_path
from marsad.errors import ModelError
from marsad.extract.ner_crf import CRFTagger, read_model, viterbi
from marsad.extract.ner_features import sentence_features
from marsad.models import __file__ as models_init

MODEL = Path(models_init).parent / "ner" / "crf.crfsuite"

OUR_SENTENCES = [
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيدعم المغرب .".split(),
    "وأعلنت شركة مايكروسوفت عن شراكة مع جامعة محمد السادس متعددة التخصصات التقنية بابن جرير .".split(),
    "التقت السيدة أمل الفلاح السغروشني بنظيرتها الأمريكية في واشنطن".split(),
    ["مرحبا"],
    [],
    "GPAI و OECD و UNESCO ، 2024 - 78/265 «»".split(),
]


def _anercorp(limit: int) -> list[list[str]]:
    path = shared_path("data", "ner", "anercorp-camel", "ANERCorp_CamelLab_test.txt")
    if path is None:
        return []
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(parts[0])
        if parts[0] == "." and len(cur) > 1:
            sents.append(cur)
            cur = []
        if len(sents) >= limit:
            break
    return sents


@pytest.fixture(scope="module")
def reference():
    t = pycrfsuite.Tagger()
    t.open(str(MODEL))
    return t


def test_labels_equal_crfsuite_on_our_sentences_and_anercorp(reference):
    sents = OUR_SENTENCES + _anercorp(400)
    ours = CRFTagger(MODEL).tag(sents)
    theirs = [reference.tag(sentence_features(s)) if s else [] for s in sents]
    assert ours == theirs
    assert sum(lab != "O" for s in ours for lab in s) > 20  # the comparison saw entities


def test_cache_reset_and_reuse_keep_the_labels(reference, monkeypatch):
    from marsad.extract import ner_crf
    monkeypatch.setattr(ner_crf, "_MAX_WORDS", 30)
    t = CRFTagger(MODEL)
    first = t.tag(OUR_SENTENCES)
    again = t.tag(OUR_SENTENCES[::-1])[::-1]  # cached words, and the cache starts afresh
    assert first == again == [reference.tag(sentence_features(s)) if s else [] for s in OUR_SENTENCES]


def test_model_reader_keeps_every_weight(reference):
    labels, attrs, state, trans = read_model(MODEL)
    assert set(labels) == set(reference.labels())
    assert state.shape == (len(attrs) + 1, len(labels)) and not state[-1].any()
    assert np.isfinite(trans).all() and trans.any()


def test_a_file_that_is_not_a_crf_model_is_a_model_error(tmp_path):
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just some bytes" * 4)
    with pytest.raises(ModelError, match="x.crfsuite"):
        read_model(bad)


def test_viterbi_breaks_ties_on_the_first_label():
    em = np.zeros((2, 3, 2))
    paths = viterbi(em, np.array([3, 2]), np.zeros((2, 2)))
    assert paths[0].tolist() == [0, 0, 0] and paths[1, :2].tolist() == [0, 0]
