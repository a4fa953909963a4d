"""The article header on the assembled page: headline, standfirst and byline above the story."""

from __future__ import annotations

import pytest

import warta
from warta.assemble.layout import dateline_above_lead, unmark_header_above_byline
from warta.assemble.title import choose_title
from warta.lexicon import load_lexicon
from warta.model import Block, Label
from warta.segment.text import segment_text

LEX = load_lexicon()
PARAGRAPH = (
    "The council voted on Monday to approve the plan after a long debate about traffic, parking and "
    "the number of affordable homes the developer must deliver on the old depot site."
)


def _blocks(*texts: str) -> list[Block]:
    return [Block(i, text) for i, text in enumerate(texts)]


def test_byline_among_the_first_body_blocks_closes_the_header() -> None:
    blocks = _blocks(
        "Council approves plan for the old tram depot",
        "New scheme promises 180 homes and a covered market",
        "By Oliver Pennington, Local Democracy Reporter",
        PARAGRAPH,
        PARAGRAPH + " Again.",
    )
    labels = [Label.BODY] * 5
    unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.OTHER, Label.OTHER, Label.BYLINE, Label.BODY, Label.BODY]


def test_no_header_is_cut_once_a_paragraph_has_begun() -> None:
    blocks = _blocks(PARAGRAPH, "By the way, the vote was close", PARAGRAPH + " Again.")
    labels = [Label.BODY] * 3
    unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.BODY] * 3


def test_credit_line_closing_the_story_is_left_alone() -> None:
    blocks = _blocks("Council approves plan for the old tram depot", "By Oliver Pennington")
    labels = [Label.BODY, Label.BODY]
    unmark_header_above_byline(blocks, labels, LEX)
    assert labels == [Label.BODY, Label.BODY]


def test_the_headline_above_the_standfirst_is_the_title() -> None:
    blocks = _blocks(
        "News Sport Business",
        "Council approves plan to turn old tram depot into housing",
        "New scheme promises 180 homes, a covered market and a public square on the derelict site",
        "Tuesday 17 March 2026",
        PARAGRAPH,
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY]
    title, index = choose_title(blocks, labels, LEX)
    assert (title, index) == ("Council approves plan to turn old tram depot into housing", 1)


def test_a_reading_time_line_under_the_headline_is_not_the_title() -> None:
    blocks = _blocks(
        "News Sport Business",
        "Council approves plan to turn old tram depot into housing",
        "Tuesday 17 March 2026",
        "4 min read",
        PARAGRAPH,
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY]
    assert choose_title(blocks, labels, LEX) == (
        "Council approves plan to turn old tram depot into housing",
        1,
    )
    assert LEX.is_reading_time("waktu baca 3 menit")
    assert LEX.is_reading_time("Lesezeit: 4 Min.")
    assert not LEX.is_reading_time("Reading time matters for 3 reasons, and here is why it is so")


def test_a_title_case_headline_above_a_sentence_case_deck_is_the_title() -> None:
    blocks = _blocks(
        "Beranda Berita",
        "Petani Kopi Lampung Panen Raya Lebih Awal Tahun Ini",
        "Cuaca kering membuat buah kopi matang dua pekan lebih cepat",
        "Petani kopi di Lampung Barat mulai memanen buah kopi robusta sejak awal bulan, dua pekan "
        "lebih cepat dibanding tahun lalu, karena cuaca kering membuat buah matang serentak.",
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.BODY]
    assert choose_title(blocks, labels, LEX) == ("Petani Kopi Lampung Panen Raya Lebih Awal Tahun Ini", 1)


def test_a_section_label_above_the_headline_is_not_the_title() -> None:
    blocks = _blocks(
        "Scotland Politics",
        "Edinburgh, Fife & East",
        "Ferry firm apologises after island routes cancelled for third week",
        "A ferry operator has apologised to island communities after sailings on two routes were "
        "cancelled for a third consecutive week, blaming repairs that took longer than expected.",
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.BODY]
    title, _ = choose_title(blocks, labels, LEX)
    assert title == "Ferry firm apologises after island routes cancelled for third week"


