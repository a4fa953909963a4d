# cython: language_level=3, boundscheck=False, initializedcheck=False
"""`segment_html`'s DOM walk in C: the same walk as `warta.segment.html.walk_python`.

The Python walk asks selectolax for every step (`node.next`, `node.tag_id`,
`node.attributes`, ...), and each answer is a new Python object: two thirds of
the HTML segmentation's time. This walk reads lexbor's tree through lexbor's own
exported accessors (`lxb_dom_node_next_noi`, `lxb_dom_element_first_attribute_noi`,
...), which selectolax's extension module exports; they are looked up by name in
the already loaded module (`dlopen` with `RTLD_NOLOAD`, then `dlsym`). No struct
layout of lexbor is assumed, so a selectolax built against another lexbor still
works, and one without these symbols only makes `bind` fail: the Python walk
is used then.

Everything that decides what a block is stays in Python and is shared with the
Python walk: the tag table (`_NAMED_TAG_FLAGS`), class values (`read_class`), hiding
styles and link resolution (`_absolute`). What hides an element is `_element_hides`; the
walk follows its data (`_HIDING_ATTRIBUTES`, the tags of `_NEVER_HIDDEN` through the tag
table, `_HIDDEN_CLASS_PARTS` for the class values it reads in C, the values of `_HIDING_STYLES`
for the styles it need not ask `_style_hides` about), read at import. The traversal, the attribute scan, the
counts, the text and `emit` are done here (a block's text is gathered as UTF-8
bytes and decoded once, its structure written straight into the new objects'
slots), and some small parts that are plain ASCII work, each for the common case
only, the rest left to the Python function (tests compare each with it on
generated values):

- the tokens of ASCII class and id values that cannot hide an element (`ascii_tokens`, ids
  read from lexbor's bytes;
  else `read_class` and `_tokens`);
- the stripped length and final colon of ASCII text (`ascii_counts`; else `str.strip`),
  and the whitespace test and collapse of ASCII block text (`clean_ascii`, `collapse_ascii`);
- plain ASCII links, absolute or root-relative (`resolve`; else `_absolute`);
- the deduplicated tokens of a block's ancestors (`merged_tokens`), reused while the
  same tuples are above the next block (`same_parts`). `warta.segment.html` checks at first use that
both walks give the same blocks on a probe page, and tests compare them on every
fixture and benchmark page.
"""

from libc.stdint cimport uint64_t, uintptr_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcmp, memcpy, memset
from cpython.object cimport PyObject, PyObject_Hash
from cpython.list cimport PyList_GET_ITEM
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.tuple cimport PyTuple_GET_ITEM, PyTuple_GET_SIZE, PyTuple_New
from cpython.unicode cimport PyUnicode_DecodeUTF8

from warta._slots cimport allocate, check_plain_new, set_new_slot, slot_offset
from warta.model import ALL_LINK, Block, BlockStructure
from warta.segment import MAX_BLOCKS, drop_invisible
from warta.segment import html as _html

cdef double _ALL_LINK = ALL_LINK  # model.ALL_LINK, as a C double


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    Py_ssize_t PyUnicode_GET_LENGTH(PyObject *text)
    int PyUnicode_KIND(PyObject *text)
    void *PyUnicode_DATA(PyObject *text)
    const char *PyUnicode_AsUTF8AndSize(object text, Py_ssize_t *size) except NULL
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    void *PyUnicode_1BYTE_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index) noexcept
    void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value) noexcept
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) noexcept
    ctypedef struct PyASCIIObject:
        Py_hash_t hash  # (-1 until computed)
    # The tuple macros on borrowed references.
    Py_ssize_t tuple_size "PyTuple_GET_SIZE" (PyObject *tuple) noexcept
    PyObject *tuple_item "PyTuple_GET_ITEM" (PyObject *tuple, Py_ssize_t i) noexcept
    void tuple_set "PyTuple_SET_ITEM" (object tuple, Py_ssize_t i, PyObject *item) noexcept  # (steals)
    void incref "Py_INCREF" (PyObject *obj) noexcept


cdef extern from "<dlfcn.h>" nogil:
    void *dlopen(const char *filename, int flags)
    void *dlsym(void *handle, const char *symbol)
    int RTLD_NOW
    int RTLD_NOLOAD


ctypedef unsigned char uchar
ctypedef void *(*step_f)(void *node) noexcept nogil
ctypedef uintptr_t (*tag_id_f)(void *node) noexcept nogil
ctypedef unsigned int (*type_f)(void *node) noexcept nogil
ctypedef const uchar *(*name_f)(void *obj, size_t *length) noexcept nogil
ctypedef uchar *(*text_f)(void *node, size_t *length) noexcept nogil
ctypedef uchar *(*free_text_f)(void *document, uchar *text) noexcept nogil


cdef struct Lexbor:
    step_f next_sibling        # lxb_dom_node_next_noi
    step_f first_child         # lxb_dom_node_first_child_noi
    tag_id_f tag_id            # lxb_dom_node_tag_id_noi
    type_f node_type           # lxb_dom_node_type_noi
    step_f first_attr          # lxb_dom_element_first_attribute_noi
    step_f next_attr           # lxb_dom_element_next_attribute_noi
    name_f attr_name           # lxb_dom_attr_qualified_name
    name_f attr_value          # lxb_dom_attr_value_noi
    name_f element_name        # lxb_dom_element_qualified_name
    text_f text_content        # lxb_dom_node_text_content
    free_text_f free_text      # lxb_dom_document_destroy_text_noi


cdef Lexbor lxb
cdef bint bound = False

# lexbor's node types and the tag id of text nodes.
cdef enum:
    ELEMENT_NODE = 1
    TEXT_NODE = 3
    TEXT_TAG_ID = 2

# The tag flags of `warta.segment.html`, as C constants.
cdef int SKIP = _html._SKIP
cdef int BLOCK = _html._BLOCK
cdef int BREAK = _html._BREAK
cdef int SEMANTIC_TAG = _html._SEMANTIC_TAG
cdef int NEVER_HIDE = _html._NEVER_HIDE
cdef int LINK = _html._LINK
cdef int LIST = _html._LIST
cdef int TABLE = _html._TABLE
cdef int FIGURE = _html._FIGURE
cdef int QUOTE = _html._QUOTE
cdef int COUNTED = _html._COUNTED
cdef Py_ssize_t MAX_TOKENS_DEPTH = _html._MAX_TOKENS_DEPTH
cdef Py_ssize_t PATH_DEPTH = _html._PATH_DEPTH
cdef long CHECK_EVERY = _html._CHECK_EVERY
cdef Py_ssize_t LABEL_CHARS = _html._LABEL_CHARS
cdef Py_ssize_t MAX_READ_CLASSES = _html._MAX_READ_CLASSES
cdef Py_ssize_t BLOCK_LIMIT = MAX_BLOCKS

cdef dict NAMED_TAG_FLAGS = _html._NAMED_TAG_FLAGS
cdef tuple SKIPPED_PREFIXES = _html._SKIPPED_PREFIXES
cdef object read_class = _html._read_class
cdef object style_hides = _html._style_hides
cdef object id_tokens = _html._tokens
cdef object absolute = _html._absolute
cdef object origin_of = _html._origin
cdef dict HEADINGS = _html._HEADINGS

# What hides an element, from `warta.segment.html`'s data as C arrays (the bytes kept alive in
# `HIDING_DATA`): the attributes of `_HIDING_ATTRIBUTES` (a NULL value: hides by being there),
# the parts of `_HIDDEN_CLASS_PARTS`, one of which every hiding class name has, and the values
# of `_HIDING_STYLES` (lower-case ASCII), one of which every hiding style has in some case.
cdef enum:
    MAX_HIDING = 8
cdef const char *hiding_names[MAX_HIDING]
cdef size_t hiding_name_lengths[MAX_HIDING]
cdef const char *hiding_values[MAX_HIDING]
cdef size_t hiding_value_lengths[MAX_HIDING]
cdef Py_ssize_t hiding_count = 0
cdef const char *class_parts[MAX_HIDING]
cdef Py_ssize_t class_part_lengths[MAX_HIDING]
cdef Py_ssize_t class_part_count = 0
cdef const char *style_values[MAX_HIDING]
cdef size_t style_value_lengths[MAX_HIDING]
cdef Py_ssize_t style_value_count = 0
cdef list HIDING_DATA = []


cdef const char *kept(str text, Py_ssize_t *length) except NULL:
    """`text`'s UTF-8 bytes, kept alive in `HIDING_DATA`."""
    cdef bytes data = text.encode("utf-8")
    HIDING_DATA.append(data)
    length[0] = len(data)
    return <const char *>data


cdef void load_hiding() except *:
    global hiding_count, class_part_count, style_value_count
    cdef Py_ssize_t length = 0
    if max(len(_html._HIDING_ATTRIBUTES), len(_html._HIDDEN_CLASS_PARTS), len(_html._HIDING_STYLE_VALUES)) > MAX_HIDING:
        raise ImportError("warta.segment.html's hiding data outgrew _domwalk's arrays")  # pragma: no cover
    for name, value in _html._HIDING_ATTRIBUTES.items():
        hiding_names[hiding_count] = kept(name, &length)
        hiding_name_lengths[hiding_count] = length
        hiding_values[hiding_count] = NULL
        hiding_value_lengths[hiding_count] = 0
        if value is not None:
            hiding_values[hiding_count] = kept(value, &length)
            hiding_value_lengths[hiding_count] = length
        hiding_count += 1
    for part in _html._HIDDEN_CLASS_PARTS:
        class_parts[class_part_count] = kept(part, &length)
        class_part_lengths[class_part_count] = length
        class_part_count += 1
    for value in _html._HIDING_STYLE_VALUES:
        style_values[style_value_count] = kept(value, &length)
        style_value_lengths[style_value_count] = length
        style_value_count += 1


