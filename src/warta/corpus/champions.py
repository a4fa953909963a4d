"""Champion lists: the exact BM25 top-k of a common-word query without scoring every match.

FTS5 scores a matching row in about a microsecond, and a query made of common
words matches a large share of the corpus (on the synthetic 100,000-page bench,
half of it), so ranking alone took most of a search. BM25 is a sum over the
query's phrases (a word in title/body, its stem in the hidden `stems` column)
of `idf × g(f, D)`, where `g` grows with the phrase's weighted frequency `f` in
a document and shrinks with the document's length `D`. For every phrase that
matches more than `M` documents, `build_search_index` stores

* its champions: the `M` documents with the highest `g` (scored by FTS5 itself),
* its tail: the highest `g` of every other document,
* its document count `n` and the corpus size and average length at build time.

A search then scores only the candidates — the champions of its phrases, every
document of phrases too rare to have a list, and documents added or changed
since the build — and keeps the result only when the k-th candidate score
beats the bound on anything else: `Σ idf_max × tail` over the phrases (a
document outside every champion list is at most `tail` in each phrase). That
proves the top-k is the one full scoring would return, scores included;
otherwise the search scores every match as before. The bound stays valid while
the corpus changes: `g` of an unchanged document can only grow with the
average length (by at most the ratio of averages), idf is bounded from the
stored `n` less the documents changed since, and changed or new documents are
always candidates.

The champions' own `g` (stored as float32, read with a relative margin) narrow
the candidates further: a champion of some phrase of every term is certainly a
match, with a score of at least the sum of its known parts; once `k` of them pass
the filters, the k-th of those lower bounds is a floor that the true k-th score
reaches, and a candidate whose upper bound (known parts, tails for the rest)
stays below it cannot enter the top-k, so it is not scored.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from typing import Any

import numpy as np

from warta.corpus.store import Store

# FTS5's bm25() k1 (fts5_aux.c; b = 0.75 only enters through the bounds' reasoning) and the
# column weights search uses (title, body, stems).
K1 = 1.2
WEIGHTS = (3.0, 1.0, 0.5)
CHAMPIONS = 2000  # documents kept per phrase
INDEX_VERSION = 1
MARGIN = 1e-9  # relative: float rounding between FTS5's sum and the bounds'
G_MARGIN = 1e-6  # relative: a champion's g stored as float32
_META_KEY = "search_index"
_PRUNABLE = ("unicode61", "unicode61+id")  # trigram phrases are not vocabulary terms

Ids = np.ndarray[Any, np.dtype[np.int64]]
Floats = np.ndarray[Any, np.dtype[np.float64]]


@dataclass(frozen=True, slots=True)
class IndexInfo:
    """What `build_search_index` recorded: the corpus as the champion lists saw it."""

    version: int
    weights: tuple[float, ...]
    champions: int
    rows: int
    avgdl: float
    max_id: int
    id_type: str  # numpy dtype of the stored ids: 4 bytes while they fit


@dataclass(frozen=True, slots=True)
class Candidates:
    """Documents to score, with bounds: on each one's score, and on any other match's.

    `upper[i]` bounds the score of `ids[i]` (infinite when unknown); `lower[i]` is a
    lower bound of its score, valid where `matched[i]` (a champion of some phrase of
    every term, unchanged since the build, hence certainly a match). `bound` is the
    most any matching document outside `ids` can score.
    """

    ids: Ids
    upper: Floats
    lower: Floats
    matched: np.ndarray[Any, np.dtype[np.bool_]]
    bound: float

    def likely(self, n: int) -> list[int]:
        """Up to `n` certain matches with the highest lower bounds, best first."""
        known = np.flatnonzero(self.matched)
        best = known[np.argsort(-self.lower[known], kind="stable")[:n]]
        return [int(i) for i in self.ids[best]]

    def floor(self, passing: set[int], k: int) -> float:
        """The k-th highest lower bound among certain matches that pass the filters (0 if fewer)."""
        ok = self.matched & np.isin(self.ids, np.fromiter(passing, dtype=np.int64, count=len(passing)))
        bounds = np.sort(self.lower[ok])[::-1]
        return float(bounds[k - 1]) if len(bounds) >= k else 0.0

    def above(self, floor: float) -> list[int]:
        """The candidates that may still reach `floor`: the rest score below the k-th result."""
        if floor <= 0:
            return [int(i) for i in self.ids]
        return [int(i) for i in self.ids[self.upper >= floor * (1 - MARGIN)]]

    def proves(self, scores: list[float], k: int) -> bool:
        """Whether these FTS5 scores (negative, best first) of the candidates are the true top-k."""
        return len(scores) == k and -scores[-1] > self.bound * (1 + MARGIN)


def bm25_sql(table: str = "articles_fts") -> str:
    return f"bm25({table}, {', '.join(map(str, WEIGHTS))})"


def _varint(data: bytes, i: int) -> tuple[int, int]:
    value = 0
    for k in range(9):
        byte = data[i]
        i += 1
        if k == 8:
            return (value << 8) | byte, i
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, i
    return value, i


def fts_totals(conn: sqlite3.Connection) -> tuple[int, float] | None:
    """FTS5's own row count and average row length (all columns), as bm25() reads them."""
    row = conn.execute("SELECT block FROM articles_fts_data WHERE id = 1").fetchone()
    if row is None or not row[0]:
        return None
    data = bytes(row[0])
    try:
        rows, i = _varint(data, 0)
        tokens = 0
        while i < len(data):
            size, i = _varint(data, i)
            tokens += size
    except IndexError:
        return None
    if rows <= 0 or tokens <= 0:
        return None
    return rows, tokens / rows


