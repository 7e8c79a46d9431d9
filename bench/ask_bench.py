"""Question answering: calibration on the gold set's dev split, and latency over the whole ANT corpus.

    python bench/ask_bench.py calibrate [--db POOL.db] [--write] [--gold FILE] [--max-wrong-una 0.05] [--margin 0.1]
    python bench/ask_bench.py curve [--db POOL.db] [--gold FILE]   # dev curve of the shipped parameters
    python bench/ask_bench.py latency --db /tmp/ant.db   # ask p50/p95 over ANT (one thread, one core)
    python bench/ask_bench.py verifier [--db POOL.db] [--features SET|sweep] [--mode filter|alone] [--last-id N] [--write]

``verifier`` collects, for every dev question, the chain of answers ``answer.settle`` tries
(:func:`marsad.qa.verifier.chain`) with their features and whether each is right and cited
(cached in ``--cache``; ``--recollect`` after a code or pool change), prints the rules alone and
the cross-validated curves (5 folds of whole articles, 3 seeds) of rules + verifier and verifier
alone for each feature set, and with ``--write`` trains the gradient-boosted trees on all of
it and writes ``marsad/qa/data/verifier.json`` with the threshold of most right answers minus
``--una-cost`` (10) × unanswerable questions answered, cross-validated.

``calibrate`` collects every dev question's candidates once, grid-searches the ranking weights
of ``marsad/qa/data/answering.json`` for the share of dev questions whose top answer is correct
and cited, fits the confidence (logistic regression on the top answer's features: correct vs
wrong or unanswerable) and picks, under the decision marsad ships (``answer.settle``: the
evidence checks of ``marsad/qa/verify.py``, the fallback to the next candidates and the bar for
flagged answers), the threshold of most dev right answers that keeps dev unanswerable questions
answered ≤ 5% (``--max-wrong-una``), plus a safety margin of 0.1 (``--margin``); it prints that
trade-off curve (dev right answers / unanswerable ones answered, by threshold) and the new
parameters. ``curve`` prints the same curve for the shipped parameters as they are. ``--gold`` reads another gold file (its dev split). The held-out test
split is never read.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUESTIONS = ["متى انضم المغرب إلى الشراكة العالمية للذكاء الاصطناعي؟", "من هو وزير الخارجية الأمريكي؟",
             "كم عدد الدول التي شاركت في القمة؟", "أين عقدت القمة العربية؟", "من هو رئيس الوزراء البريطاني؟",
             "ما هي الدول التي وقعت على الاتفاق النووي مع إيران؟", "متى أطلقت شركة أبل هاتف آيفون الجديد؟",
             "كم بلغ سعر برميل النفط؟", "هل انسحبت الولايات المتحدة من الاتفاق النووي؟", "من فاز بكأس العالم 2018؟"]


SIGNS = np.array([1, 1, 1, 1, -1, 1])  # score, entities present, coverage, margin, type fit: up; rarest missing term: down


def _fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = 0.05, steps: int = 4000, lr: float = 0.3):
    """L2-regularised logistic regression by projected gradient descent, each coefficient kept to
    the sign in SIGNS (features standardised inside)."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = p - y
        w -= lr * (Z.T @ g / len(y) + l2 * w)
        w = np.where(w * SIGNS < 0, 0.0, w)
        b -= lr * g.mean()
    coef = w / sd
    return (b - float((w * mu / sd).sum())), coef


