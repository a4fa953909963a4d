"""Small hand-written pages for the page-part rules found by the blind held-out HTML fixtures
(bench/results/heldout-fixtures-2.md): each page holds one template detail around a plain
article, and each test fails without its rule."""

from __future__ import annotations

import warta
from warta.assemble.lists import _name_before_date
from warta.classify.markers import labelled_read_also_link
from warta.lexicon import load_lexicon, normalise_marker
from warta.model import Block, BlockStructure

LEX = load_lexicon()

_PARAGRAPHS = {
    "en": [
        "The city council voted on Tuesday night to rebuild the old ferry pier before the summer season "
        "begins, ending a dispute that has lasted for almost three years.",
        "The plan costs about four million pounds and will be paid for by a regional grant and a loan "
        "that the council expects to repay from harbour fees over twenty years.",
        "Residents who spoke at the meeting said the pier had been closed since a storm damaged its "
        "timber piles, and that the town had lost visitors and trade as a result.",
        "Work is expected to start in May, and the contractor has promised to keep the promenade open "
        "to walkers for most of the time the pier is being rebuilt.",
        "The council will publish the full timetable and the contractor's safety plan on its website "
        "next week, and a public exhibition is planned for the library.",
    ],
    "id": [
        "Pemerintah kota memutuskan untuk memperbaiki dermaga lama sebelum musim liburan tiba, setelah "
        "perdebatan panjang yang berlangsung hampir tiga tahun di dewan kota.",
        "Biaya perbaikan diperkirakan mencapai Rp 40 miliar dan akan ditanggung oleh anggaran provinsi "
        "serta pinjaman daerah yang dibayar dari retribusi pelabuhan.",
        "Warga yang hadir dalam rapat mengatakan dermaga sudah ditutup sejak badai merusak tiang-tiang "
        "kayunya, sehingga jumlah wisatawan dan pedagang menurun tajam.",
        "Pekerjaan dijadwalkan dimulai pada bulan Mei, dan kontraktor berjanji tetap membuka jalur "
        "pejalan kaki di sepanjang pantai selama perbaikan berlangsung.",
        "Jadwal lengkap dan rencana keselamatan kerja akan diumumkan melalui laman resmi pemerintah "
        "kota pada pekan depan, disertai pameran terbuka di perpustakaan.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes por la noche la reconstrucción del viejo muelle antes de la "
        "temporada de verano, tras una disputa que duró casi tres años.",
        "El proyecto costará unos cuatro millones de euros y se pagará con una subvención regional y "
        "un préstamo que se devolverá con las tasas del puerto durante veinte años.",
        "Los vecinos que hablaron en la sesión dijeron que el muelle está cerrado desde que una "
        "tormenta dañó sus pilotes de madera y que el pueblo perdió visitantes.",
        "Las obras comenzarán en mayo y la constructora prometió mantener abierto el paseo marítimo "
        "para los peatones durante la mayor parte de los trabajos.",
        "El ayuntamiento publicará el calendario completo y el plan de seguridad de la obra en su "
        "sitio web la próxima semana, con una exposición pública en la biblioteca.",
    ],
    "pt": [
        "A câmara municipal aprovou na noite de terça-feira a reconstrução do velho cais antes da "
        "temporada de verão, encerrando uma disputa que durou quase três anos.",
        "O projeto custará cerca de quatro milhões de reais e será pago com um repasse estadual e um "
        "empréstimo que será quitado com as taxas do porto ao longo de vinte anos.",
        "Moradores que falaram na sessão disseram que o cais está fechado desde que uma tempestade "
        "danificou suas estacas de madeira e que a cidade perdeu visitantes.",
        "As obras devem começar em maio, e a construtora prometeu manter o calçadão aberto aos "
        "pedestres durante a maior parte do tempo em que o cais estiver em obras.",
        "A prefeitura vai publicar o cronograma completo e o plano de segurança da obra no seu site "
        "na próxima semana, com uma exposição aberta ao público na biblioteca.",
    ],
}


