"""Rerank features (marsad/search/rerank.py) on tiny examples written by us."""
import sqlite3

import pytest

from marsad.doc import Document
from marsad.search import rerank as RR
from marsad.search.analyzer import terms
from marsad.search.index import apply_schema, index_document
from marsad.search.query import features, rank, ranking

IDF = {"مرض": 2.0, "سكر": 1.0, "ولد": 1.0, "مدين": 1.0}


def _features(query, doc_terms, ntitle=0, idf=IDF, avgdl=5.0):
    ctx = RR.QueryContext(query, terms(query), idf)
    qset = set(ctx.qterms)
    pos = {}
    for j, t in enumerate(doc_terms):
        if t in qset:
            pos.setdefault(t, []).append(j)
    marks = RR.marker_positions(doc_terms, ctx.atype) if ctx.atype else []
    return RR.doc_features(ctx, doc_terms, frozenset(doc_terms), ntitle, pos, marks, avgdl, 2.0, 1.0)


def test_variants_cover_clitics_prefixes_endings_and_confused_letters():
    assert "لمرض" in RR.variants("مرض") and "مرض" in RR.variants("لمرض")  # a clitic left attached
    assert "يحد" in RR.variants("تحد")  # another verb prefix
    assert "ليبي" in RR.variants("ليب")  # nisba ending
    assert "اضطراب" in RR.variants("اظطراب")  # ض/ظ typed for one another
    assert "مرض" not in RR.variants("مرض")
    assert RR.variants("مر") == frozenset() and RR.variants("covid") == frozenset()


def test_variant_feature_counts_only_missing_terms_found_as_variants():
    f = _features("مرض السكر", ["لمرض", "سكر", "دم"])
    assert f["variant"] == pytest.approx(2.0 / 3.0)  # مرض (idf 2) found as لمرض; سكر is present
    assert _features("مرض السكر", ["مرض", "سكر"])["variant"] == 0.0


def test_vowel_feature_matches_broken_plurals_and_verbal_nouns():
    assert "مدن" in RR.vowel_variants("مدين") and "سقوط" in RR.vowel_variants("سقط")
    assert "ذكور" in RR.vowel_variants("ذكر") and RR.vowel_variants("2006") == frozenset()
    idf = {"سقوط": 2.0, "مدين": 1.0}
    f = _features("متى سقوط المدينة؟", terms("سقطت المدن بعد الحصار"), idf=idf)
    assert f["vowel"] == 1.0 and f["variant"] == 0.0
    f = _features("متى سقوط المدينة؟", terms("سقوط المدينة بعد الحصار"), idf=idf)
    assert f["vowel"] == 0.0  # found as they are: no variant credit


def test_early_and_lead_reward_documents_that_open_with_the_subject():
    lead = _features("مرض السكر", ["سكر", "مرض", "مزمن"] + ["كلام"] * 20)
    late = _features("مرض السكر", ["كلام"] * 5 + ["سكر", "مرض"] + ["كلام"] * 20)
    never = _features("مرض السكر", ["كلام"] * 20 + ["سكر", "مرض"])
    assert lead["lead"] == lead["early"] == 1.0
    assert late["lead"] == 0.0 and late["early"] == 1.0
    assert never["early"] == 0.0
    titled = _features("مرض السكر", ["سكر", "مرض"] + ["كلام"] * 20 + ["سكر"], ntitle=2)
    assert titled["lead"] == 0.0  # the title does not count as the body's opening


def test_first_rewards_a_body_that_opens_with_a_query_term():
    opens = _features("مرض السكر", ["مرض", "كلام", "سكر"] + ["كلام"] * 20)
    second = _features("مرض السكر", ["كلام", "مرض", "سكر"] + ["كلام"] * 20)
    assert opens["first"] == pytest.approx(2.0 / 3.0)  # مرض (idf 2) of 3
    assert second["first"] == 0.0 and second["lead"] == 1.0
    titled = _features("مرض السكر", ["مرض", "كلام", "سكر"] + ["كلام"] * 20, ntitle=1)
    assert titled["first"] == 0.0  # the title's first term is not the body's


