from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from warta.corpus.dedup import text_hash
from warta.corpus.search import QueryError, SearchFilters, empty_result_hint, latest, parse_query, search
from warta.corpus.store import Store, StoredArticle


def _article(i: int, site: str, body: str) -> StoredArticle:
    return StoredArticle(
        url_key=f"{site}/{i}",
        url=f"https://{site}/{i}",
        canonical_url=None,
        site=site,
        title=f"Judul {i}",
        body=body,
        language="id",
        published=f"2024-0{i % 9 + 1}-01",
        source=f"s{i}",
        text_hash=text_hash(body),
        data={"text": body},
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "s.db")
    articles = [
        _article(1, "a.id", "Pemerintah membangun jembatan baru di Jakarta."),
        _article(2, "a.id", "Pembangunan jalan tol dimulai tahun ini."),
        _article(3, "b.id", "Harga beras naik di pasar Surabaya."),
        _article(4, "b.id", "Rahasia: data pribadi warga tidak boleh bocor."),
    ]
    store.write_batch(1, articles, [])
    return store


def _ids(hits: list) -> set[int]:  # type: ignore[type-arg]
    return {h.id for h in hits}


def test_ranked_search_with_snippet(store: Store) -> None:
    hits = search(store, "jembatan")
    assert [h.id for h in hits] == [1]
    assert "**jembatan**" in hits[0].snippet


def test_indonesian_affixes_match_through_stems(store: Store) -> None:
    assert _ids(search(store, "bangun")) == {1, 2}


def test_filters_are_applied(store: Store) -> None:
    assert _ids(search(store, "harga", SearchFilters(site="a.id"))) == set()
    assert _ids(search(store, "harga", SearchFilters(site="www.b.id"))) == {3}
    assert _ids(search(store, "jembatan", SearchFilters(date_from="2024-03"))) == set()


HOSTILE = [
    '"unbalanced quote',
    'jembatan"',
    "NEAR(jembatan",
    "NEAR(jembatan jakarta, 2)",
    "body:rahasia",
    "title:judul OR rahasia",
    "{title body}: rahasia",
    "*",
    "jembatan *",
    "' OR 1=1 --",
    "jembatan'; DROP TABLE articles; --",
    "jembatan) OR (rahasia",
    "jembatan UNION SELECT body FROM articles",
    "^jembatan",
    "jembatan AND NOT rahasia",
    "\x00jembatan",
    "jembatan\u202e",
    "x" * 900,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_crash_or_leak(store: Store, query: str) -> None:
    try:
        hits = search(store, query)
    except QueryError as exc:
        assert str(exc)
        return
    parsed = parse_query(query)
    words = [w for t in parsed.terms for w in t.words]
    for hit in hits:
        body = store.conn.execute(
            "SELECT lower(title || ' ' || body || ' ' || stems) FROM articles WHERE id=?", (hit.id,)
        ).fetchone()[0]
        tokens = set(re.findall(r"\w+", body))
        assert all(any(all(w in body for w in t.words) for t in group) for group in parsed.groups), (
            query,
            hit,
        )
        assert not any(set(t.words) <= tokens for t in parsed.excluded), (query, hit)
    assert 4 not in _ids(hits) or "rahasia" in words
    assert store.stats()["articles"] == 4


def test_oversized_and_empty_queries_get_clear_messages(store: Store) -> None:
    with pytest.raises(QueryError, match="characters"):
        search(store, "jembatan " * 2000)
    with pytest.raises(QueryError, match="no words"):
        search(store, '*** "" () ^')
    with pytest.raises(QueryError, match="--from"):
        search(store, "jembatan", SearchFilters(date_from="2024'; DROP"))
    with pytest.raises(QueryError, match="--limit"):
        search(store, "jembatan", SearchFilters(limit=0))


@pytest.mark.parametrize(
    ("name", "value"), [("--from", "2024-13"), ("--to", "2024-02-30"), ("--from", "0000")]
)
def test_a_date_filter_naming_no_real_date_is_refused(store: Store, name: str, value: str) -> None:
    # "2024-13" passed the pattern and silently matched nothing.
    filters = SearchFilters(date_from=value) if name == "--from" else SearchFilters(date_to=value)
    with pytest.raises(QueryError, match=f"{name} must be a date"):
        search(store, "jembatan", filters)


def test_date_filters_of_every_precision_are_accepted(store: Store) -> None:
    for value in ("2024", "2024-02", "2024-02-29"):
        search(store, "jembatan", SearchFilters(date_from=value, date_to=value))


def test_a_sites_copy_of_a_story_represented_elsewhere_is_found_on_that_site(tmp_path: Path) -> None:
    """One copy per story is shown, but the copy that passes the filters: a story syndicated
    to b.id and represented by a.id's copy is still b.id's when searching b.id."""
    body = "Harga beras naik di pasar Surabaya menjelang bulan puasa."
    with Store.open(tmp_path / "s.db") as store:
        store.write_batch(
            1, [_article(1, "a.id", body), _article(2, "b.id", body), _article(3, "b.id", body)], []
        )
        store.conn.execute("INSERT INTO clusters VALUES (1, 'exact', 1, 3, 2)")
        store.conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 1)")
        assert _ids(search(store, "beras")) == {1}
        assert _ids(search(store, "beras", SearchFilters(site="b.id"))) == {2}  # one copy, not two
        assert _ids(search(store, "beras", SearchFilters(site="a.id"))) == {1}
        assert _ids(search(store, "beras", SearchFilters(site="b.id", include_duplicates=True))) == {2, 3}
        assert [h.id for h in latest(store, SearchFilters(site="b.id"))] == [2]
        # (The dates: 1 is 2024-02-01, 2 is 2024-03-01, 3 is 2024-04-01.)
        assert _ids(search(store, "beras", SearchFilters(date_from="2024-04"))) == {3}


