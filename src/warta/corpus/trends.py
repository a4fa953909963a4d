"""How coverage moves over time: the articles a search (or only filters) selects, per period.

`warta trend "banjir"` counts the matching stories (one copy each, as search shows them)
by day, ISO week, month or year of publication, every period between the first and the
last one listed, empty ones as 0, so a chart of it has no holes; undated matches are
counted apart. The same count, by month, makes an entity's timeline.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from warta.corpus.search import (
    QueryError,
    SearchFilters,
    check_filters,
    filter_conditions,
    fts_expression,
    parse_query,
)
from warta.corpus.store import Store

MAX_PERIODS = 5000  # periods one answer fills in (twenty years of weeks; 13 years of days)


class Period(StrEnum):
    day = "day"
    week = "week"  # ISO weeks, named by their Monday's ISO year and number: 2025-W09
    month = "month"
    year = "year"


_PREFIX = {Period.day: 10, Period.month: 7, Period.year: 4}


@dataclass(frozen=True, slots=True)
class Trend:
    period: Period
    counts: tuple[tuple[str, int], ...]  # (period name, stories), oldest first, gaps as 0
    undated: int  # matching stories without a (real) publication date

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts) + self.undated


def trend(store: Store, query: str | None, filters: SearchFilters, period: Period = Period.month) -> Trend:
    """Stories matching `query` (every article passing `filters` without one) per period.

    Raises `QueryError` for a query or filter that cannot run, as `search` does."""
    rows = _counted(store, query, filters, period, "''")
    dated = [(p, n) for _, p, n in rows if p is not None]
    undated = sum(n for _, p, n in rows if p is None)
    return Trend(period, _filled(_merged(dated, period), period), undated)


class Split(StrEnum):
    """What a split trend draws one series for."""

    site = "site"
    language = "language"


_SPLIT_SQL = {Split.site: "s.name", Split.language: "coalesce(a.language, '?')"}


@dataclass(frozen=True, slots=True)
class Series:
    name: str  # the site, or the language code ('?': none told)
    counts: tuple[int, ...]  # stories per period of `SplitTrend.periods`
    undated: int

    @property
    def total(self) -> int:
        return sum(self.counts) + self.undated


@dataclass(frozen=True, slots=True)
class SplitTrend:
    """Coverage compared: the matching stories per period, one series per site (or language)."""

    period: Period
    split: Split
    periods: tuple[str, ...]  # oldest first, gaps as 0, the same for every series
    series: tuple[Series, ...]  # the `top` with the most stories, most first
    others: int  # the stories of the series left out


def split_trend(
    store: Store,
    query: str | None,
    filters: SearchFilters,
    period: Period = Period.month,
    split: Split = Split.site,
    top: int = 8,
) -> SplitTrend:
    """`trend`, one series per site or language: which outlets covered it, and when.

    A story copied across sites counts once, for the copy search shows (its representative),
    unless duplicates are asked for: then every site's copy counts for its site."""
    rows = _counted(store, query, filters, period, _SPLIT_SQL[split], by_site=split is Split.site)
    by_series: dict[str, list[tuple[str, int]]] = {}
    undated: dict[str, int] = {}
    for name, p, n in rows:
        if p is None:
            undated[name] = undated.get(name, 0) + n
        else:
            by_series.setdefault(name, []).append((p, n))
        by_series.setdefault(name, [])
    merged = {name: dict(_merged(counts, period)) for name, counts in by_series.items()}
    totals = {name: sum(c.values()) + undated.get(name, 0) for name, c in merged.items()}
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    every = sorted({p for counts in merged.values() for p in counts})
    periods = tuple(name for name, _ in _filled([(p, 0) for p in every], period))
    series = tuple(
        Series(name, tuple(merged[name].get(p, 0) for p in periods), undated.get(name, 0))
        for name in ranked[:top]
    )
    return SplitTrend(period, split, periods, series, sum(totals[name] for name in ranked[top:]))


