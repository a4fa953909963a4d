"""WCXB dev titles: warta beside trafilatura's metadata title, on the even ids, the odd ids and all.

    python bench/bench_title.py                      # warta and trafilatura
    python bench/bench_title.py --systems warta      # warta only
    python bench/bench_title.py --update-html-bench  # also write the title lines of html-bench.{md,json}

The score is the one `bench_html.py` reports (`wcxb_titles`, `title_match`): on
the WCXB dev pages that have gold text and a gold title, the share whose
predicted title equals the gold title once both are lower-cased and reduced to
their `\\w+` words. Each system runs once over all pages (`title_hits`); the
rates are then given for the even file ids, the odd ones, all pages, and each of
the dataset's page types. Title rules were developed on the even ids; the odd
ids are the check.
Results go to bench/results/html-title.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_html import RESULTS, ROOT, title_hits, wcxb


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
    groups: dict[str, list[int]] = {
        "even": [i for i, p in enumerate(pages) if int(p[0]) % 2 == 0],
        "odd": [i for i, p in enumerate(pages) if int(p[0]) % 2 == 1],
        "all": list(range(len(pages))),
    }
    kinds = sorted({p[4] or "unknown" for p in pages})
    for kind in kinds:
        groups[kind] = [i for i, p in enumerate(pages) if (p[4] or "unknown") == kind]
    hits: dict[str, list[bool]] = {}
    for name in args.systems:
        start = time.perf_counter()
        hits[name] = title_hits(pages, name)
        print(
            f"{name}: {sum(hits[name])} of {len(pages)} ({time.perf_counter() - start:.0f} s)",
            file=sys.stderr,
        )
    sizes = {group: len(members) for group, members in groups.items()}
    table: dict[str, dict[str, float]] = {
        name: {
            group: round(sum(page_hits[i] for i in members) / max(len(members), 1), 4)
            for group, members in groups.items()
        }
        for name, page_hits in hits.items()
    }

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
    lines += [
        "",
        "By the dataset's page type (its own label, which no extractor sees):",
        "",
        "| page type | pages | " + " | ".join(table) + " |",
        "|---|---|" + "---|" * len(table),
    ]
    for kind in kinds:
        lines.append(
            f"| {kind} | {sizes[kind]} | " + " | ".join(str(row[kind]) for row in table.values()) + " |"
        )
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
