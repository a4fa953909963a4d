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

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA, ROOT
from warta.model import Page, PageKind
from warta.options import ExtractOptions
from warta.pipeline import Extractor

WCXB_STEP = 7
SCRAPINGHUB_STEP = 3
REFERENCE = datetime(2025, 5, 2, 9, 0)
_SHOWN = 3  # differing items shown per page and annotation type


def pages() -> Iterator[tuple[str, str, PageKind, str | None]]:
    """(key, content, kind, url) of every page to dump."""
    for path in sorted((ROOT / "samples").iterdir()):
        if path.suffix in (".html", ".txt"):
            kind: PageKind = "html" if path.suffix == ".html" else "text"
            yield f"samples/{path.name}", path.read_text(encoding="utf-8"), kind, None
    wcxb = BENCH_DATA / "wcxb-dev"
    types = json.loads((wcxb / "metadata.json").read_text(encoding="utf-8")).get("files", {})
    articles = [
        path
        for path in sorted((wcxb / "html").glob("*.html.gz"))
        if (types.get(path.name.split(".")[0]) or {}).get("page_type") == "article"
    ]
    for path in articles[::WCXB_STEP]:
        fid = path.name.split(".")[0]
        truth = json.loads((wcxb / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield f"wcxb-dev/{fid}", html, "html", truth.get("url") or None
    sh = BENCH_DATA / "scrapinghub"
    gold = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold)[::SCRAPINGHUB_STEP]:
        html = gzip.decompress((sh / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield f"scrapinghub/{key}", html, "html", gold[key].get("url") or None


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


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return {rec["key"]: rec for rec in map(json.loads, handle)}


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """What differs between two records, one line each: the error, then per annotation type
    the items only one side has (a few shown)."""
    lines = []
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


def compare(before: Path, after: Path, shown: int) -> int:
    old, new = _load(before), _load(after)
    differing = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differing += 1
        if differing <= shown:
            print(f"{key}:")
            if a is None or b is None:
                print(f"  only in {'after' if a is None else 'before'}")
            else:
                print("\n".join(_differences(a, b)))
    print(f"{len(old)} pages before, {len(new)} after, {differing} differ", file=sys.stderr)
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    cmp.add_argument("--show", type=int, default=10, help="differing pages shown (default 10)")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
    else:
        sys.exit(compare(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
