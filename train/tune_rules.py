"""Evaluate labelling/assembly settings on out-of-fold WCXB predictions (no retraining).

    python train/train_classifier.py --kind text   # writes train/cache/oof-text.pkl
    python train/tune_rules.py

Scores the real pipeline after the model (label_blocks + build_body) on pages the
model did not see, so rule settings are chosen on WCXB, never on ScrapingHub.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.assemble.body import build_body  # noqa: E402
from warta.classify.labels import label_blocks  # noqa: E402
from warta.evaluate import sh_scores  # noqa: E402
from warta.lexicon import load_lexicon  # noqa: E402

CACHE = ROOT / "train" / "cache"


def main() -> None:
    oof = pickle.loads((CACHE / "oof-text.pkl").read_bytes())
    lexicon = load_lexicon()
    for threshold in (0.4, 0.45, 0.5, 0.55, 0.6):
        pairs: dict[str, list[tuple[str, str]]] = {}
        for _fid, variant, blocks, probs, gold in oof:
            labels = label_blocks(blocks, list(probs), lexicon, threshold)
            text = "\n".join(p.text for p in build_body(blocks, labels).parts)
            pairs.setdefault(variant, []).append((text, gold))
        line = " ".join(
            f"{v}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}"
            for v, s in ((v, sh_scores(p)) for v, p in sorted(pairs.items()))
        )
        print(f"t={threshold}  {line}", flush=True)


if __name__ == "__main__":
    main()
