"""Labels from the HTML containers a block sits in: comments, read-also, related, sidebar, author bio,
overlays, photo galleries, pull quotes.

The model says whether a block is body; the markup often says plainly what the
rest is (`<ol class="comment-list">`, `<div class="baca-juga">`). A container
token that most body blocks carry is a page-wide wrapper ("comments-open" on
<body>), not a container, and is ignored for those blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, is_, is_not, itemgetter

from warta.classify.body_lines import _rows_in
from warta.compiled import probed
from warta.lexicon import html_lexicon
from warta.model import (
    ALL_LINK,
    CLASS_TOKEN_DEPTH,
    LABEL_BODY,
    LABEL_COMMENTS,
    LABEL_OTHER,
    LABEL_READ_ALSO,
    LABEL_RELATED,
    LABEL_SIDEBAR,
    Block,
    BlockStructure,
    Label,
)

_KINDS = (
    ("comments", Label.COMMENTS),
    ("read_also", Label.READ_ALSO),
    ("related", Label.RELATED),
    ("sidebar", Label.SIDEBAR),
    ("footer", Label.FOOTER),
    ("bio", Label.OTHER),
    ("overlay", Label.OTHER),
    ("gallery", Label.CAPTION),
    ("embed", Label.OTHER),
)
# Labels that a container may overrule: the model's guesses and the sections that
# lexicon headers open (a header's section has no end in flat text; in HTML its
# container ends it), not the markers of a block's own text.
_OVERRULABLE = frozenset(
    {
        Label.BODY,
        Label.OTHER,
        Label.HEADING,
        Label.NAV,
        Label.RELATED,
        Label.SIDEBAR,
        Label.COMMENTS,
        Label.READ_ALSO,
    }
)
# What a photo gallery's container does not overrule: a box of link cards that a header or
# the model read as a list ("More galleries", a rail of slideshow teasers) stays a list; only
# the gallery's own title and captions, read as text, become captions.
_NOT_GALLERY = frozenset({Label.NAV, Label.RELATED, Label.SIDEBAR, Label.COMMENTS, Label.READ_ALSO})
_PARAGRAPH_MIN = 160  # a section's teaser titles and dates are shorter than an article's paragraphs
_FALLBACK_MIN = 0.05  # below this, the page really has no article text
_SECTIONS = frozenset({LABEL_RELATED, LABEL_SIDEBAR, LABEL_COMMENTS})


@lru_cache(maxsize=1)
def container_tokens() -> tuple[tuple[Label, frozenset[str]], ...]:
    """The (label, class tokens) table from `lexicon/data/html.toml`; read once."""
    data = html_lexicon().get("containers", {})
    return tuple((label, frozenset(data.get(key, ()))) for key, label in _KINDS)


def _container(tokens: tuple[str, ...], wrappers: Collection[str] = ()) -> tuple[Label, str] | None:
    """The first container kind (and its token) among a block's tokens. Where that token
    is a wrapper's, a box's token on an element inside every wrapper ("author-bio" under
    a <body class="sidebar-left">) counts instead."""
    hit = _first_container(tokens)
    if hit is None or hit[1] not in wrappers:
        return hit
    # One past the last wrapper token (C-level passes: the tuples run to dozens of tokens).
    is_wrapper = list(map(wrappers.__contains__, tokens))
    return _first_container(tokens[len(tokens) - is_wrapper[::-1].index(True) :])


@lru_cache(maxsize=1)
def _any_container_token() -> frozenset[str]:
    """Every token of `container_tokens`, of whatever kind; read once."""
    return frozenset().union(*(known for _, known in container_tokens()))


@lru_cache(maxsize=1)
def _sidebar_tag_tokens() -> frozenset[str]:
    """The sidebar tokens that name an element's tag only (html.toml `sidebar_tag`); read once."""
    return frozenset(html_lexicon().get("containers", {}).get("sidebar_tag", ()))


@lru_cache(maxsize=1)
def _pull_quote_tokens() -> frozenset[str]:
    return frozenset(html_lexicon().get("containers", {}).get("pullquote", ()))


