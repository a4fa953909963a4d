"""Named entities with canonical names.

Three sources, merged per paragraph (the longer span wins an overlap; on a tie the alias table
wins, then the model):

- `gazetteer`: the alias table of the article's language (`enrich/data/entities/<lang>.toml`):
  'Korut' is the place 'Korea Utara', 'KPK' the organisation 'Komisi Pemberantasan Korupsi'.
  Case-sensitive: 'AS' is Amerika Serikat, 'as' is not.
- `model`: a CRF tagger, for a language whose data names one (Indonesian, trained by
  `train/train_ner.py`).
- `rule`: for a language whose data asks for rules (English): capitalised sequences read with
  cues from the data (titles before a person; organisation, club, place, event, product and index
  words; a team's role, score or result), the cues in `entity_cues`. The context also retypes an
  alias: 'Liverpool manager' is the club, 'at the White House' the place.
  Any language's data may also name heads (`[heads]`): a name they open is of their type whatever
  the tagger says ('Piala Asia 2027' is an event, 'Bursa Efek Singapura' an organisation).

A person named in full once ('Menteri Keuangan Sri Mulyani Indrawati') and later in part
('Sri Mulyani', 'Mulyani') has the full name as canonical; titles are never part of a name, nor
are the degrees written after it ('Indah Permatasari, S.H., M.H.'). The titles and degrees are
`enrich/data/titles/<lang>.toml`, the lists the quotes annotator reads too. A public figure's
nickname (`[people]`: 'Gus Dur', 'AOC') has the full name, unless the article names someone
else in full by it; capitals no table knows take the name of the article they spell the
initials of ('GM' after 'General Motors').

    >>> recogniser = EntityRecogniser(("id",))  # doctest: +SKIP
    >>> recogniser.find(["Korut menembakkan rudal."], context)[0].canonical  # doctest: +SKIP
    'Korea Utara'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

from warta.enrich.data import annotator_data
from warta.enrich.entity_cues import (
    _SENTENCE_END,
    _between_places,
    _comma_place,
    _common_lead,
    _common_phrase,
    _cue_after,
    _cue_before,
    _index_end,
    _is_letter,
    _is_name_word,
    _is_road,
    _is_team,
    _its_after,
    _known_head,
    _lowercase_words,
    _name_word,
    _opens_place,
    _opens_sentence_only,
    _product_noun_end,
    _product_span,
    _rule_type,
    _Rules,
    _rules,
    _run_end,
    _Scene,
    _scene,
    _seat_cue,
    _spelled_in_lowercase,
    _team_after,
    _version_end,
    _word_in_capitals,
)
from warta.enrich.ner_features import Token, gazetteer_words, sentence_features, tokenise
from warta.enrich.text import bio_spans, contains, sentence_starts
from warta.enrich.types import Entity, EntityType

if TYPE_CHECKING:
    from warta.enrich import EnrichContext

_TYPES: tuple[EntityType, ...] = ("person", "organisation", "place", "event", "product", "other")
_SEPARATORS = frozenset({"-", "–", "—", "(", ")", "|", ";"})
_DASHES = frozenset({"-", "–", "—", "--"})
_DATELINE_REACH = 10  # tokens between a dateline's comma and its dash ('JAKARTA, Kamis (28/11/2026) -')
_DATELINE_AFTER = _DASHES | {",", "("}  # what follows a dateline's place ('JAKARTA, ...', 'BOGOR (ANTARA) -')
_SOURCE_RANK = {"gazetteer": 0, "model": 1, "rule": 2}
_PLACE_WORDS = 4  # the most words of a place name after an office ('Kabupaten Aceh Barat Daya')


@dataclass(frozen=True, slots=True)
class _Span:
    """A found entity before canonical names are settled."""

    paragraph: int
    start: int
    end: int
    type: EntityType
    canonical: str | None
    source: str


@dataclass(frozen=True, slots=True)
class _Heads:
    """Words that open a name of a known type whatever the tagger or the rules say ('Piala Asia',
    'Liga 1', 'Bursa Efek Singapura'), from a language's `[heads]` data."""

    kinds: dict[tuple[str, ...], EntityType]  # head words -> the type of the name they open
    longest: int
    starts: frozenset[str]  # the first words of the heads (a fast check)
    stops: frozenset[str]  # capitalised words that end the name (day and month names)


@dataclass(frozen=True, slots=True)
class _Language:
    """What the recogniser knows of one language: alias table, titles, model or rules."""

    aliases: dict[str, tuple[str, EntityType]]  # alias -> (canonical, type)
    pattern: re.Pattern[str] | None  # every alias, longest first, on word boundaries
    titles: frozenset[tuple[str, ...]]
    longest_title: int
    title_starts: frozenset[str]  # the first words of the titles (a fast check)
    gazetteer: dict[str, str]  # word -> what it is part of (a model feature)
    model: str | None  # model file name in warta/enrich/models
    rules: _Rules | None
    heads: _Heads | None
    degrees: frozenset[str] = frozenset()  # degree keys (`degree_key`) written after a name
    # short words opening a body's name and what they stand for ('Pemkot': 'Pemerintah Kota')
    expansions: Mapping[str, str] = field(default_factory=dict)
    legal_suffixes: frozenset[str] = frozenset()  # a company's legal form after its name ('Corp')
    short_family_names: frozenset[str] = frozenset()  # two-letter family names written first ('Xi')
    # lowercased words before a person's initials ('berinisial')
    initials_before: frozenset[str] = frozenset()
    ranks: frozenset[tuple[str, ...]] = frozenset()  # titles a name follows at once ('Menkeu', 'Presiden')


def degree_key(text: str) -> str:
    """A degree as compared: without dots, spaces or case ('M.Si.' and 'MSi' are one)."""
    return "".join(text.split()).replace(".", "").casefold()


def person_titles(languages: tuple[str, ...]) -> list[str]:
    """The titles written before a person's name (`enrich/data/titles/<language>.toml`: ranks,
    offices, occupations; the quotes annotator reads the same lists), each as written and with
    each word capitalised ('Pebulu tangkis', 'Pebulu Tangkis'). Qualifiers ('Senior', 'Former')
    are not titles here: they also open the names of other things ('Senior High School')."""
    data = annotator_data("titles", languages)
    written = [str(title) for key in ("ranks", "offices", "occupations") for title in data.get(key, [])]
    capitalised = (" ".join(word[:1].upper() + word[1:] for word in title.split()) for title in written)
    return list(dict.fromkeys([*written, *capitalised]))


