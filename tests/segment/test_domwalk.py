"""The C DOM walk gives exactly the blocks of the Python walk, on every kind of page.

`walk_python` is the reference; `warta.segment._domwalk.walk` must agree with it
block for block (text and every structure field), on the fixtures, on hostile
markup, on generated markup and, where ../shared is present, on the benchmark pages.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from warta.errors import ExtractionTimeout
from warta.model import Block
from warta.pipeline import Deadline
from warta.segment import document_id, html
from warta.segment.html import (
    _READ_CLASSES,
    CompiledWalk,
    _absolute,
    _origin,
    _read_class,
    _tokens,
    compiled_walk,
    walk_python,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BASE = "https://portal.example/berita/2026/halaman.html"


@pytest.fixture(scope="module")
def walk(require_compiled: Callable[[bool, str], None]) -> CompiledWalk:
    found = compiled_walk()
    require_compiled(found is not None, "DOM walk")
    assert found is not None
    return found


def _both(walk: CompiledWalk, html: str | bytes, base: str | None = BASE) -> tuple[list[Block], list[Block]]:
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    assert root is not None
    # (Each walk reads the class values itself: not from the values the other one cached.)
    _READ_CLASSES.clear()
    compiled = walk(root.mem_id, document_id(tree), base, None)
    _READ_CLASSES.clear()
    return walk_python(root, base, None), compiled


def _assert_same(walk: CompiledWalk, html: str | bytes, base: str | None = BASE) -> list[Block]:
    python, compiled = _both(walk, html, base)
    assert compiled == python
    return compiled


@pytest.mark.parametrize(
    "path", sorted([*FIXTURES.glob("*.html"), *SAMPLES.glob("*.html")]), ids=lambda p: p.name
)
def test_fixture_pages(walk: CompiledWalk, path: Path) -> None:
    assert _assert_same(walk, path.read_bytes())


HOSTILE = {
    "deep nesting": "<html><body>"
    + "<div><span>" * 5_000
    + "tengah"
    + "</span></div>" * 5_000
    + "</body></html>",
    "no body": "<p>tanpa body <a href=x>tautan</a>",
    "broken entities": "<p>A &amp B &#xZZ; &#99999999; &nbsp C &lt;</p>",
    "invalid utf-8": b"<p>caf\xe9 \xff\xfe lagi</p><div class='\xc3(' id='\xa0b'>teks</div>",
    "script only": "<script>var a = '<p>x</p>';</script><style>p{}</style>",
    "only whitespace": "<body>\n\t <div> </div>\r\n</body>",
    "links and labels": "<p>Tags: <a href='/1'>a</a> <a href='/2'>b</a> ekor</p><a>x</a><a href='#top'>y</a>",
    "hidden variants": (
        "<div class='sr-only'>a</div><div style='VISIBILITY:hidden'>b</div><div hidden=''>c</div>"
        "<main class='hidden'>d</main><div aria-hidden='TRUE'>e</div><div id=''>f</div>"
    ),
    "duplicate attributes": "<div class='a' class='hidden' id='x' id='y'>teks</div>",
    "empty values": "<div class id style aria-hidden>teks</div><a href>link</a>",
    "custom and svg": "<x-card class='related'>kartu</x-card><svg><text>t</text></svg><math>m</math>",
    "breaks": "satu<br>dua<hr>tiga<br/><wbr>empat",
    "headings in lists": "<ul><li><h3>judul</h3><p>isi</p></li></ul><table><td><blockquote>q</blockquote>",
    "uppercase markup": "<DIV CLASS='Related-Posts' ID='Box'><A HREF='/X'>Tautan</A></DIV>",
    "soft hyphens": "<p>Assis\u00adtance  dan\u200b  kata</p>",
    # More distinct class tokens above a block than the C walk's fixed table holds, repeated ones,
    # and whitespace the C walk collapses itself.
    "many class tokens": "".join(
        f"<div class='{' '.join(f'k{depth}x{i} shared' for i in range(12))}'>" for depth in range(16)
    )
    + "<p>\t dalam \x0b\x1c  sekali \r\n</p>x"
    + "</div>" * 16,
    "invalid utf-8 in a block": b"<p>a\xff <b>\xe2\x82</b>\xacb \xc3\xa9</p>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_markup(walk: CompiledWalk, name: str) -> None:
    _assert_same(walk, HOSTILE[name])
    _assert_same(walk, HOSTILE[name], base=None)


def test_the_walks_agree_on_every_way_of_hiding(walk: CompiledWalk) -> None:
    from warta.segment import _domwalk

    # The C walk follows the hiding data it read, and hides what the Python walk hides on the
    # probe, which holds every way of hiding (the probe `compiled_walk` checks at first use).
    assert _domwalk.hiding_data() == (
        html._HIDING_ATTRIBUTES,
        html._HIDDEN_CLASS_PARTS,
        tuple(value for _, value in html._HIDING_STYLES),
    )
    assert html._hiding_markup() in html._PROBE
    blocks = _assert_same(walk, html._PROBE)
    texts = {block.text for block in blocks}
    assert {"d0", "d1", "d3"}.isdisjoint(texts)  # hidden: hidden, aria-hidden='true', a class
    assert {"m0", "m1", "m3", "d2"} <= texts  # never-hidden <main>s, aria-hidden='TRUE '


@pytest.mark.parametrize(
    "changes",
    [
        {"_HIDING_ATTRIBUTES": {**html._HIDING_ATTRIBUTES, "inert": None}},
        {"_HIDDEN_CLASSES": html._HIDDEN_CLASSES | {"invisible"}, "_HIDDEN_CLASS_PARTS": ("invis",)},
    ],
    ids=["attribute", "class"],
)
def test_the_probe_tells_a_c_walk_that_lags_the_data(
    walk: CompiledWalk, monkeypatch: pytest.MonkeyPatch, changes: dict[str, object]
) -> None:
    # Data changed after the C walk read it (as a stale build would have it): the probe markup
    # made from the new data shows the two walks apart.
    for name, value in changes.items():
        monkeypatch.setattr(html, name, value)
    monkeypatch.setattr(html, "_HIDING_NAMES", frozenset({*html._HIDING_ATTRIBUTES, "style"}))
    python, compiled = _both(walk, f"<html><body>{html._hiding_markup()}</body></html>")
    assert python != compiled


_TAGS = st.sampled_from(
    [
        "div",
        "p",
        "span",
        "a",
        "li",
        "ul",
        "h2",
        "table",
        "td",
        "figure",
        "blockquote",
        "br",
        "script",
        "x-y",
        "nav",
    ]
)
_ATTRS = st.sampled_from(
    ["", " class='hidden'", " class='related post'", " id='main-box'", " style='display:none'", " hidden",
     " aria-hidden='true'", " href='/p?q=1'", " href='https://b.example/x'", " class=''",
     # Values the C fast paths read (ASCII) or leave to Python (non-ASCII, possibly hiding).
     " class='Post POST post-2 x y7'", " class='\u0130tem \u212aey'", " id='\u0130D-1'", " class='a\x1chidden'",
     " class=' \tSR-only\n'", " id='Related_Posts 42'", " class='d-none-x only'", " id='post post'",
     " href=' /a//b '", " href='#x'", " href='javascript:void(0)'", " href='//cdn.example/x'",
     " href='../up?'", " href='https://b.example/x y'", " href=''", " href"]
)  # fmt: skip
_TEXTS = st.sampled_from(
    ["", " ", "kata", "Tags:", "dua kata ", "\n", "&amp;", "é", "\u00ad",
     # Whitespace that `str.strip` takes and HTML does not, control characters, and a colon
     # before it: the C walk counts ASCII text itself.
     "\x0bkata\x1c", "Label:\x1f", " :\x0b", "\x1d", "a\x7fb", "x  y", "\u00a0", "Kata:\u00a0", "\u2003:"]
)  # fmt: skip


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(_TAGS)
            parts.append(f"<{tag}{draw(_ATTRS)}>{draw(_markup(depth + 1))}</{tag}>")
        else:
            parts.append(draw(_TEXTS))
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_markup())
def test_generated_markup(walk: CompiledWalk, body: str) -> None:
    _assert_same(walk, f"<html><body>{body}</body></html>")


_CLASS_TEXT = st.lists(
    st.sampled_from(
        ["a", "Z", "0", "-", "_", " ", "\t", "\n", "\x1c", "\x85", "\u0130", "\u212a", "\u00e9", "\u00df"]
    )
    | st.sampled_from(
        ["hidden", "HIDE", "none", "sr-only", "screen-reader-text", "d-none", "Only", "visually-hidden"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_CLASS_TEXT | st.text(max_size=20))
def test_class_and_id_values_read_in_c(walk: CompiledWalk, value: str) -> None:
    from warta.segment import _domwalk  # (built: the fixture says so)

    assert _domwalk.class_value(value) == _read_class(value)
    assert _domwalk.id_value_tokens(value) == _tokens(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_CLASS_TEXT | st.text(max_size=20), max_size=8))
def test_class_values_read_by_their_bytes(walk: CompiledWalk, values: list[str]) -> None:
    from warta.segment import _domwalk  # (built: the fixture says so)

    # Each value twice (the second read from the table), and bytes that are not UTF-8.
    raw = [value.encode("utf-8", "surrogatepass") for value in values] + [b"a\xff b", b"\xc3"]
    for data in raw + raw:
        assert _domwalk.class_bytes_value(data) == _read_class(data.decode("utf-8", "replace"))


def test_class_value_table_stays_bounded(walk: CompiledWalk) -> None:
    from warta.segment import _domwalk  # (built: the fixture says so)

    _domwalk.clear_class_reads()
    # Values of every length up to past two hash steps, many more than the table keeps.
    values = [f"c{k} {'x' * (k % 19)}".encode() for k in range(20_000)]
    for data in values:
        assert _domwalk.class_bytes_value(data) == _read_class(data.decode())
        assert _domwalk.class_reads_held() <= 8192
    for data in values[-100:]:  # (still held: read from the table)
        assert _domwalk.class_bytes_value(data) == _read_class(data.decode())
    _domwalk.clear_class_reads()
    assert _domwalk.class_reads_held() == 0


# Every character `str.split` splits at, beside letters of each str width, invisible characters
# `drop_invisible` removes and other characters `str.isprintable` rejects.
_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
_SPACED_TEXT = st.lists(
    st.sampled_from([*_SPACES, "a", "Z", "\u00e9", "\u00ff", "\u0100", "\u4e2d", "\U0001f309", "\u00ad"])
    | st.sampled_from(["\u200b", "\u2060", "\x00", "\x1f", "\u200e", "  ", " "]),
    max_size=16,
).map("".join)


@pytest.mark.parametrize(
    "value",
    ["", " ", "  ", "a", " a", "a ", "a b", "a  b", "a\u00a0b", "\u3000x\u3000", "\u00e9\u3000", "x\ny",
     "\u2028", "ab\u0085c", "\U0001f309 \U0001f309", "a\u200bb", "x\x1cy", "\u00e9  \u00fc", "\u4e2d \u00e9"],
)  # fmt: skip
def test_spaces_collapsed_in_c(walk: CompiledWalk, value: str) -> None:
    from warta.segment import _domwalk  # (built: the fixture says so)

    collapsed = _domwalk.collapse_spaces(value)
    assert collapsed == " ".join(value.split())
    assert type(collapsed) is str
    # (Equal strs of a wider storage than they need would compare unequal: none is made.)
    assert hash(collapsed) == hash(" ".join(value.split()))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_SPACED_TEXT | st.text(max_size=24))
def test_generated_spaces_collapsed_in_c(walk: CompiledWalk, value: str) -> None:
    from warta.segment import _domwalk  # (built: the fixture says so)

    assert _domwalk.collapse_spaces(value) == " ".join(value.split())
    assert _domwalk.invisible_held(value) == any(c in value for c in "\u00ad\u200b\u2060")


def test_spaced_blocks_walk_alike(walk: CompiledWalk) -> None:
    # Blocks beyond ASCII whose spaces the walk collapses: no-break, ideographic and line
    # separators, runs, spaces at the ends, invisible characters between them.
    page = (
        "<html><body><p>\u00a0Jembatan\u00a0\u00a0baru\u3000dibuka\u2028di kota\u00a0</p>"
        "<p>caf\u00e9 \u200b  au\u00adlait\u2060 \u3000</p><div>\u4e2d\u3000\u6587 <b>\U0001f309</b>\u205f!</div>"
        "<p>\u00e9</p><p>\u3000\u00a0</p><p>na\u00efve\x85text</p></body></html>"
    )
    blocks = _assert_same(walk, page)
    assert [b.text for b in blocks][:3] == [
        "Jembatan baru dibuka di kota",
        "caf\u00e9 aulait",
        "\u4e2d \u6587 \U0001f309 !",
    ]


_STYLE_TEXT = st.lists(
    st.sampled_from(
        ["display", "DISPLAY", "Visibility", ":", " ", "\t", "\n", ";", "none", "NoNe", "hidden", "HIDDEN",
         "x", "-", "!important", "\u0131", "\u0130", "\u017f", "\u212a", "\u00a0", "\u2003", "\u00e9"]
    ),
    max_size=8,
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(style=_STYLE_TEXT | st.text(max_size=20))
def test_styles_passed_over_in_c_do_not_hide(walk: CompiledWalk, style: str) -> None:
    from warta.segment import _domwalk

    assert _domwalk.style_prechecked(style) == html._style_hides(style)


_HREF = st.lists(
    st.sampled_from(
        ["http://", "https://", "HTTP://", "ftp://", "/", "//", ".", "..", "a", "b.example", "?", "#", "q=1",
         ";", "[", "]", ":", "@", "%20", " ", "\t", "\x0b", "\x1c", "\x7f", "\u00e9", "\u00a0", "javascript:",
         "mailto:x", "data:"]
    ),
    max_size=8,
).map("".join)  # fmt: skip
_BASES = st.sampled_from(
    ["https://s.example/a/b.html", "http://s.example", "", None, "ftp://s.example/x/", "x"]
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(href=_HREF | st.none(), base=_BASES)
def test_links_resolved_in_c(walk: CompiledWalk, href: str | None, base: str | None) -> None:
    from warta.segment import _domwalk

    assert _domwalk.link_address(href, base, _origin(base)) == _absolute(href, base, _origin(base))


def test_deadline_is_checked_while_walking(walk: CompiledWalk) -> None:
    tree = LexborHTMLParser("<html><body>" + "<div>x</div>" * 5_000 + "</body></html>")
    root = tree.body
    assert root is not None
    with pytest.raises(ExtractionTimeout):
        walk(root.mem_id, document_id(tree), None, Deadline(1e-9))


def test_benchmark_pages(walk: CompiledWalk, shared: Path) -> None:
    directory = shared / "bench" / "scrapinghub" / "html"
    paths = sorted(directory.glob("*.html.gz"))[::3]
    assert paths
    for path in paths:
        _assert_same(walk, gzip.decompress(path.read_bytes()))


def test_compiled_blocks_are_made_as_python_makes_them(walk: CompiledWalk) -> None:
    """The walk allocates its blocks directly (`warta._slots.allocate`): they must be the objects
    `Block(...)` makes, tracked by the collector, every slot set, usable by `replace`."""
    import gc
    from dataclasses import fields, replace

    python, compiled = _both(walk, "<body><p class='isi'>Satu dua tiga.</p><a href='/b'>Dua</a></body>")
    assert compiled == python and len(compiled) == 2
    for block in compiled:
        assert type(block) is Block and gc.is_tracked(block) and gc.is_tracked(block.structure)
        assert all(hasattr(block.structure, field.name) for field in fields(block.structure))
        assert replace(block, text="lain").structure is block.structure


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(sorted(html._NAMED_TAG_FLAGS)), st.text(max_size=12)))
def test_tag_flags_are_looked_up_as_the_rule_gives_them(name: str) -> None:
    """Both walks read a tag's flags from `_NAMED_TAG_FLAGS` (else its prefix): the rule's."""
    for tag in (name, name.upper(), f"-{name}", f"_{name}", f"!{name}", f"x-{name}", None):
        assert html._flags_of_tag(tag) == html._tag_flags(tag)


def test_custom_and_named_tags_walk_alike(walk: CompiledWalk) -> None:
    page = (
        "<body><main><x-kartu><h2>Judul</h2><p>Isi <a href='/a'>tautan</a></p></x-kartu>"
        "<amp-ad>Iklan</amp-ad><my-widget hidden>Tersembunyi</my-widget><blockquote>Kutipan</blockquote>"
        "<menu><li>Satu</li></menu><figure><figcaption>Foto</figcaption></figure><table><tr><td>Sel"
        "</td></tr></table><svg><text>Gambar</text></svg><br><hr><aside>Samping</aside></main></body>"
    )
    assert [block.text for block in _assert_same(walk, page)][:3] == ["Judul", "Isi tautan", "Kutipan"]
