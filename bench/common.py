"""Shared helpers for the benchmarks: data locations, loading, result tables."""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH_DATA = SHARED / "bench"
RESULTS = ROOT / "bench" / "results"


def load_gold(directory: Path) -> dict[str, str]:
    data = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody", "") for key, value in data.items()}


def write_results(name: str, payload: dict[str, Any], table: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        **payload,
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(table + "\n", encoding="utf-8")


def markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
