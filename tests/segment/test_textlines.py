"""The compiled text segmentation gives exactly the blocks of `segment_text_python`.

`warta.segment._textlines.segment_text` must agree with the reference block for block (text,
structure, offsets) on the fixture texts, on generated texts full of line breaks, bullets and
odd spaces, at small line and block limits, and, where ../shared is present, on the
benchmark's flattened pages.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.model import Block
from warta.segment import MAX_BLOCKS
from warta.segment.text import _PROBES, _segmenter, segment_text_python

Segmenter = Callable[[str, int, int], list[Block]]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"

# Every line break of `str.splitlines`, the characters the spacing rules change, bullet marks
# (ASCII, wide, numbered), spaces `strip` removes but the rules keep, and each str width.
_ALPHABET = [
    *"ab. 12)\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u00a0\u3000\u00ad\u200b\u2060",
    *"•●▪■◦‣∙·*-–—►▶»é М🌉\u2003",
    *("  ", "\r\n", "\n\n"),
]


@pytest.fixture(scope="module")
def compiled(require_compiled: Callable[[bool, str], None]) -> Segmenter:
    chosen = _segmenter()
    require_compiled(chosen is not segment_text_python, "text segmentation")
    return chosen


def _assert_same(
    compiled: Segmenter, text: str, max_line_chars: int = 20_000, max_blocks: int = MAX_BLOCKS
) -> None:
    expected = segment_text_python(text, max_line_chars, max_blocks)
    got = compiled(text, max_line_chars, max_blocks)
    assert got == expected
    assert [type(block) for block in got] == [Block] * len(expected)


def test_probes(compiled: Segmenter) -> None:
    for args in _PROBES:
        _assert_same(compiled, *args)


def test_fixture_texts(compiled: Segmenter) -> None:
    paths = sorted(FIXTURES.glob("*.txt"))
    assert paths
    for path in paths:
        _assert_same(compiled, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("max_blocks", [0, -1, 1, 2])
def test_block_limits(compiled: Segmenter, max_blocks: int) -> None:
    _assert_same(compiled, "a\n\nb\nc\n\nd\n", max_blocks=max_blocks)


@pytest.mark.parametrize("max_line_chars", [1, 3, 7])
def test_line_limits(compiled: Segmenter, max_line_chars: int) -> None:
    _assert_same(compiled, "satu dua. tiga empat! lima\n\n• enam tujuh delapan sembilan", max_line_chars)


def test_str_subclass(compiled: Segmenter) -> None:
    class Text(str):
        pass

    _assert_same(compiled, Text("Judul\n\n• satu\n  dua  "))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join),
    st.sampled_from([20_000, 1, 4, 9]),
    st.sampled_from([MAX_BLOCKS, 1, 2, 5]),
)
def test_generated_texts(compiled: Segmenter, text: str, max_line_chars: int, max_blocks: int) -> None:
    _assert_same(compiled, text, max_line_chars, max_blocks)


def test_compiled_blocks_are_made_as_python_makes_them(compiled: Segmenter) -> None:
    """Blocks are allocated directly and a blank line's structure is swapped into the block
    before it: each must be a `Block` as `Block(...)` makes it, tracked, every slot set."""
    blocks = compiled("Judul\n\nbaris\n• butir\n\n", 20_000, MAX_BLOCKS)
    assert [block.structure.blank_after for block in blocks] == [True, False, True]
    for block in blocks:
        assert type(block) is Block and gc.is_tracked(block)
        assert all(hasattr(block, field.name) for field in fields(block))
        assert replace(block, text="lain").structure is block.structure


def test_benchmark_pages(compiled: Segmenter, shared: Path) -> None:
    for variant in ("scrapinghub-flat", "scrapinghub-flat-inscriptis"):
        paths = sorted((shared / "bench" / variant).glob("*.txt"))[::3]
        assert paths
        for path in paths:
            _assert_same(compiled, path.read_text(encoding="utf-8"))
