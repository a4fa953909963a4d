"""A re-crawl that finds a stored page changed keeps the new text as a later version."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient
from tests.corpus.conftest import page_text, paragraph

from warta.corpus.export import ExportFormat, export
from warta.corpus.store import Store
from warta.corpus.versions import ParagraphChange, paragraph_changes
from warta.run.ingest import IngestOptions, ingest
from warta.serve.app import create_app

URL = "https://kabar.example/2025/03/banjir"
UPDATE = "Pembaruan pukul 21.00: air mulai surut di seluruh kecamatan, kata petugas."


def _jsonl(path: Path, *texts: str) -> Path:
    path.write_text("".join(json.dumps({"url": URL, "text": text}) + "\n" for text in texts))
    return path


def _corpus(tmp_path: Path) -> Store:
    rng = random.Random(11)
    paragraphs = [paragraph(rng) for _ in range(5)]
    first = page_text("kabar.example", "Banjir Rendam Tiga Kecamatan", paragraphs)
    updated = page_text("kabar.example", "Banjir Rendam Tiga Kecamatan", [*paragraphs, UPDATE])
    store = Store.open(tmp_path / "c.db")
    ingest(store, [str(_jsonl(tmp_path / "a.jsonl", first))], IngestOptions(workers=1))
    # the update, the unchanged page again, and the update once more (another crawl of it)
    report = ingest(
        store, [str(_jsonl(tmp_path / "b.jsonl", updated, first, updated))], IngestOptions(workers=1)
    )
    assert report.ingested == 0
    return store


def test_an_updated_capture_is_kept_once_beside_the_first(tmp_path: Path) -> None:
    store = _corpus(tmp_path)
    article_id = int(store.conn.execute("SELECT id FROM articles").fetchone()[0])
    versions = store.versions(article_id)
    assert len(versions) == 1  # the same updated text twice is one version
    assert versions[0].body.splitlines()[-1] == UPDATE
    assert versions[0].source.endswith("b.jsonl:1")
    assert store.stats()["versions"] == 1
    # the article itself, what search and clusters see, stays the first capture
    body = store.conn.execute("SELECT body FROM articles").fetchone()[0]
    assert UPDATE not in body


def test_paragraph_changes_name_what_was_removed_and_added() -> None:
    before = "Satu.\n\nDua.\n\nTiga."
    after = "Satu.\n\nDua, diralat.\n\nTiga.\n\nEmpat."
    assert paragraph_changes(before, after) == [
        ParagraphChange("removed", "Dua."),
        ParagraphChange("added", "Dua, diralat."),
        ParagraphChange("added", "Empat."),
    ]
    assert paragraph_changes(before, before) == []


def test_the_article_page_and_api_show_the_later_version(tmp_path: Path) -> None:
    store = _corpus(tmp_path)
    article_id = int(store.conn.execute("SELECT id FROM articles").fetchone()[0])
    store.close()
    client = TestClient(create_app(tmp_path / "c.db"))
    page = client.get(f"/article/{article_id}").text
    assert "later versions of this page (1)" in page
    assert f"<ins>{UPDATE}</ins>" in page
    api = client.get(f"/api/article/{article_id}").json()
    assert [v["body"].splitlines()[-1] for v in api["versions"]] == [UPDATE]
    assert api["versions"][0]["article"]["url"] == URL


def test_exports_carry_the_versions(tmp_path: Path) -> None:
    store = _corpus(tmp_path)
    out = io.StringIO()
    export(store, out, ExportFormat.jsonl)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [v["text"].splitlines()[-1] for v in record["versions"]] == [UPDATE]
    assert record["versions"][0]["ingested_at"].endswith("Z")
    out = io.StringIO()
    export(store, out, ExportFormat.csv)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["versions"] == "1"
    export(store, tmp_path / "c.parquet", ExportFormat.parquet)
    assert pq.read_table(tmp_path / "c.parquet").column("versions").to_pylist() == [1]
