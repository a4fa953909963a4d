# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The per-code-point work of `warta.classify.features._Page.of` in C: one pass over a
page's joined text giving each line's counts (`_Page.counts`), its first and last code
points and their exact class bits.

The numpy version encodes the text to UTF-32, gathers the class bits, builds a dozen
0/1 masks and sums them per line with `np.add.reduceat`: about twenty whole-array
calls on a page's few thousand code points. Here it is one loop over the str's own
code points (1, 2 or 4 bytes each), with the same class table. The counts are integers,
so they come out exactly as the numpy sums do; astral code points count as letters
only, as there, and the edges' classes of astral code points are CPython's own
predicates, which is what `str.isalpha` and the others call for one code point.
The counts' urls row (whether a line holds a match of `features._URLISH`) is read at
the ".", ":", "@" and "#" the loop already stops at, where the reference searches the
lines holding one of the pattern's literal starts.

`StopWords` counts a line's stopwords without making a str per token; its
`word_columns` writes all the word-list columns of `features._stop_ratio` (stop ratio,
month dates, title overlap and prefix) in one pass over the page's norms.

`warta.classify.features` checks at first use that this scan agrees with the numpy
one on probe lines, and the word columns with the Python token lists; tests compare
both on many pages and generated lines.
"""

from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
)
from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport free, malloc
from warta._codepoints cimport char_t

import numpy as np


# The rows of the counts, in `warta.classify.features._COUNTED` order.
cdef enum:
    LETTERS, DIGITS, UPPER, WORDS, WORD_CHARS, CAPITALISED, PUNCT, DOTS
    QUOTE_CHARS, SEPARATORS, SPACES, ASTRAL, URLS, N_COUNTED
    # Class bits of `features._char_classes`.
    ALPHA = 1
    DIGIT = 2
    UPPER_BIT = 4
    WORD = 8
    QUOTE = 32


cdef inline uint8_t exact_bits(uint32_t code, const uint8_t[::1] table) noexcept:
    """`features._exact_classes` of `code` (the table's bits in the BMP)."""
    if code <= 0xFFFF:
        return table[code]
    return (
        Py_UNICODE_ISALPHA(code)
        | Py_UNICODE_ISDIGIT(code) << 1
        | Py_UNICODE_ISUPPER(code) << 2
        | Py_UNICODE_ISALNUM(code) << 3  # "_" is in the BMP
        | Py_UNICODE_ISLOWER(code) << 4
    )


# The letter, digit, upper-case and word character counts of a run of code points are summed as
# four 16-bit lanes of one integer: per code point one lookup and one addition by its class bits
# (`_LANES`) instead of four tests. A run is at most `_LANE_RUN` code points, so no lane overflows.
cdef enum:
    _LANE_RUN = 0xFFFF

cdef uint64_t _LANES[256]
for _bits in range(256):
    _LANES[_bits] = (
        (_bits & ALPHA != 0)
        | <uint64_t>(_bits & DIGIT != 0) << 16
        | <uint64_t>(_bits & UPPER_BIT != 0) << 32
        | <uint64_t>(_bits & WORD != 0) << 48
    )


cdef inline bint _word_at(const char_t *data, Py_ssize_t i, Py_ssize_t end, const uint8_t[::1] table) noexcept:
    """Whether a word character (the regular expressions' Unicode `\\w`: `str.isalnum` or "_")
    stands at `i` before `end`."""
    if i >= end:
        return False
    if data[i] > 0xFFFF:
        return Py_UNICODE_ISALNUM(data[i])  # ("_" is in the BMP)
    return (table[data[i]] & WORD) != 0


cdef inline bint _urlish_at(
    const char_t *data, Py_ssize_t i, Py_ssize_t start, Py_ssize_t end, uint32_t code, const uint8_t[::1] table
) noexcept:
    """Whether a match of `features._URLISH` (`https?://|www\\.|@\\w|#\\w|\\.com\\b|\\.id\\b`) in the
    line `data[start:end]` holds its ".", ":", "@" or "#" at `i` (every match holds one)."""
    if code == 46:  # "www." before, or ".com", ".id" with no word character after
        if (
            i - 3 >= start and data[i - 3] == 119 and data[i - 2] == 119 and data[i - 1] == 119
        ):
            return True
        if i + 3 < end and data[i + 1] == 99 and data[i + 2] == 111 and data[i + 3] == 109:
            if not _word_at(data, i + 4, end, table):
                return True
        return (
            i + 2 < end and data[i + 1] == 105 and data[i + 2] == 100 and not _word_at(data, i + 3, end, table)
        )
    if code == 58:  # "http://" or "https://"
        if not (i + 2 < end and data[i + 1] == 47 and data[i + 2] == 47):
            return False
        if i - 5 >= start and data[i - 1] == 115:  # (an "s" before: "https")
            i -= 1
        return (
            i - 4 >= start and data[i - 4] == 104 and data[i - 3] == 116 and data[i - 2] == 116
            and data[i - 1] == 112
        )
    return _word_at(data, i + 1, end, table)  # "@" or "#"


cdef inline void _count_other(
    const char_t *data,
    Py_ssize_t i,
    Py_ssize_t start,
    Py_ssize_t end,
    uint32_t code,
    uint8_t bits,
    const uint8_t[::1] table,
    int64_t *quotes,
    int64_t *dots,
    int64_t *punct,
    int64_t *spaces,
    int64_t *separators,
    int64_t *urlish,
) noexcept:
    """The counts of `_scan` that a code point `code` at `i` that is no word character adds to."""
    quotes[0] += (bits & QUOTE) != 0
    if code == 46:
        dots[0] += 1
        punct[0] += 1
        if not urlish[0]:
            urlish[0] = _urlish_at(data, i, start, end, code, table)
    elif code == 44:
        punct[0] += 1
    elif code == 32:
        spaces[0] += 1
    elif code == 124:  # "|"
        separators[0] += 1
    elif code == 47 or code == 0x2022:  # " / ", " • ": spaces inside the line on both sides
        if i > start and i + 1 < end and data[i - 1] == 32 and data[i + 1] == 32:
            separators[0] += 1
    elif code == 58 or code == 64 or code == 35:  # ":", "@", "#"
        if not urlish[0]:
            urlish[0] = _urlish_at(data, i, start, end, code, table)


cdef void _scan(
    const char_t *data,
    Py_ssize_t size,
    const int64_t[::1] starts,
    const int64_t[::1] lengths,
    const uint8_t[::1] table,
    double[:, ::1] counts,
    uint32_t[::1] edges,
    uint8_t[::1] edge_classes,
) noexcept:
    cdef Py_ssize_t n = starts.shape[0], line, i, start, end, run, run_end
    cdef uint32_t code
    cdef uint8_t bits
    cdef bint before
    cdef uint64_t lanes
    cdef int64_t letters, digits, upper, words, word_chars, capitalised, punct, dots
    cdef int64_t quotes, separators, spaces, astral, urlish
    for line in range(n):
        start = starts[line]
        end = start + lengths[line]
        letters = digits = upper = words = word_chars = capitalised = punct = dots = 0
        quotes = separators = spaces = astral = urlish = 0
        before = False  # the code point before a line is its "\n" (or none): no word character
        run = start
        while run < end:
            run_end = min(run + _LANE_RUN, end)
            lanes = 0
            for i in range(run, run_end):
                code = data[i]
                if code > 0xFFFF:
                    bits = ALPHA
                    astral += 1
                else:
                    bits = table[code]
                lanes += _LANES[bits]
                if bits & WORD:  # none of the characters below (quotes too) is one (most are)
                    if not before:
                        words += 1
                        capitalised += (bits & UPPER_BIT) != 0
                    before = True
                    continue
                before = False
                _count_other(
                    data, i, start, end, code, bits, table, &quotes, &dots, &punct, &spaces, &separators, &urlish
                )
            letters += lanes & 0xFFFF
            digits += (lanes >> 16) & 0xFFFF
            upper += (lanes >> 32) & 0xFFFF
            word_chars += lanes >> 48
            run = run_end
        counts[LETTERS, line] = letters
        counts[DIGITS, line] = digits
        counts[UPPER, line] = upper
        counts[WORDS, line] = words
        counts[WORD_CHARS, line] = word_chars
        counts[CAPITALISED, line] = capitalised
        counts[PUNCT, line] = punct
        counts[DOTS, line] = dots
        counts[QUOTE_CHARS, line] = quotes
        counts[SEPARATORS, line] = separators
        counts[SPACES, line] = spaces
        counts[ASTRAL, line] = astral
        counts[URLS, line] = urlish
        if end > start:
            edges[line] = data[start]
            edges[n + line] = data[end - 1]
            edge_classes[line] = exact_bits(edges[line], table)
            edge_classes[n + line] = exact_bits(edges[n + line], table)


def scan_lines(str joined, const int64_t[::1] starts, const int64_t[::1] lengths, const uint8_t[::1] table):
    """(counts, edges, edge classes) of the lines of `joined` at `starts` with `lengths`:
    counts as `features._scan_lines` gives them ((13, n) float64), the lines' first code
    points then their last ones (2n uint32, 0 for an empty line) and their exact class bits
    (2n uint8); `table`: `features._char_classes()`."""
    cdef Py_ssize_t n = starts.shape[0], line, size = PyUnicode_GET_LENGTH(joined)
    if lengths.shape[0] != n or table.shape[0] != 0x10000:
        raise ValueError("starts and lengths differ in length, or the class table is not 64K")
    for line in range(n):
        if starts[line] < 0 or lengths[line] < 0 or starts[line] + lengths[line] > size:
            raise ValueError("a line lies outside the text")
    counts_array = np.zeros((N_COUNTED, n), dtype=np.float64)
    edges_array = np.zeros(2 * n, dtype=np.uint32)
    classes_array = np.zeros(2 * n, dtype=np.uint8)
    cdef double[:, ::1] counts = counts_array
    cdef uint32_t[::1] edges = edges_array
    cdef uint8_t[::1] edge_classes = classes_array
    cdef int kind = PyUnicode_KIND(joined)
    cdef void *data = PyUnicode_DATA(joined)
    if kind == PyUnicode_1BYTE_KIND:
        _scan(<const uint8_t *>data, size, starts, lengths, table, counts, edges, edge_classes)
    elif kind == PyUnicode_2BYTE_KIND:
        _scan(<const uint16_t *>data, size, starts, lengths, table, counts, edges, edge_classes)
    else:
        _scan(<const uint32_t *>data, size, starts, lengths, table, counts, edges, edge_classes)
    return counts_array, edges_array, classes_array


# ---- Stopword counts and word-list columns of `features._stop_ratio` ----

cdef inline uint64_t _mix(uint64_t h, uint32_t code) noexcept nogil:
    """FNV-1a over code points (the table's own hash: no str object is made per token)."""
    return (h ^ code) * <uint64_t>0x100000001B3


# `_in_token` of the Latin-1 code points (most of a page's text), as flags: bit 0 for words,
# bit 1 for `str.split()` tokens; made by the very predicates `_in_token` reads past them.
cdef uint8_t _TOKEN_FLAGS[256]
for _code in range(256):
    _TOKEN_FLAGS[_code] = int(Py_UNICODE_ISALNUM(_code) or _code == 95) | int(not Py_UNICODE_ISSPACE(_code)) << 1


cdef inline bint _in_token(uint32_t code, bint words) noexcept:
    """Whether `code` continues a token: a regex `\\w` (`str.isalnum()` or "_", as `re` reads it)
    for words, else anything `str.split()` does not split on."""
    if code < 256:  # Latin-1, most of the text: one lookup
        return (_TOKEN_FLAGS[code] >> (not words)) & 1
    if words:
        return Py_UNICODE_ISALNUM(code)
    return not Py_UNICODE_ISSPACE(code)


cdef class StopWords:
    """A set of words looked up by code points: `count` gives, per line, how many of its tokens
    are in the set and how many tokens it has, without making a str per token."""

    cdef uint32_t[::1] codes  # the words' code points, one after another
    cdef int64_t[::1] offsets  # word k: codes[offsets[k]:offsets[k + 1]]
    cdef int64_t[::1] slots  # open addressing by `_mix` hash: a word's index, or -1
    cdef uint64_t[::1] hashes  # the hash of the word in each slot
    cdef uint64_t mask

    def __init__(self, words):
        ordered = sorted(set(words))
        joined = "".join(ordered)
        self.codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).copy()
        offsets = np.zeros(len(ordered) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(word) for word in ordered])
        self.offsets = offsets
        cdef Py_ssize_t size = 16
        while size < 2 * len(ordered) + 1:
            size *= 2
        self.mask = size - 1
        self.slots = np.full(size, -1, dtype=np.int64)
        self.hashes = np.zeros(size, dtype=np.uint64)
        cdef Py_ssize_t k, i
        cdef uint64_t h
        for k in range(len(ordered)):
            h = <uint64_t>0xCBF29CE484222325
            for i in range(self.offsets[k], self.offsets[k + 1]):
                h = _mix(h, self.codes[i])
            i = h & self.mask
            while self.slots[i] >= 0:
                i = (i + 1) & self.mask
            self.slots[i] = k
            self.hashes[i] = h

    cdef bint _has(self, const char_t *data, Py_ssize_t start, Py_ssize_t end, uint64_t h) noexcept:
        cdef Py_ssize_t i = h & self.mask, k, j, first
        while self.slots[i] >= 0:
            if self.hashes[i] == h:
                k = self.slots[i]
                first = self.offsets[k]
                if self.offsets[k + 1] - first == end - start:
                    for j in range(end - start):
                        if self.codes[first + j] != data[start + j]:
                            break
                    else:
                        return True
            i = (i + 1) & self.mask
        return False

    cdef void _count(self, const char_t *data, Py_ssize_t size, bint words, int64_t *hits, int64_t *tokens) noexcept:
        cdef Py_ssize_t i = 0, start
        cdef uint64_t h
        while i < size:
            if not _in_token(data[i], words):
                i += 1
                continue
            start = i
            h = <uint64_t>0xCBF29CE484222325
            while i < size and _in_token(data[i], words):
                h = _mix(h, data[i])
                i += 1
            tokens[0] += 1
            hits[0] += self._has(data, start, i, h)

    def count(self, list lines, bint words):
        """(hits, tokens) per line of `lines` (int64 arrays): its tokens in the set, and all of
        them; tokens are `\\w+` runs (`re.findall`) with `words`, else `str.split()`'s."""
        cdef Py_ssize_t n = len(lines), k
        hits_array = np.zeros(n, dtype=np.int64)
        tokens_array = np.zeros(n, dtype=np.int64)
        cdef int64_t[::1] hits = hits_array
        cdef int64_t[::1] tokens = tokens_array
        cdef int kind
        cdef void *data
        cdef Py_ssize_t size
        for k in range(n):
            line = lines[k]
            if not isinstance(line, str):
                raise TypeError("lines must be strs")
            kind, data, size = PyUnicode_KIND(line), PyUnicode_DATA(line), PyUnicode_GET_LENGTH(line)
            if kind == PyUnicode_1BYTE_KIND:
                self._count(<const uint8_t *>data, size, words, &hits[k], &tokens[k])
            elif kind == PyUnicode_2BYTE_KIND:
                self._count(<const uint16_t *>data, size, words, &hits[k], &tokens[k])
            else:
                self._count(<const uint32_t *>data, size, words, &hits[k], &tokens[k])
        return hits_array, tokens_array

    def word_columns(
        self,
        StopWords months,
        list norms,
        list texts,
        const double[::1] n_words,
        const double[::1] digits,
        const int64_t[::1] lengths,
        float[:, :] out,
    ):
        """The word-list columns of `features._stop_ratio` of the lines whose norms are `norms`
        (the first one the title's), `self` the stopwords: stop_ratio (column 11), date_like
        where a month word decides it (23), title_overlap (26) and title_prefix (27), into
        `out`; `texts`: the lines, `n_words`, `digits`: their counts, `lengths`: their lengths.
        Returns the rows whose date_like and time_like the date and time patterns decide (int64):
        those of the date candidates holding a decimal digit, one of "/.-:" and another digit
        in a row, without which neither pattern matches."""
        cdef Py_ssize_t n = len(norms), line, longest = 0, size
        if n_words.shape[0] != n or digits.shape[0] != n or lengths.shape[0] != n or len(texts) != n:
            raise ValueError("the line arrays differ in length")
        if out.shape[0] != n or out.shape[1] <= TITLE_PREFIX:
            raise ValueError("the columns do not fit")
        for line in range(n):
            if not isinstance(norms[line], str):
                raise TypeError("norms must be strs")
            size = PyUnicode_GET_LENGTH(norms[line])
            longest = size if size > longest else longest
        rows_array = np.zeros(n, dtype=np.int64)
        cdef int64_t[::1] rows = rows_array
        cdef Py_ssize_t n_rows = 0
        cdef _Title title
        cdef _LineTokens tokens
        _title_of(&title, norms[0] if n else "")
        _tokens_for(&tokens, longest)
        cdef int64_t hits, total
        cdef int kind
        cdef void *data
        cdef double words
        cdef bint by_words
        try:
            for line in range(n):
                text = norms[line]
                kind, data, size = PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)
                words = n_words[line]
                # Long lines: whitespace tokens; short ones: \w tokens.
                by_words = words <= 12
                hits = total = 0
                if kind == PyUnicode_1BYTE_KIND:
                    self._count(<const uint8_t *>data, size, by_words, &hits, &total)
                elif kind == PyUnicode_2BYTE_KIND:
                    self._count(<const uint16_t *>data, size, by_words, &hits, &total)
                else:
                    self._count(<const uint32_t *>data, size, by_words, &hits, &total)
                if total > 0:
                    out[line, STOP_RATIO] = <float>(<double>hits / <double>total)
                if by_words and digits[line] > 0:
                    if _digit_separated(texts[line]):
                        rows[n_rows] = line
                        n_rows += 1
                    hits = total = 0
                    if kind == PyUnicode_1BYTE_KIND:
                        months._count(<const uint8_t *>data, size, True, &hits, &total)
                    elif kind == PyUnicode_2BYTE_KIND:
                        months._count(<const uint16_t *>data, size, True, &hits, &total)
                    else:
                        months._count(<const uint32_t *>data, size, True, &hits, &total)
                    if hits > 0:
                        out[line, DATE_LIKE] = 1.0
                if title.distinct > 0 and words <= 30 and lengths[line] < 300:
                    if kind == PyUnicode_1BYTE_KIND:
                        _overlap(<const uint8_t *>data, size, &title, &tokens, line, out)
                    elif kind == PyUnicode_2BYTE_KIND:
                        _overlap(<const uint16_t *>data, size, &title, &tokens, line, out)
                    else:
                        _overlap(<const uint32_t *>data, size, &title, &tokens, line, out)
        finally:
            _free_title(&title)
            _free_tokens(&tokens)
        return rows_array[:n_rows]

    def menu_rows(self, list lines, Py_ssize_t limit, object skip):
        """The rows of `lines` shorter than `limit` characters and not in `skip` that have three
        `str.split()` tokens or more and are not ASCII or have half of them or more in the set:
        `warta.classify.markers._plain_menu_rows`' candidates (an ASCII one is a menu row)."""
        cdef Py_ssize_t n = len(lines), k
        cdef int64_t hits, tokens
        cdef int kind
        cdef void *data
        cdef Py_ssize_t size
        cdef list rows = []
        for k in range(n):
            line = lines[k]
            if not isinstance(line, str):
                raise TypeError("lines must be strs")
            size = PyUnicode_GET_LENGTH(line)
            if size >= limit or k in skip:
                continue
            hits = tokens = 0
            kind, data = PyUnicode_KIND(line), PyUnicode_DATA(line)
            if kind == PyUnicode_1BYTE_KIND:
                self._count(<const uint8_t *>data, size, False, &hits, &tokens)
            elif kind == PyUnicode_2BYTE_KIND:
                self._count(<const uint16_t *>data, size, False, &hits, &tokens)
            else:
                self._count(<const uint32_t *>data, size, False, &hits, &tokens)
            if tokens >= 3 and (not (<str>line).isascii() or hits * 2 >= tokens):
                rows.append(k)
        return rows