@cache
def _language(language: str) -> _Language:
    """The compiled data of `language` (once per process: a cache keyed by the language)."""
    data = annotator_data("entities", (language,))
    table: Mapping[str, Mapping[str, Sequence[str]]] = data.get("aliases", {})
    aliases: dict[str, tuple[str, EntityType]] = {}
    for kind, entries in table.items():
        if kind not in _TYPES:
            raise ValueError(f"entities/{language}.toml: unknown entity type {kind!r} in [aliases]")
        for canonical, names in entries.items():
            for name in (canonical, *names):
                aliases.setdefault(name, (canonical, kind))
    people: Mapping[str, Sequence[str]] = data.get("people", {})  # not in the tagger's gazetteer
    for canonical, names in people.items():  # the full name itself is left to the model or rules
        for name in names:
            aliases.setdefault(name, (canonical, "person"))
    own_names: Mapping[str, Sequence[str]] = data.get("names", {})
    for kind, names in own_names.items():
        if kind not in _TYPES:
            raise ValueError(f"entities/{language}.toml: unknown entity type {kind!r} in [names]")
        for name in names:
            aliases.setdefault(name, (name, kind))
    pattern = None
    if aliases:
        pattern = re.compile(rf"(?<!\w)(?:{_alternation(sorted(aliases, key=len, reverse=True))})(?![\w-])")
    title_list = person_titles((language,))
    titles = frozenset(tuple(token.text for token in tokenise(title)) for title in title_list)
    recogniser: Mapping[str, Any] = data.get("recogniser", {})
    places = frozenset(name for name, (_, kind) in aliases.items() if kind == "place")
    organisations = frozenset(name for name, (_, kind) in aliases.items() if kind == "organisation")
    single_titles = [title[0] for title in titles if len(title) == 1]
    title_words = frozenset([*single_titles, *(title + "s" for title in single_titles)])
    rules = (
        _rules(data.get("rules", {}), places, organisations, title_words, _ordinary_words(language))
        if recogniser.get("rules")
        else None
    )
    return _Language(
        aliases=aliases,
        pattern=pattern,
        titles=titles,
        longest_title=max((len(title) for title in titles), default=0),
        title_starts=frozenset(title[0] for title in titles if title),
        gazetteer=gazetteer_words(table, title_list),
        model=recogniser.get("model"),
        rules=rules,
        heads=_heads(language, data.get("heads", {})),
        degrees=frozenset(degree_key(d) for d in annotator_data("titles", (language,)).get("degrees", [])),
        expansions={str(short): str(full) for short, full in data.get("expansions", {}).items()},
        legal_suffixes=frozenset(data.get("canonical", {}).get("legal_suffixes", ())),
        short_family_names=frozenset(data.get("canonical", {}).get("short_family_names", ())),
        initials_before=frozenset(
            word.lower() for word in data.get("context", {}).get("initials_before", ())
        ),
        ranks=_ranks(language),
    )


def _ordinary_words(language: str) -> frozenset[str]:
    """The lexicon's ordinary lower-case words of `language` (`byline.common_words`: printed in lower
    case, seldom capitalised inside a sentence), which no person's name is made of alone."""
    from warta.lexicon import load_lexicon

    return load_lexicon((language,)).common_words


def _ranks(language: str) -> frozenset[tuple[str, ...]]:
    """The language's ranks (`titles` data: the name follows at once), as written and capitalised."""
    written = [str(title) for title in annotator_data("titles", (language,)).get("ranks", [])]
    capitalised = [" ".join(word[:1].upper() + word[1:] for word in title.split()) for title in written]
    return frozenset(tuple(token.text for token in tokenise(title)) for title in (*written, *capitalised))


def _heads(language: str, data: Mapping[str, Any]) -> _Heads | None:
    kinds: dict[tuple[str, ...], EntityType] = {}
    for kind, heads in data.get("types", {}).items():
        if kind not in _TYPES:
            raise ValueError(f"entities/{language}.toml: unknown entity type {kind!r} in [heads.types]")
        for head in heads:
            kinds[tuple(token.text for token in tokenise(head))] = kind
    if not kinds:
        return None
    return _Heads(
        kinds=kinds,
        longest=max(len(head) for head in kinds),
        starts=frozenset(head[0] for head in kinds),
        stops=frozenset(data.get("stops", ())),
    )


def _alternation(names: list[str]) -> str:
    """`names` as one regex alternation, grouped by first character (the same matches as a flat
    'a|b|c' in the same order, without trying every name at every position)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
        for first, rests in groups.items()
    )


def open_tagger(name: str) -> Any:
    """The CRF tagger in `warta/enrich/models/<name>`, freshly opened (a tagger's `tag()` changes
    its own state: one tagger belongs to one recogniser, never to the whole process)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("warta.enrich") / "models" / name) as path:
        tagger.open(str(path))
    return tagger


class EntityRecogniser:
    """Finds entities in paragraphs; opens each model it needs once, when first needed, and
    keeps it to itself (the `Enricher` keeps one recogniser)."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self._taggers: dict[str, Any] = {}

    def tagger(self, name: str) -> Any:
        """This recogniser's CRF tagger of model `name`, opened on first use."""
        tagger = self._taggers.get(name)
        if tagger is None:
            tagger = self._taggers[name] = open_tagger(name)
        return tagger

    def find(self, paragraphs: Sequence[str], context: EnrichContext) -> list[Entity]:
        """Entities of `paragraphs`, in reading order, each with its canonical name."""
        language = context.language if context.language in self.languages else None
        if language is None:
            if not self.languages:
                return []
            language = self.languages[0]
        known = _language(language)
        tokens = [tokenise(text) for text in paragraphs]
        if known.rules is not None:  # what the rules ask of the whole article
            lowercase, article = _lowercase_words(tokens), "\n".join(paragraphs)
        found: list[_Span] = []
        for index, text in enumerate(paragraphs):
            candidates = list(_alias_spans(index, text, known))
            if known.model is not None:
                candidates += _model_spans(index, text, tokens[index], known, self.tagger(known.model))
                if index == 0:
                    candidates = _with_capital_dateline(candidates, tokens[index], text, known)
            if known.rules is not None:
                scene = _scene(tokens[index], known.rules, lowercase, article)
                candidates = _in_context(candidates, tokens[index], known.rules, scene)
                candidates += _rule_spans(index, tokens[index], known, known.rules, scene)
            if known.heads is not None:
                candidates = _with_heads(candidates, _head_spans(index, tokens[index], known.heads))
            found += _without_initials(
                _without_degrees(_resolve(candidates, text), text, known.degrees), tokens[index], known
            )
        found = _with_name_parts(found, paragraphs, tokens, known.short_family_names)
        return _named(found, paragraphs, known)


