"""The ``marsad`` command. Thin: every command calls an importable function.

Each module of ``marsad.cli`` exposes ``register(app, eval_app)`` and adds
its commands (modules are discovered, so adding a command adds a file). User errors
(:class:`~marsad.errors.MarsadError`) print one line on stderr and exit with status 2 —
never a traceback.
"""
from __future__ import annotations

import importlib
import sys

import typer

from marsad import __version__
from marsad.errors import MarsadError

def _command_modules() -> list[str]:
    """Every module of marsad.cli except this one (each adds its own commands)."""
    import pkgutil

    import marsad.cli as pkg
    return sorted(f"marsad.cli.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)
                  if m.name != "main" and not m.name.startswith("_"))

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): an offline, Arabic-first observatory of AI and digital policy news. "
         "It reads articles, extracts who met, signed, joined or said what, when and where — "
         "each fact tied to the exact characters of its source — and stores them in a "
         "searchable knowledge base.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = typer.Typer(help="Evaluate marsad's components against gold data.",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """marsad command line."""


def _register_all() -> None:
    for name in _command_modules():
        importlib.import_module(name).register(app, eval_app)


_register_all()


def fail(message: str, code: int = 2) -> "typer.Exit":
    """Print one line on stderr; return the Exit to raise."""
    typer.echo(f"marsad: {message}", err=True)
    return typer.Exit(code)


def main() -> None:
    """Entry point: runs the app, turning marsad errors into one-line messages."""
    try:
        app()
    except MarsadError as exc:
        typer.echo(f"marsad: {exc.one_line()}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("marsad: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
