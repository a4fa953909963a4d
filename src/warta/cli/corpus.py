"""`warta ingest`, `search`, `reindex`, `export`, `trend`, `quotes`, `stories`, `authors`, `entities`, `network`, `sites` and `serve`: the corpus commands."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from warta.cli import DateField, HtmlField, IdField, TextField, UrlField, app, other_reasons
from warta.corpus.bylines import similar_writers, top_writers, writer_profile
from warta.corpus.champions import prunable, refresh_search_index, search_index_hint
from warta.corpus.export import ExportFormat, export
from warta.corpus.mentions import (
    ArticleRef,
    EntityCount,
    EntityProfile,
    RisingEntity,
    entity_key,
    entity_profile,
    find_quotes,
    has_mentions,
    plural,
    refresh_entity_stats,
    rising_entities,
    similar_entities,
    similar_speakers,
    top_entities,
)
from warta.corpus.network import entity_network, write_csv, write_gexf, write_graphml
from warta.corpus.search import QueryError, SearchFilters, SearchOrder, empty_result_hint, search
from warta.corpus.store import Store, StoreDirectoryMissingError, StoreError, StoreIsDirectoryError
from warta.corpus.stories import top_stories
from warta.corpus.templates import site_reports
from warta.corpus.trends import Period, Split, SplitTrend, split_trend, trend
from warta.options import ExtractOptions
from warta.readers import JsonlFields
from warta.run.ingest import IngestOptions, IngestReport, ingest

DbOption = Annotated[Path, typer.Option("--db", help="The corpus database (SQLite file).")]
# The filters `search` and `export` share.
SiteOption = Annotated[str | None, typer.Option(help="Only this site (host name).")]
LangOption = Annotated[str | None, typer.Option(help="Only this language code (id, en, ...).")]
FromOption = Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY[-MM[-DD]]).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY[-MM[-DD]]).")]
AuthorOption = Annotated[
    str | None,
    typer.Option("--author", help="Only articles crediting this person (the name as printed, any case)."),
]
EntityOption = Annotated[
    str | None,
    typer.Option(
        "--entity",
        help="Only articles naming this entity (its canonical name, any case; needs `ingest --enrich`).",
    ),
]


# What `trend` and `network` count or draw: a search, or every article the filters pass.
SelectionArgument = Annotated[
    str | None,
    typer.Argument(help="A search, as `warta search` takes it; none: every article the filters pass."),
]
EntityTypeOption = Annotated[
    str | None,
    typer.Option("--type", help="Only entities of this type (person, place, organisation, ...)."),
]


def _open(db: Path, console: Console, must_exist: bool = True) -> Store:
    if must_exist and not db.exists():
        console.print(f"[red]no corpus at {db}[/red]: build one with `warta ingest PATH --db {db}`")
        raise typer.Exit(code=2)
    try:
        if Store.needs_upgrade(db):  # once per corpus made by an older warta
            with console.status(f"bringing {db} up to this warta's tables (once; long on a large corpus)"):
                return Store.open(db)
        return Store.open(db)
    except StoreIsDirectoryError as exc:
        console.print(
            f"[red]{db} is a directory[/red]: --db names the corpus file, such as {db / 'corpus.db'}"
        )
        raise typer.Exit(code=2) from exc
    except StoreDirectoryMissingError as exc:
        console.print(f"[red]cannot create a corpus at {db}[/red]: the directory {db.parent} does not exist")
        raise typer.Exit(code=2) from exc
    except StoreError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=2) from exc


@app.command(
    "ingest",
    epilog=(
        "[b]Examples[/b]\n\n  warta ingest samples/ --db corpus.db\n\n"
        "  warta ingest 'crawl/*.warc.gz' dump.jsonl --db corpus.db --workers 8\n\n"
        "  warta ingest samples/ --db corpus.db --enrich   (entities, quotes and keywords on each article page)\n\n"
        "  warta ingest crawl.warc.gz --db all.db --all-pages   (section fronts, shop pages and forum threads too, not only articles)"
    ),
)
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, JSONL/WARC files.")],
    db: DbOption = Path("corpus.db"),
    workers: Annotated[int, typer.Option(help="Extraction processes (1 = in-process).")] = max(
        1, os.cpu_count() or 1
    ),
    templates: Annotated[bool, typer.Option(help="Learn and remove per-site templates.")] = True,
    batch_size: Annotated[int, typer.Option(help="Pages per write transaction (resume granularity).")] = 256,
    text_field: TextField = "text",
    html_field: HtmlField = "html",
    url_field: UrlField = "url",
    date_field: DateField = "date",
    id_field: IdField = "id",
    timeout: Annotated[float, typer.Option(min=0, help="Per-page time limit in seconds (0 = none).")] = 0.0,
    enrich: Annotated[
        bool,
        typer.Option(
            help="Annotate each article (entities, quotes, quantities, dates, keywords) and store it."
        ),
    ] = False,
    all_pages: Annotated[
        bool,
        typer.Option(
            help="Store pages that hold no article too (listings, shops: their main content as the body;"
            " forum threads and Q&A pages: the whole thread); by default they are skipped and counted."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Build or extend a corpus: extract, deduplicate, learn site templates, index for search.

    Re-running the same command is safe: records already ingested are skipped,
    and an interrupted ingest resumes where it stopped.
    """
    err = Console(stderr=True, soft_wrap=True)
    store = _open(db, err, must_exist=False)
    options = IngestOptions(
        workers=workers,
        templates=templates,
        all_pages=all_pages,
        batch_size=max(1, batch_size),
        extract=ExtractOptions().with_(timeout_s=timeout, enrich=enrich),
    )
    fields = JsonlFields(text=text_field, html=html_field, url=url_field, date=date_field, id=id_field)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold] {task.fields[status]}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    with progress:
        task = progress.add_task("pages", status="")

        def update(report: IngestReport) -> None:
            progress.update(task, status=_status(report))

        report = ingest(store, paths, options, fields, on_batch=update)
    stats = store.stats()
    store.close()
    if not quiet:
        _summary(err, report, stats)
    if report.ingested == 0 and report.failed and not report.already:
        raise typer.Exit(code=1)