load_hiding()


def hiding_data():
    """The hiding data as this module read it (tests compare it with `warta.segment.html`'s)."""
    return (
        {
            hiding_names[i][:hiding_name_lengths[i]].decode(): (
                None if hiding_values[i] == NULL else hiding_values[i][:hiding_value_lengths[i]].decode()
            )
            for i in range(hiding_count)
        },
        tuple(class_parts[i][:class_part_lengths[i]].decode() for i in range(class_part_count)),
        tuple(style_values[i][:style_value_lengths[i]].decode() for i in range(style_value_count)),
    )


# Fixed-size arrays hold a block's window of token parts and its path's tags.
cdef enum:
    WINDOW_PARTS = 64
    PATH_TAGS = 64
if MAX_TOKENS_DEPTH > WINDOW_PARTS or PATH_DEPTH > PATH_TAGS:  # pragma: no cover
    raise ImportError("warta.segment.html's depths outgrew _domwalk's arrays")


# ---------------------------------------------------------------------------------------------
# Class and id values in C, for ASCII values only: `str.lower` of other text may make ASCII
# letters ("\u0130" -> "i\u0307", the Kelvin sign -> "k"), which these leave to the Python functions.

cdef inline bint has_part(const char *text, Py_ssize_t length, const char *part, Py_ssize_t part_length) noexcept:
    cdef Py_ssize_t i
    for i in range(length - part_length + 1):
        if text[i] == part[0] and memcmp(text + i + 1, part + 1, part_length - 1) == 0:
            return True
    return False


cdef inline str ascii_str(const char *text, Py_ssize_t length):
    """A str of ASCII bytes (made directly: no UTF-8 decoding)."""
    cdef object made = PyUnicode_New(length, 127)
    memcpy(PyUnicode_1BYTE_DATA(made), text, length)
    return <str>made


cdef inline bint token_char(char c) noexcept:
    return (b"a" <= c <= b"z") or (b"0" <= c <= b"9")


cdef tuple lowered_tokens(const char *text, Py_ssize_t length):
    """`_TOKEN.findall` of an already lower-cased ASCII text: runs of [a-z0-9] of two or more
    (counted first, then made straight into the tuple)."""
    cdef Py_ssize_t i, start, count = 0, at = 0
    cdef str token
    cdef tuple found
    for i in range(length):
        # (A run of two or more ends here.)
        if token_char(text[i]) and i and token_char(text[i - 1]) and (i + 1 == length or not token_char(text[i + 1])):
            count += 1
    if count == 0:
        return ()
    found = PyTuple_New(count)
    i = 0
    while i < length:
        if token_char(text[i]):
            start = i
            i += 1
            while i < length and token_char(text[i]):
                i += 1
            if i - start >= 2:
                token = ascii_str(text + start, i - start)
                incref(<PyObject *>token)
                tuple_set(found, at, <PyObject *>token)
                at += 1
        else:
            i += 1
    return found


cdef enum:
    SHORT_VALUE = 256  # values up to this long are lower-cased on the stack


cdef tuple ascii_tokens(const char *data, Py_ssize_t length, bint whole_class):
    """`_tokens` of a value's UTF-8 bytes, where they are ASCII; None where they are not, or
    (`whole_class`) where `_read_class` might find a hiding class name in them."""
    cdef Py_ssize_t i
    cdef char short_value[SHORT_VALUE]
    cdef char *lowered
    cdef char c
    for i in range(length):
        if <uchar>data[i] >= 128:
            return None
    lowered = &short_value[0] if length <= SHORT_VALUE else <char *>malloc(length)
    if lowered == NULL:
        raise MemoryError()
    try:
        for i in range(length):
            c = data[i]
            lowered[i] = c + 32 if b"A" <= c <= b"Z" else c
        if whole_class:
            for i in range(class_part_count):
                if has_part(lowered, length, class_parts[i], class_part_lengths[i]):
                    return None  # (`_read_class`'s pre-check: every hiding class name has one of these)
        return lowered_tokens(lowered, length)
    finally:
        if lowered != &short_value[0]:
            free(lowered)


cdef bint holds_invisible(PyObject *text) noexcept:
    """Whether `text` holds one of the characters whose presence makes `drop_invisible` translate
    it: U+00AD, U+200B, U+2060 (the three it searches for)."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c == 0xAD or c == 0x200B or c == 0x2060:
            return True
    return False


cdef str collapsed_spaces(str text):
    """`" ".join(text.split())`: the words of `text` (split at `str.isspace` characters, as
    `split` splits) joined by single spaces; `text` itself where that is the same (no space at
    either end, and each run of spaces between words a single " "). One pass over the code points
    where `split` made a str of each word."""
    cdef PyObject *raw = <PyObject *>text
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(raw), i, size = 0, k = 0
    cdef int kind = PyUnicode_KIND(raw), out_kind
    cdef const void *data = PyUnicode_DATA(raw)
    cdef void *out_data
    cdef Py_UCS4 c, maxchar = 0
    cdef bint space = True  # (before the first word: a space there is dropped)
    cdef bint same = True
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISSPACE(c):
            if space or c != 32:
                same = False  # a space at the start, a second in a row, or another kind of space
            space = True
        else:
            if space and size:
                size += 1  # the " " before this word
            space = False
            size += 1
            if c > maxchar:
                maxchar = c
    if n and space:
        same = False  # spaces at the end (or nothing but spaces)
    if same:
        return text
    if size > 1 and maxchar < 32:
        maxchar = 32  # (the joining spaces; only where there are two words or more)
    out = PyUnicode_New(size, maxchar)
    out_kind = PyUnicode_KIND(<PyObject *>out)
    out_data = PyUnicode_DATA(<PyObject *>out)
    space = False
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISSPACE(c):
            space = k > 0
        else:
            if space:
                PyUnicode_WRITE(out_kind, out_data, k, 32)
                k += 1
                space = False
            PyUnicode_WRITE(out_kind, out_data, k, c)
            k += 1
    return out


def collapse_spaces(str value):
    """`collapsed_spaces(value)` (tests compare it with `" ".join(value.split())`)."""
    return collapsed_spaces(value)


def invisible_held(str value):
    """`holds_invisible(value)` (tests compare it with the searches `drop_invisible` makes)."""
    return holds_invisible(<PyObject *>value)


cdef tuple ascii_read(str value):
    """`_read_class(value)` of an ASCII value; None where it may hide the element (the Python
    function decides those) or is not ASCII."""
    cdef Py_ssize_t length = 0
    cdef const char *data
    cdef tuple tokens
    if not PyUnicode_IS_ASCII(value):
        return None
    data = PyUnicode_AsUTF8AndSize(value, &length)
    tokens = ascii_tokens(data, length, True)
    return None if tokens is None else (tokens, False)


# Class values read so far, shared by all pages as `_html._READ_CLASSES` is for the Python walk,
# but keyed by the value's UTF-8 bytes as lexbor holds them: a value seen before is found without
# decoding it into a new str and hashing that (siphash over each fresh str, on every element).
# Open addressing by a multiplicative hash of the bytes; an entry holds the bytes (compared in
# full: equal bytes, equal value, so the same `read_class`) and the read. Emptied when it holds
# CLASS_LIMIT values: bounded, as `_READ_CLASSES` is.
cdef enum:
    CLASS_SLOTS = 16384  # a power of two, at least twice CLASS_LIMIT


cdef struct ClassEntry:
    uint64_t hashed
    PyObject *value  # a bytes object (NULL: an empty slot)
    PyObject *read  # `read_class` of the value: (tokens, hides)


cdef ClassEntry CLASS_TABLE[CLASS_SLOTS]
cdef Py_ssize_t class_count = 0
cdef Py_ssize_t CLASS_LIMIT = min(MAX_READ_CLASSES, CLASS_SLOTS // 2)


cdef inline uint64_t bytes_hash(const uchar *data, size_t length) noexcept:
    """A 64-bit hash of `data[:length]`, eight bytes a step."""
    cdef uint64_t hashed = <uint64_t>length * <uint64_t>0x9E3779B97F4A7C15, word
    cdef size_t i = 0
    while i + 8 <= length:
        memcpy(&word, data + i, 8)
        hashed = (hashed ^ word) * <uint64_t>0xBF58476D1CE4E5B9
        hashed ^= hashed >> 31
        i += 8
    if i < length:
        word = 0
        memcpy(&word, data + i, length - i)
        hashed = (hashed ^ word) * <uint64_t>0xBF58476D1CE4E5B9
        hashed ^= hashed >> 31
    return hashed ^ (hashed >> 29)


cdef void clear_classes() noexcept:
    """`CLASS_TABLE` emptied (its references released)."""
    global class_count
    cdef Py_ssize_t slot
    cdef PyObject *value
    cdef PyObject *read
    for slot in range(CLASS_SLOTS):
        value, read = CLASS_TABLE[slot].value, CLASS_TABLE[slot].read
        if value != NULL:
            CLASS_TABLE[slot].value = NULL
            CLASS_TABLE[slot].read = NULL
            Py_DECREF(<object>value)
            Py_DECREF(<object>read)
    class_count = 0


cdef object class_bytes_read(const uchar *data, size_t length):
    """`read_class` of the class value whose UTF-8 bytes are `data[:length]` (cached in
    `CLASS_TABLE`; in C for ASCII values that cannot hide, `ascii_read`)."""
    global class_count
    cdef uint64_t hashed = bytes_hash(data, length)
    cdef size_t slot = <size_t>hashed & (CLASS_SLOTS - 1)
    cdef ClassEntry *entry
    while CLASS_TABLE[slot].value != NULL:
        entry = &CLASS_TABLE[slot]
        if (
            entry.hashed == hashed
            and <size_t>PyBytes_GET_SIZE(<object>entry.value) == length
            and memcmp(PyBytes_AS_STRING(<object>entry.value), data, length) == 0
        ):
            return <object>entry.read
        slot = (slot + 1) & (CLASS_SLOTS - 1)
    value = utf8(data, length)
    read = ascii_read(value)
    if read is None:
        read = read_class(value)
    if class_count >= CLASS_LIMIT:
        clear_classes()
        slot = <size_t>hashed & (CLASS_SLOTS - 1)
    raw = PyBytes_FromStringAndSize(<const char *>data, length)
    Py_INCREF(raw)
    Py_INCREF(read)
    CLASS_TABLE[slot].hashed = hashed
    CLASS_TABLE[slot].value = <PyObject *>raw
    CLASS_TABLE[slot].read = <PyObject *>read
    class_count += 1
    return read


def class_bytes_value(bytes value):
    """`class_bytes_read` of a class value's UTF-8 bytes (tests compare it with `_read_class`)."""
    return class_bytes_read(<const uchar *>PyBytes_AS_STRING(value), PyBytes_GET_SIZE(value))


