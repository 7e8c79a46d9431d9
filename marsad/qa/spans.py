"""Candidate answer spans of one sentence, and the local evidence around a candidate.

Besides the stored layers (entities, dates, figures, role persons and titles, quotes), a
sentence offers spans the layers do not hold as such:

* a number and its scale written in parts (``18 ألفا و678``) as one figure;
* a place carried by an event name (``قمة بلغراد`` → ``بلغراد``) for where-questions;
* a place whose head noun is part of its name (``حي التفاح``, ``وادي السليكون``), whether or not
  the entity tagger found the name after the head;
* for «ما اسم الميثاق …», a quoted name that starts with the asked noun (``“ميثاق باريس …”``).

Head nouns, prepositions and units are data (``data/questions.json``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.qa.question import RELATIVES, Question, _key, fold_term, lexicon, nisba_base, place_stem
from marsad.search.analyzer import WORD, analyze, arabic_term
from marsad.text.keys import TABLE

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"}
PLACE_TYPES = ("GPE", "LOC", "FAC")
QUOTED = re.compile(r"[“\"«]([^“”\"«»\n]{3,120})[”\"»]")
BRACKETED = re.compile(r"\(\s*([^()\n]{2,60}?)\s*\)")
AND = re.compile(r"\s*و\s*")
# a dateline: a short opening, then the agency in Latin letters in brackets or a double dash
# (الدوحة، قطر (CNN) --)
DATELINE = re.compile(r"[^\n.()]{2,60}?(?:\([A-Za-z .]{2,20}\)\s*[-–—]*|\s--)\s*")
CLITIC_PREPS = {"ب": "ب", "ل": "ل", "ك": "ك"}


def _bare(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 3 else k


def _stems(text: str) -> set[str]:
    return {fold_term(t.term) for t in analyze(text)}


@lru_cache(maxsize=4096)
def skeleton(word: str) -> str:
    """Consonants of a folded word without ال, long vowels and hamza seats: قاضيا/القضاة → قض,
    مرة/مرات → مر, مبدأ/المبادئ → مبد."""
    k = _bare(_key(word))
    return "".join(ch for ch in k if ch not in "اويهىءئؤ")


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    from marsad.extract.figures import canonical_unit

    return _key(canonical_unit(word) or word)


def _feminine_singular(word: str) -> str:
    """A sound feminine plural's singular, folded (الجهات → جهه, like جهة); other words as they are."""
    k = _bare(_key(word))
    return k[:-2] + "ه" if k.endswith("ات") and len(k) >= 4 else k


def unit_fit(unit: str | None, q: Question) -> float:
    """How well a figure's counted unit fits the unit the question asks for (1.4 same, 0.35 other)."""
    if not q.unit_key:
        return 1.0
    if not unit:
        return 0.6
    wanted = [q.unit_key] + lexicon()["unit_aliases"].get(_bare(q.unit_key), []) + q.unit_also
    for u in wanted:
        if _singular(unit) == _singular(u) or _feminine_singular(unit) == _feminine_singular(u):
            return 1.4
        a, b = skeleton(unit), skeleton(u)
        if len(a) >= 2 and a == b:
            return 1.4
        a, b = arabic_term(unit), arabic_term(u)
        # a shared three-letter beginning (اتفاقيات ↔ اتفاقية) only between stems of four letters
        # or more: دول (دولة) is no دولار
        if a and (a == b or (a[:3] == b[:3] and min(len(a), len(b or "")) >= 4)):
            return 1.4
    return 0.35


