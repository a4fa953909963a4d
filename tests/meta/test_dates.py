"""Dates: the written expression set, round-trip properties, and published/modified choice."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from warta.lexicon import DEFAULT_LANGUAGES, Lexicon, load_lexicon
from warta.meta import dates as dates_module
from warta.meta.dates import date_candidates, resolve_dates
from warta.meta.datetext import DateMatch, Kind, find_dates, infer_year, parse_date
from warta.meta.page import PageMetadata
from warta.model import Block, Label

HERE = Path(__file__).parent
REFERENCE = datetime(2025, 5, 5, 12, 0)  # a Monday


def _lexicon(lang: str) -> Lexicon:
    # The page's language is unknown when dates are read: every bundled calendar is
    # loaded, the row's language first (it decides 03/04 order).
    return load_lexicon((lang, *(other for other in DEFAULT_LANGUAGES if other != lang)))


def _rows() -> list[tuple[str, datetime, str, str, str]]:
    rows = []
    for line in (HERE / "dates_handwritten.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        lang, ref, text, want, precision = line.split("\t")
        rows.append((lang, REFERENCE if ref == "-" else datetime.fromisoformat(ref), text, want, precision))
    return rows


ROWS = _rows()


def _read(lang: str, reference: datetime, text: str) -> tuple[str, str]:
    found = find_dates(text, reference, _lexicon(lang))
    return (found[0].iso(), found[0].precision) if found else ("NONE", "-")


def test_expression_set_size() -> None:
    assert len(ROWS) >= 300
    assert sum(1 for r in ROWS if r[0] == "id") >= 150


def test_expression_set_accuracy() -> None:
    misses = [
        (text, want, _read(lang, ref, text))
        for lang, ref, text, want, prec in ROWS
        if _read(lang, ref, text) != (want, prec)
    ]
    accuracy = 1 - len(misses) / len(ROWS)
    assert accuracy >= 0.97, f"{accuracy:.3f} exact; misses: {misses[:20]}"


@pytest.mark.parametrize(
    ("lang", "reference", "text", "want", "precision"),
    [r for r in ROWS if r[0] == "id"][:40],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_indonesian_examples(lang: str, reference: datetime, text: str, want: str, precision: str) -> None:
    assert _read(lang, reference, text) == (want, precision)


# ---------------------------------------------------------------------------
# Round trips: a generated date formatted in every supported pattern reads back.

ID = load_lexicon(("id", "en"))
EN = load_lexicon(("en", "id"))


def _names(lexicon: Lexicon, lang: str) -> tuple[list[list[str]], list[list[str]]]:
    cal = next(c for c in lexicon.calendars if c.language == lang)
    months: list[list[str]] = [[] for _ in range(12)]
    for name, number in cal.months.items():
        months[number - 1].append(name)
    weekdays: list[list[str]] = [[] for _ in range(7)]
    for name, number in cal.weekdays.items():
        weekdays[number].append(name)
    return months, weekdays


ID_MONTHS, ID_DAYS = _names(ID, "id")
EN_MONTHS, EN_DAYS = _names(EN, "en")

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
clock = st.tuples(st.integers(0, 23), st.integers(0, 59))


def _cap(word: str, style: int) -> str:
    return (word.capitalize(), word.upper(), word)[style % 3]


@settings(max_examples=300, deadline=None)
@given(days, clock, st.integers(0, 20), st.integers(0, 2), st.sampled_from(["WIB", "WITA", "WIT", ""]))
def test_indonesian_written_dates_round_trip(
    day: date, hm: tuple[int, int], pick: int, style: int, zone: str
) -> None:
    month = ID_MONTHS[day.month - 1][pick % len(ID_MONTHS[day.month - 1])]
    weekday = ID_DAYS[day.weekday()][pick % len(ID_DAYS[day.weekday()])]
    h, m = hm
    sep = (" ", " | ", " - ", ", pukul ")[pick % 4]
    text = f"{_cap(weekday, style)}, {day.day} {_cap(month, style)} {day.year}{sep}{h:02d}.{m:02d} {zone}".strip()
    found = parse_date(text, REFERENCE, ID)
    assert found is not None, text
    assert (found.value.date(), found.value.hour, found.value.minute) == (day, h, m), text
    assert found.weekday_ok is True
    assert found.timezone == (zone or None)


@settings(max_examples=300, deadline=None)
@given(days, clock, st.integers(0, 20), st.sampled_from(["/", "-", "."]))
def test_numeric_day_first_round_trip(day: date, hm: tuple[int, int], pick: int, sep: str) -> None:
    h, m = hm
    text = f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year} {h:02d}:{m:02d}"
    found = parse_date(text, REFERENCE, ID)
    assert found is not None and found.value == datetime(day.year, day.month, day.day, h, m), text


@settings(max_examples=300, deadline=None)
@given(days, clock, st.integers(0, 20), st.integers(0, 2))
def test_english_written_dates_round_trip(day: date, hm: tuple[int, int], pick: int, form: int) -> None:
    month = EN_MONTHS[day.month - 1][pick % len(EN_MONTHS[day.month - 1])].capitalize()
    weekday = EN_DAYS[day.weekday()][pick % len(EN_DAYS[day.weekday()])].capitalize()
    h, m = hm
    hour12, ampm = (h % 12 or 12), ("AM", "PM", "a.m.", "p.m.")[(h >= 12) + 2 * (pick % 2)]
    text = (
        f"{weekday}, {month} {day.day}, {day.year} at {hour12}:{m:02d} {ampm} ET",
        f"{day.day} {month} {day.year} {h:02d}:{m:02d} GMT",
        f"{month}. {day.day}, {day.year}, {hour12}:{m:02d} {ampm}",
    )[form]
    found = parse_date(text, REFERENCE, EN)
    assert found is not None, text
    assert (found.value.date(), found.value.hour, found.value.minute) == (day, h, m), text


@settings(max_examples=200, deadline=None)
@given(days, st.integers(0, 20))
def test_iso_round_trip(day: date, offset_hours: int) -> None:
    value = datetime(day.year, day.month, day.day, offset_hours % 24, 7, 9)
    found = parse_date(value.isoformat() + "+07:00", REFERENCE, ID)
    assert found is not None and found.value.replace(tzinfo=None) == value
    assert found.precision == "second"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 400))
def test_weekday_day_month_infers_the_latest_consistent_year(day: date, back: int) -> None:
    reference = datetime.combine(day + timedelta(days=back), datetime.min.time())
    text = f"{ID_DAYS[day.weekday()][0].capitalize()} ({day.day}/{day.month})"
    found = parse_date(text, reference, ID)
    assert found is not None and found.inferred_year
    got = found.value.date()
    assert got.weekday() == day.weekday() and (got.month, got.day) == (day.month, day.day)
    assert day <= got <= reference.date()  # the latest such year not after the reference


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.sampled_from(["jam", "hari", "pekan", "menit"]))
def test_ago_is_before_reference(n: int, unit: str) -> None:
    found = parse_date(f"{n} {unit} yang lalu", REFERENCE, ID)
    assert found is not None and found.value < REFERENCE


def test_infer_year_leap_day() -> None:
    assert infer_year(2, 29, 3, date(2025, 5, 5)) == 2024  # Thursday 29 February 2024
    assert infer_year(2, 29, None, date(2025, 5, 5)) == 2024


def test_weekday_mismatch_is_flagged_not_trusted() -> None:
    found = parse_date("Senin, 29 April 2025", REFERENCE, ID)
    assert found is not None and found.weekday_ok is False


# ---------------------------------------------------------------------------
# Published / modified


def _blocks(*items: tuple[str, Label]) -> tuple[list[Block], list[Label]]:
    return [Block(i, text) for i, (text, _) in enumerate(items)], [label for _, label in items]


def test_example_page_published_from_its_own_weekday_date(shared: Path) -> None:
    import warta

    example = shared / "examples" / "flattened-id-news-page.txt"
    article = warta.extract(example.read_text(encoding="utf-8"), kind="text")
    assert article.published is not None
    assert article.published.iso() == "2025-04-28"
    assert article.published.evidence.text == "Senin (28/4)"
    assert article.published.inferred_year


def test_sidebar_related_and_comment_dates_are_never_chosen() -> None:
    blocks, labels = _blocks(
        ("Judul berita", Label.TITLE),
        ("Paragraf tanpa tanggal yang cukup panjang untuk menjadi isi berita.", Label.BODY),
        ("February 13, 2026", Label.SIDEBAR),
        ("12 Februari 2026", Label.RELATED),
        ("Komentar 1 Maret 2026", Label.COMMENTS),
    )
    assert resolve_dates(blocks, labels, None, datetime(2026, 11, 26), ID) == (None, None)


def test_a_photo_caption_s_date_is_not_the_publication_date() -> None:
    # Between the title and the body, a caption's weekday date (the photo's day) must not
    # outrank the byline zone's date line.
    blocks, labels = _blocks(
        ("Judul berita", Label.TITLE),
        ("KabarKita.com - 18/06/2025, 09:30 WIB", Label.OTHER),
        (
            "Bus listrik melintas di Jalan Asia Afrika, Selasa (17/6/2025). (KABARKITA.com/DEWI)",
            Label.CAPTION,
        ),
        ("Pemerintah kota mulai menguji coba bus listrik di tiga koridor utama pada Rabu.", Label.BODY),
    )
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 7, 1), ID)
    assert published is not None and published.iso() == "2025-06-18T09:30:00+07:00"


def test_no_date_after_the_reference() -> None:
    blocks, labels = _blocks(
        ("Judul", Label.TITLE),
        ("Kamis, 12 Juni 2025 10:00 WIB", Label.BYLINE),
        ("JAKARTA - Rapat digelar Senin (28/4).", Label.BODY),
    )
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 5, 5), ID)
    assert published is not None and published.iso() == "2025-04-28"


def test_metadata_outranks_url_and_body() -> None:
    blocks, labels = _blocks(("Judul", Label.TITLE), ("Pada 1 Januari 2025 terjadi banjir.", Label.BODY))
    meta = PageMetadata(
        published=[("2025-04-28T10:15:00+07:00", "json-ld:datePublished")],
        modified=[("2025-04-29T08:00:00+07:00", "meta:article:modified_time")],
    )
    published, modified = resolve_dates(
        blocks, labels, meta, datetime(2025, 5, 5), ID, "https://x.id/read/2025/04/27/a"
    )
    assert published is not None and published.iso() == "2025-04-28T10:15:00+07:00"
    assert published.evidence.source == "json-ld:datePublished"
    assert modified is not None and modified.iso().startswith("2025-04-29")


def test_modified_before_published_is_dropped() -> None:
    meta = PageMetadata(published=[("2025-04-28", "meta")], modified=[("2025-04-01", "meta")])
    blocks, labels = _blocks(("Judul", Label.TITLE), ("Isi.", Label.BODY))
    assert resolve_dates(blocks, labels, meta, datetime(2025, 5, 5), ID)[1] is None


def test_updated_marker_in_byline_zone_is_modified() -> None:
    blocks, labels = _blocks(
        ("Judul", Label.TITLE),
        ("Diterbitkan 28 April 2025 10:00 WIB", Label.BYLINE),
        ("Diperbarui 30 April 2025 08:00 WIB", Label.BYLINE),
        ("Isi berita.", Label.BODY),
    )
    published, modified = resolve_dates(blocks, labels, None, datetime(2025, 5, 5), ID)
    assert published is not None and published.iso().startswith("2025-04-28")
    assert modified is not None and modified.iso().startswith("2025-04-30")


def test_url_date_when_nothing_else() -> None:
    blocks, labels = _blocks(("Judul", Label.TITLE), ("Isi berita tanpa tanggal.", Label.BODY))
    published, _ = resolve_dates(blocks, labels, None, None, ID, "https://news.example.com/2024/12/12/judul")
    assert published is not None and published.iso() == "2024-12-12"
    assert published.evidence.source == "url"


def test_relative_byline_date_needs_a_real_reference() -> None:
    blocks, labels = _blocks(("Judul", Label.TITLE), ("3 jam lalu", Label.BYLINE), ("Isi.", Label.BODY))
    assert resolve_dates(blocks, labels, None, None, ID)[0] is None
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 5, 5, 12), ID)
    assert published is not None and published.iso() == "2025-05-05T09:00:00"


def test_cli_date_prints_json() -> None:
    from warta.cli import _register, app

    _register()
    result = CliRunner().invoke(
        app, ["date", "Kamis, 12 Des 2024 07:01 WIB", "--reference", "2025-05-05T12:00"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (found,) = data["dates"]
    assert found["value"] == "2024-12-12T07:01:00+07:00"
    assert found["precision"] == "minute" and found["timezone"] == "WIB"
    assert found["evidence"]["text"] == "Kamis, 12 Des 2024 07:01 WIB"


def test_cli_date_english_month_first() -> None:
    from warta.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["date", "05/03/2025", "--lang", "en", "--reference", "2025-05-05"])
    assert json.loads(result.output)["dates"][0]["value"] == "2025-05-03"


def test_citation_year_month_day() -> None:
    (found,) = find_dates("2023 Jan 7", None, load_lexicon(("en",)))
    assert found.iso() == "2023-01-07" and found.kind == "absolute"


def test_site_specific_meta_key_gives_the_date() -> None:
    blocks, labels = _blocks(("Title", Label.TITLE), ("Body text without any date.", Label.BODY))
    meta = PageMetadata(published=[("2023-06-08T23:03:43Z", "meta-other:cludo:date")])
    published, _ = resolve_dates(blocks, labels, meta, None, EN)
    assert published is not None and published.iso().startswith("2023-06-08")
    assert published.evidence.source == "meta-other:cludo:date"


def test_body_is_not_scanned_when_the_byline_gives_a_day() -> None:
    blocks, labels = _blocks(
        ("Title", Label.TITLE),
        ("March 3, 2025", Label.BYLINE),
        ("The first paragraph, the dateline zone, holds no date.", Label.BODY),
        ("On January 5, 2024 the council met.", Label.BODY),
        ("On February 6, 2024 it met again.", Label.BODY),
    )
    found = date_candidates(blocks, labels, None, None, EN)
    assert [c.date.iso() for c in found] == ["2025-03-03"]


def test_body_dates_only_from_the_first_body_blocks() -> None:
    items = [("Title", Label.TITLE)] + [("Nothing dated here.", Label.BODY)] * 6
    blocks, labels = _blocks(*items, ("It happened on January 5, 2024.", Label.BODY))
    assert resolve_dates(blocks, labels, None, None, EN)[0] is None


def test_stray_date_block_before_the_body_is_a_last_resort() -> None:
    blocks, labels = _blocks(
        ("Title", Label.TITLE),
        ("Published on July 18, 2025", Label.SIDEBAR),
        ("Body text without any date, long enough to be a paragraph.", Label.BODY),
    )
    published, _ = resolve_dates(blocks, labels, None, None, EN)
    assert published is not None and published.iso() == "2025-07-18"
    assert published.evidence.source == "visible"


def test_one_date_after_the_body_counts_several_are_teasers() -> None:
    body = ("Body text without any date, long enough to be a paragraph.", Label.BODY)
    blocks, labels = _blocks(("Title", Label.TITLE), body, ("Feb 2, 2023", Label.SIDEBAR))
    published, _ = resolve_dates(blocks, labels, None, None, EN)
    assert published is not None and published.iso() == "2023-02-02"
    blocks, labels = _blocks(
        ("Title", Label.TITLE), body, ("Feb 2, 2023", Label.SIDEBAR), ("Jan 9, 2023", Label.SIDEBAR)
    )
    assert resolve_dates(blocks, labels, None, None, EN)[0] is None


def test_yearless_date_without_a_reference_loses_to_a_full_one() -> None:
    blocks, labels = _blocks(
        ("Title", Label.TITLE), ("Jan 7", Label.BYLINE), ("Body text without a date.", Label.BODY)
    )
    published, _ = resolve_dates(blocks, labels, None, None, EN, "https://x.example/2023/01/07/a")
    assert published is not None and published.iso() == "2023-01-07"
    assert published.evidence.source == "url"


def test_url_month_yields_to_a_day_of_that_month() -> None:
    items = [("Title", Label.TITLE)] + [("Nothing dated here.", Label.BODY)] * 2
    blocks, labels = _blocks(*items, ("Dec 19, 2025", Label.FOOTER))
    published, _ = resolve_dates(blocks, labels, None, None, EN, "https://blog.example/2025/12/post")
    assert published is not None and published.iso() == "2025-12-19"


def _full_search(text: str, reference: datetime, lexicon: Lexicon, least: Kind) -> list[DateMatch]:
    """`find_dates` as plainly as it can be done: every wanted pattern, case-blind, over the
    text as written, every match resolved, overlaps settled at the end."""
    from warta.meta.datetext import (
        _KIND_RANK,
        _resolve,
        _wanted,
        _with_leading_clock,
        grammar_of,
        most_specific,
    )

    grammar = grammar_of(lexicon)
    rank = _KIND_RANK[least]
    found = [
        _with_leading_clock(resolved, text, grammar)
        for name, pattern in grammar.patterns
        if _wanted(name, rank)
        for match in pattern.finditer(text)
        if (resolved := _resolve(name, match, grammar, reference, text)) is not None
    ]
    return most_specific(found)  # the overlap rule is not what this oracle checks


@pytest.mark.parametrize("least", ["absolute", "inferred", "relative", "time"])
def test_find_dates_is_the_full_case_blind_search(least: Kind) -> None:
    # Gates, lower-cased ASCII searched case-sensitively, and the early stop at a date filling
    # the whole text change how the dates are found, never which.
    for lang, reference, text, _want, _precision in ROWS:
        lexicon = _lexicon(lang)
        for variant in (text, text.upper(), text.title(), f"Oleh A · {text} | x"):
            got = find_dates(variant, reference, lexicon, least_specific=least)
            assert got == _full_search(variant, reference, lexicon, least), variant


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=" \t\n\u00a0\u2003\x1caBcİ", max_size=12) | st.none())
def test_key_collapses_whitespace_as_the_regex_did(text: str | None) -> None:
    import re

    from warta.meta.datetext import _key

    assert _key(text) == re.sub(r"\s+", " ", (text or "").lower()).strip()


_PASS_TEXTS = (
    "Senin (28/4) pukul 10.00 WIB",
    "Published on July 8, 2025",
    "Jun 08, 2023 • 11 Minute Read",
    "Penulis: Budi",
    "Kebakaran terjadi pada 12 Desember 2024 di Jakarta, kata polisi kepada wartawan setempat hari ini.",
    "tanpa angka sama sekali di baris ini",
    "3 jam lalu",
    "x²",
    "",
)


def _every_deep_block(blocks: list[Block], labels: list[Label]) -> list[int]:
    """The deep pass's blocks as it first read them: every text block and every short one."""
    limit = min(len(blocks), dates_module._MAX_VISIBLE_BLOCKS)
    return [
        i
        for i in range(limit)
        if labels[i] in dates_module._TEXT_LABELS or len(blocks[i].text) <= dates_module._STANDALONE_CHARS
    ]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(_PASS_TEXTS), st.sampled_from(list(Label))), min_size=1, max_size=40
    ),
    reference=st.sampled_from([None, datetime(2025, 5, 2, 12)]),
)
def test_the_deep_pass_reads_only_blocks_that_can_give_a_date(
    rows: list[tuple[str, Label]], reference: datetime | None
) -> None:
    blocks = [Block(i, text) for i, (text, _) in enumerate(rows)]
    labels = [label for _, label in rows]
    lexicon = load_lexicon()
    grammar = lexicon.date_grammar
    assert grammar is not None
    found = list(dates_module._block_candidates(blocks, labels, reference, lexicon, grammar, deep=True))
    selected = dates_module._deep_pass_blocks
    dates_module._deep_pass_blocks = _every_deep_block  # type: ignore[assignment]
    try:
        expected = list(
            dates_module._block_candidates(blocks, labels, reference, lexicon, grammar, deep=True)
        )
    finally:
        dates_module._deep_pass_blocks = selected
    assert found == expected


