"""Who speaks: the subject of a reporting verb and the fallbacks used by :mod:`marsad.extract.quotes`.

The language knowledge (verbs, participles, unnamed sources, institution nouns, media,
platforms) is in ``data/reporting_verbs.json`` (read by :mod:`marsad.extract.quotes_lexicon`);
organisations as speakers are in :mod:`marsad.extract.quotes_bodies`.
"""
from __future__ import annotations

from marsad.extract.people import (
    _name_words,
    first_names,
    fold,
    honorific_at,
    mention_at,
    strip_proclitics,
    title_at,
    words,
)
from marsad.extract.quotes_bodies import (_described_noun, _issuer, _named_source, _statement_issuer,  # noqa: F401
                                          institution_ref)
from marsad.extract.quotes_lexicon import (_AMBIGUOUS, _CLOSE_ONLY, _COMPLEMENTISERS, _OPEN_ONLY, _PUNCT,  # noqa: F401
                                           Ref, _conditional_verb, _institution_nouns, _not_first_names, _not_names,
                                           _object_pronouns, _participles, _sentence_of, _title_second_words, _word_set,
                                           _word_set_folded, found_in_verb, reporting_verb, speaking_bodies, verbs_data)


_NOT_OPENERS = {fold(w) for w in ("في", "بعد", "قبل", "خلال", "عقب", "من", "إلى", "الى", "على", "عن", "مع", "منذ",
                                  "حول", "أمام", "لدى", "عند", "وفي", "وبعد", "وقبل", "وخلال", "ومن", "وعن", "وعلى",
                                  "ومع", "وحول", "وأمام", "ولدى", "وعند", "وفيما", "ولدى", "إثر", "وإثر")}


def sentence_subject(doc, ctx, vi, anchors, gender, mentions=(), opening_only: bool = False) -> Ref | None:
    """For a subjectless verb inside a sentence (``وينفي غيان …، كما وصرح``، ``أما علاء، فيؤكد``،
    ``رفض المشاط … وقال``): the person or body the sentence opens with — named within its first
    three words, after conjunctions or a verb, not after a preposition or a noun with a pronoun
    (``بعد لقائه بوتين``), or named after a description (``وعبر المرجع الأعلى … علي السيستاني``).
    ``anchors``: ``(start, Ref)`` pairs; the gender must agree. A country that opens the sentence
    (``ورفضت روسيا … وقالت``) gives a Ref without a name: no speaker. ``opening_only``: only a
    person or body named by the sentence's first word (``فرح الفاسي، …، كتبت تدوينة قالت فيها``)."""
    sa, _ = _sentence_of(doc, ctx[vi][0])
    sent = words(doc.text, sa, ctx[vi][0])
    if len(sent) < 2:
        return None
    first = 2 if sent and fold(sent[0][2]) in first_names() else 1   # فرح الفاسي: the entity may start at the surname
    for k in range(min(first if opening_only else 3, len(sent))):
        a, b, w = sent[k]
        ref = next((r for t0, r in anchors if a <= t0 < b), None)
        if ref is not None and ref.canonical is None:
            return None   # an unresolved title: other fallbacks
        if ref is not None:
            return ref if gender is None or ref.gender in (gender, None) else None
        if 0 < k <= 2 and w.startswith("ال") and w not in _word_set("time_words"):
            found = _apposed_name(doc.text, sent, k - 1, ctx[vi][0], mentions)
            if found is not None:
                ref = found[1]
                return ref if gender is None or ref.gender in (gender, None) else None
            if fold(w[2:]) in _institution_nouns():   # كشفت قوات الجيش اليمني …، وقالت: the army
                return _described_noun(doc.text, fold(w[2:]), b + 40) or Ref(a, b, w, None)
        bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
        if fold(w) in _NOT_OPENERS or fold(bare) in _NOT_OPENERS or w.startswith(("ال", "بال", "لل", "وال", "كال")) \
                or (len(w) > 4 and w.endswith(("ه", "ها", "هم"))) or _PUNCT.search(doc.text[b:b + 1]):
            return None
    return None


