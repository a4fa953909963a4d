"""Bylines read from whole HTML pages: names run into a credit word or a job title by the template."""

from __future__ import annotations

import warta

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "The river rose overnight and the town council met at dawn to decide whether the old bridge "
        "should stay open to traffic while engineers inspected its pillars.",
        "Residents who live along the bank said the water had never come this close to their homes, "
        "and several families moved their furniture upstairs before the morning.",
        "The council agreed to close the bridge for two days and to send buses around the long way, "
        "a detour that adds almost forty minutes to the trip into the city centre.",
        "Engineers expect to publish their findings by the end of the week, after divers have looked "
        "at the foundations that were last repaired more than thirty years ago.",
    )
)


def _page(byline: str) -> str:
    """A small article page whose byline element holds `byline` (HTML)."""
    return (
        "<html><head><title>Bridge closed as river rises</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Bridge closed as river rises</h1>"
        f"{byline}"
        f"<div class='article-content'>{PARAGRAPHS}</div>"
        "</article><footer>Copyright 2026 Example News</footer></body></html>"
    )


def _authors(html: str) -> list[str]:
    return [p.name for p in warta.extract(html, kind="html").authors]


def test_credit_word_run_into_the_name() -> None:
    # Inline elements with no space between them: the text reads "ByMaya Lindqvist".
    html = _page("<div class='meta'><span>By</span><span>Maya Lindqvist</span></div>")
    assert _authors(html) == ["Maya Lindqvist"]


def test_indonesian_credit_word_run_into_the_name() -> None:
    html = _page("<div class='meta'><span>Oleh</span><span>Rizky Pratama</span></div>")
    assert _authors(html) == ["Rizky Pratama"]


def test_job_title_after_the_name_without_a_comma() -> None:
    html = _page(
        "<div class='post-author-name'><a href='/author/maya-lindqvist'>Maya Lindqvist</a> "
        "<span>Writer</span></div>"
    )
    assert _authors(html) == ["Maya Lindqvist"]


def test_job_title_run_into_the_name_and_more_of_it_after_a_comma() -> None:
    html = _page(
        "<div class='post-author-name'><a href='/author/maya-lindqvist'>Maya Lindqvist</a>"
        "<span>Founder, Lead Reviewer</span></div>"
    )
    assert _authors(html) == ["Maya Lindqvist"]


def test_indonesian_job_title_after_the_name() -> None:
    html = _page(
        "<div class='post-author-name'><a href='/author/rizky-pratama'>Rizky Pratama</a> "
        "<span>Pendiri</span></div>"
    )
    assert _authors(html) == ["Rizky Pratama"]


def test_a_name_with_an_inner_capital_keeps_it() -> None:
    html = _page("<div class='post-author-name'><a href='/author/x'>Dana McAllister</a></div>")
    assert _authors(html) == ["Dana McAllister"]


def test_a_last_author_after_its_joiner() -> None:
    # "& Tomas Berg": the template prints the joiner before the last of several authors.
    html = _page("<div class='post-author-name'>&amp; Tomas Berg Writer, Hardware</div>")
    assert _authors(html) == ["Tomas Berg"]


def test_a_desk_named_with_a_team_word_keeps_it() -> None:
    html = _page("<div class='meta'>By Harbour Times Staff, Reuters</div>")
    assert _authors(html)[0] == "Harbour Times Staff"


def test_staff_before_a_title_word_is_part_of_the_title() -> None:
    html = _page("<div class='meta'>By Maya Lindqvist Staff Writer</div>")
    assert _authors(html) == ["Maya Lindqvist"]


def _thread(starter_line: str) -> str:
    """A small forum thread page: title, the starter's credit line, then the first post."""
    return (
        "<html><head><title>Which bridge route is faster in winter?</title></head><body>"
        "<nav><a href='/'>Forums</a> <a href='/forums/travel'>Travel</a></nav>"
        "<h1>Which bridge route is faster in winter?</h1>"
        f"<ul class='thread-meta'><li>{starter_line}</li><li>Start date Jan 3, 2024</li></ul>"
        f"<article class='message-body'>{PARAGRAPHS}</article>"
        "<footer>Copyright 2026 Example Forums</footer></body></html>"
    )


def test_thread_starter_with_a_login_name() -> None:
    html = _thread("Thread starter <a href='/members/river_fan42.17/'>river_fan42</a>")
    assert _authors(html) == ["river_fan42"]


def test_indonesian_thread_starter() -> None:
    html = _thread("Pembuat thread <a href='/members/budi.sk8.17/'>budi.sk8</a>")
    assert _authors(html) == ["budi.sk8"]


