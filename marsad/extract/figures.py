"""Figures: counts, percentages, money and plain numbers, with qualifier and counted unit.

:func:`find_figures` finds numbers (digits in any script, number words, scale words) with
:func:`marsad.extract.numbers.find_numbers`, drops those that dates claim (a year inside a
date), years inside names (المغرب الرقمي 2030), resolution numbers (78/265), phone numbers,
times and codes, then reads the context: a qualifier before (أكثر من، نحو …) or after
(على الأقل), a percent sign or word, a currency, and the counted noun canonicalised to its
singular (``130 متدخلا`` → ``متدخل``; ``الدول السبع`` → ``دولة``). Tables are data files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.doc import Document, Span
from marsad.extract.dates import find_dates, non_figure_spans
from marsad.extract.numbers import HARAKAT, find_numbers, fold_text, key, load
from marsad.pipeline import register


@dataclass
class FigureMatch:
    """One figure: ``text[start:end]`` (number, scale, percent/currency words), its value and context."""

    start: int
    end: int
    value: float
    qualifier: str = "exact"
    unit: str | None = None
    currency: str | None = None
    kind: str = "number"            # count | percent | money | number


def _norm_phrase(s: str) -> str:
    return re.sub(r"\s+", " ", key(s)).strip()


@lru_cache(maxsize=1)
def _lex() -> dict:
    q, c, u, n = load("qualifiers.json"), load("currencies.json"), load("units.json"), load("numbers.json")
    before = sorted(((_norm_phrase(p), lab) for lab, ps in q["before"].items() for p in ps),
                    key=lambda x: -len(x[0]))
    after = sorted(((_norm_phrase(p), lab) for lab, ps in q["after"].items() for p in ps),
                   key=lambda x: -len(x[0]))
    cur = sorted(((_norm_phrase(k), v) for k, v in c["names"].items()), key=lambda x: -len(x[0]))
    return {"before": before, "after": after, "cur": cur,
            "pl": {key(k): v for k, v in u["plural_to_singular"].items()},
            "stop": {key(w) for w in u["not_units"]},
            "ordinal": {key(w) for w in n["ordinal_context"]},
            "ordinal_words": {key(w) for w in n["ordinal_words"]},
            "pct": sorted((_norm_phrase(p) for p in n["percent_words"]), key=len, reverse=True)}


SCORE = re.compile(r"(?<![\d.,])(?:\d+|صفر)(?:[ \t]*(?:[-–]|مقابل)[ \t]*(?:\d+|صفر))+(?![\d.,])")
WORD_RE = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670\u0671-\u06D3]+")


def canonical_unit(word: str, value: float | None = None) -> str | None:
    """Singular form of a counted noun (article and accusative ending removed)."""
    lx = _lex()
    w = HARAKAT.sub("", word)
    k = key(w)
    for pre in ("وال", "بال", "لل", "ال"):
        if k.startswith(pre) and len(k) - len(pre) >= 2:
            w, k = w[len(pre):], k[len(pre):]
            break
    if k in lx["stop"] or len(k) < 2:
        return None
    if k in lx["pl"]:
        return lx["pl"][k]
    if k.endswith("ا") and len(k) >= 4 and not k.endswith(("يا", "وا")):
        stripped = w[:-1]
        if key(stripped) in lx["pl"]:
            return lx["pl"][key(stripped)]
        return stripped
    if k.endswith("ات") and len(k) >= 5:
        return w[:-2] + "ة"
    if k.endswith("ين") and len(k) >= 6 and value is not None and 3 <= value <= 10:
        return w[:-2]
    return w


def _match_phrase(folded_key_text: str, pos: int, phrases, forward=True):
    """Longest phrase of ``phrases`` ending at ``pos`` (backward) or starting at it (forward)."""
    for p, lab in phrases:
        if forward:
            if folded_key_text.startswith(p, pos) and (pos + len(p) == len(folded_key_text)
                                                      or not folded_key_text[pos + len(p)].isalnum()):
                return p, lab
        else:
            st = pos - len(p)
            if st >= 0 and folded_key_text[st:pos] == p and (st == 0 or not folded_key_text[st - 1].isalnum()
                                                              or folded_key_text[st - 1] in "وفبل" and (st == 1 or not folded_key_text[st - 2].isalnum())
                                                              or folded_key_text[st - 2:st] in ("وب", "ول", "فب", "فل") and (st == 2 or not folded_key_text[st - 3].isalnum())):
                return p, lab
    return None


def _skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\u00a0":
        i += 1
    return i


def find_figures(text: str, dates: list | None = None) -> list[FigureMatch]:
    """Every figure of ``text`` (dates, name years, resolution numbers, phones, times excluded)."""
    lx = _lex()
    folded = fold_text(text)
    kt = HARAKAT.sub(lambda m: "\x00", folded)   # same length; harakat neutralised
    if dates is None:
        dates = find_dates(text, None)
    claimed = bytearray(len(text) + 1)
    for d in dates:
        claimed[d.start:d.end] = b"\x01" * (d.end - d.start)
    for a, b in non_figure_spans(text):
        claimed[a:b] = b"\x01" * (b - a)
    for m in SCORE.finditer(folded):               # 3-0، 2-صفر (a range with a unit, 10-15 عاما, stays)
        nxt = WORD_RE.match(folded, _skip_ws(folded, m.end()))
        if "مقابل" in m.group() or not nxt or key(nxt.group()).startswith("ال") or canonical_unit(nxt.group()) is None:
            claimed[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    out: list[FigureMatch] = []
    last_end = -1
    for n in find_numbers(text):
        if any(claimed[n.start:n.end]) or n.start < last_end:
            continue
        gap = re.search(r"([\u0621-\u064A\u064B-\u0652]+)[ \u00a0ـ]*(?:ال)?ـ*[وفبل]?$", folded[max(0, n.start - 40):n.start])
        pk = key(gap.group(1)) if gap else ""
        if pk in lx["ordinal_words"] or pk.lstrip("وفبل") in lx["ordinal_words"]:
            continue                                   # التاسع عشر، الحادي والعشرين
        if (n.article or not n.words) and (pk in lx["ordinal"] or pk.lstrip("وفبل") in lx["ordinal"]):
            continue                                   # المركز 16، الدقيقة 70، الذكرى الستين
        if n.words and n.article and key(text[n.start:n.end]) in ("المئة", "المائة", "المائه") and pk == "في":
            continue                                   # في المائة left over
        if not n.words and isinstance(n.value, int) and 1900 <= n.value <= 2099 and len(text[n.start:n.end]) == 4:
            m0 = WORD_RE.match(folded, _skip_ws(folded, n.end))
            if not m0 or canonical_unit(m0.group(), n.value) is None or key(m0.group()).startswith("ال"):
                continue                               # a year outside a date pattern (مونديال 2018)
        fig = FigureMatch(n.start, n.end, n.value)
        # percent
        i = _skip_ws(kt, n.end)
        if n.start > 0 and kt[n.start - 1] == "%":
            fig.kind, fig.start = "percent", n.start - 1
        else:
            for p in lx["pct"]:
                if kt.startswith(p, i):
                    fig.kind, fig.end = "percent", i + len(p)
                    break
        # money
        if fig.kind == "number":
            hit = _match_phrase(kt, i, lx["cur"])
            if hit is None and n.start > 0 and kt[n.start - 1] in "$€£":
                fig.kind, fig.currency, fig.start = "money", {"$": "USD", "€": "EUR", "£": "GBP"}[kt[n.start - 1]], n.start - 1
            elif hit:
                p, code = hit
                fig.kind, fig.currency, fig.end = "money", code, i + len(p)
                fig.unit = canonical_unit(text[i:i + len(p)].split()[0], n.value)
        # counted noun after (or before, for الدول السبع)
        if fig.kind == "number":
            m = WORD_RE.match(folded, i)
            if n.article and n.words:
                j = n.start - 1
                while j >= 0 and folded[j] == " ":
                    j -= 1
                words = WORD_RE.findall(folded[max(0, j - 30):j + 1])
                if words and key(words[-1]).startswith(("ال", "وال", "بال", "لل")):
                    u = canonical_unit(words[-1], n.value)
                    if u:
                        fig.unit, fig.kind = u, "count"
            elif m and i == _skip_ws(kt, n.end) and n.end < len(folded):
                if key(m.group()) in ("ديال", "د"):           # Darija: 5 ديال الحلقات
                    m = WORD_RE.match(folded, _skip_ws(folded, m.end())) or m
                    u = canonical_unit(m.group(), n.value)
                    if u:
                        fig.unit, fig.kind = u, "count"
                    m = None
            if m and i == _skip_ws(kt, n.end) and n.end < len(folded) and fig.unit is None:
                u = canonical_unit(m.group(), n.value)
                if u and not key(m.group()).startswith(("ال", "بال", "وال", "لل", "فال", "كال")):
                    fig.unit, fig.kind = u, "count"
        # qualifier before / after
        b = n.start if fig.start == n.start else fig.start
        bb = b
        while bb > 0 and kt[bb - 1] in " \t":
            bb -= 1
        hit = _match_phrase(kt, bb, lx["before"], forward=False)
        if hit is None and bb >= 3 and kt[bb - 3:bb] in ("الـ", "ال\x00"):
            hit = _match_phrase(kt, _skip_back(kt, bb - 3), lx["before"], forward=False)
        if hit:
            fig.qualifier = hit[1]
        else:
            after = _skip_ws(kt, fig.end)
            m2 = WORD_RE.match(folded, after)
            if fig.unit and m2:
                after = _skip_ws(kt, m2.end()) if key(m2.group()) == key(fig.unit) else after
            hit = _match_phrase(kt, after, lx["after"])
            if hit is None and m2:
                hit = _match_phrase(kt, _skip_ws(kt, m2.end()), lx["after"])
            if hit:
                fig.qualifier = hit[1]
        out.append(fig)
        last_end = fig.end
    return out


def _skip_back(s: str, i: int) -> int:
    while i > 0 and s[i - 1] in " \t":
        i -= 1
    return i


@register("figures", provides=("figures",))
def make_figures_stage(**config):
    """Counts, percentages and amounts of money as FIGURE spans (not the years of dates)."""

    def stage(doc: Document) -> None:
        if doc.has_layer("dates"):
            from marsad.extract.dates import DateMatch
            dates = [DateMatch(s.start, s.end, s.attrs.get("value"), s.attrs.get("kind", ""))
                     for s in doc.spans("dates")]
        else:
            dates = find_dates(doc.text, doc.published)
        spans = []
        for f in find_figures(doc.text, dates):
            qualifier = f.qualifier  # the contract adds at_most ("no more than N") to the list
            attrs = {"value": f.value, "qualifier": qualifier, "unit": f.unit, "kind": f.kind}
            if f.kind == "money":
                attrs["currency"] = f.currency
            spans.append(Span(f.start, f.end, "FIGURE", attrs))
        doc.set_layer("figures", spans)

    return stage
