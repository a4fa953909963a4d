import random

from warta.assemble import body
from warta.assemble.body import build_body, is_heading_like
from warta.model import Block, BlockStructure, BodyPart, Label
from warta.segment.text import segment_text


def _body(text: str):
    blocks = segment_text(text)
    return build_body(blocks, [Label.BODY] * len(blocks))


def test_fragments_of_one_sentence_are_rejoined():
    result = _body(
        "The minister met\nJoko Widodo\nin Jakarta on Monday, officials said.\nA second paragraph starts here."
    )
    texts = [p.text for p in result.parts]
    assert texts[0] == "The minister met Joko Widodo in Jakarta on Monday, officials said."
    assert texts[1] == "A second paragraph starts here."


def test_punctuation_fragment_joins_without_space():
    result = _body("He visited\nBandung\n, then went home.")
    assert result.parts[0].text == "He visited Bandung, then went home."


def test_blank_lines_keep_paragraphs_apart():
    result = _body("First paragraph without a full stop\n\nsecond one starts lower case.")
    assert len(result.parts) == 2


def test_repeated_paragraph_is_dropped_once():
    para = "Korea Selatan mengatakan bahwa pengakuan itu adalah sebuah pengakuan atas tindakan kriminal."
    result = _body(f"{para}\n\nParagraf lain yang berbeda sama sekali isinya.\n\n{para[:-1]} “kriminal”")
    assert [p.text for p in result.parts].count(para) == 1
    assert len(result.parts) == 2


def test_editor_code_is_taken_out_of_the_last_paragraph():
    result = _body("Paragraf pertama cukup panjang di sini.\n\nPengerahan tersebut dibantah. (*/S-01)")
    assert result.editor_codes == ["S-01"]
    assert result.parts[-1].text == "Pengerahan tersebut dibantah."


def test_reporter_initials_code():
    result = _body("Kalimat pertama berita ini.\n\nKalimat terakhir berita ini. (fyk/ash)")
    assert result.editor_codes == ["fyk", "ash"]


def test_subheading_between_paragraphs():
    result = _body(
        "Paragraf pembuka yang panjang dan berakhir dengan titik.\n\n"
        "Korea Utara dikecam Korsel dan AS\n\n"
        "Kementerian Luar Negeri AS menuntut agar pengerahan pasukan segera dihentikan."
    )
    assert [p.kind for p in result.parts] == ["paragraph", "heading", "paragraph"]


def test_a_laid_out_table_header_row_is_no_subheading():
    result = _body(
        "Jadwal kereta berikut berlaku mulai Kamis.\n\n"
        "    Kereta   Tujuan          Berangkat  Tiba\n"
        "    KA 12    Bandung – Garut  07.10      09.35\n"
        "    KA 14    Garut – Bandung  13.20      15.45\n"
    )
    assert [(p.kind, p.text) for p in result.parts[1:]] == [
        ("paragraph", "Kereta Tujuan Berangkat Tiba"),
        ("paragraph", "KA 12 Bandung – Garut 07.10 09.35"),
        ("paragraph", "KA 14 Garut – Bandung 13.20 15.45"),
    ]


def test_html_heading_level_wins():
    blocks = [
        Block(0, "Intro sentence that ends.", BlockStructure(tag="p")),
        Block(1, "What happened next", BlockStructure(tag="h2", heading_level=2)),
        Block(2, "Body text continues here.", BlockStructure(tag="p")),
    ]
    result = build_body(blocks, [Label.BODY] * 3)
    assert result.parts[1].kind == "heading"


def test_heading_shape():
    assert is_heading_like("Korea Utara dikecam Korsel dan AS")
    assert not is_heading_like("this starts lower case")
    assert not is_heading_like("A full sentence that ends with a period.")


def test_a_full_stop_cut_off_at_a_link_closes_the_sentence() -> None:
    blocks = [
        Block(0, "Pendaftaran dibuka mulai 10 Maret melalui aplikasi"),
        Block(1, "Mitra Darat"),
        Block(2, "."),
        Block(3, "Kuota tahun ini sekitar 120.000 penumpang."),
        Block(4, "."),
    ]
    labels = [Label.BODY, Label.BODY, Label.OTHER, Label.BODY, Label.OTHER]
    parts = build_body(blocks, labels).parts
    assert [p.text for p in parts] == [
        "Pendaftaran dibuka mulai 10 Maret melalui aplikasi Mitra Darat.",
        "Kuota tahun ini sekitar 120.000 penumpang.",
    ]


