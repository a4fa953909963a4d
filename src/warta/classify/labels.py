"""From body probabilities and lexicon markers to one `Label` per block.

The learned model answers "is this block article body?". The finer labels
(read-also, related, sidebar, comments, ads, navigation) come from lexicon
markers and the section a block sits in: a header such as "Related Posts" or
"Jangan Lewatkan" opens a section that lasts until the next header or the
next run of body text.

`label_blocks` walks the blocks once, opening and closing sections (and the
inline "Baca juga:" boxes, comment threads and author boxes that a line opens),
then runs the passes of the other modules: `body_lines` (near misses, split
fragments, captions), `cards` (lists of other stories) and `tail` (word lists,
text past the footer, company boilerplate, source lists). The line markers and
section headers themselves are in `markers`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter, itemgetter

from warta.classify.body_lines import (
    NEAR_MISS,
    _ending_rows,
    adopt_after_inline_box,
    adopt_after_page_break,
    adopt_near_misses,
    bridge_backwards,
    bridge_fragments,
    mark_captions,
    mark_hashtag_lines,
    mark_slide_captions,
)
from warta.classify.cards import (
    card_shapes,
    teaser_list_end,
    unmark_headlines_above_article,
    unmark_headlines_above_box_link,
    unmark_teaser_cards,
)
from warta.classify.markers import PageLines, labelled_read_also_link, markers_of, section_headers
from warta.classify.sections import section_scans
from warta.classify.sentences import (
    SENTENCE_END,
    is_cut_excerpt,
    is_long_sentence,
    is_paragraph,
    starts_capitalised,
)
from warta.classify.tail import (
    unmark_bracketed_sign_off,
    unmark_comments_past_footer,
    unmark_company_boilerplate,
    unmark_contact_sign_off,
    unmark_past_end_mark,
    unmark_source_line,
    unmark_source_list,
    unmark_text_past_footer,
    unmark_word_lists,
)
from warta.lexicon import Lexicon, normalise_lines, normalise_marker
from warta.model import (
    ALL_LINK,
    LABEL_AD,
    LABEL_BODY,
    LABEL_COMMENTS,
    LABEL_OTHER,
    LABEL_READ_ALSO,
    LABEL_RELATED,
    LABEL_SIDEBAR,
    LABEL_TAGS,
    LINK_LINE,
    Block,
    Label,
)
from warta.strings import has_digit


def block_key(text: str) -> str:
    """A stable key for a block's text, insensitive to case and spacing (for site templates)."""
    return hashlib.blake2b(normalise_marker(text).encode("utf-8"), digest_size=8).hexdigest()


def _links_before_body_resumes(
    blocks: Sequence[Block], probs: Sequence[float], at: int, threshold: float
) -> int:
    """How many short non-body blocks follow block `at` before the body resumes (0 if it doesn't soon).
    The body resumes at a line the model took for body, or at a finished paragraph it just doubted
    under one link line or more: the model reads the lines after a "Baca juga" box near the page's
    end as less likely body than the same paragraphs above it."""
    k = at + 1
    while k < len(probs) and probs[k] < threshold and k - at <= 6:
        if len(blocks[k].text) > 160:
            if k > at + 1 and probs[k] >= threshold - NEAR_MISS and is_long_sentence(blocks[k].text):
                return k - at - 1
            return 0
        k += 1
    resumes = k < len(probs) and probs[k] >= threshold and k - at <= 6
    return k - at - 1 if resumes else 0


def _inline_box_links(blocks: Sequence[Block], probs: Sequence[float], at: int, threshold: float) -> int:
    """How many link lines the box headed by block `at` holds before the article goes on:
    the short non-body lines before the body resumes, or else one title-like line (no
    sentence end) that the model took for body, when the body goes on right after it."""
    links = _links_before_body_resumes(blocks, probs, at, threshold)
    if not links and at + 2 < len(blocks) and probs[at + 2] >= threshold:
        following = blocks[at + 1].text
        links = int(len(following) < 200 and not following.endswith((".", "!", "?")))
    if not links:
        return 0
    return links + (
        _same_list_links(blocks, at + links + 1) or _more_box_titles(blocks, probs, at + links + 1, threshold)
    )


