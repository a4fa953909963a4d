"""WARC and WET files → Pages, one per HTML response or text conversion record.

fastwarc reads plain and gzipped archives; on gzipped WARCs it is as fast as warcio
here, Page construction included (bench/results/html-warc.md), and it is typed C++
with record-type filtering done before Python sees a record. Records are streamed: the
archive is never held in memory. HTTP headers travel with the page so the
charset they declare is used when decoding; a record that cannot be read
becomes a `ReadError` and the iteration goes on where it can.

    >>> for item in read_warc("crawl.warc.gz"):  # doctest: +SKIP
    ...     print(item.url if not isinstance(item, ReadError) else item.message)
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from warta.model import Page
from warta.readers.encoding import path_source
from warta.readers.files import ReadError, gunzip

# Larger payloads are cut (and flagged), as for plain files.
MAX_RECORD_BYTES = 64 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "")


def _record_source(source: str, record_id: str | None, offset: int, seen_ids: set[str]) -> str:
    """How a record is named: by its WARC-Record-ID, made unique by its offset when needed.

    The name is the ingest's resume key, so two records may not share one: a broken
    archive without record IDs, or one repeating an ID, would otherwise have all but
    its first record taken for "already ingested". The offset is stable across runs.
    """
    if not record_id:
        return f"{source}@{offset}"
    if record_id in seen_ids:
        return f"{source}#{record_id}@{offset}"
    seen_ids.add(record_id)
    return f"{source}#{record_id}"


def _no_page(where: str, what: str) -> ReadError:
    return ReadError(where, f"WARC record holds no page ({what})", skip=True)


def _record_page(record: WarcRecord, where: str) -> Page | ReadError:
    """The page in one record, or why it holds none (an image, a redirect, a revisit: `ReadError.skip`)."""
    if record.record_type == WarcRecordType.revisit:
        return _no_page(where, "a revisit of a page captured before")
    target = record.headers.get("WARC-Target-URI") or None
    try:
        body = record.reader.read(MAX_RECORD_BYTES + 1)
    except Exception as exc:  # fastwarc raises plain exceptions for broken streams
        return ReadError(where, f"cannot read WARC record: {exc}")
    warnings: tuple[str, ...] = ()
    if len(body) > MAX_RECORD_BYTES:
        body = body[:MAX_RECORD_BYTES]
        warnings = (f"WARC record larger than {MAX_RECORD_BYTES} bytes: only the first part was read",)
    elif len(body) < record.content_length:
        # After HTTP parsing `content_length` is the payload's declared length.
        warnings = (f"truncated WARC record: read {len(body)} of {record.content_length} bytes",)
    fetched = record.record_date
    if record.record_type == WarcRecordType.conversion:
        if not body.strip():
            return _no_page(where, "an empty text conversion")
        return Page(body, "text", target, where, fetched, "utf-8", None, warnings)
    headers = {k.lower(): v for k, v in record.http_headers.items()} if record.http_headers else {}
    content_type = (record.http_content_type or "").lower()
    if record.record_type == WarcRecordType.resource:
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    status = record.http_headers.status_code if record.http_headers else None
    if status is not None and not 200 <= status < 300:
        return _no_page(where, f"HTTP {status}")
    if content_type not in _HTML_TYPES:
        return _no_page(where, content_type)
    if not body.strip():
        return _no_page(where, "an empty body")
    return Page(body, "html", target, where, fetched, record.http_charset or None, headers or None, warnings)


@dataclass(frozen=True, slots=True)
class _Stretch:
    """What one ArchiveIterator read: how many page-type records, where the last began, and
    why it stopped early (None where the archive ended)."""

    records: int
    last_pos: int
    error: str | None


def _read_stretch(
    handle: BinaryIO, start: int, source: str, seen_ids: set[str]
) -> Generator[Page | ReadError, None, _Stretch]:
    """Pages of the records from byte `start` on, until the archive ends or cannot be read further."""
    types = (
        WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion | WarcRecordType.revisit
    )
    records, last_pos = 0, -1
    handle.seek(start)
    try:
        for record in ArchiveIterator(handle, record_types=types, parse_http=True):
            records += 1
            last_pos = record.stream_pos  # (from the start of the file, wherever the iterator began)
            where = _record_source(source, record.record_id, record.stream_pos, seen_ids)
            yield _record_page(record, where)
    except Exception as exc:  # fastwarc raises plain exceptions for corrupt or truncated archives
        return _Stretch(records, last_pos, str(exc))
    return _Stretch(records, last_pos, None)


def read_warc(path: Path | str) -> Iterator[Page | ReadError]:
    """Pages from a WARC (HTML responses and resources) or WET file (text conversions), gzipped or not.

    In a gzipped archive a corrupt stretch (a damaged gzip member) is reported as skipped and
    reading goes on at the next whole member that holds a record; a plain archive, or one with
    no whole member after the damage, ends there.
    """
    source = path_source(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 -- closed in the finally below, across yields
    except OSError as exc:
        yield ReadError(source, f"cannot read file: {exc.strerror or exc}", retry=True)
        return
    seen = 0
    failed = False
    seen_ids: set[str] = set()
    start = 0
    try:
        gzipped = handle.read(2) == b"\x1f\x8b"
        while True:
            stretch = yield from _read_stretch(handle, start, source, seen_ids)
            seen += stretch.records
            problem = stretch.error
            if problem is None and stretch.records:
                problem = _gzip_tail_problem(path, stretch.last_pos)
            if problem is None:
                break
            failed = True
            skip = _skip_damage(handle, stretch, start) if gzipped else None
            if skip is None:
                yield ReadError(source, f"WARC file ended early after {seen} records: {problem}")
                break
            damaged, resume = skip
            yield ReadError(
                f"{source}@{damaged}-{resume}",
                f"corrupt gzip data: the records in bytes {damaged}-{resume} were skipped ({problem})",
            )
            start = resume
    finally:
        handle.close()
    if seen == 0 and not failed:
        yield ReadError(source, "no WARC records found: the file is empty, truncated or not a WARC")


def _skip_damage(handle: BinaryIO, stretch: _Stretch, start: int) -> tuple[int, int] | None:
    """Where the damage that stopped `stretch` (read from byte `start` of a gzipped archive)
    begins, and where the next whole member holding a record begins; None where none does."""
    damaged = start
    if stretch.records:  # (the damage begins where the member of the last record read ends)
        member = _whole_member(handle, stretch.last_pos)
        damaged = member[0] if member is not None else stretch.last_pos
    resume = _next_record_member(handle, damaged + 1)
    return None if resume is None else (damaged, resume)


# How much of a file is read at a time while looking for the next gzip member.
_SCAN_BYTES = 1 << 20


def _whole_member(handle: BinaryIO, pos: int) -> tuple[int, bytes] | None:
    """Where the gzip member that starts at byte `pos` ends, and the first bytes it inflates to;
    None where none starts there or it is cut short or corrupt (its CRC is checked too)."""
    handle.seek(pos)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    head = b""
    fed = 0
    try:
        while not inflater.eof:
            chunk = handle.read(_SCAN_BYTES)
            if not chunk:
                return None
            fed += len(chunk)
            while chunk and not inflater.eof:  # (inflated a piece at a time, never held whole)
                out = inflater.decompress(chunk, _SCAN_BYTES)
                head = head or out[:16]
                chunk = inflater.unconsumed_tail
    except zlib.error:
        return None
    return pos + fed - len(inflater.unused_data), head


def _next_record_member(handle: BinaryIO, after: int) -> int | None:
    """The offset of the first whole gzip member at or after byte `after` that holds a WARC
    record, found by its header bytes (1f 8b 08), or None."""
    pos = after
    while True:
        handle.seek(pos)
        block = handle.read(_SCAN_BYTES + 2)
        found = block.find(b"\x1f\x8b\x08")
        while found >= 0 and found < _SCAN_BYTES:
            member = _whole_member(handle, pos + found)
            if member is not None and member[1].startswith(b"WARC/"):
                return pos + found
            found = block.find(b"\x1f\x8b\x08", found + 1)
        if len(block) <= _SCAN_BYTES:
            return None
        pos += _SCAN_BYTES


def _gzip_tail_problem(path: Path | str, last_pos: int) -> str | None:
    """Why the gzip members after the last record read could not be, if they could not.

    fastwarc ends a gzipped archive quietly at a truncated member, so the record in it
    would be lost without a word; re-inflating from the last record found tells.
    """
    try:
        with open(path, "rb") as handle:
            handle.seek(max(last_pos, 0))
            tail = handle.read(2 * MAX_RECORD_BYTES)
    except OSError as exc:
        return f"cannot re-read the end of the file: {exc.strerror or exc}"
    if not tail.startswith(b"\x1f\x8b"):
        return None  # not gzipped: fastwarc reports truncation itself
    _, problem = gunzip(tail, 2 * MAX_RECORD_BYTES)
    return problem
