"""The compiled repeated-paragraph test gives exactly the answers of the Python one.

`warta.assemble.body._SeenTexts` (shingle sets of `strings.lower_words`, and
`_SeenParagraphs`' 80% test) is the reference; `warta.assemble._repeats.SeenTexts` must read
the same words (every code point, case-changing and astral ones included) and answer every
`is_repeat` and `add_unless_repeat` the same: on edge cases, generated texts, the fixtures
and, where ../shared is present, the benchmark pages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.assemble.body import RepeatTest, _merge_fragments, _repeat_test, _SeenTexts
from warta.segment.text import segment_text
from warta.strings import lower_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
Step = tuple[bool, str]  # (add_unless_repeat?, text): `is_repeat` where False


@pytest.fixture(scope="module")
def compiled(require_compiled: Callable[[bool, str], None]) -> Callable[[], RepeatTest]:
    found = _repeat_test()
    require_compiled(found is not _SeenTexts, "repeated-paragraph test")
    return found


def _answers(seen: RepeatTest, steps: Sequence[Step]) -> list[bool]:
    return [seen.add_unless_repeat(text) if keep else seen.is_repeat(text) for keep, text in steps]


def _assert_same(compiled: Callable[[], RepeatTest], steps: Sequence[Step]) -> None:
    assert _answers(compiled(), steps) == _answers(_SeenTexts(), steps)


EDGE_TEXTS = [
    "",
    " ",
    "...",
    "a",
    "a b",
    "a b c",
    "A B C D",
    "_ __ x_1 2026",
    "İstanbul’da “büyük” gün İİ i̇stanbul",
    "ΟΔΟΣ’Α και ΟΔΟΣ ΣΑΣ Σ",
    "\u212a kelvin \u212aelvin Kelvin",
    "ǅemal ǈubo ǲ ﬁnal ﬃ STRASSE ẞ",
    "e\u0301 é café\u0301 x\u0301y",
    "²³ ½ ① ٣ ७",
    "🌉 𝐀𝐁 𝟙 𐐀𐐨 𝔸𝕓 新しい橋が開通した",
    "\x00\x7f\x80\xff ÿŸ Ǆ",
    "word\u2028word\ufeffword\u00adword",
]


def test_words_of_edge_texts(compiled: Callable[[], RepeatTest]) -> None:
    seen = compiled()
    for text in EDGE_TEXTS:
        assert seen.words(text) == lower_words(text), text  # type: ignore[attr-defined]


def test_words_of_every_code_point(compiled: Callable[[], RepeatTest]) -> None:
    seen = compiled()
    step = 1024
    for start in range(0, sys.maxunicode + 1, step):
        chars = [chr(c) for c in range(start, min(start + step, sys.maxunicode + 1))]
        for text in ("".join(chars), " ".join(chars), "A".join(chars)):
            assert seen.words(text) == lower_words(text), start  # type: ignore[attr-defined]


def test_edge_texts_repeated(compiled: Callable[[], RepeatTest]) -> None:
    steps = [(keep, t) for t in EDGE_TEXTS for keep in (False, True, False, True)]
    _assert_same(compiled, steps)
    _assert_same(compiled, [(True, " ".join(EDGE_TEXTS)), *((False, t) for t in EDGE_TEXTS)])


_WORDS = st.sampled_from(["a", "B", "c", "dé", "İ", "ı", "Σ", "ς", "x_1", "🌉", "K", "\u212a", "ǅ", "7"])
_SEPARATORS = st.sampled_from([" ", ", ", ". ", "’", "-", "\u0301", "  "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=12))
    return "".join(w + draw(_SEPARATORS) for w in words)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.booleans(), _texts()), max_size=16))
def test_generated_sequences(steps: list[Step]) -> None:
    found = _repeat_test()
    if found is _SeenTexts:
        pytest.skip("the compiled repeated-paragraph test is not in use")
    _assert_same(found, steps)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=60))
def test_generated_words(text: str) -> None:
    found = _repeat_test()
    if found is _SeenTexts:
        pytest.skip("the compiled repeated-paragraph test is not in use")
    assert found().words(text) == lower_words(text)  # type: ignore[attr-defined]


def test_fixture_paragraphs(compiled: Callable[[], RepeatTest]) -> None:
    paths = sorted(FIXTURES.glob("*.txt"))
    assert paths
    for path in paths:
        blocks = segment_text(path.read_text(encoding="utf-8"))
        runs = _merge_fragments(blocks)
        steps = [(not heading, text) for text, _, heading in runs]
        _assert_same(compiled, steps + steps)


def test_benchmark_pages(compiled: Callable[[], RepeatTest], shared: Path) -> None:
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::4]
    assert flat
    for path in flat:
        blocks = segment_text(path.read_text(encoding="utf-8", errors="replace"))
        steps = [(not heading, text) for text, _, heading in _merge_fragments(blocks)]
        _assert_same(compiled, steps + steps[::-1])


def test_a_phrase_shared_by_thousands_of_paragraphs(compiled: Callable[[], RepeatTest]) -> None:
    steps = [(True, f"Baris nomor {i} dari halaman yang sangat panjang.") for i in range(5_000)]
    steps += [(False, "Baris nomor 99999 dari halaman yang sangat panjang."), (False, steps[7][1])]
    seen = compiled()
    assert _answers(seen, steps) == [True] * 5_000 + [False, True]


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    _repeat_test.cache_clear()
    try:
        assert _repeat_test() is _SeenTexts
    finally:
        _repeat_test.cache_clear()
