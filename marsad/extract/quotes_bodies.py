"""Quotes: organisations as speakers — an institution noun referring back (``وقالت المحكمة``), a
medium or institution noun with its name (``وقالت صحيفة "…"``، ``لجنة تحقيق روسية``), and the
organisation that issued a statement (``وأضاف البيان``)."""
from __future__ import annotations

from marsad.doc import Document, Span
from marsad.extract.people import fold, strip_proclitics, words
from marsad.extract.quotes_lexicon import (_COMPLEMENTISERS, _PUNCT, Ref, _institution_nouns, _sentence_of, _word_set,
                                           _word_set_folded, reporting_verb)


def institution_ref(doc: Document, stem: str, pos: int, orgs) -> Ref | None:
    """The last organisation before ``pos`` that a definite noun (stem ``stem``: ``محكمه``) refers
    back to: one whose first two words contain the noun (``المحكمة الجنائية الدولية``، ``وزارة
    الخارجية``) or that follows it (``لشركة "ريان إير"``); else, when the entity layer missed it,
    the noun in construct with a definite chain earlier in the text (``وزارة الداخلية اليمنية``)."""
    text = doc.text
    best = None
    for o in reversed([o for o in orgs if o.end <= pos]):
        heads = [fold(strip_proclitics(w)[1]) for _, _, w in words(text, o.start, o.end)[:2]]
        before = words(text, max(0, o.start - 30), o.start)[-1:]
        if stem in heads or (before and stem in _bare_keys(before[0][2])
                             and not _PUNCT.search(text[before[0][1]:o.start])):
            best = Ref(o.start, o.end, text[o.start:o.end], None)
            break
    ws = words(text, best.end if best else 0, pos)
    for k in range(len(ws) - 2, -1, -1):
        a, b, w = ws[k]
        if w.startswith("ال") or stem not in _bare_keys(w):
            continue
        gap = text[b:ws[k + 1][0]]
        if gap.strip() in ('"', "“", "«") and gap.count(gap.strip()) == 1:   # صحيفة "تشاينا ديلي"
            close = next((i for i in range(ws[k + 1][0], min(pos, ws[k + 1][0] + 60)) if text[i] in '"”»'), None)
            if close:
                start = a + next((c for c in range(3) if fold(w[c:]) == stem), 0)
                return Ref(start, close, text[start:close].replace('"', "").replace("“", "").replace("«", ""), None)
        n = 0
        while k + 1 + n < len(ws) and n < 3 and (ws[k + 1 + n][2].lstrip("#").startswith("ال")
                                                 or (n == 0 and ws[k + 1 + n][2].isdigit())) \
                and not _PUNCT.search(text[ws[k + n][1]:ws[k + 1 + n][0]]):
            n += 1
        if n:
            start = a + next((c for c in range(3) if fold(w[c:]) == stem), 0)
            end = ws[k + n][1]
            return Ref(start, end, text[start:end], None)
    return best or _described_noun(text, stem, pos)


def _described_noun(text: str, stem: str, pos: int) -> Ref | None:
    """The first ``الشرطة البريطانية`` before ``pos``: the definite noun with stem ``stem`` and the
    nationality or other adjective after it (``وقالت الشرطة`` then names the British police)."""
    ws = words(text, 0, pos)
    for k in range(len(ws) - 1):
        a, b, w = ws[k]
        nxt = ws[k + 1][2]
        if stem in _bare_keys(w) and fold(w).startswith(("ال", "وال", "بال", "لل")) and nxt.startswith("ال") \
                and nxt.endswith(("ي", "ية", "يه")) and len(nxt) > 4 and not _PUNCT.search(text[b:ws[k + 1][0]]):
            start = a + next((c for c in range(3) if w[c:].startswith("ال")), 0)
            if w.startswith("لل"):
                start = a + 1
            return Ref(start, ws[k + 1][1], text[start:ws[k + 1][1]], None)
    return None


def _bare_keys(word: str) -> set[str]:
    """Folded forms of ``word`` without its proclitics (``لشركة`` → ``شركه``)."""
    keys = {fold(word), fold(strip_proclitics(word)[1])}
    w = word
    for _ in range(2):
        if len(w) > 3 and w[0] in "وفبلك":
            w = w[1:]
            keys.add(fold(w))
    return keys


