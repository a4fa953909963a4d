"""The compiled models (lleaves) score blocks exactly as LightGBM does, and are only used when valid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from warta.classify import compiled
from warta.classify.features import FeatureMatrix, block_features, stage2_features
from warta.classify.labels import normalise_lines
from warta.classify.model import lightgbm_classifier, load_classifier
from warta.errors import ConfigError
from warta.lexicon import load_lexicon
from warta.model import Page, PageKind
from warta.options import ExtractOptions
from warta.pipeline import Extractor
from warta.segment.html import segment_html
from warta.segment.text import segment_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES: list[tuple[PageKind, Path]] = [
    *(("text", p) for p in sorted((FIXTURES / "text").glob("*.txt"))[:6]),
    *(("html", p) for p in sorted((FIXTURES / "html").glob("*.html"))[:4]),
]
MODEL = Path(compiled.__file__).parent / "models" / "text.stage2.txt"


def _matrix(kind: PageKind, path: Path) -> FeatureMatrix:
    text = path.read_text(encoding="utf-8")
    blocks = segment_html(text).blocks if kind == "html" else segment_text(text)
    return block_features(blocks, load_lexicon(), kind, normalise_lines([b.text for b in blocks]))


@pytest.mark.parametrize(("kind", "path"), PAGES, ids=[p.name for _, p in PAGES])
def test_compiled_scores_equal_lightgbm(kind: PageKind, path: Path) -> None:
    pytest.importorskip("lleaves")
    native = load_classifier(kind, "compile")
    reference = load_classifier(kind, "off")
    assert native.compiled and not reference.compiled
    matrix = _matrix(kind, path)
    np.testing.assert_allclose(
        native.stage1(matrix.values), reference.stage1(matrix.values), rtol=0, atol=1e-12
    )
    np.testing.assert_array_equal(native.predict(matrix), reference.predict(matrix))


@pytest.mark.parametrize("mode", ["off", "auto"])
@pytest.mark.parametrize(("kind", "path"), PAGES[::3], ids=[p.name for _, p in PAGES[::3]])
def test_predict_scores_the_float32_features(mode: str, kind: PageKind, path: Path) -> None:
    # `predict` hands the scorers the features widened to float64 and builds the stage-2 matrix
    # so: the probabilities are those of the float32 matrices, bit for bit.
    classifier = load_classifier(kind, mode)
    x = _matrix(kind, path).values
    p1 = np.asarray(classifier.stage1(x), dtype=np.float32)
    expected = np.asarray(classifier.stage2(stage2_features(x, p1)), dtype=np.float32)
    assert classifier.predict(FeatureMatrix(x, ())).tobytes() == expected.tobytes()


def test_extraction_is_the_same_with_either_scorer() -> None:
    pytest.importorskip("lleaves")
    page = Page(content=(FIXTURES / "text" / "ap-wire.txt").read_text(encoding="utf-8"), kind="text")
    native = Extractor(ExtractOptions(compiled_models="compile", include_labels=True)).extract_page(page)
    reference = Extractor(ExtractOptions(compiled_models="off", include_labels=True)).extract_page(page)
    assert native.to_dict(include_labels=True) == reference.to_dict(include_labels=True)


def test_nothing_is_compiled_unless_asked(tmp_path: Path) -> None:
    pytest.importorskip("lleaves")
    assert compiled.load_compiled(MODEL, "text.stage2", directory=tmp_path) is None
    assert not list(tmp_path.rglob("*.o"))


def test_a_compiled_copy_is_keyed_by_the_model_text(tmp_path: Path) -> None:
    pytest.importorskip("lleaves")
    text = MODEL.read_text(encoding="utf-8")
    same = compiled.compiled_path(text, "m", tmp_path)
    assert same == compiled.compiled_path(text, "m", tmp_path)
    assert compiled.compiled_path(text.replace("Tree=0", "Tree=0 ", 1), "m", tmp_path) != same


def test_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path / "c"))
    assert compiled.cache_dir() == tmp_path / "c"
    monkeypatch.delenv(compiled.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compiled.cache_dir() == tmp_path / "xdg" / "warta"


def test_without_lleaves_lightgbm_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "lleaves_available", lambda: False)
    assert compiled.load_compiled(MODEL, "text.stage2", compile_missing=True) is None


def test_an_unknown_mode_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="compiled_models"):
        load_classifier("text", "fast")


def test_a_classifier_from_model_texts_scores_as_the_shipped_one() -> None:
    # How the benches load their cross-validation fold models.
    models = Path(compiled.__file__).parent / "models"
    texts = [(models / f"html.stage{stage}.txt").read_text(encoding="utf-8") for stage in (1, 2)]
    matrix = _matrix("html", PAGES[-1][1])
    np.testing.assert_array_equal(
        lightgbm_classifier(*texts).predict(matrix), load_classifier("html", "off").predict(matrix)
    )


def test_an_unwritable_cache_is_an_error_to_the_compiler_and_lightgbm_to_extraction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("lleaves")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    with pytest.raises(compiled.CompileError, match="cannot compile"):
        compiled.load_compiled(MODEL, "text.stage2", compile_missing=True, directory=blocked)
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocked))
    load_classifier.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="scoring with LightGBM"):
            classifier = load_classifier("text", "compile")
        assert not classifier.compiled
        assert (
            Extractor(ExtractOptions(compiled_models="compile"))
            .extract_page(
                Page(content=(FIXTURES / "text" / "ap-wire.txt").read_text(encoding="utf-8"), kind="text")
            )
            .body
        )
    finally:
        load_classifier.cache_clear()


def _lleaves_model(kind: PageKind, stage: int) -> object:
    import lleaves

    load_classifier(kind, "compile")  # compiles the model into the cache, where missing
    path = Path(compiled.__file__).parent / "models" / f"{kind}.stage{stage}.txt"
    model = lleaves.Model(model_file=str(path))
    model.compile(cache=str(compiled.compiled_path(path.read_text(encoding="utf-8"), f"{kind}.stage{stage}")))
    return model


@pytest.mark.parametrize("kind", ["text", "html"])
def test_the_direct_model_call_gives_lleaves_predict_bits(kind: PageKind) -> None:
    pytest.importorskip("lleaves")
    model: Any = _lleaves_model(kind, 1)

    def predict(x: Any) -> Any:
        return np.asarray(model.predict(x, n_jobs=1), dtype=np.float64)

    direct = compiled._direct_scorer(model, predict)
    assert direct is not None
    matrix = _matrix(kind, next(p for k, p in PAGES if k == kind)).values
    rng = np.random.default_rng(1)
    noise = rng.normal(0, 5, (40, matrix.shape[1])).astype(np.float32)
    noise[::7] = np.nan
    for x in (matrix, matrix[:1], matrix[:0], noise, noise.astype(np.float64), noise[::3], noise.T.copy().T):
        found, expected = direct(x), predict(x)
        assert found.dtype == expected.dtype and found.tobytes() == expected.tobytes()
    # Another width, dtype or shape: lleaves' own predict answers (here: its error).
    with pytest.raises(ValueError):
        direct(matrix[:, :-1])
    assert direct(matrix.astype(np.float16)).tobytes() == predict(matrix.astype(np.float16)).tobytes()


def test_the_direct_model_call_is_not_used_where_it_disagrees(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("lleaves")
    model: Any = _lleaves_model("text", 2)

    def off_by_one(x: Any) -> Any:
        return np.asarray(model.predict(x, n_jobs=1), dtype=np.float64) + 1.0

    with pytest.warns(UserWarning, match="model call"):
        assert compiled._direct_scorer(model, off_by_one) is None