def transmitted_from(doc, ctx, vi, anchors, orgs) -> tuple[str, Ref | None, str | None] | None:
    """``ونقل البيان عن مدير الأمن فلان قوله``: after a transmission noun (``قوله``), the one named
    right after the last ``عن`` of the clause speaks; an unnamed source (``عن مصدر``) gives none."""
    if fold(ctx[vi][2].lstrip("وف")) not in {fold(w) for w in verbs_data().get("transmission_nouns", [])}:
        return None
    src = {fold(s) for s in verbs_data()["non_person_sources"]}
    for k in range(vi - 1, max(-1, vi - 10), -1):
        if ctx[k][2] not in ("عن", "وعن"):
            continue
        nxt = ctx[k + 1: vi]
        if not nxt:
            return None
        a, b, w = nxt[0]
        r = next((r for t0, r in anchors if a <= t0 < b or (t0 > a and any(x[0] <= t0 < x[1] for x in nxt[:3]))),
                 None)
        if r is not None:
            return "transmitted", r, None
        o = next((o for o in orgs if a <= o.start < b), None)
        if o is not None:
            return "transmitted", Ref(o.start, o.end, doc.text[o.start:o.end], None), None
        if fold(w.strip('"“”«»')) in src or fold(w.strip('"“”«»')).removeprefix("ال") in {x.removeprefix("ال") for x in src}:
            return "document", None, w
        return None
    return None


def _subject(doc, ws, i, limit, mentions, trefs, rrefs=(), orgs=()) -> tuple[str, Ref | None, str | None] | None:
    """The explicit subject right after the verb at ``ws[i]`` (before ``limit``): a person, a
    title (alone, or in apposition to a name: ``قال وزير الخارجية، فلان``), an organisation
    (``قال الكرملين``) or a document or unnamed source (``البيان``، ``مسؤول``: no speaker)."""
    src = {fold(s) for s in verbs_data()["non_person_sources"]}
    addressee = -1
    if found_in_verb(ws[i][2]) and i + 2 < len(ws) and ws[i + 1][2] == "في" and ws[i + 2][0] < limit:
        w = ws[i + 2][2]   # وجاء في البيان / في بيان لوزارة …: the statement, or its issuer
        bare = fold(w[2:] if w.startswith("ال") else w)
        if bare in _word_set_folded("statement_nouns"):
            issuer = _statement_issuer(doc, ws, i + 2, limit, orgs)
            return ("organisation", issuer, None) if issuer else ("document", None, w)
        return None
    skipped = 0
    for j in range(i + 1, min(i + 5, len(ws))):
        a, b, w = ws[j]
        if a >= limit:
            break
        if j == i + 1 + skipped and w in _object_pronouns():
            skipped += 1   # قالت لي مروى، قال لها الوزير: the pronoun is the addressee
            continue
        r = next((ref for t0, ref in rrefs if t0 == a or (t0 > a and t0 < b)), None)
        if r and r.canonical and (fold(r.canonical) in _not_names() or r.canonical in _not_first_names()
                                  or r.canonical.startswith("باسم ")):
            r = None   # وشدد النائب على، المتحدث باسم فلان: a preposition read as the name
        if r:   # a role's title first: the entity layer may tag its first word (أمين عام …) as a person
            return "role", r, None
        m = mention_at(mentions, a)
        if m and fold(w) in _not_names():
            m = None   # مازحا، قائلين … tagged as a person
        if m:
            named = _named_after_descriptor(doc.text, m, mentions, limit)   # الناشط الحقوقي وعضو الهيئة فلان
            return "subject", named or Ref(m.start, m.end, m.canonical, m.gender), None
        o = next((o for o in orgs if o.start <= a < o.end or (a < o.start < b)), None)
        if o and o.start > a and w[:1] == "ل" and j == i + 1 + skipped:
            addressee = o.end   # أعرب لمجلس الأمن، وصرح لوكالة أنباء دوغان: the addressee, not the subject
        if a < addressee:
            skipped += 1
            continue
        if o:
            return "organisation", Ref(o.start, o.end, doc.text[o.start:o.end], None), None
        if j == i + 1 + skipped and fold(w) in first_names() and w not in _not_first_names() \
                and j + 1 < len(ws) and not title_at(ws, j) \
                and fold(ws[j + 1][2]) not in _title_second_words():
            n = 1 + _name_words(doc.text, ws, j + 1, [])   # a name the NER missed: علي أكبر ولايتي
            if n >= 2 and not _PUNCT.search(doc.text[b:ws[j + 1][0]]) and ws[j + n - 1][1] <= limit:
                name = doc.text[a:ws[j + n - 1][1]]
                return "first_name", Ref(a, ws[j + n - 1][1], name, first_names()[fold(w)]), None
        if (j == i + 1 + skipped or (j == i + 2 + skipped and honorific_at(ws[j - 1][2])[0])) \
                and _bare_name(doc.text, ws, j, limit):
            return "name", Ref(a, b, w, None), None   # a surname the NER missed: وقال ترامب إن
        t = next((r for r in trefs if r.start == a or (honorific_at(w)[0] and r.start == ws[j + 1][0]
                                                        if j + 1 < len(ws) else False)), None)
        if t:
            named = _apposed_name(doc.text, ws, i, limit, mentions) if not t.canonical else None
            return named or ("title", t, None)   # وأكد رئيس العمليات … العميد فلان: the name no role gave
        bare = fold(strip_proclitics(w)[1]) if not w.startswith("ال") else fold(w[2:])
        if j == i + 1 + skipped and fold(w) in _word_set_folded("relation_nouns"):
            named = _apposed_after_comma(doc.text, ws, j, limit, mentions)   # وقالت زوجته، سارة، إن
            return ("apposition", named, None) if named else ("document", None, w)   # وقال والده: unnamed
        if j == i + 1 + skipped and fold(w) in _word_set_folded("named_source_nouns"):
            named = _named_source(doc.text, ws, j, limit)   # وقالت صحيفة "تشاينا ديلي"، وأوضحت وكالة الأناضول
            if named is not None:
                return "organisation", named, None
        if w.startswith("ال") and bare in _institution_nouns():   # وقالت المحكمة: the court named before
            o = institution_ref(doc, bare, a, orgs) or (
                None if bare in _word_set_folded("unnamed_media") else _described_noun(doc.text, bare, b + 40))
            return "institution", o, (None if o else w)
        if fold(w) in src or "ال" + bare in src or fold("ال" + bare) in src:
            issuer = _statement_issuer(doc, ws, j, limit, orgs) if bare in _word_set_folded("statement_nouns") else None
            if issuer is not None:   # وقال بيان لوزارة الخارجية الإيرانية
                return "organisation", issuer, None
            return "document", None, w
        if not honorific_at(w)[0]:
            break
    return _apposed_name(doc.text, ws, i, limit, mentions)


