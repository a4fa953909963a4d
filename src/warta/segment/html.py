"""HTML → blocks in reading order, with what the DOM says about each block.

The DOM is walked once, iteratively (an explicit stack, so 10,000-level
nesting costs memory, not Python recursion). Text of inline elements
accumulates into the current block; entering or leaving a block-level element
closes it. Scripts, styles, forms' controls and hidden elements never produce
text. Each block records its tag path, heading level, list/table/figure/
blockquote/link membership, link density, the class/id tokens of its
ancestors and its first link, made absolute against `<base href>` or the page URL.

    >>> seg = segment_html("<html><body><h1>Judul</h1><p>Isi <a href='/a'>tautan</a>.</p></body></html>")
    >>> [(b.text, b.structure.tag) for b in seg.blocks]
    [('Judul', 'h1'), ('Isi tautan.', 'p')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Protocol, cast
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.errors import InputError
from warta.meta.html_meta import html_metadata
from warta.meta.page import PageMetadata
from warta.meta.urls import join_url
from warta.model import Block, BlockStructure
from warta.segment import MAX_BLOCKS, drop_invisible


class DeadlineLike(Protocol):
    def check(self, stage: str) -> None: ...


BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "aside", "header", "footer", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "blockquote", "pre", "figure", "figcaption", "address", "form", "fieldset",
        "legend", "details", "summary", "hr", "br", "center", "body", "html", "menu",
        "hgroup", "dialog", "label",
    }
)  # fmt: skip
# Elements whose content is never visible article text.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "head",
        "object", "embed", "canvas", "select", "button", "input", "textarea",
        "option", "audio", "video", "map", "title", "meta", "link", "frameset", "frame",
        # AMP's ad and tracking elements: their only text is an ad's loading placeholder or
        # fallback ("Iklan", "Advertisement could not load"), which would join the next paragraph.
        "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-analytics", "amp-pixel",
    }
)  # fmt: skip
# Semantic elements whose name is as telling as a class token.
_SEMANTIC = frozenset({"aside", "nav", "footer", "header", "article", "main", "form", "figure"})
_NEVER_HIDDEN = frozenset({"html", "body", "main", "article"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "visually-hidden", "sr-only", "screen-reader-text", "hide"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN = re.compile(r"[a-z0-9]{2,}")
_MAX_TOKENS_DEPTH = 14  # class tokens come from this many nearest ancestors
_PATH_DEPTH = 6
_CHECK_EVERY = 512  # nodes between deadline checks


@dataclass(slots=True)
class HtmlSegmentation:
    """The blocks of an HTML page and the metadata found in its markup."""

    blocks: list[Block]
    metadata: PageMetadata


@dataclass(slots=True)
class _Buffer:
    """Text of the block being built, and how much of it is link text."""

    pieces: list[str] = field(default_factory=list)
    link_chars: int = 0
    chars: int = 0
    tail_chars: int = 0  # characters outside links since the last link's text
    colon: bool = False  # whether the last text outside links ends with ":" ("Tags:")
    href: str | None = None
    # What the DOM said where the block's first text was: the fields of `BlockStructure`
    # from heading_level to dom_depth, taken once (see `_Walker._snapshot`).
    snapshot: tuple[int, str, str, bool, bool, bool, bool, tuple[str, ...], int] | None = None


@dataclass(frozen=True, slots=True)
class _Attributes:
    """What an element's class/id attributes say: its tokens, and whether a class hides it."""

    tokens: tuple[str, ...]
    hidden_class: bool


def _tokens(value: str) -> tuple[str, ...]:
    """Runs of [a-z0-9] of two characters or more in the lower-cased value."""
    return tuple(_TOKEN.findall(value.lower()))


def _read_class(classes: str) -> _Attributes:
    lowered = classes.lower()
    # Whole class names only: "f_hide_ellipsis_on" is a feature flag, not "hide".
    return _Attributes(tuple(_TOKEN.findall(lowered)), not _HIDDEN_CLASSES.isdisjoint(lowered.split()))


_NO_CLASS = _Attributes((), False)


def _is_hidden(attrs: dict[str, str | None], read: _Attributes) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    return read.hidden_class


