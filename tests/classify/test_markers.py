"""Line markers and section headers (`warta.classify.markers`), through `label_blocks` and directly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.classify.labels import label_blocks
from warta.classify.markers import markers_of, read_also_label_split, section_header
from warta.lexicon import load_lexicon, normalise_marker
from warta.model import Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def test_promos_and_markers_never_body_even_when_model_says_so():
    text = "ADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nBaca juga: Judul Lain\nBagikan\n© 2025 Media"
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.99] * len(blocks), LEX)
    # no article text above it: the read-also line links elsewhere, it heads no inline box
    assert labels == [Label.AD, Label.AD, Label.AD, Label.NAV, Label.FOOTER]


def test_skip_links_are_never_text():
    """A flattener that keeps a page's accessibility links prints them first, where a title is looked for."""
    lines = [
        "Skip to the main content",
        "Skip directly to site content Skip directly to search",
        "Jump to content",
        "Lewati ke konten",
    ]
    blocks = segment_text("\n".join(lines))
    assert label_blocks(blocks, [0.9] * len(blocks), LEX) == [Label.AD] * len(lines)


def test_a_sidebar_header_ending_like_a_related_one_stays_a_sidebar_header():
    assert section_header("top stories", LEX) is Label.SIDEBAR  # 'stories' closes 'More stories'
    assert section_header("more stories", LEX) is Label.RELATED


def test_zero_comment_count_opens_no_thread():
    assert LEX.is_comment_header("12 comments")
    assert not LEX.is_comment_header("0 comments")
    text = "Teaser paragraph.\n0 Comments\nThe article, one.\nThe article, two.\nThe article, three."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.6, 0.2, 0.95, 0.95, 0.95], LEX)
    assert labels[2:] == [Label.BODY] * 3


def test_comment_count_header():
    text = "Body.\n34 responses to “Anthony Lynn: We needed to win”\nA reader comment that reads like body."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.2, 0.9], LEX)
    assert labels[1:] == [Label.COMMENTS, Label.COMMENTS]


def test_breadcrumbs_and_counted_archive_entries_are_navigation(confident_labels):
    text = "News › Local\nOutubro (217)\nWordPress (53)\nA sentence about 53 people (and more)."
    labels = confident_labels(text)
    assert labels == [Label.NAV, Label.NAV, Label.NAV, Label.BODY]


def test_image_urls_keyword_lists_and_credited_captions_are_not_body(confident_labels):
    text = (
        "The article's first paragraph, long enough to be prose.\n"
        "https://static.example.com/image/5dd3a0-500-250/ten-things.jpg?w=500\n"
        "How to retire early,Early retirement,Retiring early,Personal Finance\n"
        "A habitation module compared with its hibernation equivalent. Credit: ESA\n"
        "Jakarta, Bandung, Surabaya, dan Medan adalah kota besar di Indonesia.\n"
        "The engineer said the photo: it was taken in 1969, not later."
    )
    labels = confident_labels(text)
    assert labels == [Label.BODY, Label.OTHER, Label.TAGS, Label.CAPTION, Label.BODY, Label.BODY]


def test_read_the_full_article_elsewhere_is_a_promo_not_a_read_also_link():
    blocks = segment_text("Paragraf terakhir berita ini.\nBaca artikel selengkapnya di Contoh.example")
    labels = label_blocks(blocks, [0.9, 0.1], LEX)
    assert labels[1] is Label.AD


def test_bracketed_comment_counts_open_a_thread():
    assert section_header("[ 167 comments ]", LEX) is Label.COMMENTS
    assert section_header("comments (12)", LEX) is Label.COMMENTS
    assert section_header("comments (0)", LEX) is None
    text = "The article paragraph.\n[ 167 comments ]\nFirst comment here.\nSecond comment.\nThird comment."
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.3, 0.9, 0.9, 0.9], LEX)
    assert labels == [Label.BODY] + [Label.COMMENTS] * 4