def test_thread_starter_with_a_spaced_name() -> None:
    html = _thread("Thread starter <a href='/members/x.17/'>Perrin Vale</a>")
    assert _authors(html) == ["Perrin Vale"]


def test_a_login_name_needs_the_starter_credit_or_its_member_page() -> None:
    # "By" before a login name stays unread, unless the credit links to that login's member page
    html = _thread("By <a href='/members/otter.17/'>river_fan42</a>")
    assert _authors(html) == []
    html = _thread("By <a href='/members/river_fan42.17/'>river_fan42</a>")
    assert _authors(html) == ["river_fan42"]


def test_starter_label_after_the_login_name() -> None:
    html = _thread("<a href='/members/river_fan42.17/'>river_fan42</a> <span>Discussion starter</span>")
    assert _authors(html) == ["river_fan42"]


def test_indonesian_starter_label_after_the_login_name() -> None:
    html = _thread("<a href='/members/budi.sk8.17/'>budi.sk8</a> <span>Pembuat thread</span>")
    assert _authors(html) == ["budi.sk8"]


def _post(above_post: str) -> str:
    """A forum thread whose first post has `above_post` (HTML) right above it."""
    return (
        "<html><head><title>Which bridge route is faster in winter?</title></head><body>"
        "<nav><a href='/'>Forums</a> <a href='/category/travel'>Travel</a></nav>"
        "<h1>Which bridge route is faster in winter?</h1>"
        f"<div class='post-header'>{above_post}<div class='meta'>wrote on Jan 3, 2024</div></div>"
        f"<div class='post-content'>{PARAGRAPHS}</div>"
        "<footer>Copyright 2026 Example Forums</footer></body></html>"
    )


def test_login_linked_to_its_member_page_above_the_first_post() -> None:
    html = _post(
        "<a class='avatar' href='/user/river_fan42'>R</a><a href='/user/river_fan42'>river_fan42</a>"
    )
    assert _authors(html) == ["river_fan42"]


def test_member_page_with_the_forum_id_after_the_login() -> None:
    html = _post("<div><a href='https://forum.example/members/budi.sk8.4217/'>budi.sk8</a></div>")
    assert _authors(html) == ["budi.sk8"]


def test_an_account_page_link_names_no_one() -> None:
    html = _post("<div><a href='/user/login'>Login</a></div>")
    assert "Login" not in _authors(html)


def test_a_credit_label_with_no_name_after_it_names_no_one() -> None:
    html = _page("<div class='post-meta'>Written By</div>")
    assert _authors(html) == []


def test_a_quoted_markup_name_loses_its_quotes() -> None:
    html = _page("").replace("<head>", "<head><meta name='author' content='\"Maya Lindqvist\"'>")
    assert _authors(html) == ["Maya Lindqvist"]


def _question(asked: str) -> str:
    """A small Q&A page: the question, an editor's card, then the asker's card under `asked`."""
    return (
        "<html><head><title>Which bridge route is faster in winter?</title></head><body>"
        "<h1>Which bridge route is faster in winter?</h1>"
        f"<div class='question'><div class='post-text'>{PARAGRAPHS}</div>"
        "<div class='tags'><a href='/questions/tagged/travel'>travel</a></div>"
        "<div class='card'><div>edited Jan 4, 2024 at 10:00</div>"
        "<div><a href='/users/77/tidy_editor'>tidy_editor</a></div></div>"
        f"<div class='card'><div>{asked}</div>"
        "<div><a href='/users/4218/river_fan42'>river_fan42</a></div></div></div>"
        "<footer>Copyright 2026 Example Answers</footer></body></html>"
    )


def test_the_asker_under_asked_is_the_question_author() -> None:
    assert _authors(_question("asked Jan 3, 2024 at 09:00")) == ["river_fan42"]


def test_indonesian_asker_line() -> None:
    assert _authors(_question("ditanyakan 3 Jan 2024")) == ["river_fan42"]


def test_dan_as_a_first_name_is_no_joiner() -> None:
    assert _authors(_page("<div class='meta'>By Dan Morrow</div>")) == ["Dan Morrow"]


def test_dan_still_joins_indonesian_names() -> None:
    assert _authors(_page("<div class='meta'>Oleh Rizky Pratama dan Sari Dewi</div>")) == [
        "Rizky Pratama",
        "Sari Dewi",
    ]


def test_a_markup_name_starting_with_dan() -> None:
    html = _page("").replace("<head>", "<head><meta name='author' content='Dan Morrow'>")
    assert _authors(html) == ["Dan Morrow"]


