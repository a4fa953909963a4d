"""One feature function for both input kinds.

`block_features` turns a block sequence into a matrix: per-block values (text
shape, lexicon marker hits, structure) plus context (windowed densities,
neighbours, distance to section markers above, position in the page). The
HTML path fills the DOM columns; for flattened text they stay zero and the
model learns to rely on the rest.

Most column groups have a compiled counterpart (`_featcols`, `_linescan`: each group
written in one C pass instead of dozens of numpy calls on a page's ~180 rows); the
numpy and Python code here is their reference and fallback, and each is used only after
it gave the reference's exact bits on a probe (`_kernels` and the functions beside it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial, reduce
from itertools import chain, compress, count, repeat
from operator import attrgetter, is_not, itemgetter, or_
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from warta.compiled import same_array, set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.lexicon import CompiledTrie, JoinedLines, Lexicon, html_lexicon, normalise_lines, trie_pattern
from warta.model import SEMANTIC_TAGS, Block, BlockStructure, PageKind
from warta.strings import has_digit as _has_digit

if TYPE_CHECKING:
    from warta.classify._linescan import StopWords

FloatT = TypeVar("FloatT", np.float32, np.float64)

_WORD = re.compile(r"\w+")
_DATE_NUMERIC = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}/\d{1,2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.com\b|\.id\b")
# Every match of `_URLISH` starts with one of these: a line holding none cannot match (`_urlish_lines`).
_URLISH_STARTS = ("http", "www.", "@", "#", ".com", ".id")
_SENTENCE_END = frozenset('.!?"”’)»…')
_QUOTES = frozenset('"“”„«»')

# Class/id markers of boilerplate and content containers in HTML (lexicon/data/html.toml).
_BOILER_CLASS: tuple[str, ...] = tuple(html_lexicon()["classes"]["boilerplate"])
_CONTENT_CLASS: tuple[str, ...] = tuple(html_lexicon()["classes"]["content"])

PER_BLOCK = (
    "log_chars",
    "n_words",
    "mean_word_len",
    "alpha_ratio",
    "digit_ratio",
    "upper_ratio",
    "punct_per_word",
    "ends_sentence",
    "ends_ellipsis",
    "starts_upper",
    "starts_lower",
    "stop_ratio",
    "read_also",
    "related_header",
    "sidebar_header",
    "comment_header",
    "comment_form",
    "promo",
    "share",
    "nav",
    "footer",
    "tags",
    "byline_prefix",
    "date_like",
    "time_like",
    "repeats",
    "title_overlap",
    "title_prefix",
    "blank_before",
    "blank_after",
    "bullet",
    "urlish",
    "capitalised_ratio",
    "has_quote",
    "pipe_or_sep",
    "heading_level",
    "in_list",
    "in_table",
    "in_figure",
    "in_blockquote",
    "in_link",
    "link_density",
    "class_boiler",
    "class_content",
    "tag_p",
    "tag_heading",
    "dom_depth",
)
_COL = {name: i for i, name in enumerate(PER_BLOCK)}


@dataclass(frozen=True, slots=True)
class FeatureMatrix:
    """Features of one page, one row per block; `names` label the columns."""

    values: NDArray[np.float32]
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def _char_classes() -> NDArray[np.uint8]:
    """Class bits of every BMP code point: 1 alpha, 2 digit, 4 upper, 8 word (\\w), 16 lower,
    32 a quote (`_QUOTES`), 64 a sentence end (`_SENTENCE_END`); both sets lie in the BMP."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for code in range(0x10000):
        ch = chr(code)
        bits = _QUOTE * (ch in _QUOTES) | _ENDS_SENTENCE * (ch in _SENTENCE_END)
        if ch.isalpha():
            bits |= 1
        if ch.isdigit():
            bits |= 2
        if ch.isupper():
            bits |= 4
        if ch.isalnum() or ch == "_":
            bits |= 8
        if ch.islower():
            bits |= 16
        table[code] = bits
    return table


_QUOTE, _ENDS_SENTENCE = 32, 64


def _exact_class_bits(codes: NDArray[np.uint32]) -> NDArray[np.uint8]:
    """`_char_classes` bits of `codes`, astral planes included (`_exact_classes`)."""
    classes = _char_classes()[np.minimum(codes, 0xFFFF)]
    for i in _where(codes > 0xFFFF).tolist():
        classes[i] = _exact_classes(int(codes[i]))
    return classes


def _exact_classes(code: int) -> int:
    """`_char_classes` bits of one code point, astral planes included (the quote and sentence-end
    bits are those of BMP code points only)."""
    ch = chr(code)
    return (
        ch.isalpha()
        | ch.isdigit() << 1
        | ch.isupper() << 2
        | (ch.isalnum() or ch == "_") << 3
        | ch.islower() << 4
    )