def test_latest_and_most_read_headers_open_a_related_section():
    for header in ("Latest Headlines", "Trending News", "Most read in world news", "Terpopuler di Nasional"):
        assert section_header(normalise_marker(header), LEX) is Label.RELATED, header
    assert (
        section_header(normalise_marker("Latest figures show a rise in prices across the region"), LEX)
        is None
    )


def test_newsletter_pitch_is_never_body(article, confident_labels):
    text = (
        article
        + "Subscribe for our daily newsletter\nStay up to date with Acme. Subscribe to our newsletter."
    )
    labels = confident_labels(text)
    assert labels == [Label.BODY, Label.BODY, Label.AD, Label.AD]


@pytest.mark.parametrize("header", ["Sponsored Content", "Sponsored Links", "Berita Populer"])
def test_box_headers_of_paid_links_and_popular_stories_head_a_sidebar(header):
    assert section_header(normalise_marker(header), LEX) is Label.SIDEBAR


def test_inline_pitch_of_a_newsletter_post_is_an_ad(article, confident_labels):
    text = (
        article + "Thanks for reading The Desk! Subscribe for free to receive new posts and support my work."
    )
    assert confident_labels(text)[-1] is Label.AD


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


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for signing up! Check your email to confirm.",  # a newsletter form's messages
        "Something went wrong while processing your subscription.",
        "By signing up, you agree to our terms and to receive our emails.",  # a form's consent note
        "Dengan berlangganan, Anda menyetujui syarat dan ketentuan kami.",
        "We have sent you a link: click it to activate your subscription.",
        "Klik tautan di email untuk mengaktifkan langganan, lalu konfirmasi langganan Anda.",
        "Already have an account? To read the full story, log in.",  # a paywall
        "You have reached your limit. Subscribe to continue reading.",
        "If you like this piece, please consider supporting us with a small gift.",  # a donation appeal
        "This site runs on reader donations alone.",
        "Terima kasih telah berlangganan buletin harian kami!",
        "Berlangganan untuk membaca artikel ini secara lengkap.",
        "Enjoyed the read? Share it with a friend!",  # share, follow and alert appeals
        "Get news alerts on your phone as stories break.",
        "Follow us on the usual social networks for more.",
        "Artikel ini bermanfaat? Bagikan ke teman Anda.",
    ],
)
def test_newsletter_paywall_and_donation_lines_are_ads(line, article, confident_labels):
    assert (
        confident_labels(article + line + "\n" + article) == [Label.BODY] * 2 + [Label.AD] + [Label.BODY] * 2
    )


@pytest.mark.parametrize(
    "line",
    [
        # Lines are matched by substring: appeal phrases must not catch the same words in news text.
        "Warga memberikan donasi untuk korban banjir di posko kelurahan.",
        "Dewan Pers mendukung jurnalisme yang berimbang menjelang pemilu.",
        "Semoga artikel ini bermanfaat bagi para petani di daerah.",
        "Senators consider supporting the bill if the tax is dropped.",
        "Residents who want to make a donation can visit the town hall.",
        "The names of the victims will not be published until their families are told.",
        "Police asked residents to enter your email address on no site claiming to be the council.",
    ],
)
def test_news_lines_that_share_words_with_appeals_stay_body(line, article, confident_labels):
    assert confident_labels(article + line + "\n" + article) == [Label.BODY] * 5


def test_comment_guidelines_note_is_a_comment_form_line(article, confident_labels):
    text = article + "Comments are subject to our house rules, which you can read here.\n"
    assert confident_labels(text)[-1] is Label.COMMENTS


def test_hashtag_lines_and_a_tags_header_after_the_article_are_tags(article, confident_labels):
    text = (
        article
        + "#banjir #pekalongan\n#1 in the charts, the band said on Friday.\nTags\n# banjir rob\nKorupsi\n"
    )
    labels = confident_labels(text)
    assert labels[2:] == [Label.TAGS, Label.BODY, Label.TAGS, Label.TAGS, Label.TAGS]


def test_a_tags_header_above_the_article_opens_nothing(article, confident_labels):
    labels = confident_labels("Topik\nVideo\n" + article)
    assert Label.TAGS not in labels


