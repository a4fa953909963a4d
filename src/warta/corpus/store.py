"""The embedded corpus store: one SQLite file (WAL) with FTS5 over title and body.

    >>> store = Store.open("corpus.db")  # doctest: +SKIP
    >>> store.stats()  # doctest: +SKIP

Articles are keyed by URL (canonical when known) and carry a normalised text
hash; every input record processed is remembered in `sources`, in the same
transaction as the article it produced, so an interrupted ingest resumes where
it stopped and a repeated one changes nothing. Nothing is ever deleted by
deduplication: clusters only *link* copies and name a representative.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.corpus.bylines import index_credits, write_credits
from warta.corpus.mentions import index_stored, write_annotations
from warta.corpus.stems import StemCache
from warta.errors import WartaError

SCHEMA_VERSION = 5  # 2: search covering index, champion lists and change log; 3: versions;
# 4: entity mentions and quotes as tables (warta.corpus.mentions); 5: bylines (warta.corpus.bylines)
# How the hidden `stems` search column is written (`stem_text`); 2: unspaced script as character
# pairs; 3: and each run's last character alone. A corpus written otherwise is brought up to date
# by `warta reindex` (`Store.restem`).
STEMS_VERSION = 3
# Why an article is not stored: its URL is in the corpus already (a re-crawl), with the same text or
# another (a page updated since). The corpus has one article per URL, its first capture: that is
# what search, clusters and templates see. A capture with another text is kept beside it as a
# later version (`Store.versions`), once per distinct text, so a re-crawl's updates and
# corrections are neither lost nor counted twice.
SAME_URL = "URL already in the corpus"
SAME_URL_OTHER_TEXT = "URL already in the corpus, with another text (kept as a later version)"
# The site of pages whose URL and site name are both unknown (files, dumps without a URL field):
# no site at all, so no template is learned from what such pages share.
UNKNOWN_SITE = "(unknown)"


class StoreError(WartaError):
    """The corpus database cannot be opened or is not a warta corpus."""


class StoreIsDirectoryError(StoreError):
    """The corpus path names a directory (SQLite says only "unable to open database file")."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is a directory: a corpus is a file, such as {path / 'corpus.db'}")
        self.path = path


class StoreDirectoryMissingError(StoreError):
    """A corpus to create lies in a directory that does not exist (SQLite: "unable to open database file")."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"cannot create a corpus at {path}: the directory {path.parent} does not exist")
        self.path = path


def _check_path(path: Path) -> None:
    """Raise the clear error for a path SQLite cannot open a database at, where it is one of those."""
    if path.is_dir():
        raise StoreIsDirectoryError(path)
    if not path.exists() and not path.parent.is_dir():
        raise StoreDirectoryMissingError(path)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article row ready to write: what the parent process inserts."""

    url_key: str
    url: str | None
    canonical_url: str | None
    site: str
    title: str | None
    body: str
    language: str | None
    published: str | None
    source: str
    text_hash: str
    # What follows is evidence an extraction adds; a row built from text alone has none of it.
    data: dict[str, Any] = field(default_factory=dict)
    links: tuple[tuple[str, str, str | None], ...] = ()  # (kind, title, url)
    # Distinct blocks of the page (template evidence): key, and the text when short.
    blocks: tuple[tuple[str, str | None], ...] = ()
    signature: bytes | None = None  # MinHash signature, None when the body is too short
    bands: tuple[int, ...] = ()
    template_version: int = 0


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """A later capture of a stored article's URL, with another text (an update, a correction)."""

    article_id: int
    text_hash: str
    source: str
    captured_at: float  # when it was ingested (seconds since the epoch)
    title: str | None
    body: str
    published: str | None
    data: dict[str, Any]


