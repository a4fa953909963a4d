"""Where warta's time goes: CPU time per pipeline stage on the ScrapingHub pages.

    python bench/bench_stages.py              # HTML and flattened text, 3 timed rounds (about 30 s)
    python bench/bench_stages.py --rounds 5

The stages are the steps of `Extractor.extract_page`, called one by one as it
calls them: decoding, segmentation (for HTML: the parse, the markup metadata and
the DOM walk), the mojibake check, block features (with the normalised lines
they share with the labels), scoring, label rules and assembly. A first,
untimed round checks that the stages put together give exactly the article
`extract_page` gives, so the split cannot drift from the pipeline. Each stage's
figure is its best round, in CPU time (`time.process_time`), per page.
Results go to bench/results/stages.{json,md}.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BENCH_DATA, load_gold, markdown_table, write_results
from warta.classify.features import block_features
from warta.classify.html_labels import refine_html_labels
from warta.classify.labels import label_blocks
from warta.lexicon import normalise_lines
from warta.model import Article, Page, PageKind
from warta.pipeline import Deadline, Extractor, _related_header_of, decode_page
from warta.readers.mojibake import repair_blocks, repair_metadata

STAGES = ("decode", "segment", "mojibake", "features", "scoring", "labels", "assembly")


def pages(kind: PageKind) -> list[bytes]:
    if kind == "html":
        directory = BENCH_DATA / "scrapinghub"
        return [
            gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes())
            for key in sorted(load_gold(directory))
        ]
    directory = BENCH_DATA / "scrapinghub-flat"
    return [(directory / f"{key}.txt").read_bytes() for key in sorted(load_gold(directory))]


def staged(extractor: Extractor, page: Page, times: dict[str, float]) -> Article:
    """`extract_page`'s steps for a page with no time limit, each stage's CPU time added to `times`."""
    options = extractor.options
    clock = time.process_time
    start = clock()
    decoded = decode_page(page, options)
    kind = decoded.kind
    t_decode = clock()
    blocks, metadata = extractor.segment(decoded.text, kind, Deadline(0), page.url, decoded.utf8)
    t_segment = clock()
    blocks, _ = repair_blocks(blocks)
    if metadata is not None:
        repair_metadata(metadata)
    t_mojibake = clock()
    norms = normalise_lines([block.text for block in blocks])
    features = block_features(blocks, extractor.lexicon, kind, norms)
    t_features = clock()
    probs = extractor.classifier(kind).predict(features).tolist()
    t_scoring = clock()
    labels = label_blocks(blocks, probs, extractor.lexicon, options.body_threshold, norms=norms)
    if kind == "html":
        header_kind = _related_header_of(norms, extractor.lexicon)
        labels = refine_html_labels(blocks, labels, probs, options.body_threshold, header_kind)
    t_labels = clock()
    article = extractor.assemble(blocks, labels, metadata, page, kind, norms=norms)
    end = clock()
    marks = (start, t_decode, t_segment, t_mojibake, t_features, t_scoring, t_labels, end)
    for stage, (a, b) in zip(STAGES, pairwise(marks), strict=True):
        times[stage] += b - a
    return article


def measure(kind: PageKind, rounds: int) -> dict[str, float]:
    """Best-round milliseconds per page for each stage, after checking the staged output."""
    extractor = Extractor()
    contents = pages(kind)
    for content in contents:
        page = Page(content=content, kind=kind)
        expected = extractor.extract_page(page).to_dict()
        got = staged(extractor, page, defaultdict(float)).to_dict()
        got["warnings"], expected["warnings"] = [], []  # warnings are the pipeline's to add
        if got != expected:
            raise SystemExit(f"staged extraction differs from extract_page on a {kind} page")
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(rounds):
        times: dict[str, float] = defaultdict(float)
        for content in contents:
            staged(extractor, Page(content=content, kind=kind), times)
        for stage in STAGES:
            best[stage] = min(best[stage], times[stage])
    return {stage: seconds / len(contents) * 1000 for stage, seconds in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = {"html": measure("html", args.rounds), "text": measure("text", args.rounds)}
    rows = [
        [kind, *(round(ms[s], 2) for s in STAGES), round(sum(ms.values()), 2)] for kind, ms in results.items()
    ]
    table = (
        "# CPU time per stage, ms a ScrapingHub page (`python bench/bench_stages.py`)\n\n"
        + markdown_table(["input", *STAGES, "total"], rows)
    )
    print(table)
    write_results("stages", {"ms_per_page": results, "rounds": args.rounds}, table)


if __name__ == "__main__":
    main()
