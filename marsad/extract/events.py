"""Events: typed frames (MEMBERSHIP, AGREEMENT, MEETING, CONFERENCE, ADOPTION, LAUNCH ...).

The ontology — types, argument roles, trigger phrases, list/boundary words — is data
(``data/events.json``): adding a type there makes its triggers fire with the generic arguments
(date, place, participants, figures). Each event span covers its evidence (the sentence, or
one list item); attrs: trigger [start, end], date (a DATE value in the sentence, else the
article's date), place, participants (canonical names), args, confidence.

A count followed by a list (``تم توقيع ثمان اتفاقيات … :`` and ``- اتفاقية مع …`` items) gives
one AGREEMENT per item; a count that does not match the list adds an ``event_count_mismatch``
warning. Anaphoric mentions (``هذا اللقاء``, ``القمة``, ``المجموعة``) enrich the earlier event.

Triggers may require a following word (``بحث … مع``) or no article, and some phrases are no
trigger at all (``مؤتمر صحفي``: ``non_triggers``). A MEETING needs two parties, or one and مع, a
dual (``جمعهما``, ``بحث الوزيران``) or a person right after a transitive verb (``التقى``); a
meeting verb after الذي/التي retells the last meeting. Arguments are written as they appear in
the sentence, so the store can locate them. The lexicon and argument helpers are in
``events_args.py``; agreements and their lists in ``events_list.py``; adoptions and launches in
``events_frames.py``; calls, wishes, possibilities and cancellations in ``events_modality.py``;
headline links in ``events_headline.py``.
"""
from __future__ import annotations

import re

from marsad.doc import Document, Span
from marsad.extract.events_args import (  # noqa: F401  (re-exported: the public lexicon API)
    _DIGITS, _PUNCT, NO_EVENT, _after_word, _canon, _date, _ents, _figures, _is, _is_any, _keyset, _name_phrase,
    _phrase, _place, definite, find_triggers, iso_date, keys, number_value, ontology)
from marsad.extract.events_frames import _adoption, _clean_lead, _launch
from marsad.extract.events_headline import link_headlines
from marsad.extract.events_list import _agreement
from marsad.extract.events_sidelines import on_the_sidelines
from marsad.extract.events_modality import _unreal
from marsad.extract.events_organiser import relative_organiser
from marsad.extract.events_parties import (clause_bounds, clause_parties, clause_people, discussed, fronted_speaker,
                                           is_demonym, is_party_start, joiner, noun_phrase, own_session,
                                           quantified_object, quote_speaker, reported, unnamed_party,
                                           visit_destination)
from marsad.extract.ner_features import norm
from marsad.extract.ner_filters import ambiguous_function_words, darija_function_words, darija_markers
from marsad.extract.people import fold, person_mentions, strip_proclitics, title_at, words
from marsad.pipeline import register

REQUIRES_WINDOW = 10  # words after a trigger in which its 'requires_after' word must occur


# -------------------------------------------------------------------------- extraction
class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.events: list[Span] = []
        self.mentions = person_mentions(doc)
        roles = doc.spans("roles") if doc.has_layer("roles") else None
        if roles is None:
            from marsad.extract.roles import extract_roles
            roles = extract_roles(doc, self.mentions)
        from marsad.extract.quotes import surname_mentions
        self.mentions = self.mentions + surname_mentions(doc, self.mentions, roles)
        self.role_titles = [r.attrs["title_span"][0] for r in roles if r.attrs.get("title_span")]
        self.titled = [tuple(r.attrs["title_span"]) for r in roles if r.attrs.get("title_span")]
        self.persons = sorted([(m.start, m.end, m.canonical) for m in self.mentions] +
                              [(*r.attrs["person_span"], r.attrs["person"]) for r in roles])
        # لي كان، دبا كاينا: Darija words the tagger took for a name; لي (also the name Li) only in a
        # text with some Darija
        darija = darija_function_words() - (frozenset() if darija_markers(doc.text, 1) else ambiguous_function_words())
        self.persons = [p for p in self.persons if not (p[2].split() and norm(p[2].split()[0]) in darija)]
        from marsad.extract.quotes import _title_refs
        trefs = _title_refs(doc, roles)
        self.title_refs = [(r.start, r.end, r.canonical) for r in trefs if r.canonical]
        self.unresolved = [(r.start, r.end) for r in trefs if not r.canonical]

    def people(self, a: int, b: int) -> list[str]:
        out: list[str] = []
        for s, e, c in sorted(self.persons + self.title_refs):
            if a <= s < b and c not in out:
                out.append(c)
        return out

    def people_text(self, a: int, b: int) -> list[str]:
        """The people of ``[a, b)`` as written there (arguments are located by their text)."""
        out: list[str] = []
        for s, e, _ in sorted(self.persons + self.title_refs):
            t = self.doc.text[s:e]
            if a <= s < b and t not in out:
                out.append(t)
        return out

    def last(self, etype: str) -> Span | None:
        return next((e for e in reversed(self.events) if e.label == etype), None)

    def add(self, etype: str, a: int, b: int, trig: tuple[int, int], args: dict, **extra) -> Span:
        doc = self.doc
        date, src = _date(doc, a, b)
        spec = ontology()["types"].get(etype, {})
        core = [r for r in spec.get("roles", []) if r not in ("date", "place", "figures", "dates")]
        missing = sum(1 for r in core if args.get(r) in (None, [], ""))
        conf = spec.get("confidence", 0.6) - 0.1 * missing + (0.05 if src == "sentence" else 0.0)
        attrs = {"trigger": list(trig), "date": date, "date_source": src,
                 "place": extra.pop("place") if "place" in extra else _place(doc, a, b),
                 "participants": extra.pop("participants", None) or self.people(a, b),
                 "args": args, "confidence": round(max(0.1, min(0.95, conf)), 2)}
        attrs.update(extra)
        span = Span(a, b, etype, attrs)
        self.events.append(span)
        return span

    def merge(self, ev: Span, a: int, b: int) -> None:
        """Anaphoric mention: add this sentence's people, figures and evidence to ``ev``."""
        if [a, b] in ev.attrs.get("more_evidence", []) or (ev.start, ev.end) == (a, b):
            return
        ev.attrs.setdefault("more_evidence", []).append([a, b])
        for p in self.people(a, b):
            if p not in ev.attrs["participants"]:
                ev.attrs["participants"].append(p)
        same = {NO_EVENT, ev.label} | ({"MEETING", "CONFERENCE"} if ev.label in ("MEETING", "CONFERENCE") else set())
        d, src = _date(self.doc, a, b) if ev.attrs["date_source"] == "article" else (None, "article")
        if src == "sentence" and not any(   # إطلاق الشراكة سنة 2019 … خلال قمة باريس: the launch's date
                t not in same for t, *_ in find_triggers(words(self.doc.text, a, b))):
            ev.attrs["date"], ev.attrs["date_source"] = d, src
        if ev.label == "CONFERENCE":
            ev.attrs["args"].setdefault("figures", []).extend(_figures(self.doc, a, b))
        if ev.label != "AGREEMENT":   # خلال مؤتمر صحفي في برلين … بالاتفاق النووي: where it is talked of
            ev.attrs["place"] = ev.attrs["place"] or _place(self.doc, a, b)


