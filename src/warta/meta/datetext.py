"""Date and time expressions in running text, read with the lexicon's calendar words.

    >>> from datetime import datetime
    >>> from warta.lexicon import load_lexicon
    >>> [m.iso() for m in find_dates("Senin (28/4) malam", datetime(2025, 5, 2), load_lexicon())]
    ['2025-04-28']

Absolute forms (ISO 8601, "12 Des 2024 07:01 WIB", "December 12, 2024 at 7:01 p.m. ET",
"28/04/2025"), year-less forms whose year is inferred from the weekday or the
reference ("Senin (28/4)", "24 April"), relative forms ("kemarin", "3 jam lalu",
"dua hari lalu", "pekan lalu", "last week", "on Saturday") and bare times
("pukul 21.45 WIB"). Every word comes from the lexicon (`[calendar]` in
`lexicon/data/*.toml`), so another language is a data file. The patterns are
compiled once per lexicon by `build_grammar`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from importlib import import_module
from itertools import product
from typing import TYPE_CHECKING, Literal

from warta.lexicon import locale_key, trie_pattern, verified_substring_set

if TYPE_CHECKING:
    from warta._textscan import SubstringSet
    from warta.lexicon import Calendar, Lexicon

Precision = Literal["year", "month", "day", "hour", "minute", "second"]
Kind = Literal["absolute", "inferred", "relative", "time"]

_OFFSET = re.compile(r"^(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.I)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression found in a text, resolved against a reference."""

    value: datetime
    precision: Precision
    text: str
    start: int
    end: int
    kind: Kind
    timezone: str | None = None
    inferred_year: bool = False
    # True/False when the text names a weekday that was checked against the date.
    weekday_ok: bool | None = None
    has_weekday: bool = False

    def iso(self) -> str:
        if self.precision in ("year", "month", "day"):
            return self.value.date().isoformat()
        return self.value.isoformat()


_NEVER = r"(?!x)x"  # an alternation of no words: matches nowhere
# What stands between a date and its time, either way round ("March 4, 2025 | 14:20",
# "7:05 AM EST, Tue March 4")
_CLOCK_SEPARATORS = r",|\||-|–|—|/|•"


@dataclass(frozen=True, slots=True)
class DateGrammar:
    """Merged calendar words and the compiled patterns built from them."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    relative: Mapping[str, tuple[int, str]]
    units: Mapping[str, str]
    numbers: Mapping[str, int]
    timezones: Mapping[str, str]
    day_periods: Mapping[str, tuple[int, int]]
    am_pm: Mapping[str, int]
    numeric_order: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    modified_markers: tuple[str, ...]
    published_markers: tuple[str, ...]
    # Cheap tests that a text can match a pattern at all (see `_GATES`), and the patterns
    # worth running for each outcome: (least specific kind wanted, as its `_KIND_RANK`;
    # has a digit, a numeric date's shape, a month name, a weekday name).
    month_word: re.Pattern[str] = re.compile(r"(?!x)x")
    weekday_word: re.Pattern[str] = re.compile(r"(?!x)x")
    gated: Mapping[tuple[int, bool, bool, bool, bool], tuple[tuple[str, re.Pattern[str]], ...]] = field(
        default_factory=dict
    )
    # The same three compiled without IGNORECASE, for ASCII text lower-cased first (`find_dates`):
    # every letter the patterns spell is lower case, so they find the same spans there, two to
    # three times faster than folding the case of every character they compare. Empty: none.
    ascii_month_word: re.Pattern[str] = re.compile(r"(?!x)x")
    ascii_weekday_word: re.Pattern[str] = re.compile(r"(?!x)x")
    ascii_gated: Mapping[tuple[int, bool, bool, bool, bool], tuple[tuple[str, re.Pattern[str]], ...]] = field(
        default_factory=dict
    )
    # Pattern name -> words one of which lower-cased ASCII text must contain for the pattern to
    # match in it (`_needed_words`): a few substring tests instead of a regex scan ("ago",
    # "relative": their words are no gate's).
    ascii_needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # `id` of each compiled pattern that opens with a month name (`_bounded_alternation`): it can
    # match only where `month_word` (`ascii_month_word`) matches, so it is tried only there
    # (`_led_matches`). Empty where a month name is more than word characters (see `_word_led`).
    month_led: frozenset[int] = field(default_factory=frozenset, compare=False, repr=False)
    # `SubstringSet.found_in` of the month names' and the weekday names' pieces (`_needed_words`),
    # where the compiled part is in use (`_substring_filter`): a lower-cased text (searched by the
    # ASCII patterns) in which it finds none holds no such name, and the gate's regex, tried at
    # every letter, need not run. None: the gate's regex decides alone.
    ascii_month_filter: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)
    ascii_weekday_filter: Callable[[str], bool] | None = field(default=None, compare=False, repr=False)
    # The characters a case-blind search matches to a letter of a month or weekday name other
    # than by their lower case (`_case_risky`): a text with none is searched for the names
    # lower-cased, by `ascii_month_word` and `ascii_weekday_word`, as a text of `ascii_gated`
    # is (`find_dates`). None: the names are looked for in such a text case-blind.
    case_risky: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # The same for every letter the patterns spell: a text with none of these characters is
    # searched lower-cased by `ascii_gated` whole, as an ASCII text is (`find_dates`).
    fold_risky: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # `_tzinfo` of the zone names and offsets read before ("+07:00", "Z", "WIB": a page states
    # its zone with each of its dates, markup its dates several times): a pure function of the
    # name and this grammar's zones. At most `_ZONES_KEPT` names, whatever the pages say.
    zones_read: dict[str, tuple[timezone | None, str | None]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # Locale ("en-us", `locale_key`) -> numeric order, merged from the calendars (`for_locale`).
    locale_numeric_order: Mapping[str, str] = field(default_factory=dict)
    # Month names written short, whose full stop is their own ("Des.", "Sept."): a full name's is
    # the sentence's ("Rapat pada 5 Mei.").
    month_abbreviations: frozenset[str] = field(default_factory=frozenset)
    # A clock that ends where a date begins ("7:05 AM EST, Tue March 4, 2025": the time said
    # first), searched with the date's start as its end (`_with_leading_clock`).
    leading_clock: re.Pattern[str] = re.compile(_NEVER)
    # This grammar in each numeric order asked of `for_locale` (at most the two orders): the same
    # patterns, another reading of "03/09/2026".
    in_order: dict[str, DateGrammar] = field(default_factory=dict, compare=False, repr=False)
    # Years local eras count ahead of the Gregorian calendar (`Calendar.era_offsets`: the Thai
    # Buddhist era's 543), tried on a year past `_LAST_YEAR`.
    era_offsets: tuple[int, ...] = ()


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of `words` (lower-cased; a space matches any whitespace run),
    factored as a trie: one branch per next character, so an attempt at a text position
    costs the length of the word there, not the number of words.

    At a position the words that match are prefixes of one another, and the trie tries
    them longest first (a word's continuation is a greedy optional group), as a plain
    alternation sorted longest first does: the same matches, found faster.
    """
    return trie_pattern({w.lower() for w in words if w}, space=r"\s+")


