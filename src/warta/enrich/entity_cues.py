"""The cues of rule-based entity recognition (English): what a language's `[rules]` data says, and
the pure functions that read a paragraph's tokens with it. `entities` finds capitalised runs and
types them with these.

A run's type comes from its own words first (a last word: 'Stock Exchange', 'Cup', 'Index'; a
first word: 'Ministry of'; a club's head or a known place and a club word: 'Real Madrid',
'Leicester City'), then from what is around it: a cue before or after ('an analyst at', 'said in
a statement'), a product's version or model code ('Galaxy S25', 'Apple Watch Series 9'), a stock
index's number and move ('the FTSE 100 fell'), a team's role, score or result ('Liverpool manager',
'beat Arsenal 2-0'). A paragraph's `_Scene` says whether it speaks of sport.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from warta.enrich.ner_features import Token, tokenise
from warta.enrich.types import EntityType

_SENTENCE_END = frozenset({".", "!", "?", '"', "“", "”", ":", ";"})


@dataclass(frozen=True, slots=True)
class _Rules:
    """The cues of rule-based recognition, from a language's data (all as word tuples)."""

    organisation_words: frozenset[str]
    organisation_heads: frozenset[str]
    place_words: frozenset[str]
    place_heads: frozenset[str]
    club_heads: frozenset[str]  # a word opening a club's name before another name ('Real Madrid')
    club_words: frozenset[str]  # a word after a known place that makes a club ('Leicester City')
    plural_endings: tuple[str, ...]  # ... as does a plural word ('Boston Celtics') ...
    singular_endings: tuple[str, ...]  # ... not ending so ('Kansas Press')
    plural_possessives: frozenset[str]  # a plural's apostrophe inside a name ("St James' Park")
    possessives: frozenset[str]  # an unknown name's "'s" before a place's or organisation's word
    organisation_joiners: frozenset[str]  # 'and' of 'Food and Drug Administration'
    places: frozenset[str]  # the place names of the alias table (for `club_words`)
    organisations: frozenset[str]  # the organisation names of the alias table ('Apple' opens 'Apple Watch')
    title_words: frozenset[str]  # one-word titles and their plurals, people words ('Labour MPs')
    event_words: frozenset[str]
    event_after: frozenset[str]  # a lowercase word that makes the name before it an event ('G20 summit')
    product_after: frozenset[str]  # ... a product ('12 A350 aircraft', 'the Europa Clipper probe')
    product_adjectives: frozenset[str]  # a word between such a name and its noun ('Pura foldable phones')
    product_nouns: frozenset[str]  # a lowercase word right before a name that makes it a product ('drug')
    organisation_nouns: frozenset[str]  # ... an organisation ('the IG Metall union')
    of_words: frozenset[str]  # the word joining a name's head to what it is of ('of' of 'House of Commons')
    organisation_of: frozenset[str]  # a word before 'of' that makes the name an organisation ('House of')
    place_of: frozenset[str]  # ... a place ('Republic of Ireland')
    road_letters: frozenset[str]  # the letter of a road's number ('A66', 'M4')
    road_after: frozenset[str]  # a word after such a number that makes it a road ('the A66 between')
    event_codes: frozenset[str]  # the letters of a numbered event's code ('COP' of 'COP30')
    other_words: frozenset[str]  # a last word that makes a name none of the other types ('Kospi Index')
    product_before: frozenset[str]  # lowercased words before a model's name and number ('the', 'its')
    numbered: frozenset[str]  # words numbered without being products ('Chapter 11', 'Category 5')
    product_words: frozenset[
        str
    ]  # a name's last word before a version or model letter ('Series 9', 'Model Y')
    index_after: frozenset[str]  # a market word after a name and a number ('FTSE 100 fell')
    team_roles: frozenset[tuple[str, ...]]  # lowercased words after a team's name ('manager', 'fans')
    team_results: frozenset[tuple[str, ...]]  # ... and its result in a paragraph with a score ('drew')
    team_joiners: frozenset[str]  # a word joining two teams of one result ('and')
    team_before: frozenset[str]  # a word before a team's name in a sports paragraph ('against')
    sport_words: frozenset[tuple[str, ...]]  # lowercased words that make a paragraph a sports one
    seats: frozenset[str]  # organisations that are also places ('White House')
    seat_before: frozenset[tuple[str, ...]]  # lowercased words before such a name that make it the place
    organisation_pronouns: frozenset[str]  # 'its' a verb after a name
    pronoun_blockers: frozenset[str]  # words before 'its' that say nothing of the name ('said', 'and')
    connectors: frozenset[str]
    common_words: frozenset[str]
    word_acronyms: frozenset[
        str
    ]  # acronyms of ordinary words ('AI', 'API', 'CEO'): in capitals, no organisation
    word_names: frozenset[str]  # given names that are also words ('Will', 'Grace'): may open a name
    not_name_words: frozenset[str]  # heading, menu and call-to-action words: no part of a person's name
    inner_capital_prefixes: tuple[str, ...]  # name prefixes before an inner capital ('Mc' of 'McIlroy')
    organisation_words_not_alone: frozenset[str]  # organisation words no name alone ('Inc', 'Group')
    place_codes: frozenset[str]  # postal codes of states in capitals ('CA', 'NY'): places
    region_heads: frozenset[str]  # 'Southern' of 'Southern California': a place, after other types
    ordinary_words: frozenset[str]  # lower-case words that are seldom a name's (lexicon byline.common_words)
    name_particles: frozenset[str]  # lowercase words inside a personal name ('de' in 'Pieter de Vries')
    prefixed: re.Pattern[str] | None  # a name prefix and the letter after it ('al-R' in 'al-Rashid')
    demonyms: frozenset[str]  # nationality words: never (the start of) an entity
    organisation_before: frozenset[tuple[str, ...]]  # lowercased words before an organisation
    organisation_after: frozenset[tuple[str, ...]]  # ... and after one
    longest_cue: int
    prefix_starts: frozenset[str]  # the first characters of the name prefixes (a fast check)
    cue_ends: frozenset[str]  # the last words of the before-cues and the first of the after-cues
    cue_starts: frozenset[str]


