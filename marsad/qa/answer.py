"""Answering questions from the stored articles, every answer with its citations.

1. :func:`~marsad.qa.question.analyze_question` gives the expected answer type.
2. The question's entities are found (the NER stage on the question, and question n-grams
   that are stored mention texts).
3. Search ranks documents; the best ones are read with their layers.
4. Candidates (:mod:`marsad.qa.candidates`) are typed spans of those documents (entities,
   dates, figures, role titles, quotes) in sentences scored by fit to the question:
   idf-weighted coverage of the question's terms, presence of its entities, proximity, and the
   knowledge base — a candidate that is an argument, date or place of an event of the asked
   relation whose other arguments are the question's entities, or the person of a role whose
   title the question names, is preferred.
5. Candidates with the same key are aggregated across documents; the best one is the answer if
   its confidence reaches the calibrated threshold (``data/answering.json``), else ``null``.
   A who/which question asking for several answers («من وقع اتفاقيات مع …») whose relation's
   events in the ranked documents give two parties or more is answered with those parties
   (:mod:`marsad.qa.kb`), with the events' extraction confidence.
6. A single answer whose cited sentence and neighbours do not state the question's entities,
   descriptors, head noun, figure owner or relation, or whose document never uses its verb or
   completing nouns, is flagged, or refused when that check is switched on (:mod:`marsad.qa.verify`).
7. A learned verifier (:mod:`marsad.qa.verifier`) can weigh the checks' verdicts with the ranking
   features and accept or refuse each answer tried; it ships switched off (``mode`` in
   ``data/verifier.json``: it did not beat the rules), ``MARSAD_QA_VERIFIER=filter|alone`` turns it on.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from marsad.qa.candidates import (Cand, Doc, _Scorer, _candidates, _ekey, _in_question, _score,  # noqa: F401 (kb.py)
                                  _stem_set)
from marsad.qa.question import Question, _key, _keys, analyze_question, lexicon, verb_noun_forms
from marsad.qa.spans import ENTITY_TYPES, kb_names
from marsad.search.analyzer import WORD
from marsad.search.query import _idf, rank

DATA = Path(__file__).with_name("data")
LAYERS = ("sentences", "entities", "dates", "figures", "roles", "quotes", "events")


@lru_cache(maxsize=1)
def settings() -> dict:
    """Answering parameters (depth, calibrated threshold) from ``data/answering.json``."""
    return json.loads((DATA / "answering.json").read_text(encoding="utf-8"))["params"]


# -- loading -----------------------------------------------------------------------------
def _load(store, doc_id: str, rank_score: float) -> Doc:
    conn = getattr(store, "conn", None)
    if conn is None:
        d = store.get(doc_id)
        return Doc(d.id, d.text, d.title, d.published,
                   {n: [(s.start, s.end, s.label, s.attrs) for s in d.spans(n)] for n in LAYERS}, rank_score)
    text, title, pub = conn.execute("SELECT text, title, published FROM documents WHERE id = ?",
                                    (doc_id,)).fetchone()
    layers = {n: [] for n in LAYERS}
    for name, spans in conn.execute(f"SELECT name, spans FROM layers WHERE doc_id = ? AND name IN "
                                    f"({','.join('?' * len(LAYERS))})", (doc_id, *LAYERS)):
        layers[name] = [(s[0], s[1], s[2], s[3] if len(s) > 3 else {}) for s in json.loads(spans)]
    layers["entities"] = kb_names(conn, doc_id, layers["entities"])
    return Doc(doc_id, text, title, pub, layers, rank_score)


# -- question entities -------------------------------------------------------------------
@lru_cache(maxsize=1)
def _ner():
    from marsad.pipeline import build
    return build(["segment", "entities"])


def question_entities(store, text: str) -> list[dict]:
    """Entities named in the question: NER spans, and 2–6 word n-grams that are stored mentions."""
    from marsad.doc import Document

    out: dict[tuple[int, int], dict] = {}
    doc = _ner()(Document.from_text(text))
    for s in doc.spans("entities"):
        out[(s.start, s.end)] = {"text": text[s.start:s.end], "type": s.label, "start": s.start, "end": s.end,
                                 "canonical": s.attrs.get("canonical"), "id": s.attrs.get("entity_id")}
    conn = getattr(store, "conn", None)
    words = [m for m in WORD.finditer(text)]
    if conn is not None and words:
        grams = {}
        for i in range(len(words)):
            for n in range(2, 7):
                if i + n > len(words):
                    break
                s, e = words[i].start(), words[i + n - 1].end()
                g = text[s:e]
                grams[g] = (s, e)
                if g.startswith("لل") and len(words[i].group(0)) > 4:
                    grams["ا" + g[1:]] = (s + 1, e)
                elif g[0] in "وبل" and len(words[i].group(0)) > 3:
                    grams[g[1:]] = (s + 1, e)
        if grams:
            rows = conn.execute(f"SELECT text, type, count(*) FROM mentions WHERE text IN "
                                f"({','.join('?' * len(grams))}) GROUP BY text, type ORDER BY 3 DESC",
                                list(grams)).fetchall()
            for g, etype, _ in rows:
                s, e = grams[g]
                if any(a <= s and e <= b for a, b in out):
                    continue
                for k in [k for k in out if s <= k[0] and k[1] <= e]:
                    del out[k]
                out[(s, e)] = {"text": g, "type": etype, "start": s, "end": e, "canonical": None, "id": None}
    return sorted(out.values(), key=lambda x: x["start"])


# -- answering ---------------------------------------------------------------------------
def _aggregate(cands: list[Cand], w: dict) -> list[dict]:
    groups: dict[str, list[Cand]] = {}
    for c in cands:
        groups.setdefault(c.key, []).append(c)
    out = []
    for key, cs in groups.items():
        cs.sort(key=lambda c: -c.score)
        best = cs[0]
        docs = {c.doc_id for c in cs}
        score = best.score + w["support"] * sum(c.score for c in cs[1:4] if c.doc_id != best.doc_id)
        out.append({"text": best.text, "type": best.type, "score": score, "best": best,
                    "documents": len(docs), "mentions": len(cs)})
    out.sort(key=lambda g: -g["score"])
    return out


def confidence_features(groups: list[dict]) -> list[float]:
    """Features of the best answer that the confidence is computed from."""
    best = groups[0]
    f, b = best["best"].feats, best["best"]
    # the rival is the next answer that is no part of this one's span («678» of «18 ألفا و678»)
    second = next((g["score"] for g in groups[1:] if not (g["best"].doc_id == b.doc_id and g["best"].start < b.end
                                                          and b.start < g["best"].end)), 0.0)
    margin = (best["score"] - second) / best["score"] if best["score"] > 0 else 0.0
    ent = max(min(f.get("ent", 0.0), 1.0), 0.6 * f.get("doc_ent", 0.0))
    return [best["score"], ent, f.get("cov", 0.0), margin, f.get("miss", 1.0), min(f.get("fit", 0.0), 1.0)]


def _confidence(x: list[float], w: dict) -> float:
    z = w["conf_bias"] + sum(a * b for a, b in zip(w["conf_coef"], x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _trim(c: Cand, q: Question) -> Cand:
    """Drop a leading type noun the question already names (ما النادي → «نادي فالنسيا» → «فالنسيا»)."""
    if not q.type_noun or c.type not in ENTITY_TYPES:
        return c
    noun = _key(q.type_noun)
    noun = noun[2:] if noun.startswith("ال") else noun
    if noun not in lexicon()["trim"]:
        return c
    m = WORD.match(c.text)
    if m and _key(m.group(0)) in (noun, "ال" + noun) and len(c.text) > m.end() + 1:
        k = m.end() + len(c.text[m.end():]) - len(c.text[m.end():].lstrip())
        return Cand(c.doc_id, c.start + k, c.end, c.text[k:], c.type, c.score, c.key, c.sentence, c.why, c.feats)
    return c


def _cite(c: Cand) -> dict:
    return {"doc_id": c.doc_id, "start": c.start, "end": c.end, "text": c.text,
            "sentence": [c.sentence[0], c.sentence[1]]}


def collect(store, question: str, w: dict | None = None) -> tuple[Question, list[Cand]]:
    """The analysed question and every scored candidate from the best-ranked documents."""
    w = w or settings()
    q = analyze_question(question)
    # a span that takes in the question word is no entity of the question («أين سينشأ»)
    q.entities = [e for e in question_entities(store, question) if e["start"] >= q.qword_end]
    conn = store.conn
    ranked = rank(conn, question)[:int(w["depth"])]
    top = ranked[0][1] if ranked else 1.0
    ids = dict(conn.execute(f"SELECT rowid, doc_id FROM search_docs WHERE rowid IN "
                            f"({','.join('?' * len(ranked))})", [r for r, _ in ranked])) if ranked else {}
    terms = list(dict.fromkeys(q.terms + [t for e in q.entities for t in _stem_set(e["text"])]))
    idf = _idf(conn, terms) if terms else {}
    for t in terms:  # a verb ↔ verbal noun term: the idf of its most frequent form
        forms = verb_noun_forms(t)
        if len(forms) > 1:
            idf[t] = min(_idf(conn, sorted(forms)).values())
    sc = _Scorer(q, idf, q.entities)
    cands: list[Cand] = []
    is_place = _place_lookup(conn)
    for r, s in ranked:
        cands += _candidates(_load(store, ids[r], s / top if top else 0.0), q, sc, w, is_place)
    from marsad.qa import kb

    if q.kind == "title":
        cands += kb.titles(store, q)
    if _many(q):
        cands += kb.event_parties(conn, q, [ids[r] for r, _ in ranked])
    return q, cands


def _many(q: Question) -> bool:
    """A who/which question asking for several answers: a list, or a plural relation noun
    («من وقع اتفاقيات مع …»)."""
    return q.kind in ("who", "which") and (q.is_list or bool(set(_keys(q.text)) & lexicon()["lists"]))


def _place_lookup(conn):
    """A function telling whether a text is a place: in the place gazetteers, or stored as a GPE/LOC mention."""
    seen: dict[str, bool] = {}

    from marsad.extract.entities import _gpe_names
    from marsad.extract.ner_features import norm

    def is_place(text: str) -> bool:
        if text not in seen:
            seen[text] = norm(text) in _gpe_names() or conn.execute("SELECT 1 FROM mentions WHERE text = ? AND type IN ('GPE', 'LOC') LIMIT 1",
                                      (text,)).fetchone() is not None
        return seen[text]
    return is_place


def decide(q: Question, cands: list[Cand], w: dict | None = None, threshold: float | None = None) -> dict:
    """The answer (or null) from scored candidates: aggregation, confidence, list items, citations."""
    w = w or settings()
    threshold = w["threshold"] if threshold is None else threshold
    kb = [c for c in cands if "kb" in c.feats]
    if len(kb) >= 2:
        return _kb_answer(q, kb, threshold)
    cands = [c for c in cands if "kb" not in c.feats]
    for c in cands:
        c.score = _score(c.feats, w)
    groups = _aggregate(cands, w)
    answer_type = "LIST" if q.is_list else (q.types[0] if q.types else None)
    res = {"question": q.to_json(), "answer": None, "answer_type": answer_type, "confidence": 0.0,
           "citations": [], "candidates": [
               {"text": g["text"], "type": g["type"], "score": round(g["score"], 4), "documents": g["documents"],
                **{k: v for k, v in _cite(g["best"]).items() if k != "text"}} for g in groups[:10]]}
    if not groups:
        return res
    best = groups[0]
    if not q.is_list and best["type"] in ENTITY_TYPES:
        res["answer_type"] = best["type"]
    res["features"] = [round(v, 4) for v in confidence_features(groups)]
    conf = _confidence(res["features"], w)
    res["confidence"] = round(conf, 3)
    if conf < threshold:
        return res
    if q.kind == "yesno":
        res["answer"] = lexicon()["answers"]["yes"]
        res["citations"] = [_cite(best["best"])]
        return res
    if q.is_list:
        items = _list_items(groups, cands, w, q.dual)
        res["answer"] = "، ".join(g["text"] for g in items)
        res["items"] = [g["text"] for g in items]
        res["citations"] = [_cite(g["best"]) for g in items]
        return res
    top = _trim(best["best"], q)
    res["answer"] = top.text
    res["citations"] = [_cite(top)]
    return res


def _kb_answer(q: Question, kb: list[Cand], threshold: float) -> dict:
    """A list answer from the knowledge base's events; its confidence is the events' extraction confidence."""
    kb = sorted(kb, key=lambda c: (c.doc_id, c.start))
    conf = round(min(c.score for c in kb), 3)
    res = {"question": q.to_json(), "answer": None, "answer_type": "LIST", "confidence": conf, "citations": [],
           "candidates": [{"text": c.text, "type": c.type, "score": round(c.score, 4), "documents": 1,
                           **{k: v for k, v in _cite(c).items() if k != "text"}} for c in kb[:10]]}
    if conf >= threshold:
        res["answer"] = "، ".join(c.text for c in kb)
        res["items"] = [c.text for c in kb]
        res["citations"] = [_cite(c) for c in kb]
    return res


def ask(store, question: str, *, threshold: float | None = None) -> dict:
    """Answer ``question`` from the store: ``{"answer", "answer_type", "confidence", "citations",
    "candidates", "question"}``; ``answer`` is null when nothing supports one well enough
    (confidence below ``threshold``, by default the calibrated one); evidence that does not state
    the question's constraints is reported as ``"unverified"``, or refuses the answer
    (``"refused"``) when :mod:`marsad.qa.verify` is switched on. A question asking what someone
    said is answered with that speaker's stored quotes (:mod:`marsad.qa.quotes`)."""
    from marsad.qa import quotes
    from marsad.qa.verify import verify

    q = analyze_question(question)
    if q.kind == "quote":  # «ماذا قال …»: the speaker's quotes in the knowledge base first
        q.entities = [e for e in question_entities(store, question) if e["start"] >= q.qword_end]
        res = quotes.answer(store, q)
        if res is not None:
            return res
    q, cands = collect(store, question)
    return settle(store, q, cands, threshold=threshold)


