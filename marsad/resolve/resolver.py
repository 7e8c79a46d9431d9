"""Resolve a document's entity mentions to knowledge-base entities.

Within a document, a surname (``السغروشني``) or a shorter form of a name joins the one full
name it ends; title references (``السيدة الوزيرة``) join the one person who holds that title in
the document. Across documents, entities share an id when their folded, variant-normalised key
is the same (``الأميركية``/``الأمريكية``, ``إفريقيا``/``أفريقيا``, hyphens), countries take their
ISO code, curated institutions their authority id, and a surname alone joins a person already
known only when the choice is unique and the context agrees (same title, or a shared
co-occurring entity). Every decision carries a ``why``; user corrections (merges, splits) are
applied last, so they survive re-ingestion.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Protocol

from marsad.doc import Document
from marsad.resolve import names


@dataclass
class Link:
    """One mention resolved to an entity."""
    start: int
    end: int
    type: str
    text: str
    entity_id: str
    canonical: str
    why: str
    source: str = "ner"                 # ner | authority | title
    attrs: dict = field(default_factory=dict)   # e.g. {"iso": "MA"} for a new entity


@dataclass
class Candidate:
    entity_id: str
    canonical: str
    documents: int
    title_ids: frozenset[str]
    neighbours: frozenset[str]          # entity ids co-occurring with it in stored documents


class KnowledgeLookup(Protocol):
    """What the resolver needs to know about entities already stored."""

    def people_with_surname(self, surname: str, exclude_doc: str) -> list[Candidate]: ...

    def entity_by_alias(self, key: str, etype: str) -> str | None: ...

    def final_id(self, entity_id: str) -> str: ...

    def people_with_title(self, head: str) -> list[tuple[str, str, str]]: ...

    def split_id(self, doc_id: str, start: int, end: int) -> str | None: ...


def derived_id(etype: str, key: str) -> str:
    """Deterministic id for an entity known by its folded key (stable across re-ingests)."""
    return f"{etype}-" + hashlib.sha1(f"{etype}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()[:10]


def resolve_document(doc: Document, kb: KnowledgeLookup) -> list[Link]:
    """Links for every entity mention of ``doc`` plus title references to named people."""
    ents = doc.spans("entities")
    links: list[Link] = []
    people = _people(doc, ents, kb)
    for s in ents:
        text = doc.text[s.start:s.end]
        canonical = s.attrs.get("canonical") or text
        if s.label == "PERSON":
            link = people[(s.start, s.end)]
        elif s.attrs.get("entity_id"):
            link = Link(s.start, s.end, s.label, text, s.attrs["entity_id"], canonical,
                        "curated authority name", "authority")
        else:
            link = _other(s.label, text, canonical, s.start, s.end, kb)
        links.append(link)
    links += _title_references(doc, links, kb)
    for link in links:
        split = kb.split_id(doc.id, link.start, link.end)
        if split:
            link.entity_id, link.why = split, "split by a user correction"
        else:
            final = kb.final_id(link.entity_id)
            if final != link.entity_id:
                link.why += f"; merged into {final} by a user correction"
                link.entity_id = final
    return links


def _other(etype: str, text: str, canonical: str, start: int, end: int, kb: KnowledgeLookup) -> Link:
    key = names.name_key(canonical)
    if etype in ("GPE", "LOC"):
        iso = names.country_iso(canonical)
        if iso:
            return Link(start, end, "GPE", text, f"country:{iso}", names.country_name(iso),
                        f"country name → ISO 3166 code {iso}", attrs={"iso": iso})
    known = kb.entity_by_alias(key, etype)
    if known:
        return Link(start, end, etype, text, known, canonical, "known alias of this entity")
    return Link(start, end, etype, text, derived_id(etype, key), canonical, "same folded name")


def _people(doc: Document, ents, kb: KnowledgeLookup) -> dict[tuple[int, int], Link]:
    """Person mentions grouped inside the document, then tied to stored people."""
    mentions = [(s, names.person_tokens(s.attrs.get("canonical") or doc.text[s.start:s.end]))
                for s in ents if s.label == "PERSON"]
    full: dict[tuple[str, ...], list] = {}
    for s, toks in mentions:
        if len(toks) >= 2:
            full.setdefault(toks, []).append(s)
    # a full name contained at the end of a longer one joins it (``الفلاح السغروشني``)
    parent: dict[tuple[str, ...], tuple[str, ...]] = {}
    for toks in sorted(full, key=len):
        longer = [t for t in full if len(t) > len(toks) and t[-len(toks):] == toks]
        if len(longer) == 1:
            parent[toks] = longer[0]
    roles_by_person = _role_titles(doc)
    neighbours = frozenset(s.attrs["entity_id"] for s in ents if s.attrs.get("entity_id"))
    out: dict[tuple[int, int], Link] = {}
    for s, toks in mentions:
        text = doc.text[s.start:s.end]
        display = names.person_display(s.attrs.get("canonical") or text)
        if not toks:
            out[(s.start, s.end)] = Link(s.start, s.end, "PERSON", text, derived_id("PERSON", text), display,
                                         "unfoldable name")
            continue
        if len(toks) >= 2:
            root = toks
            while root in parent:
                root = parent[root]
            why = "full name" if root == toks else f"shorter form of {' '.join(root)} in this document"
            out[(s.start, s.end)] = Link(s.start, s.end, "PERSON", text, derived_id("PERSON", " ".join(root)),
                                         display if root == toks else _display_of(doc, full[root][0]), why)
            continue
        # one word: a surname (or first name) of a full name in this document?
        own = [t for t in full if t[-1] == toks[0] and t not in parent]
        if not own:
            own = [t for t in full if toks[0] in t and t not in parent]
        if len(own) == 1:
            root = own[0]
            out[(s.start, s.end)] = Link(s.start, s.end, "PERSON", text, derived_id("PERSON", " ".join(root)),
                                         _display_of(doc, full[root][0]),
                                         f"part of the name {' '.join(root)} in this document")
            continue
        if len(own) > 1:
            out[(s.start, s.end)] = Link(s.start, s.end, "PERSON", text, derived_id("PERSON", toks[0]), display,
                                         f"ambiguous: {len(own)} people in this document share it")
            continue
        out[(s.start, s.end)] = _surname_across(s, text, display, toks[0], doc, kb,
                                                roles_by_person.get(toks[0], frozenset()), neighbours)
    return out


def _surname_across(s, text, display, surname, doc, kb, titles, neighbours) -> Link:
    """A lone surname: join the one stored person with that surname when the context agrees."""
    cands = kb.people_with_surname(surname, doc.id)
    fits = [c for c in cands if (titles & c.title_ids) or (neighbours & c.neighbours)]
    if len(fits) == 1:
        c = fits[0]
        why = (f"surname of {c.canonical}, the only known person with it whose "
               + ("title" if titles & c.title_ids else "co-occurring entities") + " match")
        return Link(s.start, s.end, "PERSON", text, c.entity_id, c.canonical, why)
    why = ("name alone" if not cands else
           f"surname shared by {len(cands)} known people; context does not single one out")
    return Link(s.start, s.end, "PERSON", text, derived_id("PERSON", surname), display, why)


def _display_of(doc: Document, span) -> str:
    return names.person_display(span.attrs.get("canonical") or doc.text[span.start:span.end])


def _role_titles(doc: Document) -> dict[str, frozenset[str]]:
    """Surname key → title ids held in this document's roles."""
    out: dict[str, set[str]] = {}
    for r in doc.spans("roles"):
        toks = names.person_tokens(r.attrs.get("person") or "")
        if toks and r.attrs.get("title_id"):
            out.setdefault(toks[-1], set()).add(r.attrs["title_id"])
    return {k: frozenset(v) for k, v in out.items()}


