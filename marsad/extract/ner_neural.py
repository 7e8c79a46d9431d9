"""Neural entity tagger run with NumPy: char-CNN + word vectors + features → BiLSTM → CRF.

The weights come from ``train/ner/train_neural.py`` (PyTorch, the optional ``train`` extra) and
are stored in one ``.npz`` file with the vocabularies; inference needs NumPy only. Sentences are
tagged in batches (sorted by length, padded), the LSTM steps are vectorised over the batch, the
character CNN runs once per distinct word, and the labels come from a batched Viterbi decode.

Encoding (shared with training, so both see the same inputs): per token, the word vector of its
clitic-stripped normalised key (``ner_features.token_info``), the characters of the word
without edge punctuation, its proclitics, shape, gazetteer flags, article and punctuation flags,
and its three word-cluster ids; with a news language model (``ner_lm``), its contextual states.
"""
from __future__ import annotations

from itertools import repeat
from operator import itemgetter

import numpy as np

from marsad.extract.ner_crf import viterbi
from marsad.extract.ner_features import _EDGE_PUNCT, norm, token_info
from marsad.extract.ner_lm import NewsLM, pack_lstm

GAZ = ("PER", "LOC", "ORGW", "ORG", "TITLE", "DEM")
MAX_CHARS = 20
PAD, UNK = 0, 1
CRF_KEYS = ("crf.trans", "crf.start", "crf.end")


def word_key(info: dict) -> list[str]:
    """Candidate keys for the word-vector table, best first."""
    n = info["n"]
    if n.isdigit():
        return ["0"]
    return [n, info["bare"], n.lower()]


class Vocab:
    """String → id maps of one model (0 = padding, 1 = unknown)."""

    def __init__(self, words, chars, pres, shapes, n_clusters, memory=None, lm_extra=None):
        self.words = {w: i for i, w in enumerate(words)}
        # with a news LM: its extra tokens (``<unk>`` first, then punctuation) → their row after the words
        self.lm_extra = {w: i for i, w in enumerate(lm_extra)} if lm_extra is not None else None
        self.memory = memory  # word key → label-memory vector (see memory_vector), or None
        self.chars = {c: i for i, c in enumerate(chars)}
        self.pres = {p: i for i, p in enumerate(pres)}
        self.shapes = {s: i for i, s in enumerate(shapes)}
        self.n_clusters = list(n_clusters)
        self._cache: dict[str, tuple] = {}
        self._flags: dict[tuple, tuple] = {}  # (gaz, al, punct) → flag vector
        self._cls: dict[tuple, tuple] = {}  # cluster ids → their padded id tuple

    def token(self, word: str) -> tuple:
        """(word id, char ids, pre id, shape id, gaz+flag vector, cluster ids) of one token, cached."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        info = token_info(word)
        n, words = info["n"], self.words
        if n.isdigit():  # the keys of word_key, best first
            wid = words.get("0", UNK)
        else:
            wid = words.get(n)
            if wid is None:
                wid = words.get(info["bare"])
                if wid is None:
                    wid = words.get(n.lower(), UNK)
        if word and (word[0].isalnum() or word[0] == "_") and (word[-1].isalnum() or word[-1] == "_"):
            core = norm(word)[:MAX_CHARS]  # no edge punctuation (\w is alnum or _)
        else:
            core = norm(_EDGE_PUNCT.sub("", word) or word)[:MAX_CHARS]
        cids = tuple(map(self.chars.get, core, repeat(UNK, len(core)))) or (UNK,)
        fkey = (info["gaz"], info["al"], info["punct"])
        flags = self._flags.get(fkey)
        if flags is None:
            gaz = info["gaz"].split("|")
            flags = self._flags[fkey] = tuple(1.0 if g in gaz else 0.0 for g in GAZ) + \
                (float(info["al"] == "1"), float(info["punct"] == "1"))
        cls = self._cls.get(info["cls"])
        if cls is None:
            K = len(self.n_clusters)
            cls = tuple(int(c) + 2 for c in info["cls"][:K])
            cls = self._cls[info["cls"]] = cls + (UNK,) * (K - len(cls))
        out = (wid, cids, self.pres.get(info["pre"], UNK), self.shapes.get(info["shape"], UNK), flags, cls)
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def lm_ids(self, words: list[str]) -> list[int]:
        """The news LM's ids of tokens: the word table's id, else (unknown words, punctuation) the
        row of the LM's own extra table after the words (``<unk>`` for those it lacks)."""
        n, extra, out = len(self.words), self.lm_extra, []
        for w in words:
            wid = self.token(w)[0]
            out.append(wid if wid != UNK else n + extra.get(w, 0))
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
        if self.lm_extra is not None:
            ids = np.zeros((B, T), np.int64)
            for b, s in enumerate(sents):
                ids[b, :len(s)] = self.lm_ids(s)
            out["lm_ids"] = ids
        return out

    def recall(self, words: list[str]) -> np.ndarray:
        """Label-memory vectors of a sentence's tokens (zeros for words never seen in training),
        gathered from one matrix of every remembered key's vector (built once per memory)."""
        table = self.__dict__.get("_mem_table")
        if table is None or table[0] is not self.memory:
            keys = list(self.memory)
            dim = len(next(iter(self.memory.values())))
            matrix = np.zeros((len(keys) + 1, dim), np.float32)  # the last row: never seen
            matrix[:-1] = np.array([self.memory[k] for k in keys], np.float32).reshape(len(keys), dim)
            table = self._mem_table = (self.memory, dict(zip(keys, range(len(keys)))), matrix)
        _, index, matrix = table
        keys = map(itemgetter("n"), map(token_info, words))
        return matrix[list(map(index.get, keys, repeat(len(matrix) - 1)))]


