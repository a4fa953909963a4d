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
from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
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
# The same names, their letters packed into an integer each, first letter highest (as
# `_formatting_name` packs a name of at most `_LONGEST` letters).
cdef uint64_t _PACKED_NAMES[_NAME_COUNT]
# 1 for the first letter of a name (lower case), 0 for any other byte.
cdef unsigned char _NAME_START[256]
for _j in range(_NAME_COUNT):
    _PACKED_NAMES[_j] = int.from_bytes(_FORMATTING_NAMES[_j], "big")
    _NAME_START[<unsigned char> _FORMATTING_NAMES[_j][0]] = 1


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
    cdef uint64_t packed = 0
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
        packed = (packed << 8) | (c | 32)
        size += 1
        k += 1
    at[0] = k
    # The name's letters packed into one integer are told from the packed names by integer
    # compares (twelve `strcmp` calls on each of a page's thousands of "</" cost far more),
    # where its first letter starts one of them at all.
    if size == 0 or not _NAME_START[<unsigned char> name[0]]:
        return -1
    for j in range(_NAME_COUNT):
        if packed == _PACKED_NAMES[j]:
            return j
    return -1


cdef extern from "string.h":
    int strncmp(const char *a, const char *b, size_t n) nogil


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
                if (p[k] | 32) == 111 and k + 6 <= n and (  # ("o" or "O" first)
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

from unicodedata import combining as _combining, is_normalized as _is_normalized, normalize as _normalize


# Most non-ASCII texts of a news page hold only Latin, Cyrillic and punctuation code points ("é",
# "ф", "“", "–", "…", a no-break space). For those, NFKC then `str.lower` is a per-code-point map,
# made here once from `unicodedata` and `str.lower` themselves, so `_normalised` needs no Python
# call: the text's NFKC is the concatenation of its code points' NFKC where every one is a
# starter (combining class 0) whose decomposition starts with a starter and which no canonical
# composition takes as its second part (the quick check's "yes"; `tests/test_textscan.py` checks
# that of every mapped code point against the whole Unicode database), or one that NFKC turns
# into ASCII (nothing composes with ASCII). `str.lower` maps each code point alone but for the
# capital sigma (its final form depends on the next letters), which is left unmapped.
cdef enum:
    _MAPPED_LOW_END = 0x500  # [0x80, 0x500): Latin-1, Latin Extended, IPA, Greek, Cyrillic
    _MAPPED_PUNCT = 0x2000  # [0x2000, 0x2200): punctuation, scripts, currency, letterlike, arrows
    _MAPPED_PUNCT_END = 0x2200
    _MAPPED_SIZE = _MAPPED_LOW_END + (_MAPPED_PUNCT_END - _MAPPED_PUNCT)
    _MAPPED_MAX = 4  # the most code points one maps to

cdef uint16_t _MAPPED[_MAPPED_SIZE][_MAPPED_MAX]
cdef uint8_t _MAPPED_LENGTH[_MAPPED_SIZE]  # 0: unmapped (the text takes the general path)


def _mapping_of(code: int) -> str | None:
    """What NFKC then `str.lower` make of the code point `code` in any text, or None where that
    depends on its neighbours, or is longer than `_MAPPED_MAX` or leaves the BMP."""
    char = chr(code)
    nfkc = _normalize("NFKC", char)
    if nfkc == char:
        first = _normalize("NFKD", char)[0]
        if _combining(char) or _combining(first):
            return None
    elif not nfkc.isascii():
        return None
    if "\u03a3" in nfkc:
        return None
    lowered = nfkc.lower()
    if not 0 < len(lowered) <= _MAPPED_MAX or any(ord(c) > 0xFFFF for c in lowered):
        return None
    return lowered


def mapped_code_points() -> dict[int, str]:
    """The code points `_normalised` maps without Python calls, and what each becomes."""
    found = {}
    cdef Py_ssize_t index, k
    for index in range(_MAPPED_SIZE):
        if _MAPPED_LENGTH[index]:
            code = index if index < _MAPPED_LOW_END else index - _MAPPED_LOW_END + _MAPPED_PUNCT
            found[code] = "".join(chr(_MAPPED[index][k]) for k in range(_MAPPED_LENGTH[index]))
    return found


cdef void _fill_mapped() except *:
    cdef Py_ssize_t index, k
    for index in range(_MAPPED_SIZE):
        _MAPPED_LENGTH[index] = 0
        code = index if index < _MAPPED_LOW_END else index - _MAPPED_LOW_END + _MAPPED_PUNCT
        if code < 128:
            continue
        lowered = _mapping_of(code)
        if lowered is None:
            continue
        for k in range(len(lowered)):
            _MAPPED[index][k] = ord(lowered[k])
        _MAPPED_LENGTH[index] = len(lowered)


_fill_mapped()


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


# Each ASCII code point as the normalisers write it: `_ASCII_SPACE` for the `str.isspace` ones,
# the code point lowered for the others (one lookup instead of a chain of tests).
cdef enum:
    _ASCII_SPACE = 0xFF  # (no ASCII code point)
cdef unsigned char _ASCII_FOLDED[128]
for _code in range(128):
    _ASCII_FOLDED[_code] = _ASCII_SPACE if chr(_code).isspace() else ord(chr(_code).lower())

# What the collapsing scans write: bytes (an ASCII text) or code points.
ctypedef fused out_t:
    unsigned char
    Py_UCS4


cdef inline bint _ascii_space(uint32_t c) noexcept nogil:
    """Whether the ASCII `c` is one of the ASCII `str.isspace` characters."""
    return _ASCII_FOLDED[c] == _ASCII_SPACE


cdef inline Py_ssize_t _put(out_t *out, Py_ssize_t size, bint gap, uint32_t c) noexcept nogil:
    """Write `c` at `out[size]`, after one space where `gap` (white space met since the last
    code point written), and return the new size."""
    if gap:
        out[size] = 32
        size += 1
    out[size] = <out_t> c
    return size + 1


cdef inline Py_ssize_t _edges_stripped(const EdgeSet *edges, const out_t *out, Py_ssize_t *end) noexcept nogil:
    """Where `out[:end[0]]` starts without its leading `edges`; `end[0]` moved before its
    trailing ones."""
    cdef Py_ssize_t start = 0
    while start < end[0] and _is_edge(edges, out[start]):
        start += 1
    while end[0] > start and _is_edge(edges, out[end[0] - 1]):
        end[0] -= 1
    return start


cdef Py_ssize_t _collapsed(const char_t *data, Py_ssize_t n, Py_UCS4 *out) noexcept:
    """Write `" ".join(text.split())` of the `n` code points at `data` to `out`, and return its
    length."""
    cdef Py_ssize_t i, size = 0
    cdef bint gap = False
    cdef uint32_t c
    for i in range(n):
        c = data[i]
        if c < 128:
            if _ascii_space(c):
                gap = size > 0
                continue
        elif Py_UNICODE_ISSPACE(c):
            gap = size > 0
            continue
        size = _put(out, size, gap, c)
        gap = False
    return size


cdef Py_ssize_t _mapped_collapsed(const char_t *data, Py_ssize_t n, Py_UCS4 *out) noexcept:
    """`_collapsed` of the `n` code points at `data` made NFKC and lower-cased by `_MAPPED`
    (ASCII capitals lowered), into `out` (room for `_MAPPED_MAX` * `n`); -1 where a code point
    is not mapped."""
    cdef Py_ssize_t i, size = 0, index, k, length
    cdef bint gap = False
    cdef uint32_t c
    for i in range(n):
        c = data[i]
        if c < 128:
            c = _ASCII_FOLDED[c]
            if c == _ASCII_SPACE:
                gap = size > 0
                continue
            size = _put(out, size, gap, c)
            gap = False
            continue
        if c < _MAPPED_LOW_END:
            index = c
        elif _MAPPED_PUNCT <= c < _MAPPED_PUNCT_END:
            index = c - _MAPPED_PUNCT + _MAPPED_LOW_END
        else:
            return -1
        length = _MAPPED_LENGTH[index]
        if length == 0:
            return -1
        for k in range(length):
            c = _MAPPED[index][k]
            if (_ascii_space(c) if c < 128 else Py_UNICODE_ISSPACE(c)):
                gap = size > 0
                continue
            size = _put(out, size, gap, c)
            gap = False
    return size


cdef Py_ssize_t _mapped_collapsed_of(str text, Py_UCS4 *out) noexcept:
    """`_mapped_collapsed` of `text`, by the width of its code points."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return _mapped_collapsed(<const uint8_t *> PyUnicode_DATA(text), n, out)
    if kind == PyUnicode_2BYTE_KIND:
        return _mapped_collapsed(<const uint16_t *> PyUnicode_DATA(text), n, out)
    return _mapped_collapsed(<const uint32_t *> PyUnicode_DATA(text), n, out)


cdef Py_ssize_t _collapsed_of(str text, Py_UCS4 *out) noexcept:
    """`_collapsed` of `text`, by the width of its code points."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return _collapsed(<const uint8_t *> PyUnicode_DATA(text), n, out)
    if kind == PyUnicode_2BYTE_KIND:
        return _collapsed(<const uint16_t *> PyUnicode_DATA(text), n, out)
    return _collapsed(<const uint32_t *> PyUnicode_DATA(text), n, out)


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


cdef str _ascii_normalised(str text, const EdgeSet *edges, _Buffer buffer):
    """`_normalised` of an ASCII `text`: `_collapsed` by `_ASCII_FOLDED` into bytes, and the
    result made a 1-byte str at once (no 4-byte copy to narrow)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, size = 0, start
    cdef const unsigned char *data = <const unsigned char *> PyUnicode_DATA(text)
    cdef unsigned char *out = <unsigned char *> buffer.at_least(n)
    cdef unsigned char c
    cdef bint gap = False
    for i in range(n):
        c = _ASCII_FOLDED[data[i]]
        if c == _ASCII_SPACE:
            gap = size > 0
            continue
        size = _put(out, size, gap, c)
        gap = False
    start = _edges_stripped(edges, out, &size)
    return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, out + start, size - start)


cdef str _normalised(object text, const EdgeSet *edges, _Buffer buffer):
    """`" ".join(lowered.split()).strip(edges)`, `lowered` the text NFKC'd and lower-cased (a str
    or a subclass; anything else, None too, is refused before its storage is read)."""
    if not isinstance(text, str):
        raise TypeError(f"a str is needed, not {type(text).__name__}")
    if PyUnicode_IS_ASCII(text):
        return _ascii_normalised(<str> text, edges, buffer)
    cdef str source
    cdef Py_ssize_t start, end
    cdef Py_UCS4 *out = buffer.at_least(_MAPPED_MAX * PyUnicode_GET_LENGTH(text))
    end = _mapped_collapsed_of(<str> text, out)
    if end < 0:  # a code point `_MAPPED` leaves to NFKC and `str.lower` themselves
        # (`str.lower` gives an exact str, a subclass's text too.)
        source = (text if _is_normalized("NFKC", text) else _normalize("NFKC", text)).lower()
        out = buffer.at_least(PyUnicode_GET_LENGTH(source))
        end = _collapsed_of(source, out)
    start = _edges_stripped(edges, out, &end)
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
    squeezed = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, _collapsed_of(<str> text, out))
    return text if squeezed == text else squeezed


# ---------------------------------------------------------------------------------------------
# The script and style contents nothing reads, left out of a page before parsing: the scan of
# `warta.segment.rawtext.elide_raw_text_python` (its reference, whose docstring says what it
# follows and where it stops), over the page's bytes with memchr between the "<"s.

cdef extern from "string.h":
    int memcmp(const void *a, const void *b, size_t n) nogil
    void *memcpy(void *dest, const void *src, size_t n) nogil

cdef enum:
    _MAX_FOREIGN_DEPTH = 256
    _MAX_SCRIPT_BYTES = 1_000_000  # `html_meta._MAX_SCRIPT_CHARS` (the probe checks they agree)
    # What a tag name is to the scan (`_name_kind`).
    _K_OTHER = 0
    _K_STOP_HTML = 1  # template, frameset, plaintext
    _K_SELECT = 2
    _K_OPTION = 3  # option, optgroup
    _K_ROOT = 4  # svg, math
    _K_SCRIPT = 5
    _K_STYLE = 6
    _K_RAW = 7  # textarea, title, xmp, iframe, noembed, noframes
    _K_VOID = 8
    _K_TIME = 9
    _K_BREAKOUT = 10  # a start tag that stops the scan in foreign content, and no other kind
    _K_TEXT_ONLY = 11  # desc (title is _K_RAW)
    _K_MERGED = 12  # html, body (also breakout tags in foreign content)
    # The attributes a tag's scan keeps the first value of.
    _A_TYPE = 0
    _A_ITEMPROP = 1
    _A_DATETIME = 2
    _A_CONTENT = 3
    _A_COUNT = 4


cdef struct _Tag:
    Py_ssize_t end  # after its ">", -1 where the page ends first
    bint closed  # self-closing
    Py_ssize_t start[_A_COUNT]  # where the value of each kept attribute starts (-1: absent)
    Py_ssize_t stop[_A_COUNT]


# What each byte is to the tag scan, as bit flags (one table lookup a byte).
cdef enum:
    _C_SPACE = 1  # a space to the tokenizer (a CR is a line feed to it)
    _C_SLASH = 2
    _C_GT = 4
    _C_EQUALS = 8
    _C_NAME_END = _C_SPACE | _C_SLASH | _C_GT  # what ends a tag name
    _C_ATTRIBUTE_END = _C_NAME_END | _C_EQUALS  # what ends an attribute name
    _C_VALUE_END = _C_SPACE | _C_GT  # what ends an unquoted value
    _C_NUL = 16  # (a bytes object's data ends in one: see `_skip_to`)
cdef unsigned char _CLASS[256]
for _byte in range(256):
    _CLASS[_byte] = (
        (_C_SPACE if _byte in b"\t\n\x0c\r " else 0)
        | (_C_SLASH if _byte == 47 else 0)
        | (_C_GT if _byte == 62 else 0)
        | (_C_EQUALS if _byte == 61 else 0)
        | (_C_NUL if _byte == 0 else 0)
    )


cdef inline bint _space(unsigned char c) noexcept nogil:
    return _CLASS[c] & _C_SPACE


cdef inline bint _name_end_at(unsigned char c) noexcept nogil:
    return _CLASS[c] & _C_NAME_END


cdef inline bint _letter(unsigned char c) noexcept nogil:
    return 65 <= c <= 90 or 97 <= c <= 122


cdef unsigned char _LOWER[256]  # ASCII lower case
for _byte in range(256):
    _LOWER[_byte] = _byte | 32 if 65 <= _byte <= 90 else _byte


cdef inline unsigned char _lower(unsigned char c) noexcept nogil:
    return _LOWER[c]


cdef inline Py_ssize_t _skip_to(const unsigned char *p, Py_ssize_t n, Py_ssize_t i, unsigned char ends) noexcept nogil:
    """The first place from `i` of a byte of the classes `ends`, or `n`. `p` is a bytes object's
    data, which ends in a NUL: the loop looks at the bounds only at a NUL."""
    while True:
        while not _CLASS[p[i]] & (ends | _C_NUL):
            i += 1
        if p[i] != 0 or i >= n:
            return i
        i += 1  # (a NUL of the page)


cdef bint _same_caseless(const unsigned char *p, Py_ssize_t n, const char *lower) noexcept nogil:
    """Whether the `n` bytes at `p` are `lower` (a lower-case ASCII name of `n` letters) up to ASCII case."""
    cdef Py_ssize_t k
    for k in range(n):
        if _lower(p[k]) != <unsigned char> lower[k]:
            return False
    return True


cdef extern from "string.h":
    size_t strlen(const char *s) nogil

# The names the scan knows and their kinds, found by a hash of length and first and last letters.
cdef enum:
    _KNOWN_NAMES = 96
cdef const char *_NAMES[_KNOWN_NAMES]
cdef Py_ssize_t _NAME_SIZES[_KNOWN_NAMES]
cdef int _NAME_KINDS[_KNOWN_NAMES]
cdef int _NAME_NEXT[_KNOWN_NAMES]  # the next name of the same hash, -1 after the last
cdef int _NAME_FIRST[256]  # the first name of each hash, -1 for none


cdef inline unsigned int _name_hash(const unsigned char *p, Py_ssize_t n) noexcept nogil:
    return (<unsigned int> n * 7 + _lower(p[0]) * 3 + _lower(p[n - 1])) & 255


# (A C-level tuple: the names' bytes, which `_NAMES` points into, stay as long as the module.)
cdef tuple _KNOWN = tuple(
    [(b"template", _K_STOP_HTML), (b"frameset", _K_STOP_HTML), (b"plaintext", _K_STOP_HTML),
     (b"select", _K_SELECT), (b"option", _K_OPTION), (b"optgroup", _K_OPTION),
     (b"svg", _K_ROOT), (b"math", _K_ROOT), (b"script", _K_SCRIPT), (b"style", _K_STYLE),
     (b"textarea", _K_RAW), (b"title", _K_RAW), (b"xmp", _K_RAW), (b"iframe", _K_RAW),
     (b"noembed", _K_RAW), (b"noframes", _K_RAW), (b"time", _K_TIME), (b"desc", _K_TEXT_ONLY),
     (b"html", _K_MERGED), (b"body", _K_MERGED)]
    + [(_void, _K_VOID) for _void in (
        b"area", b"base", b"basefont", b"bgsound", b"br", b"col", b"embed", b"frame", b"hr", b"image",
        b"img", b"input", b"keygen", b"link", b"meta", b"param", b"source", b"track", b"wbr")]
    + [(_other, _K_BREAKOUT) for _other in (
        b"b", b"big", b"blockquote", b"center", b"code", b"dd", b"div", b"dl", b"dt", b"em",
        b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"head", b"i", b"li", b"listing", b"menu", b"nobr",
        b"ol", b"p", b"pre", b"ruby", b"s", b"small", b"span", b"strong", b"strike", b"sub", b"sup",
        b"table", b"tt", b"u", b"ul", b"var", b"font", b"foreignobject", b"annotation-xml", b"mi",
        b"mo", b"mn", b"ms", b"mtext", b"noscript")]
)


cdef int _index_names(tuple known) except -1:
    cdef Py_ssize_t j
    cdef unsigned int h
    cdef bytes name
    if len(known) > _KNOWN_NAMES:
        raise AssertionError("raise _KNOWN_NAMES")
    for j in range(256):
        _NAME_FIRST[j] = -1
    for j in range(len(known)):
        name = known[j][0]
        _NAMES[j] = name
        _NAME_SIZES[j] = len(name)
        _NAME_KINDS[j] = known[j][1]
        h = _name_hash(name, len(name))
        _NAME_NEXT[j] = _NAME_FIRST[h]
        _NAME_FIRST[h] = j
    return 0


_index_names(_KNOWN)


cdef inline bint _void_breakout(const unsigned char *p, Py_ssize_t n) noexcept nogil:
    """The void elements that are breakout tags in foreign content (which stop the scan there)."""
    return (
        (n == 2 and (_same_caseless(p, 2, b"br") or _same_caseless(p, 2, b"hr")))
        or (n == 3 and _same_caseless(p, 3, b"img"))
        or (n == 4 and _same_caseless(p, 4, b"meta"))
        or (n == 5 and _same_caseless(p, 5, b"embed"))
    )


cdef int _name_kind(const unsigned char *p, Py_ssize_t n) noexcept nogil:
    """What the tag name of `n` bytes at `p` is to the scan (its kind, `_K_OTHER` for most)."""
    if n == 0 or n > 14:
        return _K_OTHER
    cdef int j = _NAME_FIRST[_name_hash(p, n)]
    while j >= 0:
        if _NAME_SIZES[j] == n and _same_caseless(p, n, _NAMES[j]):
            return _NAME_KINDS[j]
        j = _NAME_NEXT[j]
    return _K_OTHER


cdef int _attribute_of(const unsigned char *p, Py_ssize_t n) noexcept nogil:
    """Which kept attribute (`_A_TYPE`...) the attribute name of `n` bytes at `p` is; -1 for others."""
    if n == 4 and _same_caseless(p, 4, b"type"):
        return _A_TYPE
    if n == 8 and _same_caseless(p, 8, b"itemprop"):
        return _A_ITEMPROP
    if n == 8 and _same_caseless(p, 8, b"datetime"):
        return _A_DATETIME
    if n == 7 and _same_caseless(p, 7, b"content"):
        return _A_CONTENT
    return -1


cdef inline void _keep_value(_Tag *tag, int which, Py_ssize_t start, Py_ssize_t stop) noexcept nogil:
    if which >= 0 and tag.start[which] < 0:  # (the first one: the tokenizer drops repeats)
        tag.start[which] = start
        tag.stop[which] = stop


cdef inline void _scan_tag(const unsigned char *p, Py_ssize_t n, Py_ssize_t i, _Tag *tag) noexcept nogil:
    """The tag whose name ends at `i`: where it ends, whether it is self-closing, and the values
    of its kept attributes (`_tag_end` of the reference)."""
    cdef int k, which
    cdef Py_ssize_t start
    cdef unsigned char c
    cdef const unsigned char *q
    for k in range(_A_COUNT):
        tag.start[k] = -1
    tag.closed = False
    tag.end = -1
    while True:  # before an attribute name
        while _space(p[i]):  # (the NUL after the data ends it)
            i += 1
        if i >= n:
            return
        c = p[i]
        if c == 62:  # ">"
            tag.end = i + 1
            return
        if c == 47:  # "/": self-closing if ">" follows, else read as a space
            if i + 1 >= n:
                return
            if p[i + 1] == 62:
                tag.end = i + 2
                tag.closed = True
                return
            i += 1
            continue
        start = i
        i += 1  # (a first "=" is part of the name)
        i = _skip_to(p, n, i, _C_ATTRIBUTE_END)
        which = _attribute_of(p + start, i - start)
        while _space(p[i]):
            i += 1
        if i >= n:
            return
        if p[i] != 61:  # "=": else an attribute without a value
            _keep_value(tag, which, i, i)
            continue
        i += 1
        while _space(p[i]):
            i += 1
        if i >= n:
            return
        c = p[i]
        if c == 34 or c == 39:  # a quoted value, up to the same quote
            q = <const unsigned char *> memchr(p + i + 1, c, n - i - 1)
            if q == NULL:
                return
            _keep_value(tag, which, i + 1, q - p)
            i = q - p + 1
        elif c == 62:
            _keep_value(tag, which, i, i)
            tag.end = i + 1
            return
        else:  # unquoted, up to a space or ">"
            start = i
            i = _skip_to(p, n, i, _C_VALUE_END)
            _keep_value(tag, which, start, i)


cdef Py_ssize_t _name_stop(const unsigned char *p, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    return _skip_to(p, n, i, _C_NAME_END)


cdef bint _holds(
    const unsigned char *p, Py_ssize_t i, Py_ssize_t end, const char *needle, Py_ssize_t size, Py_ssize_t anchor
) noexcept nogil:
    """Whether `needle` (of `size` bytes) is in p[i:end]. The search looks for its byte at
    `anchor`, the rarest in scripts ("b" of "ubli", not "u")."""
    cdef const unsigned char *q
    cdef Py_ssize_t last = end - size + anchor  # the last place the anchor byte may be
    i += anchor
    while i <= last:
        q = <const unsigned char *> memchr(p + i, needle[anchor], last + 1 - i)
        if q == NULL:
            return False
        i = q - p
        if memcmp(q - anchor, needle, size) == 0:
            return True
        i += 1
    return False


cdef Py_ssize_t _raw_text_stop(
    const unsigned char *p, Py_ssize_t n, Py_ssize_t i, const unsigned char *name, Py_ssize_t size,
    bint *escaped
) noexcept nogil:
    """Where the raw text from `i` of the element whose name is the `size` bytes at `name` ends:
    its first "</name" in any ASCII case followed by a space, "/" or ">"; -1 if none does.
    `escaped`: whether the text holds both "<!--" and "<script" in any ASCII case."""
    cdef const unsigned char *q
    cdef Py_ssize_t after, k
    cdef bint comment = False, script = False
    escaped[0] = False
    while i < n:
        q = <const unsigned char *> memchr(p + i, 60, n - i)
        if q == NULL:
            return -1
        i = q - p
        after = i + 2 + size
        if after < n and q[1] == 47 and _name_end_at(p[after]):
            for k in range(size):
                if _lower(q[2 + k]) != _lower(name[k]):
                    break
            else:
                escaped[0] = comment and script
                return i
        if i + 4 <= n and q[1] == 33 and q[2] == 45 and q[3] == 45:  # "<!--"
            comment = True
        elif i + 7 <= n and _same_caseless(q + 1, 6, b"script"):
            script = True
        i += 1
    return -1


cdef bint _holds_text_only(const unsigned char *p, Py_ssize_t n, Py_ssize_t pos, const unsigned char *name, Py_ssize_t size) noexcept nogil:
    """Whether the element whose start tag ends at `pos` holds text only (the reference's)."""
    cdef const unsigned char *q
    cdef Py_ssize_t at, k
    if pos < 0:
        return False
    q = <const unsigned char *> memchr(p + pos, 60, n - pos)
    if q == NULL:
        return False
    at = q - p
    if at + 2 + size >= n or q[1] != 47 or not _name_end_at(q[2 + size]):
        return False
    for k in range(size):
        if _lower(q[2 + k]) != _lower(name[k]):
            return False
    return True


cdef bint _value_has_alnum(const unsigned char *p, Py_ssize_t start, Py_ssize_t stop) noexcept nogil:
    cdef Py_ssize_t k
    cdef unsigned char c
    cdef bint alnum = False
    for k in range(start, stop):
        c = p[k]
        if c == 38:  # "&"
            return False
        if _letter(c) or 48 <= c <= 57:
            alnum = True
    return alnum


cdef bint _text_read(const unsigned char *p, int kind, const _Tag *tag) noexcept nogil:
    """Whether `html_meta` may read the element's whole text (the reference's `_text_read`)."""
    cdef Py_ssize_t k
    if kind == _K_VOID:
        return False
    if kind == _K_TIME and not (
        tag.start[_A_DATETIME] >= 0 and _value_has_alnum(p, tag.start[_A_DATETIME], tag.stop[_A_DATETIME])
    ):
        return True
    if tag.start[_A_ITEMPROP] < 0:
        return False
    if tag.start[_A_CONTENT] >= 0 and tag.stop[_A_CONTENT] > tag.start[_A_CONTENT]:
        return False
    if tag.start[_A_DATETIME] >= 0 and tag.stop[_A_DATETIME] > tag.start[_A_DATETIME]:
        return False
    if _find_caseless_word(p, tag.start[_A_ITEMPROP], tag.stop[_A_ITEMPROP], b"date", 4):
        return True
    return memchr(p + tag.start[_A_ITEMPROP], 38, tag.stop[_A_ITEMPROP] - tag.start[_A_ITEMPROP]) != NULL


cdef bint _find_caseless_word(const unsigned char *p, Py_ssize_t start, Py_ssize_t stop, const char *lower, Py_ssize_t size) noexcept nogil:
    """Whether `lower` (lower-case ASCII) is in p[start:stop] up to ASCII case."""
    cdef Py_ssize_t i
    for i in range(start, stop - size + 1):
        if _same_caseless(p + i, size, lower):
            return True
    return False


# The quoted keys of the date search's pattern (`html_meta._SCRIPT_DATE_KEYS`) that hold "ubli",
# and where: each "ubli" of a script is tried as the one of each key. ("date_posted", the other
# key, is searched by itself.)
cdef enum:
    _UBLI_KEYS = 6
cdef const char *_UBLI_KEY[_UBLI_KEYS]
_UBLI_KEY[:] = [b'"datePublished"', b'"publishedAt"', b'"published_at"', b'"publishDate"',
                b'"publish_date"', b'"first_publication_date"']
cdef Py_ssize_t _UBLI_AT[_UBLI_KEYS]
_UBLI_AT[:] = [6, 2, 2, 2, 2, 8]


cdef bint _holds_quoted_key(const unsigned char *p, Py_ssize_t start, Py_ssize_t stop) noexcept nogil:
    """Whether p[start:stop] holds one of the quoted keys with "ubli" in them."""
    cdef const unsigned char *q
    cdef Py_ssize_t i = start + 1, at, size
    cdef int k
    while i <= stop - 3:  # ("b" of an "ubli" that fits)
        q = <const unsigned char *> memchr(p + i, 98, stop - 2 - i)
        if q == NULL:
            return False
        i = q - p
        if p[i - 1] == 117 and p[i + 1] == 108 and p[i + 2] == 105:  # "u", "l", "i"
            for k in range(_UBLI_KEYS):
                at = i - 1 - _UBLI_AT[k]
                size = <Py_ssize_t> strlen(_UBLI_KEY[k])
                if at >= start and at + size <= stop and memcmp(p + at, _UBLI_KEY[k], size) == 0:
                    return True
        i += 1
    return False


cdef bint _keeps_script(const unsigned char *p, const _Tag *tag, Py_ssize_t start, Py_ssize_t stop) noexcept nogil:
    """Whether a script's content may be read (the reference's `_keeps_script`)."""
    if tag.start[_A_ITEMPROP] >= 0:
        return True
    if tag.start[_A_TYPE] >= 0 and (
        _find_caseless_word(p, tag.start[_A_TYPE], tag.stop[_A_TYPE], b"json", 4)
        or memchr(p + tag.start[_A_TYPE], 38, tag.stop[_A_TYPE] - tag.start[_A_TYPE]) != NULL
    ):
        return True
    return _holds_quoted_key(p, start, stop) or _holds(p, start, stop, b'"date_posted"', 13, 5)


cdef struct _Spans:
    Py_ssize_t *at  # start, end, start, end...
    Py_ssize_t size
    Py_ssize_t room


cdef int _add_span(_Spans *spans, Py_ssize_t start, Py_ssize_t end) except -1:
    cdef Py_ssize_t *grown
    if spans.size + 2 > spans.room:
        grown = <Py_ssize_t *> PyMem_Realloc(spans.at, (spans.room * 2 + 16) * sizeof(Py_ssize_t))
        if grown == NULL:
            raise MemoryError()
        spans.at = grown
        spans.room = spans.room * 2 + 16
    spans.at[spans.size] = start
    spans.at[spans.size + 1] = end
    spans.size += 2
    return 0



cdef bint _in_foreign(
    const unsigned char *p, const Py_ssize_t *starts, const Py_ssize_t *sizes, Py_ssize_t depth,
    Py_ssize_t name, Py_ssize_t size, Py_ssize_t *found
) noexcept nogil:
    """Whether an open foreign element has the name of `size` bytes at p[name] (up to ASCII
    case); `found` is the topmost one's place."""
    cdef Py_ssize_t j, k
    j = depth - 1
    while j >= 0:
        if sizes[j] == size:
            for k in range(size):
                if _lower(p[starts[j] + k]) != _lower(p[name + k]):
                    break
            else:
                found[0] = j
                return True
        j -= 1
    return False


def elide_raw_text(page):
    """`warta.segment.rawtext.elide_raw_text_python(page)`: `page` (bytes) without the script and
    style contents nothing reads; `page` itself where none are left out."""
    if not isinstance(page, bytes):
        raise TypeError(f"elide_raw_text() needs bytes, not {type(page).__name__}")
    cdef const unsigned char *p = <const unsigned char *> (<bytes> page)
    cdef Py_ssize_t n = len(<bytes> page)
    cdef _Spans spans
    spans.at = NULL
    spans.size = 0
    spans.room = 0
    try:
        if not _elided_spans(p, n, &spans) or spans.size == 0:
            return page
        return _without(p, n, &spans)
    finally:
        PyMem_Free(spans.at)


cdef object _without(const unsigned char *p, Py_ssize_t n, const _Spans *spans):
    cdef Py_ssize_t total = n, j, last = 0, size
    for j in range(0, spans.size, 2):
        total -= spans.at[j + 1] - spans.at[j]
    out = PyBytes_FromStringAndSize(NULL, total)
    cdef unsigned char *o = <unsigned char *> PyBytes_AS_STRING(out)
    for j in range(0, spans.size, 2):
        size = spans.at[j] - last
        memcpy(o, p + last, size)
        o += size
        last = spans.at[j + 1]
    memcpy(o, p + last, n - last)
    return out


cdef bint _elided_spans(const unsigned char *p, Py_ssize_t n, _Spans *spans) except -1:
    """The spans to leave out of the page (in `spans`); False where none may be (the scripts'
    text could reach the date search's budget, or <html>/<body> is or may be an itemprop date)."""
    cdef Py_ssize_t script_bytes = 0, foreign_start = 0, stop = n, pos = 0, lt, name_end, end, found
    cdef Py_ssize_t depth = 0, name_size, k
    cdef Py_ssize_t foreign_name[_MAX_FOREIGN_DEPTH]
    cdef Py_ssize_t foreign_size[_MAX_FOREIGN_DEPTH]
    cdef bint in_select = False, followed, escaped
    cdef int kind
    cdef unsigned char c
    cdef const unsigned char *q
    cdef _Tag tag
    while pos < n:
        if p[pos] == 60:  # (a tag right after a tag: no call)
            lt = pos
        else:
            q = <const unsigned char *> memchr(p + pos, 60, n - pos)  # "<"
            if q == NULL:
                break
            lt = q - p
        if lt + 1 >= n:
            break
        c = p[lt + 1]
        if c == 33:  # "<!"
            if lt + 4 <= n and p[lt + 2] == 45 and p[lt + 3] == 45:  # "<!--"
                pos = _comment_stop(p, n, lt + 4)
            elif depth and lt + 9 <= n and memcmp(p + lt, b"<![CDATA[", 9) == 0:
                stop = lt
                break
            else:  # a DOCTYPE or a bogus comment, up to the first ">"
                pos = _after_gt(p, n, lt + 2)
        elif c == 63:  # "<?": a bogus comment
            pos = _after_gt(p, n, lt + 2)
        elif c == 47:  # "</"
            if lt + 2 >= n:
                break
            if p[lt + 2] == 62:  # "</>": nothing
                pos = lt + 3
            elif _letter(p[lt + 2]):
                name_end = _name_stop(p, n, lt + 2)
                _scan_tag(p, n, name_end, &tag)
                pos = tag.end
                name_size = name_end - lt - 2
                if depth:
                    if memchr(p + lt + 2, 0, name_size) != NULL or not _in_foreign(
                        p, foreign_name, foreign_size, depth, lt + 2, name_size, &found
                    ):
                        stop = lt
                        break
                    depth = found
                    if depth == 0 and pos >= 0:
                        script_bytes += pos - foreign_start
                elif in_select and name_size == 6 and _same_caseless(p + lt + 2, 6, b"select"):
                    in_select = False
            else:  # a bogus comment
                pos = _after_gt(p, n, lt + 2)
        elif _letter(c):
            name_end = _name_stop(p, n, lt + 1)
            name_size = name_end - lt - 1
            kind = _name_kind(p + lt + 1, name_size)
            _scan_tag(p, n, name_end, &tag)
            pos = tag.end
            if depth:
                if memchr(p + lt + 1, 0, name_size) != NULL:
                    stop = lt
                    break
                if kind == _K_TEXT_ONLY or (kind == _K_RAW and name_size == 5):  # desc, title
                    followed = tag.closed or _holds_text_only(p, n, pos, p + lt + 1, name_size)
                elif kind == _K_VOID:
                    followed = not _void_breakout(p + lt + 1, name_size)
                else:
                    followed = kind == _K_OTHER or kind == _K_OPTION or kind == _K_ROOT
                if not followed or depth >= _MAX_FOREIGN_DEPTH:
                    stop = lt
                    break
                if not tag.closed:
                    foreign_name[depth] = lt + 1
                    foreign_size[depth] = name_size
                    depth += 1
            elif kind == _K_MERGED and _text_read(p, kind, &tag):
                return False
            elif (
                kind == _K_STOP_HTML
                or (in_select and kind != _K_OPTION)
                or (_text_read(p, kind, &tag) and not _holds_text_only(p, n, pos, p + lt + 1, name_size))
            ):
                stop = lt
                break
            elif kind == _K_SELECT:
                in_select = True
            elif kind == _K_ROOT:
                if not tag.closed:
                    foreign_name[0] = lt + 1
                    foreign_size[0] = name_size
                    depth = 1
                    foreign_start = lt
            elif (kind == _K_SCRIPT or kind == _K_STYLE or kind == _K_RAW) and pos >= 0:
                end = _raw_text_stop(p, n, pos, p + lt + 1, name_size, &escaped)
                if end < 0:  # (to the end of the page)
                    stop = lt
                    break
                if kind == _K_SCRIPT:
                    script_bytes += end - pos
                    if escaped:
                        stop = lt
                        break
                    if end > pos and not _keeps_script(p, &tag, pos, end):
                        _add_span(spans, pos, end)
                elif kind == _K_STYLE and end > pos:
                    _add_span(spans, pos, end)
                pos = end
        else:  # a "<" of the text
            pos = lt + 1
        if pos < 0:  # a comment or tag the page ends in
            stop = lt
            break
    if depth:
        script_bytes += n - foreign_start
    elif stop < n:
        script_bytes += n - stop
    if stop < n and spans.size and _may_merge_itemprop(p, n, stop):
        return False
    return script_bytes <= _MAX_SCRIPT_BYTES


cdef Py_ssize_t _find_caseless(
    const unsigned char *p, Py_ssize_t i, Py_ssize_t end, const char *lower, Py_ssize_t size
) noexcept nogil:
    """Where `lower` (lower-case ASCII) first is in p[i:end] up to ASCII case; -1 if nowhere."""
    cdef Py_ssize_t k
    for k in range(i, end - size + 1):
        if _LOWER[p[k]] == <unsigned char> lower[0] and _same_caseless(p + k, size, lower):
            return k
    return -1


cdef bint _may_merge_itemprop(const unsigned char *p, Py_ssize_t n, Py_ssize_t start) noexcept nogil:
    """The reference's `_may_merge_itemprop`: an "<html" or "<body" from `start`, and an
    "itemprop" after the first of them (in any ASCII case)."""
    cdef const unsigned char *q
    cdef Py_ssize_t i = start
    while i + 5 <= n:  # (the "<"s, by memchr: most pages have no "<html" or "<body" there)
        q = <const unsigned char *> memchr(p + i, 60, n - 4 - i)
        if q == NULL:
            return False
        i = q - p
        if _same_caseless(q + 1, 4, b"html") or _same_caseless(q + 1, 4, b"body"):
            return _find_caseless(p, i, n, b"itemprop", 8) >= 0
        i += 1
    return False


cdef Py_ssize_t _after_gt(const unsigned char *p, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    """After the first ">" from `i`; -1 if none."""
    cdef const unsigned char *q
    if i >= n:
        return -1
    q = <const unsigned char *> memchr(p + i, 62, n - i)
    return -1 if q == NULL else q - p + 1


cdef Py_ssize_t _comment_stop(const unsigned char *p, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    """After the comment whose "<!--" ends at `i` (the reference's `_comment_end`); -1 if it does not end."""
    cdef Py_ssize_t at
    cdef const unsigned char *q
    if i < n and p[i] == 62:
        return i + 1
    if i + 1 < n and p[i] == 45 and p[i + 1] == 62:
        return i + 2
    # The first ">" after "--" or "--!".
    while i < n:
        q = <const unsigned char *> memchr(p + i, 62, n - i)
        if q == NULL:
            return -1
        at = q - p
        if at - 2 >= i and p[at - 1] == 45 and p[at - 2] == 45:
            return at + 1
        if at - 3 >= i and p[at - 1] == 33 and p[at - 2] == 45 and p[at - 3] == 45:
            return at + 1
        i = at + 1
    return -1
