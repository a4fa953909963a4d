# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""The per-block loops of the labels stage in C: each function here is one pass over a page's
blocks that the pure-Python code in `warta.classify.cards`, `tail`, `body_lines`, `sections` and
`html_labels` runs block by block, with the same tests read code point by code point
(no `str.split`, no regex per block).

The Python functions stay the reference: each caller checks at first use that its compiled
pass gives the reference's result on probe lines (the `_card_letters`, `_word_list_runs`,
`_caption_rows`, `_containers`, `_line_scans`, ... getters next to each reference,
`Lexicon.starts_with_trie` / `ends_with_trie` for the tries and `sections.section_scans` for
the label scans), and tests/classify/test_labelscan.py compares both on edge cases, every code
point, generated input and the benchmark pages (tests/classify/test_sections.py the label
scans, on edge cases and generated labels). The character classes are CPython's own
predicates, which is what `str.split` (whitespace), `str.isalnum` and the `re` classes
`\\d` (decimal digits) and `\\w` (alphanumerics and "_") call for one code point.
"""

from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_KIND,
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISSPACE,
    Py_UNICODE_ISUPPER,
)
from cpython.object cimport PyObject, PyObject_Hash
from cpython.pyport cimport PY_SSIZE_T_MAX
from cpython.sequence cimport PySequence_Contains
from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.string cimport memchr, memset
from warta._codepoints cimport PyUnicode_READ, char_t
from warta._slots cimport read_slot, slot_offset
from warta.model import Block, BlockStructure


cdef extern from "Python.h":
    ctypedef struct PyASCIIObject:
        Py_hash_t hash  # (-1 until computed)


cdef inline Py_hash_t _hash(object key) except? -1:
    """`hash(key)`: read from the str where it was computed before (an exact str only)."""
    cdef Py_hash_t hashed
    if type(key) is str:
        hashed = (<PyASCIIObject *><PyObject *>key).hash
        if hashed != -1:
            return hashed
    return PyObject_Hash(key)


cdef struct Chars:
    # A str's code points read in place (its kind and data): no bounds or error checks per read.
    int kind
    void *data
    Py_ssize_t size


cdef inline Chars _chars(str text):
    cdef Chars chars
    chars.kind = PyUnicode_KIND(text)
    chars.data = PyUnicode_DATA(text)
    chars.size = len(text)
    return chars


cdef inline Py_UCS4 _at(Chars chars, Py_ssize_t i) noexcept nogil:
    return PyUnicode_READ(chars.kind, chars.data, i)


# CPython's predicates, ASCII answered inline (they look every code point up in its tables).

cdef inline bint _is_decimal(Py_UCS4 c) noexcept:
    if c < 128:
        return 48 <= c <= 57
    return Py_UNICODE_ISDECIMAL(c)


cdef inline bint _is_alnum(Py_UCS4 c) noexcept:
    if c < 128:
        return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122
    return Py_UNICODE_ISALNUM(c)


# ---- `cards.card_shapes` ----

cdef Py_ssize_t _CARD_TITLE_MAX = 160
cdef Py_ssize_t _CARD_TEXT_MAX = 350


cdef inline Py_ssize_t _count_words(const char_t *data, Py_ssize_t size) noexcept:
    cdef Py_ssize_t i, words = 0
    cdef bint inside = False, space
    for i in range(size):
        space = Py_UNICODE_ISSPACE(data[i])
        words += not space and not inside
        inside = not space
    return words


cdef inline Py_ssize_t _words(Chars text) noexcept:
    """`len(text.split())`."""
    if text.kind == PyUnicode_1BYTE_KIND:
        return _count_words(<const uint8_t *>text.data, text.size)
    if text.kind == PyUnicode_2BYTE_KIND:
        return _count_words(<const uint16_t *>text.data, text.size)
    return _count_words(<const uint32_t *>text.data, text.size)


cdef inline bint _any_decimal(const char_t *data, Py_ssize_t size) noexcept:
    cdef Py_ssize_t i
    for i in range(size):
        if _is_decimal(data[i]):
            return True
    return False


cdef inline bint _has_decimal(Chars text) noexcept:
    """`re.search(r"\\d", text)`: a decimal digit anywhere."""
    if text.kind == PyUnicode_1BYTE_KIND:
        return _any_decimal(<const uint8_t *>text.data, text.size)
    if text.kind == PyUnicode_2BYTE_KIND:
        return _any_decimal(<const uint16_t *>text.data, text.size)
    return _any_decimal(<const uint32_t *>text.data, text.size)


def card_letters(list texts):
    """(letters, dated): `cards.card_shapes`'s letter of each text (one ASCII byte each) as if no
    text were a timestamp, and the rows whose text may be one (60 characters at most, a decimal
    digit in it), for the caller to test with the lexicon's date patterns."""
    cdef Py_ssize_t count = len(texts), row, n, words
    cdef bytearray letters = bytearray(count)
    cdef list dated = []
    cdef Chars text
    cdef Py_UCS4 last
    for row in range(count):
        text = _chars(texts[row])
        n = text.size
        if n > _CARD_TITLE_MAX:
            letters[row] = 83 if n <= _CARD_TEXT_MAX else 76  # S, L
            continue
        if n <= 60 and _has_decimal(text):
            dated.append(row)
        words = _words(text)
        if n <= 40 and words <= 4:
            letters[row] = 77  # M
            continue
        last = _at(text, n - 1) if n else 0
        if words >= 3 and not (
            last == u"." or last == u"!" or last == u"," or last == u";" or last == u":" or last == u"…"
        ):
            letters[row] = 84  # T
        else:
            letters[row] = 83  # S
    return letters, dated


