"""Language knowledge as data: one TOML file per language in `lexicon/data/`.

Markers of all loaded languages are merged, because a page's language is not
known before extraction and Indonesian pages carry English template text
("Related Posts", "Leave a Reply"). Adding a language means adding a file.

A file may also hold entries for pages in its own language only, under a
`[page_language]` table with the file's sections inside (`[page_language.words]`,
`[page_language.calendar]`...): words that mean something else in another language
(Italian "per", "come", the byline's "di", the month "set"). They are left out of the
merged lexicon, which applies to every page, and added to it only for a page in that
language: `load_lexicon(languages, page_language="it")` (lists are extended, a list of
lists such as the months position by position, tables and single values taken over).
A page's language, for that choice, is the one its markup declares (`<html lang>`,
og:locale), else the one told from its text (`warta.pipeline.page_language`); the
entries of a file apply to no other page, and where no file has such a table no page
is told apart.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import methodcaller
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted

if TYPE_CHECKING:
    from warta._textscan import SubstringSet
    from warta.meta.datetext import DateGrammar

# The order the first lexicons were merged in (kept so their merged lists stay as they were);
# every other `data/<language>.toml` follows in name order: adding a language is adding a file.
_FIRST_LANGUAGES = ("id", "en", "pt", "es", "fr", "de", "ru", "ms")


def bundled_languages(names: Iterable[str], first: tuple[str, ...] = _FIRST_LANGUAGES) -> tuple[str, ...]:
    """The languages of the lexicon files `names` ("it.toml"; "html.toml" is markup, no language):
    those of `first` in its order, then the others by name."""
    found = {n.removesuffix(".toml") for n in names if n.endswith(".toml") and n != "html.toml"}
    return (*(lang for lang in first if lang in found), *sorted(found.difference(first)))


DEFAULT_LANGUAGES = bundled_languages(p.name for p in (resources.files("warta.lexicon") / "data").iterdir())

_SPACE = re.compile(r"\s+")
EDGE_PUNCTUATION = " \t:.-–—|»›>•*·#"


def normalise_marker(text: str) -> str:
    """Lower-case, NFKC, whitespace-collapsed, trailing punctuation trimmed."""
    if _COMPILED is not None:
        return _COMPILED.one(text, EDGE_PUNCTUATION)
    return _normalise_marker(text)


def _normalise_marker(text: str) -> str:
    """`normalise_marker` in Python (the reference of `warta._textscan.normalised`)."""
    if not text.isascii():  # NFKC leaves ASCII unchanged: skip it on the common path
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.lower().split()).strip(EDGE_PUNCTUATION)


_STRIP_EDGE = methodcaller("strip", EDGE_PUNCTUATION)


def _nfkc_line(line: str) -> str:
    """`line` under NFKC, normalised only where the quick checks leave it in doubt."""
    if line.isascii() or unicodedata.is_normalized("NFKC", line):
        return line
    return unicodedata.normalize("NFKC", line)


def normalise_lines(texts: list[str], joined: str | None = None) -> list[str]:
    """`normalise_marker` of every text (`joined`: the texts joined by "\n", if at hand): in one
    compiled pass where it is built, else with C-level passes over the texts joined."""
    if _COMPILED is not None:
        return _COMPILED.each(texts, EDGE_PUNCTUATION)
    return _normalise_lines(texts, joined)


def _normalise_lines(texts: list[str], joined: str | None = None) -> list[str]:
    """`normalise_lines` in Python: `normalise_marker` of every text, with C-level passes over
    the texts joined by "\n" (the reference of `warta._textscan.normalised_lines`)."""
    if joined is None:
        joined = "\n".join(texts)
    # NFKC leaves ASCII alone and never composes across "\n", so the page can be checked whole,
    # and normalised line by line: only the lines it changes (a page with an ellipsis or a
    # no-break space somewhere need not be normalised whole, several times slower).
    if not joined.isascii() and not unicodedata.is_normalized("NFKC", joined):
        joined = "\n".join(map(_nfkc_line, joined.split("\n")))
    lowered = joined.lower()
    lines = lowered.split("\n")
    if len(lines) != len(texts):  # a text with a line break inside: normalise one by one
        return [_normalise_marker(t) for t in texts]
    # Every whitespace character but the space is unprintable: where each line is printable and
    # no two spaces meet (most pages), single spaces are all the whitespace there is, and
    # collapsing it changes nothing but the spaces at a line's edges, which the edge strip takes.
    if "  " not in lowered and all(map(str.isprintable, lines)):
        return list(map(_STRIP_EDGE, lines))
    # " ".join(split()) collapses whitespace like `\s+` -> " " and drops it at the edges, which the
    # edge strip would remove anyway.
    return list(map(_STRIP_EDGE, map(" ".join, map(str.split, lines))))


class _Normalisers(NamedTuple):
    """The compiled `normalise_marker` of one text and of a list of them (`warta._textscan`)."""

    one: Callable[[str, str], str]
    each: Callable[[list[str], str], list[str]]


# Texts on which the compiled normalisers must answer as the Python ones: each str width, every
# kind of whitespace, edge punctuation inside and outside, case that changes length or context
# ("İ", final sigma), compatibility forms ("ﬁ", "①", full-width), astral code points, line breaks.
_PROBE = [
    *["", " ", "Baca Juga:", "  Baca\tJUGA:  ", "-- x --", "»› Berita •", ":.-–—|»›>•*·#"],
    *["İstanbul \u212a", "ΟΔΟΣ ΣΑΣ", "ﬁnal ① ＡＢＣ", "a\u00a0b\u2003c\u3000d", "x\x1cy\x1fz", "e\u0301"],
    *["🌉 Мост 🌉", "ſ ß", "a\nb", "\n", "line\r\nnext", "\x85·x·\u2028", "TAGS # x", "ǅ ǈ"],
]


def _compiled_normalisers() -> _Normalisers | None:
    """`warta._textscan.normalised` and `normalised_lines` where they are built and agree with
    `_normalise_marker` and `_normalise_lines` on `_PROBE`; None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta._textscan import normalised, normalised_lines
    except ImportError:
        return None
    expected = list(map(_normalise_marker, _PROBE))
    if (
        [normalised(text, EDGE_PUNCTUATION) for text in _PROBE] != expected
        or normalised_lines(_PROBE, EDGE_PUNCTUATION) != expected
        or normalised_lines([text for text in _PROBE if "\n" not in text], EDGE_PUNCTUATION)
        != _normalise_lines([text for text in _PROBE if "\n" not in text])
    ):
        set_aside("normalisation", "Python")
        return None
    return _Normalisers(normalised, normalised_lines)


_COMPILED = _compiled_normalisers()


# Lexicon phrases match whole words: "berikan donasi" must not fire inside "memberikan donasi",
# "iklan" inside "mengiklankan", "share" inside "shareholders". A phrase whose first (last)
# character is a letter needs a non-letter, or the text's edge, before (after) it; an edge that
# is not a letter ("©", "baca juga:", "(foto:") stays free. Letters, not regex word characters:
# a digit glued to a phrase is not a longer word ("5min read", "copyright2024", "©2024").


