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
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Protocol
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from warta.compiled import set_aside
from warta.errors import InputError
from warta.meta.html_meta import html_metadata
from warta.meta.page import PageMetadata
from warta.meta.urls import join_url
from warta.model import ALL_LINK, CLASS_TOKEN_DEPTH, SEMANTIC_TAGS, Block, BlockStructure
from warta.segment import MAX_BLOCKS, StructureDraft, compiled_dom, document_id, drop_invisible, new_block
from warta.segment.rawtext import elision, parser_input


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
_SEMANTIC = frozenset(SEMANTIC_TAGS)  # their names join the class tokens of the blocks inside them
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# What hides an element: the walk passes over it and all it holds. `_element_hides` is the rule;
# the C walk (`warta.segment._domwalk`) reads the same data, and `_PROBE` holds every variant.
# - attributes that hide by being there (None) or by having the value given;
_HIDING_ATTRIBUTES: dict[str, str | None] = {"hidden": None, "aria-hidden": "true"}
# - whole class names, in any case;
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "visually-hidden", "sr-only", "screen-reader-text", "hide"})
# - declarations of the style attribute, "property: value" (lower-case ASCII) in any ASCII case
#   and with any CSS whitespace around the colon;
_HIDING_STYLES = (("display", "none"), ("visibility", "hidden"))
# - but never these elements, which hold the page whatever their attributes say (a page-wide
#   "loading" class, a <main aria-hidden> while a dialog is open).
_NEVER_HIDDEN = frozenset({"html", "body", "main", "article"})
# Every hiding class name has one of these in it: most class values need not be split.
_HIDDEN_CLASS_PARTS = ("hid", "none", "only", "screen")
if not all(any(part in name for part in _HIDDEN_CLASS_PARTS) for name in _HIDDEN_CLASSES):
    raise AssertionError("a hiding class name lacks all of _HIDDEN_CLASS_PARTS")  # pragma: no cover
# The attributes besides class that may hide an element.
_HIDING_NAMES = frozenset({*_HIDING_ATTRIBUTES, "style"})
# (ASCII: CSS has no other case or whitespace, so "visibility: h\u0131dden" hides nothing.)
_HIDDEN_STYLE = re.compile(
    "|".join(rf"{re.escape(name)}\s*:\s*{re.escape(value)}" for name, value in _HIDING_STYLES),
    re.IGNORECASE | re.ASCII,
)
_HIDING_STYLE_VALUES = tuple(value for _, value in _HIDING_STYLES)
if not all(value.isascii() and value.islower() for value in _HIDING_STYLE_VALUES):
    raise AssertionError("the pre-check of `_style_hides` wants lower-case ASCII values")  # pragma: no cover
_TOKEN = re.compile(r"[a-z0-9]{2,}")
_MAX_TOKENS_DEPTH = CLASS_TOKEN_DEPTH  # class tokens come from this many nearest ancestors
_PATH_DEPTH = 6
_CHECK_EVERY = 512  # nodes between deadline checks


@dataclass(slots=True)
class HtmlSegmentation:
    """The blocks of an HTML page and the metadata found in its markup."""

    blocks: list[Block]
    metadata: PageMetadata


def _tokens(value: str) -> tuple[str, ...]:
    """Runs of [a-z0-9] of two characters or more in the lower-cased value."""
    return tuple(_TOKEN.findall(value.lower()))


# Class values read so far, shared by all pages (a site's pages repeat their classes); cleared
# when full, so it stays bounded. (The compiled walk keeps its own table of the same bound, keyed
# by the values' bytes: `_domwalk.class_bytes_read`.)
_READ_CLASSES: dict[str, tuple[tuple[str, ...], bool]] = {}
_MAX_READ_CLASSES = 8192


def _read_class(classes: str) -> tuple[tuple[str, ...], bool]:
    """The tokens of a class value, and whether one of its class names hides the element."""
    lowered = classes.lower()
    # Whole class names only: "f_hide_ellipsis_on" is a feature flag, not "hide".
    hidden = any(part in lowered for part in _HIDDEN_CLASS_PARTS) and not _HIDDEN_CLASSES.isdisjoint(
        lowered.split()
    )
    return tuple(_TOKEN.findall(lowered)), hidden


