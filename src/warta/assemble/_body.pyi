from collections.abc import Callable

from warta.lexicon import Lexicon
from warta.model import Block, BodyPart, Label, ListItem

class SeenTexts:
    def __init__(self, chars: int = 0) -> None: ...
    def words(self, text: str) -> list[str]: ...
    def is_repeat(self, text: str) -> bool: ...
    def add_unless_repeat(self, text: str) -> bool: ...

def body_parts(blocks: list[Block]) -> list[BodyPart] | None: ...
def heading_indices(blocks: list[Block], levels: frozenset[int]) -> list[int] | None: ...
def list_items(
    blocks: list[Block],
    norms: list[str],
    headers: dict[str, Label | None],
    nav: dict[str, bool],
    lexicon: Lexicon,
    menu_words: frozenset[str],
    is_date_line: Callable[[str, Lexicon], bool],
    inline_dated: Callable[[str, Lexicon], tuple[str, str] | None],
    is_menu_row: Callable[[str, Lexicon, bool | None], bool],
    normalise_marker: Callable[[str], str],
) -> list[ListItem] | None: ...
