# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""Groups of feature columns of `warta.classify.features` in C, each written in one pass into
the page's preallocated matrix.

The numpy versions (`features._shape_columns_numpy`, `features._context_columns_numpy`) make
each column with a few whole-array calls on a page's ~180 rows: some sixty calls a page,
each costing microseconds of call overhead for nanoseconds of work. Here each group is one
loop. The arithmetic is the numpy code's, operation for operation and in the same precision
(float32 where numpy computes in float32, float64 then rounded where it computes in
float64), so the results are the same bits. The transcendental functions are not called
here: numpy's own (SIMD) log1p and log differ from the C library's in the last bit, so
they come in as tables that numpy made (`features._log_tables`), looked up at integer
arguments, where the numpy code takes them at the same integers.

`stage2_columns` writes the second stage's matrix (`features.stage2_features`: the first
stage's rows and probabilities in context) the same way.

`warta.classify.features` checks at first use that these give the numpy columns on a probe
page; tests compare both on many pages and generated ones.
"""

from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcpy
from cpython.dict cimport PyDict_SetDefault
from cpython.list cimport PyList_GET_SIZE
from cpython.object cimport PyObject
from cpython.tuple cimport PyTuple_GET_ITEM
from cpython.float cimport PyFloat_AS_DOUBLE, PyFloat_AsDouble, PyFloat_CheckExact
from cpython.long cimport PyLong_AsDouble, PyLong_CheckExact
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_READ,
    Py_UNICODE_ISDIGIT,
)
from warta._codepoints cimport char_t
from warta._slots cimport read_slot, slot_offset
from warta.model import Block, BlockStructure


# The rows of `features._Page.counts` (`features._COUNTED`).
cdef enum:
    LETTERS, DIGITS, UPPER, WORDS, WORD_CHARS, CAPITALISED, PUNCT, DOTS
    QUOTE_CHARS, SEPARATORS, SPACES, ASTRAL
    # Class bits of `features._char_classes`.
    UPPER_BIT = 4
    LOWER_BIT = 16
    ENDS_SENTENCE = 64


# The PER_BLOCK columns `shape_columns` writes (`features.PER_BLOCK` order).
cdef enum:
    LOG_CHARS, N_WORDS, MEAN_WORD_LEN, ALPHA_RATIO, DIGIT_RATIO, UPPER_RATIO, PUNCT_PER_WORD
    ENDS_SENTENCE_COL, ENDS_ELLIPSIS, STARTS_UPPER, STARTS_LOWER
    REPEATS = 25
    CAPITALISED_RATIO = 32
    HAS_QUOTE = 33
    PIPE_OR_SEP = 34


cdef inline double _at_least_one(double x) noexcept:
    """np.maximum(x, 1) of a count (never NaN)."""
    return x if x > 1.0 else 1.0


cdef bint _ends_with_dots(const void *data, int kind, Py_ssize_t end) noexcept:
    """Whether the three code points before `end` are full stops."""
    cdef Py_ssize_t i
    for i in range(end - 3, end):
        if kind == PyUnicode_1BYTE_KIND:
            if (<const uint8_t *>data)[i] != 46:
                return False
        elif kind == PyUnicode_2BYTE_KIND:
            if (<const uint16_t *>data)[i] != 46:
                return False
        elif (<const uint32_t *>data)[i] != 46:
            return False
    return True


def shape_columns(
    str joined,
    const int64_t[::1] starts,
    const int64_t[::1] lengths,
    const double[:, :] counts,
    const uint8_t[::1] first_classes,
    const uint32_t[::1] last_codes,
    const uint8_t[::1] last_classes,
    const int64_t[::1] norm_ids,
    const int64_t[::1] times,
    const double[::1] log1p_table,
    const double[::1] log_table,
    float[:, :] out,
):
    """The text shape columns (log_chars...starts_lower, repeats, capitalised_ratio, has_quote,
    pipe_or_sep) of the lines of `joined` at `starts` with `lengths` into `out` (a row per
    line): `counts`, the first code points' classes, the last code points and their classes
    as `_linescan.scan_lines` gives them (`features._Page`); `norm_ids`:
    each line's norm's id, `times`: how many blocks hold each line; `log1p_table[k]`,
    `log_table[k]`: numpy's log1p and log of k, for k up to the longest line and the number
    of blocks."""
    cdef Py_ssize_t n = starts.shape[0], line, size = PyUnicode_GET_LENGTH(joined), n_ids = 0
    if (
        lengths.shape[0] != n or counts.shape[1] != n or counts.shape[0] <= ASTRAL
        or first_classes.shape[0] != n or last_codes.shape[0] != n or last_classes.shape[0] != n
        or norm_ids.shape[0] != n or times.shape[0] != n
        or out.shape[0] != n or out.shape[1] <= PIPE_OR_SEP
    ):
        raise ValueError("the line arrays differ in length")
    for line in range(n):
        if starts[line] < 0 or lengths[line] < 0 or starts[line] + lengths[line] > size:
            raise ValueError("a line lies outside the text")
        if lengths[line] >= log1p_table.shape[0] or counts[WORDS, line] >= log1p_table.shape[0]:
            raise ValueError("the log1p table is too short")
        if norm_ids[line] < 0 or norm_ids[line] >= n or times[line] < 0:
            raise ValueError("a norm id lies outside the lines")
        if norm_ids[line] >= n_ids:
            n_ids = norm_ids[line] + 1
    cdef double *per_norm = <double *>malloc((n_ids + 1) * sizeof(double))
    if per_norm == NULL:
        raise MemoryError()
    cdef Py_ssize_t k
    cdef int64_t total
    cdef double chars, words, letters, safe_words
    cdef uint8_t first, last
    cdef int kind = PyUnicode_KIND(joined)
    cdef const void *data = PyUnicode_DATA(joined)
    try:
        for k in range(n_ids):
            per_norm[k] = 0.0
        for line in range(n):  # np.bincount(norm_ids, weights=times): float64 sums in line order
            per_norm[norm_ids[line]] += <double>times[line]
        for line in range(n):
            k = <Py_ssize_t>per_norm[norm_ids[line]]
            if k >= log_table.shape[0] or <double>k != per_norm[norm_ids[line]]:
                raise ValueError("the log table is too short")
        for line in range(n):
            chars = <double>lengths[line]
            words = counts[WORDS, line]
            letters = counts[LETTERS, line]
            safe_words = _at_least_one(words)
            out[line, LOG_CHARS] = <float>log1p_table[lengths[line]]
            out[line, N_WORDS] = <float>log1p_table[<Py_ssize_t>words]
            out[line, MEAN_WORD_LEN] = <float>(counts[WORD_CHARS, line] / safe_words)
            out[line, ALPHA_RATIO] = <float>(letters / _at_least_one(chars))
            out[line, DIGIT_RATIO] = <float>(counts[DIGITS, line] / _at_least_one(chars))
            out[line, UPPER_RATIO] = <float>(counts[UPPER, line] / _at_least_one(letters))
            out[line, CAPITALISED_RATIO] = <float>(counts[CAPITALISED, line] / safe_words)
            out[line, PUNCT_PER_WORD] = <float>(counts[PUNCT, line] / safe_words) if words > 0 else 0.0
            last = last_classes[line]
            first = first_classes[line]
            out[line, ENDS_SENTENCE_COL] = (last & ENDS_SENTENCE) != 0
            out[line, ENDS_ELLIPSIS] = last_codes[line] == 0x2026 or (
                lengths[line] >= 3 and _ends_with_dots(data, kind, starts[line] + lengths[line])
            )
            out[line, STARTS_UPPER] = (first & UPPER_BIT) != 0
            out[line, STARTS_LOWER] = (first & LOWER_BIT) != 0
            out[line, HAS_QUOTE] = counts[QUOTE_CHARS, line] > 0
            out[line, PIPE_OR_SEP] = counts[SEPARATORS, line] > 0
            out[line, REPEATS] = <float>log_table[<Py_ssize_t>per_norm[norm_ids[line]]]
    finally:
        free(per_norm)


cdef void _stable_order_descending(const float *values, Py_ssize_t n, Py_ssize_t *order, Py_ssize_t *scratch) noexcept:
    """`order`: 0..n-1 sorted by `values` descending, ties in index order (`(-values).argsort(kind="stable")`)
    by a bottom-up merge sort (stable)."""
    cdef Py_ssize_t width = 1, lo, mid, hi, i, j, k
    cdef Py_ssize_t *src = order
    cdef Py_ssize_t *dst = scratch
    cdef Py_ssize_t *swap
    for i in range(n):
        order[i] = i
    while width < n:
        lo = 0
        while lo < n:
            mid = lo + width if lo + width < n else n
            hi = lo + 2 * width if lo + 2 * width < n else n
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                # -values[src[j]] < -values[src[i]]: the right one comes first; else the left (stable).
                if values[src[j]] > values[src[i]]:
                    dst[k] = src[j]
                    j += 1
                else:
                    dst[k] = src[i]
                    i += 1
                k += 1
            while i < mid:
                dst[k] = src[i]
                i += 1
                k += 1
            while j < hi:
                dst[k] = src[j]
                j += 1
                k += 1
            lo = hi
        swap = src
        src = dst
        dst = swap
        width *= 2
    if src != order:
        for i in range(n):
            order[i] = src[i]


cdef inline Py_ssize_t _distance(Py_ssize_t a, Py_ssize_t b) noexcept:
    return a - b if a >= b else b - a


def context_columns(
    const float[:, ::1] base,
    const float[::1] chars,
    double total,
    float log_n,
    const int64_t[::1] window_sources,
    const int64_t[::1] window_radii,
    const int64_t[::1] since_sources,
    Py_ssize_t title_prefix,
    Py_ssize_t title_overlap,
    const int64_t[::1] neighbour_sources,
    const int64_t[::1] neighbour_offsets,
    const double[::1] log1p_table,
    const float[::1] log1p_table32,
    float[:, :] out,
):
    """The context columns (`features.CONTEXT_NAMES`) then the neighbour ones of the page whose
    PER_BLOCK columns are `base`, into `out` (a row per block, `CONTEXT_NAMES` first):
    `chars`: np.expm1 of the log_chars column, `total`: their float32 sum (1.0 where 0);
    `log_n`: log1p of the number of blocks. `window_sources`, `window_radii`: the windowed
    means' columns and radii (the third one the dense window); `since_sources`: the two
    columns whose sum flags comments, then the four other flags `since_*` count from;
    `title_prefix`, `title_overlap`: the title flag's columns; `neighbour_sources`,
    `neighbour_offsets`: the neighbour columns and offsets. `log1p_table[k]` (float64) and
    `log1p_table32[k]` (float32): numpy's log1p of k, for k up to the number of blocks."""
    cdef Py_ssize_t n = base.shape[0], width = base.shape[1]
    cdef Py_ssize_t n_windows = window_sources.shape[0], n_neighbours = neighbour_sources.shape[0]
    cdef Py_ssize_t n_offsets = neighbour_offsets.shape[0], i, j, k, c, lo, hi, at
    if (
        chars.shape[0] != n or window_radii.shape[0] != n_windows or n_windows < 3
        or since_sources.shape[0] != 6 or out.shape[0] != n
        or out.shape[1] != 15 + n_windows + n_neighbours * n_offsets
        or log1p_table.shape[0] <= n or log1p_table32.shape[0] < n
    ):
        raise ValueError("the context arrays differ in shape")
    for j in range(n_windows):
        if not 0 <= window_sources[j] < width or window_radii[j] < 0:
            raise ValueError("a window lies outside the columns")
    for j in range(6):
        if not 0 <= since_sources[j] < width:
            raise ValueError("a flag lies outside the columns")
    for j in range(n_neighbours):
        if not 0 <= neighbour_sources[j] < width:
            raise ValueError("a neighbour lies outside the columns")
    if not (0 <= title_prefix < width and 0 <= title_overlap < width):
        raise ValueError("a title column lies outside the columns")
    if n == 0:
        return
    cdef double *csum = <double *>malloc((n + 1) * n_windows * sizeof(double))
    cdef Py_ssize_t *order = <Py_ssize_t *>malloc(2 * n * sizeof(Py_ssize_t))
    if csum == NULL or order == NULL:
        free(csum)
        free(order)
        raise MemoryError()
    cdef Py_ssize_t longest = 0, dense = 0, since_at = 4 + n_windows
    cdef Py_ssize_t last_flag[6]
    cdef float ftotal = <float>total, one = 1.0, cum, running = 0.0, mean, best = 0.0, sign, value
    cdef float denominator = <float>(n - 1 if n > 1 else 1)
    cdef bint flag
    try:
        # Windowed means: float64 running sums of the float32 columns, in row order.
        for j in range(n_windows):
            csum[j] = 0.0
        for i in range(n):
            for j in range(n_windows):
                csum[(i + 1) * n_windows + j] = csum[i * n_windows + j] + <double>base[i, window_sources[j]]
        for i in range(n):
            for j in range(n_windows):
                lo = i - window_radii[j]
                lo = lo if lo > 0 else 0
                hi = i + window_radii[j] + 1
                hi = hi if hi < n else n
                out[i, 4 + j] = <float>(
                    (csum[hi * n_windows + j] - csum[lo * n_windows + j]) / <double>(hi - lo)
                )
            mean = out[i, 6]  # the dense window, as float32
            if i == 0 or mean > best:
                best, dense = mean, i
            if chars[i] > chars[longest]:
                longest = i
        for i in range(n):
            running = running + chars[i]
            cum = running - chars[i]
            out[i, 0] = <float>i / denominator
            out[i, 1] = log_n
            out[i, 2] = cum / ftotal
            out[i, 3] = one - (cum + chars[i]) / ftotal
            value = log1p_table32[_distance(i, longest)]
            sign = <float>((i > longest) - (i < longest))
            out[i, since_at + 5] = value
            out[i, since_at + 6] = sign * value
            out[i, since_at + 7] = log1p_table32[_distance(i, dense)]
            out[i, since_at + 8] = i > dense
        # Blocks since the last flagged block above (-1: none), per flag.
        for j in range(6):
            last_flag[j] = -1
        for i in range(n):
            for j in range(6):
                at = since_at + j if j < 5 else since_at + 9
                out[i, at] = <float>log1p_table[i - last_flag[j]] if last_flag[j] >= 0 else -1.0
            for j in range(6):
                if j == 0:
                    flag = <float>(base[i, since_sources[0]] + base[i, since_sources[1]]) != 0
                elif j < 5:
                    flag = base[i, since_sources[j + 1]] != 0
                else:
                    flag = base[i, title_prefix] > 0 or base[i, title_overlap] > <float>0.6
                if flag:
                    last_flag[j] = i
        _stable_order_descending(&chars[0], n, order, order + n)
        for i in range(n):
            out[order[i], since_at + 10] = log1p_table32[i]
        at = since_at + 11
        for c in range(n_offsets):
            for i in range(n):
                j = i + neighbour_offsets[c]
                for k in range(n_neighbours):
                    out[i, at + c * n_neighbours + k] = base[j, neighbour_sources[k]] if 0 <= j < n else -1.0
    finally:
        free(csum)
        free(order)


