import numpy as np
from numpy.typing import NDArray

def scan_lines(
    joined: str, starts: NDArray[np.int64], lengths: NDArray[np.int64], table: NDArray[np.uint8]
) -> tuple[NDArray[np.float64], NDArray[np.uint32], NDArray[np.uint8]]: ...
