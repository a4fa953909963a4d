"""The JSON Schema of warta's output (`Article.to_dict()`), versioned with `SCHEMA_VERSION`.

>>> from warta.schema import article_schema
>>> article_schema()["properties"]["schema_version"]["const"]  # doctest: +SKIP
'1.2'
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def article_schema() -> dict[str, Any]:
    """The article JSON Schema (draft 2020-12), read once from the package data."""
    text = files("warta.schema").joinpath("article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
