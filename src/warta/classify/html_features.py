"""Extra feature columns only the HTML path has (appended after the shared columns).

The shared columns of `warta.classify.features` stay identical for both kinds
so one feature function serves both; what only a DOM can tell goes here.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from warta.model import Block

HTML_EXTRA_NAMES: tuple[str, ...] = ()


def html_extra_features(blocks: list[Block]) -> NDArray[np.float32]:
    return np.zeros((len(blocks), len(HTML_EXTRA_NAMES)), dtype=np.float32)
