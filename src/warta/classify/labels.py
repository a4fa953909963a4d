"""From body probabilities and lexicon markers to one `Label` per block.

The learned model answers "is this block article body?". The finer labels
(read-also, related, sidebar, comments, ads, navigation) come from lexicon
markers and the section a block sits in: a header such as "Related Posts" or
"Jangan Lewatkan" opens a section that lasts until the next header or the
next run of body text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from warta.lexicon import Lexicon, normalise_marker
from warta.model import Block, Label

_SECTION_OF_HEADER = (
    ("comment_header", Label.COMMENTS),
    ("related_header", Label.RELATED),
    ("sidebar_header", Label.SIDEBAR),
)


def block_key(text: str) -> str:
    """A stable key for a block's text, insensitive to case and spacing (for site templates)."""
    return hashlib.blake2b(normalise_marker(text).encode("utf-8"), digest_size=8).hexdigest()


def marker_of(norm: str, lexicon: Lexicon) -> Label | None:
    """The boilerplate label a lexicon marker gives a normalised block text, if any."""
    n = len(norm)
    if n == 0:
        return Label.OTHER
    if lexicon.starts_with_any(norm, lexicon.read_also_prefix) and n < 300:
        return Label.READ_ALSO
    if n < 200 and (norm in lexicon.promo_line or lexicon.starts_with_any(norm, lexicon.promo_prefix)):
        return Label.AD
    if norm in lexicon.share_line or norm in lexicon.nav_line:
        return Label.NAV
    if n < 300 and lexicon.contains_any(norm, lexicon.footer_contains):
        return Label.FOOTER
    if n < 400 and lexicon.starts_with_any(norm, lexicon.tags_prefix):
        return Label.TAGS
    if n < 200 and lexicon.contains_any(norm, lexicon.comment_form):
        return Label.COMMENTS
    return None


def section_header(norm: str, lexicon: Lexicon) -> Label | None:
    """The section a header block opens: related, sidebar or comments."""
    if norm in lexicon.comment_header:
        return Label.COMMENTS
    if norm in lexicon.related_header:
        return Label.RELATED
    if norm in lexicon.sidebar_header:
        return Label.SIDEBAR
    return None


def _single_link_follows(probs: Sequence[float], at: int, threshold: float) -> bool:
    """True when block `at` is followed by at most one non-body block, then body again."""
    k = at + 1
    while k < len(probs) and probs[k] < threshold and k - at <= 2:
        k += 1
    return k < len(probs) and probs[k] >= threshold and k - at <= 2


def label_blocks(
    blocks: Sequence[Block],
    probs: Sequence[float],
    lexicon: Lexicon,
    threshold: float = 0.5,
) -> list[Label]:
    """One label per block, in order."""
    labels: list[Label] = []
    section: Label | None = None
    body_run = 0
    previous_read_also_marker = False
    for block, p in zip(blocks, probs, strict=True):
        norm = normalise_marker(block.text)
        header = section_header(norm, lexicon)
        marker = marker_of(norm, lexicon)
        is_body = p >= threshold
        # "Baca juga:" alone on a line is either an inline read-also (one link,
        # then the article goes on) or the header of a related box (several links).
        inline_read_also = (
            marker is Label.READ_ALSO
            and bool(labels)
            and labels[-1] is Label.BODY
            and _single_link_follows(probs, len(labels), threshold)
        )
        if header is not None and len(norm) < 60 and not inline_read_also:
            section = header
            labels.append(header)
            body_run = 0
            previous_read_also_marker = False
            continue
        if marker is Label.READ_ALSO:
            labels.append(Label.READ_ALSO)
            # "Baca juga:" alone on its line: its link text follows on the next line.
            previous_read_also_marker = len(norm) <= 20
            continue
        if previous_read_also_marker and len(norm) < 200:
            labels.append(Label.READ_ALSO)
            previous_read_also_marker = False
            continue
        previous_read_also_marker = False
        if marker is not None:
            labels.append(marker)
            continue
        if is_body:
            body_run += 1
            if section is None:
                labels.append(Label.BODY)
            elif section is not Label.COMMENTS and body_run >= 3:
                # Three body blocks in a row: the article resumed after a
                # related/sidebar box; the run so far was body too.
                section = None
                for j in range(len(labels) - body_run + 1, len(labels)):
                    labels[j] = Label.BODY
                labels.append(Label.BODY)
            else:
                labels.append(section)
            continue
        body_run = 0
        labels.append(section if section is not None else Label.OTHER)
    return labels
