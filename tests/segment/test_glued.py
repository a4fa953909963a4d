"""Text flattened with no separator between elements (`warta.segment.glued`): glued lines split."""

import warta
from warta.segment.glued import unglued

HEAD = "Nous utilisons des cookies.AccepterRefuser\nLe Petit LéonAccueilActualitéÉconomieSports\n"


def test_a_glued_page_has_its_short_lines_split_where_elements_met() -> None:
    text = unglued(HEAD + "Par Anne Le BrisPublié le 3 mars 2025 à 08h10Mis à jour à 09h00\n")
    assert text is not None
    lines = text.splitlines()
    assert "Par Anne Le Bris" in lines and "Publié le 3 mars 2025 à 08h10" in lines
    assert lines[3:8] == ["Le Petit Léon", "Accueil", "Actualité", "Économie", "Sports"]


def test_a_label_glued_to_glued_items_is_split_from_them_not_from_one_value() -> None:
    text = unglued(HEAD + "Sujets :RoscoffPêche\nÀ lire aussi :Une saison correcte\n")
    assert text is not None
    lines = text.splitlines()
    assert lines[-4:] == ["Sujets :", "Roscoff", "Pêche", "À lire aussi :Une saison correcte"]


def test_long_paragraphs_keep_their_camel_case_words() -> None:
    paragraph = "Le maire a publié la vidéo sur YouTube et WhatsApp, " * 8
    text = unglued(HEAD + paragraph + "\n")
    assert text is not None and paragraph in text


def test_brand_names_and_a_glued_list_without_a_glued_sentence_are_no_glued_page() -> None:
    assert unglued("Follow us on LinkedIn, YouTube and WhatsApp\nAirPods MacBook PlayStation\nText.") is None
    # a region picker glued into one word, the page's sentences written apart
    assert unglued("Region AfricaAdriaAustraliaBenelux\nWe bring you deals. Every day.") is None


def test_a_glued_byline_gives_its_author() -> None:
    page = (
        HEAD
        + "Les pêcheurs testent des balises\n"
        + "Par Anne Le BrisPublié le 3 mars 2025 à 08h10\n"
        + "Sur le quai du port, les pêcheurs empilent leurs casiers avant de partir en mer pour la journée. "
        "Une balise jaune est fixée sur chaque bouée depuis le mois de mars.\n"
        + "Les balises envoient leur position toutes les six heures à une application installée sur le "
        "téléphone du patron, qui peut aller récupérer une bouée qui dérive.\n"
    )
    article = warta.extract(page, kind="text")
    assert [p.name for p in article.authors] == ["Anne Le Bris"]


def test_a_page_that_glues_its_header_lines_without_a_glued_sentence_is_a_glued_page() -> None:
    page = (
        "Harbour news | The Tidewater Post\n"
        "Tidewater PostHomeHarbourWeatherSportsLog In\n"
        "HarbourNew pier opens at the old ferry slipBy Ruth Calder and Owen PikeMarch 4, 2025 9:10 AM\n"
        "The new pier at the old ferry slip opened on Tuesday after two years of work on the harbour wall.\n"
    )
    text = unglued(page)
    assert text is not None
    lines = text.splitlines()
    assert "By Ruth Calder and Owen Pike" in lines and "March 4, 2025 9:10 AM" in lines
    assert lines[-1] == page.splitlines()[-1]


def test_a_glued_list_beside_a_few_brand_names_is_no_glued_page() -> None:
    text = "Region AfricaAdriaAustraliaBenelux\nFollow us on LinkedIn and WhatsApp\nWe bring you deals. Every day."
    assert unglued(text) is None
