"""The article's own headline, without the site-name suffix."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from operator import attrgetter

from warta.classify.features import is_date_line
from warta.classify.sections import section_scans
from warta.classify.sentences import starts_capitalised
from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.lexicon import Lexicon, normalise_marker
from warta.meta.byline import is_credit_line, is_outlet_byline
from warta.meta.dateline import is_dateline_line
from warta.meta.site import name_key, site_keys
from warta.model import LABEL_BODY, Block, Label, ListItem
from warta.strings import has_digit, lower_words

_WORD = re.compile(r"\w+")
_SEPARATOR = r"\s+[|–—•·»:-]\s+|\s+::\s+|\s*\|\s*"
_SITE_SEPARATORS = re.compile(_SEPARATOR)
_SEPARATOR_KEPT = re.compile(f"({_SEPARATOR})")
# Every separator holds one of these characters, after nothing but white space.
_SEPARATOR_CHAR = re.compile(r"[|–—•·»:-]")
SEPARATOR_CHARS = frozenset("|–—•·»:-")  # (a text with none of them holds no separator)
# In a metadata title with no other separator, a slash separates ("Topic / Board / Forum"):
# beside one, it is the headline's own ("Episode 3 / October pack – Site"), as it is in a
# visible heading; never between numbers ("2026 / 2027").
_SLASH_KEPT = re.compile(r"(\s+/\s+(?!\d))")
_MAX_PARTS = 8
# A page heading that shares less than this (Jaccard, words) with the metadata
# title is a slogan, a section name or a logo, not the article's headline.
_MIN_HEADING_OVERLAP = 0.15
_HEADLINE_MIN_WORDS = 4
# An <h1> longer than this is a paragraph set as one; under an app shell's title, a long post title.
_MAX_H1_WORDS = 30
_MAX_SHELL_H1_WORDS = 60
# A slogan heading's share of capitalised words after the first, and a Title Case headline's.
_SLOGAN_MAX_CAPITALS = 0.25
_TITLE_CASE_MIN_CAPITALS = 0.75
# Below this score the best line is no better evidence than the page title (a short line alone,
# or a line that shares no word with the title)
_WEAK_HEADLINE = 1.2
_MAX_SECTION_WORDS = 2
_MAX_HEADING_PIECES = 3  # blocks one heading element may be split into (by <br> or inner blocks)


def _split_at_separators(separators: re.Pattern[str], title: str) -> list[str]:
    """`separators.split(title)` for `_SITE_SEPARATORS` or `_SEPARATOR_KEPT`, which search
    slowly (a separator may start at any space): here they are only tried where one can start.

    Each separator is white space (perhaps none), then one of the characters `_SEPARATOR_CHAR`
    finds, then more. The leftmost separator from a position therefore starts in the white
    space right before the first such character after it, at the first of those spaces (where
    it fails, no later space of them or that character starts one: it is tried on from there).
    No separator looks behind where it starts, so it matches there as the search would."""
    if SEPARATOR_CHARS.isdisjoint(title):  # (most titles and lines: no separator, one piece)
        return [title]
    pieces: list[str] = []
    done = 0  # the end of the last separator found: its pieces are in `pieces`
    searched = 0  # no separator starts before this
    while (found := _SEPARATOR_CHAR.search(title, searched)) is not None:
        start = found.start()
        while start > searched and title[start - 1].isspace():  # (`str.isspace` is their `\s`)
            start -= 1
        separator = separators.match(title, start)
        if separator is None:
            searched = found.end()
            continue
        pieces.append(title[done:start])
        pieces.extend(separator.groups())
        done = searched = separator.end()
    pieces.append(title[done:])
    return pieces


def strip_site_name(title: str, site: str | None = None) -> str:
    """'Headline | Site' → 'Headline'. Keeps the longest part when no site name is known."""
    parts = [p.strip() for p in _split_at_separators(_SITE_SEPARATORS, title) if p.strip()]
    if len(parts) <= 1:
        return title.strip()
    if site:
        site_key = re.sub(r"\W", "", site.lower())
        kept = [p for p in parts if re.sub(r"\W", "", p.lower()) not in site_key]
        if kept and len(kept) < len(parts):
            parts = kept
            if len(parts) == 1:
                return parts[0]
    best = max(parts, key=lambda p: len(p.split()))
    return best if len(best.split()) >= 3 else title.strip()


def headline_part(title: str) -> str:
    """'Headline – Subtitle | Site' → 'Headline': the part before the first separator, if it is a phrase.

    On HTML pages the `<h1>` and `<title>` already name the article; what
    follows a separator is a site name or a tagline, rarely the headline.
    """
    parts = [p.strip() for p in _split_at_separators(_SITE_SEPARATORS, title) if p.strip()]
    if parts and len(parts[0].split()) >= 2:
        return parts[0]
    return title.strip()


_HEADING_LEVEL = attrgetter("structure.heading_level")
_TOP_LEVELS = frozenset({1, 2, 3})
_H1 = frozenset({1})


def _heading_indices(blocks: Sequence[Block], levels: frozenset[int]) -> list[int]:
    """Where the blocks whose heading level is one of `levels` are, in order (found by C-level
    iteration: most blocks are none). The reference of the compiled
    `warta.assemble._body.heading_indices`, which gives the same indices."""
    return list(compress(count(), map(levels.__contains__, map(_HEADING_LEVEL, blocks))))


@lru_cache(maxsize=1)
def _compiled_heading_indices() -> Callable[[list[Block], frozenset[int]], list[int] | None] | None:
    """`warta.assemble._body.heading_indices` where it is built and gives `_heading_indices`'s
    indices on probe blocks; None otherwise, or with WARTA_PURE_PYTHON."""
    if not compiled_parts_wanted():
        return None
    try:
        from warta.assemble._body import heading_indices
    except ImportError:
        return None
    from warta.assemble.body import _probe_blocks

    blocks = _probe_blocks()
    if any(
        heading_indices(blocks, levels) != _heading_indices(blocks, levels) for levels in (_TOP_LEVELS, _H1)
    ):
        set_aside("heading scan", "Python")
        return None
    return heading_indices


def _headings_at(blocks: Sequence[Block], levels: frozenset[int]) -> list[int]:
    """`_heading_indices`, by the compiled scan where it is in use and `blocks` a list."""
    compiled = _compiled_heading_indices()
    found = compiled(blocks, levels) if compiled is not None and type(blocks) is list else None
    return _heading_indices(blocks, levels) if found is None else found


def _top_headings(blocks: Sequence[Block]) -> list[int]:
    """Where the <h1>, <h2> and <h3> blocks are, in order."""
    return _headings_at(blocks, _TOP_LEVELS)


def _headline_block(blocks: Sequence[Block], hint: str | None) -> int | None:
    """The HTML heading that names the article: the first `<h1>`, unless it shares no
    words with the metadata title while a lower heading does (blogs put the site name in <h1>)."""
    headings = [i for i in _top_headings(blocks) if 2 <= len(blocks[i].text.split()) <= 30]
    h1 = next((i for i in headings if blocks[i].structure.heading_level == 1), None)
    if not hint:
        return h1
    ref = _tokens(hint)

    def overlap(i: int) -> float:
        tokens = _tokens(blocks[i].text)
        return len(tokens & ref) / len(tokens | ref) if tokens and ref else 0.0

    if h1 is not None and overlap(h1) >= 0.2:
        return h1
    best = max(headings, key=overlap, default=None)
    if best is not None and overlap(best) >= 0.5:
        return best
    return h1


def _tokens(text: str) -> set[str]:
    return set(lower_words(text))


def _mostly_menu_words(norm: str, lexicon: Lexicon) -> bool:
    """'facebook twitter whatsapp salin link': a row of buttons or menu entries."""
    words = norm.split()
    menu = sum(map(lexicon.menu_words().__contains__, words))  # share_line | nav_line
    return menu * 2 >= len(words)


def _headline_shape(text: str) -> float:
    """How much a line looks like a headline: capitalised, 4–20 words, no closing full stop."""
    words = text.split()
    score = 0.0
    if 4 <= len(words) <= 20:
        score += 0.3
    if starts_capitalised(text):
        score += 0.1
    if not text.endswith((".", ",", ";")):
        score += 0.1
    return score


def body_start(blocks: Sequence[Block], labels: Sequence[Label], lexicon: Lexicon) -> int:
    """Where the article begins for the headline's search: the first body block, past a date line
    there (a date line is never the first line of an article: on a page without blank lines the
    date and the headline under it may be labelled body; the headline is then the start), or the
    page's end when nothing is body."""
    first_body = section_scans().first(labels, LABEL_BODY)
    start = first_body if first_body >= 0 else len(blocks)
    while (
        start + 1 < len(blocks) and labels[start] is Label.BODY and is_date_line(blocks[start].text, lexicon)
    ):
        start += 1
    return start


