"""Answer verification: flag, or refuse, an answer whose cited evidence does not support the question.

The ranked answer passes only when its *window* — the cited sentence and its neighbours —
states what the question restricts it to:

* ``entity``: every entity the question names is there, by its name, all its words (a letter
  may differ: المنازرة), or its head or last word when the document gives the full name — or the
  title or an earlier sentence names it (the window refers to it by a pronoun, «الفرقة»);
* ``descriptor``: every nationality adjective of the question outside its entities (الليبي,
  the demonyms of ``extract/data/role_titles.json``), its sound plural and the plural demonyms
  (الروس) is there, as itself or its place (ليبيا، روسيا);
* ``ordinal``: every ordinal of the question (الدورة الثانية) is there;
* ``head``: the noun naming what is asked (من هو مدرب …) occurs there or earlier in the document;
* ``owner``: a figure in brackets right after a name (لؤي (13 عاما)) belongs to that name, which
  the question must be asking about («كم كان عمر الفلسطيني الثالث» is not لؤي's age), and an
  age after «X البالغ من العمر» is X's (not the asked one's unless X or a word before it is asked);
* ``unstated``: the document uses, in some form, the question's predicate verb (من يرافق …:
  a root ر ف ق) and each definite noun completing an indefinite one (حقل الشرارة، حيز التنفيذ);
* ``relation``: when the question relates two named parties (أين التقى مادورو ببنس), an
  event of the relation in the window has one of them as an argument, or a relation word of the
  window (any form of its verb ↔ verbal noun entry, ``data/verb_nouns.json``) has one in its clause (not «بعد أن التقى الأخير بمهاجرين»).

Word lists (plural demonyms, clause boundaries) and the switch that makes a failed check refuse
the answer (off by default: see :func:`enabled`) are data (``data/verify.json``).
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from marsad.qa import anchor, evidence, holder, scope
from marsad.qa.question import Question, _key, _keys, _verb_like, fold_term, lexicon, nisba_base, place_stem
from marsad.qa.spans import asked_office, owner_names, strings_in
from marsad.search.analyzer import WORD, analyze, arabic_term

DATA = Path(__file__).with_name("data")
PARTY_TYPES = ("PERSON", "ORG", "GPE")


@lru_cache(maxsize=1)
def rules() -> dict:
    """Verification word lists from ``data/verify.json``, folded to search keys."""
    raw = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))
    titles = Path(__file__).resolve().parents[1] / "extract" / "data" / "role_titles.json"
    places = {nisba_base(_key(w)) for w in json.loads(titles.read_text(encoding="utf-8"))["demonyms"]}
    dem = {_key(k): nisba_base(_key(v)) for k, v in raw["plural_demonyms"].items()}
    return {"demonyms": dem, "places": (places - {None}) | set(dem.values()),
            "links": {_key(w) for w in raw["clause_links"]},
            "checks": set(raw["checks"]), "flags": set(raw.get("flag_checks", [])),
            "list_checks": set(raw.get("list_checks", [])),
            "announced": bool(raw.get("announced_dates")), "enabled": bool(raw["enabled"])}


def enabled() -> bool:
    """Whether a failed check refuses the answer (``enabled`` in the data file; the environment
    variable ``MARSAD_QA_VERIFY`` = 1 or 0 overrides it) or is only reported as ``unverified``."""
    env = os.environ.get("MARSAD_QA_VERIFY")
    return rules()["enabled"] if env not in ("0", "1") else env == "1"


def _stems(text: str) -> set[str]:
    return {t.term for t in analyze(text)}


def _ekey(s: str) -> str:
    return " ".join(_key(w) for w in WORD.findall(s))


def _sentences(layers: dict, n: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e, *_ in layers.get("sentences") or []] or [(0, n)]


def window(text: str, layers: dict, start: int, end: int) -> tuple[int, int]:
    """The cited sentence [start, end) with the sentence before and after it."""
    sents = _sentences(layers, len(text))
    idx = [i for i, (s, e) in enumerate(sents) if s < end and start < e] or [0]
    return sents[max(0, idx[0] - 1)][0], sents[min(len(sents) - 1, idx[-1] + 1)][1]


def _near(a: str, b: str) -> bool:
    """Spelling variants of a name: one long vowel letter more or less (راؤل / راؤول, السيليكون /
    السليكون), or in words of five letters or more one letter changed or dropped (المناظرة /
    المنازرة)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return len(a) >= 5 and sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a and (len(a) >= 5 or b[i] in "اوي") for i in range(len(b)))


