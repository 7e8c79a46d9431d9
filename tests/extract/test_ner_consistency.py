"""Label consistency across neighbouring sentences (marsad.extract.ner_consistency)."""
from marsad.extract import entities as ent
from marsad.extract.ner_consistency import propagate


def test_a_recognised_name_is_tagged_again_where_it_recurs_untagged():
    sents = [["أعلنت", "نيسان", "عن", "سيارة"], ["وقالت", "ونيسان", "إن"], ["زار", "بان", "كي", "مون", "باريس"]]
    tags = [["O", "B-ORG", "O", "O"], ["O", "O", "O"], ["O", "O", "O", "B-PERS", "B-LOC"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-ORG", "O"]  # clitic و ignored when matching
    assert out[2] == tags[2]  # nothing known to add there
    assert tags[1] == ["O", "O", "O"]  # input untouched


def test_a_full_name_replaces_a_shorter_span_of_the_same_type_inside_it():
    sents = [["قال", "بان", "كي", "مون"], ["وأكد", "بان", "كي", "مون", "أن"]]
    tags = [["O", "B-PERS", "I-PERS", "I-PERS"], ["O", "O", "O", "B-PERS", "O"]]
    assert propagate(sents, tags)[1] == ["O", "B-PERS", "I-PERS", "I-PERS", "O"]


def test_no_propagation_over_other_types_outside_the_window_or_for_short_words():
    sents = [["زار", "ليون"], ["فاز", "ليون"], ["قال", "عن"], ["قال", "عن"]]
    tags = [["O", "B-LOC"], ["O", "B-ORG"], ["O", "B-PERS"], ["O", "O"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-ORG"] and out[0] == ["O", "B-LOC"]  # tagged spans are never retyped
    assert out[3] == ["O", "O"]  # a two-letter word is never propagated
    far = [["زار", "طوكيو"]] + [["قال", "ذلك"]] * 12 + [["في", "طوكيو"]]
    far_tags = [["O", "B-LOC"]] + [["O", "O"]] * 12 + [["O", "O"]]
    assert propagate(far, far_tags, window=10)[-1] == ["O", "O"]
    assert propagate(far, far_tags, window=20)[-1] == ["O", "B-LOC"]


def test_the_most_frequent_type_in_the_window_wins_and_spans_are_not_cut():
    sents = [["فاز", "بنفيكا"], ["هزم", "بنفيكا"], ["زار", "بنفيكا"], ["لاعب", "بنفيكا"], ["وصل", "الفريق"]]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"], ["O", "O"], ["B-ORG", "I-ORG"]]
    out = propagate(sents, tags)
    assert out[3] == ["O", "B-ORG"]
    assert out[4] == ["B-ORG", "I-ORG"]


def test_shipped_tagger_applies_consistency_when_meta_asks_for_it():
    meta = ent.json.loads((ent.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    t = ent.tagger()
    neural = getattr(t, "first", t)
    assert isinstance(neural, ent._Consistent) == bool(meta.get("consistency"))


def test_retype_gives_a_name_the_type_it_has_most_often_in_the_window():
    sents = [["هزم", "الليكود"], ["قرر", "الليكود"], ["قال", "الليكود"], ["زار", "ليون"], ["فاز", "ليون"]]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-PERS"], ["O", "B-LOC"], ["O", "B-ORG"]]
    assert propagate(sents, tags)[2] == ["O", "B-PERS"]  # off by default
    out = propagate(sents, tags, retype=True)
    assert out[2] == ["O", "B-ORG"]
    assert out[3] == ["O", "B-LOC"] and out[4] == ["O", "B-ORG"]  # a tie changes nothing


def _recount(sents, tags, window, max_len, retype):
    """The first implementation: every window's votes counted afresh (the reference)."""
    from collections import Counter

    from marsad.extract.ner_consistency import _free, spans, token_info

    keys = [[token_info(w)["n"] for w in ws] for ws in sents]
    names = [[(tuple(ks[s:e]), typ, s, e) for s, e, typ in spans(tg)
              if e - s <= max_len and (e - s > 1 or len(ks[s]) >= 3)] for ks, tg in zip(keys, tags)]
    out = [list(t) for t in tags]
    for i in range(len(sents)):
        votes = Counter((k, typ) for j in range(max(0, i - window), min(len(sents), i + window + 1))
                        for k, typ, _, _ in names[j])
        best = {}
        for (k, typ), c in votes.items():
            best[k] = max(best.get(k, (c, typ)), (c, typ))
        row = out[i]
        if retype:
            for k, typ, s, e in names[i]:
                c, bt = best[k]
                if bt != typ and c > votes[(k, typ)]:
                    row[s:e] = ["B-" + bt] + ["I-" + bt] * (e - s - 1)
        for s, key in enumerate(keys[i]):
            for k in sorted((k for k in best if k[0] == key), key=lambda k: (-len(k), k)):
                e = s + len(k)
                if tuple(keys[i][s:e]) == k and _free(row, s, e, best[k][1]):
                    row[s:e] = ["B-" + best[k][1]] + ["I-" + best[k][1]] * (e - s - 1)
                    break
    return out


def test_the_sliding_window_gives_what_counting_each_window_afresh_gives():
    import random

    rng = random.Random(0)
    vocab = ["نيسان", "ونيسان", "بان", "كي", "مون", "عن", "الليكود", "باريس", "في", "بنفيكا", "لبان"]
    labels = ["O"] * 4 + [p + t for p in ("B-", "I-") for t in ("PERS", "LOC", "ORG", "MISC")]
    for _ in range(1500):
        lens = [rng.randint(0, 7) for _ in range(rng.randint(0, 25))]
        sents = [[rng.choice(vocab) for _ in range(n)] for n in lens]
        tags = [[rng.choice(labels) for _ in range(n)] for n in lens]
        args = (rng.choice([0, 1, 2, 10, 20]), rng.choice([1, 2, 3]), rng.random() < 0.5)
        assert propagate(sents, tags, *args) == _recount(sents, tags, *args)