@lru_cache(maxsize=1)
def _container_or_pull_quote_token() -> frozenset[str]:
    """Every token `_first_container` looks for: `_any_container_token` and `_pull_quote_tokens`."""
    return _any_container_token() | _pull_quote_tokens()


@lru_cache(maxsize=1)
def _container_kinds() -> dict[str, int]:
    """Each token of `container_tokens` -> the number of the first kind that holds it; read once."""
    kinds: dict[str, int] = {}
    for k, (_label, known) in enumerate(container_tokens()):
        for token in known:
            kinds.setdefault(token, k)
    return kinds


def _first_container(tokens: tuple[str, ...]) -> tuple[Label, str] | None:
    # One C-level pass over the tokens finds the few that matter: most blocks sit in no container.
    present = _container_or_pull_quote_token().intersection(tokens)
    if not present or not _pull_quote_tokens().isdisjoint(present):
        # None, or a pull quote: it sits in an <aside> or a floated box in the body and
        # repeats the story's words: no list beside the article. Whether it is body is the
        # model's call (ScrapingHub's gold keeps pull quotes in the text).
        return None
    # The first kind with a token here, and of its tokens the one that comes first in the block's.
    kinds = _container_kinds()
    first = min(map(kinds.__getitem__, present))
    hits = [token for token in present if kinds[token] == first]
    return container_tokens()[first][0], hits[0] if len(hits) == 1 else min(hits, key=tokens.index)


def containers(
    block_tokens: list[tuple[str, ...]], wrappers: Collection[str]
) -> list[tuple[Label, str] | None]:
    """`_container` of each block's class tokens (the reference of the compiled
    `_labelscan.containers`). Blocks share few distinct token tuples: each is looked up once.
    (The segmenter gives side-by-side blocks the same tuple object: told apart by `id`, the
    tuples, alive in `block_tokens` throughout, are not hashed string by string.)"""
    distinct = {id(tokens): tokens for tokens in block_tokens}
    hits = {key: _container(tokens, wrappers) for key, tokens in distinct.items()}
    return [hits[id(tokens)] for tokens in block_tokens]


Containers = Callable[[list[tuple[str, ...]], Collection[str]], list[tuple[Label, str] | None]]

# Token tuples `_containers` checks the compiled lookup on: none, a container's, a pull quote's,
# kinds in either order, a wrapper before a box's token, tokens repeated.
_PROBE_TOKENS = (
    ("entry", "post"),
    ("comment-list", "related-posts", "comment-list"),
    ("related-posts", "sidebar", "pullquote"),
    ("sidebar-left", "author-bio", "widget"),
    (),
)


@lru_cache(maxsize=1)
def _containers() -> Containers:
    """`_labelscan.containers` where it is built and agrees with `containers` on probe tokens."""
    try:
        from warta.classify._labelscan import containers as compiled
    except ImportError:
        return containers
    table = container_tokens()
    # One lookup a token: its kind, or -1 for a pull quote's (which wins over any kind).
    kinds = {**_container_kinds(), **dict.fromkeys(_pull_quote_tokens(), -1)}

    def compiled_containers(
        block_tokens: list[tuple[str, ...]], wrappers: Collection[str]
    ) -> list[tuple[Label, str] | None]:
        found: list[tuple[Label, str] | None] = compiled(block_tokens, kinds, table, wrappers)
        return found

    tokens = [*_PROBE_TOKENS, _PROBE_TOKENS[0], *_PROBE_TOKENS[::-1]]
    tokens.insert(1, tokens[0])  # (one tuple object twice in a row, as side-by-side blocks share it)
    known = sorted(_container_or_pull_quote_token())[:40]
    tokens += [tuple(known[k : k + 5]) for k in range(0, len(known), 3)]
    probes = [(tokens, set()), (tokens, {"sidebar-left", "widget", "entry"}), (tokens, set(known[::2]))]
    return probed("container lookup", containers, compiled_containers, probes)


def _own_read_also(block: Block, label: Label) -> bool:
    """A read-also line that carries its own marker and link ("Baca juga: <a>Title</a>"):
    the marker is its unlinked text. Templates put such one-line boxes inside the body in
    containers named "inline-related" or "related-inline"; a "related" container does not
    make them a related list. The linked items under a bare "Read more:" header are all
    link, and follow the container."""
    structure = block.structure
    return label is LABEL_READ_ALSO and structure.href is not None and 0.0 < structure.link_density < ALL_LINK


