"""Bylines: prefixed credits, agencies, teams, junk, and markup authors."""

from __future__ import annotations

from warta.lexicon import load_lexicon
from warta.meta.byline import find_bylines, is_plausible_name
from warta.meta.page import PageMetadata
from warta.model import Block, Label, Person

LEX = load_lexicon()
BODY = "Paragraf isi berita yang cukup panjang untuk dianggap sebagai isi artikel oleh pengklasifikasi."


def _find(*lines: tuple[str, Label], metadata: PageMetadata | None = None):  # type: ignore[no-untyped-def]
    blocks = [Block(i, text) for i, (text, _) in enumerate(lines)]
    return find_bylines(blocks, [label for _, label in lines], LEX, metadata)


def test_indonesian_credit_lines() -> None:
    found = _find(
        ("Judul", Label.TITLE),
        ("Penulis: Budi Santoso | Editor: Rina Wijaya", Label.OTHER),
        (BODY, Label.BODY),
        ("Pewarta: Fahmi Ramadhan", Label.OTHER),
    )
    assert [p.name for p in found.authors] == ["Budi Santoso", "Fahmi Ramadhan"]
    assert [p.name for p in found.editors] == ["Rina Wijaya"]


def test_reuters_style_credits() -> None:
    found = _find(
        ("Title", Label.TITLE),
        (BODY, Label.BODY),
        ("Reporting by Jane Doe and John Roe; Editing by Mark Potter", Label.OTHER),
    )
    assert [p.name for p in found.authors] == ["Jane Doe", "John Roe"]
    assert [p.name for p in found.editors] == ["Mark Potter"]


def test_by_and_oleh() -> None:
    assert [
        p.name
        for p in _find(("T", Label.TITLE), ("By Ann Lee and Bo Kim", Label.OTHER), (BODY, Label.BODY)).authors
    ] == [
        "Ann Lee",
        "Bo Kim",
    ]
    assert [
        p.name
        for p in _find(("T", Label.TITLE), ("Oleh: Siti Aminah", Label.OTHER), (BODY, Label.BODY)).authors
    ] == ["Siti Aminah"]


def test_team_bylines_are_organisations() -> None:
    found = _find(("Judul", Label.TITLE), ("Penulis: Tim detikJabar", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Tim detikJabar", role="team", is_organisation=True)]


def test_timothy_is_not_a_team() -> None:
    found = _find(("T", Label.TITLE), ("By Timothy Smith", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == [Person("Timothy Smith")]


def test_junk_is_rejected() -> None:
    for junk in ("Email The Author", "Hours Ago", "3 jam lalu", "Kirim Email"):
        assert not is_plausible_name(junk, LEX), junk
    found = _find(("T", Label.TITLE), ("By Email The Author", Label.OTHER), (BODY, Label.BODY))
    assert found.authors == []


def test_markup_authors_first_and_credentials_kept() -> None:
    meta = PageMetadata(
        authors=[("Dylan Bailey, MS, RD", "json-ld"), ("https://facebook.com/x", "meta:author")]
    )
    found = _find(("T", Label.TITLE), ("Share This Story", Label.OTHER), (BODY, Label.BODY), metadata=meta)
    assert [p.name for p in found.authors] == ["Dylan Bailey, MS, RD"]
