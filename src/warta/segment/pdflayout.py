"""A PDF's text as `pdftotext -layout` writes it (an e-paper's article) → paragraphs.

`pdftotext -layout` keeps a printed page's layout: each printed line is a line, a paragraph is
told by its first line's indent only, words broken at a line's end keep their hyphen
(`kilo-` / `meter`), every page opens with the paper's running head (`HARIAN MAHAKAM  METROPOLIS
RABU, 14 MEI 2025`) and closes with its footer and page number, the pages are apart by a form
feed, an article jumps from one page to another (`Bersambung ke hal. 7` … `Sambungan dari hal. 5`),
and a box beside the column (an ad) stands far to the right. Read as it is, every printed line is
a paragraph of its own.

A text with a form feed (what `pdftotext` writes after each page) is read page by page:

- a page's first or last line found again first or last on another page (its words, numbers
  aside) is a running head or footer: left out, but for its first time on top of a page (the
  head's date dates the article); a first or last line that is a page number, or ends in one
  after a gap, is left out;
- a page's first or last line of a few words ending in a page number (`Bersambung ke hal. 7`,
  `Continued on A6`) is a jump line: left out, and with a page's first the jump head under it
  (the story's headline repeated short, `Warga Bantaran Diminta Pindah`: no subheading);
- a line indented a little (`_MAX_INDENT`) opens a paragraph, the lines flush left under it go
  on with it, a word broken by a hyphen at a line's end joined again (a doubled word, Indonesian
  `masing-` / `masing`, keeps its hyphen); a flush-left line ending in a comma goes on on the
  next (a headline of two lines);
- lines indented far (`_MIN_BOX_INDENT`) starting together are a box beside the column (an ad,
  a pull quote): left out; such a line alone (a right-aligned line) and any other line stand
  alone, split where a wide gap parts it (the running head's name, section and date).

Paragraphs and lines are then written apart by blank lines, for the ordinary text reading.
"""

from __future__ import annotations

import re
from collections import Counter

_FORM_FEED = "\f"
_MAX_INDENT = 8
_MIN_BOX_INDENT = 16
_BOX_ALIGN = 2  # the lines of a box beside the column start this close to each other
_JUMP_MAX_WORDS = 6
_JUMP_HEAD_MAX_WORDS = 10
_SENTENCE_END = (".", "!", "?", "”", '"', ":")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$|\S\s{3,}\d{1,4}\s*$|^\s*\d{1,4}\s{3,}\S")
_PAGE_REFERENCE = re.compile(r"^[A-Z]?\d{1,3}$")
_BROKEN_WORD = re.compile(r"(\w+)-$")
_GAP = re.compile(r"\s{3,}")


def _signature(line: str) -> tuple[str, ...]:
    """A running line's words, numbers aside, in any order (a head's parts swap sides on
    facing pages)."""
    return tuple(sorted(word for word in line.lower().split() if not word.isdigit()))


def _edges(lines: list[str]) -> tuple[int, int] | None:
    filled = [k for k, line in enumerate(lines) if line.strip()]
    return (filled[0], filled[-1]) if filled else None


