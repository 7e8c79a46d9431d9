"""The learned answer verifier (marsad/qa/verifier.py, data/verifier.json): tree path
contributions, the shipped model file, explained refusals, the switch; articles written by us."""
import math

import pytest

from marsad.ingest.runner import ingest
from marsad.qa import verifier as V
from marsad.qa.answer import ask
from marsad.store import open_store

A = """وزارة الاقتصاد الرقمي توقع ثلاث اتفاقيات في الرباط

وقعت وزارة الاقتصاد الرقمي يوم 12 مارس 2024 بمدينة الرباط ثلاث اتفاقيات للتعاون في مجال الذكاء الاصطناعي.
وشملت الاتفاقيات كلا من جامعة القاضي عياض وشركة أورنج والمكتب الوطني للكهرباء.
وقال وزير الاقتصاد الرقمي، كريم التازي، إن هذه الاتفاقيات ستساعد على تكوين 500 مهندس في السنوات المقبلة.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("qa_verifier")
    (d / "a.txt").write_text(A, encoding="utf-8")
    s = open_store(str(d / "qa.db"))
    ingest([str(d / "a.txt")], s, progress=False)
    yield s
    s.close()


def test_path_contributions_add_up_to_the_log_odds():
    m = {"base": -0.5, "trees": [
        {"v": 0.1, "f": "conf", "t": 0.5, "l": {"v": -0.4}, "r": {"v": 0.6}},
        {"v": 0.0, "f": "chk_entity", "t": 0.5, "l": {"v": 0.2, "f": "q_when", "t": 0.5, "l": {"v": 0.3}, "r": {"v": -0.1}},
         "r": {"v": -0.9}}]}
    p, contrib = V.prob(m, {"conf": 0.8, "chk_entity": 0.0, "q_when": 1.0})
    z = -0.5 + 0.6 - 0.1
    assert p == pytest.approx(1 / (1 + math.exp(-z)))
    c = dict(contrib)
    assert c["conf"] == pytest.approx(0.5) and c["chk_entity"] == pytest.approx(0.2) and c["q_when"] == pytest.approx(-0.3)
    assert sum(c.values()) == pytest.approx(z - m["base"] - sum(t["v"] for t in m["trees"]))
    assert contrib[0][0] == "q_when"  # most against it first
    # a failed check sends the answer down the other branch
    assert V.prob(m, {"conf": 0.8, "chk_entity": 1.0})[0] < p


def test_the_shipped_model_reads_features_the_code_computes(store):
    m = V.model()
    assert m is not None and m["model"] == "gbt" and m["mode"] in ("off", "filter", "alone") and 0 < m["threshold"] < 1
    assert m["data"]["gold_sha256"] and m["metrics"]["cv_right_cited"] > 0

    def names(t):
        return set() if "f" not in t else {t["f"]} | names(t["l"]) | names(t["r"])
    used = set().union(*(names(t) for t in m["trees"]))
    assert used <= set(m["features"])
    from marsad.qa.answer import collect, settings

    q, cands = collect(store, "من هو وزير الاقتصاد الرقمي؟")
    res = V.chain(store, q, cands, settings(), 3)[0]
    f = V.features(store, q, res, cands, 0)
    assert set(m["features"]) <= set(f)
    assert f["chk_entity"] == 0.0 and f["q_who"] == 1.0 and f["first"] == 1.0


def test_an_answer_carries_the_verifier_probability_and_a_refusal_says_why(store, monkeypatch):
    monkeypatch.setenv("MARSAD_QA_VERIFIER", "filter")   # shipped off (no gain measured): switched on here
    monkeypatch.setenv("MARSAD_QA_VERIFY", "1")
    res = ask(store, "من هو وزير الاقتصاد الرقمي؟")
    assert res["answer"] == "كريم التازي"
    assert res["verifier"]["p"] >= res["verifier"]["threshold"]
    # the article names a minister, not a Tunisian one: refused, and the refusal is explained
    res = ask(store, "من هو وزير الاقتصاد الرقمي التونسي؟", threshold=0.0)
    assert res["answer"] is None and res["citations"] == [] and res["refused"]
    assert res["refused_answer"] == "كريم التازي"
    monkeypatch.setenv("MARSAD_QA_VERIFIER", "alone")
    res = ask(store, "من هو وزير الاقتصاد الرقمي التونسي؟", threshold=0.0)
    assert res["answer"] is None and res["refused"].startswith("verifier: p ")


def test_the_switch(monkeypatch):
    monkeypatch.setenv("MARSAD_QA_VERIFIER", "off")
    assert V.mode() == "off"
    monkeypatch.setenv("MARSAD_QA_VERIFIER", "alone")
    assert V.mode() == "alone"
    monkeypatch.delenv("MARSAD_QA_VERIFIER")
    assert V.mode() == V.model()["mode"]
