"""Labels from the HTML containers a block sits in: comments, read-also, related, sidebar.

The model says whether a block is body; the markup often says plainly what the
rest is (`<ol class="comment-list">`, `<div class="baca-juga">`). A container
token that most body blocks carry is a page-wide wrapper ("comments-open" on
<body>), not a container, and is ignored for those blocks.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from warta.model import Block, Label

_KINDS = (
    ("comments", Label.COMMENTS),
    ("read_also", Label.READ_ALSO),
    ("related", Label.RELATED),
    ("sidebar", Label.SIDEBAR),
    ("footer", Label.FOOTER),
)
# Labels that a container may overrule: the model's guesses and the sections that
# lexicon headers open (a header's section has no end in flat text; in HTML its
# container ends it), not the markers of a block's own text.
_OVERRULABLE = frozenset(
    {Label.BODY, Label.OTHER, Label.HEADING, Label.NAV, Label.RELATED, Label.SIDEBAR, Label.COMMENTS}
)
_SECTIONS = frozenset({Label.RELATED, Label.SIDEBAR, Label.COMMENTS})


@lru_cache(maxsize=1)
def container_tokens() -> tuple[tuple[Label, frozenset[str]], ...]:
    """The (label, class tokens) table from `lexicon/data/html.toml`; read once."""
    text = (resources.files("warta.lexicon") / "data" / "html.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text).get("containers", {})
    return tuple((label, frozenset(data.get(key, ()))) for key, label in _KINDS)


def _container(tokens: Sequence[str]) -> tuple[Label, str] | None:
    for label, known in container_tokens():
        for token in tokens:
            if token in known:
                return label, token
    return None


def _is_header(block: Block) -> bool:
    return block.structure.heading_level > 0 or len(block.text) < 40


def refine_html_labels(
    blocks: Sequence[Block], labels: Sequence[Label], probs: Sequence[float], threshold: float = 0.5
) -> list[Label]:
    """Labels with comment, read-also, related, sidebar and footer containers applied.

    A block that a lexicon header put in a related/sidebar/comments section but
    that sits in no such container and that the model calls body is body again:
    in HTML the header's box ends where its container ends.
    """
    found = [_container(b.structure.class_tokens) for b in blocks]
    body_tokens: Counter[str] = Counter()
    n_body = 0
    for hit, label in zip(found, labels, strict=True):
        if label is Label.BODY:
            n_body += 1
            if hit is not None:
                body_tokens[hit[1]] += 1
    out = list(labels)
    for i, hit in enumerate(found):
        if hit is None:
            if out[i] in _SECTIONS and probs[i] >= threshold and not _is_header(blocks[i]):
                out[i] = Label.BODY
            continue
        if out[i] not in _OVERRULABLE:
            continue
        kind, token = hit
        if out[i] is Label.BODY and body_tokens[token] * 2 > n_body:
            continue  # a wrapper around most of the body, not a box beside it
        out[i] = kind
    return out
