"""Ship an ensemble of neural taggers (seeds of one configuration) as ``marsad/models/ner``.

    python train/ner/combine_dev.py --neural A.npz B.npz C.npz --crf train/ner/work/crf_dev/crf.crfsuite \\
        --aqmar-crf marsad/models/ner/crf.crfsuite          # choose the members on ANERcorp dev first
    python train/ner/ensemble.py A.npz B.npz C.npz        # → neural.npz, neural_2.npz, … + meta.json
    marsad eval ner --json > test.json                    # ANERcorp test, once
    python train/ner/ensemble.py --test-metrics test.json # record it in meta.json

The first member is copied as ``neural.npz``; each later one as ``neural_K.npz`` without the arrays
equal to the member before it (the shared word table, vocabularies and label memory), which
``ner_neural.load`` takes from that member. meta.json gets ``neural_members`` (the files in order),
``members`` (each one's training record and sha256), the sha256 of every file, and AQMAR dev metrics
of the shipped configuration; the previous version's record is kept under ``previous``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.config import shared_dir  # noqa: E402
from marsad.extract import entities  # noqa: E402
from marsad.extract.ner_eval import evaluate_tags  # noqa: E402
from marsad.train_data import aqmar  # noqa: E402

OUT = ROOT / "marsad" / "models" / "ner"


def slim(path: Path, previous: Path, out: Path) -> list[str]:
    """Write ``path`` to ``out`` without the arrays equal to ``previous``'s (all ``v:`` arrays or none);
    the names left out."""
    z, p = np.load(path, allow_pickle=False), np.load(previous, allow_pickle=False)
    same = {k for k in z.files if k in p.files and z[k].shape == p[k].shape and np.array_equal(z[k], p[k])}
    vocab = {k for k in z.files if k.startswith("v:")}
    if not vocab <= same:
        same -= vocab  # a different vocabulary: the member keeps all of its own
    np.savez_compressed(out, **{k: z[k] for k in z.files if k not in same})
    return sorted(same)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ship(members: list[Path]) -> None:
    old = json.loads((OUT / "meta.json").read_text(encoding="utf-8"))
    for f in old.get("neural_members", [])[1:]:
        (OUT / f).unlink(missing_ok=True)
    names, records = [], []
    tmp = OUT / "neural.npz.new"
    shutil.copyfile(members[0], tmp)
    for k, path in enumerate(members[1:], 2):
        name = f"neural_{k}.npz"
        dropped = slim(path, members[k - 2], OUT / name)
        print(f"{name}: {path} without {len(dropped)} arrays equal to member {k - 1}'s", flush=True)
        names.append(name)
    tmp.replace(OUT / "neural.npz")
    names.insert(0, "neural.npz")
    for name, path in zip(names, members):
        info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8")) if path.with_suffix(".json").exists() else {}
        records.append({"file": name, "sha256": sha256(OUT / name), "trained_as": str(path),
                        **{k: info[k] for k in ("dev_f1", "best_epoch", "train_seconds", "command") if k in info},
                        "seed": info.get("params", {}).get("seed"), "full": info.get("params", {}).get("full")})
    major, minor = (int(x) for x in old["version"].split(".")[:2])
    meta = {k: v for k, v in old.items() if k not in ("previous", "members", "neural_members")}
    meta["previous"] = {k: old[k] for k in ("version", "params", "dev_f1", "best_epoch", "metrics", "files") if k in old}
    meta.update({
        "version": f"{major}.{minor + 1}.0",
        "kind": old["kind"].replace("spans of the neural tagger (", f"spans of an ensemble of {len(members)} neural "
                                    "taggers (seeds; emission and CRF scores averaged before one Viterbi, "
                                    "ner_neural.Ensemble; each ", 1) if len(members) > 1 else old["kind"],
        "neural_members": names, "members": records,
        "files": {**{n: r["sha256"] for n, r in zip(names, records)}, "crf.crfsuite": sha256(OUT / "crf.crfsuite")},
        "command": "python train/ner/build_vectors.py && "
                   + " && ".join(r.get("command", "?") for r in records)
                   + " && python train/ner/ensemble.py " + " ".join(str(m) for m in members),
    })
    meta["metrics"] = {}
    for key in ("params", "dev_f1", "best_epoch", "train_seconds", "numpy_matches_torch", "metrics_neural_only",
                "metrics_0.2.0"):
        meta.pop(key, None)
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    entities.tagger.cache_clear()
    aq = aqmar("dev", shared_dir())
    meta["metrics"]["aqmar_dev"] = evaluate_tags([t for _, t in aq], entities.tag_sentences([w for w, _ in aq]))
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    size = sum((OUT / f).stat().st_size for f in meta["files"])
    print("shipped", meta["version"], names, f"{size / 1e6:.1f} MB", json.dumps(meta["metrics"]["aqmar_dev"]["micro"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("members", nargs="*", type=Path, help="trained .npz files (train_neural.py --out), in order")
    ap.add_argument("--test-metrics", type=Path, help="record this `marsad eval ner --json` output as anercorp_test")
    ap.add_argument("--note", default="", help="with --test-metrics: a note on the ANERcorp dev figures")
    args = ap.parse_args()
    if args.members:
        ship(args.members)
    if args.test_metrics:
        meta = json.loads((OUT / "meta.json").read_text(encoding="utf-8"))
        meta["metrics"] = {"anercorp_test": json.loads(args.test_metrics.read_text(encoding="utf-8")),
                           **{k: v for k, v in meta["metrics"].items() if k != "anercorp_test"}}
        (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
