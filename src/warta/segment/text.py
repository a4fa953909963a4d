"""Flattened page text → blocks.

Each non-empty line is a block: naive flatteners put every text node on its own
line (so lines, not paragraphs, are the unit that boilerplate comes in), and
layout-keeping flatteners put one paragraph per line with blank lines between.
Blank lines and bullet marks survive as structure features.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from itertools import compress, pairwise
from operator import attrgetter

from warta.assemble.body import is_heading_like  # (the body's own test of a subheading's shape)
from warta.compiled import probed, wanted
from warta.model import Block, BlockStructure
from warta.segment import MAX_BLOCKS, BlockDraft, drop_invisible, new_block

_LIST_NUMBER = r"\d{1,2}[.)]"  # "1." or "2)" before a list item
# An en or em dash opening a line that ends a sentence is a quotation dash, not a bullet
# ("– Vi förstår att det blir besvärligt, säger Maria Holmberg.": Scandinavian, Polish, Russian
# papers open a quote so; "SELONG, Warta Lotim" / "– Bendungan … kali.": a dateline's dash that
# bs4 put on the paragraph's line): the line keeps it and is no list item.
_BULLET = re.compile(rf"^\s*(?:[•●▪■◦‣∙·*\-►▶»]|[–—](?!\s.*[.!?…][\"”’»)]?\s*$)|{_LIST_NUMBER})\s+")
_BULLET_START = frozenset(" \t•●▪■◦‣∙·*-–—►▶»0123456789")
_WIDE_SPACES = ("\t", "\u00a0", "\u3000")  # turned into one space each, with the spaces beside them


def _single_spaces(line: str) -> str:
    """`line` with each run of spaces, tabs, no-break and ideographic spaces made one space.

    (What `re.sub(r"[ \t\u00a0\u3000]+", " ", line)` does, in a third less time: a line of
    layout-keeping text has runs of dozens of spaces, which each pass halves.)

    >>> _single_spaces("a \t b\u3000\u3000c   d")
    'a b c d'
    """
    for wide in _WIDE_SPACES:
        if wide in line:
            line = line.replace(wide, " ")
    while "  " in line:
        line = line.replace("  ", " ")
    return line


def _split_long(line: str, limit: int) -> list[str]:
    """Cut a line longer than `limit` at the last sentence end or space before the limit."""
    pieces: list[str] = []
    while len(line) > limit:
        window = line[:limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit - 1
        pieces.append(line[: cut + 1])
        line = line[cut + 1 :]
    pieces.append(line)
    return pieces


_LONE_URL = re.compile(r"\A\s*(https?://[^\s/]+\.[^\s]+)[ \t]*(?:\r?\n|\Z)")


def leading_url(text: str) -> tuple[str, str | None]:
    """A flattened page that opens with its own address, alone on the first line (a scraper
    writes where it fetched the page from first): (the text after that line, the URL); else
    (`text`, None). The address is no text of the page: read as a line, it is taken for the
    page's title and its first words for body.

    >>> leading_url("https://x.example/2025/04/28/a-b\\n\\nHeadline")
    ('\\nHeadline', 'https://x.example/2025/04/28/a-b')
    >>> leading_url("See https://x.example/a\\nHeadline")[1] is None
    True
    """
    match = _LONE_URL.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match.group(1)


_URL_IN_TEXT = re.compile(r"https?://[^\s/]+\.[^\s<>\"')\]]+")
_SLUG_SPLIT = re.compile(r"[-_+]+")
_WORD = re.compile(r"\w+")
_SLUG_MIN_WORDS = 3
_SLUG_SHARE = 0.8


def _slug_words(url: str) -> list[str]:
    """The words of a URL's last path segment ('…/2025/06/10/banjir-rob-rendam.html' -> banjir, rob,
    rendam), numbers left out."""
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    slug = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "/" in path[8:] else ""
    return [w for w in _SLUG_SPLIT.split(slug.lower()) if w and not w.isdigit()]


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)$", re.I)


def titled_url(texts: list[str], title: str | None) -> str | None:
    """The page's own address printed in its text ("Klik untuk baca: https://…/banjir-rob-rendam-…"
    under a syndicated story, a "Source:" line): the first URL whose last path segment spells the
    title's words (three or more, nearly all of them words of the title); None if no URL does.

    >>> titled_url(["Baca: https://x.example/2025/06/10/banjir-rob-di-gresik"], "Banjir Rob di Gresik")
    'https://x.example/2025/06/10/banjir-rob-di-gresik'
    >>> titled_url(["https://x.example/2025/06/10/harga-cabai-naik"], "Banjir Rob di Gresik") is None
    True
    >>> titled_url(["https://x.example/img/banjir-rob-di-gresik.jpg"], "Banjir Rob di Gresik") is None
    True
    """
    # Most pages print no address: one search of their lines joined (in C) tells, before the
    # loop over the lines ("\n" is no character of "://": no match spans two lines).
    if not title or "://" not in "\n".join(texts):
        return None
    words = set(_WORD.findall(title.lower()))
    for text in texts:
        if "://" not in text:
            continue
        for match in _URL_IN_TEXT.finditer(text):
            url = match.group(0).rstrip(".,;:")
            if _IMAGE_FILE.search(url.split("?", 1)[0]):
                continue  # the lead photo's file, named after the story: no page
            slug = _slug_words(url)
            if len(slug) >= _SLUG_MIN_WORDS and sum(w in words for w in slug) >= _SLUG_SHARE * len(slug):
                return url
    return None


# A page hard-wrapped by its scraper (`hard_wrap_width`): no line longer than this many
# characters, and at least `_MIN_FORCED_BREAKS` lines broken where the next word did not fit.
_MIN_WRAP_WIDTH = 50
_MAX_WRAP_WIDTH = 100
_MIN_FORCED_BREAKS = 4
# A wrapped line is this close to the width at least (a word of more characters is rare).
_WRAP_SLACK = 16
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")


def _forced_break(line: str, nxt: str, width: int) -> bool:
    """Whether `line` ends where a greedy wrap at `width` columns had to break it: the first
    word of `nxt` (the line under it, stripped) would not have fitted after it."""
    if not nxt or len(line) < width - _WRAP_SLACK or _BULLET.match(nxt):
        return False
    return len(line) + 1 + len(nxt.split(maxsplit=1)[0]) > width


def hard_wrap_width(lines: list[str]) -> int | None:
    """The column a scraper hard-wrapped this page's paragraphs at, where it did: no line is
    longer than `_MAX_WRAP_WIDTH` (a page of unwrapped paragraphs has longer lines) and at
    least `_MIN_FORCED_BREAKS` lines end where the next word would not have fitted, most of
    them in the middle of a sentence. `lines`: the page's lines, stripped. None on a page
    that is not so wrapped.
    """
    width = max(map(len, lines), default=0)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    forced = [line for line, nxt in pairwise(lines) if _forced_break(line, nxt, width)]
    # A wrap breaks sentences: lines that each end one (a list of one-sentence lines as long as
    # each other) are no wrapped paragraphs.
    mid_sentence = sum(not line.endswith(_SENTENCE_END) for line in forced)
    return width if mid_sentence >= _MIN_FORCED_BREAKS and 2 * mid_sentence > len(forced) else None


def unwrap_runs(lines: list[str], width: int) -> list[int]:
    """For each line of a page hard-wrapped at `width` (`lines` stripped), how many lines after
    it continue its paragraph (0 for a line that is continued or stands alone): a run of lines
    each broken where the next word did not fit, whose last line ends a sentence. A headline
    that happens to be as long, over a byline, ends no sentence with the byline and is kept.

    >>> unwrap_runs(["Aaa bbb ccc", "ddd eee.", "", "Aaa bbb ccc", "Budi"], 11)
    [1, 0, 0, 0, 0]
    """
    counts = [0] * len(lines)
    k = 0
    while k < len(lines):
        end = k
        while end + 1 < len(lines) and _forced_break(lines[end], lines[end + 1], width):
            end += 1
        if end > k and lines[end].endswith(_SENTENCE_END):
            counts[k] = end - k
        k = end + 1
    return counts


def segment_text(text: str, max_line_chars: int = 20_000, max_blocks: int = MAX_BLOCKS) -> list[Block]:
    """Split flattened page text into blocks in reading order; at most `max_blocks` of them.

    >>> [b.text for b in segment_text("Title\\n\\n• item one\\nBody text.")]
    ['Title', 'item one', 'Body text.']
    """
    blocks: list[Block] | None = None
    if max(map(len, text.splitlines()), default=0) <= _MAX_WRAP_WIDTH:  # (rare: a short or a wrapped page)
        raws = text.splitlines(keepends=True)
        runs = _wrapped_runs(raws)
        if runs is not None:
            blocks = _segment_lines(raws, max_line_chars, max_blocks, runs)
    if blocks is None:
        blocks = _segmenter()(text, max_line_chars, max_blocks)
    if holds_laid_out_row(text):  # (most pages hold no table laid out in columns)
        mark_table_rows(text, blocks)
    keep_heading_numbers(text, blocks)
    return blocks


# A table a flattener laid out in columns (inscriptis): the columns of a row stand two spaces or a
# tab apart, and the segmenter's single spacing would make its header row a short title-like line.
_COLUMN_GAP = r"(?: {2,}|\t)"
_LAID_OUT_ROW = re.compile(rf"\S{_COLUMN_GAP}[^\n]*?\S{_COLUMN_GAP}\S")
_TABLE_MIN_ROWS = 2


def holds_laid_out_row(text: str) -> bool:
    """`_LAID_OUT_ROW.search(text) is not None`, cheaper: a row lies on one line (no part of the
    pattern matches a line break), and its first column ends where two spaces or a tab open, so
    only the lines that hold one are searched, each on its own, and a text without one (most)
    holds none (`str.find` scans in C, where the regex, opening with a class, tries every
    position, and on from the first gap reads every line after it)."""
    at = _next_gap(text, 0)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        if _LAID_OUT_ROW.search(text, start, end) is not None:
            return True
        at = _next_gap(text, end)
    return False


def _next_gap(text: str, start: int) -> int:
    """Where the first two spaces or tab at or after `start` are in `text`; -1 where none is."""
    spaces, tab = text.find("  ", start), text.find("\t", start)
    return spaces if tab < 0 or 0 <= spaces < tab else tab


def mark_table_rows(text: str, blocks: list[Block]) -> None:
    """Mark `blocks` (of `text`) that are rows of a table laid out in columns: `in_table`, in runs
    of `_TABLE_MIN_ROWS` lines or more that each hold three columns or more."""
    rows = [
        k
        for k, block in enumerate(blocks)
        # (a line that lost no spaces to the segmenter holds no gap between columns)
        if block.end - block.start - len(block.text) >= 4
        and _LAID_OUT_ROW.search(text, block.start, block.end) is not None
    ]
    run: list[int] = []
    for k in [*rows, -2]:
        if run and k != run[-1] + 1:
            if len(run) >= _TABLE_MIN_ROWS:
                for j in run:
                    block = blocks[j]
                    structure = replace(block.structure, in_table=True)
                    blocks[j] = new_block(block.index, block.text, structure, block.start, block.end)
            run = []
        run.append(k)


_BULLETED = attrgetter("structure.bullet")
_NUMBER = re.compile(rf"[ \t]*({_LIST_NUMBER})[ \t]+")
_PARAGRAPH_FACTOR = 2  # the paragraph under a subheading has twice its words, at least


def keep_heading_numbers(text: str, blocks: list[Block]) -> None:
    """Give a numbered subheading of `blocks` (of `text`) its number back: a numbered line the
    segmenter read as a list bullet ("1. Keringkan bodi setelah menerobos hujan"), set apart by
    blank lines, shaped like a subheading (its words, not a number or a date, first) and over a
    paragraph (a sentence twice its length or more, no list item). Its
    number is part of what it says (the listicle's "5 tips" are counted by it); the items of a
    numbered list (none set apart, or over no paragraph: a teaser, a date) keep theirs off."""
    # The bulleted lines, found in C (most pages hold none): a number given back keeps a line's
    # structure, so the flags read first are those the loop would read.
    for k in compress(range(len(blocks) - 1), map(_BULLETED, blocks)):
        block = blocks[k]
        structure = block.structure
        if not (structure.blank_before and structure.blank_after):
            continue  # (most bulleted lines: a list's items, none set apart)
        below = blocks[k + 1]
        if (
            below.structure.bullet
            or not below.text.endswith(_SENTENCE_END)
            or len(below.text.split()) < _PARAGRAPH_FACTOR * len(block.text.split())
        ):
            continue
        number = _NUMBER.match(text, block.start, block.end)
        if number is None or block.text[0].isdigit() or not is_heading_like(block.text):
            continue
        numbered = f"{number.group(1)} {block.text}"
        blocks[k] = new_block(block.index, numbered, structure, block.start, block.end)


def segment_text_python(text: str, max_line_chars: int = 20_000, max_blocks: int = MAX_BLOCKS) -> list[Block]:
    """`segment_text`'s reference on a page that is not hard-wrapped (`warta.segment._textlines`
    is the same loop in C)."""
    return _segment_lines(text.splitlines(keepends=True), max_line_chars, max_blocks, None)


def _segment_lines(
    raws: list[str], max_line_chars: int, max_blocks: int, runs: list[int] | None
) -> list[Block]:
    """The blocks of a page's lines `raws` (line ends kept); `runs`: `unwrap_runs` of a
    hard-wrapped page, whose wrapped lines are joined back into their paragraphs."""
    blocks: list[Block] = []
    blank_pending = False
    offset = 0
    skip = 0
    for k, raw in enumerate(raws):
        if skip:  # a line a hard-wrapped paragraph's first line took in
            skip -= 1
            offset += len(raw)
            continue
        start = offset
        offset += len(raw)
        line = raw.rstrip("\r\n")
        if runs is not None and runs[k]:
            skip = runs[k]
            line = " ".join(r.strip() for r in raws[k : k + skip + 1])
        bullet_match = _BULLET.match(line) if line[:1] in _BULLET_START else None
        content = line[bullet_match.end() :] if bullet_match else line
        if not content.isascii():
            content = _single_spaces(drop_invisible(content))
        elif "  " in content or "\t" in content:
            content = _single_spaces(content)
        content = content.strip()
        if not content:
            blank_pending = True
            if blocks and not blocks[-1].structure.blank_after:
                last = blocks[-1]
                blocks[-1] = new_block(
                    last.index, last.text, _with_blank_after(last.structure), last.start, last.end
                )
            continue
        # (Lists indexed by the bools, not the dict by a tuple of them: this runs for every line.)
        bullet = bullet_match is not None
        structure = _OPEN_STRUCTURES[blank_pending or not blocks][bullet]
        pieces = _split_long(content, max_line_chars) if len(content) > max_line_chars else (content,)
        for piece in pieces:
            block = BlockDraft()  # (`new_block`, written out: this runs for every line)
            block.index = len(blocks)
            block.text = piece.strip()
            block.structure = structure
            block.start = start
            block.end = offset
            block.__class__ = Block  # type: ignore[assignment]
            blocks.append(block)  # type: ignore[arg-type]
            structure = _OPEN_STRUCTURES[False][bullet]
        blank_pending = False
        if len(blocks) >= max_blocks:
            # 100,000 lines took 10 s past segmentation, beyond what the time limit can cut short.
            return blocks[:max_blocks]
    return blocks


def _wrapped_runs(raws: list[str]) -> list[int] | None:
    """`unwrap_runs` of a hard-wrapped page's lines `raws` (line ends kept, none longer than a
    wrap); None for any other page."""
    lines = [raw.strip() for raw in raws]
    width = hard_wrap_width(lines)
    return None if width is None else unwrap_runs(lines, width)


# The few structures a line can have (blank line before, after, bullet), shared by all blocks.
_STRUCTURES = {
    (before, after, bullet): BlockStructure(blank_before=before, blank_after=after, bullet=bullet)
    for before in (False, True)
    for after in (False, True)
    for bullet in (False, True)
}

# The structures of a line without a blank line after it yet: [blank before][bullet].
_OPEN_STRUCTURES = [
    [_STRUCTURES[before, False, bullet] for bullet in (False, True)] for before in (False, True)
]


def _with_blank_after(s: BlockStructure) -> BlockStructure:
    return _STRUCTURES[s.blank_before, True, s.bullet]


# Texts on which the compiled segmentation must give the reference's blocks: each str width,
# every line break `str.splitlines` knows (\r\n, \v, \x1c, \x85, \u2028 ...), bullets (ASCII,
# wide, numbered, not quite), runs of spaces, tabs, no-break, ideographic and invisible
# characters, whitespace-only lines, a line past the length limit, and the block limit.
_PROBES: tuple[tuple[str, int, int], ...] = (
    ("", 20_000, MAX_BLOCKS),
    ("Judul\n\n• satu\n  - dua  \n12) tiga\n123. empat\n-5 derajat\n•tanpa\r\nakhir\r", 20_000, MAX_BLOCKS),
    (
        "a\tb\u00a0c\u3000d  e\u00adf\u200bg\u2060h\n \t\u00a0\n\n\x0bi\x0cj\x1ck\x85l\u2028m\u2029n\x1d\x1eo",
        20_000,
        MAX_BLOCKS,
    ),
    ("Мост  🌉 \u2003x\n\n▶ 𝟙 два\n· три\u00a0\nend\n", 20_000, MAX_BLOCKS),
    ("word " * 40 + "\n\nSentence one. Sentence two! " * 9 + "\nlast", 60, MAX_BLOCKS),
    ("a\nb\n\nc\nd\ne", 20_000, 3),
    ("• \n1.\x0b\n\r\n\r\r\n  \n", 20_000, MAX_BLOCKS),
)


@cache
def _segmenter() -> Callable[[str, int, int], list[Block]]:
    """`warta.segment._textlines.segment_text` where it is built and gives `segment_text_python`'s
    blocks on `_PROBES`; `segment_text_python` otherwise, or with WARTA_PURE_PYTHON."""
    if not wanted():
        return segment_text_python
    try:
        from warta.segment._textlines import segment_text as compiled
    except ImportError:
        return segment_text_python
    chosen: Callable[[str, int, int], list[Block]] = probed(
        "text segmentation", segment_text_python, compiled, _PROBES
    )
    return chosen
