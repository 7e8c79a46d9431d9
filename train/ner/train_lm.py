"""Pretrain a small bidirectional LSTM language model on our news, for the neural tagger's contextual
word features (``train_neural.py --lm PATH``; NumPy inference in ``marsad/extract/ner_lm.py``).

    python train/ner/build_vectors.py        # once: the frozen word vectors (the LM's input layer)
    python train/ner/train_lm.py [--docs 8000] [--hidden 128] [--max-minutes 30]

Corpus: ``--docs`` articles spread evenly over ANT v2.1 and ANT v1.1 Jawhara FM (Apache-2.0),
segmented as the pipeline does (``pseudo_label.sentences``: ANERcorp's tokenisation, clitics on
their words, punctuation apart); sentences sharing a 30-letter run with any ANERcorp sentence
(train or test, ``train_data.drop_overlapping``) are dropped; every 50th article is held out for
perplexity. Tokens are keyed as the tagger keys them (``ner_neural.Vocab.lm_ids``: the word-vector
table's row of the clitic-stripped normalised key; unknown words and frequent punctuation get rows
of the LM's own ``extra`` table). One LSTM layer per direction reads the frozen vectors; the forward
states predict the next token, the backward states the previous one (sentence ends: an end class),
over the ``--classes`` most frequent tokens and a "rare" class, with an adaptive softmax
(``--cutoffs``). 1 torch thread. Output: ``train/ner/work/lm/lm.npz`` (weights as NumPy arrays,
the output layer left out: the tagger needs only the states) and ``lm.json`` (perplexity, data).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import torch  # noqa: E402
from torch import nn  # noqa: E402

from marsad.extract.ner_neural import UNK, Vocab  # noqa: E402

WORK = Path(__file__).resolve().parent / "work"


def word_table(vectors: str | Path) -> tuple[list[str], np.ndarray]:
    """The tagger's word list and vector table (``train_neural.py``: padding, unknown, then the
    vectors' keys; float16 values, as shipped)."""
    z = np.load(vectors)
    words = ["<pad>", "<unk>"] + [str(w) for w in z["words"]]
    table = np.concatenate([np.zeros((2, z["vectors"].shape[1]), np.float32), z["vectors"]])
    return words, table.astype(np.float16).astype(np.float32)


def words_sha(words: list[str]) -> str:
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()


class BiLM(nn.Module):
    """Frozen word vectors + trainable extra rows → one LSTM layer per direction (``nn.LSTM``
    bidirectional: the directions never see each other's states) → adaptive softmax heads."""

    def __init__(self, table: np.ndarray, n_extra: int, hidden: int, n_out: int = 0,
                 cutoffs=(2000, 10000), dropout: float = 0.1):
        super().__init__()
        # our own frozen word vectors (build_vectors.py), copied in; nothing is downloaded
        self.words = nn.Embedding(*table.shape)
        with torch.no_grad():
            self.words.weight.copy_(torch.tensor(table))
        self.words.weight.requires_grad_(False)
        self.extra = nn.Embedding(n_extra, table.shape[1])
        nn.init.normal_(self.extra.weight, std=0.1)
        self.lstm = nn.LSTM(table.shape[1], hidden, batch_first=True, bidirectional=True)
        self.hidden = hidden
        self.drop = nn.Dropout(dropout)
        if n_out:
            cuts = [c for c in cutoffs if c < n_out - 1]
            self.heads = nn.ModuleList(nn.AdaptiveLogSoftmaxWithLoss(hidden, n_out, cuts, div_value=4.0)
                                       for _ in range(2))

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        V = self.words.num_embeddings
        return torch.where((ids >= V)[..., None], self.extra((ids - V).clamp(min=0)), self.words(ids.clamp(max=V - 1)))

    def states(self, ids: torch.Tensor, lengths: torch.Tensor, drop: bool = False) -> torch.Tensor:
        """Forward and backward states [B, T, 2H] (batch sorted by decreasing length)."""
        x = self.embed(ids)
        if drop:
            x = self.drop(x)
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=True)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=ids.shape[1])
        return h

    def loss(self, ids, lengths, fwd_t, bwd_t) -> tuple[torch.Tensor, torch.Tensor]:
        """Mean negative log-likelihood of the next (forward) and previous (backward) tokens."""
        h = self.drop(self.states(ids, lengths, drop=True))
        mask = torch.arange(ids.shape[1])[None, :] < lengths[:, None]
        H = self.hidden
        return (self.heads[0](h[..., :H][mask], fwd_t[mask]).loss,
                self.heads[1](h[..., H:][mask], bwd_t[mask]).loss)