def _sentences(doc: Document) -> list[Span]:
    s = doc.spans("sentences")
    return list(s) if s else [Span(0, len(doc.text), "S", {"kind": "sentence"})]


def extract_events(doc: Document) -> list[Span]:
    """All event spans of ``doc``."""
    bld = _Builder(doc)
    sents = _sentences(doc)
    consumed: set[int] = set()
    for si, s in enumerate(sents):
        ws = words(doc.text, s.start, s.end)
        seen_types: set[str] = set()
        for etype, i, j, fixed in find_triggers(ws):
            if etype == NO_EVENT or etype in seen_types or (si in consumed and etype == "AGREEMENT") or \
                    (etype == "CONFERENCE" and "MEETING" in seen_types and _is(ws[i][2], "summit_nouns")):
                continue
            fixed = dict(fixed)   # the trigger table is shared: never mutate its rows
            need = fixed.pop("_requires_after", None)
            other = fixed.pop("_else", None)
            if need and not any(_is_any(w, list(need)) for _, _, w in ws[j:j + REQUIRES_WINDOW]):
                if other is None or other in seen_types:
                    continue
                etype = other   # وقّع … "إعلان سلام": signing a declaration is an adoption
            if fixed.pop("_no_article", False) and definite(ws[i][2]):
                continue
            if _unreal(ws, i, etype, fixed, doc.text) or fold(ws[i][2]) in _keyset("unreal_words"):
                continue   # لسنا قريبين: ل + the Darija سنا, a negation
            anaphoric = i > 0 and _is(ws[i - 1][2], "anaphora") and \
                not _PUNCT.search(doc.text[ws[i - 1][1]:ws[i][0]])   # في غضون ذلك، التقى: no anaphor
            trig = (ws[i][0], ws[j - 1][1])
            handler = _HANDLERS.get(etype, _generic)
            n_events = len(bld.events)
            made = handler(bld, doc, sents, si, ws, i, j, fixed, trig, anaphoric, consumed)
            if made and len(bld.events) > n_events:   # a merge into an earlier event leaves room for a
                seen_types.update({etype, bld.events[-1].label})   # new one (هذه المكالمة … بعد اللقاء الذي جمع …)
    link_headlines(bld.events, sents)   # the headline's event told again in the body: linked, both kept
    on_the_sidelines(bld.events, doc)   # على هامش المناظرة: the conference's date
    return sorted(bld.events, key=lambda e: (e.start, e.end))


