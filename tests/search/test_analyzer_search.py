"""The Arabic analyzer: proclitics, stemming fixes, stop words, offsets, French/English."""
from marsad.search.analyzer import analyze, terms


def test_proclitics_and_plural_fixes():
    assert terms("والولايات")[0].startswith("ولاي")
    assert terms("الولاية") == terms("والولايات")
    assert terms("اتفاقيات") == terms("اتفاقية") == terms("الاتفاقية")
    assert terms("بالمغرب") == terms("المغرب") == terms("للمغرب")
    assert terms("للذكاء الاصطناعي") == terms("الذكاء الاصطناعيّ")


def test_stop_words_dropped_content_words_kept():
    t = terms("متى انضم المغرب إلى الشراكة العالمية؟")
    assert "متي" not in t and len(t) == 4
    assert terms("في من على") == []
    assert terms("مليار دولار") != []  # numbers and currencies are searchable in news


def test_offsets_index_the_original_text():
    text = "وقّعت المملكةُ اتفاقيةً، يوم ٢٠٢٤."
    for t in analyze(text):
        assert text[t.start:t.end].strip() == text[t.start:t.end]
        assert t.end > t.start
    assert [text[t.start:t.end] for t in analyze(text)][1] == "المملكةُ"
    assert "2024" in terms(text)


def test_french_and_english_stemmers():
    assert terms("les accords signés", "fr") == terms("accord signé", "fr")
    assert terms("The agreements", "en") == terms("agreement", "en")
    # Arabic words inside a French text still get the Arabic chain
    assert terms("le Maroc (المغرب)", "fr")[-1] == terms("المغرب")[0]
