"""The section walk of `label_blocks`: sections opened and closed, inline boxes, comment threads, author boxes."""

from warta.classify.labels import block_key, label_blocks
from warta.lexicon import load_lexicon
from warta.model import Block, Label
from warta.segment.text import segment_text

LEX = load_lexicon()


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


def test_two_long_paragraphs_under_a_top_bar_header_are_the_article_resuming():
    # "Subscribe" in the site's bar above the post opens a sidebar section; the post's two
    # opening paragraphs, then an inline promo and another "Subscribe", cut the run at two.
    paragraph = (
        "Last September I dug up what should have been my best potato crop yet and found a bed "
        "of marble-sized tubers, half of them already soft, though I had followed every rule."
    )
    text = (
        f"Subscribe\nShare this post\n{paragraph}\n{paragraph}\nWant more? Sign up now\nSubscribe\nMore text"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.01, 0.02, 0.9, 0.9, 0.8, 0.1, 0.3], LEX)
    assert labels[2:4] == [Label.BODY, Label.BODY]


def test_two_teasers_between_headers_after_the_article_stay_the_box_s():
    paragraph = (
        "A teaser of another story that runs long enough to read as a finished paragraph of prose, "
        "the way a box of recommended stories prints its first lines under each headline."
    )
    text = f"The article itself, one paragraph.\nTrending\n{paragraph}\n{paragraph}\nLatest\nMore"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.1, 0.9, 0.9, 0.1, 0.1], LEX)
    assert labels[2:4] == [Label.SIDEBAR, Label.SIDEBAR]


def test_two_headlines_under_a_header_do_not_resume_the_article():
    text = "Trending\nBand reunites for a tour.\nFans vote for the hall of fame.\nLatest\nMore"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.1, 0.9, 0.9, 0.1, 0.1], LEX)
    assert labels[1:3] == [Label.SIDEBAR, Label.SIDEBAR]


def test_links_the_model_liked_under_a_related_header_do_not_resume_the_article():
    from warta.model import BlockStructure

    paragraph = "A paragraph of the story, long enough to read as prose and end with a stop."
    texts = [
        paragraph,
        paragraph,
        "You may also like...",
        "Who will win the cup?",
        "Band reunites for a tour",
        "Fans vote for the hall of fame",
        "Disclaimer",
    ]
    density = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    blocks = [
        Block(i, t, BlockStructure(tag="p", link_density=d))
        for i, (t, d) in enumerate(zip(texts, density, strict=True))
    ]
    labels = label_blocks(blocks, [0.95, 0.95, 0.8, 0.88, 0.83, 0.81, 0.2], LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert labels[2:6] == [Label.RELATED] * 4


def test_menu_entry_named_like_a_header_opens_no_section():
    from warta.model import BlockStructure

    menu = BlockStructure(tag="li", in_list=True, link_density=1.0)
    prose = BlockStructure(tag="p")
    texts = [
        "Home",
        "Latest",
        "Politics",
        "The story's first paragraph, a full sentence.",
        "Its last paragraph.",
    ]
    blocks = [Block(i, t, menu if i < 3 else prose) for i, t in enumerate(texts)]
    labels = label_blocks(blocks, [0.01, 0.01, 0.01, 0.63, 0.53], LEX)
    assert labels[3:] == [Label.BODY, Label.BODY]
    # The same word as a heading over a box still opens it.
    blocks[1] = Block(1, "Latest", BlockStructure(tag="h3", heading_level=3))
    assert label_blocks(blocks, [0.01, 0.01, 0.01, 0.63, 0.53], LEX)[3:] == [Label.SIDEBAR, Label.SIDEBAR]


def test_block_key_ignores_case_and_spacing():
    assert block_key("Jangan  Lewatkan") == block_key("jangan lewatkan")
    assert block_key("Jangan Lewatkan") != block_key("Berita Terkait")


def test_comment_thread_recognised_by_attribution_lines(confident_labels):
    text = (
        "Article paragraph one, long enough.\nArticle paragraph two, long enough.\n"
        "Gary M on September 17, 2018 at 8:50 pm said:\nHave you written anything about giving later?\n"
        "Catherine on September 19, 2018 at 12:48 pm said:\nHi Gary, our best guess is that it is small."
    )
    labels = confident_labels(text)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert set(labels[2:]) == {Label.COMMENTS}


def test_colon_ended_header_inside_the_body_heads_an_inline_box_of_links() -> None:
    text = (
        "Paragraf pertama artikel yang cukup panjang.\nPilihan Editor:\n"
        "Hakim Tolak Praperadilan Eks Bupati\nParagraf kedua artikel.\nParagraf ketiga artikel."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.7, 0.86, 0.94, 0.92], LEX)
    assert labels == [Label.BODY, Label.READ_ALSO, Label.READ_ALSO, Label.BODY, Label.BODY]
    # without the colon, or after the body, the same words head a sidebar list
    after = label_blocks(
        segment_text("Pilihan Editor\nJudul Lain Satu\nJudul Lain Dua"), [0.1, 0.2, 0.2], LEX
    )
    assert after[0] is Label.SIDEBAR


