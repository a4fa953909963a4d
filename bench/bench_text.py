"""Flattened-text benchmark: warta vs text-only baselines, with trafilatura-on-HTML as the upper reference.

    python bench/bench_text.py            # both flat variants of ScrapingHub
    python bench/bench_text.py --quick    # warta only (no anchors)

Scores body text with the ScrapingHub metric (warta.evaluate) on
../shared/bench/scrapinghub-flat/ and scrapinghub-flat-inscriptis/. All systems
run in this one process on the same pages. Results: bench/results/text.{json,md}.
"""

from __future__ import annotations

import argparse
import gzip
import html
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA, load_gold, markdown_table, write_results
from warta.evaluate import bow_scores, sh_scores
from warta.model import Page
from warta.pipeline import Extractor

System = Callable[[str], str]
_TERMINAL = (".", "!", "?", '"', "”", "'", "’")
_C4_BAD = (
    "javascript",
    "lorem ipsum",
    "{",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
)


def keep_all(text: str) -> str:
    return text


def c4_line_filter(text: str) -> str:
    """The C4 line rules: lines ending in terminal punctuation, ≥ 3 words, no code/policy markers."""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        lower = line.lower()
        if len(line.split()) < 3 or not line.endswith(_TERMINAL) or any(b in lower for b in _C4_BAD):
            continue
        kept.append(line)
    return "\n".join(kept)


def make_justext() -> System:
    import justext
    import py3langid

    names = {
        "en": "English",
        "id": "Indonesian",
        "pt": "Portuguese",
        "ru": "Russian",
        "de": "German",
        "it": "Italian",
        "fr": "French",
        "es": "Spanish",
        "ms": "Malay",
        "nl": "Dutch",
    }

    def run(text: str) -> str:
        lang, _ = py3langid.classify(text[:5000])
        stoplist = justext.get_stoplist(names.get(lang, "English"))
        doc = (
            "<html><body>"
            + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
            + "</body></html>"
        )
        paragraphs = justext.justext(doc, stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def make_warta() -> System:
    extractor = Extractor()

    def run(text: str) -> str:
        return extractor.extract_page(Page(content=text, kind="text")).text

    return run


def timed(system: System, inputs: dict[str, str]) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    out = {key: system(value) for key, value in inputs.items()}
    return out, time.perf_counter() - start


def score(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    pairs = [(pred.get(k, ""), gold[k]) for k in sorted(gold)]
    sh = sh_scores(pairs)
    bow = bow_scores(pairs)
    return {"sh_precision": sh.precision, "sh_recall": sh.recall, "sh_f1": sh.f1, "bow_f1": bow.f1}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="warta only, no anchors")
    parser.add_argument("--repeat", type=int, default=3, help="timing repetitions for warta throughput")
    args = parser.parse_args()

    systems: dict[str, System] = {"warta": make_warta()}
    if not args.quick:
        systems.update(
            {"keep-all": keep_all, "c4-line-filter": c4_line_filter, "justext-per-line": make_justext()}
        )

    results: dict[str, dict[str, dict[str, float]]] = {}
    rows = []
    for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis"):
        directory = BENCH_DATA / variant
        gold = load_gold(directory)
        inputs = {k: (directory / f"{k}.txt").read_text(encoding="utf-8") for k in gold}
        n_bytes = sum(len(v.encode("utf-8")) for v in inputs.values())
        results[variant] = {}
        for name, system in systems.items():
            pred, seconds = timed(system, inputs)
            if name == "warta":
                seconds = min([seconds] + [timed(system, inputs)[1] for _ in range(args.repeat - 1)])
            metrics = score(pred, gold)
            metrics.update({"pages_per_s": len(inputs) / seconds, "mb_per_s": n_bytes / seconds / 1e6})
            results[variant][name] = metrics
            rows.append(
                [
                    variant,
                    name,
                    metrics["sh_precision"],
                    metrics["sh_recall"],
                    metrics["sh_f1"],
                    metrics["bow_f1"],
                    round(metrics["pages_per_s"], 1),
                    round(metrics["mb_per_s"], 2),
                ]
            )
            print(rows[-1], file=sys.stderr)

    if not args.quick:
        import trafilatura

        directory = BENCH_DATA / "scrapinghub"
        gold = load_gold(directory)
        pages = {
            k: gzip.decompress((directory / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8")
            for k in gold
        }
        pred, seconds = timed(lambda h: trafilatura.extract(h, include_comments=False) or "", pages)
        metrics = score(pred, gold)
        metrics["pages_per_s"] = len(pages) / seconds
        results["scrapinghub-html"] = {"trafilatura": metrics}
        rows.append(
            [
                "scrapinghub (HTML)",
                "trafilatura (upper reference)",
                metrics["sh_precision"],
                metrics["sh_recall"],
                metrics["sh_f1"],
                metrics["bow_f1"],
                round(metrics["pages_per_s"], 1),
                "-",
            ]
        )
        for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis"):
            gap = metrics["sh_f1"] - results[variant]["warta"]["sh_f1"]
            results[variant]["gap_to_trafilatura_html"] = {"sh_f1": gap}

    table = markdown_table(["input", "system", "SH P", "SH R", "SH F1", "bow F1", "pages/s", "MB/s"], rows)
    print(table)
    write_results("text-quick" if args.quick else "text", {"results": results}, table)


if __name__ == "__main__":
    main()