def class_reads_held():
    """How many class values `CLASS_TABLE` holds (tests check it stays bounded)."""
    return class_count


def clear_class_reads():
    """`CLASS_TABLE` emptied (for tests)."""
    clear_classes()


cdef tuple id_bytes_tokens(const uchar *data, size_t length):
    """`_tokens` of an id value, from its UTF-8 bytes (in C where they are ASCII)."""
    cdef tuple tokens = ascii_tokens(<const char *>data, length, False)
    return id_tokens(utf8(data, length)) if tokens is None else tokens


def class_value(str value):
    """`_read_class(value)`, in C for ASCII values that cannot hide (tests compare the two)."""
    found = ascii_read(value)
    return read_class(value) if found is None else found


def id_value_tokens(str value):
    """`_tokens(value)`, from the value's UTF-8 bytes as the walk reads an id (tests compare the two)."""
    cdef bytes data = value.encode("utf-8", "surrogatepass")
    return id_bytes_tokens(data, len(data))


cdef inline bint same_str(PyObject *one, PyObject *other) noexcept:
    """Whether two str objects are equal (as `==` tells, without its dispatch)."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(one)
    return (
        length == PyUnicode_GET_LENGTH(other)
        and PyUnicode_KIND(one) == PyUnicode_KIND(other)
        and memcmp(PyUnicode_DATA(one), PyUnicode_DATA(other), length * PyUnicode_KIND(one)) == 0
    )


cdef inline bint same_parts(list token_parts, Py_ssize_t start, tuple window) noexcept:
    """Whether `token_parts[start:]` are the very tuples in `window` (which keeps those alive,
    so their tokens are the same too)."""
    cdef Py_ssize_t i, count = len(token_parts) - start
    if window is None or PyTuple_GET_SIZE(window) != count:
        return False
    for i in range(count):
        if PyTuple_GET_ITEM(window, i) != PyList_GET_ITEM(token_parts, start + i):
            return False
    return True


cdef enum:
    SEEN_TABLE = 256
    SEEN_TOKENS = 128  # (at most half the table is filled)


cdef struct Seen:
    PyObject *token
    Py_hash_t hashed


# `merged_tokens`' table for up to SEEN_TABLE / 2 tokens, all empty between calls: each call
# empties the slots it filled, instead of clearing the whole table before it starts.
cdef Seen SEEN[SEEN_TABLE]


cdef inline Py_hash_t str_hash(PyObject *token) except? -1:
    """`hash(token)` of a str, read from the str where it was computed before."""
    cdef Py_hash_t hashed = (<PyASCIIObject *>token).hash
    if hashed == -1:
        hashed = PyObject_Hash(<object>token)
    return hashed


cdef inline Py_ssize_t distinct_parts(list token_parts, Py_ssize_t start, PyObject **parts,
                                      Py_ssize_t *total) except -1:
    """The distinct non-empty parts of `token_parts[start:]`, in order, into `parts` (a part that
    is the very tuple of an earlier one, the read of a class value repeated down the tree, adds
    nothing); their number, and the count of their tokens in `total`."""
    cdef Py_ssize_t n_parts = 0, i, j
    cdef PyObject *part
    total[0] = 0
    for i in range(start, len(token_parts)):
        part = PyList_GET_ITEM(token_parts, i)
        if tuple_size(part) == 0:
            continue
        for j in range(n_parts):
            if parts[j] == part:
                break
        else:
            parts[n_parts] = part
            n_parts += 1
            total[0] += tuple_size(part)
    return n_parts


cdef tuple merged_tokens(list token_parts, Py_ssize_t start):
    """`tuple(dict.fromkeys(chain.from_iterable(token_parts[start:])))`: the tokens in order of
    first appearance, deduplicated through a small open-addressing table of the str objects.

    (A part that is the very tuple of an earlier one, the read of a class value repeated down
    the tree, adds nothing: passed over.)
    """
    cdef Py_ssize_t end = len(token_parts), total = 0, count = 0, n_parts = 0, i, j, k, size = 16, mask, slot
    cdef PyObject *parts[WINDOW_PARTS]
    cdef PyObject *part
    cdef PyObject *token
    cdef PyObject *found_on_stack[SEEN_TOKENS]
    cdef Py_ssize_t slots_on_stack[SEEN_TOKENS]
    cdef Seen *table
    cdef PyObject **found
    cdef Py_ssize_t *slots
    cdef Py_hash_t hashed
    cdef bint seen
    cdef tuple merged
    n_parts = distinct_parts(token_parts, start, parts, &total)
    if total == 0:
        return ()
    while size < 2 * total:
        size *= 2
    mask = size - 1
    if size <= SEEN_TABLE:
        table, found, slots = &SEEN[0], &found_on_stack[0], &slots_on_stack[0]
    else:
        table = <Seen *>calloc(size, sizeof(Seen))
        found = <PyObject **>malloc(total * sizeof(PyObject *))
        slots = NULL
    try:
        if table == NULL or found == NULL:
            raise MemoryError()
        for j in range(n_parts):
            part = parts[j]
            for k in range(tuple_size(part)):
                token = tuple_item(part, k)
                hashed = str_hash(token)
                slot = <Py_ssize_t>(<size_t>hashed & <size_t>mask)
                seen = False
                while table[slot].token != NULL:
                    if table[slot].token == token or (
                        table[slot].hashed == hashed and same_str(table[slot].token, token)
                    ):
                        seen = True
                        break
                    slot = (slot + 1) & mask
                if not seen:
                    table[slot].token = token
                    table[slot].hashed = hashed
                    if slots != NULL:
                        slots[count] = slot
                    found[count] = token
                    count += 1
        merged = PyTuple_New(count)
        for i in range(count):
            incref(found[i])
            tuple_set(merged, i, found[i])
    finally:
        if table == &SEEN[0]:
            for i in range(count):
                table[slots[i]].token = NULL
        else:
            free(table)
            free(found)
    return merged


# ---------------------------------------------------------------------------------------------
# Blocks are frozen slotted dataclasses. `Block(...)` runs `__init__`, which sets each field
# through `object.__setattr__`, that is through the slot's member descriptor, which stores a
# new reference at the slot's offset in the object. Here each new object's slots get their
# references directly at those offsets (read from the descriptors at import, where each is
# checked to be a writable object slot), as `warta.segment.new_block` does in Python.

cdef Py_ssize_t field_offset(type cls, str name, Py_ssize_t count) except -1:
    """The offset of the writable field slot `name` of the dataclass `cls` of `count` fields."""
    if tuple(cls.__slots__) != tuple(cls.__dataclass_fields__) or len(cls.__slots__) != count:
        raise ImportError(f"{cls.__name__}'s slots are not its {count} fields: update _domwalk's Building")
    return slot_offset(cls, name, True)


# Every field of each class, which `Building.emit` sets (the counts make sure none is left out).
cdef Py_ssize_t S_BLANK_BEFORE = field_offset(BlockStructure, "blank_before", 15)
cdef Py_ssize_t S_BLANK_AFTER = field_offset(BlockStructure, "blank_after", 15)
cdef Py_ssize_t S_BULLET = field_offset(BlockStructure, "bullet", 15)
cdef Py_ssize_t S_HEADING = field_offset(BlockStructure, "heading_level", 15)
cdef Py_ssize_t S_TAG = field_offset(BlockStructure, "tag", 15)
cdef Py_ssize_t S_PATH = field_offset(BlockStructure, "tag_path", 15)
cdef Py_ssize_t S_LIST = field_offset(BlockStructure, "in_list", 15)
cdef Py_ssize_t S_TABLE = field_offset(BlockStructure, "in_table", 15)
cdef Py_ssize_t S_FIGURE = field_offset(BlockStructure, "in_figure", 15)
cdef Py_ssize_t S_QUOTE = field_offset(BlockStructure, "in_blockquote", 15)
cdef Py_ssize_t S_LINK = field_offset(BlockStructure, "in_link", 15)
cdef Py_ssize_t S_DENSITY = field_offset(BlockStructure, "link_density", 15)
cdef Py_ssize_t S_TOKENS = field_offset(BlockStructure, "class_tokens", 15)
cdef Py_ssize_t S_HREF = field_offset(BlockStructure, "href", 15)
cdef Py_ssize_t S_DEPTH = field_offset(BlockStructure, "dom_depth", 15)
cdef Py_ssize_t B_INDEX = field_offset(Block, "index", 5)
cdef Py_ssize_t B_TEXT = field_offset(Block, "text", 5)
cdef Py_ssize_t B_STRUCTURE = field_offset(Block, "structure", 5)
cdef Py_ssize_t B_START = field_offset(Block, "start", 5)
cdef Py_ssize_t B_END = field_offset(Block, "end", 5)
if len({S_BLANK_BEFORE, S_BLANK_AFTER, S_BULLET, S_HEADING, S_TAG, S_PATH, S_LIST, S_TABLE, S_FIGURE,
        S_QUOTE, S_LINK, S_DENSITY, S_TOKENS, S_HREF, S_DEPTH}) != 15:  # pragma: no cover
    raise ImportError("BlockStructure's fields changed: update _domwalk's Building")
cdef object NO_OFFSET = -1
check_plain_new(BlockStructure)
check_plain_new(Block)


cdef inline void put(object made, Py_ssize_t offset, object value) noexcept:
    set_new_slot(made, offset, <PyObject *>value)


cdef inline bint python_space(uchar c) noexcept:
    """Whether an ASCII character is whitespace to `str.strip`, `str.split` and `str.isspace`."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef bint clean_ascii(const char *data, Py_ssize_t length) noexcept:
    """For ASCII text, `_emit`'s test: printable (" " to "~"), without doubled, leading or
    trailing spaces, so already what splitting and joining would make of it."""
    cdef Py_ssize_t i
    cdef char c
    if length and (data[0] == b" " or data[length - 1] == b" "):
        return False
    for i in range(length):
        c = data[i]
        if c < b" " or c > b"~" or (c == b" " and data[i + 1] == b" "):
            return False
    return True