def _style_hides(style: str) -> bool:
    """Whether a style attribute has a declaration of `_HIDING_STYLES` (display: none, ...)."""
    # Most styles have none of the values, which a search in the lower-cased style tells faster
    # than the pattern. (Where the pattern matches, its value lower-cased is in it.)
    lowered = style.lower()
    for value in _HIDING_STYLE_VALUES:
        if value in lowered:
            return _HIDDEN_STYLE.search(style) is not None
    return False


def _element_hides(tag: str, attrs: Mapping[str, str | None], class_hides: bool | None = None) -> bool:
    """Whether an element `tag` with the attributes `attrs` is hidden: by an attribute of
    `_HIDING_ATTRIBUTES`, a class name of `_HIDDEN_CLASSES` or a declaration of `_HIDING_STYLES`,
    unless it is one of `_NEVER_HIDDEN`. `class_hides` is `_read_class(attrs["class"])[1]`, where
    the caller has read the class already.

        >>> _element_hides("div", {"style": "display: none"}), _element_hides("main", {"hidden": ""})
        (True, False)
    """
    if tag in _NEVER_HIDDEN:
        return False
    if class_hides is None:
        classes = attrs.get("class")
        class_hides = classes is not None and _read_class(classes)[1]
    if class_hides:
        return True
    for name, wanted in _HIDING_ATTRIBUTES.items():
        if name in attrs and (wanted is None or attrs[name] == wanted):
            return True
    style = attrs.get("style")
    return style is not None and _style_hides(style)


# Links that `urljoin` leaves as written (an absolute http(s) URL without empty "?"/"#" parts
# or ";params"), only prefixes with the base's scheme (such a URL without its "http:") or with
# the base's scheme and host (a root path without dot segments or "//"): most links on a page,
# answered without parsing.
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\[\]\s;]+(?:/[^?#\s;]*)?(?:\?[^#\s]+)?(?:#\S+)?")
_PLAIN_ROOT = re.compile(r"/(?!/)(?P<path>[^?#\s;]*)(?:\?[^#\s]+)?(?:#\S+)?")


def _has_dot_or_empty_segment(path: str) -> bool:
    """Whether a path has a "." or ".." segment or an empty one ("a//b"), which `urljoin` rewrites.

    (Three substring searches: a regex search tries its alternatives at every position, ten
    times slower on a page's hundred links.)
    """
    bounded = f"/{path}/"
    return "//" in path or "/./" in bounded or "/../" in bounded


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
            if href.startswith("//"):
                # A scheme-relative link ("//cdn.example/x") that is plain once it has the base's
                # scheme. (An ASCII one: `urljoin` refuses some other hosts, which `join_url`
                # then leaves as written.)
                address = origin[: origin.index(":") + 1] + href
                if href.isascii() and _PLAIN_ABSOLUTE.fullmatch(address):
                    return address
            else:
                root = _PLAIN_ROOT.fullmatch(href)
                if root is not None and not _has_dot_or_empty_segment(root.group("path")):
                    return origin + href
        return join_url(base, href)
    return href


# Text before a row of links that is a label of the row ("Tags:", "Kata kunci:"), not a sentence.
_LABEL_CHARS = 20
_LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})

# What a tag name means to the walk, as bit flags (one dict lookup per distinct tag of a page).
_SKIP, _BLOCK, _BREAK, _SEMANTIC_TAG, _NEVER_HIDE = 1, 2, 4, 8, 16
_LINK, _LIST, _TABLE, _FIGURE, _QUOTE, _HEADING = 32, 64, 128, 256, 512, 1024
_COUNTED = _LINK | _LIST | _TABLE | _FIGURE | _QUOTE | _HEADING  # entering/leaving changes a count
_TEXT_TAG_ID = 2  # lexbor's tag id of text nodes (`LexborNode.tag` "-text")


_SKIPPED_PREFIXES = ("_", "!", "-")  # (lexbor's names of comments, the document, ...)


