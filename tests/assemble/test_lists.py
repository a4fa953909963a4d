from warta.assemble.lists import build_lists
from warta.classify.labels import label_blocks
from warta.lexicon import load_lexicon
from warta.model import Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def _lists(text: str, body_lines: int):
    blocks = segment_text(text)
    probs = [0.9] * body_lines + [0.1] * (len(blocks) - body_lines)
    return build_lists(blocks, label_blocks(blocks, probs, LEX), LEX)


def test_sidebar_items_get_their_dates_and_repeats_merge():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Terpopuler\n\nBanjir Rendam Tiga Kecamatan\n\n• 3 Maret 2025\n\nBanjir Rendam Tiga Kecamatan\n\n"
        "Harga Cabai Naik Lagi\n\n• 2 Maret 2025\n\nHarga Cabai Naik Lagi"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.date) for i in lists.sidebar] == [
        ("Banjir Rendam Tiga Kecamatan", "3 Maret 2025"),
        ("Harga Cabai Naik Lagi", "2 Maret 2025"),
    ]


def test_related_titles_with_teasers():
    teaser = (
        "Sebuah ringkasan yang cukup panjang tentang berita lain yang terkait dengan topik ini dan berakhir…"
    )
    text = f"Body one.\n\nBody two.\n\nBerita Terkait\n\nJudul Berita Lain\n\n{teaser}\n\nJudul Kedua Tanpa Ringkasan"
    lists = _lists(text, 2)
    assert [i.title for i in lists.related] == ["Judul Berita Lain", "Judul Kedua Tanpa Ringkasan"]
    assert lists.related[0].teaser == teaser
    assert lists.related[1].teaser is None


def test_read_also_marker_alone_on_its_line_takes_the_next_line():
    text = "Paragraf satu panjang.\nBaca juga:\nJudul Tautan Lain\nParagraf dua panjang."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.9, 0.9], LEX)
    lists = build_lists(blocks, labels, LEX)
    assert [i.title for i in lists.read_also] == ["Judul Tautan Lain"]


def test_bare_read_also_marker_takes_all_the_lines_right_under_it():
    text = (
        "Body one.\nBaca juga:\nJudul Pertama Tentang Banjir\nJudul Kedua Tentang Jalan Rusak\n"
        "Paragraf berikutnya berlanjut di sini dengan kalimat lengkap."
    )
    blocks = segment_text(text)
    lists = build_lists(blocks, label_blocks(blocks, [0.9, 0.1, 0.2, 0.8, 0.9], LEX), LEX)
    assert [i.title for i in lists.read_also] == [
        "Judul Pertama Tentang Banjir",
        "Judul Kedua Tentang Jalan Rusak",
    ]


def test_comments_with_authors():
    text = (
        "Body one.\n\nBody two.\n\nLeave a Reply\n\nYour email address will not be published.\n\n"
        "Comments\n\nRina\n\nArtikel yang sangat membantu, terima kasih.\n\nBudi\n\nSaya tidak setuju dengan kesimpulannya."
    )
    lists = _lists(text, 2)
    assert [(c.author, c.text[:7]) for c in lists.comments] == [("Rina", "Artikel"), ("Budi", "Saya ti")]


def test_a_comment_head_with_the_name_and_date_on_one_line_gives_the_author():
    text = (
        "Body one.\n\nBody two.\n\n3 comments\n\nEllen Park 2 months ago\n\n"
        "Did you have to shim any of the tenons that had shrunk?\n\n"
        "Tom Reyes Author 2 months ago\n\nTwo of them, yes, with a shaving of veneer.\n\n"
        "Posted 3 hours ago\n\nA reply whose head line names no one at all here."
    )
    lists = _lists(text, 2)
    assert [(c.author, c.date, c.text[:7]) for c in lists.comments] == [
        ("Ellen Park", "2 months ago", "Did you"),
        ("Tom Reyes", "2 months ago", "Two of "),  # the thread's "Author" badge is no part of the name
        (None, "Posted 3 hours ago", "A reply"),
    ]


def test_words_naming_a_comment_s_date_are_no_author():
    from warta.assemble.lists import _name_before_date

    for line in ("Commented May 21, 2018 at 20:37", "Join Date: Aug 2008", "Updated 2 hours ago"):
        assert _name_before_date(line, LEX) == (None, line)
    assert _name_before_date("Rina · 12 Mei 2025", LEX) == ("Rina", "12 Mei 2025")


def test_rank_numbers_of_a_most_read_list_are_dropped_but_a_number_in_a_headline_stays():
    text = "Body one.\n\nBody two.\n\nTerpopuler\n\n1  Gempa Guncang Sukabumi Pagi Ini\n\n2  Harga Cabai Naik Lagi di Pasar"
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "Gempa Guncang Sukabumi Pagi Ini",
        "Harga Cabai Naik Lagi di Pasar",
    ]
    text = "Body one.\n\nBody two.\n\nTerpopuler\n\n5 Tips Merawat Sepeda Listrik\n\n3 Cara Hemat Listrik di Rumah"
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "5 Tips Merawat Sepeda Listrik",
        "3 Cara Hemat Listrik di Rumah",
    ]