cdef Py_ssize_t collapse_ascii(char *data, Py_ssize_t length) noexcept:
    """`" ".join(text.split())` of ASCII text, in place: the new length."""
    cdef Py_ssize_t i, kept = 0
    cdef bint gap = False
    for i in range(length):
        if python_space(data[i]):
            gap = kept > 0
        else:
            if gap:
                data[kept] = b" "
                kept += 1
                gap = False
            data[kept] = data[i]
            kept += 1
    return kept


cdef class Building:
    """The block being built (`_emit`'s arguments, and `pieces` joined as they come).

    Its text so far is UTF-8 bytes in a growable C buffer (`ascii` while each piece was ASCII),
    decoded once when the block is closed: no str per text node, and no list to join. Beside it,
    how much of it is link text, the characters outside links since the last link's text,
    whether the last text outside links ends with ":", its first link, and (`snapped`) what the
    DOM says where its first text was: the fields of `BlockStructure` from heading_level to
    dom_depth, set directly instead of through a tuple.
    """

    cdef char *text
    cdef Py_ssize_t length, capacity
    cdef bint ascii
    cdef Py_ssize_t link_chars, chars, tail_chars
    cdef bint colon, snapped, in_list, in_table, in_figure, in_quote
    cdef object href, heading, tag, path, tokens, depth

    def __cinit__(self):
        self.ascii = True

    def __dealloc__(self):
        free(self.text)

    cdef int add(self, const char *data, Py_ssize_t length, bint ascii) except -1:
        """Add a piece of text (valid UTF-8; `ascii` where it is ASCII)."""
        cdef Py_ssize_t capacity
        cdef char *grown
        if self.length + length > self.capacity:
            capacity = self.capacity * 2 if self.capacity else 1024
            while capacity < self.length + length:
                capacity *= 2
            grown = <char *>realloc(self.text, capacity)
            if grown == NULL:
                raise MemoryError()
            self.text = grown
            self.capacity = capacity
        memcpy(self.text + self.length, data, length)
        self.length += length
        if not ascii:
            self.ascii = False
        return 0

    cdef str cleaned(self):
        """`_emit`'s text: the pieces joined, invisible characters dropped, whitespace collapsed."""
        cdef str joined
        if self.ascii:
            if clean_ascii(self.text, self.length):
                return ascii_str(self.text, self.length)
            return ascii_str(self.text, collapse_ascii(self.text, self.length))
        joined = PyUnicode_DecodeUTF8(self.text, self.length, NULL)
        if holds_invisible(<PyObject *>joined):
            joined = drop_invisible(joined)
        return collapsed_spaces(joined)

    cdef int emit(self, list blocks) except -1:
        """`warta.segment.html._emit`: close the block, appending it to `blocks` if it has text,
        and start the next one."""
        cdef str text = self.cleaned()
        cdef double density
        cdef object structure, block
        if text and self.snapped and len(blocks) < BLOCK_LIMIT:
            density = <double>self.link_chars / <double>self.chars if self.chars else 0.0
            structure = allocate(BlockStructure)
            put(structure, S_BLANK_BEFORE, False)
            put(structure, S_BLANK_AFTER, False)
            put(structure, S_BULLET, False)
            put(structure, S_HEADING, self.heading)
            put(structure, S_TAG, self.tag)
            put(structure, S_PATH, self.path)
            put(structure, S_LIST, self.in_list)
            put(structure, S_TABLE, self.in_table)
            put(structure, S_FIGURE, self.in_figure)
            put(structure, S_QUOTE, self.in_quote)
            put(structure, S_LINK, density >= _ALL_LINK)
            put(structure, S_DENSITY, density)
            put(structure, S_TOKENS, self.tokens)
            put(structure, S_HREF, self.href)
            put(structure, S_DEPTH, self.depth)
            block = allocate(Block)
            put(block, B_INDEX, len(blocks))
            put(block, B_TEXT, text)
            put(block, B_STRUCTURE, structure)
            put(block, B_START, NO_OFFSET)
            put(block, B_END, NO_OFFSET)
            blocks.append(block)
        self.length = 0
        self.ascii = True
        self.link_chars = self.chars = self.tail_chars = 0
        self.colon = self.snapped = False
        self.href = None
        return 0


cdef bint ascii_counts(const uchar *data, size_t length, Py_ssize_t *stripped, bint *colon) noexcept:
    """For ASCII bytes: the length of the text's `strip()` and whether that ends with ":"
    (False, nothing set, for other bytes)."""
    cdef size_t i, first = 0, last = length
    for i in range(length):
        if data[i] >= 128:
            return False
    while first < last and python_space(data[first]):
        first += 1
    while last > first and python_space(data[last - 1]):
        last -= 1
    stripped[0] = last - first
    colon[0] = last > first and data[last - 1] == b":"
    return True


# `_absolute`'s answers without `urljoin`, for ASCII links: a link `_PLAIN_ABSOLUTE` matches
# is the address as written (and a scheme-relative one it matches after the base's scheme, that
# scheme and the link); one `_PLAIN_ROOT` matches, without dot or empty segments, is the
# base's origin and the link. Each part of those patterns ends where the next must begin, so one
# pass tells a match. (`\s` of ASCII is `python_space`.) Other links go to `_absolute`.

cdef inline bint plain_tail(const uchar *text, Py_ssize_t i, Py_ssize_t length) noexcept:
    """Whether `(?:\?[^#\s]+)?(?:#\S+)?` matches all of `text[i:]`."""
    cdef Py_ssize_t start
    if i < length and text[i] == b"?":
        i += 1
        start = i
        while i < length and text[i] != b"#" and not python_space(text[i]):
            i += 1
        if i == start:
            return False
    if i < length and text[i] == b"#":
        i += 1
        start = i
        while i < length and not python_space(text[i]):
            i += 1
        if i == start:
            return False
    return i == length


cdef inline bint in_path(uchar c) noexcept:
    """`[^?#\s;]`, a character of a plain path."""
    return c != b"?" and c != b"#" and c != b";" and not python_space(c)


cdef bint plain_absolute(const uchar *text, Py_ssize_t length) noexcept:
    """`_PLAIN_ABSOLUTE.fullmatch`: `https?://[^/?#\[\]\s;]+(?:/[^?#\s;]*)?` and the tail."""
    if length >= 8 and memcmp(text, b"https://", 8) == 0:
        return plain_after_scheme(text, 8, length)
    if length >= 7 and memcmp(text, b"http://", 7) == 0:
        return plain_after_scheme(text, 7, length)
    return False


cdef bint plain_after_scheme(const uchar *text, Py_ssize_t i, Py_ssize_t length) noexcept:
    """Whether `_PLAIN_ABSOLUTE` matches all of `text[i:]` after its `https?://`."""
    cdef Py_ssize_t start = i
    while i < length and in_path(text[i]) and text[i] != b"/" and text[i] != b"[" and text[i] != b"]":
        i += 1
    if i == start:
        return False
    if i < length and text[i] == b"/":
        i += 1
        while i < length and in_path(text[i]):
            i += 1
    return plain_tail(text, i, length)


cdef bint dot_or_empty_segment(const uchar *path, Py_ssize_t length) noexcept:
    """`_has_dot_or_empty_segment`: a "." or ".." segment, or "//", in the path."""
    cdef Py_ssize_t i, segment = 0
    for i in range(length + 1):
        if i == length or path[i] == b"/":
            if (i - segment == 1 and path[segment] == b".") or (
                i - segment == 2 and path[segment] == b"." and path[segment + 1] == b"."
            ):
                return True
            if i + 1 < length and path[i + 1] == b"/":
                return True
            segment = i + 1
    return False


cdef bint plain_root(const uchar *text, Py_ssize_t length) noexcept:
    """`_PLAIN_ROOT.fullmatch` (`/(?!/)[^?#\s;]*` and the tail) with a path that
    `_has_dot_or_empty_segment` passes."""
    cdef Py_ssize_t i = 1
    if length == 0 or text[0] != b"/" or (length > 1 and text[1] == b"/"):
        return False
    while i < length and in_path(text[i]):
        i += 1
    return not dot_or_empty_segment(text + 1, i - 1) and plain_tail(text, i, length)


