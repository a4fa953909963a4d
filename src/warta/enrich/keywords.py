"""Keywords: what an article is about, from the article alone (no corpus).

A YAKE-like statistic (Campos et al., 2020) over the body: each word is scored from how
often it occurs, how early, in how many sentences, how often capitalised mid-sentence and
how many different neighbours it has (a word beside everything is a function word the
stopword list missed). Candidates are runs of 1-3 words inside one clause that neither start
nor end with a stopword, a quote verb ('kata', 'said'), a calendar word or a unit (the language's
`enrich/data/keywords/<lang>.toml`), plus the entities found earlier, under their canonical
name. The title's words count double. A candidate's score is the product of its words'
scores over its frequency (lower is better, as in YAKE); the published score is the best
candidate's over each one's on a log scale, `1 / (1 + ln(score / best))`, so the first
keyword scores 1.0 and the rest fall in (0, 1]: 0.5 is e times less telling than the first.

Near-duplicates: a phrase inside a higher-ranked keyword ('beras' under 'harga beras') is
kept only where it mostly stands on its own (at least half of its occurrences outside the
longer phrase); a phrase holding a higher-ranked keyword is kept (it says more).

    >>> from warta.enrich import EnrichContext
    >>> context = EnrichContext(("en",), "en", None, "Flood closes Semarang port")
    >>> [k.text for k in find_keywords(["Flood water closed the Semarang port on Monday.",
    ...     "The Semarang port handles most of the region's rice."], context, [])][:2]
    ['Semarang port', 'Flood']
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from statistics import median
from typing import TYPE_CHECKING, NamedTuple

from warta.enrich.data import annotator_data
from warta.enrich.text import contains
from warta.enrich.types import Entity, Keyword

if TYPE_CHECKING:
    from warta.enrich import EnrichContext

TOP = 10
MAX_WORDS = 3
TITLE_WEIGHT = 0.5  # a title word's score is multiplied by this (lower is better)

_TOKEN = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]")
_DASH = re.compile(r"\s[-–—]\s")


class _Token(NamedTuple):
    key: str  # lowercased
    surface: str
    sentence: int  # index over the whole body
    clause: int  # index over the whole body: candidates never cross a clause
    starts_sentence: bool


@dataclass(slots=True)
class _WordStats:
    count: int = 0
    capitalised: int = 0  # capitalised or all caps away from a sentence start
    sentences: list[int] = field(default_factory=list)
    # Telling words beside it in its clause: how many times, how many different ones.
    left: int = 0
    right: int = 0
    lefts: set[str] = field(default_factory=set)
    rights: set[str] = field(default_factory=set)


@cache
def _stopwords(languages: tuple[str, ...]) -> frozenset[str]:
    data = annotator_data("keywords", languages)
    lists = ("stopwords", "quote_verbs", "calendar", "measures")
    words = [word for name in lists for word in data.get(name, [])]
    return frozenset(word.lower() for word in words)


@cache
def _clitics(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Word endings cut off ("'s"), longest first."""
    endings = annotator_data("keywords", languages).get("clitics", [])
    return tuple(sorted((ending.lower() for ending in endings), key=len, reverse=True))


@cache
def _joiners(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word.lower() for word in annotator_data("keywords", languages).get("joiners", []))


def find_keywords(
    paragraphs: Sequence[str], context: EnrichContext, entities: Sequence[Entity]
) -> list[Keyword]:
    """The article's `TOP` keywords, most telling first, scores in (0, 1] descending."""
    # The article's own language's stopwords ("jam" is an Indonesian one, and a traffic jam's
    # word in English); all of them where its language is not known.
    own = (context.language,) if context.language in context.languages else context.languages
    stop = _stopwords(own) | _site_words(context.site)
    clitics = _clitics(context.languages)
    tokens = _tokenise(paragraphs, clitics)
    if not tokens:
        return []
    stats = _word_stats(tokens, stop)
    title_keys = tuple(token.key for token in _tokenise([context.title or ""], clitics))
    title = set(title_keys) - stop
    title_phrases = {
        title_keys[start : start + size]
        for size in range(2, MAX_WORDS + 1)
        for start in range(len(title_keys) - size + 1)
    }
    word_score = _word_scores(stats, len({token.sentence for token in tokens}), title)
    occurrences = _candidates(tokens, stop, _joiners(context.languages))
    names: dict[tuple[str, ...], str] = {}  # entity candidates: their canonical name
    mentions: Counter[tuple[str, ...]] = Counter()
    for entity in entities:
        key = tuple(token.key for token in _tokenise([entity.canonical], clitics))
        if key and not all(word in stop for word in key):
            names.setdefault(key, entity.canonical)
            mentions[key] += 1
            # (The canonical name speaks for a mention written otherwise: 'Korut' is 'Korea Utara'.)
            written = tuple(token.key for token in _tokenise([entity.text], clitics))
            if written != key:
                occurrences.pop(written, None)
    neutral = median(word_score.values()) if word_score else 1.0
    scored: list[tuple[float, tuple[str, ...]]] = []
    for key in occurrences.keys() | names.keys():
        begins = occurrences.get(key, [])
        frequency = max(len(begins), mentions[key])
        if key not in names and not _recurs(key, begins, tokens, title_phrases, stop):
            continue
        words = [word_score.get(word, neutral) for word in key if word not in stop]
        scored.append((math.prod(words) / (frequency * (1.0 + sum(words))), key))
    scored.sort()
    chosen = _without_near_duplicates(scored, occurrences)
    if not chosen:
        return []
    best = chosen[0][0]
    return [
        Keyword(
            text=_surface(key, occurrences.get(key, []), tokens) or names[key],
            score=round(1.0 / (1.0 + math.log(score / best)), 4) if best > 0 else 1.0,
        )
        for score, key in chosen
    ]


