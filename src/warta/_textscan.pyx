# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Per-character tests of `warta.strings` in C: one loop over a str's own code points.

`has_digit` is asked some two hundred times a page (date lines, list items, bylines,
stray dates); in Python each question is a call, an `isascii` and a regex scan. Here
it is one C loop that stops at the first digit. `Py_UNICODE_ISDIGIT` is the predicate
`str.isdigit` applies to each code point, so the answer is exactly
`any(map(str.isdigit, text))`, `warta.strings`' reference, which checks at first use
that the two agree on probe strings.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, _PyBytes_Resize
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF, Py_INCREF
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_4BYTE_KIND,
    PyUnicode_KIND,
    Py_UNICODE_ISDIGIT,
)
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from warta._codepoints cimport PyUnicode_READ, char_t


cdef bint _digit_among(const char_t *data, Py_ssize_t n) noexcept:
    """Whether any of the `n` code points at `data` is a digit by `str.isdigit`."""
    cdef Py_ssize_t i
    cdef uint32_t code
    for i in range(n):
        code = data[i]
        if code < 128:
            if 48 <= code <= 57:
                return True
        elif Py_UNICODE_ISDIGIT(code):  # ¹ ² ³ in Latin-1, other scripts' digits
            return True
    return False


cdef bint _digit_in(object text) noexcept:
    """Whether any code point of `text` (an exact str) is a digit by `str.isdigit`."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return _digit_among(<const uint8_t *> PyUnicode_DATA(text), n)
    if kind == PyUnicode_2BYTE_KIND:
        return _digit_among(<const uint16_t *> PyUnicode_DATA(text), n)
    return _digit_among(<const uint32_t *> PyUnicode_DATA(text), n)


def has_digit(text) -> bool:
    """`any(map(str.isdigit, text))`, in one C loop over the code points (of a str or a subclass)."""
    if not isinstance(text, str):
        raise TypeError(f"has_digit() needs a str, not {type(text).__name__}")
    return _digit_in(text)


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


# The start tags `warta.segment.bounds` counts as formatting elements, lower case.
cdef enum:
    _NAME_COUNT = 12
    _LONGEST = 6  # letters of the longest name
cdef const char *_FORMATTING_NAMES[_NAME_COUNT]
_FORMATTING_NAMES[:] = [b"b", b"big", b"code", b"em", b"font", b"i", b"s", b"small", b"strike",
                        b"strong", b"tt", b"u"]


# What a byte after "<" may start: 1 where it may start a counted tag ("/", "o", "O", a formatting
# name's first letter in either case, or a non-ASCII character), 0 where the tag is only a "<".
cdef unsigned char _FIRST[256]
for _byte in range(256):
    _FIRST[_byte] = _byte >= 128 or chr(_byte) in "/oObcefistuBCEFISTU"


cdef extern from "string.h":
    const void *memchr(const void *s, int c, size_t n) nogil


cdef inline bint _is_space(unsigned char c) noexcept nogil:
    """`str.isspace` of an ASCII character (what `\\s` matches below 128)."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef int _formatting_name(const unsigned char *p, Py_ssize_t n, Py_ssize_t *at) noexcept nogil:
    """The run of ASCII letters at `p[at[0]]`, as an index into `_FORMATTING_NAMES`; -1 if it is
    none of them, -2 if a non-ASCII character could still make a name (re.I matches "ſ" as "s",
    "ı" and "İ" as "i"). `at[0]` is moved past the run."""
    cdef char name[_LONGEST + 1]
    cdef Py_ssize_t k = at[0], size = 0, j
    cdef unsigned char c
    while k < n:
        c = p[k]
        if c >= 128:
            at[0] = k
            for j in range(_NAME_COUNT):
                if strncmp(name, _FORMATTING_NAMES[j], size) == 0:
                    return -2
            return -1
        if not (65 <= c <= 90 or 97 <= c <= 122):
            break
        if size == _LONGEST:
            at[0] = k
            return -1
        name[size] = c | 32
        size += 1
        k += 1
    at[0] = k
    if size == 0:
        return -1
    name[size] = 0
    for j in range(_NAME_COUNT):
        if strcmp(name, _FORMATTING_NAMES[j]) == 0:
            return j
    return -1


