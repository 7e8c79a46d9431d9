"""ADOPTION and LAUNCH frames (issue 5): the instrument and who adopted it, with the counts and
sponsors of the next sentences; the launched object, its name and who launched it. Split out of
``events.py``, whose builder calls them."""
from __future__ import annotations

from functools import lru_cache

import re

from marsad.extract.events_args import (_PUNCT, _after_word, _canon, _ents, _is, _is_any, _name_phrase, _phrase,
                                        definite, find_triggers, keys, number_value, ontology)
from marsad.extract.events_parties import clause_bounds, clause_people, entity_chain, is_party_start, noun_phrase
from marsad.extract.people import fold, words


def _clean_lead(name: str) -> str:
    """Drop a proclitic before the first word (``والقمة`` → ``القمة``, ``لقمة`` → ``قمة``)."""
    m = re.match(r"(?:[وف]?[بك]?ال|[وف]?لل|[وف]ال)(?=\w{3})", name)   # not وكالة (و + ك + الة)
    if m:
        return "ال" + name[m.end():]
    first = name.split(" ")[0]
    objs = {fold(x) for x in ontology()["types"]["LAUNCH"]["objects"]}
    if len(first) > 3 and first[0] in "وفلبك" and (find_triggers(words(first[1:])) or fold(first[1:]) in objs):
        return name[1:]   # لخدمة "مواعدة" → خدمة
    return name



def _noun_keys(word: str) -> frozenset[str]:
    """``keys`` of a noun, also without the accusative alif of tanween (``برنامجا``، ``ميثاقاً`` → ``برنامج``)."""
    base = re.sub(r"اً?$|ًا$", "", word)
    return keys(word) | (keys(base) if base != word and len(base) >= 3 else frozenset())