cdef bint _digit_separated(object text) except -1:
    """Whether `text` (a str) holds a decimal digit (regex `\\d`), one of "/.-:", a decimal digit."""
    if not isinstance(text, str):
        raise TypeError("texts must be strs")
    cdef Py_ssize_t size = PyUnicode_GET_LENGTH(text), i
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 code
    for i in range(1, size - 1):
        code = PyUnicode_READ(kind, data, i)
        if (
            (code == 47 or code == 46 or code == 45 or code == 58)
            and Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i - 1))
            and Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i + 1))
        ):
            return True
    return False


# ---- The title columns of `features._stop_ratio` ----

cdef enum:
    STOP_RATIO = 11
    DATE_LIKE = 23
    TITLE_OVERLAP = 26
    TITLE_PREFIX = 27


cdef struct _Title:
    uint32_t *codes  # the title norm's code points
    Py_ssize_t size
    # Its distinct `\w` tokens by open addressing: a slot holds a token's start (-1: empty), end, hash.
    int64_t *starts
    int64_t *ends
    uint64_t *hashes
    uint64_t mask
    Py_ssize_t distinct


cdef struct _LineTokens:
    # One line's distinct tokens by open addressing, a slot valid where its stamp is the line's.
    int64_t *starts
    int64_t *ends
    uint64_t *hashes
    int64_t *stamps
    uint64_t mask


