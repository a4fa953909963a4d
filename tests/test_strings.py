"""`warta.strings`: each fast path gives the plain definition's answer."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta import strings
from warta.strings import has_digit, lower_words

_WORD = re.compile(r"\w")
_TEXTS = st.text(max_size=60) | st.text(alphabet="aZ İΣσς_1²٣é\u0301 .,-’", max_size=20)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_TEXTS | st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_lower_words_are_the_lower_cased_regex_words(text: str) -> None:
    assert lower_words(text) == [w.lower() for w in re.findall(r"\w+", text)]


def test_lower_casing_changes_a_word_character_only_where_lower_words_looks() -> None:
    # What the lower-first path leans on: lower-casing changes no character's `\w` class, and
    # only "İ" its length; "Σ" is lower-cased by its context.
    odd = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if len(c.lower()) != 1 or bool(_WORD.match(c)) != bool(_WORD.match(c.lower()))
    ]
    assert odd == ["İ"]
    for text in ("İstanbul’da “büyük” gün", "ΟΔΟΣ’Α και ΟΔΟΣ", "Café “Noël” — déjà vu ok", "ǅemal ǈubo"):
        assert lower_words(text) == [w.lower() for w in re.findall(r"\w+", text)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=40) | st.text(alphabet="ab 1²٣", max_size=8))
def test_has_digit_is_any_isdigit(text: str) -> None:
    assert has_digit(text) == any(map(str.isdigit, text))


def test_the_compiled_digit_test_is_str_isdigit_on_every_code_point(
    require_compiled: Callable[[bool, str], None],
) -> None:
    require_compiled(strings.has_digit is not strings._has_digit, "digit test")
    found = strings.has_digit
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if found(c) != c.isdigit()] == []
    # each str width, the digit first, last, alone, or missing; a str subclass
    for text in ("", "x" * 100 + "1", "é" * 50 + "²", "Мост" * 20 + "٣", "🌉" * 30 + "𝟙", "🌉 Мост é x"):
        assert found(text) == strings._has_digit(text) == any(map(str.isdigit, text))
    assert found(type("Text", (str,), {})("a1")) is True
    with pytest.raises(TypeError):
        found(b"1")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=40) | st.text(alphabet="ab 1²٣½Ⅻ𝟙é", max_size=8))
def test_the_python_digit_test_is_any_isdigit(text: str) -> None:
    assert strings._has_digit(text) == any(map(str.isdigit, text))


def test_word_count_counts_the_characters_of_a_script_written_without_spaces() -> None:
    assert strings.word_count("Harga beras naik lagi") == 4
    assert strings.word_count("  café  au lait ") == 3
    assert strings.word_count("") == 0
    # Three characters a word, at least one a space-separated piece; punctuation and digits are
    # no such characters ('、', '1').
    assert strings.word_count("朝日新聞") == 1
    assert strings.word_count("クラウドサービス(29)") == 2
    assert strings.word_count("路面電車の新型車両、来月から営業運転へ") == 6
    assert strings.word_count("新市民病院が開院\u3000外来は1日1500人規模") == 2 + 2
    assert strings.word_count("1港北港") == 1
    assert strings.word_count("ニュース 一覧") == 2
    # Hangul is written with spaces: a word a piece.
    assert strings.word_count("서울 지하철 요금 인상") == 4
    # Thai: six code points a word (marks too), a piece one word at least.
    assert strings.word_count("ลำปางทดลองรถเมล์ไฟฟ้าสามเส้นทางรอบเมือง") == 6
    assert strings.word_count("ข่าวท้องถิ่น") == 2
    assert strings.word_count("หน้าแรก") == 1
    assert strings.word_count("เชียงใหม่ เอฟซี") == 2
    # a piece of both kinds: each counted at its own rate
    assert strings.word_count("港北港港北港ข่าวท้องถิ่น") == 4


@settings(max_examples=500, deadline=None, derandomize=True)
@given(_TEXTS | st.text(alphabet="港に カ、1a\u3000\u303f\u3040\u30ff\u3100\U00020000ไก่\u0e7f", max_size=30))
def test_word_count_is_the_split_words_for_text_without_such_characters(text: str) -> None:
    if strings._SPACELESS.search(text) is None:
        assert strings.word_count(text) == len(text.split())
    else:
        assert strings.word_count(text) >= len(text.split())
    compiled = pytest.importorskip("warta.assemble._body")
    assert compiled.word_count(text) == strings.word_count(text)


def test_the_compiled_word_count_knows_the_same_ranges() -> None:
    compiled = pytest.importorskip("warta.assemble._body")
    for lo, hi in (*strings.SPACELESS_RANGES, *strings.SPACELESS_SLOW_RANGES):
        for code in (lo - 1, lo, lo + 1, hi - 1, hi, hi + 1):
            for n in range(1, 14):
                text = chr(code) * n
                assert compiled.word_count(text) == strings.word_count(text), (hex(code), n)
