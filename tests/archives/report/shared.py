"""The shared evaluation data beside the project (``../shared``), for the tests that read it when it is there.

It is never copied into the project: a test that needs it skips, saying
loudly why, on a machine without it (CI has it; a user's clone does not).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def shared_file(relative: str) -> Path:
    """A file of ``../shared``, or a skip that says it is missing and what is then untested."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"NOT TESTED: {path} is missing (the shared evaluation data, beside the project in CI); this test reads it there")
    return path


def scorer_norm() -> Callable[[str], str]:
    """The shared scorer's own ``norm`` (``../shared/eval/score.py``), loaded from its file."""
    spec = importlib.util.spec_from_file_location("shared_score", shared_file("eval/score.py"))
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    norm: Callable[[str], str] = module.norm
    return norm