def phrase_edges(phrase: str) -> tuple[bool, bool]:
    """Whether `phrase` needs a word boundary before it and after it (its edge is a letter)."""
    return phrase[:1].isalpha(), phrase[-1:].isalpha()


def at_word_edges(text: str, start: int, end: int, edges: tuple[bool, bool]) -> bool:
    """Whether `text[start:end]` has no letter against it on a side that `edges` guards."""
    return not (
        (edges[0] and start > 0 and text[start - 1].isalpha()) or (edges[1] and text[end : end + 1].isalpha())
    )


def phrase_in(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words (see `phrase_edges`)."""
    edges, size = phrase_edges(phrase), len(phrase)
    at = text.find(phrase)
    while at >= 0:
        if at_word_edges(text, at, at + size, edges):
            return True
        at = text.find(phrase, at + 1)
    return False


def trie_pattern(words: Iterable[str], space: str | None = None) -> str:
    """A regex matching exactly `words`, factored by common prefixes (one branch per next character).

    `space`: the pattern a space in a word stands for (by default a literal space; the date
    grammar passes `\\s+`).

    Anchored (`.match`) it answers `text.startswith(words)`; searched, it finds where any of them
    occurs. Either costs a few steps where a tuple of phrases costs one comparison per phrase.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if space is not None and ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) if root else "(?!)"


@dataclass(frozen=True, slots=True)
class _NeedleIndex:
    """Needle lists compiled for `JoinedLines.containing_each`.

    A phrase of several words is found from its first space: a literal space first, which the
    regex engine skips to, trying the phrases' rests (what follows the first space) only there;
    then its first word is checked before the space. A single word is found where it starts,
    or, where it ends in a character other than a letter or digit ("foto:"), where it ends.
    """

    # Each tried at every position where the one before failed or matched (`search` from one
    # past the last match): it matches the longest rest, after its space, or the longest single
    # word starting there.
    patterns: tuple[re.Pattern[str], ...]
    # The single words, where they are few: each looked for with `str.find`, a C scan far cheaper
    # than a regex tried at every position of the page (then `patterns` holds none for them).
    words: tuple[str, ...]
    # A match of `patterns` (or a word of `words`) -> each needle found where the match starts if
    # it is there: the text before the match (the needle's first word; "" for a single word),
    # the needle's length, the numbers of the lists holding it, and the word edges it needs.
    # The other rests and words that match at a position are prefixes of the longest one there.
    ending: dict[str, tuple[tuple[str, int, tuple[int, ...], tuple[bool, bool]], ...]]
    # Where there are many single words, those that end in a character other than a letter or
    # digit ("foto:", "©"), reversed: searched in the reversed text, the engine skips to those rare last characters
    # where a forward search would try every letter. A match -> the length, lists and word edges
    # of each such word that ends where the match (the longest of them there) starts.
    backwards: re.Pattern[str] | None
    ending_backwards: dict[str, tuple[tuple[int, tuple[int, ...], tuple[bool, bool]], ...]]
    # `patterns[0]`, the phrases' rests after their first space, compiled to C where it is built
    # (`_spaced_trie`): its `after(text, " ")` gives the matches `patterns[0]` finds, at once.
    spaced: CompiledTrie | None = None


@lru_cache(maxsize=16)
def _needle_index(lists: tuple[tuple[str, ...], ...], whole_words: bool) -> _NeedleIndex | None:
    """`lists` compiled for `JoinedLines.containing_each`; None where a needle is empty or holds a
    "\n" (it could match across lines or everywhere): such lists are searched line by line."""
    if any("\n" in needle or not needle for needles in lists for needle in needles):
        return None
    every = list(dict.fromkeys(needle for needles in lists for needle in needles))
    owners = {needle: tuple(k for k, needles in enumerate(lists) if needle in needles) for needle in every}
    # A phrase's match: its first space and its rest; a single word's: itself.
    heads = {needle: needle.split(" ", 1)[0] if " " in needle else "" for needle in every}
    tails = {needle: needle[len(heads[needle]) :] for needle in every}
    rests = [tails[needle][1:] for needle in every if " " in needle]
    edges = {needle: phrase_edges(needle) if whole_words else (False, False) for needle in every}
    # Where the single words are few, each is looked for with `str.find`; else those ending in a
    # mark are looked for backwards.
    few = sum(" " not in needle for needle in every) <= _FOUND_ONE_BY_ONE
    backwards = [
        needle[::-1] for needle in every if not few and " " not in needle and not needle[-1].isalnum()
    ]
    forwards = [needle for needle in every if few or " " in needle or needle[-1].isalnum()]
    singles = [needle for needle in forwards if " " not in needle]
    patterns = [re.compile(f" (?:{trie_pattern(rests)})")] if rests else []
    words: tuple[str, ...] = tuple(singles)
    if len(singles) > _FOUND_ONE_BY_ONE:
        patterns.append(re.compile(trie_pattern(singles)))
        words = ()
    # What a pattern matches (or a word is) is some needle's tail: its first space on, or itself.
    matches = {tails[needle] for needle in forwards}
    ending = {
        match: tuple(
            (heads[needle], len(needle), owners[needle], edges[needle])
            for needle in forwards
            if match.startswith(tails[needle])
        )
        for match in matches
    }
    ending_backwards = {
        match: tuple(
            (len(word), owners[word[::-1]], edges[word[::-1]]) for word in backwards if match.startswith(word)
        )
        for match in backwards
    }
    backwards_pattern = re.compile(trie_pattern(backwards)) if backwards else None
    spaced = _spaced_trie(rests, patterns[0], [*every, *rests]) if rests else None
    index = _NeedleIndex(tuple(patterns), words, ending, backwards_pattern, ending_backwards, spaced)
    if spaced is not None:
        # The lines flagged with the compiled trie, as without it: each needle alone on a line,
        # glued to letters, after a letter, and all of them on one line.
        plain = _NeedleIndex(tuple(patterns), words, ending, backwards_pattern, ending_backwards)
        lines = [*every, *(f"x{n}" for n in every), *(f"{n}x" for n in every), " ".join(every), "İ \u212a 🌉"]
        probe = JoinedLines.of(lines)
        if probe.flags_of(index, len(lists)) != probe.flags_of(plain, len(lists)):
            set_aside("phrase flags", "Python")
            return plain
    return index


class CompiledTrie(Protocol):
    """`warta.classify._labelscan.Trie`: words in a trie of code points, searched in C."""

    def after(self, text: str, lead: str) -> list[tuple[int, str]]:
        """(at, match): the longest word right after each occurrence of `lead`, with `lead`."""

    def opening(self, lines: list[str], tail: str) -> list[int]:
        """The rows of `lines` that open with a word, once `tail` is put after each."""

    def closing(self, lines: list[str]) -> list[int]:
        """The rows of `lines` that end with a word read backwards (the words stored reversed)."""

    def flag_after(
        self,
        text: str,
        lead: str,
        starts: list[int],
        flags: list[list[bool]],
        ending: dict[str, tuple[tuple[str, int, tuple[int, ...], tuple[bool, bool]], ...]],
    ) -> None:
        """`JoinedLines._flag_ending` of each match of `after(text, lead)`, in C."""