def test_single_lower_case_editor_code_closes_the_body():
    from warta.assemble.body import build_body as _build
    from warta.model import Label as _Label
    from warta.segment.text import segment_text as _seg

    blocks = _seg("Paragraf pertama yang panjang.\nParagraf terakhir berita ini. [dan]\nSumber: (AP)")
    result = _build(blocks, [_Label.BODY, _Label.BODY, _Label.OTHER])
    assert result.editor_codes == ["dan"]
    assert result.parts[-1].text == "Paragraf terakhir berita ini."
    blocks = _seg("Paragraf pertama yang panjang.\nParagraf terakhir berita ini.\n(akr)\nkopi")
    result = _build(blocks, [_Label.BODY] * 4)
    assert result.editor_codes == ["akr"]
    assert [p.text for p in result.parts] == [
        "Paragraf pertama yang panjang.",
        "Paragraf terakhir berita ini.",
    ]


def test_a_quoted_subheading_is_a_heading_not_the_start_of_the_next_paragraph():
    assert is_heading_like("'We feel forgotten'")
    assert is_heading_like("“Kami merasa dilupakan”")
    assert not is_heading_like("“We will rebuild,”")
    text = (
        "A spokesperson said the company was sorry for the disruption this summer.\n"
        "'We feel forgotten'\n"
        "Local councillor Morag Stewart said residents felt their concerns had been ignored for years.\n"
    )
    blocks = segment_text(text)
    parts = build_body(blocks, [Label.BODY] * len(blocks)).parts
    assert [p.kind for p in parts] == ["paragraph", "heading", "paragraph"]


def test_repeat_check_matches_counting_over_every_earlier_paragraph() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.assemble.body import _SeenParagraphs

    words = st.lists(st.sampled_from("abcdefgh"), min_size=0, max_size=8)

    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(st.lists(words.map(lambda w: {tuple(w[i : i + 2]) for i in range(len(w) - 1)}), max_size=12))
    def check(paragraphs: list[set[tuple[str, ...]]]) -> None:
        seen = _SeenParagraphs()
        earlier: list[set[tuple[str, ...]]] = []
        for shingles in paragraphs:
            expected = len(shingles) >= 4 and any(len(shingles & p) >= 0.8 * len(shingles) for p in earlier)
            assert seen.is_repeat(shingles) == expected
            seen.add(shingles)
            earlier.append(shingles)

    check()


def test_a_phrase_shared_by_thousands_of_paragraphs_does_not_make_each_check_scan_them() -> None:
    # Counting hits over every shared shingle took 23 s for 20,000 such lines.
    from warta.assemble.body import _SeenParagraphs, _shingle_set

    seen = _SeenParagraphs()
    for i in range(5_000):
        seen.add(_shingle_set(f"Baris nomor {i} dari halaman yang sangat panjang."))
    late = _shingle_set("Baris nomor 99999 dari halaman yang sangat panjang.")
    assert len(seen.candidates(late)) <= 2
    assert not seen.is_repeat(late)


def test_shingles_of_ascii_text_are_those_of_the_word_regex() -> None:
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.assemble.body import _shingle_set

    def by_regex(text: str) -> set[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text.lower())
        if len(tokens) < 3:
            return {tuple(tokens)} if tokens else set()
        return set(zip(tokens, tokens[1:], tokens[2:], strict=False))

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
    def check(text: str) -> None:
        assert _shingle_set(text) == by_regex(text)

    check()


def test_shingles_of_any_text_are_those_of_the_lower_cased_words() -> None:
    import re
    import sys

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.assemble.body import _shingle_set

    def by_words(text: str) -> set[tuple[str, ...]]:
        tokens = [w.lower() for w in re.findall(r"\w+", text)]
        if len(tokens) < 3:
            return {tuple(tokens)} if tokens else set()
        return set(zip(tokens, tokens[1:], tokens[2:], strict=False))

    # What `_shingle_set` leans on: lower-casing changes no character's `\w` class, and only "İ" its length.
    word = re.compile(r"\w")
    odd = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if len(c.lower()) != 1 or bool(word.match(c)) != bool(word.match(c.lower()))
    ]
    assert odd == ["İ"]
    for text in ("İstanbul’da “büyük” gün", "ΟΔΟΣ’Α και ΟΔΟΣ", "Café “Noël” — déjà vu ok", "ǅemal ǈubo"):
        assert _shingle_set(text) == by_words(text)

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet=st.sampled_from("aZ _.’“”éÉİıΣσςΟΔ-ǅ\u0301 1"), max_size=40))
    def check(text: str) -> None:
        assert _shingle_set(text) == by_words(text)

    check()


