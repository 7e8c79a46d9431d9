"""Events told «on the sidelines» of a conference of the same article (issue 5).

«وعلى هامش المناظرة عقدت الوزيرة عدة لقاءات ثنائية»: the meetings took place at the conference,
so when their own sentence gives no date they take the conference's (told elsewhere in the
article), and ``during`` points at the conference's evidence, where the date and the venue are
read (the venue is not copied: an argument is a span of the event's own sentence). The
sideline words are data (``sideline_words`` in ``data/events.json``); the conference is found by
the noun after them, matched against the words of its name (``aliases`` fold spelling variants:
المنازرة → المناظرة).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.doc import Document, Span
from marsad.extract.events_args import keys, ontology
from marsad.extract.people import fold, words


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Folded spelling variant → folded form (``aliases`` of ``events.json``: المنازرة → المناظرة)."""
    return {fold(k): fold(v) for k, v in ontology()["aliases"].items()}


def _name_keys(conf: Span) -> set[str]:
    name = (conf.attrs.get("args") or {}).get("name")
    if not isinstance(name, str):
        return set()
    aliases = _aliases()
    out: set[str] = set()
    for w in name.split():
        for k in keys(w):
            out.add(aliases.get(k, k))
    return out


def _sideline_noun(doc: Document, ev: Span) -> set[str]:
    """The folded keys of the noun after «على هامش» in the event's evidence, past the words of
    ``sideline_fillers`` (على هامش **أشغال** المنتدى), or an empty set."""
    data = ontology()
    marks = [m.split() for m in data.get("sideline_words", [])]
    fillers = {fold(w) for w in data.get("sideline_fillers", [])}
    aliases = _aliases()
    ws = [w for _, _, w in words(doc.text, ev.start, ev.end)]
    for i in range(len(ws) - 1):
        if any(keys(ws[i]) & {fold(a)} and fold(ws[i + 1]) == fold(b) for a, b in marks):
            rest = [w for w in ws[i + 2:i + 5] if not keys(w) & fillers]
            return {aliases.get(k, k) for k in keys(rest[0])} if rest else set()
    return set()


def on_the_sidelines(events: list[Span], doc: Document) -> None:
    """Give an event told on the sidelines of a conference of the article the conference's date
    where its own sentence has none, and ``during``: the conference's evidence span."""
    confs = [e for e in events if e.label == "CONFERENCE" and e.attrs.get("date_source") != "article"]
    if not confs:
        return
    dates = [d.start for d in doc.spans("dates")]
    for ev in events:
        if ev.label == "CONFERENCE" or any(ev.start <= d < ev.end for d in dates):
            continue   # a date of its own, even one that cannot be resolved (الجمعة without a publication date)
        noun = _sideline_noun(doc, ev) if "هامش" in doc.text[ev.start:ev.end] else set()
        conf = next((c for c in confs if noun & _name_keys(c) - {fold("ال")}), None) if noun else None
        if conf is None or not conf.attrs.get("date"):
            continue
        ev.attrs["date"], ev.attrs["date_source"] = conf.attrs["date"], "conference"
        ev.attrs["during"] = [conf.start, conf.end]
