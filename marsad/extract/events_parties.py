"""Who takes part in an event, read from the trigger's clause.

* The clause: from the sentence start, an opening quotation mark, or a bare complementiser
  before the trigger (``قال ناطق … إن المباحثات بين …``: the speaker before ``إن`` is no
  participant; ``أنه بحث`` keeps the subject, ``أن يلتقي`` is no boundary), up to a word after which the sentence talks about something else (``حول``، ``بشأن``،
  ``قضية``، ``مؤكدا`` … — ``participant_stops`` in ``data/events.json``).
* People: named mentions and role holders (the name; the title when the person is unnamed), bare
  titles resolved in the document (``الوزيرة``) and unresolved ones (``الوزير المصري``); a title in
  apposition to a name (``برئيس الوزراء الإسرائيلي، بنيامين نتنياهو``) is the name, not a second
  participant. Written without a leading proclitic.
* Countries and organisations as parties (``اجتمعت فرنسا وصربيا``): entities of the clause that
  are not the place (after ``في``/``ب``) and not a topic.
* A noun phrase is cut at entity boundaries (:func:`noun_phrase`): after a definite word or an
  entity, an indefinite word that is not a conjoined definite ends it (``الإسرائيليين
  والفلسطينيين وصفه`` → ``الإسرائيليين والفلسطينيين``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.doc import Document
from marsad.extract.events_args import (_DIGITS, _PUNCT, NO_EVENT, _is, definite, find_triggers, keys, ontology)
from marsad.extract.people import demonyms, fold, strip_proclitics, title_at, words

_DATELINE = re.compile(r"[^\n.]{0,70}?(?:\([A-Za-z ]+\)\s*)?(?:--|—|–)")
_PUNCT_ANY = re.compile(r"[.!?؟؛:،,\n()\"«»]")
_QUOTED = re.compile(r' ?["«“][^"«»“”\n]{1,50}["»”]')
_COMPLEMENTISERS = {fold(w) for w in ("إن", "أن", "بأن", "وإن", "وأن", "فإن")}


def clause_bounds(doc: Document, ws, i: int, j: int, s_start: int, s_end: int) -> tuple[int, int]:
    """``(lo, hi)`` offsets of the trigger's clause (see the module docstring)."""
    lo, hi = s_start, s_end
    noun_comp = None
    opened = max(doc.text.rfind(q, s_start, ws[i][0]) for q in ("«", "“", '"'))
    if opened > s_start and doc.text.count('"', s_start, opened) % 2 == 0:   # قالت بارلي "سيتم توقيع …
        lo = opened + 1
    colon = doc.text.rfind(":", lo, ws[i][0])
    if colon > lo and not any(c in doc.text[colon:ws[i][0]] for c in "«“\""):
        lo = colon + 1   # خزف مذهب وزهور بيضاء: ماكرون التقى …: a headline's topic before the colon
    for k in range(i - 1, -1, -1):
        if ws[k][1] <= lo:
            break
        if fold(ws[k][2]) in _COMPLEMENTISERS:
            if k < i - 1:   # not أن يلتقي (a subjunctive verb right after it)
                lo = ws[k][1]
            elif not _verb_like(ws[i][2]):   # وأعلنت الخرطوم أن محادثات الوزراء في السودان …: when names follow
                noun_comp = ws[k][1]
            break
        if _is(ws[k][2], "clause_openers") and any(
                ws[k][1] <= e.start < ws[i][0] for e in doc.spans("entities") if e.label == "PERSON"):
            lo = ws[k][1]   # وأضاف أبو ردينة من موسكو، حيث عقد عباس محادثات: not the speaker (but
            break           # بينما يستعد للسفر … للقاء كيم: the subject is the main clause's)
    q = ws[j - 1][1]   # مع الوزير على هامش الاجتماع "نحن عازمون …": a quotation (four words or more, not a
    while (m := re.compile(r'[«“"]').search(doc.text, q, hi)) is not None:   # quoted name) is another clause
        close = re.compile(r'[»”"]').search(doc.text, m.end(), hi)
        if len(doc.text[m.end():close.start() if close else hi].split()) >= 4:
            hi = m.start()
            break
        q = close.end() if close else hi
    colon = doc.text.find(":", ws[j - 1][1], hi)   # الرئيس الشيشاني يجتمع بالملك سلمان: السعودية تنسق …
    if colon > 0 and any(ws[j - 1][1] <= e.start < colon for e in doc.spans("entities")):
        hi = colon   # a headline's or a speaker's colon: what follows is another clause
    for k in range(j, len(ws)):
        if ws[k][0] >= hi:
            break
        if k > j and (fold(ws[k][2]) in _COMPLEMENTISERS or _is(ws[k][2], "pronoun_complementisers")):
            hi = ws[k][0]   # عقب اجتماع مع مسؤولي الأمم المتحدة، خلال مؤتمر صحفي، إنه جرى …: what was said
            break
        if _is(ws[k][2], "participant_stops") or (k > j + 2 and _is(ws[k][2], "relatives")) or (
                k > j and k + 1 < len(ws) and _is(ws[k][2], "clause_links") and (
                    fold(ws[k + 1][2]) in _COMPLEMENTISERS or _another_event(ws, k + 1))):
            hi = ws[k][0]   # … في نيوم، وهي المنطقة التي أعلن …، قبل أن يلتقي الأخير …: another clause
            break
    if noun_comp is not None and any(ws[j - 1][1] <= e.start < hi and e.label in ("PERSON", "GPE", "ORG")
                                     for e in doc.spans("entities")):
        lo = noun_comp
    return lo, hi