@dataclass(frozen=True)
class LineTests:
    """The tests the rules and the text title ranker both ask of a page's lines, each asked once a
    line (one a page; `norms`: as `choose_title`'s): whether a line names something else than the
    headline (`names_something_else`) and whether it credits people (`is_credit_line`)."""

    blocks: Sequence[Block]
    lexicon: Lexicon
    norms: Sequence[str] | None = None
    _something_else: dict[int, bool] = field(default_factory=dict)
    _credit: dict[int, bool] = field(default_factory=dict)

    def norm(self, index: int) -> str:
        return normalise_marker(self.blocks[index].text) if self.norms is None else self.norms[index]

    def something_else(self, index: int) -> bool:
        found = self._something_else.get(index)
        if found is None:
            found = self._something_else[index] = names_something_else(
                self.blocks[index].text, self.norm(index), self.lexicon
            )
            if not found:  # (`names_something_else` asked `is_credit_line`: no)
                self._credit.setdefault(index, False)
        return found

    def credit(self, index: int) -> bool:
        found = self._credit.get(index)
        if found is None:
            found = self._credit[index] = is_credit_line(
                self.blocks[index].text, self.lexicon, self.norm(index)
            )
        return found

    def credit_or_date(self, index: int) -> bool:
        text = self.blocks[index].text
        return self.credit(index) or (has_digit(text) and is_date_line(text, self.lexicon))


def choose_title(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    hint: str | None = None,
    norms: Sequence[str] | None = None,
    tests: LineTests | None = None,
) -> tuple[str | None, int | None]:
    """Pick the headline block before the body; `hint` is a metadata title (HTML <title>, og:title);
    `norms`: `normalise_marker` of every block's text, where the caller has them; `tests`: the
    page's `LineTests`, where the caller shares them.

    For flattened text the first line is usually the page's `<title>`, so it
    plays the hint's role when no metadata exists. A very short first line is
    a site name, not a title, and gives no evidence.
    """
    if not blocks:
        return None, None
    h1 = _headline_block(blocks, hint)
    if h1 is not None:  # the page's own heading outranks any section a lexicon header opened
        return headline_part(blocks[h1].text), h1
    start = body_start(blocks, labels, lexicon)
    first_is_text = labels[0] in (Label.OTHER, Label.BODY, Label.TITLE)
    reference = hint or (blocks[0].text if first_is_text else "")
    repeated = _title_printed_again(blocks, reference, 0 if hint is None else -1, start)
    if repeated is not None:
        return repeated
    stripped_reference = strip_site_name(reference)
    ref_tokens = _tokens(stripped_reference) if len(stripped_reference.split()) >= 4 else set()
    lede = _lede_words(blocks, start, lexicon)
    tests = tests or LineTests(blocks, lexicon, norms)
    best = _best_headline(blocks, labels, lexicon, start, ref_tokens, lede, hint, _TEXT_LABELS, 41, tests)
    listed = False
    if not ref_tokens and (best is None or best[0] < _WEAK_HEADLINE):
        # No headline-shaped line outside the lists and no page title to check against: a list
        # header above the article ("Subscribe" on a newsletter post) may have swallowed the
        # headline on its way down to the body; look again right above the body, lists included.
        swallowed = _best_headline(
            blocks, labels, lexicon, start, ref_tokens, lede, hint, _LISTED_LABELS, 12, tests
        )
        if swallowed is not None and (best is None or swallowed[0] > best[0]):
            best, listed = swallowed, True
    # A page title on the first line ('Headline | Site') that shares no content word with the best
    # line below it names something else than that line: a landing page whose headings are
    # slogans; the page title is then the page's own name for itself. Not so a first line that
    # opens with the host name ('Site.example - Slogan'): the home page's title, its rest a slogan.
    unrelated = (
        best is not None
        and bool(ref_tokens)
        and (
            hint is not None or (stripped_reference != reference.strip() and not _opens_with_host(reference))
        )
        and not _content_words(blocks[best[1]].text, lexicon) & _content_words(stripped_reference, lexicon)
    )
    if best is None or (best[0] < _WEAK_HEADLINE and ref_tokens) or unrelated:
        if not reference:
            return None, None
        return stripped_reference, (0 if hint is None else None)
    index = _above_standfirst(
        blocks, labels, lexicon, best[1], lede, _LISTED_LABELS if listed else _TEXT_LABELS
    )
    return strip_site_name(blocks[index].text), index


