"""Hand-check of the entity layer on unseen news (issue 3).

``dump`` runs the default pipeline on a fixed sample of ANT v2.1 articles of every section (or of
MArSum's Goud.ma articles) that are in no earlier judged sample (``train/kb_gold/*.json``) nor in the
gold set, and prints every entity mention with a few words around it, for a person to read.
``score`` compares the layer's mentions with a judgment file written by that person, which holds
record ids, offsets, the type given, the sha1 of the mention and a verdict — never article text::

    python train/kb_gold/entity_sample.py dump [--corpus ant|marsum] [--stride 97] [--offset 5] [--max-docs 15]
    python train/kb_gold/entity_sample.py score train/kb_gold/entity_check_n6a.json
    python train/kb_gold/entity_sample.py mentions --from 3000 --to 4000 > mentions.tsv   # diff two trees

Verdicts: ``ok`` (right span and type), ``type`` (a name, wrong type), ``span`` (a name, wrong
boundaries), ``no`` (no named entity). Precision is ok / judged; ``span`` and ``type`` are also
reported as 'a name was there'. A mention of the output no judgment covers is counted as unjudged.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PATHS = {"ant": "data/news/ant-v2.1-multisource.jsonl.gz", "marsum": "data/news/marsum-goud-moroccan.jsonl.gz"}


def _judged_ids(skip: str | None = None) -> set[str]:
    """Record ids of every earlier judged sample (event, quote and entity checks)."""
    out: set[str] = set()
    for f in glob.glob(str(Path(__file__).parent / "*.json")):
        if skip and f.endswith(skip):
            continue
        try:
            d = json.loads(Path(f).read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        if isinstance(d, dict):
            out.update(str(x) for x in d.get("docs", []))
            for item in d.get("items", d.get("judgments", [])) if isinstance(d.get("items", d.get("judgments")), list) else []:
                if isinstance(item, dict) and "doc" in item:
                    out.add(str(item["doc"]))
    return out


def sample_records(corpus: str, stride: int, offset: int, max_docs: int, exclude_file: str | None = None):
    """``(record id, Record)`` of every ``stride``-th article not judged before, of any section."""
    from train.kb_gold.sampling import sample_records as draw

    seen = _judged_ids(exclude_file)
    got = draw(PATHS[corpus], None, ("",), stride, offset, max_docs + len(seen))
    return [(rid, rec) for rid, rec in got if rid not in seen][:max_docs]


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def _docs(ids_corpus: list[tuple[str, str]]):
    """Processed documents for ``(corpus, record id)`` pairs, read from ``../shared``."""
    import gzip

    from marsad.config import shared_dir
    from marsad.ingest import process_record
    from marsad.ingest.readers import _from_object
    from marsad.pipeline import default

    pipe = default()
    want: dict[str, set[str]] = {}
    for corpus, rid in ids_corpus:
        want.setdefault(corpus, set()).add(rid)
    out = {}
    for corpus, ids in want.items():
        full = shared_dir() / PATHS[corpus]
        with gzip.open(full, "rt", encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                if str(obj["id"]) in ids:
                    out[str(obj["id"])] = process_record(_from_object(obj, f"{full}#{obj['id']}"), pipe)
    return out


def dump(args) -> None:
    from marsad.ingest import process_record
    from marsad.pipeline import default

    pipe = default()
    for rid, rec in sample_records(args.corpus, args.stride, args.offset, args.max_docs):
        doc = process_record(rec, pipe)
        print(f"=== {rid} ({len(doc.text)} chars)")
        for s in doc.spans("entities"):
            left = " ".join(doc.text[max(0, s.start - 40):s.start].split()[-5:])
            right = " ".join(doc.text[s.end:s.end + 40].split()[:5])
            print(f"{s.start}\t{s.end}\t{s.label}\t{doc.text[s.start:s.end]}\t«{left} [[ ]] {right}»")


def score(args) -> None:
    data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    corpus = data.get("corpus", "ant")
    items = data["items"]
    docs = _docs([(i.get("corpus", corpus), i["doc"]) for i in items] +
                 [(corpus, d) for d in data.get("docs", [])])
    judged = {(i["doc"], i["start"], i["end"], i["label"], i["sha"]): i["verdict"] for i in items}
    corpus_of = {i["doc"]: i.get("corpus", corpus) for i in items}
    seen, counts, unjudged = set(), {}, []
    for rid, doc in docs.items():
        c = counts.setdefault(corpus_of.get(rid, corpus), Counter())
        for s in doc.spans("entities"):
            key = (rid, s.start, s.end, s.label, _sha(doc.text[s.start:s.end]))
            if key in judged:
                c[judged[key]] += 1
                seen.add(key)
            else:
                unjudged.append(key)
    gone = [k for k in judged if k not in seen]
    counts["all"] = sum(counts.values(), Counter())
    for name, c in sorted(counts.items()):
        n = sum(c.values())
        print(json.dumps({"corpus": name, "mentions": n, **dict(c), "precision": round(c["ok"] / n, 3) if n else None,
                          "name_there": round((c["ok"] + c["span"] + c["type"]) / n, 3) if n else None},
                         ensure_ascii=False))
    print(json.dumps({"unjudged": len(unjudged), "judged_gone": len(gone),
                      "gone_verdicts": dict(Counter(judged[k] for k in gone))}, ensure_ascii=False))
    if args.verbose:
        for k in unjudged:
            print("unjudged", k, docs[k[0]].text[k[1]:k[2]])
        for k in gone:
            print("gone", judged[k], k, docs[k[0]].text[k[1]:k[2]])


def mentions(args) -> None:
    """Every entity mention of records [from, to) of a corpus, as TSV (id, start, end, type,
    canonical, text): run on two trees and diff, to read what a change does."""
    import gzip

    from marsad.config import shared_dir
    from marsad.ingest import process_record
    from marsad.ingest.readers import _from_object
    from marsad.pipeline import default

    pipe = default(upto="entities")
    with gzip.open(shared_dir() / PATHS[args.corpus], "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= args.to:
                break
            if k < args.start:
                continue
            obj = json.loads(line)
            doc = process_record(_from_object(obj, str(obj["id"])), pipe)
            for s in doc.spans("entities"):
                print(f"{obj['id']}\t{s.start}\t{s.end}\t{s.label}\t{s.attrs.get('canonical')}\t{doc.text[s.start:s.end]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--corpus", choices=sorted(PATHS), default="ant")
    d.add_argument("--stride", type=int, default=97)
    d.add_argument("--offset", type=int, default=5)
    d.add_argument("--max-docs", type=int, default=15)
    s = sub.add_parser("score")
    s.add_argument("file")
    s.add_argument("-v", "--verbose", action="store_true")
    m = sub.add_parser("mentions")
    m.add_argument("--corpus", choices=sorted(PATHS), default="ant")
    m.add_argument("--from", dest="start", type=int, default=3000)
    m.add_argument("--to", type=int, default=4000)
    args = ap.parse_args()
    {"dump": dump, "score": score, "mentions": mentions}[args.cmd](args)


if __name__ == "__main__":
    main()
