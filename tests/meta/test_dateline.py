"""Datelines: inline at the start of the lead, or on a line of their own above it."""

from __future__ import annotations

import pytest

import warta
from warta.lexicon import load_lexicon
from warta.meta.dateline import find_dateline, is_dateline_line

LEX = load_lexicon()


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("JAKARTA, KOMPAS.com - Pemerintah menaikkan harga.", "JAKARTA, KOMPAS.com"),
        ("Jakarta (ANTARA) - Pemerintah menaikkan harga.", "Jakarta (ANTARA)"),
        ("JAKARTA, April 23 (Reuters) - The government raised prices.", "JAKARTA, April 23 (Reuters)"),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP)"),
        ("Pemerintah menaikkan harga - kata menteri.", None),
        # The outlet alone, or before the place: a domain-style name or a known agency, whole.
        ("KABARKITA.com - Pemerintah menaikkan harga.", "KABARKITA.com"),
        ("Kabar6.com, Bogor - Pemerintah menaikkan harga.", "Kabar6.com, Bogor"),
        ("Antara - Pemerintah menaikkan harga.", "Antara"),
        ("April 5 - the council met.", None),  # "ap" is an agency, but not the whole word
        ("G20 - leaders met on Monday.", None),  # upper-case, but with a digit: no place
        # A place beyond ASCII: "LEÓN, Gto.—", "BOGOTÁ (EFE) —"; lower-case is still no place.
        ("LEÓN, Gto.— El nivel de la presa bajó.", "LEÓN, Gto."),
        ("BOGOTÁ (EFE) — El Gobierno anunció medidas.", "BOGOTÁ (EFE)"),
        ("él dijo – que no vendría.", None),
        # A press-release wire between slashes: "JAKARTA, 3 Maret 2025 /PRNewswire/ --".
        (
            "JAKARTA, 3 Maret 2025 /PRNewswire/ -- PT Nusa Surya meresmikan.",
            "JAKARTA, 3 Maret 2025 /PRNewswire/",
        ),
        # A place in a script without case: a few words, then a dash or the Devanagari danda.
        ("इंदौर। शहर के सार्वजनिक परिवहन में बुधवार से बसें जुड़ीं।", "इंदौर"),
        ("नई दिल्ली। केंद्र सरकार ने नई योजना शुरू की।", "नई दिल्ली"),
        ("الرباط - أطلقت سلطات مدينة الرباط شبكة جديدة.", "الرباط"),
        ("وقال رئيس مجلس الجماعة خلال الحفل - إن الشبكة جديدة.", None),  # a sentence, not a place
        ("यह भी पढ़ें कि शहर में क्या हुआ। आगे की खबर।", None),
    ],
)
def test_inline_datelines(lead: str, dateline: str | None) -> None:
    assert find_dateline(lead, LEX) == dateline


def test_the_page_s_own_site_name_alone_is_a_dateline() -> None:
    assert find_dateline("Warta Raya -- Puluhan petani garam.", LEX, ["Warta Raya"]) == "Warta Raya"
    assert find_dateline("Warta Raya -- Puluhan petani garam.", LEX) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Liputan6.com, Jakarta", True),
        ("JAKARTA, KOMPAS.com -", True),
        ("Surabaya (ANTARA)", True),
        ("Jakarta, Senin", False),  # a place and a weekday: no outlet
        ("Harga Beras, Jakarta", False),
        ("Liputan6.com, harga beras naik lagi di pasar", False),
        # an outlet the agency list does not know, by its domain-style name (as `find_dateline`)
        ("SURABAYA, Pesisirkini.com", True),
        ("Pesisirkini.com, Surabaya -", True),
    ],
)
def test_dateline_on_its_own_line(line: str, expected: bool) -> None:
    assert is_dateline_line(line, LEX) is expected


def test_a_dateline_line_above_the_lead_opens_the_body() -> None:
    lead = (
        "Pemerintah kota menyiapkan 40 unit bus tambahan untuk melayani warga selama masa libur sekolah, "
        "dengan rute baru yang menghubungkan terminal dan kawasan wisata."
    )
    text = "\n".join(
        [
            "Kabar Kota",
            "Bus Tambahan Disiapkan untuk Libur Sekolah",
            "Liputan6.com, Surabaya",
            lead,
            "Kepala dinas perhubungan mengatakan armada tambahan akan beroperasi mulai pekan depan di seluruh rute.",
            "Warga diminta memantau jadwal keberangkatan melalui aplikasi resmi pemerintah kota setiap hari.",
        ]
    )
    article = warta.extract(text, kind="text")
    assert article.dateline == "Liputan6.com, Surabaya"
    assert article.body[0].text.startswith("Liputan6.com, Surabaya Pemerintah kota")


def test_the_sites_own_name_after_the_place_makes_a_dateline() -> None:
    lead = "Jakarta, Warta Raya -- Puluhan petani garam mulai beralih."
    assert find_dateline(lead, LEX) is None
    assert find_dateline(lead, LEX, ["Warta Raya"]) == "Jakarta, Warta Raya"
    assert find_dateline("Meanwhile, Warta Raya - said.", LEX, ["Kabar Kini"]) is None


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("KUALA TERENGGANU: Kerajaan negeri memperuntukkan RM12 juta tahun ini.", "KUALA TERENGGANU"),
        ("ISLAMABAD: The federal cabinet approved the budget on Monday.", "ISLAMABAD"),
        ("BREAKING: A fire broke out at the port on Monday.", None),
        ("DEAR ABBY: My husband and I have been married for ten years.", None),
        ("UK: Prices rose again in May.", None),
    ],
)
def test_an_upper_case_place_before_a_colon_is_a_dateline(lead: str, dateline: str | None) -> None:
    assert find_dateline(lead, load_lexicon()) == dateline


def test_a_transcripts_speaker_label_is_no_colon_dateline() -> None:
    lexicon = load_lexicon()
    lead = "TRUMP: We are going to fix the roads, and we will fix them fast."
    assert find_dateline(lead, lexicon, following="REPORTER: When will the work start?") is None
    place = "ISLAMABAD: The federal cabinet approved the budget on Monday."
    assert find_dateline(place, lexicon, following="The vote came late at night.") == "ISLAMABAD"