def _tag_flags(tag: str | None) -> int:
    """The rule (`_flags_of_tag` reads it from `_NAMED_TAG_FLAGS`)."""
    if tag is None or tag in SKIP_TAGS or tag.startswith(_SKIPPED_PREFIXES):
        return _SKIP
    flags = 0
    if tag in BLOCK_TAGS:
        flags |= _BLOCK | (_BREAK if tag in ("br", "hr") else 0)
    if tag in _SEMANTIC:
        flags |= _SEMANTIC_TAG
    if tag in _NEVER_HIDDEN:
        flags |= _NEVER_HIDE
    if tag == "a":
        flags |= _LINK
    elif tag in _LIST_TAGS:
        flags |= _LIST
    elif tag == "table":
        flags |= _TABLE
    elif tag == "figure":
        flags |= _FIGURE
    elif tag == "blockquote":
        flags |= _QUOTE
    elif tag in _HEADINGS:
        flags |= _HEADING
    return flags


# `_tag_flags` of every name its sets and tests name: any other name has the flags of its prefix
# alone (`_flags_of_tag`). Each page's tags are looked up here, not run through the rule.
_NAMED_TAG_FLAGS: dict[str, int] = {
    tag: _tag_flags(tag)
    for tag in SKIP_TAGS
    | BLOCK_TAGS
    | _SEMANTIC
    | _NEVER_HIDDEN
    | _LIST_TAGS
    | _HEADINGS.keys()
    | {"a", "br", "hr", "table", "figure", "blockquote"}
}


def _flags_of_tag(tag: str | None) -> int:
    """`_tag_flags(tag)`, by `_NAMED_TAG_FLAGS` (the C walk does the same)."""
    if tag is None:
        return _SKIP
    flags = _NAMED_TAG_FLAGS.get(tag)
    if flags is not None:
        return flags
    return _SKIP if tag.startswith(_SKIPPED_PREFIXES) else 0


# An open element: the node, the nearest block-level tag at or above it, and its `_tag_flags`.
_Frame = tuple[LexborNode, str, int]
# What the DOM says where a block's first text is: the fields of `BlockStructure` from
# heading_level to dom_depth.
_Snapshot = tuple[int, str, str, bool, bool, bool, bool, tuple[str, ...], int]


def _link(
    links: list[str | None], resolved: dict[str | None, str | None], base: str | None, origin: str | None
) -> str | None:
    """The innermost open link that resolves to an address (each raw href is resolved once)."""
    for raw in reversed(links):
        if raw in resolved:
            href = resolved[raw]
        else:
            href = resolved[raw] = _absolute(raw, base, origin)
        if href is not None:
            return href
    return None


def _emit(
    blocks: list[Block],
    pieces: list[str],
    link_chars: int,
    chars: int,
    href: str | None,
    snap: _Snapshot | None,
) -> None:
    """Close the block being built from `pieces`: append it to `blocks` if it has text."""
    joined = "".join(pieces)
    # (`drop_invisible` translates every character of a non-ASCII text: most have none to drop.)
    if not joined.isascii() and ("\u00ad" in joined or "\u200b" in joined or "\u2060" in joined):
        joined = drop_invisible(joined)
    # Whitespace other than " " is never printable: printable text without doubled, leading or
    # trailing spaces (two blocks in three) is already what split and join would make of it.
    if joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
        text = joined
    else:
        text = " ".join(joined.split())
    if text and snap is not None and len(blocks) < MAX_BLOCKS:
        density = link_chars / chars if chars else 0.0  # (link text is counted in `chars` too: at most 1)
        heading, tag, path, in_list, in_table, in_figure, in_quote, tokens, depth = snap
        structure = StructureDraft()
        structure.blank_before = False
        structure.blank_after = False
        structure.bullet = False
        structure.heading_level = heading
        structure.tag = tag
        structure.tag_path = path
        structure.in_list = in_list
        structure.in_table = in_table
        structure.in_figure = in_figure
        structure.in_blockquote = in_quote
        structure.in_link = density >= ALL_LINK
        structure.link_density = density
        structure.class_tokens = tokens
        structure.href = href
        structure.dom_depth = depth
        structure.__class__ = BlockStructure  # type: ignore[assignment]  # (see `BlockDraft`)
        blocks.append(new_block(len(blocks), text, structure, -1, -1))  # type: ignore[arg-type]


