# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Per-character tests of `warta.strings` in C: one loop over a str's own code points.

`has_digit` is asked some two hundred times a page (date lines, list items, bylines,
stray dates); in Python each question is a call, an `isascii` and a regex scan. Here
it is one C loop that stops at the first digit. `Py_UNICODE_ISDIGIT` is the predicate
`str.isdigit` applies to each code point, so the answer is exactly
`any(map(str.isdigit, text))`, `warta.strings`' reference, which checks at first use
that the two agree on probe strings.
"""

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
