"""A learned event verifier (issue 5): keep or drop each event the rules propose.

The rules of :mod:`marsad.extract.events` fit the articles their authors read; 937 hand judgments
of their output on unseen news (``train/kb_gold/event_check_*.json``) and the KB gold dev
events train a small model on *generic* features of each proposed event (:func:`features`): its
type, its trigger's lexicon entry and form, which arguments are filled and how far from the
trigger, the entities, dates and figures of its evidence, modality, negation and future words
of its sentence (ontology lists and ``data/event_verifier_words.json``), headline / list item /
sentence position, the other events of its sentence and document, the rules' confidence.
No article words are features.

The model (``data/event_verifier.json``: gradient-boosted trees or a logistic regression, its
meta with version, training files, cross-validated metrics and the sha256 of its model part,
checked when it loads) gives each event a probability of being a true event of its type;
:func:`verify` drops those under the model's threshold (mode ``drop``) or only lowers their
confidence (``score``). ``MARSAD_EVENT_VERIFIER=off|drop|score`` overrides the file's mode.
Trained by ``python train/kb_gold/train_event_verifier.py``.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.extract.events_args import _trigger_index, definite, find_triggers, keys, ontology, trigger_keys
from marsad.extract.people import fold, words

DATA = Path(__file__).with_name("data")
MODEL_FILE = DATA / "event_verifier.json"
TYPES = ("MEMBERSHIP", "AGREEMENT", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH")
ROLES = ("member", "organisation", "status", "parties", "subject", "participants", "delegations",
         "participant_titles", "name", "organiser", "instrument", "adopters", "sponsors", "object",
         "launcher", "signatories_count", "supporters_count", "counterparties", "signatories", "initiative")
# ontology word lists counted in the event's sentence (before the trigger, or anywhere)
ONTO_LISTS = ("irrealis_words", "wish_words", "call_words", "cancel_words", "failure_words",
              "conditional_markers", "modal_words", "unreal_words", "sports_words", "reach_verbs",
              "signing_words", "effort_words", "anaphora", "reference_words")
INTERACT = ("core_frac", "n_part", "trig_def", "prev_share", "prev_entry", "place", "ent_PERSON", "ent_GPE",
            "ent_ORG", "date_sent", "heading", "prev_sents")
FAR = 30   # a distance in words when there is nothing to measure


class ModelError(ValueError):
    """The verifier's model file does not match its sha256."""


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = json.loads((DATA / "event_verifier_words.json").read_text(encoding="utf-8"))
    return {k: frozenset(fold(w) for w in v) for k, v in raw.items() if isinstance(v, list)}


def model_sha(body: dict) -> str:
    """sha256 of a model's body (everything but ``meta``), as canonical JSON."""
    blob = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load_model(path: Path | str = MODEL_FILE) -> dict | None:
    """The model of ``path`` (None when there is none); raises ModelError when its sha256 fails."""
    path = Path(path)
    if not path.is_file():
        return None
    m = json.loads(path.read_text(encoding="utf-8"))
    body = {k: v for k, v in m.items() if k != "meta"}
    if model_sha(body) != m.get("meta", {}).get("sha256"):
        raise ModelError(f"{path}: sha256 of the model does not match its meta")
    return m


@lru_cache(maxsize=1)
def model() -> dict | None:
    return load_model()


def mode(m: dict | None = None) -> str:
    env = os.environ.get("MARSAD_EVENT_VERIFIER")
    if env in ("off", "drop", "score"):
        return env
    m = model() if m is None else m
    return m.get("mode", "off") if m else "off"


# ------------------------------------------------------------------------------ features
def lexicon_entry(text: str, trig) -> str:
    """``TYPE|phrase`` of the ontology trigger row that the trigger words match ('' if none)."""
    ws = words(text, trig[0], trig[1])
    hit = next((h for h in find_triggers(ws)), None)
    if hit is None:
        return ""
    etype, i, j, _ = hit
    phrases = sorted({r[1] for k in trigger_keys(ws[i][2]) for r in _trigger_index().get(k, ())
                      if r[0] == etype and len(r[1]) == j - i})   # sorted: a set's order changes between runs
    if not phrases:
        return ""
    exact = [p for p in phrases if p[0] == fold(ws[i][2])]   # الانضمام: the row written so, not انضمام
    return f"{etype}|{' '.join((exact or phrases)[0])}"


