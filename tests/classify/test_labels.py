import pytest

from warta.classify.labels import block_key, label_blocks, markers_of, section_header
from warta.lexicon import load_lexicon, normalise_marker
from warta.model import Block, Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def test_promos_and_markers_never_body_even_when_model_says_so():
    text = "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nBaca juga: Judul Lain\nBagikan\n© 2025 Media"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.99] * len(blocks), LEX)
    assert labels == [Label.AD, Label.AD, Label.READ_ALSO, Label.NAV, Label.FOOTER]


def test_comment_section_is_never_body():
    text = (
        "The article itself, one paragraph.\nLeave a Reply\n"
        "A comment that looks like body text, long and well formed.\nAnother one.\nAnd a third."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.1, 0.95, 0.95, 0.95], LEX)
    assert labels == [Label.BODY] + [Label.COMMENTS] * 4


def test_comment_link_above_the_article_opens_no_section():
    text = "Posted by Vortex\nLeave a comment\nFirst paragraph.\nSecond paragraph.\nbug-tracker\nThird."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.02, 0.02, 0.7, 0.8, 0.45, 0.7], LEX)
    assert labels[1] is Label.COMMENTS
    assert [labels[i] for i in (2, 3, 5)] == [Label.BODY] * 3


def test_zero_comment_count_opens_no_thread():
    assert LEX.is_comment_header("12 comments")
    assert not LEX.is_comment_header("0 comments")
    text = "Teaser paragraph.\n0 Comments\nThe article, one.\nThe article, two.\nThe article, three."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.6, 0.2, 0.95, 0.95, 0.95], LEX)
    assert labels[2:] == [Label.BODY] * 3


def test_article_resuming_after_a_related_box_is_body_again():
    text = "Berita Terkait\nJudul\nPara one.\nPara two.\nPara three."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.2, 0.9, 0.9, 0.9], LEX)
    assert labels[2:] == [Label.BODY, Label.BODY, Label.BODY]
    assert labels[1] is Label.RELATED


def test_marker_line_inside_the_resuming_run_is_not_mistaken_for_its_first_paragraph():
    # A sidebar header far above the article keeps its section open until three body
    # blocks in a row; a marker line ("More:") among them must not shift which blocks
    # the run turns back into body.
    text = "Trending\nMenu item\nFirst paragraph of the story.\nSecond paragraph.\nMore:\nThird paragraph."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.1, 0.95, 0.95, 0.7, 0.95], LEX)
    assert labels[2:4] == [Label.BODY, Label.BODY]
    assert labels[4] is Label.NAV
    assert labels[5] is Label.BODY


def test_links_the_model_liked_under_a_related_header_do_not_resume_the_article():
    from warta.model import Block, BlockStructure

    paragraph = "A paragraph of the story, long enough to read as prose and end with a stop."
    texts = [paragraph, paragraph, "You may also like...", "Who will win the cup?", "Band reunites for a tour",
             "Fans vote for the hall of fame", "Disclaimer"]
    density = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    blocks = [Block(i, t, BlockStructure(tag="p", link_density=d)) for i, (t, d) in enumerate(zip(texts, density, strict=True))]
    labels = label_blocks(blocks, [0.95, 0.95, 0.8, 0.88, 0.83, 0.81, 0.2], LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert labels[2:6] == [Label.RELATED] * 4


def test_menu_entry_named_like_a_header_opens_no_section():
    from warta.model import Block, BlockStructure

    menu = BlockStructure(tag="li", in_list=True, link_density=1.0)
    prose = BlockStructure(tag="p")
    texts = ["Home", "Latest", "Politics", "The story's first paragraph, a full sentence.", "Its last paragraph."]
    blocks = [Block(i, t, menu if i < 3 else prose) for i, t in enumerate(texts)]
    labels = label_blocks(blocks, [0.01, 0.01, 0.01, 0.63, 0.53], LEX)
    assert labels[3:] == [Label.BODY, Label.BODY]
    # The same word as a heading over a box still opens it.
    blocks[1] = Block(1, "Latest", BlockStructure(tag="h3", heading_level=3))
    assert label_blocks(blocks, [0.01, 0.01, 0.01, 0.63, 0.53], LEX)[3:] == [Label.SIDEBAR, Label.SIDEBAR]


def test_block_key_ignores_case_and_spacing():
    assert block_key("Jangan  Lewatkan") == block_key("jangan lewatkan")
    assert block_key("Jangan Lewatkan") != block_key("Berita Terkait")


def test_comment_thread_recognised_by_attribution_lines():
    text = (
        "Article paragraph one, long enough.\nArticle paragraph two, long enough.\n"
        "Gary M on September 17, 2018 at 8:50 pm said:\nHave you written anything about giving later?\n"
        "Catherine on September 19, 2018 at 12:48 pm said:\nHi Gary, our best guess is that it is small."
    )
    labels = _confident_labels(text)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert set(labels[2:]) == {Label.COMMENTS}


def test_comment_count_header():
    text = "Body.\n34 responses to “Anthony Lynn: We needed to win”\nA reader comment that reads like body."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.2, 0.9], LEX)
    assert labels[1:] == [Label.COMMENTS, Label.COMMENTS]