def export(model: BiLM, extra: list[str], words: list[str], path: Path) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    arrays = {"lm.extra": sd["extra.weight"], "v:lm_extra": np.array(extra),
              "n_words": np.array(len(words)), "words_sha": np.array(words_sha(words))}
    for d in ("", "_reverse"):
        for a, b in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"), ("b_hh", "bias_hh_l0")):
            arrays[f"lm.{a}{d}"] = sd[f"lstm.{b}{d}"]
    np.savez(path, **arrays)


def load_frozen(path: str | Path, words: list[str], table: np.ndarray) -> tuple[BiLM, dict, list[str]]:
    """The LM of ``path`` over the tagger's word table (frozen, eval mode), its arrays (``lm.*``)
    and its extra tokens."""
    z = np.load(path)
    if int(z["n_words"]) != len(words) or str(z["words_sha"]) != words_sha(words):
        raise SystemExit(f"{path}: trained over another word-vector table (rebuild it or the vectors)")
    arrays = {k: z[k] for k in z.files if k.startswith("lm.")}
    extra = [str(w) for w in z["v:lm_extra"]]
    model = BiLM(table, len(extra), int(arrays["lm.w_hh"].shape[1]))
    sd = {"words.weight": torch.tensor(table), "extra.weight": torch.tensor(arrays["lm.extra"])}
    for d in ("", "_reverse"):
        for a, b in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0"), ("b_ih", "bias_ih_l0"), ("b_hh", "bias_hh_l0")):
            sd[f"lstm.{b}{d}"] = torch.tensor(arrays[f"lm.{a}{d}"])
    model.load_state_dict(sd)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model, arrays, extra


def targets(seqs: list[np.ndarray], out_map: np.ndarray, eos: int) -> tuple:
    """Padded ids, lengths and next/previous-token classes of a batch sorted by decreasing length."""
    B, T = len(seqs), len(seqs[0])
    ids = np.zeros((B, T), np.int64)
    fwd = np.full((B, T), eos, np.int64)
    bwd = np.full((B, T), eos, np.int64)
    for b, s in enumerate(seqs):
        ids[b, :len(s)] = s
        c = out_map[s]
        fwd[b, :len(s) - 1] = c[1:]
        bwd[b, 1:len(s)] = c[:-1]
    lengths = np.array([len(s) for s in seqs], np.int64)
    return tuple(map(torch.from_numpy, (ids, lengths, fwd, bwd)))


