"""Fixtures shared by the tests of the labelling rules (`labels`, `markers`, `cards`, `body_lines`, `tail`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.classify.labels import label_blocks
from warta.lexicon import load_lexicon
from warta.model import Label
from warta.segment.text import segment_text

ARTICLE = (
    "The council voted on Tuesday to close the old bridge for repairs that will take most of the coming year, "
    "officials said, after inspectors found cracks in two of its supporting piers during a routine check.\n"
    "Drivers will be sent along the river road instead, which the city says can carry the extra traffic.\n"
)


@pytest.fixture
def article() -> str:
    """Two paragraphs of a news story, each on its own line (a trailing newline included)."""
    return ARTICLE


@pytest.fixture
def confident_labels() -> Callable[[str], list[Label]]:
    """Labels of flattened text when the model calls every line body (the rules decide alone)."""
    lexicon = load_lexicon()

    def labels(text: str) -> list[Label]:
        blocks = segment_text(text)
        return label_blocks(blocks, [0.9] * len(blocks), lexicon)

    return labels