@dataclass(frozen=True, slots=True)
class _Page:
    """A page's texts joined by "\\n" and read as code points: per-line values come from C-speed scans."""

    texts: list[str]
    joined: str
    lengths: NDArray[np.int64]
    starts: NDArray[np.int64]
    norms: list[str]  # `normalise_marker` of every text
    markers: _Markers  # the lexicon's, compiled (looked up once a page: the lookup hashes its lists)
    # Per substring marker list (rows `_FOOTER`, `_COMMENT_FORM`, `_CAPTION`) and line: whether the
    # line's norm holds one of the list's markers.
    substrings: NDArray[np.bool_]
    # Each line's first and last code point (0 for an empty line), and their exact class bits.
    first_codes: NDArray[np.uint32]
    first_classes: NDArray[np.uint8]
    last_codes: NDArray[np.uint32]
    last_classes: NDArray[np.uint8]
    # Per line, how many code points of each kind it holds: rows `_LETTERS`... (`_char_counts`).
    counts: NDArray[np.float64]

    @classmethod
    def of(
        cls, texts: list[str], lexicon: Lexicon, norms: list[str] | None = None, captions: bool = True
    ) -> _Page:
        """The page of `texts`; `norms`: their `normalise_lines`, when already known; `captions`:
        whether the caption row of `substrings` will be read (`_text_extra`)."""
        joined = "\n".join(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        starts = np.zeros(len(texts), dtype=np.int64)
        (lengths[:-1] + 1).cumsum(out=starts[1:])
        counts, edges, edge_classes = _line_scan()(joined, starts, lengths)
        norms = norms or normalise_lines(texts, joined)
        n = len(texts)
        markers = _markers(lexicon)
        return cls(
            texts,
            joined,
            lengths,
            starts,
            norms,
            markers,
            _substrings(norms, lengths, markers, captions),
            edges[:n],
            edge_classes[:n],
            edges[n:],
            edge_classes[n:],
            counts,
        )

    @property
    def codes(self) -> NDArray[np.uint32]:
        """The joined texts' code points (made on each call: few pages need them)."""
        return np.frombuffer(self.joined.encode("utf-32-le"), dtype=np.uint32)

    def lines_matching(self, pattern: re.Pattern[str]) -> NDArray[np.bool_]:
        """Which lines contain a match of `pattern` (one scan of the joined page)."""
        flags = np.zeros(len(self.texts), dtype=np.bool_)
        positions = [m.start() for m in pattern.finditer(self.joined)]
        if positions:
            flags[self.starts.searchsorted(positions, side="right") - 1] = True
        return flags


# The rows of `_Page.counts`.
_COUNTED = (
    "letters",
    "digits",
    "upper",
    "words",
    "word_chars",
    "capitalised",  # words starting with an upper-case letter
    "punct",  # commas and full stops
    "dots",  # full stops
    "quotes",  # `_QUOTES`
    "separators",  # "|", " / ", " • " (at the "|", "/" or "•")
    "spaces",
    "astral",  # code points beyond the BMP
    "urls",  # 1 where the line holds a match of `_URLISH` (a URL, domain, handle or hashtag), else 0
)
_LETTERS, _DIGITS, _UPPER, _WORDS, _WORD_CHARS, _CAPITALISED, _PUNCT, _DOTS = range(8)
_QUOTE_CHARS, _SEPARATORS, _SPACES, _ASTRAL, _URLS = range(8, len(_COUNTED))


_LineScan = Callable[
    [str, NDArray[np.int64], NDArray[np.int64]],
    tuple[NDArray[np.float64], NDArray[np.uint32], NDArray[np.uint8]],
]


def _scan_lines(
    joined: str, starts: NDArray[np.int64], lengths: NDArray[np.int64]
) -> tuple[NDArray[np.float64], NDArray[np.uint32], NDArray[np.uint8]]:
    """The lines' `_Page.counts`, then their first code points and their last ones (0 for an
    empty line) with the exact class bits of those: the numpy reference of `_line_scan`."""
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    classes = _char_classes().take(np.minimum(codes, 0xFFFF))
    classes[codes > 0xFFFF] = 1  # astral code points count as letters (as the models were trained)
    # The lines' first code points, then their last ones, in one gather (0 for empty lines).
    positive = lengths > 0
    nonempty = np.concatenate((positive, positive))
    at = np.where(nonempty, np.concatenate((starts, starts + lengths - 1)), 0)
    edges = np.where(nonempty, codes[at] if len(codes) else 0, 0).astype(np.uint32)
    counts = _char_counts(starts, codes, classes)
    counts[_URLS, _urlish_lines(joined, starts, lengths)] = 1.0
    return counts, edges, _exact_class_bits(edges)


def _urlish_lines(joined: str, starts: NDArray[np.int64], lengths: NDArray[np.int64]) -> list[int]:
    """The rows of the lines holding a match of `_URLISH`. Every match starts with one of
    `_URLISH_STARTS` and holds no "\\n", so only the lines holding one (found by one substring scan
    of the page per start) are searched: the pattern tried at every position costs far more."""
    found: list[int] = []
    find = joined.find
    for start in _URLISH_STARTS:
        at = find(start)
        while at >= 0:
            found.append(at)
            at = find(start, at + 1)
    if not found:
        return []
    rows = sorted({line - 1 for line in starts.searchsorted(found, side="right").tolist()})
    search = _URLISH.search
    return [row for row in rows if search(joined[starts[row] : starts[row] + lengths[row]]) is not None]


# Lines `_line_scan` checks the compiled scan on before using it: ASCII, Latin-1, BMP and astral
# texts (1, 2 and 4-byte strs), separators, quotes, empty lines, `_URLISH` matches and near misses
# (a word character after ".com", none after "@", "://" without "http", astral ones after "#").
_PROBE = (
    'Presiden meresmikan jembatan baru, Senin (12/5). Kata "ok" | a / b • c http://a.id',
    "",
    "naïve café ÑANDÚ ß 2026! x.comy a.idb e@ # http:/ www,x ://",
    "Мост открыт… «Да» 新しい橋 #٣",
    "🌉 bridge 𝐀𝐁 x_1 𝟙 @𝐀",
    "#🌉 .com𝐀 @🌉 ttps://",
    "",
)


@lru_cache(maxsize=1)
def _line_scan() -> _LineScan:
    """`warta.classify._linescan.scan_lines` where it is built and gives `_scan_lines`'s arrays
    on `_PROBE` (for all three str widths); `_scan_lines` otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return _scan_lines
    try:
        from warta.classify._linescan import scan_lines
    except ImportError:
        return _scan_lines
    table = _char_classes()

    def compiled(
        joined: str, starts: NDArray[np.int64], lengths: NDArray[np.int64]
    ) -> tuple[NDArray[np.float64], NDArray[np.uint32], NDArray[np.uint8]]:
        return scan_lines(joined, starts, lengths, table)

    for probe in (_PROBE[:2], _PROBE[:3], _PROBE[:4], _PROBE):
        texts = list(probe)
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        starts = np.concatenate(([0], (lengths[:-1] + 1).cumsum())).astype(np.int64)
        joined = "\n".join(texts)
        expected, found = _scan_lines(joined, starts, lengths), compiled(joined, starts, lengths)
        if not all(same_array(found[i], expected[i]) for i in range(len(found))):
            set_aside("line scan", "numpy")
            return _scan_lines
    return compiled


def _char_counts(
    starts: NDArray[np.int64], codes: NDArray[np.uint32], classes: NDArray[np.uint8]
) -> NDArray[np.float64]:
    """`_Page.counts` of the lines starting at `starts` in `codes` (`classes`: their class bits)."""
    counted = np.zeros((len(_COUNTED), len(codes) + 1), dtype=np.uint8)  # + 1: a last empty line
    rows = counted[:, :-1]  # each row a 0/1 mask of the code points, written in place
    word, word_starts, upper, spaces = rows[_WORD_CHARS], rows[_WORDS], rows[_UPPER], rows[_SPACES]
    np.greater(classes & 8, 0, out=word)
    word_starts[:] = word
    word_starts[1:] &= 1 - word[:-1]
    np.greater(classes & 1, 0, out=rows[_LETTERS])
    np.greater(classes & 2, 0, out=rows[_DIGITS])
    np.greater(classes & 4, 0, out=upper)
    np.logical_and(word_starts, upper, out=rows[_CAPITALISED])
    np.equal(codes, 46, out=rows[_DOTS])
    np.equal(codes, 44, out=rows[_PUNCT])
    rows[_PUNCT] |= rows[_DOTS]
    np.greater(classes & _QUOTE, 0, out=rows[_QUOTE_CHARS])
    np.equal(codes, 32, out=spaces)
    separators = rows[_SEPARATORS]
    np.equal(codes, ord("|"), out=separators)
    middle = (codes[1:-1] == ord("/")) | (codes[1:-1] == ord("•"))
    separators[1:-1] |= middle & spaces[:-2] & spaces[2:]
    np.greater(codes, 0xFFFF, out=rows[_ASTRAL])
    counts = np.add.reduceat(counted, starts, axis=1, dtype=np.int32)[:, : len(starts)]
    return counts.astype(np.float64)


@dataclass(frozen=True, slots=True)
class _Markers:
    """Lexicon markers compiled for whole-page matching; built once per lexicon content."""

    comment_form: tuple[str, ...]
    footer: tuple[str, ...]
    caption: tuple[str, ...]
    comment_count: re.Pattern[str]
    # Prefix tuples as anchored trie regexes: `.match` beats str.startswith over ~70 prefixes.
    read_also_prefix: re.Pattern[str]
    promo_prefix: re.Pattern[str]
    tags_prefix: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    any_prefix: re.Pattern[str]  # any of the four: most lines start with none
    months: frozenset[str]
    # Whole-line markers: line -> bits of the sets that hold it (_SET_BITS), one lookup per line.
    whole_lines: dict[str, int]
    # A line that is a parenthesised credit: "(Foto: …)", "(Reuters)", or any short "(…)".
    credit: re.Pattern[str]


_SET_BITS = (
    "related_header",
    "sidebar_header",
    "comment_header",
    "share_line",
    "nav_line",
    "promo_line",
    "comment_widget",
)


_SET_SHIFTS = np.arange(len(_SET_BITS))


def _markers(lexicon: Lexicon) -> _Markers:
    """The markers of `lexicon`, compiled once per lexicon object (a page's lookup by its lists,
    which hashes their tuples anew, cost more than the page's marker columns' setup)."""
    return _markers_of(_LexiconKey(lexicon))


@dataclass(frozen=True, slots=True, eq=False)
class _LexiconKey:
    """A lexicon as a cache key by identity: a `Lexicon` is frozen, so one object keeps its lists."""

    lexicon: Lexicon

    def __hash__(self) -> int:
        return id(self.lexicon)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _LexiconKey) and other.lexicon is self.lexicon


@lru_cache(maxsize=8)
def _markers_of(key: _LexiconKey) -> _Markers:
    lexicon = key.lexicon
    return _compile_markers(
        lexicon.comment_form,
        lexicon.footer_contains,
        lexicon.caption_prefix,
        lexicon.comment_count_words,
        lexicon.read_also_prefix,
        lexicon.promo_prefix,
        lexicon.tags_prefix,
        lexicon.author_prefix + lexicon.editor_prefix,
        lexicon.month_words,
        tuple(getattr(lexicon, name) for name in _SET_BITS),
        lexicon.credit_words,
    )


@lru_cache(maxsize=8)
def _compile_markers(
    comment_form: tuple[str, ...],
    footer: tuple[str, ...],
    caption: tuple[str, ...],
    count_words: frozenset[str],
    read_also_prefix: tuple[str, ...],
    promo_prefix: tuple[str, ...],
    tags_prefix: tuple[str, ...],
    byline_prefix: tuple[str, ...],
    months: frozenset[str],  # `Lexicon.month_words`
    whole_line_sets: tuple[frozenset[str], ...],
    credit_words: tuple[str, ...],
) -> _Markers:
    whole_lines: dict[str, int] = {}
    for bit, members in enumerate(whole_line_sets):
        for line in members:
            whole_lines[line] = whole_lines.get(line, 0) | 1 << bit
    return _Markers(
        comment_form=comment_form,
        footer=footer,
        caption=caption,
        # `Lexicon.is_comment_header`'s count form: "<number> <count word>[ ...]"; the number is checked
        # with str.isdigit on the (few) matches.
        comment_count=re.compile(rf"(\w+) {trie_pattern([w for w in count_words if ' ' not in w])}(?: |$)"),
        read_also_prefix=re.compile(trie_pattern(read_also_prefix)),
        promo_prefix=re.compile(trie_pattern(promo_prefix)),
        tags_prefix=re.compile(trie_pattern(tags_prefix)),
        byline_prefix=re.compile(trie_pattern(byline_prefix)),
        any_prefix=re.compile(trie_pattern(read_also_prefix + promo_prefix + tags_prefix + byline_prefix)),
        months=months,
        whole_lines=whole_lines,
        credit=re.compile(
            rf"^\(?[^()]{{2,60}}\)$|\((?:{'|'.join(map(re.escape, credit_words)) or '(?!)'})\b[^()]*\)\.?$",
            re.I,
        ),
    )


# The marker lists the columns search for as substrings: footer, comment form, caption (rows of
# `_Page.substrings`), and the longest text any of those columns reads.
_FOOTER, _COMMENT_FORM, _CAPTION = range(3)
_SUBSTRING_MAX = 400
_MARKER_MAX = 299  # the longest line the footer and comment form columns read (`_markers_columns`)


def _substrings(
    norms: list[str], lengths: NDArray[np.int64], markers: _Markers, captions: bool = True
) -> NDArray[np.bool_]:
    """`_Page.substrings`: which lines' norms contain any footer, comment form or caption marker
    (`Lexicon.contains_substring`, line by line), a line the page repeats searched once; lines
    over `_SUBSTRING_MAX` characters are not searched (no column reads them). Without `captions`
    (no caption column will be read: the HTML path) the caption row stays False, and lines over
    `_MARKER_MAX` characters are not searched either."""
    # As plain substrings, unlike the rules' whole words: the shipped models learned these
    # columns so. Whole words here changed one of 757 dumped pages (SH-F1 +0.0001): switch
    # when the models are next trained, not before.
    lists = (markers.footer, markers.comment_form) + ((markers.caption,) if captions else ())
    longest = _SUBSTRING_MAX if captions else _MARKER_MAX
    needles = _needles(markers.footer, markers.comment_form, markers.caption)
    if needles is not None:
        found: NDArray[np.bool_] = needles.containing(norms, lengths, longest, len(lists))
        return found
    return _substrings_joined(norms, lengths, lists, longest)


def _substrings_joined(
    norms: list[str], lengths: NDArray[np.int64], lists: tuple[tuple[str, ...], ...], longest: int
) -> NDArray[np.bool_]:
    """`_substrings` by `JoinedLines.containing_each` (the reference of `_featcols.Needles`):
    `lists` the needle lists searched, the first rows; lines over `longest` not searched."""
    searched = [norm if size <= longest else "" for norm, size in zip(norms, lengths.tolist(), strict=True)]
    distinct = {norm: k for k, norm in enumerate(dict.fromkeys(searched))}
    found = JoinedLines.of(list(distinct)).containing_each(lists, whole_words=False)
    index = np.fromiter(map(distinct.__getitem__, searched), dtype=np.intp, count=len(searched))
    flags = np.zeros((3, len(norms)), dtype=np.bool_)
    found_distinct = np.array(found, dtype=np.bool_).reshape(len(lists), len(distinct))
    flags[: len(lists)] = found_distinct.take(index, axis=1)
    return flags


@lru_cache(maxsize=4)
def _needles(footer: tuple[str, ...], comment_form: tuple[str, ...], caption: tuple[str, ...]) -> Any:
    """The three substring lists of `_substrings` compiled (`_featcols.Needles`) where it is built
    and finds what `_substrings_joined` finds on probe lines (each tenth needle at a line's start,
    middle and end, cut short, upper-cased, beside wide characters); None otherwise, or with
    WARTA_PURE_PYTHON."""
    kernels = _kernels()
    lists = (footer, comment_form, caption)
    if kernels is None:
        return None
    try:
        needles = kernels.Needles(lists)
    except ValueError:  # an empty needle or one with a line break: the reference handles those
        return None
    lines = list(_PROBE)
    for needle in (needle for needles in lists for needle in needles[::10]):
        lines += [
            needle,
            f"x{needle}y",
            f"🌉 {needle}",
            f"Мост{needle}",
            needle[:-1],
            needle.upper(),
            needle[1:],
        ]
    lengths = np.array([len(line) for line in lines], dtype=np.int64)
    for searched, longest in ((3, _SUBSTRING_MAX), (2, _MARKER_MAX), (3, 12)):
        expected = _substrings_joined(lines, lengths, lists[:searched], longest)
        if not same_array(needles.containing(lines, lengths, longest, searched), expected):
            set_aside("substring search", "JoinedLines")
            return None
    return needles


def _select(values: list[str], mask: NDArray[np.bool_]) -> tuple[NDArray[np.intp], list[str]]:
    rows = _where(mask)
    return rows, [values[i] for i in rows.tolist()]


def _flags(func: Callable[[str], object], values: list[str]) -> NDArray[np.bool_]:
    return np.fromiter(map(bool, map(func, values)), dtype=np.bool_, count=len(values))


def _ends_with(texts: list[str], suffixes: tuple[str, ...]) -> NDArray[np.bool_]:
    """`text.endswith(suffixes)` of every text, the last character looked up first: it rules out most."""
    lasts = {suffix[-1:] for suffix in suffixes}
    if "" in lasts:  # an empty suffix ends every text
        return np.ones(len(texts), dtype=np.bool_)
    flags = (text[-1:] in lasts and text.endswith(suffixes) for text in texts)
    return np.fromiter(flags, dtype=np.bool_, count=len(texts))


def _lower_ends_with(page: _Page, rows: NDArray[np.intp], suffixes: tuple[str, ...]) -> NDArray[np.bool_]:
    """`text.lower().endswith(suffixes)` of the texts of `page` at `rows`. Where every suffix ends
    with an ASCII character that is no letter (":" in "wrote:"), only the texts ending with such a
    character are lowered: no other character lowercases to one (every code point checked,
    Unicode 14), so no other text can end with it once lowered."""
    texts = page.texts
    lasts = {suffix[-1:] for suffix in suffixes}
    if "" in lasts or not all(last.isascii() and not last.isalpha() for last in lasts):
        return _ends_with([texts[i].lower() for i in rows.tolist()], suffixes)
    ends = page.last_codes[rows]
    maybe = reduce(or_, (ends == ord(last) for last in lasts), np.zeros(len(rows), dtype=np.bool_))
    flags = np.zeros(len(rows), dtype=np.bool_)
    flags[maybe] = [texts[i].lower().endswith(suffixes) for i in rows[maybe].tolist()]
    return flags


def _flags_where(
    func: Callable[[str], object], values: list[str], where: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """`_flags(func, values)`, `func` called only `where` a cheaper test allows it (False elsewhere)."""
    flags = np.zeros(len(values), dtype=np.bool_)
    rows, candidates = _select(values, where)
    flags[rows] = _flags(func, candidates)
    return flags


def _where(mask: NDArray[np.bool_]) -> NDArray[np.intp]:
    """Indices of the True entries of a 1-D `mask`: `np.flatnonzero` without its ravel and Python
    wrappers, which cost more than the search on a page's few hundred lines. Row gathers below use
    `take` for the same reason (2-D fancy indexing is several times slower)."""
    indices: NDArray[np.intp] = mask.nonzero()[0]
    return indices


def _per_block(
    blocks: list[Block],
    lexicon: Lexicon,
    page: _Page | None = None,
    rows: NDArray[np.int64] | None = None,
    classes: ClassTokens | None = None,
    dom: DomFields | None = None,
) -> NDArray[np.float32]:
    """The PER_BLOCK columns of `blocks`. `page`: the page of their distinct texts, `rows`: each
    block's line in it (by default a page of every block's text, a line per block); `classes`,
    `dom`: their `ClassTokens` and `DomFields`, when already read."""
    if not blocks:
        return np.zeros((0, len(PER_BLOCK)), dtype=np.float32)
    page = page or _Page.of([b.text for b in blocks], lexicon)
    rows = np.arange(len(blocks)) if rows is None else rows
    out = _line_columns(page, np.bincount(rows, minlength=len(page.texts)), lexicon).take(rows, axis=0)
    out[0, _TITLE_OVERLAP : _TITLE_PREFIX + 1] = 0.0  # the first block is the title, compared with nothing
    _structure_columns(out, blocks, classes, dom)
    return out


_FIRST_CHAR = itemgetter(slice(0, 1))  # a text's first character ('' for an empty text)
_TITLE_OVERLAP, _TITLE_PREFIX = _COL["title_overlap"], _COL["title_prefix"]


def _line_columns(page: _Page, times: NDArray[np.int64], lexicon: Lexicon) -> NDArray[np.float32]:
    """The PER_BLOCK columns that a block's text decides, one row per line of `page` (a text the
    page repeats is read once); `times`: how many blocks hold each line. The structure columns
    stay zero, and the title columns are filled for the first line too."""
    n = len(page.texts)
    out = np.zeros((n, len(PER_BLOCK)), dtype=np.float32)
    # Blocks per norm (texts that differ can share one).
    norm_ids = distinct_ids(page.norms)[0]
    kernels = _kernels()
    if kernels is None:
        _shape_columns(page.texts, page.lengths, page.counts, page.first_classes, page.last_codes,
                       page.last_classes, norm_ids, times, out)  # fmt: skip
    else:
        log1p, log, _ = _log_tables(max(int(page.lengths.max()), int(times.sum())) + 1)  # times: blocks
        kernels.shape_columns(
            page.joined, page.starts, page.lengths, page.counts, page.first_classes, page.last_codes,
            page.last_classes, norm_ids, times, log1p, log, out,
        )  # fmt: skip
    out[:, 31] = page.counts[_URLS] > 0
    _stop_ratio(out, page.norms, page.counts[_WORDS], page.counts[_DIGITS], page, lexicon)
    _markers_columns(out, page, lexicon)
    return out


def _shape_columns(
    texts: list[str],
    lengths: NDArray[np.int64],
    counts: NDArray[np.float64],
    first_classes: NDArray[np.uint8],
    last_codes: NDArray[np.uint32],
    last_classes: NDArray[np.uint8],
    norm_ids: NDArray[np.int64],
    times: NDArray[np.int64],
    out: NDArray[np.float32],
) -> None:
    """The columns of `_line_columns` read from the lines' counts and edges (`_Page`) into `out`:
    log_chars...starts_lower, repeats (`norm_ids`: each line's norm's id, `times`: blocks per
    line), capitalised_ratio, has_quote, pipe_or_sep. The numpy reference of
    `_featcols.shape_columns`."""
    n_chars = lengths.astype(np.float64)
    letters, digits, upper, n_words, word_chars, capitalised, punct, dots = counts[:_QUOTE_CHARS]
    safe_words = np.maximum(n_words, 1)
    out[:, 0] = np.log1p(n_chars)
    out[:, 1] = np.log1p(n_words)
    out[:, 2] = word_chars / safe_words
    out[:, 3] = letters / np.maximum(n_chars, 1)
    out[:, 4] = digits / np.maximum(n_chars, 1)
    out[:, 5] = upper / np.maximum(letters, 1)
    out[:, 32] = capitalised / safe_words
    out[:, 6] = np.where(n_words > 0, punct / safe_words, 0.0)
    out[:, 7] = (last_classes & _ENDS_SENTENCE) > 0
    tail3 = [t.endswith("...") for t in _select(texts, dots >= 3)[1]]
    out[:, 8] = last_codes == 0x2026
    out[_where(dots >= 3)[tail3], 8] = 1.0
    out[:, 9] = (first_classes & 4) > 0
    out[:, 10] = (first_classes & 16) > 0
    out[:, 33] = counts[_QUOTE_CHARS] > 0
    out[:, 34] = counts[_SEPARATORS] > 0
    out[:, 25] = np.log(np.bincount(norm_ids, weights=times)[norm_ids])


def _stop_ratio(
    out: NDArray[np.float32],
    norms: list[str],
    n_words: NDArray[np.float64],
    digits: NDArray[np.float64],
    page: _Page,
    lexicon: Lexicon,
) -> None:
    """stop_ratio, date_like, time_like, title_overlap, title_prefix: the columns that need word
    lists; those but the date and time patterns' in one compiled pass where it is built
    (`_word_columns`), else `_stop_ratio_lists`."""
    counters = _word_columns(lexicon.stopwords, page.markers.months)
    if counters is None:
        _stop_ratio_lists(
            out, norms, page.texts, page.lengths, n_words, digits, lexicon.stopwords, page.markers.months
        )
        return
    stop, months = counters
    date_rows = stop.word_columns(months, norms, page.texts, n_words, digits, page.lengths, out)
    if len(date_rows):
        _date_columns(out, date_rows, [page.texts[i] for i in date_rows.tolist()])


def _date_columns(out: NDArray[np.float32], rows: NDArray[np.int64], texts: list[str]) -> None:
    """date_like (where a numeric date sets it) and time_like of the lines at `rows` (`texts`)."""
    out[rows[_flags(_DATE_NUMERIC.search, texts)], 23] = 1.0
    out[rows, 24] = _flags(_TIME.search, texts)


@lru_cache(maxsize=4)
def _word_columns(stop: frozenset[str], months: frozenset[str]) -> tuple[StopWords, StopWords] | None:
    """The compiled `stop` and `months` (`_word_counter`) where the first's `word_columns` gives
    `_stop_ratio_lists`'s columns on `_PROBE` (lines made titles, stopwords, months, dates);
    None otherwise, or with WARTA_PURE_PYTHON."""
    counter, month_counter = _word_counter(stop), _word_counter(months)
    if counter is None or month_counter is None:
        return None
    lines = [
        *_PROBE,
        "di Мост 🌉 naïve 12/5 di",
        "Mei 2026, 10.30",
        "x_1 X_1 x_1 𝐀𝐁",
        "12 mei",
        "naïve café ok",
        "１２/5 ²/3 ٣:٤٥ 1-",
        "12:30",
    ]
    for title in ("", "naïve café ÑANDÚ ß 2026! x_1 di", "🌉 bridge 𝐀𝐁 x_1 𝟙 di di"):
        norms = normalise_lines([title, *lines])
        texts = [title, *lines]
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        n_words = np.array([len(_WORD.findall(t)) for t in texts], dtype=np.float64)
        n_words[1::3] += 13  # long lines: whitespace tokens
        n_words[2::5] += 31  # no title columns
        digits = np.array([sum(map(str.isdigit, t)) for t in texts], dtype=np.float64)
        found, expected = (np.zeros((len(texts), len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
        probed = stop | _PROBE_STOPWORDS
        date_rows = type(counter)(probed).word_columns(
            month_counter, norms, texts, n_words, digits, lengths, found
        )
        if len(date_rows):
            _date_columns(found, date_rows, [texts[i] for i in date_rows.tolist()])
        _stop_ratio_lists(expected, norms, texts, lengths, n_words, digits, probed, months, counted=False)
        if not same_array(found, expected):
            set_aside("word columns", "Python")
            return None
    return counter, month_counter


def _stop_ratio_lists(
    out: NDArray[np.float32],
    norms: list[str],
    texts: list[str],
    lengths: NDArray[np.int64],
    n_words: NDArray[np.float64],
    digits: NDArray[np.float64],
    stopwords: frozenset[str],
    months: frozenset[str],
    counted: bool = True,
) -> None:
    """`_stop_ratio` of the lines `texts` (their `norms`, `lengths` and counts), by Python token
    lists and sets, or the compiled counts (`_word_counter`) where built and `counted`: the
    reference of `_linescan.StopWords.word_columns`."""
    # Long lines: whitespace tokens (the line is text, punctuation barely matters); short ones: \w tokens.
    long_rows, long_lines = _select(norms, n_words > 12)
    rows, short_lines = _select(norms, n_words <= 30)
    counter = _word_counter(stopwords) if counted else None
    # The short lines' `_WORD` tokens: without the compiled counts, all of them (each column below
    # reads them); with them, only those of the lines sharing a word with the title.
    tokens = list(map(_WORD.findall, short_lines)) if counter is None else None
    in_stop_mode = n_words[rows] <= 12
    stop_rows = np.concatenate((long_rows, rows[in_stop_mode]))
    if tokens is not None:
        _token_ratio(
            out,
            stop_rows,
            [*map(str.split, long_lines), *compress(tokens, in_stop_mode.tolist())],
            stopwords,
        )
    elif counter is not None:
        long_hits, long_sizes = counter.count(long_lines, False)
        short_hits, short_sizes = counter.count(list(compress(short_lines, in_stop_mode.tolist())), True)
        hits, sizes = np.concatenate((long_hits, short_hits)), np.concatenate((long_sizes, short_sizes))
        has = sizes > 0
        out[stop_rows[has], 11] = hits[has] / sizes[has]  # as `_token_ratio`: int64 / int64

    datey = in_stop_mode & (digits[rows] > 0)
    if datey.any():
        date_rows = rows[datey]
        date_texts = [texts[i] for i in date_rows.tolist()]
        has_date = _flags(_DATE_NUMERIC.search, date_texts)
        picked = datey.tolist()
        date_tokens = None if tokens is None else list(compress(tokens, picked))
        has_month = _any_word(
            months, list(compress(short_lines, picked)), date_tokens, _word_counter(months)
        )[0]
        out[date_rows, 23] = has_date | has_month
        out[date_rows, 24] = _flags(_TIME.search, date_texts)

    title = set(_WORD.findall(norms[0]))
    overlap = lengths[rows] < 300
    if title and overlap.any():
        picked = overlap.tolist()
        overlap_lines = list(compress(short_lines, picked))
        overlap_tokens = None if tokens is None else list(compress(tokens, picked))
        title_counter = None if counter is None else type(counter)(title)
        # The overlap stays 0 where a line shares no word with the title: sets of the others only.
        meets, n_tokens = _any_word(title, overlap_lines, overlap_tokens, title_counter)
        met = meets.tolist()
        if overlap_tokens is None:
            lines = list(map(_WORD.findall, compress(overlap_lines, met)))
        else:
            lines = list(compress(overlap_tokens, met))
        sets = list(map(set, lines))
        sizes = np.fromiter(map(len, sets), dtype=np.float64, count=len(sets))
        shared = np.fromiter(map(len, map(title.intersection, sets)), dtype=np.float64, count=len(sets))
        out[rows[overlap][meets], 26] = shared / (sizes + len(title) - shared)
        at = rows[overlap][n_tokens > 0]
        candidates = [norms[i] for i in at.tolist()]
        sizes = np.fromiter(map(len, candidates), dtype=np.int64, count=len(candidates))
        # Only a line no longer than the title can start it.
        out[at, 27] = _flags_where(norms[0].startswith, candidates, (sizes > 10) & (sizes <= len(norms[0])))


def _any_word(
    words: set[str] | frozenset[str],
    lines: list[str],
    tokens: list[list[str]] | None,
    counter: StopWords | None,
) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """Per line of `lines`: whether one of its `_WORD` tokens is in `words`, and how many tokens it
    has; from `tokens` (the lines' `_WORD.findall`) where given, else counted by `counter` (`words`
    compiled)."""
    if tokens is not None or counter is None:
        tokens = list(map(_WORD.findall, lines)) if tokens is None else tokens
        k = len(tokens)
        meets = ~np.fromiter(map(words.isdisjoint, tokens), dtype=np.bool_, count=k)
        return meets, np.fromiter(map(len, tokens), dtype=np.int64, count=k)
    hits, sizes = counter.count(lines, True)
    return hits > 0, sizes


def _stop_counts(
    lines: list[str], stop: frozenset[str], words: bool
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Per line: how many of its tokens are in `stop`, and how many it has; tokens are `_WORD`
    matches with `words`, else `str.split()`'s (the reference of `_linescan.StopWords.count`)."""
    tokens = list(map(_WORD.findall if words else str.split, lines))
    hits = np.fromiter((sum(map(stop.__contains__, t)) for t in tokens), dtype=np.int64, count=len(lines))
    return hits, np.fromiter(map(len, tokens), dtype=np.int64, count=len(lines))