def owner_fit(text: str, s: int, q: Question) -> float:
    """Whose figure: 1.15 when the word right before it (brackets aside) is the name the question
    asks about («لؤي (13 عاما)» for «كم كان عمر لؤي …»), 0.8 when it ends another name the question
    gives (أحمد منصور حسان (35 عاما)), else 1."""
    if not q.owner:
        return 1.0
    before = list(WORD.finditer(text, max(0, s - 60), s))
    if not before or text[before[-1].end():s].strip(" (\u060c,") != "":
        return 1.0
    keys = [_key(m.group(0)) for m in before]
    k = keys[-1]
    if k == q.owner or ("(" in text[before[-1].end():s] and q.owner in keys[-3:]) or k in owner_names(q):
        return 1.15  # also «ولي العهد النافذ (35 عاما)», «سكريبال (66 عاما)» for «عمر العميل … سيرغي سكريبال»
    if any(k == _key(w) for e in q.entities for w in e["text"].split()[-1:]):
        return 0.8
    # «الرئيس البالغ من العمر 71 عاما»: the age of the noun before البالغ, not of the one asked about
    lead = [i for i, x in enumerate(keys[-4:]) if x in lexicon()["age_leads"]]
    if lead:
        i = max(0, len(keys) - 4) + lead[0]
        if i > 0 and keys[i - 1] != q.owner:
            return 0.8
    return 1.0


def owner_names(q: Question) -> set[str]:
    """Keys of the words of the person the question names right after a common-noun owner
    («كم عمر العميل الروسي السابق سيرغي سكريبال»: سيرغي، سكريبال), within four words of it."""
    if not q.owner or not q.owner.startswith("ال"):
        return set()
    ms = list(WORD.finditer(q.text, q.qword_end))
    at = next((i for i, m in enumerate(ms) if _key(m.group(0)) == q.owner), None)
    if at is None:
        return set()
    for m in ms[at + 1:at + 5]:
        e = next((e for e in q.entities if e["start"] == m.start() and e.get("type") == "PERSON"), None)
        if e:
            return {_key(w) for w in WORD.findall(e["text"])}
    return set()


def reference_place(text: str, s: int) -> bool:
    """A place named as the reference point of another one: after a direction word that follows a
    name (حي التفاح شرق غزة), not after a preposition (في شرق غزة)."""
    before = list(WORD.finditer(text, max(0, s - 40), s))[-2:]
    if len(before) < 2 or text[before[-1].end():s].strip():
        return False
    lex = lexicon()
    prev = _key(before[0].group(0))
    return (_key(before[-1].group(0)) in lex["directions"] and prev not in lex["preps"]
            and not (prev[:1] in ("و", "ف") and prev[1:] in lex["preps"])
            and not text[before[0].end():before[-1].start()].strip())


def type_fit(label: str, q: Question) -> float:
    """Fit of a span's type to the expected answer types."""
    if label in q.types:
        return 1.0 if label == q.types[0] else 0.85
    if q.kind == "which" and label in ENTITY_TYPES:
        return 0.5
    if label in ("GPE", "LOC") and any(t in ("GPE", "LOC") for t in q.types):
        return 0.9
    if label == "GPE" and "ORG" in q.types:
        return 0.6
    if q.kind == "where" and label == "ORG":
        return 0.3  # a venue (بجامعة …) is lifted by the preposition before it
    return 0.0


