"""Pages flattened to Markdown (html2text) are read as the plain lines a naive flattener writes."""

import warta
from warta.segment.markdown import is_markdown, plain_lines

# An html2text page in miniature: links in a menu, a heading, bold, an image before its
# caption, a wrapped paragraph with a wrapped 'Baca juga' link, a tag row and a bulleted list.
PAGE = """[Masuk](https://kabar.example/login) [Daftar](https://kabar.example/daftar)

# Sungai Meluap, Jalan Desa Terputus Dua Hari

Penulis: [Ani Rahma](https://kabar.example/penulis/ani) | Editor: [Budi
Santoso](https://kabar.example/editor/budi)

Selasa, 3 Juni 2025 | 09:00 WIB

![Sungai](https://kabar.example/img/a.jpg)Warga melihat sungai yang meluap.

**GARUT, Kabar** – Sungai Cikaengan meluap pada Senin malam dan memutus jalan desa
yang menghubungkan dua kecamatan, sehingga warga harus memutar sejauh dua puluh kilometer.

[Baca juga: Jembatan Darurat Dibangun di Cikaengan, Warga Bergotong
Royong](https://kabar.example/berita/jembatan-darurat-
cikaengan)

Kepala desa mengatakan perbaikan jalan diperkirakan selesai dalam dua pekan jika cuaca
membaik dan alat berat dari kabupaten bisa segera dikirim ke lokasi.

Tag: [banjir](https://kabar.example/tag/banjir) [jalan
desa](https://kabar.example/tag/jalan-desa)

### Berita Terkait

  * [Longsor Tutup Jalur Selatan Garut](https://kabar.example/berita/longsor)
  * [Petani Cikaengan Gagal Panen](https://kabar.example/berita/gagal-panen)
"""


def test_markdown_is_told_by_its_links() -> None:
    assert is_markdown(PAGE)
    assert not is_markdown("See [1] (page 3) and [2](ibid).\nA plain line.")


def test_links_images_marks_and_wraps_are_written_back_as_plain_lines() -> None:
    lines = plain_lines(PAGE).splitlines()
    assert lines[:3] == ["Masuk", "Daftar", ""]
    assert "Sungai Meluap, Jalan Desa Terputus Dua Hari" in lines
    assert "Penulis: Ani Rahma | Editor: Budi Santoso" in lines
    assert "Warga melihat sungai yang meluap." in lines
    assert "Baca juga: Jembatan Darurat Dibangun di Cikaengan, Warga Bergotong Royong" in lines
    assert any(line.startswith("GARUT, Kabar – Sungai Cikaengan meluap") for line in lines)
    at = lines.index("Tag:")
    assert lines[at + 1 : at + 3] == ["banjir", "jalan desa"]
    # a list's items stay together, with their marks
    assert lines[-2:] == ["  * Longsor Tutup Jalur Selatan Garut", "  * Petani Cikaengan Gagal Panen"]
    assert not any("](" in line or "**" in line for line in lines)


def test_a_markdown_page_extracts_as_its_plain_lines() -> None:
    article = warta.extract(PAGE, kind="text")
    assert article.title == "Sungai Meluap, Jalan Desa Terputus Dua Hari"
    assert [p.name for p in article.authors] == ["Ani Rahma"]
    assert [p.name for p in article.editors] == ["Budi Santoso"]
    assert [item.title for item in article.read_also] == [
        "Jembatan Darurat Dibangun di Cikaengan, Warga Bergotong Royong"
    ]
    assert "](" not in article.text and "**" not in article.text
