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

    def people_with_skeleton(self, skeleton: str, exclude_doc: str) -> list[Candidate]: ...

    def holder_of_title(self, title_key: str, date: str | None) -> tuple[str, str] | None: ...

    def split_id(self, doc_id: str, start: int, end: int) -> str | None: ...


# a lone surname whose context fits several known people joins the best-known of them only when
# it is named in at least this many documents and this many times more than all the others together
DOMINANT_MIN_DOCS = 5
DOMINANT_RATIO = 5


def derived_id(etype: str, key: str) -> str:
    """Deterministic id for an entity known by its folded key (stable across re-ingests)."""
    return f"{etype}-" + hashlib.sha1(f"{etype}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()[:10]


def resolve_document(doc: Document, kb: KnowledgeLookup) -> list[Link]:
    """Links for every entity mention of ``doc`` plus title references to named people."""
    ents = doc.spans("entities")
    others: dict[tuple[int, int], Link] = {}
    for s in ents:
        if s.label == "PERSON":
            continue
        text = doc.text[s.start:s.end]
        canonical = s.attrs.get("canonical") or text
        if s.attrs.get("entity_id"):
            others[(s.start, s.end)] = Link(s.start, s.end, s.label, text, s.attrs["entity_id"], canonical,
                                            "curated authority name", "authority")
        else:
            others[(s.start, s.end)] = _other(s.label, text, canonical, s.start, s.end, kb)
    _join_short_org_names(others)
    neighbours = frozenset(lk.entity_id for lk in others.values()) | _role_countries(doc)
    people = _people(doc, ents, kb, neighbours)
    links = [people[(s.start, s.end)] if s.label == "PERSON" else others[(s.start, s.end)] for s in ents]
    links += _title_references(doc, links, kb)
    links += _people_named_elsewhere(doc, links, kb)
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


def _people_named_elsewhere(doc: Document, links: list[Link], kb: KnowledgeLookup) -> list[Link]:
    """People the entity tagger missed but a role or a quote attribution names (their name span)."""
    neighbours = frozenset(lk.entity_id for lk in links if lk.type != "PERSON")
    people = [lk for lk in links if lk.type == "PERSON"]
    taken = [(lk.start, lk.end) for lk in links]
    out: list[Link] = []
    for layer, key in (("roles", "person_span"), ("quotes", "speaker_span")):
        for s in doc.spans(layer):
            span = s.attrs.get(key)
            if not span:
                continue
            over = [lk for lk in links if lk.start < span[1] and span[0] < lk.end]
            if over and layer == "roles" and all(
                    lk.source == "ner" and span[0] <= lk.start and lk.end <= span[1] for lk in over) and (
                    any(lk.type != "PERSON" for lk in over) or
                    sum(lk.end - lk.start for lk in over) < span[1] - span[0]):
                # the tagger typed the person a role names as something else, or found part of the
                # name only (دونالد of دونالد ترامب): the role's name wins
                for lk in over:
                    links.remove(lk)
                    if lk in people:
                        people.remove(lk)
                taken = [(lk.start, lk.end) for lk in links]
            elif any(a < span[1] and span[0] < b for a, b in taken):
                continue
            text = doc.text[span[0]:span[1]]
            toks = names.person_tokens(text)
            if not toks or (len(toks) == 1 and toks[0].startswith("ال")) or _starts_with_title(text):
                continue            # a title used as a reference, not a name
            same = next((lk for lk in people if names.person_tokens(lk.canonical)[-len(toks):] == toks), None)
            if same:
                link = Link(span[0], span[1], "PERSON", text, same.entity_id, same.canonical,
                            f"named in a {layer[:-1]}; part of the name {same.canonical} in this document", layer[:-1])
            elif len(toks) == 1:
                link = _surname_across(s, text, names.person_display(text), toks[0], doc, kb, frozenset(),
                                       neighbours)
                link.start, link.end, link.source = span[0], span[1], layer[:-1]
                link.why = f"named in a {layer[:-1]}; {link.why}"
            else:
                link = Link(span[0], span[1], "PERSON", text, derived_id("PERSON", " ".join(toks)),
                            names.person_display(text), f"named in a {layer[:-1]} (missed by the entity tagger)",
                            layer[:-1])
            out.append(link)
            people.append(link)
            taken.append(span)
    return out


def _join_short_org_names(others: dict[tuple[int, int], Link]) -> None:
    """Inside a document, an organisation name that ends a longer one joins it
    (``البوليساريو`` → ``جبهة البوليساريو``) when that longer name is the only one it ends."""
    orgs = [(lk, names.tokens(lk.canonical)) for lk in others.values()
            if lk.type == "ORG" and not lk.entity_id.startswith("org:")]
    for lk, toks in orgs:
        longer = {o.entity_id: o for o, ot in orgs if len(ot) > len(toks) > 0 and ot[-len(toks):] == toks}
        if len(longer) == 1:
            (o,) = longer.values()
            lk.entity_id, lk.canonical, lk.why = o.entity_id, o.canonical, f"shorter form of {o.canonical} here"


def _starts_with_title(text: str) -> bool:
    from marsad.extract import people

    ws = people.words(text)
    return bool(ws) and people.title_at(ws, 0) is not None


def _other(etype: str, text: str, canonical: str, start: int, end: int, kb: KnowledgeLookup) -> Link:
    key = names.name_key(canonical)
    if etype in ("GPE", "LOC", "ORG"):
        iso = names.country_iso(canonical)
        if iso:
            return Link(start, end, "GPE", text, f"country:{iso}", names.country_name(iso),
                        f"country name → ISO 3166 code {iso}" + ("" if etype != "ORG" else " (tagged ORG)"),
                        attrs={"iso": iso})
    known = kb.entity_by_alias(key, etype)
    if known:
        return Link(start, end, etype, text, known, canonical, "known alias of this entity")
    return Link(start, end, etype, text, derived_id(etype, key), canonical, "same folded name")


def _people(doc: Document, ents, kb: KnowledgeLookup, neighbours: frozenset[str]) -> dict[tuple[int, int], Link]:
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
    roots = {t: _root_link(doc, t, full[t][0], kb, roles_by_person.get(t[-1], frozenset()), neighbours)
             for t in full if t not in parent}
    out: dict[tuple[int, int], Link] = {}
    for s, toks in mentions:
        text = doc.text[s.start:s.end]
        display = names.person_display(s.attrs.get("canonical") or text)

        def link(root, why):
            r = roots[root]
            return Link(s.start, s.end, "PERSON", text, r.entity_id, r.canonical, why if root != toks or not r.why
                        else r.why)

        if not toks:
            out[(s.start, s.end)] = Link(s.start, s.end, "PERSON", text, derived_id("PERSON", text), display,
                                         "unfoldable name")
            continue
        if len(toks) >= 2:
            root = toks
            while root in parent:
                root = parent[root]
            out[(s.start, s.end)] = link(root, f"shorter form of {' '.join(root)} in this document")
            continue
        # one word: the tagger may have stopped at a first name (دونالد | ترامب)
        completed = _complete_first_name(doc, s, toks[0], ents, kb)
        if completed is not None:
            out[(s.start, s.end)] = completed
            continue
        # a surname (or first name) of a full name in this document?
        own = [t for t in roots if t[-1] == toks[0]] or [t for t in roots if toks[0] in t]
        if len(own) == 1:
            out[(s.start, s.end)] = link(own[0], f"part of the name {' '.join(own[0])} in this document")
        elif len(own) > 1:
            first = min(own, key=lambda t: full[t][0].start)
            out[(s.start, s.end)] = link(first, f"ambiguous between {len(own)} people in this document; "
                                                f"taken as the first named, {' '.join(first)}")
        else:
            out[(s.start, s.end)] = _surname_across(s, text, display, toks[0], doc, kb,
                                                    roles_by_person.get(toks[0], frozenset()), neighbours)
    return out


_NEXT_WORD = re.compile(r"[ \t]+([\u0621-\u064a]+)")


def _complete_first_name(doc: Document, s, first: str, ents, kb: KnowledgeLookup) -> Link | None:
    """A one-word person mention followed by a word that completes the full name of exactly one
    known person: the mention is that person's, over both words."""
    m = _NEXT_WORD.match(doc.text, s.end)
    if m is None or any(e.start == m.start(1) for e in ents):
        return None
    toks = names.person_tokens(doc.text[s.start:m.end(1)])
    if len(toks) != 2:
        return None
    cands = kb.people_with_skeleton(names.skeleton(toks), doc.id)
    if len(cands) != 1:
        return None
    c = cands[0]
    return Link(s.start, m.end(1), "PERSON", doc.text[s.start:m.end(1)], c.entity_id, c.canonical,
                f"first name completed by the next word: {c.canonical}, a known person (the tagger stopped early)")


def _root_link(doc: Document, toks: tuple[str, ...], span, kb: KnowledgeLookup, titles: frozenset[str],
               neighbours: frozenset[str]) -> Link:
    """The entity of a full name: its own key, or a known spelling variant (``ترمب``/``ترامب``)
    when exactly one known person has the same skeleton and the context agrees."""
    own = derived_id("PERSON", " ".join(toks))
    display = _display_of(doc, span)
    text = doc.text[span.start:span.end]
    cands = [c for c in kb.people_with_skeleton(names.skeleton(toks), doc.id)]
    if any(c.entity_id == own for c in cands):
        # spelled exactly as a known person; if another spelling of the same name is better known
        # and shares the context, join that one (the KB converges on one entity per person)
        mine = next(c for c in cands if c.entity_id == own)
        better = [c for c in cands if c.entity_id != own and c.documents > mine.documents
                  and ((titles & c.title_ids) or (neighbours & c.neighbours))]
        if len(better) == 1:
            c = better[0]
            return Link(span.start, span.end, "PERSON", text, c.entity_id, c.canonical,
                        f"spelling variant of {c.canonical}, the better-known spelling (context agrees)")
        return Link(span.start, span.end, "PERSON", text, own, display, "full name")
    if not cands:
        # a shorter full name of a known person (``جواد ظريف`` for ``محمد جواد ظريف``)
        sk = [names.skeleton((t,)) for t in toks]
        cands = [c for c in kb.people_with_surname(sk[-1], doc.id)
                 if [names.skeleton((t,)) for t in names.person_tokens(c.canonical)][-len(toks):] == sk]
        if not cands:
            return Link(span.start, span.end, "PERSON", text, own, display, "full name")
    fits = [c for c in cands if (titles & c.title_ids) or (neighbours & c.neighbours)]
    if len(fits) == 1:
        c = fits[0]
        return Link(span.start, span.end, "PERSON", text, c.entity_id, c.canonical,
                    f"spelling variant of {c.canonical} (same letters but long vowels and g-sounds; context agrees)")
    return Link(span.start, span.end, "PERSON", text, own, display, "full name")


def _surname_across(s, text, display, surname, doc, kb, titles, neighbours) -> Link:
    """A lone surname: join the one stored person with that surname when the context agrees."""
    cands = kb.people_with_surname(names.skeleton((surname,)), doc.id)
    fits = sorted((c for c in cands if (titles & c.title_ids) or (neighbours & c.neighbours)),
                  key=lambda c: -c.documents)
    if len(fits) == 1:
        c = fits[0]
        why = (f"surname of {c.canonical}, the only known person with it whose "
               + ("title" if titles & c.title_ids else "co-occurring entities") + " match")
        return Link(s.start, s.end, "PERSON", text, c.entity_id, c.canonical, why)
    others = sum(c.documents for c in fits[1:])
    if len(fits) > 1 and fits[0].documents >= DOMINANT_MIN_DOCS and fits[0].documents >= DOMINANT_RATIO * others:
        c = fits[0]
        why = (f"surname of {c.canonical}, by far the best-known of the {len(fits)} known people with it whose "
               f"context matches ({c.documents} documents against {others})")
        return Link(s.start, s.end, "PERSON", text, c.entity_id, c.canonical, why)
    why = ("name alone" if not cands else
           f"surname shared by {len(cands)} known people; context does not single one out")
    return Link(s.start, s.end, "PERSON", text, derived_id("PERSON", surname), display, why)


def _role_countries(doc: Document) -> frozenset[str]:
    """Countries named through nationality adjectives in the document's roles (وزير الخارجية الروسي)."""
    out = set()
    for r in doc.spans("roles"):
        iso = names.country_iso(r.attrs.get("country") or "") if r.attrs.get("country") else None
        if iso:
            out.add(f"country:{iso}")
    return frozenset(out)


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




_DEFINITE = ("ال", "وال", "فال", "بال", "لل", "كال")


def _proclitic_before_title(word: str) -> int:
    """1 when the title's first word carries a proclitic (``والرئيس``, ``ووزير``), 0 when its first
    letter belongs to the title (``وزير``, ``ولي العهد``: not و + ``زير``, و + ``لي``)."""
    from marsad.extract import people

    if word[:1] not in "وفبل" or word.startswith("ال"):
        return 0
    return 0 if people.fold(word) in people.title_first_words() else 1


def _title_phrases(doc: Document) -> list[tuple[int, int, object, str | None]]:
    """Definite titles in the text (``الوزيرة``, ``وزير الخارجية الأمريكي``): (start, end, Title,
    ISO code of a nationality adjective that follows, if any)."""
    from marsad.extract import people

    ws = people.words(doc.text)
    out, i = [], 0
    starts, k = people.title_starts(ws), 0  # title_at finds nothing elsewhere
    while k < len(starts):
        if starts[k] < i:
            k += 1
            continue
        i = starts[k]
        hit = people.title_at(ws, i)
        if hit is None or hit[0].counterpart:
            i += 1
            continue
        title, j = hit
        # the title's complements: وزير | الخارجية, رئيس | الحكومة (at most two, up to a nationality)
        while j < len(ws) and j - hit[1] < 2 and ws[j][2].startswith("ال") and not names.demonym_iso(ws[j][2]) \
                and not re.search(r"[^\s]", doc.text[ws[j - 1][1]:ws[j][0]]):
            j += 1
        # definite: الوزير, or by annexation: وزير الخارجية
        if not (ws[i][2].startswith(_DEFINITE) or (j - i >= 2 and ws[i + 1][2].startswith("ال"))):
            i += 1
            continue
        iso = None
        if j < len(ws) and ws[j][2].startswith("ال") and not re.search(r"[^\s]", doc.text[ws[j - 1][1]:ws[j][0]]):
            iso = names.demonym_iso(ws[j][2])
        end = ws[j][1] if iso else ws[j - 1][1]
        start = ws[i][0] + _proclitic_before_title(ws[i][2])
        if ws[i][2].startswith("لل"):
            start = ws[i][0] + 1
        out.append((start, end, title, iso))
        i = j + (1 if iso else 0)
    return out


def _title_references(doc: Document, links: list[Link], kb: KnowledgeLookup) -> list[Link]:
    """Titles used alone for a person: ``الوزيرة`` for the one minister named in the document;
    ``الرئيس الفرنسي`` for the one French president named here or — when no one here holds it — in
    the stored documents of the same time; ``السيدة الوزيرة`` in a ministry's release for the one
    known minister whose title names that ministry's field (see :func:`_title_references_across`)."""
    people = [lk for lk in links if lk.type == "PERSON"]
    holders: list[tuple[str, str | None, Link]] = []      # (title id, country, person)
    for r in doc.spans("roles"):
        ps = r.attrs.get("person_span")
        if not ps or not r.attrs.get("title_id"):
            continue
        link = next((lk for lk in people if lk.start < ps[1] and ps[0] < lk.end), None)
        former = set(names.lexicon()["former_markers"])
        if link is not None and not former & set(names.tokens(r.attrs.get("title") or "")):
            country = r.attrs.get("country")
            holders.append((r.attrs["title_id"], names.country_iso(country) if country else None, link))
    roles = [(r.start, r.end) for r in doc.spans("roles")]
    out: list[Link] = []
    for start, end, title, iso in _title_phrases(doc):
        if any(a < end and start < b for a, b in roles) or any(0 <= lk.start - end < 3 for lk in people):
            continue            # part of a role, or a title right before a name: the name is the mention
        text = doc.text[start:end]
        ids = {lk.entity_id: lk for tid, c, lk in holders if tid == title.id and (iso is None or c in (iso, None))}
        if iso:
            exact = {lk.entity_id: lk for tid, c, lk in holders if tid == title.id and c == iso}
            ids = exact or ids
        if len(ids) == 1:
            (lk,) = ids.values()
            out.append(Link(start, end, "PERSON", text, lk.entity_id, lk.canonical,
                            f"title reference to {lk.canonical}, the only {title.form} named in this document",
                            "title"))
        elif not ids and iso:
            found = kb.holder_of_title(names.name_key(text), doc.published)
            if found:
                eid, canonical = found
                out.append(Link(start, end, "PERSON", text, eid, canonical,
                                f"title reference: the only {text} named in stored documents of that time",
                                "title"))
    out = _absorb_title_mentions(links, out)
    return out + _title_references_across(doc, links + out, kb, {lk.start for lk in out})


def _absorb_title_mentions(links: list[Link], refs: list[Link]) -> list[Link]:
    """A PERSON mention the tagger found on a bare title takes the reference's entity."""
    kept = []
    for ref in refs:
        inside = [lk for lk in links if lk.type == "PERSON" and ref.start <= lk.start and lk.end <= ref.end]
        for lk in inside:
            lk.entity_id, lk.canonical, lk.why, lk.source = ref.entity_id, ref.canonical, ref.why, "title"
        if not inside and not any(lk.start < ref.end and ref.start < lk.end for lk in links):
            kept.append(ref)
    return kept


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


def _title_references_across(doc: Document, links: list[Link], kb: KnowledgeLookup, done: set[int]) -> list[Link]:
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
        if m.start(2) in done:
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