def _recurs(
    key: tuple[str, ...],
    begins: list[int],
    tokens: list[_Token],
    title: set[tuple[str, ...]],
    stop: frozenset[str],
) -> bool:
    """Whether a phrase of several words is one, not words that met once: it occurs twice, or
    in the title, or is written as a name (its telling words capitalised mid-sentence)."""
    if len(key) == 1 or len(begins) >= 2 or key in title:
        return True
    run = tokens[begins[0] : begins[0] + len(key)]
    return not run[0].starts_sentence and all(
        token.surface[:1].isupper() for token in run if token.key not in stop
    )


def _surface(key: tuple[str, ...], begins: list[int], tokens: list[_Token]) -> str | None:
    """The phrase as the article writes it most, a sentence start's capital weighing little."""
    weights: dict[str, float] = {}
    for begin in begins:
        run = tokens[begin : begin + len(key)]
        surface = " ".join(token.surface for token in run)
        weights[surface] = weights.get(surface, 0.0) + (0.1 if run[0].starts_sentence else 1.0)
    return max(weights, key=weights.__getitem__) if weights else None


def _site_words(site: str | None) -> frozenset[str]:
    """The site's own name is in every article of it and about none ('kompas', 'com')."""
    if not site:
        return frozenset()
    return frozenset(part for part in re.split(r"[\W_]+", site.lower()) if part) | {site.lower()}


def _tokenise(paragraphs: Sequence[str], clitics: tuple[str, ...] = ()) -> list[_Token]:
    """Words with their sentence and clause: punctuation between two words ends a clause, a
    full stop, question or exclamation mark a sentence, a clitic cut off a word's end too
    ("Kenya's Daniel Kiprotich": 'Kenya', then 'Daniel Kiprotich'); a paragraph's opening
    dateline ('JAKARTA, KOMPAS.com - ') is left out."""
    tokens: list[_Token] = []
    sentence = clause = -1
    for index, paragraph in enumerate(paragraphs):
        text = paragraph[_dateline_end(paragraph) :] if index == 0 else paragraph
        sentence += 1
        clause += 1
        new_sentence = True
        previous_end = 0
        for match in _TOKEN.finditer(text):
            gap = text[previous_end : match.start()]
            if previous_end and gap.strip():
                clause += 1
                if _SENTENCE_END.search(gap):
                    sentence += 1
                    new_sentence = True
            surface = match.group()
            key = surface.lower()
            clitic = ""
            if clitics and key.endswith(clitics):
                clitic = next(c for c in clitics if key.endswith(c))
                if len(clitic) < len(key):
                    surface, key = surface[: -len(clitic)], key[: -len(clitic)]
            tokens.append(_Token(key, surface, sentence, clause, new_sentence))
            new_sentence = False
            previous_end = match.end()
            clause += bool(clitic)
    return tokens


def _dateline_end(paragraph: str) -> int:
    """Where an opening dateline ends: a dash within the first 60 characters preceded only by
    capitalised words and numbers ('JAKARTA, KOMPAS.com -', 'LONDON, March 1 (Reuters) -'), else 0."""
    dash = _DASH.search(paragraph, 0, 60)
    if dash is None:
        return 0
    words = _TOKEN.findall(paragraph[: dash.start()])
    if words and len(words) <= 6 and all(word[:1].isupper() or word.isdigit() for word in words):
        return dash.end()
    return 0


