"""The CRF entity tagger run with NumPy, giving exactly crfsuite's labels, faster.

The model file is the one python-crfsuite writes (``crf1d``, format ``lCRF``/``FOMC``): its state
features (attribute, label, weight) and transitions are read from the binary file with their full
double precision, and the attribute names from its string database. Tagging then does what
crfsuite's tagger does — per token, the weights of its attributes (``ner_features``) added one
after the other in the same order, in float64; Viterbi with the first best predecessor winning
ties — so the labels are crfsuite's, bit for bit, but:

* the attributes a token contributes (its own, and to each neighbour) are looked up once per
  distinct word, by kind and value (no attribute string is built), and cached across
  documents, with the running sum of its own features;
* the unknown attributes (most of a token's features) are never built as strings or looked up;
* all sentences of a call are scored and decoded together (one vectorised Viterbi).

``tests/extract/test_ner_crf.py`` checks the labels against python-crfsuite on real sentences.
"""
from __future__ import annotations

import struct
from itertools import repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from marsad.errors import ModelError
from marsad.extract.ner_features import token_info

_DIRS = (-2, -1, 1, 2)
_WIDTH = 6  # attributes a token gives a neighbour: n, gaz, shape, 2 cluster ids, bare (|d| = 1)
_MAX_WORDS = 200_000


def _cqdb(buf: bytes, off: int) -> list[str]:
    """The strings of a crfsuite constant-quark database at ``off``, by id."""
    magic, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", buf, off)
    if magic != b"CQDB":
        raise ModelError("CRF model: string database not found (not a crfsuite 1d model?)")
    out = []
    for i, o in enumerate(struct.unpack_from(f"<{n}I", buf, off + bwd)):
        rid, size = struct.unpack_from("<II", buf, off + o)
        if rid != i:
            raise ModelError("CRF model: string database out of order")
        out.append(buf[off + o + 8:off + o + 8 + size].rstrip(b"\0").decode("utf-8"))
    return out


