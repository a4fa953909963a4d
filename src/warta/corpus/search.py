"""Full-text search over the store: BM25 ranking, highlighted snippets, filters.

User text never reaches FTS5 as syntax. `parse_query` keeps only words
(letters and digits), balanced "quoted phrases", a trailing `*` on a word
of two or more characters (prefix search), and the operators a researcher's
boolean query needs: `OR` between two terms, `-word` / `NOT word` to leave
articles out (`AND` is what a space says). Everything else — column filters,
NEAR, parentheses, SQL — is either dropped or searched as plain words. Each
term is emitted as an FTS5 string literal and the operators are written by
warta, and every other value (site, language, dates, limit) is a bound parameter.

Ranking reads only the FTS index and a covering index of the filter columns; titles and
snippets are fetched for the returned page only. A query of common words scores just the
candidates of `warta.corpus.champions` when their bound proves the same top-k, scores
included; otherwise every match is scored.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from warta.corpus.champions import bm25_sql, candidates
from warta.corpus.mentions import entity_key
from warta.corpus.stems import character_pairs, stem_word, unspaced
from warta.corpus.store import Store
from warta.errors import WartaError

MAX_QUERY_CHARS = 1000
MAX_TERMS = 16
MAX_LIMIT = 1000
_PRUNE_LIMIT = 100  # deeper pages are rarely proved by the champion lists
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+\*?", re.UNICODE)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(WartaError):
    """A search query or filter that cannot be run, with what to do instead."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


class SearchOrder(StrEnum):
    relevance = "relevance"  # BM25, best first
    newest = "newest"  # by publication date, the newest first (undated matches last)
    oldest = "oldest"


@dataclass(frozen=True, slots=True)
class SearchFilters:
    site: str | None = None
    language: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    limit: int = 10
    include_duplicates: bool = False
    order: SearchOrder = SearchOrder.relevance  # or the newest / the oldest matches first
    entity: str | None = None  # only articles naming this entity (its canonical name, any case)
    author: str | None = None  # only articles crediting this person (as printed, any case)

    @property
    def narrowed(self) -> bool:
        """Whether any filter leaves articles out (the limit, order and copies aside)."""
        return any((self.site, self.language, self.date_from, self.date_to, self.entity, self.author))


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    title: str | None
    url: str | None
    site: str
    language: str | None
    published: str | None
    score: float
    snippet: str
    cluster_size: int


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every group must match (a group matches through any of its terms, the
    alternatives `OR` joins), and no article holding an excluded term (`-word`, `NOT word`)."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def terms(self) -> list[Term]:
        """The terms to find, in query order."""
        return [term for group in self.groups for term in group]


# A phrase or a word, either maybe negated by a '-' that opens it (not one inside 'co-operation').
_TOKEN = re.compile(r'(?:(?<!\S)(-))?"([^"]*)"|(?:(?<!\S)(-))?(\w+\*?)', re.UNICODE)
_OPERATORS = frozenset({"OR", "AND", "NOT"})