cdef object resolve(object raw, object base, object origin):
    """`_absolute(raw, base, origin)`."""
    cdef Py_ssize_t length = 0, first = 0, last
    cdef const uchar *text
    if raw is not None and base and PyUnicode_IS_ASCII(raw):
        text = <const uchar *>PyUnicode_AsUTF8AndSize(raw, &length)
        last = length
        while first < last and python_space(text[first]):
            first += 1
        while last > first and python_space(text[last - 1]):
            last -= 1
        if plain_absolute(text + first, last - first):
            return raw[first:last]
        if origin is not None:
            if last - first >= 2 and text[first] == b"/" and text[first + 1] == b"/":
                # (A scheme-relative link: plain after the base's scheme.)
                if plain_after_scheme(text + first, 2, last - first):
                    return origin[: origin.index(":") + 1] + raw[first:last]
            elif plain_root(text + first, last - first):
                return origin + raw[first:last]
    return absolute(raw, base, origin)


def link_address(href, base, origin):
    """`_absolute(href, base, origin)`, in C for plain ASCII links (tests compare the two)."""
    return resolve(href, base, origin)


cdef object innermost_link(list links, dict resolved, object base, object origin):
    """`_link`: the innermost open link that resolves to an address (each raw href resolved once,
    by `_absolute`)."""
    cdef Py_ssize_t i
    cdef object href
    for i in range(len(links) - 1, -1, -1):
        raw = links[i]
        href = resolved.get(raw, resolved)  # (`resolved` itself: not resolved yet)
        if href is resolved:
            href = resolved[raw] = resolve(raw, base, origin)
        if href is not None:
            return href
    return None


cdef void *symbol(void *handle, bytes name) except NULL:
    cdef void *found = dlsym(handle, name)
    if found == NULL:
        raise ImportError(f"lexbor symbol {name.decode()} not found")
    return found


def bind(str library_path):
    """Look up lexbor's accessors in selectolax's loaded extension module (at `library_path`)."""
    global bound
    cdef void *handle = dlopen(library_path.encode(), RTLD_NOW | RTLD_NOLOAD)
    if handle == NULL:
        raise ImportError(f"{library_path} is not loaded")
    lxb.next_sibling = <step_f>symbol(handle, b"lxb_dom_node_next_noi")
    lxb.first_child = <step_f>symbol(handle, b"lxb_dom_node_first_child_noi")
    lxb.tag_id = <tag_id_f>symbol(handle, b"lxb_dom_node_tag_id_noi")
    lxb.node_type = <type_f>symbol(handle, b"lxb_dom_node_type_noi")
    lxb.first_attr = <step_f>symbol(handle, b"lxb_dom_element_first_attribute_noi")
    lxb.next_attr = <step_f>symbol(handle, b"lxb_dom_element_next_attribute_noi")
    lxb.attr_name = <name_f>symbol(handle, b"lxb_dom_attr_qualified_name")
    lxb.attr_value = <name_f>symbol(handle, b"lxb_dom_attr_value_noi")
    lxb.element_name = <name_f>symbol(handle, b"lxb_dom_element_qualified_name")
    lxb.text_content = <text_f>symbol(handle, b"lxb_dom_node_text_content")
    lxb.free_text = <free_text_f>symbol(handle, b"lxb_dom_document_destroy_text_noi")
    bound = True


cdef inline object utf8(const uchar *data, size_t length):
    """lexbor's bytes as str, invalid sequences replaced (as selectolax decodes them)."""
    if length == 0:
        return ""
    return PyUnicode_DecodeUTF8(<const char *>data, length, "replace")


cdef inline bint same(const uchar *name, size_t length, const char *expected, size_t expected_length) noexcept:
    return length == expected_length and memcmp(name, expected, length) == 0


cdef inline bint ascii_whitespace(const uchar *data, size_t length) noexcept:
    """Whether the bytes are only HTML's ASCII whitespace (selectolax's `is_empty_text_node`)."""
    cdef size_t i
    cdef uchar c
    for i in range(length):
        c = data[i]
        if c != 32 and c != 9 and c != 10 and c != 12 and c != 13:
            return False
    return True


# The attributes the walk reads, found by one pass over an element's attribute list. As in the
# dict `node.attributes`, the last attribute of a name counts and a value-less one is None.
cdef struct Attrs:
    bint any
    void *class_attr
    void *id_attr
    void *style_attr
    void *href_attr
    bint hiding_any  # (one of `_HIDING_ATTRIBUTES` is there)
    void *hiding[MAX_HIDING]  # each of them, in the order of `hiding_names`


cdef inline void scan_attrs(void *element, Attrs *found) noexcept:
    cdef void *attr = lxb.first_attr(element)
    cdef const uchar *name
    cdef size_t length = 0
    cdef Py_ssize_t i
    found.any = attr != NULL
    found.class_attr = found.id_attr = found.style_attr = found.href_attr = NULL
    found.hiding_any = False
    for i in range(hiding_count):
        found.hiding[i] = NULL
    while attr != NULL:
        name = lxb.attr_name(attr, &length)
        if name != NULL:
            if same(name, length, b"class", 5):
                found.class_attr = attr
            elif same(name, length, b"id", 2):
                found.id_attr = attr
            elif same(name, length, b"href", 4):
                found.href_attr = attr
            elif same(name, length, b"style", 5):
                found.style_attr = attr
            else:
                for i in range(hiding_count):
                    if same(name, length, hiding_names[i], hiding_name_lengths[i]):
                        found.hiding[i] = attr
                        found.hiding_any = True
                        break
        attr = lxb.next_attr(attr)


cdef inline bint has_folded(const uchar *text, size_t length, const char *part, size_t part_length) noexcept:
    """Whether the lower-case ASCII `part` is in `text`, its letters in any ASCII case."""
    cdef size_t i, j
    cdef uchar c
    if part_length > length:
        return False
    for i in range(length - part_length + 1):
        for j in range(part_length):
            c = text[i + j]
            if b"A" <= c <= b"Z":
                c += 32
            if c != <uchar>part[j]:
                break
        else:
            return True
    return False


cdef inline bint style_may_hide(const uchar *value, size_t length) noexcept:
    """Whether a style's UTF-8 bytes have a value of `_HIDING_STYLES` in them, in any ASCII case:
    where not, `_style_hides` says no (its pattern is ASCII)."""
    cdef Py_ssize_t i
    for i in range(style_value_count):
        if has_folded(value, length, style_values[i], style_value_lengths[i]):
            return True
    return False


def style_prechecked(str style):
    """`_style_hides(style)`, where `style_may_hide` passes it on (tests compare the two)."""
    cdef bytes data = style.encode("utf-8", "surrogatepass")
    return style_may_hide(data, len(data)) and style_hides(style)


cdef inline bint attribute_hides(Attrs *found) noexcept:
    """Whether an attribute of `_HIDING_ATTRIBUTES` hides the element: there, with the value wanted."""
    cdef Py_ssize_t i
    cdef const uchar *value
    cdef size_t length = 0
    for i in range(hiding_count):
        if found.hiding[i] != NULL:
            if hiding_values[i] == NULL:
                return True
            value = lxb.attr_value(found.hiding[i], &length)
            if value != NULL and same(value, length, hiding_values[i], hiding_value_lengths[i]):
                return True
    return False


cdef inline object attr_value(void *attr):
    """An attribute's value as `node.attributes` gives it: None when absent or value-less."""
    cdef size_t length = 0
    cdef const uchar *value
    if attr == NULL:
        return None
    value = lxb.attr_value(attr, &length)
    if value == NULL:
        return None
    return utf8(value, length)


cdef class _Stack:
    """The open elements, as growable C arrays (nesting may be 100,000 deep): each one's node,
    flags, tag, and the nearest block-level tag at or above it. (The tags are borrowed: the
    walk's table of tag names keeps them alive.)"""

    cdef void **nodes
    cdef int *flags
    cdef PyObject **tags
    cdef PyObject **block_tags
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

    def __dealloc__(self):
        free(self.nodes)
        free(self.flags)
        free(self.tags)
        free(self.block_tags)

    cdef int grow(self) except -1:
        cdef Py_ssize_t capacity = self.capacity * 2 if self.capacity else 256
        cdef void **nodes = <void **>realloc(self.nodes, capacity * sizeof(void *))
        if nodes == NULL:
            raise MemoryError()
        self.nodes = nodes
        cdef int *flag_array = <int *>realloc(self.flags, capacity * sizeof(int))
        if flag_array == NULL:
            raise MemoryError()
        self.flags = flag_array
        cdef PyObject **tags = <PyObject **>realloc(self.tags, capacity * sizeof(PyObject *))
        if tags == NULL:
            raise MemoryError()
        self.tags = tags
        tags = <PyObject **>realloc(self.block_tags, capacity * sizeof(PyObject *))
        if tags == NULL:
            raise MemoryError()
        self.block_tags = tags
        self.capacity = capacity
        return 0

    cdef inline int push(self, void *node, int flags) except -1:
        if self.size == self.capacity:
            self.grow()
        self.nodes[self.size] = node
        self.flags[self.size] = flags
        self.size += 1
        return 0

    cdef inline int push_element(self, void *node, int flags, str tag, str block_tag) except -1:
        self.push(node, flags)
        self.tags[self.size - 1] = <PyObject *>tag
        self.block_tags[self.size - 1] = <PyObject *>block_tag
        return 0