# ---- `tail.unmark_word_lists` ----

cdef inline bint _is_code_char(Py_UCS4 c) noexcept:
    """A character of `tail._CODE_CHARS`."""
    return (
        c == u"_" or c == u"=" or c == u"(" or c == u")" or c == u"{" or c == u"}" or c == u"["
        or c == u"]" or c == u"@" or c == u'"' or c == u"'" or c == u"/" or c == u";" or c == u"<"
        or c == u">" or c == u"*" or c == u"#" or c == u"$" or c == u"%" or c == u"+"
    )


cdef bint _entry_count(Chars text) noexcept:
    """`tail._ENTRY_COUNT.match(text)` of a text that opens with "(": 1 to 6 decimal digits,
    ")", then the end (or a final "\\n", where `$` matches too)."""
    cdef Py_ssize_t i = 1, n = text.size
    while i < n and i <= 6 and _is_decimal(_at(text, i)):
        i += 1
    if i == 1 or i >= n or _at(text, i) != u")":
        return False
    return i + 1 == n or (i + 2 == n and _at(text, i + 1) == u"\n")


cdef bint _is_list_word(str string) noexcept:
    """`tail._is_list_word`."""
    cdef Chars text = _chars(string)
    cdef Py_ssize_t n = text.size, i
    cdef Py_UCS4 c, last
    cdef bint alnum = False
    if n > 30:
        return False
    if n and _at(text, 0) == u"(" and _entry_count(text):
        return True
    if _words(text) > 2:
        return False
    if n:
        last = _at(text, n - 1)
        if last == u"." or last == u"!" or last == u"?" or last == u":":
            return False
    for i in range(n):
        c = _at(text, i)
        if _is_code_char(c):
            return False
        if not alnum and _is_alnum(c):
            alnum = True
    return alnum


def word_list_runs(list texts, Py_ssize_t shortest):
    """The runs (start, end) of `shortest` texts or more in a row that are each a list word
    (`tail._is_list_word`), each as long as it goes."""
    cdef Py_ssize_t count = len(texts), row, start = 0
    cdef list runs = []
    for row in range(count + 1):
        if row < count and _is_list_word(texts[row]):
            continue
        if row - start >= shortest:
            runs.append((start, row))
        start = row + 1
    return runs


def list_words(list texts):
    """`tail._is_list_word` of each text (for tests)."""
    return [_is_list_word(text) for text in texts]


# ---- `body_lines.rows_labelled`, `body_lines.rows_in` ----

def rows_labelled(list labels, object label, Py_ssize_t start=0, Py_ssize_t stop=PY_SSIZE_T_MAX):
    """`body_lines.rows_labelled`: the rows from `start` (at least 0) to `stop` of `labels` that
    hold `label` itself, one pointer comparison each."""
    cdef Py_ssize_t row, end = min(stop, len(labels))
    return [row for row in range(max(start, 0), end) if labels[row] is label]


def rows_in(list items, object container, Py_ssize_t start=0, Py_ssize_t stop=PY_SSIZE_T_MAX):
    """`body_lines.rows_in`: the rows from `start` (at least 0) to `stop` of `items` whose item
    `container` holds, one `in` test each (no bool, int or iterator object made per row)."""
    cdef Py_ssize_t row, end = min(stop, len(items))
    return [row for row in range(max(start, 0), end) if PySequence_Contains(container, items[row])]


# ---- `sections.first_position`, `sections.last_position` ----

