"""A page without an article: its main content, kept in place of the body.

A section front, search results, a shop's category, a product page or a forum thread holds no
article. The classifier, which learned to tell an article from what surrounds it, labels such a
page's cards, rows and posts as lists, comments or other text, and the body comes out empty or a
line or two; or it takes the cards' teasers for body, which then reads as a run of unrelated
sentences, each after its card's headline link. Its reader still wants what the page shows: every block that is not the site's
template (navigation, footer, ads, tags, asides, the page header outside the main content), in
reading order, repeats dropped. The article then says it is no article (`page_type` "other"), so a
corpus of news can leave it out.

A discussion (a forum thread, a Q&A page: its markup says so) is read whole: its reader wants the
opening post and the replies, the question and its answers, in reading order, so its body is the
page's main content without the lists of links around the thread (related threads, a sidebar)
and without the short lines the classifier took for no text (names, dates, buttons), whatever it
made of the posts; `comments` still lists the replies apart with their authors and dates where
the classifier took them for comments (`page_type` "discussion").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from warta.assemble.body import build_body
from warta.model import (
    LABEL_AD,
    LABEL_BODY,
    LABEL_FOOTER,
    LABEL_NAV,
    LABEL_OTHER,
    LABEL_READ_ALSO,
    LABEL_RELATED,
    LABEL_SIDEBAR,
    LABEL_TAGS,
    LABEL_TITLE,
    LINK_LINE,
    Block,
    BodyPart,
    Label,
)

# Fewer characters of body than two sentences: the page holds no article.
NO_ARTICLE_CHARS = 300
# The main content replaces a short body only where it holds more than this many times its text:
# a short article (a brief, a notice) keeps its body, a page of cards around a line or two does not.
_MORE_TEXT = 2

_TEMPLATE_LABELS = frozenset({LABEL_NAV, LABEL_FOOTER, LABEL_AD, LABEL_TAGS, LABEL_TITLE})
# Elements (their tags, kept among a block's class tokens) that hold the site's template, not content.
_TEMPLATE_REGIONS = frozenset({"nav", "footer", "aside"})
_CONTENT_REGIONS = frozenset({"main", "article"})
# What of a discussion's main content is none of its posts: the lists of links beside the thread
# (other threads, a sidebar), and the lines the classifier took for no text that are shorter than
# a sentence (names, post counts, dates, buttons; characters, not words, so that a reply in a
# language written without spaces is measured too). WCXB dev's 74 forum pages whose markup
# declares a discussion, cross-validated SH-F1: the body as before 0.684, the body followed by the
# comments 0.716, the main content 0.723, without the lists 0.751, without the short lines too
# 0.778 (the curve is flat from 30 to 80 characters: 0.775-0.778; without every line labelled
# other, 0.708: the classifier takes some posts for other text).
_LINK_LIST_LABELS = frozenset({LABEL_RELATED, LABEL_SIDEBAR, LABEL_READ_ALSO})
_POST_MIN_CHARS = 40


def text_chars(parts: Sequence[BodyPart]) -> int:
    return sum(len(part.text) for part in parts)


def holds_article(parts: Sequence[BodyPart]) -> bool:
    """Whether a body of `parts` is an article's (a few sentences at least)."""
    return text_chars(parts) >= NO_ARTICLE_CHARS


# A body of teasers: five or more short paragraphs (a sentence or two each) nearly all of which come
# after a link of their own, a card's headline. So read a section front, a tag page or a homepage,
# whose cards the classifier took for body; an article's paragraphs follow one another, an inline
# "Baca juga" link between a few of them (WCXB dev: 1 article page of 778 with five body
# paragraphs or more, 14 listings of 70; ScrapingHub: none of 181).
_TEASERS_MIN = 5
_TEASERS_LINKED = 0.8
_TEASER_MEAN_CHARS = 250


def _is_link(block: Block) -> bool:
    structure = block.structure
    return structure.in_link or structure.link_density >= LINK_LINE


def is_teaser_list(blocks: Sequence[Block], labels: Sequence[Label]) -> bool:
    """Whether the body blocks of `labels` are cards' teasers, each after its own headline link."""
    body = [i for i, label in enumerate(labels) if label is LABEL_BODY]
    if len(body) < _TEASERS_MIN or sum(len(blocks[i].text) for i in body) >= _TEASER_MEAN_CHARS * len(body):
        return False
    linked = sum(
        1 for before, after in pairwise(body) if any(_is_link(blocks[i]) for i in range(before + 1, after))
    )
    return linked >= _TEASERS_LINKED * (len(body) - 1)


def is_template(block: Block, label: Label) -> bool:
    """A block of the site's template: labelled so, or inside a navigation, footer or aside, or in a
    page header that is not the main content's."""
    if label in _TEMPLATE_LABELS:
        return True
    regions = block.structure.class_tokens
    if not regions:
        return False
    tokens = set(regions)
    if tokens & _TEMPLATE_REGIONS:
        return True
    return "header" in tokens and not tokens & _CONTENT_REGIONS


def _content_but(
    blocks: Sequence[Block], labels: Sequence[Label], dropped: Callable[[Block, Label], bool]
) -> list[BodyPart]:
    """The page's blocks but those `dropped` tells, as body parts: fragments joined and repeats
    dropped as in a body."""
    content = [
        LABEL_OTHER if dropped(block, label) else LABEL_BODY
        for block, label in zip(blocks, labels, strict=True)
    ]
    return build_body(blocks, content).parts


def main_content(blocks: Sequence[Block], labels: Sequence[Label]) -> list[BodyPart]:
    """The page's main content as body parts: its blocks but the template's, fragments joined and
    repeats dropped as in a body."""
    return _content_but(blocks, labels, is_template)


def is_beside_posts(block: Block, label: Label) -> bool:
    """Whether a block of a discussion is none of its posts: the site's template, a list of links
    beside the thread, or a short line the classifier took for no text (a poster's name, their
    post count, a date, a "Reply" button)."""
    if label in _LINK_LIST_LABELS:
        return True
    if label is LABEL_OTHER and len(block.text) < _POST_MIN_CHARS:
        return True
    return is_template(block, label)


def discussion_content(blocks: Sequence[Block], labels: Sequence[Label]) -> list[BodyPart]:
    """A discussion's posts as body parts, in reading order: the page's main content
    (`main_content`) but the blocks `is_beside_posts` tells."""
    return _content_but(blocks, labels, is_beside_posts)


def body_or_main_content(
    parts: list[BodyPart], blocks: Sequence[Block], labels: Sequence[Label]
) -> tuple[list[BodyPart], bool]:
    """The body and whether it is an article's. Where the body is short and the page around it
    holds more text than it many times over (cards, rows, posts), or where the body is a list of
    teasers, the page is no article: its main content (the cards whole, headlines with their
    teasers) comes in place of the body. A short body with little around it is a brief: kept."""
    if holds_article(parts):
        if is_teaser_list(blocks, labels):
            return main_content(blocks, labels), False
        return parts, True
    content = main_content(blocks, labels)
    if text_chars(content) > _MORE_TEXT * text_chars(parts):
        return content, False
    return parts, bool(parts)
