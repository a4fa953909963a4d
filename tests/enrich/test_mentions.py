from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.enrich import EnrichContext
from warta.enrich.mentions import (
    closest_year,
    date_reading,
    find_date_mentions,
    mention_grammar,
    paragraph_dates,
)

LANGUAGES = ("id", "en")
FRIDAY = datetime(2025, 5, 2, 9, 30)  # the article's date in most tests: Friday 2 May 2025


def _found(
    text: str, language: str = "id", reference: datetime | None = FRIDAY
) -> list[tuple[str, str, str, bool]]:
    context = EnrichContext(LANGUAGES, language, reference)
    return [(m.text, m.date, m.precision, m.relative) for m in find_date_mentions([text], context)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "Sidang 28 April 2025 ditunda.", ("28 April 2025", "2025-04-28", "day", False)),
        ("id", "Surat bertanggal 28/4/2025.", ("28/4/2025", "2025-04-28", "day", False)),
        ("en", "Signed on April 28, 2025.", ("April 28, 2025", "2025-04-28", "day", False)),
        ("id", "Berlaku mulai Mei 2025.", ("Mei 2025", "2025-05", "month", False)),
        ("id", "Dievaluasi akhir Mei.", ("akhir Mei", "2025-05", "month", True)),
        ("id", "Kasus turun pada 2024.", ("pada 2024", "2024", "year", False)),
        ("en", "Prices rose in 2024.", ("in 2024", "2024", "year", False)),
        ("id", "Naik dibanding tahun 2023.", ("tahun 2023", "2023", "year", False)),
        ("id", "Harga turun hari ini.", ("hari ini", "2025-05-02", "day", True)),
        ("id", "Korban ditemukan kemarin.", ("kemarin", "2025-05-01", "day", True)),
        ("id", "Hasilnya diumumkan besok.", ("besok", "2025-05-03", "day", True)),
        ("id", "Sidang dilanjutkan lusa.", ("lusa", "2025-05-04", "day", True)),
        ("id", "Ia dilantik Senin lalu.", ("Senin lalu", "2025-04-28", "day", True)),
        ("id", "Pelaku ditangkap Senin (28/4).", ("Senin (28/4)", "2025-04-28", "day", True)),
        ("id", "Rapat digelar pekan lalu.", ("pekan lalu", "2025-04-21", "week", True)),
        ("id", "Rapat digelar pekan depan.", ("pekan depan", "2025-05-05", "week", True)),
        ("id", "Ekspor turun bulan lalu.", ("bulan lalu", "2025-04", "month", True)),
        ("id", "Ekspor naik bulan depan.", ("bulan depan", "2025-06", "month", True)),
        ("id", "Ekspor naik tahun lalu.", ("tahun lalu", "2024", "year", True)),
        ("id", "Ekspor stabil tahun depan.", ("tahun depan", "2026", "year", True)),
        ("id", "Ia tiba dua hari lalu.", ("dua hari lalu", "2025-04-30", "day", True)),
        ("id", "Ia tiba 3 hari yang lalu.", ("3 hari yang lalu", "2025-04-29", "day", True)),
        ("en", "Charged today.", ("today", "2025-05-02", "day", True)),
        ("en", "Charged yesterday.", ("yesterday", "2025-05-01", "day", True)),
        ("en", "Hearing tomorrow.", ("tomorrow", "2025-05-03", "day", True)),
        ("en", "Talks broke down last Tuesday.", ("last Tuesday", "2025-04-29", "day", True)),
        ("en", "Talks broke down on Tuesday.", ("on Tuesday", "2025-04-29", "day", True)),
        ("en", "Talks resume next week.", ("next week", "2025-05-05", "week", True)),
        ("en", "Prices fell last month.", ("last month", "2025-04", "month", True)),
        ("en", "It closed two days ago.", ("two days ago", "2025-04-30", "day", True)),
        ("en", "Votes are due by mid-May.", ("mid-May", "2025-05", "month", True)),
        ("en", "Opened in early June 2024.", ("in early June 2024", "2024-06", "month", False)),
    ],
)
def test_reads_absolute_and_relative_mentions(
    language: str, text: str, expected: tuple[str, str, str, bool]
) -> None:
    assert _found(text, language) == [expected]


def test_a_weekday_said_on_that_weekday() -> None:
    # "on Friday" in Friday's paper is that day; "last Friday" and "Jumat lalu" a week back
    assert _found("It said on Friday.", "en") == [("on Friday", "2025-05-02", "day", True)]
    assert _found("It said last Friday.", "en") == [("last Friday", "2025-04-25", "day", True)]
    assert _found("Ia bicara Jumat lalu.") == [("Jumat lalu", "2025-04-25", "day", True)]


