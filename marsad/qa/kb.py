"""Answers read from the knowledge base: the titles of the persons a question names (roles), and
the other parties of the events of the asked relation that one of the question's names takes
part in («من وقع اتفاقيات مع وزارة الانتقال الرقمي؟» → the counter-parties of the AGREEMENT
events whose party is that ministry).

A party is *named by the question* when its words (search keys, proclitics و ف ب ل dropped) are
found in the question in order, all of them or the first three at least (a short form:
«وزارة الانتقال الرقمي» for «وزارة الانتقال الرقمي وإصلاح الإدارة»). The event's document must
hold the question's other focus terms (خلال المناظرة الوطنية). Each answer cites its own words in
the event's evidence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from marsad.qa.answer import Cand, _ekey, _in_question, _stem_set
from marsad.qa.question import Question, _keys, fold_term, lexicon
from marsad.search.analyzer import WORD, analyze

RELATIONS = ("AGREEMENT", "MEETING")  # relations whose parties stand on an equal footing
ROLES = ("parties", "counterparties", "participants", "delegations", "member", "members")


@dataclass
class EventItem:
    doc_id: str
    start: int
    end: int
    text: str
    key: str
    sentence: tuple[int, int]
    confidence: float


def _norm(keys: list[str]) -> list[str]:
    return [k[1:] if len(k) > 3 and k[0] in "بلك" and not k.startswith(("بلد", "لجن", "كتل")) else k for k in keys]


def _named(party: list[str], qkeys: list[str]) -> int:
    """Words of ``party`` found in order at one place of the question (0 when too few)."""
    if not party:
        return 0
    need = min(len(party), 3)
    for i in range(len(qkeys)):
        n = 0
        while n < len(party) and i + n < len(qkeys) and qkeys[i + n] in (party[n], "ال" + party[n]):
            n += 1
        if n >= need:
            return n
    return 0


STOPS = {"خلال", "بشان", "بخصوص", "لتعزيز", "ضمن", "سنه", "عام", "يوم"}


def _counterpart(qkeys: list[str]) -> list[str]:
    """The words after «مع» (معها، معه) up to a preposition, a relation word or a list noun."""
    lex = lexicon()
    for i, k in enumerate(qkeys):
        if k in ("مع", "معها", "معه", "معهم"):
            out = []
            for w in qkeys[i + 1:]:
                if w in lex["preps"] or w in lex["relations"] or w in lex["lists"] or w in STOPS:
                    break
                out.append(w)
            if out:
                return out
    return []


def _parties(attrs: dict) -> list[str]:
    out: list[str] = []
    args = attrs.get("args") or {}
    for role in ROLES:
        v = args.get(role) if role in args else (attrs.get(role) if role == "participants" else None)
        for x in (v if isinstance(v, list) else [v] if isinstance(v, str) else []):
            if isinstance(x, str) and x.strip() and x not in out:
                out.append(x)
    return out


def event_items(conn, q: Question, doc_ids: list[str]) -> list[EventItem]:
    """The other parties of the events of ``q.relation`` in ``doc_ids`` (the documents search
    ranked first for the question) whose party the question names."""
    if q.relation not in RELATIONS or not doc_ids:
        return []
    qkeys = _norm(_keys(q.text))
    counter = _counterpart(qkeys)
    # the relation's own words (وقع، اتفاقيات) need not be in the document: the event stands for them
    rel_words = [m.group(0) for m in WORD.finditer(q.text) if lexicon()["relations"].get(_keys(m.group(0))[0]) == q.relation]
    other = set(q.terms) - {fold_term(t.term) for w in rel_words for t in analyze(w)}
    rows = conn.execute(f"SELECT doc_id, start, end, confidence, attrs FROM events WHERE type = ? AND doc_id IN "
                        f"({','.join('?' * len(doc_ids))}) ORDER BY doc_id, start", (q.relation, *doc_ids)).fetchall()
    found: dict[str, EventItem] = {}
    docs: dict[str, tuple[str, set[str], set[str]]] = {}
    for doc_id, s, e, conf, raw in rows:
        attrs = json.loads(raw) if raw else {}
        parties = _parties(attrs)
        pkeys = [_norm(_keys(p)) for p in parties]
        if len(parties) < 2 and not counter:
            continue
        named = [_named(k, qkeys) for k in pkeys]
        if not any(named) and not counter:
            continue
        if doc_id not in docs:
            text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            row = conn.execute("SELECT spans FROM layers WHERE doc_id = ? AND name = 'figures'", (doc_id,)).fetchone()
            figures = {text[a[0]:a[1]] for a in json.loads(row[0])} if row else set()
            docs[doc_id] = (text, {fold_term(t.term) for t in analyze(text)}, figures)
        text, stems, figures = docs[doc_id]
        lo = min(s, *(attrs.get("intro") or [s]))
        if not any(named):
            # a list's item names only the counter-party: the signer is in its introduction
            # («وقعت وزارة … الاتفاقيات التالية: - اتفاقية مع …»)
            if _named(counter, _norm(_keys(text[lo:e]))) < len(counter):
                continue
        asked = {t for p, n in zip(parties, named) if n for t in (fold_term(x.term) for x in analyze(p))}
        if not other - asked <= stems:
            continue  # the question's other terms (خلال المناظرة الوطنية) are not in this document
        for p, k, n in zip(parties, pkeys, named):
            if n or _named(k, qkeys) or p in figures:
                continue  # the named party, or a number taken for a party (ثلاث اتفاقيات)
            key = " ".join(k)
            hi = e
            i = text.find(p, lo, hi)
            if i < 0:
                i = text.find(p)
            if i < 0 or key in found:
                continue
            sent = (s, e) if s <= i and i + len(p) <= e else (i, i + len(p))
            found[key] = EventItem(doc_id, i, i + len(p), p, key, sent, float(conf or 0.0))
    # a party that is part of another's name (محمد السادس in جامعة محمد السادس …) is no item of its own
    keys = list(found)
    return [it for k, it in found.items() if not any(o != k and f" {k} " in f" {o} " for o in keys)]


def titles(store, q: Question) -> list[Cand]:
    """Titles the knowledge base holds for the persons the question names (across all documents,
    entities resolved), as candidates citing the title inside the role's evidence."""
    if not hasattr(store, "roles") or not hasattr(store, "list_entities"):
        return []
    out = []
    for e in q.entities:
        if e["type"] != "PERSON":
            continue
        _, ents = store.list_entities(limit=3, etype="PERSON", q=e["text"])
        for ent in ents:
            if _ekey(ent["canonical"]) != _ekey(e["text"]):
                continue
            _, roles = store.roles(person=ent["id"], limit=20)
            for r in roles:
                i = r["text"].find(r["title"]) if r.get("title") else -1
                if i < 0:
                    continue
                s0 = r["start"] + i
                c = Cand(r["doc_id"], s0, s0 + len(r["title"]), r["title"], "TITLE", 0.0, _ekey(r["title"]),
                         (r["start"], r["end"]), ["knowledge base role"])
                c.feats = {"miss": 0.0, "cov": 1.0, "doc_cov": 1.0, "ent": 1.0, "doc_ent": 1.0, "rank": 1.0,
                           "rel": 0.0, "win": 1.0, "fit": 1.0, "arg": 1.0, "prox": 1.0}
                out.append(c)
    return out


def event_parties(conn, q: Question, doc_ids: list[str]) -> list[Cand]:
    """The knowledge base's answer to a list question: the other parties of the events of the
    asked relation whose party the question names, in the documents ranked first. Each item is the longest stored name inside the party's words
    (شركة إنوفا ميديكال لتطوير … → إنوفا ميديكال); a party holding no name of an asked type is left out."""
    out: dict[str, Cand] = {}
    qstems = _stem_set(q.text)
    for it in event_items(conn, q, doc_ids):
        row = conn.execute("SELECT start, end, type, text FROM mentions WHERE doc_id = ? AND start >= ? AND end <= ? "
                           "ORDER BY end - start DESC, start LIMIT 1", (it.doc_id, it.start, it.end)).fetchone()
        if row is None or (q.types and row[2] not in q.types) or _in_question(row[3], qstems):
            continue  # no name, a name of another type, or the party the question names (أرامكو السعودية)
        key = _ekey(row[3])
        if key not in out:
            c = Cand(it.doc_id, row[0], row[1], row[3], row[2], it.confidence, key, it.sentence, ["knowledge base event"])
            c.feats = {"kb": it.confidence}
            out[key] = c
    return list(out.values())
