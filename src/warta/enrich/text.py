"""Small text helpers the annotators share: word keys, regex alternations, phrase containment,
BIO decoding, a regex class of capitals, where a paragraph's sentences begin. Pure functions and constants; no language knowledge
(that lives in the data files)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache

NEVER = "(?!x)x"  # a pattern that matches nothing (an alternation of no words)
# The years a bare four-digit number is read as a year ("2025" is no count).
YEARS = range(1900, 2101)


def word_key(text: str) -> str:
    """`text` lowercased, its whitespace runs one space: how data words are compared."""
    return " ".join(text.lower().split())


def alternation(words: Iterable[str]) -> str:
    """`words` as one regex alternation, longest first (a prefix never hides a longer word);
    a space in a word matches any whitespace run. No words: a pattern that never matches."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return NEVER
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in unique)


def contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether the phrase `shorter` (a word sequence) occurs in `longer`, words in a row."""
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The (begin, end, type) runs of a BIO tag sequence, in order; an I- without its B- starts
    one (as conlleval reads it)."""
    found: list[tuple[int, int, str]] = []
    begin, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if kind and (prefix != "I" or name != kind):
            found.append((begin, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            begin, kind = i, name
    return found


@cache
def upper_letter() -> str:
    """A regex character class of every upper-case letter (`str.isupper`), whatever its script:
    'A', 'É', 'Ł', 'İ', 'Σ', 'Ж'. (`re` has no class for it, and a range written out, as
    `[A-ZÀ-Þ]`, leaves other scripts' capitals out.) Built once, from the Unicode tables."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return (
        "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"
    )


# A stop, its closing quotes (one standing apart, spaces around it, as tokenised text gives it: a
# straight quote that opens a sentence sticks to its first word), then white space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*(?:\s+[\"'”’»)]+(?=\s))*\s+")
_SENTENCE_OPENERS = frozenset("\"“‘'(«„")
_WORD_EDGES = "\"'“”‘’«»„()[]{}.,;:!?…"


def sentence_starts(text: str, abbreviation: Callable[[str], bool]) -> tuple[int, ...]:
    """Where a paragraph's sentences after the first begin: after a full stop, question or
    exclamation mark (the closing quotes after it stay in its sentence) and white space, at a word
    that opens a sentence (a capital, a digit, an opening quote: '3.5 persen. lalu turun' goes on).
    A full stop after an initial ('B. J. Habibie'), a dotted abbreviation ('a.m.', 'U.S.') or a word
    `abbreviation` accepts (a title of the language's data: 'Dr.', 'Gen.') ends no sentence."""
    starts: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        start = match.end()
        if start == len(text) or not _opens_sentence(text[start]):
            continue
        stop = match.start()
        if text[stop] == ".":
            before = text[:stop].rstrip()  # (tokenised text: 'Dr . Budi')
            word = before[before.rfind(" ") + 1 :].strip(_WORD_EDGES)
            if len(word) == 1 or "." in word or abbreviation(word):
                continue
        starts.append(start)
    return tuple(starts)


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _SENTENCE_OPENERS
