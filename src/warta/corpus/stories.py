"""Stories many sites carried: the corpus's duplicate clusters, the most widely published first.

A story syndicated by a wire, or copied from one portal by others, is one duplicate cluster
(exact or near copies, `warta.corpus.clusters`). Listed by how many sites carried it, then by
its copies, with where and when it appeared first: the copy published earliest (its site is
the likely origin; copies without a date are not counted for it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from warta.corpus.search import SearchFilters, check_filters, filter_conditions
from warta.corpus.store import Store


@dataclass(frozen=True, slots=True)
class Story:
    cluster_id: int
    kind: str  # "exact": every copy the same text; "near": copies differ a little
    sites: int  # sites that carried it
    copies: int  # stored articles in the cluster
    article_id: int  # its representative, the fullest copy
    title: str | None
    first_published: str | None  # the earliest publication date of a copy
    first_site: str | None  # the site of that copy


def top_stories(store: Store, filters: SearchFilters, min_sites: int = 2) -> list[Story]:
    """The clusters with a copy that passes `filters` (site, language, dates, entity), carried
    by `min_sites` sites or more, the most sites first (then the most copies), `filters.limit`
    of them. Raises `QueryError` for a filter that cannot run."""
    check_filters(filters)
    found = filter_conditions(store, replace(filters, include_duplicates=True))
    if found is None:
        return []
    where, params, _ = found
    rows = store.conn.execute(
        "SELECT c.id, c.kind, c.sites, c.size, c.representative_id, r.title FROM clusters c"
        " JOIN articles r ON r.id = c.representative_id"
        " WHERE c.sites >= ? AND EXISTS (SELECT 1 FROM articles a WHERE a.cluster_id = c.id" + where + ")"
        " ORDER BY c.sites DESC, c.size DESC, c.id LIMIT ?",
        [min_sites, *params, filters.limit],
    ).fetchall()
    stories = []
    for cluster_id, kind, sites, size, article_id, title in rows:
        first = store.conn.execute(
            "SELECT a.published, s.name FROM articles a JOIN sites s ON s.id = a.site_id"
            " WHERE a.cluster_id = ? AND a.published IS NOT NULL ORDER BY a.published, a.id LIMIT 1",
            (cluster_id,),
        ).fetchone()
        stories.append(
            Story(
                int(cluster_id),
                str(kind),
                int(sites),
                int(size),
                int(article_id),
                title,
                first[0] if first else None,
                first[1] if first else None,
            )
        )
    return stories
