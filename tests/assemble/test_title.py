from hypothesis import given, settings
from hypothesis import strategies as st

from warta.assemble.title import (
    _SEPARATOR_KEPT,
    _SITE_SEPARATORS,
    _split_at_separators,
    choose_title,
    entries_without_site_name,
    strip_site_name,
    unmark_headline_box,
)
from warta.lexicon import load_lexicon
from warta.model import Label, ListItem
from warta.segment.text import segment_text


def test_site_suffix_is_removed():
    assert (
        strip_site_name("Harga Beras Naik di Pasar Induk | Kabar Kota") == "Harga Beras Naik di Pasar Induk"
    )
    assert strip_site_name("Markets rally as inflation cools - The Daily Ledger", "dailyledger.com") == (
        "Markets rally as inflation cools"
    )
    assert strip_site_name("No separator here at all") == "No separator here at all"


def test_headline_line_matching_the_page_title_is_chosen():
    text = "Harga Beras Naik di Pasar Induk | Kabar Kota\nBeranda\nEkonomi\nHarga Beras Naik di Pasar Induk\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 4 + [Label.BODY]
    title, index = choose_title(blocks, labels, load_lexicon())
    assert title == "Harga Beras Naik di Pasar Induk"
    assert index == 3


def test_credit_and_outlet_bylines_between_headline_and_body_are_not_the_title():
    text = (
        "Beranda\nNelayan Muara Angke Panen Ikan Tongkol\nRina Wijaya - Kompas.com\n"
        "Penulis: Budi Santoso\nBy Jane Doe\nBody."
    )
    blocks = segment_text(text)
    labels = [Label.OTHER] * 5 + [Label.BODY]
    title, index = choose_title(blocks, labels, load_lexicon())
    assert title == "Nelayan Muara Angke Panen Ikan Tongkol"
    assert index == 1


def test_short_lines_between_headline_and_body_do_not_outrank_it():
    # A bare author name and a photo label sit between the headline and the lede.
    text = "Kabar Kota\nBeranda\nPetani Kopi Lampung Panen Raya Lebih Awal\nKamis, 19 Maret 2026\nHendra Kusuma\nPhoto :\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 6 + [Label.BODY]
    title, index = choose_title(blocks, labels, load_lexicon())
    assert title == "Petani Kopi Lampung Panen Raya Lebih Awal"
    assert index == 2


def test_a_sentence_under_the_headline_does_not_outrank_it():
    """A standfirst that closes with a full stop, right above the body, is a sentence, not the headline."""
    headline = "Cells That Taste Danger Set Off Immune Responses"
    standfirst = (
        "Taste and smell receptors in unexpected organs monitor the health of the body's microbes"
        " and raise an alarm over invading parasites."
    )
    body = (
        "When the immunologist looked deep inside the lungs of mice infected with influenza, he found a"
        " strange cell covered with taste receptors that should never have been there at all.\n"
        "But what would a cell covered with taste receptors be doing in the lungs? And why did it only"
        " appear there in response to a severe bout of influenza in the animals?"
    )
    blocks = segment_text(f"Science Weekly\nBiology\n{headline}\nBy Carrie Arnold\n{standfirst}\n{body}")
    labels = [Label.OTHER, Label.OTHER, Label.OTHER, Label.BYLINE, Label.OTHER, Label.BODY, Label.BODY]
    assert choose_title(blocks, labels, load_lexicon()) == (headline, 2)


def test_a_deck_shorter_than_its_headline_does_not_outrank_it():
    """'Operator blames …' (11 words) under a 15-word headline: the headline names more of the lede."""
    import warta

    page = (
        "The Harbourside Echo\n"
        "Subscribe   Log in\n"
        "News   Sport   What's On   Property   Jobs   Obituaries   Contact us\n"
        "\n"
        "News › Local News\n"
        "\n"
        "Ferry service to Kettle Island to be cut to three days a week from July\n"
        "\n"
        "Operator blames rising fuel costs and a shortage of qualified crew\n"
        "\n"
        "By Tom Ashworth\n"
        "Local Democracy Reporter\n"
        "Published: 3 June 2025, 6:00 am · Updated: 3 June 2025, 11:40 am\n"
        "\n"
        "Share   Facebook   X   Email   Copy link\n"
        "\n"
        "The MV Skerry arrives at Kettle Island pier. Picture: Harbourside Echo\n"
        "\n"
        "The only passenger ferry to Kettle Island will run on just three days a week from July, leaving the island's 230 residents without a daily link to the mainland for the first time in more than 40 years.\n"
        "\n"
        "Westmoor Ferries said the service would operate on Mondays, Wednesdays and Fridays from July 7, with an extra Saturday sailing during the school summer holidays. The company blamed a 38 per cent rise in fuel costs since 2022 and difficulty recruiting qualified deckhands.\n"
        "\n"
        'Managing director Alison Greaves said the firm had lost money on the route for three years running. "We have held on as long as we can, but we cannot keep running empty sailings in the middle of the week," she said. "Three good days is better than five unreliable ones."\n'
        "\n"
    )
    assert warta.extract(page, kind="text").title == (
        "Ferry service to Kettle Island to be cut to three days a week from July"
    )