def test_a_follow_mark_before_the_name() -> None:
    html = _page("<div class='meta'><div>By</div><div>+ Dan Morrow</div></div>")
    assert _authors(html) == ["Dan Morrow"]


def test_a_title_then_the_outlet_after_the_name() -> None:
    html = _page("<div class='meta'>By Maya Lindqvist, Associate Editor, Harbour Times</div>")
    assert _authors(html) == ["Maya Lindqvist"]


def test_a_tag_link_under_the_headline_is_no_writer() -> None:
    html = _page("<div class='tags'><a href='/blog/tag/river-safety'>River Safety</a></div>")
    assert _authors(html) == []


def test_a_closing_line_of_labelled_credits_leaves_the_body() -> None:
    # '<p><b>Penulis:</b> A | <b>Editor:</b> B</p>' as the article's last paragraph: the people
    # are credited and the line is no paragraph of the story.
    html = _page("").replace(
        "</div></article>",
        "<p><b>Penulis:</b> Rahmat Hidayat | <b>Editor:</b> Siti Marlina</p></div></article>",
    )
    article = warta.extract(html, url="https://example.test/a")
    assert [p.name for p in article.authors] == ["Rahmat Hidayat"]
    assert [p.name for p in article.editors] == ["Siti Marlina"]
    assert "Penulis" not in article.text
    assert article.body[-1].text.startswith("Engineers expect")


def test_a_sign_off_sentence_stays_in_the_body() -> None:
    html = _page("").replace(
        "</div></article>", "<p>Reporting by Rahmat Hidayat; Editing by Siti Marlina</p></div></article>"
    )
    article = warta.extract(html, url="https://example.test/a")
    assert article.body[-1].text == "Reporting by Rahmat Hidayat; Editing by Siti Marlina"


def test_microdata_author_item_names_the_writer() -> None:
    # No credit word, no author class: only the microdata marks the person item as the author.
    for mark in (
        "<span itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<span itemprop='name'>Wren Okafor</span></span>",
        "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<meta itemprop='name' content='Wren Okafor'></div>",
        "<span itemprop='author'>Wren Okafor</span>",
    ):
        assert _authors(_page(f"<div class='meta'>{mark}</div>")) == ["Wren Okafor"], mark


def test_first_microdata_author_of_a_thread_is_the_starter() -> None:
    posts = "".join(
        f"<div class='post'><div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        f"<meta itemprop='name' content='{login}'></div><p>{text}</p></div>"
        for login, text in (
            (
                "quietfern42",
                "My tomato seedlings wilt every afternoon although the soil stays damp; what could cause that?",
            ),
            (
                "oakandash",
                "Check the roots for rot: damp soil all day often means the pot does not drain well enough.",
            ),
        )
    )
    html = f"<html><head><title>Wilting seedlings</title></head><body><h1>Wilting seedlings</h1>{posts}</body></html>"
    assert _authors(html) == ["quietfern42"]


def test_a_date_label_or_link_run_on_after_the_name_ends_it() -> None:
    for byline in (
        "<p class='entry-meta'>By<b>Maya Lindqvist</b> Updated on<time>February 16, 2026</time></p>",
        "<p class='entry-meta'>By Maya Lindqvist <a href='/edition'>View In Digital Edition</a></p>",
    ):
        assert _authors(_page(byline)) == ["Maya Lindqvist"], byline


def _personal(home: str, host: str) -> str:
    return (
        f"<html><head><title>Bridge closed as river rises</title><link rel='canonical' href='https://{host}/notes/rivers'>"
        f"</head><body><header><a href='https://{host}/'>{home}</a> <a href='https://{host}/about'>About</a>"
        f"</header><article><h1>Bridge closed as river rises</h1><p>March 3, 2026</p>{PARAGRAPHS}</article></body></html>"
    )


def test_a_personal_sites_owner_on_its_home_link() -> None:
    assert _authors(_personal("Maya Lindqvist", "lindqvist.dev")) == ["Maya Lindqvist"]
    assert _authors(_personal("Maya Lindqvist", "mayalindqvist.com")) == ["Maya Lindqvist"]
    # a host that does not spell the name, or a publication's name, names no owner
    assert _authors(_personal("Maya Lindqvist", "riverwatch.org")) == []
    assert _authors(_personal("Lindqvist Blog", "lindqvist.dev")) == []


