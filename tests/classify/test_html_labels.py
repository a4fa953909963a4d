from warta.classify.html_labels import refine_html_labels
from warta.model import Block, BlockStructure, Label

ARTICLE = ("post", "entry", "content")
COMMENT = ("post", "entry", "comments", "comment", "list")


def _block(i: int, text: str, tokens: tuple[str, ...], heading: int = 0) -> Block:
    return Block(i, text, BlockStructure(class_tokens=tokens, heading_level=heading, tag="p"))


def test_one_comment_the_model_liked_does_not_make_comment_a_wrapper_token() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    reply = "A reply in the thread that reads like the article's own prose, " * 3
    blocks = [_block(0, paragraph, ARTICLE), _block(1, paragraph, ARTICLE), _block(2, reply, COMMENT)]
    labels = refine_html_labels(blocks, [Label.BODY] * 3, [0.95, 0.9, 0.6])
    assert labels == [Label.BODY, Label.BODY, Label.COMMENTS]


def test_tokens_on_most_of_the_article_are_a_wrapper_not_a_container() -> None:
    wrapped = ("comments", "open", "entry")  # "comments-open" on <body>
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    blocks = [_block(i, paragraph, wrapped) for i in range(3)]
    assert refine_html_labels(blocks, [Label.BODY] * 3, [0.95, 0.9, 0.85]) == [Label.BODY] * 3


def test_short_teasers_under_a_related_header_stay_related_even_when_the_model_likes_them() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, "More stories like this one", ("grid",), heading=5),
        _block(2, "2017 Lexus LC500 coupe arrives in the Philippines", ("grid", "card")),
        _block(3, "A long paragraph after the header that is the article again, " * 3, ("grid",)),
    ]
    labels = [Label.BODY, Label.RELATED, Label.RELATED, Label.RELATED]
    out = refine_html_labels(blocks, labels, [0.95, 0.2, 0.7, 0.9])
    assert out == [Label.BODY, Label.RELATED, Label.RELATED, Label.BODY]


def _linked(i: int, text: str, tokens: tuple[str, ...], tag: str = "h3") -> Block:
    return Block(i, text, BlockStructure(class_tokens=tokens, tag=tag, link_density=1.0))


def test_repeated_teaser_cards_after_the_story_are_related() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    title, date, summary = ("more", "card", "title"), ("more", "card", "date"), ("more", "card", "summary")
    blocks = [_block(0, paragraph, ARTICLE), _block(1, paragraph, ARTICLE)]
    for n in range(3):
        blocks += [
            _linked(len(blocks), f"Another story on the same site, number {n}", title),
            _block(len(blocks) + 1, "Monday 12 May 2025", date),
            _block(
                len(blocks) + 2, "The first sentence of that other story, which the model liked.", summary
            ),
        ]
    labels = [Label.BODY, Label.BODY] + [Label.OTHER, Label.OTHER, Label.BODY] * 3
    probs = [0.95, 0.95] + [0.2, 0.1, 0.8] * 3
    out = refine_html_labels(blocks, labels, probs)
    assert out[:2] == [Label.BODY, Label.BODY]
    assert out[2:] == [Label.RELATED] * 9


def test_article_paragraphs_under_linked_item_names_stay_body() -> None:
    # A list article: each item's name links to the product, and its paragraph shares
    # its markup with the article's introduction.
    intro = "An introduction to the list that is long enough to be prose, " * 3
    blocks = [_block(0, intro, ARTICLE)]
    for n in range(3):
        blocks += [
            _linked(len(blocks), f"The product number {n} with its name", ("list", "item")),
            _block(len(blocks) + 1, "Why we like this product, in a sentence or two of prose.", ARTICLE),
        ]
    labels = [Label.BODY] + [Label.BODY, Label.BODY] * 3
    out = refine_html_labels(blocks, labels, [0.95] + [0.7, 0.9] * 3)
    assert out == [Label.BODY] * 7


