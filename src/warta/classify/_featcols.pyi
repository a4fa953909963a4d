import re
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

def shape_columns(
    joined: str,
    starts: NDArray[np.int64],
    lengths: NDArray[np.int64],
    counts: NDArray[np.float64],
    first_classes: NDArray[np.uint8],
    last_codes: NDArray[np.uint32],
    last_classes: NDArray[np.uint8],
    norm_ids: NDArray[np.int64],
    times: NDArray[np.int64],
    log1p_table: NDArray[np.float64],
    log_table: NDArray[np.float64],
    out: NDArray[np.float32],
) -> None: ...
def context_columns(
    base: NDArray[np.float32],
    chars: NDArray[np.float32],
    total: float,
    log_n: np.float32 | float,
    window_sources: NDArray[np.int64],
    window_radii: NDArray[np.int64],
    since_sources: NDArray[np.int64],
    title_prefix: int,
    title_overlap: int,
    neighbour_sources: NDArray[np.int64],
    neighbour_offsets: NDArray[np.int64],
    log1p_table: NDArray[np.float64],
    log1p_table32: NDArray[np.float32],
    out: NDArray[np.float32],
) -> None: ...

class Needles:
    n_lists: int
    def __init__(self, lists: tuple[tuple[str, ...], ...]) -> None: ...
    def containing(
        self, lines: list[str], lengths: NDArray[np.int64], longest: int, n_lists: int
    ) -> NDArray[np.bool_]: ...

def marker_columns(
    norms: list[str],
    lengths: NDArray[np.int64],
    whole_lines: dict[str, int],
    any_prefix: Callable[[str], object],
    read_also_prefix: Callable[[str], object],
    tags_prefix: Callable[[str], object],
    promo_prefix: Callable[[str], object],
    byline_prefix: Callable[[str], object],
    comment_count: Callable[[str], re.Match[str] | None],
    substrings: NDArray[np.uint8],
    texts: list[str],
    last_codes: NDArray[np.uint32],
    attribution_ends: frozenset[int] | None,
    attributed: Callable[[str], bool],
    out: NDArray[np.float32],
) -> None: ...
def first_ids(keys: list[Any]) -> tuple[NDArray[np.int64], list[Any], NDArray[np.int64]]: ...
def tuple_bits(distinct: list[tuple[str, ...]], token_bits: Callable[[str], int]) -> list[int]: ...
def html_columns(
    tag_ids: NDArray[np.int64],
    token_ids: NDArray[np.int64],
    token_table: NDArray[np.float64],
    hrefs: NDArray[np.uint8],
    group_ids: NDArray[np.int64],
    prefix_ids: NDArray[np.int64],
    chars: NDArray[np.float64],
    words: NDArray[np.float64],
    links: NDArray[np.float64],
    heading_levels: NDArray[np.float64],
    total: float,
    log1p_math: NDArray[np.float64],
    log1p_numpy: NDArray[np.float64],
    tokens_at: int,
    agg: int,
    out: NDArray[np.float32],
) -> NDArray[np.float64]: ...
def text_extra_columns(
    texts: list[str],
    joined: str,
    starts: NDArray[np.int64],
    lengths: NDArray[np.int64],
    counts: NDArray[np.float64],
    first_codes: NDArray[np.uint32],
    last_codes: NDArray[np.uint32],
    captions: NDArray[np.uint8],
    credit: Callable[[str], object],
    count_suffix: Callable[[str], object],
    name_like: Callable[[str], object],
    date_line: Callable[[str], bool],
    out: NDArray[np.float32],
) -> None: ...
def dom_fields(
    blocks: list[Any], names: tuple[str, ...]
) -> tuple[list[Any], list[str], NDArray[np.float64]]: ...
def structure_columns(
    numbers: NDArray[np.float64],
    tags: list[str],
    class_ids: NDArray[np.int64],
    class_bits: NDArray[np.uint64],
    n_boiler: int,
    n_content: int,
    layout_first: int,
    n_layout: int,
    dom_first: int,
    out: NDArray[np.float32],
) -> None: ...
