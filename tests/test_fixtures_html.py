"""Hand-written pages of site templates: body, title and the page's other parts as data.

Each `tests/fixtures/html/<name>.html` has `<name>.expected.json`: what a careful reader
expects, not what the extractor outputs today. Every page gives the URL, the title, the
start of every body paragraph, the read-also and related items with their absolute URLs,
sidebar titles and comments. Read-also, related, sidebar and comment text must never
reach the body. Optional keys, each its own check:

- subtitle, dateline: exact value (null = none)
- authors, editors: people by name, in order; editor_codes, tags, headings: exact lists
- published: the publication instant (ISO 8601; an equal instant in another zone passes)
- body_not_contains: snippets the article text must not hold
- sidebar_excludes: titles that must not be sidebar items (a pull quote, a modal's header)
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import warta
from warta.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))
REQUIRED = ("url", "title", "body_starts", "read_also", "related", "sidebar_titles", "comments")
OPTIONAL = (
    "subtitle",
    "dateline",
    "authors",
    "editors",
    "editor_codes",
    "published",
    "tags",
    "headings",
    "body_not_contains",
    "sidebar_excludes",
)
# Checks the extractor does not pass yet, keyed "<page>-<check>", with the reason; they run
# and are reported as xfail (an XPASS means a gap closed: remove it from the file).
KNOWN_GAPS: dict[str, str] = json.loads((FIXTURES / "known_gaps.json").read_text(encoding="utf-8"))
_ARTICLES: dict[str, tuple[Article, dict[str, Any]]] = {}


def _load(name: str) -> tuple[Article, dict[str, Any]]:
    # Extraction is deterministic; extract each page once for all its checks.
    if name not in _ARTICLES:
        expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
        article = warta.extract((FIXTURES / f"{name}.html").read_bytes(), url=str(expected["url"]))
        _ARTICLES[name] = (article, expected)
    return _ARTICLES[name]


def _params(check: str, key: str | None = None) -> list[Any]:
    """One case per page (that has `key`, for an optional check), xfail where a gap is known."""
    cases = []
    for name in PAGES:
        if key is not None and key not in _load(name)[1]:
            continue
        gap = KNOWN_GAPS.get(f"{name}-{check}")
        marks = [pytest.mark.xfail(reason=f"known gap: {gap}", strict=False)] if gap else []
        cases.append(pytest.param(name, id=f"{name}-{check}", marks=marks))
    return cases


def test_there_are_at_least_eight_templates() -> None:
    assert len(PAGES) >= 8


def test_expectation_keys_are_known() -> None:
    for name in PAGES:
        keys = set(_load(name)[1])
        assert set(REQUIRED) <= keys, name
        assert not keys - set(REQUIRED) - set(OPTIONAL), (
            f"{name}: unknown keys {keys - set(REQUIRED) - set(OPTIONAL)}"
        )
    for case_id in KNOWN_GAPS:
        assert any(case_id.startswith(f"{name}-") for name in PAGES), f"gap for no page: {case_id}"


@pytest.mark.parametrize("name", _params("title"))
def test_title(name: str) -> None:
    article, expected = _load(name)
    assert article.title == expected["title"]


@pytest.mark.parametrize("name", _params("body"))
def test_body(name: str) -> None:
    article, expected = _load(name)
    assert [p.text[:60] for p in article.body] == expected["body_starts"]


@pytest.mark.parametrize("name", _params("page_type"))
def test_every_template_page_is_an_article(name: str) -> None:
    # (each page is a story with its boxes, lists and comments: none is a listing)
    article, _ = _load(name)
    assert article.page_type == "article"
    assert not [w for w in article.warnings if "main content" in w]


@pytest.mark.parametrize("name", _params("read_also"))
def test_read_also(name: str) -> None:
    article, expected = _load(name)
    assert [[i.title, i.url] for i in article.read_also] == expected["read_also"]


@pytest.mark.parametrize("name", _params("related"))
def test_related(name: str) -> None:
    article, expected = _load(name)
    assert [[i.title, i.url] for i in article.related] == expected["related"]


@pytest.mark.parametrize("name", _params("sidebar"))
def test_sidebar(name: str) -> None:
    article, expected = _load(name)
    sidebar = [i.title for i in article.sidebar]
    missing = [title for title in expected["sidebar_titles"] if title not in sidebar]
    assert not missing, f"not in the sidebar: {missing}"
    wrong = [title for title in expected.get("sidebar_excludes", []) if title in sidebar]
    assert not wrong, f"not sidebar items: {wrong}"


@pytest.mark.parametrize("name", _params("absolute_urls"))
def test_list_urls_are_absolute(name: str) -> None:
    article, _ = _load(name)
    for item in [*article.read_also, *article.related]:
        assert item.url is not None and item.url.startswith("https://")


@pytest.mark.parametrize("name", _params("comments"))
def test_comments_are_data(name: str) -> None:
    article, expected = _load(name)
    found = [[c.author, c.text[:50]] for c in article.comments if c.author]
    assert found == expected["comments"]


@pytest.mark.parametrize("name", _params("never_in_body"))
def test_other_parts_never_in_body(name: str) -> None:
    article, _ = _load(name)
    body = article.text
    for item in [*article.read_also, *article.related, *article.sidebar]:
        assert item.title not in body
    for comment in article.comments:
        assert comment.text not in body


def _published(article: Article) -> datetime | None:
    return article.published.value if article.published is not None else None


def _field(article: Article, key: str) -> Any:
    if key in ("authors", "editors"):
        return [p.name for p in getattr(article, key)]
    if key == "published":
        return _published(article)
    if key == "headings":
        return article.headings
    return getattr(article, key)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param(*case.values, key, id=case.id, marks=case.marks)
        for key in OPTIONAL
        if key not in ("body_not_contains", "sidebar_excludes")
        for case in _params(key, key)
    ],
)
def test_optional_field(name: str, key: str) -> None:
    article, expected = _load(name)
    want = expected[key]
    if key == "published" and want is not None:
        value = datetime.fromisoformat(want)
        got = _published(article)
        # A date-only expectation compares dates; a timed one compares instants.
        assert got is not None and (got.date() == value.date() if len(want) == 10 else got == value), got
        return
    assert _field(article, key) == want


@pytest.mark.parametrize("name", _params("body_not_contains", "body_not_contains"))
def test_body_not_contains(name: str) -> None:
    article, expected = _load(name)
    present = [s for s in expected["body_not_contains"] if s in article.text]
    assert not present, f"boilerplate in body: {present}"
