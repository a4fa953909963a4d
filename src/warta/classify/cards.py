"""Story cards: lists of other stories the model took for the article's body.

News pages print other stories around the article as cards, each a headline with a
teaser, a timestamp or a kicker, repeated:

    Why farmers may paint their cows with stripes   <- T headline
    Some thought it was a joke, but it works.       <- S teaser
    32M ago                                         <- D timestamp
    Two troops killed in helicopter crash
    …

`card_shapes` gives each block a letter (D timestamp, M meta line, T headline,
S teaser sentence, L longer text); the rules here find runs of cards in those
letters (timestamped cards, headlines with cut excerpts, kickers over headlines,
a headline strip above the article or above a "More in …" link) and turn the body
among them into a related list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from warta.classify.body_lines import _rows_labelled
from warta.classify.features import is_date_line
from warta.classify.markers import section_header
from warta.classify.sentences import TRUNCATED, is_cut_excerpt, is_long_sentence, starts_sentence
from warta.compiled import probed
from warta.compiled import wanted as compiled_parts_wanted
from warta.lexicon import Lexicon
from warta.model import LABEL_BODY, LABEL_RELATED, Block, Label

# Teaser cards: the "more stories" lists around an article, each card a headline with its
# teaser sentence and a timestamp ("Why farmers paint their cows / Some people thought … / 32M ago").
_CARD_TITLE_MAX = 160
_CARD_TEXT_MAX = 350  # longer than this is an article paragraph, never a card line
_CARD_TEASER_MAX = 300  # the teaser text of one card, all its sentence lines together
_CARD_PARAGRAPH_MAX = 700  # a card's teaser when it is a single paragraph (a story's opening)
_CARD_SPAN = 6  # a card's lines from one timestamp to the next
_MIN_CARDS = 3

_UNFINISHED = (".", "!", ",", ";", ":", "…")
_STAMP = re.compile("D")  # where `card_shapes` letters a timestamp (found in C, not letter by letter)
_HEADLINE = re.compile("T")

_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16)
def _relative_time(ago_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "32M ago", "updated 5H ago": a number with a unit (or its abbreviation) and an ago word."""
    words = "|".join(re.escape(w) for w in sorted(ago_words, key=len, reverse=True)) or r"(?!)"
    return re.compile(rf"^(?:\w+ )?\d+\s?[^\W\d]{{1,8}}\.? (?:{words})$", re.IGNORECASE)


def card_shapes(texts: list[str], lexicon: Lexicon) -> str:
    """One letter per block (`texts`: the blocks' texts): D timestamp, M short meta line
    (source, author), T headline, S teaser sentence, L longer text."""
    letters, dated = _card_letters()(texts)
    if dated:
        relative = _relative_time(tuple(w for cal in lexicon.calendars for w in cal.ago_words))
        for row in dated:
            if relative.match(texts[row]) or is_date_line(texts[row], lexicon):
                letters[row] = ord("D")
    return letters.decode("ascii")


def card_letters(texts: list[str]) -> tuple[bytearray, list[int]]:
    """(letters, dated): `card_shapes`'s letter of each text (an ASCII byte) as if none were a
    timestamp, and the rows whose text may be one (short, with a digit), for the lexicon's date
    tests (the reference of the compiled `_labelscan.card_letters`)."""
    letters = bytearray()
    dated: list[int] = []
    for row, text in enumerate(texts):
        n = len(text)
        if n > _CARD_TITLE_MAX:  # too long for any letter but a teaser's or a longer text's
            letters.append(ord("S" if n <= _CARD_TEXT_MAX else "L"))
            continue
        if n <= 60 and _DIGIT.search(text) is not None:
            dated.append(row)
        words = len(text.split())
        if n <= 40 and words <= 4:
            letters.append(ord("M"))
        elif words >= 3 and not text.endswith(_UNFINISHED):
            letters.append(ord("T"))
        else:
            letters.append(ord("S"))
    return letters, dated


