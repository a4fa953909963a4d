"""The page's own site, as its names and host spell it: for telling a site name from a headline,
an outlet from a person.

A site names itself in og:site_name, the JSON-LD publisher and its host. Each form is reduced to
a key of lower-case letters and digits, so "The Verge", "theverge.com" and "THE VERGE" meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.meta.urls import url_host

_NON_WORD = re.compile(r"[\W_]+")
# The ASCII characters `_NON_WORD` matches: all but letters and digits.
_ASCII_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def name_key(text: str) -> str:
    """`text` lower-cased with everything but letters and digits gone: 'The Verge' → 'theverge'.
    (An ASCII text, most names and hosts, loses them by one `bytes.translate`, not a regex sub.)"""
    if text.isascii():
        return text.lower().encode("ascii").translate(None, _ASCII_NON_WORD).decode("ascii")
    return _NON_WORD.sub("", text.lower())


def site_keys(names: Iterable[str], url: str | None = None) -> frozenset[str]:
    """Keys of the site's names and of the host of `url`.

    For the host, the whole name, the name without its top-level domain and the registered
    name are kept: 'forum.obsidian.md' → {'forumobsidianmd', 'forumobsidian', 'obsidian'};
    'news.bbc.co.uk' → {..., 'bbc'} (a label of three letters or less before the top-level
    domain is a second-level domain such as 'co'). Keys of one character are dropped.

    >>> sorted(site_keys(["The Verge"], "https://www.theverge.com/x"))
    ['theverge', 'thevergecom']
    """
    keys = set(map(name_key, set(names)))  # (the site's name is most often given twice)
    host = (url_host(url) or "").removeprefix("www.")
    labels = list(filter(None, host.split(".")))
    if len(labels) >= 2:
        name = labels[-2] if len(labels) == 2 or len(labels[-2]) > 3 else labels[-3]
        keys.update((name_key(".".join(labels)), name_key(".".join(labels[:-1])), name_key(name)))
    return frozenset(key for key in keys if len(key) >= 2)
