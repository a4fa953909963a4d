# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""py3langid's byte-automaton walk and feature counting in C: `warta.meta.langid_dfa`'s
`DfaIdentifier.feature_counts`, and the float32 weight rows its `_raw_score` gathers.

The numpy version finds every DFA state with a few whole-array passes, then counts
the features in first-occurrence order with a feature-indexed table; both cost a
dozen numpy calls on arrays of a couple of thousand bytes. Here it is one
sequential loop over the bytes, reading py3langid's own transition table in place
(16, 32 or 64-bit entries) and counting each feature in a small open-addressing
table sized for the text, so the (features, counts) arrays come out in
first-occurrence order exactly as the numpy version gives them.

The weight rows are widened from float16 to float32 with the same integer
operations as `langid_dfa._widen_normal_halves` (exact for normal halves, which
is checked before this is used). The product `log1p(counts) @ weights` stays in
numpy: its summation order is BLAS's, and scores must stay bit-identical.

`warta.meta.langid_dfa` checks at first use that this walk agrees with the numpy
one on a probe text; tests compare both on many texts.
"""

from libc.stdint cimport int16_t, int32_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcpy, memset

import numpy as np


ctypedef fused entry_t:
    uint16_t
    uint32_t
    uint64_t


cdef enum:
    EMPTY = -1  # a free slot of the counting table (all bytes 0xFF)


cdef Py_ssize_t _count_walk(
    const entry_t *table,
    Py_ssize_t table_len,
    const Py_ssize_t *rowbase,
    const Py_ssize_t *output,
    Py_ssize_t n_states,
    const uint8_t *data,
    Py_ssize_t n,
    int32_t *slots,
    size_t mask,
    Py_ssize_t *features,
    uint32_t *counts,
) noexcept nogil:
    """Walk `data` through the DFA, counting each feature met into `features` and `counts`
    (first-occurrence order); the number of distinct features, or -1 if the walk left the
    tables (a malformed model).

    `slots` (mask + 1 entries, all EMPTY) maps a feature's hash to its index in `features`.
    """
    cdef Py_ssize_t found = 0, i, idx, feature
    cdef size_t state = 0, slot
    cdef int32_t at
    for i in range(n):
        idx = rowbase[state] + data[i]
        if idx >= table_len:
            return -1
        state = table[idx]
        if state >= <size_t>n_states:
            return -1
        feature = output[state]
        if feature < 0:
            continue
        # Fibonacci hashing, then linear probing.
        slot = (<size_t>feature * <size_t>0x9E3779B97F4A7C15) >> 32 & mask
        while True:
            at = slots[slot]
            if at == EMPTY:
                slots[slot] = <int32_t>found
                features[found] = feature
                counts[found] = 1
                found += 1
                break
            if features[at] == feature:
                counts[at] += 1
                break
            slot = (slot + 1) & mask
    return found


cdef class Walker:
    """The walk over one identifier's automaton (its tables are kept alive by this object)."""

    cdef const uint8_t[::1] _table_bytes
    cdef const Py_ssize_t[::1] _rowbase
    cdef const Py_ssize_t[::1] _output
    cdef int _itemsize
    cdef Py_ssize_t _table_len

    def __init__(self, nextmove, rowbase, output):
        """`nextmove`: a numpy view of py3langid's transition table (uint16, 32 or 64);
        `rowbase`, `output`: intp arrays of each state's row offset and feature (-1: none).
        """
        if nextmove.dtype.kind != "u" or nextmove.dtype.itemsize not in (2, 4, 8):
            raise ValueError("unsupported transition table")
        if len(rowbase) == 0 or len(rowbase) != len(output) or int(rowbase.min()) < 0:
            raise ValueError("inconsistent automaton tables")
        nextmove = np.ascontiguousarray(nextmove)
        self._itemsize = nextmove.dtype.itemsize
        self._table_len = len(nextmove)
        self._table_bytes = nextmove.view(np.uint8)
        self._rowbase = np.ascontiguousarray(rowbase, dtype=np.intp)
        self._output = np.ascontiguousarray(output, dtype=np.intp)

    cdef Py_ssize_t _walk(
        self, const uint8_t *text, Py_ssize_t n, int32_t *slots, size_t mask,
        Py_ssize_t *features, uint32_t *counts,
    ) noexcept nogil:
        """`_count_walk` over this automaton, for its table's entry size."""
        cdef const uint8_t *table = &self._table_bytes[0]
        cdef const Py_ssize_t *rowbase = &self._rowbase[0]
        cdef const Py_ssize_t *output = &self._output[0]
        cdef Py_ssize_t n_states = self._output.shape[0]
        if self._itemsize == 2:
            return _count_walk(
                <const uint16_t *>table, self._table_len, rowbase, output, n_states,
                text, n, slots, mask, features, counts,
            )
        if self._itemsize == 4:
            return _count_walk(
                <const uint32_t *>table, self._table_len, rowbase, output, n_states,
                text, n, slots, mask, features, counts,
            )
        return _count_walk(
            <const uint64_t *>table, self._table_len, rowbase, output, n_states,
            text, n, slots, mask, features, counts,
        )

    def feature_counts(self, bytes data):
        """(features, counts) of `data` in first-occurrence order (intp, float32); None if none.

        The same arrays as `DfaIdentifier.numpy_feature_counts`.
        """
        cdef Py_ssize_t n = len(data), found, i, size = 2
        if n == 0:
            return None
        while size < 2 * n:  # at most n distinct features: the table stays at most half full
            size *= 2
        cdef int32_t *slots = <int32_t *>malloc(size * sizeof(int32_t))
        cdef Py_ssize_t *features = <Py_ssize_t *>malloc(n * sizeof(Py_ssize_t))
        cdef uint32_t *counts = <uint32_t *>malloc(n * sizeof(uint32_t))
        cdef const uint8_t *text = <const uint8_t *>(<const char *>data)
        cdef Py_ssize_t[::1] features_out
        cdef float[::1] counts_out
        try:
            if slots == NULL or features == NULL or counts == NULL:
                raise MemoryError()
            memset(slots, 0xFF, size * sizeof(int32_t))
            with nogil:
                found = self._walk(text, n, slots, size - 1, features, counts)
            if found < 0:
                raise ValueError("the automaton walk left its tables")
            if found == 0:
                return None
            features_array = np.empty(found, dtype=np.intp)
            counts_array = np.empty(found, dtype=np.float32)
            features_out = features_array
            counts_out = counts_array
            memcpy(&features_out[0], features, found * sizeof(Py_ssize_t))
            for i in range(found):
                counts_out[i] = <float>counts[i]  # the same rounding as numpy's cast
            return features_array, counts_array
        finally:
            free(slots)
            free(features)
            free(counts)

    def widened_rows(self, bits, features):
        """The module's `widened_rows`, for callers that hold a walker."""
        return widened_rows(bits, features)