def test_rank_numbers_glued_to_the_headline_are_dropped():
    # '<span class="rank">1</span><span class="headline">Man charged…</span>' in one link:
    # the segmenter joins the two elements with no space.
    text = (
        "Body one.\n\nBody two.\n\nMost read\n\n1Man charged after shop break-in\n\n"
        "2New primary school to open\n\n3Town sign striker on loan"
    )
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "Man charged after shop break-in",
        "New primary school to open",
        "Town sign striker on loan",
    ]
    # No capital after the digits: an ordinal, no rank.
    text = "Body one.\n\nBody two.\n\nMost read\n\n1st round results are in\n\n2nd round starts on Monday"
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "1st round results are in",
        "2nd round starts on Monday",
    ]


def test_rank_numbers_are_dropped_from_a_numbered_run_after_unnumbered_items():
    text = (
        "Body one.\n\nBody two.\n\nTerpopuler\n\nCara Cek Bansos Lewat HP\n\n"
        "1  Gempa Guncang Sukabumi Pagi Ini\n\n2  Harga Cabai Naik Lagi di Pasar"
    )
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "Cara Cek Bansos Lewat HP",
        "Gempa Guncang Sukabumi Pagi Ini",
        "Harga Cabai Naik Lagi di Pasar",
    ]


def test_a_long_entry_with_its_own_date_is_the_next_item_not_a_teaser() -> None:
    text = (
        "Body one.\n\nBody two.\n\nTerpopuler\n\nHarga Cabai Naik Lagi · 2 Maret 2025\n\n"
        "Pemerintah Kota Resmikan Taman Baru di Tepi Sungai untuk Warga Utara · 1 Maret 2025"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.date, i.teaser) for i in lists.sidebar] == [
        ("Harga Cabai Naik Lagi", "2 Maret 2025", None),
        ("Pemerintah Kota Resmikan Taman Baru di Tepi Sungai untuk Warga Utara", "1 Maret 2025", None),
    ]


def test_comment_thread_headers_widgets_and_policy_notices_are_no_comments() -> None:
    text = (
        "Body one.\n\nBody two.\n\n2 thoughts on “A Day at the Market”\n\nRestacks\n\nWrite a comment...\n\n"
        "Rina\n\nArtikel yang sangat membantu, terima kasih.\n\n"
        "Komentar\n\nKomentar di bawah ini adalah tanggung jawab pribadi pengirim dan bukan pendapat redaksi.\n\n"
        "Budi\n\nSaya tidak setuju dengan kesimpulannya."
    )
    lists = _lists(text, 2)
    assert [(c.author, c.text[:7]) for c in lists.comments] == [("Rina", "Artikel"), ("Budi", "Saya ti")]


def test_a_sidebar_header_with_a_related_suffix_still_heads_a_sidebar() -> None:
    text = "Body one.\n\nBody two.\n\nBerita Terkini Lainnya\n\nHarga Cabai Naik Lagi\n\n2 Maret 2025"
    lists = _lists(text, 2)
    assert lists.related == []
    assert [(i.title, i.date) for i in lists.sidebar] == [("Harga Cabai Naik Lagi", "2 Maret 2025")]


def test_tag_links_after_a_tags_line_are_tags():
    from warta.model import Block, BlockStructure, Label

    def link(i, text, href):
        return Block(i, text, BlockStructure(href=href, link_density=1.0))

    blocks = [
        Block(
            0, "Tags: arus balik", BlockStructure(href="https://x.example/tag/arus-balik", link_density=0.6)
        ),
        link(1, "Bakauheni", "https://x.example/tag/bakauheni"),
        link(2, "Beranda", "https://x.example/"),
        link(3, "Lampung", "https://x.example/tag/lampung"),
    ]
    labels = [Label.TAGS, Label.OTHER, Label.OTHER, Label.OTHER]
    assert build_lists(blocks, labels, load_lexicon()).tags == ["arus balik", "Bakauheni"]


def test_a_date_under_a_new_header_is_not_the_last_headline_s():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Recent Posts\nFive Soups for a Rainy Week\nWhy I Stopped Buying Spices\nArchives\nFebruary 2026\nJanuary 2026"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.date) for i in lists.sidebar] == [
        ("Five Soups for a Rainy Week", None),
        ("Why I Stopped Buying Spices", None),
    ]


def test_colon_ended_read_also_header_alone_on_its_line_takes_the_next_line():
    text = "Paragraf satu panjang.\nPilihan Editor:\nJudul Tautan Lain\nParagraf dua panjang."
    blocks = segment_text(text)
    lists = build_lists(blocks, label_blocks(blocks, [0.9, 0.9, 0.9, 0.9], LEX), LEX)
    assert [i.title for i in lists.read_also] == ["Judul Tautan Lain"]


def test_links_below_the_page_s_copyright_line_are_no_box_entries():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Terpopuler\nBanjir Rendam Tiga Kecamatan Lagi\n© 2026 Media Kita\nKebijakan Privasi Kami Semua\n"
        "Mulai menulis di sini"
    )
    lists = _lists(text, 2)
    assert [i.title for i in lists.sidebar] == ["Banjir Rendam Tiga Kecamatan Lagi"]