def _verb_like(k: str) -> bool:
    if k.startswith("ال") or k.endswith(("ا", "ه", "ات", "ين", "ون")):
        return False
    return (len(k) == 3 or (k[0] in "يتن" and len(k) in (4, 5)) or (k[0] == "ا" and len(k) in (5, 6))
            or (len(k) == 4 and k.endswith("ت")))


def _values(v) -> list[str]:
    vs = v if isinstance(v, list) else [v]
    return [x for x in vs if isinstance(x, str) and x.strip()]


def _word_at(ws, pos: int) -> int:
    return max(0, bisect_right([w[0] for w in ws], pos) - 1)


_CORE = ("member", "organisation", "participants", "delegations", "parties", "name", "instrument",
         "initiative", "launcher", "adopters", "object")


def _core_values(ev: Span) -> set[str]:
    out = {fold(x) for r in _CORE for x in _values(ev.attrs["args"].get(r))}
    return out | {fold(x) for x in ev.attrs.get("participants") or [] if isinstance(x, str)}


def _retelling(ev: Span, n: int, events: list[Span], vals_of, entries, starts, entry) -> dict[str, float]:
    """Whether an earlier (or later) event of the document tells the same thing: same type, shared
    parties or names, the same lexicon entry, how many sentences back."""
    mine = vals_of[n]
    si = bisect_right(starts, ev.start) - 1
    prev = [k for k in range(n) if events[k].label == ev.label]
    nxt = [k for k in range(n + 1, len(events)) if events[k].label == ev.label]
    f = {"prev_share": float(any(mine & vals_of[k] for k in prev)),
         "prev_share_any": float(any(mine & vals_of[k] for k in range(n))),
         "next_share": float(any(mine & vals_of[k] for k in nxt)),
         "prev_entry": float(any(entries[k] == entry for k in prev)),
         "prev_overlap": max((len(mine & vals_of[k]) / max(len(mine), 1) for k in prev), default=0.0)}
    back = [si - (bisect_right(starts, events[k].start) - 1) for k in prev]
    f["prev_sents"] = float(min(min(back, default=10), 10))
    return f


