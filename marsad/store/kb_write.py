"""Fill the knowledge-base tables from a document's layers, inside the save transaction.

Entity mentions are resolved (:mod:`marsad.resolve`), then roles, quotes, events with their
arguments, and topics are written with their evidence offsets, each argument tied to an entity
id where one can be found. User corrections are re-applied, so they survive re-ingestion.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache

from marsad.doc import Document
from marsad.resolve import names
from marsad.resolve.resolver import Candidate, Link, derived_id, resolve_document

ENTITY_ARGS = ("participants", "parties", "counterparties", "member", "organisation", "launcher", "adopters",
               "sponsors", "supporters", "organiser", "name", "instrument", "initiative", "object", "place",
               "delegations", "subject")
ENTITY_TYPES_BY_ROLE = {"name": ("EVENT", "MISC", "ORG"), "instrument": ("MISC",), "place": ("GPE", "LOC", "FAC")}


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# (database file, person id) → (documents when computed, title ids, co-occurring entities)
_CONTEXT_CACHE: dict[tuple[str, str], tuple[int, frozenset[str], frozenset[str]]] = {}


def _db_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return (row[2] if row else "") or f"memory:{id(conn)}"


class SQLiteKnowledge:
    """:class:`marsad.resolve.resolver.KnowledgeLookup` over an open connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.c = conn
        self.path = _db_path(conn)
        self.merges: dict[str, str] = {}
        self.splits: dict[tuple[str, int, int], str] = {}
        for kind, target, payload in conn.execute(
                "SELECT kind, target, payload FROM corrections WHERE kind IN ('merge', 'split') ORDER BY id"):
            p = json.loads(payload)
            if kind == "merge":
                self.merges[target] = p["into"]
            else:
                doc_id, start, end = target.rsplit(":", 2)
                self.splits[(doc_id, int(start), int(end))] = p["entity_id"]

    def people_with_surname(self, surname: str, exclude_doc: str) -> list[Candidate]:
        return self._candidates("person_surnames", "surname", surname, exclude_doc)

    def people_with_skeleton(self, skeleton: str, exclude_doc: str) -> list[Candidate]:
        return self._candidates("person_keys", "skeleton", skeleton, exclude_doc)

    def _candidates(self, table: str, column: str, key: str, exclude_doc: str) -> list[Candidate]:
        rows = self.c.execute(
            f"SELECT e.id, e.canonical, (SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.entity_id = e.id "
            f"AND m.doc_id != ?) FROM {table} p JOIN entities e ON e.id = p.entity_id WHERE p.{column} = ? "
            f"LIMIT 200", (exclude_doc, key)).fetchall()
        # the best-known bearers first: a common surname has many (mostly one-document) people
        rows.sort(key=lambda r: -r[2])
        out = []
        for eid, canonical, ndocs in rows[:20]:
            if ndocs:
                titles, neigh = self._context(eid, ndocs)
                out.append(Candidate(eid, canonical, ndocs, titles, neigh))
        return out

    def _context(self, eid: str, ndocs: int) -> tuple[frozenset[str], frozenset[str]]:
        """A known person's title ids and co-occurring entities (a sample of 400 plus role
        affiliations and countries). Cached per database while the person's document count has
        not grown by more than a tenth (people in thousands of documents are asked about often)."""
        key = (self.path, eid)
        hit = _CONTEXT_CACHE.get(key)
        if hit is not None and hit[0] <= ndocs <= hit[0] * 1.1:
            return hit[1], hit[2]
        titles = frozenset(t for (t,) in self.c.execute(
            "SELECT DISTINCT title_id FROM roles WHERE person_id = ? AND title_id IS NOT NULL", (eid,)))
        neigh = frozenset(n for (n,) in self.c.execute(
            "SELECT DISTINCT m2.entity_id FROM mentions m1 JOIN mentions m2 ON m2.doc_id = m1.doc_id "
            "WHERE m1.entity_id = ? AND m2.entity_id != ? AND m2.type != 'PERSON' LIMIT 400", (eid, eid)))
        neigh |= frozenset(n for row in self.c.execute(
            "SELECT DISTINCT affiliation_id, 'country:' || country FROM roles WHERE person_id = ?", (eid,))
            for n in row if n)
        if ndocs >= 10:
            if len(_CONTEXT_CACHE) > 20_000:
                _CONTEXT_CACHE.clear()
            _CONTEXT_CACHE[key] = (ndocs, titles, neigh)
        return titles, neigh

    def entity_by_alias(self, key: str, etype: str) -> str | None:
        rows = self.c.execute("SELECT DISTINCT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
                              "WHERE a.key = ? AND e.type = ? LIMIT 2", (key, etype)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def people_with_title(self, head: str) -> list[tuple[str, str, str]]:
        rows = self.c.execute("SELECT DISTINCT person_id, person, title FROM roles WHERE person_id IS NOT NULL AND "
                              "title LIKE ? LIMIT 500", (f"%{head[:3]}%",)).fetchall()
        out = []
        for pid, person, title in rows:
            toks = names.tokens(title)
            first = toks[0][2:] if toks and toks[0].startswith("ال") else (toks[0] if toks else "")
            if first == head:
                out.append((self.final_id(pid), person, title))
        return out

    def holder_of_title(self, title_key: str, date: str | None) -> tuple[str, str] | None:
        rows = self.c.execute("SELECT person_id, person, date FROM roles WHERE title_key = ? AND person_id IS NOT NULL "
                              "LIMIT 200", (title_key,)).fetchall()
        if date:
            near = [r for r in rows if r[2] and abs(_days(r[2]) - _days(date)) <= 400]
            rows = near or [r for r in rows if not r[2]]
        people = {self.final_id(pid): person for pid, person, _ in rows}
        return next(iter(people.items())) if len(people) == 1 else None

    def final_id(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.merges and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merges[entity_id]
        return entity_id

    def split_id(self, doc_id: str, start: int, end: int) -> str | None:
        return self.splits.get((doc_id, start, end))


def _days(date: str) -> int:
    """Days since year 0 of an ISO date or date range's start (YYYY, YYYY-MM or YYYY-MM-DD)."""
    parts = (date.split("/")[0] + "-01-01").split("-")[:3]
    try:
        y, m, d = int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)
    except ValueError:
        return 0
    return y * 372 + m * 31 + d


@lru_cache(maxsize=1)
def _authority_forms() -> dict[str, list[tuple[str, str]]]:
    """Authority id → [(form, lang)] for every curated name, to seed the aliases table."""
    from marsad.extract.ner_features import DATA

    data = json.loads((DATA / "gazetteers" / "institutions.json").read_text(encoding="utf-8"))
    return {e["id"]: [(f, lang) for lang in ("ar", "fr", "en", "abbr") for f in e.get(lang, [])]
            for e in data["entries"]}


def write_kb(c: sqlite3.Connection, doc: Document) -> None:
    """Resolve ``doc``'s mentions and write its entities, mentions, roles, quotes, events, topics."""
    old = [r[0] for r in c.execute("SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ?", (doc.id,))]
    for table in ("mentions", "roles", "quotes", "events", "doc_topics", "pending_refs"):
        c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc.id,))
    kb = SQLiteKnowledge(c)
    links = resolve_document(doc, kb)
    _write_entities(c, doc, links)
    people = {(lk.start, lk.end): lk for lk in links if lk.type == "PERSON"}
    _write_roles(c, doc, people, kb)
    _write_quotes(c, doc, people)
    _write_events(c, doc, links, kb)
    _write_topics(c, doc)
    _pending(c, doc, links)
    _apply_entity_corrections(c, {lk.entity_id for lk in links})
    drop_orphans(c, old)