_TOKENIZERS = {
    "unicode61": "unicode61 remove_diacritics 2",
    "unicode61+id": "unicode61 remove_diacritics 2",
    "trigram": "trigram",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, started_at REAL NOT NULL, finished_at REAL, inputs TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'running',
  ingested INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sites (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  pages INTEGER NOT NULL DEFAULT 0, template_version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY, url_key TEXT NOT NULL UNIQUE, url TEXT, canonical_url TEXT,
  site_id INTEGER NOT NULL REFERENCES sites(id), title TEXT, body TEXT NOT NULL,
  language TEXT, published TEXT, source TEXT NOT NULL, text_hash TEXT NOT NULL,
  stems TEXT NOT NULL DEFAULT '', data TEXT NOT NULL, run_id INTEGER,
  template_version INTEGER NOT NULL DEFAULT 0, cluster_id INTEGER, is_representative INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(text_hash);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site_id, published);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id);  -- a story's copies (search filters)
CREATE TABLE IF NOT EXISTS sources (
  source TEXT PRIMARY KEY, run_id INTEGER, status TEXT NOT NULL, reason TEXT, article_id INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (
  article_id INTEGER NOT NULL REFERENCES articles(id), kind TEXT NOT NULL,
  position INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,
  PRIMARY KEY (article_id, kind, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS site_blocks (
  site_id INTEGER NOT NULL, key TEXT NOT NULL, pages INTEGER NOT NULL,
  PRIMARY KEY (site_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS block_texts (
  site_id INTEGER NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (site_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS templates (
  site_id INTEGER NOT NULL, key TEXT NOT NULL, pages INTEGER NOT NULL, text TEXT,
  PRIMARY KEY (site_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS versions (
  article_id INTEGER NOT NULL REFERENCES articles(id), text_hash TEXT NOT NULL, source TEXT NOT NULL,
  run_id INTEGER, captured_at REAL NOT NULL, title TEXT, body TEXT NOT NULL, published TEXT,
  data TEXT NOT NULL, PRIMARY KEY (article_id, text_hash)
) WITHOUT ROWID;
-- Enrichment as tables (warta.corpus.mentions): an article's entities, one row per entity
-- and type with its mention count, in key order (counted per entity without sorting) and by
-- article (the entity filter asks an article's dozen rows); its attributed quotes, by speaker.
CREATE TABLE IF NOT EXISTS mentions (
  key TEXT NOT NULL, type TEXT NOT NULL, article_id INTEGER NOT NULL, name TEXT NOT NULL,
  count INTEGER NOT NULL, PRIMARY KEY (key, type, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS quotes (
  article_id INTEGER NOT NULL, position INTEGER NOT NULL, speaker_key TEXT NOT NULL,
  speaker TEXT NOT NULL, text TEXT NOT NULL, verb TEXT, PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
-- Per entity: the stories and mentions of the whole corpus, what the unfiltered list of the
-- most named entities reads; rebuilt after an ingest, current while meta 'entity_stats' is set.
CREATE TABLE IF NOT EXISTS entity_stats (
  key TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, stories INTEGER NOT NULL,
  mentions INTEGER NOT NULL, PRIMARY KEY (key, type)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_stats_rank ON entity_stats(stories DESC, mentions DESC, name);
-- Each article's credited people (authors, editors), by name key (warta.corpus.bylines).
CREATE TABLE IF NOT EXISTS bylines (
  key TEXT NOT NULL, role TEXT NOT NULL, article_id INTEGER NOT NULL, name TEXT NOT NULL,
  organisation INTEGER NOT NULL, PRIMARY KEY (key, role, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bylines_article ON bylines(article_id);
CREATE TABLE IF NOT EXISTS signatures (article_id INTEGER PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh (
  bucket INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS clusters (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, representative_id INTEGER NOT NULL,
  size INTEGER NOT NULL, sites INTEGER NOT NULL
);
-- Search: the columns its filters read, so ranking never loads an article row (bodies
-- spill into overflow pages and the flags sit after them); per common phrase, its best
-- documents (ids, and their BM25 part g as float32) and the bound on all others; the
-- articles changed since those lists were built. See warta.corpus.champions.
CREATE INDEX IF NOT EXISTS articles_search ON articles(id, is_representative, cluster_id, site_id, language, published);
CREATE TABLE IF NOT EXISTS search_champions (
  phrase TEXT PRIMARY KEY, docs INTEGER NOT NULL, tail REAL NOT NULL, ids BLOB NOT NULL, scores BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS search_dirty (article_id INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS articles_search_au AFTER UPDATE OF title, body, stems ON articles BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS articles_search_ad AFTER DELETE ON articles BEGIN
  INSERT OR IGNORE INTO search_dirty VALUES (old.id);
END;
"""

_FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body, stems, content='articles', content_rowid='id', tokenize='{tokenize}'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body, stems) VALUES (new.id, new.title, new.body, new.stems);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body, stems)
  VALUES ('delete', old.id, old.title, old.body, old.stems);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body, stems ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body, stems)
  VALUES ('delete', old.id, old.title, old.body, old.stems);
  INSERT INTO articles_fts(rowid, title, body, stems) VALUES (new.id, new.title, new.body, new.stems);
END;
"""


class Store:
    """A corpus database. Open with `Store.open(path)`; one writer at a time."""

    def __init__(self, conn: sqlite3.Connection, path: str, tokenizer: str) -> None:
        self.conn = conn
        self.path = path
        self.tokenizer = tokenizer
        self.stems = StemCache()  # (the `stems` column of what it writes)

    def map_for_reading(self) -> None:
        """Let SQLite read the file through a memory map (searches read large FTS doclists;
        mapped pages skip a copy through the page cache). Writers keep the default."""
        self.conn.execute("PRAGMA mmap_size=1073741824")

    @staticmethod
    def needs_upgrade(path: str | Path) -> bool:
        """Whether opening the corpus at `path` will first bring its tables up to this warta's
        schema (indexing every stored article's entities, quotes or credits: long on a big one).
        False for a new, missing or unreadable file (opening it says what is wrong)."""
        if not Path(path).is_file():
            return False
        try:
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            finally:
                conn.close()
            return row is not None and int(row[0]) < SCHEMA_VERSION
        except (sqlite3.Error, ValueError):
            return False

    @classmethod
    def open(cls, path: str | Path, tokenizer: str = "unicode61+id") -> Store:
        """Open (creating if needed) a corpus. `tokenizer` only matters when creating it.

        Raises `StoreIsDirectoryError` or `StoreDirectoryMissingError` for a path that cannot
        hold one, and `StoreError` for a file that is not a warta corpus.
        """
        if tokenizer not in _TOKENIZERS:
            raise StoreError(f"unknown tokenizer {tokenizer!r}; choose one of {', '.join(_TOKENIZERS)}")
        _check_path(Path(path))
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute("PRAGMA cache_size=-65536")
            conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as a warta corpus: {exc}") from exc
        stored = conn.execute("SELECT value FROM meta WHERE key='tokenizer'").fetchone()
        if stored is None:
            conn.executescript(_FTS.format(tokenize=_TOKENIZERS[tokenizer]))
            conn.execute(
                "INSERT INTO meta VALUES ('tokenizer', ?), ('schema', ?), ('stems', ?)",
                (tokenizer, str(SCHEMA_VERSION), str(STEMS_VERSION)),
            )
        else:
            tokenizer = str(stored[0])
            # Stores from before schema 2 got the search index and tables from _SCHEMA above;
            # their champion lists are missing until `warta reindex` or the next ingest.
            schema = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            older = 0 if schema is None else int(schema[0])
            if older < SCHEMA_VERSION:
                store = cls(conn, str(path), tokenizer)
                if older < 4:  # the entities and quotes stored articles hold, as tables; the
                    # covering index also holds each article's cluster (entity counts by story)
                    conn.execute("DROP INDEX IF EXISTS articles_search")
                    conn.executescript(_SCHEMA)
                    index_stored(store)
                if older < 5:  # the people stored articles credit
                    index_credits(store)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                return store
        return cls(conn, str(path), tokenizer)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs and resume -------------------------------------------------

    def start_run(self, inputs: Iterable[str]) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (time.time(), json.dumps(list(inputs)))
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, ingested: int, skipped: int, failed: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at=?, status='done', ingested=?, skipped=?, failed=? WHERE id=?",
            (time.time(), ingested, skipped, failed, run_id),
        )

    def seen_sources(self, sources: Iterable[str]) -> set[str]:
        """Which of these input records were already processed by an earlier (maybe interrupted) run."""
        items = list(sources)
        seen: set[str] = set()
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT source FROM sources WHERE source IN ({marks})", chunk)
            seen.update(str(r[0]) for r in rows)
        return seen

    # -- sites and templates ---------------------------------------------

    def site_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM sites WHERE name=?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        cur = self.conn.execute("INSERT INTO sites (name) VALUES (?)", (name,))
        return int(cur.lastrowid or 0)

    def template_keys(self) -> dict[str, tuple[int, frozenset[str]]]:
        """Per site name: (template version, learned boilerplate block keys)."""
        out: dict[str, tuple[int, set[str]]] = {}
        rows = self.conn.execute(
            "SELECT s.name, s.template_version, t.key FROM sites s JOIN templates t ON t.site_id = s.id"
        )
        for name, version, key in rows:
            out.setdefault(name, (int(version), set()))[1].add(key)
        return {name: (v, frozenset(keys)) for name, (v, keys) in out.items()}

    # -- writing ---------------------------------------------------------

    def write_batch(
        self,
        run_id: int,
        articles: Iterable[StoredArticle],
        outcomes: Iterable[tuple[str, str, str]],
    ) -> tuple[int, int, int]:
        """Insert articles and record every processed source, in one transaction.

        `outcomes` are (source, status, reason) for records that produced no new
        article (failed or skipped). Returns (inserted, duplicates of a known URL, of which
        with another text than the stored article's).
        """
        inserted = duplicates = changed = 0
        with self.transaction():
            for article in articles:
                reason = self._insert(run_id, article)
                if reason is None:
                    inserted += 1
                else:
                    duplicates += 1
                    changed += reason == SAME_URL_OTHER_TEXT
            self.conn.executemany(
                "INSERT OR IGNORE INTO sources (source, run_id, status, reason) VALUES (?, ?, ?, ?)",
                [(source, run_id, status, reason) for source, status, reason in outcomes],
            )
        return inserted, duplicates, changed

    def _insert(self, run_id: int, a: StoredArticle) -> str | None:
        """Insert one article; None, or why it was not (`SAME_URL`, `SAME_URL_OTHER_TEXT`)."""
        conn = self.conn
        row = conn.execute("SELECT id, text_hash FROM articles WHERE url_key=?", (a.url_key,)).fetchone()
        if row is not None:
            reason = SAME_URL if row[1] == a.text_hash else SAME_URL_OTHER_TEXT
            conn.execute(
                "INSERT OR IGNORE INTO sources VALUES (?, ?, 'skipped', ?, ?)",
                (a.source, run_id, reason, int(row[0])),
            )
            if reason == SAME_URL_OTHER_TEXT:
                self._keep_version(run_id, int(row[0]), a)
            return reason
        site_id = self.site_id(a.site)
        stems = self.stems.text(f"{a.title or ''}\n{a.body}") if self.tokenizer == "unicode61+id" else ""
        cur = conn.execute(
            "INSERT INTO articles (url_key, url, canonical_url, site_id, title, body, language, published,"
            " source, text_hash, stems, data, run_id, template_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.url_key,
                a.url,
                a.canonical_url,
                site_id,
                a.title,
                a.body,
                a.language,
                a.published,
                a.source,
                a.text_hash,
                stems,
                json.dumps(a.data, ensure_ascii=False),
                run_id,
                a.template_version,
            ),
        )
        article_id = int(cur.lastrowid or 0)
        conn.execute(
            "INSERT OR IGNORE INTO sources VALUES (?, ?, 'ok', NULL, ?)", (a.source, run_id, article_id)
        )
        conn.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?)",
            [(article_id, kind, i, title, url) for i, (kind, title, url) in enumerate(a.links)],
        )
        write_annotations(self, article_id, a.data)
        write_credits(self, article_id, a.data)
        self._count_site_page(site_id, a)
        if a.signature is not None:
            conn.execute("INSERT INTO signatures VALUES (?, ?)", (article_id, a.signature))
            conn.executemany("INSERT OR IGNORE INTO lsh VALUES (?, ?)", [(b, article_id) for b in a.bands])
        return None

    def _keep_version(self, run_id: int, article_id: int, a: StoredArticle) -> None:
        """A later capture of a stored article's URL with another text: kept once per text."""
        self.conn.execute(
            "INSERT OR IGNORE INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                a.text_hash,
                a.source,
                run_id,
                time.time(),
                a.title,
                a.body,
                a.published,
                json.dumps(a.data, ensure_ascii=False),
            ),
        )

    def _count_site_page(self, site_id: int, a: StoredArticle) -> None:
        # An exact copy of a page already counted adds no template evidence:
        # otherwise a story republished three times would look like template.
        copy = self.conn.execute(
            "SELECT 1 FROM articles WHERE text_hash=? AND site_id=? AND url_key<>? LIMIT 1",
            (a.text_hash, site_id, a.url_key),
        ).fetchone()
        if copy is not None:
            return
        self.conn.execute("UPDATE sites SET pages = pages + 1 WHERE id=?", (site_id,))
        if a.site == UNKNOWN_SITE:
            return
        for key, text in a.blocks:
            pages = self.conn.execute(
                "INSERT INTO site_blocks VALUES (?, ?, 1)"
                " ON CONFLICT(site_id, key) DO UPDATE SET pages = pages + 1 RETURNING pages",
                (site_id, key),
            ).fetchone()[0]
            # Keep the text of repeated short blocks only: it names templates in reports.
            if pages == 2 and text is not None:
                self.conn.execute("INSERT OR IGNORE INTO block_texts VALUES (?, ?, ?)", (site_id, key, text))

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    # -- reading ---------------------------------------------------------

    def stats(self) -> dict[str, int]:
        def one(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sites": one("SELECT count(*) FROM sites"),
            "links": one("SELECT count(*) FROM links"),
            "clusters": one("SELECT count(*) FROM clusters"),
            "duplicates": one("SELECT count(*) FROM articles WHERE is_representative = 0"),
            "sources": one("SELECT count(*) FROM sources"),
            "failed": one("SELECT count(*) FROM sources WHERE status='failed'"),
            "skipped": one("SELECT count(*) FROM sources WHERE status='skipped'"),
            "templates": one("SELECT count(*) FROM templates"),
            "versions": one("SELECT count(*) FROM versions"),
        }

    def versions(self, article_id: int) -> list[StoredVersion]:
        """The later captures of an article's URL whose text differs from the stored one, oldest first."""
        rows = self.conn.execute(
            "SELECT text_hash, source, captured_at, title, body, published, data FROM versions"
            " WHERE article_id = ? ORDER BY captured_at, source",
            (article_id,),
        )
        return [
            StoredVersion(
                article_id, str(h), str(src), float(at), title, str(body), published, json.loads(data)
            )
            for h, src, at, title, body, published, data in rows
        ]

    def stems_current(self) -> bool:
        """Whether the `stems` column is written as this warta writes it (or the corpus has none)."""
        if self.tokenizer != "unicode61+id":
            return True
        row = self.conn.execute("SELECT value FROM meta WHERE key='stems'").fetchone()
        return row is not None and int(row[0]) >= STEMS_VERSION

    def restem(self, batch: int = 1000) -> int:
        """Write the `stems` column of every article as this warta does; returns how many changed.

        A corpus ingested by an older warta lacks what later versions add there (the character
        pairs of Chinese and Japanese text); the search index follows through its triggers."""
        changed = 0
        last = 0
        while True:
            with self.transaction():
                rows = self.conn.execute(
                    "SELECT id, title, body, stems FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                    (last, batch),
                ).fetchall()
                updates = [
                    (stems, int(i))
                    for i, title, body, old in rows
                    if (stems := self.stems.text(f"{title or ''}\n{body}")) != old
                ]
                self.conn.executemany("UPDATE articles SET stems = ? WHERE id = ?", updates)
            changed += len(updates)
            if len(rows) < batch:
                break
            last = int(rows[-1][0])
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('stems', ?)", (str(STEMS_VERSION),))
        return changed

    def iter_rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[sqlite3.Row]:
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        yield from cur.execute(sql, params)


class _Transaction:
    """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on error (autocommit connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")
