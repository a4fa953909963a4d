"""A clipped page exported from a note app: the note's own fields are not the article's."""

import warta
from warta.segment.clipheader import clip_header

_URL = "https://kabarpantura.example/daerah/2025/06/02/pasar-ikan-tegal-pindah-sementara"
_PAGE = (
    "Pasar Ikan Tegal Pindah Sementara Selama Renovasi | Kabar Pantura\n"
    "Created: 03/06/2025 21:10\n"
    f"Source: {_URL}\n"
    "Tags: riset, pasar\n\n"
    "Pasar Ikan Tegal Pindah Sementara Selama Renovasi\n\n"
    "Oleh: Wahyu Prasetyo\nSenin, 2 Juni 2025 - 10:05 WIB\n\n"
    "TEGAL - Pedagang Pasar Ikan Tegalsari mulai pindah ke lapangan parkir pelabuhan pada Senin pagi "
    "karena bangunan pasar akan direnovasi selama empat bulan.\n\n"
    "Kepala Dinas Perdagangan Kota Tegal, Sri Handayani, mengatakan sebanyak 212 lapak disiapkan di lokasi "
    "sementara dengan atap terpal dan saluran air baru.\n\n"
    "Renovasi pasar senilai Rp 18 miliar itu ditargetkan selesai pada Oktober sehingga pedagang bisa "
    "kembali sebelum musim hujan.\n\n"
    "Topik: pasar ikan, Tegal\n\n"
    f"Clipped from {_URL} via Evernote Web Clipper\n"
)


def test_a_clip_header_is_left_out_and_its_source_is_the_page_s_address() -> None:
    read = clip_header(_PAGE)
    assert read is not None
    text, url = read
    assert url == _URL
    assert text.startswith("Pasar Ikan Tegal Pindah Sementara Selama Renovasi | Kabar Pantura\n\nPasar Ikan")
    assert "Created:" not in text and "Tags:" not in text


def test_a_clipped_page_reads_with_the_article_s_date_and_tags_not_the_note_s() -> None:
    article = warta.extract(_PAGE, kind="text")
    assert article.url == _URL
    assert article.published is not None and article.published.iso().startswith("2025-06-02T10:05")
    assert article.tags == ["pasar ikan", "Tegal"]
    assert "Source:" not in article.text


def test_field_lines_without_a_source_address_are_no_clip_header() -> None:
    assert clip_header("Judul\nOleh: Budi\nSumber: Antara\nIsi berita.") is None
    assert clip_header("Judul\nSource: Reuters\nAuthor: Ana\nIsi berita.") is None
