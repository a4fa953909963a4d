"""segment_text: flattened page text → blocks with layout structure."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.segment.text import _LAID_OUT_ROW, _single_spaces, holds_laid_out_row, segment_text


def texts(source: str) -> list[str]:
    return [b.text for b in segment_text(source)]


def test_each_non_empty_line_is_a_block() -> None:
    blocks = segment_text("Judul\nbaris dua\n\n\nbaris tiga\n")
    assert [b.text for b in blocks] == ["Judul", "baris dua", "baris tiga"]
    assert [b.index for b in blocks] == [0, 1, 2]


def test_blank_lines_become_structure() -> None:
    first, second, third = segment_text("Judul\nbaris dua\n\nbaris tiga")
    assert first.structure.blank_before  # the page start counts as a break
    assert not first.structure.blank_after
    assert not second.structure.blank_before and second.structure.blank_after
    assert third.structure.blank_before and not third.structure.blank_after


def test_whitespace_only_lines_count_as_blank() -> None:
    _, second = segment_text("satu\n \t\u00a0\ndua")
    assert second.structure.blank_before


@pytest.mark.parametrize(
    "line",
    ["• Item", "* Item", "- Item", "– Item", "▪ Item", "► Item", "1. Item", "12) Item", "  • Item"],
)
def test_bullets_are_stripped_and_flagged(line: str) -> None:
    (block,) = segment_text(line)
    assert block.text == "Item"
    assert block.structure.bullet


@pytest.mark.parametrize("line", ["-5 derajat di puncak", "2026 adalah tahun", "*/S-01", "•tanpa spasi"])
def test_text_that_only_looks_like_a_bullet(line: str) -> None:
    (block,) = segment_text(line)
    assert block.text == line
    assert not block.structure.bullet


def test_inner_whitespace_is_collapsed() -> None:
    assert texts("Harga\u00a0 cabai\t\tnaik\u200b lagi  ") == ["Harga cabai naik lagi"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    assert texts(newline.join(["satu", "", "dua"])) == ["satu", "dua"]


def test_offsets_point_into_the_source() -> None:
    source = "Judul berita\r\n\r\nParagraf   pertama.\nParagraf kedua.\n"
    for block in segment_text(source):
        raw = source[block.start : block.end]
        assert " ".join(raw.split()) == block.text


def test_long_lines_are_cut_at_sentence_ends() -> None:
    sentence = "Ini adalah kalimat yang cukup panjang untuk pengujian. "
    line = sentence * 40
    blocks = segment_text(line, max_line_chars=300)
    assert len(blocks) > 1
    assert all(len(b.text) <= 300 for b in blocks)
    assert all(b.text.endswith(".") for b in blocks[:-1])
    assert " ".join(b.text for b in blocks) == line.strip()


def test_long_line_without_spaces_is_cut_hard() -> None:
    blocks = segment_text("x" * 1000, max_line_chars=300)
    assert "".join(b.text for b in blocks) == "x" * 1000
    assert all(len(b.text) <= 300 for b in blocks)


def test_empty_input() -> None:
    assert segment_text("") == []
    assert segment_text("\n\n  \n") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abc xyz.•-\t", max_size=30), max_size=30))
def test_blocks_are_the_non_empty_lines_in_order(lines: list[str]) -> None:
    blocks = segment_text("\n".join(lines))
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(b.text and b.text == b.text.strip() for b in blocks)
    assert all("  " not in b.text for b in blocks)
    starts = [b.start for b in blocks]
    assert starts == sorted(starts)


def test_invisible_characters_are_dropped_not_spaced() -> None:
    blocks = segment_text("Assis\u00adtance pro\u200bgram\nword\u2060joiner\n\u200b\n")
    assert [b.text for b in blocks] == ["Assistance program", "wordjoiner"]


def test_block_count_is_bounded() -> None:
    # 100,000 lines took 10 s after segmentation, in stages the time limit cannot interrupt.
    # (The pipeline flags a page that reaches MAX_BLOCKS whatever its kind: see test_adversarial_html.)
    from warta.segment import MAX_BLOCKS

    text = "\n".join(f"Baris nomor {i} dari halaman yang sangat panjang." for i in range(MAX_BLOCKS + 5_000))
    blocks = segment_text(text)
    assert len(blocks) == MAX_BLOCKS and blocks[-1].text.startswith(f"Baris nomor {MAX_BLOCKS - 1} ")


def test_single_spaces_is_the_space_pattern() -> None:
    pattern = re.compile(r"[ \t\u00a0\u3000]+")
    rng = random.Random(8)
    alphabet = [" ", " ", " ", "\t", "\u00a0", "\u3000", "\u2009", "\x1f", "a", "b", "é", "-"]
    for _ in range(2000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        assert _single_spaces(line) == pattern.sub(" ", line), repr(line)
    assert _single_spaces("a" + " " * 100 + "b") == "a b"


def test_leading_url_is_a_lone_address_on_the_first_line_only() -> None:
    from warta.segment.text import leading_url

    assert leading_url("  https://a.example/x/y?z=1 \nJudul\n") == ("Judul\n", "https://a.example/x/y?z=1")
    assert leading_url("https://a.example/x") == ("", "https://a.example/x")
    assert leading_url("Judul\nhttps://a.example/x\n")[1] is None  # not the first line
    assert leading_url("https://a.example/x dibuka\nJudul")[1] is None  # more than the address
    assert leading_url("https://localhost\nJudul")[1] is None  # no dotted host


_WRAPPED_PARAGRAPHS = [
    "PT Kereta Api memastikan layanan kereta bandara yang menghubungkan Stasiun Tawang dengan"
    " Bandara Jenderal Ahmad Yani mulai beroperasi pada pekan kedua Juni. Tarif sekali jalan"
    " ditetapkan Rp20 ribu per penumpang.",
    "Pada tahap awal, kereta akan melayani 24 perjalanan setiap hari, mulai pukul 04.30 hingga"
    " 21.00 WIB. Jumlah perjalanan akan ditambah bila jumlah penumpang terus meningkat.",
    "Pengelola bandara menyambut baik rencana tersebut. General Manager Bandara Ahmad Yani menyebut"
    " jumlah penumpang bandara rata-rata mencapai 11 ribu orang per hari.",
    "Menurut dia, stasiun bandara dibangun terintegrasi dengan terminal keberangkatan sehingga"
    " penumpang cukup berjalan kaki sekitar tiga menit untuk mencapai area lapor diri.",
]


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_paragraphs_a_scraper_hard_wrapped_are_one_block_each(width: int) -> None:
    """A scraper that keeps hard line breaks every `width` characters (held-out
    semarang-hardwrap-80): each paragraph is one block again, whatever word a line ends on
    ('... Bandara Jenderal Ahmad' / 'Yani mulai ...', '... mulai pukul' / '04.30 hingga ...')."""
    import textwrap

    # A headline about as long as the wrap, over a byline: two lines, not one paragraph.
    headline = "Kereta Bandara Mulai Beroperasi Juni, Tarif Rp20 Ribu per Penumpang Sekali Jalan"[
        : width - 4
    ].strip()
    head = f"{headline}\nPenulis: Dimas Prasetyo\nSelasa, 20 Mei 2025 10:05 WIB\n\n"
    body = "\n\n".join(textwrap.fill(p, width) for p in _WRAPPED_PARAGRAPHS)
    got = texts(head + body + "\n\n• Kereta bandara kini punya jadwal baru\n• Tiket dijual di stasiun\n")
    assert got == [
        headline,
        "Penulis: Dimas Prasetyo",
        "Selasa, 20 Mei 2025 10:05 WIB",
        *_WRAPPED_PARAGRAPHS,
        "Kereta bandara kini punya jadwal baru",
        "Tiket dijual di stasiun",
    ]


def test_lines_that_each_end_a_sentence_are_no_wrapped_paragraph() -> None:
    # One short sentence a line, each as long as the next: a list of lines, not a wrap.
    lines = [f"Baris nomor {i} dari halaman yang sangat panjang sekali." for i in range(20)]
    assert texts("\n".join(lines)) == lines
    # Unwrapped paragraphs (a line longer than any wrap) are never joined.
    page = "Judul berita yang cukup panjang untuk sebuah halaman ini\n" + "Kalimat panjang. " * 10
    assert len(texts(page)) == 2


def test_the_address_a_syndicated_copy_prints_is_found_by_its_title_words() -> None:
    from warta.segment.text import titled_url

    lines = [
        "Artikel ini telah tayang di KabarJatim dengan judul ...",
        "Klik untuk baca: https://www.kabarjatim.example/berita/2025/06/10/banjir-rob-rendam-rumah-di-gresik.",
    ]
    title = "Banjir Rob Rendam Ratusan Rumah di Gresik"
    assert (
        titled_url(lines, title)
        == "https://www.kabarjatim.example/berita/2025/06/10/banjir-rob-rendam-rumah-di-gresik"
    )
    # a share link or another story's address spells other words
    assert (
        titled_url(
            [
                "https://www.facebook.com/groups/mediaislam",
                "https://x.example/2025/06/09/harga-cabai-naik-lagi",
            ],
            title,
        )
        is None
    )
    assert titled_url(lines, None) is None
    # the lead photo's file, named after the story, is no page
    photo = "https://img.kabarjatim.example/2025/06/banjir-rob-rendam-rumah-di-gresik.jpg"
    assert titled_url([photo], title) is None


def test_a_flattened_post_that_prints_its_own_address_gives_the_article_its_url() -> None:
    import warta

    address = "https://kabarjatim.example/berita/2025/06/10/banjir-rob-rendam-rumah-di-gresik"
    page = (
        "Banjir Rob Rendam Ratusan Rumah di Gresik\n\n"
        + "Air laut pasang merendam ratusan rumah warga di pesisir Gresik sejak Selasa pagi, kata petugas. "
        * 3
        + "\n\nWarga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut pada sore hari. "
        * 2
        + f"\n\nBaca selengkapnya: {address}\n"
    )
    article = warta.extract(page, kind="text")
    assert article.url == address
    assert address not in [item.title for item in article.read_also]


def test_rows_of_a_table_laid_out_in_columns_are_marked_in_table():
    text = (
        "Jadwal kereta berikut berlaku mulai Kamis:\n\n"
        "    Kereta   Tujuan          Berangkat  Tiba\n"
        "    KA 12    Bandung – Garut  07.10      09.35\n"
        "    KA 14    Garut – Bandung  13.20      15.45\n\n"
        "Tiket  dijual di stasiun.\n"  # one double space: a typo, not a column
    )
    blocks = segment_text(text)
    assert [b.text for b in blocks if b.structure.in_table] == [
        "Kereta Tujuan Berangkat Tiba",
        "KA 12 Bandung – Garut 07.10 09.35",
        "KA 14 Garut – Bandung 13.20 15.45",
    ]
    assert not blocks[0].structure.in_table and not blocks[-1].structure.in_table


def test_a_single_line_with_column_gaps_is_no_table():
    blocks = segment_text("Harga   naik   lagi\n\nParagraf biasa yang panjang.")
    assert not any(b.structure.in_table for b in blocks)


def test_a_numbered_subheading_keeps_its_number_a_numbered_list_does_not() -> None:
    text = (
        "Three habits keep a bicycle chain running for years.\n\n"
        "1. Clean it after rain\n\n"
        "Road grit and water wear the links down faster than any mileage does.\n\n"
        "2. Oil it once a month\n\n"
        "A few drops on each link are enough; wipe off what is left over.\n\n"
        "What to bring:\n"
        "1. A rag\n"
        "2. Chain oil\n"
    )
    texts = [b.text for b in segment_text(text)]
    assert "1. Clean it after rain" in texts
    assert "2. Oil it once a month" in texts
    assert texts[-2:] == ["A rag", "Chain oil"]
    # Ranked titles set apart over a date or a short teaser are list entries: no number back.
    ranked = (
        "1. Ferry timetable changes\n\n12 March 2026\n\n2. Harbour wall repairs begin\n\nWork starts soon\n"
    )
    assert [b.text for b in segment_text(ranked)][::2] == [
        "Ferry timetable changes",
        "Harbour wall repairs begin",
    ]


def test_the_laid_out_row_pre_test_agrees_with_its_regex():
    # `holds_laid_out_row` searches only the lines that hold a gap, each on its own: the same
    # answer on every text made of letters, spaces, tabs, no-break spaces and line breaks.
    pieces = ["a", "b", " ", " ", " ", "\t", "\n", "\r", "\xa0"]
    rng = random.Random(24)
    texts = ["", "a  b  c", "a  b\nc  d", "  a  b", "a\tb\tc", "a\t\tb", "ab  ", "a  \n  b  c"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20_000)]
    for text in texts:
        assert holds_laid_out_row(text) == (_LAID_OUT_ROW.search(text) is not None), repr(text)


def _heading_numbers_by_every_line(text: str, blocks: list) -> None:
    """`keep_heading_numbers` as first written: every line's flags read in the loop."""
    from warta.assemble.body import is_heading_like
    from warta.segment import new_block
    from warta.segment.text import _NUMBER, _PARAGRAPH_FACTOR, _SENTENCE_END

    for k in range(len(blocks) - 1):
        block = blocks[k]
        structure = block.structure
        if not (structure.bullet and structure.blank_before and structure.blank_after):
            continue
        below = blocks[k + 1]
        if (
            below.structure.bullet
            or not below.text.endswith(_SENTENCE_END)
            or len(below.text.split()) < _PARAGRAPH_FACTOR * len(block.text.split())
        ):
            continue
        number = _NUMBER.match(text, block.start, block.end)
        if number is None or block.text[0].isdigit() or not is_heading_like(block.text):
            continue
        blocks[k] = new_block(
            block.index, f"{number.group(1)} {block.text}", structure, block.start, block.end
        )


