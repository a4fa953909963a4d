# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The body pass of `warta.assemble.body` in C: `body._body_parts` (`body_parts`: the body blocks'
fragments joined into runs, each run kept unless it repeats a kept one) and its repeat test,
`body._SeenTexts` (`SeenTexts`: shingle sets of lower-cased words, and `body._SeenParagraphs`'
80% test over them) in one pass over each text.

The Python version builds, for every paragraph, a list of lower-cased word strings, a set of
word-triple tuples and a few set differences and dict updates: tens of thousands of small
objects a page. Here each distinct lower-cased word gets a number (its code points kept in a
table, so two words get the same number exactly when they are equal strings), each distinct
shingle (a triple of word numbers; a text of one or two words is one shorter shingle) gets
a number, and a paragraph is the list of its distinct shingle numbers. Sets of numbers are
then what the Python sets were: equal shingles have equal numbers and unequal ones do not,
so every count, and so every answer, is the same.

The words are `re.findall(r"\\w+", text)` lower-cased one by one (`strings.lower_words`):
`\\w` is CPython's `Py_UNICODE_ISALNUM` or "_", as in `re`; each code point of a word is
lower-cased by `Py_UNICODE_TOLOWER`, which is what `str.lower` gives for every code point but
two (tests check them all): a word holding "İ" (two code points in lower case) or "Σ" (final
or not by its neighbours) is lower-cased by `str.lower` itself.

The repeat test is `_SeenParagraphs._repeats`: at least four shingles, and at least 80% of
them (the same double `0.8 * n`) held by one earlier paragraph; the earlier paragraphs
looked at are those holding one of the `n - ceil(0.8 n) + 1` rarest shingles (any paragraph
holding 80% holds one of them), so a phrase shared by thousands of paragraphs is not
rescanned for each.

`warta.assemble.body` checks at first use that both give the Python answers on probe blocks
and texts; tests compare them on fixtures, benchmark pages and generated blocks and texts.

