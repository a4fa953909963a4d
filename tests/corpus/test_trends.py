"""`warta trend`: matching stories per day, ISO week, month or year, with no holes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.corpus.test_mentions import _ARTICLES, _stored

from warta.corpus.search import QueryError, SearchFilters
from warta.corpus.store import Store
from warta.corpus.trends import Period, Split, split_trend, trend


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "c.db")
    rows = [
        *_ARTICLES,  # 2025-01-10, 2025-02-03, 2025-02-20, undated
        ("kabar.id", "2024-12-30", "Rudal akhir tahun", "Uji coba rudal pada akhir tahun.", [], []),
        ("kabar.id", "2025-02-30", "Tanggal rusak", "Rudal dengan tanggal yang tidak ada.", [], []),
    ]
    store.write_batch(store.start_run(["t"]), [_stored(i, row) for i, row in enumerate(rows)], [])
    return store


def test_every_month_from_the_first_to_the_last_is_counted(store: Store) -> None:
    found = trend(store, None, SearchFilters())
    assert found.counts == (("2024-12", 1), ("2025-01", 1), ("2025-02", 3))
    assert found.undated == 1 and found.total == 6
    # ('2025-02-30' names a real month: counted there; by day it is no date)
    assert trend(store, None, SearchFilters(), Period.day).undated == 2


def test_a_query_counts_its_matches_only(store: Store) -> None:
    found = trend(store, "rudal", SearchFilters(), Period.year)
    assert found.counts == (("2024", 1), ("2025", 3))
    assert trend(store, "festival", SearchFilters()).counts == ()
    assert trend(store, "festival", SearchFilters()).undated == 1


def test_weeks_are_iso_weeks_filled_between(store: Store) -> None:
    counts = dict(trend(store, None, SearchFilters(site="kabar.id"), Period.week).counts)
    # 2024-12-30 is a Monday of ISO week 1 of 2025; 2025-01-10 in week 2; 2025-02-03 in week 6
    assert counts["2025-W01"] == 1 and counts["2025-W02"] == 1 and counts["2025-W06"] == 1
    assert list(counts) == [f"2025-W{w:02d}" for w in range(1, 7)]
    assert counts["2025-W04"] == 0


def test_days_are_filled_and_filters_apply(store: Store) -> None:
    days = trend(store, None, SearchFilters(date_from="2025-01-10", date_to="2025-01-12"), Period.day)
    assert days.counts == (("2025-01-10", 1),)
    span = trend(store, None, SearchFilters(language="id"), Period.day).counts
    assert span[0] == ("2024-12-30", 1) and span[-1] == ("2025-02-03", 1) and len(span) == 36
    assert trend(store, None, SearchFilters(entity="Jepang")).counts == (("2025-02", 2),)
    assert trend(store, None, SearchFilters(site="nowhere.example")).total == 0


def test_a_story_counts_once(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 2) WHERE id IN (2, 3)")
    assert trend(store, None, SearchFilters()).counts[-1] == ("2025-02", 2)
    assert trend(store, None, SearchFilters(include_duplicates=True)).counts[-1] == ("2025-02", 3)


def test_bad_queries_and_filters_are_query_errors(store: Store) -> None:
    with pytest.raises(QueryError):
        trend(store, "-rudal", SearchFilters())
    with pytest.raises(QueryError):
        trend(store, None, SearchFilters(date_to="2025-02-30"))


def test_a_split_trend_gives_one_series_per_site_on_the_same_periods(store: Store) -> None:
    found = split_trend(store, None, SearchFilters())
    assert found.periods == ("2024-12", "2025-01", "2025-02")
    assert [(s.name, s.counts, s.undated, s.total) for s in found.series] == [
        ("kabar.id", (1, 1, 2), 0, 4),
        ("daily.com", (0, 0, 1), 1, 2),
    ]
    assert found.others == 0
    # the split's sums are the plain trend's
    plain = trend(store, None, SearchFilters())
    assert tuple(sum(col) for col in zip(*(s.counts for s in found.series), strict=True)) == tuple(
        n for _, n in plain.counts
    )
    first = split_trend(store, None, SearchFilters(), top=1)
    assert [s.name for s in first.series] == ["kabar.id"] and first.others == 2


def test_a_split_by_language_a_query_and_weeks(store: Store) -> None:
    langs = split_trend(store, None, SearchFilters(), split=Split.language)
    assert [(s.name, s.total) for s in langs.series] == [("id", 4), ("en", 2)]
    missile = split_trend(store, "rudal", SearchFilters(), Period.year)
    assert missile.periods == ("2024", "2025") and [s.counts for s in missile.series] == [(1, 3)]
    weeks = split_trend(store, None, SearchFilters(), Period.week)
    assert weeks.periods[0] == "2025-W01" and weeks.periods[-1] == "2025-W08"  # 2025-02-20, a Thursday
    assert all(len(s.counts) == len(weeks.periods) for s in weeks.series)
    assert split_trend(store, None, SearchFilters(site="nowhere.example")).series == ()


def test_a_split_counts_a_copied_story_for_its_shown_copy_unless_duplicates_are_asked(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 2) WHERE id IN (2, 3)")
    once = {s.name: s.counts for s in split_trend(store, None, SearchFilters()).series}
    assert once["daily.com"] == (0, 0, 0)
    every = {
        s.name: s.counts for s in split_trend(store, None, SearchFilters(include_duplicates=True)).series
    }
    assert every["daily.com"] == (0, 0, 1)
