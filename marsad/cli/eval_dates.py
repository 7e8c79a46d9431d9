"""``marsad eval dates|figures``: precision, recall and value accuracy on the gold sets.

The gold files (``tests/fixtures/dates_gold.jsonl``, ``figures_gold.jsonl``) hold ids and
offsets only; the article texts are read from the shared corpora (``../shared``). A gold
expression is *found* when a prediction overlaps it inside the same sentence; its value is
*correct* when the found prediction's value equals the gold value (figures: value and
qualifier). ``eval dates`` also scores dateparser alone (``search_dates``, languages=['ar'])
on the same sentences.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from marsad.config import REPO_DIR, shared_path
from marsad.errors import UsageError

FIXTURES = REPO_DIR / "tests" / "fixtures"


def _sha(s: str) -> str:
    return hashlib.sha1(s.encode()).hexdigest()[:10]


def load_gold(path: Path) -> list[dict]:
    """The gold items of a JSONL file."""
    if not path.is_file():
        raise UsageError(f"gold file not found: {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_texts(items: list[dict]) -> dict[tuple[str, str], dict]:
    """{(corpus, id): {"text", "published"}} for every article the gold items cite."""
    want = defaultdict(set)
    for it in items:
        want[it["corpus"]].add(it["id"])
    out = {}
    for corpus, ids in want.items():
        if corpus == "seeds":
            base = shared_path("corpus", "seeds")
            if base is None:
                raise UsageError("shared seeds not found (set MARSAD_SHARED)")
            for i in ids:
                out[(corpus, i)] = {"text": (base / i).read_text(encoding="utf-8"), "published": None}
            continue
        path = shared_path("data", "news", corpus)
        if path is None:
            raise UsageError(f"shared corpus not found: data/news/{corpus} (set MARSAD_SHARED)")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not any(f'"{i}"' in line for i in ids):
                    continue
                a = json.loads(line)
                if a["id"] in ids:
                    out[(corpus, a["id"])] = {"text": a.get("text") or "", "published": a.get("published")}
    return out


def _sentences(items, texts):
    """Group gold items by sentence; check the stored offsets still fit the text."""
    sents = defaultdict(list)
    for it in items:
        art = texts.get((it["corpus"], it["id"]))
        if art is None:
            raise UsageError(f"article {it['id']} not found in {it['corpus']}")
        t = art["text"]
        if _sha(t[it["sent_start"]:it["sent_end"]]) != it["sent_sha"]:
            raise UsageError(f"sentence offsets of {it['id']} no longer match the text")
        if it["start"] is not None and _sha(t[it["start"]:it["end"]]) != it["sha"]:
            raise UsageError(f"expression offsets of {it['id']} no longer match the text")
        sents[(it["corpus"], it["id"], it["sent_start"], it["sent_end"])].append(it)
    return sents


def _score(sents, predict, same) -> dict:
    """Overlap matching of predictions to gold inside each sentence."""
    n_gold = n_pred = found = correct = 0
    errors = []
    for (corpus, aid, s, e), golds in sents.items():
        gold = [g for g in golds if g["start"] is not None]
        preds = [p for p in predict(corpus, aid) if p["start"] < e and p["end"] > s]
        n_gold += len(gold)
        n_pred += len(preds)
        used = set()
        for g in gold:
            hit = next((k for k, p in enumerate(preds) if k not in used
                        and p["start"] < g["end"] and p["end"] > g["start"]), None)
            if hit is None:
                errors.append({"id": aid, "gold": g, "pred": None})
                continue
            used.add(hit)
            found += 1
            if same(g, preds[hit]):
                correct += 1
            else:
                errors.append({"id": aid, "gold": g, "pred": preds[hit]})
        for k, p in enumerate(preds):
            if k not in used:
                errors.append({"id": aid, "gold": None, "pred": p})
    matched_pred = found
    return {"gold": n_gold, "predicted": n_pred, "found": found, "value_correct": correct,
            "precision": round(matched_pred / n_pred, 4) if n_pred else 0.0,
            "recall": round(found / n_gold, 4) if n_gold else 0.0,
            "value_accuracy": round(correct / found, 4) if found else 0.0,
            "strict_accuracy": round(correct / n_gold, 4) if n_gold else 0.0,
            "errors": errors}


def _published(it: dict, art: dict):
    return it.get("assumed_published") if it["corpus"] == "seeds" else art["published"]


def evaluate_dates(gold: Path | None = None, *, baseline: bool = True) -> dict:
    """Score find_dates (and dateparser alone) on the date gold set."""
    from marsad.extract.dates import find_dates

    items = load_gold(gold or FIXTURES / "dates_gold.jsonl")
    texts = load_texts(items)
    sents = _sentences(items, texts)
    pubs = {(it["corpus"], it["id"]): _published(it, texts[(it["corpus"], it["id"])]) for it in items}
    cache = {}

    def predict(corpus, aid):
        if (corpus, aid) not in cache:
            t = texts[(corpus, aid)]["text"]
            cache[(corpus, aid)] = [{"start": d.start, "end": d.end, "value": d.value, "text": t[d.start:d.end]}
                                    for d in find_dates(t, pubs[(corpus, aid)])]
        return cache[(corpus, aid)]

    same = lambda g, p: g["value"] == p["value"]  # noqa: E731
    res = {"marsad": _score(sents, predict, same)}
    res["marsad"]["by_split"] = _by_split(sents, predict, same)
    if baseline:
        res["dateparser"] = _dateparser_score(sents, texts, pubs)
    return res


def _by_split(sents, predict, same) -> dict:
    """The same scores on each part of the gold set (dev: used while writing rules; heldout: not)."""
    splits = defaultdict(dict)
    for k, golds in sents.items():
        splits[golds[0].get("split", "all")][k] = golds
    out = {}
    for name, part in sorted(splits.items()):
        r = _score(part, predict, same)
        out[name] = {k: v for k, v in r.items() if k != "errors"}
    return out


def _dateparser_score(sents, texts, pubs) -> dict:
    """dateparser.search_dates alone on each gold sentence (value compared at the gold's precision)."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # optional dev dependency
        return {"error": "dateparser not installed"}
    from marsad.extract.dates import _pub_date

    preds = defaultdict(list)
    for (corpus, aid, s, e) in sents:
        t = texts[(corpus, aid)]["text"]
        pub = _pub_date(pubs[(corpus, aid)])
        settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)} if pub else {}
        try:
            found = search_dates(t[s:e], languages=["ar"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count as nothing found
            found = []
        pos = 0
        for sub, dt in found:
            i = t.find(sub, s + pos, e)
            if i < 0:
                continue
            pos = i + len(sub) - s
            preds[(corpus, aid)].append({"start": i, "end": i + len(sub), "value": dt.date().isoformat(),
                                         "text": sub})

    def same(g, p):
        gv = g["value"]
        if gv is None or p["value"] is None:
            return gv == p["value"]
        first = gv.split("/")[0]
        return p["value"][:len(first)] == first and "/" not in gv

    return _score(sents, lambda c, a: preds[(c, a)], same)


def _fig_same(g: dict, p: dict) -> bool:
    gv, pv = float(g["value"]), float(p["value"])
    return abs(gv - pv) <= 1e-3 * max(1.0, abs(gv)) and g["qualifier"] == p["qualifier"]


def evaluate_figures(gold: Path | None = None) -> dict:
    """Score find_figures on the figure gold set (value+qualifier; unit and currency reported apart)."""
    from marsad.extract.dates import find_dates
    from marsad.extract.figures import find_figures

    items = load_gold(gold or FIXTURES / "figures_gold.jsonl")
    texts = load_texts(items)
    sents = _sentences(items, texts)
    cache = {}

    def predict(corpus, aid):
        if (corpus, aid) not in cache:
            art = texts[(corpus, aid)]
            t = art["text"]
            figs = find_figures(t, find_dates(t, art["published"]))
            cache[(corpus, aid)] = [{"start": f.start, "end": f.end, "value": f.value, "qualifier": f.qualifier,
                                     "unit": f.unit, "currency": f.currency, "kind": f.kind,
                                     "text": t[f.start:f.end]} for f in figs]
        return cache[(corpus, aid)]

    res = _score(sents, predict, _fig_same)
    res["by_split"] = _by_split(sents, predict, _fig_same)
    # unit and currency agreement over found figures
    unit_ok = unit_n = cur_ok = cur_n = 0
    wrong = {(e["gold"]["start"] if e["gold"] else None) for e in res["errors"] if e["gold"] and e["pred"] is None}
    for key, golds in sents.items():
        preds = predict(key[0], key[1])
        for g in golds:
            if g["start"] is None or g["start"] in wrong:
                continue
            p = next((p for p in preds if p["start"] < g["end"] and p["end"] > g["start"]), None)
            if p is None:
                continue
            unit_n += 1
            unit_ok += (g.get("unit") or None) == (p.get("unit") or None)
            if g.get("currency"):
                cur_n += 1
                cur_ok += g["currency"] == p.get("currency")
    res["unit_accuracy"] = round(unit_ok / unit_n, 4) if unit_n else 0.0
    res["currency_accuracy"] = round(cur_ok / cur_n, 4) if cur_n else 0.0
    res["currency_support"] = cur_n
    return {"marsad": res}


def _print(name: str, r: dict) -> None:
    if "error" in r:
        typer.echo(f"  {name:<11} {r['error']}")
        return
    extra = ""
    if "unit_accuracy" in r:
        extra = f"  unit {r['unit_accuracy']:.3f}  currency {r['currency_accuracy']:.3f} ({r['currency_support']})"
    typer.echo(f"  {name:<11} P {r['precision']:.3f}  R {r['recall']:.3f}  value acc {r['value_accuracy']:.3f}"
               f"  strict {r['strict_accuracy']:.3f}  (gold {r['gold']}, predicted {r['predicted']}){extra}")
    for split, q in (r.get("by_split") or {}).items():
        typer.echo(f"    {split:<9} P {q['precision']:.3f}  R {q['recall']:.3f}  value acc {q['value_accuracy']:.3f}"
                   f"  (gold {q['gold']})")


def eval_dates_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold JSONL (default: tests/fixtures/dates_gold.jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores (and errors) as JSON."),
    no_baseline: bool = typer.Option(False, "--no-baseline", help="Skip the dateparser comparison."),
) -> None:
    """Dates: precision, recall, value accuracy; dateparser alone on the same gold."""
    res = evaluate_dates(gold, baseline=not no_baseline)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    typer.echo(str(gold or FIXTURES / "dates_gold.jsonl"))
    for name, r in res.items():
        _print(name, r)


def eval_figures_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold JSONL (default: tests/fixtures/figures_gold.jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores (and errors) as JSON."),
) -> None:
    """Figures: precision, recall, value accuracy (value and qualifier), unit and currency accuracy."""
    res = evaluate_figures(gold)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    typer.echo(str(gold or FIXTURES / "figures_gold.jsonl"))
    for name, r in res.items():
        _print(name, r)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("dates")(eval_dates_cmd)
    eval_app.command("figures")(eval_figures_cmd)