def widened(const float[:, ::1] rows):
    """`rows.astype(np.float64)`: the same values (a float32 widens exactly), in one loop where
    numpy's cast converts element by element."""
    cdef Py_ssize_t n = rows.shape[0], width = rows.shape[1], i, j
    out_array = np.empty((n, width), dtype=np.float64)
    cdef double[:, ::1] out = out_array
    cdef const float *source
    cdef double *target
    for i in range(n):
        source = &rows[i, 0]
        target = &out[i, 0]
        for j in range(width):
            target[j] = <double>source[j]
    return out_array


cdef inline float _max_of(float kept, float new) noexcept:
    """numpy's `maximum(kept, new)` on float32: `kept` where it is greater or NaN, else `new`
    (so an equal `new` wins: maximum(0.0, -0.0) is -0.0, as numpy gives it)."""
    return kept if (kept > new or kept != kept) else new


def stage2_columns(
    const double[:, ::1] first,
    const float[::1] probs,
    const int64_t[::1] radii,
    double[:, ::1] out,
):
    """`features.stage2_features` of the float64 rows `first` and the first stage's `probs`, into
    `out` (a row per block): `first`'s columns, then the STAGE2_NAMES ones, each the float32
    value the numpy code writes, widened. `radii`: the four p_w* windows' radii."""
    cdef Py_ssize_t n = first.shape[0], width = first.shape[1], i, j, lo, hi
    if probs.shape[0] != n or radii.shape[0] != 4 or out.shape[0] != n or out.shape[1] != width + 14:
        raise ValueError("the stage-2 arrays differ in shape")
    for j in range(4):
        if radii[j] < 0:
            raise ValueError("a window's radius is negative")
    if n == 0:
        return
    cdef double *csum = <double *>malloc((n + 1) * sizeof(double))
    cdef float *after = <float *>malloc(n * sizeof(float))
    if csum == NULL or after == NULL:
        free(csum)
        free(after)
        raise MemoryError()
    cdef double *row
    cdef float p, running = 0.0, last, mass, ahead = 0.0, most = 0.0, floor32
    cdef double last_wide
    try:
        # The windowed means: float64 running sums of the float32 probabilities, in row order.
        csum[0] = 0.0
        for i in range(n):
            csum[i + 1] = csum[i] + <double>probs[i]
        # The float32 running sum (probs.cumsum()) ends at `last`.
        for i in range(n):
            running = running + probs[i]
        last = running
        # max(float(csum[-1]), 1e-6), as Python's max picks it, then as numpy reads it: float32.
        last_wide = <double>last
        floor32 = <float>(1e-6 if 1e-6 > last_wide else last_wide)
        # The running maximum from the page's end (maximum.accumulate of the reversed probs).
        for i in range(n - 1, -1, -1):
            ahead = probs[i] if i == n - 1 else _max_of(ahead, probs[i])
            after[i] = ahead
        running = 0.0
        for i in range(n):
            row = &out[i, 0]
            memcpy(row, &first[i, 0], width * sizeof(double))
            p = probs[i]
            row[width] = <double>p
            for j in range(4):
                lo = i - radii[j]
                lo = lo if lo > 0 else 0
                hi = i + radii[j] + 1
                hi = hi if hi < n else n
                row[width + 1 + j] = <double><float>((csum[hi] - csum[lo]) / <double>(hi - lo))
            row[width + 5] = <double>probs[i - 1] if i >= 1 else -1.0
            row[width + 6] = <double>probs[i + 1] if i + 1 < n else -1.0
            row[width + 7] = <double>probs[i - 2] if i >= 2 else -1.0
            row[width + 8] = <double>probs[i + 2] if i + 2 < n else -1.0
            running = running + p
            mass = running - p
            row[width + 9] = <double><float>(<double>mass / <double>(i if i > 1 else 1))
            row[width + 10] = <double><float>(
                <double>(last - running) / <double>(n - 1 - i if n - 1 - i > 1 else 1)
            )
            row[width + 11] = <double>(mass / floor32)
            most = p if i == 0 else _max_of(most, p)
            row[width + 12] = <double>most
            row[width + 13] = <double>after[i]
    finally:
        free(csum)
        free(after)


