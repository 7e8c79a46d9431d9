"""Which CRF spans fill the neural tagger's gaps (entities._gap_span_kept), and diacritics in
the tagger's word features (ner_features.token_info)."""
from marsad.extract import entities as ent
from marsad.extract.ner_features import token_info


class _Fixed:
    def __init__(self, tags):
        self.tags = tags

    def tag(self, sents):
        return self.tags


def test_places_misc_lone_people_and_gazetteer_names_fill_gaps_common_words_do_not():
    words = ["قال", "بوريطة", "إن", "شركة", "موتورز", "زادتا", "في", "فرنسا", "و", "أمل", "الفلاح", "مؤللة"]
    assert ent._gap_span_kept(words, 1, 2, "PERS")        # a lone surname after a verb
    assert ent._gap_span_kept(words, 7, 8, "LOC")
    assert ent._gap_span_kept(words, 9, 11, "PERS")       # أمل: a first name of the gazetteer
    assert not ent._gap_span_kept(words, 4, 6, "PERS")    # «موتورز زادتا»: no name in it
    assert not ent._gap_span_kept(words, 11, 12, "ORG")   # «مؤللة»


def test_union_fills_only_kept_gaps():
    sents = [["قال", "بوريطة", "إن", "دوريات", "مؤللة", "وصلت"]]
    neural = [["O"] * 6]
    crf = [["O", "B-PERS", "O", "O", "B-ORG", "O"]]
    assert ent._Union(_Fixed(neural), _Fixed(crf)).tag(sents) == [["O", "B-PERS", "O", "O", "O", "O"]]
    everything = ent._Union(_Fixed(neural), _Fixed(crf), keep=lambda *a: True).tag(sents)
    assert everything == crf


def test_diacritics_do_not_hide_a_proclitic():
    plain, marked = token_info("ودمرت"), token_info("ودمّرت")
    assert marked["pre"] == plain["pre"] == "و"
    assert marked["n"] == plain["n"] == "دمرت"
    assert token_info("وَكازاخستان")["n"] == token_info("وكازاخستان")["n"] == "كازاخستان"


def test_maghreb_cities_are_gpe():
    for city in ("القصرين", "سيدي بوزيد", "صفاقس", "وجدة", "آسفي", "قسنطينة"):
        assert ent._type("LOC", city) == "GPE", city
    assert ent._type("LOC", "جبل سمامة") == "LOC"
