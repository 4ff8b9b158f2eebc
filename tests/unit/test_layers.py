"""Layers point one way: only hisconsole.ui may import PySide6."""

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
