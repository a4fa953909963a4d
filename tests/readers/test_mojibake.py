"""Mojibake repair: UTF-8 read once (or more) as Windows-1252 / Latin-1."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.meta.page import PageMetadata
from warta.model import Block
from warta.readers.mojibake import (
    _CONTINUATION,
    has_mojibake,
    repair_blocks,
    repair_metadata,
    repair_mojibake,
)


def _mangle(text: str, codec: str = "cp1252") -> str:
    """What a tool that read UTF-8 bytes as `codec` shows (the five bytes
    Windows-1252 leaves undefined become C1 controls, as in browsers)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize(
    "clean",
    [
        "Menteri itu berkata: “Kami tidak akan mundur” — lalu pergi…",
        "The café’s naïve owner paid 5 € for a crème brûlée™",
        "Ekspor naik 12% → rekor baru © 2026",
        "Президент заявил",  # Cyrillic words: several two-byte sequences in a row
        "東京で会議",  # CJK
        "Your cart is empty 😞",
    ],
)
def test_cp1252_mojibake_is_repaired(clean: str) -> None:
    fixed, repaired = repair_mojibake(_mangle(clean))
    assert fixed == clean
    assert repaired >= 1


def test_latin_extended_letters_are_repaired_after_a_small_letter() -> None:
    assert repair_mojibake(_mangle("la sœur, wiełki"))[0] == "la sœur, wiełki"


def test_latin1_reading_leaves_c1_controls_that_are_repaired_too() -> None:
    clean = "Dia bilang “tidak” — itu saja"
    assert repair_mojibake(_mangle(clean, "latin-1"))[0] == clean


def test_twice_mangled_text_is_repaired() -> None:
    clean = "It’s “done” — finally"
    assert repair_mojibake(_mangle(_mangle(clean)))[0] == clean


def test_windows_1252_bytes_read_as_latin1_become_their_characters() -> None:
    # A cp1252 page decoded as Latin-1 holds C1 controls, never text.
    assert (
        repair_mojibake("He said \x93yes\x94 and couldn\x92t stop\x85")[0]
        == "He said “yes” and couldn’t stop…"
    )


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII text",
        "Ein „Fuß“ ist kein Meter",  # ß“ is also a valid UTF-8 pair (an NKo letter)
        "Café…” she said",  # é…” would decode to a CJK character
        "Ã alone, and ÂÃ without continuation bytes",
        "naïve façade, São Paulo, Ærø, Ñandú",
        "A \x81 byte Windows-1252 leaves undefined stays as it is",
        "Türkçe: GÜÇ’ün anlamı",  # Ç’ is also a valid pair (ǒ), after a capital
        "the “SKÅ” headline",  # Å” (Œ-like Ĕ) likewise
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)


def test_has_mojibake_never_misses_what_repair_changes() -> None:
    for text in ("Itâ€™s", "x\x93y", "CafÃ©", "ok"):
        fixed, _ = repair_mojibake(text)
        assert (fixed != text) <= has_mojibake(text)


# Where `repair_mojibake` can change a text: a lead followed by a continuation, or a C1 control.
_SUSPECT = re.compile("[\xc2-\xf4]" + _CONTINUATION + "|[\x80-\x9f]")
_SUSPECT_ALPHABET = "aé—Ã©â€™\x93\x9dÂ\xa0ð\x9fŸ\xbfô\xc1\xf5 \u2019"


@given(st.text(alphabet=st.sampled_from(_SUSPECT_ALPHABET), max_size=12))
def test_has_mojibake_is_the_suspect_pattern(text: str) -> None:
    # The lead-by-lead search answers exactly what the one pattern does.
    assert has_mojibake(text) == (_SUSPECT.search(text) is not None)


def test_blocks_and_metadata_are_repaired_and_counted() -> None:
    blocks = [Block(0, "Headline â€” part two"), Block(1, "clean line")]
    repaired_blocks, count = repair_blocks(blocks)
    assert [b.text for b in repaired_blocks] == ["Headline — part two", "clean line"]
    assert repaired_blocks[1] is blocks[1]
    assert count == 1
    assert repair_blocks(repaired_blocks) == (repaired_blocks, 0)
    meta = PageMetadata(
        title="itertools â€” Functions",
        titles=[("itertools â€” Functions", "title")],
        authors=[("JosÃ© Silva", "meta")],
    )
    assert repair_metadata(meta) == 3
    assert meta.title == "itertools — Functions"
    assert meta.titles == [("itertools — Functions", "title")]
    assert meta.authors == [("José Silva", "meta")]


def test_markup_author_details_are_repaired_with_the_names() -> None:
    meta = PageMetadata(
        authors=[("JosÃ© Silva", "json-ld")],
        author_details=[("JosÃ© Silva", "RepÃ³rter", None)],
    )
    assert repair_metadata(meta) == 3
    assert meta.authors == [("José Silva", "json-ld")]
    assert meta.author_details == [("José Silva", "Repórter", None)]