def test_breadcrumbs_and_counted_archive_entries_are_navigation():
    text = "News › Local\nOutubro (217)\nWordPress (53)\nA sentence about 53 people (and more)."
    labels = _confident_labels(text)
    assert labels == [Label.NAV, Label.NAV, Label.NAV, Label.BODY]


def test_fragments_before_a_mid_sentence_body_line_join_the_body():
    text = "Menu\nJAKARTA, KOMPAS.com -\nHarga cabai rawit merah di\nPasar Induk\n, Jakarta Timur, melonjak tajam."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.3, 0.4, 0.3, 0.9], LEX)
    assert labels[1:] == [Label.BODY] * 4


def test_image_urls_keyword_lists_and_credited_captions_are_not_body():
    text = (
        "The article's first paragraph, long enough to be prose.\n"
        "https://static.example.com/image/5dd3a0-500-250/ten-things.jpg?w=500\n"
        "How to retire early,Early retirement,Retiring early,Personal Finance\n"
        "A habitation module compared with its hibernation equivalent. Credit: ESA\n"
        "Jakarta, Bandung, Surabaya, dan Medan adalah kota besar di Indonesia.\n"
        "The engineer said the photo: it was taken in 1969, not later."
    )
    labels = _confident_labels(text)
    assert labels == [Label.BODY, Label.OTHER, Label.TAGS, Label.CAPTION, Label.BODY, Label.BODY]


def test_full_paragraph_just_under_the_threshold_next_to_the_body_is_body() -> None:
    lede = (
        "The son of a former president was stabbed to death on Tuesday evening, while another man "
        "was critically injured in an attempt to stop the assailant, police said."
    )
    text = f"By STAFF\n{lede}\nThe stabbing occurred during a lecture at the clinic where he worked.\nTeaser title"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.05, 0.42, 0.66, 0.14], LEX)
    assert labels[1:3] == [Label.BODY, Label.BODY]
    # far from the body, or not a full sentence, it stays out
    assert label_blocks(blocks, [0.05, 0.42, 0.1, 0.66], LEX)[1] is not Label.BODY
    assert label_blocks(blocks, [0.05, 0.2, 0.66, 0.14], LEX)[1] is not Label.BODY


def test_colon_ended_header_inside_the_body_heads_an_inline_box_of_links() -> None:
    text = (
        "Paragraf pertama artikel yang cukup panjang.\nPilihan Editor:\n"
        "Hakim Tolak Praperadilan Eks Bupati\nParagraf kedua artikel.\nParagraf ketiga artikel."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.7, 0.86, 0.94, 0.92], LEX)
    assert labels == [Label.BODY, Label.READ_ALSO, Label.READ_ALSO, Label.BODY, Label.BODY]
    # without the colon, or after the body, the same words head a sidebar list
    after = label_blocks(segment_text("Pilihan Editor\nJudul Lain Satu\nJudul Lain Dua"), [0.1, 0.2, 0.2], LEX)
    assert after[0] is Label.SIDEBAR