# Texts `_card_letters` checks the compiled letters on: each letter, digits (decimal or not),
# whitespace of every kind, 1, 2 and 4-byte strs.
_PROBE = [
    "",
    "32M ago",
    "Why farmers may paint their cows",
    "Some thought it was a joke, but it works.",
    "x" * 161,
    "y " * 200,
    "Jakarta, 12/05/2026",
    "Dua\u2003kata\u00a0lagi di sini…",
    "² superscript not a digit in the regex sense",
    "٣ dari ٥ foto",
    "🌉 bridge 𝐀𝐁 across the river:",
    "İstanbul Kelvin \u212a sign here;",
]


@lru_cache(maxsize=1)
def _card_letters() -> Callable[[list[str]], tuple[bytearray, list[int]]]:
    """`_labelscan.card_letters` where it is built and agrees with `card_letters` on `_PROBE`."""
    try:
        from warta.classify._labelscan import card_letters as compiled
    except ImportError:
        return card_letters
    return probed("card letters", card_letters, compiled, [(_PROBE,), (_PROBE[:7],)])


_NUMBERS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _timestamp_shape(text: str) -> str:
    """ "32M ago", "updated 1H ago"; "Tuesday November 19, 2019", "Monday November 18, 2019": alike
    (the shape from the first number on)."""
    first = next((k for k, c in enumerate(text) if c.isdigit()), 0)
    return _LETTERS.sub("a", _NUMBERS.sub("0", text[first:]))


# A card whose headline the flattener split at its links ("What made / Joker / so popular?") into
# short lines, with the byline after them: teaser lines, then three short lines or more.
_SPLIT_HEADLINE_CARD = re.compile(r"[SL]*M{3,}")


def _is_card(blocks: Sequence[Block], shapes: str, start: int, end: int) -> bool:
    """Whether blocks `start`..`end` between two timestamps are one card: a headline with short
    teaser lines, or title lines around a single teaser paragraph ("Headline / Author / date /
    one paragraph", a story list that prints each story's opening paragraph in full)."""
    card = shapes[start:end]
    if "T" not in card and not _SPLIT_HEADLINE_CARD.fullmatch(card):
        return False  # no headline
    teaser = [len(blocks[m].text) for m in range(start, end) if shapes[m] in "SL"]
    if "L" not in card and sum(teaser) <= _CARD_TEASER_MAX:
        return True
    return len(teaser) == 1 and teaser[0] <= _CARD_PARAGRAPH_MAX


def _teaser_after_stamp(shapes: str, start: int, end: int) -> int:
    """How many teaser lines (S, L) open the blocks `start`..`end` that follow a timestamp."""
    k = start
    while k < end and shapes[k] in "SL":
        k += 1
    return k - start


def _stamped_card_runs(blocks: Sequence[Block], shapes: str) -> list[tuple[int, int]]:
    """Runs of ≥ 3 cards, each a headline and at most a short teaser between timestamps of one shape."""
    stamps = [m.start() for m in _STAMP.finditer(shapes)]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(stamps):
        run = [stamps[k]]
        while k + 1 < len(stamps):
            a, b = stamps[k], stamps[k + 1]
            if (
                2 <= b - a <= _CARD_SPAN
                and _is_card(blocks, shapes, a + 1, b)
                and _timestamp_shape(blocks[a].text) == _timestamp_shape(blocks[b].text)
            ):
                run.append(b)
                k += 1
            else:
                break
        k += 1
        if len(run) < _MIN_CARDS:
            continue
        # The first card's lines stand before its timestamp: as many as the shortest next card
        # has before its own. Where every card opens with teaser lines right after its timestamp
        # ("Headline / Author / date / teaser"), those are the timestamp's card, the last one too.
        after = min(_teaser_after_stamp(shapes, a + 1, b) for a, b in pairwise(run))
        lead = min(b - a - 1 for a, b in pairwise(run)) - after
        start = run[0]
        while start > 0 and run[0] - start < lead and shapes[start - 1] in "TSM":
            start -= 1
        end = run[-1] + 1
        end += min(after, _teaser_after_stamp(shapes, end, len(shapes)))
        runs.append((start if "T" in shapes[start : run[0]] else run[0], end))
    return runs