def test_a_day_without_its_year_takes_the_closest_year_where_the_weekday_agrees() -> None:
    new_year = datetime(2025, 1, 3)
    # 31 December 2024 was a Tuesday: the year before the reference's
    assert _found("Perayaan Selasa (31/12) malam.", reference=new_year)[0][1] == "2024-12-31"
    # in the last days of a year, "2 January" is the next one's
    assert _found("Takes effect on January 2.", "en", datetime(2025, 12, 30))[0][1:3] == ("2026-01-02", "day")
    assert _found("Pajak naik akhir Maret.", reference=datetime(2025, 12, 30))[0][1] == "2026-03"


def test_without_a_reference_only_what_the_text_spells_out_is_kept() -> None:
    text = "Sidang 28 April 2025, kemarin, pada 2024, akhir Mei, Senin (28/4), pekan lalu."
    assert _found(text, reference=None) == [
        ("28 April 2025", "2025-04-28", "day", False),
        ("pada 2024", "2024", "year", False),
    ]


def test_numbers_and_money_are_no_dates() -> None:
    assert _found("Anggaran Rp 2.024 miliar untuk 2024 warga, naik 3 persen.") == []


def test_every_span_is_the_text_it_names() -> None:
    paragraphs = ["Rapat digelar Senin (28/4) dan kemarin.", "It opened in 2024 and closed last week."]
    found = find_date_mentions(paragraphs, EnrichContext(LANGUAGES, "id", FRIDAY))
    assert [m.text for m in found] == ["Senin (28/4)", "kemarin", "in 2024", "last week"]
    assert all(paragraphs[m.paragraph][m.start : m.end] == m.text for m in found)


def test_the_grammar_is_built_once_per_language_set() -> None:
    assert mention_grammar(LANGUAGES) is mention_grammar(LANGUAGES)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(-170, 170))
def test_closest_year_is_within_half_a_year(reference: date, days: int) -> None:
    target = reference + timedelta(days=days)
    if (target.month, target.day) == (2, 29):
        return
    year = closest_year(target.month, target.day, None, reference)
    assert year is not None
    assert abs((date(year, target.month, target.day) - reference).days) <= 183
    assert year == target.year


def test_a_month_abbreviation_inside_a_word_is_no_month() -> None:
    assert _found("Warga mengungsi sejak Desa Sukamaju terendam.") == []
    assert _found("Prices rose in Marketing and in Junior leagues.", "en") == []


def test_a_weekday_ahead_is_the_first_one_after_the_reference() -> None:
    assert _found("Sidang digelar Senin depan.") == [("Senin depan", "2025-05-05", "day", True)]
    assert _found("Talks resume next Tuesday.", "en") == [("next Tuesday", "2025-05-06", "day", True)]
    # said on a Friday, "next Friday" is a week on
    assert _found("Votes are counted next Friday.", "en") == [("next Friday", "2025-05-09", "day", True)]
    assert _found("Sidang digelar Senin depan.", reference=None) == []


def test_minggu_depan_is_next_week_not_next_sunday() -> None:
    assert _found("Rapat digelar minggu depan.") == [("minggu depan", "2025-05-05", "week", True)]


def test_a_weekday_named_alone_is_the_latest_such_day() -> None:
    assert _found("Hal itu dikatakan Menteri di Jakarta, Rabu.") == [("Rabu", "2025-04-30", "day", True)]
    assert _found("The company said Monday it would appeal.", "en") == [("Monday", "2025-04-28", "day", True)]
    # abbreviations, lower case and names are no dates
    assert _found("Sales soared on Black Friday; the mon and sen columns.", "en") == []


def test_a_relative_phrase_after_a_number_is_a_span_of_time() -> None:
    assert _found("Partai akan berbenah dalam lima tahun mendatang.") == []
    assert _found("Growth will slow over 3 next years.", "en") == []


def test_extract_with_enrichment_resolves_mentions_against_the_article_date() -> None:
    import warta
    from warta.options import ExtractOptions

    page = (
        "Banjir Rendam Tiga Kecamatan\n\n"
        "Kamis, 1 Mei 2025 10:15 WIB\n\n"
        "SEMARANG - Hujan deras sejak kemarin membuat tiga kecamatan di Semarang terendam banjir. "
        "Sebanyak 1.200 warga mengungsi.\n\n"
        "Ketinggian air mencapai 50 sentimeter di beberapa ruas jalan, dan kerugian ditaksir Rp 2,5 miliar.\n"
    )
    article = warta.extract(page, options=ExtractOptions(enrich=True))
    body = [part.text for part in article.body]
    dates = article.annotations["dates"]
    quantities = article.annotations["quantities"]
    assert [(d["text"], d["date"]) for d in dates] == [("kemarin", "2025-04-30")]
    assert ("Rp 2,5 miliar", 2.5e9, "IDR") in [(q["text"], q["value"], q["unit"]) for q in quantities]
    assert ("50 sentimeter", 50.0, "cm") in [(q["text"], q["value"], q["unit"]) for q in quantities]
    assert all(body[a["paragraph"]][a["start"] : a["end"]] == a["text"] for a in [*dates, *quantities])