cdef extern from "string.h":
    int strncmp(const char *a, const char *b, size_t n) nogil
    int strcmp(const char *a, const char *b) nogil


def markup_counts(text):
    """What `warta.segment.bounds._may_exceed` counts in a page, in one C pass over its bytes:
    (the "<"s, the "</"s, the "<option"s and "<OPTION"s, the formatting start tags with
    attributes, and those of them left unclosed by end tags of their names).

    `text` is a page's UTF-8 bytes or a str of one-byte code points (its data is then Latin-1),
    where every ASCII character is one byte; None for a wider str. The last two counts are -1
    where a non-ASCII character stands where it could change them (case folding, a non-ASCII
    space): the caller's regular expressions answer that page.
    """
    cdef const unsigned char *p
    cdef Py_ssize_t n
    if isinstance(text, bytes):
        p = <const unsigned char *> (<bytes> text)
        n = len(<bytes> text)
    elif isinstance(text, str):
        if PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND:
            return None
        p = <const unsigned char *> PyUnicode_DATA(text)
        n = PyUnicode_GET_LENGTH(text)
    else:
        raise TypeError(f"markup_counts() needs bytes or a str, not {type(text).__name__}")
    cdef Py_ssize_t lt = 0, closes = 0, options = 0, starts = 0, unclosed = 0, i = 0, k
    cdef Py_ssize_t opened[_NAME_COUNT]
    cdef Py_ssize_t closed[_NAME_COUNT]
    cdef int name
    cdef bint unsure = False
    cdef const unsigned char *q
    for k in range(_NAME_COUNT):
        opened[k] = 0
        closed[k] = 0
    with nogil:
        while i < n:
            q = <const unsigned char *> memchr(p + i, 60, n - i)  # "<"
            if q == NULL:
                break
            i = q - p
            lt += 1
            k = i + 1
            i = k
            if k >= n or _FIRST[p[k]] == 0:  # (most tags: nothing to count but the "<")
                continue
            if p[k] == 47:  # "</name\s*>"
                closes += 1
                k += 1
                name = _formatting_name(p, n, &k)
                if name == -2:
                    unsure = True
                elif name >= 0:
                    while k < n and _is_space(p[k]):
                        k += 1
                    if k < n:
                        if p[k] == 62:
                            closed[name] += 1
                        elif p[k] >= 128:
                            unsure = True
            else:
                if k + 6 <= n and (
                    strncmp(<const char *> p + k, b"option", 6) == 0
                    or strncmp(<const char *> p + k, b"OPTION", 6) == 0
                ):
                    options += 1
                name = _formatting_name(p, n, &k)
                if name == -2:
                    unsure = True
                elif name >= 0 and k < n:
                    if _is_space(p[k]):
                        opened[name] += 1
                    elif p[k] >= 128:
                        unsure = True
    if unsure:
        return lt, closes, options, -1, -1
    for k in range(_NAME_COUNT):
        starts += opened[k]
        if opened[k] > closed[k]:
            unclosed += opened[k] - closed[k]
    return lt, closes, options, starts, unclosed


cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(uint32_t code)
    const Py_ssize_t PY_SSIZE_T_MAX


