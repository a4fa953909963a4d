"""JSONL dumps (FineWeb, CulturaX, our own output) → Pages, one per line.

Field names are configurable because every dump names them differently.
A broken line yields a `ReadError` naming the line; the file goes on.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.errors import InputError
from warta.model import Article, Page
from warta.readers.encoding import decode_bytes, path_source, repair_surrogates, wide_bom_encoding
from warta.readers.files import DEFAULT_MAX_BYTES, ReadError


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSON fields hold the page. The first present of html/text wins, html first."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    date: str = "date"
    id: str = "id"


def _parse_date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _open(path: Path) -> gzip.GzipFile | io.BufferedReader:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _line_reader(handle: gzip.GzipFile | io.BufferedReader) -> Callable[[int], bytes]:
    """`handle.readline`, or where the file starts with a UTF-16/32 byte-order mark a readline
    that decodes the file and gives each line in UTF-8: there a newline is not the byte 0x0A
    alone, and 0x0A also falls inside other characters (U+010A, U+0A00...).

    Lone surrogates pass through (JSON and `decode_page` flag them, as for "\\ud800" escapes);
    a byte that ends the file halfway through a character raises UnicodeDecodeError.
    """
    wide = wide_bom_encoding(handle.peek(4)[:4])
    if wide is None:
        return handle.readline
    text = io.TextIOWrapper(handle, encoding=wide, errors="surrogatepass", newline="\n")
    return lambda size: text.readline(size).encode("utf-8", "surrogatepass")


def _line_body(raw: bytes) -> bytes:
    """`raw` without its line ending (LF or CRLF), which `max_line_bytes` does not count."""
    if raw.endswith(b"\r\n"):
        return raw[:-2]
    return raw[:-1] if raw.endswith(b"\n") else raw


def _json_value(raw: bytes) -> tuple[Any, tuple[str, ...]]:
    """The JSON value on one line, and the warnings met decoding it; ValueError if it is not JSON.

    A line that is not UTF-8 (a Latin-1 dump, a few corrupt bytes) is decoded as a page's bytes
    are, by `decode_bytes`, and flagged: its record is kept, not lost.
    """
    try:
        return json.loads(raw), ()
    except UnicodeDecodeError:
        pass
    try:
        text, encoding, replaced = decode_bytes(raw)
    except InputError as exc:
        raise ValueError(str(exc)) from None
    how = f"undecodable bytes replaced while decoding as {encoding}" if replaced else f"decoded as {encoding}"
    return json.loads(text), (f"JSONL line is not valid UTF-8: {how}",)


def _record_page(
    record: dict[str, Any], fields: JsonlFields, source: str, warnings: tuple[str, ...]
) -> Page | ReadError:
    if isinstance(record.get("schema_version"), str) and isinstance(record.get("body"), list):
        return _extracted_page(record, source, warnings)
    html = record.get(fields.html)
    text = record.get(fields.text)
    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(content, str) or not content.strip():
        return ReadError(
            source,
            f"no text in field {fields.text!r} or {fields.html!r} (use --text-field/--html-field)",
        )
    url = record.get(fields.url)
    record_id = record.get(fields.id)
    # "\\ud800" escapes decode to lone surrogates, which no output can encode;
    # the content is repaired (and flagged) by `decode_page`.
    return Page(
        content=content,
        kind=kind,  # type: ignore[arg-type]
        url=repair_surrogates(url)[0] if isinstance(url, str) else None,
        source=repair_surrogates(f"{source}#{record_id}" if record_id is not None else source)[0],
        fetched_at=_parse_date(record.get(fields.date)),
        warnings=warnings,
    )


def _extracted_page(record: dict[str, Any], source: str, warnings: tuple[str, ...]) -> Page | ReadError:
    """A line of warta's own output (`warta extract -f jsonl`, `warta scale`): its article, read
    back as it is (an ingest stores it without extracting its text again)."""
    try:
        article = Article.from_dict(record)
    except ValueError as exc:
        return ReadError(source, f"a warta article that cannot be read back: {exc}")
    url = article.url or article.canonical_url
    return Page(
        content=article.text,
        kind="text",
        url=repair_surrogates(url)[0] if url else None,
        source=source,
        warnings=warnings,
        article=article,
    )


def read_jsonl(
    path: Path, fields: JsonlFields, max_line_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | ReadError]:
    """One page per line; a line longer than `max_line_bytes` (its line ending not counted: a
    runaway record, or a file that is not JSONL at all) is skipped and reported instead of read
    whole into memory. Lines are UTF-8, or UTF-16/32 where the file starts with a byte-order
    mark; a line in another encoding is decoded by detection and its page flagged."""
    try:
        handle = _open(path)
    except OSError as exc:
        yield ReadError(path_source(path), f"cannot read file: {exc}", retry=True)
        return
    name = path_source(path)
    # (Room for the longest line allowed and a CRLF: a longer read is a longer line.)
    piece_bytes = max_line_bytes + 2
    with handle:
        try:
            readline = _line_reader(handle)
        except (OSError, EOFError) as exc:  # (a corrupt gzip header)
            yield ReadError(f"{name}:1", f"stopped reading: {exc}")
            return
        line_no = records = 0
        while True:
            try:
                # (Read from the file itself: a BufferedReader around a truncated gzip stream
                # dropped the lines of its last buffer when the stream ended early.)
                raw = readline(piece_bytes)
                too_long = len(_line_body(raw)) > max_line_bytes
                piece = raw
                while too_long and piece and not piece.endswith(b"\n"):
                    piece = readline(piece_bytes)  # (the rest of the line, a piece at a time)
            except (OSError, EOFError, UnicodeDecodeError) as exc:
                yield ReadError(f"{name}:{line_no + 1}", f"stopped reading: {exc}")
                return
            if not raw:
                if not records:  # (as an empty page file is reported, not passed over in silence)
                    yield ReadError(
                        name, "empty file" if not line_no else "no records: every line is blank", retry=True
                    )
                return
            line_no += 1
            source = f"{name}:{line_no}"
            if too_long:
                records += 1
                yield ReadError(source, f"line longer than {max_line_bytes} bytes: skipped")
                continue
            if not raw.strip():
                continue
            records += 1
            try:
                record, warnings = _json_value(raw)
            except ValueError as exc:  # (JSONDecodeError, UnicodeDecodeError among them)
                yield ReadError(source, f"not valid JSON: {exc}")
                continue
            except RecursionError:  # ("[[[[..." a hundred thousand deep ended the whole batch)
                yield ReadError(source, "not valid JSON: nested too deeply to read")
                continue
            if not isinstance(record, dict):
                yield ReadError(source, "JSON line is not an object")
                continue
            yield _record_page(record, fields, source, warnings)