_DATE_TOKENS = [
    *("Senin", "Monday", "Mon.", "Sabtu", "Saturday", "on", "last", "week", "lalu", "kemarin", "ago"),
    *("Nov", "November", "Des", "Mei", "Jan", "janvier", "января", "de", "of", "dan", "and"),
    *("7", "12", "19", "1st", "2023", "2024", "(28/4)", "(Senin, 28/4)", "28/04/2025", "(28/04/2025)"),
    *("05/11/19", "Senin, 28/04/2025", "Monday, Nov 19, 2019", "Sabtu 12 Des 2024"),
    *("2019-11-20", "2019/11/20", "2023 Jan 7", "2025-04-28T07:01:00+07:00", "2019-11-20T10:18:01-05:30"),
    *("pukul", "10.00", "7:01", "p.m.", "am", "WIB", "ET", "GMT+7", "+0700", "Z", "T", "3", "jam", "hours"),
    *(",", "|", "-", "•", "(", ")", "’", "By", "John", "Updated", "Diperbarui"),
    *("İ", "\u212a", "ſ", "é", "🌉"),
]


def _scan_everything(*_args: object) -> dict[str, int]:
    return {}


def _no_whole_iso(*_args: object) -> None:
    return None


def _as_full_scans(text: str, least: Kind) -> tuple[list[DateMatch], list[DateMatch]]:
    """`find_dates` of `text`, and the same with every pattern scanned from the text's start and
    no ISO shortcut (`_scan_starts`, `_whole_iso` switched off)."""
    from warta.meta import datetext

    lexicon = _lexicon("en")
    found = find_dates(text, REFERENCE, lexicon, least_specific=least)
    starts, whole = datetext._scan_starts, datetext._whole_iso
    datetext._scan_starts = _scan_everything  # type: ignore[assignment]
    datetext._whole_iso = _no_whole_iso  # type: ignore[assignment]
    try:
        expected = find_dates(text, REFERENCE, lexicon, least_specific=least)
    finally:
        datetext._scan_starts, datetext._whole_iso = starts, whole
    return found, expected


