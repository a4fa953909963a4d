"""Job titles and outlets printed beside a credited name are kept (`Person.job_title`, `affiliation`)."""

from __future__ import annotations

import pytest

from warta.lexicon import load_lexicon
from warta.meta.byline import Bylines, find_bylines
from warta.meta.credits import comma_outlet, credit_details, site_outlet, unique_people
from warta.meta.page import PageMetadata
from warta.meta.site import site_keys
from warta.model import Block, Label, Person

LEX = load_lexicon()
BODY = "Paragraf isi berita yang cukup panjang untuk dianggap sebagai isi artikel oleh pengklasifikasi."


def _find(*lines: tuple[str, Label], metadata: PageMetadata | None = None) -> Bylines:
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    return find_bylines(blocks, [label for _, label in lines], LEX, metadata)


def _credit(line: str, metadata: PageMetadata | None = None) -> list[Person]:
    return _find(("Title", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY), metadata=metadata).authors


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        ("By Oliver Pennington, Local Democracy Reporter", "Oliver Pennington", "Local Democracy Reporter"),
        ("By Emma Ryan Writer", "Emma Ryan", "Writer"),
        ("By Rasmus Barslund Founder, Lead Reviewer", "Rasmus Barslund", "Founder, Lead Reviewer"),
        ("By Mateusz HabernyFounder", "Mateusz Haberny", "Founder"),
        ("Oleh Arief Setiawan, Jurnalis", "Arief Setiawan", "Jurnalis"),
        ("Penulis: Dewi Lestari, Wartawan Senior", "Dewi Lestari", "Wartawan Senior"),
    ],
)
def test_the_cut_job_title_is_kept(line: str, name: str, title: str) -> None:
    assert _credit(line) == [Person(name, job_title=title)]


def test_an_editors_title_is_kept_with_the_editor() -> None:
    found = _find(("Judul", Label.TITLE), (BODY, Label.BODY), ("Editor: Rina Wijaya, Editor", Label.OTHER))
    assert found.editors == [Person("Rina Wijaya", role="editor", job_title="Editor")]


@pytest.mark.parametrize(
    ("line", "name", "outlet"),
    [
        ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("Laporan wartawan Kompas.com, Budi Santoso", "Budi Santoso", "Kompas.com"),
        ("Penulis: Budi Santoso (Antara)", "Budi Santoso", "Antara"),
    ],
)
def test_a_known_agency_beside_the_name_is_the_affiliation(line: str, name: str, outlet: str) -> None:
    people = [p for p in _credit(line) if not p.is_organisation]
    assert people == [Person(name, affiliation=outlet)]


def test_the_agency_credited_after_a_comma_stays_a_credit_of_its_own() -> None:
    assert _credit("By Jane Doe and John Roe, Reuters") == [
        Person("Jane Doe", affiliation="Reuters"),
        Person("John Roe", affiliation="Reuters"),
        Person("Reuters", role="agency", is_organisation=True),
    ]


def test_title_and_outlet_together() -> None:
    assert _credit("By Jane Doe Staff Writer, Reuters") == [
        Person("Jane Doe", job_title="Staff Writer", affiliation="Reuters")
    ]
    # an outlet the lexicon does not know is no affiliation, nor part of the title
    assert _credit("By Jane Doe, Senior Editor, PCWorld") == [Person("Jane Doe", job_title="Senior Editor")]


@pytest.mark.parametrize(
    "line", ["By Jane Doe", "Penulis: Budi Santoso", "Penulis: Fikri Halim (Banten)", "By Ann Lee and Bo Kim"]
)
def test_a_name_alone_keeps_none(line: str) -> None:
    people = _credit(line)
    assert people and all(p.job_title is None and p.affiliation is None for p in people)


def test_a_repeated_credit_keeps_one_person_with_the_title() -> None:
    found = _find(
        ("Title", Label.TITLE),
        ("By Jane Doe", Label.OTHER),
        (BODY, Label.BODY),
        ("Written by Jane Doe, Staff Writer", Label.OTHER),
    )
    assert found.authors == [Person("Jane Doe", job_title="Staff Writer")]


