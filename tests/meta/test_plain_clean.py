"""`warta._textscan.is_plain_clean` answers as `html_meta._plainly_clean`, and a value it passes is
one `_clean` returns unchanged."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.meta import html_meta


@pytest.fixture(scope="module")
def plain_clean(require_compiled: Callable[[bool, str], None]) -> Callable[[str], bool]:
    require_compiled(html_meta._PLAIN_CLEAN is not None, "clean-value test")
    assert html_meta._PLAIN_CLEAN is not None
    return html_meta._PLAIN_CLEAN


def _check(plain_clean: Callable[[str], bool], value: str) -> None:
    assert plain_clean(value) == html_meta._plainly_clean(value)
    if plain_clean(value):
        assert html_meta._clean(value) == value


@pytest.mark.parametrize("value", html_meta._CLEAN_PROBES)
def test_the_probes_answer_as_the_reference(plain_clean: Callable[[str], bool], value: str) -> None:
    _check(plain_clean, value)


def test_only_a_str_is_tested(plain_clean: Callable[[str], bool]) -> None:
    with pytest.raises(TypeError):
        plain_clean(b"a")  # type: ignore[arg-type]


_CHARS = st.sampled_from(list("ab &;\t\n\x0b\x1c\x85\xa0\u00ad\u200b\u2060\u3000\u2028\ud800\udc00Мé🌉İſ"))


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), st.lists(_CHARS, max_size=12).map("".join)))
def test_generated_values_answer_as_the_reference(value: str) -> None:
    if html_meta._PLAIN_CLEAN is None:
        pytest.skip("the compiled clean-value test is not in use")
    _check(html_meta._PLAIN_CLEAN, value)


@pytest.mark.parametrize(
    "key",
    ["cludo:date", "w-published-date", "published", "last-modified", "updated_time", "event:start_date",
     "expiry-date", "og:type", "viewport", "date", "modified_date", "x" * 100 + "publish", "copyright-date"],
)  # fmt: skip
def test_a_guessed_date_key_reads_as_the_two_patterns_tell(key: str) -> None:
    """`_guessed_date` answers as the chain it replaced: modified if that pattern finds it and the
    exclusions do not, else published on the same terms, else neither."""
    excluded = html_meta._GUESS_EXCLUDED.search(key) is not None
    if html_meta._GUESS_MODIFIED.search(key) and not excluded:
        expected: str | None = "modified"
    elif html_meta._GUESS_PUBLISHED.search(key) and not excluded:
        expected = "published"
    else:
        expected = None
    assert html_meta._guessed_date(key) == expected
    assert html_meta._guessed_date(key) == expected  # (remembered)


@pytest.fixture(scope="module")
def squeeze(require_compiled: Callable[[bool, str], None]) -> Callable[[str], str]:
    require_compiled(html_meta._SQUEEZE is not html_meta._squeezed, "space squeeze")
    return html_meta._SQUEEZE


_SQUEEZE_EDGES = (
    "", " ", "\u3000", "a", "a b", " a  b\t\nc ", "a\u3000b", "x\u3000", "İK ſ  🌉\x85z", "é  x",
    "\x1c\x1dq", "a\u3000\u3000b", "🌉 \u3000", "Мост\u2028٣", "\ud800 \udfff", "a" * 5000 + " \n b",
)  # fmt: skip


@pytest.mark.parametrize("text", [*html_meta._CLEAN_PROBES, *_SQUEEZE_EDGES])
def test_squeeze_answers_as_the_reference(squeeze: Callable[[str], str], text: str) -> None:
    found = squeeze(text)
    assert found == html_meta._squeezed(text)
    assert type(found) is str and sys.getsizeof(found) == sys.getsizeof(html_meta._squeezed(text))


def test_squeeze_takes_only_a_str(squeeze: Callable[[str], str]) -> None:
    with pytest.raises(TypeError):
        squeeze(b"a b")  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(_CHARS, max_size=40).map("".join)))
def test_generated_texts_squeeze_as_the_reference(text: str) -> None:
    if html_meta._SQUEEZE is html_meta._squeezed:
        pytest.skip("the compiled space squeeze is not in use")
    # (the same code points, stored the same way: `getsizeof` tells a wider storage apart)
    found, expected = html_meta._SQUEEZE(text), html_meta._squeezed(text)
    assert found == expected and sys.getsizeof(found) == sys.getsizeof(expected)
