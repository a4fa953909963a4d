"""Published and modified dates: candidates from every source, ranked, checked, chosen.

Candidates come from the page's markup (JSON-LD, meta tags, microdata, <time>,
state JSON: the raw `(value, source)` pairs of `PageMetadata`), from the blocks
around the title (byline and dateline zone), from the URL and, only when none of
those gives a day, from the first body blocks and from short blocks that are a
date and little else ("Published on July 8, 2025"), wherever the classifier put
them. Otherwise blocks labelled sidebar, related, comments, nav, footer, ad or tags
never give a date; after the body, several different stray dates are other
articles' teasers and none is used. No date after the reference (fetch time, or
now) is accepted: the two failures users report most.

    >>> from warta.lexicon import load_lexicon
    >>> from warta.model import Block, Label
    >>> blocks = [Block(0, "Judul"), Block(1, "KCNA, Senin (28/4) mengutip pernyataan partai.")]
    >>> published, _ = resolve_dates(blocks, [Label.TITLE, Label.BODY], None, None, load_lexicon())
    >>> published.iso(), published.evidence.source
    ('2025-04-28', 'dateline')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date as date_type
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import compress, islice
from operator import attrgetter
from typing import Literal

from warta.classify.sections import first_label_index, last_label_index
from warta.lexicon import Lexicon, locale_key, normalise_marker
from warta.meta.datetext import (
    DateGrammar,
    DateMatch,
    Kind,
    Precision,
    find_dates,
    for_locale,
    grammar_of,
    in_numeric_order,
)
from warta.meta.page import PageMetadata
from warta.model import Block, DateValue, Evidence, Label
from warta.strings import has_digit

Role = Literal["published", "modified"]

# Higher is more trusted. Markup is written for machines and rarely wrong about
# which date is which; the URL holds a day but no time; body mentions are events.
SOURCE_RANK: dict[str, int] = {
    "json-ld": 100,
    "meta": 95,
    "time": 85,
    "markup": 80,
    "time-text": 78,  # <time> without a datetime attribute: its visible text
    "meta-other": 74,  # site-specific <meta> keys ("cludo:date", "w-published-date")
    "byline": 70,
    "dateline": 60,
    "script": 55,  # a date key in the page's state JSON
    "url": 50,
    "visible": 29,  # a short block that is a date and little else, wherever it sits (last resort)
    "tail": 40,
    "body": 30,
}
# Body dates and stray visible dates are read only when nothing better (a day from
# markup, the byline zone or the URL) was found, and only in the first few body blocks:
# scanning every paragraph cost a quarter of the text path's time for dates that lose.
_MAX_BODY_BLOCKS = 5
# A date with its weekday above the title, in a block not labelled byline, is often the header's
# "today" ("Friday, December 19, 2025" beside the site's menu): it loses its weekday's credit and
# more, so that a date of the byline zone under the title wins.
_ABOVE_TITLE = 6
_MAX_VISIBLE_BLOCKS = 400
_STANDALONE_CHARS = 80
_IGNORED = frozenset(
    {
        Label.SIDEBAR,
        Label.RELATED,
        Label.COMMENTS,
        Label.READ_ALSO,
        Label.NAV,
        Label.FOOTER,
        Label.AD,
        Label.TAGS,
        Label.CAPTION,  # a photo's date ("Selasa (17/6/2025)"): when it was taken, not published
    }
)
_BYLINE_LABELS = frozenset({Label.BYLINE, Label.DATELINE})
# Sets, not `Label.X` per block: reading an enum member is a slow attribute lookup.
_DATELESS = _IGNORED | {Label.TITLE}
_TEXT_LABELS = frozenset({Label.BODY, Label.QUOTE, Label.HEADING, Label.SUBTITLE})
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
_TEXT = attrgetter("text")
_PRECISION_ORDER = ("year", "month", "day", "hour", "minute", "second")
# What `_score` adds for each precision, the finer the more: computed once, as it was per score.
_PRECISION_BONUS = {p: 0.5 * i / len(_PRECISION_ORDER) for i, p in enumerate(_PRECISION_ORDER)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One date that could be the article's published or modified date."""

    date: DateValue
    role: Role
    score: float
    position: int  # order of discovery: markup first, then blocks in reading order
    marked: bool = False  # a word before the date says which it is ("Published", "Diperbarui")


