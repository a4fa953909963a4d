"""Body blocks → paragraphs, headings and quotes.

Flatteners split a sentence wherever a link or `<b>` sat; those fragments are
re-joined here. Repeated paragraphs (a pull quote restating a paragraph, a
lede printed twice) are dropped, keeping the first occurrence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Protocol

from warta.classify.sections import section_scans
from warta.classify.sentences import starts_capitalised
from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.model import Block, BodyPart, Label
from warta.strings import lower_words

_TERMINAL = tuple('.!?;:"”’)»…')
_FULL_STOPS = tuple(".!?…")  # what ends a sentence itself (no bracket, quote or colon)
# "(*/S-01)", "(yum/yum)", "(ant/P-2)", "(Ant/ABC)" at the very end of the text.
_EDITOR_CODE = re.compile(
    r"\s*\(((?:\*|[A-Za-z][A-Za-z0-9.-]{0,9})(?:\s*/\s*(?:\*|[A-Za-z0-9][A-Za-z0-9.-]{0,9})){1,3})\)\s*$"
)


@dataclass(frozen=True, slots=True)
class BodyResult:
    parts: list[BodyPart]
    editor_codes: list[str]


_QUOTES = "\"“”‘’'"
_HEADING_NOT_ENDING = (*_TERMINAL, ",")  # what a subheading never ends with


def is_heading_like(text: str) -> bool:
    """Short, unterminated, capitalised: how a subheading looks once flattened. A subheading
    may quote someone whole ("'We feel forgotten'"): its quotes are not its punctuation."""
    core = text.strip(_QUOTES)
    if core.endswith(_HEADING_NOT_ENDING):  # first: most paragraphs end in a full stop
        return False
    words = core.split(maxsplit=14)  # at most 15 parts: enough to tell "more than 14"
    return 1 <= len(words) <= 14 and starts_capitalised(core)


def _starts_continuation(text: str) -> bool:
    first = text[0]
    return first.islower() or first in ",.;:)]}!?%”’'\"-–—"


def _opens_with_dash(text: str) -> bool:
    """'– Mieszkańcy czekali … – mówił prezydent.': a dash and a space open the line and a full
    stop ends it, as a quote opens in Polish, Russian, Spanish or Italian. A paragraph element
    ("<p>") written so is a paragraph of its own, not the end of the line before it (an embedded
    post's '— Name (@handle) date' line or a '- item' of a dash list ends with no stop)."""
    return len(text) > 1 and text[0] in "-–—" and text[1] == " " and text.endswith(_FULL_STOPS)


def _at_most_words(text: str, n: int) -> bool:
    """`len(text.split()) <= n`, without splitting all of a long text."""
    return len(text.split(maxsplit=n)) <= n


def _join(left: str, right: str) -> str:
    if right[0] in ",.;:)]}!?%”’":
        return left + right
    return f"{left} {right}"


def _opens_longer_line(text: str, nxt: str) -> bool:
    """Whether `nxt`, the line after a heading-like `text`, is a longer line of its own (not a
    continuation): what makes `text` a subheading."""
    return bool(nxt) and not _starts_continuation(nxt) and len(nxt.split()) > len(text.split())


_SPLIT_PIECE_WORDS = 4


def _splits_sentence(blocks: Sequence[Block], k: int) -> bool:
    """Whether the two lines after block `k` are pieces of one sentence that a flattener split at
    inline elements (bs4: "Tinjauan" / "Suara Pantai Timur" / "di Pasar …", the paper's name in
    italics): the first a few words (`_SPLIT_PIECE_WORDS`: a name, a link's text), unterminated,
    the second going on in lower case. Then the short line at `k` opens that sentence and is no
    subheading."""
    if k + 2 >= len(blocks):
        return False
    nxt, after = blocks[k + 1], blocks[k + 2]
    return (
        not nxt.structure.tag  # (flattened text: HTML's inline elements are joined by their tags)
        and _at_most_words(nxt.text, _SPLIT_PIECE_WORDS)
        and not nxt.text.endswith(_TERMINAL)
        and not nxt.structure.blank_before
        and not after.structure.blank_before
        and not after.structure.bullet
        and after.text[0].islower()
    )


def _table_row(block: Block | None) -> bool:
    """A row of flattened text's table laid out in columns: it ends no sentence, yet a line
    after it opens anew (the table's last row over a subheading)."""
    return block is not None and block.structure.in_table and not block.structure.tag


def _merge_fragments(blocks: Sequence[Block]) -> list[tuple[str, Block, bool]]:
    """(text, first block, is_heading) runs, joining fragments of one sentence."""
    runs: list[tuple[str, Block, bool]] = []
    for k, block in enumerate(blocks):
        text = block.text
        s = block.structure
        prev_text, prev_block, prev_heading = runs[-1] if runs else ("", None, False)
        if s.heading_level > 0:
            runs.append((text, block, True))
            continue
        if runs and not prev_heading and prev_text.endswith((" -", " --", " –", " —")):
            runs[-1] = (f"{prev_text} {text}", runs[-1][1], False)
            continue
        if s.in_table and not s.tag:  # a row of flattened text's table laid out in columns
            runs.append((text, block, False))
            continue
        joinable = (
            runs
            and not prev_heading
            and not s.blank_before
            and not s.bullet
            and not prev_text.endswith(_TERMINAL)
            and (
                s.tag in ("", "a", "span", "b", "strong", "em", "i")
                or (_starts_continuation(text) and not (s.tag == "p" and _opens_with_dash(text)))
            )
        )
        if joinable and (
            _starts_continuation(text) or _at_most_words(prev_text, 6) or _at_most_words(text, 6)
        ):
            runs[-1] = (_join(prev_text, text), runs[-1][1], False)
            continue
        heading = (
            is_heading_like(text)
            and not text.endswith(("-", "–", "—"))
            and (not prev_text or prev_text.endswith(_TERMINAL) or _table_row(prev_block))
            and _opens_longer_line(text, blocks[k + 1].text if k + 1 < len(blocks) else "")
            and not _splits_sentence(blocks, k)
        )
        runs.append((text, block, heading))
    return runs


# A shingle: three consecutive words (fewer in a text that has fewer). A tuple of the words
# the tokenizer made costs less than a string joining them (measured: 6% fewer instructions
# for the whole body pass, garbage collection included).
Shingle = tuple[str, ...]


def _shingle_set(text: str) -> set[Shingle]:
    """The shingles of `text`'s lower-cased words."""
    tokens = lower_words(text)
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return set(zip(tokens, tokens[1:], tokens[2:], strict=False))


class _SeenParagraphs:
    """Shingle sets of the paragraphs kept so far, indexed by shingle so a repeat
    check costs the size of the new paragraph, not the number of paragraphs.

    A shingle's first paragraph is kept in one dict (filled in bulk), the rare later
    ones in another.
    """

    def __init__(self) -> None:
        self._first: dict[Shingle, int] = {}
        self._more: dict[Shingle, list[int]] = {}
        self._sets: list[set[Shingle]] = []

    def _paragraphs_with(self, shingle: Shingle) -> list[int]:
        first = self._first.get(shingle)
        return [] if first is None else [first, *self._more.get(shingle, ())]

    def candidates(self, shingles: set[Shingle]) -> set[int]:
        """Every earlier paragraph that may hold 80% of `shingles` (and a few that do not).

        A paragraph holding `need` of the shingles holds one of any `len - need + 1` of
        them, so the rarest that many name every candidate. Counting hits over every
        shingle instead was quadratic where a phrase recurs in thousands of paragraphs
        (20,000 lines sharing "dari halaman yang": 23 s).
        """
        postings = sorted(map(self._paragraphs_with, shingles), key=len)
        enough = len(shingles) - math.ceil(0.8 * len(shingles)) + 1
        return set(chain.from_iterable(postings[:enough]))

    def is_repeat(self, shingles: set[Shingle]) -> bool:
        """True when ≥ 80% of `shingles` occur in one earlier paragraph."""
        return self._repeats(shingles, shingles.difference(self._first))

    def _repeats(self, shingles: set[Shingle], unseen: set[Shingle]) -> bool:
        """`is_repeat`, given the shingles no earlier paragraph holds."""
        if len(shingles) < 4:
            return False
        need, sets = 0.8 * len(shingles), self._sets
        if len(shingles) - len(unseen) < need:
            return False  # fewer than that occur in any earlier paragraph: most paragraphs
        return any(len(shingles & sets[c]) >= need for c in self.candidates(shingles))

    def add(self, shingles: set[Shingle]) -> None:
        self._add(shingles, shingles.difference(self._first))

    def add_unless_repeat(self, shingles: set[Shingle]) -> bool:
        """`add` unless `is_repeat`; whether added."""
        unseen = shingles.difference(self._first)
        if self._repeats(shingles, unseen):
            return False
        self._add(shingles, unseen)
        return True

    def _add(self, shingles: set[Shingle], unseen: set[Shingle]) -> None:
        count = len(self._sets)
        if len(unseen) < len(shingles):
            for shingle in shingles.difference(unseen):
                self._more.setdefault(shingle, []).append(count)
        self._first.update(dict.fromkeys(unseen, count))
        self._sets.append(shingles)


class RepeatTest(Protocol):
    """Paragraph texts kept so far, and whether a new text repeats one of them."""

    def is_repeat(self, text: str) -> bool: ...

    def add_unless_repeat(self, text: str) -> bool: ...


class _SeenTexts:
    """`_SeenParagraphs` over texts: each text is its `_shingle_set`. The reference of the
    compiled `warta.assemble._body.SeenTexts`, which gives the same answers."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen = _SeenParagraphs()

    def is_repeat(self, text: str) -> bool:
        """Whether ≥ 80% of `text`'s shingles (at least four) occur in one kept paragraph."""
        return self._seen.is_repeat(_shingle_set(text))

    def add_unless_repeat(self, text: str) -> bool:
        """Keep `text` unless `is_repeat(text)`; whether kept."""
        return self._seen.add_unless_repeat(_shingle_set(text))


def _body_parts(blocks: Sequence[Block]) -> list[BodyPart]:
    """The body's paragraphs, headings, quotes and list items: `blocks` (the body's) with
    fragments joined and repeats dropped. The reference of the compiled
    `warta.assemble._body.body_parts`, which gives the same parts."""
    parts: list[BodyPart] = []
    seen = _SeenTexts()
    seen_headings: set[str] = set()
    for text, block, heading in _merge_fragments(blocks):
        if heading:
            key = text.lower()
            if key in seen_headings or seen.is_repeat(text):
                continue  # a pull quote restating a paragraph is no subheading
            seen_headings.add(key)
            parts.append(BodyPart("heading", text, block.index))
            continue
        if not seen.add_unless_repeat(text):
            continue
        kind = (
            "quote"
            if block.structure.in_blockquote
            else ("list_item" if block.structure.in_list or block.structure.bullet else "paragraph")
        )
        parts.append(BodyPart(kind, text, block.index))  # type: ignore[arg-type]
    return parts


# What `_compiled_body_parts` checks the compiled pass on. Texts, in order: (kept?, text),
# `is_repeat` where not kept; repeats above and below 80%, ASCII, Latin, Greek (final sigma),
# Turkish "İ", astral and CJK text, texts of zero to three words, a phrase shared by many lines.
_PROBE: tuple[tuple[bool, str], ...] = (
    (True, "Presiden meresmikan jembatan baru di Jakarta pada Senin pagi, kata juru bicara."),
    (False, "Presiden meresmikan jembatan baru di Jakarta pada Senin pagi."),
    (True, "PRESIDEN meresmikan jembatan BARU di Jakarta pada Senin pagi, kata juru bicara!"),
    (True, "Presiden meresmikan jembatan lama di Bandung pada Selasa sore, kata juru bicara."),
    (True, ""),
    (True, "Satu"),
    (True, "satu dua"),
    (False, "Satu, dua"),
    (True, "İstanbul’da “büyük” gün ΟΔΟΣ και ΟΔΟΣ’Α naïve café déjà vu"),
    (True, "istanbul’da büyük gün οδος και οδος’α naïve café déjà vu"),
    (True, "🌉 jembatan 𝐀𝐁 x_1 𝟙 新しい橋が開通した 🌉 jembatan 𝐀𝐁 x_1"),
    (False, "🌉 JEMBATAN 𝐀𝐁 x_1 𝟙 新しい橋が開通した 🌉 jembatan 𝐀𝐁"),
    *((True, f"Baris nomor {i} dari halaman yang sangat panjang.") for i in range(40)),
    (True, "Baris nomor 99999 dari halaman yang sangat panjang."),
    (True, "a b c d e a b c d e"),
    (True, "a b c d e f"),
)
# Lines and their structure (heading level, blank line before, bullet, tag, in a list, in a
# quote) for the body pass: fragments to join (a dash, lower case, short lines, inline tags),
# subheadings and lines that only look like one, a repeated heading, quotes and list items.
_PROBE_LINES: tuple[tuple[str, int, bool, bool, str, bool, bool], ...] = (
    ("Jakarta -", 0, False, False, "p", False, False),
    ("Presiden meresmikan jembatan baru di Jakarta pada Senin pagi", 0, False, False, "a", False, False),
    (", kata juru bicara.", 0, False, False, "span", False, False),
    ("'Kami merasa dilupakan'", 0, True, False, "p", False, False),
    ("Warga mengatakan keluhan mereka diabaikan selama bertahun-tahun.", 0, True, False, "p", False, False),
    ("Judul Bagian", 2, True, False, "h2", False, False),
    ("judul bagian", 2, True, False, "h2", False, False),
    ("Sebuah kutipan panjang dari narasumber yang berbicara.", 0, True, False, "p", False, True),
    ("butir pertama daftar", 0, False, True, "", True, False),
    ("Butir kedua", 0, False, False, "li", True, False),
    ("Dua kata", 0, True, False, "b", False, False),
    ("lalu berlanjut", 0, False, False, "div", False, False),
    ("Ditulis —", 0, True, False, "p", False, False),
    ("oleh redaksi kami yang bertugas di lapangan hari ini", 0, False, False, "p", False, False),
    ("2026 Tahun Baru", 0, True, False, "p", False, False),
    ("Tahun baru datang dengan harapan baru bagi warga kota ini.", 0, False, False, "p", False, False),
)


def _probe_blocks() -> list[Block]:
    from warta.model import BlockStructure

    lines = [*_PROBE_LINES, *((text, 0, True, False, "p", False, False) for _, text in _PROBE if text)]
    return [
        Block(i, text, BlockStructure(blank, blank, bullet, level, tag, in_list=listed, in_blockquote=quoted))
        for i, (text, level, blank, bullet, tag, listed, quoted) in enumerate(lines)
    ]


def _answers(seen: RepeatTest) -> list[bool]:
    return [seen.add_unless_repeat(text) if keep else seen.is_repeat(text) for keep, text in _PROBE]


@lru_cache(maxsize=1)
def _compiled_body_parts() -> Callable[[list[Block]], list[BodyPart] | None] | None:
    """`warta.assemble._body.body_parts` where it is built and gives `_body_parts`'s parts
    (and its `SeenTexts` `_SeenTexts`' answers) on the probes; None otherwise, or with
    WARTA_PURE_PYTHON. It answers None for blocks it leaves to `_body_parts`."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.assemble._body import SeenTexts, body_parts
    except ImportError:
        return None
    blocks = _probe_blocks()
    if _answers(SeenTexts()) != _answers(_SeenTexts()) or body_parts(blocks) != _body_parts(blocks):
        set_aside("body pass", "Python")
        return None
    return body_parts


# One editor's initials, lower case, closing the last paragraph or alone on its line:
# "(akr)", "… saluran irigasi. [dan]" (upper case would be an agency: "(AP)").
_SINGLE_CODE = re.compile(r"(?:^|(?<=[.!?\"”]))\s*[(\[]([a-z][a-z0-9]{1,7})[)\]]\s*$")


_SINGLE_CODE_LINE = 7  # "(laz)", "[rin]": one editor's initials alone on a line, at most this long
_CODE_CLOSE = (")", "]")  # how `_EDITOR_CODE` and `_SINGLE_CODE` end, before trailing `\s`


def _stray_line(text: str) -> bool:
    return len(text.split()) <= 4 and not text.endswith(_TERMINAL)


_CODE_LINE = re.compile(
    r"^\s*\(((?:\*|[A-Za-z][A-Za-z0-9.-]{0,9})(?:\s*/\s*(?:\*|[A-Za-z0-9][A-Za-z0-9.-]{0,9})){1,3})\)\s*$"
)


def _codes(group: str) -> list[str]:
    return [c.strip() for c in group.split("/") if c.strip() not in ("*", "")]


_CODE_REACH = 3  # how many lines after the body an editor code may sit
_CODE_REACH_PAST_LINKS = 8  # as many again, where every line between is a short link (tags)


def trailing_code(blocks: Sequence[Block], labels: Sequence[Label]) -> tuple[int, list[str]] | None:
    """An editor code on its own line just after the body: "(fyk/ash)" (detik, CNN Indonesia),
    also below a row of tag links that closes the story ("pasar terapung" / "lok baintan" / …);
    one editor's initials ("(laz)", `_SINGLE_CODE`) on the line right under the body only (bs4
    puts the `<em>` they are set in on a line of its own)."""
    last = section_scans().last(labels if type(labels) is list else list(labels), Label.BODY)
    if last < 0:
        return None
    for i in range(last + 1, min(len(blocks), last + 1 + _CODE_REACH_PAST_LINKS)):
        match = _CODE_LINE.match(blocks[i].text)
        if match is None and i == last + 1 and len(blocks[i].text) <= _SINGLE_CODE_LINE:
            match = _SINGLE_CODE.match(blocks[i].text)
        if match:
            return i, _codes(match.group(1))
        if i >= last + _CODE_REACH and not _short_link(blocks[i]):
            return None
    return None


def _short_link(block: Block) -> bool:
    """A line that is one short link: a tag, a topic."""
    return block.structure.href is not None and len(block.text.split()) <= 4


_PUNCTUATION_ONLY = frozenset(".,;:!?)]}”’\"'…")


def _closes_previous(blocks: Sequence[Block], labels: Sequence[Label], i: int) -> bool:
    """A line of bare punctuation ('.') right after a body line: the end of a sentence the
    flattener cut at a link ('... melalui aplikasi' / 'Mitra Darat' / '.')."""
    text = blocks[i].text
    return (
        i > 0
        and len(text) <= 3
        and set(text) <= _PUNCTUATION_ONLY
        and labels[i - 1] is Label.BODY
        and not blocks[i - 1].text.endswith(_TERMINAL)
    )


_RESTATED_WORDS = (6, 40)  # how long a pull quote is, in words
_RESTATING_MARGIN = 4  # how many more words the paragraph it restates has, at least
_RESTATED_WORD_SHARE = 0.9  # of its distinct words, how many that paragraph holds
_RESTATED_SHINGLE_SHARE = 0.5  # and of its three-word runs: a shortened sentence keeps most
_RESTATING_REACH = 12  # how many parts away the restated paragraph may sit, before or after
_OPENING_QUOTES = "\"“‘«„'"
_CLOSING_QUOTES = "\"”’»“'"


def restates(short: str, long: str) -> bool:
    """Whether `short` is a shortened repeat of a sentence of `long`: nearly all its words
    are `long`'s, and most of its three-word runs too, so cutting a clause out of the sentence
    ("… the only indoor place [in most towns] where nobody …") keeps it a repeat."""
    words = set(lower_words(short))
    if not words:
        return False
    long_words = set(lower_words(long))
    if len(words & long_words) < _RESTATED_WORD_SHARE * len(words):
        return False
    shingles = _shingle_set(short)
    return len(shingles & _shingle_set(long)) >= _RESTATED_SHINGLE_SHARE * len(shingles)


def _pull_quote_like(text: str, words: int) -> bool:
    """A line that is one quotation and nothing else, 6-40 words: how a pull quote is printed
    ("“The only indoor place where nobody asks you to buy anything”"). A quoted paragraph
    goes on after its closing mark ("…,” she said."); a subheading or a lede has no marks."""
    low, high = _RESTATED_WORDS
    return low <= words <= high and text[:1] in _OPENING_QUOTES and text[-1:] in _CLOSING_QUOTES


def without_restatements(parts: list[BodyPart]) -> list[BodyPart]:
    """`parts` less each pull quote (`_pull_quote_like`) that a longer part near it, before
    or after, says in full (`restates`): the words printed twice. (The body pass drops
    repeats of earlier paragraphs only, and only near-whole ones; a pull quote may come
    before its paragraph, and is often cut short.)"""
    # The quotation marks first: most bodies have no line in them, and then no word is counted.
    marked = [i for i, part in enumerate(parts) if _quoted_alone(part.text.strip())]
    if not marked:
        return parts
    counts = [len(part.text.split()) for part in parts]
    quotes = [i for i in marked if _pull_quote_like(parts[i].text.strip(), counts[i])]
    if not quotes:
        return parts
    dropped: set[int] = set()
    restating = _Restating(parts)
    for i in quotes:
        longer = counts[i] + _RESTATING_MARGIN
        near = range(max(0, i - _RESTATING_REACH), min(len(parts), i + _RESTATING_REACH + 1))
        if any(j not in dropped and counts[j] >= longer and restating.restates(i, j) for j in near):
            dropped.add(i)
    return [part for i, part in enumerate(parts) if i not in dropped] if dropped else parts


def _quoted_alone(text: str) -> bool:
    """`_pull_quote_like`'s quotation marks, without its word count."""
    return text[:1] in _OPENING_QUOTES and text[-1:] in _CLOSING_QUOTES


