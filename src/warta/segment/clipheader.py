"""A page saved by a web clipper or a read-later app, exported as text → the page without the note's header.

A clipped page exported from a note app (Evernote, OneNote, Joplin without front matter) or a
read-later service opens with the note's own fields under its title, before the clipped page:

    Harga Tiket Kapal Cepat Naik Mulai Juni | Kepri Terkini
    Created: 14/05/2025 20:31
    Updated: 14/05/2025 20:31
    Source: https://kepriterkini.example/ekonomi/2025/05/14/harga-tiket-kapal-cepat-naik
    Tags: kerja, transportasi

The fields are the note's, not the article's: when it was clipped and edited (not when the
article was published), the reader's own tags (not the article's). Only the source address is
the page's own; the field lines are left out (the title line, the page's `<title>`, stays, as a
flattened page's first line), and the address is given as the page's.

The field names are the apps', not a language's. `clip_header` reads the first `_MAX_LINES`
lines of a text page (from its first `_HEAD_CHARS` characters only) where an address (`://`)
stands there: two field lines in a row at least, among them a source address, make a header.
"""

from __future__ import annotations

import re

_HEAD_CHARS = 1200
_MAX_LINES = 10
_MIN_FIELDS = 2
_FIELD = re.compile(
    r"^[ \t]*(created|updated|modified|source|source url|url|tags|author|clipped|clipped on|saved|saved on)"
    r"[ \t]*:[ \t]*(.*?)\s*$",
    re.IGNORECASE,
)
_SOURCE_KEYS = ("source", "source url", "url")
_ADDRESS = re.compile(r"https?://\S+$")


def clip_header(text: str) -> tuple[str, str | None] | None:
    """(`text` without its clip header's field lines, the source address) of a clipped page;
    None for any other page.

    >>> text, url = clip_header("Rain in Bogor | Site\\nCreated: 1/6/2025 20:31\\n"
    ...                         "Source: https://site.example/rain\\nTags: work\\n\\nRain in Bogor\\nIt rained.")
    >>> print(text)
    Rain in Bogor | Site
    <BLANKLINE>
    Rain in Bogor
    It rained.
    >>> url
    'https://site.example/rain'
    >>> clip_header("Title\\nBy: Ana\\nSource: Reuters\\nText.") is None
    True
    """
    if text.find("://", 0, _HEAD_CHARS) < 0:  # (no address in the header's reach: most pages)
        return None
    lines = text[:_HEAD_CHARS].split("\n", _MAX_LINES)[:_MAX_LINES]
    first = next((k for k, line in enumerate(lines) if _FIELD.match(line)), None)
    if first is None:
        return None
    end = first
    source: str | None = None
    while end < len(lines) and (field := _FIELD.match(lines[end])) is not None:
        address = _ADDRESS.match(field.group(2))
        if field.group(1).lower() in _SOURCE_KEYS and address is not None:
            source = source or address.group(0)
        end += 1
    if end - first < _MIN_FIELDS or source is None:
        return None
    kept = text.split("\n", end)
    return "\n".join(kept[:first] + kept[end:]), source
