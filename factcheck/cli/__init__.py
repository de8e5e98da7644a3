"""The ``factcheck`` command: a thin Typer layer over the library.

This package is the only code that knows argv, terminals, environment variables and
exit statuses. Each command lives in its own module.
"""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck._version import __version__
from factcheck.cli.history import EPILOG as HISTORY_EPILOG
from factcheck.cli.history import history_command
from factcheck.cli.verify import EPILOG, verify_command

app = typer.Typer(
    name="factcheck",
    help="Check, claim by claim, that an article's sources really say what the article says.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Check, claim by claim, that an article's sources really say what the article says."""


app.command("verify", epilog=EPILOG)(verify_command)
app.command("history", epilog=HISTORY_EPILOG)(history_command)


def main() -> None:
    """The console script's entry point."""
    app()


__all__ = ["app", "main"]
