"""Event lexicon and argument helpers: the ontology (``data/events.json``), trigger lookup, and the
phrases, places, dates, figures and parties an event handler reads from its sentence."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.people import fold, strip_proclitics, title_at, words

DATA = Path(__file__).resolve().parent / "data"
_PUNCT = re.compile(r"[،,.:;؛!?؟()\[\]\n“”«»\"″]")
_DIGITS = re.compile(r"\d+")
_DEFINITE = re.compile(r"(?:[وف]?[بك]?ال|[وف]?لل)")
NO_EVENT = "_none"   # the type of a non-trigger phrase (``مؤتمر صحفي``)


@lru_cache(maxsize=1)
def ontology() -> dict:
    """The event ontology (``data/events.json``)."""
    return json.loads((DATA / "events.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)
def keys(word: str) -> frozenset[str]:
    """Folded forms of ``word`` with and without proclitics and article."""
    n, bare = strip_proclitics(word)
    out = {fold(word), fold(bare), fold("ال" + bare)}
    if word[:1] in "وفبلك" and len(word) > 3:
        out.add(fold(word[1:]))
        if word[:1] in "وف" and word[1:2] in "بلك" and len(word) > 4:
            out.add(fold(word[2:]))
    return frozenset(out)


@lru_cache(maxsize=1)
def _trigger_table() -> list[tuple[str, tuple[str, ...], dict]]:
    rows = []
    for etype, spec in ontology()["types"].items():
        for t in spec.get("triggers", []):
            fixed = dict(t.get("args", {}))
            if t.get("requires_after"):
                fixed["_requires_after"] = tuple(t["requires_after"])
            if t.get("no_article"):
                fixed["_no_article"] = True
            if t.get("else"):
                fixed["_else"] = t["else"]
            rows.append((etype, tuple(fold(w) for w in t["phrase"].split()), fixed))
    for phrase in ontology().get("non_triggers", []):   # consumed, but announce no event
        rows.append((NO_EVENT, tuple(fold(w) for w in phrase.split()), {}))
    return sorted(rows, key=lambda r: -len(r[1]))


@lru_cache(maxsize=None)
def _keyset(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in ontology().get(name, []))


def definite(word: str) -> bool:
    """Whether ``word`` carries the article (after و/ف and ب/ك, or as لل); not ``الى``/``الا``
    (``article_lookalikes``: إلى and إلا written without hamza)."""
    return _DEFINITE.match(word) is not None and fold(word) not in _keyset("article_lookalikes")


def _is(word: str, name: str) -> bool:
    return bool(keys(word) & _keyset(name))


def number_value(word: str) -> int | None:
    """Integer value of a digit string or a number word (``ثمان``, ``الستين``)."""
    d = _DIGITS.fullmatch(word)
    if d:
        return int(word)
    nums = {fold(k): v for k, v in ontology()["number_words"].items()}
    for k in keys(word):
        if k in nums:
            return nums[k]
    return None


@lru_cache(maxsize=1)
def _trigger_index() -> dict[str, list[tuple[str, tuple[str, ...], dict]]]:
    idx: dict[str, list] = {}
    for row in _trigger_table():
        idx.setdefault(row[1][0], []).append(row)
    return idx


@lru_cache(maxsize=65536)
def trigger_keys(word: str) -> frozenset[str]:
    """:func:`keys` of ``word`` and of its stem without an attached pronoun (``لقاءه``, ``استقبله``,
    ``مباحثاتهما``, ``توقيعها``: ``pronoun_suffixes`` in the ontology); a hamza before the suffix
    is written on the line (``لقاءه`` = ``لقائه`` → ``لقاء``). Verbal forms keep the stem's length
    of at least three letters."""
    out = set(keys(word))
    w = re.sub(r"ئ(?=(?:ه|ها|هما|هم)$)", "ء", word)
    for suf in _suffixes():
        if w.endswith(suf) and len(w) - len(suf) >= 3 + (1 if w[:1] in "وفبلك" else 0):
            stem = w[: -len(suf)]
            out |= keys(stem)
            if stem.endswith("ت") and not stem.endswith("ات") and len(stem) > 4:
                out |= keys(stem[:-1] + "ة")   # اتفاقيته → اتفاقية
            elif stem.endswith("ا"):
                out |= keys(stem[:-1] + "ى")   # التقاه → التقى
            break
    return frozenset(out)


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(ontology().get("pronoun_suffixes", []), key=len, reverse=True))


def find_triggers(ws, lo: int = 0, hi: int | None = None) -> list[tuple[str, int, int, dict]]:
    """``(type, first word, past-last word, fixed args)`` of non-overlapping trigger matches; the
    first word may carry an attached pronoun (:func:`trigger_keys`)."""
    hi = len(ws) if hi is None else hi
    idx = _trigger_index()
    out, i = [], lo
    while i < hi:
        rows = sorted((r for k in trigger_keys(ws[i][2]) for r in idx.get(k, ())), key=lambda r: -len(r[1]))
        hit = None
        for etype, phrase, args in rows:
            n = len(phrase)
            if i + n <= hi and all(phrase[k] in keys(ws[i + k][2]) for k in range(1, n)):
                hit = (etype, i, i + n, args)
                break
        if hit:
            out.append(hit)
            i = hit[2]
        else:
            i += 1
    return out


def _is_any(word: str, forms: list[str]) -> bool:
    return bool(keys(word) & {fold(f) for f in forms})

# -------------------------------------------------------------------------- arguments
def _ents(doc: Document, a: int, b: int, labels: tuple[str, ...]) -> list[Span]:
    return [e for e in doc.spans("entities") if a <= e.start and e.end <= b and e.label in labels]


def _canon(doc: Document, e: Span) -> str:
    return e.attrs.get("canonical") or doc.text[e.start:e.end]


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
_ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def iso_date(value) -> str | None:
    """An ISO date (``YYYY[-MM[-DD]]`` or a ``START/END`` range) from a value or timestamp."""
    if not isinstance(value, str):
        return None
    if _ISO.match(value):
        return value
    m = _ISO_PREFIX.match(value.strip())
    return m.group() if m else None


def _date(doc: Document, a: int, b: int) -> tuple[str | None, str]:
    for d in doc.spans("dates"):
        if a <= d.start < b and iso_date(d.attrs.get("value")):
            return iso_date(d.attrs["value"]), "sentence"
    return iso_date(doc.published), "article"


def _place(doc: Document, a: int, b: int, exclude: set[str] = frozenset(), near: int | None = None,
           near_end: int | None = None) -> str | None:
    """A place of ``[a, b)`` after a place marker (``في``، ``بمدينة``، ``سيزور``) as written there;
    the one nearest to ``near`` if given (to ``near_end`` for one after the trigger), else the first."""
    markers = [m for m in ontology()["place_markers"]]
    found = []
    for e in _ents(doc, a, b, ("GPE", "LOC", "FAC", "ORG")):
        name = doc.text[e.start:e.end]
        if e.label == "ORG" and not is_venue(name):
            continue   # بجامعة محمد السادس: a university, a hotel, a palace is a venue; other bodies are not
        if name in exclude or _canon(doc, e) in exclude:
            continue
        before = doc.text[max(a, e.start - 14):e.start].rstrip("\"«“(")   # في "نيوم"، في مدينة (سيئول)
        prev = words(doc.text, max(a, e.start - 30), e.start)
        if len(prev) >= 2 and fold(prev[-1][2]) == fold("في") and _is(prev[-2][2], "topic_nouns"):
            continue   # الوضع في الشرق الأوسط: a topic, not the place
        if _topic_place(doc, a, e.start, near):
            continue   # هدنة في مدينة إدلب، هجوم جهادي جديد في مالي: what is talked about or happened there
        glued = words(doc.text, max(a, e.start - 30), e.start - 1) if before.endswith("ب") else []
        if glued and _is(glued[-1][2], "topic_links"):
            continue   # في ما يتعلق بسوريا: a topic, not the place
        wide = doc.text[max(a, e.start - 30):e.start]   # في العاصمة القطرية الدوحة، بالعاصمة الفرنسية باريس
        if before.endswith("ب") or any(before.rstrip().endswith(m) for m in markers) or \
                re.search(r"(?:في\s+|ب)العاصمة\s+\S+\s+$", wide):
            far = e.start - near_end if near_end is not None and e.start >= near_end else \
                abs(e.start - near) if near is not None else 0   # المؤتمر الصحفي الذي جمعه مع … في هلسنكي
            found.append((far, e.start, name))
    if not found:   # a named place first (the seeds' مقر وزارة الخارجية الأمريكية بواشنطن: Washington)
        found = [(abs(x - near) if near is not None else 0, x, t) for x, t in _venues(doc, a, b)]
    return min(found)[2] if found else None


def _topic_place(doc: Document, a: int, start: int, near: int | None) -> bool:
    """A place after في (``مدينة`` may stand between) whose phrase, up to three words back, is headed
    by a topic or incident noun (``هدنة في مدينة إدلب``، ``هجوم جهادي جديد في مالي``), the trigger
    not among those words."""
    prev = words(doc.text, max(a, start - 60), start)
    k = next((n for n in range(len(prev) - 1, max(-1, len(prev) - 3), -1) if fold(prev[n][2]) == fold("في")), None)
    if k is None or (k < len(prev) - 1 and not _is(prev[-1][2], "place_head_nouns")):
        return False
    back = prev[max(0, k - 3):k]
    if near is not None and any(x <= near < y for x, y, _ in back):
        return False
    n0 = max(0, k - 3)
    return any((_is(w, "topic_nouns") or _is(w, "incident_nouns"))   # not مستشار الأمن القومي في البيت الأبيض
               and not (n > 0 and title_at(prev, n - 1) is not None) for n, (_, _, w) in enumerate(prev[n0:k], n0))


def _venues(doc: Document, a: int, b: int) -> list[tuple[int, str]]:
    """Venues named by a venue noun after ب or في (``بقصر باردو``، ``في مقر وزارة …``) that the
    entity layer left untagged: ``(start, text)``, the noun phrase from the venue noun."""
    from marsad.extract.events_parties import noun_phrase
    ws = words(doc.text, a, b)
    ents = doc.spans("entities")
    out = []
    for k, (x, y, w) in enumerate(ws[:-1]):
        glued = w.startswith("ب") and _is(w[1:], "venue_nouns")
        if not (glued or (k and fold(ws[k - 1][2]) == fold("في") and _is(w, "venue_nouns"))):
            continue
        if any(e.start <= x + 1 < e.end for e in ents) or _PUNCT.search(doc.text[y:ws[k + 1][0]]) or \
                _is(ws[k + 1][2], "venue_fillers"):
            continue   # an organisation's name (the entity path decides), or no name after it (في قاعة أخرى)
        s, e = noun_phrase(doc, ws, k, limit=8)
        s += 1 if glued else 0
        stop = next((n for n in range(k + 1, len(ws)) if ws[n][0] < e and (
            title_at(ws, n) is not None or any(p.start == ws[n][0] and p.label == "PERSON" for p in ents))), None)
        e = ws[stop - 1][1] if stop is not None else e   # بقصر باردو الوزير …: the venue ends at a title
        if e > ws[k][1]:   # a name follows the noun (not في القاعة alone)
            out.append((s, " ".join(doc.text[s:e].split())))
    return out


def is_venue(name: str) -> bool:
    """An organisation's name that names a building (``جامعة محمد السادس``، ``فندق …``), not a body."""
    ws = name.split()
    return bool(ws) and _is(ws[0], "venue_nouns") and \
        not any(fold(name).startswith(fold(x)) for x in ontology()["venue_exceptions"])


