"""Modality of an event trigger (issue 5): a call, an aim, a wish, a possibility, a failure, a
condition or a cancellation tells no event (``modality`` in ``data/events.json``). Split out of
``events.py``, whose builder asks it of every trigger."""
from __future__ import annotations

from marsad.extract.events_args import _PUNCT, _is, _is_any, _keyset, definite, find_triggers, number_value, ontology
from marsad.extract.people import fold, title_at, words


def _unreal(ws, i: int, etype: str, fixed: dict, text: str = "") -> bool:
    """A call, an aim or a possibility (``دعا إلى تشكيل``، ``إمكان الانضمام``) launches or joins
    nothing, nor does readiness or fear (``مستعدون للتوقيع``) conclude anything; a cancelled summit or meeting (``إلغاء القمة``) did not take place (``modality`` in
    the ontology)."""
    mod = ontology()["modality"]
    before = [w for _, _, w in ws[max(0, i - mod["window"]):i]]
    if i and _is(ws[i][2], "summit_nouns") and number_value(ws[i - 1][2]) is not None:
        return True   # حوالي مئة قمة: peaks counted, no summit
    if etype in mod.get("wish_types", ()) and any(_is(w, "wish_words") for w in before):
        return True   # يريد إنشاء مشروع خاص به: a wish, nothing launched
    if etype in mod.get("failure_types", ()) and any(   # فشل القادة في التوصل لاتفاق: a failure, no agreement
            _is(ws[k][2], "failure_words") and not _PUNCT.search(text[ws[k][1]:ws[i][0]])
            for k in range(max(0, i - mod["failure_window"]), i)):
        return True
    near = range(max(0, i - mod["unreal_window"]), i)
    reach = next((k for k in range(max(0, i - 2), i) if _is(ws[k][2], "reach_verbs")), None)
    if etype in mod["unreal_types"] and reach is not None and any(
            _is(ws[m][2], "wish_words") for m in range(max(0, reach - 3), reach)) and \
            not any(_is(w, "signing_words") and not w.startswith(("ت", "ي")) for _, _, w in ws[i + 1:]):
        return True   # نأمل في أن نتوصل إلى مذكرة تفاهم: hoped for, not reached (unless … والذي أبرمته)
    if any(_is(ws[k][2], "effort_words") and any(_is(ws[m][2], "signing_nouns") or _is(ws[m][2], "reach_verbs")
                                                 for m in range(k + 1, i)) for k in near):
        return True   # جهود إبرام اتفاق تكميلي: an attempt, none concluded
    if any(fold(ws[k][2]) in _keyset("modal_words") and k + 1 <= i and ws[k + 1][2].startswith(("ي", "ن", "تت"))
           and not _is(ws[k + 1][2], "signing_words") for k in near):
        return True   # قد تتوصل لاتفاق، قد يلتقي: a possibility
    if etype in mod.get("unreal_types", ()) and \
            any(_is(w, "unreal_words") for _, _, w in ws[max(0, i - mod["unreal_window"]):i]):
        return True   # مستعدون للتوقيع على اتفاقية، خوفا من إبرام اتفاقات: readiness, fear, an attempt
    if etype in mod.get("irrealis_only_types", ()):   # برفض تمديد الاتفاق الذي أبرم …: a signing told after
        return any(_is(w, "irrealis_words") for w in before) and not any(_is(w, "signing_words") for _, _, w in ws[i:])
    if etype in mod["irrealis_types"] and fixed.get("status", "joined") == "joined":
        return any(_is(w, "irrealis_words") for w in before) or bool(before and _is_any(before[-1], ["إلى", "الى"])) \
            or (etype == "MEMBERSHIP" and ws[i][2].startswith("لل"))   # فتح الطريق أمامها للانضمام: a purpose
    if etype in mod["cancel_types"] and any(   # وإذا لم تتمكن الدول من حل الخلاف في المحادثات: a condition
            _is(ws[k][2], "conditional_markers") and not _PUNCT.search(text[ws[k][1]:ws[i][0]])
            for k in range(max(0, i - mod["conditional_window"]), i)):
        return True
    if etype in mod["cancel_types"] and i + 1 < len(ws) and _is(ws[i + 1][2], "possible_adjectives"):
        return True   # قمة محتملة بين بوتن وترامب، القمة المقترحة مع ترامب: possible or proposed, not held
    if etype in mod["cancel_types"]:
        wide = [w for _, _, w in ws[max(0, i - 7):i]]
        k = len(wide)
        while k > 0 and _is(wide[k - 1], "call_links"):
            k -= 1   # دعت فرنسا إلى عقد اجتماع، طالب الرئيس بعقد قمة، دعا لاجتماع: a call, no meeting yet
        glued = ws[i][2][0] in "لب" and bool(find_triggers(words(ws[i][2][1:])))   # لاجتماع, not لقائه
        if k < len(wide) and any(_is(w, "call_words") for w in wide[max(0, k - 5):k]) or \
                glued and any(_is(w, "call_words") and not definite(w) for w in wide[:k]) or \
                (glued or k < len(wide)) and k > 0 and _is(wide[k - 1], "call_masdars"):   # الدعوة لمؤتمر دولي
            return True   # دعت ماي حكومتها لاجتماع طارئ (الموعد المقترح للاجتماع: a participle, no call)
        if any(_is(w, "wish_words") for w in before):
            return True   # يرغب في اجتماع مع …، احتمال عقد قمة: a wish or a possibility, no meeting
        return any(_is(w, "cancel_words") for w in before[-3:]) or any(   # ألغى تيلرسون جميع لقاءاته؛ إلغاء الرئيس ترامب قمة
            _is(ws[p][2], "cancel_words") and (title_at(ws, p + 1) is not None or not definite(ws[p][2]) and not _PUNCT.search(
                text[ws[p][1]:ws[i][0]])) for p in range(max(0, i - 6), i - 2))
        # ألغى مسؤولون من كوريا الشمالية اجتماعا: a cancel verb and its subject before the meeting
    return False
