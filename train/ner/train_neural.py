"""Train the neural entity tagger (char-CNN + word vectors + features → BiLSTM → CRF) in PyTorch.

    python train/ner/build_vectors.py          # once: PPMI+SVD vectors from ../shared/data/news
    python train/ner/train_neural.py [--epochs 40] [--hidden 100] [--seed 1] [--threads 1]

Trains on ANERcorp (CAMeL split) train minus its last 10% of sentences, which serve as the dev
set for early stopping (the CAMeL split has no dev part); ``--full`` then also trains on the dev
part for the best epoch count. Exports the weights and vocabularies to
``train/ner/work/neural.npz`` (``--ship``: to ``marsad/models/ner/`` with a new
``meta.json``), checks that the NumPy inference (``marsad.extract.ner_neural``)
gives the same labels as torch on ANERcorp test, and writes ``neural.json`` (metrics, timing,
command) beside the weights. Inputs are encoded by ``ner_neural.Vocab`` so that training and inference
see the same features. ``--lm PATH`` (a news language model of ``train_lm.py``): its frozen forward
and backward states at each token, projected to ``--lm-dim``, are an extra input of the BiLSTM;
the LM's weights are stored in the tagger's file. Needs the ``train`` extra (torch).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import torch  # noqa: E402
from torch import nn  # noqa: E402

from marsad.config import shared_dir  # noqa: E402
from marsad.extract.ner_eval import evaluate_tags  # noqa: E402
from marsad.extract.ner_features import _EDGE_PUNCT, norm, token_info  # noqa: E402
from marsad.extract.ner_neural import NumpyTagger, Vocab, load, memory_vector  # noqa: E402
from marsad.train_data import anercorp, aqmar  # noqa: E402

OUT = ROOT / "marsad" / "models" / "ner"
WORK = Path(__file__).resolve().parent / "work"
LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
N_CLUSTERS = (100, 300, 1000)
O_MISC = torch.tensor([lab in ("O", "B-MISC", "I-MISC") for lab in LABELS])
PARTIAL_O = "O?"  # --extra-o-misc: an extra corpus's O, which may be a MISC of ANERcorp's wider MISC
PARTIAL_ANY = "?"  # a pseudo-labelled token the teacher was unsure of (pseudo_label.py): any label


class Tagger(nn.Module):
    def __init__(self, vectors, n_chars, n_pres, n_shapes, hidden, char_dim=25, filters=50, width=3, tune=False,
                 memory_dim=0, dropout=0.5, lm=None, lm_dim=64):
        super().__init__()
        self.lm = lm  # a frozen train_lm.BiLM, or None
        if lm is not None:
            self.lm_proj = nn.Linear(2 * lm.hidden, lm_dim)
        # our own word vectors (train/ner/build_vectors.py, a local file), used as the initial
        # weights without a random init (same as Embedding.from_pretrained), frozen unless tune
        self.word_emb = nn.Embedding(len(vectors), vectors.shape[1], padding_idx=0,
                                     _weight=torch.tensor(vectors), _freeze=not tune)
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dim, filters, width, padding=width // 2)
        self.pre_emb = nn.Embedding(n_pres, 8)
        self.shape_emb = nn.Embedding(n_shapes, 4)
        self.cl_emb = nn.ModuleList(nn.Embedding(n + 2, 16) for n in N_CLUSTERS)
        d_in = vectors.shape[1] + filters + 8 + 4 + 8 + 16 * len(N_CLUSTERS) + memory_dim + (lm_dim if lm else 0)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(d_in, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(LABELS))
        n = len(LABELS)
        self.trans = nn.Parameter(torch.zeros(n, n))
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        with torch.no_grad():  # forbid I-X after anything but B-X / I-X
            for j, lab in enumerate(LABELS):
                if lab.startswith("I-"):
                    self.start[j] = -1e4
                    for i, prev in enumerate(LABELS):
                        if prev[2:] != lab[2:]:
                            self.trans[i, j] = -1e4

    def chars(self, chars):
        x = self.char_conv(self.char_emb(chars).transpose(1, 2)).transpose(1, 2)  # U, L, F
        mask = chars > 0
        mask[:, 0] = True
        return x.masked_fill(~mask[:, :, None], float("-inf")).max(1).values

    def emissions(self, b, word_drop=0.0):
        words = b["words"]
        if self.training and word_drop:
            words = words.masked_fill((torch.rand(words.shape, device=words.device) < word_drop) & (words > 0), 1)
        parts = [self.word_emb(words), self.chars(b["chars"])[b["char_rows"]], self.pre_emb(b["pres"]),
                 self.shape_emb(b["shapes"]), b["flags"]]
        if "memory" in b:
            parts.append(b["memory"])
        parts += [e(b["clusters"][:, :, k]) for k, e in enumerate(self.cl_emb)]
        if self.lm is not None:  # last, as ner_neural.NumpyTagger._inputs
            with torch.no_grad():
                states = self.lm.states(b["lm_ids"], b["lengths"])
            parts.append(self.lm_proj(states))
        x = self.drop(torch.cat(parts, 2))
        packed = nn.utils.rnn.pack_padded_sequence(x, b["lengths"], batch_first=True, enforce_sorted=True)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))

    def nll(self, em, y, lengths, partial=None, unknown=None, soft=None):
        """Negative log-likelihood of the gold labels ``y``; where ``partial`` is set, a token's O may
        also be B-MISC/I-MISC, where ``unknown`` is set, any label (the gold score is then summed over
        those paths); with ``soft`` [B, T, labels], the teacher's label marginals replace ``y`` (cross-entropy
        of the CRF with the teacher's distribution, transitions under independent marginals)."""
        B, T, N = em.shape
        lengths = lengths.to(em.device)
        mask = torch.arange(T, device=em.device)[None, :] < lengths[:, None]
        some = (partial is not None and bool(partial.any())) or (unknown is not None and bool(unknown.any()))
        if some:
            allowed = nn.functional.one_hot(y, N).bool()
            if partial is not None:
                allowed = allowed | (partial[:, :, None] & O_MISC[None, None, :].to(em.device))
            if unknown is not None:
                allowed = allowed | unknown[:, :, None]
            em2 = torch.cat([em, em.masked_fill(~allowed, -1e4)])  # free paths, then allowed paths only
            mask2 = torch.cat([mask, mask])
            alpha = self.start[None] + em2[:, 0]
            for t in range(1, T):
                nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], 1) + em2[:, t]
                alpha = torch.where(mask2[:, t, None], nxt, alpha)
            z = torch.logsumexp(alpha + self.end[None], 1)
            return (z[:B] - z[B:]).sum()
        bi = torch.arange(B, device=em.device)
        if soft is not None:  # distillation: the expected score under the teacher's marginals
            m = mask[:, :, None].float()
            q = soft * m
            gold = (q * em).sum((1, 2)) + (q[:, 0] * self.start).sum(1)
            trans = self.trans.masked_fill(self.trans < -1e3, 0.0)  # forbidden pairs: no expectation
            gold = gold + (torch.einsum("bti,ij,btj->bt", q[:, :-1], trans, q[:, 1:]) * mask[:, 1:]).sum(1)
            gold = gold + (q[bi, lengths - 1] * self.end).sum(1)
        else:
            gold = self.start[y[:, 0]] + em[bi, 0, y[:, 0]]
        alpha = self.start[None] + em[:, 0]
        for t in range(1, T):
            m = mask[:, t]
            if soft is None:
                gold = gold + torch.where(m, self.trans[y[:, t - 1], y[:, t]] + em[bi, t, y[:, t]],
                                          torch.zeros((), device=em.device))
            nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], 1) + em[:, t]
            alpha = torch.where(m[:, None], nxt, alpha)
        if soft is None:
            gold = gold + self.end[y[bi, lengths - 1]]
        return (torch.logsumexp(alpha + self.end[None], 1) - gold).sum()


