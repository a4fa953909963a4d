"""The helpers the annotators share (enrich/text.py)."""

from __future__ import annotations

import re

from warta.enrich.text import NEVER, YEARS, alternation, bio_spans, contains, upper_letter, word_key


def test_word_key_lowercases_and_joins_whitespace() -> None:
    assert word_key("  Dua\tPuluh \n LIMA ") == "dua puluh lima"


def test_alternation_is_longest_first_and_spaces_match_any_whitespace() -> None:
    pattern = re.compile(rf"(?:{alternation(['juta', 'juta rupiah', 'ju'])})")
    assert pattern.match("juta  rupiah").group() == "juta  rupiah"
    assert pattern.match("jutaan").group() == "juta"
    assert alternation([]) == NEVER
    assert re.search(NEVER, "x anything x") is None


def test_contains_reads_words_in_a_row() -> None:
    assert contains(("bank", "indonesia", "pusat"), ("indonesia", "pusat"))
    assert not contains(("bank", "indonesia", "pusat"), ("bank", "pusat"))
    assert contains(("a",), ())
    assert not contains(("a",), ("a", "b"))


def test_bio_spans_start_a_run_at_an_i_without_its_b() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "PER")]
    assert bio_spans([]) == []


def test_years_are_the_plausible_ones() -> None:
    assert 2025 in YEARS and 1899 not in YEARS and 2101 not in YEARS


def test_upper_letter_is_every_capital_of_every_script() -> None:
    capital = re.compile(upper_letter())
    for letter in "AZÀÖØÞŁŞİΣΩЖЯԱ":
        assert capital.fullmatch(letter), letter
    for other in "azßçışσωжя×÷1_ -'’ǅ":  # (a title-case digraph is no upper-case letter)
        assert capital.fullmatch(other) is None, other
