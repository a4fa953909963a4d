"""What enrichment finds in an article: typed annotations, each anchored to a body paragraph.

Every annotation names its paragraph (an index into `Article.body`) and its character
span there (`start`, `end`, end exclusive), so a reader can highlight it and a corpus can
count it. `Annotations.to_dict` (`dataclasses.asdict` of each) gives the JSON form stored under `Article.annotations`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntityType = Literal["person", "organisation", "place", "event", "product", "other"]
QuantityKind = Literal["money", "percent", "count", "measure"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: 'Korut' in paragraph 2 is the place 'Korea Utara'."""

    text: str
    type: EntityType
    canonical: str  # the name the entity goes by ('Korea Utara' for 'Korut'); `text` when none is known
    paragraph: int
    start: int
    end: int
    source: Literal["model", "gazetteer", "rule"] = "model"


@dataclass(frozen=True, slots=True)
class Quote:
    """Words the article quotes, and who said them (None when the article does not say)."""

    text: str
    speaker: str | None
    speaker_canonical: str | None
    verb: str | None  # the speech verb that attributes it ('kata', 'said'), when one does
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: 'Rp 1,5 triliun' is money, 1.5e12, unit 'IDR'; '14,000
    troops' is the count 14000 whose `counted` is 'troops' (its `text` the number alone)."""

    text: str
    value: float
    unit: str | None  # ISO 4217 code for money, '%' for percent, a unit symbol ('km'), or None
    kind: QuantityKind
    paragraph: int
    start: int
    end: int
    # what a count or a measure counts, as written right after it ('troops', 'sapi' of '5 ekor
    # sapi', 'beras' of '2,5 ton beras', 'orang' of '12 orang'); None for money and percentages
    counted: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date the text speaks of, resolved against the article's date: 'kemarin' is the day before."""

    text: str
    date: str  # ISO 8601: '2025-04-28', '2025-04', '2025'
    precision: Literal["day", "week", "month", "year"]
    relative: bool  # resolved from the article's date ('Senin lalu'), not spelled out ('28 April 2025')
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Keyword:
    """A word or phrase that says what the article is about, scored (higher is more telling)."""

    text: str
    score: float