_PROBE_STOPWORDS = frozenset({"di", "Мост", "🌉", "x_1", "𝐀𝐁", "naïve", "ok"})


@lru_cache(maxsize=4)
def _word_counter(stop: frozenset[str]) -> StopWords | None:
    """`stop` (the stopwords, the month names) compiled for `_stop_ratio`
    (`warta.classify._linescan.StopWords`) where it is built and counts as `_stop_counts` on
    `_PROBE` (tokens both ways, a few of them made stopwords); None otherwise, or with
    WARTA_PURE_PYTHON (the Python token lists are read instead)."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify._linescan import StopWords
    except ImportError:
        return None
    counter = StopWords(stop)
    lines, probed = list(_PROBE), stop | _PROBE_STOPWORDS  # some probe tokens looked up as stopwords
    for compiled, words in ((counter, stop), (StopWords(probed), probed)):
        for tokens_are_words in (False, True):
            found, expected = (
                compiled.count(lines, tokens_are_words),
                _stop_counts(lines, words, tokens_are_words),
            )
            if not (same_array(found[0], expected[0]) and same_array(found[1], expected[1])):
                set_aside("stopword counts", "Python")
                return None
    return counter


@lru_cache(maxsize=1)
def _kernels() -> ModuleType | None:
    """`warta.classify._featcols` (the shape and context column groups in C) where it is built and
    writes `_shape_columns`'s and `_context_columns`'s bits on probes; None otherwise, or with
    WARTA_PURE_PYTHON (the numpy references run instead)."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.classify import _featcols
    except ImportError:
        return None
    probes = (_probe_shape, _probe_context, _probe_ids, _probe_structures, _probe_stage2)
    if not all(probe(_featcols) for probe in probes):
        set_aside("feature columns", "numpy")
        return None
    return _featcols


