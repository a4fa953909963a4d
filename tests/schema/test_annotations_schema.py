"""The schema's `annotations` (1.2): the five lists of `warta.enrich.types`, item by item."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import jsonschema
import pytest

import warta
from warta.enrich import ANNOTATIONS, Annotations
from warta.enrich.types import DateMention, Entity, Keyword, Quantity, Quote
from warta.model import SCHEMA_VERSION, Article, BodyPart
from warta.options import ExtractOptions
from warta.schema import article_schema

_PAGE = (
    "Harga Beras Naik di Jakarta\n\n"
    "JAKARTA - Harga beras di pasar tradisional naik lagi pekan ini, kata pedagang.\n\n"
    "Pemerintah menyiapkan operasi pasar untuk menekan harga beras.\n"
)

_DEFS = {
    "entities": ("entity", Entity),
    "quotes": ("quote", Quote),
    "quantities": ("quantity", Quantity),
    "dates": ("date_mention", DateMention),
    "keywords": ("keyword", Keyword),
}


def _enriched() -> dict[str, Any]:
    body = ['"Stok aman," kata Perry di Jakarta, Senin.', "Harga naik 5 persen menjadi Rp 14.000 di 3 pasar."]

    def at(paragraph: int, text: str) -> tuple[int, int, int]:
        start = body[paragraph].index(text)
        return paragraph, start, start + len(text)

    annotations = Annotations(
        entities=[
            Entity("Perry", "person", "Perry Warjiyo", *at(0, "Perry")),
            Entity("Jakarta", "place", "Jakarta", *at(0, "Jakarta"), "gazetteer"),
        ],
        quotes=[Quote("Stok aman,", "Perry", "Perry Warjiyo", "kata", *at(0, "Stok aman,"))],
        quantities=[
            Quantity("5 persen", 5.0, "%", "percent", *at(1, "5 persen")),
            Quantity("Rp 14.000", 14000.0, "IDR", "money", *at(1, "Rp 14.000")),
            Quantity("3", 3.0, None, "count", *at(1, "3"), "pasar"),
        ],
        dates=[DateMention("Senin", "2026-03-09", "day", True, *at(0, "Senin"))],
        keywords=[Keyword("harga", 1.0), Keyword("stok", 0.41)],
    )
    article = Article(
        title="Stok beras", body=[BodyPart("paragraph", text, i) for i, text in enumerate(body)]
    )
    article.annotations.update(annotations.to_dict())
    return article.to_dict()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_version_is_1_5() -> None:
    assert SCHEMA_VERSION == "1.5"


def test_an_enriched_article_validates_and_its_spans_hold(validator: jsonschema.Draft202012Validator) -> None:
    data = _enriched()
    validator.validate(data)
    paragraphs = [part["text"] for part in data["body"]]
    for name in ("entities", "quotes", "quantities", "dates"):
        for item in data["annotations"][name]:
            assert paragraphs[item["paragraph"]][item["start"] : item["end"]] == item["text"], item


def test_an_article_enriched_by_the_pipeline_validates(validator: jsonschema.Draft202012Validator) -> None:
    article = warta.extract(_PAGE, options=ExtractOptions(enrich=True))
    assert set(article.annotations) == set(ANNOTATIONS) and article.annotations["keywords"]
    validator.validate(article.to_dict())


def test_the_schema_items_have_exactly_the_dataclass_fields() -> None:
    schema = article_schema()
    assert set(schema["properties"]["annotations"]["properties"]) == set(ANNOTATIONS)
    for name, (definition, cls) in _DEFS.items():
        item = schema["$defs"][definition]
        names = [field.name for field in dataclasses.fields(cls)]
        assert set(item["properties"]) == set(names) == set(item["required"]), name
        assert schema["properties"]["annotations"]["properties"][name]["items"] == {
            "$ref": f"#/$defs/{definition}"
        }


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("entities", 0, "type"), "animal"),
        (("entities", 0, "start"), -1),
        (("entities", 0, "source"), "guess"),
        (("quotes", 0, "speaker"), 7),
        (("quantities", 0, "kind"), "weight"),
        (("quantities", 0, "value"), "5"),
        (("quantities", 2, "counted"), ""),
        (("quantities", 2, "counted"), 3),
        (("dates", 0, "date"), "9 Maret 2026"),
        (("dates", 0, "precision"), "hour"),
        (("keywords", 0, "score"), 1.5),
        (("keywords", 0, "text"), ""),
        (("surprise",), []),
    ],
)
def test_wrong_annotations_are_rejected(
    validator: jsonschema.Draft202012Validator, path: tuple[str | int, ...], value: Any
) -> None:
    data = copy.deepcopy(_enriched())
    target: Any = data["annotations"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_an_article_not_enriched_keeps_empty_annotations(validator: jsonschema.Draft202012Validator) -> None:
    data = warta.extract(_PAGE).to_dict()
    assert data["annotations"] == {}
    validator.validate(data)
