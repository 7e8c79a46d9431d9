"""Train the CRF entity recogniser and write marsad/models/ner/{crf.crfsuite,meta.json}.

    python train/ner/train_crf.py [--extra aqmar] [--c1 0.05] [--c2 0.01] [--iterations 150]

Trains on ANERcorp (CAMeL split) train (+ AQMAR train with --extra aqmar), evaluates exact-span
micro F1 on ANERcorp test and AQMAR dev, and records data, licences, metrics and sha256 in
meta.json. Takes a few minutes on one core.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pycrfsuite  # noqa: E402

from marsad.train_data import anercorp, aqmar, newsfane  # noqa: E402
from marsad import __version__  # noqa: E402
from marsad.config import shared_dir  # noqa: E402
from marsad.extract.ner_eval import evaluate_tags  # noqa: E402
from marsad.extract.ner_features import sentence_features  # noqa: E402

OUT = ROOT / "marsad" / "models" / "ner"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", action="append", default=[], choices=["aqmar", "newsfane"])
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--holdout-dev", action="store_true", help="train without the last 10%% of ANERcorp train "
                    "(the neural tagger's dev part), for combination experiments (train/ner/combine_dev.py)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("../shared not found (set MARSAD_SHARED)")
    train = anercorp("train", shared)
    if args.holdout_dev:
        train = train[:int(len(train) * 0.9)]
    if "aqmar" in args.extra:
        train += aqmar("train", shared)
    if "newsfane" in args.extra:
        fane = newsfane(shared, exclude=anercorp("test", shared))
        print(f"NewsFANE: {len(fane)} sentences after dropping those overlapping ANERcorp test")
        train += fane
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train:
        trainer.append(sentence_features(words), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model = out / "crf.crfsuite"
    trainer.train(str(model))
    train_seconds = time.time() - t0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    metrics = {}
    held = (("anercorp_dev", anercorp("train", shared)[int(len(anercorp("train", shared)) * 0.9):]),) if args.holdout_dev \
        else (("anercorp_test", anercorp("test", shared)),)
    for name, sents in held + (("aqmar_dev", aqmar("dev", shared)),):
        gold = [t for _, t in sents]
        pred = [tagger.tag(sentence_features(w)) for w, _ in sents]
        metrics[name] = evaluate_tags(gold, pred)
        print(name, json.dumps(metrics[name]["micro"]))
    meta = {
        "name": "marsad-ner-crf", "version": "0.1.0", "marsad_version": __version__,
        "kind": "CRF (python-crfsuite), features in marsad/extract/ner_features.py",
        "labels": "BIO over PERS, LOC, ORG, MISC (ANERcorp benchmark types); GPE/LOC/EVENT split at inference",
        "training_data": [{"corpus": "ANERcorp CAMeL Lab split, train", "licence": "free for research (Benajiba & Rosso)"}]
        + ([{"corpus": "AQMAR train", "licence": "CC BY-SA 3.0"}] if "aqmar" in args.extra else [])
        + ([{"corpus": "NewsFANE gold (sentences sharing an 8-gram with ANERcorp test dropped)",
             "licence": "CC BY-SA 3.0"}] if "newsfane" in args.extra else []),
        "gazetteers": "marsad/extract/data/gazetteers (see SOURCES.md)",
        "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations},
        "train_seconds": round(train_seconds, 1),
        "metrics": metrics,
        "files": {"crf.crfsuite": hashlib.sha256(model.read_bytes()).hexdigest()},
        "command": "python train/ner/train_crf.py " + " ".join(sys.argv[1:]),
    }
    meta_path = out / "meta.json"
    old = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    if old.get("tagger", "crf") != "crf":  # a neural tagger is shipped: keep its record, update the CRF's
        old["crf"] = {k: meta[k] for k in ("kind", "params", "train_seconds", "metrics", "command")}
        old["files"]["crf.crfsuite"] = meta["files"]["crf.crfsuite"]
        old["note"] = "metrics of the shipped tagger are now stale: re-run train/ner/train_neural.py --ship"
        meta = old
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"model {model.stat().st_size // 1024} KB, trained in {train_seconds:.0f}s")


if __name__ == "__main__":
    main()
