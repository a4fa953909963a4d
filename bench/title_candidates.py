"""Title candidates of an HTML page and their features, for `title_ceiling.py` (an experiment, not shipped).

A page names itself several times: JSON-LD `headline`, og:title, twitter:title,
`<title>` (each with a site name, a section or a tagline around the headline) and
its visible headings. Every heading and every run of parts of every metadata
title is a candidate; its features say how the sources agree on it, where it sits
in its title, what the page looks like (an article with a date, a product page)
and whether warta's title rules chose it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from warta.assemble.title import (
    _norm,
    _slices,
    _title_parts,
    _without_site_words,
    headline_part,
    is_site_name,
    metadata_headline,
    without_site_name,
)
from warta.meta.page import PageMetadata
from warta.model import Block, Label

_SOURCE_FEATURES = {
    "json-ld": "from_jsonld",
    "meta:og:title": "from_og",
    "meta:twitter:title": "from_twitter",
    "title": "from_title_tag",
}
_MAX_HEADINGS = 12
_MAX_WORDS = 40
_SLUG_WORD = re.compile(r"[a-z0-9]+")

FEATURE_NAMES: tuple[str, ...] = (
    "rule_choice",
    "meta_whole",  # metadata titles equal to the candidate as they stand
    "meta_no_site",  # ... once site-name parts are dropped from both ends
    "meta_headline",  # ... whose first non-site part it is
    "meta_slice",  # ... that hold it as a run of parts
    "meta_site_words",  # ... equal to it once a site name glued on without separator is dropped
    *_SOURCE_FEATURES.values(),
    "first_part",  # the slice starts at the title's first part
    "last_part",  # the slice ends at the title's last part
    "slice_parts",
    "title_parts",  # parts in the metadata title that holds it (fewest)
    "heading_level",  # best (lowest) heading level showing it; 0 = no heading
    "h1_order",  # its <h1> is the page's n-th (−1: not an <h1>)
    "heading_order",
    "h1_count",
    "heading_part",  # the headline part of a heading, not the whole heading
    "site_name",
    "words",
    "chars",
    "ends_sentence",
    "capitalised",
    "jaccard_title0",
    "in_title0",  # share of its words in the first metadata title
    "title0_in",  # share of the first metadata title's words in it
    "jaccard_rule",
    "inside_other",  # other candidates that contain it
    "contains_other",
    "slug_share",  # share of its words in the URL path
    "has_site_word",  # it holds a word of the site's name
    "article_type",
    "has_published",
    "body_blocks",
    "meta_titles",
    "distinct_meta_titles",
)


@dataclass(slots=True)
class TitleCandidate:
    """One way to read the page's title, with what the page says for it."""

    text: str
    key: str  # lower-case words: how candidates and gold titles compare
    from_heading: bool = False
    values: dict[str, float] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [self.values.get(name, 0.0) for name in FEATURE_NAMES]


def _words(key: str) -> set[str]:
    return set(key.split())


