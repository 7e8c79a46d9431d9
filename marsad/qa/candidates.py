"""Candidate answers and their scores: typed spans of the ranked documents' sentences, with
features of their fit to the question (coverage of its terms, its entities, proximity, the
knowledge base's events and roles) and the ranking score computed from them
(weights in ``data/answering.json``); :mod:`marsad.qa.answer` aggregates and decides."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.qa.holder import complete_name, name_after_question, own_name
from marsad.qa.question import RELATIVES, Question, _key, _keys, before_relative, fold_term, lexicon, nisba_base, place_stem
from marsad.qa.spans import (ENTITY_TYPES, _bare, asked_office, dateline_end, describes, head_near, holds_office, owner_fit,
                              prep_fit, reference_place,
                              strings_in, type_fit, typed_spans, unit_fit)
from marsad.qa.verify import another_event, asked_events
from marsad.search.analyzer import WORD, analyze
from marsad.text.keys import TABLE

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
TITLE_QWORDS = {("من", "هو"), ("من", "هي"), ("ما", "اسم")}


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
    return {fold_term(t.term) for t in analyze(text)}


def _in_question(cand_text: str, qstems: set[str]) -> bool:
    st = _stem_set(cand_text)
    return bool(st) and st <= qstems


def _surname_asked(cand_text: str, qkeys: set[str]) -> bool:
    """A person of two words or more whose last word (four letters or more) the question writes:
    the question names that person by the surname."""
    ws = [_ekey(m.group(0)) for m in WORD.finditer(cand_text)]
    return len(ws) >= 2 and len(ws[-1]) >= 4 and ws[-1] in qkeys


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

    def share(self, terms: set[str], stems: set[str]) -> float:
        """Idf-weighted share of ``terms`` found in ``stems``."""
        total = sum(self.idf.get(t, 1.0) for t in terms)
        return sum(self.idf.get(t, 1.0) for t in terms & stems) / total if total else 0.0

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
    return [(ss + t.start, fold_term(t.term)) for t in analyze(stext)]


def _win_cov(sc: "_Scorer", words: list[tuple[int, str]], s: int, e: int, width: int, start: int | None = None) -> float:
    """Idf-weighted coverage of the question terms among the ``width`` words either side of [s, e)
    (and every word from ``start`` on, the candidate's title phrase)."""
    before = [t for p, t in words if p < s][-width:] + [t for p, t in words if start is not None and start <= p < s]
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
    asked = asked_events(q)   # a question naming an event: an event of another name is another one
    events = [ev for ev in L["events"] if q.relation and ev[2] == q.relation and not another_event(ev[3], asked)]
    qtoks = set(_stem_set(q.text)) | {m.group(0) for m in WORD.finditer(q.text)}
    qkeys = {_ekey(m.group(0)) for m in WORD.finditer(q.text, q.qword_end)}
    first = next(WORD.finditer(q.text, q.qword_end), None)   # متى **عقدت** …: the predicate's term
    rel_terms = (_stem_set(first.group(0)) | _stem_set(q.relation_word or "")) & set(q.terms) if first else set()
    subjects = _role_subjects(doc, q)
    if q.descriptors:  # only descriptors that name a place of this document count (الياباني ↔ اليابان),
        # or nationality adjectives that it uses (شركة "إيني" الإيطالية)
        from marsad.qa.verify import rules

        places = {place_stem(_key(m.group(0))) for s, e, lab, _ in L["entities"] if lab in ("GPE", "LOC")
                  for m in WORD.finditer(text, s, e)}
        adjs = {nisba_base(_key(m.group(0))) for m in WORD.finditer(text)} & rules()["places"]
        descs = [d for d in q.descriptors if d in places or d in adjs]
    else:
        descs = []
    head_terms = _stem_set(q.head) if q.head else set()
    qual = _qualifier(q)
    # a which-question's head noun of no answer type (القرار، الاتفاقية): the answer is an instance of it
    # («ما هو القرار الذي …», the head right before a relative pronoun)
    instance_head = q.kind == "which" and bool(q.head) and _key(q.head) not in lexicon()["nouns"] \
        and before_relative(_keys(q.text[q.text.find(q.head):]), 0)
    # «ما هو القانون الذي …»: ما asks of things, so such an instance is no person
    qword = next(WORD.finditer(q.text), None)
    no_person = instance_head and bool(qword) and _key(qword.group(0)) in lexicon()["nonhuman"] \
        and _key(q.head).removeprefix("ال") not in lexicon()["name_nouns"]
    # … nor a place, unless the head is a place noun (ما هي المنطقة التي …)
    no_place = no_person and _key(q.head).removeprefix("ال") not in lexicon()["thing_places"]
    dateline = dateline_end(text) if q.kind == "where" else 0
    phrase_terms = _stem_set(q.head_phrase) if q.head_phrase else set()
    asked_title = _asked_title(q)
    units = lexicon()["units"]
    persons = sorted((a, b) for a, b, lab, _ in L["entities"] if lab == "PERSON")
    office = asked_office(q)   # «من هو رئيس مجلس النواب»: who holds that office in this document
    holders, others = set(), set()   # … and who holds another office of the same head (رئيس الوزراء)
    for _, _, _, a in L["roles"] if office else []:
        ts = a.get("title_span")
        if a.get("person") and ts:
            if holds_office(text, a, office):
                holders.add(_ekey(a["person"]))
            elif office[0] & _stem_set(text[ts[0]:ts[1]]):
                others.add(_ekey(a["person"]))
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
        titles = _title_phrases(text, [p for p in persons if ss <= p[0] and p[1] <= se], ss)
        tmatch = {p: sc.share(asked_title, _stem_set(text[t:p[0]])) for p, t in titles.items()} if asked_title else {}
        tbest = max(tmatch.values(), default=0.0)
        spans = list(typed_spans(doc, q, ss, se, is_place))
        spans += _argument_spans(text, q, sevents, ss, se, spans)
        # «كم عدد المشاركين من القطاع الخاص»: the figures of this sentence followed by the qualifier
        qualified = {s for s, e, label, *_ in spans if label == "FIGURE" and qual and _qualified(text, e, se, qual)}
        for s, e, label, attrs, why in spans:
            cut = name_after_question(q, text, s, e) if label in ("ORG", "GPE") else None
            if cut is not None:  # «للاتحاد يواخيم لانغ» for «من هو المدير التنفيذي لاتحاد …»
                s, label, attrs, why = cut, "PERSON", {}, why + ["name after the question's words"]
            if label == "PERSON" and q.kind == "who":
                e = complete_name(text, s, e)
            ctext = text[s:e]
            if label in ENTITY_TYPES and (_in_question(ctext, sc.qstems) or _ekey(ctext) in units
                                          or _in_question(attrs.get("canonical") or "", sc.qstems)
                                          or own_name(q, attrs.get("canonical") or ctext)):
                continue  # a name the question gives (with its country), or a counted unit tagged as a name (دولار)
            if label == "PERSON" and (_ekey(attrs.get("canonical") or ctext) in subjects or _surname_asked(ctext, qkeys)):
                continue   # «من التقت الوزيرة السغروشني»: أمل الفلاح السغروشني is the one asked about
            if label in ("DATE", "FIGURE") and {m.group(0) for m in WORD.finditer(ctext)} <= qtoks:
                continue
            fit = type_fit(label, q) if label not in ("TITLE", "QUOTE") else 1.0
            prep = prep_fit(text, s, label, q)
            if q.kind == "where" and label == "ORG" and prep > 1.0:
                fit = 0.9  # «بجامعة …» answers «أين نظمت»
            if q.kind == "which" and "quoted name" in why:
                fit = 1.0
            if "bracketed name" in why and attrs.get("before") and _bare(attrs["before"]) != _bare(_key(q.head or "")) \
                    and not _stem_set(attrs["before"]) & set(q.terms):
                fit *= 0.7   # «كندا (مشروع جاسبر) واليابان (مشروع ستيلا)»: the bracket of a word the question names
            if q.kind == "where" and label in ("GPE", "LOC", "FAC") and reference_place(text, s):
                fit *= 0.8  # حي التفاح شرق غزة: غزة only locates the place
            if q.kind == "where" and e <= dateline:
                fit *= 0.5  # the place the story was filed from (الدوحة، قطر (CNN) --)
            if "place with its head noun" in why:
                fit = 0.9 if attrs.get("weak") else 1.0  # حي التفاح: a head noun says «place» itself
            if fit <= 0:
                continue
            ck = _ekey(attrs.get("canonical") or ctext) if label in ENTITY_TYPES else _ekey(ctext)
            arg = 0.0
            if label == "FIGURE":
                fit *= unit_fit(attrs.get("unit"), q) * owner_fit(text, s, q)
                if qualified:   # the unit left out after a figure the qualifier follows (و 400 من القطاع الخاص)
                    fit = max(fit, 1.0) if s in qualified else fit * 0.5
                ck = f"{attrs.get('value')}|{attrs.get('unit')}"
            if label == "DATE":
                ck = attrs.get("value") or _ekey(ctext)
                if not attrs.get("value"):
                    fit *= 0.85
            named = False   # the candidate is the date of the very event the question names
            for ev in sevents:
                a = ev[3]
                if label == "DATE" and attrs.get("value") and attrs.get("value") == a.get("date"):
                    arg = 1.0; why.append("event date"); named = named or bool(asked and (a.get("args") or {}).get("name"))
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
            if (head == 0 or (label == "PERSON" and no_person)
                    or (label in ("GPE", "LOC", "FAC") and no_place)) and instance_head:
                continue   # «ما هو القرار الذي …»: a name the head noun does not introduce is no resolution
            if label == "PERSON" and ck not in holders and _ekey(ctext) not in holders and (holders or ck in others):
                head = min(head, 0.5)   # another person holds the asked office, or this one another office
            win = _win_cov(sc, words, s, e, int(w["window"]))
            own = [p for p in titles if p[0] < e and s < p[1]] if label == "PERSON" else []
            if own:  # a person's title phrase is part of its window (أطلق نائب رئيس … حاكم دبي، الشيخ محمد …)
                win = max(win, _win_cov(sc, words, s, e, int(w["window"]), titles[own[0]]))
                if len(tmatch) > 1 and tbest >= 0.5 and tmatch[own[0]] < tbest:
                    head = min(head, tmatch[own[0]] / tbest)  # another person holds the asked title
            if named and rel_terms:   # نظمت … المناظرة for «متى عقدت المناظرة»: the event's type is the relation
                feats_cov = max(feats["cov"], sc.coverage(stems | rel_terms))
                win = max(win, _win_cov(sc, words + [(e, t) for t in rel_terms], s, e, int(w["window"])))
            else:
                feats_cov = feats["cov"]
            c.feats = dict(feats, cov=feats_cov, head=head, win=win, fit=fit, arg=arg,
                           prox=_proximity(words, s, e, sc.qterms, w["prox_scale"]), prep=prep,
                           desc=1.0 if label in ("PERSON", "ORG") and label in q.types and describes(
                               text, s, e, descs, [(a, b) for a, b, lab, _ in L["entities"] if lab == label])
                           or (descs and holders and ck in holders) else 0.0)   # a domestic office: verified later
            c.score = _score(c.feats, w)
            out.append(c)
    return out


PHRASE_ROLES = {"organiser"}   # arguments read as noun phrases (parties, participants are names the tagger finds)


def _argument_spans(text: str, q: Question, sevents: list, ss: int, se: int, spans: list) -> list:
    """An argument of an event of the asked relation in answering role (the organiser of a
    CONFERENCE for «من ينظم …») that no typed span covers whole — a noun phrase, not a tagged name
    («مؤسسة "يوروموني" العالمية», which holds the name يوروموني) — as a candidate of that role's type."""
    roles = lexicon()["roles"].get(q.relation or "", {})
    out = []
    for ev in sevents:
        args = ev[3].get("args") or {}
        for label in q.types:
            for role in [r for r in roles.get(label, []) if r in PHRASE_ROLES] if label in ENTITY_TYPES else []:
                for v in strings_in(args.get(role)):
                    i = text.find(v, ss, se) if len(v.split()) > 1 else -1
                    if i >= 0 and not any(a <= i and i + len(v) <= b for a, b, *_ in spans + out):
                        out.append((i, i + len(v), label, {"canonical": v}, ["event argument span"]))
    return out


def _qualifier(q: Question) -> set[str]:
    """Terms of «من + phrase» right after a how-many question's counted unit (عدد المشاركين **من
    القطاع الخاص**): which part of the count is asked; empty when there is none."""
    if q.kind != "how_many" or not q.unit_key:
        return set()
    ms = list(WORD.finditer(q.text, q.qword_end))
    i = next((n for n, m in enumerate(ms) if _key(m.group(0)) == q.unit_key), None)
    if i is None or i + 2 >= len(ms) or _key(ms[i + 1].group(0)) != "من":
        return set()
    return _stem_set(" ".join(m.group(0) for m in ms[i + 2:i + 4]))


def _qualified(text: str, end: int, limit: int, qual: set[str]) -> bool:
    """A figure followed by «من» and the qualifier's terms, with at most its unit between (400 من
    القطاع الخاص، 200 شخص من القطاع العام)."""
    after = [m.group(0) for m in WORD.finditer(text, end, limit)][:5]
    i = next((n for n, w in enumerate(after[:2]) if _key(w) == "من"), None)
    return i is not None and qual <= _stem_set(" ".join(after[i + 1:i + 4]))


def _asked_title(q: Question) -> set[str]:
    """Terms of the title a «من هو/من هي/ما اسم …» question asks the holder of, up to a relative
    pronoun (ولي عهد أبوظبي الذي …، رئيس الوزراء المقدوني), when it has two terms or more."""
    if q.kind != "who" or q.is_list or tuple(_keys(q.text[:q.qword_end])[-2:]) not in TITLE_QWORDS:
        return set()
    words = [m for m in WORD.finditer(q.text, q.qword_end)]
    stop = next((m.start() for m in words if _key(m.group(0)) in RELATIVES), len(q.text))
    terms = _stem_set(q.text[q.qword_end:stop])
    return terms if len(terms) >= 2 else set()


def _title_phrases(text: str, persons: list[tuple[int, int]], ss: int, n: int = 12) -> dict:
    """Per person span of a sentence, where its title phrase starts: at most ``n`` words back,
    not before the end of the person named before it or the sentence's start."""
    out = {}
    prev = ss
    for a, b in persons:
        back = [m.start() for m in WORD.finditer(text, prev, a)][-n:]
        out[(a, b)] = back[0] if back else a
        prev = max(prev, b)
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
