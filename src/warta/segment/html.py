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
from typing import Protocol
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.errors import InputError
from warta.meta.html_meta import html_metadata
from warta.meta.page import PageMetadata
from warta.model import Block, BlockStructure


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
    }
)  # fmt: skip
# Semantic elements whose name is as telling as a class token.
_SEMANTIC = frozenset({"aside", "nav", "footer", "header", "article", "main", "form", "figure"})
_NEVER_HIDDEN = frozenset({"html", "body", "main", "article"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "visually-hidden", "sr-only", "screen-reader-text", "hide"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_MAX_TOKENS_DEPTH = 14  # class tokens come from this many nearest ancestors
_PATH_DEPTH = 6
_CHECK_EVERY = 512  # nodes between deadline checks
# No article page has this many blocks; beyond it the walk stops, so feature
# extraction and classification stay bounded on huge or generated pages.
MAX_BLOCKS = 20_000


@dataclass(slots=True)
class HtmlSegmentation:
    """The blocks of an HTML page and the metadata found in its markup."""

    blocks: list[Block]
    metadata: PageMetadata


@dataclass(slots=True)
class _Frame:
    tag: str
    tokens: tuple[str, ...]
    href: str | None


@dataclass(slots=True)
class _Context:
    """Counters of the open elements while walking (how many lists, tables... we are in)."""

    lists: int = 0
    tables: int = 0
    figures: int = 0
    quotes: int = 0
    links: int = 0
    heading: int = 0
    frames: list[_Frame] = field(default_factory=list)


@dataclass(slots=True)
class _Buffer:
    pieces: list[str] = field(default_factory=list)
    link_chars: int = 0
    chars: int = 0
    href: str | None = None


def _class_tokens(attrs: dict[str, str | None]) -> tuple[str, ...]:
    raw = " ".join(v for k in ("class", "id") if (v := attrs.get(k)))
    if not raw:
        return ()
    return tuple(t for t in _TOKEN_SPLIT.split(raw.lower()) if len(t) > 1)


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    # Whole class names only: "f_hide_ellipsis_on" is a feature flag, not "hide".
    classes = attrs.get("class")
    return classes is not None and any(c in _HIDDEN_CLASSES for c in classes.lower().split())


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    if base:
        try:
            return urljoin(base, href)
        except ValueError:
            return href
    return href


class _Walker:
    """One pass over the DOM, turning text into blocks."""

    def __init__(self, base_url: str | None, deadline: DeadlineLike | None) -> None:
        self.base_url = base_url
        self.deadline = deadline
        self.blocks: list[Block] = []
        self.ctx = _Context()
        self.buffer = _Buffer()
        self.snapshot: BlockStructure | None = None

    def _structure(self) -> BlockStructure:
        ctx = self.ctx
        frames = ctx.frames
        block_tag = ""
        for frame in reversed(frames):
            if frame.tag in BLOCK_TAGS:
                block_tag = frame.tag
                break
        tokens: list[str] = []
        for frame in frames[-_MAX_TOKENS_DEPTH:]:
            tokens.extend(frame.tokens)
            if frame.tag in _SEMANTIC:
                tokens.append(frame.tag)
        return BlockStructure(
            heading_level=ctx.heading,
            tag=block_tag or "body",
            tag_path=">".join(f.tag for f in frames[-_PATH_DEPTH:]),
            in_list=ctx.lists > 0,
            in_table=ctx.tables > 0,
            in_figure=ctx.figures > 0,
            in_blockquote=ctx.quotes > 0,
            class_tokens=tuple(dict.fromkeys(tokens)),
            dom_depth=min(len(frames), 64),
        )

    def text(self, raw: str) -> None:
        if not raw or raw.isspace():
            if raw and self.buffer.pieces:
                self.buffer.pieces.append(" ")
            return
        buf = self.buffer
        if self.snapshot is None:
            self.snapshot = self._structure()
        buf.pieces.append(raw)
        n = len(raw.strip())
        buf.chars += n
        if self.ctx.links:
            buf.link_chars += n
            if buf.href is None:
                for frame in reversed(self.ctx.frames):
                    if frame.href is not None:
                        buf.href = frame.href
                        break

    def flush(self) -> None:
        buf = self.buffer
        if not buf.pieces:
            return
        text = " ".join("".join(buf.pieces).split())
        snap = self.snapshot
        if text and snap is not None:
            density = min(buf.link_chars / buf.chars, 1.0) if buf.chars else 0.0
            structure = BlockStructure(
                heading_level=snap.heading_level,
                tag=snap.tag,
                tag_path=snap.tag_path,
                in_list=snap.in_list,
                in_table=snap.in_table,
                in_figure=snap.in_figure,
                in_blockquote=snap.in_blockquote,
                in_link=density >= 0.9,
                link_density=density,
                class_tokens=snap.class_tokens,
                href=buf.href,
                dom_depth=snap.dom_depth,
            )
            if len(self.blocks) < MAX_BLOCKS:
                self.blocks.append(
                    Block(index=len(self.blocks), text=text, structure=structure, start=-1, end=-1)
                )
        self.buffer = _Buffer()
        self.snapshot = None

    def enter(self, tag: str, attrs: dict[str, str | None], tokens: tuple[str, ...]) -> None:
        ctx = self.ctx
        href = None
        if tag == "a":
            buf = self.buffer
            if ctx.links == 0 and buf.chars and buf.link_chars == buf.chars:
                # Links side by side with nothing between them are separate items
                # (a menu, a "most read" box), not one sentence.
                self.flush()
            ctx.links += 1
            href = _absolute(attrs.get("href"), self.base_url)
        elif tag in ("ul", "ol", "dl", "menu"):
            ctx.lists += 1
        elif tag == "table":
            ctx.tables += 1
        elif tag == "figure":
            ctx.figures += 1
        elif tag == "blockquote":
            ctx.quotes += 1
        elif tag in _HEADINGS:
            ctx.heading = _HEADINGS[tag]
        ctx.frames.append(_Frame(tag, tokens, href))

    def leave(self, tag: str) -> None:
        ctx = self.ctx
        if tag == "a":
            ctx.links -= 1
        elif tag in ("ul", "ol", "dl", "menu"):
            ctx.lists -= 1
        elif tag == "table":
            ctx.tables -= 1
        elif tag == "figure":
            ctx.figures -= 1
        elif tag == "blockquote":
            ctx.quotes -= 1
        elif tag in _HEADINGS:
            ctx.heading = 0
        ctx.frames.pop()

    def walk(self, root: LexborNode) -> None:
        # Stack items: a node to enter, or a tag name string meaning "leave it".
        stack: list[LexborNode | str] = [root]
        seen = 0
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                if item in BLOCK_TAGS:
                    self.flush()
                self.leave(item)
                continue
            seen += 1
            if seen % _CHECK_EVERY == 0:
                if self.deadline is not None:
                    self.deadline.check("html segmentation")
                if len(self.blocks) >= MAX_BLOCKS:
                    break
            tag = item.tag
            if tag == "-text":
                self.text(item.text_content or "")
                continue
            if tag is None or tag.startswith(("_", "!", "-")) or tag in SKIP_TAGS:
                continue
            attrs = item.attributes
            tokens = _class_tokens(attrs) if attrs else ()
            if attrs and tag not in _NEVER_HIDDEN and _is_hidden(attrs):
                continue
            if tag in BLOCK_TAGS:
                self.flush()
            if tag == "br" or tag == "hr":
                continue
            self.enter(tag, attrs, tokens)
            stack.append(tag)
            children: list[LexborNode] = []
            child = item.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend(reversed(children))
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
