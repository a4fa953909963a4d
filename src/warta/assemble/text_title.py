"""The headline of a flattened text page as a learned choice among its lines.

A flattened page has no metadata: its headline is one of its lines, most often one of the
few lines above the first body paragraph, among menus, breadcrumbs, bylines and the page's
`<title>` where the flattener kept it. `warta.assemble.title.choose_title` picks one by rules;
this module describes each candidate line by what generalises across sites (where it stands
against the body, the byline and the date; the classifier's body probability of it and of
its neighbours; its shape; whether the page prints it again; the words it shares with the
first paragraphs and with the first line; whether the rules chose it) for a small ranker
(`train/train_text_title.py`) that scores every candidate; the best one is the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from warta.assemble.title import (
    _LIST_MARKS,
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
    "held_elsewhere",  # other lines holding the line's text (a breadcrumb, a page title)
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
    "dropped_elsewhere",  # other lines holding the part left out (a site name in the footer)
    "dropped_lede",  # content words of the part left out shared with the first paragraphs
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A title the ranker weighs: the line at `index`, or a part of it (`text`)."""

    index: int
    text: str
    row: list[float]


def candidate_lines(
    blocks: Sequence[Block],
    start: int,
    lexicon: Lexicon,
    rules_index: int | None = None,
    norms: Sequence[str] | None = None,
    tests: LineTests | None = None,
) -> list[int]:
    """The lines the ranker weighs: the rules' choice (`rules_index`), and from `ABOVE` lines above
    the body's start (`start`) to `BELOW` lines into it, and the first line, those of 2–30 words,
    no list item ('+ Tips'), and nothing the rules know is never a headline (a date, a byline, a
    caption, a menu row: `names_something_else`; `norms`: `normalise_marker` of every block's
    text, where the caller has them; `tests`: the page's `LineTests`, where the caller shares them)."""
    tests = tests or LineTests(blocks, lexicon, norms)
    lo, hi = max(0, start - ABOVE), min(len(blocks), start + BELOW + 1)
    found = [i for i in ([0] if lo > 0 else []) + list(range(lo, hi)) if _candidate(blocks[i], tests, i)]
    if rules_index is not None and rules_index not in found:
        found.append(rules_index)
        found.sort()
    return found


def _candidate(block: Block, tests: LineTests, index: int) -> bool:
    text = block.text
    if (
        not MIN_WORDS <= len(text.split()) <= MAX_WORDS
        or block.structure.bullet
        or text.startswith(_LIST_MARKS)
    ):
        return False
    return not tests.something_else(index)


def _content(tokens: set[str], lexicon: Lexicon) -> set[str]:
    return {w for w in tokens if len(w) >= 3 and w not in lexicon.stopwords}


def _capitalised(words: list[str]) -> float:
    rest = [w for w in words[1:] if w[0].isalpha()]
    return sum(w[0].isupper() for w in rest) / len(rest) if rest else 0.0


def _group(label: Label) -> int:
    for n, group in enumerate(_LABEL_GROUPS):
        if label in group:
            return n
    return -1


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
) -> list[Candidate]:
    """The titles the lines of `candidates` (`candidate_lines`) give, each with its row of
    `FEATURES`: the line without its site-name part (`strip_site_name`; the rules' title for the
    line the rules chose), the whole line and its first part where they differ."""
    n = len(blocks)
    texts = [b.text for b in blocks]
    lowered = [t.lower() for t in texts]
    tests = tests or LineTests(blocks, lexicon, norms)
    first_tokens = set(lower_words(texts[0]))
    lede = _content(set(lower_words(" ".join(texts[start : start + _LEDE_BLOCKS]))), lexicon)
    menu = lexicon.menu_words()
    counts: dict[str, int] = {}
    above: dict[int, int] = {}  # copies of a candidate's line above it
    wanted = set(candidates)
    for j, t in enumerate(texts):
        if j in wanted:
            above[j] = counts.get(t, 0)
        counts[t] = counts.get(t, 0) + 1
    joined = "\n".join(lowered)
    ranks: dict[int, int] = {}
    seen = 0  # headline-sized candidates below the one at hand, up to the body start
    for i in reversed(candidates):
        ranks[i] = seen
        if i <= start and len(texts[i].split()) >= 4:
            seen += 1
    rows: list[Candidate] = []
    for i in candidates:
        text = texts[i]
        words = text.split()
        tokens = set(lower_words(text))
        content = _content(tokens, lexicon)
        norm = tests.norm(i)
        group = _group(labels[i])
        rank = ranks[i]
        low = lowered[i]
        held = joined.count(low) - counts[text] if low else 0
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
            _capitalised(words),
            float(text.isupper()),
            float(text[:1].isupper()),
            float(text.endswith((".", ",", ";"))),
            float(text.endswith(("!", "?"))),
            float(text.endswith((":", "-", "–", "—"))),
            float(has_digit(text)),
            float(_SEPARATOR.search(text) is not None),
            float(structure.blank_before),
            float(structure.blank_after),
            counts[text] - 1,
            above[i],
            float((i + 1 < n and texts[i + 1] == text) or (i > 0 and texts[i - 1] == text)),
            max(held, 0),
            len(tokens & first_tokens) / len(tokens | first_tokens) if tokens and i > 0 else 0.0,
            float(i > 0 and bool(low) and low in lowered[0]),
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
            key = " ".join(dropped_words)
            rows.append(
                Candidate(
                    i,
                    variant,
                    [
                        *base,
                        whole,
                        first,
                        len(dropped_words),
                        joined.count(key) - 1 if key else 0,
                        len(_content(set(dropped_words), lexicon) & lede),
                    ],
                )
            )
    return rows


MODEL = "text.title.txt"


@dataclass(frozen=True)
class TitleRanker:
    """The learned choice of a flattened page's headline among its lines (read-only: one a process)."""

    score: Scorer

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
        found = line_features(
            blocks,
            labels,
            probs,
            lexicon,
            start,
            rules_index,
            rules_title,
            candidate_lines(blocks, start, lexicon, rules_index, norms, tests),
            norms,
            tests,
        )
        if not found:
            return rules_title, rules_index
        scores = self.score(np.asarray([c.row for c in found], dtype=np.float64))
        best = found[int(np.argmax(scores))]
        # copies of the title: the same words, whatever the marks ('Só quem se Ama…' / '...')
        words = lower_words(best.text)
        lines = [c.index for c in found if lower_words(c.text) == words]
        if rules_index is not None and rules_title == best.text:
            lines.append(rules_index)  # (`_title_printed_again` finds a copy anywhere on the page)
        return best.text, printed_copy(lines, start)


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
    """The shipped ranker (`MODEL`), compiled where a compiled copy is cached (as the classifier's)."""
    score, _ = model_scorer(MODEL, compiled, "train/train_text_title.py")
    return TitleRanker(score)
