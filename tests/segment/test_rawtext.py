"""`warta.segment.rawtext`: the script and style contents left out before parsing change nothing
`segment_html` gives (blocks and metadata), and the C scan leaves out exactly what the reference does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.segment import html as segment_module
from warta.segment import rawtext
from warta.segment.html import HtmlSegmentation, segment_html

_Elide = Callable[[bytes], bytes]


@pytest.fixture(scope="module")
def compiled(require_compiled: Callable[[bool, str], None]) -> _Elide:
    require_compiled(rawtext.elision() is not None, "raw text elision")
    from warta._textscan import elide_raw_text

    return elide_raw_text


def _segmented(page: str, elide: _Elide | None, monkeypatch: pytest.MonkeyPatch) -> HtmlSegmentation:
    monkeypatch.setattr(segment_module, "elision", lambda: elide)
    return segment_html(page, base_url="https://situs.example/a/", utf8=page.encode())


def _check_same_result(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`segment_html` gives the same with and without the reference's elision."""
    if not page or page.isspace():
        return
    with monkeypatch.context() as patch:
        plain = _segmented(page, None, patch)
        elided = _segmented(page, rawtext.elide_raw_text_python, patch)
    assert elided == plain


# Pages where what a script is depends on the tokenizer's states.
_TRICKY = [
    "<script>var a = '</scriptx>';</script><p>teks</p>",
    "<p>a<!-- <script> -->b</p><script>x</script>",
    "<!--><script>a</script><!---><script>b</script><p>c</p>",
    "<!-- a --!><script>b</script><!-- c --!-><style>d</style>-->",
    "<div title='<script>'>x</div><script>y</script><div a=\"</script>\">z</div>",
    '<div a=b="c>d">e</div><script>f</script>',
    "<div a ='<script>'>x</div><div ='<script>'>y</div><script>z</script>",
    "<textarea><script>a</script></textarea><title><style>b</style></title><script>c</script>",
    "<svg><style><p>b</style></svg><script>d</script>",
    "<svg><script>if (a<b) x;</script></svg><script>y</script>",
    "<svg><title>t</title><desc>d</desc><g><path/></g></svg><script>a</script><p>x</p>",
    "<svg><title><b>t</b></title></svg><script>a</script>",
    "<math><mi><script>a</script></mi></math><script>b</script>",
    "<svg><foreignObject><div><script>a</script></div></foreignObject></svg><script>b</script>",
    "<div><svg></div><script>a<p>b</p></script><p>c</p>",
    "<svg><![CDATA[<script>]]></svg><script>a</script>",
    '<svg><p><script>a="</svg><style>"</script><p>terlihat</p></style>',
    "<script>a<!--<script>b</script>c</script><p>d</p>",
    "<script>a<!-- b </script><p>c</p>",
    "<SCRIPT>a</Script ><StYlE>b</STYLE/><p>c</p>",
    "<script>a</script\x0c><script>b</script\r\n><p>c</p>",
    "<plaintext><script>a</script>",
    "<noscript><script>a</script><p>b</p></noscript><script>c</script>",
    '<template><col><script>a="<!--"</script><p>x</p>--></template><script>b</script>',
    "<select><option>a<style>b</style><script>c</script></select><script>d</script>",
    "<select><style><!--</style></select><p>x</p>--><p>y</p>",
    '<!--x--!><script>a="-->"+"<style>"</script><p>terlihat</p></style>',
    "<table><col><script>a</script><tr><td><style>b</style>c</td></tr></table>",
    "<time>5 Januari 2026<script>x</script></time>",
    "<time><script>var x = 1;</script>5 Januari 2026</time><p>teks</p>",
    "<span itemprop='datePublished'><style>x</style>2026-01-02</span>",
    "<div itemprop=datePublished><script>a</script>2026-01-02</div>",
    "<head><script>a</script></head><body><html itemprop=datePublished>2026</html></body>",
    "<head><style>a</style></head><body>b<body itemprop=datePublished>c</body><script>d</script>",
    "<script>a</script><template></template><body itemprop=datePublished>b",
    "<style>a</style><time><b>c</b></time><html itemprop=dateModified>",
    '<script>{"publishedAt": "2026-01-01T00:00"}</script><script>var a;</script>',
    '<script type=application/ld+json>{"@type": "NewsArticle", "headline": "H"}</script>',
    '<script type=\'Application/LD&#43;JSON\'>{"@type": "NewsArticle", "headline": "H"}</script>',
    "<script itemprop=datePublished>2026-01-02</script>",
    "<script>unterminated <p>x</p>",
    "<p>x</p><script",
    "<p>x</p><script a='",
    "<frameset><script>a</script></frameset>",
    "<script>\0a</script><svg><g\0><script>b</script></g\0></svg><script>c</script>",
    "<p>İ K ſ 😀 é</p><script>İ K ſ 😀</script><style>é</style>",
    "<svg/><script>a</script><math/><p>b</p>",
    "<svg><svg></svg><script>a</script></svg><script>b</script>",
    "<head><noscript><style>a</style></noscript><script>b</script></head><body>c</body>",
]


