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

from collections.abc import Iterator
from pathlib import Path

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


def _record_page(record: WarcRecord, where: str) -> Page | ReadError | None:
    """The page in one record; None for records that hold no page (warcinfo, images, requests)."""
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
            return None
        return Page(body, "text", target, where, fetched, "utf-8", None, warnings)
    headers = {k.lower(): v for k, v in record.http_headers.items()} if record.http_headers else {}
    content_type = (record.http_content_type or "").lower()
    if record.record_type == WarcRecordType.resource:
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in _HTML_TYPES or not body.strip():
        return None
    status = record.http_headers.status_code if record.http_headers else None
    if status is not None and not 200 <= status < 300:
        return None
    return Page(body, "html", target, where, fetched, record.http_charset or None, headers or None, warnings)


def read_warc(path: Path | str) -> Iterator[Page | ReadError]:
    """Pages from a WARC (HTML responses and resources) or WET file (text conversions), gzipped or not."""
    source = path_source(path)
    types = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
    try:
        handle = open(path, "rb")  # noqa: SIM115 -- closed in the finally below, across yields
    except OSError as exc:
        yield ReadError(source, f"cannot read file: {exc.strerror or exc}", retry=True)
        return
    seen = 0
    failed = False
    last_pos = -1
    seen_ids: set[str] = set()
    try:
        for record in ArchiveIterator(handle, record_types=types, parse_http=True):
            seen += 1
            last_pos = record.stream_pos
            where = _record_source(source, record.record_id, record.stream_pos, seen_ids)
            page = _record_page(record, where)
            if page is not None:
                yield page
    except Exception as exc:  # a corrupt or truncated archive ends the file, not the batch
        failed = True
        yield ReadError(source, f"WARC file ended early after {seen} records: {exc}")
    finally:
        handle.close()
    if seen == 0 and not failed:
        yield ReadError(source, "no WARC records found: the file is empty, truncated or not a WARC")
    elif not failed:
        problem = _gzip_tail_problem(path, last_pos)
        if problem:
            yield ReadError(source, f"WARC file ended early after {seen} records: {problem}")


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
