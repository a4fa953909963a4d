"""Train the ranker of a flattened page's lines for its headline (`warta.assemble.text_title`).

    python train/train_classifier.py --kind text --cv-only   # train/cache/oof-text.pkl (once)
    python train/train_text_title.py --cv [--keep 3 4 5]      # oracle, rules and cross-validation
    python train/train_text_title.py                          # writes classify/models/text.title*.txt

The pages are the WCXB dev pages of `bench/bench_text_title.py`, flattened two ways, with the
text model's out-of-fold body probabilities. The ranker has two stages, each a model:
- the shortlist (`text.title.shortlist.txt`): every line of the window (`window_lines`) is a row
  of `SHORTLIST_FEATURES`, a positive when it is a candidate giving the gold title;
- the ranker (`text.title.txt`): every candidate line (`candidate_lines`) gives rows of
  `FEATURES`, one a title it gives (the rules' own title where the rules chose it, else the line
  without its site-name part, the whole line or its first part), a positive when that title
  matches the gold title. At run time it scores the best `SHORTLIST` candidates of the
  shortlist only (and the rules' choice); the cross-validation scores that cascade.
Each bs4 page also comes as a masthead copy (`masthead_copy`). Only even file ids are
read for training and for choosing the parameters (cross-validation grouped by site);
`--held-out` scores the odd ids once, with the models trained on all even ids. `--rows FILE`
keeps the candidates' rows in FILE (a pickle, about a minute to build) for the next run.
Deterministic (one thread, fixed seeds): the same data give the same model files.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_html import title_match  # noqa: E402
from common import BENCH_DATA  # noqa: E402
from warta.assemble.layout import related_box_in_body, unmark_header_above_byline  # noqa: E402
from warta.assemble.text_title import (  # noqa: E402
    FEATURES,
    SHORTLIST,
    SHORTLIST_FEATURES,
    SURE,
    PageCounts,
    candidate_lines,
    line_features,
    shortlist_features,
    window_lines,
)
from warta.assemble.title import _SITE_SEPARATORS, body_start, choose_title, strip_site_name  # noqa: E402
from warta.classify.labels import label_blocks  # noqa: E402
from warta.lexicon import Lexicon, load_lexicon  # noqa: E402
from warta.model import Block  # noqa: E402

OOF = ROOT / "train" / "cache" / "oof-text.pkl"
MODEL = ROOT / "src" / "warta" / "classify" / "models" / "text.title.txt"
SHORTLIST_MODEL = ROOT / "src" / "warta" / "classify" / "models" / "text.title.shortlist.txt"
FOLDS = 5
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "num_threads": 1,
    "seed": 7,
    "deterministic": True,
}
ROUNDS = 150
# The shortlist's model: small, it runs on every line of the window.
SHORTLIST_PARAMS = {**PARAMS, "num_leaves": 7}
SHORTLIST_ROUNDS = 60


@dataclass
class PageRows:
    fid: str
    variant: str
    site: str
    rules_title: str | None
    rules_hit: bool
    titles: list[str]  # the title each candidate gives
    hits: list[bool]
    rows: list[list[float]]
    any_line: bool  # some line of the page, or a separator part of one, spells the gold title
    window: list[int]  # the lines the shortlist scores (`window_lines`)
    window_rows: list[list[float]]  # their `SHORTLIST_FEATURES`
    window_hits: list[bool]  # the line is a candidate and one of its titles is the gold one
    passes: list[bool]  # the line is a candidate (`candidate_lines`)
    lines: list[int]  # the line of each of `rows`


def gold_pages() -> dict[str, tuple[str, str]]:
    out = {}
    for path in sorted((BENCH_DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text())
        title = (data.get("ground_truth") or {}).get("title") or ""
        if title:
            site = urlsplit(data.get("url") or "").netloc.lower().removeprefix("www.")
            out[data.get("file_id") or path.stem] = (title, site)
    return out


def _spelled(text: str, gold: str) -> bool:
    return title_match(text, gold) or any(title_match(p, gold) for p in _SITE_SEPARATORS.split(text))


def masthead_copy(
    blocks: list[Block], probs: list[float], gold: str
) -> tuple[list[Block], list[float]] | None:
    """The page as a flattener that prints the masthead instead of the `<title>` would give it:
    the site's name (the part of the first line `strip_site_name` drops) on the first line and
    again right above the headline's line, as publications print their name over a post's
    headline. None where the first line names no site. (Training pages only: WCXB's BeautifulSoup
    pages all open with the `<title>`, which flatteners of the wild often leave out.)"""
    first = blocks[0].text
    kept = strip_site_name(first)
    others = [p.strip() for p in _SITE_SEPARATORS.split(first) if p.strip() and p.strip() != kept]
    if kept == first.strip() or not others or not 1 <= len(others[-1].split()) <= 5:
        return None
    site = others[-1]
    texts = [replace(blocks[0], text=site), *blocks[1:]]
    probs = list(probs)
    at = next((i for i in range(1, len(texts)) if title_match(strip_site_name(texts[i].text), gold)), None)
    if at is not None:
        texts.insert(at, replace(texts[at], text=site))
        probs.insert(at, probs[0])
    return [replace(b, index=i) for i, b in enumerate(texts)], probs


def page_rows(parities: Sequence[int], augment: bool = True) -> list[PageRows]:
    oof = pickle.loads(OOF.read_bytes())
    gold = gold_pages()
    lexicon = load_lexicon()
    pages = []
    for fid, variant, blocks, probs, _ in oof:
        if fid not in gold or int(fid) % 2 not in parities:
            continue
        title_gold, site = gold[fid]
        pages.append(_page_rows(fid, variant, site, blocks, list(probs), title_gold, lexicon))
        masthead = masthead_copy(blocks, list(probs), title_gold) if augment and variant == "bs4" else None
        if masthead is not None and int(fid) % 2 == 0:
            pages.append(_page_rows(fid, f"{variant}{AUGMENTED}", site, *masthead, title_gold, lexicon))
    return pages


AUGMENTED = "+masthead"
# The smallest weight at which the hand-made text fixtures keep their titles (a site name on the
# first line, printed again over the headline: tests/fixtures/text); with the 20-line window 3
# loses fenwick-newsletter-email's headline to its masthead and 5 loses others; with the old
# 80-line window, cross-validated on even ids, weight 3 cost bs4 1.7 points and inscriptis 2.6.
MASTHEAD_WEIGHT = 4


def _page_rows(
    fid: str,
    variant: str,
    site: str,
    blocks: list[Block],
    probs: list[float],
    title_gold: str,
    lexicon: Lexicon,
) -> PageRows:
    labels = label_blocks(blocks, list(probs), lexicon)
    unmark_header_above_byline(blocks, labels, lexicon)
    related_box_in_body(blocks, labels, lexicon)
    rules_title, rules_index = choose_title(blocks, labels, lexicon)
    start = body_start(blocks, labels, lexicon)
    window = window_lines(blocks, start, rules_index)
    candidates = candidate_lines(blocks, start, lexicon, rules_index)
    page = PageCounts.of([b.text for b in blocks], window)
    found = line_features(
        blocks,
        labels,
        list(probs),
        lexicon,
        start,
        rules_index,
        rules_title,
        candidates,
        None,
        None,
        window,
        page,
    )
    titles = [c.text for c in found]
    hits = [title_match(t, title_gold) for t in titles]
    hit_lines = {c.index for c, h in zip(found, hits, strict=True) if h}
    return PageRows(
        fid,
        variant,
        site,
        rules_title,
        title_match(rules_title, title_gold),
        titles,
        hits,
        [c.row for c in found],
        any(_spelled(b.text, title_gold) for b in blocks),
        window,
        shortlist_features(blocks, labels, list(probs), start, rules_index, window, page),
        [i in hit_lines for i in window],
        [i in candidates for i in window],
        [c.index for c in found],
    )


def _weighted(pages: Sequence[PageRows]) -> list[PageRows]:
    # each masthead copy counts `MASTHEAD_WEIGHT` times: the flatteners of the wild print the
    # masthead first far more often than WCXB's BeautifulSoup pages suggest
    return [q for p in pages for q in [p] * (MASTHEAD_WEIGHT if AUGMENTED in p.variant else 1)]


def train(pages: Sequence[PageRows], params: dict[str, object], rounds: int):  # type: ignore[no-untyped-def]
    """The second stage: every candidate's titles, by all of `FEATURES`."""
    import lightgbm

    pages = _weighted(pages)
    x = np.asarray([r for p in pages for r in p.rows], dtype=np.float64).reshape(-1, len(FEATURES))
    y = np.asarray([h for p in pages for h in p.hits], dtype=np.float64)
    return lightgbm.train(params, lightgbm.Dataset(x, y, feature_name=list(FEATURES)), rounds)


