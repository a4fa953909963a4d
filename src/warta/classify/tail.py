"""Runs of body text that belong to the page around the article, mostly under it.

Each pass takes back body the model granted to something that is not the article:

- a tag cloud or category list flattened one word a line ("edital", "WordPress", "(53)");
- text printed under the page footer ("© 2019 … All rights reserved") far past the article;
- a press release's company boilerplate ("Acme Health is a global provider of …");
- the citations listed under a "Sources:" header, and a labelled source line closing the story.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from warta.classify.body_lines import _rows_in, _rows_labelled
from warta.classify.sections import section_scans
from warta.classify.sentences import is_long_sentence, starts_capitalised
from warta.compiled import probed
from warta.lexicon import Lexicon
from warta.model import (
    LABEL_AD,
    LABEL_BODY,
    LABEL_COMMENTS,
    LABEL_FOOTER,
    LABEL_NAV,
    LABEL_OTHER,
    LABEL_SIDEBAR,
    Block,
    Label,
)
from warta.strings import uncased_word

# Tag clouds, category and archive lists flattened one entry a line: "edital", "WordPress", "(53)".
_WORD_LIST_MIN = 10
_ENTRY_COUNT = re.compile(r"^\(\d{1,6}\)$")
_CODE_CHARS = frozenset("_=(){}[]@\"'/;<>*#$%+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum accepts: \w less the underscore


_LIST_WORD_MAX = 30


def _is_list_word(text: str) -> bool:
    """One or two words, no sentence end, no code characters (source code split token by token)."""
    if len(text) > _LIST_WORD_MAX:
        return False
    if text.startswith("(") and _ENTRY_COUNT.match(text):
        return True
    return (
        len(text.split()) <= 2
        and not text.endswith((".", "!", "?", ":"))
        and _CODE_CHARS.isdisjoint(text)
        and _LETTER_OR_DIGIT.search(text) is not None
    )


def word_list_runs(texts: list[str], shortest: int) -> list[tuple[int, int]]:
    """The runs (start, end) of `shortest` texts or more in a row that are each a list word, each
    as long as it goes (the reference of the compiled `_labelscan.word_list_runs`)."""
    n = len(texts)
    runs: list[tuple[int, int]] = []
    # Every run of `shortest` lines or more holds a line whose number is a multiple of it: only
    # those are read first, and the lines around one that is a list word (most lines are read
    # not at all).
    k = 0
    while k < n:
        if not _is_list_word(texts[k]):
            k += shortest
            continue
        i, j = k, k + 1
        while i > 0 and _is_list_word(texts[i - 1]):
            i -= 1
        while j < n and _is_list_word(texts[j]):
            j += 1
        if j - i >= shortest:
            runs.append((i, j))
        # The next multiple of `shortest` past the run (the run's own lines are settled).
        k = (j // shortest + 1) * shortest
    return runs


# Texts `_word_list_runs` checks the compiled runs on: list words of each kind (counts, words,
# non-ASCII letters and digits) and lines that are none (code, sentence ends, three words).
_PROBE = [
    *["edital", "WordPress", "(53)", "Ñandú", "٣٤", "(12)\n", "İstanbul", "\u212a", "🌉x", "two words"],
    *["a_b", "three words here", "end.", "(1234567)", "", "—", "²", "x = 1"],
    *["tag"] * 12,
]


@lru_cache(maxsize=1)
def _word_list_runs() -> Callable[[list[str], int], list[tuple[int, int]]]:
    """`_labelscan.word_list_runs` where it is built and agrees with `word_list_runs` on `_PROBE`."""
    try:
        from warta.classify._labelscan import word_list_runs as compiled
    except ImportError:
        return word_list_runs
    return probed("word list runs", word_list_runs, compiled, [(_PROBE, _WORD_LIST_MIN), (_PROBE, 2)])


def unmark_word_lists(blocks: Sequence[Block], labels: list[Label], texts: list[str]) -> None:
    """A run of ≥ 10 lines of a word or two each is a tag cloud or a category list, not body
    (`texts`: the blocks')."""
    for i, j in _word_list_runs()(texts, _WORD_LIST_MIN):
        # Entries the markup puts in a list or table are the page's own (HTML input says so).
        if not any(blocks[m].structure.in_list or blocks[m].structure.in_table for m in range(i, j)):
            for m in range(i, j):
                if labels[m] is LABEL_BODY:
                    labels[m] = LABEL_NAV


_FOOTER_GAP = 20  # blocks of menus and widgets between the article's end and the page footer


def unmark_text_past_footer(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Body text under the page footer ("© 2019 … All rights reserved"), when the footer stands
    well past the article's end and the text under it is less than the article above: a
    privacy notice or community rules printed after the page (hidden dialogs), not the article."""
    body = _rows_labelled()(labels, LABEL_BODY)
    if not body:
        return
    for footer in _rows_labelled()(labels, LABEL_FOOTER):
        # (`body` is in order: the body blocks before and after the footer line are slices of it.)
        before = body[: bisect_left(body, footer)]
        if not before or footer - before[-1] < _FOOTER_GAP:
            continue
        after = body[bisect_right(body, footer) :]
        if sum(len(blocks[i].text) for i in after) < sum(len(blocks[i].text) for i in before):
            for i in after:
                labels[i] = LABEL_FOOTER
        return


def unmark_comments_past_footer(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Comment lines of flattened text under the page footer's copyright line, where comments
    come before it and nothing but comments, menus and footer lines follow it: the thread ends
    where the site's footer begins, and what is printed under it (a trademark notice, a server's
    render line) is no reader's comment. (Lists under the footer line, a sidebar's links, leave
    it as it is; an HTML page's comments are told by its markup, which places its boxes.)"""
    comments = _rows_labelled()(labels, LABEL_COMMENTS)
    if not comments:
        return
    for footer in _rows_labelled()(labels, LABEL_FOOTER, comments[0]):
        if blocks[footer].structure.tag or any(label not in _PAGE_END for label in labels[footer + 1 :]):
            return
        for i in comments[bisect_right(comments, footer) :]:
            labels[i] = LABEL_FOOTER
        return


_PAGE_END = frozenset({LABEL_COMMENTS, LABEL_FOOTER, LABEL_NAV, LABEL_OTHER, LABEL_AD})


def _closing_line(labels: Sequence[Label]) -> int:
    """The article's last body line, found from the page's end, which a sign-off or credit
    closing the story may be; -1 where the body has one line (a story of one line has none)."""
    last = section_scans().last(labels, LABEL_BODY)
    if last <= 0 or section_scans().first(labels, LABEL_BODY) == last:
        return -1
    return last


# A press release's end mark, alone on its line under the release: "###", "# # #", "-30-".
# Symbols, the same in every language.
_END_MARKS = frozenset({"###", "# # #", "-30-", "- 30 -", "–30–", "—30—", "-###-"})


def unmark_past_end_mark(blocks: Sequence[Block], labels: list[Label]) -> None:
    """Body text under a press release's end mark ("###", "-30-" alone on a line, under body
    text), and the boxes read as a sidebar there: the notes to editors, the "About Acme" box
    and the media contact that follow it are not the release, nor a list of stories."""
    body = _rows_labelled()(labels, LABEL_BODY)
    if len(body) < 2:
        return
    for i in range(body[0] + 1, body[-1]):
        text = blocks[i].text
        if len(text) <= 7 and text.strip() in _END_MARKS:
            for j in range(i + 1, len(labels)):
                if labels[j] is LABEL_BODY or labels[j] is LABEL_SIDEBAR:
                    labels[j] = LABEL_OTHER
            return


_SIGN_OFF_WORDS = 5  # "홍길동 기자 gildong@example.com", "Jane Doe, reporter jane@x.com": a name, a role
_E_MAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def unmark_contact_sign_off(blocks: Sequence[Block], labels: list[Label]) -> None:
    """The article's last body line when it is a writer's contact sign-off: a few words (a name,
    a role), none in lower case, and an e-mail address, no sentence ("홍길동 기자
    gildong@hanbitilbo.example"). The address is how to reach the writer, not what the story
    says."""
    last = _closing_line(labels)
    if last < 0:
        return
    words = blocks[last].text.split()
    if not 2 <= len(words) <= _SIGN_OFF_WORDS or "@" not in blocks[last].text:
        return
    # (no lower-case word before it: "Email us at npmc@…" asks the reader to write, a FAQ's answer)
    if _E_MAIL.match(words[-1].strip("()<>[],;")) and not any("@" in w or w[0].islower() for w in words[:-1]):
        labels[last] = LABEL_OTHER


# The brackets a reporter's name is printed in alone under a story in CJK papers ("【佐藤美咲】",
# "（佐藤美咲）"): opening -> closing.
_SIGN_OFF_BRACKETS = {"【": "】", "〔": "〕", "（": "）", "(": ")", "[": "]"}
_BRACKETED_NAME_CHARS = 8  # a name's characters in a script without case: two to four, a space


def unmark_bracketed_sign_off(blocks: Sequence[Block], labels: list[Label]) -> None:
    """The article's last body line when it is the reporter's name alone in brackets, in a
    script without letter case ("【佐藤美咲】", as Japanese papers sign a story off): a credit,
    not what the story says. A bracketed Latin word ("(AP)", "[Updated]") is no such name."""
    last = _closing_line(labels)
    if last < 0:
        return
    text = blocks[last].text.strip()
    if len(text) < 4 or _SIGN_OFF_BRACKETS.get(text[0]) != text[-1]:
        return  # (most pages: no bracket opens the last line)
    name = text[1:-1].split()
    if 0 < len("".join(name)) <= _BRACKETED_NAME_CHARS and all(map(uncased_word, name)):
        labels[last] = LABEL_OTHER


_SOURCE_LINE_WORDS = 10  # "Źródło: Kurier Nadwiślański, PAP", "SOURCE: News agencies": a label and names


def unmark_source_line(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """The article's last body line when it is a labelled source line closing the story: a
    source label with its colon (`source_prefix`: "Źródło:", "Source:", "Sumber:") and a few
    words naming where the story came from, no sentence. It credits, as a labelled credit line
    does ("Editor: …", taken out of the body too); a label with no colon ("Theo …", "according
    to") opens a sentence of the story, and is not read."""
    last = _closing_line(labels)
    if last < 0:
        return
    norm = norms[last]
    if norm.startswith(_labelled(lexicon.source_prefix)) and len(norm.split()) <= _SOURCE_LINE_WORDS:
        labels[last] = LABEL_OTHER


@lru_cache(maxsize=8)
def _labelled(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixes of `prefixes` that are a label with its colon ("źródło:", not "theo")."""
    return tuple(p for p in prefixes if p.endswith(":"))


# a company name with its legal form ("PT Nusa Surya Energi Tbk", "Acme Widgets Holdings Inc.")
_COMPANY_NAME_WORDS = 6
_INTRO_AT_MOST = 60  # where the intro phrase starts at the latest: after the name, not later
_SHORT_TAIL = 60  # a line this short after the boilerplate ("Stay up to date with Acme.") goes with it


def _company_intro_name(text: str, norm: str, lexicon: Lexicon) -> str | None:
    """ "Acme Health is a global provider of …": the first word of the company name (one to four
    capitalised words, six with a legal form) that opens a company's boilerplate paragraph, if
    the paragraph opens so."""
    for phrase in lexicon.company_intro:
        # Its first occurrence, looked for where it may open the name only: not through the paragraph.
        at = norm.find(phrase, 0, _INTRO_AT_MOST + len(phrase))
        if at <= 0:
            continue
        words = text.split()[: len(norm[:at].split())]
        if len(words) <= _COMPANY_NAME_WORDS and all(starts_capitalised(w) for w in words):
            return words[0]
    return None


def company_rows(texts: list[str], norms: list[str], phrases: tuple[str, ...], at_most: int) -> list[int]:
    """The rows whose text (80 characters or more, a capital first) may open a company's
    boilerplate: one of `phrases` first found in the normalised text after its start and by
    `at_most` (`_company_intro_name`'s first test; the reference of `_labelscan.company_rows`)."""
    return [
        row
        for row, text in enumerate(texts)
        if len(text) >= 80
        and text[0].isupper()
        and any(norms[row].find(phrase, 0, at_most + len(phrase)) > 0 for phrase in phrases)
    ]


_COMPANY_PROBE = [
    "Acme Health is a global provider of things, and more words follow here to pass eighty chars.",
    "acme Health is a global provider of things, and more words follow here to pass eighty chars.",
    " is a global provider at the start, then more words follow here to pass the eighty chars mark.",
    "İstanbul Ltd is a leading maker of bridges 🌉, and more words follow here to pass eighty chars.",
    "Short. Acme is a global provider",
    "A" * 70 + " is a global provider of all the things that are needed by someone somewhere.",
]


@lru_cache(maxsize=1)
def _company_rows() -> Callable[[list[str], list[str], tuple[str, ...], int], list[int]]:
    """`_labelscan.company_rows` where it is built and agrees with `company_rows` on probe lines."""
    try:
        from warta.classify._labelscan import company_rows as compiled
    except ImportError:
        return company_rows
    texts = _COMPANY_PROBE
    norms = [text.lower() for text in texts]
    phrases = (" is a global ", " is a leading ", "acme")
    probes = [(texts, norms, phrases, _INTRO_AT_MOST), (texts, norms, phrases, 5), (texts, norms, (), 60)]
    return probed("company rows", company_rows, compiled, probes)


def unmark_company_boilerplate(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """A press release's closing boilerplate: the last body paragraphs, the first "Acme is a
    leading …", each of them opening with the name (or a short line), under an article with more
    text than them, with the "About Acme" header right above them where there is one. A company
    box, not the article."""
    body = _rows_labelled()(labels, LABEL_BODY)
    texts = [blocks[i].text for i in body]
    # (The paragraphs that may open so, found in C: the others are read no further.)
    for k in _company_rows()(
        texts, list(map(norms.__getitem__, body)), lexicon.company_intro, _INTRO_AT_MOST
    ):
        i, text = body[k], texts[k]
        if (name := _company_intro_name(text, norms[i], lexicon)) is None:
            continue
        if i > 0 and text.startswith(blocks[i - 1].text):
            continue  # the name as a heading right above: an entry of a list of companies, not a box
        tail = body[k:]
        if not all(blocks[j].text.startswith(name) or len(blocks[j].text) <= _SHORT_TAIL for j in tail):
            continue
        if k > 0 and body[k - 1] == i - 1 and _heads_company_box(norms[i - 1], lexicon):
            k -= 1  # its "About Acme Inc." header right above goes with it
            tail = body[k:]
        if sum(len(blocks[j].text) for j in body[:k]) > sum(len(blocks[j].text) for j in tail):
            for j in tail:
                # (not a sidebar: in HTML a long paragraph under a sidebar header that sits in no
                # sidebar container is body again, `refine_html_labels`)
                labels[j] = LABEL_OTHER
        return


def _heads_company_box(norm: str, lexicon: Lexicon) -> bool:
    """'about acme widgets inc.', 'tentang pt nusa surya energi tbk': a short line that opens
    with a bio box's header word (`bio_header_prefix`), over a company's boilerplate."""
    return len(norm) <= _SHORT_TAIL and (norm + " ").startswith(lexicon.bio_header_prefix)


def unmark_source_list(
    blocks: Sequence[Block], labels: list[Label], lexicon: Lexicon, norms: list[str]
) -> None:
    """A "Sources:" header under the article: the citations listed one a line after it (and what
    follows them) are not the article, when they are less text than the article above."""
    body = _rows_labelled()(labels, LABEL_BODY)
    first = next((i for i in body if is_long_sentence(blocks[i].text)), None)
    if first is None:
        return
    # (The lines below it that are such a header, found by one C-level pass: most pages hold none.)
    for at in _rows_in()(norms, lexicon.source_list_header, first + 1):
        if not blocks[at].text[0].isupper():
            continue  # "… from a number of / sources / in order to …": a word split out of a sentence
        after = [i for i in body if i > at]
        if sum(len(blocks[i].text) for i in after) < sum(len(blocks[i].text) for i in body if i < at):
            labels[at] = LABEL_OTHER if labels[at] is LABEL_BODY else labels[at]
            for i in after:
                labels[i] = LABEL_OTHER
        return
