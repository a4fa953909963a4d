"""What a single line says by the lexicon: boilerplate markers and section headers.

A marker labels a block by its own text, whatever the model thought of it:

    Baca juga: Judul Lain          -> read-also
    SCROLL TO CONTINUE WITH CONTENT -> ad
    News › Local                    -> navigation (a breadcrumb)
    © 2025 Media                    -> footer

A section header ("Related Posts", "Jangan Lewatkan", "[ 167 comments ]") labels the
section it opens; `label_blocks` decides how far that section runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from warta.classify.body_lines import _rows_in, _rows_labelled
from warta.classify.features import _word_counter
from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.lexicon import JoinedLines, Lexicon, normalise_lines, normalise_marker, phrase_in, trie_pattern
from warta.model import (
    ALL_LINK,
    LABEL_AD,
    LABEL_COMMENTS,
    LABEL_FOOTER,
    LABEL_NAV,
    LABEL_OTHER,
    LABEL_READ_ALSO,
    LABEL_RELATED,
    LABEL_SIDEBAR,
    LABEL_TAGS,
    Block,
    Label,
)

if TYPE_CHECKING:
    from warta.classify._linescan import StopWords

# "News › Local", "Beranda > Humaniora": short segments joined by arrows
_BREADCRUMB = re.compile(r"^(?:[^›>»/]{1,30}\s[›>»]\s)+[^›>»]{1,40}$")


# "Outubro (217)", "WordPress (53)": archive and category widget entries
_COUNTED_ENTRY = re.compile(r"^[^.!?]{1,50}\s\(\d{1,6}\)$")


def is_menu_row(text: str, lexicon: Lexicon) -> bool:
    """A row of footer or menu links flattened onto one line ("Pedoman Media Siber Kebijakan Privasi Kontak")."""
    return is_menu_row_normalised(normalise_marker(text), lexicon)


def is_menu_row_normalised(norm: str, lexicon: Lexicon, has_phrase: bool | None = None) -> bool:
    """`is_menu_row` of a text already through `normalise_marker`; `has_phrase`: whether it
    contains a nav phrase, if known."""
    return _menu_row_words(norm, norm.split(), lexicon, has_phrase)


def _menu_row_words(norm: str, words: list[str], lexicon: Lexicon, has_phrase: bool | None) -> bool:
    """`is_menu_row_normalised`, `words` the text's words."""
    if not words:
        return True
    single = sum(map(lexicon.menu_words().__contains__, words))
    if single * 2 >= len(words):
        return True
    if not (lexicon.contains_any(norm, lexicon.nav_phrases) if has_phrase is None else has_phrase):
        return False
    # (A phrase is looked for word by word only where it occurs at all: most do not.)
    return sum(1 for p in lexicon.nav_phrases if p in norm and phrase_in(norm, p)) >= 2


# An image address alone on a line (an <img> the flattener printed), with any query string.
_IMAGE_URL = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#]\S*)?$")
# "How to retire early,Early retirement,Retiring early,Personal Finance": a keywords
# meta field, terms joined by commas without spaces and no sentence in it (nor a sentence's
# ideographic full stop: NFKC folds a Chinese clause's comma "，" to ",", not its "。").
# "#banjir #pekalongan": a line of two hashtags or more (letters first: "#1" ranks, it tags
# nothing), as normalised: the edge strip has taken the first "#" off
_HASHTAGS = re.compile(r"[^\W\d_][\w-]*(?:[\s,]+#[^\W\d_][\w-]*)+$")
_KEYWORD_LIST = re.compile(r"^[^,.!?。]{1,60}(?:,[^\s,][^,.!?。]{0,60}){3,}$")


_MARKER_PREFIXES = ("promo_prefix", "read_also_prefix", "tags_prefix")  # the lexicon's fields


