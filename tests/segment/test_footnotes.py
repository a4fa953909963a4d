"""Footnote marks glued to a word, the notes listed after the page (`warta.segment.footnotes`)."""

from warta.segment.footnotes import without_note_marks

PAGE = (
    "El nivel del acuífero es el más bajo desde 2008, según la Confederación[1] y un estudio[2].\n\n"
    "Las obras terminarán en 2026[3]. Ver el cuadro [4] abajo.\n\n"
    "© 2025 El Diario\n\n"
    "[1] Informe de seguimiento del acuífero, abril de 2025.\n\n"
    "[2] Estudio sobre riego de precisión: https://ual.example/riego\n\n"
    "[3] Nota de prensa del Ministerio."
)


def test_marks_of_listed_notes_are_left_out_of_the_text_above_them() -> None:
    text = without_note_marks(PAGE)
    assert text is not None
    assert "según la Confederación y un estudio." in text
    assert "terminarán en 2026." in text
    assert "Ver el cuadro [4] abajo." in text  # no note 4, and not glued to a word: kept
    assert "[1] Informe de seguimiento" in text  # the notes keep their numbers


def test_a_link_reference_list_or_a_page_without_notes_is_left_as_it_is() -> None:
    # w3m's references: addresses, not notes; its link numbers open a link's text
    w3m = "Penulis: [13]Ahmad Fauzi dan[14] lainnya\n\nReferences:\n\n[1] https://a.example/\n[2] https://b.example/"
    assert without_note_marks(w3m) is None
    assert without_note_marks("A page with a mark[1] and no notes.") is None
    assert without_note_marks("Text.\n\n[1] A note with no mark in the text.") is None
