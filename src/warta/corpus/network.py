"""Who is named with whom: the entity co-occurrence network of a corpus, or of a search in it.

Media analysts draw the actors of a coverage as a graph: two entities are linked when a story
names both, the link as strong as the number of such stories. `entity_network` reads it from
the `mentions` table of an enriched corpus (`warta ingest --enrich`): the nodes are the
entities named by the most stories among the articles that pass the filters (and match a
search, where one is given), the edges the pairs of them that share at least `min_stories`
stories. A story copied across sites counts once (its duplicate cluster), as everywhere
else in the corpus. An entity is its canonical name and type (Korut and Korea Utara are one
node; Jakarta the place and Jakarta the organisation are two).

`write_graphml`, `write_gexf` and `write_csv` write it for Gephi, Cytoscape, networkx or a
spreadsheet.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from warta.corpus.mentions import STORIES_SQL
from warta.corpus.search import (
    QueryError,
    SearchFilters,
    check_filters,
    filter_conditions,
    fts_expression,
    parse_query,
)
from warta.corpus.store import Store

MAX_NODES = 2000  # beyond this a drawing is unreadable and the pair count grows quadratically


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # "type:key", unique in the network
    name: str  # the canonical name, as enrichment gave it
    type: str
    stories: int  # stories naming it among those selected


@dataclass(frozen=True, slots=True)
class Edge:
    source: str  # Node.id
    target: str
    stories: int  # stories naming both


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]  # most named first
    edges: tuple[Edge, ...]  # strongest first

    def name_of(self, node_id: str) -> str:
        return next(n.name for n in self.nodes if n.id == node_id)


def entity_network(
    store: Store,
    filters: SearchFilters,
    query: str | None = None,
    entity_type: str | None = None,
    top: int = 100,
    min_stories: int = 2,
) -> Network:
    """The `top` entities named by the most stories passing `filters` (and matching `query`),
    of `entity_type` where given, linked where at least `min_stories` stories name both.

    With `filters.entity` this is that entity's ego network: only the stories naming it count.
    Raises `QueryError` for a query or filter that cannot run, or a `top` out of range."""
    check_filters(filters)
    if not 1 <= top <= MAX_NODES:
        raise QueryError(f"--top must be between 1 and {MAX_NODES}")
    if min_stories < 1:
        raise QueryError("--min-stories must be 1 or more")
    found = filter_conditions(store, replace(filters, include_duplicates=True))
    if found is None:
        return Network((), ())
    where, params, _ = found
    if query is not None and query.strip():
        where += " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        params = [*params, fts_expression(parse_query(query), store.tokenizer == "unicode61+id")]
    if entity_type:
        where += " AND m.type = ?"
        params = [*params, entity_type]
    story = "coalesce(a.cluster_id, -a.id)"
    source = (
        f" FROM mentions m JOIN articles a INDEXED BY articles_search ON a.id = m.article_id WHERE 1{where}"
    )
    try:
        rows = store.conn.execute(
            f"SELECT m.type || ':' || m.key, max(m.name), m.type, {STORIES_SQL} AS n{source}"
            " GROUP BY m.key, m.type ORDER BY n DESC, sum(m.count) DESC, max(m.name) LIMIT ?",
            [*params, top],
        ).fetchall()
        nodes = tuple(Node(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows)
        chosen = {node.id for node in nodes}
        keys = json.dumps(sorted({node.id.split(":", 1)[1] for node in nodes}))
        # Each story's chosen entities (over all its selected copies), the stories in order; the
        # rows are read by entity key from the mentions' primary key.
        pairs: Counter[tuple[str, str]] = Counter()
        current: int | None = None
        named: set[str] = set()
        for story_id, node_id in store.conn.execute(
            f"SELECT {story}, m.type || ':' || m.key{source} AND m.key IN (SELECT value FROM json_each(?)) ORDER BY 1",
            [*params, keys],
        ):
            if story_id != current:
                pairs.update(combinations(sorted(named), 2))
                current, named = int(story_id), set()
            if node_id in chosen:
                named.add(node_id)
        pairs.update(combinations(sorted(named), 2))
    except sqlite3.OperationalError as exc:  # a malformed expression reaching FTS5
        raise QueryError(f"the network could not be read: {exc}") from exc
    edges = sorted(
        (Edge(a, b, n) for (a, b), n in pairs.items() if n >= min_stories),
        key=lambda e: (-e.stories, e.source, e.target),
    )
    return Network(nodes, tuple(edges))


def write_csv(network: Network, out: IO[str]) -> None:
    """One edge a row: source, source_type, target, target_type, stories (Gephi's edge table
    reads the first two columns and the weight)."""
    nodes = {n.id: n for n in network.nodes}
    writer = csv.writer(out)
    writer.writerow(["source", "source_type", "target", "target_type", "stories"])
    for edge in network.edges:
        a, b = nodes[edge.source], nodes[edge.target]
        writer.writerow([a.name, a.type, b.name, b.type, edge.stories])


def write_graphml(network: Network, out: IO[str]) -> None:
    """GraphML (networkx, igraph, Cytoscape, Gephi): nodes with label, type and stories, edges
    with their story count as `weight`."""
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
        '  <key id="stories" for="node" attr.name="stories" attr.type="int"/>\n'
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
        '  <graph id="entities" edgedefault="undirected">\n'
    )
    for node in network.nodes:
        out.write(
            f'    <node id={_attr(node.id)}><data key="label">{_text(node.name)}</data>'
            f'<data key="type">{_text(node.type)}</data><data key="stories">{node.stories}</data></node>\n'
        )
    for i, edge in enumerate(network.edges):
        out.write(
            f'    <edge id="e{i}" source={_attr(edge.source)} target={_attr(edge.target)}>'
            f'<data key="weight">{edge.stories}</data></edge>\n'
        )
    out.write("  </graph>\n</graphml>\n")


def write_gexf(network: Network, out: IO[str]) -> None:
    """GEXF 1.3, Gephi's own format: nodes with label and the type and stories attributes,
    edges with their story count as weight."""
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
        '  <graph defaultedgetype="undirected">\n'
        '    <attributes class="node">\n'
        '      <attribute id="type" title="type" type="string"/>\n'
        '      <attribute id="stories" title="stories" type="integer"/>\n'
        "    </attributes>\n"
        "    <nodes>\n"
    )
    for node in network.nodes:
        out.write(
            f"      <node id={_attr(node.id)} label={_attr(node.name)}><attvalues>"
            f'<attvalue for="type" value={_attr(node.type)}/>'
            f'<attvalue for="stories" value="{node.stories}"/></attvalues></node>\n'
        )
    out.write("    </nodes>\n    <edges>\n")
    for i, edge in enumerate(network.edges):
        out.write(
            f'      <edge id="{i}" source={_attr(edge.source)} target={_attr(edge.target)}'
            f' weight="{edge.stories}"/>\n'
        )
    out.write("    </edges>\n  </graph>\n</gexf>\n")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))
