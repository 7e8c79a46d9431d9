"""Answer checks on what a figure or date answer is about (engineer Q7, from Moroccan articles;
called by :func:`marsad.qa.verify.check`, switched on by name in ``data/verify.json``, word lists
in ``data/verify.json`` ``scope``):

* ``echo``: a when/how-many answer whose numbers are all the question's own numbers repeats the
  question («متى انعقد المجلس … الذي صادق على ميزانية 2021» is not answered «سنة 2021»);
* ``contrast``: a word of the question that the sentence writes only in another clause, one opened
  by a contrast marker (أما، بينما، في حين، فيما — not «فيما يتعلق»), tells that the answer is about something else
  («نقل القطار 8,8 مليون مسافر …، أما البراق فسجل … ارتفاع د28 فالمية»: not the count of البراق);
* ``rate``: a percentage answers a how-many question only when the question asks a rate or a
  change (نسبة، معدل، ارتفع، زيادة …): «كم يبلغ الحد الأدنى للأجور» is not «10 في المائة» of a rise;
* ``venue``: a where-answer that stands before the question's predicate (or, for a light verb,
  its object noun) in its sentence is another fact's place when a place right after في/ب follows
  the predicate there («استثمارات في تركيا … خلال اجتماع عقده مع الرئيس التركي في أنقرة» for «أين
  اجتمع أمير قطر بالرئيس التركي») — engineer Q10;
* ``own_title``: a who-question asking a title's holder (من هو القنصل …) is not answered by a
  person whose own titles in the roles layer all lack that title's head (أردوغان, «الرئيس
  التركي», for the consul) — engineer Q10;
* ``money``: a question asking an amount of money (كم تبلغ **قيمة**/**الغرامة**/**تكلفة** …, the
  noun right after the question word and its verb) is not answered by a figure that counts
  another unit («14 ألف وحدة», «30 يومًا»; the figures layer's unit) — engineer Q10.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.qa.question import TABLE, Question, _key
from marsad.search.analyzer import WORD

DATA = Path(__file__).with_name("data")
DIGITS = re.compile(r"\d+")


def _bare(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


@lru_cache(maxsize=1)
def words() -> dict:
    raw = json.loads((DATA / "verify.json").read_text(encoding="utf-8"))["scope"]
    return {"contrast": [[_key(w) for w in WORD.findall(p)] for p in raw["contrast_markers"]],
            "contrast_raw": [[_plain(w) for w in WORD.findall(p)] for p in raw["contrast_markers"]],
            "not_contrast": {_key(w) for w in raw["contrast_not_before"]},
            "percent": {_bare(_key(w)) for w in raw["percent_words"]},
            "percent_written": {_key(w) for w in raw["percent_words"]},
            "rate": [_bare(_key(w)) for w in raw["rate_words"]],
            "money": {_bare(_key(w)) for w in raw["money_nouns"]}}


def echo(q: Question, answer: str) -> bool:
    if q.kind not in ("when", "how_many"):
        return False
    nums = DIGITS.findall(answer or "")
    return bool(nums) and set(nums) <= set(DIGITS.findall(q.text))


def _stem(k: str) -> str:
    return _bare(k)


def _question_words(q: Question) -> list[str]:
    """Content words of the question after its question word (keys without ال), 3+ letters, no figures."""
    skip = {_key(w) for w in WORD.findall(" ".join(x for x in (q.unit_key, q.type_noun, q.head) if x))}
    out = []
    for m in WORD.finditer(q.text, q.qword_end):
        k = _key(m.group(0))
        if k in skip or DIGITS.search(k) or len(_bare(k)) < 4:
            continue
        out.append(_bare(k))
    return out


def _plain(w: str) -> str:
    """A word as written, normalised, without a leading و (فيما, whose ف is no proclitic)."""
    k = w.translate(TABLE)
    return k[1:] if k.startswith("و") and len(k) > 3 else k


def _cuts(ms: list, keys: list[str]) -> list[int]:
    """Indexes of the words where a contrast clause begins (not «فيما يتعلق/يخص/بعد»)."""
    out = []
    plain = [_plain(m.group(0)) for m in ms]
    w = words()
    for seq, p in [(keys, p) for p in w["contrast"]] + [(plain, p) for p in w["contrast_raw"]]:
        n = len(p)
        for i in range(len(seq) - n + 1):
            if seq[i:i + n] == p and not (i + n < len(keys) and keys[i + n] in w["not_contrast"]):
                out.append(i)
    return sorted(set(out))


def contrast(q: Question, text: str, sent: tuple[int, int], start: int) -> str | None:
    if q.kind not in ("when", "how_many", "where"):
        return None
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    keys = [_key(m.group(0)) for m in ms]
    cuts = _cuts(ms, keys)
    if not cuts:
        return None
    bounds = [0, *cuts, len(ms)]
    segs = list(zip(bounds, bounds[1:]))
    at = next((i for i, (a, b) in enumerate(segs) if a < b and ms[a].start() <= start < (ms[b].start() if b < len(ms) else sent[1])), None)
    if at is None:
        return None
    a0, b0 = segs[at]
    own = {_bare(k) for k in keys[a0:b0]}
    for w in _question_words(q):
        if w in own:
            continue
        for i, (a, b) in enumerate(segs):
            if i != at and i > 0 and w in {_bare(k) for k in keys[a:b]}:
                return w
    return None


def rate(q: Question, answer: str) -> bool:
    if q.kind != "how_many":
        return False
    w = words()
    # «في المئة»، «بالمئة» as written — not «مئة» alone, a hundred (أكثر من مئة متحدث)
    akeys = {_key(x) for x in WORD.findall(answer or "")}
    if not ("%" in (answer or "") or akeys & w["percent_written"]):
        return False
    return not _asks_change(q)


def _forms(k: str) -> set[str]:
    """A key and the key without a verb's prefix (يتقلص، سيتقلص → تقلص)."""
    out = {k}
    if k[:2] in ("سي", "ست", "سن") and len(k) > 4:
        out.add(k[2:])
    if k[:1] in "يتنس" and len(k) > 3:
        out.add(k[1:])
    return out


