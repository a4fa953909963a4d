"""`ingest`: pages from readers into a corpus store, in parallel, resumable.

Workers (a process pool, each holding one `PageWorker`) extract; the parent
is the only writer and commits one batch per transaction, together with the
names of the input records it covers. A record already in `sources` is not
read again, so a killed ingest rerun with the same command resumes without
losing or duplicating pages, and a repeated ingest is a no-op. An input that
could not be read at all (missing, unreadable, empty) is not recorded: the next
run tries it again.

Memory stays bounded: pages stream from the readers in batches, at most two
batches are in flight (one being extracted while the previous one is
written), and nothing per page is kept in the parent except counters.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from warta.corpus.champions import refresh_search_index
from warta.corpus.clusters import ClusterSummary, build_clusters
from warta.corpus.dedup import MinHasher
from warta.corpus.mentions import refresh_entity_stats
from warta.corpus.store import SAME_URL, SAME_URL_OTHER_TEXT, Store
from warta.corpus.templates import TemplatePolicy, apply_templates, learn_templates
from warta.model import Page
from warta.options import ExtractOptions
from warta.readers import JsonlFields, read_paths
from warta.readers.files import ReadError
from warta.run.worker import PageOutcome, PageWorker, site_of_url

Task = tuple[Page | ReadError, frozenset[str], int]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest. `workers=1` runs in-process (no pool)."""

    workers: int = max(1, os.cpu_count() or 1)
    batch_size: int = 256
    learn_every: int = 2000
    templates: bool = True
    # Store pages that hold no article too (a listing, a shop, a forum's index: their main content as
    # the body, `page_type` "other" in the row's data; a forum thread or Q&A page, the whole thread
    # as the body, `page_type` "discussion"); by default they are skipped, with the reason.
    all_pages: bool = False
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    policy: TemplatePolicy = field(default_factory=TemplatePolicy)


@dataclass(slots=True)
class IngestReport:
    """What an ingest did, with a reason for every page that did not become a new article."""

    run_id: int = 0
    seen: int = 0
    ingested: int = 0
    already: int = 0  # records processed by an earlier run (resume / repeat)
    url_duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    failed_examples: list[tuple[str, str]] = field(default_factory=list)
    # Pages extracted with warnings (a cut gzip, a truncated page, repaired mojibake...): partial or
    # doubtful results, stored like the others; the first few (source, warnings) are kept to name.
    warned: int = 0
    warned_examples: list[tuple[str, str]] = field(default_factory=list)
    templates_changed: int = 0
    refiltered: int = 0
    clusters: ClusterSummary | None = None
    search_index: bool = False  # search champion lists rebuilt (warta.corpus.champions)


