"""The headline of a flattened text page as a learned choice among its lines.

A flattened page has no metadata: its headline is one of its lines, most often one of the
few lines above the first body paragraph, among menus, breadcrumbs, bylines and the page's
`<title>` where the flattener kept it. `warta.assemble.title.choose_title` picks one by rules;
this module describes each candidate line by what generalises across sites (where it stands
against the body, the byline and the date; the classifier's body probability of it and of
its neighbours; its shape; whether the page prints it again; the words it shares with the
first paragraphs and with the first line; whether the rules chose it) for a small ranker
(`train/train_text_title.py`); the best one is the headline. Those features cost most (the
lexicon tests), so a cascade asks them of few lines: a shortlist model first scores every line
of the window by its shape and place alone (`shortlist_features`), and only its best few
candidates and the rules' choice are described in full (`TitleRanker.choose`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from warta.assemble.title import (
    _LIST_MARKS,
    SEPARATOR_CHARS,
    LineTests,
    body_start,
    choose_title,
    headline_part,
    over_credit_or_date,
    strip_site_name,
)
from warta.classify.compiled import Scorer
from warta.classify.model import CompiledModels, model_scorer
from warta.lexicon import Lexicon
from warta.model import LINK_LIST_LABELS, Block, Label
from warta.strings import has_digit, lower_words

# The window of candidate lines: this many lines above the body's start, this many into it.
ABOVE = 20
BELOW = 10
MIN_WORDS = 2
MAX_WORDS = 30
_LEDE_BLOCKS = 3
_SEPARATOR = re.compile(r"\s+[|–—•·»:-]\s+|\s+::\s+|\s*\|\s*")


def _separated(text: str) -> bool:
    """`_SEPARATOR.search(text) is not None`; each separator holds one of `SEPARATOR_CHARS`,
    which most lines lack (tested in C without the regex's tries at every space)."""
    return not SEPARATOR_CHARS.isdisjoint(text) and _SEPARATOR.search(text) is not None


_LABEL_GROUPS: tuple[frozenset[Label], ...] = (
    frozenset({Label.BODY}),
    frozenset({Label.OTHER, Label.TITLE, Label.HEADING, Label.SUBTITLE}),
    LINK_LIST_LABELS,
    frozenset({Label.NAV, Label.FOOTER, Label.AD, Label.TAGS, Label.COMMENTS}),
)

FEATURES: tuple[str, ...] = (
    "above_start",  # body start minus the line's index (negative: inside the body)
    "rank_above",  # headline-sized lines (4+ words) between the line and the body start
    "first_line",
    "position",  # index over the page's length
    "start",  # the body start's index
    "label_body",
    "label_other",
    "label_list",
    "label_nav",
    "prob",
    "prob_before",
    "prob_after",
    "prob_next_max",  # the highest body probability of the three lines below
    "words",
    "chars",
    "capitalised",  # share of words after the first that open with a capital
    "upper",  # written in capitals
    "starts_capital",
    "ends_stop",  # . , ;
    "ends_mark",  # ! ?
    "ends_colon_dash",
    "digit",
    "separator",  # ' | ', ' - ' …: a page title with the site's name
    "blank_before",
    "blank_after",
    "copies",  # other lines of the page with the same text
    "copies_above",
    "in_a_row",  # the same text right above or below
    "first_overlap",  # Jaccard of its words with the first line's
    "first_holds",  # the first line holds it
    "lede_shared",  # content words shared with the first paragraphs
    "lede_share",  # their share of the line's content words
    "over_credit",  # a byline or a date line within three lines under it
    "menu_share",
    "stopword_end",
    "rules",  # the rules chose it
    "rules_above",  # the rules' choice minus the line's index
    "whole",  # the candidate keeps the parts `strip_site_name` drops
    "first_part",  # the candidate is the line's first part (`headline_part`)
    "dropped_words",  # words of the line the candidate leaves out
    "dropped_lede",  # content words of the part left out shared with the first paragraphs
)

# The shortlist's features: the shape and place of a line only, no lexicon test (cheap enough
# for every line of the window; `shortlist_features`).
SHORTLIST_FEATURES: tuple[str, ...] = (
    "above_start",
    "first_line",
    "prob",
    "prob_before",
    "prob_after",
    "words",
    "chars",
    "capitalised",
    "ends_stop",
    "separator",
    "copies",
    "in_a_row",
    "rules",
    "rules_above",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A title the ranker weighs: the line at `index`, or a part of it (`text`)."""

    index: int
    text: str
    row: list[float]


def window_lines(blocks: Sequence[Block], start: int, rules_index: int | None = None) -> list[int]:
    """The lines the shortlist weighs: from `ABOVE` lines above the body's start (`start`) to
    `BELOW` lines into it, and the first line, those of 2–30 words and no list item ('+ Tips'),
    and the rules' choice (`rules_index`) whatever its shape."""
    lo, hi = max(0, start - ABOVE), min(len(blocks), start + BELOW + 1)
    found = [i for i in ([0] if lo > 0 else []) + list(range(lo, hi)) if _shaped(blocks[i])]
    if rules_index is not None and rules_index not in found:
        found.append(rules_index)
        found.sort()
    return found


def candidate_lines(
    blocks: Sequence[Block],
    start: int,
    lexicon: Lexicon,
    rules_index: int | None = None,
    norms: Sequence[str] | None = None,
    tests: LineTests | None = None,
) -> list[int]:
    """Every line the ranker may weigh: the lines of `window_lines` but those the rules know are
    never a headline (a date, a byline, a caption, a menu row: `names_something_else`; `norms`:
    `normalise_marker` of every block's text, where the caller has them; `tests`: the page's
    `LineTests`, where the caller shares them); the rules' choice stays. (The ranker itself asks
    the test of its shortlist only: `TitleRanker.choose`.)"""
    tests = tests or LineTests(blocks, lexicon, norms)
    return [
        i for i in window_lines(blocks, start, rules_index) if i == rules_index or not tests.something_else(i)
    ]


def _shaped(block: Block) -> bool:
    text = block.text
    return (
        MIN_WORDS <= len(text.split()) <= MAX_WORDS
        and not block.structure.bullet
        and not text.startswith(_LIST_MARKS)
    )


def _content(tokens: set[str], lexicon: Lexicon) -> set[str]:
    return {w for w in tokens if len(w) >= 3 and w not in lexicon.stopwords}


_INITIALS = re.compile(r"\s(\S)")


def _capitalised(text: str) -> float:
    """The share of the words after the first opening with a letter that open with a capital
    (words: `text.split()`)."""
    letters = "".join(filter(str.isalpha, _INITIALS.findall(text.lstrip())))
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


_GROUP_OF: dict[Label, int] = {label: n for n, group in enumerate(_LABEL_GROUPS) for label in group}


def _group(label: Label) -> int:
    return _GROUP_OF.get(label, -1)


@dataclass(frozen=True, slots=True)
class PageCounts:
    """The page's line texts (`texts`), how often it prints each line's text (`counts`), and,
    for the lines of `above`'s keys, how often above it."""

    texts: Sequence[str]
    counts: dict[str, int]
    above: dict[int, int]

    @staticmethod
    def of(texts: Sequence[str], wanted: Sequence[int]) -> PageCounts:
        """(Only the texts of the `wanted` lines are counted.)"""
        counts = dict.fromkeys([texts[j] for j in wanted], 0)
        above: dict[int, int] = {}
        keep = set(wanted)
        for j, t in enumerate(texts):
            if t in counts:
                if j in keep:
                    above[j] = counts[t]
                counts[t] += 1
        return PageCounts(texts, counts, above)


def _ranks(texts: Sequence[str], window: Sequence[int], start: int) -> dict[int, int]:
    """Headline-sized lines (4+ words) of `window` between each line of it and the body start."""
    ranks: dict[int, int] = {}
    seen = 0
    for i in reversed(window):
        ranks[i] = seen
        if i <= start and len(texts[i].split()) >= 4:
            seen += 1
    return ranks


def shortlist_features(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    probs: Sequence[float],
    start: int,
    rules_index: int | None,
    window: Sequence[int],
    page: PageCounts | None = None,
) -> list[list[float]]:
    """The row of `SHORTLIST_FEATURES` of each line of `window` (`window_lines`)."""
    n = len(blocks)
    page = page or PageCounts.of([b.text for b in blocks], window)
    texts, counts = page.texts, page.counts
    rows: list[list[float]] = []
    last = n - 1
    rules_at = -99.0 if rules_index is None else rules_index
    for i in window:
        text = texts[i]
        rows.append(
            [
                start - i,
                i == 0,
                probs[i],
                probs[i - 1] if i else -1.0,
                probs[i + 1] if i < last else -1.0,
                len(text.split()),
                len(text),
                _capitalised(text),
                text.endswith((".", ",", ";")),
                _separated(text),
                counts[text] - 1,
                (i < last and texts[i + 1] == text) or (i and texts[i - 1] == text),
                i == rules_index,
                rules_at - i if rules_index is not None else -99.0,
            ]
        )
    return rows  # (bools stand for 0.0 / 1.0: the caller makes the matrix)


def line_features(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    probs: Sequence[float],
    lexicon: Lexicon,
    start: int,
    rules_index: int | None,
    rules_title: str | None,
    candidates: Sequence[int],
    norms: Sequence[str] | None = None,
    tests: LineTests | None = None,
    window: Sequence[int] | None = None,
    page: PageCounts | None = None,
) -> list[Candidate]:
    """The titles the lines of `candidates` (`candidate_lines`, or the shortlist of them) give,
    each with its row of `FEATURES`: the line without its site-name part (`strip_site_name`; the
    rules' title for the line the rules chose), the whole line and its first part where they
    differ. `window`: the lines the ranks count (`window_lines`; by default `candidates`);
    `page`: `PageCounts` of the page for at least the candidates, where the caller has them."""
    n = len(blocks)
    page = page or PageCounts.of([b.text for b in blocks], candidates)
    texts = page.texts
    tests = tests or LineTests(blocks, lexicon, norms)
    first_tokens = set(lower_words(texts[0]))
    lede = _content(set(lower_words(" ".join(texts[start : start + _LEDE_BLOCKS]))), lexicon)
    menu = lexicon.menu_words()
    counts, above = page.counts, page.above  # (above: copies of a candidate's line above it)
    first_low = texts[0].lower()
    ranks = _ranks(texts, candidates if window is None else window, start)
    rows: list[Candidate] = []
    for i in candidates:
        text = texts[i]
        words = text.split()
        tokens = set(lower_words(text))
        content = _content(tokens, lexicon)
        norm = tests.norm(i)
        group = _group(labels[i])
        rank = ranks[i]
        low = text.lower()
        structure = blocks[i].structure
        norm_words = norm.split()
        base = [
            start - i,
            rank,
            float(i == 0),
            i / n,
            start,
            float(group == 0),
            float(group == 1),
            float(group == 2),
            float(group == 3),
            probs[i],
            probs[i - 1] if i > 0 else -1.0,
            probs[i + 1] if i + 1 < n else -1.0,
            max(probs[i + 1 : i + 4], default=-1.0),
            len(words),
            len(text),
            _capitalised(text),
            float(text.isupper()),
            float(text[:1].isupper()),
            float(text.endswith((".", ",", ";"))),
            float(text.endswith(("!", "?"))),
            float(text.endswith((":", "-", "–", "—"))),
            float(has_digit(text)),
            float(_separated(text)),
            float(structure.blank_before),
            float(structure.blank_after),
            counts[text] - 1,
            above[i],
            float((i + 1 < n and texts[i + 1] == text) or (i > 0 and texts[i - 1] == text)),
            len(tokens & first_tokens) / len(tokens | first_tokens) if tokens and i > 0 else 0.0,
            float(i > 0 and bool(low) and low in first_low),
            len(content & lede),
            len(content & lede) / len(content) if content else 0.0,
            float(over_credit_or_date(tests, i)),
            sum(map(menu.__contains__, norm_words)) / len(norm_words) if norm_words else 0.0,
            float(bool(words) and words[-1].lower() in lexicon.stopwords),
            float(i == rules_index),
            (rules_index - i) if rules_index is not None else -99.0,
        ]
        stripped = (rules_title or "") if i == rules_index else strip_site_name(text)
        variants = {stripped: (0.0, 0.0)}
        variants.setdefault(text.strip(), (1.0, 0.0))
        variants.setdefault(headline_part(text), (0.0, 1.0))
        for variant, (whole, first) in variants.items():
            if not variant:
                continue
            dropped = text.replace(variant, " ", 1).lower() if variant in text else ""
            dropped_words = lower_words(dropped)
            rows.append(
                Candidate(
                    i,
                    variant,
                    [
                        *base,
                        whole,
                        first,
                        len(dropped_words),
                        len(_content(set(dropped_words), lexicon) & lede),
                    ],
                )
            )
    return rows


MODEL = "text.title.txt"
SHORTLIST_MODEL = "text.title.shortlist.txt"
# The lines the full features describe: the best this many of the shortlist's scores that are
# candidates (`candidate_lines`), and the rules' choice (chosen by cross-validation on even ids:
# `train/train_text_title.py --cv`).
SHORTLIST = 3
# Where the shortlist's best line is the rules' choice and scores this much or more, the rules'
# title stands without the second stage (chosen as `SHORTLIST`).
SURE = 0.6


@dataclass(frozen=True)
class TitleRanker:
    """The learned choice of a flattened page's headline among its lines (read-only: one a
    process), in two stages: `shortlist` scores every line of the window by its shape and place
    alone (`shortlist_features`), `score` the titles the best `SHORTLIST` of them give by all of
    `FEATURES` (whose lexicon tests cost most)."""

    score: Scorer
    shortlist: Scorer

    def choose(
        self,
        blocks: Sequence[Block],
        labels: Sequence[Label],
        probs: Sequence[float],
        lexicon: Lexicon,
        norms: Sequence[str] | None = None,
    ) -> tuple[str | None, int | None]:
        """(title, index of its line): the best scored candidate; the rules' choice
        (`choose_title`) where no line is a candidate."""
        tests = LineTests(blocks, lexicon, norms)
        rules_title, rules_index = choose_title(blocks, labels, lexicon, None, norms, tests)
        if not blocks:
            return rules_title, rules_index
        start = body_start(blocks, labels, lexicon)
        window = window_lines(blocks, start, rules_index)
        if not window:
            return rules_title, rules_index
        page = PageCounts.of([b.text for b in blocks], window)
        first = self.shortlist(
            np.asarray(
                shortlist_features(blocks, labels, probs, start, rules_index, window, page), dtype=np.float64
            )
        )
        top = int(np.argmax(first))
        if window[top] == rules_index and first[top] >= SURE:
            lines = title_lines(blocks, rules_title or "", window, [], tests, rules_index)
            return rules_title, printed_copy(lines, start)
        picked = shortlisted(window, first, rules_index, tests)
        found = line_features(
            blocks,
            labels,
            probs,
            lexicon,
            start,
            rules_index,
            rules_title,
            picked,
            norms,
            tests,
            window,
            page,
        )
        if not found:
            return rules_title, rules_index
        scores = self.score(np.asarray([c.row for c in found], dtype=np.float64))
        best = found[int(np.argmax(scores))]
        return best.text, printed_copy(title_lines(blocks, best.text, window, found, tests), start)


def shortlisted(
    window: Sequence[int], scores: Sequence[float] | np.ndarray, rules_index: int | None, tests: LineTests
) -> list[int]:
    """The lines of `window` whose `scores` (the shortlist's) are the `SHORTLIST` best among the
    candidates (`candidate_lines`: the test is asked in that order, until enough pass), and the
    rules' choice (`rules_index`), in page order."""
    picked: list[int] = []
    for k in np.argsort(-np.asarray(scores), kind="stable").tolist():
        i = window[k]
        if i == rules_index or not tests.something_else(i):
            picked.append(i)
            if len(picked) == SHORTLIST:
                break
    if rules_index is not None and rules_index not in picked:
        picked.append(rules_index)
    return sorted(picked)


def title_lines(
    blocks: Sequence[Block],
    title: str,
    window: Sequence[int],
    found: Sequence[Candidate],
    tests: LineTests,
    rules_index: int | None = None,
) -> list[int]:
    """The lines of the window giving `title` (the same words, whatever the marks: 'Só quem se
    Ama…' / '...'): the candidates scored (`found`), and the other candidates of the window whose
    whole line, line without its site-name part or first part spells it; and the rules' choice
    (`rules_index`), where `title` is the rules' title."""
    words = lower_words(title)
    lines = {c.index for c in found if lower_words(c.text) == words}
    if rules_index is not None:
        lines.add(rules_index)
    scored = {c.index for c in found}
    head = words[0] if words else ""
    for i in window:
        text = blocks[i].text
        if i in lines or i in scored or i == rules_index or head not in text.lower():
            continue
        spelled = (lower_words(text), lower_words(strip_site_name(text)), lower_words(headline_part(text)))
        if words in spelled and not tests.something_else(i):
            lines.add(i)
    return sorted(lines)


def printed_copy(lines: Sequence[int], start: int) -> int:
    """Of the lines giving one title (`lines`), the one the page prints it on: the page's `<title>`
    on the first line is a copy of the headline printed further down, which the title's label
    should mark (so that it leaves the lists and the body): the last copy above the body's start
    (`start`), the heading over the story, else the first one below it, else the first line."""
    above = [i for i in lines if 0 < i <= start]
    if above:
        return max(above)
    return min((i for i in lines if i > 0), default=min(lines))


@lru_cache(maxsize=4)
def load_title_ranker(compiled: CompiledModels = "auto") -> TitleRanker:
    """The shipped ranker (`MODEL`, `SHORTLIST_MODEL`), compiled where a compiled copy is cached
    (as the classifier's)."""
    score, _ = model_scorer(MODEL, compiled, "train/train_text_title.py")
    shortlist, _ = model_scorer(SHORTLIST_MODEL, compiled, "train/train_text_title.py")
    return TitleRanker(score, shortlist)
