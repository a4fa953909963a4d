"""Repair of mojibake: UTF-8 text that was decoded (once or more) as Windows-1252 or Latin-1.

A page published in UTF-8 but read by a tool that assumed Windows-1252 turns
"—" into "â€”" and "é" into "Ã©"; a page stored that way carries the damage
in its own bytes, whatever the decoder that reads it later. Each damaged
character is a run of two to four characters whose one-byte encodings form a
valid UTF-8 sequence: a lead (Â–ô) followed by continuation characters (the
bytes 0x80–0xBF as Latin-1 or Windows-1252 show them).

`repair_mojibake` finds such runs with one regular expression, re-encodes each
run to bytes and decodes it as UTF-8. A run is replaced only when the decoding
is strict and plausible: a single two-byte sequence must give a Latin letter or
symbol (so German „Fuß“, whose "ß“" is also a valid UTF-8 pair, is left alone);
nothing may decode to a control, private-use or unassigned character. C1
control characters left over (U+0080-U+009F, never text: Windows-1252 bytes read
as Latin-1, like "\x93" for “) become their Windows-1252 characters.
`has_mojibake` rules most text out in two C-level passes before any regex runs.

`repair_blocks` and `repair_metadata` apply it to a segmented page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from operator import attrgetter

from warta.meta.page import PageMetadata
from warta.model import Block

# The characters Windows-1252 gives the bytes 0x80-0x9F (where it defines one).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# A UTF-8 continuation byte as text: Latin-1 (C1 controls and 0xA0-0xBF) or Windows-1252.
_CONTINUATION = "[\x80-\xbf" + _CP1252_HIGH + "]"
_RUN = re.compile(
    "(?:[\xc2-\xdf]"
    + _CONTINUATION
    + "|[\xe0-\xef]"
    + _CONTINUATION
    + "{2}|[\xf0-\xf4]"
    + _CONTINUATION
    + "{3})+"
)
_C1 = re.compile("[\x80-\x9f]")
# Anything `repair_mojibake` would change starts with a C1 control or with a lead (0xC2-0xF4)
# followed by a continuation. For each lead (as its byte): that lead followed by a continuation.
# (A pattern opening with one character is searched for that character first, at C speed; one
# pattern opening with the class of all leads would be tried at every position of the text.)
_LEAD_RUN = {lead: re.compile(re.escape(chr(lead)) + _CONTINUATION) for lead in range(0xC2, 0xF5)}
# Every byte but the leads (0xC2-0xF4) and C1 controls (0x80-0x9F): deleted by `bytes.translate`.
_NO_LEAD_BYTES = bytes(b for b in range(256) if not (0x80 <= b < 0xA0 or 0xC2 <= b <= 0xF4))
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})  # C1 controls (U+0080-U+009F) excepted
# A run that decodes into one character is accepted only where mojibake is
# common and legitimate text is not: two bytes give Latin-1 Supplement or Latin
# Extended-A/B (é, ü, ©, the no-break space) or a C1 control (a Windows-1252
# byte read as Latin-1 on the way, repaired below), three give punctuation or
# symbols (—, ’, …, €, ™, →) or the replacement character, four give a
# supplementary-plane symbol (emoji, 𝕏).
# "Café…”" (é…” is a valid sequence for a CJK character) and German „Fuß“ are
# left as they are.
_LONE_RANGES = {
    2: (range(0x80, 0x250),),
    3: (range(0x2000, 0x2C00), range(0xFFFD, 0xFFFE)),
    4: (range(0x10000, 0x20000),),
}
_MAX_PASSES = 4  # text encoded wrongly twice ("Ã¢â‚¬â„¢") needs two passes; some pages need four


def _cp1252_table() -> dict[str, int]:
    """Each Windows-1252 character of 0x80-0x9F with its byte (five bytes have none)."""
    table: dict[str, int] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:
            continue
    return table


_BYTE_OF: dict[str, int] = {**{chr(code): code for code in range(0x80, 0x100)}, **_cp1252_table()}
# `str.translate` table: each C1 control to the windows-1252 character of its byte.
C1_AS_CP1252 = {byte: char for char, byte in _BYTE_OF.items() if 0x80 <= byte < 0xA0 and ord(char) >= 0xA0}


def _decoded(run: str, before: str) -> str | None:
    """The run's UTF-8 reading, or None when it is not a plausible repair (`before`: the character before it)."""
    try:
        text = bytes(_BYTE_OF[char] for char in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    if any(unicodedata.category(char) in _BAD_CATEGORIES and not 0x80 <= ord(char) < 0xA0 for char in text):
        return None
    if len(text) == 1 and not any(ord(text) in allowed for allowed in _LONE_RANGES[len(run)]):
        return None
    if len(run) == 2 and ord(text) >= 0x100 and before.isupper():
        # "SKÅ”", "GÜÇ’ün": a capital ending a word before a quote or apostrophe also reads as a
        # valid pair (Latin Extended-A/B); mojibake of such letters is left there ("CÅ’UR").
        return None
    return text


def repair_mojibake(text: str) -> tuple[str, int]:
    """`text` with its mojibake runs decoded, and how many runs were repaired."""
    if not has_mojibake(text):
        return text, 0
    total = 0
    for _ in range(_MAX_PASSES):
        text, repaired = _repair_pass(text)
        if not repaired:
            break
        total += repaired
    controls = _C1.findall(text)
    if controls:
        total += sum(1 for char in controls if ord(char) in C1_AS_CP1252)
        text = text.translate(C1_AS_CP1252)
    return text, total


def has_mojibake(text: str) -> bool:
    """True when `repair_mojibake` might change `text` (a quick test, no false negatives)."""
    if text.isascii():
        return False
    # A lead or C1 character is needed: look for one among the text's one-byte characters
    # (two C-level passes, a third of the regex's time).
    found = text.encode("latin-1", "ignore").translate(None, _NO_LEAD_BYTES)
    if not found:
        return False
    if min(found) < 0xA0:  # a C1 control
        return True
    # Then: whether one of the leads found is followed by a continuation.
    return any(_LEAD_RUN[lead].search(text) is not None for lead in set(found))


_TEXT = attrgetter("text")


def repair_blocks(blocks: list[Block]) -> tuple[list[Block], int]:
    """The blocks with their text repaired (the same list when nothing changed), and the number of repairs."""
    if not has_mojibake("\n".join(map(_TEXT, blocks))):
        return blocks, 0
    total = 0
    repaired_blocks = []
    for block in blocks:
        text, repaired = repair_mojibake(block.text)
        if repaired:
            block = replace(block, text=text)
            total += repaired
        repaired_blocks.append(block)
    return repaired_blocks, total


def repair_metadata(metadata: PageMetadata) -> int:
    """Repair the markup's text values in place (titles, names, description, tags, body); URLs and dates are left."""
    scalars = ("title", "headline", "description", "site_name", "article_body")
    values = [
        *(getattr(metadata, name) or "" for name in scalars),
        *(value for value, _ in metadata.titles),
        *(name for name, _ in metadata.authors),
        *(value or "" for detail in metadata.author_details for value in detail),
        *(value for pair in metadata.labelled_data for value in pair),
        *metadata.site_names,
        *metadata.tags,
    ]
    if not has_mojibake("\n".join(values)):
        return 0
    total = 0

    def fix(value: str) -> str:
        nonlocal total
        fixed, repaired = repair_mojibake(value)
        total += repaired
        return fixed

    for name in scalars:
        value = getattr(metadata, name)
        if value:
            setattr(metadata, name, fix(value))
    metadata.titles = [(fix(v), source) for v, source in metadata.titles]
    metadata.authors = [(fix(v), source) for v, source in metadata.authors]
    metadata.author_details = [
        (fix(name), title and fix(title), outlet and fix(outlet))
        for name, title, outlet in metadata.author_details
    ]
    metadata.labelled_data = [(fix(label), fix(value)) for label, value in metadata.labelled_data]
    metadata.site_names = [fix(v) for v in metadata.site_names]
    metadata.tags = [fix(v) for v in metadata.tags]
    return total


def _repair_pass(text: str) -> tuple[str, int]:
    """One pass of run decoding over `text`, and how many runs it decoded."""
    repaired = 0

    def decode_run(match: re.Match[str]) -> str:
        nonlocal repaired
        start = match.start()
        fixed = _decoded(match.group(), text[start - 1] if start else "")
        if fixed is None:
            return match.group()
        repaired += 1
        return fixed

    return _RUN.sub(decode_run, text), repaired
