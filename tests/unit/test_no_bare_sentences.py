"""No refusal below ui/ is a ready English sentence: a family error (ServiceError,
BundleError, …) is raised with a template marked ``N_()`` and its fields as keywords, so
the catalogue can word it in Chinese (docs/translating.md). A new ``raise
ServiceError(f"…")`` fails here."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import hisconsole
from hisconsole.errors import KnownError

PACKAGE = Path(hisconsole.__file__).parent


def _families() -> set[str]:
    """The error classes whose message is whatever the caller passes."""
    names = set()
    for info in pkgutil.walk_packages(hisconsole.__path__, "hisconsole."):
        if ".ui" in info.name or "migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if (
                inspect.isclass(cls)
                and issubclass(cls, KnownError)
                and cls.template == "{message}"
                and cls.__init__ is KnownError.__init__
            ):
                names.add(name)
    return names


def _bare(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_family_errors_are_raised_with_a_catalogue_template() -> None:
    families = _families()
    assert {"ServiceError", "BundleError", "TrustError"} <= families
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1] or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in families and _bare(node.args[0]):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == [], "use N_(template) and keywords: " + ", ".join(offenders)


def test_the_scan_finds_a_bare_sentence() -> None:
    call = ast.parse('raise ServiceError(f"No such thing {x}.")').body[0]
    assert isinstance(call, ast.Raise) and isinstance(call.exc, ast.Call)
    assert _bare(call.exc.args[0])
    marked = ast.parse('raise ServiceError(N_("No such thing {x}."), x=x)').body[0]
    assert isinstance(marked, ast.Raise) and isinstance(marked.exc, ast.Call)
    assert not _bare(marked.exc.args[0])
