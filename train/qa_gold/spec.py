"""Turn a QA question spec (kept outside the repository: it holds article strings) into gold lines.

The gold file stores offsets and sha1 only (``tests/fixtures/qa_gold.jsonl``); we write questions by
reading the articles and name each answer by its string, and this script finds the offsets. Spec::

    doc data/news/ant-v2.1-multisource.jsonl.gz#ID      # the article the next questions are about
    q TYPE | question | answer ; variant ; …          # answerable: variants (a list: its items)
    u TYPE | question                                   # not answered by the article

An answer string may end with ``#N`` (its Nth occurrence, 1-based; default the first). Usage::

    python train/qa_gold/spec.py SPEC --first 590 --split test2 [--append]   # prints (or appends) lines
    python train/qa_gold/spec.py SPEC --first 590 --split test2 --check      # each span's text
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "kb_gold"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotate_helper import load  # noqa: E402
from marsad.qa.evaluate import GOLD, sha1  # noqa: E402

TYPES = {"who", "when", "where", "how_many", "which", "list", "yesno", "title"}


def find(text: str, s: str) -> tuple[int, int]:
    m = re.fullmatch(r"(.*?)#(\d+)", s)
    s, n = (m.group(1), int(m.group(2))) if m else (s, 1)
    pos = -1
    for _ in range(n):
        pos = text.find(s, pos + 1)
        if pos < 0:
            raise ValueError(f"not found (occurrence {n}): {s!r}")
    return pos, pos + len(s)


def build(spec: str, first: int, split: str) -> list[dict]:
    items, doc, n = [], None, first
    for lineno, line in enumerate(Path(spec).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, rest = line.partition(" ")
        if kind == "doc":
            doc = load(rest.strip())
            continue
        parts = [p.strip() for p in rest.split("|")]
        qtype, question = parts[0], parts[1]
        if qtype not in TYPES or kind not in ("q", "u") or doc is None:
            raise ValueError(f"{spec}:{lineno}: bad line")
        answers = []
        if kind == "q":
            for s in (a.strip() for a in parts[2].split(";")):
                st, en = find(doc["text"], s)
                answers.append({"doc_id": doc["doc_id"], "start": st, "end": en, "sha1": sha1(doc["text"][st:en])})
        items.append({"id": f"q{n:03d}", "question": question, "type": qtype, "answers": answers,
                      "answerable": kind == "q", "split": split})
        n += 1
    return items


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--first", type=int, required=True)
    ap.add_argument("--split", required=True)
    ap.add_argument("--append", action="store_true", help="append to tests/fixtures/qa_gold.jsonl")
    ap.add_argument("--check", action="store_true", help="print each question with its spans' text")
    a = ap.parse_args()
    items = build(a.spec, a.first, a.split)
    lines = [json.dumps(i, ensure_ascii=False) for i in items]
    if a.check:
        for i in items:
            print(i["id"], i["type"], i["answerable"], i["question"], "|", len(i["answers"]))
    elif a.append:
        known = {json.loads(x)["id"] for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()}
        clash = known & {i["id"] for i in items}
        if clash:
            raise SystemExit(f"ids already in the gold file: {sorted(clash)[:5]}")
        with GOLD.open("a", encoding="utf-8") as fh:
            fh.write("".join(x + "\n" for x in lines))
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
