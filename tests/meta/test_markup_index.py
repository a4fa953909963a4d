"""The compiled markup index finds the elements selectolax's queries find, so metadata is the same.

`SelectolaxMarkup` (one selectolax query per kind of element) is the reference;
the compiled `MarkupIndex` (one walk) must give the same elements in the same
order, and so the same `PageMetadata`, on fixtures, edge cases, generated
markup and, where ../shared is present, the benchmark pages.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from warta.meta.html_meta import Markup, SelectolaxMarkup, _metadata, compiled_markup
from warta.segment import document_id

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
URL = "https://portal.example/berita/2026/halaman.html"
QUERIES = ("bases", "jsonld_scripts", "metas", "itemprop_dates", "microdata_items", "times", "inline_scripts")

Index = Callable[[LexborHTMLParser, int], Markup]


@pytest.fixture(scope="module")
def index(require_compiled: Callable[[bool, str], None]) -> Index:
    found = compiled_markup()
    require_compiled(found is not None, "markup index")
    return found  # type: ignore[no-any-return]


def _view(element: object) -> tuple[object, ...]:
    text = element.text(deep=True)  # type: ignore[attr-defined]
    return element.tag, element.attributes, text  # type: ignore[attr-defined]


def _assert_same(index: Index, html: str | bytes) -> None:
    tree = LexborHTMLParser(html)
    compiled, reference = index(tree, document_id(tree)), SelectolaxMarkup(tree)
    if compiled is None:  # (it cannot tell: see `markup_index`)
        assert "<svg" in str(html) or "<math" in str(html)
        return
    for query in QUERIES:
        assert [_view(e) for e in getattr(compiled, query)()] == [
            _view(e) for e in getattr(reference, query)()
        ], query
    for query in ("title", "canonical"):
        mine, theirs = getattr(compiled, query)(), getattr(reference, query)()
        assert (mine is None) == (theirs is None), query
        if mine is not None:
            assert _view(mine) == _view(theirs), query
    assert compiled.meta_fields() == reference.meta_fields()
    assert [
        (_view(item), None if name is None else _view(name)) for item, name in compiled.author_items()
    ] == [(_view(item), None if name is None else _view(name)) for item, name in reference.author_items()]
    assert _metadata(tree, compiled, URL) == _metadata(tree, reference, URL)


@pytest.mark.parametrize(
    "path", sorted([*FIXTURES.glob("*.html"), *SAMPLES.glob("*.html")]), ids=lambda p: p.name
)
def test_fixture_pages(index: Index, path: Path) -> None:
    _assert_same(index, path.read_bytes())


CASES = {
    "selector case rules": (
        "<script type='APPLICATION/ld+json'>{}</script><script type='application/ld+json '>{}</script>"
        "<link rel='CANONICAL' href='/a'><link rel='canonical alternate' href='/b'>"
        "<b itemprop='datepublished'>x</b><i itemprop='datePublished'>2026-01-02</i>"
    ),
    "valueless attributes": "<script src>a</script><script type>b</script><link rel href='/c'><base href><time datetime>t</time>",
    "foreign content": "<svg><title>ikon</title><script>s</script><meta name='x'></svg><math><time>m</time></math>",
    "foreign exact matches": "<svg><link rel='canonical' href='/s'><script type='application/ld+json'>{}</script></svg>",
    "meta fields": (
        "<meta property name='n' content='c'><meta property='' itemprop='i'><meta name='a' name='b' content>"
        "<meta NAME='Up' Content='C' HTTP-EQUIV='Content-Language'><meta itemprop content='x' http-equiv>"
        "<meta property=' og:title ' content=' İK ſ 🌉 '><meta name='\u00e9' content='\u212a'><meta>"
        "<svg><meta Property='p' content='s'></svg>"
    ),
    "body metadata": "<body><meta property='og:title' content='Di body'><title>kedua</title><time>10 Mei</time></body>",
    "limits": (
        "<meta name='k' content='v'>" * 450
        + "<time>1</time>" * 8
        + "<span itemprop='dateModified'>d</span>" * 6
        + "<script>x</script>" * 60
        + "<script type='application/ld+json'>[]</script>" * 25
    ),
    "microdata items": (
        "<html itemscope itemtype='https://schema.org/QAPage'><body>"
        "<div itemscope itemtype='https://schema.org/Question' itemprop='mainEntity'>q</div>"
        "<div itemtype='https://schema.org/Answer'>no scope</div><div itemscope>no type</div>"
        "<div ITEMSCOPE ItemType='http://schema.org/DiscussionForumPosting'>upper case</div>"
        "<span itemscope itemtype itemprop>valueless</span><b itemscope itemtype>valueless type</b>"
        "<i itemtype='a' itemscope itemtype='b' itemprop='datePublished'>2026-01-02</i>"
        "<svg><g itemscope itemtype='https://schema.org/ImageObject'></g></svg>"
        + "<p itemscope itemtype='https://schema.org/Comment'>c</p>"
        * 25
    ),
    "author items": (
        "<meta itemprop='author' content='In a meta tag'><div itemprop='author' itemscope>"
        "<a itemprop='url' href='/u/a'><span itemprop='name'>Ann Lee</span></a><span itemprop='name'>Two</span></div>"
        "<span itemprop='author' itemscope><meta itemprop='name' content='Bo Kim'></span>"
        "<b itemprop='author'>By Cy Ray</b><i itemprop='Author'><i itemprop='Name'>case</i></i>"
        "<p itemprop='author creator'>tokens</p><div itemprop='author'><div itemprop='author'>"
        "<em itemprop='name'>nested</em></div></div><svg><g itemprop='author'><text itemprop='name'>s</text></g></svg>"
        + "<u itemprop='author'>u</u>"
        * 12
    ),
    "comment authors": (
        "<div itemscope itemtype='https://schema.org/Article'><b itemprop='author'>Writer</b>"
        "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'><p><i itemprop='author'>Guest</i></p>"
        "<div itemscope><s itemprop='author'>inner item</s></div></div>"
        "<div itemprop='comment'><u itemprop='author'>comment without scope</u></div>"
        "<div itemprop='Comment' itemscope><u itemprop='author'>case</u></div>"
        "<div itemprop='comment' itemscope><span itemprop='author' itemscope><em itemprop='name'>N</em></span></div></div>"
    ),
    "nested text": "<title>A <b>B</b> C</title><time><span>12</span> <em>Mei</em></time>",
    "invalid utf-8": b"<title>caf\xe9</title><meta name='author' content='J\xffn'><time datetime='\xa0'>x</time>",
    "no head": "<p>hanya paragraf</p>",
    "empty": "",
    "duplicate attributes": "<meta name='a' name='b' content='c'><link rel='canonical' rel='x' href='/d'>",
    # Each tag id's role is learnt from its first element: the same tags again, of either case,
    # inside and outside foreign content, and custom elements (ids beyond HTML's own tags).
    "tags met again": (
        "<TITLE>a</TITLE><svg><title>b</title><SVG><Math><time>t</time></Math></SVG></svg><title>c</title>"
        "<my-meta itemprop='datePublished'>2026-01-02</my-meta><my-meta>x</my-meta><META name='a' content='b'>"
        "<svg><meta name='c' content='d'><script>s</script></svg><Script src='a.js'></Script><Time>u</Time>"
        "<math><link rel='canonical' href='/m'></math><LINK REL='canonical' HREF='/c'><base href='/b'><BASE>"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_edge_cases(index: Index, name: str) -> None:
    _assert_same(index, CASES[name])


_ELEMENTS = st.sampled_from(
    ["<title>T</title>", "<base href='/b/'>", "<base>", "<meta name='author' content='A'>",
     "<meta property='og:title' content='O'>", "<meta itemprop='datePublished' content='2026-02-03'>",
     "<link rel='canonical' href='/k'>", "<link rel='Canonical'>", "<time datetime='2026-03-04'>t</time>",
     "<time class='updated'>5 Mei 2026</time>", "<script src='x.js'></script>", "<script>var a;</script>",
     "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"H\"}</script>",
     "<span itemprop='dateModified'>6 Mei</span>", "<div>", "</div>", "<svg>", "</svg>", "<p>teks</p>",
     "<meta property name='n' content='c'>", "<meta property='' itemprop='i' content='d' content='e'>",
     "<meta http-equiv='Content-Language' content='id'>", "<meta name='last-updated' content='2026-05-06'>",
     "<meta content>", "<meta NAME='Keywords' Content='a, b'>",
     "<div itemscope itemtype='https://schema.org/QAPage'>", "<div itemscope itemtype='http://schema.org/DiscussionForumPosting' itemprop='comment'>",
     "<div itemtype='https://schema.org/QAPage'>", "<span itemscope itemtype='https://schema.org/Comment'>c</span>",
     "<div itemprop='author' itemscope>", "<span itemprop='name'>N</span>", "<meta itemprop='name' content='M'>",
     "<b itemprop='author'>By A</b>", "<div itemprop='comment' itemscope>", "<div itemscope>"]
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_ELEMENTS, max_size=30))
def test_generated_markup(index: Index, parts: list[str]) -> None:
    _assert_same(index, "".join(parts))


def test_foreign_case_is_left_to_selectolax(index: Index) -> None:
    for html in (
        "<svg><link rel='Canonical' href='/s'></svg>",
        "<math><script type='Application/LD+JSON'>{}</script>",
    ):
        tree = LexborHTMLParser(html)
        assert index(tree, document_id(tree)) is None


def test_benchmark_pages(index: Index, shared: Path) -> None:
    paths = sorted((shared / "bench" / "scrapinghub" / "html").glob("*.html.gz"))[::3]
    assert paths
    for path in paths:
        _assert_same(index, gzip.decompress(path.read_bytes()))
