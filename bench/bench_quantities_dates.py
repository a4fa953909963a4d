"""Quality of the quantity and date-mention annotators on sentences written for it.

    PYTHONPATH=src:. python bench/bench_quantities_dates.py

Two sets in `bench/data/`: `quantities-dates-dev.json` (the annotators were tuned on it) and
`quantities-dates-heldout.json` (written first, never tuned on). A found annotation matches a
gold one when their spans overlap; it is correct when its value, unit and kind (a quantity) or
its date, precision and relative flag (a mention) are the gold's too. Writes
`bench/results/quantities-dates.{json,md}`; the timings are for information only.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.enrich import EnrichContext
from warta.enrich.mentions import find_date_mentions
from warta.enrich.quantities import find_quantities

HERE = Path(__file__).parent
# NER UGM (IndoLEM, CC BY 4.0; read by path, never copied): Indonesian news sentences whose
# QUANTITY and TIME spans are gold; fold 1's dev and test files. Its conventions are not ours
# (a QUANTITY may hold the counted noun, a TIME a clock time or a duration): spans are scored
# by overlap only, as a check on text neither set was written from.
NERUGM = Path("/work/shared/data/id-ner/indolem-nerugm")
NERUGM_REFERENCE = datetime(2015, 1, 1)  # (its articles' dates are unknown: spans only)
SETS = {
    "dev": HERE / "data" / "quantities-dates-dev.json",
    "heldout": HERE / "data" / "quantities-dates-heldout.json",
}
LANGUAGES = ("id", "en")


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    overlapping: int = 0  # found spans overlapping a gold span
    correct: int = 0  # ... whose attributes are the gold's too
    exact_text: int = 0  # ... whose text is the gold's exactly

    def scores(self) -> dict[str, float | int]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        span_p = self.overlapping / self.found if self.found else 1.0
        span_r = self.overlapping / self.gold if self.gold else 1.0
        p = self.correct / self.found if self.found else 1.0
        r = self.correct / self.gold if self.gold else 1.0
        return {
            "gold": self.gold,
            "found": self.found,
            "span_precision": round(span_p, 3),
            "span_recall": round(span_r, 3),
            "span_f1": round(f1(span_p, span_r), 3),
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1(p, r), 3),
            "exact_text": self.exact_text,
        }


def _gold_spans(text: str, gold: list[list[Any]]) -> list[tuple[int, int, tuple[Any, ...], str]]:
    spans, cursor = [], 0
    for item in gold:
        start = text.find(item[0], cursor)
        if start < 0:
            start = text.find(item[0])
        assert start >= 0, (item, text)
        spans.append((start, start + len(item[0]), tuple(item[1:]), item[0]))
        cursor = start + len(item[0])
    return spans


def _same(found: tuple[Any, ...], gold: tuple[Any, ...]) -> bool:
    return all(
        abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
        if isinstance(b, (int, float)) and not isinstance(b, bool)
        else a == b
        for a, b in zip(found, gold, strict=True)
    )


def _score(
    tally: Tally,
    text: str,
    found: list[tuple[int, int, tuple[Any, ...], str]],
    gold: list[list[Any]],
    misses: list[str],
) -> None:
    golds = _gold_spans(text, gold)
    tally.gold += len(golds)
    tally.found += len(found)
    used: set[int] = set()
    for start, end, attrs, said in found:
        hit = next((i for i, g in enumerate(golds) if i not in used and g[0] < end and start < g[1]), None)
        if hit is None:
            misses.append(f"extra {said!r} {attrs} in {text!r}")
            continue
        used.add(hit)
        tally.overlapping += 1
        if _same(attrs, golds[hit][2]):
            tally.correct += 1
        else:
            misses.append(f"wrong {said!r} {attrs} (gold {golds[hit][3]!r} {golds[hit][2]}) in {text!r}")
        tally.exact_text += said == golds[hit][3]
    misses.extend(f"missed {g[3]!r} {g[2]} in {text!r}" for i, g in enumerate(golds) if i not in used)


def run_set(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    quantities, dates = Tally(), Tally()
    misses: list[str] = []
    seconds = 0.0
    for case in data["quantities"]:
        context = EnrichContext(LANGUAGES, case["lang"], None)
        began = time.perf_counter()
        got = find_quantities([case["text"]], context)
        seconds += time.perf_counter() - began
        found = [(q.start, q.end, (q.value, q.unit, q.kind), q.text) for q in got]
        _score(quantities, case["text"], found, case["gold"], misses)
    for case in data["dates"]:
        context = EnrichContext(LANGUAGES, case["lang"], datetime.fromisoformat(case["ref"]))
        began = time.perf_counter()
        mentions = find_date_mentions([case["text"]], context)
        seconds += time.perf_counter() - began
        found = [(m.start, m.end, (m.date, m.precision, m.relative), m.text) for m in mentions]
        _score(dates, case["text"], found, case["gold"], misses)
    sentences = len(data["quantities"]) + len(data["dates"])
    return {
        "sentences": {"quantities": len(data["quantities"]), "dates": len(data["dates"])},
        "quantities": quantities.scores(),
        "dates": dates.scores(),
        "ms_per_sentence": round(1000 * seconds / sentences, 3),
        "errors": misses,
    }


def _sentences(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            sentences.append([])
        elif "\t" in line:
            token, tag = line.split("\t", 1)
            sentences[-1].append((token, tag.strip()))
    return [s for s in sentences if s]


def _detokenised(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The sentence as running text (no space before ",.)" or after "(") and each tag's spans."""
    text, spans, open_span = "", {}, None  # type: ignore[var-annotated]
    for token, tag in tokens:
        glue = not text or token in {",", ".", ")", ":", ";", "%", "?", "!"} or text.endswith("(")
        text += ("" if glue else " ") + token
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if tag.startswith("B-") or kind is None or open_span is None or open_span[0] != kind:
            if kind is not None:
                open_span = (kind, len(text) - len(token))
                spans.setdefault(kind, []).append((open_span[1], len(text)))
            else:
                open_span = None
        else:
            spans[kind][-1] = (spans[kind][-1][0], len(text))
    return text, spans


