"""``marsad eval ner``: CoNLL exact-span evaluation of the shipped entity recogniser."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from marsad.config import shared_path
from marsad.errors import UsageError


def evaluate_file(gold: Path) -> dict:
    """Tag every sentence of a two-column CoNLL file and score it (benchmark types)."""
    from marsad.extract.entities import tag_sentences
    from marsad.extract.ner_eval import evaluate_tags
    from marsad.train_data import read_conll

    sents = read_conll(gold)
    pred = tag_sentences([words for words, _ in sents])
    return evaluate_tags([t for _, t in sents], pred)


def eval_ner_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="CoNLL file, 'token TAG' per line (default: ANERcorp CAMeL test)."),
    as_json: bool = typer.Option(False, "--json", help='Print {"micro": {"p","r","f1"}, "per_type": {...}}.'),
) -> None:
    """Exact-span precision, recall and F1 per type and micro-averaged."""
    gold = gold or shared_path("data", "ner", "anercorp-camel", "ANERCorp_CamelLab_test.txt")
    if gold is None or not Path(gold).is_file():
        raise UsageError(f"gold file not found: {gold or '../shared/data/ner/anercorp-camel'}")
    res = evaluate_file(Path(gold))
    if as_json:
        typer.echo(json.dumps(res, indent=1))
        return
    typer.echo(f"{gold}")
    for t, r in sorted(res["per_type"].items()):
        typer.echo(f"  {t:<6} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  ({r['support']})")
    m = res["micro"]
    typer.echo(f"  micro  P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  ({m['support']})")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("ner")(eval_ner_cmd)