def features(doc: Document, events: list[Span]) -> list[dict[str, float]]:
    """The feature vector of each event of ``events`` (the events stage's output for ``doc``)."""
    text = doc.text
    sents = list(doc.spans("sentences")) or [Span(0, len(text), "S", {"kind": "sentence"})]
    starts = [s.start for s in sents]
    ents = list(doc.spans("entities"))
    dates = list(doc.spans("dates")) if doc.has_layer("dates") else []
    figs = list(doc.spans("figures")) if doc.has_layer("figures") else []
    quotes = list(doc.spans("quotes")) if doc.has_layer("quotes") else []
    roles = list(doc.spans("roles")) if doc.has_layer("roles") else []
    types = ontology()["types"]
    lists = {n: frozenset(fold(w) for w in ontology().get(n, [])) for n in ONTO_LISTS}
    vw = _words()
    by_type: dict[str, int] = {}
    vals_of = [_core_values(e) for e in events]
    entries = [lexicon_entry(text, e.attrs["trigger"]) for e in events]
    out = []
    for n, ev in enumerate(events):
        a = ev.attrs
        ts, te = a["trigger"]
        si = max(0, bisect_right(starts, ts) - 1)
        s = sents[si]
        ws = words(text, s.start, s.end)
        ti = _word_at(ws, ts)
        f: dict[str, float] = {f"ty_{t}": float(ev.label == t) for t in TYPES}
        f["conf"] = float(a.get("confidence", 0.6))
        spec = types.get(ev.label, {})
        core = [r for r in spec.get("roles", []) if r not in ("date", "place", "figures", "dates")]
        args = a.get("args") or {}
        f["core_missing"] = float(sum(1 for r in core if args.get(r) in (None, [], "")))
        f["core_frac"] = 1.0 - f["core_missing"] / len(core) if core else 1.0
        vals: list[str] = []
        for r in ROLES:
            v = args.get(r)
            k = len(_values(v)) if not isinstance(v, (int, float)) or isinstance(v, bool) else 1
            f[f"arg_{r}"] = float(min(k, 3))
            if r not in ("status", "participant_titles"):
                vals += _values(v)
        f["n_args"] = float(min(len(vals), 8))
        f["n_part"] = float(min(len(a.get("participants") or []), 6))
        f["place"] = float(bool(a.get("place")))
        src = a.get("date_source")
        f["date_sent"], f["date_body"], f["date_none"] = float(src == "sentence"), float(src == "body"), float(a.get("date") is None)
        f["more_ev"] = float(min(len(a.get("more_evidence") or []), 3))
        f["same_as"], f["during"] = float(bool(a.get("same_as"))), float(bool(a.get("during")))
        tws = words(text, ts, te)
        first = tws[0][2] if tws else ""
        f["trig_words"] = float(len(tws))
        f["trig_chars"] = float(min(te - ts, 20))
        f["trig_def"] = float(definite(first))
        f["trig_verb"] = float(_verb_like(fold(first)))
        entry = entries[n]
        f["trig_exact"] = float(bool(entry) and fold(first) == fold(entry.split("|", 1)[1].split(" ")[0]))
        f["trig_entry_words"] = float(len(entry.split("|", 1)[1].split(" "))) if entry else 0.0
        f["trig_fixed"] = float(bool(args.get("status")))
        kind = s.attrs.get("kind", "sentence")
        f["heading"], f["list_item"] = float(kind == "heading"), float(kind == "list_item")
        f["item_ev"] = float((ev.start, ev.end) != (s.start, s.end) and kind != "heading")
        f["sent_idx"] = math.log1p(si)
        f["sent_first"] = float(si == 0)
        f["sent_rel"] = si / max(len(sents) - 1, 1)
        f["sent_words"] = float(min(len(ws), 80))
        f["ev_words"] = float(min(len(words(text, ev.start, ev.end)), 80))
        f["trig_idx"] = float(min(ti, FAR))
        f["trig_rel"] = ti / max(len(ws) - 1, 1)
        # entities, dates, figures, roles, quotes of the evidence
        inside = [e for e in ents if ev.start <= e.start and e.end <= ev.end]
        for lab in ("PERSON", "ORG", "GPE"):
            f[f"ent_{lab}"] = float(min(sum(e.label == lab for e in inside), 5))
        f["ent_other"] = float(min(sum(e.label not in ("PERSON", "ORG", "GPE") for e in inside), 5))
        dist = [abs(_word_at(ws, e.start) - ti) for e in inside if not (e.start < te and ts < e.end)]
        f["dist_ent"] = float(min(min(dist, default=FAR), FAR))
        f["ent_before"] = float(sum(e.end <= ts for e in inside) > 0)
        f["ent_after"] = float(sum(e.start >= te for e in inside) > 0)
        f["n_dates"] = float(min(sum(ev.start <= d.start < ev.end for d in dates), 4))
        f["n_figs"] = float(min(sum(ev.start <= x.start < ev.end for x in figs), 4))
        f["n_roles"] = float(min(sum(ev.start <= r.start < ev.end for r in roles), 4))
        f["in_quote"] = float(any(q.start <= ts < q.end for q in quotes))
        f["quote_sent"] = float(any(q.start < s.end and s.start < q.end for q in quotes))
        before = text[s.start:ts]
        f["marks_open"] = float(sum(before.count(c) for c in vw["quote_marks"]) % 2 == 1)
        f["question"] = float(any(c in text[s.start:s.end] for c in vw["question_marks"]))
        # arguments located in the evidence, in words from the trigger
        ad, found, ent_args = [], 0, 0
        ekeys = {fold(text[e.start:e.end]) for e in inside} | {fold(e.attrs.get("canonical") or "") for e in inside}
        for v in vals:
            p = text.find(v, ev.start, ev.end)
            if p < 0:
                p = text.find(v, s.start, s.end)
            if p >= 0:
                found += 1
                ad.append(abs(_word_at(ws, p) - ti) if s.start <= p < s.end else FAR)
            ent_args += fold(v) in ekeys
        f["arg_found"] = found / len(vals) if vals else 1.0
        f["arg_ent"] = ent_args / len(vals) if vals else 0.0
        f["dist_arg_min"] = float(min(min(ad, default=FAR), FAR))
        f["dist_arg_max"] = float(min(max(ad, default=FAR), FAR))
        # modality, negation, future words of the sentence
        folded = [fold(w) for _, _, w in ws]
        wk = [keys(w) for _, _, w in ws]
        for name, ks in lists.items():
            f[f"pre_{name}"] = float(any(k & ks for k in wk[max(0, ti - 8):ti]))
            f[f"any_{name}"] = float(any(k & ks for k in wk))
        f["neg_before"] = float(any(w in vw["negation"] for w in folded[max(0, ti - 4):ti]))
        f["future"] = float(any(w in vw["future"] for w in folded))
        f["future_verb"] = float(any(w.startswith(tuple(vw["future_prefixes"])) and len(w) >= 5 and _verb_like(w[1:] if w[0] != "و" else w[2:])
                                     for w in folded[max(0, ti - 3):ti + 1]))
        f["past_marker"] = float(any(w in vw["past_markers"] for w in folded))
        f["n_triggers"] = float(min(len(find_triggers(ws)), 5))
        # other events
        f["ev_sent"] = float(min(sum(1 for o in events if o is not ev and o.start < s.end and s.start < o.end), 4))
        f["ev_doc"] = float(min(len(events), 20))
        f["ev_type_doc"] = float(min(sum(o.label == ev.label for o in events), 10))
        f["ev_type_rank"] = float(min(by_type.get(ev.label, 0), 10))
        f.update(_retelling(ev, n, events, vals_of, entries, starts, entry))
        by_type[ev.label] = by_type.get(ev.label, 0) + 1
        f["doc_sents"] = math.log1p(len(sents))
        f["_entry"] = entry   # the lexicon entry: its prior comes from the model's table
        out.append(f)
    return out


