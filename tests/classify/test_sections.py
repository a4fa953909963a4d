"""The section scans of `warta.classify.sections` (where a label's rows are, where it first and last
is): the compiled ones in use give exactly the Python references' answers, on edge cases and
generated label sequences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.classify.sections import SectionScans, first_position, last_position, positions, section_scans
from warta.model import Label


@pytest.fixture(scope="module")
def compiled_scans(require_compiled: Callable[[bool, str], None]) -> SectionScans:
    scans = section_scans()
    require_compiled(scans.positions is not positions, "section scans")
    return scans


def test_section_scans_edge_labels(compiled_scans: SectionScans) -> None:
    cases: list[list[Label]] = [[], [Label.BODY], [Label.FOOTER] * 3, list(Label), list(Label)[::-1] * 2]
    for labels in cases:
        for label in Label:
            assert compiled_scans.last(labels, label) == last_position(labels, label)
            assert compiled_scans.first(labels, label) == first_position(labels, label)
            assert compiled_scans.first(tuple(labels), label) == first_position(labels, label)
            for end in range(len(labels) + 3):
                assert compiled_scans.positions(labels, label, end) == positions(labels, label, end)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(list(Label)), max_size=40), st.sampled_from(list(Label)), st.integers(0, 45))
def test_section_scans_generated(labels: list[Label], label: Label, end: int) -> None:
    scans = section_scans()
    assert scans.last(labels, label) == last_position(labels, label)
    assert scans.first(labels, label) == first_position(labels, label)
    assert scans.positions(labels, label, end) == positions(labels, label, end)