def quote_speaker(bld, doc: Document, ws, i: int, lo: int, s) -> tuple[int, int, str, str] | None:
    """The speaker of a quotation whose first-person verb tells the meeting (``وقال ترامب على تويتر "أجريت
    اتصالا هاتفيا … مع ماكرون"``): the last person named before the quotation mark at ``lo``."""
    if not (lo > s.start and doc.text[lo - 1] in "«“\"" and any(_is(w, "first_person_verbs") for _, _, w in ws[max(0, i - 2):i + 1])):
        return None
    prior = [x for x in sorted(bld.persons + bld.title_refs) if s.start <= x[0] and x[1] < lo]
    return (prior[-1][0], prior[-1][1], doc.text[prior[-1][0]:prior[-1][1]], prior[-1][2]) if prior else None


def visit_destination(doc: Document, e) -> bool:
    """A place glued to ل after a visit word and at most two words (``زيارة الحريري للرياض``)."""
    name = doc.text[e.start:e.end]
    if not (doc.text[e.start - 1:e.start] == "ل" or (name.startswith("لل") and not doc.text[e.start - 1:e.start].strip())):
        return False
    prev = words(doc.text, max(0, e.start - 40), e.start - (doc.text[e.start - 1:e.start] == "ل"))
    return any(_is(w, "visit_words") for _, _, w in prev[-3:])


def discussed(doc: Document, ws, i: int, j: int, hi: int) -> set[str]:
    """Countries between a discussion verb and مع (``يعتزم بحث سبل زيادة الاستثمارات السعودية في روسيا، مع
    وزير الطاقة``): what is discussed, not who discusses."""
    if not _is(ws[i][2], "discussion_verbs"):
        return set()
    k = next((k for k in range(j, min(len(ws), j + 8)) if ws[k][0] < hi and fold(ws[k][2]) == fold("مع")), None)
    if k is None:
        return set()
    return {doc.text[e.start:e.end] for e in doc.spans("entities") if ws[j][0] <= e.start < ws[k][0]} if j < k else set()


