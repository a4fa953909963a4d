"""Date mentions in the text, resolved against the article's date. (Being built.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from warta.enrich.types import DateMention

if TYPE_CHECKING:
    from warta.enrich import EnrichContext


def find_date_mentions(paragraphs: Sequence[str], context: EnrichContext) -> list[DateMention]:
    return []
