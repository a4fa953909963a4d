"""Named entities with canonical names. (Being built: see the session's enrichment work.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from warta.enrich.types import Entity

if TYPE_CHECKING:
    from warta.enrich import EnrichContext


class EntityRecogniser:
    """Finds entities in paragraphs; loads its model once."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages

    def find(self, paragraphs: Sequence[str], context: EnrichContext) -> list[Entity]:
        return []