def parse_query(text: str) -> Query:
    """The terms of a user query; raises `QueryError` when nothing searchable is left.

    Words and "quoted phrases" must all match; `OR` between two of them takes either; `-word`
    or `NOT word` leaves out the articles holding it; `AND` is what a space already says. The
    operators count in capitals only ('or' is a word), and everything else that FTS5 would
    read as syntax is searched as plain words or dropped.

    >>> q = parse_query('jokowi "ibu kota" title:foo NEAR(')
    >>> [[t.words for t in g] for g in q.groups]
    [[('jokowi',)], [('ibu', 'kota')], [('title',)], [('foo',)], [('near',)]]
    >>> q = parse_query('banjir OR longsor -jakarta NOT "kota tua"')
    >>> [[t.words for t in g] for g in q.groups], [t.words for t in q.excluded]
    ([[('banjir',), ('longsor',)]], [('jakarta',), ('kota', 'tua')])
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    if text.count('"') % 2:  # an unbalanced quote is no phrase: its words are searched
        text = text.replace('"', " ")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join = negate = found = False  # found: the last term was one to find (OR joins it)
    for match in _TOKEN.finditer(text):
        phrase_minus, phrase, word_minus, token = match.groups()
        if token is not None and token in _OPERATORS:
            join, negate = token == "OR" and found, token == "NOT"
            continue
        if phrase is not None:
            words = tuple(w.lower().rstrip("*") for w in _WORD.findall(phrase))
            term = Term(words) if words else None
        else:
            word = token.rstrip("*").lower()
            term = Term((word,), prefix=token.endswith("*") and len(word) >= 2)
        if term is None:
            continue
        found = not (negate or phrase_minus or word_minus)
        if not found:
            excluded.append(term)
        elif join:
            groups[-1].append(term)
        else:
            groups.append([term])
        join = negate = False
    count = sum(map(len, groups)) + len(excluded)
    if not groups:
        if excluded:
            raise QueryError("the query only leaves words out (-word, NOT word): add a word to find")
        raise QueryError("the query has no words to search for (letters or digits)")
    if count > MAX_TERMS:
        raise QueryError(f"the query has {count} terms; use at most {MAX_TERMS}")
    return Query(tuple(map(tuple, groups)), tuple(excluded))


# A run of a script written without spaces (CJK ideographs, kana): the index keeps it whole.
_UNSPACED_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff*])"
)


_LOWER_OPERATOR = re.compile(r"(?<!\S)(?:or|and|not)(?!\S)")


def empty_result_hint(query: str) -> str | None:
    """Why a query may have found nothing, where its shape says: an operator in lower case
    ('banjir or longsor' asks for the word 'or' too), or a run of Chinese or Japanese characters,
    which the index keeps whole (as printed in the text, up to the next space or punctuation)."""
    if _LOWER_OPERATOR.search(query):
        return "every word must match, 'or' too: write OR, AND, NOT in capitals for the operators"
    if _UNSPACED_RUN.search(query):
        return (
            "text written without spaces (Chinese, Japanese) is found inside longer runs only in a corpus"
            " ingested or reindexed by this warta (`warta reindex`); else add * for a prefix (日本語*)"
        )
    return None


def _literal(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def term_phrases(term: Term, stems: bool) -> list[str]:
    """The FTS5 phrases a term matches through, any one sufficing: title/body, then its stem
    (for a word of unspaced script, the phrase of its character pairs: found inside longer runs;
    a single character, as the first of a pair)."""
    phrases = ["{title body}: " + _literal(term.words) + ("*" if term.prefix else "")]
    if stems and len(term.words) == 1:
        word = term.words[0]
        if unspaced(word):
            pairs = character_pairs(word)
            if pairs:
                single = len(pairs) == 1 and len(word) == 1
                phrases.append("stems: " + _literal((pairs,)) + ("*" if single or term.prefix else ""))
        elif not term.prefix:
            phrases.append("stems: " + _literal((stem_word(word),)))
    return phrases


def _any_of(terms: tuple[Term, ...], stems: bool) -> str:
    phrases = [phrase for term in terms for phrase in term_phrases(term, stems)]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def fts_expression(query: Query, stems: bool) -> str:
    """The FTS5 MATCH expression: every group required, through any of its terms (a word also
    through its stem), and none of the excluded terms."""
    required = " AND ".join(_any_of(group, stems) for group in query.groups)
    if not query.excluded:
        return required
    return f"({required}) NOT {_any_of(query.excluded, stems)}"


def check_filters(filters: SearchFilters) -> None:
    """Raise `QueryError` for a date filter naming no real date or a limit out of range."""
    for name, value in (("--from", filters.date_from), ("--to", filters.date_to)):
        if value is not None and not _is_date(value):
            raise QueryError(f"{name} must be a date like 2024, 2024-03 or 2024-03-15, not {value!r}")
    if not 1 <= filters.limit <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}")


def _is_date(value: str) -> bool:
    """Whether `value` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day ("2024-13"
    and "2024-02-30" matched nothing, without a word)."""
    if not _DATE.match(value):
        return False
    year, month, day = (int(part) for part in (value + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def search(store: Store, query: str, filters: SearchFilters | None = None) -> list[Hit]:
    """Articles matching `query`, best first (BM25, title weighted ×3)."""
    filters = filters or SearchFilters()
    check_filters(filters)
    parsed = parse_query(query)
    store.map_for_reading()
    conn = store.conn
    # One snapshot for every step: a concurrent ingest must not slip an article in between
    # the champion lists' candidates and the ranking that relies on them.
    snapshot = not conn.in_transaction
    if snapshot:
        conn.execute("BEGIN")
    try:
        ranked, _ = rank(store, parsed, filters)
        return _hits(store, fts_expression(parsed, store.tokenizer == "unicode61+id"), ranked)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search could not run: {exc}") from exc
    finally:
        if snapshot:
            conn.execute("COMMIT")


def filter_conditions(store: Store, filters: SearchFilters) -> tuple[str, list[object], int | None] | None:
    """The filters as SQL on `articles a` (" AND …" clauses, their parameters) and the site's
    id; None when the site is not in the corpus (nothing can match).

    Without `include_duplicates` one copy of each story is kept: its representative where
    that passes the filters, else the first copy that does, so a site's own copy of a story
    syndicated from elsewhere is found when searching that site (or its language or dates).
    """
    site_id = None
    if filters.site:
        row = store.conn.execute(
            "SELECT id FROM sites WHERE name = ?", (filters.site.lower().removeprefix("www."),)
        ).fetchone()
        if row is None:
            return None
        site_id = int(row[0])
    conds, params = _article_conditions("a", filters, site_id)
    if not filters.include_duplicates:
        # (An article outside a cluster is its own representative: the subquery runs for copies only.)
        others, other_params = _article_conditions("b", filters, site_id, inner=True)
        conds.append(
            "(a.is_representative = 1 OR NOT EXISTS (SELECT 1 FROM articles b WHERE"
            " b.cluster_id = a.cluster_id AND (b.is_representative = 1 OR b.id < a.id)"
            + "".join(f" AND {c}" for c in others)
            + "))"
        )
        params.extend(other_params)
    return "".join(f" AND {c}" for c in conds), params, site_id


def _article_conditions(
    alias: str, filters: SearchFilters, site_id: int | None, inner: bool = False
) -> tuple[list[str], list[object]]:
    """The site, language, date, entity and author filters as SQL conditions on `articles {alias}`
    (`inner`: of a correlated subquery, run once per outer row)."""
    conds: list[str] = []
    params: list[object] = []
    if site_id is not None:
        conds.append(f"{alias}.site_id = ?")
        params.append(site_id)
    if filters.language:
        conds.append(f"{alias}.language = ?")
        params.append(filters.language)
    if filters.date_from:
        conds.append(f"{alias}.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        conds.append(f"substr({alias}.published, 1, ?) <= ?")
        params.extend([len(filters.date_to), filters.date_to])
    if filters.entity:
        if inner:  # asked per row of an outer query: the article's dozen mention rows
            conds.append(
                "EXISTS (SELECT 1 FROM mentions em INDEXED BY mentions_article"
                f" WHERE em.article_id = {alias}.id AND em.key = ?)"
            )
        else:  # a list of ids in the mentions' key order: the rows are found from it, not scanned
            conds.append(f"{alias}.id IN (SELECT article_id FROM mentions WHERE key = ?)")
        params.append(entity_key(filters.entity))
    if filters.author:  # (as the entity: a list of ids, or the article's own rows)
        if inner:
            conds.append(
                "EXISTS (SELECT 1 FROM bylines eb INDEXED BY bylines_article"
                f" WHERE eb.article_id = {alias}.id AND eb.key = ?)"
            )
        else:
            conds.append(f"{alias}.id IN (SELECT article_id FROM bylines WHERE key = ?)")
        params.append(entity_key(filters.author))
    return conds, params


def latest(store: Store, filters: SearchFilters) -> list[Hit]:
    """Without a query: the newest articles that pass the filters (one per story unless
    `include_duplicates`), newest first; hits without score or snippet."""
    check_filters(filters)
    found = filter_conditions(store, filters)
    if found is None:
        return []
    where, params, _ = found
    rows = store.conn.execute(
        "SELECT a.id, a.title, coalesce(a.url, a.canonical_url), s.name, a.language, a.published, coalesce(c.size, 1)"
        " FROM articles a JOIN sites s ON s.id = a.site_id LEFT JOIN clusters c ON c.id = a.cluster_id"
        f" WHERE 1{where} ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?",
        [*params, filters.limit],
    ).fetchall()
    return [Hit(int(r[0]), r[1], r[2], r[3], r[4], r[5], 0.0, "", int(r[6])) for r in rows]


_ORDER_SQL = {
    SearchOrder.relevance: " ORDER BY score, f.rowid LIMIT ?",
    SearchOrder.newest: " ORDER BY a.published IS NULL, a.published DESC, score, f.rowid LIMIT ?",
    SearchOrder.oldest: " ORDER BY a.published IS NULL, a.published, score, f.rowid LIMIT ?",
}


def rank(
    store: Store, query: Query, filters: SearchFilters, prune: bool = True
) -> tuple[list[tuple[int, float]], bool]:
    """The top `filters.limit` (article id, BM25 score) of a query, best first (or by date, as
    `filters.order` asks; ties by score, then id);
    and whether champion lists proved them without scoring every match (`warta.corpus.champions`).

    Ranking reads only the FTS index and the `articles_search` covering index: titles,
    sites and cluster sizes are looked up for the returned page only.
    """
    conn = store.conn
    stems = store.tokenizer == "unicode61+id"
    found_filters = filter_conditions(store, filters)
    if found_filters is None:
        return [], False
    where, params, site_id = found_filters
    select = (
        f"SELECT f.rowid, {bm25_sql()} AS score"
        " FROM articles_fts f JOIN articles a INDEXED BY articles_search ON a.id = f.rowid"
        " WHERE articles_fts MATCH ?"
    )
    order = _ORDER_SQL[filters.order]
    expression = fts_expression(query, stems)
    terms = query.terms
    # A site (or an entity) is a small share of the corpus: its best matches rarely beat the
    # bound, and scoring only its matches is cheap. Prefixes and phrases have no champion lists.
    # A group of alternatives (`OR`) is one term matched through any phrase of any of them: BM25
    # sums over every phrase, so the bound holds. Excluded terms score nothing where they are
    # absent; they only take articles out, and those are kept out of the floor below.
    if (
        prune
        and filters.order is SearchOrder.relevance
        and site_id is None
        and not filters.entity
        and not filters.author
        and filters.limit <= _PRUNE_LIMIT
        and all(not t.prefix and len(t.words) == 1 for t in terms)
    ):
        group_phrases = [[p for t in group for p in term_phrases(t, stems)] for group in query.groups]
        found = candidates(store, group_phrases, filters.limit)
        if found is not None:
            try:
                likely = found.likely(4 * filters.limit + 16)
                leave_out, leave_out_params = "", []
                if query.excluded:
                    leave_out = " AND a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                    leave_out_params = [_any_of(query.excluded, stems)]
                passing = {
                    int(r[0])
                    for r in conn.execute(
                        "SELECT a.id FROM articles a INDEXED BY articles_search"
                        " WHERE a.id IN (SELECT value FROM json_each(?))" + leave_out + where,
                        [json.dumps(likely), *leave_out_params, *params],
                    )
                }
                ids = found.above(found.floor(passing, filters.limit))
                rows = conn.execute(
                    select + " AND +f.rowid IN (SELECT value FROM json_each(?))" + where + order,
                    [expression, json.dumps(ids), *params, filters.limit],
                ).fetchall()
            except sqlite3.OperationalError:  # an SQLite built without JSON: score every match
                rows = []
            if found.proves([float(r[1]) for r in rows], filters.limit):
                return [(int(r[0]), float(r[1])) for r in rows], True
    ahead: list[object] = []  # parameters of the conditions added to `select` here
    if site_id is not None:  # the site's ids (from its index) are a cheaper first check than the join
        select += " AND +f.rowid IN (SELECT id FROM articles WHERE site_id = ?)"
        ahead.append(site_id)
    if filters.entity:  # likewise the articles naming the entity, from the mentions' key index
        select += " AND +f.rowid IN (SELECT article_id FROM mentions WHERE key = ?)"
        ahead.append(entity_key(filters.entity))
    if filters.author:
        select += " AND +f.rowid IN (SELECT article_id FROM bylines WHERE key = ?)"
        ahead.append(entity_key(filters.author))
    rows = conn.execute(select + where + order, [expression, *ahead, *params, filters.limit]).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows], False


def _hits(store: Store, expression: str, ranked: list[tuple[int, float]]) -> list[Hit]:
    """Titles, sites, cluster sizes and snippets for the ranked page only."""
    if not ranked:
        return []
    ids = [r[0] for r in ranked]
    marks = ",".join("?" * len(ids))
    info = {
        int(r[0]): r[1:]
        for r in store.conn.execute(
            "SELECT a.id, a.title, coalesce(a.url, a.canonical_url), s.name, a.language, a.published, coalesce(c.size, 1)"
            " FROM articles a JOIN sites s ON s.id = a.site_id LEFT JOIN clusters c ON c.id = a.cluster_id"
            f" WHERE a.id IN ({marks})",
            ids,
        )
    }
    snippets = dict(
        store.conn.execute(
            "SELECT rowid, snippet(articles_fts, 1, '**', '**', '…', 16) FROM articles_fts"
            f" WHERE articles_fts MATCH ? AND rowid IN ({marks})",
            [expression, *ids],
        ).fetchall()
    )
    hits = []
    for article_id, score in ranked:
        title, url, site, language, published, size = info[article_id]
        hits.append(
            Hit(
                article_id,
                title,
                url,
                site,
                language,
                published,
                score,
                snippets.get(article_id) or "",
                int(size),
            )
        )
    return hits
