from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.enrich import EnrichContext
from warta.enrich.mentions import paragraph_dates
from warta.enrich.quantities import find_quantities, parse_numeral, quantity_grammar

LANGUAGES = ("id", "en")


def _found(text: str, language: str = "id") -> list[tuple[str, float, str | None, str]]:
    context = EnrichContext(LANGUAGES, language, None)
    return [(q.text, q.value, q.unit, q.kind) for q in find_quantities([text], context)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "Dana Rp 1,5 triliun cair.", ("Rp 1,5 triliun", 1.5e12, "IDR", "money")),
        ("id", "Harganya Rp1.500 per bungkus.", ("Rp1.500", 1500.0, "IDR", "money")),
        ("id", "Uang saku Rp 50 ribu sehari.", ("Rp 50 ribu", 50000.0, "IDR", "money")),
        ("id", "Nilainya Rp5 M saja.", ("Rp5 M", 5e9, "IDR", "money")),
        ("id", "Utangnya 5 juta dolar AS.", ("5 juta dolar AS", 5e6, "USD", "money")),
        ("en", "A deal worth US$3 billion.", ("US$3 billion", 3e9, "USD", "money")),
        ("en", "Tickets cost $40.", ("$40", 40.0, "USD", "money")),
        ("en", "He was sold for £40m.", ("£40m", 4e7, "GBP", "money")),
        ("en", "A bill of €2.5bn.", ("€2.5bn", 2.5e9, "EUR", "money")),
        ("en", "A loan of USD 100 was paid.", ("USD 100", 100.0, "USD", "money")),
        ("id", "Inflasi 2,5 persen.", ("2,5 persen", 2.5, "%", "percent")),
        ("en", "Inflation hit 2.5%.", ("2.5%", 2.5, "%", "percent")),
        ("en", "Sales rose 15 percent.", ("15 percent", 15.0, "%", "percent")),
        ("id", "Sebanyak 15 ribu orang hadir.", ("15 ribu", 15000.0, None, "count")),
        ("en", "Some 1.2 million people voted.", ("1.2 million", 1.2e6, None, "count")),
        ("id", "Tiga orang tewas.", ("Tiga", 3.0, None, "count")),
        ("id", "Ada dua puluh lima siswa.", ("dua puluh lima", 25.0, None, "count")),
        ("en", "Twenty-five soldiers died.", ("Twenty-five", 25.0, None, "count")),
        ("en", "Dozens of houses burned.", ("Dozens", 24.0, None, "count")),
        ("id", "Jaraknya 30 km dari kota.", ("30 km", 30.0, "km", "measure")),
        ("id", "Suhu 45 derajat Celsius.", ("45 derajat Celsius", 45.0, "°C", "measure")),
        ("id", "Air setinggi 50 sentimeter.", ("50 sentimeter", 50.0, "cm", "measure")),
        ("en", "A parcel of 5 kg.", ("5 kg", 5.0, "kg", "measure")),
        ("id", "Lahan 10 hektare terbakar.", ("10 hektare", 10.0, "ha", "measure")),
        ("en", "It is 3 miles long.", ("3 miles", 3.0, "mi", "measure")),
        ("id", "Disita 2,5 ton beras.", ("2,5 ton", 2.5, "t", "measure")),
    ],
)
def test_reads_money_percent_counts_and_measures(
    language: str, text: str, expected: tuple[str, float, str | None, str]
) -> None:
    assert _found(text, language) == [expected]


