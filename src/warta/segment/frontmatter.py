"""A page that opens with a YAML front matter (`---`, `key: value` lines, `---`) → its fields.

Text exported with its metadata writes it as a YAML header above the text: trafilatura's txt and
Markdown output with `with_metadata=True` (`title:`, `author:`, `url:`, `hostname:`, `date:`,
`tags: ['a', 'b']`, `fingerprint:`), static-site generators' Markdown files (Hugo, Jekyll:
`title: "…"`, `date: 2025-06-16T09:40:00+08:00`, `categories: [a, b]`). Read as lines, the
header is one run-on paragraph above the headline; its fields are what a page's markup says of
it, so they are read as the markup metadata of an HTML page would be (`FrontMatter`), and the
text is read from the line under the closing `---`.

The field names are the format's, not a language's. `front_matter` is asked of every text
page: one that does not open with `---` and a line break is left at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A field line: a key (letters, digits, `_`, `-`) and its value after a colon.
_FIELD = re.compile(r"^([A-Za-z][\w-]*):[ \t]*(.*?)\s*$")
# The most lines a header holds (its fields, the closing `---` included).
_MAX_LINES = 40
# Keys of each field, as the writers name them.
_TITLE_KEYS = ("title",)
_AUTHOR_KEYS = ("author", "authors")
_URL_KEYS = ("url", "canonical", "canonical_url", "permalink", "link", "source")
_DATE_KEYS = ("date", "published", "publishdate", "pubdate", "published_at")
_TAG_KEYS = ("tags", "categories", "keywords")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What a page's front matter says of it: the title, authors, address, date and tags."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    published: str | None = None
    tags: tuple[str, ...] = ()


def _scalar(value: str) -> str:
    """A YAML scalar as written: without its quotes."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _items(value: str) -> tuple[str, ...]:
    """The items of a YAML flow list (`['a', 'b']`, `[a, b]`) or of a comma or semicolon list."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    separator = ";" if ";" in value else ","
    return tuple(item for item in map(_scalar, value.split(separator)) if item)


def _first(fields: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((_scalar(fields[key]) for key in keys if _scalar(fields.get(key, ""))), None)


def front_matter(text: str) -> tuple[str, FrontMatter | None]:
    """(the text under its front matter, the front matter) of a page that opens with one holding
    a title; (`text`, None) for any other page.

    >>> text, header = front_matter('---\\ntitle: Rain in Bogor\\nauthor: Ana; Budi\\n'
    ...                             'date: "2025-06-16"\\ntags: [\\'rain\\', \\'Bogor\\']\\n---\\nIt rained.')
    >>> text, header.title, header.authors, header.published, header.tags
    ('It rained.', 'Rain in Bogor', ('Ana', 'Budi'), '2025-06-16', ('rain', 'Bogor'))
    >>> front_matter("---\\nNot a header\\n---\\nText")[1] is None
    True
    """
    if not text.startswith("---"):
        return text, None
    lines = text.split("\n", _MAX_LINES + 1)
    if lines[0].rstrip() != "---":
        return text, None
    fields: dict[str, str] = {}
    offset = len(lines[0]) + 1
    for line in lines[1 : _MAX_LINES + 1]:
        offset += len(line) + 1
        if line.rstrip() == "---":
            title = _first(fields, _TITLE_KEYS)
            if title is None:
                return text, None
            authors = next((_items(fields[key]) for key in _AUTHOR_KEYS if fields.get(key)), ())
            tags = next((_items(fields[key]) for key in _TAG_KEYS if fields.get(key)), ())
            url = _first(fields, _URL_KEYS)
            header = FrontMatter(
                title=title,
                authors=authors,
                url=url if url is not None and url.startswith(("http://", "https://")) else None,
                published=_first(fields, _DATE_KEYS),
                tags=tags,
            )
            return text[offset:], header
        match = _FIELD.match(line)
        if match is None:
            if line.startswith((" ", "\t", "- ")) and fields:
                continue  # (a nested value or a block list's item: not read)
            return text, None
        fields.setdefault(match.group(1).lower(), match.group(2))
    return text, None