def drop_orphans(c: sqlite3.Connection, ids) -> None:
    """Remove entities (among ``ids``) that no mention, argument, role or correction refers to any more."""
    for eid in ids:
        c.execute("DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?) "
                  "AND NOT EXISTS (SELECT 1 FROM event_args WHERE entity_id = ?) "
                  "AND NOT EXISTS (SELECT 1 FROM roles WHERE person_id = ? OR affiliation_id = ?) "
                  "AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = ?) "
                  "AND NOT EXISTS (SELECT 1 FROM corrections WHERE target = ?)", (eid,) * 7)


def _ensure_entity(c: sqlite3.Connection, eid: str, etype: str, canonical: str, attrs: dict | None = None) -> None:
    cur = c.execute("INSERT OR IGNORE INTO entities(id, type, canonical, attrs) VALUES (?,?,?,?)",
                    (eid, etype, canonical, _dumps(attrs or {})))
    if cur.rowcount:
        forms = _authority_forms().get(eid, [])
        c.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias, key, lang, source) VALUES (?,?,?,?,?)",
                      [(eid, f, names.name_key(f), lang, "authority") for f, lang in forms])


def _write_entities(c: sqlite3.Connection, doc: Document, links: list[Link]) -> None:
    for lk in links:
        _ensure_entity(c, lk.entity_id, lk.type, lk.canonical, lk.attrs)
    c.executemany("INSERT OR IGNORE INTO mentions(doc_id, start, end, entity_id, type, text, canonical, why, source) "
                  "VALUES (?,?,?,?,?,?,?,?,?)",
                  [(doc.id, lk.start, lk.end, lk.entity_id, lk.type, lk.text, lk.canonical, lk.why, lk.source)
                   for lk in links])
    aliases = {(lk.entity_id, lk.canonical) for lk in links if lk.source != "title"}
    aliases |= {(lk.entity_id, names.person_display(lk.text)) for lk in links
                if lk.source == "ner" and lk.type == "PERSON"}
    c.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias, key, lang, source) VALUES (?,?,?,?,?)",
                  [(eid, a, names.name_key(a), doc.lang, "mention") for eid, a in aliases if a])
    full = [(names.person_tokens(lk.canonical), lk.entity_id) for lk in links
            if lk.type == "PERSON" and lk.source != "title" and len(names.person_tokens(lk.canonical)) >= 2]
    c.executemany("INSERT OR IGNORE INTO person_surnames(surname, entity_id) VALUES (?,?)",
                  [(names.skeleton((names.surname(t),)), eid) for t, eid in full])
    c.executemany("INSERT OR IGNORE INTO person_keys(skeleton, entity_id) VALUES (?,?)",
                  [(names.skeleton(t), eid) for t, eid in full])


