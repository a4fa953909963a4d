"""Marks a tool writes at every line's start: jusText's `<p>`/`<h>`/`<b>`, an e-mail reply's `> `."""

import warta
from warta.segment.linemarks import justext_marks, quoted_reply

_PARAGRAPHS = [
    "PALU - Dinas Perhubungan Sulawesi Tengah menambah dua kapal penyeberangan ke Pulau Togean mulai "
    "pekan depan karena jumlah wisatawan terus naik sejak awal tahun.",
    "Kepala dinas, Arman Lasimpo, mengatakan kapal tambahan akan berangkat dari Ampana setiap Selasa dan "
    "Jumat pagi, sehingga dalam sepekan ada enam pelayaran.",
    "Menurut dia, selama ini wisatawan harus menunggu hingga tiga hari untuk mendapatkan tiket karena kapal "
    "yang tersedia hanya satu dan sering penuh oleh penumpang lokal.",
    "Pengelola penginapan di Pulau Kadidiri, Rahma, menyambut baik tambahan kapal itu karena tamunya sering "
    "membatalkan pesanan akibat tidak kebagian tiket.",
]


def test_justext_marks_are_taken_off_every_line() -> None:
    text = (
        "<b> BerandaDaerahEkonomi\n<b> Kapal Tambahan ke Togean Mulai Berlayar Pekan Depan\n"
        "<b> Penulis: Nurhayati | Editor: Sutrisno\n"
        + "".join(f"<p> {p}\n" for p in _PARAGRAPHS[:2])
        + "<h> Wisatawan Menunggu Tiga Hari\n"
        + "".join(f"<p> {p}\n" for p in _PARAGRAPHS[2:])
        + "<b> Berita Terkait\n<b> Harga Tiket Kapal Ampana Naik\n"
    )
    plain = justext_marks(text)
    assert plain is not None
    assert "<p>" not in plain and "<b>" not in plain and "<h>" not in plain
    assert plain.split("\n\n")[1] == "Kapal Tambahan ke Togean Mulai Berlayar Pekan Depan"
    article = warta.extract(text, kind="text")
    assert article.title == "Kapal Tambahan ke Togean Mulai Berlayar Pekan Depan"
    assert article.body[0].text.startswith("PALU - Dinas Perhubungan")
    assert "Wisatawan Menunggu Tiga Hari" in article.headings


def test_a_page_that_is_not_marked_throughout_is_left_as_it_is() -> None:
    assert justext_marks("Judul\n<p> satu\n<p> dua\n<p> tiga\n<p> empat\n<p> lima") is None
    assert justext_marks("<p> satu\n<p> dua\nbaris biasa\nbaris biasa\nbaris biasa") is None


def test_a_reply_quoting_most_of_the_page_loses_one_level_of_quoting() -> None:
    quoted = "".join(f"> {p}\n>\n" for p in _PARAGRAPHS)
    text = "Terima kasih, ini untuk rapat Kamis.\n\nOn Mon, 3 Mar 2025, Ana wrote:\n" + quoted + "> > lama\n"
    plain = quoted_reply(text)
    assert plain is not None
    assert plain.startswith("Terima kasih, ini untuk rapat Kamis.\n")
    assert f"\n{_PARAGRAPHS[0]}\n\n" in plain
    assert plain.endswith("\n> lama\n")


def test_a_page_with_a_few_quoted_lines_is_left_as_it_is() -> None:
    text = (
        "\n\n".join(_PARAGRAPHS)
        + "\n\n"
        + "".join(f"> kutipan {k}\n" for k in range(8))
        + "\n".join(_PARAGRAPHS * 3)
    )
    assert quoted_reply(text) is None
