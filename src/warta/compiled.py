"""What warta's optional compiled parts share: the switch that turns them off, the exact-equality
test of their probes, and how a part that fails its probe is set aside.

Each compiled part (`segment._domwalk`, `segment._textlines`, `classify._linescan`,
`classify._featcols`, `classify._labelscan`, `meta._langid_walk`) has a pure-Python reference; a part is used only
after it gave its reference's result on a probe (`probed`, for a function and its reference).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from numpy.typing import NDArray


def wanted() -> bool:
    """Whether compiled parts may be used: not where the environment sets WARTA_PURE_PYTHON."""
    return not os.environ.get("WARTA_PURE_PYTHON")


def same_array(a: NDArray[Any], b: NDArray[Any]) -> bool:
    """Whether `a` and `b` have the same dtype, shape and bytes."""
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def set_aside(part: str, reference: str) -> None:
    """Warn that the compiled `part` disagreed with `reference` on its probe, so is not used."""
    warnings.warn(f"warta's compiled {part} disagrees with {reference}: not used", stacklevel=3)


def probed(
    part: str,
    reference: Callable[..., Any],
    compiled: Callable[..., Any] | None,
    probes: Iterable[tuple[Any, ...]],
) -> Callable[..., Any]:
    """`compiled` where it is built (not None), wanted, and gives `reference`'s result (`==`) on
    each argument tuple of `probes`; `reference` otherwise (with a warning where it disagrees)."""
    if compiled is None or not wanted():
        return reference
    for args in probes:
        if compiled(*args) != reference(*args):
            set_aside(part, "its Python reference")
            return reference
    return compiled