def _same(found: list[DateMatch], expected: list[DateMatch]) -> bool:
    """Equal, their zones too (aware datetimes compare by instant)."""
    return found == expected and [m.value.tzinfo for m in found] == [m.value.tzinfo for m in expected]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    words=st.lists(
        st.tuples(st.sampled_from(_DATE_TOKENS), st.sampled_from([" ", "", ", ", "\xa0", "  ", "/", "."])),
        max_size=10,
    ),
    least=st.sampled_from(["absolute", "inferred", "relative", "time"]),
)
def test_scans_from_the_earliest_start_find_what_full_scans_find(
    words: list[tuple[str, str]], least: Kind
) -> None:
    """`find_dates` skips the text before a pattern's earliest start (`_scan_starts`) and reads a
    text that is one ISO date first (`_whole_iso`): the matches are those of full scans."""
    assert _same(*_as_full_scans("".join(word + sep for word, sep in words), least))


@pytest.mark.parametrize("least", ["absolute", "inferred", "relative", "time"])
@pytest.mark.parametrize(
    "text",
    [
        "x (28/04/2025)",
        "Senin (28/04/2025) pukul 10.00 WIB",
        "By John | Monday, Nov 19, 2019 7:01 p.m. ET",
        "Updated: Sabtu 12 Des 2024",
        "Posted Mon. 7 January 2023",
        "2025-04-28T07:01:00+07:00",
        " 2025-04-28T07:01:00Z",
        "2025-04-28T07:01:00Z x",
        "(Senin, 28/4) kemarin",
        "",
    ],
)
def test_earliest_starts_on_dates_after_words(text: str, least: Kind) -> None:
    assert _same(*_as_full_scans(text, least))


