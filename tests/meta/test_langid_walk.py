"""The compiled language-id walk gives exactly the arrays and scores of the numpy walk.

`DfaIdentifier.numpy_feature_counts` and numpy's float16 widening are the
reference; `warta.meta._langid_walk` must give the same (features, counts) arrays,
the same weight rows and so the same scores and (language, probability), bit for
bit: on texts in several languages and scripts, on edge cases, on generated text
and bytes and, where ../shared is present, on the benchmark articles.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from warta.meta.langid_dfa import DfaIdentifier, _widen_normal_halves
from warta.meta.language import _identifier, detect_language


@pytest.fixture(scope="module")
def identifier(require_compiled: Callable[[bool, str], None]) -> DfaIdentifier:
    found: DfaIdentifier = _identifier(())
    require_compiled(found._walker is not None, "language-id walk")
    return found


def _numpy_twin(identifier: DfaIdentifier) -> DfaIdentifier:
    """The same identifier (same model arrays, same languages) on the numpy walk."""
    twin = copy.copy(identifier)
    twin._walker = None
    return twin


def _same(a: NDArray[Any], b: NDArray[Any]) -> None:
    assert a.dtype == b.dtype
    assert a.shape == b.shape
    assert a.tobytes() == b.tobytes()


def _assert_same(identifier: DfaIdentifier, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    compiled, reference = identifier.feature_counts(data), identifier.numpy_feature_counts(data)
    if reference is None:
        assert compiled is None
    else:
        assert compiled is not None
        _same(compiled[0], reference[0])
        _same(compiled[1], reference[1])
    twin = _numpy_twin(identifier)
    _same(identifier._decide(data), twin._decide(data))
    assert identifier.classify(data) == twin.classify(data)


TEXTS = {
    "indonesian": "Pemerintah akan menyalurkan bantuan sosial kepada warga terdampak banjir di Jakarta "
    "mulai pekan depan, kata Menteri Sosial dalam jumpa pers di Istana Negara, Senin (12/5/2026).",
    "english": "The government will distribute aid to residents affected by the floods in Jakarta "
    "starting next week, the social affairs minister told reporters on Monday.",
    "malay": "Kerajaan akan mengagihkan bantuan kepada penduduk yang terjejas akibat banjir mulai minggu hadapan.",
    "javanese": "Pamarentah bakal menehi bantuan marang warga sing kena banjir wiwit minggu ngarep.",
    "russian": "Правительство распределит помощь жителям, пострадавшим от наводнения, со следующей недели.",
    "chinese": "政府将从下周开始向受洪水影响的居民分发援助物资。",
    "japanese": "政府は来週から洪水の被災者に支援物資を配布する。",
    "arabic": "ستوزع الحكومة المساعدات على السكان المتضررين من الفيضانات بدءا من الأسبوع المقبل.",
    "thai": "รัฐบาลจะแจกจ่ายความช่วยเหลือให้แก่ผู้ประสบภัยน้ำท่วมตั้งแต่สัปดาห์หน้า",
    "hindi": "सरकार अगले सप्ताह से बाढ़ प्रभावित निवासियों को सहायता वितरित करेगी।",
    "greek": "Η κυβέρνηση θα διανείμει βοήθεια στους κατοίκους που επλήγησαν από τις πλημμύρες.",
    "mixed": "Jakarta — Banjir 🌊🌊 melanda; «naïve café» Мост 橋 جسر 2026!! https://x.example/a?b=c",
    "digits and punctuation": "12/05/2026 — 08:30 WIB; Rp1.500.000,- (±3%) ... !!! ???",
    "repeated letter": "a" * 3_000,
    "whitespace": " \n\t " * 50,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_texts(identifier: DfaIdentifier, name: str) -> None:
    _assert_same(identifier, TEXTS[name])


def test_empty_text_has_no_features(identifier: DfaIdentifier) -> None:
    assert identifier.feature_counts(b"") is None
    _assert_same(identifier, b"")


def test_every_single_byte(identifier: DfaIdentifier) -> None:
    for byte in range(256):
        _assert_same(identifier, bytes([byte]))


def test_long_text(identifier: DfaIdentifier) -> None:
    long = " ".join(TEXTS.values()) * 40  # about 60,000 bytes, far past the 2,000-character sample
    assert len(long.encode("utf-8")) > 50_000
    _assert_same(identifier, long)


def test_invalid_utf8_bytes(identifier: DfaIdentifier) -> None:
    _assert_same(identifier, b"caf\xe9 \xff\xfe lagi \xc3( \xa0b \xed\xa0\x80 berita")


def test_restricted_languages_score_the_same() -> None:
    restricted: DfaIdentifier = _identifier(("id", "ms", "en"))
    if restricted._walker is None:
        pytest.skip("the compiled language-id walk is not built")
    for text in TEXTS.values():
        _assert_same(restricted, text)


def test_detect_language_is_unchanged(identifier: DfaIdentifier, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = [detect_language(text) for text in TEXTS.values()]
    monkeypatch.setattr(identifier, "_walker", None)
    assert [detect_language(text) for text in TEXTS.values()] == compiled
    assert compiled[0][0] == "id"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_generated_text(identifier: DfaIdentifier, text: str) -> None:
    _assert_same(identifier, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_generated_bytes(identifier: DfaIdentifier, data: bytes) -> None:
    _assert_same(identifier, data)


def test_widened_rows_are_numpys_widening(identifier: DfaIdentifier) -> None:
    from warta.meta._langid_walk import widened_rows

    bits = identifier.nb_ptc.view(np.int16)
    every = np.arange(bits.shape[0], dtype=np.intp)
    for f16c in (True, False):  # the conversion instruction, where the CPU has it, and the integer widening
        _same(widened_rows(bits, every, f16c), _widen_normal_halves(bits.take(every, axis=0)))
        _same(widened_rows(bits, every[:0], f16c), _widen_normal_halves(bits.take(every[:0], axis=0)))
        columns = bits[:, [3, 0, 7]]  # as `set_languages` selects them: not C-contiguous
        _same(widened_rows(columns, every, f16c), _widen_normal_halves(columns.take(every, axis=0)))
        for width in (1, 7, 8, 9, 17):  # rows shorter than, as long as and longer than eight halves
            narrow = np.ascontiguousarray(bits[:, :width])
            _same(widened_rows(narrow, every, f16c), _widen_normal_halves(narrow.take(every, axis=0)))
    with pytest.raises(IndexError):
        widened_rows(bits, np.array([bits.shape[0]], dtype=np.intp))
    with pytest.raises(IndexError):
        widened_rows(bits, np.array([-1], dtype=np.intp))


def _tiny_automaton(
    dtype: type[np.unsignedinteger[Any]],
) -> tuple[NDArray[Any], NDArray[np.intp], NDArray[np.intp]]:
    """A 3-state automaton over bytes: state = byte % 3; states 1 and 2 emit features 7 and 4."""
    rows = 3
    table = np.array([byte % 3 for _ in range(rows) for byte in range(256)], dtype=dtype)
    rowbase = np.arange(rows, dtype=np.intp) * 256
    output = np.array([-1, 7, 4], dtype=np.intp)
    return table, rowbase, output


@pytest.mark.parametrize("dtype", [np.uint16, np.uint32, np.uint64])
def test_every_table_width(identifier: DfaIdentifier, dtype: type[np.unsignedinteger[Any]]) -> None:
    from warta.meta._langid_walk import Walker

    walker = Walker(*_tiny_automaton(dtype))
    data = bytes([3, 2, 1, 5, 4, 0, 2, 2, 7])
    found = walker.feature_counts(data)
    assert found is not None
    expected = Counter(f for f in (np.array([-1, 7, 4])[b % 3] for b in data) if f >= 0)
    assert found[0].tolist() == list(expected)  # first-occurrence order: 4 (byte 2) then 7
    assert found[1].tolist() == list(expected.values())
    assert found[1].dtype == np.float32
    assert walker.feature_counts(bytes([0, 3, 6])) is None


def test_stretches_that_do_not_synchronise_are_walked_again(identifier: DfaIdentifier) -> None:
    """A parity automaton never forgets its start: every stretch's warm-up can end in the wrong
    state, and the walk must still be the one sequential walk."""
    from warta.meta._langid_walk import Walker

    # State = parity of the 1 bytes read so far; every byte that leaves it odd counts feature 3.
    table = np.array([[s ^ (b == 1) for b in range(256)] for s in range(2)], dtype=np.uint32).ravel()
    rowbase = np.array([0, 256], dtype=np.intp)
    output = np.array([-1, 3], dtype=np.intp)
    walker = Walker(table, rowbase, output)
    rng = np.random.default_rng(11)
    for size in (1, 127, 128, 1_000, 5_000):
        data = rng.integers(0, 3, size=size).astype(np.uint8).tobytes()
        state, expected = 0, Counter[int]()
        for byte in data:
            state = int(table[rowbase[state] + byte])
            if output[state] >= 0:
                expected[int(output[state])] += 1
        found = walker.feature_counts(data)
        if not expected:
            assert found is None
        else:
            assert found is not None
            assert found[0].tolist() == list(expected)
            assert found[1].tolist() == list(expected.values())


def test_malformed_tables_are_refused(identifier: DfaIdentifier) -> None:
    from warta.meta._langid_walk import Walker

    table, rowbase, output = _tiny_automaton(np.uint32)
    with pytest.raises(ValueError):
        Walker(table.astype(np.int32), rowbase, output)
    with pytest.raises(ValueError):
        Walker(table, rowbase[:2], output)
    table[5] = 9  # a state the automaton does not have
    with pytest.raises(ValueError):
        Walker(table, rowbase, output).feature_counts(bytes([5]))
    rowbase[1] = 10_000  # a row past the table
    with pytest.raises(ValueError):
        Walker(table, rowbase, output).feature_counts(bytes([1, 1]))


def test_benchmark_articles(identifier: DfaIdentifier, shared: Path) -> None:
    truth = json.loads((shared / "bench" / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    articles = [entry["articleBody"] for _, entry in sorted(truth.items())][::3]
    flat = sorted((shared / "bench" / "scrapinghub-flat").glob("*.txt"))[::6]
    assert articles and flat
    for text in articles:
        _assert_same(identifier, text[:2000])
        _assert_same(identifier, text)
    for path in flat:
        _assert_same(identifier, path.read_text(encoding="utf-8", errors="replace")[:2000])
