"""Answering questions from the stored articles, every answer with its citations.

1. :func:`~marsad.qa.question.analyze_question` gives the expected answer type.
2. The question's entities are found (the NER stage on the question, and question n-grams
   that are stored mention texts).
3. Search ranks documents; the best ones are read with their layers.
4. Candidates are typed spans of those documents (entities, dates, figures, role titles,
   quotes) in sentences scored by fit to the question: idf-weighted coverage of the question's
   terms, presence of its entities, proximity, and the knowledge base — a candidate that is
   an argument, date or place of an event of the asked relation whose other arguments are the
   question's entities, or the person of a role whose title the question names, is preferred.
5. Candidates with the same key are aggregated across documents; the best one is the answer if
   its confidence reaches the calibrated threshold (``data/answering.json``), else ``null``.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import Question, _key, analyze_question, lexicon
from marsad.search.analyzer import WORD, analyze, arabic_term
from marsad.search.query import _idf, rank
from marsad.text.keys import TABLE

DATA = Path(__file__).with_name("data")
LAYERS = ("sentences", "entities", "dates", "figures", "roles", "quotes", "events")
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"}


@lru_cache(maxsize=1)
def settings() -> dict:
    """Answering parameters (depth, calibrated threshold) from ``data/answering.json``."""
    return json.loads((DATA / "answering.json").read_text(encoding="utf-8"))["params"]


@dataclass
class Cand:
    doc_id: str
    start: int
    end: int
    text: str
    type: str
    score: float
    key: str
    sentence: tuple[int, int]
    why: list[str] = field(default_factory=list)


@dataclass
class Doc:
    id: str
    text: str
    title: str | None
    published: str | None
    layers: dict
    rank_score: float


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
                if g[0] in "وبل" and len(words[i].group(0)) > 3:
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


def _ekey(s: str) -> str:
    """Comparison key of a name: search key without proclitics on each word."""
    return " ".join(_key(w) for w in s.translate(TABLE).split() if w)


def _ent_keys(ent: dict) -> set[str]:
    keys = {_ekey(ent["text"])}
    if ent.get("canonical"):
        keys.add(_ekey(ent["canonical"]))
    return {k for k in keys if k}


# -- scoring -----------------------------------------------------------------------------
def _stem_set(text: str) -> set[str]:
    return {t.term for t in analyze(text)}


def _in_question(cand_text: str, qstems: set[str]) -> bool:
    st = _stem_set(cand_text)
    return bool(st) and st <= qstems


def _unit_fit(unit: str | None, unit_key: str | None) -> float:
    if not unit_key:
        return 1.0
    if not unit:
        return 0.6
    a, b = arabic_term(unit), arabic_term(unit_key)
    if a and (a == b or a[:3] == b[:3]):
        return 1.4
    return 0.35


def _type_fit(label: str, q: Question) -> float:
    if label in q.types:
        return 1.0 if label == q.types[0] else 0.85
    if q.kind == "which" and label in ENTITY_TYPES:
        return 0.5
    if label in ("GPE", "LOC") and any(t in ("GPE", "LOC") for t in q.types):
        return 0.9
    if label == "GPE" and "ORG" in q.types:
        return 0.6
    return 0.0


def _flatten(v) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, list):
        return [x for item in v for x in _flatten(item)]
    if isinstance(v, dict):
        return [x for item in v.values() for x in _flatten(item)]
    return []


class _Scorer:
    def __init__(self, q: Question, idf: dict[str, float], qents: list[dict]):
        self.q = q
        self.idf = idf
        self.qterms = set(q.terms)
        self.total = sum(idf.get(t, 1.0) for t in self.qterms) or 1.0
        self.qents = qents
        self.ent_keys = [_ent_keys(e) for e in qents]
        self.qstems = self.qterms | {t for e in qents for t in _stem_set(e["text"])}

    def coverage(self, stems: set[str]) -> float:
        return sum(self.idf.get(t, 1.0) for t in self.qterms & stems) / self.total

    def entities_in(self, text: str, mention_keys: set[str]) -> float:
        """Share of the question's entities named in ``text`` (by name or canonical name)."""
        if not self.ent_keys:
            return 1.0
        tkey = _ekey(text)
        hit = 0
        for keys in self.ent_keys:
            if keys & mention_keys or any(k and k in tkey for k in keys):
                hit += 1
        return hit / len(self.ent_keys)


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    sents = [(s, e) for s, e, *_ in doc.layers["sentences"]]
    return sents or [(0, len(doc.text))]


