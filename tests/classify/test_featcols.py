"""The compiled feature column groups give exactly the columns and feature matrices of the
numpy ones.

`warta.classify.features._shape_columns` and `_context_columns` are the references;
`warta.classify._featcols` must write the same bits: on edge cases (empty lines, one block,
ellipses, every str width, ties in length), generated pages and, where ../shared is present,
on the benchmark pages, HTML and flattened.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from warta.classify import features, html_features
from warta.classify.features import (
    _SUBSTRING_MAX,
    _WORD,
    FEATURE_NAMES,
    PER_BLOCK,
    STAGE2_NAMES,
    _context_columns,
    _date_columns,
    _distinct_ids_dict,
    _first_ids_dict,
    _kernels,
    _log_tables,
    _marker_kernels,
    _markers,
    _markers_columns_compiled,
    _markers_columns_numpy,
    _needles,
    _probe_page,
    _scan_lines,
    _shape_columns,
    _stage2_columns,
    _stop_ratio_lists,
    _substrings_joined,
    _token_bits,
    _tuple_bits_sets,
    _word_columns,
    block_features,
    distinct_ids,
    stage2_features,
)
from warta.lexicon import load_lexicon, normalise_lines
from warta.model import Block, BlockStructure, PageKind
from warta.segment.html import segment_html
from warta.segment.text import segment_text


@pytest.fixture(scope="module")
def kernels(require_compiled: Callable[[bool, str], None]) -> ModuleType:
    found = _kernels()
    require_compiled(found is not None, "feature columns")
    assert found is not None
    return found


def _same(a: NDArray[Any], b: NDArray[Any]) -> None:
    assert a.dtype == b.dtype
    assert a.shape == b.shape
    assert a.tobytes() == b.tobytes()


def _assert_same_shape(kernels: ModuleType, texts: list[str], times: list[int] | None = None) -> None:
    n = len(texts)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(n, dtype=np.int64)
    (lengths[:-1] + 1).cumsum(out=starts[1:])
    joined = "\n".join(texts)
    counts, edges, classes = _scan_lines(joined, starts, lengths)
    norm_ids = distinct_ids(normalise_lines(texts))[0]
    held = np.array(times or [1] * n, dtype=np.int64)
    found, expected = (np.zeros((n, len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
    log1p, log, _ = _log_tables(max(int(lengths.max(initial=0)), int(held.sum())) + 1)
    first, last, last_classes = classes[:n], edges[n:], classes[n:]
    kernels.shape_columns(
        joined, starts, lengths, counts, first, last, last_classes, norm_ids, held, log1p, log, found
    )
    _shape_columns(texts, lengths, counts, first, last, last_classes, norm_ids, held, expected)
    _same(found, expected)


SHAPES = {
    "ascii": ["Hello, world. A | B / C", "x", "", "The end..."],
    "empty lines": ["", "", ""],
    "one empty line": [""],
    "ellipses": ["...", "..", "a...", "…", "a . . .", "....", "Мост...", "🌉..."],
    "repeats": ["Home", "home", "HOME", "Home", "Kelvin \u212a", "kelvin k", "İstanbul", "i̇stanbul"],
    "wide": ["Мост открыт… «Да»", "新しい橋 • 開通", "🌉", "𝐀𝐁𝐂 words", "x 🌉 / 🌉"],
    "long line": ["Words, words / and more • words. " * 300],
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_cases(kernels: ModuleType, name: str) -> None:
    texts = SHAPES[name]
    _assert_same_shape(kernels, texts)
    _assert_same_shape(kernels, texts, [k % 4 + 1 for k in range(len(texts))])
    _assert_same_shape(kernels, texts, [5000] * len(texts))  # more blocks than the smallest log table


def test_shape_rejects_bad_arrays(kernels: ModuleType) -> None:
    texts = ["abc", "de"]
    lengths = np.array([3, 2], dtype=np.int64)
    starts = np.array([0, 4], dtype=np.int64)
    counts, edges, classes = _scan_lines("abc\nde", starts, lengths)
    log1p, log, _ = _log_tables(8)
    out = np.zeros((2, len(PER_BLOCK)), dtype=np.float32)
    ids, held = np.array([0, 1], dtype=np.int64), np.ones(2, dtype=np.int64)
    args = [
        "abc\nde",
        starts,
        lengths,
        counts,
        classes[:2],
        edges[2:],
        classes[2:],
        ids,
        held,
        log1p,
        log,
        out,
    ]
    kernels.shape_columns(*args)
    with pytest.raises(ValueError):
        kernels.shape_columns("abc", *args[1:])  # the second line lies outside the text
    with pytest.raises(ValueError):
        kernels.shape_columns(*args[:7], np.array([0, 2], dtype=np.int64), *args[8:])  # id out of range
    assert texts


def test_many_repeated_blocks(kernels: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same_features(segment_text("Judul\n\n" + "Home\n\n" * 5000 + "Akhir."), "text", monkeypatch)


def _base(rng: np.random.Generator, n: int) -> NDArray[np.float32]:
    base = (rng.random((n, len(PER_BLOCK))) < 0.2).astype(np.float32)
    base[:, 0] = np.log1p(rng.integers(0, 6, n) * 37).astype(np.float32)  # log_chars, with ties
    base[:, 1] = np.log1p(rng.integers(0, 40, n)).astype(np.float32)
    base[:, PER_BLOCK.index("title_overlap")] = rng.choice(
        np.array([0.0, 0.6, 0.61, 1.0], dtype=np.float32), n
    )
    return base


def _assert_same_context(kernels: ModuleType, base: NDArray[np.float32]) -> None:
    n = len(base)
    chars = np.expm1(base[:, 0])
    total = float(chars.sum()) or 1.0
    width = len(FEATURE_NAMES) - len(PER_BLOCK)
    found, expected = (np.zeros((n, width), dtype=np.float32) for _ in range(2))
    log1p, _, log1p32 = _log_tables(n + 1)
    kernels.context_columns(
        base, chars, total, np.float32(math.log1p(n)), features._WINDOW_COLUMNS,
        features._WINDOW_RADII_ARRAY, features._SINCE_COLUMNS, features._TITLE_PREFIX,
        features._TITLE_OVERLAP, features._NEIGHBOUR_COLUMNS, features._NEIGHBOUR_OFFSETS,
        log1p, log1p32, found,
    )  # fmt: skip
    _context_columns(base, chars, total, expected)
    _same(found, expected)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 26, 51, 300, 5000])
def test_context_sizes(kernels: ModuleType, n: int) -> None:
    _assert_same_context(kernels, _base(np.random.default_rng(n), n))


def test_context_all_empty(kernels: ModuleType) -> None:
    _assert_same_context(kernels, np.zeros((9, len(PER_BLOCK)), dtype=np.float32))


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 120))
def test_generated_context(seed: int, n: int) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    _assert_same_context(found, _base(np.random.default_rng(seed), n))


# ---- The stage-2 columns: `_featcols.stage2_columns` against `features._stage2_columns` ----


def _assert_same_stage2(kernels: ModuleType, first: NDArray[np.float64], probs: NDArray[np.float32]) -> None:
    n = len(probs)
    found = np.full((n, first.shape[1] + len(STAGE2_NAMES)), 7.0)
    kernels.stage2_columns(first, probs, features._STAGE2_RADII_ARRAY, found)
    expected = _stage2_columns(first, probs, np.empty_like(found))
    _same(found, expected)
    _same(stage2_features(first, probs), expected)  # (the compiled loop, where it is used)


def _probs(rng: np.random.Generator, n: int) -> NDArray[np.float32]:
    probs = rng.random(n).astype(np.float32)
    probs[rng.random(n) < 0.3] = 0.0  # runs of boilerplate, and ties
    probs[rng.random(n) < 0.1] = 1.0
    return probs


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 13, 25, 26, 300, 5000])
def test_stage2_sizes(kernels: ModuleType, n: int) -> None:
    rng = np.random.default_rng(n)
    _assert_same_stage2(kernels, rng.normal(0.0, 3.0, (n, 11)), _probs(rng, n))


STAGE2_CASES = {
    "all zero": [0.0] * 9,
    "signed zeros": [0.0, -0.0, 0.0, -0.0, -0.0, 0.5, -0.0, 0.0],
    "tiny mass": [1e-9, 0.0, 2e-7, 1e-38, 0.0],  # the mass_before floor of 1e-6 applies
    "nan": [0.2, float("nan"), 0.9, 0.1, 0.0, 1.0],
    "ones": [1.0] * 30,
    "mixed": [0.999, 0.001, 0.5, 0.5, 0.25, 0.75, 1.0, 0.0, 0.333, 0.667, 0.1, 0.9, 0.45],
}


@pytest.mark.parametrize("name", sorted(STAGE2_CASES))
def test_stage2_cases(kernels: ModuleType, name: str) -> None:
    probs = np.array(STAGE2_CASES[name], dtype=np.float32)
    first = np.arange(len(probs) * 3, dtype=np.float64).reshape(len(probs), 3) / 7
    _assert_same_stage2(kernels, first, probs)


def test_stage2_rejects_bad_arrays(kernels: ModuleType) -> None:
    first, probs = np.zeros((4, 3)), np.zeros(4, dtype=np.float32)
    radii = features._STAGE2_RADII_ARRAY
    with pytest.raises(ValueError):
        kernels.stage2_columns(first, probs[:3], radii, np.zeros((4, 3 + len(STAGE2_NAMES))))
    with pytest.raises(ValueError):
        kernels.stage2_columns(first, probs, radii, np.zeros((4, 3)))
    with pytest.raises(ValueError):
        kernels.stage2_columns(first, probs, radii[:3], np.zeros((4, 3 + len(STAGE2_NAMES))))
    with pytest.raises(ValueError):
        kernels.stage2_columns(first, probs, -radii, np.zeros((4, 3 + len(STAGE2_NAMES))))


def test_stage2_of_float32_rows(kernels: ModuleType) -> None:
    # Float32 rows (the training's) and strided ones keep the numpy code's matrix.
    rng = np.random.default_rng(1)
    first, probs = rng.normal(0.0, 1.0, (20, 6)), _probs(rng, 20)
    narrow = first.astype(np.float32)
    _same(
        stage2_features(narrow, probs),
        _stage2_columns(narrow, probs, np.empty((20, 6 + len(STAGE2_NAMES)), dtype=np.float32)),
    )
    _same(
        stage2_features(np.asfortranarray(first), probs[::-1]),
        _stage2_columns(first, probs[::-1].copy(), np.empty((20, 6 + len(STAGE2_NAMES)))),
    )


@pytest.mark.parametrize("shape", [(0, 5), (1, 1), (3, 0), (7, 13), (181, 167)])
def test_widened_rows(kernels: ModuleType, shape: tuple[int, int]) -> None:
    rows = np.random.default_rng(shape[0]).normal(0.0, 1e3, shape).astype(np.float32)
    if rows.size >= 6:
        rows.flat[:6] = (np.nan, -0.0, np.inf, -np.inf, 1e-45, np.float32(3.4e38))
    _same(kernels.widened(rows), rows.astype(np.float64))
    _same(features.widened(rows), rows.astype(np.float64))
    # Strided and float64 rows take numpy's cast.
    _same(features.widened(rows[::2]), rows[::2].astype(np.float64))
    _same(features.widened(rows.astype(np.float64)), rows.astype(np.float64))


@settings(max_examples=200, deadline=None)
@given(
    probs=st.lists(st.floats(0.0, 1.0, width=32), min_size=1, max_size=60),
    seed=st.integers(0, 2**32 - 1),
)
def test_generated_stage2(probs: list[float], seed: int) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    rows = np.random.default_rng(seed).normal(0.0, 2.0, (len(probs), 4))
    _assert_same_stage2(found, rows, np.array(probs, dtype=np.float32))


_LINES = st.lists(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8", exclude_characters="\n"), st.sampled_from(" .|•,…🌉𝐀İ\u212a")
        ),
        max_size=30,
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(texts=_LINES)
def test_generated_shapes(texts: list[str]) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    _assert_same_shape(found, texts)


def _assert_same_features(blocks: list[Block], kind: PageKind, monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = load_lexicon()
    norms = normalise_lines([b.text for b in blocks])
    with monkeypatch.context() as patch:
        patch.setattr(features, "_kernels", lambda: None)
        patch.setattr(features, "_needles", lambda *lists: None)
        patch.setattr(features, "_marker_kernels", lambda: None)
        patch.setattr(features, "_text_extra_kernels", lambda: None)
        patch.setattr(html_features, "_html_kernels", lambda: None)
        patch.setattr(features, "_word_columns", lambda stop, months: None)
        patch.setattr(features, "_word_counter", lambda stop: None)
        expected = block_features(blocks, lexicon, kind, norms)
    found = block_features(blocks, lexicon, kind, norms)
    assert found.names == expected.names
    _same(found.values, expected.values)


def test_feature_matrices(kernels: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(line for lines in SHAPES.values() for line in lines)
    _assert_same_features(segment_text(text), "text", monkeypatch)
    html = "<html><body><h1>Judul 🌉</h1><p>Presiden, kata “dia”… a / b</p><ul><li>Menu | Home</li></ul></body></html>"
    _assert_same_features(segment_html(html).blocks, "html", monkeypatch)


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    cached = (
        _kernels,
        _marker_kernels,
        features._text_extra_kernels,
        _needles,
        _word_columns,
        features._word_counter,
        html_features._html_kernels,
    )
    for function in cached:
        function.cache_clear()
    try:
        lexicon = load_lexicon()
        markers = _markers(lexicon)
        assert _kernels() is None
        assert _marker_kernels() is None
        assert features._text_extra_kernels() is None
        assert html_features._html_kernels() is None
        assert _needles(markers.footer, markers.comment_form, markers.caption) is None
        assert _word_columns(lexicon.stopwords, markers.months) is None
    finally:
        for function in cached:
            function.cache_clear()


def test_benchmark_pages(kernels: ModuleType, shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = sorted((shared / "bench" / "scrapinghub" / "html").glob("*.html.gz"))[::6]
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::6]
    assert html and flat
    for path in html:
        blocks = segment_html(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")).blocks
        _assert_same_features(blocks, "html", monkeypatch)
    for path in flat:
        _assert_same_features(
            segment_text(path.read_text(encoding="utf-8", errors="replace")), "text", monkeypatch
        )


# ---- The word-list columns: `_linescan.StopWords.word_columns` against `_stop_ratio_lists` ----


@pytest.fixture(scope="module")
def word_columns(require_compiled: Callable[[bool, str], None]) -> Any:
    lexicon = load_lexicon()
    found = _word_columns(lexicon.stopwords, _markers(lexicon).months)
    require_compiled(found is not None, "word columns")
    assert found is not None
    return found[0]


def _assert_same_words(counter: Any, texts: list[str], modes: list[int] | None = None) -> None:
    lexicon = load_lexicon()
    months = _markers(lexicon).months
    stop = lexicon.stopwords | {"di", "Мост", "🌉", "x_1", "naïve"}
    norms = normalise_lines(texts)
    n = len(texts)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    n_words = np.array([len(_WORD.findall(t)) for t in texts], dtype=np.float64)
    if modes is not None:
        n_words += np.array(modes, dtype=np.float64)
    digits = np.array([sum(map(str.isdigit, t)) for t in texts], dtype=np.float64)
    found, expected = (np.zeros((n, len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
    months_counter = features._word_counter(months)
    rows = type(counter)(stop).word_columns(months_counter, norms, texts, n_words, digits, lengths, found)
    if len(rows):
        _date_columns(found, rows, [texts[i] for i in rows.tolist()])
    _stop_ratio_lists(expected, norms, texts, lengths, n_words, digits, stop, months, counted=False)
    _same(found, expected)


WORDS = {
    "title words": ["Presiden di Jakarta", "presiden ke jakarta", "Di di DI", "Jakarta, presiden!"],
    "prefix": ["Presiden meresmikan jembatan baru", "Presiden meresmikan", "presiden meresmikan jembatan"],
    "dates": ["Senin, 12 Mei 2026 10:30 WIB", "12/5", "Mei", "1.5.2026", "x 10.30 y", "1-2", "1:", ":2"],
    "wide dates": ["１２/5", "²/3 4", "٣:٤٥", "𝟙𝟚/05/2026", "12 / 5", "12/𝟓", "12.5"],
    "empty title": ["", "di sini", "Mei 2026"],
    "no title words": ["...", "di sini", "Мост открыт"],
    "wide": ["🌉 x_1 Мост 𝐀𝐁", "x_1 🌉🌉 мост", "𝐀𝐁 naïve NAÏVE", "İstanbul \u212a k"],
    "one line": ["Judul saja di sini"],
    "long title": [" ".join(f"w{k}" for k in range(400)), "w1 w2 w3", "w399 w5 w5 w5"],
}


@pytest.mark.parametrize("name", sorted(WORDS))
def test_word_cases(word_columns: Any, name: str) -> None:
    texts = WORDS[name]
    _assert_same_words(word_columns, texts)
    _assert_same_words(word_columns, texts, [13 * (k % 2) for k in range(len(texts))])
    _assert_same_words(word_columns, texts, [31 * (k % 3 == 1) for k in range(len(texts))])


_MODES = st.lists(st.sampled_from([0, 0, 13, 31]), min_size=12, max_size=12)


@settings(max_examples=200, deadline=None)
@given(texts=_LINES, modes=_MODES)
def test_generated_words(texts: list[str], modes: list[int]) -> None:
    lexicon = load_lexicon()
    found = _word_columns(lexicon.stopwords, _markers(lexicon).months)
    if found is None:
        pytest.skip("the compiled word columns are not built")
    _assert_same_words(found[0], texts, modes[: len(texts)])


# ---- The substring search: `_featcols.Needles` against `JoinedLines` ----


@pytest.fixture(scope="module")
def needles(require_compiled: Callable[[bool, str], None]) -> Any:
    markers = _markers(load_lexicon())
    found = _needles(markers.footer, markers.comment_form, markers.caption)
    require_compiled(found is not None, "substring search")
    return found


def _assert_same_needles(kernels: ModuleType, lists: tuple[tuple[str, ...], ...], lines: list[str]) -> None:
    compiled = kernels.Needles(lists)
    lengths = np.array([len(line) for line in lines], dtype=np.int64)
    for count in range(len(lists) + 1):
        for longest in (_SUBSTRING_MAX, 5, 0):
            found = compiled.containing(lines, lengths, longest, count)
            expected = _substrings_joined(lines, lengths, lists[:count], longest)
            _same(found, expected[: len(lists)])


def test_needles_of_the_lexicon(needles: Any, kernels: ModuleType) -> None:
    markers = _markers(load_lexicon())
    lists = (markers.footer, markers.comment_form, markers.caption)
    lines = ["", "x", "©", "© 2026 kompas", "hak  cipta", "hak cipta dilindungi", "foto: antara"]
    lines += [f"{needle} {other}" for needle in lists[0] for other in lists[2][:3]]
    _assert_same_needles(kernels, lists, lines)
    assert needles.n_lists == 3


NEEDLE_LISTS = (("ab", "abc", "©"), ("bca", "🌉x", "мост"), ("a", "zzzz"))


@pytest.mark.parametrize(
    "lines",
    [
        ["", "a", "ab", "abc", "xabcx", "bc", "b©", "🌉", "🌉x", "МОСТ", "мост", "zzz", "zzzz"],
        ["ab" * 50, "🌉x" * 20, "z" * 7],
    ],
)
def test_needle_cases(kernels: ModuleType, lines: list[str]) -> None:
    _assert_same_needles(kernels, NEEDLE_LISTS, lines)


def test_needles_past_the_prefilter(kernels: ModuleType) -> None:
    # The prefilter keys code points by their low bits: lines of code points that share them with
    # the needles' first ones ("a" 0x61, "š" 0x161, "ᅡ" 0x1161, "🍡" 0x1F361) go on to the exact test.
    lists = (("ab", "šb", "\u1161"), ("abc", "šbc", "🍡bc", "\u1161\u1162x"), ("š",))
    lines = ["a", "ab", "šb", "abc", "šbc", "xšbcx", "🍡b", "🍡bc", "\u1161", "\u1161\u1162", "\u1161\u1162x"]
    lines += ["\u0121b", "\u0221bc", "\u1121", "\u2161\u1162x", "a\u0162c", "\u0161\u0162c"]
    _assert_same_needles(kernels, lists, lines)


def test_needles_refused(kernels: ModuleType) -> None:
    with pytest.raises(ValueError):
        kernels.Needles((("a", ""),))
    with pytest.raises(ValueError):
        kernels.Needles((("a\nb",),))


@settings(max_examples=200, deadline=None)
@given(
    texts=_LINES,
    lists=st.lists(
        st.lists(st.text(alphabet="ab🌉©é", min_size=1, max_size=5), max_size=6).map(tuple),
        min_size=1,
        max_size=3,
    ),
)
def test_generated_needles(texts: list[str], lists: list[tuple[str, ...]]) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    _assert_same_needles(found, tuple(lists), [t.replace("x", "ab") for t in texts])


# ---- The marker columns: `_featcols.marker_columns` against `_markers_columns_numpy` ----


@pytest.fixture(scope="module")
def marker_kernels(require_compiled: Callable[[bool, str], None]) -> ModuleType:
    found = _marker_kernels()
    require_compiled(found is not None, "marker columns")
    assert found is not None
    return found


def _marker_lines() -> list[str]:
    lexicon = load_lexicon()
    lines = [*features._PROBE]
    for name in features._SET_BITS:
        lines += sorted(getattr(lexicon, name))[::7]
    for prefixes in (
        lexicon.read_also_prefix,
        lexicon.promo_prefix,
        lexicon.tags_prefix,
        lexicon.author_prefix,
    ):
        lines += [f"{prefix} Budi" for prefix in prefixes[::5]]
    lines += [f"Budi{suffix}" for suffix in lexicon.comment_attribution] + [*lexicon.comment_form[::9]]
    lines += [f"{k} {word}" for k, word in enumerate(sorted(lexicon.comment_count_words))]
    return [*lines, *lexicon.footer_contains, "12", "12 ", "x" * 299, "x" * 300]


def _assert_same_markers(kernels: ModuleType, texts: list[str]) -> None:
    lexicon = load_lexicon()
    page = _probe_page(texts, lexicon)
    found, expected = (np.zeros((len(texts), len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
    _markers_columns_compiled(kernels, found, page, lexicon)
    _markers_columns_numpy(expected, page, lexicon)
    _same(found, expected)


def test_marker_lines(marker_kernels: ModuleType) -> None:
    lines = _marker_lines()
    _assert_same_markers(marker_kernels, lines)
    _assert_same_markers(marker_kernels, [line.upper() + " " + "y" * 150 for line in lines])
    _assert_same_markers(marker_kernels, [line + "🌉" for line in lines])


def test_prefixed_lines_found_by_the_trie(
    marker_kernels: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `marker_columns` asks whether a line opens with any marker prefix of the trie's answers for
    # the page (`_opening_lines`), which must be the regex's `any_prefix` line by line; and the
    # columns are the same where no trie is built (the regex asked line by line).
    lexicon = load_lexicon()
    prefixes = [prefix for name in features._ANY_PREFIX_FIELDS for prefix in getattr(lexicon, name)]
    lines = normalise_lines(
        [
            *(f"{p} Budi" for p in prefixes),
            *prefixes,
            *(p[:-1] for p in prefixes),
            *(f"x{p}" for p in prefixes),
        ]
    )
    trie = lexicon.starts_with_trie(*features._ANY_PREFIX_FIELDS)
    assert trie is not None
    opened = features._opening_lines(lines, trie)
    any_prefix = _markers(lexicon).any_prefix
    assert [opened(line) is not None for line in lines] == [
        any_prefix.match(line) is not None for line in lines
    ]
    assert any(opened(line) for line in lines)
    _assert_same_markers(marker_kernels, lines)
    monkeypatch.setattr(type(lexicon), "starts_with_trie", lambda self, *names: None)
    _assert_same_markers(marker_kernels, lines)


@settings(max_examples=100, deadline=None)
@given(picked=st.lists(st.integers(0, 10_000), min_size=1, max_size=20), texts=_LINES)
def test_generated_markers(picked: list[int], texts: list[str]) -> None:
    found = _marker_kernels()
    if found is None:
        pytest.skip("the compiled marker columns are not built")
    lines = _marker_lines()
    mixed = [lines[k % len(lines)] + (texts[k % len(texts)] if k % 3 else "") for k in picked]
    _assert_same_markers(found, mixed + texts)


# ---- Dense ids and class/id token bits: `_featcols.first_ids`, `tuple_bits` ----


@pytest.mark.parametrize(
    "keys",
    [
        [],
        ["a"],
        ["a", "b", "a", "", "", "🌉", "b"],
        [("x", "y"), (), ("x", "y"), ("y", "x"), ()],
        [1, 1.0, True, 2, "1", (1,), 0, False],
        [float("nan")] * 3,  # NaN is not equal to itself, but a dict finds the same object
    ],
)
def test_first_ids(kernels: ModuleType, keys: list[Any]) -> None:
    found, expected = kernels.first_ids(keys), _first_ids_dict(keys)
    _same(found[0], expected[0])
    assert found[1] == expected[1] or keys[0] != keys[0]
    _same(found[2], expected[2])
    _same(found[0], _distinct_ids_dict(keys)[0])


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(
        st.one_of(st.integers(-3, 3), st.text(max_size=2), st.tuples(st.integers(0, 2))), max_size=40
    )
)
def test_generated_first_ids(keys: list[Any]) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    ids, distinct, firsts = found.first_ids(keys)
    expected = _first_ids_dict(keys)
    _same(ids, expected[0])
    assert distinct == expected[1]
    _same(firsts, expected[2])


def test_tuple_bits(kernels: ModuleType) -> None:
    words = [
        *features._BOILER_CLASS,
        *features._CONTENT_CLASS,
        *(w for g in features._CLASS_GROUPS for w in g),
    ]
    tags = list(features.SEMANTIC_TAGS)
    tuples = [(), tuple(words), tuple(tags), (f"x{words[0]}y", "z"), tuple(words[::3] + tags[::2]), ("none",)]
    tuples += [(w.upper(), f"{w}-{t}") for w, t in zip(words, tags * 10, strict=False)]
    assert kernels.tuple_bits(tuples, _token_bits) == _tuple_bits_sets(tuples)
    with pytest.raises(TypeError):
        kernels.tuple_bits([["not", "a", "tuple"]], _token_bits)


def test_first_ids_of_repeated_objects(kernels: ModuleType) -> None:
    # The same object in a row is given its id without hashing: ids as the dict's all the same.
    shared, equal = ("share", "nav"), tuple(["share", "nav"])
    nan = float("nan")
    keys: list[Any] = [shared, shared, equal, (), shared, equal, equal, nan, nan, float("nan"), "a", "a"]
    found, expected = kernels.first_ids(keys), _first_ids_dict(keys)
    _same(found[0], expected[0])
    assert [id(k) for k in found[1]] == [id(k) for k in expected[1]]
    _same(found[2], expected[2])


def test_tuple_bits_of_equal_token_objects(kernels: ModuleType) -> None:
    # Tokens are looked up by object: equal tokens that are other objects give the same bits.
    words = [*features._BOILER_CLASS[:4], *features._CONTENT_CLASS[:4], *features.SEMANTIC_TAGS[:3], "x"]
    copies = ["".join(list(w)) for w in words]  # equal strs, other objects
    shared = tuple(words)
    tuples = [
        shared,
        tuple(copies),
        shared[::-1],
        tuple(copies[::2] + words[1::2]),
        (),
        ("🌉", "İ", "K", "ſ"),
    ]
    asked: list[str] = []

    def token_bits(token: str) -> int:
        asked.append(token)
        return _token_bits(token)

    assert kernels.tuple_bits(tuples, token_bits) == _tuple_bits_sets(tuples)
    assert len(asked) <= len({id(t) for tokens in tuples for t in tokens})
    many = [tuple(f"{w}-{k}" for k in range(50)) for w in words]
    assert kernels.tuple_bits(many, _token_bits) == _tuple_bits_sets(many)
    with pytest.raises(OverflowError):
        kernels.tuple_bits([("a",)], lambda token: -1)


_TOKEN_POOL = [
    *features._BOILER_CLASS[:6],
    *features._CONTENT_CLASS[:6],
    *features.SEMANTIC_TAGS[:4],
    *(g[0] for g in features._CLASS_GROUPS),
    "",
    "x",
    "İ",
    "\u212a",  # Kelvin sign
    "ſ",
    "🌉",
]


@settings(max_examples=300, deadline=None)
@given(
    picks=st.lists(
        st.tuples(st.integers(0, 12), st.lists(st.integers(0, 2 * len(_TOKEN_POOL) - 1), max_size=8)),
        max_size=30,
    )
)
def test_generated_tuple_bits_of_shared_starts(
    kernels: ModuleType, picks: list[tuple[int, list[int]]]
) -> None:
    # Tuples that start with (part of) the tuple before them, as nested class/id tokens do: the
    # tokens the same objects, or equal copies (the upper half of the indices), and 200-token
    # tuples beside short ones (the token table grows).
    copies = ["".join(list(token)) for token in _TOKEN_POOL]
    pool = _TOKEN_POOL + copies
    tuples: list[tuple[str, ...]] = []
    for keep, more in picks:
        start = tuples[-1][:keep] if tuples else ()
        tuples.append(start + tuple(pool[k] for k in more))
        if len(more) == 8:
            tuples.append(tuples[-1] + tuple(f"t{k}" for k in range(200)))
    assert kernels.tuple_bits(tuples, _token_bits) == _tuple_bits_sets(tuples)


# ---- The HTML-only columns: `_featcols.html_columns` against `html_features._html_columns` ----


@pytest.fixture(scope="module")
def html_kernels(require_compiled: Callable[[bool, str], None]) -> ModuleType:
    found = html_features._html_kernels()
    require_compiled(found is not None, "HTML columns")
    assert found is not None
    return found


def _assert_same_html(seed: int, n: int) -> None:
    page = html_features._generated_page(np.random.default_rng(seed), n)
    found, expected = (np.zeros((n, len(html_features.HTML_EXTRA_NAMES)), dtype=np.float32) for _ in range(2))
    html_features._html_columns_compiled(found, *page)
    html_features._html_columns(expected, *page)
    _same(found, expected)


@pytest.mark.parametrize("n", [1, 2, 3, 40, 700, 5000])
def test_html_columns_sizes(html_kernels: ModuleType, n: int) -> None:
    _assert_same_html(n, n)


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 150))
def test_generated_html_columns(seed: int, n: int) -> None:
    if html_features._html_kernels() is None:
        pytest.skip("the compiled HTML columns are not built")
    _assert_same_html(seed, n)


def test_html_columns_refuse_bad_ids(html_kernels: ModuleType) -> None:
    ids, chars, words, links, levels, total = html_features._generated_page(np.random.default_rng(1), 5)
    out = np.zeros((5, len(html_features.HTML_EXTRA_NAMES)), dtype=np.float32)
    bad = np.array([0, 1, 2, 3, 5], dtype=np.int64)  # a tag path id past the blocks
    with pytest.raises(ValueError):
        html_kernels.html_columns(
            ids.tags, ids.tuples, ids.token_table, ids.hrefs.view(np.uint8), bad, ids.prefixes, chars, words,
            links, levels, total, html_features._log1p_table(5), features._log_tables(6)[0],
            html_features._SEM_BASE, html_features._AGG, out,
        )  # fmt: skip


# ---- The flattened text's extra columns: `_featcols.text_extra_columns` ----


@pytest.fixture(scope="module")
def text_extra_kernels(require_compiled: Callable[[bool, str], None]) -> ModuleType:
    found = features._text_extra_kernels()
    require_compiled(found is not None, "text extra columns")
    assert found is not None
    return found


def _assert_same_text_extra(kernels: ModuleType, texts: list[str]) -> None:
    lexicon = load_lexicon()
    page = _probe_page(texts, lexicon)
    found = features._text_extra_lines_compiled(kernels, page, lexicon)
    _same(found, features._text_extra_lines_numpy(page, lexicon))


EXTRA_LINES = [
    "(Foto: Antara)", "(ANTARA/Budi).", "(Reuters)", "Komentar (12)", "(12)", "()", ")", ".)", ").", "x).",
    "Budi Santoso", "Budi Santoso Wibowo Putra Jaya", "Budi, Santoso", "Budi “Santoso”", "Budi | Santoso",
    "Jakarta, 12/05/2026 10:30 WIB", "12 Mei 2026", "3 jam lalu", "𝟙𝟚/05/2026", "１２ Mei 2026", "Mei",
    "Keterangan:", ":", "(*/S-01)", "(fyk/ash) ", "Ä Öz", "A", "" , "x" * 401 + ")", "Y" * 130 + " 2026",
]  # fmt: skip


def test_text_extra_lines(text_extra_kernels: ModuleType) -> None:
    _assert_same_text_extra(text_extra_kernels, EXTRA_LINES)
    _assert_same_text_extra(text_extra_kernels, [*load_lexicon().caption_prefix, *EXTRA_LINES])
    _assert_same_text_extra(text_extra_kernels, [line + " 🌉" for line in EXTRA_LINES])


@settings(max_examples=150, deadline=None)
@given(texts=_LINES, picked=st.lists(st.integers(0, len(EXTRA_LINES) - 1), max_size=8))
def test_generated_text_extra(texts: list[str], picked: list[int]) -> None:
    found = features._text_extra_kernels()
    if found is None:
        pytest.skip("the compiled text extra columns are not built")
    _assert_same_text_extra(found, texts + [EXTRA_LINES[k] + texts[k % len(texts)] for k in picked])


# ---- The blocks' structures: `_featcols.dom_fields`, `structure_columns` ----


def _structure_blocks(kernels: ModuleType, blocks: list[Block]) -> None:
    found = kernels.dom_fields(blocks, features._STRUCTURE_FIELDS)
    expected = features.DomFields.read(blocks)
    assert found[0] == expected.structures
    assert found[1] == expected.tags
    _same(found[2], expected.numbers)
    assert found[3] == expected.tag_paths
    assert found[4] == expected.class_tokens
    _same(found[5], expected.hrefs)
    layout = kernels.dom_fields(blocks, features._LAYOUT, False)
    assert layout[1] == expected.tags
    _same(layout[2], expected.numbers[:, : len(features._LAYOUT)])
    ids, distinct, _ = _first_ids_dict([b.structure.class_tokens for b in blocks])
    classes = features.ClassTokens(ids, distinct, _tuple_bits_sets(distinct))
    outs = np.zeros((2, len(blocks), len(PER_BLOCK)), dtype=np.float32)
    kernels.structure_columns(
        expected.numbers, expected.tags, ids, np.array(classes.bits, dtype=np.uint64),
        len(features._BOILER_CLASS), len(features._CONTENT_CLASS), features._LAYOUT_FIRST,
        len(features._LAYOUT), features._DOM_FIRST, outs[0],
    )  # fmt: skip
    features._structure_columns_numpy(outs[1], blocks, classes, expected)
    _same(outs[0], outs[1])


def test_structures_of_pages(kernels: ModuleType) -> None:
    html = "<html><body><h1 class='title'>Judul</h1><div class='sidebar share'><p>Presiden</p>"
    html += "<ul><li><a href='/x'>Menu</a></li></ul></div><article class='content'><p>Isi</p></article></body></html>"
    _structure_blocks(kernels, segment_html(html).blocks)
    _structure_blocks(kernels, segment_text("Judul\n\n- satu\n- dua\n\nIsi berita."))
    _structure_blocks(kernels, [])


@dataclass(frozen=True)
class _LookAlikeStructure:
    """A structure with BlockStructure's fields that is no BlockStructure (no slots)."""

    blank_before: bool = False
    blank_after: bool = True
    bullet: bool = False
    heading_level: int = 2
    tag: str = "h2"
    tag_path: str = "body/h2"
    in_list: bool = False
    in_table: bool = True
    in_figure: bool = False
    in_blockquote: bool = False
    in_link: bool = False
    link_density: float = 0.5
    class_tokens: tuple[str, ...] = ("share",)
    href: str | None = "/x"
    dom_depth: int = 4