def test_the_paragraph_language_decides_an_ambiguous_separator() -> None:
    assert _found("Ada 1.500 unit.", "id") == [("1.500", 1500.0, None, "count")]
    assert _found("Ada 1.500 unit.", "en") == [("1.500", 1.5, None, "count")]
    assert _found("Sold 1,500,000 units.", "en") == [("1,500,000", 1500000.0, None, "count")]
    assert _found("Ada 1.500.000 warga.", "id") == [("1.500.000", 1500000.0, None, "count")]
    # a separator that cannot group three digits is the decimal point in either language
    assert _found("Naik 2,75 persen.", "en") == [("2,75 persen", 2.75, "%", "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "Pada 2025 kebijakan itu berlaku.",  # a year
        "Sidang digelar 28 April 2025.",  # a date
        "Ia tiba pukul 10.00 WIB.",  # a time
        "Hubungi 0812-3456-7890 segera.",  # a phone number
        "Sesuai Pasal 5 dan UU Nomor 12 Tahun 2011.",  # references
        "Kasus Covid-19 turun, jaringan 5G meluas, ia juara ke-3.",  # numbers glued to words
        "Ia ditahan dua hari lalu.",  # a relative date
        "Dia salah satu saksi dan satu-satunya korban.",  # number words that count nothing
        "Skor akhir 2-1 untuk tuan rumah pada 28/4.",  # a score, a day and month
    ],
)
def test_years_dates_times_phones_and_references_are_no_quantities(text: str) -> None:
    assert _found(text) == []


def test_every_span_is_the_text_it_names() -> None:
    paragraphs = [
        "Anggaran Rp 1,5 triliun untuk 120 sekolah, naik 2,5 persen.",
        "The club paid £40m, and 3 miles away 1.2 million people waited.",
    ]
    found = find_quantities(paragraphs, EnrichContext(LANGUAGES, "id", None))
    assert len(found) == 6
    assert all(paragraphs[q.paragraph][q.start : q.end] == q.text for q in found)
    assert [q.paragraph for q in found] == [0, 0, 0, 1, 1, 1]


def test_the_grammar_is_built_once_per_language_set() -> None:
    assert quantity_grammar(LANGUAGES) is quantity_grammar(LANGUAGES)
    # an English-only reader knows no Indonesian scale word
    english = EnrichContext(("en",), "en", None)
    assert [q.text for q in find_quantities(["Rp 5 juta"], english)] == ["5"]


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_read_back_in_both_conventions(n: int) -> None:
    grammar = quantity_grammar(LANGUAGES)
    english = f"{n:,}"
    indonesian = english.replace(",", ".")
    assert parse_numeral(english, grammar.formats["en"]) == n
    assert parse_numeral(indonesian, grammar.formats["id"]) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimals_read_back_in_both_conventions(whole: int, cents: int) -> None:
    grammar = quantity_grammar(LANGUAGES)
    english = f"{whole:,}.{cents:02d}"
    indonesian = english.replace(",", "_").replace(".", ",").replace("_", ".")
    expected = float(f"{whole}.{cents:02d}")
    assert parse_numeral(english, grammar.formats["en"]) == expected
    assert parse_numeral(indonesian, grammar.formats["id"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hubungi layanan di 021 555 1234 atau +62 811 2345 678.",
        "Call 0161 496 0000 for details.",
    ],
)
def test_phone_numbers_written_in_groups_are_no_quantities(text: str) -> None:
    assert _found(text) == []


def test_a_long_amount_after_a_currency_is_money() -> None:
    assert _found("Ia membayar Rp1500000 tunai.") == [("Rp1500000", 1500000.0, "IDR", "money")]


def test_ke_before_a_number_is_to_not_an_ordinal_mark() -> None:
    # ("ke-3" is glued: no quantity; "naik ke 18 persen" rises to 18 percent)
    assert _found("Suhu turun ke 18 derajat Celsius dan bunga naik ke 6 persen.") == [
        ("18 derajat Celsius", 18.0, "°C", "measure"),
        ("6 persen", 6.0, "%", "percent"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "id",
            "Harganya Rp 4 - 6 ribu.",
            [("Rp 4", 4000.0, "IDR", "money"), ("6 ribu", 6000.0, "IDR", "money")],
        ),
        ("id", "Naik 10-15 persen.", [("10", 10.0, "%", "percent"), ("15 persen", 15.0, "%", "percent")]),
        ("id", "Jaraknya 30–40 km.", [("30", 30.0, "km", "measure"), ("40 km", 40.0, "km", "measure")]),
        ("id", "Ada 5 hingga 7 juta orang.", [("5", 5e6, None, "count"), ("7 juta", 7e6, None, "count")]),
        (
            "en",
            "Prices rose 5 to 10 percent.",
            [("5", 5.0, "%", "percent"), ("10 percent", 10.0, "%", "percent")],
        ),
        ("en", "A $3-4 billion bid.", [("$3", 3e9, "USD", "money"), ("4 billion", 4e9, "USD", "money")]),
    ],
)
def test_both_ends_of_a_range_take_what_the_second_says(
    language: str, text: str, expected: list[tuple[str, float, str | None, str]]
) -> None:
    assert _found(text, language) == expected