def test_editor_codes_are_searched_only_in_text_closing_with_a_bracket() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from warta.assemble.body import _CODE_CLOSE, _EDITOR_CODE, _SINGLE_CODE

    pieces = [*"ab1.()[]/* \n\t\u00a0\u2028\x1c", "(ant/P-2)", "[dan]", "(akr)"]

    @settings(max_examples=500, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), max_size=12).map("".join))
    def check(text: str) -> None:
        if not text.rstrip().endswith(_CODE_CLOSE):
            assert _EDITOR_CODE.search(text) is None and _SINGLE_CODE.search(text) is None

    check()


def test_a_pull_quote_cut_from_a_paragraph_is_dropped_before_or_after_it() -> None:
    para = (
        "Most of the town's shops close at six. The market hall is the only covered place where "
        "nobody asks you to pay for a seat, and on wet days it fills up by noon."
    )
    quote = "“The only covered place where nobody asks you to pay”"
    other = "The council will decide on the hall's opening hours at its meeting next month."
    for text in (f"{para}\n\n{quote}\n\n{other}", f"{quote}\n\n{para}\n\n{other}"):
        parts = _body(text).parts
        assert [p.text for p in parts] == [para, other]


def test_a_quote_or_subheading_that_shares_words_with_a_paragraph_stays() -> None:
    para = (
        "The market hall is the only covered place in town where nobody asks you to pay for a seat, "
        "the trader said on Monday."
    )
    # A quoted sentence that goes on after its closing mark, a quote saying something else,
    # and an unquoted subheading the paragraph after it explains are no pull quotes.
    kept = [
        "“The only covered place in town where nobody asks you to pay,” she said.",
        "“We will keep the hall open for as long as the roof holds up”",
        "Where nobody asks you to pay for a seat",
    ]
    for line in kept:
        parts = _body(f"{line}\n\n{para}").parts
        assert line in [p.text for p in parts]


def test_a_sentence_split_at_an_italic_name_opens_with_no_subheading():
    # bs4's get_text("\n") splits at the paper's name in italics: the short line opening the
    # sentence is not a subheading over the rest.
    result = _body(
        "KUANTAN: Harga ayam naik sehingga 15 peratus sejak minggu lalu.\n"
        "Tinjauan\nSuara Pantai Timur\n"
        "di Pasar Besar Kuantan semalam mendapati ayam kini dijual lebih mahal daripada bulan lalu.\n"
    )
    texts = [p.text for p in result.parts]
    assert [p.kind for p in result.parts] == ["paragraph", "paragraph"]
    assert texts[1].startswith("Tinjauan Suara Pantai Timur di Pasar Besar Kuantan")


def test_a_subheading_over_a_long_line_split_at_a_link_stays_one():
    result = _body(
        "The first paragraph ends here.\n"
        "The al-Tanf base\n"
        "The U.S. will keep its military base in\n"
        "al-Tanf\n"
        "after its troops leave the north of the country, officials said.\n"
    )
    assert result.parts[1].kind == "heading"
    assert result.parts[1].text == "The al-Tanf base"


def _restatements_by_pairs(parts: list[BodyPart]) -> list[BodyPart]:
    """`without_restatements` as first written: every part's words counted, each pair's sets
    made afresh (the reference the indexed version must agree with)."""
    counts = [len(part.text.split()) for part in parts]
    quotes = [i for i, n in enumerate(counts) if body._pull_quote_like(parts[i].text.strip(), n)]
    dropped: set[int] = set()
    for i in quotes:
        longer = counts[i] + body._RESTATING_MARGIN
        near = range(max(0, i - body._RESTATING_REACH), min(len(parts), i + body._RESTATING_REACH + 1))
        if any(
            j not in dropped and counts[j] >= longer and body.restates(parts[i].text, parts[j].text)
            for j in near
        ):
            dropped.add(i)
    return [part for i, part in enumerate(parts) if i not in dropped]


