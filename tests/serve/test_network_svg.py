"""The network drawing: a seeded force layout (linked nodes near, all inside the frame) and its SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np

from warta.corpus.network import Edge, Network, Node
from warta.serve.network_svg import force_layout, network_svg


def test_linked_nodes_end_closer_than_unlinked_ones() -> None:
    # two triangles joined by nothing: each node's partners are nearer than the other triangle
    edges = [(0, 1, 3.0), (1, 2, 3.0), (0, 2, 3.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0)]
    pos = force_layout(6, edges)
    assert pos.shape == (6, 2) and pos.min() >= 0.0 and pos.max() <= 1.0
    d = np.linalg.norm(pos[:, None] - pos[None, :], axis=2)
    within = [d[i, j] for i in range(6) for j in range(6) if i != j and (i < 3) == (j < 3)]
    across = [d[i, j] for i in range(6) for j in range(6) if (i < 3) != (j < 3)]
    assert np.mean(within) < 0.7 * np.mean(across)
    for i in range(6):  # each node's nearest is a partner
        nearest = min((j for j in range(6) if j != i), key=lambda j: d[i, j])
        assert (nearest < 3) == (i < 3)
    assert np.array_equal(pos, force_layout(6, edges))  # seeded: drawn the same way each time


def test_tiny_networks_are_placed() -> None:
    assert force_layout(0, []).shape == (0, 2)
    assert force_layout(1, []).tolist() == [[0.5, 0.5]]
    two = force_layout(2, [])
    assert two.shape == (2, 2) and not np.array_equal(two[0], two[1])


def test_the_svg_draws_every_node_and_the_strongest_edges() -> None:
    nodes = tuple(Node(f"person:p{i}", f"P<{i}>", "person", 10 - i) for i in range(5))
    edges = tuple(Edge(f"person:p{i}", f"person:p{i + 1}", 5 - i) for i in range(4))
    svg = network_svg(
        Network(nodes, edges), lambda name: f"/entity/{name}".replace("<", "%3C").replace(">", "%3E")
    )
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{ns}circle") or root.findall(".//circle")) == 5
    assert len(root.findall(".//line")) == 4
    assert "P&lt;0&gt;" in svg  # names are escaped
    limited = ET.fromstring(network_svg(Network(nodes, edges), lambda n: "#", max_edges=2))
    assert len(limited.findall(".//line")) == 2