@pytest.mark.parametrize("page", _TRICKY)
def test_tricky_pages_give_the_same_result(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _check_same_result(page, monkeypatch)


@pytest.mark.parametrize("page", [*_TRICKY, *(probe.decode() for probe in rawtext._PROBES)])
def test_compiled_scan_is_the_reference(page: str, compiled: _Elide) -> None:
    data = page.encode()
    assert compiled(data) == rawtext.elide_raw_text_python(data)


def test_contents_nothing_reads_are_left_out() -> None:
    page = (
        b"<head><script>var a = 1;</script><style>p { color: red }</style>"
        b"<script type='application/ld+json'>{}</script><script>x = {\"publishedAt\": 1}</script></head>"
    )
    assert rawtext.elide_raw_text_python(page) == (
        b"<head><script></script><style></style>"
        b"<script type='application/ld+json'>{}</script><script>x = {\"publishedAt\": 1}</script></head>"
    )


def test_nothing_left_out_past_the_date_search_budget() -> None:
    page = b"<script>" + b"a" * 600_000 + b"</script><script>" + b"b" * 500_000 + b"</script>"
    assert rawtext.elide_raw_text_python(page) is page


def test_parser_input() -> None:
    elide = rawtext.elide_raw_text_python
    assert rawtext.parser_input("<p>é</p>", None, None) == "<p>é</p>"
    assert rawtext.parser_input("<p>x</p>", b"<p>x</p>", None) == b"<p>x</p>"
    assert rawtext.parser_input("<script>a</script>", None, elide) == b"<script></script>"
    assert rawtext.parser_input("<script>é</script>", None, elide) == "<script>é</script>"
    assert rawtext.parser_input(
        "<script>é</script><p>é</p>", "<script>é</script><p>é</p>".encode(), elide
    ) == ("<script></script><p>é</p>".encode())


# Pieces of markup whose every order is a page: tags that switch the tokenizer's states, their
# ends, comments, quotes and the text scripts may hold.
_PIECES = [
    "<script>", "</script>", "<SCRIPT type='application/ld+json'>", "<script src=a.js>", "</script ",
    "<style>", "</style>", "<!--", "-->", "--!>", "<!-->", "<!", "<?", "</", "<", ">", "/", "=", "'",
    '"', " ", "\r\n", "\0", "<svg>", "</svg>", "<math>", "</math>", "<title>", "</title>",
    "<textarea>", "</textarea>", "<select>", "<option>", "</select>", "<time>", "</time>",
    "<time datetime=2026-01-02>", "<p itemprop=datePublished>", "<meta itemprop=datePublished content=2026-01-01>",
    "<template>", "<table>", "<col>", "<div a=\"", "\">", "<b>", "</b>", "<p>", "</p>", "<g>", "</g>",
    "<foreignObject>", "<desc>", "<![CDATA[", "]]>", "<noscript>", "<iframe>", "</iframe>", "<xmp>",
    "publishedAt", "{\"datePublished\": \"2026-01-02\"}", "var a = 1;", "Isi berita. ", "İ", "\u212a",
    "ſ", "😀",
]  # fmt: skip
_PAGES = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PAGES)
def test_generated_pages_give_the_same_result(page: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check_same_result(page, monkeypatch)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(_PAGES, st.text(alphabet=st.sampled_from("<>/!-=\"' scriptSTYLEvgaμ\0\r"))))
def test_compiled_scan_on_generated_pages(compiled: _Elide, page: str) -> None:
    data = page.encode()
    assert compiled(data) == rawtext.elide_raw_text_python(data)
