"""Who and what the corpus names, and who said what: enrichment as tables.

`warta ingest --enrich` keeps each article's annotations whole in its JSON. This module
turns its entities into rows of `mentions` (one per article and entity, with how often
the article names it) and its attributed quotes into rows of `quotes`, so that the
corpus answers, from an index and not by reading every article's JSON:

- which entities its articles name most (`top_entities`), of a type, a site, a span of dates;
- one entity's profile (`entity_profile`): the articles naming it month by month, the
  entities named beside it, what it said (the quotes whose speaker it is), its latest articles;
- which articles name an entity (`SearchFilters.entity`, read by search, export, trend and the browser).

An entity is its canonical name (Korut and Korea Utara are one row) under a key that
ignores case and spacing; its type is part of the row (Jakarta the place and Jakarta in
an organisation's name are told apart by the tagger, not here). Counts are over one
copy per story unless duplicates are asked for, as search counts.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from warta.corpus.search import SearchFilters
    from warta.corpus.store import Store

PROFILE_LIMIT = 10  # entities named beside one, quotes and latest articles a profile lists


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's mentions of one entity."""

    key: str  # entity_key(name): what lookups match
    name: str  # the canonical name as enrichment gave it
    type: str  # person, place, organization, ...
    count: int


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    """A quote with its speaker, as stored for one article."""

    position: int  # its place among the article's quotes
    speaker_key: str
    speaker: str
    text: str
    verb: str | None


@dataclass(frozen=True, slots=True)
class EntityCount:
    name: str
    type: str
    articles: int  # articles (one copy per story unless duplicates are asked for) naming it
    mentions: int  # how often they name it, in all


@dataclass(frozen=True, slots=True)
class QuoteFound:
    article_id: int
    title: str | None
    published: str | None
    speaker: str
    text: str
    verb: str | None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    title: str | None
    site: str
    published: str | None


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """What the corpus says about one entity."""

    name: str
    types: tuple[tuple[str, int], ...]  # (type, articles), the most first
    articles: int
    mentions: int
    first: str | None  # the earliest and latest publication date of an article naming it
    last: str | None
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, articles), every month from the first to the last
    undated: int
    together: tuple[EntityCount, ...]  # named in the same articles, by shared articles
    quotes: tuple[QuoteFound, ...]  # what it said, newest first
    latest: tuple[ArticleRef, ...]


def entity_key(name: str) -> str:
    """The lookup key of an entity name: NFKC, case folded, spacing collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def mentions_of(annotations: Mapping[str, Any]) -> list[Mention]:
    """An article's entities, one row per (entity, type) with its mention count, in first-mention order."""
    counts: dict[tuple[str, str], list[Any]] = {}
    for entity in annotations.get("entities") or ():
        if not isinstance(entity, Mapping):
            continue
        name = _text(entity.get("canonical")) or _text(entity.get("text"))
        key = entity_key(name)
        if not key:
            continue
        kind = _text(entity.get("type")) or "other"
        row = counts.setdefault((key, kind), [name, 0])
        row[1] += 1
    return [Mention(key, name, kind, count) for (key, kind), (name, count) in counts.items()]


def quotes_of(annotations: Mapping[str, Any]) -> list[SpokenQuote]:
    """An article's quotes that name their speaker (unattributed ones stay in its JSON only)."""
    found = []
    for position, quote in enumerate(annotations.get("quotes") or ()):
        if not isinstance(quote, Mapping):
            continue
        speaker = _text(quote.get("speaker_canonical")) or _text(quote.get("speaker"))
        text = _text(quote.get("text"))
        if entity_key(speaker) and text:
            verb = _text(quote.get("verb")) or None
            found.append(SpokenQuote(position, entity_key(speaker), speaker, text, verb))
    return found


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# -- writing ----------------------------------------------------------------


def write_annotations(store: Store, article_id: int, data: Mapping[str, Any]) -> None:
    """Index an article's entities and quotes (nothing for an article stored without enrichment)."""
    annotations = data.get("annotations")
    if not isinstance(annotations, Mapping):
        return
    conn = store.conn
    entity_stats_changed(store)
    conn.executemany(
        "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?)",
        [(m.key, m.type, article_id, m.name, m.count) for m in mentions_of(annotations)],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO quotes VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, q.position, q.speaker_key, q.speaker, q.text, q.verb) for q in quotes_of(annotations)],
    )


def annotations_kept(annotations: Mapping[str, Any], kept: Sequence[int]) -> dict[str, Any]:
    """The annotations of a body of which only the paragraphs `kept` (old indexes, in order)
    remain: what sat in a dropped paragraph goes, the rest is renumbered; an annotation
    without a paragraph (keywords) stays as it was."""
    new_index = {old: new for new, old in enumerate(kept)}
    out: dict[str, Any] = {}
    for name, items in annotations.items():
        if not isinstance(items, list):
            out[name] = items
            continue
        out[name] = []
        for item in items:
            where = item.get("paragraph") if isinstance(item, Mapping) else None
            if not isinstance(where, int):
                out[name].append(item)
            elif where in new_index:
                out[name].append({**item, "paragraph": new_index[where]})
    return out