# ---- Substring search of `features._substrings` ----

import numpy as np

cdef enum:
    GRAM = 3  # needles this long or longer are found by the hash of their first GRAM code points
    BUCKET_BITS = 12


cdef inline uint32_t _bucket(uint32_t a, uint32_t b, uint32_t c) noexcept:
    return ((a * <uint32_t>0x9E3779B1u) ^ (b * <uint32_t>0x85EBCA77u) ^ (c * <uint32_t>0xC2B2AE3Du)) >> (32 - BUCKET_BITS)


cdef class Needles:
    """Needle lists compiled for plain substring search of many lines (`Lexicon.contains_substring`
    of each list, line by line): the needles GRAM code points long or longer are bucketed by a
    hash of their first GRAM code points, so a line's position costs one hash and, mostly, an
    empty bucket; the few shorter needles are compared at every position."""

    cdef uint32_t[::1] codes  # the needles' code points, one after another
    cdef int64_t[::1] offsets  # needle k: codes[offsets[k]:offsets[k + 1]]
    cdef int64_t[::1] owners  # needle k: a bit per list holding it
    cdef int64_t[::1] bucket_starts  # bucket b: needles bucket_needles[bucket_starts[b]:bucket_starts[b + 1]]
    cdef int64_t[::1] bucket_needles
    cdef int64_t[::1] short_needles  # the needles shorter than GRAM
    cdef readonly Py_ssize_t n_lists
    # Cheap rejections before the bucket's hash (most positions start no needle): bit b % 64 of
    # pairs[a % 64] is set where a needle GRAM long or longer starts with code points a, b, and
    # bit a % 256 of short_firsts where a shorter needle starts with a.
    cdef uint64_t pairs[64]
    cdef uint64_t short_firsts[4]

    def __init__(self, lists):
        """`lists`: tuples of non-empty needles without "\\n"."""
        lists = [tuple(needles) for needles in lists]
        if len(lists) > 62:
            raise ValueError("too many needle lists")
        every = list(dict.fromkeys(needle for needles in lists for needle in needles))
        if any(not needle or "\n" in needle for needle in every):
            raise ValueError("needles must be non-empty and hold no line break")
        self.n_lists = len(lists)
        self.codes = np.frombuffer("".join(every).encode("utf-32-le"), dtype=np.uint32).copy()
        self.offsets = np.concatenate(([0], np.cumsum([len(needle) for needle in every]))).astype(np.int64)
        self.owners = np.array(
            [sum(1 << k for k, needles in enumerate(lists) if needle in needles) for needle in every] or [0],
            dtype=np.int64,
        )
        buckets = [[] for _ in range(1 << BUCKET_BITS)]
        shorts = []
        cdef uint32_t head, second
        self.pairs[:] = [0] * 64
        self.short_firsts[:] = [0] * 4
        for k, needle in enumerate(every):
            head = ord(needle[0])
            if len(needle) < GRAM:
                shorts.append(k)
                self.short_firsts[(head & 255) >> 6] |= <uint64_t>1 << (head & 63)
            else:
                second = ord(needle[1])
                self.pairs[head & 63] |= <uint64_t>1 << (second & 63)
                buckets[_bucket(head, second, ord(needle[2]))].append(k)
        self.bucket_starts = np.concatenate(([0], np.cumsum([len(b) for b in buckets]))).astype(np.int64)
        self.bucket_needles = np.array([k for b in buckets for k in b] or [0], dtype=np.int64)
        self.short_needles = np.array(shorts or [0], dtype=np.int64)[: len(shorts)]

    cdef inline bint _at(self, const char_t *data, Py_ssize_t size, Py_ssize_t at, Py_ssize_t k) noexcept:
        """Whether needle `k` occurs in `data` at `at`."""
        cdef Py_ssize_t first = self.offsets[k], length = self.offsets[k + 1] - first, j
        if at + length > size:
            return False
        for j in range(length):
            if self.codes[first + j] != data[at + j]:
                return False
        return True

    cdef int64_t _found(self, const char_t *data, Py_ssize_t size, int64_t wanted) noexcept:
        """The bits of the lists (of `wanted`) with a needle in `data`."""
        cdef int64_t found = 0
        cdef Py_ssize_t at, b, j, k, n_short = self.short_needles.shape[0]
        cdef uint32_t first
        for at in range(size):
            first = data[at]
            if (self.short_firsts[(first & 255) >> 6] >> (first & 63)) & 1:
                for j in range(n_short):
                    k = self.short_needles[j]
                    if self.owners[k] & wanted & ~found and self._at(data, size, at, k):
                        found |= self.owners[k] & wanted
            if at + GRAM <= size and (self.pairs[first & 63] >> (data[at + 1] & 63)) & 1:
                b = _bucket(first, data[at + 1], data[at + 2])
                for j in range(self.bucket_starts[b], self.bucket_starts[b + 1]):
                    k = self.bucket_needles[j]
                    if self.owners[k] & wanted & ~found and self._at(data, size, at, k):
                        found |= self.owners[k] & wanted
            if found == wanted:
                break
        return found

    def containing(self, list lines, const int64_t[::1] lengths, int64_t longest, Py_ssize_t n_lists):
        """Per list (the first `n_lists`) and line of `lines`: whether the line holds one of its
        needles, as a (len(lists), len(lines)) bool array (the rows past `n_lists` False);
        lines whose `lengths` exceed `longest` are not searched (False)."""
        cdef Py_ssize_t n = len(lines), line, size, k
        if lengths.shape[0] != n:
            raise ValueError("lines and lengths differ in length")
        if not 0 <= n_lists <= self.n_lists:
            raise ValueError("no such lists")
        flags_array = np.zeros((self.n_lists, n), dtype=np.bool_)
        cdef uint8_t[:, ::1] flags = flags_array.view(np.uint8)
        cdef int64_t wanted = (<int64_t>1 << n_lists) - 1, found
        cdef int kind
        cdef void *data
        for line in range(n):
            text = lines[line]
            if not isinstance(text, str):
                raise TypeError("lines must be strs")
            if lengths[line] > longest or wanted == 0:
                continue
            kind, data, size = PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)
            if kind == PyUnicode_1BYTE_KIND:
                found = self._found(<const uint8_t *>data, size, wanted)
            elif kind == PyUnicode_2BYTE_KIND:
                found = self._found(<const uint16_t *>data, size, wanted)
            else:
                found = self._found(<const uint32_t *>data, size, wanted)
            for k in range(n_lists):
                flags[k, line] = (found >> k) & 1
        return flags_array