def _excerpt_card_runs(blocks: Sequence[Block], shapes: str) -> list[tuple[int, int]]:
    """Runs of ≥ 3 headlines each followed by an excerpt cut short with an ellipsis."""
    runs: list[tuple[int, int]] = []
    i = shapes.find("TS")  # a run can only start at a headline over a teaser: jump from one to the next
    while i != -1:
        j = i
        while (
            j + 1 < len(blocks)
            and shapes[j] == "T"
            and shapes[j + 1] == "S"
            and blocks[j + 1].text.endswith(TRUNCATED)
        ):
            j += 2
        if (j - i) // 2 >= _MIN_CARDS:
            runs.append((i, j))
            i = j
        else:
            i += 1
        i = shapes.find("TS", i)
    return runs


def cut_excerpt_runs(texts: list[str], shortest: int) -> list[tuple[int, int]]:
    """Runs of ≥ `shortest` paragraphs in a row each cut short with an ellipsis (the reference of
    the compiled `_labelscan.cut_excerpt_runs`)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(len(texts) + 1):
        if i < len(texts) and is_cut_excerpt(texts[i]):
            continue
        if i - start >= shortest:
            runs.append((start, i))
        start = i + 1
    return runs


def _cut_excerpt_runs(texts: list[str]) -> list[tuple[int, int]]:
    """Runs of ≥ 3 paragraphs in a row each cut short with an ellipsis (`texts`: the blocks')."""
    return _card_scans().cut_excerpt_runs(texts, _MIN_CARDS)


def unmark_teaser_cards(blocks: Sequence[Block], labels: list[Label], shapes: str, texts: list[str]) -> None:
    """Teaser cards (headline, teaser, timestamp, repeated; or headlines with cut-short excerpts)
    the model took for body are a related list. The article's longest paragraph is never in one:
    a run holding it is the article itself (a listing page), unless an article stands above it
    (body text at least half the run's: the stories after an article can print long openings)."""
    runs = (
        _stamped_card_runs(blocks, shapes)
        + _excerpt_card_runs(blocks, shapes)
        + _kicker_card_runs(blocks, shapes, texts)
    )
    body = _rows_labelled()(labels, LABEL_BODY) if runs else []
    if not body:
        return  # (most pages hold no run of cards: the body is listed only for those that do)
    longest = max(body, key=lambda i: len(blocks[i].text))
    for start, end in runs:
        if start <= longest < end and not _article_above(blocks, body, start, end):
            continue
        _body_to_related(labels, start, end)


def _body_to_related(labels: list[Label], start: int, end: int) -> None:
    """The body blocks among `start`..`end` are another story list's items."""
    for i in range(start, end):
        if labels[i] is LABEL_BODY:
            labels[i] = LABEL_RELATED


def _is_kicker(text: str) -> bool:
    """ "RANDY ANDY", "‘GET WITH THE PROGRAM’": a label of a few words in capitals set above a card's
    headline (one word in capitals is as often a code keyword or an acronym split out of a sentence)."""
    if len(text) > 40 or text.endswith((".", ":")) or not 2 <= len(text.split()) <= 6:
        return False  # the cheap tests first: most lines are longer than a kicker
    if text.isascii():  # every ASCII letter is cased: no lower-case one, and three or more
        return text.isupper() and sum(map(str.isalpha, text)) >= 3
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def kicker_rows(texts: list[str], shapes: str) -> list[int]:
    """The rows over a headline whose text is a kicker and the headline's not (the reference of
    the compiled `_labelscan.kicker_rows`)."""
    return [
        i
        for i in (m.start() - 1 for m in _HEADLINE.finditer(shapes, 1))  # each block over a headline
        if _is_kicker(texts[i]) and not _is_kicker(texts[i + 1])
    ]


class _CardScans(NamedTuple):
    """The per-block scans of the card rules: compiled, or their Python references."""

    cut_excerpt_runs: Callable[[list[str], int], list[tuple[int, int]]]
    kicker_rows: Callable[[list[str], str], list[int]]


# Lines the compiled scans are checked on: kickers and near misses, excerpts cut short and not.
_KICKER_PROBE = [
    *["RANDY ANDY", "‘GET WITH THE PROGRAM’", "BUY NOW", "NO", "A B", "ÉTÉ CHAUD", "İSTANBUL HARİ"],
    *["Why farmers paint cows", "KELVIN \u212a SIGN", "ΑΘΗΝΑ ΣΗΜΕΡΑ", "🌉 BRIDGE NOW", "END.", "x" * 41],
    *[
        "Some thought it was a joke, but it works and more text follows here " * 2 + "...",
        "…",
        "x" * 81 + "…",
    ],
    "Some thought it was a joke, but it works and more text follows here " * 2 + "..",
]


@lru_cache(maxsize=1)
def _card_scans() -> _CardScans:
    """The compiled `_labelscan.cut_excerpt_runs` and `kicker_rows` where they are built and agree
    with `cut_excerpt_runs` and `kicker_rows` on probe lines; the references otherwise."""
    reference = _CardScans(cut_excerpt_runs, kicker_rows)
    if not compiled_parts_wanted():
        return reference
    try:
        from warta.classify._labelscan import cut_excerpt_runs as compiled_runs
        from warta.classify._labelscan import kicker_rows as compiled_kickers
    except ImportError:
        return reference
    texts = _KICKER_PROBE + _KICKER_PROBE[::-1] + _KICKER_PROBE[-3:] * 2
    shapes = "".join("TM"[k % 2] if k % 3 else "T" for k in range(len(texts)))
    runs = probed("excerpt runs", cut_excerpt_runs, compiled_runs, [(texts, 3), (texts, 1)])
    rows = probed("kicker rows", kicker_rows, compiled_kickers, [(texts, shapes), (texts, "T" * len(texts))])
    return _CardScans(runs, rows)


# A clock time opening a line ("10:40 GMT", "8.15 WIB"), its zone or an "am"/"pm" after it.
_CLOCK_STAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s|$)")


