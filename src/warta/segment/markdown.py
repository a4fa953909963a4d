"""Markdown-flattened pages (html2text and its like) → the plain lines a naive flattener writes.

html2text writes a page as Markdown: links as `[text](https://…)`, images as `![alt](src)`,
bold as `**text**`, headings as `# Title`, and it wraps paragraphs at 78 columns, inside link
texts and addresses too. Read as lines, the addresses are text (a title `[Masuk](https://…)`,
tags `[banjir` / `bandang](https://…)`), so such a page is first written back as plain lines:

- a paragraph (the lines between blank lines) is joined into one line;
- a link is its text; a paragraph made of links alone (a menu, a tag row, a share bar:
  nothing but separators between them) becomes one line per link, as bs4 writes them;
- images, emphasis marks, heading marks and backslash escapes are left out.

List items (`  * …`, `  1. …`) stay one a line, with their marks, as inscriptis writes them.
A page is read as Markdown only where it holds several links written so (`_MIN_LINKS`).

Unlike text a naive flattener writes, Markdown says where a line links to: `plain_page` also
gives the spans of the plain lines that are one link (a menu entry, a read-also line, a list
item: `LineLink`), which the text path's blocks carry as their `href`, as the HTML path's do,
and the images the page shows. A Jina Reader page opens with a header (`Title:`, `URL Source:`,
`Published Time:`, then `Markdown Content:`): `jina_header` reads it apart from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from warta.meta.urls import join_url
from warta.model import Block, Label
from warta.segment import new_block

# A link's text may hold brackets of its own no more than one level deep; html2text breaks the
# address at its hyphens, so a link may run over lines: joined before this is matched, the
# address then holds a space.
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(((?:https?://|/|#)[^)]*)\)")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\(([^)]*)\)")
_LINK_START = re.compile(r"\]\((?:https?://|/)")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_HEADING = re.compile(r"^#{1,6}\s+")
# A rule ('---', '* * *') or the underline of the heading above it ('=====', Jina Reader's h1).
_RULE = re.compile(r"^\s*(?:=+|-{3,}|(?:[-*_]\s*){3,})\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_LIST_ITEM = re.compile(r"^\s*(?:[*+\-]|\d{1,3}\.)\s+")
# Every list mark opening a line: an item of a nested list whose outer items are empty ('  *   * [a](…)')
_LIST_MARKS = re.compile(r"^(?:\s*(?:[*+\-]|\d{1,3}\.)\s+)+")
_EMPHASIS_MARKS = "*_"  # around a link written bold or italic ('**[Title](address)**')
# What may stand between the links of a row of links alone: spaces and separators.
_SEPARATORS = re.compile(r"^[\s|>›»/·•,;:\-–—]*$")
_MIN_LINKS = 4
# A blank line (or one of spaces); a page of this many lines or more with none is no wrapped one.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MIN_UNPARTED_LINES = 8
# The most words a date or a count after a line's one link has (`_short_tail`).
_TAIL_WORDS = 5


def is_markdown(text: str) -> bool:
    """Whether `text` reads as Markdown written by a flattener: `_MIN_LINKS` or more links
    written `](address`.

    >>> is_markdown("[a](https://x.id/a) [b](https://x.id/b) [c](/c) and [d](/d)")
    True
    >>> is_markdown("See [1] (page 3).")
    False
    """
    if text.count("](") < _MIN_LINKS:  # (each link holds one: most pages hold none, counted in C)
        return False
    found = _LINK_START.finditer(text)  # (asked of every text page: stops at the one it needs)
    return sum(1 for _ in islice(found, _MIN_LINKS)) == _MIN_LINKS


def _paragraphs(lines: list[str], wrapped: bool = True) -> list[list[str]]:
    """The runs of non-blank lines, each list item starting a run of its own; a rule or a
    heading's underline ends a run and is left out. Where the page is not `wrapped` (it holds no
    blank line: trafilatura's txt output writes one line a block and no blank lines), each line
    is a run of its own.

    >>> _paragraphs(["Title", "A sentence.", "- [a](/a)", "Comment."], wrapped=False)
    [['Title'], ['A sentence.'], ['- [a](/a)'], ['Comment.']]
    """
    if not wrapped:
        return [[line] for line in lines if line.strip() and not _RULE.match(line)]
    runs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip() or _RULE.match(line):
            if current:
                runs.append(current)
            current = []
        elif _LIST_ITEM.match(line) or _HEADING.match(line):
            if current:
                runs.append(current)
            current = [line]
        else:
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _plain(text: str) -> str:
    """`text` without emphasis marks and backslash escapes."""
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return _ESCAPE.sub(r"\1", text)


def _address(raw: str) -> str:
    """A link's address as written between its parentheses: without a title (`url "Title"`) and
    without the spaces a wrap left in it."""
    raw = raw.strip()
    quoted = raw.find(' "')
    if quoted > 0:
        raw = raw[:quoted]
    return "".join(raw.split())


def _link_text(match: re.Match[str]) -> str:
    """A link's text without the images inside it (a card: `[![photo](src) Title](address)`)."""
    return _IMAGE.sub("", match.group(2)).strip()


