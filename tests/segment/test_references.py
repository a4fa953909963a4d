"""Numbered link references (html2text's `[text][3]`, lynx's `[3]text`) read as inline links."""

from __future__ import annotations

import warta
from warta.segment.references import inline_references

# A small English page through html2text with `inline_links = False`.
HTML2TEXT_REFS = """[Home][1] [Local][2] [Sport][3] [Weather][4]

# Library opens on Sundays after readers ask

By [Ruth Abara][5]

The town library will open on Sunday afternoons from next month, the council said on Tuesday,
after more than five hundred readers signed a letter asking for weekend hours.

**Read more:** [Council budget leaves library hours
unchanged][6]

The trial will run for six months and the council will count visitors every week before it
decides whether the Sunday opening stays for good.

## Related stories

  * [Mobile library van returns to the villages][7]
  * [Reading club for children fills in a day][8]

   [1]: https://town.example/
   [2]: https://town.example/local
   [3]: https://town.example/sport
   [4]: https://town.example/weather
   [5]: https://town.example/staff/ruth-abara
   [6]: https://town.example/local/library-budget
   [7]: https://town.example/local/mobile-library
   [8]: https://town.example/local/reading-club
"""

# The same kind of page as `lynx -dump` writes it: link numbers before the link text, the text
# wrapped with an indent, the addresses in a numbered `References` list at the end.
LYNX = """   [1]Beranda [2]Daerah [3]Ekonomi [4]Olahraga

Pasar Ikan Baru Dibuka di Tepi Sungai

   Oleh [5]Siti Rahma | Senin, 2 Juni 2025

   [6]
   Pedagang menata ikan di pasar baru. (Foto: Siti Rahma)

   PALEMBANG - Pasar ikan baru di tepi Sungai Musi dibuka pada Senin pagi
   dan langsung didatangi ratusan pembeli dari berbagai kecamatan di kota.

   [7]Baca juga: Harga Ikan Patin di Palembang Turun Jelang Musim
   Panen

   Pedagang mengatakan tempat baru itu lebih bersih dan lebih mudah
   dijangkau daripada pasar lama di bawah jembatan.

Berita Terkait

     * [8]Jembatan Ampera Ditutup Sementara Malam Ini
     * [9]Festival Perahu Bidar Digelar Agustus

References

   Visible links:
   1. https://kabar.example/
   2. https://kabar.example/daerah
   3. https://kabar.example/ekonomi
   4. https://kabar.example/olahraga
   5. https://kabar.example/penulis/siti-rahma
   6. https://kabar.example/img/pasar.jpg
   7. https://kabar.example/ekonomi/harga-patin
   8. https://kabar.example/daerah/ampera-ditutup
   9. https://kabar.example/daerah/festival-bidar
"""


def test_html2text_reference_links_are_written_inline() -> None:
    text = inline_references(HTML2TEXT_REFS)
    assert text is not None
    assert "[Home](https://town.example/)" in text
    assert (
        "[Council budget leaves library hours\nunchanged](https://town.example/local/library-budget)" in text
    )
    assert "[1]:" not in text and "][" not in text


def test_lynx_link_numbers_become_links_up_to_the_next_link_a_bar_or_the_paragraph_end() -> None:
    text = inline_references(LYNX)
    assert text is not None
    assert "[Beranda ](https://kabar.example/)[Daerah ](https://kabar.example/daerah)" not in text
    assert "[Beranda](https://kabar.example/) [Daerah](https://kabar.example/daerah)" in text
    assert "Oleh [Siti Rahma](https://kabar.example/penulis/siti-rahma) | Senin" in text
    # A link that opens its paragraph alone runs over the wrap; a number alone (an image) goes.
    assert (
        "[Baca juga: Harga Ikan Patin di Palembang Turun Jelang Musim\n   Panen](https://kabar.example/ekonomi/harga-patin)"
        in text
    )
    assert "[6]" not in text and "References" not in text and "Visible links" not in text


