"""Instructions a page, counted by cachegrind: a deterministic measure on a noisy machine.

    python bench/count_instructions.py                 # ScrapingHub HTML pages
    python bench/count_instructions.py --kind text     # their flattened text
    WARTA_CACHE_DIR=DIR python bench/count_instructions.py

Runs `extract_page` over the 181 ScrapingHub pages under valgrind twice, once with a warm-up
round only and once with one more round, and prints the difference over the pages: the cost of
a warm page, without imports and model loading. Needs `valgrind` on the PATH.

Under valgrind the CPU reads as another model (haswell here), so the compiled models cached for
the real CPU are not found and LightGBM scores, which costs several times what the compiled
models do. To count what real runs spend, compile the models once under valgrind into a cache
of their own and pass the same `WARTA_CACHE_DIR` here:

    WARTA_CACHE_DIR=DIR valgrind python -c "from warta.classify.model import load_classifier;
        [load_classifier(kind, 'compile') for kind in ('html', 'text')]"
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def run_pages(kind: str, rounds: int) -> None:
    """The measured loop: one warm-up round, then `rounds` more."""
    from bench_speed import html_pages, text_pages
    from warta.model import Page
    from warta.pipeline import Extractor

    pages = html_pages() if kind == "html" else text_pages("scrapinghub-flat")
    extractor = Extractor()
    for _ in range(1 + rounds):
        for content in pages:
            extractor.extract_page(Page(content=content, kind="html" if kind == "html" else "text"))


def instructions(kind: str, rounds: int) -> int:
    """Instructions valgrind counts for the whole process running `rounds` measured rounds."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "cachegrind.out"
        command = [
            "valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
            sys.executable, __file__, "--kind", kind, "--loop", str(rounds),
        ]  # fmt: skip
        subprocess.run(command, env=env, check=True, capture_output=True)
        summary = re.search(r"^summary: (\d+)", out.read_text(), re.M)
        if summary is None:
            raise SystemExit(f"no summary line in {out}")
        return int(summary.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kind", choices=("html", "text"), default="html")
    parser.add_argument("--loop", type=int, default=None, help=argparse.SUPPRESS)  # (the child run)
    args = parser.parse_args()
    if args.loop is not None:
        run_pages(args.kind, args.loop)
        return
    from bench_speed import html_pages, text_pages

    pages = len(html_pages() if args.kind == "html" else text_pages("scrapinghub-flat"))
    per_page = (instructions(args.kind, 1) - instructions(args.kind, 0)) // pages
    print(f"{args.kind}: {per_page:,} instructions a page ({pages} ScrapingHub pages)")


if __name__ == "__main__":
    main()
