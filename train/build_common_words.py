"""Ordinary lower-case English words, from the WCXB dev pages' gold text under ../shared (even ids).

    python train/build_common_words.py [--min-count 2]

A word counts where it stands inside a sentence (not after . ! ? or at a line's start): written
in lower case it is an ordinary word, capitalised it is a name's. A word printed lower case at
least `--min-count` times and capitalised there at most one time in four is listed: 'learn',
'started', 'features' are; 'mark', 'grace', 'brown' (names as often) are not. The list goes to
`byline.common_words` in src/warta/lexicon/data/en.toml (printed here as a TOML array).
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The training half of WCXB dev (even file ids): ScrapingHub is evaluation-only, and the odd ids
# check the byline rules that read this list.
SOURCE = ROOT.parent / "shared" / "bench" / "wcxb-dev" / "ground-truth"
LEXICON = ROOT / "src" / "warta" / "lexicon" / "data" / "en.toml"
_ENGLISH_SHARE = 0.25  # the share of a body's words that are English stopwords, for an English body
_TOKEN = re.compile(r"[.!?:\n\"“]|[A-Za-z][a-z]+(?:['’]s)?")


def _headings_out(text: str) -> str:
    """The text without its heading lines (written in Title Case, or Markdown '#' lines): a
    heading capitalises ordinary words ('Frequently Asked Questions')."""
    kept = []
    for line in text.split("\n"):
        words = re.findall(r"[A-Za-z][a-z]*", line)
        capitals = sum(word[0].isupper() for word in words)
        if line.lstrip().startswith("#") or (words and len(words) <= 12 and capitals >= 0.6 * len(words)):
            continue
        kept.append(line)
    return "\n".join(kept)


def counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case and capitalised uses of each word inside a sentence (headings aside)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in map(_headings_out, texts):
        start = True
        for token in _TOKEN.findall(text):
            if not token[0].isalpha():
                start = True
                continue
            if not start:
                (lower if token.islower() else upper)[token.lower()] += 1
            start = False
    return lower, upper


def english(texts: list[str]) -> list[str]:
    """The bodies written in English: a quarter of their words or more are its stopwords."""
    stop = frozenset(tomllib.loads(LEXICON.read_text(encoding="utf-8"))["words"]["stop"])
    out = []
    for text in texts:
        words = re.findall(r"[a-z]+", text.lower())
        if words and sum(w in stop for w in words) >= _ENGLISH_SHARE * len(words):
            out.append(text)
    return out


def common_words(texts: list[str], min_count: int) -> list[str]:
    lower, upper = counts(texts)
    return sorted(w for w, n in lower.items() if n >= min_count and len(w) > 1 and upper[w] * 4 <= n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    bodies = []
    for path in sorted(SOURCE.glob("[0-9]*.json")):
        if int(path.stem) % 2 == 0:
            truth = json.loads(path.read_text(encoding="utf-8")).get("ground_truth") or {}
            bodies.append(str(truth.get("main_content") or ""))
    texts = english(bodies)
    words = common_words(texts, args.min_count)
    print(f"# {len(words)} words from {len(texts)} English bodies")
    print("common_words = [")
    line = " "
    for word in words:
        item = f' "{word}",'
        if len(line) + len(item) > 100:
            print(line)
            line = " "
        line += item
    print(line)
    print("]")


if __name__ == "__main__":
    main()
