"""Roles: person ↔ title ↔ organisation or country, from appositions and title phrases.

Patterns (titles, honorifics and demonyms are data, ``data/role_titles.json``):

* title phrase, person — ``وزير الخارجية الفرنسي، جان نويل بارو``
* person, title phrase — ``السيدة أمل ...، الوزيرة المنتدبة لدى رئيس الحكومة ...``
* title directly before a name — ``الرئيس إيمانويل ماكرون``
* counterpart — ``ونظيرته الأمريكية، ليندا ...``: the previous role's title, another country.
* dual and plural titles before nationality + name pairs — ``الرؤساء التركي X والروسي Y``.
* after a reporting verb, name then title without comma — ``وقال X مستشار المرشد الإيراني، ...``.

Names the entity layer missed are taken when a known first name starts them, or when two or
three name-like words are closed by punctuation after a title. Word lists (phrase stops, words
that are no names, construct heads, dual/plural titles) are data too.

Each ``ROLE`` span covers the evidence phrase; attrs: person, title, org, country, title_id,
gender, person_span, title_span, date (the article's date), pattern.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.people import (_NAME_STOP, Mention, Title, _name_words, demonyms, first_names, fold,
                                   person_mentions, strip_proclitics, title_at, title_starts, titles_data,
                                   words)
from marsad.pipeline import register

DATA = Path(__file__).with_name("data")
_BOUNDARY = re.compile(r"[،,.:;؛!?؟\n()]")
_COMMA = re.compile(r"\s*[،,]\s*")
_VIA_ORG = {"ambassador", "delegate", "representative", "envoy"}
_COMMA_BEFORE = re.compile(r"[،,]\s*$")
_QUOTE = re.compile(r'["«»“”]')
_CLOSED = re.compile(r"\s*[،,.:;؛!?؟)\n]")


@lru_cache(maxsize=None)
def _words_of(key: str) -> frozenset[str]:
    """A folded word list of ``data/role_titles.json`` (phrase_stops, not_names, construct_heads)."""
    return frozenset(fold(w) for w in titles_data().get(key, []))


def _mention_in_word(mentions: list[Mention], w: tuple[int, int, str]) -> Mention | None:
    """The mention starting at word ``w`` or inside it (an entity that left a letter of the name out)."""
    for m in mentions:
        if w[0] <= m.start < w[1] or (m.head is not None and w[0] <= m.head < w[1]):
            return m
    return None


def _closed_name(doc: Document, ws, k: int, comma_only: bool = False) -> Mention | None:
    """Two or three name-like words from ``ws[k]`` closed by punctuation (a comma only, with
    ``comma_only``): an apposed name the entity layer missed (``المتحدث باسم ...، نيد برايس،``).
    An unknown first word followed by a definite one is a construct (``منفذي الهجوم``), not a name."""
    text = doc.text
    known_first = fold(ws[k][2]) in first_names() if k < len(ws) else False
    for n in range(3):
        if k + n >= len(ws):
            return None
        a, b, w = ws[k + n]
        if n and (_BOUNDARY.search(text[ws[k + n - 1][1]:a]) or _QUOTE.search(text[ws[k + n - 1][1]:a])):
            return None     # (a name spans no quotation mark: «… "تداول" خالد الحصان»)
        f = fold(w)
        if n == 0 and w[:1] in "وفبلك" and f not in first_names():
            return None     # ``ودعم العراق``, ``بزرع``: a conjunct or a preposition, not a name
        if (f in _NAME_STOP or f in _words_of("not_names") or title_at(ws, k + n)
                or not w.lstrip("#").replace("_", "").isalpha()
                or fold(strip_proclitics(w)[1] if w.startswith(("ال", "وال")) else w) in demonyms()
                or (n == 0 and w.startswith(("ال", "وال", "لل", "بال")))):
            return None
        if n == 1 and not known_first and w.startswith("ال") and not any(
                e.label == "PERSON" and e.start == a for e in doc.spans("entities")):
            return None     # (unless the entity layer tagged that word a person: «مقتدى» | «الصدر»)
        if any(e.start < b and a < e.end and e.label != "PERSON" for e in doc.spans("entities")):
            return None     # ``خارج أوروبا``: a place is no name
        close = _COMMA.match(text, b) if comma_only else _CLOSED.match(text, b)
        if n and (k + n + 1 >= len(ws) or close):
            name = text[ws[k][0]:b]
            return Mention(ws[k][0], b, name, " ".join(name.split()), None, "bare")
    return None


def _proclitic_len(word: str, title) -> int:
    """Letters of ``word`` before the title itself (``وزير`` 0, ``والوزير`` 1, ``بوزير`` 1)."""
    form = fold(title.form.split()[0])
    if word[:1] in "وف" and word[:1] != title.form[:1] and strip_proclitics(word)[0]:
        return 1
    if word[:1] in "وف" and fold(word[1:]).startswith((form, "ال" + form)) and not fold(word).startswith(form):
        return 1   # ووالي، والوالي: و + (ال)والي
    if len(word) > 4 and word[0] in "بلك" and fold(word[1:]).startswith(form[:3]):
        return 1
    return 0


def _phrase_closes(doc: Document, ws, j: int, k: int) -> bool:
    """A long title phrase may precede a name when it ends with a nationality or a named
    organisation or place (``رئيس كتلة الحرة لحركة مشروع تونس عبد الرؤوف الشريف``)."""
    if _ends_with_demonym(ws, j, k):
        return True
    end = ws[k - 1][1]
    return any(e.end == end and e.label in ("ORG", "GPE") for e in doc.spans("entities"))


def _word_after(ws, pos: int) -> int:
    """Index of the first word starting at or after ``pos``."""
    return next((n for n, w in enumerate(ws) if w[0] >= pos), len(ws))


def _ends_with_demonym(ws, j: int, k: int) -> bool:
    if k <= j:
        return False
    w = ws[k - 1][2]
    return fold(w) in demonyms() or fold(w[1:]) in demonyms()


def _sentences(doc: Document) -> list[tuple[int, int]]:
    sents = [(s.start, s.end) for s in doc.spans("sentences")]
    return sents or [(0, len(doc.text))]


def _country_phrases() -> list[tuple[str, str | None]]:
    cp = titles_data().get("country_phrases", {})
    return sorted(cp.items(), key=lambda kv: -len(kv[0]))


def _country_in(doc: Document, a: int, b: int) -> str | None:
    """The country a phrase ``[a, b)`` names: a nationality adjective, a country phrase, a GPE entity."""
    text = doc.text
    phrase = text[a:b]
    for p, c in _country_phrases():
        if " " in p and c and p in phrase:
            return c
    for _, _, w in words(text, a, b):
        c = demonyms().get(fold(strip_proclitics(w)[1] if not w.startswith("ال") else w)) or demonyms().get(fold(w))
        if c:
            return c
    for p, c in _country_phrases():
        if p in phrase and c:
            return c
    for e in doc.spans("entities"):
        if a <= e.start and e.end <= b and e.label == "GPE":
            return e.attrs.get("canonical") or text[e.start:e.end]
    return None


def _phrase_facts(doc: Document, a: int, b: int, title_id: str) -> dict:
    """Title text, organisation and country found inside the title phrase ``[a, b)``."""
    text = doc.text
    phrase = text[a:b]
    country = _country_in(doc, a, b)
    org = None
    title_end = b
    m = re.search(r"(?:^|\s)لدى\s+", phrase)
    if m and title_id in _VIA_ORG:
        title_end = a + m.start()
        org = " ".join(phrase[m.end():].split()) or None
        for p, c in _country_phrases():
            if org == p and c:
                org = c
        country = _country_in(doc, a, title_end) or country
    if org is None:
        for e in doc.spans("entities"):
            if a <= e.start and e.end <= b and e.label in ("ORG",):
                org = e.attrs.get("canonical") or text[e.start:e.end]
                break
    title = " ".join(text[a:title_end].split())
    if re.match(r"[وف]والي", title):   # ووالي جهة …: the conjunction only
        title = title[1:]
    elif not re.match(r"والي(?:ة)?(?:\s|$)", title):   # والي جهة …: the title itself begins with و
        title = re.sub(r"^[وف](?=ال)", "", title)
    title = re.sub(r"^لل(?=\S{3})", "ال", title)   # للرئيس (to the president) → الرئيس
    return {"title": title, "org": org or country, "country": country}


def _role(doc: Document, m: Mention, ta: int, tb: int, title, pattern: str, **extra) -> Span:
    facts = extra.pop("facts", None) or _phrase_facts(doc, ta, tb, title.id)
    a = min(ta, m.head if m.head is not None else m.start)
    b = max(tb, m.end)
    gender = m.gender or title.gender
    attrs = {"person": m.canonical, "title": facts["title"], "org": facts["org"],
             "country": facts["country"], "title_id": title.id, "gender": gender,
             "person_span": [m.start, m.end], "title_span": [ta, tb],
             "date": doc.published, "pattern": pattern}
    attrs.update(extra)
    return Span(a, b, "ROLE", attrs)


def _bare_mention(doc: Document, ws, j: int) -> Mention | None:
    """A name the entity layer missed: a known first name and the name words after it."""
    if j >= len(ws) or fold(ws[j][2]) not in first_names() or fold(ws[j][2]) in _NAME_STOP:
        return None
    n = _name_words(doc.text, ws, j, [])
    if n == 0:
        return None
    a, b = ws[j][0], ws[j + n - 1][1]
    name = doc.text[a:b]
    return Mention(a, b, name, " ".join(name.split()), first_names()[fold(ws[j][2])], "bare")


def extract_roles(doc: Document, mentions: list[Mention] | None = None) -> list[Span]:
    """All ROLE spans of ``doc`` (uses the entity layer when present, honorifics otherwise)."""
    text = doc.text
    mentions = person_mentions(doc) if mentions is None else mentions
    out: list[Span] = []
    for sa, sb in _sentences(doc):
        ws = words(text, sa, sb)
        _title_then_person(doc, ws, mentions, out)
        _person_then_title(doc, ws, mentions, out)
        _group_titles(doc, ws, mentions, out)
        _speaker_then_title(doc, ws, mentions, out)
    out.sort(key=lambda s: (s.start, s.end))
    _counterparts(doc, out)
    seen, uniq = set(), []
    for r in out:
        key = (r.attrs["person"], tuple(r.attrs["title_span"]))
        if key not in seen:
            seen.add(key)
            uniq.append(r)
    return uniq


def _title_then_person(doc, ws, mentions, out) -> None:
    text = doc.text
    covered = 0         # words before this index belong to an earlier title phrase
    for i in title_starts(ws):
        if i < covered:
            continue
        hit = title_at(ws, i)
        if hit is None:
            continue
        title, j = hit
        # extend the phrase to the end of the clause, or to a name, or to a second title right
        # before a name (``ولي العهد السعودي الأمير محمد``: the second title is an honorific)
        k, inner = j, None
        while k < len(ws) and not _BOUNDARY.search(text[ws[k - 1][1]:ws[k][0]]):
            after_demonym = _ends_with_demonym(ws, j, k)
            if _mention_in_word(mentions, ws[k]) or ((k - j <= 2 or after_demonym) and _bare_mention(doc, ws, k)) \
                    or (after_demonym and k - i <= 7 and _closed_name(doc, ws, k, comma_only=True)):
                break
            if fold(ws[k][2]) in _words_of("phrase_stops"):
                break
            h2 = title_at(ws, k)
            if h2 and h2[0].counterpart:
                break       # ``... مع نظيره الفرنسي`` starts a new phrase
            if h2 and ws[k][2][:1] == "و" and _proclitic_len(ws[k][2], h2[0]):
                break       # ``... والناطق الرسمي للحركة X وعضو المكتب Y``: a conjunct title starts one too
            if h2 and h2[1] < len(ws) and \
                    not _BOUNDARY.search(text[ws[h2[1] - 1][1]:ws[h2[1]][0]]) and \
                    (_mention_in_word(mentions, ws[h2[1]]) or _bare_mention(doc, ws, h2[1])):
                if (ws[k][2][:2] == "لل" or ws[k][2][:1] == "ل" and _proclitic_len(ws[k][2], h2[0])) \
                        and not _ends_with_demonym(ws, k, h2[1]):
                    break   # ``المستشار الاقتصادي للرئيس شي``: the name is the inner title's (الرئيس شي)
                inner = h2[1]
                break
            k += 1
        covered = k
        ta, tb = ws[i][0] + _proclitic_len(ws[i][2], title), ws[k - 1][1]
        if text.count('"', ta, tb) % 2 and text[tb:tb + 1] == '"':
            tb += 1     # the closing quote of a name in the title (لشركة … "تداول")
        if inner is not None:
            m = _mention_in_word(mentions, ws[inner]) or _bare_mention(doc, ws, inner)
            if not title.counterpart:
                out.append(_role(doc, m, ta, tb, title, "title_name"))
            covered = _word_after(ws, m.end)
            continue
        if k < len(ws) and not _BOUNDARY.search(text[ws[k - 1][1]:ws[k][0]]):
            m = _mention_in_word(mentions, ws[k])       # title directly before a name
            if m and m.start > ws[k][0] and (m.head is None or m.head > ws[k][0]) \
                    and not _ends_with_demonym(ws, j, k):
                m = None    # ``خلفاً لجونسون``: a preposition, not a name cut by the entity layer
            if k > j and fold(ws[k - 1][2]) in _words_of("prepositions_before_object"):
                continue    # ``الرئيس الفرنسي في بيان``: the word after في is its object, not the holder
            if m is None and (k - j <= 2 or _ends_with_demonym(ws, j, k)):
                m = _bare_mention(doc, ws, k) or (_closed_name(doc, ws, k, comma_only=True)
                                                  if _ends_with_demonym(ws, j, k) else None)
            # an indefinite title right before a noun is a construct (``ملكة جمال``), not a name
            construct = (k == j and "ال" not in ws[i][2][:4] and not ws[i][2].startswith("لل")
                         and not title.counterpart)
            # an item of a list of officials («…، ورئيس مجلس إدارة هيئة السوق المالية محمد القويز،»):
            # a conjunct title after a comma may run longer before a name the tagger found
            item = ws[i][2][:1] == "و" and _proclitic_len(ws[i][2], title) and m is not None \
                and m.kind == "entity" and _COMMA_BEFORE.search(text, max(0, ws[i][0] - 3), ws[i][0])
            if m and (k - j <= 4 or (k - j <= 6 and _phrase_closes(doc, ws, j, k)) or (item and k - j <= 8)) \
                    and not construct:
                covered = _word_after(ws, m.end)
                if title.counterpart:
                    out.append(_role(doc, m, ta, tb, title, "counterpart",
                                     facts={"title": None, "org": None, "country": None}))
                else:
                    out.append(_role(doc, m, ta, tb, title, "title_name"))
            continue
        gap = text[tb:ws[k][0]] if k < len(ws) else ""
        if k >= len(ws) or not _COMMA.fullmatch(gap):
            continue
        m = _mention_in_word(mentions, ws[k]) or _bare_mention(doc, ws, k)
        definite = k - i > 1 or "ال" in ws[i][2][:4]      # not a bare ``أمين`` after a name
        if m is None and definite and k - i <= 7 and not any(c in text[ta:tb] for c in "\"«»“”"):
            m = _closed_name(doc, ws, k)    # ``title، two or three words،``
        if m is None:
            continue
        covered = _word_after(ws, m.end)
        if title.counterpart:
            out.append(_role(doc, m, ta, tb, title, "counterpart",
                             facts={"title": None, "org": None, "country": None}))
        else:
            out.append(_role(doc, m, ta, tb, title, "title_comma_name"))




@lru_cache(maxsize=1)
def _titles_by_id() -> dict[str, dict]:
    return {t["id"]: t for t in titles_data()["titles"]}


@lru_cache(maxsize=1)
def _group_re() -> re.Pattern[str]:
    """Any dual or plural title form (a cheap test before looking at each word)."""
    forms = [f for fs in titles_data().get("group", {}).values() if isinstance(fs, list) for f in fs]
    return re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)) or "(?!)")


@lru_cache(maxsize=1)
def _group_forms() -> dict[str, str]:
    """Folded dual/plural title (``رؤساء``) → title id."""
    out = {}
    for tid, forms in titles_data().get("group", {}).items():
        if isinstance(forms, list):
            out.update({fold(f): tid for f in forms})
    return out


def _group_titles(doc, ws, mentions, out) -> None:
    """``الرؤساء التركي رجب طيب أردوغان والروسي فلاديمير بوتين``: one role per nationality + name."""
    groups = _group_forms()
    if not groups or not ws or not _group_re().search(doc.text, ws[0][0], ws[-1][1]):
        return
    text = doc.text
    tdata = _titles_by_id()
    for i, (a, _, w) in enumerate(ws):
        tid = groups.get(fold(strip_proclitics(w)[1])) or groups.get(fold(w))
        if tid is None or tid not in tdata:
            continue
        if i and (title_at(ws, i - 1) or fold(strip_proclitics(ws[i - 1][2])[1]) in _words_of("construct_heads")):
            continue    # ``رئيس الوزراء الإسرائيلي``: the plural belongs to a title
        k, first = i + 1, True
        while k + 1 < len(ws) and not _BOUNDARY.search(text[ws[k - 1][1]:ws[k][0]]):
            dem = ws[k][2]
            bare = dem[1:] if dem[:1] == "و" and not first else dem
            if fold(bare) not in demonyms():
                break
            m = _mention_in_word(mentions, ws[k + 1]) or _bare_mention(doc, ws, k + 1)
            if m is None:
                break
            base = tdata[tid]["m"][0]
            title = Title(tid, base, m.gender or "m")
            ta = a if first else ws[k][0] + (len(dem) - len(bare))
            facts = {"title": ("ال" + base if not base.startswith("ال") else base) + " " + bare,
                     "org": demonyms()[fold(bare)], "country": demonyms()[fold(bare)]}
            out.append(_role(doc, m, ta, ws[k][1], title, "group", facts=facts))
            first = False
            k = _word_after(ws, m.end)
            if k < len(ws) and not ws[k][2].startswith("و"):
                break


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    data = json.loads((DATA / "reporting_verbs.json").read_text(encoding="utf-8"))
    return frozenset(fold(v) for v in data["verbs"])


def _speaker_name(doc, ws, j: int) -> Mention | None:
    """A known first name and the name words after it (``علي`` is a name here, not ``على``)."""
    w = ws[j][2]
    if fold(w) not in first_names() or w in ("على", "إلى", "الى"):
        return None
    n = 1 + _name_words(doc.text, ws, j + 1, []) if j + 1 < len(ws) else 1
    n = min(n, 4)
    if n > 1 and _BOUNDARY.search(doc.text[ws[j][1]:ws[j + 1][0]]):
        n = 1
    a, b = ws[j][0], ws[j + n - 1][1]
    return Mention(a, b, doc.text[a:b], " ".join(doc.text[a:b].split()), first_names()[fold(w)], "bare")


def _speaker_then_title(doc, ws, mentions, out) -> None:
    """``وقال علي أكبر ولايتي مستشار المرشد الأعلى الإيراني، ...``: after a reporting verb, the
    speaker's name directly followed (no comma) by a title phrase with a nationality, closed by a comma."""
    text = doc.text
    verbs = _reporting_verbs()
    for i in range(len(ws) - 2):
        w = ws[i][2]
        if fold(w) not in verbs and not (w[:1] in "وف" and fold(w[1:]) in verbs):
            continue
        m = _mention_in_word(mentions, ws[i + 1]) or _speaker_name(doc, ws, i + 1)
        if m is None:
            continue
        k = _word_after(ws, m.end)
        if k >= len(ws) or text[m.end:ws[k][0]].strip():
            continue
        hit = title_at(ws, k)
        if hit is None or hit[0].counterpart:
            continue
        title, j = hit
        p = j
        while p < len(ws) and p - k < 7 and not _BOUNDARY.search(text[ws[p - 1][1]:ws[p][0]]):
            p += 1
        if p < len(ws) and not _COMMA.match(text, ws[p - 1][1]):
            continue
        if not any(_ends_with_demonym(ws, j, q) for q in range(j + 1, p + 1)):
            continue
        out.append(_role(doc, m, ws[k][0], ws[p - 1][1], title, "name_title"))


