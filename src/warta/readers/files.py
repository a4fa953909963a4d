"""Files, directories, globs, `.gz` and stdin → Pages."""

from __future__ import annotations

import glob
import os
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from warta.model import Page, PageKind
from warta.readers.encoding import path_source

if TYPE_CHECKING:
    from warta.readers.jsonl import JsonlFields

# Extensions picked up when a directory is given.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".warc", ".wet")
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be turned into a page, and why.

    `retry`: the input could not be read at all (missing, unreadable, empty), which says
    nothing of what it will hold later: an ingest does not record it as done.
    `skip`: the input holds no page and is none to hold one (a WARC record of an image, a
    redirect, a revisit): no failure; batches count such records by reason and go on.
    """

    source: str
    message: str
    retry: bool = False
    skip: bool = False


def _base_suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def gunzip(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str | None]:
    """Decompress gzip data; a truncated or corrupt stream yields what was readable and a warning.

    Concatenated members (``cat a.gz b.gz``, common in crawl dumps) are all read;
    output beyond `max_bytes` is cut off with a warning rather than inflated into memory.
    """
    chunks: list[bytes] = []
    size = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(rest, max_bytes - size + 1)
        except zlib.error as exc:
            if chunks:  # trailing garbage after complete members
                return b"".join(chunks), f"corrupt gzip data after {size} bytes: {exc}"
            return b"", f"corrupt gzip data: {exc}"
        chunks.append(out)
        size += len(out)
        if size > max_bytes:
            return b"".join(chunks)[:max_bytes], (
                f"gzip content larger than {max_bytes} bytes: only the first part was read"
            )
        if not inflater.eof:
            return b"".join(chunks), f"truncated gzip: read {size} bytes before the stream ended"
        # Some writers pad the file with NUL bytes after the last member.
        rest = inflater.unused_data.lstrip(b"\x00")
    return b"".join(chunks), None


def _glob(pattern: str) -> list[str]:
    """`sorted(glob.glob(pattern, recursive=True))`, except that `**` does not follow symbolic
    links to directories (as a directory input does not): glob's does, so a link to a parent
    directory made it yield every file again at each level, and two such links made it walk
    for hours (2^40 paths before the system's limit on links in a path stops it).
    """
    parts = pattern.split(os.sep)
    if "**" not in parts:
        return sorted(glob.glob(pattern))
    cut = parts.index("**")
    top, rest = os.sep.join(parts[:cut]) or (os.sep if cut else ""), os.sep.join(parts[cut + 1 :])
    found: set[str] = set()
    for root in glob.glob(top) if top else [""]:
        if root and not os.path.isdir(root):
            continue
        for directory, subdirectories, files in os.walk(root or os.curdir):
            subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
            base = (
                directory if root else os.path.relpath(directory)
            )  # (as glob names them: "a/x", not "./a/x")
            base = "" if base == os.curdir else base
            if rest:
                found.update(_glob(os.path.join(glob.escape(base), rest)))
            else:
                found.update(os.path.join(base, name) for name in files if not name.startswith("."))
    return sorted(found)


def expand_paths(inputs: Iterable[str]) -> Iterator[Path | str | ReadError]:
    """Yield files for each input: a file, a directory (recursive), a glob, or '-' for stdin; a
    file of a directory input that holds no page kind is a `ReadError` with `skip`."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            yield from _directory_files(path)
        elif path.exists():
            yield path
        else:
            matches = _glob(item)
            if not matches:
                yield Path(item)  # reported as missing by read_paths
            files = [Path(match) for match in matches if _is_file_or_broken_link(Path(match))]
            # A directory matched ('crawl/*') is read as a directory input is, as the shell's
            # unquoted crawl/* gives it; ('crawl/**/*' also matched its files one by one).
            named = set(files)
            skipped: list[ReadError] = []
            for match in matches:
                if Path(match).is_dir():
                    for found in _directory_files(Path(match)):
                        if isinstance(found, ReadError):
                            skipped.append(found)
                        elif found not in named:
                            files.append(found)
                            named.add(found)
            yield from sorted(files)
            # (a file '**/*' names is read whatever its suffix; nested directories repeat files)
            read = {path_source(f) for f in files}
            yield from {e.source: e for e in skipped if e.source not in read}.values()


def _directory_files(path: Path) -> Iterator[Path | ReadError]:
    """The page and record files under a directory, recursively, in name order; a file of another
    kind (a PDF, an image) is named as skipped (`ReadError.skip`), so that a batch counts it.
    Hidden files and directories (".git") are left out without a word."""
    for child in sorted(path.rglob("*")):
        if not _is_file_or_broken_link(child) or _hidden(child.relative_to(path)):
            continue
        suffix = _base_suffix(child)
        if suffix in PAGE_SUFFIXES + RECORD_SUFFIXES:
            yield child
        else:
            what = suffix or "no suffix"
            yield ReadError(path_source(child), f"not a page file ({what}) in a directory input", skip=True)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _is_file_or_broken_link(path: Path) -> bool:
    # A broken link is yielded to be reported by read_paths, not skipped without a word.
    return path.is_file() or (path.is_symlink() and not path.exists())


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Page | ReadError:
    """Read one page file (optionally gzipped). Encoding is decided later, by `decode_page`."""
    source = path_source(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return ReadError(source, f"cannot read file: {exc.strerror or exc}", retry=True)
    warnings: list[str] = []
    if len(data) > max_bytes:
        data = data[:max_bytes]
        warnings.append(f"file larger than {max_bytes} bytes: only the first part was read")
    if not data:
        return ReadError(source, "empty file", retry=True)
    if path.name.lower().endswith(".gz"):
        data, problem = gunzip(data, max_bytes)
        if problem:
            if not data:
                return ReadError(source, problem)
            warnings.append(problem)
    if not data:
        return ReadError(source, "empty file")
    suffix = _base_suffix(path)
    kind: PageKind | None = (
        "text"
        if suffix in (".txt", ".text", ".md")
        else "html"
        if suffix in (".html", ".htm", ".xhtml")
        else None
    )
    return Page(content=data, kind=kind, source=source, warnings=tuple(warnings))


def read_paths(
    inputs: Iterable[str],
    fields: JsonlFields | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Collection[Path] = (),
) -> Iterator[Page | ReadError]:
    """Pages from files, directories, globs and stdin; JSONL and WARC files yield one page per record.

    `exclude`: resolved paths of files not to read (the output being written into an input directory).
    """
    for item in expand_paths(inputs):
        if item == "-":
            data = sys.stdin.buffer.read()
            if not data:
                yield ReadError("<stdin>", "empty input on stdin", retry=True)
            else:
                yield Page(content=data, source="<stdin>")
            continue
        if isinstance(item, ReadError):
            if not (exclude and Path(item.source).resolve() in exclude):
                yield item
            continue
        assert isinstance(item, Path)
        if exclude and item.resolve() in exclude:
            continue
        if not item.exists():
            problem = (
                f"broken symbolic link to {os.readlink(item)}"
                if item.is_symlink()
                else "no such file or directory"
            )
            yield ReadError(path_source(item), problem, retry=True)
            continue
        suffix = _base_suffix(item)
        if suffix in (".jsonl", ".ndjson"):
            from warta.readers.jsonl import JsonlFields, read_jsonl

            yield from read_jsonl(item, fields or JsonlFields(), max_bytes)
        elif suffix in (".warc", ".wet"):
            from warta.readers import warc

            yield from warc.read_warc(item)
        else:
            yield read_file(item, max_bytes)
