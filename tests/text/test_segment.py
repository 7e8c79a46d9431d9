import json

from hypothesis import given, settings, strategies as st

from marsad.doc import Document
from marsad.pipeline import build
from marsad.text.clean import clean
from marsad.text.segment import clitic_split, split_sentences, tokenize


def annotate(raw):
    text, m = clean(raw)
    doc = Document(raw=raw, text=text, offsets=m)
    return build(["segment", "mixed_script"])(doc)


def test_list_items_are_units(seeds_dir):
    doc = annotate((seeds_dir / "004_b048df0e1d7784a9.txt").read_text(encoding="utf-8"))
    items = [s for s in doc.spans("sentences") if s.attrs["kind"] == "list_item"]
    assert len(items) == 8
    assert all(doc.span_text(s).startswith(("- اتفاقية", "- بروتوكول")) for s in items)


def test_headline_is_its_own_unit(seeds_dir):
    doc = annotate((seeds_dir / "003_66ad7535d1dbfcab.txt").read_text(encoding="utf-8"))
    first = doc.spans("sentences")[0]
    assert first.attrs["kind"] == "heading"
    assert doc.span_text(first) == "المغرب والولايات المتحدة يعززان تعاونهما في مجال الذكاء الاصطناعي"


def test_mixed_script_word_flagged(seeds_dir):
    doc = annotate((seeds_dir / "004_b048df0e1d7784a9.txt").read_text(encoding="utf-8"))
    warnings = doc.spans("warnings")
    assert [doc.span_text(w) for w in warnings] == ["الجزيри"]
    assert "Cyrillic" in warnings[0].attrs["message"]


def test_sentences_split_on_arabic_punctuation_and_keep_quotes():
    text = "قال الوزير: “نحن مستعدون.” ثم غادر. هل انتهى الاجتماع؟ نعم؛ انتهى! الرقم 3.5 مهم"
    units = [text[a:b] for a, b, _ in split_sentences(text)]
    assert units == ["قال الوزير: “نحن مستعدون.”", "ثم غادر.", "هل انتهى الاجتماع؟", "نعم؛",
                     "انتهى!", "الرقم 3.5 مهم"]


def test_abbreviation_does_not_end_sentence():
    text = "حضر د. أحمد الاجتماع. ثم تحدث."
    assert [text[a:b] for a, b, _ in split_sentences(text)] == ["حضر د. أحمد الاجتماع.", "ثم تحدث."]


def test_tokens_separate_punctuation_and_mark_clitics():
    text = "والولايات، بالمغرب وزارة للتنمية (D4SD) 78/265"
    toks = tokenize(text)
    surfaces = [text[a:b] for a, b, _, _ in toks]
    assert surfaces == ["والولايات", "،", "بالمغرب", "وزارة", "للتنمية", "(", "D4SD", ")", "78", "/", "265"]
    cl = {text[a:b]: tuple(c - a for c in cuts) for a, b, _, cuts in toks}
    assert cl["والولايات"] == (1, 3)
    assert cl["بالمغرب"] == (1, 3)
    assert cl["وزارة"] == ()
    assert cl["للتنمية"] == (1, 2)


def test_clitic_lexicon_decisions():
    assert clitic_split("وقال") == (1,)
    assert clitic_split("ولاية") == ()
    assert clitic_split("وفد") == ()
    assert clitic_split("لتعزيز") == (1,)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8"),
                                  st.sampled_from(list("والمغرب.؟!…؛\n-•“”«» ") + ["\u200d", "\u0651"])),
               max_size=300))
def test_segmentation_invariants(raw):
    doc = annotate(raw)
    for layer in ("sentences", "tokens"):
        spans = doc.spans(layer)
        for prev, cur in zip(spans, spans[1:]):
            assert prev.end <= cur.start
        for s in spans:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert doc.span_text(s).strip() == doc.span_text(s)
            for c in s.attrs.get("clitics", []):
                assert s.start < c < s.end
    doc2 = Document.from_json(json.loads(json.dumps(doc.to_json())))
    assert doc2.to_json() == doc.to_json()
