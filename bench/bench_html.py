"""HTML main-text extraction: warta against the open extractors, one run, one process.

    python bench/bench_html.py                       # ScrapingHub + WCXB dev, all systems
    python bench/bench_html.py --systems warta trafilatura --wcxb-limit 300
    python bench/bench_html.py --memory-pages 10000  # only the memory curve of warta

ScrapingHub is evaluation-only. On WCXB dev (the training data) warta is scored
cross-validated: each page goes through the fold model that never saw its site
(`train/cache/html-folds`, written by `train/train_classifier.py --kind html`).
Speed is measured on ScrapingHub with the shipped model, parsing included. trafilatura
runs three ways: without comments (the rows the quality targets compare with: the gold
holds no comments), the same with favor_precision, and with its defaults untouched
("trafilatura-defaults", the reference of the speed target).
Pages/s on ScrapingHub is the fastest of `--speed-passes` (3) timed passes, every system in
turn in each pass (the machine is shared: one pass alone swings by a third). Peak memory is
the rise of the process's resident high-water mark (VmHWM, reset before each system) over the
resident size before it, in the first pass.
Results go to bench/results/html-*.{json,md}.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import platform
import re
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.classify.model import lightgbm_classifier  # noqa: E402
from warta.evaluate import bow_scores, sh_scores  # noqa: E402
from warta.options import ExtractOptions  # noqa: E402
from warta.pipeline import Extractor  # noqa: E402

DATA = ROOT.parent / "shared" / "bench"
RESULTS = ROOT / "bench" / "results"
FOLDS = ROOT / "train" / "cache" / "html-folds"
Extract = Callable[[str, str], str]
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- data
def scrapinghub() -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold) for the 181 ScrapingHub pages."""
    gold = json.loads((DATA / "scrapinghub" / "ground-truth.json").read_text())
    pages = []
    for key in sorted(gold):
        html = gzip.decompress((DATA / "scrapinghub" / "html" / f"{key}.html.gz").read_bytes())
        pages.append(
            (key, gold[key].get("url", ""), html.decode("utf-8", "replace"), gold[key]["articleBody"])
        )
    return pages


