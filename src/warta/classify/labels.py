"""From body probabilities and lexicon markers to one `Label` per block.

The learned model answers "is this block article body?". The finer labels
(read-also, related, sidebar, comments, ads, navigation) come from lexicon
markers and the section a block sits in: a header such as "Related Posts" or
"Jangan Lewatkan" opens a section that lasts until the next header or the
next run of body text.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from warta.classify.features import EDITOR_CODE_AT_END
from warta.lexicon import JoinedLines, Lexicon, normalise_lines, normalise_marker
from warta.model import Block, Label

_SECTION_OF_HEADER = (
    ("comment_header", Label.COMMENTS),
    ("related_header", Label.RELATED),
    ("sidebar_header", Label.SIDEBAR),
)


def block_key(text: str) -> str:
    """A stable key for a block's text, insensitive to case and spacing (for site templates)."""
    return hashlib.blake2b(normalise_marker(text).encode("utf-8"), digest_size=8).hexdigest()


# "News › Local", "Beranda > Humaniora": short segments joined by arrows
_BREADCRUMB = re.compile(r"^(?:[^›>»/]{1,30}\s[›>»]\s)+[^›>»]{1,40}$")


# "Outubro (217)", "WordPress (53)": archive and category widget entries
_COUNTED_ENTRY = re.compile(r"^[^.!?]{1,50}\s\(\d{1,6}\)$")


def is_menu_row(text: str, lexicon: Lexicon) -> bool:
    """A row of footer or menu links flattened onto one line ("Pedoman Media Siber Kebijakan Privasi Kontak")."""
    return _menu_row(normalise_marker(text), lexicon)


def _menu_row(norm: str, lexicon: Lexicon, has_phrase: bool | None = None) -> bool:
    """`is_menu_row` of a normalised text; `has_phrase`: whether it contains a nav phrase, if known."""
    words = norm.split()
    if not words:
        return True
    single = sum(w in lexicon.nav_line or w in lexicon.share_line for w in words)
    if single * 2 >= len(words):
        return True
    if not (lexicon.contains_any(norm, lexicon.nav_phrases) if has_phrase is None else has_phrase):
        return False
    return sum(1 for p in lexicon.nav_phrases if p in norm) >= 2


# An image address alone on a line (an <img> the flattener printed), with any query string.
_IMAGE_URL = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#]\S*)?$")
# "How to retire early,Early retirement,Retiring early,Personal Finance": a keywords
# meta field, terms joined by commas without spaces and no sentence in it.
_KEYWORD_LIST = re.compile(r"^[^,.!?]{1,60}(?:,[^\s,][^,.!?]{0,60}){3,}$")


def marker_of(norm: str, lexicon: Lexicon) -> Label | None:
    """The boilerplate label a lexicon marker gives a normalised block text, if any."""
    return _marker(
        norm,
        lexicon,
        _SubstringMarkers(
            lexicon.contains_any(norm, lexicon.consent_contains),
            lexicon.contains_any(norm, lexicon.footer_contains),
            lexicon.contains_any(norm, lexicon.comment_form),
            None,
            lexicon.contains_any(norm, lexicon.promo_contains),
        ),
    )


@dataclass(frozen=True, slots=True)
class _SubstringMarkers:
    """Which substring markers a normalised text contains (None: not known, test it)."""

    consent: bool
    footer: bool
    comment_form: bool
    nav_phrase: bool | None
    promo: bool


def markers_of(norms: list[str], lexicon: Lexicon) -> list[Label | None]:
    """`marker_of` of every normalised text of a page, the substring markers searched page-wide."""
    lines = JoinedLines.of(norms)
    found = zip(
        lines.containing(lexicon.consent_contains),
        lines.containing(lexicon.footer_contains),
        lines.containing(lexicon.comment_form),
        lines.containing(lexicon.nav_phrases),
        lines.containing(lexicon.promo_contains),
        strict=True,
    )
    return [_marker(norm, lexicon, _SubstringMarkers(*flags)) for norm, flags in zip(norms, found, strict=True)]


def _marker(norm: str, lexicon: Lexicon, found: _SubstringMarkers) -> Label | None:
    n = len(norm)
    if n == 0:
        return Label.OTHER
    if _IMAGE_URL.match(norm):
        return Label.OTHER
    if n < 600 and _KEYWORD_LIST.match(norm):
        return Label.TAGS
    if n < 200 and (norm in lexicon.promo_line or norm.startswith(lexicon.promo_prefix)):
        return Label.AD  # before read-also: "baca artikel selengkapnya di …" links to no other article
    if n < 300 and norm.startswith(lexicon.read_also_prefix):
        return Label.READ_ALSO
    if norm in lexicon.share_line or norm in lexicon.nav_line:
        return Label.NAV
    if n < 400 and found.consent:
        return Label.AD
    if n < 200 and found.promo:
        return Label.AD
    if n < 160 and len(norm.split()) >= 3 and _menu_row_again(norm, lexicon, found.nav_phrase):
        return Label.NAV
    if n < 120 and _nav_shape(norm):
        return Label.NAV
    if n < 300 and found.footer:
        return Label.FOOTER
    if n < 400 and norm.startswith(lexicon.tags_prefix):
        return Label.TAGS
    if n < 200 and found.comment_form:
        return Label.COMMENTS
    return None


