"""Word vectors for the neural NER tagger, pretrained on ../shared/data/news (PPMI + truncated SVD).

Corpus: ANT v2.1 (Apache-2.0), ANT v1.1 Jawhara FM (Apache-2.0), MARSUM (CC BY 4.0). Words are
keyed as the NER features key them (``ner_features.token_info``: clitic-stripped, normalised).
Counts co-occurrences of the ``--words`` most frequent keys with the ``--contexts`` most frequent
ones in a ±2 window, takes positive PMI with smoothed context probabilities (α = 0.75), and keeps
``--dims`` dimensions of a randomised truncated SVD (U·√S). Needs torch (the ``train`` extra).

    python train/ner/build_vectors.py [--words 80000] [--contexts 20000] [--dims 100]

Output: train/ner/work/vectors.npz (``words``, ``vectors`` float32) — an intermediate, not shipped;
the tagger ships only the rows it keeps, inside its own weight file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from marsad.config import shared_path  # noqa: E402
from marsad.extract.ner_features import norm, strip_clitics  # noqa: E402

WORK = Path(__file__).resolve().parent / "work"
CORPORA = ("ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz", "marsum-goud-moroccan.jsonl.gz")
WORD = re.compile(r"[\u0621-\u064aA-Za-z]+|\d+")


def read_docs(limit: int | None = None) -> list[list[str]]:
    """Every news article as a list of word keys."""
    cache: dict[str, str] = {}

    def key(w: str) -> str:
        k = cache.get(w)
        if k is None:
            k = cache[w] = norm(strip_clitics(w)[1]) if not w.isdigit() else "0"
        return k

    docs = []
    for name in CORPORA:
        path = shared_path("data", "news", name)
        if path is None:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
                docs.append([key(w) for w in WORD.findall(text)])
                if limit and len(docs) >= limit:
                    return docs
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=80000)
    ap.add_argument("--contexts", type=int, default=20000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--docs", type=int, default=0, help="limit (0 = all)")
    ap.add_argument("--out", default=str(WORK / "vectors.npz"))
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    t0 = time.time()
    docs = read_docs(args.docs or None)
    freq = Counter(w for d in docs for w in d)
    n_tok = sum(freq.values())
    print(f"{len(docs)} docs, {n_tok} tokens, {len(freq)} keys, read in {time.time() - t0:.0f}s", flush=True)
    vocab = [w for w, c in freq.most_common(args.words) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    C = min(args.contexts, len(vocab))
    codes = []
    for d in docs:
        ids = np.fromiter((index.get(w, -1) for w in d), dtype=np.int64, count=len(d))
        for off in range(1, args.window + 1):
            a, b = ids[:-off], ids[off:]
            for x, y in ((a, b), (b, a)):
                ok = (x >= 0) & (y >= 0) & (y < C)
                codes.append(x[ok] * C + y[ok])
    codes = np.concatenate(codes)
    uniq, counts = np.unique(codes, return_counts=True)
    del codes
    rows, cols = uniq // C, uniq % C
    counts = counts.astype(np.float64)
    row_sum = np.bincount(rows, weights=counts, minlength=len(vocab))
    col_sum = np.bincount(cols, weights=counts, minlength=C) ** 0.75
    total = counts.sum()
    pmi = np.log(counts * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    print(f"{len(uniq)} pairs, {keep.sum()} positive PMI, {time.time() - t0:.0f}s; total {total:.0f}", flush=True)
    m = torch.sparse_coo_tensor(np.stack([rows[keep], cols[keep]]), pmi[keep].astype(np.float32),
                                (len(vocab), C)).coalesce()
    torch.manual_seed(0)
    U, S, _ = torch.svd_lowrank(m, q=args.dims, niter=4)
    vec = (U * S.sqrt()).numpy().astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-6
    WORK.mkdir(exist_ok=True)
    np.savez(args.out, words=np.array(vocab), vectors=vec,
             counts=np.array([freq[w] for w in vocab], dtype=np.int64))
    print(f"{len(vocab)} × {args.dims} vectors in {time.time() - t0:.0f}s → {args.out}")
    for probe in ("فرنسا", "بوش", "الامم", "مايكروسوفت"):
        if probe in index:
            sims = vec @ vec[index[probe]]
            print(probe, [vocab[j] for j in np.argsort(-sims)[1:8]])


if __name__ == "__main__":
    main()
