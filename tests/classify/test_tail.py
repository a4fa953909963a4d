"""Body runs that belong to the page around the article (`warta.classify.tail`): word lists,
text past the footer, company boilerplate, source lists."""

from warta.classify.labels import label_blocks
from warta.lexicon import load_lexicon
from warta.model import Label
from warta.segment.text import segment_text

LEX = load_lexicon()


def test_a_long_run_of_single_words_is_a_tag_cloud(article, confident_labels):
    words = [
        "edital",
        "educacao",
        "(12)",
        "enchentes",
        "futebol",
        "governo",
        "(3)",
        "saude",
        "Jaraguá",
        "obras",
    ]
    blocks = segment_text(article + "\n".join(words))
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels[:2] == [Label.BODY, Label.BODY]
    assert labels[2:] == [Label.NAV] * len(words)
    # Source code split token by token is no tag cloud.
    tokens = ["from", "requests", "import", "Session", "s", "=", "Session", "()", "req", "Request", "url"]
    labels = confident_labels(article + "\n".join(tokens))
    assert Label.NAV not in labels


def test_single_words_the_markup_puts_in_a_list_stay_body(article):
    from dataclasses import replace

    words = ["flour", "sugar", "butter", "eggs", "milk", "salt", "yeast", "water", "honey", "vanilla"]
    blocks = segment_text(article + "\n".join(words))
    blocks = [
        b if i < 2 else replace(b, structure=replace(b.structure, in_list=True)) for i, b in enumerate(blocks)
    ]
    assert set(label_blocks(blocks, [0.9] * len(blocks), LEX)) == {Label.BODY}


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


def test_company_boilerplate_closing_a_press_release_is_not_body(article, confident_labels):
    text = (
        article
        + "Northwind Labs is a leading provider of water sensors for city utilities, with offices on three continents.\n"
        "Northwind Labs is headquartered in Oslo and employs around 400 people.\n"
        "Stay up to date with Northwind."
    )
    labels = confident_labels(text)
    assert labels[-4] is Label.BODY
    # (not a sidebar: in HTML a long paragraph under a sidebar header is body again)
    assert labels[-3:] == [Label.OTHER] * 3


def test_company_boilerplate_under_its_about_header_goes_with_the_header(article, confident_labels):
    # "Tentang PT … Tbk" over "PT … Tbk adalah perusahaan …": the name with its legal form (five
    # words), the header right above the boilerplate; id.toml's company_intro phrases.
    text = (
        article + "Tentang PT Nusa Surya Energi Tbk\n"
        "PT Nusa Surya Energi Tbk adalah perusahaan energi terbarukan yang berfokus pada manufaktur modul surya.\n"
    )
    labels = confident_labels(text)
    assert labels[:2] == [Label.BODY] * 2
    assert labels[-2:] == [Label.OTHER] * 2


def test_company_named_at_the_article_start_stays_body(article, confident_labels):
    text = (
        "Northwind Labs is a leading provider of water sensors, and on Tuesday it said it would open a plant.\n"
        + article
    )
    assert set(confident_labels(text)) == {Label.BODY}


def test_source_list_after_the_article_is_not_body(article, confident_labels):
    text = (
        article + 'Sources:\nCity Gazette, "Bridge to close for a year", March 3\n'
        "Email interview with a council spokesman, March 4"
    )
    labels = confident_labels(text)
    assert labels[-3:] == [Label.OTHER] * 3
    assert set(labels[:-3]) == {Label.BODY}


def test_company_entry_under_its_own_heading_stays_body(article, confident_labels):
    text = (
        article
        + "Northwind Labs\nNorthwind Labs is a leading provider of water sensors for city utilities, with offices."
    )
    assert set(confident_labels(text)) == {Label.BODY}


def test_sources_word_split_out_of_a_sentence_ends_nothing(article, confident_labels):
    text = (
        article
        + "gathering data from a number of\nsources\nin order to understand the audience and then act on it."
    )
    assert set(confident_labels(text)) == {Label.BODY}


def test_word_runs_are_found_wherever_they_fall(article):
    """Only every tenth line is read first: a run of ten found from any offset, a run of nine never."""
    words = [f"tag{k}" for k in range(10)]
    for pad in range(12):
        for run in (words, words[:9]):
            lines = [f"Line {k} of the story, long enough to be no list word at all." for k in range(pad)]
            blocks = segment_text(article + "\n".join([*lines, *run, "The article goes on here."]))
            labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
            start = 2 + pad
            expected = Label.NAV if len(run) == 10 else Label.BODY
            assert labels[start : start + len(run)] == [expected] * len(run), (pad, len(run))