def _found(term: str, wstems: set[str]) -> bool:
    if term in wstems or any(_near(term, w) for w in wstems):
        return True
    return len(term) > 3 and term[0] in "لبك" and term[1:] in wstems  # a proclitic left on (لكأس)


def _entity_ok(ent: dict, wkey: str, wstems: set[str], dkey: str, skip: set[str]) -> bool:
    keys = {k for k in (_ekey(ent["text"]), _ekey(ent.get("canonical") or "")) if k}
    if any(k in wkey for k in keys):
        return True
    terms = _stems(ent["text"]) - skip
    if all(_found(t, wstems) for t in terms):
        return True
    # its head or last word (المناظرة، a surname) when the document gives the whole name
    words = [t.term for t in analyze(ent["text"])]
    return bool(words) and any(k in dkey for k in keys) and any(_found(w, wstems) for w in (words[0], words[-1]))


def _named_before(ent: dict, text: str, layers: dict, we: int, title: str, skip: set[str]) -> bool:
    """The entity is named in the title or a sentence up to the window's end: the window may
    refer to it by a pronoun or a shorter name (كما قال …، الفرقة)."""
    spans = [(title, 0, len(title))] + [(text, s, e) for s, e in _sentences(layers, len(text)) if s < we]
    dkey = " " + _ekey(title + " " + text[:we]) + " "
    for src, s, e in spans:
        part = src[s:e]
        if part and _entity_ok(ent, " " + _ekey(part) + " ", _stems(part), dkey, skip):
            return True
    return False


def _place_forms(k: str) -> set[str]:
    out = {place_stem(k), k}
    for w in (k, "ال" + k):
        b = nisba_base(w)
        if b:
            out.add(b)
    return out


def descriptors(q: Question) -> list[str]:
    """Restricting descriptors of the question (place stems) outside its named entities:
    nationality adjectives (demonyms gazetteer), their sound plurals and plural demonyms (الروس)."""
    dem = rules()["demonyms"]
    out = []
    for m in WORD.finditer(q.text, q.qword_end):
        if any(e["start"] <= m.start() < e["end"] for e in q.entities):
            continue  # part of a name the entity check reads (الشراكة العالمية)
        k = _key(m.group(0))
        if nisba_base(k) in rules()["places"]:
            out.append(nisba_base(k))
        elif k in dem:
            out.append(dem[k])
        elif k.endswith(("يين", "يون")) and nisba_base(k[:-2]) in rules()["places"]:
            out.append(nisba_base(k[:-2]))  # الفلسطينيين → فلسطين
    return list(dict.fromkeys(out))


def qualifiers(q: Question) -> list[str]:
    """The relative adjective right after the question's type noun (الدول **الأفريقية**), as its
    stem (افريق): every item of a list must be of that kind."""
    if not q.type_noun:
        return []
    words = list(WORD.finditer(q.text, q.qword_end))
    i = next((i for i, m in enumerate(words) if m.group(0) == q.type_noun), None)
    if i is None or i + 1 >= len(words):
        return []
    b = nisba_base(_key(words[i + 1].group(0)))
    return [b] if b and len(b) >= 4 else []


def _descriptor_ok(d: str, wwords: list[str]) -> bool:
    dem = rules()["demonyms"]
    return any(d in _place_forms(k) or dem.get(k) == d or (k.startswith("ال") and k[2:].startswith(d)) or k.startswith(d)
               for k in wwords)


def _phrase_before(q: Question, d: str, before: str) -> bool:
    """The descriptor ``d`` with the question word before it (الدوري الإسباني) is a phrase of the
    title or an earlier sentence: the window refers back to it («تلك الحقوق»)."""
    def art(k: str) -> str:  # «شركات بلجيكية» in the title is the question's «الشركات البلجيكية»
        return k[2:] if k.startswith("ال") and len(k) > 4 else k
    qw = [_key(m.group(0)) for m in WORD.finditer(q.text, q.qword_end)]
    pairs = {(art(a), art(b)) for a, b in zip(qw, qw[1:]) if d in _place_forms(b) or rules()["demonyms"].get(b) == d}
    bw = [art(_key(m.group(0))) for m in WORD.finditer(before)]
    return bool(pairs & set(zip(bw, bw[1:])))


