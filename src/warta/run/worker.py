"""The per-page work of an ingest, run inside pool workers.

Each worker process builds one `PageWorker` (extractor, lexicon, models and
MinHash permutations loaded once) and applies it to many pages. The result is
a plain, picklable value: the row to store, or the reason there is none.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.classify.labels import block_key
from warta.corpus.dedup import MinHasher, text_hash
from warta.corpus.store import UNKNOWN_SITE, StoredArticle
from warta.errors import ExtractionTimeout
from warta.meta.urls import url_host
from warta.model import Article, Block, Page, PageType
from warta.options import ExtractOptions
from warta.pipeline import Extractor, failure_reason
from warta.readers.files import ReadError

_SHORT_BLOCK = 200
# Why a page that holds no article is skipped, by its `Article.page_type`.
_NO_ARTICLE: dict[PageType, str] = {
    "other": "no article found (a listing or other page)",
    "discussion": "no article found (a discussion: a forum thread or Q&A page)",
}


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What one page became: a row to store, or (status, reason)."""

    source: str
    article: StoredArticle | None = None
    status: str = "ok"  # ok | skipped | failed
    reason: str | None = None
    # Failed to be read at all (`ReadError.retry`) or ran out of its time limit: not recorded
    # as done, so the next ingest tries it again.
    retry: bool = False


def site_of_url(url: str | None) -> str | None:
    """The site a URL belongs to: its host without `www.`."""
    return (url_host(url) or "").removeprefix("www.") or None


def url_key(url: str | None, source: str) -> str:
    """The article key: the URL without fragment and trailing slash, else the input record."""
    if not url:
        return f"source:{source}"
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        # A malformed authority ("http://[bad"): the URL as written still names the page.
        return url.strip()
    path = parts.path.rstrip("/") or "/"
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


class PageWorker:
    """Page → `PageOutcome`; never raises for a bad page."""

    def __init__(self, options: ExtractOptions | None = None, all_pages: bool = False) -> None:
        self.extractor = Extractor(options)
        self.hasher = MinHasher()
        # Pages that hold no article (`Article.page_type` "other": a listing, a shop; "discussion": a
        # forum thread, a Q&A page) are stored too.
        self.all_pages = all_pages

    def run(self, item: Page | ReadError, boilerplate: Collection[str], version: int) -> PageOutcome:
        if isinstance(item, ReadError):
            status = "skipped" if item.skip else "failed"
            return PageOutcome(item.source, status=status, reason=item.message, retry=item.retry)
        source = item.source or "<unknown>"
        keys: list[tuple[tuple[str, str | None], ...]] = []
        try:  # the page's block keys come from the extraction's own segmentation
            article = self.extractor.extract_page(
                item, boilerplate, on_blocks=lambda blocks: keys.append(_block_keys(blocks))
            )
        except ExtractionTimeout as exc:  # (a later run, on a less busy machine, may finish it)
            return PageOutcome(source, status="failed", reason=failure_reason(exc), retry=True)
        except Exception as exc:  # one page, whatever went wrong, must not end an ingest run
            return PageOutcome(source, status="failed", reason=failure_reason(exc))
        if not article.body:
            return PageOutcome(source, status="skipped", reason="no article body found")
        if article.page_type != "article" and not self.all_pages:
            return PageOutcome(source, status="skipped", reason=_NO_ARTICLE[article.page_type])
        # (an article read back from warta's own output was not segmented again: no template evidence)
        blocks = keys[0] if keys else ()
        return PageOutcome(source, article=self._row(item, article, source, blocks, version))

    def _row(
        self,
        page: Page,
        article: Article,
        source: str,
        blocks: tuple[tuple[str, str | None], ...],
        version: int,
    ) -> StoredArticle:
        body = article.text
        signature = self.hasher.signature(body)
        links = tuple(
            (kind, item.title, item.url)
            for kind, items in (
                ("read_also", article.read_also),
                ("related", article.related),
                ("sidebar", article.sidebar),
            )
            for item in items
        )
        url = article.canonical_url or page.url
        return StoredArticle(
            url_key=url_key(url, source),
            url=page.url,
            canonical_url=article.canonical_url,
            site=site_of_url(page.url) or article.site or UNKNOWN_SITE,
            title=article.title,
            body=body,
            language=article.language,
            published=article.published.iso() if article.published else None,
            source=source,
            text_hash=text_hash(body),
            data=article.to_dict(),
            links=links,
            blocks=blocks,
            signature=signature.tobytes() if signature is not None else None,
            bands=self.hasher.bands(signature) if signature is not None else (),
            template_version=version,
        )


def _block_keys(blocks: Sequence[Block]) -> tuple[tuple[str, str | None], ...]:
    """Each distinct `block_key` of a page's blocks, in order, with the text of a short block
    (what the site's template learning counts and shows)."""
    seen: dict[str, str | None] = {}
    for block in blocks:
        key = block_key(block.text)
        if key not in seen:
            seen[key] = block.text if len(block.text) <= _SHORT_BLOCK else None
    return tuple(seen.items())
