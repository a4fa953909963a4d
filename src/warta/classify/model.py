"""The learned block classifier: two gradient-boosted stages over block features.

Stage 1 scores each block from its own features and its neighbourhood; stage 2
re-scores it with stage-1 probabilities of the blocks around it, which is how
the sequence (a short line between body paragraphs, a teaser run after a
"Related Posts" header) enters the decision. Weights are learned by
`train/train_classifier.py`; the model files ship in `classify/models/`.
Each stage is scored by LightGBM, or by the same model compiled to machine
code when one is cached (`warta.classify.compiled`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import NDArray

from warta.classify.compiled import CompileError, Scorer, load_compiled
from warta.classify.features import FeatureMatrix, stage2_features, widened
from warta.errors import ConfigError
from warta.model import PageKind

# 'auto': a compiled model when one is cached, else LightGBM; 'compile': compile what is
# missing first (seconds per model, once per host); 'off': LightGBM only.
CompiledModels = Literal["auto", "compile", "off"]


@dataclass(frozen=True)
class BlockClassifier:
    """P(body) for every block of a page."""

    stage1: Scorer
    stage2: Scorer
    compiled: bool = False

    def predict(self, features: FeatureMatrix) -> NDArray[np.float32]:
        x = features.values
        if len(x) == 0:
            return np.zeros(0, dtype=np.float32)
        # The scorers read float64 rows: widened once here (the same float32 values), and the
        # stage-2 matrix built float64 from it, rather than each scorer casting its own.
        wide = widened(x)
        p1 = np.asarray(self.stage1(wide), dtype=np.float32)
        x2 = stage2_features(wide, p1)
        return np.asarray(self.stage2(x2), dtype=np.float32)


def model_path(kind: PageKind, stage: int) -> str:
    return f"{kind}.stage{stage}.txt"


def _lightgbm_scorer(model_text: str) -> Scorer:
    import lightgbm

    booster = lightgbm.Booster(model_str=model_text)

    def score(x: NDArray[Any]) -> NDArray[np.float64]:
        return np.asarray(booster.predict(x, num_threads=1), dtype=np.float64)

    return score


def lightgbm_classifier(stage1_text: str, stage2_text: str) -> BlockClassifier:
    """A classifier from two LightGBM model texts (the cross-validation fold models of the benches)."""
    return BlockClassifier(_lightgbm_scorer(stage1_text), _lightgbm_scorer(stage2_text))


def _stage_scorer(kind: PageKind, stage: int, compiled: CompiledModels) -> tuple[Scorer, bool]:
    """One stage's scorer and whether it is compiled."""
    return model_scorer(model_path(kind, stage), compiled, f"train/train_classifier.py --kind {kind}")


def model_scorer(name: str, compiled: CompiledModels, trainer: str) -> tuple[Scorer, bool]:
    """The scorer of the shipped LightGBM model `name` (a file of `classify/models/`) and whether it
    is compiled (`trainer`: the command that writes the file, for the error where it is missing)."""
    resource = resources.files("warta.classify") / "models" / name
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"model file {resource} is missing: run `python {trainer}`") from exc
    if compiled != "off":
        with resources.as_file(resource) as path:
            try:
                native = load_compiled(
                    Path(path),
                    name.removesuffix(".txt"),
                    compile_missing=compiled == "compile",
                    model_text=text,
                )
            except CompileError as exc:  # never fatal: the same model, interpreted
                warnings.warn(f"{exc}; scoring with LightGBM", RuntimeWarning, stacklevel=2)
                native = None
        if native is not None:
            return native, True
    return _lightgbm_scorer(text), False


COMPILED_MODES: tuple[CompiledModels, ...] = get_args(CompiledModels)


@lru_cache(maxsize=8)
def load_classifier(kind: PageKind, compiled: str = "auto") -> BlockClassifier:
    """Load the shipped model for `kind` ('text' or 'html'); cached, models are read-only.

    `compiled` is one of `COMPILED_MODES` (see `CompiledModels`)."""
    if compiled not in COMPILED_MODES:
        raise ConfigError(f"compiled_models must be one of {', '.join(COMPILED_MODES)}, not {compiled!r}")
    stage1, native1 = _stage_scorer(kind, 1, compiled)
    stage2, native2 = _stage_scorer(kind, 2, compiled)
    return BlockClassifier(stage1, stage2, compiled=native1 and native2)