def _domestic_office(q: Question, d: str, text: str, layers: dict, start: int, end: int, title: str) -> bool:
    """The answer holds the office the question asks about (every word of it but the nationality
    adjective), named without a country or body (رئيس مجلس النواب، وزير الصناعة), in a story whose
    title or opening names the descriptor's country: a domestic office of the country the story is
    about («رئيس مجلس النواب الأردني» in a Jordanian story)."""
    office = asked_office(q)
    if not office:
        return False
    for s, e, _, a in layers.get("roles") or []:
        ps, ts = a.get("person_span"), a.get("title_span")
        if ps and ts and ps[0] < end and start < ps[1] and not a.get("country") and not a.get("org") \
                and office[0] | office[1] <= _stems(text[ts[0]:ts[1]]):
            lead = title + " . " + text[:300]
            return _descriptor_ok(d, [_key(m.group(0)) for m in WORD.finditer(lead)])
    return False


def _age_lead_ok(text: str, ans_start: int, q: Question) -> bool | None:
    """«X البالغ من العمر 31 عاما» gives X's age: the answer is the asked one's only when X is a
    word of the question (its owner, a word of its name or title) or one of them stands in the six
    words before X (ولي العهد الأمير محمد البالغ …); None when no age lead precedes the answer."""
    keys = [_key(m.group(0)) for m in WORD.finditer(text, max(0, ans_start - 160), ans_start)]
    lead = [i for i in range(max(1, len(keys) - 4), len(keys)) if keys[i] in lexicon()["age_leads"]]
    if not lead:
        return None
    asked = {_key(w) for w in WORD.findall(q.text[q.qword_end:])} | owner_names(q) | {q.owner}
    asked |= {k[2:] for k in asked if k.startswith("ال")}
    near = keys[max(0, lead[0] - 7):lead[0]]
    return any(k in asked or (k.startswith("ال") and k[2:] in asked) for k in near)


def _owner_ok(text: str, ans_start: int, q: Question) -> bool:
    if q.kind != "how_many" or not q.owner:
        return True
    aged = _age_lead_ok(text, ans_start, q)
    if aged is not None:
        return aged
    gap = text[max(0, ans_start - 3):ans_start]
    if "(" not in gap:
        return True
    before = [_key(m.group(0)) for m in WORD.finditer(text, max(0, ans_start - 60), ans_start)][-3:]
    # or the name the question gives its owner (كم عمر العميل … سيرغي سكريبال: «سكريبال (66 عاما)»)
    named = owner_names(q)
    return not before or q.owner in before or any(q.owner.endswith(b) or b.endswith(q.owner) or b in named
                                                  for b in before[-1:])


def _relation_words(q: Question) -> tuple[set[str], set[str]]:
    keys, stems = set(), set()
    for k, rel in lexicon()["relations"].items():
        if rel == q.relation:
            (stems if k.startswith("~") else keys).add(k.lstrip("~"))
    return keys, {fold_term(s) for s in stems}


CLAUSE_PUNCT = re.compile(r"[.،,؛;:!?؟\n]")


def _clause(text: str, ws: int, we: int, s: int, e: int) -> tuple[int, int]:
    """The clause around [s, e) within [ws, we): up to punctuation or a clause link (بعد أن …)."""
    a = max([m.end() for m in CLAUSE_PUNCT.finditer(text, ws, s)] or [ws])
    b = min([m.start() for m in CLAUSE_PUNCT.finditer(text, e, we)] or [we])
    links = rules()["links"]
    words = list(WORD.finditer(text, a, b))
    for i, m in enumerate(words):
        if _key(m.group(0)) == "ان" and i and _key(words[i - 1].group(0)) in links:
            if words[i - 1].start() >= e:
                b = min(b, words[i - 1].start())
            elif m.end() <= s:
                a = max(a, m.end())
    return a, b