def test_bare_read_also_header_takes_every_title_line_under_it():
    # Flattened without blank lines: the box's later titles look like body to the model.
    text = (
        "Paragraf pertama berita yang cukup panjang.\nBaca juga:\nJudul Pertama Tentang Banjir\n"
        "Judul Kedua Tentang Jalan Rusak\nJudul Ketiga Soal Harga Beras\nParagraf berikutnya berlanjut di sini."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.1, 0.2, 0.8, 0.8, 0.9], LEX)
    assert labels == [Label.BODY] + [Label.READ_ALSO] * 4 + [Label.BODY]


def test_read_also_box_stops_at_a_blank_line_or_a_sentence():
    text = (
        "Paragraf pertama berita yang cukup panjang.\n\nBaca juga:\nJudul Pertama Tentang Banjir\n\n"
        "Subjudul Setelah Kotak Tautan\n\nParagraf berikutnya berlanjut di sini."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.1, 0.2, 0.8, 0.9], LEX)
    assert labels == [Label.BODY, Label.READ_ALSO, Label.READ_ALSO, Label.BODY, Label.BODY]


def test_read_the_full_article_elsewhere_is_a_promo_not_a_read_also_link():
    blocks = segment_text("Paragraf terakhir berita ini.\nBaca artikel selengkapnya di Contoh.example")
    labels = label_blocks(blocks, [0.9, 0.1], LEX)
    assert labels[1] is Label.AD


def _confident_labels(text: str) -> list[Label]:
    """Labels of flattened `text` when the model calls every line body (the rules decide alone)."""
    blocks = segment_text(text)
    return label_blocks(blocks, [0.9] * len(blocks), LEX)


ARTICLE = (
    "The council voted on Tuesday to close the old bridge for repairs that will take most of the coming year, "
    "officials said, after inspectors found cracks in two of its supporting piers during a routine check.\n"
    "Drivers will be sent along the river road instead, which the city says can carry the extra traffic.\n"
)


def test_teaser_cards_with_timestamps_after_the_article_are_related():
    cards = "".join(
        f"{title}\n{teaser}\n{stamp}\n"
        for title, teaser, stamp in (
            ("Why farmers may paint their cows with stripes", "Some thought it was a joke, but it works.", "32M ago"),
            ("Two troops killed in helicopter crash", "Officials dismiss claims the craft was shot down.", "updated 2H ago"),
            ("Woman risks her life to save a koala", "Hundreds of homes have burned this week.", "14H ago"),
        )
    )
    labels = _confident_labels(ARTICLE + cards)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]


def test_headlines_with_cut_short_excerpts_are_related():
    cards = "".join(
        f"Headline number {n} about the city budget\nNEW DELHI: The ministry said on Wednesday that the plan...\n"
        for n in range(3)
    )
    labels = _confident_labels(cards + ARTICLE)
    assert Label.BODY not in labels[:6]
    assert labels[6:] == [Label.BODY, Label.BODY]


def test_dated_entries_holding_the_longest_paragraph_stay_body():
    entries = "".join(
        f"Release {n} brings faster sync\n{'Sync is faster and uses less memory on large projects. ' * (2 + n)}\n"
        f"March {n + 3}, 2026\n"
        for n in range(4)
    )
    blocks = segment_text(entries)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert all(labels[i] is Label.BODY for i in range(len(blocks)) if not blocks[i].text.startswith("March"))


def test_headlines_after_a_related_header_do_not_resume_the_article():
    text = (
        "The article's last paragraph, which ends the story.\nRelated Stories\n"
        "Video shows dramatic rescue of kidnapped girl\nMan arrested after victims found in car\n"
        "Jail guards charged with falsifying records\nSafety officials urge Boeing to redesign part"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.1, 0.8, 0.8, 0.8, 0.8], LEX)
    assert labels == [Label.BODY] + [Label.RELATED] * 5
    # A paragraph among them: the article goes on after the box, headlines and all.
    blocks = segment_text(text + "\nThe story then goes on with another full paragraph.")
    labels = label_blocks(blocks, [0.9, 0.1, 0.8, 0.8, 0.8, 0.8, 0.9], LEX)
    assert labels[2:] == [Label.BODY] * 5