def _rated(k: str) -> bool:
    return any(f.startswith(r) for f in _forms(k) for r in words()["rate"])


def _rated_word(k: str) -> bool:
    """A key (with its article) is a change word; a definite word is a noun, read without a verb's
    prefix (السينما is no س + ينما)."""
    b = _bare(k)
    return any(b.startswith(r) for r in words()["rate"]) if k.startswith("ال") else _rated(b)


def _asks_change(q: Question) -> bool:
    qkeys = [_key(x) for x in WORD.findall(q.text)]
    return "%" in q.text or any(_rated_word(k) or _bare(k) in words()["percent"] for k in qkeys)


def change(q: Question, text: str, start: int, back: int = 5) -> bool:
    """``change``: a figure written as the size of a change (ب right before it, a change word of
    ``rate_words`` among the words before: «تقلص الناتج الداخلي الإجمالي ب1،5») answers a how-many
    question only when the question asks a change or a rate (not «كم يبلغ الناتج الداخلي»)."""
    if q.kind != "how_many" or _asks_change(q):
        return False
    lead = text[max(0, start - 2):start]
    if not (lead.endswith("ب") or lead == "ب "):
        return False
    before = [_key(m.group(0)) for m in WORD.finditer(text, max(0, start - 80), max(0, start - 1))][-back:]
    return any(_rated_word(k) for k in before)


def asks_money(q: Question) -> str | None:
    """The money noun a how-many question asks about, among its first three words after the
    question word (كم تبلغ قيمة …، ما هي قيمة …، كم بلغت الغرامة …), or None."""
    if q.kind != "how_many":
        return None
    for m in list(WORD.finditer(q.text, q.qword_end))[:3]:
        k = _key(m.group(0))
        if _bare(k) in words()["money"]:
            return m.group(0)
    return None


@lru_cache(maxsize=1)
def _currency_words() -> set[str]:
    names = json.loads((DATA.parent.parent / "extract" / "data" / "currencies.json").read_text(encoding="utf-8"))["names"]
    return {_bare(_key(WORD.findall(n)[0])) for n in names if WORD.search(n)} | {n for n in names if not WORD.search(n)}


