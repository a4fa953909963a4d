"""Quality of the quantity and date-mention annotators on sentences written for it.

    PYTHONPATH=src:. python bench/bench_quantities_dates.py

Four sets in `bench/data/`: `quantities-dates-dev.json` (the annotators were tuned on it),
`quantities-dates-heldout.json` (written first, never tuned on),
`quantities-counted-heldout.json` (counts only, written for `Quantity.counted` before its code
ran on them) and `quantities-dates-heldout2.json` (40 sentences, each scored for both, written
blind in session 24; its note gives the conventions it adds: ranges, fractions, parts of a year). A found annotation matches a gold one when their spans overlap; it is correct when
its value, unit and kind (a quantity) or its date, precision and relative flag (a mention) are
the gold's too. A gold quantity's fifth item is what it counts (`counted`, null for nothing):
scored apart, on the matched pairs, exactly and loosely (a word in common). On NER UGM, whose
QUANTITY spans often hold the counted noun ("7.000 tentara"), the spans running past our number
are scored against our number and its counted phrase. Writes
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
from warta.enrich.types import Quantity

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
SETS["counted-heldout"] = HERE / "data" / "quantities-counted-heldout.json"
SETS["heldout2"] = HERE / "data" / "quantities-dates-heldout2.json"
LANGUAGES = ("id", "en")
_TRIM = " ,.;:()"  # what may end a gold span past our own without being a word of it


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


@dataclass
class CountedTally:
    """What counts count, on the found quantities matched to a gold one that says (a fifth item)."""

    gold: int = 0  # gold quantities that count something
    found: int = 0  # matched found quantities that say they count something
    exact: int = 0  # ... and say what the gold says
    loose: int = 0  # ... or a word of it
    both_none: int = 0  # matched pairs where neither counts anything

    def scores(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        p, r = ratio(self.exact, self.found), ratio(self.exact, self.gold)
        return {
            "gold": self.gold,
            "found": self.found,
            "exact": self.exact,
            "loose": self.loose,
            "both_none": self.both_none,
            "precision": p,
            "recall": r,
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "loose_precision": ratio(self.loose, self.found),
            "loose_recall": ratio(self.loose, self.gold),
        }


def _gold_spans(text: str, gold: list[list[Any]], width: int) -> list[tuple[int, int, tuple[Any, ...], str]]:
    """(start, end, the `width` attributes after the text, the text) of each gold item."""
    spans, cursor = [], 0
    for item in gold:
        start = text.find(item[0], cursor)
        if start < 0:
            start = text.find(item[0])
        assert start >= 0, (item, text)
        spans.append((start, start + len(item[0]), tuple(item[1 : 1 + width]), item[0]))
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
    golds = _gold_spans(text, gold, 3)
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


def _words(phrase: str) -> set[str]:
    return set(phrase.lower().split())


def _score_counted(
    tally: CountedTally,
    text: str,
    found: list[tuple[int, int, str | None]],
    gold: list[list[Any]],
    misses: list[str],
) -> None:
    """`counted` of the found quantities against the gold's fifth items, pairs matched as `_score` does."""
    golds = _gold_spans(text, gold, 4)
    used: set[int] = set()
    for start, end, counted in found:
        hit = next((i for i, g in enumerate(golds) if i not in used and g[0] < end and start < g[1]), None)
        if hit is None:
            continue
        used.add(hit)
        if len(golds[hit][2]) < 4:
            continue  # (a gold item that does not say what it counts)
        want = golds[hit][2][3]
        tally.gold += want is not None
        tally.found += counted is not None
        if counted is None and want is None:
            tally.both_none += 1
        elif counted is not None and want is not None and counted == want:
            tally.exact += 1
            tally.loose += 1
        else:
            tally.loose += counted is not None and want is not None and bool(_words(counted) & _words(want))
            misses.append(f"counted {counted!r} (gold {want!r}) for {golds[hit][3]!r} in {text!r}")
    tally.gold += sum(
        1 for i, g in enumerate(golds) if i not in used and len(g[2]) > 3 and g[2][3] is not None
    )


