"""Readers yield `Page`s lazily, or `ReadError`s for inputs they could not read.

A reader never raises for one bad record: it yields a `ReadError` and goes on,
so a batch can report what it skipped and why.
"""

from warta.readers.files import ReadError, read_paths
from warta.readers.jsonl import JsonlFields, read_jsonl

__all__ = ["JsonlFields", "ReadError", "read_jsonl", "read_paths"]