def calibrate(db: str | None, write: bool = False, gold: str | None = None, max_wrong_una: float = 0.05,
              margin: float = 0.1) -> dict:
    from marsad.qa import answer as A
    from marsad.qa.evaluate import build_pool, load_gold, score_one
    from marsad.qa.verify import verify
    from marsad.store import open_store

    items = [i for i in load_gold(gold) if i["split"] == "dev"]
    db = db or build_pool()
    base = dict(A.settings())
    with open_store(db) as store:
        texts = _gold_texts(store, items)
        collected = [A.collect(store, it["question"], base) for it in items]
    grid = {"w_cov": [0.2, 0.35, 0.5], "w_win": [0.2, 0.35, 0.5], "w_ent": [0.25, 0.5], "w_arg": [0.3, 0.6],
            "ent_power": [0.5, 1.0, 2.0], "rank_floor": [0.3, 0.6]}
    best = None
    for values in itertools.product(*grid.values()):
        w = {**base, **dict(zip(grid, values))}
        rows = [score_one(it, A.decide(q, [*cs], w, threshold=0.0), texts) for it, (q, cs) in zip(items, collected)]
        ok = sum(bool(r["correct"] and r["cited"]) for r in rows if r["answerable"])
        if best is None or ok > best[0]:
            best = (ok, w)
    w = best[1]
    print(f"ranking: {best[0]} of {sum(i['answerable'] for i in items)} dev answerable questions right at rank 1",
          {k: w[k] for k in grid}, file=sys.stderr)
    X, y, una, kept = [], [], [], []
    with open_store(db) as store:  # fresh candidates: the grid above rescored them in place
        collected = [A.collect(store, it["question"], w) for it in items]
        for it, (q, cs) in zip(items, collected):
            res = A.decide(q, cs, w, threshold=0.0)
            if "features" not in res:
                continue
            r = score_one(it, res, texts)
            X.append(res["features"]); y.append(1.0 if (r["answerable"] and r["correct"] and r["cited"]) else 0.0)
            una.append(not it["answerable"])
            kept.append(not verify(store, q, res).get("refused"))  # refused by the evidence check: never answered
    X, y = np.array(X), np.array(y)
    bias, coef = _fit_logistic(X, y)
    w = {**w, "conf_bias": round(float(bias), 4), "conf_coef": [round(float(c), 4) for c in coef]}
    conf = np.array([A._confidence(list(x), w) if k else -1.0 for x, k in zip(X, kept)])
    print("confidence on dev unanswerable questions:", sorted(round(float(c), 3) for c, u in zip(conf, una) if u),
          file=sys.stderr)
    with open_store(db) as store:
        w["threshold"] = _choose(store, items, texts, w, max_wrong_una, margin)
    out = {k: w[k] for k in base}
    print(json.dumps(out, ensure_ascii=False))
    if write:
        path = Path(A.__file__).with_name("data") / "answering.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["params"] = out
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"written to {path}", file=sys.stderr)
    return out


def settled_curve(store, items: list[dict], texts: dict, w: dict, thresholds) -> list[tuple]:
    """(threshold, answerable right with a right citation, answerable, unanswerable answered,
    unanswerable) of the shipped decision at each threshold: :func:`marsad.qa.answer.settle` —
    verification, the fallback to the next candidates (``fallback_depth``) and the bar for flagged
    answers (``flagged_threshold``) — on candidates collected once per question."""
    from marsad.qa import answer as A
    from marsad.qa.evaluate import score_one

    collected = [A.collect(store, it["question"], w) for it in items]
    out = []
    for t in thresholds:
        rows = [score_one(it, A.settle(store, q, cs, threshold=float(t), w=w), texts)
                for it, (q, cs) in zip(items, collected)]
        ans = [r for r in rows if r["answerable"]]
        una = [r for r in rows if not r["answerable"]]
        out.append((round(float(t), 2), sum(bool(r["correct"] and r["cited"]) for r in ans), len(ans),
                    sum(r["answer"] is not None for r in una), len(una)))
    return out


def _choose(store, items, texts, w, max_wrong_una: float, margin: float) -> float:
    """The threshold to ship: the one of best dev correct+cited whose share of unanswerable
    questions answered, under the shipped decision (:func:`settled_curve`), is ≤ ``max_wrong_una``,
    plus ``margin``; the curve is printed."""
    curve = settled_curve(store, items, texts, w, np.arange(0.30, 0.96, 0.05))
    print("shipped decision (verification, fallback depth %s, flagged bar %s) — threshold: dev right / "
          "unanswerable answered:" % (w.get("fallback_depth"), w.get("flagged_threshold")),
          ", ".join(f"{t:.2f}: {r}/{n} = {r / max(n, 1):.3f} / {u} of {nu}" for t, r, n, u, nu in curve), file=sys.stderr)
    choice = None
    for t, r, n, u, nu in curve:
        if u / max(nu, 1) <= max_wrong_una + 1e-9 and (choice is None or r > choice[1]):
            choice = (t, r, n, u, nu)
    # a safety margin above the dev choice: the dev unanswerable questions are few
    thr = round(min(0.95, (choice[0] if choice else 0.5) + margin), 2)
    print(f"dev choice {choice[0]} (correct+cited {choice[1]}/{choice[2]}, unanswerable answered {choice[3]}/{choice[4]}); "
          f"shipped threshold {thr}" if choice else "no threshold meets the unanswerable target", file=sys.stderr)
    return thr