def _same_list_links(blocks: Sequence[Block], start: int) -> int:
    """How many more items of the HTML list that block `start - 1` is the linked item of begin at
    block `start`: each a link alone in an item of the same list (the same tag path), whatever
    the model made of it and whatever follows the list (an ad label, a figure)."""
    first = blocks[start - 1].structure
    if not (first.in_list and first.href is not None and first.link_density >= ALL_LINK):
        return 0
    k = start
    while k < len(blocks) and k - start < _MAX_BOX_LINKS:
        structure = blocks[k].structure
        if not (
            structure.in_list
            and structure.href is not None
            and structure.link_density >= ALL_LINK
            and structure.tag_path == first.tag_path
        ):
            break
        k += 1
    return k - start


_MAX_BOX_LINKS = 6


def _box_inside_article(blocks: Sequence[Block], header: int, resume: int) -> bool:
    """Whether the box headed by block `header` interrupts the article: its header is a heading
    element, and the paragraphs right before it and right after the box's last line (block
    `resume`) sit in one element (the same HTML tag path), the header elsewhere. Flattened
    text has no paths: never."""
    if header < 1 or resume >= len(blocks) or blocks[header].structure.heading_level == 0:
        return False  # (a heading: a "| SPONSORED" label over a grid of promoted teasers is none)
    path = blocks[header - 1].structure.tag_path
    return (
        bool(path) and blocks[resume].structure.tag_path == path and blocks[header].structure.tag_path != path
    )


def _linked_where_html(blocks: Sequence[Block], start: int, stop: int) -> bool:
    """Whether one of blocks `start` to `stop` carries a link, or the page is flattened text (no
    tag to say, and no link kept)."""
    return any(not block.structure.tag or block.structure.href is not None for block in blocks[start:stop])


def _more_box_titles(blocks: Sequence[Block], probs: Sequence[float], start: int, threshold: float) -> int:
    """How many more link titles a "Baca juga:" box holds from block `start` on: lines the model
    took for body that are titles (short, no sentence end), set right under the box's
    previous line with no blank line between, while a paragraph follows them. Where the box's
    first title is set apart by a blank line too (a dump that writes a blank line between all
    its lines: newspaper's `article.text`), the blank lines part nothing: titles under it are
    the box's alike."""
    # (the blank line before a title ends the box only where the box's first title had none)
    spaced = start >= 1 and blocks[start - 1].structure.blank_before
    k = start
    while k < len(blocks) and k - start < _MAX_BOX_LINKS:
        block = blocks[k]
        text = block.text
        if (
            probs[k] < threshold
            or (block.structure.blank_before and not spaced)
            # (spaced out, each title is a line apart like the first, not a bullet of a list under it)
            or (spaced and (not block.structure.blank_before or block.structure.bullet))
            or not 3 <= len(text.split()) <= 25
            or not starts_capitalised(text)
            or text.endswith(SENTENCE_END)
        ):
            break
        k += 1
    return k - start if k < len(blocks) and blocks[k].text.endswith(SENTENCE_END) else 0


_THREAD_SPAN = 40  # the blocks after one attribution within which a second one makes a thread
_ATTRIBUTION_MAX = 150


def _attributions(texts: list[str], lexicon: Lexicon) -> list[int]:
    """The blocks that end like a comment's attribution ('… on September 17, 2018 at 8:50 pm
    said:'), in order. Only a text whose last character can end one once lower-cased is
    lower-cased (an ASCII character lower-cases alone; any other is tested in full): those
    are found for all blocks at once, in C."""
    lasts = lexicon.attribution_lasts()
    rows: Iterable[int] = range(len(texts))
    if "" not in lasts:  # (an empty attribution ends every text)
        rows = _ending_rows()(texts, _ascii_ending(lasts), False, False, True)
    return [
        i
        for i in rows
        if len(texts[i]) < _ATTRIBUTION_MAX and lexicon.ends_with_attribution(texts[i].lower())
    ]


_LAST_CHAR = itemgetter(slice(-1, None))
_TEXT = attrgetter("text")