def test_section_headers_of_a_page_agree_with_section_header():
    from warta.classify.markers import section_headers

    texts = [
        "Related Posts",
        "Berita Terkini Lainnya",
        "Berita Lainnya",
        "More from Politics",
        "[ 167 comments ]",
        "comments (12)",
        "comments (0)",
        "12 komentar",
        "²3 comments",
        # Digit-first lines: a header only by a count and its word, unless another first step finds it
        "12 Berita Lainnya",
        "3 comments [new]",
        "10 things to know",
        "2024",
        "0 komentar",
        "7 responses to “The bridge”",
        "Topik",
        "The council voted on Tuesday to close the old bridge (for repairs).",
        "",
    ]
    norms = [normalise_marker(t) for t in texts]
    assert section_headers(norms, LEX) == {norm: section_header(norm, LEX) for norm in norms}


def test_a_comment_thread_needs_two_attributions_within_forty_blocks(article):
    said = "Gary M on September 17, 2018 at 8:50 pm said:"
    reply = "I agree with the council, the bridge was in a bad state."
    for gap, thread in ((1, True), (38, True), (39, False)):
        filler = [f"Reader comment number {k} on this story." for k in range(gap)]
        blocks = segment_text(article + "\n".join([said, *filler, said, reply]))
        labels = label_blocks(blocks, [0.9, 0.9] + [0.1] * (len(blocks) - 2), LEX)
        assert (labels[2] is Label.COMMENTS) is thread, gap


def test_markers_of_a_page_agree_with_marker_of_each_line():
    """`markers_of` asks `_marker` only of the lines a test other than the menu row's can mark:
    every kind of line gets what `marker_of` gives it alone."""
    from warta.classify.markers import marker_of
    from warta.lexicon import normalise_lines

    texts = [
        "",
        "Beranda Berita Politik Ekonomi",
        "Home News Sport Contact",
        "Home » News » Local",
        "WordPress (53)",
        "#banjir #pekalongan",
        "banjir, rob, pekalongan, jawa tengah",
        "https://example.com/photo.jpg",
        "Baca juga: Judul Lain",
        "ADVERTISEMENT",
        "© 2025 Media. All rights reserved.",
        "Leave a Reply",
        "Privacy Policy Terms of Service About Us",
        "Подписаться на новости раздела",
        "The council voted on Tuesday to close the old bridge for repairs.",
        "Bagikan",
        "How to retire early,Early retirement,Retiring early,Personal Finance",
        "News › Local › Jakarta",
        "Outubro (217)",
        "https://example.com/photo.webp?w=640",
        "Início Notícias Política Economia Esportes",
        "Accueil Actualités Contactez-nous Mentions légales",
        "Política de privacidade Termos de uso Fale conosco",
        "“Privacy Policy” Terms of Service",
        "Der Stadtrat stimmte am Dienstag für die Schließung der Brücke.",
    ]
    norms = normalise_lines(texts)
    assert markers_of(norms, LEX) == [marker_of(norm, LEX) for norm in norms]


