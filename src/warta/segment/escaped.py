"""A page's text as a scraper's export cell stores it → the page's lines.

A scraper that writes its pages to JSON Lines or CSV keeps each page's text in one cell. Copied
out of the file, the cell is one line: its line breaks are the two characters `\\n` (JSON's
string escapes, with `\\u2013`, `\\"` and the rest), or, where the exporter collapsed the lines,
` | ` between them. Read as it is, the page is one paragraph with no structure. A text that is
one line (at most `_MAX_LINES` real line breaks) and holds at least `_MIN_BREAKS` such breaks
is written back as the lines it spells.

`unescaped` is asked of every text page: on a page with more than `_MAX_LINES` line breaks it
stops after finding them (`str.count` stops at nothing, so a bounded `find` loop is used).
"""

from __future__ import annotations

import re

_MAX_LINES = 2
_MIN_BREAKS = 5
_ESCAPED_BREAK = "\\n"
_COLLAPSED_BREAK = " | "
# JSON's string escapes; a `\\u` pair of surrogates (an emoji) is joined after the pass.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([nrtbf\"\\/]))")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "/": "/"}
_SURROGATES = re.compile("[\ud800-\udfff]")


def _one_line(text: str) -> bool:
    """Whether `text` has at most `_MAX_LINES` real line breaks (read no further than that)."""
    at = -1
    for _ in range(_MAX_LINES + 1):
        at = text.find("\n", at + 1)
        if at < 0:
            return True
    return False


def _decoded(match: re.Match[str]) -> str:
    code = match.group(1)
    return chr(int(code, 16)) if code is not None else _SIMPLE[match.group(2)]


def _joined_surrogates(text: str) -> str:
    if _SURROGATES.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def unescaped(text: str) -> str | None:
    """`text` as the lines it spells, where it is one line holding its line breaks as JSON's
    `\\n` escapes (its other escapes decoded too) or as ` | ` separators; else None.

    >>> print(unescaped("Banjir di Demak\\\\nOleh: Budi\\\\n\\\\u201cAir naik,\\\\u201d katanya.\\\\nA\\\\nB\\\\nC"))
    Banjir di Demak
    Oleh: Budi
    “Air naik,” katanya.
    A
    B
    C
    >>> unescaped("A line of prose.\\nAnother line.\\nA third.\\nAnd \\\\n in code.") is None
    True
    """
    if not _one_line(text):
        return None
    stripped = text.strip()
    if stripped.count(_ESCAPED_BREAK) >= _MIN_BREAKS:
        return _joined_surrogates(_ESCAPE.sub(_decoded, stripped))
    if stripped.count(_COLLAPSED_BREAK) >= _MIN_BREAKS:
        return stripped.replace(_COLLAPSED_BREAK, "\n")
    return None