One more pass of the assembly lives here, with its Python reference and probe in
`warta.assemble.lists`: a related or sidebar section's entries (`list_items`, `lists._entries`).
"""

from cpython.ref cimport PyObject
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
    Py_UNICODE_TOLOWER,
)
from libc.math cimport ceil
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport free, qsort, realloc
from libc.string cimport memcmp, memset

from warta._slots cimport allocate, check_plain_new, read_slot, set_new_slot, slot_offset
from warta._codepoints cimport PyUnicode_READ, char_t
from warta.model import Block, BlockStructure, BodyPart, ListItem
from warta.assemble.lists import ROW_SEPARATORS, TEASER_MIN_WORDS, reads_as_teaser


cdef enum:
    FREE = -1  # an empty slot of a hash table (all bytes 0xFF)
    FIRST_SLOTS = 1024  # each hash table's least size (a power of two)


cdef struct Word:
    uint64_t hash
    Py_ssize_t start  # its first code point in `SeenTexts._chars`
    Py_ssize_t length


cdef struct Shingle:
    Py_ssize_t a, b, c  # word numbers + 1; 0 where a text of one or two words has no word
    Py_ssize_t last  # its latest posting (the index in `_post_paragraph`), -1: none
    Py_ssize_t postings  # how many paragraphs hold it
    Py_ssize_t mark  # the query (`SeenTexts._stamp`) that last met it


cdef struct Rarity:
    Py_ssize_t postings
    Py_ssize_t shingle


cdef int _by_postings(const void *x, const void *y) noexcept nogil:
    cdef Py_ssize_t a = (<const Rarity *>x).postings, b = (<const Rarity *>y).postings
    return (a > b) - (a < b)


cdef int _reserve(void **array, Py_ssize_t *capacity, Py_ssize_t needed, size_t item) except -1:
    """Grow `array` (of `capacity` items of `item` bytes) to hold at least `needed` items."""
    cdef Py_ssize_t size = capacity[0]
    cdef void *grown
    if needed <= size:
        return 0
    if size < 16:
        size = 16
    while size < needed:
        size *= 2
    grown = realloc(array[0], <size_t>size * item)
    if grown == NULL:
        raise MemoryError()
    array[0] = grown
    capacity[0] = size
    return 0


cdef int _fresh_slots(Py_ssize_t **slots, Py_ssize_t size) except -1:
    """Replace `slots[0]` by an empty hash table of `size` slots."""
    cdef Py_ssize_t capacity = 0
    cdef Py_ssize_t *fresh = NULL
    _reserve(<void **>&fresh, &capacity, size, sizeof(Py_ssize_t))
    memset(fresh, 0xFF, size * sizeof(Py_ssize_t))
    free(slots[0])
    slots[0] = fresh
    return 0


cdef Py_ssize_t _slots_for(Py_ssize_t items) noexcept:
    """The size of a hash table for `items` items (`FIRST_SLOTS` for 0: not known): a power of
    two, at least 64, with no more than half its slots full (where the tables grow)."""
    cdef Py_ssize_t size = 64
    if items == 0:
        return FIRST_SLOTS
    while 2 * items > size - 1:
        size *= 2
    return size


cdef uint64_t FNV_OFFSET = 0xCBF29CE484222325


cdef inline uint64_t _mix(uint64_t h) noexcept nogil:
    """A 64-bit finaliser (murmur3's): spreads every input bit over the hash."""
    h ^= h >> 33
    h *= <uint64_t>0xFF51AFD7ED558CCD
    h ^= h >> 33
    h *= <uint64_t>0xC4CEB9FE1A85EC53
    h ^= h >> 33
    return h


cdef inline uint64_t _shingle_hash(const Shingle *s) noexcept nogil:
    return _mix(
        (<uint64_t>s.a * <uint64_t>0x9E3779B97F4A7C15)
        ^ (<uint64_t>s.b * <uint64_t>0xC2B2AE3D27D4EB4F)
        ^ (<uint64_t>s.c * <uint64_t>0x165667B19E3779F9)
    )


cdef inline uint64_t _hash_step(uint64_t h, uint32_t c) noexcept nogil:
    """FNV-1a, one code point a step."""
    return (h ^ c) * <uint64_t>0x100000001B3


# Of each ASCII code point: whether `\\w` matches it, and 0x20 where it is a capital (A-Z).
cdef uint8_t ASCII_WORD[128]
cdef uint8_t ASCII_UPPER[128]
for _c in range(128):
    ASCII_WORD[_c] = chr(_c).isalnum() or _c == 95
    ASCII_UPPER[_c] = 0x20 if 65 <= _c <= 90 else 0


cdef inline bint _word_char(uint32_t c) noexcept:
    """`re`'s `\\w` for a str pattern: alphanumeric (`Py_UNICODE_ISALNUM`) or "_"."""
    if c < 128:
        return ASCII_WORD[c]
    return Py_UNICODE_ISALNUM(c)


cdef class SeenTexts:
    """The paragraphs kept so far, by their shingles (`body._SeenTexts`, in C)."""

    # Distinct lower-cased words: their code points, and a hash table of their numbers.
    cdef uint32_t *_chars
    cdef Py_ssize_t _n_chars, _cap_chars
    cdef Word *_words
    cdef Py_ssize_t _n_words, _cap_words
    cdef Py_ssize_t *_word_slots
    cdef Py_ssize_t _word_mask
    # Distinct shingles and a hash table of their numbers.
    cdef Shingle *_shingles
    cdef Py_ssize_t _n_shingles, _cap_shingles
    cdef Py_ssize_t *_shingle_slots
    cdef Py_ssize_t _shingle_mask
    # Each shingle's paragraphs, as linked postings: (paragraph, previous posting).
    cdef Py_ssize_t *_post_paragraph
    cdef Py_ssize_t *_post_previous
    cdef Py_ssize_t _n_posts, _cap_posts, _cap_previous
    # Each kept paragraph's distinct shingles: `_members[_starts[p]:_starts[p + 1]]`.
    cdef Py_ssize_t *_members
    cdef Py_ssize_t _n_members, _cap_members
    cdef Py_ssize_t *_starts
    cdef Py_ssize_t *_paragraph_marks
    cdef Py_ssize_t _n_paragraphs, _cap_paragraphs, _cap_marks
    # Scratch for one text: its word numbers, its distinct shingles, a lower-cased word.
    cdef Py_ssize_t *_tokens
    cdef Py_ssize_t _cap_tokens
    cdef Py_ssize_t *_current
    cdef Py_ssize_t _n_current, _cap_current
    cdef uint32_t *_word
    cdef Py_ssize_t _cap_word
    cdef Rarity *_rarities
    cdef Py_ssize_t _cap_rarities
    cdef Py_ssize_t _stamp

    def __cinit__(self, Py_ssize_t chars=0):
        """`chars`: how many code points the texts to come hold in all, where known (0: not).
        The arrays and hash tables are then made about big enough at once: grown from small,
        they were copied and rehashed several times a page (an eighth of the body pass). News
        text has a word every six or so code points, a new word every ten or more and a new
        shingle every six or more: room for a word every four and hash tables for a new word
        every ten and a new shingle every six are enough for most pages; where they are not,
        they grow as before. Only room changes, never a number: the answers are the same."""
        cdef Py_ssize_t words = chars // 4
        self._word_mask = _slots_for(chars // 10) - 1
        self._shingle_mask = _slots_for(chars // 6) - 1
        _fresh_slots(&self._word_slots, self._word_mask + 1)
        _fresh_slots(&self._shingle_slots, self._shingle_mask + 1)
        if chars > 0:
            _reserve(<void **>&self._chars, &self._cap_chars, chars, sizeof(uint32_t))
            _reserve(<void **>&self._words, &self._cap_words, words, sizeof(Word))
            _reserve(<void **>&self._shingles, &self._cap_shingles, words, sizeof(Shingle))
            _reserve(<void **>&self._post_paragraph, &self._cap_posts, words, sizeof(Py_ssize_t))
            _reserve(<void **>&self._post_previous, &self._cap_previous, words, sizeof(Py_ssize_t))
            _reserve(<void **>&self._members, &self._cap_members, words, sizeof(Py_ssize_t))
        _reserve(<void **>&self._starts, &self._cap_paragraphs, 1, sizeof(Py_ssize_t))
        self._starts[0] = 0

    def __dealloc__(self):
        free(self._chars)
        free(self._words)
        free(self._word_slots)
        free(self._shingles)
        free(self._shingle_slots)
        free(self._post_paragraph)
        free(self._post_previous)
        free(self._members)
        free(self._starts)
        free(self._paragraph_marks)
        free(self._tokens)
        free(self._current)
        free(self._word)
        free(self._rarities)

    # -- words

    cdef int _grow_word_slots(self) except -1:
        cdef Py_ssize_t size = 2 * (self._word_mask + 1), capacity = 0, i, slot
        cdef Py_ssize_t *slots = NULL
        _reserve(<void **>&slots, &capacity, size, sizeof(Py_ssize_t))
        memset(slots, 0xFF, size * sizeof(Py_ssize_t))
        for i in range(self._n_words):
            slot = <Py_ssize_t>(self._words[i].hash & <uint64_t>(size - 1))
            while slots[slot] != FREE:
                slot = (slot + 1) & (size - 1)
            slots[slot] = i
        free(self._word_slots)
        self._word_slots = slots
        self._word_mask = size - 1
        return 0

    cdef inline Py_ssize_t _word_number(self, Py_ssize_t length, uint64_t h) except -1:
        """The number of the word held in `_word[:length]` (`h`: `_hash_step` over its code
        points from `FNV_OFFSET`), given one if it is new."""
        cdef Py_ssize_t i, slot, found
        cdef Word *word
        h = _mix(h ^ <uint64_t>length)
        slot = <Py_ssize_t>(h & <uint64_t>self._word_mask)
        while True:
            found = self._word_slots[slot]
            if found == FREE:
                break
            word = &self._words[found]
            if (
                word.hash == h
                and word.length == length
                and memcmp(&self._chars[word.start], self._word, length * sizeof(uint32_t)) == 0
            ):
                return found
            slot = (slot + 1) & self._word_mask
        _reserve(<void **>&self._chars, &self._cap_chars, self._n_chars + length, sizeof(uint32_t))
        _reserve(<void **>&self._words, &self._cap_words, self._n_words + 1, sizeof(Word))
        found = self._n_words
        word = &self._words[found]
        word.hash = h
        word.start = self._n_chars
        word.length = length
        for i in range(length):
            self._chars[self._n_chars + i] = self._word[i]
        self._n_chars += length
        self._n_words += 1
        self._word_slots[slot] = found
        if 2 * self._n_words > self._word_mask:
            self._grow_word_slots()
        return found

    cdef Py_ssize_t _python_lowered(self, str text, Py_ssize_t start, Py_ssize_t end) except -1:
        """The number of `text[start:end].lower()`, by `str.lower` itself (a word holding "İ",
        whose lower case is two code points, or "Σ", whose lower case hangs on its neighbours)."""
        cdef str lowered = text[start:end].lower()
        cdef Py_ssize_t length = PyUnicode_GET_LENGTH(lowered), i
        cdef int kind = PyUnicode_KIND(lowered)
        cdef const void *data = PyUnicode_DATA(lowered)
        cdef uint64_t h = FNV_OFFSET
        _reserve(<void **>&self._word, &self._cap_word, length, sizeof(uint32_t))
        for i in range(length):
            self._word[i] = PyUnicode_READ(kind, data, i)
            h = _hash_step(h, self._word[i])
        return self._word_number(length, h)

    cdef Py_ssize_t _words_of(self, str text, const char_t *data, Py_ssize_t n) except -1:
        """`strings.lower_words(text)` as word numbers, into `_tokens`; how many.

        Each code point of a word is lower-cased by itself (`Py_UNICODE_TOLOWER`, the simple
        mapping, which is `str.lower`'s for every code point but "İ" and "Σ": tests check all of
        them); a word holding either of those two is lower-cased by `str.lower`.
        """
        cdef Py_ssize_t i = 0, start, count = 0
        cdef uint32_t c
        cdef uint64_t h
        cdef bint by_python
        cdef uint32_t *word
        _reserve(<void **>&self._tokens, &self._cap_tokens, n // 2 + 1, sizeof(Py_ssize_t))
        _reserve(<void **>&self._word, &self._cap_word, n, sizeof(uint32_t))
        word = self._word
        while True:
            while i < n and not _word_char(data[i]):
                i += 1
            if i >= n:
                return count
            start = i
            h = FNV_OFFSET
            by_python = False
            while i < n:
                c = data[i]
                if c < 128:
                    if not ASCII_WORD[c]:
                        break
                    c |= ASCII_UPPER[c]  # the lower-case letter's bit (0x20) where c is a capital
                else:
                    if not Py_UNICODE_ISALNUM(c):
                        break
                    if c == 0x130 or c == 0x3A3:
                        by_python = True
                    c = Py_UNICODE_TOLOWER(c)
                word[i - start] = c
                h = _hash_step(h, c)
                i += 1
            if by_python:
                self._tokens[count] = self._python_lowered(text, start, i)
                word = self._word  # (grown there, perhaps)
            else:
                self._tokens[count] = self._word_number(i - start, h)
            count += 1

    # -- shingles

    cdef int _grow_shingle_slots(self) except -1:
        cdef Py_ssize_t size = 2 * (self._shingle_mask + 1), capacity = 0, i, slot
        cdef Py_ssize_t *slots = NULL
        _reserve(<void **>&slots, &capacity, size, sizeof(Py_ssize_t))
        memset(slots, 0xFF, size * sizeof(Py_ssize_t))
        for i in range(self._n_shingles):
            slot = <Py_ssize_t>(_shingle_hash(&self._shingles[i]) & <uint64_t>(size - 1))
            while slots[slot] != FREE:
                slot = (slot + 1) & (size - 1)
            slots[slot] = i
        free(self._shingle_slots)
        self._shingle_slots = slots
        self._shingle_mask = size - 1
        return 0

    cdef int _meet(self, Py_ssize_t a, Py_ssize_t b, Py_ssize_t c) except -1:
        """Add the shingle (a, b, c) to `_current` unless this text met it already."""
        cdef Shingle key
        cdef Shingle *shingle
        cdef Py_ssize_t slot, found
        key.a = a
        key.b = b
        key.c = c
        slot = <Py_ssize_t>(_shingle_hash(&key) & <uint64_t>self._shingle_mask)
        while True:
            found = self._shingle_slots[slot]
            if found == FREE:
                break
            shingle = &self._shingles[found]
            if shingle.a == a and shingle.b == b and shingle.c == c:
                if shingle.mark != self._stamp:
                    shingle.mark = self._stamp
                    self._current[self._n_current] = found
                    self._n_current += 1
                return 0
            slot = (slot + 1) & self._shingle_mask
        _reserve(<void **>&self._shingles, &self._cap_shingles, self._n_shingles + 1, sizeof(Shingle))
        found = self._n_shingles
        shingle = &self._shingles[found]
        shingle.a = a
        shingle.b = b
        shingle.c = c
        shingle.last = -1
        shingle.postings = 0
        shingle.mark = self._stamp
        self._n_shingles += 1
        self._shingle_slots[slot] = found
        self._current[self._n_current] = found
        self._n_current += 1
        if 2 * self._n_shingles > self._shingle_mask:
            self._grow_shingle_slots()
        return 0

    cdef int _shingles_of(self, str text) except -1:
        """`body._shingle_set(text)`, as distinct shingle numbers in `_current` (each marked
        with a new `_stamp`)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), count, i
        cdef int kind = PyUnicode_KIND(text)
        self._stamp += 1
        self._n_current = 0
        if kind == 1:
            count = self._words_of(text, <const uint8_t *>PyUnicode_DATA(text), n)
        elif kind == 2:
            count = self._words_of(text, <const uint16_t *>PyUnicode_DATA(text), n)
        else:
            count = self._words_of(text, <const uint32_t *>PyUnicode_DATA(text), n)
        _reserve(<void **>&self._current, &self._cap_current, count + 1, sizeof(Py_ssize_t))
        cdef Py_ssize_t *tokens = self._tokens
        if count == 1:
            self._meet(tokens[0] + 1, 0, 0)
        elif count == 2:
            self._meet(tokens[0] + 1, tokens[1] + 1, 0)
        else:
            for i in range(count - 2):
                self._meet(tokens[i] + 1, tokens[i + 1] + 1, tokens[i + 2] + 1)
        return 0

    # -- paragraphs

    cdef bint _repeats(self) except -1:
        """`_SeenParagraphs._repeats` for the shingles in `_current`."""
        cdef Py_ssize_t n = self._n_current, held = 0, i, enough, posting, paragraph, k, count
        cdef double need
        cdef Shingle *shingles = self._shingles
        if n < 4:
            return False
        need = 0.8 * <double>n
        for i in range(n):
            held += shingles[self._current[i]].postings > 0
        if <double>held < need:
            return False  # fewer than that occur in any earlier paragraph: most paragraphs
        enough = n - <Py_ssize_t>ceil(need) + 1
        _reserve(<void **>&self._rarities, &self._cap_rarities, n, sizeof(Rarity))
        for i in range(n):
            self._rarities[i].postings = shingles[self._current[i]].postings
            self._rarities[i].shingle = self._current[i]
        qsort(self._rarities, n, sizeof(Rarity), _by_postings)
        for i in range(enough):
            posting = shingles[self._rarities[i].shingle].last
            while posting != -1:
                paragraph = self._post_paragraph[posting]
                posting = self._post_previous[posting]
                if self._paragraph_marks[paragraph] == self._stamp:
                    continue  # a candidate already counted
                self._paragraph_marks[paragraph] = self._stamp
                count = 0
                for k in range(self._starts[paragraph], self._starts[paragraph + 1]):
                    count += shingles[self._members[k]].mark == self._stamp
                if <double>count >= need:
                    return True
        return False

    cdef int _add(self) except -1:
        """Keep the paragraph whose shingles are in `_current`."""
        cdef Py_ssize_t n = self._n_current, i, s, p = self._n_paragraphs
        cdef Shingle *shingle
        _reserve(<void **>&self._members, &self._cap_members, self._n_members + n, sizeof(Py_ssize_t))
        _reserve(<void **>&self._post_paragraph, &self._cap_posts, self._n_posts + n, sizeof(Py_ssize_t))
        _reserve(<void **>&self._post_previous, &self._cap_previous, self._n_posts + n, sizeof(Py_ssize_t))
        _reserve(<void **>&self._starts, &self._cap_paragraphs, p + 2, sizeof(Py_ssize_t))
        _reserve(<void **>&self._paragraph_marks, &self._cap_marks, p + 1, sizeof(Py_ssize_t))
        for i in range(n):
            s = self._current[i]
            self._members[self._n_members + i] = s
            shingle = &self._shingles[s]
            self._post_paragraph[self._n_posts] = p
            self._post_previous[self._n_posts] = shingle.last
            shingle.last = self._n_posts
            shingle.postings += 1
            self._n_posts += 1
        self._n_members += n
        self._starts[p + 1] = self._n_members
        self._paragraph_marks[p] = 0
        self._n_paragraphs += 1
        return 0

    def words(self, str text):
        """`strings.lower_words(text)`, as this reads them (for tests)."""
        cdef int kind = PyUnicode_KIND(text)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), count, i
        cdef Word *word
        if kind == 1:
            count = self._words_of(text, <const uint8_t *>PyUnicode_DATA(text), n)
        elif kind == 2:
            count = self._words_of(text, <const uint16_t *>PyUnicode_DATA(text), n)
        else:
            count = self._words_of(text, <const uint32_t *>PyUnicode_DATA(text), n)
        found = []
        for i in range(count):
            word = &self._words[self._tokens[i]]
            found.append(PyUnicode_FromKindAndData(4, &self._chars[word.start], word.length))
        return found

    def is_repeat(self, str text):
        """Whether ≥ 80% of `text`'s shingles (at least four) occur in one kept paragraph."""
        self._shingles_of(text)
        return self._repeats()

    def add_unless_repeat(self, str text):
        """Keep `text` unless `is_repeat(text)`; whether kept."""
        self._shingles_of(text)
        if self._repeats():
            return False
        self._add()
        return True


# ---------------------------------------------------------------------------------------------
# The body pass: `body._body_parts`, that is `body._merge_fragments` and the loop over its runs.
#
# Blocks and body parts are frozen slotted dataclasses: their fields are read, and a new part's
# set, at the slots' offsets (read from the member descriptors at import, each checked to be an
# object slot), not through the descriptors. The string tests are those of `body`, on code
# points: `str.split()`'s whitespace is `Py_UNICODE_ISSPACE`; a one-character str's `islower`,
# `isupper` and `isdigit` are `Py_UNICODE_ISLOWER`, `Py_UNICODE_ISUPPER` and `Py_UNICODE_ISDIGIT`.

cdef Py_ssize_t BLOCK_INDEX = slot_offset(Block, "index", False)
cdef Py_ssize_t BLOCK_TEXT = slot_offset(Block, "text", False)
cdef Py_ssize_t BLOCK_STRUCTURE = slot_offset(Block, "structure", False)
cdef Py_ssize_t HEADING_LEVEL = slot_offset(BlockStructure, "heading_level", False)
cdef Py_ssize_t BLANK_BEFORE = slot_offset(BlockStructure, "blank_before", False)
cdef Py_ssize_t BULLET = slot_offset(BlockStructure, "bullet", False)
cdef Py_ssize_t TAG = slot_offset(BlockStructure, "tag", False)
cdef Py_ssize_t IN_LIST = slot_offset(BlockStructure, "in_list", False)
cdef Py_ssize_t IN_TABLE = slot_offset(BlockStructure, "in_table", False)
cdef Py_ssize_t IN_BLOCKQUOTE = slot_offset(BlockStructure, "in_blockquote", False)
cdef Py_ssize_t PART_KIND = slot_offset(BodyPart, "kind", True)
cdef Py_ssize_t PART_TEXT = slot_offset(BodyPart, "text", True)
cdef Py_ssize_t PART_BLOCK = slot_offset(BodyPart, "block", True)
if tuple(BodyPart.__dataclass_fields__) != ("kind", "text", "block"):
    raise ImportError("BodyPart's fields changed: update warta.assemble._body")
check_plain_new(BodyPart)


cdef object _part(str kind, str text, object index):
    """`BodyPart(kind, text, index)`, its slots set directly."""
    cdef object made = allocate(BodyPart)
    set_new_slot(made, PART_KIND, <PyObject *>kind)
    set_new_slot(made, PART_TEXT, <PyObject *>text)
    set_new_slot(made, PART_BLOCK, <PyObject *>index)
    return made


cdef inline Py_UCS4 _at(str text, Py_ssize_t i) noexcept:
    return PyUnicode_READ(PyUnicode_KIND(text), PyUnicode_DATA(text), i)


cdef inline bint _one_of(Py_UCS4 c, str chars) noexcept:
    cdef Py_ssize_t i
    for i in range(PyUnicode_GET_LENGTH(chars)):
        if _at(chars, i) == c:
            return True
    return False


cdef str TERMINAL = '.!?;:"”’)»…'  # `body._TERMINAL`
cdef str FULL_STOPS = ".!?…"  # `body._FULL_STOPS`
cdef str HEADING_NOT_ENDING = '.!?;:"”’)»…,'  # `body._HEADING_NOT_ENDING`
cdef str QUOTES = "\"“”‘’'"  # `body._QUOTES`
cdef str CONTINUATION = ",.;:)]}!?%”’'\"-–—"  # what `body._starts_continuation` accepts first
cdef str GLUED = ",.;:)]}!?%”’"  # what `body._join` joins without a space
cdef str DASHES = "-–—"
cdef tuple JOINED_TAGS = ("", "a", "span", "b", "strong", "em", "i")
cdef str KIND_HEADING = "heading"
cdef str KIND_QUOTE = "quote"
cdef str KIND_LIST_ITEM = "list_item"
cdef str KIND_PARAGRAPH = "paragraph"


cdef inline bint _ends_with_one_of(str text, str chars) noexcept:
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    return n > 0 and _one_of(_at(text, n - 1), chars)


cdef bint _ends_with_dash_run(str text) noexcept:
    """`text.endswith((" -", " --", " –", " —"))`."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    cdef Py_UCS4 last
    if n < 2:
        return False
    last = _at(text, n - 1)
    if _at(text, n - 2) == 0x20 and _one_of(last, DASHES):
        return True
    return n >= 3 and last == 0x2D and _at(text, n - 2) == 0x2D and _at(text, n - 3) == 0x20


cdef Py_ssize_t SPLIT_PIECE_WORDS = 4  # `body._SPLIT_PIECE_WORDS`


cdef bint _splits_sentence(list texts, list structures, Py_ssize_t k, Py_ssize_t n):
    """`body._splits_sentence`."""
    if k + 2 >= n:
        return False
    cdef str nxt = texts[k + 1]
    cdef str after = texts[k + 2]
    return (
        PyUnicode_GET_LENGTH(<str>read_slot(structures[k + 1], TAG)) == 0
        and _words(nxt, 0, PyUnicode_GET_LENGTH(nxt), SPLIT_PIECE_WORDS) <= SPLIT_PIECE_WORDS
        and not _ends_with_one_of(nxt, TERMINAL)
        and not read_slot(structures[k + 1], BLANK_BEFORE)
        and not read_slot(structures[k + 2], BLANK_BEFORE)
        and not read_slot(structures[k + 2], BULLET)
        and Py_UNICODE_ISLOWER(_at(after, 0))
    )


cdef inline bint _opens_with_dash(str text) noexcept:
    """`body._opens_with_dash`."""
    return (
        PyUnicode_GET_LENGTH(text) > 1
        and _one_of(_at(text, 0), DASHES)
        and _at(text, 1) == 0x20
        and _ends_with_one_of(text, FULL_STOPS)
    )


cdef inline bint _starts_continuation(str text) noexcept:
    """`body._starts_continuation` (of a non-empty text)."""
    cdef Py_UCS4 first = _at(text, 0)
    return Py_UNICODE_ISLOWER(first) or _one_of(first, CONTINUATION)


cdef Py_ssize_t _words(str text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t most) noexcept:
    """How many words `text[start:end].split()` gives, counting no further than `most` + 1."""
    cdef Py_ssize_t count = 0, i = start
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    while i < end:
        while i < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        if i >= end:
            break
        count += 1
        if count > most:
            break
        while i < end and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
    return count


cdef inline Py_ssize_t _all_words(str text) noexcept:
    return _words(text, 0, PyUnicode_GET_LENGTH(text), PyUnicode_GET_LENGTH(text))


cdef bint _is_heading_like(str text) noexcept:
    """`body.is_heading_like`."""
    cdef Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(text), n
    cdef Py_UCS4 first
    while start < end and _one_of(_at(text, start), QUOTES):
        start += 1
    while end > start and _one_of(_at(text, end - 1), QUOTES):
        end -= 1
    if end > start and _one_of(_at(text, end - 1), HEADING_NOT_ENDING):
        return False
    n = _words(text, start, end, 14)
    if not 1 <= n <= 14:
        return False
    first = _at(text, start)
    return Py_UNICODE_ISUPPER(first) or Py_UNICODE_ISDIGIT(first)


cdef bint _table_row(object block):
    """`body._table_row` (of a run's first block)."""
    cdef object structure = read_slot(block, BLOCK_STRUCTURE)
    return bool(read_slot(structure, IN_TABLE)) and PyUnicode_GET_LENGTH(<str>read_slot(structure, TAG)) == 0


cdef str _join(str left, str right):
    """`body._join` (of a non-empty `right`)."""
    if _one_of(_at(right, 0), GLUED):
        return left + right
    return left + " " + right


def body_parts(list blocks):
    """`body._body_parts(blocks)`: the body's paragraphs, headings, quotes and list items,
    fragments joined and repeats dropped; None where it cannot tell (a block with an empty
    text, or one that is not exactly a `Block` of a str and a `BlockStructure`), for the
    Python code to answer."""
    cdef Py_ssize_t n = len(blocks), k
    cdef list texts = [], structures = []
    cdef list runs = []  # [text, first block, is heading] of each run
    cdef list run
    cdef str text, prev_text, key
    cdef bint prev_heading, heading, joinable
    cdef object block, structure, value
    for block in blocks:
        if type(block) is not Block:
            return None
        value = read_slot(block, BLOCK_TEXT)
        structure = read_slot(block, BLOCK_STRUCTURE)
        if type(value) is not str or type(structure) is not BlockStructure:
            return None
        text = value
        if PyUnicode_GET_LENGTH(text) == 0:
            return None
        texts.append(text)
        structures.append(structure)
    # `body._merge_fragments`
    for k in range(n):
        text = texts[k]
        structure = structures[k]
        if runs:
            run = runs[len(runs) - 1]
            prev_text = run[0]
            prev_heading = run[2]
        else:
            prev_text = ""
            prev_heading = False
        if read_slot(structure, HEADING_LEVEL) > 0:
            runs.append([text, blocks[k], True])
            continue
        if runs and not prev_heading and _ends_with_dash_run(prev_text):
            run[0] = prev_text + " " + text
            continue
        if read_slot(structure, IN_TABLE) and PyUnicode_GET_LENGTH(<str>read_slot(structure, TAG)) == 0:
            runs.append([text, blocks[k], False])  # a row of flattened text's table laid out in columns
            continue
        joinable = (
            len(runs) > 0
            and not prev_heading
            and not read_slot(structure, BLANK_BEFORE)
            and not read_slot(structure, BULLET)
            and not _ends_with_one_of(prev_text, TERMINAL)
            and (
                read_slot(structure, TAG) in JOINED_TAGS
                or (_starts_continuation(text) and not (read_slot(structure, TAG) == "p" and _opens_with_dash(text)))
            )
        )
        if joinable and (
            _starts_continuation(text)
            or _words(prev_text, 0, PyUnicode_GET_LENGTH(prev_text), 6) <= 6
            or _words(text, 0, PyUnicode_GET_LENGTH(text), 6) <= 6
        ):
            run[0] = _join(prev_text, text)
            continue
        heading = (
            _is_heading_like(text)
            and not _ends_with_one_of(text, DASHES)
            and (
                PyUnicode_GET_LENGTH(prev_text) == 0
                or _ends_with_one_of(prev_text, TERMINAL)
                or _table_row(run[1])  # `body._table_row`
            )
            and k + 1 < n
            and not _starts_continuation(texts[k + 1])
            and _all_words(texts[k + 1]) > _all_words(text)
            and not _splits_sentence(texts, structures, k, n)
        )
        runs.append([text, blocks[k], heading])
    # `body._body_parts`' loop over the runs
    cdef list parts = []
    cdef set seen_headings = set()
    cdef Py_ssize_t chars = 0
    for run in runs:
        chars += PyUnicode_GET_LENGTH(<str>run[0])
    cdef SeenTexts seen = SeenTexts(chars)
    for run in runs:
        text = run[0]
        block = run[1]
        if run[2]:
            key = text.lower()
            if key in seen_headings:
                continue
            seen._shingles_of(text)
            if seen._repeats():
                continue  # a pull quote restating a paragraph is no subheading
            seen_headings.add(key)
            parts.append(_part(KIND_HEADING, text, read_slot(block, BLOCK_INDEX)))
            continue
        seen._shingles_of(text)
        if seen._repeats():
            continue
        seen._add()
        structure = read_slot(block, BLOCK_STRUCTURE)
        if read_slot(structure, IN_BLOCKQUOTE):
            kind = KIND_QUOTE
        elif read_slot(structure, IN_LIST) or read_slot(structure, BULLET):
            kind = KIND_LIST_ITEM
        else:
            kind = KIND_PARAGRAPH
        parts.append(_part(kind, text, read_slot(block, BLOCK_INDEX)))
    return parts


def heading_indices(list blocks, frozenset levels):
    """`title._heading_indices(blocks, levels)`: where the blocks whose heading level is one of
    `levels` are, in order (the scan the title reads the page's headings with); None where a
    block is not exactly a `Block` of a `BlockStructure`, for the Python code to answer."""
    cdef list found = []
    cdef Py_ssize_t i = 0
    cdef object block, structure
    for block in blocks:
        if type(block) is not Block:
            return None
        structure = read_slot(block, BLOCK_STRUCTURE)
        if type(structure) is not BlockStructure:
            return None
        if read_slot(structure, HEADING_LEVEL) in levels:
            found.append(i)
        i += 1
    return found


# ---------------------------------------------------------------------------------------------
# The list entries: `lists._list_items`' loop over a related or sidebar section's lines, before
# `lists._without_ranks`. The lines' tests that need the lexicon (a date line, a date after a
# separator, a menu row) are the Python functions the caller passes, asked only where the Python
# loop asks them; what is done here is the rest of the loop: each line's header, its edge
# whitespace, its digit and its word count (`str.split()`'s words), the repeated headline and the
# entries themselves, for every line in one C loop.

cdef Py_ssize_t HREF = slot_offset(BlockStructure, "href", False)
cdef Py_ssize_t ITEM_TITLE = slot_offset(ListItem, "title", True)
cdef Py_ssize_t ITEM_URL = slot_offset(ListItem, "url", True)
cdef Py_ssize_t ITEM_DATE = slot_offset(ListItem, "date", True)
cdef Py_ssize_t ITEM_TEASER = slot_offset(ListItem, "teaser", True)
if tuple(ListItem.__dataclass_fields__) != ("title", "url", "date", "teaser"):
    raise ImportError("ListItem's fields changed: update warta.assemble._body")
check_plain_new(ListItem)


cdef object _item(object title, object url, object date, object teaser):
    """`ListItem(title, url, date, teaser)`, its slots set directly."""
    cdef object made = allocate(ListItem)
    set_new_slot(made, ITEM_TITLE, <PyObject *>title)
    set_new_slot(made, ITEM_URL, <PyObject *>url)
    set_new_slot(made, ITEM_DATE, <PyObject *>date)
    set_new_slot(made, ITEM_TEASER, <PyObject *>teaser)
    return made


# `warta.strings.SPACELESS_RANGES` and `SPACELESS_CHARS_PER_WORD` (`_probe` checks that the two
# agree on lines of each range's edges): the scripts written without spaces, whose characters
# `word_count` counts as words.
cdef Py_UCS4 SPACELESS_FIRST = 0x3040
cdef Py_ssize_t SPACELESS_CHARS_PER_WORD = 3
# `SPACELESS_SLOW_RANGES` (Thai, 0x0E00-0x0E7F) and `SPACELESS_SLOW_CHARS_PER_WORD`.
cdef Py_UCS4 SPACELESS_SLOW_FIRST = 0x0E00
cdef Py_UCS4 SPACELESS_SLOW_LAST = 0x0E7F
cdef Py_ssize_t SPACELESS_SLOW_CHARS_PER_WORD = 6


cdef inline bint _spaceless(Py_UCS4 c) noexcept:
    """Whether `c` (at least `SPACELESS_FIRST`) is in `warta.strings.SPACELESS_RANGES`."""
    if c <= 0x30FF:
        return True
    if c < 0x3400:
        return 0x31F0 <= c <= 0x31FF
    if c <= 0x9FFF:
        return c <= 0x4DBF or c >= 0x4E00
    if c < 0x20000:
        return 0xF900 <= c <= 0xFAFF or 0xFF66 <= c <= 0xFF9F
    return c <= 0x323AF


cdef Py_ssize_t _digit_and_words(str text, bint *digit) noexcept:
    """`warta.strings.word_count(text)` (`len(text.split())`, a piece of k * `SPACELESS_CHARS_PER_WORD`
    or more characters of a script written without spaces counting k words); `digit[0]`: whether
    `any(map(str.isdigit, text))` (in one pass: "0"-"9" are the ASCII digits, other code points
    are asked of `Py_UNICODE_ISDIGIT`; no whitespace is a digit). A one-byte str (Latin-1) holds
    no character of those scripts: it only counts its pieces."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text), count = 0, spaceless = 0, slow = 0, extra
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef bint in_word = False, found = False, wide = kind != PyUnicode_1BYTE_KIND
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISSPACE(c):
            in_word = False
            continue
        if not in_word:
            in_word = True
            count += 1
            if spaceless or slow:  # the piece before may count more words
                extra = spaceless // SPACELESS_CHARS_PER_WORD + slow // SPACELESS_SLOW_CHARS_PER_WORD
                if extra >= 2:
                    count += extra - 1
            spaceless = 0
            slow = 0
        if wide and c >= SPACELESS_SLOW_FIRST:
            if c <= SPACELESS_SLOW_LAST:
                slow += 1
            elif c >= SPACELESS_FIRST and _spaceless(c):
                spaceless += 1
        if not found:
            if c < 128:
                found = 48 <= c <= 57
            else:
                found = Py_UNICODE_ISDIGIT(c)
    extra = spaceless // SPACELESS_CHARS_PER_WORD + slow // SPACELESS_SLOW_CHARS_PER_WORD
    if extra >= 2:
        count += extra - 1
    digit[0] = found
    return count


def word_count(str text):
    """`_digit_and_words(text)`'s word count, for `warta.strings`' tests of the two."""
    cdef bint digit = False
    return _digit_and_words(text, &digit)


cdef str _stripped(str text):
    """`text.strip()`: `str.strip`'s whitespace is `Py_UNICODE_ISSPACE`."""
    cdef Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    while start < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    while end > start and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    return text[start:end]


cdef bint _is_menu_row(
    str norm, frozenset menu, bint has_phrase, object lexicon, object is_menu_row
) except -1:
    """`is_menu_row(norm, lexicon, has_phrase)` (`markers.is_menu_row_normalised`) or
    `lists._separated_menu_row(norm, lexicon)`: half the words of `norm.split()` or more in `menu`
    (`lexicon.menu_words()`), each looked up as the Python test does, its separators not counted;
    the Python test itself where that does not decide (a nav phrase in it)."""
    cdef Py_ssize_t i = 0, start, n = PyUnicode_GET_LENGTH(norm), words = 0, single = 0, separators = 0
    cdef int kind = PyUnicode_KIND(norm)
    cdef const void *data = PyUnicode_DATA(norm)
    while True:
        while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        if i >= n:
            break
        start = i
        while i < n and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            i += 1
        words += 1
        if i - start == 1 and norm[start:i] in ROW_SEPARATORS:
            separators += 1  # ('Aviso legal · Privacidad': the row's separators are none of its words)
        else:
            single += norm[start:i] in menu
    if words == 0 or (separators < words and single * 2 >= words - separators):
        return True
    if not has_phrase:
        return False
    return is_menu_row(norm, lexicon, has_phrase)


def list_items(
    list blocks,
    list norms,
    dict headers,
    dict nav,
    object lexicon,
    frozenset menu_words,
    object is_date_line,
    object inline_dated,
    object is_menu_row,
    object normalise_marker,
):
    """`lists._entries(blocks, norms, lexicon, headers, phrases)`: a related or sidebar
    section's entries (`nav`: `phrases.nav`; `menu_words`: `lexicon.menu_words()`; `is_date_line`, `inline_dated`, `is_menu_row`,
    `normalise_marker`: `features.is_date_line`, `lists._inline_dated`,
    `markers.is_menu_row_normalised` and `normalise_marker`); None where a block is not exactly
    a `Block` of a str and a `BlockStructure`, or a norm not a str, for the Python code to answer."""
    cdef list items = []
    cdef str norm, raw, text, last_title = None, before_last = None
    cdef bint dates_open = False, digit = False
    cdef Py_ssize_t k, n = len(blocks), n_words
    cdef object block, structure, value, dated, last
    if len(norms) != n:
        return None
    for k in range(n):
        block = blocks[k]
        value = norms[k]
        if type(block) is not Block or type(value) is not str:
            return None
        norm = value
        if PyUnicode_GET_LENGTH(norm) == 0:
            continue
        if headers[norm] is not None:
            # "Archives" over "February 2026": dates under a new header are its entries.
            dates_open = False
            continue
        value = read_slot(block, BLOCK_TEXT)
        structure = read_slot(block, BLOCK_STRUCTURE)
        if type(value) is not str or type(structure) is not BlockStructure:
            return None
        raw = value
        text = None
        dated = None
        n_words = _digit_and_words(raw, &digit)
        if digit:
            text = _stripped(raw)
            if is_date_line(text, lexicon):
                if items and dates_open:
                    last = items[len(items) - 1]
                    if read_slot(last, ITEM_DATE) is None:
                        items[len(items) - 1] = _item(
                            read_slot(last, ITEM_TITLE), read_slot(last, ITEM_URL), text, read_slot(last, ITEM_TEASER)
                        )
                continue
            dated = inline_dated(text, lexicon)
        if items and n_words >= TEASER_MIN_WORDS and dated is None:
            last = items[len(items) - 1]
            if text is None:
                text = _stripped(raw)
            if read_slot(last, ITEM_TEASER) is None and reads_as_teaser(
                text, n_words, read_slot(structure, HREF), read_slot(last, ITEM_TITLE), read_slot(last, ITEM_URL)
            ):
                # A long line under a title is its teaser, unless it carries a date of its own.
                items[len(items) - 1] = _item(
                    read_slot(last, ITEM_TITLE), read_slot(last, ITEM_URL), read_slot(last, ITEM_DATE), text
                )
                continue
        if (last_title is not None and norm == last_title) or (before_last is not None and norm == before_last):
            continue  # the same headline printed twice (image alt text + link)
        if n_words < 3 or _is_menu_row(norm, menu_words, nav[norm], lexicon, is_menu_row):
            continue
        before_last = last_title
        if dated is None:
            if text is None:
                text = _stripped(raw)
            items.append(_item(text, read_slot(structure, HREF), None, None))
            last_title = norm
        else:
            items.append(_item(dated[0], read_slot(structure, HREF), dated[1], None))
            last_title = normalise_marker(dated[0])
        dates_open = True
    return items
