"""The corpus browser shows what enrichment stored: an article's entities, quotes and keywords,
and the corpus's most frequent entities (page and JSON API)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.corpus.conftest import make_crawl

from warta.corpus.mentions import reindex_article
from warta.corpus.store import Store
from warta.options import ExtractOptions
from warta.run.ingest import IngestOptions, ingest
from warta.serve import create_app
from warta.serve.pages import annotations_html

# What the entity and quote annotators would store (they are written elsewhere): set by hand
# on stored rows, as `ingest --enrich` keeps `Article.to_dict()` whole.
_ENTITIES = {
    1: [("Joko Widodo", "person"), ("Joko Widodo", "person"), ("Bank Indonesia", "organisation")],
    2: [("Joko Widodo", "person"), ("Surabaya", "place")],
    3: [("Bank Indonesia", "organisation"), ("Joko Widodo", "person"), ("<b>X</b>", "other")],
}
_QUOTE = {
    "text": "Inflasi terkendali",
    "speaker": "Perry",
    "speaker_canonical": "Perry Warjiyo",
    "verb": "kata",
    "paragraph": 0,
    "start": 1,
    "end": 19,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("crawl")
    make_crawl(directory, pages_per_site=2)
    db = directory / "corpus.db"
    with Store.open(db) as store:
        ingest(
            store,
            [str(directory / "crawl.jsonl")],
            IngestOptions(workers=1, extract=ExtractOptions(enrich=True)),
        )
        for article_id, names in _ENTITIES.items():
            data = json.loads(
                store.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()[0]
            )
            data["annotations"]["entities"] = [
                {"text": name, "type": kind, "canonical": name, "paragraph": 0, "start": 0, "end": len(name)}
                for name, kind in names
            ]
            data["annotations"]["quotes"] = [_QUOTE]
            with store.transaction() as conn:
                conn.execute("UPDATE articles SET data=? WHERE id=?", (json.dumps(data), article_id))
                reindex_article(store, article_id, data)
    return db


@pytest.fixture(scope="module")
def client(corpus: Path) -> TestClient:
    return TestClient(create_app(corpus))


def test_ingest_with_enrich_stores_every_annotation(corpus: Path) -> None:
    with Store.open(corpus) as store:
        rows = [json.loads(row[0]) for row in store.conn.execute("SELECT data FROM articles")]
    assert rows and all(set(row["annotations"]) >= {"entities", "quotes", "keywords"} for row in rows)
    assert all(row["annotations"]["keywords"] for row in rows)


def test_the_article_page_lists_entities_with_counts_quotes_and_keywords(client: TestClient) -> None:
    page = client.get("/article/1").text
    assert "<aside class='annotations'>" in page
    assert "<a href='/entity/Joko%20Widodo'>Joko Widodo</a> <span class=meta>person · 2</span>" in page
    assert "Bank%20Indonesia'>Bank Indonesia</a> <span class=meta>organisation · 1</span>" in page
    assert "<b>Perry Warjiyo</b>: Inflasi terkendali" in page
    stored = client.get("/api/article/1").json()["article"]["annotations"]["keywords"]
    assert stored and all(item["text"] in page for item in stored[:3])


def test_markup_in_annotations_is_escaped(client: TestClient) -> None:
    page = client.get("/article/3").text
    assert "&lt;b&gt;X&lt;/b&gt;" in page and "<b>X</b>" not in page


def test_an_article_without_annotations_shows_no_section() -> None:
    assert annotations_html({}) == ""
    assert annotations_html({"entities": [], "quotes": [], "keywords": []}) == ""


def test_the_entities_route_ranks_by_articles(client: TestClient) -> None:
    rows = client.get("/api/entities").json()
    assert rows[:2] == [
        {"name": "Joko Widodo", "type": "person", "articles": 3, "mentions": 4},
        {"name": "Bank Indonesia", "type": "organisation", "articles": 2, "mentions": 2},
    ]
    assert client.get("/api/entities", params={"limit": 1}).json() == rows[:1]
    assert client.get("/api/entities", params={"type": "organisation"}).json()[0] == rows[1]
    assert client.get("/api/entities", params={"from": "2024-13"}).status_code == 400
    page = client.get("/entities")
    assert page.status_code == 200
    assert "<td>person</td><td>3</td><td>4</td>" in page.text
    assert "href='/entity/Joko%20Widodo'" in page.text
    assert "href='/entities'" in client.get("/").text  # (linked from every page)
    assert "/api/entities" in client.get("/openapi.json").json()["paths"]


def test_the_entities_page_of_a_corpus_without_enrichment_says_how(tmp_path: Path) -> None:
    make_crawl(tmp_path, pages_per_site=1)
    db = tmp_path / "plain.db"
    with Store.open(db) as store:
        ingest(store, [str(tmp_path / "crawl.jsonl")], IngestOptions(workers=1))
    client = TestClient(create_app(db))
    assert client.get("/api/entities").json() == []
    assert "warta ingest --enrich" in client.get("/entities").text


def test_an_entity_page_profiles_it_and_links_its_articles(client: TestClient) -> None:
    page = client.get("/entity/joko widodo")
    assert page.status_code == 200
    assert "<h1>Joko Widodo</h1>" in page.text
    assert "3 articles · 4 mentions" in page.text
    assert "named with" in page.text and "href='/entity/Bank%20Indonesia'" in page.text
    assert "/?entity=Joko+Widodo" in page.text  # every article naming it, through search's filter
    profile = client.get("/api/entity/Joko Widodo").json()
    assert profile["articles"] == 3 and profile["types"] == [["person", 3]]
    said = client.get("/api/entity/Perry Warjiyo")  # quoted, never tagged: no profile
    assert said.status_code == 404 and "similar" in said.json()["detail"]


def test_an_unknown_entity_page_offers_similar_names(client: TestClient) -> None:
    page = client.get("/entity/joko")
    assert page.status_code == 404
    assert "href='/entity/Joko%20Widodo'" in page.text


def test_search_and_listing_filter_by_entity(client: TestClient) -> None:
    listing = client.get("/", params={"entity": "Surabaya"}).text
    assert "value='Surabaya'" in listing and listing.count("<div class='hit'>") == 1
    assert client.get("/api/search", params={"q": "berita", "entity": "Bank Indonesia"}).json()
    assert client.get("/api/search", params={"q": "berita", "entity": "Nobody"}).json() == []


def test_trend_api_and_the_results_chart(client: TestClient) -> None:
    found = client.get("/api/trend", params={"q": "berita", "by": "year"}).json()
    assert found["by"] == "year" and found["undated"] + sum(n for _, n in found["counts"]) > 0
    assert client.get("/api/trend", params={"q": "-x"}).status_code == 400
    assert client.get("/api/trend", params={"by": "decade"}).status_code == 422
    split = client.get("/api/trend", params={"by": "year", "split": "site"}).json()
    assert split["split"] == "site" and len(split["series"]) >= 2
    assert all(len(s["counts"]) == len(split["periods"]) for s in split["series"])
    plain = client.get("/api/trend", params={"by": "year"}).json()
    assert sum(sum(s["counts"]) + s["undated"] for s in split["series"]) + split["others"] == plain[
        "undated"
    ] + sum(n for _, n in plain["counts"])


def test_quotes_page_and_api(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"speaker": "perry warjiyo"}).json()
    assert rows and {row["text"] for row in rows} == {"Inflasi terkendali"}
    assert client.get("/api/quotes", params={"speaker": " "}).status_code == 400
    page = client.get("/quotes", params={"words": "inflasi"}).text
    assert "Inflasi terkendali" in page and "href='/entity/Perry%20Warjiyo'" in page
    assert "similar names" in client.get("/quotes", params={"speaker": "perry"}).text


def test_rising_entities_need_a_span(client: TestClient) -> None:
    assert client.get("/api/entities", params={"rising": "true"}).status_code == 400
    page = client.get("/entities", params={"rising": "true"}).text
    assert "give --from and --to" in page and "checked" in page
    assert client.get("/api/entities", params={"rising": "true", "from": "2024", "to": "2024"}).json() == []


def test_the_network_route_links_entities_named_together(client: TestClient) -> None:
    data = client.get("/api/network", params={"min_stories": 1}).json()
    names = {n["id"]: n["name"] for n in data["nodes"]}
    links = {(names[e["source"]], names[e["target"]]): e["stories"] for e in data["edges"]}
    assert links[("Bank Indonesia", "Joko Widodo")] == 2 and ("Joko Widodo", "Surabaya") in links
    people = client.get("/api/network", params={"type": "person", "min_stories": 1}).json()
    assert people["nodes"][0]["name"] == "Joko Widodo" and {n["type"] for n in people["nodes"]} == {"person"}
    gexf = client.get("/api/network", params={"format": "gexf", "min_stories": 1})
    assert gexf.status_code == 200 and "warta-network.gexf" in gexf.headers["content-disposition"]
    assert gexf.text.count("<edge ") == len(data["edges"])
    assert client.get("/api/network", params={"format": "png"}).status_code == 400
    assert client.get("/api/network", params={"top": 0}).status_code == 400


def test_the_entity_pages_link_their_network(client: TestClient) -> None:
    page = client.get("/entities").text
    assert "/api/network?format=gexf" in page
    profile = client.get("/entity/Joko%20Widodo").text
    assert "/api/network?entity=Joko+Widodo&amp;format=graphml" in profile
    ego = client.get("/api/network", params={"entity": "Joko Widodo", "min_stories": 1}).json()
    assert {n["name"] for n in ego["nodes"]} >= {"Joko Widodo", "Bank Indonesia"}


def test_the_network_page_draws_the_selected_stories(client: TestClient) -> None:
    page = client.get("/network", params={"min_stories": 1})
    assert page.status_code == 200 and "<svg class='network'" in page.text
    assert "href='/entity/Joko%20Widodo'" in page.text and "strongest links" in page.text
    assert "href='/network'" in client.get("/").text  # in the navigation
    bad = client.get("/network", params={"from": "2024-13"})
    assert bad.status_code == 200 and "class='error'" in bad.text
