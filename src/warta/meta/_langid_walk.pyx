# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""py3langid's byte-automaton walk and feature counting in C: `warta.meta.langid_dfa`'s
`DfaIdentifier.feature_counts`, and the float32 weight rows its `_raw_score` gathers.

The numpy version finds every DFA state with a few whole-array passes, then counts
the features in first-occurrence order with a feature-indexed table; both cost a
dozen numpy calls on arrays of a couple of thousand bytes. Here it is a loop over
the bytes (16 stretches of the text walked side by side, checked to give exactly
the states of one sequential walk: see `_walk_states`), reading py3langid's own
transition table in place (16, 32 or 64-bit entries), then one pass counting each
feature in a small open-addressing table sized for the text, so the (features,
counts) arrays come out in first-occurrence order exactly as the numpy version
gives them.

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


cdef extern from *:
    """
    #define WARTA_PREFETCH(address) __builtin_prefetch((address), 0, 0)

    /* A row of halves widened by the F16C instruction VCVTPH2PS, eight at a time, where the
       compiler and the CPU have it: the exact float32 value of each half, so for normal halves
       the same bits as `_widen`. The last (width % 8) are left to the caller. */
    #if defined(__GNUC__) && defined(__x86_64__)
    #include <immintrin.h>
    __attribute__((target("avx,f16c")))
    static Py_ssize_t warta_widen_f16c(const int16_t *source, uint32_t *target, Py_ssize_t width) {
        Py_ssize_t j = 0;
        for (; j + 8 <= width; j += 8) {
            __m128i halves = _mm_loadu_si128((const __m128i *)(source + j));
            _mm256_storeu_ps((float *)(target + j), _mm256_cvtph_ps(halves));
        }
        return j;
    }
    /* The rows `features` (k of them) of a table of halves whose rows start `row_step` halves
       apart, each `width` >= 8 contiguous halves, widened into `target` (k rows of `width`):
       `warta_widen_f16c` on each row, its last (width % 8) halves by converting the row's last
       eight once more (writing the same values again over the ones before them), in one call
       for all rows (the target attribute keeps a per-row call from being inlined). The rows are
       scattered over a table of tens of megabytes: each row's cache lines are asked for `ahead`
       rows early, so that their loads overlap the work on the rows before. */
    __attribute__((target("avx,f16c")))
    static void warta_widen_rows_f16c(const int16_t *table, Py_ssize_t row_step, const Py_ssize_t *features,
                                      Py_ssize_t k, Py_ssize_t width, uint32_t *target, Py_ssize_t ahead) {
        for (Py_ssize_t i = 0; i < k; i++) {
            if (i + ahead < k) {
                const char *next = (const char *)(table + features[i + ahead] * row_step);
                for (Py_ssize_t line = 0; line < width * (Py_ssize_t)sizeof(int16_t); line += 64)
                    WARTA_PREFETCH(next + line);
            }
            const int16_t *source = table + features[i] * row_step;
            uint32_t *row = target + i * width;
            Py_ssize_t j = warta_widen_f16c(source, row, width);
            if (j < width)
                warta_widen_f16c(source + width - 8, row + width - 8, 8);
        }
    }
    static int warta_has_f16c(void) {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx") && __builtin_cpu_supports("f16c");
    }
    #else
    static void warta_widen_rows_f16c(const int16_t *table, Py_ssize_t row_step, const Py_ssize_t *features,
                                      Py_ssize_t k, Py_ssize_t width, uint32_t *target, Py_ssize_t ahead) {
        (void)table; (void)row_step; (void)features; (void)k; (void)width; (void)target; (void)ahead;
    }
    static int warta_has_f16c(void) { return 0; }
    #endif
    """
    void prefetch "WARTA_PREFETCH"(const void *address) noexcept nogil
    void widen_rows_f16c "warta_widen_rows_f16c"(
        const int16_t *table, Py_ssize_t row_step, const Py_ssize_t *features, Py_ssize_t k, Py_ssize_t width,
        uint32_t *target, Py_ssize_t ahead
    ) noexcept nogil
    int has_f16c "warta_has_f16c"() noexcept nogil


cdef bint HAS_F16C = has_f16c()  # (a fact of the CPU, read once)


ctypedef fused entry_t:
    uint16_t
    uint32_t
    uint64_t