def joiner(bld, doc: Document, ws, i: int, s, before: list) -> str | None:
    """The person who joins, before a join verb (``join_verbs``): the last one named in the sentence when
    no country or organisation stands after them, or one with a relative after the name (``سليم الجبوري
    الذي ترك الحزب الإسلامي وانضم``); countries and organisations after a glued ب/ل (``التحق بقوات
    البشمركة``، ``بجامعة بغداد``) are no subjects."""
    if not _is(ws[i][2], "join_verbs"):
        return None
    def aside(x: int) -> bool:   # فؤاد حسين (مواليد خانقين، 1949): an aside
        return doc.text.rfind("(", s.start, x) > doc.text.rfind(")", s.start, x)

    def glued(e) -> bool:
        prev = words(doc.text, max(s.start, e.start - 20), e.start)
        if aside(e.start):
            return True
        return doc.text[e.start - 1:e.start] in ("ب", "ل") or bool(
            prev and prev[-1][1] >= e.start - 1 and len(prev[-1][2]) >= 4 and prev[-1][2][0] in "بل"
            and not definite(prev[-1][2]) and not prev[-1][2].startswith("لل"))
    subjects = [e for e in before if not glued(e)]
    people = [(a, b, c) for a, b, c in bld.persons if s.start <= a and b <= ws[i][0] and not aside(a)]
    if not people:
        return None
    a, b, c = people[-1]
    if not subjects or subjects[-1].start < a:
        return doc.text[a:b]
    rel = next((p for p in reversed(people) if p[1] < subjects[-1].start and any(
        _is(w, "relatives") for _, _, w in words(doc.text, p[1], min(ws[i][0], p[1] + 12))[:1])), None)
    return doc.text[rel[0]:rel[1]] if rel else None


def reported(doc: Document, ws, j: int, end: int) -> int:
    """Where what is said after the trigger begins (``خلال لقاء عقده مع الأسد أن بدء العملية السياسية في
    سوريا …``، ``في اتصال هاتفي، بأن الولايات المتحدة قلقة … في مصر``): the first complementiser after it, else
    ``end``; a place there is what was said, not where the event took place."""
    return next((a for a, _, w in ws[j:] if a < end and (fold(w) in _COMPLEMENTISERS or _is(w, "pronoun_complementisers")
                                                          or fold(w) == fold("بأن"))), end)


def _verb_like(word: str) -> bool:
    """Not a bare meeting or agreement noun (``محادثات``، ``لقاء``): a verb (``يلتقي``، ``استقبل``) or a noun
    with a pronoun (``اتصالاته``), whose subject or possessor stands before the complementiser."""
    return not (_is(word, "construct_place_nouns") or _is(word, "meeting_nouns"))


def _another_event(ws, k: int) -> bool:
    """A meeting word at ``k`` (``بعد اتصال الأربعاء بنظيره``): another event, whose people take no part."""
    return any(t[0] == "MEETING" and t[1] == k for t in find_triggers(ws, k, min(len(ws), k + 3)))


def _unclitic(doc: Document, a: int, b: int) -> int:
    """Start of a title reference without و/ف and ب/ل/ك before it (``برئيس`` → ``رئيس``,
    ``والوزير`` → ``الوزير``); names are left as the entity layer cut them."""
    w = doc.text[a:b].split(" ")[0]
    for cut in (2, 1):
        rest = w[cut:]
        if len(rest) > 2 and all(c in "وفبلك" for c in w[:cut]) and (cut == 1 or w[0] in "وف") \
                and title_at(words(doc.text, a + cut, min(len(doc.text), b + 40)), 0):
            return a + cut
    return a


