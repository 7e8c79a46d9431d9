"""Write ``marsad/extract/data/gazetteers/common_words.txt``: normalised words that ANERcorp CAMeL
train, without its last 10% (the dev part used for tuning), has at least twice and always outside
an entity. ``ner_consistency.surnames`` propagates no such word as a surname (a tagger's stray
person span «… هدفين» must not make every «هدفين» a person).

    python train/ner/common_words.py
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.config import shared_dir  # noqa: E402
from marsad.extract.ner_features import DATA, token_info  # noqa: E402
from marsad.train_data import anercorp  # noqa: E402


def main() -> None:
    train = anercorp("train", shared_dir())
    train = train[:int(len(train) * 0.9)]
    outside, inside = Counter(), Counter()
    for words, tags in train:
        for w, t in zip(words, tags):
            (outside if t == "O" else inside)[token_info(w)["n"]] += 1
    common = sorted(k for k, c in outside.items()
                    if c >= 2 and not inside[k] and any("\u0621" <= ch <= "\u064a" for ch in k))
    head = ("# Normalised words of ANERcorp CAMeL train (its first 90%; the last 10% is the tuning dev part) seen at\n"
            "# least twice and never inside an entity: common words, not names. Written by train/ner/common_words.py\n"
            "# (engineer N8, 2026-12-06) for ner_consistency.surnames. Source: ANERcorp (Benajiba et al.), CAMeL split.\n")
    path = DATA / "gazetteers" / "common_words.txt"
    path.write_text(head + "\n".join(common) + "\n", encoding="utf-8")
    print(len(common), "words ->", path)


if __name__ == "__main__":
    main()