def merged_figures(text: str, figs: list) -> list:
    """Figures written in parts joined by و where the first carries a scale (18 ألفا و678 → 18678)."""
    figs = sorted(figs, key=lambda f: f[0])
    out = []
    i = 0
    while i < len(figs):
        s, e, label, a = figs[i]
        j, part, attrs = i, a.get("value"), dict(a)
        while j + 1 < len(figs) and isinstance(part, (int, float)) and part >= 1000 and part % 1000 == 0:
            ns, ne, _, na = figs[j + 1]
            nv = na.get("value")
            scale = 1000 ** ((len(str(int(part))) - 1) // 3)
            if not AND.fullmatch(text[figs[j][1]:ns]) or not isinstance(nv, (int, float)) or nv >= scale:
                break
            attrs = {**attrs, "value": attrs.get("value", 0) + nv, "unit": na.get("unit") or attrs.get("unit"),
                     "kind": na.get("kind") or attrs.get("kind")}
            part = nv
            j += 1
        if j > i:
            out.append((s, figs[j][1], label, attrs))
        i = j + 1
    return out


def typed_spans(doc, q: Question, ss: int, se: int, is_place=None):
    """(start, end, label, attrs, why) of the candidate spans of sentence [ss, se) for this question."""
    L = doc.layers
    text = doc.text
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
        figs = list(filter(inside, L["figures"]))
        for sp in figs:
            if decimal_tail(text, sp[0]):
                continue
            e = with_measure(text, decimal_end(text, sp[1]), sp[3].get("unit"))
            m = magnitude_after(text, e)
            if m > e:
                yield sp[0], m, "FIGURE", sp[3], ["figure with its magnitude"]
                continue
            yield sp[0], e, "FIGURE", sp[3], ["figure"] if e == sp[1] else ["figure with its unit"]
        for sp in merged_figures(text, figs):
            yield sp[0], sp[1], "FIGURE", sp[3], ["figure in parts"]
        yield from dual_figures(text, ss, se, figs)
    if not set(q.types) & ENTITY_TYPES:
        return
    ents = joined(text, list(filter(inside, L["entities"])))
    # a name the tagger cut («سام راضي» of «بسام راضي», «دونالد» of «دونالد ترامب») is given in full
    # by a role's person span that holds it
    full = [r[3]["person_span"] for r in filter(inside, L["roles"]) if r[3].get("person_span")]
    for sp in ents:
        if sp[2] == "PERSON" and glued(text, sp[0], sp[1]):
            continue
        wide = [p for p in full if p[0] <= sp[0] and sp[1] <= p[1] and (p[0], p[1]) != (sp[0], sp[1])]
        if sp[2] == "PERSON" and wide:
            yield wide[0][0], wide[0][1], "PERSON", sp[3], ["entity", "role's full name"]
            continue
        yield sp[0], sp[1], sp[2], sp[3], ["entity"]
    if "PERSON" in q.types:
        qk = set(q.terms)
        asked = asked_office(q)
        for sp in filter(inside, L["roles"]):
            ps, ts = sp[3].get("person_span"), sp[3].get("title_span")
            head = WORD.search(text, ts[0], ts[1]) if ps and ts else None
            # the role's head title word must be asked about (وزير، سفير، مدير …)
            if head and _stems(head.group(0)) & qk and not (asked and not holds_office(text, sp[3], asked)):
                yield ps[0], ps[1], "PERSON", {"canonical": sp[3].get("person")}, ["role"]
            elif head and asked and _stems(head.group(0)) & asked[0] and holds_office(text, sp[3], asked):
                yield ps[0], ps[1], "PERSON", {"canonical": sp[3].get("person")}, ["role", "asked office"]
    if q.kind == "where" or (q.kind == "which" and set(q.types) & set(PLACE_TYPES)):
        yield from _places(text, ents, ss, se, is_place)
    if q.kind == "which" and not q.type_noun:
        yield from _quoted_names(text, q, ss, se)


OFFICE_ENDS = {_key(w) for w in ("في", "لدى", "من", "على", "إلى", "عن", "مع", "بين")}


def asked_office(q: Question) -> tuple[set[str], set[str], set[str]] | None:
    """(head stems, other stems, nationality descriptors) of the office a «من هو/هي + title» question asks about and nothing
    more («من هو وزير الصناعة والتجارة الأردني؟»: وزير; صناعة، تجارة), or None. A nationality adjective
    is checked elsewhere (descriptors); a relative clause after the office asks a fact beyond it."""
    return _asked_office(q.text, q.kind, q.head, q.head_phrase)


@lru_cache(maxsize=256)
def _asked_office(text: str, kind: str, head: str | None, head_phrase: str | None):
    if kind != "who" or not head or not head_phrase:
        return None
    rest = text[text.find(head_phrase) + len(head_phrase):] if head_phrase in text else ""
    if any(_key(m.group(0)) in RELATIVES for m in WORD.finditer(rest)) or len(list(WORD.finditer(rest))) > 2:
        return None
    from marsad.qa.verify import rules   # (verify imports this module)

    words = []
    for m in WORD.finditer(head_phrase):   # «السفير البريطاني في موسكو»: the office ends before في
        if words and _key(m.group(0)) in OFFICE_ENDS:
            break
        words.append(m.group(0))
    places = rules()["places"]
    other = set().union(*(_stems(w) for w in words[1:] if nisba_base(_key(w)) not in places)) if len(words) > 1 else set()
    return frozenset(_stems(head)), frozenset(other), frozenset({nisba_base(_key(w)) for w in words[1:]} & places)


def holds_office(text: str, role: dict, office: tuple[set[str], set[str]]) -> bool:
    """Whether a role (attributes of a ROLE span) is the office :func:`asked_office` gives: its
    title, organisation and country hold every word of it."""
    from marsad.qa.verify import _descriptor_ok

    ts = role.get("title_span")
    if not ts or not office[0] | office[1] <= _stems(
            " ".join(filter(None, (text[ts[0]:ts[1]], role.get("org"), role.get("country"))))):
        return False
    # the office of another country is another office (وزير الخارجية الروسي for «… البريطانية»)
    country = [_key(m.group(0)) for m in WORD.finditer(role.get("country") or "")]
    return not (office[2] and country) or any(_descriptor_ok(d, country) or " ".join(country) in
                                              _demonym_countries().get(d, ()) for d in office[2])


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, set[str]]:
    """Place stem of a nationality adjective → the folded names of its country (بريطان → المملكه
    المتحده), from the demonyms of ``extract/data/role_titles.json``."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "extract" / "data" / "role_titles.json"
    out: dict[str, set[str]] = {}
    for adj, country in json.loads(path.read_text(encoding="utf-8"))["demonyms"].items():
        b = nisba_base(_key(adj))
        if b:
            out.setdefault(b, set()).add(" ".join(_key(w) for w in country.split()))
    return out


@lru_cache(maxsize=1)
def _duals() -> tuple[dict, dict, dict]:
    """(dual key → (unit, 2), magnitude dual key → value, fraction key → value), folded keys,
    from ``data/duals.json``."""
    import json
    from pathlib import Path

    raw = json.loads((Path(__file__).with_name("data") / "duals.json").read_text(encoding="utf-8"))
    duals = {_key(f): u for u, forms in raw["duals"].items() for f in forms}
    mags = {_key(f): float(v) for v, forms in raw["magnitude_duals"].items() for f in forms}
    fracs = {" ".join(_key(w) for w in k.split()): v for k, v in raw["fractions"].items()}
    return duals, mags, fracs


def dual_figures(text: str, ss: int, se: int, figs: list):
    """Quantities of the sentence [ss, se) written without a number: a dual of a unit (يومين: 2
    days), a dual magnitude before a counted noun (مليوني حاج: 2,000,000), a fraction before a unit
    (نصف ساعة: 0.5 hour); never inside a figure of the figures layer."""
    duals, mags, fracs = _duals()
    words = list(WORD.finditer(text, ss, se))
    for i, m in enumerate(words):
        if any(a < m.end() and m.start() < b for a, b, *_ in figs):
            continue
        k = _key(m.group(0))
        bare = k[2:] if k.startswith("ال") and len(k) > 4 else k
        nxt = words[i + 1] if i + 1 < len(words) and not text[m.end():words[i + 1].start()].strip() else None
        if bare in duals and not k.startswith("ال"):
            yield m.start(), m.end(), "FIGURE", {"value": 2, "unit": duals[bare], "kind": "count"}, ["dual"]
        elif bare in mags and nxt and not _key(nxt.group(0)).startswith("ال"):
            yield m.start(), nxt.end(), "FIGURE", {"value": mags[bare] * 2, "unit": nxt.group(0), "kind": "count"}, \
                ["dual magnitude"]
        elif k in fracs and nxt:
            yield m.start(), nxt.end(), "FIGURE", {"value": fracs[k], "unit": nxt.group(0), "kind": "count"}, \
                ["fraction"]


DECIMAL_COMMA = "،"


def decimal_tail(text: str, s: int) -> bool:
    """A figure right after «digit،» is the fraction of a decimal written with a comma (ب1،5:
    the figures stage read «1» and «5»)."""
    return s >= 2 and text[s - 1] in DECIMAL_COMMA and text[s - 2].isdigit()


def decimal_end(text: str, e: int) -> int:
    """End of a figure with the fraction of a decimal written with a comma (1،5، 0،5)."""
    if e + 1 < len(text) and text[e] in DECIMAL_COMMA and text[e - 1:e].isdigit() and text[e + 1].isdigit():
        e += 1
        while e < len(text) and text[e].isdigit():
            e += 1
    return e


def magnitude_after(text: str, e: int) -> int:
    """End of a figure the figures stage cut before its magnitude word (``magnitude_words`` of
    data/questions.json: «3 ملايير دولار», the Maghrebi plural of مليار), with the counted unit
    after it; ``e`` when no magnitude word follows."""
    m = WORD.match(text, e + 1) if text[e:e + 1] == " " else None
    if not m or _key(m.group(0)) not in lexicon()["magnitudes"]:
        return e
    u = WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return u.end() if u and _key(u.group(0)) in _units() else m.end()


@lru_cache(maxsize=1)
def _units() -> set[str]:
    from marsad.qa.question import _unit_keys
    return _unit_keys()


def glued(text: str, s: int, e: int) -> bool:
    """A name that starts inside a word, after a letter read as a preposition (ب of «بلوك تشين»),
    and that the document writes twice or more, never without that letter: the letter is part
    of the name."""
    if s == 0 or text[s - 1] not in "بلك":
        return False
    part = text[s:e]
    seen = list(_occurrences(text, part))
    return len(seen) >= 2 and all(i > 0 and text[i - 1] == text[s - 1] for i in seen)


def _occurrences(text: str, part: str):
    i = text.find(part)
    while i >= 0:
        yield i
        i = text.find(part, i + 1)


def with_measure(text: str, e: int, unit: str | None) -> int:
    """End of a figure with its measure unit (عشرة كيلومترات, 18 مترا): a length or a weight
    without its unit is no answer; counted nouns (عشرة أشخاص) are left out, as the figure layer does."""
    if not unit or _key(unit) not in lexicon()["measures"]:
        return e
    m = WORD.match(text, e + 1) if text[e:e + 1] == " " else None
    if m and (_singular(m.group(0)) == _singular(unit) or _key(m.group(0)).startswith(_key(unit))):
        return m.end()
    return e


def joined(text: str, ents: list) -> list:
    """Entity spans with a neighbour of the same type one space away joined into one: the tagger
    cut «سيح السديرة» into «سيح» and «السديرة»."""
    out: list = []
    for sp in sorted(ents, key=lambda x: x[0]):
        if out and out[-1][2] == sp[2] and sp[2] in ENTITY_TYPES and text[out[-1][1]:sp[0]] == " " \
                and text[sp[0]] != "و":  # not two places joined by و (كاتانيا وسيراكوزا)
            a = out.pop()
            out.append((a[0], sp[1], a[2], {k: v for k, v in a[3].items() if k not in ("canonical", "entity_id")}))
        else:
            out.append(sp)
    return out


def dateline_end(text: str) -> int:
    """End of a news dateline («الدوحة، قطر (CNN) --»): the place a story was filed from, not where
    its events happened; 0 when the text has none."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def _places(text: str, ents: list, ss: int, se: int, is_place):
    lex = lexicon()
    starts = {sp[0]: sp for sp in ents}
    # a place carried by an event name: قمة بلغراد → بلغراد
    for s, e, label, _ in ents:
        if label != "EVENT":
            continue
        words = list(WORD.finditer(text, s, e))
        if 2 <= len(words) <= 3 and _bare(_key(words[0].group(0))) in lex["event_heads"]:
            rest = text[words[1].start():e]
            if is_place is not None and is_place(rest):
                yield words[1].start(), e, "GPE", {}, ["place in event name"]
    # a head noun that belongs to the place's name: حي التفاح، وادي السليكون
    words = list(WORD.finditer(text, ss, se))
    for i, m in enumerate(words[:-1]):
        w = m.group(0)
        k, off = _key(w), 0
        if k[:1] in "بوفل" and _bare(k[1:]) in lex["place_heads"]:
            k, off = k[1:], 1
        if _bare(k) not in lex["place_heads"] or k.startswith("ال"):
            continue
        nxt = words[i + 1]
        if text[m.end():nxt.start()].strip():
            continue  # punctuation between
        sp = starts.get(nxt.start())
        if sp is not None and sp[2] in ("GPE", "LOC", "FAC", "ORG"):
            yield m.start() + off, sp[1], "LOC", {}, ["place with its head noun"]
        elif sp is None and _key(nxt.group(0)) not in lex["preps"] and len(nxt.group(0)) > 2:
            yield m.start() + off, nxt.end(), "LOC", {"weak": True}, ["place with its head noun"]