def _person_at(people: dict, span) -> Link | None:
    if not span:
        return None
    a, b = span
    return people.get((a, b)) or next((lk for lk in people.values() if lk.start < b and a < lk.end), None)


def _entity_for_name(c, kb, name: str, types=("ORG", "GPE", "LOC", "MISC", "EVENT")) -> tuple[str, str] | None:
    """(entity id, type) for a bare name: a country, a known alias, or None."""
    iso = names.country_iso(name)
    if iso:
        _ensure_entity(c, f"country:{iso}", "GPE", names.country_name(iso), {"iso": iso})
        return f"country:{iso}", "GPE"
    key = names.name_key(name)
    for etype in types:
        eid = kb.entity_by_alias(key, etype)
        if eid:
            return eid, etype
    return None


def _write_roles(c, doc: Document, people: dict, kb) -> None:
    rows = []
    for r in doc.spans("roles"):
        a = r.attrs
        person = _person_at(people, a.get("person_span"))
        name = names.person_display(a.get("person") or "")
        if not name:
            continue
        pid = person.entity_id if person else derived_id("PERSON", names.name_key(name))
        if person is None:
            _ensure_entity(c, pid, "PERSON", name)
        affiliation = a.get("org") or a.get("country")
        aff = _entity_for_name(c, kb, affiliation) if affiliation else None
        if affiliation and aff is None:
            aff = (derived_id("ORG", names.name_key(affiliation)), "ORG")
            _ensure_entity(c, aff[0], "ORG", affiliation)
        country = names.country_iso(a["country"]) if a.get("country") else None
        rows.append((doc.id, r.start, r.end, pid, person.canonical if person else name, a.get("title") or "",
                     names.name_key(a.get("title") or ""), country,
                     a.get("title_id"), affiliation, aff[0] if aff else None, a.get("date") or doc.published,
                     _dumps({k: a[k] for k in ("country", "gender", "pattern", "person_span", "title_span")
                             if a.get(k) is not None})))
    c.executemany("INSERT INTO roles(doc_id, start, end, person_id, person, title, title_key, country, title_id, "
                  "affiliation, affiliation_id, date, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def _write_quotes(c, doc: Document, people: dict) -> None:
    rows = []
    for q in doc.spans("quotes"):
        a = q.attrs
        sp = a.get("speaker_span")
        person = _person_at(people, sp)
        speaker = person.canonical if person else a.get("speaker")
        sid = person.entity_id if person else None
        rows.append((doc.id, q.start, q.end, sid, speaker, sp[0] if sp else None, sp[1] if sp else None,
                     a.get("date") or doc.published,
                     _dumps({k: a[k] for k in ("verb", "method", "source") if a.get(k) is not None})))
    c.executemany("INSERT INTO quotes(doc_id, start, end, speaker_id, speaker, speaker_start, speaker_end, date, "
                  "attrs) VALUES (?,?,?,?,?,?,?,?,?)", rows)


def event_id(doc_id: str, etype: str, trigger, start: int) -> str:
    """Stable id of an event: its document, type and trigger (or sentence) offsets."""
    t = trigger or (start, start)
    return "ev-" + hashlib.sha1(f"{doc_id}\x1f{etype}\x1f{t[0]}\x1f{t[1]}".encode()).hexdigest()[:12]


def _arg_values(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _write_events(c, doc: Document, links: list[Link], kb) -> None:
    by_key: dict[str, Link] = {}
    for lk in links:
        by_key.setdefault(names.name_key(lk.canonical), lk)
        by_key.setdefault(names.name_key(lk.text), lk)
    seen = set()
    for e in doc.spans("events"):
        a = e.attrs
        eid = event_id(doc.id, e.label, a.get("trigger"), e.start)
        if eid in seen:
            continue
        seen.add(eid)
        sentence = doc.text[e.start:e.end]
        place = a.get("place")
        place_ent = _entity_for_name(c, kb, place, ("GPE", "LOC", "FAC")) if place else None
        if place and place_ent is None and names.name_key(place) in by_key:
            place_ent = (by_key[names.name_key(place)].entity_id, "GPE")
        trig = a.get("trigger") or [None, None]
        attrs = {k: v for k, v in a.items() if k not in ("trigger", "date", "date_source", "place", "confidence",
                                                         "topics")}
        c.execute("INSERT INTO events(id, doc_id, type, trigger_start, trigger_end, start, end, date, date_source, "
                  "place, place_id, confidence, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (eid, doc.id, e.label, trig[0], trig[1], e.start, e.end, a.get("date") or doc.published,
                   a.get("date_source") if a.get("date") else "article", place,
                   place_ent[0] if place_ent else None, a.get("confidence"), _dumps(attrs)))
        args = []
        for role, value in (a.get("args") or {}).items():
            if role not in ENTITY_ARGS:
                continue
            for v in _arg_values(value):
                v = v.strip()
                if not v:
                    continue
                lk = by_key.get(names.name_key(v))
                ent = (lk.entity_id, lk.type) if lk else _entity_for_name(c, kb, v)
                pos = sentence.find(v)
                span = (e.start + pos, e.start + pos + len(v)) if pos >= 0 else (None, None)
                if role == "name" and a["args"].get("name_span"):
                    span = tuple(a["args"]["name_span"])
                if ent is None and span[0] is not None:   # «الوزيرة» inside the resolved «السيدة الوزيرة»
                    lk = next((x for x in links if x.start <= span[0] and span[1] <= x.end), None)
                    ent = (lk.entity_id, lk.type) if lk else None
                args.append((eid, role, ent[0] if ent else None, v, span[0], span[1]))
        if place:
            pos = sentence.find(place)
            args.append((eid, "place", place_ent[0] if place_ent else None, place,
                         e.start + pos if pos >= 0 else None, e.start + pos + len(place) if pos >= 0 else None))
        c.executemany("INSERT INTO event_args(event_id, role, entity_id, value, start, end) VALUES (?,?,?,?,?,?)",
                      args)
        c.executemany("INSERT OR IGNORE INTO event_topics(event_id, topic) VALUES (?,?)",
                      [(eid, t) for t in (a.get("topics") or {})])
    _apply_event_corrections(c, seen)


def _write_topics(c, doc: Document) -> None:
    agg: dict[str, list[str]] = {}
    for t in doc.spans("topics"):
        topic = t.attrs.get("topic") or t.label
        agg.setdefault(topic, []).extend(t.attrs.get("terms") or [doc.text[t.start:t.end]])
    c.executemany("INSERT INTO doc_topics(doc_id, topic, hits, terms) VALUES (?,?,?,?)",
                  [(doc.id, k, len(v), _dumps(sorted(set(v)))) for k, v in agg.items()])


def _apply_entity_corrections(c, ids: set[str]) -> None:
    for kind, target, payload in c.execute(
            "SELECT kind, target, payload FROM corrections WHERE kind IN ('retype', 'rename') ORDER BY id").fetchall():
        if target in ids:
            p = json.loads(payload)
            if kind == "retype":
                c.execute("UPDATE entities SET type = ? WHERE id = ?", (p["type"], target))
                c.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (p["type"], target))
            else:
                c.execute("UPDATE entities SET canonical = ? WHERE id = ?", (p["canonical"], target))


