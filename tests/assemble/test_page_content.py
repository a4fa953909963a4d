"""Pages that hold no article (a job board, a shop's category) keep their main content in the
body and say so; articles, short briefs and flattened text keep their body."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.assemble.page_content import NO_ARTICLE_CHARS, body_or_main_content, is_template
from warta.meta.page import PageMetadata
from warta.model import Article, Block, BlockStructure, BodyPart, Label, Page, PageKind
from warta.pipeline import Extractor
from warta.run.worker import PageWorker

_JOBS = [
    ("Insinyur perangkat lunak senior", "Nusantara Digital", "Jakarta"),
    ("Analis data", "Tani Makmur", "Bandung"),
    ("Desainer produk", "Kopi Kita", "Remote"),
    ("Pengembang aplikasi seluler", "Laju Logistik", "Surabaya"),
    ("Manajer proyek TI", "Bank Rakyat Maju", "Jakarta"),
    ("Penulis konten teknologi", "Media Kabar", "Remote"),
    ("Insinyur DevOps", "Awan Lokal", "Yogyakarta"),
    ("Spesialis keamanan siber", "Benteng Data", "Jakarta"),
    ("Teknisi jaringan", "Telko Raya", "Medan"),
    ("Ilmuwan data junior", "Riset Pintar", "Remote"),
]
_MAIN_CONTENT = "no article body found: the body holds the page's main content"


_BRIEF = (
    "Listrik di tiga kecamatan di Kudus padam selama dua jam pada Senin pagi karena gangguan gardu induk.",
    "Petugas PLN memulihkan aliran listrik menjelang siang, kata juru bicara perusahaan itu.",
)


def _board_blocks(body_rows: int) -> tuple[list[Block], list[Label]]:
    """A job board as the classifier may leave it: the navigation, the heading, `body_rows` rows
    taken for body and the others for a list, the footer."""
    blocks = [_block(0, "Lowongan", ("header", "nav")), _block(1, "Perusahaan", ("header", "nav"))]
    labels = [Label.NAV, Label.NAV]
    blocks.append(_block(2, "Lowongan kerja TI", ("main",)))
    labels.append(Label.TITLE)
    for i, (title, firm, place) in enumerate(_JOBS):
        blocks.append(_block(len(blocks), f"{title} {firm} {place} Penuh waktu", ("main",)))
        labels.append(Label.BODY if i < body_rows else Label.RELATED)
    blocks.append(_block(len(blocks), "Berlangganan kabar lowongan", ("aside",)))
    labels.append(Label.SIDEBAR)
    blocks.append(_block(len(blocks), "© 2026 Kerja Kita. Hak cipta dilindungi.", ("footer",)))
    labels.append(Label.FOOTER)
    return blocks, labels


def _assembled(
    blocks: list[Block], labels: list[Label], kind: PageKind = "html", jsonld: str | None = None
) -> Article:
    metadata = (
        PageMetadata(article_type=jsonld, titles=[("Lowongan kerja TI", "title")]) if kind == "html" else None
    )
    page = Page(content="", kind=kind, url="https://kerja.example/lowongan/ti")
    return Extractor().assemble(blocks, list(labels), metadata, page, kind)


def test_a_job_board_keeps_its_rows_in_the_body_and_says_it_is_no_article() -> None:
    article = _assembled(*_board_blocks(body_rows=1))
    assert article.page_type == "other"
    text = article.text
    for title, firm, _ in _JOBS:
        assert title in text and firm in text
    for template in ("Perusahaan", "Berlangganan", "Hak cipta", "Lowongan kerja TI"):
        assert template not in text  # the site's navigation, aside, footer and the title stay out
    assert [w for w in article.warnings if w.startswith(_MAIN_CONTENT)]
    assert article.to_dict()["page_type"] == "other"


def test_a_board_whose_rows_were_taken_for_body_is_left_alone() -> None:
    article = _assembled(*_board_blocks(body_rows=len(_JOBS)))
    assert article.page_type == "article"  # (its body is long enough to be one: nothing to swap)
    assert not [w for w in article.warnings if w.startswith(_MAIN_CONTENT)]


def test_a_short_brief_stays_an_article() -> None:
    blocks = [_block(0, "Listrik padam di Kudus", ("main", "article"))]
    blocks += [_block(i + 1, text, ("main", "article")) for i, text in enumerate(_BRIEF)]
    blocks.append(_block(3, "© 2026 Kabar Kota", ("footer",)))
    article = _assembled(blocks, [Label.TITLE, Label.BODY, Label.BODY, Label.FOOTER])
    assert sum(len(t) for t in _BRIEF) < NO_ARTICLE_CHARS
    assert article.page_type == "article"
    assert [part.text for part in article.body] == list(_BRIEF)


def test_a_page_its_markup_calls_an_article_is_one() -> None:
    blocks, labels = _board_blocks(body_rows=0)
    assert _assembled(blocks, labels, jsonld="newsarticle").page_type == "article"
    assert _assembled(blocks, labels, jsonld="webpage").page_type == "other"
    assert _assembled(blocks, labels, jsonld="newsarticle").text == _assembled(blocks, labels).text


def test_flattened_text_keeps_its_body() -> None:
    # Flattened text has no page regions: a short body is never swapped for the page's other lines.
    blocks, labels = _board_blocks(body_rows=3)
    article = _assembled(blocks, labels, kind="text")
    assert article.page_type == "article"
    assert [part.text for part in article.body] == [blocks[5].text]  # (the rows above: title, standfirst)
    assert not [w for w in article.warnings if w.startswith(_MAIN_CONTENT)]


def _block(index: int, text: str, regions: tuple[str, ...] = ()) -> Block:
    return Block(index, text, BlockStructure(class_tokens=regions))


def test_template_blocks_are_told_by_label_and_region() -> None:
    assert is_template(_block(0, "Beranda"), Label.NAV)
    assert is_template(_block(0, "Judul"), Label.TITLE)  # the title is its own field, not body
    assert is_template(_block(0, "Tentang kami", ("footer",)), Label.OTHER)
    assert is_template(_block(0, "Terpopuler", ("aside", "main")), Label.SIDEBAR)
    assert is_template(_block(0, "Masuk", ("header",)), Label.OTHER)
    assert not is_template(_block(0, "Ekonomi", ("header", "main")), Label.OTHER)  # the content's own header
    assert not is_template(_block(0, "Harga cabai turun", ("main",)), Label.RELATED)
    assert not is_template(_block(0, "Harga cabai turun"), Label.OTHER)


def test_an_article_body_is_never_replaced() -> None:
    long_text = "Kalimat berita yang cukup panjang untuk sebuah artikel. " * 8
    assert len(long_text) >= NO_ARTICLE_CHARS
    body = [BodyPart("paragraph", long_text, 0)]
    blocks = [
        _block(0, long_text),
        *(_block(i, f"Berita lain nomor {i} yang panjang sekali " * 5) for i in range(1, 9)),
    ]
    labels = [Label.BODY, *([Label.RELATED] * 8)]
    assert body_or_main_content(body, blocks, labels) == (body, True)
    # The same short: the page around it holds many times its text, and comes in its place.
    short = [BodyPart("paragraph", "Kalimat pendek.", 0)]
    short_blocks = [_block(0, "Kalimat pendek."), *blocks[1:]]
    parts, is_article = body_or_main_content(short, short_blocks, labels)
    assert not is_article and len(parts) == 9


def _stub(article: Article) -> Callable[..., Article]:
    """An `extract_page` that gives `article` (after handing the worker the page's blocks: none)."""

    def extract_page(page: Page, boilerplate: object, on_blocks: Callable[[list[Block]], None]) -> Article:
        on_blocks([])
        return article

    return extract_page


def test_ingest_leaves_pages_without_an_article_out(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = PageWorker()
    found = Article(
        title="Lowongan", body=[BodyPart("paragraph", "Analis data Tani Makmur", 3)], page_type="other"
    )
    monkeypatch.setattr(worker.extractor, "extract_page", _stub(found))
    outcome = worker.run(Page(content="<p>x</p>", kind="html", source="jobs.html"), (), 1)
    assert (outcome.status, outcome.reason) == ("skipped", "no article found (a listing or other page)")
    found.page_type = "article"
    assert worker.run(Page(content="<p>x</p>", kind="html", source="a.html"), (), 1).status == "ok"


def test_ingest_keeps_pages_without_an_article_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = PageWorker(all_pages=True)
    found = Article(
        title="Lowongan", body=[BodyPart("paragraph", "Analis data Tani Makmur", 3)], page_type="other"
    )
    monkeypatch.setattr(worker.extractor, "extract_page", _stub(found))
    outcome = worker.run(Page(content="<p>x</p>", kind="html", source="jobs.html"), (), 1)
    assert outcome.status == "ok" and outcome.article is not None
    assert outcome.article.data["page_type"] == "other"


def _linked(index: int, text: str) -> Block:
    return Block(index, text, BlockStructure(class_tokens=("main",), in_link=True, link_density=1.0))


_TEASERS = [
    ("Harga cabai turun menjelang akhir pekan", "Petani mengeluhkan harga jual yang terus merosot."),
    ("Jalan tol baru dibuka untuk umum", "Pengendara kini hanya butuh satu jam ke Yogyakarta."),
    ("Sekolah pesisir kembali tatap muka", "Banjir rob yang surut membuat murid bisa kembali."),
    ("Taman kota diresmikan wali kota", "Warga bisa menikmati ruang hijau baru di pusat kota."),
    ("Festival kuliner padati alun-alun", "Antrean panjang terlihat sejak sore di semua kedai."),
    ("Kereta bandara tambah jadwal malam", "Penumpang penerbangan larut malam kini terlayani."),
]


def test_a_section_front_whose_teasers_were_taken_for_body_is_no_article() -> None:
    blocks: list[Block] = []
    labels: list[Label] = []
    for headline, teaser in _TEASERS:
        blocks.append(_linked(len(blocks), headline))
        labels.append(Label.RELATED)
        blocks.append(_block(len(blocks), f"{teaser} Wartawan kami melaporkan dari lokasi.", ("main",)))
        labels.append(Label.BODY)
    article = _assembled(blocks, labels)
    assert sum(len(part.text) for part in article.body) > 2 * NO_ARTICLE_CHARS  # (no short body)
    assert article.page_type == "other"
    assert [part.text for part in article.body[:2]] == [blocks[0].text, blocks[1].text]  # the cards whole


def test_an_article_with_read_also_links_between_its_paragraphs_stays_one() -> None:
    paragraphs = [f"{teaser} Kata juru bicara pemerintah kota kepada wartawan." for _, teaser in _TEASERS]
    blocks = [_block(0, "Kabar kota hari ini", ("main", "article"))]
    labels = [Label.TITLE]
    for i, text in enumerate(paragraphs):
        blocks.append(_block(len(blocks), text, ("main", "article")))
        labels.append(Label.BODY)
        if i in (1, 3):  # two inline "Baca juga" links among six paragraphs
            blocks.append(_linked(len(blocks), f"Baca juga: {_TEASERS[i][0]}"))
            labels.append(Label.READ_ALSO)
    article = _assembled(blocks, labels)
    assert article.page_type == "article"
    assert [part.text for part in article.body] == paragraphs
