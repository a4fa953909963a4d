"""Who said a quote: the attribution next to it ('"...," kata X', 'X said: "..."', 'Menurut X,
"..."'), the name in that attribution with its titles stripped ('Kapolri Jenderal Listyo Sigit
Prabowo' is 'Listyo Sigit Prabowo'), whom a pronoun names ('katanya', 'he said': whoever was
last named or last quoted) and the person entity the speaker is. The quoted spans themselves
are found by `quotes`; the words come from `quote_lexicon`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING

from warta.enrich.quote_lexicon import EDGE_PUNCT, QuoteLexicon, Token, tokenise
from warta.enrich.text import sentence_starts, upper_letter
from warta.enrich.types import Entity

if TYPE_CHECKING:
    from warta.enrich.quotes import QuoteSpan

_MAX_SPEAKER_TOKENS = 10


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote, and where the text names them."""

    name: str | None  # None: a pronoun nobody named before
    paragraph: int
    start: int  # the name's span in its paragraph (the pronoun's where unresolved)
    end: int
    pronoun: bool


def attribution(
    span: QuoteSpan, paragraphs: Sequence[str], lexicon: QuoteLexicon
) -> tuple[Speaker | None, str | None]:
    """(speaker, verb) that the text right after or right before the quote gives, (None, None) if none."""
    if span.open_end:
        return _attribution_before(span, paragraphs[span.paragraph], lexicon)
    after = _attribution_after(span, paragraphs[span.paragraph], lexicon)
    if after[1] is not None:
        return after
    return _attribution_before(span, paragraphs[span.paragraph], lexicon)