@lru_cache(maxsize=8)
def _ascii_ending(lasts: frozenset[str]) -> str:
    """The ASCII characters that are one of `lasts` once lower-cased, in one str."""
    return "".join(c for c in map(chr, range(128)) if c.lower() in lasts)


def _thread_openers(attributions: list[int]) -> set[int]:
    """The attributions followed by another within a few dozen blocks ('Gary M on September 17,
    2018 at 8:50 pm said:' twice): each opens a comment thread (`attributions`: in order)."""
    return {at for at, after in pairwise(attributions) if after < at + _THREAD_SPAN}


_MENU_TOKENS = frozenset({"nav", "menu"})
_BUTTON_BOX_REACH = 30  # blocks after a "Subscribe" button searched for the links of its box


def _menu_entry(block: Block) -> bool:
    """A link alone in a list item or in a <nav>/menu: an entry of a menu, not a box's header."""
    structure = block.structure
    return structure.link_density >= ALL_LINK and (
        structure.in_list or not _MENU_TOKENS.isdisjoint(structure.class_tokens)
    )


def _menu_button(block: Block, norm: str, lexicon: Lexicon) -> bool:
    """A link alone named as a menu entry is ("Subscribe" beside the site's menu, `nav_line`):
    a button to another page. (`norm`: the block's text through `normalise_marker`.) A flattened
    page's line is a link alone where its Markdown says so (`href`, `markdown.linked_blocks`)."""
    structure = block.structure
    return (structure.link_density >= ALL_LINK or structure.href is not None) and norm in lexicon.nav_line


def _heads_no_links(blocks: Sequence[Block], i: int, markers: Sequence[Label | None]) -> bool:
    """Whether no linked entry follows block `i` before the next heading (the article's headline,
    a box's title): a link line that no marker labels ("Sign in" is one). A "Subscribe" button over
    a chart rail or a forum's thread tools opens that box of links; one right before the article's
    header would only take the header's lines (the deck, the lead photo's caption)."""
    for j in range(i + 1, min(i + 1 + _BUTTON_BOX_REACH, len(blocks))):
        structure = blocks[j].structure
        if structure.heading_level > 0:
            return True
        if structure.link_density >= ALL_LINK and markers[j] is None:
            return False
    return True


# A person's name, or a company's with its legal form around it ("Tentang PT Nusa Surya Energi
# Tbk", "About Acme Widgets Holdings Inc."): a company box's header names the firm in full.
_BIO_NAME_WORDS = 4


def _opens_bio_box(text: str, norm: str, lexicon: Lexicon) -> bool:
    """'About Jane Doe', 'Über Moritz Bachmann', 'About the author': the header of an author or
    company box (a short line: the prefix and a capitalised name, or a header of its own)."""
    if len(norm) > 60 or not (norm + " ").startswith(lexicon.bio_header_prefix):
        return False
    for prefix in lexicon.bio_header_prefix:
        if norm == prefix.rstrip() and " " in norm:
            return True
        if norm.startswith(prefix):
            rest = text.split()[len(prefix.split()) :]
            return 1 <= len(rest) <= _BIO_NAME_WORDS and all(w[0].isupper() for w in rest)
    return False


_MIN_EXCERPTS = 2


def _opens_split_bio_box(blocks: Sequence[Block], norms: list[str], at: int, lexicon: Lexicon) -> bool:
    """'Über' alone on a line, 'Moritz Bachmann' on the next, then the bio's paragraph: a bio box
    header the flattener split (not 'About' in a menu, followed by other entries)."""
    if at + 2 >= len(blocks) or norms[at] + " " not in lexicon.bio_header_prefix:
        return False
    if not is_long_sentence(blocks[at + 2].text):
        return False
    return _opens_bio_box(f"{blocks[at].text} {blocks[at + 1].text}", f"{norms[at]} {norms[at + 1]}", lexicon)


_TAG_MAX_WORDS = 4
_TAG_MAX_CHARS = 40


def _tag_item(text: str) -> bool:
    """'# banjir rob', 'Korupsi': one tag, a few words that are not a sentence."""
    return (
        len(text) <= _TAG_MAX_CHARS
        and len(text.split()) <= _TAG_MAX_WORDS
        and not text.endswith(SENTENCE_END)
    )