def _html_page(after_body: str) -> str:
    paras = "".join(
        f"<p>Paragraf {n} berita ini cukup panjang untuk menjadi isi artikel, dengan kalimat lengkap "
        f"tentang pembangunan jembatan baru di kota pelabuhan yang ramai setiap pagi.</p>"
        for n in ("pertama", "kedua", "ketiga", "keempat")
    )
    return (
        "<html><head><title>Jembatan Baru Dibuka untuk Umum</title></head><body>"
        "<h1>Jembatan Baru Dibuka untuk Umum</h1><div class='isi'>"
        f"{paras}</div>{after_body}</body></html>"
    )


def test_linked_entries_that_end_with_their_date_element_get_it_as_their_date() -> None:
    import warta

    box = (
        "<div class='terkait'><div class='judul'>Berita Terkait</div><ul>"
        "<li><a href='/a'>Harga Cabai Rawit di Pasar Mulai Turun</a> <span>20 Agustus 2025</span></li>"
        "<li><a href='/b'>Pemprov Siapkan Operasi Pasar Beras di 38 Daerah</a> <span>18 Agustus 2025</span></li>"
        "<li><a href='/c'>Pemerintah Evaluasi Harga Eceran Beras</a><time>14 Agustus 2025</time></li>"
        "</ul></div>"
    )
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert [(i.title, i.date) for i in article.related] == [
        ("Harga Cabai Rawit di Pasar Mulai Turun", "20 Agustus 2025"),
        ("Pemprov Siapkan Operasi Pasar Beras di 38 Daerah", "18 Agustus 2025"),
        ("Pemerintah Evaluasi Harga Eceran Beras", "14 Agustus 2025"),
    ]


def test_one_headline_that_ends_with_a_date_keeps_it() -> None:
    import warta

    box = (
        "<div class='terkait'><div class='judul'>Berita Terkait</div><ul>"
        "<li><a href='/a'>Jadwal Imsakiyah Ramadan Kota Surabaya dan Sekitarnya 1 Maret 2025</a></li>"
        "<li><a href='/b'>Pemprov Siapkan Operasi Pasar Beras di Semua Daerah</a></li>"
        "</ul></div>"
    )
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert [i.title for i in article.related] == [
        "Jadwal Imsakiyah Ramadan Kota Surabaya dan Sekitarnya 1 Maret 2025",
        "Pemprov Siapkan Operasi Pasar Beras di Semua Daerah",
    ]


def test_row_bullets_are_no_part_of_the_titles() -> None:
    import warta

    box = (
        "<table class='terkait'><tr><td><b>Artikel Terkait:</b></td></tr>"
        "<tr><td>&raquo; <a href='/a'>Kartu Tani dan Janji Digitalisasi Pertanian</a></td></tr>"
        "<tr><td>&raquo; <a href='/b'>Regenerasi Petani Muda yang Terlupakan</a></td></tr></table>"
    )
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert [i.title for i in article.related] == [
        "Kartu Tani dan Janji Digitalisasi Pertanian",
        "Regenerasi Petani Muda yang Terlupakan",
    ]


def test_an_unlinked_line_in_a_box_of_linked_entries_is_no_entry() -> None:
    import warta

    cards = "".join(
        f"<article class='teaser'><a href='/{k}'><h3>{title}</h3></a>"
        f"<p class='meta'>{k} min read · Energy storage</p></article>"
        for k, title in enumerate(
            [
                "Iron-air batteries get their first grid test",
                "What new battery tariffs mean for storage",
                "The hidden water cost of lithium mining",
            ],
            start=5,
        )
    )
    box = f"<section class='more'><h2>More stories like this</h2>{cards}</section>"
    page = _html_page(box).replace("Paragraf", "Paragraph")
    article = warta.extract(page, url="https://example.test/x")
    assert [(i.title, i.url) for i in article.related] == [
        ("Iron-air batteries get their first grid test", "https://example.test/5"),
        ("What new battery tariffs mean for storage", "https://example.test/6"),
        ("The hidden water cost of lithium mining", "https://example.test/7"),
    ]


def test_a_most_read_column_after_the_comments_is_a_sidebar_not_more_comments() -> None:
    import warta

    box = (
        "<table><tr><td class='komentar'><b>Komentar (1)</b><table>"
        "<tr><td><b>Andi Baso</b> 03/03/2025 09:12</td></tr>"
        "<tr><td>Setuju sekali, di desa kami banyak nama penerima yang sudah meninggal tapi masih tercatat."
        "</td></tr></table></td><td class='kanan'><table>"
        "<tr><td><b>Paling Banyak Dibaca</b></td></tr>"
        "<tr><td>1. <a href='/1'>Banjir Rendam Ratusan Rumah di Kabupaten Gowa</a></td></tr>"
        "<tr><td>2. <a href='/2'>DPRD Bentuk Pansus Sengketa Lahan Bandara</a></td></tr>"
        "</table></td></tr></table>"
    )
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert [(c.author, c.text[:20]) for c in article.comments] == [("Andi Baso", "Setuju sekali, di de")]
    assert [i.title for i in article.sidebar] == [
        "Banjir Rendam Ratusan Rumah di Kabupaten Gowa",
        "DPRD Bentuk Pansus Sengketa Lahan Bandara",
    ]