def _closing_trie(suffixes: tuple[str, ...]) -> CompiledTrie | None:
    """`suffixes` reversed in the compiled `_labelscan.Trie` where it is built and `closing`
    agrees with `str.endswith(suffixes)` on a probe; None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify._labelscan import Trie
    except ImportError:
        return None
    trie: CompiledTrie = Trie([suffix[::-1] for suffix in suffixes])
    lines = [
        *suffixes,
        *(s[1:] for s in suffixes),
        *("x" + s for s in suffixes),
        *(s + "x" for s in suffixes),
    ]
    lines += [*(s.upper() for s in suffixes), "", " ", "İstanbul \u212a", "🌉 𝐀𝐁"]
    if trie.closing(lines) != [row for row, line in enumerate(lines) if line.endswith(suffixes)]:
        set_aside("suffix trie", "str.endswith")
        return None
    return trie


def _opening_trie(prefixes: list[str], pattern: re.Pattern[str]) -> CompiledTrie | None:
    """`prefixes` as the compiled `_labelscan.Trie` where it is built and `opening` agrees with
    `pattern` (their `trie_pattern`) on a probe: the prefixes whole, cut short, run on, upper-cased
    and non-ASCII lines. None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify._labelscan import Trie
    except ImportError:
        return None
    trie: CompiledTrie = Trie(prefixes)
    lines = [
        *prefixes,
        *(p[:-1] for p in prefixes),
        *(p + "x" for p in prefixes),
        *(p.upper() for p in prefixes),
    ]
    lines += ["", " ", "İstanbul \u212a", "🌉 𝐀𝐁"]
    for tail in ("", " "):
        if trie.opening(lines, tail) != [row for row, line in enumerate(lines) if pattern.match(line + tail)]:
            set_aside("prefix trie", "the regex")
            return None
    return trie


def spaced_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    """(start, match) of each match of `pattern` searched from one past the last one's start, as
    `JoinedLines.containing_each` searches (the reference of `_labelscan.Trie.after`)."""
    found = []
    match = pattern.search(text)
    while match is not None:
        found.append((match.start(), match.group()))
        match = pattern.search(text, match.start() + 1)
    return found


def _spaced_trie(rests: list[str], pattern: re.Pattern[str], samples: list[str]) -> CompiledTrie | None:
    """`rests` as the compiled `_labelscan.Trie` where it is built and finds what `pattern` (`" "`,
    then `rests`' trie) finds in a probe made of `samples` (the needles and rests, whole and cut
    short, and non-ASCII text); None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify._labelscan import Trie
    except ImportError:
        return None
    trie: CompiledTrie = Trie(rests)
    cut = [sample[: len(sample) // 2] for sample in samples]
    probe = " " + " ".join([*samples, *cut, "İstanbul \u212a 🌉 𝐀𝐁 x  y", *samples[::-1]]) + " "
    for text in (probe, probe[: len(probe) // 3], "", " ", probe.upper()):
        if trie.after(text, " ") != spaced_matches(pattern, text):
            set_aside("phrase trie", "the regex")
            return None
    return trie


# The most single-word needles looked for with `str.find` rather than a regex: a scan in C per word
# costs less than a trie regex tried at every position of the page up to a dozen words (the ten
# of eleven lexicons' substring markers: 0.4M instructions a page less than the regex at 6).
_FOUND_ONE_BY_ONE = 12


@dataclass(frozen=True, slots=True)
class JoinedLines:
    """Lines joined by "\\n", for phrase tests of every line at once.

    One C substring search per needle over the joined lines is far cheaper than an alternation
    regex tried at every position of every line; needles are rare, so their occurrences are few,
    and each is then checked for word edges in Python. "\\n" is no letter: a line's ends are edges.
    Several needle lists at once (`containing_each`) cost less still as one trie regex, tried
    only where a needle can start.
    """

    lines: list[str]
    joined: str
    starts: list[int]  # offset of each line in `joined`

    @classmethod
    def of(cls, lines: list[str]) -> JoinedLines:
        # Each line starts one past the end of the one before (the "\\n").
        starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0)) if lines else []
        return cls(lines, "\n".join(lines), starts)

    def containing(self, needles: tuple[str, ...], *, whole_words: bool = True) -> list[bool]:
        """Which lines contain any of `needles` (`Lexicon.contains_any`, line by line); with
        `whole_words` False, as plain substrings (`Lexicon.contains_substring`)."""
        lines = self.lines
        if "" in needles:
            return [True] * len(lines)
        flags = [False] * len(lines)
        joined, starts = self.joined, self.starts
        for needle in needles:
            if "\n" in needle:  # could match across lines: test line by line
                for i, line in enumerate(lines):
                    flags[i] = flags[i] or (phrase_in(line, needle) if whole_words else needle in line)
                continue
            at = joined.find(needle)
            if at < 0:  # the common case: a needle the page does not hold
                continue
            edges = phrase_edges(needle) if whole_words else (False, False)
            size = len(needle)
            while at >= 0:
                if at_word_edges(joined, at, at + size, edges):
                    flags[bisect_right(starts, at) - 1] = True
                at = joined.find(needle, at + 1)
        return flags

    def holding_substring(self, needles: tuple[str, ...]) -> set[int]:
        """Indices of the lines in which one of `needles` occurs anywhere, inside words too: one
        search of `Lexicon.contains_substring`'s trie over the joined lines (faster than
        `containing(..., whole_words=False)`'s search per needle when the needles are many)."""
        if any("\n" in needle for needle in needles):  # could match across lines
            return {k for k, hit in enumerate(self.containing(needles, whole_words=False)) if hit}
        starts = self.starts
        return {bisect_right(starts, m.start()) - 1 for m in _contains_pattern(needles).finditer(self.joined)}

    def containing_each(
        self, lists: tuple[tuple[str, ...], ...], *, whole_words: bool = True
    ) -> list[list[bool]]:
        """`containing` of each needle list in `lists`, in a regex search or two.

        Each search stops at the positions where a needle's tail can start (its first space, or a
        single word's start), one after another, and reports the longest tail there; each needle
        with that tail or a shorter one is then checked where it would start: its first word
        before the tail, its word edges.
        """
        index = _needle_index(lists, whole_words)
        if index is None:
            return [self.containing(needles, whole_words=whole_words) for needles in lists]
        return self.flags_of(index, len(lists))

    def flags_of(self, index: _NeedleIndex, count: int) -> list[list[bool]]:
        """`containing_each` of the `count` needle lists compiled in `index`."""
        joined, ending = self.joined, index.ending
        flags = [[False] * len(self.lines) for _ in range(count)]
        patterns = index.patterns
        if index.spaced is not None:  # the first pattern's matches, found and flagged in C
            index.spaced.flag_after(joined, " ", self.starts, flags, ending)
            patterns = patterns[1:]
        for pattern in patterns:
            found = pattern.search(joined)
            while found is not None:
                at = found.start()
                self._flag_ending(flags, at, ending[found.group()])
                found = pattern.search(joined, at + 1)
        for word in index.words:
            at = joined.find(word)
            while at >= 0:
                self._flag_ending(flags, at, ending[word])
                at = joined.find(word, at + 1)
        if index.backwards is not None:
            self._flag_backwards(flags, index.backwards, index.ending_backwards)
        return flags

    def _flag_backwards(
        self,
        flags: list[list[bool]],
        backwards: re.Pattern[str],
        ending: dict[str, tuple[tuple[int, tuple[int, ...], tuple[bool, bool]], ...]],
    ) -> None:
        """Flag the lines of the words `backwards` finds in the reversed text (`_NeedleIndex`)."""
        reversed_text, size = self.joined[::-1], len(self.joined)
        found = backwards.search(reversed_text)
        while found is not None:
            at = found.start()
            end = size - at  # where the words found end in `joined`
            for length, owners, edges in ending[found.group()]:
                self._flag_at(flags, end - length, end, owners, edges)
            found = backwards.search(reversed_text, at + 1)

    def _flag_ending(
        self,
        flags: list[list[bool]],
        at: int,
        needles: tuple[tuple[str, int, tuple[int, ...], tuple[bool, bool]], ...],
    ) -> None:
        """Flag, in the lists that hold it, the line of each of `needles` (`_NeedleIndex.ending`)
        that occurs with its tail at `at`."""
        for head, size, owners, edges in needles:
            start = at - len(head)
            if start >= 0 and self.joined.startswith(head, start):
                self._flag_at(flags, start, start + size, owners, edges)

    def _flag_at(
        self, flags: list[list[bool]], start: int, end: int, owners: tuple[int, ...], edges: tuple[bool, bool]
    ) -> None:
        """Flag the line where `joined[start:end]` starts, in each list of `owners`, if no letter
        stands against it on a side that `edges` guards."""
        if at_word_edges(self.joined, start, end, edges):
            row = bisect_right(self.starts, start) - 1
            for k in owners:
                flags[k][row] = True


