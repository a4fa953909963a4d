"""A printed text read line by line (OCR of a clipping, `pdftotext` without `-layout`) → its words whole.

A scanned newspaper column read by OCR, or a PDF's text taken out line by line, keeps the
printed lines: a narrow column breaks a word in two every few lines, with a hyphen at the line's
end (`Ratusan nelayan di sepanjang alur Su-` / `ngai Barito …`). Joined into paragraphs as they
are, the pieces stay apart (`Su- ngai`), and no search finds the word.

A page with `_MIN_BREAKS` such breaks at least (a line ending in letters and a hyphen, the next
opening with a lower-case letter) has each broken word joined again on the first line, the rest
of the next line left where it is: without its hyphen (`Su-` / `ngai` → `Sungai`), or with it
where the hyphen is the word's own, as `segment.pdflayout` joins `-layout` lines (a doubled
word, Indonesian `masing-` / `masing`; a capitalised half, `Jawa-` / `Bali`, is no break here).

`hyphen_broken_lines` is asked of every text page: one with fewer than `_MIN_BREAKS` hyphens at a
line's end (`str.count`, in C) is left at once.
"""

from __future__ import annotations

import re

_MIN_BREAKS = 5
# A word broken at a line's end: its first half (letters) and hyphen, the line break, the next
# line's first word (opening with a lower-case letter).
_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_A-Z][^\s]*)[ \t]*(\n?)")


def _rejoined(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    if not right[:1].islower():
        return match.group(0)
    glue = "-" if right.lower().startswith(left.lower()) else ""
    # The rest of the next line stays on a line of its own; a line the word was all of is gone.
    return f"{left}{glue}{right}\n"


def hyphen_broken_lines(text: str) -> str | None:
    """`text` with its words broken at a line's end by a hyphen joined again, where it holds
    `_MIN_BREAKS` such breaks at least; else None.

    >>> print(hyphen_broken_lines("Ratusan ne-\\nlayan di alur Su-\\nngai Barito meng-\\n"
    ...                           "eluhkan masing-\\nmasing pa-\\ndatnya tong-\\nkang."))
    Ratusan nelayan
    di alur Sungai
    Barito mengeluhkan
    masing-masing
    padatnya
    tongkang.
    <BLANKLINE>
    >>> hyphen_broken_lines("A well-\\nknown page.") is None
    True
    """
    if text.count("-\n") < _MIN_BREAKS:
        return None
    breaks = [m for m in _BREAK.finditer(text) if m.group(2)[:1].islower()]
    if len(breaks) < _MIN_BREAKS:
        return None
    return _BREAK.sub(_rejoined, text)
