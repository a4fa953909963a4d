"""URL parsing that never raises: page URLs, canonical links and `<base href>` are input.

`urllib.parse` raises `ValueError` for a malformed authority ("http://[bad",
"http://]x/", a port that is not a number); a page or JSONL record carrying one
must still extract, with the URL kept as written but not used to derive a site.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit


@lru_cache(maxsize=64)  # (a page asks its own address's host several times)
def url_host(url: str | None) -> str | None:
    """The lower-cased host of `url`, or None when there is none or the URL cannot be parsed.

    >>> url_host("https://WWW.Example.com:8080/a"), url_host("http://[bad"), url_host(None)
    ('www.example.com', None, None)
    """
    if not url:
        return None
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def join_url(base: str | None, href: str) -> str:
    """`href` made absolute against `base`; as written when either cannot be parsed.

    >>> join_url("https://a.com/x/", "y"), join_url("http://[bad", "/y")
    ('https://a.com/x/y', '/y')
    """
    try:
        return urljoin(base or "", href)
    except ValueError:
        return href
