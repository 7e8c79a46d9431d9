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
   A who/which question asking for several answers («من وقع اتفاقيات مع …») whose relation's
   events in the ranked documents give two parties or more is answered with those parties
   (:mod:`marsad.qa.kb`), with the events' extraction confidence.
6. A single answer whose cited sentence and neighbours do not state the question's entities,
   descriptors, head noun, figure owner or relation is flagged, or refused when that check is
   switched on (:mod:`marsad.qa.verify`).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import Question, _key, _keys, analyze_question, lexicon, place_stem
from marsad.qa.spans import (ENTITY_TYPES, describes, head_near, kb_names, owner_fit, prep_fit, reference_place,
                              strings_in, type_fit, typed_spans, unit_fit)
from marsad.search.analyzer import WORD, analyze, arabic_term
from marsad.search.query import _idf, rank
from marsad.text.keys import TABLE

DATA = Path(__file__).with_name("data")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
LAYERS = ("sentences", "entities", "dates", "figures", "roles", "quotes", "events")


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
    feats: dict = field(default_factory=dict)


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


class _Scorer:
    def __init__(self, q: Question, idf: dict[str, float], qents: list[dict]):
        self.q = q
        self.idf = idf
        self.qents = qents
        self.ent_keys = [_ent_keys(e) for e in qents]
        self.ent_terms = [_stem_set(e["text"]) for e in qents]
        # context terms: the question's terms that are not part of its entities (those count apart)
        ent_stems = set().union(*self.ent_terms) if self.ent_terms else set()
        self.all_terms = set(q.terms) | ent_stems
        self.max_idf = max((idf.get(t, 1.0) for t in self.all_terms), default=1.0) or 1.0
        self.qterms = (set(q.terms) - ent_stems) or set(q.terms)
        self.total = sum(idf.get(t, 1.0) for t in self.qterms) or 1.0
        self.qstems = set(q.terms) | ent_stems

    def missing(self, stems: set[str]) -> float:
        """Idf of the rarest question term (entities included) absent from ``stems``, over the rarest overall."""
        return max((self.idf.get(t, 1.0) for t in self.all_terms - stems), default=0.0) / self.max_idf

    def coverage(self, stems: set[str]) -> float:
        return sum(self.idf.get(t, 1.0) for t in self.qterms & stems) / self.total

    def entities_in(self, text: str, mention_keys: set[str], stems: set[str] | None = None) -> float:
        """Share of the question's entities named in ``text``: a full match (name or canonical
        name) counts 1, otherwise the idf-weighted share of the entity's terms found there."""
        if not self.ent_keys:
            return 1.0
        return sum(self.hits(text, mention_keys, stems)) / len(self.ent_keys)

    def hits(self, text: str, mention_keys: set[str], stems: set[str] | None = None) -> list[float]:
        """Per question entity: 1 when named in ``text``, else the idf share of its terms there."""
        tkey = _ekey(text)
        stems = _stem_set(text) if stems is None else stems
        out = []
        for keys, terms in zip(self.ent_keys, self.ent_terms):
            if keys & mention_keys or any(k and k in tkey for k in keys):
                out.append(1.0)
            elif terms:
                out.append(sum(self.idf.get(t, 1.0) for t in terms & stems) / sum(self.idf.get(t, 1.0) for t in terms))
            else:
                out.append(0.0)
        return out


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    sents = [(s, e) for s, e, *_ in doc.layers["sentences"]]
    return sents or [(0, len(doc.text))]


def _windows(stext: str, ss: int) -> list[tuple[int, str]]:
    """(absolute offset, term) of the analysed words of a sentence."""
    return [(ss + t.start, t.term) for t in analyze(stext)]


def _win_cov(sc: "_Scorer", words: list[tuple[int, str]], s: int, e: int, width: int) -> float:
    """Idf-weighted coverage of the question terms among the ``width`` words either side of [s, e)."""
    before = [t for p, t in words if p < s][-width:]
    after = [t for p, t in words if p >= e][:width]
    return sc.coverage(set(before) | set(after))


def _role_keys(q: Question, ev_args: dict, label: str) -> tuple[set[str], set[str]]:
    """(keys of the arguments in the roles that answer this question, keys of all arguments)."""
    roles = lexicon()["roles"].get(q.relation or "", {})
    wanted = set(roles.get("LIST" if q.is_list else label, []) or [])
    if q.is_list:
        wanted |= set(roles.get(label, []))
    good, every = set(), set()
    for role, v in ev_args.items():
        keys = {_ekey(x) for x in strings_in(v)}
        every |= keys
        if role in wanted:
            good |= keys
    return good, every