def test_a_line_that_ends_in_a_function_word_is_no_headline():
    """'… to join its' / 'Arte' / 'mis m': a sentence a link split, however headline-like its start."""
    lexicon = load_lexicon()
    headline = "NASA Picks SpaceX, Blue Origin and More to Join Private Moon Lander Project"
    opening = "NASA has recruited SpaceX's Starship and three other commercial lunar lander ideas to join its"
    body = (
        "Today NASA announced the selection of five companies to join its program of commercial moon landers."
    )
    blocks = segment_text(f"{headline}\nBy\nTariq Malik\n{opening}\nArte\nmis m\noon program\n.\n{body}")
    labels = [Label.SIDEBAR, Label.BYLINE, Label.BYLINE] + [Label.BODY] * 6
    assert choose_title(blocks, labels, lexicon)[0] != opening


def test_the_lines_from_the_headline_down_to_the_body_are_no_box_entries():
    blocks = segment_text(
        "Suscríbete\nDiario del Valle\nEl tranvía llega a Las Huertas\nPor Lucía Ferrer\n14/03/2025 13:45\n"
        "El primer tranvía entra en la parada.\nEl tranvía ya llega al barrio tras dos años de obras y un sobrecoste."
    )
    labels = [Label.SIDEBAR] * 3 + [Label.BYLINE, Label.SIDEBAR, Label.SIDEBAR, Label.BODY]
    unmark_headline_box(blocks, labels, "El tranvía llega a Las Huertas")
    assert labels == [
        Label.SIDEBAR,
        Label.SIDEBAR,
        Label.OTHER,
        Label.BYLINE,
        Label.OTHER,
        Label.OTHER,
        Label.BODY,
    ]
    # a title the page does not print above the body changes nothing
    labels = [Label.SIDEBAR] * 3 + [Label.BYLINE, Label.SIDEBAR, Label.SIDEBAR, Label.BODY]
    unmark_headline_box(blocks, labels, "Another story")
    assert labels.count(Label.SIDEBAR) == 5


def test_list_entries_naming_the_site_are_dropped():
    items = [ListItem("Diario del Valle"), ListItem("Un incendio calcina cinco hectáreas de pinar")]
    first_line = "El tranvía llega a Las Huertas | Diario del Valle"
    kept = entries_without_site_name(items, first_line, "El tranvía llega a Las Huertas")
    assert [i.title for i in kept] == ["Un incendio calcina cinco hectáreas de pinar"]
    # a first line that is no 'Headline | Site' names no site
    assert entries_without_site_name(items, "Diario del Valle", "El tranvía llega") == items


# ---------------------------------------------------------------- HTML pages
def _html_title(body: str, titles: list[str], site_names: tuple[str, ...] = (), url: str | None = None):  # type: ignore[no-untyped-def]
    from warta.assemble.title import choose_html_title
    from warta.segment.html import segment_html

    blocks = segment_html(f"<html><body>{body}</body></html>").blocks
    title, index = choose_html_title(blocks, titles, site_names, url)
    return title, (blocks[index].text if index is not None else None)


def test_site_keys_come_from_names_and_the_registered_host_name():
    from warta.meta.site import site_keys

    assert "obsidian" in site_keys([], "https://forum.obsidian.md/t/plugins/1")
    assert "bbc" in site_keys([], "https://news.bbc.co.uk/a")
    assert "thedailyledger" in site_keys(["The Daily Ledger"])


def test_metadata_headline_is_the_first_part_that_does_not_name_the_site():
    from warta.assemble.title import metadata_headline
    from warta.meta.site import site_keys

    keys = site_keys(["Obsidian Forum"], "https://forum.obsidian.md/t/x")
    assert (
        metadata_headline("Plugin Recommendations? - Help - Obsidian Forum", keys)
        == "Plugin Recommendations?"
    )
    keys = site_keys([], "https://www.psychiatry.org/news")
    assert metadata_headline("Psychiatry.org - What Are the Latest Trends in Care?", keys) == (
        "What Are the Latest Trends in Care?"
    )
    assert metadata_headline("No separator at all", keys) == "No separator at all"


def test_slashes_separate_a_metadata_title_with_no_other_separator():
    from warta.assemble.title import metadata_headline
    from warta.meta.site import site_keys

    keys = site_keys([], "https://bbs.example-linux.org/viewtopic.php?id=1")
    # Forum software: thread / board / forum.
    assert metadata_headline(
        "Kernel panic after the update / Newbie Corner / Example Linux Forums", keys
    ) == ("Kernel panic after the update")
    # Beside another separator a slash is the headline's own; between numbers it is no separator.
    assert metadata_headline("Season 3 / Winter pack – Example Games", keys) == "Season 3 / Winter pack"
    assert metadata_headline("Tech conferences in Europe 2026 / 2027", keys) == (
        "Tech conferences in Europe 2026 / 2027"
    )
    assert metadata_headline("Input/output errors on GNU/Linux", keys) == "Input/output errors on GNU/Linux"