@pytest.mark.parametrize(
    ("text", "zone", "offset"),
    [
        ("2025-04-28T07:01:00+07:00", "+07:00", 420),
        ("2025-04-28T07:01:00-05:30", "-05:30", -330),
        ("2025-04-28T07:01:00-0000", "+00:00", 0),
        ("2025-04-28T07:01:00Z", "+00:00", 0),
        ("12 Des 2024 07:01 WIB", "WIB", 420),
    ],
)
def test_clock_zone_label_and_offset(text: str, zone: str, offset: int) -> None:
    found = find_dates(text, REFERENCE, ID)
    assert len(found) == 1 and found[0].timezone == zone
    assert found[0].value.utcoffset() == timedelta(minutes=offset)


def test_zones_read_once_are_the_zones_read_afresh() -> None:
    """`_tzinfo` keeps what it read in the grammar: the kept answer is the one a fresh grammar
    gives, case and spacing kept apart ("wib" and "WIB" label differently), and it keeps no more
    than `_ZONES_KEPT` names."""
    from warta.meta import datetext

    names = [
        "WIB",
        "wib",
        " WIB",
        "+0700",
        "+07:00",
        "GMT+7",
        "gmt + 7",
        "Z",
        "z",
        "-05:30",
        "+15:00",
        "XYZ",
        "\u212a",
    ]
    kept = datetext.build_grammar(ID.calendars)
    for _ in range(2):
        for name in names:
            assert datetext._tzinfo(name, kept) == datetext._tzinfo(
                name, datetext.build_grammar(ID.calendars)
            )
    assert set(kept.zones_read) == set(names)
    for n in range(datetext._ZONES_KEPT + 10):
        datetext._tzinfo(f"+{n % 14:02d}{n % 60:02d}{n}", kept)
    assert len(kept.zones_read) == datetext._ZONES_KEPT
    assert kept == datetext.build_grammar(ID.calendars)  # (what was read is no part of its value)


