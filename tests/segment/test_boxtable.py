"""Tables drawn with box-drawing characters (`warta.segment.boxtable`): rows of cells, no borders."""

import warta
from warta.segment.boxtable import box_table_rows

TABLE = """\
┌──────────┬──────┬─────┐
│Kecamatan │Harga │Luas │
├──────────┼──────┼─────┤
│Lape      │5.600 │1.930│
└──────────┴──────┴─────┘"""


def test_border_lines_go_and_each_row_is_a_line_of_its_own() -> None:
    text = box_table_rows(f"Harga gabah:\n{TABLE}\nSetelah tabel.")
    assert text is not None
    assert "─" not in text and "│" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == [
        "Harga gabah:",
        "Kecamatan   Harga   Luas",
        "Lape        5.600   1.930",
        "Setelah tabel.",
    ]


def test_a_page_without_a_drawn_table_is_left_alone() -> None:
    assert box_table_rows("Plain text | with a bar.\nAnother line.") is None
    assert box_table_rows("A lone │ rule in a sentence, no border line.") is None


def test_a_subheading_right_after_a_table_is_a_subheading() -> None:
    lead = (
        "SUMBAWA - Harga gabah kering panen di tingkat petani turun tajam saat panen raya bulan ini, "
        "jauh di bawah harga pembelian pemerintah."
    )
    paragraph = (
        "Pemimpin Cabang Bulog Sumbawa mengakui penyerapan gabah petani belum maksimal karena "
        "kapasitas gudang yang ada sudah hampir penuh sejak awal bulan."
    )
    table = TABLE.replace("└", "│Moyo      │5.300 │4.120│\n└")
    page = f"Harga Gabah Anjlok\n\n{lead}\n\nData harga sebagai berikut:\n\n{table}\n\nSerapan Bulog Terbatas\n\n{paragraph}\n"
    article = warta.extract(page, kind="text")
    assert article.headings == ["Serapan Bulog Terbatas"]
    assert "Lape 5.600 1.930" in article.text