def _apposed_after_comma(text: str, ws, j: int, limit: int, mentions) -> Ref | None:
    """A person named after a comma within the four words after ``ws[j]`` (``زوجته، سارة``)."""
    for k in range(j + 1, min(j + 5, len(ws))):
        a, b, w = ws[k]
        if a >= limit:
            return None
        m = mention_at(mentions, a)
        if m is not None and _PUNCT.search(text[ws[k - 1][1]:a]):
            return Ref(m.start, m.end, m.canonical, m.gender)
    return None


def _apposed_name(text: str, ws, i: int, limit: int, mentions) -> tuple[str, Ref, None] | None:
    """``وأكد الأكاديمي بكلية التجارة … الدكتور فلان، أن``: a person named after a description of
    the subject, before the complementiser, colon or quotation that ends the subject (ten words)."""
    described = i + 1 < len(ws) and (ws[i + 1][2].startswith("ال") or title_at(ws, i + 1) is not None) \
        and ws[i + 1][2] not in _word_set("time_words")   # الأكاديمي في جامعة صنعاء الدكتور فلان
    stops = {fold(w) for w in _word_set("apposition_stops")}
    soft = {fold(w) for w in _word_set("apposition_stops_unless_described")}
    for j in range(i + 1, min(i + (16 if described else 11), len(ws))):
        a, b, w = ws[j]
        if w in _object_pronouns():
            continue
        first_of_name = w not in _word_set("apposition_stops") and fold(w) in first_names() and j + 1 < len(ws) \
            and mention_at(mentions, ws[j + 1][0]) is not None   # علي السيستاني: not على
        if a >= limit or w in _COMPLEMENTISERS or reporting_verb(w)[0] or (fold(w) in stops and not first_of_name) \
                or (fold(w) in soft and not described):
            return None
        m = mention_at(mentions, a)
        if m and fold(w) in _not_names():
            m = None
        if m and j > i + 1:
            pa, pb, pw = ws[j - 1]
            if not (pw.startswith("ال") or honorific_at(pw)[0] or _PUNCT.search(text[pb:a]) or m.head is not None
                    or pw in _word_set("name_introducers") or fold(pw) in first_names()):
                return None   # محامي برونسون: a noun in construct, the name is not the subject
        if m:
            return "apposition", Ref(m.start, m.end, m.canonical, m.gender), None
        if w.startswith("#") and "_" in w and not w[1:].startswith("ال"):
            return "apposition", Ref(a, b, w[1:].replace("_", " "), None), None   # مدعية المحكمة #فاتو_بنسودا
        if _PUNCT.search(text[b:ws[j + 1][0]] if j + 1 < len(ws) else ""):
            if ":" in text[b:ws[j + 1][0] if j + 1 < len(ws) else b + 1]:
                return None
    return None


