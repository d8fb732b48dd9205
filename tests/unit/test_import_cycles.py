"""No import cycle among the modules of the Python client or of any service: a cycle makes import
order matter and hides which module depends on which. (Go refuses cycles itself; the TypeScript
client checks its own in clients/typescript/test/imports.test.ts.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {
    "mrq": ROOT / "clients/python/mrq",
    "mrq_broker": ROOT / "services/broker/mrq_broker",
    "mrq_worker": ROOT / "services/worker/mrq_worker",
    "mrq_scheduler": ROOT / "services/scheduler/mrq_scheduler",
    "mrq_dashboard": ROOT / "services/dashboard-api/mrq_dashboard",
    "mrq_local": ROOT / "deploy/local/mrq_local",
}
GENERATED = "v1"  # protoc's stubs, not arranged by hand


def _module_name(package: str, root: Path, path: Path) -> str:
    parts = [package, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    nodes: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))
    return nodes


def import_graph(package: str, root: Path) -> dict[str, set[str]]:
    """Each module's imports of its own package's modules, deferred ones included. Imports under
    ``if TYPE_CHECKING:`` are left out: they never run, and they are how a module names a type
    of a module that imports it."""
    files = {
        _module_name(package, root, path): path
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] != GENERATED
    }
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in _runtime_nodes(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".")[: len(name.split(".")) - node.level + is_package]
                    base = ".".join([*anchor, base] if base else anchor)
                # `from pkg import module` imports the module; `from module import name`, the module.
                targets.update(
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base for alias in node.names
                )
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """The first cycle a depth-first walk meets, as a path ending where it starts; or None."""
    done: set[str] = set()

    def walk(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return [*trail[trail.index(node) :], node]
        if node in done:
            return None
        for target in sorted(graph[node]):
            if cycle := walk(target, [*trail, node]):
                return cycle
        done.add(node)
        return None

    for node in sorted(graph):
        if cycle := walk(node, []):
            return cycle
    return None


def test_a_cycle_is_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle(package: str) -> None:
    graph = import_graph(package, PACKAGES[package])
    assert sum(len(targets) for targets in graph.values()) > len(graph) // 2, "the scan found the imports"
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
