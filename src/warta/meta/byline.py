"""Bylines: authors, editors, photographers, agencies and teams.

Two shapes are read: prefixed credit lines ("Penulis: A", "Editor: B",
"By A and B", "Reporting by A; Editing by B") anywhere outside the body, and a
bare name on its own line right after the body or right before it, as many
Indonesian portals print it. Junk that templates put where names go ("Email
The Author", "3 hours ago") is rejected.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, itemgetter, not_
from typing import TYPE_CHECKING

from warta.classify.sections import first_label_index, last_label_index
from warta.lexicon import (
    SUBSTRING_PROBES,
    JoinedLines,
    Lexicon,
    html_lexicon,
    normalise_lines,
    normalise_marker,
    verified_substring_set,
)
from warta.meta.credits import (
    bracket_outlet,
    comma_outlet,
    credit_details,
    site_outlet,
    unique_people,
    with_details,
)
from warta.meta.datetext import find_dates, grammar_of
from warta.meta.page import PageMetadata
from warta.meta.site import name_key, site_keys
from warta.meta.urls import url_host
from warta.model import ALL_LINK, LABEL_BODY, LABEL_TITLE, LINK_LIST_LABELS, Block, Label, Person
from warta.strings import has_digit, uncased_script_word, uncased_word

if TYPE_CHECKING:
    from warta._textscan import SubstringSet

_CAPITALISED_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")


def _name_token(word: str, lexicon: Lexicon) -> bool:
    """A word that may stand in a person's name: capitalised, or a particle ("bin", "van")."""
    return _CAPITALISED_WORD.match(word) is not None or word in lexicon.name_particles


# The marks that split a credit line's names, besides the lexicon's joining words (`_name_split`).
# Markup lists people one per value or joined by "and"/"&"; commas there often carry
# credentials ("Dylan Bailey, MS, RD"), so they do not split.
_SPLIT_MARKS = ",;&"
_SPLIT_MARKS_MARKUP = ";&"
# The dots templates print between a byline's parts: "By A · 5 min read", "by A ● May 3, 2025",
# "By A ⋅ Review Editor", "May 3, 2025 ・ 3 min read".
_BULLETS = "·•●∙⋅・‧◦"
# Clauses of a credit line: "By A | Apr 21, 2025", "By A · 5 min read", "Posted by A on Friday".
# A slash before a short label with a colon ends a clause too: "Rep: A/ Red: B".
# Written as `\s*[;|<_BULLETS>]\s*|\s{2,}|\s+[-–—]\s+|\s+(?:on|at|in|pada)\s+|\s*/\s*(?=[^\W\d]{2,12}\s?:)`
# would do, its first character taken first and the rest by what that was (the same matches,
# tried in the same order): a pattern opening with a character class lets the regex engine skip
# to where a match can start, where the plain alternatives were tried at every position.
_CLAUSE = re.compile(
    rf"[\s;|{_BULLETS}/](?:(?<=\s)(?:\s*[;|{_BULLETS}]\s*|\s+|\s*[-–—]\s+|\s*(?:on|at|in|pada)\s+"
    rf"|\s*/\s*(?=[^\W\d]{{2,12}}\s?:))|(?<=[;|{_BULLETS}])\s*|(?<=/)\s*(?=[^\W\d]{{2,12}}\s?:))"
)
# Every `_CLAUSE` separator holds one of these: a mark, or a whitespace character before another,
# a dash or a joining word. A line with none is one clause, told by a search that skips from
# mark to space (its first character is a class) where the split tries each alternative everywhere.
_CLAUSE_HINT = re.compile(rf"[\s;|{_BULLETS}/](?:(?<=[;|{_BULLETS}/])|\s|[-–—]\s|(?:on|at|in|pada)\s)")
# Inside a credit clause, a short label with a colon starts the next credit, where a
# template's inline spans run them together: "Reporter: A Editor: B".
_NEXT_LABEL = re.compile(r"\s\s*(?=[^\W\d]{2,12}:\s)")  # (`\s+`, opening with a class: see `_CLAUSE`)
# "-" escaped: unescaped, "/-–" is a range that spans every letter.
_SEPARATOR = re.compile(r"^[\s:\uff1a|/\-–—]+")  # (the full-width colon too: "责任编辑：李娜")
# A possessive with words after it: "Ryan Reed's Most Recent Stories" heads a list of stories.
_POSSESSIVE = re.compile(r"\w['’]s\s+\w")
_TLDS = r"(?:com|org|net|id)"
# A name written as a bare domain ("AccountingDepartment.com"): no scheme, no "www.".
_DOMAIN = re.compile(rf"^[^\W_][\w-]*\.{_TLDS}$", re.I)
_NOT_A_NAME = re.compile(rf"https?://|www\.|@|\.{_TLDS}\b|[<>{{}}\[\]=]", re.I)
# Markup sources in order of trust: JSON-LD is written for machines, a meta author tag
# is often a profile URL or the site's name.
_SOURCE_ORDER = ("json-ld", "microdata", "meta", "rel", "link")
# Templates mark the author's name by class ("post-author-name", "byline") or link it to
# a profile page; such a block needs no "By" before the name (lexicon/data/html.toml).
_AUTHOR_CLASS: tuple[str, ...] = tuple(html_lexicon()["classes"]["author"])
# Finds an author class inside any of a block's class tokens joined by spaces: a token (a run of
# [a-z0-9], or a tag name) holds no space, nor does a class, so no match spans two tokens.
assert not any(" " in name for name in _AUTHOR_CLASS)
_AUTHOR_CLASS_IN = re.compile("|".join(map(re.escape, _AUTHOR_CLASS)))
# (`/(?:paths)/|[?&]author=`, opening with a class: see `_CLAUSE`)
_AUTHOR_HREF = re.compile(
    rf"[/?&](?:(?<=/)(?:{'|'.join(map(re.escape, html_lexicon()['classes']['author_paths']))})/|(?<=[?&])author=)",
    re.I,
)
_MEMBER_PATHS = frozenset(html_lexicon()["classes"]["member_paths"])
_ACCOUNT_PAGES = frozenset(html_lexicon()["classes"]["account_pages"])
_MEMBER_SCRIPTS = frozenset(html_lexicon()["classes"]["member_scripts"])
# The login a member page's last path segment names, without the numeric id forums add after a
# dot ("josephf.42100") or before a dash ("211123-coldj").
_MEMBER_SEGMENT = re.compile(r"^(?:\d+-)?(.+?)(?:\.\d+)?$")
_LOGIN_WINDOW = 4  # blocks before the first body block where a first post's author link sits
_CLASS_TOKENS_SEEN = 10  # the innermost class tokens of a block: its own and its parents'
_NAME_WINDOW = 3  # blocks past the first body block that may still hold the byline
_BOX_WINDOW = 30  # blocks past the body where an author box may sit
# A link to a category, tag or topic page (lexicon/data/html.toml's `[links] taxonomy_*`):
# (`/(?:category|…)/|[?&](?:cat|tag)=`, opening with a class: see `_CLAUSE`)
_TAXONOMY_HREF = re.compile(
    rf"[/?&](?:(?<=/)(?:{'|'.join(map(re.escape, html_lexicon()['links']['taxonomy_path']))})/"
    rf"|(?<=[?&])(?:{'|'.join(map(re.escape, html_lexicon()['links']['taxonomy_query']))})=)",
    re.I,
)
_NOT_AN_AUTHOR_BOX = frozenset(
    {Label.COMMENTS, Label.RELATED, Label.READ_ALSO, Label.NAV, Label.TAGS, Label.FOOTER}
)
_HANDLE = re.compile(r"^[\w.-]+$")
# A forum login: a handle of 2 to 40 characters.
_LOGIN = re.compile(r"^[\w.-]{2,40}$")
# A set, not `Label.X` per block: reading an enum member is a slow attribute lookup.
_NO_CREDITS = frozenset({Label.BODY, Label.READ_ALSO})
# After the body: the blocks whose credit lines name other articles' writers or commenters.
_OTHERS_CREDITS = frozenset({Label.RELATED, Label.COMMENTS})


@dataclass(slots=True)
class Bylines:
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)
    # body blocks that are a credited name alone (an author box's name line): no article text
    names: list[int] = field(default_factory=list)
    # body blocks that are an author box's bio closing the body, under its linked name: no article text
    bios: list[int] = field(default_factory=list)


def is_plausible_name(text: str, lexicon: Lexicon) -> bool:
    """A person's name: 1–5 capitalised words, no digits, nothing from the junk list."""
    text = text.strip()
    if not 3 <= len(text) <= 60 or has_digit(text):
        return False
    norm = normalise_marker(text)
    if lexicon.contains_substring(norm, lexicon.byline_junk):
        return False
    if (
        norm in lexicon.nav_line
        or norm in lexicon.share_line
        or norm in lexicon.related_header
        or norm in lexicon.sidebar_header
        or norm in lexicon.comment_header
        or norm in lexicon.promo_line
    ):
        return False
    words = text.split()
    return (
        1 <= len(words) <= 5
        and all(_name_token(w, lexicon) for w in words)
        and any(w[0].isupper() for w in words)
    )


_UNCASED_NAME_MAX_WORDS = 4


def _uncased_name(text: str, lexicon: Lexicon) -> bool:
    """A credited name in a script without letter case ('राकेश शर्मा' after 'लेखक:', 'سارة
    المنصوري' after 'بقلم:'), where no capital tells a name (`is_plausible_name`): one to four
    words of such letters with their vowel signs, no role word ('기자'), nothing from the junk
    list. Read only after a credit prefix, which is what makes it a name."""
    words = text.split()
    return (
        1 <= len(words) <= _UNCASED_NAME_MAX_WORDS
        and all(uncased_script_word(word) and word not in lexicon.byline_roles for word in words)
        and not lexicon.contains_substring(normalise_marker(text), lexicon.byline_junk)
    )


def is_credited_name(text: str, lexicon: Lexicon, credited: bool = False) -> bool:
    """`is_plausible_name`, and no button's or section's label (`_label_words`): what a byline
    may credit. (`is_plausible_name` alone tells a line that looks like a name, which a body's
    end leaves out either way.) `credited`: the name follows a credit ("Started by Garden Hosts",
    a markup author): a user name of ordinary words is one there, a call to action is not."""
    return is_plausible_name(text, lexicon) and not _label_words(
        normalise_marker(text.strip()), lexicon, credited
    )


_NO_VALUES = frozenset({"undefined", "null", "none", "nan", "n/a"})  # a template's empty value


