"""WARC reading speed: fastwarc (what warta uses) against warcio, plain and gzipped.

    python bench/bench_warc.py   # writes bench/results/html-warc.{json,md}

Builds a WARC of WCXB dev pages (600 HTML responses) in a temporary folder with
warcio, then times a full pass that reads every response payload with each library.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warcio.archiveiterator import ArchiveIterator as WarcioIterator  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from warta.readers.warc import read_warc  # noqa: E402

PAGES = sorted((ROOT.parent / "shared" / "bench" / "wcxb-dev" / "html").glob("*.html.gz"))[:600]
RESULTS = ROOT / "bench" / "results"


def write_warc(path: Path, compress: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for i, page in enumerate(PAGES):
            body = gzip.decompress(page.read_bytes())
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://example.com/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def time_warcio(path: Path) -> float:
    t0 = time.perf_counter()
    with path.open("rb") as handle:
        for record in WarcioIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
    return time.perf_counter() - t0


def time_warta(path: Path) -> float:
    t0 = time.perf_counter()
    for _ in read_warc(path):
        pass
    return time.perf_counter() - t0


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for compress in (False, True):
            path = Path(tmp) / ("pages.warc.gz" if compress else "pages.warc")
            write_warc(path, compress)
            mib = path.stat().st_size / 2**20
            rows.append(
                {
                    "file": path.name,
                    "records": len(PAGES),
                    "mib": round(mib, 1),
                    "warcio_s": round(min(time_warcio(path) for _ in range(3)), 3),
                    "fastwarc_read_warc_s": round(min(time_warta(path) for _ in range(3)), 3),
                }
            )
    lines = ["| file | records | MiB | warcio s | warta read_warc (fastwarc) s |", "|---|---|---|---|---|"]
    lines += [
        f"| {r['file']} | {r['records']} | {r['mib']} | {r['warcio_s']} | {r['fastwarc_read_warc_s']} |"
        for r in rows
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "html-warc.json").write_text(json.dumps(rows, indent=2))
    (RESULTS / "html-warc.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
