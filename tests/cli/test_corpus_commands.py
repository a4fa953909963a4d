"""The corpus commands against a user's mistakes: a clear message and exit code, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.conftest import cli_runner
from typer.testing import CliRunner

from warta.cli import _register, app
from warta.corpus.store import Store
from warta.run.ingest import IngestOptions, ingest

PAGE = (
    "<html><head><title>Banjir melanda Semarang</title></head><body><article><h1>Banjir melanda Semarang</h1>"
    + "".join(
        f"<p>Paragraf {i}: banjir setinggi satu meter merendam permukiman warga di Semarang sejak Senin"
        " pagi, dan ratusan warga mengungsi ke balai desa.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    page = tmp_path / "banjir.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "corpus.db"
    store = Store.open(db)
    ingest(store, [str(page)], IngestOptions(workers=1))
    store.close()
    return db


def _articles(db: Path) -> int:
    store = Store.open(db)
    try:
        return store.stats()["articles"]
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_onto_the_corpus_itself_is_refused_and_the_corpus_kept(corpus: Path, fmt: str) -> None:
    size = corpus.stat().st_size
    result = cli_runner().invoke(app, ["export", "--db", str(corpus), "-f", fmt, "-o", str(corpus)])
    assert result.exit_code == 2, result.output
    assert "corpus itself" in result.output
    assert corpus.stat().st_size == size
    assert _articles(corpus) == 1


def test_export_onto_the_corpus_through_another_spelling_is_refused(corpus: Path) -> None:
    other = corpus.parent / "." / corpus.name
    result = cli_runner().invoke(app, ["export", "--db", str(corpus), "-o", str(other)])
    assert result.exit_code == 2, result.output
    assert _articles(corpus) == 1


def test_two_pages_piped_to_two_ingests_are_both_stored(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    other = PAGE.replace("Semarang", "Surabaya")
    for page in (PAGE, other, other):
        result = cli_runner().invoke(app, ["ingest", "-", "--db", str(db), "--workers", "1"], input=page)
        assert result.exit_code == 0, result.output
    assert _articles(db) == 2
    assert "already ingested" in result.output  # the same page piped again is known


def test_an_input_missing_or_empty_at_one_ingest_is_stored_by_the_next(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    missing, empty = tmp_path / "later.html", tmp_path / "being-written.html"
    empty.write_bytes(b"")
    args = ["ingest", str(missing), str(empty), "--db", str(db), "--workers", "1"]
    result = cli_runner().invoke(app, args)
    assert "no such file" in result.output and "empty file" in result.output
    missing.write_text(PAGE, encoding="utf-8")
    empty.write_text(PAGE.replace("Semarang", "Surabaya"), encoding="utf-8")
    result = cli_runner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "already ingested" not in result.output
    assert _articles(db) == 2


def test_a_db_path_in_a_missing_directory_or_naming_a_directory_is_explained(tmp_path: Path) -> None:
    page = tmp_path / "banjir.html"
    page.write_text(PAGE, encoding="utf-8")
    # SQLite's own words for both: "unable to open database file".
    result = cli_runner().invoke(
        app, ["ingest", str(page), "--db", str(tmp_path / "no" / "c.db"), "--workers", "1"]
    )
    assert result.exit_code == 2, result.output
    assert f"the directory {tmp_path / 'no'} does not exist" in result.output
    assert not (tmp_path / "no").exists()
    for command in (["ingest", str(page), "--workers", "1"], ["search", "banjir"], ["sites"]):
        result = cli_runner().invoke(app, [*command, "--db", str(tmp_path)])
        assert result.exit_code == 2, result.output
        assert f"{tmp_path} is a directory" in result.output


@pytest.mark.parametrize("port", ["99999", "-1", "0"])
def test_serve_on_a_port_out_of_range_is_a_usage_error(corpus: Path, port: str) -> None:
    # 99999 reached the socket: an OverflowError traceback.
    result = cli_runner().invoke(app, ["serve", "--db", str(corpus), "--port", port])
    assert result.exit_code == 2, result.output
    assert "--port" in result.output


def test_ingest_names_the_pages_stored_with_warnings(tmp_path: Path) -> None:
    """A cut gzip is stored with what could be read; the summary says so, as `warta extract` does."""
    import gzip

    packed = gzip.compress(PAGE.encode("utf-8"))
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(packed[: len(packed) * 3 // 4])
    result = cli_runner().invoke(app, ["ingest", str(cut), "--db", str(tmp_path / "c.db"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 × extracted with warnings" in result.output
    assert f"{cut}: truncated gzip" in result.output


def test_summaries_and_results_are_not_cut_into_lines_on_a_narrow_or_piped_console(tmp_path: Path) -> None:
    """Piped to a file, rich wrapped at 80 columns: a long source name or URL came out in two lines."""
    deep = tmp_path / ("a-directory-with-a-long-name-" * 3) / "banjir-melanda-semarang-sejak-senin-pagi.html"
    deep.parent.mkdir()
    url = "https://kabar.example/" + "x" * 90
    deep.write_text(json.dumps({"url": url, "html": PAGE}) + "\n", encoding="utf-8")
    deep = deep.rename(deep.with_suffix(".jsonl"))
    empty = deep.with_name("kosong-" + deep.with_suffix(".html").name)
    empty.write_bytes(b"")
    runner = CliRunner(env={"COLUMNS": "60"})
    _register()
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["ingest", str(deep.parent), "--db", db, "--workers", "1"])
    assert f"{empty}: empty file" in result.output
    result = runner.invoke(app, ["search", "banjir", "--db", db])
    assert url in result.output
    result = runner.invoke(app, ["extract", str(empty)])
    assert f"{empty}: empty file" in result.output


def test_the_ingest_summary_adds_up_when_there_are_more_than_ten_reasons() -> None:
    """Only the ten commonest reasons are listed: the others were left out without a word (an
    eleventh kind of WARC record holding no page vanished from the summary)."""
    from collections import Counter

    from rich.console import Console

    from warta.cli import other_reasons

    console = Console(record=True, width=200)
    other_reasons(console, Counter({f"reason {i}": 20 - i for i in range(13)}), "skipped")
    assert console.export_text().strip() == "27 × skipped for 3 other reasons"  # (counts 10, 9 and 8)
    console = Console(record=True, width=200)
    other_reasons(console, Counter({f"reason {i}": 1 for i in range(10)}), "failed")
    assert console.export_text() == ""


def test_export_takes_a_query_and_filters(corpus: Path, tmp_path: Path) -> None:
    import csv

    runner = cli_runner()
    out = tmp_path / "banjir.csv"
    result = runner.invoke(
        app, ["export", "--db", str(corpus), "-q", "banjir -jakarta", "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "1 articles exported" in result.output
    assert [row["title"] for row in csv.DictReader(out.open(encoding="utf-8"))] == ["Banjir melanda Semarang"]
    result = runner.invoke(app, ["export", "--db", str(corpus), "-q", "banjir -semarang", "-o", str(out)])
    assert result.exit_code == 0 and "0 articles exported" in result.output
    result = runner.invoke(app, ["export", "--db", str(corpus), "--from", "2024-13"])
    assert result.exit_code == 2 and "cannot export" in result.output
