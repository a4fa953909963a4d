"""Full-text search over the store: BM25 ranking, highlighted snippets, filters.

User text never reaches FTS5 as syntax. `parse_query` keeps only words
(letters and digits), balanced "quoted phrases" and a trailing `*` on a word
of two or more characters (prefix search); everything else — column filters,
NEAR, parentheses, operators, SQL — is either dropped or searched as plain
words. Each term is emitted as an FTS5 string literal, and every other value
(site, language, dates, limit) is a bound parameter.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from warta.corpus.stems import stem_word
from warta.corpus.store import Store
from warta.errors import WartaError

MAX_QUERY_CHARS = 1000
MAX_TERMS = 16
MAX_LIMIT = 1000
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+\*?", re.UNICODE)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(WartaError):
    """A search query or filter that cannot be run, with what to do instead."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchFilters:
    site: str | None = None
    language: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    limit: int = 10
    include_duplicates: bool = False


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


def parse_query(text: str) -> list[Term]:
    """Terms of a user query; raises `QueryError` when nothing searchable is left.

    >>> [t.words for t in parse_query('jokowi "ibu kota" title:foo NEAR(')]
    [('jokowi',), ('ibu', 'kota'), ('title',), ('foo',), ('near',)]
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    terms: list[Term] = []
    if text.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(text):
            words = tuple(w.lower().rstrip("*") for w in _WORD.findall(phrase))
            if words:
                terms.append(Term(words))
        text = _PHRASE.sub(" ", text)
    for token in _WORD.findall(text.replace('"', " ")):
        word = token.rstrip("*").lower()
        terms.append(Term((word,), prefix=token.endswith("*") and len(word) >= 2))
    if not terms:
        raise QueryError("the query has no words to search for (letters or digits)")
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; use at most {MAX_TERMS}")
    return terms


def _literal(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts_expression(terms: list[Term], stems: bool) -> str:
    """The FTS5 MATCH expression: all terms required; a word also matches through its stem."""
    parts = []
    for term in terms:
        literal = _literal(term.words) + ("*" if term.prefix else "")
        match = "{title body}: " + literal
        if stems and not term.prefix and len(term.words) == 1:
            match = f"({match} OR stems: {_literal((stem_word(term.words[0]),))})"
        parts.append(match)
    return " AND ".join(parts)


def _check_filters(filters: SearchFilters) -> None:
    for name, value in (("--from", filters.date_from), ("--to", filters.date_to)):
        if value is not None and not _DATE.match(value):
            raise QueryError(f"{name} must be a date like 2024, 2024-03 or 2024-03-15, not {value!r}")
    if not 1 <= filters.limit <= MAX_LIMIT:
        raise QueryError(f"--limit must be between 1 and {MAX_LIMIT}")


def search(store: Store, query: str, filters: SearchFilters | None = None) -> list[Hit]:
    """Articles matching `query`, best first (BM25, title weighted ×3)."""
    filters = filters or SearchFilters()
    _check_filters(filters)
    expression = fts_expression(parse_query(query), stems=store.tokenizer == "unicode61+id")
    store.map_for_reading()
    # Two steps: rank every match by BM25 (cheap), then build snippets for the page of
    # hits only; snippet() on every matching row made common words slow.
    sql = [
        "SELECT a.id, a.title, a.url, s.name, a.language, a.published,"
        " bm25(articles_fts, 3.0, 1.0, 0.5) AS score,"
        " coalesce((SELECT size FROM clusters c WHERE c.id = a.cluster_id), 1)"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN sites s ON s.id = a.site_id"
        " WHERE articles_fts MATCH ?"
    ]
    params: list[object] = [expression]
    if filters.site:
        sql.append("AND s.name = ?")
        params.append(filters.site.lower().removeprefix("www."))
    if filters.language:
        sql.append("AND a.language = ?")
        params.append(filters.language)
    if filters.date_from:
        sql.append("AND a.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        sql.append("AND substr(a.published, 1, ?) <= ?")
        params.extend([len(filters.date_to), filters.date_to])
    if not filters.include_duplicates:
        sql.append("AND a.is_representative = 1")
    sql.append("ORDER BY score LIMIT ?")
    params.append(filters.limit)
    try:
        ranked = store.conn.execute(" ".join(sql), params).fetchall()
        snippets: dict[int, str] = {}
        if ranked:
            marks = ",".join("?" * len(ranked))
            snippets = dict(
                store.conn.execute(
                    "SELECT rowid, snippet(articles_fts, 1, '**', '**', '…', 16) FROM articles_fts"
                    f" WHERE articles_fts MATCH ? AND rowid IN ({marks})",
                    [expression, *(r[0] for r in ranked)],
                ).fetchall()
            )
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search could not run: {exc}") from exc
    rows = [(*r[:7], snippets.get(r[0], ""), r[7]) for r in ranked]
    return [Hit(int(r[0]), r[1], r[2], r[3], r[4], r[5], float(r[6]), r[7] or "", int(r[8])) for r in rows]
