"""Site templates on real pages: WCXB dev sites with enough pages, ingested with and without them.

    python bench/bench_templates_real.py

The synthetic corpus (`bench_corpus.py`) measures template learning on sites built to have
leaky boilerplate. This is the check on real markup: the WCXB dev hosts with at least
`TemplatePolicy.min_site_pages` pages (product, documentation and shop pages mostly: the
set has few news sites with several pages) are ingested into two corpora, `--all-pages`
(none of them is skipped as a non-article), one learning site templates and one not; each
stored body is scored against the gold text with the ScrapingHub metric. Templates must
not cost real text (recall) and should take out repeated boilerplate (precision).
Results go to bench/results/templates-real.{json,md}.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_html import wcxb
from common import markdown_table, write_results
from warta.corpus.store import Store
from warta.corpus.templates import TemplatePolicy
from warta.evaluate import sh_scores
from warta.options import ExtractOptions
from warta.run.ingest import IngestOptions, ingest


def _bodies(pages: list[tuple[str, str, str]], templates: bool, directory: Path) -> dict[str, str]:
    """Each page's stored body (by URL), from a corpus ingested with or without templates."""
    crawl = directory / "crawl.jsonl"
    with crawl.open("w", encoding="utf-8") as out:
        for _, url, html in pages:
            out.write(json.dumps({"url": url, "html": html}) + "\n")
    db = directory / ("with.db" if templates else "without.db")
    with Store.open(db) as store:
        ingest(
            store,
            [str(crawl)],
            IngestOptions(workers=1, templates=templates, all_pages=True, extract=ExtractOptions()),
        )
        return {str(url): str(body) for url, body in store.conn.execute("SELECT url, body FROM articles")}


def main() -> None:
    policy = TemplatePolicy()
    pages = [p for p in wcxb(None) if p[1]]
    hosts = Counter(urlparse(p[1]).netloc for p in pages)
    chosen = {h for h, n in hosts.items() if h and n >= policy.min_site_pages}
    selected = [p for p in pages if urlparse(p[1]).netloc in chosen]
    gold = {p[1]: p[3] for p in selected}
    with tempfile.TemporaryDirectory() as tmp:
        arms = {
            name: _bodies([(p[0], p[1], p[2]) for p in selected], templates, Path(tmp))
            for name, templates in (("templates off", False), ("templates on", True))
        }
    rows, payload = [], {}
    for host in sorted(chosen, key=lambda h: (-hosts[h], h)):
        urls = [u for u in gold if urlparse(u).netloc == host]
        row: list[object] = [host, len(urls)]
        for name, bodies in arms.items():
            sh = sh_scores([(bodies.get(u, ""), gold[u]) for u in urls])
            row += [round(sh.precision, 4), round(sh.recall, 4), round(sh.f1, 4)]
            payload.setdefault(host, {})[name] = {"p": sh.precision, "r": sh.recall, "f1": sh.f1}
        rows.append(row)
    total: list[object] = ["all", len(gold)]
    for name, bodies in arms.items():
        sh = sh_scores([(bodies.get(u, ""), g) for u, g in gold.items()])
        total += [round(sh.precision, 4), round(sh.recall, 4), round(sh.f1, 4)]
        payload.setdefault("all", {})[name] = {"p": sh.precision, "r": sh.recall, "f1": sh.f1}
    rows.append(total)
    header = ["host", "pages", "off P", "off R", "off F1", "on P", "on R", "on F1"]
    table = markdown_table(header, rows)
    print(table)
    write_results(
        "templates-real",
        {"policy": asdict(policy), "hosts": payload},
        "# Site templates on real pages (WCXB dev hosts with enough pages)\n\n"
        "Reproduce: `python bench/bench_templates_real.py`\n\n" + table,
    )


if __name__ == "__main__":
    main()