def test_heading_numbers_given_back_agree_with_a_loop_over_every_line() -> None:
    from warta.segment import MAX_BLOCKS
    from warta.segment.text import _segmenter, keep_heading_numbers

    lines = [
        "1. Clean it after rain",
        "2) Oil it once a month",
        "- A rag",
        "3. 12 March 2026",
        "Road grit and water wear the links down faster than any mileage does, every single winter.",
        "Short line.",
        "Work starts soon",
        "",
        "",
    ]
    rng = random.Random(25)
    numbered = 0
    for _ in range(400):
        text = rng.choice(["\n", "\n\n"]).join(rng.choice(lines) for _ in range(rng.randint(0, 14)))
        blocks = _segmenter()(text, 20_000, MAX_BLOCKS)  # (before the numbers are given back)
        mine, reference = list(blocks), list(blocks)
        keep_heading_numbers(text, mine)
        _heading_numbers_by_every_line(text, reference)
        assert [(b.text, b.structure) for b in mine] == [(b.text, b.structure) for b in reference]
        numbered += mine != blocks
    assert numbered > 20  # (the texts give numbers back, not only keep them off)


@pytest.mark.parametrize(
    "line",
    [
        "– Vi förstår att det blir besvärligt, säger Maria Holmberg.",
        "— Nie czekamy dłużej – mówił prezydent.”",
        "– Bendungan itu mengairi 3.000 hektare sawah.",
    ],
)
def test_a_dash_opening_a_finished_sentence_is_a_quotation_dash_not_a_bullet(line: str) -> None:
    # Scandinavian and Polish papers open a quote with a dash; bs4 puts a dateline's dash on the
    # paragraph's line. A dash item ending no sentence ("– Item") is still a bullet.
    from warta.segment.text import segment_text_python

    for segment in (segment_text, segment_text_python):
        (block,) = segment(line)
        assert block.text == line
        assert not block.structure.bullet
