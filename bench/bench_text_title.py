"""Titles from flattened text, on WCXB dev pages the classifier never saw (out-of-fold).

    python train/train_classifier.py --kind text --cv-only  # writes train/cache/oof-text.pkl (once)
    python bench/bench_text_title.py

A flattened page has no metadata: the title is a line of the page (or a part of one), chosen
after `label_blocks` by the learned ranker of `warta.assemble.text_title` (the default path of
`warta extract` on text), which weighs the lines around the body's start with the rules of
`choose_title` as one of its features, or, on request (`--text-titles rules`), by those rules
alone; both are scored.
The pages are WCXB dev pages flattened the two documented ways (BeautifulSoup and
inscriptis, `train/flatten.py`) with the text model's out-of-fold probabilities,
so the labels are those of pages the model did not learn from. The score is the
one `bench_title.py` gives HTML pages: the title equals the gold title once both
are lower-cased and reduced to their `\\w+` words. Even file ids for developing
rules, odd ids to check them. Results: bench/results/text-title.{json,md}.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_html import title_match  # noqa: E402
from common import BENCH_DATA, write_results  # noqa: E402
from warta.assemble.layout import related_box_in_body, unmark_header_above_byline  # noqa: E402
from warta.assemble.text_title import load_title_ranker  # noqa: E402
from warta.assemble.title import choose_title  # noqa: E402
from warta.classify.labels import label_blocks  # noqa: E402
from warta.lexicon import load_lexicon  # noqa: E402

OOF = ROOT / "train" / "cache" / "oof-text.pkl"
# What `python train/train_text_title.py --cv` printed for the shipped model's settings.
CROSS_VALIDATED = "bs4 0.7102, inscriptis 0.4703 (the rules on the same pages: 0.6752 / 0.4176)"


def gold_titles() -> dict[str, str]:
    out = {}
    for path in sorted((BENCH_DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text())
        title = (data.get("ground_truth") or {}).get("title") or ""
        if title:
            out[data.get("file_id") or path.stem] = title
    return out


def main() -> None:
    start = time.perf_counter()
    if not OOF.exists():
        sys.exit(
            f"{OOF} is missing: make it once with "
            "`python train/train_classifier.py --kind text --cv-only` (the shipped models stay as they are)"
        )
    oof = pickle.loads(OOF.read_bytes())
    gold = gold_titles()
    lexicon = load_lexicon()
    ranker = load_title_ranker()
    hits: dict[tuple[str, str, str], list[bool]] = {}
    for fid, variant, blocks, probs, _ in oof:
        if fid not in gold:
            continue
        labels = label_blocks(blocks, list(probs), lexicon)
        unmark_header_above_byline(blocks, labels, lexicon)
        related_box_in_body(blocks, labels, lexicon)
        half = "even" if int(fid) % 2 == 0 else "odd"
        chosen = {
            "ranker": ranker.choose(blocks, labels, list(probs), lexicon)[0],
            "rules": choose_title(blocks, labels, lexicon)[0],
        }
        for method, title in chosen.items():
            hits.setdefault((variant, method, half), []).append(title_match(title, gold[fid]))
    rows = []
    for variant, method in sorted({(v, m) for v, m, _ in hits}):
        row: dict[str, object] = {"flattener": variant, "method": method}
        for half in ("even", "odd"):
            got = hits.get((variant, method, half), [])
            row[half] = round(sum(got) / max(len(got), 1), 4)
        both = hits.get((variant, method, "even"), []) + hits.get((variant, method, "odd"), [])
        row["all"] = round(sum(both) / max(len(both), 1), 4)
        row["pages"] = len(both)
        rows.append(row)
    lines = [
        "# Titles from flattened WCXB dev pages (out-of-fold labels, exact match after \\w+ normalisation)",
        "",
        "Reproduce: `python bench/bench_text_title.py`",
        "",
        "The ranker (`warta.assemble.text_title`, the default; `warta extract --text-titles rules` for the rules alone) learned from the even",
        "ids: its even-id column is its training pages. Cross-validated by site on the even ids",
        f"(`python train/train_text_title.py --cv`): {CROSS_VALIDATED}. The odd ids are held out.",
        "The rules (`choose_title`) are the ranker's fallback and one of its features.",
        "",
        "| flattener | method | even ids | odd ids | all | pages |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r['flattener']} | {r['method']} | {r['even']} | {r['odd']} | {r['all']} | {r['pages']} |"
            for r in rows
        ),
    ]
    write_results("text-title", {"rows": rows}, "\n".join(lines))
    print("\n".join(lines))
    print(f"({time.perf_counter() - start:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
