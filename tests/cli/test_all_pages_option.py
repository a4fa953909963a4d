"""`warta ingest --all-pages`: the option reaches the page worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.conftest import cli_runner

from warta.cli import app
from warta.run import ingest as ingest_module


def test_help_shows_the_option() -> None:
    result = cli_runner().invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    assert "--all-pages" in result.output


@pytest.mark.parametrize("flag", [True, False])
def test_the_option_reaches_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    seen = []
    real = ingest_module.PageWorker

    def worker(options: object = None, all_pages: bool = False) -> object:
        seen.append(all_pages)
        return real(options, all_pages)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "PageWorker", worker)
    page = tmp_path / "a.txt"
    page.write_text(
        "Banjir surut\n\nAir di Semarang mulai surut pada Senin pagi, kata petugas.\n", encoding="utf-8"
    )
    args = ["ingest", str(page), "--db", str(tmp_path / "c.db"), "--workers", "1", "-q"]
    result = cli_runner().invoke(app, [*args, "--all-pages"] if flag else args)
    assert result.exit_code == 0, result.output
    assert seen == [flag]