def test_a_slash_in_a_visible_heading_is_kept():
    title, _ = _html_title(
        "<h1>Season three of the league / Winter pack</h1><p>The pack adds ten new maps and a co-op mode.</p>",
        ["Season three of the league / Winter pack – Example Games"],
        ("Example Games",),
    )
    assert title == "Season three of the league / Winter pack"


def test_h1_wins_over_a_title_whose_headline_slot_is_empty():
    title, block = _html_title(
        "<h1>Solder Stations</h1><p>Twelve stations for the bench, from budget to lab grade.</p>",
        ["| Example Electronics Monthly"],
    )
    assert title == "Solder Stations"
    assert block == "Solder Stations"
    # Without a heading the title is still all there is.
    title, block = _html_title("<p>Twelve stations for the bench.</p>", ["| Example Electronics Monthly"])
    assert title == "Example Electronics Monthly"
    assert block is None


def test_metadata_title_wins_over_a_heading_that_lost_characters_to_an_encoding():
    body = "<h1>Pruning Roses? A Gardener? Calendar</h1><p>When to cut, and how far back.</p>"
    title, block = _html_title(
        body,
        ["Pruning Roses: A Gardener’s Calendar | Example Garden"],
        url="https://example-garden.org/roses",
    )
    assert title == "Pruning Roses: A Gardener’s Calendar"
    assert block == "Pruning Roses? A Gardener? Calendar"
    # U+FFFD from a decoder marks a lost character too.
    body = "<h1>Caf� Openings This Spring</h1><p>Five new places.</p>"
    assert _html_title(body, ["Café Openings This Spring"])[0] == "Café Openings This Spring"
    # A question that ends the heading is the heading's own: it agrees with the title as it is.
    body = "<h1>Is Remote Work Here to Stay?</h1><p>Surveys say yes.</p>"
    assert (
        _html_title(body, ["Is Remote Work Here to Stay? | Example Weekly"])[0]
        == "Is Remote Work Here to Stay?"
    )
    # A heading that asks where the title does not is not a lossy copy of it.
    body = "<h1>Why Do Cats Purr? Ask a Vet</h1><p>Purring explained.</p>"
    title, _ = _html_title(body, ["Why Cats Purr: Expert Answers From Vets"])
    assert title == "Why Do Cats Purr? Ask a Vet"


def test_metadata_headline_wins_over_a_heading_that_prints_a_label_or_date_before_it():
    story = "<p>The committee met for three hours on Tuesday.</p>"
    for heading in ("Blog: Council Approves the New Budget", "Dec 18 2025 Council Approves the New Budget"):
        title, block = _html_title(
            f"<h1>{heading}</h1>{story}",
            ["Council Approves the New Budget | Example Times"],
            ("Example Times",),
        )
        assert title == "Council Approves the New Budget", heading
        assert block == heading
    # A year alone begins many headlines: it stays.
    heading = "2025 Guide to Council Budgets and Hearings"
    title, _ = _html_title(f"<h1>{heading}</h1>{story}", ["Guide to Council Budgets and Hearings"])
    assert title == heading
    # More than two words before the colon are the headline's own words.
    heading = "What the Mayor Said: Council Approves the New Budget"
    title, _ = _html_title(f"<h1>{heading}</h1>{story}", ["Council Approves the New Budget"])
    assert title == heading


def test_title_cased_metadata_headline_beats_a_sentence_case_slogan_heading():
    pitch = "<p>Send texts to customers in more than 180 countries from one account.</p>"
    slogan = "Business messaging that scales without slowing you down"
    title, block = _html_title(
        f"<h1>{slogan}</h1>{pitch}", ["Business Text Messaging | Example Cloud"], ("Example Cloud",)
    )
    assert title == "Business Text Messaging"
    assert block is None  # the slogan is no headline block
    # Both in sentence case (most English news): the visible headline stays.
    headline = "Council approves the new budget after a long night"
    title, _ = _html_title(f"<h1>{headline}</h1>{pitch}", ["Budget passes after long night | Example Times"])
    assert title == headline
    # Both in Title Case: the visible headline stays.
    headline = "Council Approves the New Budget After a Long Night"
    title, _ = _html_title(f"<h1>{headline}</h1>{pitch}", ["Budget Passes After Long Night | Example Times"])
    assert title == headline
    # A short heading is a name, not a slogan.
    title, _ = _html_title(
        f"<h1>Online text messaging</h1>{pitch}", ["Business Text Messaging | Example Cloud"]
    )
    assert title == "Online text messaging"