cdef class _TokenMerger:
    """`merged_tokens` for windows of up to SEEN_TOKENS tokens, which keeps its table from one
    window to the next: the next block's window mostly begins with the same parts (its outer
    ancestors), whose tokens need not be hashed and looked up again.

    The table is filled by linear probing and never has an entry taken out except the last one
    put in, so taking out the entries of the parts after the common beginning, last first, leaves
    it as it was after those parts; the tokens found so far are kept in order beside it.
    (The parts are kept alive by the caller's tuple of the last window.)
    """

    cdef Seen table[SEEN_TABLE]
    cdef PyObject *parts[WINDOW_PARTS]  # the last window's distinct non-empty parts
    cdef Py_ssize_t counts[WINDOW_PARTS]  # how many tokens were found up to each of them
    cdef Py_ssize_t n_parts
    cdef PyObject *found[SEEN_TOKENS]
    cdef Py_ssize_t slots[SEEN_TOKENS]  # where each token found is in the table
    cdef Py_ssize_t count

    cdef void keep(self, Py_ssize_t n_parts) noexcept:
        """Take out what the parts after the first `n_parts` put in."""
        cdef Py_ssize_t kept = self.counts[n_parts - 1] if n_parts else 0
        while self.count > kept:
            self.count -= 1
            self.table[self.slots[self.count]].token = NULL
        self.n_parts = n_parts

    cdef tuple merged(self, list token_parts, Py_ssize_t start):
        """`merged_tokens(token_parts, start)`."""
        cdef PyObject *parts[WINDOW_PARTS]
        cdef PyObject *part
        cdef PyObject *token
        cdef Py_ssize_t n_parts = 0, total = 0, same = 0, i, j, k, slot
        cdef Py_hash_t hashed
        cdef bint seen
        cdef tuple merged
        n_parts = distinct_parts(token_parts, start, parts, &total)
        if total > SEEN_TOKENS:
            self.keep(0)
            return merged_tokens(token_parts, start)
        while same < n_parts and same < self.n_parts and parts[same] == self.parts[same]:
            same += 1
        self.keep(same)
        try:
            for j in range(same, n_parts):
                part = parts[j]
                for k in range(tuple_size(part)):
                    token = tuple_item(part, k)
                    hashed = str_hash(token)
                    slot = <Py_ssize_t>(<size_t>hashed & <size_t>(SEEN_TABLE - 1))
                    seen = False
                    while self.table[slot].token != NULL:
                        if self.table[slot].token == token or (
                            self.table[slot].hashed == hashed and same_str(self.table[slot].token, token)
                        ):
                            seen = True
                            break
                        slot = (slot + 1) & (SEEN_TABLE - 1)
                    if not seen:
                        self.table[slot].token = token
                        self.table[slot].hashed = hashed
                        self.slots[self.count] = slot
                        self.found[self.count] = token
                        self.count += 1
                self.parts[j] = part
                self.counts[j] = self.count
                self.n_parts = j + 1
        except BaseException:
            self.keep(0)
            raise
        merged = PyTuple_New(self.count)
        for i in range(self.count):
            incref(self.found[i])
            tuple_set(merged, i, self.found[i])
        return merged


cdef class _LastSnapshot:
    """What the last block's snapshot made, reused by the next one where the same elements are
    open above it (blocks side by side mostly have the same): its path, `">".join(tags[-PATH_DEPTH:])`,
    while the same tags are open at the end of the stack, and its merged class tokens while the
    very same tuples of tokens are (`same_parts`)."""

    cdef PyObject *tags[PATH_TAGS]
    cdef Py_ssize_t count
    cdef str path
    cdef tuple window_parts
    cdef tuple window_tokens
    cdef _TokenMerger merger

    def __cinit__(self):
        self.count = -1
        self.merger = _TokenMerger()

    cdef tuple tokens(self, list token_parts, Py_ssize_t start):
        """The tokens of `token_parts[start:]` merged (`merged_tokens`)."""
        if not same_parts(token_parts, start, self.window_parts):
            # (The merger's table holds tokens of the last window's parts: they stay alive
            # until it has taken out those of the parts the new window does not have.)
            parts = tuple(token_parts[start:])
            self.window_tokens = self.merger.merged(token_parts, start)
            self.window_parts = parts
        return self.window_tokens

    cdef str path_of(self, _Stack stack):
        """The path of the elements open on `stack`."""
        cdef Py_ssize_t count = stack.size if stack.size < PATH_DEPTH else PATH_DEPTH
        cdef Py_ssize_t first = stack.size - count, i
        if count == self.count:
            for i in range(count):
                if self.tags[i] != stack.tags[first + i]:
                    break
            else:
                return self.path
        names = []
        for i in range(count):
            self.tags[i] = stack.tags[first + i]
            names.append(<str>stack.tags[first + i])
        self.count = count
        self.path = ">".join(names)
        return self.path


cdef enum:
    KNOWN_TAG_IDS = 256


cdef struct KnownTags:
    PyObject *names[KNOWN_TAG_IDS]  # NULL: not seen yet
    int flags[KNOWN_TAG_IDS]


cdef int flags_of_tag(object name) except -1:
    """`warta.segment.html._flags_of_tag(name)`: a dict look-up, no Python call."""
    if name is None:
        return SKIP
    found = NAMED_TAG_FLAGS.get(name)
    if found is not None:
        return found
    return SKIP if (<str>name).startswith(SKIPPED_PREFIXES) else 0


cdef str decoded(const uchar *data, size_t length, bint *valid):
    """Text bytes as str, as `utf8` decodes them; `valid` tells whether they were valid UTF-8
    (so that the bytes themselves are the str's UTF-8)."""
    try:
        text = PyUnicode_DecodeUTF8(<const char *>data, length, NULL)
    except UnicodeDecodeError:
        valid[0] = False
        return utf8(data, length)
    valid[0] = True
    return text


cdef int take_snapshot(
    Building building, _Stack stack, _LastSnapshot last, list token_parts,
    object heading, int lists, int tables, int figures, int quotes,
) except -1:
    """Set what the DOM says where the block's first text is (`walk_python`'s `snap`)."""
    cdef Py_ssize_t depth = stack.size
    cdef Py_ssize_t start = depth - MAX_TOKENS_DEPTH if depth > MAX_TOKENS_DEPTH else 0
    building.snapped = True
    building.heading = heading
    building.tag = (<str>stack.block_tags[depth - 1] if depth else "") or "body"
    building.path = last.path_of(stack)
    building.in_list = lists > 0
    building.in_table = tables > 0
    building.in_figure = figures > 0
    building.in_quote = quotes > 0
    building.tokens = last.tokens(token_parts, start)
    building.depth = depth if depth < 64 else 64
    return 0


def walk(uintptr_t root_id, uintptr_t document_id, object base_url, object deadline):
    """The blocks under the node at address `root_id` (`LexborNode.mem_id`) of the document at
    `document_id`, exactly as `warta.segment.html.walk_python` makes them.

    The caller keeps the parser (and so the tree) alive during the call.
    """
    if not bound:
        raise RuntimeError("bind() lexbor's accessors first")
    cdef list blocks = []
    cdef object origin = origin_of(base_url)
    cdef dict resolved = {}
    cdef dict kinds = {}  # tag id -> (tag, flags), for this document's ids
    cdef KnownTags known  # the same for the smaller ids (HTML's own tags), as C arrays
    memset(&known, 0, sizeof(KnownTags))
    cdef _Stack stack = _Stack()
    cdef _LastSnapshot last = _LastSnapshot()
    cdef list token_parts = []  # beside each open element: the class tokens it gives
    cdef list links = []
    cdef int lists = 0, tables = 0, figures = 0, quotes = 0
    cdef object heading = 0
    cdef Building building = Building()
    cdef Py_ssize_t n
    cdef long seen = 0
    cdef void *node = <void *>root_id
    cdef void *document = <void *>document_id
    cdef void *child
    cdef void *following
    cdef uintptr_t tag_id
    cdef int flags
    cdef bint enter, hidden, counted, ends_colon, valid
    cdef uchar *data
    cdef const uchar *name
    cdef size_t length = 0
    cdef Attrs attrs
    cdef str raw, stripped, tag
    cdef const char *piece
    cdef Py_ssize_t piece_length
    cdef const uchar *id_value
    cdef const uchar *class_value
    cdef size_t class_length = 0
    cdef size_t id_length = 0
    cdef const uchar *style_value
    cdef size_t style_length = 0
    cdef object name_or_none, kind, tokens, read, value
    cdef Py_ssize_t depth

    while True:
        tag_id = lxb.tag_id(node)
        if tag_id == TEXT_TAG_ID:
            # (Most text nodes are only whitespace: a space for a block being built, else nothing.)
            if lxb.node_type(node) == TEXT_NODE:
                data = lxb.text_content(node, &length)
                if data != NULL:
                    if not ascii_whitespace(data, length):
                        # (For ASCII text, `raw.strip()`'s length and its last character.)
                        counted = ascii_counts(data, length, &n, &ends_colon)
                        piece, piece_length = <const char *>data, length
                        if not counted:
                            raw = decoded(data, length, &valid)
                            stripped = raw.strip()
                            n = len(stripped)
                            ends_colon = stripped.endswith(":")
                            if not valid:  # (the text as decoded, in UTF-8)
                                piece = PyUnicode_AsUTF8AndSize(raw, &piece_length)
                        if n:
                            if not building.snapped:
                                take_snapshot(
                                    building, stack, last, token_parts,
                                    heading, lists, tables, figures, quotes,
                                )
                            building.add(piece, piece_length, counted)
                            building.chars += n
                            if links:
                                building.link_chars += n
                                building.tail_chars = 0
                                if building.href is None:
                                    building.href = innermost_link(links, resolved, base_url, origin)
                            else:
                                building.tail_chars += n
                                building.colon = ends_colon
                        elif building.length:
                            building.add(b" ", 1, True)
                    elif length and building.length:
                        building.add(b" ", 1, True)
                    if document != NULL:
                        lxb.free_text(document, data)
            following = lxb.next_sibling(node)
        else:
            seen += 1
            if seen % CHECK_EVERY == 0:
                if deadline is not None:
                    deadline.check("html segmentation")
                if len(blocks) >= BLOCK_LIMIT:
                    break
            if tag_id < KNOWN_TAG_IDS and known.names[tag_id] != NULL:
                tag = <str>known.names[tag_id]
                flags = known.flags[tag_id]
            else:
                kind = kinds.get(tag_id)
                if kind is None:
                    name_or_none = None
                    if lxb.node_type(node) == ELEMENT_NODE:
                        name = lxb.element_name(node, &length)
                        if name != NULL:
                            name_or_none = utf8(name, length)
                    kind = (name_or_none or "", flags_of_tag(name_or_none))
                    if name_or_none is not None:
                        kinds[tag_id] = kind
                        if tag_id < KNOWN_TAG_IDS:
                            known.names[tag_id] = <PyObject *>name_or_none  # (`kinds` keeps it alive)
                            known.flags[tag_id] = kind[1]
                tag, flags = kind
            enter = False
            child = NULL
            tokens = ()
            if not flags & SKIP:
                child = lxb.first_child(node)
            if not flags & SKIP and (child != NULL or flags & (BLOCK | COUNTED)):
                scan_attrs(node, &attrs)
                hidden = False
                if attrs.any:
                    class_value = lxb.attr_value(attrs.class_attr, &class_length) if attrs.class_attr != NULL else NULL
                    if class_value != NULL:
                        # (Cached by the value's bytes: no str of a value seen before.)
                        tokens, hidden = class_bytes_read(class_value, class_length)
                        if hidden and flags & NEVER_HIDE:
                            hidden = False
                    # (`_element_hides`, for an element whose class does not hide it.)
                    if not hidden and (attrs.hiding_any or attrs.style_attr != NULL or attrs.id_attr != NULL):
                        if not flags & NEVER_HIDE:
                            hidden = attribute_hides(&attrs)
                            if not hidden and attrs.style_attr != NULL:
                                # (Most styles need no str and no call: `style_may_hide`.)
                                style_value = lxb.attr_value(attrs.style_attr, &style_length)
                                if style_value != NULL and style_may_hide(style_value, style_length):
                                    hidden = style_hides(utf8(style_value, style_length))
                        if not hidden and attrs.id_attr != NULL:
                            # (Its tokens from lexbor's bytes: no str of the value.)
                            id_value = lxb.attr_value(attrs.id_attr, &id_length)
                            if id_value != NULL and id_length:
                                tokens = tokens + id_bytes_tokens(id_value, id_length)
                enter = not hidden
                if enter and flags & BLOCK:
                    if building.length:
                        building.emit(blocks)
                    enter = not flags & BREAK
            if enter:
                if flags & COUNTED:
                    if flags & LINK:
                        if (
                            not links
                            and building.link_chars
                            and not building.tail_chars
                            and (
                                building.link_chars == building.chars
                                or (building.colon and building.chars - building.link_chars <= LABEL_CHARS)
                            )
                        ):
                            building.emit(blocks)
                        links.append(attr_value(attrs.href_attr) if attrs.any else None)
                    elif flags & LIST:
                        lists += 1
                    elif flags & TABLE:
                        tables += 1
                    elif flags & FIGURE:
                        figures += 1
                    elif flags & QUOTE:
                        quotes += 1
                    else:
                        heading = HEADINGS[tag]
                depth = stack.size
                stack.push_element(
                    node, flags, tag, tag if flags & BLOCK else (<str>stack.block_tags[depth - 1] if depth else "")
                )
                token_parts.append((*tokens, tag) if flags & SEMANTIC_TAG else tokens)
                if child != NULL:
                    node = child
                    continue
                following = NULL
            elif stack.size == 0:
                break
            else:
                following = lxb.next_sibling(node)
        # Leave the elements that end here; go on with the next sibling.
        while following == NULL:
            stack.size -= 1
            flags = stack.flags[stack.size]
            token_parts.pop()
            if flags & BLOCK and building.length:
                building.emit(blocks)
            if flags & COUNTED:
                if flags & LINK:
                    links.pop()
                elif flags & LIST:
                    lists -= 1
                elif flags & TABLE:
                    tables -= 1
                elif flags & FIGURE:
                    figures -= 1
                elif flags & QUOTE:
                    quotes -= 1
                else:
                    heading = 0
            if stack.size == 0:
                break
            following = lxb.next_sibling(stack.nodes[stack.size])
        if following == NULL:
            break
        node = following
    if building.length:
        building.emit(blocks)
    return blocks