def test_editors_picks_are_a_sidebar_not_related_posts():
    # 'Pilihan Redaksi' (the editors' picks), like 'Pilihan Editor', lists stories not about this one
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Pilihan Redaksi\n\nDPR Gelar Rapat Paripurna Bahas RAPBN\n\nTimnas Jalani Uji Coba Melawan Thailand"
    )
    lists = _lists(text, 2)
    assert lists.related == []
    assert [i.title for i in lists.sidebar] == [
        "DPR Gelar Rapat Paripurna Bahas RAPBN",
        "Timnas Jalani Uji Coba Melawan Thailand",
    ]


_LONG_TITLES = (
    "What makes magnums special: the science and the joy of bigger bottles for every cellar",
    "Brett in beer and wine: is the farmyard funk desirable or not in a modern glass?",
    "A guide to sparkling wine production methods and regional styles from around the world",
)


def test_entries_that_give_their_date_after_a_separator_keep_their_own_items() -> None:
    # 'Title - 26 January 2026' links in a blog's archive rail: each is read with its date; split
    # into title and date line, a long title after a date line read as the entry above's teaser.
    import warta

    rows = "".join(
        f"<li><a href='/blog/{n}'>{title} - {20 + n} January 2026</a></li>"
        for n, title in enumerate(_LONG_TITLES)
    )
    box = f"<aside class='sidebar'><h3>Archive</h3><ul>{rows}</ul></aside>"
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert [(i.title, i.url, i.date, i.teaser) for i in article.sidebar] == [
        (title, f"https://example.test/blog/{n}", f"{20 + n} January 2026", None)
        for n, title in enumerate(_LONG_TITLES)
    ]


def test_splitting_dates_off_never_costs_a_linked_entry_its_own_item() -> None:
    # Cited sources that end with their dates: split, the second title (under twelve words now)
    # became an entry, and the long third line then read as its teaser; unsplit, the third is
    # an entry of its own, and stays one.
    import warta

    rows = (
        "<li><a href='/1'>Tax Foundation tracking tariffs, Aug. 2, 2019</a></li>"
        "<li><a href='/2'>Federal Reserve Board report on prices and trade in farming towns, Aug. 5, 2019</a></li>"
        "<li><a href='/3'>PolitiFact Wisconsin: no, China is not paying United States farmers sixteen "
        "billion dollars through tariffs, Aug. 9, 2019</a></li>"
    )
    box = f"<aside class='sidebar'><h3>Sources</h3><ul>{rows}</ul></aside>"
    article = warta.extract(_html_page(box), url="https://example.test/x")
    assert "https://example.test/3" in [i.url for i in article.sidebar]


def test_rank_numbers_on_lines_of_their_own_are_joined_and_dropped():
    # bs4 flattening of '<li><span>1</span><a>Title</a></li>': the rank is a line of its own, and
    # a twelve-word headline after it is no teaser of the line above the list
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\nLo más leído\n1\n"
        "Un incendio calcina cinco hectáreas de pinar en la sierra de Aitana\n2\n"
        "La Policía Local cierra dos bares por exceso de ruido en el centro\n3\nAbre la nueva biblioteca"
    )
    lists = _lists(text, 2)
    assert [i.title for i in lists.sidebar] == [
        "Un incendio calcina cinco hectáreas de pinar en la sierra de Aitana",
        "La Policía Local cierra dos bares por exceso de ruido en el centro",
        "Abre la nueva biblioteca",
    ]


def test_a_ranked_line_is_the_next_entry_not_the_teaser_of_the_one_before():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\nMais lidas\n"
        "1 Frente fria traz chuva forte para a Grande Florianópolis\n2 Avaí anuncia novo técnico\n"
        "3 Festa do Divino em Santo Antônio de Lisboa terá programação de quatro dias\n4 Preço da tainha dispara"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.teaser) for i in lists.sidebar] == [
        ("Frente fria traz chuva forte para a Grande Florianópolis", None),
        ("Avaí anuncia novo técnico", None),
        ("Festa do Divino em Santo Antônio de Lisboa terá programação de quatro dias", None),
        ("Preço da tainha dispara", None),
    ]


def test_bulleted_text_entries_ending_in_their_date_are_split():
    # inscriptis: '<li><a>Title</a> <span>Senin, 28 April 2025</span></li>' is one bulleted line
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\nBerita Terkait\n\n"
        "  * Stasiun Cibatu Dipercantik, Kini Punya Ruang Tunggu Ber-AC Senin, 28 April 2025\n"
        "  * Okupansi KA Lokal Bandung Raya Naik 18 Persen Selama Libur Lebaran Kamis, 10 April 2025\n"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.date, i.teaser) for i in lists.related] == [
        ("Stasiun Cibatu Dipercantik, Kini Punya Ruang Tunggu Ber-AC", "Senin, 28 April 2025", None),
        ("Okupansi KA Lokal Bandung Raya Naik 18 Persen Selama Libur Lebaran", "Kamis, 10 April 2025", None),
    ]


