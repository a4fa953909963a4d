"""warta.pipeline: the time limit counts a page's own work, not the loading the first page triggers; what
`extract` takes as content and kind."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

import warta
from warta.errors import InputError
from warta.meta import language
from warta.model import Page
from warta.options import ExtractOptions
from warta.pipeline import Extractor
from warta.run.worker import PageWorker

PAGE = (
    "<html><body><article><h1>Harga beras naik di Medan</h1>"
    + "<p>Harga beras di pasar tradisional Medan naik dua ribu rupiah per kilogram sejak awal pekan,"
    " kata pedagang kepada wartawan pada Selasa.</p>" * 4 + "</article></body></html>"
)


@pytest.fixture
def slow_first_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """The language identifier takes half a second to load, as it does in a fresh process."""
    real: Callable[[tuple[str, ...]], Any] = language._identifier
    loaded: list[bool] = []

    def identifier(languages: tuple[str, ...]) -> Any:
        if not loaded:
            time.sleep(0.5)
            loaded.append(True)
        return real(languages)

    monkeypatch.setattr(language, "_identifier", identifier)


@pytest.mark.usefixtures("slow_first_load")
def test_the_first_page_with_a_time_limit_is_not_charged_for_loading() -> None:
    extractor = Extractor(ExtractOptions(timeout_s=0.3))
    result = extractor.process(Page(PAGE, "html", source="beras.html"))
    assert result.ok, result.error
    assert result.article is not None and "dua ribu rupiah" in result.article.text


@pytest.mark.usefixtures("slow_first_load")
def test_the_first_page_of_an_ingest_worker_is_not_charged_for_loading() -> None:
    outcome = PageWorker(ExtractOptions(timeout_s=0.3)).run(Page(PAGE, "html", source="beras.html"), (), 0)
    assert outcome.article is not None, outcome.reason


def test_without_a_time_limit_nothing_is_loaded_ahead() -> None:
    extractor = Extractor()
    extractor.process(Page(PAGE, "html", source="beras.html"))
    assert not extractor._warm


@pytest.mark.parametrize("content", [None, 123, ["<p>x</p>"]])
def test_content_of_another_type_is_a_type_error_that_says_so(content: Any) -> None:
    with pytest.raises(TypeError, match="page content must be str or bytes"):
        warta.extract(content)


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_bytes_like_content_is_read_as_bytes(wrap: Callable[[bytes], Any]) -> None:
    assert warta.extract(wrap(PAGE.encode())).title == warta.extract(PAGE.encode()).title


@pytest.mark.parametrize("kind", ["xml", "HTML"])
def test_an_unknown_kind_is_named_not_reported_as_a_missing_model(kind: str) -> None:
    with pytest.raises(InputError, match="page kind must be 'html', 'text' or None"):
        warta.extract(PAGE, kind=kind)  # type: ignore[arg-type]


def test_a_flattened_page_that_opens_with_its_url_takes_it_as_its_address_not_its_title() -> None:
    """A scraper that writes the page's address on the first line (held-out makassar-short-dates):
    the address is the article's URL, not its title, and the site name under it no body heading."""
    url = "https://www.kabarkota.example/2025/04/28/pasar-ikan-dibuka-kembali"
    paragraph = (
        "Pasar ikan di kawasan pantai kembali dibuka Senin (28/4) setelah ditutup dua bulan untuk"
        " penataan dermaga, kata kepala dinas perdagangan kepada wartawan.\n\n"
    )
    text = f"{url}\n\nKabarKota\n\nBeranda • Kota • Daerah • Ekonomi\n\nPasar Ikan Pantai Dibuka Kembali, Pedagang Perahu Sambut Gembira\n\n"
    article = warta.extract(text + paragraph * 4, kind="text")
    assert article.url == url
    assert article.title == "Pasar Ikan Pantai Dibuka Kembali, Pedagang Perahu Sambut Gembira"
    assert article.headings == []
    # an address the caller gives wins over the one on the page
    assert (
        warta.extract(text + paragraph * 4, kind="text", url="https://other.example/a").url
        == "https://other.example/a"
    )


def test_a_flattened_page_that_opens_with_host_and_slogan_takes_its_headline_not_the_slogan() -> None:
    """A first line 'Host.name - Slogan' (a home page's title, held-out HarianNusantara): the slogan
    after the host name is no page title to fall back on when the headline below shares no word with
    it; the headline is the title."""
    headline = "Pemerintah Umumkan Rencana Pembangunan Jembatan Baru di Kalimantan Timur"
    paragraphs = (
        "SAMARINDA - Pemerintah provinsi mengumumkan rencana pembangunan jembatan baru yang akan"
        " menghubungkan dua kabupaten. Proyek ini diharapkan selesai dalam tiga tahun.\n"
        "Menurut gubernur, jembatan tersebut akan mempercepat distribusi barang dan mengurangi"
        " waktu tempuh warga secara signifikan setiap harinya.\n"
        "Anggaran pembangunan berasal dari dana daerah dan bantuan pemerintah pusat, kata kepala"
        " dinas pekerjaan umum dalam keterangannya.\n"
    )
    menu = "Beranda\nNasional\nEkonomi\nOlahraga\n"
    byline = "Oleh: Budi Santoso\nSenin, 12 Februari 2024 10:15 WIB\n"
    text = f"HarianNusantara.example - Berita Terkini dan Terpercaya\n{menu}{headline}\n{byline}{paragraphs}"
    assert warta.extract(text, kind="text").title == headline
    # a page title whose site name comes last still names the page
    titled = text.replace(
        "HarianNusantara.example - Berita Terkini dan Terpercaya", f"{headline} - HarianNusantara.example"
    )
    assert warta.extract(titled, kind="text").title == headline


def test_a_flattened_page_that_prints_its_own_address_has_it_as_its_url() -> None:
    # An RSS item flattened: the feed's title, the item's title, its link, then the story.
    url = "https://warta.example/2025/05/19/bendungan-baru-mulai-alirkan-air-ke-sawah/"
    text = "\n".join(
        [
            "Warta Daerah",
            "",
            "Bendungan Baru Mulai Alirkan Air ke Sawah",
            url,
            "Mon, 19 May 2025 03:20:11 +0000",
            "",
            "Bendungan baru di Kecamatan Terara mulai mengalirkan air ke saluran irigasi pada Minggu.",
            "Air dari bendungan itu akan mengairi sekitar 3.000 hektare sawah di empat kecamatan.",
            "Petani di kawasan itu selama ini hanya bisa menanam padi satu kali dalam setahun.",
        ]
    )
    article = warta.extract(text, kind="text")
    assert article.title == "Bendungan Baru Mulai Alirkan Air ke Sawah"
    assert article.url == url