_STATS_KEY = "entity_stats"  # in meta while the entity_stats table is current


def entity_stats_changed(store: Store) -> None:
    """Mark the corpus-wide entity counts stale (mentions or story clusters changed)."""
    store.conn.execute("DELETE FROM meta WHERE key = ?", (_STATS_KEY,))


def entity_stats_current(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM meta WHERE key = ?", (_STATS_KEY,)).fetchone() is not None


def refresh_entity_stats(store: Store) -> bool:
    """Rebuild the corpus-wide counts of each entity (what the unfiltered list of the most
    named entities reads) where mentions or clusters changed since; returns whether it did."""
    if entity_stats_current(store):
        return False
    with store.transaction() as conn:
        conn.execute("DELETE FROM entity_stats")
        conn.execute(
            f"INSERT INTO entity_stats SELECT m.key, m.type, max(m.name), {STORIES_SQL}, sum(m.count)"
            " FROM mentions m JOIN articles a INDEXED BY articles_search ON a.id = m.article_id"
            " GROUP BY m.key, m.type"
        )
        conn.execute("INSERT INTO meta VALUES (?, '1')", (_STATS_KEY,))
    return True


STORIES_SQL = "count(DISTINCT coalesce(a.cluster_id, -a.id))"  # one copy per story: its cluster, or itself


def named_in(
    store: Store, where: str, params: Sequence[Any], limit: int = PROFILE_LIMIT, besides: str = ""
) -> tuple[EntityCount, ...]:
    """The entities the articles `a` passing `where` name most (by articles, then mentions),
    the entity of key `besides` aside."""
    rows = store.conn.execute(
        "SELECT max(o.name), o.type, count(*) AS n, sum(o.count) FROM articles a"
        f" JOIN mentions o ON o.article_id = a.id AND o.key <> ? WHERE 1{where}"
        " GROUP BY o.key, o.type ORDER BY n DESC, sum(o.count) DESC, max(o.name) LIMIT ?",
        [besides, *params, limit],
    ).fetchall()
    return tuple(EntityCount(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows)


def latest_articles(
    store: Store, where: str, params: Sequence[Any], limit: int = PROFILE_LIMIT
) -> tuple[ArticleRef, ...]:
    """The newest articles `a` passing `where` (undated last)."""
    rows = store.conn.execute(
        f"SELECT a.id, a.title, s.name, a.published FROM articles a JOIN sites s ON s.id = a.site_id WHERE 1{where}"
        " ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return tuple(ArticleRef(int(r[0]), r[1], str(r[2]), r[3]) for r in rows)


def reindex_article(store: Store, article_id: int, data: Mapping[str, Any]) -> None:
    """Replace an article's rows of entities and quotes by those of `data`."""
    store.conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    store.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    write_annotations(store, article_id, data)


def index_stored(store: Store, batch: int = 500) -> int:
    """Index the entities and quotes of every stored article (a corpus from before the tables,
    or after they were emptied); returns the articles that had annotations."""
    conn = store.conn
    done = 0
    with store.transaction():
        entity_stats_changed(store)
        conn.execute("DELETE FROM mentions")
        conn.execute("DELETE FROM quotes")
        for rows in _batches(
            conn.execute("SELECT id, data FROM articles WHERE instr(data, '\"annotations\"') > 0"), batch
        ):
            for article_id, data in rows:
                try:
                    parsed = json.loads(data)
                except ValueError:
                    continue
                if isinstance(parsed, dict) and isinstance(parsed.get("annotations"), Mapping):
                    write_annotations(store, int(article_id), parsed)
                    done += 1
    return done


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- reading ----------------------------------------------------------------


def top_entities(store: Store, filters: SearchFilters, entity_type: str | None = None) -> list[EntityCount]:
    """The entities named by the most stories that pass `filters` (site, language, dates),
    `filters.limit` of them, of `entity_type` if given. A story counts once where any of its
    copies names the entity (every copy with `include_duplicates`); mentions are counted over
    every copy."""
    from warta.corpus.search import check_filters

    check_filters(filters)
    if not filters.narrowed and not filters.include_duplicates and entity_stats_current(store):
        rows = store.conn.execute(
            "SELECT name, type, stories, mentions FROM entity_stats"
            + (" WHERE type = ?" if entity_type else "")
            + " ORDER BY stories DESC, mentions DESC, name LIMIT ?",
            [*([entity_type] if entity_type else []), filters.limit],
        )
        return [EntityCount(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]
    return [count for _, count in _counted(store, filters, entity_type)]


def _counted(
    store: Store, filters: SearchFilters, entity_type: str | None, keys: Sequence[str] | None = None
) -> list[tuple[str, EntityCount]]:
    """(key, count) of the entities most named by the articles passing `filters`, counted from
    the mentions; only those of `keys` where given."""
    from warta.corpus.search import filter_conditions

    found = filter_conditions(store, replace(filters, include_duplicates=True))
    if found is None:
        return []
    where, params, _ = found
    if entity_type:
        where += " AND m.type = ?"
        params = [*params, entity_type]
    if keys is not None:
        where += " AND m.key IN (SELECT value FROM json_each(?))"
        params = [*params, json.dumps(list(keys))]
    stories = "count(*)" if filters.include_duplicates else STORIES_SQL
    rows = store.conn.execute(
        f"SELECT m.key, max(m.name), m.type, {stories} AS n, sum(m.count) FROM mentions m"
        f" JOIN articles a INDEXED BY articles_search ON a.id = m.article_id WHERE 1{where}"
        " GROUP BY m.key, m.type ORDER BY n DESC, sum(m.count) DESC, max(m.name) LIMIT ?",
        [*params, filters.limit],
    )
    return [(str(r[0]), EntityCount(str(r[1]), str(r[2]), int(r[3]), int(r[4]))) for r in rows]


@dataclass(frozen=True, slots=True)
class RisingEntity:
    name: str
    type: str
    now: int  # stories naming it in the span asked for
    before: int  # in the span of the same length right before it
    score: float  # (now - before) / sqrt(before + 1): how far above its usual it is


RISING_POOL = 1000  # the span's most named entities that can rise (MAX_LIMIT of a search)


def rising_entities(
    store: Store, filters: SearchFilters, entity_type: str | None = None
) -> list[RisingEntity]:
    """The entities named in more stories in the span `filters.date_from`..`date_to` than in the
    span of the same length before it, the furthest above first (a Poisson-style score: the
    rise over the square root of the earlier count, so a new name in 5 stories outranks one
    going from 100 to 106); an entity needs 2 stories in the span. `filters.limit` of them."""
    from warta.corpus.search import QueryError, check_filters

    check_filters(filters)
    if not (filters.date_from and filters.date_to):
        raise QueryError("rising entities compare a span with the one before it: give --from and --to")
    first, last = _first_day(filters.date_from), _last_day(filters.date_to)
    if last < first:
        raise QueryError("--to is before --from")
    days = (last - first).days + 1
    earlier = replace(
        filters,
        date_from=(first - timedelta(days=days)).isoformat(),
        date_to=(first - timedelta(days=1)).isoformat(),
        limit=RISING_POOL,
    )
    now = [
        (k, c)
        for k, c in _counted(store, replace(filters, limit=RISING_POOL), entity_type)
        if c.articles >= 2
    ]
    before = {(k, c.type): c.articles for k, c in _counted(store, earlier, entity_type, [k for k, _ in now])}
    rising = []
    for key, count in now:
        was = before.get((key, count.type), 0)
        if count.articles > was:
            score = (count.articles - was) / math.sqrt(was + 1)
            rising.append(RisingEntity(count.name, count.type, count.articles, was, round(score, 3)))
    rising.sort(key=lambda r: (-r.score, -r.now, r.name))
    return rising[: filters.limit]


def _first_day(value: str) -> date:
    return date.fromisoformat((value + "-01-01")[:10])


def _last_day(value: str) -> date:
    if len(value) == 10:
        return date.fromisoformat(value)
    if len(value) == 4:
        return date(int(value), 12, 31)
    year, month = int(value[:4]), int(value[5:7])
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def profile_scope(
    store: Store, name: str, filters: SearchFilters, tie: Literal["entity", "author"]
) -> tuple[str, SearchFilters, str, list[object]] | None:
    """What a profile of `name` reads: its key, `filters` narrowed to the articles `tie` ("entity":
    naming it; "author": crediting it) binds to it, and those articles as SQL on `articles a`
    (" AND ..." clauses and their parameters); None where no article can pass. Raises
    `QueryError` for filters that cannot run."""
    from warta.corpus.search import check_filters, filter_conditions

    check_filters(filters)
    key = entity_key(name)
    tied = replace(filters, entity=key) if tie == "entity" else replace(filters, author=key)
    found = filter_conditions(store, tied)
    if not key or found is None:
        return None
    where, params, _ = found
    return key, tied, where, params


def entity_profile(store: Store, name: str, filters: SearchFilters) -> EntityProfile | None:
    """What the articles passing `filters` say about the entity `name` (any spelling of its
    canonical name's case); None where none of them names it."""
    from warta.corpus.search import filter_conditions
    from warta.corpus.trends import Period, trend

    scope = profile_scope(store, name, filters, "entity")
    if scope is None:
        return None
    key, naming, where, params = scope
    conn = store.conn
    mentioned = " JOIN mentions m ON m.article_id = a.id AND m.key = ?"
    types = conn.execute(
        f"SELECT m.type, count(*), sum(m.count), max(m.name) FROM articles a{mentioned}"
        f" WHERE 1{where} GROUP BY m.type ORDER BY count(*) DESC, m.type",
        [key, *params],
    ).fetchall()
    if not types:
        return None
    span = conn.execute(
        f"SELECT count(*), min(a.published), max(a.published) FROM articles a WHERE 1{where}",
        params,
    ).fetchone()
    months = trend(store, None, naming, Period.month)
    # What it said: its quotes in articles passing the other filters (a speaker need not be
    # tagged as an entity of the article that quotes it).
    others = filter_conditions(store, filters)
    quotes: list[Any] = []
    if others is not None:
        quotes = conn.execute(
            "SELECT a.id, a.title, a.published, q.speaker, q.text, q.verb FROM quotes q"
            f" JOIN articles a ON a.id = q.article_id WHERE q.speaker_key = ?{others[0]}"
            " ORDER BY a.published IS NULL, a.published DESC, a.id DESC, q.position LIMIT ?",
            [key, *others[1], PROFILE_LIMIT],
        ).fetchall()
    return EntityProfile(
        name=str(max(types, key=lambda t: int(t[1]))[3]),
        types=tuple((str(t[0]), int(t[1])) for t in types),
        articles=int(span[0]),
        mentions=sum(int(t[2]) for t in types),
        first=span[1],
        last=span[2],
        months=months.counts,
        undated=months.undated,
        together=named_in(store, where, params, besides=key),
        quotes=tuple(QuoteFound(int(r[0]), r[1], r[2], str(r[3]), str(r[4]), r[5]) for r in quotes),
        latest=latest_articles(store, where, params),
    )


def find_quotes(
    store: Store, filters: SearchFilters, speaker: str | None = None, words: str | None = None
) -> list[QuoteFound]:
    """Attributed quotes of the articles passing `filters`, newest first, `filters.limit` of
    them: by `speaker` (a canonical name, any case) and/or holding every one of `words`
    (case-insensitive for letters that have ASCII case; one copy per story's quotes)."""
    from warta.corpus.search import QueryError, check_filters, filter_conditions

    check_filters(filters)
    found = filter_conditions(store, filters)
    if found is None:
        return []
    where, params = found[0], list(found[1])
    conds = ""
    if speaker is not None:
        if not entity_key(speaker):
            raise QueryError("--speaker names nobody: give a name")
        conds += " AND q.speaker_key = ?"
        params.append(entity_key(speaker))
    for word in (words or "").split():
        conds += " AND instr(lower(q.text), ?) > 0"
        params.append(word.lower())
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.published, q.speaker, q.text, q.verb FROM quotes q"
        f" JOIN articles a ON a.id = q.article_id WHERE 1{conds}{where}"
        " ORDER BY a.published IS NULL, a.published DESC, a.id DESC, q.position LIMIT ?",
        [*params, filters.limit],
    )
    return [QuoteFound(int(r[0]), r[1], r[2], str(r[3]), str(r[4]), r[5]) for r in rows]


def similar_speakers(store: Store, name: str, limit: int = 5) -> list[str]:
    """Speakers whose key holds `name`'s ("perry" finds "Perry Warjiyo"), the most quoted first."""
    key = entity_key(name)
    if not key:
        return []
    rows = store.conn.execute(
        "SELECT max(speaker) FROM quotes WHERE speaker_key LIKE ? ESCAPE '\\'"
        " GROUP BY speaker_key ORDER BY count(*) DESC, speaker_key LIMIT ?",
        (like_pattern(key), limit),
    )
    return [str(r[0]) for r in rows]


def like_pattern(key: str) -> str:
    """A LIKE pattern (escaped with a backslash) for keys holding `key`."""
    return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def has_mentions(store: Store) -> bool:
    """Whether any stored article was enriched with entities."""
    return store.conn.execute("SELECT 1 FROM mentions LIMIT 1").fetchone() is not None


def similar_entities(store: Store, name: str, limit: int = 5) -> list[str]:
    """Entity names holding `name`'s key (a profile asked for "korea" finds "Korea Utara"),
    the most named first."""
    key = entity_key(name)
    if not key:
        return []
    rows = store.conn.execute(
        "SELECT max(name) FROM mentions WHERE key LIKE ? ESCAPE '\\' GROUP BY key ORDER BY count(*) DESC, key LIMIT ?",
        (like_pattern(key), limit),
    )
    return [str(r[0]) for r in rows]


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 article', '2 articles' (`words`: an irregular plural, 'stories')."""
    return f"{count} {word if count == 1 else words or word + 's'}"