def test_container_around_a_doubtful_article_is_a_wrapper_for_the_fallback() -> None:
    # A blog template puts its only post inside "widget blog": no block reached the
    # threshold, yet the likeliest ones share that token, so it wraps, not boxes, them.
    post = ("section", "widget", "blog", "posts", "hentry", "body")
    paragraph = "A paragraph of the blog post that the model was not sure about, " * 2
    blocks = [
        _block(0, "Popular Posts", ("sidebar", "widget", "popular"), heading=3),
        _block(1, paragraph, post),
        _block(2, paragraph, post),
        _block(3, "Another post's title in the popular list", ("sidebar", "widget", "popular")),
    ]
    labels = [Label.SIDEBAR, Label.OTHER, Label.OTHER, Label.SIDEBAR]
    out = refine_html_labels(blocks, labels, [0.1, 0.45, 0.42, 0.2])
    assert out == [Label.SIDEBAR, Label.BODY, Label.BODY, Label.SIDEBAR]


def test_author_bio_box_is_not_body_even_under_a_wrapper_token() -> None:
    # <body class="sidebar-left"> puts "sidebar" on every block, so it is a wrapper; the
    # author box further in still counts by its own token.
    page = ("single", "sidebar", "left", "main", "content")
    article, bio = (*page, "entry", "article"), (*page, "author", "profile", "description", "bio")
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    about = "Father of two, the author teaches reading at a school in the town where he lives. " * 2
    blocks = [_block(0, paragraph, article), _block(1, paragraph, article), _block(2, paragraph, article)]
    blocks.append(_block(3, about, bio))
    out = refine_html_labels(blocks, [Label.BODY] * 4, [0.98, 0.97, 0.96, 0.6])
    assert out == [Label.BODY, Label.BODY, Label.BODY, Label.OTHER]


def test_box_token_beside_the_wrapper_on_the_same_element_stays_a_wrapper() -> None:
    # One class soup on <body> holds "sidebar" and "readmore": both wrap the article.
    soup = ("blog", "sidebar", "readmore", "footer", "main", "entry", "article")
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    blocks = [_block(i, paragraph, soup) for i in range(3)]
    assert refine_html_labels(blocks, [Label.BODY] * 3, [0.98, 0.97, 0.96]) == [Label.BODY] * 3


def test_a_menu_link_named_like_a_box_header_opens_no_section() -> None:
    """'Subscribe' in the site's <nav> is a menu entry, not the header of a sidebar box that
    would swallow the article's standfirst (which the model likes) and caption."""
    from warta.classify.labels import label_blocks
    from warta.lexicon import load_lexicon
    from warta.segment.html import segment_html

    paragraph = "The council approved the new bus routes on Tuesday after a long debate about costs."
    html = (
        "<html><body><header><nav><a href='/news'>News</a> <a href='/subscribe'>Subscribe</a></nav></header>"
        "<main><article><h1>Council approves new bus routes for the valley</h1>"
        "<p class='standfirst'>Six villages get a daily service again from March</p>"
        "<figure><img src='/bus.jpg' alt=''><figcaption>A bus at the valley depot</figcaption></figure>"
        f"<p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></main></body></html>"
    )
    blocks = segment_html(html).blocks
    assert [b.text for b in blocks][:3] == [
        "News",
        "Subscribe",
        "Council approves new bus routes for the valley",
    ]
    probs = [0.05, 0.05, 0.25, 0.7, 0.1, 0.95, 0.95, 0.95]
    labels = label_blocks(blocks, probs, load_lexicon())
    assert Label.SIDEBAR not in labels
    assert labels[3] is Label.BODY  # the standfirst stays with the article (assembly makes it the subtitle)