def _link_row(line: str) -> list[tuple[str, str]] | None:
    """The (text, address) of the links of a line made of two or more links and separators
    alone, else None."""
    links: list[tuple[str, str]] = []
    last = 0
    for match in _LINK.finditer(line):
        if not _SEPARATORS.match(line[last : match.start()]):
            return None
        if not match.group(1) and _link_text(match):
            links.append((_link_text(match), _address(match.group(3))))
        last = match.end()
    if len(links) < 2 or not _SEPARATORS.match(line[last:]):
        return None
    return links


def _short_tail(text: str) -> bool:
    """Whether `text`, after a line's link, is nothing but separators, or a date or a count
    beside it ('12 Mei 2025', '· 3 jam lalu', '(14)'): a few words with a digit."""
    return bool(_SEPARATORS.match(text)) or (
        any(c.isdigit() for c in text) and len(text.split()) <= _TAIL_WORDS and "](" not in text
    )


def _one_link(line: str) -> str | None:
    """The address of a line that is one link: alone (after list marks, beside images, before a
    date: `_short_tail`, bold or italic), or after a label that ends in a colon ('Baca juga:
    [Title](address)'); or of a list item that opens with its link and runs on with words of
    their own, as a list of stories writes an entry's teaser or its writer after its title ('1.
    [Title](address) Tips to …', '* [Title](address) By [A](…)'); else None."""
    marks = _LIST_MARKS.match(line)
    line = _IMAGE.sub("", line[marks.end() :] if marks is not None else line)
    links = list(_LINK.finditer(line))
    if not links or not _link_text(links[0]):
        return None
    link = links[0]
    before = _plain(line[: link.start()]).strip().rstrip(_EMPHASIS_MARKS)
    if "](" in before or (before and not before.endswith(":")):
        return None
    after = line[link.end() :].lstrip(_EMPHASIS_MARKS)
    if len(links) == 1 and _short_tail(after):
        return _address(link.group(3))
    # (the text after it opens a sentence of its own: '[Market news](/m) and more words …' is one)
    opens = not after.lstrip()[:1].islower()
    return _address(link.group(3)) if marks is not None and not before and opens else None


def _join_run(run: list[str]) -> str:
    """A paragraph's lines as one line; a list item keeps its indent and mark."""
    first = run[0]
    indent = first[: len(first) - len(first.lstrip())]
    return indent + " ".join(line.strip() for line in run)


@dataclass(frozen=True, slots=True)
class LineLink:
    """A line of `PlainPage.text` that is one link: its span (`start` to `end`, the newline left
    out) and the address the link gives, as written (maybe relative)."""

    start: int
    end: int
    address: str


@dataclass(frozen=True, slots=True)
class PlainPage:
    """A Markdown page as plain lines (`text`), with the lines that are one link (`links`)."""

    text: str
    links: tuple[LineLink, ...] = ()
    # The images the page shows: (offset in `text` of the line they stand at or before, address).
    images: tuple[tuple[int, str], ...] = ()


