"""Bylines: prefixed credits, agencies, teams, junk, and markup authors."""

from __future__ import annotations

from warta.lexicon import Lexicon, load_lexicon
from warta.meta.byline import as_printed, find_bylines, is_credited_name, is_outlet_byline, is_plausible_name
from warta.meta.page import PageMetadata
from warta.model import Block, Label, Person

LEX = load_lexicon()
BODY = "Paragraf isi berita yang cukup panjang untuk dianggap sebagai isi artikel oleh pengklasifikasi."


def _find(*lines: tuple[str, Label], metadata: PageMetadata | None = None, lex: Lexicon = LEX):  # type: ignore[no-untyped-def]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    return find_bylines(blocks, [label for _, label in lines], lex, metadata)


def test_indonesian_credit_lines() -> None:
    found = _find(
        ("Judul", Label.TITLE),
        ("Penulis: Budi Santoso | Editor: Rina Wijaya", Label.OTHER),
        (BODY, Label.BODY),
        ("Pewarta: Fahmi Ramadhan", Label.OTHER),
    )
    assert [p.name for p in found.authors] == ["Budi Santoso", "Fahmi Ramadhan"]
    assert [p.name for p in found.editors] == ["Rina Wijaya"]


def test_reuters_style_credits() -> None:
    found = _find(
        ("Title", Label.TITLE),
        (BODY, Label.BODY),
        ("Reporting by Jane Doe and John Roe; Editing by Mark Potter", Label.OTHER),
    )
    assert [p.name for p in found.authors] == ["Jane Doe", "John Roe"]
    assert [p.name for p in found.editors] == ["Mark Potter"]


def test_by_and_oleh() -> None:
    assert [
        p.name
        for p in _find(("T", Label.TITLE), ("By Ann Lee and Bo Kim", Label.OTHER), (BODY, Label.BODY)).authors
    ] == [
        "Ann Lee",
        "Bo Kim",
    ]
    assert [
        p.name
        for p in _find(("T", Label.TITLE), ("Oleh: Siti Aminah", Label.OTHER), (BODY, Label.BODY)).authors
    ] == ["Siti Aminah"]


def test_team_bylines_are_organisations() -> None:
    found = _find(("Judul", Label.TITLE), ("Penulis: Tim detikJabar", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Tim detikJabar", role="team", is_organisation=True)]


def test_timothy_is_not_a_team() -> None:
    found = _find(("T", Label.TITLE), ("By Timothy Smith", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Timothy Smith")]


def test_junk_is_rejected() -> None:
    for junk in ("Email The Author", "Hours Ago", "3 jam lalu", "Kirim Email"):
        assert not is_plausible_name(junk, LEX), junk
    found = _find(("T", Label.TITLE), ("By Email The Author", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == []


def test_markup_authors_first_and_credentials_kept() -> None:
    meta = PageMetadata(
        authors=[("Dylan Bailey, MS, RD", "json-ld"), ("https://facebook.com/x", "meta:author")]
    )
    found = _find(("T", Label.TITLE), ("Share This Story", Label.OTHER), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in found.authors] == ["Dylan Bailey, MS, RD"]


def _find_html(*lines: tuple[str, Label, tuple[str, ...], str | None], metadata: PageMetadata | None = None):  # type: ignore[no-untyped-def]
    from warta.model import BlockStructure

    blocks = [
        Block(i, text, BlockStructure(class_tokens=tokens, href=href))
        for i, (text, _, tokens, href) in enumerate(lines)
    ]
    return find_bylines(blocks, [line[1] for line in lines], LEX, metadata)


BODY_EN = "A paragraph of the article, long enough for the classifier to call it body text."


def test_name_in_an_author_marked_block() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("Sara Brown", Label.OTHER, ("post", "author", "name"), None),
        (BODY_EN, Label.BODY, (), None),
    )
    assert [p.name for p in found.authors] == ["Sara Brown"]


def test_name_linked_to_a_profile_page() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("Oleg Parashchak", Label.SIDEBAR, ("wrap",), "https://beinsure.com/authors/oleg-parashchak/"),
        (BODY_EN, Label.BODY, (), None),
    )
    assert [p.name for p in found.authors] == ["Oleg Parashchak"]


def test_commenters_and_category_links_are_not_authors() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        (BODY_EN, Label.BODY, (), None),
        ("Photo Log", Label.OTHER, ("post", "author", "scott"), "https://x.example/blog/category/Photo+Log"),
        ("A Thornton", Label.COMMENTS, ("comment",), "https://substack.com/profile/1-a-thornton"),
    )
    assert found.authors == []


def test_credit_line_with_a_date_before_the_name() -> None:
    found = _find(
        ("Title", Label.TITLE), ("September 1st, 2023 By Emily Norwood", Label.OTHER), (BODY, Label.BODY)
    )
    assert [p.name for p in found.authors] == ["Emily Norwood"]


def test_a_label_alone_is_not_a_name() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("Author", Label.OTHER, ("author", "label"), None),
        (BODY_EN, Label.BODY, (), None),
    )
    assert found.authors == []


def test_markup_author_from_the_most_trusted_source_only() -> None:
    meta = PageMetadata(authors=[("Richard Garner", "json-ld"), ("RenoFi", "meta:author")])
    assert [p.name for p in _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta).authors] == [
        "Richard Garner"
    ]


def test_site_named_as_author_yields_to_a_marked_name() -> None:
    meta = PageMetadata(authors=[("GlossGenius", "json-ld")], site_name="GlossGenius")
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("Shauna Mitchell", Label.OTHER, ("text", "author"), None),
        (BODY_EN, Label.BODY, (), None),
        metadata=meta,
    )
    assert [p.name for p in found.authors] == ["Shauna Mitchell"]
    alone = _find_html(("A Title", Label.TITLE, (), None), (BODY_EN, Label.BODY, (), None), metadata=meta)
    assert [p.name for p in alone.authors] == ["GlossGenius"]


def test_login_name_in_markup_loses_to_a_visible_credit() -> None:
    meta = PageMetadata(authors=[("kffnirmitap", "meta:author")])
    found = _find(
        ("T", Label.TITLE), ("Author: Nirmita Panchal", Label.OTHER), (BODY, Label.BODY), metadata=meta
    )
    assert [p.name for p in found.authors] == ["Nirmita Panchal"]


