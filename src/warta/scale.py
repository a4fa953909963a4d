"""Extraction for crawls that outgrow one machine, on a Ray cluster (needs `warta[scale]`).

The input files are dealt into shards (large files alone, small ones grouped to about
the same number of bytes); each shard is one Ray task that reads its files with the
same readers as `warta extract` (JSONL, WARC, gzip, HTML, text), extracts every page and
writes `part-NNNNN.jsonl` (one article per line, the versioned JSON schema) plus a
`part-NNNNN.errors.jsonl` of the pages it skipped and why. A shard's files are written
under a temporary name and renamed when complete, so a run that is stopped and started
again redoes only the shards that had not finished (OUT/shards.json records which files
each shard holds: a run over other files into the same OUT is refused). The result is a
sharded JSONL dataset: load it with any tool, or build a corpus from it on one machine.

    ray start --head                     # or an existing cluster
    warta scale 's3-mirror/crawl/**/*.warc.gz' --out articles/ --address auto
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from warta.errors import WartaError
from warta.options import ExtractOptions
from warta.readers import JsonlFields, read_paths
from warta.readers.encoding import path_source
from warta.readers.files import ReadError, expand_paths
from warta.render import to_json


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: int
    articles: int
    failed: int
    reasons: dict[str, int]
    skipped: bool = False  # its output already existed (a resumed run)
    no_page: int = 0  # records that hold no page (WARC images, redirects): counted, not listed


@dataclass(slots=True)
class ScaleReport:
    shards: int = 0
    resumed: int = 0
    articles: int = 0
    failed: int = 0
    no_page: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, result: ShardResult) -> None:
        self.resumed += result.skipped
        self.articles += result.articles
        self.failed += result.failed
        self.no_page += result.no_page
        self.reasons.update(result.reasons)


def plan_shards(paths: Sequence[Path], target_bytes: int) -> list[list[Path]]:
    """Files dealt into shards of about `target_bytes` each, in input order; a larger file is a shard alone."""
    shards: list[list[Path]] = []
    current: list[Path] = []
    size = 0
    for path in paths:
        length = path.stat().st_size if path.exists() else 0
        if current and size + length > target_bytes:
            shards.append(current)
            current, size = [], 0
        current.append(path)
        size += length
    if current:
        shards.append(current)
    return shards


def _record_plan(out: Path, shards: list[list[Path]]) -> None:
    """Write each shard's files to OUT/shards.json, or check that a rerun deals out the same.

    A finished part file stands for its shard's files. Were they others (files added to the
    crawl, another --shard-mb, another crawl into the same OUT), the part would be taken for
    the new shard of its number, and that shard's files would never be read.
    """
    plan = [[path_source(path) for path in shard] for shard in shards]
    record = out / "shards.json"
    if record.exists():
        try:
            recorded = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            recorded = None
        if recorded != plan:
            raise WartaError(
                f"{out} holds the output of a run over other files or other shards ({record}):"
                " write to a new --out directory, or empty this one to start again"
            )
        return
    record.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")


def _part(out: Path, shard: int) -> Path:
    return out / f"part-{shard:05d}.jsonl"


# What `_part` names (and its errors file beside it), as `expand_paths` would list it.
_PART_NAME = re.compile(r"part-\d{5,}(?:\.errors)?\.jsonl")


def input_files(inputs: Iterable[str], out: Path) -> tuple[list[Path], list[ReadError]]:
    """The files `inputs` name, less the part files of `out` (an OUT inside an input directory:
    read back, a rerun's files would differ from the recorded plan and the run be refused), and
    the files of directory inputs that hold no page kind (a PDF, an image): counted, not read."""
    own = out.resolve()
    files: list[Path] = []
    skipped: list[ReadError] = []
    for path in expand_paths(inputs):
        if isinstance(path, ReadError):
            if Path(path.source).parent.resolve() != own:  # (OUT's own shards.json)
                skipped.append(path)
        elif isinstance(path, Path) and not (
            _PART_NAME.fullmatch(path.name) and path.parent.resolve() == own
        ):
            files.append(path)
    return files, skipped


def _reason(message: str) -> str:
    return message.split(":", 1)[0][:80]


def extract_shard(
    shard: int, files: Sequence[str], out: str, options: ExtractOptions, fields: JsonlFields | None
) -> ShardResult:
    """Extract one shard's files into its part files (runs inside a Ray task, or locally)."""
    from warta.pipeline import Extractor

    out_dir = Path(out)
    target = _part(out_dir, shard)
    errors_target = target.with_suffix(".errors.jsonl")
    if target.exists() and errors_target.exists():
        return ShardResult(shard, 0, 0, {}, skipped=True)
    extractor = Extractor(options)
    articles = failed = no_page = 0
    reasons: Counter[str] = Counter()
    tmp, errors_tmp = target.with_suffix(".jsonl.tmp"), errors_target.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as good, errors_tmp.open("w", encoding="utf-8") as bad:
        for result in extractor.process_many(read_paths(files, fields)):
            if result.article is not None:
                good.write(to_json(result.article, indent=None) + "\n")
                articles += 1
            elif result.skipped:
                no_page += 1
                reasons[result.error or "no page"] += 1
            else:
                failed += 1
                reasons[_reason(result.error or "unknown error")] += 1
                bad.write(
                    json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False) + "\n"
                )
    os.replace(errors_tmp, errors_target)
    os.replace(tmp, target)  # last: a part file exists only when its shard is complete
    return ShardResult(shard, articles, failed, dict(reasons), no_page=no_page)


def extract_on_ray(
    inputs: Iterable[str],
    out: Path,
    options: ExtractOptions | None = None,
    fields: JsonlFields | None = None,
    address: str | None = None,
    shard_bytes: int = 64 * 2**20,
    on_shard: Callable[[ShardResult], None] | None = None,
    num_cpus: int | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> ScaleReport:
    """Extract every page of `inputs` on a Ray cluster (`address`; None starts a local one
    with `num_cpus`, all cores by default). A Ray session already open is used as it is."""
    options = options or ExtractOptions()
    files, not_pages = input_files(inputs, out)
    shards = plan_shards(files, shard_bytes)
    out.mkdir(parents=True, exist_ok=True)
    _record_plan(out, shards)
    import ray

    report = ScaleReport(shards=len(shards), no_page=len(not_pages))
    report.reasons.update(error.message for error in not_pages)
    if on_plan is not None:
        on_plan(len(shards))
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=num_cpus if address is None else None,
            include_dashboard=False,
            log_to_driver=False,
        )
    try:
        task = ray.remote(extract_shard)
        pending = [
            task.remote(i, [str(p) for p in shard], str(out), options, fields)
            for i, shard in enumerate(shards)
        ]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            result: ShardResult = ray.get(done[0])
            report.add(result)
            if on_shard is not None:
                on_shard(result)
    finally:
        if started_here:
            ray.shutdown()
    return report
