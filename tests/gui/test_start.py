"""Starting the GUI: the first start initialises the console; a broken one is explained."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from hisconsole.services import first_look
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.store.db import DB_FILENAME
from hisconsole.sync.identity import KEY_FILENAME
from hisconsole.ui.app import SETTINGS_FILE, run

from .conftest import english_settings

REPO = Path(__file__).resolve().parents[2]


def hisconsole(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("HISCONSOLE_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "hisconsole", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_first_start_creates_a_working_console(data_dir: Path) -> None:
    done = hisconsole("--data-dir", str(data_dir), "gui", "--quit-after-show")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (data_dir / DB_FILENAME).is_file()
    assert (data_dir / SETTINGS_FILE).is_file()  # the window saved its geometry

    check = hisconsole("--data-dir", str(data_dir), "--json", "check")
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["ok"] is True

    console = Console.open(data_dir)
    try:
        assert [v["version"] for v in plan_service.versions(console)] == [1]
        doc = plan_service.require_document(console)
        assert [level["code"] for level in doc["levels"]] == ["I", "II", "III", "IV"]
    finally:
        console.close()


def test_a_damaged_database_is_explained_not_a_traceback(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()
    english_settings(data_dir / SETTINGS_FILE)
    (data_dir / DB_FILENAME).write_bytes(b"this is not a database\x00" * 200)
    shown: list[tuple[str, str]] = []

    def critical(_parent: QWidget | None, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "critical", critical)

    assert run(data_dir=str(data_dir), quit_after_show=True) == 1

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "HIS Console cannot start"
    assert str(data_dir / DB_FILENAME) in text
    assert "damaged" in text and "hisconsole restore" in text


def test_a_console_that_cannot_open_after_the_first_look_is_explained(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english_settings(ready_data_dir / SETTINGS_FILE)
    # The database reads (the first look paints), but its signing key is gone: opening
    # the console after the first paint refuses, and says so.
    (ready_data_dir / KEY_FILENAME).unlink()
    assert first_look.read(ready_data_dir) is not None
    shown: list[tuple[str, str]] = []

    def critical(_parent: QWidget | None, title: str, text: str, *_args: object) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "critical", critical)

    assert run(data_dir=str(ready_data_dir), quit_after_show=True) == 1

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "HIS Console cannot start"
    assert KEY_FILENAME in text
    assert not (ready_data_dir / KEY_FILENAME).exists()  # no new key made in its place
