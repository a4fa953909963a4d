"""The tagger reads a paragraph sentence by sentence: where sentences end."""

from __future__ import annotations

from warta.enrich.entities import _language, sentence_ranges
from warta.enrich.ner_features import tokenise


def _sentences(text: str) -> list[str]:
    tokens = tokenise(text)
    titles = _language("id").titles
    return [
        text[tokens[begin].start : tokens[end - 1].end]
        for begin, end in sentence_ranges(text, tokens, titles)
    ]


def test_a_paragraph_splits_at_its_full_stops() -> None:
    text = "Presiden tiba di Surabaya pada Senin. Ia disambut Gubernur Khofifah! Apa yang dibahas? 2026 jadi tahun sibuk."
    assert _sentences(text) == [
        "Presiden tiba di Surabaya pada Senin.",
        "Ia disambut Gubernur Khofifah!",
        "Apa yang dibahas?",
        "2026 jadi tahun sibuk.",
    ]


def test_titles_initials_and_lowercase_go_on() -> None:
    text = "Menurut Dr. Budi Santoso dan B. J. Habibie, harga naik 3.5 persen. lalu turun lagi."
    assert _sentences(text) == [text]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    text = "“Kami siap,” kata Andi. “Besok kami berangkat.” Rombongan tiba di Jakarta."
    assert _sentences(text) == [
        "“Kami siap,” kata Andi.",
        "“Besok kami berangkat.”",
        "Rombongan tiba di Jakarta.",
    ]


def test_one_sentence_and_none() -> None:
    assert _sentences("Banjir surut.") == ["Banjir surut."]
    assert sentence_ranges("", [], frozenset()) == [(0, 0)]


def test_dotted_abbreviations_and_lowercase_go_on() -> None:
    text = "Rapat dimulai pukul 9 a.m. Senin lalu di gedung U.S. Embassy. Hasilnya diumumkan sore."
    assert _sentences(text) == [
        "Rapat dimulai pukul 9 a.m. Senin lalu di gedung U.S. Embassy.",
        "Hasilnya diumumkan sore.",
    ]


def test_the_speaker_finder_splits_where_the_tagger_does() -> None:
    from warta.enrich.quote_lexicon import quote_lexicon
    from warta.enrich.speakers import _sentence_ends

    text = "Harga naik 3.5 persen. lalu turun. Kata Dr. Budi, pasar tenang! Apa sebabnya?"
    ends = _sentence_ends(text, quote_lexicon(("id",)))
    assert [text[start:] for start in ends] == ["Kata Dr. Budi, pasar tenang! Apa sebabnya?", "Apa sebabnya?"]
