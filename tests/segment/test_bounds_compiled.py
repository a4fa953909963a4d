"""`warta._textscan.markup_counts`: the counts `warta.segment.bounds._may_exceed` takes from one C
pass are exactly those its `str.count`s and regular expressions give, or it says it cannot tell."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.segment import bounds

_Counts = Callable[[bytes | str], "tuple[int, int, int, int, int] | None"]


@pytest.fixture(scope="module")
def counts(require_compiled: Callable[[bool, str], None]) -> _Counts:
    in_use = bounds._may_exceed_function() is not bounds._may_exceed_python
    require_compiled(in_use, "markup bounds check")
    from warta._textscan import markup_counts

    return markup_counts


def _reference(text: str) -> tuple[int, int, int, int, int]:
    starts = bounds._FORMATTING_START.findall(text)
    ends = Counter(name.lower() for name in bounds._FORMATTING_END.findall(text))
    unclosed = (Counter(name.lower() for name in starts) - ends).total()
    options = text.count("<option") + text.count("<OPTION")
    return text.count("<"), text.count("</"), options, len(starts), unclosed


def _check(counts: _Counts, text: str) -> None:
    expected = _reference(text)
    forms: list[bytes | str] = [text.encode()]
    if text.isascii() or max(map(ord, text)) < 256:
        forms.append(text)
    for form in forms:
        got = counts(form)
        assert got is not None
        assert got[:3] == expected[:3]
        if got[3] >= 0:
            assert got == expected
        else:
            assert got[4] < 0
    for utf8 in (None, text.encode()):
        assert bounds._may_exceed(text, utf8) == bounds._may_exceed_python(text, utf8)


_PAGES = [
    *bounds._PROBES,
    "<b",
    "</b",
    "<b ",
    "</b  ",
    "<",
    "</",
    "<option",
    "<optio",
    "<strongx a>" * 20,
    "<strikes a>" * 20,
    "<STRONG\x0ba>" * 17 + "</Strong\r\n>" * 3,
    "<font\x1ca>" * 17 + "</font/>" * 17,
    "<b a>" * 17 + "</b>" * 17,
    "<i a>" * 30 + "</İ>" * 30,
    "<bİ a>" * 20,
    "<K a>" * 20,
    "Мост <b a>Мост" * 20,
    "<b a>🌉" * 20 + "</b🌉>",
    "<b>" * 20_000,
    "<ul>" * 13_000,
    "<select>" + "<option>x" * 5_001,
    "<OPTION>" * 5_001,
]


@pytest.mark.parametrize("text", _PAGES)
def test_the_counts_are_those_of_the_regular_expressions(counts: _Counts, text: str) -> None:
    _check(counts, text)


_NAMES = ("b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u")
# Each formatting name, each of its prefixes and the name with a letter more (names the compiled
# scan tells apart by their packed letters), opened with an attribute and closed, in both cases.
_NEAR_NAMES = sorted(
    {
        form
        for name in _NAMES
        for form in (*(name[:k] for k in range(1, len(name))), name, name + "x", "x" + name)
    }
)


@pytest.mark.parametrize("name", _NEAR_NAMES)
def test_each_name_near_a_formatting_name_counts_as_the_regular_expressions(
    counts: _Counts, name: str
) -> None:
    _check(
        counts, f"<{name} a>x" * 17 + f"</{name}>" * 3 + f"<{name.upper()}\ta>" * 17 + f"</{name.title()} >"
    )


def test_a_wide_str_without_its_bytes_is_left_to_python(counts: _Counts) -> None:
    assert counts("<b a>Мост") is None
    assert bounds._may_exceed("<b a>Мост" * 20) == bounds._may_exceed_python("<b a>Мост" * 20)
    with pytest.raises(TypeError):
        counts(3)  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    [
        "<", "</", ">", "/", " ", "\t", "\x1f", "\xa0", "\u2003", "x", "é", "🌉", "K", "ſ", "ı", "İ",
        "b", "B", "big", "code", "em", "font", "FONT", "i", "s", "small", "strike", "strong", "tt",
        "u", "option", "OPTION", "a=1",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_generated_markup_counts_as_the_regular_expressions(text: str) -> None:
    if bounds._may_exceed_function() is bounds._may_exceed_python:
        pytest.skip("the compiled markup counts are not in use")
    from warta._textscan import markup_counts

    _check(markup_counts, text)
    _check(markup_counts, text * 9)
