"""Hand-check of quote attribution on real news outside the gold set (issue 5).

``dump`` runs the default pipeline on a fixed sample of news articles that are not in the gold
set (every ``--stride``-th record with quotation marks of ``--corpus``: ANT v2.1's middleEast /
internationalNews categories, Jawhara FM's politic / internationalNews, or all of MArSum's
Goud.ma), and prints each quote with the text before it and the
speaker the extractor gave, for a person to read. ``score`` compares the extractor's speakers
with a judgment file written by that person, which holds record ids, quote offsets, the
sha1 of the quote span and the right speaker as a short name (or null) — never article text::

    python train/kb_gold/quote_sample.py dump [--corpus ant|jawhara|goud] [--stride 97] [--offset 13]
        [--max-docs 60] [--per-doc 3] [--before TREE] [--all-marks]
    python train/kb_gold/quote_sample.py score train/kb_gold/quote_check_dev.json [--before TREE]

A judged entry with ``"quote": false`` is quoted text that is no speech (a name, a title, scare
quotes): the extractor should leave it out, which gives detection precision on the sample
(``dump --all-marks`` also lists the marks no extractor took, for detection recall).

A judgment file names its corpus (``"corpus"``, ANT v2.1 when absent). ``dump --before TREE``
lists the union of the quotes found now and by the older extractor, so that one judgment covers
both; ``score --before TREE`` also scores ``marsad/extract/quotes.py`` of another checkout (a ``git archive``
of an older commit) on the very same documents and entity layers, so that a before → after
comparison is not moved by changes to the entity tagger.

A judged speaker is right when the system's speaker name and the judged name fold to the same
key, or one contains the other as whole words (``ترامب`` / ``دونالد ترامب``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

CORPORA = {   # name: (file under the shared folder, categories sampled; None: all)
    "ant": ("data/news/ant-v2.1-multisource.jsonl.gz", ("middleEast", "internationalNews")),
    "jawhara": ("data/news/ant-v1.1-jawharafm.jsonl.gz", ("politic", "internationalNews")),
    "goud": ("data/news/marsum-goud-moroccan.jsonl.gz", None),
}
MARKS = "«“\""


def sample_records(stride: int, offset: int, max_docs: int, corpus: str = "ant"):
    """``(record id, Record)`` of the fixed sample (politics categories, quotation marks, not gold)."""
    from train.kb_gold.sampling import sample_records as draw

    path, cats = CORPORA[corpus]
    return draw(path, cats, MARKS, stride, offset, max_docs)


def run(stride: int, offset: int, max_docs: int, corpus: str = "ant"):
    """``[(record id, doc)]`` of the sample after the default pipeline."""
    from marsad.ingest import process_record
    from marsad.pipeline import default

    pipe = default()
    return [(rid, process_record(rec, pipe)) for rid, rec in sample_records(stride, offset, max_docs, corpus)]


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def dump(args) -> None:
    old = _old_extractor(args.before) if args.before else None
    for rid, doc in run(args.stride, args.offset, args.max_docs, args.corpus):
        qs = list(doc.spans("quotes"))
        if old:   # the union with what the older extractor found, so that a judgment covers both
            qs += [q for q in old(doc) if not any(min(q.end, x.end) - max(q.start, x.start) > 0 for x in qs)]
        if args.all_marks:   # quotation marks of three words or more that no extractor took
            from marsad.doc import Span
            from marsad.extract.quotes import quote_marks

            qs += [Span(o + 1, c, "QUOTE", {"speaker": None, "method": "unfound"}) for o, c in quote_marks(doc.text)
                   if len(doc.text[o + 1:c].split()) >= 3 and not any(x.start < c and o + 1 < x.end for x in qs)]
        qs.sort(key=lambda q: q.start)
        for q in qs[: args.per_doc]:
            t = doc.text
            before = t[max(0, q.start - args.context):q.start].replace("\n", " ⏎ ")
            after = t[q.end:q.end + 60].replace("\n", " ⏎ ")
            print(json.dumps({"id": rid, "span": [q.start, q.end], "sha1": _sha(t[q.start:q.end]),
                              "system": q.attrs.get("speaker"), "method": q.attrs.get("method")},
                             ensure_ascii=False))
            print(f"   …{before} ⟦{t[q.start:min(q.end, q.start + 160)]}⟧ {after}")
            print()


def _same(a: str | None, b: str | None) -> bool:
    from marsad.extract.people import fold

    if a is None or b is None:
        return a is None and b is None
    fa, fb = fold(a).split(), fold(b).split()
    strip = lambda ws: [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in ws]  # noqa: E731
    fa, fb = strip(fa), strip(fb)
    if fa == fb:
        return True
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _old_extractor(tree: str):
    """``extract_quotes`` of ``tree/marsad/extract/quotes.py`` with the tree's helper modules
    (``quotes_lexicon.py``, ``quotes_bodies.py``, ``quotes_speaker.py``, where it has them) and data files."""
    import importlib.util

    import marsad.pipeline as mp

    def load(name: str, path: Path):
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
        return mod

    saved = mp.register
    mp.register = lambda *a, **k: (lambda f: f)   # do not register the old stage
    helpers = ("quotes_lexicon", "quotes_bodies", "quotes_speaker")   # in import order
    current = {h: sys.modules.get(f"marsad.extract.{h}") for h in helpers}
    try:
        for h in helpers:
            if (Path(tree) / f"marsad/extract/{h}.py").is_file():
                sys.modules[f"marsad.extract.{h}"] = load(f"_{h}_before", Path(tree) / f"marsad/extract/{h}.py")
        mod = load("_quotes_before", Path(tree) / "marsad/extract/quotes.py")
    finally:
        mp.register = saved
        for h, m in current.items():
            if m is None:
                sys.modules.pop(f"marsad.extract.{h}", None)
            else:
                sys.modules[f"marsad.extract.{h}"] = m
    return mod.extract_quotes


def _judge(quotes, j, a, b):
    q = next((q for q in quotes if min(q.end, b) - max(q.start, a) >= (b - a) / 2), None)
    if j.get("quote") is False:   # quoted words that are no speech: a name, a title, a scare quote
        return ("false_alarm" if q else "rejected"), q
    if q is None:
        return "missed", None
    return ("right" if _same(q.attrs.get("speaker"), j["speaker"]) else "wrong"), q


def score(args) -> None:
    judged = json.loads(Path(args.judgments).read_text(encoding="utf-8"))
    old = _old_extractor(args.before) if args.before else None
    by_id = {}
    for j in judged["quotes"]:
        by_id.setdefault(j["id"], []).append(j)
    from marsad.extract.kb_eval import load_records
    from marsad.ingest import process_record
    from marsad.pipeline import default

    pipe = default()
    path = CORPORA[judged.get("corpus", "ant")][0]
    recs = load_records([f"{path}#{i}" for i in by_id])
    counts = {k: {"right": 0, "wrong": 0, "missed": 0, "false_alarm": 0, "rejected": 0} for k in ("after", "before")}
    rows = []
    for rid, js in by_id.items():
        doc = process_record(recs[f"{path}#{rid}"], pipe)
        before = old(doc) if old else None
        for j in js:
            a, b = j["span"]
            if _sha(doc.text[a:b]) != j["sha1"]:
                print(f"{rid} {a}-{b}: the text changed, judgment skipped", file=sys.stderr)
                continue
            v, q = _judge(doc.spans("quotes"), j, a, b)
            counts["after"][v] += 1
            vb, qb = _judge(before, j, a, b) if old else (None, None)
            if old:
                counts["before"][vb] += 1
            if v not in ("right", "rejected") or (old and vb not in ("right", "rejected")):
                was = ("before:", vb, qb.attrs.get("speaker") if qb else "-", "after:") if old else ()
                rows.append((rid, a, j["speaker"], *was, v, q.attrs.get("speaker") if q else "-",
                             q.attrs.get("method") if q else ""))
    for k in ("before", "after") if old else ("after",):
        c = counts[k]
        n, det, fa = c["right"] + c["wrong"] + c["missed"], c["right"] + c["wrong"], c["false_alarm"]
        print(f"{k}: judged {n} quotes, detected {det}, attribution right {c['right']} "
              f"(precision over detected {c['right'] / max(det, 1):.3f}, over all judged {c['right'] / max(n, 1):.3f}); "
              f"{fa + c['rejected']} judged no quotes, {fa} taken (detection P {det / max(det + fa, 1):.3f}, "
              f"R {det / max(n, 1):.3f})")
    for r in rows:
        print("  ", *r)
    if args.json:
        print(json.dumps(counts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="print the sample's quotes with context and speaker")
    d.add_argument("--corpus", choices=sorted(CORPORA), default="ant")
    d.add_argument("--stride", type=int, default=97)
    d.add_argument("--offset", type=int, default=13)
    d.add_argument("--max-docs", type=int, default=60)
    d.add_argument("--per-doc", type=int, default=3)
    d.add_argument("--context", type=int, default=220)
    d.add_argument("--before", metavar="TREE", help="also list the quotes quotes.py of this checkout finds")
    d.add_argument("--all-marks", action="store_true", help="also list quotation marks (3+ words) no extractor took")
    s = sub.add_parser("score", help="score the extractor against a judgment file")
    s.add_argument("judgments")
    s.add_argument("--json", action="store_true")
    s.add_argument("--before", metavar="TREE", help="also score quotes.py of this checkout")
    args = ap.parse_args()
    dump(args) if args.cmd == "dump" else score(args)


if __name__ == "__main__":
    main()