def walk_python(root: LexborNode, base_url: str | None, deadline: DeadlineLike | None) -> list[Block]:
    """One depth-first pass over the DOM under `root`, turning text into blocks.

    (The reference walk: `warta.segment._domwalk.walk` is the same walk in C, used where it is
    built; see `compiled_walk`.)

    Text of inline elements accumulates into the block being built (`pieces` and the counts
    beside it); entering or leaving a block-level element closes it. The open elements are
    a stack of frames, so a block's structure is read off the stack's top when its first
    text arrives. Navigation is by first child and next sibling: no recursion, and no list
    of children per node. Links are made absolute only when a block takes one as its href,
    once per distinct href; class values are read once per distinct value.
    """
    blocks: list[Block] = []
    origin = _origin(base_url)
    resolved: dict[str | None, str | None] = {}
    classes = _READ_CLASSES
    window_tokens: dict[tuple[tuple[str, ...], ...], tuple[str, ...]] = {}  # see `snap` below
    kinds: dict[int, tuple[str, int]] = {}  # tag id -> (tag, flags), for this document's ids
    stack: list[_Frame] = []
    push, pop = stack.append, stack.pop
    # Beside each frame, the open element's tag and the class tokens it gives (for `snap`).
    tags: list[str] = []
    token_parts: list[tuple[str, ...]] = []
    push_tag, pop_tag, push_tokens, pop_tokens = tags.append, tags.pop, token_parts.append, token_parts.pop
    links: list[str | None] = []  # raw href of each open <a>
    lists = tables = figures = quotes = heading = 0
    # The block being built: its text pieces, how much of it is link text, the characters
    # outside links since the last link's text, whether the last text outside links ends
    # with ":" ("Tags:"), its first link, and the DOM's say where its first text was.
    pieces: list[str] = []
    link_chars = chars = tail_chars = 0
    colon = False
    href: str | None = None
    snap: _Snapshot | None = None
    seen = 0
    node = root
    while True:
        tag_id = node.tag_id
        if tag_id == _TEXT_TAG_ID:
            # Most text nodes are only ASCII whitespace, which adds a space to a block being
            # built and nothing else: told without making a str of it. (An empty node, which
            # adds no space, is told by its text.)
            raw = node.text_content if pieces or not node.is_empty_text_node else None
            if raw:
                if not raw.isspace():
                    if snap is None:
                        # Blocks side by side have the same ancestors' tokens: deduplicated once.
                        parts = tuple(token_parts[-_MAX_TOKENS_DEPTH:])
                        block_tokens = window_tokens.get(parts)
                        if block_tokens is None:
                            block_tokens = window_tokens[parts] = tuple(
                                dict.fromkeys(chain.from_iterable(parts))
                            )
                        snap = (
                            heading,
                            (stack[-1][1] if stack else "") or "body",
                            ">".join(tags[-_PATH_DEPTH:]),
                            lists > 0,
                            tables > 0,
                            figures > 0,
                            quotes > 0,
                            block_tokens,
                            len(stack) if len(stack) < 64 else 64,
                        )
                    pieces.append(raw)
                    stripped = raw.strip()
                    n = len(stripped)
                    chars += n
                    if links:
                        link_chars += n
                        tail_chars = 0
                        if href is None:
                            href = _link(links, resolved, base_url, origin)
                    else:
                        tail_chars += n
                        colon = stripped.endswith(":")
                elif pieces:
                    pieces.append(" ")
            following = node.next  # (a text node is never the root)
        else:
            seen += 1
            if not seen % _CHECK_EVERY:
                if deadline is not None:
                    deadline.check("html segmentation")
                if len(blocks) >= MAX_BLOCKS:
                    break
            kind = kinds.get(tag_id)
            if kind is None:
                name = node.tag
                kind = (name or "", _flags_of_tag(name))
                if name is not None:
                    kinds[tag_id] = kind
            tag, flags = kind
            enter = False  # (what is skipped or hidden is passed over, and br/hr have nothing inside)
            # (An empty inline element, an <img> or an icon's <i>, would change nothing: passed over too.)
            if not flags & _SKIP and ((child := node.first_child) is not None or flags & (_BLOCK | _COUNTED)):
                attrs = node.attributes
                tokens: tuple[str, ...] = ()
                hidden = False
                if attrs:
                    class_hides = False
                    value = attrs.get("class")
                    if value is not None:
                        read = classes.get(value)
                        if read is None:
                            if len(classes) >= _MAX_READ_CLASSES:
                                classes.clear()
                            read = classes[value] = _read_class(value)
                        tokens, class_hides = read
                    # (Only an element with a hiding class or attribute need be asked.)
                    if class_hides or not _HIDING_NAMES.isdisjoint(attrs):
                        hidden = _element_hides(tag, attrs, class_hides)
                    if not hidden:
                        ident = attrs.get("id")
                        if ident:
                            # The tokens of "class id" are the class's then the id's.
                            tokens = tokens + _tokens(ident)
                enter = not hidden
                if enter and flags & _BLOCK:
                    if pieces:
                        _emit(blocks, pieces, link_chars, chars, href, snap)
                        pieces = []
                        link_chars = chars = tail_chars = 0
                        colon, href, snap = False, None, None
                    enter = not flags & _BREAK
            if enter:
                if flags & _COUNTED:
                    if flags & _LINK:
                        if (
                            not links
                            and link_chars
                            and not tail_chars
                            and (link_chars == chars or (colon and chars - link_chars <= _LABEL_CHARS))
                        ):
                            # Links side by side with nothing between them are separate
                            # items (a menu, a "most read" box, the tags after "Tags:"),
                            # not one sentence. Only a short label ending in ":" may come
                            # before them: in "Gov. <a>Name</a> <a>hover card</a>" the
                            # text is a sentence that goes on after the links.
                            _emit(blocks, pieces, link_chars, chars, href, snap)
                            pieces = []
                            link_chars = chars = tail_chars = 0
                            colon, href, snap = False, None, None
                        links.append(attrs.get("href"))
                    elif flags & _LIST:
                        lists += 1
                    elif flags & _TABLE:
                        tables += 1
                    elif flags & _FIGURE:
                        figures += 1
                    elif flags & _QUOTE:
                        quotes += 1
                    else:
                        heading = _HEADINGS[tag]
                push((node, tag if flags & _BLOCK else (stack[-1][1] if stack else ""), flags))
                push_tag(tag)
                push_tokens((*tokens, tag) if flags & _SEMANTIC_TAG else tokens)
                if child is not None:
                    node = child
                    continue
                following = None  # an element without children: left at once
            elif not stack:
                break
            else:
                following = node.next
        # Leave the elements that end here; go on with the next sibling.
        while following is None:
            frame = pop()
            pop_tag()
            pop_tokens()
            flags = frame[2]
            if flags & _BLOCK and pieces:
                _emit(blocks, pieces, link_chars, chars, href, snap)
                pieces = []
                link_chars = chars = tail_chars = 0
                colon, href, snap = False, None, None
            if flags & _COUNTED:
                if flags & _LINK:
                    links.pop()
                elif flags & _LIST:
                    lists -= 1
                elif flags & _TABLE:
                    tables -= 1
                elif flags & _FIGURE:
                    figures -= 1
                elif flags & _QUOTE:
                    quotes -= 1
                else:
                    heading = 0
            if not stack:
                break
            following = frame[0].next
        if following is None:
            break
        node = following
    if pieces:
        _emit(blocks, pieces, link_chars, chars, href, snap)
    return blocks


