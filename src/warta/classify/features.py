"""One feature function for both input kinds.

`block_features` turns a block sequence into a matrix: per-block values (text
shape, lexicon marker hits, structure) plus context (windowed densities,
neighbours, distance to section markers above, position in the page). The
HTML path fills the DOM columns; for flattened text they stay zero and the
model learns to rely on the rest.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from warta.lexicon import Lexicon, normalise_marker
from warta.model import Block, PageKind

_WORD = re.compile(r"\w+")
_DATE_NUMERIC = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}/\d{1,2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.com\b|\.id\b")
_SENTENCE_END = frozenset('.!?"”’)»…')
_QUOTE_RE = re.compile('["“”„«»]')

# Class/id tokens that mark boilerplate or content containers in HTML.
_BOILER_CLASS = (
    "comment",
    "related",
    "sidebar",
    "share",
    "social",
    "footer",
    "nav",
    "menu",
    "header",
    "widget",
    "promo",
    "advert",
    "banner",
    "breadcrumb",
    "popular",
    "trending",
    "newsletter",
    "subscribe",
    "cookie",
    "modal",
    "recommend",
    "tags",
    "author",
    "byline",
    "meta",
    "caption",
    "baca",
    "terkait",
    "komentar",
    "ads",
    "iklan",
    "rekomendasi",
)
_CONTENT_CLASS = ("article", "content", "entry", "post", "story", "body", "text", "detail", "isi", "main")

PER_BLOCK = (
    "log_chars",
    "n_words",
    "mean_word_len",
    "alpha_ratio",
    "digit_ratio",
    "upper_ratio",
    "punct_per_word",
    "ends_sentence",
    "ends_ellipsis",
    "starts_upper",
    "starts_lower",
    "stop_ratio",
    "read_also",
    "related_header",
    "sidebar_header",
    "comment_header",
    "comment_form",
    "promo",
    "share",
    "nav",
    "footer",
    "tags",
    "byline_prefix",
    "date_like",
    "time_like",
    "repeats",
    "title_overlap",
    "title_prefix",
    "blank_before",
    "blank_after",
    "bullet",
    "urlish",
    "capitalised_ratio",
    "has_quote",
    "pipe_or_sep",
    "heading_level",
    "in_list",
    "in_table",
    "in_figure",
    "in_blockquote",
    "in_link",
    "link_density",
    "class_boiler",
    "class_content",
    "tag_p",
    "tag_heading",
    "dom_depth",
)
_COL = {name: i for i, name in enumerate(PER_BLOCK)}


@dataclass(frozen=True, slots=True)
class FeatureMatrix:
    """Features of one page, one row per block; `names` label the columns."""

    values: NDArray[np.float32]
    names: tuple[str, ...]


def _per_block(blocks: list[Block], lexicon: Lexicon) -> NDArray[np.float32]:
    n = len(blocks)
    out = np.zeros((n, len(PER_BLOCK)), dtype=np.float32)
    if n == 0:
        return out
    normalised = [normalise_marker(b.text) for b in blocks]
    counts = Counter(normalised)
    title_tokens = set(_WORD.findall(normalised[0]))
    first_line = normalised[0]
    stop = lexicon.stopwords
    months = {m for cal in lexicon.calendars for m in cal.months if len(m) >= 3}
    for i, block in enumerate(blocks):
        text = block.text
        norm = normalised[i]
        row = out[i]
        words = _WORD.findall(text)
        n_words = len(words)
        n_chars = len(text)
        letters = sum(map(str.isalpha, text))
        digits = sum(map(str.isdigit, text))
        row[0] = math.log1p(n_chars)
        row[1] = math.log1p(n_words)
        row[2] = (sum(map(len, words)) / n_words) if n_words else 0.0
        row[3] = letters / n_chars
        row[4] = digits / n_chars
        row[5] = sum(map(str.isupper, text)) / letters if letters else 0.0
        row[6] = (text.count(",") + text.count(".")) / n_words if n_words else 0.0
        row[7] = text[-1] in _SENTENCE_END
        row[8] = text.endswith(("…", "..."))
        row[9] = text[0].isupper()
        row[10] = text[0].islower()
        lower_words = text.lower().split() if n_words > 12 else [w.lower() for w in words]
        row[11] = sum(map(stop.__contains__, lower_words)) / len(lower_words) if lower_words else 0.0
        short = n_chars < 300
        if short:
            row[12] = lexicon.starts_with_any(norm, lexicon.read_also_prefix)
            row[13] = norm in lexicon.related_header
            row[14] = norm in lexicon.sidebar_header
            row[15] = norm in lexicon.comment_header
            row[16] = n_chars < 200 and lexicon.contains_any(norm, lexicon.comment_form)
            row[17] = norm in lexicon.promo_line or (
                n_chars < 200 and lexicon.starts_with_any(norm, lexicon.promo_prefix)
            )
            row[18] = norm in lexicon.share_line
            row[19] = norm in lexicon.nav_line
            row[20] = lexicon.contains_any(norm, lexicon.footer_contains)
            row[21] = lexicon.starts_with_any(norm, lexicon.tags_prefix)
            row[22] = n_chars < 120 and (
                lexicon.starts_with_any(norm, lexicon.author_prefix)
                or lexicon.starts_with_any(norm, lexicon.editor_prefix)
            )
        if n_words <= 12 and digits:
            row[23] = _DATE_NUMERIC.search(text) is not None or any(w in months for w in lower_words)
            row[24] = _TIME.search(text) is not None
        row[25] = math.log(counts[norm])
        if title_tokens and i > 0:
            tokens = set(_WORD.findall(norm))
            if tokens:
                row[26] = len(tokens & title_tokens) / len(tokens | title_tokens)
                row[27] = len(norm) > 10 and first_line.startswith(norm)
        s = block.structure
        row[28] = s.blank_before
        row[29] = s.blank_after
        row[30] = s.bullet
        row[31] = _URLISH.search(text) is not None
        row[32] = sum(w[0].isupper() for w in words) / n_words if n_words else 0.0
        row[33] = _QUOTE_RE.search(text) is not None
        row[34] = ("|" in text) or (" / " in text) or (" • " in text)
        if s.tag:
            row[35] = s.heading_level
            row[36] = s.in_list
            row[37] = s.in_table
            row[38] = s.in_figure
            row[39] = s.in_blockquote
            row[40] = s.in_link
            row[41] = s.link_density
            classes = " ".join(s.class_tokens)
            row[42] = sum(tok in classes for tok in _BOILER_CLASS)
            row[43] = sum(tok in classes for tok in _CONTENT_CLASS)
            row[44] = s.tag == "p"
            row[45] = s.heading_level > 0
            row[46] = s.dom_depth
    return out


def _window_mean(values: NDArray[np.float32], radius: int) -> NDArray[np.float32]:
    """Mean of `values` over [i - radius, i + radius], clipped at the page edges."""
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values, dtype=np.float64)))
    idx = np.arange(n)
    lo = np.clip(idx - radius, 0, n)
    hi = np.clip(idx + radius + 1, 0, n)
    return ((csum[hi] - csum[lo]) / (hi - lo)).astype(np.float32)


def _shift(values: NDArray[np.float32], by: int, fill: float = -1.0) -> NDArray[np.float32]:
    """values[i - by] (a neighbour's value), `fill` beyond the page edges."""
    out = np.full_like(values, fill)
    if by > 0:
        out[by:] = values[:-by]
    elif by < 0:
        out[:by] = values[-by:]
    else:
        out[:] = values
    return out


def _blocks_since(flags: NDArray[np.float32]) -> NDArray[np.float32]:
    """log(1 + number of blocks since the last block where flag is set); -1 if none above."""
    n = len(flags)
    out = np.full(n, -1.0, dtype=np.float32)
    last = -1
    for i in range(n):
        if last >= 0:
            out[i] = math.log1p(i - last)
        if flags[i]:
            last = i
    return out


CONTEXT_NAMES: tuple[str, ...] = (
    "rel_pos",
    "log_n_blocks",
    "chars_before",
    "chars_after",
    "words_w1",
    "words_w2",
    "words_w5",
    "words_w10",
    "words_w25",
    "ends_w3",
    "stop_w3",
    "stop_w10",
    "link_w3",
    "blank_w3",
    "since_comment",
    "since_related",
    "since_sidebar",
    "since_read_also",
    "since_promo",
    "dist_longest",
    "signed_dist_longest",
    "dist_dense",
    "after_dense",
    "since_title",
    "words_rank",
)
NEIGHBOUR_COLS = (
    "n_words",
    "ends_sentence",
    "stop_ratio",
    "read_also",
    "blank_before",
    "starts_lower",
    "log_chars",
    "link_density",
    "tag_p",
    "heading_level",
)
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
FEATURE_NAMES: tuple[str, ...] = (
    PER_BLOCK + CONTEXT_NAMES + tuple(f"{c}@{o:+d}" for o in NEIGHBOUR_OFFSETS for c in NEIGHBOUR_COLS)
)


TEXT_EXTRA_NAMES = ("caption", "credit_in_parens", "editor_code_end", "name_like", "date_line", "ends_colon")
_CREDIT = re.compile(r"^\(?[^()]{2,60}\)$|\((?:foto|photo|ant|antara|reuters|ap|afp)\b[^()]*\)\.?$", re.I)
_CODE_END = re.compile(r"\((?:\*|[A-Za-z]{1,6})(?:/[A-Za-z0-9*-]{1,8}){1,3}\)\s*$")
_NAME_LIKE = re.compile(r"^(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3}$")


def _text_extra(blocks: list[Block], lexicon: Lexicon) -> NDArray[np.float32]:
    """Shape cues learned after the shared columns: captions, credits, codes, names, date lines."""
    from warta.assemble.lists import is_date_line

    out = np.zeros((len(blocks), len(TEXT_EXTRA_NAMES)), dtype=np.float32)
    for i, block in enumerate(blocks):
        text = block.text
        if len(text) > 400:
            out[i, 2] = _CODE_END.search(text) is not None
            continue
        norm = normalise_marker(text)
        out[i, 0] = lexicon.contains_any(norm, lexicon.caption_prefix)
        out[i, 1] = _CREDIT.search(text) is not None
        out[i, 2] = _CODE_END.search(text) is not None
        out[i, 3] = _NAME_LIKE.match(text) is not None
        out[i, 4] = len(text) < 120 and is_date_line(text, lexicon)
        out[i, 5] = text.endswith(":")
    return out


def feature_names(kind: PageKind) -> tuple[str, ...]:
    if kind == "html":
        from warta.classify.html_features import HTML_EXTRA_NAMES

        return FEATURE_NAMES + HTML_EXTRA_NAMES
    return FEATURE_NAMES + TEXT_EXTRA_NAMES


def block_features(blocks: list[Block], lexicon: Lexicon, kind: PageKind = "text") -> FeatureMatrix:
    """Feature matrix of a page's blocks, in the column order of `feature_names(kind)`."""
    names = feature_names(kind)
    base = _per_block(blocks, lexicon)
    n = len(blocks)
    if n == 0:
        return FeatureMatrix(np.zeros((0, len(names)), dtype=np.float32), names)
    words = base[:, _COL["n_words"]]
    chars = np.expm1(base[:, _COL["log_chars"]])
    total = float(chars.sum()) or 1.0
    cum = np.cumsum(chars) - chars
    idx = np.arange(n, dtype=np.float32)
    longest = int(np.argmax(chars))
    dense_window = _window_mean(words, 5)
    dense = int(np.argmax(dense_window))
    title_hits = (base[:, _COL["title_prefix"]] > 0) | (base[:, _COL["title_overlap"]] > 0.6)
    order = np.argsort(-chars, kind="stable")
    rank = np.empty(n, dtype=np.float32)
    rank[order] = np.arange(n, dtype=np.float32)
    context = np.stack(
        [
            idx / max(n - 1, 1),
            np.full(n, math.log1p(n), dtype=np.float32),
            cum / total,
            1.0 - (cum + chars) / total,
            _window_mean(words, 1),
            _window_mean(words, 2),
            _window_mean(words, 5),
            _window_mean(words, 10),
            _window_mean(words, 25),
            _window_mean(base[:, _COL["ends_sentence"]], 3),
            _window_mean(base[:, _COL["stop_ratio"]], 3),
            _window_mean(base[:, _COL["stop_ratio"]], 10),
            _window_mean(base[:, _COL["link_density"]], 3),
            _window_mean(base[:, _COL["blank_before"]], 3),
            _blocks_since(base[:, _COL["comment_header"]] + base[:, _COL["comment_form"]]),
            _blocks_since(base[:, _COL["related_header"]]),
            _blocks_since(base[:, _COL["sidebar_header"]]),
            _blocks_since(base[:, _COL["read_also"]]),
            _blocks_since(base[:, _COL["promo"]]),
            np.log1p(np.abs(idx - longest)),
            np.sign(idx - longest) * np.log1p(np.abs(idx - longest)),
            np.log1p(np.abs(idx - dense)),
            (idx > dense).astype(np.float32),
            _blocks_since(title_hits.astype(np.float32)),
            np.log1p(rank),
        ],
        axis=1,
    ).astype(np.float32)
    neighbours = [_shift(base[:, _COL[c]], -o)[:, None] for o in NEIGHBOUR_OFFSETS for c in NEIGHBOUR_COLS]
    columns = [base, context, *neighbours]
    if kind == "html":
        from warta.classify.html_features import html_extra_features

        columns.append(html_extra_features(blocks))
    else:
        columns.append(_text_extra(blocks, lexicon))
    return FeatureMatrix(np.concatenate(columns, axis=1), names)


def stage2_features(first: NDArray[np.float32], probs: NDArray[np.float32]) -> NDArray[np.float32]:
    """Add the first model's probabilities in context: the sequence step of the classifier.

    A block between two confident body blocks is likely body; a run of short
    lines whose neighbours are all boilerplate is likely boilerplate.
    """
    n = len(probs)
    if n == 0:
        return np.zeros((0, first.shape[1] + len(STAGE2_NAMES)), dtype=np.float32)
    csum = np.cumsum(probs)
    before = (csum - probs) / np.maximum(np.arange(n), 1)
    after = (csum[-1] - csum) / np.maximum(n - 1 - np.arange(n), 1)
    body_mass_before = (csum - probs) / max(float(csum[-1]), 1e-6)
    extra = np.stack(
        [
            probs,
            _window_mean(probs, 1),
            _window_mean(probs, 2),
            _window_mean(probs, 5),
            _window_mean(probs, 12),
            _shift(probs, 1),
            _shift(probs, -1),
            _shift(probs, 2),
            _shift(probs, -2),
            before,
            after,
            body_mass_before,
            np.maximum.accumulate(probs),
            np.maximum.accumulate(probs[::-1])[::-1],
        ],
        axis=1,
    ).astype(np.float32)
    return np.concatenate([first, extra], axis=1)


STAGE2_NAMES = (
    "p",
    "p_w1",
    "p_w2",
    "p_w5",
    "p_w12",
    "p@-1",
    "p@+1",
    "p@-2",
    "p@+2",
    "p_before",
    "p_after",
    "mass_before",
    "max_p_before",
    "max_p_after",
)
