"""Dump warta's full extraction output for the bench pages, or compare two dumps.

    python bench/dump_outputs.py dump /tmp/before.jsonl          # all sets (about 600 pages)
    python bench/dump_outputs.py compare /tmp/before.jsonl /tmp/after.jsonl

Used to show that a speed change leaves the output unchanged: every page's
`Article.to_dict(include_labels=True)` is written as one JSON line keyed by
set and page id. The sets are the three ScrapingHub variants (all 181 pages
each) and every 7th WCXB dev page (214 pages).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA
from warta.model import Page, PageKind
from warta.pipeline import Extractor

WCXB_STEP = 7


Record = dict[str, Any]
PageRow = tuple[str, str, PageKind, str | None]  # (key, content, kind, url)


def scrapinghub_html(step: int = 1) -> Iterator[PageRow]:
    """Every `step`-th ScrapingHub HTML page."""
    sh = BENCH_DATA / "scrapinghub"
    gold = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold)[::step]:
        html = gzip.decompress((sh / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield f"scrapinghub/{key}", html, "html", gold[key].get("url") or None


def wcxb_html(step: int, page_type: str | None = None) -> Iterator[PageRow]:
    """Every `step`-th WCXB dev page (of the dataset's `page_type` only, where given)."""
    wcxb = BENCH_DATA / "wcxb-dev"
    paths = sorted((wcxb / "html").glob("*.html.gz"))
    if page_type is not None:
        types = json.loads((wcxb / "metadata.json").read_text(encoding="utf-8")).get("files", {})
        paths = [p for p in paths if (types.get(p.name.split(".")[0]) or {}).get("page_type") == page_type]
    for path in paths[::step]:
        fid = path.name.split(".")[0]
        truth = json.loads((wcxb / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield f"wcxb-dev/{fid}", html, "html", truth.get("url") or None


def pages() -> Iterator[PageRow]:
    """(key, content, kind, url) of every page to dump."""
    sh = BENCH_DATA / "scrapinghub"
    gold = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
    for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis"):
        for key in sorted(gold):
            yield (
                f"{variant}/{key}",
                (BENCH_DATA / variant / f"{key}.txt").read_text(encoding="utf-8"),
                "text",
                None,
            )
    yield from scrapinghub_html()
    yield from wcxb_html(WCXB_STEP)


def dump(out: Path) -> None:
    extractor = Extractor()
    with out.open("w", encoding="utf-8") as handle:
        for key, content, kind, url in pages():
            result = extractor.process(Page(content=content, kind=kind, url=url, source=key))
            record = (
                result.article.to_dict(include_labels=True) if result.article else {"error": result.error}
            )
            handle.write(json.dumps({"key": key, "out": record}, ensure_ascii=False, sort_keys=True) + "\n")


def load_dump(path: Path) -> dict[str, Record]:
    with path.open(encoding="utf-8") as handle:
        return {rec["key"]: rec for rec in map(json.loads, handle)}


def compare_dumps(
    before: Path, after: Path, describe: Callable[[str, Record, Record], list[str]], shown: int | None = None
) -> int:
    """Print what differs page by page (`describe` of each differing pair of records that both
    dumps hold, the first `shown` of them) and the count; 1 where any page differs."""
    old, new = load_dump(before), load_dump(after)
    differing = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differing += 1
        if shown is None or differing <= shown:
            if a is None or b is None:
                print(f"{key}:\n  only in {'after' if a is None else 'before'}")
            else:
                print("\n".join(describe(key, a, b)))
    print(f"{len(old)} pages before, {len(new)} after, {differing} differ", file=sys.stderr)
    return 1 if differing else 0


def _changed_fields(key: str, a: Record, b: Record) -> list[str]:
    old, new = a["out"], b["out"]
    return [f"{key}: {', '.join(sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k)))}"]


def command_line(
    doc: str | None, dump: Callable[[Path], None], compare: Callable[[Path, Path, int], int]
) -> None:
    """`dump OUT` | `compare BEFORE AFTER [--show N]` over a dump and a compare function."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    cmp.add_argument("--show", type=int, default=None, help="differing pages shown (default all)")
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
    else:
        sys.exit(compare(args.before, args.after, args.show))


if __name__ == "__main__":
    command_line(
        __doc__, dump, lambda before, after, shown: compare_dumps(before, after, _changed_fields, shown)
    )