def _counted(
    store: Store, query: str | None, filters: SearchFilters, period: Period, group: str, by_site: bool = False
) -> list[tuple[str, str | None, int]]:
    """(group, period prefix or None where undated, stories) of the articles passing `filters`
    and matching `query`; days where weeks are asked for (`_merged` folds them). `group` is SQL on
    `articles a` (and `sites s` with `by_site`, which joins them)."""
    check_filters(filters)
    found = filter_conditions(store, filters)
    if found is None:
        return []
    where, params, _ = found
    sites = " JOIN sites s ON s.id = a.site_id" if by_site else ""
    if query is not None and query.strip():
        expression = fts_expression(parse_query(query), store.tokenizer == "unicode61+id")
        source = (
            "articles_fts f JOIN articles a INDEXED BY articles_search ON a.id = f.rowid"
            f"{sites} WHERE articles_fts MATCH ?"
        )
        params = [expression, *params]
    else:
        source = f"articles a INDEXED BY articles_search{sites} WHERE 1"
    # Dates are stored as ISO text: a prefix names the day, month or year; weeks are found later.
    width = 10 if period is Period.week else _PREFIX[period]
    try:
        rows = store.conn.execute(
            f"SELECT {group} AS g, substr(a.published, 1, {width}) AS p, count(*) FROM {source}{where}"
            " GROUP BY g, p ORDER BY g, p",
            params,
        ).fetchall()
    except sqlite3.OperationalError as exc:  # a malformed expression reaching FTS5
        raise QueryError(f"the count could not run: {exc}") from exc
    # (no date, or none that is real: undated)
    return [(str(g), str(p) if p is not None and _valid(str(p), width) else None, int(n)) for g, p, n in rows]


def _merged(counts: list[tuple[str, int]], period: Period) -> list[tuple[str, int]]:
    """Counts by period name, oldest first: days folded into ISO weeks, equal names summed."""
    out: dict[str, int] = {}
    for name, n in counts:
        key = _week_name(date.fromisoformat(name)) if period is Period.week else name
        out[key] = out.get(key, 0) + n
    return sorted(out.items())


def _valid(prefix: str, width: int) -> bool:
    """Whether a stored date's prefix names a real day / month / year ('2025-02-30' does not)."""
    if len(prefix) != width:
        return False
    try:
        date.fromisoformat((prefix + "-01-01")[:10] if width < 10 else prefix)
    except ValueError:
        return False
    return True


def _week_name(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _filled(counts: list[tuple[str, int]], period: Period) -> tuple[tuple[str, int], ...]:
    """`counts` with every period between the first and the last, absent ones as 0 (as they
    are, where that would exceed `MAX_PERIODS`)."""
    if len(counts) < 2:
        return tuple(counts)
    known = dict(counts)
    names = list(_periods(counts[0][0], counts[-1][0], period))
    if len(names) > MAX_PERIODS:
        return tuple(counts)
    return tuple((name, known.get(name, 0)) for name in names)


def _periods(first: str, last: str, period: Period) -> list[str]:
    names: list[str] = []
    if period is Period.year:
        return [str(y) for y in range(int(first), int(last) + 1)]
    if period is Period.month:
        year, month = int(first[:4]), int(first[5:7])
        while f"{year:04d}-{month:02d}" <= last and len(names) <= MAX_PERIODS:
            names.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return names
    if period is Period.day:
        day, end = date.fromisoformat(first), date.fromisoformat(last)
        while day <= end and len(names) <= MAX_PERIODS:
            names.append(day.isoformat())
            day += timedelta(days=1)
        return names
    year, week = int(first[:4]), int(first[6:])
    monday = date.fromisocalendar(year, week, 1)
    while _week_name(monday) <= last and len(names) <= MAX_PERIODS:
        names.append(_week_name(monday))
        monday += timedelta(weeks=1)
    return names
