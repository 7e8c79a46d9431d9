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
* ``designation``: a number glued by a hyphen to a word (إف-16، F-16) is the name of a model, not
  a count («كم عدد المقاتلات» is not «16»).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import Question, _key, _keys, person_titles
from marsad.search.analyzer import WORD

DATA = Path(__file__).with_name("data")
PERSON_QWORDS = {("من", "هو"), ("من", "هي"), ("ما", "اسم")}


@lru_cache(maxsize=1)
def words() -> dict:
    raw = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))["holder"]
    return {"former": {_key(w) for w in raw["former_words"]}, "span": int(raw["former_span"])}


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