def test_date_and_headline_labelled_body_on_a_page_without_blank_lines() -> None:
    from warta.assemble.layout import unmark_dates_around_title

    blocks = _blocks(
        "Kabar Kota",
        "Jumat, 20 Maret 2026 – 15:22 WIB",
        "Petugas Lapas Gagalkan Penyelundupan Barang Terlarang",
        PARAGRAPH,
    )
    labels = [Label.OTHER, Label.BODY, Label.BODY, Label.BODY]
    title, index = choose_title(blocks, labels, LEX)
    assert (title, index) == ("Petugas Lapas Gagalkan Penyelundupan Barang Terlarang", 2)
    unmark_dates_around_title(blocks, labels, LEX, 2)
    assert labels[1] is Label.OTHER


def test_a_headline_a_list_header_swallowed_is_found_above_the_credit_line() -> None:
    from warta.assemble.layout import unmark_dates_around_title

    blocks = _blocks(
        "Kabar Kota",
        "Trending",
        "Pemkab Bangun Embung untuk Atasi Kekeringan Sawah",
        "Reporter : Dimas Arya | Editor : Wulan Sari",
        "Selasa, 10 Maret 2026 09:15",
        PARAGRAPH,
    )
    labels = [Label.OTHER, Label.SIDEBAR, Label.SIDEBAR, Label.BYLINE, Label.SIDEBAR, Label.BODY]
    title, index = choose_title(blocks, labels, LEX)
    assert (title, index) == ("Pemkab Bangun Embung untuk Atasi Kekeringan Sawah", 2)
    unmark_dates_around_title(blocks, labels, LEX, 2)
    assert labels[4] is Label.OTHER


def test_a_headline_printed_twice_outranks_the_publication_name_on_the_first_line() -> None:
    from warta.assemble.layout import unmark_dates_around_title

    blocks = _blocks(
        "Notes from the Allotment",
        "Share this post",
        "What a failed harvest taught me about soil",
        "Copy link",
        "What a failed harvest taught me about soil",
        "Three seasons of blight and one patient neighbour",
        "Mar 14, 2026",
        PARAGRAPH,
    )
    labels = [Label.TITLE, *[Label.SIDEBAR] * 6, Label.BODY]
    labels[3] = Label.NAV
    title, index = choose_title(blocks, labels, LEX)
    assert (title, index) == ("What a failed harvest taught me about soil", 4)
    unmark_dates_around_title(blocks, labels, LEX, 4)
    assert labels[5:7] == [Label.OTHER, Label.OTHER]


def test_an_upper_case_related_header_inside_the_body_heads_a_box_of_titles() -> None:
    import warta

    text = (
        "Harbour Towns Brace for a Short Season\n\n"
        "The first paragraph of the story is long enough to be read as the article body by anyone.\n\n"
        "The second paragraph goes on with more detail about the season and the boats in the harbour.\n\n"
        "RELATED COVERAGE\n\nCity council debates new rules for the market\n\n"
        "The third paragraph resumes the story after the box with another complete sentence here.\n\n"
        "The fourth paragraph closes the story with a final complete sentence about the harbour."
    )
    article = warta.extract(text, kind="text")
    assert all("City council" not in part.text for part in article.body)
    assert [item.title for item in article.related] == ["City council debates new rules for the market"]


