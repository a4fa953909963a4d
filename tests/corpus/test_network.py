"""The entity co-occurrence network: nodes are the most named entities, edges the stories naming both."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from warta.corpus.network import Network, entity_network, write_csv, write_gexf, write_graphml
from warta.corpus.search import QueryError, SearchFilters
from warta.corpus.store import Store, StoredArticle


def _entity(name: str, kind: str, canonical: str | None = None) -> dict[str, Any]:
    return {"text": name, "type": kind, "canonical": canonical or name, "paragraph": 0}


# (site, published, body, entities): four stories; the fifth article copies the first
_ROWS: list[tuple[str, str, str, list[dict[str, Any]]]] = [
    (
        "kabar.id",
        "2025-01-10",
        "Prabowo bertemu Kim di Pyongyang membahas rudal",
        [
            _entity("Prabowo", "person", "Prabowo Subianto"),
            _entity("Kim Jong Un", "person"),
            _entity("Korut", "place", "Korea Utara"),
        ],
    ),
    (
        "kabar.id",
        "2025-02-01",
        "Prabowo dan Kim bicara soal pangan",
        [_entity("Prabowo Subianto", "person"), _entity("Kim Jong Un", "person")],
    ),
    (
        "daily.com",
        "2025-03-01",
        "North Korea tests a missile as Seoul watches",
        [
            _entity("North Korea", "place", "Korea Utara"),
            _entity("Seoul", "place"),
            _entity("A & B <Group>", "organisation"),
        ],
    ),
    (
        "daily.com",
        "2025-03-05",
        "Seoul and North Korea trade words over the missile",
        [_entity("Seoul", "place"), _entity("North Korea", "place", "Korea Utara")],
    ),
    (
        "copy.net",
        "2025-01-11",
        "Prabowo bertemu Kim di Pyongyang membahas rudal",
        [
            _entity("Prabowo Subianto", "person"),
            _entity("Kim Jong Un", "person"),
            _entity("Korea Utara", "place"),
        ],
    ),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "net.db")
    articles = [
        StoredArticle(
            url_key=f"{site}/{i}",
            url=f"https://{site}/{i}",
            canonical_url=None,
            site=site,
            title=body[:30],
            body=body,
            language="id" if site != "daily.com" else "en",
            published=published,
            source=f"t:{i}",
            text_hash=f"h{i}",
            data={"title": body[:30], "text": body, "annotations": {"entities": entities}},
        )
        for i, (site, published, body, entities) in enumerate(_ROWS)
    ]
    store.write_batch(store.start_run(["t"]), articles, [])
    # the copy on copy.net is a duplicate of the first story
    store.conn.execute("UPDATE articles SET cluster_id = 1, is_representative = (id = 1) WHERE id IN (1, 5)")
    return store


def _edges(network: Network) -> set[tuple[str, str, int]]:
    return {
        (*sorted((network.name_of(e.source), network.name_of(e.target))), e.stories) for e in network.edges
    }


def test_nodes_are_the_most_named_entities_and_a_copied_story_counts_once(store: Store) -> None:
    network = entity_network(store, SearchFilters(), min_stories=1)
    assert [(n.name, n.stories) for n in network.nodes][:2] == [("Korea Utara", 3), ("Kim Jong Un", 2)]
    assert _edges(network) == {
        ("Kim Jong Un", "Prabowo Subianto", 2),  # the copy on copy.net is the same story
        ("Kim Jong Un", "Korea Utara", 1),
        ("Korea Utara", "Prabowo Subianto", 1),
        ("Korea Utara", "Seoul", 2),
        ("A & B <Group>", "Korea Utara", 1),
        ("A & B <Group>", "Seoul", 1),
    }
    strong = entity_network(store, SearchFilters())  # two stories at least by default
    assert _edges(strong) == {("Kim Jong Un", "Prabowo Subianto", 2), ("Korea Utara", "Seoul", 2)}
    assert [e.stories for e in network.edges] == sorted((e.stories for e in network.edges), reverse=True)


def test_filters_a_search_a_type_and_an_entity_select_the_stories(store: Store) -> None:
    english = entity_network(store, SearchFilters(language="en"), min_stories=1)
    assert {n.name for n in english.nodes} == {"Korea Utara", "Seoul", "A & B <Group>"}
    missile = entity_network(store, SearchFilters(), query="missile", min_stories=1)
    assert {n.name for n in missile.nodes} == {"Korea Utara", "Seoul", "A & B <Group>"}
    people = entity_network(store, SearchFilters(), entity_type="person", min_stories=1)
    assert _edges(people) == {("Kim Jong Un", "Prabowo Subianto", 2)}
    ego = entity_network(store, SearchFilters(entity="prabowo subianto"), min_stories=1)
    assert {n.name for n in ego.nodes} == {"Prabowo Subianto", "Kim Jong Un", "Korea Utara"}
    top = entity_network(store, SearchFilters(), top=2, min_stories=1)
    assert [n.name for n in top.nodes] == ["Korea Utara", "Kim Jong Un"] and _edges(top) == {
        ("Kim Jong Un", "Korea Utara", 1)
    }
    assert entity_network(store, SearchFilters(site="nowhere.org")) == Network((), ())


def test_bad_arguments_are_query_errors(store: Store) -> None:
    for kwargs in ({"top": 0}, {"min_stories": 0}, {"query": "-only"}):
        with pytest.raises(QueryError):
            entity_network(store, SearchFilters(), **kwargs)  # type: ignore[arg-type]
    with pytest.raises(QueryError):
        entity_network(store, SearchFilters(date_from="2025-13"))


def test_graph_files_parse_and_hold_the_network(store: Store) -> None:
    network = entity_network(store, SearchFilters(), min_stories=1)
    graphml = io.StringIO()
    write_graphml(network, graphml)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(graphml.getvalue())
    nodes = root.findall(".//g:node", ns)
    assert len(nodes) == len(network.nodes) and len(root.findall(".//g:edge", ns)) == len(network.edges)
    labels = {n.findtext("g:data[@key='label']", namespaces=ns) for n in nodes}
    assert "A & B <Group>" in labels
    ids = {n.get("id") for n in nodes}
    assert all(e.get("source") in ids and e.get("target") in ids for e in root.findall(".//g:edge", ns))

    gexf = io.StringIO()
    write_gexf(network, gexf)
    root = ET.fromstring(gexf.getvalue())
    ns = {"x": "http://gexf.net/1.3"}
    weights = sorted(int(e.get("weight", "0")) for e in root.findall(".//x:edge", ns))
    assert weights == sorted(e.stories for e in network.edges)
    assert {n.get("label") for n in root.findall(".//x:node", ns)} == {n.name for n in network.nodes}

    table = io.StringIO()
    write_csv(network, table)
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert len(rows) == len(network.edges) and rows[0]["stories"] == str(network.edges[0].stories)


def test_names_xml_cannot_hold_are_cleaned(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "odd.db")
    entities = [_entity("Bad\x01Name", "person"), _entity("Quote \"Q\" & 'S'", "organisation")]
    article = StoredArticle(
        url_key="x/1",
        url="https://x/1",
        canonical_url=None,
        site="x",
        title="t",
        body="b",
        language="en",
        published="2025-01-01",
        source="t:1",
        text_hash="h",
        data={"annotations": {"entities": entities}},
    )
    store.write_batch(store.start_run(["t"]), [article], [])
    network = entity_network(store, SearchFilters(), min_stories=1)
    for write in (write_graphml, write_gexf):
        out = io.StringIO()
        write(network, out)
        text = out.getvalue()
        ET.fromstring(text)  # well-formed
        assert "\x01" not in text
