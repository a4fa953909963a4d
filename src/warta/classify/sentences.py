"""How a line of text opens and ends: the sentence shapes the labelling rules read.

A flattened page loses its markup, so a line's first and last characters say much of
what it is: "The council voted … on Tuesday." is a paragraph, "Headline of a story" (no
full stop) a title, "NEW DELHI: The ministry said on Wednesday that the plan..." an
excerpt cut short.
"""

from __future__ import annotations

SENTENCE_END = tuple('.!?"”’)»…:')  # what closes a sentence (or a quote of one)
PARAGRAPH_END = (".", "!", "?", '"', "”")  # what ends an article's paragraph (a colon does not)
TRUNCATED = ("...", "…")


def starts_capitalised(text: str) -> bool:
    """A capital letter or a digit first ("Jakarta …", "2019 …"): how a title or a sentence opens."""
    first = text[0]
    return first.isupper() or first.isdigit()


def starts_sentence(text: str) -> bool:
    """A capital letter, a digit or an opening quote first ("“We will rebuild,” she said.")."""
    return starts_capitalised(text) or text[0] in "\"“‘'"


def is_paragraph(text: str) -> bool:
    """Longer than a headline, or a finished sentence. A line ending in a colon only where it goes on
    a sentence split at a link or code ("to publish that listener:"): one of its own is as often a
    box's lead-in ("Customer service can be reached at:") as the article's."""
    if text.endswith(":"):
        return len(text) > 160 or not starts_sentence(text)
    return len(text) > 160 or text.endswith(PARAGRAPH_END)


def is_cut_excerpt(text: str) -> bool:
    """A teaser paragraph cut short: a sentence's worth of text ending in an ellipsis."""
    return len(text) > 80 and text.endswith(TRUNCATED)


def is_long_sentence(text: str) -> bool:
    """A paragraph of the article: long and finished, not an excerpt cut short ("… said..." is)."""
    return len(text) > 160 and text.endswith(PARAGRAPH_END) and not text.endswith(TRUNCATED)
