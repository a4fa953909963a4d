"""The compiled body pass gives exactly the body parts of the Python one.

`warta.assemble.body._body_parts` (`_merge_fragments`, then each run kept unless it repeats a
kept one) is the reference of `warta.assemble._body.body_parts`; `body._SeenTexts` (shingle
sets of `strings.lower_words`, and `_SeenParagraphs`' 80% test) that of `_body.SeenTexts`,
which must read the same words (every code point, case-changing and astral ones included)
and answer every `is_repeat` and `add_unless_repeat` the same. Checked on edge cases,
generated texts and blocks, the fixtures and, where ../shared is present, the benchmark pages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.assemble.body import (
    RepeatTest,
    _body_parts,
    _compiled_body_parts,
    _merge_fragments,
    _SeenTexts,
    build_body,
)
from warta.model import Block, BlockStructure, BodyPart, Label
from warta.segment.html import segment_html
from warta.segment.text import segment_text
from warta.strings import lower_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Step = tuple[bool, str]  # (add_unless_repeat?, text): `is_repeat` where False
BodyPass = Callable[[list[Block]], "list[BodyPart] | None"]


def _in_use() -> bool:
    return _compiled_body_parts() is not None


@pytest.fixture(scope="module")
def compiled(require_compiled: Callable[[bool, str], None]) -> Callable[[], RepeatTest]:
    require_compiled(_in_use(), "body pass")
    from warta.assemble._body import SeenTexts

    return SeenTexts


@pytest.fixture(scope="module")
def body_pass(require_compiled: Callable[[bool, str], None]) -> BodyPass:
    found = _compiled_body_parts()
    require_compiled(found is not None, "body pass")
    assert found is not None
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
    if not _in_use():
        pytest.skip("the compiled body pass is not in use")
    from warta.assemble._body import SeenTexts

    _assert_same(SeenTexts, steps)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.booleans(), _texts()), max_size=16), st.integers(0, 5_000))
def test_room_made_in_advance_changes_no_answer(steps: list[Step], chars: int) -> None:
    """`SeenTexts(chars)` makes room for texts of `chars` code points at once: too little
    (the tables grow as they fill), too much or none, the answers are the same."""
    if not _in_use():
        pytest.skip("the compiled body pass is not in use")
    from warta.assemble._body import SeenTexts

    assert _answers(SeenTexts(chars), steps) == _answers(_SeenTexts(), steps)


def test_room_made_in_advance_for_many_paragraphs(compiled: Callable[[], RepeatTest]) -> None:
    steps = [(True, f"Baris nomor {i} dari halaman yang sangat panjang.") for i in range(3_000)]
    steps += [(False, "Baris nomor 99999 dari halaman yang sangat panjang."), (True, steps[7][1])]
    expected = _answers(_SeenTexts(), steps)
    from warta.assemble._body import SeenTexts

    for chars in (1, 64, 10_000, 150_000, 2_000_000):
        assert _answers(SeenTexts(chars), steps) == expected, chars


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=60))
def test_generated_words(text: str) -> None:
    if not _in_use():
        pytest.skip("the compiled body pass is not in use")
    from warta.assemble._body import SeenTexts

    assert SeenTexts().words(text) == lower_words(text)


def _fixture_blocks() -> list[list[Block]]:
    texts = sorted((FIXTURES / "text").glob("*.txt"))
    pages = sorted((FIXTURES / "html").glob("*.html"))
    assert texts and pages
    return [segment_text(p.read_text(encoding="utf-8")) for p in texts] + [
        segment_html(p.read_text(encoding="utf-8")).blocks for p in pages
    ]


def test_fixture_paragraphs(compiled: Callable[[], RepeatTest]) -> None:
    for blocks in _fixture_blocks():
        steps = [(not heading, text) for text, _, heading in _merge_fragments(blocks)]
        _assert_same(compiled, steps + steps)


def _assert_same_parts(body_pass: BodyPass, blocks: list[Block]) -> None:
    found = body_pass(blocks)
    assert found is not None
    assert found == _body_parts(blocks)
    assert all(type(part) is BodyPart for part in found)


def test_fixture_pages(body_pass: BodyPass) -> None:
    for blocks in _fixture_blocks():
        _assert_same_parts(body_pass, blocks)
        _assert_same_parts(body_pass, blocks + blocks)
        _assert_same_parts(body_pass, blocks[::-1])


def test_build_body_on_fixtures(body_pass: BodyPass, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _fixture_blocks()
    labels = [[Label.BODY if i % 5 else Label.OTHER for i in range(len(b))] for b in pages]
    found = [build_body(b, ls) for b, ls in zip(pages, labels, strict=True)]
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    _compiled_body_parts.cache_clear()
    try:
        assert [build_body(b, ls) for b, ls in zip(pages, labels, strict=True)] == found
    finally:
        _compiled_body_parts.cache_clear()


def test_benchmark_pages(compiled: Callable[[], RepeatTest], body_pass: BodyPass, shared: Path) -> None:
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::4]
    assert flat
    for path in flat:
        blocks = segment_text(path.read_text(encoding="utf-8", errors="replace"))
        steps = [(not heading, text) for text, _, heading in _merge_fragments(blocks)]
        _assert_same(compiled, steps + steps[::-1])
        _assert_same_parts(body_pass, blocks)


# Lines for generated blocks: fragments, dashes, quotes, capitals and digits first, lower case
# first, terminal punctuation, Unicode spaces, case-changing and astral characters.
_LINES = st.sampled_from(
    [
        "Presiden meresmikan jembatan baru di Jakarta",
        "pada Senin pagi, kata juru bicara.",
        ", kata dia",
        "Jakarta -",
        "Jakarta --",
        "Laporan —",
        "'Kami merasa dilupakan'",
        "“Kami merasa dilupakan,”",
        "Judul Bagian Pendek",
        "judul bagian pendek",
        "2026 Tahun Baru",
        "İstanbul’da büyük gün",
        "ΟΔΟΣ και ΟΔΟΣ’Α",
        "🌉 jembatan baru",
        "Satu\u2028dua\xa0tiga empat lima enam tujuh",
        "a b c d e f g",
        "a b c d e f",
        "Warga mengatakan keluhan mereka diabaikan selama bertahun-tahun oleh pemerintah.",
        "…",
        ")",
        "%",
        "é",
        "x",
        " ",
        "'\"",
    ]
)
_STRUCTURES = st.builds(
    BlockStructure,
    blank_before=st.booleans(),
    bullet=st.booleans(),
    heading_level=st.sampled_from([0, 0, 0, 1, 2]),
    tag=st.sampled_from(["", "p", "a", "span", "b", "h2", "li", "div"]),
    in_list=st.booleans(),
    in_blockquote=st.booleans(),
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_LINES, _STRUCTURES), max_size=14))
def test_generated_blocks(lines: list[tuple[str, BlockStructure]]) -> None:
    found = _compiled_body_parts()
    if found is None:
        pytest.skip("the compiled body pass is not in use")
    blocks = [Block(i, text, structure) for i, (text, structure) in enumerate(lines)]
    _assert_same_parts(found, blocks)


def test_what_it_leaves_to_python(body_pass: BodyPass) -> None:
    good = Block(0, "Satu dua tiga.", BlockStructure())
    assert body_pass([good, Block(1, "", BlockStructure())]) is None
    assert body_pass([good, BodyPart("paragraph", "x", 1)]) is None  # type: ignore[list-item]
    assert body_pass([good, Block(1, None, BlockStructure())]) is None  # type: ignore[arg-type]
    assert body_pass([good, Block(1, "x", None)]) is None  # type: ignore[arg-type]
    assert body_pass([]) == []


def test_a_phrase_shared_by_thousands_of_paragraphs(compiled: Callable[[], RepeatTest]) -> None:
    steps = [(True, f"Baris nomor {i} dari halaman yang sangat panjang.") for i in range(5_000)]
    steps += [(False, "Baris nomor 99999 dari halaman yang sangat panjang."), (False, steps[7][1])]
    seen = compiled()
    assert _answers(seen, steps) == [True] * 5_000 + [False, True]


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    _compiled_body_parts.cache_clear()
    try:
        assert _compiled_body_parts() is None
    finally:
        _compiled_body_parts.cache_clear()


def test_heading_indices(require_compiled: Callable[[bool, str], None]) -> None:
    from warta.assemble.title import _H1, _TOP_LEVELS, _compiled_heading_indices, _heading_indices

    compiled = _compiled_heading_indices()
    require_compiled(compiled is not None, "heading scan")
    assert compiled is not None
    for blocks in _fixture_blocks():
        for levels in (_TOP_LEVELS, _H1, frozenset()):
            assert compiled(blocks, levels) == _heading_indices(blocks, levels)
    structures = [BlockStructure(heading_level=level) for level in (0, 1, 2, 3, 4, 6, 1)]
    blocks = [Block(i, "x", s) for i, s in enumerate(structures)]
    assert compiled(blocks, _TOP_LEVELS) == [1, 2, 3, 6] == _heading_indices(blocks, _TOP_LEVELS)
    assert compiled([*blocks, Block(7, "x", None)], _H1) is None  # type: ignore[arg-type]
    assert compiled([], _H1) == []