def plain_page(text: str) -> PlainPage:
    """`text`, a Markdown-flattened page, as plain lines, a blank line between paragraphs, with
    the lines that are one link.

    >>> page = plain_page("Intro line.\\n\\n  * [Item](/i)\\n  * [Other](https://x.id/o)")
    >>> print(page.text, end="")
    Intro line.
    <BLANKLINE>
      * Item
      * Other
    >>> [(page.text[link.start : link.end], link.address) for link in page.links]
    [('  * Item', '/i'), ('  * Other', 'https://x.id/o')]
    """
    out: list[tuple[str, str | None]] = []
    images: list[tuple[int, str]] = []  # (index in `out` of the line they stand at, address)
    lines = text.splitlines()
    # A flattener that wraps paragraphs parts them by blank lines; one that writes no blank line
    # at all writes one line a block.
    runs = _paragraphs(
        lines, wrapped=len(lines) < _MIN_UNPARTED_LINES or _BLANK_LINE.search(text) is not None
    )
    for i, run in enumerate(runs):
        line = _HEADING.sub("", _join_run(run))
        images.extend(
            (len(out), _address(m.group(1)))
            for m in _IMAGE.finditer(line)
            if not m.group(1).startswith("data:")
        )
        row = _link_row(line.strip())
        label: str | None = None
        if row is None and ":" in line:
            # A label before a row of links ('Tag: [a](…) [b](…)'): the label, then the links.
            head, _, rest = line.partition(":")
            rest_row = _link_row(rest.strip())
            if rest_row is not None and "](" not in head:
                label, row = _plain(head.strip()) + ":", rest_row
        if row is not None:
            if label is not None:
                out.append((label, None))
            out.extend((_plain(link_text), address) for link_text, address in row)
        else:
            plain = _LINK.sub(lambda m: "" if m.group(1) else _link_text(m), line)
            plain = _plain(plain)
            if plain.strip():
                out.append((plain.rstrip(), _one_link(line)))
        if not (_LIST_ITEM.match(run[0]) and i + 1 < len(runs) and _LIST_ITEM.match(runs[i + 1][0])):
            out.append(("", None))  # (a list's items stay together, as html2text writes them)
    while out and not out[-1][0]:
        out.pop()
    links: list[LineLink] = []
    offsets: list[int] = []
    offset = 0
    for line, address in out:
        offsets.append(offset)
        if address is not None:
            links.append(LineLink(offset, offset + len(line), address))
        offset += len(line) + 1
    offsets.append(offset)
    shown = tuple((offsets[min(k, len(out))], address) for k, address in images)
    return PlainPage("\n".join(line for line, _ in out) + "\n", tuple(links), shown)


def plain_lines(text: str) -> str:
    """`text`, a Markdown-flattened page, as plain lines, a blank line between paragraphs
    (`plain_page`'s text).

    >>> print(plain_lines("# Big [news](https://x.id/n)\\n\\n**JAKARTA** – It\\nrained.\\n\\n"
    ...                   "Tag: [a](https://x.id/a) [b c](https://x.id/b)\\n\\n  * [Item](/i)"), end="")
    Big news
    <BLANKLINE>
    JAKARTA – It rained.
    <BLANKLINE>
    Tag:
    a
    b c
    <BLANKLINE>
      * Item
    """
    return plain_page(text).text


def linked_blocks(blocks: list[Block], links: tuple[LineLink, ...], base_url: str | None) -> list[Block]:
    """`blocks` (of `PlainPage.text`), each block that covers exactly a line that is one link
    carrying that link's address, made absolute against `base_url`, as its `structure.href`:
    the lists give their entries the addresses of their lines so, as on the HTML path.

    >>> from warta.segment.text import segment_text
    >>> page = plain_page("Intro line.\\n\\n  * [Item](/i)\\n  * [Other](https://x.id/o)")
    >>> [b.structure.href for b in linked_blocks(segment_text(page.text), page.links, "https://x.id/a")]
    [None, 'https://x.id/i', 'https://x.id/o']
    """
    if not links:
        return blocks
    ends = {link.start: (link.end, link.address) for link in links}
    out: list[Block] = []
    for block in blocks:
        end, address = ends.get(block.start, (-1, ""))
        # (a block ends with its line's newline; one cut from a long line ends before it)
        if block.end in (end, end + 1) and block.structure.href is None:
            structure = replace(block.structure, href=join_url(base_url, address))
            block = new_block(block.index, block.text, structure, block.start, block.end)
        out.append(block)
    return out