def curve(db: str | None, gold: str | None = None) -> list[tuple]:
    """The dev curve of the shipped parameters (``data/answering.json``) as they are."""
    from marsad.qa import answer as A
    from marsad.qa.evaluate import build_pool, load_gold
    from marsad.store import open_store

    items = [i for i in load_gold(gold) if i["split"] == "dev"]
    db = db or build_pool()
    with open_store(db) as store:
        texts = _gold_texts(store, items)
        w = dict(A.settings())
        rows = settled_curve(store, items, texts, w, np.arange(0.40, 0.81, 0.02))
    for t, r, n, u, nu in rows:
        print(f"{t:.2f}\t{r}/{n} = {r / max(n, 1):.3f}\t{u}/{nu} = {u / max(nu, 1):.3f}")
    return rows


def _gold_texts(store, items: list[dict]) -> dict:
    from marsad.qa.evaluate import sha1

    texts = {}
    for it in items:
        for g in it["answers"]:
            t = store.conn.execute("SELECT text FROM documents WHERE id = ?", (g["doc_id"],)).fetchone()[0]
            assert sha1(t[g["start"]:g["end"]]) == g["sha1"]
            texts[(g["doc_id"], g["start"], g["end"])] = t[g["start"]:g["end"]]
    return texts


def latency(db: str, n: int, seed: int) -> dict:
    from marsad.qa.answer import ask
    from marsad.store import open_store

    with open_store(db) as store:
        ndocs = store.count()
        titles = [r[0] for r in store.conn.execute("SELECT title FROM documents WHERE title IS NOT NULL ORDER BY id")]
        rnd = random.Random(seed)
        qs = list(QUESTIONS)
        for t in rnd.sample(titles, min(n, len(titles))):
            words = t.split()
            qs.append(rnd.choice(["من ", "متى ", "أين ", "كم "]) + " ".join(words[:rnd.randint(2, 5)]) + "؟")
        for q in qs[:10]:
            ask(store, q)  # warm-up (loads the NER model once)
        times, cpu = [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.process_time()
            ask(store, q)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    res = {"documents": ndocs, "questions": len(times), "p50_ms": round(statistics.median(times), 1),
           "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
           "cpu_p50_ms": round(statistics.median(cpu), 1), "cpu_p95_ms": round(cpu[int(0.95 * (len(cpu) - 1))], 1)}
    print(json.dumps(res, indent=1))
    return res


# -- the learned verifier ------------------------------------------------------------------
def _groups(store, items: list[dict]) -> list[str]:
    """The article of each question, for cross-validation grouped by article: the document of its
    first gold answer; an unanswerable question takes, among the articles of the answerable
    questions written near it (±15 ids), the one sharing the most of its words."""
    from marsad.qa.evaluate import tokens

    num = {it["id"]: int(it["id"][1:]) for it in items}
    arts = {it["id"]: it["answers"][0]["doc_id"] for it in items if it["answerable"]}
    words: dict = {}

    def doc_words(d):
        if d not in words:
            t = store.conn.execute("SELECT title || ' ' || text FROM documents WHERE id = ?", (d,)).fetchone()[0]
            words[d] = set(tokens(t))
        return words[d]
    out = []
    for it in items:
        if it["id"] in arts:
            out.append(arts[it["id"]])
            continue
        near = {arts[j] for j in arts if abs(num[j] - num[it["id"]]) <= 15}
        qw = set(tokens(it["question"]))
        out.append(max(sorted(near), key=lambda d: len(qw & doc_words(d))) if near else it["id"])
    return out


def verifier_rows(db: str | None, gold: str | None = None, split: str = "dev", ids: set | None = None) -> list[dict]:
    """Per question of ``split``: the rules' answer (``answer.settle``) scored, and its chain of
    answers (:func:`marsad.qa.verifier.chain`), each with its features, whether the rules accept
    it, and whether it is right and cited."""
    from marsad.qa import answer as A
    from marsad.qa import verifier as V
    from marsad.qa.evaluate import build_pool, load_gold, score_one
    from marsad.store import open_store

    import os

    items = [i for i in load_gold(gold) if i["split"] == split and (ids is None or i["id"] in ids)]
    db = db or build_pool()
    w = dict(A.settings())
    out = []
    os.environ["MARSAD_QA_VERIFIER"] = "off"  # the rules alone: answer.settle without the learned verifier
    with open_store(db) as store:
        texts = _gold_texts(store, items)
        groups = _groups(store, items)
        for n, (it, g) in enumerate(zip(items, groups)):
            q, cands = A.collect(store, it["question"], w)
            rules = score_one(it, A.settle(store, q, cands, w=w), texts)
            docs: dict = {}
            ch = []
            for k, res in enumerate(V.chain(store, q, cands, w, 3)):
                r = score_one(it, res, texts)
                ch.append({"f": V.features(store, q, res, cands, k, docs), "conf": res.get("confidence", 0.0),
                           "rules_ok": V.rules_accept(res, k, w["threshold"], w), "kb": bool(res.get("_kb")),
                           "good": bool(r["answerable"] and r["correct"] and r["cited"]),
                           "answer": res.get("answer"), "why": res.get("refused") or res.get("unverified")})
            out.append({"id": it["id"], "group": g, "answerable": it["answerable"], "type": it["type"],
                        "rules_good": bool(rules["answerable"] and rules["correct"] and rules["cited"]),
                        "rules_answered": rules["answer"] is not None, "chain": ch})
            if n % 50 == 0:
                print(f"{n}/{len(items)}", file=sys.stderr)
    return out


def _matrix(rows: list[dict], names: list[str]):
    X, y, qi, k = [], [], [], []
    for i, r in enumerate(rows):
        for j, c in enumerate(r["chain"]):
            X.append([c["f"].get(n, 0.0) for n in names]); y.append(float(c["good"])); qi.append(i); k.append(j)
    return np.array(X, dtype=float), np.array(y), np.array(qi), np.array(k)


def fit_lr(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, lr: float = 0.5, weight_pos: float = 1.0,
           sw: np.ndarray | None = None):
    """L2-regularised logistic regression (features standardised), by gradient descent; examples
    weighted by ``sw`` when given, else positives by ``weight_pos``."""
    mu, sd = X.mean(0), X.std(0)
    sd = np.where(sd < 1e-9, 1.0, sd)
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    sw = np.where(y > 0, weight_pos, 1.0) if sw is None else sw
    sw = sw / sw.mean()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = (p - y) * sw
        w -= lr * (Z.T @ g / len(y) + l2 * w / len(y))
        b -= lr * g.mean()
    return {"mean": mu, "scale": sd, "coef": w, "bias": b}


# a small gradient-boosted tree ensemble (logistic loss), NumPy only; exported as JSON trees
def _best_split(X, g, h, idx, lam, min_leaf, cand):
    G, H = g[idx].sum(), h[idx].sum()
    base = G * G / (H + lam)
    best = (0.0, None, None)
    for j in range(X.shape[1]):
        xs = X[idx, j]
        for thr in cand[j]:
            left = xs <= thr
            nl = int(left.sum())
            if nl < min_leaf or len(idx) - nl < min_leaf:
                continue
            GL, HL = g[idx][left].sum(), h[idx][left].sum()
            gain = GL * GL / (HL + lam) + (G - GL) ** 2 / (H - HL + lam) - base
            if gain > best[0]:
                best = (gain, j, thr)
    return best


def _tree(X, g, h, idx, depth, lam, min_leaf, cand, eta):
    node = {"v": float(-eta * g[idx].sum() / (h[idx].sum() + lam))}  # every node's value: contributions
    if depth > 0:
        gain, j, thr = _best_split(X, g, h, idx, lam, min_leaf, cand)
        if j is not None and gain > 1e-6:
            node.update(f=int(j), t=float(thr),
                        l=_tree(X, g, h, idx[X[idx, j] <= thr], depth - 1, lam, min_leaf, cand, eta),
                        r=_tree(X, g, h, idx[X[idx, j] > thr], depth - 1, lam, min_leaf, cand, eta))
    return node


def _pred_tree(t, X):
    if "f" not in t:
        return np.full(len(X), t["v"])
    m = X[:, t["f"]] <= t["t"]
    out = np.empty(len(X))
    out[m] = _pred_tree(t["l"], X[m])
    out[~m] = _pred_tree(t["r"], X[~m])
    return out


def fit_gbt(X: np.ndarray, y: np.ndarray, rounds: int = 60, depth: int = 2, eta: float = 0.15, lam: float = 5.0,
            min_leaf: int = 8) -> dict:
    """Gradient boosting of depth-``depth`` trees on the logistic loss (Newton leaves, L2 ``lam``,
    at least ``min_leaf`` rows a leaf; split points: a feature's values, or 12 quantiles)."""
    cand = []
    for j in range(X.shape[1]):
        u = np.unique(X[:, j])
        if len(u) > 12:
            u = np.unique(np.quantile(X[:, j], np.linspace(0.05, 0.95, 12)))
        cand.append(u[:-1] if len(u) > 1 else [])
    p0 = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    base = float(np.log(p0 / (1 - p0)))
    F = np.full(len(y), base)
    trees, idx = [], np.arange(len(y))
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-F))
        t = _tree(X, p - y, p * (1 - p), idx, depth, lam, min_leaf, cand, eta)
        trees.append(t)
        F += _pred_tree(t, X)
    return {"base": base, "trees": trees}