def test_a_hit_from_a_file_shows_the_pages_canonical_url(tmp_path: Path) -> None:
    # A page read from a file has no URL of its own, only the canonical link it declares: the hit
    # showed none ("kabar.example · no date · ") though the article knows where it lives.
    with Store.open(tmp_path / "s.db") as store:
        row = _article(1, "a.id", "Pemerintah membangun jembatan baru di Jakarta.")
        store.write_batch(1, [replace(row, url=None, canonical_url="https://a.id/jembatan")], [])
        assert [h.url for h in search(store, "jembatan")] == ["https://a.id/jembatan"]
        assert [h.url for h in latest(store, SearchFilters())] == ["https://a.id/jembatan"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("harga or banjir", "write OR"),
        ("banjir and not jakarta", "write OR, AND, NOT in capitals"),
        ("日本語", "add * for a prefix"),
        ("ニュース速報 tokyo", "add * for a prefix"),
    ],
)
def test_a_query_s_shape_says_why_it_may_find_nothing(query: str, says: str) -> None:
    hint = empty_result_hint(query)
    assert hint is not None and says in hint


@pytest.mark.parametrize(
    "query",
    [
        "harga beras",
        '"harga beras"',
        "vaksin*",
        "日本語*",
        "co-operation",
        "Oregon",
        "harga OR banjir",
        "banjir -jakarta",
    ],
)
def test_ordinary_queries_get_no_hint(query: str) -> None:
    assert empty_result_hint(query) is None


def test_or_takes_either_term(store: Store) -> None:
    assert _ids(search(store, "jembatan OR beras")) == {1, 3}
    assert _ids(search(store, "jembatan OR beras Surabaya")) == {3}  # (jembatan OR beras) AND surabaya
    assert _ids(search(store, '"jalan tol" OR rahasia')) == {2, 4}
    assert _ids(search(store, "jembatan or beras")) == set()  # lower case: the word 'or' too


def test_minus_and_not_leave_articles_out(store: Store) -> None:
    assert _ids(search(store, "bangun")) == {1, 2}
    assert _ids(search(store, "bangun -jakarta")) == {2}
    assert _ids(search(store, "bangun NOT jakarta")) == {2}
    assert _ids(search(store, 'bangun -"jalan tol"')) == {1}
    assert _ids(search(store, "bangun -membangun")) == set()  # through the stem: 'pembangunan' too
    assert _ids(search(store, "jalan-jalan tol")) == {2}  # a hyphen inside a word excludes nothing
    with pytest.raises(QueryError, match="only leaves words out"):
        search(store, "-jakarta NOT beras")


def test_or_and_not_queries_rank_every_match(store: Store) -> None:
    from warta.corpus.search import rank

    for query in ("jembatan OR beras", "bangun -jakarta"):
        assert rank(store, parse_query(query), SearchFilters()) == rank(
            store, parse_query(query), SearchFilters(), prune=False
        )


