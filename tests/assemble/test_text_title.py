import pytest

from warta.assemble.text_title import (
    FEATURES,
    SHORTLIST,
    SHORTLIST_FEATURES,
    candidate_lines,
    line_features,
    printed_copy,
    shortlist_features,
    shortlisted,
    title_lines,
    window_lines,
)
from warta.assemble.title import LineTests, names_something_else, over_credit_or_date
from warta.lexicon import load_lexicon, normalise_marker
from warta.meta.byline import is_credit_line
from warta.model import Label, Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor
from warta.segment.text import segment_text

_PAGE = "\n".join(
    [
        "Tidewater Ledger",
        "Subscribe | Sign in",
        "News | Sport | Weather | Opinion",
        "Harbour ferry returns to service after winter repairs",
        "By Morgan Keele",
        "March 3, 2026",
        "The harbour ferry between Quayside and Northpoint returned to service on Monday after "
        "four months of repairs to its hull and engines, the port authority said.",
        "Commuters who had driven around the bay since November said the crossing would save them "
        "close to an hour a day. The authority said the ferry would run every twenty minutes.",
        "The repairs cost more than planned after divers found corrosion along the keel, and the "
        "authority will ask the council to share the cost in the spring budget.",
        "Tidewater Ledger · Contact · Privacy",
    ]
)


def test_a_flattened_page_s_headline_is_the_printed_line_not_the_masthead() -> None:
    ranked = Extractor(ExtractOptions(text_titles="ranker"))
    article = ranked.extract_page(Page(content=_PAGE, kind="text"))
    assert article.title == "Harbour ferry returns to service after winter repairs"
    assert article.labels[3] == Label.TITLE


def test_the_ranker_is_asked_only_where_the_options_say() -> None:
    ranked = Extractor()  # (the default)
    ranked.extract_page(Page(content=_PAGE, kind="text"))
    assert ranked._title_ranker is not None
    plain = Extractor(ExtractOptions(text_titles="rules"))
    plain.extract_page(Page(content=_PAGE, kind="text"))
    assert plain._title_ranker is None
    with pytest.raises(ValueError, match="text_titles"):
        Extractor(ExtractOptions(text_titles="learned"))


def test_candidates_leave_out_list_items_dates_and_bylines_but_keep_the_rules_choice() -> None:
    blocks = segment_text(
        "Site Name Here\n+ Tips and tricks\nA headline of some words\nBy Jane Doe\nMay 3, 2026\nBody."
    )
    lexicon = load_lexicon()
    assert candidate_lines(blocks, 5, lexicon) == [0, 2]
    assert candidate_lines(blocks, 5, lexicon, rules_index=4) == [0, 2, 4]


def test_every_candidate_has_a_row_of_the_features() -> None:
    blocks = segment_text(_PAGE)
    labels = [Label.OTHER] * 6 + [Label.BODY] * 3 + [Label.FOOTER]
    lexicon = load_lexicon()
    lines = candidate_lines(blocks, 6, lexicon)
    found = line_features(blocks, labels, [0.1] * 6 + [0.9] * 3 + [0.0], lexicon, 6, 3, blocks[3].text, lines)
    assert {c.index for c in found} == set(lines)
    assert all(len(c.row) == len(FEATURES) for c in found)
    # 'Subscribe | Sign in' gives its longest part, the whole line and its first part
    assert {c.text for c in found if c.index == 1} >= {"Subscribe | Sign in"}


def test_the_title_marks_the_copy_printed_over_the_story() -> None:
    # the page's <title> on line 0, the headline printed again on lines 4 and 9; the body starts at 6
    assert printed_copy([0, 4, 9], 6) == 4
    assert printed_copy([0, 9], 6) == 9
    assert printed_copy([0], 6) == 0