def _without_initials(spans: list[_Span], tokens: list[Token], known: _Language) -> list[_Span]:
    """`spans` but those right after a word that introduces a person's initials ('tersangka
    berinisial AS': AS is no United States)."""
    if not known.initials_before:
        return spans
    before = {token.start: tokens[i - 1].text.lower() for i, token in enumerate(tokens) if i}
    return [span for span in spans if before.get(span.start) not in known.initials_before]


def _alias_spans(index: int, text: str, known: _Language) -> Iterable[_Span]:
    if known.pattern is None:
        return
    for match in known.pattern.finditer(text):
        canonical, kind = known.aliases[match.group()]
        yield _Span(index, match.start(), match.end(), kind, canonical, "gazetteer")


def _with_heads(candidates: list[_Span], headed: list[_Span]) -> list[_Span]:
    """`candidates` and the spans opened by heads: a head decides the type of a span the tagger
    or the rules found the same (the alias table still wins its own names)."""
    taken = {(span.start, span.end) for span in headed}
    return [c for c in candidates if c.source == "gazetteer" or (c.start, c.end) not in taken] + headed


def _head_spans(index: int, tokens: list[Token], heads: _Heads) -> list[_Span]:
    """Names opened by a head ('Piala' + 'Asia 2027'): the head, the capitalised words after it
    up to a stop word, and a number that ends the name ('Liga 1'; not the day of a date: 'Piala
    FA 11 Maret')."""
    spans: list[_Span] = []
    i = 0
    while i < len(tokens):
        size = 0
        if tokens[i].text in heads.starts:
            size = next(
                (
                    n
                    for n in range(min(heads.longest, len(tokens) - i), 0, -1)
                    if tuple(token.text for token in tokens[i : i + n]) in heads.kinds
                ),
                0,
            )
        if not size:
            i += 1
            continue
        end = i + size
        while end < len(tokens) and _is_name_word(tokens[end].text) and tokens[end].text not in heads.stops:
            end += 1
        number = end < len(tokens) and tokens[end].text.isdigit() and len(tokens[end].text) <= 4
        if number and not (end + 1 < len(tokens) and _is_name_word(tokens[end + 1].text)):
            end += 1
        if end > i + size:
            kind = heads.kinds[tuple(token.text for token in tokens[i : i + size])]
            spans.append(_Span(index, tokens[i].start, tokens[end - 1].end, kind, None, "rule"))
        i = max(end, i + 1)
    return spans


def _model_spans(index: int, text: str, tokens: list[Token], known: _Language, tagger: Any) -> list[_Span]:
    if not tokens:
        return []
    words = [token.text for token in tokens]
    tags: list[str] = []
    for begin, end in sentence_ranges(text, tokens, known.titles):  # the tagger learned on sentences
        tags += tagger.tag(sentence_features(words[begin:end], known.gazetteer))
    cased = any(c.isupper() for c in text)
    spans: list[_Span] = []
    for begin, end, kind in bio_spans(tags):
        # in cased text a name has a capital: the lowercased training corpus (NERP) taught
        # the model lowercase names ('as' for Amerika Serikat) that cased news never means
        if not cased or any(c.isupper() for token in tokens[begin:end] for c in token.text):
            spans += _tagged_spans(index, tokens, begin, end, cast(EntityType, kind), known)
    return spans


def _abbreviation(word: str, titles: frozenset[tuple[str, ...]]) -> bool:
    """A word a full stop after does not end a sentence after: a title ('Dr. Budi', 'H. Ahmad')."""
    return (word, ".") in titles or (word,) in titles


