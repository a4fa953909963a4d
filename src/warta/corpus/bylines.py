"""Who writes the corpus: its articles' credited people as a table, and a writer's profile.

Every stored article's authors and editors (as extraction credits them, with the role,
job title and outlet the page gives) become rows of `bylines`, so that the corpus answers
which writers it holds most (of a site, a span of dates), one writer's profile (the stories
under the byline month by month, the sites, the entities those stories name most when the
corpus is enriched, the latest ones), and which articles a writer signed
(`SearchFilters.author`, read by search, export, trend and the browser). A person is the
name as printed under a key that ignores case and spacing; one copy per story is counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from warta.corpus.mentions import (
    STORIES_SQL,
    EntityCount,
    entity_key,
    latest_articles,
    like_pattern,
    named_in,
    profile_scope,
)

if TYPE_CHECKING:
    from warta.corpus.mentions import ArticleRef
    from warta.corpus.search import SearchFilters
    from warta.corpus.store import Store

CREDITED = ("authors", "editors")  # the article's fields whose people are rows
PROFILE_LIMIT = 10


@dataclass(frozen=True, slots=True)
class Credit:
    key: str
    name: str
    role: str  # author, editor, reporter, photographer, agency, team ...
    organisation: bool


@dataclass(frozen=True, slots=True)
class WriterCount:
    name: str
    stories: int
    sites: int
    roles: str  # the roles credited, most frequent first ("author, editor")


@dataclass(frozen=True, slots=True)
class WriterProfile:
    name: str
    stories: int
    roles: tuple[tuple[str, int], ...]  # (role, stories)
    job_titles: tuple[str, ...]  # as the pages print them, the most frequent first
    sites: tuple[tuple[str, int], ...]  # (site, stories)
    first: str | None
    last: str | None
    months: tuple[tuple[str, int], ...]
    undated: int
    entities: tuple[EntityCount, ...]  # what the stories name most (an enriched corpus)
    latest: tuple[ArticleRef, ...]


def credits_of(data: Mapping[str, Any]) -> list[Credit]:
    """An article's credited people (authors, then editors), one row per person and role."""
    seen: dict[tuple[str, str], Credit] = {}
    for field in CREDITED:
        for person in data.get(field) or ():
            if not isinstance(person, Mapping) or not isinstance(person.get("name"), str):
                continue
            key = entity_key(person["name"])
            role = str(person.get("role") or field.rstrip("s"))
            if key and (key, role) not in seen:
                name = " ".join(person["name"].split())
                seen[(key, role)] = Credit(key, name, role, bool(person.get("is_organisation")))
    return list(seen.values())


def write_credits(store: Store, article_id: int, data: Mapping[str, Any]) -> None:
    store.conn.executemany(
        "INSERT OR REPLACE INTO bylines VALUES (?, ?, ?, ?, ?)",
        [(c.key, c.role, article_id, c.name, int(c.organisation)) for c in credits_of(data)],
    )


def index_credits(store: Store) -> int:
    """Index the credited people of every stored article (a corpus from before the table)."""
    import json

    done = 0
    with store.transaction() as conn:
        conn.execute("DELETE FROM bylines")
        for article_id, data in conn.execute("SELECT id, data FROM articles").fetchall():
            try:
                parsed = json.loads(data)
            except ValueError:
                continue
            if isinstance(parsed, dict):
                write_credits(store, int(article_id), parsed)
                done += 1
    return done


def top_writers(store: Store, filters: SearchFilters, role: str | None = None) -> list[WriterCount]:
    """The people credited on the most stories passing `filters`, `filters.limit` of them
    (organisations, such as a news desk or an agency, aside; of `role` if given)."""
    from warta.corpus.search import check_filters, filter_conditions

    check_filters(filters)
    found = filter_conditions(store, replace(filters, include_duplicates=True))
    if found is None:
        return []
    where, params, _ = found
    if role:
        where += " AND b.role = ?"
        params = [*params, role]
    stories = "count(*)" if filters.include_duplicates else STORIES_SQL
    rows = store.conn.execute(
        f"SELECT b.key, {stories} AS n, count(DISTINCT a.site_id), group_concat(DISTINCT b.role)"
        " FROM bylines b JOIN articles a INDEXED BY articles_search ON a.id = b.article_id"
        f" WHERE b.organisation = 0{where} GROUP BY b.key ORDER BY n DESC, b.key LIMIT ?",
        [*params, filters.limit],
    ).fetchall()
    return [WriterCount(spelling(store, str(r[0])), int(r[1]), int(r[2]), str(r[3] or "")) for r in rows]


def spelling(store: Store, key: str) -> str:
    """The spelling of a credited name its articles print most ('Rina Aprilia' over 'RINA APRILIA')."""
    row = store.conn.execute(
        "SELECT name FROM bylines WHERE key = ? GROUP BY name ORDER BY count(*) DESC, name LIMIT 1", (key,)
    ).fetchone()
    return str(row[0]) if row else key


def writer_profile(store: Store, name: str, filters: SearchFilters) -> WriterProfile | None:
    """What the corpus holds under `name`'s byline (any case), within `filters`; None for none."""
    import json

    from warta.corpus.trends import Period, trend

    scope = profile_scope(store, name, filters, "author")
    if scope is None:
        return None
    key, signed, where, params = scope
    conn = store.conn
    span = conn.execute(
        f"SELECT count(*), min(a.published), max(a.published) FROM articles a WHERE 1{where}", params
    ).fetchone()
    if not span[0]:
        return None
    roles = conn.execute(
        f"SELECT b.role, count(*) FROM articles a JOIN bylines b ON b.article_id = a.id AND b.key = ?"
        f" WHERE 1{where} GROUP BY b.role ORDER BY count(*) DESC, b.role",
        [key, *params],
    ).fetchall()
    sites = conn.execute(
        f"SELECT s.name, count(*) FROM articles a JOIN sites s ON s.id = a.site_id WHERE 1{where}"
        " GROUP BY s.name ORDER BY count(*) DESC, s.name LIMIT ?",
        [*params, PROFILE_LIMIT],
    ).fetchall()
    titles: dict[str, int] = {}
    for (data,) in conn.execute(f"SELECT a.data FROM articles a WHERE 1{where} LIMIT 200", params):
        for person in json.loads(data).get("authors") or ():
            if (
                isinstance(person, dict)
                and entity_key(str(person.get("name") or "")) == key
                and person.get("job_title")
            ):
                titles[str(person["job_title"])] = titles.get(str(person["job_title"]), 0) + 1
    months = trend(store, None, signed, Period.month)
    return WriterProfile(
        name=spelling(store, key),
        stories=int(span[0]),
        roles=tuple((str(r[0]), int(r[1])) for r in roles),
        job_titles=tuple(sorted(titles, key=lambda t: (-titles[t], t))),
        sites=tuple((str(s[0]), int(s[1])) for s in sites),
        first=span[1],
        last=span[2],
        months=months.counts,
        undated=months.undated,
        entities=named_in(store, where, params),
        latest=latest_articles(store, where, params),
    )


def similar_writers(store: Store, name: str, limit: int = 5) -> list[str]:
    """Credited names holding `name`'s key ("tomasz" finds "Tomasz Wren"), the most credited first."""
    key = entity_key(name)
    if not key:
        return []
    rows = store.conn.execute(
        "SELECT key FROM bylines WHERE key LIKE ? ESCAPE '\\' GROUP BY key ORDER BY count(*) DESC, key LIMIT ?",
        (like_pattern(key), limit),
    ).fetchall()
    return [spelling(store, str(r[0])) for r in rows]