_CLASS_TOKENS = attrgetter("structure.class_tokens")
_HEADING_LEVEL = attrgetter("structure.heading_level")  # (0 for no heading, never negative)


def _is_header(block: Block) -> bool:
    return block.structure.heading_level > 0 or len(block.text) < 40


def _held_by_most(token_sets: list[set[str]]) -> set[str]:
    """The tokens in more than half of `token_sets`, three at most (the likeliest blocks'): in
    set operations, where a count of every token would build a `Counter`."""
    if len(token_sets) <= 2:  # (of two sets, more than half is both)
        return set.intersection(*token_sets) if token_sets else set()
    first, second, third = token_sets
    return (first & second) | (third & (first | second))


def page_wrappers(blocks: Sequence[Block], probs: Sequence[float], threshold: float = 0.5) -> set[str]:
    """Container tokens of a page-wide wrapper ("has-sidebar", "footer-on-bottom" on <body>)
    that the likeliest blocks may not show: class tokens come from a block's nearest
    `CLASS_TOKEN_DEPTH` ancestors, and a list item deep in the article loses <body>'s. Such a
    token is held by more than half of the blocks the model calls body that sit shallow
    enough to hold every ancestor's tokens, and by blocks both above the first of them (the
    site's bar) and below the last (its footer): a comment list or a sidebar sits on one side
    of the article only."""
    body = [i for i, p in enumerate(probs) if p >= threshold]
    shallow = [i for i in body if blocks[i].structure.dom_depth <= CLASS_TOKEN_DEPTH]
    if len(shallow) < 3:
        return set()
    # Side-by-side blocks share one token tuple object: each distinct tuple is read once.
    per_tuple: Counter[int] = Counter(id(blocks[i].structure.class_tokens) for i in shallow)
    tuples = {id(blocks[i].structure.class_tokens): blocks[i].structure.class_tokens for i in shallow}
    known = _any_container_token()
    held: Counter[str] = Counter()
    for key, n in per_tuple.items():
        for token in known.intersection(tuples[key]):
            held[token] += n
    candidates = {token for token, n in held.items() if 2 * n > len(shallow)}
    if not candidates:
        return set()
    above = _tokens_held(blocks[: body[0]], candidates)
    return _tokens_held(blocks[body[-1] + 1 :], above) if above else above


def _tokens_held(blocks: Sequence[Block], candidates: set[str]) -> set[str]:
    """The tokens of `candidates` that some block of `blocks` holds (each distinct token tuple
    read once: side-by-side blocks share one; done once all are found)."""
    found: set[str] = set()
    seen: set[int] = set()
    for tokens in map(_CLASS_TOKENS, blocks):
        if id(tokens) in seen:
            continue
        seen.add(id(tokens))
        found.update(candidates.intersection(tokens))
        if len(found) == len(candidates):
            break
    return found


_TEXT = attrgetter("text")
_HEADING_ID_WORDS = 3  # a heading's words its section's id spells out: "Respond to review comments"
_ID_WORD = re.compile(r"[a-z0-9]{2,}")  # the segmenter's class and id tokens


def without_heading_ids(
    blocks: Sequence[Block], found: list[tuple[Label, str] | None]
) -> list[tuple[Label, str] | None]:
    """`found` without the container hits that are a word of a section's heading spelt out in
    its id: documentation tools give each <section> the slug of its heading
    (id="respond-to-review-comments"), which names no comment box. A heading of three words
    or more, all of them among the block's tokens, the hit one of them."""
    if not any(found):
        return found
    # A heading's words are substrings of its lower case: one that holds no hit's word as one
    # (most) is never asked, and its words are not read.
    hit_words = {hit[1] for hit in found if hit is not None}
    headings = [
        words
        for low in map(
            str.lower, map(_TEXT, compress(blocks, map(_HEADING_LEVEL, blocks)))
        )  # (headings found in C)
        if any(map(low.__contains__, hit_words))
        and len(words := frozenset(_ID_WORD.findall(low))) >= _HEADING_ID_WORDS
    ]
    if not headings:
        return found
    # Only the headings holding a hit's word are asked of it: each heading by each of its words.
    by_word: dict[str, list[frozenset[str]]] = {}
    for words in headings:
        for word in words:
            by_word.setdefault(word, []).append(words)
    out = list(found)
    for i, hit in zip(compress(range(len(found)), found), filter(None, found), strict=True):
        spelt = by_word.get(hit[1])
        if spelt is not None:
            tokens = blocks[i].structure.class_tokens
            if any(words.issubset(tokens) for words in spelt):
                out[i] = None
    return out


