"""Dates: absolute, numeric, Hijri, ranges and relative expressions, as ISO values.

:func:`find_dates` is a pure function over a text; relative expressions (أمس الأحد، يونيو
الماضي، العام المقبل …) are resolved against the publication date, or kept with
``value=None`` and a ``reason`` when there is none — never guessed. Patterns run on the
one-to-one folded text (:func:`marsad.extract.numbers.fold`), so offsets are the caller's.
Month, weekday and relative word tables are data (``data/months.json``, ``data/relative.json``).
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from marsad.doc import Document, Span
from marsad.extract import hijri
from marsad.extract.numbers import fold, fold_text, key, load
from marsad.pipeline import register


@dataclass
class DateMatch:
    """One date expression: ``text[start:end]``, its ISO ``value`` (or None and ``reason``)."""

    start: int
    end: int
    value: str | None
    kind: str                       # absolute | relative | range
    reason: str | None = None
    weekday_mismatch: str | None = None


def _alt(words) -> str:
    ws = sorted({re.escape(key(w)).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(ws) + ")"


@lru_cache(maxsize=1)
def _lex() -> dict:
    m, r = load("months.json"), load("relative.json")
    month_of, hmonth_of, wd_of = {}, {}, {}
    for num, names in m["gregorian"].items():
        for n in names:
            month_of[key(n)] = int(num)
    for num, names in m["hijri"].items():
        for n in names:
            hmonth_of[key(n)] = int(num)
    for num, names in m["weekdays"].items():
        for n in names:
            wd_of[key(n)] = int(num)
    kd = lambda d: {re.sub(r"\s+", " ", key(k)): v for k, v in d.items()}
    return {"month": month_of, "hmonth": hmonth_of, "wd": wd_of, "rel": r,
            "dw": kd(r["day_words"]), "od": kd(m["day_ordinals"]), "per": kd(r["periods"]), "sea": kd(r["seasons"]),
            "past": {re.sub(r"\s+", " ", key(x)) for x in r["past"]},
            "not_today": {key(x) for x in r["bare_today_not_after"]},
            "need_wd": {key(x) for x in r["day_words_need_weekday"]},
            "future": re.compile(r"(?<![\w])(?:" + "|".join(sorted((re.escape(key(x)) for x in r["future_markers"]), key=len, reverse=True)) + r")(?![\w])"), "next": {key(x) for x in r["next"]},
            "ambiguous": {key(a) for a in m["ambiguous"]}}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lx = _lex()
    r = lx["rel"]
    m_ = load("months.json")
    B, E = r"(?<![\w])", r"(?![\w])"
    BD = r"(?:(?<![\w])|(?<=في)|(?<=يوم)|(?<=[بل]))"   # a day number may be glued to في/يوم/ب/ل
    M = _alt(lx["month"])
    MM = rf"(?:[وبل]?(?P<m>{M})(?:\s*[/(]\s*(?P<m2>{M})\s*\)?|\s+(?P<m3>{M})(?![\w]))?)"
    H = _alt(lx["hmonth"])
    W = rf"(?:[وفب]?(?P<wd>{_alt(w for w in lx['wd'] if w.startswith('ال'))}))"
    Y = r"(?P<y>1[6-9]\d\d|20\d\d|2100)"
    YR = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:ل?(?:ال)?(?:عام|سنة)|للعام|للسنة)?\s*{Y}\s*(?:م{E}|ميلادي)?)"
    D = r"(?P<d>0?[1-9]|[12]\d|3[01])"
    WDP = rf"(?:(?:(?:اليوم|امس|غدا|يوم|مساء|صباح|ليلة|ظهر)\s+)?{W}\s*[،,]?\s*(?:الموافق\s+(?:لـ?\s*)?)?)?"
    PAST, NEXT, CUR = _alt(r["past"]), _alt(r["next"]), _alt(r["current"])
    REL = rf"(?P<rel>{PAST}|{NEXT}|{CUR})"
    SEP = r"\s*(?:و?حتي|و?الي|و|-|–|ل)\s*"     # folded: إلى → الي، حتى → حتي
    pats = {
        "range_months": rf"{B}(?:من\s+|بين\s+)?(?P<d1>0?[1-9]|[12]\d|3[01])\s+(?P<ma>{M})(?:\s*[/(]\s*{M}\s*\)?)?(?:\s+{Y.replace('y>', 'ya>')})?{SEP}{D}\s+{MM}{YR}?",
        "range_days": rf"{B}{WDP}(?:من\s+|بين\s+)?(?:يومي\s+)?(?P<d1>0?[1-9]|[12]\d|3[01]){SEP}{D}\s+(?:من\s+)?(?:شهر\s+)?{MM}{YR}?",
        "ordinal_day": rf"{B}{WDP}(?P<od>{_alt(m_['day_ordinals'])})\s+من\s+(?:شهر\s+)?{MM}{YR}?",
        "full": rf"{BD}{WDP}{D}\s*(?:من\s+)?(?:شهر\s+)?{MM}(?:{YR}|\s+{REL})?",
        "hijri": rf"{B}{D}?\s*(?:من\s+)?(?:شهر\s+)?[وبل]?(?P<hm>{H})\s*(?:[،,]?\s*(?:عام|سنة)?\s*(?P<hy>1[34]\d\d)\s*(?:هـ|ه|للهجرة)?)",
        "hijri_year": rf"{B}(?:(?:عام|سنة)\s+)?(?P<hy>1[34]\d\d)\s*(?:هـ|ه{E}|للهجرة|هجري)",
        "month_year": rf"{B}(?:(?:شهر|مطلع|منتصف|أواخر|اواخر|نهاية|بداية|أوائل|اوائل)\s+)?{MM}{YR}",
        "month_rel": rf"{B}(?:شهر\s+)?{MM}\s+{REL}",
        "numeric": r"(?<![\d/.\-\w])(?P<d>[0-3]?\d)(?P<s>[/.\-])(?P<mo>[01]?\d)(?P=s)(?P<y>(?:19|20)\d\d)(?![\d/\w])",
        "iso": r"(?<![\d/.\-\w])(?P<y>(?:19|20)\d\d)(?P<s>[/\-])(?P<mo>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?![\d/\w])",
        "year_range": rf"{B}(?:من|منذ|ما\s+بين|بين)\s+(?:(?:ال)?(?:عام|سنة)\s+)?(?P<y5>(?:19|20)\d\d){SEP}(?:(?:ال)?(?:عام|سنة)\s+)?(?P<y6>(?:19|20)\d\d){E}|{B}(?:(?:بين|من)\s+)?(?:ال)?(?:عامي|سنتي|الفترة|الفترة\s+(?:ما\s+)?بين|عام|سنة|العامين)\s+(?P<y1>(?:19|20)\d\d){SEP}(?P<y2>(?:19|20)\d\d){E}|(?<![\d/\-\w])(?P<y3>(?:19|20)\d\d)\s*[-–/]\s*(?P<y4>(?:19|20)\d\d)(?![\d/\-\w])",
        "year": rf"{B}[وفبل]?(?:{_alt(r['year_prefixes'])}\s*(?:{_alt(r['year_qualifiers'])}\s+)?|(?:[وبل])?ال(?:عام|سنة)\s+)(?:ال)?{Y}{E}(?:\s*م{E}|\s*ميلادي(?:ة)?)?|(?<![\d/\-\w.,]){Y.replace('y>', 'yb>')}\s*م{E}",
        "year_and": rf"(?<=\d)\s*و\s*(?:(?:ال)?(?:عام|سنة)\s+)?(?P<x>(?:19|20)\d\d){E}",
        "bare_year": rf"{B}[وف]?(?:{_alt(r['bare_year_prefixes'])})\s+(?:ال)?(?:عام\s+)?(?P<x>{Y}){E}(?!\s*[-/]\d)",
        "day_word": rf"{B}(?P<dw>{_alt(r['day_words'])})(?:\s*[،,]?\s*{W})?{E}",
        "today": r"(?<![\w])(?P<x>اليوم)(?![\w])(?!\s*[،,]?\s*ال(?!ي(?![\w])))",
        "year_bound": rf"{B}[وفبل]?(?:{_alt(r['year_boundaries'])})\s+(?P<x>ال(?:عام|سنة))(?!\s*(?:ال)?\d)(?!\s+\w+\s*\d)(?![\w])",
        "month_bare": rf"{B}[وفبل]?(?:{_alt(r['month_prefixes'])})\s+(?P<x>{MM.replace('<m>', '<mb>').replace('<m2>', '<mb2>').replace('<m3>', '<mb3>')})(?![\w])(?!\s*[،,]?\s*(?:من\s+)?(?:ال)?(?:عام|سنة)?\s*\d)",
        "period_rel": rf"{B}(?:[وفبل]|خلال\s+|مطلع\s+|نهاية\s+|بداية\s+)?(?:(?P<per>{_alt(r['periods'])})\s+{REL}|(?P<cur>هذا|هذه)\s+(?P<per2>{_alt(r['periods'])})){E}",
        "season_rel": rf"{B}(?:[وفبل])?(?:فصل\s+)?(?P<sea>{_alt(r['seasons'])})\s+{REL}{E}",
        "weekday": rf"{B}(?:(?:{_alt(r['weekday_prefixes'])})\s+)?{W}(?:\s+(?P<before>قبل\s+)?(?P<rel>{PAST}|{NEXT}))?{E}",
    }
    # a date never runs across a line break
    return {k: re.compile(v.replace(r"\s", r"[^\S\n]")) for k, v in pats.items()}


@lru_cache(maxsize=1)
def _gates() -> dict[str, re.Pattern]:
    """For some patterns, a part that every match of theirs contains (a Hijri month or season
    name, an ordinal day, a year boundary, a weekday, a day word, a numeric date's separators,
    two years or two days joined, a day before a month, a month before a year or a relative
    word, a year), led by a literal or a digit that ``re`` finds fast: where it is absent from a text,
    the pattern is not run."""
    lx, r, m_ = _lex(), _lex()["rel"], load("months.json")
    gates = {
        "hijri": _alt(lx["hmonth"]),
        "hijri_year": r"1[34]\d\d\s*(?:هـ|ه|للهجرة|هجري)",
        "ordinal_day": rf"{_alt(m_['day_ordinals'])}\s+من",
        "season_rel": _alt(r["seasons"]),
        "year_bound": rf"(?:{_alt(r['year_boundaries'])})\s+ال(?:عام|سنة)",
        "weekday": _alt(w for w in lx["wd"] if w.startswith("ال")),
        "numeric": r"[/.\-][01]?\d[/.\-](?:19|20)\d\d",
        "iso": r"(?:19|20)\d\d[/\-][01]?\d[/\-]",
        "day_word": _alt(r["day_words"]),
        "today": "اليوم",
    }
    # led by a digit, or by a month name ending the pattern's MM (with MM's closing ")" after it)
    M, Y = _alt(lx["month"]), r"(?:1[6-9]\d\d|20\d\d|2100)"
    SEP = r"\s*(?:و?حتي|و?الي|و|-|–|ل)\s*"
    gates.update({
        "range_days": rf"\d{SEP}\d",                                     # d1 SEP d
        "full": rf"\d\s*(?:من\s+)?(?:شهر\s+)?[وبل]?{M}",                   # d … month
        "year_range": rf"(?:19|20)\d\d(?:{SEP}|\s*/\s*)(?:(?:ال)?(?:عام|سنة)\s+)?(?:19|20)\d\d",
        "month_year": rf"{M}\s*\)?\s*[،,]?\s*(?:من\s+)?(?:ل?(?:ال)?(?:عام|سنة)|للعام|للسنة)?\s*{Y}",
        "month_rel": rf"{M}\s*\)?\s+(?:{_alt(r['past'])}|{_alt(r['next'])}|{_alt(r['current'])})",
        "year": Y,                                                       # a year
        "bare_year": Y,
    })
    return {k: re.compile(v.replace(r"\s", r"[^\S\n]")) for k, v in gates.items()}


ORDER = ["range_months", "range_days", "ordinal_day", "full", "numeric", "iso", "hijri", "hijri_year",
         "month_year", "month_rel", "year_range", "year", "year_and", "bare_year", "day_word",
         "period_rel", "season_rel", "weekday", "today", "year_bound", "month_bare"]


def _dir(rel: str | None) -> int:
    if not rel:
        return 0
    lx = _lex()
    k = re.sub(r"\s+", " ", key(rel))
    if k in lx["past"]:
        return -1
    if k in lx["next"]:
        return 1
    return 0


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, pub: date, direction: int) -> date | None:
    cands = [x for x in (_safe(pub.year + k, m, d) for k in (-1, 0, 1)) if x]
    if direction < 0:
        cands = [c for c in cands if c <= pub] or cands
        return max(cands) if cands else None
    if direction > 0:
        cands = [c for c in cands if c >= pub] or cands
        return min(cands) if cands else None
    return min(cands, key=lambda c: abs((c - pub).days)) if cands else None


def _month_rel(m: int, pub: date, direction: int) -> tuple[int, int]:
    if direction < 0:
        return (pub.year, m) if m < pub.month else (pub.year - 1, m)
    if direction > 0:
        return (pub.year, m) if m > pub.month else (pub.year + 1, m)
    return pub.year, m


def _month(mg: str) -> int:
    return _lex()["month"][re.sub(r"\s+", " ", key(mg))]


def _wd(g: str | None) -> int | None:
    return None if not g else _lex()["wd"].get(key(g))


def _interpret(name: str, m: re.Match, pub: date | None, text: str):
    """(value, kind, reason, date_for_weekday_check) for one match, or None to reject."""
    g = m.groupdict()
    lx = _lex()
    if name == "ordinal_day":
        g = dict(g, d=str(lx["od"][re.sub(r"\s+", " ", key(g["od"]))]))
        name = "full"
    if name == "full":
        mo, d = _month(g["m"]), int(g["d"])
        if g.get("y"):
            dt = _safe(int(g["y"]), mo, d)
            return (dt.isoformat(), "absolute", None, dt) if dt else None
        if pub is None:
            return None, "relative", "no_year_and_no_publication_date", None
        dt = _infer_year(mo, d, pub, _dir(g.get("rel")))
        return (dt.isoformat(), "relative", None, dt) if dt else None
    if name in ("range_days", "range_months"):
        mo, d2, d1 = _month(g["m"]), int(g["d"]), int(g["d1"])
        mo1 = _month(g["ma"]) if g.get("ma") else mo
        y = int(g["y"]) if g.get("y") else None
        if y is None:
            if pub is None:
                return None, "range", "no_year_and_no_publication_date", None
            y = _infer_year(mo, d2, pub, 0).year
        y1 = int(g["ya"]) if g.get("ya") else (y - 1 if mo1 > mo else y)
        a, b = _safe(y1, mo1, d1), _safe(y, mo, d2)
        if not a or not b or a >= b:
            return None
        return f"{a.isoformat()}/{b.isoformat()}", "range", None, a
    if name in ("numeric", "iso"):
        dt = _safe(int(g["y"]), int(g["mo"]), int(g["d"]))
        return (dt.isoformat(), "absolute", None, dt) if dt else None
    if name == "hijri":
        hm = lx["hmonth"][re.sub(r"\s+", " ", key(g["hm"]))]
        hy = int(g["hy"])
        if g.get("d"):
            dt = hijri.to_gregorian(hy, hm, int(g["d"]))
            return dt.isoformat(), "absolute", None, dt
        a, b = hijri.month_span(hy, hm)
        return f"{a.isoformat()}/{b.isoformat()}", "range", None, None
    if name == "hijri_year":
        a, b = hijri.year_span(int(g["hy"]))
        return f"{a.isoformat()}/{b.isoformat()}", "range", None, None
    if name == "month_year":
        return f"{int(g['y']):04d}-{_month(g['m']):02d}", "absolute", None, None
    if name == "month_rel":
        if pub is None:
            return None, "relative", "relative_without_publication_date", None
        y, mo = _month_rel(_month(g["m"]), pub, _dir(g["rel"]))
        return f"{y:04d}-{mo:02d}", "relative", None, None
    if name == "year_range":
        y1, y2 = (g["y1"], g["y2"]) if g.get("y1") else (g["y5"], g["y6"]) if g.get("y5") else (g["y3"], g["y4"])
        if int(y2) <= int(y1) or int(y2) - int(y1) > 50:
            return None
        if g.get("y1") and not re.search(r"بين|الفتر|من|منذ", m.group()) and not re.search(r"[-–]|حتي|الي", m.group()):
            return None                     # خلال عامي 2002 و2014: two years, not a range
        return f"{y1}/{y2}", "range", None, None
    if name in ("year", "bare_year", "year_and"):
        return g.get("y") or g.get("yb") or m.group("x"), "absolute", None, None
    if name == "day_word" and re.sub(r"\s+", " ", key(g["dw"])) in lx["need_wd"] and not g.get("wd"):
        return None
    if name == "today":
        prev = re.findall(r"\w+", text[max(0, m.start() - 20):m.start()])
        if prev and key(prev[-1]) in lx["not_today"]:
            return None
    if pub is None:
        return None, "relative", "relative_without_publication_date", None
    if name == "today":
        return pub.isoformat(), "relative", None, pub
    if name == "year_bound":
        return f"{pub.year:04d}", "relative", None, None
    if name == "month_bare":
        mk = re.sub(r"\s+", " ", key(g["mb"]))
        if mk == key("ماي") and not g.get("mb2") and not g.get("mb3"):
            return None
        mo = lx["month"][mk]
        cands = [(abs((pub.year + k) * 12 + mo - (pub.year * 12 + pub.month)), pub.year + k) for k in (-1, 0, 1)]
        return f"{min(cands)[1]:04d}-{mo:02d}", "relative", None, None
    if name == "day_word":
        dw = re.sub(r"\s+", " ", key(g["dw"]))
        if dw in {key(x) for x in lx["rel"]["day_words_need_weekday"]} and not g.get("wd"):
            return None
        dt = pub + timedelta(days=lx["dw"][dw])
        return dt.isoformat(), "relative", None, dt
    if name == "period_rel":
        per = lx["per"][key(g.get("per") or g.get("per2"))]
        step = _dir(g.get("rel"))
        if per == "year":
            return f"{pub.year + step:04d}", "relative", None, None
        if per == "month":
            mi = pub.year * 12 + pub.month - 1 + step
            return f"{mi // 12:04d}-{mi % 12 + 1:02d}", "relative", None, None
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "relative", None, None
    if name == "season_rel":
        a, b = lx["sea"][key(g["sea"])]
        step = _dir(g["rel"])
        # the season's start year: the last (or next) one relative to publication
        y = pub.year
        season_start = date(y, a, 1)
        if step < 0:
            if season_start > pub:
                y -= 1
            if date(y, a, 1) <= pub <= date(y + (b < a), b, monthrange(y + (b < a), b)[1]):
                y -= 1
        elif step > 0:
            if season_start <= pub:
                y += 1
        y2 = y + (b < a)
        return f"{y:04d}-{a:02d}/{y2:04d}-{b:02d}", "relative", None, None
    if name == "weekday":
        wd = _wd(g["wd"])
        step = _dir(g.get("rel"))
        if step == 0:
            before = text[max(0, m.start() - 90):m.start()]
            before = re.split(r"[.!?؟\n]", before)[-1]
            if lx["future"].search(fold(before)):
                dt = pub + timedelta(days=(wd - pub.weekday()) % 7)
                return dt.isoformat(), "relative", None, None
        delta = (pub.weekday() - wd) % 7
        if step < 0:
            dt = pub - timedelta(days=(delta or 7) + (7 if g.get("before") else 0))
        elif step > 0:
            dt = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:
            dt = pub - timedelta(days=delta)
        return dt.isoformat(), "relative", None, None
    return None


WEEKDAY_NAMES = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def _pub_date(published) -> date | None:
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return published
    p = str(published).strip()
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", p)
    try:
        return date(int(m[3]), int(m[2]), int(m[1])) if m else date.fromisoformat(p[:10])
    except ValueError:
        return None


def find_dates(text: str, published: date | str | None = None) -> list[DateMatch]:
    """Every date expression of ``text``; relative ones resolved against ``published``."""
    pub = _pub_date(published)
    folded = fold_text(text)
    pats = _patterns()
    taken = bytearray(len(text))
    gates = _gates()
    out: list[DateMatch] = []
    for name in ORDER:
        if name in gates and not gates[name].search(folded):
            continue
        for m in pats[name].finditer(folded):
            s, e = m.span("x") if "x" in m.groupdict() else m.span()
            while s < e and not folded[s].strip():
                s += 1
            while e > s and (folded[e - 1] in "،," or not folded[e - 1].strip()):
                e -= 1
            if any(taken[s:e]):
                continue
            res = _interpret(name, m, pub, text)
            if res is None:
                continue
            value, kind, reason, check = res
            mismatch = None
            wd = _wd(m.groupdict().get("wd"))
            if wd is not None and check is not None and name != "weekday" and check.weekday() != wd:
                mismatch = (f"{text[s:e]!s}: {check.isoformat()} is a {WEEKDAY_NAMES[check.weekday()]},"
                            f" not {WEEKDAY_NAMES[wd]}")
            # a leading proclitic (و ب ل ف) is not part of the date
            if folded[s] in "وبلف" and s + 1 < e and (folded[s + 1:s + 3] == "ال" or folded[s + 1].isdigit()
                                                      or key(folded[s + 1:e].split()[0]) in _lex()["month"]):
                s += 1
            taken[s:e] = b"\x01" * (e - s)
            out.append(DateMatch(s, e, value, kind, reason, mismatch))
    out.sort(key=lambda d: d.start)
    return _merge_ranges(out, folded)


_BETWEEN = re.compile(r"[^\S\n]*(?:و?(?:حتي|الي|لغاية)|-|–)[^\S\n]*$")   # folded text (ى→ي، إ→ا)
_BEFORE = re.compile(r"(?:^|[^\w])(?:من|منذ)[^\S\n]+$")


def _merge_ranges(dates: list[DateMatch], folded: str) -> list[DateMatch]:
    """``من A إلى B`` → one range ``A/B`` (both values known)."""
    out: list[DateMatch] = []
    for d in dates:
        if out and d.value and out[-1].value and "/" not in out[-1].value and "/" not in d.value \
                and _BETWEEN.match(folded[out[-1].end:d.start]) and _BEFORE.search(folded[max(0, out[-1].start - 8):out[-1].start]):
            a = out[-1]
            if a.value < d.value:
                out[-1] = DateMatch(a.start, d.end, f"{a.value}/{d.value}", "range", None,
                                    a.weekday_mismatch or d.weekday_mismatch)
                continue
        out.append(d)
    return out


@lru_cache(maxsize=1)
def _non_figure_re() -> re.Pattern:
    r = load("relative.json")
    trig = _alt(r["name_year_triggers"])
    return re.compile(
        rf"(?<![^\W_])[وبلف]?{trig}[\s_]*(?:ال)?(?P<x>(?:19|20)\d\d)(?!\d)"   # المغرب الرقمي 2030، رؤية 2030
        rf"|(?<![\w]){_alt(r['name_number_triggers'])}[\s\-]*(?P<y>\d+)(?![\d])"
        r"|(?<=[A-Za-z][ \-])(?P<z>\d+)"                            # Error 503، Windows 10      # فرانس 24، فالكون 9
        r"|(?<![\d/])\d+\s*/\s*\d+(?![\d/])"                          # 78/265 (resolution numbers)

        r"|(?<![\d\w])\+?\d[\d \-]{7,}\d(?!\d)"                     # phone numbers
        r"|(?<![\d])\d{1,2}:\d{2}(?::\d{2})?(?!\d)"                  # times
        r"|[A-Za-z]+[\-]?\d+[A-Za-z]*|\d+[A-Za-z]+")                 # COP28, G20, 5G


def non_figure_spans(text: str) -> list[tuple[int, int]]:
    """Numbers that are neither dates nor figures: years in names, resolution numbers, phones, times, codes."""
    folded = fold_text(text)
    out = []
    for m in _non_figure_re().finditer(folded):
        out.append(m.span("x") if m.group("x") else m.span("y") if m.group("y") else
                   m.span("z") if m.group("z") else m.span())
    return out


@register("dates", provides=("dates",))
def make_dates_stage(**config):
    """Dates and relative dates (resolved against doc.published) as DATE spans."""

    def stage(doc: Document) -> None:
        spans = []
        for d in find_dates(doc.text, doc.published):
            attrs = {"value": d.value, "kind": d.kind}
            if d.value is None:
                attrs["reason"] = d.reason
            spans.append(Span(d.start, d.end, "DATE", attrs))
            if d.weekday_mismatch:
                doc.warn("weekday_mismatch", d.start, d.end, d.weekday_mismatch)
        doc.set_layer("dates", spans)

    return stage