def test_author_box_after_the_article_is_sidebar():
    text = (
        "The article's first paragraph, long enough to count.\nThe article's last paragraph.\n"
        "Über Moritz Bachmann\nAls Inbound Sales Manager bildet Moritz Bachmann die Schnittstelle im Team."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.8, 0.7], LEX)
    assert labels == [Label.BODY, Label.BODY, Label.SIDEBAR, Label.SIDEBAR]
    # "About" opening a sentence of the article opens nothing.
    blocks = segment_text("The first paragraph.\nAbout 200 people came to the meeting on Monday.")
    assert label_blocks(blocks, [0.9, 0.9], LEX) == [Label.BODY, Label.BODY]


def test_bracketed_comment_counts_open_a_thread():
    assert section_header("[ 167 comments ]", LEX) is Label.COMMENTS
    assert section_header("comments (12)", LEX) is Label.COMMENTS
    assert section_header("comments (0)", LEX) is None
    text = "The article paragraph.\n[ 167 comments ]\nFirst comment here.\nSecond comment.\nThird comment."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.3, 0.9, 0.9, 0.9], LEX)
    assert labels == [Label.BODY] + [Label.COMMENTS] * 4


def test_a_long_run_of_single_words_is_a_tag_cloud():
    words = ["edital", "educacao", "(12)", "enchentes", "futebol", "governo", "(3)", "saude", "Jaraguá", "obras"]
    blocks = segment_text(ARTICLE + "\n".join(words))
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert labels[2:] == [Label.NAV] * len(words)
    # Source code split token by token is no tag cloud.
    tokens = ["from", "requests", "import", "Session", "s", "=", "Session", "()", "req", "Request", "url"]
    labels = _confident_labels(ARTICLE + "\n".join(tokens))
    assert Label.NAV not in labels


def test_latest_and_most_read_headers_open_a_related_section():
    for header in ("Latest Headlines", "Trending News", "Most read in world news", "Terpopuler di Nasional"):
        assert section_header(normalise_marker(header), LEX) is Label.RELATED, header
    assert section_header(normalise_marker("Latest figures show a rise in prices across the region"), LEX) is None


def test_newsletter_pitch_is_never_body():
    text = ARTICLE + "Subscribe for our daily newsletter\nStay up to date with Acme. Subscribe to our newsletter."
    labels = _confident_labels(text)
    assert labels == [Label.BODY, Label.BODY, Label.AD, Label.AD]


def test_headline_strip_above_the_article_is_related():
    headlines = [
        "Ferris wheel becomes giant Christmas lantern",
        "Walmart boss says the chain could go away",
        "Amateur fighter dies after a brain injury",
        "Lowe's policies leave workers on eggshells",
        "Europe's richest man to spend on a store",
    ]
    blocks = segment_text("\n".join(headlines) + "\n" + ARTICLE)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels == [Label.RELATED] * 5 + [Label.BODY, Label.BODY]
    # The same lines between two paragraphs are the article's own list.
    blocks = segment_text(ARTICLE + "\n".join(headlines) + "\n" + ARTICLE)
    assert set(label_blocks(blocks, [0.9] * len(blocks), LEX)) == {Label.BODY}


def test_single_words_the_markup_puts_in_a_list_stay_body():
    from dataclasses import replace

    words = ["flour", "sugar", "butter", "eggs", "milk", "salt", "yeast", "water", "honey", "vanilla"]
    blocks = segment_text(ARTICLE + "\n".join(words))
    blocks = [b if i < 2 else replace(b, structure=replace(b.structure, in_list=True)) for i, b in enumerate(blocks)]
    assert set(label_blocks(blocks, [0.9] * len(blocks), LEX)) == {Label.BODY}


def test_a_headline_run_longer_than_the_body_under_it_is_the_article() -> None:
    """A calendar of short dated lines above a sidebar blurb is the article, not a top-stories strip."""
    from warta.lexicon import load_lexicon

    lex = load_lexicon()
    entries = [f"Etapa {n}: {n} de maio de 2018 em Interlagos" for n in range(1, 9)]
    blurb = (
        "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da Fórmula 1, "
        "com todos os resultados e os comentários do nosso colunista sobre a disputa."
    )
    texts = ["Calendário da Stock Car 2018", *entries, blurb]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    labels = label_blocks(blocks, [0.9] * len(blocks), lex)
    assert all(label is Label.BODY for label in labels[1:9])



