"""Contextual word features for the neural tagger: a bidirectional LSTM language model pretrained on
our news (``train/ner/train_lm.py``), run with NumPy.

The LM reads the tagger's word keys (its input layer is the tagger's own frozen word-vector table,
plus rows of its own for unknown words and punctuation, ``extra``): the forward LSTM was trained to
predict the next key, the backward one the previous key. A token's feature is the forward state at
it and the backward state at it, concatenated, projected by the tagger's ``lm_proj`` (trained with
the tagger). Weights live in the tagger's ``.npz`` file under ``w:lm.*``; files without them load as
before.
"""
from __future__ import annotations

import numpy as np



def pack_lstm(W: dict[str, np.ndarray], prefix: str) -> tuple:
    """(input weights [D, 8H], bias [8H], recurrent weights [2, H, 4H], H) of a bidirectional LSTM
    saved as torch names them (``{prefix}.w_ih``, ``…_reverse``), both directions' gates reordered
    i, f, o, g with i, f and o halved (the layout of ``ner_neural.bilstm``)."""
    H = W[f"{prefix}.w_hh"].shape[1]
    perm = np.r_[0:2 * H, 3 * H:4 * H, 2 * H:3 * H]  # torch's i, f, g, o → i, f, o, g
    scale = np.full(4 * H, 0.5, np.float32)
    scale[3 * H:] = 1.0
    ws, bs, us = [], [], []
    for d in ("", "_reverse"):
        ws.append(W[f"{prefix}.w_ih{d}"][perm].T * scale)
        us.append(W[f"{prefix}.w_hh{d}"][perm].T * scale)
        bs.append((W[f"{prefix}.b_ih{d}"] + W[f"{prefix}.b_hh{d}"])[perm] * scale)
    return (np.ascontiguousarray(np.concatenate(ws, axis=1)).astype(np.float32),
            np.concatenate(bs).astype(np.float32), np.ascontiguousarray(np.stack(us)).astype(np.float32), H)


class NewsLM:
    """The frozen LM and the tagger's projection of its states. ``words``: the tagger's word table
    (LM ids below ``len(words)`` are its rows; ids from there on are rows of ``W["lm.extra"]``)."""

    def __init__(self, W: dict[str, np.ndarray], words: np.ndarray):
        self.table = np.concatenate([words, W["lm.extra"]]).astype(np.float32)
        self.w_ih, self.b, self.U, self.H = pack_lstm(W, "lm")
        self.proj_w = np.ascontiguousarray(W["lm_proj.w"].T.astype(np.float32))  # [2H, P]
        self.proj_b = W["lm_proj.b"].astype(np.float32)

    def states(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Forward and backward LM states [B, T, 2H] of a batch of LM ids [B, T] sorted by decreasing
        length (padding: any id)."""
        from marsad.extract.ner_neural import bilstm

        uniq, inv = np.unique(ids, return_inverse=True)
        proj = self.table[uniq] @ self.w_ih + self.b  # each distinct id once
        return bilstm(proj, inv.reshape(ids.shape), lengths, self.U)

    def features(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The tagger's LM input [B, T, P]: projected states."""
        return self.states(ids, lengths) @ self.proj_w + self.proj_b