def clause_people(bld, doc: Document, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, text, canonical)`` of the people named or referred to in ``[lo, hi)``."""
    roles = doc.spans("roles") if doc.has_layer("roles") else []
    cands = [(s, e, c, 2) for s, e, c in bld.persons] + [(s, e, c, 1) for s, e, c in bld.title_refs] + \
        [(s, e, doc.text[s:e], 0) for s, e in bld.unresolved]
    out: list[tuple[int, int, str, str]] = []
    ends = [e for _, e, _ in bld.persons] + [r.end for r in roles]
    for s, e, c, rank in sorted(cands, key=lambda x: (x[0], -x[3])):
        if not (lo <= s < hi):
            continue
        if rank < 2 and any(r.start <= s < r.end or s <= r.start < e for r in roles):
            continue   # a title in apposition to a name: the role gives the name
        if rank < 2 and any(0 <= s - x <= 3 and not doc.text[x:s].strip(" ،,") for x in ends):
            ends.append(e)   # محمد بن سلمان ولي العهد نائب رئيس مجلس الوزراء: titles of the name before
            if rank == 0:
                continue
        if rank < 2 and any(0 <= ps - e <= 30 and all(is_demonym(w) for w in doc.text[e:ps].replace("،", " ").split())
                            for ps, _, _ in bld.persons):
            continue   # نظيره الألماني هايكو ماس، السفير التركي سردار كيليج: the name follows
        if any(max(s, x[0]) < min(e, x[1]) for x in out) or _aside(doc, s):
            continue
        a, b = (_unclitic(doc, s, e) if rank < 2 else s), e
        text = " ".join(doc.text[a:b].split())
        if rank == 1 and c:   # الرئيس الفرنسي resolved in the document: the person's name
            text = c
        if text and all(c != x[3] for x in out):
            out.append((a, b, text, c))
    return out


def clause_parties(doc: Document, ws, lo: int, hi: int, place: str | None,
                   labels: tuple[str, ...] = ("GPE", "ORG")) -> list[str]:
    """Countries and organisations of ``[lo, hi)`` that act (not the place, not after a place marker)."""
    out: list[str] = []
    for e in doc.spans("entities"):
        if e.label not in labels or not (lo <= e.start and e.end <= hi):
            continue
        name = doc.text[e.start:e.end]
        if name == place or (e.attrs.get("canonical") or name) == place:
            continue
        if _dateline_end(doc, lo) > e.start:
            continue   # دبي، الإمارات العربية المتحدة (CNN) –: where the story was filed
        before = doc.text[max(lo, e.start - 12):e.start].rstrip("\"«“(")   # صفحته ب"تويتر": where, not who
        prev = before.split()[-1] if before.split() else ""
        if before.endswith(("ب", "في ", "ب ", "بـ")) or (prev and _is(prev, "place_or_topic_words")) \
                or (prev and _is(prev, "construct_place_nouns")):   # محادثات جنيف: the place
            continue
        if name not in out:
            out.append(name)
    return out


def _dateline_end(doc: Document, lo: int) -> int:
    """End of a dateline at the start of the text (``لندن، بريطانيا (CNN) --``), else 0."""
    m = _DATELINE.match(doc.text, 0, min(len(doc.text), 90))
    return m.end() if m and lo <= m.end() else 0


def noun_phrase(doc: Document, ws, k: int, limit: int = 8) -> tuple[int, int]:
    """The noun phrase from ``ws[k]``, cut at entity boundaries: ``(start, end)`` offsets.

    It ends at punctuation, a date, a boundary or trailing word (``على``، ``في``، ``بينها``), a
    number after its first word, or — once a definite word or an entity has been read — at an
    indefinite word that does not continue an entity and is not a conjoined definite (``و`` +
    ``ال``)."""
    ents = [e for e in doc.spans("entities") if e.label in ("GPE", "ORG", "PERSON", "LOC")]
    dates = {d.start for d in doc.spans("dates")}
    seen_def = False
    n = k
    while n < len(ws) and n - k < limit:
        a, b, w = ws[n]
        in_ent = next((e for e in ents if e.start <= a < e.end or a < e.start <= a + 2 < b), None)   # وبلجيكا
        if n > k:
            counted = _is(ws[n - 1][2], "quantifiers") or (n - 2 >= k and _is(ws[n - 2][2], "quantifiers")) or \
                (n - 2 <= k and bool(keys(ws[k][2]) & _party_nouns()))   # وفدا من رجال الأعمال
            if _PUNCT.search(doc.text[ws[n - 1][1]:a]) or a in dates or (_DIGITS.search(w) and not counted):
                break
            if not (counted and fold(w) == fold("من")) and (
                    _is(w, "boundary_words") or _is(w, "trailing_words") or _is(w, "phrase_stops")):
                break
            if _is(w, "signing_words") or any(t[0] != NO_EVENT for t in find_triggers([ws[n]])):
                break   # رؤساء شركات ووقع اتفاقات: the next event
            if in_ent is None and len(w) >= 6 and w[0] == "ل" and w[1] in "اإأت" and not w.startswith("لل"):
                break   # مع أسياس لاستئناف العلاقات: a purpose, not the party
            cont = in_ent is not None and in_ent.start < a   # inside the entity begun before
            if seen_def and not cont and not definite(w) and in_ent is None:
                break
        seen_def = seen_def or definite(w) or in_ent is not None
        if in_ent is not None and in_ent.end > b:   # take the whole entity
            while n + 1 < len(ws) and ws[n + 1][0] < in_ent.end:
                n += 1
        n += 1
    while n - 1 > k and _is(ws[n - 1][2], "trailing_words"):
        n -= 1
    q = _QUOTED.match(doc.text, ws[k][1]) if n == k + 1 and not definite(ws[k][2]) else None
    return ws[k][0], q.end() if q else ws[n - 1][1]   # صندوق "رؤية سوفت بنك": a head and its quoted name


def is_party_start(doc: Document, ws, k: int, starts: list[int]) -> bool:
    """Whether a person, a title or a party noun (``وفد``، ``رؤساء``) begins at word ``k``
    (a preposition ب before it allowed: ``التقى بالوفد``)."""
    a, b, w = ws[k]
    if any(a <= x < b for x in starts) or title_at(ws, k):
        return True
    return bool(keys(w) & _party_nouns()) or (w[:1] == "ب" and bool(keys(w[1:]) & _party_nouns()))


@lru_cache(maxsize=1)
def _demonym_keys() -> frozenset[str]:
    return frozenset(fold(strip_proclitics(x)[1]) for x in demonyms())


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a nationality adjective (``السعودي``، ``الأمريكية``)."""
    return fold(strip_proclitics(word)[1]) in _demonym_keys()