def _generic(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    if anaphoric and bld.last(_label_of(ws, i)):
        bld.merge(bld.last(_label_of(ws, i)), s.start, s.end)
        return True
    return False


def _label_of(ws, i) -> str:
    for etype, a, b, _ in find_triggers(ws, i, i + 3):
        if etype != NO_EVENT:
            return etype
    return ""


def _membership(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    if _sports(doc, ws):
        return False   # لاعب توتنهام … لينضم إلى زملائه، قبل الانضمام إلى فيورنتينا: a player's transfer
    if j + 1 < len(ws) and _is_any(ws[j][2], ["إلى", "الى"]) and any(
            e.start == ws[j + 1][0] and e.label in ("GPE", "LOC") for e in doc.spans("entities")):
        return False   # وانضم إلى بريطانيا وألمانيا في توجيه الاتهام: joined countries in doing, no organisation
    if i and (number_value(ws[i - 1][2]) is not None or _DIGITS.search(ws[i - 1][2])
              or _is(ws[i - 1][2], "member_nouns")):
        return False   # بأغلبية 62 عضوا، 19 دولة عضوا في الاتحاد: members counted or described, no membership
    near = _phrase(doc, ws, j, limit=4)[1] if j < len(ws) else ws[j - 1][1]
    if args.pop("needs_organisation", False) and \
            not any(e.start < near for e in _ents(doc, ws[j - 1][1], s.end, ("ORG",))):
        return False   # عودة اللاجئين إلى سوريا، ومنذ انتخابه في 2016: no organisation right after, no membership
    if any(_is(w, "appointment_words") for _, _, w in ws[max(0, i - 3):i]):
        return False   # تعيينه عضوا في المجلس، تعيين كافانو عضوا: a person appointed, no membership
    before = [e for e in _ents(doc, s.start, ws[i][0], ("GPE", "ORG"))
              if not re.search(r"(?:^|\s)(?:إلى|الى|في|من)\s*$", doc.text[max(s.start, e.start - 6):e.start])
              and not _in_name(doc, e, s.start)]
    # عادت إلى الولايات المتحدة وانضمت: a destination, not the member; ميثاق باريس: an instrument's name
    after_org = _ents(doc, ws[j - 1][1], s.end, ("ORG", "EVENT", "MISC"))
    member = _canon(doc, before[-1]) if before else None
    member = (joiner(bld, doc, ws, i, s, before) or member) if before else None   # سليم الجبوري الذي … وانضم
    first = next((e for e in _ents(doc, ws[j - 1][1], s.end, ("GPE", "ORG")) if j < len(ws) and e.start == ws[j][0]), None)
    if first is not None and any(fold(w) in (fold("إلى"), fold("الى")) for _, _, w in ws[j + 1:j + 8]) and \
            not _in_name(doc, first, s.start):
        member = None   # انضمام حزب الاتحاد الديمقراطي … إلى "الاشتراكية الدولية": the one after
        after_org = [e for e in after_org if e.start > first.start]
    to = after_org[0].start if after_org else s.end   # انضمام فلسطين إلى اليونسكو … أوقفت واشنطن: not after it
    members = [] if member else [_canon(doc, e) for e in _ents(doc, ws[j - 1][1], to, ("GPE",))
                                 if not _in_name(doc, e, s.start)]   # ووقعت على ميثاق روما: no member
    if first is not None and member is None and _canon(doc, first) not in members:
        members.insert(0, _canon(doc, first))
    org = _canon(doc, after_org[0]) if after_org else None
    if org is None:
        k = j
        if k < len(ws) and fold(ws[k][2]) in {fold("إلى"), fold("في")}:
            a, b = _phrase(doc, ws, k + 1)
            ks = [n for n in range(k + 2, len(ws)) if ws[n][1] <= b and not definite(ws[n][2])
                  and not ws[n][2].startswith("و") and definite(ws[n - 1][2])]
            b = ws[ks[0] - 1][1] if ks else b   # إلى المنظمات الدولية سابق لأوانه: a predicate follows
            org = doc.text[a:b]
    count = next((f["value"] for f in _figures(doc, ws[j - 1][1], s.end)
                  if not _is(str(f.get("unit") or "") or f["text"].split()[-1], "duration_units")
                  and not _is(f["text"].split()[-1], "duration_units")), None)   # لست سنوات: no count
    if anaphoric or not (org or count or (members and args.get("status") == "applied")):
        return False
    if not (member or members or count):
        return False
    args.update(member=member or (members or None), organisation=org)
    if count and not member:
        args["member_count"] = count
    bld.add("MEMBERSHIP", s.start, s.end, trig, args)
    return True

def _sports(doc: Document, ws) -> bool:
    """A sentence about players and clubs (``sports_words``), unless the word is part of a
    ``sports_exceptions`` name (``نادي باريس``)."""
    ex = [[fold(w) for w in p.split()] for p in ontology()["sports_exceptions"]]
    for k, (_, _, w) in enumerate(ws):
        if _is(w, "sports_words") and not any(
                all(n < len(ws) and f in keys(ws[n][2]) for n, f in zip(range(k, k + len(e)), e)) for e in ex):
            return True
    return False


def _in_name(doc: Document, e: Span, lo: int) -> bool:
    """A country right after an instrument or a meeting noun (``ميثاق باريس``، ``قمة بروكسل``) is part of a name."""
    prev = words(doc.text, max(lo, e.start - 20), e.start)
    return e.label == "GPE" and bool(prev) and prev[-1][1] >= e.start - 1 and _is(prev[-1][2], "construct_place_nouns")


def _meeting(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    k = _after_word(doc, ws, j, min(len(ws), j + 3), "مع")
    if k is not None and k < len(ws) and _is(ws[k][2], "media_words"):
        return False   # في اتصال هاتفي مع موقع "…"، لقاء مع صحيفة: an interview
    if _own_group(ws, k) or (_is(ws[i][2], "transitive_meeting_verbs") and _own_group(ws, j)):
        return False   # لقاء مع الأجهزة الأمنية، اجتماع مع نواب الحزب: one side's own people
    last = bld.last("MEETING")
    definite_noun = ws[i][2].startswith(("ال", "وال")) and not _is(ws[i][2], "transitive_meeting_verbs")  # التقى
    new_one = any(_is(w, "meeting_relatives") for _, _, w in ws[i + 1:j + 4])   # اللقاء الذي جمع …
    if definite_noun and last is None and not new_one:
        last = next((e for e in reversed(bld.events) if e.label == "CONFERENCE"), None)   # الاجتماع الطارئ …
    anaphoric = anaphoric or (definite_noun and last is not None and not new_one) or (
        last is not None and j - i == 1 and ws[i][2].endswith("هما") and not new_one   # عند لقائهما، خلال
        and not _is(ws[i][2], "dual_verbs") and not _is(ws[i][2], "meeting_relatives"))   # مشاوراتهما: told again
    if anaphoric:
        if last:
            bld.merge(last, s.start, s.end)
            return True
        return False
    if (_is(ws[i][2], "meeting_nouns") or _is(ws[i][2], "session_nouns")) and \
            not _is(ws[i][2], "transitive_meeting_verbs") and own_session(doc, ws, j):
        return False   # اجتماع مجلس الوزراء، لقاء الأمانة العامة، لقاء لجنة … بمجلس النواب: a body's own session
    if j < len(ws) and not _is(ws[i][2], "transitive_meeting_verbs") and (_is(ws[i][2], "meeting_nouns") or (
            _is(ws[i][2], "group_meeting_verbs") and fold(ws[j][2]) in _keyset("body_plurals"))) and (
            fold(ws[j][2]) in _keyset("body_plurals") or _org_after(doc, ws, j)
            or any(_is(w, "ministerial_words") for _, _, w in ws[j:j + 5])):
        v = int(not _is(ws[i][2], "meeting_nouns"))   # يجتمع وزراء مالية دول مجموعة السبع: named from the body
        return _conference(bld, doc, sents, si, ws, i + v * (j - i), j + v, {}, trig, False, consumed)   # اجتماع وزراء …
    people = bld.people(s.start, s.end)
    rep = reported(doc, ws, j, s.end)   # خلال لقاء عقده مع الأسد أن العملية السياسية في سوريا: what was said
    place = _place(doc, s.start, rep, near=ws[i][0], near_end=ws[j - 1][1])
    dels = [_canon(doc, e) for e in _ents(doc, s.start, rep, ("GPE",)) if _canon(doc, e) != place]
    c_lo, c_hi = clause_bounds(doc, ws, i, j, s.start, s.end)   # قال مدير المرصد "… مباحثات بين الروس …": not him
    titles = [" ".join(doc.text[_hon_start(doc, a):b].split()) for a, b in bld.unresolved if c_lo <= a < c_hi]
    parties = len(people) + len(dels) + len(titles)
    extra: list[str] = []   # unnamed parties: a dual subject, the object of التقى, the party after مع
    dual = ws[j - 1][2].endswith("هما") or _is(ws[i][2], "dual_verbs")   # جمعهما، التقيا: two participants
    if j - i > 1 and _is(ws[j - 1][2], "dual_subjects"):   # بحث الوزيران: two participants by the dual
        titles.append(ws[j - 1][2])
        extra.append(ws[j - 1][2])
        parties, dual = parties + 2, True
    last = bld.last("MEETING")
    if i and _is(ws[i - 1][2], "relatives") and last is not None:   # الجهيناوي الذي التقى لافروف: told again
        bld.merge(last, s.start, s.end)
        return True
    transitive = _is(ws[i][2], "transitive_meeting_verbs")   # التقى الرئيس المصري: the object is enough …
    if transitive:   # … but it must be a person right after the verb (not استقبل المستشفى جثمان …)
        nxt = [w for w in ws[j:j + 8] if not _is(w[2], "time_words") and not _PUNCT.fullmatch(w[2])
               and not any(d.start <= w[0] < d.end for d in doc.spans("dates"))][:3]
        if not (len(nxt) == 3 and is_demonym(nxt[1][2])):
            nxt = nxt[:2]   # العاهل السعودي الملك سلمان: a nationality adjective before the title
        starts = [a for a, _, _ in bld.persons + bld.title_refs] + [a for a, _ in bld.unresolved] + bld.role_titles
        k0 = next((k for k in range(j, len(ws)) if nxt and ws[k][0] == nxt[0][0]), None)
        if not nxt or not (any(nxt[0][0] <= a <= nxt[-1][1] for a in starts) or is_party_start(doc, ws, k0, starts)):
            return False
        parties = max(parties, 1)
        obj = next((k for k in range(k0, min(len(ws), k0 + 3)) if is_party_start(doc, ws, k, [])), None)
        obj = quantified_object(ws, k0, obj, starts)   # التقى به ولي العهد عدداً من الرؤساء التنفيذيين
        if obj is not None and not any(ws[obj][0] <= a < ws[obj][1] for a in starts):   # التقى بالوفد اليمني
            a, b = noun_phrase(doc, ws, obj, limit=5)
            b = next((ws[n - 1][1] for n in range(obj + 1, len(ws)) if ws[n][0] < b
                      and _is(ws[n][2], "participant_stops")), b)   # نوابا روسا مؤكدا لهم: not the predicate
            first = doc.text[a + 1:b].split(" ")[0]
            a += 1 if doc.text[a] == "ب" and title_at(words(doc.text, a + 1, b), 0) is None and \
                (doc.text[a + 1:a + 3] == "ال" or fold(first) in _keyset("party_nouns")) else 0   # بوفد سوري
            extra.append(doc.text[a:b])
    if parties < 2 and not (parties and (dual or transitive or _after_word(doc, ws, j, len(ws), "مع") is not None)):
        return False
    k = _after_word(doc, ws, j, min(len(ws), j + 5), "مع")
    if k is not None and k + 2 < len(ws) and _is(ws[k][2], "quantifiers") and fold(ws[k + 1][2]) == fold("من"):
        k += 2   # مع العديد من المسؤولين: the officials, not the quantifier
    if k is not None and k < len(ws) and not any(a <= ws[k][0] < b for a, b, _ in bld.persons + bld.title_refs) \
            and not any(a <= ws[k][0] < b for a, b in bld.titled) \
            and not _name_follows(bld, ws, k):   # مع نظيره الروسي فلاديمير بوتين، مع السفير التركي سردار: the name
        n = unnamed_party(doc, ws, k)   # مع المسؤولين السعوديين، مع دول أوروبية: an unnamed party
        if n:
            titles.append(doc.text[ws[k][0]:ws[k + n - 1][1]])
            extra.append(titles[-1])
    if place is None and not transitive and j < len(ws) and \
            any(e.start == ws[j][0] for e in _ents(doc, ws[j][0], s.end, ("GPE",))):   # محادثات جنيف
        place = next(doc.text[e.start:e.end] for e in _ents(doc, ws[j][0], s.end, ("GPE",)) if e.start == ws[j][0])
    h = next((k for k in range(i - 1, max(-1, i - 8), -1) if fold(ws[k][2]) == fold("حيث")), None)
    if place is None and h:   # وأضاف أبو ردينة من موسكو، حيث عقد عباس محادثات: where
        g = [e for e in _ents(doc, ws[h - 1][0], ws[h][0], ("GPE", "LOC")) if e.end >= ws[h - 1][1]]
        place = doc.text[g[-1].start:g[-1].end] if g else None
    if place is None:   # يتوجه … إلى بروكسل للقاء
        to = [e for e in _ents(doc, ws[max(0, i - 8)][0], ws[i][0], ("GPE", "LOC"))   # زيارة الحريري للرياض
              if doc.text[max(0, e.start - 5):e.start].strip() in ("إلى", "الى") or visit_destination(doc, e)]
        place = doc.text[to[-1].start - (doc.text[to[-1].start - 1:to[-1].start + 1] == "لل"):to[-1].end] if to else None
    lo, hi = clause_bounds(doc, ws, i, j, s.start, s.end)
    between = j < len(ws) and fold(ws[j][2]) == fold("بين")
    if between:   # أن اجتماعا بين طالبان ومبعوث أمريكا: the parties follow بين, not the speaker before
        lo = max(lo, ws[j][1])
    who = clause_people(bld, doc, lo, hi)   # مستشار الأمن القومي لرئيس كوريا الجنوبية: his title's country
    titled = {doc.text[e.start:e.end] for e in _ents(doc, lo, hi, ("GPE",)) if any(a <= e.start < b for a, b in bld.titled)}
    who[:0] = [x for x in [quote_speaker(bld, doc, ws, i, lo, s), fronted_speaker(bld, doc, ws, i, hi)]
               if x and all(x[3] != y[3] for y in who)]   # في اجتماع مع بوتين، قال شويغو: Shoigu too
    for n, x in enumerate(who):   # مع محامي ترامب، مع مساعد كيم: the lawyer takes part, not Trump
        h = next((w for w in ws if w[1] + 1 == x[0] and doc.text[w[1]] == " " and _is(w[2], "relation_heads")
                  and any(p[0] == x[0] for p in bld.persons)), None)   # a name, not a title (مساعد الوزير)
        if h is not None:
            a = h[0] + (1 if h[2][0] in "وبل" and _is(h[2][1:], "relation_heads") else 0)
            who[n] = (a, x[1], doc.text[a:x[1]], doc.text[a:x[1]])
    if dual and len(who) < 2:   # جمعهما: the two people named last before the trigger
        for a, b, c in sorted(bld.persons + bld.title_refs, reverse=True):
            if b <= ws[i][0] and all(c != x[3] for x in who) and len(who) < 2:
                who.insert(0, (a, b, doc.text[a:b], c))
    if len(who) == 1 and _singular_pronoun(ws, i, j):   # اللقاء الذي جمعه ب…، مباحثاته مع …: the one
        other = [x for x in sorted(bld.persons + bld.title_refs) if s.start <= x[0] < s.end and x[2] != who[0][3]]
        prior = [x for x in other if x[1] <= ws[i][0]]      # named before in the sentence, else after
        pick = prior[-1] if prior else next((x for x in other if x[0] >= hi), None)
        if pick is not None:
            who.insert(0 if prior else 1, (pick[0], pick[1], doc.text[pick[0]:pick[1]], pick[2]))
    groups = clause_parties(doc, ws, lo, hi, place, ("GPE", "LOC", "ORG") if between else ("GPE", "LOC"))
    groups = [g for g in groups if g not in discussed(doc, ws, i, j, hi) and g not in titled]   # بحث سبل …
    if len(who) >= 2:   # people named: the countries of the clause are their nationalities or topics
        groups = []
    named = [t for _, _, t, _ in who] + [g for g in groups if g not in "".join(t for _, _, t, _ in who)]
    if between and len(named) < 2 and j + 1 < len(ws):   # مباحثات بين الروس وجيش الإسلام: both sides
        pair = _between_pair(doc, ws, j + 1)
        named = pair or named
    lone = [t for t in extra + titles if len(t.split()) == 1 and (_is(t, "quantifiers")   # واستقبلهم … كل: no party
                                                                 or any(x.startswith(t + " ") for x in named))]
    extra, titles[:] = [t for t in extra if t not in lone], [t for t in titles if t not in lone]
    if not named and not [t for t in extra if t in doc.text[lo:hi]] and not between and \
            _after_word(doc, ws, j, min(len(ws), j + 2), "مع") is None:
        return False   # مجموعة السبع فرصة لنا للقاء، ستكون هناك محادثات صريحة: nobody named in its clause
    bld.add("MEETING", s.start, s.end, trig, {"participants": named + [t for t in extra if t in doc.text[lo:hi]
                                                                       and t not in named],
                                            "delegations": groups, "participant_titles": titles},
            place=place, participants=[c for _, _, _, c in who] or people)
    return True


def _between_pair(doc: Document, ws, k: int) -> list[str]:
    """Two sides conjoined after بين (``الروس وجيش الإسلام``): the noun phrase from ``k`` and the one
    after the و-word that follows it, when that one holds a definite word; else []."""
    a, b = noun_phrase(doc, ws, k, limit=5)
    n = next((n for n in range(k + 1, len(ws)) if ws[n][0] > b), None)
    if n is None or not ws[n][2].startswith("و") or len(ws[n][2]) < 3 or _PUNCT.search(doc.text[b:ws[n][0]]):
        return []
    c, d = noun_phrase(doc, ws, n, limit=5)
    if not any(definite(w) for x, _, w in ws[n:] if x < d):
        return []
    return [doc.text[a:b], doc.text[c + 1:d]]


def _name_follows(bld, ws, k: int) -> bool:
    """A named person begins one to three words after the title at ``k`` (``السفير التركي سردار كيليج``),
    no word between starting with و: the name is the party, the title is his."""
    for n in range(k + 1, min(len(ws), k + 4)):
        if any(a == ws[n][0] for a, _, _ in bld.persons):
            return True
        if ws[n][2].startswith("و") and not ws[n][2].startswith("وز"):
            return False
    return False


def _own_group(ws, k: int | None) -> bool:
    """The words from ``k`` name one side's own people (``own_groups``: نواب الحزب، الأجهزة الأمنية)."""
    if k is None or k >= len(ws):
        return False
    head = " ".join(fold(w) for _, _, w in ws[k:k + 4]) + " "
    return any(head.startswith(g + " ") for g in _keyset("own_groups"))


def _org_after(doc: Document, ws, j: int) -> bool:
    """An organisation right after a meeting noun, or after one adjective, ل/لل glued to it
    (``اجتماع منظمة …``، ``اجتماع مغلق لمجلس الأمن``): the organisation's meeting."""
    ks = [j] + ([j + 1] if j + 1 < len(ws) and ws[j + 1][2].startswith("ل") and
                not _PUNCT.search(doc.text[ws[j][0]:ws[j + 1][0]]) else [])
    return any(e.label == "ORG" and (e.start == ws[k][0] or (k > j and ws[k][0] < e.start <= ws[k][0] + 2))
               for k in ks for e in doc.spans("entities"))


def _singular_pronoun(ws, i: int, j: int) -> bool:
    """The trigger, or the verb of its relative clause, carries ``ه``/``ها`` (``مباحثاته``، ``الذي جمعه``)."""
    cands = ([ws[i][2]] if j - i == 1 else []) + [w for _, _, w in ws[j:j + 3] if _is(w, "meeting_relatives")]
    return any(w.endswith(("ه", "ها")) and not w.endswith("هما") and len(w) > 3 for w in cands)


def _hon_start(doc: Document, a: int) -> int:
    """Include an honorific right before a title (``السيدة الوزيرة``)."""
    from marsad.extract.people import honorific_at
    prev = words(doc.text, max(0, a - 12), a)
    return prev[-1][0] if prev and prev[-1][1] >= a - 1 and honorific_at(prev[-1][2])[0] else a


def _name_key(name: str) -> str:
    w = name.split()
    if not w:
        return ""
    first = fold(strip_proclitics(w[0])[1])
    first = {fold(k): fold(v) for k, v in ontology()["aliases"].items()}.get(first, first)
    return " ".join([first] + [fold(x) for x in w[1:]])


def _conference(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    if any(e.label == "ORG" and e.start <= ws[i][0] < e.end and not _placed_name(doc, ws, i, j, e)
           for e in doc.spans("entities")) or \
            (i and _is(ws[i - 1][2], "org_heads")) or (i and _is(ws[i - 1][2], "issuer_words")) or \
            (i > 1 and fold(ws[i - 1][2]) == fold("عن") and _is(ws[i - 2][2], "issuer_words")):
        return False   # حزب "المؤتمر التقدمي"، بيان صادر عن منتدى …: an organisation's name
    if _is(ws[i][2], "meeting_nouns") and own_session(doc, ws, j):
        return False   # اجتماع طارئ لمجلس الوزراء: a body's own session
    ent = next((e for e in doc.spans("entities") if e.label == "EVENT" and e.start <= ws[i][0] < e.end), None)
    a, b = (ent.start, ent.end) if ent else _name_phrase(doc, ws, i, j)
    name = _canon(doc, ent) if ent else _clean_lead(" ".join(doc.text[a:b].split()))
    bare = b <= ws[j - 1][1]
    key, head = _name_key(name), _name_key(name).split(" ")[0]
    dates = [iso_date(d.attrs.get("value")) for d in doc.spans("dates")
             if s.start <= d.start < s.end and iso_date(d.attrs.get("value"))]
    organiser = None
    for k in range(i):
        if _is(ws[k][2], "organiser_verbs") and k + 1 < i:
            orgs = _ents(doc, ws[k + 1][0], ws[i][0], ("ORG",))
            organiser = _canon(doc, orgs[0]) if orgs else " ".join(doc.text[ws[k + 1][0]:ws[i - 1][1]].split())
    organiser = organiser or relative_organiser(doc, ws, j)   # المنتدى …، الذي تنظمه القمة العالمية للحكومات
    if organiser is None and i >= 2 and _is(ws[i - 1][2], "host_verbs"):   # تركيا ستستضيف قمة
        host = _ents(doc, ws[i - 2][0], ws[i - 2][1], ("GPE", "ORG"))
        organiser = doc.text[host[0].start:host[0].end] if host else None
    if organiser is None:   # المؤتمر العام للمنظمة …: the organisation the name belongs to
        orgs = [e for e in _ents(doc, ws[j - 1][1], b, ("ORG",)) if doc.text[e.start - 2:e.start] in ("لل", " ل")
                or doc.text[e.start - 1:e.start] == "ل"]
        organiser = doc.text[orgs[0].start - (doc.text[orgs[0].start - 1:orgs[0].start + 2] == "للا"):orgs[0].end] \
            if orgs else None   # قمة للاتحاد الأوروبي: the article's alif elided, the word whole
    place = None
    given = i > 0 and _is(ws[i - 1][2], "title_words")   # أطلق عليها اسم "قمة القدس": a given name, not where
    for e in _ents(doc, a, b, ("GPE", "LOC")) if not given else []:
        if not any(_is(w, "name_links") and e.start >= y for _, y, w in ws[j - 1:] if y <= e.start):
            place = _canon(doc, e)   # قمة حول سوريا: a topic, not the place
    from_name = place is not None
    place = place or _place(doc, s.start, reported(doc, ws, j, s.end), near=ws[i][0])   # قائلة إنها … في سوريا
    for k in range(j, len(ws) - 1):
        if place is None and ws[k][2].startswith("تحتضن"):
            g = _ents(doc, ws[k + 1][0], ws[k + 1][1] + 1, ("GPE", "LOC"))
            place = _canon(doc, g[0]) if g else ws[k + 1][2]
    confs = [e for e in reversed(bld.events) if e.label == "CONFERENCE"]
    prev = next((e for e in confs if _name_key(e.attrs["args"]["name"]) == key
                 or (len(key.split()) > 1 and _name_key(e.attrs["args"]["name"]).split()[:2] == key.split()[:2])),
                None)   # القمة العربية المقبلة = القمة العربية المرتقبة
    if prev is None and not bare and (definite(ws[j][2]) or any(
            e.start <= ws[j][0] < e.end for e in doc.spans("entities"))):   # القمة … then قمة بروكسل (not
        prev = next((e for e in confs if len(_name_key(e.attrs["args"]["name"]).split()) == 1   # قمة اقتصادية)
                     and _name_key(e.attrs["args"]["name"]) == head), None)
    if prev is None and (bare or anaphoric):
        prev = next((e for e in confs if _name_key(e.attrs["args"]["name"]).split(" ")[0] == head), None)
        if prev is None and anaphoric and confs:
            prev = confs[0]
    if prev is not None:
        bld.merge(prev, s.start, s.end)
        pa = prev.attrs["args"]
        pa["organiser"] = pa["organiser"] or organiser
        pa["dates"] = pa["dates"] or dates
        if not bare and len(name) > len(pa["name"]) and _name_key(pa["name"]).split(" ")[0] == head:
            pa["name"], pa["name_span"] = name, [a, b]
        prev.attrs["place"] = prev.attrs["place"] or (None if from_name and prev.attrs.get("given_name") else place)
        return True
    if bare and anaphoric:
        return False
    if _bilateral(bld, doc, ws, i, j, s, place):
        return True
    if _is(ws[i][2], "summit_nouns") and not confs:   # سيجتمعان في قمة ثانية؛ اجتماع بين زعيمي البلدين … القمة
        last = bld.last("MEETING")
        if last is not None and (last.start == s.start or (bare and len(last.attrs["participants"]) >= 2)):
            bld.merge(last, s.start, s.end)
            return True
    bld.add("CONFERENCE", s.start, s.end, trig,
            {"name": name, "name_span": [a, b], "dates": dates, "organiser": organiser,
             "figures": _figures(doc, s.start, s.end)}, place=place, **({"given_name": True} if given else {}))
    return True


def _placed_name(doc, ws, i, j, e) -> bool:
    """An organisation tag that is a conference named by its city (``مؤتمر ميونخ للأمن``، ``منتدى دافوس``):
    it starts at the trigger, which has no article, and a city or country follows the trigger."""
    from marsad.extract.entities import _gpe_names, norm
    return e.start == ws[i][0] and not definite(ws[i][2]) and j < len(ws) and ws[j][0] < e.end and \
        norm(ws[j][2]) in _gpe_names()


def _bilateral(bld, doc, ws, i, j, s, place) -> bool:
    """A summit between two named people (``قمة سنغافورة بين ترامب وكيم``، ``قمة ترامب وبوتين``، ``القمة التي
    جمعته بترامب``، ``القمة المرتقبة مع ترامب`` after its subject) is a MEETING of them."""
    if not _is(ws[i][2], "summit_nouns"):
        return False
    starts = {a for a, _, _ in bld.persons}
    k = next((k for k in range(j, min(j + 6, len(ws))) if fold(ws[k][2]) in (fold("بين"), fold("مع"))
              or _is(ws[k][2], "meeting_relatives")), j - 1 if j < len(ws) and ws[j][0] in starts else None)
    if k is None:   # قمة ترامب وبوتين، القمة التي جمعته ب…، القمة المرتقبة مع …، قمة … بين
        return False
    _, hi = clause_bounds(doc, ws, k, k + 1, s.start, s.end)
    who = clause_people(bld, doc, ws[k][1], hi)
    if len(who) == 1 and k >= j and (fold(ws[k][2]) == fold("مع") or ws[k][2].endswith(("ه", "ها"))) \
            and not _is(ws[k][2], "held_verbs"):   # أشار ظريف إلى القمة التي عقدها أوباما مع …: not ظريف
        prior = [x for x in sorted(bld.persons + bld.title_refs)   # the subject: named before the summit,
                 if x[1] <= ws[i][0] and x[2] != who[0][3]]          # in the sentence or the one before
        prior = [x for x in prior if x[0] >= s.start] or [x for x in prior if x[0] >= _prev_start(bld, s)]
        if prior:
            who.insert(0, (prior[-1][0], prior[-1][1], doc.text[prior[-1][0]:prior[-1][1]], prior[-1][2]))
    if len(who) < 2:
        return _between_countries(bld, doc, ws, i, j, k, hi, s, place)
    last = bld.last("MEETING")
    if last is not None and {c for _, _, _, c in who[:2]} <= set(last.attrs["participants"]):
        bld.merge(last, s.start, s.end)
        return True
    bld.add("MEETING", s.start, s.end, (ws[i][0], ws[j - 1][1]),
            {"participants": [t for _, _, t, _ in who[:2]], "delegations": [], "participant_titles": []},
            place=place, participants=[c for _, _, _, c in who[:2]])
    return True


def _prev_start(bld, s) -> int:
    """Where the sentence before ``s`` starts (``s``'s own start for the first one)."""
    sents = _sentences(bld.doc)
    n = next((n for n, x in enumerate(sents) if x.start == s.start), 0)
    return sents[max(0, n - 1)].start


def _between_countries(bld, doc, ws, i, j, k, hi, s, place) -> bool:
    """A summit between two countries (``قمة بين الكوريتين``، ``قمة بين مصر والسودان``) is a MEETING of them."""
    if k < j or fold(ws[k][2]) != fold("بين") or k + 1 >= len(ws):
        return False
    groups = clause_parties(doc, ws, ws[k][1], hi, place, ("GPE",))
    if len(groups) > 2 or (len(groups) < 2 and not _is(ws[k + 1][2], "dual_parties")):
        return False   # بين روسيا وإيران وتركيا: a multilateral summit, a CONFERENCE
    named = groups if len(groups) == 2 else [ws[k + 1][2]]
    bld.add("MEETING", s.start, s.end, (ws[i][0], ws[j - 1][1]),
            {"participants": named, "delegations": groups, "participant_titles": []}, place=place, participants=[])
    return True


_HANDLERS = {"MEMBERSHIP": _membership, "AGREEMENT": _agreement, "MEETING": _meeting,
             "CONFERENCE": _conference, "ADOPTION": _adoption, "LAUNCH": _launch}


@register("events", requires=("sentences", "entities", "dates", "figures"), provides=("events",))
def make_events(**config):
    """Typed event frames with trigger, evidence, date, place, participants and arguments; the
    learned verifier (``events_verifier.py``) drops those it refuses."""
    from marsad.extract.events_verifier import verify

    def stage(doc: Document) -> None:
        doc.set_layer("events", verify(doc, extract_events(doc)))
    return stage
