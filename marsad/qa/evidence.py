"""Answer checks that read *where* the evidence's words stand, not only whether the window has
them (called by :func:`marsad.qa.verify.check`; switched on by name in ``data/verify.json``):

* ``attached``: a when-answer's date belongs to the question's predicate — the verb (or its
  verbal noun) is in the date's sentence before it, or at most two words after it, or the
  question's object noun is next to it («وغادر الرئيس السبت الإمارات التي زارها» dates the
  leaving, not the visit);
* ``object``: no name of the type of the question's object stands between the predicate and
  the date unless the object does (انضمامها **للاتحاد الأوروبي** في … حزيران does not date
  joining حلف شمال الأطلسي);
* ``valued``: a figure's own sentence names what the question values (قيمة **اتفاق الإطار**,
  حجم **التجارة**) — not only a neighbouring sentence («بقيمة 1,6 مليار» of two other contracts,
  after a sentence about the framework deal);
* ``antecedent``: a noun the window uses alone (الرابطة) is the question's (رابطة الدوري) only
  when the phrases the document built with it before include the question's completion;
* ``yesno``: a «نعم» needs the cited sentence or a neighbour to hold every word of the question
  outside its predicate and named entities (اتفاقية للتعاون **العسكري**), as a search term, with
  a letter of tolerance, or by its firm consonants (تنهي for إنهاء).
"""
from __future__ import annotations

from marsad.qa.question import TABLE, Question, _key, fold_term, lexicon
from marsad.search.analyzer import WORD, analyze, arabic_term

WEAK = "اويهىءئؤ"
# light verbs whose verbal noun carries the meaning (متى تم توقيع، متى جرى تأسيس)
# the question kinds whose answer must stand by the predicate (attached)
ATTACHED_KINDS = ("when",)
LIGHT = {"تم", "يتم", "سيتم", "جري", "جرى", "يجري", "سيجري", "كان", "كانت"}


def _skel(k: str) -> str:
    return "".join(ch for ch in k if ch not in WEAK)


def predicate_core(q: Question) -> tuple[str, str] | None:
    """The firm consonants of the question's predicate and the first letter of its stem (متى
    **زار** → (زر, ز)، متى تم **توقيع** → (قع, و), متى **أبرمت** → (برم, ب)), or None when the
    question word is followed by no verb."""
    lex = lexicon()
    words = [_key(m.group(0)) for m in WORD.finditer(q.text, q.qword_end)]
    if words:  # the predicate keeps a first و (ولدت، وصلت), which _key reads as a conjunction
        words[0] = next(WORD.finditer(q.text, q.qword_end)).group(0).translate(TABLE)
    if words and words[0] in LIGHT:
        words = words[1:]
        if not words:
            return None
        k = words[0]
        k = k[2:] if k.startswith("ال") else k
        k = k[1:] if k[:1] in "تا" and len(k) >= 5 else k
    else:
        if not words:
            return None
        k = words[0]
        if k.startswith("ال") and len(k) >= 5 and _in_table(k):  # التقى، التقت: a verb of the table
            k = k[1:]
        elif k.startswith("ال") or k in lex["preps"] or k in lex["copulas"] or any(
                e["start"] <= q.qword_end + 1 < e["end"] for e in q.entities):
            return None
        if k[:1] == "س" and len(k) >= 5 and k[1] in "يتنا":
            k = k[1:]
        if k[:1] in "يتنا" and len(k) >= 4:
            k = k[1:]
        for suf in ("وا", "ون", "ان", "ت"):
            if k.endswith(suf) and len(k) - len(suf) >= 3:
                k = k[:-len(suf)]
                break
    core = _skel(k)
    return (core[:3], k[0]) if 2 <= len(core) <= 4 else None


def _in_table(word: str) -> bool:
    """``word`` is a form of the verb ↔ verbal noun table (``data/verb_nouns.json``)."""
    t = arabic_term(word)
    return fold_term(t) != t


def predicate_test(q: Question):
    """A test ``word -> bool``: the word is a form of the question's predicate — its firm
    consonants (:func:`predicate_core`), or a form of the predicate's verb ↔ verbal noun entry
    (التقى → لقاء، يلتقي); None when the question word is followed by no verb."""
    core = predicate_core(q)
    first = next(WORD.finditer(q.text, q.qword_end), None)
    fold = None
    if first is not None and _in_table(first.group(0)):
        fold = fold_term(arabic_term(first.group(0)))
    if not core:
        return None
    return lambda w: _has_core(w, core) or bool(fold and fold_term(arabic_term(w)) == fold)


