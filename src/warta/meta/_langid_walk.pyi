from typing import Any

import numpy as np
from numpy.typing import NDArray

class Walker:
    def __init__(
        self, nextmove: NDArray[np.unsignedinteger[Any]], rowbase: NDArray[np.intp], output: NDArray[np.intp]
    ) -> None: ...
    def feature_counts(self, data: bytes) -> tuple[NDArray[np.intp], NDArray[np.float32]] | None: ...
    def widened_rows(self, bits: NDArray[np.int16], features: NDArray[np.intp]) -> NDArray[np.float32]: ...

def widened_rows(
    bits: NDArray[np.int16], features: NDArray[np.intp], f16c: bool = True
) -> NDArray[np.float32]: ...
