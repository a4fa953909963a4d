"""The stems column is the same whether its words' stems are cached or not."""

from __future__ import annotations

import random

from warta.corpus.stems import StemCache, character_pairs, stem_text, stem_word, unspaced

_WORDS = [
    "pembangunan",
    "dibangun",
    "kotanya",
    "Jakarta",
    "東京都知事選挙",
    "知事",
    "rp500",
    "beritanya",
    "x",
    "Ünïcode",
]


def _uncached(text: str) -> str:
    words = text.lower().split()
    return " ".join(character_pairs(w, last=True) if unspaced(w) else stem_word(w) for w in words)


def test_cached_stems_equal_stems_asked_word_by_word() -> None:
    rng = random.Random(3)
    cache = StemCache(limit=5)  # (small: emptied on the way)
    for _ in range(200):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 12)))
        assert stem_text(text) == _uncached(text)
        assert cache.text(text) == _uncached(text)


def test_a_word_of_unspaced_script_is_paired_in_any_text() -> None:
    cache = StemCache()
    assert cache.text("kota 知事") == "kota 知事 事"
    assert cache.text("知事 選挙") == "知事 事 選挙 挙"
    assert cache.text("東京都") == "東京 京都 都"