EDITABLE_EVENT_FIELDS = ("type", "date", "place", "confidence")


def _apply_event_corrections(c, ids: set[str]) -> None:
    for kind, target, payload in c.execute(
            "SELECT kind, target, payload FROM corrections WHERE kind IN ('delete_event', 'edit_event') "
            "ORDER BY id").fetchall():
        if target not in ids:
            continue
        if kind == "delete_event":
            c.execute("DELETE FROM events WHERE id = ?", (target,))
        else:
            p = json.loads(payload)
            for f in EDITABLE_EVENT_FIELDS:
                if f in p:
                    c.execute(f"UPDATE events SET {f} = ?, corrected = 1 WHERE id = ?", (p[f], target))


def _pending(c: sqlite3.Connection, doc: Document, links: list[Link]) -> None:
    """Record this document's references that a later document could resolve."""
    from marsad.resolve.resolver import _HONORIFIC_TITLE

    rows = {("surname", names.name_key(lk.text)) for lk in links
            if lk.type == "PERSON" and (lk.why.startswith("name alone") or lk.why.startswith("surname shared"))}
    linked = {(lk.start, lk.end) for lk in links if lk.source == "title"}
    rows |= {("title", names.name_key(m.group(2))[2:]) for m in _HONORIFIC_TITLE.finditer(doc.text)
             if (m.start(), m.end()) not in linked}
    c.executemany("INSERT OR IGNORE INTO pending_refs(doc_id, kind, key) VALUES (?,?,?)",
                  [(doc.id, k, v) for k, v in rows])