def _prefixed(prefixes: Sequence[str]) -> re.Pattern[str] | None:
    if not prefixes:
        return None
    return re.compile("(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")[^\W\d_]")


def _rules(
    data: Mapping[str, Sequence[str]],
    places: frozenset[str],
    organisations: frozenset[str],
    title_words: frozenset[str],
    ordinary_words: frozenset[str] = frozenset(),
) -> _Rules:
    def words(key: str) -> frozenset[str]:
        return frozenset(data.get(key, ()))

    def cues(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(token.text for token in tokenise(cue.lower())) for cue in data.get(key, ()))

    before, after = cues("organisation_before"), cues("organisation_after")
    return _Rules(
        organisation_words=words("organisation_words"),
        organisation_heads=words("organisation_heads"),
        place_words=words("place_words"),
        place_heads=words("place_heads"),
        club_heads=words("club_heads"),
        club_words=words("club_words"),
        plural_endings=tuple(data.get("plural_endings", ())),
        singular_endings=tuple(data.get("singular_endings", ())),
        plural_possessives=words("plural_possessives"),
        possessives=words("possessives"),
        organisation_joiners=words("organisation_joiners"),
        places=places,
        organisations=organisations,
        title_words=title_words | words("people_words"),
        event_words=words("event_words"),
        event_after=words("event_after"),
        product_after=words("product_after"),
        product_adjectives=words("product_adjectives"),
        product_nouns=words("product_nouns"),
        organisation_nouns=words("organisation_nouns"),
        of_words=words("of_words"),
        organisation_of=words("organisation_of"),
        place_of=words("place_of"),
        road_letters=words("road_letters"),
        road_after=words("road_after"),
        event_codes=words("event_codes"),
        other_words=words("other_words"),
        product_before=frozenset(word.lower() for word in data.get("product_before", ())),
        numbered=words("numbered"),
        product_words=words("product_words"),
        index_after=words("index_after"),
        team_roles=cues("team_roles"),
        team_results=cues("team_results"),
        team_joiners=words("team_joiners"),
        team_before=words("team_before"),
        sport_words=cues("sport_words"),
        seats=words("seats"),
        seat_before=cues("seat_before"),
        organisation_pronouns=words("organisation_pronouns"),
        pronoun_blockers=words("pronoun_blockers"),
        connectors=words("connectors"),
        common_words=words("common_words"),
        word_acronyms=words("word_acronyms"),
        word_names=words("word_names"),
        not_name_words=words("not_name_words"),
        inner_capital_prefixes=tuple(data.get("inner_capital_prefixes", ())),
        organisation_words_not_alone=words("organisation_words_not_alone"),
        place_codes=words("place_codes"),
        region_heads=words("region_heads"),
        ordinary_words=ordinary_words,
        name_particles=words("name_particles"),
        prefixed=_prefixed(data.get("name_prefixes", ())),
        demonyms=words("demonyms"),
        organisation_before=before,
        organisation_after=after,
        longest_cue=max((len(cue) for cue in before | after), default=0),
        prefix_starts=frozenset(prefix[:1] for prefix in data.get("name_prefixes", ())),
        cue_ends=frozenset(cue[-1] for cue in before),
        cue_starts=frozenset(cue[0] for cue in after),
    )


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def _name_word(word: str, rules: _Rules) -> bool:
    """A capitalised word, or one whose capital follows a name prefix ('al-Rashid')."""
    first = word[:1]
    if first.isupper():
        return True
    if first.isdigit():
        return any(c.isupper() for c in word)
    if _CAMEL.match(word):
        return True  # 'iPhone 17'
    if first not in rules.prefix_starts or rules.prefixed is None:
        return False
    match = rules.prefixed.match(word)
    return match is not None and match.group()[-1].isupper()


