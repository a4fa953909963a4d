"""Enrichment: what an article's text says, as annotations (see `warta.enrich.types`).

One signature for every annotator: the body paragraphs (and what earlier annotators found) in,
a list of typed annotations out. `Enricher` loads the models once and runs them in order:
entities, then quotes (whose speakers are read against the entities), quantities, date
mentions (resolved against the article's date) and keywords.

    >>> from warta.enrich import Enricher
    >>> enricher = Enricher(("id", "en"))  # doctest: +SKIP
    >>> enricher.annotate(article)["quotes"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from warta.enrich.types import DateMention, Entity, Keyword, Quantity, Quote
from warta.lexicon import locale_key
from warta.model import Article

ANNOTATIONS = ("entities", "quotes", "quantities", "dates", "keywords")
# Years a reference date may fall in; relative mentions are not resolved against one outside.
_REFERENCE_YEARS = (1800, 2200)


@dataclass(frozen=True, slots=True)
class EnrichContext:
    """What every annotator may read besides the text."""

    languages: tuple[str, ...]  # the languages the extractor reads (which data files load)
    language: str | None  # the article's language, when known
    reference: datetime | None  # the article's date: relative mentions resolve against it
    title: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Annotations:
    entities: list[Entity]
    quotes: list[Quote]
    quantities: list[Quantity]
    dates: list[DateMention]
    keywords: list[Keyword]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {name: [asdict(item) for item in getattr(self, name)] for name in ANNOTATIONS}


class Enricher:
    """The annotators with their models loaded (once, on first use); reuse one for many articles."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self._recogniser: Any = None

    def recogniser(self) -> Any:
        from warta.enrich.entities import EntityRecogniser

        if self._recogniser is None:
            self._recogniser = EntityRecogniser(self.languages)
        return self._recogniser

    def context(self, article: Article, reference: datetime | None = None) -> EnrichContext:
        published = article.published.value if article.published is not None else None
        when = published or reference
        if when is not None and not _REFERENCE_YEARS[0] <= when.year <= _REFERENCE_YEARS[1]:
            when = None  # a placeholder (Go's zero time 0001-01-01 in dumps): no date to count from
        # "en-US", "id_ID" (a page's markup language as written): the annotators key languages by code
        language = locale_key(article.language).split("-")[0] if article.language else None
        return EnrichContext(self.languages, language, when, article.title, article.site)

    def annotations(self, article: Article, reference: datetime | None = None) -> Annotations:
        """Every annotation of `article`; `reference` dates relative mentions where the article has no date."""
        from warta.enrich.keywords import find_keywords
        from warta.enrich.mentions import find_date_mentions, paragraph_dates
        from warta.enrich.quantities import find_quantities
        from warta.enrich.quotes import find_quotes

        paragraphs: Sequence[str] = [part.text for part in article.body]
        context = self.context(article, reference)
        entities = self.recogniser().find(paragraphs, context)
        dates = paragraph_dates(paragraphs, context)  # (read once: mentions, and where no count is)
        return Annotations(
            entities=entities,
            quotes=find_quotes(paragraphs, context, entities),
            quantities=find_quantities(paragraphs, context, dates),
            dates=find_date_mentions(paragraphs, context, dates),
            keywords=find_keywords(paragraphs, context, entities),
        )

    def annotate(
        self, article: Article, reference: datetime | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """`annotations(article).to_dict()`: the JSON form kept in `Article.annotations`."""
        return self.annotations(article, reference).to_dict()
