"""The shape of the package: a core free of MkDocs and of the glue, no import cycles, no
module too long to read, and one contract for every rule family."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import mkdocs_diataxis
from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.examples import check_example
from mkdocs_diataxis.core.registry import FAMILIES, RULES

PACKAGE = Path(mkdocs_diataxis.__file__).parent
GLUE = ("plugin", "cli", "config", "session", "status", "workers")
"""Modules and packages that sit on top of the core (MkDocs, processes, the CLI)."""


def module_name(path: Path) -> str:
    parts = ["mkdocs_diataxis", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (in functions too): ``from a import
    b`` names ``a.b`` when that is a module of the package, else ``a``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                names.add(submodule if submodule in MODULES else node.module)
    return names


def test_core_never_imports_mkdocs_or_the_glue() -> None:
    core = {name: path for name, path in MODULES.items() if name.startswith("mkdocs_diataxis.core")}
    glue = tuple(f"mkdocs_diataxis.{name}" for name in GLUE)
    offenders = {
        name: sorted(
            imported
            for imported in imported_modules(path)
            if imported.split(".")[0] == "mkdocs" or imported.startswith(glue)
        )
        for name, path in core.items()
    }
    assert {name: found for name, found in offenders.items() if found} == {}
    assert len(core) >= 20  # the scan really saw the core's modules


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules that has one."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def import_graph() -> dict[str, set[str]]:
    return {
        name: {imported for imported in imported_modules(path) if imported in MODULES}
        for name, path in MODULES.items()
    }


def test_no_module_imports_itself_back() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_is_too_long_to_read() -> None:
    lengths = {name: len(path.read_text("utf-8").splitlines()) for name, path in MODULES.items()}
    assert {name: lines for name, lines in lengths.items() if lines > 500} == {}


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.__name__)
def test_every_rule_family_has_the_same_contract(family: object) -> None:
    name = getattr(family, "__name__", "").rsplit(".", 1)[-1]
    rules = getattr(family, "RULES", None)
    assert isinstance(rules, tuple)
    assert rules
    assert all(rule.family == name for rule in rules)
    check = getattr(family, "check", None)
    assert callable(check)
    parameters = list(inspect.signature(check, eval_str=True).parameters.values())
    assert [(p.name, p.annotation) for p in parameters] == [("ctx", PageContext)]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_example_triggers_exactly_that_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    found = check_example(rule).findings
    assert found
    assert {finding.rule for finding in found} == {rule_id}


def test_plugin_is_registered_as_diataxis() -> None:
    from importlib.metadata import entry_points

    (entry,) = entry_points(group="mkdocs.plugins", name="diataxis")
    assert entry.value == "mkdocs_diataxis.plugin:DiataxisPlugin"
