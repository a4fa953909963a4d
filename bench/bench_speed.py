"""Speed only, measured fairly on a shared machine: systems timed in interleaved rounds.

    python bench/bench_speed.py               # 5 rounds (about 2 minutes)
    python bench/bench_speed.py --rounds 9

`bench_html.py` times each system once, one after the other, so a burst of load
on a shared machine lands on whichever system runs at that moment. Here every
round times each system once over the same pages, in turn, and the table gives
the best and the median round; the ratio to trafilatura is taken round by round
(warta's time over trafilatura's in the same round) and its median reported.
HTML: the 181 ScrapingHub pages (warta, trafilatura default, resiliparse).
Text: the flattened ScrapingHub pages (warta), in MB/s of input. When compiled models are cached
(`warta models --compile`), warta is timed twice: as installed, and with LightGBM scoring.
Results go to bench/results/speed.{json,md}.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BENCH_DATA, load_gold, markdown_table, write_results
from warta.model import Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor


def html_pages() -> list[str]:
    directory = BENCH_DATA / "scrapinghub"
    return [
        gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        for key in sorted(load_gold(directory))
    ]


def text_pages(variant: str) -> list[str]:
    directory = BENCH_DATA / variant
    return [(directory / f"{key}.txt").read_text(encoding="utf-8") for key in sorted(load_gold(directory))]


def warta_extractors() -> dict[str, Extractor]:
    """warta as installed (compiled models when cached), and with LightGBM scoring when that differs."""
    extractors = {"warta": Extractor()}
    if extractors["warta"].classifier("html").compiled:
        extractors["warta (LightGBM scoring)"] = Extractor(ExtractOptions(compiled_models="off"))
    return extractors


def html_systems() -> dict[str, Callable[[str], object]]:
    systems: dict[str, Callable[[str], object]] = {
        name: lambda html, extractor=extractor: extractor.extract_page(Page(content=html, kind="html"))
        for name, extractor in warta_extractors().items()
    }
    try:
        import trafilatura

        systems["trafilatura"] = lambda html: trafilatura.extract(html)
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        systems["resiliparse"] = lambda html: extract_plain_text(html, main_content=True)
    except ImportError:
        pass
    return systems


def seconds(run: Callable[[str], object], pages: list[str]) -> float:
    start = time.perf_counter()
    for page in pages:
        run(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    pages = html_pages()
    systems = html_systems()
    for run in systems.values():  # warm-up: imports, model loading, caches of the first page
        for page in pages[:10]:
            run(page)
    times: dict[str, list[float]] = {name: [] for name in systems}
    for round_ in range(args.rounds):
        for name, run in systems.items():
            times[name].append(seconds(run, pages))
        print(
            f"round {round_ + 1}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items()),
            file=sys.stderr,
        )

    extractors = warta_extractors()
    texts = {variant: text_pages(variant) for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis")}
    text_times: dict[tuple[str, str], list[float]] = {
        (variant, name): [] for variant in texts for name in extractors
    }
    for _ in range(args.rounds):
        for (variant, name), values in text_times.items():
            extractor = extractors[name]
            values.append(
                seconds(
                    lambda text, e=extractor: e.extract_page(Page(content=text, kind="text")), texts[variant]
                )
            )

    rows = []
    payload: dict[str, object] = {"rounds": args.rounds, "html_pages": len(pages)}
    for name, values in times.items():
        row: dict[str, object] = {
            "best_pages_per_s": round(len(pages) / min(values), 1),
            "median_pages_per_s": round(len(pages) / statistics.median(values), 1),
        }
        if "trafilatura" in times:
            ratios = [t / w for w, t in zip(values, times["trafilatura"], strict=True)]
            row["median_speed_vs_trafilatura"] = round(statistics.median(ratios), 2)
        payload[f"html/{name}"] = row
        rows.append(
            [
                "ScrapingHub HTML",
                name,
                row["best_pages_per_s"],
                row["median_pages_per_s"],
                "-",
                row.get("median_speed_vs_trafilatura", "-"),
            ]
        )
    for (variant, name), values in text_times.items():
        n_bytes = sum(len(t.encode("utf-8")) for t in texts[variant])
        row = {
            "best_pages_per_s": round(len(texts[variant]) / min(values), 1),
            "median_pages_per_s": round(len(texts[variant]) / statistics.median(values), 1),
            "best_mb_per_s": round(n_bytes / min(values) / 1e6, 2),
            "median_mb_per_s": round(n_bytes / statistics.median(values) / 1e6, 2),
        }
        payload[f"text/{variant}/{name}"] = row
        rows.append(
            [
                variant,
                name,
                row["best_pages_per_s"],
                row["median_pages_per_s"],
                f"{row['best_mb_per_s']} / {row['median_mb_per_s']}",
                "-",
            ]
        )
    table = "\n".join(
        [
            f"# Speed, one process, {args.rounds} interleaved rounds (`python bench/bench_speed.py`)",
            "",
            markdown_table(
                [
                    "input",
                    "system",
                    "pages/s (best)",
                    "pages/s (median)",
                    "MB/s (best / median)",
                    "× trafilatura (median of rounds)",
                ],
                rows,
            ),
        ]
    )
    print(table)
    write_results("speed", payload, table)


if __name__ == "__main__":
    main()
