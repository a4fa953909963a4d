"""Page-level metadata found outside the visible blocks (HTML head, JSON-LD, OpenGraph)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The generic schema.org type of any web page: a markup that gives only it calls the page no article.
GENERIC_PAGE_TYPE = "webpage"


@dataclass(slots=True)
class PageMetadata:
    """Raw evidence from the page's markup. Strings are kept as found; resolution happens later."""

    title: str | None = None  # <title>
    headline: str | None = None  # JSON-LD headline / og:title
    description: str | None = None
    site_name: str | None = None
    # Every title the markup gives, in trust order: (value, source) with source one of
    # "json-ld" (headline), "meta:og:title", "meta:twitter:title", "title" (<title>).
    titles: list[tuple[str, str]] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher/WebSite name...
    canonical_url: str | None = None
    base_url: str | None = None
    language: str | None = None  # <html lang>, og:locale, content-language
    published: list[tuple[str, str]] = field(default_factory=list)  # (raw value, source)
    modified: list[tuple[str, str]] = field(default_factory=list)
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, source)
    # What the markup says of an author beside the name (JSON-LD `jobTitle`, `worksFor`):
    # (name as in `authors`, job title, affiliation), for the authors that carry either.
    author_details: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    # The names the microdata `author` properties give outside <meta> tags (itemprop="author" on
    # an element: its person item's `name`, else its text), in page order: forum posts mark every
    # post's author so, the first post's first.
    item_authors: list[str] = field(default_factory=list)
    # The label and value pairs of `twitter:labelN` and `twitter:dataN` tags, which link previews
    # show beside the title: ("Written by", "Jane Doe"), ("Est. reading time", "5 minutes"). The
    # byline code reads the values whose label is a credit label of the lexicon.
    labelled_data: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    article_body: str | None = None  # JSON-LD articleBody, often truncated: evidence only
    article_type: str | None = None  # the best article object's JSON-LD type (lower case)
    # The schema.org type (lower case) by which the markup declares the page a discussion, a forum
    # thread or a Q&A page as its main entity: "discussionforumposting" or "qapage"; None where
    # it declares none.
    discussion_type: str | None = None

    @property
    def declares_article(self) -> bool:
        """Whether the markup calls the page an article: a JSON-LD article type, not the generic
        WebPage alone."""
        return self.article_type is not None and self.article_type != GENERIC_PAGE_TYPE
