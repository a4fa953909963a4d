"""Page metadata from JSON-LD, OpenGraph, <meta>, canonical links, <time> and <html lang>."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from warta.meta.html_meta import (
    _MODIFIED_KEYS,
    _NAMED_KEYS,
    _PUBLISHED_KEYS,
    _SCRIPT_DATE,
    _SCRIPT_DATE_HINTS,
    _guess_date,
    html_metadata,
)

PAGE = """<html lang="id-ID"><head>
<title>Gempa Guncang Cianjur | Portal Berita</title>
<link rel="canonical" href="/read/2024/01/02/gempa">
<meta property="og:title" content="Gempa Guncang Cianjur (OG)">
<meta property="og:site_name" content="Portal Berita">
<meta property="article:published_time" content="2024-01-02T08:00:00+07:00">
<meta name="author" content="Budi Santoso">
<meta name="keywords" content="gempa, cianjur, bmkg">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "Halaman"},
  {"@type": "NewsArticle", "headline": "Gempa M 5,6 Guncang Cianjur &#8211; Warga Panik",
   "datePublished": "2024-01-02T08:00:00+07:00", "dateModified": "2024-01-02T09:30:00+07:00",
   "author": [{"@type": "Person", "name": "Budi Santoso"}, {"name": "Sari Dewi"}],
   "publisher": {"@type": "Organization", "name": "Portal Berita"},
   "articleBody": "Gempa bumi mengguncang Cianjur pagi ini...",
   "image": {"@type": "ImageObject", "url": "https://portal.example/img.jpg"}}
]}
</script>
<script type="application/ld+json">{ this is broken json </script>
</head><body><time datetime="2024-01-02T08:05:00+07:00">2 Januari 2024</time><p>Isi.</p></body></html>"""


def test_jsonld_article_wins_for_headline_and_fills_evidence() -> None:
    meta = html_metadata(LexborHTMLParser(PAGE), "https://portal.example/news/x")
    assert meta.headline == "Gempa M 5,6 Guncang Cianjur – Warga Panik"  # entity unescaped
    assert meta.title == "Gempa Guncang Cianjur | Portal Berita"
    assert meta.site_name == "Portal Berita"
    assert meta.article_type == "newsarticle"
    assert ("2024-01-02T08:00:00+07:00", "json-ld") in meta.published
    assert ("2024-01-02T08:00:00+07:00", "meta:article:published_time") in meta.published
    assert ("2024-01-02T08:05:00+07:00", "time") in meta.published
    assert meta.modified == [("2024-01-02T09:30:00+07:00", "json-ld")]
    assert [name for name, _ in meta.authors] == ["Budi Santoso", "Sari Dewi", "Budi Santoso"]
    assert meta.article_body and meta.article_body.startswith("Gempa bumi")
    assert meta.tags == ["gempa", "cianjur", "bmkg"]
    assert meta.images[0]["url"] == "https://portal.example/img.jpg"


def test_canonical_made_absolute_and_language_from_html() -> None:
    meta = html_metadata(LexborHTMLParser(PAGE), "https://portal.example/news/x")
    assert meta.canonical_url == "https://portal.example/read/2024/01/02/gempa"
    assert meta.language == "id-ID"


def test_opengraph_headline_without_jsonld() -> None:
    html = '<html><head><meta property="og:title" content="Judul OG"><title>T</title></head></html>'
    meta = html_metadata(LexborHTMLParser(html))
    assert meta.headline == "Judul OG" and meta.title == "T"


def test_garbage_never_raises() -> None:
    for html in ("", "<script type='application/ld+json'>[[[[[[</script>", "<meta content>", "<<<>>>"):
        html_metadata(LexborHTMLParser(html))


def _meta(html: str):  # type: ignore[no-untyped-def]
    return html_metadata(LexborHTMLParser(html))


def test_site_specific_meta_keys_are_kept_apart() -> None:
    meta = _meta(
        '<html><head><meta name="cludo:date" content="2023-06-08T23:03:43Z">'
        '<meta name="last-updated" content="2024-01-02">'
        '<meta name="validDate" content="2030-01-01"></head></html>'
    )
    assert meta.published == [("2023-06-08T23:03:43Z", "meta-other:cludo:date")]
    assert meta.modified == [("2024-01-02", "meta-other:last-updated")]


def test_time_text_microdata_and_updated_class() -> None:
    meta = _meta(
        "<html><body><h1>T</h1><time>Dec 19, 2025</time>"
        '<time class="updated" datetime="2025-12-20">x</time>'
        '<span itemprop="datePublished" content="2025-12-18">18 Dec</span></body></html>'
    )
    assert ("2025-12-18", "itemprop:datePublished") in meta.published
    assert ("Dec 19, 2025", "time-text") in meta.published
    assert meta.modified == [("2025-12-20", "time")]


def test_state_json_date_only_when_nothing_else() -> None:
    page = '<html><body><script>window.__S={"slug":"a","publishedAt":"2025-10-20T13:08:55-07:00"}</script></body></html>'
    assert _meta(page).published == [("2025-10-20T13:08:55-07:00", "script:publishedAt")]
    with_meta = page.replace(
        "<body>", '<head><meta property="article:published_time" content="2025-10-21"></head><body>'
    )
    assert _meta(with_meta).published == [("2025-10-21", "meta:article:published_time")]


def test_a_page_without_text_blocks_keeps_its_metadata() -> None:
    import warta

    article = warta.extract(
        '<html><head><meta property="article:published_time" content="2025-05-27T06:03:43Z">'
        '<meta name="author" content="Austin Chia"></head><body><script>x()</script></body></html>',
        kind="html",
    )
    assert article.published is not None and article.published.iso().startswith("2025-05-27")
    assert [p.name for p in article.authors] == ["Austin Chia"]
    assert "no text blocks found in the page" in article.warnings


def test_every_title_and_site_name_is_kept_as_evidence() -> None:
    meta = html_metadata(LexborHTMLParser(PAGE), "https://portal.example/news/x")
    assert meta.titles == [
        ("Gempa M 5,6 Guncang Cianjur – Warga Panik", "json-ld"),
        ("Gempa Guncang Cianjur (OG)", "meta:og:title"),
        ("Gempa Guncang Cianjur | Portal Berita", "title"),
    ]
    assert meta.site_names == ["Portal Berita"]


def test_webpage_name_is_no_title_and_double_escaped_entities_are_undone() -> None:
    meta = _meta(
        '<html><head><script type="application/ld+json">{"@type": "WebPage", "name": "Home Page"}</script>'
        '<meta property="og:title" content="Long-Distance &amp;#038; Cross-Country Movers"></head></html>'
    )
    assert meta.titles == [("Long-Distance & Cross-Country Movers", "meta:og:title")]


def test_named_meta_keys_name_no_date_by_their_wording() -> None:
    # `_read_meta_tags` reads every other key by `_guessed_date` alone: right only while none
    # of its named keys (but the date keys, read before) would be guessed a date.
    for key in _NAMED_KEYS - _PUBLISHED_KEYS - _MODIFIED_KEYS:
        assert _guess_date(key) is None, key


def test_meta_keys_read_by_name_and_by_wording() -> None:
    page = (
        "<html><head><meta name='description' content='Satu'><meta property='og:description' content='Dua'>"
        "<meta name='viewport' content='width=device-width'><meta name='w-published-date' content='2026-01-02'>"
        "<meta name='last-updated' content='2026-01-03'><meta name='author' content='https://x.example/a'>"
        "<meta name='Keywords' content=' a, b ,, a '><meta property='og:url' content='/kanonik'>"
        "<meta property='og:url' content='/lain'><meta name='date' content='2026-01-01'>"
        "<meta name='expires' content='2026-02-02'><meta name='pubdate' content=''>"
        "<meta http-equiv='Content-Language' content='ms'><meta http-equiv='content-language' content='en'>"
        "</head></html>"
    )
    meta = html_metadata(LexborHTMLParser(page), "https://situs.example/x")
    assert meta.description == "Satu"
    assert meta.published == [("2026-01-02", "meta-other:w-published-date"), ("2026-01-01", "meta:date")]
    assert meta.modified == [("2026-01-03", "meta-other:last-updated")]
    assert meta.authors == []
    assert meta.tags == ["a", "b"]
    assert meta.canonical_url == "https://situs.example/kanonik"
    assert meta.language == "ms"


def test_every_script_date_key_holds_a_hint() -> None:
    # Scripts without any of `_SCRIPT_DATE_HINTS` are not searched for `_SCRIPT_DATE`.
    keys = _SCRIPT_DATE.pattern.split("(", 1)[1].split(")", 1)[0].split("|")
    assert len(keys) == 7
    for key in keys:
        assert any(hint in f'"{key}"' for hint in _SCRIPT_DATE_HINTS), key


def _jsonld_page(data: str) -> str:
    return (
        f"<html><head><script type='application/ld+json'>{data}</script></head><body><p>x</p></body></html>"
    )


def test_the_asker_of_a_forum_question_is_its_author() -> None:
    html = _jsonld_page(
        '{"@context": "https://schema.org", "@type": "QAPage", "name": "Bridge routes",'
        ' "mainEntity": {"@type": "Question", "name": "Which bridge route is faster?",'
        ' "datePublished": "2024-01-03T10:00:00Z",'
        ' "author": {"@type": "Person", "name": "river_fan42", "url": "https://forum.example/u/river_fan42"}}}'
    )
    meta = html_metadata(LexborHTMLParser(html))
    assert meta.authors == [("river_fan42", "json-ld")]
    assert meta.published == []  # only the asker is read from the question


def test_a_forum_posting_names_its_author() -> None:
    html = _jsonld_page(
        '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Bridge routes",'
        ' "author": {"@type": "Person", "name": "budi.sk8"}}'
    )
    assert html_metadata(LexborHTMLParser(html)).authors == [("budi.sk8", "json-ld")]


def test_faq_questions_do_not_crowd_out_the_article() -> None:
    questions = ", ".join(
        f'{{"@type": "Question", "name": "Question {i}?", "acceptedAnswer": {{"@type": "Answer", "text": "A."}}}}'
        for i in range(6)
    )
    faq = f'{{"@type": "FAQPage", "mainEntity": [{questions}]}}'
    article = '{"@type": "Article", "headline": "Bridge routes", "author": {"@type": "Person", "name": "Maya Lindqvist"}}'
    html = (
        f"<html><head><script type='application/ld+json'>{faq}</script>"
        f"<script type='application/ld+json'>{article}</script></head><body><p>x</p></body></html>"
    )
    assert html_metadata(LexborHTMLParser(html)).authors == [("Maya Lindqvist", "json-ld")]


def test_jsonld_in_a_meta_tag_gives_its_article_dates() -> None:
    """Next.js can write its JSON-LD as <meta name="script:ld+json" content="{...}">: the article's
    dates are read from it (entity-escaped in the attribute, as such pages write it)."""
    ld = (
        "{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Heat pumps&quot;,"
        "&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;,"
        "&quot;dateModified&quot;:&quot;2025-11-18T10:00:00-05:00&quot;}"
    )
    page = f'<html><head><meta name="script:ld+json" content="{ld}"></head><body><p>Text.</p></body></html>'
    meta = _meta(page)
    assert meta.published == [("2025-11-17T09:00:00-05:00", "json-ld:meta")]
    assert meta.modified == [("2025-11-18T10:00:00-05:00", "json-ld:meta")]
    broken = page.replace("{&quot;@type", "{&quot;@type&quot;:")
    assert _meta(broken).published == []


def test_jsonld_in_a_meta_tag_dates_the_extracted_article() -> None:
    """The same through `warta.extract`, whose page walk (compiled where built) reads the <meta>s."""
    import warta

    ld = "{&quot;@type&quot;:&quot;BlogPosting&quot;,&quot;datePublished&quot;:&quot;2025-11-17&quot;}"
    page = (
        f'<html lang="en"><head><title>Heat pumps</title><meta name="script:ld+json" content="{ld}"></head>'
        "<body><h1>Heat pumps</h1><p>A heat pump moves heat from the air outside into the house, even"
        " when it is cold, and it uses far less power than a furnace does for the same warmth.</p></body></html>"
    )
    published = warta.extract(page, kind="html").published
    assert published is not None and published.iso() == "2025-11-17"


def test_jsonld_authors_job_title_and_affiliation_are_read() -> None:
    html = _jsonld_page(
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Banjir",'
        ' "author": [{"@type": "Person", "name": "Meg Jones", "jobTitle": "Staff Writer",'
        ' "worksFor": {"@type": "NewsMediaOrganization", "name": "The Daily Ledger"}},'
        ' {"@type": "Person", "name": "Budi Santoso", "affiliation": "Kompas.com"},'
        ' {"@type": "Person", "name": "Ann Lee"}, "Bo Kim"]}'
    )
    meta = html_metadata(LexborHTMLParser(html))
    assert [name for name, _ in meta.authors] == ["Meg Jones", "Budi Santoso", "Ann Lee", "Bo Kim"]
    assert meta.author_details == [
        ("Meg Jones", "Staff Writer", "The Daily Ledger"),
        ("Budi Santoso", None, "Kompas.com"),
    ]


def test_jsonld_job_title_reaches_the_article() -> None:
    import warta

    html = (
        "<html><head><script type='application/ld+json'>"
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flood waters rise",'
        ' "author": {"@type": "Person", "name": "Meg Jones", "jobTitle": ["Staff Writer"],'
        ' "affiliation": [{"@type": "Organization", "name": "The Daily Ledger"}]}}'
        "</script></head><body><h1>Flood waters rise</h1>"
        + "<p>The river rose through the night and the council opened two shelters for residents.</p>" * 4
        + "</body></html>"
    )
    article = warta.extract(html, kind="html")
    assert [(p.name, p.job_title, p.affiliation) for p in article.authors] == [
        ("Meg Jones", "Staff Writer", "The Daily Ledger")
    ]


def _discussion_type(html: str) -> str | None:
    return html_metadata(LexborHTMLParser(html)).discussion_type


def test_a_forum_posting_or_qa_page_in_jsonld_declares_a_discussion() -> None:
    posting = (
        '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Bridge routes"}'
    )
    assert _discussion_type(_jsonld_page(posting)) == "discussionforumposting"
    qa = '{"@type": "WebPage", "@graph": [{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Q?"}}]}'
    assert _discussion_type(_jsonld_page(qa)) == "qapage"
    # A thread that calls itself an article as well is still a discussion.
    both = '[{"@type": "Article", "headline": "Bridge routes"}, {"@type": ["DiscussionForumPosting"]}]'
    meta = html_metadata(LexborHTMLParser(_jsonld_page(both)))
    assert (meta.discussion_type, meta.article_type) == ("discussionforumposting", "article")


def test_a_top_level_microdata_item_declares_a_discussion() -> None:
    qa = "<html itemscope itemtype='https://schema.org/QAPage'><body><p>x</p></body></html>"
    assert _discussion_type(qa) == "qapage"
    thread = (
        "<body><div itemscope itemtype='http://schema.org/WebPage'></div>"
        "<div itemscope itemtype='https://example.org/Thing http://schema.org/DiscussionForumPosting'>"
        "<p>x</p></div></body>"
    )
    assert _discussion_type(thread) == "discussionforumposting"


def test_comments_questions_and_nested_posts_declare_no_discussion() -> None:
    # An article's comments (Comment items, and a forum posting that is the article's `comment`),
    # an FAQ's questions, a posting in JSON-LD nested as a comment, an itemtype without itemscope.
    article = (
        "<article itemscope itemtype='https://schema.org/NewsArticle'><p>x</p>"
        "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'><p>c</p></div>"
        "<div itemprop='comment' itemscope itemtype='https://schema.org/DiscussionForumPosting'><p>d</p>"
        "</div></article><div itemtype='https://schema.org/QAPage'></div>"
    )
    assert _discussion_type(article) is None
    faq = '{"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Q?"}]}'
    assert _discussion_type(_jsonld_page(faq)) is None
    nested = '{"@type": "NewsArticle", "headline": "H", "comment": [{"@type": "DiscussionForumPosting"}]}'
    assert _discussion_type(_jsonld_page(nested)) is None


def test_link_preview_labels_pair_with_their_data_by_number() -> None:
    meta = _meta(
        '<html><head><meta name="twitter:title" content="A title">'
        '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">'
        '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tess Ray">'
        '<meta name="twitter:label3" content="Empty"><meta name="twitter:card" content="summary"></head></html>'
    )
    assert sorted(meta.labelled_data) == [("Est. reading time", "4 minutes"), ("Written by", "Tess Ray")]
    assert ("A title", "meta:twitter:title") in meta.titles