# ---------------------------------------------------------------------------------------------
# The elements page metadata is read from, found in one pass (see `warta.meta.html_meta`).

cdef enum:
    ROLE_TITLE = 1
    ROLE_BASE = 2
    ROLE_META = 3
    ROLE_LINK = 4
    ROLE_TIME = 5
    ROLE_SCRIPT = 6


cdef inline bint same_ascii_caseless(const uchar *value, size_t length, const char *lower, size_t expected) noexcept:
    """Whether `value` is `lower` up to ASCII case (how lexbor's selectors compare `type` and `rel`)."""
    cdef size_t i
    cdef uchar c
    if length != expected:
        return False
    for i in range(length):
        c = value[i]
        if 65 <= c <= 90:
            c += 32
        if c != <uchar>lower[i]:
            return False
    return True


cdef dict attributes_of(void *element):
    """The element's attributes as `LexborNode.attributes` gives them (names as written)."""
    cdef dict found = {}
    cdef void *attr = lxb.first_attr(element)
    cdef const uchar *name
    cdef size_t length = 0
    while attr != NULL:
        name = lxb.attr_name(attr, &length)
        found[utf8(name, length) if name != NULL else ""] = attr_value(attr)
        attr = lxb.next_attr(attr)
    return found


cdef void *item_attrs(void *element, void **itemtype, bint *itemscope) noexcept:
    """The element's `itemprop` attribute, or NULL; through `itemtype` its `itemtype` attribute
    (or NULL) and through `itemscope` whether it has one: the microdata attributes, read in one
    pass over the element's attributes (each the first of its name, as `find_attr` finds it)."""
    cdef void *attr = lxb.first_attr(element)
    cdef void *itemprop = NULL
    cdef const uchar *name
    cdef size_t length = 0
    itemtype[0] = NULL
    itemscope[0] = False
    while attr != NULL:
        name = lxb.attr_name(attr, &length)
        if name != NULL:
            if itemprop == NULL and same(name, length, b"itemprop", 8):
                itemprop = attr
            elif itemtype[0] == NULL and same(name, length, b"itemtype", 8):
                itemtype[0] = attr
            elif same(name, length, b"itemscope", 9):
                itemscope[0] = True
        attr = lxb.next_attr(attr)
    return itemprop


cdef void *find_attr(void *element, const char *wanted, size_t wanted_length) noexcept:
    """The element's first attribute named `wanted` (the one a selector tests), or NULL."""
    cdef void *attr = lxb.first_attr(element)
    cdef const uchar *name
    cdef size_t length = 0
    while attr != NULL:
        name = lxb.attr_name(attr, &length)
        if name != NULL and same(name, length, wanted, wanted_length):
            return attr
        attr = lxb.next_attr(attr)
    return NULL


# How an attribute's value compares with a selector's: exactly, only up to ASCII case, or not.
cdef enum:
    UNEQUAL = 0
    EQUAL = 1
    CASELESS_EQUAL = 2


cdef int compare_attr(void *attr, const char *expected, size_t length) noexcept:
    cdef const uchar *value
    cdef size_t value_length = 0
    if attr == NULL:
        return UNEQUAL
    value = lxb.attr_value(attr, &value_length)
    if value == NULL:
        value_length = 0  # (a value-less attribute compares as "")
    if value_length == length and (length == 0 or same(value, value_length, expected, length)):
        return EQUAL
    if value != NULL and same_ascii_caseless(value, value_length, expected, length):
        return CASELESS_EQUAL
    return UNEQUAL


cdef tuple meta_fields_of(void *element):
    """`warta.meta.html_meta.meta_fields_of` of the element's attributes, read as
    `attributes_of` reads them (the last attribute of a name counts; a value-less one is None)."""
    cdef void *attr = lxb.first_attr(element)
    cdef void *property_attr = NULL
    cdef void *name_attr = NULL
    cdef void *itemprop_attr = NULL
    cdef void *content_attr = NULL
    cdef void *equiv_attr = NULL
    cdef const uchar *name
    cdef size_t length = 0
    while attr != NULL:
        name = lxb.attr_name(attr, &length)
        if name != NULL:
            if same(name, length, b"property", 8):
                property_attr = attr
            elif same(name, length, b"name", 4):
                name_attr = attr
            elif same(name, length, b"itemprop", 8):
                itemprop_attr = attr
            elif same(name, length, b"content", 7):
                content_attr = attr
            elif same(name, length, b"http-equiv", 10):
                equiv_attr = attr
        attr = lxb.next_attr(attr)
    key = attr_value(property_attr) or attr_value(name_attr) or attr_value(itemprop_attr) or ""
    return key, attr_value(content_attr), attr_value(equiv_attr)


cdef class MarkupElement:
    """An element `MarkupIndex` found: the parts of `LexborNode` that metadata reads."""

    cdef void *node
    cdef void *document
    cdef readonly str tag
    cdef object _attributes
    cdef object _tree  # keeps the document alive as long as the element

    @property
    def attributes(self):
        if self._attributes is None:
            self._attributes = attributes_of(self.node)
        return self._attributes

    def text(self, bint deep=True):
        """The text of the element and all its descendants (`LexborNode.text(deep=True)`)."""
        cdef size_t length = 0
        cdef uchar *data
        if not deep:
            raise ValueError("only the deep text is read")
        data = lxb.text_content(self.node, &length)
        if data == NULL:
            return ""
        text = utf8(data, length)
        if self.document != NULL:
            lxb.free_text(self.document, data)
        return text


cdef MarkupElement new_element(void *node, void *document, str tag, object tree):
    cdef MarkupElement element = MarkupElement.__new__(MarkupElement)
    element.node = node
    element.document = document
    element.tag = tag
    element._tree = tree
    return element


