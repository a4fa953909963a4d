"""Quotes and their speakers. (Being built.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from warta.enrich.types import Entity, Quote

if TYPE_CHECKING:
    from warta.enrich import EnrichContext


def find_quotes(paragraphs: Sequence[str], context: EnrichContext, entities: Sequence[Entity]) -> list[Quote]:
    return []