def _relation_ok(text: str, ws: int, we: int, events: list, q: Question, parties: list[dict]) -> bool:
    pkeys = [{k for k in (_ekey(p["text"]), _ekey(p.get("canonical") or "")) if k} for p in parties]
    plast = [_ekey(p["text"]).split()[-1] for p in parties if _ekey(p["text"])]
    for s, e, label, a in events:
        if label == q.relation and s < we and ws < e:
            args = " ".join(_ekey(x) for x in strings_in(a.get("args") or {}) + list(a.get("participants") or []))
            if any(k in args for ks in pkeys for k in ks) or any(w in args.split() for w in plast):
                return True
    keys, stems = _relation_words(q)
    for m in WORD.finditer(text, ws, we):
        if _key(m.group(0)) in keys or fold_term(arabic_term(m.group(0))) in stems:
            a, b = _clause(text, ws, we, m.start(), m.end())
            ckey = " " + _ekey(text[a:b]) + " "
            if any(k in ckey for ks in pkeys for k in ks) or any(" " + w + " " in ckey for w in plast):
                return True
    return False


# -- words the document never uses -------------------------------------------------------
WEAK = "اويهىءئؤ"


def _skel(k: str) -> str:
    return "".join(ch for ch in k if ch not in WEAK)


def _noun_core(k: str) -> str:
    """Three root consonants of a folded definite noun (الشرارة → شرر, التنفيذ → نفذ, المشرفين → شرف)."""
    k = k[2:] if k.startswith("ال") else k
    for suf in ("ون", "ين", "ات", "يه", "ه", "ي"):
        if k.endswith(suf) and len(k) - len(suf) >= 3:
            k = k[:-len(suf)]
            break
    return _root(_skel(k))


def _verb_core(k: str) -> str:
    """Three root consonants of a folded verb of four letters or more (سيغادر → غدر, يرافق → رفق)."""
    if k[:1] == "س" and len(k) >= 5 and k[1] in "يتنا":
        k = k[1:]
    if k[:1] in "يتنا":
        k = k[1:]
    for suf in ("وا", "ون", "ان", "ين", "ها", "ت", "ه"):
        if k.endswith(suf) and len(k) - len(suf) >= 3:
            k = k[:-len(suf)]
            break
    sk = _skel(k)
    if len(sk) == 4 and sk[1] == "ت":  # form VIII (افتعل): ترتفع → رفع, ينتخب → نخب, اجتمع → جمع
        return sk[0] + sk[2:]
    return _root(sk)


def _root(sk: str) -> str:
    """First three consonants after a derivation prefix (استثمار → ثمر, مشرف → شرف)."""
    if sk.startswith("ست") and len(sk) >= 5:
        sk = sk[2:]
    elif len(sk) >= 4 and sk[0] in "مت":
        sk = sk[1:]
    return sk[:3]


def _definite(k: str) -> str | None:
    """A folded word as its definite noun without a proclitic (للشراكة → الشراكه), or None."""
    if k.startswith("لل") and len(k) > 4:
        return "ا" + k[1:]
    for n in (0, 1, 2):
        if k[n:].startswith("ال") and all(c in "وفبلك" for c in k[:n]) and len(k) - n > 4:
            return k[n:]
    return None


def unstated(q: Question) -> list[tuple[str, str, str]]:
    """(kind, word, root) of the question words an answer's document must use: the predicate
    right after the question word when it is a verb of four letters or more (من يرافق، متى سيغادر)
    and no light verb before a noun,
    and a definite noun that completes an indefinite one (حقل الشرارة، حيز التنفيذ) — not words of
    its entities, which the entity check reads."""
    lex = lexicon()
    words = [m for m in WORD.finditer(q.text, q.qword_end)
             if not any(e["start"] <= m.start() < e["end"] for e in q.entities)]
    out = []
    for i, m in enumerate(words):
        k = _key(m.group(0))
        # a light verb (عقد) before a noun says nothing that noun does not (أين ستعقد جلسة …: جلسة … في جنيف)
        if i == 0 and not k.startswith("ال") and k not in lex["preps"] and k not in lex["copulas"] \
                and not (k in lex["light_verbs"] and len(words) > 1) \
                and k not in lex["unit_aliases"] and len(k) >= 4 and (_verb_like(k) or (k[0] == "س" and _verb_like(k[1:]))):
            out.append(("predicate", m.group(0), _verb_core(k)))
        d = _definite(k)
        if i and d and m.start() == words[i - 1].end() + 1:
            prev = _key(words[i - 1].group(0))
            # not after a verb (استضاف الملك) or an elative (أشهر الأعمال); a three-letter noun
            # (حيز، حقل) looks like a verb and counts
            if not prev.startswith("ال") and _definite(prev) is None and prev not in lex["preps"] \
                    and prev not in lex["copulas"] and not (len(prev) >= 4 and _verb_like(prev)) \
                    and not (len(prev) == 4 and prev[0] == "ا"):
                out.append(("term", m.group(0), _noun_core(d)))
    return [x for x in out if len(x[2]) == 3]


