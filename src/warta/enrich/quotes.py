"""Quotes and their speakers: '"Inflasi terkendali," ujar Menteri Keuangan Sri Mulyani' is the
quote 'Inflasi terkendali' said by 'Sri Mulyani'.

A quote is the text between a pair of quotation marks (curly, straight, guillemets), attributed
by a speech verb after it ('"...," kata X', '"...," X said', '"...," katanya') or before it
('X mengatakan, "..."', 'X said: "..."', 'Menurut X, "..."'). The speaker is the name in the
attribution with its titles stripped ('Kapolri Jenderal Listyo Sigit Prabowo' is 'Listyo Sigit
Prabowo'); a pronoun ('katanya', 'he said') names whoever was last named or last quoted. A quote
that runs over paragraphs (an opening mark left open, the next paragraph opening with a mark
again) gives one Quote per paragraph, all with the attribution found in any of them. Quoted words
inside a sentence with no attribution ('the so-called "jalan tikus"') are not quotes; a sentence
that is a quote by itself is one, said by the speaker of the quote just before it, if any.

Every word this reads (verbs, pronouns) comes from `enrich/data/quotes/<language>.toml`; titles from
`enrich/data/titles/<language>.toml`, which the entities annotator reads too (`quote_lexicon`).
This module finds the quoted spans and chains them into quotes; `speakers` says who said them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from warta.enrich.quote_lexicon import QuoteLexicon, quote_lexicon
from warta.enrich.speakers import (
    Speaker,
    antecedent,
    attribution,
    canonical_of,
    multiword_words,
    previous_speaker,
)
from warta.enrich.types import Entity, Quote

if TYPE_CHECKING:
    from warta.enrich import EnrichContext

__all__ = ["QuoteSpan", "find_quotes", "quote_lexicon"]

_MIN_STANDALONE_WORDS = 3


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words in one paragraph: `start`/`end` bound the words, `open_end` when no mark closes them."""

    paragraph: int
    start: int
    end: int
    mark_start: int
    mark_end: int
    open_end: bool
    floor: int  # where the quote before it in the paragraph ends (0 if none): its attribution starts after


def find_quotes(paragraphs: Sequence[str], context: EnrichContext, entities: Sequence[Entity]) -> list[Quote]:
    """Every quote in `paragraphs`, with its speaker where the text names one."""
    lexicon = quote_lexicon(context.languages)
    people = sorted(
        (entity for entity in entities if entity.type == "person"), key=lambda e: (e.paragraph, e.start)
    )
    quoted = [_quoted_spans(text, index, lexicon) for index, text in enumerate(paragraphs)]
    chained = _chains([span for found in quoted for span in found], paragraphs)
    quotes: list[Quote] = []
    speakers: list[Speaker] = []  # the speakers of the quotes so far, for pronouns and bare quotes
    known: frozenset[str] | None = None  # the words of the article's full names, read on first need
    subjects: dict[int, list[Speaker]] = {}  # the names each paragraph offers a pronoun, read on need
    for chain in chained:
        found = [attribution(span, paragraphs, lexicon) for span in chain]
        attributed = [(speaker, verb) for speaker, verb in found if verb is not None]
        if attributed:
            speaker, verb = attributed[-1] if chain[0].open_end else attributed[0]
            if speaker is not None and speaker.pronoun:
                if known is None:
                    known = multiword_words(paragraphs)
                speaker = antecedent(speaker, paragraphs, quoted, speakers, people, lexicon, known, subjects)
        elif _stands_alone(chain[0], paragraphs[chain[0].paragraph], lexicon):
            speaker, verb = previous_speaker(chain[0], speakers), None
        else:
            continue
        if speaker is not None and speaker.name is not None:
            speakers.append(speaker)
        name = speaker.name if speaker is not None else None
        canonical = canonical_of(speaker, people) if speaker is not None and name is not None else None
        for span in chain:
            text = paragraphs[span.paragraph][span.start : span.end]
            quotes.append(Quote(text, name, canonical, verb, span.paragraph, span.start, span.end))
    return quotes


def _quoted_spans(text: str, paragraph: int, lexicon: QuoteLexicon) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    position = 0
    while position < len(text):
        opener = _next_opener(text, position, lexicon)
        if opener < 0:
            break
        closer = _closing_mark(text, opener + 1, lexicon.closers[text[opener]])
        open_end = closer < 0
        mark_end = len(text) if open_end else closer + 1
        start, end = _trim(text, opener + 1, len(text) if open_end else closer)
        if end > start:
            floor = spans[-1].mark_end if spans else 0
            spans.append(QuoteSpan(paragraph, start, end, opener, mark_end, open_end, floor))
        position = mark_end
    return spans


def _next_opener(text: str, position: int, lexicon: QuoteLexicon) -> int:
    match = lexicon.opener.search(text, position)
    return match.start() if match else -1


def _closing_mark(text: str, position: int, closer: str) -> int:
    """The mark that closes a quote: a closer not glued to a following letter ("it’s" is no close)."""
    index = text.find(closer, position)
    while index >= 0:
        if index + 1 >= len(text) or not text[index + 1].isalnum():
            return index
        index = text.find(closer, index + 1)
    return -1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _chains(spans: list[QuoteSpan], paragraphs: Sequence[str]) -> list[list[QuoteSpan]]:
    """Spans grouped into quotes: an open-ended span continues into a paragraph that opens with a mark."""
    chains: list[list[QuoteSpan]] = []
    for span in spans:
        previous = chains[-1][-1] if chains else None
        if (
            previous is not None
            and previous.open_end
            and span.paragraph == previous.paragraph + 1
            and span.mark_start == len(paragraphs[span.paragraph]) - len(paragraphs[span.paragraph].lstrip())
        ):
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


def _stands_alone(span: QuoteSpan, text: str, lexicon: QuoteLexicon) -> bool:
    """A quote that is a sentence by itself: it opens the paragraph or a sentence, and reads as one."""
    before = text[: span.mark_start].rstrip().rstrip("\"'”’»")
    if before and not before.endswith((".", "!", "?", "…")):
        return False
    words = text[span.start : span.end].split()
    return len(words) >= _MIN_STANDALONE_WORDS and words[0][0].isupper()
