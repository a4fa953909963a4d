"""Lexicon phrases match whole words, never inside a longer one (`warta.lexicon.phrase_in`).

Indonesian builds words with affixes ("memberikan", "hak ciptanya") and English with suffixes
("copyrighted", "workers"): a phrase found inside such a word is article text, not a marker.
"""

import pytest

from warta.classify.labels import label_blocks
from warta.classify.markers import is_menu_row, markers_of
from warta.lexicon import (
    _FOUND_ONE_BY_ONE,
    JoinedLines,
    load_lexicon,
    normalise_lines,
    normalise_marker,
    phrase_in,
)
from warta.model import Label
from warta.segment.text import segment_text

LEX = load_lexicon()
ARTICLE = (
    "The council voted on Tuesday to close the old bridge for repairs that will take most of the coming year, "
    "officials said, after inspectors found cracks in two of its supporting piers during a routine check.\n"
    "Drivers will be sent along the river road instead, which the city says can carry the extra traffic.\n"
)


def _labels_among_news(line: str) -> list[Label]:
    """Labels of `line` between two news paragraphs when the model calls every line body."""
    blocks = segment_text(ARTICLE + line + "\n" + ARTICLE)
    return label_blocks(blocks, [0.9] * len(blocks), LEX)


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("warga memberikan donasi untuk korban", "berikan donasi", False),  # a prefix glued on
        ("berikan donasi anda hari ini", "berikan donasi", True),
        ("menggugat label atas hak ciptanya", "hak cipta", False),  # a suffix glued on
        ("the photo is copyrighted", "copyright", False),
        ("copyright 2024 acme", "copyright", True),
        ("copyright2024 acme", "copyright", True),  # a digit is no letter: still the word
        ("5min read", "min read", True),
        ("the admin reads it", "min read", False),
        ("©2024 acme", "©", True),  # an edge that is no letter stays free
        ("lihat juga:berita lain", "lihat juga:", True),
        ("not copyrighted, copyright acme", "copyright", True),  # a later occurrence can match
        ("", "copyright", False),
    ],
)
def test_a_phrase_matches_only_as_whole_words(text: str, phrase: str, found: bool) -> None:
    assert phrase_in(text, phrase) is found
    assert LEX.contains_any(text, (phrase,)) is found
    assert JoinedLines.of(["line before", text, "line after"]).containing((phrase,)) == [False, found, False]


def test_substring_matching_is_still_there_for_pre_tests_and_features() -> None:
    assert LEX.contains_substring("the photo is copyrighted", ("copyright",))
    lines = JoinedLines.of(["the photo is copyrighted"])
    assert lines.containing(("copyright",), whole_words=False) == [True]


def test_lines_meet_at_a_word_edge_in_joined_lines() -> None:
    # "\n" joins the lines: a phrase at a line's end is not glued to the next line's first word.
    assert JoinedLines.of(["baca hak cipta", "nya lagi"]).containing(("hak cipta",)) == [True, False]


@pytest.mark.parametrize(
    "line",
    [
        "Penyanyi itu menggugat perusahaan rekaman atas hak ciptanya.",  # not "hak cipta": a footer
        "The photo is copyrighted by the agency, the court heard.",  # not "copyright": a footer
        "Unions urged lawmakers to support our workers at the plant.",  # not "support our work"
        "The agency publishes four newsletters a year on water quality.",  # not "our newsletters"
        "Some browsers refuse cookies to protect privacy, experts say.",  # not "use cookies to"
        "Warga memberikan donasi untuk korban banjir di posko kelurahan.",  # not "berikan donasi"
        "Dewan Pers mendukung jurnalisme yang berimbang menjelang pemilu.",  # not "dukung jurnalisme"
    ],
)
def test_news_lines_holding_a_phrase_inside_a_word_stay_body(line: str) -> None:
    assert markers_of(normalise_lines([line]), LEX) == [None]
    assert _labels_among_news(line) == [Label.BODY] * 5


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Hak cipta © 2025 Harian Kota. Dilarang mengutip tanpa izin.", Label.FOOTER),
        ("Copyright 2025 Acme News. All rights reserved.", Label.FOOTER),
        ("Please support our work with a small monthly gift.", Label.AD),
        ("Sign up for our newsletters and get the news first.", Label.AD),
        ("We use cookies to improve your experience on this site.", Label.AD),
        ("Situs ini menggunakan cookies untuk pengalaman yang lebih baik.", Label.AD),
        ("Berikan donasi Anda untuk membantu redaksi tetap independen.", Label.AD),
        ("Dukung jurnalisme independen dengan berlangganan.", Label.AD),
        ("Komentar akan dimoderasi sebelum tampil.", Label.COMMENTS),
    ],
)
def test_boilerplate_lines_are_still_marked(line: str, label: Label) -> None:
    assert markers_of(normalise_lines([line]), LEX) == [label]
    assert _labels_among_news(line)[2] is label


