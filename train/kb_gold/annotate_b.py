"""Annotation helper for the knowledge-base gold set (annotator b).

Usage (run from the repository root; articles are read from ``$MARSAD_SHARED``, default ``../shared``)::

    python train/kb_gold/annotate_b.py show SOURCE            # doc_id, sha1, text with offsets per line
    python train/kb_gold/annotate_b.py find SOURCE STRING [N] # [s, e] of the Nth occurrence (1-based)
    python train/kb_gold/annotate_b.py build SPEC [--out DIR] [--check]

``SOURCE`` is ``data/news/FILE.jsonl.gz#RECORD_ID`` (or a plain file path relative to the
shared folder). A SPEC is a small text file written by the annotator while reading the article
(kept outside the repository: it names strings of the article). ``build`` turns it into a gold
file ``b_<doc_id16>.json`` that stores offsets only. Spec lines::

    source data/news/ant-v2.1-multisource.jsonl.gz#SK-internationalNews-1256-20180429
    split dev
    E PERSON emmanuel-macron | إيمانويل ماكرون | ماكرون     # every occurrence of each string
    E GPE country-FR | فرنسا | باريس@2                          # @N: only the Nth occurrence
    E PERSON emmanuel-macron | ~الرئيس الفرنسي                 # ~: a title used as a reference
                                                               # (skipped when next to a name)
    R person@N | title | affiliation-or--                     # title/affiliation: nearest to person
    Q opening words .. closing words | speaker-or--           # quote span (without the marks)
    V MEETING trigger@N ; participants = a, b ; place = c      # args: nearest occurrence to trigger
    V MEMBERSHIP trigger ; member = x ; organisation = y ; status = joined

Strings match at word starts, after optional proclitics (و ف ب ل ك), never inside a longer
word; longer strings of ``E`` lines are claimed first, so ``ماكرون`` does not also mark the
inside of ``إيمانويل ماكرون``.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.doc import content_id  # noqa: E402
from marsad.text.clean import clean  # noqa: E402

EVENT_TYPES = {"AGREEMENT", "MEMBERSHIP", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"}
_LETTER = r"\w"


def load(source: str) -> tuple[str, str]:
    """``(raw, cleaned text)`` of a source ``path#record`` (JSONL) or a plain file, read through the
    evaluator's loader (:func:`marsad.extract.kb_eval.load_records`), so both see the same text."""
    from marsad.extract.kb_eval import load_records

    raw = load_records([source])[source].raw
    text, _ = clean(raw)
    return raw, text


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """Word-start occurrences of ``s`` (optional proclitics before, no letter after)."""
    pat = re.compile(r"(?<!" + _LETTER + r")(?:[وف]?[بلك]?)(" + re.escape(s) + r")(?!" + _LETTER + ")")
    out = [(m.start(1), m.end(1)) for m in pat.finditer(text)]
    if s.startswith("ال") and len(s) > 3:  # لل+noun (alif elided): marked whole, as in the README
        lil = re.compile(r"(?<!" + _LETTER + r")[وف]?(لل" + re.escape(s[2:]) + r")(?!" + _LETTER + ")")
        out = sorted(out + [(m.start(1), m.end(1)) for m in lil.finditer(text)])
    if not out:  # fall back to plain substring (e.g. strings that start or end with punctuation)
        i = text.find(s)
        while i >= 0:
            out.append((i, i + len(s)))
            i = text.find(s, i + 1)
    return out


def _split_n(item: str) -> tuple[str, int | None]:
    m = re.match(r"^(.*?)@(\d+)$", item.strip())
    return (m.group(1).strip(), int(m.group(2))) if m else (item.strip(), None)


def locate(text: str, item: str, near: int | None = None) -> list[int]:
    """``[s, e]`` of ``string[@N]``: the Nth occurrence, else the nearest to ``near``, else the first."""
    s, n = _split_n(item)
    occ = occurrences(text, s)
    if not occ:
        raise SystemExit(f"not found: {s!r}")
    if n is not None:
        if n > len(occ):
            raise SystemExit(f"{s!r} occurs {len(occ)} times, not {n}")
        return list(occ[n - 1])
    if near is not None:
        return list(min(occ, key=lambda o: abs(o[0] - near)))
    return list(occ[0])