def _has_core(word: str, pred: tuple[str, str]) -> bool:
    """``word`` is a form of the predicate: its firm consonants hold a three-letter core; a
    two-letter core (زار، وقع، ولد) must also open the word's stem, after a proclitic, the article
    and a derivation prefix (زارها، بتوقيع، مواليد — not وزير)."""
    core, first = pred
    k = word.translate(TABLE)
    if len(core) >= 3:
        return core in _skel(k)
    stems = {k, k[1:] if k[:1] in "وفبلك" else k}
    stems = {x[2:] if x.startswith("ال") else x for x in stems}
    stems |= {x[1:] for x in stems if x[:1] in "يتنامس"}
    return any(v[:1] == first and _skel(v).startswith(core) for v in stems)


def _object(q: Question) -> str | None:
    """The question's first definite noun after its predicate outside a name and not a title
    before one (متى أصدرت الولايات المتحدة وبريطانيا **البيان** المشترك)."""
    ms = list(WORD.finditer(q.text, q.qword_end))
    for i, m in enumerate(ms[1:], 1):
        if any(e["start"] < m.end() and m.start() < e["end"] for e in q.entities):
            continue
        nxt = ms[i + 1].start() if i + 1 < len(ms) else -1
        if any(e["start"] == nxt and e["type"] == "PERSON" for e in q.entities):
            continue  # a title before a name (الوزير كريم العلمي)
        k = _key(m.group(0))
        if k.startswith("ال") and len(k) > 4:
            return m.group(0)
    return None