def settle(store, q: Question, cands: list[Cand], threshold: float | None = None, w: dict | None = None) -> dict:
    """The verified answer from scored candidates. An answer whose evidence fails a check is not
    given as it is: the next candidates are tried in turn (``fallback_depth`` of them, each
    decided as if the failed ones were not there, at the same threshold) and the first whose
    evidence passes every check and whose own sentence names every question entity
    (``fallback_min_ent``) is the answer; when none does, an answer that a flag check only
    flagged is kept if its confidence reaches ``flagged_threshold``, else refused
    (parameters in ``data/answering.json``); none of this while verification is switched off.

    With the learned verifier (``data/verifier.json``, :mod:`marsad.qa.verifier`) the same chain
    of answers is tried, and an answer is given only when the verifier's probability reaches its
    threshold as well (mode "filter"), or when that alone does (mode "alone"; switch:
    ``MARSAD_QA_VERIFIER`` = off, filter or alone); a refusal says why (``"refused"``)."""
    from marsad.qa import verifier as V
    from marsad.qa import verify as v

    verify = v.verify
    w = w or settings()
    if v.enabled() and V.mode() != "off" and V.model():  # the learned verifier decides (data/verifier.json)
        return V.settle_chain(store, q, cands, w, V.model(), conf_threshold=threshold)
    res = verify(store, q, decide(q, cands, w, threshold))
    if not v.enabled():  # verification switched off: failed checks are only reported
        return res
    first, failed = res, set()
    for _ in range(int(w.get("fallback_depth", 0))):
        why = res.get("unverified") or res.get("refused")
        cite = (res.get("citations") or [None])[0] if res.get("answer") is not None else None
        if not why or res.get("items"):
            break
        if cite is None:  # refused: the refused answer is the best candidate
            top = res["candidates"][0] if res.get("candidates") else None
            cite = top and {"doc_id": top["doc_id"], "start": top["start"], "end": top["end"]}
        keys = {c.key for c in cands if cite and c.doc_id == cite["doc_id"] and c.start < cite["end"] and cite["start"] < c.end}
        if not keys - failed:
            break
        failed |= keys
        res = verify(store, q, decide(q, [c for c in cands if c.key not in failed], w, threshold))
        if res.get("answer") is None:
            break
        cite = res["citations"][0] if res.get("citations") else None
        ent = max((c.feats.get("ent", 0.0) for c in cands if cite and c.doc_id == cite["doc_id"]
                   and c.start < cite["end"] and cite["start"] < c.end), default=1.0)
        if ent < w.get("fallback_min_ent", 0.0):
            continue  # a second choice needs every question entity in its own sentence
        if not res.get("unverified") and not res.get("refused"):
            return {**res, "fallback": {"answer": first.get("answer"), "why": first.get("unverified") or first.get("refused")}}
    res = first
    bar = w.get("flagged_threshold")
    if res.get("answer") is not None and res.get("unverified") and bar is not None and res["confidence"] < bar:
        return {**res, "answer": None, "citations": [], "refused": "flagged under %.2f: %s" % (bar, res["unverified"])}
    return res