_TITLE_REF = r"(?<!\w)(?:السيدة?\s+)?ال(%s)(?!\w)"


def _title_references(doc: Document, links: list[Link], kb: KnowledgeLookup) -> list[Link]:
    """``الوزيرة`` / ``السيدة الوزيرة`` used alone for the one person holding that title here,
    or — with the honorific, when no one here holds it — for the one stored holder of that title
    whose title shares the document's institutions (``…المكلفة بالانتقال الرقمي`` and
    ``وزارة الانتقال الرقمي``)."""
    holders: dict[str, set[str]] = {}
    display: dict[str, str] = {}
    by_span = {(lk.start, lk.end): lk for lk in links if lk.type == "PERSON"}
    for r in doc.spans("roles"):
        ps = r.attrs.get("person_span")
        title = (r.attrs.get("title") or "").split()
        if not ps or not title:
            continue
        link = by_span.get(tuple(ps)) or next((lk for lk in by_span.values()
                                               if lk.start <= ps[0] < lk.end or ps[0] <= lk.start < ps[1]), None)
        if link is None:
            continue
        head = title[0][2:] if title[0].startswith("ال") else title[0]
        if len(head) < 3:
            continue
        holders.setdefault(head, set()).add(link.entity_id)
        display[link.entity_id] = link.canonical
    if not holders:
        return _title_references_across(doc, links, kb, set())
    taken = [(r.start, r.end) for r in doc.spans("roles")] + [(lk.start, lk.end) for lk in links]
    pattern = re.compile(_TITLE_REF % "|".join(re.escape(h) for h in sorted(holders, key=len, reverse=True)))
    out = []
    for m in pattern.finditer(doc.text):
        ids = holders[m.group(1)]
        if len(ids) != 1 or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if any(0 <= lk.start - m.end() < 3 for lk in by_span.values()):
            continue            # a title before a name: the name is the mention
        (eid,) = ids
        start = m.start()
        out.append(Link(start, m.end(), "PERSON", doc.text[start:m.end()], eid, display[eid],
                        f"title reference to {display[eid]}, the only {m.group(1)} named in this document",
                        "title"))
    return out + _title_references_across(doc, links + out, kb, set(holders))