def _run_end(tokens: list[Token], i: int, rules: _Rules) -> int:
    """The end of the capitalised run from tokens[i]: name words, with connectors ('of'), name
    particles ('van der') and initials' dots ('John F. Kennedy') inside it."""
    end = i + 1
    while end < len(tokens) and _continues_run(tokens, end, rules):
        end += 1
    while end > i + 1 and (
        tokens[end - 1].text in rules.connectors or tokens[end - 1].text in rules.name_particles
    ):
        end -= 1
    return end


def _continues_run(tokens: list[Token], end: int, rules: _Rules) -> bool:
    word = tokens[end].text
    if _name_word(word, rules):
        return True
    if word == ".":
        return len(tokens[end - 1].text) == 1 and tokens[end - 1].text.isupper()
    if word in rules.plural_possessives:
        # "St James' Park", "Queens' College": a place's or an organisation's word after it (not
        # "Wichita Heights' Aidan Gantenbein", "the Editors' Choice")
        before = tokens[end - 1]
        glued = tokens[end].start == before.end and before.text.endswith(rules.plural_endings)
        kinds = rules.place_words | rules.organisation_words | rules.event_words
        return glued and end + 1 < len(tokens) and tokens[end + 1].text in kinds
    if word in rules.possessives:
        return _possessive_inside(tokens, end, rules)
    if word in rules.organisation_joiners:
        return _joins_organisation(tokens, end, rules)
    if word in rules.name_particles:
        after = end + 1
        while after < len(tokens) and tokens[after].text in rules.name_particles:
            after += 1
        return after < len(tokens) and _name_word(tokens[after].text, rules)
    return word in rules.connectors and end + 1 < len(tokens) and _name_word(tokens[end + 1].text, rules)


def _known_before(tokens: list[Token], end: int, rules: _Rules) -> bool:
    """Whether the words ending at tokens[end - 1] end a known place's or organisation's name."""
    known = rules.places | rules.organisations
    return any(
        " ".join(token.text for token in tokens[end - n : end]) in known for n in range(1, min(3, end) + 1)
    )


def _possessive_inside(tokens: list[Token], end: int, rules: _Rules) -> bool:
    """Whether the possessive at tokens[end] is inside a name: glued to an unknown name and followed
    by a place's or an organisation's word ("Addenbrooke's Hospital", "St Mary's Hospital"; not
    "Britain's Parliament", "Hong Kong's Court": a known name's own thing; not a title's or a whole
    name's: "the Governor's Office", "Academy of Art University's School")."""
    before = tokens[end - 1].text
    glued = tokens[end].start == tokens[end - 1].end
    kinds = rules.place_words | rules.organisation_words
    return (
        glued
        and end + 1 < len(tokens)
        and tokens[end + 1].text in kinds
        and before not in kinds
        and before not in rules.title_words
        and not _known_before(tokens, end, rules)
    )


def _joins_organisation(tokens: list[Token], end: int, rules: _Rules) -> bool:
    """Whether the 'and' at tokens[end] joins a name to two name words that end in an
    organisation's word ('Food and Drug Administration', 'Avon and Somerset Police'; not 'the UK
    and European Union', nor 'Pfizer and BioNTech' without one, nor 'Wistron and Global Lighting
    Technologies', two companies)."""
    if end < 1 or (end >= 2 and tokens[end - 2].text == ","):
        return False  # a list's last two ('Ministry of Trade, Industry and Energy')
    names = 0
    while end + 1 + names < len(tokens) and _is_name_word(tokens[end + 1 + names].text):
        names += 1
    if names != 2 or tokens[end + 2].text not in rules.organisation_words:
        return False
    right = f"{tokens[end + 1].text} {tokens[end + 2].text}"
    if right in rules.places or right in rules.organisations:
        return False  # 'the UK and European Union'
    # a known name before 'and' only as one of two places ('Devon and Cornwall Police'; not
    # 'Germany and Deutsche Bank')
    return not _known_before(tokens, end, rules) or (
        tokens[end - 1].text in rules.places and tokens[end + 1].text in rules.places
    )


_MODEL_CODE = re.compile(r"[A-Z]\d{2,4}[a-z]?")  # the shape of a model's code: 'S25', 'A350', 'H100'