@dataclass
class _Restating:
    """`restates` over parts by index, each part's word and shingle sets made once."""

    parts: list[BodyPart]
    _words: dict[int, set[str]] = field(default_factory=dict)
    _shingles: dict[int, set[Shingle]] = field(default_factory=dict)

    def words(self, i: int) -> set[str]:
        words = self._words.get(i)
        if words is None:
            words = self._words[i] = set(lower_words(self.parts[i].text))
        return words

    def shingles(self, i: int) -> set[Shingle]:
        shingles = self._shingles.get(i)
        if shingles is None:
            shingles = self._shingles[i] = _shingle_set(self.parts[i].text)
        return shingles

    def restates(self, short: int, long: int) -> bool:
        """`restates(parts[short].text, parts[long].text)`."""
        words = self.words(short)
        if not words:
            return False
        if len(words & self.words(long)) < _RESTATED_WORD_SHARE * len(words):
            return False
        shingles = self.shingles(short)
        return len(shingles & self.shingles(long)) >= _RESTATED_SHINGLE_SHARE * len(shingles)


def build_body(blocks: Sequence[Block], labels: Sequence[Label]) -> BodyResult:
    body = Label.BODY  # looked up once: an enum member is a slow attribute to read per block
    at = section_scans().positions(labels if type(labels) is list else list(labels), body, len(labels))
    # A bare punctuation line can only close a body line right above it: only the line after
    # each body block can join the body that way.
    closing = [
        i
        for i in map((1).__add__, at)
        if i < len(blocks)
        and labels[i] is not body
        and len(blocks[i].text) <= 3
        and _closes_previous(blocks, labels, i)
    ]
    body_blocks = [blocks[i] for i in (sorted([*at, *closing]) if closing else at)]
    compiled = _compiled_body_parts()
    compiled_parts = None if compiled is None else compiled(body_blocks)
    parts = _body_parts(body_blocks) if compiled_parts is None else compiled_parts
    parts = without_restatements(parts)
    codes: list[str] = []
    # The editor code closes the article: look at the last paragraphs only.
    for k in range(len(parts) - 1, max(len(parts) - 3, -1), -1):
        if not parts[k].text.rstrip().endswith(_CODE_CLOSE):
            continue  # both codes end the text (but for whitespace) with their bracket: no scan
        match = _EDITOR_CODE.search(parts[k].text) or _SINGLE_CODE.search(parts[k].text)
        if match:
            if all(_stray_line(part.text) for part in parts[k + 1 :]):
                del parts[k + 1 :]  # a tag or a button after the code the article closed with
            codes = _codes(match.group(1))
            stripped = parts[k].text[: match.start()].rstrip()
            if stripped:
                parts[k] = BodyPart(parts[k].kind, stripped, parts[k].block)
            else:
                del parts[k]
            break
    while parts and parts[-1].kind == "heading":
        parts.pop()
    if not codes:
        found = trailing_code(blocks, labels)
        if found:
            codes = found[1]
    return BodyResult(parts, list(dict.fromkeys(codes)))