_DATE_PIECES = [
    *"0123456789 ,./-()\t\n\u00a0:aéİſ\u212a_\U0001d7d9٣’—•가Σ",
    "jan",
    "Mei",
    "DEC",
    "march",
    "senin",
    "Monday",
    "sabtu",
    "lalu",
    "pukul",
    "wib",
    "2024",
    "12",
    "7",
    "th",
    "of",
    "ago",
    "hari",
]


def test_headless_and_digit_led_patterns_find_what_the_plain_ones_find() -> None:
    """The gated patterns (ASCII text lower-cased; no weekday head where the text names no
    weekday; day and year opening with their digit) give what the case-blind patterns as written
    give, tried in full on every text."""
    import dataclasses

    from warta.meta import datetext

    grammar = datetext.grammar_of(ID)
    plain = dataclasses.replace(
        grammar,
        gated=datetext._gated(grammar.patterns, {}),
        ascii_gated={},
        month_led=frozenset(),
        case_risky=None,
    )
    assert grammar.month_led  # (the month-led patterns are tried at the month names only)

    @settings(max_examples=1500, deadline=None, derandomize=True)
    @given(
        st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join),
        st.sampled_from(["absolute", "inferred", "relative", "time"]),
    )
    def check(text: str, least: Kind) -> None:
        for reference in (REFERENCE, None):
            assert find_dates(text, reference, ID, grammar, now=lambda: REFERENCE, least_specific=least) == (
                find_dates(text, reference, ID, plain, now=lambda: REFERENCE, least_specific=least)
            )

    check()
    for text in (
        "Monday 12 jan 2024",
        "x Senin, 12 Mei 2024 pukul 10.00 WIB",
        "Sabtu (12/5) malam",
        "Jan 7, 2024 on Monday",
        "on Monday, Jan 7, 2024",
        "2023 Jan 7 12:30",
        "a2023 jan 7 _12 jan 2024",
        "MONDAY 7TH OF JAN 2024",
        "jan 7 2024 feb 8 2024 mar 9, 2024 april",
        "Mei 2024, Juni 7 dan Juli 2024",
        "mar mar 7 2024 decjan 2024",
        "Суббота, 12 МАЯ 2024 г.",
        "SÁBADO 12 de MARÇO 2024",
        "ıan 7 2024 ſenin 12 jan 2024",
        "Опубликовано 12 МАЯ 2024, 10:30 MSK",
        "Publicado em 12 de MARÇO de 2024 às 10h30 — SÁBADO",
        "Mis à jour le 7 AOÛT 2024 à 10:30 CET",
    ):
        for least in ("absolute", "inferred", "relative", "time"):
            check.hypothesis.inner_test(text, least)  # type: ignore[attr-defined]