DEVICE = torch.device("cpu")


def to_torch(batch):
    """Torch tensors on DEVICE (the packing lengths stay on the CPU, as torch wants them)."""
    out = {k: torch.from_numpy(v).to(DEVICE) for k, v in batch.items()}
    out["lengths"] = torch.from_numpy(batch["lengths"])
    return out


def label_counts(sents) -> dict[str, np.ndarray]:
    """Word key → counts of each label in ``sents``."""
    out: dict[str, np.ndarray] = {}
    for words, tags in sents:
        for w, t in zip(words, tags):
            k = token_info(w)["n"]
            if k not in out:
                out[k] = np.zeros(len(LABELS))
            out[k][LABELS.index(t)] += 1
    return out


def memory_table(sents) -> dict[str, np.ndarray]:
    return {k: memory_vector(c) for k, c in label_counts(sents).items()}


def out_of_fold_memory(sents, folds=10) -> list[np.ndarray]:
    """Each training sentence's label-memory vectors computed from the other folds only, so the
    model learns to use the memory as it will be at test time (unseen words get zeros)."""
    total = label_counts(sents)
    size = -(-len(sents) // folds)
    out = []
    for f in range(folds):
        part = sents[f * size:(f + 1) * size]
        mine = label_counts(part)
        for words, _ in part:
            rows = []
            for w in words:
                k = token_info(w)["n"]
                rows.append(memory_vector(total[k] - mine[k]))
            out.append(np.array(rows, np.float32))
    return out


def batches(sents, vocab, size, shuffle, rng, mems=None, weights=None, soft=None):
    """(torch batch, gold ids, original indices) sorted by decreasing length inside a batch; the
    batch's ``partial`` marks PARTIAL_O tokens (gold id of O). With ``weights`` (one per sentence)
    a batch holds sentences of one weight only, given as the batch's ``weight``; ``soft`` (a teacher's
    marginals [n, labels] or None per sentence; those of one weight all soft or none) gives ``soft``."""
    lens = [-len(w) for w, _ in sents]
    order = np.lexsort((lens, weights)) if weights is not None else np.argsort(lens, kind="stable")
    chunks = []
    for i in range(0, len(order), size):  # a chunk of one weight: cut where the weight changes
        c = order[i:i + size]
        if weights is not None and weights[c[0]] != weights[c[-1]]:
            cut = int(np.argmax(np.asarray(weights)[c] != weights[c[0]]))
            chunks += [c[:cut], c[cut:]]
        else:
            chunks.append(c)
    if shuffle:
        rng.shuffle(chunks)
    for idx in chunks:
        idx = sorted(idx, key=lambda i: -len(sents[i][0]))
        b = vocab.batch([sents[i][0] for i in idx], [mems[i] for i in idx] if mems is not None else None)
        y = np.zeros(b["words"].shape, np.int64)
        partial = np.zeros(b["words"].shape, bool)
        unknown = np.zeros(b["words"].shape, bool)
        for r, i in enumerate(idx):
            y[r, :len(sents[i][1])] = [LABELS.index(t) if t not in (PARTIAL_O, PARTIAL_ANY) else 0 for t in sents[i][1]]
            partial[r, :len(sents[i][1])] = [t == PARTIAL_O for t in sents[i][1]]
            unknown[r, :len(sents[i][1])] = [t == PARTIAL_ANY for t in sents[i][1]]
        tb = to_torch(b)
        tb["partial"] = torch.from_numpy(partial).to(DEVICE)
        tb["unknown"] = torch.from_numpy(unknown).to(DEVICE)
        tb["weight"] = float(weights[idx[0]]) if weights is not None else 1.0
        if soft is not None and soft[idx[0]] is not None:
            q = np.zeros(b["words"].shape + (len(LABELS),), np.float32)
            for r, i in enumerate(idx):
                q[r, :len(soft[i])] = soft[i]
            tb["soft"] = torch.from_numpy(q).to(DEVICE)
        yield tb, torch.from_numpy(y).to(DEVICE), idx


def export(model: Tagger, vocab_lists: dict, path: Path, lm_arrays: dict | None = None) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    W = {"word_emb": sd["word_emb.weight"].astype(np.float16), "char_emb": sd["char_emb.weight"],
         "char_conv.w": sd["char_conv.weight"], "char_conv.b": sd["char_conv.bias"],
         "pre_emb": sd["pre_emb.weight"], "shape_emb": sd["shape_emb.weight"],
         "out.w": sd["out.weight"], "out.b": sd["out.bias"],
         "crf.trans": sd["trans"], "crf.start": sd["start"], "crf.end": sd["end"]}
    for k in range(len(N_CLUSTERS)):
        W[f"cl_emb{k}"] = sd[f"cl_emb.{k}.weight"]
    if lm_arrays:  # the frozen LM (its input table is word_emb) and the trained projection of its states
        W.update(lm_arrays)
        W["lm_proj.w"], W["lm_proj.b"] = sd["lm_proj.weight"], sd["lm_proj.bias"]
    for d in ("", "_reverse"):
        for a, b in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"), ("b_hh", "bias_hh_l0")):
            W[f"lstm.{a}{d}"] = sd[f"lstm.{b}{d}"]
    arrays = {"w:" + k: v for k, v in W.items()}
    arrays.update({"v:" + k: np.array(v) for k, v in vocab_lists.items()})
    np.savez_compressed(path, **arrays)


def predict_torch(model, sents, vocab, np_tagger):
    model.eval()
    pred: list = [None] * len(sents)
    with torch.no_grad():
        for b, _, idx in batches([(w, ["O"] * len(w)) for w in sents], vocab, 64, False, None):
            em = model.emissions(b).cpu().numpy()
            for i, p in zip(idx, np_tagger.viterbi(em, b["lengths"].numpy())):
                pred[i] = [LABELS[j] for j in p]
    return pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--word-drop", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--vectors", default=str(WORK / "vectors.npz"))
    ap.add_argument("--memory", action="store_true", help="label memory of training words as an input")
    ap.add_argument("--tune-words", action="store_true", help="fine-tune the word vectors too")
    ap.add_argument("--word-lr", type=float, default=0.0, help="with --tune-words: learning rate of the word "
                    "table (0: --lr; at --lr the table overfits by epoch 5)")
    ap.add_argument("--full", action="store_true", help="retrain on train+dev for the best epoch count")
    ap.add_argument("--full-epochs", type=int, default=0, help="with --full: train on train+dev for this many "
                    "epochs at once (the best epoch of a run with the same settings), skipping the run on train")
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--filters", type=int, default=50, help="character CNN filters")
    ap.add_argument("--extra", default="", help="extra training corpora, comma-separated: newsfane, wikifane, "
                    "aqmar, wojood (sentences sharing a 30-letter run with ANERcorp test or dev dropped); pseudo:PATH, "
                    "soft:PATH: news tagged by train/ner/pseudo_label.py (--pseudo-weight, --pseudo-per-epoch)")
    ap.add_argument("--pseudo-weight", type=float, default=0.5, help="loss weight of pseudo-labelled "
                    "sentences (--extra pseudo:PATH, written by train/ner/pseudo_label.py)")
    ap.add_argument("--pseudo-per-epoch", type=int, default=2000, help="pseudo-labelled sentences drawn "
                    "afresh each epoch (0: all)")
    ap.add_argument("--extra-o-misc", action="store_true", help="an O of the extra corpora may be MISC (their "
                    "MISC classes are narrower than ANERcorp's: currencies, religions, events are O there)")
    ap.add_argument("--device", default="cpu", help="torch device (cpu, cuda)")
    ap.add_argument("--lm", default="", help="a news language model (train/ner/train_lm.py): its states are "
                    "an extra input of the BiLSTM")
    ap.add_argument("--lm-dim", type=int, default=16, help="with --lm: the projection of its states (16 beat 64 on dev)")
    ap.add_argument("--max-minutes", type=float, default=0.0, help="stop training after this long (0: no limit)")
    ap.add_argument("--no-test", action="store_true", help="tuning runs: dev and AQMAR dev only, ANERcorp test not tagged")
    ap.add_argument("--limit", type=int, default=0, help="smoke tests: train on this many sentences only")
    ap.add_argument("--out", default=str(WORK / "neural.npz"))
    ap.add_argument("--ship", action="store_true", help="copy the result to marsad/models/ner and rewrite meta.json")
    ap.add_argument("--ship-only", metavar="NPZ", help="ship an already trained NPZ (with its .json beside it): "
                    "tags ANERcorp test with NumPy once for the neural-only metrics, then as --ship")
    args = ap.parse_args()
    if args.ship_only:
        ship_trained(Path(args.ship_only))
        return
    torch.set_num_threads(args.threads)
    global DEVICE
    DEVICE = torch.device(args.device)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    shared = shared_dir()
    if shared is None:
        raise SystemExit("../shared not found (set MARSAD_SHARED)")
    t_start = time.time()
    allsents = anercorp("train", shared)
    cut = int(len(allsents) * 0.9)
    train, dev = allsents[:cut], allsents[cut:]
    if args.limit:
        train, dev = train[:args.limit], dev[:args.limit // 4]
    test, aq = anercorp("test", shared), aqmar("dev", shared)
    gold_extra = ",".join(n for n in args.extra.split(",") if n.partition(":")[0] not in ("pseudo", "soft"))
    extra = extra_corpora(gold_extra, shared, test + dev)
    pseudo, pseudo_soft = pseudo_corpora(args.extra, test + dev)
    if args.extra_o_misc:
        extra = [(w, [PARTIAL_O if t == "O" else t for t in tags]) for w, tags in extra]
    z = np.load(args.vectors)
    vwords = ["<pad>", "<unk>"] + [str(w) for w in z["words"]]
    vectors = np.concatenate([np.zeros((2, z["vectors"].shape[1]), np.float32), z["vectors"]]).astype(np.float16)
    vectors = vectors.astype(np.float32)  # the shipped table is float16: train with the same values
    char_count = Counter(c for w, _ in allsents for tok in w for c in norm(_EDGE_PUNCT.sub("", tok) or tok))
    chars = ["<pad>", "<unk>"] + sorted(c for c, n in char_count.items() if n >= 2)
    pres = ["<pad>", "<unk>"] + sorted({token_info(t)["pre"] for w, _ in allsents for t in w})
    shapes = ["<pad>", "<unk>", "AR", "D", "Xx", "XX", "x", "P", "O"]
    vocab_lists = {"words": vwords, "chars": chars, "pres": pres, "shapes": shapes,
                   "n_clusters": list(N_CLUSTERS), "labels": LABELS}
    vocab = Vocab(vwords, chars, pres, shapes, N_CLUSTERS)
    lm, lm_arrays = None, None
    if args.lm:
        from train_lm import load_frozen

        lm, lm_arrays, lm_extra = load_frozen(args.lm, vwords, vectors)
        lm.to(DEVICE)
        vocab.lm_extra = {w: i for i, w in enumerate(lm_extra)}
        vocab_lists["lm_extra"] = lm_extra
    memory_dim = len(LABELS) + 1 if args.memory else 0
    print(f"vocab {len(vwords)} words, {len(chars)} chars, {len(pres)} proclitic forms; "
          f"train {len(train)} dev {len(dev)} sentences", flush=True)

    def fit(data, epochs, dev_data):
        mems = None
        if args.memory:  # from ANERcorp only: the extra corpora follow other conventions
            vocab.memory, vocab._cache, vocab._mem_cache = memory_table(data), {}, {}
            mems = out_of_fold_memory(data) + [vocab.recall(w) for w, _ in extra]
        data = data + extra
        pseudo_mems = [vocab.recall(w) for w, _ in pseudo] if args.memory else None
        model = Tagger(vectors, len(chars), len(pres), len(shapes), args.hidden, tune=args.tune_words,
                       memory_dim=memory_dim, dropout=args.dropout, filters=args.filters, lm=lm,
                       lm_dim=args.lm_dim).to(DEVICE)
        deadline = time.time() + args.max_minutes * 60 if args.max_minutes else None
        rest = [p for n, p in model.named_parameters() if p.requires_grad and n != "word_emb.weight"]
        groups = [{"params": rest}]
        if args.tune_words:
            groups.append({"params": [model.word_emb.weight], "lr": args.word_lr or args.lr})
        opt = torch.optim.Adam(groups, lr=args.lr)
        best, best_state, best_epoch, bad = -1.0, None, 0, 0
        for epoch in range(1, epochs + 1):
            model.train()
            t0, total = time.time(), 0.0
            epoch_data, epoch_mems, weights, soft = data, mems, None, None
            if pseudo:  # a fresh draw of pseudo-labelled sentences each epoch, at a lower loss weight
                n = args.pseudo_per_epoch or len(pseudo)
                pick = rng.choice(len(pseudo), min(n, len(pseudo)), replace=False)
                epoch_data = data + [pseudo[i] for i in pick]
                epoch_mems = mems + [pseudo_mems[i] for i in pick] if mems is not None else None
                weights = [1.0] * len(data) + [args.pseudo_weight] * len(pick)
                soft = [None] * len(data) + [pseudo_soft[i] for i in pick] if pseudo_soft else None
            for b, y, _ in batches(epoch_data, vocab, args.batch, True, rng, epoch_mems, weights, soft):
                opt.zero_grad()
                loss = model.nll(model.emissions(b, args.word_drop), y, b["lengths"], b["partial"], b["unknown"],
                                 b.get("soft"))
                (loss * b["weight"] / len(y)).backward()
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                opt.step()
                total += loss.item()
            msg = f"epoch {epoch} loss {total / len(epoch_data):.3f} {time.time() - t0:.0f}s"
            if dev_data is not None:
                tmp = NumpyTagger({"crf.trans": model.trans.detach().cpu().numpy(), "crf.start": model.start.detach().cpu().numpy(),
                                   "crf.end": model.end.detach().cpu().numpy()}, vocab, LABELS)
                f1 = evaluate_tags([t for _, t in dev_data],
                                   predict_torch(model, [w for w, _ in dev_data], vocab, tmp))["micro"]["f1"]
                msg += f" dev F1 {f1:.4f}"
                if f1 > best:
                    best, best_epoch, bad = f1, epoch, 0
                    best_state = {k: v.clone() for k, v in model.state_dict().items()}
                else:
                    bad += 1
            print(msg, flush=True)
            if dev_data is not None and bad >= args.patience:
                break
            if deadline and time.time() > deadline:
                print("time limit reached", flush=True)
                break
        if best_state is not None:
            model.load_state_dict(best_state)
        return model, best, best_epoch

    if args.full and args.full_epochs:
        model, dev_f1, best_epoch = None, None, args.full_epochs
    else:
        model, dev_f1, best_epoch = fit(train, args.epochs, dev)
        print(f"best dev F1 {dev_f1:.4f} at epoch {best_epoch}", flush=True)
    if args.full:
        model, _, _ = fit(allsents, best_epoch, None)
    with torch.no_grad():  # the word table ships as float16: evaluate torch with the same values
        model.word_emb.weight.copy_(model.word_emb.weight.half().float())
    train_seconds = time.time() - t_start
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if vocab.memory is not None:
        keys = sorted(vocab.memory)
        vocab_lists["memory_words"] = keys
        vocab_lists["memory"] = np.array([vocab.memory[k] for k in keys], np.float32)
    export(model, vocab_lists, out, lm_arrays)
    np_tagger = load(out)
    metrics, same = {}, {}
    checks = (() if args.no_test else (("anercorp_test", test),)) + (("aqmar_dev", aq),)
    if args.lm:
        checks += (("anercorp_dev", dev),)
    for name, sents in checks:
        words = [w for w, _ in sents]
        t0 = time.time()
        pred = np_tagger.tag(words)
        secs = time.time() - t0
        ref = predict_torch(model, words, vocab, np_tagger)
        same[name] = sum(p == r for p, r in zip(pred, ref)) / len(sents)
        metrics[name] = evaluate_tags([t for _, t in sents], pred)
        print(name, json.dumps(metrics[name]["micro"]), f"numpy==torch on {same[name]:.2%} of sentences,",
              f"{sum(map(len, words)) / secs:,.0f} tokens/s", flush=True)
    info = {"dev_f1": dev_f1, "best_epoch": best_epoch, "train_seconds": round(train_seconds, 1),
            "metrics": metrics, "numpy_matches_torch": same, "params": vars(args),
            "command": "python train/ner/train_neural.py " + " ".join(sys.argv[1:])}
    out.with_suffix(".json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    print(f"{out} {out.stat().st_size / 1e6:.1f} MB, {train_seconds:.0f}s")
    if args.ship:
        ship(out, info)


def extra_corpora(names: str, shared: Path, held_out: list) -> list:
    """The ``--extra`` corpora's sentences, without those overlapping ``held_out`` (ANERcorp test and dev)."""
    from marsad import train_data

    readers = {"newsfane": lambda: train_data.newsfane(shared), "wikifane": lambda: train_data.wikifane(shared),
               "aqmar": lambda: train_data.aqmar("train", shared), "wojood": lambda: train_data.wojood("train", shared)}
    out = []
    for name in filter(None, names.split(",")):
        sents = [(w, t) for w, t in readers[name]() if w]
        kept = train_data.drop_overlapping(sents, held_out)
        print(f"extra {name}: {len(kept)} of {len(sents)} sentences kept (overlap with ANERcorp test/dev dropped)",
              flush=True)
        out += kept
    return out


def pseudo_corpora(names: str, held_out: list) -> tuple[list, list]:
    """Sentences of the ``--extra pseudo:PATH`` (labels) and ``soft:PATH`` (marginals; .npz) files of
    ``train/ner/pseudo_label.py``, without those overlapping ``held_out`` (the writer drops them
    already; checked again), and their soft targets (an empty list without ``soft:`` files)."""
    from marsad import train_data

    out, soft = [], []
    for name in names.split(","):
        kind, _, path = name.partition(":")
        if kind == "pseudo":
            sents = read_pseudo(Path(path))
        elif kind == "soft":
            z = np.load(path)
            cuts = np.cumsum(z["lengths"])[:-1]
            qs = np.split(z["q"].astype(np.float32), cuts)
            sents = [(str(w).split(" "), [LABELS[j] for j in q.argmax(1)]) for w, q in zip(z["words"], qs)]
            marg = {id(s[0]): q for s, q in zip(sents, qs)}
        else:
            continue
        kept = train_data.drop_overlapping(sents, held_out)
        print(f"extra {name}: {len(kept)} of {len(sents)} pseudo-labelled sentences kept", flush=True)
        out += kept
        if kind == "soft":
            soft += [marg[id(w)] for w, _ in kept]
    if soft and len(soft) != len(out):
        raise SystemExit("--extra: pseudo: and soft: files cannot be mixed")
    return out, soft


def read_pseudo(path: Path) -> list:
    """``token TAG`` sentences of pseudo_label.py, TAG a BIO label or PARTIAL_ANY."""
    sents, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        w, t = line.rsplit(" ", 1)
        words.append(w)
        tags.append(t)
    return sents


# licences of the --extra corpora (../shared/README.md), recorded in meta.json when shipped
EXTRA_DATA = {
    "newsfane": ("NewsFANE gold 2014 (news), fine classes mapped by train_data.FANE_MAP", "CC BY-SA 3.0"),
    "wikifane": ("WikiFANE gold 2014 (Wikipedia), fine classes mapped by train_data.FANE_MAP", "CC BY-SA 3.0"),
    "aqmar": ("AQMAR Arabic Wikipedia NER, train", "CC BY-SA 3.0"),
    "wojood": ("Wojood sample, train, outermost tags mapped by train_data.WOJOOD_MAP", "MIT"),
    "soft": ("news sentences of ANT v2.1 and ANT v1.1 Jawhara FM with the shipped tagger's label marginals "
             "(train/ner/pseudo_label.py --soft), at --pseudo-weight", "Apache-2.0"),
    "pseudo": ("news sentences of ANT v2.1 and ANT v1.1 Jawhara FM tagged by the shipped tagger "
               "(train/ner/pseudo_label.py), at --pseudo-weight", "Apache-2.0"),
}


def ship_trained(npz: Path) -> None:
    """``--ship-only``: neural-only ANERcorp test metrics of a trained ``npz`` (NumPy), then :func:`ship`."""
    info = json.loads(npz.with_suffix(".json").read_text(encoding="utf-8"))
    test = anercorp("test", shared_dir())
    pred = load(npz).tag([w for w, _ in test])
    info["metrics"] = {"anercorp_test": evaluate_tags([t for _, t in test], pred), **info["metrics"]}
    ship(npz, info)


def ship(npz: Path, info: dict) -> None:
    """Make ``npz`` the shipped tagger: copy it to marsad/models/ner/neural.npz and rewrite meta.json
    (the CRF's own record is kept under ``crf``, the ``consistency`` settings are kept, the minor
    version is bumped)."""
    import hashlib
    import shutil

    from marsad import __version__

    target = OUT / "neural.npz"
    if npz.resolve() != target.resolve():
        shutil.copyfile(npz, target)
    old = json.loads((OUT / "meta.json").read_text(encoding="utf-8"))
    crf = old.get("crf") or {k: old[k] for k in ("kind", "params", "train_seconds", "metrics", "command") if k in old}
    files = {name: hashlib.sha256((OUT / name).read_bytes()).hexdigest() for name in ("neural.npz", "crf.crfsuite")
             if (OUT / name).exists()}
    major, minor = (int(x) for x in old.get("version", "0.0").split(".")[:2])
    extra = [{"corpus": EXTRA_DATA[n.split(":")[0]][0] + " (sentences sharing a 30-letter run with ANERcorp test or "
              "dev dropped)", "licence": EXTRA_DATA[n.split(":")[0]][1]}
             for n in filter(None, info["params"].get("extra", "").split(","))]
    meta = {
        "name": "marsad-ner", "version": f"{major}.{minor + 1}.0", "marsad_version": __version__, "tagger": "neural",
        "kind": "char-CNN + PPMI-SVD word vectors + gazetteer/title/cluster features + label memory → BiLSTM → CRF; "
                "trained in PyTorch, run with NumPy (marsad/extract/ner_neural.py)",
        "labels": "BIO over PERS, LOC, ORG, MISC (ANERcorp benchmark types); GPE/LOC/EVENT split at inference",
        "training_data": [
            {"corpus": "ANERcorp CAMeL Lab split, train (last 10% of sentences as dev for early stopping)",
             "licence": "free for research (Benajiba & Rosso)"},
            {"corpus": "word vectors: ANT v2.1 + ANT v1.1 Jawhara FM (Apache-2.0), MARSUM (CC BY 4.0), "
                       "train/ner/build_vectors.py", "licence": "Apache-2.0 / CC BY 4.0"}] + extra,
        "gazetteers": "marsad/extract/data/gazetteers (see SOURCES.md)",
        "params": info["params"], "dev_f1": info["dev_f1"], "best_epoch": info["best_epoch"],
        "train_seconds": info["train_seconds"], "metrics": info["metrics"],
        "numpy_matches_torch": info["numpy_matches_torch"],
        "files": files,
        "command": "python train/ner/build_vectors.py && " + info["command"],
        "crf": crf,
    }
    if info["params"].get("lm"):  # the news LM inside neural.npz (train_lm.py): its data and perplexity
        lm_info = json.loads(Path(info["params"]["lm"]).with_suffix(".json").read_text(encoding="utf-8"))
        meta["kind"] = meta["kind"].replace("label memory →", "label memory + projected states of a "
                                            "bidirectional LSTM news LM (marsad/extract/ner_lm.py) →")
        meta["training_data"].append({"corpus": "news LM: " + lm_info["data"] + ", train/ner/train_lm.py",
                                      "licence": "Apache-2.0"})
        meta["lm"] = {k: lm_info[k] for k in ("command", "params", "history", "train_tokens", "articles",
                                               "dropped_overlapping_anercorp_test") if k in lm_info}
    if "consistency" in old:
        meta["consistency"] = old["consistency"]
    if "crf.crfsuite" in files:  # ship the union: neural spans, the CRF's where neural found nothing
        meta["tagger"] = "neural+crf"
        meta["kind"] = ("neural+crf: spans of the neural tagger (" + meta["kind"] + ")"
                        + (", made consistent across neighbouring sentences (marsad/extract/ner_consistency.py)"
                           if "consistency" in meta else "")
                        + ", plus the CRF's spans where the neural tagger found nothing and "
                          "entities._gap_span_kept accepts them (marsad/extract/entities.py _Union)")
        meta["metrics_neural_only"] = meta["metrics"]
        (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        from marsad.extract import entities

        entities.tagger.cache_clear()
        shared = shared_dir()
        meta["metrics"] = {name: evaluate_tags([t for _, t in sents], entities.tag_sentences([w for w, _ in sents]))
                           for name, sents in (("anercorp_test", anercorp("test", shared)),
                                               ("aqmar_dev", aqmar("dev", shared)))}
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    print("shipped", meta["tagger"], target, files, json.dumps(meta["metrics"]["anercorp_test"]["micro"]))


if __name__ == "__main__":
    main()
