"""Layers point one way: only hisconsole.ui may import PySide6, ui/ reaches the rest only
through services/, and no module imports itself back through others (no import circles)."""

from __future__ import annotations

import ast
from pathlib import Path

import hisconsole

PACKAGE = Path(hisconsole.__file__).parent
QT_FREE = ("domain", "store", "services", "printing", "sync", "spool")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_qt_free_packages_never_import_pyside6() -> None:
    offenders = []
    for package in QT_FREE:
        for path in (PACKAGE / package).rglob("*.py"):
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_lower_layers_never_import_the_ui_or_services() -> None:
    offenders = []
    for package in ("domain", "store", "printing", "sync", "spool"):
        for path in (PACKAGE / package).rglob("*.py"):
            bad = {
                n for n in _imports(path) if n.startswith(("hisconsole.ui", "hisconsole.services"))
            }
            if bad:
                offenders.append((str(path.relative_to(PACKAGE)), sorted(bad)))
    assert offenders == []


def test_domain_does_no_io_or_database_work() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        imported = {n.split(".")[0] for n in _imports(path)}
        assert not imported & {"sqlalchemy", "sqlite3", "PySide6", "os", "pathlib"}, path


def test_the_print_system_adapters_stand_alone() -> None:
    """spool/ talks to CUPS or the Windows spooler and knows nothing of the console."""
    for path in (PACKAGE / "spool").rglob("*.py"):
        inner = {n for n in _imports(path) if n.startswith("hisconsole")}
        allowed = ("hisconsole.spool", "hisconsole.errors")
        assert all(n.startswith(allowed) or n == "hisconsole" for n in inner), path


def test_no_module_uses_another_modules_private_names() -> None:
    """What several modules share is public (e.g. services/incident_rows.py), not a
    ``_helper`` imported across files."""
    modules = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    }
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in modules:
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        offenders.append((str(path.relative_to(PACKAGE)), node.module, alias.name))
                    if f"{node.module}.{alias.name}" in modules:
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules and alias.asname:
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                offenders.append(
                    (str(path.relative_to(PACKAGE)), aliases[node.value.id], node.attr)
                )
    assert offenders == []


# -- the module graph -------------------------------------------------------------------------

# Packages ui/ may not import directly: it asks services/ (which owns the transaction, the
# change set and the error a user can act on).
BEHIND_SERVICES = ("store", "sync", "printing")


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:
            continue
        modules[".".join(relative.parts).removesuffix(".__init__")] = path
    return modules


def _graph() -> dict[str, set[str]]:
    """Each hisconsole module and the hisconsole modules it imports (also inside functions:
    an import deferred to break a circle is still a circle). ``from package import name``
    counts as importing the submodule where ``name`` is one."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        # A module importing its own package (the package's face) is no circle.
        graph[module] = {
            t for t in targets if t in modules and t != module and not module.startswith(t + ".")
        }
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    return circles


def test_no_import_circles() -> None:
    assert _circles(_graph()) == []


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]


def test_ui_reaches_store_sync_and_printing_only_through_services() -> None:
    offenders = sorted(
        (module, target)
        for module, targets in _graph().items()
        if module.startswith("hisconsole.ui")
        for target in targets
        if target.split(".")[1] in BEHIND_SERVICES
    )
    assert offenders == []