_LINE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(" \u00a0\u3000./|:,;!?…()#›>»©🌉İ\u212aſ0123456789"),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(_LINE, max_size=12), picks=st.lists(st.integers(0, 10_000), max_size=12))
def test_generated_markers_of_agree_with_marker_of(lines: list[str], picks: list[int]) -> None:
    """`markers_of` (its page-wide searches, the prefixes found by the trie, the menu rows counted
    in C) gives each line what `marker_of` gives it alone: generated lines, with the lexicon's
    prefixes, whole-line markers and menu words in them."""
    from warta.classify.markers import marker_of
    from warta.lexicon import normalise_lines

    prefixes = [*LEX.promo_prefix, *LEX.read_also_prefix, *LEX.tags_prefix]
    words = sorted(LEX.menu_words())
    for k, pick in enumerate(picks):
        line = lines[k % len(lines)] if lines else ""
        lines.append(f"{prefixes[pick % len(prefixes)]} {line}")
        lines.append(" ".join([words[pick % len(words)], words[(pick * 7) % len(words)], line]))
    norms = normalise_lines(lines)
    assert markers_of(norms, LEX) == [marker_of(norm, LEX) for norm in norms]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # a newsletter sign-up box's field and its note, mid-article (held-out millbrook-local-english)
        ("Enter your email address   Sign up", Label.AD),
        ("We use your sign-up to send you newsletters. Read our privacy notice.", Label.AD),
        # an opinion column's closing author note and disclaimer (held-out opini-kolom-penulis)
        ("*Penulis adalah dosen perencanaan wilayah di sebuah universitas negeri.", Label.AD),
        ("Tulisan ini merupakan pendapat pribadi penulis dan tidak mencerminkan sikap redaksi.", Label.AD),
        # the same disclaimer in other words, and a mid-story newsletter pitch (held-out HTML,
        # second round: opini_table, nextjs_wire)
        ("Artikel ini merupakan opini pribadi penulis dan tidak mencerminkan pandangan redaksi.", Label.AD),
        ("The Africa Briefing brings you the week's top stories from the continent. Sign up here.", Label.AD),
        # a comment form's field label (held-out millbrook-local-english)
        ("Email (will not be published)", Label.COMMENTS),
        # an Indonesian "all rights reserved" footer (held-out semarang-hardwrap-80)
        ("(c) 2025 Kabar Kota -- Semua hak dilindungi", Label.FOOTER),
    ],
)
def test_sign_up_fields_column_notes_form_labels_and_rights_lines_are_no_body(
    line, label, article, confident_labels
):
    assert confident_labels(article + line + "\n" + article) == [Label.BODY] * 2 + [label] + [Label.BODY] * 2


def test_round_two_list_headers_and_widget_lines() -> None:
    from warta.classify.markers import section_header
    from warta.lexicon import load_lexicon, normalise_marker

    lexicon = load_lexicon()
    # "Mais lidas" is the most-read box, as "Most read" and "Lo más leído" are
    assert section_header("mais lidas", lexicon) is Label.SIDEBAR
    assert section_header("tópicos", lexicon) is Label.TAGS
    # a comment thread's sort row and log-in notice, an Indonesian footer menu row
    assert normalise_marker("Sort by: Newest | Oldest | Most liked").startswith(tuple(lexicon.comment_form))
    assert "karier" in lexicon.nav_line and "pedoman pemberitaan" in lexicon.nav_line


def _label_split_by_each_prefix(text: str) -> tuple[str, str]:
    """`read_also_label_split` as a loop over the lexicon's prefixes (its reference)."""
    norm = normalise_marker(text)
    for prefix in LEX.read_also_prefix:
        bare = prefix.rstrip(":")
        if " " in bare and norm.startswith(bare + " "):
            return text[: len(bare)], text[len(bare) :].strip()
    return "", text


def test_read_also_label_split_agrees_with_a_loop_over_the_prefixes():
    assert read_also_label_split("Te puede interesar Sequía en el norte", LEX) == (
        "Te puede interesar",
        "Sequía en el norte",
    )
    assert read_also_label_split("More courses here.", LEX) == ("", "More courses here.")
    lines = [prefix.rstrip(":") + tail for prefix in LEX.read_also_prefix for tail in (" Judul", "", ":")]
    lines += ["LIHAT JUGA  Banjir di Kota", "Baca juga", "Read more about it", "  te puede interesar X"]
    for line in lines:
        assert read_also_label_split(line, LEX) == _label_split_by_each_prefix(line), line


def test_a_broadcast_transcripts_notice_is_never_text():
    text = (
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.\n"
        "ANDERSON: Good evening. Tonight the strike at the port enters its third day, and ships wait offshore."
    )
    blocks = segment_text(text)
    labels = label_blocks(blocks, [0.9, 0.9], LEX)
    assert labels[0] is not Label.BODY and labels[1] is Label.BODY


def test_a_closed_comment_thread_s_notice_is_part_of_the_comment_form() -> None:
    lex = load_lexicon()
    assert lex.contains_any(normalise_marker("Comments are closed for this article."), lex.comment_form)
