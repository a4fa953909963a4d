"""The data that flows through warta: Page → Block → Label → Article.

Every stage speaks these types. `Article.to_dict()` produces the versioned JSON
output described in `docs/schema.md` and `src/warta/schema/article.schema.json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

SCHEMA_VERSION = "1.5"

PageKind = Literal["html", "text"]
# "article": the page holds an article; "discussion": its markup declares a forum thread or a Q&A
# page, and `Article.body` holds the whole thread (the opening post and the replies); "other": it
# holds none (a listing, a shop), and `Article.body` holds the page's main content.
PageType = Literal["article", "discussion", "other"]


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input: an HTML document or flattened page text.

    `content` is bytes when the reader did not know the encoding; `decode_page`
    in `warta.readers.encoding` turns it into text.
    """

    content: str | bytes
    kind: PageKind | None = None
    url: str | None = None
    source: str | None = None
    fetched_at: datetime | None = None
    encoding: str | None = None
    http_headers: dict[str, str] | None = None
    # Problems met while reading (truncated gzip, undecodable bytes...): carried
    # into `Article.warnings` so a partial result is always flagged.
    warnings: tuple[str, ...] = ()
    # An article warta extracted already (a line of `warta extract -f jsonl` or `warta scale`
    # output, read back by `Article.from_dict`): extraction hands it on as it is.
    article: Article | None = None


class Label(StrEnum):
    """What a block is. Values are stable: they appear in the JSON output."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    BODY = "body"
    HEADING = "heading"
    QUOTE = "quote"
    CAPTION = "caption"
    BYLINE = "byline"
    DATELINE = "dateline"
    READ_ALSO = "read_also"
    RELATED = "related"
    SIDEBAR = "sidebar"
    COMMENTS = "comments"
    NAV = "nav"
    FOOTER = "footer"
    AD = "ad"
    TAGS = "tags"
    OTHER = "other"


# The labels of a page's lists of links to other stories (what `build_lists` reads as entries).
LINK_LIST_LABELS = frozenset({Label.SIDEBAR, Label.RELATED, Label.READ_ALSO})


# The members the label passes compare block by block, as module constants: reading a member off its enum class costs ~70 ns on Python 3.11,
# a module global ~5, and these comparisons run for every block of every page.
LABEL_BODY = Label.BODY
LABEL_TITLE = Label.TITLE
LABEL_CAPTION = Label.CAPTION
LABEL_READ_ALSO = Label.READ_ALSO
LABEL_RELATED = Label.RELATED
LABEL_SIDEBAR = Label.SIDEBAR
LABEL_COMMENTS = Label.COMMENTS
LABEL_NAV = Label.NAV
LABEL_FOOTER = Label.FOOTER
LABEL_AD = Label.AD
LABEL_TAGS = Label.TAGS
LABEL_OTHER = Label.OTHER


# Semantic elements whose tag name is as telling as a class token: the HTML segmenter adds
# them to the `class_tokens` of the blocks inside them, and the features read them (the
# within_* columns, in this order).
SEMANTIC_TAGS = ("aside", "nav", "footer", "header", "article", "main", "form", "figure")


# Shares of a block's text inside links (`BlockStructure.link_density`), one scale for every rule:
# from LINK_LINE the block reads as a link, not prose (an item of a box under a header); from
# ALL_LINK it is a link and nothing else (a menu entry, a card's headline, a tag).
LINK_LINE = 0.6
ALL_LINK = 0.9
# A block's `class_tokens` come from this many of its nearest ancestors: a block whose
# `dom_depth` is no deeper holds the tokens of every element above it, <body>'s included.
CLASS_TOKEN_DEPTH = 14


@dataclass(frozen=True, slots=True)
class BlockStructure:
    """What the page's structure says about a block.

    The text path fills the layout fields (blank lines, bullets); the HTML path
    fills the DOM fields too. Defaults mean "unknown / not applicable".
    """

    blank_before: bool = False
    blank_after: bool = False
    bullet: bool = False
    heading_level: int = 0
    tag: str = ""
    tag_path: str = ""
    in_list: bool = False
    in_table: bool = False
    in_figure: bool = False
    in_blockquote: bool = False
    in_link: bool = False
    link_density: float = 0.0
    class_tokens: tuple[str, ...] = ()
    href: str | None = None
    dom_depth: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a page in reading order."""

    index: int
    text: str
    structure: BlockStructure = field(default_factory=BlockStructure)
    start: int = 0  # offset of the block in the decoded page text (text path) or -1
    end: int = 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value came from: the text that gave it and the zone it was found in."""

    text: str
    source: str  # e.g. "json-ld", "meta", "byline", "dateline", "body", "url"
    block: int | None = None


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date with its precision and the evidence it was read from."""

    value: datetime
    precision: Literal["year", "month", "day", "hour", "minute", "second"]
    evidence: Evidence
    timezone: str | None = None
    inferred_year: bool = False

    def iso(self) -> str:
        if self.precision in ("year", "month", "day"):
            return self.value.date().isoformat()
        return self.value.isoformat()


