"""Train the Indonesian named-entity tagger (a CRF) from the shared NER corpora and score it.

    python train/train_ner.py                 # trains, writes src/warta/enrich/models/ner-id.crfsuite
    python train/train_ner.py --score-only    # scores the shipped model again
    python train/train_ner.py --c1 0.5 --model /tmp/ner.crfsuite --dev   # try settings, scored on dev splits

Trains on the train splits only: NERGrit train, NERP train, NER UI and NER UGM fold-1 train
(the other folds' train files hold fold 1's test sentences). Scores, written to
bench/results/ner.{json,md}: entity-level F1 on NERGrit valid (its test is held out and not
distributed), NERP test and NER UI / UGM fold-1 test, both seqeval-style micro F1 and
conlleval F1 macro-averaged over types (as IndoNLU reports). Each corpus is scored on the
types it annotates: a predicted type the corpus does not have (NERP has no organisations;
only NERP has events and products) is read as O there.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.enrich.data import annotator_data  # noqa: E402
from warta.enrich.entities import person_titles  # noqa: E402
from warta.enrich.ner_features import gazetteer_words, sentence_features  # noqa: E402
from warta.enrich.text import bio_spans  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "id-ner"
MODEL = ROOT / "src" / "warta" / "enrich" / "models" / "ner-id.crfsuite"
RESULTS = ROOT / "bench" / "results"
TYPES = {
    "PERSON": "person", "PPL": "person",
    "ORGANISATION": "organisation", "ORGANIZATION": "organisation",
    "PLACE": "place", "PLC": "place", "LOCATION": "place",
    "EVT": "event", "IND": "product",
}  # fmt: skip
TRAIN = [
    "indonlu-nergrit_ner-grit/train_preprocess.txt",
    "indonlu-nerp_ner-prosa/train_preprocess.txt",
    "indolem-nerui/train.01.tsv",
    "indolem-nerugm/train.01.tsv",
]
# name, file, the types its annotators tag, published anchors from the data's README
EVAL = [
    ("NERGrit valid", "indonlu-nergrit_ner-grit/valid_preprocess.txt", ("person", "organisation", "place"),
     "IndoNLU test (macro): fastText-cc-id 37.32, fastText-indo4b 38.69, IndoBERT base p1 69.87, XLM-R base 79.09"),
    ("NERP test", "indonlu-nerp_ner-prosa/test_preprocess.txt", ("person", "place", "event", "product"),
     "IndoNLU test (macro; also FNB): fastText-cc-id 46.46, fastText-indo4b 46.79, IndoBERT base p1 75.52"),
    ("NER UI fold-1 test", "indolem-nerui/test.01.tsv", ("person", "organisation", "place"),
     "IndoLEM 5-fold micro: BiLSTM-CRF 82.2, mBERT 82.2, IndoBERT 90.1"),
    ("NER UGM fold-1 test", "indolem-nerugm/test.01.tsv", ("person", "organisation", "place"),
     "IndoLEM 5-fold micro (also QUANTITY, TIME): BiLSTM-CRF 70.9, mBERT 71.6, IndoBERT 74.9"),
]  # fmt: skip


def read_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        word, _, tag = line.rstrip("\n").rpartition("\t")
        words.append(word.strip())
        tags.append(map_tag(tag.strip()))
    if words:
        yield words, tags


def map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, name = tag.partition("-")
    kind = TYPES.get(name)
    return f"{prefix}-{kind}" if kind else "O"


def spans(tags: list[str], keep: tuple[str, ...]) -> set[tuple[int, int, str]]:
    """Entity spans of a BIO sequence (an I- without its B- starts one, as conlleval does)."""
    return {span for span in bio_spans(tags) if span[2] in keep}


def score(gold: list[list[str]], predicted: list[list[str]], keep: tuple[str, ...]) -> dict[str, object]:
    counts = {kind: [0, 0, 0] for kind in keep}  # true positives, predicted, gold
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = spans(gold_tags, keep), spans(predicted_tags, keep)
        for span in predicted_spans:
            counts[span[2]][1] += 1
            counts[span[2]][0] += span in gold_spans
        for span in gold_spans:
            counts[span[2]][2] += 1

    def f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    tp, npred, ngold = (sum(c[i] for c in counts.values()) for i in range(3))
    p, r, micro = f1(tp, npred, ngold)
    per_type = {kind: round(100 * f1(*c)[2], 2) for kind, c in counts.items()}
    present = [kind for kind, c in counts.items() if c[2]]
    return {
        "micro_f1": round(100 * micro, 2),
        "precision": round(100 * p, 2),
        "recall": round(100 * r, 2),
        "macro_f1": round(sum(per_type[k] for k in present) / len(present), 2) if present else 0.0,
        "per_type_f1": per_type,
        "gold_entities": ngold,
    }


def gazetteer() -> dict[str, str]:
    data = annotator_data("entities", ("id",))
    return gazetteer_words(data.get("aliases", {}), person_titles(("id",)))


# the splits to choose settings on (never the ones reported above)
DEV = [
    (
        "NERP valid",
        "indonlu-nerp_ner-prosa/valid_preprocess.txt",
        ("person", "place", "event", "product"),
        "",
    ),
    ("NER UI fold-1 dev", "indolem-nerui/dev.01.tsv", ("person", "organisation", "place"), ""),
    ("NER UGM fold-1 dev", "indolem-nerugm/dev.01.tsv", ("person", "organisation", "place"), ""),
]


def train(args: argparse.Namespace, words_of: dict[str, str]) -> float:
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = 0
    for name in TRAIN:
        for words, tags in read_sentences(DATA / name):
            trainer.append(sentence_features(words, words_of), tags)
            sentences += 1
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    args.model.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    trainer.train(str(args.model))
    seconds = time.perf_counter() - began
    print(
        f"trained on {sentences} sentences in {seconds:.0f} s -> {args.model} ({args.model.stat().st_size / 1e6:.2f} MB)"
    )
    return seconds


def evaluate(
    model: Path, words_of: dict[str, str], splits: list[tuple[str, str, tuple[str, ...], str]]
) -> list[dict[str, object]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    rows: list[dict[str, object]] = []
    for name, path, keep, anchor in splits:
        gold, predicted = [], []
        began = time.perf_counter()
        tokens = 0
        for words, tags in read_sentences(DATA / path):
            gold.append(tags)
            predicted.append(tagger.tag(sentence_features(words, words_of)))
            tokens += len(words)
        rate = tokens / (time.perf_counter() - began)
        rows.append({"corpus": name, "file": path, **score(gold, predicted, keep), "anchor": anchor,
                     "tokens_per_second": round(rate)})  # fmt: skip
        print(
            f"{name:22} micro {rows[-1]['micro_f1']:6.2f}  macro {rows[-1]['macro_f1']:6.2f}  {rows[-1]['per_type_f1']}"
        )
    return rows


def write_results(rows: list[dict[str, object]], meta: dict[str, object]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ner.json").write_text(json.dumps({**meta, "scores": rows}, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Indonesian NER (CRF, `src/warta/enrich/models/ner-id.crfsuite`)",
        "",
        f"Command: `{meta['command']}`. Model {meta['model_mb']} MB; trained in {meta['train_seconds']} s "
        f"on {meta['train_files']}. Entity-level F1; each corpus scored on the types it annotates.",
        "",
        "| corpus | micro F1 | P | R | macro F1 (types) | per type | published anchors |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        per_type = ", ".join(f"{k} {v}" for k, v in row["per_type_f1"].items())  # type: ignore[attr-defined]
        lines.append(
            f"| {row['corpus']} | {row['micro_f1']} | {row['precision']} | {row['recall']} | "
            f"{row['macro_f1']} | {per_type} | {row['anchor']} |"
        )
    lines += [
        "",
        f"Settings {meta['params']}, chosen on the dev splits (NERP valid, NER UI / UGM fold-1 dev; `--dev`),",
        "never on the splits above. Scores are the tagger's alone (no alias table, no title cuts).",
        "Anchors are the papers' numbers on their splits: NERGrit's test is held out (we report valid),",
        "IndoLEM averages 5 folds (we report fold 1), IndoNLU's NERP macro includes FNB (we drop it).",
    ]
    (RESULTS / "ner.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--score-only", action="store_true", help="score the model already written")
    parser.add_argument("--c1", type=float, default=0.5, help="L1 weight (sparser, smaller model)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    parser.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations")
    parser.add_argument(
        "--model",
        type=Path,
        default=MODEL,
        help="where the model goes (and results, if it is the shipped one)",
    )
    parser.add_argument("--dev", action="store_true", help="score on the dev splits (to choose settings)")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"NER corpora not found at {DATA}")
    words_of = gazetteer()
    seconds = 0.0 if args.score_only else train(args, words_of)
    rows = evaluate(args.model, words_of, DEV if args.dev else EVAL)
    meta = {
        "command": "python train/train_ner.py" + ("" if not sys.argv[1:] else " " + " ".join(sys.argv[1:])),
        "model_mb": round(args.model.stat().st_size / 1e6, 2),
        "train_seconds": round(seconds),
        "train_files": ", ".join(TRAIN),
        "params": {"c1": args.c1, "c2": args.c2, "iterations": args.iterations},
    }
    if not args.score_only and not args.dev and args.model == MODEL:
        write_results(rows, meta)


if __name__ == "__main__":
    main()
