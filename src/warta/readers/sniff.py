"""Is this HTML or flattened text?"""

from __future__ import annotations

import re

from warta.model import PageKind

_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]|<title>",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def sniff_kind(text: str) -> PageKind:
    """'html' when the start of `text` carries HTML structure, else 'text'.

    >>> sniff_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    'html'
    >>> sniff_kind("Judul berita\\n\\nParagraf pertama.")
    'text'
    """
    head = text[:4096]
    if _HTML_SIGNS.search(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and tags * 40 > len(head.split()) else "text"