def test_pull_quotes_dropped_agree_with_a_check_of_every_pair() -> None:
    para = (
        "The market hall is the only covered place in town where nobody asks you to pay for a seat, "
        "the trader said on Monday."
    )
    lines = [
        para,
        "“The only covered place in town where nobody asks you to pay”",
        "“The only covered place in town where nobody asks you”",  # a second cut, dropped too
        "“We will keep the hall open for as long as the roof holds up”",
        "“Short”",
        "“”",
        "",
        "  “the market hall is the only covered place in town”  ",
        "Where nobody asks you to pay for a seat",
        "“Nobody asks you to pay for a seat, the trader said on Monday”",
        "«The only covered place in town where nobody asks you to pay»",
    ]
    rng = random.Random(7)
    for _ in range(300):
        picked = [rng.choice(lines) for _ in range(rng.randint(0, 30))]
        parts = [BodyPart(kind="paragraph", text=text, block=k) for k, text in enumerate(picked)]
        assert body.without_restatements(parts) == _restatements_by_pairs(parts)


def test_an_editor_code_below_a_row_of_tag_links_is_found():
    # "(rhd/dls)" after the story's tag links ("pasar terapung" / "lok baintan" / "wisata kalsel")
    from warta.assemble.body import trailing_code

    def block(text: str, href: str | None = None) -> Block:
        return Block(index=0, text=text, structure=BlockStructure(href=href))

    story = [block("Paragraf pertama berita ini cukup panjang."), block("Paragraf terakhir berita ini.")]
    tags = [block(t, f"/tag/{t}") for t in ("pasar terapung", "lok baintan", "wisata kalsel")]
    code = block("(rhd/dls)")
    labels = [Label.BODY, Label.BODY] + [Label.OTHER] * 4
    assert trailing_code([*story, *tags, code], labels) == (5, ["rhd", "dls"])
    # (a paragraph of other text between ends the search, as before)
    prose = [block("Baca berita lainnya dari kota ini di kanal kami setiap hari.")] * 3
    assert trailing_code([*story, *prose, code], labels) is None


def test_one_editor_s_initials_alone_on_the_line_under_the_body_are_its_code():
    # bs4 puts "<em>(laz)</em>" closing the last paragraph on a line of its own
    from warta.assemble.body import trailing_code

    def block(text: str) -> Block:
        return Block(index=0, text=text, structure=BlockStructure())

    story = [block("Paragraf pertama berita ini cukup panjang."), block("Paragraf terakhir berita ini.")]
    labels = [Label.BODY, Label.BODY, Label.OTHER, Label.OTHER]
    assert trailing_code([*story, block("(laz)"), block("The post")], labels) == (2, ["laz"])
    # (a line further down, an agency in capitals or a longer word in brackets is none)
    assert trailing_code([*story, block("Bagikan"), block("(laz)")], labels) is None
    assert trailing_code([*story, block("(AP)"), block("The post")], labels) is None
    assert trailing_code([*story, block("(selengkapnya)"), block("x")], labels) is None


def test_a_paragraph_opening_with_a_quote_dash_is_its_own() -> None:
    # Polish, Russian, Spanish quotes open with a dash: "<p>– Czekaliśmy … – mówił.</p>" after an
    # unfinished line ("Czytaj także: <a>…</a>", a heading-like line) is a paragraph of its own
    blocks = [
        Block(0, "Most ma 612 metrów długości i dwa pasy ruchu.", BlockStructure(tag="p")),
        Block(1, "Czytaj także: Utrudnienia na ulicy Mostowej", BlockStructure(tag="p")),
        Block(2, "– Czekaliśmy na ten most dwadzieścia lat – mówił prezydent.", BlockStructure(tag="p")),
    ]
    texts = [p.text for p in build_body(blocks, [Label.BODY] * 3).parts]
    assert texts[-1] == "– Czekaliśmy na ten most dwadzieścia lat – mówił prezydent."
    # an embed's "— Name (@handle) date" line and a dash list's item end with no stop: still joined
    blocks[2] = Block(2, "— The Senate (@senate) October 9, 2018", BlockStructure(tag="p"))
    texts = [p.text for p in build_body(blocks, [Label.BODY] * 3).parts]
    assert texts[-1] == "Czytaj także: Utrudnienia na ulicy Mostowej — The Senate (@senate) October 9, 2018"