class _Prefixes(NamedTuple):
    """`.match` of the lexicon's marker prefixes (`Lexicon.starts_with_pattern`), looked up once a page."""

    promo: Callable[[str], re.Match[str] | None]
    read_also: Callable[[str], re.Match[str] | None]
    tags: Callable[[str], re.Match[str] | None]
    any: Callable[[str], re.Match[str] | None]  # any of the three: most lines start with none

    @classmethod
    def of(cls, lexicon: Lexicon) -> _Prefixes:
        return cls(
            lexicon.starts_with_pattern("promo_prefix").match,
            lexicon.starts_with_pattern("read_also_prefix").match,
            lexicon.starts_with_pattern("tags_prefix").match,
            lexicon.starts_with_pattern(*_MARKER_PREFIXES).match,
        )


def marker_of(norm: str, lexicon: Lexicon) -> Label | None:
    """The boilerplate label a lexicon marker gives a normalised block text, if any."""
    return _marker(
        norm,
        lexicon,
        _Prefixes.of(lexicon),
        _SubstringMarkers(
            lexicon.contains_any(norm, lexicon.consent_contains),
            lexicon.contains_any(norm, lexicon.footer_contains),
            lexicon.contains_any(norm, lexicon.comment_form),
            None,
            lexicon.contains_any(norm, lexicon.promo_contains),
        ),
    )


# The longest normalised text each substring marker is read for (`_marker`): `markers_of`
# searches only texts shorter than these, the article's paragraphs are never searched.
_CONSENT_MAX = 400
_FOOTER_MAX = 300
_COMMENT_FORM_MAX = 200
_PROMO_MAX = 200
_NAV_PHRASE_MAX = 160
_SEARCHED_MAX = max(_CONSENT_MAX, _FOOTER_MAX, _COMMENT_FORM_MAX, _PROMO_MAX, _NAV_PHRASE_MAX)


class _SubstringMarkers(NamedTuple):
    """Which substring markers a normalised text contains (None: not known, test it).

    A named tuple, not a frozen dataclass: one is built per block, and a tuple is built in C."""

    consent: bool
    footer: bool
    comment_form: bool
    nav_phrase: bool | None
    promo: bool


# A `_SubstringMarkers` of a tuple of its fields, built in C: the named tuple's own `__new__` is
# a Python function, called for each line `markers_of` reads.
_substring_markers: Callable[[tuple[bool, ...]], _SubstringMarkers] = partial(
    tuple.__new__, _SubstringMarkers
)


@dataclass(frozen=True, slots=True)
class PageLines:
    """A page's distinct normalised texts, for the page-wide marker and header searches.

    `_marker` reads a substring flag, a marker prefix or a shape only of a text shorter than
    `_SEARCHED_MAX`, and `section_header` a header's prefix or bracket only of a shorter one
    still: in `searched` longer texts (the article's paragraphs, most of the page's
    characters) are blanked rather than searched. `lead` is `searched.joined` after a "\n",
    so that a search for "\n" and a start finds the lines that start so, all at once.
    """

    distinct: list[str]
    searched: JoinedLines
    lead: str
    # Whether no line holds a "\n" of its own (`normalise_lines` leaves none): then a search of a
    # line's start after each "\n" in `lead` reads each line from its start only, as a test of
    # each line alone does (`markers` tests them so where that is done in C).
    plain: bool = True

    @classmethod
    def of(cls, norms: list[str]) -> PageLines:
        # A marker or a header depends on the text alone: a line the page repeats (menus, share
        # rows) is read once.
        distinct = list(dict.fromkeys(norms))
        scans = _line_scans()
        if scans is not None:
            searched = JoinedLines.of(scans.blanked(distinct, _SEARCHED_MAX))
        else:
            searched = JoinedLines.of([norm if len(norm) < _SEARCHED_MAX else "" for norm in distinct])
        # (The lines run together, one copy, tell by one C-level search whether any holds a "\n":
        # `joined.count("\n")` reads the joined lines one character at a time.)
        plain = "\n" not in "".join(searched.lines)
        return cls(distinct, searched, "\n" + searched.joined, plain)

    def rows_starting(self, pattern: str) -> Iterator[int]:
        """The rows whose searched line starts with a match of the regex `pattern`."""
        starts = self.searched.starts
        # A line's "\n" in `lead` stands where the line starts in `searched.joined`.
        return (bisect_right(starts, m.start()) - 1 for m in _line_start(pattern).finditer(self.lead))

    def rows_ending(self, backwards: str) -> Iterator[int]:
        """The rows whose searched line ends with a match of `backwards` reversed: the regex
        `backwards` is searched in the reversed lines, each after its "\n" (a tuple of suffixes
        costs one comparison per suffix per line; this one search costs a few steps a line)."""
        joined, starts = self.searched.joined, self.searched.starts
        end = len(joined)
        # A "\n" at `at` in the reversed text, "\n" first, stands where a line ends in `joined`:
        # at `end - at`.
        reversed_lead = "\n" + joined[::-1]
        return (
            bisect_right(starts, end - m.start()) - 1 for m in _line_start(backwards).finditer(reversed_lead)
        )


