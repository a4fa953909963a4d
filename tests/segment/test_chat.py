"""News posts forwarded from a chat app (Telegram, WhatsApp) read as Markdown."""

from __future__ import annotations

import warta
from warta.segment.chat import chat_markdown

POST = """Forwarded from Kanal Kabar Lombok
*Harga Bawang Merah di Lombok Timur Turun Tajam Saat Panen Raya*

📍 SELONG - Harga bawang merah di tingkat petani Lombok Timur turun hingga separuh dalam dua pekan terakhir karena panen raya berlangsung serentak di empat kecamatan.

Seorang petani di Sembalun, Lalu Hamzah, mengatakan harga kini hanya Rp12 ribu per kilogram, padahal bulan lalu masih Rp25 ribu. "Ongkos tanam saja belum tertutup," katanya, Kamis (5/6/2025).

🔹 *Gudang penyimpanan*

Dinas Pertanian Lombok Timur menyiapkan dua gudang penyimpanan agar petani bisa menahan panen sampai harga kembali naik. Gudang itu bisa menampung sekitar 300 ton bawang.

Kepala dinas berharap pedagang dari Bali dan Jawa kembali membeli dalam jumlah besar setelah musim hujan berakhir.

✍️ Penulis: Baiq Nurul

📌 Baca juga:
▪️ Petani Sembalun Mulai Tanam Kentang
https://kabar.example/ntb/kentang-sembalun
"""


def test_a_chat_post_is_told_by_its_bold_headline() -> None:
    text = chat_markdown(POST)
    assert text is not None
    assert text.startswith("Harga Bawang Merah di Lombok Timur Turun Tajam Saat Panen Raya\n\nSELONG - Harga")
    assert "\n\nGudang penyimpanan\n\n" in text
    assert "[Petani Sembalun Mulai Tanam Kentang](https://kabar.example/ntb/kentang-sembalun)" in text
    assert "Forwarded from" not in text and "*" not in text and "📍" not in text


def test_an_ordinary_page_is_no_chat_post() -> None:
    assert chat_markdown("Title of a page\n\nA *stressed* word in the body.\n\n*Required fields") is None


def test_a_chat_post_extracts_without_its_emoji_and_asterisks() -> None:
    article = warta.extract(POST, kind="text")
    assert article.title == "Harga Bawang Merah di Lombok Timur Turun Tajam Saat Panen Raya"
    assert article.headings == ["Gudang penyimpanan"]
    assert article.text.startswith("SELONG - Harga bawang merah")
    assert "*" not in article.text and "🔹" not in article.text
    assert [p.name for p in article.authors] == ["Baiq Nurul"]