def predict_gbt(m: dict, X: np.ndarray) -> np.ndarray:
    F = np.full(len(X), m["base"])
    for t in m["trees"]:
        F += _pred_tree(t, X)
    return 1 / (1 + np.exp(-F))


def _named(t: dict, names: list[str]) -> dict:
    """A tree with feature names instead of column numbers, values rounded (the JSON model)."""
    out = {"v": round(t["v"], 6)}
    if "f" in t:
        out.update(f=names[t["f"]], t=round(t["t"], 6), l=_named(t["l"], names), r=_named(t["r"], names))
    return out


def _predict(m: dict, X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(((X - m["mean"]) / m["scale"]) @ m["coef"] + m["bias"])))


def _decide_rows(rows: list[dict], probs: list[list[float]], t: float, mode: str, conf_t: float) -> tuple[int, int]:
    """(answerable right and cited, unanswerable answered) of the chain decision at threshold ``t``."""
    good = una = 0
    for r, ps in zip(rows, probs):
        pick = None
        for k, (c, p) in enumerate(zip(r["chain"], ps)):
            if c.get("kb"):  # a list from the knowledge base's events: the rules decide (verifier.settle_chain)
                pick = c if c["rules_ok"] else None
                break
            if mode == "filter" and not c["rules_ok"]:
                if c["conf"] < conf_t:
                    break
                continue
            if p >= t:
                pick = c
                break
        if pick is None:
            continue
        if r["answerable"]:
            good += pick["good"]
        else:
            una += 1
    return good, una


