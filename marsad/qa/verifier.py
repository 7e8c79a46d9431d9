"""A learned answer verifier: accept or refuse each candidate answer from a feature vector.

The hand-written checks of :mod:`marsad.qa.verify` (and :mod:`marsad.qa.anchor`,
:mod:`marsad.qa.evidence`) were written from dev samples and silence the sample they were
written from but not the next one. Here they become *features*, beside the candidate's ranking
score and its parts, the share of the question's words in the evidence sentence and window, the
question's entities and predicate (any form of its verb ↔ verbal-noun entry) in the sentence,
the margin to the next candidate, the candidate's place in the fallback chain and the question
type; a logistic regression trained on the dev split of the gold set
(``python bench/ask_bench.py verifier --write``: cross-validated by article, weights in
``data/verifier.json``, NumPy only at run time) gives each candidate a probability of being
right and cited.

:func:`chain` lists the answers :func:`marsad.qa.answer.settle` would try in turn (the best
answer, then each next one decided as if the tried ones were absent); :func:`decide_chain`
answers with the first one the verifier accepts (``mode`` "alone") or the first one that both
the rules and the verifier accept (``mode`` "filter"), and explains a refusal (its probability
and the features that weighed most against it).
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import Question, _key, _verb_like, fold_term
from marsad.search.analyzer import WORD, analyze

DATA = Path(__file__).with_name("data")
KINDS = ("who", "when", "where", "how_many", "which", "title", "yesno")


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The trained verifier (``data/verifier.json``), or None when there is none."""
    path = DATA / "verifier.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _stems(text: str) -> set[str]:
    return {fold_term(t.term) for t in analyze(text)}


def _ekey(s: str) -> str:
    return " ".join(_key(w) for w in WORD.findall(s))


def _predicate(q: Question) -> set[str]:
    """Folded terms of the question's predicate: its relation word, or its verb-like words."""
    words = [q.relation_word] if q.relation_word else [m.group(0) for m in WORD.finditer(q.text, q.qword_end)
                                                       if _verb_like(_key(m.group(0)))][:1]
    return set().union(*(_stems(w) for w in words if w)) if words else set()


def _content(q: Question) -> set[str]:
    return {fold_term(t) for t in q.terms}


def check_names() -> list[str]:
    from marsad.qa.verify import rules

    r = rules()
    return sorted(r["checks"] | r["flags"])


def verdicts(store, q: Question, res: dict, docs: dict | None = None) -> dict[str, float]:
    """Each check of :mod:`marsad.qa.verify` run alone on the answer of ``res``: 1.0 failed, 0.0 passed."""
    from marsad.qa import anchor, evidence
    from marsad.qa.answer import _load
    from marsad.qa.verify import _sentence_of, check, window

    names = check_names()
    out = {f"chk_{n}": 0.0 for n in names}
    out["chk_list"] = 0.0  # a list whose items all fail the list checks
    cites = res.get("citations") or []
    if not cites:
        return out
    docs = {} if docs is None else docs
    if res.get("items"):
        from marsad.qa.verify import rules
        on = rules()["list_checks"]
        fails = 0
        for c in cites:
            d = docs.get(c["doc_id"]) or docs.setdefault(c["doc_id"], _load(store, c["doc_id"], 1.0))
            if check(q, d.text, d.layers, c["start"], c["end"], c["text"], d.title or "", only=on):
                fails += 1
        out["chk_list"] = float(fails == len(cites))
        return out
    c = cites[0]
    d = docs.get(c["doc_id"]) or docs.setdefault(c["doc_id"], _load(store, c["doc_id"], 1.0))
    if q.kind == "yesno":
        win = window(d.text, d.layers, c["start"], c["end"])
        out["chk_yesno"] = float(bool(evidence.yes_missing(q, d.text, win, d.title or "")))
        out["chk_yespred"] = float(not anchor.yes_predicate(q, d.text, win, _sentence_of(d.text, d.layers, c["start"], c["end"]),
                                                            d.layers.get("entities") or []))
        return out
    for n in names:
        if n in ("yesno", "yespred"):
            continue
        out[f"chk_{n}"] = float(check(q, d.text, d.layers, c["start"], c["end"], c["text"], d.title or "", only={n}) is not None)
    return out


