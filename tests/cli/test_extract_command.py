"""`warta extract` against a user's mistakes: a clear message and exit code, no traceback."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.cli.conftest import cli_runner
from tests.corpus.conftest import paragraph

from warta.cli import app
from warta.errors import ConfigError
from warta.options import ExtractOptions

PAGE = (
    "<html><body><article><h1>Harga beras naik</h1>"
    + "<p>Harga beras di pasar tradisional Medan naik dua ribu rupiah per kilogram sejak awal pekan,"
    " kata pedagang kepada wartawan pada Selasa.</p>" * 4 + "</article></body></html>"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "beras.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[extract\n", "cannot read options file"),
        ("[extract]\nbogus = 1\n", "unknown option(s)"),
        ('[extract]\ntimeout_s = "x"\n', "timeout_s"),
        ("[extract]\nlanguages = 5\n", "languages"),
        ('[extract]\ninclude_labels = "yes"\n', "include_labels"),
    ],
)
def test_a_bad_options_file_is_a_usage_error(tmp_path: Path, page: Path, toml: str, message: str) -> None:
    config = tmp_path / "options.toml"
    config.write_text(toml, encoding="utf-8")
    result = cli_runner().invoke(app, ["extract", str(page), "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_options_file_is_a_usage_error(tmp_path: Path, page: Path) -> None:
    result = cli_runner().invoke(app, ["extract", str(page), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2, result.output
    assert "cannot read options file" in result.output


def test_options_of_the_right_types_load(tmp_path: Path) -> None:
    config = tmp_path / "options.toml"
    config.write_text(
        '[extract]\nlanguages = ["id"]\ntimeout_s = 5\nbody_threshold = 0.6\ninclude_labels = true\n'
        "reference = 2025-05-02T10:00:00\n",
        encoding="utf-8",
    )
    options = ExtractOptions.from_toml(config)
    assert options.languages == ("id",) and options.timeout_s == 5 and options.include_labels
    config.write_text("[extract]\nmax_chars = 1.5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max_chars"):
        ExtractOptions.from_toml(config)


@pytest.mark.parametrize("output", ["missing-dir/out.json", "beras.html/out.json", "beras.html/pages"])
def test_an_output_that_cannot_be_written_is_reported(page: Path, output: str) -> None:
    result = cli_runner().invoke(app, ["extract", str(page), "-o", str(page.parent / output)])
    assert result.exit_code == 2, result.output
    assert "cannot write to" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_page_file_that_cannot_be_written_stops_the_batch_with_a_message(
    tmp_path: Path, page: Path
) -> None:
    out = tmp_path / "out"
    (out / "00000-beras.json").mkdir(parents=True)  # where the page's file would go
    result = cli_runner().invoke(app, ["extract", str(page), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "cannot write the output of" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_partial_result_is_named_in_the_summary_of_text_output(tmp_path: Path) -> None:
    # Text and Markdown carry no warnings: a truncated page was reported as simply "extracted".
    whole = gzip.compress(PAGE.encode() * 2)
    cut = tmp_path / "beras.html.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    result = cli_runner().invoke(app, ["extract", str(cut), "-f", "text"])
    assert result.exit_code == 0, result.output
    assert "1 extracted, 0 failed" in result.stderr
    assert "1 extracted with warnings" in result.stderr
    assert f"{cut}: truncated gzip" in result.stderr


def test_an_output_file_that_is_an_input_is_refused_and_the_input_kept(page: Path) -> None:
    result = cli_runner().invoke(app, ["extract", str(page), "-o", str(page.parent / "." / page.name)])
    assert result.exit_code == 2, result.output
    assert "it is one of the inputs" in result.output
    assert page.read_text(encoding="utf-8") == PAGE


def test_an_output_file_inside_an_input_directory_is_not_read_back(tmp_path: Path) -> None:
    # It was: each article written came back as a JSONL record to extract again.
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i in range(30):
        (crawl / f"{i:02d}.html").write_text(PAGE.replace("Medan", f"Medan {i}"), encoding="utf-8")
    out = crawl / "zz-articles.jsonl"
    result = cli_runner().invoke(app, ["extract", str(crawl), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "30 extracted, 0 failed" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_negative_time_limit_is_a_usage_error(tmp_path: Path, page: Path, command: str) -> None:
    # It was taken silently for "no limit".
    corpus = ["--db", str(tmp_path / "c.db")] if command == "ingest" else []
    result = cli_runner().invoke(app, [command, str(page), "--timeout", "-1", *corpus])
    assert result.exit_code == 2, result.output
    assert "--timeout" in result.output


def _article_page(i: int, paragraphs: int = 4) -> str:
    rng = random.Random(i)
    body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(paragraphs))
    return (
        f"<html><body><article><h1>Harga beras naik di pasar {i}</h1>"
        "<p>Kata pedagang \u201cSiti\u201d kepada wartawan pada Selasa\u2028malam, harga naik lagi.</p>"
        f"{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    "names",
    [
        ["a.html"],
        ["a.html", "empty.html"],
        ["a.html", "b.html", "c\u2028x.html"],
        ["empty.html"],
        ["b.html", "empty.html", "c\u2028x.html"],
    ],
)
def test_json_output_is_the_json_of_the_whole_batch(tmp_path: Path, names: list[str]) -> None:
    # The array is now written an article at a time: its bytes must be those of json.dumps of the
    # whole list (or of the lone article when nothing failed), as when it was held in memory.
    # (A raw U+2028 in the output, from a file name, is a line break to str.splitlines.)
    for i, name in enumerate(["a.html", "b.html", "c\u2028x.html"]):
        (tmp_path / name).write_text(_article_page(i), encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    inputs = [str(tmp_path / name) for name in names]
    lines = tmp_path / "out.jsonl"
    cli_runner().invoke(app, ["extract", *inputs, "-f", "jsonl", "-o", str(lines), "-q"])
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").split("\n") if line]
    articles = [record for record in records if "error" not in record]
    data: object = articles[0] if len(articles) == 1 and len(records) == 1 else articles
    out = tmp_path / "out.json"
    result = cli_runner().invoke(app, ["extract", *inputs, "-o", str(out), "-q"])
    assert result.exit_code == (0 if articles else 1), result.output
    assert out.read_text(encoding="utf-8") == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_json_output_is_written_while_the_batch_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The whole batch was held in memory and written at the end.
    from warta.cli import extract as extract_module

    for i in range(5):
        (tmp_path / f"{i}.html").write_text(_article_page(i, paragraphs=60), encoding="utf-8")
    out = tmp_path / "out.json"
    written: list[int] = []
    reader = extract_module.read_paths

    def watched(*args: object, **kwargs: object) -> Iterator[object]:
        for item in reader(*args, **kwargs):  # type: ignore[arg-type]
            written.append(out.stat().st_size if out.exists() else 0)
            yield item

    monkeypatch.setattr(extract_module, "read_paths", watched)
    result = cli_runner().invoke(app, ["extract", str(tmp_path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert len(written) == 5 and written[-1] > 0, written
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 5


def test_a_dump_s_own_date_and_id_fields_are_read(tmp_path: Path) -> None:
    # A crawl dump names its fetch date and id its own way ("timestamp", "doc"): the fetch date is
    # the reference a dateline's day and month ("Rabu (29/4)") get their year from.
    text = "\n".join(
        [
            "Kabar Contoh",
            "Harga beras naik di Medan",
            "Medan, Rabu (29/4) - Harga beras di pasar tradisional Medan naik dua ribu rupiah per"
            " kilogram sejak awal pekan, kata pedagang kepada wartawan.",
            "Para pedagang mengatakan pasokan berkurang karena panen yang terlambat dan cuaca buruk di"
            " beberapa daerah penghasil beras di Sumatera Utara.",
        ]
    )
    record = {"doc": "a-17", "link": "https://kabar.example/1", "timestamp": "2020-05-01T08:00:00+07:00"}
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({**record, "content": text}) + "\n", encoding="utf-8")
    args = [
        "--text-field",
        "content",
        "--url-field",
        "link",
        "--date-field",
        "timestamp",
        "--id-field",
        "doc",
    ]
    result = cli_runner().invoke(app, ["extract", str(dump), *args, "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout.splitlines()[0])
    assert article["published"]["value"] == "2020-04-29"
    assert article["source"].endswith("#a-17")
