"""Dump warta's enrichment annotations for a set of pages, or compare two dumps.

    python bench/dump_annotations.py dump /tmp/before.jsonl          # about 170 pages
    python bench/dump_annotations.py compare /tmp/before.jsonl /tmp/after.jsonl

Used to show that a change to `warta.enrich` leaves the annotations unchanged: every page's
`article.annotations` (from `Extractor(ExtractOptions(enrich=True))`) is written as one JSON
line keyed by set and page id, with the enrichment warning if the annotators failed. The pages
are the bundled `samples/`, every 7th WCXB dev article page and every 3rd ScrapingHub page.
The reference date is fixed, so that relative mentions ("kemarin", "last week") resolve the
same way on every run, on pages without a date of their own.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import ROOT
from dump_outputs import PageRow, Record, command_line, compare_dumps, scrapinghub_html, wcxb_html
from warta.model import Page, PageKind
from warta.options import ExtractOptions
from warta.pipeline import Extractor

WCXB_STEP = 7
SCRAPINGHUB_STEP = 3
REFERENCE = datetime(2025, 5, 2, 9, 0)
_SHOWN = 3  # differing items shown per page and annotation type


def pages() -> Iterator[PageRow]:
    """(key, content, kind, url) of every page to dump."""
    for path in sorted((ROOT / "samples").iterdir()):
        if path.suffix in (".html", ".txt"):
            kind: PageKind = "html" if path.suffix == ".html" else "text"
            yield f"samples/{path.name}", path.read_text(encoding="utf-8"), kind, None
    yield from wcxb_html(WCXB_STEP, page_type="article")
    yield from scrapinghub_html(SCRAPINGHUB_STEP)


def dump(out: Path) -> None:
    extractor = Extractor(ExtractOptions(enrich=True, reference=REFERENCE))
    with out.open("w", encoding="utf-8") as handle:
        for key, content, kind, url in pages():
            result = extractor.process(Page(content=content, kind=kind, url=url, source=key))
            article = result.article
            record: dict[str, Any] = {"key": key}
            if article is None:
                record["error"] = result.error
            else:
                record["annotations"] = article.annotations
                failed = [w for w in article.warnings if w.startswith("enrichment failed")]
                if failed:
                    record["error"] = failed[0]
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def _differences(key: str, a: Record, b: Record) -> list[str]:
    """What differs between two records, one line each: the error, then per annotation type
    the items only one side has (a few shown)."""
    lines = [f"{key}:"]
    if a.get("error") != b.get("error"):
        lines.append(f"  error: {a.get('error')!r} -> {b.get('error')!r}")
    old, new = a.get("annotations") or {}, b.get("annotations") or {}
    for name in sorted(old.keys() | new.keys()):
        before, after = old.get(name) or [], new.get(name) or []
        if before == after:
            continue
        gone = [item for item in before if item not in after]
        added = [item for item in after if item not in before]
        lines.append(f"  {name}: {len(before)} -> {len(after)} ({len(gone)} gone, {len(added)} new)")
        lines += [f"    - {json.dumps(item, ensure_ascii=False)}" for item in gone[:_SHOWN]]
        lines += [f"    + {json.dumps(item, ensure_ascii=False)}" for item in added[:_SHOWN]]
        if not gone and not added:
            lines.append("    (the same items in another order)")
    return lines


if __name__ == "__main__":
    command_line(
        __doc__,
        dump,
        lambda before, after, shown: compare_dumps(
            before, after, _differences, 10 if shown is None else shown
        ),
    )
