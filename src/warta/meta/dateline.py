"""News datelines at the start of the lead: "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -",
"JAKARTA, April 23 (Reuters) -", "WASHINGTON (AP) —"."""

from __future__ import annotations

import re

from warta.lexicon import Lexicon

_DATELINE = re.compile(
    r"^(?P<line>"
    r"(?P<place>[A-Z][A-Za-z.'’ ]{1,40}?)"  # place, usually upper-case
    r"(?:\s*/\s*[A-Z][A-Za-z.' ]{1,30})?"  # "JAKARTA/SURABAYA"
    r"(?:,\s*(?P<extra>[\w.]+(?:\s[\w.]+){0,3}))?"  # ", KOMPAS.com" / ", April 23"
    r"\s*(?:\((?P<agency>[^()]{2,30})\))?"  # "(ANTARA)" / "(Reuters)"
    r"\s*[-–—]{1,2}\s"
    r")"
)


def find_dateline(lead: str, lexicon: Lexicon) -> str | None:
    """The dateline that opens `lead`, if it has one with a known agency or an upper-case place."""
    match = _DATELINE.match(lead[:120])
    if not match:
        return None
    place = match.group("place").strip()
    agency = (match.group("agency") or match.group("extra") or "").strip().lower()
    known_agency = any(agency.startswith(a) for a in lexicon.agencies) or ".com" in agency
    if known_agency or (place.isupper() and len(place) >= 3):
        return match.group("line").strip(" -–—")
    return None
