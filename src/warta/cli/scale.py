"""`warta scale`: extraction of a large crawl on a Ray cluster, into a sharded JSONL dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warta.cli import DateField, HtmlField, IdField, TextField, UrlField, app, other_reasons
from warta.errors import WartaError
from warta.readers import JsonlFields

_EXAMPLES = """[b]Examples[/b]

  warta scale 'crawl/**/*.warc.gz' --out articles/                 # a local Ray instance, all cores

  ray start --head && warta scale 'crawl/*.jsonl.gz' --out articles/ --address auto

  warta scale dump.jsonl --text-field content --url-field link --out articles/ --shard-mb 16
"""


@app.command("scale", epilog=_EXAMPLES)
def scale_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories or globs (JSONL, WARC, HTML, text, .gz).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for part-NNNNN.jsonl files.")],
    address: Annotated[
        str | None,
        typer.Option(help="Ray cluster address ('auto' for a running one); none starts a local one."),
    ] = None,
    shard_mb: Annotated[int, typer.Option(help="About this many MB of input per task.")] = 64,
    text_field: TextField = "text",
    html_field: HtmlField = "html",
    url_field: UrlField = "url",
    date_field: DateField = "date",
    id_field: IdField = "id",
) -> None:
    """Extract a crawl that outgrows one machine on a Ray cluster: one task per shard of input files.

    Each shard writes its articles to OUT/part-NNNNN.jsonl and its skipped pages (with the
    reason) to part-NNNNN.errors.jsonl; running the same command again redoes only the
    shards that had not finished (a run over other files into the same OUT is refused).
    Needs the scale extra: pip install 'warta[scale]'.
    """
    err = Console(stderr=True, soft_wrap=True)
    try:
        from warta.scale import extract_on_ray
    except ImportError as exc:
        err.print(f"[red]scale-out needs the scale extra[/red]: pip install 'warta[scale]' ({exc})")
        raise typer.Exit(code=2) from exc
    fields = JsonlFields(text=text_field, html=html_field, url=url_field, date=date_field, id=id_field)
    try:
        with Progress(
            TextColumn("shards"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
        ) as progress:
            task = progress.add_task("shards", total=None)

            def planned(total: int) -> None:
                progress.update(task, total=total)

            def done(_result: object) -> None:
                progress.advance(task)

            report = extract_on_ray(
                inputs,
                out,
                fields=fields,
                address=address,
                shard_bytes=shard_mb * 2**20,
                on_shard=done,
                on_plan=planned,
            )
    except (WartaError, OSError) as exc:  # (an OUT that is a file, or holds another run's shards)
        err.print(f"[red]cannot extract into {out}[/red]: {exc}")
        raise typer.Exit(code=2) from exc
    err.print(
        f"{report.shards} shards ({report.resumed} already done), {report.articles} articles, "
        f"{report.failed} pages skipped"
        + (f", {report.no_page} records holding no page" if report.no_page else "")
    )
    for reason, count in report.reasons.most_common(10):
        err.print(f"  {count} × {reason}")
    other_reasons(err, report.reasons, "skipped")
    if report.shards == 0:
        raise typer.Exit(code=1)
