from collections.abc import Iterable

from warta.model import Block, Label

def card_letters(texts: list[str]) -> tuple[bytearray, list[int]]: ...
def word_list_runs(texts: list[str], shortest: int) -> list[tuple[int, int]]: ...
def list_words(texts: list[str]) -> list[bool]: ...
def caption_rows(
    blocks: list[Block],
    norms: list[str],
    labels: list[Label],
    body: Label,
    other: Label,
    firsts: str,
    agencies: frozenset[str],
) -> tuple[list[int], list[int]]: ...
def containers(
    block_tokens: list[tuple[str, ...]],
    pull_quote: frozenset[str],
    kinds: dict[str, int],
    table: tuple[tuple[Label, frozenset[str]], ...],
    wrappers: object,
) -> list[tuple[Label, str] | None]: ...

class Trie:
    def __init__(self, words: Iterable[str]) -> None: ...
    def after(self, text: str, lead: str) -> list[tuple[int, str]]: ...
