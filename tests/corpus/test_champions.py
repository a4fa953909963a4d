"""Champion lists must never change a ranking: pruned results equal full BM25 scoring."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import _register, app
from warta.corpus import champions
from warta.corpus.champions import build_search_index, fts_totals, index_info, needs_refresh
from warta.corpus.dedup import text_hash
from warta.corpus.search import Query, SearchFilters, parse_query, rank, search, term_phrases
from warta.corpus.stems import stem_text
from warta.corpus.store import SCHEMA_VERSION, Store, StoredArticle
from warta.run.ingest import IngestOptions, ingest

ID = [
    "dan",
    "yang",
    "kota",
    "pemerintah",
    "warga",
    "banjir",
    "jalan",
    "pasar",
    "harga",
    "beras",
    "membangun",
    "pembangunan",
    "dibangun",
    "jembatan",
    "anggaran",
    "rakyat",
    "desa",
    "petani",
    "sekolah",
    "gubernur",
]
EN = [
    "the",
    "and",
    "council",
    "residents",
    "flood",
    "bridge",
    "market",
    "budget",
    "minister",
    "school",
    "vote",
]
SMALL = 30  # champions per phrase in these tests: the corpus has a few hundred articles


def _article(i: int, rng: random.Random) -> StoredArticle:
    words, lang = (ID, "id") if i % 3 else (EN, "en")
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: common and rarer words

    def text(n: int) -> str:
        return " ".join(rng.choices(words, weights, k=n))

    title, body = text(rng.randint(2, 6)), text(rng.randint(5, 120))
    return StoredArticle(
        url_key=f"u{i}",
        url=f"https://s{i % 4}.id/{i}",
        canonical_url=None,
        site=f"s{i % 4}.id",
        title=title,
        body=body,
        language=lang,
        published=f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
        source=f"s{i}",
        text_hash=text_hash(body),
    )


@pytest.fixture
def big(tmp_path: Path) -> Store:
    rng = random.Random(5)
    store = Store.open(tmp_path / "big.db")
    store.write_batch(1, [_article(i, rng) for i in range(400)], [])
    store.conn.execute("UPDATE articles SET is_representative = 0 WHERE id % 7 = 0")
    build_search_index(store, champions=SMALL)
    return store


QUERIES = [
    "dan",
    "kota",
    "bangun",
    "pembangunan warga",
    "the market",
    "dan yang kota",
    "harga beras",
    "budget and the",
    "jembatan desa",
    "flood",
    "minister school",
    "pasar dan",
    "rakyat petani yang",
    "banjir OR jembatan",
    "harga OR beras warga",
    "pasar OR market dan",
    "kota -dan",
    "pasar NOT harga",
    'yang NOT "dan kota"',
    "warga -desa*",
    "dan OR the -kota -pasar",
]
FILTERS = [
    SearchFilters(),
    SearchFilters(limit=1),
    SearchFilters(limit=3),
    SearchFilters(language="id"),
    SearchFilters(date_from="2024-06"),
    SearchFilters(date_to="2024-05-15"),
    SearchFilters(include_duplicates=True),
]


def _compare(store: Store) -> int:
    """Asserts pruned ranking == full scoring for every query and filter; returns how many were pruned."""
    pruned = 0
    for query in QUERIES:
        for filters in FILTERS:
            fast, proved = rank(store, parse_query(query), filters)
            full, _ = rank(store, parse_query(query), filters, prune=False)
            assert fast == full, (query, filters)
            pruned += proved
    return pruned


def test_pruned_ranking_equals_full_scoring(big: Store) -> None:
    assert index_info(big) is not None
    assert _compare(big) >= len(QUERIES)  # the lists are really used, not only the fallback


def test_the_comparison_catches_an_unproved_shortcut(big: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Accepting candidates without the bound check loses true top hits: the test above would fail.
    monkeypatch.setattr(champions.Candidates, "proves", lambda self, scores, k: len(scores) == k)
    with pytest.raises(AssertionError):
        _compare(big)


def _top(store: Store, query: str) -> int:
    hits = search(store, query)
    assert hits
    return hits[0].id


def test_articles_added_changed_or_deleted_after_the_build_are_ranked_right(big: Store) -> None:
    rng = random.Random(9)
    new = replace(_article(1000, rng), title="kota kota kota", body="kota")
    big.write_batch(2, [new], [])
    new_id = big.conn.execute("SELECT id FROM articles WHERE url_key='u1000'").fetchone()[0]
    assert _top(big, "kota") == new_id
    assert rank(big, parse_query("kota"), SearchFilters())[1]  # found through the candidates, not a rescore

    old_id = big.conn.execute(
        "SELECT id FROM articles WHERE id % 7 <> 0 AND id < ? ORDER BY id DESC", (new_id,)
    ).fetchone()[0]
    big.conn.execute(
        "UPDATE articles SET title=?, body=?, stems=? WHERE id=?",
        ("desa desa desa desa", "desa", stem_text("desa desa desa desa\ndesa"), old_id),
    )
    assert _top(big, "desa") == old_id

    big.conn.execute("DELETE FROM articles WHERE id=?", (new_id,))
    assert _top(big, "kota") != new_id
    # Longer articles raise the average length, which raises every stored score bound.
    before = fts_totals(big.conn)
    longer = [_article(2000 + i, rng) for i in range(8)]
    big.write_batch(3, [replace(a, body=f"{a.body} {a.body}") for a in longer], [])
    after = fts_totals(big.conn)
    assert before is not None and after is not None and after[1] > before[1]
    assert _compare(big) > 0


def test_fts_totals_read_the_index_as_bm25_does(big: Store) -> None:
    big.conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, 'instance')")
    tokens = big.conn.execute("SELECT count(*) FROM temp.v").fetchone()[0]
    rows = big.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert fts_totals(big.conn) == (rows, tokens / rows)


def test_stale_lists_are_noticed(big: Store) -> None:
    assert not needs_refresh(big)
    rng = random.Random(1)
    big.write_batch(2, [_article(3000 + i, rng) for i in range(120)], [])
    assert needs_refresh(big)


def test_store_from_before_the_lists_is_migrated_on_open(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    store = Store.open(db)
    rng = random.Random(2)
    store.write_batch(1, [_article(i, rng) for i in range(30)], [])
    store.conn.executescript(
        "DROP INDEX articles_search; DROP TABLE search_champions; DROP TABLE search_dirty;"
        " DROP TRIGGER articles_search_au; DROP TRIGGER articles_search_ad;"
        " UPDATE meta SET value='1' WHERE key='schema';"
    )
    store.close()
    store = Store.open(db)
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles_search", "search_champions", "search_dirty", "articles_search_au"} <= names
    assert store.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == str(
        SCHEMA_VERSION
    )
    assert index_info(store) is None and needs_refresh(store)
    assert search(store, "kota")  # full scoring until reindexed
    store.close()
    _register()
    runner = CliRunner()
    result = runner.invoke(app, ["reindex", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "rebuilt" in result.output
    result = runner.invoke(app, ["reindex", "--db", str(db)])
    assert "up to date" in result.output
    store = Store.open(db)
    assert index_info(store) is not None and not needs_refresh(store)


def test_ingest_builds_the_lists(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, _ = crawl
    store = Store.open(tmp_path / "c.db")
    report = ingest(store, [str(path)], IngestOptions(workers=1, batch_size=8))
    assert report.search_index and index_info(store) is not None
    assert store.conn.execute("SELECT count(*) FROM search_dirty").fetchone()[0] == 0
    again = ingest(store, [str(path)], IngestOptions(workers=1))
    assert not again.search_index


def _plain(i: int, title: str, body: str) -> StoredArticle:
    return StoredArticle(
        url_key=f"p{i}",
        url=None,
        canonical_url=None,
        site="p.id",
        title=title,
        body=body,
        language="en",
        published=None,
        source=f"p{i}",
        text_hash=text_hash(body),
    )


def test_a_longer_average_lets_a_long_article_overtake_the_champions(tmp_path: Path) -> None:
    # BM25 normalises length by the corpus average: when it grows, a long article with many
    # occurrences gains more than short ones, so the stored bounds must grow with it.
    store = Store.open(tmp_path / "g.db")
    rows = [_plain(i, "zeta", "zeta alpha") for i in range(20)]  # the champions
    rows += [_plain(100 + i, "gamma", "zeta zeta " + "alpha " * 8) for i in range(40)]  # the tail
    rows += [_plain(200, "beta", "zeta " * 20 + "alpha " * 380)]  # long: far below the tail for now
    rows += [_plain(300 + i, "alpha", "alpha beta gamma") for i in range(100)]
    store.write_batch(1, rows, [])
    build_search_index(store, champions=30)
    long_id = store.conn.execute("SELECT id FROM articles WHERE url_key='p200'").fetchone()[0]
    assert search(store, "zeta", SearchFilters(limit=1))[0].id != long_id
    store.write_batch(2, [_plain(400 + i, "alpha", "alpha " * 5000) for i in range(40)], [])
    full, _ = rank(store, parse_query("zeta"), SearchFilters(limit=1), prune=False)
    assert full[0][0] == long_id
    assert search(store, "zeta", SearchFilters(limit=1))[0].id == long_id


def test_a_failing_candidate_query_falls_back_to_full_scoring(
    big: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    full, _ = rank(big, parse_query("dan"), SearchFilters(), prune=False)
    assert rank(big, parse_query("dan"), SearchFilters()) == (full, True)
    # As with an SQLite without JSON support: json_each() fails, the search still answers.
    monkeypatch.setattr("warta.corpus.search.json.dumps", lambda ids: "not json")
    assert rank(big, parse_query("dan"), SearchFilters()) == (full, False)


def test_bounds_hold_while_the_corpus_drifts(big: Store) -> None:
    # Shorter articles lower the average length (lower bounds must shrink with it), then
    # edits and deletions; after each step the pruned ranking must equal full scoring.
    rng = random.Random(21)
    short = [_article(5000 + i, rng) for i in range(30)]
    big.write_batch(2, [replace(a, body=" ".join(a.body.split()[:3])) for a in short], [])
    assert _compare(big) > 0
    for article_id in rng.sample(range(1, 400), 15):
        big.conn.execute("UPDATE articles SET title = body, body = title WHERE id = ?", (article_id,))
    big.conn.execute(
        "DELETE FROM articles WHERE id IN (SELECT id FROM articles ORDER BY length(body) LIMIT 10)"
    )
    assert _compare(big) > 0


def _check_bounds(store: Store) -> int:
    """Asserts every candidate bound against the true scores; returns how many queries were narrowed."""
    narrowed = 0
    for query in QUERIES:
        # The bounds are of the words to find: excluded terms only take articles out.
        positive = Query(parse_query(query).groups)
        phrases = [[p for t in group for p in term_phrases(t, True)] for group in positive.groups]
        found = champions.candidates(store, phrases, 10)
        if found is None:
            continue
        every = {int(i) for i in found.ids}
        floor = found.floor(every, 10)
        kept = found.above(floor)
        narrowed += floor > 0 and len(kept) < len(every)
        assert found.floor(set(), 10) == 0 and found.above(0) == sorted(every)
        full = dict(rank(store, positive, SearchFilters(limit=1000, include_duplicates=True), prune=False)[0])
        known = sorted((-lo for i, lo, ok in zip(found.ids, found.lower, found.matched, strict=True) if ok))
        for i, lo, hi, ok in zip(found.ids, found.lower, found.upper, found.matched, strict=True):
            if ok:  # a certain match: a real one, scoring at least its lower bound
                assert -full[int(i)] >= lo
            if int(i) in full:
                assert -full[int(i)] <= hi * (1 + champions.MARGIN)
        # The floor only counts matches that pass the filters.
        half = set(sorted(every)[::2])
        lows = sorted(
            (
                lo
                for i, lo, ok in zip(found.ids, found.lower, found.matched, strict=True)
                if ok and int(i) in half
            ),
            reverse=True,
        )
        assert found.floor(half, 3) == (lows[2] if len(lows) >= 3 else 0.0)
        assert len(known) == int(found.matched.sum())
    return narrowed


def test_candidate_bounds_hold_as_the_average_length_moves(big: Store) -> None:
    assert _check_bounds(big) > 0
    rng = random.Random(4)
    longer = [_article(6000 + i, rng) for i in range(10)]
    big.write_batch(2, [replace(a, body=" ".join([a.body] * 3)) for a in longer], [])
    _check_bounds(big)
    shorter = [_article(7000 + i, rng) for i in range(40)]
    big.write_batch(3, [replace(a, body=a.body.split()[0]) for a in shorter], [])
    _check_bounds(big)


def test_trigram_stores_keep_scoring_every_match(tmp_path: Path) -> None:
    db = tmp_path / "tri.db"
    store = Store.open(db, tokenizer="trigram")
    rng = random.Random(3)
    store.write_batch(1, [_article(i, rng) for i in range(50)], [])
    assert build_search_index(store, champions=2) == 0 and index_info(store) is None
    assert not needs_refresh(store)
    fast, proved = rank(store, parse_query("kota"), SearchFilters())
    assert not proved and fast == rank(store, parse_query("kota"), SearchFilters(), prune=False)[0]
    store.close()
    _register()
    result = CliRunner().invoke(app, ["reindex", "--db", str(db)])
    assert result.exit_code == 0 and "trigram" in result.output