def is_plain_clean(text) -> bool:
    """Whether `text` (a str) is non-empty and has nothing `warta.meta.html_meta._clean` would
    change: no "&" (an entity to unescape), no soft hyphen, zero-width space or word joiner, no
    surrogate code point, and no whitespace but single spaces between other characters. One C
    loop; the Python reference is `html_meta._plainly_clean`."""
    if not isinstance(text, str):
        raise TypeError(f"is_plain_clean() needs a str, not {type(text).__name__}")
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef uint32_t code
    cdef bint space = True  # (the start counts as after a space: no leading space)
    if n == 0:
        return False
    for i in range(n):
        code = PyUnicode_READ(kind, data, i)
        if code == 32:
            if space:
                return False
            space = True
            continue
        space = False
        if code < 128:
            if code == 38 or Py_UNICODE_ISSPACE(code):  # "&", or a tab, newline...
                return False
        elif (
            code == 0xAD or code == 0x200B or code == 0x2060 or 0xD800 <= code <= 0xDFFF
            or Py_UNICODE_ISSPACE(code)
        ):
            return False
    return not space


# The UTF-8 encoder takes a block of 32 code points at once where all are ASCII: it tests them
# together and stores them narrowed to bytes. With SSE2 (every x86-64 CPU) that is a few vector
# instructions; elsewhere the block's 64-bit words are ORed together and the narrowing is a
# fixed-length loop the C compiler vectorizes. CPython's encoder takes every UCS-2 or UCS-4 code
# point alone: on a page of ASCII markup with a few non-ASCII letters, ten instructions each.
cdef extern from *:
    """
    #include <string.h>
    #if defined(__SSE2__) || defined(_M_X64)
    #include <emmintrin.h>
    static inline int warta_ascii32_ucs1(const uint8_t *p, unsigned char *out) {
        __m128i a = _mm_loadu_si128((const __m128i *)p);
        __m128i b = _mm_loadu_si128((const __m128i *)(p + 16));
        if (_mm_movemask_epi8(_mm_or_si128(a, b))) return 0;
        _mm_storeu_si128((__m128i *)out, a);
        _mm_storeu_si128((__m128i *)(out + 16), b);
        return 1;
    }
    static inline int warta_ascii32_ucs2(const uint16_t *p, unsigned char *out) {
        __m128i a = _mm_loadu_si128((const __m128i *)p);
        __m128i b = _mm_loadu_si128((const __m128i *)(p + 8));
        __m128i c = _mm_loadu_si128((const __m128i *)(p + 16));
        __m128i d = _mm_loadu_si128((const __m128i *)(p + 24));
        __m128i high = _mm_and_si128(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)),
                                     _mm_set1_epi16((short)0xFF80));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(high, _mm_setzero_si128())) != 0xFFFF) return 0;
        _mm_storeu_si128((__m128i *)out, _mm_packus_epi16(a, b));
        _mm_storeu_si128((__m128i *)(out + 16), _mm_packus_epi16(c, d));
        return 1;
    }
    static inline int warta_ascii32_ucs4(const uint32_t *p, unsigned char *out) {
        __m128i v[8], any = _mm_setzero_si128();
        int j;
        for (j = 0; j < 8; j++) {
            v[j] = _mm_loadu_si128((const __m128i *)(p + 4 * j));
            any = _mm_or_si128(any, v[j]);
        }
        any = _mm_and_si128(any, _mm_set1_epi32((int)0xFFFFFF80));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(any, _mm_setzero_si128())) != 0xFFFF) return 0;
        /* (ASCII code points saturate to themselves: 32 to 16 bits, then 16 to 8.) */
        _mm_storeu_si128((__m128i *)out,
                         _mm_packus_epi16(_mm_packs_epi32(v[0], v[1]), _mm_packs_epi32(v[2], v[3])));
        _mm_storeu_si128((__m128i *)(out + 16),
                         _mm_packus_epi16(_mm_packs_epi32(v[4], v[5]), _mm_packs_epi32(v[6], v[7])));
        return 1;
    }
    #else
    /* (The local copy lets the compiler vectorize the narrowing: `out` cannot overlap it.) */
    #define WARTA_ASCII32(name, unit, mask)                                       \\
    static inline int name(const unit *p, unsigned char *out) {                   \\
        unit block[32];                                                           \\
        uint64_t w[32 * sizeof(unit) / 8], any = 0;                               \\
        size_t j;                                                                 \\
        memcpy(block, p, sizeof(block));                                          \\
        memcpy(w, block, sizeof(block));                                         \\
        for (j = 0; j < sizeof(w) / 8; j++) any |= w[j];                          \\
        if (any & mask) return 0;                                                 \\
        for (j = 0; j < 32; j++) out[j] = (unsigned char)block[j];                \\
        return 1;                                                                 \\
    }
    WARTA_ASCII32(warta_ascii32_ucs1, uint8_t, 0x8080808080808080ULL)
    WARTA_ASCII32(warta_ascii32_ucs2, uint16_t, 0xFF80FF80FF80FF80ULL)
    WARTA_ASCII32(warta_ascii32_ucs4, uint32_t, 0xFFFFFF80FFFFFF80ULL)
    #endif
    """
    # Whether the 32 code points at `p` are all ASCII; if so, their 32 bytes are stored at `out`.
    bint warta_ascii32_ucs1(const uint8_t *p, unsigned char *out) noexcept nogil
    bint warta_ascii32_ucs2(const uint16_t *p, unsigned char *out) noexcept nogil
    bint warta_ascii32_ucs4(const uint32_t *p, unsigned char *out) noexcept nogil