def _page(lang: str, inserts: dict[int, str], after: str = "", head: str = "") -> str:
    """An article page in `lang`: its five paragraphs with `inserts` (HTML) placed before the
    paragraph of each index (5: after the last), then `after` below the article."""
    parts = []
    for k, text in enumerate(_PARAGRAPHS[lang]):
        parts.append(inserts.get(k, ""))
        parts.append(f"<p>{text}</p>")
    parts.append(inserts.get(5, ""))
    return (
        f'<html lang="{lang}"><head><title>The pier will be rebuilt before summer - The Daily</title></head><body>'
        '<header><a href="/">The Daily</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>'
        f"<main><article><h1>The pier will be rebuilt before summer</h1>{head}"
        f'<div class="article-body">{"".join(parts)}</div></article>{after}</main>'
        "<footer><p>© 2025 The Daily. All rights reserved.</p></footer></body></html>"
    )


URL = "https://daily.example/news/2025/03/01/pier"


def test_a_read_also_list_keeps_its_items_when_an_ad_slot_follows_it() -> None:
    box = (
        '<div class="leia-tambem"><p>Leia também</p><ul>'
        '<li><a href="/a/exportacoes-recorde">Exportações de frango batem recorde em fevereiro</a></li>'
        '<li><a href="/a/balsa-horario">Balsa entre as duas cidades muda horário durante obras</a></li>'
        '</ul></div><div class="publicidade"><span>Publicidade</span><div id="ad1"></div></div>'
    )
    article = warta.extract(_page("pt", {2: box}), url=URL)
    assert [i.title for i in article.read_also] == [
        "Exportações de frango batem recorde em fevereiro",
        "Balsa entre as duas cidades muda horário durante obras",
    ]
    assert "Balsa entre" not in article.text


def test_a_read_also_label_without_its_colon_before_one_link() -> None:
    box = (
        '<div class="inline-video"><span>Lihat Juga</span> '
        '<a href="/video/petani-garam">Petani Garam Merugi karena Hujan di Bulan Kemarau</a></div>'
    )
    article = warta.extract(_page("id", {2: box}), url=URL)
    assert [(i.title, i.url) for i in article.read_also] == [
        ("Petani Garam Merugi karena Hujan di Bulan Kemarau", "https://daily.example/video/petani-garam")
    ]
    assert len(article.body) == 5


def _linked_block(text: str, link: str) -> Block:
    return Block(
        0, text, BlockStructure(tag="div", href="https://x.example/a", link_density=len(link) / len(text))
    )


def test_a_colonless_label_needs_the_rest_of_the_line_to_be_one_headline_link() -> None:
    assert labelled_read_also_link(
        _linked_block("Te puede interesar Sequía en 31 municipios", "Sequía en 31 municipios"), LEX
    )
    # a one-word label, a sentence with a link inside it, a label over a longer sentence: none
    assert not labelled_read_also_link(
        _linked_block("More freeCodeCamp courses here.", "freeCodeCamp courses here."), LEX
    )
    assert not labelled_read_also_link(
        _linked_block("Lihat juga bagaimana warga menolak rencana itu", "warga"), LEX
    )


def test_tag_links_after_a_tags_line_to_topic_pages() -> None:
    tags = (
        '<div class="nota-temas"><span>Temas:</span> <a href="/temas/muelle">Muelle</a>\n'
        '<a href="/temas/ayuntamiento">Ayuntamiento</a>\n<a href="/temas/verano">Verano</a></div>'
    )
    article = warta.extract(_page("es", {5: tags}), url=URL)
    assert article.tags == ["Muelle", "Ayuntamiento", "Verano"]


def test_veja_mais_sobre_heads_the_topic_links() -> None:
    tags = (
        '<div class="entities"><span>Veja mais sobre</span><ul>'
        '<li><a href="/busca/?q=cais">Cais</a></li><li><a href="/busca/?q=obras">Obras públicas</a></li></ul></div>'
    )
    article = warta.extract(_page("pt", {5: tags}), url=URL)
    assert article.tags == ["Cais", "Obras públicas"]


def test_a_reply_s_head_names_its_author_before_the_badge_and_the_parent_after_it() -> None:
    assert _name_before_date("Dan Okafor Mod Priya Nair 2 days ago", LEX) == ("Dan Okafor", "2 days ago")
    assert _name_before_date("Ellen Park 2 months ago", LEX) == ("Ellen Park", "2 months ago")
    # a badge then words that are no name: no author from this line
    assert _name_before_date("Dan Okafor Mod replied to a comment 2 days ago", LEX)[0] is None


