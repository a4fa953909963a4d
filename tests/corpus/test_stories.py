"""`warta stories`: the duplicate clusters many sites carried, with the copy published first."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.cli.conftest import cli_runner

from warta.cli import app
from warta.corpus.search import QueryError, SearchFilters
from warta.corpus.store import Store
from warta.corpus.stories import top_stories
from warta.run.ingest import IngestOptions, ingest
from warta.serve import create_app


@pytest.fixture
def corpus(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    path, groups = crawl
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        ingest(store, [str(path)], IngestOptions(workers=1))
        with store.transaction() as conn:  # (dates, so that one copy is the first)
            conn.execute("UPDATE articles SET published = '2024-05-0' || (id % 9 + 1)")
    return db, groups


def _urls(store: Store, cluster_id: int) -> set[str]:
    rows = store.conn.execute("SELECT url FROM articles WHERE cluster_id = ?", (cluster_id,))
    return {str(r[0]) for r in rows}


def test_the_story_two_sites_carried_is_listed_with_its_first_copy(
    corpus: tuple[Path, dict[str, list[str]]],
) -> None:
    db, groups = corpus
    with Store.open(db) as store:
        stories = top_stories(store, SearchFilters())
        assert [_urls(store, s.cluster_id) for s in stories] == [set(groups["syndicated"])]
        story = stories[0]
        assert (story.sites, story.copies, story.kind) == (2, 2, "exact")
        first = store.conn.execute(
            "SELECT min(published) FROM articles WHERE cluster_id = ?", (story.cluster_id,)
        ).fetchone()[0]
        assert story.first_published == first and story.first_site in {"kabar.co.id", "daily.com"}
        # one site's copies of a story (an exact copy at two of its URLs, a corrected one) too
        assert len(top_stories(store, SearchFilters(), min_sites=1)) == 3


def test_filters_keep_the_stories_with_a_copy_that_passes(corpus: tuple[Path, dict[str, list[str]]]) -> None:
    db, _ = corpus
    with Store.open(db) as store:
        assert len(top_stories(store, SearchFilters(site="daily.com"))) == 1
        assert top_stories(store, SearchFilters(site="warta.id")) == []
        assert top_stories(store, SearchFilters(site="nowhere.example")) == []
        assert top_stories(store, SearchFilters(entity="Nobody")) == []
        with pytest.raises(QueryError):
            top_stories(store, SearchFilters(date_from="2024-02-31"))


def test_cli_and_browser_list_stories(corpus: tuple[Path, dict[str, list[str]]]) -> None:
    db, _ = corpus
    result = cli_runner().invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "daily.com" in result.stdout or "kabar.co.id" in result.stdout
    assert (
        "no story carried by 5"
        in cli_runner().invoke(app, ["stories", "--db", str(db), "--min-sites", "5"]).stdout
    )
    client = TestClient(create_app(db))
    rows = client.get("/api/stories").json()
    assert len(rows) == 1 and rows[0]["sites"] == 2
    page = client.get("/stories", params={"min_sites": 1}).text
    assert page.count("<tr>") == 4 and "href='/stories'" in page