def _menu_row_again(norm: str, lexicon: Lexicon, has_phrase: bool | None) -> bool:
    """`is_menu_row(norm)`: normalising a normalised text again changes nothing in ASCII;
    elsewhere it is redone, and the phrase test with it."""
    if norm.isascii():
        return _menu_row(norm, lexicon, has_phrase)
    return is_menu_row(norm, lexicon)


def _nav_shape(norm: str) -> bool:
    """A breadcrumb or a counted archive entry (each regex only where its separator can be)."""
    if ("›" in norm or ">" in norm or "»" in norm) and _BREADCRUMB.search(norm):
        return True
    return norm.endswith(")") and _COUNTED_ENTRY.search(norm) is not None


_BRACKETS = str.maketrans("", "", "[](){}")


def _bracketed_comment_count(norm: str, lexicon: Lexicon) -> bool:
    """ "[ 167 comments ]", "comments (12)": a thread's count in brackets, or after the word."""
    if len(norm) > 30 or not any(c in norm for c in "[](){}"):
        return False
    words = norm.translate(_BRACKETS).split()
    if len(words) != 2:
        return False
    count, word = (words[1], words[0]) if words[1].isdigit() else (words[0], words[1])
    return count.isdigit() and int(count) > 0 and word in lexicon.comment_count_words


def _sidebar_header_with_suffix(norm: str, lexicon: Lexicon) -> bool:
    """'Berita Terkini Lainnya': a sidebar header ('berita terkini') with a related header's
    suffix ('lainnya') after it still heads the sidebar list, not a related one."""
    if len(norm) >= 40 or not norm.endswith(lexicon.related_header_suffix):
        return False
    return any(
        norm.endswith(suffix) and norm[: -len(suffix)].strip() in lexicon.sidebar_header
        for suffix in lexicon.related_header_suffix
    )


def section_header(norm: str, lexicon: Lexicon) -> Label | None:
    """The section a header block opens: related, sidebar or comments."""
    if lexicon.is_comment_header(norm) or _bracketed_comment_count(norm, lexicon):
        return Label.COMMENTS
    if _sidebar_header_with_suffix(norm, lexicon):
        return Label.SIDEBAR
    if norm in lexicon.related_header or (
        len(norm) < 40
        and (norm.startswith(lexicon.related_header_prefix) or norm.endswith(lexicon.related_header_suffix))
    ):
        return Label.RELATED
    if norm in lexicon.sidebar_header:
        return Label.SIDEBAR
    return None


def _links_before_body_resumes(blocks: Sequence[Block], probs: Sequence[float], at: int, threshold: float) -> int:
    """How many short non-body blocks follow block `at` before the body resumes (0 if it doesn't soon)."""
    k = at + 1
    while k < len(probs) and probs[k] < threshold and k - at <= 6:
        if len(blocks[k].text) > 160:
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
    return links + _more_box_titles(blocks, probs, at + links + 1, threshold) if links else 0


_MAX_BOX_LINKS = 6


def _more_box_titles(blocks: Sequence[Block], probs: Sequence[float], start: int, threshold: float) -> int:
    """How many more link titles a "Baca juga:" box holds from block `start` on: lines the model
    took for body that are titles (short, no sentence end), set right under the box's
    previous line with no blank line between, while a paragraph follows them."""
    k = start
    while k < len(blocks) and k - start < _MAX_BOX_LINKS:
        block = blocks[k]
        text = block.text
        if (
            probs[k] < threshold
            or block.structure.blank_before
            or not 3 <= len(text.split()) <= 25
            or not (text[0].isupper() or text[0].isdigit())
            or text.endswith(SENTENCE_END)
        ):
            break
        k += 1
    return k - start if k < len(blocks) and blocks[k].text.endswith(SENTENCE_END) else 0


def _is_attribution(text: str, lexicon: Lexicon) -> bool:
    return len(text) < 150 and text.lower().endswith(lexicon.comment_attribution)


def _opens_comment_thread(blocks: Sequence[Block], at: int, lexicon: Lexicon) -> bool:
    """'Gary M on September 17, 2018 at 8:50 pm said:' twice within a few dozen blocks: a comment thread."""
    if not _is_attribution(blocks[at].text, lexicon):
        return False
    return any(_is_attribution(b.text, lexicon) for b in blocks[at + 1 : at + 40])