def test_photographer_and_reviewer_are_authors_only_with_no_writer() -> None:
    # A writer credited beside the photographer or the reviewer: the writer is the author.
    for byline in (
        "<p class='credits'>Words by Maya Lindqvist | Photos by Tomas Berg</p>",
        "<ul class='contributors'><li>Written by Maya Lindqvist</li>"
        "<li>Medically reviewed by Dr. Tomas Berg</li><li>Fact-checked by Ines Ruiz</li></ul>",
    ):
        assert _authors(_page(byline)) == ["Maya Lindqvist"], byline
    # No writer credited: the one who checked the story is the page's only credited person.
    people = warta.extract(
        _page("<p class='meta'>Reviewed by Tomas Berg, Trial Attorney</p>"), kind="html"
    ).authors
    assert [(p.name, p.role) for p in people] == [("Tomas Berg", "reviewer")]


def test_labelled_credit_lines_closing_the_body_one_a_line() -> None:
    # 'Reporter: / Editor: / Translator:' under the story, one a line: every line is read, the
    # translator is credited but no author, and none of the lines stays in the body.
    credits = "<p>Reporter: Maya Lindqvist<br>Editor: Tomas Berg<br>Translator: Ines Ruiz</p>"
    html = _page("").replace("</div></article>", f"{credits}</div></article>")
    article = warta.extract(html, kind="html")
    assert [p.name for p in article.authors] == ["Maya Lindqvist"]
    assert [p.name for p in article.editors] == ["Tomas Berg"]
    assert not [p.text for p in article.body if "Lindqvist" in p.text or "Berg" in p.text]
    # a labelled line above a closing paragraph of prose is not read as a closing credit
    prose = "<p>Editor: Tomas Berg</p><p>The bridge reopened on Friday after the inspection ended early.</p>"
    html = _page("").replace("</div></article>", f"{prose}</div></article>")
    assert [p.name for p in warta.extract(html, kind="html").editors] == []


def test_author_box_closing_the_body_names_the_writer() -> None:
    # No byline above the story; the author box under it (name linked to the author's page, then
    # the bio) was read as the body's last lines. The name line leaves the body, and so does the
    # bio closing it: the writer's, not the story's.
    box = (
        "<div class='author-box'><h4><a href='/author/maya-lindqvist/'>Maya Lindqvist</a></h4>"
        "<p>Maya Lindqvist is a senior correspondent covering rivers, bridges and the councils that mend them.</p></div>"
    )
    article = warta.extract(_page("").replace("</div></article>", f"</div>{box}</article>"), kind="html")
    assert [p.name for p in article.authors] == ["Maya Lindqvist"]
    assert not [p.text for p in article.body if "Maya Lindqvist" in p.text]


def _org_page(author: str, host: str) -> str:
    return (
        f"<html><head><title>Bridge closed as river rises</title><meta name='author' content=\"{author}\">"
        f"<link rel='canonical' href='https://www.{host}/news/bridge-closed'></head><body>"
        f"<article><h1>Bridge closed as river rises</h1>{PARAGRAPHS}</article></body></html>"
    )


def test_an_organisation_the_markup_names_is_the_author() -> None:
    # the site's own name written as its domain, where nothing names a person
    assert _authors(_org_page("RiverTownNews.com", "rivertownnews.com")) == ["RiverTownNews.com"]
    # a possessive in an organisation's name: no box header in a meta author tag
    assert _authors(_org_page("Children's Hospital", "riverhealth.org")) == ["Children's Hospital"]
    # another site's domain is no name
    assert _authors(_org_page("OtherSite.com", "rivertownnews.com")) == []


def test_markup_authors_take_the_printed_spelling_of_the_same_names() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", '
        '"name": "Maya K. Lindqvist"}, {"@type": "Person", "name": "TOMAS BERG"}]}</script>'
    )
    html = _page("<p class='byline'>By Maya Lindqvist and Tomas Berg, Staff Writers</p>").replace(
        "</title>", f"</title>{ld}"
    )
    assert _authors(html) == ["Maya Lindqvist", "Tomas Berg"]
    # a visible name of another person leaves the markup's name as it is
    html = _page("<p class='byline'>By Ines Ruiz</p>").replace("</title>", f"</title>{ld}")
    assert _authors(html) == ["Maya K. Lindqvist", "TOMAS BERG"]


def test_a_note_that_the_post_was_written_by_names_the_writer() -> None:
    # the note opens the post; the lower-case description after the name names nobody else
    note = "<p>This post was written by Maya Lindqvist, MD, hydrologist, River Health Institute.</p>"
    html = _page("").replace("<div class='article-content'>", f"<div class='article-content'>{note}")
    assert _authors(html) == ["Maya Lindqvist, MD"]
