"""The package's layout: its modules import each other without a circle.

Every import counts, wherever it stands (at the top of a module, inside a function, under
``TYPE_CHECKING``): a circle that only bites at run time, or only for the type checker, is
still a circle a reader has to untangle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "disclosure_parser"
ROOT = Path(__file__).resolve().parents[1] / "src" / PACKAGE


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by the name of its folder)."""
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *(target.split(".") if target else [])])


def _imports(module: str, path: Path) -> Iterator[str]:
    """The package's modules that *module* imports."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            origin = (
                _resolve(module, is_package, node.level, node.module)
                if node.level
                else node.module or ""
            )
            # `from pkg import sub` imports the submodule; `from pkg import name`, pkg itself
            names = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in MODULES else origin
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            while name and name not in MODULES:  # `import a.b.c` imports a.b.c
                name = name.rpartition(".")[0]
            if name.startswith(PACKAGE) and name != module:
                yield name


GRAPH = {module: sorted(set(_imports(module, path))) for module, path in MODULES.items()}


def _circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def floors(graph: dict[str, list[str]]) -> dict[str, int]:
    """Each module's floor: 1 for a module importing none of the package, else one more than
    the highest floor it imports (the package's own ``__init__`` left out, since it imports
    everything to show the public names)."""
    memo: dict[str, int] = {}

    def floor(node: str) -> int:
        if node not in memo:
            below = [floor(n) for n in graph[node] if n != PACKAGE]
            memo[node] = 1 + max(below, default=0)
        return memo[node]

    return {node: floor(node) for node in graph if node != PACKAGE}


def test_the_checker_sees_a_circle() -> None:
    """The circle finder reports a circle of three modules, and nothing in a chain."""
    assert _circles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert _circles({"a": ["b"], "b": ["c"], "c": []}) == []


def test_the_checker_reads_every_kind_of_import() -> None:
    """Function-level, TYPE_CHECKING and `from . import sub` imports are all edges."""
    assert "disclosure_parser.output.display" in GRAPH["disclosure_parser"]  # in a function
    assert "disclosure_parser.core.views" in GRAPH["disclosure_parser.core.model"]
    assert "disclosure_parser.validation.narrative" in GRAPH["disclosure_parser.validation"]


def test_no_import_circle() -> None:
    """No module of the package imports, directly or through others, a module that imports it."""
    assert _circles(GRAPH) == []


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("core", "parsing"),
        ("core", "readers"),
        ("core", "validation"),
        ("core", "output"),
        ("parsing", "readers"),
        ("parsing", "validation"),
        ("parsing", "output"),
        ("readers", "validation"),
        ("readers", "output"),
        ("validation", "output"),
    ],
)
def test_stages_import_only_downwards(lower: str, upper: str) -> None:
    """A stage of the pipeline never imports a later one: core < parsing < readers <
    validation < output."""
    upward = [
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith(f"{PACKAGE}.{lower}")
        for target in targets
        if target.startswith(f"{PACKAGE}.{upper}")
    ]
    assert upward == []