_CAMEL = re.compile(r"[a-z][A-Z][a-z]{2}")  # a brand's lowercase-first word: 'iPhone' (not 'kWh')


_SCORE = re.compile(r"\d{1,3}-\d{1,3}")  # a match score: '2-0', a basketball one: '112-98'


_EVENT_CODE = re.compile(r"([A-Z]{2,})(\d{1,3})")  # a numbered event's code: 'COP30'


_NUMBER_UNITS = frozenset({"%", "-", "–", "/", ":"})


def _product_span(
    tokens: list[Token], begin: int, end: int, kind: EntityType | None, rules: _Rules
) -> tuple[int, int] | None:
    """The tokens of a product's name over tokens[begin:end] and what follows (None for none): a
    name and a model code ('Galaxy S25', 'Airbus A350', 'its first A350'); a product word and a
    version or a model letter ('Apple Watch Series 9', 'the Model Y', 'its 737 Max'); a brand's
    lowercase-first word ('iPhone 17'); a maker of the alias table and more name words ('Apple
    Watch'); a name and a version number after a determiner ('the new Surface Pro 11') or before a
    lowercase word ('Windows 10 would'; not a year, a share or a numbered label: 'Chapter 11')."""
    words = [token.text for token in tokens[begin:end]]
    version = _version_end(tokens, end)
    if end - begin >= 2 and _MODEL_CODE.fullmatch(words[-1]):
        return begin, end
    if kind == "event":  # 'Apple Watch Series 9' (but the 'World Series')
        made = version or _maker_opens(words, rules)
        return (begin, version or end) if words[-1] in rules.product_words and made else None
    if kind not in (None, "person"):
        return None
    determined = begin > 0 and tokens[begin - 1].text.lower() in rules.product_before
    if determined and end - begin == 1 and _MODEL_CODE.fullmatch(words[0]) and _digits(words[0]) >= 3:
        return begin, end
    labelled = any(word in rules.numbered or word in rules.connectors for word in words)
    if words[-1] in rules.product_words and not labelled:
        if version and end - begin >= 2:
            return begin, version
        numbered = begin >= 2 and _version_end(tokens, begin - 1) == begin
        if numbered and tokens[begin - 2].text.lower() in rules.product_before:
            return begin - 1, end  # 'its 737 Max', 'the 3 Series'
    if len(words) >= 2 and _is_letter(words[-1]) and words[-2] in rules.product_words:
        return begin, end
    if any(_CAMEL.match(word) for word in words) and (end - begin >= 2 or version or determined):
        return begin, version or end  # 'iPad Air', 'the iPhone' (not 'traditional eCommerce')
    if _maker_opens(words, rules):
        return begin, version or end
    if not version or labelled or " ".join(words) in rules.places:
        return None
    if determined:
        return begin, version
    follower = tokens[version].text if version < len(tokens) else ""
    opening = begin == 0 or tokens[begin - 1].text in _SENTENCE_END
    bare = follower.isalpha() and follower.islower() and not (opening and end - begin == 1)
    return (begin, version) if bare else None  # not 'Receive 30 days', 'Around 6 minutes'


def _version_end(tokens: list[Token], i: int) -> int:
    """The end of a version number at tokens[i] (0 for none): up to three digits, not a share or
    a time ('10%', '10:30')."""
    if i < 0 or i >= len(tokens) or not tokens[i].text.isdigit() or len(tokens[i].text) > 3:
        return 0
    if i + 1 < len(tokens) and tokens[i + 1].text in _NUMBER_UNITS:
        return 0
    return i + 1


def _digits(word: str) -> int:
    return sum(c.isdigit() for c in word)


