"""Bytes → text: BOM, declared charset (HTTP header or <meta>), then detection.

Binary input is refused with a clear message instead of decoded into noise.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from functools import cache

from charset_normalizer import from_bytes

from warta.compiled import probed
from warta.errors import InputError
from warta.readers.mojibake import C1_AS_CP1252

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


# Python codecs that no web page is encoded in: a page naming one ("undefined",
# "punycode", "unicode_escape"...) would raise UnicodeError or decode into noise.
_NOT_WEB = frozenset({"undefined", "punycode", "idna", "unicode-escape", "raw-unicode-escape", "utf-7"})


def _known(name: str | None) -> str | None:
    """The codec a declared charset names, if it is a text encoding a page can be in."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    # Bytes-to-bytes and str-to-str codecs (base64, zlib, rot13) are not text encodings.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB:
        return None
    return info.name


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or many control bytes (images, archives...)."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[2:]):
        return False  # UTF-16/32 text legitimately holds NUL bytes
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))  # (one pass, not one per byte value)
    return controls / len(head) > 0.05


def _utf16_without_bom(data: bytes) -> tuple[str, str, bool] | None:
    """`decode_bytes`'s answer for UTF-16 text without a byte-order mark, or None.

    Such text in a Latin script has a NUL byte beside nearly every character, on one side
    only (after it in UTF-16LE, before it in UTF-16BE), which `looks_binary` took for a binary file.
    """
    head = data[:4096]
    half = len(head) // 2
    if half < 8 or len(data) % 2:
        return None
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    for name, zeros, others in (("utf-16-le", zeros_odd, zeros_even), ("utf-16-be", zeros_even, zeros_odd)):
        if zeros >= 0.9 * half and others <= 0.01 * half:
            try:
                return data.decode(name), name, False
            except UnicodeDecodeError:
                return None
    return None


def wide_bom_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec named by the byte-order mark `head` starts with, if any.

    >>> wide_bom_encoding(b"\\xff\\xfe{\\x00"), wide_bom_encoding(b"{}")
    ('utf-16', None)
    """
    return next((name for bom, name in _BOMS[1:] if head.startswith(bom)), None)


def _mostly_utf8(data: bytes) -> bool:
    """True when `data` holds valid multi-byte UTF-8 sequences and only a few invalid bytes."""
    sample = data[:200_000]
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return multibyte > 0 and invalid <= max(multibyte, len(sample) // 1000)


# What windows-1252 bytes 0x80-0xFF look like in Western-language text (English,
# Indonesian, French, German, Dutch...): accented letters and typographic signs.
# Signs that stand for letters in cp1250 (¿ ³ ¹ œ Ÿ: Polish ż ł ą ś ź) are left out.
_WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ“”‘’„–—…•€™«»°©®£\u00a0")


def _western_cp1252(data: bytes) -> bool:
    """True when `data` reads as windows-1252 Western text (the WHATWG default for legacy pages).

    Charset detection often mistakes short Latin-1 text for cp1250 or cp1257;
    this check wins when every high byte is a Western letter or sign and accented
    letters stay a minority, as they do in Western languages (a Cyrillic or Greek
    single-byte page is mostly high bytes and falls through to detection).
    """
    sample = data[:200_000]
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high or any(ch not in _WESTERN for ch in high):
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in high if ch.isalpha())
    return accented <= 0.3 * letters


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode `data`; returns (text, encoding used, whether replacement characters were needed).

    Order of evidence: byte-order mark, a declared charset that decodes cleanly,
    UTF-8, charset detection, then UTF-8 with replacement (flagged). Where the encoding
    used is "utf-8" and nothing was replaced, the decoding was strict: `data` is exactly
    the text's UTF-8 encoding (what the HTML parser reads).
    """
    if not data:
        raise InputError("empty input: no bytes to read")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, False
    wide = _known(declared)
    if wide and wide.startswith(("utf-16", "utf-32")):
        # A declared UTF-16/32 page without a BOM is full of NUL bytes: trust the declaration.
        try:
            return data.decode(wide), wide, False
        except UnicodeDecodeError:
            pass
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        return unmarked
    if looks_binary(data):
        raise InputError("binary input: this looks like an image, archive or other non-text file")
    candidates = [_known(declared)]
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        named = _known(meta.group(1).decode("ascii", errors="ignore"))
        # A <meta> the regex could read is in ASCII-compatible bytes, so it cannot be
        # UTF-16/32: the HTML standard reads such a declaration as UTF-8.
        candidates.append("utf-8" if named and named.startswith(("utf-16", "utf-32")) else named)
    candidates.append("utf-8")
    for name in dict.fromkeys(c for c in candidates if c):
        try:
            text = data.decode(name)
        except (UnicodeError, LookupError):
            continue
        if name == "iso8859-1":
            # The web's "iso-8859-1" (and "latin1", "l1"...) means windows-1252 (WHATWG
            # Encoding Standard): bytes 0x80-0x9F are its punctuation (“ ” ’ – — …), not
            # C1 controls. The five bytes windows-1252 leaves undefined stay controls.
            return text.translate(C1_AS_CP1252), "windows-1252", False
        return text, name, False
    if _mostly_utf8(data):
        # Evidently UTF-8 with a few corrupt bytes: detection would pick a
        # single-byte codec and garble every real multi-byte character instead.
        return data.decode("utf-8", errors="replace"), "utf-8", True
    if _western_cp1252(data):
        return data.decode("cp1252"), "cp1252", False
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding, False
        except (UnicodeError, LookupError):
            pass
    return data.decode("utf-8", errors="replace"), "utf-8", True