def test_a_dash_between_bare_numbers_is_no_range() -> None:
    assert _found("Skor akhir 2-1, masa jabatan 1999-2004, telepon 0812-3456-7890.") == []


def test_counts_inside_the_dates_given_are_left_out() -> None:
    # The enricher reads each paragraph's dates once (`paragraph_dates`) for the mentions and the
    # quantities: given, they are the spans no count is read in; not given, they are read here.
    context = EnrichContext(LANGUAGES, "en", datetime(2025, 5, 2, 9, 30))
    paragraphs = ["40 members vote at 3 pm today.", "Dana Rp 5 juta untuk 12 sekolah."]
    dates = paragraph_dates(paragraphs, context)
    found = find_quantities(paragraphs, context, dates)
    assert [q.text for q in found] == ["40", "Rp 5 juta", "12"]
    assert find_quantities(paragraphs, context) == found
    assert [q.text for q in find_quantities(paragraphs, context, [[], []])][:2] == ["40", "3"]


def _counted(text: str, language: str) -> list[tuple[str, str | None]]:
    context = EnrichContext(LANGUAGES, language, None)
    return [(q.text, q.counted) for q in find_quantities([text], context)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the noun right after the number, with the words that belong to it
        ("en", "The army moved 14,000 troops north.", [("14,000", "troops")]),
        ("en", "Builders finished 300 new homes.", [("300", "new homes")]),
        ("en", "The UN sent 40 aid lorries and 12 US drones.", [("40", "aid lorries"), ("12", "US drones")]),
        ("id", "Banjir merendam 1.200 rumah warga di tepi sungai.", [("1.200", "rumah warga")]),
        ("id", "Dinas membangun 45 sekolah baru tahun ini.", [("45", "sekolah baru")]),
        # after a classifier word; the classifier alone where no noun follows
        ("id", "Peternak itu menjual 5 ekor sapi ke pasar.", [("5", "sapi")]),
        ("id", "Desa menerima 30 unit pompa air.", [("30", "pompa air")]),
        ("id", "Jumlah korban jiwa mencapai 12 orang.", [("12", "orang")]),
        ("id", "Dua orang tertimpa pohon tumbang.", [("Dua", "orang")]),
        # after a connector, and after a measure's unit
        ("en", "Dozens of fishermen gathered at the port.", [("Dozens", "fishermen")]),
        ("en", "The ship spilled two million barrels of crude.", [("two million barrels", "crude")]),
        ("id", "Petugas menyita 3 ton gula pasir dari gudang.", [("3 ton", "gula pasir")]),
        # a verb, a function word, punctuation or a name ends it
        ("id", "Sebanyak 800 warga mengungsi ke balai desa.", [("800", "warga")]),
        ("id", "Ada 40 relawan Palang Merah di lokasi.", [("40", "relawan")]),
        ("en", "About 600 families fleeing the floods slept outdoors.", [("600", "families")]),
        ("en", "Police detained 9 men, officials said.", [("9", "men")]),
        # nothing counted: no noun follows, or the quantity is money or a percentage
        ("id", "Tujuh lainnya masih dirawat.", [("Tujuh", None)]),
        ("id", "Sebanyak 20 dikerahkan ke sana.", [("20", None)]),
        ("en", "Three of the climbers were rescued.", [("Three", None)]),
        ("en", "Four were killed.", [("Four", None)]),
        (
            "id",
            "Harga naik 5 persen menjadi Rp 12 ribu per kilogram.",
            [("5 persen", None), ("Rp 12 ribu", None)],
        ),
        ("id", "Jaraknya 30 km dari kota.", [("30 km", None)]),
    ],
)
def test_a_count_says_what_it_counts(
    language: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _counted(text, language) == expected


def test_both_ends_of_a_range_count_what_follows_it() -> None:
    assert _counted("Sebanyak 10-15 persen saham dijual.", "id") == [("10", None), ("15 persen", None)]
    assert _counted("Polisi menyita 4-6 ton ganja kering.", "id") == [
        ("4", "ganja kering"),
        ("6 ton", "ganja kering"),
    ]


def test_the_counted_phrase_stays_on_its_line() -> None:
    assert _counted("Ada 3\nrumah rusak.", "id") == [("3", None)]


def test_an_english_plural_ends_the_phrase() -> None:
    assert _counted("Some 9,000 employees use the app.", "en") == [("9,000", "employees")]
    assert _counted("Officers found 5 glass jars.", "en") == [("5", "glass jars")]


def test_a_language_without_counted_data_counts_nothing() -> None:
    context = EnrichContext(LANGUAGES, "de", None)
    assert [q.counted for q in find_quantities(["Es kamen 300 Menschen."], context)] == [None]
    unknown = EnrichContext(LANGUAGES, None, None)
    assert [q.counted for q in find_quantities(["Ada 300 warga."], unknown)] == ["warga"]


def test_a_number_in_a_name_counts_nothing_unless_a_classifier_follows() -> None:
    assert _counted("Our Pixel 3 review is out.", "en") == [("3", None)]
    assert _counted("He flew a Boeing 737 jet. Nearly 300 flights were cancelled.", "en") == [
        ("737", None),
        ("300", "flights"),
    ]
    assert _counted("Dari pihak Ali 25.000 orang gugur.", "id") == [("25.000", "orang")]


def test_an_abbreviation_after_a_count_is_not_read() -> None:
    assert _counted("Some 398,000 U.S. troops left.", "en") == [("398,000", None)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "Sepertiga dari lahan itu rusak.", ("Sepertiga", 100 / 3, "%", "percent")),
        ("id", "Separuh dari anggaran terserap.", ("Separuh", 50.0, "%", "percent")),
        ("en", "Two-thirds of the members voted yes.", ("Two-thirds", 200 / 3, "%", "percent")),
        ("en", "Turnout dropped by a fifth.", ("a fifth", 20.0, "%", "percent")),
    ],
)
def test_a_fraction_of_a_whole_is_a_percentage(
    language: str, text: str, expected: tuple[str, float, str | None, str]
) -> None:
    found = _found(text, language)
    assert len(found) == 1 and found[0][0] == expected[0] and found[0][2:] == expected[2:]
    assert found[0][1] == pytest.approx(expected[1])


