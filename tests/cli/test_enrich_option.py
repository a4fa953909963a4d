"""`warta extract --enrich` and `warta ingest --enrich`: annotations in the output and the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from tests.cli.conftest import cli_runner

from warta.cli import app
from warta.enrich import ANNOTATIONS
from warta.schema import article_schema

PAGE = (
    "Harga Beras Naik, Pemerintah Gelar Operasi Pasar\n\n"
    "JAKARTA, KOMPAS.com - Harga beras di pasar tradisional naik lagi pekan ini, kata pedagang.\n\n"
    "Harga beras medium kini Rp 14.000 per kilogram. Pasokan beras dari Jawa Tengah berkurang.\n\n"
    "Pemerintah menyiapkan operasi pasar untuk menekan harga beras, ujar seorang pejabat.\n\n"
    "Operasi pasar digelar di 20 titik mulai Senin.\n"
)


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "beras.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_extract_enrich_prints_annotations_that_follow_the_schema(tmp_path: Path) -> None:
    result = cli_runner().invoke(app, ["extract", str(_page(tmp_path)), "--enrich", "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert set(article["annotations"]) == set(ANNOTATIONS)
    keywords = [item["text"].lower() for item in article["annotations"]["keywords"]]
    assert keywords[0] == "harga beras" and "operasi pasar" in keywords
    jsonschema.validate(article, article_schema())
    paragraphs = [part["text"] for part in article["body"]]
    for name in ("entities", "quotes", "quantities", "dates"):
        for item in article["annotations"][name]:
            assert paragraphs[item["paragraph"]][item["start"] : item["end"]] == item["text"]


def test_extract_without_enrich_has_no_annotations(tmp_path: Path) -> None:
    result = cli_runner().invoke(app, ["extract", str(_page(tmp_path)), "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["annotations"] == {}


def test_an_options_file_may_turn_enrichment_on(tmp_path: Path) -> None:
    config = tmp_path / "options.toml"
    config.write_text("[extract]\nenrich = true\n", encoding="utf-8")
    result = cli_runner().invoke(app, ["extract", str(_page(tmp_path)), "--config", str(config), "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["annotations"]["keywords"]


def test_ingest_enrich_stores_annotations(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    args = ["ingest", str(_page(tmp_path)), "--db", str(db), "--workers", "1", "--enrich", "-q"]
    result = cli_runner().invoke(app, args)
    assert result.exit_code == 0, result.output
    exported = cli_runner().invoke(
        app, ["export", "--db", str(db), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl")]
    )
    assert exported.exit_code == 0, exported.output
    stored = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert stored["annotations"]["keywords"][0]["text"].lower() == "harga beras"


def test_help_shows_the_enrich_example() -> None:
    for command in ("extract", "ingest"):
        result = cli_runner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--enrich" in result.output


def test_python_dash_m_warta_runs_the_command_line() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "warta", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert "extract" in done.stdout