def _quoted_names(text: str, q: Question, ss: int, se: int):
    """Quoted names starting with the noun the question asks the name of (ما اسم الميثاق → “ميثاق …”),
    or right after it (القمر الصناعي "KALIFA-Sat")."""
    after = [_key(m.group(0)) for m in WORD.finditer(q.text, q.qword_end)]
    if not after:
        return
    noun = _bare(after[0])
    if len(noun) < 3:
        return
    # every quote mark may open one: a quoted name inside a quotation («"… القمر الصناعي "KALIFA-Sat" …"»)
    for m in filter(None, (QUOTED.match(text, i, se) for i in range(ss, se) if text[i] in "“\"«")):
        first = WORD.match(m.group(1).lstrip())
        before = [_bare(_key(w.group(0))) for w in WORD.finditer(text, max(ss, m.start() - 40), m.start())][-2:]
        if (first and _bare(_key(first.group(0))) == noun and len(m.group(1).split()) >= 2) or noun in before:
            s = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            yield s, m.end(1) - (len(m.group(1)) - len(m.group(1).rstrip())), "MISC", {}, ["quoted name"]
    # a name in brackets right after the noun (منصة (اعتماد) الرقمية) or starting with it (كندا (مشروع جاسبر))
    for m in BRACKETED.finditer(text, ss, se):
        before = [_bare(_key(w.group(0))) for w in WORD.finditer(text, max(ss, m.start() - 30), m.start())][-1:]
        inner = [_bare(_key(w.group(0))) for w in WORD.finditer(m.group(1))]
        if (noun in before or (inner[:1] == [noun] and len(inner) >= 2)) and len(inner) <= 4 \
                and not m.group(1).strip().replace(".", "").isdigit():
            yield m.start(1), m.end(1), "MISC", {"before": before[0] if before else ""}, ["bracketed name"]


