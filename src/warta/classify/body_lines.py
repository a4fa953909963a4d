"""Line-by-line passes over the body's edges once the sections are walked.

After `label_blocks` has walked the sections, single lines at the body's edges are
settled: a full paragraph the model just doubted next to the body joins it; the bits
a flattener split out of a sentence at its links, and a dateline line opening the
first paragraph, are bridged back; captions and photo credits are marked:

    JAKARTA, KOMPAS.com -            <- dateline, body
    Harga cabai rawit merah di        <- fragment, body
    Pasar Induk                       <- fragment, body
    , Jakarta Timur, melonjak tajam.  <- body (starts mid-sentence)
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Container, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import is_, itemgetter
from typing import Any

from warta.classify.features import EDITOR_CODE_AT_END
from warta.classify.sentences import SENTENCE_END, starts_capitalised
from warta.compiled import probed
from warta.lexicon import Lexicon, normalise_lines, normalise_marker
from warta.model import (
    LABEL_BODY,
    LABEL_CAPTION,
    LABEL_NAV,
    LABEL_OTHER,
    LABEL_READ_ALSO,
    LABEL_SIDEBAR,
    LABEL_TAGS,
    Block,
    BlockStructure,
    Label,
)

# "ANTARA FOTO/Adeng Bustomi/nym", "REUTERS/File Photo", "TEMPO/Imam Sukamto", "Tribunnews/HO",
# "(KOMPAS.com/Nama Fotografer)": AGENCY[.domain][ WORD]/Name — a shape, so it needs no word
# list per language
_PHOTO_CREDIT = re.compile(
    r"\b[A-Z][A-Za-z]{1,15}(?:\.[a-z]{2,3}){0,2}(?: [A-Z]{3,8})?/[A-Z][\w .-]{1,40}(?:/\w+)?\)?\.?$"
)
# A caption's credit after a slash, right after its last sentence: "… Pilar Barnés. / LVS",
# "… del río. / Ana Gil" (the Spanish papers' way): a few capitalised words, nothing after.
_SLASH_CREDIT = re.compile(r"[.!?]\s+/\s*[A-ZÀ-Ý][\w.\-]*(?: [A-ZÀ-Ý][\w.\-]*){0,3}$")
# "TRIBUNNEWS.COM, JAKARTA -" or "Jakarta, CNN Indonesia --" alone on a line
_DATELINE_LINE = re.compile(r"^[\w.,() ]{3,50}\s(?:-{1,2}|–|—)$")


NEAR_MISS = 0.25

# "Jane Doe | Bloomberg | Getty Images", "Mikolette / Getty Images", "Aja Koska/E+ via Getty Images"
_CREDIT_SEPARATOR = re.compile(r"\s*[|/]\s*|\s+via\s+")
_CREDIT_MAX_CHARS = 80
_CREDIT_SEGMENT_WORDS = 5


def _has_credit_separator(text: str) -> bool:
    """Whether `_CREDIT_SEPARATOR` can split `text` at all (a cheap test that skips most lines)."""
    return "/" in text or "|" in text or "via" in text


def is_agency_credit(text: str, lexicon: Lexicon) -> bool:
    """A photo credit on its own line: a few short names split by "|" or "/" (or "via"), the
    first or the last a picture agency or stock library, in brackets or not:

        Jane Doe | Bloomberg | Getty Images
        (AP Photo/Jane Doe, File)
        Shutterstock / Budi Santoso
    """
    if len(text) > _CREDIT_MAX_CHARS or text.endswith(("!", "?", ":")) or not _has_credit_separator(text):
        return False
    segments = _CREDIT_SEPARATOR.split(text.strip().strip("()[]").strip())
    if not 2 <= len(segments) <= 4 or any(not s or len(s.split()) > _CREDIT_SEGMENT_WORDS for s in segments):
        return False
    agencies = lexicon.photo_agencies
    return normalise_marker(segments[0]) in agencies or normalise_marker(segments[-1]) in agencies


def is_credit_label(text: str, norm: str, lexicon: Lexicon) -> bool:
    """'Photo :', 'Foto:': a caption label alone on its line (`norm`: the text normalised, which
    drops the colon the lexicon's label keeps)."""
    return text.rstrip().endswith(":") and norm + ":" in lexicon.caption_prefix


def is_bare_credit(blocks: Sequence[Block], i: int, norm: str, lexicon: Lexicon) -> bool:
    """A photo credit split over lines by the flattener: the agency alone ("Getty Images", "EPA")
    or the credit label alone ("Photo:", "Foto:") on its line, between whole sentences (not a
    name split out of one at its link: "According to / Reuters / , the ministry …")."""
    text = blocks[i].text
    if len(text) > 40:
        return False
    if not (norm in lexicon.photo_agencies or is_credit_label(text, norm, lexicon)):
        return False
    after_sentence = i == 0 or blocks[i - 1].text.endswith(SENTENCE_END)
    nxt = blocks[i + 1].text if i + 1 < len(blocks) else "X"
    return after_sentence and not (nxt[0].islower() or nxt[0] in ",.;:)")


_CAPTION_MAX = 300
_SENTENCE_BREAK = re.compile(r"[.!?] ")


def ends_with_agency_credit(text: str, lexicon: Lexicon) -> bool:
    """A caption closed by its photo credit after the last sentence, the way a flattener joins them:

    The old bridge seen from the river bank. Jane Doe / Reuters file
    """
    if len(text) > _CAPTION_MAX or not _has_credit_separator(text):
        return False  # the credit after the last sentence needs a separator
    breaks = list(_SENTENCE_BREAK.finditer(text))
    return bool(breaks) and is_agency_credit(text[breaks[-1].end() :], lexicon)


_SHORT_PARAGRAPH_MIN = 80
# What may follow the article's last paragraph (`_closing_paragraph`): its share row, its tags.
_CLOSING_ROWS = (LABEL_NAV, LABEL_TAGS)
# a sentence's end, then the next one's capital: "… about duplicates. Wire stories …", "… convaincu.
# « Avant, … »" (a French quote opens with a guillemet and a space)
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’)»]? +(?:[\"“‘(]|« ?)?[^\W\d_]")


# A closing paragraph of one sentence is one of this many words at least ('The library is open
# Monday to Saturday from 9am to 5pm, with late opening until 7pm on Thursdays.').
_CLOSING_SENTENCE_WORDS = 15
_LABEL_CHARS = 30  # where a label's colon stands ('Note:', 'Editor's note:')


def _closing_paragraph(blocks: Sequence[Block], labels: Sequence[Label], i: int) -> bool:
    """A paragraph of two sentences or more (or one long one), shorter than `adopt_near_misses` asks, between the
    body's last line and the post's share row ('Share', 'Like', 'Tweet') or its tag box
    ('Tags:', 'Sujets :'): the article's close."""
    text = blocks[i].text
    if not (len(text) >= _SHORT_PARAGRAPH_MIN and text.endswith(SENTENCE_END)):
        return False
    if not (0 < i < len(blocks) - 1 and labels[i - 1] is LABEL_BODY and labels[i + 1] in _CLOSING_ROWS):
        return False
    if any(text[m.end() - 1].isupper() for m in _NEXT_SENTENCE.finditer(text)):
        return True
    # One long sentence closes the article under a paragraph that ends one, unless it opens
    # with a label ('Note: we are temporarily moderating all comments …').
    return (
        len(text.split()) >= _CLOSING_SENTENCE_WORDS
        and ":" not in text[:_LABEL_CHARS]
        and blocks[i - 1].text.endswith(SENTENCE_END)
    )


def rows_labelled(labels: list[Label], label: Label, start: int = 0, stop: int | None = None) -> list[int]:
    """The rows from `start` (0 or more) to `stop` (the end if None) of `labels` that hold `label`
    itself (`is`), in order: C-level passes (the reference of the compiled
    `_labelscan.rows_labelled`, which compares each row's pointer)."""
    end = len(labels) if stop is None else stop
    return list(compress(range(start, end), map(is_, labels[start:end], repeat(label))))


def rows_in(
    items: list[Any], container: Container[Any], start: int = 0, stop: int | None = None
) -> list[int]:
    """The rows from `start` (0 or more) to `stop` (the end if None) of `items` whose item is in
    `container`, in order: C-level passes (the reference of the compiled `_labelscan.rows_in`)."""
    end = len(items) if stop is None else stop
    return list(compress(range(start, end), map(container.__contains__, items[start:end])))


RowsLabelled = Callable[..., list[int]]


@lru_cache(maxsize=1)
def _rows_labelled() -> RowsLabelled:
    """`_labelscan.rows_labelled` where it is built and agrees with `rows_labelled` on probe labels.

    The passes after `label_blocks`' walk each read the rows of one label, found so: a pass
    relabels only a row it has read, or rows above the one it reads, so the rows found before
    the pass starts are those it would find as it goes."""
    try:
        from warta.classify._labelscan import rows_labelled as compiled
    except ImportError:
        return rows_labelled
    labels = [LABEL_BODY, LABEL_OTHER, LABEL_BODY, LABEL_CAPTION, LABEL_BODY, LABEL_NAV, LABEL_OTHER]
    probes = [
        ([], LABEL_BODY),
        (labels, LABEL_BODY),
        (labels, LABEL_OTHER, 1),
        (labels, LABEL_BODY, 1, len(labels) - 1),
        (labels, LABEL_NAV, 2, len(labels) + 5),
        (labels, LABEL_BODY, 5, 2),
        (labels[:1], LABEL_BODY, 1, 0),
    ]
    return probed("label rows", rows_labelled, compiled, probes)


@lru_cache(maxsize=1)
def _rows_in() -> RowsLabelled:
    """`_labelscan.rows_in` where it is built and agrees with `rows_in` on probe lines and sets."""
    try:
        from warta.classify._labelscan import rows_in as compiled
    except ImportError:
        return rows_in
    lines = ["", "a", "İ", "\u212a", "🌉", "a", "x y", ""]
    sets: list[Container[Any]] = [frozenset(), frozenset({""}), {"a", "🌉"}, dict.fromkeys(["x y", "k"])]
    probes = [
        (items, container, *bounds)
        for items in (lines, [])
        for container in sets
        for bounds in ((), (1,), (1, len(lines) - 1), (3, 2), (2, 99))
    ]
    return probed("rows in a set", rows_in, compiled, probes)


def adopt_near_misses(
    blocks: Sequence[Block], labels: list[Label], probs: Sequence[float], floor: float
) -> None:
    """A full-sentence paragraph just under the threshold, right next to the body, is
    body: the lede under the byline or the closing paragraph the model doubted."""
    body = [label is LABEL_BODY for label in labels]
    # (The unlabelled lines, found in C: a line's own label changes only when it is read.)
    for i in _rows_labelled()(labels, LABEL_OTHER):
        if not floor <= probs[i]:
            continue
        text = blocks[i].text
        if _closing_paragraph(blocks, labels, i):
            labels[i] = LABEL_BODY
            continue
        if len(text) < 150 or not text.endswith(SENTENCE_END):
            continue
        if (i > 0 and body[i - 1]) or (i + 1 < len(blocks) and body[i + 1]):
            labels[i] = LABEL_BODY


_PAGE_SENTENCE_MIN_WORDS = 8


def _finished_sentences(text: str) -> bool:
    """A sentence or more of the article, not a headline or a link: words enough, a full stop."""
    return text.endswith(SENTENCE_END) and len(text.split()) >= _PAGE_SENTENCE_MIN_WORDS


def adopt_after_page_break(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """The article's next page printed under its pagination link ("Halaman Selanjutnya",
    "Next page") right after the body: the long, finished paragraphs that follow go on with
    the article, however much the model doubted text past a link line."""
    n = len(blocks)
    # (The pagination links, found in C: most pages hold none.)
    for i in _rows_in()(norms, lexicon.page_break, 1, n - 1):
        if labels[i - 1] is not LABEL_BODY:
            continue
        j = i + 1
        while j < len(blocks) and labels[j] is LABEL_OTHER and _finished_sentences(blocks[j].text):
            labels[j] = LABEL_BODY
            j += 1


def adopt_after_inline_box(
    blocks: Sequence[Block], labels: list[Label], probs: Sequence[float], floor: float
) -> None:
    """The paragraphs right under an inline "Baca juga" box that interrupts the body go on with
    the article: each finished paragraph the model just doubted there (it reads text past a box of
    links near the page's end as less likely body) is body, up to the first line that is not one."""
    n = len(blocks)
    for i in _rows_labelled()(labels, LABEL_READ_ALSO, 1, n - 1):
        if labels[i + 1] is not LABEL_OTHER or LABEL_BODY not in labels[:i]:
            continue
        j = i + 1
        while (
            j < n
            and labels[j] is LABEL_OTHER
            and probs[j] >= floor
            and len(blocks[j].text) >= _SHORT_PARAGRAPH_MIN
            and blocks[j].text.endswith(SENTENCE_END)
        ):
            labels[j] = LABEL_BODY
            j += 1


def bridge_fragments(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Relabel short non-body lines that a flattener split out of a body sentence (link text)
    and dateline lines that open the first paragraph."""
    n = len(blocks)
    # (The unlabelled lines, found in C: a line's own label changes only when it is read.)
    for i in _rows_labelled()(labels, LABEL_OTHER, 1, n - 1):
        text = blocks[i].text
        if len(text) > 120:
            continue
        nxt = i + 1
        prev_body = labels[i - 1] is LABEL_BODY
        if labels[nxt] is not LABEL_BODY:
            if prev_body and _ends_split_sentence(blocks, i):
                labels[i] = LABEL_BODY  # the sentence's last piece, after the link that split it
            continue
        next_text = blocks[nxt].text
        if _DATELINE_LINE.match(text) and text[0].isupper():
            labels[i] = LABEL_BODY
            continue
        if (
            prev_body
            and not blocks[i].structure.blank_before
            and not blocks[i - 1].text.endswith(SENTENCE_END)
            and (next_text[0].islower() or next_text[0] in ",.;:)")
        ):
            labels[i] = LABEL_BODY


def _starts_mid_sentence(text: str) -> bool:
    """Lower case or a comma, stop or bracket first: the rest of a sentence a link split."""
    return text[0].islower() or text[0] in ",.;:)"


def _ends_split_sentence(blocks: Sequence[Block], i: int) -> bool:
    """Block `i` finishes the sentence that the block before it left open ("… está pendiente de
    la" / "financiación europea" / "y no comenzará antes de 2027."), with no blank line between."""
    text = blocks[i].text
    return (
        not blocks[i].structure.tag  # flattened text: a page's markup splits no sentence at its links
        and not blocks[i].structure.blank_before
        and _starts_mid_sentence(text)
        and text.endswith(SENTENCE_END)
        and not blocks[i - 1].text.endswith(SENTENCE_END)
    )


def _invites_more(text: str) -> bool:
    """A line that a sentence goes on from: it ends in a lower-case word or a comma, colon or
    dash ("El tranvía ya llega a", "La alcaldesa,"), not in a name or a credit ("… / Marcos Gil")."""
    last = text.rstrip()[-1:]
    return bool(last) and (last in ",;:–-(" or text.split()[-1][:1].islower())


def _first_body_opens(labels: Sequence[Label], i: int) -> bool:
    """Block `i` is the body's first line: no body above it."""
    return LABEL_BODY not in labels[:i]


def bridge_backwards(blocks: Sequence[Block], labels: list[Label]) -> None:
    """A body block that starts mid-sentence (", Jakarta Timur, melonjak …") takes the
    unterminated fragments just before it, and the dateline line that opens them. Above the
    body's first line those fragments may have been read as the site's boxes, which a section
    header at the page's top opened: there the walk back stops at the fragment that opens the
    sentence, a capitalised line under one that no sentence goes on from."""
    # (The body lines, found in C: what this relabels lies above the line it reads.)
    for i in _rows_labelled()(labels, LABEL_BODY, 1, len(blocks)):
        above = labels[i - 1]
        boxed = above is LABEL_SIDEBAR and _first_body_opens(labels, i)
        if above is not LABEL_OTHER and not boxed:
            continue
        if not _starts_mid_sentence(blocks[i].text):
            continue
        if boxed:
            _bridge_boxed_opening(blocks, labels, i)
            continue
        k = i - 1
        while k >= 0 and i - k <= 4 and labels[k] is LABEL_OTHER and len(blocks[k].text) <= 120:
            text = blocks[k].text
            if text.endswith(SENTENCE_END) or blocks[k].structure.blank_after:
                break
            labels[k] = LABEL_BODY
            if _DATELINE_LINE.match(text):
                break
            k -= 1


# The sentence's opening piece may be most of a paragraph ("NASA has recruited … to join its" / "Arte").
_OPENING_MAX = 300


def _bridge_boxed_opening(blocks: Sequence[Block], labels: list[Label], i: int) -> None:
    """`bridge_backwards` above the body's first line `i`, over lines labelled sidebar."""
    k = i - 1
    while k >= 0 and i - k <= 4 and labels[k] is LABEL_SIDEBAR and len(blocks[k].text) <= _OPENING_MAX:
        text = blocks[k].text
        if text.endswith(SENTENCE_END) or blocks[k].structure.blank_after:
            break
        labels[k] = LABEL_BODY
        if starts_capitalised(text) and (k == 0 or not _invites_more(blocks[k - 1].text)):
            break
        k -= 1


# "#banjir rob": one hashtag alone on a line, of up to four words (the tag links of a page printed
# one a line; the marker rules see each line without its "#", `normalise_marker` strips it)
_HASHTAG_LINE = re.compile(r"#[^\W\d_][\w-]*(?: [\w-]+){0,3}")
_MIN_HASHTAG_LINES = 2


def mark_hashtag_lines(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Two or more hashtag lines in a row right under the body, that no rule placed, are the
    article's tags (a site's list of popular hashtags elsewhere on the page is not)."""
    # Only a line holding a "#" can be one (found in C): most pages hold none, and the rest a few.
    hashed = compress(range(len(blocks)), map(operator.contains, map(_BLOCK_TEXT, blocks), repeat("#")))
    tagged = [
        k
        for k in hashed
        if labels[k] in (LABEL_OTHER, LABEL_NAV) and _HASHTAG_LINE.fullmatch(blocks[k].text.strip())
    ]
    # Each run of tag lines in a row (marking one changes no label another reads: the line above
    # a run is none of its lines, nor of any other run's).
    run: list[int] = []
    for k in [*tagged, -2]:
        if run and k != run[-1] + 1:
            first = run[0]
            if len(run) >= _MIN_HASHTAG_LINES and first > 0 and labels[first - 1] is LABEL_BODY:
                labels[first : run[-1] + 1] = [LABEL_TAGS] * len(run)
            run = []
        run.append(k)


_BLOCK_TEXT = operator.attrgetter("text")


_SLIDE_CAPTION_MAX = 300
_LAST_CHAR = itemgetter(slice(-1, None))


def is_slide_counter(norm: str, lexicon: Lexicon) -> bool:
    """ "Image 2 of 5", "foto 2 dari 5", "3 of 12": a photo gallery's slide counter (normalised text)."""
    if not norm.rstrip()[-1:].isdigit():
        return False  # a counter ends in a number: skip the split for every other line
    words = norm.split()
    if len(words) == 4 and words[0] in lexicon.gallery_nouns:
        words = words[1:]
    return (
        len(words) == 3
        and words[0].isdigit()
        and words[2].isdigit()
        and words[1] in lexicon.gallery_of
        and 0 < int(words[0]) <= int(words[2])
    )


def ending_rows(lines: list[str], lasts: str, digit: bool, space: bool, beyond_ascii: bool) -> list[int]:
    """The rows of `lines` whose last character is one of `lasts`, or a digit with `digit`, or
    whitespace with `space`, or not ASCII with `beyond_ascii`, in order (C-level passes; the
    reference of the compiled `_labelscan.ending_rows`)."""
    ends = list(map(_LAST_CHAR, lines))
    rows = range(len(lines))
    found = set(compress(rows, map(frozenset(lasts).__contains__, ends)))
    if digit:
        found.update(compress(rows, map(str.isdigit, ends)))
    if space:
        found.update(compress(rows, map(str.isspace, ends)))
    if beyond_ascii:
        found.update(compress(rows, map(operator.not_, map(str.isascii, ends))))
    return sorted(found)


EndingRows = Callable[[list[str], str, bool, bool, bool], list[int]]


@lru_cache(maxsize=1)
def _ending_rows() -> EndingRows:
    """`_labelscan.ending_rows` where it is built and agrees with `ending_rows` on probe lines."""
    try:
        from warta.classify._labelscan import ending_rows as compiled
    except ImportError:
        return ending_rows
    lines = ["Image 2 of 5", "x ", "said:", "", "x\u3000", "٣", "²", "Мост", "🌉", "a", "b.", "İ", "\u212a"]
    probes = [
        (lines, lasts, *flags)
        for lasts in ("", ":.a")
        for flags in ((True, True, False), (False, False, True))
    ]
    return probed("line endings", ending_rows, compiled, probes)


def mark_slide_captions(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """A photo gallery flattened slide by slide: each slide's counter and the short caption right
    under it are captions, not the article:

        Image 2 of 5                                  <- caption
        An artist's impression of the new lander.     <- caption
        (Image credit: Acme Space)
    """
    # A counter ends in a number (trailing spaces aside): the lines that end so are found for all
    # lines at once, in C, and only those are read.
    for i in _ending_rows()(norms, "", True, True, False):
        norm = norms[i]
        if not is_slide_counter(norm, lexicon):
            continue
        labels[i] = LABEL_CAPTION if labels[i] in (LABEL_BODY, LABEL_OTHER) else labels[i]
        nxt = i + 1
        if (
            nxt < len(blocks)
            and labels[nxt] is LABEL_BODY
            and len(blocks[nxt].text) <= _SLIDE_CAPTION_MAX
            and not is_slide_counter(norms[nxt], lexicon)
            # (HTML) a line out of the counter's element, shallower in the page, is the story
            # going on after the gallery, not a slide's caption
            and blocks[nxt].structure.dom_depth >= blocks[i].structure.dom_depth
        ):
            labels[nxt] = LABEL_CAPTION


def caption_rows(
    blocks: Sequence[Block], norms: list[str], labels: list[Label], firsts: str, agencies: frozenset[str]
) -> tuple[list[int], list[int]]:
    """(rows, prefixed): the rows `mark_captions` tests in full, and those only a caption prefix
    can mark, starting with one of `firsts` (the reference of the compiled
    `_labelscan.caption_rows`). Only body and unlabelled lines of 300 characters at most, out of
    blockquotes, are captions; every test but the prefix's needs a figure or what most lines
    lack: a ":", "(", "/", "|" or "via", or a short line that is an agency's name (`agencies`)."""
    rows: list[int] = []
    prefixed: list[int] = []
    for i, block in enumerate(blocks):
        if not _captionable(block, labels[i]):
            continue
        text = block.text
        norm = norms[i]
        if (
            block.structure.in_figure
            or ":" in norm
            or "(" in norm
            or _has_credit_separator(text)
            or (len(text) <= 40 and (":" in text or norm in agencies))
        ):
            rows.append(i)
        elif norm[:1] and norm[0] in firsts:
            prefixed.append(i)
    return rows, prefixed


def mark_captions(blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]) -> None:
    """Short lines that caption a photo: in a <figure>, ending in a credit ("… Credit: ESA"),
    opening with a caption label ("Image caption The old bridge …"), closing with an agency's
    credit ("ANTARA FOTO/Adeng Bustomi/nym") or by a credit after a slash ("… Barnés. / LVS"),
    naming a photo in brackets, or a credit line of names with an agency ("Jane Doe | Getty
    Images")."""
    caption_start = lexicon.starts_with_pattern("caption_prefix").match  # `starts_with_any`, compiled
    firsts = _first_chars(lexicon.caption_prefix)
    prefixed: list[int] = []
    if "" in lexicon.caption_prefix:  # (an empty prefix opens every line: no first character tells)
        rows = [i for i, block in enumerate(blocks) if _captionable(block, labels[i])]
    else:
        rows, prefixed = _caption_rows()(list(blocks), norms, labels, firsts, lexicon.photo_agencies)
    caption_trie = lexicon.starts_with_trie("caption_prefix")
    if caption_trie is not None:  # (found in C for all those lines at once)
        prefixed = list(
            map(prefixed.__getitem__, caption_trie.opening(list(map(norms.__getitem__, prefixed)), ""))
        )
    for i in prefixed:
        if caption_trie is not None or caption_start(norms[i]):
            labels[i] = LABEL_CAPTION
    for i in rows:  # (each a body or unlabelled line, short enough, out of blockquotes)
        block = blocks[i]
        text = block.text
        norm = norms[i]
        # (The cheap tests inline spare most lines the calls: a credit after a caption needs a
        # colon, both credit shapes a separator, a bare credit a short line.)
        if (
            block.structure.in_figure
            or (":" in norm and lexicon.ends_with_credit(norm))
            or caption_start(norm)
            or ("/" in text and _PHOTO_CREDIT.search(text) and not EDITOR_CODE_AT_END.search(text))
            or ("/" in text and _SLASH_CREDIT.search(text))
            or ("(" in norm and lexicon.contains_any(norm, lexicon.caption_in_parens))
            or (
                _has_credit_separator(text)
                and (is_agency_credit(text, lexicon) or ends_with_agency_credit(text, lexicon))
            )
            or (
                len(text) <= 40
                and (":" in text or norm in lexicon.photo_agencies)
                and is_bare_credit(blocks, i, norm, lexicon)
            )
        ):
            labels[i] = LABEL_CAPTION
    mark_labelled_photos(blocks, labels, lexicon, norms)


@lru_cache(maxsize=8)
def _first_chars(prefixes: tuple[str, ...]) -> str:
    """The characters `prefixes` start with, in one str."""
    return "".join(sorted({prefix[:1] for prefix in prefixes}))


def _captionable(block: Block, label: Label) -> bool:
    """Whether `mark_captions` reads the line at all: a body or unlabelled line of 300
    characters at most, out of blockquotes."""
    return (
        (label is LABEL_BODY or label is LABEL_OTHER)
        and len(block.text) <= 300
        and not block.structure.in_blockquote
    )


CaptionRows = Callable[
    [list[Block], list[str], list[Label], str, frozenset[str]], tuple[list[int], list[int]]
]


@lru_cache(maxsize=1)
def _caption_rows() -> CaptionRows:
    """`_labelscan.caption_rows` where it is built and agrees with `caption_rows` on probe lines."""
    try:
        from warta.classify._labelscan import caption_rows as compiled
    except ImportError:
        return caption_rows

    def compiled_rows(
        blocks: list[Block], norms: list[str], labels: list[Label], firsts: str, agencies: frozenset[str]
    ) -> tuple[list[int], list[int]]:
        rows: tuple[list[int], list[int]] = compiled(
            blocks, norms, labels, LABEL_BODY, LABEL_OTHER, firsts, agencies
        )
        return rows

    texts = [
        *["Foto: Reuters", "The bridge seen from the river, via drone", "A / B", "Jane | Getty"],
        *["foto di sini " * 5, "Gambar jembatan", "x" * 301, "Photo credit Jane Doe " * 3, "Reuters"],
        *["İstanbul köprüsü " * 4, "🌉 " * 30, "Kelvin \u212a " * 8, "Рисунок (фото) " * 4, ""],
    ]
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    blocks[1] = Block(index=1, text=texts[1] * 2, structure=BlockStructure(in_blockquote=True))
    blocks[6] = Block(index=6, text=texts[6], structure=BlockStructure(in_figure=True))
    norms = normalise_lines(texts)
    labels = [LABEL_BODY, LABEL_OTHER, LABEL_NAV] * 5
    agencies = frozenset({"reuters", "getty images", "gambar jembatan"})
    probes = [(blocks, norms, labels[: len(blocks)], firsts, agencies) for firsts in ("fgp", "", "fи🌉", "x")]
    return probed("caption rows", caption_rows, compiled_rows, probes)


_LABELLED_CAPTION_MAX_WORDS = 8


def mark_labelled_photos(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """A photo printed as caption, credit label and credit on three lines, the way a flattener
    reads a figure with a labelled credit; the label and the short caption above it go with
    the credit:

        Gedung Merah Putih KPK     <- caption
        Photo :                    <- caption
        VIVA/M Ali Wafa            <- caption (a credit already)
    """
    # The lines right above a caption only (found in C): what this marks is above the line it
    # reads, so no line below it turns a caption meanwhile.
    for i in map((-1).__add__, _rows_labelled()(labels, LABEL_CAPTION, 2, len(blocks))):
        text = blocks[i].text
        if len(text) > 12 or not is_credit_label(text, norms[i], lexicon):
            continue
        labels[i] = LABEL_CAPTION
        above = blocks[i - 1].text
        if (
            labels[i - 1] in (LABEL_BODY, LABEL_OTHER)
            and len(above.split()) <= _LABELLED_CAPTION_MAX_WORDS
            and not above.endswith(SENTENCE_END)
        ):
            labels[i - 1] = LABEL_CAPTION