def sentence_ranges(
    text: str, tokens: Sequence[Token], titles: frozenset[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """The token ranges of a paragraph's sentences (`text.sentence_starts`; `titles`, the language's,
    are abbreviations). Tagging a paragraph whole costs the tagger, trained on single sentences, up to
    0.9 points of F1 (bench: NER corpora's test sentences joined four to a paragraph)."""
    starts = [token.start for token in tokens]
    bounds = [
        bisect_left(starts, start) for start in sentence_starts(text, partial(_abbreviation, titles=titles))
    ]
    edges = [0, *dict.fromkeys(bound for bound in bounds if 0 < bound < len(tokens)), len(tokens)]
    return list(pairwise(edges))


def _tagged_spans(
    index: int, tokens: list[Token], begin: int, end: int, kind: EntityType, known: _Language
) -> list[_Span]:
    """The spans of a tagged run tokens[begin:end], split where it crosses a separator (a
    dateline's dash: 'KOMPAS.com - Gubernur ...'). A person's titles are cut off before the
    name; any other entity ends before a title ('Gubernur Jawa Barat' is no organisation)."""
    spans: list[_Span] = []
    part = begin
    if kind != "person" and _after_rank(tokens, begin, end, kind, known):
        kind = "person"  # 'Menkeu Purbaya Yudhi Sadewa' tagged a place: a rank's name is a person's
    for i in range(begin, end + 1):
        if i < end and tokens[i].text not in _SEPARATORS:
            continue
        first, last = part, i
        if kind == "person":
            name = _after_titles(tokens, first, last, known)
            if name > first or _title_ends_at(tokens, first, known):
                office = _office_place(tokens, name, last, known)  # 'Bupati Sleman Harda Kiswaya'
                if office:  # and a rank after the office's body: 'Polda Metro Jaya Kombes Ade Ary'
                    name = _after_titles(tokens, name + office, last, known)
            first = name
        else:
            last = next((j for j in range(first, last) if _title_at(tokens, j, last, known)), last)
            joined = _known_names_joined(tokens, first, last, known)
            if joined is not None:  # 'Basarnas dan peneliti ITB': two names, not one
                spans += [
                    _Span(index, tokens[a].start, tokens[b - 1].end, t, None, "model") for a, b, t in joined
                ]
                first = last
        if first < last:
            spans.append(_Span(index, tokens[first].start, tokens[last - 1].end, kind, None, "model"))
        part = i + 1
    return spans


def _after_rank(tokens: list[Token], begin: int, end: int, kind: EntityType, known: _Language) -> bool:
    """Whether the tagged run tokens[begin:end] of capitalised words follows a rank at once
    ('Menkeu Purbaya Yudhi Sadewa'; not 'Gubernur Jawa Barat': an office; not 'Presiden Amerika
    Serikat': a known name, with no two words of a name after it)."""
    if not 2 <= end - begin <= 6 or not all(_is_name_word(token.text) for token in tokens[begin:end]):
        return False
    if " ".join(token.text for token in tokens[begin:end]) in known.aliases:
        return False
    head = _known_size(tokens, begin, end, known, from_end=False)
    if head is not None:
        rest = begin + head[0]
        if not 2 <= end - rest <= 4 or _known_size(tokens, rest, end + 1, known, from_end=False):
            return False  # ('Presiden Amerika Serikat', 'Ketua Partai Golkar Sumatera Barat', 'DPD Partai Demokrat Bali')
    elif kind != "place":
        return (
            False  # a rank's tagged organisation may be the office's body ('Sekjen Partai Nasional Demokrat')
        )
    # after an office, only its known body and the holder's name ('Ketua Umum Partai Golkar Bahlil
    # Lahadalia'); after a rank, a name tagged a place ('Menkeu Purbaya Yudhi Sadewa')
    titles = known.titles if head is not None else known.ranks
    return any(
        tuple(token.text for token in tokens[i:begin]) in titles
        for i in range(max(0, begin - known.longest_title), begin)
    )


def _known_names_joined(
    tokens: list[Token], begin: int, end: int, known: _Language
) -> list[tuple[int, int, EntityType]] | None:
    """tokens[begin:end] as two known names with only lower-case words between them ('Basarnas dan
    peneliti ITB', 'BI serta OJK'): the two names' token ranges and types; None otherwise. A name's
    own lower-case joiner stays inside it ('Badan Pencarian dan Pertolongan' opens with no known name)."""
    head = _known_size(tokens, begin, end, known, from_end=False)
    tail = _known_size(tokens, begin, end, known, from_end=True)
    if head is None or tail is None or begin + head[0] >= end - tail[0]:
        return None
    if any(c.isupper() for token in tokens[begin + head[0] : end - tail[0]] for c in token.text):
        return None
    return [(begin, begin + head[0], head[1]), (end - tail[0], end, tail[1])]


def _known_size(
    tokens: list[Token],
    begin: int,
    end: int,
    known: _Language,
    *,
    from_end: bool,
    types: frozenset[EntityType] | None = None,
) -> tuple[int, EntityType] | None:
    """(words, type) of the longest known name (of one of `types`, if given) opening (or,
    `from_end`, closing) tokens[begin:end], short of the whole run."""
    for size in range(min(_PLACE_WORDS, end - begin - 1), 0, -1):
        words = tokens[end - size : end] if from_end else tokens[begin : begin + size]
        alias = known.aliases.get(" ".join(token.text for token in words))
        if alias is not None and (types is None or alias[1] in types):
            return size, alias[1]
    return None


def _after_titles(tokens: list[Token], begin: int, end: int, known: _Language) -> int:
    """The first token of tokens[begin:end] after its last title: 'Presiden Joko Widodo' and
    'Kapolda Metro Jaya Irjen Karyoto' (an office, then a rank) give the name alone."""
    name = begin
    i = begin
    while i < end:
        size = _title_at(tokens, i, end, known)
        if size:
            name = i = i + size
        else:
            i += 1
    return name


def _title_ends_at(tokens: list[Token], end: int, known: _Language) -> bool:
    """Whether a title ends right before tokens[end] ('Bupati' before 'Sleman Harda Kiswaya')."""
    return any(
        _title_at(tokens, i, end, known) == end - i for i in range(max(0, end - known.longest_title), end)
    )


def _office_place(tokens: list[Token], begin: int, end: int, known: _Language) -> int:
    """The length of a known place or organisation opening tokens[begin:end] right after an office,
    where a name follows it: the office's place or body ('Bupati Sleman Harda Kiswaya', 'Gubernur
    Jawa Timur Khofifah', 'Gubernur BI Perry Warjiyo'); 0 where there is none, or nothing after it
    ('Bupati Sleman' is no name)."""
    found = _known_size(tokens, begin, end, known, from_end=False, types=_OFFICE_BODIES)
    return found[0] if found is not None else 0


_OFFICE_BODIES: frozenset[EntityType] = frozenset({"place", "organisation"})


def _title_at(tokens: list[Token], i: int, end: int, known: _Language) -> int:
    """The length of the longest title starting at tokens[i] (0 for none)."""
    if tokens[i].text not in known.title_starts:
        return 0
    for size in range(min(known.longest_title, end - i), 0, -1):
        if tuple(token.text for token in tokens[i : i + size]) in known.titles:
            return size
    return 0


def _rule_spans(
    index: int, tokens: list[Token], known: _Language, rules: _Rules, scene: _Scene
) -> list[_Span]:
    """Capitalised sequences, cut at titles, typed by the cues of the language's data; a
    dateline's place first ('ROTTERDAM (Reuters) -')."""
    spans: list[_Span] = []
    i = _dateline_end(tokens, known, rules)
    if i:
        place = " ".join(token.text for token in tokens[:i])
        canonical = place.title() if place.isupper() else None  # ('HARBOUR CITY' is Harbour City)
        spans.append(_Span(index, tokens[0].start, tokens[i - 1].end, "place", canonical, "rule"))
        agency = _dateline_agency(tokens, i)
        if agency is not None:
            spans.append(
                _Span(index, tokens[agency[0]].start, tokens[agency[1] - 1].end, "organisation", None, "rule")
            )
            i = agency[1] + 1
    while i < len(tokens):
        if not _name_word(tokens[i].text, rules):
            i += 1
            continue
        end = _run_end(tokens, i, rules)
        spans += _typed_runs(index, tokens, i, end, known, rules, scene)
        i = end
    return spans


def _with_capital_dateline(
    candidates: list[_Span], tokens: list[Token], text: str, known: _Language
) -> list[_Span]:
    """`candidates` with the place of an upper-case dateline opening the article ('TAKENGON -',
    'BANDA ACEH, WARTA.com -') instead of whatever the tagger made of those words (it reads an
    unknown town in capitals as an organisation); not an alias of something else ('KPK -')."""
    end = 0
    while end < min(len(tokens), 4) and tokens[end].text.isupper() and tokens[end].text.isalpha():
        end += 1
    if not end or end >= len(tokens) or tokens[end].text not in _DATELINE_AFTER:
        return candidates
    if tokens[end].text in (",", "(") and not _dash_within(tokens, end + 1, _DATELINE_REACH):
        return candidates  # a body in capitals opening a sentence: 'PPATK, Kamis lalu, mengungkap'
    first, last = tokens[0].start, tokens[end - 1].end
    name = text[first:last]
    alias = known.aliases.get(name) or known.aliases.get(name.title())
    if last - first < 3 or (alias is not None and alias[1] != "place"):
        return candidates
    spans = [_Span(0, first, last, "place", alias[0] if alias is not None else name.title(), "rule")]
    if tokens[end].text == ",":  # 'SEMARANG, WARTAJATENG -': the outlet
        dash = next((j for j in range(end + 2, min(end + 6, len(tokens))) if tokens[j].text in _DASHES), 0)
        outlet = text[tokens[end + 1].start : tokens[dash - 1].end] if dash else ""
        if outlet[:1].isupper() and not any(token.text.isdigit() for token in tokens[end + 1 : dash]):
            spans.append(_Span(0, tokens[end + 1].start, tokens[dash - 1].end, "organisation", None, "rule"))
    last = spans[-1].end
    return spans + [c for c in candidates if c.start >= last or c.end <= first]


def _dash_within(tokens: list[Token], begin: int, reach: int) -> bool:
    """Whether a dash comes within `reach` tokens from tokens[begin] (a dateline's outlet or date
    before its dash: 'JAKARTA, KOMPAS.com -', 'JAKARTA, Kamis (28/11) -', 'BOGOR (ANTARA) -')."""
    return any(token.text in _DASHES for token in tokens[begin : begin + reach])


def _dateline_end(tokens: list[Token], known: _Language, rules: _Rules) -> int:
    """The end of a dateline's place at the start of a paragraph: name words followed by an
    agency in brackets and a dash ('ROTTERDAM (Reuters) -'), or a place in capitals or a known
    place followed by a dash ('LAGOS -'); 0 for none."""
    end = 0
    while end < len(tokens) and _name_word(tokens[end].text, rules):
        end += 1
    if not end or end >= len(tokens) or end > 4:
        return 0
    words = [token.text for token in tokens[:end]]
    following = tokens[end].text
    if following == "(":
        close = next((j for j in range(end + 1, min(end + 8, len(tokens))) if tokens[j].text == ")"), 0)
        if close and close + 1 < len(tokens) and tokens[close + 1].text in _DASHES:
            return end
        return 0
    name = " ".join(words)
    alias = known.aliases.get(name.title() if name.isupper() else name)
    known_place = alias is not None and alias[1] == "place"
    if not (known_place or (name.isupper() and len(name) > 2)) or (alias is not None and not known_place):
        return 0  # (an acronym the data names as something else opens a sentence: 'NASA, ... -')
    if following in _DASHES:
        return end
    # 'HARBOUR CITY, March 1 (Global Wire) -': a date, maybe an agency, then the dash
    if following == "," and _dash_within(tokens, end + 1, _DATELINE_REACH):
        return end
    return 0


def _dateline_agency(tokens: list[Token], place_end: int) -> tuple[int, int] | None:
    """The tokens [begin, end) of the agency in brackets right before a dateline's dash
    ('ROTTERDAM (Reuters) -', 'LAGOS, March 1 (Global Wire) -'); None where the brackets hold
    a date ('(28/11)') or no capitalised name."""
    dash = next(
        (
            j
            for j in range(place_end, min(place_end + _DATELINE_REACH + 1, len(tokens)))
            if tokens[j].text in _DASHES
        ),
        0,
    )
    if dash < place_end + 3 or tokens[dash - 1].text != ")":
        return None
    opening = next((j for j in range(dash - 2, place_end - 1, -1) if tokens[j].text == "("), 0)
    inside = tokens[opening + 1 : dash - 1]
    if not opening or not inside or not inside[0].text[:1].isupper():
        return None
    if any(any(ch.isdigit() for ch in token.text) for token in inside):
        return None
    return opening + 1, dash - 1


def _typed_runs(
    index: int, tokens: list[Token], begin: int, end: int, known: _Language, rules: _Rules, scene: _Scene
) -> list[_Span]:
    """Split tokens[begin:end] at titles (what follows a title is a person) and type each part."""
    spans: list[_Span] = []
    part = begin
    sentence_start = begin == 0 or tokens[begin - 1].text in _SENTENCE_END
    i = begin
    while i < end:
        size = _title_at(tokens, i, end, known)
        if size:
            spans += _typed_run(index, tokens, part, i, sentence_start and part == begin, rules, scene)
            name_end = i + size
            while (
                name_end < end
                and (
                    _name_word(tokens[name_end].text, rules) or tokens[name_end].text in rules.name_particles
                )
                and not _title_at(tokens, name_end, end, known)
            ):
                name_end += 1
            whole = [token.text for token in tokens[i:name_end]]
            if name_end > i + size and _rule_type(whole, rules) not in (None, "person"):
                i += 1  # the title word opens a name of another type ('Premier League'): no person
                continue
            if name_end > i + size:
                spans.append(
                    _Span(index, tokens[i + size].start, tokens[name_end - 1].end, "person", None, "rule")
                )
            i = part = name_end
            continue
        i += 1
    spans += _typed_run(index, tokens, part, end, sentence_start and part == begin, rules, scene)
    return spans


def _typed_run(
    index: int, tokens: list[Token], begin: int, end: int, sentence_start: bool, rules: _Rules, scene: _Scene
) -> list[_Span]:
    if sentence_start:
        # 'Shares of Siemens rose': a cue that opens the sentence is no part of the name (but a
        # name goes on over a connector: 'The Bank of Canada' is not the cue 'the bank' and 'of Canada')
        cut = next(
            (
                k
                for k in range(begin + 1, end)
                if tokens[k].text not in rules.connectors and _cue_before(tokens, k, rules)
            ),
            0,
        )
        if cut:
            return [_Span(index, tokens[cut].start, tokens[end - 1].end, "organisation", None, "rule")]
    while (
        begin < end
        and (tokens[begin].text in rules.common_words or tokens[begin].text in rules.connectors)
        and not _opens_place(tokens, begin, end, rules)
    ):
        begin, sentence_start = begin + 1, False
    if sentence_start and begin < end and _opens_sentence_only(tokens, begin, end, rules, scene):
        begin, sentence_start = begin + 1, False
    while end > begin and (tokens[end - 1].text in rules.connectors or tokens[end - 1].text == "."):
        end -= 1
    if begin >= end:
        return []
    words = [token.text for token in tokens[begin:end]]
    kind = _rule_type(words, rules)
    if kind in (None, "person") and words[0] in rules.demonyms:
        # 'Dutch Finance Minister', 'Kenyan Faith Kipyegon' (but 'American Airlines' is a name)
        while begin < end and tokens[begin].text in rules.demonyms:
            begin, sentence_start = begin + 1, False
        if begin >= end:
            return []
        words = [token.text for token in tokens[begin:end]]
        kind = _rule_type(words, rules)
    after_office = (
        begin >= 2
        and tokens[begin - 1].text in rules.of_words
        and tokens[begin - 2].text in rules.title_words
    )
    lead = _common_lead(words, rules, scene.lowercase) if kind == "person" and after_office else 0
    if lead:  # 'Head of Marketing Tom Adeyemi': the name after the office's words
        begin, words, sentence_start = begin + lead, words[lead:], False
    if kind == "person" and (_common_phrase(words, rules, scene.lowercase) or _known_head(words, rules)):
        kind = None  # 'Frequently Asked Questions', 'Risk Management', 'GitHub Copilot', 'Adobe Photoshop'
    elif kind == "organisation" and (
        _word_in_capitals(words, sentence_start, rules, scene.lowercase)
        or (len(words) == 1 and _spelled_in_lowercase(words[0], scene.article))
    ):
        kind = None  # 'do NOT', 'Group fitness classes', 'a compound annual growth rate (CAGR)'
    if len(words) == 1 and words[0] in rules.word_acronyms:
        return []  # 'AI made its way into ...': no cue makes an ordinary word's acronym a name
    if kind == "person" and _is_letter(words[-1]) and not (end < len(tokens) and tokens[end].text == "."):
        kind = None  # 'Plan B', 'Model Y', 'Vitamin D': no name ends in a bare letter (but 'Courtney C.')
    index_end = _index_end(tokens, begin, end, kind, rules)
    product = _product_span(tokens, begin, end, kind, rules) if not index_end else None
    noun_end = _product_noun_end(tokens, end, rules)
    if kind in (None, "person") and _is_team(tokens, begin, end, kind, rules, scene):
        kind = "organisation"  # 'Liverpool manager', 'beat Arsenal 2-0', 'the match against Napoli'
    elif kind is None and _is_road(tokens, begin, end, rules):
        kind = "place"  # 'the A66 between Penrith and ...'
    elif index_end:
        end, kind = index_end, "other"  # 'the FTSE 100 fell'
    elif product is not None:
        (begin, end), kind = product, "product"
    elif end < len(tokens) and tokens[end].text in rules.event_after:
        end, kind = end + 1, "event"  # 'the G20 summit', 'an APEC summit'
    elif (
        kind in (None, "person")
        and noun_end
        and " ".join(words) not in rules.organisations | rules.places  # a maker's 'Boeing jets'
    ):
        kind = "product"  # '12 A350 aircraft', 'the Europa Clipper probe', '400 737 Max jets'
        if begin and words[-1] in rules.product_words and _version_end(tokens, begin - 1) == begin:
            begin -= 1
        end = noun_end
    elif (
        kind in (None, "person")
        and begin
        and tokens[begin - 1].text in rules.product_nouns
        and " ".join(words) not in rules.organisations | rules.places
    ):
        kind = "product"  # 'its asthma drug Fasenra'
    elif kind in (None, "person") and end < len(tokens) and tokens[end].text in rules.organisation_nouns:
        kind = "organisation"  # 'the IG Metall union'
    # 'an analyst at Commerzbank' (never a person's name); 'Lufthansa said in a statement' (a
    # word with nothing else to go by: 'Maria Lopez said in a statement' stays a person)
    elif (kind in (None, "person") and _cue_before(tokens, begin, rules)) or (
        kind is None and (_cue_after(tokens, end, rules) or _its_after(tokens, begin, end, rules))
    ):
        kind = "organisation"
    elif (
        kind in (None, "person")
        and not (scene.sport or scene.scored)
        and _between_places(tokens, begin, rules)
    ):
        kind = "place"  # 'the A66 between Penrith and Scotch Corner'
    elif (kind is None or _unknown_capitals(words, kind, rules)) and _comma_place(tokens, end, rules):
        kind = "place"  # 'a plant in Kumamoto, Japan', a dateline's 'NAIROBI, Kenya (AP)'
    elif kind is None:
        # 'Fans of Sporting Lisbon': the word opening the sentence may be capitalised only for
        # that; what follows its connector can still be a name
        joint = next((k for k in range(begin + 1, end) if tokens[k].text in rules.connectors), 0)
        return (
            _typed_run(index, tokens, joint + 1, end, False, rules, scene) if sentence_start and joint else []
        )
    if sentence_start and len(words) == 1 and kind == "person":
        return []  # a lone capitalised word opening a sentence is no evidence of a name
    return [_Span(index, tokens[begin].start, tokens[end - 1].end, kind, None, "rule")]


def _unknown_capitals(words: list[str], kind: EntityType | None, rules: _Rules) -> bool:
    """Whether `words` are one word in capitals that only its shape made an organisation (no
    organisation of the alias table): 'NAIROBI' of a dateline, not 'NASA'."""
    return (
        kind == "organisation"
        and len(words) == 1
        and words[0].isupper()
        and words[0] not in rules.organisations
    )


def _in_context(candidates: list[_Span], tokens: list[Token], rules: _Rules, scene: _Scene) -> list[_Span]:
    """Alias-table names that their context gives another type: a city's club ('Liverpool
    manager', 'beat Barcelona 2-1'), a seat of power as the place ('at the White House')."""
    first = {token.start: i for i, token in enumerate(tokens)}
    after = {token.end: i + 1 for i, token in enumerate(tokens)}
    typed: list[_Span] = []
    for span in candidates:
        begin, end = first.get(span.start), after.get(span.end)
        kind: EntityType | None = None
        if span.source != "gazetteer" or begin is None or end is None:
            pass
        elif span.type == "place" and _team_after(tokens, end, rules, scene):
            kind = "organisation"
        elif (
            span.type == "organisation" and span.canonical in rules.seats and _seat_cue(tokens, begin, rules)
        ):
            kind = "place"
        if kind is None:
            typed.append(span)
        else:
            typed.append(_Span(span.paragraph, span.start, span.end, kind, None, span.source))
    return typed


def _resolve(candidates: list[_Span], text: str) -> list[_Span]:
    """Non-overlapping spans. An alias-table span stands unless a longer span holds it whole;
    a span that only overlaps one is cut back to what lies outside it ('Bank Indonesia' cuts a
    tagged 'Indonesia Perry Warjiyo' to 'Perry Warjiyo'). Otherwise the longer span wins."""
    aliases = [s for s in candidates if s.source == "gazetteer"]
    others = [s for s in candidates if s.source != "gazetteer"]
    anchors = _longest_first(
        [
            a
            for a in aliases
            if not any(
                o.start <= a.start and a.end <= o.end and o.end - o.start > a.end - a.start for o in others
            )
        ]
    )
    trimmed: list[_Span] = []
    for span in others:
        cut: _Span | None = span
        for anchor in anchors:
            if cut is None or cut.end <= anchor.start or cut.start >= anchor.end:
                continue
            if anchor.start <= cut.start and cut.end <= anchor.end:
                cut = None
            elif anchor.start <= cut.start:
                cut = _trimmed(cut, anchor.end, cut.end, text)
            elif cut.end <= anchor.end:
                cut = _trimmed(cut, cut.start, anchor.start, text)
        if cut is not None:
            trimmed.append(cut)
    return sorted(anchors + _longest_first(trimmed), key=lambda s: s.start)


def _longest_first(spans: list[_Span]) -> list[_Span]:
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), _SOURCE_RANK[s.source], s.start)):
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return kept