# -- local evidence ----------------------------------------------------------------------
def preceding(text: str, s: int, n: int = 6) -> list[str]:
    """Folded keys of the ``n`` words before offset ``s``; a proclitic preposition glued to the
    span's first word (بجامعة) counts as the last of them."""
    words = [_key(m.group(0)) for m in WORD.finditer(text, max(0, s - 80), s)]
    if s > 0 and text[s - 1] in CLITIC_PREPS and (s < 2 or not text[s - 2].isalpha() or text[s - 2] in "و"):
        words = words[:-1] + [CLITIC_PREPS[text[s - 1]]]
    return words[-n:]


def prep_fit(text: str, s: int, label: str, q: Question) -> float:
    """The preposition before a candidate against the question: «من أي نادي» wants «من X»,
    «تحت رعاية من» wants the lead words just before it, «أين» wants «في X / بX»; a who/which
    answer is seldom the object of من/إلى/عن when the question has none."""
    lex = lexicon()
    before = preceding(text, s)
    if not before:
        return 1.0
    prev = before[-1]
    if q.lead:
        lead = [k for k in q.lead if k not in ("ما", "ماذا")]
        if lead and all(k in before or ("ال" + k) in before or _bare(k) in {_bare(b) for b in before} for k in lead):
            return 1.2
        return 1.0
    if q.kind == "where":
        return 1.15 if prev in ("في", "ب", "داخل") else 1.0
    if q.kind in ("who", "which") and not q.is_list and label in ENTITY_TYPES:
        if prev in ("من", "الي", "عن", "علي") and not (len(before) > 1 and before[-2] == "كل"):
            return 0.8
    return 1.0


