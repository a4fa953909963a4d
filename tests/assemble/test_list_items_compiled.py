"""The compiled list entries give exactly the entries of the Python loop.

`warta.assemble.lists._entries` (a related or sidebar section's lines read as titles, dates and
teasers) is the reference of `warta.assemble._body.list_items`, which does the loop in C and
asks the lexicon's tests (date line, inline date, menu row) of the same Python functions.
Checked on edge cases (case- and width-changing code points, astral text, digits of other
scripts, whitespace other than spaces, empty lines), generated lines and the fixtures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.assemble.lists import (
    _compiled_entries,
    _compiled_list_items,
    _entries,
    _inline_dated,
    _list_items,
    _page_footer_start,
    _PhraseFlags,
    _without_ranks,
)
from warta.classify.features import is_date_line
from warta.classify.markers import is_menu_row_normalised, section_headers
from warta.lexicon import load_lexicon, normalise_lines, normalise_marker
from warta.model import Block, BlockStructure, Label, ListItem
from warta.segment.text import segment_text

LEX = load_lexicon()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ListItems = Callable[..., "list[ListItem] | None"]


@pytest.fixture(scope="module")
def list_items(require_compiled: Callable[[bool, str], None]) -> ListItems:
    found = _compiled_list_items()
    require_compiled(found is not None, "list entries")
    assert found is not None
    return found


def _both(list_items: ListItems, blocks: list[Block]) -> tuple[list[ListItem] | None, list[ListItem]]:
    """The compiled entries of `blocks` and the Python ones."""
    norms = normalise_lines([block.text for block in blocks])
    distinct = list(dict.fromkeys(norms))
    headers = section_headers(distinct, LEX)
    phrases = _PhraseFlags.of(distinct, LEX)
    found = _compiled_entries(list_items, blocks, norms, LEX, headers, phrases)
    return found, _entries(blocks, norms, LEX, headers, phrases)


def _blocks(lines: list[tuple[str, str | None]]) -> list[Block]:
    return [Block(i, text, BlockStructure(href=href)) for i, (text, href) in enumerate(lines)]


EDGE_LINES: list[tuple[str, str | None]] = [
    ("", None),
    ("Terpopuler", None),
    ("İstanbul’da büyük gün yeni köprü açıldı", "/1"),
    ("12 Şubat 2026", None),
    ("\u212a Kelvin sign opens this headline line", "/2"),
    ("ſome long ſ headline with the long s in it", "/3"),
    ("🌉 Jembatan 𝐀𝐁 baru dibuka 𝟙 untuk umum", "/4"),
    ("Harga emas ٣ turun tajam hari ini", None),
    ("\u00a0\u2003Harga beras naik lagi di pasar induk\u3000", "/5"),
    ("Harga beras naik lagi di pasar induk", "/5"),
    ("Tiga pekan lalu, harga beras naik lagi di pasar induk sampai dua kali lipat kata pedagang", None),
    ("Dua kata", None),
    ("Menteri meninjau lokasi banjir – 07 Maret 2026", "/6"),
    ("3 jam lalu", None),
    ("Home News Sport Tekno", None),
    ("1 Pertama judul berita populer hari ini", "/7"),
    ("2 Kedua judul berita populer hari ini", "/8"),
    ("x²", None),
    ("ΟΔΟΣ ΚΑΙ ΟΔΟΣ νέα γέφυρα", None),
    # Menu rows: half the words menu words or more, and nav phrases (two make a row, one does not).
    ("About Kontak Redaksi Berita Terkini", "/9"),
    ("Kebijakan Data Pribadi dan Términos y Condiciones situs", "/10"),
    ("Kebijakan Data Pribadi untuk pembaca setia kami", "/11"),
    ("Accueil Actualités Ausland", None),
]


def test_edge_lines(list_items: ListItems) -> None:
    lines = EDGE_LINES
    for start in range(len(lines)):
        found, expected = _both(list_items, _blocks(lines[start:]))
        assert found == expected


def test_empty_section(list_items: ListItems) -> None:
    assert _both(list_items, []) == ([], [])


def test_what_it_leaves_to_python(list_items: ListItems) -> None:
    blocks = _blocks(EDGE_LINES[:3])
    norms = normalise_lines([block.text for block in blocks])
    headers = dict.fromkeys(norms)
    nav = dict.fromkeys(norms, False)
    tests = (LEX, LEX.menu_words(), is_date_line, _inline_dated, is_menu_row_normalised, normalise_marker)
    odd = Block(0, "Harga beras naik lagi di pasar", object())  # type: ignore[arg-type]
    assert (
        list_items(
            [odd],
            ["harga beras naik lagi di pasar"],
            headers | {"harga beras naik lagi di pasar": None},
            nav,
            *tests,
        )
        is None
    )
    assert list_items(blocks, norms[:-1], headers, nav, *tests) is None


_WORDS = st.sampled_from(
    [
        "Harga", "beras", "naik", "lagi", "12", "Maret", "2026", "jam", "lalu", "·", "–", "|",
        "Home", "News", "Terpopuler", "İ", "\u212a", "ſ", "𝟙", "٣", "🌉", "Berita", "banjir",
        "About", "Accueil", "Kebijakan Data Pribadi", "términos y condiciones",
        "港北港に", "大型クルーズ船", "関連記事", "カ", "、", "1港", "\u3000", "\U00020000\U00020001",
    ]
)  # fmt: skip
_SPACES = st.sampled_from([" ", "  ", "\u00a0", "\t", " \u2003 "])
_LINES = st.tuples(
    st.lists(st.tuples(_WORDS, _SPACES), max_size=16).map(lambda parts: "".join(w + s for w, s in parts)),
    st.sampled_from([None, "/a", "/b"]),
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_LINES, max_size=14))
def test_generated_lines(lines: list[tuple[str, str | None]]) -> None:
    found = _compiled_list_items()
    if found is None:
        pytest.skip("the compiled list entries are not in use")
    got, expected = _both(found, _blocks(lines))
    assert got == expected


def test_fixture_pages(list_items: ListItems) -> None:
    """Every fixture page's lines, read as one section."""
    texts = sorted(FIXTURES.rglob("*.txt"))
    assert texts
    for path in texts:
        blocks = segment_text(path.read_text(encoding="utf-8"))
        found, expected = _both(list_items, blocks)
        assert found == expected, path.name


def test_list_items_is_the_entries_without_ranks(list_items: ListItems) -> None:
    blocks = _blocks(EDGE_LINES)
    norms = normalise_lines([block.text for block in blocks])
    distinct = list(dict.fromkeys(norms))
    headers = section_headers(distinct, LEX)
    phrases = _PhraseFlags.of(distinct, LEX)
    assert _list_items(blocks, norms, LEX, headers, phrases) == _without_ranks(
        _entries(blocks, norms, LEX, headers, phrases)
    )


def test_pure_python_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_PURE_PYTHON", "1")
    _compiled_list_items.cache_clear()
    try:
        assert _compiled_list_items() is None
    finally:
        _compiled_list_items.cache_clear()


def test_page_footer_start() -> None:
    body, footer, other = Label.BODY, Label.FOOTER, Label.OTHER
    assert _page_footer_start([body, footer, other]) == 1
    assert _page_footer_start([footer, body, other]) == 3  # a '©' above the body's end is no footer
    assert _page_footer_start((other, footer)) == 1  # any sequence
    assert _page_footer_start([]) == 0
