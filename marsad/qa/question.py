"""Question analysis: question word → expected answer type, focus terms, constraints.

Question words, type nouns, list nouns and relation words are data
(``marsad/qa/data/questions.json``); everything is matched on search keys with the
proclitics و ف stripped, so ``ومتى`` and ``متى`` read alike.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.search.analyzer import WORD, analyze, arabic_term
from marsad.text.keys import TABLE

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The question lexicon with every word folded to its search key."""
    raw = json.loads((DATA / "questions.json").read_text(encoding="utf-8"))
    qwords = []
    for entry in raw["question_words"]:
        for phrase in entry["words"]:
            qwords.append((tuple(_keys(phrase)), entry["kind"], tuple(entry["types"])))
    qwords.sort(key=lambda x: -len(x[0]))
    nouns = {}
    for etype, words in raw["type_nouns"].items():
        for w in words:
            nouns.setdefault(_key(w), etype)
    relations = {}
    for etype, words in raw["relations"].items():
        for w in words:
            relations.setdefault(_key(w), etype)
            stem = arabic_term(w)
            if stem:
                relations.setdefault("~" + stem, etype)
    return {"qwords": qwords, "nouns": nouns, "lists": {_key(w) for w in raw["list_nouns"]},
            "relations": relations, "roles": raw["event_answer_roles"], "answers": raw["answers"],
            "trim": {_key(w) for w in raw["trim_nouns"]},
            "light_verbs": {_key(w) for w in raw["light_verbs"]},
            "instruments": {_key(w) for w in raw.get("signed_instruments", [])},
            "generic_heads": {_key(w) for w in raw.get("generic_heads", [])},
            "nonhuman": {_key(w) for w in raw.get("nonhuman_qwords", [])},
            "name_nouns": {_key(w) for w in raw.get("name_nouns", [])},
            "thing_places": {_key(w) for w in raw.get("thing_place_nouns", []) + raw["place_heads"]},
            "units": _unit_keys(),
            "ignore": {t.term for w in raw["ignore_words"] for t in analyze(w)},
            "preps": {_key(w) for w in raw["prepositions"]},
            "copulas": {_key(w) for w in raw["copulas"]},
            "unit_aliases": {_key(k): [_key(x) for x in v] for k, v in raw["unit_aliases"].items()},
            "dual": {_key(w) for w in raw["dual_words"]},
            "place_heads": {_key(w) for w in raw["place_heads"]},
            "event_heads": {_key(w) for w in raw["event_heads"]},
            "directions": {_key(w) for w in raw["direction_words"]},
            "ordinals": {_key(w) for w in raw["ordinal_words"]},
            "age_leads": {_key(w) for w in raw.get("age_leads", [])},
            "owner_nouns": {_key(w) for w in raw.get("owner_nouns", [])},
            "measures": {_key(w) for w in raw.get("measure_units", [])},
            "magnitudes": {_key(w) for w in raw.get("magnitude_words", [])}}


@lru_cache(maxsize=1)
def person_titles() -> set[str]:
    """Search keys of the first word of every person's title of ``extract/data/role_titles.json``
    (وزير، رئيسة، مدير، متحدث …), without the article."""
    raw = json.loads((DATA.parents[1] / "extract" / "data" / "role_titles.json").read_text(encoding="utf-8"))
    out = set()
    for t in raw["titles"]:
        for w in t["m"] + t["f"]:
            k = _key(w.split()[0])
            k = k[2:] if k.startswith("ال") else k
            if len(k) >= 3:
                out.add(k)
    return out


@lru_cache(maxsize=1)
def _verb_nouns() -> dict[str, str]:
    """Analysed term → the term of its entry's first verbal noun (``data/verb_nouns.json``)."""
    raw = json.loads((DATA / "verb_nouns.json").read_text(encoding="utf-8"))
    out = {}
    for entry in raw["entries"]:
        forms = [t.term for w in entry["nouns"] + entry["verbs"] for t in analyze(w)]
        for t in forms:
            out.setdefault(t, forms[0])
    return out


def fold_term(term: str) -> str:
    """A verb's analysed term read as its verbal noun's (زار، يزور → زيارة; وقعت → توقيع), so that
    a question's verb and an article's verbal noun share a term; any other term unchanged."""
    return _verb_nouns().get(term, term)