# The labels of the article's own blocks: an image from its title to its last one is the article's.
_ARTICLE_LABELS = frozenset(
    {Label.TITLE, Label.SUBTITLE, Label.BODY, Label.HEADING, Label.QUOTE, Label.CAPTION}
)


def article_images(
    blocks: list[Block], labels: list[str], images: tuple[tuple[int, str], ...], base_url: str | None
) -> list[dict[str, str]]:
    """The images of `images` (`PlainPage.images`) that stand in the article, from its title (or
    first body block) to its last body block, not in the menus, lists and footer around it: as
    `Article.images` entries, each address made absolute against `base_url`.

    >>> page = plain_page("![logo](/l.png)\\n\\n# Rain\\n\\n![photo](/p.jpg)\\n\\nIt rained.\\n\\n![ad](/a.gif)")
    >>> from warta.segment.text import segment_text
    >>> article_images(segment_text(page.text), ["title", "body"], page.images, "https://x.id/n")
    [{'url': 'https://x.id/p.jpg', 'source': 'markdown'}]
    """
    spans = [(b.start, b.end) for b, label in zip(blocks, labels, strict=False) if label in _ARTICLE_LABELS]
    if not images or not spans:
        return []
    first, last = spans[0][0], spans[-1][1]
    seen: dict[str, None] = {}
    for offset, address in images:
        if first <= offset < last:
            seen.setdefault(join_url(base_url, address))
    return [{"url": url, "source": "markdown"} for url in seen]


# The fields of a Jina Reader header (`r.jina.ai`), each on a line of its own above its text.
_JINA_FIELD = re.compile(r"^(Title|URL Source|Published Time|Description|Warning):\s*(.*?)\s*$")
_JINA_TEXT = "Markdown Content:"
_JINA_MAX_LINES = 12
# What a Jina Reader page's first line that is not blank opens with (a field or the text's mark,
# after the same white space `str.strip` takes off): a page opening otherwise is split into no lines.
_JINA_OPENING = re.compile(r"\s*(?:Title|URL Source|Published Time|Description|Warning|Markdown Content):")


@dataclass(frozen=True, slots=True)
class JinaHeader:
    """What a Jina Reader header says of its page: the page's title, address and publication time."""

    title: str | None = None
    url: str | None = None
    published: str | None = None


def jina_header(text: str) -> tuple[str, JinaHeader | None]:
    """(the text under its header, the header) of a page Jina Reader wrote; (`text`, None) for
    any other page.

    >>> text, header = jina_header("Title: Rain\\n\\nURL Source: https://x.id/a\\n\\nMarkdown Content:\\nIt rained.")
    >>> text, header.title, header.url, header.published
    ('It rained.', 'Rain', 'https://x.id/a', None)
    """
    if _JINA_OPENING.match(text) is None:
        return text, None
    fields: dict[str, str] = {}
    offset = 0
    for n, line in enumerate(text.splitlines(keepends=True)):
        stripped = line.strip()
        if n >= _JINA_MAX_LINES:
            return text, None
        if stripped == _JINA_TEXT:
            if "URL Source" not in fields:
                return text, None
            header = JinaHeader(
                fields.get("Title") or None,
                fields.get("URL Source") or None,
                fields.get("Published Time") or None,
            )
            return text[offset + len(line) :], header
        match = _JINA_FIELD.match(stripped)
        if stripped and match is None:
            return text, None
        if match is not None:
            fields[match.group(1)] = match.group(2)
        offset += len(line)
    return text, None