def test_h1_agreeing_with_any_metadata_title_beats_a_teaser_og_title():
    body = "<h1>The best rain jackets of 2026, tested on the trail</h1><p>We wore twelve jackets for a month.</p>"
    titles = [
        "Wondering whether a rain jacket is worth it? Read this first",  # og:title, a social teaser
        "The Best Rain Jackets of 2026, Tested | Example Outdoors",  # <title>
    ]
    title, block = _html_title(body, titles, ("Example Outdoors",))
    assert title == "The best rain jackets of 2026, tested on the trail"
    assert block == title
    # With no metadata title sharing its words, the <h1> is a slogan and the metadata wins.
    title, block = _html_title(body.replace("rain jackets", "gear"), titles[:1])
    assert title == titles[0]
    assert block is None


def test_without_site_name_keeps_the_tagline():
    from warta.assemble.title import without_site_name

    assert without_site_name("Moving Help in Jackson – Local Movers | HireAHelper", {"hireahelper"}) == (
        "Moving Help in Jackson – Local Movers"
    )
    assert without_site_name("Licensed Movers in San Francisco | Bellhop", {"bellhop"}) == (
        "Licensed Movers in San Francisco"
    )


def test_logo_h1_loses_to_the_heading_the_metadata_repeats():
    title, block = _html_title(
        "<h1>The Daily Ledger</h1><h2>Markets rally as inflation cools</h2><p>Stocks rose on Tuesday.</p>",
        ["Markets rally as inflation cools | The Daily Ledger"],
        ("The Daily Ledger",),
    )
    assert title == "Markets rally as inflation cools"
    assert block == "Markets rally as inflation cools"


def test_forum_section_and_site_name_around_the_thread_title():
    title, block = _html_title(
        "<h1>Plugin Recommendations?</h1><p>Which plugins do you use?</p>",
        ["Plugin Recommendations? - Help - Obsidian Forum"],
        (),
        "https://forum.obsidian.md/t/plugin-recommendations/1",
    )
    assert title == "Plugin Recommendations?"
    assert block == "Plugin Recommendations?"


def test_site_name_joined_to_the_title_without_a_separator():
    title, _ = _html_title(
        "<h3>Vibe Coding</h3><p>Some text about it.</p>",
        ["davidbau.com Vibe Coding"],
        (),
        "https://davidbau.com/x",
    )
    assert title == "Vibe Coding"


def test_slogan_h1_sharing_no_words_loses_to_the_metadata_headline():
    title, block = _html_title(
        "<h1>Build what is next</h1><p>We rent GPUs.</p>", ["Cloud GPUs for Teams | Acme"], ("Acme",)
    )
    assert title == "Cloud GPUs for Teams"
    assert block is None


def test_rephrased_h1_wins_over_the_seo_title():
    title, block = _html_title(
        "<h1>Ten Ways to Save on Groceries This Winter</h1><p>Prices are up.</p>",
        ["How to Save on Groceries in 2025 | Kitchen Notes"],
        ("Kitchen Notes",),
    )
    assert title == "Ten Ways to Save on Groceries This Winter"
    assert block == title


def test_a_section_name_in_the_last_part_is_no_agreement():
    # "Markets" is only the title's last part: the <h1> showing it is a section label.
    title, _ = _html_title(
        "<h1>Markets</h1><p>Shares fell.</p>", ["Quarterly results beat forecasts - Markets"], (), None
    )
    assert title == "Quarterly results beat forecasts"


def test_extract_html_strips_the_site_suffix_and_skips_the_logo():
    from warta import extract

    html = (
        "<html><head><title>Harbour ferry service to resume after repairs | Coastal Times</title>"
        '<meta property="og:site_name" content="Coastal Times"></head><body>'
        "<header><h1>Coastal Times</h1></header><article><h2>Harbour ferry service to resume after repairs</h2>"
        + "<p>The harbour ferry will run again from Monday after two weeks of engine repairs, the operator said.</p>"
        * 4
        + "</article></body></html>"
    )
    article = extract(html, url="https://coastaltimes.example/news/ferry")
    assert article.title == "Harbour ferry service to resume after repairs"


def test_a_read_also_line_naming_the_page_itself_is_no_read_also_item() -> None:
    from warta.assemble.title import without_self_links
    from warta.model import ListItem

    items = [
        ListItem(title="Harga Cabai Turun Jelang Panen Raya di Brebes"),
        ListItem(title='kabarkota, "Banjir Rendam Tiga Desa di Hulu Sungai" selengkapnya'),
        ListItem(title="Banjir Rendam Tiga Desa di Hulu Sungai, Ratusan Warga Mengungsi"),
    ]
    kept = without_self_links(items, "Banjir Rendam Tiga Desa di Hulu Sungai, Ratusan Warga Mengungsi")
    assert [i.title for i in kept] == ["Harga Cabai Turun Jelang Panen Raya di Brebes"]
    assert without_self_links(items, None) == items


