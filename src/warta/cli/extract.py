"""`warta extract`: pages in, clean articles out."""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warta.cli import DateField, HtmlField, IdField, TextField, UrlField, app, other_reasons
from warta.errors import ConfigError
from warta.options import ExtractOptions
from warta.pipeline import Extractor, PageResult
from warta.readers import JsonlFields, read_paths
from warta.render import RENDERERS, SUFFIXES, to_json


class TextTitles(StrEnum):
    rules = "rules"
    ranker = "ranker"


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    text = "text"


def _output_name(source: str | None, index: int, fmt: OutputFormat) -> str:
    base = Path((source or f"page-{index}").split("#")[0].replace(":", "_")).name
    for suffix in (".gz", ".html", ".htm", ".txt", ".jsonl"):
        base = base.removesuffix(suffix)
    return f"{index:05d}-{base}{SUFFIXES[fmt.value]}"


class _JsonArray:
    """`json.dumps(items, ensure_ascii=False, indent=2)` written an item at a time, so a batch
    is never held whole: only the first item waits, since a lone article with no failures is
    written as itself, not as a list of one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.first: dict[str, object] | None = None
        self.count = 0

    def add(self, item: dict[str, object]) -> None:
        if self.count == 0:
            self.first = item
        else:
            if self.first is not None:
                self.stream.write("[\n" + _array_item(self.first))
                self.first = None
            self.stream.write(",\n" + _array_item(item))
        self.count += 1

    def close(self, lone_as_itself: bool) -> None:
        if self.count == 0:
            self.stream.write("[]\n")
        elif self.first is None:
            self.stream.write("\n]\n")
        elif lone_as_itself:
            self.stream.write(json.dumps(self.first, ensure_ascii=False, indent=2) + "\n")
        else:
            self.stream.write("[\n" + _array_item(self.first) + "\n]\n")


def _array_item(item: dict[str, object]) -> str:
    # (A newline in JSON text with an indent is always one between tokens: those in strings are escaped.)
    return "  " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")


@app.command(
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta extract page.html\n\n"
        "  warta extract samples/ --format markdown\n\n"
        "  warta extract 'crawl/**/*.html.gz' --format jsonl --output articles.jsonl\n\n"
        "  warta extract dump.jsonl --text-field content --url-field link -o out/\n\n"
        "  cat page.txt | warta extract - --format text\n\n"
        "  warta extract page.html --enrich -f json   (entities, quotes, quantities, dates, keywords)\n\n"
        "  warta extract scraped.txt --text-titles rules   (titles of flattened text by the rules alone)"
    )
)
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories, globs, JSONL/WARC files, or - for stdin.")
    ],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="A file (json/jsonl: all pages) or a directory (one file per page)."
        ),
    ] = None,
    text_field: TextField = "text",
    html_field: HtmlField = "html",
    url_field: UrlField = "url",
    date_field: DateField = "date",
    id_field: IdField = "id",
    config: Annotated[
        Path | None, typer.Option(help="TOML file of extraction options ([extract] table).")
    ] = None,
    timeout: Annotated[float, typer.Option(min=0, help="Per-page time limit in seconds (0 = none).")] = 0.0,
    labels: Annotated[bool, typer.Option(help="Include each block's label in JSON output.")] = False,
    enrich: Annotated[
        bool,
        typer.Option(
            help="Annotate the body: entities, quotes, quantities, date mentions and keywords "
            "('annotations' in JSON output)."
        ),
    ] = False,
    text_titles: Annotated[
        TextTitles | None,
        typer.Option(
            help="Titles of flattened text: 'ranker' (default: a learned ranker, more titles right) "
            "or 'rules' (the rules alone, about 11 % fewer instructions on text; HTML titles unchanged)."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract clean articles (title, body, bylines, dates, read-also/related/sidebar lists) from pages."""
    try:
        options = ExtractOptions.from_toml(config) if config else ExtractOptions()
    except ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="--config") from exc
    options = options.with_(
        timeout_s=timeout or options.timeout_s,
        include_labels=labels,
        enrich=enrich or options.enrich,
        text_titles=str(text_titles) if text_titles else options.text_titles,
    )
    extractor = Extractor(options)
    fields = JsonlFields(text=text_field, html=html_field, url=url_field, date=date_field, id=id_field)
    err = Console(stderr=True, soft_wrap=True)
    to_dir = output is not None and (
        output.is_dir() or (not output.suffix and format is not OutputFormat.jsonl)
    )
    written = output.resolve() if output is not None and not to_dir else None
    if written is not None and any(path != "-" and Path(path).resolve() == written for path in paths):
        err.print(f"[red]cannot write to {output}[/red]: it is one of the inputs; choose another file")
        raise typer.Exit(code=2)
    try:
        if to_dir and output is not None:
            output.mkdir(parents=True, exist_ok=True)
        stream = output.open("w", encoding="utf-8") if output is not None and not to_dir else sys.stdout
    except OSError as exc:
        err.print(f"[red]cannot write to {output}[/red]: {exc.strerror or exc}")
        raise typer.Exit(code=2) from exc
    failures: Counter[str] = Counter()
    failed_sources: list[tuple[str, str]] = []
    no_page: Counter[str] = Counter()  # records that hold no page (WARC images, redirects), by reason
    warned: list[tuple[str, str]] = []  # the first (source, its warnings) of partial or doubtful results
    warned_count = 0
    ok = 0
    progress = Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    json_array = _JsonArray(stream)
    with progress:
        task = progress.add_task("pages", total=None, status="")
        for index, result in enumerate(
            extractor.process_many(
                # (An output file in an input directory would be read back as input while written.)
                read_paths(paths, fields, exclude={written} if written is not None else ())
            )
        ):
            progress.update(task, advance=1, status=f"{ok} ok, {sum(failures.values())} failed")
            if result.skipped:  # (counted, not listed: a crawl holds many images and redirects)
                no_page[result.error or "no page"] += 1
                continue
            if not result.ok:
                failures[result.error or "unknown error"] += 1
                failed_sources.append((result.source or "?", result.error or ""))
                if format is OutputFormat.jsonl:
                    stream.write(
                        json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False)
                        + "\n"
                    )
                continue
            ok += 1
            if result.article is not None and result.article.warnings:
                warned_count += 1
                if len(warned) < 10:
                    warned.append((result.source or "?", "; ".join(result.article.warnings)))
            try:
                _write(result, index, format, stream, output if to_dir else None, labels, json_array)
            except OSError as exc:  # (a full disk: every later page would fail alike)
                err.print(f"[red]cannot write the output of {result.source}[/red]: {exc.strerror or exc}")
                raise typer.Exit(code=1) from exc
    if format is OutputFormat.json and not to_dir:
        json_array.close(lone_as_itself=not failures)
    if stream is not sys.stdout:
        stream.close()
    if not quiet:
        _summary(err, ok, failed_sources, warned, warned_count, no_page)
    if ok == 0 and failed_sources:
        raise typer.Exit(code=1)