def _uses(text: str, root: str) -> bool:
    """The text writes a word of ``root``, also with the ت of form VIII after its first letter
    (رفع: الرفع، ارتفاع، المرتفعة)."""
    viii = root[0] + "ت" + root[1:]
    return any(root in sk or viii in sk for sk in (_skel(_key(m.group(0))) for m in WORD.finditer(text)))


def check(q: Question, text: str, layers: dict, start: int, end: int, answer: str = "", title: str = "",
          only: set[str] | None = None, published: str | None = None) -> str | None:
    """The first constraint of ``q`` that the evidence around [start, end) of ``text`` (a document
    with ``title``) does not support (``"entity: …"``, ``"descriptor: …"``, …), or None when it
    supports them all; ``only``: the checks to run (default: the refusing ``checks``)."""
    on = rules()["checks"] if only is None else only
    ws, we = window(text, layers, start, end)
    wtext = text[ws:we]
    wkey = " " + _ekey(wtext) + " "
    wstems = _stems(wtext)
    wwords = [_key(m.group(0)) for m in WORD.finditer(wtext)]
    akey = _ekey(answer)
    ents = [e for e in q.entities if not (akey and _ekey(e["text"]) == akey)]
    if "entity" in on:
        dkey = " " + _ekey(text) + " "
        # words that say what is asked, not whom: the counted unit (عمر لؤي), the type and head nouns
        skip = _stems(" ".join(x for x in (q.unit_key, q.type_noun, q.head) if x))
        for ent in ents:
            if not _entity_ok(ent, wkey, wstems, dkey, skip) and not _named_before(ent, text, layers, we, title, skip):
                return "entity: " + ent["text"]
    if "descriptor" in on:
        for d in descriptors(q):
            if not _descriptor_ok(d, wwords) and not _phrase_before(q, d, title + " . " + text[:we]) \
                    and not _domestic_office(q, d, text, layers, start, end, title):
                return "descriptor: " + d
    if "qualifier" in on:
        for d in qualifiers(q):  # الدول الأفريقية: أفريقيا, الإفريقية in the window or the title
            if not any(k.startswith(d) or k[2:].startswith(d) for k in wwords + _keys(title)):
                return "qualifier: " + d
    if "ordinal" in on:
        for o in q.ordinals:  # الدورة الثانية، الفلسطيني الثالث
            if not _stems(o) <= wstems:
                return "ordinal: " + o
    if "head" in on and q.head and not _stems(q.head) & wstems:
        before = _stems(title + " " + text[:ws])  # or earlier: the window refers back to it
        if not _stems(q.head) & before:
            return "head: " + q.head
    if "owner" in on and not _owner_ok(text, start, q):
        return "owner: " + (q.owner or "")
    if "unstated" in on:
        for kind, word, root in unstated(q):
            if not _uses(title + " " + text, root):
                return f"{kind}: {word}"
    if "relation" in on and q.relation and q.relation != "QUOTE":
        parties = [e for e in ents if e["type"] in PARTY_TYPES]
        if len(parties) >= 2 and not _relation_ok(text, ws, we, layers.get("events") or [], q, parties):
            return "relation: " + (q.relation_word or q.relation)
    sent = _sentence_of(text, layers, start, end)
    if "item" in on:
        missing = item_missing(text, layers, sent, ents, title)
        if missing:
            return "item: " + missing
    told = rules()["announced"] and anchor.announced(q, text, sent, start, end, layers.get("dates") or [])
    if "attached" in on and not told and not evidence.attached(q, text, sent, start, end) \
            and not named_event_date(q, layers, sent, start, end):
        return "attached: " + answer
    if "object" in on:
        other = evidence.other_object(q, text, sent, start, layers.get("entities") or [])
        if other:
            return "object: " + other
    if "argued" in on and not anchor.argued(q, text, sent, start):
        return "argued: " + answer
    if "apposition" in on and anchor.apposition(q, text, sent, start, end, layers.get("entities") or []):
        return "apposition: " + answer
    if "reported" in on and not told and anchor.reported(q, text, sent, start):
        return "reported: " + answer
    if "elsewhere" in on and anchor.elsewhere(q, text, sent, start):
        return "elsewhere: " + answer
    if "ordinal_near" in on and anchor.other_ordinal(q, text, sent, start):
        return "ordinal_near: " + (anchor.other_ordinal(q, text, sent, start) or "")
    if "parties" in on and anchor.parties(q, text, sent, start):
        return "parties: " + answer
    if "untitled" in on and anchor.untitled(q, text, sent, start, end):
        return "untitled: " + (q.head_phrase or "")
    if "other_event" in on and other_event(q, text, sent, layers.get("events") or []):
        return "other_event: " + other_event(q, text, sent, layers.get("events") or [])
    if "titled" in on and anchor.titled(q, text, sent, start, end):
        return "titled: " + (q.head_phrase or "")
    if "antecedent" in on and not evidence.antecedent_ok(q, text, (ws, we), title):
        return "antecedent: " + answer
    if "valued" in on and not evidence.valued_ok(q, text, sent):
        return "valued: " + " ".join(evidence.valued(q))
    why = scope.failed(q, text, layers, sent, start, end, answer, on)  # echo … change, in that order
    if why:
        return why
    if "holder" in on and holder.holder(q, text, layers.get("entities") or [], start, end):
        return "holder: " + (q.head or "")
    if "former" in on and holder.former(q, text, sent, start, end):
        return "former: " + (q.head or "")
    if "restated" in on and holder.restated(q, answer):
        return "restated: " + answer
    if "doer" in on and holder.doer(q, text, sent, layers.get("entities") or []):
        return "doer: " + answer
    if "quoted" in on and holder.quoted(q, text, sent, start, end):
        return "quoted: " + answer
    if "future" in on and holder.future(q, text, layers.get("dates") or [], start, end, published):
        return "future: " + answer
    if "designation" in on and holder.designation(q, text, start):
        return "designation: " + answer
    if "purpose" in on and holder.purpose(q, _stems(text[sent[0]:sent[1]])):
        return "purpose: " + (holder.purpose(q, _stems(text[sent[0]:sent[1]])) or "")
    return None