def test_words_of_unspaced_script_are_found_inside_longer_runs(tmp_path: Path) -> None:
    # The tokenizer keeps '東京都知事選挙の投票率' whole: '知事' (governor) found nothing.
    with Store.open(tmp_path / "s.db") as store:
        store.write_batch(
            1,
            [
                _article(1, "a.jp", "東京都知事選挙の投票率は前回を上回った。"),
                _article(2, "a.jp", "大阪府の人口は減少した。"),
                _article(3, "a.cn", "北京市政府发布了新的交通规划。"),
            ],
            [],
        )
        assert _ids(search(store, "知事")) == {1}
        assert _ids(search(store, "都知事")) == {1}
        assert _ids(search(store, "投票率 東京")) == {1}
        assert _ids(search(store, "人口")) == {2}
        assert _ids(search(store, "交通")) == {3}
        assert _ids(search(store, "府")) == {2, 3}  # one character: the first of a pair (大阪府の, 政府发)
        assert _ids(search(store, "た")) == {1, 2}  # or a run's last (…上回った。, …減少した。)
        assert _ids(search(store, "市")) == {3}  # (北京市政府: the first of the pair 市政)
        assert _ids(search(store, "知事 -東京")) == set()
        assert _ids(search(store, "京都")) == {1}  # (東京都 holds the pair: bigram search's known cost)


def test_reindex_rewrites_the_stems_of_an_older_corpus(tmp_path: Path) -> None:
    from warta.corpus.stems import stem_word

    with Store.open(tmp_path / "s.db") as store:
        store.write_batch(1, [_article(1, "a.jp", "東京都知事選挙の投票率は前回を上回った。")], [])
        # as an older warta wrote it: one stem per token, no character pairs, no 'stems' mark
        old = " ".join(
            stem_word(w)
            for w in re.findall(r"\w+", "Judul 1\n東京都知事選挙の投票率は前回を上回った。".lower())
        )
        store.conn.execute("UPDATE articles SET stems = ?", (old,))
        store.conn.execute("DELETE FROM meta WHERE key = 'stems'")
    with Store.open(tmp_path / "s.db") as store:
        assert not store.stems_current()
        assert _ids(search(store, "知事")) == set()
        assert store.restem() == 1
        assert store.stems_current()
        assert _ids(search(store, "知事")) == {1}
        assert store.restem() == 0


def test_export_selects_what_a_search_would_find_every_match(store: Store, tmp_path: Path) -> None:
    import io
    import json

    from warta.corpus.export import ExportFormat, export

    def exported(**selection: object) -> list[int]:
        out = io.StringIO()
        export(store, out, ExportFormat.jsonl, **selection)  # type: ignore[arg-type]
        return [json.loads(line)["id"] for line in out.getvalue().splitlines()]

    assert exported() == [1, 2, 3, 4]
    assert exported(query="bangun") == [1, 2]
    assert exported(query="bangun -jakarta") == [2]
    assert exported(query="jembatan OR beras") == [1, 3]
    assert exported(filters=SearchFilters(site="b.id")) == [3, 4]
    assert exported(filters=SearchFilters(site="b.id"), query="beras") == [3]
    assert exported(filters=SearchFilters(site="nowhere.example")) == []
    assert exported(filters=SearchFilters(date_from="2024-04")) == [3, 4]  # (3: 2024-04-01, 4: 2024-05-01)
    with pytest.raises(QueryError, match="--from must be a date"):
        exported(filters=SearchFilters(date_from="2024-13"))
    with pytest.raises(QueryError, match="no words"):
        exported(query="***")


def test_matches_sort_by_date_when_asked(store: Store) -> None:
    from warta.corpus.search import SearchOrder

    # (1 is 2024-02-01, 2 is 2024-03-01, 3 is 2024-04-01)
    assert [h.id for h in search(store, "bangun OR beras", SearchFilters(order=SearchOrder.newest))] == [
        3,
        2,
        1,
    ]
    assert [h.id for h in search(store, "bangun OR beras", SearchFilters(order=SearchOrder.oldest))] == [
        1,
        2,
        3,
    ]
    assert [
        h.id for h in search(store, "bangun OR beras", SearchFilters(order=SearchOrder.newest, limit=1))
    ] == [3]
    store.conn.execute("UPDATE articles SET published = NULL WHERE id = 3")
    assert [h.id for h in search(store, "bangun OR beras", SearchFilters(order=SearchOrder.newest))] == [
        2,
        1,
        3,
    ]