def test_line_tests_asked_once_answer_as_the_tests_themselves() -> None:
    blocks = segment_text(_PAGE)
    lexicon = load_lexicon()
    shared = LineTests(blocks, lexicon)
    for i, block in enumerate(blocks):
        norm = normalise_marker(block.text)
        assert shared.something_else(i) == names_something_else(block.text, norm, lexicon)
        assert shared.credit(i) == is_credit_line(block.text, lexicon, norm)
    assert shared.credit(4) and shared.credit_or_date(5) and not shared.credit_or_date(3)
    assert over_credit_or_date(shared, 3) and not over_credit_or_date(shared, 6)
    # the same rows whether the tests are shared with the rules' pass or not
    labels = [Label.OTHER] * 6 + [Label.BODY] * 3 + [Label.FOOTER]
    probs = [0.1] * 6 + [0.9] * 3 + [0.0]
    lines = candidate_lines(blocks, 6, lexicon, 3, None, shared)
    assert lines == candidate_lines(blocks, 6, lexicon, 3)
    rows = [
        c.row
        for c in line_features(blocks, labels, probs, lexicon, 6, 3, blocks[3].text, lines, None, shared)
    ]
    assert rows == [c.row for c in line_features(blocks, labels, probs, lexicon, 6, 3, blocks[3].text, lines)]


def test_the_shortlist_weighs_every_line_of_the_window_by_its_shape_alone() -> None:
    blocks = segment_text(_PAGE)
    labels = [Label.OTHER] * 6 + [Label.BODY] * 3 + [Label.FOOTER]
    window = window_lines(blocks, 6)
    # every line of 2-30 words from the top to the body's start and ten lines into it (line 7 has
    # 31); the byline and the date stay (the shortlist asks no lexicon test), the candidates do not
    assert window == [0, 1, 2, 3, 4, 5, 6, 8, 9]
    assert candidate_lines(blocks, 6, load_lexicon()) == [0, 1, 2, 3, 6, 8, 9]
    rows = shortlist_features(blocks, labels, [0.1] * 6 + [0.9] * 3 + [0.0], 6, 3, window)
    assert len(rows) == len(window) and all(len(r) == len(SHORTLIST_FEATURES) for r in rows)
    assert [r[SHORTLIST_FEATURES.index("rules")] for r in rows] == [0, 0, 0, 1, 0, 0, 0, 0, 0]


def test_the_shortlist_keeps_the_best_candidates_and_the_rules_choice() -> None:
    blocks = segment_text(_PAGE)
    tests = LineTests(blocks, load_lexicon())
    window = [0, 1, 2, 3, 4, 5, 9]
    # the byline (4) and the date (5) score best but are no candidates; the rules chose line 2
    scores = [0.5, 0.1, 0.2, 0.8, 0.95, 0.9, 0.3]
    # (the best three candidates: 3, 0 and 9; the rules' line comes with them)
    assert SHORTLIST == 3
    assert shortlisted(window, scores, 2, tests) == [0, 2, 3, 9]
    assert shortlisted(window, scores, 3, tests) == [0, 3, 9]


def test_the_title_marks_a_copy_the_shortlist_left_out() -> None:
    blocks = segment_text(
        "Harbour ferry returns | Tidewater Ledger\nMenu\nHarbour ferry returns\nBy Morgan Keele\nBody."
    )
    tests = LineTests(blocks, load_lexicon())
    assert title_lines(blocks, "Harbour ferry returns", [0, 2], [], tests) == [0, 2]


def test_the_separator_pre_test_agrees_with_its_regex() -> None:
    """`_separated` asks `_SEPARATOR` only of a line holding a separator's character: the
    regex's answer on every text of spaces, letters and separator characters; and
    `_split_at_separators` gives a title without one whole."""
    import random

    from warta.assemble.text_title import _SEPARATOR, _separated
    from warta.assemble.title import _SITE_SEPARATORS, _split_at_separators

    pieces = ["a", "B", " ", " ", "\t", "\xa0", "|", "–", "—", "•", "·", "»", ":", "-", "/", "é"]
    rng = random.Random(29)
    texts = ["", "A | B", "A :: B", "A - B", "A-B", "A|B", "Plain headline here", " : "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for text in texts:
        assert _separated(text) == (_SEPARATOR.search(text) is not None), repr(text)
        assert _split_at_separators(_SITE_SEPARATORS, text) == _SITE_SEPARATORS.split(text), repr(text)
