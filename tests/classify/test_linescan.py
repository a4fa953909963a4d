"""The compiled line scan and stopword counts give exactly the arrays and feature matrices
of the numpy and Python ones.

`warta.classify.features._scan_lines` and `_stop_counts` are the references;
`warta.classify._linescan` must give the same counts, edges and edge classes, the
same stopword and token counts, byte for byte, and so the same feature matrices: on edge cases, every code point, generated lines (astral code
points, combining marks, empty lines) and, where ../shared is present, on the
benchmark pages, HTML and flattened.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from warta.classify import features, html_features
from warta.classify.features import (
    _line_scan,
    _LineScan,
    _scan_lines,
    _stop_counts,
    _word_counter,
    block_features,
)
from warta.lexicon import load_lexicon, normalise_lines
from warta.model import Block, PageKind
from warta.segment.html import segment_html
from warta.segment.text import segment_text

if TYPE_CHECKING:
    from warta.classify._linescan import StopWords


@pytest.fixture(scope="module")
def scan(require_compiled: Callable[[bool, str], None]) -> _LineScan:
    found = _line_scan()
    require_compiled(found is not _scan_lines, "line scan")
    return found


def _same(a: NDArray[Any], b: NDArray[Any]) -> None:
    assert a.dtype == b.dtype
    assert a.shape == b.shape
    assert a.tobytes() == b.tobytes()


def _assert_same(scan: _LineScan, texts: list[str]) -> None:
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(len(texts), dtype=np.int64)
    (lengths[:-1] + 1).cumsum(out=starts[1:])
    joined = "\n".join(texts)
    for found, expected in zip(
        scan(joined, starts, lengths), _scan_lines(joined, starts, lengths), strict=True
    ):
        _same(found, expected)


CASES = {
    "ascii": ["Hello, world. A | B / C", "x", "", "The end..."],
    "empty lines": ["", "", ""],
    "one empty line": [""],
    "latin1": ["naïve café", "ÀÉÎ õ ß", " / ", "a / b"],
    "bmp": ["Мост открыт… «Да»", "新しい橋 • 開通", "“quoted” „low“"],
    "astral": ["🌉", "𝐀𝐁𝐂 words", "x 🌉 / 🌉", "𝟙𝟚 digits?"],
    "combining": ["e\u0301te\u0301", "\u0301", "a\u0308\u0308"],
    "separators at the edges": ["/ a", "a /", " / ", "• x •", "|", " • "],
    "words": ["_under_score", "x_1 y2 Z3", "ABC def Ghi", "  spaced  out  "],
    "newlines inside": ["a\nb", "\n", "x / \n / y"],
    # `features._URLISH` matches and near misses, at the lines' edges, in every width.
    "urls": ["http://a", "https://", "xhttps://b", "ttps://", "http:/", "://", "www.", "ww.", "www", ".www."],
    "domains": [".com", "a.com.", ".comx", ".com_", ".id", "x.id9", ".i", "d.", ".co", "m"],
    "handles": ["@", "#", "@_", "#1", "@ x", "a@", "@\n#x", "#-", "@.com"],
    "urls of other widths": ["é http://", "@é", "#Да", ".idДа", ".com—", "@🌉", "#𝐀", ".com𝟙", ".id🌉"],
    "urls and case folding": ["@ſ", "#\u212a", ".comİ", ".idı", "WWW.", "HTTP://", ".COM", "@İ"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cases(scan: _LineScan, name: str) -> None:
    _assert_same(scan, CASES[name])


def test_every_bmp_code_point(scan: _LineScan) -> None:
    # Lone surrogates never reach the features: the pipeline replaces them (`repair_surrogates`).
    codes = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]
    _assert_same(scan, codes)  # each alone: its own first and last
    _assert_same(scan, ["".join(codes[i : i + 257]) for i in range(0, len(codes), 257)])


def test_every_astral_code_point(scan: _LineScan) -> None:
    _assert_same(scan, [chr(code) for code in range(0x10000, 0x110000)])


def test_long_page(scan: _LineScan) -> None:
    _assert_same(scan, ["Words, words / and more • words. " * 50, "🌉" * 1000, "é" * 3000] * 20)


def test_lines_longer_than_a_counting_run(scan: _LineScan) -> None:
    # The compiled scan sums some counts in 16-bit lanes over runs of 65535 code points.
    for size in (65534, 65535, 65536, 65537, 3 * 65535 + 2):
        _assert_same(scan, ["A" * size, "x1 _Ж" * (size // 5 + 1), "", "9" * size + " / y"])


_LINES = st.lists(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8", exclude_characters="\n"),
            st.sampled_from(" ./|•,_\u0301\u0308🌉𝐀𝟙“”«»…"),
        ),
        max_size=40,
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(texts=_LINES)
def test_generated_lines(texts: list[str]) -> None:
    scan = _line_scan()
    if scan is _scan_lines:
        pytest.skip("the compiled line scan is not built")
    _assert_same(scan, texts)


def _assert_same_features(
    scan: _LineScan, blocks: list[Block], kind: PageKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = load_lexicon()
    norms = normalise_lines([b.text for b in blocks])
    with monkeypatch.context() as patch:
        patch.setattr(features, "_line_scan", lambda: _scan_lines)
        patch.setattr(features, "_word_counter", lambda stop: None)
        patch.setattr(features, "_word_columns", lambda stop, months: None)
        patch.setattr(features, "_kernels", lambda: None)
        patch.setattr(features, "_needles", lambda *lists: None)
        patch.setattr(features, "_marker_kernels", lambda: None)
        patch.setattr(features, "_text_extra_kernels", lambda: None)
        patch.setattr(html_features, "_html_kernels", lambda: None)
        expected = block_features(blocks, lexicon, kind, norms)
    found = block_features(blocks, lexicon, kind, norms)
    assert found.names == expected.names
    _same(found.values, expected.values)


def test_feature_matrices(scan: _LineScan, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(line for lines in CASES.values() for line in lines)
    _assert_same_features(scan, segment_text(text), "text", monkeypatch)
    html = "<html><body><h1>Judul 🌉</h1><p>Presiden, kata “dia”… a / b</p><ul><li>Menu | Home</li></ul></body></html>"
    _assert_same_features(scan, segment_html(html).blocks, "html", monkeypatch)


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    _line_scan.cache_clear()
    _word_counter.cache_clear()
    try:
        assert _line_scan() is _scan_lines
        assert _word_counter(load_lexicon().stopwords) is None
    finally:
        _line_scan.cache_clear()
        _word_counter.cache_clear()


def test_benchmark_pages(scan: _LineScan, shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = sorted((shared / "bench" / "scrapinghub" / "html").glob("*.html.gz"))[::8]
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::8]
    assert html and flat
    for path in html:
        blocks = segment_html(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")).blocks
        _assert_same(scan, [b.text for b in blocks])
        _assert_same_features(scan, blocks, "html", monkeypatch)
    for path in flat:
        blocks = segment_text(path.read_text(encoding="utf-8", errors="replace"))
        _assert_same(scan, [b.text for b in blocks])
        _assert_same_features(scan, blocks, "text", monkeypatch)


@pytest.fixture(scope="module")
def counter(require_compiled: Callable[[bool, str], None]) -> StopWords:
    found = _word_counter(load_lexicon().stopwords)
    require_compiled(found is not None, "stopword counts")
    assert found is not None
    return found


def _assert_same_counts(counter: StopWords, lines: list[str], stop: frozenset[str]) -> None:
    compiled = type(counter)(stop)
    for words in (False, True):
        found, expected = compiled.count(lines, words), _stop_counts(lines, stop, words)
        _same(found[0], expected[0])
        _same(found[1], expected[1])


def test_stopwords_of_the_lexicon(counter: StopWords) -> None:
    stop = load_lexicon().stopwords
    lines = [" ".join(sorted(stop)), "Yang di-bawah, yang di  atas: the_end THE the", "", "   ", "x"]
    for words in (False, True):
        found, expected = counter.count(lines, words), _stop_counts(lines, stop, words)
        _same(found[0], expected[0])
        _same(found[1], expected[1])


def test_stopwords_every_code_point(counter: StopWords) -> None:
    # Each code point between two letters, then alone: it splits the tokens or joins them.
    chars = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    stop = frozenset({"a", "b", "ab", "a_b", "a1b", "aéb", "a🌉b", "a\u0301b", "🌉", "\u0301"})
    _assert_same_counts(counter, [f"a{ch}b {ch}" for ch in chars], stop)


_WORDS = st.text(alphabet=st.sampled_from("ab _é🌉\u0301\x1c\xa0.-"), max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.text(alphabet=st.sampled_from("ab _é🌉\u0301\x1c\xa0.-,1"), max_size=30), max_size=8),
    stop=st.frozensets(_WORDS, max_size=8),
)
def test_generated_stopwords(counter: StopWords, lines: list[str], stop: frozenset[str]) -> None:
    _assert_same_counts(counter, lines, stop)
    # The lines' own tokens as the stopwords: every lookup can hit.
    _assert_same_counts(counter, lines, frozenset(" ".join(lines).split()) | stop)


_PAGE_WORDS = st.sampled_from(
    ["Presiden", "presiden", "Jokowi", "di", "yang", "Jakarta", "Januari", "Mei", "12/5", "10.30", "🌉", "é",
     "x_1", "-", "|", "baca", "juga:", "(foto)", "the", "a", "", "Senin,", "2026"]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.lists(_PAGE_WORDS, max_size=40).map(" ".join), min_size=1, max_size=12))
def test_generated_pages(scan: _LineScan, counter: StopWords, lines: list[str]) -> None:
    # Titles shared by other lines, month names and dates, short and long lines, repeats.
    blocks = segment_text("\n".join(lines))
    if blocks:
        with pytest.MonkeyPatch.context() as monkeypatch:
            _assert_same_features(scan, blocks, "text", monkeypatch)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.text(alphabet=st.sampled_from("htpsw.:/@#comid_ xé—Да🌉𝐀\n"), max_size=24), max_size=8)
)
def test_generated_url_lines(scan: _LineScan, texts: list[str]) -> None:
    # The urls row flags just the lines `features._URLISH` finds a match in.
    _assert_same(scan, texts)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(len(texts), dtype=np.int64)
    (lengths[:-1] + 1).cumsum(out=starts[1:])
    found = scan("\n".join(texts), starts, lengths)[0][features._URLS]
    assert found.tolist() == [float(features._URLISH.search(t) is not None) for t in texts]