def test_a_test_after_the_first_digit_is_the_test_before_it() -> None:
    import re

    from warta.meta.datetext import _AFTER_START

    led = re.compile(rf"(?P<y>\d{_AFTER_START}\d{{3}})(?!\d)|(?P<d>\d{_AFTER_START}\d?)x")
    written = re.compile(r"(?<![\w])(?P<y>\d{4})(?!\d)|(?<![\w])(?P<d>\d{1,2})x")

    @settings(max_examples=1000, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from([*"0123456789ax _\n.٣", "\U0001d7d9", "İ"]), max_size=16).map("".join))
    def check(text: str) -> None:
        for pos in range(len(text) + 1):
            assert [m.span() for m in led.finditer(text, pos)] == [
                m.span() for m in written.finditer(text, pos)
            ]

    check()


def test_a_name_test_after_the_first_letter_is_the_test_before_it() -> None:
    """`datetext._bounded_alternation`: the lookbehind after each word's first character finds,
    case-blind and case-sensitive, from any start, what `(?<![\\w])` before the words finds."""
    import re

    from warta.meta.datetext import _alternation, _bounded_alternation

    word_sets = (
        ["jan", "januari", "january", "j", "mei", "Mar", "maret", "x y"],
        ["a", "ab", "İs", "\u212aelvin", "ſept", "é", "家"],
        list(ID.date_grammar.months) if ID.date_grammar else [],
        list(ID.date_grammar.weekdays) if ID.date_grammar else [],
        [" lead", "b"],  # (a word opening with a space: written with the lookbehind first)
    )
    compiled = [
        (
            re.compile(_bounded_alternation(words), flags),
            re.compile(rf"(?<![\w])(?:{_alternation(words)})", flags),
        )
        for words in word_sets
        for flags in (0, re.I)
    ]
    pieces = [*"ajmxyſéK\u212a_ 1.\n家", "İ", "\U0001d7d9", "jan", "uari", "mei", "Mar", "senin"]

    @settings(max_examples=1000, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(pieces), max_size=12).map("".join))
    def check(text: str) -> None:
        for bounded, written in compiled:
            for pos in range(len(text) + 1):
                assert [m.span() for m in bounded.finditer(text, pos)] == [
                    m.span() for m in written.finditer(text, pos)
                ]

    check()


def test_the_compiled_name_filter_finds_what_substring_tests_find(
    require_compiled: Callable[[bool, str], None],
) -> None:
    """`DateGrammar.ascii_month_filter` and `ascii_weekday_filter` (a compiled `SubstringSet`)
    say whether a text holds a name's piece as `str.__contains__` over the pieces says."""
    from warta.meta import datetext

    grammar = datetext.grammar_of(ID)
    filters = [
        (grammar.ascii_month_filter, datetext._needed_words(grammar.months)),
        (grammar.ascii_weekday_filter, datetext._needed_words(grammar.weekdays)),
    ]
    require_compiled(all(found_in is not None for found_in, _ in filters), "substring filter")

    @settings(max_examples=1000, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join) | st.text(max_size=20))
    def check(text: str) -> None:
        for found_in, needles in filters:
            assert found_in is not None
            for variant in (text, text.lower()):
                assert found_in(variant) == any(map(variant.__contains__, needles)), variant

    check()
    for text in ("", "İ", "\u212a", "ſenin", "\U0001d7d9 jan", "des", "de", "minggu", "mingg"):
        check.hypothesis.inner_test(text)  # type: ignore[attr-defined]


def test_names_are_found_lower_cased_where_no_character_is_case_risky() -> None:
    """`DateGrammar.case_risky`: in a text with none of its characters, the case-sensitive month
    and weekday gates find in `text.lower()` the spans the case-blind ones find in the text.
    Every character a case-blind search matches to a name's letter lower-cases to that letter
    or is risky; lower-casing keeps whether a character is a word character."""
    import re

    from warta.meta import datetext

    grammar = datetext.grammar_of(ID)
    risky = grammar.case_risky
    assert risky is not None
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    for char in {c for word in (*grammar.months, *grammar.weekdays) for c in word.lower()}:
        for match in re.finditer(re.escape(char), everything, re.I):
            found = match.group()
            assert found.lower() == char or risky.search(found), (char, found)
    # `fold_risky` likewise for every letter the patterns spell (and, to be safe, every other
    # character of their sources).
    fold_risky = grammar.fold_risky
    assert fold_risky is not None
    for char in {c.lower() for pattern in grammar.patterns for c in pattern[1].pattern}:
        for match in re.finditer(re.escape(char), everything, re.I):
            found = match.group()
            assert found.lower() == char or fold_risky.search(found), (char, found)
    # (Only "İ" lower-cases to two characters; every other one keeps being a word character or not.)
    assert len(everything.replace("\u0130", "").lower()) == len(everything) - 1
    words = re.findall(r"\w", everything)
    assert re.findall(r"\w", everything.replace("\u0130", "").lower()) == [
        w.lower() for w in words if w != "\u0130"
    ]
    gates = [
        (grammar.month_word, grammar.ascii_month_word),
        (grammar.weekday_word, grammar.ascii_weekday_word),
    ]

    @settings(max_examples=1500, deadline=None, derandomize=True)
    @given(
        st.lists(
            st.sampled_from(
                [*_DATE_PIECES, "МАЯ", "мая", "Январь", "ı", "ᲀ", "MÄRZ", "AOÛT", "Sábado", "ΑΣ x"]
            ),
            max_size=10,
        ).map("".join)
        | st.text(max_size=20)
    )
    def check(text: str) -> None:
        if risky.search(text) is not None:
            return
        for blind, sensitive in gates:
            for pos in range(len(text) + 1):
                assert [m.span() for m in sensitive.finditer(text.lower(), pos)] == [
                    m.span() for m in blind.finditer(text, pos)
                ], text

    check()
    for text in ("", "JANUARI", "Jum'at SENIN", "ЯНВАРЯ мая", "\u212a", "MÄRZ", "ΣΑΒΒΑΤΟ"):
        check.hypothesis.inner_test(text)  # type: ignore[attr-defined]