def test_dates_are_looked_for_only_beside_a_possible_run_and_cut_as_before() -> None:
    from warta.assemble import lists
    from warta.model import Block, BlockStructure

    def entry(i: int, text: str, href: str | None = "/x") -> Block:
        return Block(i, text, BlockStructure(href=href), 0, len(text))

    texts = [
        "Harga Cabai Rawit di Pasar Mulai Turun 20 Agustus 2025",  # a run of two dated entries
        "Pemprov Siapkan Operasi Pasar Beras 18 Agustus 2025",
        "Menu",
        "Jadwal Imsakiyah Ramadan Kota Surabaya 1 Maret 2025",  # alone: keeps its date
        "Pemerintah Evaluasi Harga Eceran Beras",
        "Rilis 1 Maret 2025",  # a date with one word before it
        "Three new releases easesApril 20, 2025",  # glued to the link's text
        "Harga Beras Naik Lagi di 38 Daerah",  # ends with a number, no date
    ]
    blocks = [entry(i, t) for i, t in enumerate(texts)] + [
        entry(8, "Tanpa Tautan Hari Ini 2 Maret 2025", None)
    ]

    def every_entry_cut(blocks: list[Block]) -> list[int | None]:  # the dates of all entries, sought alike
        return [
            lists._date_at_end(b.text, LEX)
            if b.structure.href is not None
            and lists._may_end_with_date(b.text)
            and lists._inline_dated(b.text.strip(), LEX) is None
            else None
            for b in blocks
        ]

    cuts = every_entry_cut(blocks)
    assert [c is not None for c in cuts] == [True, True, False, True, False, False, True, False, False]
    in_run = {0, 1}  # (the glued one at 6 has no dated neighbour)
    apart = lists._dates_apart(blocks, LEX)
    expected = []
    for k, block in enumerate(blocks):
        cut = cuts[k]
        if k in in_run and cut is not None:
            expected += [block.text[:cut].rstrip(lists._DATE_EDGE), block.text[cut:]]
        else:
            expected.append(block.text)
    assert [b.text for b in apart] == expected
    assert not lists._may_end_with_date("Rilis 2025") and not lists._may_end_with_date("Tanggal 20 Agustus")


def test_a_long_headline_under_another_is_the_next_entry_not_its_teaser() -> None:
    # 12 words, no sentence end, not much longer than the title above it: a headline.
    second = "Oyster reefs off Texas show signs of recovery after years of closures"
    teaser = "Officials said the new rules would apply to every shipment arriving after the first of June."
    text = (
        "Body one.\n\nBody two.\n\nRelated coverage\n\n"
        f"Lawmakers debate new labeling rules for imported seafood\n\n{second}\n\n"
        f"Port of Galveston expands its cold storage for shrimp\n\n{teaser}"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.teaser) for i in lists.related] == [
        ("Lawmakers debate new labeling rules for imported seafood", None),
        (second, None),
        ("Port of Galveston expands its cold storage for shrimp", teaser),
    ]


def test_a_long_line_linking_elsewhere_is_the_next_entry_not_a_teaser() -> None:
    import warta

    titles = [
        "Ferry operator adds a second boat to the island route for the summer",
        "Harbour dredging will close the north channel for three weeks in May",
    ]
    links = "".join(f"<li><a href='/r{k}'>{title}</a></li>" for k, title in enumerate(titles))
    page = _html_page(f"<aside class='related'><h2>Related stories</h2><ul>{links}</ul></aside>")
    article = warta.extract(page.replace("Paragraf", "Paragraph"), url="https://example.test/x")
    assert [(i.title, i.url, i.teaser) for i in article.related] == [
        (titles[0], "https://example.test/r0", None),
        (titles[1], "https://example.test/r1", None),
    ]


def test_a_story_listed_twice_is_one_entry_with_what_each_copy_knows() -> None:
    text = (
        "Body one.\n\nBody two.\n\nTerpopuler\n\nHarga Cabai Naik Lagi\n\nBanjir Rendam Tiga Kecamatan\n\n"
        "Pemilu Digelar April\n\nTerkini\n\nHarga cabai naik lagi\n\n2 Maret 2025\n\nJalan Tol Baru Dibuka"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.date) for i in lists.sidebar] == [
        ("Harga Cabai Naik Lagi", "2 Maret 2025"),
        ("Banjir Rendam Tiga Kecamatan", None),
        ("Pemilu Digelar April", None),
        ("Jalan Tol Baru Dibuka", None),
    ]


def test_tags_after_a_label_inside_a_footer_line_of_links() -> None:
    from warta.model import Block, BlockStructure, Label

    def line(i: int, text: str, label: Label, density: float, href: str | None) -> tuple[Block, Label]:
        return Block(i, text, BlockStructure(link_density=density, href=href)), label

    rows = [
        line(0, "The new ferry timetable starts on Monday, the harbour office said.", Label.BODY, 0.0, None),
        line(
            1,
            "Posted in Harbour Tagged ferries, timetables, North Pier",
            Label.FOOTER,
            0.8,
            "/category/harbour/",
        ),
    ]
    blocks, labels = [b for b, _ in rows], [lab for _, lab in rows]
    assert build_lists(blocks, labels, LEX).tags == ["ferries", "timetables", "North Pier"]
    # The word in running text, or a line that is mostly not links, names no tags.
    for text, density in (("Posted in Harbour and tagged ferries, timetables", 0.8), (rows[1][0].text, 0.2)):
        blocks[1] = line(1, text, Label.FOOTER, density, "/category/harbour/")[0]
        assert build_lists(blocks, labels, LEX).tags == []