def _is_jump_line(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= _JUMP_MAX_WORDS and _PAGE_REFERENCE.match(words[-1]) is not None


def _is_jump_head(line: str) -> bool:
    """The headline a continued story repeats under its jump line, shortened: flush left (no
    paragraph's indent), a few words, no sentence's end."""
    words = line.split()
    return (
        line[:1] != " "
        and 0 < len(words) <= _JUMP_HEAD_MAX_WORDS
        and not line.rstrip().endswith(_SENTENCE_END)
    )


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    edges = [_edges(lines) for lines in pages]
    signatures = Counter(
        _signature(pages[p][k]) for p, edge in enumerate(edges) if edge is not None for k in set(edge)
    )
    seen: set[tuple[str, ...]] = set()
    kept: list[list[str]] = []
    for lines, edge in zip(pages, edges, strict=True):
        lines = list(lines)
        if edge is not None:
            for k in sorted(set(edge), reverse=True):
                signature = _signature(lines[k])
                running = signatures[signature] > 1
                if _PAGE_NUMBER.search(lines[k]) or (running and (signature in seen or k != edge[0])):
                    lines[k] = ""
                seen.add(signature)
        inner = _edges(lines)
        if inner is not None:
            first, last = inner
            if _is_jump_line(lines[last]):
                lines[last] = ""
            if first != last and _is_jump_line(lines[first]):
                lines[first] = ""
                head = _edges(lines)
                if head is not None and _is_jump_head(lines[head[0]]):
                    lines[head[0]] = ""
        kept.append(lines)
    return kept


def _joined(left: str, right: str) -> str:
    """`left`, a printed line, and `right`, the next: a word broken at the line's end joined
    without its hyphen (`kilo-` / `meter`), a hyphen that is the word's own kept (a doubled word,
    `masing-` / `masing`; a capitalised half, `Jawa-` / `Bali`)."""
    broken = _BROKEN_WORD.search(left)
    if broken is None:
        return f"{left} {right}"
    first = right.split(maxsplit=1)[0]
    if right[:1].islower() and not first.startswith(broken.group(1).lower()):
        return left[:-1] + right
    return left + right


def _paragraphs(lines: list[str]) -> list[str]:
    units: list[str] = []
    open_paragraph = False  # whether the last unit is a paragraph opened by an indent
    open_line = False  # whether the last unit is a flush-left line that goes on (ends in a comma)
    box_indent = -1  # the indent of the far line that is the last unit, if it is one
    box_lines = 0  # how many lines that far unit holds
    for line in lines:
        text = line.strip()
        if not text:
            open_paragraph = open_line = False
            box_indent = -1
            continue
        indent = len(line) - len(line.lstrip())
        if indent >= _MIN_BOX_INDENT:
            if abs(indent - box_indent) <= _BOX_ALIGN:
                box_lines += 1
                if box_lines == 2:
                    units.pop()  # a box beside the column (an ad, a pull quote): not the column's
            else:
                units.extend(_GAP.split(text))
                box_indent, box_lines = indent, 1
            open_paragraph = open_line = False
            continue
        box_indent = -1
        if indent:
            units.append(text)
            open_paragraph, open_line = indent <= _MAX_INDENT, False
        elif open_paragraph or open_line:
            units[-1] = _joined(units[-1], text)
            open_line = open_line and text.endswith(",")
        else:
            parts = _GAP.split(text)
            units.extend(parts)
            open_line = len(parts) == 1 and text.endswith(",")
    return units


def pdf_layout_text(text: str) -> str | None:
    """`text`, a PDF's text as `pdftotext -layout` writes it (told by its form feeds), as its
    paragraphs and lines apart by blank lines, running heads, footers and jump lines left out;
    None for any other text.

    >>> page = ("KORAN KITA   SENIN, 5 MEI 2025\\n\\n   JAKARTA – Harga be-\\nras naik lagi.\\n"
    ...         "   Pedagang mengeluh.\\n      Bersambung ke hal. 7\\n\\nkorankita.id   3\\n\\f")
    >>> print(pdf_layout_text(page + page.replace("3\\n", "7\\n")))
    KORAN KITA
    <BLANKLINE>
    SENIN, 5 MEI 2025
    <BLANKLINE>
    JAKARTA – Harga beras naik lagi.
    <BLANKLINE>
    Pedagang mengeluh.
    <BLANKLINE>
    JAKARTA – Harga beras naik lagi.
    <BLANKLINE>
    Pedagang mengeluh.
    >>> pdf_layout_text("An ordinary page.") is None
    True
    """
    if _FORM_FEED not in text:
        return None
    pages = [page.split("\n") for page in text.split(_FORM_FEED)]
    units = [unit for lines in _without_running_lines(pages) for unit in _paragraphs(lines)]
    return "\n\n".join(units)