def _party_nouns() -> frozenset[str]:
    from marsad.extract.events_args import _keyset
    return _keyset("party_nouns")


def entity_chain(doc: Document, ws, k: int) -> list[str]:
    """Entities conjoined from word ``k`` (``ألمانيا وبلجيكا والدنمارك``), as written."""
    a, b = noun_phrase(doc, ws, k, limit=24)
    return [doc.text[e.start:e.end] for e in doc.spans("entities")
            if e.label in ("GPE", "ORG", "PERSON", "LOC") and a <= e.start and e.end <= b]


def parties_after(doc: Document, ws, lo: int, hi: int, word: str) -> list[str]:
    """The parties after ``word`` (``مع``، ``بين``، ``من جانب``) in ``ws[lo:hi]``: organisations
    split at their heads (``وزارة … وولاية … وجهة …``), the entities of a conjoined list, else the
    noun phrase cut at entity boundaries (``مع ثمانية بلدان أخرى على آلية`` → ``ثمانية بلدان أخرى``)."""
    from marsad.extract.events_args import _after_word, _phrase, _split_parties
    k = _after_word(doc, ws, lo, hi, word)
    if k is None or k >= hi:
        return []
    if fold(ws[k][2]) == fold("كل") and k + 1 < hi and fold(ws[k + 1][2]) == fold("من"):
        k += 2
    a, b = _phrase(doc, ws, k, limit=16)
    heads = _split_parties(doc.text[a:b])
    if len(heads) > 1:
        return heads
    chain = entity_chain(doc, ws, k)
    if chain and any(e.start == ws[k][0] for e in doc.spans("entities")):
        return chain
    a, b = noun_phrase(doc, ws, k)
    return [doc.text[a:b]]