def test_short_lines_under_a_calendar_do_not_outweigh_it() -> None:
    """Only paragraphs under the strip count as the article: short lines (tags, a link, a notice
    label) adding up to more text than the calendar do not make it a top-stories strip."""
    from warta.lexicon import load_lexicon

    lex = load_lexicon()
    entries = [f"Etapa {n}: {n} de maio de 2018 em Interlagos" for n in range(1, 9)]
    blurb = (
        "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada da Fórmula 1, "
        "com todos os resultados e os comentários do nosso colunista sobre a disputa."
    )
    short = [f"Stock Car em {city}, etapa de abertura" for city in ("Curitiba", "Londrina", "Cascavel", "Tarumã")]
    texts = ["Calendário da Stock Car 2018", *entries, blurb, *short]
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    assert sum(map(len, [blurb, *short])) > sum(map(len, entries))
    labels = label_blocks(blocks, [0.9] * len(blocks), lex)
    assert all(label is Label.BODY for label in labels[1:9])


@pytest.mark.parametrize(
    "notice",
    [
        "Your comment is awaiting moderation.",
        "ATENÇÃO: comentários ofensivos não serão aprovados pelo moderador.",
        "Komentar akan dimoderasi sebelum tampil.",
    ],
)
def test_comment_moderation_notices_are_comment_form_lines(notice: str) -> None:
    from warta.lexicon import load_lexicon, normalise_lines

    lex = load_lexicon()
    assert markers_of(normalise_lines([notice]), lex) == [Label.COMMENTS]

def test_text_printed_under_a_page_footer_far_past_the_article_is_not_body() -> None:
    article = [
        "The council voted on Tuesday to close the old bridge for repairs that will last all winter long.",
        "Drivers will have to take the ring road, which adds about twenty minutes to the trip downtown.",
        "The mayor said the work could not wait another year after the last inspection report came in.",
    ]
    menus = [f"Section {n}" for n in range(25)]
    rules = [
        "Users are obliged to speak respectfully to the other participants in the discussion.",
        "A comment will be deleted if it contains spam or insults.",
    ]
    lines = [*article, *menus, "© 2019 Example News. All rights reserved", *rules]
    blocks = segment_text("\n".join(lines))
    probs = [0.9] * 3 + [0.1] * 25 + [0.1] + [0.8] * 2
    labels = label_blocks(blocks, probs, LEX)
    assert labels[:3] == [Label.BODY] * 3
    assert Label.BODY not in labels[3:]


def test_text_under_a_footer_line_right_after_the_article_stays_body() -> None:
    lines = [
        "The council voted on Tuesday to close the old bridge for repairs that will last all winter long.",
        "© Reuters",
        "Drivers will have to take the ring road, which adds about twenty minutes to the trip downtown.",
    ]
    labels = label_blocks(segment_text("\n".join(lines)), [0.9, 0.2, 0.9], LEX)
    assert labels[0] is Label.BODY and labels[2] is Label.BODY


def test_story_cards_with_a_full_opening_paragraph_after_the_article_are_related():
    # "Headline / Author / date / opening paragraph": each card's paragraph is longer than a
    # short teaser, one of them longer than any paragraph of the article above.
    opening = "The committee met again this week to weigh the plan, and members said they expect a vote soon. "
    cards = "".join(
        f"{title}\n{author}\nTuesday November {day}, 2019\n{opening * reps}\n"
        for title, author, day, reps in (
            ("Why the new budget plan is a bust", "Jane Roe", 19, 4),
            ("The town that rebuilt its harbour", "John Doe", 18, 5),
            ("What the election debate got wrong", "Ann Smith", 18, 4),
        )
    )
    labels = _confident_labels(ARTICLE * 3 + cards)
    assert labels[:6] == [Label.BODY] * 6
    assert Label.BODY not in labels[6:]


def test_cut_excerpts_under_a_related_header_do_not_resume_the_article():
    # "You may also like" then teasers cut short with "…" between share-button lines:
    # paragraph-like, but a list of other stories, also the ones that fit uncut.
    teaser = "Life asks for courage and hope, to wait for the best and to make the best happen every day"
    text = (
        ARTICLE + "You may also like...\n"
        + f"{teaser} …\nShare\n{teaser} and more …\nShare\n{teaser}!\nShare\n{teaser}, she wrote.\nShare\n"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.3] + [0.8, 0.3] * 4, LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]


