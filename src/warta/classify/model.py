"""The learned block classifier: two gradient-boosted stages over block features.

Stage 1 scores each block from its own features and its neighbourhood; stage 2
re-scores it with stage-1 probabilities of the blocks around it, which is how
the sequence (a short line between body paragraphs, a teaser run after a
"Related Posts" header) enters the decision. Weights are learned by
`train/train_classifier.py`; the model files ship in `classify/models/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from warta.classify.features import FeatureMatrix, stage2_features
from warta.errors import ConfigError
from warta.model import PageKind


@dataclass(frozen=True)
class BlockClassifier:
    """P(body) for every block of a page."""

    stage1: object  # lightgbm.Booster (kept untyped: lightgbm ships no type hints)
    stage2: object

    def predict(self, features: FeatureMatrix) -> NDArray[np.float32]:
        x = features.values
        if len(x) == 0:
            return np.zeros(0, dtype=np.float32)
        p1 = np.asarray(self.stage1.predict(x, num_threads=1), dtype=np.float32)  # type: ignore[attr-defined]
        x2 = stage2_features(x, p1)
        return np.asarray(self.stage2.predict(x2, num_threads=1), dtype=np.float32)  # type: ignore[attr-defined]


def model_path(kind: PageKind, stage: int) -> str:
    return f"{kind}.stage{stage}.txt"


@lru_cache(maxsize=4)
def load_classifier(kind: PageKind) -> BlockClassifier:
    """Load the shipped model for `kind` ('text' or 'html'); cached, models are read-only."""
    import lightgbm

    models = resources.files("warta.classify") / "models"
    boosters = []
    for stage in (1, 2):
        path = models / model_path(kind, stage)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ConfigError(
                f"model file {path} is missing: run `python train/train_classifier.py --kind {kind}`"
            ) from exc
        boosters.append(lightgbm.Booster(model_str=text))
    stage1, stage2 = boosters
    return BlockClassifier(stage1, stage2)