@lru_cache(maxsize=16)
def _line_start(pattern: str) -> re.Pattern[str]:
    """`pattern` after a "\n": the search skips from one line's start to the next."""
    return re.compile(f"\n(?:{pattern})")


def markers_of(norms: list[str], lexicon: Lexicon, page: PageLines | None = None) -> list[Label | None]:
    """`marker_of` of every normalised text of a page, the substring markers searched page-wide
    (`page`: `PageLines.of(norms)`, if at hand)."""
    page = page if page is not None else PageLines.of(norms)
    distinct, searched = page.distinct, page.searched
    flags = searched.containing_each(
        (
            lexicon.consent_contains,
            lexicon.footer_contains,
            lexicon.comment_form,
            lexicon.nav_phrases,
            lexicon.promo_contains,
        )
    )
    prefixes = _Prefixes.of(lexicon)
    special, opened = _special_rows(page, flags, lexicon, prefixes)
    # Only the marked texts are kept: `dict.get` gives the others None.
    marker: dict[str, Label | None] = {}
    rows = list(special)
    # Each row's flags in one tuple, built in C (`zip`, `tuple.__new__`), not read flag by flag.
    found = map(
        _substring_markers, zip(*[list(map(column.__getitem__, rows)) for column in flags], strict=True)
    )
    if opened is None:
        for row, flagged in zip(rows, found, strict=True):
            marker[distinct[row]] = _marker(distinct[row], lexicon, prefixes, flagged)
    else:
        for row, flagged in zip(rows, found, strict=True):
            marker[distinct[row]] = _marker(distinct[row], lexicon, prefixes, flagged, row in opened)
    for norm in _plain_menu_rows(distinct, special, lexicon):
        marker[norm] = LABEL_NAV
    return list(map(marker.get, norms))


# Where a shape marker can be (`_marker`), searched over a page's lines at once: a hashtag, a
# breadcrumb's arrow, a counted entry's closing bracket at a line's end, a keyword list's comma
# with no space after it, an image address's extension. Prose holds few of these (a "." or a
# ", " is none), so most lines are found plain by one C-level search of the page.
_SHAPE_MARK = re.compile(r"#|›|>|»|\)$|,[^\s,]|\.(?:jpe?g|png|gif|webp|svg|avif)", re.MULTILINE)


