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
"""

from __future__ import annotations

import re

# A link's text may hold brackets of its own no more than one level deep; html2text breaks the
# address at its hyphens, so a link may run over lines: joined before this is matched, the
# address then holds a space.
_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:https?://|/|#)[^)]*\)")
_LINK_START = re.compile(r"\]\((?:https?://|/)")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_HEADING = re.compile(r"^#{1,6}\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_LIST_ITEM = re.compile(r"^\s*(?:[*+\-]|\d{1,3}\.)\s+")
# What may stand between the links of a row of links alone: spaces and separators.
_SEPARATORS = re.compile(r"^[\s|>›»/·•,;:\-–—]*$")
_MIN_LINKS = 4


def is_markdown(text: str) -> bool:
    """Whether `text` reads as Markdown written by a flattener: `_MIN_LINKS` or more links
    written `](address`.

    >>> is_markdown("[a](https://x.id/a) [b](https://x.id/b) [c](/c) and [d](/d)")
    True
    >>> is_markdown("See [1] (page 3).")
    False
    """
    return len(_LINK_START.findall(text)) >= _MIN_LINKS


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """The runs of non-blank lines, each list item starting a run of its own."""
    runs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
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


def _link_row(line: str) -> list[str] | None:
    """The link texts of a line made of two or more links and separators alone, else None."""
    texts: list[str] = []
    last = 0
    for match in _LINK.finditer(line):
        if not _SEPARATORS.match(line[last : match.start()]):
            return None
        if not match.group(1) and match.group(2).strip():
            texts.append(match.group(2).strip())
        last = match.end()
    if len(texts) < 2 or not _SEPARATORS.match(line[last:]):
        return None
    return texts


def _join_run(run: list[str]) -> str:
    """A paragraph's lines as one line; a list item keeps its indent and mark."""
    first = run[0]
    indent = first[: len(first) - len(first.lstrip())]
    return indent + " ".join(line.strip() for line in run)


def plain_lines(text: str) -> str:
    """`text`, a Markdown-flattened page, as plain lines, a blank line between paragraphs.

    >>> print(plain_lines("# Big [news](https://x.id/n)\\n\\n**JAKARTA** – It\\nrained.\\n\\n"
    ...                   "Tag: [a](https://x.id/a) [b c](https://x.id/b)\\n\\n  * [Item](/i)"))
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
    out: list[str] = []
    runs = _paragraphs(text.splitlines())
    for i, run in enumerate(runs):
        line = _HEADING.sub("", _join_run(run))
        row = _link_row(line.strip())
        if row is None and ":" in line:
            # A label before a row of links ('Tag: [a](…) [b](…)'): the label, then the links.
            label, _, rest = line.partition(":")
            rest_row = _link_row(rest.strip())
            if rest_row is not None and "](" not in label:
                row = [_plain(label.strip()) + ":", *rest_row]
        if row is not None:
            out.extend(_plain(t) for t in row)
        else:
            plain = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), line)
            plain = _plain(plain)
            if plain.strip():
                out.append(plain.rstrip())
        if not (_LIST_ITEM.match(run[0]) and i + 1 < len(runs) and _LIST_ITEM.match(runs[i + 1][0])):
            out.append("")  # (a list's items stay together, as html2text writes them)
    return "\n".join(out).rstrip("\n") + "\n"