def _phrase(doc: Document, ws, i: int, limit: int = 8) -> tuple[int, int]:
    """Words from ``ws[i]`` up to punctuation or a boundary word: ``(start, end)`` offsets."""
    bounds = [tuple(fold(x) for x in w.split()) for w in ontology()["boundary_words"]]
    k = i
    while k < len(ws) and k - i < limit:
        if k > i and _PUNCT.search(doc.text[ws[k - 1][1]:ws[k][0]]):
            break
        if k > i and any(all(b[t] in keys(ws[k + t][2]) for t in range(len(b)))
                         for b in bounds if k + len(b) <= len(ws)):
            break
        if k > i and any(d.start == ws[k][0] for d in doc.spans("dates")):
            break
        k += 1
    while k - 1 > i and _is(ws[k - 1][2], "trailing_words"):
        k -= 1   # no dangling preposition (``الدول الغربية في`` before a date)
    return ws[i][0], ws[k - 1][1]


def _name_phrase(doc: Document, ws, i: int, j: int, limit: int = 9) -> tuple[int, int]:
    """The name after a head noun: definite words, ``حول``/``من أجل`` links, entities."""
    links = _keyset("name_links")
    ents = [e for e in doc.spans("entities") if e.label in ("GPE", "LOC", "ORG", "PERSON")]
    k = j
    while k < len(ws) and k - i < limit:
        a, b, w = ws[k]
        q = re.match(r'\s*["«“]([^"«»“”\n]{1,60})["»”]', doc.text[ws[k - 1][1]:])
        if q and _is(ws[k - 1][2], "title_words"):   # مبادرة بعنوان "كن الأفضل": the quoted title too
            return ws[i][0], ws[k - 1][1] + q.end()
        if _PUNCT.search(doc.text[ws[k - 1][1]:a]) or any(d.start == a for d in doc.spans("dates")):
            break
        if fold(w) in _keyset("name_complementisers"):
            break   # في المؤتمر من أن "…": what was said begins, the name ends
        prev_link = fold(ws[k - 1][2]) in links
        definite = re.match(r"(?:[وف]?[بك]?ال|[وف]?لل)", w) is not None and \
            fold(w) not in _keyset("article_lookalikes")   # هذه القمة الى الرأي العام: a preposition
        in_ent = any(e.start <= a < e.end for e in ents)
        construct = k == j and not ws[j - 1][2].startswith("ال") and not _DIGITS.search(w) \
            and not _is(w, "name_stops")
        if not (definite or in_ent or prev_link or fold(w) in links or construct) or _is(w, "boundary_words") \
                or _is(w, "transitive_meeting_verbs"):   # قمة الاتحاد الأفريقي التقت: a verb, not ال
            close = _construct_close(doc, ws, k, ents) if k > j and not _DEFINITE.match(ws[k - 1][2]) and any(
                fold(x[2]) in _keyset("body_plurals") for x in ws[i:k]) else None
            if close is None:
                break
            k = close   # وزراء مالية دول مجموعة السبع، قادة دول قوة الساحل: a chain of constructs
        k += 1
    while k - 1 >= j and fold(ws[k - 1][2]) in links:
        k -= 1
    return ws[i][0], ws[k - 1][1]


