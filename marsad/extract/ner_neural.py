"""Neural entity tagger run with NumPy: char-CNN + word vectors + features → BiLSTM → CRF.

The weights come from ``train/ner/train_neural.py`` (PyTorch, the optional ``train`` extra) and
are stored in one ``.npz`` file with the vocabularies; inference needs NumPy only. Sentences are
tagged in batches (sorted by length, padded), the LSTM steps are vectorised over the batch, the
character CNN runs once per distinct word, and the labels come from a batched Viterbi decode.

Encoding (shared with training, so both see the same inputs): per token, the word vector of its
clitic-stripped normalised key (``ner_features.token_info``), the characters of the word
without edge punctuation, its proclitics, shape, gazetteer flags, article and punctuation flags,
and its three word-cluster ids.
"""
from __future__ import annotations

import numpy as np

from marsad.extract.ner_features import _EDGE_PUNCT, norm, token_info

GAZ = ("PER", "LOC", "ORGW", "ORG", "TITLE", "DEM")
MAX_CHARS = 20
PAD, UNK = 0, 1


def word_key(info: dict) -> list[str]:
    """Candidate keys for the word-vector table, best first."""
    n = info["n"]
    if n.isdigit():
        return ["0"]
    return [n, info["bare"], n.lower()]


class Vocab:
    """String → id maps of one model (0 = padding, 1 = unknown)."""

    def __init__(self, words, chars, pres, shapes, n_clusters, memory=None):
        self.words = {w: i for i, w in enumerate(words)}
        self.memory = memory  # word key → label-memory vector (see memory_vector), or None
        self.chars = {c: i for i, c in enumerate(chars)}
        self.pres = {p: i for i, p in enumerate(pres)}
        self.shapes = {s: i for i, s in enumerate(shapes)}
        self.n_clusters = list(n_clusters)
        self._cache: dict[str, tuple] = {}

    def token(self, word: str) -> tuple:
        """(word id, char ids, pre id, shape id, gaz+flag vector, cluster ids) of one token, cached."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        info = token_info(word)
        wid = UNK
        for k in word_key(info):
            if k in self.words:
                wid = self.words[k]
                break
        core = norm(_EDGE_PUNCT.sub("", word) or word)[:MAX_CHARS]
        cids = tuple(self.chars.get(c, UNK) for c in core) or (UNK,)
        gaz = info["gaz"].split("|")
        flags = tuple(1.0 if g in gaz else 0.0 for g in GAZ) + (float(info["al"] == "1"), float(info["punct"] == "1"))
        cls = tuple(int(c) + 2 if k < len(info["cls"]) else UNK
                    for k, c in enumerate(info["cls"][:len(self.n_clusters)])) if info["cls"] else ()
        cls = cls + (UNK,) * (len(self.n_clusters) - len(cls))
        out = (wid, cids, self.pres.get(info["pre"], UNK), self.shapes.get(info["shape"], UNK), flags, cls)
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def batch(self, sents: list[list[str]], memory: list[np.ndarray] | None = None) -> dict[str, np.ndarray]:
        """Padded arrays for a batch of token lists: words, pres, shapes [B,T], flags [B,T,8],
        clusters [B,T,K], lengths [B], the distinct words' chars [U,L] with token → row [B,T],
        and with a label memory, ``memory`` [B,T,M] (given per sentence in training, where it
        must come from the other folds, else looked up)."""
        B, T = len(sents), max(len(s) for s in sents)
        K = len(self.n_clusters)
        words = np.zeros((B, T), np.int64)
        pres = np.zeros((B, T), np.int64)
        shapes = np.zeros((B, T), np.int64)
        flags = np.zeros((B, T, len(GAZ) + 2), np.float32)
        clus = np.zeros((B, T, K), np.int64)
        uniq = np.zeros((B, T), np.int64)
        rows: dict[tuple, int] = {(): 0}
        for b, s in enumerate(sents):
            for t, w in enumerate(s):
                wid, cids, pid, sid, fl, cl = self.token(w)
                words[b, t], pres[b, t], shapes[b, t] = wid, pid, sid
                flags[b, t] = fl
                clus[b, t] = cl
                uniq[b, t] = rows.setdefault(cids, len(rows))
        L = max(len(c) for c in rows)
        chars = np.zeros((len(rows), max(L, 1)), np.int64)
        for cids, r in rows.items():
            chars[r, :len(cids)] = cids
        out = {"words": words, "pres": pres, "shapes": shapes, "flags": flags, "clusters": clus,
               "chars": chars, "char_rows": uniq, "lengths": np.array([len(s) for s in sents], np.int64)}
        if self.memory is not None:
            if memory is None:
                memory = [self.recall(s) for s in sents]
            mem = np.zeros((B, T, memory[0].shape[1]), np.float32)
            for b, m in enumerate(memory):
                mem[b, :len(m)] = m
            out["memory"] = mem
        return out

    def recall(self, words: list[str]) -> np.ndarray:
        """Label-memory vectors of a sentence's tokens (zeros for words never seen in training)."""
        dim = len(next(iter(self.memory.values())))
        zero = np.zeros(dim, np.float32)
        cache = self.__dict__.setdefault("_mem_cache", {})
        rows = []
        for w in words:
            m = cache.get(w)
            if m is None:
                m = self.memory.get(token_info(w)["n"], zero)
                if len(cache) < 200_000:
                    cache[w] = m
            rows.append(m)
        return np.array(rows, np.float32).reshape(len(words), dim)