def run_set(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    quantities, dates, counted = Tally(), Tally(), CountedTally()
    misses: list[str] = []
    seconds = 0.0
    for case in data["quantities"]:
        context = EnrichContext(LANGUAGES, case["lang"], None)
        began = time.perf_counter()
        got = find_quantities([case["text"]], context)
        seconds += time.perf_counter() - began
        found = [(q.start, q.end, (q.value, q.unit, q.kind), q.text) for q in got]
        _score(quantities, case["text"], found, case["gold"], misses)
        _score_counted(
            counted, case["text"], [(q.start, q.end, q.counted) for q in got], case["gold"], misses
        )
    for case in data.get("dates", []):
        context = EnrichContext(LANGUAGES, case["lang"], datetime.fromisoformat(case["ref"]))
        began = time.perf_counter()
        mentions = find_date_mentions([case["text"]], context)
        seconds += time.perf_counter() - began
        found = [(m.start, m.end, (m.date, m.precision, m.relative), m.text) for m in mentions]
        _score(dates, case["text"], found, case["gold"], misses)
    sentences = len(data["quantities"]) + len(data.get("dates", []))
    return {
        "sentences": {"quantities": len(data["quantities"]), "dates": len(data.get("dates", []))},
        "quantities": quantities.scores(),
        "counted": counted.scores(),
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


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    said = text[start:end]
    left = len(said) - len(said.lstrip(_TRIM))
    return start + left, start + left + len(said.strip(_TRIM))


def _counted_end(text: str, quantity: Quantity) -> int:
    """Where the number and what it counts end: past the counted phrase, written after it."""
    if quantity.counted is None:
        return quantity.end
    return text.index(quantity.counted, quantity.end) + len(quantity.counted)


def _score_counted_spans(
    counts: dict[str, int], text: str, gold: list[tuple[int, int]], found: list[Quantity], misses: list[str]
) -> None:
    """The gold QUANTITY spans that run past our number (they hold what it counts): does our
    number with its counted phrase end where they end, and span them whole?"""
    for gold_start, gold_end in (_trimmed(text, s, e) for s, e in gold):
        ours = next((q for q in found if q.start < gold_end and gold_start < q.end), None)
        if ours is None:
            continue
        end = _counted_end(text, ours)
        if gold_end <= ours.end:
            counts["gold_stops_at_number"] += 1
            counts["counted_beyond_gold"] += ours.counted is not None
            continue
        counts["gold_past_number"] += 1
        counts["counted_given"] += ours.counted is not None
        counts["same_end"] += end == gold_end
        counts["same_span"] += end == gold_end and ours.start == gold_start
        counts["counted_inside_gold"] += ours.counted is not None and end <= gold_end
        if end != gold_end:
            misses.append(
                f"counted span {text[ours.start : end]!r} (gold {text[gold_start:gold_end]!r}) in {text!r}"
            )


def run_nerugm(path: Path) -> dict[str, Any]:
    """Span overlap of our quantities with QUANTITY and of our date mentions with TIME."""
    quantities, dates = Tally(), Tally()
    counted = dict.fromkeys(
        (
            "gold_past_number",
            "counted_given",
            "same_end",
            "same_span",
            "counted_inside_gold",
            "gold_stops_at_number",
            "counted_beyond_gold",
        ),
        0,
    )
    misses: list[str] = []
    counted_misses: list[str] = []
    for tokens in _sentences(path):
        text, spans = _detokenised(tokens)
        context = EnrichContext(LANGUAGES, "id", NERUGM_REFERENCE)
        got = find_quantities([text], context)
        _score_counted_spans(counted, text, spans.get("QUANTITY", []), got, counted_misses)
        for tally, gold, found in (
            (quantities, spans.get("QUANTITY", []), [(q.start, q.end) for q in got]),
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

    return {
        "quantities": spans_only(quantities),
        "counted_spans": counted,
        "dates": spans_only(dates),
        "errors": misses,
        "counted_errors": counted_misses,
    }


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
        "Counted nouns (`Quantity.counted`, session 24): *counted-heldout* was written before the code that",
        "reads them ran on it, and the fifth gold item of *dev* and *heldout* added then too. First run:",
        "counted-heldout exact P 0.974 R 0.974 (37 of 38; 'pupuk bersubsidi' read as 'pupuk': an adjective",
        "with a verb prefix), heldout 0.923 / 0.923 ('sekolah baru' read as 'sekolah'), dev 1.0 / 1.0; NER UGM",
        "spans past the number ending where ours end: dev 12 of 18, test 33 of 62. Reading those errors led",
        "to the modifiers ('baru') and the names and predicates that end a phrase, so only the first run is",
        "untouched.",
        "",
        "Held-out 2 (session 24, 40 sentences, 20 Indonesian and 20 English, each scored for both",
        "annotators), first run: quantities strict P 0.976 R 0.833 F1 0.899, counted exact P 0.944 R 0.773;",
        "dates strict P 0.974 R 0.787 F1 0.871. Misses then: fractions ('setengah dari', 'a third of', 'half",
        "of', 'by a quarter'), parts of a year ('kuartal III 2025', 'the third quarter of 2024', 'Q3',",
        "'mid-2027', 'the summer of 2018', 'the first half of the year'), the first end of a range ('3' of",
        "'3-5 Mei', 'between March and June', the counted noun of '20,000' in 'between 20,000 and 25,000",
        "visitors'), 'barrels a day', 'peserta gagal', 'from Monday' (a weekday ahead), and the numbers of",
        "'dua pekan lalu', 'two weeks ago', 'tiga hari sebelumnya', which the set counts and the annotator",
        "leaves to the date. The fixes came from those errors, so only the first run is untouched.",
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
    lines += [
        "",
        "What a count counts (`Quantity.counted`), on the found quantities matched to a gold one: exact (the",
        "gold's words as written) and loose (a word in common); 'both none': neither says it counts anything.",
        "",
        "| set | gold counted | found counted | exact | loose | both none | P | R | F1 | loose P | loose R |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        if name.startswith("nerugm"):
            continue
        c = result["counted"]
        lines.append(
            f"| {name} | {c['gold']} | {c['found']} | {c['exact']} | {c['loose']} | {c['both_none']}"
            f" | {c['precision']} | {c['recall']} | {c['f1']} | {c['loose_precision']} | {c['loose_recall']} |"
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
        lines += [
            "",
            "NER UGM QUANTITY spans that run past our number (they hold what it counts: '7.000 tentara'),",
            "against our number with its counted phrase: how many we give a counted for, how many end where the",
            "gold ends, how many are the gold span whole; and the gold spans that stop at our number, with how",
            "many we still give a counted for.",
            "",
            "| set | gold past number | counted given | same end | same span | counted inside gold"
            " | gold stops at number | counted there |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, result in corpus.items():
            c = result["counted_spans"]
            lines.append(
                f"| {name} | {c['gold_past_number']} | {c['counted_given']} | {c['same_end']} | {c['same_span']}"
                f" | {c['counted_inside_gold']} | {c['gold_stops_at_number']} | {c['counted_beyond_gold']} |"
            )
    for name, result in results.items():
        if name.startswith("nerugm"):
            continue
        lines += ["", f"## Errors ({name})", ""]
        lines += [f"- {e}" for e in result["errors"]] or ["- none"]
    for name, result in corpus.items():
        lines += ["", f"## Counted spans that end elsewhere than the gold's ({name})", ""]
        lines += [f"- {e}" for e in result["counted_errors"]] or ["- none"]
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
