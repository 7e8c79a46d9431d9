"""Text stages: ``segment`` (sentences and tokens) and ``mixed_script`` (warnings)."""
from __future__ import annotations

import re
from bisect import bisect_right

from marsad.doc import Document, Span
from marsad.pipeline import register
from marsad.text.segment import split_sentences, tokenize

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_OTHER = {
    "Latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "Cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "Greek": re.compile(r"[\u0370-\u03ff]"),
    "Hebrew": re.compile(r"[\u05d0-\u05ea]"),
}
_ANY_OTHER = re.compile("|".join(p.pattern for p in _OTHER.values()))


@register("segment", provides=("sentences", "tokens"))
def make_segment(**config):
    """Sentences (sentence, heading, list_item) and tokens with proclitic boundaries."""
    def segment(doc: Document) -> None:
        sents, toks = [], []
        for a, b, kind in split_sentences(doc.text):
            sents.append(Span(a, b, "S", {"kind": kind}))
            toks += [Span(ta, tb, label, {"clitics": list(cuts)} if cuts else {})
                     for ta, tb, label, cuts in tokenize(doc.text, a, b)]
        doc.layers["sentences"] = sents
        doc.layers["tokens"] = toks
    return segment


def mixed_scripts(word: str) -> list[str]:
    """Names of the non-Arabic scripts mixed into an Arabic word (empty if none)."""
    if not _ARABIC.search(word):
        return []
    return [name for name, pat in _OTHER.items() if pat.search(word)]


@register("mixed_script", requires=("tokens",), provides=("mixed_script",))
def make_mixed_script(**config):
    """Flag words that mix Arabic letters with Latin, Cyrillic, Greek or Hebrew ones."""
    def flag(doc: Document) -> None:
        if not _ANY_OTHER.search(doc.text):
            return      # only a token holding a letter of another script can mix (most texts have none)
        toks = doc.spans("tokens")
        starts = [t.start for t in toks]
        for i in sorted({bisect_right(starts, m.start()) - 1 for m in _ANY_OTHER.finditer(doc.text)}):
            tok = toks[i] if i >= 0 else None
            if tok is None or tok.label != "WORD":
                continue
            word = doc.text[tok.start:tok.end]
            others = mixed_scripts(word)
            if others:
                doc.warn("mixed_script", tok.start, tok.end,
                         f"word {word!r} mixes Arabic with {', '.join(others)} letters")
    return flag
