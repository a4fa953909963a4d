"""Where a page's sections are: the blocks of one label, and a label's first and last block.

A page's labels are a list of `Label` members, a few hundred a page, asked for one label at a
time by the assembly (the body's blocks, each list's, the footer's last line) and by the date
and byline passes of `warta.meta` (the first title block, the first and last body block):
scans of the labels stage's output, so they sit here, below both. The compiled scans
in `warta.classify._labelscan` (`rows_labelled`, which the label rules use too,
`first_position` and `last_position`) compare pointers in one pass; the references here are
C-level too but make a call (or, for `in` and `index`, a str comparison of the StrEnum
members) a block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from warta.classify.body_lines import rows_labelled
from warta.compiled import set_aside
from warta.compiled import wanted as compiled_parts_wanted
from warta.model import Label


def positions(labels: list[Label], label: Label, end: int) -> list[int]:
    """Where `label` is in `labels[:end]` (`end` >= 0), in order: the label rules' `rows_labelled`
    from row 0 to `end` (the reference of the compiled `warta.classify._labelscan.rows_labelled`)."""
    return rows_labelled(labels, label, 0, end)


def last_position(labels: Sequence[Label], label: Label) -> int:
    """Where `label` last is in `labels`; -1 if nowhere. The reference of the compiled
    `warta.classify._labelscan.last_position` (C-level scans of a reversed copy)."""
    return len(labels) - 1 - labels[::-1].index(label) if label in labels else -1


def first_position(labels: Sequence[Label], label: Label) -> int:
    """Where `label` first is in `labels`; -1 if nowhere. The reference of the compiled
    `warta.classify._labelscan.first_position`."""
    return labels.index(label) if label in labels else -1


@dataclass(frozen=True, slots=True)
class SectionScans:
    """`positions`, `first_position` and `last_position`, compiled where they are in use."""

    positions: Callable[[list[Label], Label, int], list[int]]
    first: Callable[[Sequence[Label], Label], int]
    last: Callable[[Sequence[Label], Label], int]


# Labels for `section_scans`' probe: none, one, runs, the first and the last block.
_PROBE: tuple[tuple[Label, ...], ...] = (
    (),
    (Label.BODY,),
    (Label.SIDEBAR, Label.BODY, Label.SIDEBAR, Label.SIDEBAR, Label.FOOTER, Label.RELATED, Label.SIDEBAR),
    (Label.FOOTER, Label.OTHER, Label.BODY, Label.BODY, Label.COMMENTS),
)


@lru_cache(maxsize=1)
def section_scans() -> SectionScans:
    """The compiled scans where they are built and give the references' answers on
    `_PROBE` (every label, every end), the references otherwise or with WARTA_PURE_PYTHON."""
    reference = SectionScans(positions, first_position, last_position)
    if not compiled_parts_wanted():
        return reference
    try:
        from warta.classify._labelscan import first_position as first_in_c
        from warta.classify._labelscan import last_position as last_in_c
        from warta.classify._labelscan import rows_labelled
    except ImportError:
        return reference

    def label_positions(labels: list[Label], label: Label, end: int) -> list[int]:
        return rows_labelled(labels, label, 0, end)

    for labels in map(list, _PROBE):
        for label in Label:
            if (
                first_in_c(labels, label) != first_position(labels, label)
                or last_in_c(labels, label) != last_position(labels, label)
            ) or any(
                label_positions(labels, label, end) != positions(labels, label, end)
                for end in range(len(labels) + 2)
            ):
                set_aside("section scans", "Python")
                return reference
    return SectionScans(label_positions, first_in_c, last_in_c)


def first_label_index(labels: Sequence[Label], label: Label) -> int | None:
    """`first_position` by `section_scans` (compiled where in use): where `label` first is in
    `labels`, or None."""
    found = section_scans().first(labels, label)
    return None if found < 0 else found


def last_label_index(labels: Sequence[Label], label: Label) -> int | None:
    """`last_position` by `section_scans`: where `label` last is in `labels`, or None."""
    found = section_scans().last(labels, label)
    return None if found < 0 else found
