"""Train the learned event verifier (``marsad/extract/events_verifier.py``, issue 5).

``examples`` re-runs today's pipeline (verifier off) on the articles of every judgment file
``train/kb_gold/event_check_*.json`` (``event_sample.py`` reads their corpus and records),
matches today's events to the judgments by (record id, trigger offsets, trigger sha1) and makes
one example per matched event: label = the judged type equals today's type. The KB gold **dev**
articles add one example per system event: label = it matches a gold event
(:func:`marsad.extract.kb_eval._event_match`). Features: :func:`events_verifier.features`.

``cv`` evaluates gradient-boosted trees and a logistic regression by leave-one-file-out
cross-validation (the dev articles are one more group): AUC, and precision / recall / F1 of
the kept events against keeping them all, for each threshold; ``--write`` fits the chosen model
on all examples and writes ``marsad/extract/data/event_verifier.json`` with its meta::

    python train/kb_gold/train_event_verifier.py examples [--out /tmp/ev_examples.json]
    python train/kb_gold/train_event_verifier.py cv [--examples /tmp/ev_examples.json] [--write]
    python train/kb_gold/train_event_verifier.py cv --kinds lr --lr-l2 150 --write --mode off   # the shipped file

NumPy only (the trees and the logistic regression of ``bench/ask_bench.py``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

JUDGED = sorted((ROOT / "train" / "kb_gold").glob("event_check_*.json"))
DEFAULT_CACHE = "/tmp/ev_examples.json"
PRIOR_M = 5.0   # smoothing of the lexicon entries' priors (pseudo-counts of the type's share)


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def _pipeline():
    os.environ["MARSAD_EVENT_VERIFIER"] = "off"   # the rules' events, as the verifier sees them
    from marsad.pipeline import default
    return default()


def judged_examples(path: Path, pipe) -> tuple[list[dict], dict]:
    """Examples of one judgment file and its match counts."""
    from marsad.extract.events_verifier import features
    from marsad.extract.kb_eval import load_records
    from marsad.ingest import process_record
    from train.kb_gold.event_sample import PATHS

    judged = json.loads(path.read_text(encoding="utf-8"))
    corpus = PATHS[judged.get("corpus", "ant")]
    by_key: dict = defaultdict(list)
    for j in judged["events"]:
        by_key[(j["id"], j["trigger"][0], j["trigger"][1], j["sha1"])].append(j)
    recs = load_records([f"{corpus}#{i}" for i in judged["docs"]])
    out, n_events, used = [], 0, set()
    for rid in judged["docs"]:
        doc = process_record(recs[f"{corpus}#{rid}"], pipe)
        evs = list(doc.spans("events"))
        n_events += len(evs)
        for ev, f in zip(evs, features(doc, evs)):
            s, e = ev.attrs["trigger"]
            js = by_key.get((rid, s, e, _sha(doc.text[s:e])))
            if not js:
                continue
            j = next((j for j in js if j["system"] == ev.label), js[0])
            used.add(id(j))
            out.append({"group": path.stem, "id": rid, "trigger": [s, e], "type": ev.label,
                        "label": int(j.get("type") == ev.label), "f": f})
    stats = {"file": path.name, "judged": len(judged["events"]), "system_today": n_events, "matched": len(out),
             "positives": sum(x["label"] for x in out)}
    return out, stats


def dev_examples(pipe) -> tuple[list[dict], dict]:
    """Examples of the KB gold dev articles: a system event that matches a gold event is positive."""
    from marsad.extract.events_verifier import features
    from marsad.extract.kb_eval import _event_match, load_gold, load_records
    from marsad.ingest import process_record

    golds = [g for g in load_gold(None, "all") if g["split"] == "dev"]   # load_gold does not filter: the test
    assert golds and all(g["split"] == "dev" for g in golds)             # split is never read here
    recs = load_records([g["source"] for g in golds])
    out = []
    for g in golds:
        doc = process_record(recs[g["source"]], pipe)
        evs = list(doc.spans("events"))
        for ev, f in zip(evs, features(doc, evs)):
            se = {"type": ev.label, "trigger": ev.attrs["trigger"], "evidence": [ev.start, ev.end]}
            good = any(_event_match(ge, se) for ge in g["events"])
            out.append({"group": "kb_dev", "id": g["doc_id"], "trigger": ev.attrs["trigger"], "type": ev.label,
                        "label": int(good), "f": f})
    return out, {"file": "kb_gold dev", "gold_events": sum(len(g["events"]) for g in golds),
                 "system_today": len(out), "matched": len(out), "positives": sum(x["label"] for x in out)}


def examples_cmd(args) -> None:
    pipe = _pipeline()
    rows, stats = [], []
    for path in JUDGED:
        r, st = judged_examples(path, pipe)
        rows += r
        stats.append(st)
        print(json.dumps(st), flush=True)
    r, dst = dev_examples(pipe)
    rows += r
    stats.append(dst)
    print(json.dumps(dst))
    tot = Counter()
    for st in stats[:-1]:
        tot.update({k: v for k, v in st.items() if k != "file"})
    print(f"judgments {tot['judged']}, today's events on those articles {tot['system_today']}, "
          f"matched {tot['matched']} ({tot['positives']} true); dev {dst['matched']} ({dst['positives']} true)")
    Path(args.out).write_text(json.dumps({"stats": stats, "rows": rows}, ensure_ascii=False), encoding="utf-8")


# ------------------------------------------------------------------------------ learning
def priors(rows: list[dict]) -> dict:
    """Smoothed share of true events per lexicon entry (toward its type's share), per type, overall."""
    allp = float(np.mean([r["label"] for r in rows])) if rows else 0.5
    by_t, by_e = defaultdict(list), defaultdict(list)
    for r in rows:
        by_t[r["type"]].append(r["label"])
        if r["f"].get("_entry"):
            by_e[(r["type"], r["f"]["_entry"])].append(r["label"])
    types = {t: (sum(v) + PRIOR_M * allp) / (len(v) + PRIOR_M) for t, v in by_t.items()}
    entries = {}
    for (t, e), v in by_e.items():
        entries[e] = round((sum(v) + PRIOR_M * types[t]) / (len(v) + PRIOR_M), 4)
    return {"all": round(allp, 4), "types": {t: round(v, 4) for t, v in types.items()}, "entries": entries}


def matrix(rows: list[dict], pri: dict, names: list[str] | None = None):
    from marsad.extract.events_verifier import with_prior

    feats = [with_prior({"priors": pri}, r["f"]) for r in rows]
    names = names or sorted(feats[0])
    return np.array([[f.get(n, 0.0) for n in names] for f in feats], dtype=float), names


def fit_lr(X: np.ndarray, y: np.ndarray, sw: np.ndarray | None = None, l2: float = 1.0, steps: int = 2000,
           lr: float = 0.3) -> dict:
    """L2-regularised logistic regression on standardised features with sample weights ``sw``
    (``bench/ask_bench.py``'s fit_lr)."""
    from bench.ask_bench import fit_lr as _fit_lr

    return _fit_lr(X, y, l2=l2, steps=steps, lr=lr, sw=np.ones(len(y)) if sw is None else sw)


DEV_WEIGHT = 1.0   # weight of a KB gold dev example against a judged one (--dev-weight)


def _fit(kind: str, X, y, params: dict, sw=None):
    from bench.ask_bench import fit_gbt
    return fit_gbt(X, y, **params) if kind == "gbt" else fit_lr(X, y, sw, **params)


def _weights(rows: list[dict]) -> np.ndarray:
    return np.array([DEV_WEIGHT if r["group"] == "kb_dev" else 1.0 for r in rows])


def _predict(kind: str, m, X):
    from bench.ask_bench import _predict as lr_predict, predict_gbt
    return predict_gbt(m, X) if kind == "gbt" else lr_predict(m, X)


def auc(y, p) -> float:
    order = np.argsort(p, kind="mergesort")
    ranks = np.empty(len(p))
    ps = p[order]
    i = 0
    while i < len(p):   # average ranks of ties
        j = i
        while j + 1 < len(p) and ps[j + 1] == ps[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n1, n0 = y.sum(), len(y) - y.sum()
    return float((ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else float("nan")


def cv_probs(rows: list[dict], kind: str, params: dict) -> np.ndarray:
    """Out-of-fold probabilities, leave one group (judgment file, or the dev articles) out; the
    lexicon priors are computed on the training folds only."""
    groups = sorted({r["group"] for r in rows})
    out = np.zeros(len(rows))
    for g in groups:
        tr = [r for r in rows if r["group"] != g]
        te_idx = [i for i, r in enumerate(rows) if r["group"] == g]
        pri = priors(tr)
        X, names = matrix(tr, pri)
        y = np.array([r["label"] for r in tr], dtype=float)
        m = _fit(kind, X, y, params, _weights(tr))
        Xt, _ = matrix([rows[i] for i in te_idx], pri, names)
        out[te_idx] = _predict(kind, m, Xt)
    return out


def kept_scores(y: np.ndarray, p: np.ndarray, t: float, recall_base: float = 1.0) -> dict:
    """P / R / F1 of the events with p >= t: R over the true events the rules proposed, times
    ``recall_base`` (the rules' own recall, 1.0 for 'relative to keeping all')."""
    keep = p >= t
    tp = float((y[keep] == 1).sum())
    P = tp / max(keep.sum(), 1)
    R = tp / max(y.sum(), 1) * recall_base
    return {"t": round(t, 3), "kept": int(keep.sum()), "P": round(P, 4), "R": round(R, 4),
            "F1": round(2 * P * R / (P + R), 4) if P + R else 0.0}


GRID = {"gbt": [{"rounds": 60, "depth": 2, "eta": 0.1, "lam": 5.0, "min_leaf": 10},
                {"rounds": 100, "depth": 3, "eta": 0.05, "lam": 5.0, "min_leaf": 10},
                {"rounds": 150, "depth": 2, "eta": 0.05, "lam": 10.0, "min_leaf": 15}],
        "lr": [{"l2": 1.0, "steps": 2000, "lr": 0.3}, {"l2": 20.0, "steps": 2000, "lr": 0.3},
               {"l2": 60.0, "steps": 2000, "lr": 0.3}, {"l2": 150.0, "steps": 2000, "lr": 0.3}]}


def cv_cmd(args) -> None:
    global DEV_WEIGHT
    DEV_WEIGHT = args.dev_weight
    data = json.loads(Path(args.examples).read_text(encoding="utf-8"))
    rows = data["rows"]
    if args.judged_only:
        rows = [r for r in rows if r["group"] != "kb_dev"]
    y = np.array([r["label"] for r in rows], dtype=float)
    judged = np.array([r["group"] != "kb_dev" for r in rows])
    print(f"{len(rows)} examples ({int(y.sum())} true), {len({r['group'] for r in rows})} groups")
    base = kept_scores(y, np.ones(len(y)), 0.5)
    print("keep all:", base, " judged files only:", kept_scores(y[judged], np.ones(judged.sum()), 0.5))
    results = []
    for kind, grid in GRID.items():
        if args.kinds and kind not in args.kinds.split(","):
            continue
        for params in grid:
            if kind == "lr" and args.lr_l2 and params["l2"] not in args.lr_l2:
                continue
            p = cv_probs(rows, kind, params)
            ts = [kept_scores(y, p, t) for t in np.arange(0.05, 0.80, 0.025)]
            best = max(ts, key=lambda s: s["F1"])
            res = {"kind": kind, "params": params, "auc": round(auc(y, p), 4),
                   "auc_judged": round(auc(y[judged], p[judged]), 4), "best": best,
                   "best_judged": kept_scores(y[judged], p[judged], best["t"]),
                   "dev_at_best": kept_scores(y[~judged], p[~judged], best["t"]) if (~judged).any() else None,
                   "curve": ts, "p": p.tolist()}
            results.append(res)
            print(json.dumps({k: v for k, v in res.items() if k not in ("curve", "p")}), flush=True)
    win = max(results, key=lambda r: (r["best"]["F1"], r["auc"]))
    print("chosen:", win["kind"], win["params"], "F1", win["best"]["F1"], "AUC", win["auc"])
    if args.curve:
        for s in win["curve"]:
            print("  ", s)
    Path(args.results).write_text(json.dumps({"results": results, "keep_all": base}, ensure_ascii=False))
    if args.write:
        write_model(rows, win, data["stats"], base, args)


def write_model(rows, win, stats, base, args) -> None:
    from marsad.extract.events_verifier import MODEL_FILE, model_sha

    from bench.ask_bench import _named

    pri = priors(rows)
    X, names = matrix(rows, pri)
    y = np.array([r["label"] for r in rows], dtype=float)
    m = _fit(win["kind"], X, y, win["params"], _weights(rows))
    t = args.threshold if args.threshold is not None else win["best"]["t"]
    body = {"model": win["kind"], "mode": args.mode, "threshold": round(float(t), 3), "features": names, "priors": pri}
    if win["kind"] == "gbt":
        body.update(base=round(m["base"], 6), trees=[_named(tr, names) for tr in m["trees"]])
    else:
        body.update(coef=[round(float(c), 6) for c in m["coef"]], mean=[round(float(c), 6) for c in m["mean"]],
                    scale=[round(float(c), 6) for c in m["scale"]], bias=round(float(m["bias"]), 6))
    p = np.array(win["p"])
    judged = np.array([r["group"] != "kb_dev" for r in rows])
    meta = {"version": 1, "trained_by": "python train/kb_gold/train_event_verifier.py cv --write (engineer E11)",
            "source": "trained by us on our hand judgments of system events on unseen news and on the KB gold dev split",
            "training_files": [p_.name for p_ in JUDGED] + ["tests/fixtures/kb_gold/*.json (split dev)"],
            "data_licences": "ANT v2.1 and MArSum articles are read from ../shared at training time; the judgment "
                             "files hold ids, offsets and verdicts only; no article text is in the model",
            "examples": len(rows), "positives": int(y.sum()), "params": win["params"], "dev_weight": DEV_WEIGHT, "match_stats": stats,
            "cv": {"scheme": "leave one judgment file out (the dev articles one group)",
                   "auc": win["auc"], "auc_judged": win["auc_judged"],
                   "at_threshold": kept_scores(y, p, t), "judged_at_threshold": kept_scores(y[judged], p[judged], t),
                   "dev_at_threshold": kept_scores(y[~judged], p[~judged], t) if (~judged).any() else None,
                   "keep_all": base}}
    if args.held_out:
        meta["held_out"] = args.held_out
    meta["sha256"] = model_sha(body)
    MODEL_FILE.write_text(json.dumps({"meta": meta, **body}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("wrote", MODEL_FILE, "threshold", t, "mode", args.mode)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("examples", help="run the pipeline on the judged and dev articles, write the examples")
    e.add_argument("--out", default=DEFAULT_CACHE)
    c = sub.add_parser("cv", help="leave-one-file-out cross-validation; --write the chosen model")
    c.add_argument("--examples", default=DEFAULT_CACHE)
    c.add_argument("--results", default="/tmp/ev_cv.json")
    c.add_argument("--judged-only", action="store_true", help="leave the dev examples out")
    c.add_argument("--curve", action="store_true")
    c.add_argument("--dev-weight", type=float, default=DEV_WEIGHT, help="weight of a dev example (judged: 1)")
    c.add_argument("--held-out", help="a note on the held-out read of this recipe, kept in the meta")
    c.add_argument("--lr-l2", type=float, nargs="*", help="only these L2 strengths of the logistic regression grid")
    c.add_argument("--kinds", help="comma-separated model kinds to try (gbt,lr; default both)")
    c.add_argument("--write", action="store_true")
    c.add_argument("--threshold", type=float)
    c.add_argument("--mode", choices=("drop", "score", "off"), default="drop")
    args = ap.parse_args()
    examples_cmd(args) if args.cmd == "examples" else cv_cmd(args)


if __name__ == "__main__":
    main()