def _title_printed_again(
    blocks: Sequence[Block], title: str, skip: int, start: int
) -> tuple[str, int] | None:
    """'Learn More: Academic Tutoring | The Partnership for Student Success' on the first line (the
    page's <title>, where a naive flattener puts it) and 'Learn More: Academic Tutoring' on a line
    of its own further down: a line that repeats the title's first part, or its first parts, is the
    headline the page prints (its <h1>); the title's other parts name the site or a section, which
    logos and menus repeat (a part after the first alone does not count). Only a title of two parts
    or more says which words are the headline. A one-word first part before two more parts is a
    label ('python - Why is "except: pass" bad? - Stack Overflow', 'Opinion | Headline | Site'):
    the runs after it count as well, if headline-sized (a shorter part there names a section).
    The longest such line wins; of equals, the last one above the body (`start`: where it begins),
    the heading over the story where menus, breadcrumbs and share cards print copies higher up,
    else the first one after. A line that repeats the whole title gives its headline part.
    `skip`: the index of the title's own line (-1: none, a metadata title). Chosen on the even
    WCXB ids of bench/bench_text_title.py, checked on the odd ones."""
    runs: dict[str, bool] = {}  # `_norm` of a run of parts -> whether it is the whole title
    label = False  # whether the first part is a one-word label ('Opinion | Headline - Site')
    for first, end, n_parts, text in _slices(title):
        if n_parts < 2:
            return None
        if first == 0 and end == 1:
            label = n_parts >= 3 and " " not in text
        if first > int(label):
            break  # (`_slices` gives the runs from the first part first)
        norm = _norm(text)
        if first > 0 and (end == n_parts or norm.count(" ") + 1 < _HEADLINE_MIN_WORDS):
            continue  # the site's name, or a section after the label
        if norm:
            runs.setdefault(norm, first == 0 and end == n_parts)
    if not runs:
        return None
    # Only a line whose first word opens a run can repeat it (most lines are read no further);
    # and only a line whose lower case holds a run's longest word (found in one string, in C).
    openers = {norm.split(" ", 1)[0] for norm in runs}
    best: tuple[int, bool, int] | None = None  # (number of words, above the body, rank)
    index = -1
    for i in _lines_holding(list(map(_TEXT, blocks)), {max(norm.split(" "), key=len) for norm in runs}):
        if i == skip:
            continue
        block = blocks[i]
        word = _WORD.search(block.text)
        if word is None or word.group().lower() not in openers:
            continue
        norm = _norm(block.text)
        if norm in runs:
            above = i <= start
            key = (norm.count(" ") + 1, above, i if above else -i)
            if best is None or key > best:
                best, index = key, i
    if best is None:
        return None
    text = blocks[index].text.strip()
    if runs[_norm(text)]:  # the whole title again, site name and all
        return headline_part(text), index
    return text, index


_TEXT = attrgetter("text")


def _lines_holding(texts: list[str], needles: Iterable[str]) -> list[int]:
    """The indices of `texts` whose lower case (`str.lower`) holds one of `needles` (none holding a
    line break), in order: one search of the lines lower-cased and joined. (A line whose `_norm`
    is a run holds each of the run's words in its lower case: `_title_printed_again` reads only
    these lines.)"""
    lowered = list(map(str.lower, texts))
    joined = "\n".join(lowered)
    ends = list(accumulate(map((1).__add__, map(len, lowered))))  # one past each line's break
    found: set[int] = set()
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            found.add(bisect_right(ends, at))
            at = joined.find(needle, at + 1)
    return sorted(found)


# A host name: labels of word characters and hyphens joined by dots, the last two letters or more.
_HOST = re.compile(r"[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}")


def _opens_with_host(line: str) -> bool:
    """'HarianNusantara.example - Berita Terkini dan Terpercaya': a line that opens with a host
    name, then more (the `names_site_first` of text, where the host is the only site name known).
    Articles put the site's name last ('Headline | Site'); what follows a leading one is the
    home page's slogan, or the headline ('Psychiatry.org - What Are the Latest …'), which the
    lines below then share words with."""
    parts = [p for p in _title_parts(line)[0] if p]
    return len(parts) >= 2 and _HOST.fullmatch(parts[0]) is not None


_TEXT_LABELS = (Label.OTHER, Label.BODY, Label.TITLE)
_LISTED_LABELS = (*_TEXT_LABELS, Label.SIDEBAR, Label.RELATED)
# A set, not `Label.X` per line: reading an enum member is a slow attribute lookup.
_LIST_BOXES = frozenset({Label.SIDEBAR, Label.RELATED})


