"""The articles of the QA gold's ``test2`` split (engineer Q10), drawn by a fixed rule.

Rule: from ``ant-v2.1-multisource.jsonl.gz`` (file order) the records of a category whose text
is 1,200–3,000 characters long, whose id is named nowhere in the repository (``git grep`` of the
tree at the commit given, docs included: every article any engineer has read or tuned on), that
are not a pool distractor (line index % 250 == 0) and not an exact duplicate of an earlier
text; of these, every ``stride``-th from ``offset`` (the table ``DRAWS``). The AI and
digital-policy draw takes the records of the four categories that write الذكاء الاصطناعي or
الرقمي. MArSum (``marsum-goud-moroccan.jsonl.gz``, no categories): 800–3,000 characters, no
sports words, the same stride rule. Prints one ``file#id`` a line and, with ``--json``, the
``qa_pool.json`` entries. Usage: ``python train/qa_gold/pick.py [--commit REV]``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ANT = "data/news/ant-v2.1-multisource.jsonl.gz"
MARSUM = "data/news/marsum-goud-moroccan.jsonl.gz"
AI_WORDS = ("الذكاء الاصطناعي", "الرقمي")
SPORT_WORDS = ("الرجاء", "الوداد", "مباراة", "البطولة", "المنتخب")
# (name, file, categories, needles, n, stride, offset, min_len, max_len)
DRAWS = [
    ("international", ANT, {"internationalNews"}, None, 4, 701, 11, 1200, 3000),
    ("middle_east", ANT, {"middleEast"}, None, 3, 701, 11, 1200, 3000),
    ("economy", ANT, {"economy"}, None, 3, 301, 11, 1200, 3000),
    ("technology", ANT, {"technology"}, None, 2, 301, 11, 1200, 3000),
    ("ai_digital", ANT, {"internationalNews", "middleEast", "economy", "technology"}, AI_WORDS, 3, 23, 5, 1200, 3000),
    ("moroccan", MARSUM, None, None, 3, 151, 11, 800, 3000),
]


def named_ids(commit: str) -> set[str]:
    """Record ids (with and without their date) and MArSum ids named anywhere in the tree."""
    out = subprocess.run(["git", "grep", "-h", "-o", "-E",
                          r"(AL|SK|BB|CN|FR)-[A-Za-z]+-[0-9]+(/[0-9]+)*|marsum-[0-9]+", commit, "--", "."],
                         cwd=REPO, capture_output=True, text=True, check=True).stdout
    ids = set()
    for m in out.split():
        m = m.split(":", 1)[-1]
        if m.startswith("marsum-"):
            ids.add(m)
            continue
        head, *more = m.split("/")
        src, cat, num = head.split("-")
        for n in [num] + more:
            ids.add(f"{src}-{cat}-{n}")
    return ids


def _short(rid: str) -> str:
    return rid if rid.startswith("marsum-") else "-".join(rid.split("-")[:3])


def draw(commit: str = "HEAD") -> list[tuple[str, str, str]]:
    from marsad.config import shared_dir

    named = named_ids(commit)
    picked, taken = [], set()
    for name, path, cats, needles, n, stride, offset, lo, hi in DRAWS:
        seen_texts, k, got = set(), 0, 0
        with gzip.open(shared_dir() / path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                obj = json.loads(line)
                rid, text = str(obj["id"]), obj.get("text", "")
                if cats is not None and obj.get("category") not in cats:
                    continue
                if _short(rid) in named or rid in taken or (path == ANT and i % 250 == 0):
                    continue
                if not lo <= len(text) <= hi or text in seen_texts:
                    continue
                seen_texts.add(text)
                if needles and not any(w in text for w in needles):
                    continue
                if path == MARSUM and any(w in text for w in SPORT_WORDS):
                    continue
                k += 1
                if k % stride != offset % stride:
                    continue
                picked.append((name, path, rid))
                taken.add(rid)
                got += 1
                if got >= n:
                    break
    return picked


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rows = draw(a.commit)
    if a.json:
        by = {}
        for _, path, rid in rows:
            by.setdefault(path, []).append(rid)
        print(json.dumps(by, ensure_ascii=False, indent=1))
    else:
        for name, path, rid in rows:
            print(f"{name}\t{path}#{rid}")


if __name__ == "__main__":
    main()