def _label_words(norm: str, lexicon: Lexicon, credited: bool = False) -> bool:
    """A button's or a section's label, no name (`norm`: `normalise_marker` of it): one opening
    with a call to action ("Shop All Crocs", "Join AMA"), or made only of the ordinary lower-case
    words of the page's language ("Key Features", "Frequently Asked Questions")."""
    words = norm.split()
    if not words or norm in _NO_VALUES:
        return bool(words)
    if words[0] in lexicon.action_words:
        return True
    if credited or _is_team(norm, lexicon):
        return False  # "Editorial Team", "News Desk": a desk's name of ordinary words
    # (a name's particle is no ordinary word there: "Al Root" is a name, though "al" ends "et al")
    common = lexicon.common_words
    return bool(common) and all(w in common and w not in lexicon.name_particles for w in words)


def _is_team(norm: str, lexicon: Lexicon) -> bool:
    """ "Tim detikJabar", "Tim Redaksi": a prefix word followed by a space, never "Timothy";
    "Jerusalem Post Staff", "The Upwork Team": a desk's word after the outlet's name."""
    spaced, whole = _spaced_forms(lexicon.team_prefix)
    return norm in whole or norm.startswith(spaced) or norm.endswith(_ending_forms(lexicon.team_suffix))


@lru_cache(maxsize=8)
def _ending_forms(suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """Each of `suffixes` after a space (for one `endswith`)."""
    return tuple(" " + s for s in suffixes)


@lru_cache(maxsize=8)
def _spaced_forms(prefixes: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Each of `prefixes` followed by a space (for one `startswith`), and the prefixes themselves."""
    return tuple(p + " " for p in prefixes), frozenset(prefixes)


# A value of digits alone ("262588213843476"): an account's number, as `article:author` may give
# a profile's id, not a name.
_ACCOUNT_NUMBER = re.compile(r"[\d\W]+")


def _markup_name(name: str, lexicon: Lexicon) -> bool:
    """Looser than `is_plausible_name`: markup names organisations ("Swoogo") and lower-case names,
    never a bare number."""
    norm = normalise_marker(name)
    return (
        2 <= len(name) <= 80
        and len(name.split()) <= 8
        and not _ACCOUNT_NUMBER.fullmatch(name)
        and not lexicon.contains_substring(norm, lexicon.byline_junk)
        and norm not in _NO_VALUES
    )


# A credit word run into the name by inline elements printed without a space ("ByTrevor Jones").
_GLUED_LEAD = re.compile(r"([A-Z][a-z]+)(?=[A-Z][a-z])")
# A job title run into the name the same way ("Mateusz HabernyFounder"): a lower-case letter,
# then a capitalised word ending the token. Names with an inner capital ("McDonald") keep theirs,
# since only a role word (`byline_roles`) is cut.
_GLUED_TAIL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+$)")


def _unglued_credit(text: str, lexicon: Lexicon) -> str:
    """'ByTrevor Jones' → 'Trevor Jones': an author prefix glued to the capital of the name;
    'Authors:Aniruddha Roy, …' → 'Aniruddha Roy, …': a credit label and its colon likewise."""
    lead = _GLUED_LEAD.match(text)
    if lead is not None and lead.group(1).lower() in lexicon.author_prefix:
        return text[lead.end() :]
    label, colon, rest = text.partition(":")
    if colon and rest[:1].isupper() and _is_credit_label(normalise_marker(label), lexicon):
        return rest
    return text


def _title_cut(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """'Emma Ryan Writer' → ('Emma Ryan', 'Writer'), 'Rasmus Barslund Founder, Lead Reviewer' →
    ('Rasmus Barslund', 'Founder, Lead Reviewer'), 'Mateusz HabernyFounder' → ('Mateusz Haberny',
    'Founder'): a name whose job title follows with no comma between, and the text cut (""
    where none is). Templates print the title in its own element right after the name, and what
    follows the title (more of it, the outlet) is no second person either. Only the name's leading
    capitalised words are read, so "A and B Writer" keeps both names."""
    words = text.split()
    for k, word in enumerate(words):
        bare = word.rstrip(",;:")
        role = bare.lower()
        # "Jerusalem Post Staff, Reuters": a team word ending the name names the desk; "Staff
        # Writer" after a name is a title
        desk = (k == len(words) - 1 or bare != word) and role in lexicon.team_prefix
        if k >= 2 and role in lexicon.byline_roles and not desk:
            return " ".join(words[:k]), " ".join(words[k:])
        if k >= 1:
            glued = _GLUED_TAIL.split(bare, maxsplit=1)
            if len(glued) == 2 and glued[1].lower() in lexicon.byline_roles:
                return " ".join([*words[:k], glued[0]]), " ".join([word[len(glued[0]) :], *words[k + 1 :]])
        if not _name_token(word, lexicon):
            break
    return text, ""


def _role_cut(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """'Oliver Pennington, Local Democracy Reporter' → ('Oliver Pennington', 'Local Democracy
    Reporter'); 'Arief Setiawan, Jurnalis' likewise: the names before a comma whose tail holds a
    role word, and that tail ("" where nothing is cut)."""
    head, sep, tail = text.partition(",")
    # (a role word followed by more of the tail keeps its comma: "editor, pcworld")
    if sep and any(w.rstrip(",;") in lexicon.byline_roles for w in normalise_marker(tail).split()):
        return head, tail.strip()
    return text, ""


_PLACE_IN_BRACKETS = re.compile(r"\s+\([^()\d]{2,30}\)$")
_CASED_PART = re.compile(r"[^\W\d_]+")


def _normal_case(name: str) -> str:
    """'LAURA M. DELANEY' → 'Laura M. Delaney': wire bylines print names in capitals."""
    if not name.isupper() or len(name.split()) < 2:
        return name
    return _CASED_PART.sub(lambda m: m.group(0).capitalize(), name)


@lru_cache(maxsize=8)
def _name_split(marks: str, joiners: tuple[str, ...], cased: tuple[str, ...]) -> re.Pattern[str]:
    """Splits names apart at any of `marks`, at a whole word of `joiners` in any case, and at one
    of `cased` all lower or all upper case ("dan", "DAN", not "Dan"), with the spaces around
    them. Built once per lexicon's words (cached)."""
    alternatives = list(map(re.escape, marks))
    if joiners:
        alternatives.append(rf"\b(?i:{'|'.join(map(re.escape, joiners))})\b")
    if cased:
        forms = dict.fromkeys(re.escape(form) for word in cased for form in (word.lower(), word.upper()))
        alternatives.append(rf"\b(?:{'|'.join(forms)})\b")
    return re.compile(rf"\s*(?:{'|'.join(alternatives)})\s*")


# The marks between two people each printed with a title ("A, Editor & B, Reporter").
_PERSON_MARKS = re.compile(r"\s*[&;]\s*")


def _titled_name(text: str, lexicon: Lexicon) -> bool:
    """`text` is a full name, then a comma and a title with a role word ("Gene Petrino, Home
    Security Expert")."""
    head, tail = _role_cut(text.strip(), lexicon)
    return bool(tail) and len(head.split()) >= 2 and is_credited_name(head, lexicon)


def _people(text: str, role: str, lexicon: Lexicon, markup: bool = False) -> list[Person]:
    """The people a credit clause's text names ("A and B", "A, Reporter", "A, Reuters"), each
    with the job title and the outlet the clause prints beside the names (`Person.job_title`,
    `Person.affiliation`)."""
    people: list[Person] = []
    if not markup:
        # "A, Privacy and Security Expert & B, Home Security Expert": each person with the title
        # after their name, the "&" or ";" between them; not "A, Director, Content & Marketing"
        parts = _PERSON_MARKS.split(text)
        if len(parts) > 1 and all(_titled_name(part, lexicon) for part in parts):
            return [p for part in parts for p in _people(part, role, lexicon)]
    # "& Zackery Cuevas": the last of several authors, printed after its joiner
    text, title = _title_cut(_unglued_credit(text.strip().lstrip("&,; "), lexicon), lexicon)
    if markup:
        split = _name_split(_SPLIT_MARKS_MARKUP, lexicon.name_joiners, lexicon.cased_joiners)
    else:
        joiners = (*lexicon.name_joiners, *lexicon.credit_line_joiners)
        split = _name_split(_SPLIT_MARKS, joiners, lexicon.cased_joiners)
    names, tail = _role_cut(text, lexicon)
    if not markup and uncased_word(names[:1]):
        names = _uncased_names_apart(names, lexicon)
    job_title, affiliation = credit_details(title or tail, lexicon)
    # "By Jane Doe, Reuters", "Laporan wartawan Kompas.com, Budi Santoso": an agency set off by a
    # comma (markup does not split at commas: there it stays in the name)
    outlet = affiliation or (None if markup else comma_outlet(names, lexicon))
    for raw in split.split(names):
        if people and not people[-1].is_organisation and _is_name_suffix(raw, lexicon):
            # "Jane Doe, MS, RDN": a degree after the name stays with it, as markup keeps it
            people[-1] = replace(people[-1], name=f"{people[-1].name}, {raw.strip(' ,;*†')}")
            continue
        # "Fikri Halim (Banten)": the reporter's region in brackets after the name; "Budi (Antara)":
        # the agency the reporter writes for
        # '"David Kim"': a name some markup quotes; '+ Dan Evon': a follow button's mark before it
        bracket = _PLACE_IN_BRACKETS.search(raw.strip())
        kept = raw.strip()[: bracket.start()] if bracket else raw.strip()
        name = kept.strip(f' .:-–—()（）"“”+|{_BULLETS}')
        if kept.endswith(name + ".") and "," in name and _is_name_suffix(name.rsplit(",", 1)[1], lexicon):
            name += "."  # "Genevieve Carlton, Ph.D.": the abbreviation's own dot
        if not name or _NOT_A_NAME.search(name):
            continue
        norm = normalise_marker(name)
        if _is_credit_label(norm.rstrip(":"), lexicon):
            continue  # "Author", "Written By": a label whose name sits in the next block
        if _is_team(norm, lexicon) and len(name.split()) <= 4:
            people.append(Person(name if markup else _normal_case(name), role="team", is_organisation=True))
            continue
        if not markup and _POSSESSIVE.search(name):
            # "Ryan Reed's Most Recent Stories": a box named after a person, no name (markup's
            # author value is no box header: "Children's Hospital" names the organisation)
            continue
        if norm in lexicon.agencies:
            people.append(Person(name, role="agency", is_organisation=True))
            continue
        if is_credited_name(name, lexicon, credited=True):
            name = name if markup else _normal_case(name)
        elif not markup and people and name.islower():
            # "Jane Doe, MD, gastroenterologist, River Health": a description in lower case after
            # a name; what follows it describes the person too, it names no other
            break
        elif not (_markup_name(name, lexicon) if markup else _uncased_name(name, lexicon)):
            continue
        own = bracket_outlet(bracket.group(0), lexicon) if bracket else None
        people.append(Person(name, role=role, job_title=job_title, affiliation=own or outlet))
    return people


def _uncased_names_apart(names: str, lexicon: Lexicon) -> str:
    """Names in a script without letter case with the lexicon's separators between them
    (`name_separators` that are no letters of a cased script: the ideographic comma "、", Hindi
    "और"; and a space, where the page's language writes a name without one, `space_parts_names`:
    Chinese '王晓明 周婷') turned into commas, which split them."""
    for separator in lexicon.name_separators:
        if not separator.isascii():  # a word between spaces ("और"), a mark anywhere ("、")
            spaces = r"\s+" if any(map(str.isalpha, separator)) else r"\s*"
            names = re.sub(f"{spaces}{re.escape(separator)}{spaces}", ", ", names)
    return ", ".join(names.split()) if lexicon.space_parts_names else names


def _is_name_suffix(part: str, lexicon: Lexicon) -> bool:
    """'MS', 'Ph.D.', 'Jr.': a degree, licence or suffix (`name_suffixes`) after a name's comma."""
    return normalise_marker(part).replace(".", "") in lexicon.name_suffixes


def _without_dates(text: str, lexicon: Lexicon) -> str:
    """`text` with its date expressions replaced by a clause break ("September 1st, 2023 By A")."""
    if not has_digit(text):
        return text
    for match in reversed(find_dates(text, None, lexicon, grammar_of(lexicon))):
        text = f"{text[: match.start]}  {text[match.end :]}"
    return text


_GENERIC_CREDIT_LABELS = frozenset({"author", "authors", "writer"})


def _is_credit_label(word: str, lexicon: Lexicon) -> bool:
    """'Author', 'Written By', 'Penulis': a credit label whose name sits in the next block."""
    return word in lexicon.credit_labels or word in _GENERIC_CREDIT_LABELS


def _credit_clauses(text: str, starts: tuple[str, ...]) -> list[str]:
    """The clauses of `text` that start with a credit word, a run-together "Label: A Label: B"
    split in two. Only a clause that opens with a credit is split: "... nasi. Foto: Humas"
    ends a caption, it starts no credit line."""
    out: list[str] = []
    for clause in _CLAUSE.split(text) if _CLAUSE_HINT.search(text) else (text,):
        if not normalise_marker(clause).startswith(starts):  # the common miss is decided in C
            clause = _uncased_credit_inside(clause, starts)
            if not clause:
                continue
        out.extend(part for part in _split_labels(clause) if normalise_marker(part).startswith(starts))
    return out


@lru_cache(maxsize=8)
def _uncased_starts(starts: tuple[str, ...]) -> re.Pattern[str] | None:
    """A space, then one of `starts` written in a script without letter case, then a space or a
    colon: such a credit word inside a meta row starts a clause of its own; None where none is."""
    uncased = [s for s in starts if s[:1] and uncased_word(s[:1])]
    if not uncased:
        return None
    return re.compile(
        r"\s(?:" + "|".join(map(re.escape, sorted(uncased, key=len, reverse=True))) + r")(?=[\s:\uff1a])"
    )


def _uncased_credit_inside(clause: str, starts: tuple[str, ...]) -> str:
    """The rest of `clause` from a credit word in a script without letter case that stands as a
    word of its own inside it ('来源：江城日报 记者 王晓明 周婷': '记者 王晓明 周婷'), where no capital
    and no mark sets the credit apart from the label before it; "" where none is."""
    if clause.isascii():  # (first: most clauses, and no cached lookup keyed by the long tuple)
        return ""
    pattern = _uncased_starts(starts)
    if pattern is None:
        return ""
    found = pattern.search(clause)
    return clause[found.start() + 1 :] if found is not None else ""


def _split_labels(clause: str) -> list[str]:
    """`clause` cut before each "Label:" that follows a labelled value: "Reporter: A Editor: B"
    gives two, "Edited by: B" one (no value before "by:")."""
    parts: list[str] = []
    cut = 0
    for match in _NEXT_LABEL.finditer(clause):
        head = clause[cut : match.start()]
        if ":" in head and head.split(":", 1)[1].strip():
            parts.append(head)
            cut = match.end()
    parts.append(clause[cut:])
    return parts


def _prefixed(text: str, lexicon: Lexicon, norm: str | None = None) -> list[Person]:
    """People credited by a prefixed clause; a line may hold several clauses.
    `norm`: `normalise_marker(text)`, where the caller has it."""
    # A substring pre-test: the clauses' `startswith` in `_credited` decides, so a hit inside a
    # word costs only the scan.
    if not lexicon.contains_substring(
        normalise_marker(text) if norm is None else norm, lexicon.credit_starts
    ):
        return []  # no credit word anywhere: skip the date scan
    return _credited(text, lexicon)


def _credit_word_lines(norms: list[str], lexicon: Lexicon) -> set[int]:
    """Which of `norms` (normalised lines) pass `_prefixed`'s pre-test: those holding a credit
    word anywhere, found by one scan of the lines joined instead of a search per line (by a C
    loop over the lines, `_substring_set`, where it is built)."""
    compiled = _substring_set(lexicon.credit_starts)
    if compiled is not None:
        return compiled.lines_holding(norms)
    return JoinedLines.of(norms).holding_substring(lexicon.credit_starts)


@lru_cache(maxsize=8)
def _substring_set(needles: tuple[str, ...]) -> SubstringSet | None:
    """`needles` compiled where it finds the lines `JoinedLines.holding_substring` finds on
    `SUBSTRING_PROBES` and on the needles themselves (`verified_substring_set`); None otherwise, or
    with WARTA_PURE_PYTHON. A pure function of the lexicon's needles, so cached."""

    def agrees(found: SubstringSet, lines: list[str]) -> bool:
        return found.lines_holding(lines) == JoinedLines.of(lines).holding_substring(needles)

    return verified_substring_set(needles, SUBSTRING_PROBES, agrees)


def _credit_hits(text: str, lexicon: Lexicon) -> Iterator[tuple[str, re.Match[str], str]]:
    """Each credit clause of `text` (its dates taken out) that opens with a credit prefix: the
    clause, the prefix's match on its normalised form, and the prefix's role (the first role
    whose prefix opens it)."""
    for clause in _credit_clauses(_without_dates(text, lexicon), lexicon.credit_starts):
        norm = normalise_marker(clause)
        for prefixes, role in lexicon.credit_prefixes:
            opened, whole = _prefix_forms(prefixes)
            if not (norm.startswith(opened) or norm in whole):
                continue  # no prefix of this role (decided in C): most roles, most clauses
            hit = _prefix_pattern(prefixes).match(norm)
            if hit is not None:
                yield clause, hit, role
                break


def _credited(text: str, lexicon: Lexicon) -> list[Person]:
    """`_prefixed` of a text that holds a credit word somewhere (past the pre-test)."""
    found: list[Person] = []
    for clause, hit, role in _credit_hits(text, lexicon):
        after = clause.strip()[hit.end() :]
        rest = _ended_name(_SEPARATOR.sub("", after), lexicon)
        if hit.group(0) in lexicon.starter_prefix:
            found.extend(_starter(rest, lexicon))
        elif hit.group(0) in lexicon.colon_prefixes and not after.lstrip().startswith(":"):
            # "Author Spotlight", "Editor Picks": a label the lexicon writes with its colon,
            # printed without it, is a heading unless a full name follows ("Author Jane Doe")
            found.extend(p for p in _people(rest, role, lexicon) if len(p.name.split()) >= 2)
        else:
            found.extend(_people(rest, role, lexicon))
    return found


def _ended_name(rest: str, lexicon: Lexicon) -> str:
    """A credit clause's text after its prefix, cut before the first word past its first that
    ends a name (`name_enders`: 'Angela Kaye Carpenter Updated onFebruary 16' → 'Angela Kaye
    Carpenter', 'A. J. Neal View In Digital Edition' → 'A. J. Neal'; `_ends_uncased_name`)."""
    words = rest.split(" ")
    uncased = bool(words) and uncased_script_word(words[0].strip(_NAME_PUNCTUATION))
    cut = next(
        (
            k
            for k in range(1, len(words))
            if (uncased and _ends_uncased_name(words[k])) or _ends_name(words[k:], lexicon)
        ),
        None,
    )
    return rest if cut is None else " ".join(words[:cut]).rstrip(" ,;|")


_NAME_PUNCTUATION = ",.;:|()（）、"


def _ends_uncased_name(word: str) -> bool:
    """After a name in a script without letter case, a word of other characters ends it: a
    meta row's next label ('记者 王晓明 周婷 字号：大 中 小': '字号：大', 'font size: large'), a
    number, a Latin word. (Its punctuation at the edges does not: 'राकेश शर्मा, संवाददाता'.)"""
    stripped = word.strip(_NAME_PUNCTUATION)
    return bool(stripped) and not uncased_script_word(stripped)


def _ends_name(words: list[str], lexicon: Lexicon) -> bool:
    """`words` open capitalised with a date's label ('Last Updated …', 'Posted …': the calendar's
    modified and published markers) or a `name_enders` word ('View …'): a label printed after
    a name, where a lower-case word may be the clause's own."""
    first = words[0].strip(",.:;|")
    if not (first[:1].isupper() or uncased_word(first[:1])):
        return False
    if first.lower() in lexicon.name_enders:
        return True
    grammar = grammar_of(lexicon)
    markers = (*grammar.modified_markers, *grammar.published_markers)
    tail = " ".join(words).lower()
    return (
        tail.startswith(markers)
        and any(  # (in C first: most words open with no marker)
            tail.startswith(marker) and tail[len(marker) : len(marker) + 1] in ("", " ", ":")
            for marker in markers
        )
    )


def _credited_login(block: Block, lexicon: Lexicon) -> list[Person]:
    """'by jsteinhardt' linking to '/users/jsteinhardt': an author credit whose value is a login,
    as the site prints it (lower case, digits), where the line links to that login's member page
    (`_names_member`); `is_plausible_name` wants a capitalised name."""
    href = block.structure.href
    if not href:
        return []
    for clause, hit, role in _credit_hits(block.text, lexicon):
        login = _SEPARATOR.sub("", clause.strip()[hit.end() :]).strip()
        if role == "author" and _LOGIN.match(login) and _names_member(href, login):
            return [Person(login, role="author")]
    return []


def _starter(rest: str, lexicon: Lexicon) -> list[Person]:
    """The author of a forum thread's first post ("Thread starter paulb203"): one login name, which
    forums print as it was typed (lower case, digits, underscores) where `is_plausible_name` wants
    a capitalised name; a spaced name ("Perseus Legend") is read as any other."""
    name = rest.strip()
    if _LOGIN.match(name) and not lexicon.contains_substring(normalise_marker(name), lexicon.byline_junk):
        return [Person(name, role="author")]
    return _people(rest, "author", lexicon)


def _starter_before_label(text: str, norm: str, lexicon: Lexicon) -> list[Person]:
    """'JosephF Discussion starter': the starter label printed after the login name, as forums
    print it beside the first post's author (`norm`: `normalise_marker(text)`)."""
    for label in lexicon.starter_prefix:
        if norm.endswith(" " + label):
            words = text.split()
            size = len(label.split())
            if len(words) == size + 1 and normalise_marker(" ".join(words[-size:])) == label:
                return _starter(words[0], lexicon)
    return []


@lru_cache(maxsize=32)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A regex whose `match` of a clause's norm ends after the first of `prefixes`, in their order,
    that the norm opens with followed by a space or a colon, or that is the whole norm (`_credited`):
    one scan in C where a generator tried each prefix's forms in turn. Alternatives are tried in
    order, and each holds only if its lookahead does, so the first prefix that fits wins."""
    return re.compile("|".join(f"{re.escape(p)}(?=[ :]|\\Z)" for p in prefixes))


@lru_cache(maxsize=32)
def _prefix_forms(prefixes: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """How a clause opens with one of `prefixes` (`_credited`): each prefix followed by a space or
    a colon, for one `startswith`, and the prefixes themselves, for a clause that is one alone."""
    return tuple(p + end for p in prefixes for end in " :"), frozenset(prefixes)


def item_people(metadata: PageMetadata | None, lexicon: Lexicon) -> list[Person]:
    """The author the page's first microdata `author` property names (`item_authors`): the
    article's writer, or a thread's starter where every post marks its author so. Written for
    machines, it is surer than a bare capitalised line under the headline, but a page may mark
    a sidebar's or a comment's author too: read where no credit or login names the author."""
    if metadata is None or not metadata.item_authors:
        return []
    text = metadata.item_authors[0]
    hit = _author_prefix(normalise_marker(text), lexicon)
    if hit is not None:
        text = _SEPARATOR.sub("", text[len(hit) :])
    return _people(text, "author", lexicon, markup=True)


def _author_prefix(norm: str, lexicon: Lexicon) -> str | None:
    """The author prefix (`author_prefix`: "by", "analysis by") a normalised value opens with,
    a space after it; None for most values, which one `startswith` in C rules out."""
    if not norm.startswith(_spaced_forms(lexicon.author_prefix)[0]):
        return None
    return next((p for p in lexicon.author_prefix if norm.startswith(p + " ")), None)


def labelled_people(metadata: PageMetadata, lexicon: Lexicon) -> list[Person]:
    """The authors the markup's labelled data names: the values whose label is an author's credit
    label ("Written by" over "Jane Doe" in `twitter:label1` and `twitter:data1`). A link preview's
    data names the account that posted the page, which may not be the writer a visible byline
    names: the last resort, read where nothing else names the author."""
    return unique_people(
        person
        for label, value in metadata.labelled_data
        if _credit_role(normalise_marker(label), lexicon) == "author" and not value.startswith("http")
        for person in _people(value, "author", lexicon, markup=True)
    )


def metadata_people(metadata: PageMetadata | None, lexicon: Lexicon) -> list[Person]:
    """Authors named in the page's markup, most trusted source first, junk and URLs dropped."""
    if metadata is None:
        return []

    def rank(source: str) -> int:
        key = source.lower()
        return next((i for i, s in enumerate(_SOURCE_ORDER) if key.startswith(s)), len(_SOURCE_ORDER))

    people: list[Person] = []
    best = min((rank(source) for _name, source in metadata.authors), default=0)
    # JSON-LD's `jobTitle` and `worksFor` of a name: given for machines, they win over a cut title
    details = {name: (title, outlet) for name, title, outlet in reversed(metadata.author_details)}
    site = _site_key(metadata)
    # One source: JSON-LD names the writer where the meta tag of the same page names the site.
    for name, source in metadata.authors:
        if rank(source) != best:
            continue
        text = name.strip()
        hit = _author_prefix(normalise_marker(text), lexicon)
        if hit is not None:
            text = _SEPARATOR.sub("", text[len(hit) :])
        if (
            _is_site(text, site)
            and _markup_name(text, lexicon)
            and not _NOT_A_NAME.search(_DOMAIN.sub("", text))
        ):
            # the site's own name is one name, though it joins two ("Morgan & Morgan"), or is
            # written as its domain ("AccountingDepartment.com")
            found = [Person(text, role="author")]
        else:
            # a value with its credit word ("Analysis by Chris Cillizza, CNN Editor-at-large") copies
            # the printed byline, commas and job title included: read as the printed one is
            found = _people(text, "author", lexicon, markup=hit is None or "," not in text)
        if name in details:
            title, outlet = details[name]
            found = [
                p
                if p.is_organisation
                else replace(p, job_title=title or p.job_title, affiliation=outlet or p.affiliation)
                for p in found
            ]
        people.extend(found)
    return _without_joined(unique_people(people))


def _without_joined(people: list[Person]) -> list[Person]:
    """`people` less a value that only joins the others' names by commas ('Craig Randall, Alli
    Miles' beside 'Craig Randall' and 'Alli Miles': a page's meta tags list the authors both ways).
    Markup does not split at commas (credentials: "Dylan Bailey, MS, RD"), so the joined value
    stays a name of its own unless every part of it is named on its own."""
    names = {p.name for p in people}
    return [
        p
        for p in people
        if not (
            (parts := [part.strip() for part in p.name.split(",")])[1:] and all(q in names for q in parts)
        )
    ]


def find_bylines(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    metadata: PageMetadata | None = None,
    norms: Sequence[str] | None = None,
) -> Bylines:
    """Authors and editors credited on the page (`norms`: `normalise_marker` of every block's
    text, where the caller has them).

    Authors named in the markup (JSON-LD, meta tags) come first: templates put
    junk where visible names go far more often than into structured data. The
    visible byline gives the authors when the markup has none, and always the editors.
    """
    # The first and the last body block: where every visible credit and fallback name is sought.
    span = _body_span(labels)
    result = Bylines() if span is None else _visible_bylines(blocks, labels, lexicon, norms, span)
    from_markup = metadata_people(metadata, lexicon)
    site = _site_key(metadata)
    people = [p for p in from_markup if not _is_site(p.name, site)]
    visible = result.authors
    headed = _headline_credit(blocks, labels, lexicon, span) if people and _tag_named(metadata) else []
    if headed and _names_others([*headed, *visible], people):
        # a meta author tag names the account that posted the page ("Stef Keegan") where the
        # credit printed under the headline ("By Lizzie Streit") names someone else, and no
        # visible credit names the account: the printed credit names the writer
        result.authors = unique_people(headed)
    elif people and not (
        visible and all(_HANDLE.match(p.name) for p in people) and _names_none(visible, people)
    ):
        # a login name ("kffnirmitap") loses to a visible name, unless the visible credits name
        # that login too (a forum's "By GrinGEO" beside "Edited … by ErnestQ"); the visible
        # byline's job titles and outlets go with the same names in the markup
        result.authors = as_printed(people, visible)
    elif visible:
        result.authors = visible
    elif from_markup:
        # The markup names the site ("GlossGenius"): a name the template marks near the
        # title is the writer; with none, the site is the author ("EcoFlow").
        marked = [] if span is None else _marked_names(blocks, labels, lexicon, span, after_body=False)
        result.authors = marked or from_markup
    elif span is not None:
        result.authors = (
            _marked_names(blocks, labels, lexicon, span)
            # a login linked to its member page is surer than a bare capitalised line ("Most Votes")
            or _member_login(blocks, span)
            or _asker_login(blocks, lexicon, span, norms)
            or item_people(metadata, lexicon)
            or _header_name(blocks, labels, lexicon, span, result, metadata)
            or _bio_box(blocks, labels, lexicon, span, result)
            or _bare_name(blocks, labels, lexicon, span, result)
            or _site_owner(blocks, labels, lexicon, span, metadata)
        )
    if metadata is not None and not result.authors:
        result.authors = labelled_people(metadata, lexicon)
    if metadata is not None and result.authors:
        # the site's names only: its host squeezed ("dev", "kompas") may be a word of a name
        keys = site_keys([*metadata.site_names, *filter(None, [metadata.site_name])])
        result.authors = unique_people(_without_site_tail(p, keys, lexicon) for p in result.authors)
    result.authors = [_as_team(p, lexicon) for p in result.authors]
    return result


def as_printed(markup: Sequence[Person], visible: Sequence[Person]) -> list[Person]:
    """The `markup` people as the visible byline prints them: each under the name the byline
    spells for the same person (a middle initial, capitals: 'Owen J. Hartley', 'PRIYA RAMAN' in
    JSON-LD under 'By Owen Hartley and Priya Raman'), with the job title and affiliation the
    byline gives that person where the markup gives none. Readers see the printed name."""
    by_name: dict[str, Person] = {}
    for person in visible:
        by_name.setdefault(normalise_marker(person.name), person)
    out = []
    for person in markup:
        printed = by_name.get(normalise_marker(person.name)) or _printed_spelling(person, visible)
        if printed is None or person.is_organisation:
            out.append(person)
            continue
        named = replace(person, name=printed.name)
        out.append(with_details(named, printed.job_title, printed.affiliation))
    return out


def _printed_spelling(person: Person, visible: Sequence[Person]) -> Person | None:
    """The one visible person whose name is another spelling of `person`'s, if exactly one is."""
    same = [v for v in visible if _same_person(person.name, v.name)]
    return same[0] if len(same) == 1 else None


def _same_person(one: str, other: str) -> bool:
    """Two spellings of one name: the same first and last word (case and dots aside), and one's
    words all among the other's ('Owen J. Hartley', 'Owen Hartley')."""
    a, b = _name_words(one), _name_words(other)
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def _name_words(name: str) -> list[str]:
    return _WORDS.findall(name.lower())


def _as_team(person: Person, lexicon: Lexicon) -> Person:
    """A credited author whose name is a desk's ("Jerusalem Post Staff", "News Nation Bureau",
    "Tim Redaksi"), found by any of the readers: the team, an organisation."""
    if person.is_organisation or person.role != "author" or len(person.name.split()) > _MAX_TEAM_WORDS:
        return person
    if not _is_team(normalise_marker(person.name), lexicon):
        return person
    return replace(person, role="team", is_organisation=True)


_MAX_TEAM_WORDS = 5


def _names_none(visible: Sequence[Person], markup: Sequence[Person]) -> bool:
    """No name of `markup` is among `visible`'s names (case aside)."""
    seen = {p.name.lower() for p in visible}
    return not any(p.name.lower() in seen for p in markup)


def _markup_rank(source: str) -> int:
    """Where a markup source stands in `_SOURCE_ORDER` (its length for an unknown one)."""
    key = source.lower()
    return next((i for i, s in enumerate(_SOURCE_ORDER) if key.startswith(s)), len(_SOURCE_ORDER))


def _tag_named(metadata: PageMetadata | None) -> bool:
    """The page's markup names its authors only in tags (a meta author tag, a rel link), not in
    the structured data written for machines (JSON-LD, microdata)."""
    return metadata is not None and min(map(_markup_rank, map(_SECOND, metadata.authors)), default=0) >= 2


_SECOND = itemgetter(1)
_WORDS = re.compile(r"\w+")


def _headline_credit(
    blocks: Sequence[Block], labels: Sequence[Label], lexicon: Lexicon, span: tuple[int, int] | None
) -> list[Person]:
    """The authors a prefixed credit line between the headline and the first body block names
    ("By Lizzie Streit"): where a byline sits, not another article's in a list around it.
    `span`: the first and the last body block."""
    title = first_label_index(labels, LABEL_TITLE)
    if span is None or title is None or title >= span[0]:
        return []
    found = [
        p
        for i in range(title + 1, span[0])
        if labels[i] not in _NOT_AN_AUTHOR_BOX and len(blocks[i].text) <= _MAX_CREDIT_LINE
        for p in _prefixed(blocks[i].text, lexicon)
    ]
    return [p for p in found if p.role == "author"]


def _names_others(visible: Sequence[Person], markup: Sequence[Person]) -> bool:
    """`visible` (credited authors) shares no word of a name with the markup's people: it names
    other people, not the same ones written another way ("Chuck Patterson")."""
    seen = {w for p in markup for w in _name_words(p.name)}
    return not any(w in seen for p in visible for w in _name_words(p.name))


_HEADER_SPLIT = re.compile(rf"\s*(?:,|\s[-–—|{_BULLETS}]\s|·)\s*")
# A name run into the writer's handle ending the line ('Natasha Turak@NatashaTurak': a flattener
# that writes inline elements with no space between), no e-mail address ('jane@example.com' holds
# a dot after): the handle is set apart as the byline's rest.
_GLUED_HANDLE = re.compile(r"(?<=[^\W\d_]{2})@(?=[^\W\d]\w*$)")


def _handle_apart(text: str) -> str:
    """`text` with a handle glued to the name after it set apart by a comma (`_GLUED_HANDLE`)."""
    return _GLUED_HANDLE.sub(", @", text) if "@" in text else text


def header_byline_name(text: str, lexicon: Lexicon) -> str | None:
    """The name of a byline line under a headline, alone or followed by the outlet, a role or
    the date: 'Sri Rahayu, CNN Indonesia', 'Rahmat Fajar Hidayat - detikNews',
    'Arief Setiawan, Jurnalis · Minggu …'. An outlet's own name ('CNN Indonesia') is no person."""
    return _header_parts_name(
        _HEADER_SPLIT.split(_handle_apart(_unglued_credit(text.strip(), lexicon)), maxsplit=1), lexicon
    )


def _header_parts_name(parts: list[str], lexicon: Lexicon) -> str | None:
    """`header_byline_name` of a line split at its first separator (`_HEADER_SPLIT`), the name
    cut before a label run on after it (`_ended_name`: 'Angela Kaye Carpenter Updated on…')."""
    name = _ended_name(parts[0], lexicon)
    rest = parts[0][len(name) :] + (parts[1] if len(parts) > 1 else "")
    if not (2 <= len(name.split()) <= 4 and len(rest.split()) <= 10 and is_credited_name(name, lexicon)):
        return _uncased_name_with_role(parts[0], lexicon) if len(rest.split()) <= 10 else None
    norm = normalise_marker(name)
    # "Written By" over the name's own line: the label, not a name
    if norm in lexicon.agencies or _is_credit_label(norm.rstrip(":"), lexicon):
        return None
    return name


_UNCASED_NAME_WORDS = 2  # the words of a name in a script without case before its role word


def _uncased_name_with_role(text: str, lexicon: Lexicon) -> str | None:
    """'홍길동 기자' → '홍길동': a name in a script without letter case (Hangul, kanji: no capital
    tells it for a name), then a role word (`byline_roles`) ending the clause, no comma between,
    as Korean and Japanese bylines print the reporter ('佐藤美咲 記者'). The role word is what
    makes it a byline; a cased name is read by `is_plausible_name` instead."""
    if not text or not uncased_word(text[0]):
        return None  # (most lines open with a cased letter, a digit or a mark: read no further)
    words = text.split()
    if (
        not 2 <= len(words) <= _UNCASED_NAME_WORDS + 1
        or normalise_marker(words[-1]) not in lexicon.byline_roles
    ):
        return None
    name = words[:-1]
    if all(uncased_word(word) for word in name) and len("".join(name)) >= 2:
        return " ".join(name)
    return None


def is_outlet_byline(text: str, lexicon: Lexicon) -> bool:
    """A name followed by the outlet or a role ('Rahmat Fajar Hidayat - detikNews',
    'Sri Rahayu, CNN Indonesia', 'Arief Setiawan, Jurnalis'): a byline, never a headline
    (a short title-case headline alone would pass for a name)."""
    parts = _HEADER_SPLIT.split(text.strip(), maxsplit=1)
    # Every separator is at least one character: the name is the whole line exactly when
    # there is none, and a name alone is no outlet byline (then no name test is needed).
    if len(parts) < 2 or _header_parts_name(parts, lexicon) is None:
        return False
    rest = normalise_marker(parts[1])
    words = rest.split()
    return rest in lexicon.agencies or bool(words and words[0] in lexicon.byline_roles)


def is_credit_line(text: str, lexicon: Lexicon, norm: str | None = None) -> bool:
    """A short line crediting people ('By Samuel Horti', 'Written By Isabella Tabacchi',
    'Editor: Rina Wijaya'): a byline, never a headline. `norm`: `normalise_marker(text)`,
    where the caller has it."""
    return len(text) <= 150 and bool(_prefixed(text, lexicon, norm))


_LABELLED_CLAUSE = re.compile(r"^\s*(?P<label>[^\W\d][^:]{0,24}?)\s*:\s*(?P<names>\S.*?)\s*$")
_CLAUSE_BREAKS = re.compile(r"\s[|;·•]\s|\s{2,}")


def is_labelled_credit_line(text: str, lexicon: Lexicon) -> bool:
    """A line of labelled credits only ('Penulis: A | Editor: B', 'Reporter: A'): each of its
    clauses a credit label, its colon, then names that `_prefixed` credits. No part of the
    article's prose wherever it stands, unlike a sign-off sentence ('Reporting by A; Editing by
    B'), which the body keeps."""
    if len(text) > 150 or ":" not in text:
        return False
    clauses = [c for c in _CLAUSE_BREAKS.split(text) if c.strip()]
    for clause in clauses:
        m = _LABELLED_CLAUSE.match(clause)
        if m is None or _credit_role(normalise_marker(m.group("label")), lexicon) is None:
            return False
    return bool(clauses) and bool(_prefixed(text, lexicon))


# The labels a byline line under the headline may carry: a name with the role and date after it
# ("Aaron Ricadela | Senior Writer | July 2, 2025") may be taken for the standfirst.
_HEADER_LABELS = frozenset({Label.OTHER, Label.BYLINE, Label.DATELINE, Label.SUBTITLE})
_UNDER_TITLE = 2  # the lines under the headline `_header_name` reads however far the body is


def _header_name(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    span: tuple[int, int],
    result: Bylines,
    metadata: PageMetadata | None = None,
) -> list[Person]:
    """A name under the headline (`header_byline_name`); a line that also names the outlet or
    a role after the name is surer than a bare name, which may be a section or a site. `span`:
    the first and the last body block (`_body_span`). The outlet (a known agency, the site's own
    name: `metadata`'s) and the role after the name are the person's affiliation and job title."""
    first = span[0]
    title = first_label_index(labels, LABEL_TITLE)
    title = title if title is not None and title < first else None
    found: list[tuple[bool, int, str]] = []
    top = max(0, first - 8)
    for i in range(top, first):
        name = _header_candidate(blocks[i], labels[i], lexicon)
        if name is None:
            continue
        line = blocks[i].text.strip()
        bare = name == line
        if not bare and _headline_like(line, blocks[title].text.strip() if title is not None else None):
            continue  # "Kenapa Arab, Jepang, Korsel Kaya dan Indonesia Miskin?": a teaser's headline
        if bare and name.isupper():
            continue  # a line in capitals alone is a section's label ('AUTO NEWS'), not a credit
        if bare and _link_or_heading(blocks[i]):
            continue  # 'Plan Your Visit' linked to a page no writer's, 'Live TV' as a heading
        if bare and labels[i] is Label.SUBTITLE:
            continue  # a short standfirst in capitals reads as a name alone; a byline has a rest
        if bare and title is not None and i < title:
            continue  # a bare capitalised line above the headline is the site's or section's name
        if bare and name.split()[0].lower() in lexicon.stopwords:
            continue  # "The Static Web", "The Woodlands": a heading or a place, no one's name
        if bare and _menu_section(blocks, labels, name, top if title is None else title):
            continue  # a section the menu above lists ("Kit Reviews"), shown again as a category
        if bare and (_in_breadcrumb(blocks, i) or _in_sentence(blocks, i)):
            continue  # 'Home' / '»' / 'Mensagens de Autoestima'; 'The' / 'Doobie Brothers' / 'will unite'
        found.append((bare, i, name))
    if title is not None:
        # flattened text puts the date and the name on lines of their own: a name right under a
        # date line close under the headline is a byline with its date, however far the body is
        for i in range(title + 1, min(first, title + 2 + _UNDER_TITLE)):
            name = _dated_name(blocks, labels, i, title, lexicon)
            if name is not None and not name.isupper():
                # (a line in capitals under a date is a teaser's section label: 'AUTO NEWS')
                found.append((False, i, name))
    if not found and title is not None:
        # a table of contents or a summary between the byline under the headline and the body:
        # the line right under the headline, with the writer's role or the date after the name
        for i in range(title + 1, min(first - 8, title + 1 + _UNDER_TITLE)):
            name = _header_candidate(blocks[i], labels[i], lexicon)
            if name is not None and _role_or_date_after(blocks[i].text, name, lexicon):
                found.append((False, i, name))
    if not found:
        return []
    _bare, i, name = min(found)  # with a rest first, then nearest the top
    result.blocks.append(i)
    job_title, affiliation = _header_details(blocks[i].text, lexicon, metadata)
    return [Person(name, role="author", job_title=job_title, affiliation=affiliation)]


def _link_or_heading(block: Block) -> bool:
    """A line printed as a heading ('Project Management'), a list's entry or a form's label (a
    menu's, a product's option: 'Crystal Clear'), or a link to a page not a writer's (a button:
    'Size Guide'): a bare line so printed is no byline. A link to an author's or a member's page
    ('/author/jane-doe', 'memberlist.php?…') may be one, in a list too (a forum post's header),
    and so may a link whose address the page does not give (its page is unknown)."""
    structure = block.structure
    if structure.href and (_links_author(block) or _links_member(block)):
        return False
    return (
        bool(structure.heading_level)
        or structure.in_list
        or structure.tag == "label"
        or (structure.href is not None and structure.link_density >= ALL_LINK)
    )


def _links_member(block: Block) -> bool:
    """`block` links to a member's page: a member path ('/user/…', `member_paths`) or a forum's
    profile script ('memberlist.php?…', `member_scripts`)."""
    path = (block.structure.href or "").split("?", 1)[0].split("#", 1)[0].rstrip("/").lower().split("/")
    return path[-1] in _MEMBER_SCRIPTS or any(part in _MEMBER_PATHS for part in path[:-1])


def _headline_like(line: str, headline: str | None) -> bool:
    """A line that opens with a name and runs on as a headline: one asking or exclaiming
    ('Kenapa Arab, Jepang, Korsel Kaya dan Indonesia Miskin?'), or the page's `headline` printed
    again ('Nollywood Actress, Kate Henshaw Is Looking …' over the same headline): no byline."""
    return line.endswith(_HEADLINE_ENDS) or line == headline


_HEADLINE_ENDS = ("?", "!")  # the marks a headline may end with and a byline's rest never does
_DATE_ONLY_REST = " ,.|-–—"  # what may remain of a line that is a date alone


def _dated_name(
    blocks: Sequence[Block], labels: Sequence[Label], i: int, title: int, lexicon: Lexicon
) -> str | None:
    """The name of block `i` under the headline (block `title`) printed with its date: on a date
    line of its own right above it ('13/06/2014' / 'Tony Carter') or right below it, a separator
    alone between or not ('Rizky Pratama' / '-' / 'Rabu, 9 April 2025 | 10:15 WIB'), or before it
    on its line ('November 20, 2019 Emiliano Bellini'), as flattened text prints a byline's parts."""
    if i - 1 > title and _date_alone(blocks[i - 1].text, lexicon):
        return _header_candidate(blocks[i], labels[i], lexicon)
    below = i + 1
    if below < len(blocks) - 1 and not blocks[below].text.strip(_DATE_ONLY_REST + _BULLETS + " "):
        below += 1  # a separator alone between them ('Rizky Pratama' / '-' / the date)
    if below < len(blocks) and _date_alone(blocks[below].text, lexicon):
        return _header_candidate(blocks[i], labels[i], lexicon)
    if below > i + 1 and below + 1 < len(blocks) and _date_alone(blocks[below + 1].text, lexicon):
        # the name, its outlet, the date ('Tanza Loudenback' / ',' / 'Business Insider' /
        # '13.11.2019'): the name is the writer's, the outlet's line the rule above reads
        return _header_candidate(blocks[i], labels[i], lexicon)
    text = blocks[i].text.strip()
    href = blocks[i].structure.href
    if labels[i] not in _HEADER_LABELS or not has_digit(text) or (href and _TAXONOMY_HREF.search(href)):
        return None
    dates = find_dates(text, None, lexicon, grammar_of(lexicon))
    if not dates or dates[0].start != 0:
        return None
    # ('Dec 26, 2025 • Mahua Das in Project Management': the name's clause, up to "in" or a mark)
    rest = text[dates[-1].end :].strip(_DATE_ONLY_REST + _BULLETS + " ")
    clause = _CLAUSE.split(rest, maxsplit=1)[0].strip() if rest else ""
    name = header_byline_name(clause, lexicon) if clause else None
    return name if name == clause else None


def _date_alone(text: str, lexicon: Lexicon) -> bool:
    """`text` is a date alone ('13/06/2014', 'November 20, 2019'), nothing else on the line."""
    return has_digit(text) and not _without_dates(text, lexicon).strip(_DATE_ONLY_REST + " ")


# A list bullet a flattening leaves at a line's start ('o Utility-scale PV', '* News')
_LEADING_BULLET = re.compile(rf"^(?:[-*+o{_BULLETS}]\s+)")


def _menu_section(blocks: Sequence[Block], labels: Sequence[Label], text: str, end: int) -> bool:
    """Some block before `end` (the headline, or the header window where no headline is marked)
    reads `text` alone, a list bullet aside, and no line of the page says more around it: a
    section the page's menu lists ('Kit Reviews'), not a person, whom a bio, a 'Recent from'
    heading or a sentence names in passing ('my name is Pamela Wilson'). A copy in a box of
    teasers (`LINK_LIST_LABELS`) is no menu entry: a teaser list credits its writers ('Ed Cara')."""
    alone = False
    for j, block in enumerate(blocks):
        line = block.text.strip()
        if line == text:
            alone = alone or (j < end and labels[j] not in LINK_LIST_LABELS)
        elif text in line:  # (a line reads `text` after its bullet only if it holds it: few do)
            if _LEADING_BULLET.sub("", line) != text:
                return False
            alone = alone or (j < end and labels[j] not in LINK_LIST_LABELS)
    return alone


_CRUMB_MARKS = frozenset("»›>/")  # a breadcrumb's separator, alone on its line after flattening


def _in_breadcrumb(blocks: Sequence[Block], i: int) -> bool:
    """Block `i` sits between breadcrumb separators alone on their lines ('Mensagens' / '»' /
    'Mensagens de Autoestima' / '»'): a section of the path to the page, no one's name."""
    return any(0 <= j < len(blocks) and blocks[j].text.strip() in _CRUMB_MARKS for j in (i - 1, i + 1))


def _in_sentence(blocks: Sequence[Block], i: int) -> bool:
    """Block `i` is a link's text cut out of a sentence by the flattening: the line before it
    ends with no mark ('The') and the line after it opens in lower case ('will unite with')."""
    if not 0 < i < len(blocks) - 1:
        return False
    before, after = blocks[i - 1].text.strip(), blocks[i + 1].text.strip()
    return bool(before) and before[-1].isalnum() and after[:1].islower()


def _header_candidate(block: Block, label: Label, lexicon: Lexicon) -> str | None:
    """`header_byline_name` of a line a header byline may be: of the header's labels, no link to
    a category or tag ("Query Optimization" under the headline is no writer)."""
    if label not in _HEADER_LABELS:
        return None
    href = block.structure.href
    if href and _TAXONOMY_HREF.search(href):
        return None
    return header_byline_name(block.text, lexicon)


def _role_or_date_after(text: str, name: str, lexicon: Lexicon) -> bool:
    """The text after `name` in a byline line holds a role word ("Senior Writer") or a digit (a
    date: "Aaron Ricadela | Senior Writer | July 2, 2025")."""
    rest = text.partition(name)[2]
    return has_digit(rest) or any(word in lexicon.byline_roles for word in normalise_marker(rest).split())


def _header_details(
    text: str, lexicon: Lexicon, metadata: PageMetadata | None
) -> tuple[str | None, str | None]:
    """The job title or the outlet printed after the name of a header byline (`header_byline_name`):
    'Arief Setiawan, Jurnalis · Minggu …' → ('Jurnalis', None), 'Sri Rahayu, CNN Indonesia' →
    (None, 'CNN Indonesia'); the outlet a known agency or the page's own site name (`metadata`)."""
    parts = _HEADER_SPLIT.split(_handle_apart(_unglued_credit(text.strip(), lexicon)), maxsplit=2)
    if len(parts) < 2:
        return None, None
    piece = parts[1]
    norm = normalise_marker(piece)
    words = norm.split()
    if words and words[0] in lexicon.byline_roles:
        return piece, None
    if norm in lexicon.agencies:
        return None, piece
    return None, site_outlet(piece, _own_site_keys(metadata)) if metadata is not None else None


def _own_site_keys(metadata: PageMetadata) -> frozenset[str]:
    """`site_keys` of the page's own site: its names in the markup and its host."""
    url = metadata.canonical_url or metadata.base_url
    return site_keys([*metadata.site_names, *filter(None, [metadata.site_name])], url)


# The capitalised rest of a name's last word, an outlet run into it: 'Peal|OpenAI'. It is cut where
# it is the site's name or a brand's with a capital inside ('OpenAI', 'GitHub'), where a surname's
# second part ('MacDonald') is a plain word.
_GLUED_OUTLET = re.compile(r"(?<=[a-z]{2})[A-Z]\w+$")


def _without_site_tail(person: Person, keys: frozenset[str], lexicon: Lexicon) -> Person:
    """'Brian Truitt USA TODAY' → 'Brian Truitt' of 'USA TODAY', 'Jagpreet Chhatwal, The Commercial
    Appeal' likewise, and 'Gabriel PealOpenAI' (run on without a space): a name with the page's
    own site name (`keys`: `site_keys` of its names) run on after it, as a template prints the
    outlet in the byline's element. The name left is two words or more."""
    words = person.name.split()
    if person.is_organisation:
        return person
    glued = _GLUED_OUTLET.search(words[-1]) if len(words) >= 2 else None
    if glued is not None:
        # 'Gabriel PealOpenAI': the outlet run into the name's last word without a space
        head, brand = person.name[: len(person.name) - len(words[-1]) + glued.start()], glued.group()
        known = site_outlet(brand, keys) is not None or sum(map(str.isupper, brand)) >= 2
        if known and is_credited_name(head, lexicon):
            return replace(person, name=head, affiliation=person.affiliation or brand)
    if len(words) < 3 or not keys:
        return person
    for k in range(2, len(words)):
        head, tail = " ".join(words[:k]).rstrip(","), " ".join(words[k:])
        outlet = site_outlet(tail, keys)
        if outlet is not None and is_credited_name(head, lexicon):
            return replace(person, name=head, affiliation=person.affiliation or outlet)
    return person


def _bare_name(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    span: tuple[int, int],
    result: Bylines,
) -> list[Person]:
    """A bare name on its own line right after the body (`span`: its first and last block), as
    Indonesian portals print it."""
    last = span[1]
    for i in range(last + 1, min(len(blocks), last + 3)):
        if labels[i] in _AFTER_BARE_NAME:
            break  # (a topic's name in the tag list under the body: 'Topics' / 'Hong Kong')
        structure = blocks[i].structure
        if structure.heading_level or structure.tag == "label" or _TAXONOMY_HREF.search(structure.href or ""):
            continue  # "Related Topics", "More Articles You Might Enjoy", a product's option, a category link
        if structure.link_density >= ALL_LINK and not _links_author(blocks[i]):
            continue  # a link to a page not a writer's: a product, a service, a button ("Get Protection Now")
        words = blocks[i].text.split()
        if words and words[0].lower() in lexicon.stopwords:
            continue  # "The Doobie Brothers Tour Dates": a heading, no one's name
        if is_credited_name(blocks[i].text, lexicon) and len(words) >= 2:
            if _printed_alone(blocks, blocks[i].text.strip()) >= _KICKER_LINES:
                continue  # 'Company Town' over each teaser: a section's label, no one's name
            result.blocks.append(i)
            return [Person(blocks[i].text.strip(), role="author")]
    return []


_KICKER_LINES = 3  # the lines a section's label stands alone on, over the teasers of its stories


def _printed_alone(blocks: Sequence[Block], text: str) -> int:
    """The blocks whose line is `text` alone (a list bullet aside)."""
    # (a substring test in C first: most lines do not hold the text at all)
    return sum(
        1 for block in blocks if text in block.text and _LEADING_BULLET.sub("", block.text.strip()) == text
    )


# The lists after the body that end the search for a bare name under it (`_bare_name`).
_AFTER_BARE_NAME = frozenset({Label.RELATED, Label.SIDEBAR, Label.COMMENTS, Label.TAGS})
_MIN_OWN_KEY = 4  # the shortest host name a personal site's owner's name is read from


def _site_owner(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    span: tuple[int, int],
    metadata: PageMetadata | None,
) -> list[Person]:
    """The owner of a personal site, the last resort where nothing names the author: a person's
    name on the link to the site's home page above the headline that the host spells whole or
    in part ("Pierce Freeman" on pierce.dev, "Christoffer Artmann" on artmann.co). A name with a
    word of a publication's (`site_words`: "Rust Blog") is the site's. `span`: the first and the
    last body block."""
    if metadata is None:
        return []
    host = (url_host(metadata.canonical_url or metadata.base_url) or "").removeprefix("www.")
    parts = {part for part in host.split(".")[:-1] if len(part) >= _MIN_OWN_KEY}
    title = first_label_index(labels, LABEL_TITLE)
    if not parts or title is None or title >= span[0]:
        return []
    for block in blocks[:title]:
        href = block.structure.href or ""
        # (A link that does not spell the host out is passed over before any parsing: its tail
        # after the host would be the whole link, never "" or "/" where it has a host.)
        if (
            host not in href
            or (url_host(href) or "").removeprefix("www.") != host
            or href.split(host, 1)[-1] not in ("", "/")
        ):
            continue
        name = block.text.strip()
        words = name.split()
        if not (2 <= len(words) <= 3 and is_credited_name(name, lexicon)):
            continue
        if any(w[:1].isupper() and w.lower() in lexicon.stopwords for w in words):
            continue  # "Journey To College": a capitalised function word is in no person's name
        keys = [re.sub(r"\W", "", w.lower()) for w in words]
        if not lexicon.site_words.isdisjoint(keys) or not parts & {"".join(keys), *keys}:
            continue
        return [Person(name, role="author")]
    return []


_BIO_LOOKAHEAD = 3  # blocks after an author box's name where its bio may open
_BIO_CHARS = 60  # the shortest bio: a sentence, not another name or a label


def _bio_box(
    blocks: Sequence[Block], labels: Sequence[Label], lexicon: Lexicon, span: tuple[int, int], result: Bylines
) -> list[Person]:
    """An author box at the article's end: a name on its own line, then a bio that opens with the
    name or its first word ('Lauren Vetter' … 'Lauren Vetter is a growth-focused marketer', 'Nawaz
    Dhandala' … 'Nawaz is building …'), with a label or a handle between them at most. `span`:
    the first and the last body block (a bio may be read as the last body block, and the name's
    line too where it links to the author's page); the name's block goes to `result.blocks`
    (and to `result.names` where it is a body block, its bio to `result.bios` where that closes
    the body: a box the body ran into, told by the name's link to the author's page)."""
    last = span[1]
    for i in range(max(span[0] + 1, last - _NAME_WINDOW), min(len(blocks), last + _BOX_WINDOW)):
        if labels[i] in _NOT_AN_AUTHOR_BOX:
            continue
        # a box the segmenter took for the body's end: its name links to the author's page
        in_body = labels[i] is LABEL_BODY
        if in_body and not _links_author(blocks[i]):
            continue
        name = blocks[i].text.strip()
        words = name.split()
        if not (2 <= len(words) <= 4 and is_credited_name(name, lexicon)):
            continue
        for j in range(i + 1, min(len(blocks), i + 1 + _BIO_LOOKAHEAD)):
            bio = blocks[j].text
            if labels[j] is not Label.COMMENTS and len(bio) >= _BIO_CHARS and _opens_bio(bio, words, lexicon):
                result.blocks.append(i)  # the name's line is a byline, as `_bare_name`'s
                if in_body:
                    result.names.append(i)
                    if j == last and labels[j] is LABEL_BODY:
                        # the box's bio, the body's last block: the writer's, not the story's
                        result.bios.append(j)
                return [Person(name, role="author")]
    return []


def _links_author(block: Block) -> bool:
    """`block` links to an author's page ('/author/jane-doe/')."""
    href = block.structure.href
    return bool(href and _AUTHOR_HREF.search(href))


def _opens_bio(text: str, words: list[str], lexicon: Lexicon) -> bool:
    """`text` opens with the name of `words` ("Lauren Vetter …"), or with its first word and a
    bio verb ("Nawaz is …", `bio_verbs`): "Ascom corporate news" under "Ascom News Service" opens
    no bio, nor "The web …" under "The Static Web"."""
    if text.startswith(" ".join(words) + " "):
        return True
    head, _, rest = text.partition(" ")
    verb = rest.split(" ", 1)[0].lower()
    return head == words[0] and words[0].lower() not in lexicon.stopwords and verb in lexicon.bio_verbs


def _member_login(blocks: Sequence[Block], span: tuple[int, int]) -> list[Person]:
    """A forum post's author: a link right before the first body block whose text is the login
    its member page names ("JonB" linking to "/user/jonb"). A forum prints the author of the
    first post, the thread's starter, above it; the link naming itself keeps out the site's
    other links there (a category, a reply button). `span`: the first and the last body block."""
    first = span[0]
    # the earliest: a short first post the body does not take ("Best news site for beginners?")
    # leaves its author's header line above the first reply's
    for i in range(max(0, first - _LOGIN_WINDOW), first):
        if name := _login_link(blocks[i]) or _login_with_date(blocks[i]):
            return [Person(name, role="author")]
    return []


_POST_META = 40  # the longest text after the login in a post's header line (`_login_with_date`)


def _login_with_date(block: Block) -> str | None:
    """The login opening a post's header line that links to its member page, the post's date
    and number after it ("Mahaloth January 11, 2025, 12:04am 1" linking to "/u/Mahaloth"), as
    a forum prints the first post's author above it."""
    href, text = block.structure.href, block.text.strip()
    login, _, rest = text.partition(" ")
    if not (href and rest and len(rest) <= _POST_META and has_digit(rest) and _LOGIN.match(login)):
        return None
    return login if _names_member(href, login) else None


def _asker_login(
    blocks: Sequence[Block], lexicon: Lexicon, span: tuple[int, int], norms: Sequence[str] | None
) -> list[Person]:
    """A question's author on a Q&A site: the login linked to its member page right under
    "asked <date>" after the question (`span`: the first and the last body block; `norms`: the
    blocks' `normalise_marker`, where the caller has them). The first such line is the
    question's; an editor's card ("edited <date>") may come before it, an answer's after it."""
    if not lexicon.asker_prefix:
        return []
    first = span[0]
    asked = _spaced_forms(lexicon.asker_prefix)[0]
    for i in range(first + 1, min(len(blocks) - 1, first + _BOX_WINDOW + 10)):
        text = blocks[i].text
        if len(text) > 60 or not (normalise_marker(text) if norms is None else norms[i]).startswith(asked):
            continue
        name = _login_link(blocks[i + 1])
        return [Person(name, role="author")] if name else []
    return []


def _login_link(block: Block) -> str | None:
    """The login a block names when it is a link to that login's own member page."""
    href, text = block.structure.href, block.text.strip()
    return text if href and _LOGIN.match(text) and _names_member(href, text) else None


def _names_member(href: str, login: str) -> bool:
    """`href` is the member page of `login`: a member path, then the login (with its id), or
    the id and the login apart ("/users/2911408/vader")."""
    path = href.split("?", 1)[0].split("#", 1)[0].rstrip("/").split("/")
    if path[-1].lower() in _MEMBER_SCRIPTS:
        return "?" in href  # the profile a number names: any login may link there
    if len(path) < 2:
        return False
    if path[-2].isdigit() and len(path) >= 3:
        del path[-2]
    if path[-2].lower() not in _MEMBER_PATHS:
        return False
    named = _MEMBER_SEGMENT.match(path[-1])
    key = login.lower()
    return named is not None and named.group(1).lower() == key and key not in _ACCOUNT_PAGES


def _body_span(labels: Sequence[Label]) -> tuple[int, int] | None:
    """The first and the last body block, or None when there is no body."""
    first, last = first_label_index(labels, LABEL_BODY), last_label_index(labels, LABEL_BODY)
    return None if first is None or last is None else (first, last)


def _site_key(metadata: PageMetadata | None) -> str:
    """The site's name and host squeezed to letters, to spot a publisher given as the author."""
    if metadata is None:
        return ""
    host = (metadata.canonical_url or metadata.base_url or "").split("://", 1)[-1].split("/", 1)[0]
    return name_key(f"{metadata.site_name or ''} {host}")


def _is_site(name: str, site: str) -> bool:
    key = name_key(name)
    return len(key) >= 3 and key in site


def _marked_names(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    span: tuple[int, int],
    after_body: bool = True,
) -> list[Person]:
    """Names in blocks that the template marks as the author's (class or profile link), nearest
    the title first, then (with `after_body`) in an author box after the body (`span`: the first
    and the last body block)."""
    first, last = span
    title = first_label_index(labels, LABEL_TITLE)
    start = title if title is not None and title < first else max(0, first - 15)
    windows = (
        range(start, min(len(blocks), first + _NAME_WINDOW)),
        range(last + 1, min(len(blocks), last + _BOX_WINDOW)),
    )
    for window in windows if after_body else windows[:1]:
        for i in window:
            block = blocks[i]
            if len(block.text) > 120 or labels[i] is LABEL_TITLE:
                continue
            if i > first and labels[i] in _NOT_AN_AUTHOR_BOX:
                continue  # commenters, other articles' authors
            tokens = block.structure.class_tokens[-_CLASS_TOKENS_SEEN:]
            # (Most blocks link nowhere: no search of an empty href, where neither pattern matches.)
            href = block.structure.href
            if href and _TAXONOMY_HREF.search(href):
                continue  # "Photo Log": a category link inside a post whose class names the author
            if not (
                (tokens and _AUTHOR_CLASS_IN.search(" ".join(tokens))) or (href and _AUTHOR_HREF.search(href))
            ):
                continue
            people = _prefixed(block.text, lexicon) or [
                p
                for clause in _CLAUSE.split(_without_dates(block.text, lexicon))[:1]
                for p in _people(clause, "author", lexicon)
            ]
            # (a desk linked to its author page writes the article too: "The Upwork Team")
            people = [p for p in people if p.role in _WRITERS]
            if people:
                return unique_people(people)
    return []


_WRITERS = ("author", "team")


def _credit_role(norm: str, lexicon: Lexicon) -> str | None:
    """The role a credit label alone on its line names ("Editor", "Penulis:"), or None."""
    return lexicon.credit_labels.get(norm.rstrip(": ").strip())


_LABEL_CHARS = 30  # the longest line `_labelled_next` reads as a credit label
_MAX_CREDIT_LINE = 200  # the longest line `_visible_bylines` reads
_TEXT = attrgetter("text")


def _labelled_next(
    blocks: Sequence[Block], i: int, lexicon: Lexicon, norm: str | None = None
) -> list[Person]:
    """'Editor' on one line and the name on the next, as templates print label and value apart.
    `norm`: `normalise_marker` of block `i`'s text, where the caller has it."""
    if i + 1 >= len(blocks) or len(blocks[i].text) > _LABEL_CHARS:
        return []
    role = _credit_role(normalise_marker(blocks[i].text) if norm is None else norm, lexicon)
    following = blocks[i + 1].text
    if role is not None and i + 2 < len(blocks) and _initials_of(following, blocks[i + 2].text):
        # "CP", an avatar's initials, over "Chengcheng Pei"; more avatars may follow
        return [p for j in _avatar_names(blocks, i + 1) for p in _people(blocks[j].text, role, lexicon)]
    if role is None or len(following) > 120:
        return []
    if following.rstrip().endswith(",") and i + 2 < len(blocks) and len(blocks[i + 2].text) <= 60:
        following += " " + blocks[i + 2].text  # one name a line, joined by commas
    label = (normalise_marker(blocks[i].text) if norm is None else norm).rstrip(": ")
    if label in lexicon.starter_prefix:
        return _starter(following, lexicon)  # "Topic Author" over the login "changingtimes"
    return _people(following, role, lexicon)


_MAX_AVATARS = 6  # the most people an avatar list under one credit label names


def _avatar_names(blocks: Sequence[Block], i: int) -> list[int]:
    """The blocks of the names in a list of avatars opening at block `i` (initials, then the name:
    "CP", "Chengcheng Pei", "Staff Software Engineer, MongoDB", "YL", "Yuan Lin"): each name's
    block, a line such as the job title allowed between one name and the next initials."""
    names: list[int] = []
    while len(names) < _MAX_AVATARS:
        for k in (i, i + 1):  # the next initials, right after the name or after one line
            if k + 1 < len(blocks) and _initials_of(blocks[k].text, blocks[k + 1].text):
                names.append(k + 1)
                i = k + 2
                break
        else:
            break
    return names


def _initials_of(text: str, name: str) -> bool:
    """`text` is the initials of `name`'s first and last words ("CP", "Chengcheng Pei"), as an
    avatar without a picture prints them."""
    words = name.split()
    return 2 <= len(words) <= 4 and text.strip() == words[0][:1] + words[-1][:1] and text.strip().isupper()


def _closing_editor(text: str, lexicon: Lexicon) -> list[Person]:
    """'(Erha Aprili Ramadhoni)' on its own line after the story: the editor's full name where
    other portals print initials or a code ("(erh)", "(*/S-01)")."""
    text = text.strip()
    if not (text.startswith("(") and text.endswith(")")):
        return []
    name = text[1:-1].strip()
    if (
        len(name.split()) < 2
        or not is_credited_name(name, lexicon)
        or normalise_marker(name) in lexicon.agencies
    ):
        return []
    return [Person(name, role="editor")]


def _credit_candidates(
    read: list[int], texts: list[str], norms: list[str], credit_words: set[int], last: int, lexicon: Lexicon
) -> list[int]:
    """Which of the lines read (`read`: block indices, in order; their `texts` and `norms`) can
    credit someone in `_visible_bylines`, in order (found by C-level passes): those holding a
    credit word (`credit_words`), those after the body with a bracket (`_closing_editor`) and
    the short ones that are a credit label alone (`_labelled_next`). A norm has no space or
    colon at its ends (`normalise_marker` strips them), so `_credit_role` finds a label exactly
    where the norm is one."""
    after = bisect_right(read, last)  # (`read` is sorted: the lines past the body are its tail)
    closing = compress(range(after, len(read)), map(str.__contains__, texts[after:], repeat("(")))
    labelled = compress(range(len(read)), map(lexicon.credit_labels.__contains__, norms))
    short = (k for k in labelled if len(texts[k]) <= _LABEL_CHARS)
    return sorted({*credit_words, *closing, *short})


def _visible_bylines(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    all_norms: Sequence[str] | None,
    span: tuple[int, int],
) -> Bylines:
    """The credit lines near the body (`span`: its first and last block)."""
    result = Bylines()
    first, last = span
    # Credit lines sit near the body: a little before it or after it.
    title = first_label_index(labels, LABEL_TITLE)
    title = first if title is None else title
    start, end = max(0, min(first - 15, title + 1)), min(len(blocks), last + 12)
    # The window's blocks outside the body (found in C), and the body's first and last block.
    outside = compress(range(start, end), map(not_, map(_NO_CREDITS.__contains__, labels[start:end])))
    window = sorted({first, last, *outside, *_closing_credit_lines(blocks, labels, span, lexicon)})
    texts = list(map(_TEXT, map(blocks.__getitem__, window)))
    kept = list(map(_MAX_CREDIT_LINE.__ge__, map(len, texts)))
    read, texts = list(compress(window, kept)), list(compress(texts, kept))
    # `normalise_marker` of each text read, in bulk, and the lines that may hold a credit clause
    norms = normalise_lines(texts) if all_norms is None else list(map(all_norms.__getitem__, read))
    credit_words = _credit_word_lines(norms, lexicon)
    others = Bylines()
    for k in _credit_candidates(read, texts, norms, credit_words, last, lexicon):
        i, text, norm = read[k], texts[k], norms[k]
        # after the body, a list of other articles or the comments credit their own writers
        # ("CLOUD - BY MARIA DEUTSCHER", "Posted by: John at …"): read only where no other
        # line credits an author (a byline the segmenter took for a comment)
        found = others if i > last and labels[i] in _OTHERS_CREDITS else result
        people = _credited(text, lexicon) if k in credit_words else []
        if not people and k in credit_words:
            people = _starter_before_label(text, norm, lexicon) or _credited_login(blocks[i], lexicon)
        if not people and i > last and "(" in text:  # (`_closing_editor` needs one; most lines lack it)
            people = _closing_editor(text, lexicon)
        # Only a short line that is a credit label alone has a name on the next (`_labelled_next`).
        if not people and len(text) <= _LABEL_CHARS and _credit_role(norm, lexicon) is not None:
            people = _labelled_next(blocks, i, lexicon, norm)
            if people:
                found.blocks.append(i + 1)
        if people:
            found.blocks.append(i)
            for person in people:
                (found.editors if person.role == "editor" else found.authors).append(person)
    if not result.authors and others.authors:
        result.blocks.extend(others.blocks)
        result.authors.extend(others.authors)
        result.editors.extend(others.editors)
    result.authors = writers_first(unique_people(result.authors))
    result.editors = unique_people(result.editors)
    return result


def _closing_credit_lines(
    blocks: Sequence[Block], labels: Sequence[Label], span: tuple[int, int], lexicon: Lexicon
) -> range:
    """The run of labelled credit lines that ends the body, one a line ('Reporter: A',
    'Editor: B', 'Penerjemah: C'): the body's last block is read for credits anyway, the lines
    above it only when they are credits too (`span`: the first and the last body block)."""
    first, last = span
    i = last
    while i > first and last - i < _CLOSING_CREDIT_LINES and labels[i - 1] is Label.BODY:
        if not is_labelled_credit_line(blocks[i - 1].text, lexicon):
            break
        i -= 1
    # (only a run the last block closes: a credit line alone above other text is prose's)
    return range(i, last) if i < last and is_labelled_credit_line(blocks[last].text, lexicon) else range(0)


_CLOSING_CREDIT_LINES = 4


# Credited for the pictures, for checking the story or for translating it, not for writing it.
_SIDE_CREDITS = frozenset({"photographer", "reviewer", "translator"})


def writers_first(people: list[Person]) -> list[Person]:
    """`people` less those credited for the photos or a review ("Photos by Y", "Medically
    reviewed by Dr. Z") where someone is credited for the writing ("Words by X"): a page that
    credits only its photographer or its reviewer names no other author, so they stay."""
    if all(p.role in _SIDE_CREDITS for p in people):
        return people
    return [p for p in people if p.role not in _SIDE_CREDITS]
