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
    check_filters(filters)
    found = filter_conditions(store, filters)
    if found is None:
        return Trend(period, (), 0)
    where, params, _ = found
    if query is not None and query.strip():
        expression = fts_expression(parse_query(query), store.tokenizer == "unicode61+id")
        source = "articles_fts f JOIN articles a INDEXED BY articles_search ON a.id = f.rowid WHERE articles_fts MATCH ?"
        params = [expression, *params]
    else:
        source = "articles a INDEXED BY articles_search WHERE 1"
    # Dates are stored as ISO text: a prefix names the day, month or year; weeks are found below.
    width = 10 if period is Period.week else _PREFIX[period]
    try:
        rows = store.conn.execute(
            f"SELECT substr(a.published, 1, {width}) AS p, count(*) FROM {source}{where} GROUP BY p ORDER BY p",
            params,
        ).fetchall()
    except sqlite3.OperationalError as exc:  # a malformed expression reaching FTS5
        raise QueryError(f"the count could not run: {exc}") from exc
    dated = [(str(p), int(n)) for p, n in rows if p is not None and _valid(str(p), width)]
    undated = sum(int(n) for _, n in rows) - sum(n for _, n in dated)  # (no date, or none that is real)
    if period is Period.week:
        dated = _by_week(dated)
    return Trend(period, _filled(dated, period), undated)


def _valid(prefix: str, width: int) -> bool:
    """Whether a stored date's prefix names a real day / month / year ('2025-02-30' does not)."""
    if len(prefix) != width:
        return False
    try:
        date.fromisoformat((prefix + "-01-01")[:10] if width < 10 else prefix)
    except ValueError:
        return False
    return True


def _by_week(days: list[tuple[str, int]]) -> list[tuple[str, int]]:
    weeks: dict[str, int] = {}
    for day, n in days:
        name = _week_name(date.fromisoformat(day))
        weeks[name] = weeks.get(name, 0) + n
    return sorted(weeks.items())


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