def _trimmed(span: _Span, start: int, end: int, text: str) -> _Span | None:
    """`span` narrowed to text[start:end] without its edge spaces and punctuation; None if no word is left."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start >= end:
        return None
    return _Span(span.paragraph, start, end, span.type, span.canonical, span.source)


_DEGREE_AFTER = re.compile(r"\s*,\s*([^\s,]+(?: [^\s,]+)?)")


def _degrees_end(text: str, end: int, degrees: frozenset[str]) -> int:
    """Where the degrees written after a name that ends at `end` end ('..., S.H., M.H.'); `end`
    when none follows. A degree is one comma-led item of one or two words."""
    while match := _DEGREE_AFTER.match(text, end):
        item = match.group(1)
        if degree_key(item) not in degrees:
            words = item.split(" ")
            if len(words) < 2 or degree_key(words[0]) not in degrees:
                break
            return end + match.group(0).index(item) + len(words[0])
        end = match.end()
    return end


def _without_degrees(spans: list[_Span], text: str, degrees: frozenset[str]) -> list[_Span]:
    """A person's degrees are not part of the name ('Indah Permatasari, S.H., M.H.' is the person
    'Indah Permatasari', whatever type the tagger gave the whole) nor names of their own ('MD' in
    'Samuel Okafor, MD')."""
    if not degrees:
        return spans
    kept: list[_Span] = []
    tail = -1  # where the last person's degrees end
    for span in spans:
        if span.start < tail:
            continue
        comma = text.find(",", span.start, span.end)
        if comma > span.start and _degrees_end(text, comma, degrees) >= span.end:
            span = _Span(span.paragraph, span.start, comma, "person", None, span.source)
        if span.type == "person":
            tail = _degrees_end(text, span.end, degrees)
        kept.append(span)
    return kept


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in tokenise(text))


def _with_name_parts(
    found: list[_Span],
    paragraphs: Sequence[str],
    tokens: list[list[Token]],
    short_family_names: frozenset[str],
) -> list[_Span]:
    """Add later mentions of a person by part of a full name found in the article ('Mulyani'
    after 'Sri Mulyani Indrawati') where no other entity covers them. A part's words have three
    letters or more, but for a two-letter family name of the data written first ('Xi' after 'Xi Jinping')."""
    parts: set[tuple[str, ...]] = set()
    for span in found:
        if span.type != "person":
            continue
        words = _name_words(paragraphs[span.paragraph][span.start : span.end])
        for size in range(1, len(words)):
            for first in range(len(words) - size + 1):
                part = words[first : first + size]
                # (not an acronym inside a name otherwise in lower case: 'SEO' of 'Screaming Frog
                # SEO Spider' is no person; 'SWIFT' of 'TAYLOR SWIFT' is)
                acronym = size == 1 and part[0].isupper() and not all(word.isupper() for word in words)
                if all(len(word) > 2 and word[:1].isupper() for word in part) and not acronym:
                    parts.add(part)
        if len(words) > 1 and words[0] in short_family_names:
            parts.add(words[:1])
    if not parts:
        return found
    found = [_as_person_part(span, paragraphs, parts) for span in found]
    lowercase = _lowercase_words(tokens)
    first_words = {part[0] for part in parts}
    longest = max(len(part) for part in parts)
    extra: list[_Span] = []
    for index, paragraph_tokens in enumerate(tokens):
        taken = [(s.start, s.end) for s in found if s.paragraph == index]
        texts = [token.text for token in paragraph_tokens]
        i = 0
        while i < len(texts):
            size = 0
            if texts[i] in first_words:
                size = next(
                    (
                        n
                        for n in range(min(longest, len(texts) - i), 0, -1)
                        if tuple(texts[i : i + n]) in parts
                    ),
                    0,
                )
            if not size:
                i += 1
                continue
            start, end = paragraph_tokens[i].start, paragraph_tokens[i + size - 1].end
            # a part followed by another capitalised word belongs to another name ('Sri Lanka')
            glued = i + size < len(texts) and _is_name_word(texts[i + size])
            # one word opening a sentence that the article also writes in lower case is that word
            # ('Data analysis is ...' after a 'Data Science' read as a name)
            opener = size == 1 and (i == 0 or texts[i - 1] in _SENTENCE_END) and texts[i].lower() in lowercase
            if not glued and not opener and all(end <= a or start >= b for a, b in taken):
                extra.append(_Span(index, start, end, "person", None, "rule"))
            i += size
    return sorted([*found, *extra], key=lambda s: (s.paragraph, s.start))


def _as_person_part(span: _Span, paragraphs: Sequence[str], parts: set[tuple[str, ...]]) -> _Span:
    """`span` as a person where the tagger gave another type to part of a person's full name of
    the article ('Guterres' read as a place at a sentence's start after 'Antonio Guterres')."""
    if span.source != "model" or span.type == "person":
        return span
    if _name_words(paragraphs[span.paragraph][span.start : span.end]) not in parts:
        return span
    return _Span(span.paragraph, span.start, span.end, "person", None, span.source)


def _named(found: list[_Span], paragraphs: Sequence[str], known: _Language) -> list[Entity]:
    """Entities with canonical names: the alias table's (also for a name in capitals, as in a
    dateline: 'JAKARTA', or a lead's first word: 'KOREA Utara'), or a person's full name within the article (which a nickname of the
    table yields to: 'Risma' after 'Risma Sari' is Risma Sari), or, for a name in capitals no
    table knows, the name of the article whose initials it spells ('GM' after 'General Motors')."""
    texts = [paragraphs[s.paragraph][s.start : s.end] for s in found]
    full_names = {
        _name_words(text): span.canonical if span.source == "gazetteer" and span.canonical else text
        for span, text in zip(found, texts, strict=True)
        if span.type == "person"
    }
    entities: list[Entity] = []
    for span, text in zip(found, texts, strict=True):
        alias = known.aliases.get(text) or known.aliases.get(_capitals_titled(text))
        if span.canonical is not None:
            canonical = span.canonical
            if span.type == "person" and span.source == "gazetteer":
                canonical = _full_name(text, full_names, canonical)
        elif span.type == "person":
            canonical = _full_name(text, full_names, text)
        else:
            canonical = alias[0] if alias is not None and alias[1] == span.type else _expanded(text, known)
        source = cast(Any, span.source)
        entities.append(Entity(text, span.type, canonical, span.paragraph, span.start, span.end, source))
    return _with_acronyms(entities)


def _capitals_titled(text: str) -> str:
    """`text` with its words in capitals title-cased ('KOREA Utara' → 'Korea Utara', 'JAKARTA' →
    'Jakarta'), where an alias may be found; '' where it has none."""
    words = text.split(" ")
    if not any(word.isupper() and len(word) > 2 for word in words):
        return ""
    return " ".join(word.title() if word.isupper() and len(word) > 2 else word for word in words)


def _initials(text: str) -> frozenset[str]:
    """What a name's initials spell: of every word, or of its capitalised words only
    ('Mohammed bin Salman' MBS, 'National Aeronautics and Space Administration' NASA)."""
    words = [word for word in _name_words(text) if word[:1].isalpha()]
    if len(words) < 2:
        return frozenset()
    every = "".join(word[0] for word in words).upper()
    capitals = "".join(word[0] for word in words if word[0].isupper())
    return frozenset(name for name in (every, capitals) if len(name) >= 2)


def _with_acronyms(entities: list[Entity]) -> list[Entity]:
    """An entity in capitals no table names ('GM', canonical 'GM') is the one name of the article
    whose initials spell it ('General Motors'): it takes that name's canonical name, and keeps its
    own type (the capitals are typed as often right as the spelled-out name). Two letters spell
    too many names by chance: they need the name in their own paragraph."""
    spelled: dict[str, set[tuple[str, int]]] = {}
    for entity in entities:
        for initials in _initials(entity.text):
            spelled.setdefault(initials, set()).add((entity.canonical, entity.paragraph))
    if not spelled:
        return entities
    out: list[Entity] = []
    for entity in entities:
        meant = {
            canonical
            for canonical, paragraph in spelled.get(entity.text, set())
            if len(entity.text) > 2 or paragraph == entity.paragraph
        }
        if entity.canonical == entity.text and entity.text.isupper() and len(meant) == 1:
            (canonical,) = meant
            entity = replace(entity, canonical=canonical)
        out.append(entity)
    return out


def _full_name(text: str, full_names: Mapping[tuple[str, ...], str], default: str) -> str:
    """The one longest person name of the article that contains `text` as a run of words (its
    canonical name); `default` when there is none or more than one."""
    words = _name_words(text)
    containing = [
        name
        for name in full_names
        if len(name) > len(words)
        and any(name[i : i + len(words)] == words for i in range(len(name) - len(words) + 1))
    ]
    widest = [
        name
        for name in containing
        if not any(len(other) > len(name) and contains(other, name) for other in containing)
    ]
    return full_names[widest[0]] if len(widest) == 1 else default


def _expanded(text: str, known: _Language) -> str:
    """`text` with the short word opening it spelled out, and the place after it by its canonical
    name ('Pemkot Surabaya' → 'Pemerintah Kota Surabaya', 'Pemprov Sulsel' → 'Pemerintah Provinsi
    Sulawesi Selatan'); a company known without its legal form by the alias table's name
    ('Microsoft Corp' → 'Microsoft'); `text` itself where it opens with no such word or is nothing but it."""
    base, _, suffix = text.rpartition(" ")
    if suffix in known.legal_suffixes and (alias := known.aliases.get(base)) and alias[1] == "organisation":
        return alias[0]
    short, _, rest = text.partition(" ")
    full = known.expansions.get(short)
    if full is None or not rest:
        return text
    alias = known.aliases.get(rest)
    return f"{full} {alias[0] if alias is not None and alias[1] == 'place' else rest}"
