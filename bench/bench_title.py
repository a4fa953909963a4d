"""WCXB dev titles: warta beside trafilatura's metadata title, on the even ids, the odd ids and all.

    python bench/bench_title.py                      # warta and trafilatura
    python bench/bench_title.py --systems warta      # warta only
    python bench/bench_title.py --update-html-bench  # also write the title lines of html-bench.{md,json}

The score is the one `bench_html.py` reports (`wcxb_titles`, `title_match`): on
the WCXB dev pages that have gold text and a gold title, the share whose
predicted title equals the gold title once both are lower-cased and reduced to
their `\\w+` words. `wcxb_titles` runs once on the even file ids and once on
the odd ones; the figure for all pages is their pooled count, the same number
`wcxb_titles` gives on all pages at once. Title rules were developed on the
even ids; the odd ids are the check.
Results go to bench/results/html-title.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_html import RESULTS, ROOT, wcxb, wcxb_titles


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True
        )
        return out.stdout.strip() + (" (src modified)" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--systems", nargs="*", default=["warta", "trafilatura"])
    parser.add_argument("--update-html-bench", action="store_true")
    args = parser.parse_args()

    pages = [p for p in wcxb(None) if p[5]]
    halves = {
        "even": [p for p in pages if int(p[0]) % 2 == 0],
        "odd": [p for p in pages if int(p[0]) % 2 == 1],
    }
    systems: dict[str, Any] = {name: None for name in args.systems}  # wcxb_titles only looks at the names
    hits: dict[str, dict[str, int]] = {name: {} for name in systems}
    for half, subset in halves.items():
        start = time.perf_counter()
        scores = wcxb_titles(subset, systems)
        print(f"{half}: {scores} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
        for name, rate in scores.items():
            hits[name][half] = round(rate * len(subset))  # exact: 4 decimals on fewer than 10,000 pages
    sizes = {half: len(subset) for half, subset in halves.items()}
    table: dict[str, dict[str, float]] = {}
    for name, by_half in hits.items():
        table[name] = {half: round(by_half[half] / max(sizes[half], 1), 4) for half in halves}
        table[name]["all"] = round(sum(by_half.values()) / max(len(pages), 1), 4)

    lines = [
        "# WCXB dev titles (case/punctuation-insensitive exact match)",
        "",
        "Reproduce: `.venv/bin/python bench/bench_title.py` (bench_html.py puts this checkout's src/ first on the path)",
        "",
        f"Code: {_commit()}. Pages with gold text and a gold title: {len(pages)} "
        f"(even ids {sizes['even']}, odd ids {sizes['odd']}). Title rules were developed on the even ids.",
        "",
        "| system | even ids | odd ids | all |",
        "|---|---|---|---|",
    ]
    for name, row in table.items():
        lines.append(f"| {name} | {row['even']} | {row['odd']} | {row['all']} |")
    text = "\n".join(lines)
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "code": _commit(),
        "pages": sizes,
        "title_match": table,
    }
    (RESULTS / "html-title.json").write_text(json.dumps(payload, indent=2) + "\n")
    (RESULTS / "html-title.md").write_text(text + "\n")
    print(text)

    if args.update_html_bench:
        bench_json = RESULTS / "html-bench.json"
        data = json.loads(bench_json.read_text())
        data["wcxb_title_match"] = {name: row["all"] for name, row in table.items()}
        bench_json.write_text(json.dumps(data, indent=2))
        bench_md = RESULTS / "html-bench.md"
        head = bench_md.read_text().split("## WCXB dev titles")[0]
        bench_md.write_text(
            head
            + "## WCXB dev titles (case/punctuation-insensitive exact match)\n\n"
            + "\n".join(f"- {name}: {row['all']}" for name, row in table.items())
            + f"\n\nTitles rerun alone with `bench/bench_title.py --update-html-bench` on {_commit()}"
            + " (the tables above are from the earlier full run).\n"
        )


if __name__ == "__main__":
    main()
