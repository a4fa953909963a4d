"""HTML segmentation: reading order, structure features, hidden content, links."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from warta.errors import ExtractionTimeout, InputError
from warta.pipeline import Deadline
from warta.segment.html import _hides, _hiding_markup, segment_html, walk_python

PAGE = """<!doctype html><html lang="id"><head><base href="https://portal.example/news/">
<title>Judul Berita - Portal</title><style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script></head>
<body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article class="post-content">
<h1 class="entry-title">Judul Berita</h1>
<p>Paragraf pertama dengan <a href="a.html">tautan</a> dan <b>tebal</b>.</p>
<div hidden><p>Tersembunyi atribut</p></div>
<div style="display: none">Tersembunyi gaya</div>
<blockquote><p>Kutipan penting.</p></blockquote>
<figure><img src="x.jpg"><figcaption>Keterangan foto</figcaption></figure>
<table><tr><td>Sel tabel</td></tr></table>
<p>Baris satu<br>baris dua</p>
<noscript>Aktifkan JavaScript</noscript>
</article>
<aside class="sidebar widget"><h3>Terpopuler</h3><ul><li><a href="https://other.example/x">Berita lain</a></li></ul></aside>
</body></html>"""


def _by_text(seg: object) -> dict[str, object]:
    return {b.text: b for b in seg.blocks}  # type: ignore[attr-defined]


def test_blocks_in_reading_order_without_script_style_hidden() -> None:
    texts = [b.text for b in segment_html(PAGE).blocks]
    assert texts == [
        "Home",
        "Politik",
        "Judul Berita",
        "Paragraf pertama dengan tautan dan tebal.",
        "Kutipan penting.",
        "Keterangan foto",
        "Sel tabel",
        "Baris satu",
        "baris dua",
        "Terpopuler",
        "Berita lain",
    ]


def test_structure_features() -> None:
    blocks = _by_text(segment_html(PAGE))
    h1 = blocks["Judul Berita"].structure  # type: ignore[attr-defined]
    assert h1.heading_level == 1 and h1.tag == "h1"
    assert "entry" in h1.class_tokens and "article" in h1.class_tokens
    para = blocks["Paragraf pertama dengan tautan dan tebal."].structure  # type: ignore[attr-defined]
    assert para.tag == "p" and 0.1 < para.link_density < 0.5 and not para.in_link
    assert para.tag_path.endswith("article>p")
    assert blocks["Kutipan penting."].structure.in_blockquote  # type: ignore[attr-defined]
    assert blocks["Keterangan foto"].structure.in_figure  # type: ignore[attr-defined]
    assert blocks["Sel tabel"].structure.in_table  # type: ignore[attr-defined]
    home = blocks["Home"].structure  # type: ignore[attr-defined]
    assert home.in_list and home.in_link and home.link_density == 1.0 and "nav" in home.class_tokens
    side = blocks["Berita lain"].structure  # type: ignore[attr-defined]
    assert "sidebar" in side.class_tokens and "aside" in side.class_tokens


def test_links_absolute_against_base_href() -> None:
    blocks = _by_text(segment_html(PAGE, base_url="https://ignored.example/"))
    assert blocks["Paragraf pertama dengan tautan dan tebal."].structure.href == (  # type: ignore[attr-defined]
        "https://portal.example/news/a.html"
    )
    assert blocks["Home"].structure.href == "https://portal.example/"  # type: ignore[attr-defined]
    assert blocks["Berita lain"].structure.href == "https://other.example/x"  # type: ignore[attr-defined]


def test_links_absolute_against_page_url_without_base() -> None:
    html = '<p><a href="../b/c.html">x</a></p><p><a href="javascript:void(0)">y</a></p>'
    blocks = segment_html(html, base_url="https://site.example/a/b/page").blocks
    assert blocks[0].structure.href == "https://site.example/a/b/c.html"
    assert blocks[1].structure.href is None


def test_metadata_collected() -> None:
    meta = segment_html(PAGE).metadata
    assert meta.title == "Judul Berita - Portal"
    assert meta.language == "id"
    assert meta.base_url == "https://portal.example/news/"


def test_deep_nesting_is_iterative() -> None:
    html = "<div>" * 10_000 + "<p>dalam sekali</p>" + "</div>" * 10_000
    assert [b.text for b in segment_html(html).blocks] == ["dalam sekali"]


def test_deadline_is_checked_while_walking() -> None:
    html = "<div>" + "<p>kata</p>" * 20_000 + "</div>"
    with pytest.raises(ExtractionTimeout):
        segment_html(html, deadline=Deadline(1e-9))


@pytest.mark.parametrize("html", ["", "   ", "\n\t\u3000\u00a0\n"])
def test_empty_html_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError):
        segment_html(html)


def test_invisible_characters_dropped_from_blocks_and_metadata() -> None:
    html = (
        "<html><head><title>Home Repair Assis&shy;tance</title></head>"
        "<body><h1>Home Repair Assis&shy;tance</h1><p>Zero\u200bwidth text stays one word.</p></body></html>"
    )
    result = segment_html(html)
    assert [b.text for b in result.blocks] == ["Home Repair Assistance", "Zerowidth text stays one word."]
    assert result.metadata.title == "Home Repair Assistance"


def test_amp_ads_give_no_text() -> None:
    page = (
        "<html ⚡><body><p>Paragraf pertama.</p>"
        '<amp-ad type="doubleclick"><div placeholder>Iklan</div><div fallback>Iklan gagal dimuat</div></amp-ad>'
        "Kalimat sesudah iklan.<p>Paragraf kedua.</p></body></html>"
    )
    texts = [b.text for b in segment_html(page).blocks]
    assert texts == ["Paragraf pertama.", "Kalimat sesudah iklan.", "Paragraf kedua."]


def test_links_side_by_side_after_a_short_label_are_separate_blocks() -> None:
    page = (
        '<body><div class="tags"><span>Tags:</span> <a href="/tag/a">arus balik</a> '
        '<a href="/tag/b">Bakauheni</a></div>'
        '<p>Oleh <a href="/p/ani">Ani</a> dan <a href="/p/budi">Budi</a></p></body>'
    )
    texts = [b.text for b in segment_html(page).blocks]
    assert texts == ["Tags: arus balik", "Bakauheni", "Oleh Ani dan Budi"]


def test_empty_inline_elements_change_nothing() -> None:
    # Passed over without reading their attributes: hidden or not, they neither split nor join text.
    html = (
        "<body><p class='isi'>Satu<img class='hidden' src='x.jpg'><span></span>dua "
        "<i class='icon'></i><b style='display:none'></b>tiga</p><div hidden></div><p>Empat</p></body>"
    )
    blocks = segment_html(html).blocks
    assert [(b.text, b.structure.tag, b.structure.class_tokens) for b in blocks] == [
        ("Satudua tiga", "p", ("isi",)),
        ("Empat", "p", ()),
    ]


@pytest.mark.parametrize(
    "href",
    [
        "/a/b.html", "/a/./b", "/a/../b", "/a//b", "/.", "/..", "/a/.", "/a/..", "/./a", "/../a",
        "/.a/b", "/a./b", "/a/...", "/a/.../b", "/a.b/c.d", "/", "/a/?q=1#f", "/a/../?q", "/a//",
    ],
)  # fmt: skip
def test_root_relative_links_resolve_as_urljoin_does(href: str) -> None:
    from urllib.parse import urljoin

    from warta.segment.html import _absolute, _origin

    base = "https://site.example/x/y/page.html"
    assert _absolute(href, base, _origin(base)) == urljoin(base, href)


@pytest.mark.parametrize(
    "href",
    [
        "//cdn.example/a.js", "//cdn.example", "//cdn.example/", "//cdn.example/a/../b?q=1#f",
        "//cdn.example?q", "//cdn.example/a?", "//cdn.example/a#", "//cdn.example/a;p", "//[::1]/a",
        "//[bad/a", "//", "///a", "//a b/c", "//cdn.example:8080/x", "//user@cdn.example/x",
        "//exa\u0301mple.com/x", "//ex\uff03ample/x", "//\u00e9.example/x?q=\u00e9",
    ],
)  # fmt: skip
@pytest.mark.parametrize("base", ["https://site.example/x/y/page.html", "HTTP://Site.example"])
def test_scheme_relative_links_resolve_as_join_url_does(href: str, base: str) -> None:
    from warta.meta.urls import join_url
    from warta.segment.html import _absolute, _origin

    assert _absolute(href, base, _origin(base)) == join_url(base, href)


def test_utf8_text_is_parsed_from_its_bytes_with_the_same_result() -> None:
    html = PAGE.replace("Paragraf pertama", "Paragraf pértama — “kutipan”")
    from_text, from_bytes = segment_html(html), segment_html(html, utf8=html.encode())
    assert from_bytes.blocks == from_text.blocks and from_bytes.metadata == from_text.metadata
    assert any("pértama — “kutipan”" in block.text for block in from_bytes.blocks)


def test_only_the_space_is_printable_whitespace() -> None:
    # `_emit` keeps printable text without doubled, leading or trailing spaces as it is.
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


def test_whitespace_text_nodes_space_only_inside_a_block() -> None:
    # Whitespace between blocks adds nothing; inside a block it is one space, whatever it is.
    html = "<body>\n  <div>\n <p>a<b>b</b>\n\t<i>c</i>\u00a0<i>d</i></p>\n</div>\n <p>e</p> </body>"
    assert [b.text for b in segment_html(html).blocks] == ["ab c d", "e"]


_POSTS = "".join(
    f"<div class='crawler-post'><span class='creator'>member{i}</span><time>March {i + 1}, 2026</time>"
    f"<div class='post'><p>Reply number {i} explains how the scheduler handles a job that fails twice "
    "and why the retry limit matters for long queues.</p></div></div>"
    for i in range(4)
)


def test_app_shell_page_is_read_from_its_noscript_rendering() -> None:
    # A forum app draws the page with scripts; its <noscript> holds every post for readers without them.
    html = (
        "<html><head><title>Retry limits - Example Forum</title></head><body>"
        "<noscript><style>#splash { display: none; }</style></noscript>"
        "<section id='splash'>Loading Example Forum</section>"
        "<noscript><header><a href='/'>Example Forum</a></header>"
        f"<div id='main-outlet'><h1>How do retry limits work?</h1>{_POSTS}</div></noscript>"
        "<script>start()</script></body></html>"
    )
    texts = [block.text for block in segment_html(html).blocks]
    assert "How do retry limits work?" in texts
    assert sum("explains how the scheduler handles" in text for text in texts) == 4
    assert "Loading Example Forum" not in texts  # the shell's splash is not the page


def test_noscript_is_not_read_where_the_page_shows_its_text() -> None:
    story = "".join(
        f"<p>Paragraph {i} of the story tells what the council decided on the budget.</p>" for i in range(12)
    )
    for noscript in (
        "<noscript><img src='/pixel.gif'> Please enable JavaScript to use this site.</noscript>",
        f"<noscript><div>{_POSTS}{_POSTS}{_POSTS}</div></noscript>",  # more text, but the page has its own
    ):
        texts = [block.text for block in segment_html(f"<html><body>{story}{noscript}</body></html>").blocks]
        assert texts == [
            f"Paragraph {i} of the story tells what the council decided on the budget." for i in range(12)
        ]
    # A shell whose <noscript> only asks for JavaScript stays the shell.
    shell = "<html><body><div id='app'>Loading</div><noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    assert [block.text for block in segment_html(shell).blocks] == ["Loading"]


_STORY = "".join(
    f"<p>Paragraph {i} of the report says how the harbour authority will widen the channel by 2030.</p>"
    for i in range(6)
)


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div hidden id="S:0">{}</div><div>Loading…</div>',  # a React stream, moved into place by a script
        '<div style="visibility:hidden;min-height:100vh"><div class="root">{}</div></div>',  # shown once loaded
        '<div class="root hide"><article>{}</article></div>',
    ],
)
def test_a_hidden_element_holding_the_page_is_shown(wrapper: str) -> None:
    html = "<html><body>" + wrapper.format(_STORY) + "</body></html>"
    texts = [block.text for block in segment_html(html).blocks]
    assert sum(text.startswith("Paragraph") for text in texts) == 6


@pytest.mark.parametrize(
    "page",
    [
        # A dialog open over the page: its <main> is hidden from screen readers, not from the walk.
        "<html><body><main aria-hidden='true'><div hidden>{}</div></main></body></html>",
        "<html><body><article class='hidden'><div style='display:none'>{}</div></article></body></html>",
        "<html><body style='visibility:hidden'><div class='d-none'>{}</div></body></html>",  # anti-flicker
    ],
)
def test_a_hidden_element_inside_one_that_never_hides_is_shown(page: str) -> None:
    # The walk never hides <html>, <body>, <main> or <article>, so the element shown is the hidden
    # one inside them. (Showing the outer one instead left the inner one hidden: no text at all.)
    texts = [block.text for block in segment_html(page.format(_STORY)).blocks]
    assert sum(text.startswith("Paragraph") for text in texts) == 6


def test_the_walk_and_the_reveal_agree_on_every_way_of_hiding() -> None:
    # `_hides` (which element `_revealed` may show) says hidden of just the elements the walk
    # passes over, on every way of hiding and its near misses.
    tree = LexborHTMLParser(f"<html><body>{_hiding_markup()}</body></html>")
    assert tree.body is not None
    shown = {block.text for block in walk_python(tree.body, None, None)}
    elements = [node for node in tree.body.iter() if node.tag in ("div", "main")]
    assert len(elements) > 40
    assert all(_hides(node) == (node.text() not in shown) for node in elements)
    assert {"d0", "d1", "d3"}.isdisjoint(shown)
    assert {"m0", "m1", "d2"} <= shown


def test_a_style_hides_in_css_terms_only() -> None:
    # CSS keywords are ASCII case-insensitive and its whitespace is ASCII: a browser ignores
    # these declarations and shows the text (they hid it where the match was Unicode's).
    styles = ["visibility: h\u0131dden", "VISIBILITY:H\u0130DDEN", "di\u017fplay:none", "display:\u00a0none"]
    page = "".join(f"<p style='{style}'>Teks {i}</p>" for i, style in enumerate(styles))
    texts = [block.text for block in segment_html(f"<html><body>{page}</body></html>").blocks]
    assert texts == [f"Teks {i}" for i in range(len(styles))]
    hiding = "<p style='Display :\tNONE'>a</p><p style='x:1;visibility:\nHidden'>b</p><p>c</p>"
    assert [block.text for block in segment_html(f"<html><body>{hiding}</body></html>").blocks] == ["c"]


def test_hidden_elements_stay_hidden_where_the_page_shows_its_text() -> None:
    menu = "".join(
        f"<li><a href='/s{i}'>Section number {i} of the long hidden menu</a></li>" for i in range(60)
    )
    long_story = _STORY * 2
    html = f"<html><body><nav style='display:none'><ul>{menu}</ul></nav>{long_story}</body></html>"
    texts = [block.text for block in segment_html(html).blocks]
    assert not any("hidden menu" in text for text in texts)
    # A short page keeps its few hidden words hidden (a dropdown, a screen-reader label).
    html = "<html><body><p>Short note.</p><span class='sr-only'>Open the menu</span><div hidden>Close</div></body></html>"
    assert [block.text for block in segment_html(html).blocks] == ["Short note."]
