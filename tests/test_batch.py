"""A directory of good and bad inputs: the batch completes and counts what failed.

Exercised twice: through the library (`Extractor.process_many(read_paths(...))`)
and through `warta extract` (exit codes, per-record errors, the summary).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from tests.cli.conftest import cli_runner

from warta.cli import app
from warta.pipeline import Extractor

ARTICLE = """Petani Garut Panen Raya Tomat, Harga Anjlok ke Rp 2.000 per Kilogram

Petani tomat di Kecamatan Cikajang, Kabupaten Garut, memasuki masa panen raya sejak awal pekan ini, namun harga jual di tingkat petani justru anjlok hingga Rp 2.000 per kilogram.

Ketua Kelompok Tani Mekar Sari, Dadang Supriatna, mengatakan harga itu jauh di bawah biaya produksi yang mencapai Rp 3.500 per kilogram karena mahalnya pupuk dan obat tanaman.

"Kalau begini terus, petani rugi besar. Banyak yang memilih membiarkan tomatnya membusuk di kebun karena ongkos petik lebih mahal," kata Dadang, Selasa.

Dinas Pertanian Kabupaten Garut berjanji menghubungkan petani dengan industri pengolahan saus dan pasar di luar daerah agar hasil panen bisa terserap dengan harga yang lebih layak.
"""

ENGLISH = """Harbour ferry service to resume after engine repairs

The harbour ferry between Northquay and the island will resume on Saturday after three weeks out of service for engine repairs, the operator said.

Passengers had been forced to take a two-hour detour by road while the vessel was in dry dock, and local businesses on the island reported a sharp fall in visitors.

The operator said a second engine had been fitted as a backup so that a single fault would no longer halt the service.
"""


@pytest.fixture()
def mixed_dir(tmp_path: Path) -> Path:
    """Five good pages (two inside a JSONL) and seven bad records, in a nested directory."""
    root = tmp_path / "batch"
    (root / "nested").mkdir(parents=True)
    (root / "01-good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "02-empty.txt").write_bytes(b"")
    (root / "03-image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (root / "04-latin1.txt").write_bytes(ARTICLE.replace("Dadang", "Dadang « café »").encode("latin-1"))
    (root / "nested" / "05-english.txt.gz").write_bytes(gzip.compress(ENGLISH.encode("utf-8")))
    (root / "nested" / "06-broken.html.gz").write_bytes(b"not gzip at all" * 20)
    (root / "07-records.jsonl").write_text(
        json.dumps({"text": ARTICLE, "url": "https://example.com/garut", "id": "g1"})
        + "\n{oops\n"
        + json.dumps(["not", "an", "object"])
        + "\n"
        + json.dumps({"url": "https://example.com/no-text"})
        + "\n"
        + json.dumps({"text": ENGLISH, "id": "f1"})
        + "\n",
        encoding="utf-8",
    )
    (root / "notes.csv").write_text("skipped,because,of,suffix\n", encoding="utf-8")
    return root


EXPECTED_ERRORS = Counter(
    {
        "empty file": 1,
        "binary input": 1,
        "corrupt gzip data": 1,
        "not valid JSON": 1,
        "JSON line is not an object": 1,
        "no text in field": 1,
        "no such file or directory": 1,
    }
)


def _error_kind(message: str) -> str:
    for kind in EXPECTED_ERRORS:
        if message.startswith(kind):
            return kind
    return message


def test_library_batch_completes(mixed_dir: Path) -> None:
    from warta.readers import read_paths

    missing = mixed_dir / "missing.txt"
    results = list(Extractor().process_many(read_paths([str(mixed_dir), str(missing)])))
    ok = [r for r in results if r.ok]
    skipped = [r for r in results if r.skipped]
    failed = [r for r in results if not r.ok and not r.skipped]
    assert len(results) == 13
    assert len(ok) == 5
    # a file of no page kind is counted, not read and not a failure
    assert [(Path(r.source or "").name, r.error) for r in skipped] == [
        ("notes.csv", "not a page file (.csv) in a directory input")
    ]
    assert Counter(_error_kind(r.error or "") for r in failed) == EXPECTED_ERRORS
    assert all(r.source for r in results)
    titles = Counter(r.article.title for r in ok if r.article)
    assert titles["Petani Garut Panen Raya Tomat, Harga Anjlok ke Rp 2.000 per Kilogram"] == 3
    assert titles["Harbour ferry service to resume after engine repairs"] == 2
    latin1 = next(r for r in ok if r.source and r.source.endswith("04-latin1.txt"))
    assert latin1.article is not None and "Dadang « café »" in latin1.article.text


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_cli_jsonl_batch_reports_errors_and_summary(mixed_dir: Path) -> None:
    result = cli_runner().invoke(
        app, ["extract", str(mixed_dir), str(mixed_dir / "missing.txt"), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 12
    errors = [r for r in records if "error" in r]
    articles = [r for r in records if "error" not in r]
    assert len(articles) == 5
    assert all(r["schema_version"] and r["title"] for r in articles)
    assert Counter(_error_kind(r["error"]) for r in errors) == EXPECTED_ERRORS
    assert all(r["source"] for r in errors)
    summary = _flat(result.stderr)
    assert "5 extracted, 7 failed" in summary
    assert "1 × empty file" in summary
    assert "missing.txt: no such file or directory" in summary


def test_cli_json_output_file(mixed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.json"
    result = cli_runner().invoke(app, ["extract", str(mixed_dir), "-f", "json", "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and len(data) == 5
    assert result.stderr == ""


def test_cli_markdown_to_directory(mixed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = cli_runner().invoke(app, ["extract", str(mixed_dir), "-f", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(out.iterdir())
    assert len(files) == 5
    assert all(f.suffix == ".md" and f.stat().st_size > 0 for f in files)
    assert "5 extracted, 6 failed" in _flat(result.stderr)


def test_cli_all_inputs_bad_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli_runner().invoke(app, ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    summary = _flat(result.stderr)
    assert "0 extracted, 2 failed" in summary
    assert "empty file" in summary and "no such file or directory" in summary


def test_cli_single_good_page_is_one_json_object(tmp_path: Path) -> None:
    page = tmp_path / "one.txt"
    page.write_text(ENGLISH, encoding="utf-8")
    result = cli_runner().invoke(app, ["extract", str(page), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Harbour ferry service to resume after engine repairs"
    assert data["source"] == str(page)


def test_an_unexpected_exception_on_one_page_is_that_page_s_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from warta.model import Page
    from warta.run.worker import PageWorker

    extractor = Extractor()
    pages = [Page(content="Line one of a page.\n" * 5, source=f"p{i}", kind="text") for i in range(3)]
    real = extractor.extract_page

    def flaky(page: Page, boilerplate: object = None) -> object:
        if page.source == "p1":
            raise KeyError("a bug")
        return real(page)

    monkeypatch.setattr(extractor, "extract_page", flaky)
    results = list(extractor.process_many(pages))
    assert [r.source for r in results] == ["p0", "p1", "p2"]
    assert results[1].error is not None and "KeyError" in results[1].error
    assert results[0].error is None and results[2].error is None

    worker = PageWorker()
    monkeypatch.setattr(
        "warta.run.worker._block_keys", lambda blocks: (_ for _ in ()).throw(IndexError("another bug"))
    )
    outcome = worker.run(pages[0], frozenset(), 1)
    assert outcome.status == "failed" and "IndexError" in (outcome.reason or "")