def refine_html_labels(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    probs: Sequence[float],
    threshold: float = 0.5,
    header_kind: Callable[[int], Label | None] | None = None,
) -> list[Label]:
    """Labels with comment, read-also, related, sidebar and footer containers applied.

    A block that a lexicon header put in a related/sidebar/comments section but
    that sits in no such container and that the model calls body is body again:
    in HTML the header's box ends where its container ends. `header_kind`: RELATED for a block
    whose line is a whole related header by the lexicon, else None; where given, a related box
    in an <aside> that its own header names stays related (`_named_boxes`).
    """
    # Tokens that most of the likeliest body blocks carry mark wrappers around the article
    # ("has-sidebar" on the layout), not boxes beside it; comments under an article
    # never carry them. Most, not any: one comment the model liked must not make
    # "comment" a wrapper token.
    # (`heapq.nlargest(3, …)`, which is this sort's first three, loops in Python: the sort runs in C.)
    likeliest = sorted(range(len(blocks)), key=probs.__getitem__, reverse=True)[:3]
    core = [i for i in likeliest if probs[i] >= threshold]
    if not core:
        # No block reached the threshold: the likeliest still tell the wrapper apart
        # ("widget" around a blog's only post), or the fallback finds nothing to keep.
        core = [i for i in likeliest if probs[i] >= _FALLBACK_MIN]
    wrappers = _held_by_most([set(blocks[i].structure.class_tokens) for i in core])
    wrappers |= page_wrappers(blocks, probs, threshold)
    # Blocks share few distinct token tuples: look each up once. A wrapper token
    # ("sidebar-left" on <body>) does not hide a box's own token further in ("author-bio").
    # (The segmenter gives side-by-side blocks the same tuple object: told apart by `id`,
    # the tuples, alive in `blocks` throughout, are not hashed string by string.)
    found = _containers()(list(map(_CLASS_TOKENS, blocks)), wrappers)
    found = without_heading_ids(blocks, found)
    out = list(labels)
    named = _named_boxes(blocks, labels, found, header_kind) if header_kind is not None else {}
    # The blocks in a container or in a header's section (found in C): each is settled by itself.
    rows = {*compress(range(len(found)), map(is_not, found, repeat(None)))}
    rows.update(_rows_in()(out, _SECTIONS))
    for i in sorted(rows):
        hit = found[i]
        is_body = probs[i] >= threshold
        if hit is None:
            if (
                out[i] in _SECTIONS
                and is_body
                and len(blocks[i].text) >= _PARAGRAPH_MIN
                and not _is_header(blocks[i])
            ):
                out[i] = LABEL_BODY
            continue
        if hit[0] is Label.CAPTION and out[i] in _NOT_GALLERY:
            continue
        if out[i] in _OVERRULABLE and not (hit[0] is LABEL_RELATED and _own_read_also(blocks[i], out[i])):
            out[i] = named.get(i, hit[0])
    _mark_teaser_cards(blocks, out)
    if LABEL_BODY not in out:
        _fallback_body(blocks, out, probs, found)
    return out


# The kinds a box's own header may name over a sidebar container's ("<aside>" round a
# "You might also like" or "À lire également" box): the header says what the box is.
_HEADER_NAMED = frozenset({LABEL_RELATED, LABEL_READ_ALSO})


