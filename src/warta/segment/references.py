"""Numbered link references → inline Markdown links, for the Markdown reading of a page.

Two flatteners write a link's address apart from its text, in a numbered list at the page's end:

- html2text with `inline_links = False`: `[text][3]` in the text, `   [3]: https://…` at the end;
- `lynx -dump` (and `w3m -dump` with its link numbers): `[3]text` in the text, and at the end
  `References`, then `   3. https://…` (lynx may head them `Visible links:` / `Hidden links:`);
  w3m heads its list `References:` and writes `[3] https://…`.

Such a page is written back with its links inline, `[text](https://…)`, so the Markdown reading
(`warta.segment.markdown`) takes it as it takes html2text's inline links: list entries keep their
addresses, link rows split into one line per link. lynx marks where a link starts but not where
it ends: its text runs to the next link, to a ` | ` separator or to the line's end; a link that
opens a paragraph alone runs to the paragraph's end (lynx wraps a long link's text). A number
with no text after it (an image) is left out.

Both lists stand at the page's end, so a page whose last line is not such a definition is left
alone after reading that one line (`inline_references` is asked of every text page).

An image stands in such a dump as its name in brackets, alone on its line (`[logo]`, w3m's
`[panen-moyo]`, lynx's `[IMG]`), after its link number where it is a link (`[4][logo]`): such a
line is left out.
"""

from __future__ import annotations

import re

_HTML2TEXT_DEFINITION = re.compile(r"^\s*\[(\d+)\]:\s*(\S+)\s*$")
_LYNX_DEFINITION = re.compile(r"^\s*(\d+)\.\s+((?:https?|ftp|file)://\S+)\s*$")
_W3M_DEFINITION = re.compile(r"^\s*\[(\d+)\]\s+((?:https?|ftp|file)://\S+)\s*$")
# The heads lynx and w3m write over their lists (`References`, `Visible links:`, `Hidden links:`).
_LYNX_HEADS = frozenset({"references", "references:", "visible links:", "hidden links:"})
# A line that is an image's name in brackets, after its link number or not (`[4][logo]`).
_IMAGE_LINE = re.compile(r"^\s*(?:\[\d+\])?\[[^\[\]\s]+\]\s*$")
_REFERENCE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[(\d+)\]")
_LYNX_MARK = re.compile(r"\[(\d+)\]")
_LIST_MARK = re.compile(r"^\s*(?:[*+\-•]|\d{1,3}\.)?\s*")
_ITEM_START = re.compile(r"^\s*(?:[*+\-•]|\d{1,3}\.)\s")  # a list item's mark, then a space
_SEPARATOR = " | "


_TAIL_CHARS = 2000


def _last_line(text: str) -> str:
    """The page's last non-blank line (read from its tail only: asked of every text page)."""
    stripped = text[-_TAIL_CHARS:].rstrip()
    return stripped[stripped.rfind("\n") + 1 :]


def _definitions(lines: list[str], pattern: re.Pattern[str]) -> tuple[int, dict[str, str]]:
    """The index of the first line of the page's closing list of numbered addresses written
    `pattern`, and the addresses by number (lynx's heads and blank lines inside it skipped)."""
    addresses: dict[str, str] = {}
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        match = pattern.match(line)
        if match:
            addresses[match.group(1)] = match.group(2)
        elif line.strip() and line.strip().lower() not in _LYNX_HEADS:
            break
        start = i
    return start, addresses


def _lynx_line(line: str, addresses: dict[str, str], opens_run: bool) -> tuple[str, bool]:
    """A lynx line with its numbered links written `[text](address)`; and whether its last link
    is left open (a link that opens the paragraph alone: it closes at the paragraph's end)."""
    marks = [m for m in _LYNX_MARK.finditer(line) if m.group(1) in addresses]
    if not marks:
        return line, False
    out: list[str] = [line[: marks[0].start()]]
    open_link = False
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        segment = line[mark.end() : end]
        text_end = segment.find(_SEPARATOR)
        text, rest = (segment, "") if text_end < 0 else (segment[:text_end], segment[text_end:])
        address = addresses[mark.group(1)]
        if not text.strip():
            out.append(segment)
        elif len(marks) == 1 and not rest and opens_run and not _LIST_MARK.sub("", line[: mark.start()]):
            out.append("[" + text)
            open_link = True
            out.append("](" + address + ")")
        else:
            body = text.rstrip()
            out.append("[" + body + "](" + address + ")" + text[len(body) :] + rest)
    return "".join(out), open_link


def _inline_lynx(lines: list[str], addresses: dict[str, str]) -> str:
    out: list[str] = []
    pending: int | None = None  # index in `out` of a line whose link is still open
    previous_blank = True
    for line in lines:
        if _IMAGE_LINE.match(line):
            continue
        blank = not line.strip()
        starts_item = _ITEM_START.match(line) is not None
        if pending is not None and (blank or starts_item or _LYNX_MARK.search(line)):
            pending = None
        if pending is not None:
            # The open link's text runs on: move its closing `](address)` to this line's end.
            head = out[pending]
            close = head.rfind("](")
            out[pending] = head[:close]
            out.append(line.rstrip() + head[close:])
            pending = len(out) - 1
            previous_blank = False
            continue
        written, open_link = _lynx_line(line, addresses, previous_blank or starts_item)
        out.append(written)
        pending = len(out) - 1 if open_link else None
        previous_blank = blank
    return "\n".join(out)


def inline_references(text: str) -> str | None:
    """`text` with its numbered link references written as inline Markdown links and its closing
    list of addresses left out, where the page ends in such a list (html2text's `[3]: address`,
    lynx's `References` / `3. address`); else None.

    >>> print(inline_references("See [the report][1] now.\\n\\n   [1]: https://x.id/r\\n"))
    See [the report](https://x.id/r) now.
    >>> print(inline_references("   * [1]Home\\n   Tag: [2]banjir [3]Bogor\\n\\nReferences\\n\\n"
    ...                         "   1. https://x.id/\\n   2. https://x.id/t/b\\n   3. https://x.id/t/g\\n"))
       * [Home](https://x.id/)
       Tag: [banjir](https://x.id/t/b) [Bogor](https://x.id/t/g)
    >>> inline_references("An ordinary page.\\n\\n1. Its last line is a list item.") is None
    True
    """
    last = _last_line(text)
    html2text = _HTML2TEXT_DEFINITION.match(last)
    if html2text is None:
        lynx = _LYNX_DEFINITION if _LYNX_DEFINITION.match(last) else _W3M_DEFINITION
        if lynx.match(last) is None:
            return None
    lines = text.splitlines()
    if html2text is not None:
        start, addresses = _definitions(lines, _HTML2TEXT_DEFINITION)
        body = "\n".join(lines[:start])
        return _REFERENCE_LINK.sub(
            lambda m: f"[{m.group(1)}]({addresses[m.group(2)]})" if m.group(2) in addresses else m.group(0),
            body,
        )
    start, addresses = _definitions(lines, lynx)
    heads = {line.strip().lower() for line in lines[start:] if line.strip() and not lynx.match(line)}
    if not heads & {"references", "references:"}:
        return None
    return _inline_lynx(lines[:start], addresses)