def repair_surrogates(text: str) -> tuple[str, bool]:
    """`text` with lone surrogate code points replaced by U+FFFD, and whether there were any.

    Decoding bytes never yields them, but JSON does ("\\ud800" escapes in a JSONL record or
    JSON-LD), and so can a caller's str. They cannot be encoded, so left in place they fail
    feature extraction and every UTF-8 write of the article. A surrogate pair written as two
    code points is joined into the character it stands for.

    >>> repair_surrogates("a\\ud800b\\ud83d\\ude00")
    ('a\\ufffdb\\U0001f600', True)
    """
    if text.isascii():
        return text, False
    try:
        # (UTF-16 fails on just what UTF-8 fails on, a surrogate code point, in half the time.)
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), True
    return text, False


def repair_surrogates_keeping_utf8(text: str) -> tuple[str, bytes | None, bool]:
    """`repair_surrogates(text)` for a page the HTML parser will read, with the UTF-8 encoding
    that tells whether `text` holds a surrogate kept beside it (None where it is ASCII or was
    repaired), so the parser is not handed a str it must encode again.

    >>> repair_surrogates_keeping_utf8("<p>café</p>")
    ('<p>café</p>', b'<p>caf\\xc3\\xa9</p>', False)
    >>> repair_surrogates_keeping_utf8("<p>\\ud800</p>")
    ('<p>\\ufffd</p>', None, True)
    """
    data = utf8_for_parser(text)
    if data is not None or text.isascii():
        return text, data, False
    repaired, was_repaired = repair_surrogates(text)
    return repaired, None, was_repaired


def utf8_for_parser(text: str) -> bytes | None:
    """`text`'s UTF-8 encoding for the HTML parser, or None where `text` is ASCII (selectolax
    encodes an ASCII str by copying it) or holds a surrogate (the parser drops those as it encodes).

    >>> utf8_for_parser("<p>café</p>")
    b'<p>caf\\xc3\\xa9</p>'
    >>> utf8_for_parser("<p>cafe</p>") is None, utf8_for_parser("\\ud800") is None
    (True, True)
    """
    if text.isascii():
        return None
    return _utf8_function()(text)


def _utf8_python(text: str) -> bytes | None:
    """`text.encode("utf-8")`, or None where `text` holds a surrogate code point (the reference
    of the compiled `warta._textscan.utf8_encoded`)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


# Texts on which the compiled encoder must give `_utf8_python`'s bytes: each width of code point
# (one-byte, UCS-2, UCS-4) with blocks of ASCII longer than the encoder's (32 code points) before,
# around and after a non-ASCII one, every length of encoding (up to the astral four bytes), and
# surrogates alone, paired, in a block and after one.
_UTF8_PROBES = (
    "",
    "é",
    "a" * 40 + "ÿ" + "b" * 70,
    "ÿ" * 40 + "a" * 33,
    "x" * 40 + "\u20ac" + "y" * 70,
    "İstanbul \u212a ſ \u07ff\u0800\uffff" * 5,
    "<p>" * 11 + "\U0001f600\U0010ffff" + "</p>" * 20,
    "\ud800",
    "a" * 40 + "\ud800" + "a" * 40,
    "a" * 64 + "\udfff",
    "\ud83d\ude00" + "x" * 40,
)


@cache
def _utf8_function() -> Callable[[str], bytes | None]:
    """`warta._textscan.utf8_encoded` where it is built and gives `_utf8_python`'s bytes on
    `_UTF8_PROBES`; `_utf8_python` otherwise."""
    try:
        from warta._textscan import utf8_encoded
    except ImportError:
        return _utf8_python
    chosen: Callable[[str], bytes | None] = probed(
        "UTF-8 encoder", _utf8_python, utf8_encoded, [(text,) for text in _UTF8_PROBES]
    )
    return chosen


def path_source(path: object) -> str:
    """A path as results name it: `str(path)`, with bytes of the name that are not UTF-8 as \\xNN.

    POSIX file names are bytes; Python decodes the undecodable ones to lone surrogates
    (surrogateescape), which neither JSON written as UTF-8 nor SQLite can store. The
    escaped form is stable across runs, so a resumed ingest recognises the record.

    >>> path_source(b"/tmp/berita-\\xff.txt".decode("utf-8", "surrogateescape"))
    '/tmp/berita-\\\\xff.txt'
    """
    name = str(path)
    if name.isascii():
        return name
    try:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a file name
        return repair_surrogates(name)[0]


def charset_from_header(content_type: str | None) -> str | None:
    """The charset named in a Content-Type header value, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None
