"""Visible datelines, held out: does warta read the date a page shows under its headline?

    .venv/bin/python bench/bench_datelines.py

Each item of bench/data/datelines-heldout.json (written by hand before warta was run on
it) is the date line of a small page: a headline, the line, two paragraphs, with
`<html lang>` set to its locale, extracted with the item's reference as the fetch time.
Scores: same day; exact (the wall-clock value to the expected precision); offset (where
the line names a zone, the UTC offset); precision (the precision warta states). Results
go to bench/results/datelines.{json,md}.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "datelines-heldout.json"
RESULTS = ROOT / "bench" / "results"
_PRECISIONS = ("year", "month", "day", "hour", "minute", "second")
# A neutral lead per language, without a date, so that the page reads as an article in it.
_LEADS = {
    "id": "Pemerintah kota mengumumkan rencana baru untuk memperbaiki jalan dan jembatan di wilayah itu.",
    "en": "The city council announced a new plan to repair roads and bridges across the region.",
    "de": "Der Stadtrat hat einen neuen Plan zur Sanierung von Straßen und Brücken in der Region vorgestellt.",
    "fr": "Le conseil municipal a annoncé un nouveau plan pour réparer les routes et les ponts de la région.",
    "es": "El ayuntamiento anunció un nuevo plan para reparar carreteras y puentes en toda la región.",
    "pt": "A câmara municipal anunciou um novo plano para reparar estradas e pontes em toda a região.",
    "ru": "Городской совет объявил о новом плане ремонта дорог и мостов по всему региону.",
}
_TITLES = {
    "id": "Pemerintah umumkan rencana perbaikan jalan",
    "en": "Council unveils plan to repair roads",
    "de": "Stadtrat stellt Plan für Straßen vor",
    "fr": "Le conseil dévoile un plan pour les routes",
    "es": "El ayuntamiento presenta un plan de carreteras",
    "pt": "Câmara apresenta plano para estradas",
    "ru": "Совет представил план ремонта дорог",
}


def page_of(item: dict[str, Any]) -> str:
    """The small page that shows `item`'s date line under its headline."""
    lead = _LEADS[item["lang"]]
    return (
        f'<!doctype html><html lang="{item["locale"]}"><head><meta charset="utf-8">'
        f"<title>{html.escape(_TITLES[item['lang']])}</title></head><body><article>"
        f"<h1>{html.escape(_TITLES[item['lang']])}</h1>"
        f'<div class="meta"><span class="date">{html.escape(item["text"])}</span></div>'
        f"<p>{html.escape(lead)} {html.escape(lead)}</p><p>{html.escape(lead)}</p>"
        "</article></body></html>"
    )


def _cut(value: datetime, precision: str) -> tuple[int, ...]:
    parts = (value.year, value.month, value.day, value.hour, value.minute, value.second)
    return parts[: _PRECISIONS.index(precision) + 1]


def score_item(item: dict[str, Any]) -> dict[str, Any]:
    import warta
    from warta.options import ExtractOptions

    reference = datetime.fromisoformat(item["reference"])
    article = warta.extract(page_of(item), options=ExtractOptions(reference=reference), kind="html")
    expected = datetime.fromisoformat(item["expected"])
    got = article.published
    row: dict[str, Any] = {
        "id": item["id"],
        "text": item["text"],
        "expected": item["expected"],
        "precision": item["precision"],
        "got": got.value.isoformat() if got else None,
        "got_precision": got.precision if got else None,
        "evidence": got.evidence.text if got else None,
    }
    value = got.value if got else None
    row["same_day"] = value is not None and value.date() == expected.date()
    row["exact"] = (
        value is not None
        and got is not None
        and _PRECISIONS.index(got.precision) >= _PRECISIONS.index(item["precision"])
        and _cut(value, item["precision"]) == _cut(expected, item["precision"])
    )
    row["precision_ok"] = got is not None and got.precision == item["precision"]
    if expected.tzinfo is not None:
        row["offset_ok"] = value is not None and value.utcoffset() == expected.utcoffset()
    return row


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    zoned = [r for r in rows if "offset_ok" in r]
    by_lang: dict[str, Counter[str]] = {}
    for r in rows:
        counts = by_lang.setdefault(r["id"].split("-")[0], Counter())
        counts["items"] += 1
        counts["same_day"] += r["same_day"]
        counts["exact"] += r["exact"]
    return {
        "items": len(rows),
        "same_day": sum(r["same_day"] for r in rows) / max(1, len(rows)),
        "exact": sum(r["exact"] for r in rows) / max(1, len(rows)),
        "precision": sum(r["precision_ok"] for r in rows) / max(1, len(rows)),
        "offset": sum(r["offset_ok"] for r in zoned) / max(1, len(zoned)),
        "zoned_items": len(zoned),
        "languages": {k: dict(v) for k, v in sorted(by_lang.items())},
    }


def _table(summary: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{summary['items']} held-out date lines: same day {summary['same_day']:.3f}, "
        f"exact {summary['exact']:.3f}, precision {summary['precision']:.3f}, "
        f"offset {summary['offset']:.3f} (of {summary['zoned_items']} with a zone)",
        "",
        "| language | items | same day | exact |",
        "|---|---|---|---|",
    ]
    for lang, c in summary["languages"].items():
        lines.append(f"| {lang} | {c['items']} | {c['same_day']} | {c['exact']} |")
    misses = [r for r in rows if not r["exact"]]
    if misses:
        lines += ["", "Not exact:", "", "| id | text | expected | got | precision |", "|---|---|---|---|---|"]
        lines += [
            f"| {r['id']} | {r['text']} | {r['expected']} ({r['precision']}) | {r['got']} | {r['got_precision']} |"
            for r in misses
        ]
    return "\n".join(lines)


def main() -> None:
    items = json.loads(DATA.read_text(encoding="utf-8"))["items"]
    rows = [score_item(item) for item in items]
    summary = summarise(rows)
    table = _table(summary, rows)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "datelines.md").write_text(
        "# Held-out visible datelines\n\nReproduce: `.venv/bin/python bench/bench_datelines.py`\n\n"
        + table
        + "\n",
        encoding="utf-8",
    )
    (RESULTS / "datelines.json").write_text(
        json.dumps({"summary": summary, "items": rows}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
