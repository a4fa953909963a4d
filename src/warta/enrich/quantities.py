"""Quantities: money, percentages, counts and measures, with their values.

    >>> from warta.enrich import EnrichContext
    >>> context = EnrichContext(("id", "en"), "id", None)
    >>> [(q.text, q.value, q.unit, q.kind) for q in find_quantities(["Dana Rp 1,5 triliun cair."], context)]
    [('Rp 1,5 triliun', 1500000000000.0, 'IDR', 'money')]

A quantity is a number (digits, or number words: "tiga", "dua puluh lima", "a dozen"), an
optional scale ("juta", "billion"; after a currency also "M", "bn", "m") and what it counts:
a currency before it ("Rp", "US$", "£") or after it ("dolar AS"), a percent sign or word,
a unit ("km", "derajat Celsius"), or nothing (a bare count: `unit` None). A count or a measure
also says what it counts where a noun follows (`counted`): "14,000 troops", "5 ekor sapi" (after
a classifier word), "2,5 ton beras", "dozens of runners" (see `counted_after`). The paragraph's language (`EnrichContext.language`) decides what an
ambiguous separator means: "1.500" is 1500 in Indonesian, 1.5 in English. Both ends of a
range take what its second end says: "Rp 4-6 ribu" is 4000 and 6000 rupiah, two quantities;
the first of two counts joined by a pair word counts what the second counts ("between 20,000
and 25,000 visitors"). A fraction of a whole is a percentage: "setengah dari warga" is 50 %,
"a third of voters" 33.3 % (`[fractions]`).

Not quantities: years ("2025"), dates and times (found by the date grammar, `meta.datetext`, as
the date mentions read them: `mentions.paragraph_dates`, read once for both where given),
phone numbers and codes (a leading zero, a long run of digits, "+62"), numbers glued to a
word or a hyphen ("Covid-19", "ke-3", "5G") and numbers after a reference word ("Pasal 5",
"nomor 12", "tahun 2024"). Every word lives in `enrich/data/quantities/<lang>.toml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from warta.enrich.data import annotator_data
from warta.enrich.mentions import dates_in
from warta.enrich.text import YEARS, alternation, word_key
from warta.enrich.types import Quantity, QuantityKind
from warta.lexicon import trie_pattern

if TYPE_CHECKING:
    from warta.enrich import EnrichContext
    from warta.meta.datetext import DateMatch

# A year alone ("2025") is no quantity; nor a run of this many digits or more (an id, a phone).
_LONG_DIGITS = 7


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a language writes numbers: its decimal and group separators, and the money
    abbreviations it reads after a currency ("M" is miliar in Indonesian, million in English)."""

    decimal: str
    group: str
    currency_scales: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class CountedForm:
    """How a language's verbs look and where its noun phrases have their head: a word with one of
    `prefixes` or `suffixes` and at least `stem` letters besides is verb-looking; `head_last`:
    modifiers come before the head ("aid trucks"), else after it ("rumah warga"); a word with one
    of `plural` endings (but none of `not_plural`) is a plural, which only a head is ("employees
    tap": the phrase ends after it)."""

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    stem: int
    head_last: bool
    plural: tuple[str, ...] = ()
    not_plural: tuple[str, ...] = ()

    def is_plural(self, key: str) -> bool:
        return key.endswith(self.plural) and not key.endswith(self.not_plural) if self.plural else False


@dataclass(frozen=True, slots=True)
class CountedGrammar:
    """The words that decide what a count counts (`[counted]` of the quantity data files, with
    the function words of the keyword data)."""

    classifiers: frozenset[str]  # "5 ekor sapi": skipped to the noun, or counted alone
    connectors: frozenset[str]  # "dozens of runners": skipped where a noun follows
    stop: frozenset[str]  # words that end the phrase (function words, verbs without a telling form)
    nouns: frozenset[str]  # counted though a stop list holds them or they look like verbs
    modifiers: frozenset[str]  # taken next to a noun though a stop list holds them ("sekolah baru")
    forms: Mapping[str, CountedForm]


