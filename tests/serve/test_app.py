"""The corpus browser, through FastAPI's test client, over a corpus built from a synthetic crawl."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.corpus.conftest import make_crawl

from warta.corpus.store import Store
from warta.errors import WartaError
from warta.run.ingest import IngestOptions, ingest
from warta.serve import create_app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    directory = tmp_path_factory.mktemp("crawl")
    groups = make_crawl(directory)
    db = directory / "corpus.db"
    with Store.open(db) as store:
        ingest(store, [str(directory / "crawl.jsonl")], IngestOptions(workers=1))
    return db, groups


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, dict[str, list[str]]]) -> TestClient:
    return TestClient(create_app(corpus[0]))


def test_home_lists_the_latest_articles_and_the_filters(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "kabar.co.id" in page.text and "<option>daily.com</option>" in page.text
    assert page.text.count("class='hit'") == 20


def test_search_shows_ranked_hits_with_escaped_highlights(client: TestClient) -> None:
    page = client.get("/", params={"q": "jembatan", "site": "warta.id"})
    assert page.status_code == 200
    hits = re.findall(r"<div class='meta'>([^<]*)</div>", page.text)
    assert hits and all(h.startswith("warta.id") for h in hits)
    assert "<mark>jembatan</mark>" in page.text.lower()


def test_hostile_queries_give_a_message_not_an_error_page(client: TestClient) -> None:
    for query in ['"unbalanced', "NEAR(", "body: x", "*", "<script>alert(1)</script>"]:
        page = client.get("/", params={"q": query})
        assert page.status_code == 200
        assert "<script>alert" not in page.text
    assert client.get("/api/search", params={"q": '"'}).status_code == 400


def test_a_search_that_finds_nothing_says_why_where_the_query_shows_it(client: TestClient) -> None:
    page = client.get("/", params={"q": "jembatan or zzzqqq"})
    assert "no results" in page.text and "every word must match" in page.text
    assert "every word must match" not in client.get("/", params={"q": "zzzqqq"}).text


def test_article_page_shows_the_story_and_its_copies(
    client: TestClient, corpus: tuple[Path, dict[str, list[str]]]
) -> None:
    db, groups = corpus
    with Store.open(db) as store:
        first, copy = (
            store.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0]
            for url in groups["exact"]
        )
    page = client.get(f"/article/{first}")
    assert page.status_code == 200
    assert "copies of this story" in page.text and f"/article/{copy}" in page.text
    data = client.get(f"/api/article/{first}").json()
    assert data["article"]["title"] and {c["id"] for c in data["copies"]} >= {copy}
    assert client.get("/article/999999").status_code == 404


def test_an_article_id_out_of_range_is_not_found(client: TestClient) -> None:
    for path in ("/article/", "/api/article/"):
        for article_id in ("0", "-1", str(2**63), "99999999999999999999999"):
            response = client.get(path + article_id)
            assert response.status_code == 404, (path, article_id)
        assert client.get(path + "abc").status_code == 422


def test_api_search_returns_hits_as_json(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "banjir", "limit": 3}).json()
    assert 1 <= len(hits) <= 3
    assert {"id", "title", "site", "score", "snippet"} <= set(hits[0])
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores)  # FTS5 BM25: lower is better


def test_sites_page_reports_every_site(client: TestClient) -> None:
    page = client.get("/sites")
    assert all(site in page.text for site in ("kabar.co.id", "warta.id", "daily.com"))


def test_a_missing_corpus_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(WartaError, match="no corpus"):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_only_http_urls_become_links() -> None:
    from warta.serve.pages import article_html

    data = {
        "title": "Banjir",
        "url": "javascript:alert(1)//x.com/a",
        "body": [{"kind": "paragraph", "text": "Banjir merendam kota."}],
        "read_also": [
            {"title": "Harga beras", "url": "JavaScript:alert(2)"},
            {"title": "Pasar murah", "url": "data:text/html,<script>alert(3)</script>"},
            {"title": "Jembatan", "url": "https://kabar.co.id/jembatan"},
        ],
    }
    page = article_html(1, data, "kabar.co.id", [])
    hrefs = re.findall(r"href='([^']*)'", page)
    assert "https://kabar.co.id/jembatan" in hrefs
    assert not [h for h in hrefs if h.lower().startswith(("javascript", "data"))], hrefs
    assert "Harga beras" in page and "Pasar murah" in page and "javascript:alert(1)//x.com/a" in page


def test_a_page_stored_without_an_article_says_so() -> None:
    from warta.serve.pages import article_html

    other = article_html(1, {"title": "Lowongan", "page_type": "other", "body": []}, "kerja.example", [])
    assert "no article</b>: the page's main content" in other
    assert "no article" not in article_html(1, {"title": "Banjir", "body": []}, "kabar.example", [])
    thread = article_html(
        1, {"title": "Rute jembatan", "page_type": "discussion", "body": []}, "forum.example", []
    )
    assert "<b>discussion</b>: the whole thread" in thread and "no article" not in thread


def test_a_sites_listing_and_search_show_its_copy_of_a_story_represented_elsewhere(
    client: TestClient, corpus: tuple[Path, dict[str, list[str]]]
) -> None:
    """Each site of a syndicated story lists its copy; before, the site whose copy was not the
    story's representative showed neither (a site of copies only: "no articles yet")."""
    db, groups = corpus
    with Store.open(db) as store:
        rows = [
            store.conn.execute(
                "SELECT a.id, s.name FROM articles a JOIN sites s ON s.id = a.site_id WHERE a.url = ?", (url,)
            ).fetchone()
            for url in groups["syndicated"]
        ]
    for article_id, site in rows:
        page = client.get("/", params={"site": site, "limit": 100})
        assert f"/article/{article_id}'" in page.text, site
    assert "no articles match these filters" in client.get("/", params={"from": "2999"}).text


def test_a_missing_article_page_is_a_page_not_json(client: TestClient) -> None:
    page = client.get("/article/999999")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no article 999999" in page.text and "href='/'" in page.text
    assert client.get("/api/article/999999").json() == {"detail": "no article 999999"}


def test_search_results_download_as_a_file_of_every_match(client: TestClient) -> None:
    import csv
    import glob
    import io
    import json
    import tempfile

    page = client.get("/", params={"q": "jembatan", "site": "warta.id", "limit": 1})
    assert "/export?q=jembatan&amp;site=warta.id&amp;format=csv" in page.text
    before = set(glob.glob(f"{tempfile.gettempdir()}/warta-export-*"))
    got = client.get("/export", params={"q": "jembatan", "site": "warta.id", "format": "csv"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert len(rows) > 1 and all(r["site"] == "warta.id" for r in rows)  # every match, not one page
    lines = client.get("/export", params={"q": "jembatan", "format": "jsonl"}).text.splitlines()
    assert lines and all(
        "jembatan" in json.loads(line)["text"].lower() or json.loads(line)["title"] for line in lines
    )
    assert client.get("/export", params={"q": '"'}).status_code == 400
    assert client.get("/export", params={"q": "x", "from": "2024-13"}).status_code == 400
    assert set(glob.glob(f"{tempfile.gettempdir()}/warta-export-*")) == before  # temporary files removed


def test_the_search_form_sorts_by_date(client: TestClient) -> None:
    page = client.get("/", params={"q": "jembatan", "sort": "newest", "limit": 50})
    assert "<option value='newest' selected>newest first</option>" in page.text
    assert "class='hit'" in page.text  # (the crawl's pages are undated: the order is tested with the search)
    assert client.get("/api/search", params={"q": "jembatan", "sort": "sideways"}).status_code == 422
