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

# Runs the console's own entry point with the given arguments, then prints what was loaded.
PROBE = """
import json, runpy, sys
sys.argv = ["hisconsole", *json.loads(sys.argv[1])]
try:
    runpy.run_module("hisconsole", run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _run(args: list[str], tmp_path: Path) -> tuple[str, int, set[str]]:
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
    return out, report["code"], set(report["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_the_window_shows_without_the_heavy_libraries(ready_data_dir: Path, tmp_path: Path):
    _out, code, modules = _run(
        ["--data-dir", str(ready_data_dir), "gui", "--quit-after-show"], tmp_path
    )
    assert code in (0, None)
    assert "hisconsole.ui.main_window" in modules  # the window was really built
    assert _heavy(modules) == []
    # Pages not shown yet are not even imported (the dashboard is shown first).
    assert "hisconsole.ui.dashboard.page" in modules
    hidden = ("plan", "contacts", "forms", "sync", "settings", "incident")
    assert [p for p in hidden if f"hisconsole.ui.{p}.page" in modules] == []


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


def test_the_settings_calling_codes_are_the_phone_librarys():
    phonenumbers = pytest.importorskip("phonenumbers")
    from hisconsole.ui.settings.page import CALLING_CODES, REGIONS

    assert set(CALLING_CODES) == set(REGIONS)
    for region, code in CALLING_CODES.items():
        assert phonenumbers.country_code_for_region(region) == code, region