def verb_noun_forms(term: str) -> set[str]:
    """Every analysed term of ``term``'s verb ↔ verbal noun entry (the term alone if none)."""
    f = fold_term(term)
    return {t for t, v in _verb_nouns().items() if v == f} | {term}


def _verb_like(k: str) -> bool:
    """A rough guess that a folded word is a verb (بلغ، تريد، يبلغ، انخفض) rather than a noun."""
    if k.startswith("ال") or k.endswith(("ا", "ه", "ات", "ين", "ون")):
        return False
    if len(k) >= 4 and k[0] == "س" and k[1] in "يتن":
        k = k[1:]   # the future's س (سيكلف، ستبلغ)
    # a past tense with its feminine ت (بيعت، بلغت، دفعت): a noun's ة is folded to ه
    return (len(k) == 3 or (k[0] in "يتن" and len(k) in (4, 5)) or (k[0] == "ا" and len(k) in (5, 6))
            or (len(k) == 4 and k.endswith("ت")))


def _unit_keys() -> set[str]:
    """Search keys of the counted units the figures stage knows (plural and singular forms)."""
    path = Path(__file__).resolve().parents[1] / "extract" / "data" / "units.json"
    data = json.loads(path.read_text(encoding="utf-8"))["plural_to_singular"]
    return {_key(w) for pair in data.items() for w in pair}