def _is_letter(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _maker_opens(words: list[str], rules: _Rules) -> bool:
    """Whether a maker of the alias table opens the name and name words of a thing follow ('Apple
    Watch', 'Google Pixel'; not 'Labour MPs', 'WHO Europe', 'EU Act')."""
    for size in range(1, min(3, len(words) - 1) + 1):
        if " ".join(words[:size]) in rules.organisations:
            rest = words[size:]
            return " ".join(rest) not in rules.places and not any(
                word in rules.title_words
                or word in rules.numbered
                or word in rules.connectors
                or word in rules.common_words
                for word in rest
            )
    return False


def _index_end(tokens: list[Token], begin: int, end: int, kind: EntityType | None, rules: _Rules) -> int:
    """The end of a stock index's name and number ('the FTSE 100 fell', 'S&P 500 rose'), 0 for none."""
    acronym = end - begin == 1 and tokens[begin].text.isupper()
    if kind not in (None, "person") and not (kind == "organisation" and acronym):
        return 0
    number = tokens[end].text if end < len(tokens) else ""
    # an index's number is round ('CAC 40', 'Nikkei 225', 'Russell 2000'), a version seldom ('PlayStation 5')
    if not number.isdigit() or not 2 <= len(number) <= 4 or int(number) % 5 or end + 1 >= len(tokens):
        return 0
    return end + 1 if tokens[end + 1].text.lower() in rules.index_after else 0


def _its_after(tokens: list[Token], begin: int, end: int, rules: _Rules) -> bool:
    """'Airbus delivered its first A350': one unknown name, a verb (not one of saying) and 'its'."""
    if end - begin != 1 or end + 1 >= len(tokens):
        return False
    verb = tokens[end].text
    return (
        verb.isalpha()
        and verb.islower()
        and verb not in rules.pronoun_blockers
        and tokens[end + 1].text in rules.organisation_pronouns
    )


@dataclass(frozen=True, slots=True)
class _Scene:
    """What a paragraph says that types its teams: a sports paragraph (a score or a sports word),
    and one with a single match score (where a result right after a name makes it a team); and
    its article: its words written in lower case and its text (a capital that only opens a
    sentence)."""

    sport: bool  # a sports word ('striker', 'match')
    results: bool  # a result ('beat', 'drew')
    scored: bool  # a single match score ('2-0'; not the sets of a tennis score)
    lowercase: frozenset[str] = frozenset()  # the article's words written in lower case
    article: str = ""  # the article's paragraphs, one a line


def _scene(
    tokens: list[Token], rules: _Rules, lowercase: frozenset[str] = frozenset(), article: str = ""
) -> _Scene:
    scored = any(_SCORE.fullmatch(token.text) and _one_score(tokens, i) for i, token in enumerate(tokens))
    sport = any(_cue_at(tokens, i, rules.sport_words) for i in range(len(tokens)))
    results = any(_cue_at(tokens, i, rules.team_results) for i in range(len(tokens)))
    return _Scene(sport, results, scored, lowercase, article)


def _opens_sentence_only(tokens: list[Token], begin: int, end: int, rules: _Rules, scene: _Scene) -> bool:
    """Whether the first word of the capitalised run tokens[begin:end], which opens a sentence,
    is a common word capitalised only for that ('"Make Trump go away"', 'Following Assange's
    arrest'): the article writes it in lower case elsewhere (and it is no given name such as
    'Will'), and the rest of the run stands alone elsewhere in the article ('Trump'; but 'Reserve'
    only ever follows 'Federal')."""
    first = tokens[begin].text
    if (
        end - begin < 2
        or first.isupper()
        or first.lower() not in scene.lowercase
        or first in rules.word_names
    ):
        return False
    rest = " ".join(token.text for token in tokens[begin + 1 : end])
    return any(
        not _after_capital(scene.article, match.start())
        for match in re.finditer(rf"(?<!\w){re.escape(rest)}(?!\w)", scene.article)
    )


def _after_capital(text: str, start: int) -> bool:
    """Whether text[start:] follows a capitalised word in the same run ('Summit' in 'Web Summit')."""
    end = start
    while end > 0 and text[end - 1] == " ":
        end -= 1
    if end == 0 or not text[end - 1].isalnum():
        return False
    begin = end - 1
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin].isupper()


def _lowercase_words(tokens: list[list[Token]]) -> frozenset[str]:
    """The words an article writes in lower case somewhere ('make', 'following'): one of them
    capitalised at a sentence's start is a common word, not the first word of a name."""
    return frozenset(token.text for paragraph in tokens for token in paragraph if token.text.islower())


def _one_score(tokens: list[Token], i: int) -> bool:
    """Whether the score at tokens[i] stands alone: a match's, not a set of a tennis score ('6-4, 6-3')."""
    near = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(tokens)]
    return not any(
        _SCORE.fullmatch(tokens[j].text)
        and all(tokens[k].text == "," for k in range(min(i, j) + 1, max(i, j)))
        for j in near
    )


def _cue_at(tokens: list[Token], i: int, cues: frozenset[tuple[str, ...]]) -> int:
    """The length of the longest cue of `cues` starting at tokens[i] (as written), 0 for none."""
    for size in range(min(4, len(tokens) - i), 0, -1):
        if tuple(token.text for token in tokens[i : i + size]) in cues:
            return size
    return 0


def _seat_cue(tokens: list[Token], i: int, rules: _Rules) -> bool:
    """Whether words that make a seat of power the place end just before tokens[i] ('at the')."""
    return any(
        tuple(token.text.lower() for token in tokens[i - size : i]) in rules.seat_before
        for size in range(1, min(4, i) + 1)
    )


