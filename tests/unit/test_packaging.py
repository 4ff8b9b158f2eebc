"""The packaging files agree with the program: spec, desktop entry, AppStream, installer, upgrade.

The frozen build itself is tested by .ci/build-frozen (it takes a minute); these
checks are fast and run with every test run.
"""

from __future__ import annotations

import ast
import configparser
import contextlib
import importlib.util
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import hisconsole
from hisconsole.store import db as store_db

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "hisconsole.spec"
APP_ID = "org.hisconsole.HISConsole"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ISS = PACKAGING / "windows" / "hisconsole.iss"
ICONS = ROOT / "resources" / "icons"
FIXTURES = ROOT / "tests" / "fixtures"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _launcher_name() -> str:
    scripts = _pyproject()["project"]["gui-scripts"]
    (name,) = scripts
    return str(name)


def _alembic_script_dirs() -> list[Path]:
    """The folders the program hands to Alembic as script_location."""
    found = []
    for source in sorted((ROOT / "hisconsole").rglob("*.py")):
        text = source.read_text("utf-8")
        for name in re.findall(
            r'"script_location",\s*str\(Path\(__file__\)\.parent\s*/\s*"([\w-]+)"\)', text
        ):
            found.append(source.parent / name)
    return found


# ----------------------------------------------------------------- the spec


def test_spec_parses_and_bundles_the_resources_and_every_alembic_script_directory() -> None:
    source = SPEC.read_text("utf-8")
    ast.parse(source, filename=str(SPEC))
    strings = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    # resources/ is bundled as _resources, where hisconsole.resources looks when frozen.
    assert {"resources", "_resources", "launch.py", "hisconsole"} <= strings
    assert '"hisconsole" / "store" / "migrations"' in source
    # The spec finds the Alembic directories by their env.py beside versions/:
    # every directory the program gives Alembic must be one.
    script_dirs = _alembic_script_dirs()
    assert ROOT / "hisconsole" / "store" / "migrations" in script_dirs
    for folder in script_dirs:
        assert (folder / "env.py").is_file(), folder
        assert (folder / "script.py.mako").is_file(), folder
        assert list((folder / "versions").glob("*.py")), folder
    assert 'rglob("env.py")' in source
    # A frozen app must never carry the test tools.
    for excluded in ("pytest", "hypothesis", "mypy", "ruff", "tests"):
        assert excluded in strings


def test_launcher_runs_the_same_entry_point_as_the_installed_program() -> None:
    tree = ast.parse((PACKAGING / "launch.py").read_text("utf-8"))
    imports = [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    entry = _pyproject()["project"]["gui-scripts"][_launcher_name()]
    module, _, function = str(entry).partition(":")
    assert (module, function) in imports


def _load_qt_trim() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "qt_trim", PACKAGING / "pyinstaller" / "qt_trim.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("dest", "name", "kept"),
    [
        ("PySide6/Qt/plugins/platforms", "libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms", "libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms", "qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms", "libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms", "libqeglfs.so", False),
        ("PySide6/Qt/plugins/printsupport", "libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/imageformats", "libqsvg.so", True),
        ("PySide6\\plugins\\imageformats", "qico.dll", True),
        ("PySide6/Qt/plugins/imageformats", "libqwebp.so", False),
        ("PySide6/Qt/plugins/iconengines", "libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes", "libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts", "libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts", "libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/multimedia", "libffmpegmediaplugin.so", False),
        ("PySide6/Qt/plugins/sqldrivers", "libqsqlite.so", False),
        ("PySide6/Qt/translations", "qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations", "qtbase_de.qm", False),
        ("PySide6/Qt/translations", "qtwebengine_zh_CN.qm", False),
        ("PySide6/Qt/lib", "libQt6Core.so.6", True),
    ],
)
def test_qt_trim_keeps_what_a_laptop_needs(dest: str, name: str, kept: bool) -> None:
    assert bool(_load_qt_trim().keep(dest, name)) is kept


def test_pyinstaller_hooks_are_valid_python() -> None:
    hooks = sorted((PACKAGING / "pyinstaller" / "hooks").glob("hook-*.py"))
    assert any(h.name == "hook-PySide6.QtGui.py" for h in hooks)
    for hook in hooks:
        ast.parse(hook.read_text("utf-8"), filename=str(hook))


# ------------------------------------------------- Linux desktop integration


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep key case
    parser.read_string(DESKTOP.read_text("utf-8"))
    return parser["Desktop Entry"]


