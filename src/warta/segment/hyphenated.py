"""A printed text read line by line (OCR of a clipping, `pdftotext` without `-layout`) → its words whole.

A scanned newspaper column read by OCR, or a PDF's text taken out line by line, keeps the
printed lines: a narrow column breaks a word in two every few lines, with a hyphen at the line's
end (`Ratusan nelayan di sepanjang alur Su-` / `ngai Barito …`). Joined into paragraphs as they
are, the pieces stay apart (`Su- ngai`), and no search finds the word.

A page with `_MIN_BREAKS` such breaks at least (a line of a column's length ending in letters and
a hyphen, the next, not much longer, opening with a lower-case letter) is a printed page: each
word broken so (a short line's too: OCR cuts a column's runs) is joined again on the first line,
the rest of the next line left where it is: without its hyphen (`Su-` / `ngai` → `Sungai`), or
with it where the hyphen is the word's own, as `segment.pdflayout` joins `-layout` lines (a
doubled word, Indonesian `masing-` / `masing`; a capitalised half, `Jawa-` / `Bali`, is no break
here). A short label ending in a dash over a long line ('Body aches-' / 'try some gentle yoga
…', bs4's `<b>` and the text after it) does not count.

`hyphen_broken_lines` is asked of every text page: one with fewer than `_MIN_BREAKS` hyphens at a
line's end (`str.count`, in C) is left at once.
"""

from __future__ import annotations

import re

_MIN_BREAKS = 5
# A printed line broken in a word holds this many characters at least, and the next line is no
# longer than it by more than this many: a column's lines are about as long as each other.
_MIN_LINE_CHARS = 20
_LINE_SLACK = 15
# A word broken at a line's end: its first half (letters) and hyphen, the line break, the next
# line's first word (opening with a lower-case letter).
_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_A-Z][^\s]*)[ \t]*(\n?)")


_WORD_END = re.compile(r"[^\W\d_]\Z")


def _printed_breaks(text: str) -> int:
    """How many of `text`'s words a printed line broke (`_MIN_BREAKS` at most: it stops there): a
    line ending in a letter and a hyphen, the next opening in lower case, both lines as long as
    a column's (a short line ending in a dash over a long one is a flattened label and its text:
    'Body aches-' / 'try some gentle yoga …'). Read where `-` and a line break stand together
    only (`str.find`)."""
    found = 0
    at = text.find("-\n")
    while at >= 0 and found < _MIN_BREAKS:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at + 2)
        following = text[at + 2 : len(text) if end < 0 else end]
        broken = at + 1 - start
        if (
            broken >= _MIN_LINE_CHARS
            and following[:1].islower()
            and len(following) <= broken + _LINE_SLACK
            and _WORD_END.search(text, start, at) is not None
        ):
            found += 1
        at = text.find("-\n", at + 2)
    return found


def _rejoined(match: re.Match[str]) -> str:
    if not match.group(2)[:1].islower():
        return match.group(0)
    left, right = match.group(1), match.group(2)
    glue = "-" if right.lower().startswith(left.lower()) else ""
    # The rest of the next line stays on a line of its own; a line the word was all of is gone.
    return f"{left}{glue}{right}\n"


def hyphen_broken_lines(text: str) -> str | None:
    """`text` with its words broken at a line's end by a hyphen joined again, where it holds
    `_MIN_BREAKS` such breaks at least; else None.

    >>> print(hyphen_broken_lines(
    ...     "Ratusan nelayan di sepanjang Su-\\nngai Barito mengeluhkan pa-\\ndatnya tongkang yang masing-\\n"
    ...     "masing melintas siang dan ma-\\nlam di alur sungai yang sem-\\npit dan makin dangkal itu."))
    Ratusan nelayan di sepanjang Sungai
    Barito mengeluhkan padatnya
    tongkang yang masing-masing
    melintas siang dan malam
    di alur sungai yang sempit
    dan makin dangkal itu.
    >>> hyphen_broken_lines("Body aches-\\ntry some gentle yoga or sit in a chair\\n" * 6) is None
    True
    """
    if text.count("-\n") < _MIN_BREAKS:
        return None
    if _printed_breaks(text) < _MIN_BREAKS:
        return None
    return _BREAK.sub(_rejoined, text)