def _share(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _capitalised(text: str) -> float:
    words = [w for w in text.split()[1:] if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    return set(_SLUG_WORD.findall(path.lower()))


class _Pool:
    """Candidates by key; the first text seen for a key is kept (headings come first)."""

    def __init__(self) -> None:
        self.by_key: dict[str, TitleCandidate] = {}

    def add(self, text: str, from_heading: bool = False) -> TitleCandidate | None:
        text = text.strip()
        key = _norm(text)
        if not key or len(key.split()) > _MAX_WORDS:
            return None
        candidate = self.by_key.get(key)
        if candidate is None:
            candidate = self.by_key[key] = TitleCandidate(text, key, from_heading)
        return candidate


def _bump(candidate: TitleCandidate | None, name: str, value: float = 1.0) -> None:
    if candidate is not None:
        candidate.values[name] = candidate.values.get(name, 0.0) + value


def _lowest(candidate: TitleCandidate | None, name: str, value: float) -> None:
    if candidate is not None:
        old = candidate.values.get(name)
        candidate.values[name] = value if old is None else min(old, value)


def _add_headings(pool: _Pool, blocks: Sequence[Block], keys: set[str]) -> int:
    headings = [
        b for b in blocks if 1 <= b.structure.heading_level <= 3 and len(b.text.split()) <= _MAX_WORDS
    ][:_MAX_HEADINGS]
    h1s = 0
    for order, block in enumerate(headings):
        level = block.structure.heading_level
        forms = {block.text: 0.0, headline_part(block.text): 1.0, without_site_name(block.text, keys): 1.0}
        for text, is_part in forms.items():
            candidate = pool.add(text, from_heading=True)
            if candidate is None:
                continue
            _lowest(candidate, "heading_level", level)
            _lowest(candidate, "heading_order", order)
            if level == 1:
                _lowest(candidate, "h1_order", h1s)
            candidate.values.setdefault("heading_part", is_part)
        h1s += level == 1
    return h1s


def _add_metadata(pool: _Pool, titles: Sequence[tuple[str, str]], keys: set[str]) -> None:
    for value, source in titles:
        _add_title(pool, value, _SOURCE_FEATURES.get(source, "from_title_tag"), keys)


def _add_title(pool: _Pool, value: str, source_feature: str, keys: set[str]) -> None:
    """The metadata title `value` as it stands, without its site name, its headline part and every run of parts."""
    n_parts = len([p for p in _title_parts(value)[0] if p])
    seen: set[str] = set()

    def mark(candidate: TitleCandidate | None, feature: str) -> None:
        if candidate is None:
            return
        _bump(candidate, feature)
        if candidate.key not in seen:
            seen.add(candidate.key)
            _bump(candidate, source_feature)
            _lowest(candidate, "title_parts", n_parts)

    mark(pool.add(value), "meta_whole")
    mark(pool.add(without_site_name(value, keys)), "meta_no_site")
    mark(pool.add(metadata_headline(value, keys)), "meta_headline")
    glued = _without_site_words(_norm(value), keys)
    if glued != _norm(value):
        mark(pool.add(glued), "meta_site_words")
    for first, end, total, text in _slices(value):
        if end - first == total:
            continue  # the whole title: counted above
        candidate = pool.add(text)
        if candidate is None:
            continue
        mark(candidate, "meta_slice")
        candidate.values["first_part"] = max(candidate.values.get("first_part", 0.0), float(first == 0))
        candidate.values["last_part"] = max(candidate.values.get("last_part", 0.0), float(end == total))
        _lowest(candidate, "slice_parts", end - first)


def title_candidates(
    blocks: Sequence[Block],
    labels: Sequence[Label],
    metadata: PageMetadata,
    keys: set[str],
    url: str | None,
    rule_title: str | None,
) -> list[TitleCandidate]:
    """Every title the page offers, each with its feature values (see FEATURE_NAMES)."""
    pool = _Pool()
    h1_count = _add_headings(pool, blocks, keys)
    titles = [(value, source) for value, source in metadata.titles if value.strip()]
    _add_metadata(pool, titles, keys)
    rule = pool.add(rule_title) if rule_title else None
    _bump(rule, "rule_choice")
    candidates = list(pool.by_key.values())
    if not candidates:
        return []
    title0 = _words(_norm(titles[0][0])) if titles else set()
    rule_words = _words(rule.key) if rule is not None else set()
    slug = _slug_words(url)
    body_blocks = sum(label is Label.BODY for label in labels)
    page = {
        "h1_count": float(h1_count),
        "article_type": float(bool(metadata.article_type) and "webpage" not in (metadata.article_type or "")),
        "has_published": float(bool(metadata.published)),
        "body_blocks": math.log1p(body_blocks),
        "meta_titles": float(len(titles)),
        "distinct_meta_titles": float(len({_norm(v) for v, _ in titles})),
    }
    padded = {c.key: f" {c.key} " for c in candidates}
    for c in candidates:
        words = _words(c.key)
        values = c.values
        values.update(page)
        values.setdefault("heading_level", 0.0)
        values.setdefault("h1_order", -1.0)
        values.setdefault("heading_order", -1.0)
        values["site_name"] = float(is_site_name(c.text, keys))
        values["words"] = float(len(c.key.split()))
        values["chars"] = float(len(c.key))
        values["ends_sentence"] = float(c.text.endswith((".", "!", "?")))
        values["capitalised"] = _capitalised(c.text)
        values["jaccard_title0"] = _jaccard(words, title0)
        values["in_title0"] = _share(words, title0)
        values["title0_in"] = _share(title0, words)
        values["jaccard_rule"] = _jaccard(words, rule_words)
        inner = padded[c.key]
        values["inside_other"] = float(sum(inner in padded[o.key] for o in candidates if o is not c))
        values["contains_other"] = float(sum(padded[o.key] in inner for o in candidates if o is not c))
        values["slug_share"] = _share(words, slug)
        values["has_site_word"] = float(any(w in keys for w in words if len(w) >= 3))
    return candidates
