"""Unit tests for the general fixes of the ninth blind HTML round (session 30): each on a line or
a small page written for it (`bench/results/heldout-fixtures-8.md`)."""

from __future__ import annotations

from warta.assemble.layout import editors_note_in_body, is_editors_note, standfirst
from warta.assemble.lists import _inline_dated, _read_also
from warta.classify.html_labels import refine_html_labels
from warta.classify.markers import _KEYWORD_LIST
from warta.lexicon import load_lexicon, normalise_marker
from warta.meta.byline import find_bylines
from warta.meta.datetext import find_dates, grammar_of
from warta.model import Block, BlockStructure, Label

LEX = load_lexicon()
TH = load_lexicon(page_language="th")
ZH = load_lexicon(page_language="zh")
PARAGRAPH = (
    "The council voted on Monday to approve the plan after a long debate about traffic, parking and "
    "the number of affordable homes the developer must deliver on the old depot site."
)


def test_a_chinese_sentence_with_commas_is_no_keyword_list() -> None:
    # NFKC folds the clause commas "，" to ",", not the full stop "。"
    sentence = normalise_marker(
        "据市交通集团介绍，高峰间隔为4分钟，平峰时段为7分钟，首班车6时发车，末班车22时发出。"
    )
    assert _KEYWORD_LIST.match(sentence) is None
    assert _KEYWORD_LIST.match("how to retire early,early retirement,retiring early,personal finance")


def test_the_buddhist_era_is_read_on_a_thai_page_only() -> None:
    found = find_dates("12 มี.ค. 2568 14:05 น.", None, TH, grammar_of(TH))
    assert [(m.value.isoformat(), m.text) for m in found] == [("2025-03-12T14:05:00", "12 มี.ค. 2568 14:05")]
    assert [m.value.date().isoformat() for m in find_dates("12/03/2568", None, TH, grammar_of(TH))] == [
        "2025-03-12"
    ]
    # the merged calendar (every other page) knows no era: 2568 is no year there
    assert find_dates("12 March 2568", None, LEX, grammar_of(LEX)) == []


def test_a_chinese_date_with_its_year_month_and_day_marks() -> None:
    found = find_dates("2025年03月12日 14:05 来源：江城日报", None, ZH, grammar_of(ZH))
    assert [(m.value.isoformat(), m.text) for m in found] == [("2025-03-12T14:05:00", "2025年03月12日 14:05")]
    assert not [n for n, _ in grammar_of(LEX).patterns if n == "ymd_marked"]  # no pattern elsewhere


def test_a_read_also_title_after_a_full_width_colon() -> None:
    block = Block(0, "延伸阅读：江城今年将新开通两条地铁线路", BlockStructure(href="https://x.example/a"))
    assert [i.title for i in _read_also([block], ZH)] == ["江城今年将新开通两条地铁线路"]


def test_a_date_glued_to_the_end_of_a_list_entry() -> None:
    assert _inline_dated("地铁6号线首通段完成空载试运行 各项指标符合要求2025-03-05", LEX) == (
        "地铁6号线首通段完成空载试运行 各项指标符合要求",
        "2025-03-05",
    )
    assert _inline_dated("新闻标题12/03/2025", LEX) == ("新闻标题", "12/03/2025")
    assert _inline_dated("Released v1.2.2024", LEX) is None  # a version, not a date
    assert _inline_dated("Covid cases 2020-2021", LEX) is None


def test_credits_in_a_chinese_meta_row_and_an_editor_in_brackets() -> None:
    lines = [
        ("江城地铁6号线首通段开通试运营", Label.TITLE),
        ("2025年03月12日 14:05 来源：江城日报 记者 王晓明 周婷 字号：大 中 小", Label.OTHER),
        ("本报讯 3月12日上午9时，江城地铁6号线首通段正式开通试运营，全长18.6公里。", Label.BODY),
        ("（责任编辑：李娜）", Label.OTHER),
    ]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    found = find_bylines(blocks, [label for _, label in lines], ZH, None)
    assert [p.name for p in found.authors] == ["王晓明", "周婷"]
    assert [p.name for p in found.editors] == ["李娜"]


def test_a_thai_name_before_its_buddhist_era_date() -> None:
    lines = [
        ("หัวข้อข่าว", Label.TITLE),
        ("โดย ณัฐพล ศรีสุข 12 มี.ค. 2568 14:05 น. 3,482 ครั้ง", Label.OTHER),
        ("จังหวัดเชียงใหม่เริ่มทดลองเดินรถไฟฟ้ารางเบาสายสีแดงช่วงแรกอย่างเป็นทางการเมื่อเช้าวันพุธ", Label.BODY),
    ]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    found = find_bylines(blocks, [label for _, label in lines], TH, None)
    assert [p.name for p in found.authors] == ["ณัฐพล ศรีสุข"]


def test_a_dated_meta_row_under_the_headline_is_no_deck() -> None:
    blocks = [
        Block(0, "Headline"),
        Block(1, "03/01/2017 by Agatha Caleo, Candidate Representative"),
        Block(2, PARAGRAPH),
    ]
    labels = [Label.TITLE, Label.OTHER, Label.BODY]
    assert standfirst(blocks, labels, 0, LEX) is None
    deck = [
        Block(0, "Headline"),
        Block(1, "A deck that sums the story up in a dozen words or so"),
        Block(2, PARAGRAPH),
    ]
    assert standfirst(deck, [Label.TITLE, Label.OTHER, Label.BODY], 0, LEX) is not None


def test_an_instagram_embed_is_not_the_story() -> None:
    story, embed = ("article", "body"), ("article", "body", "instagram", "media")
    blocks = [
        Block(0, PARAGRAPH, BlockStructure(class_tokens=story, tag="p")),
        Block(
            1, "Nap time after a big day of being famous. #tapir", BlockStructure(class_tokens=embed, tag="p")
        ),
        Block(
            2,
            "A post shared by Harbor City Zoo (@harborcityzoo)",
            BlockStructure(class_tokens=embed, tag="p"),
        ),
        Block(3, PARAGRAPH, BlockStructure(class_tokens=story, tag="p")),
    ]
    labels = refine_html_labels(blocks, [Label.BODY] * 4, [0.97, 0.55, 0.55, 0.97])
    assert labels == [Label.BODY, Label.OTHER, Label.OTHER, Label.BODY]


def test_editors_notes() -> None:
    assert is_editors_note("Correction, March 4: An earlier version of this article misstated the vote.", LEX)
    assert is_editors_note("Update: This story has been updated with comments from the mayor.", LEX)
    assert not is_editors_note("Updated: March 4, 2025 8:10 a.m.", LEX)  # a date line
    assert not is_editors_note("Correctional officers said the inmates were moved on Monday night.", LEX)


def test_an_editors_note_under_the_story_is_body() -> None:
    blocks = [
        Block(0, PARAGRAPH),
        Block(1, "Megan Torres covers local government for the Prairie Courier."),
        Block(2, "Correction, March 4: An earlier version of this article misstated the vote. It was 6-1."),
        Block(3, "Related stories"),
    ]
    labels = [Label.BODY, Label.OTHER, Label.OTHER, Label.RELATED]
    editors_note_in_body(blocks, labels, LEX)
    assert labels == [Label.BODY, Label.OTHER, Label.BODY, Label.RELATED]