def idf(rows: int, docs: int) -> float:
    """FTS5's idf: never below 1e-6, however common the phrase."""
    value = math.log((rows - docs + 0.5) / (docs + 0.5))
    return value if value > 0 else 1e-6


def index_info(store: Store) -> IndexInfo | None:
    """The recorded build, or None when there is none or it was made for other scoring."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (_META_KEY,)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
        info = IndexInfo(
            int(data["version"]),
            tuple(float(w) for w in data["weights"]),
            int(data["champions"]),
            int(data["rows"]),
            float(data["avgdl"]),
            int(data["max_id"]),
            str(data["id_type"]),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if info.version != INDEX_VERSION or info.weights != WEIGHTS or info.id_type not in ("<i4", "<i8"):
        return None
    return info


def changed_since(store: Store, info: IndexInfo) -> int:
    """Documents added, changed or deleted since the champion lists were built."""
    conn = store.conn
    added = conn.execute("SELECT count(*) FROM articles WHERE id > ?", (info.max_id,)).fetchone()[0]
    dirty = conn.execute("SELECT count(*) FROM search_dirty").fetchone()[0]
    return int(added) + int(dirty)


def prunable(store: Store) -> bool:
    """Whether this store's tokenizer makes vocabulary terms of query words (not trigram)."""
    return store.tokenizer in _PRUNABLE


def needs_refresh(store: Store) -> bool:
    """No usable champion lists, or more than a tenth of the corpus changed since they were built."""
    if not prunable(store):
        return False
    info = index_info(store)
    if info is None:
        return True
    return changed_since(store, info) > max(100, info.rows // 10)


def search_index_hint(store: Store) -> str | None:
    """Why searches on this corpus score every match, when champion lists would help; else None."""
    totals = fts_totals(store.conn)
    if totals is None or totals[0] <= 4 * CHAMPIONS or not needs_refresh(store):
        return None
    if index_info(store) is None:
        return "this corpus has no search champion lists (made before they existed, or never reindexed)"
    return "more than a tenth of this corpus changed since its search champion lists were built"


def refresh_search_index(store: Store, force: bool = False, champions: int = CHAMPIONS) -> bool:
    """Rebuild the champion lists when stale (or when `force`); returns whether it rebuilt."""
    if not force and not needs_refresh(store):
        return False
    build_search_index(store, champions)
    return True


def build_search_index(store: Store, champions: int = CHAMPIONS) -> int:
    """Merge the FTS5 index into one segment and rebuild every champion list; returns how many.

    Runs in one write transaction, so the lists match the corpus they were built from.
    """
    conn = store.conn
    store.map_for_reading()
    with store.transaction():
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        conn.execute("DELETE FROM search_champions")
        conn.execute("DELETE FROM search_dirty")
        conn.execute("DELETE FROM meta WHERE key = ?", (_META_KEY,))
        totals = fts_totals(conn)
        if store.tokenizer not in _PRUNABLE or totals is None:
            return 0
        rows, avgdl = totals
        max_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
        id_type = "<i4" if max_id < 2**31 else "<i8"
        lists = list(_champion_lists(conn, rows, champions, id_type))
        conn.executemany("INSERT INTO search_champions VALUES (?, ?, ?, ?, ?)", lists)
        info = {
            "version": INDEX_VERSION,
            "weights": list(WEIGHTS),
            "champions": champions,
            "rows": rows,
            "avgdl": avgdl,
            "max_id": max_id,
            "id_type": id_type,
        }
        conn.execute("INSERT INTO meta VALUES (?, ?)", (_META_KEY, json.dumps(info)))
    return len(lists)


def _champion_lists(
    conn: sqlite3.Connection, rows: int, champions: int, id_type: str
) -> list[tuple[str, int, float, bytes, bytes]]:
    conn.execute("DROP TABLE IF EXISTS temp.search_vocab")
    conn.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, articles_fts, 'col')")
    try:
        counts: dict[str, int] = {}  # phrase → documents (an upper bound for title+body)
        for term, column, docs in conn.execute("SELECT term, col, doc FROM temp.search_vocab"):
            key = phrase("stems" if column == "stems" else "title body", term)
            counts[key] = counts.get(key, 0) + int(docs)
    finally:
        conn.execute("DROP TABLE temp.search_vocab")
    out = []
    score = bm25_sql()
    for key, upper in counts.items():
        if upper <= champions:
            continue
        docs = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (key,)
        ).fetchone()[0]
        if docs <= champions:
            continue
        top = conn.execute(
            f"SELECT rowid, {score} AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY s, rowid LIMIT ?",
            (key, champions + 1),
        ).fetchall()
        weight = idf(rows, docs)
        ids = np.array([r[0] for r in top[:champions]], dtype=id_type)
        g = np.array([-r[1] / weight for r in top[:champions]], dtype="<f4")
        order = np.argsort(ids)
        tail = -float(top[champions][1]) / weight
        out.append((key, int(docs), tail, ids[order].tobytes(), g[order].tobytes()))
    return out