# Where a label first and last is: one pass over the labels (any sequence, as a list) comparing
# pointers (a label is one of `Label`'s members, met by identity as the Python code's
# `operator.is_` does) instead of a call or a str comparison a block. (All of one label's rows:
# `rows_labelled` above.)

def last_position(object sequence, object label):
    """`sections.last_position(labels, label)`: where `label` last is in `labels`; -1 if nowhere."""
    cdef list labels = sequence if type(sequence) is list else list(sequence)
    cdef Py_ssize_t i
    for i in range(len(labels) - 1, -1, -1):
        if labels[i] is label:
            return i
    return -1


def first_position(object sequence, object label):
    """`sections.first_position(labels, label)`: where `label` first is in `labels`; -1 if nowhere."""
    cdef list labels = sequence if type(sequence) is list else list(sequence)
    cdef Py_ssize_t i
    for i in range(len(labels)):
        if labels[i] is label:
            return i
    return -1


# ---- `body_lines.mark_captions` ----

cdef Py_ssize_t BLOCK_TEXT = slot_offset(Block, "text", False)
cdef Py_ssize_t BLOCK_STRUCTURE = slot_offset(Block, "structure", False)
cdef Py_ssize_t STRUCTURE_IN_BLOCKQUOTE = slot_offset(BlockStructure, "in_blockquote", False)
cdef Py_ssize_t STRUCTURE_IN_FIGURE = slot_offset(BlockStructure, "in_figure", False)


def caption_rows(list blocks, list norms, list labels, object body, object other, str firsts, object agencies):
    """(rows, prefixed): `body_lines.caption_rows`, the rows `body_lines.mark_captions` tests in
    full and those only a caption prefix (starting with one of `firsts`) can mark."""
    cdef Py_ssize_t count = len(blocks), row, n
    cdef list rows = [], prefixed = []
    cdef str text, norm
    cdef bint plain, in_figure
    for row in range(count):
        label = labels[row]
        if label is not body and label is not other:
            continue
        block = blocks[row]
        # (The fields of a `Block` and its `BlockStructure` read from their slots; of any other
        # objects, through their attributes.)
        plain = type(block) is Block
        text = read_slot(block, BLOCK_TEXT) if plain else block.text
        n = len(text)
        if n > 300:
            continue
        structure = read_slot(block, BLOCK_STRUCTURE) if plain else block.structure
        if type(structure) is BlockStructure:
            if read_slot(structure, STRUCTURE_IN_BLOCKQUOTE):
                continue
            in_figure = read_slot(structure, STRUCTURE_IN_FIGURE)
        else:
            if structure.in_blockquote:
                continue
            in_figure = structure.in_figure
        norm = norms[row]
        if (
            in_figure
            or u":" in norm
            or u"(" in norm
            or u"/" in text
            or u"|" in text
            or u"via" in text
            or (n <= 40 and (u":" in text or norm in agencies))
        ):
            rows.append(row)
        elif len(norm) and norm[0] in firsts:
            prefixed.append(row)
    return rows, prefixed


# ---- `html_labels.refine_html_labels` ----

# A bit per low 12 bits of a hash, set for each of `kinds`' keys: a token whose bit is not set
# has no key's hash, so `kinds` does not hold it. A page's blocks carry thousands of class
# tokens, few of them a container's: the bit is tested where a dict lookup would cost ten times
# as much. (Fifty-odd keys leave about one token in eighty to the lookup by chance.)
cdef enum:
    _FILTER_WORDS = 64


cdef struct KeyFilter:
    uint64_t bits[_FILTER_WORDS]


cdef inline void _filter_add(KeyFilter *keys, Py_hash_t hash) noexcept:
    cdef size_t k = (<size_t>hash) & (_FILTER_WORDS * 64 - 1)
    keys.bits[k >> 6] |= (<uint64_t>1) << (k & 63)


cdef inline bint _filter_may_hold(const KeyFilter *keys, Py_hash_t hash) noexcept:
    cdef size_t k = (<size_t>hash) & (_FILTER_WORDS * 64 - 1)
    return (keys.bits[k >> 6] >> (k & 63)) & 1


cdef object _first_container(
    tuple tokens, Py_ssize_t start, dict kinds, tuple table, const KeyFilter *keys
):
    """`html_labels._first_container(tokens[start:])`: None where no token is a container's or
    one is a pull quote's (`kinds`: -1); else (label, token) of the first kind any token has
    (`kinds`: its number in `table`; `keys`: its keys' hashes), that kind's first token."""
    cdef Py_ssize_t i, size = len(tokens), best = -1, kind
    best_token = None
    for i in range(start, size):
        token = tokens[i]
        if not _filter_may_hold(keys, _hash(token)):
            continue
        found = kinds.get(token)
        if found is None:
            continue
        kind = found
        if kind < 0:
            return None
        if best < 0 or kind < best:
            best = kind
            best_token = token
    if best < 0:
        return None
    return (table[best][0], best_token)


