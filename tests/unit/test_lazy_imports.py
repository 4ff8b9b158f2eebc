"""Start-up stays lazy: the window and the light CLI commands do not load libraries they
do not use (PDF, hub, phone, spreadsheet libraries) — each costs tens of milliseconds at
every start. Each case runs in a fresh process and reads its ``sys.modules``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hisconsole.services import incidents
from hisconsole.services.console import Console

ROOT = Path(__file__).resolve().parents[2]

#: Loaded only by the page or command that needs them.
HEAVY = (
    "reportlab",
    "pypdf",
    "psycopg",
    "psycopg2",
    "sqlalchemy.dialects.postgresql",
    "phonenumbers",
    "openpyxl",
    "charset_normalizer",
    "segno",
    "yaml",
)

# Runs the console's own entry point with the given arguments, then prints what was loaded
# (and, for the window, what was loaded when it first painted: ``gui --quit-when-ready``
# prints "painted" then).
PROBE = """
import builtins, json, runpy, sys
painted = []
say = builtins.print
def marks(*args, **kwargs):
    if args and str(args[0]).startswith("painted") and not painted:
        painted.extend(sys.modules)
    say(*args, **kwargs)
builtins.print = marks
sys.argv = ["hisconsole", *json.loads(sys.argv[1])]
try:
    runpy.run_module("hisconsole", run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
report = {"code": code, "modules": sorted(sys.modules), "painted": sorted(painted)}
say("\\nMODULES " + json.dumps(report))
"""


def _run(args: list[str], tmp_path: Path) -> tuple[str, int, set[str]]:
    out, code, modules, _painted = _run_painted(args, tmp_path)
    return out, code, modules


def _run_painted(args: list[str], tmp_path: Path) -> tuple[str, int, set[str], set[str]]:
    """The output, exit code, modules loaded at the end and at the first paint."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=tmp_path,  # not the repository: the code under test comes from PYTHONPATH
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    out, _, tail = done.stdout.rpartition("\nMODULES ")
    report = json.loads(tail)
    return out, report["code"], set(report["modules"]), set(report["painted"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_the_window_shows_without_the_heavy_libraries(ready_data_dir: Path, tmp_path: Path):
    console = Console.open(ready_data_dir)
    try:
        console.sign_in("Wang Fang", "it-duty")
        incidents.declare(console, level="I", title="HIS down")  # the 3 a.m. dashboard
    finally:
        console.close()
    out, code, modules, painted = _run_painted(
        ["--data-dir", str(ready_data_dir), "gui", "--quit-when-ready"], tmp_path
    )
    assert code in (0, None)
    assert "painted" in out and "ready" in out
    # It paints the first look before the database layer (and the device key) is loaded.
    assert "hisconsole.ui.dashboard.first_look" in painted
    early = ("sqlalchemy", "cryptography", "hisconsole.store.db", "hisconsole.services.console")
    assert [m for m in early if any(p == m or p.startswith(m + ".") for p in painted)] == []
    assert "hisconsole.ui.main_window" in modules  # the window was really built
    assert _heavy(modules) == []
    # Pages not shown yet are not even imported (the dashboard is shown first).
    assert "hisconsole.ui.dashboard.page" in modules
    hidden = ("plan", "contacts", "forms", "sync", "settings", "incident")
    assert [p for p in hidden if f"hisconsole.ui.{p}.page" in modules] == []
    # Nor what the first read needs only when there is something to say: the printing and
    # forms services (a print job that failed, paper counted), the devices (a conflict), the
    # key files' formats (a trust list being signed or a key read); nor the contacts' rules,
    # parsers and exporters (the call-outs read the stored rows: services/contact_rows.py).
    later = (
        "hisconsole.services.contacts",
        "hisconsole.domain.contacts",
        "hisconsole.services.printers",
        "hisconsole.services.forms",
        "hisconsole.domain.forms",
        "cryptography.hazmat.primitives.serialization",
    )
    assert [m for m in later if m in modules] == []
    # The command line's groups are not built for the window (hisconsole/cli/entry.py _scout).
    parser = ("hisconsole.cli", "hisconsole.cli.entry", "hisconsole.cli.options")
    cli = [m for m in painted if m.startswith("hisconsole.cli") and m not in parser]
    assert cli == ["hisconsole.cli.output"]


def test_version_loads_neither_the_gui_nor_the_database(tmp_path: Path):
    out, code, modules = _run(["--version"], tmp_path)
    assert code in (0, None)
    assert out.startswith("hisconsole ")
    assert not any(m.split(".")[0] in ("PySide6", "sqlalchemy") for m in modules)
    assert _heavy(modules) == []


def test_logging_an_entry_loads_no_gui_and_no_heavy_library(ready_data_dir: Path, tmp_path: Path):
    console = Console.open(ready_data_dir)
    try:
        console.sign_in("Wang Fang", "it-duty")
        incident, _changes = incidents.declare(console, level="II", title="HIS down")
    finally:
        console.close()
    args = ["--data-dir", str(ready_data_dir), "--operator", "Li Na", "--role", "scribe"]
    out, code, modules = _run([*args, "incident", "log", incident, "runner sent"], tmp_path)
    assert code in (0, None)
    assert "Logged as entry" in out
    assert not any(m.split(".")[0] == "PySide6" for m in modules)
    assert _heavy(modules) == []
    # Appended on sqlite3 directly (services/quick_log.py): the database layer (SQLAlchemy,
    # the models, Alembic) costs this command several times its write.
    assert [m for m in modules if m.split(".")[0] in ("sqlalchemy", "alembic")] == []
    assert "hisconsole.store.models" not in modules
    # It signs and checks no signature: libsodium (PyNaCl, the checker) stays out.
    assert [m for m in modules if m.split(".")[0] == "nacl"] == []


def test_the_settings_calling_codes_are_the_phone_librarys():
    phonenumbers = pytest.importorskip("phonenumbers")
    from hisconsole.ui.settings.page import CALLING_CODES, REGIONS

    assert set(CALLING_CODES) == set(REGIONS)
    for region, code in CALLING_CODES.items():
        assert phonenumbers.country_code_for_region(region) == code, region