def _named_boxes(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    found: Sequence[tuple[Label, str] | None],
    header_kind: Callable[[int], Label | None],
) -> dict[int, Label]:
    """The blocks of each <aside> sidebar container (html.toml `sidebar_tag`: no side column by
    its class) that holds one box, which its own header names a related or read-also box:
    block -> the header's kind. The header is the container's first block, unlinked and short:
    a whole related header by the lexicon (`header_kind`) or a read-also marker alone on its
    line ('À lire également'); no other unlinked heading follows in the container (a column of
    widgets, 'Potrebbe interessarti' over 'I più letti', stays a sidebar). An <aside> is a
    sidebar container by its tag, and sites set their related boxes in one: the box's header
    says more than its tag. A container's blocks are a run of blocks with the same hit."""
    named: dict[int, Label] = {}
    tag_tokens = _sidebar_tag_tokens()
    # (Only the blocks in an <aside> are read, found in C: most pages have none.)
    if tag_tokens.isdisjoint(map(_HIT_TOKEN, filter(None, found))):
        return named
    rows = [i for i in compress(range(len(found)), found) if _in_sidebar_tag(found[i], tag_tokens)]
    k = 0
    while k < len(rows):
        i = rows[k]
        hit = found[i]
        j = i + 1
        k += 1
        while k < len(rows) and rows[k] == j and found[j] == hit:
            j += 1
            k += 1
        kind = labels[i]
        header = blocks[i]
        if (
            kind in _HEADER_NAMED
            and j - i > 1
            and header.structure.link_density == 0.0
            and _is_header(header)
            and (kind is LABEL_READ_ALSO or header_kind(i) is kind)
            and not any(map(_unlinked_heading, blocks[i + 1 : j]))
        ):
            named.update(dict.fromkeys(range(i, j), kind))
    return named


_HIT_TOKEN = itemgetter(1)  # a container hit's token


def _in_sidebar_tag(hit: tuple[Label, str] | None, tag_tokens: frozenset[str]) -> bool:
    """`hit` is a sidebar container's by a tag token (`_sidebar_tag_tokens`)."""
    return hit is not None and hit[0] is LABEL_SIDEBAR and hit[1] in tag_tokens


def _unlinked_heading(block: Block) -> bool:
    """A heading with no link: a box's header, where a linked one is an item's title."""
    return block.structure.heading_level > 0 and block.structure.link_density == 0.0


_CARD_HEADLINE = (15, 200)  # characters of a linked headline
_CARD_GAP = 4  # blocks from the headline to its summary, the byline and date between
_CARD_META_MAX = 100  # the lines between headline and summary are this short
_CARD_SUMMARY = (40, 500)  # characters of a teaser's summary: a sentence or two
_CARD_MIN = 3  # cards of one kind on the page
_CARD_LABELS = frozenset({LABEL_BODY, LABEL_OTHER})
_SENTENCE_END = (".", "!", "?", "…", '"', "”", ":")


def _card_headline(block: Block) -> bool:
    lo, hi = _CARD_HEADLINE
    return block.structure.link_density >= ALL_LINK and lo <= len(block.text) <= hi


def teaser_pairs(blocks: Sequence[Block], labels: Sequence[Label]) -> list[tuple[int, int]]:
    """(headline row, summary row) of each body block that may be a teaser card's summary (a
    sentence or two, no heading, little link) under a linked headline, at most a byline and
    date line between them (`_labelscan.teaser_pairs` does it in C)."""
    pairs: list[tuple[int, int]] = []
    shortest, longest = _CARD_SUMMARY
    for i in compress(range(len(labels)), map(is_, labels, repeat(LABEL_BODY))):  # (found in C)
        block = blocks[i]
        if not shortest <= len(block.text) <= longest:
            continue
        structure = block.structure
        if structure.heading_level > 0:
            continue  # a heading after a link is the next item's title, not a summary
        if structure.link_density >= ALL_LINK / 3:
            continue
        for k in range(i - 1, max(-1, i - 1 - _CARD_GAP), -1):
            above = blocks[k]
            # (Most summaries are an article's paragraphs, under another: the link test first.)
            if above.structure.link_density >= ALL_LINK and _card_headline(above):
                pairs.append((k, i))
                break
            if labels[k] is LABEL_BODY or len(above.text) > _CARD_META_MAX:
                break  # a byline or date line sits between headline and summary, no paragraph
    return pairs