def _clause(tokens: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    """The tokens up to the first one that ends a clause (a comma, a sentence end, an opening mark)."""
    out: list[Token] = []
    for token in tokens:
        if token.text[0] in lexicon.closers:
            break
        out.append(token)
        tail = token.text.rstrip("\"'”’»)")
        if tail.endswith((",", ";", ":", "!", "?", "…")) or (
            tail.endswith(".") and not _abbreviation(token, lexicon)
        ):
            break
    return out


def _abbreviation(token: Token, lexicon: QuoteLexicon) -> bool:
    word = token.word
    return len(word) == 1 or (word,) in lexicon.ranks or (word,) in lexicon.offices or "." in word


def _is_verb(token: Token, lexicon: QuoteLexicon, first: bool = False) -> bool:
    bare = token.text.strip(EDGE_PUNCT)
    return token.word in lexicon.verbs and (first or bare.islower())


def _attribution_after(
    span: QuoteSpan, text: str, lexicon: QuoteLexicon
) -> tuple[Speaker | None, str | None]:
    tokens = tokenise(text, span.mark_end, min(len(text), span.mark_end + 240))
    while tokens and not tokens[0].word:  # '"...", adds X'
        tokens.pop(0)
    clause = _clause(tokens, lexicon)
    if not clause:
        return None, None
    # '"...," kata X' and '"...!" tegas X' close on punctuation, or a name or verb follows ('"..."
    # Apte said'); 'the bill "a gift to polluters" and vowed ...' is no attribution.
    closing = text[span.start : span.mark_end - 1].rstrip().rstrip("\"'”’»")[-1:]
    punctuated = closing in (",", ".", "!", "?", "…") or text[span.mark_end : span.mark_end + 1] == ","
    if not punctuated and not (_capitalised(clause[0]) or _is_verb(clause[0], lexicon)):
        return None, None
    first = clause[0]
    if first.word in lexicon.pronoun_verbs:
        return Speaker(None, span.paragraph, first.start, first.end, True), first.word
    words = tuple(token.word for token in clause)
    for phrase in lexicon.according_to:  # '"...," according to Senator X.' / '"...," menurut X.'
        if words[: len(phrase)] == phrase and len(words) > len(phrase):
            after = _speaker(_until_stop(clause[len(phrase) :], lexicon), span.paragraph, text, lexicon)
            if after is not None:
                return after, " ".join(phrase)
    for index, token in enumerate(clause[: _MAX_SPEAKER_TOKENS + 1]):
        if not _is_verb(token, lexicon):
            continue
        if index and any(word.word not in lexicon.adverbs for word in clause[:index]):
            before = _speaker(clause[:index], span.paragraph, text, lexicon)
            return (before, token.word) if before is not None else (None, None)
        named = _until_stop(clause[index + 1 :], lexicon)
        speaker = _speaker(named, span.paragraph, text, lexicon)
        if (
            speaker is None
            or (not speaker.pronoun and not (speaker.name or " ")[0].isupper())
            or (named == clause[index + 1 :] and _office_of(named, lexicon))
        ):
            # '"...," kilah kuasa hukum tersangka, Hotman Paris' / '"...," ungkap Kepala
            # Puskesmas Sukamaju, Hendra Gunawan': the name follows the description.
            following = _clause(tokens[len(clause) :], lexicon)
            name = _bare_name(following, lexicon)
            if name:
                speaker = _named(name[0].start, name[-1].end, span.paragraph, text)
        return speaker, token.word
    return _attribution_across_commas(tokens, clause, span, text, lexicon)


def _office_of(phrase: list[Token], lexicon: QuoteLexicon) -> bool:
    """A phrase that ends with a comma after an office and what it is of ('Kepala Puskesmas
    Sukamaju,'), the office one of the language's data whose holder's name may follow set off
    by the comma (where what an office is of is written right after it, with no 'of')."""
    length = _title_at(phrase, 0, lexicon)
    words = tuple(token.word for token in phrase[:length])
    return (
        bool(length)
        and words in lexicon.apposed_offices
        and len(phrase) > length
        and phrase[-1].text.endswith(",")
    )


def _bare_name(tokens: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    """The name a clause is and nothing else but its titles ('Hotman Paris', 'dr. Siti Rahmah.'), or []."""
    tokens = [token for token in tokens if not _parenthetical(token)]
    after = 0
    while after < len(tokens) and (length := _title_at(tokens, after, lexicon)):
        after += length
    name = _name(tokens, lexicon)
    return name if name and len(name) == len(tokens) - after else []


def _attribution_across_commas(
    tokens: list[Token], clause: list[Token], span: QuoteSpan, text: str, lexicon: QuoteLexicon
) -> tuple[Speaker | None, str | None]:
    """'"...," Patrick Hayden, her husband and editor, said': a speaker set off by commas, then
    the verb opening a later clause (two at most)."""
    phrase = list(clause)
    for _ in range(2):
        if not phrase[-1].text.endswith(","):
            return None, None
        following = _clause(tokens[len(phrase) :], lexicon)
        verb = next((token for token in following if token.word not in lexicon.adverbs), None)
        if verb is not None and _is_verb(verb, lexicon):
            return _speaker(phrase, span.paragraph, text, lexicon), verb.word
        phrase += following
        if not following or len(phrase) > 2 * _MAX_SPEAKER_TOKENS:
            return None, None
    return None, None


def _attribution_before(
    span: QuoteSpan, text: str, lexicon: QuoteLexicon
) -> tuple[Speaker | None, str | None]:
    begin = max(_sentence_start(text, span.mark_start, lexicon), span.floor)
    head = text[begin : span.mark_start].rstrip()
    if not head.endswith((",", ":")):
        return None, None
    tokens = tokenise(text, begin, begin + len(head))[-(_MAX_SPEAKER_TOKENS + 4) :]
    if not tokens:
        return None, None
    for index in range(len(tokens) - 1, -1, -1):
        if not _is_verb(tokens[index], lexicon, first=index == 0):
            continue
        if index == 0:  # '"...," kata Joko, "..."': the attribution between two quotes
            return _speaker(_until_stop(tokens[1:], lexicon), span.paragraph, text, lexicon), tokens[0].word
        return _speaker(tokens[:index], span.paragraph, text, lexicon), tokens[index].word
    words = tuple(token.word for token in tokens)
    for phrase in lexicon.according_to:
        if words[: len(phrase)] == phrase:
            return _speaker(tokens[len(phrase) :], span.paragraph, text, lexicon), " ".join(phrase)
    if head.endswith(":") and len(tokens) <= _MAX_SPEAKER_TOKENS:
        speaker = _speaker(tokens, span.paragraph, text, lexicon)
        if speaker is not None and speaker.name is not None and not speaker.pronoun:
            return speaker, ":"
    return None, None


def _sentence_start(text: str, position: int, lexicon: QuoteLexicon) -> int:
    """Where the sentence holding `position` begins. (Read off the paragraph's sentence ends, found
    once: a sentence end never runs past a quote mark, where `position` stands.)"""
    ends = _sentence_ends(text, lexicon)
    return ends[bisect_right(ends, position) - 1] if ends and ends[0] <= position else 0


@lru_cache(maxsize=16)
def _sentence_ends(text: str, lexicon: QuoteLexicon) -> tuple[int, ...]:
    """Where the paragraph's sentences after the first begin; 'Dr. Lisa Ng' goes on (a rank or
    an office of the lexicon is an abbreviation). (Cached: every quote of a paragraph asks, and a
    transcript's paragraph holds hundreds.)"""
    return sentence_starts(text, partial(_title_word, lexicon=lexicon))


def _title_word(word: str, lexicon: QuoteLexicon) -> bool:
    key = (word.lower(),)
    return key in lexicon.ranks or key in lexicon.offices


def _until_stop(tokens: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    """The speaker after a verb: up to a stop word ('kata Kim seperti dikutip KCNA') or, where it
    opens with a capital, up to a plain lowercase word ('jelas Direktur X Wisnu Darjono kala ...')."""
    out: list[Token] = []
    named = bool(tokens) and _capitalised(tokens[0])
    for token in tokens:
        lower = token.text.strip(EDGE_PUNCT).islower()
        if (
            out
            and lower
            and not (named and (token.word in lexicon.name_particles or _name_capital(token, lexicon)))
            and (token.word in lexicon.stop_words or (named and token.word not in lexicon.descriptors))
        ):
            break
        out.append(token)
    return out


# Characters no speaker's name or description holds: what reads as one among them is code or
# markup ('verbose=True) Let me say: "test."' in a page of documentation).
_NOT_IN_SPEAKERS = frozenset("=<>{}[]|\\;#$%^*+~`")


def _speaker(phrase: list[Token], paragraph: int, text: str, lexicon: QuoteLexicon) -> Speaker | None:
    """The speaker a phrase names (`_speaker_in`), unless it holds characters no speaker does."""
    speaker = _speaker_in(phrase, paragraph, text, lexicon)
    if speaker is not None and speaker.name is not None and not _NOT_IN_SPEAKERS.isdisjoint(speaker.name):
        return None
    return speaker


def _speaker_in(phrase: list[Token], paragraph: int, text: str, lexicon: QuoteLexicon) -> Speaker | None:
    """The speaker a phrase names: a pronoun, a description ('a spokesperson for X'), or a name."""
    phrase = [token for token in phrase if token.word]
    while phrase and phrase[-1].word in lexicon.adverbs:  # 'Joko Widodo pernah berkata'
        phrase.pop()
    if not phrase:
        return None
    if len(phrase) == 1 and phrase[0].word in lexicon.pronouns:
        return Speaker(None, paragraph, phrase[0].start, phrase[0].end, True)
    if len(phrase) == 2 and phrase[0].word in lexicon.definite and (phrase[1].word,) in lexicon.ranks:
        # 'the senator said': the title stands for the person named before, as a pronoun does
        # (where nobody was, the description is the speaker: 'the singer')
        return replace(_named(phrase[0].start, phrase[1].end, paragraph, text), pronoun=True)
    # 'The minister, Penny Wong,' / 'Menanggapi hal itu, Menteri X': the name nearest the verb;
    # then a description ('In a statement, the White House').
    # A piece that is a name and nothing else comes first ('Rob Goldman, President Acme Corp').
    pieces = _comma_pieces(phrase)
    names = [(_name(piece, lexicon), piece) for piece in reversed(pieces)]
    for name, piece in names:
        if name and len(name) == len([token for token in piece if not _parenthetical(token)]):
            return _named(name[0].start, name[-1].end, paragraph, text)
    for name, _piece in names:
        if name:
            return _named(name[0].start, name[-1].end, paragraph, text)
    for piece in reversed(pieces):
        if piece[0].word in lexicon.determiners:
            return _named(piece[0].start, piece[-1].end, paragraph, text)
    if (
        len(pieces) == 1
        and len(phrase) <= 4
        and phrase[0].text[0].islower()
        and phrase[0].word not in lexicon.verbs
        and phrase[0].word not in lexicon.non_names
    ):
        return _named(phrase[0].start, phrase[-1].end, paragraph, text)
    return None


def _named(start: int, end: int, paragraph: int, text: str) -> Speaker:
    if text.endswith(("'s", "’s"), start, end) and end - start > 3:  # 'Steenburgen’s song'
        end -= 2
    while end > start and text[end - 1] in EDGE_PUNCT and not (end - start > 2 and text[end - 2].isupper()):
        end -= 1
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    return Speaker(text[start:end], paragraph, start, end, False)


def _comma_pieces(phrase: list[Token]) -> list[list[Token]]:
    pieces: list[list[Token]] = [[]]
    for token in phrase:
        pieces[-1].append(token)
        if token.text.endswith(","):
            pieces.append([])
    return [piece for piece in pieces if piece]


def _capitalised(token: Token) -> bool:
    bare = token.text.strip(EDGE_PUNCT)
    return bool(bare) and bare[0].isupper()


def _name_capital(token: Token, lexicon: QuoteLexicon) -> bool:
    """A capitalised word, or one whose capital follows a name prefix ('al-Rashid')."""
    bare = token.text.strip(EDGE_PUNCT)
    return _capitalised(token) or any(
        bare.startswith(prefix) and bare[len(prefix) : len(prefix) + 1].isupper()
        for prefix in lexicon.name_prefixes
    )


def _acronym(token: Token) -> bool:
    bare = token.text.strip(EDGE_PUNCT)
    return len(bare) >= 2 and bare.isupper()


def _parenthetical(token: Token) -> bool:
    return token.text.startswith("(") and token.text.rstrip(",.;:").endswith(")")


def _name(tokens: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    """The personal name a phrase ends with: the capitalised words after the last title, less the
    words that say what the office is of ('Bupati Sleman Harda Kiswaya' -> 'Harda Kiswaya'). A
    phrase that does not end with a name ('Menanggapi hal itu'), or where plain words come before
    it with no title ('the White House') or a function word does ('chief economist at Harbor
    Bank'), names no one."""
    tokens = [token for token in tokens if not _parenthetical(token)]
    after, office = 0, False
    index = 0
    while index < len(tokens):
        length = _title_at(tokens, index, lexicon)
        if length:
            words = tuple(token.word for token in tokens[index : index + length])
            after, office = index + length, words not in lexicon.ranks
            index += length
        else:
            index += 1
    rest = tokens[after:]
    if not rest and len(tokens) == 1 and _capitalised(tokens[0]) and tokens[0].word not in lexicon.non_names:
        return tokens  # '"...," Doctor asks': a surname that is also a title
    if not rest or not _name_capital(rest[-1], lexicon):
        return []
    last = len(rest) - 1
    run: list[Token] = []
    for token in reversed(rest):
        if run and token.word in lexicon.name_particles and not token.text.endswith(","):
            run.insert(0, token)  # 'Pieter de Vries': a particle inside the name
            continue
        if (
            not _name_capital(token, lexicon)
            or _acronym(token)
            or token.word in lexicon.descriptors
            or token.word in lexicon.non_names
            or _party_tag(token, lexicon)
        ):
            break
        run.insert(0, token)
        if token is not rest[last] and token.text.endswith(","):
            run.pop(0)
            break
    while run and run[0].word in lexicon.name_particles:
        run.pop(0)
    before = rest[: len(rest) - len(run)]
    if any(not _capitalised(token) for token in before) and (
        not after or any(token.word in lexicon.stop_words for token in before)
    ):
        return []
    if office:
        return _after_place(run, lexicon)
    return run


def _after_place(run: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    """The name in the capitalised words after an office: after the place the office is of where
    they open with a place of the entities data ('Bupati Sleman Kustini Sri Purnomo' -> 'Kustini
    Sri Purnomo', 'Bupati Kendal Dico' -> 'Dico'), else the last two of three or more (a place
    the data lacks before a two-word name)."""
    for length in range(min(lexicon.longest_place, len(run) - 1), 0, -1):
        if tuple(token.word for token in run[:length]) in lexicon.places:
            return run[length:]
    named = [i for i, token in enumerate(run) if token.word not in lexicon.name_particles]
    return run[named[-2] :] if len(named) >= 3 else run


def _party_tag(token: Token, lexicon: QuoteLexicon) -> bool:
    """A party-and-state tag written after a name ('R-Ohio', 'D-Calif.'): no part of it."""
    bare = token.text.strip(EDGE_PUNCT)
    return any(bare.startswith(tag) and bare[len(tag) : len(tag) + 1].isupper() for tag in lexicon.party_tags)


def _title_at(tokens: list[Token], index: int, lexicon: QuoteLexicon) -> int:
    for length in range(min(lexicon.longest_title, len(tokens) - index), 0, -1):
        words = tuple(token.word for token in tokens[index : index + length])
        if words in lexicon.ranks or words in lexicon.offices:
            return length
    return 0


def previous_speaker(span: QuoteSpan, speakers: list[Speaker]) -> Speaker | None:
    """Who said a quote that stands alone: the last quote's speaker, named in its paragraph or the one before."""
    if speakers and span.paragraph - speakers[-1].paragraph <= 1:
        return speakers[-1]
    return None


def antecedent(
    pronoun: Speaker,
    paragraphs: Sequence[str],
    quoted: Sequence[Sequence[QuoteSpan]],
    speakers: list[Speaker],
    people: list[Entity],
    lexicon: QuoteLexicon,
    known: frozenset[str],
    subjects: dict[int, list[Speaker]],
) -> Speaker:
    """Whom a pronoun names: the latest of the last quote's speaker, the last person entity, and the
    last sentence subject that reads as a name, before the pronoun (this paragraph and two before).
    `quoted`: each paragraph's quoted spans (no subject is read inside one); `subjects`: each
    paragraph's subjects, read here on first need."""
    where = (pronoun.paragraph, pronoun.start)
    candidates: list[Speaker] = [
        s for s in speakers if (s.paragraph, s.start) < where and pronoun.paragraph - s.paragraph <= 2
    ]
    candidates += [
        Speaker(p.text, p.paragraph, p.start, p.end, False)
        for p in people
        if (p.paragraph, p.start) < where and pronoun.paragraph - p.paragraph <= 2
    ]
    for index in range(max(0, pronoun.paragraph - 2), pronoun.paragraph + 1):
        if index not in subjects:
            subjects[index] = _subjects(paragraphs[index], index, quoted[index], lexicon, known)
        candidates += [s for s in subjects[index] if index < pronoun.paragraph or s.end <= pronoun.start]
    if not candidates:
        return pronoun
    return max(candidates, key=lambda s: (s.paragraph, s.start))


def _subjects(
    text: str, paragraph: int, spans: Sequence[QuoteSpan], lexicon: QuoteLexicon, known: frozenset[str]
) -> list[Speaker]:
    """Names that open a sentence ('Mayor Karen Bass visited ...'), stand in its opening as an
    apposition ('Ketua panitia, Iskandar Mahmud, mengatakan ...') or follow a speech verb ('said
    Mary Lovely'), outside quotes."""
    quoted = [(s.mark_start, s.mark_end) for s in spans]
    starts = [0, *_sentence_ends(text, lexicon)]
    out: list[Speaker] = []
    for start in starts:
        if start >= len(text) or any(a <= start < b for a, b in quoted) or text[start] in lexicon.closers:
            continue
        tokens = tokenise(text, start, min(len(text), start + 200))[:16]
        subject = _name(_head(tokens, lexicon), lexicon)
        # A one-word subject ('Arman berencana ...') counts where the article names it in full.
        if subject and (len(subject) > 1 or subject[0].word in known) and _not_pronoun(subject, lexicon):
            out.append(_named(subject[0].start, subject[-1].end, paragraph, text))
        for run, set_off in _after_commas(tokens, lexicon):
            name = _name(run, lexicon)
            if name and (len(name) > 1 or set_off or name[0].word in known) and _not_pronoun(name, lexicon):
                out.append(_named(name[0].start, name[-1].end, paragraph, text))
    # 'said Mary Lovely, an economist.': whom a speech verb names, outside quotes.
    tokens = tokenise(text, 0, len(text))
    for index, token in enumerate(tokens[:-1]):
        # 'Cook told Benioff': after a named subject, the name is whom it was said to.
        after_name = index > 0 and _capitalised(tokens[index - 1]) and tokens[index - 1].text[-1] not in ",;:"
        if _is_verb(token, lexicon) and not after_name:
            name = _name(_head(tokens[index + 1 : index + 9], lexicon), lexicon)
            if name and (len(name) > 1 or name[0].word in known):
                out.append(_named(name[0].start, name[-1].end, paragraph, text))
    return [found for found in out if not any(a <= found.start < b for a, b in quoted)]


def _head(tokens: list[Token], lexicon: QuoteLexicon) -> list[Token]:
    head: list[Token] = []
    for token in tokens:
        if not (_capitalised(token) or _title_at([token], 0, lexicon)):
            break
        head.append(token)
        if token.text[-1] in ",.;:":
            break
    if len(head) == 1 and head[0].word in lexicon.non_names:
        return []
    return head


def _after_commas(tokens: list[Token], lexicon: QuoteLexicon) -> list[tuple[list[Token], bool]]:
    """The capitalised runs right after the commas of a sentence's opening, each with whether a
    comma sets it off: ', Endro Wicaksono,' (an apposition) or ', Kepala Dinas X Anhar Hadian menjelaskan'."""
    out: list[tuple[list[Token], bool]] = []
    for index, token in enumerate(tokens[:-1]):
        if not token.text.endswith(","):
            continue
        run: list[Token] = []
        set_off = False
        for word in tokens[index + 1 :]:
            if not (_capitalised(word) or _parenthetical(word) or _title_at([word], 0, lexicon)):
                break
            run.append(word)
            if word.text.endswith(","):
                set_off = True
                break
            if word.text[-1] in ".;:!?":
                break
        if run:
            out.append((run, set_off))
    return out


def _not_pronoun(name: list[Token], lexicon: QuoteLexicon) -> bool:
    return not (len(name) == 1 and name[0].word in lexicon.pronouns)


def multiword_words(paragraphs: Sequence[str]) -> frozenset[str]:
    """The words of runs of two or more capitalised words: the article's full names."""
    runs = _capitalised_run()
    return frozenset(
        word.strip(EDGE_PUNCT).lower()
        for text in paragraphs
        for run in runs.findall(text)
        for word in run.split()
    )


@cache
def _capitalised_run() -> re.Pattern[str]:
    """Two or more capitalised words in a row ('Listyo Sigit Prabowo', 'Ελένη Παππά', 'İlhan Şahin')."""
    word = upper_letter() + r"[^\s,.;:!?()\"“”]*"
    return re.compile(rf"{word}(?:\s+{word})+")


def canonical_of(speaker: Speaker, people: list[Entity]) -> str | None:
    """The canonical name of the person entity the speaker is (overlapping it, or with its name)."""
    for person in people:
        if (
            person.paragraph == speaker.paragraph
            and person.start < speaker.end
            and speaker.start < person.end
        ):
            return person.canonical
    for person in people:
        if speaker.name in (person.text, person.canonical):
            return person.canonical
    return speaker.name