def chunks(seqs: list[np.ndarray], size: int, rng) -> list[list[np.ndarray]]:
    order = np.argsort([-len(s) for s in seqs], kind="stable")
    out = [[seqs[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(out)
    return out


def perplexity(model: BiLM, seqs, out_map, eos, size=64) -> tuple[float, float]:
    model.eval()
    tot = np.zeros(2)
    n = 0
    with torch.no_grad():
        for batch in chunks(seqs, size, None):
            ids, lengths, f, b = targets(batch, out_map, eos)
            lf, lb = model.loss(ids, lengths, f, b)
            k = int(lengths.sum())
            tot += [lf.item() * k, lb.item() * k]
            n += k
    model.train()
    return tuple(float(x) for x in np.exp(tot / n))


def corpus(docs: int, vocab: Vocab) -> tuple[list[list[str]], list[list[str]], dict]:
    """Training and held-out token lists of ``docs`` news articles (see the module docstring)."""
    from pseudo_label import articles, sentences

    from marsad.config import shared_dir
    from marsad.train_data import anercorp, drop_overlapping

    shared = shared_dir()
    texts = articles(shared, 1, 0, docs)
    train, held = [], []
    for i, raw in enumerate(texts):
        (held if i % 50 == 49 else train).extend(sentences(raw, 3, 80))
    info = {"articles": len(texts), "sentences": len(train) + len(held)}
    for name in ("test", "train"):  # ANERcorp: test first, to report its overlap on its own
        ref = anercorp(name, shared)
        n0 = len(train) + len(held)
        train = [w for w, _ in drop_overlapping([(w, None) for w in train], ref)]
        held = [w for w, _ in drop_overlapping([(w, None) for w in held], ref)]
        info[f"dropped_overlapping_anercorp_{name}"] = n0 - len(train) - len(held)
    return train, held, info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=8000, help="news articles (spread over ANT v2.1 + Jawhara FM)")
    ap.add_argument("--hidden", type=int, default=128, help="LSTM units per direction")
    ap.add_argument("--classes", type=int, default=30000, help="output classes: the most frequent tokens, "
                    "a rare class and the sentence end")
    ap.add_argument("--cutoffs", default="2000,10000")
    ap.add_argument("--extra", type=int, default=100, help="punctuation tokens given rows of their own")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--max-minutes", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--vectors", default=str(WORK / "vectors.npz"))
    ap.add_argument("--out", default=str(WORK / "lm" / "lm.npz"))
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    t0 = time.time()
    words, table = word_table(args.vectors)
    vocab = Vocab(words, [], [], [], (100, 300, 1000))
    train_s, held_s, info = corpus(args.docs, vocab)
    punct = Counter(w for s in train_s for w in s if not any(c.isalnum() for c in w) and vocab.token(w)[0] == UNK)
    extra = ["<unk>"] + [w for w, c in punct.most_common(args.extra) if c >= 20]
    vocab.lm_extra = {w: i for i, w in enumerate(extra)}
    train = [np.array(vocab.lm_ids(s), np.int64) for s in train_s]
    held = [np.array(vocab.lm_ids(s), np.int64) for s in held_s][:3000]
    n_ids = len(words) + len(extra)
    counts = np.bincount(np.concatenate(train), minlength=n_ids)
    top = np.argsort(-counts, kind="stable")[:args.classes - 2]
    top = top[counts[top] > 0]
    rare, eos = int(counts.sum() - counts[top].sum()), len(train)
    keyed = sorted([(int(counts[i]), int(i)) for i in top] + [(rare, -1), (eos, -2)], reverse=True)
    out_map = np.zeros(n_ids, np.int64)
    for cls, (_, i) in enumerate(keyed):
        if i >= 0:
            out_map[i] = cls
    rare_cls = next(c for c, (_, i) in enumerate(keyed) if i == -1)
    eos_cls = next(c for c, (_, i) in enumerate(keyed) if i == -2)
    in_top = np.zeros(n_ids, bool)
    in_top[top] = True
    out_map[~in_top] = rare_cls
    n_tok = int(sum(map(len, train)))
    info.update(train_sentences=len(train), train_tokens=n_tok, held_sentences=len(held),
                held_tokens=int(sum(map(len, held))), extra=len(extra), classes=len(keyed),
                rare_share=round(rare / n_tok, 4), unk_share=round(float(np.mean(np.concatenate(train) == len(words))), 4))
    print(json.dumps(info), f"prepared in {time.time() - t0:.0f}s", flush=True)
    model = BiLM(table, len(extra), args.hidden, len(keyed), [int(c) for c in args.cutoffs.split(",")], args.dropout)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    print("held-out perplexity before (fwd, bwd)", perplexity(model, held, out_map, eos_cls), flush=True)
    t1 = time.time()
    deadline = t1 + args.max_minutes * 60
    seen, step, log = 0, 0, [0.0, 0.0, 0]
    history = []
    for epoch in range(1, args.epochs + 1):
        for batch in chunks(train, args.batch, rng):
            ids, lengths, f, b = targets(batch, out_map, eos_cls)
            opt.zero_grad()
            lf, lb = model.loss(ids, lengths, f, b)
            (lf + lb).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            k = int(lengths.sum())
            seen += k
            step += 1
            log = [log[0] + lf.item() * k, log[1] + lb.item() * k, log[2] + k]
            if step % 200 == 0:
                el = time.time() - t1
                print(f"epoch {epoch} step {step} tokens {seen} ({seen / el:.0f}/s) train ppl "
                      f"{np.exp(log[0] / log[2]):.1f} / {np.exp(log[1] / log[2]):.1f}", flush=True)
                log = [0.0, 0.0, 0]
            if time.time() > deadline:
                break
        ppl = perplexity(model, held, out_map, eos_cls)
        history.append({"epoch": epoch, "tokens_seen": seen, "minutes": round((time.time() - t1) / 60, 1),
                        "held_ppl_fwd": round(ppl[0], 1), "held_ppl_bwd": round(ppl[1], 1)})
        print(json.dumps(history[-1]), flush=True)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        export(model, extra, words, out)
        if time.time() > deadline:
            print("time limit reached", flush=True)
            break
    info.update(history=history, params=vars(args), tokens_per_second=round(seen / (time.time() - t1)),
                command="python train/ner/train_lm.py " + " ".join(sys.argv[1:]),
                data="ANT v2.1 + ANT v1.1 Jawhara FM (Apache-2.0), ../shared/data/news")
    Path(args.out).with_suffix(".json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    print(f"{args.out} {Path(args.out).stat().st_size / 1e6:.1f} MB, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
