"""A page without an article: its main content, kept in place of the body.

A section front, search results, a shop's category, a product page or a forum thread holds no
article. The classifier, which learned to tell an article from what surrounds it, labels such a
page's cards, rows and posts as lists, comments or other text, and the body comes out empty or a
line or two. Its reader still wants what the page shows: every block that is not the site's
template (navigation, footer, ads, tags, asides, the page header outside the main content), in
reading order, repeats dropped. The article then says it is no article (`page_type` "other"), so a
corpus of news can leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from warta.assemble.body import build_body
from warta.model import (
    LABEL_AD,
    LABEL_BODY,
    LABEL_FOOTER,
    LABEL_NAV,
    LABEL_OTHER,
    LABEL_TAGS,
    LABEL_TITLE,
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


def declares_article(schema_type: str | None) -> bool:
    """Whether a JSON-LD type (lower case) calls the page an article (a bare WebPage does not)."""
    return schema_type is not None and schema_type != "webpage"


def text_chars(parts: Sequence[BodyPart]) -> int:
    return sum(len(part.text) for part in parts)


def holds_article(parts: Sequence[BodyPart]) -> bool:
    """Whether a body of `parts` is an article's (a few sentences at least)."""
    return text_chars(parts) >= NO_ARTICLE_CHARS


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


def main_content(blocks: Sequence[Block], labels: Sequence[Label]) -> list[BodyPart]:
    """The page's main content as body parts: its blocks but the template's, fragments joined and
    repeats dropped as in a body."""
    content = [
        LABEL_OTHER if is_template(block, label) else LABEL_BODY
        for block, label in zip(blocks, labels, strict=True)
    ]
    return build_body(blocks, content).parts


def body_or_main_content(
    parts: list[BodyPart], blocks: Sequence[Block], labels: Sequence[Label]
) -> tuple[list[BodyPart], bool]:
    """The body and whether it is an article's. Where the body is short and the page around it
    holds more text than it many times over (cards, rows, posts), the page is no article: its main
    content comes in place of the body. A short body with little around it is a brief: kept."""
    if holds_article(parts):
        return parts, True
    content = main_content(blocks, labels)
    if text_chars(content) > _MORE_TEXT * text_chars(parts):
        return content, False
    return parts, bool(parts)