def _is_team(
    tokens: list[Token], begin: int, end: int, kind: EntityType | None, rules: _Rules, scene: _Scene
) -> bool:
    """Whether the name tokens[begin:end] is a sports team by what is around it: see `_team_after`;
    or a single unknown word after 'against' in a sports paragraph ('the match against Napoli')."""
    if _team_after(tokens, end, rules, scene):
        return True
    lone = kind is None and end - begin == 1 and begin > 0
    return lone and (scene.sport or scene.scored) and tokens[begin - 1].text.lower() in rules.team_before


def _team_after(tokens: list[Token], i: int, rules: _Rules, scene: _Scene) -> bool:
    """Whether what follows a name at tokens[i] makes it a team: a role ('Liverpool manager'), a
    lone match score ('beat Arsenal 2-0'), or in a paragraph with one, a result ('Rangers drew'),
    also over another team joined to it ('Celtic and Rangers drew 1-1')."""
    joined = (
        i + 1 < len(tokens) and tokens[i].text in rules.team_joiners and _is_name_word(tokens[i + 1].text)
    )
    if scene.scored and joined:
        i += 1
        while i < len(tokens) and _is_name_word(tokens[i].text):
            i += 1
    if i >= len(tokens):
        return False
    if _SCORE.fullmatch(tokens[i].text):
        return (scene.sport or scene.results) and _one_score(tokens, i)
    if _cue_at(tokens, i, rules.team_roles):
        return True
    return scene.scored and bool(_cue_at(tokens, i, rules.team_results))


def _cue_before(tokens: list[Token], i: int, rules: _Rules) -> bool:
    """Whether the words ending just before tokens[i] are an organisation cue."""
    if not i or tokens[i - 1].text.lower() not in rules.cue_ends:
        return False
    return any(
        tuple(token.text.lower() for token in tokens[i - size : i]) in rules.organisation_before
        for size in range(1, min(rules.longest_cue, i) + 1)
    )


def _cue_after(tokens: list[Token], i: int, rules: _Rules) -> bool:
    """Whether the words starting at tokens[i] are an organisation cue."""
    if i >= len(tokens) or tokens[i].text.lower() not in rules.cue_starts:
        return False
    return any(
        tuple(token.text.lower() for token in tokens[i : i + size]) in rules.organisation_after
        for size in range(1, min(rules.longest_cue, len(tokens) - i) + 1)
    )


def _rule_type(words: list[str], rules: _Rules) -> EntityType | None:
    code = _EVENT_CODE.fullmatch(words[0]) if len(words) == 1 else None
    if code is not None and code.group(1) in rules.event_codes:
        return "event"
    if len(words) == 1 and words[0] in rules.organisation_words_not_alone:
        return None  # 'Inc', 'Group', 'Trust' alone
    if len(words) == 1 and words[0] in rules.place_codes:
        return "place"  # 'Austin, TX'
    if (
        words[-1] in rules.organisation_words
        or words[0] in rules.organisation_heads
        or _is_club(words, rules)
        or _organisation_in_place(words, rules)
    ):
        return "organisation"
    if words[-1] in rules.place_words or words[0] in rules.place_heads:
        return "place"
    if words[-1] in rules.event_words and len(words) > 1:
        return "event"
    if words[-1] in rules.other_words and len(words) > 1:
        return "other"
    if words[0] in rules.region_heads and " ".join(words[1:]) in rules.places:
        return "place"
    of_kind = _of_type(words, rules)
    if of_kind is not None:
        return of_kind
    if " ".join(words) in rules.demonyms or all(word in rules.demonyms for word in words):
        return None
    mixed = not all(word.isupper() for word in words)  # a headline in capitals says nothing by its case
    if len(words) >= 2 and mixed and _is_acronym(words[-1]) and words[-1] not in rules.title_words:
        if " ".join(words[:-1]) in rules.places:
            return "organisation"  # a place's agency: 'Africa CDC', 'Nigeria LNG'
        if len(words) == 2:
            return None  # no person's name ends in capitals: 'Mate XT' (but 'Boris Johnson MP')
    if any(word in rules.word_acronyms for word in words):
        return None  # no person's name holds 'SEO' or 'AI' ('Local SEO', 'CRM AI')
    named = [word for word in words if word not in rules.name_particles]
    if len(named) < len(words) and 2 <= len(named) <= 4:
        return "person"  # 'Pieter de Vries', 'Ahmed bin Salem'
    if any(word in rules.connectors for word in words) or any(word in rules.common_words for word in words):
        return None
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and words[0].isalpha():
        # an acronym: NASA, FIFA (not one of ordinary words: AI, SEO)
        return None if words[0] in rules.word_acronyms else "organisation"
    spelled = [word for word in words if word != "."]  # an initial's dot ('John F. Kennedy')
    if 2 <= len(spelled) <= 4 and all(word.isalpha() or "'" in word or "-" in word for word in spelled):
        return "person"
    return None


