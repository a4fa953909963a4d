"""The `warta` command line: thin faces over the library.

Each sub-command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="Clean, structured, searchable news data from raw HTML and flattened page text.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """warta: clean, structured, searchable news data from raw pages."""


def _register() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from warta.cli import corpus, date, extract, scale  # noqa: F401


def main() -> None:
    _register()
    app()