@dataclass(frozen=True)
class _LookAlikeBlock:
    index: int
    text: str
    structure: Any


def test_structures_of_look_alike_blocks(kernels: ModuleType) -> None:
    # Blocks and structures of other classes are read through their attributes, not the slots.
    blocks: list[Any] = [
        Block(0, "x", BlockStructure(tag="p", href="/y", dom_depth=3)),
        _LookAlikeBlock(1, "y", BlockStructure(heading_level=1, tag="h1", class_tokens=("nav",))),
        _LookAlikeBlock(2, "z", _LookAlikeStructure()),
        Block(3, "w", _LookAlikeStructure(tag="", href=None)),  # type: ignore[arg-type]
        # Numbers of other types than the fields' own: each read as float() reads it.
        Block(4, "v", BlockStructure(heading_level=2**60 + 1, link_density=np.float64(0.1), dom_depth=True)),
        Block(5, "u", BlockStructure(tag="p", blank_before=1, in_link=np.True_, link_density=1)),  # type: ignore[arg-type]
    ]
    _structure_blocks(kernels, blocks)


@settings(max_examples=100, deadline=None)
@given(
    fields=st.lists(
        st.tuples(
            st.booleans(), st.integers(0, 6), st.sampled_from(["", "p", "li", "h2", "div"]),
            st.floats(0, 1, allow_nan=False), st.integers(0, 40), st.sampled_from([None, "", "/x"]),
            st.lists(st.sampled_from(["share", "content", "x", "nav", "article", "sidebar-share"]), max_size=5),
        ),
        max_size=20,
    )
)  # fmt: skip
def test_generated_structures(fields: list[tuple[bool, int, str, float, int, str | None, list[str]]]) -> None:
    found = _kernels()
    if found is None:
        pytest.skip("the compiled feature columns are not built")
    blocks = [
        Block(
            k,
            "x",
            BlockStructure(
                blank_before=b,
                heading_level=h,
                tag=t,
                in_list=b,
                link_density=d,
                dom_depth=depth,
                class_tokens=tuple(tokens),
                href=href,
                tag_path=f"body/{t}",
            ),
        )
        for k, (b, h, t, d, depth, href, tokens) in enumerate(fields)
    ]
    _structure_blocks(found, blocks)


@pytest.mark.parametrize("suffixes", [(" said:", " menulis:"), (" said",), ("",), (), (":", "İ")])
def test_attribution_test_is_lower_ends_with(suffixes: tuple[str, ...]) -> None:
    texts = ["Budi said:", "BUDI SAID:", "Budi said", "", ":", "x", "İ", "i̇", "Ana menulis:", "said:x"]
    page = _probe_page(texts, load_lexicon())
    ends, attributed = features._attribution_test(suffixes)
    rows = np.arange(len(texts))
    found = [
        (ends is None or int(page.last_codes[k]) in ends) and attributed(texts[k]) for k in rows.tolist()
    ]
    np.testing.assert_array_equal(
        np.array(found, dtype=np.bool_), features._lower_ends_with(page, rows, suffixes)
    )