cdef enum:
    _BLOCK = 32


cdef inline bint _ascii_block(const char_t *p, unsigned char *out) noexcept nogil:
    """Whether the `_BLOCK` code points at `p` are all ASCII; if so, their bytes are at `out`."""
    if char_t is uint8_t:
        return warta_ascii32_ucs1(p, out)
    elif char_t is uint16_t:
        return warta_ascii32_ucs2(p, out)
    else:
        return warta_ascii32_ucs4(p, out)


cdef unsigned char *_utf8_put(const char_t *p, Py_ssize_t n, unsigned char *out) noexcept nogil:
    """Writes the UTF-8 encoding of the `n` code points at `p` to `out`; returns the end of what
    it wrote, or NULL at a surrogate code point (which UTF-8 cannot encode)."""
    cdef Py_ssize_t k
    cdef uint32_t code
    for k in range(n):
        code = p[k]
        if code < 0x80:
            out[0] = <unsigned char> code
            out += 1
        elif code < 0x800:
            out[0] = <unsigned char> (0xC0 | (code >> 6))
            out[1] = <unsigned char> (0x80 | (code & 0x3F))
            out += 2
        elif code < 0x10000:
            if 0xD800 <= code <= 0xDFFF:
                return NULL
            out[0] = <unsigned char> (0xE0 | (code >> 12))
            out[1] = <unsigned char> (0x80 | ((code >> 6) & 0x3F))
            out[2] = <unsigned char> (0x80 | (code & 0x3F))
            out += 3
        else:
            out[0] = <unsigned char> (0xF0 | (code >> 18))
            out[1] = <unsigned char> (0x80 | ((code >> 12) & 0x3F))
            out[2] = <unsigned char> (0x80 | ((code >> 6) & 0x3F))
            out[3] = <unsigned char> (0x80 | (code & 0x3F))
            out += 4
    return out


cdef unsigned char *_utf8_write(const char_t *p, Py_ssize_t n, unsigned char *out) noexcept nogil:
    """`_utf8_put`, a block of ASCII code points at a time where it can."""
    cdef Py_ssize_t i = 0
    while i + _BLOCK <= n:
        if _ascii_block(p + i, out):
            out += _BLOCK
        else:
            out = _utf8_put(p + i, _BLOCK, out)
            if out == NULL:
                return NULL
        i += _BLOCK
    return _utf8_put(p + i, n - i, out)