def test_desktop_entry_is_bilingual_and_starts_the_program() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "HIS Console"
    assert entry["Name[zh_CN]"] == "医院信息系统应急指挥台"
    assert entry["Comment"] and entry["Comment[zh_CN]"]
    assert entry["Exec"].split()[0] == _launcher_name() == "hisconsole"
    assert entry["Icon"] == APP_ID
    assert "Office" in entry["Categories"].split(";")
    assert entry["Keywords"].endswith(";") and entry["Keywords[zh_CN]"].endswith(";")
    assert "医院" in entry["Keywords[zh_CN]"].split(";")
    assert entry["Terminal"] == "false"


def _run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(
            f"{command[0]} is not installed (Debian/Ubuntu: apt-get install "
            "desktop-file-utils appstream); .ci/build-frozen runs it"
        )
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = _run_validator("desktop-file-validate", str(DESKTOP))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error:" not in done.stdout + done.stderr


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _by_lang(root: ET.Element, tag: str) -> dict[str | None, str]:
    return {el.get(XML_LANG): (el.text or "").strip() for el in root.findall(tag)}


def test_metainfo_matches_the_desktop_entry_and_the_program() -> None:
    root = _metainfo()
    entry = _desktop_entry()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == DESKTOP.name.removesuffix(".desktop")
    assert METAINFO.name == f"{APP_ID}.metainfo.xml"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == entry["Exec"].split()[0]
    names = _by_lang(root, "name")
    assert names[None] == entry["Name"] and names["zh_CN"] == entry["Name[zh_CN]"]
    summaries = _by_lang(root, "summary")
    assert summaries[None] and summaries["zh_CN"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    license_ = _pyproject()["project"]["license"]["text"]
    assert root.findtext("project_license") == license_ == "Apache-2.0"
    assert root.find("content_rating") is not None
    assert root.find("developer/name") is not None
    description = root.find("description")
    assert description is not None and description.findall("p")
    releases = {r.get("version"): r.get("date") for r in root.findall("releases/release")}
    assert releases.get("0.1.0") == "2026-11-25"
    # A release bump must add its <release> entry.
    assert hisconsole.__version__ in releases


def test_metainfo_passes_appstreamcli_validate() -> None:
    done = _run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr


def test_icon_svg_and_its_bitmaps() -> None:
    svg = ET.parse(ICONS / "hisconsole.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 256 256"
    png = (ICONS / "hisconsole.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (PACKAGING / "windows" / "hisconsole.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= widths


# --------------------------------------------------------- Windows installer


def test_windows_installer_has_the_program_version_and_both_languages() -> None:
    text = ISS.read_text("utf-8-sig")
    match = re.search(r'^#define AppVersion "([^"]+)"', text, re.MULTILINE)
    assert match, "packaging/windows/hisconsole.iss has no #define AppVersion"
    assert match[1] == hisconsole.__version__, (
        f"packaging/windows/hisconsole.iss says {match[1]}, "
        f"hisconsole.__version__ is {hisconsole.__version__}: update the installer"
    )
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", text, re.MULTILINE)
    assert "ChineseSimplified.isl" in text
    assert re.search(r'^Name: "zh_CN"; MessagesFile:', text, re.MULTILINE)
    messages = re.findall(r"^(en|zh_CN)\.(\w+)=", text, re.MULTILINE)
    english = {name for lang, name in messages if lang == "en"}
    chinese = {name for lang, name in messages if lang == "zh_CN"}
    assert english == chinese and {"AppShortcut", "GroupName", "DataKept"} <= english
    assert "dist\\hisconsole" in text
    assert "hisconsole.exe" in text and "hisconsole-cli.exe" in text
    # The uninstaller removes only what it installed, never the user's data folder.
    assert not re.search(r"^\[UninstallDelete\]", text, re.MULTILINE)
    assert "{localappdata}" not in text and "{userappdata}" not in text


# ------------------------------------------------------------------- upgrade


def _event_ids(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as con:
        return [row[0] for row in con.execute("SELECT event_id FROM events ORDER BY event_id")]


def test_database_of_the_previous_release_upgrades_through_the_command_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    database = store_db.database_path(data)
    shutil.copy(FIXTURES / "db-schema-0001.sqlite3", database)
    database.chmod(0o600)
    before = _event_ids(database)
    assert before

    env = {k: v for k, v in os.environ.items() if not k.startswith("HISCONSOLE_")}
    # The fixture was kept without its laptop's device key: the user says so explicitly.
    new_identity = [sys.executable, "-m", "hisconsole", "--data-dir", str(data), "device"]
    subprocess.run([*new_identity, "new-identity"], env=env, check=True, capture_output=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "hisconsole", "--data-dir", str(data), "check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("OK:")

    backups = list((data / "backups").glob("before-migration-0001-*.sqlite3"))
    assert len(backups) == 1
    assert _event_ids(backups[0]) == before
    with contextlib.closing(sqlite3.connect(database)) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == store_db.SCHEMA_HEAD
    assert _event_ids(database) == before
