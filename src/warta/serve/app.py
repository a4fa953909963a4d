"""The corpus browser: search, read an article with its lists and copies, see the sites.

A read-only FastAPI app over one corpus file. Each request opens its own connection
(SQLite connections are not shared across the server's threads); the store's WAL mode
lets an ingest run while the browser reads.

    warta serve --db corpus.db            # http://127.0.0.1:8000
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from warta.corpus.bylines import similar_writers, top_writers, writer_profile
from warta.corpus.export import ExportFormat, export
from warta.corpus.mentions import (
    EntityCount,
    RisingEntity,
    entity_profile,
    find_quotes,
    rising_entities,
    similar_entities,
    similar_speakers,
    top_entities,
)
from warta.corpus.network import MAX_NODES, Network, entity_network, write_csv, write_gexf, write_graphml
from warta.corpus.search import Hit, QueryError, SearchFilters, SearchOrder, latest, search
from warta.corpus.store import Store, StoredVersion
from warta.corpus.stories import top_stories
from warta.corpus.templates import site_reports
from warta.corpus.trends import Period, Split, split_trend, trend
from warta.errors import WartaError
from warta.serve import pages

_MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.jsonl: "application/x-ndjson",
    ExportFormat.parquet: "application/vnd.apache.parquet",
}
P = TypeVar("P")  # a profile: an entity's or a writer's
PAGE_LIMIT = 100  # results on one page of the browser (the search itself allows more)
ENTITY_LIMIT = 500  # most entities one request lists
NETWORK_DRAWN = 200  # most entities the network page draws (the API gives more)


def create_app(db: str | Path) -> Any:
    """The FastAPI app for the corpus at `db` (which must exist: the browser never creates one)."""
    from fastapi import Depends, FastAPI, HTTPException, Query
    from fastapi.responses import FileResponse, HTMLResponse, Response
    from starlette.background import BackgroundTask

    path = Path(db)
    if not path.is_file():
        raise WartaError(f"no corpus at {path}: build one with `warta ingest PATH --db {path}`")

    @contextmanager
    def opened() -> Iterator[Store]:
        store = Store.open(path)
        store.map_for_reading()
        try:
            yield store
        finally:
            store.close()

    app = FastAPI(title="warta", docs_url="/api/docs", redoc_url=None)

    def scope(
        site: str | None = None,
        lang: str | None = None,
        date_from: str | None = Query(None, alias="from"),
        date_to: str | None = Query(None, alias="to"),
        entity: str | None = None,
        author: str | None = None,
    ) -> SearchFilters:
        """The filters every listing takes as query parameters: site, language, dates, entity, author."""
        return SearchFilters(
            site or None,
            lang or None,
            date_from or None,
            date_to or None,
            entity=entity or None,
            author=author or None,
        )

    in_scope = Depends(scope)  # (the parameter every listing declares)

    def limited(filters: SearchFilters, limit: int, cap: int = PAGE_LIMIT) -> SearchFilters:
        return replace(filters, limit=max(1, min(limit, cap)))

    def profile_of(
        find: Callable[[Store, str, SearchFilters], P | None],
        similar: Callable[[Store, str], list[str]],
        name: str,
        filters: SearchFilters,
    ) -> tuple[P | None, list[str]]:
        """An entity's or a writer's profile, or where there is none the names like `name`;
        raises `QueryError` for filters that cannot run."""
        with opened() as store:
            profile = find(store, name, filters)
            return profile, (similar(store, name) if profile is None else [])

    def error_page(name: str, exc: QueryError) -> HTMLResponse:
        return HTMLResponse(pages.layout(name, f"<p class='error'>{pages.esc(exc)}</p>"), status_code=400)

    @app.get("/", response_class=HTMLResponse)
    def home(
        q: str = "",
        filters: SearchFilters = in_scope,
        limit: int = 20,
        sort: SearchOrder = SearchOrder.relevance,
    ) -> str:
        filters = replace(limited(filters, limit), order=sort)
        error = None
        hits: list[Hit] = []
        with opened() as store:
            choices = _choices(store)
            stats = store.stats()
            over_time = ""
            if q.strip():
                try:
                    hits = search(store, q, filters)
                    if hits:
                        over_time = pages.trend_html(trend(store, q, filters, Period.month))
                except QueryError as exc:
                    error = str(exc)
                listing = ""
            else:
                listing = _latest_html(store, filters)
        body = (
            "<h1>warta corpus</h1>"
            + pages.corpus_summary(stats)
            + pages.search_form(q, filters, *choices)
            + over_time
            + pages.results_html(q.strip(), hits, error)
            + (pages.export_links(q.strip(), filters) if hits else "")
            + listing
        )
        return pages.layout(q or "corpus", body)

    @app.get("/export")
    def export_selection(
        q: str = "",
        filters: SearchFilters = in_scope,
        format: ExportFormat = ExportFormat.csv,
        dedup: bool = True,
    ) -> Any:
        """Every article the query and filters select (not a page of them), as a file: CSV,
        JSONL or Parquet, one copy per story unless `dedup=false`. Written to a temporary file
        first and streamed from it: never the whole selection in memory."""
        handle, name = tempfile.mkstemp(suffix=f".{format.value}", prefix="warta-export-")
        os.close(handle)
        try:
            with opened() as store:
                export(
                    store,
                    Path(name),
                    format,
                    dedup,
                    filters if filters != SearchFilters() else None,
                    q.strip() or None,
                )
        except QueryError as exc:
            os.unlink(name)
            raise HTTPException(400, str(exc)) from exc
        except BaseException:
            os.unlink(name)
            raise
        return FileResponse(
            name,
            media_type=_MEDIA_TYPES[format],
            filename=f"warta-export.{format.value}",
            background=BackgroundTask(os.unlink, name),
        )

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article(article_id: int) -> Any:
        with opened() as store:
            found = _article(store, article_id)
        if found is None:  # (a page for the browser; the API answers JSON)
            body = f"<h1>no article {article_id}</h1><p><a href='/'>search the corpus</a></p>"
            return HTMLResponse(pages.layout("not found", body), status_code=404)
        return pages.layout(
            str(found.data.get("title") or article_id),
            pages.article_html(
                article_id,
                found.data,
                found.site,
                found.copies,
                pages.versions_html(found.data, found.text, found.versions),
            ),
        )

    @app.get("/sites", response_class=HTMLResponse)
    def sites() -> str:
        with opened() as store:
            reports = site_reports(store)
        return pages.layout("sites", pages.sites_html(reports))

    @app.get("/entities", response_class=HTMLResponse)
    def entities(
        type: str | None = None,
        filters: SearchFilters = in_scope,
        limit: int = 100,
        rising: bool = False,
    ) -> str:
        filters = limited(filters, limit, ENTITY_LIMIT)
        rows: list[EntityCount] = []
        risen: list[RisingEntity] = []
        error = None
        with opened() as store:
            try:
                if rising:
                    risen = rising_entities(store, filters, type or None)
                else:
                    rows = top_entities(store, filters, type or None)
            except QueryError as exc:
                error = str(exc)
            choices = _choices(store)
        shown = risen if rising else None
        return pages.layout(
            "entities", pages.entities_html(rows, filters, type or None, *choices, error, shown)
        )

    @app.get("/entity/{name}", response_class=HTMLResponse)
    def entity(
        name: str,
        filters: SearchFilters = in_scope,
    ) -> Any:
        try:
            profile, similar = profile_of(entity_profile, similar_entities, name, filters)
        except QueryError as exc:
            return error_page(name, exc)
        if profile is None:
            return HTMLResponse(pages.layout(name, pages.no_entity_html(name, similar)), status_code=404)
        return pages.layout(profile.name, pages.entity_html(profile, filters))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes(
        speaker: str = "",
        words: str = "",
        filters: SearchFilters = in_scope,
        limit: int = 50,
    ) -> str:
        filters = limited(filters, limit)
        error, found, similar = None, [], []
        with opened() as store:
            try:
                found = find_quotes(store, filters, speaker.strip() or None, words.strip() or None)
                similar = similar_speakers(store, speaker) if speaker.strip() and not found else []
            except QueryError as exc:
                error = str(exc)
            choices = _choices(store)
        return pages.layout(
            "quotes",
            pages.quotes_html(found, speaker, words, filters, *choices, similar=similar, error=error),
        )

    @app.get("/api/quotes")
    def api_quotes(
        speaker: str | None = None,
        words: str | None = None,
        filters: SearchFilters = in_scope,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Attributed quotes, newest first: by speaker (canonical name, any case) and/or words."""
        filters = limited(filters, limit)
        with opened() as store:
            try:
                return [asdict(q) for q in find_quotes(store, filters, speaker or None, words or None)]
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc

    @app.get("/stories", response_class=HTMLResponse)
    def stories(filters: SearchFilters = in_scope, min_sites: int = 2, limit: int = 50) -> str:
        filters = limited(filters, limit)
        error, found = None, []
        with opened() as store:
            try:
                found = top_stories(store, filters, max(1, min_sites))
            except QueryError as exc:
                error = str(exc)
            choices = _choices(store)
        return pages.layout("stories", pages.stories_html(found, filters, min_sites, *choices, error=error))

    @app.get("/api/stories")
    def api_stories(
        filters: SearchFilters = in_scope, min_sites: int = 2, limit: int = 50
    ) -> list[dict[str, Any]]:
        """The stories most sites carried (duplicate clusters), with the copy published first."""
        with opened() as store:
            try:
                return [asdict(s) for s in top_stories(store, limited(filters, limit), max(1, min_sites))]
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc

    @app.get("/authors", response_class=HTMLResponse)
    def authors(role: str | None = None, filters: SearchFilters = in_scope, limit: int = 100) -> str:
        filters = limited(filters, limit, ENTITY_LIMIT)
        error, rows = None, []
        with opened() as store:
            try:
                rows = top_writers(store, filters, role or None)
            except QueryError as exc:
                error = str(exc)
            choices = _choices(store)
        return pages.layout("writers", pages.writers_html(rows, filters, role or None, *choices, error=error))

    @app.get("/author/{name}", response_class=HTMLResponse)
    def author(name: str, filters: SearchFilters = in_scope) -> Any:
        try:
            profile, similar = profile_of(writer_profile, similar_writers, name, filters)
        except QueryError as exc:
            return error_page(name, exc)
        if profile is None:
            links = ", ".join(pages.entity_link(n, page="author") for n in similar)
            body = f"<h1>{pages.esc(name)}</h1><p>no article credits this name</p>"
            body += f"<p>similar names: {links}</p>" if links else ""
            return HTMLResponse(pages.layout(name, body), status_code=404)
        return pages.layout(profile.name, pages.writer_html(profile, filters))

    @app.get("/api/authors")
    def api_authors(
        role: str | None = None, filters: SearchFilters = in_scope, limit: int = 100
    ) -> list[dict[str, Any]]:
        """The people credited on the most stories (organisations aside), one copy per story."""
        with opened() as store:
            try:
                return [
                    asdict(w) for w in top_writers(store, limited(filters, limit, ENTITY_LIMIT), role or None)
                ]
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc

    @app.get("/api/author/{name}")
    def api_author(name: str, filters: SearchFilters = in_scope) -> dict[str, Any]:
        """A writer's profile: roles, job titles, sites, stories by month, what they name, latest."""
        try:
            profile, similar = profile_of(writer_profile, similar_writers, name, filters)
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc
        if profile is None:
            raise HTTPException(404, f"no article credits {name!r}; similar: {similar}")
        return asdict(profile)

    @app.get("/api/entities")
    def api_entities(
        type: str | None = None,
        filters: SearchFilters = in_scope,
        limit: int = 100,
        rising: bool = False,
    ) -> list[dict[str, Any]]:
        """The entities named by the most articles (`warta ingest --enrich`), one copy per story;
        with `rising`, those named far more from `from` to `to` than in the span before."""
        filters = limited(filters, limit, ENTITY_LIMIT)
        with opened() as store:
            try:
                if rising:
                    return [asdict(row) for row in rising_entities(store, filters, type or None)]
                return [asdict(row) for row in top_entities(store, filters, type or None)]
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc

    @app.get("/api/entity/{name}")
    def api_entity(
        name: str,
        filters: SearchFilters = in_scope,
    ) -> dict[str, Any]:
        """One entity's profile: articles by month, entities named with it, its quotes, latest articles."""
        try:
            profile, similar = profile_of(entity_profile, similar_entities, name, filters)
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc
        if profile is None:
            raise HTTPException(404, f"no article names {name!r}; similar: {similar}")
        return asdict(profile)

    @dataclass(frozen=True)
    class NetworkAsk:
        """What a network request selects (`warta.corpus.network.entity_network`)."""

        query: str
        entity_type: str | None
        filters: SearchFilters
        top: int
        min_stories: int

        def read(self, store: Store, most: int = MAX_NODES) -> Network:
            return entity_network(
                store,
                replace(self.filters, include_duplicates=True),
                self.query or None,
                self.entity_type or None,
                min(self.top, most),
                self.min_stories,
            )

    def network_ask(
        q: str = "",
        type: str | None = None,
        filters: SearchFilters = in_scope,
        top: int = 60,
        min_stories: int = 2,
    ) -> NetworkAsk:
        """The search, entity type, filters, node count and link strength a network takes."""
        return NetworkAsk(q, type or None, filters, top, min_stories)

    asked_network = Depends(network_ask)

    @app.get("/network", response_class=HTMLResponse)
    def network_page(ask: NetworkAsk = asked_network) -> str:
        """Who is named with whom, drawn: the most named entities of the selected stories."""
        network, error = Network((), ()), None
        with opened() as store:
            try:
                network = ask.read(store, NETWORK_DRAWN)
            except QueryError as exc:
                error = str(exc)
            choices = _choices(store)
        top = min(ask.top, NETWORK_DRAWN)
        body = pages.network_html(
            network, ask.query, ask.filters, ask.entity_type, top, ask.min_stories, *choices, error
        )
        return pages.layout("network", body)

    @app.get("/api/network")
    def api_network(ask: NetworkAsk = asked_network, format: str = "json") -> Any:
        """Who is named with whom: the `top` most named entities of the stories the filters (and
        `q`) select, linked by the stories naming both (`min_stories` or more); as JSON, or as a
        file for graph tools with `format` graphml, gexf or csv."""
        writers = {
            "graphml": (write_graphml, "application/graphml+xml"),
            "gexf": (write_gexf, "application/xml"),
            "csv": (write_csv, "text/csv; charset=utf-8"),
        }
        if format != "json" and format not in writers:
            raise HTTPException(400, "format must be json, graphml, gexf or csv")
        with opened() as store:
            try:
                network = ask.read(store)
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc
        if format == "json":
            return asdict(network)
        write, media_type = writers[format]
        text = io.StringIO()
        write(network, text)
        return Response(
            text.getvalue(),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="warta-network.{format}"'},
        )

    @app.get("/api/search")
    def api_search(
        q: str,
        filters: SearchFilters = in_scope,
        limit: int = 10,
        sort: SearchOrder = SearchOrder.relevance,
    ) -> list[dict[str, Any]]:
        with opened() as store:
            try:
                hits = search(store, q, replace(limited(filters, limit), order=sort))
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc
        return [asdict(h) for h in hits]

    @app.get("/api/trend")
    def api_trend(
        q: str = "",
        filters: SearchFilters = in_scope,
        by: Period = Period.month,
        split: Split | None = None,
        top: int = 8,
    ) -> dict[str, Any]:
        """Stories matching `q` (every article the filters pass without it) per day, week, month
        or year, every period from the first to the last (empty ones 0), undated apart; with
        `split` (site or language), one series for each of the `top` with the most stories."""
        with opened() as store:
            try:
                if split is not None:
                    compared = split_trend(store, q or None, filters, by, split, max(1, min(top, 50)))
                    return asdict(compared)
                found = trend(store, q or None, filters, by)
            except QueryError as exc:
                raise HTTPException(400, str(exc)) from exc
        return {"by": by.value, "counts": [list(c) for c in found.counts], "undated": found.undated}

    @app.get("/api/article/{article_id}")
    def api_article(article_id: int) -> dict[str, Any]:
        with opened() as store:
            found = _article(store, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return {
            "id": article_id,
            "site": found.site,
            "article": found.data,
            "copies": [{"id": i, "title": t, "site": s} for i, t, s in found.copies],
            "versions": [version_record(v) for v in found.versions],
        }

    return app


def _choices(store: Store) -> tuple[list[str], list[str]]:
    sites = [str(r[0]) for r in store.conn.execute("SELECT name FROM sites ORDER BY name")]
    languages = [
        str(r[0])
        for r in store.conn.execute(
            "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY language"
        )
    ]
    return sites, languages


def _latest_html(store: Store, filters: SearchFilters) -> str:
    """Without a query: the newest articles that pass the filters, one per story."""
    try:
        hits = latest(store, filters)
    except QueryError as exc:
        return pages.results_html("", [], str(exc))
    if hits:
        return "<h2>latest</h2>" + "".join(map(pages.hit_html, hits))
    return "<p>no articles match these filters</p>" if filters.narrowed else "<p>no articles yet</p>"


def version_record(version: StoredVersion) -> dict[str, Any]:
    """A later capture as the API gives it: the stored version, its article data aside (the
    capture's own extraction, as `article` is the first's) under `article`."""
    record = asdict(version)
    record["article"] = record.pop("data")
    return record


@dataclass(frozen=True, slots=True)
class _Found:
    """A stored article as its page shows it."""

    data: dict[str, Any]
    site: str
    text: str
    copies: list[tuple[int, str, str]]  # the other articles of its duplicate cluster: id, title, site
    versions: list[StoredVersion]


def _article(store: Store, article_id: int) -> _Found | None:
    if not -(2**63) <= article_id < 2**63:  # (beyond SQLite's integers: no such article, not an error)
        return None
    row = store.conn.execute(
        "SELECT a.data, s.name, a.cluster_id, a.body FROM articles a JOIN sites s ON s.id = a.site_id"
        " WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    data, site, cluster = json.loads(row[0]), str(row[1]), row[2]
    copies: list[tuple[int, str, str]] = []
    if cluster is not None:
        copies = [
            (int(r[0]), r[1], str(r[2]))
            for r in store.conn.execute(
                "SELECT a.id, a.title, s.name FROM articles a JOIN sites s ON s.id = a.site_id"
                " WHERE a.cluster_id = ? AND a.id != ? ORDER BY a.id LIMIT 50",
                (cluster, article_id),
            )
        ]
    return _Found(data, site, str(row[3]), copies, store.versions(article_id))
