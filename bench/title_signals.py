"""Is there a page signal that says whether the WCXB gold title follows the <h1> or the metadata?

    python bench/title_signals.py            # ~1 min: one extraction pass over the WCXB dev pages

`title_ceiling.py` shows the gold split about evenly between a page's visible
heading and its metadata headline where the two differ. This script asks
whether something a extractor can see predicts the side, on the pages
`bench_title.py` scores:

1. warta's title, the plain metadata headline (the first `<title>` part that does
   not name the site) and the first `<h1>`: how often each matches, and both;
2. per og:type and JSON-LD article type: warta against the metadata headline;
3. where both candidates exist and only one matches: whether the `<h1>` text is in
   the gold body;
4. for warta titles with a separator (' | ', ' – ', ' - ', ': '): the gold took the
   whole title, or only its first part;
5. per the dataset's own page type (a label no extractor sees): each candidate's
   matches, and the best any one of them gets per type, summed over the types: what
   choosing the candidate by page type could reach even with the page type known.

Results go to bench/results/title-signals.{json,md}.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selectolax.lexbor import LexborHTMLParser

from bench_html import _page, title_match, wcxb
from common import markdown_table, write_results
from warta.assemble.title import _norm, metadata_headline, site_keys
from warta.options import ExtractOptions
from warta.pipeline import Extractor

_ARTICLE_TYPES = re.compile(
    r'"@type"\s*:\s*"(?:News)?Article"|"@type"\s*:\s*"(?:BlogPosting|Report|TechArticle)"'
)
_SEPARATOR = re.compile(r"\s+[|–—-]\s+|:\s+")


def _meta(tree: LexborHTMLParser, prop: str) -> str | None:
    node = tree.css_first(f'meta[property="{prop}"]')
    return (node.attributes.get("content") or "").strip() if node is not None else None


def main() -> None:
    extractor = Extractor(ExtractOptions())
    counts: Counter[str] = Counter()
    by_type: dict[tuple[str, str], Counter[str]] = {}
    in_body: Counter[tuple[str, str]] = Counter()
    separators: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    pages = [p for p in wcxb(None) if p[5]]
    for _, url, html, gold_text, kind, gold in pages:
        result = extractor.process(_page(html, url))
        warta = result.article.title if result.article else None
        tree = LexborHTMLParser(html)
        title_node = tree.css_first("title")
        site_name = _meta(tree, "og:site_name")
        keys = site_keys([site_name] if site_name else [], url)
        title = title_node.text(strip=True) if title_node is not None else ""
        meta = metadata_headline(title, keys) if title else None
        h1 = next((t for t in (h.text(strip=True) for h in tree.css("h1")) if t), None)
        ok = {
            "warta": title_match(warta, gold),
            "metadata headline": bool(meta) and title_match(meta, gold),
            "first h1": bool(h1) and title_match(h1, gold),
        }
        counts["pages"] += 1
        for name, hit in ok.items():
            counts[name] += hit
        counts["warta or metadata headline"] += ok["warta"] or ok["metadata headline"]
        of_kind = by_kind.setdefault(kind or "unknown", Counter())
        of_kind["pages"] += 1
        of_kind.update(name for name, hit in ok.items() if hit)
        og_type = (_meta(tree, "og:type") or "none").lower()
        og_type = og_type if og_type in ("article", "website", "product", "none") else "other"
        group = by_type.setdefault((og_type, "yes" if _ARTICLE_TYPES.search(html) else "no"), Counter())
        group["pages"] += 1
        group["warta"] += ok["warta"]
        group["metadata headline"] += ok["metadata headline"]
        if h1 and meta and _norm(h1) != _norm(meta) and ok["first h1"] != ok["metadata headline"]:
            side = "h1" if ok["first h1"] else "metadata headline"
            in_body[(side, "h1 in gold body" if _norm(h1) in _norm(gold_text) else "h1 not in body")] += 1
        if warta and len(_SEPARATOR.split(warta)) > 1:
            first = _SEPARATOR.split(warta)[0]
            separators[
                "whole" if ok["warta"] else "first part" if title_match(first, gold) else "neither"
            ] += 1

    n = counts["pages"]
    rows = [[name, counts[name], round(counts[name] / n, 4)] for name in counts if name != "pages"]
    type_rows = [
        [og, ld, c["pages"], c["warta"], c["metadata headline"]] for (og, ld), c in sorted(by_type.items())
    ]
    body_rows = [[side, where, v] for (side, where), v in sorted(in_body.items())]
    candidates = ("warta", "metadata headline", "first h1")
    kind_rows = [[kind, c["pages"], *(c[name] for name in candidates)] for kind, c in sorted(by_kind.items())]
    best_by_kind = sum(max(c[name] for name in candidates) for c in by_kind.values())
    table = "\n\n".join(
        [
            "# WCXB dev titles: signals for heading vs metadata (`python bench/title_signals.py`)",
            f"Pages with gold text and a gold title: {n}.",
            markdown_table(["candidate", "matches", "share"], rows),
            "Per og:type and JSON-LD article type (matches):",
            markdown_table(["og:type", "JSON-LD article", "pages", "warta", "metadata headline"], type_rows),
            "Pages where the <h1> and the metadata headline differ and exactly one matches the gold:",
            markdown_table(["gold took", "where the <h1> is", "pages"], body_rows),
            "warta titles with a separator: the gold took "
            + ", ".join(f"{k} {v}" for k, v in separators.most_common()),
            "By the dataset's page type (matches):",
            markdown_table(["page type", "pages", *candidates], kind_rows),
            f"The best of the three candidates for each page type, summed: {best_by_kind} of {n}"
            f" ({best_by_kind / n:.4f}), the most a choice of candidate by page type could reach"
            " even with the page type known.",
        ]
    )
    print(table)
    write_results(
        "title-signals",
        {
            "pages": n,
            "candidates": dict(counts),
            "by_type": {f"{og}/{ld}": dict(c) for (og, ld), c in by_type.items()},
            "h1_in_body": {f"{s}/{w}": v for (s, w), v in in_body.items()},
            "separators": dict(separators),
            "by_page_type": {kind: dict(c) for kind, c in by_kind.items()},
            "best_candidate_by_page_type": best_by_kind,
        },
        table,
    )


if __name__ == "__main__":
    main()
