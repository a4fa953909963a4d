"""Light Indonesian affix stripping for search: `membangun`, `dibangun`, `pembangunan` → `bangun`;
and character pairs for text written without spaces.

Not a full stemmer (no dictionary, as Nazief–Adriani would use): it removes
particles (-lah, -kah, -pun, -nya), possessives (-ku, -mu), suffixes
(-kan, -an, -i) and prefixes (di-, ke-, se-, ber-, ter-, me(N)-, pe(N)-) with
the nasal recoding rules, and never cuts a word below four letters. The same
function runs on indexed text and on queries, so its errors cancel out:
recall rises, and precision drops only for roots that collide.

Chinese and Japanese are written without spaces, so the index's tokenizer
keeps a whole run of ideographs and kana as one token ("東京都知事選挙"), and a
search for a word inside it ("知事") found nothing. The `stems` column holds
such a run as its overlapping character pairs instead (東京 京都 都知 知事 事選
選挙, and the last character alone: 挙), and a query word written so is searched as
the phrase of its own pairs (知事; 都知事 → "都知 知事"), a single character as the
prefix of a pair or the last character: the usual bigram indexing of CJK search engines.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces: kana, CJK ideographs (with extension A and compatibility).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_UNSPACED_RUN = re.compile(f"[{_UNSPACED}]+")
_MIN = 4
_PARTICLES = ("lah", "kah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")
# me(N)-/pe(N)- with the nasal that replaced the root's first consonant.
_NASAL = (
    ("meny", "s"),
    ("peny", "s"),
    ("meng", ""),
    ("peng", ""),
    ("mem", "p"),
    ("pem", "p"),
    ("men", "t"),
    ("pen", "t"),
)
_PREFIXES = ("memper", "diper", "ber", "ter", "per", "di", "ke", "se", "me", "pe")


def _cut_suffix(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN:
            return word[: -len(suffix)]
    return word


def _cut_prefix(word: str) -> str:
    for prefix, dropped in _NASAL:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= _MIN - 1:
            # A vowel after the nasal means the root's first consonant was replaced.
            return dropped + rest if rest[0] in "aiueo" else rest
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN:
            return word[len(prefix) :]
    return word


def stem_word(word: str) -> str:
    """The light stem of one lower-case word.

    >>> stem_word("pembangunannya"), stem_word("dibangun")
    ('bangun', 'bangun')
    """
    if len(word) <= _MIN or not word.isalpha():
        return word
    stem = _cut_suffix(word, _PARTICLES)
    stem = _cut_suffix(stem, _POSSESSIVES)
    stem = _cut_prefix(stem)
    return _cut_suffix(stem, _SUFFIXES)


def character_pairs(word: str, last: bool = False) -> str:
    """The overlapping character pairs of each run of unspaced script in `word`, space-separated
    (a run of one character stands alone); other characters of the word are left out. `last`
    (what the index holds): each run's last character alone after its pairs, so that a
    one-character query, the prefix of a pair or that character, finds '都' at the end of
    '東京都' too.

    >>> character_pairs("東京都知事"), character_pairs("東京都知事", last=True), character_pairs("第3回")
    ('東京 京都 都知 知事', '東京 京都 都知 知事 事', '第 回')
    """
    pairs: list[str] = []
    for run in _UNSPACED_RUN.findall(word):
        if len(run) == 1:
            pairs.append(run)
            continue
        pairs += [run[i : i + 2] for i in range(len(run) - 1)]
        if last:
            pairs.append(run[-1])
    return " ".join(pairs)


def unspaced(word: str) -> bool:
    """Whether `word` holds characters of a script written without spaces (kana, ideographs)."""
    return _UNSPACED_CHAR.search(word) is not None


def stem_text(text: str, known: dict[str, str] | None = None) -> str:
    """Stems of every word in `text`, space-separated (the hidden `stems` search column); the
    runs of unspaced script as their character pairs. `known`: stems of words seen before,
    read and extended (a store keeps one over an ingest: words repeat across articles).

    >>> stem_text("Pembangunan kota 東京都")
    'bangun kota 東京 京都 都'
    """
    words = _WORD.findall(text.lower())
    stems = {} if known is None else known
    paired = _UNSPACED_CHAR.search(text) is not None  # (nearly every page: no; one scan of the text)
    out = []
    for word in words:
        stem = stems.get(word)
        if stem is None:
            stem = character_pairs(word, last=True) if paired and unspaced(word) else stem_word(word)
            stems[word] = stem
        out.append(stem)
    return " ".join(out)


class StemCache:
    """Stems of the words a store has seen, for `stem_text` (bounded: emptied when full)."""

    def __init__(self, limit: int = 200_000) -> None:
        self._stems: dict[str, str] = {}
        self._limit = limit

    def text(self, text: str) -> str:
        if len(self._stems) > self._limit:
            self._stems.clear()
        return stem_text(text, self._stems)