def _two_paragraphs_cut_short(blocks: Sequence[Block], body_run: list[int]) -> bool:
    """Whether the body-like run a new header cuts holds just two long finished paragraphs:
    prose, where a related/sidebar box lists headlines, each with a teaser at most (three
    body-like blocks in a row resume the article anyway). Read above the article only: the
    post's opening under a "Subscribe" in the site's bar, cut by a promo and the next header."""
    return len(body_run) == 2 and all(is_long_sentence(blocks[j].text) for j in body_run)


def label_blocks(
    blocks: Sequence[Block],
    probs: Sequence[float],
    lexicon: Lexicon,
    threshold: float = 0.5,
    norms: list[str] | None = None,
    page: PageLines | None = None,
    headers: Mapping[str, Label | None] | None = None,
) -> list[Label]:
    """One label per block, in order (`norms`: the texts through `normalise_lines`, if known;
    `page`: `PageLines.of(norms)` and `headers`: `section_headers` of its distinct texts, where
    the caller has them: the lists read the same headers)."""
    labels: list[Label] = []
    section: Label | None = None
    body_run: list[int] = []  # the body-like blocks seen in a row inside the current section
    run_paragraphs = 0
    excerpts = 0  # the cut excerpts in the current section, opened after the article
    listed_until = 0  # the end of a list of headlines with teasers right under the current header
    fresh = False  # whether no body-like block has followed the current header yet
    texts = list(map(_TEXT, blocks))  # (read by several passes below)
    shapes = card_shapes(texts, lexicon)
    read_also_items = 0
    seen_body = False
    norms = norms if norms is not None else normalise_lines(texts)
    page = page if page is not None else PageLines.of(norms)
    markers = markers_of(norms, lexicon, page)
    distinct = page.distinct
    headers = headers if headers is not None else section_headers(distinct, lexicon, page)
    # The texts a bio box header can open with (both bio tests ask this first): most pages hold none.
    bio_trie = lexicon.starts_with_trie("bio_header_prefix")
    if bio_trie is not None:  # (found in C for all lines at once)
        bio_prefixed = set(map(distinct.__getitem__, bio_trie.opening(distinct, " ")))
    else:
        bio_start = lexicon.starts_with_pattern("bio_header_prefix").match
        bio_prefixed = {norm for norm in distinct if bio_start(norm + " ")}
    attributions = _attributions(texts, lexicon)
    thread_openers = _thread_openers(attributions)
    # (A line all link, most links, is no labelled one: asked here before the call.)
    labelled_links = {
        i
        for i, block in enumerate(blocks)
        if (structure := block.structure).href is not None
        and structure.link_density < ALL_LINK
        and markers[i] is None
        and labelled_read_also_link(block, lexicon)
    }
    for i, (norm, p) in enumerate(zip(norms, probs, strict=True)):
        if section is LABEL_TAGS and not _tag_item(blocks[i].text):
            # A tag list holds one short tag per line; what follows it is the page's end matter,
            # as under any sidebar header (the article can still resume, as it does there).
            section = LABEL_SIDEBAR
        header = headers[norm]
        marker = markers[i]
        if marker is None and header is None and i in labelled_links:
            marker = LABEL_READ_ALSO
        is_body = p >= threshold
        # Most lines are none of a header, a marker, a read-also box's item, a thread's opening
        # attribution or a bio box's header: none of the tests below but the body's applies to them.
        if (
            header is not None
            or marker is not None
            or read_also_items
            or (seen_body and (i in thread_openers or norm in bio_prefixed))
        ):
            if header is LABEL_TAGS and not seen_body:
                header = None  # "Topik" in the site menu above the article heads no tag list
            if (
                header is not None
                and header is not LABEL_COMMENTS
                and (
                    _menu_entry(blocks[i])
                    or (
                        not seen_body
                        and _menu_button(blocks[i], norm, lexicon)
                        and _heads_no_links(blocks, i, markers)
                    )
                )
            ):
                # "Latest" in the site menu links to a page, and so does a "Subscribe" button
                # beside it with no links under it: neither heads a box here
                header = None
            if read_also_items and len(norm) < 200:
                # The link titles of an inline "Baca juga" box.
                labels.append(LABEL_READ_ALSO)
                read_also_items -= 1
                continue
            read_also_items = 0
            if marker is LABEL_READ_ALSO and not seen_body:
                # "Baca artikel … lainnya di … App" above the article's first paragraph: a read-also
                # link sits inside the article it interrupts; one ahead of it points elsewhere.
                marker = LABEL_AD
            if marker is LABEL_READ_ALSO:
                # "Baca juga:" alone on a line inside the body heads a box of links after
                # which the article goes on; the same words after the body head a related list.
                bare = len(norm) <= 25
                inside_body = bool(labels) and labels[-1] in (LABEL_BODY, LABEL_READ_ALSO)
                links = _inline_box_links(blocks, probs, i, threshold) if bare and inside_body else 0
                if not bare or (inside_body and links):
                    labels.append(LABEL_READ_ALSO)
                    read_also_items = links
                    continue
            if (
                header is not None
                and section in (LABEL_RELATED, LABEL_SIDEBAR)
                and not seen_body
                and _two_paragraphs_cut_short(blocks, body_run)
            ):
                # The article opening under a header in the site's bar, then a promo line and the
                # next header: too short a run to resume on, but a box lists no such prose.
                for j in body_run:
                    labels[j] = LABEL_BODY
                section, seen_body = None, True
            if (header is LABEL_RELATED or header is LABEL_SIDEBAR) and labels and labels[-1] is LABEL_BODY:
                # "Pilihan Editor:" between two paragraphs: a colon-ended header inside the
                # body leads into an inline box of links after which the article goes on
                # (in HTML, one of its lines a link at least: "Narahubung:" over a name and a
                # phone number heads a contact box). A sidebar's header with no colon ("Pilihan
                # Redaksi") too, inside the article (in no section yet), where the paragraphs either
                # side of its box are siblings of one element (a related header there, "More Local
                # News", keeps its related list).
                colon = blocks[i].text.rstrip().endswith(":")
                bare = not colon and header is LABEL_SIDEBAR and section is None
                links = _inline_box_links(blocks, probs, i, threshold) if colon or bare else 0
                if (
                    links
                    and _linked_where_html(blocks, i + 1, i + 1 + links)
                    and (colon or _box_inside_article(blocks, i, i + 1 + links))
                ):
                    labels.append(LABEL_READ_ALSO)
                    read_also_items = links
                    continue
            if header is None and seen_body and i in thread_openers:
                header = LABEL_COMMENTS
            if (
                header is None
                and seen_body
                and norm in bio_prefixed
                and (
                    _opens_bio_box(blocks[i].text, norm, lexicon)
                    or _opens_split_bio_box(blocks, norms, i, lexicon)
                )
            ):
                header = LABEL_SIDEBAR
            if header is LABEL_COMMENTS and not seen_body and len(norm) < 60:
                # "Leave a comment" in the post's meta line above the article opens nothing.
                labels.append(LABEL_COMMENTS)
                continue
            if header is not None and (len(norm) < 60 or (header is LABEL_COMMENTS and len(norm) < 200)):
                section = header
                labels.append(header)
                body_run = []
                run_paragraphs = 0
                excerpts = 0
                fresh = True
                continue
            if marker is not None:
                labels.append(marker)
                continue
        if is_body:
            if section is None:
                # The article's own text, in no section: none of the section's tests below applies
                # (its run and counts are read under a header only, and a header resets them).
                fresh = False
                body_run.append(i)
                labels.append(LABEL_BODY)
                seen_body = True
                continue
            if blocks[i].structure.link_density >= LINK_LINE:
                # A link the model liked under a related/sidebar header is one of the
                # box's items, not a sign that the article resumed.
                labels.append(section)
                continue
            if fresh:
                # The list's first headline may be one the model doubted, right above its teaser.
                first_card = i - 1 if shapes[i - 1] == "T" and labels[-1] is section else i
                listed_until = teaser_list_end(blocks, shapes, first_card)
            fresh = False
            if i < listed_until:
                # Headlines each with its teaser sentence right under the header ("Top stories"):
                # the box's list, however many paragraphs it holds; the article resumes after it.
                body_run = []
                run_paragraphs = 0
                labels.append(section)
                continue
            body_run.append(i)
            run_paragraphs += is_paragraph(blocks[i].text)
            # Two excerpts cut short ("…") under a header after the article: a list of
            # teasers, however many paragraph-like ones follow.
            excerpts += seen_body and is_cut_excerpt(blocks[i].text)
            # A comments section is sticky once the article has been seen; one opened
            # by a menu entry above the article ("Comments") ends like any other.
            sticky = (section is LABEL_COMMENTS and seen_body) or excerpts >= _MIN_EXCERPTS
            if not sticky and len(body_run) >= 3 and run_paragraphs:
                # Three body blocks in a row, one of them a paragraph: the article resumed
                # after a related/sidebar box; the run so far was body too (a marker line
                # between them, such as "More:", stays what it is; headlines alone, however
                # many, are the box's list).
                section = None
                seen_body = True
                for j in body_run[:-1]:
                    labels[j] = LABEL_BODY
                labels.append(LABEL_BODY)
            else:
                labels.append(section)
            continue
        body_run = []
        run_paragraphs = 0
        labels.append(section if section is not None else LABEL_OTHER)
    adopt_near_misses(blocks, labels, probs, threshold - NEAR_MISS)
    adopt_after_page_break(blocks, labels, lexicon, norms)
    adopt_after_inline_box(blocks, labels, probs, threshold - NEAR_MISS)
    bridge_fragments(blocks, labels)
    bridge_backwards(blocks, labels)
    mark_captions(blocks, labels, lexicon, norms)
    mark_slide_captions(blocks, labels, lexicon, norms)
    unmark_teaser_cards(blocks, labels, shapes, texts)
    unmark_headlines_above_article(blocks, labels, shapes, texts)
    unmark_headlines_above_box_link(blocks, labels, shapes, lexicon, norms)
    unmark_word_lists(blocks, labels, texts)
    mark_hashtag_lines(blocks, labels)
    unmark_text_past_footer(blocks, labels)
    unmark_comments_past_footer(blocks, labels)
    unmark_past_end_mark(blocks, labels)
    unmark_company_boilerplate(blocks, labels, lexicon, norms)
    unmark_source_list(blocks, labels, lexicon, norms)
    unmark_source_line(blocks, labels, lexicon, norms)
    unmark_view_counts(labels, lexicon, norms)
    unmark_verdict_box(labels, lexicon, norms, blocks)
    unmark_contact_sign_off(blocks, labels)
    unmark_bracketed_sign_off(blocks, labels)
    return labels


