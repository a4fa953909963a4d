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
)
# Labels that a container may overrule: the model's guesses, not lexicon markers.
_OVERRULABLE = frozenset({Label.BODY, Label.OTHER, Label.HEADING, Label.NAV})


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


def refine_html_labels(blocks: Sequence[Block], labels: Sequence[Label]) -> list[Label]:
    """Labels with comment, read-also, related and sidebar containers applied."""
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
        if hit is None or out[i] not in _OVERRULABLE:
            continue
        kind, token = hit
        if out[i] is Label.BODY and body_tokens[token] * 2 > n_body:
            continue  # a wrapper around most of the body, not a box beside it
        out[i] = kind
    return out
