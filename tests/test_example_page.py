"""The shared example page (a mediaindonesia-style flattened page) end to end.

The page lives outside the repository (`../shared/examples/`); the tests skip
when it is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import warta
from warta.model import Article

EXAMPLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "examples" / "flattened-id-news-page.txt"

pytestmark = pytest.mark.skipif(not EXAMPLE.is_file(), reason=f"shared example page not found at {EXAMPLE}")


@pytest.fixture(scope="module")
def article() -> Article:
    return warta.extract(EXAMPLE.read_text(encoding="utf-8"), kind="text")


def test_title(article: Article) -> None:
    assert article.title == "Korea Utara Akui Kirim Pasukan Bantu Rusia di Perang Ukraina"


def test_author(article: Article) -> None:
    assert [p.name for p in article.authors] == ["Siswantini Suryandari"]


def test_editor_code(article: Article) -> None:
    assert article.editor_codes == ["S-01"]


def test_read_also(article: Article) -> None:
    assert [item.title for item in article.read_also] == [
        "Putin Komentari Serangan Ukraina ke Wilayah Kursk",
        "Ukraina dan Kanada Gelar Pameran di UIN Sunan Kalijaga",
        "Korea Utara Tolak Tawaran Trump dengan Uji Coba Rudal Jelajah",
    ]


def test_related_posts_with_teasers(article: Article) -> None:
    assert [item.title for item in article.related] == [
        "Pemilik 24 Satwa Dilindungi Ditahan di Manado",
        "Desi Safitri Raih IPK 3,95, Jadi Lulusan Terbaik S1 UNY",
    ]
    assert article.related[0].teaser and article.related[0].teaser.startswith("BALAI Penegakan Hukum")
    assert article.related[1].teaser and article.related[1].teaser.startswith("MAHASISWI Program Studi")


def test_sidebar_items_with_dates(article: Article) -> None:
    assert [(item.title, item.date) for item in article.sidebar] == [
        ("Pemilik 24 Satwa Dilindungi Ditahan di Manado", "February 13, 2026"),
        ("Desi Safitri Raih IPK 3,95, Jadi Lulusan Terbaik S1 UNY", "February 13, 2026"),
        ("Prof Noorhaidi Siap Bawa UIN Sunan Kalijaga Bereputasi Global", "February 12, 2026"),
        ("Sultan Minta Kepala DPMPTSP DIY Ubah Gaya Kepemimpinan", "February 12, 2026"),
        ("Tolak Keterangan Kusnadi, Khofifah Bantah Terima Fee Ijon Hibah", "February 12, 2026"),
        ("Jelang Ramadan, Harga Bahan Pokok di Tasikmalaya Naik", "February 12, 2026"),
    ]


def test_subheading_is_a_heading(article: Article) -> None:
    assert article.headings == ["Korea Utara dikecam Korsel dan AS"]
    assert "Korea Utara dikecam Korsel dan AS" not in article.paragraphs


def test_body_bounds(article: Article) -> None:
    paragraphs = article.paragraphs
    assert paragraphs[0].startswith("KOREA Utara untuk pertama kalinya")
    assert paragraphs[-1].startswith("Sebelumnya, baik Rusia maupun Korut")
    assert paragraphs[-1].endswith("menyangkal pengerahan tersebut.")


@pytest.mark.parametrize(
    "boilerplate",
    [
        "BACA JUGA",
        "Putin Komentari Serangan",
        "(*/S-01)",
        "Siswantini Suryandari",
        "Related Posts",
        "Pemilik 24 Satwa",
        "Leave a Reply",
        "Your email address",
        "Jangan Lewatkan",
        "February 13, 2026",
        "Jelang Ramadan",
    ],
)
def test_no_boilerplate_in_body(article: Article, boilerplate: str) -> None:
    assert boilerplate not in article.text


def test_repeated_paragraph_kept_once(article: Article) -> None:
    repeats = [p for p in article.paragraphs if "pengakuan pengerahan pasukan pada hari Senin" in p]
    assert len(repeats) == 1
