"""A page's footnote marks (`pandoc -t plain`'s `word[1]`) → left out of its text.

Pandoc's plain writer, and text copied from pages that print their sources as numbered notes,
mark a note in the running text with its number in brackets glued to the word before it
(`… de la Confederación Hidrográfica[1] se encuentra …`) and list the notes after the page,
each on a line that opens with its number (`[1] Informe de seguimiento del acuífero …`). The
notes are no part of the article, so their marks are none of its text: a mark glued to a word,
whose number opens a note line further down, is left out (the notes keep their numbers).

A link reference list (w3m's `[1] https://…`, a Markdown `[1]: https://…`) is no list of notes:
its lines hold an address, not a note's text; and a link number that opens a link's text
(`[13]Ahmad Fauzi`) is glued to the word after it, not before.

`without_note_marks` is asked of every text page: a page with no line opening `[1] ` is left
after one scan of its text.
"""

from __future__ import annotations

import re

# A note's line: its number in brackets, a space, then text that is no address.
_NOTE_LINE = re.compile(r"^\[(\d{1,3})\] +(?!https?://|www\.)\S", re.MULTILINE)
# A mark: a number in brackets right after a word or a punctuation mark, before a space, a
# punctuation mark or the line's end ('Hidrográfica[1] se', '2026[3].').
_NOTE_MARK = re.compile(r"(?<=[^\s\[\]])\[(\d{1,3})\](?=[\s.,;:!?)]|$)", re.MULTILINE)


def without_note_marks(text: str) -> str | None:
    """`text` with the footnote marks of the notes it lists left out of the lines above the
    notes; None where it lists no notes (a line opening `[1] ` with a note's text) or marks none."""
    first = text.find("\n[1] ")
    if first < 0:
        return None
    notes = {m.group(1) for m in _NOTE_LINE.finditer(text, first + 1)}
    if "1" not in notes:
        return None
    head = text[:first]
    marked = False

    def unmark(m: re.Match[str]) -> str:
        nonlocal marked
        if m.group(1) in notes:
            marked = True
            return ""
        return m.group(0)

    head = _NOTE_MARK.sub(unmark, head)
    return head + text[first:] if marked else None
