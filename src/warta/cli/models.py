"""`warta models`: compile the shipped classifier models to machine code, or show what is compiled."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from warta.classify.compiled import CompileError, cache_dir, compiled_path, lleaves_available, load_compiled
from warta.cli import app

_EXAMPLES = """[b]Examples[/b]

  warta models                    # which models are compiled for this machine

  warta models --compile          # compile the missing ones (seconds each, once per machine)

  WARTA_CACHE_DIR=/data/cache warta models --compile    # somewhere other than ~/.cache/warta
"""


def _model_files() -> list[Path]:
    folder = resources.files("warta.classify") / "models"
    return sorted(Path(str(folder / entry.name)) for entry in folder.iterdir() if entry.name.endswith(".txt"))


@app.command("models", epilog=_EXAMPLES)
def models_command(
    compile_missing: Annotated[
        bool, typer.Option("--compile", help="Compile the models that have no compiled copy yet.")
    ] = False,
) -> None:
    """The block classifier's models, compiled to machine code for faster scoring.

    warta scores blocks with LightGBM; with the optional `lleaves` package installed
    (pip install 'warta\\[fast]'), each model can be compiled once per machine into the
    cache directory, and extraction then uses the compiled copy (same probabilities,
    several times faster). Without a compiled copy, LightGBM is used.
    """
    out = Console()
    if not lleaves_available():
        out.print(
            "lleaves is not installed: models are scored by LightGBM (pip install 'warta[fast]').",
            markup=False,
        )
        raise typer.Exit(code=1 if compile_missing else 0)
    out.print(f"cache: {cache_dir() / 'models'}")
    failed = False
    for path in _model_files():
        name = path.name.removesuffix(".txt")
        text = path.read_text(encoding="utf-8")
        target = compiled_path(text, name)
        if target.exists():
            out.print(f"  {name}: compiled")
        elif compile_missing:
            start = time.perf_counter()
            try:
                with out.status(f"compiling {name}…"):
                    load_compiled(path, name, compile_missing=True, model_text=text)
            except CompileError as exc:
                out.print(f"  {name}: failed ({exc}); LightGBM is used", markup=False, highlight=False)
                failed = True
                continue
            out.print(f"  {name}: compiled now ({time.perf_counter() - start:.0f} s)")
        else:
            out.print(f"  {name}: not compiled (LightGBM is used; `warta models --compile`)")
    if failed:
        raise typer.Exit(code=1)
