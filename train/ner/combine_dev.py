"""Compare ways of combining the neural tagger, the CRF and label consistency on ANERcorp dev.

    python train/ner/train_crf.py --holdout-dev --iterations 250 --out train/ner/work/crf_dev   # CRF without dev
    python train/ner/combine_dev.py --neural marsad/models/ner/neural.npz --crf train/ner/work/crf_dev/crf.crfsuite
    python train/ner/combine_dev.py --neural A.npz B.npz C.npz --crf …   # an ensemble of seeds

Dev is the last 10% of ANERcorp CAMeL train, which neither model may have been trained on (the
neural tagger without ``--full``, the CRF with ``--holdout-dev``); ANERcorp test is not read.
Prints exact-span micro P/R/F1 and per-type F1 of each combination.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.config import shared_dir  # noqa: E402
from marsad.extract import ner_neural  # noqa: E402
from marsad.extract.entities import _CRF, _Union, split_joined_names  # noqa: E402
from marsad.extract.ner_consistency import propagate, surnames  # noqa: E402
from marsad.extract.ner_eval import evaluate_tags  # noqa: E402
from marsad.train_data import anercorp, aqmar  # noqa: E402


class _Fixed:
    def __init__(self, tags):
        self.tags = tags

    def tag(self, sents):
        return self.tags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--neural", required=True, nargs="+", help="neural .npz trained without the dev part; "
                    "several: their ensemble (ner_neural.Ensemble, files read as ner_neural.load_members)")
    ap.add_argument("--crf", help="CRF trained without the dev part (train_crf.py --holdout-dev)")
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--max-len", type=int, default=3)
    ap.add_argument("--no-retype", action="store_true", help="consistency without retyping (as before 0.2.1)")
    ap.add_argument("--aqmar-crf", help="also score AQMAR dev in the shipped configuration with this CRF "
                    "(normally the shipped marsad/models/ner/crf.crfsuite: AQMAR is not in its training data)")
    args = ap.parse_args()
    train = anercorp("train", shared_dir())
    dev = train[int(len(train) * 0.9):]
    words, gold = [w for w, _ in dev], [t for _, t in dev]
    model = ner_neural.load_members(args.neural)
    neural = model.tag(words)
    retype = not args.no_retype
    rows = {"neural": neural, "neural + consistency": propagate(words, neural, args.window, args.max_len, retype)}
    if args.crf:
        crf = _CRF(Path(args.crf)).tag(words)
        every = lambda *a: True  # noqa: E731
        rows["CRF"] = crf
        rows["neural ∪ CRF, every gap filler (0.2.0)"] = _Union(_Fixed(neural), _Fixed(crf), every).tag(words)
        rows["neural ∪ CRF, _gap_span_kept"] = _Union(_Fixed(neural), _Fixed(crf)).tag(words)
        rows["(neural + consistency) ∪ CRF, every gap filler"] = _Union(_Fixed(rows["neural + consistency"]),
                                                                        _Fixed(crf), every).tag(words)
        rows["(neural + consistency) ∪ CRF, _gap_span_kept (0.2.1)"] = _Union(_Fixed(rows["neural + consistency"]),
                                                                              _Fixed(crf)).tag(words)
    for name, pred in rows.items():
        pred = surnames(words, [split_joined_names(w, t) for w, t in zip(words, pred)])  # as entities.tag_sentences
        r = evaluate_tags(gold, pred)
        print(f"{name:<56} {json.dumps(r['micro'])} " + " ".join(f"{t} {v['f1']:.3f}" for t, v in r["per_type"].items()))
    if args.aqmar_crf:
        aq = aqmar("dev", shared_dir())
        words, gold = [w for w, _ in aq], [t for _, t in aq]
        neural = propagate(words, model.tag(words), args.window, args.max_len, retype)
        pred = _Union(_Fixed(neural), _CRF(Path(args.aqmar_crf))).tag(words)
        r = evaluate_tags(gold, surnames(words, [split_joined_names(w, t) for w, t in zip(words, pred)]))
        print(f"{'AQMAR dev, shipped configuration':<56} {json.dumps(r['micro'])} "
              + " ".join(f"{t} {v['f1']:.3f}" for t, v in r["per_type"].items()))


if __name__ == "__main__":
    main()