def _special_rows(
    page: PageLines, flags: list[list[bool]], lexicon: Lexicon, prefixes: _Prefixes
) -> tuple[set[int], set[int] | None]:
    """(special, opened): the rows of `page.distinct` that any of `_marker`'s tests but the menu
    row's can mark: a substring marker found (`flags`), a whole-line marker or an empty line, a
    marker prefix, the mark of a shape (`_SHAPE_MARK`); and of those the rows that open with a
    marker prefix where the compiled trie found them (None where the regex did: `_marker` then
    tests each line itself). Prefixes and shapes are looked for in `page.searched`, and a line
    too long to be searched there is always read. Found for all lines at once, in C; most lines
    are none of these."""
    distinct, searched = page.distinct, page.searched
    rows_in, rows_labelled = _rows_in(), _rows_labelled()
    special: set[int] = set(rows_in(searched.lines, _EMPTY))
    scans = _line_scans()
    if scans is not None:
        special.update(scans.shape_rows(searched.lines))
    else:
        starts = searched.starts
        special.update(bisect_right(starts, m.start()) - 1 for m in _SHAPE_MARK.finditer(searched.joined))
    for found in flags:
        special.update(rows_labelled(found, True))  # (each flag a bool: `containing_each`)
    special.update(rows_in(distinct, _marker_lines(lexicon.promo_line, lexicon.share_line, lexicon.nav_line)))
    trie = lexicon.starts_with_trie(*_MARKER_PREFIXES)
    opened: set[int] | None = None
    if trie is not None and page.plain:
        # (`opening` answers `prefixes.any` of each line shorter than `_SEARCHED_MAX`: the longer
        # ones are blanked in `searched`, and `_marker` reads a prefix of no longer line.)
        opened = set(trie.opening(searched.lines, ""))
        special.update(opened)
    else:
        special.update(page.rows_starting(lexicon.starts_with_pattern(*_MARKER_PREFIXES).pattern))
    return special, opened


_EMPTY = frozenset([""])  # an empty line, found by `rows_in` as `operator.not_` finds it


@lru_cache(maxsize=8)
def _marker_lines(*sets: frozenset[str]) -> frozenset[str]:
    """The whole-line markers of every kind in one set, and the empty line."""
    return frozenset([""]).union(*sets)


def _plain_menu_rows(distinct: list[str], special: set[int], lexicon: Lexicon) -> Iterator[str]:
    """The texts of the rows of `distinct` not in `special` that `_marker` marks: those none of
    its other tests can mark (so with no nav phrase in them either) are rows of menu words."""
    menu = lexicon.menu_words()
    counter = _menu_counter(menu)
    if counter is not None:
        # The candidates found in C (`StopWords.menu_rows`): the short lines of 3 words or more
        # that are menu rows if ASCII (half their words or more menu words), or not ASCII.
        others = []
        for row in counter.menu_rows(distinct, _NAV_PHRASE_MAX, special):
            norm = distinct[row]
            if norm.isascii():
                yield norm
            else:
                others.append(norm)
        if others:
            yield from _menu_rows_beyond_ascii(others, counter, lexicon)
        return
    # (Read short enough lines only: most are longer than a menu row.)
    for row in compress(range(len(distinct)), map(_NAV_PHRASE_MAX.__gt__, map(len, distinct))):
        if row in special:
            continue
        norm = distinct[row]
        words = norm.split()
        if len(words) < 3:
            continue
        if norm.isascii():  # `_menu_row_words` with no nav phrase: half the words or more menu words
            if sum(map(menu.__contains__, words)) * 2 >= len(words):
                yield norm
        elif _menu_row_again(norm, words, lexicon, False):
            yield norm


def _menu_rows_beyond_ascii(lines: list[str], counter: StopWords, lexicon: Lexicon) -> Iterator[str]:
    """The `lines` (normalised, not ASCII, of three words or more) that `_menu_row_again` takes for
    menu rows with no nav phrase in them: a line that normalising again leaves alone (nearly
    all) is one where half its words or more are menu words, counted for all lines at once in
    C (`StopWords.count`); another is tested again in full."""
    hits, tokens = counter.count(lines, False)
    for line, again, hit, token in zip(
        lines, normalise_lines(lines), hits.tolist(), tokens.tolist(), strict=True
    ):
        if again != line:
            if is_menu_row(line, lexicon):
                yield line
        elif hit * 2 >= token:
            yield line


def menu_rows(lines: list[str], limit: int, skip: Container[int], words: frozenset[str]) -> list[int]:
    """The rows of `lines` shorter than `limit` and not in `skip` with three words or more that are
    not ASCII or half of them or more in `words` (the reference of `StopWords.menu_rows`)."""
    rows = []
    for row, line in enumerate(lines):
        if len(line) >= limit or row in skip:
            continue
        tokens = line.split()
        if len(tokens) >= 3 and (
            not line.isascii() or sum(map(words.__contains__, tokens)) * 2 >= len(tokens)
        ):
            rows.append(row)
    return rows


