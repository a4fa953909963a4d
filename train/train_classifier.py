"""Learn the block classifier from WCXB dev pages (ScrapingHub stays evaluation-only).

    python train/flatten.py                      # once: flatten the pages (cache)
    python train/train_classifier.py --kind text # writes src/warta/classify/models/text.stage*.txt
    python train/train_classifier.py --kind text --cv-only  # scores and out-of-fold caches only

Cross-validated (grouped by site) SH scores on WCXB are printed and written to
bench/results/train-<kind>.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import lightgbm as lgb
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

from align import align_blocks  # noqa: E402
from flatten import CACHE, WCXB  # noqa: E402
from warta.classify.features import STAGE2_NAMES, block_features, feature_names, stage2_features  # noqa: E402
from warta.evaluate import bow_scores, sh_scores  # noqa: E402
from warta.lexicon import load_lexicon  # noqa: E402
from warta.model import Block  # noqa: E402
from warta.segment.text import segment_text  # noqa: E402

MODELS = ROOT / "src" / "warta" / "classify" / "models"
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.08,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 2,
    "seed": 7,
}
ROUNDS = (220, 160)


def gold_pages(types: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str]]:
    """(file id, domain, gold main text) for WCXB pages that have gold text, of the given page types."""
    yield from ((fid, domain, text) for fid, domain, text, _ in gold_pages_with_url(types))


def page_type(data: dict, meta: dict) -> str:
    fid = data.get("file_id") or ""
    listed = (meta.get(fid) or {}).get("page_type")
    return str(listed or ((data.get("_internal") or {}).get("page_type") or {}).get("primary") or "")


def gold_pages_with_url(types: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str, str]]:
    """(file id, domain, gold main text, page url) for WCXB pages that have gold text,
    only of the page `types` given (all when empty)."""
    meta = json.loads((WCXB / "metadata.json").read_text())
    meta = meta.get("files", meta) if isinstance(meta, dict) else {}
    for path in sorted((WCXB / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text())
        text = (data.get("ground_truth") or {}).get("main_content") or ""
        if not text.strip() or (types and page_type(data, meta) not in types):
            continue
        fid = data.get("file_id") or path.stem
        url = data.get("url") or ""
        domain = url.split("/")[2] if url.count("/") >= 2 else fid
        yield fid, domain, text, url


def text_pages(fid: str, url: str = "") -> Iterator[tuple[str, list[Block]]]:
    for flattener in ("bs4", "inscriptis"):
        path = CACHE / f"wcxb-{flattener}" / f"{fid}.txt"
        if path.exists():
            yield flattener, segment_text(path.read_text(encoding="utf-8"))


def html_pages(fid: str, url: str = "") -> Iterator[tuple[str, list[Block]]]:
    from warta.segment.html import segment_html

    html = gzip.decompress((WCXB / "html" / f"{fid}.html.gz").read_bytes()).decode("utf-8", "replace")
    yield "html", segment_html(html, base_url=url or None).blocks


SEGMENTERS: dict[str, Callable[[str, str], Iterator[tuple[str, list[Block]]]]] = {
    "text": text_pages,
    "html": html_pages,
}


def build(kind: str, limit: int | None, types: tuple[str, ...] = ()) -> list[dict]:
    lexicon = load_lexicon()
    docs = []
    for n, (fid, domain, gold, url) in enumerate(gold_pages_with_url(types)):
        if limit and n >= limit:
            break
        for variant, blocks in SEGMENTERS[kind](fid, url):
            if not blocks:
                continue
            x = block_features(blocks, lexicon, "html" if kind == "html" else "text").values
            y = np.array(align_blocks(blocks, gold), dtype=np.float32)
            docs.append(
                {
                    "fid": fid,
                    "domain": domain,
                    "variant": variant,
                    "x": x,
                    "y": y,
                    "blocks": blocks,
                    "gold": gold,
                }
            )
    return docs


def folds(docs: list[dict], k: int) -> list[int]:
    domains = sorted({d["domain"] for d in docs})
    rng = np.random.default_rng(11)
    order = rng.permutation(len(domains))
    fold_of = {domains[i]: j % k for j, i in enumerate(order)}
    return [fold_of[d["domain"]] for d in docs]


def train_stage(
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    rounds: int,
    names: tuple[str, ...],
    negatives: int | None = None,
) -> lgb.Booster:
    """One boosted model. With `negatives`, each page keeps all body blocks and at most that
    many others, weighted up so the class balance (and the probabilities) stay unbiased."""
    weights = [np.ones(len(y), dtype=np.float32) for y in ys]
    if negatives:
        rng = np.random.default_rng(5)
        kept_x, kept_y, kept_w = [], [], []
        for x, y in zip(xs, ys, strict=True):
            neg = np.flatnonzero(y == 0)
            w = np.ones(len(y), dtype=np.float32)
            if len(neg) > negatives:
                drop = rng.choice(neg, len(neg) - negatives, replace=False)
                w[neg] = len(neg) / negatives
                w[drop] = 0.0
            keep = w > 0
            kept_x.append(x[keep])
            kept_y.append(y[keep])
            kept_w.append(w[keep])
        xs, ys, weights = kept_x, kept_y, kept_w
    data = lgb.Dataset(
        np.concatenate(xs),
        np.concatenate(ys),
        weight=np.concatenate(weights),
        feature_name=list(names),
        free_raw_data=True,
    )
    return lgb.train(PARAMS, data, num_boost_round=rounds)


def save_fold_models(
    docs: list[dict], fold: list[int], stage1: list[lgb.Booster], stage2: list[lgb.Booster]
) -> None:
    """Fold models and the page → fold map, so bench/ can score WCXB cross-validated end to end."""
    out = CACHE / f"{docs[0]['variant']}-folds"
    out.mkdir(parents=True, exist_ok=True)
    for f in range(len(stage2)):
        (out / f"fold{f}.stage1.txt").write_text(stage1[f].model_to_string(), encoding="utf-8")
        (out / f"fold{f}.stage2.txt").write_text(stage2[f].model_to_string(), encoding="utf-8")
    (out / "folds.json").write_text(json.dumps({d["fid"]: g for d, g in zip(docs, fold, strict=True)}))


def page_text(doc: dict, probs: np.ndarray, threshold: float) -> str:
    return "\n".join(b.text for b, p in zip(doc["blocks"], probs, strict=True) if p >= threshold)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kind", choices=sorted(SEGMENTERS), default="text")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N gold pages")
    parser.add_argument("--types", nargs="*", default=[], help="train on these WCXB page types only")
    parser.add_argument("--threads", type=int, default=PARAMS["num_threads"], help="LightGBM threads")
    parser.add_argument(
        "--negatives", type=int, default=None, help="keep at most N non-body blocks per page (weighted)"
    )
    parser.add_argument("--rounds", type=int, nargs=2, default=ROUNDS, help="boosting rounds of stage 1, 2")
    parser.add_argument(
        "--cv-only",
        action="store_true",
        help="cross-validate and write the out-of-fold caches (train/cache/), but leave the shipped "
        "models and bench/results/train-KIND.json as they are",
    )
    args = parser.parse_args()
    PARAMS["num_threads"] = args.threads
    rounds = tuple(args.rounds)
    t0 = time.time()
    docs = build(args.kind, args.limit, tuple(args.types))
    names1 = feature_names("html" if args.kind == "html" else "text")
    names2 = names1 + STAGE2_NAMES
    print(
        f"{len(docs)} documents, {sum(len(d['y']) for d in docs)} blocks, {time.time() - t0:.0f}s to build",
        file=sys.stderr,
    )
    fold = folds(docs, args.folds)

    # Out-of-fold stage-1 probabilities feed stage 2, so stage 2 learns from
    # probabilities as noisy as those it will see on unseen pages.
    p1 = [np.zeros(0)] * len(docs)
    stage1_models = []
    for f in range(args.folds):
        train = [i for i, g in enumerate(fold) if g != f]
        model = train_stage(
            [docs[i]["x"] for i in train], [docs[i]["y"] for i in train], rounds[0], names1, args.negatives
        )
        stage1_models.append(model)
        for i, g in enumerate(fold):
            if g == f:
                p1[i] = model.predict(docs[i]["x"], num_threads=PARAMS["num_threads"])
    x2 = [stage2_features(d["x"], p.astype(np.float32)) for d, p in zip(docs, p1, strict=True)]

    # Cross-validated estimate of the whole two-stage model.
    p2 = [np.zeros(0)] * len(docs)
    fold_models = []
    for f in range(args.folds):
        train = [i for i, g in enumerate(fold) if g != f]
        model = train_stage(
            [x2[i] for i in train], [docs[i]["y"] for i in train], rounds[1], names2, args.negatives
        )
        for i, g in enumerate(fold):
            if g == f:
                p2[i] = model.predict(x2[i], num_threads=PARAMS["num_threads"])
        fold_models.append(model)
    if args.kind == "html":
        save_fold_models(docs, fold, stage1_models, fold_models)

    if args.kind == "text":
        # Out-of-fold probabilities, for tuning the labelling and assembly rules on
        # unseen pages without retraining (train/tune_rules.py).
        import pickle

        oof = [(d["fid"], d["variant"], d["blocks"], p, d["gold"]) for d, p in zip(docs, p2, strict=True)]
        (CACHE / f"oof-{args.kind}.pkl").write_bytes(pickle.dumps(oof))

    report: dict[str, object] = {
        "kind": args.kind,
        "documents": len(docs),
        "folds": args.folds,
        "page_types": args.types,
    }
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        for variant in sorted({d["variant"] for d in docs}):
            pairs = [
                (page_text(d, p, threshold), d["gold"])
                for d, p in zip(docs, p2, strict=True)
                if d["variant"] == variant
            ]
            sh = sh_scores(pairs)
            bow = bow_scores(pairs)
            report[f"cv_{variant}_t{threshold}"] = {"sh": sh.as_dict(), "bow_f1": round(bow.f1, 4)}
            print(
                f"t={threshold} {variant:10s} SH P={sh.precision:.3f} R={sh.recall:.3f} "
                f"F1={sh.f1:.3f}  bow F1={bow.f1:.3f}",
                file=sys.stderr,
            )

    if args.cv_only:
        print(
            f"done in {time.time() - t0:.0f}s (cross-validation only: models left as they are)",
            file=sys.stderr,
        )
        return
    final1 = train_stage([d["x"] for d in docs], [d["y"] for d in docs], rounds[0], names1, args.negatives)
    final2 = train_stage(x2, [d["y"] for d in docs], rounds[1], names2, args.negatives)
    MODELS.mkdir(parents=True, exist_ok=True)
    for stage, model in ((1, final1), (2, final2)):
        (MODELS / f"{args.kind}.stage{stage}.txt").write_text(model.model_to_string(), encoding="utf-8")
    importance = sorted(zip(names2, final2.feature_importance("gain"), strict=True), key=lambda t: -t[1])[:20]
    report["top_features_stage2"] = [(n, round(float(v))) for n, v in importance]
    out = ROOT / "bench" / "results" / f"train-{args.kind}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"done in {time.time() - t0:.0f}s; report in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