def _common_phrase(words: list[str], rules: _Rules, lowercase: frozenset[str]) -> bool:
    """Whether `words`, a person by their shape alone, are rather a phrase of common words: one of
    them a heading's, a menu's or a call to action's ('Frequently Asked Questions', 'Sign Up'), a
    brand's first word with a capital inside ('GitHub Copilot'; not 'Rory McIlroy'), or every one of them
    an ordinary word of the lexicon ('Form Factor', 'Screen Size') or written in lower case elsewhere in
    the article ('Risk Management' where it says 'risk' and 'management'; but 'Will Smith' may open
    with a given name that is also a word)."""
    named = [word for word in words if word not in rules.name_particles and word != "."]
    if any(word in rules.not_name_words for word in named):
        return True
    if _inner_capital(named[0], rules):
        return True  # (only the first word: 'Chris RuiWen Kuo', 'Mark SubbaRao' are people)
    if named[0] in rules.word_names:
        return False
    return all(word.lower() in rules.ordinary_words for word in named) or (
        bool(lowercase) and all(word.lower() in lowercase for word in named)
    )


def _inner_capital(word: str, rules: _Rules) -> bool:
    """A word with a capital after its lowercase letters ('GitHub', 'WordPress', 'LinkedIn'), other
    than a name prefix's ('McIlroy', 'MacArthur', 'DeSantis', 'DiCaprio')."""
    match = _INNER_CAPITAL.match(word)
    return match is not None and match.group(1) not in rules.inner_capital_prefixes


_INNER_CAPITAL = re.compile(r"([A-Z][a-z]+)[A-Z]")


def _spelled_in_lowercase(acronym: str, article: str) -> bool:
    """Whether the article spells `acronym` out in lower-case words right before it in brackets
    ('a compound annual growth rate (CAGR)', 'retrieval augmented generation (RAG)'): an acronym
    of ordinary words, no organisation ('the Environmental Protection Agency (EPA)' is written in capitals)."""
    if not acronym.isalpha() or not 2 <= len(acronym) <= 6:
        return False
    for match in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", article):
        words = re.findall(r"[^\W\d_]+", article[max(0, match.start() - 120) : match.start()])
        initials = "".join(word[0] for word in words[-len(acronym) :])
        if len(words) >= len(acronym) and initials.upper() == acronym.upper() and initials.islower():
            return True
    return False


def _common_lead(words: list[str], rules: _Rules, lowercase: frozenset[str]) -> int:
    """How many words open `words` that are a heading's or the article's lower-case words before a
    person's name of two words or more ('Marketing Tom Adeyemi' after 'Head of'), 0 where the rest
    is no name."""
    lead = 0
    while lead < len(words) - 2 and (words[lead] in rules.not_name_words or words[lead].lower() in lowercase):
        lead += 1
    if lead and not _common_phrase(words[lead:], rules, lowercase):
        return lead
    return 0


def _known_head(words: list[str], rules: _Rules) -> bool:
    """Whether `words`, a person by their shape, open with a known organisation's name or end
    in a product's word: a product or a service ('Adobe Photoshop', 'Google Cloud Platform',
    'HBO Max', 'Final Cut Pro'), no person."""
    return (words[0] in rules.organisations and len(words) > 1) or words[-1] in rules.product_words


def _word_in_capitals(
    words: list[str], sentence_start: bool, rules: _Rules, lowercase: frozenset[str]
) -> bool:
    """Whether `words`, an organisation by its shape or its type word alone, are one common word
    the article also writes in lower case: in capitals for emphasis ('do NOT', 'FREE', 'WHERE') or
    capitalised only to open a sentence ('Group fitness classes', 'Power tools'). A known
    organisation of the alias table stays."""
    if len(words) != 1 or words[0] in rules.organisations or words[0].lower() not in lowercase:
        return False  # (an acronym spelled out in lower case is handled by `_spelled_in_lowercase`)
    return sentence_start or (words[0].isupper() and len(words[0]) > 1)