# The longest line of a fact-check's verdict box (`unmark_verdict_box`), normalised.
_VERDICT_LINE_MAX = 300
# The most lines after a verdict that its box's element still holds (a note under the rating,
# "What do our ratings mean?"): the box must close within them.
_VERDICT_BOX_TAIL = 3


def unmark_verdict_box(
    labels: list[Label], lexicon: Lexicon, norms: list[str], blocks: Sequence[Block] | None = None
) -> None:
    """'Klaim: … / Faktanya: … / Kesimpulan: Hoaks', 'Claim: … / Rating: False': a fact-check's
    verdict box, a line opening with a claim label and the lines right under it each opening
    with a verdict label, sums the check up; the story tells it in full. A claim line alone is
    left as it is (a story may quote a claim so). A label alone on its line ("<dt>Claim:</dt>
    <dd>…</dd>") has its value on the next line; such a box's own lines keep their labels (see
    below). With `blocks`, the few lines after the verdict inside the claim line's element (a
    note under the rating) are the box's too, where the element closes within them."""
    if not lexicon.claim_prefix or not lexicon.verdict_prefix:
        return
    verdict = lexicon.starts_with_pattern("verdict_prefix").match
    claim_label = lexicon.starts_with_pattern("claim_prefix").match
    # The lines opening with a claim label, all found in C where the lexicon's trie is built (a
    # label set below is other, still loose: no later claim line's test changes).
    trie = lexicon.starts_with_trie("claim_prefix")
    if trie is None:
        claims = [i for i, norm in enumerate(norms) if claim_label(norm)]
    else:
        claims = trie.opening(norms, "")
    # A label alone on its line ("Claim", its colon normalised away): its value is the next line.
    # (most pages hold none: one set intersection in C says so before any line is looked up)
    claim_alone, verdict_alone = _bare_labels(lexicon.claim_prefix), _bare_labels(lexicon.verdict_prefix)
    if not claim_alone.isdisjoint(norms):
        claims = sorted({*claims, *(i for i, norm in enumerate(norms) if norm in claim_alone)})
    # (a box's lines are body or, where the model doubted a short one, other)
    loose = (LABEL_BODY, LABEL_OTHER)

    def box_line(j: int) -> bool:
        return j < len(norms) and labels[j] in loose and len(norms[j]) < _VERDICT_LINE_MAX

    for i in claims:
        if not box_line(i):
            continue
        end = i + 1 + (norms[i] in claim_alone and box_line(i + 1))
        verdicts = 0
        while box_line(end) and (norms[end] in verdict_alone or verdict(norms[end])):
            verdicts += 1
            end += 1 + (norms[end] in verdict_alone and box_line(end + 1))
        if not verdicts:
            continue
        close = end if blocks is None else _box_close(blocks, i, end)
        # A box of labels alone over their values keeps its lines as the model read them: that
        # is how ScrapingHub's gold keeps Snopes' "Claim / … / Rating / Unproven" box, as body.
        # Its note under the rating is no more the story than the inline box's lines are.
        first = end if norms[i] in claim_alone else i
        labels[first:close] = [LABEL_OTHER] * (close - first)