def test_a_tag_list_ends_at_its_box_and_explore_more_heads_one() -> None:
    from warta.classify.markers import section_header
    from warta.model import Block, BlockStructure, Label

    assert section_header("explore more on these topics", LEX) is Label.TAGS
    box, beside = ("article", "tags"), ("article", "reuse")
    rows = [
        ("Explore more on these topics", box, None),
        ("Harbours", box, "/uk/harbours"),
        ("Ferries", ("article", "tags", "people", "tag", "link", "7"), "/uk/ferries"),  # a nested list
        ("Reuse this content", beside, "/info/syndication"),
    ]
    blocks = [
        Block(i, text, BlockStructure(class_tokens=tokens, href=href))
        for i, (text, tokens, href) in enumerate(rows)
    ]
    assert build_lists(blocks, [Label.TAGS] * len(blocks), LEX).tags == ["Harbours", "Ferries"]


def test_a_short_sentence_under_a_title_is_its_teaser():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Mehr zum Thema\n\nFreibad Ost öffnet am 15. Mai\n\n"
        "Die Saisonkarten sind ab sofort online erhältlich.\n\n"
        "Schlachthofbrücke wird im kommenden Jahr saniert\n\n"
        "Die Arbeiten sollen rund acht Monate dauern."
    )
    lists = _lists(text, 2)
    assert [(i.title, i.teaser) for i in lists.related] == [
        ("Freibad Ost öffnet am 15. Mai", "Die Saisonkarten sind ab sofort online erhältlich."),
        ("Schlachthofbrücke wird im kommenden Jahr saniert", "Die Arbeiten sollen rund acht Monate dauern."),
    ]


def test_a_cut_headline_under_a_title_is_the_next_entry():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "Related\n\nKhamenei says enemy 'repelled' in protest-hit Iran\n\n"
        "Beijing warns US diplomat over Hong Kong rights bill...\n\n"
        "Bullet Rani discharged, activists struggle to pay bill"
    )
    lists = _lists(text, 2)
    assert [(i.title, i.teaser) for i in lists.related] == [
        ("Khamenei says enemy 'repelled' in protest-hit Iran", None),
        ("Beijing warns US diplomat over Hong Kong rights bill...", None),
        ("Bullet Rani discharged, activists struggle to pay bill", None),
    ]


def test_an_ad_marker_mid_article_heads_no_sidebar():
    # "Anzeige" (German: advertisement) marks an ad slot between paragraphs, not a box header.
    text = (
        "Der erste Absatz ist lang genug.\n\nDer zweite Absatz auch.\n\nAnzeige\n\n"
        "Umleitung bleibt bestehen\n\nDie Umleitung bleibt damit den ganzen Sommer über bestehen."
    )
    blocks = segment_text(text)
    probs = [0.9, 0.9, 0.2, 0.6, 0.6]
    labels = label_blocks(blocks, probs, LEX)
    assert Label.SIDEBAR not in labels
    assert labels[-1] is Label.BODY


def test_notices_and_disclosures_are_no_list_entries():
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "We may earn a commission when you buy through links on our site.\n\n"
        "Terpopuler\n\nKereta Cepat Tambah Jadwal Perjalanan Saat Libur Sekolah\n\n"
        "Kirim Tanggapan\n\nBelum ada tanggapan. Jadilah yang pertama memberikan tanggapan.\n\n"
        "Tentang Kami\n\nSyarat & Ketentuan"
    )
    lists = _lists(text, 2)
    titles = [i.title for i in (*lists.sidebar, *lists.related)]
    assert titles == ["Kereta Cepat Tambah Jadwal Perjalanan Saat Libur Sekolah"]


def test_entries_in_a_script_written_without_spaces_are_kept_and_their_ranks_dropped():
    # A Japanese headline is one space-separated "word": its characters count (three a word); a
    # rank number fused to it ('<span>1</span><a>港北港…</a>') is dropped, a site name stays out.
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        "アクセスランキング\n\n1港北港に大型クルーズ船が初寄港\n\n2春の高校野球、地元2校が初戦突破\n\n"
        "3桜の開花予想、平年より4日早く\n\n港北新聞"
    )
    assert [i.title for i in _lists(text, 2).sidebar] == [
        "港北港に大型クルーズ船が初寄港",
        "春の高校野球、地元2校が初戦突破",
        "桜の開花予想、平年より4日早く",
    ]


def test_a_long_line_in_a_script_written_without_spaces_is_the_teaser_of_the_title_above():
    # The sentence under a headline counts its characters as words too: 40 characters (13 words)
    # under one of 16 (5 words) is its teaser, not the next entry.
    teaser = "港北市の路面電車を駅東口から新市民病院まで約三キロ延伸する計画が市議会の本会議で可決された。"
    text = (
        "Body one is long enough.\n\nBody two is long too.\n\n"
        f"関連記事\n\n路面電車の延伸計画、市議会が可決\n\n{teaser}\n\n市営バス、四月から三路線を減便"
    )
    assert [(i.title, i.teaser) for i in _lists(text, 2).related] == [
        ("路面電車の延伸計画、市議会が可決", teaser),
        ("市営バス、四月から三路線を減便", None),
    ]


