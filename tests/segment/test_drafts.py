"""Blocks built through the drafts are ordinary frozen `Block`s and `BlockStructure`s."""

from __future__ import annotations

import dataclasses

import pytest

from warta.model import Block, BlockStructure
from warta.segment.html import segment_html
from warta.segment.text import segment_text


def test_text_blocks_are_frozen_blocks() -> None:
    blocks = segment_text("Judul\n\n• butir\nIsi berita.")
    assert all(type(b) is Block for b in blocks)
    assert blocks[1] == Block(1, "butir", blocks[1].structure, blocks[1].start, blocks[1].end)
    with pytest.raises(dataclasses.FrozenInstanceError):
        blocks[0].text = "x"  # type: ignore[misc]


def test_html_blocks_are_frozen_blocks() -> None:
    (block,) = segment_html(
        "<html><body><p class='isi'>Isi <a href='/a'>tautan</a>.</p></body></html>"
    ).blocks
    structure = block.structure
    assert type(block) is Block and type(structure) is BlockStructure
    expected = BlockStructure(
        tag="p",
        tag_path="body>p",
        link_density=structure.link_density,
        class_tokens=("isi",),
        href="/a",
        dom_depth=2,
    )
    assert structure == expected and hash(structure) == hash(expected)
    assert block == Block(0, "Isi tautan.", expected, -1, -1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        structure.tag = "div"  # type: ignore[misc]