def _probe_ids(kernels: ModuleType) -> bool:
    """Whether `kernels.first_ids` and `tuple_bits` give `_first_ids_dict`'s and
    `_tuple_bits_sets`' results on probe keys (strs, tuples, numbers that compare equal) and
    class/id token tuples (marker words, semantic tags, tokens holding several words)."""
    keys: list[Any] = ["a", ("b", "c"), 1, "a", 1.0, True, ("b", "c"), (), "", "🌉", ""]
    for probe in (keys, [], keys[:1]):
        found, expected = kernels.first_ids(probe), _first_ids_dict(probe)
        if not (same_array(found[0], expected[0]) and found[1] == expected[1]):
            return False
        if not same_array(found[0], _distinct_ids_dict(probe)[0]):
            return False
        if not same_array(found[2], expected[2]):
            return False
    words = [
        *_BOILER_CLASS[:3],
        *_CONTENT_CLASS[:3],
        *SEMANTIC_TAGS[:3],
        *(w for g in _CLASS_GROUPS for w in g[:1]),
    ]
    tuples = [
        (),
        tuple(words),
        (f"x-{words[0]}-{words[-1]}", "y"),
        tuple(words[::2]),
        ("nothing",),
        tuple(words[1::3]),
    ]
    return bool(kernels.tuple_bits(tuples, _token_bits) == _tuple_bits_sets(tuples))


def _probe_structures(kernels: ModuleType) -> bool:
    """Whether `kernels.dom_fields` and `structure_columns` give `DomFields.read`'s fields and
    `_structure_columns_numpy`'s columns on probe blocks (tagged or not, class/id markers)."""
    tokens = (_BOILER_CLASS[0], _CONTENT_CLASS[0], f"x{_BOILER_CLASS[-1]}", SEMANTIC_TAGS[0])
    structures = [
        BlockStructure(),
        BlockStructure(blank_before=True, bullet=True),
        BlockStructure(
            heading_level=1, tag="h1", in_link=True, link_density=0.25, dom_depth=7, class_tokens=tokens
        ),
        BlockStructure(tag="p", in_list=True, in_table=True, in_figure=True, class_tokens=tokens[1:3]),
        BlockStructure(tag="li", in_blockquote=True, link_density=1.0, class_tokens=tokens[:1], dom_depth=3),
    ]
    for picked in (structures[:2], structures, structures[::-1]):
        blocks = [Block(k, "x", s) for k, s in enumerate(picked)]
        found, expected = kernels.dom_fields(blocks, _STRUCTURE_FIELDS), DomFields.read(blocks)
        if found[0::3] != (expected.structures, expected.tag_paths) or found[1::3] != (
            expected.tags,
            expected.class_tokens,
        ):
            return False
        if not (same_array(found[2], expected.numbers) and same_array(found[5], expected.hrefs)):
            return False
        ids, distinct, _ = _first_ids_dict([b.structure.class_tokens for b in blocks])
        classes = ClassTokens(ids, distinct, _tuple_bits_sets(distinct))
        outs = np.zeros((2, len(blocks), len(PER_BLOCK)), dtype=np.float32)
        kernels.structure_columns(
            expected.numbers, expected.tags, ids, np.array(classes.bits, dtype=np.uint64), len(_BOILER_CLASS),
            len(_CONTENT_CLASS), _LAYOUT_FIRST, len(_LAYOUT), _DOM_FIRST, outs[0],
        )  # fmt: skip
        _structure_columns_numpy(outs[1], blocks, classes, expected)
        if not same_array(outs[0], outs[1]):
            return False
    return True