@lru_cache(maxsize=256)
def _metadata_zone(source: str) -> str:
    """Map a metadata source label ("json-ld:datePublished", "meta:article:published_time") to a zone
    (cached: the labels are markup keys, few and the same on page after page)."""
    key = source.lower()
    head = key.split(":")[0]
    if head in ("meta-other", "time-text", "script"):
        return head
    if "json" in key or "ld" in head:
        return "json-ld"
    if key.startswith(("meta", "og", "article", "dc", "itemprop", "parsely", "sailthru")):
        return "meta"
    if "time" in key.split(":")[0]:
        return "time"
    return "markup"


def _to_value(match: DateMatch, source: str, block: int | None) -> DateValue:
    return DateValue(
        value=match.value,
        precision=match.precision,
        evidence=Evidence(text=match.text, source=source, block=block),
        timezone=match.timezone,
        inferred_year=match.inferred_year,
    )


def _score(match: DateMatch, zone: str, reference: datetime | None) -> float:
    score = float(SOURCE_RANK.get(zone, 20))
    if match.weekday_ok is False:
        score -= 25  # "Senin, 29 April" when 29 April was a Tuesday: a typo or a wrong year
    elif match.has_weekday:
        score += 5  # Indonesian news opens with the day of the news: "Senin (28/4)"
    if match.kind == "inferred" and not match.has_weekday:
        # "Jan 7" is this year's 7 January only when "this year" is the fetch year; with
        # no fetch time it is a guess, below any date that states its year.
        score -= 5 if reference is not None else 30
    score += _PRECISION_BONUS[match.precision]
    return score


def _metadata_candidates(
    metadata: PageMetadata, reference: datetime | None, lexicon: Lexicon, grammar: DateGrammar
) -> Iterator[Candidate]:
    roles: tuple[tuple[Role, list[tuple[str, str]]], ...] = (
        ("published", metadata.published),
        ("modified", metadata.modified),
    )
    # The markup states one date several times (JSON-LD, meta tags, <time>, published and
    # modified alike): a value read before gives the same best match, so it is looked up.
    known: dict[str, DateMatch] = {}
    for role, raw_list in roles:
        for position, (raw, source) in enumerate(raw_list):
            best = known.get(raw)
            if best is None:
                best = _best_metadata_match(raw, reference, lexicon, grammar)
                if best is None:
                    continue
                if reference is not None or best.kind == "absolute":
                    known[raw] = best
            zone = _metadata_zone(source)
            yield Candidate(_to_value(best, source, None), role, _score(best, zone, reference), position)


def _best_metadata_match(
    raw: str, reference: datetime | None, lexicon: Lexicon, grammar: DateGrammar
) -> DateMatch | None:
    """The date a markup value states: its absolute match, else its longest; None if it has none.

    The same value gives the same match again when `reference` is given (`find_dates` is then a
    pure function of its arguments) or when the match is absolute: absolute dates never read the
    reference, and they win every overlap and this choice, so no other match (which may read
    the clock when `reference` is None) can displace one (`_metadata_candidates` reuses those)."""
    matches = find_dates(raw, reference, lexicon, grammar, least_specific="relative")
    if len(matches) < 2:
        return matches[0] if matches else None  # (one match, as an ISO value gives: no choice)
    return max(matches, key=lambda m: (m.kind == "absolute", m.end - m.start))


def _url_candidate(url: str | None) -> Candidate | None:
    if not url:
        return None
    path = url.split("?", 1)[0].split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    day = _URL_DAY.search(path)
    if day:
        try:
            value = datetime(int(day.group(1)), int(day.group(2)), int(day.group(3)))
        except ValueError:
            value = None
        if value is not None:
            date = DateValue(value, "day", Evidence(day.group(0), "url"))
            return Candidate(date, "published", SOURCE_RANK["url"] + 0.2, 10_000)
    month = _URL_MONTH.search(path)
    if month:
        value = datetime(int(month.group(1)), int(month.group(2)), 1)
        return Candidate(
            DateValue(value, "month", Evidence(month.group(0), "url")), "published", 44.0, 10_000
        )
    return None