def wcxb(limit: int | None) -> list[tuple[str, str, str, str, str, str]]:
    """(id, url, html, gold text, page type, gold title) for WCXB dev pages with gold text."""
    meta = json.loads((DATA / "wcxb-dev" / "metadata.json").read_text()).get("files", {})
    pages = []
    for path in sorted((DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text())
        truth = data.get("ground_truth") or {}
        text = truth.get("main_content") or ""
        if not text.strip():
            continue
        fid = data.get("file_id") or path.stem
        kind = (meta.get(fid) or {}).get("page_type") or data.get("_internal", {}).get("page_type", {}).get(
            "primary", ""
        )
        html = gzip.decompress((DATA / "wcxb-dev" / "html" / f"{fid}.html.gz").read_bytes())
        pages.append(
            (fid, data.get("url", ""), html.decode("utf-8", "replace"), text, kind, truth.get("title") or "")
        )
        if limit and len(pages) >= limit:
            break
    return pages


# ---------------------------------------------------------------- systems
def warta_system(extractor: Extractor) -> Extract:
    def run(html: str, url: str) -> str:
        result = extractor.process(_page(html, url))
        return result.article.text if result.article else ""

    return run


def _page(html: str, url: str) -> Any:
    from warta.model import Page

    return Page(content=html, kind="html", url=url or None, source=url)


def anchors() -> dict[str, Extract]:
    """The open extractors, each with its recommended main-text call."""
    systems: dict[str, Extract] = {}
    try:
        import trafilatura

        # Main text without comments (the gold holds none): the rows the quality targets compare with.
        systems["trafilatura"] = lambda h, u: (
            trafilatura.extract(h, url=u or None, include_comments=False) or ""
        )
        systems["trafilatura-precision"] = lambda h, u: (
            trafilatura.extract(h, url=u or None, include_comments=False, favor_precision=True) or ""
        )
        # trafilatura exactly as a user calls it (comments kept): the speed target's reference.
        systems["trafilatura-defaults"] = lambda h, u: trafilatura.extract(h, url=u or None) or ""
    except ImportError:
        pass
    try:
        from lxml.html import fromstring
        from readability import Document

        def readability(h: str, u: str) -> str:
            summary = Document(h).summary(html_partial=True)
            return fromstring(summary).text_content() if summary.strip() else ""

        systems["readability-lxml"] = readability
    except ImportError:
        pass
    try:
        from newspaper import Article as NewsArticle

        def newspaper(h: str, u: str) -> str:
            article = NewsArticle(u or "http://example.com/")
            article.download(input_html=h)
            article.parse()
            return str(article.text or "")

        systems["newspaper4k"] = newspaper
    except ImportError:
        pass
    try:
        import justext

        stop = justext.get_stoplist("English")

        def jus(h: str, u: str) -> str:
            return "\n".join(p.text for p in justext.justext(h.encode("utf-8"), stop) if not p.is_boilerplate)

        systems["justext"] = jus
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        systems["resiliparse"] = lambda h, u: extract_plain_text(HTMLTree.parse(h), main_content=True)
    except ImportError:
        pass
    try:
        from goose3 import Goose

        goose = Goose({"enable_image_fetching": False})
        systems["goose3"] = lambda h, u: goose.extract(raw_html=h).cleaned_text or ""
    except ImportError:
        pass
    return systems


# ---------------------------------------------------------------- measuring
def _rss_kib() -> tuple[int, int]:
    """(current resident KiB, high-water mark KiB) of this process."""
    rss = hwm = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
    return rss, hwm


def _reset_hwm() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def run_system(extract: Extract, pages: list[tuple[str, str]]) -> tuple[list[str], float, float]:
    """Texts, seconds, and peak memory rise (MiB) of one system over `pages` (html, url)."""
    _reset_hwm()
    before, _ = _rss_kib()
    texts = []
    t0 = time.perf_counter()
    for html, url in pages:
        try:
            texts.append(extract(html, url))
        except Exception:  # an anchor failing on a page scores as an empty prediction
            texts.append("")
    seconds = time.perf_counter() - t0
    _, peak = _rss_kib()
    return texts, seconds, max(peak - before, 0) / 1024


def score_row(name: str, texts: list[str], golds: list[str], seconds: float, peak: float) -> dict[str, Any]:
    pairs = list(zip(texts, golds, strict=True))
    sh = sh_scores(pairs)
    bow = bow_scores(pairs)
    return {
        "system": name,
        "sh_precision": round(sh.precision, 4),
        "sh_recall": round(sh.recall, 4),
        "sh_f1": round(sh.f1, 4),
        "bow_f1": round(bow.f1, 4),
        "pages": len(pairs),
        "pages_per_s": round(len(pairs) / seconds, 1) if seconds else None,
        "peak_mib": round(peak, 1),
    }


def cv_warta(pages: list[tuple[str, str, str, str, str, str]]) -> list[str] | None:
    """WCXB texts from warta's fold models (each page scored by a model that never saw its site)."""
    if not (FOLDS / "folds.json").exists():
        return None

    fold_of: dict[str, int] = json.loads((FOLDS / "folds.json").read_text())
    extractors: dict[int, Extractor] = {}
    for fold in sorted(set(fold_of.values())):
        extractor = Extractor(ExtractOptions())
        stage1, stage2 = ((FOLDS / f"fold{fold}.stage{stage}.txt").read_text() for stage in (1, 2))
        extractor._classifiers["html"] = lightgbm_classifier(stage1, stage2)
        extractors[fold] = extractor
    texts = []
    for fid, url, html, *_ in pages:
        extractor = extractors.get(fold_of.get(fid, -1))
        if extractor is None:  # no fold: the page had no alignable gold; use fold 0
            extractor = extractors[0]
        texts.append(warta_system(extractor)(html, url))
    return texts


def title_match(predicted: str | None, gold: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(_WORD.findall(s.lower()))

    return bool(predicted) and norm(predicted or "") == norm(gold)


def memory_curve(pages: list[tuple[str, str]], total: int, every: int = 500) -> list[tuple[int, float]]:
    """Resident MiB of the process every `every` pages while warta extracts `total` pages (cycling)."""
    extractor = Extractor(ExtractOptions())
    curve = []
    for n in range(total):
        html, url = pages[n % len(pages)]
        extractor.process(_page(html, url))
        if (n + 1) % every == 0:
            curve.append((n + 1, round(_rss_kib()[0] / 1024, 1)))
            print(f"  {n + 1} pages: {curve[-1][1]} MiB", file=sys.stderr)
    return curve


def pass_ratios(passes: dict[str, list[float]]) -> str:
    """warta's speed over trafilatura-defaults' in each timed pass (the spread the fastest hides)."""
    if "warta" not in passes or "trafilatura-defaults" not in passes or len(passes["warta"]) < 2:
        return ""
    ratios = [
        theirs / ours for ours, theirs in zip(passes["warta"], passes["trafilatura-defaults"], strict=True)
    ]
    return "\n\nwarta / trafilatura-defaults, pass by pass: " + ", ".join(f"{r:.2f}x" for r in ratios)


def table(rows: list[dict[str, Any]]) -> str:
    head = ["system", "SH P", "SH R", "SH F1", "bow F1", "pages/s", "peak MiB"]
    keys = ["system", "sh_precision", "sh_recall", "sh_f1", "bow_f1", "pages_per_s", "peak_mib"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join(str(row.get(k, "")) for k in keys) + " |")
    return "\n".join(lines)


def speed_ratios(rows: list[dict[str, Any]]) -> str:
    """warta's pages/s over each trafilatura row's, in this run (empty where either is missing)."""
    speed = {row["system"]: row["pages_per_s"] for row in rows if row.get("pages_per_s")}
    if "warta" not in speed:
        return ""
    ratios = [
        f"- warta / {name}: {speed['warta'] / speed[name]:.2f}x"
        for name in ("trafilatura-defaults", "trafilatura", "trafilatura-precision")
        if name in speed
    ]
    return "\n\nThroughput, same run:\n\n" + "\n".join(ratios) if ratios else ""


def write(name: str, payload: dict[str, Any], text: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()} Python {platform.python_version()}, one process",
        **payload,
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2))
    (RESULTS / f"{name}.md").write_text(text + "\n")
    print(text)