def test_sidebar_heading_between_paragraphs_of_one_element_heads_an_inline_box() -> None:
    from warta.model import BlockStructure

    prose = BlockStructure(tag="p", tag_path="body>main>div>p")
    heading = BlockStructure(tag="h4", heading_level=4, tag_path="main>div>div>h4")
    link = BlockStructure(
        tag="a", in_list=True, href="https://x.example/a", link_density=1.0, tag_path="div>ul>li>a"
    )
    rows = [
        ("Paragraf pertama berita ini cukup panjang dan berakhir dengan titik.", prose),
        ("Pilihan Redaksi", heading),
        ("Judul Berita Lain yang Dipilih Redaksi", link),
        ("Judul Kedua yang Juga Dipilih Redaksi", link),
        ("Paragraf berikutnya melanjutkan berita yang sama sampai selesai.", prose),
    ]
    blocks = [Block(i, text, structure) for i, (text, structure) in enumerate(rows)]
    probs = [0.9, 0.2, 0.2, 0.2, 0.9]
    assert label_blocks(blocks, probs, LEX) == [Label.BODY, *[Label.READ_ALSO] * 3, Label.BODY]
    # the paragraph after the box in another element: the header opens the sidebar list it names
    blocks[4] = Block(4, rows[4][0], BlockStructure(tag="p", tag_path="body>aside>div>p"))
    assert label_blocks(blocks, probs, LEX)[1:4] == [Label.SIDEBAR] * 3


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


def test_read_also_box_of_a_page_that_spaces_every_line_takes_every_title():
    # newspaper's article.text: a blank line between all the lines, the box's titles included
    text = (
        "The operator said the new rota was needed to run more buses at peak times.\n\nRelated:\n\n"
        "Metrobus to cut M5 route to hourly from May\n\nBus fares in the West of England capped at £2\n\n"
        "The strike would hit routes serving east Bristol, which carry 40,000 passengers a day."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.6, 0.7, 0.75, 0.9], LEX)
    assert labels == [Label.BODY] + [Label.READ_ALSO] * 3 + [Label.BODY]
    # a bulleted list under the box's title (a product's features) is not more of its titles
    bulleted = text.replace("\n\nBus fares", "\n\n* Bus fares")
    labels = label_blocks(segment_text(bulleted), [0.9, 0.6, 0.7, 0.75, 0.9], LEX)
    assert labels[3] is Label.BODY


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


def test_cut_excerpts_under_a_related_header_do_not_resume_the_article(article):
    # "You may also like" then teasers cut short with "…" between share-button lines:
    # paragraph-like, but a list of other stories, also the ones that fit uncut.
    teaser = "Life asks for courage and hope, to wait for the best and to make the best happen every day"
    text = (
        article
        + "You may also like...\n"
        + f"{teaser} …\nShare\n{teaser} and more …\nShare\n{teaser}!\nShare\n{teaser}, she wrote.\nShare\n"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.3] + [0.8, 0.3] * 4, LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]