def _person_then_title(doc, ws, mentions, out) -> None:
    text = doc.text
    starts = {w[0]: n for n, w in enumerate(ws)}
    for m in mentions:
        g = _COMMA.match(text, m.end)
        if not g or g.end() not in starts:
            continue
        i = starts[g.end()]
        hit = title_at(ws, i)
        if hit is None or hit[0].counterpart:
            continue
        w = ws[i][2]
        if w[:1] in "وفبلك" and (w[1:].startswith("ال") or w[1:2] in "وفل" or hit[0].form[:1] != w[:1]):
            continue  # a new conjunct (``والوزير``) or a preposition (``بوزير``), not an apposition (``وزير``)
        title, j = hit
        k = j
        while k < len(ws) and not _BOUNDARY.search(text[ws[k - 1][1]:ws[k][0]]):
            k += 1
        out.append(_role(doc, m, ws[i][0], ws[k - 1][1], title, "name_comma_title"))


def _counterparts(doc: Document, roles: list[Span]) -> None:
    """Fill a counterpart role from the nearest earlier role: same title, the stated country."""
    tdata = {t["id"]: t for t in titles_data()["titles"]}
    for n, r in enumerate(roles):
        if r.attrs["pattern"] != "counterpart":
            continue
        prev = next((p for p in reversed(roles[:n]) if p.attrs["pattern"] != "counterpart"), None)
        ta, tb = r.attrs["title_span"]
        facts = _phrase_facts(doc, ta, tb, "counterpart")
        if prev is None:
            r.attrs.update(title=" ".join(doc.text[ta:tb].split()), org=facts["country"],
                           country=facts["country"])
            continue
        tid = prev.attrs["title_id"]
        g = r.attrs["gender"] or "m"
        forms = tdata.get(tid, {}).get(g) or [prev.attrs["title"]]
        base = forms[0] if forms[0].startswith("ال") else "ال" + forms[0]
        dem = next((w for _, _, w in words(doc.text, ta, tb) if fold(w) in demonyms()), "")
        prev_org = prev.attrs["org"] if prev.attrs["org"] != prev.attrs["country"] else None
        r.attrs.update(title=" ".join(f"{base} {re.sub('^[وف]', '', dem)}".split()),
                       title_id=tid, org=prev_org or facts["country"],
                       country=facts["country"], counterpart_of=prev.attrs["person"])


def roles_by_person(doc: Document) -> dict[str, list[dict]]:
    """Person canonical → their roles in ``doc`` (title, org, country, date, evidence offsets)."""
    out: dict[str, list[dict]] = {}
    for r in doc.spans("roles"):
        out.setdefault(r.attrs["person"], []).append({**r.attrs, "evidence": [r.start, r.end]})
    return out


@register("roles", requires=("sentences", "entities"), provides=("roles",))
def make_roles(**config):
    """Person ↔ title ↔ organisation/country from appositions and title phrases."""
    def stage(doc: Document) -> None:
        doc.set_layer("roles", extract_roles(doc))
    return stage