def _best_headline(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    start: int,
    ref_tokens: set[str],
    lede: set[str],
    hint: str | None,
    allowed: tuple[Label, ...],
    span: int,
    tests: LineTests,
) -> tuple[float, int] | None:
    """(score, index) of the most headline-like line among the `span` lines above the body
    start whose label is one of `allowed`; None if there is no such line. `lede`: the
    content words of the first paragraphs (`_lede_words`); `tests`: the page's `LineTests`."""
    best: tuple[float, int] | None = None
    rank = 0  # eligible candidates seen between this one and the body start
    for i in range(min(start, len(blocks) - 1), max(-1, start - span), -1):
        block = blocks[i]
        text = block.text
        n_words = len(text.split())
        if not 2 <= n_words <= 30:
            continue
        twice = _printed_twice(blocks, labels, i, start)
        if labels[i] not in allowed and not (twice or _above_credit(blocks, labels, i, tests)):
            continue
        if allowed is _LISTED_LABELS and not _listed_headline(block, labels[i], lexicon, lede):
            continue
        at_body = i == start and labels[i] is LABEL_BODY and not block.structure.heading_level
        if at_body and (text.endswith((".", "!", "?")) or n_words > 20):
            continue
        if _sentence_goes_on(blocks, i, lexicon):
            continue
        if block.structure.bullet or text.startswith(_LIST_MARKS):
            continue  # a list item ('+ Tips & Techniques': a nested item as inscriptis prints it)
        # "Jakarta, CNN Indonesia --": a dateline on its own line
        if text.endswith(("-", "–", "—")) or tests.something_else(i):
            continue
        tokens = _tokens(text)
        overlap = len(tokens & ref_tokens) / len(tokens | ref_tokens) if tokens and ref_tokens else 0.0
        short = n_words < _HEADLINE_MIN_WORDS
        # A name, a label or a counter of one to three words between the headline and
        # the body ('Hendra Kusuma', 'Photo :') neither outranks nor pushes back the headline.
        score = 2.0 * overlap + (0.5 if short else 1.0) / (1 + rank) + _headline_shape(text)
        # A label or a name of one to three words shares words by chance; the page title on the
        # first line is the reference itself, already scored by its overlap.
        if not short and not (i == 0 and hint is None):
            score += (
                (_LEDE_WEIGHT if ref_tokens else _LEDE_WEIGHT_ALONE)
                * min(len(_content_of(tokens, lexicon) & lede), _LEDE_CAP)
                / _LEDE_CAP
            )
        rank += 0 if short else 1
        if block.structure.heading_level == 1:
            score += 1.5
        elif block.structure.heading_level:
            score += 0.3
        if i == 0 and hint is None:
            score += 0.1
        if block.structure.blank_before and block.structure.blank_after:
            score += _SET_APART
        if not block.structure.heading_level and _ends_sentence(text):
            score -= _SENTENCE_PENALTY
        # printing it twice (a list's card and the story's heading, or the same line twice in a
        # row: a heading and its copy for small screens) says as much as the page title naming it
        if twice or _twice_in_a_row(blocks, i):
            score += 2.0
        if over_credit_or_date(tests, i):
            score += _OVER_CREDIT
        if best is None or score > best[0]:
            best = (score, i)
    return best


# A headline stands over its byline or date (`over_credit_or_date`): a line this close above one
# gains this much. Chosen on the even WCXB ids of bench/bench_text_title.py (1.0 scored a page
# less there), checked on the odd ones.
_CREDIT_GAP = 3
_OVER_CREDIT = 1.5


def over_credit_or_date(tests: LineTests, index: int) -> bool:
    """'Keeping Your Home Spotless: Top Cleaning Trends' over 'by Karina Cohen | May 19, 2024': a
    byline or a date line within `_CREDIT_GAP` lines under the line at `index` (a standfirst or a
    caption may stand between them)."""
    return any(map(tests.credit_or_date, range(index + 1, min(len(tests.blocks), index + 1 + _CREDIT_GAP))))


def _twice_in_a_row(blocks: Sequence[Block], index: int) -> bool:
    """The line at `index` printed again right above or below it (templates that print the headline
    twice, one copy for small screens)."""
    text = blocks[index].text
    return (index + 1 < len(blocks) and blocks[index + 1].text == text) or (
        index > 0 and blocks[index - 1].text == text
    )


# A line set apart by blank lines above and below is a block of its own on the page: where
# the flattener keeps blank lines (inscriptis), the headline is one; chosen on even WCXB ids.
_SET_APART = 1.5
_LEDE_BLOCKS = 3
# A headline names what its first paragraphs are about: each content word it shares with them
# (up to _LEDE_CAP) adds to its score; more so where no page title on the first line speaks.
# Weights chosen on the even WCXB ids of bench/bench_text_title.py, checked on the odd ones.
_LEDE_WEIGHT = 1.0
_LEDE_WEIGHT_ALONE = 2.0
_LEDE_CAP = 4
_LEDE_SHARED_WORDS = 2


def _lede_words(blocks: Sequence[Block], start: int, lexicon: Lexicon) -> set[str]:
    """The content words of the first paragraphs of the body (from block `start`)."""
    return _content_words(" ".join(b.text for b in blocks[start : start + _LEDE_BLOCKS]), lexicon)


def _content_words(text: str, lexicon: Lexicon) -> set[str]:
    return _content_of(_tokens(text), lexicon)


def _content_of(tokens: set[str], lexicon: Lexicon) -> set[str]:
    """The content words among a line's `_tokens` (for a line whose tokens are already read)."""
    return {w for w in tokens if len(w) >= 3 and w not in lexicon.stopwords}


_LIST_MARKS = ("+ ", "* ", "o ")
# A line that closes a sentence loses this much; chosen on the even WCXB ids of
# bench/bench_text_title.py (1.0 and 2.0 scored no better), checked on the odd ones.
_SENTENCE_MIN_WORDS = 4
_SENTENCE_PENALTY = 1.5


def _ends_sentence(text: str) -> bool:
    """'Explore trending articles, expert perspectives, … in cybersecurity and IT.': a line of four
    words or more that closes with a full stop ('U.S.A.', '…' and '...' aside) or a comma is a
    sentence of a paragraph or a standfirst, not a headline."""
    if text.endswith(".") and (text.endswith("..") or "." in text.rsplit(None, 1)[-1][:-1]):
        return False
    return text.endswith((".", ",")) and len(text.split()) >= _SENTENCE_MIN_WORDS