def utf8_encoded(text):
    """`text.encode("utf-8")` for a str (or a subclass); None where `text` holds a surrogate code
    point, which that raises UnicodeEncodeError for. One C pass over the code points, a block of
    ASCII ones at a time, into bytes as long as the widest encoding, then cut to what it wrote."""
    if not isinstance(text, str):
        raise TypeError(f"utf8_encoded() needs a str, not {type(text).__name__}")
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    # The most bytes a code point takes: two for a one-byte str, three for UCS-2 (a code point
    # that takes four makes a str UCS-4), four for UCS-4.
    cdef Py_ssize_t widest = 2 if kind == PyUnicode_1BYTE_KIND else (3 if kind == PyUnicode_2BYTE_KIND else 4)
    if n > PY_SSIZE_T_MAX // widest:
        raise MemoryError
    cdef object encoded = PyBytes_FromStringAndSize(NULL, n * widest)
    cdef unsigned char *start = <unsigned char *> PyBytes_AS_STRING(encoded)
    cdef unsigned char *end
    with nogil:
        if kind == PyUnicode_1BYTE_KIND:
            end = _utf8_write(<const uint8_t *> data, n, start)
        elif kind == PyUnicode_2BYTE_KIND:
            end = _utf8_write(<const uint16_t *> data, n, start)
        else:
            end = _utf8_write(<const uint32_t *> data, n, start)
    if end == NULL:
        return None
    # `_PyBytes_Resize` takes over the only reference to the bytes (and may move them): `raw`
    # holds it while `encoded` lets go, and hands it back.
    cdef PyObject *raw = <PyObject *> encoded
    Py_INCREF(encoded)
    encoded = None
    _PyBytes_Resize(&raw, end - start)
    encoded = <object> raw
    Py_DECREF(encoded)
    return encoded
# ---- `warta.lexicon.normalise_marker`, `normalise_lines` ----

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)

from unicodedata import is_normalized as _is_normalized, normalize as _normalize


cdef struct EdgeSet:
    # The characters `str.strip(edges)` takes: ASCII ones as bits, the others listed.
    uint64_t ascii[2]
    Py_UCS4 others[32]
    Py_ssize_t count


cdef EdgeSet _edge_set(str edges) except *:
    cdef EdgeSet found
    cdef Py_UCS4 c
    cdef uint32_t code
    found.ascii[0] = found.ascii[1] = 0
    found.count = 0
    for c in edges:
        code = c
        if code < 128:
            found.ascii[code >> 6] |= (<uint64_t>1) << (code & 63)
        elif found.count < 32:
            found.others[found.count] = c
            found.count += 1
        else:
            raise ValueError("at most 32 non-ASCII edge characters")
    return found


cdef inline bint _is_edge(const EdgeSet *edges, Py_UCS4 c) noexcept nogil:
    cdef Py_ssize_t k
    cdef uint32_t code = c
    if code < 128:
        return (edges.ascii[code >> 6] >> (code & 63)) & 1
    for k in range(edges.count):
        if edges.others[k] == c:
            return True
    return False


cdef Py_ssize_t _collapsed(const char_t *data, Py_ssize_t n, bint ascii, Py_UCS4 *out) noexcept:
    """Write `" ".join(text.split())` of the `n` code points at `data` to `out` (ASCII capitals
    lowered first where `ascii`: `str.lower` of an ASCII text), and return its length."""
    cdef Py_ssize_t i, size = 0
    cdef bint gap = False
    cdef uint32_t c
    for i in range(n):
        c = data[i]
        if c < 128:
            if c == 32 or (9 <= c <= 13) or (28 <= c <= 31):  # the ASCII `str.isspace` characters
                gap = size > 0
                continue
            if ascii and 65 <= c <= 90:
                c += 32
        elif Py_UNICODE_ISSPACE(c):
            gap = size > 0
            continue
        if gap:
            out[size] = 32
            size += 1
            gap = False
        out[size] = c
        size += 1
    return size


