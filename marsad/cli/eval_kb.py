"""``marsad eval kb``: the knowledge base (roles, quotes, events, entity clusters) against our gold set."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer


def _line(name: str, r: dict, extra: str = "") -> str:
    return (f"  {name:<22} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}"
            f"  (gold {r['gold']}, system {r['system']}){extra}")


def eval_kb_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="Folder of gold files (default: tests/fixtures/kb_gold)."),
    split: str = typer.Option("all", "--split", help="dev, test or all."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="Also list the misses and false alarms."),
    annotator: Optional[str] = typer.Option(None, "--annotator", help="Only the files of annotator a or b."),
) -> None:
    """Knowledge base: precision, recall and F1 of roles, quotes (detection and attribution), events (type, and type with arguments) and pairwise entity clusters.

    The gold articles are read from ../shared (their text must still hash to the gold sha1), ingested together into a temporary database with the default pipeline, and scored on the chosen split. Matching rules: see marsad/extract/kb_eval.py.
    """  # noqa: E501 (one line per paragraph: --help reflows it)
    from marsad.extract.kb_eval import GOLD_DIR, evaluate

    res = evaluate(gold, split, errors=errors, annotator=annotator)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
        return
    who = f", annotator {annotator}" if annotator else ""
    typer.echo(f"{gold or GOLD_DIR}  split {split}{who}: {res['articles']} articles")
    typer.echo(_line("roles", res["roles"]))
    typer.echo(_line("roles + affiliation", res["roles"]["with_affiliation"]))
    q = res["quotes"]
    typer.echo(_line("quotes (detection)", q))
    typer.echo(f"  {'quotes (attribution)':<22} P {q['attribution_p']:.3f}  R {q['attribution_r']:.3f}"
               f"  F1 {q['attribution_f1']:.3f}")
    typer.echo(_line("events (type)", res["events"]))
    typer.echo(_line("events + arguments", res["events"]["with_args"]))
    ev = res["events"]
    if "arguments" in ev:   # further views of the same output (see marsad.extract.kb_eval.score_events)
        typer.echo(_line("  argument level", ev["arguments"]))
        typer.echo(_line("  + core arguments", ev["with_core_args"]))
        typer.echo(_line("  merged: type", ev["merged"]["type"]))
        typer.echo(_line("  merged: + arguments", ev["merged"]["with_args"]))
    c = res["clusters"]
    typer.echo(f"  {'entity clusters':<22} P {c['p']:.3f}  R {c['r']:.3f}  F1 {c['f1']:.3f}"
               f"  (pairs gold {c['gold_pairs']}, system {c['system_pairs']}; mentions found "
               f"{c['found']}/{c['mentions']} = {c['coverage']:.3f})")
    if errors:
        for layer in ("roles", "quotes", "events"):
            for e in res[layer].get("errors", []):
                typer.echo(f"  {layer:<7} {e['doc_id']}  gold: {e['gold'] or '—'}  |  system: {e['system'] or '—'}")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("kb")(eval_kb_cmd)
