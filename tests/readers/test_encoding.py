"""decode_bytes: text → bytes → text round-trips, where the bytes are unambiguous."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.errors import InputError
from warta.readers.encoding import (
    charset_from_header,
    decode_bytes,
    looks_binary,
    repair_surrogates,
    repair_surrogates_keeping_utf8,
    utf8_for_parser,
)

# Any printable text, no control characters (those mark binary files) and no
# U+FEFF (a leading one is a byte-order mark and is rightly consumed).
PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t "),
    min_size=1,
    max_size=400,
)

ASCII_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=8)
# Accented letters as Western text uses them; Ã and Â are left out because
# "Ã©"-style pairs are also valid UTF-8 (that is what mojibake is made of).
ACCENT = st.sampled_from("éèêëàáâäçñüúùöóôïíîßÉÈÀÇÑÜÖ")


@st.composite
def western_text(draw: st.DrawFn, typographic: bool) -> str:
    """Western-language text: mostly ASCII words, some with one accented letter inside."""
    words = []
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        left, right = draw(ASCII_WORD), draw(ASCII_WORD)
        word = f"{left}{draw(ACCENT)}{right}" if draw(st.booleans()) else left
        if typographic and draw(st.integers(0, 5)) == 0:
            word = draw(st.sampled_from(["“{}”", "‘{}’", "{} –", "{} —", "{}…", "{} €"])).format(word)
        words.append(word)
    return " ".join(words) + draw(st.sampled_from([".", "!", "?", ".\n"]))


@settings(max_examples=200, deadline=None)
@given(PRINTABLE)
def test_utf8_round_trip(text: str) -> None:
    decoded, encoding, replaced = decode_bytes(text.encode("utf-8"))
    assert decoded == text
    assert not replaced
    # A strict UTF-8 decoding (what `decode_page` hands the HTML parser the bytes of) is a plain str.
    assert type(decoded) is str and encoding == "utf-8"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_repair_keeping_utf8_is_repair_with_the_bytes_kept(text: str) -> None:
    # Any str, lone surrogates (category Cs) included.
    kept, utf8, kept_repaired = repair_surrogates_keeping_utf8(text)
    repaired, was_repaired = repair_surrogates(text)
    assert (kept, kept_repaired) == (repaired, was_repaired) and type(kept) is str
    if utf8 is not None:
        assert utf8 == text.encode("utf-8") and not was_repaired
    else:  # ASCII (selectolax copies it as it is), or repaired: no bytes to keep
        assert text.isascii() or was_repaired
    assert utf8 == utf8_for_parser(text)


def test_utf8_for_parser_on_edge_cases() -> None:
    for text in ("", "abc", "İstanbul", "\u212a", "ſ", "\U0001f600", "a\ud800", "\ud83d\ude00"):
        try:
            expected: bytes | None = None if text.isascii() else text.encode("utf-8")
        except UnicodeEncodeError:
            expected = None
        assert utf8_for_parser(text) == expected


def test_str_html_pages_reach_the_parser_as_utf8_bytes_and_text_pages_as_str() -> None:
    from warta.model import Page
    from warta.options import ExtractOptions
    from warta.pipeline import decode_page

    html = decode_page(Page(content="<p>Kota Bandung café</p>", kind="html"), ExtractOptions())
    assert html.text == "<p>Kota Bandung café</p>" and html.utf8 == html.text.encode()
    text = decode_page(Page(content="Kota Bandung café", kind="text"), ExtractOptions())
    assert text.text == "Kota Bandung café" and text.utf8 is None


def test_html_of_sniffed_kind_other_charsets_and_cut_to_size_keeps_utf8_too() -> None:
    from warta.model import Page
    from warta.options import ExtractOptions
    from warta.pipeline import decode_page

    page = "<html><body><p>Kota Bandung café</p></body></html>"
    sniffed = decode_page(Page(content=page), ExtractOptions())
    assert sniffed.kind == "html" and sniffed.utf8 == page.encode()
    cp1252 = decode_page(
        Page(content=page.encode("cp1252"), encoding="windows-1252", kind="html"), ExtractOptions()
    )
    assert cp1252.text == page and cp1252.utf8 == page.encode()
    cut = decode_page(Page(content=page, kind="html"), ExtractOptions(max_chars=40))
    assert cut.text == page[:40] and cut.utf8 == page[:40].encode() and cut.warnings
    ascii_page = decode_page(Page(content="<p>Kota</p>", kind="html"), ExtractOptions())
    assert ascii_page.utf8 is None  # (selectolax encodes an ASCII str by copying it)
    as_bytes = decode_page(Page(content=page.encode(), kind="html"), ExtractOptions())
    assert as_bytes.text == page and as_bytes.utf8 == page.encode()
    replaced = decode_page(Page(content=page.encode() + b"\xff", kind="html"), ExtractOptions())
    assert replaced.warnings and replaced.utf8 == replaced.text.encode()
    surrogate = decode_page(Page(content=page + "\ud800", kind="html"), ExtractOptions())
    assert surrogate.text == page + "\ufffd" and surrogate.utf8 == surrogate.text.encode()
    bounded = decode_page(Page(content="<ul>é" * 20_000, kind="html"), ExtractOptions())
    assert bounded.warnings and len(bounded.text) < 100_000 and bounded.utf8 is None


@settings(max_examples=200, deadline=None)
@given(PRINTABLE, st.sampled_from(["utf-16", "utf-8-sig"]))
def test_bom_round_trip(text: str, codec: str) -> None:
    decoded, _, replaced = decode_bytes(text.encode(codec))
    assert decoded == text
    assert not replaced


@settings(max_examples=200, deadline=None)
@given(western_text(typographic=False))
def test_latin1_round_trip(text: str) -> None:
    decoded, _, replaced = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert not replaced


@settings(max_examples=200, deadline=None)
@given(western_text(typographic=True))
def test_cp1252_round_trip(text: str) -> None:
    decoded, _, replaced = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert not replaced


@settings(max_examples=100, deadline=None)
@given(PRINTABLE)
def test_declared_utf16_without_bom(text: str) -> None:
    decoded, encoding, _ = decode_bytes(text.encode("utf-16-le"), declared="UTF-16LE")
    assert decoded == text
    assert codecs.lookup(encoding).name == "utf-16-le"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_undeclared_utf16_without_bom_is_read_not_refused_as_binary(codec: str) -> None:
    # A NUL beside every character: this was refused as "binary input".
    page = "<html><body><h1>Harga kopi naik</h1><p>Kopi di kafé Bandung kini Rp 25.000 — naik 10%.</p>"
    decoded, encoding, replaced = decode_bytes(page.encode(codec))
    assert decoded == page and encoding == codec and not replaced


def test_utf8_with_corrupt_bytes_is_flagged() -> None:
    text, encoding, replaced = decode_bytes("Harga kopi — naik ".encode() * 20 + b"\xff" + b" akhir.")
    assert encoding == "utf-8" and replaced
    assert text.count("—") == 20 and "\ufffd" in text


def test_meta_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body>“café”</body></html>'
    text, encoding, _ = decode_bytes(html.encode("cp1252"))
    assert "“café”" in text and encoding == "cp1252"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"\x1f\x8b\x08\x00" + bytes(200),
        b"PK\x03\x04" + bytes(range(32)) * 20,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError, match="binary input"):
        decode_bytes(data)


def test_empty_is_refused() -> None:
    with pytest.raises(InputError, match="empty input"):
        decode_bytes(b"")


def test_utf16_text_is_not_binary() -> None:
    assert not looks_binary("Halo dunia".encode("utf-16"))


@pytest.mark.parametrize(
    ("header", "charset"),
    [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ('text/html; charset="utf-8"', "utf-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_header(header: str | None, charset: str | None) -> None:
    assert charset_from_header(header) == charset


@pytest.mark.parametrize("charset", ["undefined", "punycode", "unicode_escape", "utf-7", "base64", "rot13"])
def test_python_only_codecs_named_by_a_page_are_ignored(charset: str) -> None:
    # "undefined" and "punycode" raised UnicodeError out of decode_bytes; the others decoded into noise.
    page = f'<html><head><meta charset="{charset}"></head><body><p>Kota Bandung \\ +AGE-'
    for data in (page.encode(), (page + " café").encode()):
        for declared in (None, charset):
            assert decode_bytes(data, declared) == (data.decode("utf-8"), "utf-8", False)


def test_meta_utf16_on_an_ascii_compatible_page_is_read_as_utf8() -> None:
    data = '<meta charset="utf-16"><p>Kota Bandung café</p>'.encode()
    assert decode_bytes(data) == (data.decode("utf-8"), "utf-8", False)


def test_declared_iso_8859_1_is_read_as_windows_1252() -> None:
    # WHATWG: the label "iso-8859-1" means windows-1252, whose 0x80-0x9F bytes are punctuation.
    page = b'<meta charset="iso-8859-1"><p>Dia bilang \x93ya\x94 \x96 caf\xe9\x85 \x81</p>'
    text, encoding, replaced = decode_bytes(page)
    assert text.endswith("<p>Dia bilang “ya” – café… \x81</p>")  # an undefined byte stays a control
    assert (encoding, replaced) == ("windows-1252", False)
    assert decode_bytes(b"caf\xe9", "latin1")[0] == "café"