def _is_acronym(word: str) -> bool:
    """Capitals of an acronym ('CDC', 'XT'), not a Roman numeral ('Charles III')."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and not _ROMAN.fullmatch(word)


_ROMAN = re.compile(r"[IVX]+")  # a regnal number; not "CDC", "MD"


def _of_type(words: list[str], rules: _Rules) -> EntityType | None:
    """The type named by the word before a name's first 'of' (`of_words`: 'Supreme Court of India', 'House of
    Commons': an organisation; 'Republic of Ireland': a place; 'Africa Cup of Nations': an event);
    None where that word says nothing ('Duke of Edinburgh')."""
    k = next((i for i, word in enumerate(words) if word in rules.of_words), None)
    if k is None or words[0] in rules.demonyms:  # "Chinese Ministry of ...": no demonym
        return None
    if k < 1 or k == len(words) - 1:
        return None
    head = words[k - 1]
    if head in rules.organisation_heads or head in rules.organisation_of:
        return "organisation"
    if head in rules.place_heads or head in rules.place_of:
        return "place"
    if head in rules.event_words:
        return "event"
    return None


def _is_road(tokens: list[Token], begin: int, end: int, rules: _Rules) -> bool:
    """Whether tokens[begin:end] is a road's number followed by a word of roads ('the A66
    between', 'the M4 near'; not 'the A350 fleet')."""
    road = _ROAD.fullmatch(tokens[begin].text) if end - begin == 1 else None
    return (
        road is not None
        and road.group(1) in rules.road_letters
        and end < len(tokens)
        and tokens[end].text in rules.road_after
    )


_ROAD = re.compile(r"([A-Z])\d{1,4}")


_AFTER_PLACE = frozenset({",", ".", ";", "(", ")", "-", "–", "—"})  # what ends a "town, country"


def _product_noun_end(tokens: list[Token], end: int, rules: _Rules) -> int:
    """Where a product's name that ends at tokens[end] (and a version number after it) ends when a
    product noun follows it, over one product adjective ('12 A350 aircraft', 'the Chang'e 6
    probe', '9,000 Pura foldable smartphones'); 0 when none follows."""
    name_end = _version_end(tokens, end) or end
    noun = name_end
    if noun < len(tokens) and tokens[noun].text in rules.product_adjectives:
        noun += 1
    return name_end if noun < len(tokens) and tokens[noun].text in rules.product_after else 0


def _comma_place(tokens: list[Token], end: int, rules: _Rules) -> bool:
    """Whether a known place follows the name ending at tokens[end] after a comma, and ends there
    ('in Kumamoto, Japan, in 2027': the name is a town of that place; not "Eskom, South Africa's")."""
    if end >= len(tokens) or tokens[end].text != ",":
        return False
    for size in range(min(3, len(tokens) - end - 1), 0, -1):
        name = " ".join(token.text for token in tokens[end + 1 : end + 1 + size])
        if name in rules.places:
            after = end + 1 + size
            return after >= len(tokens) or tokens[after].text in _AFTER_PLACE
    return False


def _between_places(tokens: list[Token], begin: int, rules: _Rules) -> bool:
    """Whether the name at tokens[begin] ends 'between <known place> and' ('the A66 between
    Penrith and Scotch Corner', 'flights between London and Xiamen'): the second is a place too."""
    if begin < 3 or tokens[begin - 1].text != "and":
        return False
    for size in range(1, min(3, begin - 2) + 1):
        first = begin - 1 - size
        name = " ".join(token.text for token in tokens[first : begin - 1])
        if tokens[first - 1].text == "between" and name in rules.places:
            return True
    return False


def _organisation_in_place(words: list[str], rules: _Rules) -> bool:
    """'Imperial College London', 'University College Dublin': a name ending in an organisation's
    word, then a known place (the place is part of the name)."""
    return any(
        words[k - 1] in rules.organisation_words and " ".join(words[k:]) in rules.places
        for k in range(2, len(words))
    )


def _opens_place(tokens: list[Token], begin: int, end: int, rules: _Rules) -> bool:
    """Whether a common word opens a known place's name ('New' of 'New York Stock Exchange': kept,
    or the run would be cut to 'York Stock Exchange' and the place's alias to 'Stock Exchange')."""
    return any(
        " ".join(token.text for token in tokens[begin : begin + n]) in rules.places
        for n in range(2, min(4, end - begin) + 1)
    )


def _is_club(words: list[str], rules: _Rules) -> bool:
    """'Real Madrid', 'AC Milan' (a club word, then a name); 'Leicester City' (a known place, then
    a club word: the whole is no known place, or the alias table would have it); 'Los Angeles
    Lakers', 'Chennai Super Kings' (a known place, then a plural word that is no place, event or
    product word, with at most one name word between)."""
    if len(words) < 2:
        return False
    if words[0] in rules.club_heads:
        return True
    last = words[-1]
    if " ".join(words[:-1]) in rules.places and last in rules.club_words:
        return True
    plural = last.endswith(rules.plural_endings) and not last.endswith(rules.singular_endings)
    kinds = rules.place_words | rules.event_words | rules.other_words | rules.product_words
    nickname = plural and len(last) > 3 and last not in kinds
    return nickname and any(
        " ".join(words[:k]) in rules.places for k in (len(words) - 1, len(words) - 2) if k >= 1
    )
