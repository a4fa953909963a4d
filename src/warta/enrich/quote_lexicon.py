"""The words of quoting (`enrich/data/quotes/<language>.toml`, with the title lists of
`enrich/data/titles/<language>.toml` that the entities annotator reads too), and the tokens a
paragraph is read in against them. Shared by `quotes` (the quoted spans) and `speakers` (who
said them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.enrich.data import annotator_data
from warta.enrich.text import NEVER

_TOKEN = re.compile(r"\S+")
EDGE_PUNCT = "\"'“”‘’«»„()[]{}.,;:!?…"


@dataclass(frozen=True, slots=True, eq=False)  # (one per language set, cached: hashed by identity)
class QuoteLexicon:
    """The words of quoting for a set of languages (lowercased)."""

    closers: dict[str, str]  # opening mark -> closing mark
    opener: re.Pattern[str]  # an opening mark: at a word's start, before a non-space
    verbs: frozenset[str]
    pronoun_verbs: frozenset[str]
    pronouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    stop_words: frozenset[str]
    determiners: frozenset[str]
    definite: frozenset[str]  # 'the' of 'the senator said': a title standing for the person named before
    ranks: frozenset[tuple[str, ...]]
    offices: frozenset[tuple[str, ...]]
    longest_title: int
    descriptors: frozenset[str]
    non_names: frozenset[str]
    name_particles: frozenset[str]  # lowercase words inside a name ('de' in 'Pieter de Vries')
    name_prefixes: tuple[str, ...]  # a name word's lowercase start ('al-' in 'al-Rashid')
    adverbs: frozenset[str]
    apposed_offices: frozenset[tuple[str, ...]]  # 'Kepala Puskesmas X, Hendra': the name after the comma
    party_tags: tuple[str, ...]  # a tag's start after a name ('R-' in 'Sen. X, R-Ohio'): no name
    places: frozenset[tuple[str, ...]]  # the entities annotator's place names ('Sleman')
    longest_place: int


@dataclass(frozen=True, slots=True)
class Token:
    """A run of non-space characters of a paragraph."""

    text: str
    word: str  # lowercased, edge punctuation stripped
    start: int
    end: int


@cache
def quote_lexicon(languages: tuple[str, ...]) -> QuoteLexicon:
    """The merged quote data of `languages` (built once per language set)."""
    data = annotator_data("quotes", languages)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(item).lower() for item in data.get(key, []))

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(str(item).lower().split()) for item in data.get(key, []))

    closers: dict[str, str] = {}
    for opener, closer in data.get("marks", []):
        closers.setdefault(opener, closer)
    titles = annotator_data("titles", languages)  # the entities annotator reads the same lists

    def title_phrases(*keys: str) -> frozenset[tuple[str, ...]]:
        return frozenset(
            tuple(word.strip(EDGE_PUNCT).lower() for word in str(item).split())
            for key in keys
            for item in titles.get(key, [])
        )

    ranks, offices = title_phrases("ranks", "occupations"), title_phrases("offices", "qualifiers")
    places = frozenset(  # the entities annotator's list: 'Bupati Sleman Kustini' is of Sleman
        tuple(str(place).lower().split())
        for place in annotator_data("entities", languages).get("names", {}).get("place", [])
    )
    return QuoteLexicon(
        closers=closers,
        opener=re.compile(
            "(?<![^\\s(\\[—–-])[" + re.escape("".join(closers)) + "](?=\\S)" if closers else NEVER
        ),
        verbs=words("verbs"),
        pronoun_verbs=words("pronoun_verbs"),
        pronouns=words("pronouns"),
        according_to=tuple(sorted(phrases("according_to"), key=len, reverse=True)),
        stop_words=words("stop_words"),
        determiners=words("determiners"),
        definite=words("definite"),
        ranks=ranks,
        offices=offices - ranks,
        longest_title=max((len(title) for title in ranks | offices), default=1),
        descriptors=words("descriptors"),
        non_names=words("non_names"),
        name_particles=words("name_particles"),
        name_prefixes=tuple(str(item) for item in data.get("name_prefixes", [])),
        adverbs=words("adverbs"),
        apposed_offices=phrases("apposed_offices"),
        party_tags=tuple(str(item) for item in data.get("party_tags", [])),
        places=places,
        longest_place=max((len(place) for place in places), default=1),
    )


def tokenise(text: str, start: int, end: int) -> list[Token]:
    """The tokens of `text[start:end]`, with their offsets in `text`."""
    out: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group().strip(EDGE_PUNCT).lower()
        out.append(Token(match.group(), word, match.start(), match.end()))
    return out
