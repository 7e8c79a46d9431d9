"""Annotation helper for the knowledge-base gold set (``tests/fixtures/kb_gold/``).

The gold files store offsets only; we annotate by reading the article and marking strings,
and this script turns the strings into offsets. Commands::

    python train/kb_gold/annotate_helper.py show SOURCE          # doc_id, sha1, text with offsets
    python train/kb_gold/annotate_helper.py find SOURCE STRING [N]  # [s, e] of the Nth occurrence
    python train/kb_gold/annotate_helper.py build SPEC OUT.json   # a spec of strings → a gold file
    python train/kb_gold/annotate_helper.py check GOLD.json       # print each gold span's text

SOURCE is a path relative to ``../shared`` (``corpus/seeds/000_x.txt``) or a JSON Lines
corpus and a record id (``data/news/ant-v2.1-multisource.jsonl.gz#AL-politics-12-20180302``).

A *spec* is a plain-text file kept outside the repository (it holds article strings); one
directive a line, ``#`` lines are comments::

    source data/news/FILE.jsonl.gz#ID
    split dev
    annotator a
    ent PERSON cluster-label: full name | surname | الوزيرة@1234 | !surname#3
    role P=person ; T=title ; A=affiliation          (A optional)
    quote Q=first words .. last words ; S=speaker name   (S optional)
    event TYPE trigger ; role=arg1 | arg2 ; status=joined

A string may end with ``#N`` (its Nth occurrence, 1-based) or ``@OFFSET`` (the first
occurrence at or after OFFSET). Anchors (a role's person, a quote's first words, an event's
trigger) are found that way; the other strings of the line are taken at the occurrence
nearest the anchor. ``ent`` marks every whole-word occurrence of each string (after
proclitics و ف ب ل ك), longest strings first; ``!string#N`` removes one occurrence.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from marsad.doc import content_id  # noqa: E402
from marsad.text.clean import clean  # noqa: E402

_LETTER = re.compile(r"[^\W_]|[\u064B-\u0652\u0670]")
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال")
EVENT_TYPES = {"AGREEMENT", "MEMBERSHIP", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"}


def load(source: str) -> dict:
    """The record named by ``source``: raw text, cleaned text, doc_id, sha1, published."""
    from marsad.extract.kb_eval import load_records

    rec = load_records([source])[source]
    text, _ = clean(rec.raw)
    return {"raw": rec.raw, "text": text, "doc_id": content_id(rec.raw),
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(), "published": rec.published}


def show(source: str) -> None:
    d = load(source)
    print(f"doc_id {d['doc_id']}  text_sha1 {d['text_sha1']}  published {d['published']}  chars {len(d['text'])}")
    pos = 0
    for line in d["text"].split("\n"):
        if line.strip():
            print(f"[{pos}] {line}")
        pos += len(line) + 1


def occurrences(text: str, s: str, whole: bool = True) -> list[int]:
    """Start offsets of ``s`` in ``text`` (whole words, optionally after proclitics)."""
    out, i = [], text.find(s)
    while i >= 0:
        ok = True
        if whole:
            j = i + len(s)
            if j < len(text) and _LETTER.match(text[j]) and _LETTER.match(s[-1]):
                ok = False
            if i > 0 and _LETTER.match(text[i - 1]) and _LETTER.match(s[0]):
                k = i
                while k > 0 and _LETTER.match(text[k - 1]):
                    k -= 1
                if text[k:i] not in _PROCLITICS:
                    ok = False
        if ok:
            out.append(i)
        i = text.find(s, i + 1)
    return out


def locate(text: str, ref: str, near: int | None = None) -> list[int]:
    """``[s, e]`` of ``ref`` (``str#N``, ``str@OFF`` or the occurrence nearest ``near``)."""
    ref = ref.strip()
    m = re.match(r"^(.*?)(?:#(\d+)|@(\d+))?$", ref, re.S)
    s, nth, at = m.group(1).strip(), m.group(2), m.group(3)
    occ = occurrences(text, s) or occurrences(text, s, whole=False)
    if not occ:
        raise SystemExit(f"not found: {s!r}")
    if nth:
        i = occ[int(nth) - 1]
    elif at:
        i = next(o for o in occ if o >= int(at))
    elif near is not None:
        i = min(occ, key=lambda o: abs(o - near))
    else:
        i = occ[0]
    return [i, i + len(s)]


def _fields(rest: str) -> dict[str, str]:
    out = {}
    for part in rest.split(" ; "):
        if "=" in part:
            k, _, v = part.partition("=")
            out[k.strip()] = v.strip()
    return out


def build(spec_path: str) -> dict:
    """A gold record from a spec file (see the module docstring)."""
    lines = [ln.rstrip("\n") for ln in Path(spec_path).read_text(encoding="utf-8").splitlines()]
    head = {}
    for ln in lines:
        if ln.split(" ", 1)[0] in ("source", "split", "annotator"):
            k, _, v = ln.partition(" ")
            head[k] = v.strip()
    d = load(head["source"])
    text = d["text"]
    gold = {"doc_id": d["doc_id"], "source": head["source"], "text_sha1": d["text_sha1"],
            "split": head.get("split", "dev"), "annotator": head.get("annotator", "a"),
            "roles": [], "quotes": [], "events": [], "entities": []}
    ent_specs = []
    for ln in lines:
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        kind, _, rest = ln.strip().partition(" ")
        if kind == "role":
            f = _fields(rest)
            p = locate(text, f["P"])
            gold["roles"].append({"person": p, "title": locate(text, f["T"], p[0]),
                                  "affiliation": locate(text, f["A"], p[0]) if f.get("A") else None})
        elif kind == "quote":
            f = _fields(rest)
            first, _, last = f["Q"].partition("..")
            s = locate(text, first)
            e = locate(text[s[0]:], last.strip())[1] + s[0] if last.strip() else s[1]
            gold["quotes"].append({"span": [s[0], e], "speaker": locate(text, f["S"]) if f.get("S") else None})
        elif kind == "event":
            head_part, _, args_part = rest.partition(" ; ")
            etype, _, trig = head_part.partition(" ")
            if etype not in EVENT_TYPES:
                raise SystemExit(f"unknown event type {etype}")
            t = locate(text, trig)
            args = {}
            for role, val in _fields(args_part).items():
                if role == "status":
                    args[role] = val
                else:
                    args[role] = [locate(text, v, t[0]) for v in val.split(" | ") if v.strip()]
            gold["events"].append({"type": etype, "trigger": t, "args": args})
        elif kind == "ent":
            etype, _, rest2 = rest.partition(" ")
            cluster, _, strings = rest2.partition(":")
            if etype not in ENTITY_TYPES:
                raise SystemExit(f"unknown entity type {etype}")
            ent_specs.append((etype, cluster.strip(), [x.strip() for x in strings.split("|") if x.strip()]))
    taken: list[tuple[int, int]] = []
    items = []
    removes = []
    adds = []
    for etype, cluster, strings in ent_specs:
        for s in strings:
            if s.startswith("!"):
                removes.append(tuple(locate(text, s[1:])))
            elif "#" in s or "@" in s:
                adds.append((etype, cluster, locate(text, s)))
            else:
                adds += [(etype, cluster, [i, i + len(s)]) for i in occurrences(text, s)]
    for etype, cluster, (s, e) in sorted(adds, key=lambda a: -(a[2][1] - a[2][0])):
        if (s, e) in removes or any(s < b and e > a for a, b in taken):
            continue
        taken.append((s, e))
        items.append({"span": [s, e], "type": etype, "cluster": cluster})
    gold["entities"] = sorted(items, key=lambda x: x["span"])
    return gold


def dump(gold: dict) -> str:
    """Compact, diff-friendly JSON: one list item a line."""
    out = ["{"]
    keys = list(gold)
    for n, k in enumerate(keys):
        v = gold[k]
        sep = "," if n < len(keys) - 1 else ""
        if isinstance(v, list):
            if not v:
                out.append(f' "{k}": []{sep}')
                continue
            out.append(f' "{k}": [')
            out += [f"  {json.dumps(x, ensure_ascii=False)}{',' if i < len(v) - 1 else ''}" for i, x in enumerate(v)]
            out.append(f" ]{sep}")
        else:
            out.append(f' "{k}": {json.dumps(v, ensure_ascii=False)}{sep}')
    return "\n".join(out + ["}"]) + "\n"


def check(gold_path: str) -> None:
    g = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    d = load(g["source"])
    t = d["text"]
    if d["text_sha1"] != g["text_sha1"]:
        print("WARNING: text_sha1 differs")
    sp = lambda x: f"{t[x[0]:x[1]]!r}" if x else "-"  # noqa: E731
    for r in g["roles"]:
        print("ROLE", sp(r["person"]), "|", sp(r["title"]), "|", sp(r["affiliation"]))
    for q in g["quotes"]:
        print("QUOTE", sp(q["span"])[:70], "... |", sp(q["speaker"]))
    for ev in g["events"]:
        print("EVENT", ev["type"], sp(ev["trigger"]), {k: (v if isinstance(v, str) else [sp(x) for x in v])
                                                      for k, v in ev["args"].items()})
    for e in g["entities"]:
        print("ENT", e["type"], e["cluster"], e["span"], sp(e["span"]))


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd = argv[0]
    if cmd == "show":
        show(argv[1])
    elif cmd == "find":
        d = load(argv[1])
        print(locate(d["text"], argv[2] + (f"#{argv[3]}" if len(argv) > 3 else "")))
    elif cmd == "build":
        gold = build(argv[1])
        out = argv[2] if len(argv) > 2 else None
        text = dump(gold)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            print(f"{out}: {len(gold['roles'])} roles, {len(gold['quotes'])} quotes, "
                  f"{len(gold['events'])} events, {len(gold['entities'])} mentions")
        else:
            print(text)
    elif cmd == "check":
        check(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
