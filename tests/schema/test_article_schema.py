"""The published JSON Schema matches `Article.to_dict()` exactly, and real output validates."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import warta
from warta.model import (
    SCHEMA_VERSION,
    Article,
    BodyPart,
    Comment,
    DateValue,
    Evidence,
    Label,
    ListItem,
    Person,
)
from warta.schema import article_schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def full_article() -> Article:
    wib = timezone(timedelta(hours=7))
    return Article(
        title="Judul",
        subtitle="Sub judul",
        body=[BodyPart("paragraph", "Paragraf.", 2), BodyPart("heading", "Subjudul", 3)],
        authors=[
            Person("Rina Lestari", job_title="Jurnalis", affiliation="Kompas.com"),
            Person("ANTARA", role="agency", is_organisation=True),
        ],
        editors=[Person("Budi Santoso", role="editor")],
        editor_codes=["fyk", "ash"],
        dateline="JAKARTA, KOMPAS.com",
        published=DateValue(
            datetime(2026, 3, 14, 9, 12, tzinfo=wib),
            "minute",
            Evidence("14/03/2026, 09:12 WIB", "byline", 4),
            timezone="WIB",
        ),
        modified=DateValue(datetime(2026, 3, 14), "day", Evidence("14 Maret", "body"), inferred_year=True),
        site="kompas.com",
        url="https://example.com/a",
        canonical_url="https://example.com/a",
        language="id",
        read_also=[ListItem("Baca ini")],
        related=[ListItem("Terkait", url="https://example.com/b", teaser="Teaser…")],
        sidebar=[ListItem("Populer", date="March 4, 2026")],
        comments=[Comment("Bagus!", author="Andi", date="March 5, 2026")],
        tags=["harga cabai"],
        images=[{"url": "https://example.com/i.jpg", "source": "meta:og:image"}],
        source="page.txt",
        input_kind="text",
        warnings=["page truncated"],
        labels=[Label.TITLE.value, Label.BODY.value],
        annotations={"entities": []},
    )


def test_schema_version_matches_model() -> None:
    schema = article_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert SCHEMA_VERSION in schema["$id"]


def test_schema_lists_exactly_the_output_fields() -> None:
    schema = article_schema()
    emitted = Article().to_dict(include_labels=True)
    assert set(schema["properties"]) == set(emitted)
    assert set(schema["required"]) == set(Article().to_dict())
    assert schema["additionalProperties"] is False


def test_label_enum_matches_model() -> None:
    assert article_schema()["properties"]["labels"]["items"]["enum"] == [label.value for label in Label]


@pytest.mark.parametrize("include_labels", [False, True])
def test_full_article_validates(validator: jsonschema.Draft202012Validator, include_labels: bool) -> None:
    validator.validate(full_article().to_dict(include_labels=include_labels))


def test_empty_article_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(Article().to_dict())


@pytest.mark.parametrize(
    "page",
    [
        "kompas-naive.txt",
        "detik-layout.txt",
        "mediaindonesia-like.txt",
        "reuters-wire.txt",
        "wordpress-blog-comments.txt",
        "english-news-cookies.txt",
    ],
)
def test_fixture_output_validates(validator: jsonschema.Draft202012Validator, page: str) -> None:
    article = warta.extract((FIXTURES / page).read_text(encoding="utf-8"), kind="text")
    validator.validate(article.to_dict(include_labels=True))


def _break(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(data)
    target: Any = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return broken


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), "0.9"),
        (("surprise",), 1),
        (("title",), 7),
        (("authors", 0, "role"), "wizard"),
        (("authors", 0, "job_title"), 7),
        (("authors", 0, "affiliation"), ""),
        (("body", 0, "kind"), "poem"),
        (("published", "precision"), "week"),
        (("published", "value"), "14 Maret 2026"),
        (("sidebar", 0, "title"), ""),
        (("input_kind",), "pdf"),
        (("labels", 0), "banner"),
    ],
)
def test_schema_rejects_wrong_output(
    validator: jsonschema.Draft202012Validator, path: tuple[str | int, ...], value: Any
) -> None:
    data = full_article().to_dict(include_labels=True)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(_break(data, path, value))


def test_schema_rejects_missing_field(validator: jsonschema.Draft202012Validator) -> None:
    data = full_article().to_dict()
    del data["read_also"]
    with pytest.raises(jsonschema.ValidationError, match="read_also"):
        validator.validate(data)


def test_documented_example_validates(validator: jsonschema.Draft202012Validator) -> None:
    import json
    import re

    doc = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
    example = re.search(r"```json\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert example is not None
    validator.validate(json.loads(example.group(1)))


def test_every_field_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    for name in article_schema()["properties"]:
        assert f"| `{name}` |" in doc, name


def test_person_fields_match_the_model() -> None:
    person = article_schema()["$defs"]["person"]
    emitted = Article(authors=[Person("Rina Lestari")]).to_dict()["authors"][0]
    assert set(person["properties"]) == set(emitted) == set(person["required"])
    assert emitted["job_title"] is None and emitted["affiliation"] is None
