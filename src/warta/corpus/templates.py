"""Site templates: blocks repeated across many pages of one site are boilerplate.

Evidence is counted as pages arrive (`site_blocks`: per site, on how many
distinct pages each block key was seen; exact copies of a page count once).
`learn_templates` promotes a key to template when it was seen on at least
`min_pages` pages *and* on at least `min_share` of the site's pages, once the
site has `min_site_pages` pages. Learning is monotone: a key once learned
stays, so articles filtered with it never need their removed text back.

How an ingest uses it (incremental, one pass over the input):
1. pages are extracted with the templates known so far for their site
   (`Extractor.process(page, boilerplate=keys)`), and the parent re-learns
   every few thousand pages, so most of a large crawl is cleaned at extraction;
2. at the end, `apply_templates` filters the articles extracted before their
   site's latest templates were known: body parts whose block key is template
   are dropped, and the search text, hashes and MinHash are recomputed.
Raw pages are not kept, so step 2 filters rather than re-extracts.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from warta.classify.labels import block_key
from warta.corpus.dedup import MinHasher, text_hash
from warta.corpus.mentions import annotations_kept, reindex_article
from warta.corpus.store import Store


@dataclass(frozen=True, slots=True)
class TemplatePolicy:
    """When a block counts as site template."""

    min_pages: int = 3
    min_share: float = 0.3
    min_site_pages: int = 6


@dataclass(frozen=True, slots=True)
class SiteReport:
    """One line of `warta sites`."""

    site: str
    pages: int
    articles: int
    template_blocks: int
    examples: tuple[str, ...]


def learn_templates(store: Store, policy: TemplatePolicy | None = None) -> int:
    """Promote frequent blocks to templates; returns how many sites gained template blocks."""
    policy = policy or TemplatePolicy()
    changed = 0
    with store.transaction() as conn:
        sites = conn.execute(
            "SELECT id, pages FROM sites WHERE pages >= ?", (policy.min_site_pages,)
        ).fetchall()
        for site_id, pages in sites:
            before = _template_count(conn, site_id)
            conn.execute(
                "INSERT INTO templates (site_id, key, pages, text)"
                " SELECT b.site_id, b.key, b.pages, t.text FROM site_blocks b"
                " LEFT JOIN block_texts t ON t.site_id = b.site_id AND t.key = b.key"
                " WHERE b.site_id = ? AND b.pages >= ?"
                " ON CONFLICT(site_id, key) DO UPDATE SET pages = excluded.pages",
                (site_id, max(policy.min_pages, policy.min_share * pages)),
            )
            if _template_count(conn, site_id) > before:
                conn.execute(
                    "UPDATE sites SET template_version = template_version + 1 WHERE id=?", (site_id,)
                )
                changed += 1
    return changed


def _template_count(conn: sqlite3.Connection, site_id: int) -> int:
    return int(conn.execute("SELECT count(*) FROM templates WHERE site_id=?", (site_id,)).fetchone()[0])


def apply_templates(store: Store, hasher: MinHasher, batch: int = 500) -> int:
    """Filter articles extracted before their site's current templates; returns how many changed."""
    templates = {name: keys for name, (_, keys) in store.template_keys().items()}
    stale = store.conn.execute(
        "SELECT a.id, s.name, s.template_version FROM articles a JOIN sites s ON s.id = a.site_id"
        " WHERE a.template_version < s.template_version"
    ).fetchall()
    changed = 0
    for start in range(0, len(stale), batch):
        with store.transaction() as conn:
            for article_id, site, version in stale[start : start + batch]:
                if _filter_article(store, int(article_id), templates.get(site, frozenset()), hasher):
                    changed += 1
                conn.execute("UPDATE articles SET template_version=? WHERE id=?", (version, article_id))
    return changed


def _filter_article(store: Store, article_id: int, keys: frozenset[str], hasher: MinHasher) -> bool:
    conn = store.conn
    title, raw = conn.execute("SELECT title, data FROM articles WHERE id=?", (article_id,)).fetchone()
    data = json.loads(raw)
    parts = data.get("body", [])
    positions = [i for i, p in enumerate(parts) if block_key(p["text"]) not in keys]
    if len(positions) == len(parts):
        return False
    kept = [parts[i] for i in positions]
    body = "\n".join(p["text"] for p in kept)
    data["body"], data["text"] = kept, body
    if isinstance(data.get("annotations"), dict):  # what enrichment found in a removed block goes too
        data["annotations"] = annotations_kept(data["annotations"], positions)
        reindex_article(store, article_id, data)
    data.setdefault("warnings", []).append(f"{len(parts) - len(kept)} site-template block(s) removed")
    stems = store.stems.text(f"{title or ''}\n{body}") if store.tokenizer == "unicode61+id" else ""
    conn.execute(
        "UPDATE articles SET body=?, text_hash=?, stems=?, data=? WHERE id=?",
        (body, text_hash(body), stems, json.dumps(data, ensure_ascii=False), article_id),
    )
    conn.execute("DELETE FROM lsh WHERE article_id=?", (article_id,))
    conn.execute("DELETE FROM signatures WHERE article_id=?", (article_id,))
    signature = hasher.signature(body)
    if signature is not None:
        conn.execute("INSERT INTO signatures VALUES (?, ?)", (article_id, signature.tobytes()))
        conn.executemany(
            "INSERT OR IGNORE INTO lsh VALUES (?, ?)", [(b, article_id) for b in hasher.bands(signature)]
        )
    return True


def site_reports(store: Store, examples: int = 3) -> list[SiteReport]:
    """Per site: pages seen, articles stored, template blocks learned and a few of their texts."""
    rows = store.conn.execute(
        "SELECT s.id, s.name, s.pages, (SELECT count(*) FROM articles a WHERE a.site_id = s.id),"
        " (SELECT count(*) FROM templates t WHERE t.site_id = s.id) FROM sites s ORDER BY s.name"
    ).fetchall()
    reports = []
    for site_id, name, pages, articles, n_templates in rows:
        texts = [
            str(r[0])
            for r in store.conn.execute(
                "SELECT text FROM templates WHERE site_id = ? AND text IS NOT NULL"
                " ORDER BY pages DESC, text LIMIT ?",
                (site_id, examples),
            )
        ]
        reports.append(SiteReport(name, int(pages), int(articles), int(n_templates), tuple(texts)))
    return reports
