"""Mojibake repair: warta's `repair_mojibake` beside ftfy's `fix_encoding`, on every bench page.

    python bench/bench_mojibake.py            # about 2 minutes (ftfy is slow on large pages)
    python bench/bench_mojibake.py --no-ftfy  # warta only: time and pages changed

Every page of the benchmark sets (WCXB dev HTML, ScrapingHub HTML and its two
flattened variants) is decoded as warta decodes it, then repaired by both. For
each page and each line the two results are compared: changed by both alike,
by both differently, only by warta, only by ftfy. Where a WCXB page has gold
text, a changed line is checked against it: does the gold contain the line's
words as repaired, or as they were? Time is CPU time over all pages.
Results go to bench/results/mojibake.{json,md}; disagreements are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA, markdown_table, write_results
from warta.readers.encoding import decode_bytes
from warta.readers.mojibake import repair_mojibake

_WORDS = re.compile(r"\w+")


def pages() -> list[tuple[str, str, str | None]]:
    """(set/name, decoded text, gold text or None) of every bench page."""
    out: list[tuple[str, str, str | None]] = []
    wcxb = BENCH_DATA / "wcxb-dev"
    for path in sorted((wcxb / "html").glob("*.html.gz")):
        gold_file = wcxb / "ground-truth" / f"{path.name.split('.')[0]}.json"
        gold = None
        if gold_file.exists():
            truth = json.loads(gold_file.read_text(encoding="utf-8")).get("ground_truth") or {}
            gold = " ".join(str(truth.get(k) or "") for k in ("title", "main_content"))
        out.append((f"wcxb-dev/{path.name}", decode_bytes(gzip.decompress(path.read_bytes()), None)[0], gold))
    for path in sorted((BENCH_DATA / "scrapinghub" / "html").glob("*.html.gz")):
        out.append(
            (f"scrapinghub/{path.name}", decode_bytes(gzip.decompress(path.read_bytes()), None)[0], None)
        )
    for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis"):
        for path in sorted((BENCH_DATA / variant).glob("*.txt")):
            out.append((f"{variant}/{path.name}", path.read_text(encoding="utf-8"), None))
    return out


def _in_gold(line: str, gold: str) -> bool:
    words = _WORDS.findall(line.lower())
    return bool(words) and " ".join(words) in gold


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-ftfy", action="store_true")
    args = parser.parse_args()
    docs = pages()
    start = time.process_time()
    ours = [repair_mojibake(text)[0] for _, text, _ in docs]
    warta_s = time.process_time() - start
    counts: Counter[str] = Counter(
        pages=len(docs), warta_pages=sum(a != b[1] for a, b in zip(ours, docs, strict=True))
    )
    ftfy_s = None
    if not args.no_ftfy:
        import ftfy

        start = time.process_time()
        theirs = [ftfy.fix_encoding(text) for _, text, _ in docs]
        ftfy_s = time.process_time() - start
        counts["ftfy_pages"] = sum(a != b[1] for a, b in zip(theirs, docs, strict=True))
        for (name, text, _), mine, other in zip(docs, ours, theirs, strict=True):
            if mine == text and other == text:
                continue
            for old, new_w, new_f in zip(text.split("\n"), mine.split("\n"), other.split("\n"), strict=False):
                if new_w == old and new_f == old:
                    continue
                kind = (
                    "same repair"
                    if new_w == new_f
                    else "only warta"
                    if new_f == old
                    else "only ftfy"
                    if new_w == old
                    else "different repairs"
                )
                counts[f"lines: {kind}"] += 1
                if kind != "same repair":
                    at = _first_difference(old, new_w if new_w != old else new_f)
                    window = slice(max(0, at - 40), at + 60)
                    print(
                        f"{name} [{kind}]\n  was:   {old[window]!r}\n  warta: {new_w[window]!r}\n  ftfy:  {new_f[window]!r}"
                    )
    for (_, text, gold), mine in zip(docs, ours, strict=True):
        if gold is None or mine == text:
            continue
        gold_words = " ".join(_WORDS.findall(gold.lower()))
        for old, new in zip(text.split("\n"), mine.split("\n"), strict=False):
            if old != new:
                counts[
                    f"gold has: {'repaired' if _in_gold(new, gold_words) else 'original' if _in_gold(old, gold_words) else 'neither'}"
                ] += 1
    rows = [[key, value] for key, value in sorted(counts.items())]
    rows.append(["warta ms/page", round(warta_s / len(docs) * 1000, 4)])
    if ftfy_s is not None:
        rows.append(["ftfy ms/page", round(ftfy_s / len(docs) * 1000, 3)])
    table = markdown_table(["measure", "value"], rows)
    print(table)
    write_results("mojibake", {"counts": dict(counts), "warta_s": warta_s, "ftfy_s": ftfy_s}, table)


if __name__ == "__main__":
    main()