def _candidates(doc: Doc, q: Question, sc: _Scorer, w: dict, is_place=None) -> list[Cand]:
    """Typed candidate spans of one document with their features and scores."""
    text = doc.text
    L = doc.layers
    mkeys = {}
    for s, e, label, a in L["entities"]:
        mkeys[(s, e)] = {_ekey(text[s:e])} | ({_ekey(a["canonical"])} if a.get("canonical") else set())
    all_mk = set().union(*mkeys.values()) if mkeys else set()
    head = (doc.title or "") + " " + text
    doc_cov = sc.coverage(_stem_set((doc.title or "") + " " + text[:4000])) if sc.qterms else 0.0
    doc_ents = sc.entities_in(head, all_mk, _stem_set(head[:6000]))
    # what the document is about: the question entities its title or opening names
    lead_text = (doc.title or "") + " " + text[:300]
    topical = sc.hits(lead_text, set(), None) if q.kind == "yesno" and sc.ent_keys else []
    years = set(YEAR.findall(q.text))
    ordinals = {t for o in q.ordinals for t in _stem_set(o)}
    events = [ev for ev in L["events"] if q.relation and ev[2] == q.relation]
    qtoks = set(_stem_set(q.text)) | {m.group(0) for m in WORD.finditer(q.text)}
    subjects = _role_subjects(doc, q)
    if q.descriptors:  # only descriptors that name a place of this document count (الياباني ↔ اليابان)
        places = {place_stem(_key(m.group(0))) for s, e, lab, _ in L["entities"] if lab in ("GPE", "LOC")
                  for m in WORD.finditer(text, s, e)}
        descs = [d for d in q.descriptors if d in places]
    else:
        descs = []
    head_terms = _stem_set(q.head) if q.head else set()
    phrase_terms = _stem_set(q.head_phrase) if q.head_phrase else set()
    out: list[Cand] = []
    prev: set[str] = set()
    for ss, se in _sentences(doc):
        stext = text[ss:se]
        words = _windows(stext, ss)
        stems = {t for _, t in words}
        # the sentence before often names what this one lists or continues (وشملت الاتفاقيات …)
        cov = max(sc.coverage(stems), w["prev_share"] * sc.coverage(stems | prev))
        prev = stems
        smk = set().union(*(k for (a, b), k in mkeys.items() if ss <= a and b <= se)) if mkeys else set()
        ent = sc.entities_in(stext, smk, stems)
        if cov == 0 and (ent == 0 or not sc.ent_keys):
            continue
        # events of the asked relation in this sentence, and their arguments
        sevents = [ev for ev in events if ev[0] <= ss < ev[1] or ss <= ev[0] < se
                   or any(a <= ss < b for a, b in (ev[3].get("more_evidence") or []))]
        # a year the question names must be the sentence's (قمة … في دجنبر 2024)
        yr = 1.0 if not years or years <= set(YEAR.findall(stext)) else 0.6
        if not ordinals <= stems | prev:
            yr *= 0.6  # and its ordinal (الدورة الثانية)
        feats = {"yr": yr, "miss": sc.missing(stems), "cov": cov, "doc_cov": doc_cov, "ent": ent, "doc_ent": doc_ents, "rank": doc.rank_score,
                 "rel": 1.0 if sevents else 0.0}
        if q.kind == "yesno":
            # the evidence sentence need not repeat the names the document is about (its title, opening)
            per = [max(a, b) for a, b in zip(sc.hits(stext, smk, stems), topical)] if topical else [ent]
            if min(per) >= 1.0:
                c = Cand(doc.id, ss, se, stext, "YESNO", 0.0, "yes", (ss, se), ["sentence"])
                c.feats = dict(feats, win=cov, fit=1.0, arg=0.0, prox=1.0)
                c.score = _score(c.feats, w)
                out.append(c)
            continue
        for s, e, label, attrs, why in typed_spans(doc, q, ss, se, is_place):
            ctext = text[s:e]
            if label in ENTITY_TYPES and _in_question(ctext, sc.qstems):
                continue
            if label == "PERSON" and _ekey(attrs.get("canonical") or ctext) in subjects:
                continue
            if label in ("DATE", "FIGURE") and {m.group(0) for m in WORD.finditer(ctext)} <= qtoks:
                continue
            fit = type_fit(label, q) if label not in ("TITLE", "QUOTE") else 1.0
            prep = prep_fit(text, s, label, q)
            if q.kind == "where" and label == "ORG" and prep > 1.0:
                fit = 0.9  # «بجامعة …» answers «أين نظمت»
            if q.kind == "which" and "quoted name" in why:
                fit = 1.0
            if q.kind == "where" and label in ("GPE", "LOC", "FAC") and reference_place(text, s):
                fit *= 0.8  # حي التفاح شرق غزة: غزة only locates the place
            if "place with its head noun" in why:
                fit = 0.9 if attrs.get("weak") else 1.0  # حي التفاح: a head noun says «place» itself
            if fit <= 0:
                continue
            ck = _ekey(attrs.get("canonical") or ctext) if label in ENTITY_TYPES else _ekey(ctext)
            arg = 0.0
            if label == "FIGURE":
                fit *= unit_fit(attrs.get("unit"), q) * owner_fit(text, s, q)
                ck = f"{attrs.get('value')}|{attrs.get('unit')}"
            if label == "DATE":
                ck = attrs.get("value") or _ekey(ctext)
                if not attrs.get("value"):
                    fit *= 0.85
            for ev in sevents:
                a = ev[3]
                if label == "DATE" and attrs.get("value") and attrs.get("value") == a.get("date"):
                    arg = 1.0; why.append("event date")
                if label in ("GPE", "LOC", "FAC", "ORG") and a.get("place") and _ekey(a["place"]) in (ck, _ekey(ctext)):
                    arg = max(arg, 1.0 if q.kind == "where" else 0.3); why.append("event place")
                if label in ENTITY_TYPES and q.kind != "where":  # a where-question asks the place only
                    good, every = _role_keys(q, a.get("args") or {}, label)
                    every |= {_ekey(x) for x in a.get("participants") or []}
                    if ck in good or _ekey(ctext) in good:
                        arg = 1.0; why.append("event argument")
                    elif ck in every or _ekey(ctext) in every:
                        arg = max(arg, 0.3)
            if "role" in why:
                arg = max(arg, 0.8)
            c = Cand(doc.id, s, e, ctext, label, 0.0, ck, (ss, se), why)
            # the question's head noun should introduce a name it asks for (من هو مدرب …)
            head = head_near(text, s, e, head_terms, phrase_terms, sc.idf) if head_terms and label in ENTITY_TYPES else 1.0
            c.feats = dict(feats, head=head, win=_win_cov(sc, words, s, e, int(w["window"])), fit=fit, arg=arg,
                           prox=_proximity(words, s, e, sc.qterms, w["prox_scale"]), prep=prep,
                           desc=1.0 if label in ("PERSON", "ORG") and label in q.types and describes(
                               text, s, e, descs, [(a, b) for a, b, lab, _ in L["entities"] if lab == label]) else 0.0)
            c.score = _score(c.feats, w)
            out.append(c)
    return out


