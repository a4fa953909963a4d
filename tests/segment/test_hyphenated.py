"""A printed column read line by line (OCR): words broken by a hyphen at a line's end joined again."""

import warta
from warta.segment.hyphenated import hyphen_broken_lines

_COLUMN = (
    "Warga di tepi Sungai Kapuas mu-\n"
    "lai mengungsi setelah air naik\n"
    "hampir satu meter. Pemerintah ka-\n"
    "bupaten mendirikan tenda di ha-\n"
    "laman kantor camat dan menyiap-\n"
    "kan dapur umum untuk masing-\n"
    "masing keluarga yang menung-\n"
    "gu air surut di pengungsian.\n"
)


def test_words_broken_at_a_line_s_end_are_joined_again() -> None:
    plain = hyphen_broken_lines(_COLUMN)
    assert plain is not None
    assert plain.startswith("Warga di tepi Sungai Kapuas mulai\nmengungsi")
    assert "Pemerintah kabupaten\nmendirikan" in plain and "halaman\nkantor" in plain
    assert "untuk masing-masing\nkeluarga" in plain  # a doubled word keeps its hyphen
    assert "menunggu\nair surut" in plain


def test_a_capitalised_half_a_few_breaks_or_a_label_s_dash_are_left_as_they_are() -> None:
    assert hyphen_broken_lines("Rute kapal cepat Jawa-\nBali dibuka.\nSatu dua-\ntiga.") is None
    assert "Jawa-\nBali" in (hyphen_broken_lines("Rute kapal cepat baru Jawa-\nBali.\n" + _COLUMN) or "")
    # bs4's '<b>Body aches-</b> try …': a short label ending in a dash over a long line of text
    labels = "".join(
        f"Symptom number {k}-\ntry a long line of advice that runs well past the label\n" for k in range(6)
    )
    assert hyphen_broken_lines(labels) is None


def test_an_ocr_column_reads_as_whole_words() -> None:
    page = "Banjir Rendam Tepian Kapuas\n\nPONTIANAK —\n" + _COLUMN * 2
    assert "Pemerintah kabupaten mendirikan" in warta.extract(page, kind="text").text