def phrase(columns: str, term: str) -> str:
    """One FTS5 phrase over `columns` ("title body" or "stems"), written as search writes it."""
    literal = '"' + term.replace('"', '""') + '"'
    return f"{{{columns}}}: {literal}" if " " in columns else f"{columns}: {literal}"


def candidates(store: Store, terms: list[list[str]], limit: int, max_share: float = 0.3) -> Candidates | None:
    """Candidates for a query whose every term is a list of plain phrases (any one may match).

    None when pruning cannot pay: no usable lists, a small corpus, too many
    candidates, or two terms whose candidates share fewer than `limit` documents
    (the query then matches few documents, and scoring them all is cheap).
    """
    conn = store.conn
    info = index_info(store)
    totals = fts_totals(conn)
    if info is None or totals is None:
        return None
    rows, avgdl = totals
    if rows <= 4 * info.champions:
        return None
    cap = int(rows * max_share)
    changed = [int(r[0]) for r in conn.execute("SELECT article_id FROM search_dirty LIMIT ?", (cap + 1,))]
    added = [
        int(r[0])
        for r in conn.execute("SELECT id FROM articles WHERE id > ? LIMIT ?", (info.max_id, cap + 1))
    ]
    if len(changed) + len(added) > cap:
        return None
    grow = max(1.0, avgdl / info.avgdl)  # g of an unchanged document rises at most this much
    shrink = min(1.0, avgdl / info.avgdl)  # and falls at most this much
    lists: list[tuple[int, float, float, float, Ids, Floats]] = []  # term, idf max/min, tail, ids, g
    extra: list[int] = []  # documents of phrases without a list: scores unknown
    per_term: list[Ids] = []
    for t, phrases in enumerate(terms):
        term_ids: list[Ids] = []
        for key in phrases:
            row = conn.execute(
                "SELECT docs, tail, ids, scores FROM search_champions WHERE phrase = ?", (key,)
            ).fetchone()
            if row is None:  # every document of a phrase without a list is a candidate
                found = conn.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?", (key, cap + 1)
                ).fetchall()
                if len(found) > cap:
                    return None
                term_ids.append(np.array([r[0] for r in found], dtype=np.int64))
                extra.extend(int(r[0]) for r in found)
                continue
            docs, tail, ids, g = (
                int(row[0]),
                float(row[1]),
                np.frombuffer(row[2], info.id_type),
                np.frombuffer(row[3], "<f4"),
            )
            most = idf(rows, max(0, docs - len(changed)))  # changed documents may have left the phrase
            least = idf(rows, docs + len(changed) + len(added))  # new and changed ones may have joined
            lists.append((t, most, least, tail, ids.astype(np.int64), g.astype(np.float64)))
            term_ids.append(ids.astype(np.int64))
        per_term.append(np.unique(np.concatenate(term_ids)))
    all_ids = np.unique(np.concatenate([*per_term, np.array(changed + added, dtype=np.int64)]))
    if len(all_ids) > cap:
        return None
    # Two terms whose champions hardly meet rarely occur together (say, an Indonesian and
    # an English word): such a query matches few documents and full scoring is cheap.
    for i, a in enumerate(per_term):
        for b in per_term[i + 1 :]:
            if len(np.intersect1d(a, b, assume_unique=True)) < limit:
                return None
    bound = 0.0
    upper = np.zeros(len(all_ids))
    lower = np.zeros(len(all_ids))
    covered = np.zeros((len(terms), len(all_ids)), dtype=bool)
    for t, most, least, tail, ids, g in lists:
        at = np.minimum(np.searchsorted(ids, all_ids), len(ids) - 1)
        hit = ids[at] == all_ids
        tail_max = min(K1 + 1, tail * grow)
        bound += most * tail_max
        upper += most * np.where(hit, np.minimum(K1 + 1, g[at] * (1 + G_MARGIN) * grow), tail_max)
        lower += least * np.where(hit, g[at] * (1 - G_MARGIN) * shrink, 0.0)
        covered[t] |= hit
    unknown = np.isin(all_ids, np.array(changed + added + extra, dtype=np.int64))
    upper[unknown] = np.inf
    matched = covered.all(axis=0) & ~np.isin(all_ids, np.array(changed + added, dtype=np.int64))
    return Candidates(all_ids, upper, lower, matched, bound)