def test_an_inline_read_also_line_in_a_related_container_stays_read_also() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    box = ("content", "inline", "related")
    line = Block(
        1,
        "Baca juga: Harga Garam Anjlok Saat Panen Raya",
        BlockStructure(class_tokens=box, tag="div", href="https://x.example/a", link_density=0.75),
    )
    header = _block(3, "Read more:", box)
    item = Block(
        4,
        "Bond yields climb as investors wait",
        BlockStructure(
            class_tokens=box, tag="li", href="https://x.example/b", link_density=1.0, in_link=True
        ),
    )
    blocks = [_block(0, paragraph, ARTICLE), line, _block(2, paragraph, ARTICLE), header, item]
    labels = [Label.BODY, Label.READ_ALSO, Label.BODY, Label.READ_ALSO, Label.READ_ALSO]
    out = refine_html_labels(blocks, labels, [0.95, 0.3, 0.9, 0.1, 0.2])
    # The bare header's linked items follow their container.
    assert out == [Label.BODY, Label.READ_ALSO, Label.BODY, Label.RELATED, Label.RELATED]


def test_a_pull_quote_in_an_aside_is_no_sidebar_list() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    quote = ("article", "body", "pullquote", "aside")
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, "We are choosing where the water goes instead of waiting", quote),
        _block(2, "Parish council chair", (*quote, "footer")),
        _block(3, "Most read", ("aside", "popular")),
        _block(4, paragraph, ARTICLE),
    ]
    labels = [Label.BODY, Label.BODY, Label.OTHER, Label.OTHER, Label.BODY]
    out = refine_html_labels(blocks, labels, [0.95, 0.6, 0.2, 0.1, 0.9])
    # The model decides whether the quote is body; its <aside> makes it no sidebar.
    assert out == [Label.BODY, Label.BODY, Label.OTHER, Label.SIDEBAR, Label.BODY]


def test_a_newsletter_modal_is_no_sidebar_list() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    modal = ("newsletter", "modal", "popup", "modal", "content")
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, "Never miss a story", modal, heading=3),
        _block(2, "Sign up for the morning newsletter and get the top headlines every day.", modal),
    ]
    out = refine_html_labels(blocks, [Label.BODY, Label.SIDEBAR, Label.BODY], [0.95, 0.1, 0.55])
    assert out == [Label.BODY, Label.OTHER, Label.OTHER]


def test_a_paywall_box_is_neither_body_nor_a_list() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    wall = ("paywall", "paywall", "inner")
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, "Subscribe to continue reading", wall, heading=3),
        _block(
            2,
            "You've read all of your free articles this month. Subscribe today for unlimited access "
            "to local news you can trust, from just £1 a week.",
            wall,
        ),
    ]
    out = refine_html_labels(blocks, [Label.BODY, Label.SIDEBAR, Label.BODY], [0.95, 0.1, 0.6])
    assert out == [Label.BODY, Label.OTHER, Label.OTHER]


def test_a_gallery_s_title_in_the_story_is_a_caption_not_a_heading() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    gallery = ("article", "body", "gallery")
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, "In pictures: the shop through the years", gallery, heading=2),
        _block(2, "The owners outside the shop on its opening day in 1957.", (*gallery, "item")),
        _block(3, paragraph, ARTICLE),
    ]
    labels = [Label.BODY, Label.HEADING, Label.CAPTION, Label.BODY]
    out = refine_html_labels(blocks, labels, [0.95, 0.7, 0.2, 0.95])
    assert out == [Label.BODY, Label.CAPTION, Label.CAPTION, Label.BODY]