def build(spec: Path) -> dict:
    """The gold record of one spec file (offsets only)."""
    lines = [ln.split("  #")[0].rstrip() for ln in spec.read_text(encoding="utf-8").splitlines()]
    head = {k: v for k, _, v in (ln.partition(" ") for ln in lines if ln.startswith(("source ", "split ")))}
    raw, text = load(head["source"])
    gold = {"doc_id": content_id(raw), "source": head["source"],
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "split": head["split"], "annotator": "b",
            "roles": [], "quotes": [], "events": [], "entities": []}
    ent_items = []
    for ln in lines:
        if ln.startswith("E "):
            head_, *alts = [x.strip() for x in ln[2:].split("|")]
            etype, cluster = head_.split()
            assert etype in ENTITY_TYPES, etype
            ent_items += [(etype, cluster, a) for a in alts if a]
    taken: list[tuple[int, int]] = []
    for etype, cluster, a in sorted(ent_items, key=lambda x: (x[2].startswith("~"), -len(_split_n(x[2])[0]))):
        title_ref = a.startswith("~")
        s, n = _split_n(a.lstrip("~"))
        occ = occurrences(text, s)
        if not occ:
            raise SystemExit(f"entity string not found: {s!r}")
        for k, (b, e) in enumerate(occ, 1):
            if n is not None and k != n:
                continue
            if any(b < te and tb < e for tb, te in taken):
                continue
            if title_ref and any(0 <= tb - e <= 3 or 0 <= b - te <= 3 for tb, te in taken):
                continue  # a title in apposition to a name is not a mention of its own
            taken.append((b, e))
            gold["entities"].append({"span": [b, e], "type": etype, "cluster": cluster})
    gold["entities"].sort(key=lambda x: x["span"])
    for ln in lines:
        if ln.startswith("R "):
            person, title, aff = [x.strip() for x in ln[2:].split("|")]
            p = locate(text, person)
            gold["roles"].append({"person": p, "title": locate(text, title, p[0]),
                                  "affiliation": None if aff == "-" else locate(text, aff, p[0])})
        elif ln.startswith("Q "):
            body, spk = [x.strip() for x in ln[2:].rsplit("|", 1)]
            a, b = [x.strip() for x in body.split("..")]
            a, n = _split_n(a)
            starts = [i for i in range(len(text)) if text.startswith(a, i)]
            if not starts or (n and n > len(starts)):
                raise SystemExit(f"quote start not found: {a!r}")
            s = starts[(n or 1) - 1]
            e = text.find(b, s)
            if e < 0:
                raise SystemExit(f"quote end not found: {b!r}")
            gold["quotes"].append({"span": [s, e + len(b)], "speaker": None if spk == "-" else locate(text, spk)})
        elif ln.startswith("V "):
            parts = [x.strip() for x in ln[2:].split(";")]
            etype, trig = parts[0].split(None, 1)
            assert etype in EVENT_TYPES, etype
            t = locate(text, trig)
            args: dict = {}
            for part in parts[1:]:
                role, _, vals = [x.strip() for x in part.partition("=")]
                if role == "status":
                    args[role] = vals
                else:
                    args[role] = [locate(text, v, t[0]) for v in vals.split(",") if v.strip()]
            gold["events"].append({"type": etype, "trigger": t, "args": args})
    return gold


def report(gold: dict, text: str) -> str:
    """A readable listing of a gold record (for checking by eye)."""
    def q(sp):
        return "-" if sp is None else text[sp[0]:sp[1]]
    out = [f"{gold['doc_id']} {gold['split']} entities={len(gold['entities'])}"]
    for r in gold["roles"]:
        out.append(f"  R {q(r['person'])} | {q(r['title'])} | {q(r['affiliation'])}")
    for x in gold["quotes"]:
        out.append(f"  Q [{x['span'][0]},{x['span'][1]}] {q(x['span'])[:40]}… | {q(x['speaker'])}")
    for v in gold["events"]:
        args = "; ".join(f"{k}={v2 if isinstance(v2, str) else ', '.join(q(s) for s in v2)}"
                         for k, v2 in v["args"].items())
        out.append(f"  V {v['type']} {q(v['trigger'])} ; {args}")
    by: dict[str, list[str]] = {}
    for e in gold["entities"]:
        by.setdefault(f"{e['type']} {e['cluster']}", []).append(q(e["span"]))
    for k, v in by.items():
        out.append(f"  E {k}: {len(v)} × {sorted(set(v))}")
    return "\n".join(out)


def main(argv: list[str]) -> None:
    cmd = argv[0] if argv else "help"
    if cmd == "show":
        raw, text = load(argv[1])
        print(f"doc_id {content_id(raw)}  sha1 {hashlib.sha1(text.encode()).hexdigest()}  chars {len(text)}")
        pos = 0
        for line in text.split("\n"):
            print(f"[{pos}] {line}")
            pos += len(line) + 1
    elif cmd == "find":
        _, text = load(argv[1])
        n = int(argv[3]) if len(argv) > 3 else 1
        print(locate(text, f"{argv[2]}@{n}"))
    elif cmd == "build":
        out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else ROOT / "tests/fixtures/kb_gold"
        gold = build(Path(argv[1]))
        _, text = load(gold["source"])
        print(report(gold, text))
        if "--check" not in argv:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"b_{gold['doc_id']}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