def _candidates(doc: Doc, q: Question, sc: _Scorer, w: dict) -> list[Cand]:
    """Typed candidate spans of one document with their scores."""
    text = doc.text
    sents = _sentences(doc)
    L = doc.layers
    mkeys = {}
    for s, e, label, a in L["entities"]:
        mkeys[(s, e)] = {_ekey(text[s:e])} | ({_ekey(a["canonical"])} if a.get("canonical") else set())
    doc_stems = _stem_set((doc.title or "") + " " + text[:4000]) if sc.qterms else set()
    doc_cov = sc.coverage(doc_stems)
    doc_ents = sc.entities_in((doc.title or "") + " " + text, set().union(*mkeys.values()) if mkeys else set())
    events = [ev for ev in L["events"] if q.relation and ev[2] == q.relation]
    out: list[Cand] = []
    for si, (ss, se) in enumerate(sents):
        stext = text[ss:se]
        stems = _stem_set(stext)
        cov = sc.coverage(stems)
        if cov == 0 and q.kind != "yesno":
            continue
        smk = set().union(*(k for (a, b), k in mkeys.items() if ss <= a and b <= se)) if mkeys else set()
        ent = sc.entities_in(stext, smk)
        ent = max(ent, 0.6 * doc_ents)
        base = (w["w_cov"] * cov + w["w_doc_cov"] * doc_cov + w["w_ent"] * ent) * (0.5 + 0.5 * doc.rank_score)
        # events of the asked relation in this sentence, and their arguments
        sevents = [ev for ev in events if ev[0] <= ss < ev[1] or ss <= ev[0] < se
                   or any(a <= ss < b for a, b in (ev[3].get("more_evidence") or []))]
        arg_keys = set()
        ev_dates, ev_places = set(), set()
        for ev in sevents:
            arg_keys |= {_ekey(x) for x in _flatten(ev[3].get("args"))} | {_ekey(x) for x in ev[3].get("participants") or []}
            if ev[3].get("date"):
                ev_dates.add(ev[3]["date"])
            if ev[3].get("place"):
                ev_places.add(_ekey(ev[3]["place"]))
        if sevents:
            base *= w["relation_bonus"]
        if q.kind == "yesno":
            if ent >= 1.0 and cov > 0:
                out.append(Cand(doc.id, ss, se, stext, "YESNO", base * cov, "yes", (ss, se), ["sentence"]))
            continue
        for cand in _typed_spans(doc, q, ss, se):
            s, e, label, attrs, why = cand
            ctext = text[s:e]
            if label in ENTITY_TYPES and _in_question(ctext, sc.qstems):
                continue
            fit = _type_fit(label, q) if label not in ("TITLE", "QUOTE") else 1.0
            if fit <= 0:
                continue
            score = base * fit
            ck = _ekey(attrs.get("canonical") or ctext) if label in ENTITY_TYPES else _ekey(ctext)
            if label == "FIGURE":
                score *= _unit_fit(attrs.get("unit"), q.unit_key)
                ck = f"{attrs.get('value')}|{attrs.get('unit')}"
            if label == "DATE":
                ck = attrs.get("value") or _ekey(ctext)
                if not attrs.get("value"):
                    score *= 0.85
                if attrs.get("value") in ev_dates:
                    score *= w["arg_bonus"]; why.append("event date")
            if label in ENTITY_TYPES and (ck in arg_keys or _ekey(ctext) in arg_keys):
                score *= w["arg_bonus"]; why.append("event argument")
            if label in ("GPE", "LOC", "FAC") and (ck in ev_places or _ekey(ctext) in ev_places):
                score *= w["arg_bonus"]; why.append("event place")
            score *= _proximity(stext, ss, s, e, sc.qterms, w["prox_scale"])
            out.append(Cand(doc.id, s, e, ctext, label, score, ck, (ss, se), why))
    return out


