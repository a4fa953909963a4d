"""py3langid's byte-automaton walk, vectorised with numpy.

py3langid counts its features by walking a DFA over the UTF-8 bytes of the
text, one Python step per byte: most of the time of `classify`. The DFA is an
n-gram matcher, so the state after byte i depends on the last few bytes only.
All states are therefore found with a few array passes: pass k gives, for
every position, the state reached by reading the last k bytes from the start
state. Once a pass changes nothing, every position satisfies the DFA's
recurrence `state[i] = next(state[i - 1], byte[i])` from the start state, so
the states are exactly those of the sequential walk (whatever the n-gram
order of the model). If that does not happen within `_MAX_PASSES`, the
original walk runs. Features are then counted in first-occurrence order,
which is the order py3langid sums them in, so scores are bit-identical.

Where the optional extension `warta.meta._langid_walk` is built, the walk, the
counting and the weight-row gather run there instead (one sequential loop in C,
several times faster on a page's 2,000 characters), after `_compiled_walker`
has checked on a probe text that it gives exactly the arrays of the numpy code.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from py3langid.langid import LanguageIdentifier

from warta.compiled import same_array, set_aside
from warta.compiled import wanted as compiled_parts_wanted

_MAX_PASSES = 12
# `log1p` of every count below this is looked up (`DfaIdentifier._log1p_table`): a text's
# counts are below its length in bytes, and `detect_language` reads at most 2,000 characters.
_LOG1P_COUNTS = 8192
_UINT = {2: np.uint16, 4: np.uint32, 8: np.uint64}
# Checked through both walks before the compiled one is trusted: Latin, Cyrillic, CJK,
# Arabic and emoji bytes, repeats, and ASCII punctuation.
_PROBE = (
    "Presiden meresmikan jembatan baru di Jakarta, Senin (12/5). The bridge opened today; "
    "Мост открыт. 新しい橋が開通した。 افتتح الجسر الجديد 🌉🌉 — «ok» naïve café ñ ß 2026!!"
)


class DfaIdentifier(LanguageIdentifier):  # type: ignore[misc]  # py3langid ships no type hints
    """A `LanguageIdentifier` whose feature counts come from `feature_counts`."""

    __slots__ = (
        "_half_to_single",
        "_halves_normal",
        "_log1p_table",
        "_n_features",
        "_next_np",
        "_out_np",
        "_rowbase_np",
        "_walker",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nextmove = self.tk_nextmove
        # A view of py3langid's own transition table (no copy: it is tens of megabytes).
        self._next_np: NDArray[np.unsignedinteger[Any]] = np.frombuffer(
            nextmove, dtype=_UINT[nextmove.itemsize]
        )
        self._rowbase_np = np.asarray(self._rowbase, dtype=np.intp)
        self._out_np = np.asarray(self.tk_output, dtype=np.intp)
        self._n_features = int(self._out_np.max(initial=-1)) + 1
        # Every float16 bit pattern's float32 value (numpy's own cast, which is exact): looking
        # the gathered weights up here is faster than numpy casting them one by one.
        halves = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
        self._half_to_single: NDArray[np.float32] = halves.astype(np.float32)
        self._halves_normal = _all_normal_halves(self.nb_ptc)
        self._log1p_table = _log1p_table(_LOG1P_COUNTS)
        self._walker: Any = self._compiled_walker()  # None: the numpy walk

    @staticmethod
    def _encode(text: Any) -> Any:
        """py3langid's `_encode`, without its normalisation for ASCII text: NFC leaves ASCII as it
        is (as lower-casing does), and its UTF-8 bytes are its ASCII bytes."""
        if isinstance(text, str) and text.isascii():
            return (text.lower() if text.isupper() else text).encode("ascii")
        return LanguageIdentifier._encode(text)

    def _compiled_walker(self) -> Any:
        """The compiled walk (`warta.meta._langid_walk.Walker`) over this model, if it is built
        and gives the numpy code's arrays on `_PROBE`; None otherwise (or with WARTA_PURE_PYTHON).
        """
        if not compiled_parts_wanted():
            return None
        try:
            from warta.meta import _langid_walk
        except ImportError:
            return None
        try:
            walker = _langid_walk.Walker(self._next_np, self._rowbase_np, self._out_np)
        except ValueError:  # pragma: no cover (a model layout the compiled walk does not read)
            return None
        data = _PROBE.encode("utf-8")
        expected, found = self.numpy_feature_counts(data), walker.feature_counts(data)
        agree = expected is not None and found is not None
        if expected is not None and found is not None:
            agree = same_array(found[0], expected[0]) and same_array(found[1], expected[1])
            if self._halves_normal:
                bits = self.nb_ptc.view(np.int16)
                widened = _widen_normal_halves(bits.take(found[0], axis=0))
                agree = agree and same_array(walker.widened_rows(bits, found[0]), widened)
        if not agree:  # pragma: no cover (a build that disagrees with numpy)
            set_aside("language-id walk", "numpy")
            return None
        return walker

    def _states(self, data: bytes) -> NDArray[np.unsignedinteger[Any]] | None:
        """The DFA state after every byte of `data`, or None if the passes did not settle."""
        # The gathers use `take`: the same elements as indexing, with less of numpy's per-call work.
        codes = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        nxt, rowbase = self._next_np, self._rowbase_np
        states: NDArray[np.unsignedinteger[Any]] = nxt.take(codes + rowbase[0])
        before = np.zeros(len(states), dtype=states.dtype)
        for _ in range(_MAX_PASSES):
            before[1:] = states[:-1]
            stepped = nxt.take(rowbase.take(before) + codes)
            if (stepped == states).all():  # np.array_equal's checks cost more on these short arrays
                return states
            states = stepped
        return None

    def feature_counts(self, data: bytes) -> tuple[NDArray[np.intp], NDArray[np.float32]] | None:
        """(features, counts) in first-occurrence order, the order py3langid sums them in; None if none."""
        if self._walker is not None:
            found: tuple[NDArray[np.intp], NDArray[np.float32]] | None = self._walker.feature_counts(data)
            return found
        return self.numpy_feature_counts(data)

    def numpy_feature_counts(self, data: bytes) -> tuple[NDArray[np.intp], NDArray[np.float32]] | None:
        """`feature_counts` by the numpy walk (the reference for the compiled one)."""
        if not data:
            return None
        states = self._states(data)
        if states is None:
            from py3langid.langid import visit_counts

            visits = visit_counts(self.tk_nextmove, self._rowbase, self.tk_output, data)
            if not visits:
                return None
            keys = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            return keys, np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
        features = self._out_np.take(states)
        features = features[features >= 0]
        if len(features) == 0:
            return None
        return _first_counts(features, self._n_features)

    def _raw_score(self, text: bytes) -> Any:
        found = self.feature_counts(text)
        if found is None:
            return super()._raw_score(text)  # no features: py3langid's own fill value
        features, counts = found
        if self._halves_normal and self._walker is not None:
            weights = self._walker.widened_rows(self.nb_ptc.view(np.int16), features)
        elif self._halves_normal:
            weights = _widen_normal_halves(self.nb_ptc.view(np.int16).take(features, axis=0))
        else:
            weights = self.nb_ptc[features]
            if weights.dtype == np.float16:
                # The float32 values numpy would cast them to for the product below, by table.
                weights = self._half_to_single[weights.view(np.uint16)]
        # py3langid's `_sparse_score`, on the same arrays in the same order; `log1p` of the
        # counts (whole numbers below the text's length) by table where it has them.
        table = self._log1p_table
        logs = (
            table.take(counts.astype(np.intp))
            if table is not None and len(text) < len(table)
            else np.log1p(counts)
        )
        return logs @ weights + self.nb_pc


def _first_counts(
    features: NDArray[np.intp], n_features: int
) -> tuple[NDArray[np.intp], NDArray[np.float32]]:
    """(each distinct feature of `features`, its count), in first-occurrence order (all features
    are below `n_features`).

    Each occurrence finds its feature's first position through a table indexed by feature
    (`minimum.at`, which is defined for repeated indices): those positions mark the first
    occurrences and, counted with bincount, give the counts. No sort: faster than a stable
    one on the few hundred features of a text.
    """
    n = len(features)
    positions = np.arange(n, dtype=np.int32)
    first = np.empty(n_features, dtype=np.int32)  # read only where `features` wrote
    first[features] = n
    np.minimum.at(first, features, positions)
    owners = first.take(features)  # the first position of each occurrence's feature
    at_first = owners == positions
    counts = np.bincount(owners, minlength=n).astype(np.float32)
    return features[at_first], counts[at_first]


def _log1p_table(size: int) -> NDArray[np.float32] | None:
    """`np.log1p` of the float32 numbers 0, 1, ... size - 1, or None where numpy's `log1p` of a
    count in a contiguous array (as `_raw_score`'s counts are) hangs on where it sits there: its
    SIMD loop, their remainders and alignment must give each number the same bits, so other
    contiguous layouts of the same numbers are checked. (A strided array takes another loop,
    which may round differently: it is not what `_raw_score` does.)"""
    counts = np.arange(size, dtype=np.float32)
    table = np.log1p(counts)
    layouts = (
        np.log1p(counts[::-1].copy())[::-1],  # each number at another position
        np.concatenate([table[:1], np.log1p(counts[1:])]),  # shifted by one element
        np.concatenate([np.log1p(counts[i : i + 1]) for i in range(min(size, 64))] + [table[64:]]),  # alone
        np.concatenate([np.log1p(counts[i : i + 7]) for i in range(0, size, 7)]),  # in sevens
    )
    return table if all(same_array(layout, table) for layout in layouts) else None


def _all_normal_halves(table: NDArray[Any]) -> bool:
    """Whether `table` is float16 and holds only normal numbers (no zero, subnormal, inf or NaN).

    py3langid's weights are log-probabilities, all normal: `_widen_normal_halves`
    is exact for those.
    """
    if table.dtype != np.float16:
        return False
    exponents = table.view(np.uint16) & np.uint16(0x7C00)
    return not bool(np.any(exponents == 0) or np.any(exponents == 0x7C00))


def _widen_normal_halves(bits: NDArray[np.int16]) -> NDArray[np.float32]:
    """The float32 values of normal float16 numbers given as their bits (a 16-bit view).

    The same values as numpy's float16 cast (a normal half's sign, exponent and
    mantissa move to a single's fields, the exponent rebiased from 15 to 127), in
    four vectorised integer passes: several times faster than numpy's float16 cast,
    which converts element by element, or than a lookup table.
    """
    wide = bits.astype(np.int32)  # sign-extended: bits 31..16 all hold the sign
    wide <<= 13  # exponent to bits 27..23, mantissa to 22..13; bits 31..28 hold the sign
    wide &= np.int32(-0x70000001)  # 0x8FFFFFFF: clears bits 30..28, keeps the sign in 31
    wide += np.int32(0x38000000)  # (127 - 15) << 23
    return wide.view(np.float32)


def supported() -> bool:
    """Whether the installed py3langid has the layout this module reads (0.4: deduplicated DFA rows)."""
    slots = getattr(LanguageIdentifier, "__slots__", ())
    return hasattr(LanguageIdentifier, "_raw_score") and all(
        name in slots for name in ("_rowbase", "tk_nextmove", "tk_output", "nb_ptc", "nb_pc")
    )