def train_shortlist(pages: Sequence[PageRows], params: dict[str, object], rounds: int):  # type: ignore[no-untyped-def]
    """The first stage: every line of the window, by `SHORTLIST_FEATURES`; a positive is a
    candidate giving the gold title."""
    import lightgbm

    pages = _weighted(pages)
    width = len(SHORTLIST_FEATURES)
    x = np.asarray([r for p in pages for r in p.window_rows], dtype=np.float64).reshape(-1, width)
    y = np.asarray([h for p in pages for h in p.window_hits], dtype=np.float64)
    return lightgbm.train(params, lightgbm.Dataset(x, y, feature_name=list(SHORTLIST_FEATURES)), rounds)


_RULES = SHORTLIST_FEATURES.index("rules")


def shortlisted(page: PageRows, scores: np.ndarray, keep: int) -> set[int]:
    """As `text_title.shortlisted`, on the page's stored rows (`keep` lines; 0: every candidate)."""
    rules_line = next((i for i, r in zip(page.window, page.window_rows, strict=True) if r[_RULES]), None)
    picked: list[int] = []
    for k in np.argsort(-scores, kind="stable").tolist():
        if page.passes[k]:
            picked.append(page.window[k])
            if len(picked) == keep:
                break
    return {*picked, *([rules_line] if rules_line is not None else [])}