def _folds(rows: list[dict], n: int, seed: int) -> list[int]:
    gs = sorted({r["group"] for r in rows})
    rnd = random.Random(seed)
    rnd.shuffle(gs)
    fold = {g: i % n for i, g in enumerate(gs)}
    return [fold[r["group"]] for r in rows]


def cv_probs(rows: list[dict], names: list[str], n: int = 5, seeds=(1, 2, 3), kind: str = "gbt", **kw) -> list[list[list[float]]]:
    """Out-of-fold probabilities of every chain answer (``n`` folds of whole articles), one set per seed."""
    X, y, qi, k = _matrix(rows, names)
    out = []
    for seed in seeds:
        fold_of_q = np.array(_folds(rows, n, seed))
        p = np.zeros(len(y))
        for f in range(n):
            te = fold_of_q[qi] == f
            if kind == "gbt":
                p[te] = predict_gbt(fit_gbt(X[~te], y[~te], **kw), X[te])
            else:
                p[te] = _predict(fit_lr(X[~te], y[~te], **kw), X[te])
        per = [[] for _ in rows]
        for v, i in zip(p, qi):
            per[i].append(float(v))
        out.append(per)
    return out


def feature_names(rows: list[dict], which: str) -> list[str]:
    """Named feature sets: the confidence and its parts, + the checks' verdicts, + the question type, all, …"""
    allf = sorted({n for r in rows for c in r["chain"] for n in c["f"]} - {"bias_one"})
    base = ["conf", "c_score", "c_ent", "c_cov", "c_margin", "c_miss", "c_fit", "rank_k", "first"]
    checks = [n for n in allf if n.startswith("chk_") or n in ("n_refuse_fail", "n_flag_fail")]
    qtype = [n for n in allf if n.startswith("q_")]
    parts = [n for n in allf if n.startswith("f_") or n in ("kb_arg", "n_docs")]
    words = ["w_sent", "w_win", "w_title", "e_sent", "p_none", "p_sent", "p_doc", "dist", "ans_words", "n_qents"]
    sets = {"confidence": base, "conf+checks": base + checks, "conf+checks+qtype": base + checks + qtype,
            "conf+checks+qtype+words": base + checks + qtype + words,
            "all": allf, "no_checks": [n for n in allf if n not in checks],
            "all-parts": [n for n in allf if n not in parts], "all-words": [n for n in allf if n not in words]}
    return list(dict.fromkeys(sets[which]))