def features(store, q: Question, res: dict, cands: list, k: int, docs: dict | None = None) -> dict[str, float]:
    """The feature vector of the answer of ``res`` (decided at threshold 0), ``k``-th of its chain."""
    from marsad.qa.verify import _sentence_of, rules, window
    from marsad.qa.answer import _load

    f: dict[str, float] = {"bias_one": 1.0}
    conf = res.get("confidence") or 0.0
    f["conf"] = conf
    x = res.get("features") or [0.0] * 6
    for name, v in zip(("c_score", "c_ent", "c_cov", "c_margin", "c_miss", "c_fit"), x):
        f[name] = float(v)
    f["rank_k"] = float(k)
    f["first"] = float(k == 0)
    cand = res.get("candidates") or []
    f["n_docs"] = math.log1p(cand[0]["documents"]) if cand else 0.0
    for kind in KINDS:
        f[f"q_{kind}"] = float(q.kind == kind)
    f["q_list"] = float(bool(res.get("items")))
    f["q_kb"] = float(bool(res.get("items")) and sum("kb" in x.feats for x in cands) >= 2)
    f["n_qents"] = float(min(len(q.entities), 3))
    cites = res.get("citations") or []
    best = None
    if cites:
        c = cites[0]
        over = [x for x in cands if x.doc_id == c["doc_id"] and x.start < c["end"] and c["start"] < x.end]
        best = max(over, key=lambda x: x.score, default=None)
    bf = best.feats if best is not None else {}
    for name in ("win", "doc_cov", "doc_ent", "rank", "rel", "arg", "prox", "prep", "desc", "head", "yr"):
        f[f"f_{name}"] = float(min(bf.get(name, 0.0), 2.0))
    f["kb_arg"] = float(bool(best is not None and "event argument" in best.why))
    f.update(verdicts(store, q, res, docs))
    names = check_names()
    r = rules()
    f["n_refuse_fail"] = sum(f.get(f"chk_{n}", 0.0) for n in names if n in r["checks"])
    f["n_flag_fail"] = sum(f.get(f"chk_{n}", 0.0) for n in names if n in r["flags"])
    # the question's words, entities and predicate in the evidence
    if cites:
        c = cites[0]
        docs = {} if docs is None else docs
        d = docs.get(c["doc_id"]) or docs.setdefault(c["doc_id"], _load(store, c["doc_id"], 1.0))
        ss, se = _sentence_of(d.text, d.layers, c["start"], c["end"])
        ws, we = window(d.text, d.layers, c["start"], c["end"])
        sst, wst = _stems(d.text[ss:se]), _stems(d.text[ws:we])
        terms = _content(q)
        f["w_sent"] = len(terms & sst) / len(terms) if terms else 1.0
        f["w_win"] = len(terms & wst) / len(terms) if terms else 1.0
        f["w_title"] = len(terms & _stems(d.title or "")) / len(terms) if terms else 1.0
        skey = " " + _ekey(d.text[ss:se]) + " "
        ents = [e for e in q.entities if _ekey(e["text"])]
        f["e_sent"] = (sum(" " + _ekey(e["text"]) + " " in skey for e in ents) / len(ents)) if ents else 1.0
        pred = _predicate(q)
        f["p_none"] = float(not pred)
        f["p_sent"] = float(bool(pred & sst))
        f["p_doc"] = float(bool(pred & _stems(d.text))) if pred else 1.0
        # distance in words from the answer to the nearest question word of its sentence
        words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(d.text, ss, se)]
        hits = [a for a, b, w in words if _stems(w) & terms and not (c["start"] <= a < c["end"])]
        if hits and not res.get("items") and q.kind != "yesno":
            pos = sum(1 for a, _, _ in words if a < c["start"])
            idx = [sum(1 for a2, _, _ in words if a2 < h) for h in hits]
            f["dist"] = min(abs(i - pos) for i in idx) / 10.0
        else:
            f["dist"] = 0.0 if q.kind == "yesno" else 2.0
        f["ans_words"] = float(min(len(WORD.findall(c.get("text") or "")), 6)) if q.kind != "yesno" else 0.0
    else:
        for name in ("w_sent", "w_win", "w_title", "e_sent", "p_none", "p_sent", "p_doc", "dist", "ans_words"):
            f[name] = 0.0
    return f


def _cite_keys(cands: list, res: dict) -> set[str]:
    cite = (res.get("citations") or [None])[0]
    if cite is None:
        top = res["candidates"][0] if res.get("candidates") else None
        cite = top and {"doc_id": top["doc_id"], "start": top["start"], "end": top["end"]}
    return {c.key for c in cands if cite and c.doc_id == cite["doc_id"] and c.start < cite["end"] and cite["start"] < c.end}


def chain(store, q: Question, cands: list, w: dict, depth: int) -> list[dict]:
    """The answers tried in turn (each decided at threshold 0 with the keys of the ones before it
    removed, as :func:`marsad.qa.answer.settle` does), each checked by :func:`marsad.qa.verify.verify`
    (``refused``/``unverified``) and with its ``ent`` (question entities in its own sentence)."""
    from marsad.qa.answer import decide
    from marsad.qa.verify import verify

    out, failed = [], set()
    for _ in range(depth + 1):
        left = [c for c in cands if c.key not in failed]
        res = decide(q, left, w, 0.0)
        if res.get("answer") is None:
            break
        res["_kb"] = sum("kb" in c.feats for c in left) >= 2  # a list from the knowledge base's events
        checked = verify(store, q, res)  # a refused answer keeps its citations here: the verifier reads them
        res = {**res, **{k: checked[k] for k in ("refused", "unverified") if checked.get(k)}}
        if checked.get("answer") is None and checked.get("items") == []:
            res["refused"] = checked.get("refused") or "list"
        cite = (res.get("citations") or [None])[0]
        res["_ent"] = max((c.feats.get("ent", 0.0) for c in cands if cite and c.doc_id == cite["doc_id"]
                           and c.start < cite["end"] and cite["start"] < c.end), default=1.0)
        out.append(res)
        if res.get("items") or res.get("answer_type") == "LIST" and not res.get("candidates"):
            break
        keys = _cite_keys(cands, res)
        if not keys - failed:
            break
        failed |= keys
    return out