def containers(list block_tokens, dict kinds, tuple table, object wrappers):
    """`html_labels._container(tokens, wrappers)` of each block's class tokens (blocks that share
    one tuple object, as side-by-side blocks do, look it up once); `kinds`: each container token's
    kind (its row in `table`), -1 for a pull quote's."""
    cdef Py_ssize_t count = len(block_tokens), row, i, last
    cdef list found = [None] * count
    cdef dict seen = {}
    cdef tuple tokens
    cdef KeyFilter keys
    memset(&keys, 0, sizeof(KeyFilter))
    for key in kinds:
        _filter_add(&keys, PyObject_Hash(key))
    previous = None
    hit = None
    for row in range(count):
        item = block_tokens[row]
        if item is previous:
            found[row] = hit
            continue
        key = id(item)
        tokens = item if type(item) is tuple else tuple(item)
        if key in seen:
            hit = seen[key]
        else:
            hit = _first_container(tokens, 0, kinds, table, &keys)
            if hit is not None and hit[1] in wrappers:
                last = -1
                for i in range(len(tokens)):
                    if tokens[i] in wrappers:
                        last = i
                hit = _first_container(tokens, last + 1, kinds, table, &keys)
            seen[key] = hit
        previous = item
        found[row] = hit
    return found


def teaser_pairs(
    list blocks, list labels, object body, double link, double summary_link, tuple summary,
    tuple headline, Py_ssize_t gap, Py_ssize_t meta_max
):
    """`html_labels.teaser_pairs`: (headline row, summary row) of each body block of
    `summary` (shortest, longest) characters, no heading, link density under `summary_link`,
    under a block of link density `link` or more and `headline` (shortest, longest)
    characters, at most `gap` rows up, only lines of `meta_max` characters that are not body
    between them."""
    cdef Py_ssize_t count = len(labels), i, k, n, stop
    cdef Py_ssize_t shortest = summary[0], longest = summary[1]
    cdef Py_ssize_t head_shortest = headline[0], head_longest = headline[1]
    cdef list pairs = []
    cdef str text
    for i in range(count):
        if labels[i] is not body:
            continue
        block = blocks[i]
        text = block.text
        n = len(text)
        if n < shortest or n > longest:
            continue
        structure = block.structure
        if structure.heading_level > 0:
            continue
        if structure.link_density >= summary_link:
            continue
        stop = i - 1 - gap
        if stop < -1:
            stop = -1
        k = i - 1
        while k > stop:
            above = blocks[k]
            text = above.text
            n = len(text)
            if above.structure.link_density >= link and head_shortest <= n <= head_longest:
                pairs.append((k, i))
                break
            if labels[k] is body or n > meta_max:
                break
            k -= 1
    return pairs


# ---- `lexicon.JoinedLines.containing_each` ----


