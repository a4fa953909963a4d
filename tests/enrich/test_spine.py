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


def test_a_placeholder_reference_date_resolves_nothing_and_costs_nothing() -> None:
    from datetime import datetime

    text = "Rapat Akhir Mei\n\nJAKARTA - Rapat itu digelar akhir Mei lalu dan dilanjutkan Senin depan di balai kota.\n"
    for reference in (datetime(1, 1, 1), datetime(9999, 12, 31)):  # Go's zero time in dumps; the far end
        article = warta.extract(text, options=ExtractOptions(enrich=True, reference=reference))
        assert not any(w.startswith("enrichment failed") for w in article.warnings)
        assert not any(d["relative"] for d in article.annotations["dates"])


def test_a_locale_tag_reads_as_its_language() -> None:
    from warta.model import Article, BodyPart

    enricher = Enricher(("id", "en"))
    article = Article(
        title="Prices", body=[BodyPart("paragraph", "Prices rose 2.500 percent.", 0)], language="en-US"
    )
    assert enricher.context(article).language == "en"
    assert [q["value"] for q in enricher.annotate(article)["quantities"]] == [2.5]


def test_an_annotator_failure_is_a_warning_not_a_lost_article(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import warta.enrich.keywords as keywords

    def broken(*args: object) -> list[object]:
        raise ValueError("boom")

    monkeypatch.setattr(keywords, "find_keywords", broken)
    article = warta.Extractor(ExtractOptions(enrich=True)).extract_page(
        warta.Page(content=_PAGE, kind="text", source="<test>")
    )
    assert article.body and article.annotations == {}
    assert any(w.startswith("enrichment failed: internal error (ValueError: boom)") for w in article.warnings)


def test_a_numeral_past_any_float_is_no_quantity() -> None:
    from warta.model import Article, BodyPart

    huge = "Rp " + ".".join(["1"] + ["000"] * 140) + " triliun dan 5 persen"
    article = Article(title="x", body=[BodyPart("paragraph", huge, 0)], language="id")
    found = Enricher(("id", "en")).annotate(article)["quantities"]
    assert [q["value"] for q in found] == [5.0]
