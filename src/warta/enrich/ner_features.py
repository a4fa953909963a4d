"""Token features of the named-entity tagger, shared by training (`train/train_ner.py`) and
extraction (`warta.enrich.entities`): one function, so both see the same features."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*(?<!['’][sS])|['’][sS]\b|[^\w\s]", re.UNICODE)
_SHAPE_RUNS = re.compile(r"(.)\1+")
_ASCII_SHAPE = str.maketrans(
    {
        **dict.fromkeys(string.ascii_uppercase, "X"),
        **dict.fromkeys(string.ascii_lowercase, "x"),
        **dict.fromkeys(string.digits, "d"),
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenise(text: str) -> list[Token]:
    """Words (with inner hyphens, apostrophes and dots: 'U.S', 'Jum'at'; a possessive 's apart) and single punctuation marks."""
    return [Token(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]


def word_shape(word: str) -> str:
    """'Jakarta' -> 'Xx', 'KPK' -> 'X', '2025' -> 'd', 'e-KTP' -> 'x-X'."""
    if word.isascii():  # the common case, several times faster
        return "".join(mark for mark, _ in groupby(word.translate(_ASCII_SHAPE)))
    shape = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", shape)


def _word_features(word: str, gazetteer: Mapping[str, str]) -> tuple[str, ...]:
    """What a word says about itself and its neighbours: its lowercase form, its shape and
    its gazetteer membership (the prefix says whose: '' for the word itself, '-1:' ...)."""
    kind = gazetteer.get(word)
    base = (f"w={word.lower()}", f"shape={word_shape(word)}")
    return (*base, f"gaz={kind}") if kind is not None else base


_OFFSETS = ((-2, "-2:"), (-1, "-1:"), (1, "1:"), (2, "2:"))
_AFTER_SENTENCE = frozenset({".", "!", "?", '"', "“"})


def sentence_features(words: Sequence[str], gazetteer: Mapping[str, str]) -> list[list[str]]:
    """CRF features of each word of a sentence. `gazetteer` maps a word to what it is part of
    in the language data ('place', 'organisation', 'title', ...): a hint, not a decision."""
    cased = f"cased={any(any(c.isupper() for c in word) for word in words)}"
    own = [_word_features(word, gazetteer) for word in words]
    count = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        lower = word.lower()
        capital = word[:1].isupper()
        features = [
            "bias",
            cased,
            f"suf4={lower[-4:]}",
            f"suf3={lower[-3:]}",
            f"suf2={lower[-2:]}",
            f"pre4={lower[:4]}",
            f"pre3={lower[:3]}",
            f"pre2={lower[:2]}",
            f"title={capital}",
            f"len={min(len(word), 8)}",
            *own[i],
        ]
        first = i == 0 or words[i - 1] in _AFTER_SENTENCE
        if first:
            features.append("first")
        # a capital means a name more surely inside a sentence than at its start, and more
        # surely next to other capitals ('Bank Indonesia') than alone
        before = "edge" if first else words[i - 1][:1].isupper()
        after = words[i + 1][:1].isupper() if i + 1 < count else "edge"
        features.append(f"caps={before}|{capital}|{after}")
        for offset, prefix in _OFFSETS:
            j = i + offset
            if 0 <= j < count:
                features += [prefix + feature for feature in own[j]]
            else:
                features.append(f"{prefix}edge")
        if i > 0:
            features.append(f"-1w|w={words[i - 1].lower()}|{lower}")
        if i + 1 < count:
            features.append(f"w|1w={lower}|{words[i + 1].lower()}")
        out.append(features)
    return out


def gazetteer_words(
    aliases: Mapping[str, Mapping[str, Sequence[str]]], titles: Sequence[str]
) -> dict[str, str]:
    """Each capitalised word of the language data, with what it is part of: 'title' for words of
    titles ('Menteri'), else the type of the first alias it occurs in ('Korut' -> 'place')."""
    words: dict[str, str] = {}
    for title in titles:
        for token in tokenise(title):
            if token.text[:1].isupper():
                words.setdefault(token.text, "title")
    for kind, table in aliases.items():
        for canonical, names in table.items():
            for name in (canonical, *names):
                for token in tokenise(name):
                    if token.text[:1].isupper():
                        words.setdefault(token.text, kind)
    return words
