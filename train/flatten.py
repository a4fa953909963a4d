"""Flatten HTML the two documented ways that `../shared/bench/scrapinghub-flat*/` use.

- `bs4`: BeautifulSoup(html, "lxml").get_text("\\n", strip=True) — every text node on
  its own line, no blank lines (a naive scraper).
- `inscriptis`: inscriptis.get_text(html) — layout kept, blank lines between blocks.

Training on both flatteners keeps the text model from overfitting to one of them.
Run: python train/flatten.py  (writes train/cache/wcxb-<flattener>/NNNN.txt)
"""

from __future__ import annotations

import gzip
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
WCXB = SHARED / "bench" / "wcxb-dev"
CACHE = Path(__file__).resolve().parent / "cache"


def flatten_bs4(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").get_text("\n", strip=True)


def flatten_inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


FLATTENERS = {"bs4": flatten_bs4, "inscriptis": flatten_inscriptis}


def _one(args: tuple[str, Path]) -> str:
    name, path = args
    out = CACHE / f"wcxb-{name}" / (path.name.split(".")[0] + ".txt")
    if out.exists():
        return "cached"
    html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    try:
        text = FLATTENERS[name](html)
    except Exception as exc:  # a flattener failing on one page must not stop the run
        return f"failed {path.name}: {exc}"
    out.write_text(text, encoding="utf-8")
    return "ok"


def main() -> None:
    pages = sorted((WCXB / "html").glob("*.html.gz"))
    jobs = [(name, p) for name in FLATTENERS for p in pages]
    for name in FLATTENERS:
        (CACHE / f"wcxb-{name}").mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=2) as pool:
        for i, status in enumerate(pool.map(_one, jobs, chunksize=8)):
            if status.startswith("failed"):
                print(status, file=sys.stderr)
            if i % 500 == 0:
                print(f"{i}/{len(jobs)}", file=sys.stderr)


if __name__ == "__main__":
    main()