def _bounded_alternation(words: Iterable[str]) -> str:
    r"""`(?<![\w])` then `_alternation(words)`, written to open with the words' first characters:
    the regex engine then skips to where one of them occurs, where a pattern opening with the
    lookbehind is tried at every position (compiled case-sensitive, as the ASCII patterns are;
    case-blind, the engine skips nowhere either way). The lookbehind is tested after the first
    character c, as `(?<![\w]c)`: with c just matched there, it holds exactly where the
    character before c is no word character (or there is none)."""
    lowered = {w.lower() for w in words if w}
    rests: dict[str, set[str]] = {}
    for word in lowered:
        rests.setdefault(word[0], set()).add(word[1:])
    if not rests or any(c.isspace() for c in rests):  # (a space stands for `\s+`: no literal)
        return rf"(?<![\w])(?:{_alternation(lowered)})"
    # (`trie_pattern`, not `_alternation`, which drops an empty rest: a one-character word's)
    space = r"\s+"
    branches = (
        rf"{re.escape(c)}(?<![\w]{re.escape(c)}){trie_pattern(rest, space=space)}"
        for c, rest in sorted(rests.items())
    )
    return "(?:" + "|".join(branches) + ")"


def _merge(dicts: Iterable[Mapping[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for d in dicts:
        for k, v in d.items():
            out.setdefault(k.lower(), v)
    return out


def _relative_offset(code: str) -> tuple[int, str]:
    match = re.fullmatch(r"([+-]?\d+)([dwmy])", code.strip())
    if not match:
        return 0, "d"
    return int(match.group(1)), match.group(2)


def build_grammar(calendars: Sequence[Calendar]) -> DateGrammar:
    """Compile the date patterns of `calendars` (merged; the first one decides numeric order)."""
    months = {k: int(v) for k, v in _merge(c.months for c in calendars).items() if isinstance(v, int)}
    weekdays = {k: int(v) for k, v in _merge(c.weekdays for c in calendars).items() if isinstance(v, int)}
    relative = {k.lower(): _relative_offset(v) for c in calendars for k, v in c.relative.items() if v}
    units = {k.lower(): v for c in calendars for k, v in c.units.items()}
    numbers = {k.lower(): v for c in calendars for k, v in c.numbers.items()}
    zones = {k.lower(): v for c in calendars for k, v in c.timezones.items()}
    periods = {k.lower(): v for c in calendars for k, v in c.day_periods.items()}
    am_pm = {k.lower(): v for c in calendars for k, v in c.am_pm.items()}

    mon = _alternation(months)
    wd = _alternation(weekdays)
    ordinal = _alternation(s for c in calendars for s in c.ordinal_suffixes)
    time_word = _alternation(w for c in calendars for w in c.time_words)
    ampm = _alternation(am_pm)
    period = _alternation(periods)
    tz_names = _alternation(zones)
    ago = _alternation(w for c in calendars for w in c.ago_words)
    ago_pre = _alternation(w for c in calendars for w in c.ago_prefix) or _NEVER
    hour_mark = "".join(
        sorted({re.escape(m.lower()) for c in calendars for m in c.hour_marks if len(m) == 1})
    )
    unit = _alternation(units)
    number = _alternation(numbers)
    rel = _alternation(relative)
    wd_pre = _alternation(w for c in calendars for w in c.weekday_prefix)
    wd_post = _alternation(w for c in calendars for w in c.weekday_suffix)

    b, e = r"(?<![\w])", r"(?![\w])"
    tz = rf"(?P<tz>(?:gmt|utc)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|(?:{tz_names}){e})"
    clock = (
        rf"(?P<tw>(?:{time_word}){e}\.?)?\s*(?P<h>\d{{1,2}})(?:[.:{hour_mark}](?P<mi>\d{{2}})(?:[.:](?P<s>\d{{2}}))?)?"
        rf"(?!\d)(?:\s*(?P<ampm>(?:{ampm})(?!\w)))?(?:\s+(?P<per>(?:{period}){e}))?(?:\s*\(?{tz}\)?)?"
    )
    time_tail = rf"(?:\s*(?:{_CLOCK_SEPARATORS})?\s*{clock})?"
    weekday_head = rf"(?:(?P<wd>{wd})\.?{e},?\s*)?"
    day = rf"(?P<d>\d{{1,2}})(?:{ordinal})?(?!\d)"
    year = r"(?P<y>\d{4})(?!\d)"
    joiner = _alternation(w for c in calendars for w in c.connectors)
    joiner_or_never = joiner or _NEVER
    sep = rf"(?:\s*[-/.]\s*|\s+(?:(?:{joiner})\s+)?|\s*,\s*)"
    # `{b}{day}` and `{b}{year}` opening with their first digit (`_AFTER_START`): the regex engine
    # then skips from digit to digit, where a pattern opening with `{b}` is tried at every position.
    led_day = rf"(?P<d>\d{_AFTER_START}\d?)(?:{ordinal})?(?!\d)"
    led_year = rf"(?P<y>\d{_AFTER_START}\d{{3}})(?!\d)"
    # What follows the day of "dmy" and "dm", and the month-first patterns "mdy" and "md" whole:
    # each written once, for the patterns below with a weekday head and for `headless`.
    dmy_after_day = rf"{sep}(?P<mon>{mon})\.?{e}{sep}{year}{time_tail}"
    # (dm and md stop short of four digits, a year that dmy and mdy read, or one glued to a time
    # by a flattened page: "Nov 20 20194:29 AM"; another number after them is the time or the
    # sentence's: "24 April 10.30 WIB", "24 April, 40 orang datang")
    dm_after_day = rf"\s+(?:(?:{joiner})\s+)?(?P<mon>{mon})\.?{e}(?!\s*[-/.,]?\s*\d{{4}}){time_tail}"
    mdy_after_month = rf"\.?{e}\s*{day}(?:\s*,\s*|\s+){year}{time_tail}"
    md_after_month = rf"\.?{e}\s*{day}(?!\s*,?\s*\d{{4}}){time_tail}"
    # `{b}` and a month or weekday name, opening with the name's first character (see
    # `_bounded_alternation`).
    bounded_mon, bounded_wd = _bounded_alternation(months), _bounded_alternation(weekdays)
    patterns = (
        (
            "iso",
            rf"(?<![\d/.])(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:(?:[Tt]|\s+)(?P<h>\d{{2}}):(?P<mi>\d{{2}})"
            rf"(?::(?P<s>\d{{2}})(?:[.,]\d+)?)?\s*(?P<tz>[Zz]|[+-]\d{{2}}:?\d{{2}}|(?:{tz_names}){e})?)?(?![\d])",
        ),
        ("ymd", rf"(?<![\d/.])(?P<y>\d{{4}})[/.](?P<m>\d{{1,2}})[/.](?P<d>\d{{1,2}})(?![\d]){time_tail}"),
        # "2025年3月12日 14:05": year, month and day each with its mark (`Calendar.ymd_marks`)
        *_marked_ymd(calendars, time_tail),
        # "2023 Jan 7": citation metadata and PubMed write year, month name, day.
        ("ymd_text", rf"{led_year}\s+(?P<mon>{mon})\.?{e}\s+{day}{time_tail}"),
        ("dmy", rf"{b}{weekday_head}{day}{dmy_after_day}"),
        ("mdy", rf"{b}{weekday_head}(?P<mon>{mon}){mdy_after_month}"),
        (
            "numeric",
            rf"{b}{weekday_head}\(?(?<![\d/.])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
            rf"(?P<y>\d{{4}}|(?<=[/-])\d{{2}})(?![\d/]|\.\d)\)?{time_tail}",
        ),
        (
            "wd_numeric",
            rf"(?P<wd>{bounded_wd})\.?{e}\s*[,(]\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?!\d)\s*\)?"
            rf"(?:\s+(?P<per0>(?:{period}){e}))?{time_tail}",
        ),
        ("dm", rf"{b}{weekday_head}{day}{dm_after_day}"),
        ("md", rf"{b}{weekday_head}(?P<mon>{mon}){md_after_month}"),
        ("my", rf"(?P<mon>{bounded_mon})\.?{e},?\s*{year}"),
        ("ago", rf"{b}(?P<n>\d+|{number})\s*(?P<unit>{unit}){e}\s+(?P<ago>{ago}){e}"),
        ("ago_pre", rf"{b}(?P<agopre>{ago_pre}){e}\s+(?P<n>\d+|{number})\s*(?P<unit>{unit}){e}"),
        ("relative", rf"{b}(?P<rel>{rel}){e}(?:\s+(?P<per0>(?:{period}){e}))?{time_tail}"),
        ("weekday", rf"{b}(?P<pre>{wd_pre})\s+(?P<wd>{wd}){e}(?:\s+(?P<post>{wd_post}){e})?{time_tail}"),
        ("weekday_post", rf"(?P<wd>{bounded_wd})\s+(?P<post>{wd_post}){e}{time_tail}"),
        ("time", rf"{b}{clock}"),
    )
    # Where a text holds no weekday name (`weekday_word` found none), no match has a weekday
    # head: these patterns without one find the same matches, with no head tried at each position.
    headless = (
        ("dmy", rf"{led_day}{dmy_after_day}"),
        ("mdy", rf"(?P<mon>{bounded_mon}){mdy_after_month}"),
        ("dm", rf"{led_day}{dm_after_day}"),
        ("md", rf"(?P<mon>{bounded_mon}){md_after_month}"),
    )
    first = calendars[0] if calendars else None
    # Every letter spelled in `patterns` is lower case (the words by `_alternation`; "T" and "Z"
    # as classes of both cases) or a class of both cases: compiled without IGNORECASE they match
    # lower-cased ASCII text exactly where the case-blind patterns match the text.
    compiled = tuple((name, re.compile(rx, re.I)) for name, rx in patterns)
    ascii_compiled = tuple((name, re.compile(rx)) for name, rx in patterns)
    headless_compiled = {name: re.compile(rx, re.I) for name, rx in headless}
    headless_ascii = {name: re.compile(rx) for name, rx in headless}
    # ("my", and "mdy" and "md" without a weekday head: those with one open with the head)
    month_led = [dict(group)["my"] for group in (compiled, ascii_compiled)]
    month_led += [group[name] for group in (headless_compiled, headless_ascii) for name in ("mdy", "md")]
    ascii_gated = (
        _gated(ascii_compiled, headless_ascii)
        if _matches_no_ascii(mon, wd, *(rx for _, rx in (*patterns, *headless)))
        else {}
    )
    return DateGrammar(
        months=months,
        weekdays=weekdays,
        relative=relative,
        units=units,
        numbers=numbers,
        timezones=zones,
        day_periods=periods,
        am_pm=am_pm,
        numeric_order=first.numeric_order if first else "dmy",
        # (the first calendar naming a locale decides it, as the first decides `numeric_order`)
        locale_numeric_order={k: v for c in reversed(calendars) for k, v in c.locale_numeric_order.items()},
        month_abbreviations=frozenset(
            short.lower()
            for short, month in months.items()
            if any(
                full != short and full.lower().startswith(short.lower()) and n == month
                for full, n in months.items()
            )
        ),
        patterns=compiled,
        modified_markers=tuple(m.lower() for c in calendars for m in c.modified_markers),
        published_markers=tuple(m.lower() for c in calendars for m in c.published_markers),
        month_word=re.compile(bounded_mon, re.I),
        weekday_word=re.compile(bounded_wd, re.I),
        gated=_gated(compiled, headless_compiled),
        ascii_month_word=re.compile(bounded_mon),
        ascii_weekday_word=re.compile(bounded_wd),
        ascii_gated=ascii_gated,
        month_led=frozenset(map(id, month_led)) if _word_led(months) else frozenset(),
        ascii_month_filter=_substring_filter(_needed_words(months)),
        ascii_weekday_filter=_substring_filter(_needed_words(weekdays)),
        case_risky=_case_risky((*months, *weekdays)) if ascii_gated else None,
        fold_risky=_case_risky(rx for _, rx in (*patterns, *headless)) if ascii_gated else None,
        leading_clock=re.compile(rf"{b}{clock}\s*(?:{_CLOCK_SEPARATORS}|{joiner_or_never})?\s*$", re.I),
        era_offsets=tuple(sorted({o for c in calendars for o in c.era_offsets})),
        ascii_needs={
            "ago": _needed_words(w for c in calendars for w in c.ago_words),
            "ago_pre": _needed_words(w for c in calendars for w in c.ago_prefix),
            "relative": _needed_words(relative),
        },
    )


def _marked_ymd(calendars: Sequence[Calendar], time_tail: str) -> tuple[tuple[str, str], ...]:
    """The "ymd_marked" pattern of the calendars' year, month and day marks ("2025年3月12日"),
    where one writes them; none otherwise (no pattern to try on any other page)."""
    marks = [c.ymd_marks for c in calendars if len(c.ymd_marks) == 3]
    if not marks:
        return ()
    y, m, d = (_alternation(group) for group in zip(*marks, strict=True))
    return (
        (
            "ymd_marked",
            rf"(?<!\d)(?P<y>\d{{4}})\s*(?:{y})\s*(?P<m>\d{{1,2}})\s*(?:{m})\s*(?P<d>\d{{1,2}})\s*(?:{d}){time_tail}",
        ),
    )


def _word_led(words: Iterable[str]) -> bool:
    """Whether every one of `words` (lower-cased) is word characters only. Then a match of
    `_bounded_alternation(words)` holds no position where another can start (each position
    inside it follows a word character): the matches a search finds one after another are
    every position where one starts (`_led_matches`)."""
    return all(re.fullmatch(r"\w+", w.lower()) for w in words if w)


# Texts on which a compiled `SubstringSet` must say what `any(needle in text ...)` says: each str
# width, needles at a text's edges and inside words, cut short by its end.
_FILTER_PROBES = ["", "x", "mei", "x mei", "meix", "ſept", "\u212a", "🌉 jan", "janu", "ja", "é jan", "家"]


def _substring_filter(needles: tuple[str, ...]) -> Callable[[str], bool] | None:
    """`SubstringSet(needles).found_in` where it says whether a text holds one of `needles` as
    `any(map(text.__contains__, needles))` does on `_FILTER_PROBES` and on the needles
    themselves (`verified_substring_set`); None otherwise, without needles, or with
    WARTA_PURE_PYTHON."""

    def agrees(found: SubstringSet, texts: list[str]) -> bool:
        return all(found.found_in(text) == any(map(text.__contains__, needles)) for text in texts)

    found = verified_substring_set(needles, _FILTER_PROBES, agrees) if needles else None
    return None if found is None else found.found_in


def _case_risky(words: Iterable[str]) -> re.Pattern[str] | None:
    """The characters that make a case-blind search for `words` differ from a case-sensitive one
    for their lower case in the text lower-cased: "İ" (lower-cased, two characters: the offsets
    move), and those the regex engine matches to a letter of the words beside the characters
    whose simple lower case it is (CPython's `re._casefix`: "ı" beside "i", "ſ" beside "s").
    `str.lower` gives every other character its simple lower case, one character. None where the
    engine's table is not there."""
    try:  # (CPython's own table of the extra case-blind matches)
        extra_cases: Mapping[int, tuple[int, ...]] = import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    letters = {c for word in words for c in word.lower()}
    partners = {chr(code) for c in letters for code in extra_cases.get(ord(c), ())}
    lowered_to = {u for c in partners if len(u := c.upper()) == 1 and u.lower() in partners}
    risky = {"\u0130", *partners, *lowered_to}
    return re.compile("[" + "".join(map(re.escape, sorted(risky))) + "]")


def _needed_words(words: Iterable[str]) -> tuple[str, ...]:
    """For each of `words` (an `_alternation`), its longest piece between spaces: a space in a word
    matches any whitespace run, the pieces only themselves, so a text matching the alternation
    holds one of these pieces (lower-cased, as the alternation is)."""
    return tuple(sorted({max(w.lower().split(" "), key=len) for w in words if w}))


def _matches_no_ascii(*sources: str) -> bool:
    """Whether no non-ASCII character in `sources` matches an ASCII one regardless of case (as
    the Kelvin sign "K" matches "k"): then, on ASCII text, only their ASCII letters can match."""
    others = {c for source in sources for c in source if not c.isascii()}
    return not any(re.fullmatch(re.escape(c), chr(a), re.I) for c in others for a in range(128))


def _gated(
    patterns: tuple[tuple[str, re.Pattern[str]], ...],
    headless: Mapping[str, re.Pattern[str]],
) -> dict[tuple[int, bool, bool, bool, bool], tuple[tuple[str, re.Pattern[str]], ...]]:
    """For each (least specific kind, digit, shape, month, weekday) outcome, the patterns that
    can give a wanted kind and whose gates it passes, in order: where the text has no weekday
    name, those of `headless` for their names. (For absolute dates only, rank 0, `find_dates`
    looks for no weekday name: there a False weekday says nothing.)"""
    out = {}
    for rank in _KIND_RANK.values():
        for digit, shape, month, weekday in product((False, True), repeat=4):
            passed = {"digit": digit, "shape": shape, "month": month, "weekday": weekday}
            plain = weekday or rank == _KIND_RANK["absolute"]
            out[rank, digit, shape, month, weekday] = tuple(
                (name, pattern if plain else headless.get(name, pattern))
                for name, pattern in patterns
                if _wanted(name, rank) and all(passed[g] for g in _GATES.get(name, ()))
            )
    return out


def _wanted(name: str, rank: int) -> bool:
    """Whether pattern `name` can give a match of a kind ranked `rank` or more specific."""
    return min(_KIND_RANK[kind] for kind in _PATTERN_KINDS.get(name, ("time",))) <= rank


# What a text must contain for a pattern to match anywhere in it: a digit (a day, year or
# hour group that is not optional), a numeric date's shape (`_NUMERIC_SHAPE`: the digits and
# separators every numeric pattern requires), a month name (a required `mon` group) or a
# weekday name (a required `wd` group). The month and weekday tests search the very alternation the
# pattern holds, with the same flags, where the pattern has it: after a non-word character
# (every required `mon`/`wd` group follows `{b}`, a separator or whitespace), so a text
# failing a gate cannot match its pattern.
_GATES: dict[str, tuple[str, ...]] = {
    "iso": ("digit", "shape"),
    "ymd": ("digit", "shape"),
    "ymd_marked": ("digit",),
    "ymd_text": ("digit", "month"),
    "dmy": ("digit", "month"),
    "mdy": ("digit", "month"),
    "numeric": ("digit", "shape"),
    "wd_numeric": ("digit", "weekday"),
    "dm": ("digit", "month"),
    "md": ("digit", "month"),
    "my": ("digit", "month"),
    "weekday": ("weekday",),
    "weekday_post": ("weekday",),
    "time": ("digit",),
}
_DIGIT = re.compile(r"\d")
# "2024-12-05", "2024/12/05", "28/04/2025", "28.04.25": a digit, a separator, a number of one or
# two digits, a separator and a digit, which `iso`, `ymd` and `numeric` each need.
_NUMERIC_SHAPE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d")
# The kinds each pattern's matches resolve to (see `_resolve`): a search for the more
# specific kinds only need not run the others.
_PATTERN_KINDS: dict[str, tuple[Kind, ...]] = {
    "iso": ("absolute",),
    "ymd": ("absolute",),
    "ymd_marked": ("absolute",),
    "ymd_text": ("absolute",),
    "dmy": ("absolute",),
    "mdy": ("absolute",),
    "numeric": ("absolute",),
    "wd_numeric": ("inferred",),
    "dm": ("inferred",),
    "md": ("inferred",),
    "my": ("absolute",),
    "ago": ("relative",),
    "ago_pre": ("relative",),
    "relative": ("relative",),
    "weekday": ("relative",),
    "weekday_post": ("relative",),
    "time": ("time",),
}
_KIND_RANK: dict[str, int] = {"absolute": 0, "inferred": 1, "relative": 2, "time": 3}
# What a match of each pattern opens with, where no weekday name opens it: a digit (its year or
# day), a bracket right before its first digit ("(28/04/2025)"), or a month name (after `{b}`, so
# where the month gate finds one at the earliest); and whether a weekday head may come first.
# The patterns not listed may open with a word (a time word, a number word) or a weekday name.
_OPENINGS: dict[str, tuple[str, bool]] = {
    "iso": ("digit", False),
    "ymd": ("digit", False),
    "ymd_text": ("digit", False),
    "dmy": ("digit", True),
    "dm": ("digit", True),
    "numeric": ("bracket", True),
    "mdy": ("month", True),
    "md": ("month", True),
    "my": ("month", False),
}


def grammar_of(lexicon: Lexicon) -> DateGrammar:
    """The lexicon's compiled grammar (built here only for a hand-made Lexicon without one)."""
    return lexicon.date_grammar or build_grammar(lexicon.calendars)


def for_locale(grammar: DateGrammar, locale: str | None) -> DateGrammar:
    """`grammar` reading ambiguous numeric dates in the order of the page's `locale` ("en-US":
    03/09/2026 is 9 March), where a calendar names that locale; else `grammar` itself."""
    order = grammar.locale_numeric_order.get(locale_key(locale)) if locale else None
    return grammar if order is None else in_numeric_order(grammar, order)


def in_numeric_order(grammar: DateGrammar, order: str) -> DateGrammar:
    """`grammar` reading ambiguous numeric dates ("03/09/2026") in `order`, "dmy" or "mdy" (each
    variant is made once and kept with the grammar: its patterns are the same)."""
    if order == grammar.numeric_order:
        return grammar
    variant = grammar.in_order.get(order)
    if variant is None:
        grammar.in_order.setdefault(grammar.numeric_order, grammar)
        variant = grammar.in_order[order] = replace(grammar, numeric_order=order)
    return variant


# ---------------------------------------------------------------------------
# Pieces

# The test `(?<![\w])` (no word character before) made one character later, after a match's
# first character (a digit, which `.` matches).
_AFTER_START = r"(?<![\w].)"


def _key(text: str | None) -> str:
    """`text` lower-cased, its whitespace runs one space, none at its ends (as `\\s+` -> " " and
    `strip` would: `split` cuts at the same whitespace characters)."""
    if not text:
        return ""  # most optional groups took no part in the match: build nothing for them
    return " ".join(text.lower().split())


_ZONES_KEPT = 512


def _tzinfo(name: str | None, grammar: DateGrammar) -> tuple[timezone | None, str | None]:
    """(tzinfo, label) for a zone name ("WIB") or an offset ("+0700", "GMT+7", "Z"), read once
    for a grammar (`DateGrammar.zones_read`)."""
    if not name:
        return None, None
    known = grammar.zones_read.get(name)
    if known is None:
        known = _read_zone(name, grammar)
        if len(grammar.zones_read) < _ZONES_KEPT:
            grammar.zones_read[name] = known
    return known


def _read_zone(name: str, grammar: DateGrammar) -> tuple[timezone | None, str | None]:
    """`_tzinfo` of a non-empty `name`, read."""
    key = _key(name)
    offset = grammar.timezones.get(key)
    if key == "z":
        offset = "+00:00"
    match = _OFFSET.match(offset or key.replace(" ", ""))
    if not match:
        return None, None
    sign = -1 if match.group(1) == "-" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None, None
    total = sign * (hours * 60 + minutes)
    tz = timezone(timedelta(0, total * 60))  # (positional: keywords cost a parse per call)
    label = name.strip().upper() if offset is not None and key != "z" else _offset_label(total)
    return tz, label


def _offset_label(total: int) -> str:
    """The offset of `total` minutes east of UTC as "+07:00"."""
    sign = "-" if total < 0 else "+"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def _clock(
    groups: Mapping[str, str | None], grammar: DateGrammar
) -> tuple[int, int, int | None, str | None] | None:
    """(hour, minute, second, zone) of a matched clock, or None when it is not a time."""
    if groups.get("h") is None:
        return None
    hour, minute = int(groups["h"] or 0), groups.get("mi")
    ampm, per = _key(groups.get("ampm")), _key(groups.get("per"))
    if minute is None and not (groups.get("tw") and (ampm or per)) and not ampm:
        return None
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + grammar.am_pm.get(ampm, 0)
    elif per in grammar.day_periods and hour < 12 and grammar.day_periods[per][0] >= 12:
        hour += 12
    mi = int(minute or 0)
    raw_second = groups.get("s")
    second = int(raw_second) if raw_second else None
    if hour > 23 or mi > 59 or (second is not None and second > 59):
        return None
    return hour, mi, second, groups.get("tz")


def _year(raw: str) -> int:
    y = int(raw)
    return y + 2000 if y < 100 and len(raw) <= 2 else y


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def infer_year(month: int, day: int, weekday: int | None, reference: date) -> int | None:
    """The latest year ≤ the reference's in which `day`/`month` is not after the reference and,
    when `weekday` is given (0 = Monday), falls on that weekday."""
    for year in range(reference.year, reference.year - 29, -1):
        candidate = _safe_date(year, month, day)
        if candidate is None or candidate > reference:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return year
    return None


def _shift(ref: datetime, amount: int, unit: str) -> tuple[datetime, Precision] | None:
    """`ref` moved by `amount` units, or None when that leaves the calendar ("5000 tahun lalu")."""
    try:
        return _shift_unchecked(ref, amount, unit)
    except (ValueError, OverflowError):
        return None


def _shift_unchecked(ref: datetime, amount: int, unit: str) -> tuple[datetime, Precision]:
    if unit in ("second", "minute"):
        return ref + timedelta(**{unit + "s": amount}), "minute"
    if unit == "hour":
        return ref + timedelta(hours=amount), "hour"
    if unit in ("day", "d"):
        return ref + timedelta(days=amount), "day"
    if unit in ("week", "w"):
        return ref + timedelta(weeks=amount), "day"
    if unit in ("month", "m"):
        index = ref.year * 12 + ref.month - 1 + amount
        return ref.replace(year=index // 12, month=index % 12 + 1, day=1), "month"
    return ref.replace(year=ref.year + amount, month=1, day=1), "year"


def _truncate(value: datetime, precision: Precision) -> datetime:
    if precision in ("year", "month", "day"):
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "hour":
        return value.replace(minute=0, second=0, microsecond=0)
    return value.replace(second=0, microsecond=0) if precision == "minute" else value


# ---------------------------------------------------------------------------
# One handler per pattern: groups → DateMatch fields (or None to reject)

_Fields = tuple[date, Kind, bool, bool | None]  # day, kind, inferred_year, weekday_ok


def _weekday_check(day: date, groups: Mapping[str, str | None], grammar: DateGrammar) -> bool | None:
    name = _key(groups.get("wd"))
    if not name or name not in grammar.weekdays:
        return None
    return day.weekday() == grammar.weekdays[name]


_FIRST_YEAR, _LAST_YEAR = 1900, 2100


def gregorian_year(y: int, grammar: DateGrammar) -> int:
    """`y`, or where it is past `_LAST_YEAR` the year of the first era (`grammar.era_offsets`)
    that brings it into range: 2568 of the Thai Buddhist era is 2025."""
    if y > _LAST_YEAR:
        for offset in grammar.era_offsets:
            if _FIRST_YEAR <= y - offset <= _LAST_YEAR:
                return y - offset
    return y


def _full(y: int, m: int, d: int, groups: Mapping[str, str | None], grammar: DateGrammar) -> _Fields | None:
    y = gregorian_year(y, grammar)
    day = _safe_date(y, m, d)
    if day is None or not _FIRST_YEAR <= y <= _LAST_YEAR:
        return None
    return day, "absolute", False, _weekday_check(day, groups, grammar)


def _yearless(
    m: int, d: int, groups: Mapping[str, str | None], grammar: DateGrammar, ref: date
) -> _Fields | None:
    if _safe_date(2000, m, d) is None:  # 2000 is a leap year: any real day/month passes
        return None
    wd_name = _key(groups.get("wd"))
    weekday = grammar.weekdays.get(wd_name) if wd_name else None
    year = infer_year(m, d, weekday, ref)
    if year is None:
        return None
    return date(year, m, d), "inferred", True, (True if weekday is not None else None)


def _month_of(groups: Mapping[str, str | None], grammar: DateGrammar) -> int | None:
    return grammar.months.get(_key(groups.get("mon")))


def _numeric_order(a: int, b: int, grammar: DateGrammar) -> tuple[int, int] | None:
    """(month, day) of two numbers, by value when one cannot be a month, else by the lexicon."""
    if a > 12 and b <= 12:
        return b, a
    if b > 12 and a <= 12:
        return a, b
    if a > 12 and b > 12:
        return None
    return (b, a) if grammar.numeric_order == "dmy" else (a, b)


def _absolute_fields(
    name: str, g: Mapping[str, str | None], grammar: DateGrammar, ref: date
) -> _Fields | None:
    if name in ("iso", "ymd", "ymd_marked"):
        return _full(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0), g, grammar)
    if name in ("dmy", "mdy", "ymd_text", "dm", "md"):
        month = _month_of(g, grammar)
        if month is None:
            return None
        if name in ("dm", "md"):
            return _yearless(month, int(g["d"] or 0), g, grammar, ref)
        return _full(int(g["y"] or 0), month, int(g["d"] or 0), g, grammar)
    if name in ("numeric", "wd_numeric"):
        order = _numeric_order(int(g["a"] or 0), int(g["b"] or 0), grammar)
        if order is None:
            return None
        month, day = order
        if name == "numeric":
            return _full(_year(g["y"] or "0"), month, day, g, grammar)
        if grammar.numeric_order == "dmy" or int(g["a"] or 0) > 12:
            month, day = int(g["b"] or 0), int(g["a"] or 0)
        return _yearless(month, day, g, grammar, ref)
    return None


def _relative_day(
    name: str, g: Mapping[str, str | None], grammar: DateGrammar, ref: datetime
) -> tuple[datetime, Precision] | None:
    if name == "relative":
        amount, unit = grammar.relative[_key(g["rel"])]
        return _shift(ref, amount, unit)
    if name in ("ago", "ago_pre"):
        raw = _key(g["n"])
        n = int(raw) if raw.isdigit() else grammar.numbers.get(raw)
        unit_name = grammar.units.get(_key(g["unit"]))
        if n is None or unit_name is None:
            return None
        return _shift(ref, -n, unit_name)
    if name in ("weekday", "weekday_post"):
        weekday = grammar.weekdays[_key(g["wd"])]
        back = (ref.weekday() - weekday) % 7
        if g.get("post") and back == 0:
            back = 7  # "Sabtu lalu" said on a Saturday is a week back
        return ref - timedelta(days=back), "day"
    if name == "time":
        return ref, "day"
    return None


def _resolve(
    name: str, match: re.Match[str], grammar: DateGrammar, ref: datetime, text: str
) -> DateMatch | None:
    """The date `match` (of pattern `name`) expresses, or None when it is none. `text`: the text
    searched, before any lower-casing: the match's own text is cut from it (its groups are read
    only through `int` and `_key`, which lower-case them)."""
    g = match.groupdict()
    clock = _clock(g, grammar) if "h" in g else None
    if name == "time" and (clock is None or not (g.get("tw") or g.get("tz") or g.get("ampm"))):
        return None  # a bare "2.30" is a number, not a time
    start, end = match.span()
    if clock is None and g.get("h") is not None:
        # The time tail read a number that is no time ("kemarin, 12 orang", "24 April, 40 orang"):
        # the date ends before it.
        end = match.start("tw") if g.get("tw") else match.start("h")
    if name == "my":
        month = _month_of(g, grammar)
        y = gregorian_year(int(g["y"] or 0), grammar)
        if month is None or not _FIRST_YEAR <= y <= _LAST_YEAR:
            return None
        return DateMatch(datetime(y, month, 1), "month", text[start:end], start, end, "absolute")
    fields = _absolute_fields(name, g, grammar, ref.date())
    zone: str | None = None
    if fields is not None:
        day, kind, inferred, weekday_ok = fields
        if clock is None:
            value = datetime(day.year, day.month, day.day)
            precision: Precision = "day"
        else:
            # The day at the clock's time, in its zone, built at once (no part below the second
            # to clear): one constructor where setting each on the day's midnight took three.
            hour, minute, second, raw_zone = clock
            tz, zone = _tzinfo(raw_zone, grammar)
            value = datetime(day.year, day.month, day.day, hour, minute, second or 0, 0, tz)
            precision = "second" if second is not None else "minute"
    elif name in ("iso", "ymd", "ymd_text", "dmy", "mdy", "dm", "md", "numeric", "wd_numeric"):
        return None
    else:
        shifted = _relative_day(name, g, grammar, ref.replace(tzinfo=None))
        if shifted is None:
            return None
        value, precision = shifted[0], shifted[1]
        kind, inferred, weekday_ok = ("time" if name == "time" else "relative"), False, None
        if clock is not None and precision == "day":  # (a shift by hours or minutes has its time)
            hour, minute, second, raw_zone = clock
            value = value.replace(hour=hour, minute=minute, second=second or 0)
            precision = "second" if second is not None else "minute"
            tz, zone = _tzinfo(raw_zone, grammar)
            if tz is not None:
                value = value.replace(tzinfo=tz)
        value = _truncate(value, precision)
    said = text[start:end].rstrip(" ,|-–—/•(")
    if (
        said.endswith(".")
        and g.get("mon")
        and match.end("mon") == start + len(said) - 1
        and _key(g["mon"]) not in grammar.month_abbreviations
    ):
        said = said[:-1]  # the sentence's full stop after a month's full name
    return DateMatch(
        value=value,
        precision=precision,
        text=said,
        start=start,
        end=start + len(said),
        kind=kind,
        timezone=zone,
        inferred_year=inferred,
        weekday_ok=weekday_ok,
        has_weekday=bool(g.get("wd")),
    )


def find_dates(
    text: str,
    reference: datetime | None,
    lexicon: Lexicon,
    grammar: DateGrammar | None = None,
    now: Callable[[], datetime] = datetime.now,
    least_specific: Kind = "time",
) -> list[DateMatch]:
    """Every date expression in `text`, in text order, longest match first where they overlap.

    Year-less and relative expressions are resolved against `reference` (now when None).
    `least_specific`: the matches of the kinds up to this one (absolute, inferred, relative,
    time) only, the others not looked for. Overlaps are settled most specific kind first, so
    these are exactly the matches of those kinds that a full search returns.
    """
    grammar = grammar or grammar_of(lexicon)
    found: list[DateMatch] = []
    rank = _KIND_RANK[least_specific]
    first_digit = _DIGIT.search(text)
    digit = first_digit is not None
    if not digit and rank <= _KIND_RANK["inferred"]:
        return found  # every absolute or inferred pattern needs a digit
    ref = reference or now()
    # ASCII text (most) is searched lower-cased by the patterns compiled case-sensitive (see
    # `DateGrammar.ascii_gated`): the same spans, found faster. Lower-casing ASCII keeps every offset.
    # So is a text whose other characters have no case ("’", "—", a no-break space, CJK): see
    # `_caseless_beyond_ascii`.
    # And so is any text with none of the characters a case-blind search matches to a letter the
    # patterns spell other than by lower case (`DateGrammar.fold_risky`; "İ", whose lower case
    # is two characters, among them).
    fold_risky = grammar.fold_risky
    folded = bool(grammar.ascii_gated) and (
        text.isascii()
        or (fold_risky.search(text) is None if fold_risky is not None else _caseless_beyond_ascii(text))
    )
    subject = text.lower() if folded else text
    gated = grammar.ascii_gated if folded else grammar.gated
    # (A shape opens with a digit: none before the first one.)
    shape = first_digit is not None and _NUMERIC_SHAPE.search(text, first_digit.start()) is not None
    if shape:
        whole = _whole_iso(text, subject, gated.get((rank, True, True, False, False)), grammar, ref)
        if whole is not None:
            return [whole]
    # The month and weekday names are looked for in the lower-cased text where a case-blind search
    # of the text finds them there (`DateGrammar.case_risky`), by the case-sensitive gates: a
    # regex opening with a class of letters, which the engine skips to, and first a compiled
    # substring test, where the case-blind ones try each position. (One character lower-cased to
    # one: the offsets are the text's.)
    if folded or grammar.case_risky is None or grammar.case_risky.search(text) is not None:
        names, lowered = subject, folded
    else:
        names, lowered = text.lower(), True
    # Every pattern with a month name also needs a digit: no need to look for one without.
    month_word = grammar.ascii_month_word if lowered else grammar.month_word
    month_filter = grammar.ascii_month_filter if lowered else None
    first_month = (
        month_word.search(names) if digit and (month_filter is None or month_filter(names)) else None
    )
    month = first_month is not None
    # No absolute pattern needs a weekday name: looking for one only matters past them.
    weekday_word = grammar.ascii_weekday_word if lowered else grammar.weekday_word
    weekday_filter = grammar.ascii_weekday_filter if lowered else None
    first_weekday = (
        weekday_word.search(names)
        if rank > _KIND_RANK["absolute"] and (weekday_filter is None or weekday_filter(names))
        else None
    )
    weekday = first_weekday is not None
    patterns = gated.get((rank, digit, shape, month, weekday))
    if patterns is None:  # a grammar built by hand, without gates
        patterns = tuple((name, pattern) for name, pattern in grammar.patterns if _wanted(name, rank))
    if not patterns:
        return found  # no pattern passes the gates (a number alone where no time is looked for)
    needs = grammar.ascii_needs if folded else {}
    # The scans skip the text before the earliest start a match can have (a byline's words
    # before its date); the lookbehinds still see it.
    starts = _scan_starts(len(text), first_digit, first_month, first_weekday, rank)
    month_led = grammar.month_led
    month_starts: list[int] | None = None
    for name, pattern in patterns:
        needed = needs.get(name)
        if needed is not None and not any(map(subject.__contains__, needed)):
            continue  # none of the words the pattern spells: it cannot match
        start = starts.get(name, 0)
        matches: Iterable[re.Match[str]]
        if first_month is not None and id(pattern) in month_led:
            if month_starts is None:
                month_starts = _name_starts(month_word, names, first_month)
            matches = _led_matches(pattern, subject, month_starts, start)
        else:
            matches = pattern.finditer(subject, start)
        for match in matches:
            resolved = _resolve(name, match, grammar, ref, text)
            if resolved is None:
                continue
            if resolved.kind == "absolute" and resolved.start == 0 and resolved.end == len(text):
                # The whole text is one absolute date ("2025-04-28T07:01:00+07:00"): the first such
                # match sorts first below and every other match overlaps it, so the rest can go unsought.
                return [resolved]
            found.append(resolved)
    # (None or one match, as most texts give: nothing overlaps, and `found` is in text order.)
    if shape or month or weekday:  # (a date the leading clock could join: no time is one)
        found = [_with_leading_clock(m, text, grammar) for m in found]
    return found if len(found) < 2 else most_specific(found)


def _with_leading_clock(match: DateMatch, text: str, grammar: DateGrammar) -> DateMatch:
    """`match` with the time said just before it, where it has none: "7:05 AM EST, Tue March 4,
    2025" is the 4th at 7:05 EST. Only a clock that names its half of the day or its zone
    ("10:31 pm", "14:20 WIB"): a bare "12, March 4" is a count, not a time."""
    if match.precision != "day" or match.kind not in ("absolute", "inferred") or match.start < 4:
        return match
    window = max(0, match.start - 40)
    if _DIGIT.search(text, window, match.start) is None:
        return match
    lead = grammar.leading_clock.search(text, window, match.start)
    if lead is None or not (lead.group("ampm") or lead.group("tz")):
        return match
    clock = _clock(lead.groupdict(), grammar)
    if clock is None:
        return match
    hour, minute, second, raw_zone = clock
    tz, zone = _tzinfo(raw_zone, grammar)
    day = match.value
    value = datetime(day.year, day.month, day.day, hour, minute, second or 0, 0, tz)
    start = lead.start()
    return replace(
        match,
        value=value,
        precision="second" if second is not None else "minute",
        text=text[start : match.end],
        start=start,
        timezone=zone,
    )


def _name_starts(name_pattern: re.Pattern[str], subject: str, first: re.Match[str]) -> list[int]:
    """Where `name_pattern` (the month gate, `_word_led`) matches in `subject`, `first` being its
    first match: every position where a name starts."""
    return [first.start(), *(match.start() for match in name_pattern.finditer(subject, first.end()))]


def _led_matches(pattern: re.Pattern[str], subject: str, at: list[int], start: int) -> list[re.Match[str]]:
    """`pattern.finditer(subject, start)` for a pattern that can match only where a name starts
    (`at`, in order; `DateGrammar.month_led`): tried there only, one `match` a name where the
    search tried it at every position with the name's first letter. As the search does, the next
    match is looked for from where the last one ended."""
    found: list[re.Match[str]] = []
    for position in at:
        if position < start:
            continue
        match = pattern.match(subject, position)
        if match is not None:
            found.append(match)
            start = match.end()
    return found


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _caseless_beyond_ascii(text: str) -> bool:
    """Whether every non-ASCII character of `text` is one that lower- and upper-casing leave as it
    is (punctuation, spaces, symbols, scripts without case). Such a character matches, regardless
    of case, only itself (no letter folds to or from it) and `lower` keeps it: the patterns compiled
    case-sensitive find in `text.lower()` the spans the case-blind ones find in `text` (see
    `DateGrammar.ascii_gated`, whose condition on the patterns' own characters holds too), at the
    same offsets."""
    rest = _ASCII_RUN.sub("", text)
    return rest == rest.lower() == rest.upper()


def _scan_starts(
    size: int,
    first_digit: re.Match[str] | None,
    first_month: re.Match[str] | None,
    first_weekday: re.Match[str] | None,
    rank: int,
) -> dict[str, int]:
    """Where a match of each pattern of `_OPENINGS` can start at the earliest in a text of `size`
    characters, by the first digit, month name and weekday name found in it (`first_weekday` is
    looked for only past absolute dates, `rank` 0). A pattern's gates hold where it is scanned,
    so a pattern opening with a digit or month name is scanned only where the text has one."""
    digit = first_digit.start() if first_digit is not None else 0
    opening = {
        "digit": digit,
        "bracket": max(digit - 1, 0),
        "month": first_month.start() if first_month else 0,
    }
    # A weekday name may open the patterns with a weekday head: at the first one found, or (not
    # looked for) anywhere; where none was found, none can.
    head = first_weekday.start() if first_weekday is not None else (size if rank else 0)
    return {
        name: min(opening[opens], head) if headed else opening[opens]
        for name, (opens, headed) in _OPENINGS.items()
    }


def _whole_iso(
    text: str,
    subject: str,
    patterns: tuple[tuple[str, re.Pattern[str]], ...] | None,
    grammar: DateGrammar,
    ref: datetime,
) -> DateMatch | None:
    """The date of a text that is one ISO date and nothing else, as markup values are
    ("2025-04-28T07:01:00+07:00"), or None. `patterns`: the gated patterns of a text with a digit
    and a numeric shape. Those open with "iso" (gated on the digit and the shape only) whatever
    the month and weekday gates say, so `find_dates`' loop would find this match first and return
    it alone: found here, the text's month and weekday names need not be looked for."""
    if not patterns or patterns[0][0] != "iso":
        return None
    match = patterns[0][1].match(subject)  # (`finditer`'s first match, where it starts the text)
    if match is None or match.end() != len(text):
        return None
    resolved = _resolve("iso", match, grammar, ref, text)
    if resolved is None or resolved.kind != "absolute" or resolved.end != len(text):
        return None
    return resolved


def most_specific(found: list[DateMatch]) -> list[DateMatch]:
    """`found` without overlaps, in text order. Where expressions overlap, the most specific
    wins: absolute over inferred over relative, then the longest ("pada hari Senin (28/4)"
    reads as the date, not the weekday)."""
    found = sorted(found, key=lambda m: (_KIND_RANK[m.kind], -(m.end - m.start), m.start))
    chosen: list[DateMatch] = []
    for candidate in found:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda m: m.start)


def parse_date(
    text: str, reference: datetime | None, lexicon: Lexicon, now: Callable[[], datetime] = datetime.now
) -> DateMatch | None:
    """The most specific date expression in `text` (absolute before inferred before relative)."""
    matches = find_dates(text, reference, lexicon, now=now)
    if not matches:
        return None
    return min(matches, key=lambda m: (_KIND_RANK[m.kind], -(m.end - m.start), m.start))