def passive_agents(doc: Document, ws, lo: int, hi: int) -> list[str]:
    """Parties of a passive (``سيتم توقيع … من جانب ألمانيا وبلجيكا``; ``passive_agents`` in the ontology)."""
    out: list[str] = []
    for n in range(lo, hi - 1):
        for phrase in _passive_phrases():
            if all(n + t < hi and fold(ws[n + t][2]) == phrase[t] for t in range(len(phrase))):
                k = n + len(phrase)
                if k < hi and fold(ws[k][2]) not in _agent_stops():   # من جانب واحد: unilaterally
                    out += [p for p in (entity_chain(doc, ws, k) or parties_after(doc, ws, k - 1, hi, ws[k - 1][2]))
                            if p not in out]
    return out


@lru_cache(maxsize=1)
def _agent_stops() -> frozenset[str]:
    from marsad.extract.events_args import ontology
    return frozenset(fold(w) for w in ontology().get("passive_agent_stops", []))


@lru_cache(maxsize=1)
def _passive_phrases() -> tuple[tuple[str, ...], ...]:
    from marsad.extract.events_args import ontology
    return tuple(tuple(fold(w) for w in p.split()) for p in ontology().get("passive_agents", []))


def own_session(doc: Document, ws, j: int) -> bool:
    """A meeting noun before one body of a country (``اجتماع مجلس الوزراء``، ``اجتماع للقيادة الفلسطينية``،
    ``الاجتماع الثالث لمجلس الفضاء الوطني``) and no مع/بين after it: the body's own session, no meeting."""
    if j < len(ws) and _is(ws[j][2], "own_adjectives") and \
            not any(fold(w) in (fold("مع"), fold("بين")) for _, _, w in ws[j:j + 6]):
        return True   # في أعقاب اجتماع حكومي: the government's own session
    k = j
    while k < min(len(ws), j + 2) and definite(ws[k][2]) and not ws[k][2].startswith("لل") and \
            not any(e.start == ws[k][0] for e in doc.spans("entities")) and not _own_body(ws, k):
        k += 1   # الثالث، الطارئ، الأسبوعي (not اجتماع القيادة: the body itself)
    if k >= len(ws) or _PUNCT.search(doc.text[ws[j - 1][1]:ws[k][0]]) or \
            any(fold(w) in (fold("مع"), fold("بين")) for _, _, w in ws[k:k + 6]):
        return False
    if _own_body(ws, k):
        return True
    if _is(ws[k][2], "body_heads") and any(w[:1] == "ب" and _own_body([(0, 0, w[1:])] + ws[m + 1:m + 3], 0)
                                           for m, (_, _, w) in enumerate(ws[k + 1:k + 5], k + 1)):
        return True   # اجتماع لجنة الداخلية بمجلس النواب: a committee of one chamber
    return _is(ws[k][2], "body_heads") and any(_is(w, "national_words") for _, _, w in ws[k + 1:k + 4])


def _own_body(ws, k: int) -> bool:
    """The words from ``k`` name one of a country's own bodies (``own_bodies``), ل/لل glued or not."""
    raw = " ".join(fold(w) for _, _, w in ws[k:k + 3])
    heads = (raw, "ال" + raw[2:] if raw.startswith("لل") else raw[1:] if raw.startswith("ل") else raw)
    return any(h.startswith(fold(b)) for h in heads for b in ontology()["own_bodies"])


def unnamed_party(doc: Document, ws, k: int) -> int:
    """How many words from ``ws[k]`` (after مع) name an unnamed party: up to three, the later ones
    definite (``المسؤولين السعوديين``) or nationality adjectives (``دول أوروبية``), never a time
    (``الأسبوع المقبل``); 0 when a country's name starts there (it is a delegation already)."""
    if any(e.label == "GPE" and e.start <= ws[k][0] < e.end for e in doc.spans("entities")):
        return 0   # مباحثات مع الكويت الأسبوع المقبل: Kuwait, not Kuwait next week
    n = 1
    while n < 3 + any(is_demonym(w) for _, _, w in ws[k + 1:k + 3]) and k + n < len(ws) and (
            ws[k + n][2].startswith("ال") or is_demonym(ws[k + n][2])) \
            and not _is(ws[k + n][2], "duration_units") and not _is(ws[k + n][2], "time_words") \
            and not _PUNCT.search(doc.text[ws[k + n - 1][1]:ws[k + n][0]]):
        n += 1
    return n