def verified_substring_set(
    needles: tuple[str, ...],
    probes: list[str],
    agrees: Callable[[SubstringSet, list[str]], bool],
) -> SubstringSet | None:
    """`needles` compiled (`warta._textscan.SubstringSet`, whose Python side is
    `Lexicon.contains_substring` and `JoinedLines.holding_substring`) where it is built, wanted
    and `agrees(found, texts)` with the caller's Python reference on `probes` and on the needles
    themselves, whole and cut short at either end; None otherwise (set aside with a warning where
    it disagrees), with an empty needle, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted() or "" in needles:
        return None
    try:
        from warta._textscan import SubstringSet
    except ImportError:
        return None
    found = SubstringSet(needles)
    cut = [*needles, *(n[1:] for n in needles), *(n[:-1] for n in needles)]
    if agrees(found, probes) and agrees(found, cut):
        return found
    set_aside("substring set", "Python")
    return None


@dataclass(frozen=True, slots=True)
class Calendar:
    """Calendar words of one language, used by `warta.meta.dates`."""

    language: str
    months: dict[str, int]
    weekdays: dict[str, int]
    time_words: tuple[str, ...]
    relative: dict[str, str]
    ago_words: tuple[str, ...]  # after the count: "3 hours ago", "2 часа назад"
    units: dict[str, str]
    numbers: dict[str, int]
    timezones: dict[str, str]
    day_periods: dict[str, tuple[int, int]]
    # "dmy" or "mdy": how to read 03/04/2025 when either part could be the month.
    numeric_order: str = "dmy"
    # The same by the page's locale ("en-us" -> "mdy", "en-gb" -> "dmy"), where the page states one
    # (`<html lang>`, og:locale): it decides for that page whatever the languages loaded are.
    locale_numeric_order: dict[str, str] = field(default_factory=dict)
    weekday_prefix: tuple[str, ...] = ()
    weekday_suffix: tuple[str, ...] = ()
    am_pm: dict[str, int] = field(default_factory=dict)
    ordinal_suffixes: tuple[str, ...] = ()
    modified_markers: tuple[str, ...] = ()
    published_markers: tuple[str, ...] = ()
    # Words joining day, month and year: "5 de outubro de 2024", "12 de marzo de 2023".
    connectors: tuple[str, ...] = ()
    # Words before the count that make it a time ago: "vor 3 Stunden", "il y a 2 heures", "hace 2 días".
    ago_prefix: tuple[str, ...] = ()
    # Letters between hour and minute besides ":" and ".": "07h05".
    hour_marks: tuple[str, ...] = ()
    # Years a local era counts ahead of the Gregorian calendar: the Thai Buddhist era's 543
    # ("12 มี.ค. 2568" is 12 March 2025). A year past the plausible range is read back by one.
    era_offsets: tuple[int, ...] = ()
    # The marks after a date's year, month and day where they are written so ("2025年3月12日"):
    # three strings, or none.
    ymd_marks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Merged markers and words of the loaded languages."""

    languages: tuple[str, ...]
    # The language whose `[page_language]` entries this lexicon holds besides (the lexicon of a
    # page in that language); None for the lexicon of every page.
    page_language: str | None
    # The languages of `languages` whose files hold `[page_language]` entries: only a page in
    # one of them reads a lexicon of its own.
    gated_languages: frozenset[str]
    read_also_prefix: tuple[str, ...]
    related_header: frozenset[str]
    sidebar_header: frozenset[str]
    comment_header: frozenset[str]
    comment_form: tuple[str, ...]
    comment_widget: frozenset[str]
    comment_count_words: frozenset[str]
    comment_badge: frozenset[str]
    comment_attribution: tuple[str, ...]
    promo_line: frozenset[str]
    promo_prefix: tuple[str, ...]
    share_line: frozenset[str]
    nav_line: frozenset[str]
    footer_contains: tuple[str, ...]
    tags_prefix: tuple[str, ...]
    tags_header: frozenset[str]  # a header alone on its line over one tag per line
    # A label inside a footer line, before its tag links ("Posted in News Tagged a, b, c").
    tags_inline: tuple[str, ...]
    page_break: frozenset[str]  # a link to the article's next page, alone on its line
    caption_prefix: tuple[str, ...]
    # Words that open a parenthesised image credit: "(Foto: …)", "(ANTARA/…)", "(Reuters)".
    credit_words: tuple[str, ...]
    # Picture agencies and stock libraries named in a photo credit: "Jane Doe | Getty Images".
    photo_agencies: frozenset[str]
    # A photo gallery's slide counter: "Image 2 of 5", "Foto 2 dari 5" (the noun, the word between the numbers).
    gallery_nouns: frozenset[str]
    gallery_of: frozenset[str]
    nav_phrases: tuple[str, ...]
    consent_contains: tuple[str, ...]
    # A newsletter or subscription pitch: a short line containing one of these is never article text.
    promo_contains: tuple[str, ...]
    caption_in_parens: tuple[str, ...]
    related_header_prefix: tuple[str, ...]
    # "About Jane Doe", "Sobre Carlos Nadalim": the header of an author or company box after the article
    bio_header_prefix: tuple[str, ...]
    # "Sources:", "Our Sources": the header of the source list that ends a fact-check
    source_list_header: frozenset[str]
    # "Acme is a global provider of …": the opening of a company's boilerplate after a press release
    company_intro: tuple[str, ...]
    related_header_suffix: tuple[str, ...]
    # "Źródło:", "Source:": a labelled source line; one closing a story is no body
    # (`classify.tail.unmark_source_line`, which reads the prefixes with their colon only)
    source_prefix: tuple[str, ...]
    author_prefix: tuple[str, ...]
    name_separators: tuple[str, ...]  # what joins names in a byline ('and', 'dan', '&')
    # Words that split a byline's names ("A and B"): in any case; only all lower or all upper case
    # ("dan", "DAN", not the given name "Dan"); on a credit line only, not in a markup value.
    name_joiners: tuple[str, ...]
    cased_joiners: tuple[str, ...]
    credit_line_joiners: tuple[str, ...]
    editor_prefix: tuple[str, ...]
    photographer_prefix: tuple[str, ...]
    team_prefix: tuple[str, ...]
    # The last words of a desk's name after the outlet's: "Jerusalem Post Staff", "The Upwork Team".
    team_suffix: tuple[str, ...]
    byline_junk: tuple[str, ...]
    byline_roles: frozenset[str]
    # "md", "phd", "jr": what follows a name after a comma and is no second person (written without dots)
    name_suffixes: frozenset[str]
    # "bin", "van", "de": lower-case words inside a person's name ("Ahmad bin Ismail", "Juan dela Cruz")
    name_particles: frozenset[str]
    # "is", "adalah": the word after a first name that opens an author's bio ("Nawaz is building …")
    bio_verbs: frozenset[str]
    # "updated", "view": a word that ends the name it follows in a credit clause, where the
    # template runs the date's label or a link after the name ("By A Updated on …")
    name_enders: frozenset[str]
    # "blog", "magazine": a word that makes a name on a site's home link the site's, no owner's
    site_words: frozenset[str]
    credit_labels: dict[str, str]  # a credit prefix alone on its line ("editor", "penulis") → its role
    agencies: tuple[str, ...]
    # "breaking", "update", "eksklusif": upper-case labels that open a lead with a colon and are no
    # place ("BREAKING: …" is no dateline where "KUALA LUMPUR: …" is one)
    lead_labels: frozenset[str]
    stopwords: frozenset[str]
    stopwords_by_language: dict[str, frozenset[str]]
    speech_verbs: frozenset[str]
    calendars: tuple[Calendar, ...]
    # Single words of the calendars (months, weekdays, zones, units...): "is this line a date?"
    date_words: frozenset[str] = frozenset()
    # The calendars' month names of 3+ characters ("mei", "march"): "does this line name a month?"
    month_words: frozenset[str] = frozenset()
    # Compiled date patterns of `calendars`, built once by `load_lexicon`.
    date_grammar: DateGrammar | None = None
    # "Correction", "Update", "Editor's note": the label of an editor's note on the story itself
    # ("Correction, March 4: An earlier version of this article misstated …"), with its colon
    # (or a comma, a date and the colon) after it: the note is the story's (`layout`).
    note_label: tuple[str, ...] = ()
    # Whether a space parts two names in a credit (`[byline] space_parts_names`): the language
    # writes a name without one ('记者 王晓明 周婷', Chinese).
    space_parts_names: bool = False
    # "waktu baca", "min read": a short line with a number and one of these is a reading-time line.
    reading_time: tuple[str, ...] = ()
    # "dilihat", "kali", "views": the words of a view-counter line ("Dilihat 1.284 kali", "1,284
    # views"), a page's statistics, never article text: one number and these words only.
    view_count_words: frozenset[str] = frozenset()
    # A fact-check's verdict box ("Klaim: … / Faktanya: … / Kesimpulan: Hoaks"): a line opening
    # with a claim label, then lines each opening with a verdict label, sum the check up.
    claim_prefix: tuple[str, ...] = ()
    verdict_prefix: tuple[str, ...] = ()
    # Abbreviated credit labels with their colon ("rep:", "red:"): never matched without it.
    author_abbrev: tuple[str, ...] = ()
    editor_abbrev: tuple[str, ...] = ()
    # The credit prefixes by role (editor, photographer, author; abbreviations with their
    # role's words), and all of them in that order: what opens a credit clause.
    credit_prefixes: tuple[tuple[tuple[str, ...], str], ...] = ()
    credit_starts: tuple[str, ...] = ()
    # The credit prefixes the lexicon writes with a colon ("author:", "editor:"), without it:
    # a label that needs its colon before a one-word value ("Author Spotlight" is a heading).
    colon_prefixes: frozenset[str] = frozenset()
    # "Thread starter", "Pembuat thread": the credit of a forum thread's first post, whose name is
    # often a login name ("paulb203"); also among the author prefixes of `credit_prefixes`.
    starter_prefix: frozenset[str] = frozenset()
    # "asked Feb 4, 2014": what a Q&A site prints above the asker's name, the question's author.
    asker_prefix: tuple[str, ...] = ()
    # "learn", "features", "information": ordinary lower-case words (English ones), all a button's
    # or a section's label is made of and no person's name ("Learn More", "Key Features"); "buy",
    # "shop", "join": words that open a call to action ("Shop All Crocs", "Join AMA"), never a name
    common_words: frozenset[str] = frozenset()
    action_words: frozenset[str] = frozenset()
    # Forms of the fields above built on first use (`starts_with_pattern`, `menu_words`); not data.
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    # `contains_substring`'s compiled needle sets, by the needles' `id` (each kept with its
    # needles, so that an id reused by another tuple is told apart); not data.
    _substring_sets: dict[int, tuple[tuple[str, ...], SubstringSet | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def starts_with_pattern(self, *names: str) -> re.Pattern[str]:
        """A regex whose `.match(text)` says `text.startswith(prefixes)`, `prefixes` the tuple fields
        called `names` together: a trie tries a few characters where a tuple of prefixes costs one
        comparison per prefix (read for every line of every page)."""
        key = "starts_with:" + " ".join(names)
        pattern: re.Pattern[str] | None = self._derived.get(key)
        if pattern is None:
            prefixes = [prefix for name in names for prefix in getattr(self, name)]
            pattern = self._derived[key] = re.compile(trie_pattern(prefixes))
        return pattern

    def spaced_openers(self, name: str) -> tuple[str, ...]:
        """The prefixes of the tuple field `name` of two words or more, colon trimmed, each with
        a space after, in the field's order: `text.startswith(bare + " ")` for each such `bare`
        is `text.startswith(opener)` for its opener."""
        key = "spaced_openers:" + name
        openers: tuple[str, ...] | None = self._derived.get(key)
        if openers is None:
            bares = (prefix.rstrip(":") for prefix in getattr(self, name))
            openers = self._derived[key] = tuple(bare + " " for bare in bares if " " in bare)
        return openers

    def starts_with_trie(self, *names: str) -> CompiledTrie | None:
        """`starts_with_pattern(*names)` compiled to C (`warta.classify._labelscan.Trie`): its
        `opening(lines, tail)` gives the lines that `.match` (with `tail` after each) at once;
        None where it is not built, disagrees with the regex on a probe, or with WARTA_PURE_PYTHON."""
        key = "starts_with_trie:" + " ".join(names)
        if key not in self._derived:
            prefixes = [prefix for name in names for prefix in getattr(self, name)]
            self._derived[key] = _opening_trie(prefixes, self.starts_with_pattern(*names))
        trie: CompiledTrie | None = self._derived[key]
        return trie

    def ends_with_trie(self, name: str) -> CompiledTrie | None:
        """The suffixes of the tuple field `name` reversed in a compiled trie: its `closing(lines)`
        gives the lines that end with one, `line.endswith(suffixes)`, at once; None where it is
        not built, disagrees with `str.endswith` on a probe, or with WARTA_PURE_PYTHON."""
        key = "ends_with_trie:" + name
        if key not in self._derived:
            self._derived[key] = _closing_trie(getattr(self, name))
        trie: CompiledTrie | None = self._derived[key]
        return trie

    def ends_with_attribution(self, lowered: str) -> bool:
        """`lowered.endswith(comment_attribution)`, the last character tested first: most lines
        end in none of the attributions' last characters."""
        lasts = self.attribution_lasts()
        return (lowered[-1:] in lasts or "" in lasts) and lowered.endswith(self.comment_attribution)

    def attribution_lasts(self) -> frozenset[str]:
        """The last characters of `comment_attribution` ("" for an empty one): a text ending in
        none of them ends in no attribution."""
        lasts: frozenset[str] | None = self._derived.get("attribution_lasts")
        if lasts is None:
            lasts = self._derived["attribution_lasts"] = frozenset(a[-1:] for a in self.comment_attribution)
        return lasts

    def menu_words(self) -> frozenset[str]:
        """`nav_line | share_line`: the single words menu and share rows are made of."""
        words: frozenset[str] | None = self._derived.get("menu_words")
        if words is None:
            words = self._derived["menu_words"] = self.nav_line | self.share_line
        return words

    def is_reading_time(self, text: str) -> bool:
        """'waktu baca 3 menit', '5 min read', 'Reading time: 4 minutes'."""
        return (
            len(text.split()) <= 8
            and any(c.isdigit() for c in text)
            and self.contains_any(normalise_marker(text), self.reading_time)
        )

    def is_view_count(self, norm: str) -> bool:
        """'dilihat 1.284 kali', '1,284 views' (`norm` normalised): one number, and the rest
        words of `view_count_words` (one at least)."""
        words = norm.split()
        if not 2 <= len(words) <= 4:
            return False
        numbers = [w for w in words if w.replace(".", "").replace(",", "").isdigit()]
        return len(numbers) == 1 and all(w in self.view_count_words for w in words if w not in numbers)

    def starts_with_any(self, normalised: str, prefixes: tuple[str, ...]) -> bool:
        return normalised.startswith(prefixes)  # str.startswith scans a tuple in C

    def is_comment_header(self, normalised: str) -> bool:
        """'Leave a Reply', 'Komentar', or a count: '34 responses to …', '12 komentar'."""
        if normalised in self.comment_header:
            return True
        if not normalised.lstrip()[:1].isdigit():  # no count first: skip the split (most lines)
            return False
        return self.is_comment_count(normalised)

    def is_comment_count(self, normalised: str) -> bool:
        """A thread's count: '34 responses to …', '12 komentar'."""
        head = normalised.split(maxsplit=2)
        # "0 comments" counts a thread that isn't there: nothing follows it
        return (
            len(head) >= 2 and head[0].isdigit() and int(head[0]) > 0 and head[1] in self.comment_count_words
        )

    def ends_with_credit(self, normalised: str) -> bool:
        """'… the hibernation module. credit: esa': a caption closed by its image credit."""
        # Every credit label ends in a colon: a line without one is skipped without the regex.
        return ":" in normalised and _credit_pattern(self.caption_prefix).search(normalised) is not None

    def contains_any(self, normalised: str, needles: tuple[str, ...]) -> bool:
        """Whether any of `needles` occurs in `normalised` as whole words (`phrase_in`)."""
        # The substring test first, the word edges only on a hit: lookarounds in the
        # alternation would cost 10-30 times as much on the lines that hold no phrase at all.
        if not self.contains_substring(normalised, needles):
            return False
        return any(phrase_in(normalised, p) for p in needles)

    def contains_substring(self, normalised: str, needles: tuple[str, ...]) -> bool:
        """Whether any of `needles` occurs in `normalised` anywhere, inside a word too: for
        pre-tests whose exact check comes after, and for features trained on substrings.

        One C loop over the text (`warta._textscan.SubstringSet`, several times cheaper than the
        trie regex's search on a line) where it is built and agrees with the regex on probes;
        the regex (`_contains_pattern`) otherwise."""
        held = self._substring_sets.get(id(needles))
        if held is None or held[0] is not needles:
            if len(self._substring_sets) >= _MAX_SUBSTRING_SETS:  # (a caller's own tuples, each new)
                self._substring_sets.clear()
            held = self._substring_sets[id(needles)] = (needles, _checked_substring_set(needles))
        found = held[1]
        if found is not None:
            return found.found_in(normalised)
        return _contains_pattern(needles).search(normalised) is not None


# How many needle tuples a lexicon keeps compiled (its own fields are a dozen).
_MAX_SUBSTRING_SETS = 64
# Texts on which a compiled `SubstringSet` must answer as the search it replaces does (here
# `_contains_pattern`'s, in meta/byline `JoinedLines.holding_substring`'s): each
# str width, needles at a text's edges, inside words, cut short by its end.
SUBSTRING_PROBES = [
    "oleh budi",
    "редактор x",
    "nothing here",
    "foo by",
    "",
    "édité par ab",
    "b",
    "xфото",
    "🌉 by 🌉",
    "🌉 b",
    "penulis: a\nb",
    "baby",
]


def _checked_substring_set(needles: tuple[str, ...]) -> SubstringSet | None:
    """`needles` compiled for `Lexicon.contains_substring` where the compiled set finds what the
    trie regex finds on `SUBSTRING_PROBES` and on the needles whole and cut short
    (`verified_substring_set`); None otherwise (no needle, an empty one, WARTA_PURE_PYTHON)."""
    if not needles:
        return None
    pattern = _contains_pattern(needles)

    def agrees(found: SubstringSet, texts: list[str]) -> bool:
        return all(found.found_in(text) == (pattern.search(text) is not None) for text in texts)

    return verified_substring_set(needles, SUBSTRING_PROBES, agrees)


@lru_cache(maxsize=8)
def _credit_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    labels = "|".join(re.escape(p) for p in prefixes if p.endswith(":") and p[0].isalpha())
    return re.compile(rf"[.!?)]\s+\(?(?:{labels})\s*[^.!?:]{{1,60}}\)?$" if labels else r"(?!)")


@lru_cache(maxsize=64)
def _contains_pattern(needles: tuple[str, ...]) -> re.Pattern[str]:
    """Found in a text exactly where one of `needles` is: one regex instead of a Python loop (this
    runs for every block), factored as a trie, so each text position costs the length of the
    needle there, not the number of needles (two to three times faster than a flat alternation
    on news lines). No needle, or one empty one, matches nowhere."""
    return re.compile(trie_pattern(needles) if "|".join(needles) else r"(?!)")


@lru_cache(maxsize=1)
def html_lexicon() -> dict[str, Any]:
    """`data/html.toml`: class/id tokens of HTML containers and of content/boilerplate wrappers."""
    text = (resources.files("warta.lexicon") / "data" / "html.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _read_language(language: str) -> dict[str, Any]:
    path = resources.files("warta.lexicon") / "data" / f"{language}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        from warta.errors import ConfigError

        raise ConfigError(
            f"no lexicon for language {language!r}: add src/warta/lexicon/data/{language}.toml"
        ) from exc


def _calendar(language: str, data: dict[str, Any]) -> Calendar:
    cal = data.get("calendar", {})
    months = {name: i + 1 for i, names in enumerate(cal.get("months", [])) for name in names}
    weekdays = {name: i for i, names in enumerate(cal.get("weekdays", [])) for name in names}
    periods = {k: (int(v[0]), int(v[1])) for k, v in cal.get("day_periods", {}).items()}
    return Calendar(
        language=language,
        months=months,
        weekdays=weekdays,
        time_words=tuple(cal.get("time_words", [])),
        relative=dict(cal.get("relative", {})),
        ago_words=tuple(cal.get("ago_words", [])),
        units=dict(cal.get("units", {})),
        numbers={k: int(v) for k, v in cal.get("numbers", {}).items()},
        timezones=dict(cal.get("timezones", {})),
        day_periods=periods,
        numeric_order=str(cal.get("numeric_order", "dmy")),
        locale_numeric_order={locale_key(k): str(v) for k, v in cal.get("locale_numeric_order", {}).items()},
        weekday_prefix=tuple(cal.get("weekday_prefix", [])),
        weekday_suffix=tuple(cal.get("weekday_suffix", [])),
        am_pm={k: int(v) for k, v in cal.get("am_pm", {}).items()},
        ordinal_suffixes=tuple(cal.get("ordinal_suffixes", [])),
        modified_markers=tuple(cal.get("modified_markers", [])),
        published_markers=tuple(cal.get("published_markers", [])),
        connectors=tuple(cal.get("connectors", [])),
        ago_prefix=tuple(cal.get("ago_prefix", [])),
        hour_marks=tuple(cal.get("hour_marks", [])),
        era_offsets=tuple(int(v) for v in cal.get("era_offsets", [])),
        ymd_marks=tuple(cal.get("ymd_marks", [])),
    )


_CREDIT_KEYS = (
    "author_prefix",
    "editor_prefix",
    "photographer_prefix",
    "reviewer_prefix",
    "translator_prefix",
)


def _colon_only(prefixes: list[str]) -> frozenset[str]:
    """The `prefixes` written with a colon ("author:"), without it, that none writes without one
    (Russian lists "автор" both ways)."""
    bare = {p for p in prefixes if not p.endswith(":")}
    return frozenset(p.removesuffix(":") for p in prefixes if p.endswith(":")) - bare


def _credit_labels(groups: tuple[tuple[str, list[str]], ...]) -> dict[str, str]:
    """Each credit prefix without its colon, mapped to its role; editor prefixes win ties."""
    labels: dict[str, str] = {}
    for role, prefixes in groups:
        for prefix in prefixes:
            labels.setdefault(prefix.rstrip(": "), role)
    return labels


# The table of a lexicon file that holds its entries for pages in its own language only.
PAGE_LANGUAGE_TABLE = "page_language"


def with_page_entries(data: dict[str, Any]) -> dict[str, Any]:
    """A lexicon file's data (`data`, as read) with the entries of its `[page_language]` table
    added to its sections: a list extended (a list of lists, such as the months, position by
    position), a table updated, a single value replaced. `data` is left as it is."""
    out = {name: dict(section) if isinstance(section, dict) else section for name, section in data.items()}
    for name, entries in data.get(PAGE_LANGUAGE_TABLE, {}).items():
        section = out.setdefault(name, {})
        for key, value in entries.items():
            section[key] = _joined_entry(section.get(key), value)
    return out


def _joined_entry(base: Any, added: Any) -> Any:
    """`added` joined to a section's `base` value (`with_page_entries`)."""
    if isinstance(base, list) and isinstance(added, list):
        if base and all(isinstance(v, list) for v in (*base, *added)):  # by position (months)
            return [
                [*(base[i] if i < len(base) else []), *(added[i] if i < len(added) else [])]
                for i in range(max(len(base), len(added)))
            ]
        return [*base, *added]
    if isinstance(base, dict) and isinstance(added, dict):
        return {**base, **added}
    return added


def has_page_entries(data: dict[str, Any]) -> bool:
    """Whether a lexicon file's data holds any entry for pages in its own language only."""
    return any(entries for entries in data.get(PAGE_LANGUAGE_TABLE, {}).values())


def locale_key(locale: str) -> str:
    """A locale as the lexicon's tables key it: lower case, "-" between its parts ("en_US" -> "en-us")."""
    return locale.strip().lower().replace("_", "-")


def language_of_tag(tag: str | None) -> str | None:
    """The language a page's language tag names, as the lexicon files are named: its primary
    subtag, lower case ("it-IT", "it_IT" -> "it"); None for no tag or one that names none ("*")."""
    primary = locale_key(tag or "").split("-", 1)[0]
    return primary if 2 <= len(primary) <= 3 and primary.isascii() and primary.isalpha() else None


def load_lexicon(languages: tuple[str, ...] = DEFAULT_LANGUAGES, page_language: str | None = None) -> Lexicon:
    """Load and merge the lexicons of `languages` (cached: lexicons are immutable); for a page in
    `page_language`, with the entries of that file's `[page_language]` table too, where it is one
    of `languages` and has some (else the merged lexicon itself)."""
    merged = _load_lexicon(languages, None)
    if page_language is None or page_language not in merged.gated_languages:
        return merged
    return _load_lexicon(languages, page_language)


@lru_cache(maxsize=8)
def _load_lexicon(languages: tuple[str, ...], page_language: str | None) -> Lexicon:
    """`load_lexicon`, `page_language` one of the gated languages of `languages`, or None."""
    read = {lang: _read_language(lang) for lang in languages}
    gated = frozenset(lang for lang, data in read.items() if has_page_entries(data))
    raw = {lang: with_page_entries(data) if lang == page_language else data for lang, data in read.items()}

    def merged(section: str, key: str) -> list[str]:
        values: list[str] = []
        for data in raw.values():
            values.extend(normalise_marker(v) for v in data.get(section, {}).get(key, []))
        return [v for v in dict.fromkeys(values) if v]

    def prefixes(section: str, key: str) -> list[str]:
        # A prefix written with a colon ("read:", "more:") must keep it, or it would
        # match every line that starts with the word ("reading", "moreover"). French
        # typography sets a space before the colon ("Mots-clés : Transports"): a colon
        # prefix is matched with that space too.
        values: list[str] = []
        for data in raw.values():
            for v in data.get(section, {}).get(key, []):
                norm = normalise_marker(v)
                if v.rstrip().endswith(":") and norm:
                    values.extend((norm + ":", norm + " :"))
                else:
                    values.append(norm)
        return [v for v in dict.fromkeys(values) if v]

    def longest_first(values: list[str]) -> tuple[str, ...]:
        return tuple(sorted(values, key=len, reverse=True))

    promo = merged("markers", "promo_line")
    stop_by_lang = {
        lang: frozenset(w.lower() for w in data.get("words", {}).get("stop", []))
        for lang, data in raw.items()
    }
    from warta.meta.datetext import build_grammar

    calendars = tuple(_calendar(lang, data) for lang, data in raw.items())
    author_prefix = longest_first(merged("byline", "author_prefix"))
    editor_prefix = longest_first(merged("byline", "editor_prefix"))
    photographer_prefix = longest_first(merged("byline", "photographer_prefix"))
    reviewer_prefix = longest_first(merged("byline", "reviewer_prefix"))
    translator_prefix = longest_first(merged("byline", "translator_prefix"))
    starter_prefix = longest_first(merged("byline", "starter_prefix"))
    author_abbrev = longest_first(prefixes("byline", "author_abbrev"))
    editor_abbrev = longest_first(prefixes("byline", "editor_abbrev"))
    credit_prefixes = (
        ((*editor_prefix, *editor_abbrev), "editor"),
        (photographer_prefix, "photographer"),
        (reviewer_prefix, "reviewer"),
        (translator_prefix, "translator"),
        ((*author_prefix, *starter_prefix, *author_abbrev), "author"),
    )
    return Lexicon(
        languages=languages,
        page_language=page_language,
        note_label=longest_first(merged("markers", "note_label")),
        space_parts_names=any(bool(data.get("byline", {}).get("space_parts_names")) for data in raw.values()),
        gated_languages=gated,
        read_also_prefix=longest_first(prefixes("markers", "read_also_prefix")),
        related_header=frozenset(merged("markers", "related_header")),
        sidebar_header=frozenset(merged("markers", "sidebar_header")),
        comment_header=frozenset(merged("markers", "comment_header")),
        comment_form=longest_first(merged("markers", "comment_form")),
        comment_widget=frozenset(merged("markers", "comment_widget")),
        comment_count_words=frozenset(merged("markers", "comment_count_words")),
        comment_badge=frozenset(merged("markers", "comment_badge")),
        comment_attribution=tuple(
            v.lower() for data in raw.values() for v in data.get("markers", {}).get("comment_attribution", [])
        ),
        promo_line=frozenset(promo),
        promo_prefix=longest_first([p for p in promo if len(p) >= 8]),
        share_line=frozenset(merged("markers", "share_line")),
        nav_line=frozenset(merged("markers", "nav_line")),
        footer_contains=tuple(merged("markers", "footer_contains")),
        tags_prefix=longest_first(prefixes("markers", "tags_prefix")),
        tags_header=frozenset(merged("markers", "tags_header")),
        tags_inline=longest_first(merged("markers", "tags_inline")),
        page_break=frozenset(merged("markers", "page_break")),
        caption_prefix=longest_first(prefixes("markers", "caption_prefix")),
        credit_words=tuple(merged("markers", "credit_words")),
        photo_agencies=frozenset(merged("markers", "photo_agencies")),
        gallery_nouns=frozenset(merged("markers", "gallery_nouns")),
        gallery_of=frozenset(merged("markers", "gallery_of")),
        nav_phrases=longest_first([p for p in merged("markers", "nav_line") if " " in p]),
        consent_contains=longest_first(merged("markers", "consent_contains")),
        promo_contains=longest_first(merged("markers", "promo_contains")),
        caption_in_parens=tuple("(" + p for p in prefixes("markers", "caption_prefix") if p.endswith(":")),
        related_header_prefix=tuple(p + " " for p in merged("markers", "related_header_prefix")),
        related_header_suffix=tuple(" " + p for p in merged("markers", "related_header_suffix")),
        source_list_header=frozenset(merged("markers", "source_list_header")),
        company_intro=tuple(" " + p + " " for p in merged("markers", "company_intro")),
        bio_header_prefix=longest_first([p + " " for p in merged("markers", "bio_header_prefix")]),
        source_prefix=longest_first(prefixes("markers", "source_prefix")),
        author_prefix=author_prefix,
        name_separators=tuple(merged("byline", "separators")),
        name_joiners=tuple(merged("byline", "name_joiners")),
        cased_joiners=tuple(merged("byline", "cased_joiners")),
        credit_line_joiners=tuple(merged("byline", "credit_line_joiners")),
        editor_prefix=editor_prefix,
        photographer_prefix=photographer_prefix,
        team_prefix=longest_first(merged("byline", "team_prefix")),
        team_suffix=longest_first(merged("byline", "team_suffix")),
        byline_junk=tuple(merged("byline", "junk")),
        byline_roles=frozenset(merged("byline", "roles")),
        name_suffixes=frozenset(v.replace(".", "") for v in merged("byline", "name_suffixes")),
        name_particles=frozenset(merged("byline", "name_particles")),
        bio_verbs=frozenset(merged("byline", "bio_verbs")),
        name_enders=frozenset(merged("byline", "name_enders")),
        site_words=frozenset(merged("byline", "site_words")),
        credit_labels=_credit_labels(
            (
                ("editor", merged("byline", "editor_prefix")),
                ("photographer", merged("byline", "photographer_prefix")),
                ("reviewer", merged("byline", "reviewer_prefix")),
                ("translator", merged("byline", "translator_prefix")),
                ("author", [*merged("byline", "author_prefix"), *starter_prefix]),
            )
        ),
        agencies=longest_first(merged("dateline", "agencies")),
        lead_labels=frozenset(merged("dateline", "lead_labels")),
        stopwords=frozenset().union(*stop_by_lang.values()),
        stopwords_by_language=stop_by_lang,
        speech_verbs=frozenset(
            w.lower() for data in raw.values() for w in data.get("words", {}).get("speech_verbs", [])
        ),
        calendars=calendars,
        date_words=frozenset(
            w
            for cal in calendars
            for group in (cal.months, cal.weekdays, cal.timezones, cal.time_words, cal.ago_words, cal.units)
            for w in group
            if " " not in w
        ),
        month_words=frozenset(m for cal in calendars for m in cal.months if len(m) >= 3),
        date_grammar=build_grammar(calendars),
        reading_time=longest_first(merged("markers", "reading_time")),
        view_count_words=frozenset(merged("markers", "view_count_words")),
        claim_prefix=longest_first(prefixes("markers", "claim_prefix")),
        verdict_prefix=longest_first(prefixes("markers", "verdict_prefix")),
        author_abbrev=author_abbrev,
        editor_abbrev=editor_abbrev,
        credit_prefixes=credit_prefixes,
        credit_starts=tuple(p for group, _role in credit_prefixes for p in group),
        colon_prefixes=_colon_only([p for key in _CREDIT_KEYS for p in prefixes("byline", key)]),
        starter_prefix=frozenset(starter_prefix),
        asker_prefix=tuple(merged("byline", "asker_prefix")),
        common_words=frozenset(merged("byline", "common_words")),
        action_words=frozenset(merged("byline", "action_words")),
    )