def test_caseless_characters_match_only_themselves_regardless_of_case() -> None:
    """What `datetext._caseless_beyond_ascii` relies on: a character that lower- and upper-casing
    leave as it is is no case variant of another (the regex engine compares lower-cased characters,
    with a few extra folds), so a case-blind pattern matches it only where a case-sensitive one does."""
    import _sre
    import re._casefix as casefix

    def caseless(c: str) -> bool:
        return c == c.lower() == c.upper()

    for code in range(0x110000):
        lower = _sre.unicode_tolower(code)
        assert lower == code or not caseless(chr(lower)), hex(code)
        if caseless(chr(code)):
            assert not _sre.unicode_iscased(code), hex(code)
    extra = {code for key, values in casefix._EXTRA_CASES.items() for code in (key, *values)}
    assert not any(caseless(chr(code)) for code in extra)


def test_text_with_caseless_characters_is_searched_lower_cased_with_the_same_result() -> None:
    import dataclasses

    from warta.meta import datetext

    for lexicon in (ID, load_lexicon()):
        grammar = datetext.grammar_of(lexicon)
        plain = dataclasses.replace(grammar, ascii_gated={})
        for text in (
            "Senin, 12 Mei 2024 \u2014 10.00 WIB",
            "By Budi \u2019s \u2022 2 hours ago",
            "MONDAY\u00a07TH OF JAN 2024 \u00b7 3 days ago",
            "\uac00 12/05/2024 \u00b7 kemarin",
            "\u2013 Jan 7 \u2013",
            "Sen\u0130n 12 Mei 2024",  # cased: searched case-blind
            "\u212a 2 days ago",
            "12 de mar\u00e7o de 2024 \u2014 S\u00e1bado",
            "",
        ):
            assert datetext._caseless_beyond_ascii(text) is not any(
                c != c.lower() or c != c.upper() for c in text if not c.isascii()
            )
            for least in ("absolute", "inferred", "relative", "time"):
                for reference in (REFERENCE, None):
                    assert find_dates(
                        text, reference, lexicon, grammar, now=lambda: REFERENCE, least_specific=least
                    ) == find_dates(
                        text, reference, lexicon, plain, now=lambda: REFERENCE, least_specific=least
                    )


@pytest.mark.parametrize(
    ("locale", "want"),
    [("en-US", "2026-03-09"), ("en_US", "2026-03-09"), ("en-GB", "2026-09-03"), (None, "2026-09-03")],
)
def test_page_locale_orders_an_ambiguous_numeric_date(locale: str | None, want: str) -> None:
    """<html lang="en-US"> writes the month first, whatever languages are loaded (the default set
    reads day first); a locale the lexicon does not name leaves the default order."""
    blocks, labels = _blocks(
        ("A headline", Label.TITLE), ("Some text of the article, long enough.", Label.BODY)
    )
    meta = PageMetadata(published=[("03-09-2026", "meta:article:published_time")], language=locale)
    published, _ = resolve_dates(blocks, labels, meta, datetime(2026, 11, 26), load_lexicon())
    assert published is not None and published.iso() == want


def test_date_between_title_and_body_beats_the_headers_today_above_the_title() -> None:
    """A header prints today's date with its weekday beside the menu; the article's own date sits
    under the title. Both are in the byline zone; the one under the title wins."""
    blocks, labels = _blocks(
        ("Home", Label.NAV),
        ("Saturday, December 20, 2025", Label.OTHER),
        ("Money", Label.OTHER),
        ("How tariffs work", Label.TITLE),
        ("By the editors", Label.OTHER),
        ("12.12.2025", Label.OTHER),
        ("Tariffs are taxes on imports, and the article explains who pays them in the end.", Label.BODY),
    )
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 12, 20), EN)
    assert published is not None and published.iso() == "2025-12-12"


def test_date_without_weekday_above_the_title_keeps_its_rank() -> None:
    """Only a weekday date above the title looks like the header's "today": a plain one there is
    the article's, above a weekday date in the first paragraph."""
    blocks, labels = _blocks(
        ("Nov. 20, 2019", Label.OTHER),
        ("Power shutoff begins", Label.TITLE),
        (
            "SAN FRANCISCO — Crews began the shutoff on Tuesday, Nov. 19, as winds rose across the state.",
            Label.BODY,
        ),
        ("The utility said the power would return within two days for most of its customers.", Label.BODY),
    )
    published, _ = resolve_dates(blocks, labels, None, datetime(2019, 11, 21), EN)
    assert published is not None and published.iso() == "2019-11-20"


