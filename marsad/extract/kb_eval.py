"""Knowledge-base evaluation against the gold set (``tests/fixtures/kb_gold/``, issue 5).

The gold articles are read from the shared corpora (their ``source``), checked against the
gold ``text_sha1``, ingested together with the default pipeline into a temporary SQLite store
(entities are resolved across documents there), and the store's layers are scored:

* **roles** — a system role matches a gold role when the person spans overlap and the title
  spans overlap (one-to-one, in text order). *With affiliation*: additionally the affiliations
  agree — both absent, or the same country (nationality adjectives and country names compared
  by ISO code), or the same folded name, or the system's affiliation entity is the entity the
  store gives the gold affiliation span. The system's affiliation is its organisation or its
  country (``السفير المغربي لدى الأمم المتحدة``: the UN or Morocco).
* **quotes** — detection: a system quote covers at least half of the gold span (one-to-one).
  Attribution: a detected quote whose speaker is right — both unattributed, or the system's
  speaker span overlaps a gold mention of the gold speaker's cluster (or the gold speaker
  span), or the speaker names fold to the same key, or the system speaker's entity is the one
  the store gives the gold speaker span. Attribution P/R/F1 count correct pairs over all
  system / gold quotes.
* **events** — a system event matches a gold event of the same type when its trigger overlaps
  the gold trigger or its evidence sentence contains the gold trigger (several gold events of a
  sentence may match one system event). *With arguments*: additionally, for every gold
  argument role, every gold span is covered by a system argument of that role (role synonyms:
  counterparties → parties, delegations → participants, object/name → initiative for LAUNCH)
  — an overlapping span, the same entity, or the same folded text — and a gold ``status``
  equals the system's.
* **clusters** — pairwise precision/recall/F1 over the gold PERSON/ORG/GPE mentions that the
  system also found (an overlapping stored mention), pairs taken across all documents of the
  split: a pair is gold-positive when both mentions have the same gold cluster label and
  system-positive when the store gave both the same entity id. ``coverage`` is the share of
  gold mentions found.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from marsad.config import REPO_DIR, shared_dir
from marsad.errors import UsageError

GOLD_DIR = REPO_DIR / "tests" / "fixtures" / "kb_gold"
SCORED_TYPES = ("PERSON", "ORG", "GPE")
# roles the gold annotates per event type (README conventions); system arguments in other roles
# (date, figures, dates …) are not counted by the argument-level score
GOLD_ROLES = {"AGREEMENT": ("parties", "subject", "place"), "MEMBERSHIP": ("member", "organisation"),
              "MEETING": ("participants", "place"), "CONFERENCE": ("name", "place", "organiser"),
              "ADOPTION": ("instrument", "adopters", "sponsors"), "LAUNCH": ("initiative", "launcher")}
# (type, role) pairs that the two annotators filled inconsistently on the doubly annotated
# articles (tests/fixtures/kb_gold_agreement: one left out what the other marked)
OPTIONAL_ROLES = frozenset({("AGREEMENT", "subject"), ("CONFERENCE", "organiser"), ("MEETING", "place")})
ROLE_SYNONYMS = {"counterparties": "parties", "delegations": "participants", "object": "initiative",
                 "signatories": "adopters"}


# -- loading ----------------------------------------------------------------------------
def load_gold(gold_dir: Path | None = None, split: str = "all") -> list[dict]:
    """The gold records of ``gold_dir`` (all files ``*.json``), filtered by split."""
    folder = Path(gold_dir or GOLD_DIR)
    if not folder.is_dir():
        raise UsageError(f"gold folder not found: {folder}")
    if split not in ("dev", "test", "all"):
        raise UsageError(f"unknown split {split!r} (dev, test or all)")
    out = []
    for f in sorted(folder.glob("*.json")):
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{f}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        for key in ("doc_id", "source", "text_sha1", "split"):
            if key not in g:
                raise UsageError(f"{f}: missing {key!r}")
        g["_file"] = f.name
        out.append(g)
    if not out:
        raise UsageError(f"no gold files (*.json) in {folder}")
    return out


def load_records(sources: list[str]) -> dict:
    """{source: Record} for gold sources (``path`` or ``path#record-id`` under the shared folder)."""
    from marsad.ingest.readers import _from_object, iter_records

    base = shared_dir()
    if base is None:
        raise UsageError("shared data folder not found (set MARSAD_SHARED)")
    out, wanted = {}, defaultdict(set)
    for src in sources:
        path, _, rid = src.partition("#")
        if rid:
            wanted[path].add(rid)
            continue
        full = base / path
        if not full.is_file():
            raise UsageError(f"gold source not found: {full}")
        rec = next(iter_records(full))
        if not hasattr(rec, "raw"):
            raise UsageError(f"gold source unreadable: {rec}")
        out[src] = rec
    for path, ids in wanted.items():
        full = base / path
        if not full.is_file():
            raise UsageError(f"gold source not found: {full}")
        opener = gzip.open if path.endswith(".gz") else open
        with opener(full, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not any(f'"{i}"' in line for i in ids):
                    continue
                obj = json.loads(line)
                rid = str(obj.get("id"))
                if rid in ids:
                    rec = _from_object(obj, f"{full}#{rid}")
                    out[f"{path}#{rid}"] = rec
        missing = [i for i in ids if f"{path}#{i}" not in out]
        if missing:
            raise UsageError(f"records not found in {path}: {', '.join(sorted(missing))}")
    return out


def ingest_gold(golds: list[dict], store) -> None:
    """Process every gold article with the default pipeline and save them into ``store``.

    Raises UsageError when an article's cleaned text no longer has the gold ``text_sha1``.
    """
    from marsad.ingest import process_record
    from marsad.ingest.runner import pipeline_version
    from marsad.pipeline import default

    pipeline = default()
    recs = load_records([g["source"] for g in golds])
    docs = []
    for g in golds:
        doc = process_record(recs[g["source"]], pipeline)
        sha = hashlib.sha1(doc.text.encode("utf-8")).hexdigest()
        if sha != g["text_sha1"]:
            raise UsageError(f"{g['_file']}: the cleaned text of {g['source']} changed (sha1 {sha[:12]}, "
                             f"gold {g['text_sha1'][:12]}); the gold offsets must be re-checked")
        if doc.id != g["doc_id"]:
            raise UsageError(f"{g['_file']}: {g['source']} now has id {doc.id}, gold says {g['doc_id']}")
        docs.append(doc)
    store.save_many(docs, pipeline_version(pipeline))


# -- helpers ----------------------------------------------------------------------------
def _overlap(a, b) -> int:
    if not a or not b or a[0] is None or b[0] is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _key(text: str | None) -> str:
    """Matching key of a name: ISO code for countries and nationality adjectives, else the folded name."""
    from marsad.resolve import names

    if not text:
        return ""
    t = text.strip()
    if t.startswith("لل"):
        t = "ال" + t[2:]
    if names.country_iso(t) or names.demonym_iso(t):
        return names.country_iso(t) or names.demonym_iso(t)
    from marsad.extract.people import demonyms, fold, titles_data

    country = demonyms().get(fold(t)) or titles_data().get("country_phrases", {}).get(t)
    key = (names.country_iso(country) or names.name_key(country)) if country else names.name_key(t)
    # without articles: ``الجامعة العربية`` and ``جامعة العربية`` (a span that left out لل) agree
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in key.split())


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> dict:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": n_g, "system": n_p}


class _Doc:
    """System output of one stored document, read back from the store."""

    def __init__(self, store, doc_id: str):
        c = store.conn
        self.text = c.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        self.mentions = [(s, e, eid, t) for s, e, eid, t in c.execute(
            "SELECT start, end, entity_id, type FROM mentions WHERE doc_id = ? ORDER BY start", (doc_id,))]
        self.roles = []
        for start, end, pid, person, aff, aff_id, attrs in c.execute(
                "SELECT start, end, person_id, person, affiliation, affiliation_id, attrs FROM roles "
                "WHERE doc_id = ? ORDER BY start", (doc_id,)):
            a = json.loads(attrs)
            self.roles.append({"person_span": a.get("person_span") or [start, end],
                               "title_span": a.get("title_span") or [start, end], "person": person,
                               "person_id": pid, "affiliation": aff, "affiliation_id": aff_id,
                               "country": a.get("country")})
        self.quotes = [{"span": [s, e], "speaker_id": sid, "speaker": sp,
                        "speaker_span": [ss, se] if ss is not None else None}
                       for s, e, sid, sp, ss, se in c.execute(
                           "SELECT start, end, speaker_id, speaker, speaker_start, speaker_end FROM quotes "
                           "WHERE doc_id = ? ORDER BY start", (doc_id,))]
        _, evs = store.events(doc_id=doc_id, limit=10_000)
        attrs = {eid: json.loads(a) for eid, a in c.execute("SELECT id, attrs FROM events WHERE doc_id = ?", (doc_id,))}
        self.events = [{"type": e["type"], "trigger": e["trigger"], "evidence": e["evidence"],
                        "status": (attrs.get(e["id"], {}).get("args") or {}).get("status"), "args": e["args"],
                        "id": e["id"], "more_evidence": attrs.get(e["id"], {}).get("more_evidence") or []}
                       for e in evs]

    def entity_at(self, span) -> str | None:
        """Entity id of the stored mention overlapping ``span`` most."""
        best, size = None, 0
        for s, e, eid, _t in self.mentions:
            o = _overlap((s, e), span)
            if o > size:
                best, size = eid, o
        return best


# -- scorers ----------------------------------------------------------------------------
def _aff_ok(g: dict, s: dict, doc: _Doc) -> bool:
    ga = g.get("affiliation")
    if not ga:
        return not s["affiliation"]
    if not s["affiliation"]:
        return False
    gkey = _key(doc.text[ga[0]:ga[1]])
    if gkey in (_key(s["affiliation"]), _key(s.get("country"))):
        return True
    return bool(s["affiliation_id"]) and s["affiliation_id"] == doc.entity_at(ga)


def score_roles(pairs) -> dict:
    """Roles P/R/F1 (person and title overlap), and the same with the affiliation required."""
    n_g = n_s = tp = tp_aff = 0
    errors = []
    for g, doc in pairs:
        sys = list(doc.roles)
        n_g += len(g["roles"])
        n_s += len(sys)
        used = set()
        for gr in g["roles"]:
            hit = next((k for k, s in enumerate(sys) if k not in used and _overlap(gr["person"], s["person_span"])
                        and _overlap(gr["title"], s["title_span"])), None)
            if hit is None:
                errors.append({"doc_id": g["doc_id"], "gold": _show(doc, gr["person"]) + " / " +
                               _show(doc, gr["title"]), "system": None})
                continue
            used.add(hit)
            tp += 1
            if _aff_ok(gr, sys[hit], doc):
                tp_aff += 1
            else:
                errors.append({"doc_id": g["doc_id"], "gold": "affiliation " + _show(doc, gr.get("affiliation")),
                               "system": f"affiliation {sys[hit]['affiliation']}"})
        for k, s in enumerate(sys):
            if k not in used:
                errors.append({"doc_id": g["doc_id"], "gold": None,
                               "system": _show(doc, s["person_span"]) + " / " + _show(doc, s["title_span"])})
    out = _prf(tp, n_s, tp, n_g)
    out["with_affiliation"] = _prf(tp_aff, n_s, tp_aff, n_g)
    out["errors"] = errors
    return out


def _speaker_ok(gq: dict, sq: dict, g: dict, doc: _Doc) -> bool:
    gs = gq.get("speaker")
    if not gs:
        return not sq["speaker"] and not sq["speaker_id"]
    if not sq["speaker"] and not sq["speaker_id"]:
        return False
    cluster = next((e["cluster"] for e in g["entities"] if _overlap(e["span"], gs)), None)
    spans = [gs] + [e["span"] for e in g["entities"] if cluster and e["cluster"] == cluster]
    if sq["speaker_span"] and any(_overlap(sq["speaker_span"], sp) for sp in spans):
        return True
    if sq["speaker"] and _key(sq["speaker"]) == _key(doc.text[gs[0]:gs[1]]):
        return True
    return bool(sq["speaker_id"]) and sq["speaker_id"] == doc.entity_at(gs)


def score_quotes(pairs) -> dict:
    """Quote detection P/R/F1 (≥ 50% of the gold span covered) and attribution P/R/F1."""
    n_g = n_s = tp = ok = 0
    errors = []
    for g, doc in pairs:
        sys = doc.quotes
        n_g += len(g["quotes"])
        n_s += len(sys)
        used = set()
        for gq in g["quotes"]:
            s0, e0 = gq["span"]
            cands = [(k, _overlap(gq["span"], s["span"])) for k, s in enumerate(sys) if k not in used]
            cands = [(k, o) for k, o in cands if o >= 0.5 * (e0 - s0)]
            if not cands:
                errors.append({"doc_id": g["doc_id"], "gold": _show(doc, gq["span"])[:60], "system": None})
                continue
            k = max(cands, key=lambda x: x[1])[0]
            used.add(k)
            tp += 1
            if _speaker_ok(gq, sys[k], g, doc):
                ok += 1
            else:
                errors.append({"doc_id": g["doc_id"], "gold": "speaker " + _show(doc, gq.get("speaker")),
                               "system": f"speaker {sys[k]['speaker']}"})
        for k, s in enumerate(sys):
            if k not in used:
                errors.append({"doc_id": g["doc_id"], "gold": None, "system": _show(doc, s["span"])[:60]})
    out = _prf(tp, n_s, tp, n_g)
    att = _prf(ok, n_s, ok, n_g)
    out.update({"attribution_p": att["p"], "attribution_r": att["r"], "attribution_f1": att["f1"],
                "errors": errors})
    return out


def _event_match(ge: dict, se: dict, merged: bool = False) -> bool:
    if ge["type"] != se["type"]:
        return False
    t = ge["trigger"]
    if se["trigger"] and _overlap(t, se["trigger"]):
        return True
    spans = [se["evidence"]] + (list(se.get("more_evidence") or []) if merged else [])
    return any(ev[0] <= t[0] and t[1] <= ev[1] for ev in spans)


def _by_role(se: dict) -> dict:
    by_role = defaultdict(list)
    for a in se["args"]:
        role = ROLE_SYNONYMS.get(a["role"], a["role"])
        if se["type"] == "LAUNCH" and role == "name":
            role = "initiative"
        by_role[role].append(a)
    return by_role


def _arg_covered(sp, role: str, by_role: dict, doc: _Doc) -> bool:
    gid = doc.entity_at(sp)
    gkey = _key(doc.text[sp[0]:sp[1]])
    return any(_overlap(sp, (a["start"], a["end"])) or (gid and a["entity_id"] == gid)
               or _key(a["text"]) == gkey for a in by_role.get(role, []))


def _args_ok(ge: dict, se: dict, doc: _Doc, skip: frozenset = frozenset()) -> bool:
    by_role = _by_role(se)
    for role, spans in ge["args"].items():
        if (ge["type"], role) in skip:
            continue
        if role == "status":
            if se.get("status") != spans:
                return False
            continue
        if not all(_arg_covered(sp, role, by_role, doc) for sp in spans):
            return False
    return True


def _arg_units(ge: dict, se: dict, doc: _Doc) -> tuple[int, int, int, int]:
    """Argument-level counts of one matched pair: (gold units covered, gold units, system units
    that hit a gold unit of their role, system units in roles the gold annotates for the type)."""
    by_role = _by_role(se)
    gold = [(r, sp) for r, v in ge["args"].items() if r != "status" for sp in v]
    hit_g = sum(_arg_covered(sp, r, by_role, doc) for r, sp in gold)
    roles = GOLD_ROLES.get(ge["type"], ())
    seen, sys_units = set(), []
    for r, v in by_role.items():
        for a in v:
            if r in roles and (r, a["text"]) not in seen:   # participants and delegations name one party once
                seen.add((r, a["text"]))
                sys_units.append((r, a))
    hit_s = 0
    for r, a in sys_units:
        one = {"args": [a], "type": se["type"]}
        hit_s += any(_arg_covered(sp, r, _by_role(one), doc) for sp in ge["args"].get(r, []) if r != "status")
    return hit_g, len(gold), hit_s, len(sys_units)


def _score_events(pairs, merged: bool = False, skip: frozenset = frozenset()) -> dict:
    n_g = n_s = g_hit = g_hit_args = 0
    s_hit, s_hit_args = set(), set()
    units = [0, 0, 0, 0]
    errors = []
    for g, doc in pairs:
        n_g += len(g["events"])
        n_s += len(doc.events)
        for ge in g["events"]:
            matches = [se for se in doc.events if _event_match(ge, se, merged)]
            if not matches:
                errors.append({"doc_id": g["doc_id"], "gold": f"{ge['type']} {_show(doc, ge['trigger'])}",
                               "system": None})
                continue
            g_hit += 1
            s_hit.update((g["doc_id"], se["id"]) for se in matches)
            best = max(_arg_units(ge, se, doc) for se in matches)
            units = [u + b for u, b in zip(units, best)]
            good = [se for se in matches if _args_ok(ge, se, doc, skip)]
            if good:
                g_hit_args += 1
                s_hit_args.update((g["doc_id"], se["id"]) for se in good)
            else:
                errors.append({"doc_id": g["doc_id"], "gold": f"{ge['type']} {_show(doc, ge['trigger'])} args",
                               "system": [(a["role"], a["text"]) for a in matches[0]["args"]]})
        gold_triggers = [ge for ge in g["events"]]
        for se in doc.events:
            if not any(_event_match(ge, se, merged) for ge in gold_triggers):
                errors.append({"doc_id": g["doc_id"], "gold": None,
                               "system": f"{se['type']} {_show(doc, se['trigger'])}"})
    out = _prf(len(s_hit), n_s, g_hit, n_g)
    out["with_args"] = _prf(len(s_hit_args), n_s, g_hit_args, n_g)
    out["arguments"] = _prf(units[2], units[3], units[0], units[1])
    out["errors"] = errors
    return out


def score_events(pairs) -> dict:
    """Event P/R/F1 (type and trigger or evidence sentence) and the same with all gold arguments.

    Also, as further views of the same output: ``arguments`` (argument-level P/R/F1 over matched
    events: each gold span, and each system argument in a role the gold annotates for the type),
    ``with_core_args`` (the roles that annotators filled inconsistently — ``OPTIONAL_ROLES`` —
    not required) and ``merged`` (a system event also matches a gold event in a sentence it
    merged as further evidence: ``هذا اللقاء``, a conference named again).
    """
    out = _score_events(pairs)
    core = _score_events(pairs, skip=OPTIONAL_ROLES)
    merged = _score_events(pairs, merged=True)
    out["with_core_args"] = core["with_args"]
    out["merged"] = {"type": {k: v for k, v in merged.items() if k in ("p", "r", "f1", "gold", "system")},
                     "with_args": merged["with_args"]}
    return out


def score_clusters(pairs) -> dict:
    """Pairwise cluster P/R/F1 over found gold PERSON/ORG/GPE mentions, and mention coverage."""
    found, n_gold = [], 0
    for g, doc in pairs:
        for e in g["entities"]:
            if e["type"] not in SCORED_TYPES:
                continue
            n_gold += 1
            eid = doc.entity_at(e["span"])
            if eid is not None:
                found.append((e["cluster"], eid))
    tp = n_gp = n_sp = 0
    for (c1, s1), (c2, s2) in combinations(found, 2):
        same_g, same_s = c1 == c2, s1 == s2
        n_gp += same_g
        n_sp += same_s
        tp += same_g and same_s
    out = _prf(tp, n_sp, tp, n_gp)
    out.update({"gold_pairs": n_gp, "system_pairs": n_sp, "mentions": n_gold, "found": len(found),
                "coverage": round(len(found) / n_gold, 4) if n_gold else 0.0})
    del out["gold"], out["system"]
    return out


def _show(doc: _Doc, span) -> str:
    return doc.text[span[0]:span[1]] if span and span[0] is not None else "-"


# -- entry point ------------------------------------------------------------------------
def score(pairs: list[tuple[dict, object]], split: str = "all", *, errors: bool = False,
          annotator: str | None = None) -> dict:
    """Scores of (gold record, system document) pairs of one split (and one annotator's files)."""
    chosen = [p for p in pairs if (split == "all" or p[0]["split"] == split)
              and (annotator is None or p[0].get("annotator") == annotator)]
    if not chosen:
        raise UsageError(f"no gold articles in split {split!r}" + (f" by annotator {annotator!r}" if annotator else ""))
    res = {"split": split, "articles": len(chosen), "roles": score_roles(chosen), "quotes": score_quotes(chosen),
           "events": score_events(chosen), "clusters": score_clusters(chosen)}
    if not errors:
        for k in ("roles", "quotes", "events"):
            res[k].pop("errors", None)
    return res


def system_pairs(gold_dir: Path | None = None) -> list[tuple[dict, "_Doc"]]:
    """Every gold record with the system's output for its article, all ingested together."""
    from marsad.store.sqlite import SQLiteStore

    golds = load_gold(gold_dir, "all")
    with tempfile.TemporaryDirectory(prefix="marsad-kbeval-") as tmp:
        store = SQLiteStore(str(Path(tmp) / "kb.db"))
        try:
            ingest_gold(golds, store)
            return [(g, _Doc(store, g["doc_id"])) for g in golds]
        finally:
            store.close()


def evaluate(gold_dir: Path | None = None, split: str = "all", *, errors: bool = False,
             annotator: str | None = None) -> dict:
    """Scores of the knowledge base on the gold set: roles, quotes, events, clusters.

    All gold articles are ingested together (resolution is across documents); scores are then
    computed on the articles of ``split`` (dev, test or all).
    """
    if split not in ("dev", "test", "all"):
        raise UsageError(f"unknown split {split!r} (dev, test or all)")
    return score(system_pairs(gold_dir), split, errors=errors, annotator=annotator)
