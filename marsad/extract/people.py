"""Person mentions, titles and gender, shared by the roles and quotes stages.

A *mention* is a person name in the text: a ``PERSON`` entity, or the words right after an
honorific (``السيد``/``السيدة`` ...) when the entity layer missed it. Gender comes from the
honorific, a title (``الوزيرة``), or the first name (``data/first_names.tsv``). Short mentions
(``السغروشني``) take the canonical name of the longer mention they abbreviate.
"""
from __future__ import annotations

import copy

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[^\s\u060c\u061b\u061f,.:;!?()\[\]{}“”«»\"″„]+")
PUNCT_STOP = re.compile(r"[،,.:;؛!?؟()\[\]{}\n“”«»\"″]")
_DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """A matching key: no diacritics or tatweel, alef/ya/ta-marbuta variants folded."""
    return _DIACRITICS.sub("", s).translate(_ALEF).strip(".-")


@dataclass
class Title:
    id: str
    form: str          # the bare form in the lexicon (``وزيرة``)
    gender: str | None
    counterpart: bool = False


@dataclass
class Mention:
    """A person mention; ``start``/``end`` cover the name only (no honorific)."""

    start: int
    end: int
    name: str
    canonical: str
    gender: str | None = None
    kind: str = "entity"            # entity | honorific | title
    head: int | None = None         # start of the honorific or title before the name
    attrs: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def titles_data() -> dict:
    return json.loads((DATA / "role_titles.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _title_index() -> dict[tuple[str, ...], Title]:
    """Folded word tuples → Title (multi-word forms included)."""
    data = titles_data()
    idx: dict[tuple[str, ...], Title] = {}
    for t in data["titles"]:
        for g in ("m", "f"):
            for form in t[g]:
                words = form.split()
                if words[0].startswith("ال"):
                    words[0] = words[0][2:]
                # later words are looked up without proclitics or article (see title_at)
                key = (fold(words[0]),) + tuple(fold(strip_proclitics(w)[1]) for w in words[1:])
                idx.setdefault(key, Title(t["id"], form, g))
    for g, forms in data["counterpart"].items():
        for form in forms:
            # folding merges نظيره (his) and نظيرة (indefinite, f): the common masculine wins
            idx.setdefault((fold(form),), Title("counterpart", form, g, counterpart=True))
    return idx


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str | None]:
    return {fold(k): v for k, v in titles_data()["honorifics"].items()}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {fold(k): v for k, v in titles_data()["demonyms"].items()}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Folded first name → ``m``/``f`` (data/first_names.tsv)."""
    out: dict[str, str] = {}
    for line in (DATA / "first_names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            out.setdefault(fold(name), gender)
    return out


@lru_cache(maxsize=200_000)
def strip_proclitics(word: str) -> tuple[int, str]:
    """``(n, rest)``: strip و/ف, then ب/ل/ك, then the article; ``لل`` counts as ل + ال."""
    n = 0
    w = word
    if len(w) > 3 and w[0] in "وف":
        n, w = n + 1, w[1:]
    if len(w) > 3 and w.startswith("لل"):
        return n + 2, w[2:]
    if len(w) > 3 and w[0] in "بلك" and w[1:3] == "ال":
        n, w = n + 1, w[1:]
    if len(w) > 3 and w.startswith("ال"):
        n, w = n + 2, w[2:]
    return n, w


_WORDS: dict[tuple[str, int, int], tuple] = {}
_TEXT_WORDS: dict[str, tuple] = {}


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for each word of ``text[start:end]`` (a new list each call). The words
    of a whole text are found once (the last few hundred texts kept) and a span's words are cut from
    them: a word is a run of characters of one class, so the words of a span are the text's words
    that overlap it, clipped to it. Spans asked for are kept too (roles, quotes, events and the
    resolver ask for the same sentences again)."""
    end = len(text) if end is None else end
    key = (text, start, end)
    hit = _WORDS.get(key)
    if hit is None:
        if len(_WORDS) >= 4096:
            _WORDS.clear()
        hit = _WORDS[key] = _span_words(text, start, end)
    return list(hit)


def _span_words(text: str, start: int, end: int) -> tuple:
    if start >= end:
        return ()
    if start < 0 or end > len(text):
        return tuple((m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end))
    found = _TEXT_WORDS.get(text)
    if found is None:
        if len(_TEXT_WORDS) >= 256:
            _TEXT_WORDS.clear()
        ws = tuple((m.start(), m.end(), m.group()) for m in WORD.finditer(text))
        found = _TEXT_WORDS[text] = (ws, [w[0] for w in ws], [w[1] for w in ws])
    ws, starts, ends = found
    if start == 0 and end == len(text):
        return ws
    i, j = bisect_right(ends, start), bisect_left(starts, end)  # the words overlapping the span
    if i >= j:
        return ()
    out = ws[i:j]
    if out[0][0] < start or out[-1][1] > end:
        out = tuple((max(a, start), min(b, end), text[max(a, start):min(b, end)]) for a, b, _ in out)
    return out


@lru_cache(maxsize=1)
def title_first_words() -> frozenset[str]:
    """Folded first words of the known titles (``رئيس``, ``وزير``, ``ولي``)."""
    return frozenset(k[0] for k in _title_index())


_title_first_words = title_first_words


@lru_cache(maxsize=200_000)
def _bare_key(word: str) -> str:
    return fold(strip_proclitics(word)[1])


@lru_cache(maxsize=200_000)
def _title_firsts_of(word: str) -> tuple[str, ...]:
    """Keys of ``word`` (without, then with its proclitics) that begin some title."""
    firsts = _title_first_words()
    keys = (_bare_key(word), fold(word))
    if len(word) > 4 and word[0] in "بلك":
        keys += (fold(word[1:]),)      # ``بوزير خارجية مصر``: a preposition before an indefinite title
    return tuple(k for k in keys if k in firsts)


def title_starts(ws: list[tuple[int, int, str]]) -> list[int]:
    """The indices of the words where :func:`title_at` may find a title (it finds none elsewhere):
    a scan over a text's words visits only these."""
    firsts = _title_firsts_of
    return [i for i, w in enumerate(ws) if firsts(w[2])]


def title_at(ws: list[tuple[int, int, str]], i: int) -> tuple[Title, int] | None:
    """The title starting at word ``i`` and the index just past it, else None."""
    candidates = _title_firsts_of(ws[i][2])
    if not candidates:
        return None
    idx = _title_index()
    for first in candidates:
        for n in (3, 2, 1):
            if i + n > len(ws):
                continue
            key = (first,) + tuple(_bare_key(w) for _, _, w in ws[i + 1:i + n])
            if key in idx:
                return idx[key], i + n
    return None


@lru_cache(maxsize=200_000)
def honorific_at(word: str) -> tuple[bool, str | None]:
    """Whether ``word`` is an honorific (after و/ف) and its gender."""
    hon = honorifics()
    n, bare = strip_proclitics(word)
    for w in (word, word[1:] if word[:1] in "وف" else word, "ال" + bare if n else word):
        if fold(w) in hon:
            return True, hon[fold(w)]
    return False, None


def name_gender(name: str) -> str | None:
    """Gender of a person name from its first word, if known."""
    parts = name.split()
    return first_names().get(fold(parts[0])) if parts else None


_NAME_STOP = {fold(w) for w in (
    "في", "من", "على", "عن", "إلى", "الى", "مع", "أن", "إن", "أنه", "التي", "الذي", "حيث", "كما", "قد",
    "لقد", "خلال", "بعد", "قبل", "عند", "منذ", "حول", "أمس", "اليوم", "هذا", "هذه", "ذلك", "تلك", "بين",
    "وقد", "ثم", "أو", "لا", "لم", "لن", "ما", "عدة", "كل", "بعض", "أيضا", "الخطوط", "أمام", "جهود",
    "منه", "منها", "عنه", "عنها", "له", "لها", "به", "بها", "فيه", "فيها", "عليه", "عليها", "إليه", "إليها")}


def _name_words(text: str, ws: list[tuple[int, int, str]], i: int, known: list[str]) -> int:
    """How many words from ``ws[i]`` form a name (honorific case, no entity)."""
    n = 0
    while i + n < len(ws) and n < 4:
        a, b, w = ws[i + n]
        if n and PUNCT_STOP.search(text[ws[i + n - 1][1]:a]):
            break
        if fold(w) in _NAME_STOP or title_at(ws, i + n) or honorific_at(w)[0]:
            break
        if n and (w[:1] in "بلك" and w[1:3] == "ال" or w.startswith("لل")):
            break
        n += 1
    if n == 0:
        return 0
    # Prefer the longest prefix that is (a part of) a name already seen in the document.
    for k in range(n, 0, -1):
        cand = " ".join(w for _, _, w in ws[i:i + k])
        if any(cand == kn or f" {cand}" in f" {kn}" for kn in known):
            return k
    end_b = ws[i + n - 1][1]
    closed = end_b >= len(text) or PUNCT_STOP.match(text, end_b) or text[end_b:end_b + 2] in (" ،", " ,")
    return n if closed else min(n, 2)


def _clean_name(s: str) -> str:
    return " ".join(s.split())


def person_mentions(doc: Document) -> list[Mention]:
    """Every person mention in ``doc``: PERSON entities, then honorific + name where NER missed.

    Roles, quotes and events all ask for them: they are computed once per state of the entities
    layer and each caller gets its own copies."""
    ents = doc.layers.get("entities")
    cached = doc.__dict__.get("_person_mentions")
    if cached is None or cached[0] is not ents or cached[1] != len(ents or ()):
        cached = (ents, len(ents or ()), _person_mentions(doc))
        doc.__dict__["_person_mentions"] = cached
    return [copy.copy(m) for m in cached[2]]


def _person_mentions(doc: Document) -> list[Mention]:
    text = doc.text
    out: list[Mention] = []
    for e in doc.spans("entities"):
        if e.label != "PERSON":
            continue
        name = text[e.start:e.end]
        canonical = e.attrs.get("canonical") or _clean_name(name)
        ews = words(text, e.start, e.end)
        hit = title_at(ews, 0) if len(ews) > 1 else None
        if hit and hit[1] < len(ews) and not hit[0].counterpart:
            # the entity took the title in (``المشير خليفة حفتر``): the name starts after it
            start = ews[hit[1]][0]
            name = text[start:e.end]
            out.append(Mention(start, e.end, name, _clean_name(name), name_gender(name), "entity", head=e.start))
            continue
        out.append(Mention(e.start, e.end, name, canonical, name_gender(name), "entity"))
    covered = [(m.start, m.end) for m in out]
    ws = words(text)
    known = [m.canonical for m in out]
    for i, (a, b, w) in enumerate(ws):
        is_hon, g = honorific_at(w)
        if not is_hon or i + 1 >= len(ws):
            continue
        if PUNCT_STOP.search(text[b:ws[i + 1][0]]):
            continue
        na = ws[i + 1][0]
        hit = next((m for m in out if m.start <= na < m.end or (m.kind == "entity" and na <= m.start < na + 3)), None)
        if hit is not None:
            hit.head = a
            hit.gender = g or hit.gender
            continue
        n = _name_words(text, ws, i + 1, known)
        if n == 0:
            continue
        nb = ws[i + n][1]
        if any(s < nb and na < e for s, e in covered):
            continue
        name = text[na:nb]
        out.append(Mention(na, nb, name, _clean_name(name), g or name_gender(name), "honorific", head=a))
        covered.append((na, nb))
        known.append(_clean_name(name))
    out.sort(key=lambda m: m.start)
    _link_short_forms(out)
    return out


def _link_short_forms(mentions: list[Mention]) -> None:
    """Give a short mention (``السغروشني``) the canonical of the longer one containing it."""
    fulls = sorted(dict.fromkeys(m.canonical for m in mentions), key=lambda c: -len(c.split()))   # ties: first named
    for m in mentions:
        parts = m.canonical.split()
        for full in fulls:
            fp = full.split()
            if len(fp) > len(parts) and all(p in fp for p in parts) and fp[-1] == parts[-1]:
                m.canonical = full
                break
    genders: dict[str, str] = {}
    for m in mentions:
        if m.gender:
            genders.setdefault(m.canonical, m.gender)
    for m in mentions:
        m.gender = m.gender or genders.get(m.canonical)


def mention_at(mentions: list[Mention], pos: int, slack: int = 0) -> Mention | None:
    """The mention whose name (or honorific) starts at ``pos`` (± ``slack`` characters)."""
    for m in mentions:
        starts = {m.start} | ({m.head} if m.head is not None else set())
        if any(abs(s - pos) <= slack for s in starts):
            return m
    return None
