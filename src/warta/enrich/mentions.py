"""Date mentions in the text, resolved against the article's date.

    >>> from datetime import datetime
    >>> from warta.enrich import EnrichContext
    >>> context = EnrichContext(("id", "en"), "id", datetime(2025, 5, 2))
    >>> [(m.text, m.date, m.precision) for m in find_date_mentions(["Polisi datang kemarin."], context)]
    [('kemarin', '2025-05-01', 'day')]

The dates the text spells out ("28 April 2025", "28/4/2025", "April 28, 2025", "Mei 2025") and
the relative ones ("kemarin", "dua hari lalu", "pekan depan", "Senin (28/4)") are read by warta's
date grammar (`meta.datetext.find_dates`, with the lexicon's calendar words); this module adds
a year alone where a word makes it one ("pada 2024", "in 2024"), a month without a day ("akhir
Mei", "mid-May 2025") and the relative phrases of `enrich/data/mentions/<lang>.toml`.

Rules, where the text leaves a choice:

- A day and month without a year ("Senin (28/4)", "24 April") and a month without one ("akhir
  Mei") take the year, among the reference's, the one before and the one after, that puts them
  closest to the reference; with a weekday, only a year in which that day falls on it.
- A weekday ("on Tuesday", "pada Senin") is the latest such day on or before the reference:
  news tells of what happened. After a word of `past_weekday_prefix` ("last Tuesday") or with
  "lalu" ("Senin lalu") it is strictly before: a week back on that very weekday. With a word of
  `future_weekday_prefix` or `future_weekday_suffix` ("next Tuesday", "Senin depan") it is the
  first such day after the reference (a week on, said on that weekday).
- Weeks ("pekan lalu", "next week", "dua pekan lalu") have precision "week" and the date of the
  Monday of their ISO week.
- A part of a year ("kuartal III 2025", "the first half of 2019", "mid-2027", "the summer of
  2018") is that year, precision "year", as "akhir 2026" is (`year_part_prefix`).
- Both ends of a range are mentions: "3" of "3-5 Mei" is 3 May, "June" of "between March and
  June" a month as "March" is (`month_range_join`).
- `relative` is True whenever the reference decided the date, a year inferred included;
  without a reference (`EnrichContext.reference` None) those mentions are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from warta.enrich.data import annotator_data
from warta.enrich.text import NEVER, YEARS, alternation, word_key
from warta.enrich.types import DateMention
from warta.lexicon import load_lexicon
from warta.meta.datetext import DateMatch, find_dates

if TYPE_CHECKING:
    from warta.enrich import EnrichContext
    from warta.lexicon import Lexicon
    from warta.meta.datetext import DateGrammar

Precision = Literal["day", "week", "month", "year"]

# The reference the date grammar is given where the article has none: its relative and
# inferred matches are then dropped, but their spans keep other readings out.
_NO_REFERENCE = datetime(2000, 1, 1)
_UNITS: dict[str, Precision] = {"d": "day", "w": "week", "m": "month", "y": "year"}


@dataclass(frozen=True, slots=True)
class MentionGrammar:
    """What a mention needs beyond the date grammar, compiled once per language set. Each search
    starts at what must be there (four digits, a month name, a phrase's longest word), which the
    regex engine skips to, and looks back at the words before it in a short window."""

    year_before: re.Pattern[str]  # a word that makes the four digits after it a year
    # A part of a year before it ("Q3 2025", "the summer of 2018", "kuartal III 2025"): that year.
    year_part_before: re.Pattern[str]
    # Two months or days of a range ("between March and June", "3-5 Mei"): the word between them,
    # right before the second (`month_range_after`: a month name and it, before a month name).
    range_join: re.Pattern[str]
    month_range_after: re.Pattern[str]
    month_before: re.Pattern[str]  # a word that makes the month name after it a date
    # Words before or after a month name that put it before or after the reference's month
    # ("Mei lalu", "last May"; "Juni mendatang", "next June").
    month_past_before: re.Pattern[str]
    month_past_after: re.Pattern[str]
    month_future_before: re.Pattern[str]
    month_future_after: re.Pattern[str]
    month_capitalised: frozenset[str]  # month names that count only capitalised ("may" is a verb)
    month_marker: re.Pattern[str]  # ... or after one of these words, in any case ("bulan september")
    month_names: tuple[str, ...]  # the month names lower-cased: a paragraph with none has no month
    year_after: re.Pattern[str]  # the year after a month name ("Mei 2025")
    relative: re.Pattern[str]
    relative_needs: tuple[str, ...]  # a paragraph holding none of these holds no `relative` phrase
    offsets: Mapping[str, tuple[int, str]]
    past_weekday: re.Pattern[str]
    future_weekday: re.Pattern[str]  # "Senin depan", "next Tuesday"
    future_needs: tuple[str, ...]  # a paragraph holding none of these holds no `future_weekday`
    weekdays: Mapping[str, int]
    bare_weekday: re.Pattern[str]  # a weekday's full name, capitalised, alone ("..., Jumat.")
    weekday_not_after: re.Pattern[str]  # a word making the weekday after it a name ("Black Friday")
    numbers: frozenset[str]  # number words: "lima tahun mendatang" is a span of years, not a date
    # Relative phrases of the date grammar that tell no date in running text: "baru saja" (just,
    # as in "just arrived"), "tiga hari sebelumnya" (before another event, not the article).
    not_mentions: tuple[str, ...]


_FOUR_DIGITS = re.compile(r"(?<![\w.,])\d{4}(?![\w.,/-]\d|\w)")
# How far before a year or a month name its prefix word is looked for.
_WINDOW = 40


def _alternation(words: Iterable[str]) -> str:
    """The keyed words (lowercase, one space) as one alternation; blank words dropped."""
    return alternation(word_key(w) for w in words if w.strip())


def _offset(code: str) -> tuple[int, str] | None:
    match = re.fullmatch(r"([+-]?\d+)([dwmy])", code.strip())
    return (int(match.group(1)), match.group(2)) if match else None


@cache
def mention_grammar(languages: tuple[str, ...]) -> MentionGrammar:
    """The grammar of `languages` (cached)."""
    data = annotator_data("mentions", languages)
    grammar = _date_grammar(languages)
    offsets = {word_key(k): o for k, v in data.get("relative", {}).items() if (o := _offset(str(v)))}
    year_prefix = _alternation(data.get("year_prefix", []))
    month_prefix = _alternation(data.get("month_prefix", []))
    future_before = data.get("future_weekday_prefix", [])
    future_after = data.get("future_weekday_suffix", [])
    weekdays = _alternation(grammar.weekdays)
    joins = _alternation(data.get("month_range_join", []))
    return MentionGrammar(
        year_before=re.compile(rf"(?:^|(?<=\W))(?:{year_prefix})(?:\s+|(?<=-))\Z", re.I),
        year_part_before=_before(data.get("year_part_prefix", [])),
        range_join=re.compile(rf"(?P<day>\d{{1,2}})\s*(?:{joins})\s*\Z", re.I),
        month_range_after=re.compile(
            rf"(?:^|(?<=\W))(?:{_alternation(grammar.months)})\.?\s*(?:{joins})\s*\Z", re.I
        ),
        month_before=re.compile(rf"(?:^|(?<=\W))(?:{month_prefix})(?:\s+|(?<=-))\Z", re.I),
        month_past_before=_before(data.get("month_past_prefix", [])),
        month_past_after=_after(data.get("month_past_suffix", [])),
        month_future_before=_before(data.get("month_future_prefix", [])),
        month_future_after=_after(data.get("month_future_suffix", [])),
        month_capitalised=frozenset(word_key(w) for w in data.get("month_capitalised", [])),
        month_marker=_before(data.get("month_marker", [])),
        month_names=tuple(sorted({word_key(m) for m in grammar.months})),
        year_after=re.compile(r"\.?,?\s+(\d{4})(?!\d)"),
        relative=re.compile(rf"(?<!\w)(?:{_alternation(offsets)})(?!\w)", re.I),
        relative_needs=tuple(sorted({max(k.split(), key=len) for k in offsets})),
        offsets=offsets,
        past_weekday=re.compile(rf"^(?:{_alternation(data.get('past_weekday_prefix', []))})\s", re.I),
        future_weekday=re.compile(
            rf"(?<!\w)(?:(?:{_alternation(future_before)})\s+(?P<wd>{weekdays})"
            rf"|(?P<wd2>{weekdays})\s+(?:{_alternation(future_after)}))(?!\w)",
            re.I,
        ),
        future_needs=tuple(
            sorted({max(word_key(w).split(), key=len) for w in (*future_before, *future_after)})
        ),
        weekdays={word_key(k): v for k, v in grammar.weekdays.items()},
        bare_weekday=re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, _full_names(grammar.weekdays)))})(?!\w)"
        ),
        weekday_not_after=re.compile(
            rf"(?:^|(?<=\W))(?:{_alternation(data.get('weekday_not_after', []))})\s+\Z", re.I
        ),
        numbers=frozenset(grammar.numbers),
        not_mentions=tuple(word_key(w) for w in data.get("not_mentions", [])),
    )


def _before(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` right before a position (searched in a window ending there)."""
    return re.compile(rf"(?:^|(?<=\W))(?:{_alternation(words)})\s+\Z", re.I)


def _after(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` right after a position (matched there)."""
    return re.compile(rf"\s+(?:{_alternation(words)})(?!\w)", re.I)


def _full_names(weekdays: Iterable[str]) -> list[str]:
    """The weekday names capitalised that are no abbreviation: four letters or more and no other
    name's beginning ("Tues" begins "Tuesday")."""
    names = {word_key(w) for w in weekdays}
    full = [w for w in names if len(w) >= 4 and not any(o != w and o.startswith(w) for o in names)]
    return sorted((w[:1].upper() + w[1:] for w in full), key=lambda w: (-len(w), w)) or [NEVER]


@dataclass(frozen=True, slots=True)
class DateReading:
    """What an article's dates are read with: the lexicon of the extractor's languages with the
    article's first (its calendar decides how "03/04/2025" reads), that lexicon's date grammar,
    and the mention grammar of the extractor's languages."""

    lexicon: Lexicon
    dates: DateGrammar
    mentions: MentionGrammar


@lru_cache(maxsize=16)
def date_reading(language: str | None, languages: tuple[str, ...]) -> DateReading:
    """The reading of an article in `language` by an extractor of `languages` (cached: looked up
    once per article, built once per language order); its lexicon holds the `[page_language]`
    entries of `language` where its file has some (`warta.lexicon`)."""
    order = (language, *(x for x in languages if x != language)) if language in languages else languages
    lexicon = load_lexicon(order, language)
    grammar = lexicon.date_grammar
    assert grammar is not None  # (load_lexicon always builds one)
    return DateReading(lexicon, grammar, mention_grammar(languages))


def _date_grammar(languages: tuple[str, ...]) -> DateGrammar:
    grammar = load_lexicon(languages).date_grammar
    assert grammar is not None  # (load_lexicon always builds one)
    return grammar


def _iso(day: date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        day -= timedelta(days=day.weekday())
    return day.isoformat()


def closest_year(month: int, day: int | None, weekday: int | None, reference: date) -> int | None:
    """The year (the reference's, the one before or after) putting `day`/`month` (the month's
    middle where `day` is None) closest to `reference`, with `weekday` (0 = Monday) if given."""
    best: tuple[int, int] | None = None
    for year in (reference.year, reference.year - 1, reference.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        if weekday is not None and day is not None and candidate.weekday() != weekday:
            continue
        distance = abs((candidate - reference).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _shifted(reference: date, amount: int, unit: str) -> date:
    if unit == "d":
        return reference + timedelta(days=amount)
    if unit == "w":
        return reference + timedelta(weeks=amount)
    if unit == "m":
        index = reference.year * 12 + reference.month - 1 + amount
        return date(index // 12, index % 12 + 1, 1)
    return date(reference.year + amount, 1, 1)


def _week_unit(text: str, grammar: DateGrammar) -> bool:
    """Whether a relative phrase counts weeks ("pekan lalu", "two weeks ago")."""
    key = word_key(text)
    if key in grammar.relative:
        return grammar.relative[key][1] == "w"
    return any(grammar.units.get(word) == "week" for word in key.split())


def _from_grammar(
    found: DateMatch, reference: date | None, grammar: DateGrammar, mentions: MentionGrammar
) -> tuple[date, Precision, bool] | None:
    """(date, precision, relative) of a match of the date grammar; None to leave it out."""
    day = found.value.date()
    if found.kind == "absolute":
        precision: Precision = "year" if found.precision == "year" else "month"
        return day, (precision if found.precision in ("year", "month") else "day"), False
    if reference is None or (
        found.kind == "relative" and word_key(found.text).endswith(mentions.not_mentions)
    ):
        return None
    if found.kind == "inferred":
        weekday = day.weekday() if found.has_weekday and found.weekday_ok else None
        year = closest_year(day.month, day.day, weekday, reference)
        return (date(year, day.month, day.day), "day", True) if year is not None else None
    if found.precision in ("year", "month"):
        return day, found.precision, True
    if _week_unit(found.text, grammar):
        return day, "week", True
    if found.has_weekday and day == reference and mentions.past_weekday.match(found.text):
        day -= timedelta(weeks=1)
    return day, "day", True


def _prefixed(pattern: re.Pattern[str], text: str, at: int) -> int | None:
    """Where the prefix `pattern` finds right before `at` starts, or None."""
    window = max(0, at - _WINDOW)
    found = pattern.search(text[window:at])
    return window + found.start() if found else None


def _extra(
    text: str, reference: date | None, grammar: DateGrammar, mentions: MentionGrammar
) -> Iterable[tuple[int, int, date, Precision, bool]]:
    """The mentions the date grammar does not read: a year after a word that makes it one, a
    month without a day, the data's relative phrases and weekdays ahead ("Senin depan")."""
    for match in _FOUR_DIGITS.finditer(text):
        year = int(match.group())
        starts = (
            [_prefixed(p, text, match.start()) for p in (mentions.year_before, mentions.year_part_before)]
            if year in YEARS
            else []
        )
        start = min((s for s in starts if s is not None), default=None)
        if start is not None:
            yield start, match.end(), date(year, 1, 1), "year", False
    lowered = text.lower()
    if any(map(lowered.__contains__, mentions.month_names)):
        yield from _months(text, reference, grammar, mentions)
    if reference is None:
        return
    if any(map(lowered.__contains__, mentions.relative_needs)):
        for match in mentions.relative.finditer(text):
            amount, unit = mentions.offsets[word_key(match.group())]
            yield match.start(), match.end(), _shifted(reference, amount, unit), _UNITS[unit], True
    for match in mentions.bare_weekday.finditer(text):
        if _prefixed(mentions.weekday_not_after, text, match.start()) is None:
            back = (reference.weekday() - mentions.weekdays[word_key(match.group())]) % 7
            yield match.start(), match.end(), reference - timedelta(days=back), "day", True
    if any(map(lowered.__contains__, mentions.future_needs)):
        for match in mentions.future_weekday.finditer(text):
            weekday = mentions.weekdays[word_key(match.group("wd") or match.group("wd2"))]
            ahead = (weekday - reference.weekday()) % 7 or 7
            yield match.start(), match.end(), reference + timedelta(days=ahead), "day", True


def _months(
    text: str, reference: date | None, grammar: DateGrammar, mentions: MentionGrammar
) -> Iterable[tuple[int, int, date, Precision, bool]]:
    """A month name without a day after a word of `month_prefix`, with its year or without
    ("akhir Mei"), or with a word putting it before or after the reference ("Mei lalu")."""
    for match in grammar.month_word.finditer(text):
        # (the names are matched as a prefix: "des" of "Desa" is no month)
        whole = match.end() == len(text) or not (text[match.end()].isalnum() or text[match.end()] == "_")
        month = grammar.months.get(word_key(match.group())) if whole else None
        if month is None or (
            not match.group()[:1].isupper()
            and word_key(match.group()) in mentions.month_capitalised
            and _prefixed(mentions.month_marker, text, match.start()) is None
        ):
            continue
        at, end = match.span()
        starts = [
            _prefixed(pattern, text, at) for pattern in (mentions.month_before, mentions.month_past_before)
        ]
        future = _prefixed(mentions.month_future_before, text, at)
        past_after = mentions.month_past_after.match(text, end)
        future_after = mentions.month_future_after.match(text, end)
        direction = (
            -1 if starts[1] is not None or past_after else 1 if future is not None or future_after else 0
        )
        start = min((s for s in (*starts, future) if s is not None), default=None)
        if start is None and direction == 0 and _prefixed(mentions.month_range_after, text, at) is not None:
            start = at  # (the second month of a range: "between March and June")
        if start is None and direction == 0:
            continue
        said = mentions.year_after.match(text, end)
        if said and direction == 0:
            if int(said.group(1)) in YEARS:
                yield start or at, said.end(), date(int(said.group(1)), month, 1), "month", False
            continue
        year = _month_year(month, direction, reference) if reference is not None else None
        if year is not None:
            stop = (past_after or future_after or match).end()
            yield at if start is None else start, stop, date(year, month, 1), "month", True


def _month_year(month: int, direction: int, reference: date) -> int | None:
    """The year of a month named without one: the latest before the reference's month (`direction`
    -1), the first after it (1), else the closest (`closest_year`)."""
    if direction < 0:
        return reference.year if month < reference.month else reference.year - 1
    if direction > 0:
        return reference.year if month > reference.month else reference.year + 1
    return closest_year(month, None, None, reference)


def _range_starts(
    text: str, candidates: Sequence[tuple[int, int, date, Precision, bool]], mentions: MentionGrammar
) -> Iterable[tuple[int, int, date, Precision, bool]]:
    """The first day of a range of days the second end of which is a date mention: "3" of "3-5
    Mei", the day of the same month before it (a day past the second's is no range)."""
    for start, _, day, precision, relative in candidates:
        if precision != "day" or not text[start : start + 1].isdigit():
            continue
        found = mentions.range_join.search(text, max(0, start - 12), start)
        first = int(found.group("day")) if found else 0
        if found and 0 < first < day.day:
            yield found.start(), found.end("day"), day.replace(day=first), "day", relative


_WORD_BEFORE = re.compile(r"(\w+)\s+\Z")


def _counted(text: str, start: int, stop: int, mentions: MentionGrammar) -> bool:
    """Whether a relative phrase follows a number: "lima tahun mendatang" is five years to come."""
    if any(c.isdigit() for c in text[start:stop]):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return before is not None and (before.group(1).isdigit() or before.group(1).lower() in mentions.numbers)


def paragraph_dates(paragraphs: Sequence[str], context: EnrichContext) -> list[list[DateMatch]]:
    """The date grammar's matches in each paragraph, times of day included: read once for the
    annotators that need them, the date mentions and the quantities (no count inside a date)."""
    reading = date_reading(context.language, context.languages)
    searched_at = _searched_at(context.reference)
    return [find_dates(text, searched_at, reading.lexicon, reading.dates) for text in paragraphs]


def dates_in(text: str, context: EnrichContext) -> list[DateMatch]:
    """The date grammar's matches in one paragraph (see `paragraph_dates`)."""
    return paragraph_dates([text], context)[0]


def mentions_in(
    text: str, paragraph: int, context: EnrichContext, dates: Sequence[DateMatch] | None = None
) -> list[DateMention]:
    """The date mentions of one paragraph, in text order (the longest where two overlap).
    `dates`: the paragraph's `dates_in`, where they were read already."""
    reading = date_reading(context.language, context.languages)
    reference = context.reference
    day = reference.date() if reference else None
    return _mentions(text, paragraph, _searched_at(reference), day, reading, dates)


def find_date_mentions(
    paragraphs: Sequence[str], context: EnrichContext, dates: Sequence[Sequence[DateMatch]] | None = None
) -> list[DateMention]:
    """Every date mention of `paragraphs`, in text order. `dates`: their `paragraph_dates`, where
    they were read already."""
    reading = date_reading(context.language, context.languages)
    reference = context.reference
    searched_at, day = _searched_at(reference), reference.date() if reference else None
    return [
        mention
        for index, text in enumerate(paragraphs)
        for mention in _mentions(
            text, index, searched_at, day, reading, dates[index] if dates is not None else None
        )
    ]


def _searched_at(reference: datetime | None) -> datetime:
    """The reference the date grammar resolves against: the article's date, naive (or, where it
    has none, a stand-in whose relative readings are dropped)."""
    return reference.replace(tzinfo=None) if reference is not None else _NO_REFERENCE


def _mentions(
    text: str,
    paragraph: int,
    searched_at: datetime,
    reference: date | None,
    reading: DateReading,
    dates: Sequence[DateMatch] | None,
) -> list[DateMention]:
    grammar, mentions = reading.dates, reading.mentions
    # (The matches of every kind, less the times, are those of a search that leaves times out.)
    matched = (
        dates
        if dates is not None
        else find_dates(text, searched_at, reading.lexicon, grammar, least_specific="relative")
    )
    candidates: list[tuple[int, int, date, Precision, bool]] = []
    for found in matched:
        if found.kind == "time":
            continue  # a time of day is no date mention
        read = _from_grammar(found, reference, grammar, mentions)
        if read is not None:
            candidates.append((found.start, found.end, *read))
    candidates.extend(_extra(text, reference, grammar, mentions))
    candidates.extend(list(_range_starts(text, candidates, mentions)))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[DateMention] = []
    end = -1
    for start, stop, day, precision, relative in candidates:
        if start < end or (relative and _counted(text, start, stop, mentions)):
            continue
        end = stop
        out.append(
            DateMention(text[start:stop], _iso(day, precision), precision, relative, paragraph, start, stop)
        )
    return out
