"""Export the corpus to JSONL, CSV or Parquet, streaming (never the whole corpus in memory)."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import IO, Any

from warta.corpus.search import SearchFilters, check_filters, filter_conditions, fts_expression, parse_query
from warta.corpus.store import Store
from warta.errors import WartaError

# The article's lists, as the flat formats keep them: people by name; tags as they are; read-also,
# related and sidebar entries as title and URL. In CSV each cell holds its list as JSON.
LIST_COLUMNS = ("authors", "editors", "tags", "read_also", "related", "sidebar")
COLUMNS = (
    "id",
    "url",
    "canonical_url",
    "site",
    "title",
    "language",
    "published",
    "text",
    "text_hash",
    "cluster_id",
    "is_representative",
    "source",
    "page_type",
    *LIST_COLUMNS,
    "versions",  # later captures of the URL with another text (JSONL: the captures themselves)
)
_NAME_LISTS = ("authors", "editors")
_LINK_LISTS = ("read_also", "related", "sidebar")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _selection(
    store: Store, representatives_only: bool, filters: SearchFilters | None, query: str | None
) -> tuple[str, list[object]] | None:
    """The WHERE clause (and its parameters) of the articles to export; None when none can match
    (a site that is not in the corpus). Filters and a query select as `warta search` does, every
    match and not a page of them; with `representatives_only`, one copy of each story that passes."""
    if filters is None and query is None:
        return ("WHERE a.is_representative = 1" if representatives_only else ""), []
    filters = replace(filters or SearchFilters(), include_duplicates=not representatives_only, limit=1)
    check_filters(filters)
    found = filter_conditions(store, filters)
    if found is None:
        return None
    where, params, _site = found
    if query is not None:
        expression = fts_expression(parse_query(query), store.tokenizer == "unicode61+id")
        where += " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        params.append(expression)
    return "WHERE 1" + where, params


def _rows(
    store: Store, representatives_only: bool, filters: SearchFilters | None = None, query: str | None = None
) -> Iterator[dict[str, Any]]:
    selection = _selection(store, representatives_only, filters, query)
    if selection is None:
        return
    where, params = selection
    for row in store.iter_rows(
        "SELECT a.id, a.url, a.canonical_url, s.name AS site, a.title, a.language, a.published,"
        " a.body AS text, a.text_hash, a.cluster_id, a.is_representative, a.source, a.data,"
        # (an article stored before schema 1.3 has no page_type: it was stored as an article)
        " COALESCE(json_extract(a.data, '$.page_type'), 'article') AS page_type,"
        " (SELECT count(*) FROM versions v WHERE v.article_id = a.id) AS versions"
        f" FROM articles a JOIN sites s ON s.id = a.site_id {where} ORDER BY a.id",
        tuple(params),
    ):
        yield dict(row)


def export(
    store: Store,
    out: IO[str] | Path,
    fmt: ExportFormat,
    representatives_only: bool = False,
    filters: SearchFilters | None = None,
    query: str | None = None,
) -> int:
    """Write every article (or one per duplicate cluster), or those that pass `filters` (site,
    language, dates) and match `query` (as `warta search` reads it); returns how many were written.
    Raises `QueryError` for a query or filter that cannot run.

    JSONL records are the stored articles whole, with their later versions (`versions`: each
    capture's source, ingest time, title, date and text); CSV and Parquet rows count them."""
    rows = _rows(store, representatives_only, filters, query)
    if fmt is ExportFormat.parquet:
        if not isinstance(out, Path):
            raise WartaError("Parquet export needs an output file (--output corpus.parquet)")
        return _parquet(rows, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            return _text(store, rows, handle, fmt)
    return _text(store, rows, out, fmt)


def _lists(data: dict[str, Any]) -> dict[str, list[Any]]:
    """The article's lists (`LIST_COLUMNS`) from its stored data, for the flat formats."""
    out: dict[str, list[Any]] = {}
    for name in LIST_COLUMNS:
        items = data.get(name) or []
        if name in _NAME_LISTS:
            out[name] = [str(p.get("name", "")) for p in items if isinstance(p, dict)]
        elif name in _LINK_LISTS:
            out[name] = [
                {"title": str(i.get("title") or ""), "url": i.get("url")}
                for i in items
                if isinstance(i, dict)
            ]
        else:
            out[name] = [str(i) for i in items]
    return out


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its lists in place of the stored data."""
    data = json.loads(row.pop("data"))
    return row | _lists(data)


def _versions(store: Store, article_id: int) -> list[dict[str, Any]]:
    return [
        {
            "source": v.source,
            "ingested_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(v.captured_at)),
            "title": v.title,
            "published": v.published,
            "text": v.body,
        }
        for v in store.versions(article_id)
    ]


def _text(store: Store, rows: Iterator[dict[str, Any]], handle: IO[str], fmt: ExportFormat) -> int:
    count = 0
    if fmt is ExportFormat.jsonl:
        for row in rows:
            data = json.loads(row.pop("data"))
            data.update(
                id=row["id"],
                cluster_id=row["cluster_id"],
                is_representative=bool(row["is_representative"]),
                versions=_versions(store, row["id"]) if row["versions"] else [],
            )
            handle.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = _flat(row)
        writer.writerow(flat | {name: json.dumps(flat[name], ensure_ascii=False) for name in LIST_COLUMNS})
        count += 1
    return count


def _parquet(rows: Iterator[dict[str, Any]], path: Path, batch: int = 5000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise WartaError("Parquet export needs pyarrow: pip install pyarrow") from exc
    link = pa.struct([("title", pa.string()), ("url", pa.string())])

    def kind(name: str) -> Any:
        if name in ("id", "cluster_id", "is_representative", "versions"):
            return pa.int64()
        if name in _LINK_LISTS:
            return pa.list_(link)
        return pa.list_(pa.string()) if name in LIST_COLUMNS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in COLUMNS])
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        while chunk := list(islice(rows, batch)):
            flat = [_flat(r) for r in chunk]
            table = pa.Table.from_pylist([{k: r[k] for k in COLUMNS} for r in flat], schema=schema)
            writer.write_table(table)
            count += len(chunk)
    return count
