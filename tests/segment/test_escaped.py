"""A page stored in a scraper's export cell (`warta.segment.escaped`): its escaped lines read back."""

import json

import warta
from warta.segment.escaped import unescaped

PAGE = "\n".join(
    [
        "Jembatan Gantung Desa Sade Diperbaiki - Kabar Lombok",
        "Beranda",
        "Wisata",
        "Jembatan Gantung Desa Sade Diperbaiki",
        "Reporter: Baiq Aisyah",
        "Senin, 12 Mei 2025 | 08:15 WITA",
        "PRAYA – Jembatan gantung yang menghubungkan Desa Sade dengan jalan kabupaten mulai diperbaiki "
        "pekan ini setelah tali bajanya putus diterjang banjir bulan lalu.",
        "“Warga sudah sebulan memutar sejauh tujuh kilometer,” kata Kepala Desa Sade, Lalu Hamzan.",
        "Perbaikan dibiayai dana desa sebesar Rp180 juta dan ditargetkan selesai dalam tiga pekan.",
        "© 2025 Kabar Lombok",
    ]
)


def test_a_json_escaped_cell_is_read_as_the_lines_it_spells() -> None:
    cell = json.dumps(PAGE)[1:-1]  # one line: "\n" and "\u201c" as escapes
    assert "\n" not in cell
    assert unescaped(cell) == PAGE
    article = warta.extract(cell, kind="text")
    assert article.title == "Jembatan Gantung Desa Sade Diperbaiki"
    assert [p.name for p in article.authors] == ["Baiq Aisyah"]
    assert article.body[0].text.startswith("PRAYA – Jembatan gantung")
    assert "\\n" not in article.text and "\\u" not in article.text


def test_a_cell_whose_lines_were_collapsed_with_bars_is_split_at_them() -> None:
    cell = PAGE.replace("\n", " | ")
    # (the date line's own bar splits it too: the collapsed form cannot tell them apart)
    assert unescaped(cell) == PAGE.replace("2025 | 08:15", "2025\n08:15")


def test_ordinary_text_is_left_alone() -> None:
    assert unescaped(PAGE) is None  # real line breaks
    assert unescaped("One line that mentions C's \\n escape once.") is None
    assert unescaped("Home | News | Sport | Contact") is None  # a menu, not a collapsed page
    # a real page with a few literal escapes in its code samples keeps them
    code = "Use print('a\\nb')\n" * 5
    assert unescaped(code) is None