@dataclass(frozen=True, slots=True)
class Person:
    """A credited contributor. `role` is author, editor, reporter, photographer, reviewer (who
    checked the story: "Medically reviewed by", "Fact-checked by"), agency or team; a
    photographer or a reviewer is among the authors only where no writer is credited.
    `job_title` and `affiliation` (the outlet or organisation the person writes for) are what the
    page prints beside the name ("Oliver Pennington, Local Democracy Reporter", "By Jane Doe,
    Reuters") or the markup gives (JSON-LD `jobTitle`, `worksFor`), None where it gives none."""

    name: str
    role: str = "author"
    is_organisation: bool = False
    job_title: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class ListItem:
    """One entry of a read-also, related or sidebar list."""

    title: str
    url: str | None = None
    date: str | None = None
    teaser: str | None = None


@dataclass(frozen=True, slots=True)
class BodyPart:
    """One element of the article body in reading order."""

    kind: Literal["paragraph", "heading", "quote", "list_item", "caption"]
    text: str
    block: int


@dataclass(frozen=True, slots=True)
class Comment:
    text: str
    author: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Article:
    """The product of extraction. Field names are part of the public schema."""

    title: str | None = None
    subtitle: str | None = None
    body: list[BodyPart] = field(default_factory=list)
    authors: list[Person] = field(default_factory=list)
    editors: list[Person] = field(default_factory=list)
    editor_codes: list[str] = field(default_factory=list)
    dateline: str | None = None
    published: DateValue | None = None
    modified: DateValue | None = None
    site: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    read_also: list[ListItem] = field(default_factory=list)
    related: list[ListItem] = field(default_factory=list)
    sidebar: list[ListItem] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    source: str | None = None
    input_kind: PageKind | None = None
    page_type: PageType = "article"
    warnings: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The article's main text: body paragraphs, headings and quotes, one per line."""
        return "\n".join(part.text for part in self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [part.text for part in self.body if part.kind == "paragraph"]

    @property
    def headings(self) -> list[str]:
        return [part.text for part in self.body if part.kind == "heading"]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The article of `to_dict` output (schema 1.x; fields an older minor version lacks take
        their defaults). Raises `ValueError` naming what does not fit the schema."""
        version = data.get("schema_version")
        if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"schema_version {version!r} is not {SCHEMA_VERSION.split('.')[0]}.x")
        try:
            return cls(
                title=_optional_str(data, "title"),
                subtitle=_optional_str(data, "subtitle"),
                body=[
                    BodyPart(p["kind"], str(p["text"]), int(p.get("block", -1)))
                    for p in data.get("body") or []
                ],
                authors=[Person(**p) for p in data.get("authors") or []],
                editors=[Person(**p) for p in data.get("editors") or []],
                editor_codes=[str(c) for c in data.get("editor_codes") or []],
                dateline=_optional_str(data, "dateline"),
                published=_date_value(data.get("published")),
                modified=_date_value(data.get("modified")),
                site=_optional_str(data, "site"),
                url=_optional_str(data, "url"),
                canonical_url=_optional_str(data, "canonical_url"),
                language=_optional_str(data, "language"),
                read_also=[ListItem(**i) for i in data.get("read_also") or []],
                related=[ListItem(**i) for i in data.get("related") or []],
                sidebar=[ListItem(**i) for i in data.get("sidebar") or []],
                comments=[Comment(**c) for c in data.get("comments") or []],
                tags=[str(t) for t in data.get("tags") or []],
                images=[dict(i) for i in data.get("images") or []],
                source=_optional_str(data, "source"),
                input_kind=data.get("input_kind"),
                page_type=data.get("page_type") or "article",
                warnings=[str(w) for w in data.get("warnings") or []],
                labels=[str(label) for label in data.get("labels") or []],
                annotations=dict(data.get("annotations") or {}),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a warta article: {type(exc).__name__}: {exc}") from None

    def to_dict(self, include_labels: bool = False) -> dict[str, Any]:
        """The article as JSON-ready data following schema version `SCHEMA_VERSION`."""

        def date(d: DateValue | None) -> dict[str, Any] | None:
            if d is None:
                return None
            return {
                "value": d.iso(),
                "precision": d.precision,
                "timezone": d.timezone,
                "inferred_year": d.inferred_year,
                "evidence": asdict(d.evidence),
            }

        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": [asdict(p) for p in self.authors],
            "editors": [asdict(p) for p in self.editors],
            "editor_codes": list(self.editor_codes),
            "dateline": self.dateline,
            "published": date(self.published),
            "modified": date(self.modified),
            "site": self.site,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "language": self.language,
            "text": self.text,
            "body": [asdict(p) for p in self.body],
            "read_also": [asdict(i) for i in self.read_also],
            "related": [asdict(i) for i in self.related],
            "sidebar": [asdict(i) for i in self.sidebar],
            "comments": [asdict(c) for c in self.comments],
            "tags": list(self.tags),
            "images": list(self.images),
            "source": self.source,
            "input_kind": self.input_kind,
            "page_type": self.page_type,
            "warnings": list(self.warnings),
            "annotations": dict(self.annotations),
        }
        if include_labels:
            out["labels"] = list(self.labels)
        return out


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key} is {type(value).__name__}, not text")
    return value


def _date_value(data: dict[str, Any] | None) -> DateValue | None:
    """A `DateValue` from its `to_dict` form."""
    if data is None:
        return None
    evidence = data.get("evidence") or {"text": "", "source": "unknown"}
    return DateValue(
        value=datetime.fromisoformat(data["value"]),
        precision=data["precision"],
        evidence=Evidence(**evidence),
        timezone=data.get("timezone"),
        inferred_year=bool(data.get("inferred_year")),
    )