THRESHOLDS = [round(x, 2) for x in np.arange(0.20, 0.91, 0.05)]


def _cv_curve(rows, per_seed, mode, conf_t) -> list[tuple[float, float, float]]:
    out = []
    for t in THRESHOLDS:
        gs, us = zip(*(_decide_rows(rows, p, t, mode, conf_t) for p in per_seed))
        out.append((t, float(np.mean(gs)), float(np.mean(us))))
    return out


def _pick(curve, una_cost: float) -> tuple[float, float, float]:
    """The threshold of most right answers minus ``una_cost`` × unanswerable questions answered
    (ties: the higher threshold)."""
    return max(curve, key=lambda c: (c[1] - una_cost * c[2], c[0]))


def verifier_cmd(db: str | None, gold: str | None, cache: str, write: bool, feats: str, una_cost: float,
                 recollect: bool, last_id: int = 10 ** 6, kind: str = "gbt", mode: str = "filter") -> None:
    """Cross-validated curves of the verifier (rules alone, rules + verifier, verifier alone) on the
    dev split, and with ``write`` the model trained on all of it, at the cross-validated threshold."""
    import hashlib
    import pickle

    path = Path(cache)
    if path.is_file() and not recollect:
        rows = pickle.loads(path.read_bytes())
    else:
        rows = verifier_rows(db, gold)
        path.write_bytes(pickle.dumps(rows))
    rows = [r for r in rows if int(r["id"][1:]) <= last_id]  # later dev questions: a fresh sample, not trained on
    na = sum(r["answerable"] for r in rows)
    nu = len(rows) - na
    conf_t = _settings()["threshold"]
    rg = sum(r["rules_good"] for r in rows if r["answerable"])
    ru = sum(r["rules_answered"] for r in rows if not r["answerable"])
    print(f"dev: {len(rows)} questions ({na} answerable, {nu} unanswerable), {len({r['group'] for r in rows})} articles; "
          f"rules alone (answer.settle, in-sample: the checks were written from these questions): "
          f"{rg}/{na} = {rg / na:.3f} right+cited, {ru}/{nu} answered")
    g, u = _decide_rows(rows, [[1.0] * len(r["chain"]) for r in rows], 0.5, "filter", conf_t)
    print(f"rules alone replayed on the chains (check): {g}/{na}, {u}/{nu}")
    results = {}
    sets = feats.split(",") if feats != "sweep" else ["confidence", "conf+checks", "conf+checks+qtype",
                                                      "conf+checks+qtype+words", "no_checks", "all"]
    for which in sets:
        names = feature_names(rows, which)
        per_seed = cv_probs(rows, names, kind=kind)
        for m in ("filter", "alone"):
            curve = _cv_curve(rows, per_seed, m, conf_t)
            best = _pick(curve, una_cost)
            results[(which, m)] = best
            print(f"[{kind}, {which} ({len(names)} features), {'rules + verifier' if m == 'filter' else 'verifier alone'}] "
                  f"5 folds by article x 3 seeds, threshold right/{na} unanswerable answered/{nu}:\n  "
                  + ", ".join(f"{t:.2f} {gm:.1f}/{um:.1f}" for t, gm, um in curve)
                  + f"\n  chosen (right - {una_cost:g} x answered unanswerable): t={best[0]:.2f} "
                    f"{best[1]:.1f}/{na} = {best[1] / na:.3f}, {best[2]:.1f}/{nu} = {best[2] / nu:.3f}")
    if write:
        which = sets[0]
        names = feature_names(rows, which)
        best = results[(which, mode)]
        X, y, qi, _ = _matrix(rows, names)
        m = fit_gbt(X, y)
        per = [[] for _ in rows]
        for v, i in zip(predict_gbt(m, X), qi):
            per[i].append(float(v))
        tg, tu = _decide_rows(rows, per, best[0], mode, conf_t)
        gold_path = Path(gold) if gold else Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "qa_gold.jsonl"
        out = {"source": "trained by us on the dev split of tests/fixtures/qa_gold.jsonl "
                         f"(questions up to q{last_id if last_id < 10 ** 6 else 'last'}): python bench/ask_bench.py verifier --write; "
                         "see marsad/qa/verifier.py and docs/benchmarks.md",
               "version": 1, "model": "gbt", "mode": mode, "depth": 3, "threshold": best[0],
               "thresholds": {mo: results[(which, mo)][0] for mo in ("filter", "alone")}, "features": names,
               "params": {"rounds": 60, "depth": 2, "eta": 0.15, "lam": 5.0, "min_leaf": 8, "una_cost": una_cost},
               "data": {"gold": gold_path.name, "gold_sha256": hashlib.sha256(gold_path.read_bytes()).hexdigest(),
                        "questions": len(rows), "answerable": na, "unanswerable": nu, "chain_answers": len(y)},
               "metrics": {"rules_alone_in_sample": [rg, ru],
                           "cv": {mo: [round(results[(which, mo)][1], 1), round(results[(which, mo)][2], 1)] for mo in ("filter", "alone")},
                           "cv_right_cited": round(best[1], 1), "cv_unanswerable_answered": round(best[2], 1),
                           "training_fit": [tg, tu]},
               "base": round(m["base"], 6), "trees": [_named(t, names) for t in m["trees"]]}
        p = Path(__file__).resolve().parents[1] / "marsad" / "qa" / "data" / "verifier.json"
        p.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {p}: {which}, {mode}, threshold {best[0]}, training fit {tg}/{na}, {tu}/{nu}", file=sys.stderr)