def _aside(doc: Document, start: int) -> bool:
    """A person named in a topic or an incident (``خلال أزمة الحريري``، ``مقتل صالح``) or in a venue (``في مقر إقامة السفير البريطاني
    إدوارد أوكدن``): right after a topic noun, or after في/ب + a venue noun at most four words back, no
    punctuation between: no participant."""
    prev = words(doc.text, max(0, start - 60), start)
    if prev and (_is(prev[-1][2], "topic_nouns") or _is(prev[-1][2], "incident_nouns")) and \
            not _PUNCT.search(doc.text[prev[-1][1]:start]):
        return True
    for n in range(len(prev) - 1, max(-1, len(prev) - 5), -1):
        if _PUNCT.search(doc.text[prev[n][1]:start]):
            return False
        w = prev[n][2]
        if (w.startswith("ب") and _is(w[1:], "venue_nouns")) or \
                (n and fold(prev[n - 1][2]) == fold("في") and _is(w, "venue_nouns")):
            return True
    return False


def quantified_object(ws, k0: int, obj: int | None, starts: list[int]) -> int | None:
    """The object of a transitive meeting verb: a quantified group (``عدداً من الرؤساء``، ``مجموعة من
    رجال الأعمال``) within five words of ``k0``, when no object was found or the one found is the named
    subject before it; else ``obj``."""
    q = next((k for k in range(k0, min(len(ws) - 1, k0 + 5)) if _is(ws[k][2], "quantifiers")
              and fold(ws[k + 1][2]) == fold("من")), None)
    if q is not None and (obj is None or (q > obj and any(ws[obj][0] <= a < ws[obj][1] for a in starts))):
        return q
    return obj


def fronted_speaker(bld, doc: Document, ws, i: int, hi: int) -> tuple[int, int, str, str] | None:
    """The speaker of a sentence that opens with its meeting (``في اجتماع مع بوتين، قال شويغو``،
    ``وخلال لقاء مع الوزير، أكد …``): the trigger right after a ``fronted_links`` word at the sentence's
    start, a comma closing its clause, then a reporting verb and a named person: that person."""
    from marsad.extract.quotes_lexicon import reporting_verb
    if i != 1 or not _is(ws[0][2], "fronted_links"):
        return None
    k = next((k for k in range(i + 1, len(ws)) if ws[k][0] >= hi), None)
    if k is None or k + 1 >= len(ws) or "،" not in doc.text[ws[k - 1][1]:ws[k][0]] + doc.text[hi - 1:hi] \
            or not reporting_verb(ws[k][2])[0]:
        return None
    who = [x for x in sorted(bld.persons + bld.title_refs) if x[0] == ws[k + 1][0]]
    return (who[0][0], who[0][1], doc.text[who[0][0]:who[0][1]], who[0][2]) if who else None


def masdar_signer(doc: Document, ws, i: int) -> str | None:
    """The signer in construct with an indefinite signing masdar a few words before the agreement noun
    ``ws[i]`` (``توقيع هيئة الاتصالات وتقنية المعلومات اتفاقية مع …``): a body (``organiser_heads``) that
    no entity tags, up to the agreement noun."""
    from marsad.extract.events_args import _is, definite
    m = next((m for m in range(i - 2, max(-1, i - 7), -1) if _is(ws[m][2], "signing_nouns")
              and not definite(ws[m][2])), None)
    if m is None or not _is(ws[m + 1][2], "organiser_heads") or definite(ws[m + 1][2]) \
            or any(e.start <= ws[m + 1][0] < e.end for e in doc.spans("entities")) \
            or _PUNCT_ANY.search(doc.text[ws[m][1]:ws[i][0]]):
        return None
    return " ".join(doc.text[ws[m + 1][0]:ws[i - 1][1]].split())
