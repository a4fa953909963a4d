"""The `warta` command line: thin faces over the library.

Each sub-command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.console import Console

# The JSONL field options every command that reads pages takes.
TextField = Annotated[str, typer.Option(help="JSONL field holding flattened text.")]
HtmlField = Annotated[str, typer.Option(help="JSONL field holding HTML.")]
UrlField = Annotated[str, typer.Option(help="JSONL field holding the page URL.")]
DateField = Annotated[
    str, typer.Option(help="JSONL field holding the fetch date (ISO 8601), the reference for relative dates.")
]
IdField = Annotated[str, typer.Option(help="JSONL field holding the record's id.")]

app = typer.Typer(
    name="warta",
    help="Clean, structured, searchable news data from raw HTML and flattened page text.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)


def other_reasons(console: Console, reasons: Counter[str], what: str, shown: int = 10) -> None:
    """The count of what a summary's first `shown` reasons left out, so that its lines add up."""
    rest = reasons.most_common()[shown:]
    if rest:
        console.print(f"  {sum(c for _, c in rest)} × {what} for {len(rest)} other reasons")


@app.callback()
def _root() -> None:
    """warta: clean, structured, searchable news data from raw pages."""


def _register() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from warta.cli import corpus, date, extract, models, scale  # noqa: F401


def main() -> None:
    _register()
    app()