def test_pages_of_numbered_references_keep_their_list_addresses() -> None:
    article = warta.extract(HTML2TEXT_REFS, kind="text")
    assert article.title == "Library opens on Sundays after readers ask"
    assert [(item.title, item.url) for item in article.read_also] == [
        ("Council budget leaves library hours unchanged", "https://town.example/local/library-budget")
    ]
    assert [item.url for item in article.related] == [
        "https://town.example/local/mobile-library",
        "https://town.example/local/reading-club",
    ]
    lynx = warta.extract(LYNX, kind="text")
    assert [p.name for p in lynx.authors] == ["Siti Rahma"]
    assert [(item.title, item.url) for item in lynx.read_also] == [
        (
            "Harga Ikan Patin di Palembang Turun Jelang Musim Panen",
            "https://kabar.example/ekonomi/harga-patin",
        )
    ]
    assert [item.url for item in lynx.related] == [
        "https://kabar.example/daerah/ampera-ditutup",
        "https://kabar.example/daerah/festival-bidar",
    ]
    assert "[7]" not in lynx.text and "Baca juga" not in lynx.text


def test_a_page_not_ending_in_references_is_left_alone() -> None:
    assert inline_references("Title\n\nSee [1] and [2].\n\n1. First point\n2. Second point") is None
    assert inline_references("Body text.\n\n   1. https://x.example/a\n") is None  # no References head


# The same kind of page as `w3m -dump -o display_link_number=1` writes it: `References:` and
# `[3] https://…`, an image as its name in brackets (`[logo]`, `[foto-pasar]`), linked or not.
W3M = """\
[1]Masuk | [2]Daftar
[3][logo]

  • [4]Beranda
  • [5]Daerah

Harga Cabai di Pasar Kebon Roek Naik Dua Kali Lipat

Penulis: [6]Baiq Nurul | Editor: Lalu Hamdi
Senin, 12 Mei 2025 - 10:20 WITA

[foto-pasar]
Pedagang cabai di Pasar Kebon Roek, Mataram.

MATARAM - Harga cabai rawit di Pasar Kebon Roek naik dua kali lipat dalam sepekan terakhir
karena pasokan dari Lombok Timur berkurang setelah hujan deras merusak tanaman petani.

Baca Juga: [7]Petani Cabai di Lombok Timur Gagal Panen

Pedagang mengaku pembeli mulai mengurangi jumlah cabai yang dibeli sejak harga naik.

Berita Terkait

  • [8]Harga Bawang Merah Turun di Bima
  • [9]Pasar Murah Digelar di Ampenan

References:

[1] https://kabar.example/masuk
[2] https://kabar.example/daftar
[3] https://kabar.example/
[4] https://kabar.example/
[5] https://kabar.example/daerah
[6] https://kabar.example/penulis/baiq-nurul
[7] https://kabar.example/daerah/cabai-gagal-panen
[8] https://kabar.example/ekonomi/bawang-bima
[9] https://kabar.example/daerah/pasar-murah
"""


def test_w3m_references_are_written_inline_and_image_names_left_out() -> None:
    text = inline_references(W3M)
    assert text is not None
    assert "Penulis: [Baiq Nurul](https://kabar.example/penulis/baiq-nurul) | Editor: Lalu Hamdi" in text
    assert "[foto-pasar]" not in text and "[logo]" not in text and "References" not in text
    article = warta.extract(W3M, kind="text")
    assert [p.name for p in article.authors] == ["Baiq Nurul"]
    assert [(item.title, item.url) for item in article.read_also] == [
        ("Petani Cabai di Lombok Timur Gagal Panen", "https://kabar.example/daerah/cabai-gagal-panen")
    ]
    assert [item.url for item in article.related] == [
        "https://kabar.example/ekonomi/bawang-bima",
        "https://kabar.example/daerah/pasar-murah",
    ]
