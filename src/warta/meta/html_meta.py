"""Page metadata from HTML markup: JSON-LD, OpenGraph, <meta>, <link rel=canonical>, <time>, <html lang>.

Everything is kept as evidence (raw strings with their source); deciding which
date or title wins happens later, against the visible blocks. JSON-LD
`articleBody` in particular is often truncated or stale.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> meta = html_metadata(LexborHTMLParser('<html lang="id"><head><title>A | B</title></head></html>'))
    >>> meta.title, meta.language
    ('A | B', 'id')
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Any, Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.compiled import probed, set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.meta.page import GENERIC_PAGE_TYPE, PageMetadata
from warta.meta.urls import join_url
from warta.readers.encoding import repair_surrogates
from warta.segment import compiled_dom, document_id, drop_invisible

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "blogposting", "reportagenews", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle",
        "liveblogposting", "posting", "socialmediaposting", "report", GENERIC_PAGE_TYPE,
    }
)  # fmt: skip
# A forum thread's own item: a QAPage's Question, a DiscussionForumPosting. Only its author is
# read (the thread's starter): its image is often the forum's logo or a default avatar.
_POST_TYPES = frozenset({"question", "discussionforumposting"})
# The types that make a page a discussion where they are its main entity: a JSON-LD object at the
# top, in an @graph or a page's mainEntity, or a top-level microdata item (no `itemprop` of another
# item: a post marked up as an article's `comment` is none). A bare Question is not one: an FAQ's
# questions are Questions too.
_DISCUSSION_TYPES = frozenset({"discussionforumposting", "qapage"})
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "parsely-pub-date", "sailthru.date", "content_publishdate", "article.published",
    "cxenseparse:recs:publishtime",
)  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "dcterms.modified")
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_PUBLISHED_KEYS = frozenset(_PUBLISHED_META)
_MODIFIED_KEYS = frozenset(_MODIFIED_META)
_AUTHOR_KEYS = frozenset(_AUTHOR_META)
_MAX_JSONLD_CHARS = 2_000_000
# Site-specific keys ("cludo:date", "w-published-date", <meta name="published">): kept
# under their own source so that date ranking trusts them below the standard keys.
_GUESS_PUBLISHED = re.compile(r"publish|(?:^|[:._-])(?:date|created|posted)$")
_GUESS_MODIFIED = re.compile(r"modif|updated")
_GUESS_EXCLUDED = re.compile(r"expir|event|start|end|birth|valid|copyright|format")
# Dates in a page's state JSON (Next.js, Contentful, Prismic): a last resort.
_SCRIPT_DATE_KEYS = (
    "datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
    "first_publication_date", "date_posted",
)  # fmt: skip
_SCRIPT_DATE = re.compile(rf'"({"|".join(_SCRIPT_DATE_KEYS)})"' r'\s*:\s*"([^"]{8,40})"')
# Pieces of those keys, one in each: a script holding neither is not searched (a search
# tries every quotation mark of the script).
_SCRIPT_DATE_HINTS = ("ubli", "date_posted")
_MAX_SCRIPT_CHARS = 1_000_000
_MAX_NODES = 500


def _plainly_clean(value: str) -> bool:
    """Whether `_clean(value)` is `value` for want of anything to change: it is non-empty and
    has no "&", no character `drop_invisible` drops, no surrogate, and no whitespace but single
    spaces between other characters. (The reference of `warta._textscan.is_plain_clean`.)"""
    return (
        bool(value)
        and "&" not in value
        and drop_invisible(value) == value
        and " ".join(value.split()) == value
        and not repair_surrogates(value)[1]
    )


# Values that tell `_plainly_clean` apart: each condition failing alone, at either end and
# inside, in one-, two- and four-byte strings.
_CLEAN_PROBES = (
    "", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a&b", "a&amp;b", "a\u00adb", "a\u200b",
    "\u2060a", "a\ud800", "\udfffa", "a\xa0b", "a\u3000b", "a\x1cb", "a\x85b", "Мост ٣", "é è",
    "🌉 x", "🌉  x", "x\u2028", "İK ſ", "\x00", "a\x0bb",
)  # fmt: skip


def _plain_clean_test() -> Callable[[str], bool] | None:
    """`warta._textscan.is_plain_clean` where it is built, wanted and agrees with `_plainly_clean`
    on `_CLEAN_PROBES`; None otherwise (every value then takes `_clean`'s whole path)."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta._textscan import is_plain_clean
    except ImportError:
        return None
    chosen = probed("clean-value test", _plainly_clean, is_plain_clean, [(v,) for v in _CLEAN_PROBES])
    return None if chosen is _plainly_clean else is_plain_clean


_PLAIN_CLEAN = _plain_clean_test()


def _squeezed(text: str) -> str:
    """`text`'s words joined by single spaces (the reference of `warta._textscan.squeeze_spaces`)."""
    return " ".join(text.split())


def _space_squeezer() -> Callable[[str], str]:
    """`warta._textscan.squeeze_spaces` where it is built, wanted and agrees with `_squeezed` on
    `_CLEAN_PROBES`; `_squeezed` otherwise. (It makes no list of words: a JSON-LD `articleBody`
    has thousands.)"""
    try:
        from warta._textscan import squeeze_spaces
    except ImportError:
        return _squeezed
    chosen: Callable[[str], str] = probed(
        "space squeeze", _squeezed, squeeze_spaces, [(v,) for v in _CLEAN_PROBES]
    )
    return chosen


_SQUEEZE = _space_squeezer()


def _clean(value: Any) -> str | None:
    if isinstance(value, str):
        # (Most values have nothing to change, which one C loop tells where it is built.)
        if _PLAIN_CLEAN is not None and _PLAIN_CLEAN(value):
            return value
        # JSON-LD and <meta> values are often still entity-escaped ("&#8211;"), some
        # twice ("&amp;#038;").
        for _ in range(2):
            if "&" not in value:
                break
            value = html.unescape(value)
        text = _SQUEEZE(drop_invisible(value))
        # JSON-LD "\\ud800" escapes decode to lone surrogates, which no output can encode.
        return repair_surrogates(text)[0] or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _json_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in `data` (top level, lists and @graph), breadth first, bounded."""
    queue = [data]
    seen = 0
    while queue and seen < _MAX_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                queue.extend(graph)
            main = item.get("mainEntity")
            if isinstance(main, dict | list):
                queue.append(main)


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.lower() for v in values if isinstance(v, str)}


def _names(value: Any) -> list[str]:
    """Author/publisher names from a string, an object with `name`, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        name = _clean(item.get("name")) if isinstance(item, dict) else _clean(item)
        if name:
            names.append(name)
    return names


def _author_details(value: Any) -> list[tuple[str, str | None, str | None]]:
    """(name, job title, affiliation) of each author object (as `_names` reads them) that gives a
    `jobTitle` or an `affiliation` / `worksFor` (a string or an organisation with a `name`)."""
    items = value if isinstance(value, list) else [value]
    found: list[tuple[str, str | None, str | None]] = []
    for item in items[:20]:
        if not isinstance(item, dict):
            continue
        name = _clean(item.get("name"))
        title = next(iter(_names(item.get("jobTitle"))), None)
        outlet = next(iter(_names(item.get("affiliation")) or _names(item.get("worksFor"))), None)
        if name and (title or outlet):
            found.append((name, title, outlet))
    return found


def _image_urls(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    urls: list[str] = []
    for item in items[:10]:
        url = _clean(item.get("url") or item.get("contentUrl")) if isinstance(item, dict) else _clean(item)
        if url:
            urls.append(url)
    return urls


def _apply_jsonld(meta: PageMetadata, obj: dict[str, Any], types: set[str], rank: int) -> None:
    """Fill `meta` from one article-like JSON-LD object of `_types` `types`. `rank` 0 is the
    best article object."""
    source = "json-ld"
    if rank == 0 or meta.headline is None:
        named = _clean(obj.get("headline"))
        headline = named or _clean(obj.get("name"))
        if headline and (meta.headline is None or GENERIC_PAGE_TYPE not in types):
            meta.headline = headline
        # Only a `headline` is a title; a WebPage's `name` is often "Home Page" or the site.
        if named and not any(source == "json-ld" for _, source in meta.titles):
            meta.titles.append((headline or "", "json-ld"))
    if meta.article_type is None or rank == 0:
        meta.article_type = next(iter(sorted(types)), None)
    for key, target in (("datePublished", meta.published), ("dateCreated", meta.published)):
        value = _clean(obj.get(key))
        if value:
            target.append((value, source))
    value = _clean(obj.get("dateModified"))
    if value:
        meta.modified.append((value, source))
    for name in _names(obj.get("author")):
        meta.authors.append((name, source))
    meta.author_details.extend(_author_details(obj.get("author")))
    publisher = _names(obj.get("publisher"))
    if publisher and meta.site_name is None:
        meta.site_name = publisher[0]
    meta.site_names.extend(publisher[:2])
    body = _clean(obj.get("articleBody"))
    if body and (meta.article_body is None or len(body) > len(meta.article_body)):
        meta.article_body = body
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        meta.tags.extend(tag for tag in map(str.strip, repair_surrogates(keywords)[0].split(",")) if tag)
    elif isinstance(keywords, list):
        meta.tags.extend(k for k in (_clean(k) for k in keywords[:50]) if k)
    for url in _image_urls(obj.get("image")):
        meta.images.append({"url": url, "source": source})
    if meta.description is None:
        meta.description = _clean(obj.get("description"))


# What metadata reads of a <meta>: its key as written (`property`, else `name`, else
# `itemprop`, else ""), its `content` and its `http-equiv` (None where absent or value-less).
MetaFields = tuple[str, str | None, str | None]


def meta_fields_of(attrs: dict[str, str | None]) -> MetaFields:
    """The `MetaFields` of a <meta> with the attributes `attrs`."""
    return (
        attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "",
        attrs.get("content"),
        attrs.get("http-equiv"),
    )


class Element(Protocol):
    """What metadata reads of an element (a `LexborNode` has it)."""

    @property
    def tag(self) -> str | None: ...
    @property
    def attributes(self) -> dict[str, str | None]: ...
    def text(self, deep: bool = True) -> str: ...


class Markup(Protocol):
    """The elements metadata is read from, in document order."""

    def title(self) -> Element | None: ...
    def bases(self) -> Sequence[Element]: ...
    def jsonld_scripts(self) -> Sequence[Element]: ...
    def metas(self) -> Sequence[Element]: ...
    def meta_fields(self) -> Sequence[MetaFields]: ...
    def canonical(self) -> Element | None: ...
    def itemprop_dates(self) -> Sequence[Element]: ...
    def microdata_items(self) -> Sequence[Element]: ...
    def times(self) -> Sequence[Element]: ...
    def inline_scripts(self) -> Sequence[Element]: ...
    def author_items(self) -> Sequence[tuple[Element, Element | None]]: ...


class SelectolaxMarkup:
    """`Markup` by selectolax's queries, each a walk over the page: the reference for the
    compiled `MarkupIndex`, which finds them all in one walk (`compiled_markup`)."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self._tree = tree

    def title(self) -> Element | None:
        return self._tree.css_first("title")

    def bases(self) -> Sequence[Element]:
        return self._tree.tags("base")

    def jsonld_scripts(self) -> Sequence[Element]:
        return self._tree.css('script[type="application/ld+json"]')[:20]

    def metas(self) -> Sequence[Element]:
        return self._tree.tags("meta")[:400]

    def meta_fields(self) -> Sequence[MetaFields]:
        return [meta_fields_of(node.attributes) for node in self.metas()]

    def canonical(self) -> Element | None:
        return self._tree.css_first('link[rel="canonical"]')

    def itemprop_dates(self) -> Sequence[Element]:
        return self._tree.css("[itemprop=datePublished], [itemprop=dateModified]")[:4]

    def microdata_items(self) -> Sequence[Element]:
        """The top-level microdata items that name their type."""
        return self._tree.css("[itemscope][itemtype]:not([itemprop])")[:20]

    def times(self) -> Sequence[Element]:
        return self._tree.tags("time")[:5]

    def inline_scripts(self) -> Sequence[Element]:
        return self._tree.css("script:not([src])")[:50]

    def author_items(self) -> Sequence[tuple[Element, Element | None]]:
        """The first ten microdata `author` properties outside <meta> tags (those are read as meta
        tags) and outside comments (`_in_comment`), each with its first `name` property below
        it, if any."""
        found = [node for node in self._tree.css("[itemprop=author]:not(meta)") if not _in_comment(node)]
        return [(node, node.css_first("[itemprop=name]")) for node in found[:10]]


def _in_comment(node: LexborNode) -> bool:
    """The nearest microdata item around `node` (its innermost ancestor with `itemscope`) is a
    `comment` property of another item: `node` is a comment's, not the page's."""
    parent = node.parent
    while parent is not None:
        attrs = parent.attributes
        if "itemscope" in attrs:
            return attrs.get("itemprop") == "comment"
        parent = parent.parent
    return False


# What `json.loads(text, strict=False)` decodes with, made once rather than on every call
# (a decoder holds only its settings). `loads` also refuses a str that starts with a BOM,
# which `decode` refuses as well (a BOM is no JSON value).
_JSON_DECODER = json.JSONDecoder(strict=False)
_SITE_TYPES = frozenset({"organization", "newsmediaorganization", "website"})


def _only_webpage(types: set[str]) -> bool:
    """Whether `types` is the generic WebPage and no real article type."""
    return GENERIC_PAGE_TYPE in types and not (types - {GENERIC_PAGE_TYPE})


def _decoded_jsonld(raw: str, script: bool = False) -> Any | None:
    """A JSON-LD text decoded, or None where it is too long to read or no JSON; a `script`'s
    text may end in a stray ";" after the JSON."""
    if len(raw) > _MAX_JSONLD_CHARS:
        return None
    text = raw.strip()
    try:
        return _JSON_DECODER.decode(text.rstrip(";") if script else text)
    except (json.JSONDecodeError, RecursionError, ValueError):
        return None


def _read_jsonld(markup: Markup, meta: PageMetadata) -> None:
    articles: list[tuple[dict[str, Any], set[str]]] = []
    posters: list[str] = []
    for script in markup.jsonld_scripts():
        data = _decoded_jsonld(script.text(deep=True) or "", script=True)
        if data is None:
            continue
        for obj in _json_objects(data):
            types = _types(obj)
            if meta.discussion_type is None and not types.isdisjoint(_DISCUSSION_TYPES):
                meta.discussion_type = min(types & _DISCUSSION_TYPES)
            if not types.isdisjoint(_ARTICLE_TYPES):
                articles.append((obj, types))
            elif not types.isdisjoint(_POST_TYPES):
                posters.extend(_names(obj.get("author")))
            elif not types.isdisjoint(_SITE_TYPES):
                name = _clean(obj.get("name"))
                if name:
                    meta.site_names.append(name)
                    meta.site_name = meta.site_name or name
    # Real article types before the generic WebPage.
    articles.sort(key=lambda found: _only_webpage(found[1]))
    for rank, (obj, types) in enumerate(articles[:5]):
        _apply_jsonld(meta, obj, types, rank)
    if not meta.authors and posters:
        meta.authors.append((posters[0], "json-ld"))  # the first post's, not the replies'


def _read_microdata_type(markup: Markup, meta: PageMetadata) -> None:
    """The discussion type of the first top-level microdata item that has one (an `itemtype` is
    one or more URLs, "https://schema.org/QAPage": the type is each one's last path segment)."""
    for item in markup.microdata_items():
        for url in (item.attributes.get("itemtype") or "").split():
            name = url.rstrip("/").rsplit("/", 1)[-1].lower()
            if name in _DISCUSSION_TYPES:
                meta.discussion_type = name
                return


_MAX_ITEM_NAME = 80  # the longest text of an author property without a name property read as one


def _read_item_authors(markup: Markup, meta: PageMetadata) -> None:
    """The names of the microdata `author` properties, in page order: a person item's `name`
    property (its `content` on a <meta>, else its text), else the property's own short text."""
    for item, name in markup.author_items():
        if name is not None:
            value = _clean(name.attributes.get("content") if name.tag == "meta" else name.text(deep=True))
        else:
            value = _clean(item.text(deep=True))
            value = value if value is not None and len(value) <= _MAX_ITEM_NAME else None
        if value:
            meta.item_authors.append(value)


def _guess_date(key: str) -> str | None:
    """Which date a <meta> key outside the known ones names by its wording: "modified",
    "published" or None (an excluded wording names neither)."""
    if _GUESS_EXCLUDED.search(key):
        return None
    if _GUESS_MODIFIED.search(key):
        return "modified"
    if _GUESS_PUBLISHED.search(key):
        return "published"
    return None


# Pages repeat the same few dozen keys, which are mostly not dates: each short key is read by the
# three patterns once, not three times on every page (a bounded cache of a pure function).
_guessed_short = lru_cache(maxsize=4096)(_guess_date)
_MAX_CACHED_KEY = 80


def _guessed_date(key: str) -> str | None:
    """`_guess_date(key)`, remembered for short keys."""
    return _guessed_short(key) if len(key) <= _MAX_CACHED_KEY else _guess_date(key)


_TAG_KEYS = ("article:tag", "keywords", "news_keywords")
_IMAGE_KEYS = ("og:image", "twitter:image")
# The <meta> keys `_read_meta_tags` reads by name. No other key is read but as a date its
# wording names (`_guessed_date`), which is None for each of these outside the date keys.
_NAMED_KEYS = frozenset(
    {"og:title", "twitter:title", "og:site_name", "application-name", "description", "og:description"}
    | {"og:locale", "og:url", *_TAG_KEYS, *_IMAGE_KEYS}
    | _PUBLISHED_KEYS
    | _MODIFIED_KEYS
    | _AUTHOR_KEYS
)


def _read_meta_tags(markup: Markup, meta: PageMetadata) -> None:
    og_title = twitter_title = None
    labelled: dict[str, list[str | None]] = {}
    for written_key, raw_content, http_equiv in markup.meta_fields():
        key = written_key.strip().lower()
        if not key:
            content = _clean(raw_content)
            http_equiv = (http_equiv or "").lower()
            if http_equiv == "content-language" and content and meta.language is None:
                meta.language = content
            continue
        if key == _JSONLD_META:
            _read_meta_jsonld_dates(raw_content, meta)
            continue
        if key not in _NAMED_KEYS:
            if key.startswith(_LABELLED_PREFIX) and _read_labelled(key, _clean(raw_content), labelled):
                continue
            # Most keys ("viewport", "og:type", "twitter:card") name no date either: their
            # content is not even read.
            guessed = _guessed_date(key)
            if guessed is not None and (content := _clean(raw_content)):
                target = meta.modified if guessed == "modified" else meta.published
                target.append((content, f"meta-other:{key}"))
            continue
        content = _clean(raw_content)
        if not content:
            continue
        if key == "og:title":
            og_title = og_title or content
        elif key == "twitter:title":
            twitter_title = twitter_title or content
        elif key == "og:site_name" or key == "application-name":
            meta.site_name = meta.site_name or content
            meta.site_names.append(content)
        elif key in ("description", "og:description") and meta.description is None:
            meta.description = content
        elif key == "og:locale" and meta.language is None:
            meta.language = content
        elif key in _PUBLISHED_KEYS:
            meta.published.append((content, f"meta:{key}"))
        elif key in _MODIFIED_KEYS:
            meta.modified.append((content, f"meta:{key}"))
        elif key in _AUTHOR_KEYS and not content.startswith("http"):
            meta.authors.append((content, f"meta:{key}"))
        elif key in _TAG_KEYS:
            meta.tags.extend(tag for tag in map(str.strip, content.split(",")) if tag)
        elif key in _IMAGE_KEYS:
            meta.images.append({"url": content, "source": f"meta:{key}"})
        elif key == "og:url" and meta.canonical_url is None:
            meta.canonical_url = content
    meta.labelled_data.extend((label, data) for label, data in labelled.values() if label and data)
    if meta.headline is None:
        meta.headline = og_title or twitter_title
    for value, source in ((og_title, "meta:og:title"), (twitter_title, "meta:twitter:title")):
        if value:
            meta.titles.append((value, source))


# `twitter:label1` / `twitter:data1`: a label and its value, paired by their number.
_LABELLED_PREFIX = "twitter:"
_LABELLED_KEY = re.compile(r"twitter:(label|data)(\d{1,2})")


def _read_labelled(key: str, content: str | None, labelled: dict[str, list[str | None]]) -> bool:
    """Files a `twitter:labelN` or `twitter:dataN` tag's content under its number N in `labelled`
    ([label, value] each), the first tag of a key winning; False for any other `twitter:` key."""
    found = _LABELLED_KEY.fullmatch(key)
    if found is None:
        return False
    pair = labelled.setdefault(found.group(2), [None, None])
    slot = 0 if found.group(1) == "label" else 1
    pair[slot] = pair[slot] or content
    return True


# Next.js pages can state their JSON-LD as a <meta name="script:ld+json" content="{...}"> (its
# metadata API's `other` field) rather than a <script>: of that, the dates of its article objects
# are read (ranked as JSON-LD), the rest left to the page's other markup.
_JSONLD_META = "script:ld+json"


def _read_meta_jsonld_dates(raw: str | None, meta: PageMetadata) -> None:
    data = _decoded_jsonld(raw) if raw else None
    if data is None:
        return
    for obj in _json_objects(data):
        if _types(obj).isdisjoint(_ARTICLE_TYPES):
            continue
        for key, target in (("datePublished", meta.published), ("dateModified", meta.modified)):
            value = _clean(obj.get(key))
            if value:
                target.append((value, "json-ld:meta"))


def _read_visible_dates(markup: Markup, meta: PageMetadata) -> None:
    """<time> elements, microdata dates and, failing those, dates in the page's state JSON."""
    for node in markup.itemprop_dates():
        if node.tag == "meta":
            continue  # read with the other <meta> tags
        attrs = node.attributes
        value = _clean(attrs.get("content") or attrs.get("datetime") or node.text(deep=True)[:80])
        if value:
            target = meta.published if attrs.get("itemprop") == "datePublished" else meta.modified
            target.append((value, f"itemprop:{attrs.get('itemprop')}"))
    for node in markup.times():
        attrs = node.attributes
        value = _clean(attrs.get("datetime"))
        source = "time"
        if not value:
            value = _clean(node.text(deep=True)[:80])
            source = "time-text"
        if not value:
            continue
        # <time class="updated">: WordPress themes print both dates as <time>.
        classes = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}".lower()
        if "updat" in classes or "modif" in classes:
            meta.modified.append((value, source))
        else:
            meta.published.append((value, source))
    if meta.published:
        return
    budget = _MAX_SCRIPT_CHARS
    for script in markup.inline_scripts():
        if script.attributes.get("type") == "application/ld+json":
            continue
        raw = script.text(deep=True) or ""
        budget -= len(raw)
        if budget < 0:
            break
        if not any(map(raw.__contains__, _SCRIPT_DATE_HINTS)):
            continue
        found = _SCRIPT_DATE.search(raw)
        if found:
            meta.published.append((found.group(2), f"script:{found.group(1)}"))
            return


_PROBE = (
    "<html lang='id'><head><title>Judul &amp; Situs</title><base href='/dasar/'>"
    "<meta property='og:title' content='Judul'><meta name='author' content='Ani'>"
    "<meta property name='twitter:title' content='Judul lain'><meta itemprop='dateModified' content='2026-01-03'>"
    "<meta property='' name='description' itemprop='x' content='Isi' content='Dua'>"
    "<meta itemprop='datePublished' content='2026-01-02'><link rel='Canonical' href='kanonik'>"
    '<script type=\'Application/LD+JSON\'>{"@type": "NewsArticle", "headline": "H"}</script>'
    "<script src='a.js'></script></head><body><svg><title>ikon</title></svg>"
    "<span itemprop='dateModified'>3 Januari 2026</span><time datetime='2026-01-04'>4</time>"
    "<div itemscope itemtype='https://schema.org/Article'><div itemprop='comment' itemscope"
    " itemtype='https://schema.org/QAPage'></div></div><div itemtype='https://schema.org/QAPage'></div>"
    "<div itemscope itemtype='http://schema.org/DiscussionForumPosting'></div>"
    "<span itemprop='author' itemscope><meta itemprop='name' content='Budi'></span><b itemprop='author'>Ani</b>"
    '<time class=\'updated\'>5 Januari 2026</time><script>{"publishedAt": "2026-01-01T00:00"}</script>'
    "</body></html>"
)


@cache
def compiled_markup() -> Any:
    """`markup_index` of the compiled DOM module, if it is built and gives `SelectolaxMarkup`'s
    metadata on `_PROBE` (checked once); None otherwise."""
    dom = compiled_dom()
    if dom is None:
        return None
    tree = LexborHTMLParser(_PROBE)
    url = "https://situs.example/a/b"
    if _metadata(tree, dom.markup_index(tree, document_id(tree)), url) != _metadata(
        tree, SelectolaxMarkup(tree), url
    ):  # pragma: no cover (a selectolax whose lexbor behaves differently)
        set_aside("markup index", "selectolax's queries")
        return None
    return dom.markup_index


def markup_of(tree: LexborHTMLParser) -> Markup:
    """The page's `Markup`: found in one compiled walk where that is built, else by selectolax."""
    index = compiled_markup()
    found = None if index is None else index(tree, document_id(tree))
    return SelectolaxMarkup(tree) if found is None else found  # type: ignore[no-any-return]


def html_metadata(tree: LexborHTMLParser, page_url: str | None = None) -> PageMetadata:
    """Collect the metadata of a parsed page. Never raises for malformed markup."""
    return _metadata(tree, markup_of(tree), page_url)


def _metadata(tree: LexborHTMLParser, markup: Markup, page_url: str | None) -> PageMetadata:
    meta = PageMetadata()
    root = tree.root
    if root is not None:
        attrs = root.attributes  # (a dict built on each read)
        lang = _clean(attrs.get("lang") or attrs.get("xml:lang"))
        if lang:
            meta.language = lang
    title = markup.title()
    if title is not None:
        meta.title = _clean(title.text(deep=True))
    base = next((node for node in markup.bases() if "href" in node.attributes), None)
    base_href = _clean(base.attributes.get("href")) if base is not None else None
    meta.base_url = join_url(page_url, base_href) if base_href else page_url
    _read_jsonld(markup, meta)
    if meta.discussion_type is None:
        _read_microdata_type(markup, meta)
    _read_meta_tags(markup, meta)
    _read_item_authors(markup, meta)
    if meta.title:
        meta.titles.append((meta.title, "title"))
    meta.site_names = list(dict.fromkeys(meta.site_names))[:10]
    canonical = markup.canonical()
    href = _clean(canonical.attributes.get("href")) if canonical is not None else None
    if href:
        meta.canonical_url = href
    if meta.canonical_url and meta.base_url:
        meta.canonical_url = join_url(meta.base_url, meta.canonical_url)
    _read_visible_dates(markup, meta)
    meta.tags = list(dict.fromkeys(meta.tags))[:50]
    return meta
