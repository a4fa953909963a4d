"""Published dates of small pages written for the purpose: markup against what the page shows."""

from __future__ import annotations

import json
from datetime import datetime

import warta
from warta.options import ExtractOptions

_BODY = (
    "The council met on a rainy evening to discuss the state of the roads and bridges in the district. "
    "Residents asked for repairs before the winter, and engineers explained the work that would be needed. "
)


def _page(shown: str, published: str | None = None, modified: str | None = None, lang: str = "en") -> str:
    """A headline, the date line `shown` under it, three paragraphs; JSON-LD dates where given."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council plans road repairs"}
    if published:
        ld["datePublished"] = published
    if modified:
        ld["dateModified"] = modified
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Council plans road repairs</title>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
        f'<h1>Council plans road repairs</h1><div class="meta"><span class="date">{shown}</span></div>'
        f"<p>{_BODY * 2}</p><p>{_BODY}</p><p>{_BODY}</p></article></body></html>"
    )


def _published(html: str, reference: datetime | None = None) -> str | None:
    article = warta.extract(html, options=ExtractOptions(reference=reference), kind="html")
    return article.published.value.date().isoformat() if article.published else None


def test_an_earlier_date_under_the_headline_beats_a_resaved_markup_date() -> None:
    # The markup's published day is its modified day (a re-import); the page shows the original.
    html = _page("January 31, 2024", "2025-11-05T10:00:00Z", "2025-11-05T10:00:00Z")
    assert _published(html) == "2024-01-31"


def test_an_earlier_date_marked_published_beats_the_markup() -> None:
    html = _page("Published Apr 26, 2023", "2025-08-21T09:00:00Z", "2025-08-20T09:00:00Z")
    assert _published(html) == "2023-04-26"


def test_an_unvouched_earlier_date_under_the_headline_leaves_the_markup_date() -> None:
    # Nothing says the shown date is the article's (no marker, markup neither names it nor re-saved).
    html = _page("January 31, 2024", "2025-08-21T09:00:00Z", "2025-09-01T09:00:00Z")
    assert _published(html) == "2025-08-21"


def test_a_later_date_under_the_headline_leaves_the_markup_date() -> None:
    html = _page("November 5, 2025", "2025-08-21T09:00:00Z", "2025-08-21T09:00:00Z")
    assert _published(html) == "2025-08-21"


def test_the_same_instant_in_the_page_s_zone_is_no_earlier_date() -> None:
    # "Nov 19, 2019" shown (zone unsaid) is "2019-11-20T04:31:13Z" in Chicago: not a day before it.
    html = _page("Nov 19, 2019", "2019-11-20T04:31:13Z", "2019-11-20T04:31:13Z")
    assert _published(html) == "2019-11-20"