cdef enum:
    EMPTY = -1  # a free slot of the counting table (all bytes 0xFF)
    LANES = 16  # walks interleaved over stretches of the text (see `_walk_states`)
    WARMUP = 16  # bytes each stretch's walk reads before its stretch (py3langid's states hang on the last 6 or so)
    MIN_STRETCH = 64  # shorter texts are cut into fewer stretches (one below 128 bytes)
    PREFETCH_ROWS = 8  # how many rows ahead `widened_rows` asks for a weight row


cdef struct Automaton:
    const Py_ssize_t *rowbase  # each state's row offset in the table
    Py_ssize_t table_len
    size_t n_states


cdef inline bint _step(const entry_t *table, const Automaton *dfa, size_t *state, uint8_t byte) noexcept nogil:
    """Move `state` on `byte`; False if the move leaves the tables (a malformed model)."""
    cdef Py_ssize_t idx = dfa.rowbase[state[0]] + byte
    if idx >= dfa.table_len:
        return False
    state[0] = table[idx]
    return state[0] < dfa.n_states


cdef bint _walk_states(
    const entry_t *table, const Automaton *dfa, const uint8_t *data, Py_ssize_t n, uint32_t *states
) noexcept nogil:
    """The state after every byte of `data` from the start state, into `states`; False if the
    walk leaves the tables.

    One walk is a chain of dependent loads from a table of tens of megabytes: it waits on
    memory at every byte. So the text is cut into up to LANES stretches, walked side by
    side (their loads overlap). Each stretch's walk starts from the start state WARMUP bytes
    before the stretch; the DFA is an n-gram matcher, so by the stretch it is almost always
    in the state the one walk would be in. That is checked, stretch by stretch in order: if
    the state after its warm-up equals the state the previous (already exact) stretch ended
    in, every state of the stretch is exact, the automaton being deterministic; if not, the
    stretch is walked again from that state. The states are therefore exactly those of the
    one sequential walk, whatever the model.
    """
    cdef Py_ssize_t lanes = min(<Py_ssize_t>LANES, max(<Py_ssize_t>1, n // MIN_STRETCH))
    cdef Py_ssize_t stretch = (n + lanes - 1) // lanes, longest = 0, j, t, p
    cdef size_t state[LANES]
    cdef size_t warmed[LANES]  # each walk's state after its warm-up
    cdef Py_ssize_t begin[LANES]
    cdef Py_ssize_t start[LANES]
    cdef Py_ssize_t end[LANES]
    for j in range(lanes):
        start[j] = j * stretch
        end[j] = min(start[j] + stretch, n)
        begin[j] = max(<Py_ssize_t>0, start[j] - WARMUP)
        state[j] = 0
        warmed[j] = 0
        longest = max(longest, end[j] - begin[j])
    for t in range(longest):
        for j in range(lanes):
            p = begin[j] + t
            if p < end[j]:
                if not _step(table, dfa, &state[j], data[p]):
                    return False
                if p >= start[j]:
                    states[p] = <uint32_t>state[j]
                else:
                    warmed[j] = state[j]
    for j in range(1, lanes):
        if warmed[j] == states[start[j] - 1]:
            continue
        state[j] = states[start[j] - 1]
        for p in range(start[j], end[j]):
            if not _step(table, dfa, &state[j], data[p]):
                return False
            states[p] = <uint32_t>state[j]
    return True


cdef Py_ssize_t _count_features(
    const uint32_t *states,
    Py_ssize_t n,
    const Py_ssize_t *output,
    int32_t *slots,
    size_t mask,
    Py_ssize_t *features,
    uint32_t *counts,
) noexcept nogil:
    """Count the feature of each state (-1: none) into `features` and `counts`, in
    first-occurrence order; the number of distinct features.

    `slots` (mask + 1 entries, all EMPTY) maps a feature's hash to its index in `features`.
    """
    cdef Py_ssize_t found = 0, i, feature
    cdef size_t slot
    cdef int32_t at
    for i in range(n):
        feature = output[states[i]]
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
        if not 0 < len(rowbase) == len(output) < 2**32 or int(rowbase.min()) < 0:
            raise ValueError("inconsistent automaton tables")
        nextmove = np.ascontiguousarray(nextmove)
        self._itemsize = nextmove.dtype.itemsize
        self._table_len = len(nextmove)
        self._table_bytes = nextmove.view(np.uint8)
        self._rowbase = np.ascontiguousarray(rowbase, dtype=np.intp)
        self._output = np.ascontiguousarray(output, dtype=np.intp)

    cdef bint _walk(self, const uint8_t *text, Py_ssize_t n, uint32_t *states) noexcept nogil:
        """`_walk_states` over this automaton, for its table's entry size."""
        cdef const uint8_t *table = &self._table_bytes[0]
        cdef Automaton dfa
        dfa.rowbase = &self._rowbase[0]
        dfa.table_len = self._table_len
        dfa.n_states = self._output.shape[0]
        if self._itemsize == 2:
            return _walk_states(<const uint16_t *>table, &dfa, text, n, states)
        if self._itemsize == 4:
            return _walk_states(<const uint32_t *>table, &dfa, text, n, states)
        return _walk_states(<const uint64_t *>table, &dfa, text, n, states)

    def feature_counts(self, bytes data):
        """(features, counts) of `data` in first-occurrence order (intp, float32); None if none.

        The same arrays as `DfaIdentifier.numpy_feature_counts`.
        """
        cdef Py_ssize_t n = len(data), found = 0, i, size = 2
        cdef bint walked
        if n == 0:
            return None
        while size < 2 * n:  # at most n distinct features: the table stays at most half full
            size *= 2
        cdef int32_t *slots = <int32_t *>malloc(size * sizeof(int32_t))
        cdef uint32_t *states = <uint32_t *>malloc(n * sizeof(uint32_t))
        cdef Py_ssize_t *features = <Py_ssize_t *>malloc(n * sizeof(Py_ssize_t))
        cdef uint32_t *counts = <uint32_t *>malloc(n * sizeof(uint32_t))
        cdef const uint8_t *text = <const uint8_t *>(<const char *>data)
        cdef Py_ssize_t[::1] features_out
        cdef float[::1] counts_out
        try:
            if slots == NULL or states == NULL or features == NULL or counts == NULL:
                raise MemoryError()
            memset(slots, 0xFF, size * sizeof(int32_t))
            with nogil:
                walked = self._walk(text, n, states)
                if walked:
                    found = _count_features(states, n, &self._output[0], slots, size - 1, features, counts)
            if not walked:
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
            free(states)
            free(features)
            free(counts)

    def widened_rows(self, bits, features):
        """The module's `widened_rows`, for callers that hold a walker."""
        return widened_rows(bits, features)


def widened_rows(const int16_t[:, :] bits, const Py_ssize_t[::1] features, bint f16c=True):
    """The rows `features` of a float16 table given as its bits (`table.view(np.int16)`),
    as float32: `langid_dfa._widen_normal_halves(bits.take(features, axis=0))` in one pass.

    Each half is widened with the same integer operations: sign-extend to 32 bits,
    shift left 13, clear bits 30..28, add the exponent rebias (127 - 15) << 23.
    Exact, and the same bits, for normal halves only. (A table restricted to some
    languages by `set_languages` is a column selection, not C-contiguous: its rows
    are read with their stride.) Where the CPU has F16C (and `f16c` is true: tests turn
    it off), contiguous rows are widened by its conversion instruction instead, eight
    halves at a time: the exact value of every half, so the same bits for normal ones.
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
    cdef const char *ahead
    cdef Py_ssize_t row_bytes = width * step * <Py_ssize_t>sizeof(int16_t), line
    if f16c and HAS_F16C and step == 1 and width >= 8:
        with nogil:
            widen_rows_f16c(
                &bits[0, 0], bits.strides[0] // <Py_ssize_t>sizeof(int16_t), &features[0], k, width,
                <uint32_t *>&out[0, 0], PREFETCH_ROWS,
            )
        return result
    with nogil:
        for i in range(k):
            if step == 1 and i + PREFETCH_ROWS < k:
                # The rows are scattered over a table of tens of megabytes: ask for a later
                # row's cache lines now, so that their loads overlap this row's work.
                ahead = <const char *>&bits[features[i + PREFETCH_ROWS], 0]
                for line in range(0, row_bytes, 64):
                    prefetch(ahead + line)
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