def _status(report: IngestReport) -> str:
    return (
        f"{report.seen} read, {report.ingested} stored, {sum(report.skipped.values()) + report.already} skipped,"
        f" {sum(report.failed.values())} failed"
    )


def _summary(console: Console, report: IngestReport, stats: dict[str, int]) -> None:
    console.print(f"[green]{report.ingested} articles stored[/green] ({_status(report)})")
    if report.already:
        console.print(f"  {report.already} × already ingested by an earlier run")
    for reason, count in report.skipped.most_common(10):
        console.print(f"  {count} × skipped: {reason}")
    other_reasons(console, report.skipped, "skipped")
    for reason, count in report.failed.most_common(10):
        console.print(f"  [red]{count} × failed[/red]: {reason}")
    other_reasons(console, report.failed, "failed")
    for source, reason in report.failed_examples[:10]:
        console.print(f"    [dim]{source}[/dim]: {reason}")
    if report.warned:
        # (Stored all the same: a cut or partly decoded page is named here, as `warta extract` does.)
        console.print(
            f"  [yellow]{report.warned} × extracted with warnings[/yellow] (partial or doubtful results):"
        )
        for source, warnings in report.warned_examples[:10]:
            console.print(f"    [dim]{source}[/dim]: {warnings}")
        if report.warned > 10:
            console.print(f"    … and {report.warned - 10} more (the 'warnings' field of `warta export`)")
    clusters = report.clusters
    if clusters is not None:
        console.print(
            f"  duplicates: {clusters.clusters} clusters ({clusters.exact} exact, {clusters.near} near,"
            f" {clusters.cross_site} across sites), {clusters.duplicates} copies linked to a representative"
        )
    console.print(
        f"  templates: {stats['templates']} blocks learned over {stats['sites']} sites;"
        f" {report.refiltered} earlier articles cleaned with them"
    )
    if report.search_index:
        console.print("  search: champion lists rebuilt")
    versions = f", {stats['versions']} later versions of them" if stats["versions"] else ""
    console.print(f"  corpus: {stats['articles']} articles in total{versions}")