_HONORIFIC_TITLE = re.compile(r"(?<!\w)(السيدة|السيد)\s+(ال(?:وزيرة|وزير|رئيسة|رئيس|سفيرة|سفير|مديرة|مدير|كاتبة|كاتب))(?!\w)")
_GENERIC = frozenset({"وزاره", "الوزاره", "لدي", "رئيس", "الحكومه", "المكلفه", "المكلف", "المنتدبه", "المنتدب",
                      "في", "من", "علي", "مع", "الي", "عن", "و"})


def _content(text: str) -> set[str]:
    out = set()
    for t in names.tokens(text):
        for pre in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
            if t.startswith(pre) and len(t) - len(pre) >= 3:
                t = t[len(pre):]
                break
        if t not in _GENERIC and len(t) >= 3:
            out.add(t)
    return out


def _title_references_across(doc: Document, links: list[Link], kb: KnowledgeLookup, held: set[str]) -> list[Link]:
    context = set()
    for lk in links:
        if lk.type in ("ORG", "EVENT"):
            context |= _content(lk.canonical)
    if not context:
        return []
    taken = [(lk.start, lk.end) for lk in links]
    out = []
    for m in _HONORIFIC_TITLE.finditer(doc.text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if m.group(2)[2:] in held:
            continue
        head = names.name_key(m.group(2))[2:]
        scores: dict[str, tuple[int, str]] = {}
        for pid, person, title in kb.people_with_title(head):
            overlap = len(_content(title) & context)
            if overlap >= 3 and overlap > scores.get(pid, (0, ""))[0]:
                scores[pid] = (overlap, person)
        if len(scores) != 1:
            continue
        ((pid, (overlap, person)),) = scores.items()
        out.append(Link(m.start(), m.end(), "PERSON", m.group(0), pid, person,
                        f"title reference: the only known {m.group(2)[2:]} whose title shares {overlap} words "
                        f"with this document's institutions", "title"))
    return out
