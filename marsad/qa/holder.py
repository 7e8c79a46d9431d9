"""Answer checks on who holds a title and on what a figure names (engineer Q8; called by
:func:`marsad.qa.verify.check`, switched on by name in ``data/verify.json``, word lists in
``data/verify.json`` ``holder``):

* ``holder``: «من هو رئيس …/ما اسم مدير …» asks the person who holds a title (the first words of
  ``extract/data/role_titles.json``): an organisation or a country does not answer it
  («من هو رئيس اتحاد الصناعات» is no «الاتحاد الأوروبي»);
* ``former``: the title next to the answer is qualified as a former one (الرئيس المشارك
  **السابق**) while the question asks no former holder («من هو الرئيس المشارك الحالي …»);
* ``restated``: a who-answer that only restates the asked title: its first word is the noun after
  the question word and its last word a word of the question («شيخ الجامع الأزهر» for «من هو شيخ
  الأزهر …», where the name أحمد الطيب follows);
* a name tagged inside an organisation's span that repeats the question's words («للاتحاد يواخيم
  لانغ» for «من هو المدير التنفيذي لاتحاد الصناعات …») is cut out of it as a person
  (:func:`name_after_question`, used by the candidates);
* ``doer``: «كم دبلوماسيا طردت الدنمارك»: the question's verb is followed by its doer, a name; a
  sentence that writes the verb only with another name after it (وطردت بريطانيا 23 دبلوماسيا)
  tells another party's figure (how-many questions only: in «أين رصدت سمكة القرش» the verb is a
  passive and the name after it no doer);
* ``quoted``: a date inside a quotation that does not hold the question's predicate is what the
  speaker talks about, not when the asked event happened («متى ألقى بلير كلمته» is not the
  «مارس 2019» of his speech);
* ``future``: a when-question in the future (ستنسحب، سيعقد …) is not answered by a date before the
  document's publication («متى ستنسحب القوات» is not the «الثلاثاء» on which the stay was approved);
* ``designation``: a number glued by a hyphen to a word (إف-16، F-16) is the name of a model, not
  a count («كم عدد المقاتلات» is not «16»);
* ``purpose`` (engineer Q9): a relation question's purpose word (اتفاقية **لتوسيع** …) must be in
  the answer's sentence; :func:`own_name`: a name the question writes plus its country («معادن
  السعودية»), or a party noun read as a name (الجانبين), is no candidate.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import Question, _key, _keys, lexicon, person_titles
from marsad.search.analyzer import WORD, analyze, arabic_term

DATA = Path(__file__).with_name("data")
PERSON_QWORDS = {("من", "هو"), ("من", "هي"), ("ما", "اسم")}


@lru_cache(maxsize=1)
def words() -> dict:
    raw = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))["holder"]
    return {"former": {_key(w) for w in raw["former_words"]}, "span": int(raw["former_span"]),
            "days": {_key(w) for w in raw["day_words"]}, "purpose": tuple(raw.get("purpose_leads", []))}


def _bare(k: str) -> str:
    k = k[1:] if k[:1] in "وفبل" and k[1:].startswith("ال") else k
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def asks_holder(q: Question) -> bool:
    """A «من هو/من هي/ما اسم» question whose head noun is a person's title (رئيس، مديرة، وزير …)."""
    if q.kind != "who" or q.is_list or not q.head or tuple(_keys(q.text[:q.qword_end])[-2:]) not in PERSON_QWORDS:
        return False
    return _bare(_key(q.head)) in person_titles()


def holder(q: Question, text: str, entities: list, start: int, end: int) -> bool:
    """True when the question asks a title's holder and the answer is tagged an organisation or a
    place (``entities``: the document's entity spans), not a name cut out of one."""
    if not asks_holder(q):
        return False
    spans = [(a, b, lab) for a, b, lab, *_ in entities if a < end and start < b]
    if any(lab in ("ORG", "GPE") and name_after_question(q, text, a, b) == start for a, b, lab in spans):
        return False
    labels = {lab for *_, lab in spans}
    return bool(labels) and labels <= {"ORG", "GPE", "LOC"}


