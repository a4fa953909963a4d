"""Language identification on Indonesian, Malay and English texts of several lengths.

    .venv/bin/python bench/bench_langid.py

Tools: py3langid (all 97 languages, and restricted to id/ms/en) and lingua
(all languages, and restricted to id/ms/en), each on the same samples.

Texts:
- Indonesian: long lines of the Indonesian pages in tests/fixtures/text/ (written by
  the warta team) and the shared example page (../shared/examples/).
- English: the gold article text of ScrapingHub pages whose URL is not localised.
- Malay: bench/data/malay-written.txt, short news-style paragraphs written for warta
  by the engineer (not native-speaker checked: a known limitation; no Malay corpus is
  available in ../shared).

Each text is cut into windows of 5, 15, 40 and 150 words (buckets "tiny", "short",
"medium", "long"). Results: bench/results/langid-{summary.json,summary.md}.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
BUCKETS = {"tiny": 5, "short": 15, "medium": 40, "long": 150}
ID_FIXTURES = (
    "antaranews-layout",
    "cnnindonesia-layout",
    "detik-layout",
    "kompas-naive",
    "liputan6-naive",
    "mediaindonesia-like",
    "okezone-layout",
    "suara-naive",
    "tempo-naive",
    "tribunnews-naive",
)
_WORDS = re.compile(r"\S+")


def _long_lines(text: str, min_chars: int = 120) -> str:
    return " ".join(line.strip() for line in text.splitlines() if len(line.strip()) >= min_chars)


def load_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    fixtures = ROOT / "tests" / "fixtures" / "text"
    for name in ID_FIXTURES:
        texts["id"].append(_long_lines((fixtures / f"{name}.txt").read_text(encoding="utf-8")))
    texts["id"].append(_long_lines((SHARED / "examples" / "flattened-id-news-page.txt").read_text("utf-8")))
    gold = json.loads((SHARED / "bench" / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    english = [
        v["articleBody"]
        for _, v in sorted(gold.items())
        if re.search(r"\.(com|org|net|co\.uk)/", v["url"]) and v["articleBody"].isascii()
    ]
    texts["en"].extend(english[:40])
    malay = (ROOT / "bench" / "data" / "malay-written.txt").read_text(encoding="utf-8")
    texts["ms"].extend(p.strip() for p in malay.split("\n\n") if p.strip() and not p.startswith("#"))
    return texts


def windows(text: str, size: int, limit: int) -> list[str]:
    words = _WORDS.findall(text)
    step = max(size, len(words) // max(1, limit)) if len(words) > size else size
    out = [" ".join(words[i : i + size]) for i in range(0, max(1, len(words) - size + 1), step)]
    return [w for w in out if len(w.split()) >= min(size, len(words))][:limit]


def detectors() -> dict[str, Callable[[str], str | None]]:
    from lingua import Language, LanguageDetectorBuilder
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    restricted = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    restricted.set_languages(["id", "ms", "en"])
    lingua_full = LanguageDetectorBuilder.from_all_languages().build()
    lingua_three = LanguageDetectorBuilder.from_languages(
        Language.INDONESIAN, Language.MALAY, Language.ENGLISH
    ).build()

    def lingua(detector: object) -> Callable[[str], str | None]:
        def detect(text: str) -> str | None:
            found = detector.detect_language_of(text)  # type: ignore[attr-defined]
            return found.iso_code_639_1.name.lower() if found else None

        return detect

    return {
        "py3langid-full": lambda t: str(full.classify(t)[0]),
        "py3langid-id-ms-en": lambda t: str(restricted.classify(t)[0]),
        "lingua-full": lingua(lingua_full),
        "lingua-id-ms-en": lingua(lingua_three),
    }


def main() -> None:
    texts = load_texts()
    samples = [
        (lang, bucket, window)
        for lang, items in texts.items()
        for bucket, size in BUCKETS.items()
        for text in items
        for window in windows(text, size, 6 if lang != "ms" else 3)
    ]
    table: dict[str, dict[str, dict[str, float]]] = {}
    confusion: dict[str, dict[str, int]] = {}
    for name, detect in detectors().items():
        hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        conf: dict[str, int] = defaultdict(int)
        started = time.perf_counter()
        for lang, bucket, window in samples:
            got = detect(window)
            hits[(lang, bucket)][0] += got == lang
            hits[(lang, bucket)][1] += 1
            if lang in ("id", "ms") and got in ("id", "ms") and got != lang:
                conf[f"{lang}->{got}"] += 1
        elapsed = time.perf_counter() - started
        table[name] = {
            f"{lang}/{bucket}": {"accuracy": h[0] / h[1], "n": h[1]}
            for (lang, bucket), h in sorted(hits.items())
        }
        table[name]["all"] = {
            "accuracy": sum(h[0] for h in hits.values()) / len(samples),
            "n": len(samples),
            "ms_per_text": 1000 * elapsed / len(samples),
        }
        confusion[name] = dict(conf)
    keys = [f"{lang}/{bucket}" for lang in ("id", "ms", "en") for bucket in BUCKETS]
    lines = [
        "# Language identification: accuracy per language and length bucket",
        "",
        "Reproduce: `.venv/bin/python bench/bench_langid.py`. Buckets: words per text "
        + ", ".join(f"{b}={n}" for b, n in BUCKETS.items())
        + ". Malay texts are few and self-written (see the script's docstring).",
        "",
        "| tool | " + " | ".join(keys) + " | all | ms/text | id↔ms confusions |",
        "|---|" + "---|" * (len(keys) + 3),
    ]
    for name, rows in table.items():
        cells = [f"{rows[k]['accuracy']:.2f}" if k in rows else "–" for k in keys]
        lines.append(
            f"| {name} | " + " | ".join(cells) + f" | {rows['all']['accuracy']:.3f} | "
            f"{rows['all']['ms_per_text']:.2f} | {confusion[name]} |"
        )
    lines.append("")
    lines.append(
        "n per cell: " + ", ".join(f"{k}={table['lingua-full'].get(k, {}).get('n', 0)}" for k in keys)
    )
    print("\n".join(lines))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "langid-summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (RESULTS / "langid-summary.json").write_text(
        json.dumps({"accuracy": table, "id_ms_confusion": confusion}, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