def _zone_of(
    i: int, labels: Sequence[Label], first_body: int | None, last_body: int | None, title: int | None
) -> str | None:
    """Which zone block `i` is in, or None when its dates must not be used."""
    label = labels[i]
    if label in _DATELESS:
        return None
    if label in _BYLINE_LABELS:
        return "byline"
    if first_body is None or last_body is None:
        return "byline" if label is not Label.BODY and i < 15 else None
    if label in _TEXT_LABELS:
        return "dateline" if i == first_body else "body"
    # The byline zone: between the title and the body, or (when the title was not found
    # among the blocks) the unlabelled blocks just above the body.
    if first_body - 25 <= i < first_body or (title is not None and title < i < first_body):
        return "byline"
    if last_body < i <= last_body + 3:
        return "tail"
    return None


def _marker_role(text: str, start: int, grammar: DateGrammar) -> Role | None:
    """Published/modified as said by a word before the date ("Diperbarui 12 Des", "Updated:")."""
    before = text[max(0, start - 40) : start].lower()
    if any(map(before.__contains__, grammar.modified_markers)):  # in C
        return "modified"
    if any(map(before.__contains__, grammar.published_markers)):
        return "published"
    return None


def _block_candidates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    reference: datetime | None,
    lexicon: Lexicon,
    grammar: DateGrammar,
    deep: bool = False,
) -> Iterator[Candidate]:
    """Dates of the byline zone, dateline and tail; with `deep`, of the body and stray date blocks."""
    first_body, last_body = first_label_index(labels, Label.BODY), last_label_index(labels, Label.BODY)
    title = first_label_index(labels, Label.TITLE)
    body_seen = 0
    after_body: list[Candidate] = []
    # The absolute dates of each short text read for a stray date: a page repeats such lines
    # ("12/05/2026" under every teaser), and they are a pure function of the text.
    absolute: dict[str, list[DateMatch]] = {}
    if deep:
        indices: Iterable[int] = _deep_pass_blocks(blocks, labels)
    else:
        indices = _first_pass_blocks(labels, len(blocks), first_body, last_body, title)
        if reference is None:
            # No relative date is looked for without a reference (see `relative` below), and
            # every other kind has a digit: a block without one is skipped below.
            indices = list(compress(indices, map(has_digit, map(_TEXT, map(blocks.__getitem__, indices)))))
    title_at = title if title is not None else -1
    for i in indices:
        block = blocks[i]
        if (
            deep
            and not (labels[i] in _TEXT_LABELS and body_seen < _MAX_BODY_BLOCKS)
            and not _may_be_date(block.text)
        ):
            continue  # no body block to read, and no stray date
        zone = _zone_of(i, labels, first_body, last_body, title)
        if (
            zone == "body"
            and first_body is not None
            and i < first_body
            and len(block.text) <= _STANDALONE_CHARS
        ):
            # A short line above the lead that the classifier took for a subtitle or heading
            # ("il y a 2 heures", "Publié le 4 mars 2025 à 07h05") is the byline zone's.
            zone = "byline"
        if zone == "body":
            body_seen += 1
            if not deep or body_seen > _MAX_BODY_BLOCKS:
                continue
        elif zone is None:
            if deep and labels[i] is not Label.TITLE:  # (`_standalone_candidates` checks the length)
                found = _standalone_candidates(block, i, reference, lexicon, grammar, absolute)
                if last_body is not None and i > last_body:
                    after_body.extend(found)
                else:
                    yield from found
            continue
        elif deep:
            continue  # read in the first pass
        text = block.text if zone in ("byline", "tail") or len(block.text) < 400 else block.text[:2000]
        if zone == "dateline":
            text = _dateline_head(text)
        # Relative dates tell the publication time only next to the byline, and only
        # when the reference is a real fetch time; in the body they are events. Times
        # alone say no day. The kinds not used are not looked for. A short first "body"
        # block is a date line the classifier took for the lead ("2 jam yang lalu" under
        # the headline): its relative date counts when it is the block's whole say.
        line = zone == "dateline" and len(text) <= _STANDALONE_CHARS
        relative = reference is not None and (zone in ("byline", "tail") or line)
        if not relative and not has_digit(text):
            continue  # every absolute or inferred date has a digit (`find_dates` would find none)
        least: Kind = "relative" if relative else "inferred"
        for match in find_dates(text, reference, lexicon, grammar, least_specific=least):
            if zone in ("body", "dateline") and match.precision in ("year", "month"):
                continue
            if zone == "dateline" and match.kind == "relative" and _words_beside(text, match) > 4:
                continue  # "He arrived 2 days ago to ...": an event of the lead
            marked = _marker_role(text, match.start, grammar)
            above = (
                match.has_weekday and zone == "byline" and i < title_at and labels[i] not in _BYLINE_LABELS
            )
            score = _score(match, zone, reference) + (3 if marked else 0) - (_ABOVE_TITLE if above else 0)
            yield Candidate(
                _to_value(match, zone, i), marked or "published", score, 1_000 + i, marked is not None
            )
    # After the body, one date may be the article's ("Published Feb 2, 2023" under it);
    # several different ones are the teasers of other articles.
    if len({c.date.value.date() for c in after_body}) == 1:
        yield after_body[0]


