"""Self-training tools of the neural entity tagger: news sentences as ANERcorp tokenises them, the
teacher's path probability, and pseudo-labelled sentences at their own loss weight."""
from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "train" / "ner" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


pseudo_label = _load("pseudo_label")


def test_news_sentences_keep_clitics_on_their_words_and_punctuation_apart():
    raw = "عنوان قصير جدا\nوقال الوزير للصحفيين في الرباط، إن الحكومة ستدعم البرنامج. انتهى الاجتماع بعد ساعتين من النقاش."
    sents = pseudo_label.sentences(raw, 6, 60)
    assert sents[0] == ["وقال", "الوزير", "للصحفيين", "في", "الرباط", "،", "إن", "الحكومة", "ستدعم", "البرنامج", "."]
    assert sents[1][0] == "انتهى" and sents[1][-1] == "."
    assert all(len(s) >= 6 for s in sents)  # the three-word heading is left out


class _Toy:
    """A tagger with fixed emission scores and CRF scores (3 labels)."""

    def __init__(self, rng):
        self.em = {n: rng.normal(size=(n, 3)) for n in (2, 3)}
        self.trans, self.start, self.end = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)

    def crf(self):
        return self.trans, self.start, self.end

    def scores(self, words, lengths):
        out = np.full((len(lengths), int(lengths[0]), 3), -1e4)
        for r, n in enumerate(lengths.tolist()):
            out[r, :n] = self.em[n]
        return out


def test_path_probability_and_marginals_equal_the_sums_over_all_paths():
    toy = _Toy(np.random.default_rng(0))
    probs, margs = pseudo_label.path_probs(toy, [["a", "b"], ["c", "d", "e"]])
    for n, p, m in zip((2, 3), probs, margs):
        e = toy.em[n]
        paths = list(itertools.product(range(3), repeat=n))
        scores = np.array([toy.start[y[0]] + sum(e[t, y[t]] for t in range(n))
                           + sum(toy.trans[y[t - 1], y[t]] for t in range(1, n)) + toy.end[y[-1]] for y in paths])
        w = np.exp(scores) / np.exp(scores).sum()
        assert p == pytest.approx(w.max(), rel=1e-6)
        for t in range(n):
            for lab in range(3):
                assert m[t, lab] == pytest.approx(sum(wi for wi, y in zip(w, paths) if y[t] == lab), rel=1e-6)


def test_unknown_tokens_allow_every_label():
    torch = pytest.importorskip("torch")
    tn = _load("train_neural")
    model = tn.Tagger(np.zeros((3, 4), np.float32), 3, 3, 9, 5)
    em = torch.randn(1, 4, len(tn.LABELS))
    y = torch.tensor([[0, 3, 4, 0]])
    lengths = torch.tensor([4])
    every = torch.ones(1, 4, dtype=torch.bool)
    one = torch.tensor([[False, False, False, True]])  # the last O unsure: more paths, a smaller loss
    with torch.no_grad():
        assert float(model.nll(em, y, lengths, None, every)) == pytest.approx(0.0, abs=1e-4)
        assert float(model.nll(em, y, lengths, None, one)) < float(model.nll(em, y, lengths))


def test_pseudo_labelled_sentences_form_batches_of_their_own_weight():
    pytest.importorskip("torch")
    tn = _load("train_neural")
    from marsad.extract import ner_neural

    vocab = ner_neural.Vocab(["<pad>", "<unk>", "في"], ["<pad>", "<unk>"], ["<pad>", "<unk>"],
                             ["<pad>", "<unk>", "AR", "D", "Xx", "XX", "x", "P", "O"], tn.N_CLUSTERS)
    sents = [(["ذهب", "إلى", "تونس"], ["O", "O", "B-LOC"])] * 5 + [(["زار", "باريس"], ["O", "B-LOC"])] * 4
    weights = [1.0] * 5 + [0.3] * 4
    seen = []
    for b, _, idx in tn.batches(sents, vocab, 3, True, np.random.default_rng(1), None, weights):
        assert {weights[i] for i in idx} == {b["weight"]}
        seen += idx
    assert sorted(seen) == list(range(9))


def test_one_hot_soft_targets_give_the_loss_of_the_hard_labels():
    torch = pytest.importorskip("torch")
    tn = _load("train_neural")
    model = tn.Tagger(np.zeros((3, 4), np.float32), 3, 3, 9, 5)
    with torch.no_grad():
        model.trans.add_(torch.randn(9, 9) * (model.trans > -1e3))
    em = torch.randn(2, 4, len(tn.LABELS))
    y = torch.tensor([[0, 3, 4, 0], [1, 2, 0, 0]])
    lengths = torch.tensor([4, 3])
    soft = torch.nn.functional.one_hot(y, len(tn.LABELS)).float()
    with torch.no_grad():
        assert float(model.nll(em, y, lengths, soft=soft)) == pytest.approx(float(model.nll(em, y, lengths)), rel=1e-5)
