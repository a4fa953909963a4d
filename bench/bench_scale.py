"""Scale-out bench: `warta scale` on a local Ray instance vs one process, same pages, same output.

    python bench/bench_scale.py                 # WCXB dev HTML pages as JSONL shards

Writes the WCXB dev pages (HTML, with URLs) into 8 JSONL files, extracts them once in one
process (as `warta extract` does) and then with `warta.scale.extract_on_ray` on a local Ray
with 1 and with all CPUs, and checks that every run gives the same articles. On a one-machine
bench this measures Ray's overhead and the use of local cores, not a cluster.
Results: bench/results/scale.{json,md}.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import BENCH_DATA, markdown_table, write_results
from warta.pipeline import Extractor
from warta.readers import read_paths
from warta.scale import extract_on_ray

FILES = 8


def write_inputs(directory: Path) -> int:
    pages = []
    for path in sorted((BENCH_DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text())
        fid = truth.get("file_id") or path.stem
        html = gzip.decompress((BENCH_DATA / "wcxb-dev" / "html" / f"{fid}.html.gz").read_bytes())
        pages.append({"url": truth.get("url"), "html": html.decode("utf-8", "replace")})
    for k in range(FILES):
        with (directory / f"pages-{k}.jsonl").open("w", encoding="utf-8") as handle:
            for page in pages[k::FILES]:
                handle.write(json.dumps(page) + "\n")
    return len(pages)


def articles_of(out: Path) -> list[tuple[str, str, str]]:
    """(url, title, text) of every article the parts hold, sorted: what must not depend on the run."""
    rows = (json.loads(line) for p in out.glob("part-*[0-9].jsonl") for line in p.read_text().splitlines())
    return sorted((a["url"] or "", a["title"] or "", a["text"]) for a in rows)


def main() -> None:
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs = root / "in"
        inputs.mkdir()
        pages = write_inputs(inputs)
        extractor = Extractor()
        start = time.perf_counter()
        single = sorted(
            (r.article.url or "", r.article.title or "", r.article.text)
            for r in extractor.process_many(read_paths([str(inputs)]))
            if r.article
        )
        rows = [["one process (warta extract)", 1, round(time.perf_counter() - start, 1), len(single)]]
        for n in sorted({1, cpus}):
            out = root / f"out-{n}"
            start = time.perf_counter()
            report = extract_on_ray([str(inputs)], out, shard_bytes=1, num_cpus=n)
            seconds = time.perf_counter() - start
            import ray

            ray.shutdown()
            same = articles_of(out) == single
            rows.append(
                [
                    f"Ray, local, {n} CPU",
                    n,
                    round(seconds, 1),
                    report.articles if same else f"{report.articles} (DIFFERENT)",
                ]
            )
    for row in rows:
        row.insert(3, round(pages / row[2], 1))
    table = markdown_table(["run", "CPUs", "seconds", "pages/s", "articles"], rows)
    print(table)
    write_results(
        "scale",
        {"pages": pages, "input_files": FILES, "rows": rows},
        f"{pages} WCXB dev HTML pages in {FILES} JSONL files (Ray start-up included)\n\n" + table,
    )


if __name__ == "__main__":
    main()