# ------------------------------------------------------------------------------ model
def _walk(t: dict, f: dict[str, float]) -> float:
    while "f" in t:
        t = t["l"] if f.get(t["f"], 0.0) <= t["t"] else t["r"]
    return t["v"]


def with_prior(m: dict, f: dict) -> dict[str, float]:
    """``f`` with ``entry_prior``: the model's smoothed share of true events for the trigger's lexicon
    entry (its type's share when the entry was not seen in training)."""
    g = {k: v for k, v in f.items() if not k.startswith("_")}
    pri = m.get("priors", {})
    etype = next((t for t in TYPES if f.get(f"ty_{t}")), "")
    g["entry_prior"] = pri.get("entries", {}).get(f.get("_entry", ""), pri.get("types", {}).get(etype, pri.get("all", 0.5)))
    for name in INTERACT:   # the type's own weight for the features whose sense differs by type
        g[f"x_{name}"] = g.get(name, 0.0) if etype in ("MEETING", "CONFERENCE") else 0.0
        g[f"x2_{name}"] = g.get(name, 0.0) if etype == "CONFERENCE" else 0.0
    return g


def prob(m: dict, f: dict) -> float:
    """The model's probability that the event of features ``f`` is a true event of its type."""
    g = with_prior(m, f)
    if m["model"] == "lr":
        z = m["bias"] + sum(c * (g.get(n, 0.0) - mu) / sd for n, c, mu, sd in zip(m["features"], m["coef"], m["mean"], m["scale"]))
    else:
        z = m["base"] + sum(_walk(t, g) for t in m["trees"])
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def verify(doc: Document, events: list[Span], m: dict | None = None, how: str | None = None) -> list[Span]:
    """``events`` less those the verifier refuses (mode ``drop``); in mode ``score`` all are kept,
    the refused ones with their confidence lowered. Each kept event gets ``verifier`` (its p)."""
    m = model() if m is None else m
    how = how or mode(m)
    if not events or m is None or how == "off":
        return events
    out = []
    for ev, f in zip(events, features(doc, events)):
        p = prob(m, f)
        ev.attrs["verifier"] = round(p, 3)
        if p >= m["threshold"]:
            out.append(ev)
        elif how == "score":
            ev.attrs["confidence"] = round(min(ev.attrs.get("confidence", 0.6), 0.1 + p * 0.5), 2)
            out.append(ev)
    return out