def test_a_writer_s_contact_sign_off_after_the_story_is_no_body() -> None:
    from warta.classify.tail import unmark_contact_sign_off
    from warta.model import Block, BlockStructure, Label

    def run(last: str) -> Label:
        texts = ["서울시가 노후 아파트 단지 안전점검을 늘린다.", "시는 결과를 주민에게 알리기로 했다.", last]
        blocks = [Block(i, t, BlockStructure(tag="p")) for i, t in enumerate(texts)]
        labels = [Label.BODY] * 3
        unmark_contact_sign_off(blocks, labels)
        return labels[-1]

    assert run("홍길동 기자 gildong@hanbitilbo.example") is Label.OTHER
    assert run("Jane Doe, Reporter (jane.doe@courier.example)") is Label.OTHER
    # an invitation to write is the article's (a FAQ's last answer), and so is a sentence
    assert run("Email us at npmc@newsproduct.org") is Label.BODY
    assert run("Readers can write to the council at help@city.example about the new schedule.") is Label.BODY


def test_a_labelled_source_line_closing_the_story_is_no_body() -> None:
    from warta.classify.tail import unmark_source_line
    from warta.lexicon import normalise_lines
    from warta.model import Block, BlockStructure, Label

    def run(last: str) -> Label:
        texts = [
            "Nowy most na Wiśle otwarto w środę w południe.",
            "Przeprawa ma odciążyć centrum miasta.",
            last,
        ]
        blocks = [Block(i, t, BlockStructure(tag="p")) for i, t in enumerate(texts)]
        labels = [Label.BODY] * 3
        unmark_source_line(blocks, labels, LEX, normalise_lines(texts))
        return labels[-1]

    assert run("Źródło: Kurier Nadwiślański, PAP") is Label.OTHER
    assert run("SOURCE: News agencies") is Label.OTHER
    # a sentence after the label is the story's, and so is a label with no colon ('Theo …')
    assert (
        run("Source: the city's own figures, which the council published in March and again in May.")
        is Label.BODY
    )
    assert run("Theo Sở Giao thông Vận tải Hà Nội") is Label.BODY


def test_a_reporter_s_name_alone_in_brackets_closing_the_story_is_no_body() -> None:
    from warta.classify.tail import unmark_bracketed_sign_off
    from warta.model import Block, BlockStructure, Label

    def run(last: str) -> Label:
        texts = ["市議会は路面電車の延伸計画を可決した。", "工事は来年春に始まる見通しだ。", last]
        blocks = [Block(i, t, BlockStructure(tag="p")) for i, t in enumerate(texts)]
        labels = [Label.BODY] * 3
        unmark_bracketed_sign_off(blocks, labels)
        return labels[-1]

    assert run("【佐藤美咲】") is Label.OTHER
    assert run("（山田 太郎）") is Label.OTHER
    # a bracketed Latin word, a long bracketed note or a sentence stays the story's
    assert run("(AP)") is Label.BODY
    assert run("【市は来年度予算に関連費用を計上する方針だ】") is Label.BODY
    assert run("市は説明会を開く。") is Label.BODY


def test_text_under_a_press_release_s_end_mark_is_neither_body_nor_a_sidebar() -> None:
    lines = [
        "The company opened its first tidal array on Tuesday, six turbines on the seabed of the sound.",
        "The array can power about four thousand homes and was paid for by local shareholders.",
        "Grants from the community fund will be open to schools and sports clubs from May.",
        "###",
        "Notes to editors",
        "Photographs of the array are available on request from the press office.",
        "About Tidewater Energy",
        "Tidewater Energy is a community benefit society founded by residents of the coast.",
    ]
    blocks = segment_text("\n".join(lines))
    labels = label_blocks(blocks, [0.9] * len(blocks), LEX)
    assert labels[:3] == [Label.BODY] * 3
    assert not {Label.BODY, Label.SIDEBAR} & set(labels[4:])


def test_comment_lines_under_the_footer_s_copyright_line_are_no_comments() -> None:
    lines = [
        "The ferry company was fined on Monday after a passenger fell through a gap at the quay.",
        "The judge said the safety checks had been wholly inadequate and ordered costs to be paid.",
        "Comments",
        "Worked on the crossings for twenty years and this was bound to happen one day.",
        "Fines should be a share of turnover, not a fixed sum that big firms can shrug off.",
        "© 2025 Example Media. All rights reserved.",
        "Example and its logo are registered trademarks of Example Media Inc.",
    ]
    blocks = segment_text("\n".join(lines))
    labels = label_blocks(blocks, [0.9, 0.9, 0.1, 0.5, 0.5, 0.1, 0.5], LEX)
    assert labels[3:5] == [Label.COMMENTS, Label.COMMENTS]
    assert labels[6] is not Label.COMMENTS
