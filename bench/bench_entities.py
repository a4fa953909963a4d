"""Entity queries on a large enriched corpus: what the mentions and quotes tables cost and answer.

    python bench/bench_entities.py                      # 20,000 articles, ~3 min on a 2-core machine
    python bench/bench_entities.py --articles 200000

Builds a corpus of synthetic enriched articles (annotations as `ingest --enrich` stores them:
~12 mentions an article over a Zipf-distributed vocabulary of 20,000 entities, ~2 attributed
quotes, 40 sites, dates over three years, a tenth of the stories copied across sites), then
times, each the median of 5 runs on a warm store:

- writing: articles a second into a new store with their annotations, against the same
  articles without any (the first 10,000 of each: what storing and indexing entities and
  quotes adds to an ingest's store step);
- the most named entities: counted from the mentions, and read from the corpus-wide counts an
  ingest rebuilds (no filter, or a type); of one site and of one month (counted);
- an entity's profile (a frequent and a rare one);
- the articles naming an entity: a search with `--entity`, and the newest without a query;
- the same top list the way the browser built it before the tables (json_each over every
  article's JSON), for the ratio.

Results: bench/results/entities.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from common import write_results
from gen_corpus import ID_ROOTS
from warta.corpus.mentions import entity_profile, refresh_entity_stats, top_entities
from warta.corpus.search import SearchFilters, latest, search
from warta.corpus.store import Store, StoredArticle

TYPES = ("person", "place", "organisation", "event", "product")
WORDS = ID_ROOTS  # (the generated corpus's Indonesian roots)


def _entities(rng: random.Random, vocabulary: int) -> list[str]:
    return [f"Entitas {rng.randrange(10**6):06d} {i}" for i in range(vocabulary)]


def _article(i: int, rng: random.Random, names: list[str], weights: list[float], sites: int) -> StoredArticle:
    chosen = rng.choices(range(len(names)), weights=weights, k=12)
    entities = [
        {"text": names[k], "type": TYPES[k % len(TYPES)], "canonical": names[k], "paragraph": p % 6}
        for p, k in enumerate(chosen)
    ]
    quotes = [
        {"text": f"kutipan {i} {q}", "speaker": names[k], "speaker_canonical": names[k], "paragraph": q}
        for q, k in enumerate(rng.choices(range(len(names)), weights=weights, k=2))
        if TYPES[k % len(TYPES)] == "person"
    ]
    body = " ".join(rng.choice(WORDS) for _ in range(300))
    day = rng.randrange(3 * 365)
    published = time.strftime("%Y-%m-%d", time.gmtime(1_640_995_200 + day * 86_400))
    site = f"site{i % sites}.example"
    return StoredArticle(
        url_key=f"{site}/{i}",
        url=f"https://{site}/{i}",
        canonical_url=None,
        site=site,
        title=f"Berita {i} {rng.choice(WORDS)}",
        body=body,
        language="id",
        published=published,
        source=f"bench:{i}",
        text_hash=f"h{i}",
        data={
            "title": f"Berita {i}",
            "annotations": {"entities": entities, "quotes": quotes, "keywords": []},
        },
    )


def _plain(article: StoredArticle) -> StoredArticle:
    fields = {name: getattr(article, name) for name in article.__slots__}
    return StoredArticle(**{**fields, "data": {"title": article.title}})


def _median_ms(call: Callable[[], Any], runs: int = 5) -> float:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return round(1000 * statistics.median(times), 2)


def _write(path: Path, articles: list[StoredArticle], timed: int) -> float:
    """Write `articles` into a new store; the rate (articles a second) over the first `timed`."""
    store = Store.open(path)
    run = store.start_run(["bench"])
    start = time.perf_counter()
    seconds = 0.0
    for i in range(0, len(articles), 1000):
        store.write_batch(run, articles[i : i + 1000], [])
        if i + 1000 >= timed and not seconds:
            seconds = time.perf_counter() - start
    store.close()
    return min(timed, len(articles)) / (seconds or time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--vocabulary", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = _entities(rng, args.vocabulary)
    weights = [1 / (rank + 1) for rank in range(len(names))]
    articles = [_article(i, rng, names, weights, 40) for i in range(args.articles)]
    directory = Path(tempfile.mkdtemp(prefix="warta-entities-"))
    timed = min(10_000, len(articles))
    plain_rate = _write(directory / "plain.db", [_plain(a) for a in articles[:timed]], timed)
    enriched_rate = _write(directory / "enriched.db", articles, timed)
    store = Store.open(directory / "enriched.db")
    with (
        store.transaction() as conn
    ):  # a tenth of the stories copied across sites, as dedup would cluster them
        conn.execute(
            "UPDATE articles SET cluster_id = (id + 1) / 2, is_representative = (id % 2 = 1) WHERE id % 20 IN (1, 2)"
        )
    store.map_for_reading()
    frequent = names[0]
    rare = str(  # an entity a handful of stories name
        store.conn.execute(
            "SELECT max(name) FROM mentions GROUP BY key, type HAVING count(*) BETWEEN 3 AND 6 LIMIT 1"
        ).fetchone()[0]
    )
    counted = _median_ms(lambda: top_entities(store, SearchFilters(limit=20)))
    start = time.perf_counter()
    refresh_entity_stats(store)
    refresh_seconds = time.perf_counter() - start
    timings = {
        "top 20 entities, counted (corpus-wide counts stale)": counted,
        "top 20 entities, corpus-wide counts": _median_ms(
            lambda: top_entities(store, SearchFilters(limit=20))
        ),
        "top 20 persons": _median_ms(lambda: top_entities(store, SearchFilters(limit=20), "person")),
        "top 20 of one site": _median_ms(
            lambda: top_entities(store, SearchFilters(site="site3.example", limit=20))
        ),
        "top 20 of one month": _median_ms(
            lambda: top_entities(store, SearchFilters(date_from="2023-05", date_to="2023-05", limit=20))
        ),
        "profile, frequent entity": _median_ms(lambda: entity_profile(store, frequent, SearchFilters())),
        "profile, rare entity": _median_ms(lambda: entity_profile(store, rare, SearchFilters())),
        "search 'banjir' --entity frequent": _median_ms(
            lambda: search(store, "banjir", SearchFilters(entity=frequent))
        ),
        "search 'banjir' --entity rare": _median_ms(
            lambda: search(store, "banjir", SearchFilters(entity=rare))
        ),
        "newest naming the frequent entity": _median_ms(
            lambda: latest(store, SearchFilters(entity=frequent))
        ),
        "top 20 by json_each (the browser before the tables)": _median_ms(
            lambda: store.conn.execute(
                "SELECT json_extract(e.value, '$.canonical') AS name, json_extract(e.value, '$.type') AS kind,"
                " COUNT(DISTINCT a.id) AS n FROM articles a, json_each(a.data, '$.annotations.entities') e"
                " WHERE json_valid(a.data) GROUP BY name, kind HAVING name IS NOT NULL ORDER BY n DESC, name LIMIT 20"
            ).fetchall(),
            runs=3,
        ),
    }
    profile = entity_profile(store, frequent, SearchFilters())
    store.close()
    size = (directory / "enriched.db").stat().st_size
    result = {
        "articles": args.articles,
        "vocabulary": args.vocabulary,
        "store articles/s, with annotations (first 10,000)": round(enriched_rate),
        "store articles/s, without (first 10,000)": round(plain_rate),
        "corpus MB": round(size / 2**20, 1),
        "corpus-wide counts rebuilt, s": round(refresh_seconds, 2),
        "frequent entity's stories": profile.articles if profile else 0,
        "ms (median of 5)": timings,
    }
    lines = [
        "# Entity queries on an enriched corpus",
        "",
        "Reproduce: `.venv/bin/python bench/bench_entities.py"
        + (f" --articles {args.articles}" if args.articles != 20_000 else "")
        + "`",
        "",
        f"{args.articles:,} synthetic enriched articles (12 mentions each over {args.vocabulary:,} Zipf-distributed"
        f" entities, 40 sites, three years), corpus {result['corpus MB']} MB. Store step:"
        f" {result['store articles/s, with annotations (first 10,000)']:,} articles/s with annotations indexed,"
        f" {result['store articles/s, without (first 10,000)']:,} without (the first 10,000 articles of each,"
        " new stores; synthetic text of a small vocabulary, so the stems cache does more than on real text).",
        "",
        f"The corpus-wide entity counts (rebuilt after each ingest) took {result['corpus-wide counts rebuilt, s']} s to build.",
        "",
        "| query | ms |",
        "|---|---|",
        *(f"| {name} | {ms} |" for name, ms in timings.items()),
    ]
    write_results("entities", result, "\n".join(lines) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