cdef class Trie:
    """Words in a trie of code points: `after` finds, right after each occurrence of a character,
    the longest word that starts there, as the regex `lead(?:trie_pattern(words))` does when
    searched from one past each match (`lexicon.trie_pattern`: one branch per next character,
    each word's continuation tried before the word ends)."""

    cdef object _arrays  # the numpy arrays the views below read
    cdef const uint32_t[::1] chars  # the edges' characters, each node's sorted
    cdef const int64_t[::1] targets  # the node each edge leads to
    cdef const int64_t[::1] first  # node k's edges: first[k] to first[k + 1]
    cdef const uint8_t[::1] terminal  # whether a word ends at the node
    # Node k's ASCII edges as bits, ascii[2k] for code points 0-63 and ascii[2k + 1] for 64-127:
    # most characters read have no edge (a search starts at every space of a page), and a bit
    # says so without a search.
    cdef const uint64_t[::1] ascii
    # The root's edge of each ASCII character, or -1: the root has the most edges, and every
    # search starts there.
    cdef const int64_t[::1] root

    def __init__(self, words):
        import numpy as np

        nodes = [{}]
        ends = [False]
        for word in words:
            k = 0
            for ch in word:
                nxt = nodes[k].get(ch)
                if nxt is None:
                    nxt = len(nodes)
                    nodes.append({})
                    ends.append(False)
                    nodes[k][ch] = nxt
                k = nxt
            ends[k] = True
        cdef object bits  # (a Python int: 128 bits)
        chars, targets, first, ascii = [], [], [0], []
        for node in nodes:
            bits = 0
            for ch in sorted(node, key=ord):
                code = ord(ch)
                chars.append(code)
                targets.append(node[ch])
                if code < 128:
                    bits |= (<object>1) << code
            first.append(len(chars))
            ascii += [bits & 0xFFFFFFFFFFFFFFFF, bits >> 64]
        root = [-1] * 128
        for edge in range(first[0], first[1]):
            if chars[edge] < 128:
                root[chars[edge]] = edge
        arrays = (
            np.array(chars, dtype=np.uint32),
            np.array(targets, dtype=np.int64),
            np.array(first, dtype=np.int64),
            np.array(ends, dtype=np.uint8),
            np.array(ascii, dtype=np.uint64),
            np.array(root, dtype=np.int64),
        )
        self._arrays = arrays
        self.chars, self.targets, self.first, self.terminal, self.ascii, self.root = arrays

    cdef inline Py_ssize_t _edge(self, Py_ssize_t node, uint32_t c) noexcept:
        """The index of the edge of `c` out of `node`, or -1."""
        cdef Py_ssize_t lo, hi, mid
        if c < 128:
            if node == 0:
                return self.root[c]
            if not (self.ascii[2 * node + (c >> 6)] >> (c & 63)) & 1:
                return -1
        lo = self.first[node]
        hi = self.first[node + 1]
        while lo < hi:  # by bisection
            mid = (lo + hi) >> 1
            if self.chars[mid] < c:
                lo = mid + 1
            else:
                hi = mid
        if lo == self.first[node + 1] or self.chars[lo] != c:
            return -1
        return lo

    cdef Py_ssize_t _longest(self, Chars text, Py_ssize_t start) noexcept:
        """Where the longest word from `start` on ends, or -1."""
        cdef Py_ssize_t node = 0, i = start, best = start if self.terminal[0] else -1
        cdef Py_ssize_t edge
        while i < text.size:
            edge = self._edge(node, _at(text, i))
            if edge < 0:
                break
            node = self.targets[edge]
            i += 1
            if self.terminal[node]:
                best = i
        return best

    cdef int _step(self, Py_ssize_t *node, Py_UCS4 c) noexcept:
        """Follow the edge of `c` from `node[0]`: 1 if it leads to a word's end, 0 if on, -1 if none."""
        cdef Py_ssize_t edge = self._edge(node[0], c)
        if edge < 0:
            return -1
        node[0] = self.targets[edge]
        return 1 if self.terminal[node[0]] else 0

    cdef bint _opens(self, Chars text, Chars tail) noexcept:
        """Whether a word is a prefix of `text` followed by `tail`."""
        cdef Py_ssize_t node = 0, i
        cdef int step
        if self.terminal[0]:
            return True
        for i in range(text.size + tail.size):
            step = self._step(&node, _at(text, i) if i < text.size else _at(tail, i - text.size))
            if step:
                return step > 0
        return False

    cdef bint _closes(self, Chars text) noexcept:
        """Whether a word, read backwards, ends `text` (the words are stored reversed)."""
        cdef Py_ssize_t node = 0, i
        cdef int step
        if self.terminal[0]:
            return True
        for i in range(text.size - 1, -1, -1):
            step = self._step(&node, _at(text, i))
            if step:
                return step > 0
        return False

    def closing(self, list lines):
        """The rows of `lines` that end with one of the words read backwards (a trie of reversed
        suffixes: `line.endswith(suffixes)`)."""
        cdef Py_ssize_t row
        return [row for row in range(len(lines)) if self._closes(_chars(lines[row]))]

    def opening(self, list lines, str tail):
        """The rows of `lines` that open with a word, once `tail` is put after each (the regex
        `trie_pattern(words)` matching `line + tail`)."""
        cdef Chars after = _chars(tail)
        cdef Py_ssize_t row
        return [row for row in range(len(lines)) if self._opens(_chars(lines[row]), after)]

    def flag_after(self, str text, str lead, list starts, list flags, dict ending):
        """`lexicon.JoinedLines._flag_ending` of each match `after(text, lead)` finds: for each
        needle of `ending[match]` (head, length, owners, edges) whose head stands right before
        the match, with no letter against it on a side its edges guard, flag its line (the last
        of `starts` at or before it) in each of its owners' lists of `flags`."""
        if len(lead) != 1:
            raise ValueError("lead must be one character")
        cdef Chars chars = _chars(text)
        cdef Chars before
        cdef Py_UCS4 mark = lead[0]
        cdef Py_ssize_t at = _find(chars, mark, 0), stop, start, end, lo, hi, mid, row, count = len(starts), j
        cdef bint held
        # (`after`'s matches, each handled as it is found: no list of them, no tuple a match)
        while at >= 0:
            stop = self._longest(chars, at + 1)
            if stop < 0:
                at = _find(chars, mark, at + 1)
                continue
            for head, length, owners, edges in ending[text[at:stop]]:
                before = _chars(<str>head)
                start = at - before.size
                if start < 0:
                    continue
                held = True  # (`text.startswith(head, start)`, read in place)
                for j in range(before.size):
                    if _at(chars, start + j) != _at(before, j):
                        held = False
                        break
                if not held:
                    continue
                end = start + <Py_ssize_t>length
                if edges[0] and start > 0 and Py_UNICODE_ISALPHA(_at(chars, start - 1)):
                    continue
                if edges[1] and end < chars.size and Py_UNICODE_ISALPHA(_at(chars, end)):
                    continue
                lo, hi = 0, count  # bisect_right(starts, start)
                while lo < hi:
                    mid = (lo + hi) >> 1
                    if start < <Py_ssize_t>starts[mid]:
                        hi = mid
                    else:
                        lo = mid + 1
                row = lo - 1
                for k in owners:
                    (<list>flags[k])[row] = True
            at = _find(chars, mark, at + 1)

    def after(self, str text, str lead):
        """[(at, text[at:end])]: each `at` where `lead` (one character) stands with a word right
        after it, in order, and where that longest word ends."""
        if len(lead) != 1:
            raise ValueError("lead must be one character")
        cdef Chars chars = _chars(text)
        cdef Py_UCS4 mark = lead[0]
        cdef Py_ssize_t at = _find(chars, mark, 0), end
        cdef list found = []
        while at >= 0:
            end = self._longest(chars, at + 1)
            if end >= 0:
                found.append((at, text[at:end]))
            at = _find(chars, mark, at + 1)
        return found