# ---- The lexicon marker columns of `features._markers_columns` ----


cdef enum:
    READ_ALSO = 12
    RELATED_HEADER = 13
    SIDEBAR_HEADER = 14
    COMMENT_HEADER = 15
    COMMENT_FORM = 16
    PROMO = 17
    SHARE = 18
    NAV = 19
    FOOTER = 20
    TAGS = 21
    BYLINE_PREFIX = 22
    # `features._SET_BITS`
    RELATED_BIT = 1
    SIDEBAR_BIT = 2
    COMMENT_BIT = 4
    SHARE_BIT = 8
    NAV_BIT = 16
    PROMO_BIT = 32
    WIDGET_BIT = 64
    # `features._MARKER_MAX` and the shorter limits of `_markers_columns`
    MARKER_MAX = 299


def marker_columns(
    list norms,
    const int64_t[::1] lengths,
    dict whole_lines,
    any_prefix,
    read_also_prefix,
    tags_prefix,
    promo_prefix,
    byline_prefix,
    comment_count,
    const uint8_t[:, ::1] substrings,
    list texts,
    const uint32_t[::1] last_codes,
    attribution_ends,
    attributed,
    float[:, :] out,
):
    """The lexicon marker columns (12-22) of the lines whose norms are `norms` (texts `lengths`
    long) into `out`, as `features._markers_columns_numpy` writes them: `whole_lines`
    (`_Markers.whole_lines`), the anchored prefix matchers and `comment_count` (`.match` of
    `_Markers`' patterns), `substrings` (`_Page.substrings`: footer, comment form rows);
    `attributed(text)`: whether a text (of `texts`) ends with a comment attribution, asked
    where its last code point (`last_codes`) is one of `attribution_ends` (a set of ints; None:
    everywhere)."""
    cdef Py_ssize_t n = len(norms), line
    cdef int64_t bits
    cdef bint prefixed, header, promo
    cdef str norm
    if (
        lengths.shape[0] != n or substrings.shape[0] < 2 or substrings.shape[1] != n or len(texts) != n
        or last_codes.shape[0] != n
    ):
        raise ValueError("the line arrays differ in length")
    if out.shape[0] != n or out.shape[1] <= BYLINE_PREFIX:
        raise ValueError("the columns do not fit")
    for line in range(n):
        if lengths[line] > MARKER_MAX:
            continue
        if not isinstance(norms[line], str):
            raise TypeError("norms must be strs")
        norm = norms[line]
        found = whole_lines.get(norm)
        bits = 0 if found is None else found
        prefixed = any_prefix(norm) is not None
        out[line, READ_ALSO] = prefixed and read_also_prefix(norm) is not None
        out[line, RELATED_HEADER] = (bits & RELATED_BIT) != 0
        out[line, SIDEBAR_HEADER] = (bits & SIDEBAR_BIT) != 0
        header = (bits & COMMENT_BIT) != 0
        # "<number> <count word>": only lines opening with a digit are tried.
        if not header and PyUnicode_GET_LENGTH(norm) and Py_UNICODE_ISDIGIT(norm[0]):
            m = comment_count(norm)
            header = m is not None and m.group(1).isdigit()
        out[line, COMMENT_HEADER] = header
        out[line, SHARE] = (bits & SHARE_BIT) != 0
        out[line, NAV] = (bits & NAV_BIT) != 0
        out[line, FOOTER] = substrings[0, line] != 0
        out[line, TAGS] = prefixed and tags_prefix(norm) is not None
        promo = (bits & PROMO_BIT) != 0
        if lengths[line] < 200:
            out[line, COMMENT_FORM] = (
                (bits & WIDGET_BIT) != 0
                or substrings[1, line] != 0
                or (
                    (attribution_ends is None or last_codes[line] in attribution_ends)
                    and attributed(texts[line])
                )
            )
            promo = promo or (prefixed and promo_prefix(norm) is not None)
        out[line, PROMO] = promo
        if lengths[line] < 120:
            out[line, BYLINE_PREFIX] = prefixed and byline_prefix(norm) is not None


