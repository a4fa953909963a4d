"""Enrichment as tables: the entities and quotes of enriched articles, asked of the corpus
(top entities, an entity's profile, the articles naming one) without reading their JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from warta.corpus.clusters import build_clusters
from warta.corpus.export import ExportFormat, export
from warta.corpus.mentions import (
    annotations_kept,
    entity_key,
    entity_profile,
    entity_stats_changed,
    entity_stats_current,
    find_quotes,
    has_mentions,
    mentions_of,
    quotes_of,
    refresh_entity_stats,
    rising_entities,
    similar_entities,
    similar_speakers,
    top_entities,
)
from warta.corpus.search import QueryError, SearchFilters, latest, search
from warta.corpus.store import SCHEMA_VERSION, Store, StoredArticle


def _entity(name: str, kind: str, paragraph: int = 0, canonical: str | None = None) -> dict[str, Any]:
    return {"text": name, "type": kind, "canonical": canonical or name, "paragraph": paragraph}


def _quote(text: str, speaker: str | None, paragraph: int = 0) -> dict[str, Any]:
    return {
        "text": text,
        "speaker": speaker,
        "speaker_canonical": speaker,
        "verb": "kata",
        "paragraph": paragraph,
    }


# (site, published, title, body, entities, quotes): a small enriched corpus written by hand
_ARTICLES: list[tuple[str, str | None, str, str, list[dict[str, Any]], list[dict[str, Any]]]] = [
    (
        "kabar.id",
        "2025-01-10",
        "Korut uji coba rudal lagi",
        "Korea Utara kembali menembakkan rudal balistik ke laut, kata militer Korea Selatan.",
        [
            _entity("Korut", "place", canonical="Korea Utara"),
            _entity("Korea Utara", "place"),
            _entity("Korea Selatan", "place"),
        ],
        [_quote("Kami memantau situasi dengan saksama", "Lee Jae-sung")],
    ),
    (
        "kabar.id",
        "2025-02-03",
        "Seoul dan Tokyo bahas rudal Korut",
        "Menteri luar negeri Korea Selatan dan Jepang membahas uji coba rudal Korea Utara di Tokyo.",
        [_entity("Korea Utara", "place"), _entity("Jepang", "place"), _entity("Korea Selatan", "place")],
        [_quote("Ancaman ini nyata", "Lee Jae-sung"), _quote("Tanpa pembicara", None)],
    ),
    (
        "daily.com",
        "2025-02-20",
        "North Korea fires missile",
        "North Korea fired a ballistic missile into the sea on Thursday, officials said.",
        [
            _entity("North Korea", "place", canonical="Korea Utara"),
            _entity("JAPAN", "place", canonical="Jepang"),
        ],
        [],
    ),
    (
        "daily.com",
        None,
        "Harvest festival opens",
        "The harvest festival opened in the old market square with music and food stalls.",
        [_entity("Old Market", "place")],
        [],
    ),
]


def _stored(i: int, row: tuple[Any, ...]) -> StoredArticle:
    site, published, title, body, entities, quotes = row
    data = {
        "title": title,
        "text": body,
        "body": [{"text": body, "kind": "paragraph"}],
        "annotations": {"entities": entities, "quotes": quotes, "keywords": [{"text": "rudal"}]},
    }
    return StoredArticle(
        url_key=f"{site}/{i}",
        url=f"https://{site}/{i}",
        canonical_url=None,
        site=site,
        title=title,
        body=body,
        language="id" if site == "kabar.id" else "en",
        published=published,
        source=f"test:{i}",
        text_hash=f"hash{i}",
        data=data,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "c.db")
    run = store.start_run(["test"])
    store.write_batch(run, [_stored(i, row) for i, row in enumerate(_ARTICLES)], [])
    return store


def test_an_articles_mentions_count_each_canonical_entity_once_per_type() -> None:
    rows = mentions_of({"entities": _ARTICLES[0][4] + [{"text": "  ", "type": "place"}, "junk"]})
    assert [(m.name, m.type, m.count) for m in rows] == [
        ("Korea Utara", "place", 2),
        ("Korea Selatan", "place", 1),
    ]
    assert rows[0].key == entity_key("KOREA  utara") == "korea utara"
    assert mentions_of({}) == [] and mentions_of({"entities": None}) == []


def test_only_attributed_quotes_are_rows() -> None:
    rows = quotes_of({"quotes": _ARTICLES[1][5]})
    assert [(q.position, q.speaker, q.text) for q in rows] == [(0, "Lee Jae-sung", "Ancaman ini nyata")]


def test_top_entities_count_articles_then_mentions(store: Store) -> None:
    top = top_entities(store, SearchFilters(limit=3))
    assert [(e.name, e.articles, e.mentions) for e in top] == [
        ("Korea Utara", 3, 4),
        ("Jepang", 2, 2),
        ("Korea Selatan", 2, 2),
    ]
    assert [e.name for e in top_entities(store, SearchFilters(site="daily.com"))] == [
        "Jepang",
        "Korea Utara",
        "Old Market",
    ]
    assert top_entities(store, SearchFilters(), entity_type="person") == []
    assert top_entities(store, SearchFilters(site="nowhere.org")) == []
    with pytest.raises(QueryError):
        top_entities(store, SearchFilters(date_from="2025-13"))


def test_a_profile_gives_months_company_quotes_and_latest_articles(store: Store) -> None:
    profile = entity_profile(store, "korea UTARA", SearchFilters())
    assert profile is not None
    assert profile.name == "Korea Utara" and profile.types == (("place", 3),)
    assert (profile.articles, profile.mentions) == (3, 4)
    assert (profile.first, profile.last) == ("2025-01-10", "2025-02-20")
    assert profile.months == (("2025-01", 1), ("2025-02", 2))
    assert [(o.name, o.articles) for o in profile.together] == [("Jepang", 2), ("Korea Selatan", 2)]
    assert [r.title for r in profile.latest] == [
        "North Korea fires missile",
        "Seoul dan Tokyo bahas rudal Korut",
        "Korut uji coba rudal lagi",
    ]
    speaker = entity_profile(store, "Lee Jae-sung", SearchFilters())
    assert speaker is None  # quoted, but never tagged as an entity: no profile of mentions
    narrowed = entity_profile(store, "Korea Utara", SearchFilters(date_to="2025-01"))
    assert narrowed is not None and narrowed.articles == 1 and narrowed.months == (("2025-01", 1),)


def test_a_profile_lists_what_the_entity_said(store: Store) -> None:
    run = store.start_run(["more"])
    row = (
        "kabar.id",
        "2025-03-01",
        "Lee Jae-sung ditunjuk",
        "Lee Jae-sung ditunjuk sebagai menteri.",
        [_entity("Lee Jae-sung", "person")],
        [],
    )
    store.write_batch(run, [_stored(9, row)], [])
    profile = entity_profile(store, "lee jae-sung", SearchFilters())
    assert profile is not None
    assert [q.text for q in profile.quotes] == ["Ancaman ini nyata", "Kami memantau situasi dengan saksama"]
    assert profile.undated == 0


def test_an_unknown_entity_has_no_profile_and_similar_names_are_offered(store: Store) -> None:
    assert entity_profile(store, "Korea", SearchFilters()) is None
    assert similar_entities(store, "korea") == ["Korea Utara", "Korea Selatan"]
    assert similar_entities(store, "50%_") == [] and similar_entities(store, " ") == []


def test_search_latest_and_export_take_an_entity_filter(store: Store) -> None:
    hits = search(store, "rudal", SearchFilters(entity="Jepang"))
    assert [h.title for h in hits] == ["Seoul dan Tokyo bahas rudal Korut"]
    assert [h.title for h in search(store, "missile", SearchFilters(entity="jepang", site="daily.com"))] == [
        "North Korea fires missile"
    ]
    assert search(store, "festival", SearchFilters(entity="Korea Utara")) == []
    assert [h.title for h in latest(store, SearchFilters(entity="Korea Selatan"))] == [
        "Seoul dan Tokyo bahas rudal Korut",
        "Korut uji coba rudal lagi",
    ]
    out = io.StringIO()
    assert export(store, out, ExportFormat.jsonl, False, SearchFilters(entity="Old Market"), None) == 1
    assert json.loads(out.getvalue())["title"] == "Harvest festival opens"


def test_a_corpus_from_before_the_tables_gets_them_on_open(tmp_path: Path, store: Store) -> None:
    expected = top_entities(store, SearchFilters())
    with store.transaction() as conn:
        conn.execute("DELETE FROM mentions")
        conn.execute("DELETE FROM quotes")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    path = store.path
    store.close()
    assert Store.needs_upgrade(path)
    reopened = Store.open(path)
    assert not Store.needs_upgrade(path)
    assert top_entities(reopened, SearchFilters()) == expected
    assert reopened.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 2
    assert reopened.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == str(
        SCHEMA_VERSION
    )


def test_only_an_older_corpus_needs_an_upgrade(tmp_path: Path) -> None:
    assert not Store.needs_upgrade(tmp_path / "missing.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all")
    assert not Store.needs_upgrade(tmp_path / "junk.db")
    Store.open(tmp_path / "new.db").close()
    assert not Store.needs_upgrade(tmp_path / "new.db")


def test_a_corpus_without_enrichment_has_no_mentions(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "plain.db")
    row = _stored(0, _ARTICLES[0])
    plain = StoredArticle(**{**{f: getattr(row, f) for f in row.__slots__}, "data": {"title": row.title}})
    store.write_batch(store.start_run(["x"]), [plain], [])
    assert not has_mentions(store)
    assert top_entities(store, SearchFilters()) == []


def test_annotations_of_removed_paragraphs_go_and_the_rest_are_renumbered() -> None:
    annotations = {
        "entities": [_entity("A", "person", 0), _entity("B", "place", 1), _entity("C", "place", 2)],
        "quotes": [_quote("q", "A", 2)],
        "keywords": [{"text": "k"}],
        "version": 1,
    }
    kept = annotations_kept(annotations, [0, 2])
    assert [(e["text"], e["paragraph"]) for e in kept["entities"]] == [("A", 0), ("C", 1)]
    assert [q["paragraph"] for q in kept["quotes"]] == [1]
    assert kept["keywords"] == [{"text": "k"}] and kept["version"] == 1
    assert annotations["entities"][2]["paragraph"] == 2  # (the input is left as it was)


def test_a_story_copied_across_sites_counts_once(tmp_path: Path, store: Store) -> None:
    copy = _stored(
        7, ("warta.id", "2025-02-21", "Korut tembakkan rudal", _ARTICLES[2][3], _ARTICLES[2][4], [])
    )
    store.write_batch(store.start_run(["copy"]), [copy], [])
    with store.transaction() as conn:  # (as dedup would cluster them)
        conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 3) WHERE id IN (3, 5)")
    top = {e.name: e.articles for e in top_entities(store, SearchFilters())}
    assert top["Korea Utara"] == 3 and top["Jepang"] == 2
    every = {e.name: e.articles for e in top_entities(store, SearchFilters(include_duplicates=True))}
    assert every["Korea Utara"] == 4
    profile = entity_profile(store, "Korea Utara", SearchFilters())
    assert profile is not None and profile.articles == 3
    only_copy = entity_profile(store, "Korea Utara", SearchFilters(site="warta.id"))
    assert only_copy is not None and only_copy.articles == 1  # the site's own copy is found there


def test_quotes_by_speaker_and_words_newest_first(store: Store) -> None:
    by_lee = find_quotes(store, SearchFilters(), speaker="LEE JAE-SUNG")
    assert [q.text for q in by_lee] == ["Ancaman ini nyata", "Kami memantau situasi dengan saksama"]
    assert by_lee[0].title == "Seoul dan Tokyo bahas rudal Korut" and by_lee[0].verb == "kata"
    assert [q.text for q in find_quotes(store, SearchFilters(), words="SITUASI kami")] == [
        "Kami memantau situasi dengan saksama"
    ]
    assert (
        find_quotes(store, SearchFilters(date_from="2025-02"), speaker="Lee Jae-sung", words="saksama") == []
    )
    assert len(find_quotes(store, SearchFilters(limit=1))) == 1
    assert find_quotes(store, SearchFilters(entity="Jepang"))[0].text == "Ancaman ini nyata"
    assert find_quotes(store, SearchFilters(), speaker="Lee") == []
    assert similar_speakers(store, "lee") == ["Lee Jae-sung"]
    with pytest.raises(QueryError):
        find_quotes(store, SearchFilters(), speaker="  ")


def test_the_corpus_wide_counts_equal_the_counted_list_and_go_stale_on_change(store: Store) -> None:
    counted = top_entities(store, SearchFilters(limit=50))
    assert refresh_entity_stats(store) and not refresh_entity_stats(store)
    assert top_entities(store, SearchFilters(limit=50)) == counted
    assert top_entities(store, SearchFilters(limit=2), "place") == counted[:2]
    copy = _stored(
        7, ("warta.id", "2025-02-21", "Korut tembakkan rudal", _ARTICLES[2][3], _ARTICLES[2][4], [])
    )
    store.write_batch(store.start_run(["copy"]), [copy], [])
    assert refresh_entity_stats(store)  # a new article's mentions made them stale
    assert {e.name: e.articles for e in top_entities(store, SearchFilters())}["Korea Utara"] == 4
    build_clusters(store)
    assert not entity_stats_current(store)  # clusters rebuilt: stories may have merged
    with store.transaction() as conn:  # (the copy of article 3, clustered as dedup would)
        conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 3) WHERE id IN (3, 5)")
    entity_stats_changed(store)
    assert refresh_entity_stats(store)
    assert {e.name: e.articles for e in top_entities(store, SearchFilters())}["Korea Utara"] == 3


def test_rising_entities_compare_a_span_with_the_one_before(store: Store) -> None:
    # February (28 days) against the 28 days before it (4-31 January)
    risen = rising_entities(store, SearchFilters(date_from="2025-02", date_to="2025-02"))
    assert [(r.name, r.now, r.before) for r in risen] == [("Jepang", 2, 0), ("Korea Utara", 2, 1)]
    assert risen[0].score == 2.0 and risen[1].score == round(1 / 2**0.5, 3)
    assert rising_entities(store, SearchFilters(date_from="2025-02", date_to="2025-02"), "person") == []
    # January against December: nothing was named in December, but one story is not enough
    assert rising_entities(store, SearchFilters(date_from="2025-01", date_to="2025-01")) == []
    with pytest.raises(QueryError):
        rising_entities(store, SearchFilters(date_from="2025-02"))
    with pytest.raises(QueryError):
        rising_entities(store, SearchFilters(date_from="2025-03", date_to="2025-02"))
