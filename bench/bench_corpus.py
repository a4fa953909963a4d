"""Corpus benchmark: ingest throughput and memory, dedup quality, templates, search latency.

    python bench/gen_corpus.py --pages 100000 --out bench/data/corpus
    python bench/bench_corpus.py --data bench/data/corpus --pipeline-pages 3000

Parts:
1. full pipeline (`warta.run.ingest`: read → extract → store → learn → cluster) on the
   first N pages, templates off then on: pages/s, peak memory, body precision;
2. store + dedup + search on *all* pages of the data set, with bodies taken from
   the generator's truth instead of extraction (what is measured is the store);
3. datasketch vs our MinHash on a subset: speed and agreement;
4. FTS5 tokenizers: unicode61, unicode61 + Indonesian stems, trigram — recall and size.
Results: bench/results/corpus-bench.json and a printed table.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gen_corpus import ID_ROOTS, affixed, make_page, make_sites
from warta.corpus.champions import refresh_search_index
from warta.corpus.clusters import build_clusters
from warta.corpus.dedup import MinHasher, text_hash
from warta.corpus.search import SearchFilters, search
from warta.corpus.store import Store, StoredArticle
from warta.run.ingest import IngestOptions, ingest
from warta.run.worker import url_key


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def pipeline(data: Path, pages: int, seed: int, workers: int) -> dict[str, object]:
    subset = Path(tempfile.mkdtemp()) / "subset.jsonl"
    with (data / "pages-0000.jsonl").open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
        out.writelines(islice(src, pages))
    sites = make_sites(24, seed)
    out: dict[str, object] = {"pages": pages, "workers": workers}
    for templates in (False, True):
        db = subset.parent / f"t{int(templates)}.db"
        store = Store.open(db)
        memory: list[float] = []
        start = time.perf_counter()
        report = ingest(
            store,
            [str(subset)],
            IngestOptions(workers=workers, templates=templates),
            on_batch=lambda r, m=memory: m.append(rss_mb()),
        )
        elapsed = time.perf_counter() - start
        out[f"templates_{'on' if templates else 'off'}"] = {
            "seconds": round(elapsed, 1),
            "pages_per_s": round(pages / elapsed, 1),
            "stored": report.ingested,
            "failed": sum(report.failed.values()),
            "skipped": sum(report.skipped.values()),
            "parent_rss_mb_first_batch": round(memory[0], 1) if memory else None,
            "parent_rss_mb_last_batch": round(memory[-1], 1) if memory else None,
            "worker_peak_rss_mb": round(children_rss_mb(), 1),
            "body_precision": body_precision(store, sites, seed),
        }
        store.close()
    return out


def body_precision(store: Store, sites: list, seed: int) -> dict[str, float]:  # type: ignore[type-arg]
    kept = true = truth_total = 0
    for source, body in store.conn.execute("SELECT source, body FROM articles"):
        index = int(source.rsplit("#", 1)[1])
        paragraphs = set(make_page(index, sites, seed).paragraphs)
        parts = [p for p in body.split("\n") if p]
        kept += len(parts)
        true += sum(p in paragraphs for p in parts)
        truth_total += len(paragraphs)
    return {"precision": round(true / max(kept, 1), 4), "recall": round(true / max(truth_total, 1), 4)}


def build_store(data: Path, total: int, seed: int, db: Path) -> dict[str, object]:
    sites = make_sites(24, seed)
    hasher = MinHasher()
    store = Store.open(db)
    run = store.start_run(["generated"])
    start = time.perf_counter()
    memory = []
    batch: list[StoredArticle] = []
    for index in range(total):
        page = make_page(index, sites, seed)
        body = "\n".join(page.paragraphs)
        signature = hasher.signature(body)
        batch.append(
            StoredArticle(
                url_key=url_key(page.url, str(index)),
                url=page.url,
                canonical_url=None,
                site=page.site.host.removeprefix("www."),
                title=page.title,
                body=body,
                language=page.site.lang,
                published=page.date,
                source=f"gen#{index}",
                text_hash=text_hash(body),
                data={"text": body},
                signature=signature.tobytes() if signature is not None else None,
                bands=hasher.bands(signature) if signature is not None else (),
            )
        )
        if len(batch) == 1000:
            store.write_batch(run, batch, [])
            batch.clear()
            if index % 20_000 == 19_999:
                memory.append((index + 1, round(rss_mb(), 1)))
    store.write_batch(run, batch, [])
    write_s = time.perf_counter() - start
    start = time.perf_counter()
    summary = build_clusters(store)
    cluster_s = time.perf_counter() - start
    quality = dedup_quality(store, data, total)
    latency = indexed_search_latency(store, seed)
    store.close()
    return {
        "pages": total,
        "write_seconds": round(write_s, 1),
        "write_pages_per_s": round(total / write_s, 1),
        "cluster_seconds": round(cluster_s, 1),
        "rss_mb_by_pages": memory,
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "clusters": summary.clusters,
        "cross_site_clusters": summary.cross_site,
        "dedup": quality,
        "search": latency,
    }


def dedup_quality(store: Store, data: Path, total: int) -> dict[str, float]:
    group_of: dict[str, int] = {}
    with (data / "truth.jsonl").open(encoding="utf-8") as handle:
        for line in islice(handle, total):
            row = json.loads(line)
            group_of[f"gen#{row['index']}"] = row["group"]
    cells: Counter[tuple[int, int]] = Counter()
    clusters: Counter[int] = Counter()
    groups: Counter[int] = Counter()
    for source, cluster_id, article_id in store.conn.execute("SELECT source, cluster_id, id FROM articles"):
        cluster = cluster_id if cluster_id is not None else -article_id
        group = group_of[source]
        cells[(cluster, group)] += 1
        clusters[cluster] += 1
        groups[group] += 1

    def pairs(counter: Counter) -> int:  # type: ignore[type-arg]
        return sum(n * (n - 1) // 2 for n in counter.values())

    tp, predicted, actual = pairs(cells), pairs(clusters), pairs(groups)
    return {
        "pairs_true": actual,
        "pairs_predicted": predicted,
        "pairs_correct": tp,
        "precision": round(tp / max(predicted, 1), 4),
        "recall": round(tp / max(actual, 1), 4),
    }


def indexed_search_latency(store: Store, seed: int) -> dict[str, object]:
    """Bring the search champion lists up to date (as `warta ingest` does at its end), then time searches."""
    start = time.perf_counter()
    rebuilt = refresh_search_index(store)
    index_s = time.perf_counter() - start
    return {**search_latency(store, seed), "index_rebuilt": rebuilt, "index_seconds": round(index_s, 1)}


def search_latency(store: Store, seed: int, n: int = 300) -> dict[str, float]:
    rng = random.Random(seed)
    words = [
        w for (body,) in store.conn.execute("SELECT body FROM articles LIMIT 200") for w in body.split()[:30]
    ]
    queries = []
    for i in range(n):
        k = 1 + i % 3
        queries.append(" ".join(rng.choice(words).strip(".,").lower() for _ in range(k)))
    timings = []
    cpu = []  # CPU time as well: on a shared machine wall time also counts waiting for a core
    for i, q in enumerate(queries):
        filters = SearchFilters(site="kabara0.co.id") if i % 5 == 0 else SearchFilters()
        start, start_cpu = time.perf_counter(), time.process_time()
        search(store, q, filters)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    return {
        "queries": n,
        "p50_ms": round(timings[n // 2], 2),
        "p95_ms": round(timings[int(n * 0.95)], 2),
        "max_ms": round(timings[-1], 2),
        "cpu_p50_ms": round(cpu[n // 2], 2),
        "cpu_p95_ms": round(cpu[int(n * 0.95)], 2),
        "cpu_max_ms": round(cpu[-1], 2),
    }


def datasketch_compare(seed: int, total: int = 5000) -> dict[str, object]:
    from datasketch import MinHash, MinHashLSH

    sites = make_sites(24, seed)
    bodies = ["\n".join(make_page(i, sites, seed).paragraphs) for i in range(total)]
    ours = MinHasher()
    start = time.perf_counter()
    signatures = [ours.signature(b) for b in bodies]
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    theirs = []
    for i, body in enumerate(bodies):
        words = body.lower().split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[j : j + 3]).encode() for j in range(len(words) - 2)])
        lsh.insert(str(i), m)
        theirs.append(m)
    ds_s = time.perf_counter() - start
    ds_pairs = {
        (min(i, int(j)), max(i, int(j)))
        for i, m in enumerate(theirs)
        for j in lsh.query(m)
        if int(j) != i
        if m.jaccard(theirs[int(j)]) >= 0.7
    }
    from warta.corpus.dedup import UnionFind, link_bucket

    buckets: dict[int, list[int]] = {}
    for i, sig in enumerate(signatures):
        if sig is not None:
            for b in ours.bands(sig):
                buckets.setdefault(b, []).append(i)
    sets = UnionFind()
    sigs = {i: s for i, s in enumerate(signatures) if s is not None}
    for members in buckets.values():
        if len(members) > 1:
            link_bucket(members, sigs, 0.7, sets)
    our_pairs = {(a, b) for g in sets.groups() for x, a in enumerate(g) for b in g[x + 1 :]}
    agree = len(our_pairs & ds_pairs)
    return {
        "docs": total,
        "ours_signature_s": round(ours_s, 2),
        "datasketch_signature_and_lsh_s": round(ds_s, 2),
        "pairs_ours": len(our_pairs),
        "pairs_datasketch": len(ds_pairs),
        "pairs_both": agree,
        "agreement_jaccard": round(agree / max(len(our_pairs | ds_pairs), 1), 4),
    }


def tokenizers(seed: int, total: int = 1800) -> dict[str, object]:
    sites = [s for s in make_sites(24, seed) if s.lang == "id"]
    rng = random.Random(seed)
    out: dict[str, object] = {}
    bodies = []
    for i in range(total):
        page = make_page(i * 2, make_sites(24, seed), seed)
        bodies.append((page, "\n".join(page.paragraphs)))
    bodies = [(p, b) for p, b in bodies if p.site in sites]
    roots = rng.sample(ID_ROOTS, 40)
    queries = [(root, affixed(root, rng)) for root in roots]
    for name in ("unicode61", "unicode61+id", "trigram"):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "t.db"
            store = Store.open(db, tokenizer=name)
            rows = [
                StoredArticle(
                    url_key=f"{i}",
                    url=None,
                    canonical_url=None,
                    site=p.site.host,
                    title=p.title,
                    body=b,
                    language="id",
                    published=None,
                    source=f"{i}",
                    text_hash=text_hash(b),
                )
                for i, (p, b) in enumerate(bodies)
            ]
            store.write_batch(1, rows, [])
            store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            recall, precision = [], []
            for root, form in queries:
                relevant = {i for i, (_, b) in enumerate(bodies) if _has_root(b, root)}
                hits = {int(h.id) - 1 for h in search(store, form, SearchFilters(limit=1000))}
                if relevant:
                    recall.append(len(hits & relevant) / len(relevant))
                if hits:
                    precision.append(len(hits & relevant) / len(hits))
            fts_pages = store.conn.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0]
            out[name] = {
                "recall": round(sum(recall) / len(recall), 4),
                "precision": round(sum(precision) / max(len(precision), 1), 4),
                "fts_index_mb": round(
                    store.conn.execute("SELECT sum(length(block)) FROM articles_fts_data").fetchone()[0]
                    / 2**20,
                    2,
                ),
                "fts_rows": fts_pages,
                "db_mb": round(db.stat().st_size / 2**20, 2),
            }
            store.close()
    out["docs"] = len(bodies)
    return out


def _has_root(body: str, root: str) -> bool:
    from gen_corpus import _nasal

    forms = {
        root,
        "di" + root,
        root + "kan",
        root + "nya",
        "ber" + root,
        root + "an",
        "me" + _nasal(root),
        "pe" + _nasal(root) + "an",
    }
    return any(w.strip(".,").lower() in forms for w in body.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("bench/data/corpus"))
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--pipeline-pages", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--parts", default="pipeline,store,datasketch,tokenizers")
    parser.add_argument("--out", type=Path, default=Path("bench/results/corpus-bench.json"))
    parser.add_argument(
        "--keep-db", type=Path, default=None, help="keep the full store here (for --parts search)"
    )
    args = parser.parse_args()
    results: dict[str, object] = json.loads(args.out.read_text()) if args.out.exists() else {}
    parts = args.parts.split(",")
    if "store" in parts:
        if args.keep_db:
            args.keep_db.unlink(missing_ok=True)
            results["store_dedup_search_full"] = build_store(args.data, args.pages, args.seed, args.keep_db)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                results["store_dedup_search_full"] = build_store(
                    args.data, args.pages, args.seed, Path(tmp) / "full.db"
                )
        print(json.dumps(results["store_dedup_search_full"], indent=1), flush=True)
    if "search" in parts:
        # Search latency again on a store kept by an earlier `--parts store --keep-db PATH`.
        if not args.keep_db or not args.keep_db.exists():
            raise SystemExit("--parts search needs --keep-db PATH of a store built with --parts store")
        store = Store.open(args.keep_db)
        results.setdefault("store_dedup_search_full", {})["search"] = indexed_search_latency(store, args.seed)  # type: ignore[index]
        store.close()
        print(json.dumps(results["store_dedup_search_full"], indent=1), flush=True)
    if "datasketch" in parts:
        results["datasketch"] = datasketch_compare(args.seed)
        print(json.dumps(results["datasketch"], indent=1), flush=True)
    if "tokenizers" in parts:
        results["tokenizers"] = tokenizers(args.seed)
        print(json.dumps(results["tokenizers"], indent=1), flush=True)
    if "pipeline" in parts:
        results["pipeline_subset"] = pipeline(args.data, args.pipeline_pages, args.seed, args.workers)
        print(json.dumps(results["pipeline_subset"], indent=1), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