cdef inline Py_ssize_t _find_in(const char_t *data, Py_ssize_t size, Py_UCS4 mark, Py_ssize_t start) noexcept:
    cdef Py_ssize_t i
    for i in range(start, size):
        if data[i] == mark:
            return i
    return -1


cdef inline Py_ssize_t _find(Chars text, Py_UCS4 mark, Py_ssize_t start) noexcept:
    """`text.find(mark, start)` read in place: the marks searched for (spaces) stand a few
    characters apart, where a call of `PyUnicode_FindChar` costs more than the loop (`memchr`,
    with no checks before it, costs less in a str of bytes)."""
    cdef const void *found
    if text.kind == PyUnicode_1BYTE_KIND:
        if mark > 255 or start >= text.size:
            return -1
        found = memchr(<const char *>text.data + start, <int>mark, <size_t>(text.size - start))
        return -1 if found == NULL else <Py_ssize_t>(<const char *>found - <const char *>text.data)
    if text.kind == PyUnicode_2BYTE_KIND:
        return _find_in(<const uint16_t *>text.data, text.size, mark, start)
    return _find_in(<const uint32_t *>text.data, text.size, mark, start)


# ---- `markers._special_rows`, `markers.section_headers` ----

cdef inline bint _image_extension(Chars text, Py_ssize_t at) noexcept:
    """Whether `text` holds jpg, jpeg, png, gif, webp, svg or avif at `at`."""
    cdef Py_ssize_t left = text.size - at
    cdef Py_UCS4 a, b, c
    if left < 3:
        return False
    a, b, c = _at(text, at), _at(text, at + 1), _at(text, at + 2)
    if a == u"j" and b == u"p":
        return c == u"g" or (c == u"e" and left >= 4 and _at(text, at + 3) == u"g")
    if left >= 4 and (
        (a == u"w" and b == u"e" and c == u"b" and _at(text, at + 3) == u"p")
        or (a == u"a" and b == u"v" and c == u"i" and _at(text, at + 3) == u"f")
    ):
        return True
    return (a == u"p" and b == u"n" and c == u"g") or (a == u"g" and b == u"i" and c == u"f") or (
        a == u"s" and b == u"v" and c == u"g"
    )


# Which of the code points below 256 a shape mark opens with ("#", ")", ",", ".", ">", "»";
# "›" is beyond), and which are one of "[](){}": most characters of a line are none of these,
# and one load tells (where comparisons with each would take several steps a character).
cdef uint8_t _SHAPE_OPENERS[256]
cdef uint8_t _BRACKETS[256]