def _probe_shape(kernels: ModuleType) -> bool:
    """Whether `kernels.shape_columns` gives `_shape_columns`'s columns on `_PROBE` (lines
    repeated, ellipses, every str width), by the numpy scan's counts."""
    texts = [*_PROBE, "Wait...", "..", "…", "Мост...", "🌉...", *_PROBE[:3]]
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(len(texts), dtype=np.int64)
    (lengths[:-1] + 1).cumsum(out=starts[1:])
    joined, n = "\n".join(texts), len(texts)
    counts, edges, classes = _scan_lines(joined, starts, lengths)
    norm_ids = _distinct_ids_dict([t.lower() for t in texts])[0]
    times = np.arange(n, dtype=np.int64) % 3 + 1
    found, expected = (np.zeros((n, len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
    log1p, log, _ = _log_tables(int(lengths.max()) + n + 1)
    kernels.shape_columns(joined, starts, lengths, counts, classes[:n], edges[n:], classes[n:], norm_ids, times,
                          log1p, log, found)  # fmt: skip
    _shape_columns(texts, lengths, counts, classes[:n], edges[n:], classes[n:], norm_ids, times, expected)
    return same_array(found, expected)


def _probe_context(kernels: ModuleType) -> bool:
    """Whether `kernels.context_columns` gives `_context_columns`'s columns on generated pages
    (one block, a few, ties in length, every flag set somewhere)."""
    rng = np.random.default_rng(0)
    for n in (1, 2, 7, 60):
        base = np.zeros((n, len(PER_BLOCK)), dtype=np.float32)
        base[:, _COL["log_chars"]] = np.log1p(rng.integers(0, 5, n) * 40)
        base[:, _COL["n_words"]] = np.log1p(rng.integers(0, 30, n))
        base[:, :] += (rng.random((n, len(PER_BLOCK))) < 0.2) * (np.arange(len(PER_BLOCK)) != 0)
        base[:, _COL["title_overlap"]] = rng.random(n).astype(np.float32)
        chars = np.expm1(base[:, _COL["log_chars"]])
        total = float(chars.sum()) or 1.0
        width = len(FEATURE_NAMES) - len(PER_BLOCK)
        found, expected = np.zeros((n, width), dtype=np.float32), np.zeros((n, width), dtype=np.float32)
        _context_columns_compiled(kernels, base, chars, total, found)
        _context_columns(base, chars, total, expected)
        if not same_array(found, expected):
            return False
    return True


def _probe_stage2(kernels: ModuleType) -> bool:
    """Whether `kernels.stage2_columns` gives `_stage2_columns`' matrix on generated pages (one
    block, a few, probabilities of 0 and 1, ties, both zeros, a NaN)."""
    rng = np.random.default_rng(0)
    for n in (1, 2, 3, 7, 30):
        first = rng.normal(0.0, 2.0, (n, 5))
        probs = rng.random(n).astype(np.float32)
        probs[rng.random(n) < 0.3] = 0.0
        probs[rng.random(n) < 0.2] = 1.0
        if n >= 7:
            probs[3], probs[5] = -0.0, np.nan
        found = np.empty((n, 5 + len(STAGE2_NAMES)))
        kernels.stage2_columns(first, probs, _STAGE2_RADII_ARRAY, found)
        if not same_array(found, _stage2_columns(first, probs, np.empty_like(found))):
            return False
        narrow = found.astype(np.float32)
        narrow[0, :3] = (np.nan, -0.0, np.inf)
        if not same_array(kernels.widened(narrow), narrow.astype(np.float64)):
            return False
    return True


def _token_ratio(
    out: NDArray[np.float32], rows: NDArray[np.intp], tokens: list[list[str]], stop: frozenset[str]
) -> None:
    """stop_ratio of the lines at `rows`: the share of their `tokens` in `stop` (the lines with
    none left alone). The tokens of all lines are looked up in one flat pass."""
    sizes = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    total = int(sizes.sum())
    if not total:
        return
    found = np.zeros(total + 1, dtype=np.int64)  # found[k]: stopwords among the first k tokens
    hits = np.fromiter(map(stop.__contains__, chain.from_iterable(tokens)), dtype=np.bool_, count=total)
    hits.cumsum(out=found[1:])
    ends = sizes.cumsum()
    has = sizes > 0
    out[rows[has], 11] = (found[ends] - found[ends - sizes])[has] / sizes[has]


def _markers_columns(out: NDArray[np.float32], page: _Page, lexicon: Lexicon) -> None:
    """Lexicon marker columns (12-22) of the lines short enough to be markers: in one compiled
    pass where it is built (`_featcols.marker_columns`, the comment attributions added here),
    else `_markers_columns_numpy`."""
    kernels = _marker_kernels()
    if kernels is None:
        _markers_columns_numpy(out, page, lexicon)
        return
    _markers_columns_compiled(kernels, out, page, lexicon)


def _markers_columns_compiled(
    kernels: ModuleType, out: NDArray[np.float32], page: _Page, lexicon: Lexicon
) -> None:
    markers = page.markers
    # Whether a line opens with any marker prefix, asked of most lines: found for all at once by
    # the lexicon's compiled trie of the same prefixes where it is built, else by the regex.
    trie = lexicon.starts_with_trie(*_ANY_PREFIX_FIELDS)
    any_prefix = markers.any_prefix.match if trie is None else _opening_lines(page.norms, trie)
    kernels.marker_columns(
        page.norms, page.lengths, markers.whole_lines, any_prefix, markers.read_also_prefix.match,
        markers.tags_prefix.match, markers.promo_prefix.match, markers.byline_prefix.match,
        markers.comment_count.match, page.substrings.view(np.uint8), page.texts, page.last_codes,
        *_attribution_test(lexicon.comment_attribution), out,
    )  # fmt: skip


# The lexicon's fields whose prefixes `_Markers.any_prefix` matches (`_markers_of`), in its order.
_ANY_PREFIX_FIELDS = ("read_also_prefix", "promo_prefix", "tags_prefix", "author_prefix", "editor_prefix")


def _opening_lines(norms: list[str], trie: CompiledTrie) -> Callable[[str], bool | None]:
    """`any_prefix.match` as `marker_columns` asks it (None: no prefix) of the page's `norms`: the
    `get` of a dict of the norms that `trie` finds opening with a prefix, all found in one call."""
    return dict.fromkeys(map(norms.__getitem__, trie.opening(norms, "")), True).get


@lru_cache(maxsize=4)
def _attribution_test(suffixes: tuple[str, ...]) -> tuple[frozenset[int] | None, Callable[[str], bool]]:
    """What `_featcols.marker_columns` asks for `_lower_ends_with(page, rows, suffixes)`: the last
    code points of the texts worth lowering (None: every text), and the test of one text."""
    lasts = {suffix[-1:] for suffix in suffixes}
    ends = None
    if "" not in lasts and all(last.isascii() and not last.isalpha() for last in lasts):
        ends = frozenset(map(ord, lasts))  # as `_lower_ends_with`: no other character lowercases to one

    def attributed(text: str) -> bool:
        return text.lower().endswith(suffixes)

    return ends, attributed


@lru_cache(maxsize=1)
def _marker_kernels() -> ModuleType | None:
    """`_kernels()` where its `marker_columns` gives `_markers_columns_numpy`'s columns on a probe
    page of the default lexicon's markers (each kind, cut at 120, 200 and 300 characters)."""
    kernels = _kernels()
    if kernels is None:
        return None
    from warta.lexicon import load_lexicon

    lexicon = load_lexicon()
    sets = [sorted(getattr(lexicon, name))[:2] for name in _SET_BITS]
    prefixes = [*lexicon.read_also_prefix[:3], *lexicon.promo_prefix[:3], *lexicon.tags_prefix[:3]]
    prefixes += [*lexicon.author_prefix[:3], *lexicon.editor_prefix[:3]]
    counts = [f"12 {word}" for word in sorted(lexicon.comment_count_words)[:3]] + ["١٢ x", "x 12"]
    tails = [f"Budi{suffix}" for suffix in lexicon.comment_attribution[:3]] + [*lexicon.comment_form[:2]]
    texts = [*_PROBE, *(w for words in sets for w in words), *counts, *tails, *lexicon.footer_contains[:2]]
    texts += [f"{p} x" for p in prefixes] + [
        f"{p} {'x' * size}" for p in prefixes[::3] for size in (110, 190, 290)
    ]
    texts += [w.upper() for words in sets for w in words]
    page = _probe_page(texts, lexicon)
    found, expected = (np.zeros((len(texts), len(PER_BLOCK)), dtype=np.float32) for _ in range(2))
    _markers_columns_compiled(kernels, found, page, lexicon)
    _markers_columns_numpy(expected, page, lexicon)
    if not same_array(found, expected):
        set_aside("marker columns", "numpy")
        return None
    return kernels


def _probe_page(texts: list[str], lexicon: Lexicon) -> _Page:
    """`_Page.of(texts, lexicon)` by the reference scans only (no compiled part is asked for)."""
    n = len(texts)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    starts = np.zeros(n, dtype=np.int64)
    (lengths[:-1] + 1).cumsum(out=starts[1:])
    joined = "\n".join(texts)
    counts, edges, classes = _scan_lines(joined, starts, lengths)
    norms = normalise_lines(texts)
    markers = _markers(lexicon)
    lists = (markers.footer, markers.comment_form, markers.caption)
    substrings = _substrings_joined(norms, lengths, lists, _SUBSTRING_MAX)
    return _Page(texts, joined, lengths, starts, norms, markers, substrings, edges[:n], classes[:n], edges[n:],
                 classes[n:], counts)  # fmt: skip


def _markers_columns_numpy(out: NDArray[np.float32], page: _Page, lexicon: Lexicon) -> None:
    """`_markers_columns` by numpy and Python (the reference of `_featcols.marker_columns`)."""
    chars = page.lengths
    rows, lines = _select(page.norms, chars <= _MARKER_MAX)
    if not lines:
        return
    markers = page.markers
    k = len(lines)
    sets = np.fromiter(map(markers.whole_lines.get, lines, repeat(0)), dtype=np.int64, count=k)
    related, sidebar, comment, share, nav, promo_line, widget = (sets[:, None] >> _SET_SHIFTS & 1 > 0).T
    prefixed = _flags(markers.any_prefix.match, lines)
    out[rows, 12] = _flags_where(markers.read_also_prefix.match, lines, prefixed)
    out[rows, 13] = related
    out[rows, 14] = sidebar
    header = comment
    # "<number> <count word>": the regex finds the shape, str.isdigit checks the number. The number
    # opens the line, so only lines starting with a digit are tried.
    digit_first = np.fromiter(map(str.isdigit, map(_FIRST_CHAR, lines)), dtype=np.bool_, count=k)
    for j in _where(digit_first).tolist():
        m = markers.comment_count.match(lines[j])
        if m is not None and m.group(1).isdigit():
            header[j] = True
    out[rows, 15] = header
    out[rows, 18] = share
    out[rows, 19] = nav
    out[rows, 20] = page.substrings[_FOOTER][rows]
    out[rows, 21] = _flags_where(markers.tags_prefix.match, lines, prefixed)
    promo = promo_line

    under_200 = chars[rows] < 200
    rows_200 = rows[under_200]
    out[rows_200, 16] = (
        widget[under_200]
        | page.substrings[_COMMENT_FORM][rows_200]
        | _lower_ends_with(page, rows_200, lexicon.comment_attribution)
    )
    promo[under_200] |= _flags_where(markers.promo_prefix.match, lines, prefixed)[under_200]
    out[rows, 17] = promo
    under_120 = chars[rows] < 120
    out[rows[under_120], 22] = _flags_where(markers.byline_prefix.match, lines, prefixed)[under_120]


# The numeric fields of BlockStructure, each the column of the same name in PER_BLOCK: the
# layout ones (blank_before...bullet), the DOM ones (heading_level...link_density), dom_depth.
_LAYOUT_FIRST, _DOM_FIRST, _DOM_LAST = _COL["blank_before"], _COL["heading_level"], _COL["dom_depth"]
_LAYOUT = PER_BLOCK[_LAYOUT_FIRST : _COL["bullet"] + 1]
_DOM_NUMBERS = PER_BLOCK[_DOM_FIRST : _COL["link_density"] + 1]
_LAYOUT_OF = attrgetter(*_LAYOUT)
_STRUCTURE_FIELDS = (*_LAYOUT, *_DOM_NUMBERS, "dom_depth")
_STRUCTURE_NUMBERS_OF = attrgetter(*_STRUCTURE_FIELDS)
_HREF = attrgetter("href")


_BOILER_BITS = (1 << len(_BOILER_CLASS)) - 1
_CONTENT_BITS = (1 << len(_CONTENT_CLASS)) - 1
# The token groups of the HTML-only cls_* columns (`html_features.HTML_EXTRA_NAMES`), in lexicon order.
_CLASS_GROUPS: tuple[tuple[str, ...], ...] = tuple(map(tuple, html_lexicon()["class_groups"].values()))
# Bit of the first token group in `ClassTokens.bits`, after one bit per boilerplate and content marker.
CLASS_GROUP_BIT = len(_BOILER_CLASS) + len(_CONTENT_CLASS)
# `model.SEMANTIC_TAGS` (the tag names the HTML segmenter adds to the class/id tokens inside
# them: the within_* columns), a bit each from SEMANTIC_BIT on: a whole token, not a word within one.
SEMANTIC_BIT = CLASS_GROUP_BIT + len(_CLASS_GROUPS)


@dataclass(frozen=True, slots=True)
class _ClassWords:
    """The class/id marker words, each a bit: the k-th marker of _BOILER_CLASS + _CONTENT_CLASS bit k,
    a word of the j-th token group bit CLASS_GROUP_BIT + j; and the bits of SEMANTIC_TAGS."""

    # Finds, at every position, the longest word starting there (a zero-width match, so all overlap).
    finder: re.Pattern[str]
    # Each word -> the bits of the words it starts with (itself too): the words starting where it does.
    starting: dict[str, int]
    semantic: dict[str, int]  # tag name -> its bit


@lru_cache(maxsize=1)
def _class_words() -> _ClassWords:
    bits: dict[str, int] = {}
    for k, marker in enumerate(_BOILER_CLASS + _CONTENT_CLASS):
        bits[marker] = bits.get(marker, 0) | 1 << k
    for j, words in enumerate(_CLASS_GROUPS):
        for word in words:
            bits[word] = bits.get(word, 0) | 1 << (CLASS_GROUP_BIT + j)
    if any(not word or word != "".join(word.split()) for word in bits):
        # Tuples are tested space-joined (`ClassTokens`): a word must not span two tokens.
        raise ValueError("class marker words must be non-empty and hold no whitespace")
    starting = {
        word: reduce(or_, (b for other, b in bits.items() if word.startswith(other)), 0) for word in bits
    }
    semantic = {tag: 1 << (SEMANTIC_BIT + k) for k, tag in enumerate(SEMANTIC_TAGS)}
    if SEMANTIC_BIT + len(SEMANTIC_TAGS) > 64:
        raise ValueError("class marker bits must fit in 64 bits (`_tuple_bits` ORs them as uint64)")
    return _ClassWords(re.compile(f"(?=({trie_pattern(bits)}))"), starting, semantic)


@lru_cache(maxsize=1 << 16)
def _token_bits(token: str) -> int:
    """`_ClassWords` bits of the marker words occurring in `token`, and of the semantic tag it is
    (cached: tokens repeat across pages)."""
    words = _class_words()
    return reduce(or_, map(words.starting.__getitem__, words.finder.findall(token)), 0) | words.semantic.get(
        token, 0
    )


@dataclass(frozen=True, slots=True)
class ClassTokens:
    """The blocks' class/id token tuples, each distinct one read once for marker words: shared by
    the DOM columns here and the HTML-only ones."""

    ids: NDArray[np.int64]  # each block's distinct tuple
    distinct: list[tuple[str, ...]]
    # Per distinct tuple: the `_ClassWords` bits of the words occurring in any of its tokens
    # (so in its space-joined tokens: no word holds a space) and of the semantic tags among them.
    bits: list[int]

    @classmethod
    def of(cls, blocks: list[Block]) -> ClassTokens:
        return cls.of_tuples([b.structure.class_tokens for b in blocks])

    @classmethod
    def of_tuples(cls, tuples: list[tuple[str, ...]]) -> ClassTokens:
        """The `ClassTokens` of blocks whose class/id token tuples are `tuples`."""
        ids, distinct, _ = first_ids(tuples)
        return cls(ids, distinct, _tuple_bits(distinct))


def _tuple_bits(distinct: list[tuple[str, ...]]) -> list[int]:
    """OR of `_token_bits` over each tuple's tokens: in one compiled pass where it is built
    (`_featcols.tuple_bits`), else `_tuple_bits_sets`."""
    kernels = _kernels()
    if kernels is None:
        return _tuple_bits_sets(distinct)
    bits: list[int] = kernels.tuple_bits(distinct, _token_bits)
    return bits


def _tuple_bits_sets(distinct: list[tuple[str, ...]]) -> list[int]:
    """`_tuple_bits` by sets. Tuples nest their ancestors' tokens: they are long, but hold few
    distinct tokens, and fewer still with bits; each tuple is intersected (in C) with those, and
    only what it shares with them is ORed."""
    with_bits = {token: bits for token in set().union(*distinct) if (bits := _token_bits(token))}
    tokens = with_bits.keys()
    result = []
    for tuple_ in distinct:
        bits = 0
        for token in tokens & tuple_:
            bits |= with_bits[token]
        result.append(bits)
    return result


def _class_marker_counts(bits: list[int]) -> NDArray[np.float64]:
    """Per class/id token tuple (its `ClassTokens.bits`): how many boilerplate and how many
    content class markers occur in its space-joined tokens."""
    counts = np.zeros((len(bits), 2), dtype=np.float64)
    counts[:, 0] = [(b & _BOILER_BITS).bit_count() for b in bits]
    counts[:, 1] = [(b >> len(_BOILER_CLASS) & _CONTENT_BITS).bit_count() for b in bits]
    return counts


def distinct_ids(keys: list[Any]) -> tuple[NDArray[np.int64], list[Any]]:
    """Dense ids of `keys` (first-seen order) and the distinct keys."""
    kernels = _kernels()
    if kernels is not None:
        ids, distinct_keys, _ = kernels.first_ids(keys)
        return ids, distinct_keys
    return _distinct_ids_dict(keys)


def _distinct_ids_dict(keys: list[Any]) -> tuple[NDArray[np.int64], list[Any]]:
    """`distinct_ids` by a dict (the reference of `_featcols.first_ids`' first two)."""
    distinct = list(dict.fromkeys(keys))
    position = dict(zip(distinct, range(len(distinct)), strict=True))
    return np.fromiter(map(position.__getitem__, keys), dtype=np.int64, count=len(keys)), distinct


def first_ids(keys: list[Any]) -> tuple[NDArray[np.int64], list[Any], NDArray[np.int64]]:
    """`distinct_ids` of `keys`, and where each distinct key first occurs; each key hashed once
    (a tuple's hash is not cached: they cost most). In one compiled pass where it is built
    (`_featcols.first_ids`), else `_first_ids_dict`."""
    kernels = _kernels()
    if kernels is not None:
        found: tuple[NDArray[np.int64], list[Any], NDArray[np.int64]] = kernels.first_ids(keys)
        return found
    return _first_ids_dict(keys)


def _first_ids_dict(keys: list[Any]) -> tuple[NDArray[np.int64], list[Any], NDArray[np.int64]]:
    """`first_ids` by a dict and numpy (the reference of `_featcols.first_ids`)."""
    first: dict[Any, int] = {}
    seen = list(map(first.setdefault, keys, count()))  # each key's first position
    firsts = np.fromiter(first.values(), dtype=np.int64, count=len(first))  # ascending
    ids: NDArray[np.int64] = firsts.searchsorted(seen)
    return ids, list(first), firsts


@dataclass(frozen=True, slots=True)
class DomFields:
    """The blocks' structures, tags and numeric fields, read once: shared by the DOM columns here
    and the HTML-only ones."""

    structures: list[BlockStructure]
    tags: list[str]
    # Per block: the layout numbers, then the DOM ones (heading_level...link_density), then dom_depth.
    numbers: NDArray[np.float64]
    tag_paths: list[str]
    class_tokens: list[tuple[str, ...]]
    hrefs: NDArray[np.bool_]  # whether each block has an href

    @classmethod
    def of(cls, blocks: list[Block]) -> DomFields:
        kernels = _kernels()
        if kernels is not None:  # one compiled pass: `_featcols.dom_fields`
            return cls(*kernels.dom_fields(blocks, _STRUCTURE_FIELDS))
        return cls.read(blocks)

    @classmethod
    def read(cls, blocks: list[Block]) -> DomFields:
        """`of` in Python (the reference of `_featcols.dom_fields`)."""
        structures = [b.structure for b in blocks]
        numbers = _numbers(structures, _STRUCTURE_NUMBERS_OF, len(_LAYOUT) + len(_DOM_NUMBERS) + 1)
        hrefs = np.fromiter(
            map(is_not, map(_HREF, structures), repeat(None)), dtype=np.bool_, count=len(blocks)
        )
        tag_paths, class_tokens = [s.tag_path for s in structures], [s.class_tokens for s in structures]
        return cls(structures, [s.tag for s in structures], numbers, tag_paths, class_tokens, hrefs)

    @property
    def heading_levels(self) -> NDArray[np.float64]:
        return self.numbers[:, len(_LAYOUT)]

    @property
    def link_densities(self) -> NDArray[np.float64]:
        return self.numbers[:, len(_LAYOUT) + len(_DOM_NUMBERS) - 1]


def _structure_columns(
    out: NDArray[np.float32], blocks: list[Block], classes: ClassTokens | None, dom: DomFields | None = None
) -> None:
    """The layout columns and, for blocks with a tag, the DOM ones (heading_level...dom_depth, one
    run of columns written at once); the structures' numbers read in one pass (`dom`: the blocks'
    `DomFields`, when already read); in one compiled pass where it is built
    (`_featcols.structure_columns`), else `_structure_columns_numpy`."""
    kernels = _kernels()
    if kernels is None:
        _structure_columns_numpy(out, blocks, classes, dom)
        return
    if dom is None:
        _, tags, layout, *_ = kernels.dom_fields(blocks, _LAYOUT, False)
        if not any(tags):  # flattened text: no DOM fields
            out[:, _LAYOUT_FIRST : _LAYOUT_FIRST + len(_LAYOUT)] = layout
            return
        dom = DomFields.of(blocks)
    if classes is None and any(dom.tags):
        classes = ClassTokens.of(blocks)
    if classes is None:  # no block has a tag: no class columns to write
        ids, bits = np.zeros(len(blocks), dtype=np.int64), np.zeros(1, dtype=np.uint64)
    else:
        ids, bits = classes.ids, np.array(classes.bits, dtype=np.uint64)
    kernels.structure_columns(
        dom.numbers, dom.tags, ids, bits, len(_BOILER_CLASS), len(_CONTENT_CLASS), _LAYOUT_FIRST, len(_LAYOUT),
        _DOM_FIRST, out,
    )  # fmt: skip


def _structure_columns_numpy(
    out: NDArray[np.float32], blocks: list[Block], classes: ClassTokens | None, dom: DomFields | None = None
) -> None:
    """`_structure_columns` by numpy (the reference of `_featcols.structure_columns`)."""
    n = len(blocks)
    layout = slice(_LAYOUT_FIRST, _LAYOUT_FIRST + len(_LAYOUT))
    if dom is None:
        structures = [b.structure for b in blocks]
        tags = [s.tag for s in structures]
        if not any(tags):  # flattened text: no DOM fields
            out[:, layout] = _numbers(structures, _LAYOUT_OF, len(_LAYOUT))
            return
        dom = DomFields.of(blocks)
    elif not any(dom.tags):
        out[:, layout] = dom.numbers[:, : len(_LAYOUT)]
        return
    tags = dom.tags
    if classes is None:
        classes = ClassTokens.of(blocks)
    numbers = dom.numbers
    out[:, layout] = numbers[:, : len(_LAYOUT)]
    tagged = _where(np.fromiter(map(bool, tags), dtype=np.bool_, count=n))
    rows: NDArray[np.intp] | slice = slice(None) if len(tagged) == n else tagged
    numbers = numbers[rows, len(_LAYOUT) :]
    dom_numbers = len(_DOM_NUMBERS)
    # Columns heading_level...dom_depth of the tagged blocks, counted from heading_level.
    columns = np.empty((len(numbers), _DOM_LAST + 1 - _DOM_FIRST), dtype=np.float64)
    columns[:, :dom_numbers] = numbers[:, :dom_numbers]
    counts = _class_marker_counts(classes.bits).take(classes.ids[rows], axis=0)
    columns[:, _COL["class_boiler"] - _DOM_FIRST : _COL["class_content"] + 1 - _DOM_FIRST] = counts
    columns[:, _COL["tag_p"] - _DOM_FIRST] = np.fromiter(map("p".__eq__, tags), dtype=np.bool_, count=n)[rows]
    columns[:, _COL["tag_heading"] - _DOM_FIRST] = numbers[:, 0] > 0  # heading_level
    columns[:, _DOM_LAST - _DOM_FIRST] = numbers[:, -1]  # dom_depth
    out[rows, _DOM_FIRST : _DOM_LAST + 1] = columns


def _numbers(
    structures: list[BlockStructure], fields: Callable[[BlockStructure], tuple[Any, ...]], width: int
) -> NDArray[np.float64]:
    """The `width` numeric `fields` of every structure as one row each (one flat pass, no nested lists)."""
    n = len(structures)
    values = np.fromiter(chain.from_iterable(map(fields, structures)), dtype=np.float64, count=n * width)
    return values.reshape(n, width)


def _blocks_since(flags: NDArray[np.float32]) -> NDArray[np.float32]:
    """log(1 + number of blocks since the last block where flag is set); -1 if none above."""
    n = len(flags)
    idx = np.arange(n)
    # Index of the last flagged block strictly above each block (-1: none).
    last = np.maximum.accumulate(np.where(flags != 0, idx, -1)) if n else idx
    above = np.concatenate(([-1], last[:-1])) if n else idx
    return np.where(above >= 0, np.log1p(idx - above), -1.0).astype(np.float32)


CONTEXT_NAMES: tuple[str, ...] = (
    "rel_pos",
    "log_n_blocks",
    "chars_before",
    "chars_after",
    "words_w1",
    "words_w2",
    "words_w5",
    "words_w10",
    "words_w25",
    "ends_w3",
    "stop_w3",
    "stop_w10",
    "link_w3",
    "blank_w3",
    "since_comment",
    "since_related",
    "since_sidebar",
    "since_read_also",
    "since_promo",
    "dist_longest",
    "signed_dist_longest",
    "dist_dense",
    "after_dense",
    "since_title",
    "words_rank",
)
NEIGHBOUR_COLS = (
    "n_words",
    "ends_sentence",
    "stop_ratio",
    "read_also",
    "blank_before",
    "starts_lower",
    "log_chars",
    "link_density",
    "tag_p",
    "heading_level",
)
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
FEATURE_NAMES: tuple[str, ...] = (
    PER_BLOCK + CONTEXT_NAMES + tuple(f"{c}@{o:+d}" for o in NEIGHBOUR_OFFSETS for c in NEIGHBOUR_COLS)
)


TEXT_EXTRA_NAMES = (
    "caption",
    "credit_in_parens",
    "editor_code_end",
    "name_like",
    "date_line",
    "ends_colon",
    "count_suffix",
)
_COUNT_SUFFIX = re.compile(r"\(\d+\)$")
# "(*/S-01)", "(fyk/ash)", "(Ant/S-03)" closing a text: an editor or agency code.
EDITOR_CODE_AT_END = re.compile(r"\((?:\*|[A-Za-z]{1,6})(?:/[A-Za-z0-9*-]{1,8}){1,3}\)[ \t]*$", re.M)
_NAME_LIKE = re.compile(r"^(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3}$")


# A date line's shapes (`is_date_line`): "12/02/2026", "3 jam lalu", a year.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_AGO = re.compile(r"\b\d+\s+\w+\s+(lalu|ago|yang lalu)\b", re.I)
# A day and month in brackets, the year left out, as Indonesian news dates days ("Minggu (27/4)");
# "(27/4/2025)" is a `_NUMERIC_DATE`.
_BRACKETED_DAY_MONTH = re.compile(r"\(\d{1,2}/\d{1,2}\)")


def is_date_line(text: str, lexicon: Lexicon) -> bool:
    """A short line that is mostly a date ("February 13, 2026", "12/02/2026 07:01 WIB", "3 jam lalu").

    A headline that merely mentions a month ("Tarif Listrik April 2026 Tidak Naik") is not one:
    most of the line's words must be date words or numbers. (The `date_line` column; the card
    rules, the title and the lists of `warta.assemble` ask it too.)
    """
    # Every date line has a digit (its year, day or count): most lines are decided here.
    # (`warta.strings.has_digit`, imported as `_has_digit`: `has_digit` names a row mask below.)
    return _has_digit(text) and _is_date_line(text, lexicon.date_words, lexicon.month_words)


# Cached: the same short lines are asked about by the features, the card rules, the title and the
# lists of a page (and a site's template lines recur across pages); the word sets are the lexicon's own.
@lru_cache(maxsize=1 << 14)
def _is_date_line(text: str, date_words: frozenset[str], month_words: frozenset[str]) -> bool:
    words = _WORD.findall(text.lower())
    if not words or len(words) > 14:
        return False
    datey = sum(w.isdigit() or w in date_words for w in words)
    if datey * 2 < len(words):
        return False
    if _NUMERIC_DATE.search(text) or _AGO.search(text):
        return True
    if _BRACKETED_DAY_MONTH.search(text):
        # With its weekday ("Rating (3/4)" is a score), and little else: a date line, not a
        # sentence that dates its news ("Pasar dibuka Senin (28/4)").
        digits: int = sum(w.isdigit() for w in words)
        return bool(datey > digits and datey + 1 >= len(words))
    month = not month_words.isdisjoint(words)  # month names of 3+ characters only
    return month and (_YEAR.search(text) is not None or any(w.isdigit() for w in words))


def _text_extra(
    blocks: list[Block], lexicon: Lexicon, page: _Page | None = None, rows: NDArray[np.int64] | None = None
) -> NDArray[np.float32]:
    """Shape cues learned after the shared columns: captions, credits, codes, names, date lines
    (`page`, `rows`: as for `_per_block`)."""
    if not blocks:
        return np.zeros((0, len(TEXT_EXTRA_NAMES)), dtype=np.float32)
    page = page or _Page.of([b.text for b in blocks], lexicon)
    rows = np.arange(len(blocks)) if rows is None else rows
    return _text_extra_lines(page, lexicon).take(rows, axis=0)


def _text_extra_lines(page: _Page, lexicon: Lexicon) -> NDArray[np.float32]:
    """`_text_extra` of every line of `page`: each column is the line's text's alone; in one
    compiled pass where it is built (`_featcols.text_extra_columns`), else
    `_text_extra_lines_numpy`."""
    kernels = _text_extra_kernels()
    if kernels is None:
        return _text_extra_lines_numpy(page, lexicon)
    return _text_extra_lines_compiled(kernels, page, lexicon)


def _text_extra_lines_compiled(kernels: ModuleType, page: _Page, lexicon: Lexicon) -> NDArray[np.float32]:
    out = np.zeros((len(page.texts), len(TEXT_EXTRA_NAMES)), dtype=np.float32)
    out[:, 2] = page.lines_matching(EDITOR_CODE_AT_END)
    kernels.text_extra_columns(
        page.texts, page.joined, page.starts, page.lengths, page.counts, page.first_codes, page.last_codes,
        page.substrings[_CAPTION].view(np.uint8), page.markers.credit.search, _COUNT_SUFFIX.search,
        _NAME_LIKE.match, partial(is_date_line, lexicon=lexicon), out,
    )  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _text_extra_kernels() -> ModuleType | None:
    """`_kernels()` where its `text_extra_columns` gives `_text_extra_lines_numpy`'s columns on a
    probe page (credits, counts, names, dates, captions; astral digits; lines over 120 and 400
    characters) of the default lexicon."""
    kernels = _kernels()
    if kernels is None:
        return None
    from warta.lexicon import load_lexicon

    lexicon = load_lexicon()
    texts = [*_PROBE, "(Foto: Antara)", "(Reuters).", "Komentar (12)", "(x)", ")", ".)", ").", "Budi Santoso"]
    texts += [
        "Budi Santoso, Jakarta",
        "Jakarta, 12/05/2026 10:30",
        "12 Mei 2026",
        "𝟙𝟚/05/2026",
        "１２ Mei 2026",
    ]
    texts += [
        "Foto: Antara",
        "Keterangan:",
        "Ana “Budi” Santoso",
        "Ana | Budi",
        "x" * 119 + "1",
        "x" * 401 + ")",
    ]
    texts += [*lexicon.caption_prefix[:3], "A" * 399 + "(Foto: Antara)"]
    page = _probe_page(texts, lexicon)
    if not same_array(
        _text_extra_lines_compiled(kernels, page, lexicon), _text_extra_lines_numpy(page, lexicon)
    ):
        set_aside("text extra columns", "numpy")
        return None
    return kernels


def _text_extra_lines_numpy(page: _Page, lexicon: Lexicon) -> NDArray[np.float32]:
    """`_text_extra_lines` by numpy and Python (the reference of `_featcols.text_extra_columns`)."""
    texts = page.texts
    out = np.zeros((len(texts), len(TEXT_EXTRA_NAMES)), dtype=np.float32)
    out[:, 2] = page.lines_matching(EDITOR_CODE_AT_END)
    short = page.lengths <= 400
    rows, lines = _select(texts, short)
    if not lines:
        return out
    out[rows, 0] = page.substrings[_CAPTION][rows]
    last, first = page.last_codes, page.first_codes
    out[:, 5] = short & (last == ord(":"))
    # Each pattern below can only match lines ending (or starting) with a given character: test those only.
    closing = short & (last == ord(")"))
    credit = closing | short & (last == ord(".")) & _second_last_is(page, ")")
    at, candidates = _select(texts, credit)
    out[at, 1] = _flags(page.markers.credit.search, candidates)
    at, candidates = _select(texts, closing)
    out[at, 6] = _flags(_COUNT_SUFFIX.search, candidates)
    at, candidates = _select(texts, short & (first >= ord("A")) & (first <= ord("Z")) & _name_shaped(page))
    out[at, 3] = _flags(_NAME_LIKE.match, candidates)
    # any(c.isdigit()) per line: the class table, or the exact test where astral code points hide digits
    has_digit, astral = page.counts[[_DIGITS, _ASTRAL]] > 0
    at, candidates = _select(texts, (page.lengths < 120) & (has_digit | astral))
    digits = has_digit[at].tolist()
    out[at, 4] = [
        (digit or any(map(str.isdigit, t))) and is_date_line(t, lexicon)
        for t, digit in zip(candidates, digits, strict=True)
    ]
    return out


def _name_shaped(page: _Page) -> NDArray[np.bool_]:
    """Lines `_NAME_LIKE` may match, by their counts: two capitalised words at least (each of its
    words opens with A-Z after a space), and none of the commas, quotes and separators it excludes."""
    counts = page.counts
    shaped: NDArray[np.bool_] = (
        (counts[_CAPITALISED] >= 2)
        & (counts[_PUNCT] == counts[_DOTS])
        & (counts[_QUOTE_CHARS] == 0)
        & (counts[_SEPARATORS] == 0)
    )
    return shaped


def _second_last_is(page: _Page, char: str) -> NDArray[np.bool_]:
    at = page.starts + page.lengths - 2
    ok = page.lengths >= 2
    if not ok.any():  # also a page of empty lines, whose code points are none to index
        return ok
    flags: NDArray[np.bool_] = ok & (page.codes[np.where(ok, at, 0)] == ord(char))
    return flags


def feature_names(kind: PageKind) -> tuple[str, ...]:
    if kind == "html":
        from warta.classify.html_features import HTML_EXTRA_NAMES

        return FEATURE_NAMES + HTML_EXTRA_NAMES
    return FEATURE_NAMES + TEXT_EXTRA_NAMES


def _window_means(values: NDArray[np.float32], radii: tuple[int, ...]) -> NDArray[np.float64]:
    """Mean of each column j of `values` over the blocks [i - radii[j], i + radii[j]], clipped at
    the page edges, all columns in one pass."""
    n = len(values)
    csum = np.zeros((n + 1, values.shape[1]), dtype=np.float64)
    values.cumsum(axis=0, dtype=np.float64, out=csum[1:])
    idx = np.arange(n)[:, None]
    r = np.asarray(radii)[None, :]
    lo = np.maximum(idx - r, 0)
    hi = np.minimum(idx + r + 1, n)
    width = values.shape[1]
    # csum[hi, j] and csum[lo, j] as flat gathers: `take` beats 2-D fancy indexing.
    at, flat = np.arange(width)[None, :], csum.ravel()
    means: NDArray[np.float64] = (flat.take(hi * width + at) - flat.take(lo * width + at)) / (hi - lo)
    return means


def _blocks_since_many(flags: NDArray[np.float32]) -> NDArray[np.float32]:
    """`_blocks_since` of every column of `flags`."""
    n = len(flags)
    idx = np.arange(n)[:, None]
    last = np.maximum.accumulate(np.where(flags != 0, idx, -1), axis=0)
    above = np.empty_like(last)
    above[0] = -1
    above[1:] = last[:-1]
    since: NDArray[np.float32] = np.where(above >= 0, np.log1p(idx - above), -1.0).astype(np.float32)
    return since


# Context columns computed as windowed means: (source column, radius), in CONTEXT_NAMES order.
_WINDOWS = (
    ("n_words", 1), ("n_words", 2), ("n_words", 5), ("n_words", 10), ("n_words", 25), ("ends_sentence", 3),
    ("stop_ratio", 3), ("stop_ratio", 10), ("link_density", 3), ("blank_before", 3),
)  # fmt: skip
_WINDOW_SOURCES = [_COL[c] for c, _ in _WINDOWS]
_WINDOW_RADII = tuple(r for _, r in _WINDOWS)
_NEIGHBOUR_SOURCES = [_COL[c] for c in NEIGHBOUR_COLS]
# The flags `since_*` count from, after the comment one (a sum of two columns): since_related...since_promo.
_SINCE_SOURCES = [_COL[c] for c in ("related_header", "sidebar_header", "read_also", "promo")]


def _neighbours(base: NDArray[np.float32]) -> NDArray[np.float32]:
    """NEIGHBOUR_COLS of the blocks at NEIGHBOUR_OFFSETS (-1 beyond the page), offset by offset."""
    n = len(base)
    reach = max(abs(o) for o in NEIGHBOUR_OFFSETS)
    padded = np.full((n + 2 * reach, len(_NEIGHBOUR_SOURCES)), -1.0, dtype=np.float32)
    padded[reach : reach + n] = base.take(_NEIGHBOUR_SOURCES, axis=1)
    return np.concatenate([padded[reach + o : reach + o + n] for o in NEIGHBOUR_OFFSETS], axis=1)


def block_features(
    blocks: list[Block], lexicon: Lexicon, kind: PageKind = "text", norms: list[str] | None = None
) -> FeatureMatrix:
    """Feature matrix of a page's blocks, in the column order of `feature_names(kind)`.

    `norms`: the blocks' texts through `lexicon.normalise_lines`, when the caller has them.
    """
    names = feature_names(kind)
    n = len(blocks)
    if n == 0:
        return FeatureMatrix(np.zeros((0, len(names)), dtype=np.float32), names)
    texts = [b.text for b in blocks]
    norms = norms if norms is not None else normalise_lines(texts)
    # Each distinct text read once (menus and share rows repeat): `rows` maps the blocks to them.
    rows, distinct, first = first_ids(texts)
    page = _Page.of(distinct, lexicon, [norms[i] for i in first.tolist()], captions=kind != "html")
    dom = DomFields.of(blocks) if kind == "html" else None
    classes = ClassTokens.of_tuples(dom.class_tokens) if dom is not None else None
    base = _per_block(blocks, lexicon, page, rows, classes, dom)
    values = np.empty((n, len(names)), dtype=np.float32)  # each column group written in place
    values[:, : len(PER_BLOCK)] = base
    chars = np.expm1(base[:, _COL["log_chars"]])
    total = float(chars.sum()) or 1.0
    context = values[:, len(PER_BLOCK) : len(FEATURE_NAMES)]
    kernels = _kernels()
    if kernels is None:
        _context_columns(base, chars, total, context)
    else:
        _context_columns_compiled(kernels, base, chars, total, context)
    extra = values[:, len(FEATURE_NAMES) :]
    if kind == "html":
        from warta.classify.html_features import html_extra_features

        extra[:] = html_extra_features(blocks, classes, _chars_and_words(page, rows), dom)
    else:
        extra[:] = _text_extra(blocks, lexicon, page, rows)
    return FeatureMatrix(values, names)


def _context_columns_compiled(
    kernels: ModuleType,
    base: NDArray[np.float32],
    chars: NDArray[np.float32],
    total: float,
    out: NDArray[np.float32],
) -> None:
    """`_context_columns` by `_featcols.context_columns`, with the column layout and log tables it reads."""
    n = len(base)
    log1p, _, log1p32 = _log_tables(n + 1)
    kernels.context_columns(
        base, chars, total, np.float32(math.log1p(n)), _WINDOW_COLUMNS, _WINDOW_RADII_ARRAY,
        _SINCE_COLUMNS, _TITLE_PREFIX, _TITLE_OVERLAP, _NEIGHBOUR_COLUMNS, _NEIGHBOUR_OFFSETS,
        log1p, log1p32, out,
    )  # fmt: skip


def _context_columns(
    base: NDArray[np.float32], chars: NDArray[np.float32], total: float, out: NDArray[np.float32]
) -> None:
    """The CONTEXT_NAMES columns, then the neighbour ones, of the blocks whose PER_BLOCK columns
    are `base` into `out`; `chars`: np.expm1 of their log_chars, `total`: the float32 sum of
    those (1.0 where 0). The numpy reference of `_featcols.context_columns`."""
    n = len(base)
    cum = chars.cumsum() - chars
    idx = np.arange(n, dtype=np.float32)
    longest = int(chars.argmax())
    windows = _window_means(base.take(_WINDOW_SOURCES, axis=1), _WINDOW_RADII)
    dense = int(windows[:, 2].astype(np.float32).argmax())  # n_words over radius 5
    title_hits = (base[:, _COL["title_prefix"]] > 0) | (base[:, _COL["title_overlap"]] > 0.6)
    order = (-chars).argsort(kind="stable")
    rank = np.empty(n, dtype=np.float32)
    rank[order] = np.arange(n, dtype=np.float32)
    flags = np.empty((n, 6), dtype=np.float32)  # filled column by column: np.stack costs more
    np.add(base[:, _COL["comment_header"]], base[:, _COL["comment_form"]], out=flags[:, 0])
    flags[:, 1:5] = base.take(_SINCE_SOURCES, axis=1)
    flags[:, 5] = title_hits
    since = _blocks_since_many(flags)
    context = out[:, : len(CONTEXT_NAMES)]
    context[:, 0] = idx / max(n - 1, 1)
    context[:, 1] = np.float32(math.log1p(n))
    context[:, 2] = cum / total
    context[:, 3] = 1.0 - (cum + chars) / total
    context[:, 4:14] = windows
    context[:, 14:19] = since[:, :5]
    context[:, 19] = np.log1p(np.abs(idx - longest))
    context[:, 20] = np.sign(idx - longest) * np.log1p(np.abs(idx - longest))
    context[:, 21] = np.log1p(np.abs(idx - dense))
    context[:, 22] = idx > dense
    context[:, 23] = since[:, 5]
    context[:, 24] = np.log1p(rank)
    out[:, len(CONTEXT_NAMES) :] = _neighbours(base)


# The column groups' parameters as `_featcols.context_columns` reads them.
_WINDOW_COLUMNS = np.array(_WINDOW_SOURCES, dtype=np.int64)
_WINDOW_RADII_ARRAY = np.array(_WINDOW_RADII, dtype=np.int64)
_SINCE_COLUMNS = np.array([_COL["comment_header"], _COL["comment_form"], *_SINCE_SOURCES], dtype=np.int64)
_NEIGHBOUR_COLUMNS = np.array(_NEIGHBOUR_SOURCES, dtype=np.int64)
_NEIGHBOUR_OFFSETS = np.array(NEIGHBOUR_OFFSETS, dtype=np.int64)
for _array in (_WINDOW_COLUMNS, _WINDOW_RADII_ARRAY, _SINCE_COLUMNS, _NEIGHBOUR_COLUMNS, _NEIGHBOUR_OFFSETS):
    _array.flags.writeable = False


def _log_tables(upto: int) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float32]]:
    """numpy's log1p (float64), log (float64) and log1p (float32) of 0, 1, ... `upto` - 1 at
    least, at index k: the compiled column groups look these up where the numpy code calls
    them at integers (numpy's SIMD functions and the C library's differ in the last bit)."""
    return _log_tables_of_size(max(_LOG_TABLE_SIZE, 1 << (upto - 1).bit_length()))


_LOG_TABLE_SIZE = 4096  # most pages have fewer blocks, and fewer characters a line


@lru_cache(maxsize=4)
def _log_tables_of_size(size: int) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float32]]:
    k = np.arange(size, dtype=np.float64)
    with np.errstate(divide="ignore"):
        tables = np.log1p(k), np.log(k), np.log1p(k.astype(np.float32))
    for table in tables:
        table.flags.writeable = False
    return tables