def _walk(t: dict, f: dict[str, float], contrib: dict[str, float]) -> float:
    """The leaf value of tree ``t`` for ``f``; each split's change of value is credited to its feature."""
    while "f" in t:
        nxt = t["l"] if f.get(t["f"], 0.0) <= t["t"] else t["r"]
        contrib[t["f"]] = contrib.get(t["f"], 0.0) + nxt["v"] - t["v"]
        t = nxt
    return t["v"]


def prob(m: dict, f: dict[str, float]) -> tuple[float, list[tuple[str, float]]]:
    """The verifier's probability that the answer of features ``f`` is right and cited, and each
    feature's contribution to its log-odds (the trees' path contributions)."""
    contrib: dict[str, float] = {}
    z = m["base"] + sum(t["v"] for t in m["trees"])
    for t in m["trees"]:
        z += _walk(t, f, contrib) - t["v"]
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), sorted(contrib.items(), key=lambda kv: kv[1])


def mode() -> str:
    """How the verifier decides: "filter" (an answer the rules give must also reach the verifier's
    threshold), "alone" (the verifier decides, the checks are its features) or "off"; the model
    file's ``mode``, overridden by the environment variable ``MARSAD_QA_VERIFIER``."""
    env = os.environ.get("MARSAD_QA_VERIFIER")
    if env in ("off", "filter", "alone"):
        return env
    m = model()
    return m.get("mode", "filter") if m else "off"


def rules_accept(res: dict, k: int, threshold: float, w: dict) -> bool:
    """Whether the shipped rules (:func:`marsad.qa.answer.settle`) would give the ``k``-th answer of the chain."""
    if res.get("refused") or res.get("answer") is None or res.get("confidence", 0.0) < threshold:
        return False
    if k == 0:
        return not res.get("unverified") or res["confidence"] >= w.get("flagged_threshold", 1.0)
    return not res.get("unverified") and res.get("_ent", 1.0) >= w.get("fallback_min_ent", 0.0)


def settle_chain(store, q: Question, cands: list, w: dict, m: dict, how: str | None = None,
                 threshold: float | None = None, conf_threshold: float | None = None) -> dict:
    """The answer the verifier ``m`` gives from ``cands``: the first answer of the chain whose
    probability reaches ``m["threshold"]`` (mode "alone"), and that the rules accept too (mode
    "filter"); else null with ``"refused"`` saying why for the best one."""
    how = how or mode()
    vt = (m.get("thresholds") or {}).get(how, m["threshold"]) if threshold is None else threshold
    ct = w["threshold"] if conf_threshold is None else conf_threshold
    docs: dict = {}
    tried = chain(store, q, cands, w, int(m.get("depth", 3)))
    if not tried:
        from marsad.qa.answer import decide
        return decide(q, cands, w)
    first_why = None
    for k, res in enumerate(tried):
        if how == "filter" and not rules_accept(res, k, ct, w):
            first_why = first_why or str(res.get("refused") or res.get("unverified")
                                         or "confidence %.2f under %.2f" % (res.get("confidence", 0.0), ct))
            if res.get("confidence", 0.0) < ct:
                break  # settle stops at an answer under the threshold
            continue
        if res.get("_kb"):  # the features describe a ranked span, not the events' parties: the rules decide
            if rules_accept(res, k, ct, w):
                return {k2: v for k2, v in res.items() if not k2.startswith("_")}
            first_why = first_why or str(res.get("refused") or "confidence %.2f under %.2f" % (res.get("confidence", 0.0), ct))
            break
        p, contrib = prob(m, features(store, q, res, cands, k, docs))
        if p >= vt and res.get("answer") is not None:
            out = {k2: v for k2, v in res.items() if not k2.startswith("_")}
            out["verifier"] = {"p": round(p, 3), "threshold": vt, "rank": k}
            if out.get("refused"):  # a refusing check failed: the verifier weighed it and accepts the answer
                out["unverified"] = out.pop("refused")
            if k:
                out["fallback"] = {"answer": tried[0].get("answer") or (tried[0].get("candidates") or [{}])[0].get("text"),
                                   "why": first_why}
            return out
        if first_why is None:
            against = [c for c in contrib if c[1] < 0][:3]
            first_why = "verifier: p %.2f < %.2f (against it: %s)" % (
                p, vt, ", ".join("%s %+.2f" % (n, v) for n, v in against) or "none")
            if res.get("refused") or res.get("unverified"):
                first_why += "; " + (res.get("refused") or res.get("unverified"))
    res = {k2: v for k2, v in tried[0].items() if not k2.startswith("_")}
    text = res.get("answer") or (res.get("candidates") or [{}])[0].get("text")
    if res.get("items"):
        res["items"] = []
    return {**res, "answer": None, "citations": [],
            "refused": first_why or "no answer",
            "refused_answer": text}
