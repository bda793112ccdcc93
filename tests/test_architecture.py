"""The house's rules, read from the code: layers, no circles, small folders, no reach-ins.

- The core (everything but ``gui``, ``cli``, ``server`` and ``store``) imports none of
  them; the server never imports the window or the command line; the command line never
  imports the window except to open it (``bookstore`` with no command); the store client
  and the server never import each other; only ``gui`` imports Qt.
- No module imports itself back through others, not even under ``TYPE_CHECKING``.
- No folder holds more than 15 modules besides its ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bookstore"
MOST_MODULES = 15


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _qt_importers() -> list[str]:
    found = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if "PySide6" in text and not name.startswith("bookstore.gui"):
            tree = ast.parse(text)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    names = [node.module] if isinstance(node, ast.ImportFrom) else []
                    names += [a.name for a in node.names]
                    if any(n and n.startswith("PySide6") for n in names):
                        found.append(name)
    return sorted(set(found))


def _area(name: str) -> str:
    if name == "bookstore.__main__":
        return "entry"
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in ("gui", "cli", "server", "store"):
        return parts[1]
    return "core"


# Which areas each area may import.
ALLOWED = {
    "core": {"core"},
    "store": {"core", "store"},
    "server": {"core", "server"},
    "cli": {"core", "store", "server", "cli"},
    "gui": {"core", "store", "gui"},
    "entry": {"cli"},
}
# The ``bookstore`` program is the command line, and with no command it opens the window.
PROGRAM_OPENS_THE_WINDOW = ("bookstore.cli.main", "bookstore.gui.app")


def test_imports_follow_the_layers():
    wrong = [
        f"{name} imports {target}"
        for name, targets in _graph().items()
        for target in targets
        if _area(target) not in ALLOWED[_area(name)] and (name, target) != PROGRAM_OPENS_THE_WINDOW
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_only_the_window_imports_qt():
    assert not _qt_importers()


def test_no_module_imports_itself_back():
    graph = _graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, left = stack[-1]
            if not left:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            target = left.pop()
            if state.get(target) == 1:
                circles.append([*path[path.index(target) :], target])
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, sorted(graph[target])))
    assert not circles, "\n".join(" -> ".join(c) for c in circles[:20])


@pytest.mark.parametrize(
    "folder",
    sorted({p.parent for p in PACKAGE.rglob("*.py")}),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_folder_holds_more_than_fifteen_modules(folder: Path):
    modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
    assert len(modules) <= MOST_MODULES, f"{folder.relative_to(ROOT)}: {len(modules)} modules"