def test_bio_header_split_over_two_lines_opens_the_author_box(article):
    bio = "Als Vertriebsleiter bildet Moritz Bachmann die Schnittstelle zwischen Marketing und Vertrieb. " * 2
    blocks = segment_text(article + "Über\nMoritz Bachmann\n" + bio)
    labels = label_blocks(blocks, [0.9, 0.9, 0.3, 0.3, 0.9], LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert Label.BODY not in labels[2:]
    # "About" in a menu, followed by other entries, opens nothing.
    blocks = segment_text(article + "About\nTrack A Shipment\nContact Us\n" + article)
    labels = label_blocks(blocks, [0.9, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9], LEX)
    assert labels[5:] == [Label.BODY, Label.BODY]


def test_a_colon_lead_in_under_a_header_does_not_resume_the_article(article):
    text = (
        article + "Trending\nSenior Discounts\nSites Of Interest\nHotels\n"
        "The Customer Service Center can be contacted with any questions or requests:\n"
        "Telephone: 555-0100 Extension 4\n"
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.7] * 5, LEX)
    assert Label.BODY not in labels[2:]
    # A colon line going on a sentence split at a link is the article's, as before.
    text = article + "Trending\nThe service can be defined to\npublish that listener:\nport 80\n"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9, 0.2] + [0.7] * 3, LEX)
    assert labels[3:] == [Label.BODY] * 3


def test_read_also_line_above_the_article_is_no_read_also_link(article, confident_labels):
    labels = confident_labels(
        "Baca artikel Media lainnya di Media App\n" + article + "Baca juga: Judul Lain\n"
    )
    assert labels[0] is Label.AD
    assert labels[-1] is Label.READ_ALSO


def test_the_note_under_a_verdict_box_of_labels_alone_on_their_lines_is_no_body() -> None:
    # "<div class='rating-box'><dl><dt>Claim:</dt><dd>…</dd><dt>Rating:</dt><dd>False</dd></dl>
    # <p class='note'>…</p></div>" above the story: the labels stand alone over their values,
    # and the note under the rating sits in the box's element, which closes before the story
    from warta.classify.labels import unmark_verdict_box
    from warta.lexicon import load_lexicon, normalise_marker
    from warta.model import Block, BlockStructure, Label

    box = ("article", "rating", "box")
    rows = [
        ("Claim:", box),
        ("A photo shows the airport's runway flooded this week.", box),
        ("Rating:", box),
        ("False", (*box, "false")),
        ("The photo was first posted online in 2019 and shows another airport.", (*box, "note")),
        ("A photo of a runway under water has been shared thousands of times.", ("article", "body")),
        ("The photo is not from this week.", ("article", "body")),
    ]
    blocks = [Block(i, text, BlockStructure(class_tokens=tokens)) for i, (text, tokens) in enumerate(rows)]
    labels = [Label.OTHER, Label.BODY, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY, Label.BODY]
    unmark_verdict_box(labels, load_lexicon(), [normalise_marker(t) for t, _ in rows], blocks)
    # (the box's own lines keep the model's labels: ScrapingHub's gold counts Snopes' box as body)
    assert labels == [Label.OTHER, Label.BODY, Label.OTHER, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY]
    # a box with no element of its own ends at its verdict: the story after it stays body
    flat = [Block(i, text, BlockStructure(class_tokens=("article",))) for i, (text, _) in enumerate(rows)]
    labels = [Label.OTHER, Label.BODY, Label.OTHER, Label.OTHER, Label.BODY, Label.BODY, Label.BODY]
    unmark_verdict_box(labels, load_lexicon(), [normalise_marker(t) for t, _ in rows], flat)
    assert labels == [Label.OTHER, Label.BODY, Label.OTHER, Label.OTHER] + [Label.BODY] * 3


def test_a_clock_time_alone_on_its_line_is_no_body_text(article, confident_labels):
    # A live blog's update stamps: '13:48 GMT', '08.15 WIB' (a zone the calendars know), '1:48 pm'.
    updates = "13:48 GMT\n" + article + "08.15 WIB\n" + article + "1:48 pm\n" + article
    labels = confident_labels(updates)
    assert [labels[0], labels[3], labels[6]] == [Label.OTHER] * 3
    assert set(labels) - {Label.OTHER} == {Label.BODY}


def test_clock_lines():
    from warta.classify.labels import clock_line

    assert clock_line("13:48 gmt", LEX) and clock_line("08.15 wib", LEX) and clock_line("10:40", LEX)
    # A dot without a zone may be a price or a score; an hour past 24 or an unknown zone is no time.
    assert not clock_line("10.40", LEX) and not clock_line("99:00", LEX) and not clock_line("13:48 abc", LEX)
    assert not clock_line("the 10:40 train", LEX)