def test_a_part_of_a_year_or_an_hour_is_no_fraction() -> None:
    assert _found("Sales rose in the first half of the season.", "en") == []
    assert _found("He waited half an hour.", "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "The developer half of that duo has to hold up their end.",
        "Select the left half of the drawing, then copy it.",
        "Keep something interesting in each third of your frame.",
    ],
)
def test_a_part_of_one_thing_is_no_share(text: str) -> None:
    assert _found(text, "en") == []


def test_a_share_after_a_clause_with_a_determiner_is_still_one() -> None:
    assert _found("Voters were asked about the plan. Half of them said no.", "en") == [
        ("Half", 50.0, "%", "percent")
    ]
    assert _found("After the vote, nearly half of the members left.", "en") == [
        ("half", 50.0, "%", "percent")
    ]
    assert _found("A survey found that about one-third of firms hire.", "en")[0][0] == "one-third"
    assert _found("In the US half of adults own shares.", "en")[0][:2] == ("half", 50.0)


def test_a_rate_per_day_is_its_own_unit() -> None:
    assert _found("The field pumps 300,000 barrels per day.", "en") == [
        ("300,000 barrels per day", 300000.0, "bbl/d", "measure")
    ]


def test_the_first_of_a_pair_counts_what_the_second_counts() -> None:
    assert _counted("Antara 40 dan 60 relawan dikerahkan.", "id") == [("40", "relawan"), ("60", "relawan")]
    assert _counted("It hired between 15 and 20 engineers.", "en") == [
        ("15", "engineers"),
        ("20", "engineers"),
    ]


def test_a_predicate_ends_the_counted_phrase() -> None:
    assert _counted("Sebanyak 45 siswa gagal dalam seleksi.", "id") == [("45", "siswa")]
