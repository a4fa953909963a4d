"""Pages flattened to Markdown (html2text) are read as the plain lines a naive flattener writes."""

import warta
from warta.classify.features import block_features
from warta.lexicon import load_lexicon
from warta.segment.markdown import (
    JinaHeader,
    article_images,
    is_markdown,
    jina_header,
    linked_blocks,
    plain_lines,
    plain_page,
)
from warta.segment.text import segment_text

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


def _line_links(text: str) -> list[tuple[str, str]]:
    page = plain_page(text)
    return [(page.text[link.start : link.end], link.address) for link in page.links]


def test_lines_that_are_one_link_keep_their_address() -> None:
    links = dict(_line_links(PAGE))
    assert links["Masuk"] == "https://kabar.example/login"  # a row of links: one line each
    assert links["jalan desa"] == "https://kabar.example/tag/jalan-desa"
    assert "Tag:" not in links
    # a wrapped address is joined without the break html2text put in it
    assert (
        links["Baca juga: Jembatan Darurat Dibangun di Cikaengan, Warga Bergotong Royong"]
        == "https://kabar.example/berita/jembatan-darurat-cikaengan"
    )
    assert links["  * Longsor Tutup Jalur Selatan Garut"] == "https://kabar.example/berita/longsor"
    # a sentence holding a link, or a line of two people's names, is no link of its own
    assert not any(line.startswith(("Penulis:", "GARUT")) for line in links)


def test_a_label_a_date_or_a_title_beside_the_link_keeps_it() -> None:
    text = (
        "Lead paragraph with [a link](/x) inside a sentence of the article.\n\n"
        '**Read also:** [Storm hits the coast](/storm "Storm")\n\n'
        "1. [Fish market reopens](/fish) 16 September 2025\n"
        "2. [Market news](/market) and more words that make a sentence here\n\n"
        "[![photo](/p.jpg) Card title](/card)\n"
    )
    assert _line_links(text) == [
        ("Read also: Storm hits the coast", "/storm"),
        ("1. Fish market reopens 16 September 2025", "/fish"),
        ("Card title", "/card"),
    ]


def test_rules_and_heading_underlines_are_left_out() -> None:
    text = "Big Title\n=========\n\nBy A. Writer\n\n* * *\n\nIt [rained](/r) all day.\n\n---\n\nEnd."
    assert plain_lines(text).split("\n\n") == ["Big Title", "By A. Writer", "It rained all day.", "End.\n"]


def test_blocks_of_linked_lines_carry_the_absolute_address() -> None:
    page = plain_page("Intro line of the page.\n\n  * [Item](/i)\n  * [Other](https://y.example/o)\n")
    blocks = linked_blocks(segment_text(page.text), page.links, "https://x.example/a/b")
    assert [b.structure.href for b in blocks] == [None, "https://x.example/i", "https://y.example/o"]
    assert [b.text for b in blocks] == ["Intro line of the page.", "Item", "Other"]
    # without a page address a relative one stays as written
    assert linked_blocks(segment_text(page.text), page.links, None)[1].structure.href == "/i"


def test_the_text_features_do_not_read_the_links() -> None:
    page = plain_page(PAGE)
    blocks = segment_text(page.text)
    linked = linked_blocks(blocks, page.links, "https://kabar.example/")
    assert any(b.structure.href for b in linked)
    lexicon = load_lexicon()
    assert (
        block_features(blocks, lexicon, "text").values == block_features(linked, lexicon, "text").values
    ).all()


def test_list_entries_of_a_markdown_page_carry_their_urls() -> None:
    article = warta.extract(PAGE, url="https://kabar.example/berita/sungai-meluap", kind="text")
    assert [item.url for item in article.read_also] == [
        "https://kabar.example/berita/jembatan-darurat-cikaengan"
    ]
    assert [(item.title, item.url) for item in article.related] == [
        ("Longsor Tutup Jalur Selatan Garut", "https://kabar.example/berita/longsor"),
        ("Petani Cikaengan Gagal Panen", "https://kabar.example/berita/gagal-panen"),
    ]