def _statement_issuer(doc, ws, j: int, limit: int, orgs) -> Ref | None:
    """The organisation right after a statement noun (``بيان لوزارة الخارجية``، ``بيان الخارجية
    التركية``): an ORG entity, or a medium or institution noun with its name."""
    if j + 1 >= len(ws) or ws[j + 1][0] >= limit or _PUNCT.search(doc.text[ws[j][1]:ws[j + 1][0]]):
        return None
    if fold(ws[j + 1][2]) in (fold("صادر"), fold("الصادر")) and j + 3 < len(ws) and ws[j + 2][2] in ("عن", "من"):
        j += 2   # بيان صادر عن الرئاسة
    a, b, w = ws[j + 1]
    o = next((o for o in orgs if a <= o.start <= a + 2 and o.start < b), None)
    if o is not None:
        return Ref(o.start, o.end, doc.text[o.start:o.end], None)
    if w.startswith("ال") and fold(w[2:]) in _institution_nouns():   # بيان الرئاسة: the presidency named before
        return institution_ref(doc, fold(w[2:]), a, orgs) or _described_noun(doc.text, fold(w[2:]), b + 40)
    cut = 1 if w[:1] == "ل" and fold(w[1:]) in _word_set_folded("named_source_nouns") else 0
    if fold(w[cut:]) in _word_set_folded("named_source_nouns"):
        named = _named_source(doc.text, [(a + cut, b, w[cut:])] + ws[j + 2:], 0, limit)
        if named is not None:
            return named
    return None


def _named_source(text: str, ws, j: int, limit: int) -> Ref | None:
    """``صحيفة "تشاينا ديلي"`` or ``وكالة الأناضول``: a medium's noun and the name after it (a
    quoted name, or up to three words before a complementiser, a preposition or punctuation)."""
    a, b, w = ws[j]
    if j + 1 >= len(ws) or ws[j + 1][0] >= limit:
        return None
    gap = text[b:ws[j + 1][0]]
    if gap.strip() in ('"', "“", "«"):
        close = next((i for i in range(ws[j + 1][0], min(limit, ws[j + 1][0] + 60)) if text[i] in '"”»'), None)
        if close is None:
            return None
        return Ref(a, close, f"{w} {text[ws[j + 1][0]:close].strip()}", None)
    if _PUNCT.search(gap):
        return None
    stops = {fold(x) for x in _word_set("apposition_stops")} | {fold("في"), fold("أن"), fold("إن")}
    n = 0
    while j + 1 + n < len(ws) and n < 3 and ws[j + 1 + n][0] < limit:
        x = ws[j + 1 + n][2]
        if fold(x) in stops or x in _COMPLEMENTISERS or reporting_verb(x)[0] or (n and _PUNCT.search(
                text[ws[j + n][1]:ws[j + 1 + n][0]])):
            break
        n += 1
    if not n:
        return None
    return Ref(a, ws[j + n][1], text[a:ws[j + n][1]], None)


def _issuer(doc, pos: int, orgs) -> Span | Ref | None:
    """The organisation that issued the statement a document subject (``البيان``) refers to: the
    last organisation right after a reporting verb or after بيان/بلاغ + ل/عن in the sentence or the
    two before it."""
    sa, _ = _sentence_of(doc, pos)
    pa, _ = _sentence_of(doc, max(0, sa - 1)) if sa else (sa, sa)
    pb, _ = _sentence_of(doc, max(0, pa - 1)) if pa else (pa, pa)
    ws = words(doc.text, pb, pos)
    found = None
    for k, (a, b, w) in enumerate(ws[:-1]):
        nxt = ws[k + 1]
        if reporting_verb(w)[0] or fold(strip_proclitics(w)[1]) in (fold("بيان"), fold("بلاغ"), fold("صادر")):
            o = next((o for o in orgs if o.start <= nxt[0] + 2 and nxt[0] < o.end), None)
            if o is None and fold(nxt[2]) in (fold("عن"), fold("من")) and k + 2 < len(ws):
                o = next((o for o in orgs if o.start <= ws[k + 2][0] + 2 and ws[k + 2][0] < o.end), None)
            if o is None and nxt[2].startswith("ال") and fold(nxt[2][2:]) in _institution_nouns():
                o = institution_ref(doc, fold(nxt[2][2:]), nxt[0], orgs) \
                    or _described_noun(doc.text, fold(nxt[2][2:]), ws[k + 2][1] if k + 2 < len(ws) else pos)
                # بيان الوزارة ← وزارة الخارجية; وقالت الشرطة المحلية
            if o is None and fold(nxt[2]) in _word_set_folded("named_source_nouns"):
                o = _named_source(doc.text, ws, k + 1, pos)   # وقالت وزارة الخارجية السويدية في بيان
            if o is not None:
                found = o
    return found
