from warta.assemble.title import choose_title, strip_site_name
from warta.lexicon import load_lexicon
from warta.model import Label
from warta.segment.text import segment_text


def test_site_suffix_is_removed():
    assert strip_site_name("Harga Beras Naik di Pasar Induk | Kabar Kota") == "Harga Beras Naik di Pasar Induk"
    assert strip_site_name("Markets rally as inflation cools - The Daily Ledger", "dailyledger.com") == (
        "Markets rally as inflation cools"
    )
    assert strip_site_name("No separator here at all") == "No separator here at all"


def test_headline_line_matching_the_page_title_is_chosen():
    text = "Harga Beras Naik di Pasar Induk | Kabar Kota\nBeranda\nEkonomi\nHarga Beras Naik di Pasar Induk\nBody."
    blocks = segment_text(text)
    labels = [Label.OTHER] * 4 + [Label.BODY]
    title, index = choose_title(blocks, labels, load_lexicon())
    assert title == "Harga Beras Naik di Pasar Induk"
    assert index == 3
