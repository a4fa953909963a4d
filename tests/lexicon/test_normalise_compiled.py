"""`warta._textscan.normalised` and `normalised_lines`: the compiled normalisers give exactly what
`warta.lexicon`'s Python ones give (`_normalise_marker`, `_normalise_lines`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import warta.lexicon as lexicon_module
from warta.lexicon import EDGE_PUNCTUATION, _normalise_lines, _normalise_marker


@pytest.fixture(scope="module")
def normalisers(require_compiled: Callable[[bool, str], None]) -> lexicon_module._Normalisers:
    found = lexicon_module._COMPILED
    require_compiled(found is not None, "normalisation")
    assert found is not None
    return found


_EDGE_CASES = [
    "",
    " ",
    "\t\n",
    "Baca juga:",
    "  BACA\tJuga:  Judul  ",
    "İstanbul",  # lower-cases to two code points
    "\u212a Kelvin",  # lower-cases to an ASCII "k"
    "ſ long s",
    "ΟΔΟΣ ΣΑΣ Σ",  # final sigma, by context
    "🌉 Мост 🌉 — »",
    "𝐁𝐨𝐥𝐝 text",  # NFKC folds mathematical letters to ASCII
    "ﬁ ① ＡＢＣ ½",
    "a\u00a0b\u2003c\u3000d\u200be",
    "x\x1cy\x1dz\x1e\x1f",
    "e\u0301 é",
    "line\nbreak",
    "\x85 next line \u2028 sep",
    ":.-–—|»›>•*·#",
    "-- # Tags: banjir, rob #",
    "ǅungla ǈ",
    "\U0001f600" * 3,
    "A" * 300,
    "\x00A\x00  b\x7f ~Z@[",  # ASCII neither space nor letter, at the edges too
]


def test_the_edge_cases_normalise_as_in_python(normalisers: lexicon_module._Normalisers) -> None:
    for text in _EDGE_CASES:
        assert normalisers.one(text, EDGE_PUNCTUATION) == _normalise_marker(text), text
    assert normalisers.each(_EDGE_CASES, EDGE_PUNCTUATION) == list(map(_normalise_marker, _EDGE_CASES))
    assert normalisers.each([], EDGE_PUNCTUATION) == _normalise_lines([]) == []
    single_lines = [text for text in _EDGE_CASES if "\n" not in text]
    assert normalisers.each(single_lines, EDGE_PUNCTUATION) == _normalise_lines(single_lines)


def test_the_results_are_canonical_strs(normalisers: lexicon_module._Normalisers) -> None:
    # A str built wider than its code points need would compare unequal to the same text.
    for text, norm in zip(_EDGE_CASES, normalisers.each(_EDGE_CASES, EDGE_PUNCTUATION), strict=True):
        assert type(norm) is str
        assert norm == _normalise_marker(text)
        assert hash(norm) == hash(_normalise_marker(text))


def test_other_edges_are_stripped_as_str_strip_does(normalisers: lexicon_module._Normalisers) -> None:
    for edges in ("", " ", "x", "»·", "🌉 "):
        for text in _EDGE_CASES:
            folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
            expected = " ".join(folded.lower().split()).strip(edges)
            assert normalisers.one(text, edges) == expected, (text, edges)


_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"aZ İıſ\u212a\u03a3\u03c3 \t\n\u00a0\u3000\x1c.:-–—|»›>•*·#ﬁ①Ａé\u0301", "🌉", "\U0001d400"]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT | st.text(max_size=20), max_size=8))
def test_generated_texts_normalise_as_in_python(
    normalisers: lexicon_module._Normalisers, texts: list[str]
) -> None:
    assert normalisers.each(texts, EDGE_PUNCTUATION) == list(map(_normalise_marker, texts))
    assert normalisers.each(texts, EDGE_PUNCTUATION) == _normalise_lines(texts)
    for text in texts:
        assert normalisers.one(text, EDGE_PUNCTUATION) == _normalise_marker(text)


class _Text(str):
    """A str subclass, as some callers' texts may be."""