def asked_events(q: Question) -> list[str]:
    """Name keys of the events a question names (``قمة باريس للعمل من أجل الذكاء الاصطناعي``)."""
    return [_ekey(e.get("canonical") or e["text"]) for e in q.entities if e.get("type") == "EVENT"]


def another_event(attrs: dict, asked: list[str]) -> str | None:
    """The name of an event (its attrs) when it is named and the name is none of ``asked``."""
    name = (attrs.get("args") or {}).get("name")
    if not asked or not isinstance(name, str) or not name.strip():
        return None
    key = _ekey(name)
    return None if any(k in key or key in k for k in asked) else name


def other_event(q: Question, text: str, sent: tuple[int, int], events: list) -> str | None:
    """For «أين/متى» about a named event (قمة باريس للعمل من أجل الذكاء الاصطناعي): the name of
    another named event of the sentence that holds the answer (المجلس الوزاري المقبل، المقرر عقده
    في براتيسلافا), when the sentence does not name the asked one — its place and date are that
    other event's; None otherwise."""
    asked = asked_events(q) if q.kind in ("where", "when") else []
    if not asked:
        return None
    skey = " " + _ekey(text[sent[0]:sent[1]]) + " "
    if any(" " + k + " " in skey for k in asked):
        return None
    return next((name for a, b, _label, attrs in events if (a <= sent[0] < b or sent[0] <= a < sent[1])
                 and (name := another_event(attrs, asked))), None)


def item_missing(text: str, layers: dict, sent: tuple[int, int], ents: list[dict], title: str = "") -> str | None:
    """For an answer in a list item («- اتفاقية مع …»): the first question entity named neither in
    the item nor before the list (its lead sentence, the text above, the title) — another item
    names it, so the answer is another item's; None when the sentence is no list item."""
    if text[sent[0]:sent[1]].lstrip()[:1] not in anchor.LIST_MARKS:
        return None
    sents = _sentences(layers, len(text))
    first = sent[0]
    for s, e in reversed([x for x in sents if x[0] < sent[0]]):
        if text[s:e].lstrip()[:1] not in anchor.LIST_MARKS:
            break
        first = s
    above = title + " . " + text[:first]
    item = text[sent[0]:sent[1]]
    for ent in ents:
        for part in (item, above):
            if _entity_ok(ent, " " + _ekey(part) + " ", _stems(part), " " + _ekey(part) + " ", set()):
                break
        else:
            return ent["text"]
    return None