def _construct_close(doc: Document, ws, k: int, ents) -> int | None:
    """The definite word or entity that closes a chain of indefinite construct nouns from ``ws[k]`` after a
    plural body (``وزراء مالية دول مجموعة السبع``), at most four words on, no punctuation, number or stop word
    between."""
    for n in range(k, min(len(ws), k + 4)):
        a, _, w = ws[n]
        if _PUNCT.search(doc.text[ws[n - 1][1]:a]) or _DIGITS.search(w) or w.startswith("و") or any(
                _is(w, x) for x in ("trailing_words", "name_stops", "boundary_words", "relatives", "time_words")):
            return None
        if _DEFINITE.match(w) or any(e.start <= a < e.end for e in ents):
            return n
    return None


def _figures(doc: Document, a: int, b: int) -> list[dict]:
    spans = [f for f in doc.spans("figures") if a <= f.start < b]
    if spans:
        return [{"value": f.attrs.get("value"), "unit": f.attrs.get("unit"),
                 "text": doc.text[f.start:f.end]} for f in spans]
    out = []
    ws = words(doc.text, a, b)
    for n, (x, y, w) in enumerate(ws):
        if (_DIGITS.fullmatch(w) and n + 1 < len(ws) and not (1900 <= int(w) <= 2100)
                and not _PUNCT.search(doc.text[y:ws[n + 1][0]]) and len(ws[n + 1][2]) > 1
                and not any(d.start <= x < d.end for d in doc.spans("dates"))):
            out.append({"value": int(w), "unit": ws[n + 1][2], "text": doc.text[x:ws[n + 1][1]]})
    return out