@lru_cache(maxsize=8)
def _bare_labels(prefixes: tuple[str, ...]) -> frozenset[str]:
    """The labels of `prefixes` that end with a colon, without it: how such a label alone on its
    line reads once normalised ("claim:" -> "claim")."""
    return frozenset(p[:-1].strip() for p in prefixes if p.endswith(":"))


def _box_close(blocks: Sequence[Block], start: int, end: int) -> int:
    """Where the element of block `start` (its class tokens, a prefix of every line inside it)
    closes, when it does within `_VERDICT_BOX_TAIL` lines from `end`; else `end`."""
    box = blocks[start].structure.class_tokens
    if not box:
        return end
    size = len(box)
    j = end
    while j < len(blocks) and j - end < _VERDICT_BOX_TAIL and blocks[j].structure.class_tokens[:size] == box:
        j += 1
    closes = j < len(blocks) and blocks[j].structure.class_tokens[:size] != box
    return j if closes else end


def unmark_view_counts(labels: list[Label], lexicon: Lexicon, norms: list[str]) -> None:
    """'Dilihat 1.284 kali', '1,284 views': a view counter the model took for body (it sits
    in the article's meta row) is the page's statistics, not the article's text. So is a clock
    time alone on its line ('13:48 GMT', '08.15 WIB'): a live blog's update stamp."""
    # Only the body lines are asked (found in C): a label set here is no later line's.
    for i in section_scans().positions(labels, LABEL_BODY, len(labels)):
        norm = norms[i]
        if len(norm) < 40 and has_digit(norm) and (lexicon.is_view_count(norm) or clock_line(norm, lexicon)):
            labels[i] = LABEL_OTHER


# "13:48", "1:48 pm", "13:48 gmt", "08.15 wib" (normalised): a clock time alone, its zone after it.
_CLOCK = re.compile(r"(\d{1,2})([:.])\d{2}(?: ?(?:am|pm|a\.m\.|p\.m\.))?(?: (?P<zone>[a-z]{2,5}))?")


def clock_line(norm: str, lexicon: Lexicon) -> bool:
    """`norm` (a normalised line) is a clock time and nothing else: with a colon, or with a dot
    and a time zone the calendars know ('08.15 wib'; '10.40' alone may be a price or a score)."""
    match = _CLOCK.fullmatch(norm)
    if match is None or int(match.group(1)) > 24:
        return False
    zone = match.group("zone")
    if zone is not None:
        return zone in lexicon.date_words
    return match.group(2) == ":"