AYY = ("اي", "ايه")
RELATIVES = {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"}


def nisba_base(k: str) -> str | None:
    """The place a relative adjective points to, as a folded stem: الياباني → يابان, المغربية → مغرب."""
    if not k.startswith("ال") or len(k) < 6:
        return None
    k = k[2:]
    if k.endswith("يه"):
        k = k[:-2]
    elif k.endswith("ي"):
        k = k[:-1]
    else:
        return None
    return k if len(k) >= 3 else None


def place_stem(k: str) -> str:
    """A folded place or adjective word reduced to compare with :func:`nisba_base` (اليابان → يابان, فرنسا → فرنس)."""
    k = k[2:] if k.startswith("ال") and len(k) > 4 else k
    for suf in ("يه", "ي", "ا"):
        if k.endswith(suf) and len(k) - len(suf) >= 3:
            return k[:-len(suf)]
    return k


def _key(word: str) -> str:
    k = word.translate(TABLE)
    if len(k) > 3 and k[0] in "وف" and not k.startswith(("وزار", "وزير", "فري", "وكال", "وقع", "وفد")):
        k = k[1:]
    return k


def _keys(text: str) -> list[str]:
    return [_key(m.group(0)) for m in WORD.finditer(text)]


@dataclass
class Question:
    """What a question asks: ``kind`` (who/when/where/how_many/which/title/quote/yesno),
    expected answer ``types``, whether a list is wanted, ``relation`` (an event type),
    focus ``terms`` (analysed), ``type_noun`` and its offsets, and the question word's span."""

    text: str
    kind: str = "which"
    types: list[str] = field(default_factory=list)
    is_list: bool = False
    relation: str | None = None
    relation_word: str | None = None
    terms: list[str] = field(default_factory=list)
    type_noun: str | None = None
    qword_end: int = 0
    unit_key: str | None = None
    entities: list[dict] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    dual: bool = False
    descriptors: list[str] = field(default_factory=list)
    owner: str | None = None
    unit_also: list[str] = field(default_factory=list)
    ordinals: list[str] = field(default_factory=list)
    head: str | None = None
    head_phrase: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def _signs_instrument(after: list[tuple[int, int, str]], lex: dict) -> bool:
    """The words after a signing verb name a charter, declaration or resolution (``signed_
    instruments``), not a party (مع، بين): «وقع على ميثاق باريس» is an adoption."""
    keys = [k for _, _, k in after[:3]]
    if any(k in ("مع", "بين") for k in keys):
        return False
    keys = keys[1:] if keys and keys[0] == "علي" else keys
    return bool(keys) and (keys[0][2:] if keys[0].startswith("ال") else keys[0]) in lex["instruments"]


def before_relative(keys: list[str], i: int, reach: int = 2) -> bool:
    """Whether the word ``keys[i]`` stands before a relative pronoun, up to ``reach`` definite
    adjectives between («ما هو القرار الذي …», «ما هي العملات الرقمية التي …»)."""
    for j in range(i + 1, min(len(keys), i + 2 + reach)):
        if keys[j] in RELATIVES:
            return True
        if not keys[j].startswith("ال"):
            return False
    return False


def analyze_question(text: str) -> Question:
    """Question word, expected answer types, list-ness, relation and focus of ``text``."""
    lex = lexicon()
    words = [(m.start(), m.end(), _key(m.group(0))) for m in WORD.finditer(text)]
    keys = [w[2] for w in words]
    if keys and keys[0][:1] in ("و", "ف") and any(p[0] == keys[0][1:] for p, _, _ in lex["qwords"]):
        keys[0] = keys[0][1:]  # ومن / فمتى
    q = Question(text=text.strip())
    # the question word: the longest phrase starting within the first three words
    best = None
    first = 0
    if len(keys) > 1 and keys[0] in lex["preps"] and keys[1] in AYY:
        # «من أي نادي» / «إلى أي دولة»: a preposition before أي, not the question word من
        if not any(len(p) > 1 and tuple(keys[:len(p)]) == p for p, _, _ in lex["qwords"]):
            first = 1
    for i in range(first, min(3, len(keys))):
        for phrase, kind, types in lex["qwords"]:
            if tuple(keys[i:i + len(phrase)]) == phrase:
                best = (i, phrase, kind, types)
                break
        if best:
            break
    after = 0
    if best:
        i, phrase, kind, types = best
        q.kind, q.types = kind, list(types)
        after = i + len(phrase)
        q.qword_end = words[after - 1][1]
        q.lead = keys[:i]  # تحت رعاية من / من أي
    # the type noun right after the question word (ما هي الدول / أي منظمة / كم دولة)
    if after < len(keys) and q.kind == "how_many":
        # the counted noun: كم دولة / كم عدد الدول / كم عدد سكان
        k = keys[after + 1] if lex["nouns"].get(keys[after]) == "FIGURE" and after + 1 < len(keys) else keys[after]
        # (a future's س before an imperfect: ستبلغ، سيكون — not سكان, inhabitants)
        if (k in lex["copulas"] or (k[:1] == "س" and k[1:2] in ("ي", "ت", "ن") and k[1:] in lex["copulas"])) \
                and after + 1 < len(keys):
            # «كم كان عمر …»: only a noun whose unit is known (عمر → عام) sets the unit
            nxt = keys[after + 1]
            nxt = nxt[2:] if nxt.startswith("ال") else nxt
            if nxt in lex["unit_aliases"]:
                q.unit_key = nxt
        # a noun (الدول، دولة، هدفا، المهندسين), not a verb (كم بلغ، كم تريد)
        elif k in lex["units"] or k in lex["nouns"] or k in lex["unit_aliases"] or not _verb_like(k):
            q.unit_key = k
            if k in lex["magnitudes"] and k == keys[after] and after + 1 < len(keys) \
                    and not (_verb_like(keys[after + 1]) and len(keys[after + 1]) > 3) and keys[after + 1] not in lex["preps"]:
                q.unit_key = k = keys[after + 1]  # «كم مليار درهم»: the unit is the currency after the magnitude
            # coordinated counted nouns: كم عدد البلدان والمنظمات
            j = after + 1 if k != keys[after] else after
            while j + 1 < len(keys):
                raw, nxt = text[words[j + 1][0]:words[j + 1][1]].translate(TABLE), keys[j + 1]
                if not (raw.startswith("و") and nxt == raw[1:]) or not (
                        nxt.startswith("ال") or nxt in lex["units"] or nxt in lex["nouns"]):
                    break
                q.unit_also.append(nxt)
                j += 1
        # whose age (كم كان عمر لؤي نجل …، كم عمر …): the name right after the unit's noun
        j = next((i for i in range(after, min(after + 3, len(keys) - 1)) if q.unit_key and keys[i].endswith(q.unit_key)), None)
        bare = q.unit_key[2:] if q.unit_key and q.unit_key.startswith("ال") else q.unit_key
        if j is not None and bare in lex["owner_nouns"] and keys[j + 1] not in lex["preps"]:
            q.owner = keys[j + 1]
    if after < len(keys):
        k = keys[after]
        noun = lex["nouns"].get(k)
        if noun and q.kind in ("which", "who", "how_many"):
            q.type_noun = text[words[after][0]:words[after][1]]
            if q.kind == "how_many":
                pass
            elif noun not in ("DATE", "FIGURE") or q.kind == "which":
                q.types = ["PERSON", "ORG"] if noun == "PERSON" and q.kind == "who" else [noun]
                if noun == "DATE":
                    q.kind = "when"
                elif noun == "FIGURE":
                    q.kind = "how_many"
            q.is_list = k in lex["lists"] and q.kind in ("which", "who")
    if q.kind == "which" and not q.types:
        q.types = ["ORG", "GPE", "PERSON", "EVENT", "MISC"]
    if q.kind in ("who", "which") and any(k in ("هم", "هما", "الذين", "اللذان", "اللتان") for k in keys[:3]):
        q.is_list = True
    if q.kind in ("who", "which") and any(k in lex["dual"] for k in keys[:4]):
        q.is_list = q.dual = True  # «من هما المرشحان»: exactly two
    if q.kind in ("who", "which") and q.lead[-1:] == ["بين"]:
        q.is_list = q.dual = True  # «بين من وقعت الاتفاقية؟»: its two sides
    # the head noun that names what is asked (من هو مدرب …، ما اسم المحامي …): the answer is
    # usually introduced by it (المدرب تيتي، نغ لاب سنغ هو رجل …)
    if q.kind in ("who", "which") and not q.is_list and after < len(keys) and best:
        noun = lex["nouns"].get(keys[after])
        named = best[1] in (("ما", "اسم"), ("من", "هو"), ("من", "هي"))
        generic = keys[after] in lex["generic_heads"]   # «ما هي الجهة التي …»: the type says it all
        # «ما هو القرار الذي …»: a noun of no answer type before a relative pronoun names what is asked
        relative = q.kind == "which" and noun is None and keys[after].startswith("ال") and before_relative(keys, after)
        if not generic and (noun in ("PERSON", "ORG") or relative or (
                noun is None and named and not _verb_like(keys[after]) and keys[after] not in lex["preps"])):
            q.head = text[words[after][0]:words[after][1]]
            # the head's phrase up to a relative pronoun: رئيس الهيئة الوطنية للانتخابات في مصر
            stop = next((s for s, _, k in words[after + 1:] if k in RELATIVES), len(text))
            q.head_phrase = text[words[after][0]:stop].rstrip("؟? ")
    # ordinals constrain the answer's sentence (الدورة الثانية، الفلسطيني الثالث)
    q.ordinals = [text[a:b] for a, b, k in words[after:] if k in lex["ordinals"]]
    # descriptors: relative adjectives (الياباني، الصينية) that describe the answer
    q.descriptors = [d for d in (nisba_base(k) for k in keys[after:]) if d]
    for s, e, k in words[after:]:
        rel = lex["relations"].get(k) or lex["relations"].get("~" + arabic_term(text[s:e]))
        if rel == "AGREEMENT" and q.kind == "where" and k in ("وقع", "وقعت"):
            continue  # «أين وقع» asks where something happened, not who signed
        if rel and rel != "QUOTE":
            q.relation, q.relation_word = rel, text[s:e]
            if rel == "AGREEMENT" and _signs_instrument(words[words.index((s, e, k)) + 1:], lex):
                q.relation = "ADOPTION"   # «من وقع على ميثاق …»: signing a charter adopts it
            if k in lex["light_verbs"]:  # «عقدت … مباحثات»: the event noun after the light verb says which
                for s2, e2, k2 in words[words.index((s, e, k)) + 1:]:
                    rel2 = lex["relations"].get(k2) or lex["relations"].get("~" + arabic_term(text[s2:e2]))
                    if rel2 and rel2 != "QUOTE":
                        q.relation, q.relation_word = rel2, text[s2:e2]
                        break
            break
    if q.kind == "quote":
        q.relation = "QUOTE"
    # focus terms: after the question word, without the type noun (it describes the answer)
    skip = set(lex["ignore"])
    if q.type_noun:
        skip |= {t.term for t in analyze(q.type_noun)}
    q.terms = [fold_term(t.term) for t in analyze(text[q.qword_end:] if q.qword_end else text) if t.term not in skip]
    return q