def test_a_month_before_or_after_the_reference() -> None:
    october = datetime(2025, 10, 2)
    assert _found("Kasus itu terjadi Mei lalu.", reference=october) == [
        ("Mei lalu", "2025-05", "month", True)
    ]
    assert _found("Sidang digelar Januari mendatang.", reference=october) == [
        ("Januari mendatang", "2026-01", "month", True)
    ]
    # said in May, "last May" is a year back
    assert _found("It happened last May.", "en") == [("last May", "2024-05", "month", True)]
    assert _found("It resumes next June.", "en") == [("next June", "2025-06", "month", True)]
    # a month named without a day counts only capitalised
    assert _found("The last may be the best; in may or may not.", "en") == []
    assert _found("Indeks naik pada bulan september.")[0][:2] == ("pada bulan september", "2025-09")


def test_relative_phrases_that_tell_no_date_of_the_article() -> None:
    assert _found("Seperti ilmuwan yang baru saja tiba di pulau itu.") == []
    assert _found("Ia tiba di Jakarta dua hari sebelumnya.") == []


def test_the_date_reading_puts_the_article_language_first_and_is_built_once() -> None:
    reading = date_reading("en", LANGUAGES)
    assert reading.lexicon.languages == ("en", "id")
    assert reading.dates is reading.lexicon.date_grammar
    assert reading.mentions is mention_grammar(LANGUAGES)
    assert date_reading("en", LANGUAGES) is reading  # (cached: one look-up an article)
    assert date_reading("xx", LANGUAGES).lexicon.languages == LANGUAGES
    assert date_reading(None, LANGUAGES).lexicon.languages == LANGUAGES


def test_the_dates_read_once_give_the_same_mentions_less_the_times() -> None:
    context = EnrichContext(LANGUAGES, "id", FRIDAY)
    paragraphs = ["Rapat dimulai pukul 10.00 WIB, kemarin.", "The vote is at 3 pm today."]
    dates = paragraph_dates(paragraphs, context)
    assert [[m.kind for m in found] for found in dates] == [["time", "relative"], ["time", "relative"]]
    mentions = find_date_mentions(paragraphs, context, dates)
    assert [m.text for m in mentions] == ["kemarin", "today"]
    assert find_date_mentions(paragraphs, context) == mentions


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("id", "Penjualan semester II 2023 melonjak.", ("semester II 2023", "2023", "year", False)),
        ("id", "Laba triwulan pertama 2024 turun.", ("triwulan pertama 2024", "2024", "year", False)),
        ("en", "Profits fell in Q2 2023.", ("in Q2 2023", "2023", "year", False)),
        (
            "en",
            "Sales recovered in the second half of 2022.",
            ("the second half of 2022", "2022", "year", False),
        ),
        ("en", "The museum reopens in the spring of 2026.", ("the spring of 2026", "2026", "year", False)),
        ("en", "The line should open by mid-2028.", ("mid-2028", "2028", "year", False)),
        ("en", "Output will peak in Q4, analysts said.", ("in Q4", "2025", "year", True)),
    ],
)
def test_a_part_of_a_year_is_that_year(
    language: str, text: str, expected: tuple[str, str, str, bool]
) -> None:
    assert _found(text, language) == [expected]


def test_both_ends_of_a_range_are_dates() -> None:
    assert _found("Pameran buku digelar 10-12 Juni di Bandung.") == [
        ("10", "2025-06-10", "day", True),
        ("12 Juni", "2025-06-12", "day", True),
    ]
    assert _found("Roadworks will run between April and July.", "en") == [
        ("between April", "2025-04", "month", True),
        ("July", "2025-07", "month", True),
    ]
    assert _found("Harga naik dari Januari hingga Maret.")[-1] == ("hingga Maret", "2025-03", "month", True)


def test_a_day_after_the_second_end_is_no_range() -> None:
    assert _found("Skor 15-3 Mei itu.") == [("3 Mei", "2025-05-03", "day", True)]
