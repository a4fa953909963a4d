"""Search with operators: champion-list pruning against full BM25 scoring, query by query.

    python bench/bench_corpus.py --pages 20000 --parts store --keep-db /tmp/c20k.db
    python bench/search_operators.py /tmp/c20k.db [--seed 2]

120 queries of five shapes built from the corpus's 60 most common words (an excluded word
`r` from its 150th-400th): 'a OR b', 'a -r', 'a OR b c', 'a b NOT r', 'a b'. Each query runs
pruned and fully scored, three times each, interleaved; the best CPU time of each counts.
The results must be equal (tests/corpus/test_champions.py checks it); this only times them.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.corpus.search import SearchFilters, parse_query, rank
from warta.corpus.store import Store

SHAPES = ("a OR b", "a -r", "a OR b c", "a b NOT r", "a b")


def queries(store: Store, seed: int, n: int = 120) -> list[str]:
    words = [
        w.strip(".,").lower()
        for (body,) in store.conn.execute("SELECT body FROM articles LIMIT 200")
        for w in body.split()[:30]
    ]
    ranked = [w for w, _ in Counter(w for w in words if w.isalpha()).most_common(400)]
    common, rarer = ranked[:60], ranked[150:]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a, b, c, r = rng.choice(common), rng.choice(common), rng.choice(common), rng.choice(rarer)
        shape = SHAPES[i % len(SHAPES)]
        out.append(_fill(shape, a, b, c, r))
    return out


def _fill(shape: str, a: str, b: str, c: str, r: str) -> str:
    return " ".join(
        {"a": a, "b": b, "c": c, "r": r, "-r": f"-{r}"}.get(token, token) for token in shape.split()
    )


def best_cpu(store: Store, query: str, prune: bool, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        rank(store, parse_query(query), SearchFilters(), prune=prune)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    store = Store.open(args.db)
    found = queries(store, args.seed)
    pruned, full = [], []
    for query in found:
        pruned.append(best_cpu(store, query, True))
        full.append(best_cpu(store, query, False))
    print("| shape | pruned: sum ms | p50 | max | full scoring: sum ms | p50 | max |")
    print("|---|---|---|---|---|---|---|")
    for k, shape in enumerate(SHAPES):
        p, f = sorted(pruned[k :: len(SHAPES)]), sorted(full[k :: len(SHAPES)])
        print(
            f"| {shape} | {sum(p) * 1000:.0f} | {p[len(p) // 2] * 1000:.1f} | {p[-1] * 1000:.1f}"
            f" | {sum(f) * 1000:.0f} | {f[len(f) // 2] * 1000:.1f} | {f[-1] * 1000:.1f} |"
        )


if __name__ == "__main__":
    main()