def test_tag_box_links_agree_with_the_loop_testing_every_line() -> None:
    import random

    from warta.assemble import lists as module
    from warta.model import ALL_LINK, Block, BlockStructure

    def reference(blocks: list[Block], labels: list[Label]) -> list[str]:
        first_body = next((i for i, label in enumerate(labels) if label is Label.BODY), None)
        if first_body is None:
            return []
        names, href = module._tag_box_tokens(), module._tag_href()
        run: list[str] = []
        for block, label in zip(blocks[first_body:], labels[first_body:], strict=True):
            structure = block.structure
            if (
                label in module._UNLABELLED
                and len(block.text) <= module._TAG_CHARS
                and structure.link_density >= ALL_LINK
                and (href.search(structure.href or "") is not None or block.text.startswith("#"))
                and not names.isdisjoint(structure.class_tokens)
            ):
                run.append(block.text.strip(" #"))
                continue
            if len(run) >= module._TAG_BOX_MIN:
                return run
            run = []
        return run if len(run) >= module._TAG_BOX_MIN else []

    box = sorted(module._tag_box_tokens())[0]
    rng = random.Random(26)
    found = 0
    for _ in range(2_000):
        blocks, labels = [], []
        for i in range(rng.randint(0, 12)):
            text = rng.choice(["#Kedah", "Banjir bandang", "A line " * 8, "x"])
            structure = BlockStructure(
                class_tokens=rng.choice([(), (box,), ("post", box), ("post",)]),
                href=rng.choice([None, "/tag/kedah", "/news/a", "https://x.id/topic/banjir"]),
                link_density=rng.choice([0.0, 0.5, ALL_LINK, 1.0]),
            )
            blocks.append(Block(i, text, structure))
            labels.append(rng.choice([Label.BODY, Label.OTHER, Label.NAV, Label.RELATED]))
        expected = reference(blocks, labels)
        found += bool(expected)
        assert module._tag_box_links(blocks, labels) == expected
    assert found > 10


def test_tag_links_in_the_entry_footer_after_a_tags_line_are_tags() -> None:
    # "<footer class='entry-footer'>Mga Tag: <a>baha</a> <a>Maynila</a>": the links after the
    # label's line are labelled footer (their box is the entry's footer), and are tags still
    from warta.model import Block, BlockStructure, Label

    def link(i, text, href):
        return Block(i, text, BlockStructure(href=href, link_density=1.0))

    blocks = [
        Block(0, "Mga Tag: baha", BlockStructure(href="https://x.example/tag/baha/", link_density=0.3)),
        link(1, "Maynila", "https://x.example/tag/maynila/"),
        link(2, "MMDA", "https://x.example/tag/mmda/"),
    ]
    labels = [Label.TAGS, Label.FOOTER, Label.FOOTER]
    assert build_lists(blocks, labels, LEX).tags == ["baha", "Maynila", "MMDA"]


def test_a_tag_list_s_box_is_not_a_sibling_s_even_or_odd() -> None:
    # Drupal numbers a field's items "field-item even", "field-item odd": the same list
    from warta.model import Block, BlockStructure, Label

    rows = [
        ("Tags:", ("field", "tags", "label"), None),
        ("pelayanan publik", ("field", "tags", "items", "field", "item", "even"), "/tags/pelayanan-publik"),
        ("MPP", ("field", "tags", "items", "field", "item", "odd"), "/tags/mpp"),
    ]
    blocks = [
        Block(i, text, BlockStructure(class_tokens=tokens, href=href))
        for i, (text, tokens, href) in enumerate(rows)
    ]
    assert build_lists(blocks, [Label.TAGS] * len(blocks), LEX).tags == ["pelayanan publik", "MPP"]


def test_hashtag_links_in_a_tag_box_are_tags_wherever_they_link() -> None:
    # "<div class='article-tags'><a href='/search?sc_word=서울시'>#서울시</a> …": the site's search
    # is no tag page, but the "#" and the box say tag
    from warta.model import Block, BlockStructure, Label

    def tag(i: int, text: str) -> Block:
        box = ("article", "tags")
        return Block(
            i, text, BlockStructure(class_tokens=box, href=f"/search?sc_word={text}", link_density=1.0)
        )

    blocks = [
        Block(0, "Body line of the story that is long enough.", BlockStructure()),
        tag(1, "#서울시"),
        tag(2, "#안전점검"),
    ]
    labels = [Label.BODY, Label.OTHER, Label.OTHER]
    assert build_lists(blocks, labels, LEX).tags == ["서울시", "안전점검"]


def test_a_commenter_s_login_glued_to_the_date_is_cut_from_it() -> None:
    # "<span class='comment-author'>hannah_cooks</span><span class='comment-time'>2 hours ago</span>"
    from warta.assemble.lists import _glued_date_apart

    assert _glued_date_apart("hannah_cooks2 hours ago", LEX) == ("hannah_cooks", "2 hours ago")
    assert _glued_date_apart("RobertF1 hour ago", LEX) == ("RobertF", "1 hour ago")
    # a login that ends in digits of its own, or a name with no date, stays whole
    assert _glued_date_apart("kierowca77", LEX) == ("kierowca77", None)
    assert _glued_date_apart("Jane Doe", LEX) == ("Jane Doe", None)