def test_a_sentence_broken_at_a_link_is_no_headline() -> None:
    blocks = _blocks(
        "Home Guide",
        "What a kitchen renovation costs in 2026",
        "Renovating a kitchen costs between",
        "twenty and sixty thousand dollars, and renovating a kitchen costs more where plumbing moves.",
        "Cabinets and counters are the largest share of what a kitchen renovation costs, builders say.",
    )
    labels = [Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
    title, _ = choose_title(blocks, labels, LEX)
    assert title == "What a kitchen renovation costs in 2026"


def test_a_page_title_wins_over_a_heading_that_shares_no_word_with_it() -> None:
    blocks = _blocks(
        "College Application Essay Tips | Study Hub",
        "Find Colleges Near You Today",
        "Scholarships And Financial Aid Guides",
        "Succeed in High School",
        "Students who succeed in high school start early: admissions officers read thousands of "
        "essays each year, and the ones they remember tell a specific story.",
    )
    labels = [Label.OTHER, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY]
    title, _ = choose_title(blocks, labels, LEX)
    assert title == "College Application Essay Tips"


def test_a_list_item_is_no_headline() -> None:
    blocks = _blocks(
        "Skip to content",
        "Our Guide For Dim Rooms",
        "+ Low Light Plant Care",
        "Low light plant care starts with the window: a north window gives most plants enough "
        "light to grow slowly through the winter, and care means watering less.",
    )
    labels = [Label.NAV, Label.OTHER, Label.OTHER, Label.BODY]
    title, _ = choose_title(blocks, labels, LEX)
    assert title == "Our Guide For Dim Rooms"


def test_one_sentence_summary_above_a_dateline_lead_is_no_body() -> None:
    lead = "REPUBLIKA.CO.ID, MALANG -- Sebuah universitas swasta di Kota Malang mewajibkan mahasiswa baru ikut kelas."
    blocks = _blocks("Kelas literasi keuangan akan digelar selama satu semester.", lead, PARAGRAPH)
    labels = [Label.BODY] * 3
    dateline_above_lead(blocks, labels, LEX)
    assert labels == [Label.SUBTITLE, Label.BODY, Label.BODY]
    # above a lead without a dateline, or two sentences long, it is the article's
    for first, second in (
        ("Kelas literasi keuangan akan digelar selama satu semester.", PARAGRAPH),
        ("Kelas itu digelar satu semester. Semua wajib ikut.", lead),
    ):
        labels = [Label.BODY] * 3
        dateline_above_lead(_blocks(first, second, PARAGRAPH), labels, LEX)
        assert labels == [Label.BODY] * 3


def test_a_short_line_over_a_lead_that_opens_with_a_dash_is_its_dateline() -> None:
    # bs4 puts the dateline and the dash-led lead on two lines: 'Indianapolis' / '– Several …'
    lead = (
        "– Several thousand teachers wearing red surrounded the Statehouse on Tuesday to call for better pay."
    )
    blocks = _blocks("Published 11:34 PM Nov 19, 2019", "Indianapolis", lead, PARAGRAPH)
    labels = [Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
    assert dateline_above_lead(blocks, labels, LEX) == "Indianapolis"
    assert labels[1] is Label.BODY
    # a question over an interview's answer, or a lead with no dash, has none
    for above, first in (("What inspired you?", lead), ("Indianapolis", lead[2:])):
        labels = [Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
        assert dateline_above_lead(_blocks("Published today", above, first, PARAGRAPH), labels, LEX) is None


def test_a_list_above_the_headline_that_repeats_it_is_the_post_s_share_card() -> None:
    from warta.assemble.layout import unmark_dates_around_title

    headline = "What a failed potato harvest taught me about soil"
    blocks = _blocks(
        "Subscribe", "Share this post", "Field Notes", headline, "Copy link", headline, PARAGRAPH
    )
    sidebar = [Label.SIDEBAR] * 4 + [Label.NAV]
    labels = [*sidebar, Label.TITLE, Label.BODY]
    unmark_dates_around_title(blocks, labels, LEX, 5)
    assert labels[1:4] == [Label.OTHER] * 3
    # a box above the headline that does not repeat it stays a box
    blocks = _blocks("Trending", "Band reunites for a tour", "Fans vote", "Menu", headline, PARAGRAPH)
    labels = [Label.SIDEBAR] * 3 + [Label.NAV, Label.TITLE, Label.BODY]
    unmark_dates_around_title(blocks, labels, LEX, 4)
    assert labels[1:3] == [Label.SIDEBAR] * 2


def test_a_line_of_the_markup_authors_under_the_headline_is_no_standfirst() -> None:
    from warta.assemble.layout import standfirst

    blocks = _blocks(
        "Harga Beras Naik Jelang Lebaran di Sejumlah Pasar Tradisional",
        "Rina Wijaya, Budi Santoso dan Dewi Lestari",
        PARAGRAPH,
    )
    labels = [Label.TITLE, Label.OTHER, Label.BODY]
    names = ["Rina Wijaya", "Budi Santoso", "Dewi Lestari"]
    marked = list(labels)
    assert standfirst(blocks, marked, 0, LEX, names) is None
    assert marked[1] is Label.BYLINE
    assert standfirst(blocks, list(labels), 0, LEX) == "Rina Wijaya, Budi Santoso dan Dewi Lestari"


def test_a_line_under_the_headline_that_repeats_the_page_description_is_the_deck() -> None:
    from warta.assemble.layout import standfirst

    headline = "Harbour City Opens Its First Floating Library"
    deck = "The barge holds twelve thousand books and docks at a new pier every week."
    blocks = _blocks(headline, deck, PARAGRAPH)
    for label in (Label.OTHER, Label.SIDEBAR):
        labels = [Label.TITLE, label, Label.BODY]
        assert standfirst(blocks, labels, 0, LEX, description=deck) == deck
        assert labels[1] is Label.SUBTITLE
    # The description cut short at a length still names the line; so does a line cut at "Read more".
    assert standfirst(blocks, [Label.TITLE, Label.OTHER, Label.BODY], 0, LEX, description=deck[:50]) == deck
    cut = _blocks(headline, "The barge holds twelve thousand books and docks at a new pier.", PARAGRAPH)
    assert standfirst(cut, [Label.TITLE, Label.OTHER, Label.BODY], 0, LEX, description=deck) == cut[1].text
    # Without the description the full stop keeps it out (it may be the story's first sentence) ...
    assert standfirst(blocks, [Label.TITLE, Label.OTHER, Label.BODY], 0, LEX) is None
    # ... a lead paragraph reused as the description stays the story's ...
    labels = [Label.TITLE, Label.BODY, Label.BODY]
    assert standfirst(blocks, labels, 0, LEX, description=deck) is None
    assert labels[1] is Label.BODY
    # ... and a short line that only opens the description is not its deck.
    opener = _blocks(headline, "Source code: Lib/harbour/library.py", PARAGRAPH)
    description = (
        "Source code: Lib/harbour/library.py The library module lends books from the barge to readers."
    )
    assert standfirst(opener, [Label.TITLE, Label.OTHER, Label.BODY], 0, LEX, description=description) is None


def test_a_headline_set_apart_by_blank_lines_outranks_lines_run_together() -> None:
    blocks = segment_text(
        "Skip to content\n"
        "Home\n\n"
        "Why We Are Greening Our Streets\n\n"
        "Our Newsletter Archive And Events Calendar\n"
        "Read the latest updates from the parks department\n"
        "The city will plant ten thousand trees along its busiest streets over the next two "
        "years, the parks department said, to cool neighbourhoods that lack shade.\n"
    )
    labels = [Label.NAV, Label.NAV, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY]
    title, _ = choose_title(blocks, labels, LEX)
    assert title == "Why We Are Greening Our Streets"


def test_first_body_indices() -> None:
    from warta.assemble.layout import _first_body_indices

    labels = [Label.OTHER, Label.BODY, Label.NAV, Label.BODY, Label.BODY, Label.OTHER]
    assert _first_body_indices(labels, 2) == [1, 3]
    assert _first_body_indices(labels, 5) == [1, 3, 4]
    assert _first_body_indices([Label.OTHER], 3) == []


@pytest.mark.parametrize("element", ["p class='story__dek'", "h2 class='sommario'"])
def test_a_deck_in_its_own_element_is_the_standfirst_full_stop_and_all(element: str) -> None:
    # '<p class="story__dek">…, with the loss of 14 jobs.</p>' under the headline, no page description
    # (an Italian paper's '<h2 class="sommario">' alike)
    import warta

    paragraphs = "".join(f"<p>{PARAGRAPH} {n}</p>" for n in ("One.", "Two.", "Three."))
    deck = "The bakery on Castle Street will shut at the end of the month, with the loss of 14 jobs."
    html = (
        "<html><body><main><article><h1>Harrowgate bakery to close after 68 years</h1>"
        f"<{element}>{deck}</{element.split()[0]}><div class='body'>{paragraphs}</div></article></main></body></html>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert article.subtitle == deck
    assert article.body[0].text.startswith("The council voted")


def test_a_subscribe_button_beside_the_site_menu_heads_no_box() -> None:
    # A bare "Subscribe" link after the <nav> read as a sidebar header swallowed the deck and the
    # lead photo's caption into the sidebar.
    import warta

    paragraphs = "".join(f"<p>{PARAGRAPH} {n}</p>" for n in ("One.", "Two.", "Three."))
    html = (
        "<html><body><header><a class='brand' href='/'>The Courier</a>"
        "<nav><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
        "<a class='site-header__subscribe' href='/subscribe'>Subscribe</a></header>"
        "<main><article><h1>Harrowgate bakery to close after 68 years</h1>"
        "<p class='story__lead'>Cheaper rent elsewhere and a tripled energy bill end a family business</p>"
        f"<div class='body'>{paragraphs}</div></article></main></body></html>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert "sidebar" not in article.labels  # no box opens, so none runs on into the article's header
    assert article.subtitle == "Cheaper rent elsewhere and a tripled energy bill end a family business"


def test_a_subscribe_button_over_a_rail_of_links_still_heads_its_box() -> None:
    # Billboard-style: the 'Subscribe' button opens the chart rail above the article; its linked
    # entries are that box's, not lines of no box.
    import warta

    paragraphs = "".join(f"<p>{PARAGRAPH} {n}</p>" for n in ("One.", "Two.", "Three."))
    charts = "".join(
        f"<li><a href='/charts/{n}'>{name}</a></li>"
        for n, name in enumerate(
            ("Hot 100 Songs", "Billboard 200 Albums", "Digital Song Sales", "Top Artist 100 Chart")
        )
    )
    html = (
        "<html><body><header><a class='brand' href='/'>The Courier</a>"
        "<a class='site-header__subscribe' href='/subscribe'>Subscribe</a>"
        f"<ul class='charts'>{charts}</ul></header>"
        "<main><article><h1>Harrowgate bakery to close after 68 years</h1>"
        f"<div class='body'>{paragraphs}</div></article></main></body></html>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert [item.url for item in article.sidebar] == [f"https://example.test/charts/{n}" for n in range(4)]


def test_a_finished_paragraph_over_the_byline_is_the_deck_and_a_date_under_the_title_no_body() -> None:
    from warta.assemble.layout import standfirst, unmark_dates_around_title

    nl = load_lexicon(page_language="nl")
    blocks = _blocks(
        "Veerpont Brakel vaart weer na maanden stilstand",
        "Na ruim vier maanden stilstand vaart de veerpont tussen Brakel en Herwijnen weer.",
        "Door Marleen van Dijk",
        "14 mei 2025, 09:12 · Bijgewerkt 14 mei 2025, 11:40",
        PARAGRAPH,
        PARAGRAPH,
    )
    labels = [Label.TITLE, Label.BODY, Label.BYLINE, Label.BODY, Label.BODY, Label.BODY]
    unmark_dates_around_title(blocks, labels, nl, 0)
    assert labels[3] is Label.OTHER
    assert standfirst(blocks, labels, 0, nl, flattened=True) == blocks[1].text
    assert labels[1] is Label.SUBTITLE
    # a lead paragraph with no credit line under it stays the story's
    lead = [Label.TITLE, Label.BODY, Label.BODY, Label.BODY]
    assert (
        standfirst(_blocks(blocks[0].text, blocks[1].text, PARAGRAPH, PARAGRAPH), lead, 0, nl, flattened=True)
        is None
    )
    assert lead[1] is Label.BODY


def test_a_date_opening_a_sentence_the_next_line_goes_on_with_stays() -> None:
    from warta.assemble.layout import unmark_dates_around_title

    # under a line of the story ('By admin' labelled body), or went on with by the next line
    texts = (
        "Amsterdam Light Festival",
        "By admin",
        "2018-09-16",
        "As of 29 November 2018",
        ", thirty artworks",
    )
    labels = [Label.TITLE, Label.BODY, Label.BODY, Label.BODY, Label.BODY]
    unmark_dates_around_title(_blocks(*texts), labels, LEX, 0)
    assert labels == [Label.TITLE, Label.BODY, Label.BODY, Label.BODY, Label.BODY]
    labels = [Label.TITLE, Label.BYLINE, Label.BODY, Label.BODY]
    unmark_dates_around_title(
        _blocks("Light Festival", "By admin", "29 November 2018", ", thirty artworks"), labels, LEX, 0
    )
    assert labels[2] is Label.BODY


def test_an_image_credit_glued_to_the_lead_paragraph_is_cut_off() -> None:
    from warta.assemble.layout import lead_glued_to_credit

    lead = (
        "Bus drivers at the Lawrence Hill depot in Bristol have voted to strike, their union said on Tuesday."
    )
    blocks = _blocks("Image: Severn Evening Post / Keith Morley" + lead, PARAGRAPH, PARAGRAPH)
    labels = [Label.CAPTION, Label.BODY, Label.BODY]
    lead_glued_to_credit(blocks, labels, LEX)
    assert labels[0] is Label.BODY and blocks[0].text == lead
    # a caption alone (its sentence is the caption's) is left alone
    caption = _blocks("Photo: John McDonald The mayor opens the new bridge.", PARAGRAPH)
    labels = [Label.CAPTION, Label.BODY]
    lead_glued_to_credit(caption, labels, LEX)
    assert labels[0] is Label.CAPTION


def test_a_lead_read_as_a_list_item_under_its_dateline_joins_it_with_the_dash() -> None:
    from warta.assemble.layout import join_dateline
    from warta.model import BodyPart

    parts = [
        BodyPart("paragraph", "SURABAYA, Pesisirkini.com", 3),
        BodyPart("list_item", "Dermaga apung baru mulai dioperasikan pekan ini.", 4),
        BodyPart("paragraph", PARAGRAPH, 5),
    ]
    join_dateline(parts, "SURABAYA, Pesisirkini.com")
    assert parts[0] == BodyPart(
        "paragraph", "SURABAYA, Pesisirkini.com - Dermaga apung baru mulai dioperasikan pekan ini.", 3
    )
    assert len(parts) == 2


def test_a_finished_paragraph_over_the_byline_is_the_deck_with_dates_shares_and_a_photo_under_the_byline() -> (
    None
):
    from warta.assemble.layout import standfirst

    blocks = _blocks(
        "Harbour pier reopens after two years of repairs",
        "The old ferry pier at the harbour mouth opened again on Tuesday after two years of work.",
        "By Ruth Calder",
        "Published 4 March 2025 at 09:10",
        "Updated 4 March 2025 at 11:40",
        "Facebook",
        "X",
        "Copy link",
        "Boats tied up at the new pier on Tuesday morning.",
        "Photo: The Harbour Post",
        PARAGRAPH,
    )
    labels = [Label.TITLE, Label.BODY, *[Label.OTHER] * 8, Label.BODY]
    assert standfirst(blocks, labels, 0, LEX, flattened=True) == blocks[1].text
    assert labels[1] is Label.SUBTITLE


def test_a_flattened_deck_over_the_date_line_under_a_consent_banner_is_no_body() -> None:
    # boilerpy3's DefaultExtractor drops the headline and byline, keeps the consent banner, the
    # deck, the date line and the caption: the deck is over the date, the story under it.
    page = (
        "Ferry fares to rise by a fifth from April | Solway Standard\n\n"
        "We use cookies to personalise content and ads. You can change your choices at any time.\n"
        "Accept all\nManage preferences\n"
        "Islanders say the increase will hit commuters hardest, as the operator blames fuel and crew costs.\n"
        "Monday 3 March 2025, 6:45am\n"
        "The Solway Star at the island pier. Picture: Solway Standard\n"
        "Fares on the ferry between Kirkbean and Hestan Island will rise by 20 per cent from 1 April, the "
        "operator said on Sunday, the first increase in four years.\n"
        "A return ticket for an adult will cost £9.60, up from £8, and a car will cost £31 each way.\n"
        '"We have held fares for as long as we could," said Moira Kerr, the operator\'s managing director.\n'
        "The island's community council said it would ask the operator to keep the old price for residents.\n"
        "3 March 2025, 9:20am\n"
        "Another rise? We only just got used to the last timetable.\n"
    )
    article = warta.extract(page, kind="text")
    assert article.body[0].text.startswith("Fares on the ferry between Kirkbean")
    assert article.published is not None and article.published.iso().startswith("2025-03-03T06:45")


def test_a_dash_dateline_over_the_lead_s_first_printed_line_opens_the_lead() -> None:
    # An OCR'd column: the dateline closed by a dash on a line of its own, then the lead's first
    # printed line (no sentence ends on it), then the rest of the lead.
    cut = "Ratusan rumah di tiga desa di tepi"
    rest = "Sungai Mahakam terendam banjir sejak Senin malam, dan warga mengungsi ke balai desa."
    blocks = _blocks("Banjir Rendam Tiga Desa", "SAMARINDA, SUARA MAHAKAM —", cut, rest, PARAGRAPH)
    labels = [Label.TITLE, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
    assert dateline_above_lead(blocks, labels, LEX) == "SAMARINDA, SUARA MAHAKAM"
    assert labels == [Label.TITLE, Label.BODY, Label.BODY, Label.BODY, Label.BODY]
    # a line that ends a sentence, or no dash closing the line above, is no cut lead
    for above, line in (("SAMARINDA, SUARA MAHAKAM —", "Baca juga: Banjir di Kutai."), ("Nusantara", cut)):
        labels = [Label.TITLE, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
        dateline_above_lead(_blocks("Banjir", above, line, rest, PARAGRAPH), labels, LEX)
        assert labels[1:3] == [Label.OTHER, Label.OTHER]