JINA = """Title: Sungai Meluap, Jalan Desa Terputus | Kabar

URL Source: https://kabar.example/berita/sungai-meluap

Published Time: 2025-06-03T09:00:00+07:00

Markdown Content:
""" + PAGE.replace("https://kabar.example/berita/", "/berita/")


def test_a_jina_reader_header_is_read_apart_from_the_text() -> None:
    text, header = jina_header(JINA)
    assert header == JinaHeader(
        "Sungai Meluap, Jalan Desa Terputus | Kabar",
        "https://kabar.example/berita/sungai-meluap",
        "2025-06-03T09:00:00+07:00",
    )
    assert text.startswith("[Masuk](")
    assert jina_header(PAGE) == (PAGE, None)
    # a page that opens with a 'Title:' line but has no header under it is left as it is
    plain = "Title: Notes\n\nSome text of the page.\n\nMarkdown Content:\n"
    assert jina_header(plain) == (plain, None)


def test_a_jina_reader_page_gives_its_url_date_and_title() -> None:
    article = warta.extract(JINA, kind="text")
    assert article.url == "https://kabar.example/berita/sungai-meluap"
    assert article.published is not None and article.published.iso().startswith("2025-06-03T09:00")
    assert article.title == "Sungai Meluap, Jalan Desa Terputus Dua Hari"
    assert "URL Source" not in article.text and "Markdown Content" not in article.text
    # relative links are made absolute against the header's address
    assert [item.url for item in article.related] == [
        "https://kabar.example/berita/longsor",
        "https://kabar.example/berita/gagal-panen",
    ]
    # the caller's address wins over the header's
    assert warta.extract(JINA, url="https://mirror.example/x", kind="text").url == "https://mirror.example/x"


def test_the_images_of_the_article_are_its_images() -> None:
    text = (
        "[![Kabar](/logo.png)](/)\n\n[Masuk](/login) [Daftar](/daftar) [Cari](/cari) [Menu](/menu)\n\n"
        "# Sungai Meluap di Garut\n\n![Sungai](/img/sungai.jpg)\n\n"
        "Sungai Cikaengan meluap pada Senin malam dan memutus jalan desa di dua kecamatan.\n\n"
        "![Jalan](/img/jalan.jpg)Warga memutar lewat jalan lain sejauh dua puluh kilometer.\n\n"
        "Perbaikan jalan diperkirakan selesai dalam dua pekan jika cuaca membaik.\n\n"
        "### Berita Terkait\n\n  * [![x](/img/thumb.jpg) Longsor di Garut](/longsor)\n  * [Gagal Panen](/panen)\n"
    )
    page = plain_page(text)
    assert [address for _, address in page.images] == [
        "/logo.png",
        "/img/sungai.jpg",
        "/img/jalan.jpg",
        "/img/thumb.jpg",
    ]
    blocks = segment_text(page.text)
    labels = ["nav"] * 4 + ["title", "body", "body", "body"] + ["related"] * 3
    assert [b.text for b in blocks][4] == "Sungai Meluap di Garut"
    assert article_images(blocks, labels, page.images, "https://kabar.example/berita/a") == [
        {"url": "https://kabar.example/img/sungai.jpg", "source": "markdown"},
        {"url": "https://kabar.example/img/jalan.jpg", "source": "markdown"},
    ]
    assert article_images(blocks, ["nav"] * len(blocks), page.images, None) == []


# A Markdown masthead: a 'Subscribe' link (a sidebar header's words) over the site's name link.
MASTHEAD = """[Subscribe](https://town.example/subscribe) [Log in](https://town.example/login)

[The Valley Post](https://town.example/)

  * [News](https://town.example/news)
  * [Sport](https://town.example/sport)
  * [Weather](https://town.example/weather)
  * [Opinion](https://town.example/opinion)

# Bridge reopens after three months of repairs

The old river bridge reopened to traffic on Monday after three months of repairs that cost the
county more than two million dollars and forced drivers onto a long detour through the hills.

County engineers said the bridge can again carry lorries and buses, and the weight limit set
last winter after cracks were found in two of its piers has been lifted for good.
"""


def test_a_subscribe_link_in_the_masthead_heads_no_sidebar() -> None:
    article = warta.extract(MASTHEAD, kind="text")
    assert article.title == "Bridge reopens after three months of repairs"
    assert "The Valley Post" not in [item.title for item in article.sidebar]