def _chars_and_words(page: _Page, rows: NDArray[np.int64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per block: characters, and spaces + 1 (the HTML columns' word count), from `page`'s lines."""
    return page.lengths.astype(np.float64)[rows], page.counts[_SPACES][rows] + 1


def stage2_features(first: NDArray[FloatT], probs: NDArray[np.float32]) -> NDArray[FloatT]:
    """Add the first model's probabilities in context: the sequence step of the classifier.

    A block between two confident body blocks is likely body; a run of short
    lines whose neighbours are all boilerplate is likely boilerplate.

    The matrix comes out in `first`'s dtype; the new columns are float32 values either way
    (a float64 `first`, holding the float32 features made wider, spares the scorer, which
    reads float64 rows, a cast of the whole matrix).
    """
    n, width = len(probs), first.shape[1]
    out = np.empty((n, width + len(STAGE2_NAMES)), dtype=first.dtype)
    if n == 0:
        return out
    kernels = _kernels() if first.dtype == np.float64 and probs.dtype == np.float32 else None
    if kernels is not None and len(first) == n:
        # (One loop in C, the same bits: `_probe_stage2`.)
        kernels.stage2_columns(
            np.ascontiguousarray(first), np.ascontiguousarray(probs), _STAGE2_RADII_ARRAY, out
        )
        return out
    return _stage2_columns(first, probs, out)


def widened(rows: NDArray[np.float32]) -> NDArray[np.float64]:
    """`rows.astype(np.float64)`, by `_featcols.widened` where it is built and `rows` a C-ordered
    float32 matrix (the same values: `_probe_stage2` checks the two)."""
    kernels = _kernels()
    if kernels is not None and rows.dtype == np.float32 and rows.ndim == 2 and rows.flags.c_contiguous:
        wide: NDArray[np.float64] = kernels.widened(rows)
        return wide
    return rows.astype(np.float64)


def _stage2_columns(
    first: NDArray[FloatT], probs: NDArray[np.float32], out: NDArray[FloatT]
) -> NDArray[FloatT]:
    """`stage2_features` into `out` (its rows, `first`'s columns then STAGE2_NAMES') by numpy:
    the reference of `_featcols.stage2_columns`."""
    n, width = len(probs), first.shape[1]
    out[:, :width] = first
    # The STAGE2_NAMES columns, each rounded to float32 as written: a view where `out` is float32.
    wide = out.dtype != np.float32
    extra = np.empty((n, len(STAGE2_NAMES)), dtype=np.float32) if wide else out[:, width:]
    extra[:, 0] = probs
    extra[:, 1:5] = _window_means(probs[:, None].repeat(len(_STAGE2_RADII), axis=1), _STAGE2_RADII)
    # The neighbours' probabilities (p@-1, p@+1, p@-2, p@+2): -1 beyond the page.
    padded = np.full(n + 4, -1.0, dtype=np.float32)
    padded[2:-2] = probs
    extra[:, 5] = padded[1 : n + 1]
    extra[:, 6] = padded[3 : n + 3]
    extra[:, 7] = padded[:n]
    extra[:, 8] = padded[4:]
    csum = probs.cumsum()
    positions = np.arange(n)
    mass_before = csum - probs
    extra[:, 9] = mass_before / np.maximum(positions, 1)
    extra[:, 10] = (csum[-1] - csum) / np.maximum(n - 1 - positions, 1)
    extra[:, 11] = mass_before / max(float(csum[-1]), 1e-6)
    np.maximum.accumulate(probs, out=extra[:, 12])
    extra[::-1, 13] = np.maximum.accumulate(probs[::-1])
    if wide:
        out[:, width:] = extra
    return out


_STAGE2_RADII = (1, 2, 5, 12)  # the p_w* columns
_STAGE2_RADII_ARRAY = np.array(_STAGE2_RADII, dtype=np.int64)


STAGE2_NAMES = (
    "p",
    "p_w1",
    "p_w2",
    "p_w5",
    "p_w12",
    "p@-1",
    "p@+1",
    "p@-2",
    "p@+2",
    "p_before",
    "p_after",
    "mass_before",
    "max_p_before",
    "max_p_after",
)