def _write(
    result: PageResult,
    index: int,
    fmt: OutputFormat,
    stream: object,
    directory: Path | None,
    labels: bool,
    json_array: _JsonArray,
) -> None:
    article = result.article
    assert article is not None
    if directory is not None:
        text = (
            to_json(article, include_labels=labels)
            if fmt in (OutputFormat.json, OutputFormat.jsonl)
            else RENDERERS[fmt.value](article)
        )  # type: ignore[operator]
        (directory / _output_name(result.source, index, fmt)).write_text(text, encoding="utf-8")
        return
    if fmt is OutputFormat.jsonl:
        stream.write(json.dumps(article.to_dict(labels), ensure_ascii=False) + "\n")  # type: ignore[attr-defined]
    elif fmt is OutputFormat.json:
        json_array.add(article.to_dict(labels))
    else:
        stream.write(RENDERERS[fmt.value](article) + "\n")  # type: ignore[attr-defined, operator]


def _summary(
    console: Console,
    ok: int,
    failed: list[tuple[str, str]],
    warned: list[tuple[str, str]],
    warned_count: int,
    no_page: Counter[str],
) -> None:
    console.print(f"[green]{ok} extracted[/green], [red]{len(failed)} failed[/red]")
    if no_page:
        console.print(f"{sum(no_page.values())} records skipped, holding no page:")
        for reason, count in no_page.most_common(10):
            console.print(f"  {count} × {reason}")
        other_reasons(console, no_page, "skipped")
    reasons = Counter(reason for _, reason in failed)
    for reason, count in reasons.most_common(10):
        console.print(f"  {count} × {reason}")
    other_reasons(console, reasons, "failed")
    for source, reason in failed[:20]:
        console.print(f"  [dim]{source}[/dim]: {reason}")
    if len(failed) > 20:
        console.print(f"  … and {len(failed) - 20} more")
    if warned:
        # Text and Markdown output carry no warnings: a cut or partly decoded page is named here.
        console.print(
            f"[yellow]{warned_count} extracted with warnings[/yellow] (partial or doubtful results):"
        )
        for source, warnings in warned:
            console.print(f"  [dim]{source}[/dim]: {warnings}")
        if warned_count > len(warned):
            console.print(f"  … and {warned_count - len(warned)} more (the 'warnings' field of JSON output)")
