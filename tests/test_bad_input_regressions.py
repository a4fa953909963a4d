"""Crashes found by fuzzing (tests/test_fuzz_inputs.py), each pinned by the smallest input.

Every input here once raised something other than a `WartaError` out of
`warta.extract`, or stopped a batch; now each gives an article or a clear error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import warta
from warta.pipeline import Extractor
from warta.readers import read_paths
from warta.run.worker import site_of_url, url_key

PARAGRAPH = (
    "Pemerintah daerah mengumumkan rencana pembangunan jembatan baru yang akan "
    "menghubungkan dua kecamatan di tepi sungai, dan warga menyambut baik kabar tersebut."
)
TEXT_PAGE = f"Jembatan baru dibangun\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"


def _html(head: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>Jembatan baru dibangun</h1><p>{PARAGRAPH}</p></body></html>"


# --- URLs that urllib cannot parse (a malformed authority) -------------------------------


@pytest.mark.parametrize("url", ["http://[bad", "http://]x/a", "https://[zz]/a"])
@pytest.mark.parametrize("page", [TEXT_PAGE, _html()], ids=["text", "html"])
def test_unparseable_page_url_is_kept_but_not_used(page: str, url: str) -> None:
    article = warta.extract(page, url=url)
    assert article.url == url
    assert article.site is None
    assert "jembatan baru" in article.text


@pytest.mark.parametrize(
    "head",
    ['<link rel="canonical" href="http://[::1/a">', '<base href="http://[bad/">'],
    ids=["canonical", "base"],
)
def test_unparseable_canonical_or_base_in_the_page(head: str) -> None:
    article = warta.extract(_html(head), url="https://example.com/a")
    assert "jembatan baru" in article.text
    assert warta.extract(_html(head)).title == "Jembatan baru dibangun"


def test_corpus_keys_of_unparseable_urls() -> None:
    assert site_of_url("http://[bad") is None
    assert url_key("http://[bad ", "f.jsonl:1") == "http://[bad"
    assert url_key("https://www.Example.com/a/?q=1#x", "f.jsonl:1") == "example.com/a?q=1"


def test_batch_goes_on_past_a_page_with_an_unparseable_canonical(tmp_path: Path) -> None:
    (tmp_path / "a-bad.html").write_text(_html('<link rel="canonical" href="http://[x/a">'), encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(TEXT_PAGE, encoding="utf-8")
    results = list(Extractor().process_many(read_paths([str(tmp_path)])))
    assert [r.ok for r in results] == [True, True]


# --- Lone surrogates (JSON "\ud800" escapes, or a caller's str) ----------------------------


def _writable(article: warta.Article) -> None:
    # What the CLI does with every article: JSON, written as UTF-8.
    json.dumps(article.to_dict(True), ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_in_str_input_are_replaced_and_flagged() -> None:
    article = warta.extract(
        f"Jembatan \ud800 baru\n\n{PARAGRAPH}\n\n{PARAGRAPH} \udfff\n", url="https://a.com/\ud800"
    )
    assert "dua kecamatan" in article.text
    assert "lone surrogate code points replaced with U+FFFD" in article.warnings
    assert article.url == "https://a.com/\ufffd"
    _writable(article)


def test_lone_surrogates_in_json_ld_do_not_reach_the_article() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Jembatan \\ud800",'
        ' "author": "Budi \\udfff Santoso", "keywords": "jembatan\\ud800,sungai"}</script>'
    )
    article = warta.extract(_html(jsonld))
    assert [a.name for a in article.authors] == ["Budi \ufffd Santoso"]
    _writable(article)


def test_cli_batch_with_surrogate_escapes_in_jsonl(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import _register, app

    dump = tmp_path / "dump.jsonl"
    good = json.dumps({"text": TEXT_PAGE, "url": "https://a.com/1"})
    bad = json.dumps({"text": TEXT_PAGE, "url": "https://a.com/2"}).replace("Jembatan", "Jembatan \\ud800")
    odd = json.dumps({"text": TEXT_PAGE, "url": "https://a.com/@", "id": "x@"}).replace("@", "\\udfff")
    dump.write_text("\n".join([good, bad, odd]) + "\n", encoding="utf-8")
    _register()
    result = CliRunner().invoke(app, ["extract", str(dump), "--format", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3 and all("error" not in r for r in records)
    assert records[2]["url"] == "https://a.com/\ufffd"


# --- File names that are not UTF-8 (POSIX names are bytes) --------------------------------


def test_file_names_that_are_not_utf8_are_named_with_escapes(tmp_path: Path) -> None:
    from warta.corpus.store import Store
    from warta.run.ingest import IngestOptions, ingest

    directory = tmp_path / "crawl"
    directory.mkdir()
    odd = Path(os.fsdecode(bytes(directory) + b"/berita-\xff.txt"))
    odd.write_text(TEXT_PAGE, encoding="utf-8")
    (directory / "bad-\udcfe.jsonl").write_text('{"text": 5}\n', encoding="utf-8", errors="surrogateescape")
    results = list(Extractor().process_many(read_paths([str(directory)])))
    assert sorted(r.source or "" for r in results) == [
        f"{directory}/bad-\\xfe.jsonl:1",
        f"{directory}/berita-\\xff.txt",
    ]
    for result in results:
        json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False).encode("utf-8")
    # SQLite refused the surrogate in the source name and stopped the ingest.
    store = Store.open(tmp_path / "c.db")
    report = ingest(store, [str(directory)], IngestOptions(workers=1))
    assert report.ingested == 1 and sum(report.failed.values()) == 1
    assert ingest(store, [str(directory)], IngestOptions(workers=1)).already == 2
