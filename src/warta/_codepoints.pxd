"""The code-point unit of a str's storage, shared by the compiled parts.

A str keeps its code points in 1, 2 or 4 bytes each (`PyUnicode_KIND`); a loop over them is
written once over `char_t` and Cython makes one copy per width.
"""

from libc.stdint cimport uint8_t, uint16_t, uint32_t


ctypedef fused char_t:
    uint8_t
    uint16_t
    uint32_t


cdef extern from "Python.h":
    # `cpython.unicode`'s declaration, usable without the GIL (it only reads the buffer).
    Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index) noexcept nogil
