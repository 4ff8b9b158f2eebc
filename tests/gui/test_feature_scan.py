"""PySide6 reads the source of the window's own modules only (ui/feature_scan.py): a module
outside hisconsole.ui is recorded as not using Qt, which is what reading it would find."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import hisconsole
from hisconsole.ui import feature_scan

PACKAGE = Path(hisconsole.__file__).parent


def _table() -> dict[str, int]:
    table = feature_scan._table()
    assert table is not None, "PySide6's feature table is gone: feature_scan.py does nothing"
    return table


def test_a_module_outside_the_window_is_loaded_without_reading_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "scan_probe.py").write_text("ANSWER = 42\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    read: list[str] = []
    real = inspect.getsource

    def getsource(obj: object) -> str:
        read.append(getattr(obj, "__name__", repr(obj)))
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", getsource)
    try:
        import scan_probe

        assert scan_probe.ANSWER == 42
        assert _table()["scan_probe"] == feature_scan.IGNORED
        assert "scan_probe" not in read
    finally:
        sys.modules.pop("scan_probe", None)
        _table().pop("scan_probe", None)


PROBE = """
import inspect, json, sys
read = []
real = inspect.getsource
def getsource(obj):
    read.append(obj.__name__)
    return real(obj)
inspect.getsource = getsource
import hisconsole.ui
read.clear()  # PySide6 read what it loaded with itself
from hisconsole.ui.help import HelpDialog
from sqlalchemy.orm import Session
from hisconsole.services.alerts import current
table = sys.modules["PySide6.support.feature"].pyside_feature_dict
names = ["hisconsole.ui.help", "sqlalchemy.orm", "hisconsole.services.alerts"]
print(json.dumps({"table": {n: table.get(n) for n in names}, "read": read}))
"""


def test_in_a_fresh_start_only_the_window_is_read() -> None:
    assert feature_scan.scanned("hisconsole.ui")
    assert feature_scan.scanned("hisconsole.ui.dashboard.page")
    assert feature_scan.scanned("PySide6.QtWidgets")
    assert not feature_scan.scanned("hisconsole.uix")
    assert not feature_scan.scanned("sqlalchemy.orm")
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout)
    assert report["table"] == {
        "hisconsole.ui.help": 0,  # read: it uses Qt
        "sqlalchemy.orm": feature_scan.IGNORED,
        "hisconsole.services.alerts": feature_scan.IGNORED,
    }
    assert "hisconsole.ui.help" in report["read"]
    assert not [name for name in report["read"] if not feature_scan.scanned(name)]


def test_no_module_outside_the_window_says_pyside6() -> None:
    """Reading them would record each as not using Qt: the same as not reading them."""
    saying = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert saying == []
