# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""`warta.segment.text.segment_text_python` in C: flattened text's lines made blocks in one loop.

A page of flattened text has a few hundred lines, and the Python loop spent some 9,000
instructions on each (splitting, stripping, the bullet and spacing tests, the block's five
fields): a tenth of a flattened page. Here one pass over the text's code points finds each
line's end (`Py_UNICODE_ISLINEBREAK`: `str.splitlines`' boundaries), whether its text holds
anything the spacing rules would change (a tab, a no-break, ideographic or invisible
character, two spaces running) and its edges by `Py_UNICODE_ISSPACE` (`str.strip`'s test).
A line that holds none of these is cut out of the text once, as it is; any other line, and
the rare bullet line and overlong line, is handed to the reference's own helpers, so what
they decide is decided in one place. `warta.segment.text` uses this only after it gave the
reference's blocks on probe texts.
"""

from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.tuple cimport PyTuple_GET_ITEM
from cpython.unicode cimport (
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    PyUnicode_Substring,
    Py_UNICODE_ISLINEBREAK,
    Py_UNICODE_ISSPACE,
)
from warta._codepoints cimport PyUnicode_READ
from warta._slots cimport allocate, check_plain_new, set_new_slot, slot_offset

from warta.model import Block
from warta.segment import drop_invisible
from warta.segment.text import (
    _BULLET,
    _BULLET_START,
    _STRUCTURES,
    _single_spaces,
    _split_long,
    segment_text_python,
)


cdef extern from "Python.h":
    bint PyUnicode_CheckExact(object obj)


check_plain_new(Block)
cdef Py_ssize_t B_INDEX = slot_offset(Block, "index", True)
cdef Py_ssize_t B_TEXT = slot_offset(Block, "text", True)
cdef Py_ssize_t B_STRUCTURE = slot_offset(Block, "structure", True)
cdef Py_ssize_t B_START = slot_offset(Block, "start", True)
cdef Py_ssize_t B_END = slot_offset(Block, "end", True)

# The reference's shared structures, at [blank before * 2 + bullet]: a line's own, without a
# blank line after it yet (OPEN), and with one (CLOSED).
cdef tuple OPEN = tuple(_STRUCTURES[before, False, bullet] for before in (False, True) for bullet in (False, True))
cdef tuple CLOSED = tuple(_STRUCTURES[before, True, bullet] for before in (False, True) for bullet in (False, True))

# The first characters the reference tries its bullet pattern after (`_BULLET_START`): the ASCII
# ones by a table, the few others by a search.
cdef bint ASCII_BULLET_START[128]
for _code in range(128):
    ASCII_BULLET_START[_code] = chr(_code) in _BULLET_START
cdef Py_UCS4 WIDE_BULLET_START[32]
cdef int WIDE_BULLET_STARTS = 0
for _code in sorted(ord(c) for c in _BULLET_START if ord(c) >= 128):
    if WIDE_BULLET_STARTS == 32:
        raise ImportError("more bullet marks than the table holds")
    WIDE_BULLET_START[WIDE_BULLET_STARTS] = _code
    WIDE_BULLET_STARTS += 1


cdef inline bint bullet_start(Py_UCS4 code) noexcept:
    cdef int i
    if code < 128:
        return ASCII_BULLET_START[code]
    for i in range(WIDE_BULLET_STARTS):
        if code == WIDE_BULLET_START[i]:
            return True
    return False


cdef inline bint respaced(Py_UCS4 code) noexcept:
    """Whether the spacing rules change `code` where it stands alone: a tab, no-break or
    ideographic space (`_WIDE_SPACES`) or an invisible character (`drop_invisible`)."""
    if code < 128:
        return code == 9
    return code == 0xA0 or code == 0x3000 or code == 0xAD or code == 0x200B or code == 0x2060


cdef inline void put(object made, Py_ssize_t offset, object value) noexcept:
    set_new_slot(made, offset, <PyObject *>value)


cdef inline object new_block(Py_ssize_t index, str text, object structure, Py_ssize_t start, Py_ssize_t end):
    block = allocate(Block)
    put(block, B_INDEX, index)
    put(block, B_TEXT, text)
    put(block, B_STRUCTURE, structure)
    put(block, B_START, start)
    put(block, B_END, end)
    return block


cdef inline void close_block(object block, object structure) noexcept:
    """Give `block`, made by `new_block` in this call and seen by no one yet, `structure`."""
    cdef PyObject **slot = <PyObject **>(<char *><PyObject *>block + B_STRUCTURE)
    cdef PyObject *old = slot[0]
    Py_INCREF(structure)
    slot[0] = <PyObject *>structure
    Py_DECREF(<object>old)


def segment_text(text, Py_ssize_t max_line_chars, Py_ssize_t max_blocks):
    """`segment_text_python(text, max_line_chars, max_blocks)`."""
    if not PyUnicode_CheckExact(text) or max_line_chars < 1 or max_blocks < 1:
        return segment_text_python(text, max_line_chars, max_blocks)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef list blocks = []
    cdef Py_ssize_t start = 0, end, after, first, last, i
    cdef Py_UCS4 code = 0, previous
    cdef bint blank_pending = False, closed = True, bullet, before, changes
    cdef int last_shape = 0
    cdef str content
    while start < n:
        # The line: [start, end); the next one starts at `after`. `rstrip("\r\n")` takes off a
        # line break of \r or \n only: any other break stays on the line (and is stripped later).
        i = start
        while i < n:
            code = PyUnicode_READ(kind, data, i)
            if (code < 32 or code >= 0x85) and Py_UNICODE_ISLINEBREAK(code):
                break
            i += 1
        if i == n:
            end = after = n
        elif code == 13:
            end = i
            after = i + 2 if i + 1 < n and PyUnicode_READ(kind, data, i + 1) == 10 else i + 1
        elif code == 10:
            end = i
            after = i + 1
        else:
            end = after = i + 1
        first = start
        bullet = False
        if start < end and bullet_start(PyUnicode_READ(kind, data, start)):
            match = _BULLET.match(PyUnicode_Substring(text, start, end))
            if match is not None:
                bullet = True
                first = start + match.end()
        changes = False
        previous = 0
        for i in range(first, end):
            code = PyUnicode_READ(kind, data, i)
            if (code == 32 and previous == 32) or respaced(code):
                changes = True
                break
            previous = code
        if changes:
            content = _single_spaces(drop_invisible(PyUnicode_Substring(text, first, end))).strip()
        else:
            last = end
            while first < last and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)):
                first += 1
            while last > first and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last - 1)):
                last -= 1
            content = PyUnicode_Substring(text, first, last)
        if not content:
            blank_pending = True
            if not closed:
                close_block(blocks[len(blocks) - 1], <object>PyTuple_GET_ITEM(CLOSED, last_shape))
                closed = True
            start = after
            continue
        before = blank_pending or not blocks
        if PyUnicode_GET_LENGTH(content) > max_line_chars:
            for piece in _split_long(content, max_line_chars):
                last_shape = before * 2 + bullet
                blocks.append(
                    new_block(len(blocks), piece.strip(), <object>PyTuple_GET_ITEM(OPEN, last_shape), start, after)
                )
                before = False
        else:
            last_shape = before * 2 + bullet
            blocks.append(new_block(len(blocks), content, <object>PyTuple_GET_ITEM(OPEN, last_shape), start, after))
        closed = False
        blank_pending = False
        if len(blocks) >= max_blocks:
            return blocks[:max_blocks]
        start = after
    return blocks