def _no_network(*args: object, **kwargs: object) -> object:
    raise socket.gaierror("bench runs offline")


def main() -> None:
    # Some anchors resolve the page's host name (newspaper4k); offline, each lookup
    # can stall for seconds, which measures the DNS resolver rather than the extractor.
    socket.getaddrinfo = _no_network  # type: ignore[assignment]
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--systems", nargs="*", default=None, help="warta and/or anchor names (default: all)")
    parser.add_argument("--wcxb-limit", type=int, default=None)
    parser.add_argument("--sh-limit", type=int, default=None, help="smoke tests only")
    parser.add_argument(
        "--wcxb-systems", nargs="*", default=None, help="systems to run on WCXB (default: all selected)"
    )
    parser.add_argument("--skip-wcxb", action="store_true")
    parser.add_argument("--memory-pages", type=int, default=0, help="only run warta's memory curve")
    parser.add_argument(
        "--speed-passes",
        type=int,
        default=3,
        help="timed ScrapingHub passes a system; pages/s from the fastest",
    )
    args = parser.parse_args()

    sh_pages = scrapinghub()[: args.sh_limit]
    if args.memory_pages:
        pool = [(h, u) for _, u, h, _ in sh_pages] + [(p[2], p[1]) for p in wcxb(300)]
        curve = memory_curve(pool, args.memory_pages)
        text = "| pages | RSS MiB |\n|---|---|\n" + "\n".join(f"| {n} | {m} |" for n, m in curve)
        write("html-memory", {"pages": args.memory_pages, "curve": curve}, text)
        return

    systems: dict[str, Extract] = {"warta": warta_system(Extractor(ExtractOptions()))}
    systems.update(anchors())
    if args.systems:
        systems = {k: v for k, v in systems.items() if k in args.systems}
    # Warm up every system once (imports, model loading) outside the timings.
    for extract in systems.values():
        with contextlib.suppress(Exception):
            extract(sh_pages[0][2], sh_pages[0][1])

    inputs = [(h, u) for _, u, h, _ in sh_pages]
    golds = [g for *_, g in sh_pages]
    rows = []
    passes: dict[str, list[float]] = {}
    for name, extract in systems.items():
        texts, seconds, peak = run_system(extract, inputs)
        passes[name] = [seconds]
        rows.append(score_row(name, texts, golds, seconds, peak))
        print(f"scrapinghub {name}: {rows[-1]}", file=sys.stderr)
    # More timed passes, every system in turn in each: a system's speed is its fastest pass, so a
    # stretch of load on the shared machine during one pass does not decide its row.
    for _ in range(args.speed_passes - 1):
        for name, extract in systems.items():
            passes[name].append(run_system(extract, inputs)[1])
    for row in rows:
        row["pages_per_s"] = round(len(inputs) / min(passes[row["system"]]), 1)
        row["pass_seconds"] = [round(t, 3) for t in passes[row["system"]]]
    out = (
        f"## ScrapingHub ({len(inputs)} pages)\n\n"
        + table(rows)
        + f"\n\npages/s: the fastest of {args.speed_passes} timed passes, every system in turn in each pass."
        + speed_ratios(rows)
        + pass_ratios(passes)
    )
    payload: dict[str, Any] = {"scrapinghub": rows}

    if not args.skip_wcxb:
        pages = wcxb(args.wcxb_limit)
        inputs = [(p[2], p[1]) for p in pages]
        article = [i for i, p in enumerate(pages) if p[4] == "article"]
        all_rows, article_rows = [], []
        by_type: dict[str, dict[str, float]] = {}  # system -> page type -> SH-F1
        kinds = sorted({p[4] for p in pages})
        titles: dict[str, float] = {}
        wcxb_systems = {
            k: v for k, v in systems.items() if args.wcxb_systems is None or k in args.wcxb_systems
        }
        for name, extract in wcxb_systems.items():
            seconds = peak = 0.0
            if name == "warta":
                cv = cv_warta(pages)
                if cv is None:
                    print("no fold models: warta on WCXB is NOT cross-validated", file=sys.stderr)
                    texts, seconds, peak = run_system(extract, inputs)
                    name = "warta (not CV)"
                else:
                    texts = cv
                    name = "warta (CV)"
            else:
                texts, seconds, peak = run_system(extract, inputs)
            gold_text = [p[3] for p in pages]
            all_rows.append(score_row(name, texts, gold_text, seconds, peak))
            article_rows.append(
                score_row(name, [texts[i] for i in article], [gold_text[i] for i in article], 0.0, 0.0)
            )
            by_type[name] = {
                kind: round(
                    sh_scores(
                        [(t, g) for t, g, p in zip(texts, gold_text, pages, strict=True) if p[4] == kind]
                    ).f1,
                    4,
                )
                for kind in kinds
            }
            print(f"wcxb {name}: {all_rows[-1]} article: {article_rows[-1]}", file=sys.stderr)
        titles = wcxb_titles(pages, wcxb_systems)
        payload.update(
            {
                "wcxb_all": all_rows,
                "wcxb_article": article_rows,
                "wcxb_by_type": by_type,
                "wcxb_title_match": titles,
            }
        )
        out += f"\n\n## WCXB dev, all pages ({len(pages)})\n\n" + table(all_rows)
        counts = {kind: sum(p[4] == kind for p in pages) for kind in kinds}
        out += (
            "\n\nSH-F1 by page type:\n\n| system | "
            + " | ".join(f"{k} ({counts[k]})" for k in kinds)
            + " |\n"
        )
        out += "|---|" + "---|" * len(kinds) + "\n"
        out += "\n".join(
            f"| {name} | " + " | ".join(str(f[k]) for k in kinds) + " |" for name, f in by_type.items()
        )
        out += f"\n\n## WCXB dev, article pages ({len(article)})\n\n" + table(article_rows)
        out += "\n\n## WCXB dev titles (case/punctuation-insensitive exact match)\n\n"
        out += "\n".join(f"- {k}: {v}" for k, v in titles.items())
    write("html-bench", payload, out)


def title_hits(pages: list[tuple[str, str, str, str, str, str]], system: str) -> list[bool]:
    """Whether `system` ("warta", or "trafilatura" for its metadata title) gets each page's gold title."""
    if system == "warta":
        extractor = Extractor(ExtractOptions())
        hits = []
        for _, url, html, _, _, gold in pages:
            result = extractor.process(_page(html, url))
            hits.append(bool(result.article and title_match(result.article.title, gold)))
        return hits
    import trafilatura

    hits = []
    for _, url, html, _, _, gold in pages:
        try:
            doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
            title = getattr(doc, "title", None) if doc is not None else None
        except Exception:
            title = None
        hits.append(title_match(title, gold))
    return hits


def wcxb_titles(
    pages: list[tuple[str, str, str, str, str, str]], systems: dict[str, Extract]
) -> dict[str, float]:
    """Title match rate on pages with a gold title: warta and trafilatura (metadata title)."""
    with_title = [p for p in pages if p[5]]
    return {
        name: round(sum(title_hits(with_title, name)) / max(len(with_title), 1), 4)
        for name in ("warta", "trafilatura")
        if name in systems
    }


if __name__ == "__main__":
    main()