# ---- Dense ids of keys: `features.first_ids`, `features.distinct_ids` ----



def first_ids(list keys):
    """(ids, distinct, firsts) of `keys`: each key's dense id in first-seen order (int64), the
    distinct keys, and where each first occurs (int64, ascending); each key hashed once, and
    not at all where it is the very object of the key before it (blocks in a row share their
    class/id token tuple, whose hash Python does not cache: it costs most)."""
    cdef Py_ssize_t n = PyList_GET_SIZE(keys), i, k = 0
    ids_array = np.empty(n, dtype=np.int64)
    firsts_array = np.empty(n, dtype=np.int64)
    cdef int64_t[::1] ids = ids_array
    cdef int64_t[::1] firsts = firsts_array
    cdef dict seen = {}
    cdef list distinct = []
    cdef PyObject *previous = NULL
    for i in range(n):
        key = keys[i]
        if <PyObject *>key != previous:
            previous = <PyObject *>key
            k = <object>PyDict_SetDefault(seen, key, len(distinct))
            if k == len(distinct):
                distinct.append(key)
                firsts[k] = i
        ids[i] = k
    return ids_array, distinct, firsts_array[: len(distinct)]


cdef inline size_t _object_slot(PyObject *token, size_t mask) noexcept:
    """A token's first slot in `_TokenTable`: its address mixed (objects lie 16 bytes apart)."""
    return <size_t>((<uint64_t><size_t>token >> 4) * <uint64_t>0x9E3779B97F4A7C15 >> 32) & mask


cdef struct _TokenTable:
    # Open addressing by token address: a token object's bits (owners[slot] NULL: empty).
    PyObject **owners
    uint64_t *masks
    size_t mask
    size_t used


