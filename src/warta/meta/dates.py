"""Dates: published and modified with precision and evidence (see issue #4 for the full reader)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from warta.lexicon import Lexicon
from warta.meta.page import PageMetadata
from warta.model import Block, DateValue, Label


def resolve_dates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata | None,
    reference: datetime | None,
    lexicon: Lexicon,
    url: str | None = None,
) -> tuple[DateValue | None, DateValue | None]:
    """(published, modified). Not yet implemented: returns no dates."""
    return None, None
