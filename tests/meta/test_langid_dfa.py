"""The vectorised pieces of the language scorer equal the numpy operations they replace."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from py3langid.langid import LanguageIdentifier

from warta.meta.langid_dfa import (
    DfaIdentifier,
    _all_normal_halves,
    _first_counts,
    _log1p_table,
    _widen_normal_halves,
)
from warta.meta.language import _identifier


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


def test_log1p_table_holds_numpys_log1p_of_each_count() -> None:
    table = _log1p_table(3_000)
    assert table is not None
    assert table.dtype == np.float32
    for count in (0, 1, 2, 7, 255, 256, 2_999):
        assert table[count].tobytes() == np.log1p(np.array([count], dtype=np.float32)).tobytes()
    counts = np.array([5, 1, 1, 2_000, 3], dtype=np.float32)
    assert table.take(counts.astype(np.intp)).tobytes() == np.log1p(counts).tobytes()


ENCODED = [
    "",
    "Berita HARI INI",
    "BERITA",
    "ABC 123",
    "a\u0301b",
    "İSTANBUL",
    "\u212a",
    "ſ",
    "🌉 JAKARTA",
    "x\ud800",
]


def test_encode_is_py3langids_encode() -> None:
    for text in [*ENCODED, *(t.upper() for t in ENCODED), b"caf\xc3\xa9", b"\xff"]:
        assert DfaIdentifier._encode(text) == LanguageIdentifier._encode(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_encode_of_generated_text(text: str) -> None:
    assert DfaIdentifier._encode(text) == LanguageIdentifier._encode(text)
    assert DfaIdentifier._encode(text.upper()) == LanguageIdentifier._encode(text.upper())


SCORED = [
    "Pemerintah akan menyalurkan bantuan sosial kepada warga terdampak banjir di Jakarta.",
    "The government will distribute aid to residents affected by the floods.",
    "Мост открыт. 新しい橋が開通した。 🌉 naïve café İ \u212a ſ",
    "a" * 9_000,  # past the table: numpy's own log1p
    "x",
]


def test_raw_scores_are_py3langids() -> None:
    identifier = _identifier(())
    for text in SCORED:
        data = identifier._encode(text)
        expected = LanguageIdentifier._raw_score(identifier, data)
        assert identifier._raw_score(data).tobytes() == expected.tobytes()
        assert identifier.classify(text) == LanguageIdentifier.classify(identifier, text)
