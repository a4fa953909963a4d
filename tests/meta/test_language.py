"""Language of articles and paragraphs."""

from __future__ import annotations

from warta.meta.language import detect_language, paragraph_languages

ID = "Pemerintah akan menyalurkan bantuan sosial kepada warga terdampak banjir di Jakarta mulai pekan depan."
EN = "The government will distribute aid to residents affected by the floods in Jakarta starting next week."


def test_article_language() -> None:
    assert detect_language(ID)[0] == "id"
    assert detect_language(EN)[0] == "en"


def test_too_short_to_tell() -> None:
    assert detect_language("OK") == (None, 0.0)


def test_paragraphs_take_article_language_when_short() -> None:
    assert paragraph_languages([ID, EN, "Foto: AP"], "id") == ["id", "en", "id"]