def _batches(items: Iterable[Page | ReadError], size: int) -> Iterator[list[Page | ReadError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Templates:
    """The parent's view of learned templates, refreshed after each learning step."""

    def __init__(self, store: Store, enabled: bool) -> None:
        self.store = store
        self.enabled = enabled
        self.by_site: dict[str, tuple[int, frozenset[str]]] = {}
        self.refresh()

    def refresh(self) -> None:
        if self.enabled:
            self.by_site = self.store.template_keys()

    def task(self, item: Page | ReadError) -> Task:
        site = site_of_url(item.url) if isinstance(item, Page) else None
        version, keys = self.by_site.get(site or "", (0, frozenset()))
        return item, keys, version


# One PageWorker per pool process, built by the pool initializer (load once, apply many).
_PROCESS_WORKER: list[PageWorker] = []


def _init_worker(options: ExtractOptions, all_pages: bool) -> None:
    _PROCESS_WORKER.append(PageWorker(options, all_pages))


def _work(task: Task) -> PageOutcome:
    item, keys, version = task
    return _PROCESS_WORKER[0].run(item, keys, version)


def ingest(
    store: Store,
    inputs: list[str],
    options: IngestOptions | None = None,
    fields: JsonlFields | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read, extract, store, learn templates and cluster duplicates. See the module doc."""
    options = options or IngestOptions()
    report = IngestReport(run_id=store.start_run(inputs))
    templates = _Templates(store, options.templates)
    reader = _stdin_by_content(read_paths(inputs, fields))
    pool: Pool | None = None
    local = PageWorker(options.extract, options.all_pages) if options.workers <= 1 else None
    if local is None:
        context = multiprocessing.get_context("spawn")
        pool = context.Pool(
            options.workers, initializer=_init_worker, initargs=(options.extract, options.all_pages)
        )
    try:
        pending: AsyncResult[list[PageOutcome]] | list[PageOutcome] | None = None
        since_learn = 0
        for batch in _batches(reader, options.batch_size):
            tasks = _new_tasks(store, batch, templates, report)
            submitted: AsyncResult[list[PageOutcome]] | list[PageOutcome]
            if pool is not None:
                submitted = pool.map_async(
                    _work, tasks, chunksize=max(1, len(tasks) // (4 * options.workers))
                )
            else:
                assert local is not None
                submitted = [local.run(*task) for task in tasks]
            if pending is not None:
                since_learn += _write(store, _get(pending), report)
                if on_batch:
                    on_batch(report)
            pending = submitted
            if options.templates and since_learn >= options.learn_every:
                report.templates_changed += learn_templates(store, options.policy)
                templates.refresh()
                since_learn = 0
        if pending is not None:
            _write(store, _get(pending), report)
            if on_batch:
                on_batch(report)
    finally:
        if pool is not None:
            pool.terminate()
    _finish(store, options, report)
    return report


def _stdin_by_content(items: Iterable[Page | ReadError]) -> Iterator[Page | ReadError]:
    """The items, with a page read from stdin named by its content's hash.

    An input record is ingested once, under its name; stdin's name ("<stdin>") is the
    same whatever is piped in, so a second page piped to another ingest would be taken
    for the first and skipped as already ingested.
    """
    for item in items:
        if isinstance(item, Page) and item.source == "<stdin>":
            content = (
                item.content if isinstance(item.content, bytes) else item.content.encode("utf-8", "replace")
            )
            item = replace(item, source=f"<stdin>#sha1:{hashlib.sha1(content).hexdigest()}")
        yield item


def _get(pending: AsyncResult[list[PageOutcome]] | list[PageOutcome]) -> list[PageOutcome]:
    return pending if isinstance(pending, list) else pending.get()


def _new_tasks(
    store: Store, batch: list[Page | ReadError], templates: _Templates, report: IngestReport
) -> list[Task]:
    report.seen += len(batch)
    seen = store.seen_sources(_source(item) for item in batch)
    fresh: dict[str, Page | ReadError] = {}
    for item in batch:
        source = _source(item)
        if isinstance(item, ReadError) and item.skip:  # (not recorded: a crawl holds many such records)
            report.skipped[item.message] += 1
        elif source in seen:
            report.already += 1
        elif source in fresh:  # the same record twice in this run's inputs (a file named twice)
            report.skipped["input record given twice in this run"] += 1
        else:
            fresh[source] = item
    return [templates.task(item) for item in fresh.values()]


def _source(item: Page | ReadError) -> str:
    return item.source if isinstance(item, ReadError) else (item.source or "<unknown>")


def _write(store: Store, outcomes: list[PageOutcome], report: IngestReport) -> int:
    articles = [o.article for o in outcomes if o.article is not None]
    for article in articles:
        warnings = article.data.get("warnings")
        if warnings:
            report.warned += 1
            if len(report.warned_examples) < 50:
                report.warned_examples.append((article.source, "; ".join(map(str, warnings))))
    others: list[tuple[str, str, str]] = []
    for outcome in outcomes:
        if outcome.article is not None:
            continue
        reason = outcome.reason or "unknown"
        if not outcome.retry:  # (an input missing or unreadable now is tried again by the next run)
            others.append((outcome.source, outcome.status, reason))
        if outcome.status == "failed":
            report.failed[reason] += 1
            if len(report.failed_examples) < 50:
                report.failed_examples.append((outcome.source, reason))
        else:
            report.skipped[reason] += 1
    inserted, duplicates, changed = store.write_batch(report.run_id, articles, others)
    report.ingested += inserted
    report.url_duplicates += duplicates
    if duplicates > changed:
        report.skipped[SAME_URL] += duplicates - changed
    if changed:
        report.skipped[SAME_URL_OTHER_TEXT] += changed
    return inserted


def _finish(store: Store, options: IngestOptions, report: IngestReport) -> None:
    if options.templates:
        report.templates_changed += learn_templates(store, options.policy)
        report.refiltered = apply_templates(store, MinHasher())
    report.clusters = build_clusters(store)
    report.search_index = refresh_search_index(store)
    refresh_entity_stats(store)
    store.finish_run(
        report.run_id,
        report.ingested,
        sum(report.skipped.values()) + report.already,
        sum(report.failed.values()),
    )