def _picked(page: PageRows, first, keep: int) -> set[int]:  # type: ignore[no-untyped-def]
    if not page.window_rows:
        return set()
    return shortlisted(page, first.predict(np.asarray(page.window_rows, dtype=np.float64)), keep)


def chosen_hits(  # type: ignore[no-untyped-def]
    model, pages: Sequence[PageRows], first=None, keep: int = SHORTLIST, sure: float = SURE
) -> list[bool]:
    """Whether the ranker's best line gives the gold title, page by page (the rules' title where
    a page has no candidate): of the `keep` lines the shortlist model `first` scores best (all
    candidates where `first` is None); the rules' title where the shortlist's best line is the
    rules' and scores `sure` or more."""
    out = []
    for p in pages:
        sel = list(range(len(p.rows)))
        if first is not None and p.window_rows:
            scores = first.predict(np.asarray(p.window_rows, dtype=np.float64))
            top = int(np.argmax(scores))
            if p.window_rows[top][_RULES] and scores[top] >= sure:
                out.append(p.rules_hit)
                continue
            picked = shortlisted(p, scores, keep)
            sel = [n for n in sel if p.lines[n] in picked]
        if not sel:
            out.append(p.rules_hit)
            continue
        scores = model.predict(np.asarray([p.rows[n] for n in sel], dtype=np.float64))
        out.append(p.hits[sel[int(np.argmax(scores))]])
    return out


def _folds(pages: Sequence[PageRows]) -> list[int]:
    sites = sorted({p.site for p in pages})
    rng = np.random.default_rng(11)
    order = {s: k for k, s in enumerate(rng.permutation(sites))}
    return [order[p.site] % FOLDS for p in pages]