cdef Py_ssize_t _collapsed_of(str text, bint ascii, Py_UCS4 *out) noexcept:
    """`_collapsed` of `text`, by the width of its code points."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return _collapsed(<const uint8_t *> PyUnicode_DATA(text), n, ascii, out)
    if kind == PyUnicode_2BYTE_KIND:
        return _collapsed(<const uint16_t *> PyUnicode_DATA(text), n, ascii, out)
    return _collapsed(<const uint32_t *> PyUnicode_DATA(text), n, ascii, out)


cdef class _Buffer:
    """A growing scratch array of code points, for one call."""

    cdef Py_UCS4 *data
    cdef Py_ssize_t size

    def __dealloc__(self):
        PyMem_Free(self.data)

    cdef Py_UCS4 *at_least(self, Py_ssize_t size) except NULL:
        if size > self.size or self.data == NULL:
            PyMem_Free(self.data)
            self.data = NULL
            self.size = 0
            self.data = <Py_UCS4 *> PyMem_Malloc(max(size, 64) * sizeof(Py_UCS4))
            if self.data == NULL:
                raise MemoryError()
            self.size = max(size, 64)
        return self.data


cdef str _normalised(object text, const EdgeSet *edges, _Buffer buffer):
    """`" ".join(lowered.split()).strip(edges)`, `lowered` the text NFKC'd and lower-cased (a str
    or a subclass; anything else, None too, is refused before its storage is read)."""
    if not isinstance(text, str):
        raise TypeError(f"a str is needed, not {type(text).__name__}")
    cdef bint ascii = PyUnicode_IS_ASCII(text)
    cdef str source
    if ascii:
        source = <str> text
    else:
        # (`str.lower` gives an exact str, a subclass's text too.)
        source = (text if _is_normalized("NFKC", text) else _normalize("NFKC", text)).lower()
    cdef Py_ssize_t start = 0, end
    cdef Py_UCS4 *out = buffer.at_least(PyUnicode_GET_LENGTH(source))
    end = _collapsed_of(source, ascii, out)
    while start < end and _is_edge(edges, out[start]):
        start += 1
    while end > start and _is_edge(edges, out[end - 1]):
        end -= 1
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out + start, end - start)


def normalised(text, str edges not None):
    """`lexicon.normalise_marker(text)` with `edges` its `EDGE_PUNCTUATION`: NFKC (not for ASCII),
    lower case, whitespace runs made one space, `edges` stripped; one C pass over the text (an
    ASCII text is lowered here too)."""
    cdef EdgeSet edge_set = _edge_set(edges)
    return _normalised(text, &edge_set, _Buffer())


def normalised_lines(list texts not None, str edges not None):
    """`normalised` of each of `texts`."""
    cdef EdgeSet edge_set = _edge_set(edges)
    cdef _Buffer buffer = _Buffer()
    cdef Py_ssize_t row, count = len(texts)
    cdef list out = [None] * count
    for row in range(count):
        out[row] = _normalised(texts[row], &edge_set, buffer)
    return out


def squeeze_spaces(text) -> str:
    """`" ".join(text.split())` of a str: its words (runs of anything but whitespace by
    `str.split`, whose test is `Py_UNICODE_ISSPACE`) joined by single spaces, made by the marker
    normaliser's C pass (`_collapsed`, without lowering) rather than as a list of words.
    `text` itself where that changes nothing. The Python reference is that expression
    (`html_meta._squeezed`); a JSON-LD `articleBody` is one of the texts it squeezes."""
    if not isinstance(text, str):
        raise TypeError(f"squeeze_spaces() needs a str, not {type(text).__name__}")
    cdef _Buffer buffer = _Buffer()
    cdef Py_UCS4 *out = buffer.at_least(PyUnicode_GET_LENGTH(text))
    squeezed = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, _collapsed_of(<str> text, False, out))
    return text if squeezed == text else squeezed