def test_an_in_page_reply_to_link_is_not_the_comment_s_author() -> None:
    def post(pid: str, name: str, text: str, parent: str = "") -> str:
        reply = (
            f' <a href="#comment-{parent}" class="parent-link">{parent_name[parent]}</a>' if parent else ""
        )
        return (
            f'<li class="post" id="post-{pid}"><div class="post-header"><span class="author">'
            f'<a href="https://profiles.example/{pid}">{name}</a></span>{reply}</div>'
            f'<div class="post-meta"><a href="#comment-{pid}">3 days ago</a></div>'
            f'<div class="post-message"><p>{text}</p></div></li>'
        )

    parent_name = {"1": "Marge Tully", "2": "Tom Reyes"}
    thread = (
        '<section id="comments"><h2>Comments</h2><ul class="post-list">'
        + post("1", "Marge Tully", "I own the hardware store on Oak and I am not against the pier at all.")
        + post(
            "2",
            "Tom Reyes",
            "The plan keeps the loading zone in front of your store, it is in the report.",
            "1",
        )
        + post("3", "Priya Nair", "Thank you both, I had not seen that part of the report before today.", "2")
        + "</ul></section>"
    )
    article = warta.extract(_page("en", {}, after=thread), url=URL)
    assert [c.author for c in article.comments if c.author] == ["Marge Tully", "Tom Reyes", "Priya Nair"]


def test_a_view_counter_in_the_meta_row_is_not_body() -> None:
    head = '<ul class="post-meta"><li>Kamis, 12 Juni 2025</li><li>Dilihat 1.284 kali</li></ul>'
    article = warta.extract(_page("id", {}, head=head), url=URL)
    assert "Dilihat" not in article.text
    assert LEX.is_view_count(normalise_marker("1,284 views"))
    assert not LEX.is_view_count(normalise_marker("Dilihat 3 kali oleh petugas"))


def test_a_press_release_s_contact_and_attachment_boxes_are_not_body() -> None:
    after = (
        '<div class="kontak"><p><strong>Narahubung:</strong><br>Baiq Rina Maulida, Kepala Bidang Pemasaran<br>'
        "Telepon: (0370) 631-001</p></div>"
        '<div class="lampiran"><h3>Lampiran</h3><table><tr><th>No</th><th>Nama Berkas</th><th>Ukuran</th></tr>'
        '<tr><td>1</td><td><a href="/files/sp-045.pdf">SP 045 Dermaga.pdf</a></td><td>312 KB</td></tr></table></div>'
    )
    article = warta.extract(_page("id", {5: after}), url=URL)
    assert "Narahubung" not in article.text and "312 KB" not in article.text
    assert article.read_also == []


def test_a_deck_element_under_the_headline_is_the_subtitle_inside_a_box_opened_above_it() -> None:
    # "Assine" (a sidebar header) and an ad slot's "Publicidade" above the headline open a box
    # that the headline's own deck element does not belong to
    paras = "".join(f'<p class="content-text__container">{t}</p>' for t in _PARAGRAPHS["pt"])
    deck = "Investimento de R$ 4 milhões deve reabrir o cais até o fim do ano; prefeitura prevê 200 empregos."
    page = (
        '<html lang="pt-BR"><head><title>O cais será reconstruído antes do verão | Cidades | Folha</title></head>'
        '<body><header><a href="/">Folha</a><nav><a href="/politica/">Política</a> <a href="/cidades/">Cidades</a>'
        ' <a href="/esportes/">Esportes</a></nav><a class="header-assine" href="/assine/">Assine</a></header>'
        '<div class="publicidade banner-topo"><span>Publicidade</span><div id="banner_topo"></div></div>'
        '<main><div class="mc-article-header"><a href="/cidades/">Cidades</a>'
        f'<h1>O cais será reconstruído antes do verão</h1><h2 class="content-head__subtitle">{deck}</h2>'
        '<p class="byline">Por <a href="/autores/ana-souza/">Ana Souza</a>, Folha — Itajaí</p>'
        '<p><time datetime="2025-03-21T10:45:00Z">21/03/2025 07h45</time> · Atualizado há 2 horas</p></div>'
        f'<article><div class="content-text">{paras}</div></article></main>'
        "<footer><p>© 2025 Folha. Todos os direitos reservados.</p></footer></body></html>"
    )
    article = warta.extract(page, url="https://folha.example/cidades/noticia/2025/03/21/cais.ghtml")
    assert article.subtitle == deck