def test_a_menu_row_counts_whole_phrases_only() -> None:
    assert is_menu_row("Tentang Kami Kebijakan Privasi Pedoman Media Siber", LEX)
    # "tentang kami" and "info iklan" are there only inside "kamis" and "iklannya"
    assert not is_menu_row("Tentang kamisan dan info iklannya pekan ini di kota", LEX)


def test_a_reading_time_needs_the_whole_words() -> None:
    assert LEX.is_reading_time("5 min read")
    assert LEX.is_reading_time("Waktu baca: 3 menit")
    assert not LEX.is_reading_time("Admin reads 3 posts")  # "min read" inside "admin reads"


def test_normalise_lines_is_normalise_marker_line_by_line():
    """The page-wide pass (with its shortcut for pages whose only whitespace is single spaces)
    gives what normalising each text alone gives, whatever whitespace the texts hold."""
    import random

    pieces = [" ", "  ", "\t", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", "\u2028", "\r", "\n"]
    pieces += [*"ab:.-|»›>•*·#Σİ", "ﬁ", "Ａ", "é", "e\u0301"]
    rnd = random.Random(7)
    for _ in range(3000):
        texts = [
            "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))) for _ in range(rnd.randint(1, 5))
        ]
        assert normalise_lines(texts) == [normalise_marker(t) for t in texts], texts
    clean = ["Baca juga: Judul Lain", "» Beranda ›", "  spaced  out  ", "Tab\there"]
    assert normalise_lines(clean) == [normalise_marker(t) for t in clean]


def test_normalise_lines_normalises_only_the_lines_nfkc_changes():
    """Pages normalised line by line (only the lines NFKC changes) give what normalising each text
    alone gives: NFKC never reorders or composes across a line break, also where a line opens
    with combining marks or ends with a character that composes with what would follow."""
    import random

    pieces = ["\u0301", "\u0308", "\u3099", "\uff9e", "\u0344", "\u1100", "\u1161", "\u11a8", "…", "\xa0"]
    pieces += [*"aeAEkaｶ", "ﬁ", "İ", "\u212a", "\n", " ", "🌉", "𝐀"]
    rnd = random.Random(11)
    for _ in range(3000):
        texts = [
            "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8))) for _ in range(rnd.randint(1, 6))
        ]
        assert normalise_lines(texts) == [normalise_marker(t) for t in texts], texts


@pytest.mark.parametrize("whole_words", [True, False])
def test_containing_each_is_containing_of_each_list(whole_words):
    """Every way the single-word needles are looked for (one by one where they are few, by one
    regex where they are many, from their ends where they end in a mark: "(foto:" and "foto:"
    end together) finds what `containing` finds, list by list."""
    lines = [
        "© 2025 media, all rights reserved",
        "copyrighted photo",
        "photo: reuters",
        "leave a reply",
        "about us contact us",
        "the council voted to close the bridge",
        "",
        "cookie-einstellungen anpassen",
        "(foto: antara) infoto: x",
        "xfoto:",
    ]
    few = (("©", "copyright", "all rights reserved"), ("leave a reply", "about us"))
    many = (
        ("photo:", "foto:", "credit:", "image:", "bild:", "quelle:", "gambar:", "©", "(foto:"),
        ("contact us", "reply", "sumber:", "fonte:", "kredit:", "fotografía:", "quelle", "antara"),
    )
    joined = JoinedLines.of(lines)
    singles = {needle for needles in many for needle in needles if " " not in needle}
    assert len(singles) > _FOUND_ONE_BY_ONE >= len({n for ns in few for n in ns if " " not in n})
    for lists in (few, many):
        expected = [joined.containing(needles, whole_words=whole_words) for needles in lists]
        assert joined.containing_each(lists, whole_words=whole_words) == expected


@pytest.mark.parametrize("whole_words", [True, False])
def test_containing_each_finds_overlapping_phrases(whole_words):
    """Each search goes on one past its last match, not past its end: phrases that overlap, whose
    first space lies inside another's tail, or that share a tail with a longer one are all found
    (as `containing` finds them)."""
    lists = (
        ("privacy policy and cookies", "cookie policy"),
        ("policy and cookies settings here", "and cookies"),
        ("all rights reserved", "rights reserved by the publisher of this page"),
    )
    lines = [
        "read our privacy policy and cookies settings here",
        "our cookie policy and cookies settings here",
        "all rights reserved by the publisher of this page today",
        "xprivacy policy and cookies",
        "the council voted",
        "rights reserved",
    ]
    joined = JoinedLines.of(lines)
    expected = [joined.containing(needles, whole_words=whole_words) for needles in lists]
    assert joined.containing_each(lists, whole_words=whole_words) == expected
