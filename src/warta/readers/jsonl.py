"""JSONL dumps (FineWeb, CulturaX, our own output) → Pages, one per line.

Field names are configurable because every dump names them differently.
A broken line yields a `ReadError` naming the line; the file goes on.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from warta.model import Page
from warta.readers.encoding import path_source, repair_surrogates
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


def _open(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _line_body(raw: bytes) -> bytes:
    """`raw` without its line ending (LF or CRLF), which `max_line_bytes` does not count."""
    if raw.endswith(b"\r\n"):
        return raw[:-2]
    return raw[:-1] if raw.endswith(b"\n") else raw


def read_jsonl(
    path: Path, fields: JsonlFields, max_line_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | ReadError]:
    """One page per line; a line longer than `max_line_bytes` (its line ending not counted: a
    runaway record, or a file that is not JSONL at all) is skipped and reported instead of read
    whole into memory."""
    try:
        handle = _open(path)
    except OSError as exc:
        yield ReadError(path_source(path), f"cannot read file: {exc}", retry=True)
        return
    name = path_source(path)
    # (Room for the longest line allowed and a CRLF: a longer read is a longer line.)
    piece_bytes = max_line_bytes + 2
    with handle:
        line_no = 0
        while True:
            try:
                # (Read from the file itself: a BufferedReader around a truncated gzip stream
                # dropped the lines of its last buffer when the stream ended early.)
                raw = handle.readline(piece_bytes)
                too_long = len(_line_body(raw)) > max_line_bytes
                piece = raw
                while too_long and piece and not piece.endswith(b"\n"):
                    piece = handle.readline(piece_bytes)  # (the rest of the line, a piece at a time)
            except (OSError, EOFError) as exc:
                yield ReadError(f"{path_source(path)}:{line_no + 1}", f"stopped reading: {exc}")
                return
            if not raw:
                return
            line_no += 1
            source = f"{name}:{line_no}"
            if too_long:
                yield ReadError(source, f"line longer than {max_line_bytes} bytes: skipped")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield ReadError(source, f"not valid JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield ReadError(source, "JSON line is not an object")
                continue
            html = record.get(fields.html)
            text = record.get(fields.text)
            content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
            if not isinstance(content, str) or not content.strip():
                yield ReadError(
                    source,
                    f"no text in field {fields.text!r} or {fields.html!r} (use --text-field/--html-field)",
                )
                continue
            url = record.get(fields.url)
            record_id = record.get(fields.id)
            # "\\ud800" escapes decode to lone surrogates, which no output can encode;
            # the content is repaired (and flagged) by `decode_page`.
            yield Page(
                content=content,
                kind=kind,  # type: ignore[arg-type]
                url=repair_surrogates(url)[0] if isinstance(url, str) else None,
                source=repair_surrogates(f"{source}#{record_id}" if record_id is not None else source)[0],
                fetched_at=_parse_date(record.get(fields.date)),
            )