def money(q: Question, figures: list, start: int, end: int, answer: str = "") -> str | None:
    """A figure answer [start, end) that counts another unit than money (its unit in the figures
    layer, no currency, and no currency word in the answer: «3 ملايير دولار» is money) for a
    question asking an amount of money: that unit, else None."""
    noun = asks_money(q)
    if not noun:
        return None
    cur = _currency_words()
    if any(_bare(_key(w)) in cur for w in WORD.findall(answer or "")) or any(c in (answer or "") for c in cur if len(c) == 1):
        return None
    for s, e, _, a in figures:
        if s < end and start < e and a.get("unit") and not a.get("currency") and a.get("kind") == "count":
            return f"{noun} / {a['unit']}"
    return None


PLACE_LABELS = ("GPE", "LOC", "FAC")


def _pred_after(q: Question, ms: list, end: int):
    """The first word after ``end`` that is a form of the question's predicate or, when the sentence
    has none, holds its object noun (أين ستعقد الاجتماعات …: للاجتماعات); None."""
    from marsad.qa.evidence import _object, _terms, predicate_test
    is_pred = predicate_test(q)
    later = [m for m in ms if m.start() >= end]
    if is_pred:
        if any(is_pred(m.group(0)) for m in ms if m.start() < end):
            return None  # the predicate also stands before the answer: the answer may be its venue
        hit = next((m for m in later if is_pred(m.group(0))), None)
        if hit is not None:
            return hit
    obj = _object(q)
    ot = _terms(obj) if obj else set()
    if not ot or any(ot <= _terms(m.group(0)) for m in ms if m.start() < end):
        return None
    return next((m for m in later if ot <= _terms(m.group(0))), None)


def venue(q: Question, text: str, sent: tuple[int, int], start: int, end: int, ents: list) -> str | None:
    """The place after the question's predicate that is its venue, when the where-answer
    [start, end) stands before that predicate in the sentence; None otherwise."""
    if q.kind != "where":
        return None
    ms = list(WORD.finditer(text, sent[0], sent[1]))
    p = _pred_after(q, ms, end)
    if p is None:
        return None
    own = {_key(w) for e in q.entities for w in WORD.findall(e["text"])}
    for s, e, lab, *_ in sorted(ents, key=lambda x: x[0]):
        if lab not in PLACE_LABELS or s < p.end() or e > sent[1]:
            continue
        prev = list(WORD.finditer(text, max(sent[0], s - 12), s))
        glued = s > 0 and text[s - 1] == "ب"
        if (glued or (prev and _key(prev[-1].group(0)) in ("في", "فى"))) and not {_key(w) for w in WORD.findall(text[s:e])} <= own:
            return text[s:e]
    return None


def own_title(q: Question, roles: list, start: int, end: int) -> str | None:
    """The title the answer [start, end) holds in the roles layer when the who-question asks
    another title's holder (none of the answer's titles holds the question's head noun); None."""
    if q.kind != "who" or not q.head:
        return None
    from marsad.search.analyzer import analyze
    head = {t.term for t in analyze(q.head)}
    titles = [a.get("title") or "" for s, e, _, a in roles
              if (a.get("person_span") or (s, e))[0] < end and start < (a.get("person_span") or (s, e))[1]]
    titles = [t for t in titles if t]
    if not head or not titles or any(head <= {x.term for x in analyze(t)} for t in titles):
        return None
    return titles[0]


def failed(q: Question, text: str, layers: dict, sent: tuple[int, int], start: int, end: int, answer: str,
           on) -> str | None:
    """The first of this module's checks switched on (``on``) that the answer fails, as
    ``"name: detail"``; None when it passes them all."""
    ents, figs = layers.get("entities") or [], layers.get("figures") or []
    tests = [("echo", lambda: answer if echo(q, answer) else None), ("contrast", lambda: contrast(q, text, sent, start)),
             ("venue", lambda: venue(q, text, sent, start, end, ents)), ("money", lambda: money(q, figs, start, end, answer)),
             ("own_title", lambda: own_title(q, layers.get("roles") or [], start, end)),
             ("rate", lambda: answer if rate(q, answer) else None),
             ("change", lambda: answer if change(q, text, start) else None)]
    for name, test in tests:
        why = test() if name in on else None
        if why is not None:
            return f"{name}: {why}"
    return None