def named_event_date(q: Question, layers: dict, sent: tuple[int, int], start: int, end: int) -> bool:
    """The date [start, end) is the knowledge base's date of the very event the question names
    (an event of the asked relation, of that name, told in this sentence): «نظمت … المناظرة …
    أيام 01 و 02 يوليوز» dates «متى عقدت المناظرة» though the sentence writes no عقد."""
    asked = asked_events(q)
    value = next((a.get("value") for s, e, _lab, a in layers.get("dates") or [] if s == start and e == end), None)
    if not asked or not value or not q.relation:
        return False
    for a, b, label, attrs in layers.get("events") or []:
        told = a <= sent[0] < b or any(x <= sent[0] < y for x, y in attrs.get("more_evidence") or [])
        if told and label == q.relation and attrs.get("date") == value and (attrs.get("args") or {}).get("name") \
                and not another_event(attrs, asked):
            return True
    return False


def _sentence_of(text: str, layers: dict, start: int, end: int) -> tuple[int, int]:
    return next(((s, e) for s, e in _sentences(layers, len(text)) if s <= start < e), (start, end))


def _verify_list(store, q: Question, res: dict, on: set[str]) -> dict:
    """A list answer is refused when the evidence of none of its items passes the ``list_checks``
    (a descriptor the question puts on every item: الدول **الأفريقية**)."""
    from marsad.qa.answer import _load

    docs: dict = {}
    for c in res.get("citations") or []:
        d = docs.get(c["doc_id"]) or docs.setdefault(c["doc_id"], _load(store, c["doc_id"], 1.0))
        if check(q, d.text, d.layers, c["start"], c["end"], c["text"], d.title or "", only=on) is None:
            return res
    why = "list: " + (check(q, d.text, d.layers, c["start"], c["end"], c["text"], d.title or "", only=on) or "")
    return {**res, "answer": None, "items": [], "citations": [], "refused": why}


def verify(store, q: Question, res: dict) -> dict:
    """``res`` (an answer of :func:`marsad.qa.answer.decide`) checked by :func:`check`: when the
    evidence of a single answer fails a refusing check, its answer and citations are dropped and
    ``"refused"`` says why (the answer stays among the candidates) — or, while refusing is
    switched off (:func:`enabled`), the answer is kept and ``"unverified"`` says why. A failed
    ``flag_checks`` check (data file) is only reported as ``"unverified"``. Lists are kept as
    they are; a yes/no answer is read by the ``yesno`` check only."""
    if res.get("answer") is None:
        return res
    r = rules()
    if res.get("items"):
        return _verify_list(store, q, res, r["list_checks"]) if r["list_checks"] and enabled() else res
    if q.kind == "yesno" and "yesno" not in r["checks"] | r["flags"]:
        return res
    from marsad.qa.answer import _load

    c = res["citations"][0]
    d = _load(store, c["doc_id"], 1.0)

    def why_for(on: set[str]) -> str | None:
        if q.kind != "yesno":
            return check(q, d.text, d.layers, c["start"], c["end"], c["text"], d.title or "", only=on,
                         published=d.published)
        if "yesno" not in on:
            return None
        miss = evidence.yes_missing(q, d.text, window(d.text, d.layers, c["start"], c["end"]), d.title or "")
        if miss:
            return "yesno: " + " ".join(miss)
        if "yespred" in on and not anchor.yes_predicate(q, d.text, window(d.text, d.layers, c["start"], c["end"]),
                                                           _sentence_of(d.text, d.layers, c["start"], c["end"]),
                                                           d.layers.get("entities") or []):
            return "yespred: " + (q.relation_word or "")
        return None

    why = why_for(r["checks"])
    if why and enabled():
        return {**res, "answer": None, "citations": [], "refused": why}
    why = why or why_for(r["flags"])
    return {**res, "unverified": why} if why else res
