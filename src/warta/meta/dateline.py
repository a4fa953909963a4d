"""News datelines at the start of the lead: "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -",
"JAKARTA, April 23 (Reuters) -", "WASHINGTON (AP) —", the outlet alone or first: "KOMPAS.com -",
"Liputan6.com, Jakarta -", and an upper-case place before a colon: "KUALA LUMPUR:"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from warta.lexicon import Lexicon, normalise_marker
from warta.strings import uncased_script_word, uncased_word

_DATELINE = re.compile(
    r"^(?P<line>"
    r"(?P<place>[^\W\d_][\w.'’ ]{1,40}?)"  # place, usually upper-case ("LEÓN"), or the outlet
    r"(?:\s*/\s*[A-Z][A-Za-z.' ]{1,30})?"  # "JAKARTA/SURABAYA"
    r"(?:,\s*(?P<extra>[\w.]+(?:\s[\w.]+){0,3}))?"  # ", KOMPAS.com" / ", April 23"
    r"\s*(?:\((?P<agency>[^()]{2,30})\))?"  # "(ANTARA)" / "(Reuters)"
    r"(?:\s*/(?P<wire>[A-Za-z][\w -]{1,30})/)?"  # "/PRNewswire/": a press-release wire
    r"\s*[-–—]{1,2}\s"
    r")"
)


# "KUALA LUMPUR: ...", "ISLAMABAD: ...": an upper-case place alone before a colon (Malaysian,
# Pakistani and Indian papers); one to three words of capitals.
_COLON_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,2}):\s+(?=\S)")


def _colon_dateline(lead: str, lexicon: Lexicon, following: str) -> str | None:
    """The place of a colon dateline that opens `lead`; None for an upper-case label that names
    no place ("BREAKING:", "UPDATE:": `lead_labels`), a place under three letters, or a speaker's
    name in a transcript, where the paragraph `following` the lead opens the same way
    ("TRUMP: ...", "REPORTER: ..."): a dateline opens the story once."""
    match = _COLON_DATELINE.match(lead[:60])
    if match is None or _COLON_DATELINE.match(following[:60]) is not None:
        return None
    place = match.group("place")
    norm = normalise_marker(place)
    if len(place) < 3 or norm in lexicon.lead_labels or norm.split()[0] in lexicon.lead_labels:
        return None  # (its first word too: "DEAR ABBY:" is a salutation)
    return place


def find_dateline(
    lead: str, lexicon: Lexicon, outlets: Sequence[str] = (), following: str = ""
) -> str | None:
    """The dateline that opens `lead`, if it has one with a known agency or an upper-case place.

    `outlets` are the page's own site names (from its markup): "Jakarta, Warta Raya --" names
    the site itself where the agency list knows only the large outlets. The outlet may stand
    where the place does: "KOMPAS.com -" (no place), "Liputan6.com, Jakarta -" (outlet first).
    `following` is the paragraph after the lead: it tells a transcript's speaker labels from a
    colon dateline.
    """
    match = _DATELINE.match(lead[:120])
    if not match or not match.group("place")[0].isupper():
        return _colon_dateline(lead, lexicon, following) or _uncased_dateline(lead)
    place = match.group("place").strip()
    agency = (match.group("agency") or match.group("wire") or match.group("extra") or "").strip().lower()
    if (
        _is_outlet(agency, lexicon, outlets)
        or _is_outlet(place.lower(), lexicon, outlets, whole=True)
        or (place.isupper() and len(place) >= 3 and not any(map(str.isdigit, place)))
    ):
        return match.group("line").strip(" -–—")
    return None


# A place in a script without letter case, one to three words, then a dash or the Devanagari
# danda: "الرباط - ...", "इंदौर। ...", "नई दिल्ली। ..." (no capitals tell the place there; a lead
# that opens with three words or fewer and a dash or a full stop names where it was filed).
_UNCASED_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_]\S{0,24}(?: [^\W\d_]\S{0,24}){0,2}?)(?:\s[-–—]{1,2}\s|।\s)"
)


def _uncased_dateline(lead: str) -> str | None:
    """The place of a dateline in a script without letter case (`_UNCASED_DATELINE`)."""
    if not lead or not uncased_word(lead[0]):
        return None  # (most leads open with a cased letter, a digit or a mark: read no further)
    match = _UNCASED_DATELINE.match(lead[:80])
    if match is None:
        return None
    place = match.group("place")
    return place if all(uncased_script_word(word) for word in place.split()) else None


def _is_outlet(name: str, lexicon: Lexicon, outlets: Sequence[str], whole: bool = False) -> bool:
    """Whether `name` (lower-case) is a news agency (with `whole`, by its whole name: "ap" does
    not open "april 5"), a site's domain-style name ("suaranusa.com") or one of the page's own
    site names."""
    return bool(name) and (
        (name in lexicon.agencies if whole else any(name.startswith(a) for a in lexicon.agencies))
        or ".com" in name
        or any(name == outlet.strip().lower() for outlet in outlets)
    )


_PLACE = re.compile(r"^[A-Z][A-Za-z.'’]*(?:\s[A-Z][A-Za-z.'’]*){0,2}$")


def is_dateline_line(text: str, lexicon: Lexicon) -> bool:
    """A dateline printed on a line of its own above the lead: 'Liputan6.com, Jakarta',
    'JAKARTA, KOMPAS.com', 'Jakarta (ANTARA)' — an outlet or agency and a place, nothing else."""
    text = text.strip().rstrip("-–— ")
    if not 5 <= len(text) <= 50:
        return False
    if text.endswith(")") and "(" in text:
        place, _, agency = text[:-1].partition("(")
        parts = [place.strip(), agency.strip()]
    else:
        parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2:
        return False
    for outlet, place in (parts, parts[::-1]):
        if _PLACE.match(place) and _is_outlet(outlet.lower(), lexicon, ()):
            return True
    return False
