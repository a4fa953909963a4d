"""One options object for extraction instead of keyword sprawl."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.errors import ConfigError
from warta.lexicon import DEFAULT_LANGUAGES


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """How to extract. Load from TOML with `ExtractOptions.from_toml`, override with `.with_(...)`.

    Example:
        >>> ExtractOptions().with_(languages=("id",)).languages
        ('id',)
    """

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    # Probability above which a block counts as article body.
    body_threshold: float = 0.5
    # Pages larger than this (decoded characters) are truncated and flagged.
    max_chars: int = 5_000_000
    # Longest a single line may be before it is cut into pieces (flattened text).
    max_line_chars: int = 20_000
    # Per-page time limit in seconds, honoured by the library (0 = none).
    timeout_s: float = 0.0
    # Reference date for relative and year-less dates (defaults to fetch time, then now).
    reference: datetime | None = None
    # Keep block labels in the output (for debugging and evaluation).
    include_labels: bool = False
    # Block scoring: 'auto' uses a compiled copy of the models when one is cached
    # (`warta models --compile`), 'compile' compiles missing ones first, 'off' is LightGBM only.
    compiled_models: str = "auto"
    # Decode mojibake (UTF-8 text once read as Windows-1252: "â€™" for "’") in block
    # text and markup metadata; each repaired page carries a warning.
    repair_mojibake: bool = True
    # Annotate the body (`warta.enrich`): entities, quotes, quantities, date mentions and
    # keywords, kept in `Article.annotations`.
    enrich: bool = False
    # Titles of flattened text without metadata: 'ranker' (the default), a learned ranker over
    # the page's head lines (`warta.assemble.text_title`), or 'rules' (`choose_title` alone):
    # the ranker gets more titles right (WCXB dev, held-out ids: bs4 0.67 -> 0.70, inscriptis
    # 0.42 -> 0.48) for ~13 % more instructions a flattened page. HTML titles are the same either way.
    text_titles: str = "ranker"

    def with_(self, **changes: Any) -> ExtractOptions:
        return replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> ExtractOptions:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read options file {path}: {exc}") from exc
        section = data.get("extract", data)
        known = {f.name for f in fields(cls)}
        unknown = set(section) - known
        if unknown:
            raise ConfigError(f"unknown option(s) in {path}: {', '.join(sorted(unknown))}")
        for option in fields(cls):
            if option.name in section:
                _check_type(option.name, option.default, section[option.name], path)
        if "languages" in section:
            section["languages"] = tuple(section["languages"])
        return cls(**section)


def _check_type(name: str, default: object, value: object, path: str | Path) -> None:
    """Raise `ConfigError` when an options file gives `name` a value of the wrong type (which
    would otherwise fail every page later, as an internal error)."""
    if name == "languages":
        ok, wanted = isinstance(value, list) and all(isinstance(v, str) for v in value), "a list of codes"
    elif name == "reference":
        ok, wanted = isinstance(value, datetime), "a date-time (2025-05-02T10:00:00)"
    elif isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(default, float):
        ok, wanted = isinstance(value, int | float) and not isinstance(value, bool), "a number"
    elif isinstance(default, int):
        ok, wanted = isinstance(value, int) and not isinstance(value, bool), "a whole number"
    else:
        ok, wanted = isinstance(value, str), "a string"
    if not ok:
        raise ConfigError(f"option {name} in {path} must be {wanted}, not {value!r}")