cdef int _grow_tokens(_TokenTable *table, size_t size) except -1:
    """`table` rehashed into `size` slots (a power of two, above twice its tokens)."""
    cdef PyObject **owners = <PyObject **>calloc(size, sizeof(PyObject *))
    cdef uint64_t *masks = <uint64_t *>malloc(size * sizeof(uint64_t))
    cdef size_t slot, old
    if owners == NULL or masks == NULL:
        free(owners)
        free(masks)
        raise MemoryError()
    if table.owners != NULL:
        for old in range(table.mask + 1):
            if table.owners[old] != NULL:
                slot = _object_slot(table.owners[old], size - 1)
                while owners[slot] != NULL:
                    slot = (slot + 1) & (size - 1)
                owners[slot], masks[slot] = table.owners[old], table.masks[old]
    free(table.owners)
    free(table.masks)
    table.owners, table.masks, table.mask = owners, masks, size - 1
    return 0


def tuple_bits(list distinct, token_bits):
    """Per tuple of `distinct`: the OR of `token_bits(token)` (a 64-bit mask) over its tokens,
    each distinct token's bits asked for once. The tuples repeat their ancestors' tokens (the
    same str objects): they are looked up by address in an open-addressing table, and only a
    token object not met before by value in a dict. A tuple starting with the very token objects
    of the tuple before it takes the OR of that shared start from it (distinct tuples of a page
    mostly differ in their last tokens only)."""
    cdef list result = []
    cdef dict known = {}
    cdef uint64_t bits
    cdef PyObject *key
    cdef PyObject **previous = NULL  # the tokens of the tuple before
    cdef uint64_t *prefix = NULL  # prefix[j]: the OR of its first j + 1 tokens' bits
    cdef Py_ssize_t longest = 0, size, shared, n_previous = 0, j
    cdef size_t slot
    cdef _TokenTable table
    table.owners, table.masks, table.used = NULL, NULL, 0
    for tokens in distinct:
        size = len(<tuple?>tokens)
        longest = size if size > longest else longest
    previous = <PyObject **>malloc((longest + 1) * sizeof(PyObject *))
    prefix = <uint64_t *>malloc((longest + 1) * sizeof(uint64_t))
    try:
        if previous == NULL or prefix == NULL:
            raise MemoryError()
        _grow_tokens(&table, 64)
        for tokens in distinct:
            size = len(<tuple>tokens)
            shared = 0
            while shared < size and shared < n_previous and PyTuple_GET_ITEM(tokens, shared) == previous[shared]:
                shared += 1
            bits = prefix[shared - 1] if shared > 0 else 0
            for j in range(shared, size):
                key = PyTuple_GET_ITEM(tokens, j)  # (borrowed: `distinct` holds the tuple)
                slot = _object_slot(key, table.mask)
                while table.owners[slot] != NULL and table.owners[slot] != key:
                    slot = (slot + 1) & table.mask
                if table.owners[slot] == NULL:
                    # An equal token met as another object is found by value: asked for once.
                    token = <object>key
                    found = known.get(token)
                    if found is None:
                        found = token_bits(token)
                        known[token] = found
                    table.masks[slot] = <uint64_t>found
                    table.owners[slot] = key  # (alive as long as `distinct`: no reference taken)
                    table.used += 1
                    bits |= table.masks[slot]
                    if 2 * table.used > table.mask:
                        _grow_tokens(&table, 2 * (table.mask + 1))
                else:
                    bits |= table.masks[slot]
                previous[j], prefix[j] = key, bits
            n_previous = size
            result.append(bits)
    finally:
        free(table.owners)
        free(table.masks)
        free(previous)
        free(prefix)
    return result


# ---- The HTML-only columns of `html_features.html_extra_features` ----


