# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Per-character tests of `warta.strings` in C: one loop over a str's own code points.

`has_digit` is asked some two hundred times a page (date lines, list items, bylines,
stray dates); in Python each question is a call, an `isascii` and a regex scan. Here
it is one C loop that stops at the first digit. `Py_UNICODE_ISDIGIT` is the predicate
`str.isdigit` applies to each code point, so the answer is exactly
`any(map(str.isdigit, text))`, `warta.strings`' reference, which checks at first use
that the two agree on probe strings.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport Py_UNICODE_ISDIGIT
from libc.stdint cimport uint8_t, uint16_t, uint32_t


cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void *PyUnicode_DATA(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(object text)
    int PyUnicode_1BYTE_KIND
    int PyUnicode_2BYTE_KIND


cdef bint _digit_in(object text) noexcept:
    """Whether any code point of `text` (an exact str) is a digit by `str.isdigit`."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const uint8_t *b1
    cdef const uint16_t *b2
    cdef const uint32_t *b4
    cdef uint32_t code
    if kind == PyUnicode_1BYTE_KIND:
        b1 = <const uint8_t *> PyUnicode_DATA(text)
        for i in range(n):
            code = b1[i]
            if code < 128:
                if 48 <= code <= 57:
                    return True
            elif Py_UNICODE_ISDIGIT(code):  # ¹ ² ³ in Latin-1
                return True
        return False
    if kind == PyUnicode_2BYTE_KIND:
        b2 = <const uint16_t *> PyUnicode_DATA(text)
        for i in range(n):
            code = b2[i]
            if code < 128:
                if 48 <= code <= 57:
                    return True
            elif Py_UNICODE_ISDIGIT(code):
                return True
        return False
    b4 = <const uint32_t *> PyUnicode_DATA(text)
    for i in range(n):
        code = b4[i]
        if code < 128:
            if 48 <= code <= 57:
                return True
        elif Py_UNICODE_ISDIGIT(code):
            return True
    return False


def has_digit(text) -> bool:
    """`any(map(str.isdigit, text))`, in one C loop over the code points (of a str or a subclass)."""
    if not isinstance(text, str):
        raise TypeError(f"has_digit() needs a str, not {type(text).__name__}")
    return _digit_in(text)


cdef extern from "Python.h":
    uint32_t PyUnicode_READ(int kind, void *data, Py_ssize_t index)


cdef class SubstringSet:
    """Which texts hold one of some needles anywhere, inside words too: `any(n in text for n in
    needles)`, as `warta.lexicon.Lexicon.contains_substring` answers it with a trie regex.

    Only the needles that hold no other needle are kept (a text holding "edited by" holds
    "by"), their code points in one C array, ordered by first code point; each text is one C
    loop that compares, at each code point, the needles starting with it. An empty needle is
    refused (the callers keep their own path for it).
    """

    cdef tuple _kept
    cdef uint32_t *_chars  # the kept needles' code points, one after another
    cdef Py_ssize_t *_start  # where each kept needle starts in `_chars`
    cdef Py_ssize_t *_size  # each kept needle's length
    cdef Py_ssize_t _lo[129]  # needles [_lo[c], _lo[c + 1]) start with ASCII code point c
    cdef Py_ssize_t _count  # needles [_lo[128], _count) start past ASCII

    def __cinit__(self, needles):
        words = sorted(set(needles), key=lambda w: (len(w), w))
        if "" in words:
            raise ValueError("SubstringSet takes no empty needle")
        kept = []
        for word in words:  # shortest first: a needle holding a kept one is dropped
            if not any(k in word for k in kept):
                kept.append(word)
        kept.sort(key=lambda w: (min(ord(w[0]), 128), w))
        self._kept = tuple(kept)
        self._count = len(kept)
        total = sum(map(len, kept))
        self._chars = <uint32_t *> PyMem_Malloc(max(total, 1) * sizeof(uint32_t))
        self._start = <Py_ssize_t *> PyMem_Malloc(max(self._count, 1) * sizeof(Py_ssize_t))
        self._size = <Py_ssize_t *> PyMem_Malloc(max(self._count, 1) * sizeof(Py_ssize_t))
        if not self._chars or not self._start or not self._size:
            raise MemoryError()
        cdef Py_ssize_t k, at = 0, c
        for k in range(self._count):
            self._start[k] = at
            self._size[k] = len(kept[k])
            for ch in kept[k]:
                self._chars[at] = ord(ch)
                at += 1
        k = 0
        for c in range(129):  # the first needle whose first code point is c or more (past ASCII: 128)
            while k < self._count and min(ord(kept[k][0]), 128) < c:
                k += 1
            self._lo[c] = k

    def __dealloc__(self):
        PyMem_Free(self._chars)
        PyMem_Free(self._start)
        PyMem_Free(self._size)

    @property
    def needles(self) -> tuple:
        """The needles kept: those that hold no other needle."""
        return self._kept

    cdef bint _holds(self, str text) noexcept:
        cdef Py_ssize_t i, j, k, lo, hi, m, n = PyUnicode_GET_LENGTH(text)
        cdef int kind = PyUnicode_KIND(text)
        cdef void *data = PyUnicode_DATA(text)
        cdef uint32_t code
        cdef const uint32_t *needle
        for i in range(n):
            code = PyUnicode_READ(kind, data, i)
            if code < 128:
                lo, hi = self._lo[code], self._lo[code + 1]
            else:
                lo, hi = self._lo[128], self._count
            for k in range(lo, hi):
                m = self._size[k]
                if m > n - i:
                    continue
                needle = self._chars + self._start[k]
                for j in range(m):
                    if PyUnicode_READ(kind, data, i + j) != needle[j]:
                        break
                else:
                    return True
        return False

    def found_in(self, text) -> bool:
        """Whether one of the needles occurs in `text` (a str)."""
        if not isinstance(text, str):
            raise TypeError(f"found_in() needs a str, not {type(text).__name__}")
        return self._holds(text)

    def lines_holding(self, list lines not None) -> set:
        """The indices of `lines` (strs) in which one of the needles occurs."""
        cdef Py_ssize_t k
        cdef set out = set()
        for k in range(len(lines)):
            line = lines[k]
            if not isinstance(line, str):
                raise TypeError(f"lines_holding() needs strs, not {type(line).__name__}")
            if self._holds(line):
                out.add(k)
        return out