# The lead's opening, where its dateline states the day ("JAKARTA, KOMPAS — … . Harga itu …,
# seperti terpantau Kamis (5/6/2025)."): its first 200 characters, and the rest of the sentence
# running over them (an Indonesian lead names the day at a sentence's end), up to 400.
_DATELINE_CHARS = 200
_DATELINE_SENTENCE_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s|$)")


def _dateline_head(text: str) -> str:
    """The opening of the lead `text` whose dates are the dateline's (`_DATELINE_CHARS`).

    >>> _dateline_head("A." + "a" * 250 + " terpantau Kamis (5/6/2025). Next sentence.")[-17:]
    'Kamis (5/6/2025).'
    """
    if len(text) <= _DATELINE_CHARS:
        return text
    end = _SENTENCE_END.search(text, _DATELINE_CHARS - 1, _DATELINE_SENTENCE_CHARS)
    return text[: end.end()] if end is not None else text[:_DATELINE_CHARS]


def _words_beside(text: str, match: DateMatch) -> int:
    """How many words `text` has besides the date `match` found in it."""
    return len(text[: match.start].split()) + len(text[match.end :].split())


def _first_pass_blocks(
    labels: Sequence[Label], count: int, first_body: int | None, last_body: int | None, title: int | None
) -> list[int]:
    """The blocks that `_zone_of` may put in the byline zone, the dateline or the tail (those
    the first pass reads), in order: the blocks near the body's edges and the byline blocks."""
    if first_body is None or last_body is None:
        near = set(range(min(count, 15)))
    else:
        near = set(range(max(0, first_body - 25), first_body + 1))
        near.update(range(last_body + 1, last_body + 4))
        if title is not None:
            near.update(range(title + 1, first_body))
    near.update(compress(range(count), map(_BYLINE_LABELS.__contains__, labels)))  # in C
    return sorted(filter(count.__gt__, near))  # (in C)


def _deep_pass_blocks(blocks: Sequence[Block], labels: Sequence[Label]) -> list[int]:
    """The blocks the deep pass of `_block_candidates` may take a date from, in order (found in
    C): the first six text blocks, and the short ones with a digit (`_may_be_date`); its loop's
    own tests decide. No other block can give one: each text block but the first body block is
    in the body zone, so past the first six the body's count (`_MAX_BODY_BLOCKS`) is reached
    and only a stray date is read; without a body a text block gives only a stray date."""
    limit = min(len(blocks), _MAX_VISIBLE_BLOCKS)
    texts = list(map(_TEXT, blocks[:limit]))
    text_blocks = islice(
        compress(range(limit), map(_TEXT_LABELS.__contains__, labels[:limit])), _MAX_BODY_BLOCKS + 1
    )
    # The digit test only for the short texts: a long paragraph without a digit is read whole.
    short = list(compress(range(limit), map(_STANDALONE_CHARS.__ge__, map(len, texts))))
    dated = compress(short, map(has_digit, map(texts.__getitem__, short)))
    return sorted({*text_blocks, *dated})


def _may_be_date(text: str) -> bool:
    """Whether `_standalone_candidates` may find a date in `text`: short, with a digit."""
    return len(text) <= _STANDALONE_CHARS and has_digit(text)