cdef void _mark(uint8_t *table, bytes codes) noexcept:
    """`table` (256 entries) 1 at each of `codes`, 0 elsewhere."""
    cdef unsigned char code
    memset(table, 0, 256)
    for code in codes:
        table[code] = 1


_mark(_SHAPE_OPENERS, b"#),.>\xbb")
_mark(_BRACKETS, b"[](){}")


cdef bint _shape_mark(str line) noexcept:
    """Whether `markers._SHAPE_MARK` matches anywhere in `line`."""
    cdef Chars text = _chars(line)
    if text.kind == PyUnicode_1BYTE_KIND:
        return _shape_mark_in(<const uint8_t *>text.data, text)
    if text.kind == PyUnicode_2BYTE_KIND:
        return _shape_mark_in(<const uint16_t *>text.data, text)
    return _shape_mark_in(<const uint32_t *>text.data, text)


cdef inline bint _shape_mark_in(const char_t *data, Chars text) noexcept:
    """`_shape_mark` of `text`, its code points at `data`."""
    cdef Py_ssize_t i, n = text.size
    cdef Py_UCS4 c, d
    for i in range(n):
        c = data[i]
        if c < 256:
            if not _SHAPE_OPENERS[c]:
                continue
        elif c != u"›":
            continue
        if c == u"#" or c == u"›" or c == u">" or c == u"»":
            return True
        if c == u")":
            if i + 1 == n or _at(text, i + 1) == u"\n":
                return True
        elif c == u",":
            if i + 1 < n:
                d = _at(text, i + 1)
                if d != u"," and not Py_UNICODE_ISSPACE(d):
                    return True
        elif c == u"." and _image_extension(text, i + 1):
            return True
    return False


def shape_rows(list lines):
    """The rows of `lines` where `markers._SHAPE_MARK` matches."""
    cdef Py_ssize_t row
    return [row for row in range(len(lines)) if _shape_mark(lines[row])]


def bracket_rows(list lines, Py_ssize_t within):
    """The rows of `lines` with one of "[](){}" among their first `within` characters."""
    cdef Py_ssize_t row, n
    cdef Chars text
    cdef bint found
    cdef list rows = []
    for row in range(len(lines)):
        text = _chars(lines[row])
        n = text.size if text.size < within else within
        if text.kind == PyUnicode_1BYTE_KIND:
            found = _bracket_in(<const uint8_t *>text.data, n)
        elif text.kind == PyUnicode_2BYTE_KIND:
            found = _bracket_in(<const uint16_t *>text.data, n)
        else:
            found = _bracket_in(<const uint32_t *>text.data, n)
        if found:
            rows.append(row)
    return rows


cdef inline bint _bracket_in(const char_t *data, Py_ssize_t n) noexcept:
    """Whether one of "[](){}" is among the `n` code points at `data`."""
    cdef Py_ssize_t i
    for i in range(n):
        if data[i] < 256 and _BRACKETS[data[i]]:
            return True
    return False


# ---- `cards._cut_excerpt_runs`, `cards._kicker_card_runs` ----

cdef bint _cut_excerpt(str string) noexcept:
    """`sentences.is_cut_excerpt`: longer than 80 characters, ending in "..." or "…"."""
    cdef Chars text = _chars(string)
    cdef Py_ssize_t n = text.size
    if n <= 80:
        return False
    if _at(text, n - 1) == u"…":
        return True
    return _at(text, n - 1) == u"." and _at(text, n - 2) == u"." and _at(text, n - 3) == u"."


def cut_excerpt_runs(list texts, Py_ssize_t shortest):
    """The runs (start, end) of `shortest` texts or more in a row that are each cut short
    (`sentences.is_cut_excerpt`), each as long as it goes."""
    cdef Py_ssize_t count = len(texts), row, start = 0
    cdef list runs = []
    for row in range(count + 1):
        if row < count and _cut_excerpt(texts[row]):
            continue
        if row - start >= shortest:
            runs.append((start, row))
        start = row + 1
    return runs


cdef inline bint _is_upper(Py_UCS4 c) noexcept:
    if c < 128:
        return 65 <= c <= 90
    return Py_UNICODE_ISUPPER(c)


cdef inline bint _is_alpha(Py_UCS4 c) noexcept:
    if c < 128:
        return 65 <= c <= 90 or 97 <= c <= 122
    return Py_UNICODE_ISALPHA(c)