def test_linked_entries_that_end_with_a_relative_time_have_it_apart_as_their_date() -> None:
    # markdownify's '1. [Title](url) 2 jam lalu': the time glued after the link's text
    from warta.assemble import lists
    from warta.model import Block, BlockStructure

    def entry(i: int, text: str) -> Block:
        return Block(i, text, BlockStructure(href=f"/a{i}"), 0, len(text))

    texts = [
        "Jembatan Gantung Lindu Kembali Dibuka Setelah Diperbaiki 2 jam lalu",
        "Persipal Tambah Dua Pemain Asing Jelang Musim Baru 5 jam lalu",
        "Harbour ferry returns after a two-week suspension 35 minutes ago",
    ]
    apart = lists._dates_apart([entry(i, t) for i, t in enumerate(texts)], LEX)
    assert [b.text for b in apart] == [
        "Jembatan Gantung Lindu Kembali Dibuka Setelah Diperbaiki",
        "2 jam lalu",
        "Persipal Tambah Dua Pemain Asing Jelang Musim Baru",
        "5 jam lalu",
        "Harbour ferry returns after a two-week suspension",
        "35 minutes ago",
    ]
    # alone, a headline that ends like a relative time keeps it ('… 3 Tahun Lalu')
    single = [entry(0, "Polisi Ungkap Kasus Pembunuhan 3 Tahun Lalu"), entry(1, "Harga Beras Naik Lagi")]
    assert [b.text for b in lists._dates_apart(single, LEX)] == [b.text for b in single]
    assert lists._relative_at_end("Dua kata 2 jam lalu", LEX) is None  # two words before it: too few


def test_a_row_of_menu_items_parted_by_separators_is_no_list_entry() -> None:
    # a footer row under the last list ('Lo más leído'): its items, not its separators, counted
    from warta.assemble.lists import _headline_like, _separated_menu_row
    from warta.lexicon import normalise_marker

    for row in (
        "Aviso legal · Privacidad · Contacto",
        "+ - International",
        "About / Advertise / Tip Us / Contact",
    ):
        norm = normalise_marker(row)
        assert _separated_menu_row(norm, LEX) and not _headline_like(norm, LEX, len(row.split()))
    headline = normalise_marker("Harga cabai turun · pedagang lega")
    assert not _separated_menu_row(headline, LEX) and _headline_like(headline, LEX, 6)


def test_the_tags_label_pre_test_never_hides_a_label_the_search_finds() -> None:
    """`may_hold_label` says False only where `_inline_tags_label`'s case-blind search finds
    nothing: on generated texts of ASCII and case-folding characters, for ASCII labels and
    labels beyond ASCII."""
    import random

    from warta.assemble.lists import _inline_tags_label, may_hold_label

    rng = random.Random(29)
    pieces = [
        "tagged",
        "TAGGED",
        "Tag",
        "ged",
        " with",
        "With",
        " ",
        "\n",
        "a",
        "K",
        "s",
        "ſ",
        "\u212a",
        "İ",
        "ı",
    ]
    for labels in (("tagged", "tagged with"), ("sk",), ("ſk",), ("İn",), ("tags",)):
        pattern = _inline_tags_label(labels)
        assert pattern is not None
        texts = ["", "Posted in News Tagged bike lanes", "tagged", " tagged x", "x\nTAGGED y"]
        texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(5_000)]
        for text in texts:
            if not may_hold_label(text, labels):
                assert pattern.search(text) is None, (labels, text)
    assert not may_hold_label("Posted in News", ("tagged",))
    assert may_hold_label("Posted in News TAGGED x", ("tagged",))


def _rank_run_as_first_written(blocks: list) -> set[int]:
    import re

    lone = re.compile(r"(\d{1,2})[.)]?")
    values = [int(m.group(1)) if (m := lone.fullmatch(b.text.strip())) is not None else None for b in blocks]
    found: set[int] = set()
    k = 0
    while k < len(values):
        if values[k] != 1:
            k += 1
            continue
        run = [k]
        while run[-1] + 2 < len(values) and values[run[-1] + 2] == values[run[-1]] + 1:
            run.append(run[-1] + 2)
        if len(run) >= 2:
            found.update(run)
        k = run[-1] + 1
    return found


def test_rank_runs_are_those_the_loop_over_every_line_finds() -> None:
    """`_rank_run` reads only the lines of three characters or less: the runs the loop over every
    line's number found, on generated pages of numbers, padded numbers and titles."""
    import random

    from warta.assemble.lists import _rank_run
    from warta.model import Block, BlockStructure

    rng = random.Random(29)
    lines = ["1", "2", "3", "4", " 1 ", "1.", "2)", "01", "02", "12", "13", "123", "١", "٢", "Title", "x", ""]
    for _ in range(3_000):
        texts = [rng.choice(lines) for _ in range(rng.randint(0, 14))]
        blocks = [Block(index=i, text=t, structure=BlockStructure()) for i, t in enumerate(texts)]
        assert _rank_run(blocks) == _rank_run_as_first_written(blocks), texts
