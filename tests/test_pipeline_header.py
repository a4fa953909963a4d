"""The article header on the assembled page: headline, standfirst and byline above the story."""

from __future__ import annotations

from warta.assemble.title import choose_title
from warta.lexicon import load_lexicon
from warta.model import Block, Label
from warta.pipeline import _unmark_header_above_byline

LEX = load_lexicon()
PARAGRAPH = (
    "The council voted on Monday to approve the plan after a long debate about traffic, parking and "
    "the number of affordable homes the developer must deliver on the old depot site."
)


def _blocks(*texts: str) -> list[Block]:
    return [Block(i, text) for i, text in enumerate(texts)]


def test_byline_among_the_first_body_blocks_closes_the_header() -> None:
    blocks = _blocks(
        "Council approves plan for the old tram depot",
        "New scheme promises 180 homes and a covered market",
        "By Oliver Pennington, Local Democracy Reporter",
        PARAGRAPH,
        PARAGRAPH + " Again.",
    )
    labels = [Label.BODY] * 5
    _unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.OTHER, Label.OTHER, Label.BYLINE, Label.BODY, Label.BODY]


def test_no_header_is_cut_once_a_paragraph_has_begun() -> None:
    blocks = _blocks(PARAGRAPH, "By the way, the vote was close", PARAGRAPH + " Again.")
    labels = [Label.BODY] * 3
    _unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.BODY] * 3


def test_credit_line_closing_the_story_is_left_alone() -> None:
    blocks = _blocks("Council approves plan for the old tram depot", "By Oliver Pennington")
    labels = [Label.BODY, Label.BODY]
    _unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.BODY, Label.BODY]


def test_the_headline_above_the_standfirst_is_the_title() -> None:
    blocks = _blocks(
        "News Sport Business",
        "Council approves plan to turn old tram depot into housing",
        "New scheme promises 180 homes, a covered market and a public square on the derelict site",
        "Tuesday 17 March 2026",
        PARAGRAPH,
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY]
    title, index = choose_title(blocks, labels, LEX)
    assert (title, index) == ("Council approves plan to turn old tram depot into housing", 1)