_MENU_TOKENS = frozenset({"nav", "menu"})


def _menu_entry(block: Block) -> bool:
    """A link alone in a list item or in a <nav>/menu: an entry of a menu, not a box's header."""
    structure = block.structure
    return structure.link_density >= 0.9 and (
        structure.in_list or not _MENU_TOKENS.isdisjoint(structure.class_tokens)
    )


_LINK_LINE = 0.6  # share of a block's text inside links from which it reads as a link, not prose


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
            return 1 <= len(rest) <= 4 and all(w[0].isupper() for w in rest)
    return False


_MIN_EXCERPTS = 2


def _opens_split_bio_box(blocks: Sequence[Block], norms: list[str], at: int, lexicon: Lexicon) -> bool:
    """'Über' alone on a line, 'Moritz Bachmann' on the next, then the bio's paragraph: a bio box
    header the flattener split (not 'About' in a menu, followed by other entries)."""
    if at + 2 >= len(blocks) or norms[at] + " " not in lexicon.bio_header_prefix:
        return False
    if not _is_long_sentence(blocks[at + 2].text):
        return False
    return _opens_bio_box(f"{blocks[at].text} {blocks[at + 1].text}", f"{norms[at]} {norms[at + 1]}", lexicon)


def _is_cut_excerpt(text: str) -> bool:
    """A teaser paragraph cut short: a sentence's worth of text ending in an ellipsis."""
    return len(text) > 80 and text.endswith(_TRUNCATED)


PARAGRAPH_END = (".", "!", "?", '"', "”")  # what ends an article's paragraph (a colon does not)


def _is_paragraph(text: str) -> bool:
    """Longer than a headline, or a finished sentence. A line ending in a colon only where it goes on
    a sentence split at a link or code ("to publish that listener:"): one of its own is as often a
    box's lead-in ("Customer service can be reached at:") as the article's."""
    if text.endswith(":"):
        return len(text) > 160 or not _starts_sentence(text)
    return len(text) > 160 or text.endswith(PARAGRAPH_END)


