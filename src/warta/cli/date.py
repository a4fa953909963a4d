"""`warta date`: what warta reads as dates in a piece of text."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

import typer

from warta.cli import app
from warta.errors import ConfigError
from warta.lexicon import DEFAULT_LANGUAGES, load_lexicon
from warta.meta.datetext import DateMatch, find_dates


def _as_json(match: DateMatch) -> dict[str, Any]:
    return {
        "value": match.iso(),
        "precision": match.precision,
        "timezone": match.timezone,
        "kind": match.kind,
        "inferred_year": match.inferred_year,
        "weekday_consistent": match.weekday_ok,
        "evidence": {"text": match.text, "start": match.start, "end": match.end},
    }


@app.command(
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta date 'Kamis, 12 Des 2024 07:01 WIB'\n\n"
        "  warta date 'Senin (28/4) malam' --reference 2025-05-02T10:00\n\n"
        "  warta date '3 hours ago' --lang en --reference 2025-05-02T10:00:00+00:00"
    )
)
def date(
    text: Annotated[str, typer.Argument(help="Text to read dates from.")],
    reference: Annotated[
        str | None,
        typer.Option(help="ISO date-time that relative and year-less dates count from (default: now)."),
    ] = None,
    lang: Annotated[
        list[str] | None, typer.Option("--lang", help="Lexicon language(s) to read with (default: id, en).")
    ] = None,
) -> None:
    """Print the dates found in TEXT as JSON: ISO value, precision, time zone and evidence."""
    try:
        ref = datetime.fromisoformat(reference) if reference else None
    except ValueError as exc:
        raise typer.BadParameter(
            f"--reference must be an ISO date-time such as 2025-05-02T10:00 ({exc})"
        ) from exc
    try:
        lexicon = load_lexicon(tuple(lang) if lang else DEFAULT_LANGUAGES)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if ref is not None and ref.tzinfo is not None:
        ref = ref.replace(tzinfo=None)  # relative dates are wall-clock arithmetic
    found = [_as_json(m) for m in find_dates(text, ref, lexicon)]
    typer.echo(
        json.dumps({"text": text, "reference": reference, "dates": found}, ensure_ascii=False, indent=2)
    )