def test_name_under_the_headline_with_the_outlet_not_the_outlet_alone() -> None:
    found = _find(
        ("Warta Harian Nusantara", Label.OTHER),  # the site's banner: a capitalised phrase too
        ("Kabar Ekonomi", Label.NAV),
        ("Dewi Kartika, CNN Indonesia", Label.OTHER),
        ("Harga Cabai Turun Jelang Panen Raya", Label.TITLE),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Dewi Kartika"]


def test_an_outlet_name_alone_is_no_author() -> None:
    found = _find(("CNN Indonesia", Label.OTHER), ("Harga Cabai Turun", Label.TITLE), (BODY, Label.BODY))
    assert found.authors == []


def test_outlet_byline_shape() -> None:
    assert is_outlet_byline("Rahmat Fajar Hidayat - detikNews", LEX)
    assert is_outlet_byline("Arief Setiawan, Jurnalis", LEX)
    assert not is_outlet_byline("Polisi Tangkap Pencuri Kabel", LEX)  # a title-case headline
    assert not is_outlet_byline("Budi Santoso", LEX)  # a bare name: no outlet, no role


def test_credit_label_and_name_on_separate_lines() -> None:
    found = _find(
        ("Judul Berita", Label.TITLE),
        ("Penulis", Label.OTHER),
        ("Budi Santoso", Label.OTHER),
        ("Editor:", Label.OTHER),
        ("Rina Wijaya", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Budi Santoso"]
    assert [p.name for p in found.editors] == ["Rina Wijaya"]
    assert {2, 4} <= set(found.blocks)


def test_a_label_followed_by_a_sentence_names_nobody() -> None:
    found = _find(
        ("Judul", Label.TITLE), ("Editor", Label.OTHER), (BODY, Label.BODY), (BODY + " Lagi.", Label.BODY)
    )
    assert found.editors == []


def test_parenthesised_full_name_after_the_story_is_the_editor() -> None:
    found = _find(
        ("Judul", Label.TITLE),
        (BODY, Label.BODY),
        ("(Rina Wijaya)", Label.OTHER),
        ("(Antara)", Label.OTHER),  # an agency credit, not an editor
    )
    assert [p.name for p in found.editors] == ["Rina Wijaya"]
    assert found.authors == []


def test_a_bare_capitalised_line_above_the_headline_is_no_author() -> None:
    found = _find(("Kabar Kota", Label.OTHER), ("Bus Tambahan Disiapkan", Label.TITLE), (BODY, Label.BODY))
    assert found.authors == []
    found = _find(("Bus Tambahan Disiapkan", Label.TITLE), ("Dewi Kartika", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in found.authors] == ["Dewi Kartika"]


def test_abbreviated_credit_labels_need_their_colon() -> None:
    found = _find(
        ("Rep: Nur Aini Lestari/ Red: Hasanul Rizqa", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Nur Aini Lestari"]
    assert [p.name for p in found.editors] == ["Hasanul Rizqa"]
    # Without the colon the words are no labels.
    found = _find(("Red Bull Racing", Label.OTHER), (BODY, Label.BODY))
    assert not found.editors


def test_all_capitals_wire_byline_comes_out_in_normal_case() -> None:
    found = _find(("By MARÍA O'NEILL-GRANT and JOHN K. SMITH", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in found.authors] == ["María O'Neill-Grant", "John K. Smith"]


def test_one_name_a_line_after_a_label_joined_by_commas() -> None:
    found = _find(
        ("Oleh :", Label.OTHER),
        ("Rizky Ramadhan,", Label.OTHER),
        ("Fikri Halim (Banten)", Label.OTHER),
        ("Editor :", Label.OTHER),
        ("Anisa Maharani", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Rizky Ramadhan", "Fikri Halim"]
    assert [p.name for p in found.editors] == ["Anisa Maharani"]


def test_credits_run_together_by_inline_spans() -> None:
    found = _find(
        ("Judul", Label.TITLE),
        ("Reporter: Yoga Pratama Editor: Lusiana Dewi Senin, 15 April 2024 | 16:20 WIB", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Yoga Pratama"]
    assert [p.name for p in found.editors] == ["Lusiana Dewi"]


def test_edited_by_with_a_colon_stays_one_credit() -> None:
    found = _find(("Judul", Label.TITLE), ("Edited by: Keri Stone", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in found.editors] == ["Keri Stone"]
    assert found.authors == []


def test_credit_word_lines_match_the_per_line_pretest() -> None:
    from warta.lexicon import normalise_lines
    from warta.meta.byline import _credit_word_lines

    lines = [
        "Penulis: Rina Wijaya",
        "Harga cabai naik lagi",
        "",
        "baby shower",
        "Editor: Budi",
        "foto antara",
    ]
    norms = normalise_lines(lines)
    expected = {k for k, norm in enumerate(norms) if LEX.contains_substring(norm, LEX.credit_starts)}
    assert _credit_word_lines(norms, LEX) == expected
    assert {0, 3, 4, 5} <= expected  # "by" inside "baby" passes the pre-test too


def test_bylines_read_the_callers_norms() -> None:
    from warta.lexicon import normalise_lines

    lines = [
        ("Judul Berita Hari Ini", Label.TITLE),
        ("Penulis: Rina Wijaya", Label.OTHER),
        (BODY, Label.BODY),
    ]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    labels = [label for _, label in lines]
    norms = normalise_lines([b.text for b in blocks])
    assert find_bylines(blocks, labels, LEX, None, norms) == find_bylines(blocks, labels, LEX)


def test_clause_hint_finds_every_line_the_clause_split_cuts() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.meta.byline import _CLAUSE, _CLAUSE_HINT

    pieces = [*"ab:;|·•/-–—\u00a0\t\n ", "on", "at", "in", "pada", "By"]

    @settings(max_examples=500, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), max_size=20).map("".join))
    def check(text: str) -> None:
        if _CLAUSE_HINT.search(text) is None:
            assert _CLAUSE.split(text) == [text]

    check()
    for text in (
        "By A; Editor B",
        "By A  Editor B",
        "By A - B",
        "By A on Monday",
        "Foto/Reporter: A",
        "By A/Foto: B",
    ):
        assert _CLAUSE_HINT.search(text) is not None


def test_class_led_patterns_match_their_plain_forms() -> None:
    """`_CLAUSE`, `_NEXT_LABEL`, `_AUTHOR_HREF` and `_TAXONOMY_HREF` open with a character class
    (for the regex engine's skip); they find the same spans as their plain alternations."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.lexicon import html_lexicon
    from warta.meta.byline import _AUTHOR_HREF, _CLAUSE, _NEXT_LABEL, _TAXONOMY_HREF

    paths = "|".join(map(re.escape, html_lexicon()["classes"]["author_paths"]))
    plain = {
        _CLAUSE: re.compile(
            r"\s*[;|·•]\s*|\s{2,}|\s+[-–—]\s+|\s+(?:on|at|in|pada)\s+|\s*/\s*(?=[^\W\d]{2,12}\s?:)"
        ),
        _NEXT_LABEL: re.compile(r"\s+(?=[^\W\d]{2,12}:\s)"),
        _AUTHOR_HREF: re.compile(rf"/(?:{paths})/|[?&]author=", re.I),
        _TAXONOMY_HREF: re.compile(
            r"/(?:category|categories|tag|tags|topics?|section)/|[?&](?:cat|tag)=", re.I
        ),
    }

    def same(text: str) -> None:
        for led, reference in plain.items():
            assert [m.span() for m in led.finditer(text)] == [m.span() for m in reference.finditer(text)]
            assert led.split(text) == reference.split(text)

    pieces = [
        *"ab:;|·•/-–—?&=\u00a0\t\n \u212aİſé",
        "on",
        "at",
        "in",
        "pada",
        "Rep",
        "Red",
        "author",
        "Tag",
        "cat",
    ]
    pieces += ["topics", "/author/", "🌉", "\u3000"]

    @settings(max_examples=1000, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), max_size=20).map("".join))
    def check(text: str) -> None:
        same(text)

    check()
    for text in (
        "",
        " ",
        "Rep: A/ Red: B",
        "By A | Apr 21  2025 - x on y",
        "/AUTHOR/x?Author=1&TAG=2",
        "/tags/",
    ):
        same(text)


def test_prefix_pattern_finds_the_first_prefix_in_order() -> None:
    """`_prefix_pattern` picks what trying each prefix in turn picks: the first of them that the
    norm opens with followed by a space or a colon, or that is the whole norm."""
    from warta.meta.byline import _prefix_pattern

    for prefixes, _role in LEX.credit_prefixes:
        ordered = (*prefixes, "by", "by the", "a.b", "(x)")
        for p in ordered:
            for norm in (p, p + " budi", p + ":", p + "x", p[:-1], p + "  ", "x" + p, p + ":budi", p + "\n"):
                want = next((q for q in ordered if norm.startswith((q + " ", q + ":")) or norm == q), None)
                hit = _prefix_pattern(ordered).match(norm)
                assert (hit and norm[: hit.end()]) == want, norm


def test_names_split_at_the_lexicons_joining_words() -> None:
    """The words that join names are lexicon data (`name_joiners`, `cased_joiners`,
    `credit_line_joiners`): a lexicon without them splits no names at them, one with them does."""
    from dataclasses import replace

    from warta.meta.byline import metadata_people

    def authors(line: str, lexicon: Lexicon) -> list[str]:
        blocks = [Block(0, "Judul"), Block(1, line), Block(2, BODY)]
        found = find_bylines(blocks, [Label.TITLE, Label.OTHER, Label.BODY], lexicon, None)
        return [p.name for p in found.authors]

    none = replace(LEX, name_joiners=(), cased_joiners=(), credit_line_joiners=())
    for joiner in ("dan", "DAN", "serta", "and", "AND"):
        line = f"Oleh: Budi Santoso {joiner} Ani Wijaya"
        assert authors(line, LEX) == ["Budi Santoso", "Ani Wijaya"], line
        assert "Ani Wijaya" not in authors(line, none), line
    # "Dan" is a given name: a cased joiner splits only all lower or all upper case
    assert authors("Oleh: Budi Santoso Dan Ani Wijaya", LEX) == ["Budi Santoso Dan Ani Wijaya"]
    # a language's joining word splits names once its lexicon holds it
    german = replace(LEX, name_joiners=(*LEX.name_joiners, "und"))
    assert authors("By Ann Lee und Bo Kim", german) == ["Ann Lee", "Bo Kim"]
    assert authors("By Ann Lee und Bo Kim", LEX) == []
    assert authors("By Ann Lee und Bo Kim", load_lexicon(("en",))) == []
    assert authors("By Ann Lee dan Bo Kim", load_lexicon(("en",))) == []
    # a credit line's joiner leaves a markup value whole; a name joiner splits it
    markup = PageMetadata(authors=[("Budi Santoso serta Ani Wijaya", "json-ld")])
    assert [p.name for p in metadata_people(markup, LEX)] == ["Budi Santoso serta Ani Wijaya"]
    markup = PageMetadata(authors=[("Budi Santoso dan Ani Wijaya", "json-ld")])
    assert [p.name for p in metadata_people(markup, LEX)] == ["Budi Santoso", "Ani Wijaya"]
    assert [p.name for p in metadata_people(markup, none)] == ["Budi Santoso dan Ani Wijaya"]


def test_the_asker_fallback_reads_the_callers_norms() -> None:
    """With no credit line, the Q&A asker's login is found under "asked ..." by the norms the
    caller has (no second `normalise_marker` of the blocks), as without them."""
    from warta.lexicon import normalise_lines
    from warta.model import BlockStructure

    blocks = [
        Block(0, "Which bridge route is faster in winter?"),
        Block(1, BODY_EN),
        Block(2, "asked Jan 3, 2024 at 09:00"),
        Block(3, "river_fan42", BlockStructure(href="/users/4218/river_fan42")),
    ]
    labels = [Label.TITLE, Label.BODY, Label.OTHER, Label.OTHER]
    norms = normalise_lines([b.text for b in blocks])
    found = find_bylines(blocks, labels, LEX, None, norms)
    assert [p.name for p in found.authors] == ["river_fan42"]
    assert found == find_bylines(blocks, labels, LEX)
    unread = [*norms[:2], "", *norms[3:]]  # the caller's norms decide: no "asked" line in them
    assert find_bylines(blocks, labels, LEX, None, unread).authors == []


def test_credit_clauses_end_at_any_bullet_dot() -> None:
    # Templates print a byline's parts apart with many kinds of dot, not only "·" and "•".
    for dot in "●∙⋅・":
        for line, name in (
            (f"by Meaghan Fern {dot} December 23, 2025 {dot} 6 min read", "Meaghan Fern"),
            (f"By Ben Okafor-Lind {dot} Review Editor", "Ben Okafor-Lind"),
        ):
            found = _find(("Title", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
            assert [p.name for p in found.authors] == [name], line


def test_credit_under_the_headline_beats_a_meta_author_tag_naming_someone_else() -> None:
    # The meta author tag names the account that posted the page; the printed credit the writer.
    lines = (("Title", Label.TITLE), ("By Lotte Brandvik, MS, RD", Label.OTHER), (BODY, Label.BODY))
    tagged = PageMetadata(authors=[("Stef Kamara", "meta:author")])
    assert [p.name for p in _find(*lines, metadata=tagged).authors] == ["Lotte Brandvik, MS, RD"]
    # JSON-LD is written for machines: it keeps its word
    structured = PageMetadata(authors=[("Stef Kamara", "json-ld")])
    assert [p.name for p in _find(*lines, metadata=structured).authors] == ["Stef Kamara"]
    # the same person written another way, or the tag's name credited too: the tag stays
    for name in ("Lotte B. Brandvik", "Stef Kamara"):
        found = _find(
            *lines, ("By " + name, Label.OTHER), metadata=PageMetadata(authors=[(name, "meta:author")])
        )
        assert [p.name for p in found.authors] == [name]


def test_degrees_after_a_name_stay_with_it() -> None:
    # "MS", "RDN", "Ph.D." after a comma are no second person; the name keeps them, as markup does.
    for line, names in (
        ("By Lotte Brandvik, MS, RDN, LD", ["Lotte Brandvik, MS, RDN, LD"]),
        ("By Omar Quist, Ph.D. and Ines Varga, MD*", ["Omar Quist, Ph.D.", "Ines Varga, MD"]),
        ("By Omar Quist, Ines Varga", ["Omar Quist", "Ines Varga"]),
        ("By Ines Varga, BSc, APD", ["Ines Varga, BSc, APD"]),
    ):
        found = _find(("Title", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
        assert [p.name for p in found.authors] == names, line


def test_forum_login_opening_the_first_posts_header_line() -> None:
    # A forum prints the first post's author, date and number on one line linking to the member page.
    found = _find_html(
        ("Which bridge route is faster in winter?", Label.TITLE, (), None),
        ("Winter Travel", Label.OTHER, ("category", "name"), "/c/winter-travel/7"),
        ("river_fan42 January 11, 2025, 12:04am 1", Label.OTHER, ("post", "meta"), "/u/river_fan42"),
        (BODY_EN, Label.BODY, (), None),
    )
    assert [p.name for p in found.authors] == ["river_fan42"]
    # a line naming someone else's page, or text that is no post header, names no author
    for text, href in (
        ("river_fan42 January 11, 2025 1", "/u/otter"),
        ("river_fan42 wrote", "/u/river_fan42"),
    ):
        found = _find_html(
            ("Which bridge route is faster in winter?", Label.TITLE, (), None),
            (text, Label.OTHER, ("post", "meta"), href),
            (BODY_EN, Label.BODY, (), None),
        )
        assert [p.name for p in found.authors] != ["river_fan42"], text


def test_own_site_name_run_on_after_a_name_is_the_outlet() -> None:
    site = {"site_name": "Riverton Gazette", "canonical_url": "https://www.rivertongazette.com/news/a"}
    cases = (
        ([("Ana Pereira, Riverton Gazette", "json-ld")], (), ["Ana Pereira"]),
        (
            [("Ana Pereira and Lena Ostrova, Riverton Gazette", "json-ld")],
            (),
            ["Ana Pereira", "Lena Ostrova"],
        ),
        ([], (("By Lena Ostrova RIVERTON GAZETTE", Label.OTHER),), ["Lena Ostrova"]),
        ([("Mary Anne Gazette", "json-ld")], (), ["Mary Anne Gazette"]),  # no site name after it
    )
    for authors, lines, names in cases:
        found = _find(
            ("Title", Label.TITLE), *lines, (BODY, Label.BODY), metadata=PageMetadata(authors=authors, **site)
        )
        assert [p.name for p in found.authors] == names, names
        outlets = {p.affiliation.lower() for p in found.authors if p.affiliation}
        assert outlets == ({"riverton gazette"} if "Gazette" not in names[0] else set()), names


def test_author_box_name_over_a_bio_that_opens_with_it() -> None:
    bio = "Marta Quell is a marketing writer who covers healthcare software and small practices."
    short = "Tobiah is building the company with a passion for reliable systems and good tooling."
    for name, between, text in (
        ("Marta Quell", [], bio),
        ("Tobiah Rennick", [("Author", Label.OTHER), ("@tobiahr • Jan 26, 2026", Label.OTHER)], short),
    ):
        found = _find(
            ("T", Label.TITLE), (BODY, Label.BODY), (name, Label.OTHER), *between, (text, Label.BODY)
        )
        assert [p.name for p in found.authors] == [name]
    # a heading whose first word opens the next line without a bio verb, or is a common word
    for heading, para in (
        ("The Static Web", "The web was static for years, and every page was a file someone wrote by hand."),
        (
            "Brava News Service",
            "Brava corporate news at your fingertips, sent to your desktop or your phone.",
        ),
    ):
        found = _find(("T", Label.TITLE), (BODY, Label.BODY), (heading, Label.OTHER), (para, Label.BODY))
        assert found.authors == [], heading


def test_markup_value_joining_names_listed_on_their_own_too() -> None:
    names = ["Cora Randt", "Alli Mirow", "Esme Horvath"]
    listed = PageMetadata(
        authors=[(", ".join(names), "meta:author"), *((name, "meta:article:author") for name in names)]
    )
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=listed)
    assert [p.name for p in found.authors] == names
    # a part named nowhere else (an outlet, a credential) keeps the value whole
    kept = PageMetadata(authors=[("Cora Randt, Business Post", "json-ld"), ("Cora Randt", "json-ld")])
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=kept)
    assert [p.name for p in found.authors] == ["Cora Randt, Business Post", "Cora Randt"]


def test_topic_author_label_over_the_login() -> None:
    # phpBB prints "Topic Author" over the first post's login, lower case as it was typed
    found = _find(
        ("Which bridge route is faster in winter?", Label.TITLE),
        ("Topic Author", Label.OTHER),
        ("changing_tides", Label.OTHER),
        ("Posts: 524", Label.OTHER),
        (BODY_EN, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["changing_tides"]


def test_team_bylines_in_english() -> None:
    found = _find(("T", Label.TITLE), ("By Team Harbor Labs", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Team Harbor Labs", role="team", is_organisation=True)]
    found = _find(("T", Label.TITLE), ("By Teamo Rask", Label.OTHER), (BODY, Label.BODY))
    assert [(p.name, p.role) for p in found.authors] == [("Teamo Rask", "author")]


def test_abbreviated_degree_keeps_its_dot() -> None:
    for value, name in (("Genna Carrow, Ph.D.", "Genna Carrow, Ph.D."), ("Genna Carrow.", "Genna Carrow")):
        found = _find(
            ("T", Label.TITLE), (BODY, Label.BODY), metadata=PageMetadata(authors=[(value, "json-ld")])
        )
        assert [p.name for p in found.authors] == [name]


def test_credit_label_glued_to_the_first_name_by_its_colon() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("Authors:Anika Roe, Jyoti Patel", Label.OTHER, ("authors", "descriptor"), None),
        (BODY_EN, Label.BODY, (), None),
    )
    assert [p.name for p in found.authors] == ["Anika Roe", "Jyoti Patel"]


def test_avatar_initials_between_the_label_and_the_name() -> None:
    found = _find(
        ("Title", Label.TITLE),
        (BODY, Label.BODY),
        ("Author", Label.SIDEBAR),
        ("CP", Label.SIDEBAR),
        ("Chenna Pell", Label.SIDEBAR),
        ("Staff Software Engineer", Label.SIDEBAR),
    )
    assert [p.name for p in found.authors] == ["Chenna Pell"]


def test_byline_line_taken_for_the_standfirst() -> None:
    line = "Greta Bowman, AP Sports Writer"
    found = _find(("T", Label.TITLE), (line, Label.SUBTITLE), (BODY, Label.BODY))
    assert [p.name for p in found.authors] == ["Greta Bowman"]
    # a short standfirst alone in capitals is no name
    found = _find(("T", Label.TITLE), ("Stopping To Smell Roses", Label.SUBTITLE), (BODY, Label.BODY))
    assert found.authors == []


def test_forum_login_linking_to_a_numbered_profile() -> None:
    # phpBB links a post's author to "memberlist.php?mode=viewprofile&u=<number>"
    for href, names in (
        ("./memberlist.php?mode=viewprofile&u=3374", ["gal_itsyn"]),
        ("./memberlist.php", []),
    ):
        found = _find_html(
            ("A Title", Label.TITLE, (), None),
            ("gal_itsyn", Label.OTHER, ("username",), href),
            (BODY_EN, Label.BODY, (), None),
        )
        assert [p.name for p in found.authors] == names, href


def test_link_preview_writer_only_where_nothing_else_names_one() -> None:
    meta = PageMetadata(labelled_data=[("Est. reading time", "4 minutes"), ("Written by", "Tess Ray")])
    alone = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in alone.authors] == ["Tess Ray"]
    # the preview names the account that posted the page; a printed credit names the writer
    credited = _find(("T", Label.TITLE), ("By Omar Vale", Label.OTHER), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in credited.authors] == ["Omar Vale"]


def test_credits_in_a_list_after_the_body_name_other_articles_writers() -> None:
    lines = [
        ("T", Label.TITLE),
        ("By Vera Holm", Label.OTHER),
        (BODY, Label.BODY),
        ("Latest stories", Label.RELATED),
        ("MARKETS - BY IVO LANG . 2 HOURS AGO", Label.RELATED),
        ("Posted by: Kai Moss at May 3, 2024 05:48 PM", Label.COMMENTS),
    ]
    assert [p.name for p in _find(*lines).authors] == ["Vera Holm"]
    # with no other credit, such a line is the byline the segmenter took for a comment
    assert [p.name for p in _find(lines[0], *lines[2:]).authors] == ["Ivo Lang", "Kai Moss"]


def test_a_number_in_markup_is_no_author() -> None:
    meta = PageMetadata(authors=[("262588213843476", "meta:article:author")])
    assert _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta).authors == []


def test_markup_login_stays_where_the_visible_credits_name_it_too() -> None:
    meta = PageMetadata(authors=[("QuillFox", "json-ld")])
    found = _find(
        ("T", Label.TITLE),
        ("By QuillFox", Label.OTHER),
        (BODY, Label.BODY),
        ("Edited 3 hours ago by MarlowK", Label.OTHER),
        metadata=meta,
    )
    assert [p.name for p in found.authors] == ["QuillFox"]


def test_forum_started_by_credit() -> None:
    found = _find(
        ("How do you back up a forum?", Label.TITLE),
        ("Started by Garden Hosts, June 04, 2024, 11:23:55 AM", Label.OTHER),
        ("Resident Gardener", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Garden Hosts"]


def test_byline_under_the_headline_with_a_table_of_contents_before_the_body() -> None:
    toc = [(f"Section {n}", Label.OTHER) for n in range(9)]
    found = _find(
        ("How Tides Work", Label.TITLE),
        ("Ines Rook | Senior Writer | July 2, 2025", Label.SUBTITLE),
        *toc,
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Ines Rook"]
    # so far from the body, a capitalised line with neither a role nor a date is no byline
    found = _find(("How Tides Work", Label.TITLE), ("Skip Navigation", Label.OTHER), *toc, (BODY, Label.BODY))
    assert found.authors == []


def test_a_download_button_is_no_name() -> None:
    assert not is_plausible_name("Download ZIP", LEX)


def test_a_label_written_with_its_colon_heads_no_one_word_credit_without_it() -> None:
    spotlight = _find(
        ("T", Label.TITLE),
        ("By Omar Vale", Label.OTHER),
        (BODY, Label.BODY),
        ("Author Spotlight", Label.OTHER),
    )
    assert [p.name for p in spotlight.authors] == ["Omar Vale"]
    inline = _find(("T", Label.TITLE), ("Author Nadia Pruitt", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in inline.authors] == ["Nadia Pruitt"]
    labelled = _find(("T", Label.TITLE), ("Author: Nadia", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in labelled.authors] == ["Nadia"]


def test_authors_label_with_two_names_and_their_shared_title() -> None:
    found = _find(
        ("T", Label.TITLE),
        (BODY, Label.BODY),
        ("Authors: Jo Weller and Nat Hovde, Extension horticulture educators", Label.OTHER),
    )
    assert [p.name for p in found.authors] == ["Jo Weller", "Nat Hovde"]


def test_forum_starter_above_a_short_first_post_before_the_first_reply() -> None:
    found = _find_html(
        ("Best news site for beginners?", Label.TITLE, (), None),
        ("river_fan42 April 5, 2023, 10:08am 1", Label.OTHER, ("post", "meta"), "/u/river_fan42"),
        ("Best news site for beginners?", Label.OTHER, ("post",), None),
        ("otter_7 April 5, 2023, 11:48am 2", Label.OTHER, ("post", "meta"), "/u/otter_7"),
        (BODY_EN, Label.BODY, (), None),
    )
    assert [p.name for p in found.authors] == ["river_fan42"]


def test_the_sites_own_name_in_markup_is_one_name() -> None:
    meta = PageMetadata(authors=[("Hart & Hart", "json-ld")], site_name="Hart & Hart")
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in found.authors] == ["Hart & Hart"]
    two = PageMetadata(authors=[("Ann Lee & Bo Kim", "json-ld")], site_name="Hart & Hart")
    assert [p.name for p in _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=two).authors] == [
        "Ann Lee",
        "Bo Kim",
    ]


def test_job_titles_after_the_name_are_no_people() -> None:
    for line, title in (
        ("By Rhea Stone, Privacy and Digital Security Expert", "Privacy and Digital Security Expert"),
        ("By: Ben Ocampo, Sr. Director of Operations, Pell Movers", "Sr. Director of Operations"),
    ):
        found = _find(("T", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
        assert [(p.name, p.job_title) for p in found.authors] == [(line.split(",")[0][3:].strip(" :"), title)]


def test_a_credited_login_linking_to_its_member_page() -> None:
    for href, names in (("https://forum.example/users/qwill_7?from=post_header", ["qwill_7"]), (None, [])):
        found = _find_html(
            ("A Title", Label.TITLE, (), None),
            ("by qwill_7", Label.OTHER, ("post", "meta"), href),
            (BODY_EN, Label.BODY, (), None),
        )
        assert [p.name for p in found.authors] == names, href


def test_every_avatar_under_one_credit_label() -> None:
    found = _find(
        ("T", Label.TITLE),
        (BODY, Label.BODY),
        ("Author", Label.SIDEBAR),
        ("MR", Label.SIDEBAR),
        ("Mina Rusk", Label.SIDEBAR),
        ("Staff Software Engineer, Example", Label.SIDEBAR),
        ("OT", Label.SIDEBAR),
        ("Omar Tell", Label.SIDEBAR),
        ("Principal Engineer, Example", Label.SIDEBAR),
    )
    assert [p.name for p in found.authors] == ["Mina Rusk", "Omar Tell"]


def test_a_bare_heading_opening_with_an_article_is_no_name_under_the_headline() -> None:
    found = _find(("T", Label.TITLE), ("The Static Web", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == []
    found = _find(("T", Label.TITLE), ("Stella Webb", Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in found.authors] == ["Stella Webb"]


def test_two_people_each_with_a_title_joined_by_an_ampersand() -> None:
    line = "By Rhea Stone, Privacy and Digital Security Expert & Gil Parr, Home Security Expert"
    found = _find(("T", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
    assert [(p.name, p.job_title) for p in found.authors] == [
        ("Rhea Stone", "Privacy and Digital Security Expert"),
        ("Gil Parr", "Home Security Expert"),
    ]
    # an ampersand inside one person's title splits nobody off
    line = "By Dana Burke, Senior Director, Content & Marketing, Sherpa Labs"
    found = _find(("T", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
    assert [p.name for p in found.authors] == ["Dana Burke"]


def test_a_section_the_menu_lists_is_no_header_name() -> None:
    # flattened text: the category under the headline repeats an entry of the menu above
    found = _find(
        ("Kit Reviews", Label.NAV),
        ("Bike Reviews", Label.NAV),
        ("Chain lube review", Label.TITLE),
        ("Books", Label.OTHER),
        ("Kit Reviews", Label.OTHER),
        (BODY_EN, Label.BODY),
    )
    assert found.authors == []


def test_a_name_under_its_date_line_below_the_headline() -> None:
    # the date and the name on lines of their own, or the name after the date on one line, far
    # above the body, with category lines between them and the body
    for header in (
        ["13/06/2014", "Tanya Brook"],
        ["November 20, 2019 Tanya Brook"],
        ["Dec 26, 2025 • Tanya Brook in Road Tests"],
    ):
        found = _find(
            ("Chain lube review", Label.TITLE),
            *((line, Label.OTHER) for line in header),
            *(
                (line, Label.OTHER)
                for line in (
                    "All",
                    "Books",
                    "Road Tests",
                    "Utility Bikes",
                    "South Devon",
                    "Maintenance",
                    "Gear",
                    "Parts",
                )
            ),
            (BODY_EN, Label.BODY),
        )
        assert [p.name for p in found.authors] == ["Tanya Brook"], header


def test_a_name_over_its_date_line_below_the_headline() -> None:
    # an AMP header through bs4: the name alone, a dash alone, then the date, far above the body
    for header in (["Tanya Brook", "-", "Rabu, 9 April 2025 | 10:15 WIB"], ["Tanya Brook", "9 April 2025"]):
        found = _find(
            ("Chain lube review", Label.TITLE),
            *((line, Label.OTHER) for line in header),
            *(
                (line, Label.OTHER)
                for line in ("Bagikan", "Facebook", "Twitter", "WhatsApp", "Salin", "Tautan")
            ),
            (BODY_EN, Label.BODY),
        )
        assert [p.name for p in found.authors] == ["Tanya Brook"], header
    # a section name over a line that is no date is no byline
    found = _find(
        ("Chain lube review", Label.TITLE),
        ("Road Tests", Label.OTHER),
        ("-", Label.OTHER),
        ("Share this", Label.OTHER),
        *((line, Label.OTHER) for line in ("Bagikan", "Facebook", "Twitter", "WhatsApp", "Salin", "Tautan")),
        (BODY_EN, Label.BODY),
    )
    assert found.authors == []


def test_a_desk_named_after_its_outlet_is_a_team() -> None:
    found = _find(("T", Label.TITLE), ("By HARBOUR GAZETTE STAFF", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Harbour Gazette Staff", role="team", is_organisation=True)]
    meta = PageMetadata(authors=[("Riverside Post News Bureau", "json-ld")])
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta)
    assert found.authors == [Person("Riverside Post News Bureau", role="team", is_organisation=True)]
    found = _find(("T", Label.TITLE), ("By Maya Staffordson", Label.OTHER), (BODY, Label.BODY))
    assert [(p.name, p.role) for p in found.authors] == [("Maya Staffordson", "author")]


def test_a_desk_linked_to_its_author_page_is_the_writer() -> None:
    found = _find_html(
        ("A Title", Label.TITLE, (), None),
        ("The Harbor Labs Team", Label.OTHER, ("black", "text"), "/authors/harbor-labs"),
        (BODY_EN, Label.BODY, (), None),
        ("Author Spotlight", Label.OTHER, ("h4", "style"), None),
    )
    assert found.authors == [Person("The Harbor Labs Team", role="team", is_organisation=True)]


def test_a_box_named_after_a_person_is_no_name() -> None:
    found = _find(
        ("T", Label.TITLE),
        ("By", Label.OTHER),
        ("Dana Whitlock", Label.OTHER),
        ("Dana Whitlock", Label.OTHER),
        ("Reporter", Label.OTHER),
        ("Dana Whitlock's Most Recent Stories", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Dana Whitlock"]


def test_a_markup_value_that_copies_the_printed_byline_is_read_as_one() -> None:
    meta = PageMetadata(authors=[("Analysis by Mara Quint, Harbor Post Editor-at-large", "json-ld")])
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta)
    assert [(p.name, p.job_title) for p in found.authors] == [("Mara Quint", "Harbor Post Editor-at-large")]
    meta = PageMetadata(authors=[("By Dylan Bailey, MS, RD", "json-ld")])
    found = _find(("T", Label.TITLE), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in found.authors] == ["Dylan Bailey, MS, RD"]


def test_a_name_ends_at_a_date_label_as_a_loop_over_the_labels_says():
    from warta.meta.byline import _ended_name, _ends_name
    from warta.meta.datetext import grammar_of
    from warta.strings import uncased_word

    grammar = grammar_of(LEX)
    labels = (*grammar.modified_markers, *grammar.published_markers)

    def by_each_label(words: list[str]) -> bool:
        first = words[0].strip(",.:;|")
        if not (first[:1].isupper() or uncased_word(first[:1])):  # (a label in Arabic has no case)
            return False
        if first.lower() in LEX.name_enders:
            return True
        tail = " ".join(words).lower()
        return any(tail.startswith(m) and tail[len(m) : len(m) + 1] in ("", " ", ":") for m in labels)

    assert _ended_name("Angela Kaye Carpenter Updated onFebruary 16", LEX) == "Angela Kaye Carpenter"
    assert _ended_name("Angela Kaye Carpenter", LEX) == "Angela Kaye Carpenter"
    rests = [label.title() + tail for label in labels for tail in ("", " 12 May", ": 3 June", "x", "s now")]
    rests += ["Jane Doe", "Posted", "View In Digital Edition", "Updatedx", ""]
    for rest in rests:
        words = ("Jane " + rest).split(" ")
        for k in range(1, len(words)):
            assert _ends_name(words[k:], LEX) == by_each_label(words[k:]), words[k:]


def test_site_owner_link_test_agrees_with_parsing_every_link() -> None:
    import random

    from warta.meta.urls import url_host

    def parsed(href: str, host: str) -> bool:  # the test as written before the substring pre-test
        return (url_host(href) or "").removeprefix("www.") != host or href.split(host, 1)[-1] not in ("", "/")

    def pretested(href: str, host: str) -> bool:
        return host not in href or parsed(href, host)

    pieces = ["https://", "http://", "//", "www.", "WWW.", "pierce", "PIERCE", ".dev", ".DEV", "/", "/about",
              ":8080", "user@", "\t", "[", "]", "?q=pierce.dev", "#x", "", " "]  # fmt: skip
    rng = random.Random(26)
    owners = 0
    for _ in range(20_000):
        href = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.3:  # an owner's link, written some way
            href = (
                rng.choice(["https://", "http://www.", "//", "HTTPS://"])
                + "pierce.dev"
                + rng.choice(["", "/", "/a"])
            )
        for host in ("pierce.dev", "pierce.dev.id"):
            expected = parsed(href, host)
            owners += not expected
            assert pretested(href, host) == expected, (href, host)
    assert owners > 50


def test_markup_people_take_the_printed_spelling_and_job_title() -> None:
    markup = [Person("Tomasz K. Wren"), Person("LEILA ODUYA"), Person("Harbor Desk", is_organisation=True)]
    visible = [
        Person("Tomasz Wren", job_title="Science Editor"),
        Person("Leila Oduya", affiliation="Harbor Post"),
        Person("Harbor desk"),
    ]
    assert [(p.name, p.job_title, p.affiliation) for p in as_printed(markup, visible)] == [
        ("Tomasz Wren", "Science Editor", None),
        ("Leila Oduya", None, "Harbor Post"),
        ("Harbor Desk", None, None),
    ]


def test_a_tagalog_byline_reads_only_on_a_tagalog_page() -> None:
    lines = [
        ("Nagbukas ang bagong tulay sa Iloilo", Label.TITLE),
        ("Ni Juan dela Cruz", Label.BYLINE),
        ("Binuksan noong Lunes ang bagong tulay na mag-uugnay sa dalawang bayan.", Label.BODY),
    ]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    labels = [label for _, label in lines]
    tagalog = find_bylines(blocks, labels, load_lexicon(page_language="tl"))
    assert [p.name for p in tagalog.authors] == ["Juan dela Cruz"]
    # On a page in another language "Ni" opens a Balinese name: the line names "Ni Luh Sari".
    balinese = [("Oleh Ni Luh Sari", Label.BYLINE), ("Warga Denpasar menanam bakau di pesisir.", Label.BODY)]
    assert [p.name for p in _find(*balinese).authors] == ["Ni Luh Sari"]


def test_a_writer_a_teaser_box_credits_above_the_headline_is_no_menu_section() -> None:
    # flattened text: 'Recent from' / the writer's name over teasers, then the story's own byline
    found = _find(
        ("Recent from", Label.SIDEBAR),
        ("Lena Ortiz", Label.SIDEBAR),
        ("Chain lube review", Label.TITLE),
        ("Lena Ortiz", Label.OTHER),
        (BODY_EN, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Lena Ortiz"]


def test_a_breadcrumb_or_a_linked_phrase_is_no_header_name() -> None:
    # a breadcrumb's section between its separators, a link cut out of a sentence
    for lines in (
        ["Home", "»", "Kit Advice", "»", "Chain lube"],
        ["The", "Fenwick Rovers", "will play the final on Sunday"],
    ):
        found = _find(
            ("Chain lube review", Label.TITLE),
            *((line, Label.OTHER) for line in lines),
            (BODY_EN, Label.BODY),
        )
        assert found.authors == [], lines


def test_a_line_in_capitals_is_no_header_name() -> None:
    found = _find(
        ("Chain lube review", Label.TITLE),
        ("13/06/2014", Label.OTHER),
        ("ROAD TESTS", Label.OTHER),
        (BODY_EN, Label.BODY),
    )
    assert found.authors == []


def test_a_name_its_outlet_and_the_date_on_lines_of_their_own() -> None:
    found = _find(
        ("Chain lube review", Label.TITLE),
        ("Tanya Brook", Label.OTHER),
        (",", Label.OTHER),
        ("Fenwick Herald", Label.OTHER),
        ("13/06/2014", Label.OTHER),
        *((line, Label.OTHER) for line in ("All", "News", "Sport", "Weather", "Culture", "Travel")),
        (BODY_EN, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Tanya Brook"]


def test_a_name_in_a_script_without_case_then_its_role_word_is_a_byline() -> None:
    # '홍길동 기자' (the name, then 'reporter'): no capital tells a Hangul or kanji name; the
    # role word after it (ko.toml, ja.toml `roles`) does.
    for line, name in (("홍길동 기자", "홍길동"), ("佐藤 美咲 記者", "佐藤 美咲")):
        found = _find(("서울시 안전점검 확대", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY))
        assert [p.name for p in found.authors] == [name]
    # A role word alone, or after a cased word or a long clause, is no such byline.
    for line in ("기자", "Reporter 기자", "서울시 주택정책과 안전 기자"):
        assert (
            _find(("서울시 안전점검 확대", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY)).authors
            == []
        )


def test_a_name_in_a_script_without_case_after_a_credit_label() -> None:
    # No capital tells a Devanagari or an Arabic name: the credit label before it does.
    # (hi.toml and ar.toml are read on Hindi and Arabic pages only: their page_language lexicons)
    def authors(lines: list[tuple[str, Label]], language: str) -> list[str]:
        blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
        lexicon = load_lexicon(page_language=language)
        return [p.name for p in find_bylines(blocks, [label for _, label in lines], lexicon, None).authors]

    hindi = [("शीर्षक", Label.TITLE), ("लेखक: राकेश शर्मा", Label.OTHER), (BODY, Label.BODY)]
    assert authors(hindi, "hi") == ["राकेश शर्मा"]
    arabic = [
        ("عنوان", Label.TITLE),
        ("بقلم: سارة المنصوري نُشر في: ١٢ مارس ٢٠٢٥ - ١٠:٣٠", Label.OTHER),
        (BODY, Label.BODY),
    ]
    assert authors(arabic, "ar") == ["سارة المنصوري"]
    # The words after the label name nothing when they are a date's marker.
    assert authors([("शीर्षक", Label.TITLE), ("लेखक: अपडेट", Label.OTHER), (BODY, Label.BODY)], "hi") == []


def _menu_section_as_first_written(blocks, labels, text, end) -> bool:
    from warta.meta.byline import _LEADING_BULLET
    from warta.model import LINK_LIST_LABELS

    alone = False
    for j, block in enumerate(blocks):
        line = block.text.strip()
        if line == text or _LEADING_BULLET.sub("", line) == text:
            alone = alone or (j < end and labels[j] not in LINK_LIST_LABELS)
        elif text in line:
            return False
    return alone


def test_menu_sections_are_those_the_bullet_stripped_every_line_finds() -> None:
    """`_menu_section` strips a line's bullet only where the line holds the text: the answer of
    stripping every line's, on generated pages of bulleted, padded and longer lines."""
    import random

    from warta.meta.byline import _menu_section
    from warta.model import Block, BlockStructure, Label

    rng = random.Random(29)
    lines = [
        "Kit Reviews",
        "o Kit Reviews",
        "* Kit Reviews",
        " Kit Reviews ",
        "- Kit",
        "Kit Reviews more",
        "o",
        "",
    ]
    lines += ["Reviews", "• Kit Reviews", "oKit Reviews", "News"]
    choices = [Label.BODY, Label.OTHER, Label.RELATED, Label.SIDEBAR, Label.TITLE]
    for _ in range(3_000):
        texts = [rng.choice(lines) for _ in range(rng.randint(0, 10))]
        blocks = [Block(index=i, text=t, structure=BlockStructure()) for i, t in enumerate(texts)]
        labels = [rng.choice(choices) for _ in texts]
        text, end = rng.choice(["Kit Reviews", "Kit", "", "Reviews", "o Kit Reviews"]), rng.randint(0, 10)
        assert _menu_section(blocks, labels, text, end) == _menu_section_as_first_written(
            blocks, labels, text, end
        )


def test_a_name_run_into_the_writers_handle_is_a_header_byline() -> None:
    found = _find(
        ("Harbour pier reopens after two years of repairs", Label.TITLE),
        ("Ruth Calder@ruthcalder", Label.OTHER),
        ("Key Points", Label.OTHER),
        (BODY, Label.BODY),
    )
    assert [p.name for p in found.authors] == ["Ruth Calder"]


def test_a_headline_that_opens_with_a_name_is_no_header_byline() -> None:
    headline = "Harbour Master, Old Pier Reopens After Two Years"
    assert not _find((headline, Label.OTHER), (headline, Label.TITLE), (BODY, Label.BODY)).authors
    teaser = ("Kenapa Nelayan, Petani Dan Buruh Makin Miskin?", Label.OTHER)
    assert not _find(("Judul berita", Label.TITLE), teaser, (BODY, Label.BODY)).authors


def test_a_topic_in_the_tag_list_under_the_body_is_no_bare_name() -> None:
    found = _find(
        ("Judul berita", Label.TITLE), (BODY, Label.BODY), ("Topics", Label.TAGS), ("Hong Kong", Label.TAGS)
    )
    assert not found.authors


def test_a_whole_link_under_the_body_is_no_bare_name_unless_it_links_the_writer() -> None:
    from warta.model import BlockStructure

    def under_body(href: str) -> list[str]:
        blocks = [
            Block(0, "Judul berita"),
            Block(1, BODY),
            Block(2, "Harbour Boat Tours", BlockStructure(href=href, link_density=1.0)),
        ]
        found = find_bylines(blocks, [Label.TITLE, Label.BODY, Label.OTHER], LEX)
        return [p.name for p in found.authors]

    assert under_body("https://example.com/tours/harbour/") == []  # a product or a service
    assert under_body("https://example.com/author/harbour-boat-tours/") == ["Harbour Boat Tours"]


def test_a_section_s_or_box_s_name_is_no_person_s_name() -> None:
    for line in ("Harbour Newsletter", "Menu Sections", "Weekend Stories", "Key Points", "Browse All Posts"):
        assert not is_plausible_name(line, LEX), line
    found = _find(("Judul berita", Label.TITLE), ("Weekend Stories", Label.OTHER), (BODY, Label.BODY))
    assert not found.authors
    assert is_plausible_name("Ruth Calder", LEX)


def test_a_section_label_over_every_teaser_is_no_bare_name_under_the_body() -> None:
    teasers = [
        line
        for n in range(3)
        for line in (("Harbour Town", Label.OTHER), (f"Teaser headline {n}", Label.OTHER))
    ]
    found = _find(("Judul berita", Label.TITLE), (BODY, Label.BODY), ("Harbour Town", Label.OTHER), *teasers)
    assert not found.authors
    # a writer's name printed once under the body is the byline
    found = _find(
        ("Judul berita", Label.TITLE), (BODY, Label.BODY), ("Ruth Calder", Label.OTHER), *teasers[:2]
    )
    assert [p.name for p in found.authors] == ["Ruth Calder"]


EN = LEX  # (the English words are read on every page)
EN_BODY = "The council said on Monday that the new bus routes would open to riders early next month."


def test_a_button_or_section_label_is_no_name() -> None:
    # a call to action, in any page's language; ordinary words only, on an English page
    for label in ("Shop All Boots", "Join Our Club", "Learn More"):
        assert not is_credited_name(label, LEX), label
    for label in ("Getting Started", "Key Features", "Frequently Asked Questions"):
        assert not is_credited_name(label, EN), label
    for name in ("Will Smith", "Grace Young", "Dewi Kartika", "Editorial Team"):
        assert is_credited_name(name, EN), name
    found = _find(
        ("Bus Routes Open", Label.TITLE), ("Key Features", Label.OTHER), (EN_BODY, Label.BODY), lex=EN
    )
    assert found.authors == []
    found = _find(
        ("Bus Routes Open", Label.TITLE), ("Dana Whitfield", Label.OTHER), (EN_BODY, Label.BODY), lex=EN
    )
    assert [p.name for p in found.authors] == ["Dana Whitfield"]


def test_a_templates_empty_value_is_no_author() -> None:
    found = _find(
        ("T", Label.TITLE), (BODY, Label.BODY), metadata=PageMetadata(authors=[("undefined", "json-ld")])
    )
    assert found.authors == []


def _find_structured(*lines: tuple[str, Label, dict[str, object]], metadata: PageMetadata | None = None):  # type: ignore[no-untyped-def]
    from warta.model import BlockStructure

    blocks = [Block(i, text, BlockStructure(**extra)) for i, (text, _, extra) in enumerate(lines)]  # type: ignore[arg-type]
    return find_bylines(blocks, [line[1] for line in lines], EN, metadata)


def test_a_bare_header_line_printed_as_a_heading_a_list_entry_or_a_link_is_no_byline() -> None:
    title = ("Standing Desks Reviewed", Label.TITLE, {"heading_level": 1})
    body = (EN_BODY, Label.BODY, {})
    for extra in (
        {"heading_level": 2},
        {"in_list": True},
        {"tag": "label"},
        {"link_density": 1.0, "href": "https://shop.example.com/pages/desk-frames"},
    ):
        found = _find_structured(title, ("Walnut Frame", Label.OTHER, extra), body)
        assert found.authors == [], extra
    # a name linked to its author's or member's page stays a byline, in a list too
    for href in ("https://example.com/author/dana-whitfield", "https://forum.example.com/memberlist.php?u=7"):
        extra = {"in_list": True, "link_density": 1.0, "href": href}
        found = _find_structured(title, ("Dana Whitfield", Label.OTHER, extra), body)
        assert [p.name for p in found.authors] == ["Dana Whitfield"], href


def test_an_outlet_run_into_the_name_is_set_apart() -> None:
    meta = PageMetadata(authors=[("Dana WhitfieldNewsCorp", "json-ld")], site_name="Example Weekly")
    found = _find(("T", Label.TITLE), (EN_BODY, Label.BODY), metadata=meta, lex=EN)
    assert [(p.name, p.affiliation) for p in found.authors] == [("Dana Whitfield", "NewsCorp")]
    meta = PageMetadata(authors=[("Rory MacDonald", "json-ld")], site_name="Example Weekly")
    found = _find(("T", Label.TITLE), (EN_BODY, Label.BODY), metadata=meta, lex=EN)
    assert [p.name for p in found.authors] == ["Rory MacDonald"]
