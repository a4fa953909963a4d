"""The shipped LightGBM models compiled to machine code, when the optional `lleaves` is installed.

Scoring a page's blocks with LightGBM walks 500 trees per block through its
tree interpreter: about a fifth of the time of a flattened page. `lleaves`
(LLVM, through llvmlite's bundled compiler: no C toolchain needed) turns each
model into one native function that gives the same probabilities (equal to
about 1e-15) several times faster (`bench/bench_speed.py` reports both).
Not the same bits: LightGBM adds the trees' leaf values one by one, lleaves adds
them in blocks of `fblocksize` (34) trees, each block summed from 0.0 and then
added to the running total, so most float64 probabilities differ in their last
bits (up to ~120 units in the last place on the html models); the float32
probabilities the classifier keeps were equal on every row of the 181
ScrapingHub pages, and `bench/dump_outputs.py` gives the same 757 outputs with
either. A scorer meant to replace lleaves bit for bit has to add in
lleaves' blocks, not in LightGBM's order. Both compare the raw value with a
node's threshold, except that LightGBM first reads any |x| <= 1e-35 (float32)
as 0.0: on such a value at a threshold of -1e-35 the two take different branches.

Exact Cython scorers measured against lleaves on the html models (real rows, one
core) lost: QuickScorer and a branch-free walk of 8 rows at a time were 2.4x and
2.5x slower; QuickScorer on 8 rows in vectors paid only with AVX-512 (1.57x), so
lleaves stays (numbers in the fifteenth session's closing note).

Compiling takes seconds per model, so it is never done behind a caller's back:
`warta models compile` (run by `make` at set-up) writes the compiled objects to
the cache directory, and `load_compiled` only loads what is there, unless told
to compile. A cached object is keyed by everything that makes it valid: the
model text, the lleaves and llvmlite versions and the host CPU (the code is
specialised for it), because lleaves itself never checks a cache's staleness.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from ctypes import CFUNCTYPE, c_int32, c_void_p, cast
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from warta.compiled import same_array, set_aside
from warta.errors import WartaError

Scorer = Callable[[NDArray[Any]], NDArray[np.float64]]
CACHE_ENV = "WARTA_CACHE_DIR"


def lleaves_available() -> bool:
    try:
        import lleaves  # noqa: F401
    except ImportError:
        return False
    return True


def cache_dir() -> Path:
    """Where compiled models live: $WARTA_CACHE_DIR, else $XDG_CACHE_HOME/warta, else ~/.cache/warta."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warta"


@lru_cache(maxsize=1)
def _host_key() -> str:
    """What makes a compiled object valid beyond its model: library versions and this CPU."""
    import llvmlite.binding as llvm

    llvm.initialize_native_target()
    cpu = llvm.get_host_cpu_name()
    features = llvm.get_host_cpu_features().flatten()
    versions = f"lleaves-{metadata.version('lleaves')}-llvmlite-{metadata.version('llvmlite')}"
    return f"{versions}-{cpu}-{hashlib.sha256(features.encode()).hexdigest()[:12]}"


def compiled_path(model_text: str, name: str, directory: Path | None = None) -> Path:
    """The cache file of one model compiled on this host by these library versions."""
    digest = hashlib.sha256(model_text.encode()).hexdigest()[:16]
    return (directory or cache_dir()) / "models" / f"{name}-{digest}-{_host_key()}.o"


class CompileError(WartaError):
    """A model could not be compiled or loaded (unwritable cache, broken object, LLVM error)."""


def _compile_to(model_file: Path, target: Path) -> None:
    import lleaves

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, scratch = tempfile.mkstemp(dir=target.parent, suffix=".o.part")
    os.close(fd)
    os.unlink(scratch)  # lleaves compiles only when its cache path does not exist yet
    try:
        lleaves.Model(model_file=str(model_file)).compile(cache=scratch)
        os.replace(scratch, target)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def load_compiled(
    model_file: Path,
    name: str,
    compile_missing: bool = False,
    directory: Path | None = None,
    model_text: str | None = None,
) -> Scorer | None:
    """A native scorer for `model_file` (a LightGBM text model), or None.

    None when lleaves is not installed, or when no compiled object is cached and
    `compile_missing` is false; `CompileError` when compiling or loading fails. A compile
    writes to a temporary file and renames it into place, so processes compiling the same
    model at once never see half a file. `model_text`: the file's text, where the caller has
    read it already (it keys the cache).
    """
    if not lleaves_available():
        return None
    import lleaves

    if model_text is None:
        model_text = model_file.read_text(encoding="utf-8")
    target = compiled_path(model_text, name, directory)
    if not target.exists() and not compile_missing:
        return None
    try:
        if not target.exists():
            _compile_to(model_file, target)
        model = lleaves.Model(model_file=str(model_file))
        model.compile(cache=str(target))
    except Exception as exc:  # an optional accelerator: any failure means LightGBM scores instead
        raise CompileError(f"cannot compile {name} into {target.parent}: {exc}") from exc

    def score(x: NDArray[Any]) -> NDArray[np.float64]:
        return np.asarray(model.predict(x, n_jobs=1), dtype=np.float64)

    return _direct_scorer(model, score) or score


# `lleaves.Model.predict` (n_jobs=1) spends some 20 microseconds a call around its native function
# (os.cpu_count, two pointer casts, its checks): twice a page, several percent of the scoring.
_ENTRY = CFUNCTYPE(None, c_void_p, c_void_p, c_int32, c_int32)  # lleaves' entry, by raw addresses
_MAX_ROWS = 2**31 - 1  # lleaves refuses as many (its row bounds are int32)


def _direct_scorer(model: Any, predict: Scorer) -> Scorer | None:
    """`predict` (`model.predict`, one thread) by a direct call of the model's native function
    on the rows made float64 and C-contiguous, as `predict` makes them; None where `model` is not
    a compiled float64 binary model of this lleaves' layout, or where the call does not give
    `predict`'s bits on a probe matrix. Anything but a 2-D float32 or float64 matrix of the
    model's width goes to `predict` (and its errors)."""
    entry = getattr(model, "_c_entry_func", None)
    if entry is None or getattr(model, "use_fp64", False) is not True or model.num_model_per_iteration() != 1:
        return None
    address = cast(entry, c_void_p).value
    if not address:
        return None
    native = _ENTRY(address)
    width = model.num_feature()

    def score(x: NDArray[Any]) -> NDArray[np.float64]:
        if x.ndim != 2 or x.shape[1] != width or x.dtype not in _ROW_TYPES or len(x) >= _MAX_ROWS:
            return predict(x)
        data = np.ascontiguousarray(x, dtype=np.float64)
        out = np.zeros(len(data), dtype=np.float64)
        native(data.ctypes.data, out.ctypes.data, 0, len(data))  # (keeps `model` alive: its code)
        return out

    if not all(same_array(score(x), predict(x)) for x in _probe_rows(width)):
        set_aside("model call", "lleaves' predict")
        return None
    return score


_ROW_TYPES = (np.dtype(np.float32), np.dtype(np.float64))


def _probe_rows(width: int) -> list[NDArray[Any]]:
    """Matrices `_direct_scorer` checks: float32 and float64, strided, one row, none, NaNs."""
    rng = np.random.default_rng(0)
    rows = rng.normal(0.0, 3.0, (9, width))
    rows[2, ::3] = np.nan
    rows[4] = 0.0
    return [rows.astype(np.float32), rows, rows[::2], np.asfortranarray(rows), rows[:1], rows[:0]]