def html_columns(
    const int64_t[::1] tag_ids,
    const int64_t[::1] token_ids,
    const double[:, ::1] token_table,
    const uint8_t[::1] hrefs,
    const int64_t[::1] group_ids,
    const int64_t[::1] prefix_ids,
    const double[::1] chars,
    const double[::1] words,
    const double[:] links,
    const double[:] heading_levels,
    double total,
    const double[::1] log1p_math,
    const double[::1] log1p_numpy,
    Py_ssize_t tokens_at,
    Py_ssize_t agg,
    float[:, :] out,
):
    """The HTML-only columns (`html_features.HTML_EXTRA_NAMES`) of `n` blocks into `out` (zeros),
    as `html_extra_features` writes them but for group_mean_words: `tag_ids` (-1: none of the
    tag columns), `token_ids` (each block's distinct class/id tuple) and `token_table` (per
    tuple: within_*, cls_* flags, log1p of its size; written from column `tokens_at`),
    `hrefs`, `group_ids` (tag paths), `prefix_ids` (per tuple: its first four tokens' id),
    `chars`, `words`, `links` (link densities), `heading_levels`, `total` (the characters, 1.0
    where none); `agg`: the has_href column; `log1p_math[k]` (math.log1p) and
    `log1p_numpy[k]` (numpy's) of k up to `n`. Returns each tag-path group's mean words, whose
    numpy log1p is group_mean_words."""
    cdef Py_ssize_t n = tag_ids.shape[0], i, j, g, width = token_table.shape[1], n_groups = 0, n_classes = 0
    cdef Py_ssize_t first_h1 = -1, run_start = 0, distance
    if (
        token_ids.shape[0] != n or hrefs.shape[0] != n or group_ids.shape[0] != n or chars.shape[0] != n
        or words.shape[0] != n or links.shape[0] != n or heading_levels.shape[0] != n
        or out.shape[0] != n or width < 1 or tokens_at < 0 or tokens_at + width - 1 > agg
        or agg + 9 >= out.shape[1] or log1p_math.shape[0] <= n or log1p_numpy.shape[0] <= n
    ):
        raise ValueError("the block arrays differ in length")
    for i in range(n):
        if not (-1 <= tag_ids[i] < tokens_at):
            raise ValueError("a tag column lies outside the tag columns")
        if not 0 <= token_ids[i] < token_table.shape[0] or not 0 <= token_ids[i] < prefix_ids.shape[0]:
            raise ValueError("a token id lies outside the table")
        if not 0 <= group_ids[i] < n:
            raise ValueError("a group id lies outside the blocks")
        n_groups = group_ids[i] + 1 if group_ids[i] >= n_groups else n_groups
    for i in range(prefix_ids.shape[0]):
        if not 0 <= prefix_ids[i] < prefix_ids.shape[0]:
            raise ValueError("a prefix id lies outside the tuples")
        n_classes = prefix_ids[i] + 1 if prefix_ids[i] >= n_classes else n_classes
    means_array = np.zeros(n_groups, dtype=np.float64)
    cdef double[::1] means = means_array
    cdef double *sums = <double *>malloc((4 * n_groups + n_classes + 1) * sizeof(double))
    if sums == NULL:
        raise MemoryError()
    # Per group: blocks, characters, linked characters, words (np.bincount: float64 sums in block
    # order); then per class prefix: characters.
    cdef double *count = sums
    cdef double *gchars = sums + n_groups
    cdef double *glinks = sums + 2 * n_groups
    cdef double *gwords = sums + 3 * n_groups
    cdef double *pchars = sums + 4 * n_groups
    try:
        for j in range(4 * n_groups + n_classes):
            sums[j] = 0.0
        for i in range(n):
            g = group_ids[i]
            count[g] += 1.0
            gchars[g] += chars[i]
            glinks[g] += links[i] * chars[i]
            gwords[g] += words[i]
            pchars[prefix_ids[token_ids[i]]] += chars[i]
            if first_h1 < 0 and heading_levels[i] == 1:
                first_h1 = i
        for g in range(n_groups):
            if count[g] > 0:
                means[g] = gwords[g] / count[g]
        for i in range(n):
            if tag_ids[i] >= 0:
                out[i, tag_ids[i]] = 1.0
            for j in range(width - 1):
                out[i, tokens_at + j] = <float>token_table[token_ids[i], j]
            out[i, agg] = hrefs[i] != 0
            out[i, agg + 9] = <float>token_table[token_ids[i], width - 1]
            g = group_ids[i]
            out[i, agg + 1] = <float>log1p_numpy[<Py_ssize_t>count[g]]
            out[i, agg + 2] = <float>(gchars[g] / total)
            out[i, agg + 3] = <float>(glinks[g] / (gchars[g] if gchars[g] > 1.0 else 1.0))
            # Runs of consecutive blocks on one tag path: 1, 2, 3... restarting at each change.
            if i > 0 and group_ids[i] != group_ids[i - 1]:
                run_start = i
            out[i, agg + 5] = <float>log1p_math[i - run_start + 1]
            out[i, agg + 6] = <float>(pchars[prefix_ids[token_ids[i]]] / total)
            if first_h1 >= 0:
                distance = i - first_h1 if i >= first_h1 else first_h1 - i
                out[i, agg + 7] = <float>log1p_math[distance]
                out[i, agg + 8] = i < first_h1
            else:
                out[i, agg + 7] = -1.0
    finally:
        free(sums)
    return means_array


# ---- The flattened text's extra columns of `features._text_extra_lines` ----



def text_extra_columns(
    list texts,
    str joined,
    const int64_t[::1] starts,
    const int64_t[::1] lengths,
    const double[:, :] counts,
    const uint32_t[::1] first_codes,
    const uint32_t[::1] last_codes,
    const uint8_t[::1] captions,
    credit,
    count_suffix,
    name_like,
    date_line,
    float[:, :] out,
):
    """The columns of `features.TEXT_EXTRA_NAMES` but editor_code_end of the lines `texts`
    (joined by "\\n" in `joined`, at `starts` with `lengths`; `counts`, `first_codes`,
    `last_codes`: as `features._Page` holds them; `captions`: its caption row) into `out`, as
    `features._text_extra_lines_numpy` writes them: each pattern (`credit`, `count_suffix`,
    `name_like`: their `.search` or `.match`; `date_line`: `features.is_date_line`) tried
    only on the lines whose last or first character and counts allow a match."""
    cdef Py_ssize_t n = len(texts), line, size = PyUnicode_GET_LENGTH(joined), end, i
    cdef int kind = PyUnicode_KIND(joined)
    cdef void *data = PyUnicode_DATA(joined)
    cdef uint32_t last, first
    cdef bint short, closing, credited, digit
    if (
        starts.shape[0] != n or lengths.shape[0] != n or counts.shape[1] != n or counts.shape[0] <= ASTRAL
        or first_codes.shape[0] != n or last_codes.shape[0] != n or captions.shape[0] != n
        or out.shape[0] != n or out.shape[1] < 7
    ):
        raise ValueError("the line arrays differ in length")
    for line in range(n):
        if starts[line] < 0 or lengths[line] < 0 or starts[line] + lengths[line] > size:
            raise ValueError("a line lies outside the text")
        if not isinstance(texts[line], str) or PyUnicode_GET_LENGTH(texts[line]) != lengths[line]:
            raise ValueError("a text is not its line")
    for line in range(n):
        short = lengths[line] <= 400
        if not short:
            continue
        text = texts[line]
        last, first, end = last_codes[line], first_codes[line], starts[line] + lengths[line]
        out[line, 0] = captions[line] != 0
        out[line, 5] = last == 58  # ":"
        closing = last == 41  # ")"
        credited = closing or (last == 46 and lengths[line] >= 2 and PyUnicode_READ(kind, data, end - 2) == 41)
        if credited and credit(text):
            out[line, 1] = 1.0
        if closing and count_suffix(text):
            out[line, 6] = 1.0
        if (
            65 <= first <= 90
            and counts[CAPITALISED, line] >= 2
            and counts[PUNCT, line] == counts[DOTS, line]
            and counts[QUOTE_CHARS, line] == 0
            and counts[SEPARATORS, line] == 0
            and name_like(text)
        ):
            out[line, 3] = 1.0
        # A date line has a digit: the class table's, or one an astral code point hides.
        if lengths[line] < 120 and (counts[DIGITS, line] > 0 or counts[ASTRAL, line] > 0):
            digit = counts[DIGITS, line] > 0
            i = starts[line]
            while not digit and i < end:
                digit = Py_UNICODE_ISDIGIT(PyUnicode_READ(kind, data, i))
                i += 1
            if digit and date_line(text):
                out[line, 4] = 1.0


# ---- The blocks' structures: `features.DomFields.of`, `features._structure_columns` ----