cdef bint _kicker(str string) noexcept:
    """`cards._is_kicker`: at most 40 characters, not ending in "." or ":", 2 to 6 words, three
    letters or more and every letter a capital (for ASCII text `str.isupper` says the same)."""
    cdef Chars text = _chars(string)
    cdef Py_ssize_t n = text.size, i, words, letters = 0
    cdef Py_UCS4 c
    if n > 40 or n == 0:
        return False
    c = _at(text, n - 1)
    if c == u"." or c == u":":
        return False
    words = _words(text)
    if words < 2 or words > 6:
        return False
    for i in range(n):
        c = _at(text, i)
        if _is_alpha(c):
            if not _is_upper(c):
                return False
            letters += 1
    return letters >= 3


def kickers(list texts):
    """`cards._is_kicker` of each text (for tests)."""
    return [_kicker(text) for text in texts]


def kicker_rows(list texts, str shapes):
    """The rows over a headline (letter "T" in `shapes`, one per text) whose text is a kicker
    (`cards._is_kicker`) and the headline's not: `cards._kicker_card_runs`' candidates, before
    its test of how the headline starts."""
    cdef Py_ssize_t row, count = min(len(texts), len(shapes))
    cdef list rows = []
    for row in range(count - 1):
        if shapes[row + 1] == u"T" and _kicker(texts[row]) and not _kicker(texts[row + 1]):
            rows.append(row)
    return rows


def blanked(list lines, Py_ssize_t limit):
    """`lines` with each line of `limit` characters or more made empty (`markers.PageLines`)."""
    cdef Py_ssize_t row, count = len(lines)
    cdef list out = list(lines)
    for row in range(count):
        if len(<str>out[row]) >= limit:
            out[row] = u""
    return out


# ---- `tail.unmark_company_boilerplate` ----

def company_rows(list texts, list norms, tuple phrases, Py_ssize_t at_most):
    """The rows whose text (80 characters or more, a capital first) may open a company's
    boilerplate: one of `phrases` first found in the normalised text after its start and by
    `at_most` (`tail._company_intro_name`'s first test)."""
    cdef Py_ssize_t row, at, count = len(texts)
    cdef list rows = []
    cdef str text, norm
    # The phrases grouped by their first characters (" is a global ", " is a leading ": " is "):
    # a phrase found by `at_most` starts with its head there, so a row whose head is not found by
    # `at_most` holds none of the group's phrases (most rows hold no head at all: one search
    # each, not one a phrase). (A negative `at_most` counts from the end: each phrase is read.)
    cdef dict groups = {}
    for phrase in phrases:
        groups.setdefault((<str>phrase)[:_COMPANY_HEAD] if at_most >= 0 else phrase, []).append(phrase)
    for row in range(count):
        text = texts[row]
        if len(text) < 80 or not Py_UNICODE_ISUPPER(text[0]):
            continue
        norm = norms[row]
        if _company_phrase_in(norm, groups, at_most):
            rows.append(row)
    return rows


cdef Py_ssize_t _COMPANY_HEAD = 4


cdef bint _company_phrase_in(str norm, dict groups, Py_ssize_t at_most) except -1:
    """Whether one of the phrases in `groups` (head -> phrases) is first found in `norm` after
    its start and by `at_most`."""
    cdef Py_ssize_t at
    for head, group in groups.items():
        if norm.find(head, 0, at_most + len(<str>head)) < 0:
            continue
        for phrase in <list>group:
            at = norm.find(phrase, 0, at_most + len(<str>phrase))
            if at > 0:
                return True
    return False


def digit_rows(list lines):
    """The rows of `lines` whose first character is a digit (`line[:1].isdigit()`):
    `markers.section_headers`' comment counts."""
    cdef Py_ssize_t row
    cdef Chars text
    cdef list rows = []
    for row in range(len(lines)):
        text = _chars(lines[row])
        if text.size and Py_UNICODE_ISDIGIT(_at(text, 0)):
            rows.append(row)
    return rows


# ---- `labels._attributions`, `body_lines.mark_slide_captions` ----

def ending_rows(list lines, str lasts, bint digit, bint space, bint beyond_ascii):
    """The rows of `lines` whose last character is one of `lasts`, or a digit (`str.isdigit`)
    with `digit`, or whitespace (`str.isspace`) with `space`, or not ASCII with `beyond_ascii`."""
    cdef Py_ssize_t row
    cdef Chars text
    cdef Py_UCS4 c
    cdef list rows = []
    for row in range(len(lines)):
        text = _chars(lines[row])
        if text.size == 0:
            continue
        c = _at(text, text.size - 1)
        if (
            (beyond_ascii and c > 127)
            or (digit and Py_UNICODE_ISDIGIT(c))
            or (space and Py_UNICODE_ISSPACE(c))
            or c in lasts
        ):
            rows.append(row)
    return rows
