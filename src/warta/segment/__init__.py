"""Turn a page into blocks in reading order: `segment_text` and `segment_html`."""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from warta.compiled import wanted as compiled_parts_wanted
from warta.model import Block, BlockStructure

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

# Characters a reader never sees inside words: soft hyphens ("Assis&shy;tance"), zero-width
# spaces and word joiners. They are dropped, not turned into spaces, so "Assis\u00adtance" is
# the word "Assistance" in the body, the title and every feature. (A stray U+FEFF stays for now:
# dropping it cost a ScrapingHub page its body, where the lone-BOM line was what ended a run of
# tag/notice lines that otherwise resumed the article; see the closing note of session 4.)
# No article page has this many blocks; beyond it segmentation stops, so feature
# extraction, classification and assembly (all linear in blocks) stay bounded on huge or
# generated pages, HTML and flattened text alike. The pipeline flags the cut.
MAX_BLOCKS = 20_000

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060"))


def drop_invisible(text: str) -> str:
    """`text` without invisible characters (text without any is returned as it is)."""
    # `translate` looks up every character of a non-ASCII text: three searches tell first
    # whether there is anything to drop (most texts have none).
    if text.isascii() or ("\u00ad" not in text and "\u200b" not in text and "\u2060" not in text):
        return text
    return text.translate(_INVISIBLE)


# `Block` and `BlockStructure` are frozen dataclasses: their `__init__` sets each field through
# `object.__setattr__`, and a page has hundreds of blocks. The segmenters build them as these
# drafts instead, which have the same slots and are not frozen, and then turn the finished draft
# into the frozen class by setting its `__class__` (allowed because the layouts are the same):
# a quarter of the time. Every field must be set, as `__init__` would.


class BlockDraft:
    """A `Block` being built: set `index`, `text`, `structure`, `start` and `end`, then `__class__`."""

    __slots__ = Block.__slots__
    index: int
    text: str
    structure: BlockStructure
    start: int
    end: int


class StructureDraft:
    """A `BlockStructure` being built: set every field, then `__class__`."""

    __slots__ = BlockStructure.__slots__
    blank_before: bool
    blank_after: bool
    bullet: bool
    heading_level: int
    tag: str
    tag_path: str
    in_list: bool
    in_table: bool
    in_figure: bool
    in_blockquote: bool
    in_link: bool
    link_density: float
    class_tokens: tuple[str, ...]
    href: str | None
    dom_depth: int


def new_block(index: int, text: str, structure: BlockStructure, start: int, end: int) -> Block:
    """`Block(index, text, structure, start, end)` in a third of the time: see `BlockDraft`."""
    block = BlockDraft()
    block.index = index
    block.text = text
    block.structure = structure
    block.start = start
    block.end = end
    block.__class__ = Block  # type: ignore[assignment]
    return block  # type: ignore[return-value]


def _check_drafts() -> None:
    """Fail at import, not on a page, if a draft no longer matches its frozen class."""
    for draft, frozen in ((BlockDraft, Block), (StructureDraft, BlockStructure)):
        fields = tuple(frozen.__dataclass_fields__)
        if draft.__slots__ != fields or tuple(draft.__annotations__) != fields:  # pragma: no cover
            raise ImportError(f"{frozen.__name__}'s fields changed: update warta.segment.{draft.__name__}")
        draft().__class__ = frozen  # type: ignore[assignment]  # (TypeError if the layouts differ)


_check_drafts()


@cache
def compiled_dom() -> ModuleType | None:
    """`warta.segment._domwalk` bound to selectolax's lexbor; None where it is not built, selectolax
    does not export lexbor's accessors, or the environment sets WARTA_PURE_PYTHON.

    Each user checks the module against its Python reference before trusting it
    (`segment.html.compiled_walk`, `meta.html_meta.compiled_markup`).
    """
    if not compiled_parts_wanted():
        return None
    try:
        import selectolax.lexbor

        from warta.segment import _domwalk

        _domwalk.bind(selectolax.lexbor.__file__)
    except (ImportError, OSError):
        return None
    return _domwalk


def document_id(tree: LexborHTMLParser) -> int:
    """The address of a parsed page's document node (where the compiled walks free the copies of
    the texts they read); 0 if there is none."""
    document = tree.root.parent if tree.root is not None else None
    return document.mem_id if document is not None and document.tag == "-document" else 0
