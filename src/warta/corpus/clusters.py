"""Duplicate clusters over the whole store: exact hashes, then verified LSH candidates.

Recomputed from the stored hashes and signatures after each ingest, so the
result does not depend on the order pages arrived in. Memory holds the
signatures of candidate articles only (those sharing a hash or an LSH bucket).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

import numpy as np
import numpy.typing as npt

from warta.corpus.dedup import MinHashConfig, UnionFind, distinct_length, link_bucket, pick_representative
from warta.corpus.mentions import entity_stats_changed
from warta.corpus.store import Store


@dataclass(frozen=True, slots=True)
class ClusterSummary:
    clusters: int
    exact: int
    near: int
    cross_site: int
    duplicates: int


def build_clusters(store: Store, config: MinHashConfig | None = None) -> ClusterSummary:
    """Group exact and near duplicates, pick representatives, and write `clusters`."""
    config = config or MinHashConfig()
    conn = store.conn
    sets = UnionFind()
    rows = conn.execute(
        "SELECT text_hash, id FROM articles WHERE text_hash IN"
        " (SELECT text_hash FROM articles GROUP BY text_hash HAVING count(*) > 1) ORDER BY text_hash, id"
    )
    for _, group in groupby(rows, key=lambda r: r[0]):
        ids = [int(r[1]) for r in group]
        for other in ids[1:]:
            sets.union(ids[0], other)
    buckets = conn.execute(
        "SELECT bucket, article_id FROM lsh WHERE bucket IN"
        " (SELECT bucket FROM lsh GROUP BY bucket HAVING count(*) > 1) ORDER BY bucket"
    ).fetchall()
    signatures = _signatures(store, {int(r[1]) for r in buckets})
    for _, group in groupby(buckets, key=lambda r: r[0]):
        link_bucket([int(r[1]) for r in group], signatures, config.threshold, sets)
    return _write(store, sets.groups())


def _signatures(store: Store, ids: set[int]) -> dict[int, npt.NDArray[np.uint32]]:
    out: dict[int, npt.NDArray[np.uint32]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for article_id, blob in store.conn.execute(
            f"SELECT article_id, signature FROM signatures WHERE article_id IN ({marks})", chunk
        ):
            out[int(article_id)] = np.frombuffer(blob, dtype=np.uint32)
    return out


def _write(store: Store, groups: list[list[int]]) -> ClusterSummary:
    exact = near = cross = members = 0
    with store.transaction() as conn:
        entity_stats_changed(store)  # (they count stories)
        conn.execute("DELETE FROM clusters")
        conn.execute("UPDATE articles SET cluster_id = NULL, is_representative = 1")
        for ids in sorted(groups):
            marks = ",".join("?" * len(ids))
            info = conn.execute(
                f"SELECT id, body, published, url_key, text_hash, site_id FROM articles WHERE id IN ({marks})",
                ids,
            ).fetchall()
            representative = pick_representative((r[0], distinct_length(r[1]), r[2], r[3]) for r in info)
            kind = "exact" if len({r[4] for r in info}) == 1 else "near"
            sites = len({r[5] for r in info})
            cur = conn.execute(
                "INSERT INTO clusters (kind, representative_id, size, sites) VALUES (?, ?, ?, ?)",
                (kind, representative, len(ids), sites),
            )
            conn.execute(
                f"UPDATE articles SET cluster_id = ?, is_representative = (id = ?) WHERE id IN ({marks})",
                (cur.lastrowid, representative, *ids),
            )
            exact += kind == "exact"
            near += kind == "near"
            cross += sites > 1
            members += len(ids) - 1
    return ClusterSummary(len(groups), exact, near, cross, members)
