"""Extra feature columns only the HTML path has (appended after the shared columns).

The shared columns of `warta.classify.features` stay identical for both kinds
so one feature function serves both; what only a DOM can tell goes here:
which element a block is, which semantic containers and class/id tokens
surround it, and how its "template group" (blocks sharing the same tag path)
behaves: article paragraphs share one path and hold most of the page's text,
menu items share another and are all links.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np
from numpy.typing import NDArray

from warta.model import Block

_TAGS = ("div", "li", "td", "th", "dd", "dt", "figcaption", "pre", "span", "body", "blockquote", "label")
# Token groups matched as substrings of the joined class/id tokens.
_TOKEN_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cls_comment", ("comment", "komentar", "disqus", "reply", "respond")),
    ("cls_related", ("related", "terkait", "recommend", "rekomendasi", "more", "also", "baca", "lainnya")),
    ("cls_share", ("share", "social", "sharing", "follow")),
    ("cls_sidebar", ("sidebar", "widget", "aside", "popular", "trending", "terpopuler")),
    ("cls_nav", ("nav", "menu", "breadcrumb", "header", "topbar", "pagination")),
    ("cls_footer", ("footer", "copyright", "bottom")),
    ("cls_ad", ("ad", "ads", "advert", "iklan", "promo", "sponsor", "banner")),
    ("cls_body", ("article", "content", "entry", "post", "story", "body", "text", "detail", "isi", "main")),
    ("cls_meta", ("author", "byline", "date", "time", "meta", "info", "credit")),
    ("cls_caption", ("caption", "credit", "photo", "image", "media", "gallery")),
    ("cls_tag", ("tag", "topic", "keyword", "label", "category")),
)
_TOKEN_PATTERNS = tuple(re.compile("|".join(needles)) for _, needles in _TOKEN_GROUPS)
_SEMANTIC = ("aside", "nav", "footer", "header", "article", "main", "form", "figure")

HTML_EXTRA_NAMES: tuple[str, ...] = (
    tuple(f"tag_{t}" for t in _TAGS)
    + tuple(f"within_{s}" for s in _SEMANTIC)
    + tuple(name for name, _ in _TOKEN_GROUPS)
    + (
        "has_href",
        "group_log_count",
        "group_char_share",
        "group_link_density",
        "group_mean_words",
        "path_run",
        "class_group_char_share",
        "since_h1",
        "before_h1",
        "n_class_tokens",
    )
)


def html_extra_features(blocks: list[Block]) -> NDArray[np.float32]:
    """The HTML-only columns, in the order of `HTML_EXTRA_NAMES`."""
    n = len(blocks)
    out = np.zeros((n, len(HTML_EXTRA_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    tag_col = {t: i for i, t in enumerate(_TAGS)}
    sem_base = len(_TAGS)
    tok_base = sem_base + len(_SEMANTIC)
    agg = tok_base + len(_TOKEN_GROUPS)
    chars = np.fromiter((len(b.text) for b in blocks), dtype=np.float64, count=n)
    words = np.fromiter((b.text.count(" ") + 1 for b in blocks), dtype=np.float64, count=n)
    links = np.fromiter((b.structure.link_density for b in blocks), dtype=np.float64, count=n)
    total = float(chars.sum()) or 1.0
    group_of: list[str] = []
    class_group_of: list[tuple[str, ...]] = []
    first_h1 = -1
    for i, block in enumerate(blocks):
        s = block.structure
        row = out[i]
        col = tag_col.get(s.tag)
        if col is not None:
            row[col] = 1.0
        tokens = set(s.class_tokens)
        for j, name in enumerate(_SEMANTIC):
            if name in tokens:
                row[sem_base + j] = 1.0
        joined = " ".join(s.class_tokens)
        for j, pattern in enumerate(_TOKEN_PATTERNS):
            if pattern.search(joined) is not None:
                row[tok_base + j] = 1.0
        row[agg] = s.href is not None
        row[agg + 9] = math.log1p(len(s.class_tokens))
        group_of.append(s.tag_path)
        class_group_of.append(s.class_tokens[:4])
        if first_h1 < 0 and s.heading_level == 1:
            first_h1 = i
    _group_stats(out, group_of, chars, words, links, total, agg)
    class_chars: dict[tuple[str, ...], float] = defaultdict(float)
    for key, c in zip(class_group_of, chars, strict=True):
        class_chars[key] += c
    run = 0
    for i in range(n):
        run = run + 1 if i > 0 and group_of[i] == group_of[i - 1] else 1
        out[i, agg + 5] = math.log1p(run)
        out[i, agg + 6] = class_chars[class_group_of[i]] / total
        if first_h1 >= 0:
            out[i, agg + 7] = math.log1p(abs(i - first_h1))
            out[i, agg + 8] = i < first_h1
        else:
            out[i, agg + 7] = -1.0
    return out


def _group_stats(
    out: NDArray[np.float32],
    group_of: list[str],
    chars: NDArray[np.float64],
    words: NDArray[np.float64],
    links: NDArray[np.float64],
    total: float,
    agg: int,
) -> None:
    """Per tag-path group: size, share of the page's text, link density, mean words."""
    index: dict[str, int] = {}
    ids = np.fromiter(
        (index.setdefault(g, len(index)) for g in group_of), dtype=np.int64, count=len(group_of)
    )
    count = np.bincount(ids).astype(np.float64)
    gchars = np.bincount(ids, weights=chars)
    glinks = np.bincount(ids, weights=links * chars)
    gwords = np.bincount(ids, weights=words)
    out[:, agg + 1] = np.log1p(count[ids])
    out[:, agg + 2] = gchars[ids] / total
    out[:, agg + 3] = glinks[ids] / np.maximum(gchars[ids], 1.0)
    out[:, agg + 4] = np.log1p(gwords[ids] / count[ids])
