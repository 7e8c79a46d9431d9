"""Word clusters for NER features, pretrained on the ANT news corpora (Apache-2.0).

Each frequent word gets a vector of counts of its left and right neighbours (the 1,000 most
frequent words), log-scaled and reduced to 100 dimensions by SVD; k-means groups the vectors
into clusters at several granularities. Output: marsad/extract/data/clusters.tsv.gz
(word → one cluster id per granularity).

    python train/ner/build_clusters.py [--words 60000] [--clusters 100,300,1000] [--docs 40000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from marsad.config import shared_path  # noqa: E402
from marsad.extract.ner_features import norm, strip_clitics  # noqa: E402

OUT = ROOT / "marsad" / "extract" / "data" / "clusters.tsv.gz"
WORD = re.compile(r"[\u0621-\u064aA-Za-z]+")


def key(w: str) -> str:
    return norm(strip_clitics(w)[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--clusters", default="100,300,1000")
    ap.add_argument("--docs", type=int, default=40000)
    ap.add_argument("--context", type=int, default=1000)
    args = ap.parse_args()
    docs = []
    with gzip.open(shared_path("data", "news", "ant-v2.1-multisource.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= args.docs:
                break
            docs.append([key(w) for w in WORD.findall(json.loads(line).get("text") or "")])
    freq = Counter(w for d in docs for w in d)
    vocab = [w for w, c in freq.most_common(args.words) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:args.context])}
    C = args.context
    M = np.zeros((len(vocab), 2 * C), dtype=np.float32)
    for d in docs:
        ids = [index.get(w, -1) for w in d]
        cids = [ctx.get(w, -1) for w in d]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            if i > 0 and cids[i - 1] >= 0:
                M[wi, cids[i - 1]] += 1
            if i + 1 < len(ids) and cids[i + 1] >= 0:
                M[wi, C + cids[i + 1]] += 1
    M = np.log1p(M)
    M /= np.linalg.norm(M, axis=1, keepdims=True) + 1e-6
    U, S, _ = np.linalg.svd(M - M.mean(0), full_matrices=False)
    X = U[:, :100] * S[:100]
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-6
    sizes = [int(k) for k in args.clusters.split(",")]
    assigns = [kmeans(X, k) for k in sizes]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# word\tcluster ids for {'/'.join(map(str, sizes))} clusters over {len(vocab)} words of "
                  f"{args.docs} ANT v2.1 articles (Apache-2.0); train/ner/build_clusters.py\n")
        for i, w in enumerate(vocab):
            out.write(w + "\t" + "\t".join(str(a[i]) for a in assigns) + "\n")
    print(f"{len(vocab)} words, {sizes} clusters → {OUT} ({OUT.stat().st_size // 1024} KB)")


def kmeans(X: np.ndarray, k: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means; returns each row's cluster."""
    rng = np.random.default_rng(0)
    centres = X[rng.choice(len(X), k, replace=False)].copy()
    for _ in range(iterations):
        assign = np.argmax(X @ centres.T, axis=1)
        for c in range(k):
            members = X[assign == c]
            if len(members):
                m = members.mean(0)
                centres[c] = m / (np.linalg.norm(m) + 1e-6)
    return np.argmax(X @ centres.T, axis=1)


if __name__ == "__main__":
    main()
