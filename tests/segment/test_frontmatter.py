"""A page that opens with a YAML front matter (trafilatura's `with_metadata`, Hugo, Jekyll)."""

import warta
from warta.segment.frontmatter import FrontMatter, front_matter


def test_a_front_matter_s_fields_are_read_and_the_text_starts_under_it() -> None:
    text = (
        "---\n"
        'title: "Harga Cabai Naik Jelang Lebaran"\n'
        "author: Siti Aminah; Budi Santoso\n"
        "url: https://kabar.example/ekonomi/harga-cabai-naik\n"
        "hostname: kabar.example\n"
        'date: "2025-03-20"\n'
        "tags: ['cabai', 'Lebaran']\n"
        "fingerprint: 0a1b2c3d4e5f6a7b\n"
        "---\n"
        "Harga Cabai Naik Jelang Lebaran\n"
    )
    rest, matter = front_matter(text)
    assert rest == "Harga Cabai Naik Jelang Lebaran\n"
    assert matter == FrontMatter(
        title="Harga Cabai Naik Jelang Lebaran",
        authors=("Siti Aminah", "Budi Santoso"),
        url="https://kabar.example/ekonomi/harga-cabai-naik",
        published="2025-03-20",
        tags=("cabai", "Lebaran"),
    )


def test_a_rule_over_text_or_a_header_without_a_title_is_no_front_matter() -> None:
    for text in ("---\nBerita hari ini\n---\nIsi", "---\ndate: 2025-03-20\n---\nIsi", "Judul\n---\nIsi"):
        assert front_matter(text) == (text, None)


def test_a_trafilatura_txt_page_with_metadata_reads_as_its_article() -> None:
    paragraphs = [
        "JAKARTA – Harga cabai rawit di pasar induk naik hampir dua kali lipat dalam sepekan terakhir, "
        "menurut catatan dinas perdagangan pada Kamis.",
        "Pedagang menyebut pasokan dari sentra produksi di Jawa Tengah berkurang karena hujan deras "
        "merusak tanaman menjelang panen.",
        "Dinas perdagangan berjanji menggelar operasi pasar di lima titik mulai pekan depan agar harga "
        "kembali turun sebelum Lebaran.",
    ]
    text = (
        "---\ntitle: Harga Cabai Naik Jelang Lebaran\nauthor: Siti Aminah\n"
        'url: https://kabar.example/ekonomi/harga-cabai-naik\ndate: "2025-03-20"\n'
        "tags: ['cabai', 'Lebaran']\n---\n"
        "Harga Cabai Naik Jelang Lebaran\n" + "\n".join(paragraphs) + "\n"
    )
    article = warta.extract(text, kind="text")
    assert article.title == "Harga Cabai Naik Jelang Lebaran"
    assert [p.name for p in article.authors] == ["Siti Aminah"]
    assert article.url == "https://kabar.example/ekonomi/harga-cabai-naik"
    assert article.tags == ["cabai", "Lebaran"]
    assert article.published is not None and article.published.iso().startswith("2025-03-20")
    assert "fingerprint" not in article.text and "title:" not in article.text