def test_heading_that_prints_the_page_title_loses_the_site_suffix():
    # Templates that print the <title> as the <h1>: the site's name is no part of the headline.
    title, block = _html_title(
        "<h1>Catering Tips | Cookshack</h1><p>How do you plan for a crowd?</p>",
        ["Catering Tips | Cookshack"],
        ("Cookshack",),
    )
    assert title == "Catering Tips"
    assert block == "Catering Tips | Cookshack"


def test_heading_that_begins_with_the_site_name_keeps_it():
    # 'Nintendo Switch' on nintendo.com is the product, not the site's name.
    from warta.assemble.title import heading_without_site_name, site_keys

    keys = site_keys([], "https://www.nintendo.example/switch")
    assert heading_without_site_name("Nintendo Switch - OLED Model", keys) == "Nintendo Switch - OLED Model"
    assert heading_without_site_name("Switch Games - Nintendo", keys) == "Switch Games"


def test_headline_h1_beats_a_site_and_slogan_title():
    # 'Site - slogan' is the app shell's title on every page; the <h1> names this one.
    title, block = _html_title(
        "<h1>Best laptop for college to buy this year?</h1><p>I need a light one.</p>",
        ["Forumly - The heart of the conversation"],
        (),
        "https://www.forumly.example/r/laptops/1",
    )
    assert title == "Best laptop for college to buy this year?"
    assert block == title


def test_long_post_title_h1_beats_a_site_and_slogan_title():
    # A post title runs past the 30 words a headline <h1> is held to elsewhere (there, such an
    # <h1> is a paragraph set as one); under the shell's title it is the only headline.
    post = (
        "Regulator to Europe: if you restrict our satellite providers, we will ban yours here, "
        "says the chair, as the agency now asks the public for comment on market access rules "
        "for operators from both sides of the ocean"
    )
    assert 30 < len(post.split()) <= 60
    page = f"<h1>{post}</h1><p>Discussion follows.</p>"
    title, _ = _html_title(
        page, ["Forumly - The heart of the conversation"], (), "https://forumly.example/r/1"
    )
    assert title == post
    title, _ = _html_title(page, ["Satellite access rules | Example Times"])
    assert title == "Satellite access rules"


def test_short_h1_loses_to_a_site_and_slogan_title_it_shares_no_words_with():
    # A one- or two-word <h1> under such a title is a logo or a slogan too.
    title, block = _html_title(
        "<h1>Clarity, finally.</h1><p>Organise your life.</p>",
        ["Listo | A To-Do List to Organize Your Work & Life"],
        (),
        "https://listo.example/",
    )
    assert title == "A To-Do List to Organize Your Work & Life"
    assert block is None


def test_heading_split_by_a_line_break_is_read_whole():
    # '<br>' splits the <h1> into two blocks; the metadata title names their sum.
    title, block = _html_title(
        "<h1>Remote<br>Full-Stack Programming Jobs</h1><p>Latest posts.</p>",
        ["Remote Full-Stack Programming Jobs | Jobboard"],
        ("Jobboard",),
    )
    assert title == "Remote Full-Stack Programming Jobs"
    assert block == "Remote"


def test_two_headings_are_not_joined_when_the_metadata_names_one():
    title, block = _html_title(
        "<h1>Real Estate 101</h1><h1>Investing for Beginners</h1><p>Start small.</p>",
        ["Investing for Beginners | Realty Hub"],
        ("Realty Hub",),
    )
    assert title == "Investing for Beginners"
    assert block == "Investing for Beginners"


def test_section_after_the_headline_in_the_heading_is_dropped():
    # The <title> repeats the heading, section and all; one or two words after a separator name the column.
    title, block = _html_title(
        "<h1>How meditation rewires brains and improves health | Opinion</h1><p>Breathe.</p>",
        ["How meditation rewires brains and improves health | Opinion"],
        (),
        "https://paper.example/opinion/1",
    )
    assert title == "How meditation rewires brains and improves health"
    assert block == "How meditation rewires brains and improves health | Opinion"


def test_a_longer_subtitle_after_the_headline_stays():
    title, _ = _html_title(
        "<h1>Transitioning to a plant-based diet – tips and tricks</h1><p>Start slowly.</p>",
        ["Transitioning to a plant-based diet – tips and tricks"],
        (),
        "https://food.example/diet",
    )
    assert title == "Transitioning to a plant-based diet – tips and tricks"


def test_brand_after_the_h1_is_dropped_without_metadata_agreement():
    title, block = _html_title(
        "<h1>Barbecue charbon inox 1600 - Martinsen</h1><p>Acier inoxydable.</p>",
        ["Barbecue charbon Martinsen 1600 inox 40 cm"],
        (),
        "https://grill.example/p/1600",
    )
    assert title == "Barbecue charbon inox 1600"
    assert block == "Barbecue charbon inox 1600 - Martinsen"