def test_markdown_and_jina_pre_tests_agree_with_reading_every_line() -> None:
    import random
    from itertools import islice

    from warta.segment import markdown as module

    def reference_header(text: str) -> tuple[str, module.JinaHeader | None]:
        fields: dict[str, str] = {}
        offset = 0
        for n, line in enumerate(text.splitlines(keepends=True)):
            stripped = line.strip()
            if n >= module._JINA_MAX_LINES:
                return text, None
            if stripped == module._JINA_TEXT:
                if "URL Source" not in fields:
                    return text, None
                header = module.JinaHeader(
                    fields.get("Title") or None,
                    fields.get("URL Source") or None,
                    fields.get("Published Time") or None,
                )
                return text[offset + len(line) :], header
            match = module._JINA_FIELD.match(stripped)
            if stripped and match is None:
                return text, None
            if match is not None:
                fields[match.group(1)] = match.group(2)
            offset += len(line)
        return text, None

    pieces = [
        "Title: Rain", "URL Source: https://x.id/a", "Published Time: 2024-01-02", "Markdown Content:",
        "Warning: x", "It rained.", "", " ", "\t", "\u2028", "\x1c", "\u00a0", "\r\n", "\n", "\n\n",
        "[a](https://x.id/a)", "](/", "](", "[b](/b)", "Title:",
    ]  # fmt: skip
    rng = random.Random(26)
    headers = markdown = 0
    for _ in range(5_000):
        text = "".join(
            rng.choice(pieces) + rng.choice(["\n", "", " ", "\r"]) for _ in range(rng.randint(0, 16))
        )
        expected = reference_header(text)
        headers += expected[1] is not None
        assert module.jina_header(text) == expected
        expected_md = sum(1 for _ in islice(module._LINK_START.finditer(text), module._MIN_LINKS)) == 4
        markdown += expected_md
        assert module.is_markdown(text) == expected_md
    assert headers > 20 and markdown > 200


def test_a_markdown_page_with_no_blank_line_has_one_paragraph_a_line() -> None:
    # trafilatura's txt output with links: one line a block, no blank lines; its lines are no
    # wrapped paragraph to join (the headline would open the lead).
    lines = [
        "Festival Kopi Tarik Ribuan Pengunjung",
        "RANTEPAO – Festival kopi yang digelar tiga hari menarik sekitar 12.000 pengunjung.",
        "Panitia mencatat transaksi kopi mencapai Rp 2,4 miliar hingga penutupan.",
        "Baca juga: [Petani Kopi Bentuk Koperasi](https://x.example/a)",
        "Festival tahun depan direncanakan berlangsung lima hari.",
        "Baca Juga",
        "- [Harga Gabah Turun](https://x.example/b)",
        "- [Jalan Poros Diperbaiki](https://x.example/c)",
        "- [Rambu Solo Dibuka](https://x.example/d)",
    ]
    page = plain_page("\n".join(lines) + "\n")
    plain = [line for line in page.text.splitlines() if line]
    assert plain[:3] == lines[:3]
    assert plain[3] == "Baca juga: Petani Kopi Bentuk Koperasi"
    assert [page.text[link.start : link.end] for link in page.links][-1] == "- Rambu Solo Dibuka"


def test_a_list_item_that_opens_with_its_link_bold_nested_or_before_its_teaser_keeps_it() -> None:
    text = (
        "Lead paragraph of the article, long enough to be a sentence of its own.\n\n"
        '  1. [Tide tables for the harbour](/tides "Tide tables") Tips for reading the tides before you sail.\n'
        "  2. [Ferry timetable changes](/ferry) By [Ruth Calder](/author/ruth)\n"
        "  * **[Pier reopens after repairs](/pier)**\n"
        "  *   * [Share this story](/share)\n"
    )
    assert _line_links(text) == [
        ("  1. Tide tables for the harbour Tips for reading the tides before you sail.", "/tides"),
        ("  2. Ferry timetable changes By Ruth Calder", "/ferry"),
        ("  * Pier reopens after repairs", "/pier"),
        ("  *   * Share this story", "/share"),
    ]
