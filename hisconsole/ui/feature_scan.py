"""PySide6's feature scan, spared for modules that do not use Qt.

Once PySide6 is imported it replaces ``__import__`` (for its opt-in ``from __feature__
import snake_case``) and, after every module imported from then on, reads that
module's whole source file (``inspect.getsource``) to see whether it says "PySide6":
"uses Qt" records 0 in its table of modules, anything else -1 ("ignore this module").
After the window's first paint the console loads SQLAlchemy, the models and the
services: ~300 modules, ~50 ms of reading source at every start.

Only this package imports Qt (tests/unit/test_layers.py), so every other module would
be recorded -1 anyway. ``spare_the_scan`` records that for the modules loaded already and,
before it is loaded, for every later one; PySide6 then skips them. Nothing here selects a
feature, so the table's entries change nothing else. Without PySide6's table (another
PySide6 version) nothing is done.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

#: The modules whose source PySide6 still reads: Qt's own, and this package.
SCANNED = ("PySide6", "shiboken6", "__feature__", __package__ or "hisconsole.ui")
#: PySide6's value for "this module does not use Qt".
IGNORED = -1


def _table() -> dict[str, int] | None:
    import PySide6.QtCore  # noqa: F401  (installs the scan and its table)

    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def scanned(name: str) -> bool:
    """True for the modules whose source PySide6 still reads."""
    return any(name == top or name.startswith(f"{top}.") for top in SCANNED)


class _Spare:
    """A finder that finds nothing: it records a module outside ``SCANNED`` as not using
    Qt before the real finders load it."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if not scanned(fullname):
            self.table.setdefault(fullname, IGNORED)
        return None


def spare_the_scan() -> None:
    """From now on PySide6 reads the source of ``SCANNED`` modules only (once per process)."""
    if any(isinstance(finder, _Spare) for finder in sys.meta_path):
        return
    table = _table()
    if table is None:
        return
    # Modules loaded already are read when next imported by name (``import re``).
    for name in list(sys.modules):
        if not scanned(name):
            table.setdefault(name, IGNORED)
    sys.meta_path.insert(0, _Spare(table))