def _eager_agreeing_heading(blocks, titles, keys):  # type: ignore[no-untyped-def]
    """`_agreeing_heading` as it was first written: every form of every title found before any
    heading is asked about (the reference of the lazy `_TitleWords`)."""
    from warta.assemble.title import (
        _norm,
        _slices,
        _split_heading,
        _top_headings,
        _without_section,
        _without_site_words,
        heading_without_site_name,
        headline_part,
        is_site_name,
    )

    wanted: set[str] = set()
    for title in dict.fromkeys(titles):
        wanted.add(_without_site_words(_norm(title), keys))
        for first, end, n_parts, text in _slices(title):
            if n_parts > 1 and first > 0 and end == n_parts:
                continue
            if text and not is_site_name(text, keys):
                wanted.add(_norm(text))
    wanted.discard("")
    headings = [i for i in _top_headings(blocks) if len(blocks[i].text.split()) <= 40]
    headings.sort(key=lambda i: blocks[i].structure.heading_level != 1)
    for i in headings:
        text = blocks[i].text
        for candidate in (*_split_heading(blocks, i), text, headline_part(text)):
            if _norm(candidate) in wanted:
                return _without_section(heading_without_site_name(candidate, keys)), i
    return None


_TITLE_WORDS = ["Acme", "acme.com", "News", "Markets", "rally", "ΑΣ", "İstanbul", "K", "x_y", "", "!!"]
_TITLE_SEPARATORS = [" | ", " - ", " – ", ": ", " :: ", "|", " ", " · "]


