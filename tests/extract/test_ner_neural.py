"""NumPy inference of the neural tagger: Viterbi, batching and the shipped weights."""
import itertools

import numpy as np
import pytest

from marsad.extract import entities as ent
from marsad.extract import ner_neural


def _brute_force(em, trans, start, end):
    T, N = em.shape
    best, path = -np.inf, None
    for y in itertools.product(range(N), repeat=T):
        s = start[y[0]] + em[0, y[0]] + end[y[-1]] + sum(trans[y[t - 1], y[t]] + em[t, y[t]] for t in range(1, T))
        if s > best:
            best, path = s, list(y)
    return path


def test_viterbi_finds_the_best_path_of_each_padded_sentence():
    rng = np.random.default_rng(0)
    N = 4
    W = {"crf.trans": rng.normal(size=(N, N)), "crf.start": rng.normal(size=N), "crf.end": rng.normal(size=N)}
    tagger = ner_neural.NumpyTagger(W, None, [str(i) for i in range(N)])
    lengths = np.array([5, 3, 1])
    em = rng.normal(size=(3, 5, N)).astype(np.float32)
    paths = tagger.viterbi(em, lengths)
    for b, n in enumerate(lengths):
        assert paths[b] == _brute_force(em[b, :n], *(tagger.W[k] for k in ("crf.trans", "crf.start", "crf.end")))


def _shipped():
    t = ent.tagger()
    t = getattr(t, "first", t)  # neural+crf: the neural part
    t = getattr(t, "inner", t)  # with label consistency: the tagger inside
    t = getattr(t, "members", [t])[0]  # an ensemble: its first member
    if not isinstance(t, ner_neural.NumpyTagger):
        pytest.skip("the shipped tagger is not the neural one")
    return t


SENTS = [
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيدعم المغرب .".split(),
    "وأعلنت شركة مايكروسوفت عن شراكة مع جامعة محمد السادس .".split(),
    "التقى عمر هلال بنظيره الأمريكي في نيويورك".split(),
    ["مرحبا"],
]


def test_batched_emissions_equal_one_sentence_at_a_time():
    """Padding, length sorting and the reversed LSTM pass must not change any sentence's scores."""
    t = _shipped()
    order = sorted(range(len(SENTS)), key=lambda i: -len(SENTS[i]))
    batch = t.vocab.batch([SENTS[i] for i in order])
    em = t.emissions(batch)
    for row, i in enumerate(order):
        alone = t.emissions(t.vocab.batch([SENTS[i]]))[0]
        n = len(SENTS[i])
        np.testing.assert_allclose(em[row, :n], alone[:n], rtol=1e-4, atol=1e-4)
    assert t.tag(SENTS) == [t.tag([s])[0] for s in SENTS]


def test_shipped_tagger_finds_people_places_and_organisations():
    tags = _shipped().tag(SENTS[:3])
    assert tags[0][3:5] == ["B-PERS", "I-PERS"]  # إيمانويل ماكرون
    assert tags[0][6] == "B-LOC"  # باريس
    assert tags[2][1:3] == ["B-PERS", "I-PERS"]  # عمر هلال
    assert tags[2][-1] == "B-LOC"  # نيويورك
    assert all(len(t) == len(s) for t, s in zip(tags, SENTS))


def test_empty_input():
    t = _shipped()
    assert t.tag([]) == []
    assert t.tag([[], ["باريس"]])[0] == []


def test_union_adds_crf_spans_only_where_the_neural_tagger_found_nothing():
    class Fixed:
        def __init__(self, tags):
            self.tags = tags

        def tag(self, sents):
            return [list(self.tags)]

    first = Fixed(["B-PERS", "I-PERS", "O", "O", "O", "O"])
    second = Fixed(["B-ORG", "O", "B-LOC", "I-LOC", "O", "B-MISC"])
    assert ent._Union(first, second).tag([["w"] * 6]) == [["B-PERS", "I-PERS", "B-LOC", "I-LOC", "O", "B-MISC"]]


def _reference_emissions(t, words):
    """Label scores of one sentence by the textbook LSTM (torch's gate order i, f, g, o)."""
    W = t.W
    x = t._inputs(t.vocab.batch([words]))[0]

    def run(seq, d):
        H = W[f"lstm.w_hh{d}"].shape[1]
        h, c, out = np.zeros(H), np.zeros(H), []
        for v in seq:
            z = W[f"lstm.w_ih{d}"] @ v + W[f"lstm.b_ih{d}"] + W[f"lstm.w_hh{d}"] @ h + W[f"lstm.b_hh{d}"]
            i, f, g, o = np.split(z, 4)
            sig = lambda a: 1 / (1 + np.exp(-a))  # noqa: E731
            c = sig(f) * c + sig(i) * np.tanh(g)
            h = sig(o) * np.tanh(c)
            out.append(h)
        return np.array(out)

    fwd, bwd = run(x, ""), run(x[::-1], "_reverse")[::-1]
    return np.concatenate([fwd, bwd], axis=1) @ W["out.w"].T + W["out.b"]