def pending_for(c: sqlite3.Connection, doc_ids: list[str]) -> list[str]:
    """Stored documents whose pending references the documents ``doc_ids`` may now resolve:
    lone surnames of people these documents name in full, titles their roles give."""
    out: set[str] = set()
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        # the mentions first (one pass over person_surnames; a join probed mentions for every
        # surname × document of the chunk, quadratic over a corpus)
        surnames = {r[0] for r in c.execute(
            f"SELECT DISTINCT surname FROM person_surnames WHERE entity_id IN "
            f"(SELECT entity_id FROM mentions WHERE doc_id IN ({marks}))", chunk)}
        heads = set()
        for (title,) in c.execute(f"SELECT DISTINCT title FROM roles WHERE doc_id IN ({marks})", chunk):
            toks = names.tokens(title)
            if toks:
                heads.add(toks[0][2:] if toks[0].startswith("ال") else toks[0])
        for kind, keys in (("surname", surnames), ("title", heads)):
            keys = list(keys)
            for j in range(0, len(keys), 500):
                part = keys[j:j + 500]
                out.update(r[0] for r in c.execute(
                    f"SELECT DISTINCT doc_id FROM pending_refs WHERE kind = ? AND key IN ({','.join('?' * len(part))})",
                    [kind] + part))
    return sorted(out)


