"""Quantities: money, percentages, counts, measures. (Being built.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from warta.enrich.types import Quantity

if TYPE_CHECKING:
    from warta.enrich import EnrichContext


def find_quantities(paragraphs: Sequence[str], context: EnrichContext) -> list[Quantity]:
    return []
