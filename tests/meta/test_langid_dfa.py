"""The vectorised pieces of the language scorer equal the numpy operations they replace."""

from __future__ import annotations

import numpy as np

from warta.meta.langid_dfa import _all_normal_halves, _first_counts, _widen_normal_halves


def _every_normal_half() -> np.ndarray:
    bits = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
    exponents = bits & 0x7C00
    return bits[(exponents != 0) & (exponents != 0x7C00)].view(np.float16)


def test_normal_halves_widen_exactly_as_numpy_casts_them() -> None:
    halves = _every_normal_half()
    widened = _widen_normal_halves(halves.view(np.int16))
    assert widened.dtype == np.float32
    np.testing.assert_array_equal(widened, halves.astype(np.float32))


def test_only_all_normal_float16_tables_take_the_fast_path() -> None:
    assert _all_normal_halves(_every_normal_half())
    assert not _all_normal_halves(np.array([1.0, 0.0], dtype=np.float16))  # zero
    assert not _all_normal_halves(np.array([1.0, 6e-8], dtype=np.float16))  # subnormal
    assert not _all_normal_halves(np.array([1.0, np.inf], dtype=np.float16))
    assert not _all_normal_halves(np.array([1.0, 2.0], dtype=np.float32))


def test_first_counts_count_each_feature_at_its_first_occurrence() -> None:
    rng = np.random.default_rng(7)
    for size, high in ((1, 5), (50, 3), (2_000, 40), (2_000, 70_000)):
        features = rng.integers(0, high, size=size).astype(np.intp)
        expected: dict[int, int] = {}
        for feature in features.tolist():
            expected[feature] = expected.get(feature, 0) + 1
        found, counts = _first_counts(features, high)
        assert counts.dtype == np.float32
        np.testing.assert_array_equal(found, list(expected))
        np.testing.assert_array_equal(counts, list(expected.values()))
