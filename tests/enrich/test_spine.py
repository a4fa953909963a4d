from __future__ import annotations

import warta
from warta.enrich import ANNOTATIONS, Enricher
from warta.enrich.data import annotator_data
from warta.options import ExtractOptions

_PAGE = (
    "Banjir Rendam Tiga Kecamatan\n\n"
    "SEMARANG - Hujan deras sejak Senin malam membuat tiga kecamatan di Semarang terendam banjir.\n\n"
    "Ketinggian air mencapai 50 sentimeter di beberapa ruas jalan utama kota itu.\n"
)


def test_enrichment_is_off_by_default_and_fills_every_annotation_when_asked() -> None:
    assert warta.extract(_PAGE).annotations == {}
    article = warta.extract(_PAGE, options=ExtractOptions(enrich=True))
    assert set(article.annotations) == set(ANNOTATIONS)
    assert all(isinstance(article.annotations[name], list) for name in ANNOTATIONS)


def test_annotator_data_merges_languages_in_order() -> None:
    assert annotator_data("no-such-annotator", ("id", "en")) == {}


def test_enricher_loads_its_recogniser_once() -> None:
    enricher = Enricher(("id", "en"))
    assert enricher.recogniser() is enricher.recogniser()
