"""Segmentation evaluation against a CoNLL-U treebank (e.g. UD Arabic PUD).

The running text is rebuilt from the word forms and ``SpaceAfter=No``; sentences are joined
by a space. Three scores:

* **sentences** — F1 of sentence end offsets;
* **words** — F1 of word spans, our tokens cut at their proclitic boundaries (و ف ب ل ك; the
  article ال is not cut, as in UD) against UD's syntactic words;
* **proclitics** — F1 of proclitic boundaries inside orthographic words (UD word boundaries
  with no space where the left word is one of و ف ب ل ك).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.text.segment import split_sentences, tokenize

PROCLITICS = {"و", "ف", "ب", "ل", "ك"}


@dataclass
class Gold:
    text: str
    sentence_ends: set[int]
    words: set[tuple[int, int]]
    proclitic_cuts: set[int]
    sentences: int


def read_conllu(path: Path) -> Gold:
    parts: list[str] = []
    pos = 0
    ends: set[int] = set()
    words: set[tuple[int, int]] = set()
    cuts: set[int] = set()
    sentences = 0
    prev_form, prev_nospace = None, False
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if prev_form is not None:
                ends.add(pos)
                parts.append(" ")
                pos += 1
                sentences += 1
            prev_form, prev_nospace = None, False
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        if prev_nospace and prev_form in PROCLITICS and form[:1].isalpha():
            cuts.add(pos)
        words.add((pos, pos + len(form)))
        parts.append(form)
        pos += len(form)
        nospace = "SpaceAfter=No" in cols[9]
        if not nospace:
            parts.append(" ")
            pos += 1
        prev_form, prev_nospace = form, nospace
    text = "".join(parts)
    ends = {e - 1 if text[e - 1:e] == " " else e for e in ends}
    return Gold(text, {e for e in ends if e < len(text.rstrip())}, words, cuts, sentences)


def _prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": len(gold), "predicted": len(pred)}


def _ends_trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def evaluate_conllu(path: Path) -> dict:
    """Sentence, word and proclitic-boundary P/R/F1 of marsad's segmenter on a CoNLL-U file."""
    gold = read_conllu(path)
    text = gold.text
    pred_ends = {_ends_trimmed(text, e) for _, e, _ in split_sentences(text)}
    gold_ends = {_ends_trimmed(text, e) for e in gold.sentence_ends}
    final = _ends_trimmed(text, len(text))
    pred_ends.discard(final)
    gold_ends.discard(final)
    pred_words: set[tuple[int, int]] = set()
    pred_cuts: set[int] = set()
    for a, b, _label, cuts in tokenize(text):
        proc, prev = [], a
        for c in cuts:
            piece = text[prev:c]
            article_lam = piece == "ل" and prev > a and text[prev - 1] == "ل"  # لل = ل + (ا)ل
            if piece in PROCLITICS and not article_lam:
                proc.append(c)
            prev = c
        pred_cuts.update(proc)
        bounds = [a] + proc + [b]
        pred_words.update(zip(bounds, bounds[1:]))
    return {"file": str(path), "sentences_in_gold": gold.sentences,
            "sentences": _prf(pred_ends, gold_ends),
            "words": _prf(pred_words, gold.words),
            "proclitics": _prf(pred_cuts, gold.proclitic_cuts)}
