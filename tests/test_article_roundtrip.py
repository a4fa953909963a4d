"""warta's own output read back: `Article.from_dict` inverts `to_dict`, a JSONL line of it is an
article (not a page to extract again), and an ingest of `warta scale`'s parts stores it as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta
from warta.model import Article, Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor
from warta.readers import JsonlFields, ReadError, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted([*FIXTURES.glob("html/*.html"), *FIXTURES.glob("text/*.txt")])


@pytest.mark.parametrize("path", PAGES[::3], ids=lambda p: p.name)
def test_from_dict_inverts_to_dict(path: Path) -> None:
    article = warta.extract(path.read_text(encoding="utf-8"))
    data = article.to_dict(include_labels=True)
    again = Article.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict(include_labels=True) == data


def test_an_enriched_article_keeps_its_dates_and_annotations() -> None:
    page = (FIXTURES / "text").glob("*.txt").__next__().read_text(encoding="utf-8")
    article = warta.extract(page, options=ExtractOptions(enrich=True))
    again = Article.from_dict(article.to_dict())
    assert again.published == article.published and again.annotations == article.annotations


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"schema_version": "2.0"}, "schema_version '2.0' is not 1.x"),
        ({"title": 7}, "title is int"),
        ({"body": [{"text": "no kind"}]}, "KeyError"),
        ({"published": {"value": "yesterday", "precision": "day"}}, "ValueError"),
    ],
)
def test_what_does_not_fit_the_schema_is_a_clear_error(change: dict[str, object], why: str) -> None:
    data = warta.extract("Judul\n\nSatu paragraf yang cukup panjang untuk menjadi isi berita ini.").to_dict()
    with pytest.raises(ValueError, match=why):
        Article.from_dict({**data, **change})


def _lines(tmp_path: Path) -> Path:
    out = tmp_path / "part-00000.jsonl"
    rows = []
    for path in PAGES[:6]:
        article = warta.extract(path.read_text(encoding="utf-8"))
        if article.body:
            rows.append(json.dumps(article.to_dict(), ensure_ascii=False))
    rows.append(json.dumps({"schema_version": "1.5", "body": [{"kind": "paragraph"}]}))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def test_a_line_of_warta_output_is_read_as_its_article(tmp_path: Path) -> None:
    items = list(read_jsonl(_lines(tmp_path), JsonlFields()))
    pages = [i for i in items if isinstance(i, Page)]
    assert pages and all(p.article is not None and p.content == p.article.text for p in pages)
    assert isinstance(items[-1], ReadError) and "cannot be read back" in items[-1].message
    extractor = Extractor()
    for page in pages:
        assert page.article is not None
        assert extractor.extract_page(page).to_dict() == page.article.to_dict()


def test_an_ingest_stores_warta_output_without_extracting_it_again(tmp_path: Path) -> None:
    from warta.corpus.store import Store
    from warta.run.ingest import IngestOptions, ingest

    part = _lines(tmp_path)
    expected = {json.loads(line)["title"] for line in part.read_text(encoding="utf-8").splitlines()[:-1]}
    with Store.open(tmp_path / "c.db") as store:
        report = ingest(store, [str(part)], IngestOptions(workers=1))
        titles = {row[0] for row in store.conn.execute("SELECT title FROM articles")}
    assert titles == expected
    assert sum(report.failed.values()) == 1  # (the line that is no article)