_NAME_JOINERS = frozenset({"عبد", "ابو", "بن", "بنت", "ال", "ولد", "اب", "ام"})


def _name_units(name: str) -> int:
    """Words of a person's name, compounds counted once (``عبد الهادي``، ``بن سلمان``، ``أكوفو-أدو``)."""
    toks = [t for t in names.person_tokens(name.replace("-", ""))]
    return sum(1 for i, t in enumerate(toks) if i == 0 or toks[i - 1] not in _NAME_JOINERS)


def refresh_canonicals(c: sqlite3.Connection, doc_ids: list[str] | None = None) -> int:
    """Name each person derived from the text (not touched by a user correction) by the full name
    its mentions use most (``صالح محمد صلاح`` → ``محمد صلاح``, ``بشار الاسد`` → ``بشار الأسد``) instead
    of the form that happened to come first; a new name must be used at least twice as often as the
    current one. Only people mentioned in ``doc_ids`` when given. Returns how many names changed."""
    scope, args = "", []
    if doc_ids is not None:
        c.execute("CREATE TEMP TABLE IF NOT EXISTS _touched(id TEXT PRIMARY KEY)")
        c.execute("DELETE FROM _touched")
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            c.execute(f"INSERT OR IGNORE INTO _touched SELECT DISTINCT entity_id FROM mentions "
                      f"WHERE doc_id IN ({','.join('?' * len(chunk))})", chunk)
        scope = "AND m.entity_id IN (SELECT id FROM _touched)"
    # the surface of the tagger's mentions (their canonical column holds the entity's name once linked)
    rows = c.execute(
        "SELECT m.entity_id, e.canonical, m.text, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
        f"WHERE m.source = 'ner' AND e.type = 'PERSON' AND instr(m.entity_id, ':') = 0 {scope} "
        "GROUP BY m.entity_id, m.text", args).fetchall()
    corrected = {r[0] for r in c.execute("SELECT target FROM corrections")}
    corrected |= {json.loads(p).get("into") for (p,) in c.execute("SELECT payload FROM corrections WHERE kind = 'merge'")}
    counts: dict[str, dict[str, int]] = {}
    current: dict[str, str] = {}
    for eid, canonical, text, n in rows:
        form = names.person_display(" ".join(text.strip(" .,:;،؛!?؟\"'«»“”()").split())) if text else ""
        if eid in corrected or not form or any(ch in form for ch in "#_"):
            continue
        forms = counts.setdefault(eid, {})
        forms[form] = forms.get(form, 0) + n
        current[eid] = canonical
    changes = []
    for eid, forms in counts.items():
        now = current[eid]
        full = [(n, f) for f, n in forms.items() if _name_units(f) >= 2]
        if not full:
            continue
        n, form = max(full, key=lambda x: (x[0], len(x[1])))
        # a longer full name that ends with it and is used a quarter as often is the fuller form
        # (``أون سانغ سو تشي`` over ``سو تشي``), not a tagger's run-on (``صالح محمد صلاح``)
        longer = [(m, f) for m, f in full if f.endswith(" " + form) and 4 * m >= n]
        if longer:
            n, form = max(longer, key=lambda x: (x[0], len(x[1])))
        if form != now and (form.endswith(" " + now)
                            or n >= 2 * max(forms.get(now, 0), 1 if _name_units(now) >= 2 else 0)):
            changes.append((form, eid))
    c.executemany("UPDATE entities SET canonical = ? WHERE id = ?", changes)
    return len(changes)


def resolve_again(store, doc_ids, *, batch: int = 200, on_batch=None) -> int:
    """Re-resolve stored documents from their layers (no re-annotation); returns how many."""
    ids = list(doc_ids)
    for i in range(0, len(ids), batch):
        with store.transaction() as c:
            for did in ids[i:i + batch]:
                write_kb(c, store.get(did))
        if on_batch:
            on_batch(len(ids[i:i + batch]))
    return len(ids)