def _sentence_goes_on(blocks: Sequence[Block], i: int, lexicon: Lexicon) -> bool:
    """'Renovating a home costs between' with 'an average of $20,000 …' under it, or a line that
    ends in a lower-case function word: the start of a sentence the flattener broke at a link, not a headline (a byline or a date in lower case
    under a headline is no continuation)."""
    if i + 1 >= len(blocks) or blocks[i].structure.heading_level:
        return False
    nxt = blocks[i + 1].text
    words = blocks[i].text.split()
    if words and words[-1] in lexicon.stopwords and not blocks[i + 1].structure.blank_before:
        # '… three other commercial lunar lander ideas to join its' over 'Arte' / 'mis m' / 'oon
        # program': a headline does not end in a function word, a sentence cut at a link does
        return True
    first_word = nxt.split()[0] if nxt.strip() else ""
    if not first_word or any(c.isupper() for c in first_word):  # 'iRunFar's experts …': a name
        return False
    if not (nxt[0].islower() or nxt[0] in ",.;:)%"):
        return False
    return not (is_credit_line(nxt, lexicon) or is_date_line(nxt, lexicon) or len(nxt.split()) < 3)


def _listed_headline(block: Block, label: Label, lexicon: Lexicon, lede: set[str]) -> bool:
    """A line of a list that can be the headline it swallowed: headline-shaped, starting with a
    capital, about what the first paragraphs are about (two content words shared: a share
    button, a section name or a newsletter appeal shares none), and no photo credit ('Photo by
    Jane Doe/Getty Images', '… in New York. Reuters'), byline ('Bruce Y. Lee Senior
    Contributor') or date."""
    text = block.text
    if not (_eligible_headline(block, label, lexicon, _LISTED_LABELS) and text[0].isupper()):
        return False
    if len(_content_words(text, lexicon) & lede) < _LEDE_SHARED_WORDS:
        return False
    norm = normalise_marker(text)
    words = norm.split()
    return (
        "/" not in text
        and "|" not in text
        and not norm.startswith(lexicon.photographer_prefix)
        and words[-1] not in lexicon.byline_roles
        and words[-1] not in lexicon.photo_agencies
        and " ".join(words[-2:]) not in lexicon.photo_agencies
        and not any(w in lexicon.month_words for w in words)
    )


def _above_credit(blocks: Sequence[Block], labels: Sequence[Label], index: int, tests: LineTests) -> bool:
    """A line a list header ('Trending' in a flattened menu) swallowed, right above the article's
    credit line: the headline, whatever section the header opened (`norms`: as `choose_title`'s)."""
    return labels[index] in _LIST_BOXES and index + 1 < len(blocks) and tests.credit(index + 1)


def _printed_twice(blocks: Sequence[Block], labels: Sequence[Label], index: int, start: int) -> bool:
    """A headline-shaped line a list swallowed that the header prints twice (once on a share
    card, once over the story), the second time near the body: the post's headline."""
    text = blocks[index].text
    return (
        labels[index] in _LIST_BOXES
        and start - index <= 8
        and 4 <= len(text.split()) <= 20
        and any(blocks[j].text == text for j in range(max(0, index - 12), index))
    )


def names_something_else(text: str, norm: str, lexicon: Lexicon) -> bool:
    """A date, a reading time, a caption, a menu row, a byline or a dateline: never the headline.
    (`norm`: `normalise_marker(text)`.)"""
    # A date line and a reading time both hold a digit ('3 min read'): most lines are neither.
    return (
        (has_digit(text) and (is_date_line(text, lexicon) or lexicon.is_reading_time(text)))
        or lexicon.contains_any(norm, lexicon.caption_prefix)
        or _mostly_menu_words(norm, lexicon)
        or is_outlet_byline(text, lexicon)
        or is_credit_line(text, lexicon, norm)
        or is_dateline_line(text, lexicon)
    )


def _eligible_headline(
    block: Block, label: Label, lexicon: Lexicon, allowed: tuple[Label, ...] = _TEXT_LABELS
) -> bool:
    text = block.text
    return (
        label in allowed
        and 4 <= len(text.split()) <= 20
        and not text.endswith((".", "!", "?", ":", "-", "–", "—"))
        and not names_something_else(text, normalise_marker(text), lexicon)
    )


def _above_standfirst(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    index: int,
    lede: set[str],
    allowed: tuple[Label, ...] = _TEXT_LABELS,
) -> int:
    """The headline when the line chosen is the standfirst printed under it: a long summary
    line right below a shorter headline-shaped line (news pages print headline, then deck)."""
    if index == 0 or blocks[index].structure.heading_level:
        return index
    above = index - 1
    words, words_above = len(blocks[index].text.split()), len(blocks[above].text.split())
    if not _eligible_headline(blocks[above], labels[above], lexicon, allowed):
        return index
    if not _content_words(blocks[above].text, lexicon) & lede:
        # A section label over the headline ("Edinburgh, Fife & East") names nothing the story
        # is about; a headline over its deck shares a word with the first paragraphs.
        return index
    if words >= 10 and words_above < words:
        return above
    # A deck shorter than its headline: the headline names more of what the first paragraphs tell.
    # (A kicker over the headline, 'GROWING AN ONLINE BUSINESS', is the shorter line.)
    if words_above > words and len(_content_words(blocks[above].text, lexicon) & lede) > len(
        _content_words(blocks[index].text, lexicon) & lede
    ):
        return above
    # A Title-Case line over a sentence-case one: headline and deck, whatever their lengths.
    if (
        words >= 6
        and _capitalised_share(blocks[above].text) >= 0.7
        and _capitalised_share(blocks[index].text) <= 0.3
    ):
        return above
    return index