@lru_cache(maxsize=4)
def _menu_counter(words: frozenset[str]) -> StopWords | None:
    """`words` compiled (`features._word_counter`) where its `menu_rows` agrees with `menu_rows`
    on probe lines; None otherwise, or with WARTA_PURE_PYTHON."""
    counter = _word_counter(words)
    if counter is None:
        return None
    some = sorted(words)[:12]
    lines = [" ".join(some[k : k + n]) for n in (2, 3, 4, 5) for k in range(0, len(some), 2)]
    lines += [line + " x y z" for line in lines] + [
        " ".join(some) + " Мост 🌉",
        "a  b\u3000c",
        "",
        "İ \u212a x",
    ]
    lines += [f"{word} Мост {word} 🌉\u3000ſ\u00a0{word}" for word in some] + [
        f"{w}\u2003x\u0085İ" for w in some
    ]
    for limit, skip in ((160, set()), (20, {0, 3, 5}), (0, set())):
        if counter.menu_rows(lines, limit, skip) != menu_rows(lines, limit, skip, words):
            set_aside("menu row counts", "Python")
            return None
    # (`_menu_rows_beyond_ascii` reads the counts of lines beyond ASCII.)
    hits, tokens = counter.count(lines, False)
    if hits.tolist() != [sum(map(words.__contains__, line.split())) for line in lines] or tokens.tolist() != [
        len(line.split()) for line in lines
    ]:
        set_aside("menu row counts", "Python")
        return None
    return counter


def _marker(
    norm: str, lexicon: Lexicon, prefixes: _Prefixes, found: _SubstringMarkers, opens: bool | None = None
) -> Label | None:
    """The marker of `norm` (`found`: its substring markers; `opens`: whether it opens with a
    marker prefix, `prefixes.any`, if known)."""
    n = len(norm)
    if n == 0:
        return LABEL_OTHER
    # Cheap tests first: an image address holds no space and a dot, a keyword list at least three commas.
    if " " not in norm and "." in norm and _IMAGE_URL.match(norm):
        return LABEL_OTHER
    if n < 600 and norm.count(",") >= 3 and _KEYWORD_LIST.match(norm):
        return LABEL_TAGS
    if n < 200 and " #" in norm and _HASHTAGS.match(norm):
        return LABEL_TAGS
    # Whether a prefix test below can pass.
    prefixed = n < 400 and (prefixes.any(norm) is not None if opens is None else opens)
    if n < 200 and (norm in lexicon.promo_line or (prefixed and prefixes.promo(norm))):
        return LABEL_AD  # before read-also: "baca artikel selengkapnya di …" links to no other article
    if n < 300 and prefixed and prefixes.read_also(norm):
        return LABEL_READ_ALSO
    if norm in lexicon.share_line or norm in lexicon.nav_line:
        return LABEL_NAV
    if n < _CONSENT_MAX and found.consent:
        return LABEL_AD
    if n < _PROMO_MAX and found.promo:
        return LABEL_AD
    if (
        n < _NAV_PHRASE_MAX
        and len(words := norm.split()) >= 3
        and _menu_row_again(norm, words, lexicon, found.nav_phrase)
    ):
        return LABEL_NAV
    if n < 120 and _nav_shape(norm):
        return LABEL_NAV
    if n < _FOOTER_MAX and found.footer:
        return LABEL_FOOTER
    if n < 400 and prefixed and prefixes.tags(norm):
        return LABEL_TAGS
    if n < _COMMENT_FORM_MAX and found.comment_form:
        return LABEL_COMMENTS
    return None