def test_year_less_date_after_the_stated_update_is_not_the_publication() -> None:
    """Without a fetch time, "16 May" gets the latest year not in the future, which can fall after
    the page's own "Updated March 13, 2024": such a guess is dropped, the update date stands."""
    blocks, labels = _blocks(
        ("The best budget laptops", Label.TITLE),
        ("16 May", Label.OTHER),
        ("Updated March 13, 2024", Label.BODY),
        ("We tested a dozen laptops under a thousand dollars over several weeks of daily use.", Label.BODY),
    )
    published, modified = resolve_dates(blocks, labels, None, None, EN)
    assert published is not None and published.iso() == "2024-03-13"
    assert modified is not None and modified.iso() == "2024-03-13"


# A number after a date is not always its year or its time: it was read as an hour ("kemarin,
# 12 orang" dated "kemarin, 12") or it hid the date ("Pada 24 April, 40 orang datang": none).
@pytest.mark.parametrize(
    ("lang", "text", "said", "want"),
    [
        ("id", "Tiba kemarin, 12 orang langsung diperiksa.", "kemarin", "2025-05-04"),
        ("id", "Pada 24 April, 40 orang datang.", "24 April", "2025-04-24"),
        ("id", "Sebanyak 24 April 2.500 warga", "24 April", "2025-04-24"),
        ("id", "Sabtu (26/4), 30 warga mengungsi.", "Sabtu (26/4)", "2025-04-26"),
        ("id", "Senin, 28 April 10.30 WIB", "Senin, 28 April 10.30 WIB", "2025-04-28T10:30:00+07:00"),
        ("en", "On April 24, 40 people came.", "April 24", "2025-04-24"),
        ("en", "The council said today, 40 members voted.", "today", "2025-05-05"),
        ("en", "The fair runs March 2–5.", "March 2", "2025-03-02"),
        ("en", "April 24, 10:30 am", "April 24, 10:30 am", "2025-04-24T10:30:00"),
        # four digits are a year (dmy, mdy), also glued to a time by a flattened page: no day alone
        ("en", "Published Wed, Nov 20 20194:29 AM EST", None, None),
        ("en", "It opened April 24, 2025.", "April 24, 2025", "2025-04-24"),
    ],
)
def test_a_number_after_a_date_is_neither_its_time_nor_its_end(
    lang: str, text: str, said: str | None, want: str | None
) -> None:
    found = find_dates(text, REFERENCE, _lexicon(lang))
    if said is None:
        assert not [m for m in found if m.kind != "time"]
        return
    assert [(m.text, m.iso()) for m in found] == [(said, want)]


def test_a_sentence_full_stop_after_a_month_name_is_not_the_date_s() -> None:
    lexicon = _lexicon("id")
    assert [m.text for m in find_dates("Rapat digelar pada 5 Mei.", REFERENCE, lexicon)] == ["5 Mei"]
    assert [m.text for m in find_dates("Rapat digelar 12 Desember.", REFERENCE, lexicon)] == ["12 Desember"]
    assert [m.text for m in find_dates("Rapat digelar pada 5 Des.", REFERENCE, lexicon)] == [
        "5 Des."
    ]  # short
    assert [m.text for m in find_dates("It opened on 4 Sept. 2024", REFERENCE, _lexicon("en"))] == [
        "4 Sept. 2024"
    ]


def test_a_year_less_day_in_the_lede_yields_to_the_day_the_url_states() -> None:
    # "Senin (9/6) malam" is when the flood began; the story went up the next day, as its URL says
    lede = "Gresik - Banjir rob merendam 320 rumah sejak Senin (9/6) malam."
    blocks, labels = _blocks(("Judul", Label.TITLE), (lede, Label.BODY))
    published, _ = resolve_dates(
        blocks, labels, None, None, ID, "https://x.example/berita/2025/06/10/banjir-rob"
    )
    assert published is not None and published.iso() == "2025-06-10"
    # without a URL the weekday's day stands, its year a guess
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 6, 11), ID)
    assert published is not None and published.iso() == "2025-06-09" and published.inferred_year


def test_a_guessed_year_yields_to_the_year_stated_for_that_day() -> None:
    blocks, labels = _blocks(
        ("Title", Label.TITLE),
        ("Nov 18, 8:19 PM", Label.BYLINE),
        ("Body text here.", Label.BODY),
        ("Posted November 18, 2019", Label.FOOTER),
    )
    published, _ = resolve_dates(blocks, labels, None, None, EN)
    assert published is not None and published.iso() == "2019-11-18T20:19:00" and not published.inferred_year


def test_the_day_at_the_end_of_a_leads_second_sentence_is_the_dateline_day() -> None:
    # "JAKARTA, KOMPAS —" leads name the day at a sentence's end, past the first 200 characters.
    lead = (
        "INDRAMAYU, KOMPAS — Ratusan petani garam di pesisir utara Indramayu kembali merugi karena "
        "harga garam krosok di tingkat petambak anjlok hingga Rp400 per kilogram pada musim ini. "
        "Harga itu jauh di bawah biaya produksi yang mencapai Rp650 per kilogram, seperti "
        "terpantau Kamis (5/6/2025). Tahun lalu harga sempat menyentuh Rp900 pada 12 Agustus 2024."
    )
    blocks = [Block(0, "Petani Garam Indramayu Kembali Merugi"), Block(1, lead), Block(2, "Paragraf kedua.")]
    labels = [Label.TITLE, Label.BODY, Label.BODY]
    published, _ = resolve_dates(blocks, labels, None, datetime(2025, 6, 6), load_lexicon())
    assert published is not None and published.value.date() == date(2025, 6, 5)
