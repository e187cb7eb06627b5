"""The house's plan holds: every module imports only its own package and the layers below it.

From the bottom: the engine with the settings and the spaCy loader; the door
(``service.intake``); the web layer and the archives, side by side (neither
imports the other); the command line and the client on top. Imports are read
with ``ast`` (those inside functions and ``TYPE_CHECKING`` blocks included), so
a lazy import cannot hide a dependency that runs the wrong way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parent.parent / "service"
LAYERS: tuple[tuple[str, ...], ...] = (
    ("service.attribution", "service.config", "service.nlp"),
    ("service.intake",),
    ("service.web", "service.archives"),
    ("service.cli", "service.client"),
)
"""Bottom first; a module may import any module of its own layer or of a lower one..."""
SIDE_BY_SIDE = frozenset({"service.web", "service.archives"})
"""...except that these two, both entries above the door, never import each other."""


def place(module: str) -> tuple[int, str]:
    """The layer of a module of ``service`` and the package it belongs to."""
    for level, packages in enumerate(LAYERS):
        for package in packages:
            if module == package or module.startswith(package + "."):
                return level, package
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def module_name(path: Path) -> str:
    parts = path.relative_to(SERVICE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """Every ``service`` module ``path`` imports, with the line, ``from service import x`` as ``service.x``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("service.")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "service":
                found += [(node.lineno, f"service.{alias.name}") for alias in node.names]
            elif node.module.startswith("service."):
                found.append((node.lineno, node.module))
    return found


MODULES = sorted(path for path in SERVICE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_no_module_imports_upward_or_sideways(path: Path) -> None:
    here = module_name(path)
    if here == "service":
        return
    level, package = place(here)
    wrong = [
        f"line {line}: {target}"
        for line, target in imported(path)
        if place(target)[0] > level or (package in SIDE_BY_SIDE and place(target)[1] in SIDE_BY_SIDE - {package})
    ]
    assert not wrong, f"{here} (layer {level}) imports above or beside it: {wrong}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("def later():\n    from service.web.app import create_app\n", encoding="utf-8")
    [(line, target)] = imported(module)
    assert (line, target) == (2, "service.web.app") and place(target)[0] > place("service.intake.door")[0]
    assert place("service.archives.rows") == (2, "service.archives") != place("service.web.routes")