def _title_texts(draw, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    word = st.sampled_from(_TITLE_WORDS)
    separator = st.sampled_from(_TITLE_SEPARATORS)
    texts = []
    for _ in range(count):
        parts = draw(st.lists(word, min_size=1, max_size=5))
        seps = [draw(separator) for _ in parts[1:]]
        texts.append(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    return texts


def test_lazy_title_forms_agree_with_the_eager_reference() -> None:
    """The lazily decided title forms (`_TitleWords`) choose the heading and text that the eager
    reference chooses: on generated titles, headings and site names, non-ASCII case-changing
    letters and site-name words included."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.assemble.title import _agreeing_heading, site_keys
    from warta.model import Block, BlockStructure

    @settings(max_examples=300, deadline=None)
    @given(st.data())
    def check(data) -> None:  # type: ignore[no-untyped-def]
        titles = _title_texts(data.draw, data.draw(st.integers(0, 4)))
        texts = _title_texts(data.draw, data.draw(st.integers(0, 6)))
        # Headings that repeat a title's first part or word, as pages' headings do.
        texts += data.draw(
            st.lists(
                st.sampled_from(
                    [p for t in titles for p in (t.split("|")[0], t.split()[0] if t.split() else t)] or [""]
                ),
                max_size=3,
            )
        )
        levels = data.draw(st.lists(st.sampled_from([0, 1, 2, 3]), min_size=len(texts), max_size=len(texts)))
        blocks = [
            Block(i, text, structure=BlockStructure(heading_level=level))
            for i, (text, level) in enumerate(zip(texts, levels, strict=True))
        ]
        keys = site_keys(data.draw(st.lists(st.sampled_from(["Acme", "News", "Kabar"]), max_size=2)))
        assert _agreeing_heading(blocks, titles, keys) == _eager_agreeing_heading(blocks, titles, keys)

    check()


_SEPARATOR_TEXT = st.text(alphabet=st.sampled_from(list(" \t\u3000\xa0\x1c\x85ab_İK|–—•·»:-")), max_size=40)


@settings(max_examples=500)
@given(_SEPARATOR_TEXT)
def test_split_at_separators_is_the_patterns_split(title: str) -> None:
    for separators in (_SITE_SEPARATORS, _SEPARATOR_KEPT):
        assert _split_at_separators(separators, title) == separators.split(title)


def test_split_at_separators_on_edge_cases() -> None:
    titles = (
        "", " ", "|", " | ", "a|b", "a - b", "a -b - c", "a -- b", "a :: b", "a ::b", "a  |  b",
        "- a -", "a\u3000–\u3000b", "a-b | c", "İstanbul — Kelvin K · ſ » 🌉 | x", "🌉|🌉", "a :b: c",
    )  # fmt: skip
    for title in titles:
        for separators in (_SITE_SEPARATORS, _SEPARATOR_KEPT):
            assert _split_at_separators(separators, title) == separators.split(title), title


def test_a_headline_printed_without_the_title_s_label_and_in_no_heading_is_the_title() -> None:
    # <title>Opini: X :: Site</title>, and X printed in a bold table cell, no <h1>
    import warta

    paragraph = (
        "Setiap awal musim tanam, keluhan yang sama terdengar dari desa-desa penghasil padi: pupuk "
        "bersubsidi sulit didapat, kalaupun ada, harganya di atas ketentuan pemerintah daerah."
    )
    html = (
        "<html><head><title>Opini: Menata Ulang Subsidi Pupuk agar Tepat Sasaran :: Kabar Timur</title></head>"
        "<body><table><tr><td class='rubrik'>OPINI</td></tr>"
        "<tr><td class='judul'><font size='5'><b>Menata Ulang Subsidi Pupuk agar Tepat Sasaran</b></font></td></tr>"
        f"<tr><td class='teks'><p>{paragraph}</p><p>{paragraph} Lagi.</p><p>{paragraph} Juga.</p></td></tr>"
        "</table></body></html>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert article.title == "Menata Ulang Subsidi Pupuk agar Tepat Sasaran"


def test_a_line_repeating_the_page_titles_first_part_is_the_headline_not_the_site_name():
    """A naive flattener's first line is the page's <title>; the <h1> prints its first part again
    far from the body, among menus, and the site's name (the title's last part, longer here than
    the headline) is printed by the logo: the repeated first part is the headline."""
    menu = "Skip to content\nServices\nLawn Care\nPond Care\nGreenleaf Landscaping and Garden Design\n"
    text = (
        "Winter Pond Care | Greenleaf Landscaping and Garden Design\n"
        f"{menu}Winter Pond Care\nShare this page\nRelated services\nFree estimate\nBody."
    )
    blocks = segment_text(text)
    labels = [Label.OTHER] * (len(blocks) - 1) + [Label.BODY]
    assert choose_title(blocks, labels, load_lexicon()) == ("Winter Pond Care", 6)


def test_a_line_repeating_the_whole_page_title_gives_its_headline_part():
    text = "Winter Pond Care | Greenleaf\nServices\nWinter Pond Care | Greenleaf\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 3 + [Label.BODY]
    assert choose_title(blocks, labels, load_lexicon()) == ("Winter Pond Care", 2)


def test_the_site_name_alone_or_a_title_of_one_part_repeated_is_no_headline():
    """The logo prints the title's last part (the site's name): no headline is found that way, and
    a first line without separators ('Contact us' atop a flattened menu) says nothing either."""
    text = "Winter Pond Care | Greenleaf Gardens\nGreenleaf Gardens\nMenu\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 3 + [Label.BODY]
    assert choose_title(blocks, labels, load_lexicon())[1] != 1
    text = "Contact us\nHome\nContact us\nBody."
    blocks = segment_text(text)
    assert choose_title(blocks, [Label.OTHER] * 3 + [Label.BODY], load_lexicon())[1] != 2


def test_a_headline_over_its_byline_or_printed_twice_outranks_a_teaser_nearer_the_body():
    """Without a page title on the first line (a flattener that leaves the <head> out): the line
    over the byline and date, or the line printed twice in a row, is the headline, not the
    teaser or section line between it and the body."""
    headline = "Keeping Your Home Spotless Through the Winter"
    teaser = "Our Latest Tips for a Cleaner and Healthier Home"
    body = "Winter brings mud and salt into every home, and cleaning crews see it first."
    for under in ("by Karina Cohen | May 19, 2024", headline):
        text = f"Book Now\nServices\n{headline}\n{under}\nTable of Contents\n{teaser}\n{body}"
        blocks = segment_text(text)
        labels = [Label.OTHER] * 6 + [Label.BODY]
        assert choose_title(blocks, labels, load_lexicon())[0] == headline


def test_a_one_word_label_before_the_headline_in_the_page_title_is_not_the_headline():
    """'Opinion | Headline | Site': the section's label opens the title and the menu prints it; the
    headline after it, printed over the story, is the title. A short part after a label is a
    section's name, never chosen for the label."""
    headline = "Republicans Are Following the Map to Nowhere"
    text = f"Opinion | {headline} | The Daily Ledger\nOpinion\nWorld\n{headline}\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 4 + [Label.BODY]
    assert choose_title(blocks, labels, load_lexicon()) == (headline, 3)
    text = "Flexbox | Learn Web Development | Docs Site\nLearn Web Development\nFlexbox\nBody."
    blocks = segment_text(text)
    assert choose_title(blocks, [Label.OTHER] * 3 + [Label.BODY], load_lexicon()) == ("Flexbox", 2)


def _printed_again_by_every_line(blocks, title: str, skip: int, start: int):
    """`_title_printed_again` as first written: every line's first word read (the reference)."""
    from warta.assemble import title as module

    runs: dict[str, bool] = {}
    label = False
    for first, end, n_parts, text in module._slices(title):
        if n_parts < 2:
            return None
        if first == 0 and end == 1:
            label = n_parts >= 3 and " " not in text
        if first > int(label):
            break
        norm = module._norm(text)
        if first > 0 and (end == n_parts or norm.count(" ") + 1 < module._HEADLINE_MIN_WORDS):
            continue
        if norm:
            runs.setdefault(norm, first == 0 and end == n_parts)
    openers = {norm.split(" ", 1)[0] for norm in runs}
    best = None
    index = -1
    for i, block in enumerate(blocks):
        if i == skip:
            continue
        word = module._WORD.search(block.text)
        if word is None or word.group().lower() not in openers:
            continue
        norm = module._norm(block.text)
        if norm in runs:
            above = i <= start
            key = (norm.count(" ") + 1, above, i if above else -i)
            if best is None or key > best:
                best, index = key, i
    if best is None:
        return None
    text = blocks[index].text.strip()
    if runs[module._norm(text)]:
        return module.headline_part(text), index
    return text, index