def test_a_str_subclass_is_read_and_anything_else_refused(normalisers: lexicon_module._Normalisers) -> None:
    for text in ("Baca  Juga:", "Мост  Ж:", "İx", ""):
        assert normalisers.one(_Text(text), EDGE_PUNCTUATION) == _normalise_marker(text)
        assert type(normalisers.one(_Text(text), EDGE_PUNCTUATION)) is str
    assert normalisers.each([_Text("A  b"), "c"], EDGE_PUNCTUATION) == ["a b", "c"]
    for other in (None, 3, b"x"):
        with pytest.raises(TypeError):
            normalisers.one(other, EDGE_PUNCTUATION)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            normalisers.each(["a", other], EDGE_PUNCTUATION)  # type: ignore[list-item]


# ---- The per-code-point map of the common scripts (`_textscan.mapped_code_points`) ----


def _mapped(normalisers: lexicon_module._Normalisers) -> dict[int, str]:
    from warta._textscan import mapped_code_points

    return mapped_code_points()


def _composition_seconds() -> set[int]:
    """The code points a canonical composition takes as its second part (the quick check's "maybe")."""
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul vowels and trailing consonants
    for code in range(0x110000):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                seconds.add(int(parts[1], 16))
    return seconds


def test_the_mapped_code_points_compose_with_no_neighbour(normalisers: lexicon_module._Normalisers) -> None:
    # What makes a text's NFKC the concatenation of its code points' own: each decomposes to a
    # starter first, which no composition takes as its second part.
    mapped = _mapped(normalisers)
    assert 0x2026 in mapped and 0xE9 in mapped and 0x0416 in mapped and 0xA0 in mapped
    assert 0x03A3 not in mapped and 0x0301 not in mapped
    seconds = _composition_seconds()
    for code, lowered in mapped.items():
        char = chr(code)
        first = unicodedata.normalize("NFKD", char)[0]
        assert code not in seconds and ord(first) not in seconds, hex(code)
        assert unicodedata.combining(char) == 0 and unicodedata.combining(first) == 0, hex(code)
        assert unicodedata.normalize("NFKC", char).lower() == lowered, hex(code)


def test_every_mapped_code_point_normalises_as_in_python(normalisers: lexicon_module._Normalisers) -> None:
    mapped = sorted(_mapped(normalisers))
    for code in mapped:
        for text in (
            chr(code),
            f"A{chr(code)}B",
            f" {chr(code)} x",
            f"e\u0301{chr(code)}",
            f"{chr(code)}\u0301",
        ):
            assert normalisers.one(text, EDGE_PUNCTUATION) == _normalise_marker(text), (hex(code), text)
    # One text of all of them, and of all of them each beside an unmapped one.
    every = "".join(map(chr, mapped))
    for text in (every, every + "🌉", "\u03a3" + every, every[::-1] + "ΟΔΟΣ"):
        assert normalisers.one(text, EDGE_PUNCTUATION) == _normalise_marker(text)


_MAPPED_ALPHABET = st.sampled_from(
    [
        *"aZ éÉßÿĀķſİıǅ\u00a0\u00b5\u00bd\u2026\u2025\u201c\u201d\u2013\u2014\u2122\u212a\u2028\u0085",
        *"ЖжЁё ΣσςΆ",
        *["\u0301", "\u0308", "\u3000", "🌉", "\U0001d400", "\x1c", "\t", ".", ":", "»", "•"],
    ]
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet=_MAPPED_ALPHABET, max_size=24), max_size=6))
def test_generated_mapped_texts_normalise_as_in_python(
    normalisers: lexicon_module._Normalisers, texts: list[str]
) -> None:
    assert normalisers.each(texts, EDGE_PUNCTUATION) == list(map(_normalise_marker, texts))