def _named_after_descriptor(text: str, m, mentions, limit: int) -> Ref | None:
    """A "person" of definite common words only (``الناشط الحقوقي``) followed, before any
    punctuation and within six words, by a real name: the name."""
    ws = words(text, m.start, m.end)
    if len(ws) < 2 or not all(w.startswith("ال") for _, _, w in ws) or fold(ws[0][2][2:]) in first_names():
        return None
    nxt = words(text, m.end, min(limit, m.end + 80))[:6]
    for a, _, _ in nxt:
        if _PUNCT.search(text[m.end:a]):
            return None
        n = mention_at(mentions, a)
        if n is not None and n is not m:
            return Ref(n.start, n.end, n.canonical, n.gender)
    return None


def _main_subject(doc, ctx, vi, ctx_end, mentions, trefs, rrefs, orgs):
    """For a participle (``قائلا``، ``مضيفا``): the subject of an earlier verb of the sentence, else its
    first named person (Arabic puts the subject right after the main verb)."""
    sa, _ = _sentence_of(doc, ctx[vi][0])
    sent = words(doc.text, sa, ctx[vi][0])
    for k in range(len(sent) - 1, -1, -1):
        if reporting_verb(sent[k][2])[0]:
            found = _subject(doc, sent, k, ctx[vi][0], mentions, trefs, rrefs, orgs)
            if found and (found[1] is not None or found[0] == "document"):
                return found   # قال المصدر "…"، مشيرا إلى أن …: the source, unnamed
    if sent and fold(sent[0][2]) not in _NOT_OPENERS and not sent[0][2].startswith("ال"):
        found = _subject(doc, sent, 0, ctx[vi][0], mentions, trefs, rrefs, orgs)   # وطالب البيان …، معتبراً
        if found and (found[1] is not None or found[0] in ("document", "institution")):
            return found
    first = next((m for m in mentions if sa <= m.start < ctx[vi][0]), None)
    if first:
        return "sentence_subject", Ref(first.start, first.end, first.canonical, first.gender), None
    return None


def _previous_reporter(doc, pos: int, mentions, trefs, rrefs, orgs, quoted=()) -> tuple[int, Ref | None] | None:
    """``(verb position, subject)`` of the last reporting verb with a named subject in the two
    sentences before ``pos`` (``وأعلن شكري … . وأشار إلى أن "…"`` → شكري); the subject is None
    when that verb's subject is an unnamed person (``وقال شاهد عيان … . وأضاف: "…"``)."""
    sa, _ = _sentence_of(doc, pos)
    pa, _ = _sentence_of(doc, max(0, sa - 1)) if sa else (sa, sa)
    ws = words(doc.text, pa, pos)
    for k in range(len(ws) - 1, -1, -1):
        if reporting_verb(ws[k][2])[0] and not any(qa <= ws[k][0] < qb for qa, qb in quoted):
            found = _subject(doc, ws, k, pos, mentions, trefs, rrefs, orgs)
            if found and found[1] is not None and found[1].canonical:
                return ws[k][0], found[1]
            if found and found[0] == "document" and (fold(found[2] or "") in _word_set_folded("unnamed_people")
                                                     or fold(found[2] or "") in _word_set_folded("relation_nouns")):
                return ws[k][0], None
    return None


