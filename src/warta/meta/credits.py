"""What a credit prints beside a person's name: the job title and the outlet written for.

The byline code cuts "Local Democracy Reporter" out of "Oliver Pennington, Local Democracy
Reporter" and "Reuters" out of "By Jane Doe, Reuters" to find the names; the helpers here keep
what it cut as `Person.job_title` and `Person.affiliation`. Only what the byline code already
recognises is read: a role word of the lexicon (`byline_roles`) makes a job title, a known agency
(`agencies`) or the page's own site name an outlet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from warta.lexicon import Lexicon, normalise_marker
from warta.meta.site import name_key
from warta.model import Person

# What is stripped from a part of a credit around its words ("(Reuters)", "Writer -").
_PART_EDGES = ' .,;:|-–—()[]"“”'


def credit_details(cut: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """The job title and the outlet in the text cut after a name ("Founder, Lead Reviewer",
    "Staff Writer, Reuters"): the comma-separated parts that hold a role word make the title,
    the first part that is a known agency the outlet; (None, None) for "" or a text of neither."""
    titles: list[str] = []
    outlet = None
    for part in cut.split(","):
        part = part.strip(_PART_EDGES)
        norm = normalise_marker(part)
        if not norm:
            continue
        if norm in lexicon.agencies:
            outlet = outlet or part
        elif any(word in lexicon.byline_roles for word in norm.split()):
            titles.append(part)
    return ", ".join(titles) or None, outlet


def comma_outlet(names: str, lexicon: Lexicon) -> str | None:
    """The one known agency set off by a comma before or after a credit's names: "Jane Doe,
    Reuters", "Kompas.com, Budi Santoso" (the Indonesian "Laporan wartawan Kompas.com, Budi
    Santoso"); None where the names print none or several."""
    parts = [part.strip(_PART_EDGES) for part in names.split(",")]
    if len(parts) < 2:
        return None
    agencies = [k for k, part in enumerate(parts) if normalise_marker(part) in lexicon.agencies]
    if len(agencies) != 1 or agencies[0] not in (0, len(parts) - 1):
        return None
    return parts[agencies[0]]


def bracket_outlet(bracket: str, lexicon: Lexicon) -> str | None:
    """The known agency a bracket after a name holds ("Budi Santoso (Antara)"), or None (a place:
    "(Banten)")."""
    inner = bracket.strip(_PART_EDGES)
    return inner if normalise_marker(inner) in lexicon.agencies else None


def site_outlet(text: str, keys: frozenset[str]) -> str | None:
    """`text` where it is the page's own site name (one of `warta.meta.site.site_keys`), else
    None."""
    text = text.strip(_PART_EDGES)
    return text if name_key(text) in keys else None


def _key(person: Person) -> tuple[str, str, bool]:
    return person.name, person.role, person.is_organisation


def unique_people(people: Iterable[Person]) -> list[Person]:
    """`people` without repeats (the same name, role and kind), in order; a repeat's job title
    and affiliation fill those the first one lacks."""
    found: dict[tuple[str, str, bool], Person] = {}
    for person in people:
        key = _key(person)
        first = found.setdefault(key, person)
        if first is not person:
            found[key] = with_details(first, person.job_title, person.affiliation)
    return list(found.values())


def with_details(person: Person, job_title: str | None, affiliation: str | None) -> Person:
    """`person` with `job_title` and `affiliation` where it has none (an organisation gets none)."""
    if person.is_organisation or (
        (person.job_title or not job_title) and (person.affiliation or not affiliation)
    ):
        return person
    return replace(
        person, job_title=person.job_title or job_title, affiliation=person.affiliation or affiliation
    )