def _hiding_markup() -> str:
    """Every way of hiding an element (`_element_hides`'s data) and near misses, each on a <div>,
    which it hides, and on a <main>, which it cannot; the texts say which way ("d3", "m3")."""
    ways = [name if value is None else f"{name}='{value}'" for name, value in _HIDING_ATTRIBUTES.items()]
    ways += [f"{name}='{value.upper()} '" for name, value in _HIDING_ATTRIBUTES.items() if value]
    ways += [f"class='x {name}'" for name in sorted(_HIDDEN_CLASSES)]
    ways += [f"class='{name.upper()}'" for name in sorted(_HIDDEN_CLASSES)]
    ways += [f"class='{name}-x'" for name in sorted(_HIDDEN_CLASSES)]
    ways += [f"style='a:b;{name}: {value}'" for name, value in _HIDING_STYLES]
    ways += [f"style='{name.upper()}:{value.upper()} !important'" for name, value in _HIDING_STYLES]
    ways += [f"style='{name}:x{value}'" for name, value in _HIDING_STYLES]
    ways += [f"style='{name}:\u00a0{value}'" for name, value in _HIDING_STYLES]  # (not CSS whitespace)
    return "".join(f"<div {way}>d{i}</div><main {way}>m{i}</main>" for i, way in enumerate(ways))


