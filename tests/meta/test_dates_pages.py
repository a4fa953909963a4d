"""Published dates of small pages written for the purpose: markup against what the page shows."""

from __future__ import annotations

import json
from datetime import datetime

import warta
from warta.lexicon import load_lexicon
from warta.meta.dates import resolve_dates
from warta.meta.page import PageMetadata
from warta.model import Block, Label
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


_LEADS = {
    "id": "Pemerintah kota mengumumkan rencana baru untuk memperbaiki jalan dan jembatan di wilayah itu. ",
    "de": "Der Stadtrat hat einen neuen Plan zur Sanierung von Straßen und Brücken in der Region vorgestellt. ",
    "fr": "Le conseil municipal a annoncé un nouveau plan pour réparer les routes et les ponts de la région. ",
    "es": "El ayuntamiento anunció un nuevo plan para reparar carreteras y puentes en toda la región. ",
    "pt": "A câmara municipal anunciou um novo plano para reparar estradas e pontes em toda a região. ",
    "ru": "Городской совет объявил о новом плане ремонта дорог и мостов по всему региону. ",
}


def _local_page(lang: str, shown: str) -> str:
    """A page in `lang`: a headline, the date line `shown`, two paragraphs; no markup date."""
    lead = _LEADS[lang]
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Rencana jalan</title></head>'
        f'<body><article><h1>Rencana jalan</h1><div class="meta"><span class="date">{shown}</span></div>'
        f"<p>{lead * 2}</p><p>{lead}</p></article></body></html>"
    )


def _published_at(html: str, reference: datetime) -> tuple[str, str] | None:
    article = warta.extract(html, options=ExtractOptions(reference=reference), kind="html")
    published = article.published
    return (published.value.isoformat(), published.precision) if published else None


REF = datetime(2025, 3, 14, 12, 0)


def test_a_relative_date_line_under_the_headline_is_the_publication_time() -> None:
    # End to end: a relative date line under the headline of a small Indonesian page.
    assert _published_at(_local_page("id", "2 jam yang lalu"), REF) == ("2025-03-14T10:00:00", "hour")


def test_a_relative_date_in_the_lead_s_sentence_is_an_event() -> None:
    html = _local_page(
        "id", "Wali kota tiba 2 hari lalu di Jakarta untuk membahas rencana itu bersama para menteri."
    )
    assert _published_at(html, REF) is None


def test_times_ago_said_before_the_count() -> None:
    assert _published_at(_local_page("de", "vor 3 Stunden"), REF) == ("2025-03-14T09:00:00", "hour")
    assert _published_at(_local_page("fr", "il y a 2 heures"), REF) == ("2025-03-14T10:00:00", "hour")
    assert _published_at(_local_page("es", "hace 2 días"), REF) == ("2025-03-12T00:00:00", "day")
    assert _published_at(_local_page("pt", "há 3 horas"), REF) == ("2025-03-14T09:00:00", "hour")


def test_russian_relative_dates() -> None:
    assert _published_at(_local_page("ru", "2 часа назад"), REF) == ("2025-03-14T10:00:00", "hour")
    assert _published_at(_local_page("ru", "вчера, 18:30"), REF) == ("2025-03-13T18:30:00", "minute")


def test_an_hour_written_with_h_and_a_time_word() -> None:
    page = _local_page("fr", "Publié le 4 mars 2025 à 07h05")
    assert _published_at(page, REF) == ("2025-03-04T07:05:00", "minute")
    page = _local_page("pt", "Publicado em 04/03/2025 às 07h05")
    assert _published_at(page, REF) == ("2025-03-04T07:05:00", "minute")


def test_a_date_line_labelled_as_the_lead_gives_its_relative_date() -> None:
    # What the classifier does on some pages: the short line under the headline is the first body block.
    lexicon = load_lexicon()
    blocks = [
        Block(0, "Pemerintah umumkan rencana jalan"),
        Block(1, "2 jam yang lalu"),
        Block(2, _LEADS["id"] * 3),
    ]
    labels = [Label.TITLE, Label.BODY, Label.BODY]
    published, _ = resolve_dates(blocks, labels, None, REF, lexicon)
    assert published is not None and published.iso() == "2025-03-14T10:00:00"
    blocks[1] = Block(
        1, "Wali kota tiba 2 hari lalu di Jakarta untuk membahas rencana itu bersama para menteri."
    )
    assert resolve_dates(blocks, labels, None, REF, lexicon)[0] is None


def test_a_short_line_labelled_subtitle_above_the_lead_is_the_byline_zone_s() -> None:
    lexicon = load_lexicon()
    blocks = [Block(0, "Council plans road repairs"), Block(1, "4 hours ago"), Block(2, _BODY * 3)]
    labels = [Label.TITLE, Label.SUBTITLE, Label.BODY]
    published, _ = resolve_dates(blocks, labels, None, REF, lexicon)
    assert published is not None and published.iso() == "2025-03-14T08:00:00"


