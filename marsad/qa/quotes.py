"""«ماذا قال/قالت X؟» answered from the knowledge base: the direct quotations attributed to an
entity the question names.

The speaker is found the way the knowledge base stored it — never by the words around a quote
in a retrieved sentence (a quote is often in a later sentence than the name: «وقالت: "…"»):

1. the entity the entity layer linked in the question (its ``entity_id``);
2. else the entities of stored mentions written exactly as the question writes the name;
3. else the entities whose alias has the name's folded key (``resolve.names.name_key``);
4. else, for a one-word name (a surname: «ماذا قال بارو؟»), the one PERSON whose alias ends with
   that word — only when exactly one does, so two people who share a surname are not mixed.

When the question says more than the name (``عن الشراكة``, ``حول الذكاء الاصطناعي``), a quote
must share at least one of those words (search keys) to be cited. The answer is the quote that
shares the most of them (the newest on a tie); the cited quotes (at most five, a quote retold
word for word by other articles once) are listed in ``items``.
Confidence comes from how the quote was attributed (``ATTRIBUTION_CONFIDENCE``).
"""
from __future__ import annotations

import json

from marsad.qa.question import Question, lexicon
from marsad.resolve.names import name_key
from marsad.search.analyzer import KEY_TABLE, WORD, analyze

SPEAKER_TYPES = ("PERSON", "ORG", "GPE")
MAX_QUOTES = 5
CONTEXT = 300  # characters before a quote read for the question's other words (its sentence's opening)
# how the quote extractor found the speaker (quotes attrs "method") → confidence of the attribution
ATTRIBUTION_CONFIDENCE = {"sentence_subject": 0.9, "subject": 0.9, "role": 0.85, "postposed": 0.85, "issuer": 0.85, "continuation": 0.8,
                          "conjoined": 0.8, "title": 0.8, "organisation": 0.8, "institution": 0.8,
                          "first_name": 0.75, "nearest": 0.7}
DEFAULT_CONFIDENCE = 0.7