# A page that exercises every branch of the walk: hidden elements (every way of hiding, on
# elements that hide and on one that never does), id tokens, semantic tags, links side by side
# and after a label, lists, tables, figures, quotes, headings, line breaks, a custom element,
# comments and whitespace.
_PROBE = (
    "<!DOCTYPE html><html><body><header class='site-header top'><nav id='menu'><ul>"
    "<li><a href='/a'>Satu</a></li><li><a href='https://x.example/b'>Dua</a></li></ul></nav></header>"
    "<main><article class='post'><h1 id='judul'>Judul <b>besar</b></h1>"
    "<p>Teks <a href='/c'>tautan</a> lagi.<br>Baris <i></i>dua.</p>"
    "<p class='hidden'>tersembunyi</p><p style='display: none'>juga</p><p hidden>tidak</p>"
    "<div aria-hidden='true'>bukan</div><div aria-hidden='false'>tampak</div>"
    + _hiding_markup()
    + "<p>Tags: <a href='/t1'>satu</a> <a href='/t2'>dua</a></p><a href='/x'>A</a><a href='/y'>B</a>"
    "<table><tr><td>sel</td></tr></table><figure><img src='i.jpg'><figcaption>Foto</figcaption></figure>"
    "<blockquote>kutipan</blockquote><my-widget class='w'>kustom</my-widget><!-- komentar -->"
    "<h2 class=''>Sub &amp; judul</h2><ol><li>butir</li></ol><script>var x;</script>\n \t"
    "<section id='related-posts'><span>terkait</span></section></article></main></body></html>"
)


class CompiledWalk(Protocol):
    def __call__(
        self, root_id: int, document_id: int, base_url: str | None, deadline: DeadlineLike | None
    ) -> list[Block]: ...


@cache
def compiled_walk() -> CompiledWalk | None:
    """The C walk (`warta.segment._domwalk.walk`), if it is built and agrees with `walk_python`.

    It is checked once, on `_PROBE`, before it is trusted; None (the Python walk) where
    `compiled_dom` is None or the two walks disagree.
    """
    dom = compiled_dom()
    if dom is None:
        return None
    tree = LexborHTMLParser(_PROBE)
    root = tree.body
    base = "https://situs.example/berita/"
    if root is None or dom.walk(root.mem_id, document_id(tree), base, None) != walk_python(
        root, base, None
    ):  # pragma: no cover (a selectolax whose lexbor behaves differently)
        set_aside("DOM walk", "the Python walk")
        return None
    walk: CompiledWalk = dom.walk
    return walk


def segment_html(
    html: str, deadline: DeadlineLike | None = None, base_url: str | None = None, utf8: bytes | None = None
) -> HtmlSegmentation:
    """Split an HTML document into blocks in reading order, and collect its metadata.

    `base_url` (the page URL) resolves relative links; a `<base href>` in the
    page takes precedence. `deadline.check` is called while walking, so a huge
    page stops at the per-page time limit instead of running on. `utf8`, where the
    caller has it, must be exactly `html`'s UTF-8 encoding: the parser reads it
    instead of encoding `html` again.
    """
    if not html or html.isspace():
        raise InputError("empty HTML: nothing to parse")
    # (Without the script and style contents nothing reads: see `warta.segment.rawtext`.)
    tree = LexborHTMLParser(parser_input(html, utf8, elision()))
    if deadline is not None:
        deadline.check("html parsing")
    metadata = html_metadata(tree, base_url)
    root = tree.body or tree.root
    if root is None:
        raise InputError("the HTML has no document element")
    # Without a page URL, the canonical link still says where the page lives.
    base = metadata.base_url or base_url or metadata.canonical_url
    blocks = _walked(tree, root, base, deadline)
    if _shows_little(blocks):
        blocks = (
            _revealed(tree, root, blocks, base, deadline)
            or _noscript_rendering(tree, blocks, base, deadline)
            or blocks
        )
    return HtmlSegmentation(blocks, metadata)


