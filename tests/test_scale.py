"""Scale-out extraction: shard planning, one shard run locally (and resumed), and a run on a local Ray."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import _register, app
from warta.errors import WartaError
from warta.options import ExtractOptions
from warta.scale import _record_plan, extract_on_ray, extract_shard, input_files, plan_shards

ARTICLE = (
    "Harbour mural restored\n\nThe mural on the harbour wall was restored this week by the artist who painted it "
    "forty years ago, using the original colours she had kept in her studio.\n\nVisitors watched her work from "
    "the quay for five days, and the council said the wall will be lit at night from next month.\n"
)


def _crawl(directory: Path) -> list[Path]:
    directory.mkdir()
    lines = [
        json.dumps({"url": f"https://news.example/{i}", "text": ARTICLE.replace("five", str(i + 2))})
        for i in range(6)
    ]
    (directory / "a.jsonl").write_text("\n".join([*lines[:3], "{broken"]) + "\n", encoding="utf-8")
    (directory / "b.jsonl").write_text("\n".join(lines[3:]) + "\n", encoding="utf-8")
    (directory / "empty.txt").write_text("", encoding="utf-8")
    return sorted(directory.iterdir())


def _read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_plan_shards_groups_small_files_and_keeps_large_ones_alone(tmp_path: Path) -> None:
    sizes = [10, 10, 50, 5, 5]
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"{i}.txt"
        path.write_bytes(b"x" * size)
        paths.append(path)
    shards = plan_shards(paths, target_bytes=25)
    assert [[p.name for p in s] for s in shards] == [["0.txt", "1.txt"], ["2.txt"], ["3.txt", "4.txt"]]
    assert plan_shards([], 25) == []


def test_a_shard_writes_articles_and_reasons_and_is_not_redone(tmp_path: Path) -> None:
    files = [str(p) for p in _crawl(tmp_path / "crawl")]
    out = tmp_path / "out"
    out.mkdir()
    result = extract_shard(0, files, str(out), ExtractOptions(), None)
    articles = _read(out / "part-00000.jsonl")
    errors = _read(out / "part-00000.errors.jsonl")
    assert result.articles == len(articles) == 6 and not result.skipped
    assert all(a["title"] == "Harbour mural restored" and a["schema_version"] for a in articles)
    assert result.failed == len(errors) == 2  # the broken JSON line and the empty file
    assert not list(out.glob("*.tmp"))
    again = extract_shard(0, files, str(out), ExtractOptions(), None)
    assert again.skipped and again.articles == 0


def test_extract_on_a_local_ray_cluster(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    try:  # a machine that cannot start Ray at all (no shared memory, no sockets) skips, saying why
        ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Ray cannot start here: {exc}")
    _crawl(tmp_path / "crawl")
    (tmp_path / "crawl" / "scan.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    try:
        report = extract_on_ray([str(tmp_path / "crawl")], out, shard_bytes=1)  # uses the session above
    finally:
        ray.shutdown()
    assert report.shards == 3 and report.articles == 6 and report.failed == 2
    assert report.no_page == 1 and report.reasons["not a page file (.pdf) in a directory input"] == 1
    assert sum(len(_read(p)) for p in out.glob("part-*[0-9].jsonl")) == 6
    assert report.reasons


def test_files_of_no_page_kind_in_an_input_directory_are_counted_as_skipped(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    inputs = _crawl(crawl)
    (crawl / "scan.pdf").write_bytes(b"%PDF-1.4")
    (crawl / ".DS_Store").write_bytes(b"\0")
    files, not_pages = input_files([str(crawl)], tmp_path / "out")
    assert files == inputs
    assert [(Path(e.source).name, e.message, e.skip) for e in not_pages] == [
        ("scan.pdf", "not a page file (.pdf) in a directory input", True)
    ]


def test_a_rerun_over_other_files_is_refused_before_any_shard_is_taken_for_done(tmp_path: Path) -> None:
    # Shard numbers stand for files: with a file added, finished part-00001 would have been
    # taken for the new shard 1, whose files were never read.
    files = _crawl(tmp_path / "crawl")
    out = tmp_path / "out"
    out.mkdir()
    _record_plan(out, plan_shards(files, 1))
    _record_plan(out, plan_shards(files, 1))  # the same command again: fine
    (tmp_path / "crawl" / "a2.jsonl").write_text(
        (tmp_path / "crawl" / "b.jsonl").read_text(), encoding="utf-8"
    )
    with pytest.raises(WartaError, match="holds the output of a run over other files"):
        extract_on_ray([str(tmp_path / "crawl")], out, shard_bytes=1)
    _register()
    runner = CliRunner(env={"COLUMNS": "400"})
    result = runner.invoke(app, ["scale", str(tmp_path / "crawl"), "--out", str(out), "--shard-mb", "0"])
    assert result.exit_code == 2, result.output
    assert "other files or other shards" in result.output
    result = runner.invoke(app, ["scale", str(tmp_path / "crawl"), "--out", str(files[0])])  # a file
    assert result.exit_code == 2, result.output
    assert "cannot extract into" in result.output


def test_a_rerun_with_out_inside_the_input_directory_does_not_read_its_own_parts(tmp_path: Path) -> None:
    # The parts of the first run were listed as inputs of the second, whose plan then differed
    # from the recorded one: the rerun was refused as "the output of a run over other files".
    crawl = tmp_path / "crawl"
    inputs = _crawl(crawl)
    out = crawl / "out"
    for attempt in range(2):
        files, not_pages = input_files([str(crawl)], out)
        assert files == inputs, attempt
        assert not not_pages  # (OUT's shards.json is no input of the run)
        shards = plan_shards(files, target_bytes=1)
        out.mkdir(exist_ok=True)
        _record_plan(out, shards)  # raised WartaError on the rerun
        results = [
            extract_shard(i, [str(p) for p in s], str(out), ExtractOptions(), None)
            for i, s in enumerate(shards)
        ]
        assert all(r.skipped for r in results) == bool(attempt)
    assert sorted(p.name for p in out.iterdir()) == [
        *(f"part-{i:05d}{suffix}" for i in range(3) for suffix in (".errors.jsonl", ".jsonl")),
        "shards.json",
    ]
