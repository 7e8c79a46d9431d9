"""Agreement between the two KB gold annotators on doubly annotated articles.

Annotator A annotated a few of annotator B's articles again, blind (files in
``tests/fixtures/kb_gold_agreement/``). This scores A's annotation against B's with the very
metrics of ``marsad eval kb`` (A in the place of the system; an event's evidence is the
sentence of its trigger, its arguments A's argument spans), so the figures say how far the
gold itself can be trusted.

    python train/kb_gold/agreement.py [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from marsad.extract import kb_eval  # noqa: E402

HERE = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
SECOND = HERE / "kb_gold_agreement"


def as_system(a: dict, text: str, sentences: list[tuple[int, int]]) -> kb_eval._Doc:
    """A's annotation dressed as the system output the evaluator reads."""
    doc = kb_eval._Doc.__new__(kb_eval._Doc)
    doc.text = text
    doc.mentions = [(e["span"][0], e["span"][1], e["cluster"], e["type"]) for e in a["entities"]]
    doc.roles = [{"person_span": r["person"], "title_span": r["title"], "person": text[slice(*r["person"])],
                  "person_id": None, "affiliation": text[slice(*r["affiliation"])] if r["affiliation"] else None,
                  "affiliation_id": None, "country": None} for r in a["roles"]]
    doc.quotes = [{"span": q["span"], "speaker": text[slice(*q["speaker"])] if q["speaker"] else None,
                   "speaker_id": None, "speaker_span": q["speaker"]} for q in a["quotes"]]
    doc.events = []
    for n, ev in enumerate(a["events"]):
        t = ev["trigger"]
        sent = next(((s, e) for s, e in sentences if s <= t[0] < e), (t[0], t[1]))
        args = [{"role": role, "entity_id": doc.entity_at(sp), "text": text[sp[0]:sp[1]], "start": sp[0],
                 "end": sp[1]} for role, spans in ev["args"].items() if role != "status" for sp in spans]
        doc.events.append({"id": f"a{n}", "type": ev["type"], "trigger": t, "evidence": list(sent),
                           "status": ev["args"].get("status"), "args": args})
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from marsad.ingest import process_record
    from marsad.pipeline import build

    golds = {g["doc_id"]: g for g in kb_eval.load_gold()}
    seconds = kb_eval.load_gold(SECOND)
    recs = kb_eval.load_records([s["source"] for s in seconds])
    seg = build(["segment"])
    pairs = []
    for a in seconds:
        b = golds.get(a["doc_id"])
        if b is None or b["annotator"] == a["annotator"]:
            continue
        doc = process_record(recs[a["source"]], seg)
        sents = [(s.start, s.end) for s in doc.spans("sentences")]
        pairs.append((b, as_system(a, doc.text, sents)))
    res = kb_eval.score(pairs, "all")
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    print(f"{len(pairs)} articles annotated by both (B as reference, A scored)")
    for name, r in (("roles", res["roles"]), ("roles + affiliation", res["roles"]["with_affiliation"]),
                    ("quotes", res["quotes"]), ("events", res["events"]),
                    ("events + arguments", res["events"]["with_args"])):
        print(f"  {name:<20} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  (B {r['gold']}, A {r['system']})")
    q, c = res["quotes"], res["clusters"]
    print(f"  {'quote attribution':<20} F1 {q['attribution_f1']:.3f}")
    print(f"  {'clusters':<20} P {c['p']:.3f}  R {c['r']:.3f}  F1 {c['f1']:.3f}  (mentions of B found by A: "
          f"{c['found']}/{c['mentions']})")


if __name__ == "__main__":
    main()
