"""Pseudo-labelled news sentences for self-training the neural entity tagger (``train_neural.py
--extra pseudo:PATH``).

    python train/ner/pseudo_label.py [--docs 6000] [--min-prob 0.9] [--crf train/ner/work/crf_dev/crf.crfsuite]

Reads ``--docs`` articles spread evenly over ANT v2.1 followed by ANT v1.1 Jawhara FM
(``../shared/data/news``; MARSUM's Darija left out), cleans and segments them as the pipeline does
(sentences, whitespace tokens with their clitics attached, punctuation apart: ANERcorp's
tokenisation), drops sentences sharing a 30-letter run with ANERcorp test or dev
(``train_data.drop_overlapping``), and tags them with the teacher: the shipped configuration (the
neural tagger ``--neural``, or the ensemble of several; label consistency over the article's
sentences; the CRF ``--crf``'s gap fillers accepted by ``entities._gap_span_kept``;
``split_joined_names``). The CRF defaults to one trained without ANERcorp dev (``train_crf.py
--holdout-dev``) so that dev stays unseen by the student. A sentence is kept when the neural
tagger's own best path has probability >= ``--min-prob`` under its CRF (forward algorithm), it has
``--min-len``..``--max-len`` tokens and at least one entity (``--agree``: and the CRF's spans are
the neural tagger's). With ``--min-token-prob`` a token whose label is the neural tagger's own and
has a marginal below it is written ``?`` (any label: the student sums over those paths), and
sentences with more than ``--max-unknown`` of them are dropped. ``--soft`` also writes the
teacher's marginals (distillation: ``--extra soft:PATH``). Output: ``token TAG`` lines, blank line
between sentences (as ANERcorp); article text stays under train/ner/work (not committed).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from marsad.config import shared_dir  # noqa: E402
from marsad.extract import ner_neural  # noqa: E402
from marsad.extract.entities import _CRF, _Union, split_joined_names  # noqa: E402
from marsad.extract.ner_consistency import propagate  # noqa: E402
from marsad.extract.ner_eval import spans  # noqa: E402
from marsad.text.clean import clean  # noqa: E402
from marsad.text.normalise import normalise  # noqa: E402
from marsad.text.segment import split_sentences, tokenize  # noqa: E402
from marsad.train_data import anercorp, drop_overlapping  # noqa: E402

WORK = Path(__file__).resolve().parent / "work"
MODEL = ROOT / "marsad" / "models" / "ner"
CORPORA = ("ant-v2.1-multisource.jsonl.gz", "ant-v1.1-jawharafm.jsonl.gz")
_ARABIC = re.compile(r"[\u0621-\u064a]")


def articles(shared: Path, stride: int, offset: int, limit: int) -> list[str]:
    """Every ``stride``-th article (title and text) of the news corpora, at most ``limit``."""
    out: list[str] = []
    for name in CORPORA:
        with gzip.open(shared / "data" / "news" / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % stride != offset:
                    continue
                rec = json.loads(line)
                out.append((rec.get("title") or "") + "\n" + (rec.get("text") or ""))
    step = max(1, len(out) // limit) if limit else 1
    return out[::step][:limit] if limit else out


def sentences(raw: str, min_len: int, max_len: int) -> list[list[str]]:
    """Token lists of an article's Arabic sentences, as the pipeline segments them."""
    text, _ = clean(raw)
    text, _ = normalise(text)
    out = []
    for a, b, _kind in split_sentences(text):
        words = [text[s:e] for s, e, _lab, _cuts in tokenize(text, a, b)]
        if min_len <= len(words) <= max_len and sum(bool(_ARABIC.search(w)) for w in words) >= len(words) // 2:
            out.append(words)
    return out