def _kicker_card_runs(blocks: Sequence[Block], shapes: str, texts: list[str]) -> list[tuple[int, int]]:
    """Runs of ≥ 3 cards, each a kicker in capitals over its headline (starting like a sentence),
    kickers a few lines apart (the last card as long as the shortest one before it)."""
    candidates = _card_scans().kicker_rows(texts, shapes)
    # ('10:40 GMT' over an update's heading: a live blog's time stamp in capitals, no kicker)
    kickers = [
        i
        for i in candidates
        if starts_sentence(blocks[i + 1].text) and not _CLOCK_STAMP.match(blocks[i].text)
    ]
    # A label repeated over several headlines ("BUY NOW") is a button, not a story's kicker.
    repeated = Counter(blocks[i].text for i in kickers)
    kickers = [i for i in kickers if repeated[blocks[i].text] == 1]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(kickers):
        j = k
        while j + 1 < len(kickers) and 2 <= kickers[j + 1] - kickers[j] <= _CARD_SPAN:
            j += 1
        if j - k + 1 >= _MIN_CARDS:
            shortest = min(b - a for a, b in pairwise(kickers[k : j + 1]))
            runs.append((kickers[k], min(kickers[j] + shortest, len(blocks))))
        k = j + 1
    return runs


def _article_above(blocks: Sequence[Block], body: list[int], start: int, end: int) -> bool:
    """Whether the body text above blocks `start`..`end` is at least half the body text in them."""
    above = sum(len(blocks[i].text) for i in body if i < start)
    inside = sum(len(blocks[i].text) for i in body if start <= i < end)
    return above * 2 >= inside


