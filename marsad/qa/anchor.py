"""Answer checks that tie a date, place or name to what the question asks, as an analyst reads
the sentence (called by :func:`marsad.qa.verify.check`; switched on by name in
``data/verify.json``):

* ``argued``: a when/where answer after the question's predicate belongs to it with the asked
  object — the object noun stands between the predicate and the answer (or just before the
  predicate): «وإقامة حفل … في سيول» places a concert, not «الألعاب الأولمبية»;
* ``apposition``: a place or date inside an apposition that describes a name («خليل زاد،
  المستشار الأميركي المولود في أفغانستان،») is that person's, not the event's;
* ``reported``: a date or place in a reported clause (a reporting verb, then أن/إن) while the
  question's predicate stands before that clause is the speaker's («خلال رعايته إطلاق
  المبادرة، أنه … إلا أننا نشهد اليوم»: no launch date); one between a reporting verb and its
  complementiser, the predicate after, dates the saying («وقالت الوزارة، الاثنين، إن قمة …»);
* ``elsewhere``: when the sentence states the predicate with the asked partner in a clause of
  its own (… قبل أن يلتقي … عبدالملك الحوثي في مكان غير محدد), the answer must be in that clause;
* ``parties``: a place among the parties after بين («قمة … بين زعماء روسيا وفرنسا») is no venue;
* ``ordinal_near``: the ordinal word just before the answer is the question's («أين عقد
  الاجتماع الثاني»: not القاهرة of «الأول في القاهرة … والثاني في موسكو»);
* ``untitled``: «من هو TITLE …» is not answered with another person of a sentence that writes
  the asked title with no name after it («وضع وزير الداخلية الألماني مهلة أمام ميركل»), nor with
  the holder of the title of another country (وزير الدفاع **المصري** for وزير الدفاع الروسي);
* ``yespred``: a «نعم» needs the question's predicate (a form of its verb or verbal noun) in its
  window, not negated (لم، لن، لا، عدم …) nor followed by another party's name (not «عقب
  انسحاب الولايات المتحدة» for «هل انسحبت فرنسا»).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from marsad.qa.evidence import _object, _skel, _terms, predicate_test
from marsad.qa.question import Question, _key, lexicon, nisba_base, person_titles, place_stem
from marsad.search.analyzer import WORD

DATA = Path(__file__).with_name("data")
LIST_MARKS = "-•*–"


@lru_cache(maxsize=1)
def words() -> dict:
    """Word lists of ``data/verify.json`` (``anchor``), folded to keys, with the reporting verbs
    of the quotes stage (``extract/data/reporting_verbs.json``)."""
    raw = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))["anchor"]
    rep = json.loads((Path(__file__).resolve().parents[1] / "extract" / "data" / "reporting_verbs.json")
                     .read_text(encoding="utf-8"))
    verbs = {_key(w) for w in list(rep["verbs"]) + rep["verbs_before_complementiser"] + raw["reporting_extra"]}
    links = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))["clause_links"]
    return {"complementisers": {_key(w) for w in raw["complementisers"]}, "reporting": verbs,
            "links": {_key(w) for w in links},
            "negations": {_key(w) for w in raw["negations"]},
            "future": {_key(w) for w in raw.get("future", [])},
            "states": {_key(w) for w in raw.get("state_nouns", [])}, "relatives": {_key(w) for w in rep["relative_pronouns"]}}


def _last_pred(q: Question, text: str, sent: tuple[int, int], start: int):
    is_pred = predicate_test(q)
    if is_pred is None:
        return None
    hits = [m for m in WORD.finditer(text, sent[0], start) if is_pred(m.group(0))]
    return hits[-1] if hits else None


def _head_objects(q: Question, n: int = 2) -> list[str]:
    """The question's first ``n`` words after its predicate that are no name, preposition or
    short word: what the predicate acts on or who does it (متى بيعت **حقوق بث** الدوري، أين
    ستقام **الألعاب الأولمبية**، متى وصل **كاناي** إلى **محطة** …)."""
    lex = lexicon()
    out = []
    for m in list(WORD.finditer(q.text, q.qword_end))[1:]:
        if any(e["start"] < m.end() and m.start() < e["end"] for e in q.entities):
            continue
        k = _key(m.group(0))
        if k in lex["preps"] or k in lex["copulas"] or len(k) < 3 or k[:1].isdigit():
            continue
        out.append(m.group(0))
        if len(out) == n:
            break
    return out


def argued(q: Question, text: str, sent: tuple[int, int], start: int, back: int = 6) -> bool:
    """A when/where answer at ``start`` after the question's predicate has the question's object
    (one of :func:`_head_objects`) in its sentence after the predicate, or at most ``back`` words before
    it unless the predicate is a new conjunct (وإقامة حفل … في سيول: the الألعاب before it is
    another conjunct's); True when there is no object or no predicate before the answer."""
    if q.kind not in ("when", "where"):
        return True
    objs = _head_objects(q)
    p = _last_pred(q, text, sent, start) if objs else None
    if p is None:
        return True
    a = p.start()
    if not p.group(0).startswith("و"):
        before = list(WORD.finditer(text, sent[0], p.start()))[-back:]
        a = before[0].start() if before else a
    there = _terms(text[a:sent[1]])
    return any(_terms(o) and _terms(o) <= there for o in objs)


def apposition(q: Question, text: str, sent: tuple[int, int], start: int, end: int, ents: list) -> bool:
    """True when the answer [start, end) lies in a comma-bounded phrase that opens with a definite
    noun right after a name (an apposition: «X، المستشار … المولود في أفغانستان،») and holds no
    form of the question's predicate."""
    if q.kind not in ("when", "where"):
        return False
    a = text.rfind("،", sent[0], start)
    b = text.find("،", end, sent[1])
    if a < 0 or b < 0:
        return False
    inner = list(WORD.finditer(text, a, start))
    if not inner or not _key(inner[0].group(0)).startswith("ال"):
        return False
    last = list(WORD.finditer(text, sent[0], a))[-2:]  # a name, or a name the tagger cut (خليل | زاد)
    if not last or not any(lab in ("PERSON", "ORG") and last[0].start() <= e_ <= last[-1].end()
                           for s_, e_, lab, *_ in ents):
        return False
    is_pred = predicate_test(q)
    return not (is_pred and any(is_pred(m.group(0)) for m in WORD.finditer(text, a, b)))


def reported(q: Question, text: str, sent: tuple[int, int], start: int) -> bool:
    """True when a complementiser (أن، إن، أنه …) after a reporting verb stands between the
    question's predicate and the answer: the answer is in the reported clause, the predicate in
    the one that reports it."""
    if q.kind not in ("when", "where"):
        return False
    w = words()
    first = next(WORD.finditer(q.text, q.qword_end), None)
    if first is None or _key(first.group(0)) in w["reporting"]:
        return False  # «متى أعلن …»: the saying is what is asked
    p = _last_pred(q, text, sent, start)
    if p is not None:
        between = [_key(m.group(0)) for m in WORD.finditer(text, p.end(), start)]
        return any(k in w["complementisers"] for k in between) and \
            any(_key(m.group(0)) in w["reporting"] for m in WORD.finditer(text, sent[0], start))
    # no predicate before: the answer dates or places the saying when a reporting verb stands
    # before it and a complementiser after it, before the predicate (قالت الوزارة، الاثنين، إن قمة …)
    before = [_key(m.group(0)) for m in WORD.finditer(text, sent[0], start)]
    after = list(WORD.finditer(text, start, sent[1]))[1:]
    comp = next((i for i, m in enumerate(after[:4]) if _key(m.group(0)) in w["complementisers"]), None)
    return comp is not None and any(k in w["reporting"] for k in before)


def announced(q: Question, text: str, sent: tuple[int, int], start: int, end: int, dates: list) -> bool:
    """True when a when-answer dates the report of a past fact that the sentence gives no date
    of its own: a reporting verb before the date and no complementiser, a complementiser (أن،
    بأن) in the four words after it, then the question's predicate in the reported clause, in no
    future form, and no other date after the answer (أعلنت الوزارة، أمس الأحد، أن المغرب …
    الانضمام: the announcement is the fact's only date)."""
    is_pred = predicate_test(q) if q.kind == "when" else None
    if is_pred is None:
        return False
    w = words()
    before = [_key(m.group(0)) for m in WORD.finditer(text, sent[0], start)]
    after = list(WORD.finditer(text, end, sent[1]))
    comp = next((i for i, m in enumerate(after[:4]) if _key(m.group(0)) in w["complementisers"]), None)
    if comp is None or not any(k in w["reporting"] for k in before) or _last_pred(q, text, sent, start) \
            or any(k in w["complementisers"] for k in before):
        return False   # the date must stand in the reporting clause, before what it reports
    clause = after[comp + 1:]
    hit = next((i for i, m in enumerate(clause) if is_pred(m.group(0))), None)
    if hit is None:
        return False
    keys = [_key(m.group(0)) for m in clause[:hit + 1]]
    if any(k in w["future"] for k in keys) or keys[hit][:2] in ("سي", "ست", "سن"):
        return False   # أعلنت أمس أن المغرب سينضم: a plan, not the fact
    return not any(end <= d[0] < sent[1] for d in dates)


def parties(q: Question, text: str, sent: tuple[int, int], start: int) -> bool:
    """True when a where-answer stands among the parties after بين: at most two words after it
    (its noun and a name: بين زعماء روسيا), then only words joined by و (وفرنسا وتركيا), no في."""
    if q.kind != "where":
        return False
    clause = text.rfind("،", sent[0], start)
    ms = list(WORD.finditer(text, max(sent[0], clause + 1), start))
    keys = [_key(m.group(0)) for m in ms]
    if "بين" not in keys:
        return False
    i = len(keys) - 1 - keys[::-1].index("بين")
    rest = [m.group(0) for m in ms[i + 1:]]
    return "في" not in keys[i + 1:] and all(w.startswith("و") for w in rest[2:])


def other_ordinal(q: Question, text: str, sent: tuple[int, int], start: int, n: int = 3) -> str | None:
    """The ordinal word at most ``n`` words before the answer when it is another than the
    question's (والأول في القاهرة … والثاني في موسكو: القاهرة is the first meeting's, not the
    second's); None when there is none or it is the asked one."""
    if not q.ordinals:
        return None
    ords = lexicon()["ordinals"]
    asked = {_key(o) for o in q.ordinals}
    asked |= {k[1:] for k in asked if k[:1] in "ول"}
    for m in list(WORD.finditer(text, sent[0], start))[-n:][::-1]:
        k = _key(m.group(0))
        k = k[1:] if k[:1] in "ول" and k[1:] in ords else k
        if k in ords:
            return None if k in asked else m.group(0)
    return None


def _segments(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence cut before each clause link + أن (قبل أن، بعد أن …, ``clause_links``)."""
    links = words()["links"]
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    cuts = [ms[i - 1].start() for i in range(1, len(ms))
            if _key(ms[i].group(0)) == "ان" and _key(ms[i - 1].group(0)) in links]
    bounds = [sent[0], *cuts, sent[1]]
    return list(zip(bounds, bounds[1:]))


def elsewhere(q: Question, text: str, sent: tuple[int, int], start: int) -> bool:
    """True when the sentence states the asked predicate with the question's partner (its last
    named entity after the predicate) in a clause of its own, and the when/where answer is not in
    that clause («وصل … إلى صنعاء، للقاء قيادات الحوثيين …، قبل أن يلتقي زعيم الجماعة، عبدالملك
    الحوثي في مكان غير محدد»: صنعاء is not where he met عبدالملك الحوثي)."""
    if q.kind not in ("when", "where"):
        return False
    is_pred = predicate_test(q)
    after = [e for e in q.entities if e["start"] > q.qword_end + 1]
    if is_pred is None or not after:
        return False
    x = max(after, key=lambda e: e["start"])
    names = {k for k in (" ".join(_key(w) for w in WORD.findall(x["text"])),
                         " ".join(_key(w) for w in WORD.findall(x.get("canonical") or ""))) if k}
    held = []
    for a, b in _segments(text, sent):
        ks = " " + " ".join(_key(m.group(0)) for m in WORD.finditer(text, a, b)) + " "
        if any(" " + n + " " in ks for n in names) and any(is_pred(m.group(0)) for m in WORD.finditer(text, a, b)):
            held.append((a, b))
    return bool(held) and not any(a <= start < b for a, b in held)


def _title_at(q: Question, text: str, sent: tuple[int, int]):
    """(words of the asked title, the sentence's words, indexes where the title's first two
    words stand not followed by another country's adjective, indexes where they stand); None
    when the question asks no title of two words or more."""
    if q.kind != "who" or not q.head_phrase:
        return None
    want = [_key(m.group(0)) for m in WORD.finditer(q.head_phrase)]
    if len(want) < 2:
        return None
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    keys = [_key(m.group(0)) for m in ms]
    bare = [k[1:] if k[:1] in "وفبل" and k[1:].startswith(want[0][:2]) else k for k in keys]
    def art(k):
        return k[2:] if k.startswith("ال") else k
    found = [i for i in range(len(keys) - 1) if bare[i] == want[0]
             and (art(want[1]) in (art(keys[i + 1]), "و" + keys[i + 1], "ف" + keys[i + 1])  # وزراء read as و + زراء
                  or _state_of(keys[i + 1:i + 3], want[1]))]
    at = found
    if len(want) >= 3 and _nisba(want[2]):  # وزير الدفاع الروسي: not وزير الدفاع المصري
        at = [i for i in at if i + 2 >= len(keys) or not _nisba(keys[i + 2])
              or _skel(keys[i + 2]) == _skel(want[2])]
    return want, ms, at, found


def _state_of(pair: list[str], country: str) -> bool:
    """«المملكة المغربية» for the question's «المغرب»: a state noun (``state_nouns``) and the
    relative adjective of the country."""
    if len(pair) < 2 or pair[0] not in words()["states"] or not _nisba(pair[1]):
        return False
    a, b = nisba_base(pair[1]) or "", place_stem(country) or ""
    return len(b) >= 3 and (a == b or a.endswith(b) or b.endswith(a))


def _next_to(want, ms, at, start: int, end: int, text: str = "") -> bool:
    first = next((i for i, m in enumerate(ms) if m.start() >= start), len(ms))
    last = max([i for i, m in enumerate(ms) if m.end() <= end] or [first])
    # a name with its own title before it (أمر ملك السعودية سلمان …) takes a title after it
    # with no comma between as the verb's object («… النائب العام بفتح تحقيق»), not its apposition
    cut = max(text.rfind("،", 0, start), text.rfind(",", 0, start)) if text else -1
    titled_before = bool(text) and any(_key(m.group(0)).removeprefix("ال") in person_titles()
                                       for m in ms[max(0, first - 3):first] if m.start() > cut)
    return any(0 < first - i <= len(want) + 2 or (0 < i - last <= 2 and not (
        titled_before and not any(p in text[end:ms[i].start()] for p in "،,("))) for i in at)


def untitled(q: Question, text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """True when a who-question asks for a title (``head_phrase``, «وزير الداخلية الألماني») that
    the answer's sentence writes, while the answer is next to none of its occurrences: neither
    within the title phrase's length + 2 words after it (title, name) nor ending at most one
    word before it (name، title)."""
    t = _title_at(q, text, sent)
    if t is None or not t[3]:
        return False
    return not _next_to(*t[:3], start, end, text)


def titled(q: Question, text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """True when a who-question asks for a title whose head is completed by a definite noun
    (رئيس **البرلمان** العراقي) and the answer's sentence does not write that title next to the
    answer (برهم صالح is «الرئيس العراقي», not «رئيس البرلمان»)."""
    t = _title_at(q, text, sent)
    if t is None or not t[0][1].startswith("ال") or _nisba(t[0][1]) or t[0][0].startswith("ال"):
        return False   # a definite head (الوزيرة المكلفة) is followed by an adjective, not a construct
    return not _next_to(*t[:3], start, end)


def _nisba(k: str) -> bool:
    """A definite relative adjective (الروسي، المصرية)."""
    return k.startswith("ال") and len(k) >= 5 and k.endswith(("ي", "يه"))


def yes_predicate(q: Question, text: str, win: tuple[int, int], sent: tuple[int, int] | None = None,
                  ents: list | tuple = ()) -> bool:
    """A «نعم» has a form of the question's predicate in its window ``win`` — or before it when
    the cited sentence ``sent`` is a list item under a heading («ووقعت الوزارة الاتفاقيات
    التالية: - اتفاقية مع …») — not negated by one of the three words before it (لم تفض إلى
    توافق) and not followed at once by a name (``ents``: the document's entity spans) that is
    none of the question's: «عقب انسحاب الولايات المتحدة» is no withdrawal of فرنسا. True when
    the question has no predicate."""
    is_pred = predicate_test(q)
    if is_pred is None:
        return True
    item = sent is not None and text[sent[0]:sent[1]].lstrip()[:1] in LIST_MARKS
    ms = list(WORD.finditer(text, 0 if item else win[0], win[1]))
    neg = words()["negations"]
    names = {n for e in q.entities for n in _name_keys(e)}
    starts = {a: (a, b) for a, b, lab, *_ in ents if lab in ("PERSON", "ORG", "GPE")}
    for i, m in enumerate(ms):
        if not is_pred(m.group(0)) or any(_key(x.group(0)) in neg for x in ms[max(0, i - 3):i]):
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        span = nxt and (starts.get(nxt.start()) or starts.get(nxt.start() + 1))
        if span and names and not _name_keys({"text": text[span[0]:span[1]]}) & names:
            continue  # the predicate of another party
        return True
    return False


def _name_keys(e: dict) -> set[str]:
    """Keys of a question entity: its words, its canonical form's, and its last word."""
    out = set()
    for t in (e["text"], e.get("canonical") or ""):
        ks = [_key(w) for w in WORD.findall(t)]
        if ks:
            out |= {" ".join(ks), ks[-1]} if len(ks[-1]) >= 3 else {" ".join(ks)}
    return out