def label_blocks(
    blocks: Sequence[Block],
    probs: Sequence[float],
    lexicon: Lexicon,
    threshold: float = 0.5,
    norms: list[str] | None = None,
) -> list[Label]:
    """One label per block, in order (`norms`: the texts through `normalise_lines`, if known)."""
    labels: list[Label] = []
    section: Label | None = None
    body_run: list[int] = []  # the body-like blocks seen in a row inside the current section
    run_paragraphs = 0
    excerpts = 0  # the cut excerpts in the current section, opened after the article
    listed_until = 0  # the end of a list of headlines with teasers right under the current header
    fresh = False  # whether no body-like block has followed the current header yet
    shapes = _card_shapes(blocks, lexicon)
    read_also_items = 0
    seen_body = False
    norms = norms if norms is not None else normalise_lines([b.text for b in blocks])
    markers = markers_of(norms, lexicon)
    for i, (norm, p) in enumerate(zip(norms, probs, strict=True)):
        header = section_header(norm, lexicon)
        if header is not None and header is not Label.COMMENTS and _menu_entry(blocks[i]):
            header = None  # "Latest" in the site menu links to a page; it heads no box here
        marker = markers[i]
        is_body = p >= threshold
        if read_also_items and len(norm) < 200:
            # The link titles of an inline "Baca juga" box.
            labels.append(Label.READ_ALSO)
            read_also_items -= 1
            continue
        read_also_items = 0
        if marker is Label.READ_ALSO:
            # "Baca juga:" alone on a line inside the body heads a box of links after
            # which the article goes on; the same words after the body head a related list.
            bare = len(norm) <= 25
            inside_body = bool(labels) and labels[-1] in (Label.BODY, Label.READ_ALSO)
            links = _inline_box_links(blocks, probs, i, threshold) if bare and inside_body else 0
            if not bare or (inside_body and links):
                labels.append(Label.READ_ALSO)
                read_also_items = links
                continue
        if (
            header in (Label.RELATED, Label.SIDEBAR)
            and blocks[i].text.rstrip().endswith(":")
            and labels
            and labels[-1] is Label.BODY
        ):
            # "Pilihan Editor:" between two paragraphs: a colon-ended header inside the
            # body leads into an inline box of links after which the article goes on.
            links = _inline_box_links(blocks, probs, i, threshold)
            if links:
                labels.append(Label.READ_ALSO)
                read_also_items = links
                continue
        if header is None and seen_body and _opens_comment_thread(blocks, i, lexicon):
            header = Label.COMMENTS
        if header is None and seen_body and _opens_bio_box(blocks[i].text, norm, lexicon):
            header = Label.SIDEBAR
        if header is None and seen_body and _opens_split_bio_box(blocks, norms, i, lexicon):
            header = Label.SIDEBAR
        if header is Label.COMMENTS and not seen_body and len(norm) < 60:
            # "Leave a comment" in the post's meta line above the article opens nothing.
            labels.append(Label.COMMENTS)
            continue
        if header is not None and (len(norm) < 60 or (header is Label.COMMENTS and len(norm) < 200)):
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
            if section is not None and blocks[i].structure.link_density >= _LINK_LINE:
                # A link the model liked under a related/sidebar header is one of the
                # box's items, not a sign that the article resumed.
                labels.append(section)
                continue
            if section is not None and fresh:
                # The list's first headline may be one the model doubted, right above its teaser.
                first_card = i - 1 if shapes[i - 1] == "T" and labels[-1] is section else i
                listed_until = _teaser_list_end(blocks, shapes, first_card)
            fresh = False
            if section is not None and i < listed_until:
                # Headlines each with its teaser sentence right under the header ("Top stories"):
                # the box's list, however many paragraphs it holds; the article resumes after it.
                body_run = []
                run_paragraphs = 0
                labels.append(section)
                continue
            body_run.append(i)
            run_paragraphs += _is_paragraph(blocks[i].text)
            # Two excerpts cut short ("…") under a header after the article: a list of
            # teasers, however many paragraph-like ones follow.
            excerpts += seen_body and section is not None and _is_cut_excerpt(blocks[i].text)
            # A comments section is sticky once the article has been seen; one opened
            # by a menu entry above the article ("Comments") ends like any other.
            sticky = (section is Label.COMMENTS and seen_body) or excerpts >= _MIN_EXCERPTS
            if section is None:
                labels.append(Label.BODY)
                seen_body = True
            elif not sticky and len(body_run) >= 3 and run_paragraphs:
                # Three body blocks in a row, one of them a paragraph: the article resumed
                # after a related/sidebar box; the run so far was body too (a marker line
                # between them, such as "More:", stays what it is; headlines alone, however
                # many, are the box's list).
                section = None
                seen_body = True
                for j in body_run[:-1]:
                    labels[j] = Label.BODY
                labels.append(Label.BODY)
            else:
                labels.append(section)
            continue
        body_run = []
        run_paragraphs = 0
        labels.append(section if section is not None else Label.OTHER)
    _adopt_near_misses(blocks, labels, probs, threshold - _NEAR_MISS)
    _bridge_fragments(blocks, labels)
    _bridge_backwards(blocks, labels)
    _mark_captions(blocks, labels, lexicon, norms)
    _unmark_teaser_cards(blocks, labels, shapes)
    _unmark_headlines_above_article(blocks, labels, shapes)
    _unmark_headlines_above_box_link(blocks, labels, shapes, lexicon, norms)
    _unmark_word_lists(blocks, labels)
    _unmark_text_past_footer(blocks, labels)
    _unmark_company_boilerplate(blocks, labels, lexicon, norms)
    _unmark_source_list(blocks, labels, lexicon, norms)
    return labels


SENTENCE_END = tuple('.!?"”’)»…:')  # what closes a sentence (or a quote of one)
# "ANTARA FOTO/Adeng Bustomi/nym", "REUTERS/File Photo", "TEMPO/Imam Sukamto", "Tribunnews/HO":
# AGENCY[ WORD]/Name — a shape, so it needs no word list per language
_PHOTO_CREDIT = re.compile(r"\b[A-Z][A-Za-z]{1,15}(?: [A-Z]{3,8})?/[A-Z][\w .-]{1,40}(?:/\w+)?\)?\.?$")
# "TRIBUNNEWS.COM, JAKARTA -" or "Jakarta, CNN Indonesia --" alone on a line
_DATELINE_LINE = re.compile(r"^[\w.,() ]{3,50}\s(?:-{1,2}|–|—)$")


_NEAR_MISS = 0.25


def _adopt_near_misses(blocks: Sequence[Block], labels: list[Label], probs: Sequence[float], floor: float) -> None:
    """A full-sentence paragraph just under the threshold, right next to the body, is
    body: the lede under the byline or the closing paragraph the model doubted."""
    body = [label is Label.BODY for label in labels]
    for i, block in enumerate(blocks):
        if labels[i] is not Label.OTHER or not floor <= probs[i]:
            continue
        text = block.text
        if len(text) < 150 or not text.endswith(SENTENCE_END):
            continue
        if (i > 0 and body[i - 1]) or (i + 1 < len(blocks) and body[i + 1]):
            labels[i] = Label.BODY