@dataclass(frozen=True, slots=True)
class QuantityGrammar:
    """The merged words of the quantity data files and the patterns compiled from them."""

    number: re.Pattern[str]  # a number, searched in the paragraph lower-cased
    number_cased: re.Pattern[str]  # the same, case-blind, for a text lower-casing changes in length
    currency_before: re.Pattern[str]  # a currency right before the number (searched in a window)
    tail: re.Pattern[str]  # after the number: its scale, and its currency, percent or unit
    tail_after_currency: re.Pattern[str]  # the same where a currency came before: "£40m", "Rp5 M"
    number_token: re.Pattern[str]
    formats: Mapping[str, NumberFormat]
    scales: Mapping[str, float]
    currency_prefix: Mapping[str, str]
    currency_suffix: Mapping[str, str]
    percent: frozenset[str]
    units: Mapping[str, str]
    number_words: Mapping[str, float]
    joiners: Mapping[str, float]
    multipliers: Mapping[str, float]
    not_after: frozenset[str]
    range_join: re.Pattern[str]  # between the two ends of a range: "10-15 persen", "5 to 10 percent"
    counted: CountedGrammar
    # Between two counts that share what they count ("between 20,000 and 25,000 visitors"):
    # the first takes the second's counted noun where none follows it.
    pair_join: re.Pattern[str]
    # A fraction of a whole, a percentage: "setengah dari", "a third of", "by a quarter"; its
    # group "frac" the fraction (a key of `fractions`, a share of one).
    fraction: re.Pattern[str]
    fractions: Mapping[str, float]
    fraction_not_after: frozenset[str]
    # After one of these, or one of these and a word, a fraction names a part of one thing, not
    # a share of many: 'the developer half of that duo', 'each third of your frame'.
    fraction_part_after: frozenset[str]


