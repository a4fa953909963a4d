"""Facts about a string that several stages ask: its lower-cased words, whether it holds a digit.

Each answer is the plain definition's (given in the docstring), by the cheapest exact path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