def _menu_row_again(norm: str, words: list[str], lexicon: Lexicon, has_phrase: bool | None) -> bool:
    """`is_menu_row(norm)` (`words`: its words; `has_phrase`: whether `norm` holds a nav phrase,
    if known): normalising a normalised text again changes nothing in ASCII, and seldom
    anything elsewhere; where it does, the text normalised again is tested, phrases and all."""
    if norm.isascii() or normalise_marker(norm) == norm:
        return _menu_row_words(norm, words, lexicon, has_phrase)
    return is_menu_row(norm, lexicon)


def _nav_shape(norm: str) -> bool:
    """A breadcrumb or a counted archive entry (each regex only where its separator can be)."""
    if ("›" in norm or ">" in norm or "»" in norm) and _BREADCRUMB.search(norm):
        return True
    return norm.endswith(")") and _COUNTED_ENTRY.search(norm) is not None


_BRACKETS = str.maketrans("", "", "[](){}")
_BRACKET = re.compile(r"[\[\](){}]")


def _bracketed_comment_count(norm: str, lexicon: Lexicon) -> bool:
    """ "[ 167 comments ]", "comments (12)": a thread's count in brackets, or after the word."""
    if len(norm) > 30 or _BRACKET.search(norm) is None:
        return False
    words = norm.translate(_BRACKETS).split()
    if len(words) != 2:
        return False
    count, word = (words[1], words[0]) if words[1].isdigit() else (words[0], words[1])
    return count.isdigit() and int(count) > 0 and word in lexicon.comment_count_words


def _sidebar_header_with_suffix(norm: str, lexicon: Lexicon) -> bool:
    """'Berita Terkini Lainnya': a sidebar header ('berita terkini') with a related header's
    suffix ('lainnya') after it still heads the sidebar list, not a related one."""
    if len(norm) >= 40 or not norm.endswith(lexicon.related_header_suffix):
        return False
    return any(
        norm.endswith(suffix) and norm[: -len(suffix)].strip() in lexicon.sidebar_header
        for suffix in lexicon.related_header_suffix
    )


def section_header(norm: str, lexicon: Lexicon) -> Label | None:
    """The section a header block opens: related, sidebar, comments or tags."""
    # (The length tests inline skip calls: this runs for every distinct line of every page.)
    if lexicon.is_comment_header(norm) or (len(norm) <= 30 and _bracketed_comment_count(norm, lexicon)):
        return LABEL_COMMENTS
    if norm in lexicon.tags_header:
        return LABEL_TAGS
    if len(norm) >= 40:  # the common case, a text line: only the whole-line headers can match
        if norm in lexicon.related_header:
            return LABEL_RELATED
        return LABEL_SIDEBAR if norm in lexicon.sidebar_header else None
    suffixed = norm.endswith(lexicon.related_header_suffix)
    # 'Top stories' ends as 'More stories' does, but the lexicon names it a sidebar's header.
    if suffixed and (norm in lexicon.sidebar_header or _sidebar_header_with_suffix(norm, lexicon)):
        return LABEL_SIDEBAR
    if (
        suffixed
        or norm in lexicon.related_header
        or lexicon.starts_with_pattern("related_header_prefix").match(norm)
    ):
        return LABEL_RELATED
    if norm in lexicon.sidebar_header:
        return LABEL_SIDEBAR
    return None


_FIRST_CHAR = itemgetter(slice(0, 1))