def test_markup_authors_take_the_visible_bylines_title() -> None:
    metadata = PageMetadata(authors=[("Oliver Pennington", "json-ld")])
    assert _credit("By Oliver Pennington, Local Democracy Reporter", metadata) == [
        Person("Oliver Pennington", job_title="Local Democracy Reporter")
    ]


def test_jsonld_job_title_and_affiliation_win() -> None:
    metadata = PageMetadata(
        authors=[("Meg Jones", "json-ld"), ("Ann Lee", "json-ld")],
        author_details=[("Meg Jones", "Staff Writer", "The Daily Ledger")],
    )
    assert _credit("By Meg Jones, Columnist", metadata) == [
        Person("Meg Jones", job_title="Staff Writer", affiliation="The Daily Ledger"),
        Person("Ann Lee"),
    ]


def _header(line: str, metadata: PageMetadata | None = None) -> list[Person]:
    return _find(
        ("Judul Berita Hari Ini", Label.TITLE), (line, Label.OTHER), (BODY, Label.BODY), metadata=metadata
    ).authors


def test_header_bylines_keep_the_outlet_and_the_role() -> None:
    assert _header("Sri Rahayu, CNN Indonesia") == [Person("Sri Rahayu", affiliation="CNN Indonesia")]
    assert _header("Rahmat Fajar Hidayat - detikNews") == [
        Person("Rahmat Fajar Hidayat", affiliation="detikNews")
    ]
    assert _header("Arief Setiawan, Jurnalis · Minggu, 12 Mei 2024") == [
        Person("Arief Setiawan", job_title="Jurnalis")
    ]


def test_a_header_byline_naming_the_site_gives_the_affiliation() -> None:
    site = PageMetadata(site_name="Warta Kota", canonical_url="https://wartakota.example/a")
    assert _header("Sri Rahayu - Warta Kota", site) == [Person("Sri Rahayu", affiliation="Warta Kota")]
    # another page's outlet, or a section, is no affiliation
    other = PageMetadata(site_name="Kabar Pagi", canonical_url="https://kabarpagi.example/a")
    assert _header("Sri Rahayu - Warta Kota", other) == [Person("Sri Rahayu")]


def test_credit_details_reads_only_role_words_and_known_agencies() -> None:
    assert credit_details("", LEX) == (None, None)
    assert credit_details("Founder, Lead Reviewer", LEX) == ("Founder, Lead Reviewer", None)
    assert credit_details("Staff Writer, Reuters", LEX) == ("Staff Writer", "Reuters")
    assert credit_details("Illustrator, PCWorld", LEX) == (None, None)
    # the role words are the lexicon's: an English-only lexicon knows no "Jurnalis"
    assert credit_details("Jurnalis", load_lexicon(("en",))) == (None, None)
    assert credit_details("Jurnalis", LEX) == ("Jurnalis", None)


def test_comma_outlet_takes_one_agency_at_either_end() -> None:
    assert comma_outlet("Jane Doe, Reuters", LEX) == "Reuters"
    assert comma_outlet("Kompas.com, Budi Santoso", LEX) == "Kompas.com"
    assert comma_outlet("Jane Doe", LEX) is None
    assert comma_outlet("Reuters, Jane Doe, AP", LEX) is None  # two agencies: whose is whose?
    assert comma_outlet("Jane Doe, Reuters, John Roe", LEX) is None  # in the middle


def test_site_outlet_matches_the_sites_names_and_host() -> None:
    keys = site_keys(["The Verge"], "https://www.theverge.com/2025/x")
    assert site_outlet("The Verge", keys) == "The Verge"
    assert site_outlet("theverge.com", keys) == "theverge.com"
    assert site_outlet("Verge", keys) is None  # a part of the name is not the name


def test_unique_people_fills_details_from_repeats() -> None:
    people = [
        Person("A B"),
        Person("A B", job_title="Writer"),
        Person("A B", affiliation="AP"),
        Person("C D"),
    ]
    assert unique_people(people) == [Person("A B", job_title="Writer", affiliation="AP"), Person("C D")]
    assert unique_people([Person("A B", job_title="Writer"), Person("A B", job_title="Editor")]) == [
        Person("A B", job_title="Writer")
    ]