def describes(text: str, s: int, e: int, descriptors: list[str], others: list[tuple[int, int]] = ()) -> bool:
    """A question descriptor (الياباني) matches a place named, or the same adjective, within
    about eight words of [s, e), with no other candidate of its kind in between
    (رائد الفضاء مارك فاندي هاي وزميله نوريشيغي كاناي من اليابان → only نوريشيغي)."""
    if not descriptors:
        return False
    for m in WORD.finditer(text, max(0, s - 60), min(len(text), e + 60)):
        k = _key(m.group(0))
        base = nisba_base(k)
        if (base and base in descriptors) or place_stem(k) in descriptors:
            lo, hi = (m.end(), s) if m.end() <= s else (e, m.start())
            if not any(lo <= a and b <= hi for a, b in others if (a, b) != (s, e)):
                return True
    return False


def head_near(text: str, s: int, e: int, head_terms: set[str], phrase_terms: set[str] = frozenset(),
              idf: dict | None = None) -> float:
    """How well the question's head noun phrase introduces the candidate: 0 unless the head noun
    (مدرب، المحامي، رجل) is within four words before, inside, or three words after the candidate
    (نغ لاب سنغ هو رجل …); then the idf share of the phrase's words (رئيس الهيئة الوطنية
    للانتخابات) found within eight words either side."""
    before = [m for m in WORD.finditer(text, max(0, s - 60), s)][-4:]
    after = [m for m in WORD.finditer(text, e, min(len(text), e + 40))][:3]
    near = text[before[0].start() if before else s:after[-1].end() if after else e]
    if not head_terms & _stems(near):
        return 0.0
    first = WORD.search(text, s, e)
    if not phrase_terms or (first and head_terms & _stems(first.group(0))):
        return 1.0   # the candidate names itself by the head noun (جامعة كولومبيا for «أي جامعة»)
    wide_b = [m for m in WORD.finditer(text, max(0, s - 120), s)][-8:]
    wide_a = [m for m in WORD.finditer(text, e, min(len(text), e + 120))][:8]
    wide = _stems(text[wide_b[0].start() if wide_b else s:wide_a[-1].end() if wide_a else e])
    idf = idf or {}
    total = sum(idf.get(t, 1.0) for t in phrase_terms)
    return sum(idf.get(t, 1.0) for t in phrase_terms & wide) / total if total else 1.0