def section_headers(
    distinct: list[str], lexicon: Lexicon, page: PageLines | None = None
) -> dict[str, Label | None]:
    """`section_header` of each of a page's distinct normalised texts, asked only of the texts
    that can be one: most lines pass none of the header tests' first steps (a whole-line header,
    a count first, a bracket early on, a related header's prefix or suffix). Those first steps
    run for all lines at once, in C (`page`: `PageLines.of(distinct)`, if at hand)."""
    page = page if page is not None else PageLines.of(distinct)
    headers: dict[str, Label | None] = dict.fromkeys(distinct)
    rows = range(len(distinct))
    whole = _header_lines(
        lexicon.comment_header, lexicon.tags_header, lexicon.related_header, lexicon.sidebar_header
    )
    maybe = set(_rows_in()(distinct, whole))
    scans = _line_scans()
    # A line that opens with a digit is a header by its count only ("12 komentar",
    # `Lexicon.is_comment_header`) where the other first steps below do not find it.
    counted = (
        scans.digit_rows(distinct)
        if scans is not None
        else compress(rows, map(str.isdigit, map(_FIRST_CHAR, distinct)))
    )
    maybe.update(row for row in counted if lexicon.is_comment_count(distinct[row]))
    # (A prefix or a bracket opens a header of a short line only: the searched lines hold them all.)
    if scans is not None and page.plain:
        trie = lexicon.starts_with_trie("related_header_prefix")
        if trie is not None:
            maybe.update(trie.opening(page.searched.lines, ""))
        else:
            maybe.update(page.rows_starting(_header_prefix(lexicon.related_header_prefix)))
        maybe.update(scans.bracket_rows(page.searched.lines, _BRACKET_WITHIN))
    else:
        maybe.update(page.rows_starting(_header_start(lexicon.related_header_prefix)))
    # (Only a short line's suffix makes a header: the searched lines hold them all.)
    closing = lexicon.ends_with_trie("related_header_suffix") if page.plain else None
    if closing is not None:
        maybe.update(closing.closing(page.searched.lines))
    else:
        maybe.update(page.rows_ending(_header_end(lexicon.related_header_suffix)))
    for row in maybe:
        norm = distinct[row]
        headers[norm] = section_header(norm, lexicon)
    return headers


@lru_cache(maxsize=8)
def _header_lines(*sets: frozenset[str]) -> frozenset[str]:
    """The whole-line headers of every kind, in one set."""
    return frozenset().union(*sets)


@lru_cache(maxsize=8)
def _header_end(related_suffixes: tuple[str, ...]) -> str:
    """A regex that matches a reversed text where the text ends in a related header's suffix."""
    return trie_pattern(suffix[::-1] for suffix in related_suffixes)


_BRACKET_WITHIN = 30  # `_bracketed_comment_count` reads lines of 30 characters at most


@lru_cache(maxsize=8)
def _header_prefix(related_prefixes: tuple[str, ...]) -> str:
    """A regex that matches where a text opens with a related header's prefix."""
    return trie_pattern(related_prefixes)


@lru_cache(maxsize=8)
def _header_start(related_prefixes: tuple[str, ...]) -> str:
    """A regex that matches where a text may open a header by its start: a related header's
    prefix, or a bracket within the first 30 characters (`_bracketed_comment_count` reads no
    longer text), within the line."""
    return rf"{trie_pattern(related_prefixes)}|[^\[\](){{}}\n]{{0,29}}+[\[\](){{}}]"


def shape_rows(lines: list[str]) -> list[int]:
    """The rows of `lines` where `_SHAPE_MARK` matches, found in one search of them joined (the
    reference of the compiled `_labelscan.shape_rows`)."""
    searched = JoinedLines.of(lines)
    starts = searched.starts
    return sorted({bisect_right(starts, m.start()) - 1 for m in _SHAPE_MARK.finditer(searched.joined)})


def digit_rows(lines: list[str]) -> list[int]:
    """The rows of `lines` whose first character is a digit, `str.isdigit` (the reference of the
    compiled `_labelscan.digit_rows`)."""
    return list(compress(range(len(lines)), map(str.isdigit, map(_FIRST_CHAR, lines))))


def bracket_rows(lines: list[str], within: int) -> list[int]:
    """The rows of `lines` with a bracket among their first `within` characters, as
    `_header_start`'s regex finds them after each line's "\n" (the reference of the compiled
    `_labelscan.bracket_rows`)."""
    lead = "\n" + "\n".join(lines)
    starts = JoinedLines.of(lines).starts
    pattern = _line_start(rf"[^\[\](){{}}\n]{{0,{within - 1}}}+[\[\](){{}}]")
    return sorted({bisect_right(starts, m.start()) - 1 for m in pattern.finditer(lead)})


