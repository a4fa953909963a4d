"""Hand-written flattened-text pages against what a careful reader expects.

Each `tests/fixtures/text/<name>.txt` has a `<name>.expected.json` beside it.
The expectations describe the correct article, not what the extractor happens
to output today; every field is a separate test so a failure names the page and
the field. Keys of the expectation file:

- title, authors, editors, editor_codes: exact values (people by name, in order)
- body_first, body_last: prefixes of the first and last body paragraph
- body_contains, body_not_contains: snippets the article text must (not) hold
- read_also: titles in order; related: titles in order with `teaser` presence;
  sidebar: titles in order with their date (null = no date)
- comments: number of reader comments; headings: body sub-headings in order
- tags: the page's tags in order
- published: the ISO date (or date and time) the publication date starts with
- read_also_urls, related_urls, sidebar_urls: the URLs of the list's entries in order (null =
  no URL), where the page says them (Markdown links)
- url: the page's own address, where the page says it (a Jina Reader header)
- images: the URLs of the article's images in order, where the page shows them (Markdown)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import warta
from warta.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "text"
PAGES = sorted(p for p in FIXTURES.glob("*.txt"))
CHECKED_FIELDS = (
    "title",
    "authors",
    "editors",
    "editor_codes",
    "body_first",
    "body_last",
    "body_contains",
    "body_not_contains",
    "read_also",
    "related",
    "sidebar",
    "comments",
    "headings",
    "tags",
    "published",
    "read_also_urls",
    "related_urls",
    "sidebar_urls",
    "url",
    "images",
)


def _expected(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


_ARTICLES: dict[Path, Article] = {}


def _article(page: Path) -> Article:
    # Extraction is deterministic; extract each page once for all its field checks.
    if page not in _ARTICLES:
        _ARTICLES[page] = warta.extract(page.read_text(encoding="utf-8"), kind="text")
    return _ARTICLES[page]


# Checks the extractor does not pass yet, with the reason; they run and are
# reported as xfail (an XPASS means a gap closed: remove it from the file).
KNOWN_GAPS: dict[str, str] = json.loads((FIXTURES / "known_gaps.json").read_text(encoding="utf-8"))


def _cases() -> list[Any]:
    cases = []
    for page in PAGES:
        expected = _expected(page)
        for name in CHECKED_FIELDS:
            if name in expected:
                case_id = f"{page.stem}-{name}"
                gap = KNOWN_GAPS.get(case_id)
                marks = [pytest.mark.xfail(reason=f"known gap: {gap}", strict=False)] if gap else []
                cases.append(pytest.param(page, name, expected[name], id=case_id, marks=marks))
    return cases


def _body_paragraphs(article: Article) -> list[str]:
    return [part.text for part in article.body if part.kind != "heading"]


def test_every_fixture_has_expectations() -> None:
    assert len(PAGES) >= 12
    for page in PAGES:
        expected = _expected(page)
        unknown = set(expected) - set(CHECKED_FIELDS)
        assert not unknown, f"{page.name}: unknown expectation keys {unknown}"
        assert {"title", "body_first", "body_last", "body_not_contains"} <= set(expected), page.name


@pytest.mark.parametrize(("page", "field", "want"), _cases())
def test_fixture_field(page: Path, field: str, want: Any) -> None:
    article = _article(page)
    text = article.text
    if field == "title":
        assert article.title == want
    elif field in ("authors", "editors"):
        assert [p.name for p in getattr(article, field)] == want
    elif field == "editor_codes":
        assert article.editor_codes == want
    elif field == "body_first":
        paragraphs = _body_paragraphs(article)
        assert paragraphs, "empty body"
        assert paragraphs[0].startswith(want), f"first paragraph is {paragraphs[0][:120]!r}"
    elif field == "body_last":
        paragraphs = _body_paragraphs(article)
        assert paragraphs, "empty body"
        assert paragraphs[-1].startswith(want), f"last paragraph is {paragraphs[-1][:120]!r}"
    elif field == "body_contains":
        missing = [s for s in want if s not in text]
        assert not missing, f"missing from body: {missing}"
    elif field == "body_not_contains":
        present = [s for s in want if s in text]
        assert not present, f"boilerplate in body: {present}"
    elif field == "read_also":
        assert [item.title for item in article.read_also] == want
    elif field == "related":
        got = [{"title": item.title, "teaser": bool(item.teaser)} for item in article.related]
        assert got == want
    elif field == "sidebar":
        got = [{"title": item.title, "date": item.date} for item in article.sidebar]
        assert got == want
    elif field == "comments":
        assert len(article.comments) == want
    elif field == "headings":
        assert article.headings == want
    elif field == "tags":
        assert article.tags == want
    elif field == "published":
        got = article.published.iso() if article.published else None
        assert got is not None and got.startswith(want), f"published is {got!r}"
    elif field.endswith("_urls"):
        assert [item.url for item in getattr(article, field.removesuffix("_urls"))] == want
    elif field == "url":
        assert article.url == want
    elif field == "images":
        assert [image["url"] for image in article.images] == want
    else:  # pragma: no cover - guarded by test_every_fixture_has_expectations
        pytest.fail(f"unknown field {field}")