def test_headlines_with_teasers_right_under_a_header_do_not_resume_the_article():
    cards = (
        "Top stories\n"
        "Town votes to rebuild the old harbour wall\nThe council approved the plan on Tuesday night.\n"
        "Local bakery wins a national prize\nIts rye loaf beat two hundred others.\n"
        "New bus line links the two valleys\nService starts next month, the operator said.\n"
    )
    blocks = segment_text(ARTICLE + cards)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.8] * 6, LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]
    # The article going on after the list (a subheading, then paragraphs) is body again.
    more = "What the new plan means\nThe bridge will reopen in spring.\nDrivers welcomed the news on Wednesday.\n"
    blocks = segment_text(ARTICLE + cards + more)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.8] * 9, LEX)
    assert Label.BODY not in labels[2:9]
    assert labels[9:] == [Label.BODY] * 3


def test_cut_excerpts_above_the_article_are_related_unless_nothing_longer_follows():
    # A ticker of "Headline CITY: excerpt..." lines, the headline joined onto the excerpt.
    ticker = "".join(
        f"Story {n} on the city budget LONDON: The ministry said on Wednesday that the plan would go ahead...\n"
        for n in range(3)
    )
    blocks = segment_text(ticker + ARTICLE)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels == [Label.RELATED] * 3 + [Label.BODY] * 2
    # A listing whose paragraphs below are all shorter than its excerpts: kept.
    long_ticker = ticker.replace("would go ahead", "would go ahead, and " + "that the work would start in spring " * 4)
    closing = "The list is updated every week with the reviews our readers sent in, and it closes on Friday." * 2
    labels = _confident_labels(long_ticker + closing)
    assert labels == [Label.BODY] * 4


def test_bio_header_split_over_two_lines_opens_the_author_box():
    bio = "Als Vertriebsleiter bildet Moritz Bachmann die Schnittstelle zwischen Marketing und Vertrieb. " * 2
    blocks = segment_text(ARTICLE + "Über\nMoritz Bachmann\n" + bio)
    labels = label_blocks(blocks, [0.9, 0.9, 0.3, 0.3, 0.9], LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]
    # "About" in a menu, followed by other entries, opens nothing.
    blocks = segment_text(ARTICLE + "About\nTrack A Shipment\nContact Us\n" + ARTICLE)
    labels = label_blocks(blocks, [0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9], LEX)
    assert labels[5:] == [Label.BODY, Label.BODY]


def test_a_colon_lead_in_under_a_header_does_not_resume_the_article():
    text = (
        ARTICLE + "Trending\nSenior Discounts\nSites Of Interest\nHotels\n"
        "The Customer Service Center can be contacted with any questions or requests:\n"
        "Telephone: 555-0100 Extension 4\n"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.7] * 5, LEX)
    assert Label.BODY not in labels[2:]
    # A colon line going on a sentence split at a link is the article's, as before.
    text = ARTICLE + "Trending\nThe service can be defined to\npublish that listener:\nport 80\n"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.7] * 3, LEX)
    assert labels[3:] == [Label.BODY] * 3


def test_a_story_card_whose_headline_is_split_at_its_links_keeps_the_run_going():
    # "Headline / Author / date / paragraph" cards; one headline split into short lines
    # ("What made / Joker / so popular?") with no line of a headline's shape left.
    opening = "The committee met again this week to weigh the plan, and members said they expect a vote soon. "
    cards = (
        "Why the new budget plan is a bust\nJane Roe\nTuesday November 19, 2019\n" + opening * 2 + "\n"
        "What made\nJoker\nso popular?\nJohn Doe\nTuesday November 18, 2019\n" + opening * 2 + "\n"
        "What the election debate got wrong\nAnn Smith\nTuesday November 18, 2019\n" + opening * 2 + "\n"
        "The town that rebuilt its harbour\nBen Stone\nTuesday November 17, 2019\n" + opening * 2 + "\n"
    )
    labels = _confident_labels(ARTICLE * 3 + cards)
    assert labels[:6] == [Label.BODY] * 6
    assert Label.BODY not in labels[6:]


