"""A PDF's text as `pdftotext -layout` writes it (`warta.segment.pdflayout`): paragraphs back."""

import warta
from warta.segment.pdflayout import pdf_layout_text

PAGE_ONE = """\
KORAN PESISIR                 KOTA                 SELASA, 6 MEI 2025


Jembatan Lama Ditutup,
Warga Memutar Tiga Kilometer
Dua tiang penyangga retak, perbaikan butuh tiga bulan
                                                            IKLAN
                                                            Sedot WC 24 Jam
FOTO: ANDI SAPUTRA/KORAN PESISIR

   BONTANG – Pemerintah kota menutup jembatan lama di atas Sungai Guntung mu-
lai Senin (5/5) karena retakan pada dua tiang penyangganya makin lebar.
   Warga yang biasa melintas kini harus memutar tiga kilometer lewat jalan masing-
masing kelurahan.
                                                     Bersambung ke hal. 7


www.korankpesisir.example                                                      5
\f"""
PAGE_TWO = """\
SELASA, 6 MEI 2025                 KOTA                 KORAN PESISIR


Sambungan dari hal. 5
Warga Memutar Tiga Kilometer
   Kepala dinas mengatakan perbaikan ditargetkan selesai sebelum Agustus. (ans/k9)


www.korankpesisir.example                                                      7
\f"""


def test_pages_become_paragraphs_without_running_lines_jumps_or_broken_words() -> None:
    text = pdf_layout_text(PAGE_ONE + PAGE_TWO)
    assert text is not None
    units = text.split("\n\n")
    assert units[:3] == ["KORAN PESISIR", "KOTA", "SELASA, 6 MEI 2025"]  # the first head stays
    assert "Jembatan Lama Ditutup, Warga Memutar Tiga Kilometer" in units  # a headline over two lines
    assert "IKLAN" not in text and "Sedot WC" not in text  # a box beside the column
    assert (
        "BONTANG – Pemerintah kota menutup jembatan lama di atas Sungai Guntung mulai Senin (5/5) "
        "karena retakan pada dua tiang penyangganya makin lebar." in units
    )
    # a doubled word broken at its hyphen keeps it
    assert (
        "Warga yang biasa melintas kini harus memutar tiga kilometer lewat jalan masing-masing kelurahan."
        in units
    )
    for gone in ("Bersambung", "Sambungan", "www.korankpesisir", "SELASA, 6 MEI 2025                 KOTA"):
        assert gone not in text
    assert units.count("Warga Memutar Tiga Kilometer") == 0  # the jump head under the jump line
    assert units[-1] == "Kepala dinas mengatakan perbaikan ditargetkan selesai sebelum Agustus. (ans/k9)"


def test_text_without_a_form_feed_is_left_alone() -> None:
    assert pdf_layout_text("   An indented line.\nAnother line.") is None


def test_an_e_paper_page_reads_as_one_article() -> None:
    article = warta.extract(PAGE_ONE + PAGE_TWO, kind="text")
    assert article.title == "Jembatan Lama Ditutup, Warga Memutar Tiga Kilometer"
    assert article.body[0].text.startswith("BONTANG – Pemerintah kota menutup jembatan lama")
    assert article.body[-1].text.startswith("Kepala dinas mengatakan perbaikan")
    assert article.headings == []
    assert "Bersambung" not in article.text and "mu- lai" not in article.text
