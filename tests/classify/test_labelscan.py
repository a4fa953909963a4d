"""The compiled passes of the labels stage give exactly what their Python references give.

`warta.classify._labelscan` holds C versions of per-block loops: the card letters
(`cards.card_letters`), the word-list runs (`tail.word_list_runs`), the rows the caption
tests read (`body_lines.caption_rows`), the HTML container lookups
(`html_labels.containers`), the teaser cards' (headline, summary) pairs
(`html_labels.teaser_pairs`) and the phrase trie of `JoinedLines.containing_each`
(`lexicon.spaced_matches`). Each is compared with its reference on edge cases, every code
point, generated input and, where ../shared is present, the benchmark pages, whose labels
must come out the same both ways.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.classify import body_lines, cards, html_labels, markers, tail
from warta.classify.html_labels import refine_html_labels
from warta.classify.labels import label_blocks
from warta.lexicon import (
    JoinedLines,
    _needle_index,
    load_lexicon,
    normalise_lines,
    spaced_matches,
    trie_pattern,
)
from warta.model import LABEL_BODY, LABEL_NAV, LABEL_OTHER, Block, BlockStructure, Label
from warta.segment.html import segment_html
from warta.segment.text import segment_text

EDGES = [
    "",
    " ",
    "\u3000",
    "(53)",
    "(12)\n",
    "(1234567)",
    "( 12)",
    "32M ago",
    "٣ dari ٥ foto",
    "² not a digit to the regex",
    "İstanbul Kelvin \u212a sign",
    "🌉 bridge 𝐀𝐁 across the river:",
    "Jane Doe | Getty Images",
    "Foto: Reuters",
    "The bridge seen via drone",
    "Why farmers may paint their cows with stripes",
    "Some thought it was a joke, but it works.",
    "x" * 40,
    "x" * 41,
    "y " * 80,
    "y " * 81,
    "z" * 350,
    "z" * 351,
    "a_b",
    "x = 1;",
    "—",
    "edital",
    "WordPress",
]

_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(" \u00a0\u3000./|:,;!?…()_#٣²🌉𝐀İ\u212aviaVIA0123456789"),
    ),
    max_size=70,
)
_TEXTS = st.lists(_TEXT, max_size=30)


@pytest.fixture(scope="module")
def compiled(require_compiled: Callable[[bool, str], None]) -> None:
    require_compiled(cards._card_letters() is not cards.card_letters, "card letters")
    require_compiled(tail._word_list_runs() is not tail.word_list_runs, "word list runs")
    require_compiled(body_lines._caption_rows() is not body_lines.caption_rows, "caption rows")
    require_compiled(html_labels._containers() is not html_labels.containers, "container lookup")
    require_compiled(html_labels._teaser_pairs() is not html_labels.teaser_pairs, "teaser pairs")
    require_compiled(_phrase_index().spaced is not None, "phrase trie")
    require_compiled(cards._card_scans().kicker_rows is not cards.kicker_rows, "card scans")
    require_compiled(markers._line_scans() is not None, "line scans")
    require_compiled(tail._company_rows() is not tail.company_rows, "company rows")
    require_compiled(body_lines._ending_rows() is not body_lines.ending_rows, "line endings")
    require_compiled(body_lines._rows_labelled() is not body_lines.rows_labelled, "label rows")
    require_compiled(body_lines._rows_in() is not body_lines.rows_in, "rows in a set")
    require_compiled(load_lexicon().ends_with_trie("related_header_suffix") is not None, "suffix trie")


def _phrase_lists() -> tuple[tuple[str, ...], ...]:
    lexicon = load_lexicon()
    return (
        lexicon.consent_contains,
        lexicon.footer_contains,
        lexicon.comment_form,
        lexicon.nav_phrases,
        lexicon.promo_contains,
    )


def _phrase_index():  # type: ignore[no-untyped-def]
    index = _needle_index(_phrase_lists(), True)
    assert index is not None
    return index


def _every_code_point() -> Iterator[list[str]]:
    """Every code point alone, and in a few contexts, in chunks."""
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for k in range(0, len(points), 4096):
        chunk = points[k : k + 4096]
        yield chunk + [f"12 {c}" for c in chunk[::7]] + [f"a {c} b c" for c in chunk[::11]]


def _assert_texts(texts: list[str]) -> None:
    assert cards._card_letters()(texts) == cards.card_letters(texts)
    scans = cards._card_scans()
    shapes = "".join("TSM"[len(t) % 3] for t in texts)
    assert scans.kicker_rows(texts, shapes) == cards.kicker_rows(texts, shapes)
    assert scans.kicker_rows(texts, "T" * len(texts)) == cards.kicker_rows(texts, "T" * len(texts))
    for shortest in (1, 3):
        assert scans.cut_excerpt_runs(texts, shortest) == cards.cut_excerpt_runs(texts, shortest)
    line_scans = markers._line_scans()
    if line_scans is not None:
        for limit in (0, 3, 40):
            assert line_scans.blanked(texts, limit) == [t if len(t) < limit else "" for t in texts]
    for shortest in (1, 2, 10):
        assert tail._word_list_runs()(texts, shortest) == tail.word_list_runs(texts, shortest)


def test_edge_cases(compiled: None) -> None:
    _assert_texts(EDGES)
    _assert_texts(EDGES[::-1] * 3)


def test_every_code_point(compiled: None) -> None:
    from warta.classify._labelscan import kickers, list_words

    for texts in _every_code_point():
        assert cards._card_letters()(texts) == cards.card_letters(texts)
        assert kickers(texts) == [cards._is_kicker(t) for t in texts]
        capitals = [f"AB {c}{c}{c}" for c in texts[::3]] + [f"{c}{c}{c} XY" for c in texts[1::3]]
        assert kickers(capitals) == [cards._is_kicker(t) for t in capitals]
        assert list_words(texts) == [tail._is_list_word(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(texts=_TEXTS)
def test_generated_texts(texts: list[str]) -> None:
    if cards._card_letters() is cards.card_letters:
        pytest.skip("the compiled labels passes are not built")
    _assert_texts(texts)
    _assert_captions([Block(index=i, text=t) for i, t in enumerate(texts)])


def _assert_captions(blocks: list[Any]) -> None:
    lexicon = load_lexicon()
    norms = normalise_lines([b.text for b in blocks])
    labels = [(LABEL_BODY, LABEL_OTHER, LABEL_NAV)[i % 3] for i in range(len(blocks))]
    agencies = lexicon.photo_agencies | {n for n in norms[::4]}
    for firsts in ("", "fgp(", "".join(sorted({n[:1] for n in norms}))):
        expected = body_lines.caption_rows(blocks, norms, labels, firsts, agencies)
        assert body_lines._caption_rows()(blocks, norms, labels, firsts, agencies) == expected


def test_caption_rows(compiled: None) -> None:
    blocks = [Block(index=i, text=t) for i, t in enumerate(EDGES)]
    blocks += [
        Block(index=0, text="Foto jembatan " * 5, structure=BlockStructure(in_figure=True)),
        Block(index=0, text="Foto: jembatan", structure=BlockStructure(in_blockquote=True)),
    ]
    _assert_captions(blocks)


_TOKEN = st.sampled_from(
    [*sorted(html_labels._container_or_pull_quote_token())[:60], "entry", "post", "x", "sidebar-left"]
)


@settings(max_examples=300, deadline=None)
@given(
    tuples=st.lists(st.lists(_TOKEN, max_size=8).map(tuple), min_size=1, max_size=12),
    picks=st.lists(st.integers(min_value=0, max_value=11), max_size=30),
    wrappers=st.sets(_TOKEN, max_size=4),
)
def test_generated_containers(tuples: list[tuple[str, ...]], picks: list[int], wrappers: set[str]) -> None:
    lookup = html_labels._containers()
    if lookup is html_labels.containers:
        pytest.skip("the compiled container lookup is not built")
    # Blocks share tuple objects, as the segmenter's side-by-side blocks do.
    block_tokens = [tuples[k % len(tuples)] for k in picks] + tuples
    assert lookup(block_tokens, wrappers) == html_labels.containers(block_tokens, wrappers)


def _card_block(text: str, density: float, heading: int) -> Block:
    return Block(index=0, text=text, structure=BlockStructure(link_density=density, heading_level=heading))


_CARD_TEXTS = [
    *EDGES,
    "Kelvin \u212a headline of a card, linked",
    "İstanbul köprüsü " * 4,
    "🌉 ſ " * 30,
    "m" * 100,
]
_CARD_LABELS = [LABEL_BODY, LABEL_OTHER, LABEL_NAV, Label.RELATED]


def test_teaser_pairs_edge_cases(compiled: None) -> None:
    pairs = html_labels._teaser_pairs()
    assert pairs([], []) == html_labels.teaser_pairs([], []) == []
    for density in (0.0, 0.29, 0.3, 0.31, 0.89, 0.9, 1.0):
        blocks = [
            _card_block(t, density if k % 3 == 0 else 0.0, k % 5 == 4) for k, t in enumerate(_CARD_TEXTS)
        ]
        for labels in ([LABEL_BODY] * len(blocks), [_CARD_LABELS[k % 4] for k in range(len(blocks))]):
            assert pairs(blocks, labels) == html_labels.teaser_pairs(blocks, labels)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(_CARD_TEXTS),
            st.sampled_from([0.0, 0.2, 0.3, 0.9, 0.95, 1.0, 1]),
            st.integers(min_value=0, max_value=2),
            st.sampled_from(_CARD_LABELS),
        ),
        max_size=40,
    )
)
def test_generated_teaser_pairs(rows: list[tuple[str, float, int, Label]]) -> None:
    pairs = html_labels._teaser_pairs()
    if pairs is html_labels.teaser_pairs:
        pytest.skip("the compiled teaser pairs are not built")
    blocks = [_card_block(text, density, heading) for text, density, heading, _ in rows]
    labels = [label for *_, label in rows]
    assert pairs(blocks, labels) == html_labels.teaser_pairs(blocks, labels)


def _assert_phrases(text: str) -> None:
    index = _phrase_index()
    assert index.spaced.after(text, " ") == spaced_matches(index.patterns[0], text)
    lines = text.split("\n")
    flags = JoinedLines.of(lines).containing_each(_phrase_lists())
    assert flags == [JoinedLines.of(lines).containing(needles) for needles in _phrase_lists()]


def test_phrase_trie(compiled: None) -> None:
    needles = [n for needles in _phrase_lists() for n in needles]
    text = " ".join(needles) + " " + " ".join(n[: len(n) // 2] for n in needles)
    _assert_phrases(text)
    _assert_phrases("\n".join(needles))
    _assert_phrases(" " + text.upper() + " İ \u212a 🌉")
    for edge in EDGES:
        _assert_phrases(edge)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_TEXT, max_size=8), text=_TEXT, lead=st.sampled_from(" a\n🌉"))
def test_generated_trie(words: list[str], text: str, lead: str) -> None:
    from warta.classify._labelscan import Trie

    pattern = re.compile(re.escape(lead) + f"(?:{trie_pattern(words)})")
    sample = text + lead + lead.join(words) + lead + lead.join(w[:2] for w in words)
    assert Trie(words).after(sample, lead) == spaced_matches(pattern, sample)


def test_trie_after_leads_in_a_str_of_bytes(compiled: None) -> None:
    """In a str of one byte a code point, a lead is found by `memchr`: one beyond the str's
    width (never there), the highest and lowest byte, at the edges and missing."""
    from warta.classify._labelscan import Trie

    words = ["x", "ab", "ÿz", "\x00"]
    pattern_of = {lead: re.compile(re.escape(lead) + f"(?:{trie_pattern(words)})") for lead in "Ā🌉ÿ\x00 x"}
    texts = ["", "x", " x ab", "ÿÿz\x00x", "\x00\x00ab x", "café ab ÿz", "ab" * 40 + " x"]
    for lead, pattern in pattern_of.items():
        for text in texts:
            assert Trie(words).after(text, lead) == spaced_matches(pattern, text), (lead, text)


# Characters on each side of the compiled trie's ASCII edge bits (one word of bits for 0-63, one
# for 64-127, the root's table of 128, a search above), and letters with edges of their own.
_BIT_EDGES = "\x00 ?@AZ_`az~\x7f\x80ÿİ\u212aſ🌉"


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text(alphabet=_BIT_EDGES, max_size=4), max_size=10),
    text=st.text(alphabet=_BIT_EDGES, max_size=40),
)
def test_trie_edge_bits(compiled: None, words: list[str], text: str) -> None:
    """The trie's ASCII edges, found by the root's table or after each node's bits, and others,
    found by a search, give the regex's matches, at and around the bits' word boundaries."""
    from warta.classify._labelscan import Trie

    pattern = re.compile(f" (?:{trie_pattern(words)})")
    sample = " ".join([text, *words, *(w[:1] for w in words), *(w[1:] for w in words)])
    assert Trie(words).after(sample, " ") == spaced_matches(pattern, sample)


def test_trie_every_ascii_edge(compiled: None) -> None:
    """A node with an edge for every code point below 130 finds each of them."""
    from warta.classify._labelscan import Trie

    words = [chr(c) + "x" for c in range(130) if chr(c) != " "]
    sample = " " + " ".join(words) + " " + " ".join(w[:1] for w in words)
    pattern = re.compile(f" (?:{trie_pattern(words)})")
    assert Trie(words).after(sample, " ") == spaced_matches(pattern, sample)


_LABELS = st.lists(st.sampled_from(list(Label)), max_size=30)


def test_rows_labelled_edges(compiled: None) -> None:
    """The compiled label rows give the reference's on empty lists, bounds past either end and
    bounds crossed."""
    from warta.classify._labelscan import rows_labelled as compiled_rows

    labels = [LABEL_BODY, LABEL_OTHER, LABEL_BODY, LABEL_NAV]
    cases = [
        ([], 0, None),
        (labels, 0, None),
        (labels, 1, 3),
        (labels, 3, 1),
        (labels, 2, 99),
        (labels, 4, 4),
    ]
    for rows, start, stop in cases:
        for label in (LABEL_BODY, LABEL_OTHER, LABEL_NAV, Label.FOOTER):
            expected = body_lines.rows_labelled(rows, label, start, stop)
            bounds = (start,) if stop is None else (start, stop)
            assert compiled_rows(rows, label, *bounds) == expected


@settings(max_examples=200, deadline=None)
@given(labels=_LABELS, label=st.sampled_from(list(Label)), start=st.integers(0, 35), stop=st.integers(0, 35))
def test_generated_rows_labelled(
    compiled: None, labels: list[Label], label: Label, start: int, stop: int
) -> None:
    from warta.classify._labelscan import rows_labelled as compiled_rows

    assert compiled_rows(labels, label, start, stop) == body_lines.rows_labelled(labels, label, start, stop)
    assert compiled_rows(labels, label) == body_lines.rows_labelled(labels, label)


_ITEMS = st.lists(st.sampled_from(["", "a", "b c", "İ", "\u212a", "ſ", "🌉", "x"]), max_size=20)


def test_rows_in_edges(compiled: None) -> None:
    """The compiled rows in a set give the reference's on empty lists and sets, the empty line,
    non-ASCII and astral lines, and bounds past either end or crossed."""
    from warta.classify._labelscan import rows_in as compiled_rows

    lines = ["", "a", "İ", "\u212a", "K", "🌉", "a", ""]
    containers = [frozenset(), frozenset({""}), {"İ", "k", "🌉"}, dict.fromkeys(["a", "K"])]
    for items in (lines, []):
        for container in containers:
            for start, stop in ((0, None), (1, 7), (3, 1), (2, 99), (8, 8)):
                bounds = (start,) if stop is None else (start, stop)
                assert compiled_rows(items, container, *bounds) == body_lines.rows_in(
                    items, container, start, stop
                )


@settings(max_examples=200, deadline=None)
@given(items=_ITEMS, members=_ITEMS, start=st.integers(0, 25), stop=st.integers(0, 25))
def test_generated_rows_in(
    compiled: None, items: list[str], members: list[str], start: int, stop: int
) -> None:
    from warta.classify._labelscan import rows_in as compiled_rows

    container = frozenset(members)
    assert compiled_rows(items, container, start, stop) == body_lines.rows_in(items, container, start, stop)
    assert compiled_rows(items, container) == body_lines.rows_in(items, container)


def _fresh_lexicon():  # type: ignore[no-untyped-def]
    """A lexicon with nothing derived yet (`load_lexicon`'s is cached, its derived tries too)."""
    import dataclasses

    return dataclasses.replace(load_lexicon())


def _pure(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Patch every compiled pass of the labels stage back to its reference."""
    monkeypatch.setattr(cards, "_card_letters", lambda: cards.card_letters)
    monkeypatch.setattr(tail, "_word_list_runs", lambda: tail.word_list_runs)
    monkeypatch.setattr(body_lines, "_caption_rows", lambda: body_lines.caption_rows)
    monkeypatch.setattr(html_labels, "_containers", lambda: html_labels.containers)
    monkeypatch.setattr(html_labels, "_teaser_pairs", lambda: html_labels.teaser_pairs)
    monkeypatch.setattr("warta.classify.markers._word_counter", lambda words: None)
    monkeypatch.setattr("warta.lexicon._spaced_trie", lambda rests, pattern, samples: None)
    monkeypatch.setattr(markers, "_line_scans", lambda: None)
    monkeypatch.setattr(markers, "_menu_counter", lambda words: None)
    monkeypatch.setattr(tail, "_company_rows", lambda: tail.company_rows)
    monkeypatch.setattr(body_lines, "_ending_rows", lambda: body_lines.ending_rows)
    for module in (body_lines, cards, tail, markers):
        monkeypatch.setattr(module, "_rows_labelled", lambda: body_lines.rows_labelled)
    for module in (body_lines, tail, markers, html_labels):
        monkeypatch.setattr(module, "_rows_in", lambda: body_lines.rows_in)
    monkeypatch.setattr("warta.classify.labels._ending_rows", lambda: body_lines.ending_rows)
    monkeypatch.setattr("warta.lexicon.Lexicon.ends_with_trie", lambda self, name: None)
    monkeypatch.setattr(
        cards, "_card_scans", lambda: cards._CardScans(cards.cut_excerpt_runs, cards.kicker_rows)
    )
    monkeypatch.setattr("warta.lexicon.Lexicon.starts_with_trie", lambda self, *names: None)
    return monkeypatch


def _labels(blocks: list[Block], kind: str) -> list[Label]:
    lexicon = load_lexicon()
    # Probabilities from the text alone: body for long lines, near misses and doubts in between.
    probs = [min(1.0, len(b.text) / 200) for b in blocks]
    labels = label_blocks(blocks, probs, lexicon, 0.5)
    return refine_html_labels(blocks, labels, probs, 0.5) if kind == "html" else labels


def _assert_same_labels(blocks: list[Block], kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = _labels(blocks, kind)
    _needle_index.cache_clear()
    try:
        with monkeypatch.context() as patch:
            _pure(patch)
            expected = _labels(blocks, kind)
    finally:
        _needle_index.cache_clear()
    assert found == expected


def test_labels_of_edge_cases(compiled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_same_labels(segment_text("\n\n".join(EDGES * 2)), "text", monkeypatch)


def test_benchmark_pages(compiled: None, shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    html = sorted((shared / "bench" / "scrapinghub" / "html").glob("*.html.gz"))[::8]
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::8]
    assert html and flat
    for path in html:
        blocks = segment_html(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")).blocks
        _assert_same_labels(blocks, "html", monkeypatch)
    for path in flat:
        _assert_same_labels(
            segment_text(path.read_text(encoding="utf-8", errors="replace")), "text", monkeypatch
        )


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    getters = (
        cards._card_letters,
        tail._word_list_runs,
        body_lines._caption_rows,
        html_labels._containers,
        html_labels._teaser_pairs,
        markers._line_scans,
        cards._card_scans,
        tail._company_rows,
        body_lines._ending_rows,
    )
    for getter in getters:
        getter.cache_clear()
    _needle_index.cache_clear()
    try:
        assert cards._card_letters() is cards.card_letters
        assert tail._word_list_runs() is tail.word_list_runs
        assert body_lines._caption_rows() is body_lines.caption_rows
        assert html_labels._containers() is html_labels.containers
        assert html_labels._teaser_pairs() is html_labels.teaser_pairs
        assert _phrase_index().spaced is None
        assert markers._line_scans() is None
        assert cards._card_scans() == (cards.cut_excerpt_runs, cards.kicker_rows)
        assert _fresh_lexicon().starts_with_trie("caption_prefix") is None
        assert _fresh_lexicon().ends_with_trie("related_header_suffix") is None
        assert tail._company_rows() is tail.company_rows
        assert body_lines._ending_rows() is body_lines.ending_rows
    finally:
        for getter in getters:
            getter.cache_clear()
        _needle_index.cache_clear()


_LINES = st.lists(
    st.text(
        alphabet=st.one_of(
            st.characters(codec="utf-8", exclude_characters="\n"),
            st.sampled_from("#›>»),, .jpgpngifwebpsvgavif[](){}🌉İ\u212a"),
        ),
        max_size=50,
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, within=st.integers(min_value=1, max_value=40))
def test_generated_line_scans(lines: list[str], within: int) -> None:
    scans = markers._line_scans()
    if scans is None:
        pytest.skip("the compiled line scans are not built")
    assert scans.shape_rows(lines) == markers.shape_rows(lines)
    assert scans.bracket_rows(lines, within) == markers.bracket_rows(lines, within)
    assert scans.digit_rows(lines) == markers.digit_rows(lines)


def test_line_scans(compiled: None) -> None:
    scans = markers._line_scans()
    assert scans is not None
    assert scans.shape_rows(EDGES) == markers.shape_rows(EDGES)
    assert scans.shape_rows(markers._PROBE) == markers.shape_rows(markers._PROBE)
    assert scans.bracket_rows(EDGES, 30) == markers.bracket_rows(EDGES, 30)
    assert scans.digit_rows(EDGES) == markers.digit_rows(EDGES)
    assert scans.digit_rows([]) == []


def test_digit_rows_every_code_point(compiled: None) -> None:
    # Each code point alone and opening a line, in 1-, 2- and 4-byte lines ("²", "٣", "𝟙" and
    # "½" among them: `str.isdigit` takes some that `int` does not).
    scans = markers._line_scans()
    assert scans is not None
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for width in ("", "Ā", "🌉"):
        lines = [line for c in points for line in (c, f"{c} komentar{width}", f"{width}{c}")]
        assert scans.digit_rows(lines) == markers.digit_rows(lines)


def test_company_rows_phrases_sharing_a_head(compiled: None) -> None:
    # Phrases grouped by their first characters: one group's head found late, another's early,
    # a phrase shorter than a head, an empty one, and a negative bound (counted from the end).
    rows = tail._company_rows()
    texts = [
        *tail._COMPANY_PROBE,
        "Acme Health is the leading maker of things, and more words follow here to pass eighty chars.",
        "Acme Health Ltd Group Inc. is a leading maker of things, and more words follow here, eighty.",
        "Acme is x and the rest of it goes on and on with more words to pass the eighty chars mark.",
        "İstanbul Ltd is a worldwide maker of bridges 🌉, and more words follow here to pass eighty.",
    ]
    norms = normalise_lines(texts)
    phrases_of = [
        (" is a global ", " is a leading ", " is the leading ", " is a worldwide "),
        (" is x", " is", " i", "", " is a leading "),
        (" is the leading ", " is a leading ", "bridges", "acme"),
    ]
    for phrases in phrases_of:
        for at_most in (-40, -1, 0, 5, 12, 30, 60):
            assert rows(texts, norms, phrases, at_most) == tail.company_rows(texts, norms, phrases, at_most)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_TEXT, max_size=8),
    lines=st.lists(_TEXT, max_size=10),
    tail=st.sampled_from(["", " ", "ab"]),
)
def test_generated_openings(words: list[str], lines: list[str], tail: str) -> None:
    from warta.classify._labelscan import Trie

    pattern = re.compile(trie_pattern(words))
    lines = lines + words + [w[:-1] for w in words] + [w + tail for w in words]
    assert Trie(words).opening(lines, tail) == [
        r for r, line in enumerate(lines) if pattern.match(line + tail)
    ]


def test_lexicon_prefix_tries(compiled: None) -> None:
    lexicon = load_lexicon()
    for names in (
        ("bio_header_prefix",),
        ("caption_prefix",),
        ("related_header_prefix",),
        markers._MARKER_PREFIXES,
    ):
        trie = lexicon.starts_with_trie(*names)
        assert trie is not None
        pattern = lexicon.starts_with_pattern(*names)
        lines = [*EDGES, *(p for name in names for p in getattr(lexicon, name))]
        for suffix in ("", " "):
            assert trie.opening(lines, suffix) == [
                r for r, line in enumerate(lines) if pattern.match(line + suffix)
            ]


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(_TEXT, max_size=20),
    limit=st.integers(min_value=0, max_value=80),
    skip=st.sets(st.integers(0, 20)),
)
def test_generated_menu_rows(lines: list[str], limit: int, skip: set[int]) -> None:
    words = load_lexicon().menu_words()
    counter = markers._menu_counter(words)
    if counter is None:
        pytest.skip("the compiled stopword counts are not built")
    menu = sorted(words)
    lines = lines + [" ".join([*menu[k : k + 3], line]) for k, line in enumerate(lines)]
    assert counter.menu_rows(lines, limit, skip) == markers.menu_rows(lines, limit, skip, words)


def _menu_rows_beyond_ascii_agree(lines: list[str]) -> None:
    """`_menu_rows_beyond_ascii` of the candidates `menu_rows` gives that are not ASCII, against
    `_menu_row_again` of each with no nav phrase (what `_plain_menu_rows` asked line by line)."""
    lexicon = load_lexicon()
    words = lexicon.menu_words()
    counter = markers._menu_counter(words)
    assert counter is not None
    norms = [norm for norm in normalise_lines(lines) if not norm.isascii() and len(norm.split()) >= 3]
    # (Lines that normalising again changes: full width, compatibility forms, "İ" lower-cased.)
    norms += [line for line in lines if not line.isascii() and len(line.split()) >= 3]
    expected = [norm for norm in norms if markers._menu_row_again(norm, norm.split(), lexicon, False)]
    assert list(markers._menu_rows_beyond_ascii(norms, counter, lexicon)) == expected


def test_menu_rows_beyond_ascii(require_compiled: Callable[[bool, str], None]) -> None:
    words = load_lexicon().menu_words()
    require_compiled(markers._menu_counter(words) is not None, "menu row counts")
    menu = sorted(words)
    _menu_rows_beyond_ascii_agree(
        [
            "Início Notícias Política Economia Esportes",
            "Beranda Berita Мост 🌉",
            f"{menu[0]} {menu[1]} Мост",
            f"{menu[0]} Мост Мост",
            f"{menu[0]}\u3000{menu[1]}\u00a0ſ x",
            f"İstanbul \u212a {menu[2]} {menu[3]}",
            f"ＨＯＭＥ ＮＥＷＳ {menu[4]} é",
            f"{menu[5]} ﬁ ① 𝐀𝐁",
            "a\u2003b\u0085c é",
            "",
        ]
    )


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(_TEXT, max_size=20))
def test_generated_menu_rows_beyond_ascii(lines: list[str]) -> None:
    words = load_lexicon().menu_words()
    if markers._menu_counter(words) is None:
        pytest.skip("the compiled stopword counts are not built")
    menu = sorted(words)
    lines = lines + [" ".join([*menu[k : k + 2], line, "é"]) for k, line in enumerate(lines)]
    _menu_rows_beyond_ascii_agree(lines)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_TEXT, max_size=8), lines=st.lists(_TEXT, max_size=10))
def test_generated_closings(words: list[str], lines: list[str]) -> None:
    from warta.classify._labelscan import Trie

    lines = lines + words + [w[1:] for w in words] + ["x" + w for w in words]
    expected = [r for r, line in enumerate(lines) if line.endswith(tuple(words))]
    assert Trie([w[::-1] for w in words]).closing(lines) == expected


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_TEXT, max_size=10), phrases=st.lists(_TEXT, max_size=4), at_most=st.integers(0, 70))
def test_generated_company_rows(texts: list[str], phrases: list[str], at_most: int) -> None:
    rows = tail._company_rows()
    if rows is tail.company_rows:
        pytest.skip("the compiled company rows are not built")
    texts = texts + [f"Acme {p} " + t * 3 for p, t in zip(phrases, texts, strict=False)] + tail._COMPANY_PROBE
    norms = normalise_lines(texts)
    assert rows(texts, norms, tuple(phrases), at_most) == tail.company_rows(
        texts, norms, tuple(phrases), at_most
    )


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(_TEXT, max_size=20),
    lasts=st.text(max_size=4),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_generated_ending_rows(lines: list[str], lasts: str, flags: tuple[bool, bool, bool]) -> None:
    rows = body_lines._ending_rows()
    if rows is body_lines.ending_rows:
        pytest.skip("the compiled line endings are not built")
    assert rows(lines, lasts, *flags) == body_lines.ending_rows(lines, lasts, *flags)


def test_containers_tokens_sharing_a_key_hash_bits(compiled: None) -> None:
    # The compiled lookup skips a token whose hash shares no low bits with a container token's:
    # tokens that do share them (found by trial) but are no container token's must still be
    # looked up and missed, as must non-ASCII and astral tokens and empty tuples.
    known = sorted(html_labels._container_or_pull_quote_token())
    low_bits = {hash(token) & 4095 for token in known}
    lookalikes = [f"x{k}" for k in range(200_000) if hash(f"x{k}") & 4095 in low_bits][:40]
    odd = ("İ", "\u212a", "ſ", "🌉", "related-𝐀", "KOMENTAR", "", "comment\u0130")
    tuples = [tuple(lookalikes[k : k + 5]) for k in range(0, len(lookalikes), 5)]
    tuples += [odd, (), (*lookalikes[:3], known[0]), (known[-1], *odd, known[1]), tuple(known)]
    for wrappers in (set(), {known[0]}, set(lookalikes[:2]) | {known[1]}):
        assert html_labels._containers()(tuples, wrappers) == html_labels.containers(tuples, wrappers)


def test_shape_rows_every_code_point(compiled: None) -> None:
    # The compiled scan skips most code points by a bit mask of the ASCII marks: each code point
    # below U+2200 (and some astral ones), alone, before a ")" that ends the line, and before
    # an image extension, in 1-, 2- and 4-byte lines.
    scans = markers._line_scans()
    assert scans is not None
    points = [*map(chr, range(0x2200)), "🌉", "𝐀", "\U0010ffff"]
    for width in ("", "Ā", "🌉"):
        lines = [
            line for c in points for line in (width + c, f"{width}{c})", f"{c}{width}.png", f"x{c}y{width}")
        ]
        lines = [line for line in lines if "\n" not in line]
        assert scans.shape_rows(lines) == markers.shape_rows(lines)
        # (The bracket scan reads code points below 256 from a table too.)
        for within in (1, 2, 30):
            assert scans.bracket_rows(lines, within) == markers.bracket_rows(lines, within)


def test_containers_of_fresh_and_subclassed_tokens(compiled: None) -> None:
    # The compiled lookup reads a token's hash from the str where it was computed: a token made
    # just now (its hash not computed yet) and a str subclass are hashed as Python hashes them.
    class Token(str):
        __slots__ = ()

    known = sorted(html_labels._container_or_pull_quote_token())
    fresh = ["".join([token[:1], token[1:]]) for token in known[:6]]
    tuples = [(*fresh[:3], "entry"), tuple(map(Token, known[3:6])), (Token("x"), "".join(["si", "debar"]))]
    for wrappers in (set(), {known[3]}):
        found = html_labels._containers()([*tuples, *map(tuple, map(list, tuples))], wrappers)
        assert found == html_labels.containers([*tuples, *map(tuple, map(list, tuples))], wrappers)


@dataclass(frozen=True)
class _LooseStructure:
    in_figure: bool = False
    in_blockquote: bool = False


@dataclass(frozen=True)
class _LooseBlock:
    text: str
    structure: _LooseStructure | BlockStructure


def test_caption_rows_of_other_block_objects(compiled: None) -> None:
    # The compiled rows read a `Block`'s and a `BlockStructure`'s fields from their slots, and any
    # other object's (a look-alike block, a look-alike structure) through its attributes.
    texts = [
        "Foto jembatan " * 5,
        "Foto: jembatan",
        "Gambar (dok)",
        "Reuters",
        "Teks biasa yang panjang " * 3,
    ]
    blocks: list[Any] = []
    for k, text in enumerate(texts):
        blocks += [
            _LooseBlock(text, _LooseStructure(in_figure=k == 0, in_blockquote=k == 1)),
            _LooseBlock(text, BlockStructure(in_figure=k == 1, in_blockquote=k == 0)),
            Block(index=k, text=text, structure=BlockStructure(in_figure=k == 2)),
        ]
    _assert_captions(blocks)


def test_flag_after_flags_the_lines_the_regex_index_flags(require_compiled) -> None:  # type: ignore[no-untyped-def]
    """`Trie.flag_after` (the phrases' matches found and flagged in one C loop) flags the lines
    that `JoinedLines.flags_of` flags with the regex of the same rests, on generated lines of
    the needles' words, letters around them and case-folding characters."""
    import random
    from dataclasses import replace

    from warta.lexicon import JoinedLines, _needle_index

    lists = (
        ("baca juga", "read more", "more stories"),
        ("baca", "juga ya", "foto: antara", "x y z"),
        ("more",),
    )
    index = _needle_index(lists, True)
    assert index is not None
    require_compiled(index.spaced is not None, "phrase trie")
    plain = replace(index, spaced=None)
    words = [
        "baca",
        "juga",
        "ya",
        "read",
        "more",
        "stories",
        "foto:",
        "antara",
        "x",
        "y",
        "z",
        "İ",
        "🌉",
        "a",
    ]
    rng = random.Random(29)
    for _ in range(2_000):
        lines = [
            "".join(rng.choice([*words, " ", " ", "\u212a"]) for _ in range(rng.randint(0, 9)))
            for _ in range(rng.randint(1, 5))
        ]
        probe = JoinedLines.of(lines)
        assert probe.flags_of(index, len(lists)) == probe.flags_of(plain, len(lists)), lines