def test_screen_reader_caption_labels_mark_captions():
    # "Image caption …" / "Media caption …": the hidden label a flattener prints before a caption.
    text = ARTICLE + "Image caption The old bridge seen from the river bank\nMedia caption Drivers queue at the detour\n"
    labels = _confident_labels(text)
    assert labels == [Label.BODY, Label.BODY, Label.CAPTION, Label.CAPTION]


def test_headlines_right_above_a_box_link_are_its_list():
    # An inline box with its link to the section at the bottom ("More in Politics").
    text = (
        ARTICLE + "Watch live: the mayor testifies about the bridge at a hearing\n"
        "Key moments from the council's first hearing on the repairs\n"
        "Drivers say the detour adds twenty minutes to the commute\n"
        "More in Politics\n" + ARTICLE * 2
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.8, 0.8, 0.8, 0.3] + [0.9] * 4, LEX)
    assert labels[2:6] == [Label.RELATED] * 4
    assert labels[:2] + labels[6:] == [Label.BODY] * 6


def test_cards_with_a_kicker_in_capitals_over_each_headline_are_related():
    cards = (
        "RIVER WATCH\nFloods close the old ferry for the winter\n"
        "TOWN HALL\nMayor promises a vote on the harbour plan\n"
        "SPORTS ROUNDUP\nLocal club wins the regional cup again\n"
    )
    blocks = segment_text(ARTICLE * 2 + cards)
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels[:4] == [Label.BODY] * 4
    assert Label.BODY not in labels[4:]
    # The same label over every headline is a button ("BUY NOW"), not a kicker: kept.
    buttons = "".join(f"BUY NOW\nThe {name} card for small cases\n" for name in ("Mini", "Compact", "Slim"))
    labels = _confident_labels(ARTICLE * 2 + buttons)
    assert Label.RELATED not in labels


def test_company_boilerplate_closing_a_press_release_is_not_body():
    text = (
        ARTICLE
        + "Northwind Labs is a leading provider of water sensors for city utilities, with offices on three continents.\n"
        "Northwind Labs is headquartered in Oslo and employs around 400 people.\n"
        "Stay up to date with Northwind."
    )
    labels = _confident_labels(text)
    assert labels[-4] is Label.BODY
    assert labels[-3:] == [Label.SIDEBAR] * 3


def test_company_named_at_the_article_start_stays_body():
    text = (
        "Northwind Labs is a leading provider of water sensors, and on Tuesday it said it would open a plant.\n"
        + ARTICLE
    )
    assert set(_confident_labels(text)) == {Label.BODY}


def test_source_list_after_the_article_is_not_body():
    text = (
        ARTICLE
        + "Sources:\nCity Gazette, \"Bridge to close for a year\", March 3\n"
        "Email interview with a council spokesman, March 4"
    )
    labels = _confident_labels(text)
    assert labels[-3:] == [Label.OTHER] * 3
    assert set(labels[:-3]) == {Label.BODY}


def test_company_entry_under_its_own_heading_stays_body():
    text = ARTICLE + "Northwind Labs\nNorthwind Labs is a leading provider of water sensors for city utilities, with offices."
    assert set(_confident_labels(text)) == {Label.BODY}


def test_sources_word_split_out_of_a_sentence_ends_nothing():
    text = ARTICLE + "gathering data from a number of\nsources\nin order to understand the audience and then act on it."
    assert set(_confident_labels(text)) == {Label.BODY}


def test_teaser_list_whose_first_headline_the_model_doubted_is_the_box():
    text = (
        "Latest Headlines\n"
        "Bakery Closes After Forty Years On Main Street\n"
        "The owners said rising rents left them no choice.\n"
        "Council Approves New Bike Lanes Downtown\n"
        "Work on the first stretch starts in the spring.\n"
        "Storm Knocks Out Power To Thousands Overnight\n"
        "Crews expect to restore most lines by noon.\n"
        "Weather\n"
    ) + ARTICLE
    blocks = segment_text(text)
    probs = [0.1, 0.2] + [0.9] * 5 + [0.1, 0.9, 0.9]
    labels = label_blocks(blocks, probs, LEX)
    assert labels[:7] == [Label.RELATED] * 7