# A card of one or two headline lines and one teaser sentence ("T S", "T T S"); a teaser with a
# paragraph right after it is a subheading's first paragraph, not a card.
_TEASER_CARD = re.compile(r"T{1,2}S(?![SL])")


def teaser_list_end(blocks: Sequence[Block], shapes: str, start: int) -> int:
    """The end of the list of ≥ 3 headline-and-teaser cards from block `start` on (`start` if none):
    each teaser a sentence of its own (a capital first), not a list item's continuation."""
    end = start
    cards = 0
    while (card := _TEASER_CARD.match(shapes, end)) and starts_sentence(blocks[card.end() - 1].text):
        end = card.end()
        cards += 1
    return end if cards >= _MIN_CARDS else start


_HEADLINE_RUN = 5
_HEADLINE_STRIP = re.compile(rf"T{{{_HEADLINE_RUN},}}")


def _introduced(blocks: Sequence[Block], labels: list[Label], start: int) -> bool:
    """Whether the lines from `start` are a list that the body line right above introduces (it
    ends with a colon): a strip of other stories' headlines follows no such sentence."""
    return start > 0 and labels[start - 1] is LABEL_BODY and blocks[start - 1].text.rstrip().endswith(":")


def unmark_headlines_above_article(
    blocks: Sequence[Block], labels: list[Label], shapes: str, texts: list[str]
) -> None:
    """A run of ≥ 5 headlines (unfinished lines of 3+ words), or of ≥ 3 excerpts cut short, wholly
    above the article's first paragraph is a list of other stories (a top-stories strip), not the article."""
    first = next(
        (i for i in _rows_labelled()(labels, LABEL_BODY) if is_long_sentence(blocks[i].text)),
        None,
    )
    if first is None:
        return
    for run in _HEADLINE_STRIP.finditer(shapes, 0, first):
        if _introduced(blocks, labels, run.start()):
            continue  # "The basic premise is:" over its bullet points: the article's own list
        strip = [i for i in range(run.start(), run.end()) if labels[i] is LABEL_BODY]
        below = sum(len(blocks[i].text) for i in range(run.end(), len(blocks)) if labels[i] is LABEL_BODY)
        if sum(len(blocks[i].text) for i in strip) >= below:
            continue  # more text than all the body under it: the article itself (a calendar, a list)
        for i in strip:
            labels[i] = LABEL_RELATED
    # Teasers whose headline the flattener joined onto the cut excerpt ("Headline CITY: The ministry
    # said..."), when the article under them has a paragraph longer than any (it is not cut short).
    # The runs above the first paragraph only: that paragraph (a long sentence) is no cut excerpt,
    # so no run reaches past it.
    for start, end in _cut_excerpt_runs(texts[:first]):
        cut = max(len(blocks[i].text) for i in range(start, end))
        if any(len(blocks[i].text) > cut for i in range(end, len(blocks)) if labels[i] is LABEL_BODY):
            _body_to_related(labels, start, end)


_BOX_HEADLINES = 3


def unmark_headlines_above_box_link(
    blocks: Sequence[Block], labels: list[Label], shapes: str, lexicon: Lexicon, norms: list[str]
) -> None:
    """≥ 3 headlines in a row the model took for body, right above a related header ("More in
    Politics"): the box's list with its link to the section at the bottom, not the article."""
    # (The related lines, found in C: what this relabels lies above the line it reads.)
    for i in _rows_labelled()(labels, LABEL_RELATED, _BOX_HEADLINES, len(blocks)):
        k = i
        while k > 0 and shapes[k - 1] == "T" and labels[k - 1] is LABEL_BODY:
            k -= 1
        # The header test last: most related lines have no headlines right above them.
        if i - k >= _BOX_HEADLINES and section_header(norms[i], lexicon) is LABEL_RELATED:
            _body_to_related(labels, k, i)  # all body: the walk above stopped at the first that is not
