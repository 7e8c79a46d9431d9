"""Contextual features from a news language model (train/ner/train_lm.py, marsad/extract/ner_lm.py):
the NumPy LM and a tagger reading it give torch's states, scores and labels; files without an LM
load as before."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from marsad.extract import ner_neural
from marsad.extract.ner_lm import NewsLM

torch = pytest.importorskip("torch")
REPO = Path(__file__).resolve().parents[2]


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "train" / "ner" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


WORDS = ["<pad>", "<unk>", "قال", "الوزير", "في", "باريس", "المغرب", "ان", "0"]
EXTRA = ["<unk>", "،", "."]
SENTS = [["وقال", "الوزير", "في", "باريس", "،", "إن", "المغرب", "سيدعم", "12", "."],
         ["في", "المغرب", "."], ["كلمةمجهولة"]]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A tiny LM with random weights, exported and loaded back frozen."""
    train_lm = _load("train_lm")
    rng = np.random.default_rng(0)
    table = rng.normal(size=(len(WORDS), 6)).astype(np.float16).astype(np.float32)
    table[:2] = 0
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("lm") / "lm.npz"
    train_lm.export(train_lm.BiLM(table, len(EXTRA), 5), EXTRA, WORDS, path)
    frozen, arrays, extra = train_lm.load_frozen(path, WORDS, table)
    return table, frozen, arrays, extra


def _ids(vocab, sents):
    order = sorted(range(len(sents)), key=lambda i: -len(sents[i]))
    b = vocab.batch([sents[i] for i in order])
    return b["lm_ids"], b["lengths"]


def test_lm_ids_are_the_word_table_rows_then_the_lm_own_rows():
    v = ner_neural.Vocab(WORDS, [], [], [], (100, 300, 1000), lm_extra=EXTRA)
    n = len(WORDS)
    # وقال → قال (proclitic stripped), إن → ان (normalised), digits → 0, ، and . → extra rows, unknown → <unk>
    assert v.lm_ids(SENTS[0]) == [2, 3, 4, 5, n + 1, 7, 6, n + 0, 8, n + 2]
    assert v.lm_ids(["كلمةمجهولة", "؟"]) == [n, n]


def test_numpy_lm_states_equal_torch(tiny):
    table, frozen, arrays, extra = tiny
    H = frozen.hidden
    W = dict(arrays, **{"lm_proj.w": np.eye(2 * H, dtype=np.float32), "lm_proj.b": np.zeros(2 * H, np.float32)})
    lm = NewsLM(W, table)
    vocab = ner_neural.Vocab(WORDS, [], [], [], (100, 300, 1000), lm_extra=extra)
    ids, lengths = _ids(vocab, SENTS)
    with torch.no_grad():
        ref = frozen.states(torch.from_numpy(ids), torch.from_numpy(lengths)).numpy()
    got = lm.states(ids, lengths)
    mask = np.arange(ids.shape[1])[None, :] < lengths[:, None]
    np.testing.assert_allclose(got[mask], ref[mask], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(lm.features(ids, lengths)[mask], ref[mask], rtol=1e-5, atol=1e-5)
    # the backward state at a token depends on the words after it: not a per-word feature
    assert not np.allclose(got[1, 0, H:], got[2, 0, H:])  # في before المغرب vs … the same word elsewhere


def test_tagger_with_lm_gives_torch_scores_and_labels(tiny, tmp_path):
    table, frozen, arrays, extra = tiny
    tn = _load("train_neural")
    chars = ["<pad>", "<unk>"] + sorted({c for s in SENTS for w in s for c in w})
    pres, shapes = ["<pad>", "<unk>", "", "و"], ["<pad>", "<unk>", "AR", "D", "Xx", "XX", "x", "P", "O"]
    lists = {"words": WORDS, "chars": chars, "pres": pres, "shapes": shapes, "n_clusters": list(tn.N_CLUSTERS),
             "labels": tn.LABELS, "lm_extra": extra}
    torch.manual_seed(1)
    model = tn.Tagger(table, len(chars), len(pres), len(shapes), 7, lm=frozen, lm_dim=4)
    with torch.no_grad():
        for p in (model.trans, model.start, model.end):
            p.add_(torch.randn_like(p))
    model.eval()
    tn.export(model, lists, tmp_path / "t.npz", arrays)
    t = ner_neural.load(tmp_path / "t.npz")
    assert t.lm is not None
    order = sorted(range(len(SENTS)), key=lambda i: -len(SENTS[i]))
    sents = [SENTS[i] for i in order]
    batch = t.vocab.batch(sents)
    with torch.no_grad():
        ref = model.emissions(tn.to_torch(batch)).numpy()
    lengths = batch["lengths"]
    mask = np.arange(ref.shape[1])[None, :] < lengths[:, None]
    np.testing.assert_allclose(t.emissions(batch)[mask], ref[mask], rtol=1e-4, atol=1e-4)
    fast = t.scores([w for s in sents for w in s], lengths)  # the cached per-word path
    np.testing.assert_allclose(fast[mask], ref[mask], rtol=1e-4, atol=1e-4)
    assert t.tag(SENTS) == tn.predict_torch(model, SENTS, t.vocab, t)
    assert t.tag(SENTS) == [t.tag([s])[0] for s in SENTS]


def test_model_files_without_an_lm_load_as_before():
    path = REPO / "marsad" / "models" / "ner" / "neural.npz"
    if not path.exists():
        pytest.skip("no shipped neural tagger")
    t = ner_neural.load(path)
    if "v:lm_extra" in np.load(path).files:
        pytest.skip("the shipped tagger has an LM")
    assert t.lm is None and t.vocab.lm_extra is None
    assert "lm_ids" not in t.vocab.batch([["في", "باريس"]])
    assert t.tag([["قال", "الوزير", "في", "باريس"]])[0][3] == "B-LOC"
