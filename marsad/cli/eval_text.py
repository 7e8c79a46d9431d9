"""``marsad eval seg``: segmentation against a CoNLL-U treebank."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from marsad.config import shared_path
from marsad.errors import UsageError


def eval_seg_cmd(
    gold: Optional[Path] = typer.Option(None, "--gold", help="CoNLL-U file (default: UD Arabic PUD under ../shared)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Sentence-boundary, word and proclitic-boundary precision/recall/F1 of the segmenter."""
    from marsad.text.evaluate import evaluate_conllu

    gold = gold or shared_path("data", "seg", "ud-arabic-pud", "ar_pud-ud-test.conllu")
    if gold is None or not Path(gold).is_file():
        raise UsageError(f"gold file not found: {gold or '../shared/data/seg/ud-arabic-pud'}")
    res = evaluate_conllu(Path(gold))
    if as_json:
        typer.echo(json.dumps(res, indent=1))
        return
    typer.echo(f"{res['file']} ({res['sentences_in_gold']} sentences)")
    for key in ("sentences", "words", "proclitics"):
        r = res[key]
        typer.echo(f"  {key:<11} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  (gold {r['gold']}, predicted {r['predicted']})")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("seg")(eval_seg_cmd)