def _adoption(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    inst = {fold(x) for x in ontology()["types"]["ADOPTION"]["instruments"]}
    signs = _is(ws[i][2], "signing_words")   # وقّع أفورقي وأبي أحمد في أسمرة "إعلان سلام": the signers first
    k = next((k for k in range(j, min(j + (10 if signs else 6), len(ws))) if _noun_keys(ws[k][2]) & inst), None)
    if k is None or any(t[0] == "AGREEMENT" for t in find_triggers(ws, j, k)):
        return False
    if signs and ((i and _is(ws[i - 1][2], "incident_nouns")) or (fold(ws[k - 1][2]) == fold("في")
                                                                 and _is(ws[k][2], "reference_words"))):
        return False   # إن الاشتباك وقع في إطار عملية: took place, within (no instrument signed)
    if not signs and any(_is(w, "acknowledge_links") for _, _, w in ws[j:k]):
        return False   # أقر الرئيس الأمريكي بأن القرار …: acknowledged, nothing adopted
    if k + 1 < len(ws) and _is(ws[k + 1][2], "personnel_words"):
        return False   # أصدر قرار إقالته، قرارا بتعيين …: a decision about a person, no instrument adopted
    a, b = noun_phrase(doc, ws, k)
    if b == ws[k][1] and k + 1 < len(ws) and ws[k + 1][2].startswith("ل") and definite(ws[k + 1][2][1:]) is False \
            and not _PUNCT.search(doc.text[b:ws[k + 1][0]]):   # خطة لإنشاء سوق مشتركة: what the plan is for
        b = _phrase(doc, ws, k, limit=6)[1]
    adopters = [_canon(doc, e) for e in _ents(doc, ws[j - 1][1], ws[k][0], ("ORG", "GPE"))]
    adopters += [t for _, _, t, _ in clause_people(bld, doc, ws[j - 1][1], ws[k][0])]
    body = _is(ws[j][2], "organiser_heads")   # اعتمدت الحكومة المغربية الاستراتيجية، أقر مجلس الوزراء خطة
    if not adopters and not definite(ws[i][2]) and (is_party_start(doc, ws, j, []) or body) and \
            (definite(ws[j][2]) or body) and j < k:
        pa, pb = noun_phrase(doc, ws, j, limit=4)   # ووقع الوزراء على خطة: the verb's subject
        adopters = [" ".join(doc.text[pa:min(pb, ws[k - 1][1])].split())]
    if not adopters:
        before = _ents(doc, s.start, ws[i][0], ("ORG", "GPE"))
        adopters = [_canon(doc, before[-1])] if before else []
    args.update(instrument=" ".join(doc.text[a:b].split()), adopters=adopters)
    fu = ontology()["follow_up"]
    for t in sents[si:si + 4]:
        tws = words(doc.text, t.start, t.end)
        for n, (x, y, w) in enumerate(tws):
            if _is_any(w, fu["signatories"]):
                v = next((number_value(tws[m][2]) for m in range(max(0, n - 3), n) if number_value(tws[m][2])), None)
                if v:
                    args["signatories_count"] = v
            if _is_any(w, fu["supporters"]) and "supporters_count" not in args:
                v = next((number_value(tws[m][2]) for m in range(n + 1, min(len(tws), n + 4))
                          if number_value(tws[m][2])), None)
                if v:
                    args["supporters_count"] = v
            if _is_any(w, fu["sponsors"]) and "sponsors" not in args:
                m = _after_word(doc, tws, n, min(len(tws), n + 4), "قبل")
                if m is not None and m < len(tws):
                    pa, pb = _phrase(doc, tws, m, limit=5)
                    args["sponsors"] = " ".join(doc.text[pa:pb].split())
    bld.add("ADOPTION", s.start, s.end, trig, args)
    return True

def _launch(bld, doc, sents, si, ws, i, j, args, trig, anaphoric, consumed) -> bool:
    s = sents[si]
    objs = {fold(x) for x in ontology()["types"]["LAUNCH"]["objects"]}
    if i and _is(ws[i - 1][2], "participant_stops"):
        return False   # مشاريع قرارات بشأن إنشاء آلية: a topic, nothing launched
    if _is(ws[i][2], "elative_triggers") and (i and _is(ws[i - 1][2], "elative_before") or
                                              ws[i][2][0] in "بك" and len(ws[i][2]) > 4):
        return False   # في أحدث سقطات الشبكة: the latest, nothing created
    if _is(ws[i][2], "firing_triggers") and any(_is(ws[k][2], "projectile_words") for k in range(j, min(j + 6, len(ws)))
           if not _PUNCT.search(doc.text[ws[j - 1][1]:ws[k][0]])):
        return False   # إطلاق المركز عددا من الأقمار الصناعية، إطلاق قذائف: fired or put in orbit
    k = next((k for k in range(j, min(j + 3, len(ws))) if _noun_keys(ws[k][2]) & objs), None)
    subj = _verb_subject(doc, ws, i, j, objs)   # أطلقت وزارة الانتقال الرقمي منصة، أطلقت الوكالة برنامجا
    if subj is not None and (k is None or (k == j and definite(ws[j][2]))):   # not أنشأت هيئة مستقلة
        k = subj[0]
    if j - i == 1 and ws[i][2].endswith(("ه", "ها")) and len(ws[i][2]) > 5:   # لجنة برلمانية تم تشكيلها
        k = next((k for k in range(i - 1, max(-1, i - 5), -1) if keys(ws[k][2]) & objs), k)
    if k is None or any(_is(w, "trailing_words") for _, _, w in ws[j:k]):
        return False   # أوامر الإطلاق إلى منصة الصواريخ: the object is the launcher's, after a preposition
    if k == j and definite(ws[k][2]) and not _is(ws[i][2], "launch_nouns"):   # أطلقت الوكالة أيضا حملة: the
        k = next((n for n in range(k + 1, min(k + 4, len(ws))) if _noun_keys(ws[n][2]) & objs), k)   # subject, then
    obj = max(_noun_keys(ws[k][2]) & objs, key=len)   # the object; وكالة, not و + ك + الة
    obj = _object_words().get(obj, obj)   # the ontology's spelling (شراكة), not the folded key
    needs = {fold(w) for w in ontology().get("object_needs_next", {}).get(obj, [])}
    if needs and not (k + 1 < len(ws) and keys(ws[k + 1][2]) & needs):
        return False   # تشكيلة الفريق الوزاري: a team, not a task force (فريق العمل)
    if k + 1 < len(ws) and _is(ws[k + 1][2], "bill_words"):
        return False   # الإعلان عن مشروع القانون: a bill, nothing launched
    ent = next((e for e in doc.spans("entities") if e.start <= ws[k][0] < e.end
                and e.label in ("ORG", "EVENT", "MISC")), None)
    a, b = (ent.start, ent.end) if ent else _name_phrase(doc, ws, k, k + 1)
    name = _canon(doc, ent) if ent else _clean_lead(" ".join(doc.text[a:b].split()))
    definite_alone = ws[k][2].startswith("ال") and b <= ws[k][1]
    prev = next((e for e in reversed(bld.events) if e.label == "LAUNCH" and e.attrs["args"]["object"] == obj), None)
    if (definite_alone or anaphoric) and prev is not None:
        bld.merge(prev, s.start, s.end)
        prev.attrs["args"]["launcher"] = prev.attrs["args"]["launcher"] or _agent(bld, doc, ws, i, s, j)
        return True
    args.update(object=obj, name=name, launcher=None)
    args["launcher"] = _agent(bld, doc, ws, i, s, j) or (subj[1] if subj is not None and subj[0] == k else None) \
        or _auxiliary_subject(doc, ws, i)
    bld.add("LAUNCH", s.start, s.end, trig, args)
    return True


def _verb_subject(doc, ws, i: int, j: int, objs) -> tuple[int, str] | None:
    """``(object index, subject)`` after a finite launch verb whose subject is a body that no entity
    tags (``organiser_heads``: أطلقت وزارة الانتقال الرقمي منصة …), the object within three words of it."""
    if j >= len(ws) or definite(ws[i][2]) or _is(ws[i][2], "launch_nouns") or not _is(ws[j][2], "organiser_heads") \
            or any(e.start == ws[j][0] for e in doc.spans("entities")):
        return None
    a, b = noun_phrase(doc, ws, j, limit=5)
    n = next((n for n in range(j + 1, len(ws)) if ws[n][0] >= b), len(ws))
    k = next((k for k in range(n, min(n + 3, len(ws))) if _noun_keys(ws[k][2]) & objs), None)
    if k is None:
        k = next((k for k in range(j + 1, n) if _noun_keys(ws[k][2]) & objs), None)   # the phrase ran on
        if k is None:
            return None
        b = ws[k - 1][1]
    return k, " ".join(doc.text[a:b].split())


def _auxiliary_subject(doc, ws, i: int) -> str | None:
    """The subject between an auxiliary verb (``auxiliary_verbs``: قام، قامت …) and the trigger masdar
    after ب (``قامت الهيئة بتشكيل فريق``), at most four words."""
    if not ws[i][2].startswith("ب"):
        return None
    v = next((v for v in range(i - 1, max(-1, i - 6), -1) if _is(ws[v][2], "auxiliary_verbs")), None)
    if v is None or v + 1 >= i or _PUNCT.search(doc.text[ws[v][1]:ws[i][0]]):
        return None
    return " ".join(doc.text[ws[v + 1][0]:ws[i - 1][1]].split())


@lru_cache(maxsize=1)
def _object_words() -> dict[str, str]:
    """Folded key → the LAUNCH object word as the ontology writes it."""
    return {fold(x): x for x in ontology()["types"]["LAUNCH"]["objects"]}


def _agent(bld, doc, ws, i, s, j: int | None = None) -> str | list[str] | None:
    """Who did it: the entity right after a launch verb (``أطلقتها أنقرة``), a person after ``بمبادرة من``/``بجهود``…, the parties of an initiative between two
    named ones right before the trigger (``المبادرة المشتركة بين المغرب والولايات المتحدة لتشكيل``),
    else the last person before the trigger, else an organisation or a country right before it or before
    its relative pronoun."""
    k = next((k for k in range(max(0, i - 6), i) if fold(ws[k][2]) == fold("بين")), None)
    if k is not None and not _PUNCT.search(doc.text[ws[k][1]:ws[i][0]]):
        between = [_canon(doc, e) for e in _ents(doc, ws[k][1], ws[i][0], ("GPE", "ORG"))]
        if len(between) >= 2:
            return between
    if j is not None and j < len(ws) and not definite(ws[i][2]) and not _is(ws[i][2], "launch_nouns"):   # أطلقتها أنقرة، أطلق
        after = [e for e in doc.spans("entities") if e.start == ws[j][0] and e.label in ("PERSON", "ORG", "GPE")]
        if after:   # تطبيق انستغرام خاصية: a verb's subject follows it
            return _canon(doc, after[0])
    k = next((k for k in range(i + 1, min(len(ws), i + 7)) if fold(ws[k][2]) == fold("بين")), None)
    if k is not None and not _PUNCT.search(doc.text[ws[i][1]:ws[k][0]]) and k + 1 < len(ws):
        chain = entity_chain(doc, ws, k + 1)   # تأسيس صندوق في التقنية بين صندوق الاستثمارات وسوفت بنك
        if len(chain) >= 2:
            return chain
    for k in range(i, len(ws)):
        if _is(ws[k][2], "agent_markers"):
            after = [c for a, b, c in sorted(bld.persons + bld.title_refs) if ws[k][1] <= a < s.end]
            if after:
                return after[0]
            nxt = [e for e in _ents(doc, ws[k][1], s.end, ("ORG", "GPE")) if e.start <= ws[k][1] + 1]
            if nxt:   # بقيادة الولايات المتحدة: an organisation or a country right after the marker
                return _canon(doc, nxt[0])
    lo, _ = clause_bounds(doc, ws, i, i + 1, s.start, s.end)   # قال ماكرون إن فرنسا وروسيا اتفقتا على إنشاء
    before = [c for a, b, c in sorted(bld.persons + bld.title_refs) if lo <= a < ws[i][0]]
    if before:
        return before[-1]
    k = next((k for k in range(i) if ws[k][0] >= lo), None)
    if lo > s.start and k is not None and any(e.start == ws[k][0] for e in _ents(doc, lo, ws[i][0], ("ORG", "GPE"))):
        chain = entity_chain(doc, ws, k)   # the subject of the clause after إن, not the speaker before it
        return chain if len(chain) > 1 else chain[0] if chain else None
    before = [c for a, b, c in sorted(bld.persons + bld.title_refs) if s.start <= a < ws[i][0]]
    if before and lo == s.start:
        return before[-1]
    orgs = [e for e in _ents(doc, s.start, ws[i][0], ("ORG", "GPE"))   # أعلن مجلس الوزراء السعودي إنشاء،
            if all(_is(w, "relatives") for a, _, w in ws if e.end <= a < ws[i][0])]   # الولايات المتحدة التي أطلقت
    return _canon(doc, orgs[-1]) if orgs else None
