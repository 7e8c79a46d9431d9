"""Items of an agreement list that name two sides after بين (issue 5).

Under «ومن أبرز مذكرات التفاهم التي أعلن عنها اليوم:» an item may name no agreement noun
(«• شراكة بين أرامكو وغوغل تركز على الخدمات السحابية») or name its sides in Latin letters
(«• مذكرة تفاهم بين SIDF و JP Morgan لبحث التعاون …»). Such an item is one AGREEMENT of the list
when it opens with an agreement-like noun (``item_agreement_nouns``: شراكة، مبادرة …) and بين follows
within a few words; its parties are the two conjuncts after بين (split at the و-word that does not
stand inside an entity), the second cut at a purpose ل-word without article (لتطوير) or an
``item_party_stops`` word, and the rest is its subject (a lead such as تركز على dropped:
``item_subject_leads``). Words are data in ``data/events.json``.
"""
from __future__ import annotations

import re

from marsad.doc import Document
from marsad.extract.events_args import _is, definite
from marsad.extract.people import fold

REACH = 6        # words after the item's noun in which بين may stand
MAX_SIDE = 6     # words of one side
_PUNCT = re.compile(r"[.!?؟؛:،,\n()\"«»]")


def item_noun(doc: Document, ws) -> int | None:
    """Index of the agreement-like noun a list item opens with (after its bullet) when two sides
    follow after بين (``• شراكة بين أرامكو وغوغل``; not ``شراكة بين الجامعات``), else None."""
    k = next((k for k, (_, _, w) in enumerate(ws) if any(c.isalpha() for c in w)), None)
    return k if k is not None and _is(ws[k][2], "item_agreement_nouns") and between_sides(doc, ws, k + 1)[0] \
        else None


def between_at(ws, j: int) -> int | None:
    """Index of بين within ``REACH`` words from ``j``."""
    return next((k for k in range(j, min(len(ws), j + REACH)) if fold(ws[k][2]) == fold("بين")), None)


def before_with(ws, j: int) -> bool:
    """Whether بين (within ``REACH`` words from ``j``) comes before any مع of the item."""
    k = between_at(ws, j)
    return k is not None and not any(fold(w) == fold("مع") for _, _, w in ws[j:k])


def between_sides(doc: Document, ws, j: int) -> tuple[list[str], str | None]:
    """``([A, B], subject)`` of ``… بين A و B <subject>`` after word ``j``; ``([], None)`` if none."""
    k = between_at(ws, j)
    if k is None or k + 2 >= len(ws):
        return [], None
    ents = [e for e in doc.spans("entities") if e.label in ("ORG", "GPE", "PERSON")]
    inside = lambda x: any(e.start < x < e.end for e in ents)   # noqa: E731
    n = next((n for n in range(k + 2, min(len(ws), k + 2 + MAX_SIDE)) if ws[n][2].startswith("و")
              and not inside(ws[n][0]) and not _PUNCT.search(doc.text[ws[k][1]:ws[n][0]])), None)
    if n is None:
        return [], None
    a = doc.text[ws[k + 1][0]:ws[n - 1][1]]
    first = ws[n][2][1:]   # وغوغل → غوغل; «و JP Morgan»: the conjunction stands alone
    lo = n if first else n + 1
    if lo >= len(ws):
        return [], None
    m = lo
    while m + 1 < len(ws) and m + 1 - lo < MAX_SIDE and not _PUNCT.search(doc.text[ws[m][1]:ws[m + 1][0]]) \
            and not _stop(ws[m + 1][2]):
        m += 1
    b = doc.text[ws[lo][0] + (1 if first else 0):ws[m][1]]
    rest = ws[m + 1:]
    if rest and any(fold(" ".join(w for _, _, w in rest[:len(lead.split())])) == fold(lead)
                    for lead in _leads()):
        rest = rest[2:]
    end = ws[-1][1]
    subject = " ".join(doc.text[rest[0][0]:end].split()) if rest else None
    return [" ".join(a.split()), " ".join(b.split())], subject


def _stop(word: str) -> bool:
    return (word.startswith("ل") and not definite(word) and len(word) > 3) or _is(word, "item_party_stops")


def _leads() -> list[str]:
    from marsad.extract.events_args import ontology
    return ontology().get("item_subject_leads", [])