def _medium_owner(doc, ctx, vi, mentions, trefs, rrefs, orgs):
    """``جاء ذلك في تغريدة للجبير … حيث قال``: the person or organisation after a medium noun
    (``data/reporting_verbs.json`` ``media``) and ل in the sentence before the verb."""
    media = {fold(w) for w in verbs_data().get("media", [])}
    sa, _ = _sentence_of(doc, ctx[vi][0])
    sent = words(doc.text, sa, ctx[vi][0])
    for k in range(len(sent) - 1):
        if fold(strip_proclitics(sent[k][2])[1]) not in media and fold(sent[k][2]) not in media:
            continue
        a, b, w = sent[k + 1]
        if not w.startswith("ل") or len(w) < 4:
            continue
        m = next((m for m in mentions if m.start <= a + 2 and a < m.end), None)
        if m:
            return "medium", Ref(m.start, m.end, m.canonical, m.gender), None
        t = next((r for r in trefs if a <= r.start <= a + 2), None) or \
            next((ref for t0, ref in rrefs if a <= t0 <= a + 2), None)
        if t:
            return "medium", t, None
        o = next((o for o in orgs if a <= o.start <= a + 2), None)
        if o:
            return "medium", Ref(o.start, o.end, doc.text[o.start:o.end], None), None
        if not title_at(sent, k + 1) and fold(w[1:]) not in _not_names() and fold(w[2:]) not in _not_names():
            # the span is the name without its ل (``للجبير`` → ``جبير``); a definite plural or
            # feminine noun after لل is an audience or a body (``للصحفيين``، ``للداخلية``), not a name
            cut = 2 if w.startswith("لل") else 1
            if cut == 2 and w.endswith(("ين", "ون", "ات", "ة", "ى")):
                return None
            return "medium", Ref(a + cut, b, w[cut:], None), None
    return None


def _bare_name(text: str, ws, j: int, limit: int) -> bool:
    """Whether ``ws[j]``, right after a reporting verb, is a lone name: a word without the article
    that is no title, honorific or common subject noun, followed by a complementiser, a comma,
    a colon or the quotation."""
    a, b, w = ws[j]
    if w.startswith(("ال", "بال", "وال", "فال", "كال", "لل")) or len(w) < 3 or not w.replace("-", "").isalpha() \
            or fold(w) in _not_names() or w in _COMPLEMENTISERS \
            or (w[0] in "لب" and fold(w[1:]) in _not_names()) \
            or title_at(ws, j) or honorific_at(w)[0] or reporting_verb(w)[0]:
        return False
    after = text[b:ws[j + 1][0]] if j + 1 < len(ws) and ws[j + 1][0] <= limit else text[b:limit + 1]
    nxt = ws[j + 1][2] if j + 1 < len(ws) and ws[j + 1][0] < limit else ""
    medium = nxt.startswith("ل") and (fold(nxt) in _not_names() or fold(nxt.removeprefix("لل").removeprefix("ل"))
                                       in _word_set_folded("named_source_nouns"))   # وقالت ماي لشبكة، للصحيفة …
    return bool(_PUNCT.search(after)) or nxt in _COMPLEMENTISERS or medium or nxt in ("في", "خلال", "أمام") \
        or any(q in after for q in _AMBIGUOUS + _OPEN_ONLY)


def _before_verb(doc, ctx, vi, orgs, mentions=()) -> tuple[str, Ref | None, str | None] | None:
    """A subject placed before the verb (``لكن إيران قالت``): an organisation speaks, a country
    or city does not name a speaker."""
    verb = ctx[vi][2]
    if vi == 0 or (verb[:1] in "وف" and reporting_verb(verb[1:])[0]):
        return None   # ``… اليمن وقال``: a new clause, the word before ends the last one
    a, b, w = ctx[vi - 1]
    src = {fold(s) for s in verbs_data()["non_person_sources"]}
    if fold(w) in src and not _PUNCT.search(doc.text[b:ctx[vi][0]]):
        return "document", None, w   # المصدر اضاف: the unnamed source speaks
    unnamed = next((w for _, _, w in ctx[max(0, vi - 7):vi - 1] if fold(w) in src), None)
    if unnamed is not None and not _PUNCT.search(doc.text[ctx[max(0, vi - 7)][0]:a].replace("،", "")):
        return "document", None, unnamed   # مصدر قيادي في الحزب، كيقول: the source, not the party
    m = next((m for m in mentions if m.start <= a < m.end and m.end <= b), None) if mentions else None
    if m is not None:   # أن البابا فرانسيس قال: the subject before the verb
        return "subject", Ref(m.start, m.end, m.canonical, m.gender), None
    for e in speaking_bodies(doc) + [e for e in doc.spans("entities") if e.label == "GPE"]:
        head = next(((x, w) for x, _, w in ctx[max(0, vi - 6):vi] if x <= e.start < x + len(w)), None)
        if head and head[0] < e.start and head[1][:1] == "ل":
            continue   # وصرح لوكالة أنباء دوغان بقوله: the addressee
        if e.start <= a < e.end and e.end <= b:
            if e.label != "GPE":
                return "organisation", Ref(e.start, e.end, doc.text[e.start:e.end], None), None
            return "place", None, doc.text[e.start:e.end]
    return None
