"""Precision@5 of `warta.enrich.keywords` on short articles written for it
(tests/enrich/data/keyword_articles.toml: expectations written before the extractor ran).

    PYTHONPATH=src:. python bench/keyword_check.py [--show]

Prints a table per set (dev: looked at while tuning; heldout: not; fresh: written after
tuning and run once) and writes
bench/results/keywords.md and .json."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from warta.enrich import EnrichContext
from warta.enrich.keywords import find_keywords

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "enrich" / "data" / "keyword_articles.toml"
RESULTS = ROOT / "bench" / "results"
K = 5


def is_hit(keyword: str, expected: list[str]) -> bool:
    """Equal to an expected keyword, or holding one as whole words (case-insensitive)."""
    words = keyword.lower().split()
    for wanted in expected:
        target = wanted.lower().split()
        if any(words[i : i + len(target)] == target for i in range(len(words) - len(target) + 1)):
            return True
    return False


def precision_at_k(article: dict[str, Any]) -> tuple[float, list[str]]:
    context = EnrichContext(("id", "en"), article["language"], None, article["title"])
    top = [keyword.text for keyword in find_keywords(article["body"], context, [])][:K]
    hits = sum(is_hit(keyword, article["expected"]) for keyword in top)
    return hits / K, top


def main() -> None:
    show = "--show" in sys.argv
    articles = tomllib.loads(ARTICLES.read_text(encoding="utf-8"))["article"]
    summary: dict[str, dict[str, float]] = {}
    for name in ("dev", "heldout", "fresh"):
        chosen = [article for article in articles if article["set"] == name]
        scores = []
        for article in chosen:
            score, top = precision_at_k(article)
            scores.append(score)
            if show and name == "dev":  # (held-out lists stay unread while tuning)
                print(f"{name} {score:.1f} {article['title'][:50]!r}: {top}")
        summary[name] = {"articles": len(chosen), "precision_at_5": round(sum(scores) / len(scores), 3)}
    lines = ["| set | articles | precision@5 |", "|---|---|---|"]
    lines += [
        f"| {name} | {row['articles']} | {row['precision_at_5']:.3f} |" for name, row in summary.items()
    ]
    print("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "keywords.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "keywords.md").write_text(
        "Keyword precision@5 (bench/keyword_check.py; no entities given)\n\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