def _walked(
    tree: LexborHTMLParser, root: LexborNode, base: str | None, deadline: DeadlineLike | None
) -> list[Block]:
    walk = compiled_walk()
    if walk is None:
        return walk_python(root, base, deadline)
    return walk(root.mem_id, document_id(tree), base, deadline)


def _shows_little(blocks: list[Block]) -> bool:
    """Whether the blocks hold under `_APP_SHELL_MAX_CHARS` characters (read until they do)."""
    total = 0
    for block in blocks:
        total += len(block.text)
        if total >= _APP_SHELL_MAX_CHARS:
            return False
    return True


def _text_length(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


# A page whose visible text is shorter than this may be an app shell: the scripts draw the
# page, and a <noscript> holds the page for readers without them (Discourse forums print
# every post there).
_APP_SHELL_MAX_CHARS = 500
# A hidden element is shown, or the <noscript> rendering taken, when it has this much text
# and twice the shell's.
_FALLBACK_MIN_CHARS = 200
_MAX_HIDDEN_EXAMINED = 1000


def _hides(node: LexborNode) -> bool:
    """Whether the walk passes over `node` as hidden (`_element_hides`)."""
    return _element_hides(node.tag or "", node.attributes)


def _show(node: LexborNode) -> None:
    """Take away what hides `node` (its style says nothing else the walk reads)."""
    attrs = node.attrs
    for name in _HIDING_NAMES:
        if name in attrs:
            del attrs[name]
    classes = node.attributes.get("class")
    if classes is not None:
        attrs["class"] = " ".join(name for name in classes.split() if name.lower() not in _HIDDEN_CLASSES)


def _revealed(
    tree: LexborHTMLParser,
    root: LexborNode,
    shell: list[Block],
    base: str | None,
    deadline: DeadlineLike | None,
) -> list[Block] | None:
    """The page's blocks with its outermost hidden elements shown, where they hold the page: a
    React stream's `<div hidden id="S:0">` that a script moves into place, a wrapper kept at
    `visibility: hidden` until the scripts have run. None where no hidden element holds far more
    text than the page shows."""
    wanted = max(_FALLBACK_MIN_CHARS, 2 * _text_length(shell))
    shown: set[int] = set()
    for examined, node in enumerate(root.css("[hidden], [aria-hidden], [style], [class]")):
        if examined >= _MAX_HIDDEN_EXAMINED:
            break
        if deadline is not None and examined % _CHECK_EVERY == 0:
            deadline.check("html parsing")
        if not _hides(node) or _inside(node, shown):
            continue
        if len(node.text(deep=True, strip=True)) >= wanted:
            _show(node)
            shown.add(node.mem_id)
    if not shown:
        return None
    blocks = _walked(tree, root, base, deadline)
    return blocks if _text_length(blocks) >= wanted else None


def _inside(node: LexborNode, ancestors: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ancestors:
            return True
        parent = parent.parent
    return False


def _noscript_rendering(
    tree: LexborHTMLParser, shell: list[Block], base: str | None, deadline: DeadlineLike | None
) -> list[Block] | None:
    """The blocks of the page the <noscript> elements hold, where they hold far more text than
    the page around them; None where they do not. (Most <noscript>s hold a tracking pixel or
    "please enable JavaScript", and never reach the length asked.)"""
    inner = "".join(
        child.html or "" for node in tree.css("body noscript") for child in node.iter(include_text=True)
    )
    if len(inner) < _FALLBACK_MIN_CHARS:
        return None
    if deadline is not None:
        deadline.check("html parsing")
    rendering = LexborHTMLParser(f"<html><body>{inner}</body></html>")
    if rendering.body is None:
        return None
    blocks = _walked(rendering, rendering.body, base, deadline)
    length = _text_length(blocks)
    if length < _FALLBACK_MIN_CHARS or length < 2 * _text_length(shell):
        return None
    return blocks
