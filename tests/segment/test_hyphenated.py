"""A printed column read line by line (OCR): words broken by a hyphen at a line's end joined again."""

import warta
from warta.segment.hyphenated import hyphen_broken_lines

_COLUMN = (
    "Warga di tepi Sungai Kapu-\n"
    "as mulai mengungsi setelah air\n"
    "naik hampir satu meter. Peme-\n"
    "rintah kabupaten mendirikan\n"
    "tenda di halaman kantor ca-\n"
    "mat dan menyiapkan dapur u-\n"
    "mum untuk masing-\n"
    "masing keluarga yang menung-\n"
    "gu air surut.\n"
)


def test_words_broken_at_a_line_s_end_are_joined_again() -> None:
    plain = hyphen_broken_lines(_COLUMN)
    assert plain is not None
    assert "Pemerintah\nkabupaten" in plain
    assert "camat\ndan" in plain and "umum\nuntuk" in plain
    assert "masing-masing\nkeluarga" in plain  # a doubled word keeps its hyphen
    assert "menunggu\nair surut." in plain
    assert plain.startswith("Warga di tepi Sungai Kapuas\nmulai mengungsi")


def test_a_capitalised_half_or_a_few_breaks_are_left_as_they_are() -> None:
    assert hyphen_broken_lines("Rute Jawa-\nBali dibuka.\nSatu dua-\ntiga.") is None
    assert "Jawa-\nBali" in (hyphen_broken_lines("Rute Jawa-\nBali.\n" + _COLUMN) or "")


def test_an_ocr_column_reads_as_whole_words() -> None:
    page = "Banjir Rendam Tepian Kapuas\n\nPONTIANAK —\n" + _COLUMN * 2
    assert "Pemerintah kabupaten mendirikan" in warta.extract(page, kind="text").text