def path_probs(tagger, sents: list[list[str]], batch: int = 64) -> tuple[list[float], list[np.ndarray]]:
    """Probability of each sentence's best label path under the neural tagger's CRF, and each token's
    label marginals [n, labels] (forward-backward)."""
    trans, start, end = tagger.crf()
    probs = [0.0] * len(sents)
    margs: list = [None] * len(sents)
    order = sorted(range(len(sents)), key=lambda i: -len(sents[i]))
    for k in range(0, len(order), batch):
        idx = order[k:k + batch]
        lengths = np.array([len(sents[i]) for i in idx], np.int64)
        em = tagger.scores([w for i in idx for w in sents[i]], lengths)
        paths = ner_neural.viterbi(em, lengths, trans, start, end)
        for r, i in enumerate(idx):
            n = int(lengths[r])
            e, p = em[r, :n], paths[r, :n]
            alpha = np.zeros_like(e)
            beta = np.zeros_like(e)
            alpha[0] = start + e[0]
            for t in range(1, n):
                alpha[t] = np.logaddexp.reduce(alpha[t - 1][:, None] + trans, axis=0) + e[t]
            beta[n - 1] = end
            for t in range(n - 2, -1, -1):
                beta[t] = np.logaddexp.reduce(trans + (e[t + 1] + beta[t + 1])[None, :], axis=1)
            log_z = np.logaddexp.reduce(alpha[n - 1] + end)
            score = start[p[0]] + e[np.arange(n), p].sum() + trans[p[:-1], p[1:]].sum() + end[p[-1]]
            probs[i] = float(np.exp(score - log_z))
            margs[i] = np.exp(alpha + beta - log_z)
    return probs, margs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=6000, help="articles to tag (spread over the corpora)")
    ap.add_argument("--stride", type=int, default=1)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--neural", nargs="+", default=[str(MODEL / "neural.npz")],
                    help="teacher .npz; several: their ensemble (ner_neural.Ensemble, files as load_members reads them)")
    ap.add_argument("--crf", default=str(WORK / "crf_dev" / "crf.crfsuite"))
    ap.add_argument("--min-prob", type=float, default=0.9)
    ap.add_argument("--min-token-prob", type=float, default=0.0, help="a token whose label is the neural "
                    "tagger's and has a marginal below this is written '?' (any label: partial training)")
    ap.add_argument("--max-unknown", type=float, default=0.3, help="drop sentences with more '?' tokens than this share")
    ap.add_argument("--agree", action="store_true", help="keep only sentences whose CRF spans equal the neural ones")
    ap.add_argument("--min-len", type=int, default=6)
    ap.add_argument("--max-len", type=int, default=60)
    ap.add_argument("--out", default=str(WORK / "pseudo.txt"))
    ap.add_argument("--soft", help="also write the kept sentences with soft targets to this .npz (distillation, "
                    "train_neural.py --extra soft:PATH): the neural tagger's marginals, one-hot where the "
                    "teacher's final label differs from the neural tagger's")
    args = ap.parse_args()
    shared = shared_dir()
    t0 = time.time()
    docs = [sentences(a, args.min_len, args.max_len) for a in articles(shared, args.stride, args.offset, args.docs)]
    train = anercorp("train", shared)
    held = anercorp("test", shared) + train[int(len(train) * 0.9):]
    n_all = sum(map(len, docs))
    kept_ids = {id(w) for w, _ in drop_overlapping([(w, []) for d in docs for w in d], held)}
    docs = [d for d in ([w for w in d if id(w) in kept_ids] for d in docs) if d]
    flat = [s for d in docs for s in d]
    print(f"{len(docs)} articles, {n_all} sentences, {len(flat)} without overlap, {time.time() - t0:.0f}s", flush=True)
    neural = ner_neural.load_members(args.neural)
    probs, margs = path_probs(neural, flat)
    labels = neural.labels
    tags = neural.tag(flat)
    pos, cons = 0, []
    for d in docs:
        cons += propagate(d, tags[pos:pos + len(d)], 20, 3, True)
        pos += len(d)
    crf = _CRF(Path(args.crf)).tag(flat)
    final = _Union(_Fixed(cons), _Fixed(crf)).tag(flat)
    final = [split_joined_names(w, t) for w, t in zip(flat, final)]
    kept, n_ent, soft = [], 0, []
    n_unknown = 0
    for w, t, p, a, c, m in zip(flat, final, probs, tags, crf, margs):
        if p < args.min_prob or not spans(t) or (args.agree and set(spans(a)) != set(spans(c))):
            continue
        if args.min_token_prob:  # the teacher's unsure tokens (its own neural labels only) become '?'
            t = ["?" if x == y and m[k, labels.index(x)] < args.min_token_prob else x
                 for k, (x, y) in enumerate(zip(t, a))]
            if t.count("?") > args.max_unknown * len(t):
                continue
            n_unknown += t.count("?")
        if args.soft:
            q = m.copy()
            for k, (x, y) in enumerate(zip(t, a)):
                if x != y and x != "?":
                    q[k] = 0.0
                    q[k, labels.index(x)] = 1.0
            soft.append(q.astype(np.float16))
        kept.append((w, t))
        n_ent += len(spans([x if x != "?" else "O" for x in t]))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for w, t in kept:
            fh.write("".join(f"{x} {y}\n" for x, y in zip(w, t)) + "\n")
    if args.soft:
        np.savez_compressed(args.soft, words=np.array([" ".join(w) for w, _ in kept]),
                            q=np.concatenate(soft), lengths=np.array([len(w) for w, _ in kept]),
                            labels=np.array(labels))
    types = {}
    for _, t in kept:
        for _s, _e, typ in spans([x if x != "?" else "O" for x in t]):
            types[typ] = types.get(typ, 0) + 1
    print(f"kept {len(kept)} of {len(flat)} sentences ({n_ent} entities: {types}; {n_unknown} tokens '?'); "
          f"median path probability {np.median(probs):.3f}; {out}, {time.time() - t0:.0f}s", flush=True)


class _Fixed:
    def __init__(self, tags):
        self.tags = tags

    def tag(self, sents):
        return self.tags


if __name__ == "__main__":
    main()