def test_a_title_printed_again_is_found_as_a_read_of_every_line_finds_it() -> None:
    import random

    from warta.assemble.title import _title_printed_again
    from warta.segment.text import segment_text

    titles = [
        "Learn More: Academic Tutoring | The Partnership for Student Success",
        "Opinion | Harbour Wall Repairs Begin | Daily Coast",
        "ΟΔΗΓΟΣ ΤΑΞΙΔΙΟΥ ΣΤΗΝ ΚΡΗΤΗ - Ειδήσεις",
        "İstanbul Boğazı'nda Yeni Köprü - Haber",
        "Single part title",
        "",
    ]
    lines = [
        "Learn More: Academic Tutoring",
        "learn more academic tutoring",
        "  Learn more — academic tutoring!",
        "Learn More: Academic Tutoring | The Partnership for Student Success",
        "The Partnership for Student Success",
        "Harbour Wall Repairs Begin",
        "Opinion",
        "Οδηγος Ταξιδιου Στην Κρητη",
        "ΟΔΗΓΟΣ ΤΑΞΙΔΙΟΥ ΣΤΗΝ ΚΡΗΤΗ",
        "İstanbul Boğazı'nda Yeni Köprü",
        "istanbul boğazı'nda yeni köprü",
        "Tutoring matters. Academic tutoring helps every learner.",
        "More",
    ]
    rng = random.Random(26)
    found = 0
    for _ in range(600):
        text = "\n\n".join(rng.choice(lines) for _ in range(rng.randint(1, 12)))
        blocks = segment_text(text)
        title = rng.choice(titles)
        skip, start = rng.choice([-1, 0, 1]), rng.randint(0, len(blocks))
        expected = _printed_again_by_every_line(blocks, title, skip, start)
        assert _title_printed_again(blocks, title, skip, start) == expected, (text, title)
        found += expected is not None
    assert found > 100


def test_entries_without_site_name_agree_with_normalising_every_part_first() -> None:
    import random

    from warta.assemble import title as module

    def reference(items: list[ListItem], first_line: str, title: str | None) -> list[ListItem]:
        if not title:
            return items
        parts = module._title_parts(first_line)[0]
        names = {module._norm(p) for p in parts if p and module._norm(p) != module._norm(title)}
        if len(parts) < 2 or len(names) >= len(parts):
            return items
        return [item for item in items if module._norm(item.title) not in names]

    pieces = ["Diario del Valle", "El tranvía llega", " | ", " - ", " – ", "", "DIARIO del valle", "Noticias"]
    rng = random.Random(26)
    cut = 0
    for _ in range(3_000):
        first_line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        title = rng.choice([None, "", "El tranvía llega", "Noticias"])
        items = [ListItem(rng.choice(pieces) or "x", None) for _ in range(rng.randint(0, 4))]
        expected = reference(items, first_line, title)
        cut += len(expected) < len(items)
        assert entries_without_site_name(items, first_line, title) == expected
    assert cut > 50


def test_site_name_entries_are_those_normalising_every_title_finds() -> None:
    """`entries_without_site_name` normalises only the titles that hold a name's first word: the
    entries normalising every title keeps, on generated lists and first lines."""
    import random

    from warta.assemble.title import _norm, _title_parts
    from warta.model import ListItem

    def as_first_written(items: list[ListItem], first_line: str, title: str) -> list[ListItem]:
        parts = _title_parts(first_line)[0]
        if len(parts) < 2:
            return items
        key = _norm(title)
        names = {norm for norm in map(_norm, filter(None, parts)) if norm != key}
        if len(names) >= len(parts):
            return items
        return [item for item in items if _norm(item.title) not in names]

    rng = random.Random(29)
    titles = [
        "Diario del Valle",
        "DIARIO DEL VALLE",
        "Diario-del-Valle",
        "El tranvía llega",
        "Valle",
        "—",
        "",
    ]
    titles += ["Diario del Valle hoy", "İstanbul Valle", "diario  del valle", "News"]
    firsts = [
        "El tranvía llega | Diario del Valle",
        "El tranvía llega – Valle",
        "— | El tranvía llega",
        "A | B",
    ]
    for _ in range(3_000):
        items = [ListItem(rng.choice(titles), None) for _ in range(rng.randint(0, 6))]
        first_line, title = rng.choice(firsts), rng.choice(["El tranvía llega", "A"])
        assert entries_without_site_name(items, first_line, title) == as_first_written(
            items, first_line, title
        )
