r"""What changed between two captures of one page: the paragraphs removed and added.

    >>> [(c.kind, c.text) for c in paragraph_changes("A.\n\nB.", "A.\n\nB, corrected.\n\nC.")]
    [('removed', 'B.'), ('added', 'B, corrected.'), ('added', 'C.')]

A re-crawl of a news page often finds it changed: an update appended, a name or a
number corrected, a paragraph taken out. The corpus keeps such captures beside the
stored article (`Store.versions`); this module says what each changed, paragraph by
paragraph, in reading order (a changed paragraph is the old one removed and the new one
added).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

ChangeKind = Literal["removed", "added"]


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    kind: ChangeKind
    text: str


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of an article's text, stripped: its paragraphs."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def paragraph_changes(before: str, after: str) -> list[ParagraphChange]:
    """The paragraphs of `before` missing from `after` and those `after` adds, in reading order."""
    old, new = paragraphs(before), paragraphs(after)
    changes: list[ParagraphChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        changes += [ParagraphChange("removed", text) for text in old[i1:i2]]
        changes += [ParagraphChange("added", text) for text in new[j1:j2]]
    return changes
