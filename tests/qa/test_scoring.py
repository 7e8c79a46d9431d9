"""The QA scorer: token F1 on search keys, list matching, citations, unanswerable questions."""
from marsad.qa.evaluate import f1, score_one, summarize, tokens


def test_tokens_fold_and_drop_clitics():
    assert tokens("والولايات المتحدة") == tokens("الولايات المتحدة") == tokens("الولايات  المتحده")
    assert f1("نادي فالنسيا", "فالنسيا") < 1.0
    assert f1("كريم التازي", "كريم التازي") == 1.0


def _item(**kw):
    base = {"id": "x", "split": "dev", "type": "who", "answerable": True,
            "answers": [{"doc_id": "d", "start": 10, "end": 15, "sha1": ""}]}
    base.update(kw)
    return base


def test_single_answer_exact_and_citation():
    texts = {("d", 10, 15): "سلمى"}
    good = score_one(_item(), {"answer": "سلمى", "citations": [{"doc_id": "d", "start": 10, "end": 15}]}, texts)
    assert good["correct"] and good["cited"]
    far = score_one(_item(), {"answer": "سلمى", "citations": [{"doc_id": "d", "start": 50, "end": 55,
                                                                "sentence": [40, 80]}]}, texts)
    assert far["correct"] and not far["cited"]
    wrong = score_one(_item(), {"answer": "خالد", "citations": [{"doc_id": "d", "start": 10, "end": 15}]}, texts)
    assert not wrong["correct"]


def test_lists_and_unanswerable():
    item = _item(type="list", answers=[{"doc_id": "d", "start": 0, "end": 4, "sha1": ""},
                                       {"doc_id": "d", "start": 6, "end": 11, "sha1": ""}])
    texts = {("d", 0, 4): "تونس", ("d", 6, 11): "مصر"}
    cites = [{"doc_id": "d", "start": 0, "end": 4}, {"doc_id": "d", "start": 6, "end": 11}]
    full = score_one(item, {"answer": "تونس، مصر", "items": ["تونس", "مصر"], "citations": cites}, texts)
    half = score_one(item, {"answer": "تونس", "items": ["تونس"], "citations": cites[:1]}, texts)
    assert full["exact"] and full["correct"] and full["cited"]
    assert not half["correct"] and half["partial"]
    una = _item(answerable=False, answers=[])
    rows = [score_one(una, {"answer": None}, {}), score_one(una, {"answer": "تونس", "citations": []}, {}), full]
    s = summarize(rows)
    assert s["wrong_on_unanswerable"] == 0.5 and s["correct_with_citation"] == 1.0


def test_list_items_are_compared_with_the_gold_texts_once_tokenised():
    # a gold item starting with ف or و (مؤسسة القرض الفلاحي) must not lose that letter twice
    item = _item(type="list", answers=[{"doc_id": "d", "start": 0, "end": 19, "sha1": ""},
                                       {"doc_id": "d", "start": 21, "end": 24, "sha1": ""}])
    texts = {("d", 0, 19): "مؤسسة القرض الفلاحي", ("d", 21, 24): "مصر"}
    cites = [{"doc_id": "d", "start": 0, "end": 19}, {"doc_id": "d", "start": 21, "end": 24}]
    res = score_one(item, {"answer": "x", "items": ["مؤسسة القرض الفلاحي", "مصر"], "citations": cites}, texts)
    assert res["exact"] and res["item_f1"] == 1.0
