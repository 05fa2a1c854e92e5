"""The core must stay usable without MkDocs (CLI, other engines)."""

from __future__ import annotations

import ast
from pathlib import Path

import mkdocs_diataxis.core

CORE = Path(mkdocs_diataxis.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_mkdocs() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(
            name for name in imported_modules(path) if name.split(".")[0] == "mkdocs"
        )
        for path in sorted(CORE.rglob("*.py"))
    }
    assert {path: names for path, names in offenders.items() if names} == {}
    assert len(offenders) >= 8  # the scan really saw the core's modules


def test_plugin_is_registered_as_diataxis() -> None:
    from importlib.metadata import entry_points

    (entry,) = entry_points(group="mkdocs.plugins", name="diataxis")
    assert entry.value == "mkdocs_diataxis.plugin:DiataxisPlugin"
