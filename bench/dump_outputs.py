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
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA
from warta.model import Page, PageKind
from warta.pipeline import Extractor

WCXB_STEP = 7


def pages() -> Iterator[tuple[str, str, PageKind, str | None]]:
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
    for key in sorted(gold):
        html = gzip.decompress((sh / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield f"scrapinghub/{key}", html, "html", gold[key].get("url") or None
    wcxb = BENCH_DATA / "wcxb-dev"
    for path in sorted((wcxb / "html").glob("*.html.gz"))[::WCXB_STEP]:
        fid = path.name.split(".")[0]
        truth = json.loads((wcxb / "ground-truth" / f"{fid}.json").read_text(encoding="utf-8"))
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield f"wcxb-dev/{fid}", html, "html", truth.get("url") or None


def dump(out: Path) -> None:
    extractor = Extractor()
    with out.open("w", encoding="utf-8") as handle:
        for key, content, kind, url in pages():
            result = extractor.process(Page(content=content, kind=kind, url=url, source=key))
            record = (
                result.article.to_dict(include_labels=True) if result.article else {"error": result.error}
            )
            handle.write(json.dumps({"key": key, "out": record}, ensure_ascii=False, sort_keys=True) + "\n")


def _load(path: Path) -> dict[str, dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return {rec["key"]: rec["out"] for rec in map(json.loads, handle)}


def compare(before: Path, after: Path) -> int:
    old, new = _load(before), _load(after)
    differing = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differing += 1
        fields = sorted(
            k for k in (a or {}).keys() | (b or {}).keys() if (a or {}).get(k) != (b or {}).get(k)
        )
        print(f"{key}: {', '.join(fields)}")
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
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
