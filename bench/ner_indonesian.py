"""Score the whole Indonesian entity recogniser (tagger, alias table, title cuts) against the
tagger alone, on the reported NER splits (see train/train_ner.py; needs ../shared).

    python bench/ner_indonesian.py    # prints a table, writes bench/results/ner-id-system.{json,md}

Each sentence is one paragraph (words joined by spaces); a found entity counts when its
character span and type match the gold one. Types a corpus does not annotate are ignored.
The 'paragraphs' column reads the same sentences four to a paragraph (joined by a space), as
articles give them: the recogniser tags a paragraph sentence by sentence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "train"))

from train_ner import DATA, EVAL, read_sentences, spans  # noqa: E402
from warta.enrich import EnrichContext  # noqa: E402
from warta.enrich.entities import EntityRecogniser, _language, _model_spans  # noqa: E402
from warta.enrich.ner_features import tokenise  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PER_PARAGRAPH = 4


def f1(found: set[tuple[int, int, int, str]], gold: set[tuple[int, int, int, str]]) -> float:
    tp = len(found & gold)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0


def paragraphs_f1(
    recogniser: EntityRecogniser,
    context: EnrichContext,
    sentences: list[tuple[list[str], list[str]]],
    keep: Any,
) -> float:
    """System F1 with the sentences read `PER_PARAGRAPH` to a paragraph."""
    gold: set[tuple[int, int, int, str]] = set()
    found: set[tuple[int, int, int, str]] = set()
    for first in range(0, len(sentences), PER_PARAGRAPH):
        texts: list[str] = []
        base = 0
        for words, tags in sentences[first : first + PER_PARAGRAPH]:
            offsets = [base]
            for word in words:
                offsets.append(offsets[-1] + len(word) + 1)
            gold |= {
                (first, offsets[start], offsets[end] - 1, kind) for start, end, kind in spans(tags, keep)
            }
            texts.append(" ".join(words))
            base = offsets[-1]
        found |= {
            (first, e.start, e.end, e.type)
            for e in recogniser.find([" ".join(texts)], context)
            if e.type in keep
        }
    return f1(found, gold)


def main() -> None:
    recogniser = EntityRecogniser(("id",))
    context = EnrichContext(("id",), "id", None)
    known = _language("id")
    rows = []
    for name, path, keep, _ in EVAL:
        gold: set[tuple[int, int, int, str]] = set()
        system: set[tuple[int, int, int, str]] = set()
        tagger: set[tuple[int, int, int, str]] = set()
        for n, (words, tags) in enumerate(read_sentences(DATA / path)):
            text = " ".join(words)
            offsets = [0]
            for word in words:
                offsets.append(offsets[-1] + len(word) + 1)
            for start, end, kind in spans(tags, keep):
                gold.add((n, offsets[start], offsets[end] - 1, kind))
            system |= {
                (n, e.start, e.end, e.type) for e in recogniser.find([text], context) if e.type in keep
            }
            tagger |= {
                (n, s.start, s.end, s.type)
                for s in _model_spans(0, text, tokenise(text), known, recogniser.tagger(str(known.model)))
                if s.type in keep
            }
        rows.append(
            {
                "corpus": name,
                "tagger_spans_f1": f1(tagger, gold),
                "system_f1": f1(system, gold),
                "paragraphs_f1": paragraphs_f1(recogniser, context, list(read_sentences(DATA / path)), keep),
            }
        )
        print(rows[-1])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ner-id-system.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    lines = ["# Indonesian entities: tagger alone vs the whole recogniser (micro F1, exact character span and type)", "",
             "Command: `python bench/ner_indonesian.py`. 'tagger spans' = the model's spans after the recogniser's",
             "cuts (separators, titles, lowercase in cased text); 'system' adds the alias table and partial names;",
             f"'paragraphs': the system on the same sentences {PER_PARAGRAPH} to a paragraph (read sentence by sentence).", "",
             "| corpus | tagger spans | system | paragraphs |", "|---|---|---|---|"]  # fmt: skip
    lines += [
        f"| {r['corpus']} | {r['tagger_spans_f1']} | {r['system_f1']} | {r['paragraphs_f1']} |" for r in rows
    ]
    (RESULTS / "ner-id-system.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