cdef Py_ssize_t _table_size(Py_ssize_t tokens) noexcept:
    cdef Py_ssize_t size = 16
    while size < 2 * tokens + 1:
        size *= 2
    return size


cdef int _title_of(_Title *title, str text) except -1:
    """`title`: the distinct `\\w` tokens of `text`."""
    cdef Py_ssize_t size = PyUnicode_GET_LENGTH(text), i, start, slot, table
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef uint64_t h
    title.codes = NULL
    title.starts = NULL
    title.ends = NULL
    title.hashes = NULL
    title.size, title.distinct = size, 0
    table = _table_size((size + 1) // 2)
    title.mask = table - 1
    title.codes = <uint32_t *>malloc((size + 1) * sizeof(uint32_t))
    title.starts = <int64_t *>malloc(table * sizeof(int64_t))
    title.ends = <int64_t *>malloc(table * sizeof(int64_t))
    title.hashes = <uint64_t *>malloc(table * sizeof(uint64_t))
    if not (title.codes and title.starts and title.ends and title.hashes):
        _free_title(title)
        raise MemoryError()
    for i in range(size):
        if kind == PyUnicode_1BYTE_KIND:
            title.codes[i] = (<const uint8_t *>data)[i]
        elif kind == PyUnicode_2BYTE_KIND:
            title.codes[i] = (<const uint16_t *>data)[i]
        else:
            title.codes[i] = (<const uint32_t *>data)[i]
    for slot in range(table):
        title.starts[slot] = -1
    i = 0
    while i < size:
        if not _in_token(title.codes[i], True):
            i += 1
            continue
        start = i
        h = <uint64_t>0xCBF29CE484222325
        while i < size and _in_token(title.codes[i], True):
            h = _mix(h, title.codes[i])
            i += 1
        slot = _title_slot(title, title.codes, start, i, h)
        if title.starts[slot] < 0:
            title.starts[slot], title.ends[slot], title.hashes[slot] = start, i, h
            title.distinct += 1
    return 0


cdef inline Py_ssize_t _title_slot(
    const _Title *title, const char_t *data, Py_ssize_t start, Py_ssize_t end, uint64_t h
) noexcept:
    """The slot of the title token equal to `data[start:end]` (hash `h`), or the empty one where it goes."""
    cdef Py_ssize_t slot = h & title.mask, j, first
    while title.starts[slot] >= 0:
        first = title.starts[slot]
        if title.hashes[slot] == h and title.ends[slot] - first == end - start:
            for j in range(end - start):
                if title.codes[first + j] != data[start + j]:
                    break
            else:
                return slot
        slot = (slot + 1) & title.mask
    return slot


cdef void _free_title(_Title *title) noexcept:
    free(title.codes)
    free(title.starts)
    free(title.ends)
    free(title.hashes)
    title.codes = NULL
    title.starts = NULL
    title.ends = NULL
    title.hashes = NULL


cdef int _tokens_for(_LineTokens *tokens, Py_ssize_t longest) except -1:
    """`tokens`: a table for the tokens of a line of up to `longest` code points."""
    cdef Py_ssize_t table = _table_size((longest + 1) // 2), slot
    tokens.mask = table - 1
    tokens.starts = <int64_t *>malloc(table * sizeof(int64_t))
    tokens.ends = <int64_t *>malloc(table * sizeof(int64_t))
    tokens.stamps = <int64_t *>malloc(table * sizeof(int64_t))
    tokens.hashes = <uint64_t *>malloc(table * sizeof(uint64_t))
    if not (tokens.starts and tokens.ends and tokens.stamps and tokens.hashes):
        _free_tokens(tokens)
        raise MemoryError()
    for slot in range(table):
        tokens.stamps[slot] = -1
    return 0


cdef void _free_tokens(_LineTokens *tokens) noexcept:
    free(tokens.starts)
    free(tokens.ends)
    free(tokens.stamps)
    free(tokens.hashes)
    tokens.starts = NULL
    tokens.ends = NULL
    tokens.stamps = NULL
    tokens.hashes = NULL


cdef void _overlap(
    const char_t *data, Py_ssize_t size, _Title *title, _LineTokens *tokens, Py_ssize_t line, float[:, :] out
) noexcept:
    """title_overlap and title_prefix of one line (its norm `data`), as `features._stop_ratio`
    gives them: the Jaccard overlap of its `\\w` token set with the title's where they share
    one, and whether the title norm starts with it."""
    cdef Py_ssize_t i = 0, start, slot, first, j, n_tokens = 0, distinct = 0, shared = 0
    cdef uint64_t h
    cdef bint found
    while i < size:
        if not _in_token(data[i], True):
            i += 1
            continue
        start = i
        h = <uint64_t>0xCBF29CE484222325
        while i < size and _in_token(data[i], True):
            h = _mix(h, data[i])
            i += 1
        n_tokens += 1
        # A token first met on this line: count it, and whether the title holds it.
        slot = h & tokens.mask
        found = False
        while tokens.stamps[slot] == line:
            first = tokens.starts[slot]
            if tokens.hashes[slot] == h and tokens.ends[slot] - first == i - start:
                for j in range(i - start):
                    if data[first + j] != data[start + j]:
                        break
                else:
                    found = True
                    break
            slot = (slot + 1) & tokens.mask
        if found:
            continue
        tokens.stamps[slot], tokens.starts[slot], tokens.ends[slot], tokens.hashes[slot] = line, start, i, h
        distinct += 1
        slot = _title_slot(title, data, start, i, h)
        if title.starts[slot] >= 0:
            shared += 1
    if shared > 0:
        out[line, TITLE_OVERLAP] = <float>(
            <double>shared / (<double>distinct + <double>title.distinct - <double>shared)
        )
    if n_tokens > 0 and 10 < size <= title.size:
        for j in range(size):
            if title.codes[j] != data[j]:
                break
        else:
            out[line, TITLE_PREFIX] = 1.0