def former(q: Question, text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """True when a who-question with a head noun (الرئيس، مدير) asks no former holder, and every
    occurrence of that noun within ``former_span`` words of the answer in its sentence is followed,
    within three words, by a former-word (السابق، الأسبق، سابقا)."""
    if q.kind != "who" or not q.head:
        return False
    fw = words()["former"]
    if any(_key(m.group(0)) in fw for m in WORD.finditer(q.text)):
        return False
    head = _bare(_key(q.head))
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    keys = [_key(m.group(0)) for m in ms]
    first = next((i for i, m in enumerate(ms) if m.start() >= start), len(ms))
    last = max([i for i, m in enumerate(ms) if m.end() <= end] or [first])
    n = words()["span"]
    near = [i for i, k in enumerate(keys) if _bare(k) == head and (0 < first - i <= n or 0 < i - last <= n)]
    return bool(near) and all(any(k in fw for k in keys[i + 1:i + 4]) for i in near)


def designation(q: Question, text: str, start: int) -> bool:
    """True for a how-many answer that starts right after a hyphen glued to a letter (إف-16)."""
    if q.kind != "how_many" or start < 2:
        return False
    return text[start - 1] in "-\u2010\u2011" and text[start - 2].isalpha()


def restated(q: Question, answer: str) -> bool:
    """True when a who-answer of two words or more begins with the question's first word after the
    question word and ends with a word of the question."""
    if q.kind != "who":
        return False
    qk = [_bare(_key(m.group(0))) for m in WORD.finditer(q.text, q.qword_end)]
    ak = [_bare(_key(w)) for w in WORD.findall(answer or "")]
    return len(ak) >= 2 and bool(qk) and ak[0] == qk[0] and ak[-1] in qk


def _variants(k: str) -> set[str]:
    out = {k, k[1:] if k[:1] in "وفبل" and len(k) > 3 else k}
    return {x[2:] if x.startswith("ال") and len(x) > 4 else x for x in out}


def name_after_question(q: Question, text: str, start: int, end: int) -> int | None:
    """For a question asking a title's holder (:func:`asks_holder`): where the name starts in an
    organisation or place span [start, end) whose first words are the question's own (by key, with
    or without a proclitic and the article) and whose last two words or more are not; else None."""
    if not asks_holder(q):
        return None
    qv = set().union(*(_variants(_key(m.group(0))) for m in WORD.finditer(q.text, q.qword_end)))
    ms = list(WORD.finditer(text, start, end))
    i = 0
    while i < len(ms) and _variants(_key(ms[i].group(0))) & qv:
        i += 1
    rest = ms[i:]
    if i == 0 or len(rest) < 2 or any(_variants(_key(m.group(0))) & qv for m in rest):
        return None
    return rest[0].start()


def _doer(q: Question) -> tuple[str, set[str]] | None:
    """(stem of the question's verb, keys of the name right after it) when a past-tense verb after
    the question word is followed at once by a question entity (طردت **الدنمارك**)."""
    from marsad.qa.question import _verb_like

    ms = list(WORD.finditer(q.text, q.qword_end))
    preps = lexicon()["preps"]
    for i, m in enumerate(ms[:-1]):
        k = _key(m.group(0))
        if k.startswith("ال") or not _verb_like(k) or any(e["start"] <= m.start() < e["end"] for e in q.entities) \
                or (i and _key(ms[i - 1].group(0)) in preps):
            continue  # no verb after a preposition (في وسط لندن)
        ent = next((e for e in q.entities if e["start"] == ms[i + 1].start()
                    and e.get("type") in ("GPE", "LOC", "ORG", "PERSON")), None)
        stem = arabic_term(m.group(0))
        if ent and stem:
            return stem, {" ".join(_key(w) for w in WORD.findall(x)) for x in (ent["text"], ent.get("canonical") or "") if x}
        return None
    return None


def doer(q: Question, text: str, sent: tuple[int, int], entities: list) -> bool:
    """True when the answer's sentence writes the question's verb (:func:`_doer`) only followed at
    once by a name (``entities``: the document's spans) that is not the question's doer."""
    if q.kind != "how_many":  # not when/where: «أين رصدت سمكة القرش» is a passive, its name no doer
        return False
    d = _doer(q)
    if d is None:
        return False
    stem, names = d
    starts = {a: (a, b) for a, b, lab, *_ in entities if lab in ("GPE", "LOC", "ORG", "PERSON")}
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    other = False
    for i, m in enumerate(ms[:-1]):
        k = _key(m.group(0))
        if arabic_term(m.group(0)) != stem or k.startswith("ال") or (k[:1] in "بل" and arabic_term(k[1:]) == stem):
            continue  # a verbal noun (بطرد عدد مماثل) is not the verb with its doer
        nxt = ms[i + 1]
        sp = starts.get(nxt.start()) or starts.get(nxt.start() + 1)
        if sp is None:
            return False  # the verb without a name after it: its doer may be the asked one
        key = " ".join(_key(w) for w in WORD.findall(text[sp[0]:sp[1]]))
        if key in names or any(key.endswith(n) or n.endswith(key) for n in names):
            return False
        other = True
    return other


QUOTES = {'"': '"', "«": "»", "“": "”"}


def quoted(q: Question, text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """True for a date answer inside a quotation of its sentence (quote marks ``"``, «», “”) that
    holds no form of the question's predicate."""
    from marsad.qa.evidence import predicate_test

    if q.kind != "when":
        return False
    is_pred = predicate_test(q)
    if is_pred is None:  # a weak verb (ألقى): its stem
        first = next(WORD.finditer(q.text, q.qword_end), None)
        stem = first and arabic_term(first.group(0))
        if not stem:
            return False
        is_pred = lambda w: arabic_term(w) == stem  # noqa: E731
    for o, c in QUOTES.items():
        a = text.rfind(o, sent[0], start)
        if a < 0 or (o == c and text[sent[0]:a].count(o) % 2):
            continue  # no quote opens before the answer, or the mark before it closes one
        b = text.find(c, end, sent[1] if o != c else len(text))
        if b < 0 or (o != c and text.find(c, a + 1, start) >= 0):
            continue
        if not any(is_pred(m.group(0)) for m in WORD.finditer(text, a, b)):
            return True
    return False


def complete_name(text: str, start: int, end: int) -> int:
    """The end of a person's name the tagger cut inside a comma apposition («رئيس كوريا الجنوبية،
    مون جاي إن، عن …»: the tagger stops before إن): when the span opens right after a comma and one
    word, no article word, no preposition, closes the apposition after it, the name ends there; so
    does it after such a word that the document writes after the name's last word twice or more
    (محمد جواد آذري | جهرمي … وقال آذري جهرمي)."""
    m = WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    last = text[start:end].split()[-1:]
    if m and last and text.count(last[0] + " " + m.group(0)) >= 2 and _name_word(m.group(0)):
        return m.end()   # «آذري جهرمي» written again later: the tagger cut «محمد جواد آذري» before جهرمي
    if not text[max(0, start - 2):start].strip() in ("،", ","):
        return end
    if m is None or text[m.end():m.end() + 1] not in ("،", ","):
        return end
    return m.end() if _name_word(m.group(0)) else end


def _name_word(w: str) -> bool:
    """A word that may end a name: no article word, no preposition, six letters at most."""
    k = _key(w)
    return not (k.startswith("ال") or k in lexicon()["preps"] or len(k) > 6)


def _future(q: Question) -> bool:
    from marsad.qa.question import _verb_like

    first = next(WORD.finditer(q.text, q.qword_end), None)
    k = _key(first.group(0)) if first else ""
    return len(k) >= 4 and k[0] == "س" and k[1] in "يتن" and _verb_like(k[1:])


def future(q: Question, text: str, dates: list, start: int, end: int, published: str | None) -> bool:
    """True for a date answer (``dates``: the document's date spans, resolved ``value``) before
    the publication day when the question's verb is a future (س + imperfect)."""
    if q.kind != "when" or not published or not _future(q):
        return False
    spans = [(s, e, a) for s, e, _lab, a in dates if s < end and start < e]
    # a day named by its weekday (الثلاثاء، أمس الأحد) or a date that writes its year; a day and
    # month without a year («سيجرى في الرابع من نوفمبر») may be resolved to last year
    days = words()["days"]
    vals = [str(a.get("value") or "") for s, e, a in spans
            if re.search(r"\d{4}", text[s:e]) or all(_key(w) in days for w in WORD.findall(text[s:e]))]
    day = published[:10]
    return bool(vals) and len(vals) == len(spans) and all(len(v) >= 10 and v[:10] < day for v in vals)





def own_name(q: Question, name: str) -> bool:
    """A name that is one the question writes plus a country or nationality after it («معادن
    السعودية» for «مع من وقعت معادن اتفاقية …»), or a party noun (الجانبين، الطرفين) read as a
    name («الجانبين السعودي»): no answer to it. Not when the question writes another place after
    those words («الاتحاد الأفريقي» answers a question about «الاتحاد الأوروبي»)."""
    from marsad.qa.question import nisba_base, place_stem
    from marsad.qa.verify import rules

    ws = [_key(m.group(0)) for m in WORD.finditer(name)]
    lex = lexicon()
    if len(ws) >= 2 and ws[0] in lex["generic_heads"] | lex["dual"]:
        return True
    places = rules()["places"]

    def place(k: str) -> bool:
        return nisba_base(k) in places or place_stem(k) in places

    n = len(ws)
    while n > 1 and place(ws[n - 1]):
        n -= 1
    core = ws[:n]
    if n == len(ws) or any(len(k) < 3 for k in core) or " ".join(core) in lex["nouns"] \
            or (q.head and " ".join(core) == _key(q.head)):
        return False
    qws = [_key(m.group(0)) for m in WORD.finditer(q.text, q.qword_end)]
    for i in range(len(qws) - n + 1):
        if qws[i:i + n] == core and not (i + n < len(qws) and place(qws[i + n])):
            return True
    return False


def purpose(q: Question, wstems: set[str]) -> str | None:
    """``purpose``: the purpose word of a relation question («وقعت معادن اتفاقية **لتوسيع** قدرة …»)
    that the answer's sentence (``wstems``: its stems) does not write: that sentence tells another agreement of the same
    party (وأبرمت معادن مع Mosaic اتفاقية لعمل دراسة جدوى)."""
    if not q.relation:
        return None
    for m in WORD.finditer(q.text, q.qword_end):
        w = m.group(0)
        if len(w) >= 5 and w.startswith(words()["purpose"]):
            st = {t.term for t in analyze(w)}
            if st and not st & wstems:
                return w
    return None