def read_model(path: Path) -> tuple[list[str], dict[str, int], np.ndarray, np.ndarray]:
    """(labels, attribute → row, state weights [attributes + 1, labels] with a last row of zeros,
    transition weights [from, to]) of a crfsuite 1d model file, weights in float64."""
    buf = Path(path).read_bytes()
    magic, _size, mtype, _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs = \
        struct.unpack_from("<4sI4sIIIIIII", buf, 0)
    if magic != b"lCRF" or mtype != b"FOMC":
        raise ModelError(f"{path} is not a crfsuite 1d CRF model")
    if buf[off_feat:off_feat + 4] != b"FEAT":
        raise ModelError(f"{path}: feature chunk not found")
    n_feat = struct.unpack_from("<I", buf, off_feat + 8)[0]
    feats = np.frombuffer(buf, np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                          n_feat, off_feat + 12)
    labels = _cqdb(buf, off_labels)
    attrs = _cqdb(buf, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ModelError(f"{path}: header and string databases disagree")
    state = np.zeros((n_attrs + 1, n_labels), np.float64)
    trans = np.zeros((n_labels, n_labels), np.float64)
    s, t = feats[feats["type"] == 0], feats[feats["type"] == 1]
    if len(s) + len(t) != n_feat:
        raise ModelError(f"{path}: unknown feature type")
    state[s["src"], s["dst"]] = s["w"]
    trans[t["src"], t["dst"]] = t["w"]
    return labels, {a: i for i, a in enumerate(attrs)}, state, trans


class CRFTagger:
    """The CRF with crfsuite's decoding, on NumPy (``tag(list of token lists) → BIO labels``)."""

    def __init__(self, path: Path):
        self.labels, self.attrs, self.state, self.trans = read_model(path)
        self.zero = len(self.state) - 1
        self.bi_left = {a[a.index("=") + 1:].split("|")[0] for a in self.attrs if a.startswith(("bi=", "bi+="))}
        self.bi_right = {a.split("|", 1)[1] for a in self.attrs if a.startswith(("bi=", "bi+=")) and "|" in a}
        self.bound = np.array([self.attrs.get(f"{d}:BOUND", self.zero) for d in _DIRS], np.int64)
        self._attribute_maps()
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, int] = {}
        self.own = np.zeros((1024, self.state.shape[1]), np.float64)
        self.nb = np.zeros((1024, len(_DIRS), _WIDTH), np.int64)
        self.keys: list[str] = []
        self.pair_ok = np.zeros((1024, 2), bool)  # key starts / ends some bigram attribute

    def _attribute_maps(self) -> None:
        """Attribute ids by kind and value (``n=الرباط`` → ``own["n"]["الرباط"]``), and for the
        neighbour kinds the ids of the four directions together (``-2:n=…``, ``-1:n=…``, …), so
        that a word's rows are looked up without building its attribute strings."""
        own: dict[str, dict[str, int]] = {}
        for a, i in self.attrs.items():  # kinds hold no "=": the first one ends the kind
            kind, _, value = a.partition("=")
            own.setdefault(kind, {})[value] = i
        self.own_maps = own
        none: dict[str, int] = {}
        self.nb_maps = {}
        for kind in ("n", "gaz", "shape", "cl0", "cl1", "cl", "bare"):
            per = [own.get(f"{d}:{kind}", none) for d in _DIRS]
            values = set().union(*per)
            self.nb_maps[kind] = {v: tuple(m.get(v, self.zero) for m in per) for v in values}

    def _add_rows(self, words: list[str]) -> None:
        """Cache rows for new distinct words: the running sum of each word's own features'
        weights, the attributes it gives each neighbour, its key for the bigram features (the
        attributes of ``ner_features._own_features`` and ``_neighbour_features``, in their order).
        Each kind of attribute is looked up for all the words at once (one column each; an absent
        or unknown attribute is the zero row, which adds nothing: the known ones are added in
        the order of the features)."""
        r0, m = len(self.keys), len(words)
        if not m:
            return
        while r0 + m > len(self.own):
            self.own = np.concatenate([self.own, np.zeros_like(self.own)])
            self.nb = np.concatenate([self.nb, np.zeros_like(self.nb)])
            self.pair_ok = np.concatenate([self.pair_ok, np.zeros_like(self.pair_ok)])
        om, nbm, zero = self.own_maps, self.nb_maps, self.zero
        infos = list(map(token_info, words))
        ns, bares, gazs, shapes, clss = (list(map(itemgetter(k), infos)) for k in ("n", "bare", "gaz", "shape", "cls"))
        zeros = repeat(zero)  # (endless: map stops with the values)

        def column(kind: str, values) -> list[int]:
            return list(map(om.get(kind, {}).get, values, zeros))

        bias = om.get("b", {}).get("")
        own = [[bias] * m] if bias is not None else []
        own += [column("n", ns), column("bare", bares), column("pre", map(itemgetter("pre"), infos)),
                column("gaz", gazs), column("shape", shapes), column("al", map(itemgetter("al"), infos))]
        by_len = [om.get("len", {}).get(str(k), zero) for k in range(9)]
        own.append([by_len[len(b) if len(b) < 8 else 8] for b in bares])
        own.append(column("punct", map(itemgetter("punct"), infos)))
        unknown = om.get("cl", {}).get("?")
        if unknown is not None:
            own.append([zero if c else unknown for c in clss])
        for k in range(max(map(len, clss))):
            get = om.get(f"cl{k}", {}).get if k < 8 else (lambda c, z, k=k: self.attrs.get(f"cl{k}={c}", z))
            own.append([get(c[k], zero) if len(c) > k else zero for c in clss])
        for k in (1, 2, 3):
            get_p, get_s = om.get(f"p{k}", {}).get, om.get(f"s{k}", {}).get
            own.append([get_p(b[:k], zero) if len(b) > k else zero for b in bares])
            own.append([get_s(b[-k:], zero) if len(b) > k else zero for b in bares])
        # added one after the other, as crfsuite does
        state, acc = self.state, None
        for col in own:
            if acc is None:
                acc = state[col]
            else:
                acc += state[col]
        self.own[r0:r0 + m] = acc
        # what each word gives its neighbours at -2, -1, +1, +2: n, gaz, shape, the first cluster
        # id (or "?"), the second one, and (at ±1) the bare key
        zeros4 = (zero,) * 4
        nb_unknown = nbm["cl"].get("?", zeros4)
        cl0, cl1, bare4 = nbm["cl0"].get, nbm["cl1"].get, nbm["bare"].get
        slots = [list(map(nbm[kind].get, values, repeat(zeros4, m)))
                 for kind, values in (("n", ns), ("gaz", gazs), ("shape", shapes))]
        slots.append([cl0(c[0], zeros4) if c else nb_unknown for c in clss])
        slots.append([cl1(c[1], zeros4) if len(c) > 1 else zeros4 for c in clss])
        slots.append([(zero, b4[1], b4[2], zero) for b4 in map(bare4, bares, repeat(zeros4, m))])
        self.nb[r0:r0 + m] = np.array(slots, np.int64).transpose(1, 2, 0)  # [m, direction, slot]
        self.keys += ns
        self.pair_ok[r0:r0 + m, 0] = list(map(self.bi_left.__contains__, ns))
        self.pair_ok[r0:r0 + m, 1] = list(map(self.bi_right.__contains__, ns))
        self.rows.update(zip(words, range(r0, r0 + m)))

    def emissions(self, sents: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Per-token label scores of all tokens [N, labels] (sentences one after the other, in
        crfsuite's order of addition) and each token's sentence position [N]."""
        if sum(map(len, sents)) + len(self.keys) > _MAX_WORDS:
            self._reset()
        rows = self.rows
        new = list(dict.fromkeys(w for s in sents for w in s if w not in rows))
        if new:
            self._add_rows(new)
        idx = [rows[w] for s in sents for w in s]
        R = np.array(idx, np.int64)
        lengths = np.array([len(s) for s in sents], np.int64)
        pos = np.arange(len(R)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        last = np.repeat(lengths, lengths) - 1
        N, zero = len(R), self.zero
        ids = np.full((N, len(_DIRS) * _WIDTH + 2), zero, np.int64)
        nb = self.nb[R]
        for k, d in enumerate(_DIRS):
            blk = ids[:, k * _WIDTH:(k + 1) * _WIDTH]
            if d < 0:
                blk[-d:] = nb[:N + d, k]
            else:
                blk[:N - d] = nb[d:, k]
            out = (pos + d < 0) | (pos + d > last)
            blk[out] = zero
            blk[out, 0] = self.bound[k]
        keys, attrs = self.keys, self.attrs
        # bigrams: only pairs whose keys both occur in some bigram attribute can match one
        for n in (np.nonzero(self.pair_ok[R[:-1], 0] & self.pair_ok[R[1:], 1] & (pos[1:] > 0))[0] + 1).tolist():
            pair = keys[idx[n - 1]] + "|" + keys[idx[n]]
            ids[n, -2] = attrs.get("bi=" + pair, zero)
            ids[n - 1, -1] = attrs.get("bi+=" + pair, zero)
        # the weights in crfsuite's order of addition; a column of unknown attributes only adds
        # zeros, which changes no sum, so it is left out. One column at a time: its rows [N,
        # labels] stay in cache (gathering every column at once, [N, columns, labels], did not)
        E = self.own[R]
        buf = np.empty_like(E)
        state = self.state
        for c in np.nonzero((ids != zero).any(0))[0].tolist():
            np.take(state, ids[:, c], axis=0, out=buf)
            E += buf
        return E, pos

    def tag(self, sents: list[list[str]]) -> list[list[str]]:
        """BIO labels of each token list (empty lists give empty lists)."""
        keep = [i for i, s in enumerate(sents) if s]
        out: list[list[str]] = [[] for _ in sents]
        if not keep:
            return out
        E, pos = self.emissions([sents[i] for i in keep])
        lengths = np.array([len(sents[i]) for i in keep], np.int64)
        order = np.argsort(-lengths, kind="stable")
        starts = np.cumsum(lengths) - lengths
        B, T, L = len(keep), int(lengths.max()), E.shape[1]
        em = np.zeros((B, T, L), np.float64)
        ls = lengths[order]
        for b, i in enumerate(order):
            em[b, :ls[b]] = E[starts[i]:starts[i] + ls[b]]
        paths = viterbi(em, ls, self.trans)
        for b, i in enumerate(order):
            out[keep[i]] = [self.labels[j] for j in paths[b, :ls[b]]]
        return out


def viterbi(em: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start=None, end=None) -> np.ndarray:
    """Best label paths [B, T] for emissions [B, T, N] of a batch sorted by decreasing length, with
    transitions [from, to] and optional start and end scores; the first best predecessor and the
    first best final label win ties (as crfsuite and the loops this replaces)."""
    B, T, N = em.shape
    live = np.searchsorted(-lengths, -np.arange(T), side="left").tolist()  # rows longer than t
    score = em[:, 0] + start if start is not None else em[:, 0].copy()
    to_from = np.ascontiguousarray(np.swapaxes(trans, 0, 1))  # best predecessor along the last axis
    back = np.zeros((T, B, N), np.int64)
    at = np.arange(B * N).reshape(B, N) * N  # index of cand[b, to, 0] in the flattened cand
    for t in range(1, T):
        n = live[t]
        cand = score[:n, None, :] + to_from  # n, to, from
        best = cand.argmax(2)
        back[t, :n] = best
        score[:n] = cand.take(at[:n] + best) + em[:n, t]  # the best candidates themselves
    if end is not None:
        score = score + end
    cur = score.argmax(1)  # each row's best final label (its score stopped at its own length)
    path = np.zeros((T, B), np.int64)
    flat = back.reshape(T, B * N)
    rows = np.arange(B) * N
    for t in range(T - 1, 0, -1):
        n = live[t]  # a row joins the backtrace at its own last position
        path[t, :n] = cur[:n]
        cur[:n] = flat[t, rows[:n] + cur[:n]]
    path[0] = cur
    return path.T