def test_a_time_said_before_its_date() -> None:
    html = _page("Published 7:05 AM EST, Tue March 4, 2025")
    article = warta.extract(html, options=ExtractOptions(reference=REF), kind="html")
    assert article.published is not None
    assert article.published.value.isoformat() == "2025-03-04T07:05:00-05:00"


_NOW = datetime(2026, 1, 10, 12, 0)


def test_a_thread_s_markup_listing_its_posts_gives_the_opening_post_s_date() -> None:
    # A question and its answers, each post's date in the markup: one source naming three days or
    # more lists items, none of them the page's; in reading order the first and earliest opens it.
    lexicon = load_lexicon()
    blocks = [Block(0, "Why is a bare except a bad practice?"), Block(1, _BODY * 2), Block(2, _BODY)]
    labels = [Label.TITLE, Label.BODY, Label.BODY]
    metadata = PageMetadata(
        published=[
            ("2019-05-21 20:37:55Z", "itemprop:datePublished"),  # the answers' dates (first stated)
            ("2020-05-31 18:59:11Z", "itemprop:datePublished"),
            ("2021-07-04 15:54:20Z", "itemprop:datePublished"),
            ("2014-02-04 13:02:51Z", "time"),  # the question's, then the answers'
            ("2014-02-04 13:27:40Z", "time"),
            ("2016-03-17 09:00:00Z", "time"),
        ]
    )
    published, _ = resolve_dates(blocks, labels, metadata, _NOW, lexicon)
    assert published is not None and published.iso() == "2014-02-04T13:02:51+00:00"
    # Listed newest first (teasers, not posts in reading order): no listed date is taken as the page's.
    metadata.published[3:] = [
        ("2025-12-17T12:00:00Z", "time"),
        ("2025-01-06T12:00:00Z", "time"),
        ("2014-02-04T13:02:51Z", "time"),
    ]
    published, _ = resolve_dates(blocks, labels, metadata, _NOW, lexicon)
    assert published is not None and published.value.year == 2019  # (unchanged: the markup's first)


def test_a_byline_date_beats_markup_that_lists_teasers_and_numeric_dates_read_in_the_page_s_order() -> None:
    # Teasers above the headline, each with a <time>; the article's own date opens its byline.
    # "03/01/2017" reads either way; the teasers' "01/31/2025" (31 is no month) says month first.
    lexicon = load_lexicon()
    blocks = [
        Block(0, "Exam schedule announced"),
        Block(1, "01/31/2025"),
        Block(2, "New committee members named"),
        Block(3, "12/16/2025"),
        Block(4, "Consulting firm or insurance carrier?"),
        Block(5, "03/01/2017 by Jane Doe, Candidate Representative"),
        Block(6, _BODY * 2),
        Block(7, _BODY),
    ]
    labels = [Label.RELATED] * 4 + [Label.TITLE, Label.BYLINE, Label.BODY, Label.BODY]
    metadata = PageMetadata(
        published=[
            ("2025-01-31T12:00:00Z", "time"),
            ("2025-12-16T12:00:00Z", "time"),
            ("2022-08-02T12:00:00Z", "time"),
        ]
    )
    published, _ = resolve_dates(blocks, labels, metadata, _NOW, lexicon)
    assert published is not None and published.iso() == "2017-03-01"
    assert published.evidence.text == "03/01/2017" and published.evidence.source == "byline"
    # The teasers written day first ("31/01/2025"): the same line is 3 January.
    blocks[1] = Block(1, "31/01/2025")
    published, _ = resolve_dates(blocks, labels, metadata, _NOW, lexicon)
    assert published is not None and published.iso() == "2017-01-03"


def test_a_page_whose_numeric_dates_all_read_either_way_keeps_the_lexicon_s_order() -> None:
    lexicon = load_lexicon()
    blocks = [Block(0, "Council plans road repairs"), Block(1, "03/01/2017"), Block(2, _BODY * 3)]
    labels = [Label.TITLE, Label.BYLINE, Label.BODY]
    first, _ = resolve_dates(blocks, labels, None, _NOW, lexicon)
    blocks.append(Block(3, "Next meeting: 04/05/2026 and 06/07/2026"))
    labels.append(Label.FOOTER)
    again, _ = resolve_dates(blocks, labels, None, _NOW, lexicon)
    assert first is not None and again is not None and first.value == again.value


def test_an_earlier_date_under_the_headline_beats_a_published_stamp_after_the_modified_one() -> None:
    # The markup's published time is after its own modified time: the stamp of a later re-save.
    html = _page("January 31, 2024", "2025-08-21T09:00:00Z", "2025-08-20T09:00:00Z")
    assert _published(html) == "2024-01-31"