def _settings() -> dict:
    from marsad.qa import answer as A
    return dict(A.settings())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["calibrate", "curve", "latency", "verifier"])
    ap.add_argument("--cache", default="/tmp/marsad_verifier_rows.pkl", help="verifier: the collected dev rows (reused unless --recollect)")
    ap.add_argument("--recollect", action="store_true")
    ap.add_argument("--features", default="all", help="verifier: feature set (confidence, conf+checks, all, ...; 'sweep': each)")
    ap.add_argument("--una-cost", type=float, default=10.0, help="verifier: right answers one answered unanswerable question costs, for the threshold")
    ap.add_argument("--model", default="gbt", choices=["gbt", "lr"])
    ap.add_argument("--mode", default="filter", choices=["filter", "alone"], help="verifier: the decision written (rules + verifier, or verifier alone)")
    ap.add_argument("--last-id", type=int, default=10 ** 6, help="verifier: train on dev questions up to this number only")
    ap.add_argument("--db", default=None)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--write", action="store_true", help="calibrate: write the parameters to marsad/qa/data/answering.json")
    ap.add_argument("--gold", default=None, help="calibrate: gold file (default tests/fixtures/qa_gold.jsonl; its dev split)")
    ap.add_argument("--max-wrong-una", type=float, default=0.05, help="calibrate: most dev unanswerable questions answered (share)")
    ap.add_argument("--margin", type=float, default=0.1, help="calibrate: added to the chosen threshold")
    a = ap.parse_args()
    if a.what == "calibrate":
        calibrate(a.db, a.write, a.gold, a.max_wrong_una, a.margin)
    elif a.what == "verifier":
        verifier_cmd(a.db, a.gold, a.cache, a.write, a.features, a.una_cost, a.recollect, a.last_id, a.model, a.mode)
    elif a.what == "curve":
        curve(a.db, a.gold)
    else:
        latency(a.db or "/tmp/ant.db", a.questions, a.seed)


if __name__ == "__main__":
    main()
