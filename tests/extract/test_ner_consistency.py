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