def test_a_rail_of_link_cards_in_a_gallery_container_stays_a_list() -> None:
    # A CBS-style "Related galleries" rail (<div class="gallery-rail gallery">) beside a story that
    # has no photo gallery: its header opened a related box, and the container token must not
    # turn the box's linked entries into captions.
    import warta

    paragraph = "A paragraph of the article that is long enough to be prose, with a clause or two more. "
    body = "".join(f"<p>{paragraph * 2}{n}</p>" for n in ("One.", "Two.", "Three.", "Four."))
    cards = "".join(
        f"<li><a href='/photos/{n}'>Photos: the best pictures of the week, part {n}</a></li>"
        for n in range(5)
    )
    html = (
        "<html><body><main><article><h1>Harrowgate bakery to close after 68 years</h1>"
        f"<div class='story-body'>{body}</div></article>"
        f"<div class='gallery'><h3>Related Stories</h3><ul>{cards}</ul></div></main></body></html>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert [item.url for item in article.related] == [f"https://example.test/photos/{n}" for n in range(5)]


def _deep(i: int, text: str, tokens: tuple[str, ...], depth: int) -> Block:
    return Block(i, text, BlockStructure(class_tokens=tokens, tag="p", dom_depth=depth))


def test_body_wrapper_token_lost_by_deep_list_items_is_still_a_wrapper() -> None:
    # <body class="has-sidebar"> reaches the shallow paragraphs' tokens; the list items sit
    # too deep to hold it, and being the likeliest blocks they alone would not tell it apart.
    page = ("has", "sidebar", "site")
    shallow = (*page, "entry", "content")
    deep = ("entry", "content", "wp", "block", "list")
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    blocks = [
        _deep(0, "Skip to content", page, 3),
        *(_deep(i, paragraph, shallow, 10) for i in range(1, 5)),
        *(_deep(i, "A list item of the article, one full sentence long.", deep, 20) for i in range(5, 8)),
        _deep(8, "Copyright the site", (*page, "colophon"), 4),
    ]
    probs = [0.01, 0.9, 0.9, 0.9, 0.9, 0.99, 0.99, 0.99, 0.01]
    labels = refine_html_labels(blocks, [Label.OTHER] + [Label.BODY] * 7 + [Label.OTHER], probs)
    assert labels[1:8] == [Label.BODY] * 7


def test_comments_the_model_likes_below_the_article_are_no_wrapper() -> None:
    # "comment" on most of the shallow blocks the model likes, but on none above the article:
    # a thread under it, no wrapper.
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    reply = "A reply in the thread that reads like the article's own prose, " * 3
    blocks = [
        _deep(0, "Skip to content", ("site",), 3),
        *(_deep(i, paragraph, ARTICLE, 8) for i in range(1, 4)),
        *(_deep(i, reply, COMMENT, 9) for i in range(4, 8)),
        _deep(8, "Copyright the site", ("site", "colophon", "comment"), 4),
    ]
    probs = [0.01, 0.95, 0.95, 0.95, 0.8, 0.8, 0.8, 0.8, 0.01]
    labels = refine_html_labels(blocks, [Label.OTHER] + [Label.BODY] * 7 + [Label.OTHER], probs)
    assert labels[1:8] == [Label.BODY] * 3 + [Label.COMMENTS] * 4


def _heading(i: int, text: str, tokens: tuple[str, ...]) -> Block:
    return Block(i, text, BlockStructure(class_tokens=tokens, heading_level=2, tag="h2"))


def test_a_section_id_spelling_out_its_heading_names_no_comment_box() -> None:
    # <section id="respond-to-review-comments"> of a documentation page: the heading's slug.
    section = ("document", "body", "respond", "to", "review", "comments")
    paragraph = "Your patch will get remarks from reviewers on ways it can be improved, " * 3
    blocks = [
        *(_block(i, paragraph, ("document", "body")) for i in range(3)),
        _heading(3, "Respond to review comments", section),
        _block(4, paragraph, section),
    ]
    labels = refine_html_labels(blocks, [Label.BODY] * 5, [0.95, 0.95, 0.95, 0.8, 0.9])
    assert labels == [Label.BODY] * 5


def test_a_comments_box_under_a_short_heading_stays_comments() -> None:
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    reply = "A reply in the thread that reads like the article's own prose, " * 3
    blocks = [
        *(_block(i, paragraph, ARTICLE) for i in range(3)),
        _heading(3, "Comments", COMMENT),
        _block(4, reply, COMMENT),
    ]
    labels = refine_html_labels(blocks, [Label.BODY] * 5, [0.95, 0.95, 0.95, 0.6, 0.6])
    assert labels[3:] == [Label.COMMENTS, Label.COMMENTS]


def test_heading_ids_by_word_agree_with_every_heading_asked() -> None:
    import random
    from itertools import compress

    from warta.classify import html_labels as module

    words = ["to", "review", "comments", "reply", "respond", "more", "stories", "related", "the", "of"]
    rng = random.Random(26)
    removed = 0
    for _ in range(300):
        blocks = []
        found: list[tuple[Label, str] | None] = []
        for i in range(rng.randint(1, 25)):
            tokens = tuple(rng.sample(words, rng.randint(0, 6)))
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
            blocks.append(_heading(i, text, tokens) if rng.random() < 0.3 else _block(i, text, tokens))
            found.append((Label.COMMENTS, rng.choice(words)) if rng.random() < 0.5 else None)
        # the loop that asked each hit of every heading
        headings = [
            set(module._ID_WORD.findall(b.text.lower()))
            for b in blocks
            if b.structure.heading_level and len(set(module._ID_WORD.findall(b.text.lower()))) >= 3
        ]
        expected = list(found)
        for i, hit in zip(compress(range(len(found)), found), filter(None, found), strict=True):
            tokens = blocks[i].structure.class_tokens
            if any(hit[1] in ws and ws.issubset(tokens) for ws in headings):
                expected[i] = None
                removed += 1
        assert module.without_heading_ids(blocks, found) == expected
    assert removed > 20


def test_a_box_in_an_aside_is_what_its_own_header_names() -> None:
    # An <aside> is a sidebar container by its tag; a related or read-also header heading the
    # one box inside says what it is. A side column's class ('sidebar'), or an aside that holds
    # a column of widgets under their own headers, keeps the sidebar reading.
    paragraph = "A paragraph of the article that is long enough to be prose, " * 3
    box = ("more", "wrap", "aside")
    column = ("col", "sidebar", "widget")
    widgets = ("col", "right", "aside")
    blocks = [
        _block(0, paragraph, ARTICLE),
        _block(1, paragraph, ARTICLE),
        _block(2, "You might also like", box, heading=3),
        _linked(3, "Sharpening a card scraper with a file", box),
        _linked(4, "Oil or wax for an old pine table?", box),
        _block(5, "Other press releases", column, heading=4),
        _linked(6, "Festival returns to the island in August", column),
        _block(7, "You might also like", widgets, heading=3),
        _linked(8, "Rain and strong wind until Thursday", widgets),
        _block(9, "Most read", widgets, heading=3),
        _linked(10, "Ring road crash, three kilometres of queues", widgets),
    ]
    kinds = {2: Label.RELATED, 5: Label.RELATED, 7: Label.RELATED}
    labels = [Label.BODY] * 2 + [Label.RELATED] * 9
    probs = [0.95, 0.9, *[0.02] * 9]
    out = refine_html_labels(blocks, labels, probs, header_kind=kinds.get)
    assert out[2:5] == [Label.RELATED] * 3
    assert out[5:] == [Label.SIDEBAR] * 6
    # Where the header is no whole related header (a section run on from above), the aside rules.
    out = refine_html_labels(blocks, labels, probs, header_kind={}.get)
    assert out[2:5] == [Label.SIDEBAR] * 3
    # A bare read-also header line ('À lire également') names its aside's links read-also.
    labels = [Label.BODY] * 2 + [Label.READ_ALSO, Label.OTHER, Label.OTHER]
    out = refine_html_labels(blocks[:5], labels, [0.95, 0.9, 0.2, 0.2, 0.1], header_kind={}.get)
    assert out[2:] == [Label.READ_ALSO] * 3