# The slots `dom_fields` reads without the descriptors' attribute lookups (`warta._slots`).
cdef Py_ssize_t BLOCK_STRUCTURE = slot_offset(Block, "structure", False)
cdef Py_ssize_t STRUCTURE_TAG = slot_offset(BlockStructure, "tag", False)
cdef Py_ssize_t STRUCTURE_TAG_PATH = slot_offset(BlockStructure, "tag_path", False)
cdef Py_ssize_t STRUCTURE_CLASS_TOKENS = slot_offset(BlockStructure, "class_tokens", False)
cdef Py_ssize_t STRUCTURE_HREF = slot_offset(BlockStructure, "href", False)


def dom_fields(list blocks, tuple names, bint everything=True):
    """(structures, tags, numbers, tag_paths, class_tokens, hrefs) of `blocks`: each block's
    `structure`, its tag, its fields `names` as a float64 row (float() of each), and with
    `everything` its tag path, class/id tokens and whether it has an href (bool; empty
    lists and array without), read in one pass; from the slots directly where a block is a
    `Block` and its structure a `BlockStructure` (else through the attributes)."""
    cdef Py_ssize_t n = len(blocks), width = len(names), i, j
    numbers_array = np.empty((n, width), dtype=np.float64)
    hrefs_array = np.zeros(n if everything else 0, dtype=np.bool_)
    cdef double[:, ::1] numbers = numbers_array
    cdef uint8_t[::1] hrefs = hrefs_array.view(np.uint8)
    cdef list structures = [], tags = [], tag_paths = [], class_tokens = []
    cdef Py_ssize_t *offsets = <Py_ssize_t *>malloc(max(width, 1) * sizeof(Py_ssize_t))
    if offsets == NULL:
        raise MemoryError()
    try:
        for j in range(width):
            offsets[j] = slot_offset(BlockStructure, names[j], False)
        for i in range(n):
            block = blocks[i]
            structure = read_slot(block, BLOCK_STRUCTURE) if type(block) is Block else block.structure
            if type(structure) is not BlockStructure:
                _read_fields(structure, names, numbers[i], everything, structures, tags, tag_paths,
                             class_tokens)
                if everything:
                    hrefs[i] = structure.href is not None
                continue
            structures.append(structure)
            tags.append(read_slot(structure, STRUCTURE_TAG))
            for j in range(width):
                numbers[i, j] = _as_double(read_slot(structure, offsets[j]))
            if everything:
                tag_paths.append(read_slot(structure, STRUCTURE_TAG_PATH))
                class_tokens.append(read_slot(structure, STRUCTURE_CLASS_TOKENS))
                hrefs[i] = read_slot(structure, STRUCTURE_HREF) is not None
    finally:
        free(offsets)
    return structures, tags, numbers_array, tag_paths, class_tokens, hrefs_array


cdef inline double _as_double(object value) except? -1.0:
    """float(value) of a field: bools and floats read directly, ints by PyLong_AsDouble (what
    int.__float__ returns), without the float object that converting through it makes."""
    if value is True:
        return 1.0
    if value is False:
        return 0.0
    if PyFloat_CheckExact(value):
        return PyFloat_AS_DOUBLE(value)
    if PyLong_CheckExact(value):
        return PyLong_AsDouble(value)
    return PyFloat_AsDouble(value)


cdef int _read_fields(
    object structure, tuple names, double[::1] numbers, bint everything, list structures, list tags,
    list tag_paths, list class_tokens,
) except -1:
    """`dom_fields`' reads of one structure through its attributes (not a `BlockStructure`)."""
    cdef Py_ssize_t j
    structures.append(structure)
    tags.append(structure.tag)
    for j in range(len(names)):
        numbers[j] = getattr(structure, names[j])
    if everything:
        tag_paths.append(structure.tag_path)
        class_tokens.append(structure.class_tokens)
    return 0


cdef extern from *:
    int __builtin_popcountll(unsigned long long) nogil


def structure_columns(
    const double[:, ::1] numbers,
    list tags,
    const int64_t[::1] class_ids,
    const uint64_t[::1] class_bits,
    Py_ssize_t n_boiler,
    Py_ssize_t n_content,
    Py_ssize_t layout_first,
    Py_ssize_t n_layout,
    Py_ssize_t dom_first,
    float[:, :] out,
):
    """The layout columns (from `layout_first`) of every block and, for the blocks with a tag,
    the DOM ones (from `dom_first`: the DOM numbers, class_boiler, class_content, tag_p,
    tag_heading, dom_depth) into `out`, as `features._structure_columns` writes them:
    `numbers` (`DomFields.numbers`: the layout numbers, the DOM ones, dom_depth), `tags`,
    `class_ids` (each block's class/id tuple) and `class_bits` (per tuple its
    `ClassTokens.bits`, of which the first `n_boiler` count boilerplate markers, the next
    `n_content` content ones)."""
    cdef Py_ssize_t n = numbers.shape[0], width = numbers.shape[1], n_dom = width - n_layout - 1, i, j
    cdef uint64_t bits, boiler_mask, content_mask
    if (
        len(tags) != n or class_ids.shape[0] != n or out.shape[0] != n or n_dom < 1
        or layout_first + n_layout > out.shape[1] or dom_first + n_dom + 5 > out.shape[1]
        or not 0 <= n_boiler < 64 or not 0 <= n_content < 64 or n_boiler + n_content > 64
    ):
        raise ValueError("the structure arrays differ in shape")
    for i in range(n):
        if not 0 <= class_ids[i] < class_bits.shape[0]:
            raise ValueError("a class id lies outside the tuples")
    boiler_mask = (<uint64_t>1 << n_boiler) - 1
    content_mask = (<uint64_t>1 << n_content) - 1
    for i in range(n):
        for j in range(n_layout):
            out[i, layout_first + j] = <float>numbers[i, j]
        tag = tags[i]
        if not tag:
            continue
        for j in range(n_dom):
            out[i, dom_first + j] = <float>numbers[i, n_layout + j]
        bits = class_bits[class_ids[i]]
        out[i, dom_first + n_dom] = __builtin_popcountll(bits & boiler_mask)
        out[i, dom_first + n_dom + 1] = __builtin_popcountll((bits >> n_boiler) & content_mask)
        out[i, dom_first + n_dom + 2] = tag == "p"
        out[i, dom_first + n_dom + 3] = numbers[i, n_layout] > 0
        out[i, dom_first + n_dom + 4] = <float>numbers[i, width - 1]