def _bridge_fragments(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Relabel short non-body lines that a flattener split out of a body sentence (link text)
    and dateline lines that open the first paragraph."""
    n = len(blocks)
    for i in range(1, n - 1):
        if labels[i] is not Label.OTHER:
            continue
        text = blocks[i].text
        if len(text) > 120:
            continue
        nxt = i + 1
        if labels[nxt] is not Label.BODY:
            continue
        next_text = blocks[nxt].text
        prev_body = labels[i - 1] is Label.BODY
        if _DATELINE_LINE.match(text) and text[0].isupper():
            labels[i] = Label.BODY
            continue
        if (
            prev_body
            and not blocks[i].structure.blank_before
            and not blocks[i - 1].text.endswith(SENTENCE_END)
            and (next_text[0].islower() or next_text[0] in ",.;:)")
        ):
            labels[i] = Label.BODY


def _bridge_backwards(blocks: Sequence[Block], labels: list[Label]) -> None:
    """A body block that starts mid-sentence (", Jakarta Timur, melonjak …") takes the
    unterminated fragments just before it, and the dateline line that opens them."""
    for i in range(1, len(blocks)):
        if labels[i] is not Label.BODY or labels[i - 1] is not Label.OTHER:
            continue
        first = blocks[i].text[0]
        if not (first.islower() or first in ",.;:)"):
            continue
        k = i - 1
        while k >= 0 and i - k <= 4 and labels[k] is Label.OTHER and len(blocks[k].text) <= 120:
            text = blocks[k].text
            if text.endswith(SENTENCE_END) or blocks[k].structure.blank_after:
                break
            labels[k] = Label.BODY
            if _DATELINE_LINE.match(text):
                break
            k -= 1


def _mark_captions(blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]) -> None:
    for i, block in enumerate(blocks):
        if labels[i] is not Label.BODY and labels[i] is not Label.OTHER:
            continue
        text = block.text
        if len(text) > 300 or block.structure.in_blockquote:
            continue
        norm = norms[i]
        if (
            block.structure.in_figure
            or lexicon.ends_with_credit(norm)
            or lexicon.starts_with_any(norm, lexicon.caption_prefix)
            or (_PHOTO_CREDIT.search(text) and not EDITOR_CODE_AT_END.search(text))
            or ("(" in norm and lexicon.contains_any(norm, lexicon.caption_in_parens))
        ):
            labels[i] = Label.CAPTION


# Teaser cards: the "more stories" lists around an article, each card a headline with its
# teaser sentence and a timestamp ("Why farmers paint their cows / Some people thought … / 32M ago").
_CARD_TITLE_MAX = 160
_CARD_TEXT_MAX = 350  # longer than this is an article paragraph, never a card line
_CARD_TEASER_MAX = 300  # the teaser text of one card, all its sentence lines together
_CARD_PARAGRAPH_MAX = 700  # a card's teaser when it is a single paragraph (a story's opening)
_CARD_SPAN = 6  # a card's lines from one timestamp to the next
_MIN_CARDS = 3
_UNFINISHED = (".", "!", ",", ";", ":", "…")
_TRUNCATED = ("...", "…")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16)
def _relative_time(ago_words: tuple[str, ...]) -> re.Pattern[str]:
    """ "32M ago", "updated 5H ago": a number with a unit (or its abbreviation) and an ago word."""
    words = "|".join(re.escape(w) for w in sorted(ago_words, key=len, reverse=True)) or r"(?!)"
    return re.compile(rf"^(?:\w+ )?\d+\s?[^\W\d]{{1,8}}\.? (?:{words})$", re.IGNORECASE)


def _card_shapes(blocks: Sequence[Block], lexicon: Lexicon) -> str:
    """One letter per block: D timestamp, M short meta line (source, author), T headline,
    S teaser sentence, L longer text."""
    from warta.assemble.lists import is_date_line  # lists imports this module

    relative = _relative_time(tuple(w for cal in lexicon.calendars for w in cal.ago_words))
    shapes = []
    for block in blocks:
        text = block.text
        n = len(text)
        words = len(text.split())
        if (
            n <= 60
            and _DIGIT.search(text) is not None
            and (relative.match(text) or is_date_line(text, lexicon))
        ):
            shapes.append("D")
        elif words <= 4 and n <= 40:
            shapes.append("M")
        elif n <= _CARD_TITLE_MAX and words >= 3 and not text.endswith(_UNFINISHED):
            shapes.append("T")
        else:
            shapes.append("S" if n <= _CARD_TEXT_MAX else "L")
    return "".join(shapes)


def _timestamp_shape(text: str) -> str:
    """ "32M ago", "updated 1H ago"; "Tuesday November 19, 2019", "Monday November 18, 2019": alike
    (the shape from the first number on)."""
    first = next((k for k, c in enumerate(text) if c.isdigit()), 0)
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "0", text[first:]))


# A card whose headline the flattener split at its links ("What made / Joker / so popular?") into
# short lines, with the byline after them: teaser lines, then three short lines or more.
_SPLIT_HEADLINE_CARD = re.compile(r"[SL]*M{3,}")


def _is_card(blocks: Sequence[Block], shapes: str, start: int, end: int) -> bool:
    """Whether blocks `start`..`end` between two timestamps are one card: a headline with short
    teaser lines, or title lines around a single teaser paragraph ("Headline / Author / date /
    one paragraph", a story list that prints each story's opening paragraph in full)."""
    card = shapes[start:end]
    if "T" not in card and not _SPLIT_HEADLINE_CARD.fullmatch(card):
        return False  # no headline
    teaser = [len(blocks[m].text) for m in range(start, end) if shapes[m] in "SL"]
    if "L" not in card and sum(teaser) <= _CARD_TEASER_MAX:
        return True
    return len(teaser) == 1 and teaser[0] <= _CARD_PARAGRAPH_MAX


def _teaser_after_stamp(shapes: str, start: int, end: int) -> int:
    """How many teaser lines (S, L) open the blocks `start`..`end` that follow a timestamp."""
    k = start
    while k < end and shapes[k] in "SL":
        k += 1
    return k - start


def _stamped_card_runs(blocks: Sequence[Block], shapes: str) -> list[tuple[int, int]]:
    """Runs of ≥ 3 cards, each a headline and at most a short teaser between timestamps of one shape."""
    stamps = [i for i, shape in enumerate(shapes) if shape == "D"]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(stamps):
        run = [stamps[k]]
        while k + 1 < len(stamps):
            a, b = stamps[k], stamps[k + 1]
            if (
                2 <= b - a <= _CARD_SPAN
                and _is_card(blocks, shapes, a + 1, b)
                and _timestamp_shape(blocks[a].text) == _timestamp_shape(blocks[b].text)
            ):
                run.append(b)
                k += 1
            else:
                break
        k += 1
        if len(run) < _MIN_CARDS:
            continue
        # The first card's lines stand before its timestamp: as many as the shortest next card
        # has before its own. Where every card opens with teaser lines right after its timestamp
        # ("Headline / Author / date / teaser"), those are the timestamp's card, the last one too.
        after = min(_teaser_after_stamp(shapes, a + 1, b) for a, b in pairwise(run))
        lead = min(b - a - 1 for a, b in pairwise(run)) - after
        start = run[0]
        while start > 0 and run[0] - start < lead and shapes[start - 1] in "TSM":
            start -= 1
        end = run[-1] + 1
        end += min(after, _teaser_after_stamp(shapes, end, len(shapes)))
        runs.append((start if "T" in shapes[start : run[0]] else run[0], end))
    return runs


def _excerpt_card_runs(blocks: Sequence[Block], shapes: str) -> list[tuple[int, int]]:
    """Runs of ≥ 3 headlines each followed by an excerpt cut short with an ellipsis."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(blocks) - 1:
        j = i
        while (
            j + 1 < len(blocks)
            and shapes[j] == "T"
            and shapes[j + 1] == "S"
            and blocks[j + 1].text.endswith(_TRUNCATED)
        ):
            j += 2
        if (j - i) // 2 >= _MIN_CARDS:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _cut_excerpt_runs(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Runs of ≥ 3 paragraphs in a row each cut short with an ellipsis."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(len(blocks) + 1):
        if i < len(blocks) and _is_cut_excerpt(blocks[i].text):
            continue
        if i - start >= _MIN_CARDS:
            runs.append((start, i))
        start = i + 1
    return runs


def _unmark_teaser_cards(blocks: Sequence[Block], labels: list[Label], shapes: str) -> None:
    """Teaser cards (headline, teaser, timestamp, repeated; or headlines with cut-short excerpts)
    the model took for body are a related list. The article's longest paragraph is never in one:
    a run holding it is the article itself (a listing page), unless an article stands above it
    (body text at least half the run's: the stories after an article can print long openings)."""
    body = [i for i, label in enumerate(labels) if label is Label.BODY]
    if not body:
        return
    longest = max(body, key=lambda i: len(blocks[i].text))
    runs = _stamped_card_runs(blocks, shapes) + _excerpt_card_runs(blocks, shapes) + _kicker_card_runs(blocks, shapes)
    for start, end in runs:
        if start <= longest < end and not _article_above(blocks, body, start, end):
            continue
        _body_to_related(labels, start, end)


def _body_to_related(labels: list[Label], start: int, end: int) -> None:
    """The body blocks among `start`..`end` are another story list's items."""
    for i in range(start, end):
        if labels[i] is Label.BODY:
            labels[i] = Label.RELATED


def _is_kicker(text: str) -> bool:
    """ "RANDY ANDY", "‘GET WITH THE PROGRAM’": a label of a few words in capitals set above a card's
    headline (one word in capitals is as often a code keyword or an acronym split out of a sentence)."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and len(text) <= 40
        and 2 <= len(text.split()) <= 6
        and all(c.isupper() for c in letters)
        and not text.endswith((".", ":"))
    )


def _kicker_card_runs(blocks: Sequence[Block], shapes: str) -> list[tuple[int, int]]:
    """Runs of ≥ 3 cards, each a kicker in capitals over its headline (starting like a sentence),
    kickers a few lines apart (the last card as long as the shortest one before it)."""
    kickers = [
        i
        for i in range(len(blocks) - 1)
        if shapes[i + 1] == "T"
        and _is_kicker(blocks[i].text)
        and _starts_sentence(blocks[i + 1].text)
        and not _is_kicker(blocks[i + 1].text)
    ]
    # A label repeated over several headlines ("BUY NOW") is a button, not a story's kicker.
    repeated = Counter(blocks[i].text for i in kickers)
    kickers = [i for i in kickers if repeated[blocks[i].text] == 1]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(kickers):
        j = k
        while j + 1 < len(kickers) and 2 <= kickers[j + 1] - kickers[j] <= _CARD_SPAN:
            j += 1
        if j - k + 1 >= _MIN_CARDS:
            shortest = min(b - a for a, b in pairwise(kickers[k : j + 1]))
            runs.append((kickers[k], min(kickers[j] + shortest, len(blocks))))
        k = j + 1
    return runs


def _article_above(blocks: Sequence[Block], body: list[int], start: int, end: int) -> bool:
    """Whether the body text above blocks `start`..`end` is at least half the body text in them."""
    above = sum(len(blocks[i].text) for i in body if i < start)
    inside = sum(len(blocks[i].text) for i in body if start <= i < end)
    return above * 2 >= inside


# A card of one or two headline lines and one teaser sentence ("T S", "T T S"); a teaser with a
# paragraph right after it is a subheading's first paragraph, not a card.
_TEASER_CARD = re.compile(r"T{1,2}S(?![SL])")


def _teaser_list_end(blocks: Sequence[Block], shapes: str, start: int) -> int:
    """The end of the list of ≥ 3 headline-and-teaser cards from block `start` on (`start` if none):
    each teaser a sentence of its own (a capital first), not a list item's continuation."""
    end = start
    cards = 0
    while (card := _TEASER_CARD.match(shapes, end)) and _starts_sentence(blocks[card.end() - 1].text):
        end = card.end()
        cards += 1
    return end if cards >= _MIN_CARDS else start


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'"


_HEADLINE_RUN = 5


def _unmark_headlines_above_article(blocks: Sequence[Block], labels: list[Label], shapes: str) -> None:
    """A run of ≥ 5 headlines (unfinished lines of 3+ words), or of ≥ 3 excerpts cut short, wholly
    above the article's first paragraph is a list of other stories (a top-stories strip), not the article."""
    first = next(
        (i for i, label in enumerate(labels) if label is Label.BODY and _is_long_sentence(blocks[i].text)), None
    )
    if first is None:
        return
    for run in re.finditer(rf"T{{{_HEADLINE_RUN},}}", shapes[:first]):
        strip = [i for i in range(run.start(), run.end()) if labels[i] is Label.BODY]
        below = sum(len(blocks[i].text) for i in range(run.end(), len(blocks)) if labels[i] is Label.BODY)
        if sum(len(blocks[i].text) for i in strip) >= below:
            continue  # more text than all the body under it: the article itself (a calendar, a list)
        for i in strip:
            labels[i] = Label.RELATED
    # Teasers whose headline the flattener joined onto the cut excerpt ("Headline CITY: The ministry
    # said..."), when the article under them has a paragraph longer than any (it is not cut short).
    for start, end in _cut_excerpt_runs(blocks):
        if end > first:
            break
        cut = max(len(blocks[i].text) for i in range(start, end))
        if any(len(blocks[i].text) > cut for i in range(end, len(blocks)) if labels[i] is Label.BODY):
            _body_to_related(labels, start, end)


_BOX_HEADLINES = 3


def _unmark_headlines_above_box_link(
    blocks: Sequence[Block], labels: list[Label], shapes: str, lexicon: Lexicon, norms: list[str]
) -> None:
    """≥ 3 headlines in a row the model took for body, right above a related header ("More in
    Politics"): the box's list with its link to the section at the bottom, not the article."""
    for i in range(_BOX_HEADLINES, len(blocks)):
        if labels[i] is not Label.RELATED or section_header(norms[i], lexicon) is not Label.RELATED:
            continue
        k = i
        while k > 0 and shapes[k - 1] == "T" and labels[k - 1] is Label.BODY:
            k -= 1
        if i - k >= _BOX_HEADLINES:
            _body_to_related(labels, k, i)  # all body: the walk above stopped at the first that is not


def _is_long_sentence(text: str) -> bool:
    """A paragraph of the article: long and finished, not an excerpt cut short ("… said..." is)."""
    return len(text) > 160 and text.endswith(PARAGRAPH_END) and not text.endswith(_TRUNCATED)


# Tag clouds, category and archive lists flattened one entry a line: "edital", "WordPress", "(53)".
_WORD_LIST_MIN = 10
_ENTRY_COUNT = re.compile(r"^\(\d{1,6}\)$")
_CODE_CHARS = frozenset("_=(){}[]@\"'/;<>*#$%+")


def _is_list_word(text: str) -> bool:
    """One or two words, no sentence end, no code characters (source code split token by token)."""
    if len(text) > 30:
        return False
    if _ENTRY_COUNT.match(text):
        return True
    return (
        len(text.split()) <= 2
        and not text.endswith((".", "!", "?", ":"))
        and any(c.isalnum() for c in text)
        and _CODE_CHARS.isdisjoint(text)
    )


def _unmark_word_lists(blocks: Sequence[Block], labels: list[Label]) -> None:
    """A run of ≥ 10 lines of a word or two each is a tag cloud or a category list, not body."""
    n = len(blocks)
    i = 0
    while i < n:
        j = i
        while j < n and _is_list_word(blocks[j].text):
            j += 1
        # Entries the markup puts in a list or table are the page's own (HTML input says so).
        if j - i >= _WORD_LIST_MIN and not any(
            blocks[k].structure.in_list or blocks[k].structure.in_table for k in range(i, j)
        ):
            for k in range(i, j):
                if labels[k] is Label.BODY:
                    labels[k] = Label.NAV
        i = max(j, i + 1)


_FOOTER_GAP = 20  # blocks of menus and widgets between the article's end and the page footer


def _unmark_text_past_footer(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Body text under the page footer ("© 2019 … All rights reserved"), when the footer stands
    well past the article's end and the text under it is less than the article above: a
    privacy notice or community rules printed after the page (hidden dialogs), not the article."""
    body = [i for i, label in enumerate(labels) if label is Label.BODY]
    if not body:
        return
    for footer, label in enumerate(labels):
        if label is not Label.FOOTER:
            continue
        before = [i for i in body if i < footer]
        if not before or footer - before[-1] < _FOOTER_GAP:
            continue
        after = [i for i in body if i > footer]
        if sum(len(blocks[i].text) for i in after) < sum(len(blocks[i].text) for i in before):
            for i in after:
                labels[i] = Label.FOOTER
        return


_COMPANY_NAME_WORDS = 4
_SHORT_TAIL = 60  # a line this short after the boilerplate ("Stay up to date with Acme.") goes with it


def _company_intro_name(text: str, norm: str, lexicon: Lexicon) -> str | None:
    """ "Acme Health is a global provider of …": the first word of the company name (one to four
    capitalised words) that opens a company's boilerplate paragraph, if the paragraph opens so."""
    for phrase in lexicon.company_intro:
        at = norm.find(phrase)
        if at <= 0 or at > 60:
            continue
        words = text.split()[: len(norm[:at].split())]
        if len(words) <= _COMPANY_NAME_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words):
            return words[0]
    return None


def _unmark_company_boilerplate(blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]) -> None:
    """A press release's closing boilerplate with no "About Acme" header over it: the last body
    paragraphs, the first "Acme is a leading …", each of them opening with the name (or a short
    line), under an article with more text than them. A company box, not the article."""
    body = [i for i, label in enumerate(labels) if label is Label.BODY]
    for k, i in enumerate(body):
        text = blocks[i].text
        if len(text) < 80 or not text[0].isupper() or (name := _company_intro_name(text, norms[i], lexicon)) is None:
            continue
        if i > 0 and text.startswith(blocks[i - 1].text):
            continue  # the name as a heading right above: an entry of a list of companies, not a box
        tail = body[k:]
        if not all(blocks[j].text.startswith(name) or len(blocks[j].text) <= _SHORT_TAIL for j in tail):
            continue
        if sum(len(blocks[j].text) for j in body[:k]) > sum(len(blocks[j].text) for j in tail):
            for j in tail:
                labels[j] = Label.SIDEBAR
        return


def _unmark_source_list(blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]) -> None:
    """A "Sources:" header under the article: the citations listed one a line after it (and what
    follows them) are not the article, when they are less text than the article above."""
    body = [i for i, label in enumerate(labels) if label is Label.BODY]
    first = next((i for i in body if _is_long_sentence(blocks[i].text)), None)
    if first is None:
        return
    for at in range(first + 1, len(blocks)):
        if norms[at] not in lexicon.source_list_header or not blocks[at].text[0].isupper():
            continue  # "… from a number of / sources / in order to …": a word split out of a sentence
        after = [i for i in body if i > at]
        if sum(len(blocks[i].text) for i in after) < sum(len(blocks[i].text) for i in body if i < at):
            labels[at] = Label.OTHER if labels[at] is Label.BODY else labels[at]
            for i in after:
                labels[i] = Label.OTHER
        return
