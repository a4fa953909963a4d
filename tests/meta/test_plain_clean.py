"""`warta._textscan.is_plain_clean` answers as `html_meta._plainly_clean`, and a value it passes is
one `_clean` returns unchanged."""

from __future__ import annotations

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
