"""Bytes → text: BOM, declared charset (HTTP header or <meta>), then detection.

Binary input is refused with a clear message instead of decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from warta.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, LF, CR, FF, ESC are allowed).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or many control bytes (images, archives...)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[2:]):
        return False  # UTF-16/32 text legitimately holds NUL bytes
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode `data`; returns (text, encoding used, whether replacement characters were needed).

    Order of evidence: byte-order mark, a declared charset that decodes cleanly,
    UTF-8, charset detection, then UTF-8 with replacement (flagged).
    """
    if not data:
        raise InputError("empty input: no bytes to read")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, False
    if looks_binary(data):
        raise InputError("binary input: this looks like an image, archive or other non-text file")
    candidates = [_known(declared)]
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(_known(meta.group(1).decode("ascii", errors="ignore")))
    candidates.append("utf-8")
    for name in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(name), name, False
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding, False
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "utf-8", True


def charset_from_header(content_type: str | None) -> str | None:
    """The charset named in a Content-Type header value, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None