def _score(f: dict, w: dict) -> float:
    """Ranking score of a candidate from its features (weights in data/answering.json)."""
    ent = max(f["ent"], w["doc_ent_share"] * f["doc_ent"])
    s = (w["w_cov"] * f["cov"] + w["w_win"] * f["win"] + w["w_doc_cov"] * f["doc_cov"] + w["w_ent"] * ent
         + w["w_arg"] * f["arg"] + w["w_rel"] * f["rel"])
    return (s * f["fit"] * f["prox"] * (w["rank_floor"] + (1 - w["rank_floor"]) * f["rank"]) * (ent ** w["ent_power"])
            * f.get("prep", 1.0) * (1 + w.get("w_desc", 0.0) * f.get("desc", 0.0)) * f.get("yr", 1.0)
            * (1 - w.get("w_head", 0.0) * (1 - f.get("head", 1.0))))


def _role_subjects(doc: Doc, q: Question) -> set[str]:
    """Persons the question names by their title as its subject («من وصفه الرئيس الفنزويلي…»):
    the title occurs in the question but is not what it asks («من هو الرئيس الفنزويلي؟»)."""
    qkey = " " + _ekey(q.text) + " "
    asked = " ".join(_ekey(q.text[q.qword_end:]).split()[:2])
    out = set()
    for s, e, _, a in doc.layers["roles"]:
        ts = a.get("title_span")
        if not ts or not a.get("person"):
            continue
        tkey = _ekey(doc.text[ts[0]:ts[1]])
        if len(tkey.split()) >= 2 and " " + tkey + " " in qkey and not (tkey.startswith(asked) or
                                                                        asked.startswith(tkey.split()[0])):
            out.add(_ekey(a["person"]))
    return out


def _proximity(words: list[tuple[int, str]], s: int, e: int, qterms: set[str], scale: float) -> float:
    """Closeness of the nearest question term to the candidate [s, e) (0.4 … 1)."""
    pos = [p for p, t in words if t in qterms]
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


def confidence_features(groups: list[dict]) -> list[float]:
    """Features of the best answer that the confidence is computed from."""
    best = groups[0]
    f = best["best"].feats
    second = groups[1]["score"] if len(groups) > 1 else 0.0
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
    q.entities = question_entities(store, question)
    conn = store.conn
    ranked = rank(conn, question)[:int(w["depth"])]
    top = ranked[0][1] if ranked else 1.0
    ids = dict(conn.execute(f"SELECT rowid, doc_id FROM search_docs WHERE rowid IN "
                            f"({','.join('?' * len(ranked))})", [r for r, _ in ranked])) if ranked else {}
    terms = list(dict.fromkeys(q.terms + [t for e in q.entities for t in _stem_set(e["text"])]))
    idf = _idf(conn, terms) if terms else {}
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
    (``"refused"``) when :mod:`marsad.qa.verify` is switched on."""
    from marsad.qa.verify import verify

    q, cands = collect(store, question)
    return verify(store, q, decide(q, cands, threshold=threshold))


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

