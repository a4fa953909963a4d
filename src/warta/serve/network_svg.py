"""The entity network drawn as an SVG: a force-directed layout computed here, no script in the page.

The browser's `/network` page shows who is named with whom (`warta.corpus.network`) as a
picture that needs no JavaScript and no library from the web: `force_layout` places the
nodes (Fruchterman-Reingold: linked nodes pull, all nodes push, the moves cooling over the
iterations, a weak gravity keeping unlinked nodes near; seeded, so the same network is drawn
the same way), and `network_svg` draws
edges as lines as wide as their story counts, nodes as circles as large as theirs, coloured
by type, each node linked to its entity page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape as esc
from typing import Any

import numpy as np

from warta.corpus.network import Network

Positions = np.ndarray[Any, np.dtype[np.float64]]

# Colours by entity type (others grey), readable on white and by most colour-blind readers.
TYPE_COLOURS = {
    "person": "#0072b2",
    "organisation": "#d55e00",
    "organization": "#d55e00",
    "place": "#009e73",
    "event": "#cc79a7",
    "product": "#e69f00",
}
OTHER_COLOUR = "#777777"
GRAVITY = 1.5  # pull towards the centre: an unlinked node settles about 1/sqrt(GRAVITY) away


def force_layout(
    count: int, edges: Sequence[tuple[int, int, float]], iterations: int = 200, seed: int = 7
) -> Positions:
    """Positions in the unit square for `count` nodes linked by (i, j, weight) edges."""
    if count == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2))
    if count == 1:
        return np.full((1, 2), 0.5)
    k = math.sqrt(1.0 / count)  # the ideal distance between two nodes
    heaviest = max((w for _, _, w in edges), default=1.0)
    links = np.array([(i, j) for i, j, _ in edges], dtype=np.int64).reshape(-1, 2)
    pull = np.array([1.0 + w / heaviest for _, _, w in edges])
    step = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        move = (delta / distance[..., None] * (k * k / distance)[..., None]).sum(axis=1)  # all push apart
        if len(links):
            d = pos[links[:, 0]] - pos[links[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            force = d / length[:, None] * (length * length / k * pull)[:, None]  # linked ones pull together
            np.add.at(move, links[:, 0], -force)
            np.add.at(move, links[:, 1], force)
        move -= GRAVITY * (pos - pos.mean(axis=0))  # unlinked parts stay in the picture
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / size[:, None] * np.minimum(size, step)[:, None]
        step *= 0.98
    # The middle nine tenths fill the frame; a node far out (an unlinked one) sits at its edge.
    low, high = np.quantile(pos, 0.05, axis=0), np.quantile(pos, 0.95, axis=0)
    scaled: Positions = np.clip(0.05 + 0.9 * (pos - low) / np.maximum(high - low, 1e-9), 0.0, 1.0)
    return scaled


def network_svg(
    network: Network, href: Callable[[str], str], width: int = 900, height: int = 640, max_edges: int = 400
) -> str:
    """The network as an inline SVG, its `max_edges` strongest links drawn (and laid out);
    `href(name)` is each node's link (already escaped)."""
    index = {node.id: i for i, node in enumerate(network.nodes)}
    edges = [(index[e.source], index[e.target], float(e.stories)) for e in network.edges[:max_edges]]
    pos = force_layout(len(network.nodes), edges)
    margin = 60
    xy = [(margin + x * (width - 2 * margin), margin + y * (height - 2 * margin)) for x, y in pos]
    most = max((n.stories for n in network.nodes), default=1)
    heaviest = max((w for _, _, w in edges), default=1.0)
    parts = [
        f"<svg class='network' viewBox='0 0 {width} {height}' width='100%' role='img'"
        " aria-label='entities named together'>"
    ]
    for i, j, w in edges:
        (x1, y1), (x2, y2) = xy[i], xy[j]
        parts.append(
            f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='#999'"
            f" stroke-opacity='0.5' stroke-width='{0.5 + 4 * w / heaviest:.2f}'><title>"
            f"{esc(network.nodes[i].name)} · {esc(network.nodes[j].name)}: {int(w)} stories</title></line>"
        )
    for node, (x, y) in zip(network.nodes, xy, strict=True):
        radius = 4 + 14 * math.sqrt(node.stories / most)
        colour = TYPE_COLOURS.get(node.type, OTHER_COLOUR)
        parts.append(
            f"<a href='{href(node.name)}'><circle cx='{x:.1f}' cy='{y:.1f}' r='{radius:.1f}' fill='{colour}'"
            f" fill-opacity='0.8'><title>{esc(node.name)} ({esc(node.type)}): {node.stories} stories</title>"
            f"</circle><text x='{x:.1f}' y='{y - radius - 3:.1f}' text-anchor='middle' font-size='11'>"
            f"{esc(node.name)}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