@app.command(
    "search",
    epilog='[b]Examples[/b]\n\n  warta search "banjir jakarta" --db corpus.db\n\n'
    "  warta search 'banjir OR longsor -jakarta \"tanah bergerak\"' --db corpus.db\n\n"
    "  warta search pemilu --site kompas.com --from 2024-01 --json\n\n"
    "  warta search 'gempa -latihan' --sort newest --limit 20 --db corpus.db\n\n"
    "  warta search 'uji coba rudal' --entity 'Korea Utara' --db corpus.db",
)
def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "quoted phrases", prefix* — all must match; OR between two takes either,'
            " -word or NOT word leaves articles out (operators in capitals)."
        ),
    ],
    db: DbOption = Path("corpus.db"),
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
    limit: Annotated[int, typer.Option(help="How many results.")] = 10,
    sort: Annotated[
        SearchOrder, typer.Option("--sort", help="Best matches first, or the newest / oldest matches first.")
    ] = SearchOrder.relevance,
    duplicates: Annotated[bool, typer.Option(help="Show every copy, not one per duplicate cluster.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines output.")] = False,
) -> None:
    """Search the corpus (BM25 ranking, highlighted snippets)."""
    err = Console(stderr=True, soft_wrap=True)
    store = _open(db, err)
    filters = SearchFilters(site, lang, date_from, date_to, limit, duplicates, sort, entity, author)
    try:
        hint = search_index_hint(store)
        if hint:
            err.print(
                f"[yellow]note:[/yellow] {hint}: `warta reindex --db {db}` makes searches for common words faster"
            )
        hits = search(store, query, filters)
    except QueryError as exc:
        err.print(f"[red]cannot search:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    if as_json:
        _json_lines(hits)
        return
    out = Console(soft_wrap=True)  # (a URL or snippet piped to a file is not cut into lines)
    if not hits:
        out.print("no results")
        why = empty_result_hint(query)
        if why:
            err.print(f"[yellow]note:[/yellow] {why}")
        return
    for rank, hit in enumerate(hits, 1):
        others = hit.cluster_size - 1
        copies = f" [dim](+{others} {'copy' if others == 1 else 'copies'})[/dim]" if others else ""
        out.print(f"[bold]{rank}. {hit.title or '(untitled)'}[/bold]{copies}")
        out.print(f"   [dim]{hit.site} · {hit.published or 'no date'} · {hit.url or ''}[/dim]")
        out.print(Text("   ").append(_highlighted(hit.snippet)))


@app.command("reindex", epilog="[b]Examples[/b]\n\n  warta reindex --db corpus.db")
def reindex_command(
    db: DbOption = Path("corpus.db"),
    force: Annotated[bool, typer.Option(help="Rebuild even when the lists are up to date.")] = False,
) -> None:
    """Rebuild the search index's champion lists (ingest does it when a tenth of the corpus changed).

    Also brings the corpus-wide entity counts up to date (`warta entities` without filters).

    Searches for common words score only each word's best documents when the lists
    prove that nothing else can enter the results; without them every match is scored.
    A corpus ingested by an older warta also gets its hidden stems column rewritten
    (Chinese and Japanese words are then found inside longer runs of text).
    """
    err = Console(stderr=True, soft_wrap=True)
    store = _open(db, err)
    start = time.perf_counter()
    try:
        if not store.stems_current():
            with err.status("rewriting the stems column (an older warta's corpus)"):
                restemmed = store.restem()
            err.print(f"stems rewritten: {restemmed} articles changed")
            force = force or restemmed > 0
        usable = prunable(store)
        rebuilt = refresh_search_index(store, force=force)
        refresh_entity_stats(store)
    finally:
        store.close()
    if not usable:
        err.print("this corpus uses the trigram tokenizer: searches score every match, no lists to build")
    elif rebuilt:
        err.print(f"[green]search index rebuilt[/green] in {time.perf_counter() - start:.1f} s")
    else:
        err.print("search index already up to date (use --force to rebuild)")


def _json_lines(rows: Iterable[Any]) -> None:
    """Dataclass rows as JSON lines on stdout."""
    for row in rows:
        sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")


def _highlighted(snippet: str) -> Text:
    text = Text()
    for i, piece in enumerate(snippet.split("**")):
        text.append(piece, style="bold yellow" if i % 2 else "")
    return text


@app.command(
    "export",
    epilog="[b]Examples[/b]\n\n  warta export --db corpus.db --format parquet -o corpus.parquet\n\n"
    "  warta export --db corpus.db --query 'banjir OR longsor' --from 2024-01 --dedup -f csv -o banjir.csv\n\n"
    "  warta export --db corpus.db --site kompas.com --lang id > kompas.jsonl\n\n"
    "  warta export --db corpus.db --entity 'Korea Utara' -f parquet -o korut.parquet",
)
def export_command(
    db: DbOption = Path("corpus.db"),
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")
    ] = None,
    dedup: Annotated[bool, typer.Option(help="One article per duplicate cluster.")] = False,
    query: Annotated[
        str | None,
        typer.Option(
            "--query", "-q", help="Only the articles matching this search (every match, not ranked)."
        ),
    ] = None,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
) -> None:
    """Export the corpus, or the articles a search selects, as JSONL, CSV or Parquet.

    JSONL holds each article whole (the versioned schema); CSV and Parquet one row per article:
    its fields, and its authors, editors, tags and read-also, related and sidebar entries as lists
    (in CSV, a JSON list in the cell). --query, --site, --lang, --from, --to, --entity and --author select as
    `warta search` does (the same query syntax), every matching article in corpus order.
    """
    err = Console(stderr=True, soft_wrap=True)
    if output is not None and _is_corpus_file(output, db):
        # Opening the output truncates it: the corpus itself would be lost.
        err.print(f"[red]cannot export to {output}[/red]: it is the corpus itself; choose another file")
        raise typer.Exit(code=2)
    selection = SearchFilters(site, lang, date_from, date_to, entity=entity, author=author)
    filters = selection if selection.narrowed else None
    store = _open(db, err)
    try:
        count = export(store, output if output is not None else sys.stdout, format, dedup, filters, query)
    except QueryError as exc:
        err.print(f"[red]cannot export:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    except Exception as exc:
        err.print(f"[red]export failed:[/red] {exc}")
        raise typer.Exit(code=1) from exc
    finally:
        store.close()
    err.print(f"{count} articles exported")


def _is_corpus_file(output: Path, db: Path) -> bool:
    """Whether `output` names the corpus database or one of SQLite's files beside it."""
    corpus = db.resolve()
    names = {corpus, *(corpus.with_name(corpus.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    return output.resolve() in names


@app.command(
    "trend",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta trend banjir --db corpus.db                  (matching stories per month)\n\n"
        "  warta trend 'banjir OR longsor' --by week --from 2025-01 --site kompas.com\n\n"
        "  warta trend --entity 'Korea Utara' --by year       (every article naming it)\n\n"
        "  warta trend pemilu --by day --json > pemilu.jsonl\n\n"
        "  warta trend 'harga beras' --split site --top 5        (which outlets covered it, month by month)"
    ),
)
def trend_command(
    query: SelectionArgument = None,
    db: DbOption = Path("corpus.db"),
    by: Annotated[
        Period, typer.Option("--by", help="Count per day, ISO week, month or year.")
    ] = Period.month,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
    duplicates: Annotated[bool, typer.Option(help="Count every copy of a story, not one.")] = False,
    split: Annotated[
        Split | None,
        typer.Option("--split", help="One column per site (or language): who covered it, and when."),
    ] = None,
    top: Annotated[
        int, typer.Option(min=1, max=50, help="With --split: the sites (languages) with most stories.")
    ] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines: one period a line.")] = False,
) -> None:
    """How many stories match, per day, week, month or year of publication.

    Counts one copy per story (as search shows them), every period from the first to the last
    with a match (empty ones as 0); undated matches are counted apart. --split site compares
    outlets: a column per site, the --top sites with most stories (--duplicates to count each
    site's own copy of a story carried by several).
    """
    err = Console(stderr=True, soft_wrap=True)
    filters = SearchFilters(site, lang, date_from, date_to, 1, duplicates, entity=entity, author=author)
    store = _open(db, err)
    try:
        if split is not None:
            compared = split_trend(store, query, filters, by, split, top)
        else:
            counts = trend(store, query, filters, by)
    except QueryError as exc:
        err.print(f"[red]cannot count:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    if split is not None:
        _print_split(compared, as_json)
        return
    if as_json:
        for name, n in counts.counts:
            sys.stdout.write(json.dumps({by.value: name, "stories": n}) + "\n")
        if counts.undated:
            sys.stdout.write(json.dumps({by.value: None, "stories": counts.undated}) + "\n")
        return
    out = Console(soft_wrap=True)
    if not counts.total:
        out.print("no matches")
        return
    _print_bars(out, counts.counts)
    if counts.undated:
        out.print(f"  [dim]undated: {counts.undated}[/dim]")
    out.print(f"[dim]{plural(counts.total, 'story', 'stories')}[/dim]")


def _print_split(compared: SplitTrend, as_json: bool) -> None:
    by, split = compared.period.value, compared.split.value
    if as_json:
        for series in compared.series:
            for name, n in zip(compared.periods, series.counts, strict=True):
                sys.stdout.write(json.dumps({by: name, split: series.name, "stories": n}) + "\n")
            if series.undated:
                sys.stdout.write(json.dumps({by: None, split: series.name, "stories": series.undated}) + "\n")
        return
    out = Console(soft_wrap=True)
    if not compared.series:
        out.print("no matches")
        return
    table = Table(by, *(s.name for s in compared.series))
    for i, name in enumerate(compared.periods):
        table.add_row(name, *(str(s.counts[i]) if s.counts[i] else "·" for s in compared.series))
    if any(s.undated for s in compared.series):
        table.add_row("undated", *(str(s.undated) for s in compared.series))
    table.add_row("[bold]all[/bold]", *(f"[bold]{s.total}[/bold]" for s in compared.series))
    out.print(table)
    if compared.others:
        out.print(f"[dim]{plural(compared.others, 'story', 'stories')} of other {split}s (--top)[/dim]")


def _print_latest(out: Console, heading: str, refs: Iterable[ArticleRef]) -> None:
    out.print(f"\n[bold]{heading}[/bold]")
    for ref in refs:
        out.print(f"  {ref.title or '(untitled)'} [dim]{ref.site} · {ref.published or 'no date'}[/dim]")


def _print_named(out: Console, heading: str, counts: Iterable[EntityCount], unit: tuple[str, str]) -> None:
    """Entities with their type and how many stories (articles) name them, under `heading`."""
    rows = list(counts)
    if rows:
        out.print(f"\n[bold]{heading}[/bold]")
        for e in rows:
            out.print(f"  {e.name} [dim]{e.type} · {plural(e.articles, *unit)}[/dim]")


def _print_bars(out: Console, counts: tuple[tuple[str, int], ...], width: int = 40) -> None:
    top = max((n for _, n in counts), default=0)
    for name, n in counts:
        bar = "█" * max(1, round(width * n / top)) if n else ""
        out.print(f"  {name:<10} {bar} {n}")


@app.command(
    "quotes",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta quotes --speaker 'Sri Mulyani Indrawati' --db corpus.db\n\n"
        "  warta quotes --words 'harga beras' --from 2025-01 --limit 50\n\n"
        "  warta quotes --speaker perry --json | jq -r .text"
    ),
)
def quotes_command(
    db: DbOption = Path("corpus.db"),
    speaker: Annotated[str | None, typer.Option(help="Who said it: a canonical name, any case.")] = None,
    words: Annotated[str | None, typer.Option(help="Words the quote holds, all of them (any case).")] = None,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
    limit: Annotated[int, typer.Option(help="How many quotes.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines output.")] = False,
) -> None:
    """Who said what: the attributed quotes of an enriched corpus (`warta ingest --enrich`), newest first.

    By speaker, by words, or both; --site, --lang, --from, --to and --entity select the
    articles as in `warta search` (one copy per story).
    """
    err = Console(stderr=True, soft_wrap=True)
    filters = SearchFilters(site, lang, date_from, date_to, limit, entity=entity, author=author)
    store = _open(db, err)
    try:
        if not has_mentions(store) and store.conn.execute("SELECT 1 FROM quotes LIMIT 1").fetchone() is None:
            err.print(f"no quotes in {db}: ingest with `warta ingest PATH --db {db} --enrich`")
            raise typer.Exit(code=1)
        found = find_quotes(store, filters, speaker, words)
        similar = similar_speakers(store, speaker) if speaker and not found else []
    except QueryError as exc:
        err.print(f"[red]cannot list quotes:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    if as_json:
        _json_lines(found)
        return
    out = Console(soft_wrap=True)
    if not found:
        others = [name for name in similar if entity_key(name) != entity_key(speaker or "")]
        out.print("no quotes" + (f" (speakers with similar names: {', '.join(others)})" if others else ""))
        return
    for quote in found:
        verb = f" {quote.verb}" if quote.verb else ""
        out.print(f"[bold]{quote.speaker}[/bold]{verb}: “{quote.text}”")
        out.print(
            f"   [dim]{quote.published or 'no date'} · {quote.title or '(untitled)'} · article {quote.article_id}[/dim]"
        )


@app.command(
    "stories",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta stories --db corpus.db                        (the stories most sites carried)\n\n"
        "  warta stories --from 2025-03-01 --to 2025-03-07 --lang id\n\n"
        "  warta stories --entity 'Korea Utara' --min-sites 3 --json"
    ),
)
def stories_command(
    db: DbOption = Path("corpus.db"),
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
    min_sites: Annotated[int, typer.Option(min=1, help="Only stories at least this many sites carried.")] = 2,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines output.")] = False,
) -> None:
    """The stories most sites carried: duplicate clusters (a wire story, a copied report), the most
    sites first, with the copy published first and its site (the likely origin).

    --site, --lang, --from, --to and --entity keep the stories with a copy that passes them.
    """
    err = Console(stderr=True, soft_wrap=True)
    filters = SearchFilters(site, lang, date_from, date_to, limit, entity=entity, author=author)
    store = _open(db, err)
    try:
        found = top_stories(store, filters, min_sites)
    except QueryError as exc:
        err.print(f"[red]cannot list stories:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    if as_json:
        _json_lines(found)
        return
    out = Console(soft_wrap=True)
    if not found:
        out.print(f"no story carried by {min_sites} sites or more")
        return
    table = Table("story", "sites", "copies", "first", "first site", "article")
    for story in found:
        table.add_row(
            story.title or "(untitled)",
            str(story.sites),
            str(story.copies),
            (story.first_published or "")[:16],
            story.first_site or "",
            str(story.article_id),
        )
    out.print(table)


@app.command(
    "authors",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta authors --db corpus.db                         (the writers credited on the most stories)\n\n"
        "  warta authors --site kompas.com --from 2025-01 --role editor\n\n"
        "  warta authors 'Tomasz Wren' --db corpus.db           (a profile: sites, months, what the stories name)\n\n"
        "  warta search banjir --author 'Yohanes Aditya'"
    ),
)
def authors_command(
    name: Annotated[
        str | None,
        typer.Argument(help="A writer's name as printed (any case): the profile. Without it, the list."),
    ] = None,
    db: DbOption = Path("corpus.db"),
    role: Annotated[str | None, typer.Option(help="Only this role (author, editor, reporter, ...).")] = None,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    limit: Annotated[int, typer.Option(help="How many writers to list.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (lines for the list).")] = False,
) -> None:
    """Who writes the corpus: the people credited on the most stories (desks and agencies aside),
    or one writer's profile (roles, job titles, sites, stories by month, what they name, latest).
    """
    err = Console(stderr=True, soft_wrap=True)
    filters = SearchFilters(site, lang, date_from, date_to, limit, entity=entity)
    store = _open(db, err)
    try:
        writers = top_writers(store, filters, role) if name is None else []
        profile = writer_profile(store, name, filters) if name is not None else None
        similar = similar_writers(store, name) if name is not None and profile is None else []
    except QueryError as exc:
        err.print(f"[red]cannot list writers:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    out = Console(soft_wrap=True)
    if name is None:
        if as_json:
            _json_lines(writers)
            return
        table = Table("writer", "stories", "sites", "roles")
        for writer in writers:
            table.add_row(writer.name, str(writer.stories), str(writer.sites), writer.roles)
        out.print(table if writers else "no credited writers")
        return
    if profile is None:
        hint = f": did you mean {', '.join(repr(n) for n in similar)}?" if similar else ""
        err.print(f"no article credits {name!r}{hint}")
        raise typer.Exit(code=1)
    if as_json:
        sys.stdout.write(json.dumps(asdict(profile), ensure_ascii=False) + "\n")
        return
    roles = ", ".join(f"{r} ({n})" for r, n in profile.roles)
    span = f", {profile.first[:10]} to {profile.last[:10]}" if profile.first and profile.last else ""
    out.print(f"[bold]{profile.name}[/bold] [dim]{roles}[/dim]")
    if profile.job_titles:
        out.print(f"[dim]{' / '.join(profile.job_titles[:3])}[/dim]")
    out.print(
        f"{plural(profile.stories, 'story', 'stories')}{span}; "
        + ", ".join(f"{s} ({n})" for s, n in profile.sites)
    )
    if profile.months:
        out.print("\n[bold]stories by month[/bold]")
        _print_bars(out, profile.months, width=24)
    _print_named(out, "what the stories name", profile.entities, ("story", "stories"))
    _print_latest(out, "latest", profile.latest)


@app.command(
    "entities",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta entities --db corpus.db                      (the most named entities)\n\n"
        "  warta entities --type person --site kompas.com --from 2025-01 --limit 50\n\n"
        "  warta entities 'Korea Utara' --db corpus.db          (its profile: months, named with, quotes, articles)\n\n"
        "  warta entities 'Prabowo Subianto' --json | jq .quotes\n\n"
        "  warta entities --rising --from 2025-03-01 --to 2025-03-07   (named far more than the week before)"
    ),
)
def entities_command(
    name: Annotated[
        str | None,
        typer.Argument(
            help="An entity's canonical name (any case): its profile. Without it, the most named entities."
        ),
    ] = None,
    db: DbOption = Path("corpus.db"),
    entity_type: EntityTypeOption = None,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: Annotated[int, typer.Option(help="How many entities to list.")] = 20,
    duplicates: Annotated[bool, typer.Option(help="Count every copy of a story, not one.")] = False,
    author: AuthorOption = None,
    rising: Annotated[
        bool,
        typer.Option(
            "--rising", help="The entities named far more in --from..--to than in the span as long before it."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (lines for the list).")] = False,
) -> None:
    """Who and what the corpus names (needs `warta ingest --enrich`), or one entity's profile.

    The list counts the articles naming each entity (one copy per story) and its mentions.
    A profile gives the articles naming the entity month by month, the entities named with
    it, what it said (quotes whose speaker it is) and its latest articles. --site, --lang,
    --from and --to select the articles counted, as in `warta search`. --rising lists the
    entities named in more stories from --from to --to than in the span as long before it,
    the furthest above their usual first: (stories now - before) / sqrt(before + 1).
    """
    err = Console(stderr=True, soft_wrap=True)
    if rising and name is not None:
        err.print("[red]--rising lists entities[/red]: give it without a NAME")
        raise typer.Exit(code=2)
    filters = SearchFilters(site, lang, date_from, date_to, limit, duplicates, author=author)
    store = _open(db, err)
    try:
        if not has_mentions(store):
            err.print(f"no entities in {db}: ingest with `warta ingest PATH --db {db} --enrich`")
            raise typer.Exit(code=1)
        risen: list[RisingEntity] = []
        if name is None:
            counts = [] if rising else top_entities(store, filters, entity_type)
            risen = rising_entities(store, filters, entity_type) if rising else []
            profile, similar = None, []
        else:
            counts = []
            profile = entity_profile(store, name, filters)
            similar = similar_entities(store, name) if profile is None else []
    except QueryError as exc:
        err.print(f"[red]cannot list entities:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    out = Console(soft_wrap=True)
    if rising:
        _print_rising(out, risen, as_json)
        return
    if name is None:
        if as_json:
            _json_lines(counts)
            return
        table = Table("entity", "type", "articles", "mentions")
        for count in counts:
            table.add_row(count.name, count.type, str(count.articles), str(count.mentions))
        out.print(table)
        return
    if profile is None:
        hint = f": did you mean {', '.join(repr(n) for n in similar)}?" if similar else ""
        err.print(f"no article names {name!r}{hint}")
        raise typer.Exit(code=1)
    if as_json:
        sys.stdout.write(json.dumps(asdict(profile), ensure_ascii=False) + "\n")
        return
    _print_profile(out, profile)


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    json = "json"


_GRAPH_WRITERS = {
    GraphFormat.graphml: write_graphml,
    GraphFormat.gexf: write_gexf,
    GraphFormat.csv: write_csv,
}


@app.command(
    "network",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta network --db corpus.db                         (the strongest links, as a table)\n\n"
        "  warta network -o corpus.gexf --top 200               (for Gephi; .graphml for networkx or Cytoscape)\n\n"
        "  warta network 'banjir OR longsor' --from 2025-01 --type organisation -o banjir.graphml\n\n"
        "  warta network --entity 'Korea Utara' --min-stories 3 -o korut.csv   (its ego network)"
    ),
)
def network_command(
    query: SelectionArgument = None,
    db: DbOption = Path("corpus.db"),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the network here (format from the name, or --format)."),
    ] = None,
    fmt: Annotated[
        GraphFormat | None,
        typer.Option("--format", "-f", help="graphml, gexf (Gephi), csv (one edge a row) or json."),
    ] = None,
    top: Annotated[int, typer.Option(help="The most named entities that are its nodes.")] = 100,
    min_stories: Annotated[
        int, typer.Option(help="Link two entities named together by this many stories.")
    ] = 2,
    entity_type: EntityTypeOption = None,
    site: SiteOption = None,
    lang: LangOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    entity: EntityOption = None,
    author: AuthorOption = None,
) -> None:
    """Who is named with whom: the entities of an enriched corpus linked by the stories naming both.

    The nodes are the --top entities named by the most stories among the articles that pass the
    filters (and match the search, where one is given); two are linked where --min-stories stories
    or more name both, a story copied across sites counting once. --entity keeps the stories
    naming that entity: its ego network. Without --output the strongest links are printed.
    """
    err = Console(stderr=True, soft_wrap=True)
    chosen = fmt or _graph_format(output)
    if chosen is None:
        err.print(
            f"[red]cannot tell the format of {output}[/red]: name it .graphml, .gexf, .csv or .json, or give --format"
        )
        raise typer.Exit(code=2)
    filters = SearchFilters(site, lang, date_from, date_to, 1, True, entity=entity, author=author)
    store = _open(db, err)
    try:
        if not has_mentions(store):
            err.print(f"no entities in {db}: ingest with `warta ingest PATH --db {db} --enrich`")
            raise typer.Exit(code=1)
        network = entity_network(store, filters, query, entity_type, top, min_stories)
    except QueryError as exc:
        err.print(f"[red]cannot draw the network:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    finally:
        store.close()
    summary = f"{plural(len(network.nodes), 'entity', 'entities')}, {plural(len(network.edges), 'link')}"
    if output is None and fmt is None:
        out = Console(soft_wrap=True)
        table = Table("entity", "entity", "stories naming both")
        for edge in network.edges[:25]:
            table.add_row(network.name_of(edge.source), network.name_of(edge.target), str(edge.stories))
        out.print(
            table if network.edges else f"no two entities named together by {min_stories} stories or more"
        )
        out.print(f"[dim]{summary}; write it all with -o network.gexf (or .graphml, .csv, .json)[/dim]")
        return
    with _output(output) as handle:
        if chosen is GraphFormat.json:
            json.dump(asdict(network), handle, ensure_ascii=False)
            handle.write("\n")
        else:
            _GRAPH_WRITERS[chosen](network, handle)
    if output is not None:
        err.print(f"{summary} written to {output}")


def _graph_format(output: Path | None) -> GraphFormat | None:
    if output is None:
        return GraphFormat.csv
    try:
        return GraphFormat(output.suffix.lower().lstrip("."))
    except ValueError:
        return None


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """The file at `path` (written whole, UTF-8), or stdout."""
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def _print_rising(out: Console, risen: list[RisingEntity], as_json: bool) -> None:
    if as_json:
        _json_lines(risen)
        return
    if not risen:
        out.print("no entity rose (each needs 2 stories in the span, more than in the span before)")
        return
    table = Table("entity", "type", "stories", "before", "score")
    for entity in risen:
        table.add_row(entity.name, entity.type, str(entity.now), str(entity.before), f"{entity.score:.2f}")
    out.print(table)


def _print_profile(out: Console, profile: EntityProfile) -> None:
    types = ", ".join(f"{kind} ({n})" for kind, n in profile.types)
    span = f", {profile.first[:10]} to {profile.last[:10]}" if profile.first and profile.last else ""
    out.print(f"[bold]{profile.name}[/bold] [dim]{types}[/dim]")
    out.print(f"{plural(profile.articles, 'article')}, {plural(profile.mentions, 'mention')}{span}")
    if profile.months:
        out.print("\n[bold]articles by month[/bold]")
        _print_bars(out, profile.months, width=24)
        if profile.undated:
            out.print(f"  [dim]undated: {profile.undated}[/dim]")
    _print_named(out, "named with", profile.together, ("article", "articles"))
    if profile.quotes:
        out.print("\n[bold]said[/bold]")
        for quote in profile.quotes:
            out.print(f"  “{quote.text}” [dim]{quote.published or 'no date'} · {quote.title or ''}[/dim]")
    _print_latest(out, "latest articles", profile.latest)


@app.command(
    "sites",
    epilog=(
        "[b]Examples[/b]\n\n"
        "  warta sites --db corpus.db\n\n"
        "  warta ingest crawl/ --db corpus.db && warta sites --db corpus.db"
    ),
)
def sites_command(db: DbOption = Path("corpus.db")) -> None:
    """Sites in the corpus, with the template blocks learned for each.

    "distinct pages" counts the site's stored pages that are no exact copy of another of its
    pages (what its templates are learned from); "articles", every stored article.
    """
    err = Console(stderr=True, soft_wrap=True)
    store = _open(db, err)
    reports = site_reports(store)
    store.close()
    table = Table("site", "distinct pages", "articles", "template blocks", "examples")
    for r in reports:
        table.add_row(r.site, str(r.pages), str(r.articles), str(r.template_blocks), " | ".join(r.examples))
    Console().print(table)


@app.command(
    "serve",
    epilog="[b]Examples[/b]\n\n  warta serve --db corpus.db                 # http://127.0.0.1:8000\n\n"
    "  warta serve --db corpus.db --port 9000 --host 0.0.0.0\n\n"
    "  curl 'http://127.0.0.1:8000/api/search?q=Korea+Utara&lang=id'",
)
def serve_command(
    db: DbOption = Path("corpus.db"),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Read and explore the corpus in a browser: search, articles with their lists and copies, sites.

    Read-only; a JSON API sits beside the pages (/api/search, /api/article/ID, /api/docs).
    Needs the serve extra: pip install 'warta[serve]'.
    """
    err = Console(stderr=True, soft_wrap=True)
    _open(db, err).close()  # a clear message for a missing or broken corpus
    try:
        import uvicorn

        from warta.serve import create_app
    except ImportError as exc:
        err.print(f"[red]the web browser needs the serve extra[/red]: pip install 'warta[serve]' ({exc})")
        raise typer.Exit(code=2) from exc
    err.print(f"serving {db} on http://{host}:{port} (Ctrl+C stops)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
