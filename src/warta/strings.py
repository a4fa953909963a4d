"""Facts about a string that several stages ask: its lower-cased words, whether it holds a digit.

Each answer is the plain definition's (given in the docstring), by the cheapest exact path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from unicodedata import category

from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted

_WORD = re.compile(r"\w+")
_ASCII_DIGIT = re.compile(r"[0-9]")
# Every ASCII character `\w` does not match, mapped to a space: in ASCII text the words `_WORD`
# finds are then exactly what `split` finds, at about two thirds of the cost.
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})


def lower_words(text: str) -> list[str]:
    """`[w.lower() for w in re.findall(r"\\w+", text)]`.

    Lower-casing the text first gives the same words as lower-casing each word, unless it
    changes a length ("İ" gives "i" and a combining dot, which `\\w` does not match) or meets a
    capital sigma (lower-cased by its context: final or not); no other character changes
    whether `\\w` matches it (checked over all of Unicode by a test).
    """
    if text.isascii():
        return text.lower().translate(_ASCII_NON_WORD).split()
    if len(lower := text.lower()) == len(text) and "Σ" not in text:
        return _WORD.findall(lower)
    return list(map(str.lower, _WORD.findall(text)))


def _has_digit(text: str) -> bool:
    """`any(map(str.isdigit, text))`: in ASCII text (most lines) one regex scan, no call per character."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


# Strings on which the compiled `has_digit` must answer as `_has_digit`: each str width, digits
# of other scripts ("٣", "²", "𝟙"), digit-like characters that are not `isdigit` ("½", "Ⅻ").
_PROBE = ("", "abc", "a1", "x²", "Мост ٣", "Мост", "½ Ⅻ", "🌉 𝟙", "🌉 x", "é", "9")


def _compiled_has_digit() -> Callable[[str], bool]:
    """`warta._textscan.has_digit` (one C loop) where it is built and agrees with `_has_digit` on
    `_PROBE`; `_has_digit` otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return _has_digit
    try:
        from warta._textscan import has_digit as compiled
    except ImportError:
        return _has_digit
    if [compiled(t) for t in _PROBE] != [_has_digit(t) for t in _PROBE]:
        set_aside("digit test", "Python")
        return _has_digit
    return compiled


has_digit = _compiled_has_digit()
"""`any(map(str.isdigit, text))`: whether `text` holds a digit (compiled where built)."""


# Scripts written without spaces between words, as code point ranges (first, last): Japanese kana
# (hiragana, katakana and its extension, half-width katakana) and the CJK ideographs (the unified
# block, extension A, the compatibility block, the astral extensions B to H). A headline in them is
# one or two space-separated "words" ('路面電車の新型車両、来月から営業運転へ'). Korean (Hangul) is
# written with spaces and is not here; Thai is, at its own rate (`SPACELESS_SLOW_RANGES`).
SPACELESS_RANGES: tuple[tuple[int, int], ...] = (
    (0x3040, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF66, 0xFF9F),
    (0x20000, 0x323AF),
)
# Characters of those scripts that count as one word. A Chinese or Japanese word of ideographs is
# one or two characters, a katakana loanword three to six ('ソフトウェア', software), a hiragana
# particle one; three a word puts a news headline (12 to 30 characters: '港北港に大型クルーズ船が
# 初寄港', 5 words) well over a list entry's three words, and a category or menu name ('クラウド
# サービス', '文具・文房具', four to eight characters: 2 words) under it, where two a word would
# keep it (checked on the ScrapingHub pages' category lists).
SPACELESS_CHARS_PER_WORD = 3
# Thai, written without spaces between words too (a space ends a phrase), with longer words: five
# to six code points with their vowel and tone marks ('อาคาร', building, 5; 'เชียงใหม่' 9; 'ผู้โดยสาร',
# passenger, 9), so six a word: a headline ('ลำปางทดลองรถเมล์ไฟฟ้าสามเส้นทางรอบเมือง', 39 code
# points, 6) is over a list entry's three words, a menu name ('ข่าวท้องถิ่น', 12: 2) under them.
SPACELESS_SLOW_RANGES: tuple[tuple[int, int], ...] = ((0x0E00, 0x0E7F),)
SPACELESS_SLOW_CHARS_PER_WORD = 6
_SPACELESS = re.compile(
    "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in (*SPACELESS_SLOW_RANGES, *SPACELESS_RANGES)) + "]"
)
_SPACELESS_SLOW = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in SPACELESS_SLOW_RANGES) + "]")


def _piece_words(piece: str) -> int:
    """How many words a whitespace-free `piece` counts as: one, or one for each
    `SPACELESS_CHARS_PER_WORD` characters of a script written without spaces in it and one for
    each `SPACELESS_SLOW_CHARS_PER_WORD` Thai ones (each rounded down), where that is more."""
    slow = len(_SPACELESS_SLOW.findall(piece))
    fast = len(_SPACELESS.findall(piece)) - slow
    return max(1, fast // SPACELESS_CHARS_PER_WORD + slow // SPACELESS_SLOW_CHARS_PER_WORD)


def word_count(text: str) -> int:
    """`len(text.split())`, where each space-separated piece counts as `_piece_words` words: a
    line in a script written without spaces (`SPACELESS_RANGES`, `SPACELESS_SLOW_RANGES`) counts as the words its
    characters make. Text without such a character (all ASCII, in one O(1) test, or no match of
    one regex scan) is `len(text.split())` exactly."""
    words = text.split()
    if text.isascii() or _SPACELESS.search(text) is None:
        return len(words)
    return sum(map(_piece_words, words))


def uncased_script_word(word: str) -> bool:
    """`word` opens with a letter of a script without letter case and holds only such letters
    and combining marks: Devanagari's vowel signs ('शर्मा') are marks, not letters."""
    return (
        bool(word) and uncased_word(word[0]) and all(uncased_word(c) or category(c)[0] == "M" for c in word)
    )


def uncased_word(word: str) -> bool:
    """Every character of `word` a letter of a script without letter case (Hangul, kanji, kana):
    `all(c.isalpha() and not c.isupper() and not c.islower() for c in word)`; no capital tells
    such a word for a name."""
    return all(c.isalpha() and not c.isupper() and not c.islower() for c in word)
