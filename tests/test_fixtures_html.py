"""Hand-written pages of eight site templates: body, title and the page's other parts as data.

Each `tests/fixtures/html/<name>.html` has `<name>.expected.json`: the title, the start of
every body paragraph, the read-also and related items with their absolute URLs, sidebar
titles and comments. Read-also, related, sidebar and comment text must never reach the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warta

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))


def _load(name: str) -> tuple[warta.Article, dict[str, object]]:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    article = warta.extract((FIXTURES / f"{name}.html").read_bytes(), url=str(expected["url"]))
    return article, expected


def test_there_are_at_least_eight_templates() -> None:
    assert len(PAGES) >= 8


@pytest.mark.parametrize("name", PAGES)
def test_title_and_body(name: str) -> None:
    article, expected = _load(name)
    assert article.title == expected["title"]
    assert [p.text[:60] for p in article.body] == expected["body_starts"]


@pytest.mark.parametrize("name", PAGES)
def test_lists_are_data_with_absolute_urls(name: str) -> None:
    article, expected = _load(name)
    assert [[i.title, i.url] for i in article.read_also] == expected["read_also"]
    assert [[i.title, i.url] for i in article.related] == expected["related"]
    sidebar = [i.title for i in article.sidebar]
    assert all(title in sidebar for title in expected["sidebar_titles"])  # type: ignore[attr-defined]
    for item in [*article.read_also, *article.related]:
        assert item.url is not None and item.url.startswith("https://")


@pytest.mark.parametrize("name", PAGES)
def test_comments_are_data(name: str) -> None:
    article, expected = _load(name)
    found = [[c.author, c.text[:50]] for c in article.comments if c.author]
    assert found == expected["comments"]


@pytest.mark.parametrize("name", PAGES)
def test_other_parts_never_in_body(name: str) -> None:
    article, _ = _load(name)
    body = article.text
    for item in [*article.read_also, *article.related, *article.sidebar]:
        assert item.title not in body
    for comment in article.comments:
        assert comment.text not in body