def test_answer_type_wants_a_number_or_date_near_the_question_terms():
    assert RR.question_type("متى ولد الكاتب؟") == "DATE"
    assert RR.question_type("كم عدد سكان المدينة؟") == "NUMBER"
    assert RR.question_type("من أسس المدينة؟") is None
    near = _features("متى ولد الكاتب؟", ["ولد", "كاتب", "1911"] + ["كلام"] * 30)
    far = _features("متى ولد الكاتب؟", ["ولد", "كاتب"] + ["كلام"] * 30 + ["1911"])
    assert near["atype"] == 1.0 and far["atype"] == 0.0
    assert _features("من أسس المدينة؟", ["اسس", "مدين", "1911"])["atype"] == 0.0


def test_own_bm25_saturates_and_normalises_length():
    short = _features("مرض", ["مرض", "كلام"])["bm25"]
    long = _features("مرض", ["مرض"] + ["كلام"] * 9)["bm25"]
    assert short > long > 0
    once, twice, often = (_features("مرض", ["مرض"] * n + ["كلام"] * (10 - n))["bm25"] for n in (1, 2, 8))
    assert once < twice < often < 3 * 2.0  # idf·(k1+1) bounds it


def _index(texts):
    conn = sqlite3.connect(":memory:")
    apply_schema(conn)
    for i, t in enumerate(texts):
        index_document(conn, Document.from_text(t, id=f"d{i}", lang="ar"))
    ids = {r: d for r, d in conn.execute("SELECT rowid, doc_id FROM search_docs")}
    return conn, ids


def test_rank_uses_the_rerank_features():
    conn, ids = _index([
        "تحدث التقرير عن المدن الساحلية وعن التجارة والموانئ وعن الطقس في فصل الصيف، ثم ذكر الاسد.",
        "الأسد حيوان من الثدييات يعيش في السهول ويصطاد في جماعات.",
    ])
    feats = features(conn, "ما هو الأسد؟")
    by_doc = {ids[r]: f for r, f in feats.items()}
    assert by_doc["d1"]["lead"] == 1.0 and by_doc["d0"]["lead"] == 0.0
    assert ids[rank(conn, "ما هو الأسد؟")[0][0]] == "d1"
    # with the rerank weights at 0 the ranking is the old one (still valid output)
    off = {k: 0.0 for k in ("variant", "vowel", "early", "lead", "first", "atype", "bm25")}
    assert {ids[r] for r, _ in rank(conn, "ما هو الأسد؟", weights=off)} == {"d0", "d1"}


def test_question_frame_words_count_only_in_the_candidate_search():
    # «ما معنى كلمة X»: the paragraph that explains X need not hold معنى or كلمة
    assert {"معن", "كلم", "اسم", "عدد"} <= RR.frame_terms()
    conn, ids = _index([
        "كلمة السلام لها معنى في كل لغة، والكلمة تتردد في الخطب.",
        "نيبون اسم اليابان في لغتها، وتعني منشأ الشمس.",
    ])
    feats = {ids[r]: f for r, f in features(conn, "ما معنى كلمة نيبون؟").items()}
    assert feats["d1"]["cover"] == 1.0 and feats["d0"]["cover"] == 0.0
    assert ids[rank(conn, "ما معنى كلمة نيبون؟")[0][0]] == "d1"
    full = {ids[r]: f for r, f in features(conn, "ما معنى كلمة نيبون؟", w={**ranking(), "frame": 1.0}).items()}
    assert 0.0 < full["d1"]["cover"] < 1.0 and full["d0"]["cover"] > 0.0


def test_ranking_weights_name_every_rerank_feature():
    w = ranking()
    for k in ("variant", "vowel", "early", "lead", "first", "atype", "bm25", "bm25_k1", "bm25_b", "frame"):
        assert k in w