class _WordTable:
    """Every input of the LSTM depends on its word alone, so each distinct word's input projection
    (``_word_projection``: the gates of every direction, ``x @ W_ih + b``) is computed once and kept
    in a table of ``cache_words`` rows; a batch then only gathers rows, runs the recurrence
    (``_recurrent``) and scores the labels (``_output``). When the table is full, the words used
    least so far give up their rows until a ``keep`` share of it is left (the counts of the others
    are halved): news vocabulary repeats, and starting afresh, as the table did before, computed
    the frequent words again after every 30,000 new ones (54,560 projections for the 44,309
    distinct words of the first 1,000 ANT articles; about 47,300 with this)."""

    cache_words = 30_000
    keep = 0.8
    _rows: dict[str, int]  # word → its row of the table
    _words: list  # row → its word (None: a free row)
    _free: list[int]  # free rows, the next one last

    def _word_rows(self, words: list[str]) -> list[int]:
        """Rows of the per-word projection table for these tokens, computing the missing ones."""
        rows = self._rows
        new = list(dict.fromkeys(w for w in words if w not in rows))
        if new:
            if self._table is not None and len(new) > len(self._free):
                self._evict()
                new = list(dict.fromkeys(w for w in words if w not in rows))
                if len(new) > len(self._free):  # more new words than the table holds: start afresh
                    rows.clear()
                    new = list(dict.fromkeys(words))
                    self._table = None
            proj = self._word_projection(new)
            if self._table is None:
                size = max(self.cache_words, len(new))
                self._table = np.zeros((size, proj.shape[1]), np.float32)
                self._hits = np.zeros(size, np.int64)
                self._words = [None] * size
                self._free = list(range(size - 1, -1, -1))
            free = self._free
            slots = free[len(free) - len(new):][::-1]
            del free[len(free) - len(new):]
            self._table[slots] = proj
            self._hits[slots] = 0
            owner = self._words
            for w, r in zip(new, slots):
                rows[w] = r
                owner[r] = w
        flat = [rows[w] for w in words]
        np.add.at(self._hits, flat, 1)
        return flat

    def _evict(self) -> None:
        """Free the rows of the least used words until a ``keep`` share of the table is in use."""
        used = np.fromiter(self._rows.values(), np.int64, len(self._rows))
        k = int(len(self._words) * self.keep)
        if len(used) > k:
            drop = used[np.argpartition(self._hits[used], len(used) - k - 1)[:len(used) - k]].tolist()
            owner, rows = self._words, self._rows
            for r in drop:
                del rows[owner[r]]
                owner[r] = None
            self._free += drop
        self._hits //= 2

    def scores(self, words: list[str], lengths: np.ndarray) -> np.ndarray:
        """Emission scores [B, T, labels] of a batch sorted by decreasing length, given as its tokens
        in a row (``words``) and the sentence ``lengths``."""
        flat = self._word_rows(words)
        rows = np.zeros((len(lengths), int(lengths[0])), np.int64)
        pos = 0
        for r, n in enumerate(lengths.tolist()):
            rows[r, :n] = flat[pos:pos + n]
            pos += n
        return self._output(bilstm(self._table, rows, lengths, self._recurrent()))

    def tag(self, sents: list[list[str]], batch_size: int = 64) -> list[list[str]]:
        """BIO labels for each token list."""
        return _decode(sents, batch_size, self.scores, self.crf(), self.labels)