def _capitalised_share(text: str) -> float:
    """The share of words after the first that start with a capital ('Title Case' ≈ 1, 'Sentence case' ≈ 0)."""
    words = [w for w in text.split()[1:] if w[0].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


# ---------------------------------------------------------------- HTML pages
# An HTML page states its headline up to five times: JSON-LD `headline`, og:title,
# twitter:title, <title> and the visible <h1>. The metadata titles carry the site's
# name ("Headline | Site", "Site: Headline") and sometimes a section or a tagline;
# the visible heading may be a logo, a slogan or a shortened headline. Evidence
# that two sources agree on beats any single source.


def _norm(text: str) -> str:
    """Words only, lower case: how two titles are compared."""
    return " ".join(_WORD.findall(text.lower()))


def is_site_name(text: str, keys: frozenset[str]) -> bool:
    """Whether `text` names the site: equal to a site key, a piece of one, or mostly one."""
    k = name_key(text)
    if not k:
        return True  # punctuation or symbols only: no headline either
    return any(k == s or (len(k) >= 3 and k in s) or (s in k and 2 * len(s) >= len(k)) for s in keys)


def _title_parts(title: str, slashes: bool = False) -> tuple[list[str], list[str]]:
    """'A – B | C' → (['A', 'B', 'C'], [' – ', ' | ']). Empty parts are kept (as '').
    With `slashes` (metadata titles), 'A / B / C' → (['A', 'B', 'C'], [' / ', ' / '])."""
    if not SEPARATOR_CHARS.isdisjoint(title):
        pieces = _split_at_separators(_SEPARATOR_KEPT, title)[: 2 * _MAX_PARTS - 1]
    elif slashes and "/" in title:
        pieces = _SLASH_KEPT.split(title)[: 2 * _MAX_PARTS - 1]
    else:  # (most headings: no separator, one part)
        return [title.strip()], []
    return [p.strip() for p in pieces[0::2]], pieces[1::2]


def _joined(parts: list[str], seps: list[str], first: int, end: int) -> str:
    """Parts `first` to `end` of a title with the separators that stood between them."""
    text = parts[first]
    for k in range(first + 1, end):
        text = f"{text}{seps[k - 1]}{parts[k]}"
    return text


def _slices(title: str) -> Iterator[tuple[int, int, int, str]]:
    """Every run of consecutive parts of a metadata title, as (first, end, number of parts, text)."""
    parts, seps = _title_parts(title, slashes=True)
    for i in range(len(parts)):
        text = parts[i]
        for j in range(i + 1, len(parts) + 1):
            if j > i + 1:
                text = f"{text}{seps[j - 2]}{parts[j - 1]}"
            yield i, j, len(parts), text.strip()


def without_site_name(title: str, keys: frozenset[str]) -> str:
    """'Headline – Tagline | Site' → 'Headline – Tagline': site-name parts dropped from both ends."""
    parts, seps = _title_parts(title)
    first, end = 0, len(parts)
    while end - first > 1 and is_site_name(parts[end - 1], keys):
        end -= 1
    while end - first > 1 and is_site_name(parts[first], keys):
        first += 1
    return _joined(parts, seps, first, end).strip() or title.strip()


def _spells_site_name(text: str, keys: frozenset[str]) -> bool:
    """Whether `text` is the site's name or a piece of it ('Cookshack'), not merely starts with it
    ('Nintendo Switch' on nintendo.com is a product, not the site)."""
    k = name_key(text)
    return bool(k) and any(k == s or (len(k) >= 3 and k in s) for s in keys)


def heading_without_site_name(heading: str, keys: frozenset[str]) -> str:
    """'Catering Tips | Cookshack' → 'Catering Tips': a visible heading that repeats the <title>,
    site name and all (templates that print the <title> as the page's <h1>).

    Only parts that spell the site's name are dropped, and only at the end, where
    titles carry it: a heading's first part is its subject even when the site's
    name begins it."""
    parts, seps = _title_parts(heading)
    end = len(parts)
    while end > 1 and _spells_site_name(parts[end - 1], keys):
        end -= 1
    if end == len(parts):
        return heading.strip()
    return _joined(parts, seps, 0, end).strip() or heading.strip()


def metadata_headline(title: str, keys: frozenset[str]) -> str:
    """The headline in a metadata title: its first part that does not name the site.

    'Headline – Tagline | Site' → 'Headline'; 'Site: Headline' → 'Headline'. What
    follows the headline is a section, a tagline or the site, rarely the headline.
    """
    parts = [p for p in _title_parts(title, slashes=True)[0] if p]
    kept = [p for p in parts if not is_site_name(p, keys)]
    return (kept or parts or [title.strip()])[0]


def _without_site_words(norm: str, keys: frozenset[str]) -> str:
    """'davidbau com vibe coding' → 'vibe coding': the site's name joined to the title without a separator."""
    words = norm.split()
    for k in range(min(3, len(words) - 1), 0, -1):  # longest first: 'davidbau com' before 'davidbau'
        if name_key("".join(words[:k])) in keys:
            return " ".join(words[k:])
        if name_key("".join(words[-k:])) in keys:
            return " ".join(words[:-k])
    return norm


def _agreeing_heading(
    blocks: Sequence[Block], titles: Sequence[str], keys: frozenset[str]
) -> tuple[str, int] | None:
    """A visible heading that a metadata title repeats (whole, or some of its parts).

    A run of parts that names the site does not count (the logo in <h1> matches the
    "| Site" suffix), nor does the last part alone (where sites put their name or
    section when the name is not known). <h1> headings are tried first, then <h2>/<h3>;
    a heading split into blocks is tried whole first (only the metadata's agreement
    tells one split heading from two headings side by side).
    """
    wanted = _TitleWords(list(dict.fromkeys(titles)), keys)  # titles often repeat each other
    # (41 words take at least 81 characters: a shorter heading is not split to count them.)
    top = [i for i in _top_headings(blocks) if len(text := blocks[i].text) <= 80 or len(text.split()) <= 40]
    levels = [blocks[i].structure.heading_level for i in top]
    # <h1> first, each group in document order (a stable sort on `level != 1`)
    headings = [i for i, level in zip(top, levels, strict=True) if level == 1] + [
        i for i, level in zip(top, levels, strict=True) if level != 1
    ]
    for i in headings:
        text = blocks[i].text
        for candidate in (*_split_heading(blocks, i), text):
            if wanted.holds(_norm(candidate)):
                return _without_section(heading_without_site_name(candidate, keys)), i
        part = headline_part(text)
        # (Most headings have no separator: their headline part is the text, already tried.)
        if part != text and wanted.holds(_norm(part)):
            return _without_section(heading_without_site_name(part, keys)), i
    return None


class _TitleWords:
    """The `_norm` forms of the metadata titles that a heading may repeat (`_agreeing_heading`):
    each title's runs of parts (not the last part alone after others, nor a run that names the
    site) and each title without the site's name joined to it by no separator. Decided one asked
    form at a time, and one title at a time, most trusted first: the first heading asked about is
    most often the headline, found among the first title's runs, so the other titles need not be
    split, nor the site-name tests of the other runs and the titles' joined names made."""

    __slots__ = ("_joined", "_keys", "_runs", "_titles")

    def __init__(self, titles: list[str], keys: frozenset[str]) -> None:
        self._titles = titles
        self._keys = keys
        # Beside each title whose runs were needed so far: `_norm` of a run -> the runs (non-empty texts)
        self._runs: list[dict[str, list[str]]] = []
        self._joined: set[str] | None = None

    def _runs_of(self, index: int) -> dict[str, list[str]]:
        """The runs of the title at `index`, by their `_norm` (each title's made once, in order)."""
        while len(self._runs) <= index:
            runs: dict[str, list[str]] = {}
            for first, end, n_parts, text in _slices(self._titles[len(self._runs)]):
                if n_parts > 1 and first > 0 and end == n_parts:
                    continue
                if text:
                    runs.setdefault(_norm(text), []).append(text)
            self._runs.append(runs)
        return self._runs[index]

    def holds(self, norm: str) -> bool:
        """Whether `norm` is one of the forms (never the empty one)."""
        if not norm:
            return False
        keys = self._keys
        for index in range(len(self._titles)):
            if any(not is_site_name(text, keys) for text in self._runs_of(index).get(norm, ())):
                return True
        if self._joined is None:
            self._joined = {_without_site_words(_norm(title), keys) for title in self._titles}
        return norm in self._joined


def _without_section(heading: str) -> str:
    """'How meditation rewires brains | Opinion' → 'How meditation rewires brains'.

    A heading of a headline-sized part and a one- or two-word last part names the
    section, the column or the brand after the headline (a subtitle or tagline has
    more words and stays)."""
    parts = _title_parts(heading)[0]
    if (
        len(parts) == 2
        and 1 <= len(parts[1].split()) <= _MAX_SECTION_WORDS
        and len(parts[0].split()) >= _HEADLINE_MIN_WORDS
    ):
        return parts[0]
    return heading


def _split_heading(blocks: Sequence[Block], index: int) -> list[str]:
    """The heading at `index` read on with the heading blocks right after it at the same level.

    A <br> or a block-level <span>/<div> inside an <h1> ('Remote<br>Full-Stack Jobs')
    splits it into blocks; the page's headline is their sum. Longest first."""
    level = blocks[index].structure.heading_level
    end = index + 1
    while (
        end < len(blocks)
        and end - index < _MAX_HEADING_PIECES
        and blocks[end].structure.heading_level == level
    ):
        end += 1
    return [" ".join(b.text for b in blocks[index:stop]) for stop in range(end, index + 1, -1)]


def _page_heading(
    blocks: Sequence[Block], keys: frozenset[str], max_words: int = _MAX_H1_WORDS
) -> int | None:
    """The first <h1> that is not the site's name, nor longer than `max_words` (a paragraph set as one)."""
    for i in _headings_at(blocks, _H1):  # the <h1>s
        text = blocks[i].text
        if len(text.split()) <= max_words and not is_site_name(text, keys):
            return i
    return None


def names_site_first(title: str, keys: frozenset[str]) -> bool:
    """'Reddit - The heart of the internet': the site's name, then more.

    Articles put the site's name last ('Headline | Site'); a title that opens with
    it is the home page's or the app shell's, the same on every page, and what
    follows is the site's slogan, not this page's headline."""
    parts = [p for p in _title_parts(title, slashes=True)[0] if p]
    return len(parts) >= 2 and is_site_name(parts[0], keys)


def _headline_slot_empty(title: str) -> bool:
    """'| Nuts & Volts Magazine': a title that opens with a separator, its template's headline
    left empty; what follows is the site's name, whether or not it is known as one."""
    parts = _title_parts(title, slashes=True)[0]
    return len(parts) >= 2 and not parts[0]


# A character a wrong encoding lost: '?' (an encoder's replacement) or U+FFFD (a decoder's).
_LOST_CHARACTER = re.compile("[?\ufffd]")


def _lossy_copy(heading: str, title: str) -> bool:
    """'Event Planning? Beginner? Guide' for 'Event Planning: Beginner’s Guide': the heading is the
    metadata title with characters a wrong encoding turned into '?' or U+FFFD (each stands for one to
    three characters: a UTF-8 sequence read byte by byte). A '?' that ends the heading may be its own,
    so at least one must stand inside it."""
    pieces = _LOST_CHARACTER.split(heading.strip())
    if len(pieces) < 2 or all(not piece for piece in pieces[1:]) or heading.strip() == title:
        return False
    pattern = ".{1,3}".join(map(re.escape, pieces))
    return re.fullmatch(pattern, title, re.IGNORECASE | re.DOTALL) is not None


def _headline_after_label(heading: str, headline: str) -> bool:
    """'Blog: Best Agencies of 2025', 'Dec 18 2025 Preparing a transition': the heading is the
    metadata headline after a label (one or two words and a colon) or a date (two or more tokens,
    numbers and at most one word: a month's name; a year alone begins many headlines), which the
    template prints inside the <h1>."""
    words, wanted = _norm(heading).split(), _norm(headline).split()
    extra = len(words) - len(wanted)
    if extra < 1 or len(wanted) < _HEADLINE_MIN_WORDS or words[extra:] != wanted:
        return False
    label = words[:extra]
    if extra <= 2 and _norm(heading.partition(":")[0]).split() == label:
        return True
    numbers = sum(word.isdigit() for word in label)
    return len(label) >= 2 and numbers >= 1 and len(label) - numbers <= 1


def _slogan_heading(heading: str, headline: str) -> bool:
    """'Business messaging that scales without slowing you down' under the title 'Business Text
    Messaging | Twilio': a heading of four or more words in sentence case (almost no capital after
    the first word) against a metadata headline in Title Case is the page's slogan, and the
    title-cased headline names the page. News that sets both in sentence case, or both in Title
    Case, is left to the other rules; the heading stays in the page, as the slogan it is."""
    return (
        len(heading.split()) >= _HEADLINE_MIN_WORDS
        and len(headline.split()) >= 2
        and _capitalised_share(heading) <= _SLOGAN_MAX_CAPITALS
        and _capitalised_share(headline) >= _TITLE_CASE_MIN_CAPITALS
        and _norm(heading) != _norm(headline)
    )


def _jaccard(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def choose_html_title(
    blocks: Sequence[Block],
    titles: Sequence[str],
    site_names: Iterable[str] = (),
    url: str | None = None,
) -> tuple[str | None, int | None]:
    """The headline of an HTML page and the index of its block (None when no block shows it).

    `titles` are the metadata titles, most trusted first (JSON-LD headline, og:title,
    twitter:title, <title>). In order:

    1. a visible heading that a metadata title repeats, site name aside;
    2. else the metadata headline when the <h1> is a slogan (a sentence-case line against a
       Title Case headline) or repeats the headline after a label or date, or when the <h1>
       lost characters to a wrong encoding;
    3. else the page's <h1>, unless it shares (almost) no words with the headline of any
       metadata title (an og:title may be a social teaser where the <title> agrees with the
       <h1>): then it is a slogan or a section and the metadata headline wins,
       except when that metadata title is 'Site – slogan' and the <h1> is headline-sized,
       or when it opens with a separator (its headline left empty);
    4. else the metadata headline. (Without an <h1>, the lines above the body are
       buttons, prices and teasers far more often than the headline.)
    """
    keys = site_keys(site_names, url)
    agreed = _agreeing_heading(blocks, titles, keys)
    if agreed is not None:
        return agreed
    meta = metadata_headline(titles[0], keys) if titles else None
    # An app shell's title ('Reddit - The heart of the internet') names no page: its <h1> is
    # the only headline the page has, however long a post's title runs.
    shell = bool(titles) and names_site_first(titles[0], keys)
    h1 = _page_heading(blocks, keys, _MAX_SHELL_H1_WORDS if shell else _MAX_H1_WORDS)
    if h1 is not None:
        heading = _without_section(without_site_name(blocks[h1].text, keys))
        if meta is not None:
            intact = without_site_name(titles[0], keys)
            if _lossy_copy(heading, intact):
                return intact, h1
            if _headline_after_label(heading, meta):
                return meta, h1
            if _slogan_heading(heading, meta):
                return meta, None
        if (
            meta is None
            or any(
                _jaccard(headline, heading) >= _MIN_HEADING_OVERLAP
                for headline in chain(
                    (meta,), (metadata_headline(t, keys) for t in dict.fromkeys(titles[1:]))
                )
            )
            # a headline-sized <h1> beats a title that is only the site's name and slogan
            or (shell and len(heading.split()) >= _HEADLINE_MIN_WORDS)
            or _headline_slot_empty(titles[0])
        ):
            return heading, h1
    if meta is not None and h1 is None:
        printed = _printed_without_label(blocks, meta)
        if printed is not None:
            return printed
    return meta, None


def _printed_without_label(blocks: Sequence[Block], headline: str) -> tuple[str, int] | None:
    """'Opini: Menata Ulang Subsidi Pupuk' in the metadata where the page prints 'Menata Ulang
    Subsidi Pupuk' on a line of its own, in no heading element (a bold table cell): the printed
    line is the headline, the label before it (the section's, `_headline_after_label`) aside."""
    if ":" not in headline:
        return None  # (the label's colon: most headlines have none)
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if len(text) < len(headline) and _headline_after_label(headline, text):
            return text, i
    return None


# ---------------------------------------------------------------- the headline named again
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{15,})[\"“”„«»]")


def _names_page(item: ListItem, key: str) -> bool:
    text = _norm(item.title)
    if key in text:
        return True
    # 'Baca artikel detiknews, "<the headline's first part>" selengkapnya'
    quoted = [_norm(q) for q in _QUOTED.findall(item.title)]
    return any(len(q.split()) >= 4 and q in key for q in quoted)


def without_self_links(items: list[ListItem], title: str | None, url: str | None = None) -> list[ListItem]:
    """Read-also items minus the page's own story: 'Baca artikel detiknews, "<this headline>"
    selengkapnya' closes every article of some portals; an item that is the page's own `url`
    alone ('Baca selengkapnya: https://…' closing a forwarded post) likewise."""
    if url is not None:
        items = [item for item in items if url not in (item.title, item.url)]
    key = _norm(title) if title else ""
    if len(key) < 15:
        return items
    return [item for item in items if not _names_page(item, key)]


_BOXES = (Label.SIDEBAR, Label.RELATED)


def unmark_headline_box(blocks: Sequence[Block], labels: list[Label], title: str | None) -> None:
    """The headline printed right above the body, and what lies between it and the body (the
    deck, the byline, the date, the lead photo's caption), are the article's own header, not a
    box's entries, where a box header at the page's top ('Suscríbete') ran on down to the body.
    The headline is found in the box, or already marked as the title."""
    first_body = section_scans().first(labels, LABEL_BODY)
    if not title or first_body <= 0:
        return
    key = _norm(title)
    headline = next(
        (
            i
            for i in range(first_body - 1, -1, -1)
            if (labels[i] in _BOXES or labels[i] is Label.TITLE) and _norm(blocks[i].text) == key
        ),
        None,
    )
    if headline is None:
        return
    for i in range(headline, first_body):
        if labels[i] in _BOXES:
            labels[i] = Label.OTHER


def entries_without_site_name(items: list[ListItem], first_line: str, title: str | None) -> list[ListItem]:
    """List entries minus the site's name ('Diario del Valle', the logo's text at the page's top and
    foot), where the first line names it after the headline ('Headline | Diario del Valle')."""
    if not title:
        return items
    parts = _title_parts(first_line)[0]
    if len(parts) < 2:
        return items  # (asked before any part is normalised)
    key = _norm(title)
    names = {norm for norm in map(_norm, filter(None, parts)) if norm != key}
    if len(names) >= len(parts):
        return items  # the first line holds no headline: it names no site beside it
    # A title whose words are a name's holds the name's first word in its lower case (`_norm`'s
    # words are pieces of it): the titles that hold none (most) are not normalised.
    firsts = tuple({name.split(" ", 1)[0] for name in names})
    return [
        item
        for item in items
        if not any(map(item.title.lower().__contains__, firsts)) or _norm(item.title) not in names
    ]