cdef void *first_itemprop_below(void *top, const char *value, size_t length) except? NULL:
    """The first element below `top`, in document order, whose `itemprop` is `value` (as
    `top.css_first("[itemprop=value]")` finds it: `top` itself not counted), or NULL."""
    cdef _Stack stack = _Stack()
    cdef void *node = lxb.first_child(top)
    cdef void *following
    while node != NULL:
        if lxb.node_type(node) == ELEMENT_NODE:
            if compare_attr(find_attr(node, b"itemprop", 8), value, length) == EQUAL:
                return node
            following = lxb.first_child(node)
            if following != NULL:
                stack.push(node, 0)
                node = following
                continue
        following = lxb.next_sibling(node)
        while following == NULL and stack.size:
            stack.size -= 1
            following = lxb.next_sibling(stack.nodes[stack.size])
        node = following
    return NULL


cdef class MarkupIndex:
    """The elements `html_metadata` reads, found by one walk over the document, in document
    order. Each method answers as the selectolax query beside it would on the same tree."""

    cdef list _titles, _bases, _metas, _times, _jsonld, _inline_scripts, _canonical, _itemprop_dates, _items
    cdef list _authors
    cdef object _tree

    def title(self):  # tree.css_first("title")
        return self._titles[0] if self._titles else None

    def bases(self):  # tree.tags("base")
        return self._bases

    def jsonld_scripts(self):  # tree.css('script[type="application/ld+json"]')[:20]
        return self._jsonld[:20]

    def metas(self):  # tree.tags("meta")[:400]
        return self._metas[:400]

    def meta_fields(self):  # [html_meta.meta_fields_of(node.attributes) for node in self.metas()]
        """What metadata reads of each of `metas()`, without building its attribute dict."""
        cdef MarkupElement element
        found = []
        for element in self._metas[:400]:
            found.append(meta_fields_of(element.node))
        return found

    def canonical(self):  # tree.css_first('link[rel="canonical"]')
        return self._canonical[0] if self._canonical else None

    def itemprop_dates(self):  # tree.css("[itemprop=datePublished], [itemprop=dateModified]")[:4]
        return self._itemprop_dates[:4]

    def microdata_items(self):  # tree.css("[itemscope][itemtype]:not([itemprop])")[:20]
        return self._items[:20]

    def times(self):  # tree.tags("time")[:5]
        return self._times[:5]

    def author_items(self):
        """[(node, node.css_first("[itemprop=name]")) for node in
        tree.css("[itemprop=author]:not(meta)") if no comment's][:10] (`SelectolaxMarkup`)"""
        cdef MarkupElement element
        cdef void *name_node
        cdef const uchar *name
        cdef size_t length = 0
        found = []
        for element in self._authors[:10]:
            name_node = first_itemprop_below(element.node, b"name", 4)
            if name_node == NULL:
                found.append((element, None))
                continue
            name = lxb.element_name(name_node, &length)
            found.append(
                (element, new_element(name_node, element.document, utf8(name, length) if name != NULL else None, self._tree))
            )
        return found

    def inline_scripts(self):  # tree.css("script:not([src])")[:50]
        return self._inline_scripts[:50]


cdef inline int role_of(const uchar *name, size_t length) noexcept:
    if same(name, length, b"meta", 4):
        return ROLE_META
    if same(name, length, b"link", 4):
        return ROLE_LINK
    if same(name, length, b"script", 6):
        return ROLE_SCRIPT
    if same(name, length, b"title", 5):
        return ROLE_TITLE
    if same(name, length, b"time", 4):
        return ROLE_TIME
    if same(name, length, b"base", 4):
        return ROLE_BASE
    return 0


cdef enum:
    FOREIGN_ROLE = 8  # beside a role: the element opens <svg> or <math>
    UNKNOWN_ROLE = -1


cdef int name_role(void *element) noexcept:
    """The element's `role_of` its name, with FOREIGN_ROLE where it is <svg> or <math> (0 where
    it has no name)."""
    cdef size_t length = 0
    cdef const uchar *name = lxb.element_name(element, &length)
    if name == NULL:
        return 0
    if same(name, length, b"svg", 3) or same(name, length, b"math", 4):
        return FOREIGN_ROLE
    return role_of(name, length)


cdef enum:
    UNDECIDED = -1  # (`html_selector_match`: the element's namespace would decide)


cdef int html_selector_match(
    void *node, const char *name, size_t name_length, const char *value, size_t value_length, bint foreign
) noexcept:
    """Whether `[name="value"]` matches the element as lexbor's selectors decide for an attribute
    they compare up to ASCII case on HTML elements only (`type`, `rel`): 1 or 0, or UNDECIDED
    inside <svg>/<math> (`foreign`) where only a caseless comparison would match."""
    cdef int match = compare_attr(find_attr(node, name, name_length), value, value_length)
    if match == CASELESS_EQUAL and foreign:
        return UNDECIDED
    return match != UNEQUAL


# The flags of an open element in `markup_index`'s stack.
cdef enum:
    OPENS_FOREIGN = 1  # it opens <svg> or <math>
    ITEM_SCOPE = 2  # it has `itemscope`: a microdata item
    COMMENT_ITEM = 4  # the item is its parent item's `comment` (itemprop="comment")


cdef bint in_comment(_Stack stack) noexcept:
    """The nearest microdata item the open elements of `stack` make (the innermost with
    `itemscope`) is a `comment` property of another: a comment's, not the page's."""
    cdef Py_ssize_t i = stack.size - 1
    while i >= 0:
        if stack.flags[i] & ITEM_SCOPE:
            return stack.flags[i] & COMMENT_ITEM != 0
        i -= 1
    return False


def markup_index(object tree, uintptr_t document_id):
    """The `MarkupIndex` of the document at `document_id` (the node `tree.root.parent`), whose
    parser `tree` the elements keep alive; None where it cannot tell what selectolax would find.

    lexbor's selectors compare `type` and `rel` up to ASCII case on HTML elements only. An
    element inside <svg> or <math> may be either (HTML again below an integration point such as
    <foreignObject>), which this walk does not follow: where that would decide a match, it
    answers None, and the caller asks selectolax.
    """
    if not bound:
        raise RuntimeError("bind() lexbor's accessors first")
    cdef MarkupIndex index = MarkupIndex.__new__(MarkupIndex)
    index._titles, index._bases, index._metas, index._times = [], [], [], []
    index._jsonld, index._inline_scripts, index._canonical, index._itemprop_dates = [], [], [], []
    index._items, index._authors = [], []
    index._tree = tree
    cdef void *document = <void *>document_id
    cdef void *node = lxb.first_child(document)
    cdef void *following
    cdef void *itemprop
    cdef void *itemtype
    cdef bint itemscope, item
    cdef const uchar *name
    cdef size_t length = 0
    cdef int role, match
    cdef int foreign = 0  # open <svg> and <math> elements
    cdef bint opens_foreign
    cdef MarkupElement element
    cdef str tag
    cdef _Stack stack = _Stack()
    # What each of the smaller tag ids (HTML's own tags) names, learnt from its first element:
    # its role, with FOREIGN_ROLE where it opens <svg> or <math>; UNKNOWN_ROLE until then.
    cdef signed char roles[KNOWN_TAG_IDS]
    memset(roles, UNKNOWN_ROLE, sizeof(roles))
    cdef uintptr_t tag_id
    while node != NULL:
        if lxb.node_type(node) == ELEMENT_NODE:
            tag_id = lxb.tag_id(node)
            if tag_id < KNOWN_TAG_IDS and roles[tag_id] != UNKNOWN_ROLE:
                role = roles[tag_id]
            else:
                role = name_role(node)
                if tag_id < KNOWN_TAG_IDS:
                    roles[tag_id] = <signed char> role
            opens_foreign = role >= FOREIGN_ROLE
            role &= FOREIGN_ROLE - 1
            itemprop = item_attrs(node, &itemtype, &itemscope)
            # (A top-level microdata item: one that is no property of another.)
            item = itemprop == NULL and itemtype != NULL and itemscope
            if role or itemprop != NULL or item:
                name = lxb.element_name(node, &length)
                tag = utf8(name, length) if name != NULL else None
                element = new_element(node, document, tag, tree)
                if role == ROLE_META:
                    index._metas.append(element)
                elif role == ROLE_LINK:
                    match = html_selector_match(node, b"rel", 3, b"canonical", 9, foreign)
                    if match == UNDECIDED:
                        return None
                    if match:
                        index._canonical.append(element)
                elif role == ROLE_SCRIPT:
                    match = html_selector_match(node, b"type", 4, b"application/ld+json", 19, foreign)
                    if match == UNDECIDED:
                        return None
                    if match:
                        index._jsonld.append(element)
                    if find_attr(node, b"src", 3) == NULL:
                        index._inline_scripts.append(element)
                elif role == ROLE_TITLE:
                    index._titles.append(element)
                elif role == ROLE_TIME:
                    index._times.append(element)
                elif role == ROLE_BASE:
                    index._bases.append(element)
                if (
                    compare_attr(itemprop, b"datePublished", 13) == EQUAL
                    or compare_attr(itemprop, b"dateModified", 12) == EQUAL
                ):
                    index._itemprop_dates.append(element)
                if item:
                    index._items.append(element)
                if role != ROLE_META and compare_attr(itemprop, b"author", 6) == EQUAL and not in_comment(stack):
                    index._authors.append(element)
            following = lxb.first_child(node)
            if following != NULL:
                stack.push(
                    node,
                    opens_foreign
                    | (ITEM_SCOPE if itemscope else 0)
                    | (COMMENT_ITEM if itemscope and compare_attr(itemprop, b"comment", 7) == EQUAL else 0),
                )
                foreign += opens_foreign
                node = following
                continue
        following = lxb.next_sibling(node)
        while following == NULL and stack.size:
            stack.size -= 1
            foreign -= stack.flags[stack.size] & OPENS_FOREIGN
            following = lxb.next_sibling(stack.nodes[stack.size])
        node = following
    return index