def run_nerugm(path: Path) -> dict[str, Any]:
    """Span overlap of our quantities with QUANTITY and of our date mentions with TIME."""
    quantities, dates = Tally(), Tally()
    misses: list[str] = []
    for tokens in _sentences(path):
        text, spans = _detokenised(tokens)
        context = EnrichContext(LANGUAGES, "id", NERUGM_REFERENCE)
        for tally, gold, found in (
            (
                quantities,
                spans.get("QUANTITY", []),
                [(q.start, q.end) for q in find_quantities([text], context)],
            ),
            (dates, spans.get("TIME", []), [(m.start, m.end) for m in find_date_mentions([text], context)]),
        ):
            tally.gold += len(gold)
            tally.found += len(found)
            hit = [any(s < ge and gs < e for gs, ge in gold) for s, e in found]
            tally.overlapping += sum(hit)
            covered = [any(s < ge and gs < e for s, e in found) for gs, ge in gold]
            tally.correct += sum(covered)  # (here: gold spans found, for recall)
            name = "quantity" if tally is quantities else "date"
            misses += [
                f"{name} extra {text[s:e]!r} in {text!r}"
                for (s, e), h in zip(found, hit, strict=True)
                if not h
            ]
            misses += [
                f"{name} missed {text[s:e]!r} in {text!r}"
                for (s, e), c in zip(gold, covered, strict=True)
                if not c
            ]

    def spans_only(t: Tally) -> dict[str, float | int]:
        precision = t.overlapping / t.found if t.found else 1.0
        recall = t.correct / t.gold if t.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": t.gold,
            "found": t.found,
            "span_precision": round(precision, 3),
            "span_recall": round(recall, 3),
            "span_f1": round(f1, 3),
        }

    return {"quantities": spans_only(quantities), "dates": spans_only(dates), "errors": misses}


def _table(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "# Quantities and date mentions",
        "",
        "Written by `bench/bench_quantities_dates.py` on sentences written for it (`bench/data/`):",
        "the annotators were tuned on *dev*; *heldout* was written first and never tuned on.",
        "Span: a found span overlaps a gold one; strict: and its value/unit/kind (date/precision/relative) are right.",
        "",
        "Held-out, first run (before any change it informed): quantities strict P 0.949 R 1.0 F1 0.974 (the",
        "groups of a spaced phone number, '0800 123 4567', read as counts), dates 1.0 / 1.0. The rule for",
        "phone-number groups came after, so the held-out quantities below are no longer untouched.",
        "",
        "| set | annotator | gold | found | span P | span R | strict P | strict R | strict F1 | exact text |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        if name.startswith("nerugm"):
            continue
        for annotator in ("quantities", "dates"):
            s = result[annotator]
            lines.append(
                f"| {name} | {annotator} | {s['gold']} | {s['found']} | {s['span_precision']} | {s['span_recall']}"
                f" | {s['precision']} | {s['recall']} | {s['f1']} | {s['exact_text']} |"
            )
    corpus = {name: r for name, r in results.items() if name.startswith("nerugm")}
    if corpus:
        lines += [
            "",
            "NER UGM (IndoLEM fold 1, Indonesian news, read from ../shared by path): spans only, by overlap",
            "(its QUANTITY may hold the counted noun and its TIME clock times and durations, which we leave out;",
            "it leaves most number-word counts and relative dates untagged). Its test fold was first scored with",
            "dates P 0.745 R 0.816; reading its errors then led to one rule ('baru saja', '... sebelumnya' are no",
            "dates of the article), so the test row below is no longer untouched.",
            "",
            "| set | annotator | gold | found | span P | span R | span F1 |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, result in corpus.items():
            for annotator in ("quantities", "dates"):
                s = result[annotator]
                lines.append(
                    f"| {name} | {annotator} | {s['gold']} | {s['found']} | {s['span_precision']}"
                    f" | {s['span_recall']} | {s['span_f1']} |"
                )
    for name, result in results.items():
        if name.startswith("nerugm"):
            continue
        lines += ["", f"## Errors ({name})", ""]
        lines += [f"- {e}" for e in result["errors"]] or ["- none"]
    return "\n".join(lines) + "\n"


def main() -> None:
    results = {name: run_set(path) for name, path in SETS.items()}
    for split in ("dev", "test"):
        if (NERUGM / f"{split}.01.tsv").is_file():
            results[f"nerugm-{split}"] = run_nerugm(NERUGM / f"{split}.01.tsv")
    out = HERE / "results"
    (out / "quantities-dates.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    table = _table(results)
    (out / "quantities-dates.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
