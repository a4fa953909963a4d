"""One list of titles (`enrich/data/titles/<language>.toml`) read by entities and quotes alike."""

from __future__ import annotations

import pytest

from warta.enrich import EnrichContext, Enricher
from warta.enrich.data import annotator_data
from warta.enrich.entities import person_titles
from warta.enrich.quotes import find_quotes, quote_lexicon

CASES = [
    ("id", "“Kami akan menindak tegas pelakunya,” kata Aiptu Budi Santoso di Jakarta.", "Budi Santoso"),
    ("id", "“Kasus ini kami usut tuntas,” ujar Komjen Ahmad Dofiri kepada wartawan.", "Ahmad Dofiri"),
    ("id", "Komjen Ahmad Dofiri mengatakan, “Kasus ini kami usut tuntas.”", "Ahmad Dofiri"),
    ("en", "“We are ready,” said Sen. Maria Lopez on Monday.", "Maria Lopez"),
]


@pytest.mark.parametrize(("language", "text", "name"), CASES)
def test_entities_and_quotes_cut_the_same_titles(language: str, text: str, name: str) -> None:
    context = EnrichContext((language,), language, None)
    entities = Enricher((language,)).recogniser().find([text], context)
    people = [entity for entity in entities if entity.type == "person"]
    assert [(entity.text, entity.canonical) for entity in people] == [(name, name)]
    assert all(text[entity.start : entity.end] == entity.text for entity in entities)
    quotes = find_quotes([text], context, entities)
    assert [quote.speaker for quote in quotes] == [name]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_title_is_read_by_both_annotators(language: str) -> None:
    data = annotator_data("titles", (language,))
    lexicon = quote_lexicon((language,))
    read_by_entities = set(person_titles((language,)))
    for key in ("ranks", "offices", "occupations"):
        for title in data[key]:
            assert title in read_by_entities
            words = tuple(word.strip(".").lower() for word in title.split())
            assert words in lexicon.ranks or words in lexicon.offices
    # the old per-annotator lists are gone: one list, no second copy to drift
    assert "titles" not in annotator_data("entities", (language,))
    assert "ranks" not in annotator_data("quotes", (language,))


def test_gus_stays_part_of_the_name_the_person_goes_by() -> None:
    from warta.enrich import EnrichContext, Enricher

    recogniser = Enricher(("id", "en")).recogniser()
    text = "Mantan Presiden Gus Dur dikenal sebagai pembela kaum minoritas, kata Gus Ipul di Surabaya."
    names = {
        e.text for e in recogniser.find([text], EnrichContext(("id", "en"), "id", None)) if e.type == "person"
    }
    assert "Dur" not in names and "Ipul" not in names