# Links that `urljoin` leaves as written (an absolute http(s) URL without empty "?"/"#" parts
# or ";params") or only prefixes with the base's scheme and host (a root path without dot
# segments or "//"): most links on a page, answered without parsing.
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\[\]\s;]+(?:/[^?#\s;]*)?(?:\?[^#\s]+)?(?:#\S+)?")
_PLAIN_ROOT = re.compile(r"/(?!/)(?P<path>[^?#\s;]*)(?:\?[^#\s]+)?(?:#\S+)?")
_DOT_OR_EMPTY_SEGMENT = re.compile(r"(?:^|/)\.\.?(?:/|$)|//")


def _origin(base: str | None) -> str | None:
    """ "scheme://host" of an http(s) base URL, when root paths may be joined to it directly."""
    if not base:
        return None
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _absolute(href: str | None, base: str | None, origin: str | None = None) -> str | None:
    """`href` made absolute against `base` (`urljoin`); None for no link, fragments and scripts.

    `origin` is `_origin(base)`, given to answer plain links without `urljoin`.
    """
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    if base:
        if _PLAIN_ABSOLUTE.fullmatch(href):
            return href
        if origin is not None:
            root = _PLAIN_ROOT.fullmatch(href)
            if root is not None and not _DOT_OR_EMPTY_SEGMENT.search(root.group("path")):
                return origin + href
        return join_url(base, href)
    return href


# Text before a row of links that is a label of the row ("Tags:", "Kata kunci:"), not a sentence.
_LABEL_CHARS = 20
_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
# Elements whose entering and leaving change a counter of `_Walker` (links, lists, tables...).
_COUNTED = frozenset({"a", "table", "figure", "blockquote"}) | _LIST_TAGS | _HEADINGS.keys()
_TAG_OF, _CONTRIBUTED = itemgetter(0), itemgetter(2)


class _Walker:
    """One pass over the DOM, turning text into blocks.

    The open elements are kept as parallel stacks (tag, nearest block-level tag, class
    tokens it contributes), so a block's structure is read off the stacks' tops. Links
    are made absolute only when a block takes one as its href, once per distinct href;
    class/id attributes are read once per distinct value.
    """

    def __init__(self, base_url: str | None, deadline: DeadlineLike | None) -> None:
        self.base_url = base_url
        self.deadline = deadline
        self.blocks: list[Block] = []
        self.buffer = _Buffer()
        # Per open element: its tag, the nearest block-level tag at or above it, and the class
        # tokens (and semantic tag name) it gives the blocks inside it.
        self.frames: list[tuple[str, str, tuple[str, ...]]] = []
        self.links: list[str | None] = []  # raw href of each open <a>
        self.lists = self.tables = self.figures = self.quotes = self.heading = 0
        self._origin = _origin(base_url)
        self._absolute: dict[str | None, str | None] = {}
        self._classes: dict[str, _Attributes] = {}

    def _snapshot(self) -> tuple[int, str, str, bool, bool, bool, bool, tuple[str, ...], int]:
        frames = self.frames
        tokens = dict.fromkeys(chain.from_iterable(map(_CONTRIBUTED, frames[-_MAX_TOKENS_DEPTH:])))
        return (
            self.heading,
            (frames[-1][1] if frames else "") or "body",
            ">".join(map(_TAG_OF, frames[-_PATH_DEPTH:])),
            self.lists > 0,
            self.tables > 0,
            self.figures > 0,
            self.quotes > 0,
            tuple(tokens),
            min(len(frames), 64),
        )

    def _link(self) -> str | None:
        """The innermost open link that resolves to an address."""
        for raw in reversed(self.links):
            if raw not in self._absolute:
                self._absolute[raw] = _absolute(raw, self.base_url, self._origin)
            href = self._absolute[raw]
            if href is not None:
                return href
        return None

    def text(self, raw: str) -> None:
        """Add a text node holding more than whitespace to the current block."""
        buf = self.buffer
        if buf.snapshot is None:
            buf.snapshot = self._snapshot()
        buf.pieces.append(raw)
        n = len(raw.strip())
        buf.chars += n
        if self.links:
            buf.link_chars += n
            buf.tail_chars = 0
            if buf.href is None:
                buf.href = self._link()
        else:
            buf.tail_chars += n
            buf.colon = raw.rstrip().endswith(":")

    def flush(self) -> None:
        buf = self.buffer
        if not buf.pieces:
            return
        text = " ".join(drop_invisible("".join(buf.pieces)).split())
        snap = buf.snapshot
        if text and snap is not None:
            density = min(buf.link_chars / buf.chars, 1.0) if buf.chars else 0.0
            heading, tag, path, in_list, in_table, in_figure, in_quote, tokens, depth = snap
            structure = BlockStructure(
                heading_level=heading,
                tag=tag,
                tag_path=path,
                in_list=in_list,
                in_table=in_table,
                in_figure=in_figure,
                in_blockquote=in_quote,
                in_link=density >= 0.9,
                link_density=density,
                class_tokens=tokens,
                href=buf.href,
                dom_depth=depth,
            )
            if len(self.blocks) < MAX_BLOCKS:
                self.blocks.append(
                    Block(index=len(self.blocks), text=text, structure=structure, start=-1, end=-1)
                )
        self.buffer = _Buffer()

    def attributes(self, classes: str | None, ident: str | None) -> _Attributes:
        """The class/id tokens (a class value is read once per page: classes repeat, ids rarely)."""
        if classes is None:
            read = _NO_CLASS
        else:
            read = self._classes.get(classes) or self._classes.setdefault(classes, _read_class(classes))
        if ident:
            # The tokens of "class id" are the class's then the id's: the space splits them.
            return _Attributes(read.tokens + _tokens(ident), read.hidden_class)
        return read

    def enter(self, tag: str, tokens: tuple[str, ...], href: str | None) -> None:
        if tag in _COUNTED:
            if tag == "a":
                buf = self.buffer
                if (
                    not self.links
                    and buf.link_chars
                    and not buf.tail_chars
                    and (
                        buf.link_chars == buf.chars
                        or (buf.colon and buf.chars - buf.link_chars <= _LABEL_CHARS)
                    )
                ):
                    # Links side by side with nothing between them are separate items
                    # (a menu, a "most read" box, the tags after "Tags:"), not one sentence.
                    # Only a short label ending in ":" may come before them: in "Gov. <a>Name</a>
                    # <a>hover card</a>" the text is a sentence that goes on after the links.
                    self.flush()
                self.links.append(href)
            elif tag in _LIST_TAGS:
                self.lists += 1
            elif tag == "table":
                self.tables += 1
            elif tag == "figure":
                self.figures += 1
            elif tag == "blockquote":
                self.quotes += 1
            else:
                self.heading = _HEADINGS[tag]
        frames = self.frames
        block_tag = tag if tag in BLOCK_TAGS else (frames[-1][1] if frames else "")
        frames.append((tag, block_tag, (*tokens, tag) if tag in _SEMANTIC else tokens))

    def leave(self, tag: str) -> None:
        if tag in _COUNTED:
            if tag == "a":
                self.links.pop()
            elif tag in _LIST_TAGS:
                self.lists -= 1
            elif tag == "table":
                self.tables -= 1
            elif tag == "figure":
                self.figures -= 1
            elif tag == "blockquote":
                self.quotes -= 1
            else:
                self.heading = 0
        self.frames.pop()

    def walk(self, root: LexborNode) -> None:
        # Stack items: a node to enter, or a tag name string meaning "leave it". The hot
        # paths (text nodes, empty flushes) are inlined: this loop runs for every node.
        stack: list[LexborNode | str] = [root]
        pop, push, extend = stack.pop, stack.append, stack.extend
        seen = 0
        while stack:
            item = pop()
            if type(item) is str:
                if item in BLOCK_TAGS and self.buffer.pieces:
                    self.flush()
                self.leave(item)
                continue
            item = cast(LexborNode, item)
            seen += 1
            if seen % _CHECK_EVERY == 0:
                if self.deadline is not None:
                    self.deadline.check("html segmentation")
                if len(self.blocks) >= MAX_BLOCKS:
                    break
            tag = item.tag
            if tag == "-text":
                raw = item.text_content
                if raw and not raw.isspace():
                    self.text(raw)
                elif raw and self.buffer.pieces:
                    self.buffer.pieces.append(" ")
                continue
            if tag is None or tag in SKIP_TAGS or tag.startswith(("_", "!", "-")):
                continue
            attrs = item.attributes
            tokens: tuple[str, ...] = ()
            if attrs:
                read = self.attributes(attrs.get("class"), attrs.get("id"))
                if tag not in _NEVER_HIDDEN and _is_hidden(attrs, read):
                    continue
                tokens = read.tokens
            if tag in BLOCK_TAGS:
                if self.buffer.pieces:
                    self.flush()
                if tag == "br" or tag == "hr":
                    continue
            self.enter(tag, tokens, attrs.get("href") if tag == "a" else None)
            push(tag)
            children = list(item.iter(include_text=True))
            if children:
                children.reverse()
                extend(children)
        self.flush()


def segment_html(
    html: str, deadline: DeadlineLike | None = None, base_url: str | None = None
) -> HtmlSegmentation:
    """Split an HTML document into blocks in reading order, and collect its metadata.

    `base_url` (the page URL) resolves relative links; a `<base href>` in the
    page takes precedence. `deadline.check` is called while walking, so a huge
    page stops at the per-page time limit instead of running on.
    """
    if not html or not html.strip():
        raise InputError("empty HTML: nothing to parse")
    tree = LexborHTMLParser(html)
    if deadline is not None:
        deadline.check("html parsing")
    metadata = html_metadata(tree, base_url)
    root = tree.body or tree.root
    if root is None:
        raise InputError("the HTML has no document element")
    # Without a page URL, the canonical link still says where the page lives.
    walker = _Walker(metadata.base_url or base_url or metadata.canonical_url, deadline)
    walker.walk(root)
    return HtmlSegmentation(walker.blocks, metadata)