class NumpyTagger:
    """Inference with the exported weights (``W``: name → array, as saved by the trainer)."""

    def __init__(self, W: dict[str, np.ndarray], vocab: Vocab, labels: list[str]):
        self.W = {k: v.astype(np.float32) for k, v in W.items()}
        self.vocab = vocab
        self.labels = labels

    def _chars(self, chars: np.ndarray) -> np.ndarray:
        W = self.W
        emb = W["char_emb"][chars]  # U, L, C
        U, L, C = emb.shape
        k = W["char_conv.w"].shape[2]
        pad = k // 2
        x = np.zeros((U, L + 2 * pad, C), np.float32)
        x[:, pad:pad + L] = emb
        win = np.concatenate([x[:, j:j + L] for j in range(k)], axis=2)  # U, L, k*C
        w = W["char_conv.w"].transpose(0, 2, 1).reshape(W["char_conv.w"].shape[0], -1)  # F, k*C (tap-major)
        out = win @ w.T + W["char_conv.b"]
        mask = chars > 0
        mask[:, 0] = True
        out = np.where(mask[:, :, None], out, -np.inf)
        return out.max(axis=1)

    def _gates(self, d: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(input weights, recurrent weights, bias) of one direction, transposed, with the i, f and
        o gates halved so that sigmoid(x) = (tanh(x/2) + 1) / 2 needs one tanh over all gates."""
        W = self.W
        H = W[f"lstm.w_hh{d}"].shape[1]
        scale = np.full(4 * H, 0.5, np.float32)
        scale[2 * H:3 * H] = 1.0
        return (W[f"lstm.w_ih{d}"].T * scale, W[f"lstm.w_hh{d}"].T * scale,
                (W[f"lstm.b_ih{d}"] + W[f"lstm.b_hh{d}"]) * scale)

    def _bilstm(self, x: np.ndarray, xr: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Both directions in one loop (``xr``: each sentence reversed within its length); the
        recurrent weights form one block-diagonal matrix, so each step is one matmul."""
        if not hasattr(self, "_packed"):
            (wf, uf, bf), (wb, ub, bb) = self._gates(""), self._gates("_reverse")
            H = uf.shape[0]
            U = np.zeros((2 * H, 8 * H), np.float32)
            U[:H, :4 * H], U[H:, 4 * H:] = uf, ub
            self._packed = (wf, bf, wb, bb, U, H)
        wf, bf, wb, bb, U, H = self._packed
        B, T, _ = x.shape
        xp = np.concatenate([x @ wf + bf, xr @ wb + bb], axis=2)  # B, T, 8H: fwd gates, bwd gates
        h = np.zeros((B, 2 * H), np.float32)
        c = np.zeros((B, 2, H), np.float32)
        out = np.zeros((B, T, 2 * H), np.float32)
        live = np.searchsorted(-lengths, -np.arange(T), side="right")  # rows longer than t (sorted)
        for t in range(T):
            n = int(live[t])
            if n == 0:
                break
            g = np.tanh(xp[:n, t] + h[:n] @ U).reshape(n, 2, 4, H)  # batch sorted, longest first
            g += 1.0
            g[:, :, 2] -= 1.0
            cn = c[:n]
            cn *= g[:, :, 1]
            cn += g[:, :, 0] * g[:, :, 2]
            cn *= 0.5
            hn = 0.5 * g[:, :, 3] * np.tanh(cn)
            h[:n] = hn.reshape(n, 2 * H)
            out[:n, t] = h[:n]
        return out[:, :, :H], out[:, :, H:]

    def emissions(self, batch: dict[str, np.ndarray]) -> np.ndarray:
        """Per-token label scores [B,T,labels] (batch sorted by decreasing length)."""
        W = self.W
        lengths = batch["lengths"]
        parts = [W["word_emb"][batch["words"]], self._chars(batch["chars"])[batch["char_rows"]],
                 W["pre_emb"][batch["pres"]], W["shape_emb"][batch["shapes"]], batch["flags"]]
        if "memory" in batch:
            parts.append(batch["memory"])
        parts += [W[f"cl_emb{k}"][batch["clusters"][:, :, k]] for k in range(batch["clusters"].shape[2])]
        x = np.concatenate(parts, axis=2)
        B, T, _ = x.shape
        rev = np.where(np.arange(T)[None, :] < lengths[:, None], lengths[:, None] - 1 - np.arange(T)[None, :],
                       np.arange(T)[None, :])
        bidx = np.arange(B)[:, None]
        fwd, bwd = self._bilstm(x, x[bidx, rev], lengths)
        bwd = bwd[bidx, rev]
        return np.concatenate([fwd, bwd], axis=2) @ W["out.w"].T + W["out.b"]

    def viterbi(self, em: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best label path of each sentence under the CRF (transitions, start and end scores)."""
        W = self.W
        trans, start, end = W["crf.trans"], W["crf.start"], W["crf.end"]
        B, T, N = em.shape
        score = start + em[:, 0]
        back = np.zeros((B, T, N), np.int64)
        for t in range(1, T):
            cand = score[:, :, None] + trans[None]  # B, from, to
            best = cand.argmax(1)
            new = np.take_along_axis(cand, best[:, None, :], 1)[:, 0] + em[:, t]
            live = (lengths > t)[:, None]
            score = np.where(live, new, score)
            back[:, t] = best
        score = score + end
        out = []
        for b in range(B):
            y = [int(score[b].argmax())]
            for t in range(int(lengths[b]) - 1, 0, -1):
                y.append(int(back[b, t, y[-1]]))
            out.append(y[::-1])
        return out

    def tag(self, sents: list[list[str]], batch_size: int = 64) -> list[list[str]]:
        """BIO labels for each token list (BLAS kept to one thread: the matrices are small, and
        OpenBLAS threads spinning against a busy second core made it ten times slower)."""
        limit = _one_blas_thread()
        if limit is None:
            return self._tag(sents, batch_size)
        with limit:
            return self._tag(sents, batch_size)

    def _tag(self, sents: list[list[str]], batch_size: int) -> list[list[str]]:
        order = sorted(range(len(sents)), key=lambda i: -len(sents[i]))
        result: list[list[str]] = [[] for _ in sents]
        for k in range(0, len(order), batch_size):
            idx = [i for i in order[k:k + batch_size] if sents[i]]
            if not idx:
                continue
            batch = self.vocab.batch([sents[i] for i in idx])
            paths = self.viterbi(self.emissions(batch), batch["lengths"])
            for i, p in zip(idx, paths):
                result[i] = [self.labels[j] for j in p]
        return result


_CONTROLLER: list = []


def _one_blas_thread():
    """A context limiting BLAS to one thread (threadpoolctl), or None if it is not installed."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0].limit(limits=1, user_api="blas")


def memory_vector(counts: np.ndarray) -> np.ndarray:
    """Label memory of a word from its label counts in training: label shares and log count."""
    total = counts.sum()
    return np.concatenate([counts / max(total, 1), [np.log1p(total) / 5]]).astype(np.float32)


def load(path) -> NumpyTagger:
    """A tagger from a ``.npz`` file written by the trainer."""
    z = np.load(path, allow_pickle=False)
    W = {k[2:]: z[k] for k in z.files if k.startswith("w:")}
    memory = None
    if "v:memory_words" in z.files:
        memory = dict(zip((str(w) for w in z["v:memory_words"]), z["v:memory"].astype(np.float32)))
    vocab = Vocab([str(w) for w in z["v:words"]], [str(c) for c in z["v:chars"]], [str(p) for p in z["v:pres"]],
                  [str(s) for s in z["v:shapes"]], [int(n) for n in z["v:n_clusters"]], memory)
    return NumpyTagger(W, vocab, [str(x) for x in z["v:labels"]])
