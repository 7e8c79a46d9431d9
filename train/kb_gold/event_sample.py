"""Hand-check of event extraction on real news outside the gold set (issue 5).

``dump`` runs the default pipeline on a fixed sample of ANT v2.1 middleEast / internationalNews
articles that are not in the gold set and that contain an event word (every ``--stride``-th
one), and prints each event with its trigger, its arguments and its sentence, for a person to
read. ``score`` compares the extractor's events with a judgment file written by that person,
which holds record ids, trigger offsets, the sha1 of the trigger word, the type the event
really has (``null``: no event of the six types, or one told again) and whether its arguments
are right (``args_ok``, judged for the arguments whose fingerprint ``args_sha`` it stores) —
never article text::

    python train/kb_gold/event_sample.py dump [--stride 200] [--offset 7] [--max-docs 80] [--cats wide]
        [--corpus ant|marsum] [--ids ID,ID,…]
    python train/kb_gold/event_sample.py score train/kb_gold/event_check_s1.json [--half even|odd]

``--corpus marsum`` samples MArSum's Goud.ma articles (Moroccan news, ids ``marsum-N``), which
have no categories: an article with a sports word (``SPORT``) is skipped instead, and the event
words are those of politics, diplomacy and economy (``MARSUM_WORDS``). A judgment file names its corpus
(``"corpus"``: ``ant`` when absent), and ``score`` reads the articles from that corpus.
``--ids`` dumps the given record ids of ``--corpus`` instead of a drawn sample (a sample picked by
topic, e.g. e10a's AI and digital-policy articles); the other sampling options are then ignored.

An event of the output no judgment covers is counted as unjudged; one whose arguments changed
since they were judged is listed for a new judgment (``args_more`` maps further fingerprints to
their verdicts; events found only by a later version are judged entries too, with a ``note``). ``--half`` scores every other article only
(``even``: the articles rules may be written from, ``odd``: the held-back half).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PATH = "data/news/ant-v2.1-multisource.jsonl.gz"
MARSUM = "data/news/marsum-goud-moroccan.jsonl.gz"
PATHS = {"ant": PATH, "marsum": MARSUM}
CATS = ("middleEast", "internationalNews")
WIDE = CATS + ("economy", "technology")   # --cats wide: politics, economy and technology
WORDS = ("اتفاق", "لقاء", "التقى", "قمة", "مؤتمر", "انضمام", "اجتماع", "مباحثات", "محادثات", "اعتماد",
         "إطلاق", "أطلق", "وقع", "توقيع", "استقبل", "بحث")
# MArSum: politics, diplomacy and economy words only (ANT's وقع / بحث / اجتماع of التواصل الاجتماعي draw
# Goud.ma's accidents, police inquiries and social-media stories)
MARSUM_WORDS = ("اتفاق", "مباحثات", "محادثات", "قمة", "مؤتمر", "توقيع", "التقى", "استقبل", "لقاء", "اجتماع ",
                "الاجتماع ", "اجتماعه", "اجتماعها", "مذكرة تفاهم", "شراكة", "انضمام", "زيارة رسمية")
# MArSum has no categories: an article with one of these words is sport, and left out of the sample
SPORT = ("مباراة", "البطولة", "الرجاء", "الوداد", "اللاعب", "كرة القدم", "الكرة", "الفيفا", "المدرب", "الملعب",
         "كأس")


def sample_records(stride: int, offset: int, max_docs: int, cats: str = "politics", corpus: str = "ant"):
    """``(record id, Record)`` of the fixed sample (``cats`` categories, an event word, not gold);
    for ``corpus`` marsum, any article with an event word and no sports word."""
    from train.kb_gold.sampling import sample_records as draw

    if corpus == "marsum":
        return draw(MARSUM, None, MARSUM_WORDS, stride, offset, max_docs, exclude=SPORT)
    return draw(PATH, WIDE if cats == "wide" else CATS, WORDS, stride, offset, max_docs)


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def _args_sha(ev) -> str:
    a = {k: v for k, v in ev.attrs["args"].items() if k not in ("figures", "dates", "name_span")}
    if isinstance(a.get("object"), str):   # a LAUNCH object's spelling (شراكة, once the key شراكه) is no new argument
        from marsad.extract.people import fold
        a["object"] = fold(a["object"])
    return _sha(json.dumps([a, ev.attrs.get("place")], ensure_ascii=False, sort_keys=True))


def given_records(ids: str, corpus: str = "ant"):
    """``(record id, Record)`` of the comma-separated record ``ids`` of ``corpus``, in that order."""
    from marsad.extract.kb_eval import load_records

    path = PATHS[corpus]
    wanted = [i.strip() for i in ids.split(",") if i.strip()]
    recs = load_records([f"{path}#{i}" for i in wanted])
    return [(i, recs[f"{path}#{i}"]) for i in wanted]


def dump(args) -> None:
    from marsad.ingest import process_record
    from marsad.pipeline import default

    pipe = default()
    words = MARSUM_WORDS if args.corpus == "marsum" else WORDS
    records = (given_records(args.ids, args.corpus) if args.ids else
               sample_records(args.stride, args.offset, args.max_docs, args.cats, args.corpus))
    for n, (rid, rec) in enumerate(records):
        doc = process_record(rec, pipe)
        t = doc.text
        print(f"=== {rid} (#{n}, {'even' if n % 2 == 0 else 'odd'}) {len(doc.spans('events'))} events")
        for ev in doc.spans("events"):
            s, e = ev.attrs["trigger"]
            a = {k: v for k, v in ev.attrs["args"].items() if k not in ("figures", "dates", "name_span") and v}
            print(json.dumps({"id": rid, "trigger": [s, e], "sha1": _sha(t[s:e]), "system": ev.label,
                              "args_sha": _args_sha(ev)}, ensure_ascii=False))
            print(f"   {ev.label} ⟦{t[s:e]}⟧ place={ev.attrs.get('place')} args={json.dumps(a, ensure_ascii=False)}")
            print(f"   {t[ev.start:s]}⟦{t[s:e]}⟧{t[e:ev.end]}".replace("\n", " ⏎ "))
        if args.missed:   # sentences with an event word and no event, for recall
            evs = doc.spans("events")
            for snt in doc.spans("sentences"):
                st = t[snt.start:snt.end]
                if any(w in st for w in words) and not any(x.start <= snt.start < x.end or snt.start <= x.start < snt.end
                                                            for x in evs):
                    print(f"   [no event {snt.start}] {st}".replace("\n", " ⏎ "))
        print()


def score(args) -> None:
    from marsad.extract.kb_eval import load_records
    from marsad.ingest import process_record
    from marsad.pipeline import default

    judged = json.loads(Path(args.judgments).read_text(encoding="utf-8"))
    order = judged["docs"]
    keep = {d for n, d in enumerate(order) if args.half is None or (n % 2 == 0) == (args.half == "even")}
    by_id: dict[str, list] = {}
    for j in judged["events"]:
        by_id.setdefault(j["id"], []).append(j)
    path = PATHS[judged.get("corpus", "ant")]
    pipe = default()
    recs = load_records([f"{path}#{i}" for i in keep])
    tp, sys_n, args_ok, args_n, unjudged, stale = Counter(), Counter(), Counter(), Counter(), [], []
    gold_n, found = Counter(), Counter()
    for rid in [d for d in order if d in keep]:
        doc = process_record(recs[f"{path}#{rid}"], pipe)
        js = by_id.get(rid, [])
        for t, _ in {(j["type"], j["trigger"][0]) for j in js if j.get("type")}:   # one true event, judged
            gold_n[t] += 1                                                           # under several system types
        done: set = set()
        for ev in doc.spans("events"):
            s, e = ev.attrs["trigger"]
            j = next((j for j in js if j["trigger"][0] == s and j["system"] == ev.label
                      and j["sha1"] == _sha(doc.text[s:e])), None)
            sys_n[ev.label] += 1
            if j is None:
                unjudged.append((rid, ev.label, s))
                continue
            if j.get("type") == ev.label:
                tp[ev.label] += 1
                found[ev.label] += (ev.label, s) not in done
                done.add((ev.label, s))
                verdicts = {j.get("args_sha"): j.get("args_ok"), **j.get("args_more", {})}
                if _args_sha(ev) in verdicts:
                    args_n[ev.label] += 1
                    args_ok[ev.label] += bool(verdicts[_args_sha(ev)])
                else:
                    stale.append((rid, ev.label, s))
    print(f"{len(keep)} articles ({args.half or 'all'}); type precision = judged right / system events")
    for t in sorted(set(sys_n) | set(gold_n)):
        print(f"  {t:11s} system {sys_n[t]:3d}  right {tp[t]:3d}  P {tp[t] / max(sys_n[t], 1):.3f}"
              f"  args right {args_ok[t]}/{args_n[t]}  judged true events {gold_n[t]}")
    S, T, A, N = sum(sys_n.values()), sum(tp.values()), sum(args_ok.values()), sum(args_n.values())
    print(f"  all         system {S:3d}  right {T:3d}  P {T / max(S, 1):.3f}  args right {A}/{N} "
          f"(P with arguments {A / max(S, 1):.3f}); judged true events {sum(gold_n.values())}, "
          f"found {sum(found.values())} (R {sum(found.values()) / max(sum(gold_n.values()), 1):.3f})")
    for r in unjudged:
        print("   unjudged", *r)
    for r in stale:
        print("   arguments changed, judge again", *r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="print the sample's events with their sentences")
    d.add_argument("--stride", type=int, default=200)
    d.add_argument("--offset", type=int, default=7)
    d.add_argument("--max-docs", type=int, default=80)
    d.add_argument("--cats", choices=("politics", "wide"), default="politics",
                   help="politics: middleEast and internationalNews; wide: also economy and technology")
    d.add_argument("--corpus", choices=tuple(PATHS), default="ant",
                   help="ant: ANT v2.1 (--cats applies); marsum: MArSum's Goud.ma articles without sports words")
    d.add_argument("--missed", action="store_true", help="also print sentences with an event word and no event")
    d.add_argument("--ids", help="comma-separated record ids of --corpus to dump instead of a drawn sample")
    s = sub.add_parser("score", help="score the extractor against a judgment file")
    s.add_argument("judgments")
    s.add_argument("--half", choices=("even", "odd"))
    args = ap.parse_args()
    dump(args) if args.cmd == "dump" else score(args)


if __name__ == "__main__":
    main()
