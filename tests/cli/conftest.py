"""Shared by the command-line tests."""

from __future__ import annotations

from typer.testing import CliRunner

from warta.cli import _register


def cli_runner() -> CliRunner:
    """A runner for `warta.cli.app` with every command registered, on a console wide enough that
    rich does not wrap long temporary paths in the summary."""
    _register()
    return CliRunner(env={"COLUMNS": "400"})
