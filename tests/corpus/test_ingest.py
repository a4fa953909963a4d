from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

from tests.corpus.conftest import page_text, paragraph

from warta.corpus.export import ExportFormat, export
from warta.corpus.store import Store
from warta.corpus.templates import site_reports
from warta.options import ExtractOptions
from warta.run.ingest import IngestOptions, ingest

LEAKY = "Dapatkan berita pilihan"


def _ingest(db: Path, path: Path) -> tuple[Store, object]:
    store = Store.open(db)
    report = ingest(store, [str(path)], IngestOptions(workers=1, batch_size=8))
    return store, report


def _cluster_of(store: Store, url: str) -> int | None:
    row = store.conn.execute("SELECT cluster_id FROM articles WHERE url=?", (url,)).fetchone()
    assert row is not None, url
    return row[0]


def test_ingest_reports_bad_records_and_keeps_going(
    crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, _ = crawl
    store, report = _ingest(tmp_path / "c.db", path)
    assert report.ingested == 39  # type: ignore[attr-defined]
    assert sum(report.failed.values()) == 2  # type: ignore[attr-defined]  # empty text + broken JSON
    assert store.stats()["articles"] == 39


def test_reingest_is_idempotent(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, _ = crawl
    store, _ = _ingest(tmp_path / "c.db", path)
    before = store.stats()
    bodies = store.conn.execute("SELECT id, body, cluster_id FROM articles ORDER BY id").fetchall()
    report = ingest(store, [str(path)], IngestOptions(workers=1))
    assert report.ingested == 0
    assert report.already == 41
    assert store.stats() == before
    assert store.conn.execute("SELECT id, body, cluster_id FROM articles ORDER BY id").fetchall() == bodies


def test_duplicates_are_linked_not_lost(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, groups = crawl
    store, _ = _ingest(tmp_path / "c.db", path)
    for kind, (original, copy) in groups.items():
        cluster = _cluster_of(store, original)
        assert cluster is not None, kind
        assert _cluster_of(store, copy) == cluster, kind
        reps = store.conn.execute(
            "SELECT count(*) FROM articles WHERE cluster_id=? AND is_representative=1", (cluster,)
        ).fetchone()[0]
        assert reps == 1
    sites = store.conn.execute(
        "SELECT sites FROM clusters WHERE id=?", (_cluster_of(store, groups["syndicated"][0]),)
    ).fetchone()[0]
    assert sites == 2
    # Every other article is alone.
    assert store.conn.execute("SELECT count(*) FROM articles WHERE cluster_id IS NOT NULL").fetchone()[0] == 6


def test_site_templates_are_learned_and_removed(
    crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, _ = crawl
    store, _ = _ingest(tmp_path / "c.db", path)
    reports = {r.site: r for r in site_reports(store)}
    assert set(reports) == {"kabar.co.id", "warta.id", "daily.com"}
    assert all(r.template_blocks >= 3 for r in reports.values())
    texts = {t for (t,) in store.conn.execute("SELECT text FROM templates WHERE text IS NOT NULL")}
    assert "Beranda | Nasional | Ekonomi | Olahraga" in texts
    assert any(t.startswith(LEAKY) for t in texts)
    leaked = store.conn.execute(
        "SELECT count(*) FROM articles WHERE body LIKE ?", (f"%{LEAKY}%",)
    ).fetchone()[0]
    assert leaked == 0


def test_templates_off_learns_nothing(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, _ = crawl
    store = Store.open(tmp_path / "c.db")
    ingest(store, [str(path)], IngestOptions(workers=1, templates=False))
    assert store.stats()["templates"] == 0


def test_parallel_ingest_matches_in_process(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, _ = crawl
    one, _ = _ingest(tmp_path / "one.db", path)
    two = Store.open(tmp_path / "two.db")
    ingest(two, [str(path)], IngestOptions(workers=2, batch_size=8))
    query = "SELECT url, text_hash, is_representative FROM articles ORDER BY url"
    assert one.conn.execute(query).fetchall() == two.conn.execute(query).fetchall()


def test_export_formats(crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path) -> None:
    path, _ = crawl
    store, _ = _ingest(tmp_path / "c.db", path)
    out = io.StringIO()
    assert export(store, out, ExportFormat.jsonl) == 39
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["schema_version"] and first["text"]
    out = io.StringIO()
    assert export(store, out, ExportFormat.csv, representatives_only=True) == 36
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 36 and {row["page_type"] for row in rows} == {"article"}
    import pyarrow.parquet as pq

    assert export(store, tmp_path / "c.parquet", ExportFormat.parquet) == 39
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.num_rows == 39 and set(table.column("page_type").to_pylist()) == {"article"}
    # An article stored before schema 1.3 (no page_type in its data) was stored as an article.
    store.conn.execute("UPDATE articles SET data = json_remove(data, '$.page_type')")
    out = io.StringIO()
    export(store, out, ExportFormat.csv)
    assert {row["page_type"] for row in csv.DictReader(io.StringIO(out.getvalue()))} == {"article"}


def test_an_input_named_twice_in_one_run_is_reported_as_such(
    crawl: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, _ = crawl
    store = Store.open(tmp_path / "c.db")
    report = ingest(store, [str(path), str(path)], IngestOptions(workers=1, batch_size=100))
    assert report.already == 0  # nothing came from an earlier run
    assert report.skipped["input record given twice in this run"] == 41
    assert report.ingested == 39


def test_a_page_that_ran_out_of_time_is_tried_again_by_the_next_ingest(tmp_path: Path) -> None:
    # It was recorded as done: every later ingest skipped it as "already ingested".
    page = tmp_path / "page.txt"
    page.write_text(
        page_text(
            "kabar.example", "Banjir surut di Semarang", [paragraph(random.Random(i)) for i in range(6)]
        ),
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "c.db")
    hurried = IngestOptions(workers=1, templates=False, extract=ExtractOptions(timeout_s=1e-9))
    report = ingest(store, [str(page)], hurried)
    assert report.ingested == 0 and sum(report.failed.values()) == 1
    assert next(iter(report.failed)).startswith("page exceeded the 1e-09s time limit"), report.failed
    report = ingest(store, [str(page)], IngestOptions(workers=1, templates=False))
    assert report.already == 0 and report.ingested == 1
    assert store.stats()["articles"] == 1


def test_pages_of_no_known_site_teach_no_template(tmp_path: Path) -> None:
    """Files without a URL or site name are stored under "(unknown)", which is no site: what
    unrelated files happen to share is not a template to cut from their bodies."""
    rng = random.Random(5)
    lines = [
        json.dumps(
            {"text": page_text("kabar.co.id", f"Berita nomor {i}", [paragraph(rng) for _ in range(4)])}
        )
        for i in range(8)
    ]
    path = tmp_path / "no-urls.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store, report = _ingest(tmp_path / "c.db", path)
    assert report.ingested == 8  # type: ignore[attr-defined]
    assert {r.site: r.template_blocks for r in site_reports(store)} == {"(unknown)": 0}


def test_a_recrawled_url_whose_text_changed_is_reported_apart_from_a_plain_repeat(tmp_path: Path) -> None:
    """The corpus keeps one article per URL; a page updated since its first capture was skipped as
    "URL already in the corpus" like an unchanged one, so a re-crawl's updates went unnoticed."""
    rng = random.Random(9)
    paragraphs = [paragraph(rng) for _ in range(4)]
    first = tmp_path / "first.jsonl"
    first.write_text(
        json.dumps({"url": "https://k.example/1", "text": page_text("k.example", "Banjir", paragraphs)})
        + "\n"
    )
    again = tmp_path / "again.jsonl"
    again.write_text(
        "".join(
            json.dumps({"url": "https://k.example/1", "text": page_text("k.example", "Banjir", ps)}) + "\n"
            for ps in (
                paragraphs,
                [*paragraphs, "Pembaruan: air mulai surut pada Selasa malam di seluruh kota."],
            )
        )
    )
    store, _ = _ingest(tmp_path / "c.db", first)
    report = ingest(store, [str(again)], IngestOptions(workers=1))
    assert report.ingested == 0
    assert dict(report.skipped) == {
        "URL already in the corpus": 1,
        "URL already in the corpus, with another text (kept as a later version)": 1,
    }