def _standalone_candidates(
    block: Block,
    i: int,
    reference: datetime | None,
    lexicon: Lexicon,
    grammar: DateGrammar,
    absolute: dict[str, list[DateMatch]] | None = None,
) -> list[Candidate]:
    """A short block that is one full date and a few words ("Published on July 8, 2025",
    "Jun 08, 2023 • 11 Minute Read"), in a block the classifier put in a sidebar or footer:
    templates often wrap the article's date so. `absolute`: the absolute dates of texts read
    before (this call adds its own), for a caller that reads many.

    Absolute matches never read the reference (only year-less and relative ones do), so
    the dates of a text read before are those `find_dates` would find again."""
    text = block.text
    if not _may_be_date(text):
        return []
    matches = absolute.get(text) if absolute is not None else None
    if matches is None:
        matches = find_dates(text, reference, lexicon, grammar, least_specific="absolute")
        if absolute is not None:
            absolute[text] = matches
    for match in matches:
        if match.precision in ("year", "month"):
            continue
        rest = (text[: match.start] + " " + text[match.end :]).split()
        marked = _marker_role(text, match.start, grammar)
        credit = normalise_marker(text).startswith(tuple(p + " " for p in lexicon.author_prefix))
        if len(rest) <= 4 or marked or (credit and len(rest) <= 10):
            score = _score(match, "visible", reference) + (3 if marked else 0)
            return [Candidate(_to_value(match, "visible", i), marked or "published", score, 1_000 + i)]
        return []
    return []


def _not_after(date: DateValue, reference: datetime) -> bool:
    return date.value.date() <= reference.date()


def _has_day(candidates: Sequence[Candidate], limit: datetime) -> bool:
    """Whether a published date to the day, at least as trusted as a stray visible date, is known."""
    return any(
        c.role == "published"
        and c.score >= SOURCE_RANK["url"]
        and c.date.precision not in ("year", "month")
        and _not_after(c.date, limit)
        for c in candidates
    )


def date_candidates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata | None,
    reference: datetime | None,
    lexicon: Lexicon,
    url: str | None = None,
    now: datetime | None = None,
) -> list[Candidate]:
    """The usable dates of the page, best first; none after the reference (or `now`).

    Body paragraphs and stray date blocks are read only when markup, the byline
    zone and the URL give no published day: their dates would rank below those anyway.
    """
    language = metadata.language if metadata is not None else None
    grammar = for_locale(grammar_of(lexicon), language)
    limit = reference or now or datetime.now()
    found = _read_candidates(blocks, labels, metadata, reference, lexicon, grammar, url, limit)
    if any(map(_ambiguous_numeric, found)) and not (
        language and locale_key(language) in grammar.locale_numeric_order
    ):  # (no locale says the order: the page's own unambiguous numeric dates may)
        order = _page_numeric_order(map(_TEXT, blocks))
        if order is not None and order != grammar.numeric_order:
            grammar = in_numeric_order(grammar, order)
            found = _read_candidates(blocks, labels, metadata, reference, lexicon, grammar, url, limit)
    usable = [c for c in found if _not_after(c.date, limit)]
    return sorted(usable, key=lambda c: (-c.score, c.position))


def _read_candidates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata | None,
    reference: datetime | None,
    lexicon: Lexicon,
    grammar: DateGrammar,
    url: str | None,
    limit: datetime,
) -> list[Candidate]:
    """The page's dates as `grammar` reads them, from its markup, its URL and its blocks (the
    body's and stray date blocks only where those give no published day before `limit`)."""
    found: list[Candidate] = []
    if metadata is not None:
        found.extend(_metadata_candidates(metadata, reference, lexicon, grammar))
    url_candidate = _url_candidate(url)
    if url_candidate is not None:
        found.append(url_candidate)
    found.extend(_block_candidates(blocks, labels, reference, lexicon, grammar))
    if not _has_day(found, limit):
        found.extend(_block_candidates(blocks, labels, reference, lexicon, grammar, deep=True))
    return found


# A numeric date with its year ("03/01/2017", "31.01.25"): the order of the first two numbers is
# the page's convention where neither is over 12.
_NUMERIC_DAY = re.compile(r"(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/.])")


def _ambiguous_numeric(candidate: Candidate) -> bool:
    """Whether `candidate` was read from a numeric date that either order reads ("03/01/2017")."""
    found = _NUMERIC_DAY.match(candidate.date.evidence.text)
    if found is None:
        return False
    a, b = int(found.group(1)), int(found.group(3))
    return a != b and a <= 12 and b <= 12