def test_lstm_equals_the_textbook_recurrence():
    t = _shipped()
    batch = t.vocab.batch(SENTS[:3])
    em = t.emissions(batch)
    for row, words in enumerate(SENTS[:3]):
        np.testing.assert_allclose(em[row, :len(words)], _reference_emissions(t, words), rtol=1e-3, atol=1e-3)


def test_cached_word_projections_give_the_labels_of_the_full_batch(monkeypatch):
    """tag() reuses each distinct word's input projection; the labels must be those of decoding
    the full batch's emissions, also when the word table fills up and starts afresh."""
    t = _shipped()
    order = sorted(range(len(SENTS)), key=lambda i: -len(SENTS[i]))
    batch = t.vocab.batch([SENTS[i] for i in order])
    paths = t.viterbi(t.emissions(batch), batch["lengths"])
    expected = [None] * len(SENTS)
    for row, i in enumerate(order):
        expected[i] = [t.labels[j] for j in paths[row]]
    assert t.tag(SENTS) == expected
    monkeypatch.setattr(t, "cache_words", 12)
    assert t.tag(SENTS) == expected and t.tag(SENTS[::-1]) == expected[::-1]


def test_word_table_evicts_the_least_used_words_and_keeps_its_rows_consistent():
    """A full word table frees the rows of its least used words (or starts afresh when one call has
    more new words than it holds); the labels stay those of the full batch, and every kept word's
    row still holds its own projection."""
    t = _shipped()
    expected = t.tag(SENTS)
    small = ner_neural.NumpyTagger(t.W, t.vocab, t.labels)
    small.cache_words = 12
    assert small.tag(SENTS[:1]) == expected[:1]
    for order in (range(4), (3, 2, 1, 0), (1, 1, 2, 0, 3, 2)):
        for i in order:
            assert small.tag([SENTS[i]]) == [expected[i]]
            used = set(small._rows.values())
            assert len(used) + len(small._free) == len(small._table) and not used & set(small._free)
            assert all(small._words[r] == w for w, r in small._rows.items())
    words = list(small._rows)
    assert np.allclose(small._table[[small._rows[w] for w in words]], small._word_projection(words), atol=1e-5)
    assert len(small._table) == 12 < len({w for s in SENTS for w in s})  # so rows were freed on the way
    assert small.tag(SENTS) == expected  # 29 distinct words in one call: afresh again


def _perturbed(t, scale=0.05, seed=0):
    rng = np.random.default_rng(seed)
    W = {k: v + rng.normal(scale=scale, size=v.shape).astype(np.float32) if k.startswith(("lstm", "out", "crf"))
         else v for k, v in t.W.items()}
    return ner_neural.NumpyTagger(W, t.vocab, t.labels)


def test_ensemble_decodes_the_mean_of_its_members_scores():
    t = _shipped()
    u = _perturbed(t)
    e = ner_neural.Ensemble([t, u])
    assert ner_neural.Ensemble([t, t]).tag(SENTS) == t.tag(SENTS)
    order = sorted(range(len(SENTS)), key=lambda i: -len(SENTS[i]))
    batch = t.vocab.batch([SENTS[i] for i in order])
    em = (t.emissions(batch) + u.emissions(batch)) / 2
    flat = [w for i in order for w in SENTS[i]]
    np.testing.assert_allclose(e.scores(flat, batch["lengths"]), em, rtol=1e-4, atol=1e-4)
    crf = [(t.W[k] + u.W[k]) / 2 for k in ner_neural.CRF_KEYS]
    paths = ner_neural._viterbi_rows(em, batch["lengths"], crf)
    expected = [None] * len(SENTS)
    for row, i in enumerate(order):
        expected[i] = [t.labels[j] for j in paths[row]]
    assert e.tag(SENTS) == expected
    assert e.tag([]) == [] and e.tag([[], ["باريس"]])[0] == []


def test_a_slim_member_file_takes_the_rest_from_the_member_before(tmp_path):
    t = _shipped()
    u = _perturbed(t, seed=1)
    path = tmp_path / "neural_2.npz"
    np.savez_compressed(path, **{"w:" + k: u.W[k] for k in ("out.w", "out.b", "lstm.w_hh")})
    m = ner_neural.load(path, previous=t)
    assert m.vocab is t.vocab and m.W["word_emb"] is t.W["word_emb"]
    np.testing.assert_array_equal(m.W["out.b"], u.W["out.b"])
    np.testing.assert_array_equal(m.W["lstm.w_ih"], t.W["lstm.w_ih"])
    e = ner_neural.load_members([ent.MODEL_DIR / "neural.npz", path])
    assert isinstance(e, ner_neural.Ensemble) and e.members[1].vocab is e.members[0].vocab
    assert isinstance(ner_neural.load_members([ent.MODEL_DIR / "neural.npz"]), ner_neural.NumpyTagger)
