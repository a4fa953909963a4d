"""The article's layout on the labels, before assembly: its header (headline, standfirst,
byline, a dateline on its own line), a related box inside the body, a name closing the story.

The classifier labels blocks one by one; these rules read the few lines around the
headline and the body's edges together, where a news page's layout says more than any
single line. Each takes the labels and changes them in place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, count, repeat
from operator import is_

from warta.classify.features import is_date_line
from warta.classify.markers import section_header
from warta.classify.sections import section_scans
from warta.classify.sentences import PARAGRAPH_END, SENTENCE_END
from warta.lexicon import Lexicon, html_lexicon, normalise_marker
from warta.meta.byline import is_credit_line, is_outlet_byline, is_plausible_name
from warta.meta.dateline import find_dateline, is_dateline_line
from warta.meta.datetext import find_dates, grammar_of
from warta.model import Block, BodyPart, Label
from warta.strings import has_digit, lower_words


def standfirst(
    blocks: list[Block],
    labels: list[Label],
    title_index: int | None,
    lexicon: Lexicon,
    authors: Sequence[str] = (),
    description: str | None = None,
    flattened: bool = False,
) -> str | None:
    """The line right under the headline that sums the story up, without a closing full stop.
    `authors`: names the page's markup gives; a line of those names is a byline, not a deck.
    `description`: the page's own summary (meta description, og:description, JSON-LD); a line
    under the headline that repeats it is the deck, full stop and all, whatever its label but
    the body's (a lead paragraph is often reused as the description: it stays the story's).
    `flattened`: a page of flattened text, whose deck no markup tells (`_deck_over_byline`)."""
    if title_index is None or title_index + 1 >= len(blocks):
        return None
    i = title_index + 1
    text = blocks[i].text
    words = len(text.split())
    if (
        description
        and labels[i] in (Label.OTHER, Label.SIDEBAR)
        and _repeats_description(blocks[i], description)
    ):
        labels[i] = Label.SUBTITLE
        return text
    if (
        # (a deck's own element under the headline is the deck even inside a box that a header
        # above the headline opened: "Assine", an ad slot's "Publicidade")
        (labels[i] in (Label.BODY, Label.OTHER) or (labels[i] is Label.SIDEBAR and _deck_element(blocks[i])))
        and 5 <= words <= 40
        and (not text.endswith((".", "!", "?", ":")) or _deck_element(blocks[i]))
        and not is_date_line(text, lexicon)
        and not text.lower().startswith(lexicon.author_prefix)
        and not is_outlet_byline(text, lexicon)
        and not _dated_meta_row(text, lexicon)
    ):
        if _names_only(text, authors, lexicon):
            labels[i] = Label.BYLINE  # the markup's authors printed under the headline
            return None
        labels[i] = Label.SUBTITLE
        return text
    if flattened and labels[i] is Label.BODY and _deck_over_byline(blocks, labels, i, lexicon):
        labels[i] = Label.SUBTITLE
        return text
    if flattened:
        # The title line is the page's <title> and a consent banner stands between it and the
        # deck (a flattener that dropped the headline: boilerpy3's DefaultExtractor).
        k = next((k for k in range(i, min(len(blocks), i + _CONSENT_LINES)) if labels[k] is not Label.AD), i)
        if k > i and labels[k] is Label.BODY and _deck_over_byline(blocks, labels, k, lexicon):
            labels[k] = Label.SUBTITLE
            return blocks[k].text
    return None


_CONSENT_LINES = 4  # a consent banner's lines between the title line and the deck, at most


def _dated_meta_row(text: str, lexicon: Lexicon) -> bool:
    """A line that opens with a full date and goes on with a credit: the meta row under a
    headline ('2025年03月12日 14:05 来源：江城日报 记者 王晓明 周婷'), no deck."""
    if not has_digit(text[:4]):
        return False
    found = find_dates(text, None, lexicon, grammar_of(lexicon))
    return (
        bool(found) and found[0].start == 0 and found[0].kind == "absolute" and is_credit_line(text, lexicon)
    )


_DECK_MAX_WORDS = 60
# The lines under a byline the story's body may start after: the dates, a share row, the photo
# with its caption ('Publié le …' / 'Mis à jour le …' / 'Facebook' … / a caption and its credit).
_UNDER_CREDIT = 10


def _deck_over_byline(blocks: list[Block], labels: list[Label], i: int, lexicon: Lexicon) -> bool:
    """A finished paragraph under the headline set above the byline ('Na ruim vier maanden
    stilstand vaart de veerpont … weer.' over 'Door Marleen van Dijk') or the date line: the
    story's lead is printed under its credit and date, so a paragraph over them is the deck,
    full stop and all. The byline or date must be a line of its own the labels did not take for
    body, and the body must go on below it."""
    text = blocks[i].text
    if not (text.endswith(SENTENCE_END) and _DECK_MIN_WORDS <= len(text.split()) <= _DECK_MAX_WORDS):
        return False
    k = i + 1
    if k >= len(blocks) or labels[k] is Label.BODY:
        return False
    if not (is_credit_line(blocks[k].text, lexicon) or is_date_line(blocks[k].text, lexicon)):
        return False
    return Label.BODY in labels[k + 1 : k + 1 + _UNDER_CREDIT]


# Class/id tokens of a deck's own element (`lexicon/data/html.toml`, `[classes] deck`).
_DECK_CLASS = frozenset(html_lexicon()["classes"]["deck"])


def _deck_element(block: Block) -> bool:
    """The line sits in an element the template names as its deck ("story__dek"): a deck that
    ends with a full stop is still the deck, not the lead paragraph."""
    return not _DECK_CLASS.isdisjoint(block.structure.class_tokens)


_DECK_MIN_WORDS = 6
_DECK_SHARE_OF_DESCRIPTION = 0.6


def _repeats_description(block: Block, description: str) -> bool:
    """Whether a line, not a heading, of at least six words is the page's description, whole or
    cut short: descriptions are often cut at a length; a line cut at a "Read more" still holds
    most of it (a first line that only opens the description, "Source code: Lib/json/...", is
    not its deck)."""
    if block.structure.heading_level:
        return False
    line, summary = lower_words(block.text), lower_words(description)
    shorter = min(len(line), len(summary))
    return (
        shorter >= _DECK_MIN_WORDS
        and len(line) >= _DECK_SHARE_OF_DESCRIPTION * len(summary)
        and line[:shorter] == summary[:shorter]
    )


def _names_only(text: str, names: Sequence[str], lexicon: Lexicon) -> bool:
    """'Oleh Rina Wijaya, Budi Santoso dan Dewi': every word of the line is a word of a known
    author's name, of a byline's lead-in or of what joins names (the lexicon's byline data)."""
    if not names:
        return False
    known = {w.lower() for name in names for w in re.findall(r"\w+", name)}
    known.update(w for phrase in (*lexicon.author_prefix, *lexicon.name_separators) for w in phrase.split())
    words = [w.lower() for w in re.findall(r"\w+", text)]
    return bool(words) and all(w in known for w in words)


def _first_body_indices(labels: Sequence[Label], count: int) -> list[int]:
    """Where the first `count` body blocks are (fewer if there are fewer), by C-level scans."""
    body = Label.BODY  # looked up once: an enum member is a slow attribute to read per block
    out: list[int] = []
    at = 0
    while len(out) < count:
        try:
            at = labels.index(body, at)
        except ValueError:
            break
        out.append(at)
        at += 1
    return out


_HEADER_BODY_BLOCKS = 3  # headline, standfirst, site name: what may sit above a byline
_HEADER_LINE_CHARS = 250


_BOX_TITLES = 6


def related_box_in_body(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """'RELATED COVERAGE' between two paragraphs, then headline lines, then the story goes on
    (AP): an upper-case related header inside the body heads a box of titles, which the
    labels took for body once the article resumed under them."""
    related = Label.RELATED  # looked up once: an enum member is a slow attribute to read per block
    if related not in labels:
        return
    # The related blocks, found in C (lazily: a box relabelled below is seen as related after).
    for i in compress(count(), map(is_, labels, repeat(related))):
        block = blocks[i]
        if not block.text.isupper() or i == 0 or labels[i - 1] is not Label.BODY:
            continue
        if section_header(normalise_marker(block.text), lexicon) is not Label.RELATED:
            continue
        k = i + 1
        while k < len(blocks) and k - i <= _BOX_TITLES and labels[k] is Label.BODY:
            text = blocks[k].text
            if not 3 <= len(text.split()) <= 25 or not text[0].isupper() or text.endswith(SENTENCE_END):
                break
            k += 1
        if (
            k > i + 1
            and k < len(blocks)
            and labels[k] is Label.BODY
            and blocks[k].text.endswith(SENTENCE_END)
        ):
            for j in range(i + 1, k):
                labels[j] = Label.RELATED


# Where a credit's last word meets the paragraph's first ('… Keith MorleyBus drivers …'):
# a lower-case letter, then a capitalised word.
_CREDIT_GLUE = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_][^\W\d_])")
_CREDIT_MAX_CHARS = 120  # a credit line ("Image: Severn Evening Post / Keith Morley") is short
_GLUED_LEAD_MIN_WORDS = 8


def _glued_lead(text: str) -> int | None:
    """Where a paragraph glued to the image credit before it begins ('Image: X / Keith
    MorleyBus drivers at …'): the last point within the credit's length where a lower-case
    letter meets a capitalised word, with a finished paragraph of eight words or more after
    it; None where there is none."""
    cut = None
    for m in _CREDIT_GLUE.finditer(text, 0, _CREDIT_MAX_CHARS):
        at = m.start()
        if not (text[at - 1].islower() and text[at].isupper() and text[at + 1].islower()):
            continue
        rest = text[at:]
        if rest.endswith(SENTENCE_END) and len(rest.split()) >= _GLUED_LEAD_MIN_WORDS:
            cut = at
    return cut


def lead_glued_to_credit(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """A caption line right above the body that runs an image credit into the story's first
    paragraph with no break (an article.text dump: 'Image: Severn Evening Post / Keith
    MorleyBus drivers at the depot have voted …'): the paragraph after the credit is the
    story's lead, the credit left out."""
    caption = Label.CAPTION
    if caption not in labels:
        return
    for i in compress(count(), map(is_, labels, repeat(caption))):
        if i + 1 >= len(blocks) or labels[i + 1] is not Label.BODY:
            continue
        block = blocks[i]
        if not lexicon.starts_with_any(normalise_marker(block.text[:40]), lexicon.caption_prefix):
            continue
        cut = _glued_lead(block.text)
        if cut is not None:
            blocks[i] = Block(block.index, block.text[cut:], block.structure, block.start + cut, block.end)
            labels[i] = Label.BODY


def unmark_header_above_byline(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """A credit line ('By Oliver Pennington, Reporter') among the first body blocks closes the
    article's header: the short lines the model took for body above it are the headline and
    standfirst, and the story starts below it."""
    # One more than the header may hold: enough to tell whether any story follows a credit line.
    body = _first_body_indices(labels, _HEADER_BODY_BLOCKS + 2)
    for n, i in enumerate(body[: _HEADER_BODY_BLOCKS + 1]):
        if is_credit_line(blocks[i].text, lexicon):
            if n == 0 or len(body) <= n + 1:
                return  # nothing above it, or nothing of the story below it
            for j in body[:n]:
                labels[j] = Label.OTHER
            labels[i] = Label.BYLINE
            return
        if len(blocks[i].text) > _HEADER_LINE_CHARS:
            return  # a paragraph: the story has begun


_SUMMARY_MAX_CHARS = 160


def _unmark_summary_above_lead(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """'Kelas literasi keuangan akan digelar selama satu semester.' above 'REPUBLIKA.CO.ID,
    MALANG -- Sebuah universitas …': the dateline opens the article, so the one short sentence
    the model took for body right above it is the story's summary under the photo, not its lead."""
    i = section_scans().first(labels, Label.BODY)  # the first body block; the lead must follow it
    if i < 0:
        return
    if i + 1 >= len(labels) or labels[i + 1] is not Label.BODY:
        return
    first, lead = blocks[i].text, blocks[i + 1].text
    one_sentence = len(first) <= _SUMMARY_MAX_CHARS and not any(c in first[:-1] for c in ".!?")
    if (
        one_sentence
        and first.endswith(".")
        and find_dateline(lead, lexicon) is not None
        and not is_editors_note(first, lexicon)  # "Update: This story has been updated …"
    ):
        labels[i] = Label.SUBTITLE


_NOTE_LABEL_REACH = 40  # "Correction, March 4, 2025, 10:15 a.m.:": the label, a date and the colon
_NOTE_MIN_WORDS = 6  # a note says what changed: "Updated: March 4" is a date line
_NOTE_AFTER_BODY = 2  # the lines under the story's last paragraph a note may follow (a credit line)


def is_editors_note(text: str, lexicon: Lexicon) -> bool:
    """An editor's note on the story ('Correction, March 4: An earlier version of this article
    misstated the vote.', 'Update: This story has been updated …'): a note label
    (`lexicon.note_label`) with its colon, or with a comma and a date before the colon, then
    a sentence."""
    if not lexicon.note_label:
        return False
    # (a slice only: the line under a story may be a whole page's flattened text)
    norm = normalise_marker(text[: _NOTE_LABEL_REACH + 20])
    if not norm.startswith(lexicon.note_label) or len(text.split(maxsplit=_NOTE_MIN_WORDS)) < _NOTE_MIN_WORDS:
        return False
    for label in lexicon.note_label:
        if norm.startswith(label):
            rest = norm[len(label) : len(label) + _NOTE_LABEL_REACH]
            if rest[:1] == ":" or rest[:2] == " :" or (rest[:1] == "," and ":" in rest):
                return True
    return False


def editors_note_in_body(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """An editor's note (`is_editors_note`) printed right under the story's last paragraph (a
    credit or bio line between at most) is the story's: it says what the text got wrong."""
    last = section_scans().last(labels, Label.BODY)
    if last < 0 or not lexicon.note_label:
        return
    for i in range(last + 1, min(last + 1 + _NOTE_AFTER_BODY, len(blocks))):
        if labels[i] is Label.OTHER and is_editors_note(blocks[i].text, lexicon):
            labels[i] = Label.BODY
            return


def dateline_above_lead(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> str | None:
    """A dateline on its own line right above the first body block ('Liputan6.com, Jakarta')
    opens the lead, as it does when printed inline: it joins the body, and is the dateline.
    A dateline printed inline opens the lead too: a one-sentence summary above it goes."""
    _unmark_summary_above_lead(blocks, labels, lexicon)
    first = section_scans().first(labels, Label.BODY)
    if first <= 0 or labels[first - 1] is Label.BODY:
        return None
    text = blocks[first - 1].text
    if _dash_dateline_over_cut_lead(blocks, first):
        labels[first - 2] = labels[first - 1] = Label.BODY
        return blocks[first - 2].text.strip().rstrip("-–— ")
    if not (is_dateline_line(text, lexicon) or _place_over_dash_lead(text, blocks[first].text)):
        return None
    labels[first - 1] = Label.BODY
    return text.strip().rstrip("-–— ")


def _dash_dateline_over_cut_lead(blocks: list[Block], first: int) -> bool:
    """'BANJARMASIN, PELITA BANUA —' / 'Ratusan nelayan di sepanjang alur Sungai' / 'Barito
    mengeluhkan …' (the first body line): a printed column read line by line (OCR) puts the
    dateline, which a dash closes, on a line of its own, and the lead's first line, which ends no
    sentence, between it and the rest of the lead: both open the lead. Flattened lines only."""
    if first < 2:
        return False
    dateline, cut = blocks[first - 2], blocks[first - 1]
    place = dateline.text.strip()
    return (
        not dateline.structure.tag
        and not cut.structure.tag
        and place.endswith((" —", " –", " -"))
        and place[0].isupper()
        and len(place.split()) <= _PLACE_WORDS
        and len(cut.text.split()) >= _CUT_LEAD_WORDS
        and not cut.text.endswith((".", "!", "?", ":", ";"))
    )


_CUT_LEAD_WORDS = 4  # a lead's first line a column cut holds a few words at least


_DASH_LEAD_WORDS = 8  # the lead a dash opens is a sentence, not a list item's few words
_PLACE_WORDS = 6


def _place_over_dash_lead(text: str, lead: str) -> bool:
    """'Indianapolis' / '– Several thousand teachers …', 'ST. JOSEPH, Mich. (AP)' / '— Michigan
    health authorities …': a lead that opens with a dash goes on from the dateline bs4 put on the
    line above it (the dash parts them in print); a short capitalised line ending no sentence
    there is that dateline, whatever place or agency it names."""
    if (
        len(lead) < 3
        or lead[0] not in "–—"
        or lead[1] != " "
        or len(lead.split(maxsplit=_DASH_LEAD_WORDS)) <= _DASH_LEAD_WORDS
    ):
        return False
    place = text.strip()
    return (
        bool(place)
        and place[0].isupper()
        and not place.endswith((".", "!", "?", ":", ",", ";"))
        and len(place.split()) <= _PLACE_WORDS
    )


_SHARE_CARD_LINES = 12


def _unmark_share_card_above_title(blocks: list[Block], labels: list[Label], title: int) -> None:
    """'Share this post' / blog name / the headline again / 'Copy link' right above the headline:
    a list that repeats the page's own headline is the post's share card, not a box of other
    stories; its lines are the page's header."""
    headline = normalise_marker(blocks[title].text)
    start = title - 1
    while start >= 0 and title - start <= _SHARE_CARD_LINES and labels[start] is not Label.BODY:
        start -= 1
    above = range(start + 1, title)
    listed = [i for i in above if labels[i] in (Label.SIDEBAR, Label.RELATED)]
    if any(normalise_marker(blocks[i].text) == headline for i in listed):
        for i in listed:
            labels[i] = Label.OTHER


_HEADER_DATE_SPAN = 4  # the lines under a headline a date line may sit among (deck, byline, date)


def unmark_dates_around_title(blocks: list[Block], labels: list[Label], lexicon: Lexicon, title: int) -> None:
    """A date line labelled body right above the headline is the page's date, not article text
    (a page without blank lines runs date, headline and lede together)."""
    i = title - 1
    while i >= 0 and labels[i] is Label.BODY and is_date_line(blocks[i].text, lexicon):
        labels[i] = Label.OTHER
        i -= 1
    # Below it, among the header's lines (deck, byline, date: '14 mei 2025, 09:12 · Bijgewerkt
    # 14 mei 2025, 11:40'), a date line is the page's date too, whatever the model made of it.
    # (A line of its own among them: not under a line of the story, nor a date that opens a
    # sentence the next line goes on with: '2018-09-16 As of 29 November 2018' over ', thirty
    # artworks will light up …' under 'By admin'.)
    for i in range(title + 1, min(title + 1 + _HEADER_DATE_SPAN, len(blocks))):
        if (
            labels[i] is Label.BODY
            and labels[i - 1] is not Label.BODY
            and is_date_line(blocks[i].text, lexicon)
            and not (i + 1 < len(blocks) and _goes_on(blocks[i + 1].text))
        ):
            labels[i] = Label.OTHER
    _unmark_share_card_above_title(blocks, labels, title)
    # A list header above the headline ('Trending' in a flattened menu) does not reach past it:
    # the lines between the headline and the body near it (standfirst, byline, date) are the article's.
    end = title + 1
    while end < len(blocks) and labels[end] is not Label.BODY:
        end += 1
    if end < len(blocks) and end - title <= 8:
        for i in range(title + 1, end):
            if labels[i] in (Label.SIDEBAR, Label.RELATED):
                labels[i] = Label.OTHER


def _goes_on(text: str) -> bool:
    """Whether `text` continues the line above it: it opens with a lower-case letter or a
    punctuation mark that closes a clause (', thirty artworks …')."""
    first = text.lstrip()[:1]
    return first.islower() or (first != "" and first in ",;:.)")


def unmark_trailing_name(blocks: list[Block], labels: list[Label], lexicon: Lexicon) -> None:
    """A bare name taken as the last body line is the byline printed under the article."""
    body = Label.BODY
    scans = section_scans()
    end = scans.last(labels, body)  # the last body block
    if end < 0 or scans.first(labels, body) == end:
        return  # no body block, or a single one
    last = blocks[end].text
    if len(last.split()) <= 4 and not last.endswith(PARAGRAPH_END) and is_plausible_name(last, lexicon):
        labels[end] = Label.OTHER


def join_dateline(parts: list[BodyPart], dateline: str) -> None:
    """The dateline line found by `dateline_above_lead` opens the lead paragraph (assembly
    may have kept it apart, as a short line above a longer one). A lead read as a list item
    opened with the dateline's dash, which a flattener that breaks the line after a bold dateline
    puts first on the lead's line ('SURABAYA, Jatimkini.com' / ' - Dermaga apung …'): one paragraph."""
    if len(parts) > 1 and parts[0].text == dateline:
        lead = parts[1]
        if lead.kind == "list_item":
            parts[:2] = [BodyPart("paragraph", f"{dateline} - {lead.text}", parts[0].block)]
        else:
            parts[:2] = [BodyPart(lead.kind, f"{dateline} {lead.text}", parts[0].block)]
