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
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import attrgetter, methodcaller
from types import ModuleType

import numpy as np
from numpy.typing import NDArray

from warta.classify.features import (
    CLASS_GROUP_BIT,
    SEMANTIC_BIT,
    ClassTokens,
    DomFields,
    _kernels,
    _log_tables,
    distinct_ids,
    first_ids,
)
from warta.compiled import same_array, set_aside
from warta.lexicon import html_lexicon
from warta.model import SEMANTIC_TAGS, Block

_TAGS = ("div", "li", "td", "th", "dd", "dt", "figcaption", "pre", "span", "body", "blockquote", "label")
# Token groups matched as substrings of the joined class/id tokens (lexicon/data/html.toml).
_TOKEN_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (name, tuple(tokens)) for name, tokens in html_lexicon()["class_groups"].items()
)
_TAG_COL = {t: i for i, t in enumerate(_TAGS)}
_TEXT = attrgetter("text")

HTML_EXTRA_NAMES: tuple[str, ...] = (
    tuple(f"tag_{t}" for t in _TAGS)
    + tuple(f"within_{s}" for s in SEMANTIC_TAGS)
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


def _token_table(classes: ClassTokens) -> NDArray[np.float64]:
    """Per distinct class/id token tuple: within_* flags, cls_* flags, log(1 + number of tokens).

    A within_* flag is on when the tag name is one of the tokens, a cls_* group when one of its
    words occurs in the space-joined tokens: bits of `classes.bits`.
    """
    bits = np.array(classes.bits, dtype=np.uint64)
    table = np.zeros((len(bits), len(_TABLE_BITS) + 1), dtype=np.float64)
    table[:, :-1] = (bits[:, None] >> _TABLE_BITS) & 1
    sizes = np.fromiter(map(len, classes.distinct), dtype=np.int64, count=len(bits))
    table[:, -1] = _log1p_table(int(sizes.max(initial=0)))[sizes]
    return table


# The `ClassTokens.bits` of the within_* then the cls_* columns.
_TABLE_BITS = np.array(
    [SEMANTIC_BIT + k for k in range(len(SEMANTIC_TAGS))]
    + [CLASS_GROUP_BIT + j for j in range(len(_TOKEN_GROUPS))],
    dtype=np.uint64,
)


def _log1p_table(n: int) -> NDArray[np.float64]:
    """math.log1p(k) for k = 0..n at least, at index k (math's, as the models were trained)."""
    return _log1p_small() if n <= _LOG1P_SMALL else _log1p_upto(n)


_LOG1P_SMALL = 4096  # most pages have fewer blocks and class tokens per block


@lru_cache(maxsize=1)
def _log1p_small() -> NDArray[np.float64]:
    table = _log1p_upto(_LOG1P_SMALL)
    table.flags.writeable = False
    return table


def _log1p_upto(n: int) -> NDArray[np.float64]:
    return np.array([math.log1p(k) for k in range(n + 1)], dtype=np.float64)


def html_extra_features(
    blocks: list[Block],
    classes: ClassTokens | None = None,
    sizes: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
    dom: DomFields | None = None,
) -> NDArray[np.float32]:
    """The HTML-only columns, in the order of `HTML_EXTRA_NAMES` (`classes`: the blocks'
    `ClassTokens`, `sizes`: their characters and spaces + 1, `dom`: their `DomFields`, when
    already known).

    Blocks of one page share few distinct class/id token tuples and tag paths, so the
    token columns are computed once per distinct tuple and the groups are counted with bincount.
    """
    n = len(blocks)
    out = np.zeros((n, len(HTML_EXTRA_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    dom = dom or DomFields.of(blocks)
    if sizes is None:
        texts = list(map(_TEXT, blocks))
        chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
        words = np.fromiter(map(methodcaller("count", " "), texts), dtype=np.float64, count=n) + 1
    else:
        chars, words = sizes
    total = float(chars.sum()) or 1.0

    tag_ids = np.fromiter(map(_TAG_COL.get, dom.tags, repeat(-1)), dtype=np.int64, count=n)
    if classes is None:
        classes = ClassTokens.of(blocks)
    token_table = _token_table(classes)
    group_ids, _ = distinct_ids(dom.tag_paths)
    # Blocks grouped by their first four class/id tokens: the prefixes of the distinct tuples.
    prefix_ids = first_ids([tokens[:4] for tokens in classes.distinct])[0]
    ids = _HtmlIds(tag_ids, classes.ids, token_table, dom.hrefs, group_ids, prefix_ids)
    columns = _html_columns_compiled if _html_kernels() is not None else _html_columns
    columns(out, ids, chars, words, dom.link_densities, dom.heading_levels, total)
    return out


_SEM_BASE = len(_TAGS)  # the first within_* column
_AGG = _SEM_BASE + len(SEMANTIC_TAGS) + len(_TOKEN_GROUPS)  # has_href, then the group columns


@dataclass(frozen=True, slots=True)
class _HtmlIds:
    """What `html_extra_features` reads of a page's blocks but their numbers: per block its tag
    column (-1: none), class/id tuple, whether it links, its tag path's group; per distinct
    tuple its `_token_table` row and its first four tokens' id."""

    tags: NDArray[np.int64]
    tuples: NDArray[np.int64]
    token_table: NDArray[np.float64]
    hrefs: NDArray[np.bool_]
    groups: NDArray[np.int64]
    prefixes: NDArray[np.int64]


def _html_columns_compiled(
    out: NDArray[np.float32],
    ids: _HtmlIds,
    chars: NDArray[np.float64],
    words: NDArray[np.float64],
    links: NDArray[np.float64],
    heading_levels: NDArray[np.float64],
    total: float,
) -> None:
    """`_html_columns` by `_featcols.html_columns` (the means' log1p by numpy)."""
    kernels = _kernels()
    assert kernels is not None
    n = len(out)
    means = kernels.html_columns(
        ids.tags, ids.tuples, ids.token_table, ids.hrefs.view(np.uint8), ids.groups, ids.prefixes, chars, words,
        links, heading_levels, total, _log1p_table(n), _log_tables(n + 1)[0], _SEM_BASE, _AGG, out,
    )  # fmt: skip
    out[:, _AGG + 4] = np.log1p(means).take(ids.groups)


def _generated_page(
    rng: np.random.Generator, n: int
) -> tuple[
    _HtmlIds, NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], float
]:
    """`_html_columns`' arguments for `n` generated blocks: ids, chars, words, links, heading
    levels (an h1 or several, or none), total."""
    tuples = int(rng.integers(1, n + 1))
    table = np.zeros((tuples, len(_TABLE_BITS) + 1), dtype=np.float64)
    table[:, :-1] = rng.random((tuples, len(_TABLE_BITS))) < 0.3
    table[:, -1] = _log1p_table(40)[rng.integers(0, 40, tuples)]
    paths = rng.integers(0, max(n // 3, 1), n).repeat(2)[:n]  # runs of one tag path
    ids = _HtmlIds(
        rng.integers(-1, len(_TAGS), n),
        rng.integers(0, tuples, n),
        table,
        rng.random(n) < 0.5,
        first_ids(paths.tolist())[0],
        np.minimum(np.arange(tuples), rng.integers(0, tuples, tuples)).astype(np.int64),
    )
    chars = rng.integers(0, 300, n).astype(np.float64)
    words = rng.integers(1, 50, n).astype(np.float64)
    links = rng.random(n).round(2)
    levels = rng.integers(0, 3, n).astype(np.float64) * (rng.random() < 0.7)
    return ids, chars, words, links, levels, float(chars.sum()) or 1.0


@lru_cache(maxsize=1)
def _html_kernels() -> ModuleType | None:
    """`features._kernels()` where its `html_columns` writes `_html_columns`' bits on generated
    pages (one block, runs of tag paths, no h1 or several, ties in class prefixes)."""
    kernels = _kernels()
    if kernels is None:
        return None
    rng = np.random.default_rng(0)
    for n in (1, 2, 9, 80):
        ids, chars, words, links, levels, total = _generated_page(rng, n)
        found, expected = (np.zeros((n, len(HTML_EXTRA_NAMES)), dtype=np.float32) for _ in range(2))
        _html_columns_compiled(found, ids, chars, words, links, levels, total)
        _html_columns(expected, ids, chars, words, links, levels, total)
        if not same_array(found, expected):
            set_aside("HTML columns", "numpy")
            return None
    return kernels


def _html_columns(
    out: NDArray[np.float32],
    ids: _HtmlIds,
    chars: NDArray[np.float64],
    words: NDArray[np.float64],
    links: NDArray[np.float64],
    heading_levels: NDArray[np.float64],
    total: float,
) -> None:
    """The columns of `html_extra_features` from the blocks' `ids` and numbers (`links`: link
    densities, `total`: their characters, 1.0 where none), by numpy: the reference of
    `_featcols.html_columns`."""
    n = len(out)
    sem_base, agg = _SEM_BASE, _AGG
    tag_ids = ids.tags
    tagged = (tag_ids >= 0).nonzero()[0]
    out[tagged, tag_ids[tagged]] = 1.0
    token_rows = ids.token_table.take(
        ids.tuples, axis=0
    )  # `take`: 2-D fancy indexing is several times slower
    out[:, sem_base:agg] = token_rows[:, :-1]
    out[:, agg] = ids.hrefs
    out[:, agg + 9] = token_rows[:, -1]
    group_ids = ids.groups
    _group_stats(out, group_ids, chars, words, links, total, agg)
    # Runs of consecutive blocks on one tag path: 1, 2, 3... restarting at each change of path.
    starts = np.ones(n, dtype=np.bool_)
    starts[1:] = group_ids[1:] != group_ids[:-1]
    positions = np.arange(n)
    run = positions - np.maximum.accumulate(np.where(starts, positions, 0)) + 1
    log1p = _log1p_table(n)
    out[:, agg + 5] = log1p[run]
    class_ids = ids.prefixes[ids.tuples]
    out[:, agg + 6] = np.bincount(class_ids, weights=chars)[class_ids] / total
    h1 = (heading_levels == 1).nonzero()[0]
    if len(h1):
        first_h1 = int(h1[0])
        out[:, agg + 7] = log1p[np.abs(positions - first_h1)]
        out[:, agg + 8] = positions < first_h1
    else:
        out[:, agg + 7] = -1.0


def _group_stats(
    out: NDArray[np.float32],
    ids: NDArray[np.int64],
    chars: NDArray[np.float64],
    words: NDArray[np.float64],
    links: NDArray[np.float64],
    total: float,
    agg: int,
) -> None:
    """Per tag-path group: size, share of the page's text, link density, mean words."""
    count = np.bincount(ids).astype(np.float64)
    gchars = np.bincount(ids, weights=chars)
    glinks = np.bincount(ids, weights=links * chars)
    gwords = np.bincount(ids, weights=words)
    out[:, agg + 1] = np.log1p(count[ids])
    out[:, agg + 2] = gchars[ids] / total
    out[:, agg + 3] = glinks[ids] / np.maximum(gchars[ids], 1.0)
    out[:, agg + 4] = np.log1p(gwords[ids] / count[ids])
