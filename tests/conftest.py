from __future__ import annotations

import shutil
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not available")
    return SHARED


def _compiler_available() -> bool:
    return shutil.which(str(sysconfig.get_config_var("CC") or "cc").split()[0]) is not None


@pytest.fixture(scope="session")
def require_compiled() -> Callable[[bool, str], None]:
    """`require_compiled(in_use, part)`: a compiled part's tests go on only where it is in use.
    Where a C compiler is present, a part not built (or set aside by its probe) fails them, so
    CI cannot fall back to pure Python unnoticed; without a compiler they are skipped."""

    def require(in_use: bool, part: str) -> None:
        if in_use:
            return
        if _compiler_available():
            pytest.fail(
                f"a C compiler is here but the compiled {part} is not built (pip install -e .) or disagrees"
            )
        pytest.skip(f"the compiled {part} is not built (no C compiler)")

    return require