class NumpyTagger(_WordTable):
    """Inference with the exported weights (``W``: name → array, as saved by the trainer)."""

    def __init__(self, W: dict[str, np.ndarray], vocab: Vocab, labels: list[str]):
        self.W = {k: v.astype(np.float32, copy=False) for k, v in W.items()}
        self.vocab = vocab
        self.labels = labels
        self._rows, self._words, self._free, self._table = {}, [], [], None
        self.lm = NewsLM(self.W, self.W["word_emb"]) if "lm.w_ih" in self.W else None

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

    def _weights(self) -> tuple:
        """(input weights [D, 8H], bias [8H], recurrent weights [2, H, 4H], H), both directions'
        gates reordered i, f, o, g with i, f and o halved, so that sigmoid(x) = (tanh(x/2) + 1) / 2
        and one tanh serves all four gates."""
        if not hasattr(self, "_packed"):
            self._packed = pack_lstm(self.W, "lstm")
        return self._packed

    def _split_weights(self) -> tuple:
        """With a news LM: the input weights of the word's own inputs and of the LM features (the
        last ``P`` inputs), apart."""
        if not hasattr(self, "_split"):
            w = self._weights()[0]
            P = self.lm.proj_w.shape[1]
            self._split = (np.ascontiguousarray(w[:-P]), np.ascontiguousarray(w[-P:]))
        return self._split

    def _inputs(self, batch: dict[str, np.ndarray]) -> np.ndarray:
        """The LSTM inputs [B, T, D] of an encoded batch (``Vocab.batch``)."""
        W = self.W
        parts = [W["word_emb"][batch["words"]], self._chars(batch["chars"])[batch["char_rows"]],
                 W["pre_emb"][batch["pres"]], W["shape_emb"][batch["shapes"]], batch["flags"]]
        if "memory" in batch:
            parts.append(batch["memory"])
        parts += [W[f"cl_emb{k}"][batch["clusters"][:, :, k]] for k in range(batch["clusters"].shape[2])]
        if self.lm is not None:
            parts.append(self.lm.features(batch["lm_ids"], batch["lengths"]))
        return np.concatenate(parts, axis=2)

    def _word_inputs(self, words: list[str]) -> np.ndarray:
        """The LSTM inputs [U, D] of distinct words: what ``_inputs`` gives each of them in any
        sentence (every input depends on the word alone)."""
        v, W = self.vocab, self.W
        wid, cids, pid, sid, flags, cls = zip(*(v.token(w) for w in words))
        crow: dict[tuple, int] = {}
        rows = [crow.setdefault(c, len(crow)) for c in cids]
        chars = np.zeros((len(crow), max(map(len, crow))), np.int64)
        for c, r in crow.items():
            chars[r, :len(c)] = c
        parts = [W["word_emb"][list(wid)], self._chars(chars)[rows], W["pre_emb"][list(pid)],
                 W["shape_emb"][list(sid)], np.array(flags, np.float32).reshape(len(words), -1)]
        if v.memory is not None:
            parts.append(v.recall(words))
        clus = np.array(cls, np.int64).reshape(len(words), len(v.n_clusters))
        parts += [W[f"cl_emb{k}"][clus[:, k]] for k in range(clus.shape[1])]
        return np.concatenate(parts, axis=1)

    def _bilstm(self, proj: np.ndarray, rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Forward and backward LSTM outputs [B, T, 2H] (:func:`bilstm`)."""
        _, _, U, _ = self._weights()
        return bilstm(proj, rows, lengths, U)

    def _project(self, x: np.ndarray) -> np.ndarray:
        w, b, _, _ = self._weights()
        return x @ w + b

    def emissions(self, batch: dict[str, np.ndarray]) -> np.ndarray:
        """Per-token label scores [B,T,labels] (batch sorted by decreasing length)."""
        B, T = batch["words"].shape
        proj = self._project(self._inputs(batch)).reshape(B * T, -1)
        rows = np.arange(B * T).reshape(B, T)
        return self._bilstm(proj, rows, batch["lengths"]) @ self.W["out.w"].T + self.W["out.b"]

    def viterbi(self, em: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best label path of each sentence under the CRF (transitions, start and end scores)."""
        return _viterbi_rows(em, lengths, self.crf())

    def _word_projection(self, words: list[str]) -> np.ndarray:
        if self.lm is not None:
            return self._word_inputs(words) @ self._split_weights()[0] + self._weights()[1]
        return self._project(self._word_inputs(words))

    def scores(self, words: list[str], lengths: np.ndarray) -> np.ndarray:
        """As :meth:`_WordTable.scores`; with a news LM, each token's projection is its word's row
        of the table plus its projected LM features."""
        if self.lm is None:
            return super().scores(words, lengths)
        flat = self._word_rows(words)
        B, T = len(lengths), int(lengths[0])
        mask = np.arange(T)[None, :] < lengths[:, None]
        ids = np.zeros((B, T), np.int64)
        ids[mask] = self.vocab.lm_ids(words)
        feats = self.lm.features(ids, lengths)[mask]  # tokens in a row, as ``words``
        proj = self._table[flat] + feats @ self._split_weights()[1]
        rows = np.zeros((B, T), np.int64)
        rows[mask] = np.arange(len(flat))
        return self._output(bilstm(proj, rows, lengths, self._recurrent()))

    def _recurrent(self) -> np.ndarray:
        return self._weights()[2]

    def _output(self, h: np.ndarray) -> np.ndarray:
        return h @ self.W["out.w"].T + self.W["out.b"]

    def crf(self) -> tuple:
        """The CRF's (transitions, start, end) scores."""
        return tuple(self.W[k] for k in CRF_KEYS)


def bilstm(proj: np.ndarray, rows: np.ndarray, lengths: np.ndarray, U: np.ndarray) -> np.ndarray:
    """Outputs [B, T, K*H] of K LSTM runs over a batch sorted by decreasing length: runs 0, 2, …
    read forwards, runs 1, 3, … backwards (the two directions of each BiLSTM; several BiLSTMs for
    an ensemble). ``proj[rows[b, t]]`` is a token's input projection, [.., K*4H], run k's gates
    (i, f, o, g, see ``_weights``) in columns k*4H…(k+1)*4H; rows past a sentence's end are
    ignored (their outputs are zeros). ``U`` [K, H, 4H]: the recurrent weights. All runs advance
    together, each step one stacked matmul [K, n, H] @ [K, H, 4H] over the n sentences still
    running. Inputs and states are packed step after step (step t: the n_t sentences longer
    than t, a prefix of the batch), so no padding is gathered or computed; the hidden state is
    kept doubled (2h, with U halved: exact power-of-two scaling) and halved once at the end."""
    K, H = U.shape[0], U.shape[1]
    B, T = rows.shape
    steps = np.arange(T)
    live = np.searchsorted(-lengths, -steps, side="left")  # sentences longer than t (sorted)
    step_of = np.repeat(steps, live)  # packed order: step after step, sentences in batch order
    sent_of = np.arange(len(step_of)) - np.repeat(np.cumsum(live) - live, live)
    fwd = sent_of * T + step_of  # token read at that step: forwards
    bwd = sent_of * T + lengths[sent_of] - 1 - step_of  # and backwards
    flat = rows.reshape(-1)
    N = len(step_of)
    xs = np.empty((K, N, 4 * H), np.float32)
    fwd_rows, bwd_rows = flat[fwd], flat[bwd]
    for k in range(K):
        xs[k] = proj[bwd_rows if k % 2 else fwd_rows, 4 * H * k:4 * H * (k + 1)]
    hs = np.zeros((K, B + N, H), np.float32)  # rows 0…B: the initial state; then packed steps
    U2 = U * np.float32(0.5)
    c = np.zeros((K, B, H), np.float32)
    g = np.empty((K, B, 4 * H), np.float32)
    tmp = np.empty((K, B, H), np.float32)
    H2, H3 = 2 * H, 3 * H
    prev, pos, n_views = 0, B, -1
    for n in live.tolist():
        if n != n_views:
            n_views = n
            gn, cn, tn = g[:, :n], c[:, :n], tmp[:, :n]
            gifo, gi, gf, go, gg = gn[:, :, :H3], gn[:, :, :H], gn[:, :, H:H2], gn[:, :, H2:H3], gn[:, :, H3:]
        np.matmul(hs[:, prev:prev + n], U2, out=gn)
        gn += xs[:, pos - B:pos - B + n]
        np.tanh(gn, out=gn)
        gifo += 1.0  # 2 * sigmoid of i, f, o
        cn *= gf
        np.multiply(gi, gg, out=tn)
        cn += tn
        cn *= 0.5
        np.tanh(cn, out=tn)
        np.multiply(tn, go, out=hs[:, pos:pos + n])
        prev, pos = pos, pos + n
    hs *= np.float32(0.5)
    out = np.zeros((B * T, K // 2, 2, H), np.float32)  # per BiLSTM: forward H, then backward H
    out[fwd, :, 0] = hs[0::2, B:].transpose(1, 0, 2)
    out[bwd, :, 1] = hs[1::2, B:].transpose(1, 0, 2)
    return out.reshape(B, T, K * H)


class Ensemble(_WordTable):
    """Taggers of one architecture (seeds of one configuration) as one tagger: the members' emission
    scores and CRF scores are averaged before a single Viterbi decode (a product of experts; ANERcorp
    dev in docs/benchmarks.md). The members' LSTMs run together (:func:`bilstm` with 2 runs per
    member), from one table of each word's projections for all members. Same interface as
    :class:`NumpyTagger`."""

    def __init__(self, members: list[NumpyTagger]):
        if any(m.lm is not None for m in members):
            raise ValueError("an ensemble of taggers with a news LM is not supported")
        self.members = members
        self.vocab, self.labels = members[0].vocab, members[0].labels
        n = len(members)
        self._crf = tuple(sum(m.crf()[k] for m in members) / n for k in range(len(CRF_KEYS)))
        self._U = np.ascontiguousarray(np.concatenate([m._recurrent() for m in members]))
        self._out_w = np.concatenate([m.W["out.w"].T for m in members]) / n
        self._out_b = sum(m.W["out.b"] for m in members) / n
        self._rows, self._words, self._free, self._table = {}, [], [], None

    def _word_projection(self, words: list[str]) -> np.ndarray:
        return np.concatenate([m._word_projection(words) for m in self.members], axis=1)

    def _recurrent(self) -> np.ndarray:
        return self._U

    def _output(self, h: np.ndarray) -> np.ndarray:
        return h @ self._out_w + self._out_b

    def crf(self) -> tuple:
        return self._crf


def _viterbi_rows(em: np.ndarray, lengths: np.ndarray, crf: tuple) -> list[list[int]]:
    """Best label path of each sentence of a batch in any order."""
    order = np.argsort(-lengths, kind="stable")
    paths = viterbi(em[order], lengths[order], *crf)
    out: list[list[int]] = [[] for _ in range(len(lengths))]
    for r, i in enumerate(order):
        out[i] = paths[r, :int(lengths[i])].tolist()
    return out


def _decode(sents: list[list[str]], batch_size: int, scores, crf: tuple, labels: list[str]) -> list[list[str]]:
    """BIO labels of token lists, tagged in batches of similar length: ``scores(words, lengths)``
    gives a batch's emissions, one Viterbi decode under ``crf`` its labels (BLAS kept to one thread:
    the matrices are small, and OpenBLAS threads spinning against a busy second core made it ten
    times slower)."""
    limit = _one_blas_thread()
    if limit is None:
        return _decode_batches(sents, batch_size, scores, crf, labels)
    with limit:
        return _decode_batches(sents, batch_size, scores, crf, labels)


def _decode_batches(sents, batch_size, scores, crf, labels) -> list[list[str]]:
    order = sorted((i for i in range(len(sents)) if sents[i]), key=lambda i: -len(sents[i]))
    result: list[list[str]] = [[] for _ in sents]
    for k in range(0, len(order), batch_size):
        idx = order[k:k + batch_size]
        lengths = np.array([len(sents[i]) for i in idx], np.int64)
        paths = viterbi(scores([w for i in idx for w in sents[i]], lengths), lengths, *crf)
        for r, i in enumerate(idx):
            result[i] = [labels[j] for j in paths[r, :int(lengths[r])]]
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


def load(path, previous: NumpyTagger | None = None) -> NumpyTagger:
    """A tagger from a ``.npz`` file written by the trainer. A file of an ensemble's later member may
    leave out what equals the ``previous`` member's (``train/ner/ensemble.py``): missing weights
    (``w:``) are taken from it, and without vocabulary arrays (``v:``) it shares its vocabulary."""
    z = np.load(path, allow_pickle=False)
    W = {k[2:]: z[k] for k in z.files if k.startswith("w:")}
    if previous is not None:
        for k, v in previous.W.items():
            W.setdefault(k, v)
        if "v:words" not in z.files:
            return NumpyTagger(W, previous.vocab, previous.labels)
    memory = None
    if "v:memory_words" in z.files:
        memory = dict(zip((str(w) for w in z["v:memory_words"]), z["v:memory"].astype(np.float32)))
    lm_extra = [str(w) for w in z["v:lm_extra"]] if "v:lm_extra" in z.files else None
    vocab = Vocab([str(w) for w in z["v:words"]], [str(c) for c in z["v:chars"]], [str(p) for p in z["v:pres"]],
                  [str(s) for s in z["v:shapes"]], [int(n) for n in z["v:n_clusters"]], memory, lm_extra)
    return NumpyTagger(W, vocab, [str(x) for x in z["v:labels"]])


def load_members(paths) -> NumpyTagger | Ensemble:
    """The tagger of one ``.npz`` file, or the :class:`Ensemble` of several (each file read with the
    member before it as ``previous``)."""
    members: list[NumpyTagger] = []
    for path in paths:
        members.append(load(path, members[-1] if members else None))
    return members[0] if len(members) == 1 else Ensemble(members)