def speaker_ids(conn, q: Question) -> dict[str, str]:
    """Entity id → the question's words naming it: the speaker, named right after the question word."""
    out: dict[str, str] = {}
    gap = q.text[q.qword_end:]
    first = len(gap) - len(gap.lstrip())
    named = [(e["text"], e.get("id")) for e in q.entities
             if e.get("type") in SPEAKER_TYPES and e["start"] == q.qword_end + first][:1]
    for name, eid in named or _leading_words(q):
        ids = [eid] if eid else []
        key = name_key(name)
        if not ids:
            ids = _by_mention(conn, name)
        if not ids and key:
            ids = [r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM aliases WHERE key = ?", (key,))]
        if not ids and key and " " not in key:
            rows = {r[0] for r in conn.execute(
                "SELECT DISTINCT a.entity_id FROM aliases a JOIN entities n ON n.id = a.entity_id "
                "WHERE n.type = 'PERSON' AND a.key LIKE ?", ("% " + key,))}
            ids = list(rows) if len(rows) == 1 else []
        for i in ids:
            out.setdefault(i, name)
        if ids and not named:
            break  # the longest leading words that name someone
    return out


def _by_mention(conn, name: str) -> list[str]:
    """The entity mentioned most often as ``name`` (title references excluded): one entity, never
    several people who share a surname."""
    row = conn.execute("SELECT m.entity_id FROM mentions m WHERE m.text = ? AND m.type IN ('PERSON', 'ORG', 'GPE') "
                       "AND coalesce(m.source, '') != 'title' GROUP BY m.entity_id ORDER BY count(*) DESC LIMIT 1",
                       (name,)).fetchone()
    return [row[0]] if row else []


def _leading_words(q: Question) -> list[tuple[str, None]]:
    """The 4, 3, 2 and 1 first words after the question word, the longest first: the speaker
    when the entity layer did not mark it (a surname alone: «ماذا قال السغروشني؟»)."""
    rest = q.text[q.qword_end:]
    words = [m.group(0) for m in WORD.finditer(rest)]
    return [(" ".join(words[:n]), None) for n in range(min(4, len(words)), 0, -1)]


def _constraints(q: Question, names: list[str]) -> tuple[set[str], set[str]]:
    """(every search key of the question's other entities — all needed; its remaining words —
    half needed), besides the question word, the speaker's name and filler words."""
    skip = {t.term for n in names for t in analyze(n)} | set(lexicon().get("ignore", []))
    must = {t.term for e in q.entities if e["text"] not in names for t in analyze(e["text"])} - skip
    return must, {t for t in q.terms if t not in skip and t not in must}


def answer(store, q: Question) -> dict | None:
    """The quotes of the speaker the question names, as an ask() result; None when the question
    names no speaker with stored quotes (the caller falls back to the sentence path)."""
    conn = store.conn
    speakers = speaker_ids(conn, q)
    if not speakers:
        return None
    marks = ",".join("?" * len(speakers))
    rows = conn.execute(
        f"SELECT q.doc_id, q.start, q.end, substr(d.text, q.start + 1, q.end - q.start), q.speaker_id, q.speaker, "
        f"q.date, q.attrs, substr(d.text, max(1, q.start - {CONTEXT}), min(q.start, {CONTEXT})) "
        f"FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.speaker_id IN ({marks}) "
        f"ORDER BY coalesce(q.date, '') DESC, q.doc_id, q.start", list(speakers)).fetchall()
    if not rows:
        return None
    must, topic = _constraints(q, list(speakers.values()))
    scored = []
    for doc_id, start, end, text, sid, speaker, date, attrs, before in rows:
        if topic or must:
            context = before + " " + text
            key = context.translate(KEY_TABLE)
            if any(t[:3] not in key for t in must):  # cheap test first: a term's first letters are in its word
                continue
            words = {t.term for t in analyze(context)}
            if not must <= words or (topic and 2 * len(topic & words) < len(topic)):
                continue
            shared = len(topic & words)
        else:
            shared = 0
        method = json.loads(attrs or "{}").get("method")
        scored.append((shared, ATTRIBUTION_CONFIDENCE.get(method, DEFAULT_CONFIDENCE), doc_id, start, end, text,
                       sid, speaker, date))
    res = {"question": q.to_json(), "answer": None, "answer_type": "QUOTE", "confidence": 0.0, "citations": [],
           "candidates": [], "source": "knowledge base: quotes"}
    if not scored:
        return res  # the speaker's quotes do not speak of what the question asks: no answer
    scored.sort(key=lambda r: -r[0])  # stable: newest first among equals
    kept, seen = [], set()
    for r in scored:  # an agency's quote retold by several sites is cited once
        if len(kept) == MAX_QUOTES:
            break
        key = " ".join(t.term for t in analyze(r[5]))
        if key not in seen:
            seen.add(key)
            kept.append(r)
    docs = {d: store.get(d) for d in {r[2] for r in kept}}
    cites = [{"doc_id": d, "start": s, "end": e, "text": t, "sentence": _sentence(docs[d], s, e),
              "speaker_id": sid, "speaker": sp, "date": date} for _, _, d, s, e, t, sid, sp, date in kept]
    res.update(answer=kept[0][5], confidence=round(kept[0][1], 3), citations=cites, items=[c["text"] for c in cites],
               candidates=[{k: c[k] for k in ("text", "doc_id", "start", "end", "speaker")} for c in cites])
    return res


def _sentence(doc, start: int, end: int) -> list[int]:
    """Bounds of the sentences the quote spans (the quote itself when the document has no sentences)."""
    lo, hi = start, end
    for s in doc.sentences():
        if s.start <= start < s.end:
            lo = min(lo, s.start)
        if s.start < end <= s.end:
            hi = max(hi, s.end)
    return [lo, hi]
