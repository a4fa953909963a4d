from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

def scan_lines(
    joined: str, starts: NDArray[np.int64], lengths: NDArray[np.int64], table: NDArray[np.uint8]
) -> tuple[NDArray[np.float64], NDArray[np.uint32], NDArray[np.uint8]]: ...

class StopWords:
    def __init__(self, words: Iterable[str]) -> None: ...
    def count(self, lines: list[str], words: bool) -> tuple[NDArray[np.int64], NDArray[np.int64]]: ...
    def word_columns(
        self,
        months: StopWords,
        norms: list[str],
        texts: list[str],
        n_words: NDArray[np.float64],
        digits: NDArray[np.float64],
        lengths: NDArray[np.int64],
        out: NDArray[np.float32],
    ) -> NDArray[np.int64]: ...
