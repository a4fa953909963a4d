"""Labels from the HTML containers a block sits in: comments, read-also, related, sidebar.

The model says whether a block is body; the markup often says plainly what the
rest is (`<ol class="comment-list">`, `<div class="baca-juga">`). A container
token that most body blocks carry is a page-wide wrapper ("comments-open" on
<body>), not a container, and is ignored for those blocks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from warta.lexicon import html_lexicon
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
    {Label.BODY, Label.OTHER, Label.HEADING, Label.NAV, Label.RELATED, Label.SIDEBAR, Label.COMMENTS,
     Label.READ_ALSO}
)
_PARAGRAPH_MIN = 160  # a section's teaser titles and dates are shorter than an article's paragraphs
_FALLBACK_MIN = 0.05  # below this, the page really has no article text
_SECTIONS = frozenset({Label.RELATED, Label.SIDEBAR, Label.COMMENTS})


@lru_cache(maxsize=1)
def container_tokens() -> tuple[tuple[Label, frozenset[str]], ...]:
    """The (label, class tokens) table from `lexicon/data/html.toml`; read once."""
    data = html_lexicon().get("containers", {})
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
    # Blocks share few distinct token tuples: look each up once.
    distinct = {tokens: _container(tokens) for tokens in {b.structure.class_tokens for b in blocks}}
    found = [distinct[b.structure.class_tokens] for b in blocks]
    # Tokens that most of the likeliest body blocks carry mark wrappers around the article
    # ("has-sidebar" on the layout), not boxes beside it; comments under an article
    # never carry them. Most, not any: one comment the model liked must not make
    # "comment" a wrapper token.
    core = [i for i in sorted(range(len(blocks)), key=lambda i: -probs[i])[:3] if probs[i] >= threshold]
    votes = Counter(t for i in core for t in set(blocks[i].structure.class_tokens))
    wrappers = {t for t, n in votes.items() if 2 * n > len(core)}
    out = list(labels)
    for i, hit in enumerate(found):
        is_body = probs[i] >= threshold
        if hit is not None and hit[1] in wrappers:
            hit = None
        if hit is None:
            if out[i] in _SECTIONS and is_body and len(blocks[i].text) >= _PARAGRAPH_MIN and not _is_header(blocks[i]):
                out[i] = Label.BODY
            continue
        if out[i] in _OVERRULABLE:
            out[i] = hit[0]
    if Label.BODY not in out:
        _fallback_body(blocks, out, probs, found)
    return out


def _fallback_body(
    blocks: Sequence[Block],
    labels: list[Label],
    probs: Sequence[float],
    found: Sequence[tuple[Label, str] | None],
) -> None:
    """No block reached the threshold: keep the likeliest block and its like-minded siblings
    (same tag path, at least half its probability) rather than return an empty article."""
    candidates = [i for i in range(len(blocks)) if found[i] is None and labels[i] in _OVERRULABLE]
    if not candidates:
        return
    best = max(candidates, key=lambda i: probs[i])
    if probs[best] < _FALLBACK_MIN:
        return
    path = blocks[best].structure.tag_path
    for i in candidates:
        if i == best or (blocks[i].structure.tag_path == path and probs[i] >= probs[best] / 2):
            labels[i] = Label.BODY
