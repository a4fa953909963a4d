"""`warta._textscan`: the compiled substring search finds exactly the lines the Python one finds.

`warta.lexicon.JoinedLines.holding_substring` (a trie regex over the joined lines) is the
reference of `SubstringSet.lines_holding`; the trie regex's search on one line (the Python path
of `Lexicon.contains_substring`, which asks `found_in` where the set is built) of `found_in`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.lexicon import JoinedLines, _contains_pattern, load_lexicon
from warta.meta.byline import _substring_set

if TYPE_CHECKING:
    from warta._textscan import SubstringSet

_LEXICON = load_lexicon()
_NEEDLES = _LEXICON.credit_starts


@pytest.fixture(scope="module")
def credit_words(require_compiled: Callable[[bool, str], None]) -> SubstringSet:
    found = _substring_set(_NEEDLES)
    require_compiled(found is not None, "substring search")
    assert found is not None
    return found


def _same(found: SubstringSet, needles: tuple[str, ...], lines: list[str]) -> None:
    assert found.lines_holding(lines) == JoinedLines.of(lines).holding_substring(needles)
    pattern = _contains_pattern(needles)
    for line in lines:
        assert found.found_in(line) == (pattern.search(line) is not None)
        assert _LEXICON.contains_substring(line, needles) == (pattern.search(line) is not None)


def test_the_credit_words_are_found_where_the_regex_finds_them(credit_words: SubstringSet) -> None:
    lines = [
        "",
        "by",
        "b",
        "baby",
        "penulis: a",
        "редактор",
        "фот",
        "фото 🌉",
        "🌉by",
        "édition spéciale",
        "edici",
        "İstanbul by K",  # case-changing characters are compared as they are
        "BY",
        "a\nby",
    ]
    _same(credit_words, _NEEDLES, lines)
    _same(credit_words, _NEEDLES, list(_NEEDLES) + [n[:-1] for n in _NEEDLES] + [n.upper() for n in _NEEDLES])


def test_a_needle_holding_another_is_not_kept(credit_words: SubstringSet) -> None:
    assert "by" in credit_words.needles
    assert "edited by" not in credit_words.needles
    assert set(credit_words.needles) <= set(_NEEDLES)


def test_odd_needles(require_compiled: Callable[[bool, str], None]) -> None:
    for needles in (("a",), ("🌉", "x🌉y", "é"), ("ab", "b"), ("\n",), ("K",)):
        found = _substring_set(needles)
        require_compiled(found is not None, "substring search")
        assert found is not None
        _same(found, needles, ["", "a", "ba", "🌉", "xé", "a\nb", "K", "k", "\u212a"])
    assert _substring_set(("", "a")) is None  # an empty needle: the Python path
    assert _substring_set(()) is not None and not _substring_set(()).found_in("abc")


_ALPHABET = "abyé фото🌉 :\nK\u212a"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=4), min_size=1, max_size=5),
    st.lists(st.text(alphabet=_ALPHABET, max_size=12), max_size=6),
)
def test_generated_needles_and_lines(needles: list[str], lines: list[str]) -> None:
    found = _substring_set(tuple(needles))
    if found is None:
        pytest.skip("the compiled substring search is not built")
    _same(found, tuple(needles), lines)


def test_a_set_that_disagrees_with_its_reference_is_set_aside(
    require_compiled: Callable[[bool, str], None],
) -> None:
    """`verified_substring_set`: the compiled set where the caller's reference agrees on the
    probes and on the needles cut short; None, with a warning, where it does not."""
    from warta.lexicon import verified_substring_set

    seen: list[list[str]] = []

    def agrees(found: SubstringSet, texts: list[str]) -> bool:
        seen.append(texts)
        return True

    found = verified_substring_set(("ab", "c"), ["x"], agrees)
    require_compiled(found is not None, "substring search")
    assert seen == [["x"], ["ab", "c", "b", "", "a", ""]]
    with pytest.warns(UserWarning, match="substring set"):
        assert verified_substring_set(("ab",), ["x"], lambda found, texts: "ab" not in texts) is None
    assert verified_substring_set(("", "a"), ["x"], agrees) is None


def test_contains_substring_asks_the_compiled_set_of_its_needles(
    require_compiled: Callable[[bool, str], None],
) -> None:
    """`Lexicon.contains_substring` keeps one compiled set per needle tuple (by identity), the
    regex's answer on every line; a tuple with an empty needle stays with the regex."""
    lexicon = load_lexicon()
    needles = lexicon.credit_starts
    lines = ["oleh budi", "nothing here", "baby", "", "penulis: a", "edited by x"]
    answers = [lexicon.contains_substring(line, needles) for line in lines]
    assert answers == [_contains_pattern(needles).search(line) is not None for line in lines]
    held = lexicon._substring_sets[id(needles)]
    require_compiled(held[1] is not None, "substring search")
    assert held[0] is needles
    assert lexicon.contains_substring("abc", ("", "x")) is (
        _contains_pattern(("", "x")).search("abc") is not None
    )
    assert lexicon._substring_sets[id(needles)] is held  # (made once)
    for k in range(100):  # new tuples each time: the kept sets stay few
        assert lexicon.contains_substring(f"a{k}b", (f"{k}",))
    assert len(lexicon._substring_sets) <= 64
