"""The organiser of a CONFERENCE named after it in a relative clause (issue 5).

«ضمن فعاليات المنتدى العالمي للذكاء الاصطناعي، الذي تنظمه القمة العالمية للحكومات»: the relative
pronoun (``relatives``) and an organiser verb carrying the conference's pronoun
(``relative_organiser_verbs``: نظمته، تنظمه، ينظمها …) come a few words after the conference noun,
and the organiser is the organisation or country right after the verb, else the noun phrase there
when it starts with an organisation head (``organiser_heads``: هيئة، وزارة …) or the article, cut
at ``organiser_stops`` (في، خلال، أمس …) or punctuation. Words are data in ``data/events.json``.
"""
from __future__ import annotations

import re

from marsad.doc import Document
from marsad.extract.events_args import _canon, _is, definite

REACH = 8        # words after the conference noun in which the relative pronoun may stand
MAX_WORDS = 6    # words of an organiser read as a noun phrase
_STRONG = re.compile(r"[.!?؟؛:\n]")
_PUNCT = re.compile(r"[.!?؟؛:،,\n()\"«»]")


def _unquoted(gap: str, text: str, ws, n: int, m: int) -> str:
    """The gap between two words of an organiser's phrase without the quotation marks of a name it
    holds after its head (مؤسسة "يوروموني" العالمية): only a quote opened right after the head or
    closing it counts as part of the phrase."""
    quoted = text.count('"', ws[n][0], ws[m][1]) % 2 == 1
    if (m == n and gap.strip() == '"') or (quoted and gap.strip() == '"'):
        return ""
    return gap


def relative_organiser(doc: Document, ws, j: int) -> str | None:
    """The organiser told by ``… الذي نظمته X`` after the conference noun ending at word ``j``, or None."""
    for k in range(j, min(len(ws) - 2, j + REACH)):
        if k > j and _STRONG.search(doc.text[ws[k - 1][1]:ws[k][0]]):
            return None   # the sentence's clause is over
        if not (_is(ws[k][2], "relatives") and _is(ws[k + 1][2], "relative_organiser_verbs")):
            continue
        n = k + 2
        if _PUNCT.search(doc.text[ws[n - 1][1]:ws[n][0]]):
            return None
        ent = next((e for e in doc.spans("entities") if e.label in ("ORG", "GPE") and e.start == ws[n][0]), None)
        if ent is not None:
            return _canon(doc, ent)
        if not (definite(ws[n][2]) or _is(ws[n][2], "organiser_heads")):
            return None   # الذي تنظمه سنويا: no organiser named
        m = n
        while m + 1 < len(ws) and m + 1 - n < MAX_WORDS and not _is(ws[m + 1][2], "organiser_stops") \
                and not _PUNCT.search(_unquoted(doc.text[ws[m][1]:ws[m + 1][0]], doc.text, ws, n, m)):
            m += 1
        end = ws[m][1]
        if doc.text.count('"', ws[n][0], end) % 2 and doc.text[end:end + 1] == '"':
            end += 1      # the closing quote of the name it holds
        return " ".join(doc.text[ws[n][0]:end].split())
    return None