def test_a_colon_prefix_matches_with_a_space_before_its_colon() -> None:
    # French typography: "Mots-clés : Transports"; the lexicon writes "mots-clés:"
    assert "mots-clés :" in LEX.tags_prefix and "tags :" in LEX.tags_prefix
    tags = (
        '<div class="keywords"><span>Tags :</span> <a href="/tag/ferries">Ferries</a> '
        '<a href="/tag/harbour">Harbour</a></div>'
    )
    article = warta.extract(_page("en", {}, after=tags), url=URL)
    assert article.tags == ["Ferries", "Harbour"]


def test_a_subhead_element_under_the_headline_is_the_subtitle() -> None:
    head = '<div class="field field--name-field-subhead">The council chose the cheaper of two plans for the pier.</div>'
    article = warta.extract(_page("en", {}, head=head), url=URL)
    assert article.subtitle == "The council chose the cheaper of two plans for the pier."
    assert "cheaper of two plans" not in article.text
    teaser = '<p class="teaser-text">The council chose the cheaper of two plans for the pier.</p>'
    assert warta.extract(_page("en", {}, head=teaser), url=URL).subtitle == article.subtitle


def test_a_fact_check_verdict_box_is_not_body() -> None:
    box = (
        '<div class="verdict"><p><strong>Klaim:</strong> Dermaga lama sudah dibongkar bulan lalu.</p>'
        "<p><strong>Faktanya:</strong> Dermaga masih berdiri dan baru akan diperbaiki pada Mei.</p>"
        "<p><strong>Kesimpulan:</strong> Hoaks</p></div>"
    )
    article = warta.extract(_page("id", {0: box}), url=URL)
    assert "Klaim:" not in article.text and "Faktanya:" not in article.text
    assert article.body[0].text.startswith("Pemerintah kota memutuskan")
    # a claim quoted alone, no verdict under it, stays where it is
    alone = "<p>Klaim: dermaga lama sudah dibongkar, menurut sebuah unggahan yang beredar luas di media sosial.</p>"
    assert "Klaim: dermaga lama" in warta.extract(_page("id", {2: alone}), url=URL).text


def test_more_episodes_heads_a_related_list() -> None:
    more = (
        '<section class="more"><h2>More episodes</h2><ul>'
        '<li><a href="/episodes/41-who-owns-the-sidewalk">Who owns the sidewalk in front of your house?</a></li>'
        '<li><a href="/episodes/40-the-last-rural-pharmacy">The last rural pharmacy in the valley</a></li>'
        "</ul></section>"
    )
    article = warta.extract(_page("en", {}, after=more), url=URL)
    assert [i.title for i in article.related] == [
        "Who owns the sidewalk in front of your house?",
        "The last rural pharmacy in the valley",
    ]


def test_tag_links_in_a_tag_box_with_no_header_are_tags() -> None:
    box = (
        '<div class="tag-artikel"><a href="/tag/dermaga">Dermaga</a> <a href="/tag/pariwisata">Pariwisata</a>'
        ' <a href="/tag/anggaran-daerah">Anggaran Daerah</a></div>'
    )
    assert warta.extract(_page("id", {}, after=box), url=URL).tags == [
        "Dermaga",
        "Pariwisata",
        "Anggaran Daerah",
    ]
    # one link alone, or links to section pages, are no tag box
    one = '<div class="tags"><a href="/tag/dermaga">Dermaga</a></div>'
    assert warta.extract(_page("id", {}, after=one), url=URL).tags == []
    sections = '<div class="tags"><a href="/news">News</a> <a href="/sport">Sport</a></div>'
    assert warta.extract(_page("id", {}, after=sections), url=URL).tags == []