def _list_items(groups: list[dict], cands: list[Cand], w: dict, dual: bool = False) -> list[dict]:
    """Items of a list answer: the sentence whose candidates of one type add up to the most
    (a list is usually stated in one sentence), its candidates close in score, and the event
    arguments of that document; one item per entity."""
    by_sent: dict[tuple, dict[str, Cand]] = {}
    for c in cands:
        slot = by_sent.setdefault((c.doc_id, c.sentence, c.type), {})
        if c.key not in slot or slot[c.key].score < c.score:
            slot[c.key] = c
    if not by_sent:
        return []
    def weight(kv):
        scores = sorted((c.score for c in kv[1].values()), reverse=True)
        if dual:  # «من هما …»: the sentence with the best two
            return sum(scores[:2]) if len(scores) > 1 else scores[0] * 0.5
        return scores[0] + w["list_support"] * sum(scores[1:6])
    (doc_id, sent, ctype), slot = max(by_sent.items(), key=weight)
    top = max(c.score for c in slot.values())
    chosen = {k: c for k, c in slot.items() if c.score >= w["list_ratio"] * top}
    if dual:
        chosen = dict(sorted(chosen.items(), key=lambda kv: -kv[1].score)[:2])
        items = [{"text": c.text, "type": c.type, "score": c.score, "best": c} for c in chosen.values()]
        return sorted(items, key=lambda g: (g["best"].doc_id, g["best"].start))
    for c in cands:
        if c.doc_id == doc_id and c.type == ctype and "event argument" in c.why and c.key not in chosen \
                and c.score >= w["list_ratio"] * top:
            chosen[c.key] = c
    items = [{"text": c.text, "type": c.type, "score": c.score, "best": c} for c in chosen.values()]
    items.sort(key=lambda g: (g["best"].doc_id, g["best"].start))
    return items


def unknown_message() -> str:
    return lexicon()["answers"]["unknown"]

