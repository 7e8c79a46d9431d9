"""A headline and the body sentence that tells the same event (issue 5).

The gold set counts a headline as an event sentence (``tests/fixtures/kb_gold/README.md``), so
both events are kept. They are linked instead: the headline's event gets ``same_as`` (the body
event's evidence) and the body's date when the headline only had the article's; the body event
lists the headline in ``more_evidence``. A reader of the store can then show one fact with
both evidences and the body's more precise date (``أمس الأحد`` against the article's date).
"""
from __future__ import annotations

from marsad.doc import Span

# roles whose values name the event's parties or object; one shared value makes two tellings one
_CORE = ("member", "organisation", "participants", "delegations", "parties", "name", "instrument",
         "initiative", "launcher", "adopters")
BODY_WINDOW = 3   # sentences after the headline where its event is told again


def _values(ev: Span) -> set[str]:
    out: set[str] = set()
    for role in _CORE:
        v = ev.attrs["args"].get(role)
        out.update(x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and x)
    return out


def link_headlines(events: list[Span], sents: list[Span]) -> None:
    """Link each headline event to the first body event of its type that shares a core argument."""
    heads = [k for k, s in enumerate(sents) if s.attrs.get("kind") == "heading"]
    for k in heads:
        h = sents[k]
        body = [s for s in sents[k + 1:k + 1 + BODY_WINDOW] if s.attrs.get("kind") != "heading"]
        if not body:
            continue
        lo, hi = body[0].start, body[-1].end
        for ev in (e for e in events if h.start <= e.start < h.end):
            mine = _values(ev)
            other = next((e for e in events if lo <= e.start < hi and e.label == ev.label
                          and mine & _values(e)), None)
            if other is None:
                continue
            ev.attrs["same_as"] = [other.start, other.end]
            if [h.start, h.end] not in other.attrs.setdefault("more_evidence", []):
                other.attrs["more_evidence"].append([h.start, h.end])
            if ev.attrs.get("date_source") == "article" and other.attrs.get("date_source") == "sentence":
                ev.attrs["date"], ev.attrs["date_source"] = other.attrs["date"], "body"