def attached(q: Question, text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """The date [start, end) of a when-answer is tied to the question's predicate: its root is in
    the sentence before the date or at most two words after it — or the question's object noun
    is at most three words from the date («في بيان مشترك الاثنين» dates the statement)."""
    is_pred = predicate_test(q) if q.kind in ATTACHED_KINDS else None
    if not is_pred:
        return True
    s, e = sent
    before = list(WORD.finditer(text, s, start))
    after = list(WORD.finditer(text, end, e))
    if any(is_pred(m.group(0)) for m in before + after[:2]):
        return True
    obj = _object(q)
    if obj:
        near = " ".join(m.group(0) for m in before[-3:] + after[:3])
        ot = _terms(obj)
        return bool(ot) and ot <= {t for t in _terms(near)}
    return False


def other_object(q: Question, text: str, sent: tuple[int, int], start: int, ents: list) -> str | None:
    """A name between the question's predicate and a when-answer's date that is of the type of
    the question's last entity, its object, while that object is not named there: the date is
    the predicate's with another object («مباحثات انضمامها للاتحاد الأوروبي في … حزيران» for
    «متى انضمت مقدونيا إلى حلف شمال الأطلسي»); None when there is none."""
    core = predicate_core(q) if q.kind == "when" else None
    if not core or not q.entities:
        return None
    x = max(q.entities, key=lambda e: e["start"])
    before = [m for m in WORD.finditer(text, sent[0], start) if _has_core(m.group(0), core)]
    if x["start"] < q.qword_end or not before:
        return None
    p = before[-1].end()
    between = " " + " ".join(_key(m.group(0)) for m in WORD.finditer(text, p, start)) + " "
    keys = [" ".join(_key(m.group(0)) for m in WORD.finditer(n)) for n in (x["text"], x.get("canonical") or "")]
    if any(k and (" " + k + " " in between or " " + k.split()[-1] + " " in between) for k in keys):
        return None
    words_x = {_key(w) for e in q.entities for n in (e["text"], e.get("canonical") or "")
               for w in WORD.findall(n) if len(_key(w)) >= 3}  # a question's name, or its short form
    words_x |= {_key(w) for w in WORD.findall(q.text) if len(_key(w)) >= 3}  # a name it writes untagged (ترامب)
    return next((text[a:b] for a, b, lab, *_ in ents if lab == x["type"] and p <= a and b <= start
                 and not {_key(w) for w in WORD.findall(text[a:b])} & words_x), None)  # ترامب، كيم: asked


def _terms(text: str) -> set[str]:
    return {t.term for t in analyze(text)}


def _near(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _found(t: str, terms: set[str]) -> bool:
    return t in terms or any(_near(t, w) for w in terms)


def valued(q: Question) -> list[str]:
    """What a figure question values (كم تبلغ **قيمة** اتفاق الإطار → اتفاق، الإطار): the noun after
    a FIGURE noun of the lexicon other than عدد (counts are read by their unit), and the definite
    noun completing it when it is indefinite."""
    if q.kind != "how_many":
        return []
    lex = lexicon()
    ms = [m for m in WORD.finditer(q.text, q.qword_end)]
    keys = [_key(m.group(0)) for m in ms]
    for i, k in enumerate(keys[:-1]):
        bare = k[2:] if k.startswith("ال") else k
        if lex["nouns"].get(bare) == "FIGURE" and bare != "عدد":
            nxt = keys[i + 1]
            if nxt in lex["preps"]:
                return []
            out = [ms[i + 1].group(0)]
            if not nxt.startswith("ال") and i + 2 < len(keys) and keys[i + 2].startswith("ال"):
                out.append(ms[i + 2].group(0))
            return out
    return []


def _found_root(t: str, words: list[str], terms: set[str]) -> bool:
    if _found(t, terms):
        return True
    sk = _skel(t)
    return len(sk) >= 3 and any(sk in _skel(w) for w in words)


def valued_ok(q: Question, text: str, sent: tuple[int, int]) -> bool:
    """The figure's own sentence names what the question values (:func:`valued`)."""
    want = [t for w in valued(q) for t in _terms(w)]
    if not want:
        return True
    part = text[sent[0]:sent[1]]
    words = [_key(m.group(0)) for m in WORD.finditer(part)]
    st = _terms(part)
    return all(_found_root(t, words, st) for t in want)


def yes_words(q: Question) -> list[str]:
    """The words a «نعم» must find: those after the predicate that are not in a named entity
    (the entity check reads names; a sentence may call فيسبوك «الشركة المالكة»)."""
    ms = [m for m in WORD.finditer(q.text, q.qword_end)
          if not any(e["start"] < m.end() and m.start() < e["end"] for e in q.entities)]
    if ms and not _key(ms[0].group(0)).startswith("ال") and ms[0].start() <= q.qword_end + 1:
        ms = ms[1:]  # the predicate: وقعت / الموقعة, طلب / طلبه
    return [m.group(0) for m in ms]


def _named_phrases(words: list[str], before: str) -> set[int]:
    """Indexes of ``words`` inside a run of two or more of them that ``before`` (the title and
    the sentences before the window) writes as a phrase: an untagged name (وزارة الانتقال الرقمي)."""
    bkey = " " + " ".join(_key(m.group(0)) for m in WORD.finditer(before)) + " "
    keys = [_key(w) for w in words]
    out: set[int] = set()
    for i in range(len(keys)):
        for j in range(len(keys), i + 1, -1):
            if " " + " ".join(keys[i:j]) + " " in bkey:
                out.update(range(i, j))
                break
    return out


def yes_missing(q: Question, text: str, win: tuple[int, int], title: str = "") -> list[str]:
    """Words of :func:`yes_words` that the window ``win`` of the cited sentence lacks (as a
    search term, with a letter of tolerance or by its firm consonants; words of a phrase named
    earlier count as found); one may be missing when the question has five terms or more."""
    part = text[win[0]:win[1]]
    words = [_key(m.group(0)) for m in WORD.finditer(part)]
    st = _terms(part)
    ws = yes_words(q)
    named = _named_phrases(ws, title + " . " + text[:win[0]])
    miss, n = [], 0
    for i, w in enumerate(ws):
        for t in _terms(w):
            n += 1
            if i not in named and not _found_root(t, words, st):
                miss.append(w)
    return [] if n >= 5 and len(miss) <= 1 else miss


def _constructs(q: Question) -> list[tuple[str, str]]:
    """(noun, completion) keys of the question's «indefinite noun + definite noun» phrases outside
    its names (رئيس رابطة **الدوري** → (رابطه, الدوري))."""
    lex = lexicon()
    ms = [m for m in WORD.finditer(q.text, q.qword_end)
          if not any(e["start"] < m.end() and m.start() < e["end"] for e in q.entities)]
    keys = [_key(m.group(0)) for m in ms]
    out = []
    for i in range(1, len(ms) - 1):
        n, c = keys[i], keys[i + 1]
        if ms[i + 1].start() == ms[i].end() + 1 and not n.startswith("ال") and c.startswith("ال") \
                and len(n) >= 4 and n not in lex["preps"] and n not in lex["copulas"] and n.endswith("ه"):
            out.append((n, c))
    return out


def antecedent_ok(q: Question, text: str, win: tuple[int, int], title: str = "") -> bool:
    """When the window refers back to a noun of the question by the noun alone (الرابطة for
    رابطة الدوري), the phrases the document built with that noun before (رابطة لاعبي كرة القدم،
    رابطة اللاعبين) must include the question's completion: otherwise it is another رابطة."""
    cons = _constructs(q)
    if not cons:
        return True
    wkeys = [_key(m.group(0)) for m in WORD.finditer(text, win[0], win[1])]
    before = [_key(m.group(0)) for m in WORD.finditer(title + " . " + text[:win[1]])]
    for n, c in cons:
        if not any(k == "ال" + n for k in wkeys) or any(a == n and b == c for a, b in zip(wkeys, wkeys[1:])):
            continue
        built = [b for a, b in zip(before, before[1:]) if a == n or (len(a) == len(n) + 1 and a[0] in "بل" and a[1:] == n)]
        ct = _terms(c)
        if built and not any(ct & _terms(b) for b in built):
            return False
    return True