def _page_numeric_order(texts: Iterable[str]) -> str | None:
    """ "mdy" or "dmy": the order in which the page writes numeric dates, where those that only one
    order reads ("01/31/2025": 31 is no month; "31/01/2025") all agree; else None."""
    orders: set[str] = set()
    for text in texts:
        if not has_digit(text):
            continue
        for found in _NUMERIC_DAY.finditer(text):
            a, b = int(found.group(1)), int(found.group(3))
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def resolve_dates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata | None,
    reference: datetime | None,
    lexicon: Lexicon,
    url: str | None = None,
) -> tuple[DateValue | None, DateValue | None]:
    """(published, modified) of a page, each with its evidence.

    A modified date earlier than the published one is dropped; when the page
    states only a modified date, it is the best available published date too.
    """
    candidates = date_candidates(blocks, labels, metadata, reference, lexicon, url)
    published = next((c.date for c in candidates if c.role == "published"), None)
    if published is not None and published.evidence.source not in _PAGE_ZONES:
        published = (
            _listed_instead(candidates, labels, published)
            or _shown_earlier(candidates, blocks, labels, published)
            or published
        )
    if published is not None and published.evidence.source == "url" and published.precision == "month":
        # "/2025/12/" says the month; a day of that month from anywhere on the page says more.
        month = (published.value.year, published.value.month)
        published = next(
            (
                c.date
                for c in candidates
                if c.role == "published"
                and c.date.precision not in ("year", "month")
                and (c.date.value.year, c.date.value.month) == month
            ),
            published,
        )
    if published is not None and published.inferred_year:
        # "Senin (9/6)" given its year by a guess: a day the URL states in full ("/2025/06/10/")
        # is the publication's; a year-less day in the text is as often the event's, the day before.
        published = _url_day(candidates) or _stated_year(published, candidates) or published
    modified = next((c.date for c in candidates if c.role == "modified"), None)
    if (
        published is not None
        and published.inferred_year
        and modified is not None
        and not modified.inferred_year
        and _naive(modified) < _naive(published)
    ):
        # A year-less "16 May" was given the latest year that is not in the future; after the
        # stated update ("Updated March 13, 2024") it cannot be the publication: no guess after it.
        last = _naive(modified)
        published = next(
            (
                c.date
                for c in candidates
                if c.role == "published" and not (c.date.inferred_year and _naive(c.date) > last)
            ),
            None,
        )
    if published is None:
        published = modified
    if published is not None and modified is not None and _naive(modified) < _naive(published):
        modified = None
    return published, modified


def _url_day(candidates: Sequence[Candidate]) -> DateValue | None:
    """The publication day that the page's URL states (year, month and day), if it states one."""
    return next(
        (
            c.date
            for c in candidates
            if c.role == "published"
            and c.date.evidence.source == "url"
            and c.date.precision not in ("year", "month")
            and not c.date.inferred_year
        ),
        None,
    )


def _stated_year(date: DateValue, candidates: Sequence[Candidate]) -> DateValue | None:
    """'Nov 18, 8:19 PM' (its year a guess) where the page states the year of that day elsewhere
    ('November 18, 2019' in its markup or text, '/2019/11/' in its URL, the month alone): the day
    in that year. A guessed year is no better than a stated one for the same day."""
    for c in candidates:
        stated = c.date
        if c.role != "published" or stated.inferred_year or stated.precision == "year":
            continue
        if stated.value.month != date.value.month:
            continue
        if stated.precision != "month" and stated.value.day != date.value.day:
            continue
        try:
            value = date.value.replace(year=stated.value.year)
        except ValueError:  # 29 February of a year that has none
            return None
        return replace(date, value=value, inferred_year=False)
    return None


_ONE_SAVE = timedelta(minutes=1)  # published and modified this close: the record was saved in one go
_EARLIEST_ZONE = timedelta(hours=12)  # UTC-12: where an instant's calendar day is the earliest
# The sources of candidates read from the page's text or URL; every other source is markup.
_PAGE_ZONES = frozenset({"byline", "dateline", "body", "tail", "visible", "url"})