def _short(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """(abbreviations of three characters or fewer, matched with their case; the longer words)."""
    items = list(words)
    return [w for w in items if len(w) <= 3], [w for w in items if len(w) > 3]


def _counted_grammar(
    data: Mapping[str, object], keywords: Mapping[str, object], not_words: Iterable[str]
) -> CountedGrammar:
    """`[counted]` and `[counted_form.<lang>]` of the quantity data, with the keyword data's
    function words and calendar words and `not_words` (scales, number words) as stops."""
    spec = data.get("counted", {})
    assert isinstance(spec, dict)

    def words(source: Mapping[str, object], key: str) -> frozenset[str]:
        value = source.get(key, [])
        return frozenset(word_key(str(w)) for w in value) if isinstance(value, list) else frozenset()

    forms_spec = data.get("counted_form", {})
    assert isinstance(forms_spec, dict)
    forms = {
        lang: CountedForm(
            tuple(str(p) for p in form.get("prefixes", [])),
            tuple(str(p) for p in form.get("suffixes", [])),
            int(form.get("stem", 3)),
            form.get("head", "first") == "last",
            tuple(str(p) for p in form.get("plural", [])),
            tuple(str(p) for p in form.get("not_plural", [])),
        )
        for lang, form in forms_spec.items()
    }
    stop = words(spec, "stop") | words(keywords, "stopwords") | words(keywords, "calendar")
    return CountedGrammar(
        classifiers=words(spec, "classifiers"),
        connectors=words(spec, "connectors"),
        stop=stop | frozenset(word_key(w) for w in not_words),
        nouns=words(spec, "nouns"),
        modifiers=words(spec, "modifiers"),
        forms=forms,
    )


@cache
def quantity_grammar(languages: tuple[str, ...]) -> QuantityGrammar:
    """The grammar of `languages` (cached: built once per language set)."""
    data = annotator_data("quantities", languages)
    formats = {
        lang: NumberFormat(
            str(spec.get("decimal", ".")),
            str(spec.get("group", ",")),
            {k: float(v) for k, v in spec.get("currency_scales", {}).items()},
        )
        for lang, spec in data.get("format", {}).items()
    }
    scales = {word_key(k): float(v) for k, v in data.get("scales", {}).items()}
    prefix = {k: str(v) for k, v in data.get("currency_prefix", {}).items()}
    suffix = {word_key(k): str(v) for k, v in data.get("currency_suffix", {}).items()}
    percent = frozenset(word_key(w) for w in data.get("percent", []))
    units = {word_key(k): str(v) for k, v in data.get("units", {}).items()}
    words = {word_key(k): float(v) for k, v in data.get("number_words", {}).items()}
    joiners = {word_key(k): float(v) for k, v in data.get("number_joiners", {}).items()}
    multipliers = {word_key(k): float(v) for k, v in data.get("number_multipliers", {}).items()}
    currency_scales = {k for f in formats.values() for k in f.currency_scales}
    fractions = {word_key(k): float(v) for k, v in data.get("fractions", {}).items()}

    raw_units = list(data.get("units", {}))
    short_units, long_units = _short(raw_units)
    short_suffix, long_suffix = _short(data.get("currency_suffix", {}))
    part = alternation([*words, *joiners, *multipliers])
    first = trie_pattern(words, space=r"\s+")
    number = rf"\d+(?:[.,]\d+)*|(?<!\w)(?P<words>(?:{first})(?:(?:\s+|-)(?:{part}))*(?!\w))"
    after = (
        rf"(?:(?-i:{alternation([*short_units, *short_suffix])})"
        rf"|{alternation([*long_units, *long_suffix, *data.get('percent', [])])})"
    )
    suffix_rx = rf"(?:\s*(?P<suffix>{after})(?!\w))?(?!\w|[.,/:-]\w)"
    scale_rx = rf"\s*(?P<scale>{alternation(scales)})(?!\w)"
    cscale_rx = rf"\s?(?P<cscale>(?-i:{alternation(currency_scales)}))(?![^\W\d_])"
    return QuantityGrammar(
        number=re.compile(number),
        number_cased=re.compile(number, re.I),
        currency_before=re.compile(rf"(?<![\w$])(?-i:{alternation(prefix)})\s?\Z"),
        tail=re.compile(rf"(?:{scale_rx})?{suffix_rx}", re.I),
        tail_after_currency=re.compile(rf"(?:{scale_rx}|{cscale_rx})?{suffix_rx}", re.I),
        number_token=re.compile(rf"(?<!\w)(?:{part})(?!\w)", re.I),
        formats=formats,
        scales=scales,
        currency_prefix=prefix,
        currency_suffix=suffix,
        percent=percent,
        units=units,
        number_words=words,
        joiners=joiners,
        multipliers=multipliers,
        not_after=frozenset(word_key(w) for w in data.get("not_quantity", {}).get("after", [])),
        range_join=re.compile(rf"\s*[-–—]\s*|\s+(?:{alternation(data.get('range_words', []))})\s+", re.I),
        counted=_counted_grammar(
            data,
            annotator_data("keywords", languages),
            [*scales, *words, *joiners, *multipliers, *percent, *units, *suffix],
        ),
        pair_join=re.compile(
            rf"\s*[-–—]\s*|\s+(?:{alternation([*data.get('range_words', []), *data.get('pair_words', [])])})\s+",
            re.I,
        ),
        fraction=_fraction_pattern(fractions, data),
        fractions=fractions,
        fraction_not_after=frozenset(word_key(w) for w in data.get("fraction_not_after", [])),
        fraction_part_after=frozenset(word_key(w) for w in data.get("fraction_part_after", [])),
    )


def _fraction_pattern(fractions: Mapping[str, float], data: Mapping[str, object]) -> re.Pattern[str]:
    """A fraction (`[fractions]`) that is a share of something: one of `fraction_after` follows it
    ("a third of voters") or one of `fraction_before` precedes it ("fell by a quarter")."""

    def words(key: str) -> list[str]:
        value = data.get(key, [])
        return [str(w) for w in value] if isinstance(value, list) else []

    frac, before, after = alternation(fractions), words("fraction_before"), words("fraction_after")
    return re.compile(
        rf"(?<!\w)(?P<frac>{frac})(?=\s+(?:{alternation(after)})(?!\w))"
        rf"|(?<!\w)(?:{alternation(before)})\s+(?P<frac2>{frac})(?!\w)",
        re.I,
    )


def fractions_in(text: str, grammar: QuantityGrammar) -> Iterable[tuple[int, int, float]]:
    """(start, end, percent) of each fraction of a whole in `text`: "a third of voters" is 33.3 %;
    not after a word of `fraction_not_after` ("the first half of the year" is a part of a year)
    nor one or two words after one of `fraction_part_after` ("the left half of the page")."""
    for match in grammar.fraction.finditer(text):
        group = "frac" if match.group("frac") else "frac2"
        start, end = match.span(group)
        before = _clause_words_before(text, start, 2)
        keys = [word_key(word) for word in before]
        if keys and keys[-1] in grammar.fraction_not_after:
            continue
        if _names_a_part(before, keys, grammar.fraction_part_after):
            continue
        yield start, end, 100 * grammar.fractions[word_key(match.group(group))]


def _valid_groups(parts: Sequence[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def parse_numeral(raw: str, number_format: NumberFormat) -> float | None:
    """The value of digits with separators as `number_format` writes them: "1.500" is 1500 where
    "." groups, 1.5 where it is the decimal point. A separator that cannot group (not followed by
    exactly three digits) is read as the decimal point whatever the language ("1,5", "2.5").
    None for what no number looks like ("1.2.3")."""
    separators = [c for c in raw if c in ".,"]
    if not separators:
        return float(raw)
    if len(set(separators)) == 2:  # "1.500,75", "1,500.75": the last one is the decimal point
        point = separators[-1]
        whole, fraction = raw.rsplit(point, 1)
        groups = whole.split("," if point == "." else ".")
        if point in whole or not _valid_groups(groups):
            return None
        return float("".join(groups) + "." + fraction)
    separator = separators[0]
    parts = raw.split(separator)
    if len(parts) > 2:
        return float("".join(parts)) if _valid_groups(parts) else None
    if separator == number_format.group and _valid_groups(parts):
        return float("".join(parts))
    return float(parts[0] + "." + parts[1])


def parse_number_words(text: str, grammar: QuantityGrammar) -> float | None:
    """The value of number words: "dua puluh lima" is 25, "tiga ratus" 300, "twenty-five" 25: words add, multipliers
    multiply what came before ("dua puluh" is 2 * 10), joiners add ("dua belas" is 2 + 10)."""
    total = 0.0
    for token in grammar.number_token.findall(text):
        key = word_key(token)
        if key in grammar.multipliers:
            total = (total or 1.0) * grammar.multipliers[key]
        elif key in grammar.joiners:
            total += grammar.joiners[key]
        elif key in grammar.number_words:
            total += grammar.number_words[key]
        else:
            return None
    return total or None


def _format_of(context: EnrichContext, grammar: QuantityGrammar) -> NumberFormat:
    for language in (context.language, *context.languages):
        if language is not None and language in grammar.formats:
            return grammar.formats[language]
    return NumberFormat(".", ",", {})


def _currency_scale(raw: str, number_format: NumberFormat, grammar: QuantityGrammar) -> float | None:
    if raw in number_format.currency_scales:
        return number_format.currency_scales[raw]
    return next((f.currency_scales[raw] for f in grammar.formats.values() if raw in f.currency_scales), None)


_CLAUSE_END = re.compile(r".*[,;:!?()\[\]\"“”]|.*[.…]\s", re.S)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _names_a_part(before: list[str], keys: list[str], part_after: frozenset[str]) -> bool:
    """Whether a fraction after the words `before` (`keys`: lower-cased) names a part of one thing:
    right after a word of `part_after` ("each third"), or after one and a lower-case word ("the
    left half"; not "in the US half of adults")."""
    if keys and keys[-1] in part_after:
        return True
    return len(keys) == 2 and keys[0] in part_after and before[1].islower()


def _clause_words_before(text: str, start: int, n: int) -> list[str]:
    """The last `n` words (or fewer) before `start` in its clause, as written: 'about the left
    half' → ['the', 'left']; none past a comma or a sentence's end."""
    window = text[max(0, start - 40) : start]
    clause_end = _CLAUSE_END.match(window)
    if clause_end is not None:
        window = window[clause_end.end() :]
    return _WORD.findall(window)[-n:]


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w.]+)\s*$", text[max(0, start - 24) : start])
    return match.group(1).lower() if match else ""


def _is_year(num: str, parts: Mapping[str, str | None]) -> bool:
    """Four digits alone that read as a year ("pada 2025"): no quantity."""
    bare = not (parts["words"] or parts["cur"] or parts["scale"] or parts["cscale"] or parts["suffix"])
    return bare and num.isdigit() and int(num) in YEARS


def _code_piece(text: str, start: int, end: int, code_end: int) -> bool:
    """Whether the digits at `start` are a phone number's or an id's: after a "+", with a leading
    zero, a long run, or the next group of one that ended at `code_end` ("0800 123 4567")."""
    digits = text[start:end]
    if not digits.isdigit():
        return False
    if code_end >= 0 and text[code_end:start] in (" ", "-"):
        return True
    return (
        (start > 0 and text[start - 1] == "+")
        or (len(digits) > 1 and digits[0] == "0")
        or len(digits) >= _LONG_DIGITS
    )


def _read(
    parts: Mapping[str, str | None], number_format: NumberFormat, grammar: QuantityGrammar
) -> tuple[float, str | None, QuantityKind] | None:
    num = parts["num"] or ""
    value = parse_number_words(num, grammar) if parts["words"] else parse_numeral(num, number_format)
    if value is None:
        return None
    if parts["scale"]:
        value *= grammar.scales[word_key(parts["scale"])]
    elif parts["cscale"]:
        value *= _currency_scale(parts["cscale"], number_format, grammar) or 1.0
    suffix = word_key(parts["suffix"] or "")
    if parts["cur"]:
        return value, grammar.currency_prefix[parts["cur"]], "money"
    if suffix in grammar.currency_suffix:
        return value, grammar.currency_suffix[suffix], "money"
    if suffix in grammar.percent:
        return value, "%", "percent"
    if suffix in grammar.units:
        return value, grammar.units[suffix], "measure"
    return value, None, "count"


# What may stand right before a number: not a letter or digit ("Covid-19", "G20"), a separator
# ("1.2.3"), a slash ("28/4"), a plus ("+62") or a hyphen ("ke-3"); a currency may ("Rp5", "$40").
_GLUED = re.compile(r"[\w.,/+$-]")
_CURRENCY_WINDOW = 8
_COUNTING = ("count", "measure")  # the kinds that say what they count: "14,000 troops", "2 ton beras"


def _currency(text: str, start: int, grammar: QuantityGrammar) -> tuple[int, str] | None:
    """(where it starts, the currency) written right before `start`, or None."""
    window = max(0, start - _CURRENCY_WINDOW)
    found = grammar.currency_before.search(text, window, start)
    return (found.start(), found.group().rstrip()) if found else None


_Read = tuple[int, int, float, str | None, QuantityKind]

# A word after a count, on the same line: letters first, then letters, digits, hyphens and
# apostrophes inside ("luka-luka", "F-16"), never ending in a hyphen or an apostrophe, nor a
# piece of an abbreviation ("U.S.": what it names is not read).
_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_](?:[\w'’-]*[^\W_])?)(?![\w'’-]|\.\w)")
_COUNTED_WORDS = 3  # the most words a counted phrase keeps: "paket sembako", "aid trucks"
# A capitalised word right before a number, not opening its sentence: the number is part of a
# name ("Pixel 3 review", "Boeing 737 Max jet", "Galaxy Buds 2"), which counts nothing.
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“”(\[]\s)(?<![.!?:;\"“”(\[])\b[^\W\d_][\w-]*[^\S\n]+\Z")


def _form_of(context: EnrichContext, counted: CountedGrammar) -> CountedForm | None:
    """The counted-phrase form of the paragraph's language (of the first language read that has
    one, where the paragraph's is unknown); None for a language without one: nothing is counted."""
    if context.language is not None:
        return counted.forms.get(context.language)
    return next((counted.forms[lang] for lang in context.languages if lang in counted.forms), None)


def _named(text: str, start: int) -> bool:
    """Whether the number at `start` follows a capitalised word inside its sentence (`_NAME_BEFORE`)."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group()[:1].isupper() and before.start() > 0


def _verb_looking(word: str, key: str, form: CountedForm) -> bool:
    """Whether `word` (`key` its data form) looks like a verb of `form`'s language: an affix with
    enough letters besides ("mengungsi", "arrested"); never a capitalised word (a name: "Mendur")."""
    if word[:1].isupper():
        return False
    return any(key.startswith(p) and len(key) - len(p) >= form.stem for p in form.prefixes) or any(
        key.endswith(s) and len(key) - len(s) >= form.stem for s in form.suffixes
    )


_PLAIN, _VERB, _MODIFIER = range(3)  # the words of a counted phrase: a noun (or like one), ...


def _word_class(word: str, counted: CountedGrammar, form: CountedForm) -> int | None:
    """What `word` is to a counted phrase; None for a word that ends it (a function word)."""
    key = word_key(word)
    if key in counted.nouns or (
        len(word) > 1 and word.isupper()
    ):  # (an acronym: "14,000 US troops", "5 WNI")
        return _PLAIN
    if key in counted.modifiers:
        return _MODIFIER
    if key in counted.stop:
        return None
    return _VERB if _verb_looking(word, key, form) else _PLAIN


def _phrase(words: Sequence[str], counted: CountedGrammar, form: CountedForm) -> int:
    """How many of `words` make the counted phrase. Where heads come first ("rumah warga baru")
    a verb ends it and a modifier may only follow a noun; where they come last ("500 new homes",
    "armed men") both may only lead up to a noun, and a plural is the last word ("employees tap").
    A capitalised word after a lower-case one starts a name, which ends it ("warga Jakarta")."""
    head_last = form.head_last
    taken, noun_at = 0, -1  # (the words taken, and where the last noun among them is)
    for at, word in enumerate(words):
        kind = _word_class(word, counted, form)
        if kind is None or (at and word[:1].isupper() and words[at - 1][:1].islower()):
            break
        if head_last and kind != _PLAIN and noun_at >= 0:
            break
        if not head_last and (kind == _VERB or (kind == _MODIFIER and noun_at < 0)):
            break
        taken = at + 1
        noun_at = at if kind == _PLAIN else noun_at
        if head_last and kind == _PLAIN and not word.isupper() and form.is_plural(word_key(word)):
            break
    return noun_at + 1 if head_last else taken


def counted_after(
    text: str,
    end: int,
    form: CountedForm,
    counted: CountedGrammar,
    limit: int | None = None,
    named: bool = False,
) -> str | None:
    """What the count ending at `end` counts, as written: the words right after it (after a
    classifier or a connector: "5 ekor sapi", "dozens of runners"), up to a function word, a
    verb, punctuation, the end of the line or `limit` (where a date starts: "45 sekolah baru tahun
    ini"), at most `_COUNTED_WORDS`; the classifier alone where no noun follows it ("12 orang");
    None where no noun-like word follows. `named`: the number follows a name ("Pixel 3 review"),
    part of it, counting nothing unless a classifier says it counts ("pihak Ali 25.000 orang")."""
    words: list[re.Match[str]] = []
    at = end
    while (
        len(words) <= _COUNTED_WORDS
        and (word := _NEXT_WORD.match(text, at)) is not None
        and (limit is None or word.end() <= limit)
    ):
        words.append(word)
        at = word.end()
    if not words:
        return None
    first = word_key(words[0].group(1))
    classifier = words[0] if first in counted.classifiers else None
    if named and classifier is None:
        return None
    skip = 1 if classifier is not None or first in counted.connectors else 0
    said = words[skip : skip + _COUNTED_WORDS]
    size = _phrase([w.group(1) for w in said], counted, form)
    if size:
        return text[said[0].start(1) : said[size - 1].end(1)]
    return classifier.group(1) if classifier is not None else None


def _quantity(
    text: str,
    number: re.Match[str],
    number_format: NumberFormat,
    grammar: QuantityGrammar,
    range_end: bool = False,
) -> _Read | None:
    """The quantity whose number `number` is, with its currency, scale and unit; None if none.
    `range_end`: the number ends a range ("15" of "10-15 persen"), glued to what comes before."""
    start, end = number.span()
    currency = _currency(text, start, grammar)
    if currency is None and start > 0 and _GLUED.match(text, start - 1) and not range_end:
        return None
    tail = (grammar.tail_after_currency if currency else grammar.tail).match(text, end)
    if tail is None:
        return None
    parts = {
        "num": text[start:end],
        "words": number.group("words"),
        "cur": currency[1] if currency else None,
        "scale": tail.group("scale"),
        "cscale": tail.group("cscale") if currency else None,
        "suffix": tail.group("suffix"),
    }
    if _is_year(text[start:end], parts):
        return None
    if currency is None and word_key(_word_before(text, start)) in grammar.not_after:
        return None
    read = _read(parts, number_format, grammar)
    if read is None:
        return None
    return (currency[0] if currency else start), tail.end(), *read


def _raw_value(
    number: re.Match[str], text: str, number_format: NumberFormat, grammar: QuantityGrammar
) -> float | None:
    said = text[number.start() : number.end()]
    return parse_number_words(said, grammar) if number.group("words") else parse_numeral(said, number_format)


def _range(
    text: str, lowered: str, first: re.Match[str], number_format: NumberFormat, grammar: QuantityGrammar
) -> tuple[_Read, _Read] | None:
    """Both ends of a range whose second end says what both count: "Rp 4-6 ribu" is 4000 and 6000
    rupiah, "10-15 persen" 10 and 15 percent. None where `first` starts no such range ("2-1")."""
    join = grammar.range_join.match(text, first.end())
    second = (
        (grammar.number if len(lowered) == len(text) else grammar.number_cased).match(
            lowered if len(lowered) == len(text) else text, join.end()
        )
        if join
        else None
    )
    if second is None:
        return None
    last = _quantity(text, second, number_format, grammar, range_end=True)
    raw_first = _raw_value(first, text, number_format, grammar)
    raw_last = _raw_value(second, text, number_format, grammar)
    if last is None or not raw_first or not raw_last or last[0] != second.start():
        return None  # (a currency before the second end: two amounts, read one by one)
    scale = last[2] / raw_last
    currency = _currency(text, first.start(), grammar)
    if last[4] == "count" and scale == 1.0 and currency is None:
        return None  # nothing says what the numbers are: a score, a span of years
    if currency is None and word_key(_word_before(text, first.start())) in grammar.not_after:
        return None
    unit, kind = (grammar.currency_prefix[currency[1]], "money") if currency else (last[3], last[4])
    start = currency[0] if currency else first.start()
    return (start, first.end(), raw_first * scale, unit, kind), (last[0], last[1], last[2], unit, kind)


def quantities_in(
    text: str,
    paragraph: int,
    context: EnrichContext,
    grammar: QuantityGrammar,
    dates: Sequence[DateMatch] | None = None,
) -> list[Quantity]:
    """The quantities of one paragraph. `dates`: its `mentions.dates_in`, where they were read
    already (else read here, where a count needs them)."""
    number_format = _format_of(context, grammar)
    form = _form_of(context, grammar.counted)
    lowered = text.lower()
    # (lower-casing keeps every offset but where a character's lower case is longer, as "İ")
    numbers = (
        grammar.number.finditer(lowered) if len(lowered) == len(text) else grammar.number_cased.finditer(text)
    )
    spans = [(m.start, m.end) for m in dates] if dates is not None else None
    found: list[Quantity] = []
    code_end = -1  # where the last piece of a phone number or an id ended
    done = -1  # where the last range read ended: its second number is read
    for number in numbers:
        if number.start() < done:
            continue
        if _code_piece(text, *number.span(), code_end) and _currency(text, number.start(), grammar) is None:
            code_end = number.end()
            continue
        both = _range(text, lowered, number, number_format, grammar)
        if both is None:
            one = _quantity(text, number, number_format, grammar)
            reads = [one] if one is not None else []
        else:
            reads, done = list(both), both[1][1]
        for start, end, value, unit, kind in reads:
            if not math.isfinite(value):  # digits past any float ("Rp 1.000.000…(140 groups) triliun")
                continue
            if kind == "count":  # (money, a percentage, a measure is never part of a date)
                if spans is None:
                    spans = [(m.start, m.end) for m in dates_in(text, context)]
                if any(s < end and start < e for s, e in spans):
                    continue
            counted = None
            # (both ends of a range count what follows the second: "4-6 ton ganja")
            if kind in _COUNTING and form is not None:
                if spans is None:
                    spans = [(m.start, m.end) for m in dates_in(text, context)]
                after = reads[-1][1]
                limit = min((s for s, _ in spans if s >= after), default=None)
                counted = counted_after(text, after, form, grammar.counted, limit, _named(text, start))
            found.append(Quantity(text[start:end], value, unit, kind, paragraph, start, end, counted))
    found = _paired(text, found, grammar)
    shares = [
        Quantity(text[start:end], value, "%", "percent", paragraph, start, end)
        for start, end, value in fractions_in(text, grammar)
        if not any(q.start < end and start < q.end for q in found)
    ]
    return sorted([*found, *shares], key=lambda q: q.start) if shares else found


def _paired(text: str, found: list[Quantity], grammar: QuantityGrammar) -> list[Quantity]:
    """`found`, a count or measure that says nothing it counts taking what the next, larger one
    counts where only a word of a pair or range lies between ("between 20,000 and 25,000
    visitors"; not "Episode #203 – 5 Tips": a range goes up)."""
    out = list(found)
    for index in range(len(out) - 2, -1, -1):
        one, two = out[index], out[index + 1]
        if (
            one.counted is None
            and two.counted is not None
            and one.kind == two.kind
            and one.kind in _COUNTING
            and one.value < two.value
            and grammar.pair_join.fullmatch(text, one.end, two.start)
        ):
            out[index] = replace(one, counted=two.counted)
    return out


def find_quantities(
    paragraphs: Sequence[str], context: EnrichContext, dates: Sequence[Sequence[DateMatch]] | None = None
) -> list[Quantity]:
    """Every quantity of `paragraphs`, in text order. `dates`: their `mentions.paragraph_dates`,
    where they were read already."""
    grammar = quantity_grammar(context.languages)
    return [
        quantity
        for index, text in enumerate(paragraphs)
        for quantity in quantities_in(
            text, index, context, grammar, dates[index] if dates is not None else None
        )
    ]