def _mark_teaser_cards(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Teaser cards (a linked headline, maybe a byline and date, then a summary that the
    model takes for a paragraph), repeated with the same markup, are a list of other
    stories: related, with their headlines. Only where every body block of the summaries'
    markup is such a card summary: an article's own paragraphs under linked subheadings
    share their markup with its other paragraphs."""
    pairs = _teaser_pairs()(list(blocks), labels)
    if not pairs:
        return  # most pages: no linked headline over a summary
    cards: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for pair in pairs:
        cards.setdefault(blocks[pair[1]].structure.class_tokens, []).append(pair)
    body_by_tokens = Counter(
        blocks[i].structure.class_tokens for i, lab in enumerate(labels) if lab is LABEL_BODY
    )
    for tokens, found in cards.items():
        if not tokens or len(found) < _CARD_MIN or len(found) < body_by_tokens[tokens]:
            continue
        for start, end in found:
            # The card's kicker above its headline and its byline under the summary.
            if start > 0 and _card_line(blocks[start - 1], labels[start - 1]):
                start -= 1
            while (
                end + 1 < len(blocks)
                and end + 1 - start <= _CARD_GAP + 2
                and _card_line(blocks[end + 1], labels[end + 1])
            ):
                end += 1
            for j in range(start, end + 1):
                if labels[j] in _CARD_LABELS:
                    labels[j] = LABEL_RELATED


def _card_line(block: Block, label: Label) -> bool:
    """A card's short kicker, byline or date line: no sentence, no link-heavy headline."""
    text = block.text
    return (
        label is LABEL_BODY
        and len(text) <= _CARD_META_MAX // 2
        and not text.endswith(_SENTENCE_END)
        and block.structure.link_density < ALL_LINK
    )


TeaserPairs = Callable[[list[Block], list[Label]], list[tuple[int, int]]]


@lru_cache(maxsize=1)
def _teaser_pairs() -> TeaserPairs:
    """`_labelscan.teaser_pairs` where it is built and agrees with `teaser_pairs` on probe blocks."""
    try:
        from warta.classify._labelscan import teaser_pairs as compiled
    except ImportError:
        return teaser_pairs
    meta_max, gap, link = _CARD_META_MAX, _CARD_GAP, ALL_LINK

    def compiled_pairs(blocks: list[Block], labels: list[Label]) -> list[tuple[int, int]]:
        pairs: list[tuple[int, int]] = compiled(
            blocks, labels, LABEL_BODY, link, link / 3, _CARD_SUMMARY, _CARD_HEADLINE, gap, meta_max
        )
        return pairs

    def block(text: str, density: float = 0.0, heading: int = 0) -> Block:
        return Block(
            index=0, text=text, structure=BlockStructure(link_density=density, heading_level=heading)
        )

    summary = "İstanbul köprüsü dibuka hari ini untuk umum, kata wali kota. "
    kinds = [
        block("Kelvin \u212a headline of a card here", 1.0),
        block("ſhort byline"),
        block(summary),
        block("🌉 linked headline, astral " * 2, 0.9),
        block("x" * 40, 0.3),
        block("x" * 39),
        block("x" * 500, 0.29),
        block("y" * 501),
        block("h" * 14, 1.0),
        block("h" * 200, 0.95),
        block("h" * 201, 1.0),
        block(summary, heading=2),
        block("m" * 101),
        block("m" * 100),
        block(""),
    ]
    order = [0, 1, 2, 3, 2, 9, 12, 2, 9, 13, 1, 1, 2, 8, 4, 10, 5, 0, 6, 0, 7, 0, 11, 3, 1, 1, 1, 1, 2, 14, 2]
    blocks = [kinds[k] for k in order]
    body, other = LABEL_BODY, LABEL_OTHER
    probes = [
        (blocks, [body] * len(blocks)),
        (blocks, [body, other, body, LABEL_RELATED] * (len(blocks) // 4) + [body] * (len(blocks) % 4)),
        (blocks, [other, body] * (len(blocks) // 2) + [other] * (len(blocks) % 2)),
        ([], []),
    ]
    return probed("teaser pairs", teaser_pairs, compiled_pairs, probes)


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
            labels[i] = LABEL_BODY
