"""A table drawn with box-drawing characters (w3m, links, elinks, `tabulate`) → its rows as lines.

A text browser's dump draws a table's borders with Unicode box-drawing characters:

    ┌──────────┬─────────┐
    │Kecamatan │Harga    │
    ├──────────┼─────────┤
    │Lape      │5.600    │
    └──────────┴─────────┘

Read as it is, the border lines are lines of symbols among the article's lines and each row's
cells are glued to their rules. A line of box-drawing characters and spaces only is left out, and
a row's vertical rules become gaps between its cells (the cells keep their padding: the row is
laid out in columns, as inscriptis writes a table). A row is a line of its own, with a blank line
around it, so the readers that join wrapped lines (the Markdown reading) keep the rows apart.

`box_table_rows` is asked of every text page: a page with no horizontal rule character (`─`)
is left after one scan of its text.
"""

from __future__ import annotations

import re

_BORDER_LINE = re.compile(r"^[\u2500-\u257f\s]+$")
_VERTICAL = re.compile(r"[\u2502\u2503\u2551]")
_CELL_GAP = "  "


def _row(line: str) -> str:
    return _VERTICAL.sub(_CELL_GAP, line).strip()


def box_table_rows(text: str) -> str | None:
    """`text` with its box-drawn tables written as rows of cells two spaces apart, the border
    lines left out; None where it draws no table.

    >>> print(box_table_rows("Harga:\\n┌────┬────┐\\n│Lape│5.600│\\n├────┼────┤\\n│Moyo│5.300│\\n└────┴────┘\\nLalu."))
    Harga:
    <BLANKLINE>
    Lape  5.600
    <BLANKLINE>
    Moyo  5.300
    <BLANKLINE>
    Lalu.
    >>> box_table_rows("No table here.") is None
    True
    """
    if "\u2500" not in text:  # (a drawn table has a horizontal rule: one scan, in C)
        return None
    lines = text.split("\n")
    if not any(_BORDER_LINE.match(line) and line.strip() for line in lines):
        return None
    out: list[str] = []
    for line in lines:
        if line.strip() and _BORDER_LINE.match(line):
            continue
        if line.lstrip()[:1] in "\u2502\u2503\u2551" and line.strip():
            if out and out[-1]:
                out.append("")
            out.extend((_row(line), ""))
            continue
        if out and out[-1] == "" and not line.strip():
            continue
        out.append(line)
    return "\n".join(out)