def cross_validate(
    pages: Sequence[PageRows],
    params: dict[str, object],
    rounds: int,
    keeps: Sequence[int] = (SHORTLIST,),
    sures: Sequence[float] = (),
) -> dict[str, dict[str, float]]:
    """Scores by site-grouped folds: every candidate ranked ('all'), and the cascade keeping each
    of `keeps` lines of the shortlist ('k3' …), with 'recall k3' …: a kept line gives the title."""
    folds = _folds(pages)
    hits: dict[str, list[bool]] = {}
    for k in range(FOLDS):
        train_pages = [p for p, f in zip(pages, folds, strict=True) if f != k]
        test = [n for n, f in enumerate(folds) if f == k and AUGMENTED not in pages[n].variant]
        model = train(train_pages, params, rounds)
        first = train_shortlist(train_pages, SHORTLIST_PARAMS, SHORTLIST_ROUNDS)
        tested = [pages[n] for n in test]
        runs = {"all": chosen_hits(model, tested)}
        for sure in sures:
            runs[f"sure {sure}"] = chosen_hits(model, tested, first, SHORTLIST, sure)
            runs[f"skipped {sure}"] = [
                bool(p.window_rows)
                and bool(p.window_rows[top := int(np.argmax(sc))][_RULES])
                and sc[top] >= sure
                for p in tested
                for sc in [
                    first.predict(np.asarray(p.window_rows, dtype=np.float64)) if p.window_rows else []
                ]
            ]
        for keep in keeps:
            runs[f"k{keep}"] = chosen_hits(model, tested, first, keep, 2.0)
            runs[f"recall k{keep}"] = [
                any(p.hits[n] for n in range(len(p.rows)) if p.lines[n] in _picked(p, first, keep))
                for p in tested
            ]
        for name, got in runs.items():
            column = hits.setdefault(name, [False] * len(pages))
            for n, h in zip(test, got, strict=True):
                column[n] = h
    return {name: _scores(pages, column) for name, column in hits.items()}


def _scores(pages: Sequence[PageRows], hits: Sequence[bool]) -> dict[str, float]:
    out: dict[str, float] = {}
    for variant in sorted(
        {p.variant for p in pages} - {v for v in (p.variant for p in pages) if AUGMENTED in v}
    ):
        got = [h for p, h in zip(pages, hits, strict=True) if p.variant == variant]
        out[variant] = round(sum(got) / len(got), 4)
    return out


def report(pages: Sequence[PageRows], name: str) -> None:
    for variant in sorted({p.variant for p in pages}):
        ps = [p for p in pages if p.variant == variant]
        n = len(ps)
        print(
            f"{name} {variant}: pages {n}, rules {sum(p.rules_hit for p in ps) / n:.4f}, "
            f"oracle candidates {sum(any(p.hits) for p in ps) / n:.4f}, "
            f"oracle any line {sum(p.any_line for p in ps) / n:.4f}, "
            f"candidates a page {sum(len(p.rows) for p in ps) / n:.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate on even ids only")
    parser.add_argument("--held-out", action="store_true", help="score odd ids with the even-id model")
    parser.add_argument("--rows", type=Path, help="cache of the rows (a pickle) to reuse")
    parser.add_argument(
        "--keep", type=int, nargs="+", default=[SHORTLIST], help="shortlist sizes to cross-validate"
    )
    parser.add_argument("--sure", type=float, nargs="*", default=[], help="`SURE` values to cross-validate")
    args = parser.parse_args()
    parities = (0, 1) if args.held_out else (0,)
    if args.rows and args.rows.exists():
        pages = pickle.loads(args.rows.read_bytes())
    else:
        pages = page_rows(parities)
        if args.rows:
            args.rows.write_bytes(pickle.dumps(pages))
    even = [p for p in pages if int(p.fid) % 2 == 0]
    report(even, "even")
    if args.cv:
        for name, scores in cross_validate(even, PARAMS, ROUNDS, args.keep, args.sure).items():
            print("cv even", name, scores)
        print("rules even", _scores(even, [p.rules_hit for p in even]))
        return
    model = train(even, PARAMS, ROUNDS)
    first = train_shortlist(even, SHORTLIST_PARAMS, SHORTLIST_ROUNDS)
    if args.held_out:
        odd = [p for p in pages if int(p.fid) % 2 == 1]
        report(odd, "odd")
        print(
            "held-out odd",
            _scores(odd, chosen_hits(model, odd, first)),
            "rules",
            _scores(odd, [p.rules_hit for p in odd]),
        )
        return
    for path, booster in ((MODEL, model), (SHORTLIST_MODEL, first)):
        path.write_text(booster.model_to_string(), encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
