"""Credited people keep their job title and affiliation through the store and the JSONL export."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from tests.corpus.conftest import paragraph

from warta.corpus.export import ExportFormat, export
from warta.corpus.store import Store
from warta.run.ingest import IngestOptions, ingest
from warta.serve.pages import article_html


def _page(byline: str, editor: str, seed: int) -> str:
    rng = random.Random(seed)
    body = [line for _ in range(5) for line in (paragraph(rng), "")]
    head = ["Kabar Pagi — Berita Terkini", "Beranda | Nasional", "", f"Banjir Merendam Jalan Kota {seed}", ""]
    return "\n".join([*head, byline, editor, "", *body, "© 2024 Kabar Pagi"])


def _crawl(directory: Path) -> Path:
    path = directory / "crawl.jsonl"
    records = [
        {
            "url": "https://kabarpagi.example/1",
            "text": _page("Laporan wartawan Kompas.com, Budi Santoso", "Editor: Rina Wijaya, Redaktur", 1),
        },
        {"url": "https://kabarpagi.example/2", "text": _page("Oleh Dewi Lestari", "", 2)},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _people(data: dict[str, object], field: str) -> list[tuple[object, ...]]:
    people = data[field]
    assert isinstance(people, list)
    return [(p["name"], p.get("job_title"), p.get("affiliation")) for p in people]


def test_job_title_and_affiliation_survive_the_store_and_jsonl_export(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        ingest(store, [str(_crawl(tmp_path))], IngestOptions(workers=1))
        out = io.StringIO()
        assert export(store, out, ExportFormat.jsonl) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert _people(first, "authors") == [("Budi Santoso", None, "Kompas.com")]
    assert _people(first, "editors") == [("Rina Wijaya", "Redaktur", None)]
    assert _people(second, "authors") == [("Dewi Lestari", None, None)]
    assert "job_title" in second["authors"][0]  # always present, null when the page gives none


def test_rows_stored_before_the_fields_existed_still_export_and_show(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        ingest(store, [str(_crawl(tmp_path))], IngestOptions(workers=1))
        row = store.conn.execute("SELECT id, data FROM articles ORDER BY id LIMIT 1").fetchone()
        data = json.loads(row[1])
        data["schema_version"] = "1.0"
        for person in data["authors"] + data["editors"]:
            del person["job_title"], person["affiliation"]
        store.conn.execute("UPDATE articles SET data=? WHERE id=?", (json.dumps(data), row[0]))
        store.conn.commit()
        out = io.StringIO()
        assert export(store, out, ExportFormat.jsonl) == 2
    old = json.loads(out.getvalue().splitlines()[0])
    assert _people(old, "authors") == [("Budi Santoso", None, None)]
    assert "by <a href='/author/Budi%20Santoso'>Budi Santoso</a>" in article_html(
        1, old, "kabarpagi.example", []
    )


def test_the_article_page_shows_title_and_affiliation() -> None:
    data = {
        "title": "Banjir",
        "authors": [{"name": "Budi Santoso", "job_title": "Jurnalis", "affiliation": "Kompas.com"}],
        "editors": [{"name": "Rina <Wijaya>", "job_title": None, "affiliation": None}],
    }
    page = article_html(1, data, "kabarpagi.example", [])
    assert "Budi Santoso</a> <span class=meta>(Jurnalis, Kompas.com)</span>" in page
    assert "editors <a href='/author/Rina%20%3CWijaya%3E'>Rina &lt;Wijaya&gt;</a>" in page


def test_csv_and_parquet_keep_the_lists_and_every_character(tmp_path: Path) -> None:
    """The flat formats held no authors, tags or list entries: a table of articles lost who wrote
    them. They keep them now, with text that needs quoting (newlines, quotes, commas, emoji) whole."""
    import csv

    import pyarrow.parquet as pq

    from warta.corpus.dedup import text_hash
    from warta.corpus.store import StoredArticle

    body = 'Baris satu, "dikutip".\nBaris dua — café 🇮🇩.'
    data = {
        "text": body,
        "authors": [{"name": "Budi Santoso", "role": "author"}, {"name": "Ana; Lee", "role": "author"}],
        "editors": [],
        "tags": ["banjir", "Jawa Tengah"],
        "read_also": [
            {"title": "Banjir,\nlagi", "url": "https://k.example/2"},
            {"title": "Tanpa tautan", "url": None},
        ],
        "sidebar": [{"title": "Populer 🇮🇩", "url": "https://k.example/3", "date": "2024-05-01"}],
    }
    row = StoredArticle(
        "k.example/1",
        "https://k.example/1",
        None,
        "k.example",
        'Judul "A"',
        body,
        "id",
        None,
        "s1",
        text_hash(body),
        data,
    )
    with Store.open(tmp_path / "c.db") as store:
        store.write_batch(1, [row], [])
        handle = io.StringIO()
        assert export(store, handle, ExportFormat.csv) == 1
        assert export(store, tmp_path / "c.parquet", ExportFormat.parquet) == 1
    (line,) = csv.DictReader(io.StringIO(handle.getvalue()))
    (table,) = pq.read_table(tmp_path / "c.parquet").to_pylist()
    expected_links = [
        {"title": "Banjir,\nlagi", "url": "https://k.example/2"},
        {"title": "Tanpa tautan", "url": None},
    ]
    for got in (
        {k: json.loads(line[k]) for k in ("authors", "editors", "tags", "read_also", "related", "sidebar")},
        table,
    ):
        assert got["authors"] == ["Budi Santoso", "Ana; Lee"] and got["editors"] == []
        assert got["tags"] == ["banjir", "Jawa Tengah"] and got["related"] == []
        assert got["read_also"] == expected_links
        assert got["sidebar"] == [{"title": "Populer 🇮🇩", "url": "https://k.example/3"}]
    assert line["text"] == table["text"] == body and line["title"] == table["title"] == 'Judul "A"'
