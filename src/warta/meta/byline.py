"""Bylines: authors, editors, photographers, agencies and teams.

Two shapes are read: prefixed credit lines ("Penulis: A", "Editor: B",
"By A and B", "Reporting by A; Editing by B") anywhere outside the body, and a
bare name on its own line right after the body or right before it, as many
Indonesian portals print it. Junk that templates put where names go ("Email
The Author", "3 hours ago") is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from warta.lexicon import Lexicon, normalise_marker
from warta.meta.page import PageMetadata
from warta.model import Block, Label, Person

_NAME_TOKEN = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$|^(?:bin|binti|van|von|de|der|da|al|el|la|le|di|dos)$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bdan\b|\bserta\b)\s*", re.I)
# Markup lists people one per value or joined by "and"/"&"; commas there often carry
# credentials ("Dylan Bailey, MS, RD"), so they do not split.
_SPLIT_MARKUP = re.compile(r"\s*(?:;|&|\band\b|\bdan\b)\s*", re.I)
_CLAUSE = re.compile(r"\s*[;|]\s*|\s{2,}")
# "-" escaped: unescaped, "/-–" is a range that spans every letter.
_SEPARATOR = re.compile(r"^[\s:|/\-–—]+")
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\.(?:com|org|net|id)\b|[<>{}\[\]=]", re.I)
# Markup sources in order of trust: JSON-LD is written for machines, a meta author tag
# is often a profile URL or the site's name.
_SOURCE_ORDER = ("json-ld", "microdata", "meta", "rel", "link")


@dataclass(slots=True)
class Bylines:
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


def is_plausible_name(text: str, lexicon: Lexicon) -> bool:
    """A person's name: 1–5 capitalised words, no digits, nothing from the junk list."""
    text = text.strip()
    if not 3 <= len(text) <= 60 or any(c.isdigit() for c in text):
        return False
    norm = normalise_marker(text)
    if any(j in norm for j in lexicon.byline_junk):
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
        and all(_NAME_TOKEN.match(w) for w in words)
        and any(w[0].isupper() for w in words)
    )


def _is_team(norm: str, lexicon: Lexicon) -> bool:
    """ "Tim detikJabar", "Tim Redaksi": a prefix word followed by a space, never "Timothy"."""
    return any(norm == p or norm.startswith(p + " ") for p in lexicon.team_prefix)


def _markup_name(name: str, lexicon: Lexicon) -> bool:
    """Looser than `is_plausible_name`: markup names organisations ("Swoogo") and lower-case names."""
    norm = normalise_marker(name)
    return 2 <= len(name) <= 80 and len(name.split()) <= 8 and not any(j in norm for j in lexicon.byline_junk)


def _people(text: str, role: str, lexicon: Lexicon, markup: bool = False) -> list[Person]:
    people = []
    for raw in (_SPLIT_MARKUP if markup else _SPLIT).split(text):
        name = raw.strip(" .:-–—()")
        if not name or _NOT_A_NAME.search(name):
            continue
        norm = normalise_marker(name)
        if _is_team(norm, lexicon) and len(name.split()) <= 4:
            people.append(Person(name, role="team", is_organisation=True))
        elif norm in lexicon.agencies:
            people.append(Person(name, role="agency", is_organisation=True))
        elif is_plausible_name(name, lexicon) or (markup and _markup_name(name, lexicon)):
            people.append(Person(name, role=role))
    return people


def _prefixed(text: str, lexicon: Lexicon) -> list[Person]:
    """People credited by a prefixed clause; a line may hold several clauses."""
    found: list[Person] = []
    for clause in _CLAUSE.split(text):
        norm = normalise_marker(clause)
        for prefixes, role in (
            (lexicon.editor_prefix, "editor"),
            (lexicon.photographer_prefix, "photographer"),
            (lexicon.author_prefix, "author"),
        ):
            hit = next(
                (p for p in prefixes if norm.startswith(p + " ") or norm.startswith(p + ":") or norm == p),
                None,
            )
            if hit is None:
                continue
            rest = _SEPARATOR.sub("", clause.strip()[len(hit) :])
            found.extend(_people(rest, role, lexicon))
            break
    return found


def metadata_people(metadata: PageMetadata | None, lexicon: Lexicon) -> list[Person]:
    """Authors named in the page's markup, most trusted source first, junk and URLs dropped."""
    if metadata is None:
        return []

    def rank(source: str) -> int:
        key = source.lower()
        return next((i for i, s in enumerate(_SOURCE_ORDER) if key.startswith(s)), len(_SOURCE_ORDER))

    people: list[Person] = []
    for name, _source in sorted(metadata.authors, key=lambda pair: rank(pair[1])):
        text = name.strip()
        norm = normalise_marker(text)
        hit = next((p for p in lexicon.author_prefix if norm.startswith(p + " ")), None)
        if hit is not None:
            text = _SEPARATOR.sub("", text[len(hit) :])
        people.extend(_people(text, "author", lexicon, markup=True))
    return list(dict.fromkeys(people))


def find_bylines(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    lexicon: Lexicon,
    metadata: PageMetadata | None = None,
) -> Bylines:
    """Authors and editors credited on the page.

    Authors named in the markup (JSON-LD, meta tags) come first: templates put
    junk where visible names go far more often than into structured data. The
    visible byline gives the authors when the markup has none, and always the editors.
    """
    result = _visible_bylines(blocks, labels, lexicon)
    from_markup = metadata_people(metadata, lexicon)
    if from_markup:
        result.authors = from_markup
    return result


def _visible_bylines(blocks: Sequence[Block], labels: Sequence[Label], lexicon: Lexicon) -> Bylines:
    result = Bylines()
    body_idx = [i for i, lab in enumerate(labels) if lab is Label.BODY]
    if not body_idx:
        return result
    first, last = body_idx[0], body_idx[-1]
    # Credit lines sit near the body: a little before it or after it.
    title = next((i for i, lab in enumerate(labels) if lab is Label.TITLE), first)
    window = range(max(0, min(first - 15, title + 1)), min(len(blocks), last + 12))
    for i in window:
        if labels[i] in (Label.BODY, Label.READ_ALSO) and i not in (first, last):
            continue
        text = blocks[i].text
        if len(text) > 200:
            continue
        people = _prefixed(text, lexicon)
        if people:
            result.blocks.append(i)
            for person in people:
                (result.editors if person.role == "editor" else result.authors).append(person)
    if not result.authors:
        # A bare name on its own line right after the body (Indonesian portals).
        for i in range(last + 1, min(len(blocks), last + 3)):
            if labels[i] in (Label.RELATED, Label.SIDEBAR, Label.COMMENTS):
                break
            if is_plausible_name(blocks[i].text, lexicon) and len(blocks[i].text.split()) >= 2:
                result.authors.append(Person(blocks[i].text.strip(), role="author"))
                result.blocks.append(i)
                break
    result.authors = list(dict.fromkeys(result.authors))
    result.editors = list(dict.fromkeys(result.editors))
    return result
