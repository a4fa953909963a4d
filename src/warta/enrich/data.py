"""Language data of the annotators: `enrich/data/<annotator>/<language>.toml`, one file per
language, merged for the languages an extractor reads. Adding a language adds files. A language's
data may go on in more files, `<language>.<part>.toml` (a generated place list: `id.wilayah.toml`),
merged after its own file in the order of their names."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def annotator_data(annotator: str, languages: tuple[str, ...]) -> dict[str, Any]:
    """The merged data of `annotator` for `languages`: lists are joined (first language first,
    duplicates dropped), tables merged key by key; a language without a file adds nothing."""
    merged: dict[str, Any] = {}
    folder = resources.files("warta.enrich") / "data" / annotator
    for language in languages:
        main = folder / f"{language}.toml"
        if not main.is_file():
            continue
        parts = sorted(
            p.name for p in folder.iterdir() if p.name.startswith(f"{language}.") and p.name.endswith(".toml")
        )
        for name in [main.name, *(n for n in parts if n != main.name)]:
            _merge(merged, tomllib.loads((folder / name).read_text(encoding="utf-8")))
    return merged


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            into[key] = old + [item for item in value if item not in old]
        else:
            into.setdefault(key, value)