def _word_stats(tokens: list[_Token], stop: frozenset[str]) -> dict[str, _WordStats]:
    stats: dict[str, _WordStats] = defaultdict(_WordStats)
    for position, token in enumerate(tokens):
        if token.key in stop or not token.key[:1].isalpha():
            continue
        word = stats[token.key]
        word.count += 1
        if not token.starts_sentence and token.surface[:1].isupper():
            word.capitalised += 1
        word.sentences.append(token.sentence)
        # (Neighbours that are stopwords say nothing: every noun has 'the' and 'yang' beside it.)
        before = tokens[position - 1] if position else None
        after = tokens[position + 1] if position + 1 < len(tokens) else None
        if before is not None and before.clause == token.clause and before.key not in stop:
            word.left += 1
            word.lefts.add(before.key)
        if after is not None and after.clause == token.clause and after.key not in stop:
            word.right += 1
            word.rights.add(after.key)
    return stats


def _word_scores(stats: dict[str, _WordStats], sentences: int, title: set[str]) -> dict[str, float]:
    """YAKE's word score: relatedness x position / (casing + frequency + spread), lower is better.
    Two departures for short news: position is the first sentence the word is in (a news lead
    names its topic), not the median; relatedness counts telling neighbours beyond the first
    (with a handful of occurrences, one neighbour each time is no sign of a function word).
    """
    if not stats:
        return {}
    counts = [word.count for word in stats.values()]
    mean = sum(counts) / len(counts)
    spread = math.sqrt(sum((count - mean) ** 2 for count in counts) / len(counts))
    most = max(counts)
    scores: dict[str, float] = {}
    for key, word in stats.items():
        casing = word.capitalised / (1.0 + math.log(word.count))
        position = math.log(math.log(3.0 + word.sentences[0]))
        frequency = word.count / (mean + spread)
        variety = _variety(len(word.lefts), word.left) + _variety(len(word.rights), word.right)
        related = 1.0 + variety * word.count / most
        different = len(set(word.sentences)) / max(sentences, 1)
        score = related * position / (casing + frequency / related + different / related)
        scores[key] = score * (TITLE_WEIGHT if key in title else 1.0)
    return scores


def _variety(distinct: int, total: int) -> float:
    return (distinct - 1) / (total - 1) if total > 1 else 0.0


def _candidates(
    tokens: list[_Token], stop: frozenset[str], inner: frozenset[str]
) -> dict[tuple[str, ...], list[int]]:
    """Every run of 1-`MAX_WORDS` words in one clause whose ends are telling words and whose
    inside holds only telling words and joiners, with where each occurrence begins. A name is
    not cut before its end: 'Stadion Gelora Bung' of 'Stadion Gelora Bung Karno' is none."""
    occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
    telling = [_telling(token.key, stop) for token in tokens]
    count = len(tokens)
    for begin, first in enumerate(tokens):
        if not telling[begin]:
            continue
        for end in range(begin, min(begin + MAX_WORDS, count)):
            last = tokens[end]
            if last.clause != first.clause:
                break
            if not telling[end]:
                if last.key not in inner:
                    break  # (only the language's joiners sit inside a keyword: 'Bank of England')
                continue
            if end + 1 < count and telling[end + 1] and _name_goes_on(last, tokens[end + 1]):
                continue
            occurrences[tuple(token.key for token in tokens[begin : end + 1])].append(begin)
    return occurrences


def _name_goes_on(last: _Token, following: _Token) -> bool:
    return following.clause == last.clause and last.surface[:1].isupper() and following.surface[:1].isupper()


def _telling(key: str, stop: frozenset[str]) -> bool:
    """A word that may start or end a keyword: not a stopword, not a number, not one letter."""
    return key not in stop and len(key) > 1 and key[:1].isalpha()


def _without_near_duplicates(
    scored: list[tuple[float, tuple[str, ...]]], occurrences: dict[tuple[str, ...], list[int]]
) -> list[tuple[float, tuple[str, ...]]]:
    chosen: list[tuple[float, tuple[str, ...]]] = []
    for score, key in scored:
        if len(chosen) == TOP:
            break
        holders = [kept for _, kept in chosen if len(kept) > len(key) and contains(kept, key)]
        if holders and not _stands_alone(key, holders, occurrences):
            continue
        chosen.append((score, key))
    return chosen


def _stands_alone(
    key: tuple[str, ...], holders: list[tuple[str, ...]], occurrences: dict[tuple[str, ...], list[int]]
) -> bool:
    """Whether at least half of `key`'s occurrences lie outside every longer kept phrase."""
    begins = occurrences.get(key, [])
    if not begins:
        return False
    covered = {
        position
        for holder in holders
        for begin in occurrences.get(holder, [])
        for position in range(begin, begin + len(holder))
    }
    alone = sum(1 for begin in begins if not covered.intersection(range(begin, begin + len(key))))
    return alone * 2 >= len(begins)