def name_key(s: str) -> str:
    return " ".join(_key(w) for w in s.translate(TABLE).split() if w)


def kb_names(conn, doc_id: str, ents: list) -> list:
    """Entity spans as the knowledge base read them: a person's name the tagger cut and it
    completed («دونالد» → «دونالد ترامب»), a short form it resolved in the document («محمد» →
    canonical «محمد بن سلمان»)."""
    ments = conn.execute("SELECT start, end, type, canonical FROM mentions WHERE doc_id = ?", (doc_id,)).fetchall()
    if not ments:
        return ents
    canon = {(s, e, t): c for s, e, t, c in ments if c}
    wide = [(s, e) for s, e, t, _ in ments if t == "PERSON"]
    out = []
    for s, e, lab, a in ents:
        m = [w for w in wide if w[0] <= s and e <= w[1] and (w[1] - w[0]) > (e - s)] if lab == "PERSON" else []
        if m:
            s, e = m[0]
        c = canon.get((s, e, lab))
        out.append((s, e, lab, {**a, "canonical": c} if c and c != a.get("canonical") else a))
    return out


def strings_in(v) -> list[str]:
    """Every string inside a JSON-like value (an event's arguments: strings, lists, dicts)."""
    if isinstance(v, str):
        return [v]
    if isinstance(v, list):
        return [x for item in v for x in strings_in(item)]
    if isinstance(v, dict):
        return [x for item in v.values() for x in strings_in(item)]
    return []
