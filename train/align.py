"""Gold labels for blocks: which blocks of a page belong to its gold main text.

Body lines appear in the gold in reading order, so blocks are matched against
the gold token stream with a moving cursor. A long block may match anywhere
(gold order sometimes differs from page order); a short block must match close
to the cursor, because short strings ("Home", "News") occur in any text.
"""

from __future__ import annotations

import re

from warta.model import Block

_WORD = re.compile(r"\w+")


def tokens_string(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.lower())) + " "


def align_blocks(blocks: list[Block], gold: str) -> list[int]:
    """1 for blocks whose text belongs to `gold`, 0 otherwise."""
    ref = tokens_string(gold)
    labels: list[int] = []
    cursor = 0
    for block in blocks:
        needle = tokens_string(block.text)
        n_tokens = needle.count(" ") - 1
        if n_tokens <= 0:
            labels.append(0)
            continue
        pos = ref.find(needle, cursor)
        near = 60 + 4 * len(needle) if cursor else 120 + 4 * len(needle)
        if pos >= 0 and (n_tokens >= 8 or pos - cursor <= near):
            labels.append(1)
            cursor = pos + len(needle) - 1
            continue
        if n_tokens >= 8 and ref.find(needle) >= 0:
            labels.append(1)
            continue
        labels.append(0)
    return labels