class _LineScans(NamedTuple):
    """The compiled line scans of `_special_rows` and `section_headers`."""

    shape_rows: Callable[[list[str]], list[int]]
    bracket_rows: Callable[[list[str], int], list[int]]
    blanked: Callable[[list[str], int], list[str]]
    digit_rows: Callable[[list[str]], list[int]]


# Lines the compiled scans are checked on: each shape mark and near misses of each, brackets
# early and late, non-ASCII and astral text.
_PROBE = [
    *["#banjir #rob", "News › Local", "a > b", "« x »", "Outubro (217)", "(a) b", "x,y", "x, y", "x,,y"],
    *["x,", "foto.jpg", "foto.jpeg", "a.jpe", "b.png?x", "c.gif", "d.webp", "e.svg", "f.avif", "g.av"],
    *["h.JPG", "", "İstanbul \u212a (x", "🌉" * 29 + "[", "🌉" * 30 + "{", "x" * 28 + "}", "y" * 31 + "]"],
    *["Мост (фото)", "a)\nb", "тег » раздел"],
]


@lru_cache(maxsize=1)
def _line_scans() -> _LineScans | None:
    """The compiled `_labelscan.shape_rows` and `bracket_rows` where they are built and agree with
    `shape_rows` and `bracket_rows` on `_PROBE`; None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify._labelscan import blanked as compiled_blanked
        from warta.classify._labelscan import bracket_rows as compiled_brackets
        from warta.classify._labelscan import digit_rows as compiled_digits
        from warta.classify._labelscan import shape_rows as compiled_shapes
    except ImportError:
        return None
    lines = [line for line in _PROBE if "\n" not in line]
    for probe in (lines, lines[::-1], lines[:1], []):
        if compiled_shapes(probe) != shape_rows(probe):
            set_aside("shape marks", "the regex")
            return None
        if any(compiled_brackets(probe, k) != bracket_rows(probe, k) for k in (1, 2, _BRACKET_WITHIN)):
            set_aside("bracket scan", "the regex")
            return None
    if compiled_shapes(_PROBE) != shape_rows(_PROBE):
        set_aside("shape marks", "the regex")
        return None
    if any(compiled_blanked(_PROBE, k) != [t if len(t) < k else "" for t in _PROBE] for k in (0, 1, 5, 30)):
        set_aside("long line blanking", "Python")
        return None
    digits = [*_PROBE, "12 komentar", "٣ تعليقات", "² x", "𝟙 x", "½", " 1", "x1", "0"]
    if compiled_digits(digits) != digit_rows(digits) or compiled_digits([]) != []:
        set_aside("digit rows", "Python")
        return None
    return _LineScans(compiled_shapes, compiled_brackets, compiled_blanked, compiled_digits)


def labelled_read_also_link(block: Block, lexicon: Lexicon) -> bool:
    """'Lihat Juga <a>Title</a>', 'Te puede interesar <a>Title</a>': a read-also label without
    its colon and one link that is the rest of the line. (Without a link, "Lihat juga
    bagaimana …" opens a sentence: the lexicon's colon-less prefixes are the colon forms.)"""
    structure = block.structure
    text = block.text
    if structure.href is None or not 0.0 < structure.link_density < ALL_LINK or len(text) >= 200:
        return False
    head, linked = read_also_label_split(text, lexicon)
    return (
        bool(head)
        and not linked.endswith(".")
        and abs(len(linked) - structure.link_density * len(text)) <= max(3.0, 0.05 * len(text))
    )


def read_also_label_split(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """(label, rest) of a line that opens with a read-also prefix of two words or more without its
    colon and a space ("Te puede interesar Sequía …"); ("", text) for any other line ("More
    <a>courses</a> here." is a sentence)."""
    openers = lexicon.spaced_openers("read_also_prefix")
    norm = normalise_marker(text)
    if not norm.startswith(openers):  # (one C call: most lines open with none)
        return "", text
    for opener in openers:
        if norm.startswith(opener):
            bare = len(opener) - 1
            return text[:bare], text[bare:].strip()
    return "", text