def _shown_earlier(
    candidates: Sequence[Candidate], blocks: Sequence[Block], labels: Sequence[Label], markup: DateValue
) -> DateValue | None:
    """The publication date the page shows between its title and its body, where it is a day
    earlier than the one its markup states (`markup`) and something vouches for it, else None.

    The markup's datePublished is when the record was last saved as new (a site moved to
    another CMS, a post re-imported: it then equals dateModified); the date printed under the
    headline is when readers first saw the article. Only a full date with its year stated, not
    marked as an update, in a short block (a photo's caption says when the photo was taken), and
    vouched for: by a word before it ("Published Apr 26, 2023"), by the markup naming that day
    too, or by the markup's published time being its modified time (within a minute) or after it.
    On a page whose markup names many days (a thread's posts), only a day the markup names (a
    poster's "Joined: Jul 24, 2017" beside the first post is no publication date)."""
    title, first_body = first_label_index(labels, Label.TITLE), first_label_index(labels, Label.BODY)
    if title is None or first_body is None:
        return None
    shown = next(
        (
            c
            for c in candidates
            if c.role == "published"
            and c.date.evidence.source == "byline"
            and c.date.evidence.block is not None
            and title < c.date.evidence.block < first_body
            and c.date.precision not in ("year", "month")
            and not c.date.inferred_year
        ),
        None,
    )
    if (
        shown is None
        or len(blocks[shown.date.evidence.block or 0].text) > _STANDALONE_CHARS  # (a photo's caption)
        or shown.date.value.date() >= _earliest_day(markup)
    ):
        return None
    stated = [c for c in candidates if c.date.evidence.source not in _PAGE_ZONES]
    named = shown.date.value.date() in {c.date.value.date() for c in stated}
    if not named and len({c.date.value.date() for c in stated if c.role == "published"}) > 2:
        return None
    modified = next((c.date for c in stated if c.role == "modified"), None)
    # Re-saved: published and modified in one save, or a published stamp after the markup's own
    # last modification (rewritten when the record was saved anew, not when readers first saw it).
    resaved = modified is not None and (
        abs(_naive(modified) - _naive(markup)) <= _ONE_SAVE or _naive(modified) < _naive(markup)
    )
    return shown.date if named or shown.marked or resaved else None


_LISTING_DAYS = 3  # one markup source naming this many days lists items (posts, teasers)


def _listed_instead(
    candidates: Sequence[Candidate], labels: Sequence[Label], markup: DateValue
) -> DateValue | None:
    """The page's own date where the markup source of `markup` lists several items' dates, else None.

    One markup source that names three days or more ("itemprop:datePublished" on every answer of a
    thread, a <time> on every teaser beside the article) says no one date is the page's. Then a
    full date in a block labelled byline between the title and the body is the page's; failing
    that, on a thread whose markup dates run in reading order, the first and earliest one (the
    opening post's, as a question's "asked" date comes before its answers'); otherwise None."""
    listed = [
        c.date.value.date()
        for c in candidates
        if c.role == "published" and c.date.evidence.source == markup.evidence.source
    ]
    if len(set(listed)) < _LISTING_DAYS:
        return None
    title, first_body = first_label_index(labels, Label.TITLE), first_label_index(labels, Label.BODY)
    if title is not None and first_body is not None:
        shown = next(
            (
                c.date
                for c in candidates
                if c.role == "published"
                and c.date.evidence.source == "byline"
                and c.date.evidence.block is not None
                and title < c.date.evidence.block < first_body
                and labels[c.date.evidence.block] is Label.BYLINE
                and c.date.precision not in ("year", "month")
                and not c.date.inferred_year
            ),
            None,
        )
        if shown is not None:
            return shown
    stated = [
        c
        for c in candidates
        if c.role == "published"
        and c.date.evidence.source not in _PAGE_ZONES
        and c.date.precision not in ("year", "month")
    ]
    if not stated:
        return None
    earliest = min(stated, key=lambda c: (_naive(c.date), c.position))
    first = min(c.position for c in stated if c.date.evidence.source == earliest.date.evidence.source)
    return earliest.date if earliest.position == first else None


def _earliest_day(date: DateValue) -> date_type:
    """The earliest calendar day `date` may be where the page is: a time's day in UTC-12, as a
    time without a zone may be in UTC ("2019-11-20 04:31:13" is "Nov 19, 10:31 pm CST")."""
    if date.precision in ("year", "month", "day"):
        return date.value.date()
    return (_naive(date) - _EARLIEST_ZONE).date()


def _naive(date: DateValue) -> datetime:
    value = date.value
    return value.replace(tzinfo=None) - (value.utcoffset() or (value - value))


__all__ = ["SOURCE_RANK", "Candidate", "Precision", "date_candidates", "resolve_dates"]