def _typed_spans(doc: Doc, q: Question, ss: int, se: int):
    """(start, end, label, attrs, why) of the candidate spans of a sentence for this question."""
    L = doc.layers
    inside = lambda sp: ss <= sp[0] and sp[1] <= se  # noqa: E731
    if q.kind == "title":
        for sp in filter(inside, L["roles"]):
            ts = sp[3].get("title_span")
            if ts:
                yield ts[0], ts[1], "TITLE", {}, ["role title"]
        return
    if q.kind == "quote":
        for sp in filter(inside, L["quotes"]):
            yield sp[0], sp[1], "QUOTE", sp[3], ["quote"]
        return
    if "DATE" in q.types:
        for sp in filter(inside, L["dates"]):
            yield sp[0], sp[1], "DATE", sp[3], ["date"]
    if "FIGURE" in q.types:
        for sp in filter(inside, L["figures"]):
            yield sp[0], sp[1], "FIGURE", sp[3], ["figure"]
    if set(q.types) & ENTITY_TYPES:
        for sp in filter(inside, L["entities"]):
            yield sp[0], sp[1], sp[2], sp[3], ["entity"]
        if "PERSON" in q.types:
            qk = set(q.terms)
            for sp in filter(inside, L["roles"]):
                ps, ts = sp[3].get("person_span"), sp[3].get("title_span")
                if ps and ts and _stem_set(doc.text[ts[0]:ts[1]]) & qk:
                    yield ps[0], ps[1], "PERSON", {"canonical": sp[3].get("person")}, ["role"]


def _proximity(stext: str, ss: int, s: int, e: int, qterms: set[str], scale: float) -> float:
    pos = [ss + t.start for t in analyze(stext) if t.term in qterms]
    if not pos:
        return 0.7
    d = min(min(abs(p - s), abs(p - e)) for p in pos)
    return 1.0 / (1.0 + d / scale) ** 0.5 * 0.6 + 0.4


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


def _confidence(score: float, second: float, w: dict) -> float:
    margin = (score - second) / score if score > 0 else 0.0
    z = w["conf_a"] * score + w["conf_b"] * margin + w["conf_c"]
    return 1 / (1 + math.exp(-z))


def _cite(c: Cand) -> dict:
    return {"doc_id": c.doc_id, "start": c.start, "end": c.end, "text": c.text,
            "sentence": [c.sentence[0], c.sentence[1]]}


def ask(store, question: str, *, depth: int | None = None, threshold: float | None = None) -> dict:
    """Answer ``question`` from the store: ``{"answer", "answer_type", "confidence", "citations",
    "candidates", "question"}``; ``answer`` is null when nothing supports one well enough."""
    w = settings()
    depth = depth or int(w["depth"])
    threshold = w["threshold"] if threshold is None else threshold
    q = analyze_question(question)
    q.entities = question_entities(store, question)
    conn = store.conn
    ranked = rank(conn, question)[:depth]
    top = ranked[0][1] if ranked else 1.0
    ids = dict(conn.execute(f"SELECT rowid, doc_id FROM search_docs WHERE rowid IN "
                            f"({','.join('?' * len(ranked))})", [r for r, _ in ranked])) if ranked else {}
    idf = _idf(conn, list(dict.fromkeys(q.terms))) if q.terms else {}
    sc = _Scorer(q, idf, q.entities)
    cands: list[Cand] = []
    for r, s in ranked:
        cands += _candidates(_load(store, ids[r], s / top if top else 0.0), q, sc, w)
    groups = _aggregate(cands, w)
    answer_type = "LIST" if q.is_list else (q.types[0] if q.types else None)
    res = {"question": q.to_json(), "answer": None, "answer_type": answer_type, "confidence": 0.0,
           "citations": [], "candidates": [
               {"text": g["text"], "type": g["type"], "score": round(g["score"], 4), "documents": g["documents"],
                **{k: v for k, v in _cite(g["best"]).items() if k != "text"}} for g in groups[:10]]}
    if not groups:
        return res
    best = groups[0]
    second = groups[1]["score"] if len(groups) > 1 else 0.0
    conf = _confidence(best["score"], second, w)
    res["confidence"] = round(conf, 3)
    if conf < threshold:
        return res
    if q.kind == "yesno":
        res["answer"] = lexicon()["answers"]["yes"]
        res["citations"] = [_cite(best["best"])]
        return res
    if q.is_list:
        items = _list_items(groups, best, w)
        res["answer"] = "، ".join(g["text"] for g in items)
        res["items"] = [g["text"] for g in items]
        res["citations"] = [_cite(g["best"]) for g in items]
        return res
    res["answer"] = best["text"]
    res["citations"] = [_cite(best["best"])]
    return res


def _list_items(groups: list[dict], best: dict, w: dict) -> list[dict]:
    """Items of a list answer: candidates of the best one's type, in its document, close in score."""
    b = best["best"]
    items = [g for g in groups if g["type"] == best["type"] and g["best"].doc_id == b.doc_id
             and g["score"] >= w["list_ratio"] * best["score"]]
    items.sort(key=lambda g: g["best"].start)
    return items


def unknown_message() -> str:
    return lexicon()["answers"]["unknown"]

