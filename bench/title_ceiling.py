"""How far can title choice go on WCXB dev? The gold titles' own split between heading and metadata.

    python bench/title_ceiling.py            # ~2 min: one extraction pass, then the ranker's cross-validation

Issue #3 asks for a title matching the WCXB gold on ≥ 90 % of the pages. This
script measures what limits that, on the pages `bench_title.py` scores:

1. the oracle: the share of pages whose gold title is spelled by *some* candidate
   (a visible heading, or a run of parts of a metadata title);
2. the annotators' split: on pages whose visible `<h1>` and metadata headline
   differ, how often the gold took the heading and how often the metadata;
3. a learned chooser: LightGBM over every candidate (features in
   `title_candidates.py`, including which candidate warta's rules chose), four
   folds grouped by site, against the rules on the same pages.

Results go to bench/results/title-ceiling.{json,md}.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import warta.pipeline as pipeline
from bench_html import _page, wcxb
from common import write_results
from title_candidates import TitleCandidate, title_candidates
from warta.assemble.title import _norm, metadata_headline, site_keys, without_site_name
from warta.model import Block, Label

FOLDS = 4
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 7,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 7,
}
ROUNDS = 100


@dataclass
class TitlePage:
    host: str
    kind: str
    gold: str
    rule: str | None
    h1: str | None  # the first <h1>, site name aside
    meta: str | None  # the first metadata title's headline part
    candidates: list[TitleCandidate]


def collect() -> list[TitlePage]:
    """Run warta on every WCXB dev page with a gold title, recording its title candidates."""
    seen: dict[str, Any] = {}
    rules = pipeline.choose_html_title  # type: ignore[attr-defined]

    def recording(
        blocks: Sequence[Block], titles: Sequence[str], site_names: Any = (), url: str | None = None
    ) -> Any:
        names = list(site_names)
        seen.update(blocks=blocks, titles=titles, keys=site_keys(names, url))
        return rules(blocks, titles, names, url)

    pipeline.choose_html_title = recording  # type: ignore[attr-defined]
    extractor = pipeline.Extractor()
    pages = []
    try:
        for _, url, html, _, kind, gold in wcxb(None):
            if not gold:
                continue
            seen.clear()
            page = _page(html, url)
            decoded = pipeline.decode_page(page, extractor.options)
            result = extractor.process(page)
            article = result.article
            rule = article.title if article else None
            candidates: list[TitleCandidate] = []
            h1 = meta = None
            if seen and article is not None:
                blocks, keys = seen["blocks"], seen["keys"]
                labels = [Label(v) for v in article.labels]
                _, metadata = extractor.segment(
                    decoded.text, decoded.kind, pipeline.Deadline(0), url or None, decoded.utf8
                )
                if metadata is not None:
                    candidates = title_candidates(blocks, labels, metadata, keys, url, rule)
                titles = seen["titles"]
                first_h1 = next((b.text for b in blocks if b.structure.heading_level == 1), None)
                h1 = without_site_name(first_h1, keys) if first_h1 else None
                meta = metadata_headline(titles[0], keys) if titles else None
            host = ((urlsplit(url).hostname or "") if url else "").removeprefix("www.")
            pages.append(TitlePage(host, kind, gold, rule, h1, meta, candidates))
    finally:
        pipeline.choose_html_title = rules  # type: ignore[attr-defined]
    return pages


def fold_of(host: str) -> int:
    return int(hashlib.md5(host.encode()).hexdigest(), 16) % FOLDS


def match(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and _norm(predicted or "") == _norm(gold)


def ranker_cv(pages: Sequence[TitlePage]) -> float:
    import lightgbm as lgb

    hits = 0
    for fold in range(FOLDS):
        rows, ys = [], []
        for page in pages:
            gold = _norm(page.gold)
            if fold_of(page.host) == fold or not any(c.key == gold for c in page.candidates):
                continue
            for c in page.candidates:
                rows.append(c.vector())
                ys.append(float(c.key == gold))
        booster = lgb.train(PARAMS, lgb.Dataset(np.asarray(rows), np.asarray(ys)), num_boost_round=ROUNDS)
        for page in pages:
            if fold_of(page.host) != fold:
                continue
            choice = page.rule
            if page.candidates:
                scores = booster.predict(np.asarray([c.vector() for c in page.candidates]))
                choice = page.candidates[int(np.argmax(scores))].text
            hits += match(choice, page.gold)
    return hits / max(len(pages), 1)


def split(pages: Sequence[TitlePage]) -> Counter[tuple[str, str]]:
    """Pages whose <h1> and metadata headline differ: which one the gold took, by page type."""
    counts: Counter[tuple[str, str]] = Counter()
    for page in pages:
        if not page.h1 or not page.meta or _norm(page.h1) == _norm(page.meta):
            continue
        gold = _norm(page.gold)
        took = "heading" if gold == _norm(page.h1) else "metadata" if gold == _norm(page.meta) else "neither"
        counts[(page.kind, took)] += 1
    return counts


def main() -> None:
    start = time.perf_counter()
    pages = collect()
    print(f"{len(pages)} pages recorded in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    n = max(len(pages), 1)
    rules = sum(match(p.rule, p.gold) for p in pages) / n
    oracle = sum(any(c.key == _norm(p.gold) for c in p.candidates) for p in pages) / n
    learned = ranker_cv(pages)
    counts = split(pages)
    kinds = sorted({kind for kind, _ in counts})
    lines = [
        "# WCXB dev titles: what limits the match rate",
        "",
        "Reproduce: `.venv/bin/python bench/title_ceiling.py`",
        "",
        f"Pages with gold text and a gold title: {len(pages)}.",
        "",
        "| measure | match rate |",
        "|---|---|",
        f"| warta's title rules (shipped) | {rules:.4f} |",
        f"| learned chooser over all candidates, 4 folds by site | {learned:.4f} |",
        f"| oracle: some candidate spells the gold title | {oracle:.4f} |",
        "",
        "Pages whose first `<h1>` and metadata headline differ (site name aside): the title the gold took.",
        "",
        "| page type | heading | metadata | neither |",
        "|---|---|---|---|",
    ]
    for kind in [*kinds, "all"]:
        row = [
            sum(v for (k, t), v in counts.items() if t == took and kind in (k, "all"))
            for took in ("heading", "metadata", "neither")
        ]
        lines.append(f"| {kind} | {row[0]} | {row[1]} | {row[2]} |")
    table = "\n".join(lines)
    print(table)
    payload = {
        "pages": len(pages),
        "rules": round(rules, 4),
        "ranker_cv": round(learned, 4),
        "oracle": round(oracle, 4),
        "params": PARAMS,
        "rounds": ROUNDS,
        "split": {f"{k}/{t}": v for (k, t), v in sorted(counts.items())},
    }
    write_results("title-ceiling", payload, table)


if __name__ == "__main__":
    main()
