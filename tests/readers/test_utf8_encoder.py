"""`warta._textscan.utf8_encoded` gives exactly `str.encode("utf-8")`'s bytes, and None where that
raises for a surrogate code point (`warta.readers.encoding._utf8_python`, its reference)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.readers.encoding import _utf8_function, _utf8_python


@pytest.fixture(scope="module")
def encoder(require_compiled: Callable[[bool, str], None]) -> Callable[[str], bytes | None]:
    chosen = _utf8_function()
    require_compiled(chosen is not _utf8_python, "UTF-8 encoder")
    return chosen


def test_reference_is_encode_or_none() -> None:
    assert _utf8_python("café") == "café".encode()
    assert _utf8_python("a\ud800") is None


# Every width of str storage, every length of encoding, and a non-ASCII code point at each
# offset of a block of ASCII ones (the encoder takes 32 code points at once).
_EDGES = ("İ", "\u212a", "ſ", "é", "\x80", "ÿ", "\u07ff", "\u0800", "\uffff", "\U0001f600", "\U0010ffff")


@pytest.mark.parametrize("edge", _EDGES)
def test_edge_code_points_at_every_offset(encoder: Callable[[str], bytes | None], edge: str) -> None:
    for length in (0, 1, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 96):
        for at in range(length + 1):
            text = "a" * at + edge + "b" * (length - at)
            assert encoder(text) == text.encode("utf-8"), (length, at)


def test_surrogates_anywhere_give_none(encoder: Callable[[str], bytes | None]) -> None:
    for surrogate in ("\ud800", "\udbff", "\udc00", "\udfff"):
        for wide in ("", "é", "\u20ac", "\U0001f600"):
            for at in (0, 5, 15, 16, 17, 31, 32, 33, 40, 64, 95):
                text = "x" * at + surrogate + wide + "y" * 20
                assert encoder(text) is None, (surrogate, wide, at)
    assert encoder("\ud83d\ude00") is None  # a pair written as two code points is still two surrogates


def test_empty_and_ascii(encoder: Callable[[str], bytes | None]) -> None:
    assert encoder("") == b""
    assert encoder("<p>" * 1000) == b"<p>" * 1000
    page = "<html><body>" + "<p>Kota Bandung café — 5 °C</p>\n" * 500 + "🌉</body></html>"
    assert encoder(page) == page.encode("utf-8")


def test_a_subclass_is_encoded_as_its_text(encoder: Callable[[str], bytes | None]) -> None:
    class Text(str):
        pass

    assert encoder(Text("İstanbul")) == "İstanbul".encode()


def test_refuses_bytes(encoder: Callable[[str], bytes | None]) -> None:
    with pytest.raises(TypeError):
        encoder(b"abc")  # type: ignore[arg-type]


_ALPHABET = "a<>/ \néÿİ\u212aſ\u20ac\u07ff\u0800\uffff\U0001f600\ud800\udfff"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=_ALPHABET, max_size=80), st.integers(0, 3))
def test_generated_text_encodes_as_the_reference(text: str, repeat: int) -> None:
    chosen = _utf8_function()
    if chosen is _utf8_python:
        pytest.skip("the compiled UTF-8 encoder is not built")
    text = text * (repeat + 1)
    assert chosen(text) == _utf8_python(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_any_text_encodes_as_the_reference(text: str) -> None:
    chosen = _utf8_function()
    if chosen is _utf8_python:
        pytest.skip("the compiled UTF-8 encoder is not built")
    assert chosen(text) == _utf8_python(text)