def widened_rows(const int16_t[:, :] bits, const Py_ssize_t[::1] features):
    """The rows `features` of a float16 table given as its bits (`table.view(np.int16)`),
    as float32: `langid_dfa._widen_normal_halves(bits.take(features, axis=0))` in one pass.

    Each half is widened with the same integer operations: sign-extend to 32 bits,
    shift left 13, clear bits 30..28, add the exponent rebias (127 - 15) << 23.
    Exact, and the same bits, for normal halves only. (A table restricted to some
    languages by `set_languages` is a column selection, not C-contiguous: its rows
    are read with their stride.)
    """
    cdef Py_ssize_t k = features.shape[0], width = bits.shape[1], rows = bits.shape[0], i, j
    cdef Py_ssize_t step = bits.strides[1] // <Py_ssize_t>sizeof(int16_t)
    result = np.empty((k, width), dtype=np.float32)
    if k == 0 or width == 0:
        return result
    for i in range(k):
        if features[i] < 0 or features[i] >= rows:
            raise IndexError("feature outside the weight table")
    cdef float[:, ::1] out = result
    cdef uint32_t *target
    cdef const int16_t *source
    with nogil:
        for i in range(k):
            source = &bits[features[i], 0]
            target = <uint32_t *>&out[i, 0]
            if step == 1:  # the common case, which the compiler vectorises
                for j in range(width):
                    target[j] = _widen(source[j])
            else:
                for j in range(width):
                    target[j] = _widen(source[j * step])
    return result


cdef inline uint32_t _widen(int16_t half) noexcept nogil:
    """The float32 bits of a normal float16 given as its bits (see `widened_rows`)."""
    return ((<uint32_t><int32_t>half << 13) & <uint32_t>0x8FFFFFFF) + <uint32_t>0x38000000