def _count_near(doc, ws, i: int) -> int | None:
    """A count in the two words before ``ws[i]`` (``ثمان اتفاقيات``, ``8 اتفاقيات``), not a year
    (``في عام 2013 والاتفاق``) nor a date."""
    if any(d.start < ws[i][0] and d.end > ws[max(0, i - 2)][0] for d in doc.spans("dates")):
        return None
    for f in doc.spans("figures"):
        if i and f.end <= ws[i][0] and f.start >= ws[max(0, i - 2)][0] and isinstance(f.attrs.get("value"), (int, float)):
            return int(f.attrs["value"])
    for k in (i - 1, i - 2):
        if k >= 0:
            v = number_value(ws[k][2])
            if v is not None:
                return v
    return None


def _split_parties(text: str) -> list[str]:
    """``وزارة … وولاية … وجهة …`` → one party per organisation head."""
    heads = _keyset("party_heads")
    parts, cur = [], []
    for w in text.split():
        if cur and w[:1] == "و" and (fold(w[1:]) in heads or fold(strip_proclitics(w[1:])[1]) in heads):
            parts.append(" ".join(cur))
            cur = [w[1:]]
        else:
            cur.append(w)
    if cur:
        parts.append(" ".join(cur))
    return parts


def _after_word(doc, ws, lo: int, hi: int, word: str) -> int | None:
    for k in range(lo, hi):
        if fold(ws[k][2]) == fold(word):
            return k + 1
    return None


def _parties_after(doc: Document, ws, lo: int, hi: int, word: str) -> list[str]:
    k = _after_word(doc, ws, lo, hi, word)
    if k is None or k >= hi:
        return []
    ents = [e for e in doc.spans("entities") if e.start == ws[k][0] and e.label in ("ORG", "GPE")]
    if fold(ws[k][2]) == fold("كل") and k + 1 < hi and fold(ws[k + 1][2]) == fold("من"):
        k += 2
    a, b = _phrase(doc, ws, k, limit=16)
    parties = _split_parties(doc.text[a:b])
    if ents and len(parties) <= 1:
        return [doc.text[ents[0].start:ents[0].end]]
    return parties
